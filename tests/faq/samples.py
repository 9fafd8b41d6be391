"""Sample FAQ entries for the tests."""

from __future__ import annotations

from hotline.faq.entries import FaqEntry


def entry(id: str = "cach-ly-f0-bao-lau", **changes: object) -> FaqEntry:
    """A valid published entry, with any field changed."""
    fields: dict[str, object] = {
        "id": id,
        "questions": ("F0 cách ly bao nhiêu ngày?", "f0 cach ly bao lau"),
        "answer": "Theo hướng dẫn của Bộ Y tế, F0 cách ly 7 ngày.",
        "topic": "cach_ly",
        "status": "published",
    }
    fields.update(changes)
    return FaqEntry(**fields)  # type: ignore[arg-type]
