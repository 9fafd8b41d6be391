"""Canned responses: the replies agents send often, kept as data (data/canned.yml)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hotline import yaml_text
from hotline.handoff.deadlines import local_time
from hotline.handoff.tickets import Ticket

DEFAULT_FILE = Path(__file__).parent / "data" / "canned.yml"


@dataclass(frozen=True)
class CannedResponse:
    id: str
    title: str
    text: str
    categories: tuple[str, ...] = ()

    def fits(self, category: str) -> bool:
        return not self.categories or category in self.categories

    def for_ticket(self, ticket: Ticket) -> str:
        """The text with the ticket's code and deadline filled in."""
        return self.text.replace("{code}", ticket.code).replace("{due}", local_time(ticket.due_at))


def load_canned(path: Path = DEFAULT_FILE) -> list[CannedResponse]:
    """The responses in a YAML list; ValueError names the entry that is wrong."""
    data = yaml_text.read(path.read_text(encoding="utf-8")) or []
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a list of responses")
    responses = []
    for i, item in enumerate(data):
        try:
            responses.append(
                CannedResponse(
                    id=str(item["id"]),
                    title=str(item["title"]),
                    text=str(item["text"]),
                    categories=tuple(str(c) for c in item.get("categories") or ()),
                )
            )
        except (KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"{path}: response {i + 1} needs id, title and text") from exc
    return responses
