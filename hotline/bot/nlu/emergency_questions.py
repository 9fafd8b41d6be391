"""A question about an emergency, naming no danger sign: the FAQ's, not the emergency flow.

"xe cấp cứu 115 có mất tiền không", "đo SpO2 ra 97 là ok không", "cấp độ 3 màu cam là nguy cơ cao
hay rất cao", "mẹ tôi khiếm thính, người nhà nên làm gì": the words of an emergency are there
("cấp cứu", "115", "cấp", a reading, "người nhà"), and the model files the message as one, but it
asks, and names no danger sign nor a low reading (`danger.names_danger`). The danger net is what
decides that something is happening now (`danger.escalated`, applied after this overlay, and
never undone by it): the model's emergency for such a question gives way to the FAQ's intent.
"""

from __future__ import annotations

from hotline.bot.nlu.base import ParseResult
from hotline.bot.nlu.danger import DANGER_CONFIDENCE, names_danger
from hotline.bot.nlu.questions import is_question


def calmed(parse: ParseResult) -> ParseResult:
    """The parse itself, or, for a question naming no danger sign that the model (not the danger
    net) took for an emergency, the FAQ's intent in the emergency's place."""
    top = parse.intent
    if top.name != "emergency" or top.confidence >= DANGER_CONFIDENCE:
        return parse
    if not is_question(parse.text) or names_danger(parse.text):
        return parse
    return parse.swapped("ask_faq")
