"""The peer of benchmarks/configurations.py: Rasa 3.6's own REST channel with 5 FAQ rules.

A tiny Rasa project (greet, goodbye and five FAQ intents from the shipped seed, one rule each,
RulePolicy only, a light pipeline) is written into a directory, trained once with `rasa train`
(the model is reused while the project is unchanged) and served with `rasa run`, whose REST
channel answers `POST /webhooks/rest/webhook` as our REST channel does.
"""

from __future__ import annotations

import hashlib
import subprocess
import time
import urllib.request
from pathlib import Path

import yaml

from hotline.bot.nlu import rasa_training
from hotline.bot.nlu.rasa_retrainer import seed_entries

CONFIG = {
    "recipe": "default.v1",
    "language": "vi",
    "assistant_id": "hotline-peer",
    "pipeline": [
        {"name": "WhitespaceTokenizer"},
        {"name": "CountVectorsFeaturizer"},
        {"name": "CountVectorsFeaturizer", "analyzer": "char_wb", "min_ngram": 2, "max_ngram": 4},
        {"name": "LogisticRegressionClassifier"},
    ],
    "policies": [{"name": "RulePolicy"}],
}
SMALL_TALK = {
    "greet": ["xin chào", "chào anh chị", "alo", "chào tổng đài", "hello ad"],
    "goodbye": ["tạm biệt", "bye", "chào nhé", "thôi nhé cảm ơn", "hẹn gặp lại"],
}


def project(entries: int = 5) -> dict[str, dict[str, object]]:
    """The project's files as YAML documents: config, domain, nlu data and rules."""
    faq = seed_entries()[:entries]
    intents = {f"faq_{n}": entry for n, entry in enumerate(faq)}
    examples = {**SMALL_TALK, **{name: e.questions for name, e in intents.items()}}
    replies = {
        "greet": "Xin chào anh/chị.",
        "goodbye": "Chào anh/chị.",
        **{name: e.answer for name, e in intents.items()},
    }
    return {
        "config.yml": CONFIG,
        "domain.yml": {
            "version": "3.1",
            "intents": list(examples),
            "responses": {f"utter_{name}": [{"text": text}] for name, text in replies.items()},
        },
        "data/nlu.yml": {
            "version": "3.1",
            "nlu": [
                {"intent": name, "examples": "".join(f"- {q}\n" for q in texts)}
                for name, texts in examples.items()
            ],
        },
        "data/rules.yml": {
            "version": "3.1",
            "rules": [
                {"rule": name, "steps": [{"intent": name}, {"action": f"utter_{name}"}]}
                for name in examples
            ],
        },
        "credentials.yml": {"rest": None},
    }


def trained(directory: Path, progress: bool = True) -> Path:
    """The peer's model, trained into `directory` unless this project's model is there."""
    files = project()
    text = {
        name: yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)
        for name, doc in files.items()
    }
    digest = hashlib.sha256("".join(text[name] for name in sorted(text)).encode()).hexdigest()[:12]
    model = directory / "models" / f"peer-{digest}.tar.gz"
    if model.is_file():
        return model
    for name, body in text.items():
        (directory / name).parent.mkdir(parents=True, exist_ok=True)
        (directory / name).write_text(body, encoding="utf-8")
    env = rasa_training.find_rasa_env() or rasa_training.ensure_rasa_env()
    started = time.monotonic()
    subprocess.run(
        [str(env / "bin" / "rasa"), "train", "--fixed-model-name", model.name.split(".")[0]],
        cwd=directory,
        env=rasa_training.rasa_environ(directory),
        check=True,
        stdout=None if progress else subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    print(f"peer: trained {model.name} in {time.monotonic() - started:.0f} s")
    return model


def serve(directory: Path, model: Path, port: int, log: Path) -> subprocess.Popen[bytes]:
    """`rasa run` with the REST channel on 127.0.0.1:`port`; returns once it answers."""
    env = rasa_training.find_rasa_env() or rasa_training.ensure_rasa_env()
    command = [
        str(env / "bin" / "rasa"), "run", "--model", str(model), "--credentials",
        "credentials.yml", "-i", "127.0.0.1", "-p", str(port),
    ]  # fmt: skip
    with log.open("ab") as out:
        process = subprocess.Popen(
            command,
            cwd=directory,
            env=rasa_training.rasa_environ(directory),
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the peer Rasa exited {process.returncode}; see {log}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/webhooks/rest/", timeout=2):
                return process
        except OSError:
            time.sleep(0.5)
    process.kill()
    raise SystemExit(f"the peer Rasa did not start; see {log}")
