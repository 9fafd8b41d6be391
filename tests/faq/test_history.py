"""FAQ version history: every save is a version with who and when; roll back adds a version."""

from __future__ import annotations

from dataclasses import replace

import pytest

from hotline.faq.history import EARLIER, FaqEditor, UnknownVersion
from hotline.faq.index import Analyzer
from hotline.faq.knowledge import FaqKnowledge
from hotline.faq.store import FaqStore
from hotline.storage.base import Storage
from tests.faq.samples import entry


@pytest.fixture
async def editor(storage: Storage, store: FaqStore, analyzer: Analyzer) -> FaqEditor:
    knowledge = FaqKnowledge(store, analyzer)
    await knowledge.refresh(force=True)
    return FaqEditor(knowledge, await storage.faq_history())


async def test_each_save_is_a_version_with_author_and_action(editor: FaqEditor) -> None:
    draft = entry(status="draft")
    first = await editor.save(draft, "lan")
    published = await editor.set_status(first.id, "published", "minh")
    edited = await editor.save(
        replace(published, answer="F0 cách ly 5 ngày (Quyết định 2022)."), "lan"
    )
    unchanged = await editor.save(edited, "lan")
    assert (first.version, published.version, edited.version, unchanged.version) == (1, 2, 3, 3)

    versions = await editor.versions(first.id)  # newest first
    assert [(v.entry.version, v.author, v.action) for v in versions] == [
        (3, "lan", "edited"),
        (2, "minh", "published"),
        (1, "lan", "created"),
    ]
    assert all(v.at.endswith("+00:00") for v in versions)
    assert versions[0].entry.answer.startswith("F0 cách ly 5 ngày")


async def test_rollback_saves_the_old_content_as_a_new_version_live_at_once(
    editor: FaqEditor,
) -> None:
    v1 = await editor.save(entry(), "lan")
    await editor.save(replace(v1, answer="Câu trả lời sai, sửa nhầm: 30 ngày."), "lan")
    wrong = editor.knowledge.lookup("f0 cach ly bao lau").answer
    assert wrong is not None and wrong.answer == "Câu trả lời sai, sửa nhầm: 30 ngày."

    restored = await editor.rollback(v1.id, 1, "minh")
    assert restored.version == 3 and restored.same_content(v1)
    assert editor.knowledge.lookup("f0 cach ly bao lau").answer == restored
    latest = (await editor.versions(v1.id))[0]
    assert (latest.author, latest.action, latest.entry.version) == ("minh", "rolled_back", 3)
    with pytest.raises(UnknownVersion):
        await editor.rollback(v1.id, 9, "minh")


async def test_an_entry_saved_before_history_keeps_its_first_version(
    editor: FaqEditor, store: FaqStore
) -> None:
    seeded = await store.put(entry())  # the seed or a CLI import: no history yet
    await editor.save(replace(seeded, answer="Sửa lần đầu qua trang quản trị."), "lan")
    versions = await editor.versions(seeded.id)
    assert [(v.entry.version, v.author) for v in versions] == [(2, "lan"), (1, EARLIER)]
    back = await editor.rollback(seeded.id, 1, "lan")
    assert back.answer == seeded.answer


async def test_unpublish_and_delete_take_the_entry_off_the_bot(editor: FaqEditor) -> None:
    saved = await editor.save(entry(), "lan")
    assert editor.knowledge.lookup("f0 cach ly bao lau").answer is not None
    await editor.set_status(saved.id, "draft", "lan")
    assert editor.knowledge.lookup("f0 cach ly bao lau").answer is None
    assert await editor.delete(saved.id, "lan") is True
    assert await editor.delete(saved.id, "lan") is False
    assert (await editor.versions(saved.id))[0].action == "deleted"
