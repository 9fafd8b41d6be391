"""Training-time variants of the intent examples: deterministic, and typed the way citizens type."""

from __future__ import annotations

import random

from hotline.bot.nlu import augment
from hotline.bot.nlu.augment import ENDINGS, SHORTHAND, Augmentation, augment_texts, variants
from hotline.bot.nlu.normalize import normalize


def test_variants_of_a_known_example() -> None:
    assert variants("cách ly F0 mấy ngày", Augmentation(copies=3)) == [
        "cách ly f0 mấy ngày ad ơi",
        "cachly f0 may ngay",
        "ácch ly f0 mấy ngày",
    ]


def test_the_same_text_always_gives_the_same_variants_whatever_the_order() -> None:
    texts = ["không được đi đâu vậy", "xin chào", "hàng xóm là F1 mà vẫn ra chợ"]
    labels = ["ask_faq", "greet", "report_contact"]
    first, _ = augment_texts(texts, labels)
    second, _ = augment_texts(texts[::-1], labels[::-1])
    assert sorted(first) == sorted(second)
    assert variants("xin chào", Augmentation(seed=1)) != variants("xin chào", Augmentation(seed=2))


def test_variants_the_features_would_not_tell_apart_are_dropped() -> None:
    text = "không được đi đâu vậy"
    out = variants(text, Augmentation(copies=5))
    assert out
    keys = [normalize(v) for v in out]
    assert normalize(text) not in keys
    assert len(set(keys)) == len(keys)
    # With no change but diacritics and teencode, nothing new is left to learn from.
    assert (
        variants(text, Augmentation(copies=5, typos=False, joined_words=False, endings=False)) == []
    )


def test_labels_follow_their_texts() -> None:
    texts, labels = augment_texts(
        ["cảm ơn tổng đài nhiều", "mẹ tôi khó thở"], ["thank", "emergency"]
    )
    assert texts[:2] == ["cảm ơn tổng đài nhiều", "mẹ tôi khó thở"]
    by_label = dict(zip(texts, labels, strict=True))
    assert all(by_label[v] == "thank" for v in variants("cảm ơn tổng đài nhiều"))
    assert all(by_label[v] == "emergency" for v in variants("mẹ tôi khó thở"))


def test_each_change() -> None:
    rng = random.Random(7)
    typo = augment._typo("tiêm vaccine", rng)
    assert typo != "tiêm vaccine" and abs(len(typo) - len("tiêm vaccine")) <= 1
    assert augment._join("đi chợ được không", rng).count(" ") == 2
    assert augment._ending("cách ly mấy ngày?", rng).endswith(ENDINGS)
    assert augment._drop("hàng xóm là F1 mà vẫn ra chợ", rng).count(" ") == 6
    assert augment._drop("xin chào", rng) == "xin chào"
    shortened = augment._shorthand("tiêm được không", random.Random(3))
    assert shortened != "tiêm được không"
    assert any(short in shortened.split() for short in SHORTHAND["không"] + SHORTHAND["được"])
