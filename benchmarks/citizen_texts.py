"""The texts the per-message benchmarks send: a few repeated, as citizens send the same short
questions over and over, and the development split's citizen messages, each distinct."""

from __future__ import annotations

from pathlib import Path

import yaml

DEV = Path(__file__).resolve().parent.parent / "hotline" / "evaluation" / "data" / "dev.yml"
REPEATED = [
    "xin chào",
    "F1 phải cách ly bao nhiêu ngày?",
    "dang ky tiem vac xin o dau",
    "cam on nhieu",
    "thẻ đi đường xin ở đâu vậy ad",
    "tiêm mũi 3 cần mang gì",
]


def distinct_texts() -> list[str]:
    """The development split's citizen messages, each once, sorted."""
    data = yaml.safe_load(DEV.read_text(encoding="utf-8"))
    return sorted(
        {case["text"] for cases in data.values() if isinstance(cases, list) for case in cases}
    )
