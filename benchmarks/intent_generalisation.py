"""Intent generalisation of the local NLU: grouped k-fold cross-validation and the dev split.

    PYTHONPATH=. python benchmarks/intent_generalisation.py [name ...]
    PYTHONPATH=. python benchmarks/intent_generalisation.py --since COMMIT


Prints, per configuration (classifier settings and training-time augmentation): accuracy and
macro F1 over 5 grouped folds of the training examples (paraphrases never straddle folds), the
classifier's intent accuracy on the open-world dev split (the NLU's own pick, before the router),
training time on all examples and parse time per message. Never the test split.

With `--since COMMIT`: whether the intent examples added since that commit generalise, by the
shipped settings: CV over the examples that existed then only, in folds grouped over old and new
together, trained without and with the new examples outside each fold (`cross_validate_added`).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from hotline.bot.nlu.augment import Augmentation
from hotline.bot.nlu.classifier import TrainingSettings
from hotline.bot.nlu.crossval import cross_validate, cross_validate_added, fitter
from hotline.bot.nlu.local import LocalNLU
from hotline.bot.nlu.training import AUGMENTATION, DATA_DIR, SETTINGS, read_examples
from hotline.evaluation.cases import load_split

NONE = Augmentation(copies=0)
OLD = TrainingSettings()
CONFIGS: dict[str, tuple[TrainingSettings, Augmentation]] = {
    "before": (OLD, NONE),
    "shipped": (SETTINGS, AUGMENTATION),
    "aug1": (OLD, Augmentation(copies=1)),
    "aug2": (OLD, Augmentation(copies=2)),
    "aug3": (OLD, Augmentation(copies=3)),
    "aug2+drop": (OLD, Augmentation(copies=2, dropped_words=True)),
    "aug1+drop": (OLD, Augmentation(copies=1, dropped_words=True)),
    "drop1": (
        OLD,
        Augmentation(copies=1, typos=False, joined_words=False, endings=False, dropped_words=True),
    ),
    "aug2-typos": (OLD, Augmentation(copies=2, typos=False)),
    "aug2-endings": (OLD, Augmentation(copies=2, endings=False)),
    "aug2-join": (OLD, Augmentation(copies=2, joined_words=False)),
    "l2=3e-5": (replace(OLD, l2=3e-5), NONE),
    "l2=1e-4": (replace(OLD, l2=1e-4), NONE),
    "l2=3e-6": (replace(OLD, l2=3e-6), NONE),
    "word=2": (replace(OLD, word_weight=2.0), NONE),
    "word=4": (replace(OLD, word_weight=4.0), NONE),
    "char2-5": (replace(OLD, char_ngrams=(2, 3, 4, 5)), NONE),
    "char3-4": (replace(OLD, char_ngrams=(3, 4)), NONE),
    "char3-6": (replace(OLD, char_ngrams=(3, 4, 5, 6)), NONE),
    "df1": (replace(OLD, min_char_df=1), NONE),
    "df3": (replace(OLD, min_char_df=3), NONE),
    "balance0.5": (replace(OLD, class_balance=0.5), NONE),
    "balance1": (replace(OLD, class_balance=1.0), NONE),
    "coverage0.3": (replace(OLD, full_coverage=0.3), NONE),
    "coverage0.7": (replace(OLD, full_coverage=0.7), NONE),
}


def main(names: list[str]) -> None:
    examples = read_examples()
    dev = load_split("dev")
    print(f"load {os.getloadavg()[0]:.1f}; {len(examples)} examples, {len(dev)} dev messages")
    print(
        f"{'config':<14} {'cv acc':>7} {'cv F1':>6} {'dev acc':>7} {'train s':>7} {'parse ms':>8}"
    )
    for name in names or list(CONFIGS):
        settings, augmentation = CONFIGS[name]
        fit = fitter(settings, augmentation)
        cv = cross_validate(examples, fit)
        started = time.perf_counter()
        nlu = LocalNLU(fit([e.text for e in examples], [e.intent for e in examples]))
        seconds = time.perf_counter() - started
        started = time.perf_counter()
        right = sum(case.accepts(nlu.parse_sync(case.text).intent.name) for case in dev)
        parse_ms = (time.perf_counter() - started) / len(dev) * 1000
        print(
            f"{name:<14} {cv.accuracy:>7.3f} {cv.macro_f1:>6.3f} {right / len(dev):>7.3f} "
            f"{seconds:>7.1f} {parse_ms:>8.3f}",
            flush=True,
        )
        print("  CV recall: " + ", ".join(f"{k} {v:.2f}" for k, v in cv.recall.items()))


def since(commit: str) -> None:
    current = read_examples()
    path = (DATA_DIR / "nlu.yml").relative_to(Path.cwd())
    then = subprocess.run(
        ["git", "show", f"{commit}:{path}"], capture_output=True, text=True, check=True
    ).stdout
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "nlu.yml").write_text(then, "utf-8")
        known = {(e.text, e.intent) for e in read_examples([Path(tmp) / "nlu.yml"])}
    old = [e for e in current if (e.text, e.intent) in known]
    added = [e for e in current if (e.text, e.intent) not in known]
    print(f"load {os.getloadavg()[0]:.1f}; {len(old)} examples then, {len(added)} added")
    without, with_added = cross_validate_added(old, added, fitter(SETTINGS, AUGMENTATION))
    for name, cv in (("without", without), ("with", with_added)):
        print(f"{name:<8} CV accuracy {cv.accuracy:.3f}, macro F1 {cv.macro_f1:.3f}")
        print("  CV recall: " + ", ".join(f"{k} {v:.2f}" for k, v in cv.recall.items()))


if __name__ == "__main__":
    if sys.argv[1:2] == ["--since"]:
        since(sys.argv[2])
    else:
        main(sys.argv[1:])
