"""A Rasa input channel that parses many texts in one request; loaded by the Rasa server only.

Rasa's `/model/parse` runs its model graph once per text; on this project's 2-core machine a
graph run costs about 75 ms for one text and 16 ms a text for 32 texts in one run. The bot's
RasaPool sends the texts that queued while Rasa was busy as one batch:

    POST /webhooks/batch/parse?token=T   {"texts": [str, ...]}  ->  {"parses": [parse, ...]}

Each parse is what `/model/parse` answers for that text. RasaServer lists this channel in the
credentials file it passes to `rasa run` and sets HOTLINE_RASA_BATCH_TOKEN to the server's auth
token; a Rasa without it (the official image) answers 404 and the pool parses one by one.
"""

from __future__ import annotations

import os
from typing import Any

from rasa.core.channels.channel import InputChannel, UserMessage  # type: ignore[import-not-found]
from rasa.core.processor import (  # type: ignore[import-not-found]
    PLACEHOLDER_MESSAGE,
    PLACEHOLDER_TRACKER,
)
from rasa.shared.core.trackers import DialogueStateTracker  # type: ignore[import-not-found]
from sanic import Blueprint, response  # type: ignore[import-not-found]

TOKEN_ENV = "HOTLINE_RASA_BATCH_TOKEN"
MAX_TEXTS = 64


class BatchParseInput(InputChannel):  # type: ignore[misc]
    """`/webhooks/batch/parse`: Rasa's parse for each text, one graph run for all of them."""

    @classmethod
    def name(cls) -> str:
        return "batch"

    def blueprint(self, on_new_message: Any) -> Any:
        batch = Blueprint("hotline_batch_parse", __name__)

        @batch.route("/parse", methods=["POST"])
        async def parse(request: Any) -> Any:
            token = os.environ.get(TOKEN_ENV, "")
            if token and request.args.get("token") != token:
                return response.json({"error": "bad token"}, status=401)
            texts = (request.json or {}).get("texts")
            if not isinstance(texts, list) or not all(isinstance(t, str) for t in texts):
                return response.json({"error": "texts must be a list of strings"}, status=400)
            if len(texts) > MAX_TEXTS:
                return response.json({"error": f"at most {MAX_TEXTS} texts"}, status=413)
            agent = request.app.ctx.agent
            if agent is None or agent.processor is None:
                return response.json({"error": "no model loaded"}, status=409)
            return response.json({"parses": parse_all(agent.processor, texts)})

        return batch


def parse_all(processor: Any, texts: list[str]) -> list[dict[str, Any]]:
    """As `MessageProcessor._parse_message_with_graph` for each text, in one graph run."""
    if not texts:
        return []
    tracker = DialogueStateTracker.from_events("batch", [])
    target = processor.model_metadata.nlu_target
    results = processor.graph_runner.run(
        inputs={PLACEHOLDER_MESSAGE: [UserMessage(t) for t in texts], PLACEHOLDER_TRACKER: tracker},
        targets=[target],
    )
    parses = []
    for message in results[target]:
        data: dict[str, Any] = {"text": "", "intent": {"name": None, "confidence": 0.0}}
        data["entities"] = []
        data.update(message.as_dict(only_output_properties=True))
        processor._update_full_retrieval_intent(data)
        parses.append(data)
    return parses
