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
    # Replies longer than this are refused politely; bodies over max_body_bytes get 413.
    max_message_chars: int = 4000
    max_body_bytes: int = 64 * 1024
    faq_refresh_seconds: float = 0.5
    timezone: str = "Asia/Ho_Chi_Minh"
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
