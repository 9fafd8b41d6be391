"""The intent classifier's features and its confidences."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from hotline.bot.nlu.classifier import IntentClassifier, features

TEXTS = {
    "greet": ["xin chào", "chào bạn", "alo tổng đài", "hello ad", "chào buổi sáng"],
    "emergency": ["khó thở quá", "mẹ tôi bất tỉnh", "cấp cứu gấp", "spo2 còn 88", "ngất xỉu rồi"],
    "thank": ["cảm ơn", "cám ơn bạn", "thanks ad", "cảm ơn nhiều", "tks nha"],
}


def fitted() -> IntentClassifier:
    pairs = [(t, intent) for intent, texts in TEXTS.items() for t in texts]
    return IntentClassifier.fit([t for t, _ in pairs], [i for _, i in pairs])


def test_features_are_typing_independent() -> None:
    assert features("Khó thở quá") == features("kho tho qua")
    assert features("ko dc") == features("không được")
    counts = features("kho tho")
    assert counts["w kho"] == 1
    assert counts["b kho tho"] == 1
    assert counts["c tho "] == 1  # character n-grams carry typos


def test_typo_still_scores_right() -> None:
    model = fitted()
    probabilities = model.probabilities("kho thooo qua")
    assert probabilities is not None
    assert model.intents[int(np.argmax(probabilities))] == "emergency"


def test_probabilities_sum_to_one() -> None:
    probabilities = fitted().probabilities("cảm ơn bạn nhiều")
    assert probabilities is not None
    assert probabilities.shape == (3,)
    assert abs(float(probabilities.sum()) - 1.0) < 1e-5


def test_mostly_unseen_text_is_unsure() -> None:
    model = fitted()
    seen = model.probabilities("cảm ơn nhiều")
    unseen = model.probabilities("cảm zzqx wwkj vvpl qqrt")
    assert seen is not None and unseen is not None
    assert unseen.max() < seen.max()
    assert unseen.max() < 0.5
    assert model.probabilities("zzqx") is None  # nothing known at all


def test_save_and_load_give_the_same_scores(tmp_path: Path) -> None:
    model = fitted()
    model.save(tmp_path, {"fingerprint": "x"})
    loaded = IntentClassifier.load(tmp_path)
    assert loaded.intents == model.intents
    before, after = (
        model.probabilities("alo chào tổng đài"),
        loaded.probabilities("alo chào tổng đài"),
    )
    assert before is not None and after is not None
    assert np.allclose(before, after)
