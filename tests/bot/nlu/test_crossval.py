"""Grouped cross-validation of the local classifier: paraphrases never straddle folds."""

from __future__ import annotations

from hotline.bot.nlu.augment import Augmentation
from hotline.bot.nlu.classifier import IntentClassifier, TrainingSettings
from hotline.bot.nlu.crossval import (
    cross_validate,
    cross_validate_added,
    fitter,
    folds,
    macro_f1,
    paraphrase_groups,
)
from hotline.bot.nlu.training import Example

EXAMPLES = [
    Example("cách ly F0 mấy ngày", "ask_faq"),
    Example("cach ly f0 may ngay", "ask_faq"),
    Example("f0 cach ly may ngay vay", "ask_faq"),
    Example("giấy đi đường xin ở đâu", "ask_faq"),
    Example("xin giấy đi đường ở đâu ạ", "ask_faq"),
    Example("tiêm mũi 3 ở đâu", "ask_faq"),
    Example("xin chào", "greet"),
    Example("xin chao", "greet"),
    Example("alo tổng đài", "greet"),
    Example("hello ad", "greet"),
    Example("chào buổi sáng", "greet"),
    Example("cảm ơn", "thank"),
    Example("cam on nhieu", "thank"),
    Example("tks ad", "thank"),
    Example("cám ơn tổng đài", "thank"),
]


def test_paraphrases_share_a_group_and_other_messages_do_not() -> None:
    groups = paraphrase_groups(EXAMPLES)
    assert groups[0] == groups[1] == groups[2]
    assert groups[3] == groups[4]
    assert len({groups[0], groups[3], groups[5]}) == 3
    # The same words under another intent are another group.
    mixed = paraphrase_groups([Example("xin chào", "greet"), Example("xin chào", "thank")])
    assert mixed[0] != mixed[1]


def test_a_group_stays_in_one_fold_and_every_fold_is_used() -> None:
    groups = paraphrase_groups(EXAMPLES)
    numbers = folds(EXAMPLES, 3)
    for group in set(groups):
        assert len({f for g, f in zip(groups, numbers, strict=True) if g == group}) == 1
    assert set(numbers) == {0, 1, 2}
    assert numbers == folds(EXAMPLES, 3)  # seeded


def test_cross_validation_scores_every_example_once() -> None:
    fit = fitter(TrainingSettings(epochs=20), Augmentation(copies=1))
    result = cross_validate(EXAMPLES, fit, k=3)
    assert result.examples == len(EXAMPLES)
    assert result.groups == len(set(paraphrase_groups(EXAMPLES)))
    assert 0.0 <= result.accuracy <= 1.0


def test_macro_f1_averages_intents() -> None:
    assert macro_f1(["a", "a", "b", "b"], ["a", "a", "b", "b"]) == 1.0
    # a: precision 2/3, recall 1 -> 0.8; b: precision 1, recall 1/2 -> 2/3.
    assert abs(macro_f1(["a", "a", "b", "b"], ["a", "a", "a", "b"]) - (0.8 + 2 / 3) / 2) < 1e-9


def test_added_examples_are_judged_on_the_old_ones_and_never_trained_with_their_twin() -> None:
    old, added = EXAMPLES[:-3], [*EXAMPLES[-3:], Example("cách ly F0 mấy ngày vậy ad", "ask_faq")]
    fit = fitter(TrainingSettings(epochs=20), None)
    trained: list[list[str]] = []

    def recording(texts: list[str], labels: list[str]) -> IntentClassifier:
        trained.append(texts)
        return fit(texts, labels)

    without, with_added = cross_validate_added(old, added, recording, k=3)
    assert without.examples == with_added.examples == len(old)
    added_texts = {e.text for e in added}
    assert all(not added_texts & set(texts) for texts in trained[:3])
    assert any(added_texts & set(texts) for texts in trained[3:])
    # The added twin of "cách ly F0 mấy ngày" is held out with it: never trained beside it.
    twin = "cách ly F0 mấy ngày vậy ad"
    assert all(twin not in texts for texts in trained if "cách ly F0 mấy ngày" not in texts)
