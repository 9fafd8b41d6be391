"""HOTLINE_NLU=rasa inside the app: the FallbackNLU, and a local Rasa server run beside the bot.

`async with active_nlu(config, local, faq_store) as nlu:` is what the app opens: the local NLU
for HOTLINE_NLU=local, else `rasa_nlu` with a client session of its own.

`async with rasa_nlu(config, session, local, faq_store) as nlu:` gives the NLU the engine uses
at once (the local NLU answers until Rasa is up). When HOTLINE_RASA_URL is on this machine, nothing
answers there yet and the Rasa environment is installed, a server is started in the background
(training a model first if there is none for the current data) and stopped when the block ends;
the retrainer then keeps its model in step with the FAQ store. A remote Rasa (another host, the
`rasa/rasa:3.6.21` image) is only used, never managed.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import urlsplit

import aiohttp

from hotline.bot.nlu import rasa_training
from hotline.bot.nlu.base import NLU
from hotline.bot.nlu.config import NluConfig
from hotline.bot.nlu.fallback import FallbackNLU
from hotline.bot.nlu.rasa_client import RasaClient
from hotline.bot.nlu.rasa_pool import RasaPool
from hotline.bot.nlu.rasa_retrainer import RasaRetrainer, seed_entries
from hotline.bot.nlu.rasa_server import RasaServer
from hotline.bot.nlu.rasa_training import Progress, TrainedModel
from hotline.faq.entries import FaqEntry
from hotline.faq.store import FaqStore

log = logging.getLogger(__name__)

LOOPBACK = ("127.0.0.1", "localhost", "::1")
BACKENDS = ("local", "rasa")
# Rasa parses one request at a time per process: more requests in flight only queue inside
# Rasa, where no deadline applies. Texts queue here instead, each for at most QUEUE_SECONDS,
# and leave together, up to MAX_BATCH in one request (rasa_pool.py, rasa_batch.py).
CONCURRENCY_PER_SERVER = 1
QUEUE_SECONDS = 1.0
MAX_BATCH = 32


@asynccontextmanager
async def active_nlu(config: NluConfig, local: NLU, faq: FaqStore) -> AsyncIterator[NLU]:
    """The NLU the engine talks to, as HOTLINE_NLU says; Rasa always falls back to `local`."""
    if config.backend not in BACKENDS:
        raise ValueError(
            f"HOTLINE_NLU must be one of {', '.join(BACKENDS)}, not {config.backend!r}"
        )
    if config.backend == "local":
        yield local
        return
    work_dir = Path(config.rasa_work_dir)
    async with (
        aiohttp.ClientSession() as session,
        rasa_nlu(config, session, local, faq, work_dir=work_dir) as nlu,
    ):
        yield nlu


@asynccontextmanager
async def rasa_nlu(
    config: NluConfig,
    session: aiohttp.ClientSession,
    local: NLU,
    faq: FaqStore,
    *,
    work_dir: Path = rasa_training.WORK_DIR,
    parse_seconds: float = 2.0,
) -> AsyncIterator[FallbackNLU]:
    """The NLU for HOTLINE_NLU=rasa, with a managed local Rasa server when there can be one."""
    urls = [part.strip() for part in config.rasa_url.split(",") if part.strip()]
    url = urlsplit(urls[0])
    env = rasa_training.find_rasa_env()
    token = config.rasa_token
    probe = RasaClient(session, urls[0], token, timeout=parse_seconds)
    manage = (
        env is not None
        and len(urls) == 1
        and url.hostname in LOOPBACK
        and not await probe.is_ready()
    )
    if manage and not token:
        token = secrets.token_urlsafe(24)  # the server is ours: only this bot needs the token
    client = RasaPool(
        [RasaClient(session, one, token, timeout=parse_seconds) for one in urls],
        concurrency=CONCURRENCY_PER_SERVER * len(urls),
        queue_seconds=QUEUE_SECONDS,
        max_batch=MAX_BATCH,
    )
    nlu = FallbackNLU(client, local)
    if env is None:
        log.warning(
            "no Rasa environment here (scripts/rasa_env.sh makes one with Python 3.10); using "
            "Rasa at %s if it answers, else the local NLU",
            config.rasa_url,
        )
        yield nlu
        return
    server = RasaServer(env, Path(), port=url.port or 5005, token=token, work_dir=work_dir)
    retrainer = RasaRetrainer(client, faq, env=env, work_dir=work_dir)
    task = asyncio.create_task(_serve(server if manage else None, retrainer, faq), name="rasa")
    try:
        yield nlu
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        await server.stop()


async def _serve(server: RasaServer | None, retrainer: RasaRetrainer, faq: FaqStore) -> None:
    """Train if needed, start the server, then retrain on every change until cancelled."""
    if server is not None:
        try:
            entries = await faq.list(status="published")
            model = await rasa_training.train(
                rasa_training.training_examples(entries),
                env=server.env,
                work_dir=server.work_dir,
                progress=lambda line: log.info("rasa train: %s", line),
            )
            server.model = model.path
            log.info("starting Rasa on %s with %s", server.url, model.path.name)
            await server.start()
        except (RuntimeError, OSError, TimeoutError) as exc:
            # The bot keeps serving with the local NLU; the cause is in the log for the operator.
            log.error("could not start a local Rasa server, the local NLU answers: %s", exc)
            return
        log.info("Rasa answers on %s", server.url)
    await retrainer.run()


async def train_model(
    config: NluConfig, entries: list[FaqEntry], progress: Progress
) -> TrainedModel:
    """The Rasa model for the FAQ's published entries (the shipped seed if there are none),
    trained into var/rasa/models unless one for exactly this data is there: `hotline nlu train`.
    """
    env = rasa_training.find_rasa_env() or rasa_training.ensure_rasa_env()
    examples = rasa_training.training_examples(entries or seed_entries())
    return await rasa_training.train(
        examples, env=env, work_dir=Path(config.rasa_work_dir), progress=progress
    )
