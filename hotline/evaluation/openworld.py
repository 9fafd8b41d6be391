"""`hotline nlu evaluate --open-world`: the local NLU, Rasa alone and the bot with Rasa, on a split.

Both NLUs are trained on all of the project's data (nlu.yml and the FAQ seed); the splits are
separate files never trained on, so nothing is held out or reshuffled. Training is deterministic
for both back ends (full-batch gradient descent from zeros; scikit-learn's lbfgs), so one run is
the figure: there is no seed to average over.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from hotline.bot.nlu.fallback import FallbackNLU
from hotline.bot.nlu.rasa_client import RasaClient
from hotline.evaluation import recorded
from hotline.evaluation.cases import Case, is_split, load_file, load_split
from hotline.evaluation.outcome import Outcome
from hotline.evaluation.runner import bot, run_bot, run_literal
from hotline.evaluation.scores import Miss, Scores, misses, score

BACKENDS = ("local", "rasa")


@dataclass(frozen=True)
class Column:
    scores: Scores
    misses: list[Miss]


def _column(name: str, cases: Sequence[Case], outcomes: Sequence[Outcome]) -> Column:
    return Column(score(name, cases, outcomes), misses(cases, outcomes))


async def evaluate(
    cases: Sequence[Case],
    backends: Sequence[str],
    rasa_work_dir: Path,
    scratch: Path,
    model_dir: Path | None = None,
    rasa_parses: Path | None = None,
) -> list[Column]:
    """One column per back end: "local" (the bot with the local NLU), "rasa alone" and
    "bot (rasa)" (the bot with Rasa, as `make run` serves it). The local model in `model_dir`
    is (re)trained first when it is older than its data. With `rasa_parses`, Rasa's parses are
    replayed from that recording, or recorded into it first when it does not exist."""
    columns: list[Column] = []
    model_dir = model_dir or scratch / "nlu"
    if "local" in backends:
        async with bot(scratch / "local", model_dir=model_dir) as target:
            columns.append(_column("local", cases, await run_bot(target, cases)))
    if "rasa" in backends:
        if rasa_parses is not None and await asyncio.to_thread(rasa_parses.is_file):
            _, parses = await asyncio.to_thread(recorded.load, rasa_parses)
            client: RasaClient = recorded.ReplayedRasa(parses)
            columns += await _rasa_columns(cases, client, scratch, model_dir)
        else:
            columns += await _served_rasa_columns(
                cases, rasa_work_dir, scratch, model_dir, rasa_parses
            )
    return columns


async def _served_rasa_columns(
    cases: Sequence[Case],
    rasa_work_dir: Path,
    scratch: Path,
    model_dir: Path,
    rasa_parses: Path | None,
) -> list[Column]:
    import aiohttp

    from hotline.bot.nlu import rasa_training
    from hotline.bot.nlu.rasa_retrainer import seed_entries
    from hotline.bot.nlu.rasa_server import RasaServer

    env = rasa_training.find_rasa_env() or rasa_training.ensure_rasa_env()
    model = await rasa_training.train(
        rasa_training.training_examples(seed_entries()),
        env=env,
        work_dir=rasa_work_dir,
        progress=lambda line: print(line, file=sys.stderr),
    )
    async with (
        RasaServer(env, model.path, work_dir=rasa_work_dir) as server,
        aiohttp.ClientSession() as session,
    ):
        # A generous timeout: a parse that falls back to the local NLU would blur the column.
        client = RasaClient(session, server.url, server.token, timeout=30.0)
        await client.parse("xin chào")  # the first parse warms the server up
        if rasa_parses is None:
            return await _rasa_columns(cases, client, scratch, model_dir)
        parses = await recorded.record(client, cases)
    await asyncio.to_thread(recorded.save, rasa_parses, model.fingerprint, parses)
    return await _rasa_columns(cases, recorded.ReplayedRasa(parses), scratch, model_dir)


async def _rasa_columns(
    cases: Sequence[Case], client: RasaClient, scratch: Path, model_dir: Path
) -> list[Column]:
    alone = _column("rasa alone", cases, await run_literal(client, cases))
    async with bot(
        scratch / "rasa", lambda local: FallbackNLU(client, local), model_dir=model_dir
    ) as target:
        with_bot = _column("bot (rasa)", cases, await run_bot(target, cases))
    return [alone, with_bot]


async def run(
    split: str,
    backends: Sequence[str],
    rasa_work_dir: Path,
    model_dir: Path | None = None,
    rasa_parses: Path | None = None,
) -> list[Column]:
    """`split`: "dev" to "dev12", "test", a union such as "dev+dev2+dev3", or a file in
    their format (a small set of one's own)."""
    unknown = set(backends) - set(BACKENDS)
    if unknown:
        raise ValueError(f"unknown back end(s) {sorted(unknown)}; choose from {BACKENDS}")
    cases = load_split(split) if is_split(split) else load_file(Path(split))
    with tempfile.TemporaryDirectory(prefix="hotline-openworld-") as tmp:
        return await evaluate(cases, backends, rasa_work_dir, Path(tmp), model_dir, rasa_parses)
