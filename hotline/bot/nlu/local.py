"""The in-process NLU: the trained classifier, button payloads and the entity extractor."""

from __future__ import annotations

import logging
from pathlib import Path

from hotline.bot.nlu.admin_units import AdminUnits
from hotline.bot.nlu.base import INTENTS, Intent, ParseResult
from hotline.bot.nlu.classifier import META_FILE, WEIGHTS_FILE, IntentClassifier
from hotline.bot.nlu.entities import extract_entities
from hotline.bot.nlu.payloads import PayloadError, parse_payload
from hotline.bot.nlu.rules import overlaid, rule_parse
from hotline.lru import Lru

log = logging.getLogger(__name__)

FALLBACK_INTENT = "out_of_scope"
# Classified texts kept (a parse is about 2 kB): citizens send the same short texts a lot.
PARSES_KEPT = 2048


class ModelNotFoundError(FileNotFoundError):
    """There is no trained local model where one was expected."""


class LocalNLU:
    """Parses text without any server; fast enough to call inline (well under a millisecond)."""

    name = "local"

    def __init__(
        self,
        classifier: IntentClassifier,
        units: AdminUnits | None = None,
        kept: int = PARSES_KEPT,
    ) -> None:
        self.classifier = classifier
        self.units = units
        # Keyed on the exact text: the parse carries the text and its entities' offsets in it.
        # A new model is a new LocalNLU, so a memo never outlives its model. The parse with the
        # rule overlays (`rules.overlaid`) and the model's own are kept apart: with Rasa only
        # the model's is asked for, and the overlays go on the combination.
        self.parses: Lru[str, ParseResult] = Lru(kept)
        self.classified: Lru[str, ParseResult] = Lru(kept)

    @classmethod
    def load(
        cls, model_dir: Path, units: AdminUnits | None = None, kept: int = PARSES_KEPT
    ) -> LocalNLU:
        """The model trained into `model_dir` by `hotline.bot.nlu.training.train`."""
        missing = [f for f in (META_FILE, WEIGHTS_FILE) if not (model_dir / f).is_file()]
        if missing:
            raise ModelNotFoundError(
                f"no local NLU model in {model_dir} (missing {', '.join(missing)}): "
                "run `hotline nlu train` first"
            )
        return cls(IntentClassifier.load(model_dir), units, kept)

    async def parse(self, text: str) -> ParseResult:
        return self.parse_sync(text)

    async def classify(self, text: str) -> ParseResult:
        """The model's parse, before the rule overlays: what `FallbackNLU` combines with Rasa's
        and overlays once. A button payload or a text a rule settles is parsed as by `parse`."""
        return self._parse_sync(text, overlays=False)

    async def is_ready(self) -> bool:
        return True

    def parse_sync(self, text: str) -> ParseResult:
        """Intent ranking (every intent, best first) and entities; never raises on odd text."""
        return self._parse_sync(text, overlays=True)

    def _parse_sync(self, text: str, overlays: bool) -> ParseResult:
        try:
            result = parse_payload(text)
        except PayloadError as error:
            log.warning("classifying a malformed button payload as text: %s", error)
            result = None
        if result is not None:
            return result
        ruled = rule_parse(text)
        if ruled is not None:
            return ruled
        if overlays:
            return self.parses.get(text, self._ruled)
        return self.classified.get(text, self._classified)

    def _ruled(self, text: str) -> ParseResult:
        # A danger sign happening now is an emergency, whatever the classifier says (`danger`);
        # a report opened with its verb is a report (`report_openers.reported`).
        return overlaid(self.classified.get(text, self._classified))

    def _classified(self, text: str) -> ParseResult:
        ranking = self._ranking(text)
        return ParseResult(text, ranking[0], extract_entities(text, self.units), ranking)

    def _ranking(self, text: str) -> tuple[Intent, ...]:
        probabilities = self.classifier.probabilities(text)
        if probabilities is None:
            return _unsure_ranking(self.classifier.intents)
        order = probabilities.argsort()[::-1]
        intents = self.classifier.intents
        return tuple(Intent(intents[i], float(probabilities[i])) for i in order)


def _unsure_ranking(intents: tuple[str, ...]) -> tuple[Intent, ...]:
    """Nothing in the text was ever seen in training: out of scope, with low confidence."""
    names = intents if FALLBACK_INTENT in intents else (*intents, FALLBACK_INTENT)
    share = 1.0 / (len(names) + 1)
    first = Intent(FALLBACK_INTENT, 2 * share)
    return (first, *(Intent(n, share) for n in names if n != FALLBACK_INTENT))


__all__ = ["INTENTS", "LocalNLU", "ModelNotFoundError"]
