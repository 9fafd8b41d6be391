"""What a citizen writes to be polite or to address the hotline, which asks nothing of an entry.

A formal letter opens "Kính gửi Tổng đài 1022," or "Kính thưa quý cơ quan,"; a reply to the bot
opens "Vâng ạ, ..."; a request closes "Xin trân trọng cảm ơn". Folded, these are words no entry
uses ("kinh", "gui", "thua", "tran trong"), and as salient words (`hotline.faq.coverage`) they
leave every entry wrongly uncovered: the more politely a question is put, the less it was
answered. They are taken out before a question's salient words are counted, only in the shapes
that address someone ("thua" alone is also "lose", "gửi" also "send", "tổng đài" also the
entry on the hotline's channels, "vâng" also "vàng", gold). Folded words, as the analyzer
gives them; written from how letters and chats are put, not from any evaluation split.
"""

from __future__ import annotations

import re

# Who a letter is addressed to ("Tổng đài 1022", "quý cơ quan", "các đồng chí", "anh chị").
_ADDRESSEE = (
    r"(?:quy |cac )?(?:co quan|tong dai|dong chi|anh chi|lanh dao|can bo)(?: 1022)?"
    r"|1022|quy vi|quy anh chi"
)
# Who asks, as the asker calls themself.
_ASKER = r"toi|em|tui|minh|chau|con"
_COURTESY = re.compile(
    "(?<= )(?:"
    + "|".join(
        (
            # "Kính gửi / Kính thưa / Thưa" and whom: the whole salutation.
            rf"kinh (?:gui|thua|chao|hoi)(?: (?:{_ADDRESSEE}))?",
            rf"(?:thua|gui|de nghi|nho|cam on) (?:{_ADDRESSEE})",
            # A closing: "trân trọng (cảm ơn)", "xin chân thành cảm ơn".
            r"(?:xin )?(?:tran trong|chan thanh)(?: cam on)?",
            # How the question is asked, or for whom: "xin được hỏi", "bà nhờ cháu hỏi giùm",
            # "hỏi luôn", "giải thích cho tôi rõ".
            rf"(?:xin (?:duoc )?|nho (?:(?:{_ASKER}) )?)hoi(?: (?:gium|giup|dum))?",
            r"hoi luon",
            rf"giai thich (?:giup|gium|dum|cho)(?: (?:{_ASKER}))?(?: ro)?",
        )
    )
    + ")(?= )"
)
# An acknowledgement opening a follow-up question ("vâng ạ, thế ...", "dạ vâng cho em hỏi").
_OPENING = frozenset({"vang", "da", "a", "uh", "um", "ok", "oke"})


def without_courtesy(words: list[str]) -> list[str]:
    """`words` (folded) less salutations, addressees and closings, and an acknowledgement
    opening the message ("vâng ạ, ..."): what is left is what the question asks."""
    start = 0
    while start < len(words) and words[start] in _OPENING:
        start += 1
    kept = words[start:] if "vang" in words[:start] else words
    line = f" {' '.join(kept)} "
    if not _COURTESY.search(line):
        return kept
    return _COURTESY.sub(" ", line).split()
