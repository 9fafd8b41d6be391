"""Rasa's parses of a split, recorded once and replayed: the Rasa columns without a Rasa server.

Training Rasa and serving a split takes minutes; tuning the answer gate takes many runs. A
recording is Rasa's parse JSON for every message of a split, under the fingerprint of the model
that answered (`hotline nlu evaluate --open-world --rasa-parses FILE` writes it when missing and
replays it when present). A replay is only as good as its model: the fingerprint says which.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from hotline.bot.nlu.rasa_client import RasaClient, RasaError
from hotline.evaluation.cases import Case, load_split

Body = dict[str, Any]


class ReplayedRasa(RasaClient):
    """A Rasa client answering from a recording; a text it never saw is a Rasa failure."""

    def __init__(self, parses: Mapping[str, Body]) -> None:
        super().__init__(session=None, url="replay://rasa")  # type: ignore[arg-type]
        self._parses = parses

    async def parse_body(self, text: str) -> Body:
        body = self._parses.get(text)
        if body is None:
            raise RasaError("connection", "no recorded parse for this text")
        return body

    async def parse_batch(self, texts: list[str]) -> list[Body]:
        return [await self.parse_body(text) for text in texts]

    async def status(self) -> dict[str, Any]:
        return {"model_file": "replay"}


async def record(client: RasaClient, cases: Sequence[Case]) -> dict[str, Body]:
    """Rasa's parse JSON for every distinct text of `cases`."""
    parses: dict[str, Body] = {}
    for case in cases:
        if case.text not in parses:
            parses[case.text] = await client.parse_body(case.text)
    return parses


def save(path: Path, fingerprint: str, parses: Mapping[str, Body]) -> None:
    document = {"model": fingerprint, "parses": dict(parses)}
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1), "utf-8")


def load(path: Path) -> tuple[str, dict[str, Body]]:
    """The model fingerprint and the parses of a recording."""
    document = json.loads(path.read_text("utf-8"))
    return str(document.get("model", "")), dict(document["parses"])


def development_splits(items: Sequence[str]) -> tuple[dict[str, list[Case]], dict[str, Body]]:
    """The splits named in `items` ("dev4=rasa_dev4.json", as the gate's benchmarks take them)
    and their recorded parses, all in one mapping. The test split is refused: it is run once,
    by `hotline nlu evaluate`, never by a tool that tunes."""
    splits: dict[str, list[Case]] = {}
    parses: dict[str, Body] = {}
    for item in items:
        split, _, path = item.partition("=")
        if "test" in split.split("+"):
            raise SystemExit("the test split is run once, by `hotline nlu evaluate`, not here")
        splits[split] = load_split(split)
        parses.update(load(Path(path))[1])
    return splits, parses
