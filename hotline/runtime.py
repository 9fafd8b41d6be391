"""The running hotline's core, built in order from the settings and closed in reverse: the
database and its stores, the FAQ, the NLU, the ticket desk and the engine. The web app builds the
channels, the casework and the admin tools on top (hotline.web.app)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Mapping
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from hotline.bot.contact_log import ContactLog
from hotline.bot.conversation import ConversationStore
from hotline.bot.dialogs.base import AgentsOnline, Services
from hotline.bot.dialogs.router import DialogRouter
from hotline.bot.engine import Engine
from hotline.bot.event_feed import shared_by_workers
from hotline.bot.events import EventBus
from hotline.bot.nlu.admin_units import AdminUnits, default_units
from hotline.bot.nlu.base import NLU
from hotline.bot.nlu.config import NluConfig
from hotline.bot.nlu.local import LocalNLU
from hotline.bot.nlu.normalize import words
from hotline.bot.nlu.rasa_runtime import active_nlu
from hotline.bot.nlu.training import model_is_stale, train
from hotline.bot.opinions import OpinionLog
from hotline.bot.ticket_quota import TicketQuota
from hotline.config import Settings
from hotline.faq.io import load_seed
from hotline.faq.knowledge import FaqKnowledge
from hotline.faq.meaning import open_meaning
from hotline.faq.reading import reading
from hotline.faq.unanswered import QuestionLog
from hotline.handoff.audit import AuditLog
from hotline.handoff.confidentiality import Pseudonyms, SenderProofs
from hotline.handoff.crypto import Cipher, load_or_create_key
from hotline.handoff.desk import TicketDesk
from hotline.handoff.routing import Routing, RoutingStore
from hotline.handoff.rule_documents import RuleDocuments
from hotline.handoff.rules import saved_deadlines
from hotline.handoff.user_store import UserStore
from hotline.storage.base import Storage
from hotline.storage.open import data_folder, open_storage

log = logging.getLogger(__name__)


@dataclass
class Hotline:
    settings: Settings
    storage: Storage
    conversations: ConversationStore
    desk: TicketDesk
    faq: FaqKnowledge
    nlu: NLU
    units: AdminUnits
    engine: Engine
    users: UserStore
    audit: AuditLog
    routing: RoutingStore
    questions: QuestionLog  # FAQ questions asked, for the admin pages
    contacts: ContactLog  # every message's channel and intent, for the dashboard
    rules: RuleDocuments  # deadlines and canned responses as admins saved them
    # Citizens' platform ids as staff see them (keyed with the service's secret).
    pseudonyms: Pseudonyms = field(default_factory=lambda: Pseudonyms(b""))
    # What a citizen's app shows to fetch its waiting replies (keyed the same way).
    proofs: SenderProofs = field(default_factory=lambda: SenderProofs(b""))
    opinions: OpinionLog | None = None  # 👍/👎 on answers, surveys after resolution

    async def ready(self, store: Mapping[str, object] | None = None) -> dict[str, object]:
        """The readiness checks; `store` is a cached probe's answer, else the store is pinged."""
        stored = dict(store) if store is not None else {"store": await self.conversations.ping()}
        nlu_ok = await self.nlu.is_ready()
        checks: dict[str, object] = {**stored, "nlu": self.nlu.name, "nlu_ready": nlu_ok}
        checks["faq_ready"] = self.faq.built
        parts = (("faq", self.faq.built), ("nlu", nlu_ok))
        checks["loading"] = [name for name, ok in parts if not ok]  # what is still loading
        rasa = getattr(self.nlu, "rasa_state", None)  # HOTLINE_NLU=rasa: the breaker's view
        if rasa is not None:
            checks["rasa"] = rasa
        return checks


async def load_local_nlu(model_dir: Path) -> LocalNLU:
    """The local NLU, trained first if its model is missing or older than its data."""
    if model_is_stale(model_dir):
        report = await asyncio.to_thread(train, model_dir)
        log.info("trained the local NLU: %s", report)
    return LocalNLU.load(model_dir)


def key_file(settings: Settings) -> Path:
    """Where the generated key lives: HOTLINE_SECRET_KEY_FILE, else beside the SQLite file."""
    if settings.secret_key_file:
        return Path(settings.secret_key_file)
    return data_folder(settings.store) / "secret.key"


async def open_cipher(settings: Settings) -> Cipher:
    """What seals reporters' contact details at rest (HOTLINE_SECRET_KEY, else a kept key)."""
    key = await asyncio.to_thread(load_or_create_key, settings.secret_key, key_file(settings))
    return Cipher(key)


async def seed_faq(faq: FaqKnowledge) -> int:
    """Give a new installation the project's sample FAQ; an edited FAQ is never touched."""
    if await faq.store.list():
        return 0
    entries = load_seed()
    for entry in entries:
        await faq.store.put(entry)
    return len(entries)


@asynccontextmanager
async def open_hotline(
    settings: Settings,
    events: EventBus,
    agents: AgentsOnline,
    media_channels: frozenset[str] = frozenset(),
    letter_channels: frozenset[str] = frozenset(),
    faq_later: bool = False,
) -> AsyncIterator[Hotline]:
    """The core on the settings' database. `agents` says who is on duty to take a chat;
    `media_channels` carry photos (the report form asks for them), on `letter_channels`
    citizens write letters (e-mail). With `faq_later` the FAQ index is not built here: the
    caller builds it (the server's refresher does, once it listens), and turns wait for it.
    A new installation's FAQ is seeded here either way: a write, which a locked store must
    fail at the start rather than hold a turn waiting for the index."""
    async with AsyncExitStack() as stack:
        storage = await open_storage(settings.store)
        stack.push_async_callback(storage.close)
        secret = await asyncio.to_thread(
            load_or_create_key, settings.secret_key, key_file(settings)
        )
        conversations = await storage.conversations(Cipher(secret))
        tickets = await storage.tickets(Cipher(secret))
        rules = await storage.rule_documents()
        routing = await storage.routing()
        desk = TicketDesk(tickets, await saved_deadlines(rules), routing=Routing(routing))
        meaning = open_meaning(settings.faq_encoder, data_folder(settings.store) / "meaning")
        faq = FaqKnowledge(await storage.faq(), reading(words), meaning=meaning)
        stack.push_async_callback(faq.close)  # before the storage's: the embedding task
        seeded = await seed_faq(faq)
        if seeded:
            log.info("seeded the FAQ with %d sample entries", seeded)
        if not faq_later:
            await faq.refresh(force=True)
            await faq.until_embedded()  # a command (an evaluation) answers with the encoder too
        local_nlu = await load_local_nlu(Path(settings.nlu_model_dir))
        nlu = await stack.enter_async_context(
            active_nlu(NluConfig.of(settings), local_nlu, faq.store)
        )
        units = default_units()
        questions = await storage.questions()
        contacts = await storage.contact_log()
        opinions = await storage.opinions()
        services = Services(
            faq=faq,
            desk=desk,
            units=units,
            media_channels=media_channels,
            letter_channels=letter_channels,
            agents=agents,
            questions=questions,
            subscriptions=await storage.subscriptions(),
            opinions=opinions,
            history=conversations,
            ticket_quota=TicketQuota(
                per_conversation=settings.tickets_per_conversation,
                window=timedelta(hours=settings.ticket_quota_hours),
                per_channel_per_minute=settings.tickets_per_channel_per_minute,
            ),
        )
        shared = shared_by_workers(storage, settings.share_events)
        engine = Engine(
            conversations,
            nlu,
            DialogRouter(services),
            settings.max_message_chars,
            events,
            leases=await storage.leases() if shared else None,
            worker=settings.worker_id or None,
            knowledge=faq,
        )
        yield Hotline(
            settings,
            storage,
            conversations,
            desk,
            faq,
            nlu,
            units,
            engine,
            await storage.users(),
            await storage.audit(),
            routing,
            questions,
            contacts,
            rules,
            Pseudonyms(secret),
            SenderProofs(secret),
            opinions,
        )


async def refresh_faq_forever(faq: FaqKnowledge, every: float) -> None:
    """Build the first index (the server listens meanwhile), then keep it in step with edits
    made by any process, within a second. A first build that fails is tried again each pass."""
    try:
        await faq.refresh(force=True)
    except Exception:
        log.exception("building the FAQ index failed; trying again")
    while True:
        await asyncio.sleep(every)
        try:
            await faq.refresh()
        except Exception:  # a locked or busy database must not stop the refresher
            log.exception("FAQ refresh failed; trying again")
