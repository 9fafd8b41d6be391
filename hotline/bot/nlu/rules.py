"""Messages whose intent needs no model: a bare ticket code, an acknowledgement, a bare "report",
a bare greeting; and the overlays every parse the bot acts on goes through.

Both back ends answer them the same way and at once: the bot itself tells citizens to send their
code, so "PA-LAHC-HQXK" (in any case, with spaces or hyphens) must start a lookup; "ok", 👍 and
"vâng" close a turn politely; "phản ánh", "muốn phản ánh" and "gửi phản ánh" start a report
(`report_openers`); "chào ad", "alo" and "xin chào tổng đài" are greeted (`greetings`).
"""

from __future__ import annotations

import functools
import re

from hotline.bot.nlu.about_hotline import asked_about
from hotline.bot.nlu.acknowledgements import acknowledgement, laughs, thanks_alone
from hotline.bot.nlu.adverts import posted_advert
from hotline.bot.nlu.base import INTENTS, Intent, ParseResult
from hotline.bot.nlu.closings import courteous
from hotline.bot.nlu.complaints import complained
from hotline.bot.nlu.contacts import contacted
from hotline.bot.nlu.danger import escalated
from hotline.bot.nlu.entities import extract_entities, mistyped_codes, ticket_codes
from hotline.bot.nlu.epidemic_terms import brought_back
from hotline.bot.nlu.events import tipped
from hotline.bot.nlu.follow_up import followed
from hotline.bot.nlu.formal_letters import answered_letter
from hotline.bot.nlu.greetings import greets
from hotline.bot.nlu.hardship import entitled, pleaded
from hotline.bot.nlu.health_guidance import guided
from hotline.bot.nlu.normalize import TEXTS_KEPT, normalize
from hotline.bot.nlu.off_topic import set_aside
from hotline.bot.nlu.personal_health import consulted
from hotline.bot.nlu.plain_requests import (
    asks_progress,
    person_in_english,
    put_through,
    report_in_english,
    tip_in_english,
)
from hotline.bot.nlu.plans import asked
from hotline.bot.nlu.remedies import remedied
from hotline.bot.nlu.report_openers import asks_to_report, opens_report, reported
from hotline.bot.nlu.rumours import rumour_checked
from hotline.bot.nlu.thanks import thanked, thanks_others

_CODE_FILLER = re.compile(r"[\s\-.,:;!?\"'()]+")


def _ranked(name: str) -> ParseResult:
    intent = Intent(name, 1.0)
    return ParseResult("", intent, (), (intent, *(Intent(n, 0.0) for n in INTENTS if n != name)))


# With Rasa, asked of every message before anything else (`FallbackNLU.parse`), and citizens
# repeat the same texts: a pure function of the text (a parse is frozen), kept for the last
# texts asked. The local NLU keeps its whole parse in its own memo.
@functools.lru_cache(maxsize=TEXTS_KEPT)
def rule_parse(text: str) -> ParseResult | None:
    """The parse for a message a rule settles, or None for the model to classify."""
    codes = ticket_codes(text) or mistyped_codes(text)
    if codes and not _CODE_FILLER.sub("", text.replace(codes[0].text, "")):
        ruled = _ranked("check_status")
        return ParseResult(text, ruled.intent, extract_entities(text), ruled.intent_ranking)
    if acknowledgement(text) or thanks_alone(text) or thanked(text):
        return _with_text(_ranked("thank"), text)
    if thanks_others(text):
        return _with_text(_ranked("feedback"), text)
    if laughs(text):
        return _with_text(_ranked("out_of_scope"), text)
    if asks_to_report(normalize(text)):
        return _with_text(_ranked("report_violation"), text)
    if greets(text):
        return _with_text(_ranked("greet"), text)
    if person_in_english(text):
        return _with_text(_ranked("request_human"), text)
    if report_in_english(text):
        return _with_text(_ranked("report_violation"), text)
    if tip_in_english(text):
        return _with_text(_ranked("report_contact"), text)
    if asks_progress(text):
        ruled = _ranked("check_status")
        return ParseResult(text, ruled.intent, extract_entities(text), ruled.intent_ranking)
    if advertises(text):
        return _with_text(_ranked("out_of_scope"), text)
    return None


def advertises(text: str) -> bool:
    """True for an advert told, not asked, nor opening a report (`adverts.posted_advert`)."""
    return posted_advert(text) and not opens_report(text)


def overlaid(parse: ParseResult) -> ParseResult:
    """The rule overlays on the parse the bot acts on, applied once, each named by its module:
    a report opener is a report (`reported`), and so is a tip told as an event (`events`); a
    question for oneself (`plans`), closed formally (`closings`) or put in a letter
    (`formal_letters`) no form; a complaint feedback (`complaints`); how to follow a report the
    FAQ's (`follow_up`); a person wished for put through (`plain_requests`), a question on the
    hotline itself not (`about_hotline`); a personal health question (`personal_health`) or a
    home remedy (`remedies`) the consultant's, the FAQ's health guidance asked the FAQ's
    (`health_guidance`), and a rumour to confirm (`rumours`); the epidemic's own terms the FAQ's
    (`epidemic_terms`), other business out of scope (`off_topic`); whether one is entitled to a
    support the FAQ's, hunger pleaded a request for support (`hardship`); whom to contact
    asked no form nor emergency (`contacts`); a danger sign happening now an emergency
    (`danger`), last. With Rasa they go on the combined parse, not
    on the local one first (`fallback.FallbackNLU`)."""
    told = complained(courteous(asked(tipped(reported(parse)))))
    told = guided(consulted(asked_about(put_through(followed(answered_letter(told))))))
    told = rumour_checked(told)
    told = contacted(pleaded(entitled(remedied(set_aside(brought_back(told))))))
    return escalated(told)


def _with_text(result: ParseResult, text: str) -> ParseResult:
    return ParseResult(text, result.intent, (), result.intent_ranking)
