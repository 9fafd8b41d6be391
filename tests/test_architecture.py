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


@pytest.mark.parametrize("package", ["faq", "handoff", "store"])
def test_lower_packages_never_import_the_composition_root(package: str) -> None:
    assert offenders(package, ("bot",)) == []


def test_store_plumbing_knows_nothing_of_the_hotline() -> None:
    assert offenders("store", ("faq", "handoff")) == []


def test_dialogs_never_import_a_channel_or_a_platform_sdk() -> None:
    sdks = ("bot.channels", "telegram", "viberbot", "aiohttp", "pymongo")
    assert offenders("bot/dialogs", sdks) == []


def test_the_engine_never_imports_a_channel() -> None:
    found = imports("bot")
    names = found["bot/engine.py"] | found["bot/runtime.py"]
    assert not [n for n in names if n.startswith("bot.channels")]


def test_modules_stay_small() -> None:
    big = [
        f"{p.relative_to(ROOT)}: {n}"
        for pkg in ("bot", "faq", "handoff", "store")
        for p in (ROOT / pkg).rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400
    ]
    assert big == []
