"""Our sentence-only featurizer, loaded from its saved vocabulary, gives the numbers of Rasa's
CountVectorsFeaturizer (real Rasa); trained on nothing, it gives no features."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from hotline.bot.nlu import rasa_training
from tests.support.rasa import rasa_env

__all__ = ["rasa_env"]

CHECK = Path(__file__).parents[2] / "support" / "rasa_featurizer_check.py"
TRAIN = [
    ("Cách ly bao nhiêu ngày?", "ask_faq"),
    ("tiêm mũi 2 ở đâu", "ask_faq"),
    ("xin chào", "greet"),
    ("cảm ơn nhiều nha", "thank"),
    ("Phường 12 có 30 người tụ tập, gọi 1022", "report_violation"),
]
TEXTS = [
    "cach ly bn ngay",  # folded to the training spelling
    "Mũi 3 tiêm ở đâu 1022",  # numbers become __NUMBER__
    "???",  # no word: the tokenizer's own token
    "XIN CHÀO anh chị",
    "hoàn toàn mới lạ xyz",  # nothing in the word vocabulary
    "PA-7K3Q-9X2M",
]


def test_sentence_features_are_count_vectors_featurizers(rasa_env: Path, tmp_path: Path) -> None:
    components = rasa_training.install_components(tmp_path / "components")
    script = components / "check.py"  # not beside tests/support/rasa.py, which would shadow rasa
    script.write_bytes(CHECK.read_bytes())
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps({"train": TRAIN, "texts": TEXTS}, ensure_ascii=False), "utf-8")
    done = subprocess.run(
        [str(rasa_env / "bin" / "python"), str(script), str(spec)],
        env=rasa_training.rasa_environ(components.resolve()),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    report = json.loads(done.stdout.strip().splitlines()[-1])
    for analyzer in ("word", "char_wb"):
        assert report[analyzer]["same"] == [True] * len(TEXTS), analyzer
        assert not any(report[analyzer]["sequence"])  # no per-token features
        assert report[analyzer]["untrained"] == [True] * len(TEXTS), analyzer  # none, no crash
    assert report["word"]["nonempty"][:2] == [True, True]  # the comparison compared counts
    assert report["char_wb"]["nonempty"][4]
