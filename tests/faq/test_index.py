from __future__ import annotations

from dataclasses import replace

import pytest

from hotline.faq.entries import FaqEntry
from hotline.faq.gate import FaqMatch, Thresholds
from hotline.faq.index import Analyzer, FaqIndex
from tests.faq.samples import entry
from tests.faq.scorecard import paraphrases, score


def test_paraphrase_set_is_large_enough_and_held_out(seed: list[FaqEntry]) -> None:
    answerable, off_topic = paraphrases()
    assert len(answerable) >= 80
    assert len(off_topic) >= 20
    ids = {e.id for e in seed}
    assert {expected for _, expected in answerable} <= ids
    variants = {q.casefold() for e in seed for q in e.questions}
    assert not [text for text, _ in answerable if text.casefold() in variants]


def test_the_scorecard_counts_the_paraphrases(seed_index: FaqIndex) -> None:
    # Figures are printed (`python -m tests.faq.scorecard`), never asserted: the open-world
    # evaluation is where the index is judged.
    card = score(seed_index)
    answerable, off_topic = paraphrases()
    assert card.questions == len(answerable) and card.off_topic == len(off_topic)
    for figure in (card.top1, card.top3, card.coverage, card.precision, card.helped):
        assert 0.0 <= figure <= 1.0
    assert card.top1 <= card.top3


def test_off_topic_gets_no_answer(seed_index: FaqIndex) -> None:
    _, off_topic = paraphrases()
    answered = [t for t in off_topic if seed_index.lookup(t).answer is not None]
    assert answered == []
    # And mostly not even suggestions: nothing is close.
    assert score(seed_index).off_topic_suggested <= 2


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("F0 phải cách ly bao nhiêu ngày?", "cach-ly-f0-bao-lau"),
        ("f0 phai cach ly bao nhieu ngay", "cach-ly-f0-bao-lau"),
        ("F0 PHẢI CÁCH LY BAO NHIÊU NGÀY", "cach-ly-f0-bao-lau"),
        ("dang ky tiem vac xin o dau", "dang-ky-tiem-vac-xin"),
        ("khong deo khau trang bi phat bao nhieu", "phat-khong-deo-khau-trang"),
    ],
)
def test_diacritics_and_case_do_not_matter(seed_index: FaqIndex, typed: str, expected: str) -> None:
    found = seed_index.lookup(typed)
    assert found.answer is not None and found.answer.id == expected


def test_teencode_is_understood(seed_index: FaqIndex) -> None:
    text = "f1 co can cach ly ko ad, tiem 2 mui r"
    assert seed_index.search(text)[0].entry.id == "cach-ly-f1-bao-lau"
    found = seed_index.lookup(text)
    assert found.answer is None or found.answer.id == "cach-ly-f1-bao-lau"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("bao lâu thì F0 hết cách ly", "cach-ly-f0-bao-lau"),
        ("ở đâu đăng ký giấy đi đường qr", "giay-di-duong-qr"),
        ("phạt bao nhiêu nếu không đeo khẩu trang", "phat-khong-deo-khau-trang"),
    ],
)
def test_word_order(seed_index: FaqIndex, text: str, expected: str) -> None:
    assert seed_index.search(text)[0].entry.id == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("xet nghiep covid o dau", "xet-nghiem-o-dau"),
        ("giay di duog qr", "giay-di-duong-qr"),
        ("dang ki tiem vacin", "dang-ky-tiem-vac-xin"),
        ("cach lj f0 bao lau", "cach-ly-f0-bao-lau"),
        ("phat khong deo khau trag", "phat-khong-deo-khau-trang"),
        ("tiemchung cho tre em", "tiem-cho-tre-em"),
    ],
)
def test_small_typos(seed_index: FaqIndex, text: str, expected: str) -> None:
    assert seed_index.search(text)[0].entry.id == expected


def test_search_ranks_one_match_per_entry(seed_index: FaqIndex) -> None:
    matches = seed_index.search("cách ly F1 tại nhà bao nhiêu ngày", limit=5)
    assert len(matches) == 5
    assert len({m.entry.id for m in matches}) == 5
    scores = [m.score for m in matches]
    assert scores == sorted(scores, reverse=True)
    assert all(0.0 < s <= 1.0 for s in scores)
    assert matches[0].question in matches[0].entry.questions


def test_an_exact_variant_scores_high(seed_index: FaqIndex, seed: list[FaqEntry]) -> None:
    first = seed[0]
    match = seed_index.search(first.questions[0], limit=1)[0]
    assert match.entry == first and match.question == first.questions[0]
    # The score blends the variant (a perfect 1.0) with the whole entry, which more variants
    # dilute; an exact variant must still be answered.
    assert match.variant > 0.99
    assert seed_index.lookup(first.questions[0]).answer == first


def test_unsure_gives_suggestions_not_an_answer(seed_index: FaqIndex) -> None:
    found = seed_index.lookup("cách ly")
    assert found.answer is None
    assert 2 <= len(found.suggestions) <= 3
    assert {e.topic for e in found.suggestions} == {"cach_ly"}
    assert not found.confident


def test_nothing_close_gives_nothing(seed_index: FaqIndex) -> None:
    for text in ("", "   ", "?!", "asdfgh qwerty"):
        found = seed_index.lookup(text)
        assert (found.answer, found.suggestions) == (None, ())


def test_only_published_entries_are_indexed(analyzer: Analyzer) -> None:
    index = FaqIndex(analyzer)
    index.rebuild(
        [entry(), entry("f1-bao-lau", status="draft", questions=("F1 cách ly mấy ngày",))]
    )
    assert len(index) == 1
    assert index.get("f1-bao-lau") is None
    assert all(m.entry.id == "cach-ly-f0-bao-lau" for m in index.search("F1 cách ly mấy ngày"))


def test_rebuild_replaces_the_content(analyzer: Analyzer) -> None:
    index = FaqIndex(analyzer)
    index.rebuild([entry()])
    assert index.lookup("f0 cach ly bao lau").answer == entry()
    edited = entry(
        questions=("Thẻ đi đường xin ở đâu?",),
        answer="Thẻ đi đường xin tại công an phường.",
        topic="di_lai",
    )
    index.rebuild([edited])
    assert index.lookup("f0 cach ly bao lau").answer is None
    assert index.lookup("the di duong xin o dau").answer == edited
    index.rebuild([])
    assert len(index) == 0 and index.search("the di duong") == []


def test_an_edit_is_checked_against_the_new_words_not_a_kept_coverage(analyzer: Analyzer) -> None:
    index = FaqIndex(analyzer)
    index.rebuild([entry()])
    asked = "f0 cách ly bao lâu thì được xét nghiệm lại"
    index.search(asked)  # keeps the text's coverage words for this content
    before = index.uncovered("cach-ly-f0-bao-lau", asked)
    edited = entry(answer="F0 cách ly 7 ngày, được xét nghiệm lại vào ngày thứ 7.")
    index.rebuild([edited])
    assert before > 0.0
    assert index.uncovered("cach-ly-f0-bao-lau", asked) < before


def test_thresholds_decide_answer_or_suggest(seed: list[FaqEntry], analyzer: Analyzer) -> None:
    strict = FaqIndex(analyzer, Thresholds(answer=99.0, suggest=0.0))
    strict.rebuild(seed)
    found = strict.lookup("F0 phải cách ly bao nhiêu ngày?")
    assert found.answer is None
    assert found.suggestions[0].id == "cach-ly-f0-bao-lau"


def test_a_large_index_rebuilds_and_answers(seed: list[FaqEntry], analyzer: Analyzer) -> None:
    many = [
        replace(e, id=f"{e.id}-{n}", questions=tuple(f"{q} {n}" for q in e.questions))
        for n in range(4)
        for e in seed
    ]
    assert len(many) >= 200
    index = FaqIndex(analyzer)
    index.rebuild(many)  # the first build analyses every question
    index.rebuild(many)  # timings are printed by benchmarks, never asserted here
    assert len(index) == len(many)
    texts = [text for text, _ in paraphrases()[0]]
    assert all(index.search(text) for text in texts[:20])


def _match(entry: FaqEntry, score: float, whole: float, uncovered: float) -> FaqMatch:
    return FaqMatch(entry, score, entry.questions[0], score, uncovered, whole)


def test_the_answer_gate_weighs_closeness_lead_and_coverage() -> None:
    gate = Thresholds(answer=1.0, whole_weight=20.0, margin_weight=5.0, uncovered_weight=4.0)
    close = _match(entry(), 0.5, whole=0.3, uncovered=0.0)
    assert gate.evidence(close, runner_up=0.1) == pytest.approx(20 * 0.3 + 5 * 0.4 - gate.bias)
    # Each signal moves the evidence one way only: closer, further ahead, more covered: surer.
    assert gate.evidence(replace(close, whole=0.2), 0.1) < gate.evidence(close, 0.1)
    assert gate.evidence(close, runner_up=0.4) < gate.evidence(close, runner_up=0.1)
    assert gate.evidence(replace(close, uncovered=0.3), 0.1) < gate.evidence(close, 0.1)


def test_an_entry_leaving_too_much_uncovered_never_answers(
    seed: list[FaqEntry], analyzer: Analyzer
) -> None:
    lenient = FaqIndex(analyzer, Thresholds(answer=-99.0, max_uncovered=0.0))
    lenient.rebuild(seed)
    question = "F0 phải cách ly bao nhiêu ngày ở Singapore?"  # "singapore": no entry's word
    assert lenient.search(question, limit=1)[0].uncovered > 0.0
    assert lenient.lookup(question).answer is None
    assert lenient.lookup("F0 phải cách ly bao nhiêu ngày?").answer is not None


def test_a_live_edit_reanalyses_only_the_entry_it_changed(analyzer: Analyzer) -> None:
    other = entry("phat", questions=("Không đeo khẩu trang bị phạt bao nhiêu?",), topic="phat")
    index = FaqIndex(analyzer)
    index.rebuild([entry(), other])
    question = "F0 cách ly ở khách sạn bao nhiêu ngày?"
    before = index.uncovered("cach-ly-f0-bao-lau", question)
    kept = index._content.coverage._words["phat"]
    edited = entry(answer="F0 cách ly 7 ngày tại nhà hoặc ở khách sạn do tỉnh bố trí.")
    index.rebuild([edited, other])
    # The edited answer now says "khách sạn": the question leaves less of itself uncovered.
    assert index.uncovered("cach-ly-f0-bao-lau", question) < before
    assert index._content.coverage._words["phat"] is kept  # the unchanged entry: reused
    assert index.lookup("f0 cach ly bao lau").answer == edited


def test_a_match_is_plausible_by_its_score_or_by_its_coverage() -> None:
    gate = Thresholds(suggest=0.15, suggest_covered=0.13, covered_uncovered=0.2)
    assert gate.plausible(_match(entry(), 0.15, whole=0.1, uncovered=0.5))
    assert not gate.plausible(_match(entry(), 0.14, whole=0.1, uncovered=0.5))
    assert gate.plausible(_match(entry(), 0.14, whole=0.1, uncovered=0.1))  # covered: lower floor
    assert not gate.plausible(_match(entry(), 0.12, whole=0.1, uncovered=0.1))
    assert not gate.plausible(_match(entry(), 0.9, whole=0.9, uncovered=0.8))  # mostly uncovered


def test_the_only_plausible_entry_answers_from_the_lower_lone_evidence(
    analyzer: Analyzer,
) -> None:
    entries = [
        entry(),
        entry("phat", questions=("Không đeo khẩu trang bị phạt bao nhiêu?",), topic="phat"),
    ]
    question = "F0 cách ly mấy ngày"
    probe = FaqIndex(
        analyzer,
        Thresholds(99.0, lone_answer=None, lone_cover=None, sole_cover=None, cover_lead=None),
    )
    probe.rebuild(entries)
    found = probe.search(question)
    assert [m.entry.id for m in found][:1] == ["cach-ly-f0-bao-lau"]
    runner_up = found[1].score if len(found) > 1 else 0.0
    assert not any(probe.thresholds.plausible(m) for m in found[1:])
    evidence = probe.thresholds.evidence(found[0], runner_up)
    assert probe.lookup(question).answer is None  # under `answer`, no lone rule: suggested
    assert [e.id for e in probe.lookup(question).suggestions] == ["cach-ly-f0-bao-lau"]

    def answered(lone: float | None) -> bool:
        gate = Thresholds(
            evidence + 1.0, lone_answer=lone, lone_cover=None, sole_cover=None, cover_lead=None
        )
        index = FaqIndex(analyzer, gate)
        index.rebuild(entries)
        return index.lookup(question).answer is not None

    assert answered(evidence - 0.1)
    assert not answered(evidence + 0.1)
    assert not answered(None)


def _covering(id: str, uncovered: float, unsaid: bool = False) -> FaqMatch:
    return FaqMatch(entry(id), 0.3, "?", 0.3, uncovered, 0.2, unsaid)


@pytest.mark.parametrize(
    ("matches", "alone"),
    [
        ([_covering("a", 0.0), _covering("b", 0.3), _covering("c", 0.5)], True),
        (
            [_covering("a", 0.0), _covering("b", 0.0, unsaid=True)],
            True,
        ),  # b never says what is asked
        ([_covering("a", 0.0)], True),
        ([_covering("a", 0.0), _covering("b", 0.0)], False),  # two entries cover it: they compete
        ([_covering("a", 0.1), _covering("b", 0.3)], False),  # a leaves some of it uncovered
        ([_covering("a", 0.0, unsaid=True), _covering("b", 0.3)], False),
        (
            [_covering("a", 0.0), _covering("b", 0.2), _covering("c", 0.3), _covering("d", 0.0)],
            True,
        ),
    ],
)
def test_an_entry_covering_the_whole_question_alone(matches: list[FaqMatch], alone: bool) -> None:
    gate = Thresholds(sole_cover=0.5, max_suggestions=3)
    assert gate.covers_alone(matches, evidence=0.6) is alone
    assert not gate.covers_alone(matches, evidence=0.4)
    assert not replace(gate, sole_cover=None).covers_alone(matches, evidence=9.0)


def test_the_sole_full_cover_answers_from_the_lower_evidence(analyzer: Analyzer) -> None:
    entries = [
        entry(),
        entry(
            "tiem",
            questions=("F0 khỏi bệnh bao lâu thì được tiêm?",),
            answer="Người khỏi bệnh tiêm sau 3 tháng.",
            topic="tiem_chung",
        ),
    ]
    question = "F0 cách ly mấy ngày"
    probe = FaqIndex(
        analyzer, Thresholds(answer=99.0, lone_answer=None, sole_cover=None, cover_lead=None)
    )
    probe.rebuild(entries)
    found = probe.search(question)
    assert found[0].entry.id == "cach-ly-f0-bao-lau" and found[0].uncovered == 0.0
    assert all(m.uncovered > 0.0 for m in found[1:])
    evidence = probe.thresholds.evidence(found[0], probe.thresholds.runner_up(found))

    def answered(sole: float | None) -> bool:
        gate = Thresholds(answer=evidence + 1.0, lone_answer=None, sole_cover=sole, cover_lead=None)
        index = FaqIndex(analyzer, gate)
        index.rebuild(entries)
        return index.lookup(question).answer is not None

    assert answered(evidence - 0.1)
    assert not answered(evidence + 0.1)
    assert not answered(None)


def test_a_runner_up_that_never_says_what_is_asked_is_no_rival() -> None:
    gate = Thresholds()
    top, silent, other = _covering("a", 0.0), _covering("b", 0.0, unsaid=True), _covering("c", 0.2)
    silent, other = replace(silent, score=0.28), replace(other, score=0.1)
    assert gate.runner_up([top, silent, other]) == 0.1
    assert gate.runner_up([top, other, silent]) == 0.1
    assert gate.runner_up([top, silent]) == 0.0
    assert gate.runner_up([top]) == 0.0
    assert gate.runner_up([top, replace(silent, unsaid=False)]) == 0.28
