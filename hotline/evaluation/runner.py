"""Each message of a split through the real engine, as a channel would send it, and what came of it.

Every message opens a conversation of its own on a scratch SQLite file, so one message's form
never swallows the next. The NLU is recorded on its way through, so the outcome knows the parse.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from hotline.bot.dialogs.base import NobodyOnline
from hotline.bot.events import EventBus
from hotline.bot.messages import ConversationKey, InboundMessage
from hotline.bot.nlu.base import NLU, ParseResult
from hotline.config import Settings
from hotline.evaluation.cases import Case
from hotline.evaluation.outcome import Outcome, literal, observe
from hotline.runtime import Hotline, open_hotline

CHANNEL = "evaluation"


class RecordingNLU:
    """Passes parses through and keeps the last one."""

    def __init__(self, inner: NLU) -> None:
        self.inner = inner
        self.last: ParseResult | None = None

    @property
    def name(self) -> str:
        return self.inner.name

    async def parse(self, text: str) -> ParseResult:
        self.last = await self.inner.parse(text)
        return self.last

    async def is_ready(self) -> bool:
        return await self.inner.is_ready()


@dataclass
class BotUnderTest:
    """A running hotline whose engine talks to `nlu`."""

    hotline: Hotline
    nlu: RecordingNLU
    answers: dict[str, str]
    sent: int = 0

    async def outcome(self, text: str) -> Outcome:
        self.sent += 1
        key = ConversationKey(CHANNEL, f"citizen-{self.sent}")
        message = InboundMessage(key, f"m-{self.sent}", text, received_at=datetime.now(UTC))
        items = await self.hotline.engine.handle(message)
        assert self.nlu.last is not None, "the engine did not parse the message"
        state = await self.hotline.conversations.load(key)
        tickets = await self.hotline.desk.store.for_conversation(CHANNEL, key.sender)
        return observe(self.nlu.last, [i.message for i in items], state, tickets, self.answers)


@asynccontextmanager
async def bot(
    work_dir: Path, nlu: Callable[[NLU], NLU] | None = None, model_dir: Path | None = None
) -> AsyncIterator[BotUnderTest]:
    """The hotline on a scratch database in `work_dir`, with the shipped FAQ seed. `nlu` builds
    the engine's NLU from the local one (None: the local NLU, as HOTLINE_NLU=local serves)."""
    settings = replace(
        Settings(),
        store=f"sqlite:///{work_dir / 'evaluation.db'}",
        nlu="local",
        nlu_model_dir=str(model_dir or work_dir / "nlu"),
        # Every case is another citizen on one channel, hundreds a minute: the channel's flood
        # guard would refuse tickets midway through a split and blur the columns it measures.
        tickets_per_channel_per_minute=1_000_000,
    )
    async with open_hotline(settings, EventBus(), NobodyOnline()) as hotline:
        recording = RecordingNLU(nlu(hotline.nlu) if nlu is not None else hotline.nlu)
        hotline.engine.nlu = recording
        answers = {e.answer: e.id for e in hotline.faq.index.entries}
        yield BotUnderTest(hotline, recording, answers)


async def run_bot(target: BotUnderTest, cases: Sequence[Case]) -> list[Outcome]:
    return [await target.outcome(case.text) for case in cases]


async def run_literal(nlu: NLU, cases: Sequence[Case]) -> list[Outcome]:
    """The NLU's parses taken at their word (see `outcome.literal`)."""
    return [literal(await nlu.parse(case.text)) for case in cases]
