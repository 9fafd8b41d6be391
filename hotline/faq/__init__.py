"""The FAQ knowledge base: entries, their store, the retrieval index, import and export."""

from hotline.faq.entries import TOPICS, FaqEntry, InvalidEntry
from hotline.faq.gate import FaqLookup, FaqMatch, Thresholds
from hotline.faq.index import FaqIndex
from hotline.faq.knowledge import FaqKnowledge
from hotline.faq.store import FaqStore

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
