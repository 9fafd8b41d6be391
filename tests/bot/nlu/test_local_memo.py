"""The local NLU's memo of classified texts (issue 15)."""

from __future__ import annotations

from pathlib import Path

from hotline.bot.nlu.local import LocalNLU


def test_a_remembered_parse_is_the_parse_of_that_very_text(nlu_model_dir: Path) -> None:
    nlu = LocalNLU.load(nlu_model_dir)
    fresh = LocalNLU.load(nlu_model_dir, kept=1)
    texts = [
        "F1 phải cách ly bao nhiêu ngày?",
        "f1 phai cach ly bao nhieu ngay",
        "ở phường Phú Cường",
    ]
    first = [nlu.parse_sync(t) for t in texts]
    assert [nlu.parse_sync(t) for t in texts] == first
    assert nlu.parses.hits == len(texts)
    # Keyed on the exact text: a text folded alike gets its own parse, with its own text and
    # entity offsets, as a model without a memo gives it.
    assert [fresh.parse_sync(t) for t in texts] == first
    assert first[0].text != first[1].text


def test_the_memo_never_grows_past_its_bound(nlu_model_dir: Path) -> None:
    nlu = LocalNLU.load(nlu_model_dir, kept=5)
    for n in range(20):
        nlu.parse_sync(f"cho hỏi cách ly {'a' * (n + 1)}")
    assert len(nlu.parses) == 5
