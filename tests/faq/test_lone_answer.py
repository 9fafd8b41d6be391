"""When the top entry answers from lower evidence than `answer` (hotline.faq.gate.Thresholds)."""

from __future__ import annotations

from hotline.faq.entries import FaqEntry
from hotline.faq.gate import FaqMatch, Thresholds


def _match(entry_id: str, uncovered: float, unsaid: bool = False) -> FaqMatch:
    entry = FaqEntry(entry_id, ("Câu hỏi?",), "Trả lời.", "chung", "published")
    return FaqMatch(entry, 0.2, "Câu hỏi?", uncovered=uncovered, unsaid=unsaid)


def test_from_lone_answer_the_rivals_do_not_matter() -> None:
    t = Thresholds(lone_answer=0.15, lone_cover=-0.5)
    assert t.answers_alone([_match("a", 0.2), _match("b", 0.0)], 0.2)


def test_below_it_only_when_no_rival_covers_as_fully() -> None:
    t = Thresholds(lone_answer=0.15, lone_cover=-0.5)
    best = _match("a", 0.1)
    assert t.answers_alone([best, _match("b", 0.6), _match("c", 0.3, unsaid=True)], -0.3)
    assert not t.answers_alone([best, _match("b", 0.1)], -0.3)
    assert not t.answers_alone([best, _match("b", 0.0)], -0.3)


def test_never_below_lone_cover_nor_with_much_unused_or_unsaid() -> None:
    t = Thresholds(lone_answer=0.15, lone_cover=-0.5)
    assert not t.answers_alone([_match("a", 0.1)], -0.6)
    assert not t.answers_alone([_match("a", 0.5)], 0.5)
    assert not t.answers_alone([_match("a", 0.0, unsaid=True)], 0.5)
    assert not Thresholds(lone_answer=0.15, lone_cover=None).answers_alone([_match("a", 0.0)], -0.3)


def test_a_top_entry_covering_more_than_each_rival_answers_from_cover_lead() -> None:
    t = Thresholds(cover_lead=1.0)
    best = _match("a", 0.2)
    assert t.leads_in_cover([best, _match("b", 0.5), _match("c", 0.1, unsaid=True)], 1.1)
    assert not t.leads_in_cover([best, _match("b", 0.5), _match("c", 0.2)], 1.1)
    assert not t.leads_in_cover([best, _match("b", 0.5)], 0.9)
    assert not t.leads_in_cover([_match("a", 0.5), _match("b", 0.9)], 1.1)
    assert not Thresholds(cover_lead=None).leads_in_cover([best, _match("b", 0.5)], 1.1)


def test_a_top_entry_that_never_names_what_is_asked_answers_by_no_rule() -> None:
    entry = FaqEntry("a", ("Câu hỏi?",), "Trả lời.", "chung", "published")
    unnamed = FaqMatch(entry, 0.2, "Câu hỏi?", uncovered=0.0, unnamed=True)
    t = Thresholds(lone_answer=0.15, lone_cover=-0.5, sole_cover=0.5, cover_lead=1.0)
    assert not unnamed.says
    assert not t.answers_alone([unnamed], 2.0)
    assert not t.covers_alone([unnamed], 2.0)
    assert not t.leads_in_cover([unnamed, _match("b", 0.5)], 2.0)
    assert _match("a", 0.0).says
