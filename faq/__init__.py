"""The FAQ knowledge base: entries, their store, the retrieval index, import and export."""

from faq.entries import TOPICS, FaqEntry, InvalidEntry
from faq.index import FaqIndex, FaqLookup, FaqMatch, Thresholds
from faq.knowledge import FaqKnowledge
from faq.store import FaqStore

__all__ = [
    "TOPICS",
    "FaqEntry",
    "FaqIndex",
    "FaqKnowledge",
    "FaqLookup",
    "FaqMatch",
    "FaqStore",
    "InvalidEntry",
    "Thresholds",
]
