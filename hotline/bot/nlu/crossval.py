"""Cross-validation of the local intent classifier that keeps paraphrases together.

The training data writes most messages two or three ways ("cách ly F0 mấy ngày", "cach ly f0 may
ngay"); a plain split puts one in training and its twin in the held-out part, which measures
memory, not generalisation. Here examples of one intent whose folded words overlap by half or more
form one group (transitively), and a group is never split across folds.
"""

from __future__ import annotations

import random
import statistics
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from hotline.bot.nlu.augment import Augmentation, augment_texts
from hotline.bot.nlu.classifier import IntentClassifier, TrainingSettings
from hotline.bot.nlu.local import LocalNLU
from hotline.bot.nlu.normalize import words
from hotline.bot.nlu.training import Example

OVERLAP = 0.5
SEED = 1022


def paraphrase_groups(examples: Sequence[Example], overlap: float = OVERLAP) -> list[int]:
    """A group number per example: same intent and word sets overlapping (Jaccard) >= `overlap`."""
    parent = list(range(len(examples)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_intent: dict[str, list[int]] = defaultdict(list)
    for i, example in enumerate(examples):
        by_intent[example.intent].append(i)
    bags = [frozenset(words(e.text)) for e in examples]
    for members in by_intent.values():
        for a_at, a in enumerate(members):
            for b in members[a_at + 1 :]:
                union = len(bags[a] | bags[b])
                if union == 0 or len(bags[a] & bags[b]) / union >= overlap:
                    parent[root(a)] = root(b)
    numbers: dict[int, int] = {}
    return [numbers.setdefault(root(i), len(numbers)) for i in range(len(examples))]


def folds(examples: Sequence[Example], k: int, seed: int = SEED) -> list[int]:
    """A fold number (0..k-1) per example; whole groups, each intent's groups dealt in turn."""
    groups = paraphrase_groups(examples)
    intent_of_group = {g: e.intent for g, e in zip(groups, examples, strict=True)}
    rng = random.Random(seed)
    fold_of: dict[int, int] = {}
    for intent in sorted(set(intent_of_group.values())):
        members = sorted(g for g, i in intent_of_group.items() if i == intent)
        rng.shuffle(members)
        start = rng.randrange(k)
        for n, group in enumerate(members):
            fold_of[group] = (start + n) % k
    return [fold_of[g] for g in groups]


@dataclass(frozen=True)
class CrossValidation:
    accuracy: float
    macro_f1: float
    examples: int
    groups: int
    recall: dict[str, float]  # per intent: the share of its held-out examples classified right


Fit = Callable[[list[str], list[str]], IntentClassifier]


def fitter(settings: TrainingSettings, augmentation: Augmentation | None) -> Fit:
    def fit(texts: list[str], labels: list[str]) -> IntentClassifier:
        if augmentation is not None and augmentation.copies > 0:
            texts, labels = augment_texts(texts, labels, augmentation)
        return IntentClassifier.fit(texts, labels, settings)

    return fit


def cross_validate(
    examples: Sequence[Example], fit: Fit, k: int = 5, seed: int = SEED
) -> CrossValidation:
    """Train on k-1 folds (augmented by `fit` if it does), parse the held-out fold as written."""
    fold_numbers = folds(examples, k, seed)
    expected: list[str] = []
    predicted: list[str] = []
    for fold in range(k):
        train = [e for e, f in zip(examples, fold_numbers, strict=True) if f != fold]
        held = [e for e, f in zip(examples, fold_numbers, strict=True) if f == fold]
        nlu = LocalNLU(fit([e.text for e in train], [e.intent for e in train]))
        expected += [e.intent for e in held]
        predicted += [nlu.parse_sync(e.text).intent.name for e in held]
    return CrossValidation(
        accuracy=sum(a == b for a, b in zip(expected, predicted, strict=True)) / len(expected),
        macro_f1=macro_f1(expected, predicted),
        examples=len(examples),
        groups=len(set(paraphrase_groups(examples))),
        recall=per_class_recall(expected, predicted),
    )


def cross_validate_added(
    old: Sequence[Example], added: Sequence[Example], fit: Fit, k: int = 5, seed: int = SEED
) -> tuple[CrossValidation, CrossValidation]:
    """Whether `added` examples generalise: the same held-out `old` examples, without and with
    the added ones that fall outside each fold. Folds are grouped over old and added together,
    so an added paraphrase of a held-out example is held out with it (never trained on)."""
    every = [*old, *added]
    fold_numbers = folds(every, k, seed)
    results = []
    for use_added in (False, True):
        expected: list[str] = []
        predicted: list[str] = []
        for fold in range(k):
            train = [
                e
                for at, (e, f) in enumerate(zip(every, fold_numbers, strict=True))
                if f != fold and (use_added or at < len(old))
            ]
            held = [e for e, f in zip(old, fold_numbers, strict=False) if f == fold]
            nlu = LocalNLU(fit([e.text for e in train], [e.intent for e in train]))
            expected += [e.intent for e in held]
            predicted += [nlu.parse_sync(e.text).intent.name for e in held]
        results.append(
            CrossValidation(
                accuracy=sum(a == b for a, b in zip(expected, predicted, strict=True))
                / len(expected),
                macro_f1=macro_f1(expected, predicted),
                examples=len(old),
                groups=len(set(paraphrase_groups(every))),
                recall=per_class_recall(expected, predicted),
            )
        )
    return results[0], results[1]


def per_class_recall(expected: Sequence[str], predicted: Sequence[str]) -> dict[str, float]:
    pairs = list(zip(expected, predicted, strict=True))
    return {
        label: sum(p == label for e, p in pairs if e == label) / sum(e == label for e, _ in pairs)
        for label in sorted(set(expected))
    }


def macro_f1(expected: Sequence[str], predicted: Sequence[str]) -> float:
    scores = []
    for label in sorted(set(expected)):
        hits = sum(e == p == label for e, p in zip(expected, predicted, strict=True))
        guessed = sum(p == label for p in predicted)
        support = sum(e == label for e in expected)
        precision = hits / guessed if guessed else 0.0
        recall = hits / support if support else 0.0
        scores.append(2 * precision * recall / (precision + recall) if hits else 0.0)
    return statistics.fmean(scores)
