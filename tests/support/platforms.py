"""The four messaging platforms behind one face, so a scenario is written once and run on each.

Each `*Platform` serves its fake API (tests/support/fake_*.py) and says, in the platform's own
wire format, how a citizen writes, how a signature is forged and how the platform refuses a
reply for good. What only one platform does is tested in its own test file.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from types import ModuleType
from typing import Any, ClassVar

from aiohttp.test_utils import TestClient

from hotline.bot.messages import ConversationKey
from hotline.channels.messenger.channel import MessengerChannel
from hotline.channels.zalo.channel import ZaloChannel
from hotline.config import Settings
from hotline.web.keys import CHANNELS
from tests.support import fake_messenger, fake_telegram, fake_viber, fake_zalo
from tests.support.fake_platform import Citizen, FakeApi, served

CAPTION = "ảnh chụp lúc 21h"


class Platform:
    """One platform under test: its fake API at `url`, and one citizen writing to the hotline."""

    name: ClassVar[str]
    support: ClassVar[ModuleType]  # tests/support/fake_<name>.py
    fake_class: ClassVar[type[FakeApi]]
    citizen_class: ClassVar[type[Citizen]]
    sender: ClassVar[str]  # the citizen's id on the platform
    retryable: ClassVar[tuple[str, ...]]  # the fake's kinds of failure worth retrying
    forgeries: ClassVar[tuple[str, ...]]  # ways to get the webhook's signature wrong
    gone_mark: ClassVar[str]  # in the unreachable reason once the platform refused for good
    captions: ClassVar[bool] = True  # a photo can carry a caption
    place_title: ClassVar[str | None] = None  # the caption a shared location arrives with

    def __init__(self, fake: Any) -> None:
        self.fake = fake  # the platform's FakeApi subclass, with its own knobs
        self.url: str = fake.base_url
        self.key = ConversationKey(self.name, self.sender)

    def settings(self, base: Settings, tmp_path: Path) -> Settings:
        """`base` with the channel's credentials, and its API at the fake."""
        return self.support.settings_for(base, self.url, tmp_path)

    def citizen(self, client: TestClient) -> Citizen:
        return self.citizen_class(client, self.fake, self.sender)

    def sent(self) -> list[dict[str, Any]]:
        """Every body sent to the citizen."""
        return self.fake.sent_to(self.sender)

    def texts(self) -> list[str]:
        return self.fake.texts_to(self.sender)

    def message(self, text: str) -> dict[str, Any]:
        """A text message, for `post` or `Citizen.send` (post it twice for a redelivery)."""
        raise NotImplementedError

    async def post(self, client: TestClient, body: dict[str, Any], forgery: str = "") -> int:
        """POST a message to the webhook, signed unless a forgery is named; the status."""
        raise NotImplementedError

    def start_report(self) -> dict[str, Any]:
        """What the citizen sends (through `Citizen.send`) to begin a violation report."""
        return self.message("/report_violation")

    def photo(self) -> dict[str, Any]:
        raise NotImplementedError

    def location(self, latitude: float, longitude: float) -> dict[str, Any]:
        raise NotImplementedError

    def refuse_for_good(self) -> None:
        """The platform refuses the next reply: the citizen blocked us or left."""
        raise NotImplementedError

    def accept_again(self) -> None:
        """The citizen is back; by default the fake refused one reply only."""

    def shorten_pauses(self, client: TestClient) -> None:
        """Make the channel's own waits after a rate limit short enough for a test; by default
        the fake asks for one second itself."""

    def check_answer(self, question: dict[str, Any]) -> None:
        """What the platform received for an answered question is well formed for it."""
        raise NotImplementedError

    def check_report(self) -> None:
        """What the platform's API saw while a report with a photo was filed."""
        raise NotImplementedError


class TelegramPlatform(Platform):
    name = "telegram"
    support = fake_telegram
    fake_class = fake_telegram.FakeTelegram
    citizen_class = fake_telegram.TelegramCitizen
    sender = "5550001"
    retryable = ("429", "500")
    forgeries = ("missing", "forged", "longer")
    gone_mark = "blocked"
    _SECRETS: ClassVar[dict[str, str]] = {
        "": fake_telegram.SECRET,
        "forged": "forged",
        "longer": fake_telegram.SECRET + "x",
    }

    def message(self, text: str) -> dict[str, Any]:
        return fake_telegram.message_update(int(self.sender), text=text)

    async def post(self, client: TestClient, body: dict[str, Any], forgery: str = "") -> int:
        citizen = fake_telegram.TelegramCitizen(client, self.fake, self.sender)
        return await citizen.post(body, secret=self._SECRETS.get(forgery))

    def photo(self) -> dict[str, Any]:
        return fake_telegram.photo_update(int(self.sender), caption=CAPTION)

    def location(self, latitude: float, longitude: float) -> dict[str, Any]:
        place = {"latitude": latitude, "longitude": longitude}
        return fake_telegram.message_update(int(self.sender), location=place)

    def refuse_for_good(self) -> None:
        self.fake.blocked.add(self.sender)

    def accept_again(self) -> None:
        self.fake.blocked.clear()

    def check_answer(self, question: dict[str, Any]) -> None:
        assert ("getMe", {}) in self.fake.calls, "PTB initialized against the fake"

    def check_report(self) -> None:
        calls = self.fake.calls
        assert any(m == "getFile" and p["file_id"].startswith("large-") for m, p in calls), (
            "the largest size was downloaded"
        )
        assert any(m == "answerCallbackQuery" for m, _ in calls)


class ViberPlatform(Platform):
    name = "viber"
    support = fake_viber
    fake_class = fake_viber.FakeViber
    citizen_class = fake_viber.ViberCitizen
    sender = "01234567890A="
    retryable = ("429", "500")
    forgeries = ("missing", "zeros", "not hex")
    gone_mark = "6"  # status 6: receiver not subscribed
    _SIGNATURES: ClassVar[dict[str, str | None]] = {
        "": "valid",
        "missing": None,
        "zeros": "0" * 64,
        "not hex": "not-hex",
    }

    def message(self, text: str) -> dict[str, Any]:
        return fake_viber.message_event(self.sender, {"type": "text", "text": text})

    async def post(self, client: TestClient, body: dict[str, Any], forgery: str = "") -> int:
        citizen = fake_viber.ViberCitizen(client, self.fake, self.sender)
        resp = await citizen.post(body, signature=self._SIGNATURES[forgery])
        return int(resp.status)

    def photo(self) -> dict[str, Any]:
        return fake_viber.message_event(self.sender, fake_viber.picture(self.fake, CAPTION))

    def location(self, latitude: float, longitude: float) -> dict[str, Any]:
        place = {"type": "location", "location": {"lat": latitude, "lon": longitude}}
        return fake_viber.message_event(self.sender, place)

    def refuse_for_good(self) -> None:
        self.fake.unsubscribed.add(self.sender)

    def accept_again(self) -> None:
        self.fake.unsubscribed.discard(self.sender)

    def check_answer(self, question: dict[str, Any]) -> None:
        sent = self.sent()[0]
        assert sent["type"] == "text" and sent["sender"]["name"] == "Tổng đài 1022"

    def check_report(self) -> None:
        assert all(m["sender"]["name"] == "Tổng đài 1022" for m in self.sent())


class SignedPlatform(Platform):
    """Zalo and Messenger: each webhook body signed with the app's key in one header, and our
    own client for the platform's API, which pauses after a rate limit."""

    forgeries = ("missing", "other key", "other body", "mangled")
    path: ClassVar[str]
    header: ClassVar[str]

    def signed(self, body: dict[str, Any], key: str = "") -> tuple[bytes, dict[str, str]]:
        """The raw body and its headers, signed with the right key or with `key`."""
        raise NotImplementedError

    def mangled(self, signature: str) -> str:
        """The right signature in a shape the platform never sends."""
        raise NotImplementedError

    async def post(self, client: TestClient, body: dict[str, Any], forgery: str = "") -> int:
        raw, headers = self.signed(body)
        if forgery == "missing":
            headers.pop(self.header)
        elif forgery == "other key":
            headers = self.signed(body, key="guessed")[1]
        elif forgery == "other body":
            raw = raw.replace(b"xin chao", b"xin chaO")
        elif forgery == "mangled":
            headers[self.header] = self.mangled(headers[self.header])
        resp = await client.post(self.path, data=raw, headers=headers)
        return resp.status

    def shorten_pauses(self, client: TestClient) -> None:
        channel = client.app[CHANNELS][self.name]
        assert isinstance(channel, ZaloChannel | MessengerChannel) and channel.api is not None
        channel.api.rate_limit_pause = 0.05


class ZaloPlatform(SignedPlatform):
    name = "zalo"
    support = fake_zalo
    fake_class = fake_zalo.FakeZalo
    citizen_class = fake_zalo.ZaloCitizen
    sender = "6142494823001122334"
    retryable = ("rate_limit", "500")
    path = "/webhooks/zalo"
    header = "X-ZEvent-Signature"
    gone_mark = "-213"  # the citizen has not followed the OA
    place_title = "Quán nhậu đường Yersin"

    def message(self, text: str) -> dict[str, Any]:
        return fake_zalo.text_event(self.sender, text)

    def signed(self, body: dict[str, Any], key: str = "") -> tuple[bytes, dict[str, str]]:
        return fake_zalo.signed(body, key or fake_zalo.SECRET_KEY)

    def mangled(self, signature: str) -> str:
        return signature.removeprefix("mac=")

    def photo(self) -> dict[str, Any]:
        return fake_zalo.image_event(self.sender, self.url, caption=CAPTION)

    def location(self, latitude: float, longitude: float) -> dict[str, Any]:
        return fake_zalo.location_event(self.sender, latitude, longitude)

    def refuse_for_good(self) -> None:
        self.fake.fail_next(1, "unfollowed")

    def check_answer(self, question: dict[str, Any]) -> None:
        [sent] = self.sent()
        assert sent["recipient"] == {"user_id": self.sender}
        assert sent["message"]["quote_message_id"] == question["message"]["msg_id"]

    def check_report(self) -> None:
        assert all(m["recipient"] == {"user_id": self.sender} for m in self.sent())


class MessengerPlatform(SignedPlatform):
    name = "messenger"
    support = fake_messenger
    fake_class = fake_messenger.FakeMessenger
    citizen_class = fake_messenger.MessengerCitizen
    sender = "6543210987654321"
    retryable = ("rate_limit", "500")
    path = "/webhooks/messenger"
    header = "X-Hub-Signature-256"
    gone_mark = "551"  # this person isn't available right now
    captions = False  # Messenger sends a photo without text
    place_title = "Vị trí đã ghim"

    def message(self, text: str) -> dict[str, Any]:
        return fake_messenger.text_item(self.sender, text)

    def signed(self, body: dict[str, Any], key: str = "") -> tuple[bytes, dict[str, str]]:
        """`body` is one messaging item, signed as a page webhook of one entry."""
        page = fake_messenger.batch([body])
        return fake_messenger.signed(page, key or fake_messenger.APP_SECRET)

    def mangled(self, signature: str) -> str:
        return signature.replace("sha256", "sha1")

    def start_report(self) -> dict[str, Any]:
        """The page's persistent-menu button, a postback."""
        return fake_messenger.postback_item(self.sender, "Phản ánh vi phạm", "/report_violation")

    def photo(self) -> dict[str, Any]:
        return fake_messenger.image_item(self.sender, self.url)

    def location(self, latitude: float, longitude: float) -> dict[str, Any]:
        return fake_messenger.location_item(self.sender, latitude, longitude)

    def refuse_for_good(self) -> None:
        self.fake.fail_next(1, "unavailable")

    def check_answer(self, question: dict[str, Any]) -> None:
        [sent] = self.sent()
        assert sent["messaging_type"] == "RESPONSE" and "tag" not in sent

    def check_report(self) -> None:
        assert all(m["messaging_type"] == "RESPONSE" for m in self.sent()), "answers, in 24 h"


PLATFORMS: dict[str, type[Platform]] = {
    p.name: p for p in (TelegramPlatform, ViberPlatform, ZaloPlatform, MessengerPlatform)
}
NAMES = tuple(PLATFORMS)
FORGERIES = tuple((name, f) for name, p in PLATFORMS.items() for f in p.forgeries)
RETRYABLE = tuple((name, k) for name, p in PLATFORMS.items() for k in p.retryable)


@asynccontextmanager
async def platform_served(name: str) -> AsyncIterator[Platform]:
    """The platform named, its fake API listening while the block runs."""
    platform = PLATFORMS[name]
    async with served(platform.fake_class()) as fake:
        yield platform(fake)
