"""A question about the asker's own plan or business, taken for a report: the FAQ's.

"nhà thuốc chúng tôi muốn nhờ người giao thuốc tận nhà, người giao cần điều kiện gì", "tôi định
đưa đoàn khách đi tham quan, khu du lịch mở cửa chưa", "xóm tui có người nghi nhiễm, trạm y tế có
xuống lấy mẫu không": the words of a report are there (a business, people, suspected cases), but
what is asked is what the asker may do, needs or can have done, which the FAQ answers. A report
tells what others did; it asks at most why nobody acts ("quán vẫn mở, sao không ai xử lý?").
"""

from __future__ import annotations

import re
from dataclasses import replace

from hotline.bot.nlu.base import ParseResult
from hotline.bot.nlu.normalize import words
from hotline.bot.nlu.questions import is_question

# The asker's plan or wish: "tôi định", "chúng tôi muốn", "bên em tính", "mình dự định".
_PLAN = re.compile(
    r"\b(?:toi|tui|em|minh|chung toi|chung em|ben (?:toi|em|minh)|cong ty (?:toi|em|minh)"
    r"|nha (?:toi|em|minh))(?: [a-z0-9]+){0,2} (?:dinh|tinh|du dinh|muon|can|se)\b"
)
# What an office or a service does for the asker, asked of it: "trạm y tế có xuống lấy mẫu tận
# nhà không", "người giao cần điều kiện gì", "phường có cấp giấy không".
_SERVICE = re.compile(
    r"\b(?:tram y te|phuong|xa|benh vien|trung tam y te|ubnd|cong an|y te) co (?:xuong|den|toi"
    r"|cap|lay mau|phat|ho tro|dua|nhan)\b"
    r"|\bcan (?:dieu kien|giay|thu tuc|ho so)\b"
)
# Words that make the wish a report after all ("tôi muốn phản ánh ...", "tôi cần tố cáo").
_REPORTING = re.compile(r"\b(?:phan anh|to cao|to giac|bao cao|khieu nai)\b")
# What such a question is taken for, and how sure a report put as a question must be for the
# rule to leave it: at this a report intent is the model's own sure reading of a told event.
_MISTAKEN_FOR = frozenset({"report_violation", "report_contact"})


def asks_for_oneself(text: str) -> bool:
    """True for a question on the asker's own plan or on what a service does for them."""
    said = " ".join(words(text))
    if _REPORTING.search(said) or not is_question(text):
        return False
    return bool(_PLAN.search(said) or _SERVICE.search(said))


def asked(parse: ParseResult) -> ParseResult:
    """The parse itself, or, for a question for oneself taken for a report, the FAQ's intent at
    the same confidence, the two trading places in the ranking."""
    top = parse.intent
    if top.name not in _MISTAKEN_FOR or not asks_for_oneself(parse.text):
        return parse
    ranking = [
        replace(i, name=top.name) if i.name == "ask_faq" else i
        for i in parse.intent_ranking or (top,)
        if i.name != top.name
    ]
    moved = replace(top, name="ask_faq")
    return replace(parse, intent=moved, intent_ranking=(moved, *ranking))
