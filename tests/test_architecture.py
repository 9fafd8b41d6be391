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


UPPER = (
    "hotline.bot",
    "hotline.channels",
    "hotline.web",
    "hotline.cli",
    "hotline.runtime",
    "hotline.evaluation",
)


@pytest.mark.parametrize("package", ["hotline/faq", "hotline/handoff"])
def test_lower_packages_never_import_the_layers_above(package: str) -> None:
    assert offenders(package, UPPER) == []


def test_database_plumbing_knows_nothing_of_the_hotline() -> None:
    plumbing = {"hotline/storage/sqlite.py", "hotline/storage/mongo.py", "hotline/storage/open.py"}
    found = imports("hotline/storage")
    names = set().union(*(found[p] for p in plumbing))
    assert not [
        n for n in names if n.startswith("hotline.") and not n.startswith("hotline.storage")
    ]


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


def test_the_nlu_layer_imports_nothing_above_it() -> None:
    """The NLU knows no dialog, channel, page, runtime or app settings (its callers configure
    it with `hotline.bot.nlu.config.NluConfig`)."""
    above = (
        "hotline.bot.dialogs",
        "hotline.channels",
        "hotline.web",
        "hotline.runtime",
        "hotline.config",
        "hotline.cli",
        "hotline.evaluation",
    )
    assert offenders("hotline/bot/nlu", above) == []


def test_only_the_command_runs_the_open_world_evaluation() -> None:
    users = [
        f"{path} imports {name}"
        for path, names in imports("hotline").items()
        for name in names
        if name.startswith("hotline.evaluation")
        and not path.startswith(("hotline/cli/", "hotline/evaluation/"))
    ]
    assert users == []
