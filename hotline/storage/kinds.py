"""What `hotline store migrate` copies: each kind of record on SQLite and on MongoDB.

A kind maps a SQLite row to its MongoDB document (`_id` included) and back; the document is
the neutral shape the copy moves, whichever way it goes.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from hotline.storage.mongo import Document

Row = dict[str, Any]


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


@dataclass(frozen=True)
class Kind:
    """One table on SQLite, one collection on MongoDB, and the mapping between their records."""

    table: str
    collection: str
    keys: tuple[str, ...]  # the record's identity in the MongoDB document
    to_doc: Callable[[Row], Document]
    to_row: Callable[[Document], Row]
    counter: str | None = None  # the id counter to move past the copied `_id`s


def _message_doc(r: Row) -> Document:
    doc = json.loads(r["doc"])
    base = {k: r[k] for k in ("channel", "sender", "direction", "status", "attempts")}
    base.update(_id=r["id"], created_at=_dt(r["created_at"]), **doc)
    if r["direction"] == "in":
        return {**base, "message_id": r["message_id"]}
    base.update(reply_to=r["reply_to"], next_attempt_at=_dt(r["next_attempt_at"]))
    return {**base, "last_error": r["last_error"]} if r["last_error"] else base


def _message_row(d: Document) -> Row:
    fields: tuple[str, ...] = ("text", "buttons")
    if d["direction"] == "in":
        fields = ("text", "payload", "attachments", "metadata", "received_at")
    doc = {k: d[k] for k in fields if k in d}
    return {
        "id": d["_id"],
        "channel": d["channel"],
        "sender": d["sender"],
        "direction": d["direction"],
        "message_id": d.get("message_id"),
        "reply_to": d.get("reply_to"),
        "status": "pending" if d["status"] == "held" else d["status"],
        "doc": json.dumps(doc, ensure_ascii=False),
        "created_at": _iso(d["created_at"]),
        "attempts": d.get("attempts", 0),
        "next_attempt_at": _iso(d.get("next_attempt_at")),
        "last_error": d.get("last_error"),
    }


def _ticket_doc(r: Row) -> Document:
    doc = json.loads(r["doc"])
    return {
        **doc,
        "_id": r["code"],
        "due": r["due_at"],
        "created": r["created_at"],
        "closed": r["status"] in ("resolved", "closed"),
        "version": len(doc.get("history", [])),
    }


def _ticket_row(d: Document) -> Row:
    doc = {k: v for k, v in d.items() if k not in ("_id", "due", "created", "closed", "version")}
    row = {k: d[k] for k in ("code", "source_key", "channel", "sender", "category", "status")}
    return {**row, "created_at": d["created"], "due_at": d["due"], "doc": json.dumps(doc)}


def _faq_doc(r: Row) -> Document:
    doc = json.loads(r["doc"])
    return {"_id": doc.pop("id"), **doc}


def _faq_row(d: Document) -> Row:
    doc = {"id": d["_id"], **{k: v for k, v in d.items() if k != "_id"}}
    cols = {k: d[k] for k in ("topic", "status", "version", "updated_at")}
    return {"id": d["_id"], **cols, "doc": json.dumps(doc, ensure_ascii=False)}


def _plain(
    table: str,
    collection: str,
    keys: tuple[str, ...],
    id_column: str | None,
    times: tuple[str, ...] = (),
    counter: str | None = None,
) -> Kind:
    """A table whose columns are the document's fields, times as datetimes on MongoDB."""

    def to_doc(r: Row) -> Document:
        doc = {k: (_dt(v) if k in times else v) for k, v in r.items() if k != id_column}
        return {"_id": r[id_column], **doc} if id_column else doc

    def to_row(d: Document) -> Row:
        row = {k: (_iso(v) if k in times else v) for k, v in d.items() if k != "_id"}
        return {id_column: d["_id"], **row} if id_column else row

    return Kind(table, collection, keys, to_doc, to_row, counter)


def _keyed(
    table: str, id_of: Callable[[Row], str], fields: tuple[str, ...], times: tuple[str, ...]
) -> Kind:
    """A table keyed by several columns, kept on MongoDB under one composite `_id`."""

    def to_doc(r: Row) -> Document:
        return {"_id": id_of(r), **{k: (_dt(r[k]) if k in times else r[k]) for k in fields}}

    def to_row(d: Document) -> Row:
        return {k: (_iso(d.get(k)) if k in times else d.get(k)) for k in fields}

    return Kind(table, table, ("_id",), to_doc, to_row)


def _version_doc(r: Row) -> Document:
    doc = {k: r[k] for k in ("seq", "entry_id", "version", "author", "action", "at")}
    return {**doc, "entry": json.loads(r["doc"])}


def _version_row(d: Document) -> Row:
    row = {k: d[k] for k in ("seq", "entry_id", "version", "author", "action", "at")}
    return {**row, "doc": json.dumps(d["entry"], ensure_ascii=False)}


def _audit_doc(r: Row) -> Document:
    return {"seq": r["id"], **{k: v for k, v in r.items() if k != "id"}, "at": _dt(r["at"])}


def _audit_row(d: Document) -> Row:
    row = {k: v for k, v in d.items() if k not in ("_id", "seq")}
    return {"id": d["seq"], **row, "at": _iso(d["at"])}


KINDS = [
    Kind(
        "conversations",
        "conversations",
        ("channel", "sender"),
        lambda r: {
            "channel": r["channel"],
            "sender": r["sender"],
            "state": json.loads(r["doc"]),
            "updated_at": _dt(r["updated_at"]),
        },
        lambda d: {
            "channel": d["channel"],
            "sender": d["sender"],
            "doc": json.dumps(d["state"], ensure_ascii=False),
            "updated_at": _iso(d["updated_at"]),
        },
    ),
    Kind("messages", "messages", ("_id",), _message_doc, _message_row, "messages"),
    Kind("tickets", "tickets", ("_id",), _ticket_doc, _ticket_row),
    Kind("faq_entries", "faq_entries", ("_id",), _faq_doc, _faq_row),
    Kind("faq_versions", "faq_versions", ("seq",), _version_doc, _version_row, "faq_versions"),
    _plain("faq_questions", "faq_questions", ("_id",), "id", ("at",), "faq_questions"),
    _plain("users", "users", ("_id",), "name", ("created_at",)),
    _plain("user_tokens", "user_tokens", ("_id",), "digest", ("created_at",)),
    _plain("user_sessions", "user_sessions", ("_id",), "digest", ("created_at", "expires_at")),
    Kind("audit_log", "audit_log", ("seq",), _audit_doc, _audit_row, "audit_log"),
    _keyed(
        "deadline_alerts", lambda r: f"{r['code']}/{r['kind']}", ("code", "kind", "at"), ("at",)
    ),
    _keyed(
        "contacts",
        lambda r: f"{r['channel']}/{r['message_id']}",
        ("channel", "message_id", "at", "conversation", "intent", "handled_by"),
        ("at",),
    ),
    Kind(
        "platform_tokens",
        "platform_tokens",
        ("_id",),
        lambda r: {
            "_id": r["platform"],
            "pair": json.loads(r["doc"]),
            "updated_at": _dt(r["updated_at"]),
        },
        lambda d: {
            "platform": d["_id"],
            "doc": json.dumps(d["pair"]),
            "updated_at": _iso(d["updated_at"]),
        },
    ),
    Kind(
        "platform_contacts",
        "platform_contacts",
        ("_id",),
        lambda r: {
            "_id": f"{r['channel']}:{r['sender']}",
            **{
                k: (v if k == "last_message_id" else _dt(v))
                for k, v in r.items()
                if k not in ("channel", "sender")
            },
        },
        lambda d: {
            "channel": d["_id"].split(":", 1)[0],
            "sender": d["_id"].split(":", 1)[1],
            **{k: (v if k == "last_message_id" else _iso(v)) for k, v in d.items() if k != "_id"},
        },
    ),
    Kind(
        "rule_documents",
        "rule_documents",
        ("_id",),
        lambda r: {
            "_id": r["name"],
            "doc": json.loads(r["doc"]),
            "updated_by": r["updated_by"],
            "updated_at": _dt(r["updated_at"]),
        },
        lambda d: {
            "name": d["_id"],
            "doc": json.dumps(d["doc"], ensure_ascii=False),
            "updated_by": d["updated_by"],
            "updated_at": _iso(d["updated_at"]),
        },
    ),
    Kind(
        "agencies",
        "agencies",
        ("_id",),
        lambda r: {"_id": r["name"], **json.loads(r["doc"])},
        lambda d: {"name": d["_id"], "doc": json.dumps({k: v for k, v in d.items() if k != "_id"})},
    ),
]
# Not copied: conversation leases, console events and failed logins (all expire within the hour).
