"""FAQ import and export as YAML (`faq:` list of entries) or CSV (one row per entry).

Bad rows do not stop an import: they come back in `ImportReport.rejected` with where and why,
and the good ones are kept. Exporting then importing gives back the same entries.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import PurePath
from typing import Any, Literal

import yaml

from hotline import yaml_text
from hotline.faq.entries import FaqEntry, InvalidEntry

Format = Literal["yaml", "csv"]

CSV_COLUMNS = ("id", "topic", "status", "questions", "answer", "version", "updated_at")
REQUIRED_COLUMNS = ("id", "topic", "status", "questions", "answer")
QUESTION_SEPARATOR = " | "


@dataclass(frozen=True)
class Rejected:
    """An entry that was not imported: where it is in the file, and why."""

    where: str
    reason: str


@dataclass
class ImportReport:
    entries: list[FaqEntry] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)


def format_for(path: str | PurePath) -> Format:
    """The format of a file from its suffix: .yml/.yaml or .csv."""
    suffix = PurePath(path).suffix.lower()
    if suffix in (".yml", ".yaml"):
        return "yaml"
    if suffix == ".csv":
        return "csv"
    raise ValueError(f"unknown FAQ file type {suffix or '(none)'!r}: use .yml, .yaml or .csv")


def read_entries(text: str, fmt: Format) -> ImportReport:
    """Parse FAQ entries; invalid or duplicate ones are reported, the rest kept."""
    report = ImportReport()
    seen: set[str] = set()
    rows = _yaml_rows(text) if fmt == "yaml" else _csv_rows(text)
    for where, data in rows:
        if isinstance(data, Rejected):
            report.rejected.append(data)
            continue
        label = where if not isinstance(data.get("id"), str) else f"{where} ({data['id']})"
        try:
            entry = FaqEntry.from_dict(data)
        except InvalidEntry as error:
            report.rejected.append(Rejected(label, error.reason))
            continue
        if entry.id in seen:
            report.rejected.append(Rejected(label, "id: trùng với một mục trước (duplicate id)"))
            continue
        seen.add(entry.id)
        report.entries.append(entry)
    return report


def write_entries(entries: Iterable[FaqEntry], fmt: Format) -> str:
    """The entries as a YAML or CSV document that `read_entries` reads back unchanged."""
    if fmt == "yaml":
        return yaml.dump(
            {"faq": [_yaml_entry(e) for e in entries]},
            Dumper=_Dumper,
            allow_unicode=True,
            sort_keys=False,
            width=100,
        )
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for e in entries:
        questions = QUESTION_SEPARATOR.join(e.questions)
        updated = e.updated_at or ""
        writer.writerow((e.id, e.topic, e.status, questions, e.answer, e.version, updated))
    return out.getvalue()


def load_seed() -> list[FaqEntry]:
    """The sample FAQ shipped in hotline/faq/seed/faq.yml; raises if any entry in it is invalid."""
    text = resources.files("hotline.faq").joinpath("seed/faq.yml").read_text(encoding="utf-8")
    report = read_entries(text, "yaml")
    if report.rejected:
        problems = "; ".join(f"{r.where}: {r.reason}" for r in report.rejected)
        raise InvalidEntry(f"hotline/faq/seed/faq.yml: {problems}")
    return report.entries


Row = tuple[str, "Mapping[str, Any] | Rejected"]


def _yaml_rows(text: str) -> Iterator[Row]:
    try:
        document = yaml_text.read(text)
    except yaml.YAMLError as error:
        yield "file", Rejected("file", f"YAML không đọc được (invalid YAML): {error}")
        return
    items = document.get("faq") if isinstance(document, dict) else None
    if not isinstance(items, list):
        yield "file", Rejected("file", "cần danh sách 'faq:' ở đầu tệp (a top-level faq: list)")
        return
    for number, item in enumerate(items, start=1):
        where = f"faq[{number}]"
        if isinstance(item, dict):
            yield where, item
        else:
            yield where, Rejected(where, "mỗi mục phải là một đối tượng (entry must be a mapping)")


def _csv_rows(text: str) -> Iterator[Row]:
    # Spreadsheets save UTF-8 with a byte-order mark; it is not part of the first column name.
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    header = [name.strip().lower() for name in next(reader, [])]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        yield "file", Rejected("file", f"thiếu cột (missing columns): {', '.join(missing)}")
        return
    line = reader.line_num + 1
    for cells in reader:
        where, line = f"line {line}", reader.line_num + 1
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(header):
            yield where, Rejected(where, "nhiều ô hơn tiêu đề (more cells than columns)")
            continue
        data: dict[str, Any] = dict(zip(header, cells, strict=False))
        data["questions"] = [q.strip() for q in data["questions"].split("|") if q.strip()]
        yield where, data


def _yaml_entry(entry: FaqEntry) -> dict[str, Any]:
    # Content first, as an admin reads it; bookkeeping last.
    data = entry.to_dict()
    if data["updated_at"] is None:
        del data["updated_at"]
    return data


class _Dumper(yaml.SafeDumper):
    """Writes multi-line answers as `|` blocks so exported files stay readable."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)
