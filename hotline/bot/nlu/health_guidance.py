"""The FAQ's own health guidance, asked: a question for the FAQ even when it names a sign.

The FAQ has entries on when a person with covid goes to hospital or calls 115 and which signs to
watch for (`khi-nao-di-vien`, `khan-cap-goi-115`), what SpO2 level is safe (`do-spo2`), whether a
reaction after a dose is the usual one (`phan-ung-sau-tiem`), who may be treated at home
(`dieu-kien-dieu-tri-tai-nha`) and where to be tested (`xet-nghiem-o-dau`). Asked in those words
("lúc nào thì phải đưa mẹ đi viện", "SpO2 bao nhiêu là phải gọi cấp cứu", "có phải phản ứng bình
thường không", "có được điều trị tại nhà không", "muốn test thì lại đâu"), the question is the
FAQ's whatever illness of the asker's own sets it: the entry answers it, where the model, seeing
a fever or a chronic illness, took it for the consultant's. An emergency is never taken away
here, whoever gave it: a list of danger signs is never complete ("nôn ra máu, khi nào đi viện"),
and an emergency answered as a question is the one mistake a hotline cannot make; a question
taken for an emergency is told to call 115, which costs a minute.
"""

from __future__ import annotations

import re

from hotline.bot.nlu.base import ParseResult
from hotline.bot.nlu.normalize import words

_GUIDANCE = re.compile(
    # when to go to hospital, to a doctor or call for an ambulance
    # ("nhà thương", as the South says; "đi bác sĩ"), or whether to stay home or go
    r"\b(?:khi nao|luc nao|bao gio)\b(?: \w+){0,6} (?:di|vao|vo|nhap|len|dua|cho|chuyen)"
    r" (?:vien|benh vien|kham|cap cuu|nha thuong|bac si)\b"
    r"|\bo nha(?: \w+){0,6} hay (?:la )?(?:phai )?(?:di |dua |cho )?(?:vo|vao|nhap|len)"
    r" (?:vien|benh vien|nha thuong)\b"
    r"|\b(?:khi nao|luc nao|bao nhieu la|bao nhieu thi)(?: \w+){0,4} goi (?:115|cap cuu|xe)\b"
    # which signs to watch for before going
    r"|\b(?:trieu chung|dau hieu) (?:gi|nao)(?: \w+){0,6} (?:vien|115|cap cuu)\b"
    # the SpO2 level, the usual reaction after a dose, treatment at home, what to do first
    r"|\bspo2 bao nhieu\b|\b(?:co phai|co|la) (?:la )?phan ung (?:binh thuong|thong thuong)\b"
    r"|\b(?:(?:dieu tri|cach ly|o) tai nha|o nha dieu tri) (?:khong|duoc khong|hay)\b"
    r"|\b(?:nen|phai) lam gi truoc|\blam gi truoc tien\b"
    # where to be tested ("hơi sốt, muốn xét nghiệm thì đi chỗ nào")
    r"|\b(?:test|xet nghiem|lay mau)(?: \w+){0,3} (?:o dau|cho nao|noi nao)\b"
    r"|\b(?:o dau|cho nao|noi nao)(?: \w+){0,2} (?:test|xet nghiem|lay mau)\b"
)
# What the model takes such a question for, and this rule gives back to the FAQ.
_MISTAKEN_FOR = frozenset({"health_consult"})


def asks_guidance(text: str) -> bool:
    """True for a question asking the FAQ's health guidance: when to go to hospital (or whether
    to stay home) or call 115, which signs to watch, the SpO2 level, the usual reaction after a
    dose, treatment at home."""
    # Each way of asking holds its question word: "..., ổng 70 tuổi rồi" after it asks still.
    return bool(_GUIDANCE.search(" ".join(words(text))))


def guided(parse: ParseResult) -> ParseResult:
    """The parse itself, or, for the FAQ's health guidance asked, the FAQ's intent in place of
    the consultant's."""
    if parse.intent.name not in _MISTAKEN_FOR or not asks_guidance(parse.text):
        return parse
    return parse.swapped("ask_faq")
