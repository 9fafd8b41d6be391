"""The index's search reads what a message asks, not what it tells around it: salutations, the
asker's introduction and the story of a long message (`hotline.faq.story`) do not choose the
entry."""

from __future__ import annotations

import pytest

from hotline.faq.entries import FaqEntry
from hotline.faq.index import Analyzer, FaqIndex
from tests.faq.samples import entry


def _hotline_entry() -> FaqEntry:
    return entry(
        "tong-dai",
        questions=("Tổng đài 1022 làm việc mấy giờ?",),
        answer="Tổng đài 1022 làm việc cả ngày.",
        topic="lien_he",
    )


def test_a_salutation_and_an_introduction_do_not_choose_the_entry(analyzer: Analyzer) -> None:
    # The hotline's own entry says "tổng đài 1022" and the teachers' entry "giáo viên": a
    # letter addressed to the hotline by a teacher asks neither.
    index = FaqIndex(analyzer)
    index.rebuild(
        [
            entry(),
            _hotline_entry(),
            entry(
                "giao-vien",
                questions=("Giáo viên có phải đi dạy trực tiếp không?",),
                answer="Giáo viên dạy trực tuyến.",
                topic="giao_duc",
            ),
        ]
    )
    plain = index.search("F0 cách ly bao nhiêu ngày")
    letter = index.search(
        "Kính gửi Tổng đài 1022. Tôi là giáo viên mầm non, F0 cách ly bao nhiêu ngày"
    )
    assert [m.entry.id for m in letter][:1] == ["cach-ly-f0-bao-lau"]
    assert [m.entry.id for m in letter] == [m.entry.id for m in plain]
    assert letter[0].score == pytest.approx(plain[0].score)


def test_story_words_no_entry_uses_do_not_thin_out_the_closeness(analyzer: Analyzer) -> None:
    # A long message tells a story before it asks; the story's words that no entry uses lower
    # its closeness to every entry alike and are left out of the search (not its coverage).
    index = FaqIndex(analyzer)
    index.rebuild([entry(), _hotline_entry()])
    told = "hôm qua ở xưởng gỗ có chú thợ sơn bị ho, sáng nay test, cho hỏi F0 cách ly mấy ngày"
    unheard = "hôm qua ở có chú bị ho, sáng nay test, cho hỏi F0 cách ly mấy ngày"
    assert index.search(told)[0].score == pytest.approx(index.search(unheard)[0].score)
    assert index.search(told)[0].uncovered > index.search(unheard)[0].uncovered


def test_story_words_an_entry_uses_weigh_a_share_in_the_search(
    analyzer: Analyzer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The story's words another entry uses pull the message towards it: they weigh a share of
    # their due (`hotline.faq.story.SEARCH_SHARE`), so the entry that answers what is asked
    # comes closer.
    import hotline.faq.story as story_module

    entries = [
        entry(),
        entry(
            "xe-buyt",
            questions=("Xe buýt về quê có chạy không?",),
            answer="Xe buýt về quê chạy lại từ tuần sau.",
            topic="giao_thong",
        ),
    ]
    text = "tôi đi xe buýt về quê hôm qua, trên xe có người ho, cho hỏi F0 cách ly mấy ngày"
    found = {}
    for share in (1.0, 0.5):
        monkeypatch.setattr(story_module, "SEARCH_SHARE", share)
        index = FaqIndex(analyzer)
        index.rebuild(entries)
        found[share] = {m.entry.id: m.score for m in index.search(text)}
    assert found[0.5]["cach-ly-f0-bao-lau"] > found[1.0]["cach-ly-f0-bao-lau"]
    assert found[0.5]["xe-buyt"] < found[1.0]["xe-buyt"]
