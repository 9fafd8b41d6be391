"""The province's districts and wards, loaded from the shipped lists, and where a text names them.

Canonical values are the plain names of the list (`district_name`/`ward_name`, e.g. district
"Thủ Dầu Một", ward "Phú Cường"); `full_path` gives the typed name for display. A ward name used in
several districts (An Bình, Tân Bình, Tân Hiệp, Tân Định) is still one canonical value: the
district is taken from a district named in the same text, else left open (`district` None,
`candidates` listing the possible districts) so the dialog can ask. A bare name that is both a
district and a ward (Dĩ An, Dầu Tiếng) is read as the district; "phường Dĩ An" is the ward.
Another province is another data file, not a code change.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from hotline.bot.nlu.normalize import nfc, strip_diacritics

DATA_DIR = Path(__file__).parent / "data" / "admin_units"
LIST_2021 = DATA_DIR / "binh_duong_2021-08-01.csv"
LIST_2025 = DATA_DIR / "binh_duong_area_post-2025-07_hcmc.csv"

# Typed prefixes, folded, longest first so "thi xa" wins over "xa".
_PREFIXES: tuple[tuple[str, str], ...] = (
    ("thanh pho", "district"),
    ("thi tran", "ward"),
    ("thi xa", "district"),
    ("phuong", "ward"),
    ("huyen", "district"),
    ("quan", "district"),
    ("xa", "ward"),
    ("tp", "district"),
    ("tx", "district"),
    ("tt", "ward"),
    ("p", "ward"),
    ("q", "district"),
)

# Names that are also everyday phrases ("đi ăn", "bình an"): without a prefix they count only
# when capitalised, or typed with diacritics that differ from the phrase.
_EVERYDAY_PHRASES: dict[str, str] = {"di an": "đi ăn", "binh an": "bình an", "an binh": "an bình"}


@dataclass(frozen=True)
class Unit:
    """One district or ward: plain name, type label ("Phường", "Huyện") and its district."""

    name: str
    kind: str
    code: str = ""
    district: str = ""

    @property
    def name_with_type(self) -> str:
        return f"{self.kind} {self.name}".strip()


@dataclass(frozen=True)
class PlaceMention:
    """A district or ward named in a text; offsets into the original text."""

    level: str  # "district" or "ward"
    value: str
    start: int
    end: int
    text: str
    district: str | None = None  # for a ward: its district when known
    candidates: tuple[str, ...] = ()  # for a ward: every district that has a ward so named


def _key(name: str) -> str:
    """Folded name used for matching: no diacritics, lower case, single spaces."""
    return " ".join(strip_diacritics(nfc(name)).lower().replace("-", " ").split())


def _compact(key: str) -> str:
    """A folded name as it may be typed: no spaces, "2" for a final "ii" (Cây Trường II)."""
    compact = "".join(key.replace("-", " ").split())
    return compact[:-1] + "ii" if compact.endswith("2") else compact


def _marks(char: str) -> set[str]:
    marks = {c for c in unicodedata.normalize("NFD", char) if unicodedata.combining(c)}
    return marks | {"stroke"} if char in "đĐ" else marks


# Precomposed Latin letters with diacritics -> base letter, for the common NFC case.
_FOLD_TABLE = {
    cp: base
    for cp in range(0xC0, 0x1F00)
    if len(base := strip_diacritics(chr(cp)).lower()) == 1 and base != chr(cp)
}
_COMBINING = re.compile(r"[\u0300-\u036f]")


def _fold_with_offsets(text: str) -> tuple[str, list[int] | range]:
    """Folded text and, for each folded character, its index in the original text."""
    lowered = text.lower()
    if len(lowered) == len(text) and not _COMBINING.search(text):
        return lowered.translate(_FOLD_TABLE), range(len(text))
    chars: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        for folded in strip_diacritics(char).lower():
            chars.append(folded)
            offsets.append(index)
    return "".join(chars), offsets


class AdminUnits:
    """Districts and wards of one province, with lookups and a mention finder."""

    def __init__(self, province: str, districts: Iterable[Unit], wards: Iterable[Unit]) -> None:
        self.province = province
        self._districts = {d.name: d for d in districts}
        self._wards: dict[str, list[Unit]] = {}
        for ward in wards:
            self._wards.setdefault(ward.name, []).append(ward)
        self._by_key: dict[str, list[Unit]] = {}
        for unit in [*self._districts.values(), *(w for ws in self._wards.values() for w in ws)]:
            self._by_key.setdefault(_key(unit.name), []).append(unit)
        self._by_compact = {_compact(k): units for k, units in self._by_key.items()}
        self._pattern = self._compile()

    @property
    def districts(self) -> tuple[str, ...]:
        """All district names, in list order (empty for a two-level list)."""
        return tuple(self._districts)

    @property
    def wards(self) -> tuple[str, ...]:
        """All distinct ward names, in list order."""
        return tuple(self._wards)

    def wards_of(self, district: str) -> tuple[str, ...]:
        return tuple(w.name for ws in self._wards.values() for w in ws if w.district == district)

    def districts_of(self, ward: str) -> tuple[str, ...]:
        """Every district that has a ward of that name (several for An Bình, Tân Bình...)."""
        return tuple(w.district for w in self._wards.get(ward, ()) if w.district)

    def district_of(self, ward: str, hint: str | None = None) -> str | None:
        """The ward's district: the only one, or `hint` when it is one of several; else None."""
        candidates = self.districts_of(ward)
        if len(candidates) == 1:
            return candidates[0]
        return hint if hint in candidates else None

    def district(self, name: str) -> str | None:
        """The canonical district for a typed name ("tx ben cat" -> "Bến Cát"), if any."""
        found = self._find(name, whole_field=True)
        return next((m.value for m in found if m.level == "district"), None)

    def ward(self, name: str) -> str | None:
        """The canonical ward for a typed name ("p. phu cuong" -> "Phú Cường"), if any."""
        for mention in self._find(name, whole_field=True):
            if mention.level == "ward" or mention.value in self._wards:
                return mention.value
        return None

    def full_path(self, ward: str | None = None, district: str | None = None) -> str:
        """Display form: "Phường Phú Cường, Thành phố Thủ Dầu Một"."""
        parts: list[str] = []
        if ward is not None:
            district = district or self.district_of(ward)
            units = self._wards.get(ward)
            if not units:
                raise KeyError(f"unknown ward: {ward}")
            unit = next((u for u in units if u.district == district), units[0])
            if district and unit.district != district:
                raise KeyError(f"no ward {ward} in {district}")
            kinds = {u.kind for u in units}
            parts.append(unit.name_with_type if district or len(kinds) == 1 else unit.name)
        if district:
            if district not in self._districts:
                raise KeyError(f"unknown district: {district}")
            parts.append(self._districts[district].name_with_type)
        return ", ".join(parts)

    def find(self, text: str) -> tuple[PlaceMention, ...]:
        """Districts and wards named in `text`, left to right."""
        return self._find(text, whole_field=False)

    def _find(self, text: str, *, whole_field: bool) -> tuple[PlaceMention, ...]:
        folded, offsets = _fold_with_offsets(text)
        mentions: list[PlaceMention] = []
        for match in self._pattern.finditer(folded):
            start = offsets[match.start("name")]
            end = offsets[match.end("name") - 1] + 1
            while end < len(text) and unicodedata.combining(text[end]):
                end += 1
            prefix = match.group("prefix")
            units = self._by_compact[_compact(match.group("name"))]
            if self._plausible(text[start:end], units[0].name, whole_field or prefix is not None):
                mentions.append(self._mention(_prefix_level(prefix), units, start, end, text))
        named = {m.value for m in mentions if m.level == "district"}
        return tuple(_settle_district(m, named) for m in mentions)

    def _mention(
        self, level: str, units: list[Unit], start: int, end: int, text: str
    ) -> PlaceMention:
        districts = [u for u in units if not u.district and u.name in self._districts]
        wards = [u for u in units if u not in districts]
        if districts and (level != "ward" or not wards):
            return PlaceMention("district", districts[0].name, start, end, text[start:end])
        candidates = tuple(dict.fromkeys(w.district for w in wards if w.district))
        district = candidates[0] if len(candidates) == 1 else None
        return PlaceMention(
            "ward", wards[0].name, start, end, text[start:end], district, candidates
        )

    def _plausible(self, typed: str, canonical: str, has_prefix: bool) -> bool:
        """Diacritics the citizen did type must agree with the name's (so "đi ăn" is no "Dĩ An")."""
        typed_n = nfc(typed).replace("-", " ")
        mine = "".join(typed_n.lower().split())
        theirs = "".join(nfc(canonical).lower().split())
        if theirs.endswith("ii") and mine.endswith("2"):
            mine = mine[:-1] + "ii"
        if len(mine) == len(theirs):
            if any(not _marks(a) <= _marks(b) for a, b in zip(mine, theirs, strict=True)):
                return False
        elif strip_diacritics(mine) != mine:
            return False
        phrase = _EVERYDAY_PHRASES.get(_key(canonical))
        if phrase is None or has_prefix or typed_n.istitle():
            return True
        return strip_diacritics(mine) != mine and " ".join(typed_n.lower().split()) != phrase

    def _compile(self) -> re.Pattern[str]:
        names = sorted(self._by_key, key=len, reverse=True)
        alternatives = "|".join(_name_pattern(n) for n in names)
        prefixes = "|".join(p.replace(" ", r"\s+") for p, _ in _PREFIXES)
        return re.compile(
            rf"(?<![a-z0-9])(?:(?P<prefix>{prefixes})(?:\.\s*|\s+))?"
            rf"(?P<name>{alternatives})(?![a-z0-9])"
        )


def _settle_district(mention: PlaceMention, named: set[str]) -> PlaceMention:
    """An ambiguous ward takes its district from a district named in the same text."""
    if mention.level != "ward" or mention.district is not None:
        return mention
    here = [d for d in mention.candidates if d in named]
    return replace(mention, district=here[0]) if len(here) == 1 else mention


def _name_pattern(key: str) -> str:
    syllables = [r"(?:ii|2)" if s == "ii" else re.escape(s) for s in key.split()]
    return r"[\s-]*".join(syllables)


def _prefix_level(prefix: str | None) -> str:
    if prefix is None:
        return ""
    key = " ".join(prefix.split())
    return next(level for p, level in _PREFIXES if p == key)


def load_units(path: Path) -> AdminUnits:
    """A list as shipped: the 2021 three-level CSV, or the post-2025 two-level CSV."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    if not rows:
        raise ValueError(f"no administrative units in {path}")
    if "district_name" in rows[0]:
        districts = {
            r["district_name"]: Unit(r["district_name"], r["district_type"], r["district_code"])
            for r in rows
        }
        wards = [
            Unit(r["ward_name"], r["ward_type"], r["ward_code"], r["district_name"]) for r in rows
        ]
        return AdminUnits(rows[0]["province_name"], districts.values(), wards)
    two_level = [
        Unit(r["name"], r["full_name"].removesuffix(r["name"]).strip(), r["code"]) for r in rows
    ]
    return AdminUnits(rows[0]["province_full_name"], (), two_level)


@cache
def default_units() -> AdminUnits:
    """The 2021 list (9 districts, 91 wards/communes), the one in force during COVID-19."""
    return load_units(LIST_2021)


@cache
def post_2025_units() -> AdminUnits:
    """The two-level list from July 2025 (wards of Thành phố Hồ Chí Minh, no districts)."""
    return load_units(LIST_2025)
