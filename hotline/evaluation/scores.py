"""The open-world figures of one NLU or bot on one split."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from hotline.bot.nlu.rasa_scores import macro_f1
from hotline.evaluation.cases import Case
from hotline.evaluation.outcome import Outcome

FORMS = ("form", "emergency")


@dataclass(frozen=True)
class Scores:
    backend: str
    cases: int
    uncovered: int
    covered: int
    questions: int
    wrong_answer: float  # direct answers to messages no entry answers, of those messages
    wrong_entry: float  # direct answers with another entry, of the covered messages
    covered_helped: float  # the right entry answered or offered, of the covered messages
    covered_direct: float  # the right entry answered directly, of the covered messages
    questions_to_form: float  # questions (and off-topic talk) sent into a form or an emergency
    intent_accuracy: float
    macro_f1: float
    uncovered_offered: float = 0.0  # messages no entry answers offered entries, of those messages
    offered_mean: float = 0.0  # entries offered to such a message, on average, when any is


@dataclass(frozen=True)
class Miss:
    kind: str
    case: Case
    outcome: Outcome


def _share(hits: int, total: int) -> float:
    return hits / total if total else 0.0


def right_answer(case: Case, outcome: Outcome) -> bool:
    return outcome.action == "answer" and outcome.entry in case.faq


def helped(case: Case, outcome: Outcome) -> bool:
    offered = any(e in case.faq for e in outcome.offered)
    return right_answer(case, outcome) or offered


def score(backend: str, cases: Sequence[Case], outcomes: Sequence[Outcome]) -> Scores:
    both = list(zip(cases, outcomes, strict=True))
    uncovered = [o for c, o in both if not c.covered]
    covered = [(c, o) for c, o in both if c.covered]
    questions = [o for c, o in both if c.question]
    offers = [len(o.offered) for o in uncovered if o.offered]
    # An intent that is just as right counts as the gold one (see `also` in the split files).
    pairs = [(o.intent if c.accepts(o.intent) else c.intent, o.intent) for c, o in both]
    return Scores(
        backend=backend,
        cases=len(both),
        uncovered=len(uncovered),
        covered=len(covered),
        questions=len(questions),
        wrong_answer=_share(sum(o.action == "answer" for o in uncovered), len(uncovered)),
        wrong_entry=_share(
            sum(o.action == "answer" and not right_answer(c, o) for c, o in covered), len(covered)
        ),
        covered_helped=_share(sum(helped(c, o) for c, o in covered), len(covered)),
        covered_direct=_share(sum(right_answer(c, o) for c, o in covered), len(covered)),
        questions_to_form=_share(sum(o.action in FORMS for o in questions), len(questions)),
        intent_accuracy=_share(sum(g == p for g, p in pairs), len(pairs)),
        macro_f1=macro_f1(pairs),
        uncovered_offered=_share(len(offers), len(uncovered)),
        offered_mean=_share(sum(offers), len(offers)),
    )


def misses(cases: Sequence[Case], outcomes: Sequence[Outcome]) -> list[Miss]:
    """Every message the figures count against: wrong answers, covered but not helped or not
    answered directly, questions sent into a form, intent misses."""
    found: list[Miss] = []
    for case, outcome in zip(cases, outcomes, strict=True):
        if outcome.action == "answer" and not right_answer(case, outcome):
            found.append(Miss("wrong answer", case, outcome))
        elif case.covered and not helped(case, outcome):
            found.append(Miss("not helped", case, outcome))
        elif case.covered and not right_answer(case, outcome):
            found.append(Miss("only suggested", case, outcome))
        if case.question and outcome.action in FORMS:
            found.append(Miss("question to form", case, outcome))
        if not case.accepts(outcome.intent):
            found.append(Miss("intent", case, outcome))
    return found
