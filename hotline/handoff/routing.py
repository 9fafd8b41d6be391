"""Routing: which team works a ticket and which agencies act on it, by category and area.

Rules are data (data/routing.yml seeds them; admins edit them in the store). The most
specific rule wins: one for the ticket's ward, then its district, then the category, then "*".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from string import Formatter
from typing import Any, Protocol

from hotline import yaml_text

DEFAULTS = Path(__file__).parent / "data" / "routing.yml"
ANY = "*"
DEFAULT_TEAM = "agents"


@dataclass(frozen=True)
class RoutingRule:
    category: str
    agencies: tuple[str, ...] = ()
    team: str = DEFAULT_TEAM
    district: str | None = None
    ward: str | None = None

    def to_doc(self) -> dict[str, Any]:
        doc: dict[str, Any] = {"category": self.category, "agencies": list(self.agencies)}
        doc["team"] = self.team
        doc.update({k: v for k in ("district", "ward") if (v := getattr(self, k))})
        return doc

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> RoutingRule:
        """A rule from an admin's or a file's document; ValueError says what is wrong."""
        if not isinstance(doc, dict):
            raise ValueError("mỗi quy tắc phải là một mục có loại phiếu, tổ và cơ quan")
        category, agencies = doc.get("category"), doc.get("agencies") or []
        if not isinstance(category, str) or not category:
            raise ValueError("quy tắc cần có loại phiếu")
        if not isinstance(agencies, list) or not all(isinstance(a, str) for a in agencies):
            raise ValueError("cơ quan phải là danh sách tên")
        team = doc.get("team") or DEFAULT_TEAM
        district, ward = doc.get("district") or None, doc.get("ward") or None
        if not all(isinstance(v, str | None) for v in (team, district, ward)):
            raise ValueError("tổ, huyện và phường/xã phải là chữ")
        for agency in agencies:
            _check_template(agency)
        return cls(category, tuple(a.strip() for a in agencies if a.strip()), team, district, ward)

    def specificity(self, category: str, district: str | None, ward: str | None) -> int | None:
        """How closely this rule fits a ticket (higher is closer), or None if it does not."""
        if self.category not in (category, ANY):
            return None
        if self.district is not None and self.district != district:
            return None
        if self.ward is not None and self.ward != ward:
            return None
        score = 0 if self.category == ANY else 1
        return score + (2 if self.district else 0) + (4 if self.ward else 0)


# One plain address: no display name, no list, no line break, nothing a mail header would split.
_ADDRESS = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*")
BAD_AGENCY_EMAIL = "Địa chỉ e-mail của cơ quan không hợp lệ: chỉ một địa chỉ, không xuống dòng."
BAD_AGENCY_NAME = "Tên cơ quan không được chứa ký tự xuống dòng hay ký tự điều khiển."


@dataclass(frozen=True)
class Agency:
    """An agency that receives reports; without an e-mail it reads them over Open311."""

    name: str
    email: str = ""

    def to_doc(self) -> dict[str, str]:
        return {"name": self.name, "email": self.email}

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Agency:
        if not isinstance(doc, dict):
            raise ValueError("mỗi cơ quan phải là một mục có tên")
        name, email = doc.get("name"), doc.get("email") or ""
        if not isinstance(name, str) or not name.strip() or not isinstance(email, str):
            raise ValueError("cơ quan cần có tên (thư điện tử không bắt buộc)")
        # Both end up in mail headers: a line break there would add headers (`\r\nBcc:`).
        if any(ord(c) < 0x20 or ord(c) == 0x7F for c in name):
            raise ValueError(BAD_AGENCY_NAME)
        if email.strip() and not _ADDRESS.fullmatch(email.strip()):
            raise ValueError(BAD_AGENCY_EMAIL)
        return cls(name.strip(), email.strip())


@dataclass(frozen=True)
class Route:
    team: str
    agencies: tuple[str, ...]


class RoutingStore(Protocol):
    async def rules(self) -> list[RoutingRule]: ...

    async def replace_rules(self, rules: list[RoutingRule]) -> None: ...

    async def agencies(self) -> list[Agency]: ...

    async def put_agency(self, agency: Agency) -> None: ...

    async def close(self) -> None: ...


def choose(
    rules: list[RoutingRule],
    category: str,
    district: str | None,
    ward: str | None,
    province: str = "Bình Dương",
) -> Route:
    """The route of the closest rule (the first such in the list on a tie)."""
    best: RoutingRule | None = None
    best_score = -1
    for rule in rules:
        score = rule.specificity(category, district, ward)
        if score is not None and score > best_score:
            best, best_score = rule, score
    if best is None:
        return Route(DEFAULT_TEAM, ())
    places = {
        # Without a ward, the district's People's Committee acts; without a district, the
        # province's agency does.
        "ward": f"{ward}, {district}" if ward and district else ward or district or province,
        "district": district or province,
    }
    agencies = tuple(dict.fromkeys(a.format_map(places) for a in best.agencies))
    return Route(best.team, agencies)


def _check_template(name: str) -> None:
    try:
        fields = {f for _, f, _, _ in Formatter().parse(name) if f is not None}
    except ValueError as exc:
        raise ValueError(f"tên cơ quan “{name}” có dấu ngoặc {{ }} sai") from exc
    if not fields <= {"ward", "district"}:
        raise ValueError(f"tên cơ quan “{name}” chỉ được dùng {{ward}} và {{district}}")


def load_defaults(path: Path = DEFAULTS) -> tuple[list[RoutingRule], list[Agency]]:
    data = yaml_text.read(path.read_text(encoding="utf-8")) or {}
    rules = [RoutingRule.from_doc(d) for d in data.get("rules") or []]
    agencies = [Agency.from_doc(d) for d in data.get("agencies") or []]
    return rules, agencies


class Routing:
    """Routes tickets by the rules in a store, so an admin's edit applies to the next ticket."""

    def __init__(self, store: RoutingStore, province: str = "Bình Dương") -> None:
        self.store = store
        self.province = province

    async def route(self, category: str, district: str | None, ward: str | None) -> Route:
        return choose(await self.store.rules(), category, district, ward, self.province)
