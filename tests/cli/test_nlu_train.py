"""`HOTLINE_NLU=rasa hotline nlu train` on a MongoDB store: the command reads the published FAQ
entries from MongoDB (not a SQLite file) and trains the real Rasa model for them."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

from hotline.storage.mongo.backend import MongoStorage
from hotline.storage.open import open_storage
from tests.faq.samples import entry
from tests.support.mongo_server import scratch_url
from tests.support.rasa import rasa_env

__all__ = ["rasa_env"]  # the fixture, used by name


async def test_nlu_train_works_on_a_mongodb_store(
    rasa_env: Path, mongo_url: str, tmp_path: Path
) -> None:
    store = scratch_url(mongo_url)
    async with await open_storage(store) as storage:
        faq = await storage.faq()
        await faq.put(entry("xe-buyt-ben-cat", questions=("xe buýt Bến Cát chạy lại chưa?",)))
        await faq.put(entry("nhap", status="draft"))
    work_dir = tmp_path / "rasa"
    env = {
        **os.environ,
        "HOTLINE_STORE": store,
        "HOTLINE_NLU": "rasa",
        "HOTLINE_NLU_MODEL_DIR": str(tmp_path / "nlu"),
        "HOTLINE_RASA_WORK_DIR": str(work_dir),
    }
    try:
        done = await asyncio.to_thread(nlu_train, env, tmp_path)
    finally:
        async with await open_storage(store) as storage:
            assert isinstance(storage, MongoStorage)
            await storage.db.drop()
    assert done.returncode == 0, done.stderr[-3000:]
    model = Path(done.stdout.strip().splitlines()[-1].removeprefix("Rasa model: "))
    assert model.parent.parent == work_dir
    data = await asyncio.to_thread(trained_on, model)
    assert "faq/xe-buyt-ben-cat" in data, "the entries came from MongoDB"
    assert "faq/nhap" not in data, "drafts are not trained"


def nlu_train(env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "hotline.cli", "nlu", "train"]
    return subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True, timeout=900)


def trained_on(model: Path) -> str:
    """The training data Rasa was given beside the model it wrote."""
    assert model.is_file()
    return "\n".join(p.read_text() for p in model.parent.parent.rglob("*.yml"))
