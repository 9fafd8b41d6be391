"""What the NLU layer needs to know of the hotline's settings, and nothing more.

The callers build it from their settings (`NluConfig.of(settings)`), so the NLU layer never
imports the app's settings object.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


class NluSettings(Protocol):
    """The part of the hotline's settings (`hotline.config.Settings`) the NLU reads."""

    @property
    def nlu(self) -> str: ...

    @property
    def rasa_url(self) -> str: ...

    @property
    def rasa_token(self) -> str: ...

    @property
    def rasa_work_dir(self) -> str: ...

    @property
    def store(self) -> str: ...


@dataclass(frozen=True)
class NluConfig:
    backend: str = "local"  # HOTLINE_NLU: "local" or "rasa"
    rasa_url: str = "http://127.0.0.1:5005"
    rasa_token: str = ""
    rasa_work_dir: str = "var/rasa"  # models, generated projects and logs of a local Rasa
    store: str = "sqlite:///var/hotline.db"  # where `train_model` reads the published FAQ

    @classmethod
    def of(cls, settings: NluSettings) -> NluConfig:
        return cls(
            settings.nlu,
            settings.rasa_url,
            settings.rasa_token,
            settings.rasa_work_dir,
            settings.store,
        )
