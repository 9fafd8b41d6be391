"""What every dialog step receives and returns."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from hotline.bot.conversation import ConversationState
from hotline.bot.messages import Button, ConversationKey, InboundMessage, OutboundMessage
from hotline.bot.nlu.base import ParseResult
from hotline.bot.nlu.normalize import normalize
from hotline.bot.opinions import OpinionLog
from hotline.bot.subscriptions import SubscriptionBook
from hotline.bot.ticket_quota import TicketQuota
from hotline.faq.knowledge import FaqKnowledge
from hotline.faq.unanswered import AskedQuestion, QuestionLog
from hotline.handoff.desk import TicketDesk


class AdminUnits(Protocol):
    """The part of the administrative-unit list the dialogs use."""

    @property
    def districts(self) -> tuple[str, ...]: ...

    def district_of(self, ward: str, hint: str | None = None) -> str | None: ...

    def districts_of(self, ward: str) -> tuple[str, ...]: ...

    def wards_of(self, district: str) -> tuple[str, ...]: ...


class Transcripts(Protocol):
    """A conversation's last messages, oldest first, each with its row's "id" and what it
    replies to ("reply_to"): `ConversationStore.transcript`."""

    async def transcript(self, key: ConversationKey, limit: int = 200) -> list[dict[str, Any]]: ...


class AgentsOnline(Protocol):
    """Whether anyone is at the agent console now, to tell a citizen how soon a person answers."""

    def anyone_online(self) -> bool: ...


class NobodyOnline:
    """No console attached (tests, a bot-only deployment): requests for a person are queued."""

    def anyone_online(self) -> bool:
        return False


@dataclass(frozen=True)
class Services:
    faq: FaqKnowledge
    desk: TicketDesk
    units: AdminUnits
    # Channels that can carry photos and locations; others are not asked for evidence.
    media_channels: frozenset[str] = frozenset()
    # Channels where a message is a whole letter (e-mail): reports are filed at once.
    letter_channels: frozenset[str] = frozenset()
    agents: AgentsOnline = field(default_factory=NobodyOnline)
    # Where FAQ questions are logged (answered or not) for admins; None logs nothing. A turn's
    # questions go with the turn's own write (`Context.asked`), not through this log.
    questions: QuestionLog | None = None
    # Who follows the province's notices; None: subscribing is unavailable.
    subscriptions: SubscriptionBook | None = None
    # Where 👍/👎 and survey answers are kept; None offers neither.
    opinions: OpinionLog | None = None
    # How many tickets a chat may file (issue 16); None: no limit.
    ticket_quota: TicketQuota | None = None
    # The conversations' transcripts: where a 👎 finds the question it rates; None: the entry's.
    history: Transcripts | None = None


@dataclass(frozen=True)
class Turn:
    """The outcome of one message: the next state and the replies, saved together, with the
    FAQ questions the dialog asked (`Context.asked`, which the engine puts here)."""

    state: ConversationState
    replies: tuple[OutboundMessage, ...] = ()
    questions: tuple[AskedQuestion, ...] = ()


@dataclass(frozen=True)
class Context:
    message: InboundMessage
    parse: ParseResult
    services: Services
    # The text as the citizen typed it when Telex or VNI typing was read as Vietnamese
    # (`message` holds the text as read, `hotline.bot.nlu.telex`); None: as read.
    typed: str | None = None
    said: str = field(init=False)
    # The FAQ questions this message asked, for the engine to log with the turn's write.
    questions: list[AskedQuestion] = field(default_factory=list, init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "said", normalize(self.message.text))

    @property
    def intent(self) -> str:
        return self.parse.intent.name

    @property
    def their_words(self) -> str:
        """What the citizen wrote, as typed and stripped: what a ticket keeps (a name, an
        English word or a code the Telex reading took for a syllable stays as written)."""
        return (self.message.text if self.typed is None else self.typed).strip()

    @property
    def source_key(self) -> str:
        """Identifies the message that triggered an action, so a replay does it once."""
        return f"{self.message.key.channel}:{self.message.message_id}"

    def asked(self, question: AskedQuestion) -> None:
        """Log an FAQ question with the turn: written by the turn's own write
        (`ConversationStore.commit_turn`: SQLite in its transaction, MongoDB right after it),
        so a turn that fails logs nothing and its retry logs it once."""
        self.questions.append(question)

    def reply(self, text: str, buttons: Sequence[tuple[str, str]] = ()) -> OutboundMessage:
        return OutboundMessage(
            key=self.message.key,
            text=text,
            buttons=tuple(Button(title=t, payload=p) for t, p in buttons),
        )

    def pressed(self, *intents: str) -> bool:
        """True if the citizen pressed a button (or typed a payload) for one of these."""
        return self.message.content.startswith("/") and self.intent in intents
