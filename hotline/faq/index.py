"""The retrieval index: which published FAQ entry answers a citizen's question.

Every question variant of every published entry is a TF-IDF vector of words, word pairs and
letter trigrams (`hotline.faq.features`, `hotline.faq.vectors`). A question scores against each
entry as a blend of its closest variant and the entry's variants taken together; misspelt words are
repaired towards the FAQ's own words first (`hotline.faq.spelling`). Whether the closest entry
answers, or is only offered, is the answer gate's to say (`hotline.faq.gate`).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy as np

from hotline.faq.asker import introduction
from hotline.faq.asks import kinds_asked
from hotline.faq.assembly import PostingsAssembly
from hotline.faq.courtesy import without_courtesy
from hotline.faq.coverage import GENERIC, Coverage
from hotline.faq.entries import FaqEntry
from hotline.faq.features import PAIR, WORD, content_words, features, kind, weighed_features
from hotline.faq.focus import focus
from hotline.faq.gate import FaqLookup, FaqMatch, Thresholds
from hotline.faq.meaning import Meaning
from hotline.faq.spelling import Speller
from hotline.faq.story import search_shares
from hotline.faq.synonyms import expand
from hotline.faq.vectors import Postings, Vocabulary
from hotline.faq.verdict import asks_verdict
from hotline.lru import Lru

Analyzer = Callable[[str], list[str]]

# An entry's score blends its closest variant with all its variants taken as one text: the
# best variant finds the phrasing, the whole entry vouches that the rest of the question fits.
BEST_VARIANT = 0.7
# Entries analysed and assembled at a time by a rebuild (`hotline.faq.assembly`).
CHUNK = 500
# Searches kept per index content: a turn searches its text up to three times, and citizens
# send the same questions a lot. A rebuild brings new content with an empty memo, so an edit
# is never answered from a search of the old index.
SEARCHES_KEPT = 2048


@dataclass(frozen=True)
class _Content:
    """Everything one rebuild produces, swapped in as a whole."""

    entries: tuple[FaqEntry, ...] = ()
    questions: tuple[str, ...] = ()
    entry_start: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    postings: Postings = field(default_factory=Postings.empty)
    speller: Speller = field(default_factory=lambda: Speller({}, ()))
    by_id: dict[str, FaqEntry] = field(default_factory=dict)
    coverage: Coverage = field(default_factory=lambda: Coverage((), lambda text: []))
    searches: Lru[tuple[str, int], tuple[FaqMatch, ...]] = field(
        default_factory=lambda: Lru(SEARCHES_KEPT)
    )
    # A text's words as coverage checks them (`_for_coverage`): a turn checks its text's
    # coverage by the index's matches and again by Rasa's pick.
    checked: Lru[str, list[str]] = field(default_factory=lambda: Lru(SEARCHES_KEPT))


class FaqIndex:
    """An in-memory index over the published entries; `rebuild` swaps in new content."""

    def __init__(
        self,
        analyzer: Analyzer,
        thresholds: Thresholds | None = None,
        meaning: Meaning | None = None,
    ) -> None:
        self._analyze = analyzer
        self.thresholds = thresholds or Thresholds()
        # A sentence encoder's second opinion on unsure matches (`hotline.faq.meaning`).
        self.meaning = meaning
        self._content = _Content()
        # Append-only, shared by every build: a search on the old content while a new one is
        # built never meets an id its postings do not know (`Postings.scores` checks the range).
        self._vocabulary = Vocabulary()

    def __len__(self) -> int:
        return len(self._content.entries)

    @property
    def entries(self) -> tuple[FaqEntry, ...]:
        return self._content.entries

    def get(self, id: str) -> FaqEntry | None:
        return self._content.by_id.get(id)

    def rebuild(self, entries: Iterable[FaqEntry]) -> None:
        """Index the published entries among `entries`; drafts are left out. Safe to run in a
        thread while the event loop searches: the old content serves until the new one is
        swapped in whole. One rebuild at a time (`FaqKnowledge` sees to it)."""
        self._content = self._build(tuple(e for e in entries if e.published))

    @property
    def embedded(self) -> bool:
        """Whether the encoder has the variants of the content being served (True without one)."""
        return self.meaning is None or self.meaning.ready_for(self._content.questions)

    def embed_variants(self) -> None:
        """Give the encoder's second opinion the variants of the content being served (a no-op
        without an encoder). Slow when they are not cached: run it in a thread, after `rebuild`;
        until it is done the index decides alone."""
        content = self._content
        if self.meaning is not None:
            sizes = [len(e.questions) for e in content.entries]
            self.meaning.embed_content(content.questions, sizes, [e.id for e in content.entries])

    def _build(self, published: tuple[FaqEntry, ...]) -> _Content:
        old = self._content
        questions = tuple(q for e in published for q in e.questions)
        sizes = [len(e.questions) for e in published]
        # A live edit re-analyses only what changed: unchanged questions keep their features,
        # read back from the old postings (no per-question arrays kept between rebuilds).
        known = {q: i for i, q in enumerate(old.questions)}
        if not any(q in known for q in questions):
            known = {}
        starts, old_fids, old_counts = old.postings.variant_rows(len(old.questions) if known else 0)
        assembly = PostingsAssembly(self._vocabulary, len(questions), len(published))
        coverage = Coverage((), self._analyze)
        for first in range(0, len(published), CHUNK):
            rows = []
            for entry in published[first : first + CHUNK]:
                # Each question is analysed once, for its postings and the entry's coverage;
                # an unchanged one keeps its features, an unchanged entry its coverage.
                reused = coverage.reuse(entry, old.coverage)
                asked = []
                for question in entry.questions:
                    i = known.get(question)
                    words = self._analyze(question) if i is None or not reused else []
                    asked.append(words)
                    if i is None:
                        rows.append(self._vocabulary.row(features(words)))
                    else:
                        rows.append(
                            (
                                old_fids[starts[i] : starts[i + 1]],
                                old_counts[starts[i] : starts[i + 1]],
                            )
                        )
                if not reused:
                    coverage.add(entry, asked, self._analyze)
            assembly.add(rows, sizes[first : first + CHUNK])
            # The event loop answers meanwhile: let it take the interpreter between chunks.
            time.sleep(0)
        del known, starts, old_fids, old_counts
        coverage.seal()
        postings = assembly.finish()
        return _Content(
            entries=published,
            questions=questions,
            entry_start=np.cumsum([0, *sizes], dtype=np.int64)[:-1],
            postings=postings,
            speller=self._speller(postings),
            by_id={e.id: e for e in published},
            coverage=coverage,
        )

    def search(self, text: str, limit: int = 3) -> list[FaqMatch]:
        """The `limit` closest published entries, best first, one match per entry."""
        content = self._content
        if not content.entries:
            return []
        found = content.searches.get((text, limit), lambda _: self._search(content, text, limit))
        return list(found)

    def _search(self, content: _Content, text: str, limit: int) -> tuple[FaqMatch, ...]:
        typed = self._analyze(text)
        analyzed = content.speller.correct(typed)
        # Salutations and the asker's self-introduction say nothing of which entry is meant.
        intro = introduction(text, self._analyze)
        checked = _for_coverage(typed, analyzed)
        # Words of a long message's story that no entry uses (`hotline.faq.story`) only thin out
        # its closeness to every entry: left out of the search too (they still count against
        # an entry's coverage, `hotline.faq.coverage.STORY_WEIGHT`); those some entry uses
        # weigh a share (`hotline.faq.story.SEARCH_SHARE`).
        told = content.coverage.story(text, checked).told
        unheard = told & set(content.coverage.unknown(list(told))) if told else frozenset()
        left_out = intro | unheard  # once, not once a word (review18)
        asked = [w for w in without_courtesy(analyzed) if w not in left_out] or analyzed
        counts = weighed_features(
            content_words(expand(asked, content.speller.knows)) or asked,
            search_shares(asked, told - unheard, content.speller.knows),
        )
        if not counts:
            return ()
        content.checked.put(text, checked)
        asks = kinds_asked(typed)
        named = focus(
            text, self._analyze, lambda ws: _for_coverage(ws, content.speller.correct(ws))
        )
        ids = self._vocabulary.ids
        row_scores = content.postings.scores([(ids.get(f), f, tf) for f, tf in counts.items()])
        variants = len(content.questions)
        best_variant = np.maximum.reduceat(row_scores[:variants], content.entry_start)
        entry_scores = BEST_VARIANT * best_variant + (1 - BEST_VARIANT) * row_scores[variants:]
        matches = []
        for number in np.argsort(-entry_scores, kind="stable")[:limit]:
            score = float(entry_scores[number])
            if score <= 0.0:
                break
            entry = content.entries[number]
            start = int(content.entry_start[number])
            best = start + int(np.argmax(row_scores[start : start + len(entry.questions)]))
            uncovered = content.coverage.uncovered(entry.id, checked, text)
            matches.append(
                FaqMatch(
                    entry,
                    min(score, 1.0),
                    content.questions[best],
                    float(row_scores[best]),
                    uncovered,
                    float(row_scores[variants + number]),
                    bool(content.coverage.said.unsaid(entry.id, asks)),
                    bool(content.coverage.said.unnamed(entry.id, named)),
                )
            )
        return tuple(matches)

    def uncovered(self, entry_id: str, text: str) -> float:
        """The share of the text's salient words entry `entry_id` never uses (1.0: unknown id)."""
        content = self._content
        if entry_id not in content.by_id:
            return 1.0
        checked = content.checked.get(text, lambda t: self._checked(content, t))
        return content.coverage.uncovered(entry_id, checked, text)

    def _checked(self, content: _Content, text: str) -> list[str]:
        typed = self._analyze(text)
        return _for_coverage(typed, content.speller.correct(typed))

    def lookup(self, text: str) -> FaqLookup:
        """The answer when confident; else the 2-3 closest entries, or none when none is close."""
        t = self.thresholds
        matches, evidence = self._weighed(text)
        if not matches:
            return FaqLookup(None, (), 0.0)
        best = matches[0]
        # An entry whose answer never says what is asked (a cost, an hour...) is offered at most.
        if (
            best.says
            and best.uncovered <= t.max_uncovered
            and (evidence >= t.answer or self._vouched(text, best, evidence))
        ):
            return FaqLookup(best.entry, (), best.score)
        if t.covers_alone(matches, evidence) or t.leads_in_cover(matches, evidence):
            return FaqLookup(best.entry, (), best.score)
        close = tuple(m.entry for m in matches[: t.max_suggestions] if t.plausible(m))
        if close == (best.entry,) and self._lone_answers(matches, evidence, text):
            return FaqLookup(best.entry, (), best.score)
        return FaqLookup(None, close, best.score)

    def unsure(self, text: str) -> bool:
        """Whether `lookup(text)` asks the encoder's second opinion: the top entry covers the
        question, its evidence short of an answer yet in the grey zone (`MeaningGate.grey`)."""
        meaning, t = self._second_opinion(), self.thresholds
        if meaning is None:
            return False
        matches, evidence = self._weighed(text)  # memoised for `lookup`
        return bool(matches) and meaning.unsure(
            matches[0].uncovered, evidence, t.answer, t.max_uncovered
        )

    def _weighed(self, text: str) -> tuple[list[FaqMatch], float]:
        """The closest entries and the evidence that the first answers (0.0 when none)."""
        t = self.thresholds
        matches = self.search(text, limit=max(2, t.max_suggestions))
        if not matches:
            return matches, 0.0
        return matches, t.evidence(matches[0], t.runner_up(matches))

    def _second_opinion(self) -> Meaning | None:
        """The encoder, when there is one and it has embedded the content being served."""
        meaning = self.meaning
        if meaning is None or not meaning.ready_for(self._content.questions):
            return None
        return meaning

    def _vouched(self, text: str, best: FaqMatch, evidence: float) -> bool:
        """The encoder's second opinion, when there is one for the content being served."""
        meaning = self._second_opinion()
        return meaning is not None and meaning.vouches(text, best.entry.id, evidence)

    def _lone_answers(self, matches: list[FaqMatch], evidence: float, text: str) -> bool:
        """Whether the only plausible entry is sure enough to answer (`Thresholds.answers_alone`);
        never for a verdict asked on someone's conduct (`hotline.faq.verdict`)."""
        return self.thresholds.answers_alone(matches, evidence) and not asks_verdict(text)

    def _speller(self, postings: Postings) -> Speller:
        names = self._vocabulary.names
        used = np.flatnonzero(postings.entry_count)
        words = {names[i][2:]: int(postings.entry_count[i]) for i in used if kind(names[i]) == WORD}
        pairs = {
            (a, b): int(postings.entry_count[i])
            for i in used
            if kind(names[i]) == PAIR
            for a, b in [names[i][2:].split("_", 1)]
        }
        return Speller(words, pairs)


def _for_coverage(typed: list[str], corrected: list[str]) -> list[str]:
    """Repaired words, except filler the speller must not turn into content ("ok" is no typo)."""
    return [t if t in GENERIC else c for t, c in zip(typed, corrected, strict=True)]
