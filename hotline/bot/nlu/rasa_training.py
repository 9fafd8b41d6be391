"""Train Rasa models from our data in Rasa's own Python 3.10 environment, with progress.

A model is named after the fingerprint of everything that went into it (`nlu-<fingerprint>.tar.gz`
under var/rasa/models), so an unchanged model is never trained twice and the server's loaded model
tells which data it knows.
"""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from hotline.bot.nlu import rasa_project
from hotline.bot.nlu.rasa_project import Example, FaqQuestions

RASA_VERSION = "3.6.21"
ROOT = Path(__file__).resolve().parents[3]
ENV_SCRIPT = ROOT / "scripts" / "rasa_env.sh"
WORK_DIR = Path("var/rasa")
MARKER = ".hotline-rasa-installed"

Progress = Callable[[str], None]

# The lines of Rasa's output that say how far training is (the rest is library noise).
_PROGRESS = re.compile(
    r"Starting to train component|Finished training component|Epochs:\s+\d+%|"
    r"model is trained and saved|Error|error:",
)

_ANSI = re.compile(r"\x1b\[[0-9;]*m")


class RasaUnavailable(RuntimeError):
    """No Rasa environment here; the message says why and how to get one."""


def rasa_env_dir() -> Path:
    """Where scripts/rasa_env.sh installs Rasa (HOTLINE_RASA_ENV overrides)."""
    override = os.environ.get("HOTLINE_RASA_ENV")
    if override:
        return Path(override)
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "hotline1022" / f"rasa-{RASA_VERSION}"


def find_rasa_env() -> Path | None:
    """The installed Rasa environment, or None (never installs)."""
    env = rasa_env_dir()
    marker = env / MARKER
    if marker.is_file() and marker.read_text().strip() == f"rasa=={RASA_VERSION}":
        return env
    return None


def ensure_rasa_env() -> Path:
    """The Rasa environment, installed by scripts/rasa_env.sh first if needed (minutes, once)."""
    done = subprocess.run(["bash", str(ENV_SCRIPT)], stdout=subprocess.PIPE, text=True)
    if done.returncode != 0:
        raise RasaUnavailable(f"scripts/rasa_env.sh exited {done.returncode}; see its message")
    return Path(done.stdout.strip().splitlines()[-1])


def rasa_environ(pythonpath: Path) -> dict[str, str]:
    """The environment Rasa runs in: offline, quiet, our components importable."""
    env = dict(os.environ)
    env.update(
        RASA_TELEMETRY_ENABLED="false",
        PYTHONPATH=str(pythonpath),
        TF_CPP_MIN_LOG_LEVEL="2",
        SQLALCHEMY_SILENCE_UBER_WARNING="1",
        HF_HUB_OFFLINE="1",
        TRANSFORMERS_OFFLINE="1",
        PYTHONWARNINGS="ignore",
    )
    return env


def install_components(target: Path) -> Path:
    """Copy our Rasa components where a server can import them (its PYTHONPATH)."""
    return rasa_project.copy_components(target)


@dataclass(frozen=True)
class TrainedModel:
    path: Path
    fingerprint: str
    seconds: float


def model_path(models: Path, fingerprint: str) -> Path:
    return models / f"nlu-{fingerprint}.tar.gz"


def fingerprint_of(model_file: str | Path) -> str | None:
    """The data fingerprint in a model's file name, if it is one of ours."""
    match = re.search(r"nlu-([0-9a-f]{16})\.tar\.gz$", str(model_file))
    return match.group(1) if match else None


def training_examples(
    entries: Sequence[FaqQuestions], nlu_data: Path = rasa_project.NLU_DATA
) -> list[Example]:
    """Our intent examples plus one `faq/<id>` example per FAQ question variant."""
    return rasa_project.read_examples(nlu_data) + rasa_project.faq_examples(entries)


def _extras(nlu_data: Path) -> list[dict[str, object]]:
    return rasa_project.read_extras(nlu_data) if nlu_data.is_file() else []


def data_fingerprint(
    examples: Sequence[Example],
    nlu_data: Path = rasa_project.NLU_DATA,
    pipeline: Sequence[dict[str, object]] = rasa_project.PIPELINE,
) -> str:
    """The fingerprint `train` names the model after."""
    extras = _extras(nlu_data)
    if list(pipeline) != rasa_project.PIPELINE:
        extras = [*extras, {"pipeline": list(pipeline)}]
    return rasa_project.fingerprint(examples, extras)


async def train(
    examples: Sequence[Example],
    *,
    env: Path,
    work_dir: Path = WORK_DIR,
    nlu_data: Path = rasa_project.NLU_DATA,
    progress: Progress | None = None,
    pipeline: Sequence[dict[str, object]] = rasa_project.PIPELINE,
) -> TrainedModel:
    """Write the project, run `rasa train nlu`, return the model (cached by fingerprint)."""
    extras = _extras(nlu_data)
    fingerprint = data_fingerprint(examples, nlu_data, pipeline)
    models = work_dir / "models"
    target = model_path(models, fingerprint)
    if target.is_file():
        return TrainedModel(target, fingerprint, 0.0)
    project = rasa_project.write_project(
        work_dir / "projects" / fingerprint, examples, extras, pipeline
    )
    started = time.monotonic()
    command = [
        str(env / "bin" / "rasa"),
        "train",
        "nlu",
        "--config", "config.yml",
        "--domain", "domain.yml",
        "--nlu", "data/nlu.yml",
        "--out", str(models.resolve()),
        "--fixed-model-name", f"nlu-{fingerprint}",
        "--num-threads", "2",
    ]  # fmt: skip
    process = await asyncio.create_subprocess_exec(
        *command,
        cwd=project,
        env=rasa_environ(project.resolve()),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    try:
        tail = await _follow(process, progress)
        code = await process.wait()
    except BaseException:
        # Stopped mid-training (a shutdown, say): the trainer must not outlive us.
        process.kill()
        await process.wait()
        raise
    if code != 0 or not target.is_file():
        raise RuntimeError(f"rasa train nlu exited {code}:\n" + "\n".join(tail))
    seconds = time.monotonic() - started
    if progress:
        progress(f"Rasa model {target.name} trained in {seconds:.1f} s")
    return TrainedModel(target, fingerprint, seconds)


async def _follow(process: asyncio.subprocess.Process, progress: Progress | None) -> list[str]:
    """Pass progress lines on as they come (tqdm bars end in \\r); keep a tail for errors."""
    assert process.stdout is not None
    tail: list[str] = []
    last_bar = 0.0
    buffer = b""
    while chunk := await process.stdout.read(4096):
        buffer += chunk
        *lines, buffer = re.split(rb"[\r\n]", buffer)
        for raw in lines:
            line = _ANSI.sub("", raw.decode("utf-8", "replace")).strip()
            if not line:
                continue
            tail = [*tail[-30:], line]
            if progress is None or not _PROGRESS.search(line):
                continue
            is_bar = line.startswith("Epochs:")
            if is_bar and time.monotonic() - last_bar < 2.0 and "100%" not in line:
                continue
            last_bar = time.monotonic() if is_bar else last_bar
            progress(line[:160])
    return tail
