"""The FAQ search's memo (issue 15): kept per index content, so an edit is never answered
from a search of the old index; bounded; the same matches as a search without it."""

from __future__ import annotations

from dataclasses import replace

from hotline.faq import index as faq_index
from hotline.faq.index import Analyzer, FaqIndex
from hotline.faq.knowledge import FaqKnowledge
from hotline.faq.store import FaqStore
from hotline.faq.synonyms import GROUPS, _find, expand
from tests.faq.samples import entry


async def test_an_edit_changes_the_next_answer_to_a_text_searched_before(
    store: FaqStore, analyzer: Analyzer
) -> None:
    knowledge = FaqKnowledge(store, analyzer)
    await knowledge.put(entry())
    question = "F0 cách ly bao nhiêu ngày?"
    first = knowledge.lookup(question)
    assert first.answer is not None and "7 ngày" in first.answer.answer
    assert knowledge.lookup(question) == first  # from the memo

    edited = replace(entry(), answer="Theo hướng dẫn mới của Bộ Y tế, F0 cách ly 5 ngày.")
    await knowledge.put(edited)
    after = knowledge.lookup(question)
    assert after.answer is not None and "5 ngày" in after.answer.answer

    await knowledge.put(replace(edited, status="draft"))  # taken off the index
    assert knowledge.lookup(question).answer is None


def test_the_memo_gives_the_matches_a_fresh_search_gives(seed_index: FaqIndex) -> None:
    texts = ["tiêm mũi 3 cần mang gì", "chich ngua o dau", "giay di duog xin o dau", "xin chào"]
    remembered = [seed_index.search(t, limit=n) for t in texts for n in (1, 3)]
    again = [seed_index.search(t, limit=n) for t in texts for n in (1, 3)]
    content = seed_index._content
    fresh = [list(seed_index._search(content, t, n)) for t in texts for n in (1, 3)]
    assert remembered == again == fresh
    assert any(remembered)
    again[0].clear()  # a caller's list is its own
    assert seed_index.search(texts[0], limit=1) == remembered[0]


def test_the_memo_never_grows_past_its_bound(seed_index: FaqIndex) -> None:
    memo = seed_index._content.searches
    for n in range(faq_index.SEARCHES_KEPT + 50):
        seed_index.search(f"cach ly bao lau {n}")
    assert len(memo) == memo.size == faq_index.SEARCHES_KEPT


def _scanned(words: list[str]) -> list[str]:
    """`expand` as it was before its groups were looked up by first word: every group scanned."""
    extra: list[str] = []
    for group in GROUPS:
        if _find(words, group[0]):
            continue
        if any(_find(words, p) for p in group[1:]):
            extra += group[0]
    return words + extra


def test_synonyms_found_by_first_word_are_the_ones_a_scan_finds(analyzer: Analyzer) -> None:
    texts = [" ".join(p) for group in GROUPS for p in group]
    texts += ["chich ngua mui ba cho ong ba o nha", "f1 nghi o nha may ngay", "tiem chich ngua"]
    for text in texts:
        words = analyzer(text)
        assert expand(words) == _scanned(words), text
