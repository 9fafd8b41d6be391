"""The dashboard's figures of what citizens think: 👍/👎 on answers, the survey after a ticket."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from hotline.bot.opinions import Opinion, Subject, Verdict


@dataclass(frozen=True)
class OpinionFigures:
    helpful: int  # 👍 on FAQ answers
    not_helpful: int  # 👎
    satisfied: int  # survey answers after resolution
    neutral: int
    unsatisfied: int

    @property
    def surveyed(self) -> int:
        return self.satisfied + self.neutral + self.unsatisfied

    @property
    def satisfied_rate(self) -> float | None:
        return self.satisfied / self.surveyed if self.surveyed else None


def opinion_figures(opinions: Sequence[Opinion]) -> OpinionFigures:
    answers = Counter(o.verdict for o in opinions if o.subject == Subject.ANSWER)
    survey = Counter(o.verdict for o in opinions if o.subject == Subject.TICKET)
    return OpinionFigures(
        helpful=answers[Verdict.UP],
        not_helpful=answers[Verdict.DOWN],
        satisfied=survey[Verdict.SATISFIED],
        neutral=survey[Verdict.NEUTRAL],
        unsatisfied=survey[Verdict.UNSATISFIED],
    )
