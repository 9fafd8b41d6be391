"""The frozen evaluation splits: messages, their gold intent, the FAQ entries that answer them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hotline import yaml_text

DATA_DIR = Path(__file__).parent / "data"
SPLITS = (
    "dev",
    "dev2",
    "dev3",
    "dev4",
    "dev5",
    "dev6",
    "dev7",
    "dev8",
    "dev9",
    "dev10",
    "dev11",
    "dev12",
    "test",
)
# Gold intents that make a message a question (or talk): it must never start a report form.
QUESTIONS = frozenset({"ask_faq", "health_consult", "out_of_scope"})


@dataclass(frozen=True)
class Case:
    """One message of a split. `faq` empty: no entry answers it, so any direct answer is wrong."""

    text: str
    intent: str
    group: str
    faq: tuple[str, ...] = ()
    also: tuple[str, ...] = ()
    pair: str | None = None

    @property
    def covered(self) -> bool:
        return bool(self.faq)

    @property
    def question(self) -> bool:
        return self.intent in QUESTIONS

    def accepts(self, intent: str) -> bool:
        return intent == self.intent or intent in self.also


def _strings(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    return (str(value),) if isinstance(value, str) else tuple(str(v) for v in value)


def parse_cases(document: dict[str, Any]) -> list[Case]:
    """Cases from a split's YAML: groups of `{text, intent, faq?, also?, pair?}`, in file order."""
    cases: list[Case] = []
    for group, items in (document or {}).items():
        for item in items or []:
            if not isinstance(item, dict) or not item.get("text") or not item.get("intent"):
                raise ValueError(f"{group}: every message needs a text and an intent: {item!r}")
            cases.append(
                Case(
                    text=str(item["text"]),
                    intent=str(item["intent"]),
                    group=str(group),
                    faq=_strings(item.get("faq")),
                    also=_strings(item.get("also")),
                    pair=str(item["pair"]) if item.get("pair") else None,
                )
            )
    return cases


def is_split(name: str) -> bool:
    """Whether `name` names splits: one of SPLITS, or several joined by "+" ("dev+dev2")."""
    return all(part in SPLITS for part in name.split("+"))


def load_split(name: str, data_dir: Path = DATA_DIR) -> list[Case]:
    """The cases of split `name` ("dev" to "dev12", "test", or a union such as "dev+dev2"),
    exactly as written in their files, in the order named."""
    if not is_split(name):
        raise ValueError(f"unknown split {name!r}; one of {', '.join(SPLITS)}, or joined by '+'")
    return [case for part in name.split("+") for case in load_file(data_dir / f"{part}.yml")]


def load_file(path: Path) -> list[Case]:
    """The cases of any file in the splits' format."""
    return parse_cases(yaml_text.read(path.read_text("utf-8")))
