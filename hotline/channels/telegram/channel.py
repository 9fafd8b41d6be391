"""Telegram, through python-telegram-bot 22 embedded in our aiohttp app (`updater(None)`).

PTB parses updates (`Update.de_json`) and is the client that sends (`Bot`, over its own httpx
pool); our app owns the webhook route, the outbox and the dialogs. The webhook checks
`X-Telegram-Bot-Api-Secret-Token` in constant time before anything else, stores the message and
answers 200; the dialog runs in the background and the courier sends the reply.
"""

from __future__ import annotations

import hmac
import logging
import warnings
from datetime import timedelta
from typing import Self

import aiohttp
from aiohttp import web
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
)
from telegram.ext import Application
from telegram.warnings import PTBDeprecationWarning

from hotline import safe_json
from hotline.bot.conversation import OutboxItem
from hotline.bot.media import MediaRejected
from hotline.bot.messages import Attachment, OutboundMessage
from hotline.bot.ratelimit import TELEGRAM
from hotline.channels.base import Channel, ChannelParts, Route, json_error
from hotline.channels.delivery import Delivery, DeliveryFailed, RecipientGone
from hotline.channels.intake import Intake
from hotline.channels.platform import PartsSent
from hotline.channels.telegram import telegram_on
from hotline.channels.telegram.parse import CHANNEL, FILE_PREFIX, parse_update, split_text
from hotline.config import Settings

log = logging.getLogger(__name__)

PATH = "/webhooks/telegram"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_CALLBACK_DATA = 64  # bytes, Bot API limit for an inline button's callback_data
_GONE = ("chat not found", "user is deactivated", "bot was blocked", "peer_id_invalid")


def secret_ok(sent: str | None, secret: str) -> bool:
    """The webhook secret Telegram echoes back, compared in constant time."""
    return bool(secret) and hmac.compare_digest((sent or "").encode(), secret.encode())


def keyboard(message: OutboundMessage) -> InlineKeyboardMarkup | None:
    """Buttons as an inline keyboard, one per row; None if a payload does not fit."""
    if not message.buttons or any(
        len(b.payload.encode()) > MAX_CALLBACK_DATA for b in message.buttons
    ):
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(b.title, callback_data=b.payload)] for b in message.buttons]
    )


def _seconds(value: int | float | timedelta) -> float:
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


def delivery_failure(exc: TelegramError) -> DeliveryFailed:
    """What a Bot API error means for the outbox: retry (when), give up, or citizen gone."""
    if isinstance(exc, RetryAfter):
        with warnings.catch_warnings():  # PTB 22 warns that the int form is going away
            warnings.simplefilter("ignore", PTBDeprecationWarning)
            return DeliveryFailed(str(exc), _seconds(exc.retry_after))
    if isinstance(exc, Forbidden | ChatMigrated):
        return RecipientGone(str(exc))
    if isinstance(exc, BadRequest):  # before NetworkError: PTB derives one from the other
        if any(marker in exc.message.lower() for marker in _GONE):
            return RecipientGone(str(exc))
        return DeliveryFailed(str(exc))  # the reply itself is wrong: retrying cannot help
    if isinstance(exc, InvalidToken | NetworkError):  # timeouts, 5xx, a token being fixed
        return DeliveryFailed(str(exc), 0.0)
    return DeliveryFailed(str(exc), 0.0)


class TelegramChannel(Channel):
    name = CHANNEL
    delivery = Delivery.COURIER
    limit = TELEGRAM
    carries_media = True

    def __init__(self, settings: Settings, intake: Intake, session: aiohttp.ClientSession) -> None:
        self._secret = settings.telegram_secret
        self._intake = intake
        self._session = session
        self._max_photo = settings.media_max_bytes
        api = settings.telegram_api_url.rstrip("/")
        self.application = (
            Application.builder()
            .token(settings.telegram_token)
            .base_url(f"{api}/bot")
            .base_file_url(f"{api}/file/bot")
            .updater(None)
            .build()
        )
        self._pieces_sent = PartsSent()

    @property
    def bot(self) -> Bot:
        return self.application.bot

    @classmethod
    def enabled(cls, settings: Settings) -> bool:
        return telegram_on(settings)

    @classmethod
    def routes(cls) -> list[Route]:
        return [Route("POST", PATH, cls.webhook)]

    @classmethod
    def unreachable(cls, error: Exception) -> bool:
        """PTB says a connection failed, timed out or Telegram answered 5xx: NetworkError
        (InvalidToken, a refusal, is not one)."""
        return isinstance(error, NetworkError) or super().unreachable(error)

    @classmethod
    async def open(cls, parts: ChannelParts) -> Self:
        """Initialize and start PTB (initialize asks Telegram who we are: getMe)."""
        channel = cls(parts.settings, parts.intake, parts.session)
        try:
            await channel.application.initialize()
        except BaseException:
            # PTB opens its HTTP clients before getMe; after a refused token the application
            # is not initialised, and Application.shutdown would leave them open.
            await channel.bot.shutdown()
            raise
        await channel.application.start()
        return channel

    @classmethod
    async def register(cls, settings: Settings, session: aiohttp.ClientSession) -> str:
        return await register_webhook(settings, session)

    async def close(self) -> None:
        if self.application.running:
            await self.application.stop()
        await self.application.shutdown()

    async def webhook(self, request: web.Request) -> web.Response:
        if not secret_ok(request.headers.get(SECRET_HEADER), self._secret):
            return json_error(403, "bad or missing secret token")
        try:
            data = safe_json.parse(await request.read(), max_bytes=None)
            if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
                return json_error(400, "not a Telegram update")
            update = Update.de_json(data, self.bot)
        except (ValueError, TypeError, KeyError, AttributeError, OverflowError):
            return json_error(400, "malformed update")
        message = parse_update(update)
        if message is None:
            return web.Response(text="ignored")
        await self._intake.take(message, self._fetch)
        if update.callback_query is not None:
            self._intake.spawn(self._answer(update.callback_query.id))
        return web.Response(text="ok")

    async def _answer(self, query_id: str) -> None:
        """Stop the button's spinner; failing this only leaves it spinning a little longer."""
        try:
            await self.bot.answer_callback_query(query_id)
        except TelegramError as exc:
            log.warning("answerCallbackQuery %s failed: %s", query_id, exc)

    async def _fetch(self, attachment: Attachment) -> bytes:
        """A photo's bytes: getFile for its path, then the download through our session."""
        file_id = (attachment.url or "").removeprefix(FILE_PREFIX)
        try:
            found = await self.bot.get_file(file_id)
        except TelegramError as exc:
            raise MediaRejected(f"getFile failed: {exc}") from exc
        if found.file_size and found.file_size > self._max_photo:
            raise MediaRejected(f"photo is {found.file_size} bytes")
        if not found.file_path:
            raise MediaRejected("Telegram gave no file path")
        return await self._intake.media.download(self._session, found.file_path)

    async def send(self, item: OutboxItem) -> bool:
        """Send a reply, split at 4,096 characters; buttons go with the last piece."""
        message = item.message
        markup = keyboard(message)
        text = message.shown_text if markup or not message.buttons else message.as_plain_text()

        async def send_piece(piece: str, last: bool) -> None:
            try:
                await self.bot.send_message(
                    chat_id=message.key.sender,
                    text=piece,
                    reply_markup=markup if last else None,
                )
            except TelegramError as exc:
                raise delivery_failure(exc) from exc

        await self._pieces_sent.send(item, split_text(text), send_piece)
        return True


async def register_webhook(settings: Settings, session: aiohttp.ClientSession) -> str:
    """setWebhook with our public URL and the secret token Telegram must echo."""
    if not settings.public_url:
        raise ValueError("set HOTLINE_PUBLIC_URL to the address Telegram can reach")
    url = settings.public_url.rstrip("/") + PATH
    api = settings.telegram_api_url.rstrip("/")
    bot = Bot(settings.telegram_token, base_url=f"{api}/bot", base_file_url=f"{api}/file/bot")
    async with bot:
        await bot.set_webhook(
            url=url,
            secret_token=settings.telegram_secret,
            allowed_updates=["message", "callback_query"],
        )
    return f"telegram: webhook set to {url}"
