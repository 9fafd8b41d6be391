"""Questions asking the hotline to judge what someone did: "công ty bắt ... có đúng không".

"X làm vậy có đúng không", "có đúng luật không", "đúng hay sai", "có trái luật không" ask for
a verdict on a third party's conduct (a complaint put as a question). An entry on the same
topic states the rule, not whether this employer, landlord or office broke it, so such a
question is answered only from the full evidence of `hotline.faq.gate.Thresholds.answer`,
never from the lower one the only plausible entry answers from (`lone_answer`). Written from
how citizens ask the hotline to take sides, folded as the analyzer folds words.
"""

from __future__ import annotations

import re

from hotline.faq.written import fold

_NOT = r"(?:khong|ko|k|hong|hok|hem|ha|a|vay|ta|chu)"
_VERDICT = re.compile(
    r"\b(?:"
    # "có đúng không", "vậy là đúng hả", "có đúng luật/quy định không"
    rf"(?:co|la|vay|the|nhu vay) dung(?: (?:luat|quy dinh|phap luat|khong|ko))? {_NOT}\b"
    r"|co dung (?:luat|quy dinh|phap luat)\b"
    # "đúng hay sai", "đúng hay không"
    r"|dung hay (?:sai|khong|ko)\b"
    # "có sai không", "có trái luật không", "có hợp pháp không", "có vi phạm gì không"
    rf"|co (?:sai|trai (?:luat|phep|quy dinh)|hop (?:phap|le|ly)|vi pham(?: gi)?) {_NOT}\b"
    r")"
)
_WORD = re.compile(r"\w+")


def asks_verdict(text: str) -> bool:
    """Whether `text` asks whether someone's conduct is right or lawful."""
    return bool(_VERDICT.search(" ".join(fold(w) for w in _WORD.findall(text))))
