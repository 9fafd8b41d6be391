"""What citizens think: 👍/👎 on an FAQ answer, and the one-question survey after a ticket is
resolved. Counted for the dashboard, never traced back to who gave them.

An opinion is one per (subject, about, by): `by` is the button press's message for an answer
(a redelivered press counts once) and the ticket's code for a survey (the first answer stands).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, Protocol


class Subject(StrEnum):
    ANSWER = "answer"  # `about` is the FAQ entry's id
    TICKET = "ticket"  # `about` is the ticket's code


class Verdict(StrEnum):
    UP = "up"
    DOWN = "down"
    SATISFIED = "satisfied"
    NEUTRAL = "neutral"
    UNSATISFIED = "unsatisfied"


ANSWER_VERDICTS = (Verdict.UP, Verdict.DOWN)
SURVEY_VERDICTS = (Verdict.SATISFIED, Verdict.NEUTRAL, Verdict.UNSATISFIED)


@dataclass(frozen=True)
class Opinion:
    subject: Subject
    about: str
    verdict: Verdict
    channel: str
    at: datetime
    by: str

    def to_record(self) -> dict[str, Any]:
        if self.at.tzinfo is None:
            raise ValueError("opinion times must carry a time zone")
        return {
            "subject": str(self.subject),
            "about": self.about,
            "verdict": str(self.verdict),
            "channel": self.channel,
            "at": self.at,
            "by": self.by,
        }

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> Opinion:
        return cls(
            Subject(record["subject"]),
            record["about"],
            Verdict(record["verdict"]),
            record["channel"],
            record["at"],
            record["by"],
        )


class OpinionLog(Protocol):
    """Where opinions are kept: the dialogs record, the dashboard reads."""

    async def record(self, opinion: Opinion) -> bool:
        """Keep an opinion; False when this one was given before (it stands as it was)."""
        ...

    async def between(self, since: datetime, until: datetime) -> list[Opinion]: ...

    async def close(self) -> None: ...
