"""The answer gate: when the FAQ index answers a question directly, and when it only suggests.

A search gives each close entry its evidence (`FaqMatch`: its score, how close its variants
taken together come, the share of the question's salient words it never uses, whether its
answer says what is asked); `Thresholds` weighs the top match's evidence against the runner-up
and decides between an answer, plausible suggestions and nothing (`FaqLookup`). The numbers and
the measurements behind them are here, apart from the index that searches
(`hotline.faq.index`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from hotline.faq.entries import FaqEntry


@dataclass(frozen=True)
class FaqMatch:
    """An entry and how close the question came to it (0..1); `question` is its closest variant,
    `variant` that variant's own cosine, `whole` the cosine of the entry's variants taken as one
    text, `uncovered` the share of the question's salient words the entry never uses
    (`hotline.faq.coverage`), `unsaid` whether the question asks a kind of thing (a cost, an
    hour, a place...) the entry's answer never says (`hotline.faq.asks`), `unnamed` whether the
    question's asking clause names a thing its answer never says (`hotline.faq.focus`)."""

    entry: FaqEntry
    score: float
    question: str
    variant: float = 0.0
    uncovered: float = 0.0
    whole: float = 0.0
    unsaid: bool = False
    unnamed: bool = False

    @property
    def says(self) -> bool:
        """Whether the entry's answer says what the question asks: every kind it asks and
        every thing its asking clause names. One that does not is offered at most."""
        return not self.unsaid and not self.unnamed


@dataclass(frozen=True)
class FaqLookup:
    """The answer when the index is confident, else the closest entries to offer."""

    answer: FaqEntry | None
    suggestions: tuple[FaqEntry, ...]
    score: float

    @property
    def confident(self) -> bool:
        return self.answer is not None


@dataclass(frozen=True)
class Thresholds:
    """When a lookup answers, and when it only suggests.

    The top entry answers when the evidence that it answers the question reaches `answer`:

        evidence = whole_weight * whole + margin_weight * lead - uncovered_weight * uncovered - bias

    `whole`: how close the entry's question variants taken together come to the question (one
    close variant alone also finds questions the entry does not answer); `lead`: its score over
    the runner-up's; `uncovered`: the share of the question's salient words it never uses. The
    weights are a logistic regression of "the top entry is right" on these three, fitted on the
    open-world dev split (hotline/evaluation/data/dev.yml: the 230 messages the local NLU sends
    to the FAQ, 106 of them answered by their top entry) and rounded; each is monotone (closer,
    further ahead, more covered: surer) and kept its sign and rough size fitted on either half
    of dev. An evidence of 0 is even odds; `answer` is where dev had at most 1.5% of its
    uncovered questions answered and no covered one answered with another entry, on either
    half of dev alike (1.5 to 1.3: 3 more direct answers in each half, nothing wrong added;
    1.2 answered a covered question with the wrong entry). Never an answer leaving more than
    `max_uncovered` of the question uncovered (dev's right answers left at most 45%), nor one
    whose answer never says what the question asks (a cost, an hour...: `hotline.faq.asks`).
    Looser values that check seemed to make room for (`answer` 0.6, `lone_answer` 0.25) gave 23
    more direct answers than the check alone on dev, dev2 and dev3 together, where they were
    fitted, for 2 more wrong ones; on dev4, unseen, 7 more for one more wrong answer and two
    covered questions answered with the wrong entry: not kept (issue 12).

    Otherwise entries scoring at least `suggest` and covering all but `suggest_uncovered` of
    the question are offered; none when none is plausible. An entry covering all but
    `covered_uncovered` of the question is plausible from the lower score `suggest_covered`:
    its coverage vouches for it where the score alone is weak (on dev one more covered
    question helped, no off-topic one offered anything more; a floor of 0.12-0.14 for matches
    leaving up to 45-60% uncovered offered entries for gold prices and cooking).

    When the top entry is the only plausible one, it answers from the lower evidence
    `lone_answer` (None: never): no other entry competes for the question. Fitted on dev and
    checked on dev2 (issue 12): from 0.5 it answered 2 more covered dev questions and 3 more
    dev2 ones directly, with no wrong answer or wrong entry added on either; from 0 it answered
    one more uncovered dev2 question, from -1 several. Lowered to 0.15 in round 11 (issue
    12), measured on dev..dev5 with the self-introduction left out of the search (covered
    answered directly, local / bot with Rasa): from 0.25 dev4 +1.4 / +0.7 and dev5 +0.7 / 0;
    from 0.15 dev3 +1.4 / +1.4, dev4 +2.9 / +2.2, dev5 +0.7 / 0 in all; from 0.1 dev2 +0.8 /
    +0.7 and dev3 +0.6 / +0.7 more; no wrong answer or wrong entry added down to 0.1; from 0
    one uncovered dev2 message answered (a complaint put as "... có đúng không", evidence
    0.08), so 0.15 keeps a margin from it. Earlier rounds kept 0.5: looser values together
    with a looser `answer` cost wrong answers on a split then unseen.

    Below that, down to `lone_cover`, the only plausible entry still answers when no other of
    the closest covers the question as fully (each leaves more of it unused, or its answer
    never says what is asked) and the question asks no verdict on someone's conduct ("... có
    đúng không": `hotline.faq.verdict`). Measured in round 12 on dev..dev6 with the local NLU
    (issue 12): covered messages only suggested with their entry alone, from -0.5: 14 more
    answered directly, none wrong; the rival condition keeps "phản ánh hôm trước của tôi đến
    đâu rồi" (the report-tracking entry as fully covering, below the suggestion floor) from the
    support-lookup entry; the verdict, a complaint put as "... có đúng không" from the free-test
    entry (evidence 0.08). From -0.75 a comparison of two vaccines was answered (-0.72).

    When other close entries are plausible but each leaves more of the question unused than
    the top one (or never says what is asked), the top answers from the lower evidence
    `cover_lead` (None: never): it covers what they do not. Measured in round 12 on dev..dev6
    with the local NLU (issue 12): from 1.0, 6 more covered messages answered directly (dev 1,
    dev2 2, dev5 1, dev6 2), none wrong; from 0.75, 8; from 0.5, 10 and 3 wrong answers
    (evidence 0.58 to 0.7: an hour of a ward's station, a shipper's pass). Off (None): on dev7,
    unseen when it was fitted, it answered no covered message the gate did not, and one with
    the wrong entry (a driver's papers for carrying passengers to another province, given the
    public-transport entry); `lone_cover` there answered 3 more, none wrong.

    When the top entry covers the whole question (it uses every salient word and its answer
    says every kind of thing asked) and no other entry among the closest does, it answers from
    the lower evidence `sole_cover` (None: never): the words it shares with the question are
    then all the question's, and nothing else competes on them. Measured on dev..dev4 with the
    local NLU (issue 12): from 1.0, 0.5, 0 and -0.5 it answered 4, 10, 13 and 16 more covered
    messages directly (at 0.5: 1, 4, 2 and 3 on dev, dev2, dev3 and dev4), none with another
    entry; from 0 down it answered one more uncovered dev4 message. A rival counts when it
    covers as fully; one leaving even 10% or 20% uncovered changed nothing.
    """

    answer: float = 1.3
    max_uncovered: float = 0.45
    whole_weight: float = 20.0
    margin_weight: float = 6.0
    uncovered_weight: float = 3.5
    bias: float = 3.2
    suggest: float = 0.15
    max_suggestions: int = 3
    suggest_uncovered: float = 0.7
    suggest_covered: float = 0.13
    covered_uncovered: float = 0.2
    lone_answer: float | None = 0.15
    lone_cover: float | None = -0.5
    cover_lead: float | None = None
    sole_cover: float | None = 0.5

    def evidence(self, best: FaqMatch, runner_up: float) -> float:
        """How sure the top match answers the question (log-odds, 0: even odds)."""
        return (
            self.whole_weight * best.whole
            + self.margin_weight * (best.score - runner_up)
            - self.uncovered_weight * best.uncovered
            - self.bias
        )

    def runner_up(self, matches: Sequence[FaqMatch]) -> float:
        """The score the top match leads by: the closest other match whose answer says what
        is asked (0.0 when none). One that never says it (`unsaid`) cannot answer the
        question, so it is no rival: on dev..dev4 (issue 12, local) leaving such runners-up
        out answered 2 more covered messages (dev3, dev4) and nothing else changed; leaving
        out also those covering at most 55% of the question answered 14 more and 3 uncovered
        ones."""
        return next((m.score for m in matches[1:] if not m.unsaid), 0.0)

    def covers_alone(self, matches: Sequence[FaqMatch], evidence: float) -> bool:
        """Whether the top match, covering the whole question where none of the other close
        matches does, is sure enough to answer (`sole_cover`)."""
        if self.sole_cover is None or evidence < self.sole_cover or not matches:
            return False
        best, rivals = matches[0], matches[1 : self.max_suggestions]
        whole = best.says and best.uncovered == 0.0
        return whole and all(m.unsaid or m.uncovered > 0.0 for m in rivals)

    def answers_alone(self, matches: Sequence[FaqMatch], evidence: float) -> bool:
        """Whether the top match, the only plausible one, is sure enough to answer: from
        `lone_answer`, or from `lone_cover` when no other close match covers the question as
        fully."""
        if self.lone_answer is None or not self.answers_asked(matches):
            return False
        if evidence >= self.lone_answer:
            return True
        lower = self.lone_cover
        return lower is not None and evidence >= lower and self.outcovers_rivals(matches)

    def leads_in_cover(self, matches: Sequence[FaqMatch], evidence: float) -> bool:
        """Whether the top match, covering more of the question than each other close match,
        is sure enough to answer (`cover_lead`)."""
        if self.cover_lead is None or evidence < self.cover_lead:
            return False
        return self.answers_asked(matches) and self.outcovers_rivals(matches)

    def answers_asked(self, matches: Sequence[FaqMatch]) -> bool:
        """Whether there is a top match, its answer says what is asked and it leaves little of
        the question uncovered."""
        return bool(matches) and matches[0].says and matches[0].uncovered <= self.max_uncovered

    def outcovers_rivals(self, matches: Sequence[FaqMatch]) -> bool:
        """Whether each other close match leaves more of the question unused than the top one,
        or never says what is asked."""
        best = matches[0]
        return all(
            m.unsaid or m.uncovered > best.uncovered for m in matches[1 : self.max_suggestions]
        )

    def plausible(self, match: FaqMatch) -> bool:
        """Whether the match is worth offering among suggestions."""
        if match.uncovered > self.suggest_uncovered:
            return False
        covered = match.uncovered <= self.covered_uncovered
        return match.score >= (self.suggest_covered if covered else self.suggest)
