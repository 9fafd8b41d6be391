"""What every messaging platform must do, run on Telegram, Viber, Zalo and Messenger alike.

Each scenario talks to the app through the platform's webhook and a fake of its API
(tests/support/platforms.py); what one platform does alone is in its own test file.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient

from hotline.bot.media import MediaStore
from hotline.config import Settings
from hotline.web.app import create_app
from tests.support.chat import CODE
from tests.support.fake_platform import TINY_JPEG
from tests.support.hotline import hotline_of, settle_and_stop, settled
from tests.support.images import picture
from tests.support.platforms import (
    CAPTION,
    FORGERIES,
    NAMES,
    RETRYABLE,
    Platform,
    platform_served,
)

on_every_platform = pytest.mark.parametrize("platform_name", NAMES)
QUESTION = "cach ly bao nhieu ngay"


@pytest.fixture
async def platform(platform_name: str) -> AsyncIterator[Platform]:
    async with platform_served(platform_name) as served:
        yield served


@pytest.fixture
def platform_settings(settings: Settings, platform: Platform, tmp_path: Path) -> Settings:
    return platform.settings(settings, tmp_path)


@pytest.fixture
async def client(aiohttp_client: Callable, platform_settings: Settings) -> TestClient:
    return await aiohttp_client(create_app(platform_settings))


@on_every_platform
async def test_a_question_is_answered(platform: Platform, client: TestClient) -> None:
    question = platform.message(QUESTION)
    [answer] = await platform.citizen(client).send(question)
    assert "cách ly" in answer.lower()
    platform.check_answer(question)


@on_every_platform
async def test_a_report_is_filed_with_a_photo_and_a_location(
    platform: Platform, client: TestClient, platform_settings: Settings
) -> None:
    citizen = platform.citizen(client)
    await citizen.send(platform.start_report())
    await citizen.say("Quán nhậu trên đường Yersin tụ tập đông người, không đeo khẩu trang")
    await citizen.say("123 đường Yersin, phường Phú Cường, Thủ Dầu Một")
    [ask_evidence] = await citizen.press("Đang diễn ra")
    assert "ảnh" in ask_evidence
    await citizen.send(platform.photo())
    await citizen.send(platform.location(10.98, 106.65))
    await citizen.press("Xong")
    await citizen.press("Gửi ẩn danh")
    [filed] = await citizen.press("Gửi")
    found = CODE.search(filed)
    assert found, filed
    ticket = await hotline_of(client).desk.store.get(found.group(0))
    assert ticket is not None and ticket.category == "violation"
    photo, place = ticket.evidence
    assert photo["kind"] == "photo" and photo["url"].startswith("media:")
    if platform.captions:
        assert photo["caption"] == CAPTION
    stored = MediaStore(Path(platform_settings.media_dir)).path_of(photo["url"])
    assert picture(stored.read_bytes())[:2] == picture(TINY_JPEG)[:2], (
        "the photo was copied before the platform's URL expires"
    )
    expected = {"kind": "location", "latitude": 10.98, "longitude": 106.65}
    if platform.place_title:
        expected["caption"] = platform.place_title
    assert place == expected
    assert platform.fake.downloads == 1
    platform.check_report()


@on_every_platform
async def test_a_redelivered_message_is_answered_once(
    platform: Platform, client: TestClient
) -> None:
    message = platform.message(QUESTION)
    assert await platform.post(client, message) == 200
    assert await platform.post(client, message) == 200  # a retry when our answer was slow
    await platform.fake.wait_sent(platform.key.sender, 1)
    await settled(client, platform.key)
    assert await platform.post(client, message) == 200  # and once more after it was answered
    await settled(client, platform.key)
    transcript = await hotline_of(client).conversations.transcript(platform.key)
    await settle_and_stop(client, platform.key)
    assert [t["direction"] for t in transcript] == ["in", "out"]
    assert platform.texts() == [t["text"] for t in transcript if t["direction"] == "out"]


@pytest.mark.parametrize(("platform_name", "forgery"), FORGERIES)
async def test_a_forged_or_missing_signature_is_refused_and_nothing_stored(
    platform: Platform, client: TestClient, forgery: str
) -> None:
    assert await platform.post(client, platform.message("xin chao"), forgery) == 403
    conversations = hotline_of(client).conversations
    assert await conversations.transcript(platform.key) == []
    assert await conversations.unprocessed() == []


@pytest.mark.parametrize(("platform_name", "kind"), RETRYABLE)
async def test_a_platform_error_is_retried_and_delivered_once(
    platform: Platform, client: TestClient, kind: str
) -> None:
    platform.shorten_pauses(client)
    platform.fake.fail_next(2, kind)
    [answer] = await platform.citizen(client).say(QUESTION)
    assert "cách ly" in answer.lower()
    assert platform.fake.attempts == 3, "two refusals, then the delivery"
    await settle_and_stop(client, platform.key)
    assert len(platform.sent()) == 1


async def write_and_be_refused(platform: Platform, client: TestClient) -> None:
    """The citizen writes; the platform refuses the answer for good (blocked, left)."""
    platform.refuse_for_good()
    assert await platform.post(client, platform.message("xin chao")) == 200
    await settled(client, platform.key)


@on_every_platform
async def test_a_refusal_for_good_is_not_retried_and_marks_the_conversation(
    platform: Platform, client: TestClient
) -> None:
    await write_and_be_refused(platform, client)
    state = await hotline_of(client).conversations.load(platform.key)
    await settle_and_stop(client, platform.key)
    assert platform.fake.attempts == 1, "a permanent refusal is not retried"
    assert state.unreachable and platform.gone_mark in state.unreachable


@on_every_platform
async def test_writing_again_clears_the_unreachable_mark(
    platform: Platform, client: TestClient
) -> None:
    await write_and_be_refused(platform, client)
    conversations = hotline_of(client).conversations
    assert (await conversations.load(platform.key)).unreachable

    platform.accept_again()  # they unblock, follow or subscribe again, and write
    replies = await platform.citizen(client).say("xin chao")
    assert "Tổng đài 1022" in replies[0]
    assert (await conversations.load(platform.key)).unreachable is None


@on_every_platform
async def test_unsent_replies_go_out_once_after_a_restart(
    platform: Platform, platform_settings: Settings, aiohttp_client: Callable
) -> None:
    platform.fake.fail_next(1000, "500")
    first = await aiohttp_client(create_app(platform_settings))
    assert await platform.post(first, platform.message(QUESTION)) == 200
    for _ in range(200):
        pending = await hotline_of(first).conversations.pending(platform.key)
        if pending and pending[0].attempts >= 1:
            break
        await asyncio.sleep(0.02)
    assert pending and pending[0].attempts >= 1, "the reply failed at least once"
    await first.close()
    assert platform.fake.sent == []

    platform.fake.failures.clear()
    second = await aiohttp_client(create_app(platform_settings))
    [answer] = await platform.fake.wait_sent(platform.key.sender, 1)
    assert "cách ly" in answer.lower()
    await settle_and_stop(second, platform.key)
    assert len(platform.sent()) == 1
