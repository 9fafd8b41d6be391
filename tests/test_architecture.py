"""The design's dependency direction, kept by reading the imports."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def imports(package: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in (ROOT / package).rglob("*.py"):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
        found[str(path.relative_to(ROOT))] = names
    return found


def offenders(package: str, forbidden: tuple[str, ...]) -> list[str]:
    return [
        f"{path} imports {name}"
        for path, names in imports(package).items()
        for name in names
        if any(name == f or name.startswith(f + ".") for f in forbidden)
    ]


UPPER = ("hotline.bot", "hotline.channels", "hotline.web", "hotline.cli", "hotline.runtime")


@pytest.mark.parametrize("package", ["hotline/faq", "hotline/handoff"])
def test_lower_packages_never_import_the_layers_above(package: str) -> None:
    assert offenders(package, UPPER) == []


def test_database_plumbing_knows_nothing_of_the_hotline() -> None:
    plumbing = [
        "hotline/storage/portable.py",
        "hotline/storage/shelf.py",
        "hotline/storage/sqlite/database.py",
        "hotline/storage/sqlite/shelf.py",
        "hotline/storage/mongo/database.py",
        "hotline/storage/mongo/shelf.py",
    ]
    found = imports("hotline/storage")
    names = set().union(*(found[p] for p in plumbing))
    assert not [
        n for n in names if n.startswith("hotline.") and not n.startswith("hotline.storage")
    ]


def test_storage_never_imports_the_layers_above() -> None:
    above = ("hotline.web", "hotline.channels", "hotline.cli", "hotline.runtime", "hotline.config")
    assert offenders("hotline/storage", above) == []


@pytest.mark.parametrize("package", ["hotline/bot", "hotline/faq", "hotline/handoff"])
def test_domain_packages_never_import_storage(package: str) -> None:
    """Store protocols live with their domain; the implementations import the domain."""
    assert offenders(package, ("hotline.storage",)) == []


# What the rest of the hotline may know of storage: the interface, and where to open it.
STORAGE_FACES = {
    "hotline.storage.base",
    "hotline.storage.open",
    "hotline.storage.migrate",
    "hotline.storage.portable",
}


def test_the_back_end_is_chosen_in_one_place() -> None:
    """Only `open_storage` names the back ends; every caller gets its stores from a Storage."""
    wrong = [
        f"{path} imports {name}"
        for path, names in imports("hotline").items()
        if not path.startswith("hotline/storage/")
        for name in names
        if name.startswith("hotline.storage.") and name not in STORAGE_FACES
    ]
    assert wrong == []
    found = imports("hotline/storage")
    both = [p for p, names in found.items() if {_back_end(n) for n in names} >= {"sqlite", "mongo"}]
    assert both == ["hotline/storage/open.py"]


def _back_end(name: str) -> str | None:
    for back_end in ("sqlite", "mongo"):
        if name.startswith(f"hotline.storage.{back_end}"):
            return back_end
    return None


@pytest.mark.parametrize("back_end", ["sqlite", "mongo"])
def test_a_back_end_and_the_shared_stores_keep_to_themselves(back_end: str) -> None:
    other = "mongo" if back_end == "sqlite" else "sqlite"
    assert offenders(f"hotline/storage/{back_end}", (f"hotline.storage.{other}",)) == []
    shared = offenders(
        "hotline/storage/shared", ("hotline.storage.sqlite", "hotline.storage.mongo")
    )
    assert shared == []


def test_no_store_lives_outside_storage() -> None:
    """Only hotline/storage speaks to a database: its drivers are imported nowhere else."""
    drivers = ("sqlite3", "pymongo", "bson", "motor")
    wrong = [
        f"{path} imports {name}"
        for path, names in imports("hotline").items()
        if not path.startswith("hotline/storage/")
        for name in names
        if any(name == d or name.startswith(d + ".") for d in drivers)
    ]
    assert wrong == []


def test_dialogs_never_import_a_channel_or_a_platform_sdk() -> None:
    sdks = ("hotline.channels", "hotline.web", "telegram", "viberbot", "aiohttp", "pymongo")
    assert offenders("hotline/bot/dialogs", sdks) == []


def test_the_engine_never_imports_a_channel() -> None:
    found = imports("hotline")
    names = found["hotline/bot/engine.py"] | found["hotline/runtime.py"]
    assert not [n for n in names if n.startswith("hotline.channels")]


def test_modules_stay_small() -> None:
    big = [
        f"{p.relative_to(ROOT)}: {n}"
        for p in (ROOT / "hotline").rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400
    ]
    assert big == []
