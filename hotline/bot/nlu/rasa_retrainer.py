"""Keeps the running Rasa server's model in step with the FAQ store and the training data.

When the FAQ revision or the training data changes, a new model is trained in the background and
loaded with PUT /model; the server keeps answering with the old model meanwhile, and until the new
one is in, the local NLU and the FAQ index answer for the new entries.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from types import TracebackType

from hotline.bot.nlu import rasa_project, rasa_training
from hotline.bot.nlu.metrics import RASA_MODEL_LOADS
from hotline.bot.nlu.rasa_client import RasaClient, RasaError
from hotline.bot.nlu.rasa_pool import RasaPool
from hotline.bot.nlu.rasa_training import Progress, TrainedModel
from hotline.faq.entries import FaqEntry
from hotline.faq.store import FaqStore

log = logging.getLogger(__name__)


def seed_entries() -> list[FaqEntry]:
    """The published entries of the shipped FAQ seed (for a first model before any store)."""
    from hotline.faq.io import load_seed

    return [entry for entry in load_seed() if entry.status == "published"]


class RasaRetrainer:
    """Polls for changes every `interval` seconds; trains and loads one model at a time."""

    def __init__(
        self,
        client: RasaClient | RasaPool,
        faq: FaqStore,
        *,
        env: Path,
        work_dir: Path = rasa_training.WORK_DIR,
        nlu_data: Path = rasa_project.NLU_DATA,
        interval: float = 2.0,
        progress: Progress | None = None,
    ) -> None:
        self.client = client
        self.faq = faq
        self.env = env
        self.work_dir = work_dir
        self.nlu_data = nlu_data
        self.interval = interval
        self.progress = progress or (lambda line: log.info("rasa train: %s", line))
        self.loaded_fingerprint: str | None = None
        self._seen: tuple[int, int] | None = None
        self._task: asyncio.Task[None] | None = None

    async def sync(self) -> TrainedModel | None:
        """Train and load a model if the data changed; the model loaded, or None if current."""
        seen = (await self.faq.revision(), self.nlu_data.stat().st_mtime_ns)
        if seen == self._seen:
            return None
        entries = await self.faq.list(status="published")
        examples = rasa_training.training_examples(entries, self.nlu_data)
        wanted = rasa_training.data_fingerprint(examples, self.nlu_data)
        if self.loaded_fingerprint is None:
            status = await self.client.status()
            self.loaded_fingerprint = rasa_training.fingerprint_of(str(status.get("model_file")))
        if wanted == self.loaded_fingerprint:
            self._seen = seen
            return None
        log.info("FAQ or training data changed (revision %s); training a Rasa model", seen[0])
        model = await rasa_training.train(
            examples,
            env=self.env,
            work_dir=self.work_dir,
            nlu_data=self.nlu_data,
            progress=self.progress,
        )
        await self.client.load_model(model.path.resolve())
        self.loaded_fingerprint = model.fingerprint
        self._seen = seen
        RASA_MODEL_LOADS.labels(outcome="loaded").inc()
        log.info("Rasa now serves %s (%d FAQ entries)", model.path.name, len(entries))
        return model

    async def run(self) -> None:
        """Sync forever; a failed round is logged and counted, and retried next round."""
        while True:
            try:
                await self.sync()
            except (RasaError, RuntimeError, OSError) as exc:
                RASA_MODEL_LOADS.labels(outcome="failed").inc()
                log.warning("Rasa retraining failed, retrying in %.0f s: %s", self.interval, exc)
            await asyncio.sleep(self.interval)

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self.run(), name="rasa-retrainer")

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)

    async def __aenter__(self) -> RasaRetrainer:
        self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()
