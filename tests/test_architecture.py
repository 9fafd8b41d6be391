"""The design's dependency direction, kept by reading the imports.

Every import counts, wherever it is written: at the top of a module, inside a function, under
`if TYPE_CHECKING`. Importing `a.b.c` also runs the packages `a` and `a.b`, so a module depends on
those `__init__` modules too.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Cycles that are known and not yet broken, each with the reason it is still there. A cycle that
# is broken must leave this list (the test says so), and a new one never joins it.
KNOWN_CYCLES: dict[frozenset[str], str] = {}


def imports(package: str) -> dict[str, set[str]]:
    """The names each file of a package imports (absolute imports), by path."""
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


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def module_graph() -> dict[str, frozenset[str]]:
    """Every module of `hotline` and the modules of `hotline` that importing it runs."""
    files = {_module_name(p): p for p in (ROOT / "hotline").rglob("*.py")}

    def module_of(name: str) -> str | None:
        while name and name not in files:
            name = name.rpartition(".")[0]
        return name or None

    def with_packages(importer: str, name: str) -> set[str]:
        """`name` and the packages above it that are not already above the importer."""
        found = {name}
        parent = name.rpartition(".")[0]
        while parent and not importer.startswith(parent + "."):
            found.add(parent)
            parent = parent.rpartition(".")[0]
        return found

    graph: dict[str, frozenset[str]] = {}
    for module, path in files.items():
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(filter(None, (module_of(a.name) for a in node.names)))
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    above = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*above, base] if base else above)
                for alias in node.names:
                    full = f"{base}.{alias.name}"
                    target = full if full in files else module_of(base)
                    if target:
                        targets.add(target)
        deps: set[str] = set()
        for target in targets:
            deps |= with_packages(module, target)
        deps.discard(module)
        graph[module] = frozenset(d for d in deps if d in files)
    return graph


def cycles(graph: dict[str, frozenset[str]]) -> list[frozenset[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(frozenset(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def reachable(start: str) -> set[str]:
    """Every module that importing `start` may run, itself excluded."""
    graph, seen, todo = module_graph(), set(), [start]
    while todo:
        for nxt in graph[todo.pop()]:
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    seen.discard(start)
    return seen


def under(module: str, prefixes: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


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
    "hotline.storage.reseal",
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
    for module in ("hotline.bot.engine", "hotline.runtime"):
        assert not [m for m in reachable(module) if under(m, ("hotline.channels",))], module


def test_channels_never_import_the_engine_the_dialogs_or_the_app() -> None:
    """A channel gets the engine as an `Inbox` when it is opened; it may use the bot's words."""
    upper = ("hotline.bot.engine", "hotline.bot.dialogs", "hotline.runtime", "hotline.web")
    allowed = {"hotline.bot.dialogs", "hotline.bot.dialogs.texts"}
    for module in module_graph():
        if under(module, ("hotline.channels",)):
            found = [m for m in reachable(module) if under(m, upper) and m not in allowed]
            assert found == [], f"{module} reaches {sorted(found)}"


def test_no_module_imports_itself_back() -> None:
    """No cycle between modules, late (function-level) imports included: a part is built when
    what it needs exists and is passed in, never reached for later."""
    found = set(cycles(module_graph()))
    new = [sorted(c) for c in found if c not in KNOWN_CYCLES]
    assert new == [], f"import cycles: {new}"
    broken = [sorted(c) for c in KNOWN_CYCLES if c not in found]
    assert broken == [], f"no longer cycles, take them off KNOWN_CYCLES: {broken}"


def test_the_cycle_finder_sees_late_and_package_imports() -> None:
    graph = {
        "a": frozenset({"b"}),
        "b": frozenset({"c"}),
        "c": frozenset({"a"}),
        "d": frozenset({"a"}),
    }
    assert cycles(graph) == [frozenset({"a", "b", "c"})]
    app = module_graph()["hotline.web.app"]
    assert "hotline.web.keys" in app and "hotline.web.api" in app, "packages run on the way"
    assert "hotline.cli.serve" in module_graph()["hotline.cli.main"], "a late import counts"


def test_app_keys_live_in_one_module() -> None:
    defined = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "hotline").rglob("*.py")
        if "AppKey(" in p.read_text(encoding="utf-8")
    ]
    assert defined == ["hotline/web/keys.py"]


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
    nlu = [m for m in module_graph() if under(m, ("hotline.bot.nlu",))]
    found = {m: sorted(r for r in reachable(m) if under(r, above)) for m in nlu}
    assert {m: r for m, r in found.items() if r} == {}


def test_only_the_command_runs_the_open_world_evaluation() -> None:
    users = [
        m
        for m, deps in module_graph().items()
        if any(under(d, ("hotline.evaluation",)) for d in deps)
        and not under(m, ("hotline.cli", "hotline.evaluation"))
    ]
    assert users == []
