"""Training with the real Rasa: a stop while `rasa train` runs ends the trainer too."""

# ruff: noqa: F401, F811  (pytest fixtures are imported from tests/support/rasa.py)

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from hotline.bot.nlu import rasa_training
from hotline.bot.nlu.rasa_retrainer import seed_entries
from tests.support.leftovers import children
from tests.support.rasa import rasa_env


async def test_a_stop_during_training_ends_the_trainer(rasa_env: Path, tmp_path: Path) -> None:
    examples = rasa_training.training_examples(seed_entries())
    others = children()  # the session's servers
    reported = asyncio.Event()
    training = asyncio.create_task(
        rasa_training.train(
            examples, env=rasa_env, work_dir=tmp_path, progress=lambda line: reported.set()
        )
    )
    await asyncio.wait_for(reported.wait(), 120)  # under way (no model in a fresh work dir)
    [trainer] = children() - others

    training.cancel()
    with pytest.raises(asyncio.CancelledError):
        await training
    assert trainer not in children()  # stopped and reaped
