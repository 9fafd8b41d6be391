"""Every word the bot says lives in texts.py: no dialog hands a reply a string of its own."""

from __future__ import annotations

import ast
from pathlib import Path

import hotline.bot.dialogs
from hotline.bot.dialogs import texts
from hotline.bot.dialogs.report_form import STEPS, FormStep
from hotline.handoff.tickets import TicketStatus

DIALOGS = Path(hotline.bot.dialogs.__file__).parent
TICKET_ACTIONS = DIALOGS.parents[1] / "web" / "api" / "ticket_actions.py"
SAYING = {"reply", "notify"}  # a dialog's reply; the tickets API's news to the citizen


def worded_literals(node: ast.AST) -> list[str]:
    """String constants with letters in them; a button's payload ("/skip", `payload(...)`) is
    not said."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "payload":
        return []
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        said = not node.value.startswith("/") and any(c.isalpha() for c in node.value)
        return [node.value] if said else []
    return [found for child in ast.iter_child_nodes(node) for found in worded_literals(child)]


def test_replies_take_their_words_from_texts() -> None:
    sources = [p for p in DIALOGS.glob("*.py") if p.name != "texts.py"] + [TICKET_ACTIONS]
    own_words = [
        f"{path.name}:{call.lineno} {literal!r}"
        for path in sources
        for call in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(call, ast.Call)
        and isinstance(call.func, ast.Attribute)
        and call.func.attr in SAYING
        for argument in (*call.args, *(k.value for k in call.keywords))
        for literal in worded_literals(argument)
    ]
    assert own_words == []


def test_every_status_and_form_step_has_its_words() -> None:
    assert set(texts.STATUS_NAMES) == set(TicketStatus)
    editable = {s for steps in STEPS.values() for s in steps} - {
        FormStep.CONFIRM,
        FormStep.EVIDENCE,
    }
    assert set(texts.EDIT_FIELDS) == editable


def _said(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _said(v)]
    if isinstance(value, (tuple, list)):
        return [s for v in value for s in _said(v)]
    return []


def test_one_form_of_address_throughout() -> None:
    """The bot calls the citizen "anh/chị", as the FAQ's answers do; never "bạn" as well."""
    import re

    said = [s for name in dir(texts) if name.isupper() for s in _said(getattr(texts, name))]
    assert [s for s in said if re.search(r"\b[Bb]ạn\b", s)] == []
    assert any("anh/chị" in s for s in said)
