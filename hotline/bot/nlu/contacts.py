"""Whom to contact, asked: a question for the FAQ, not a form.

"người nhà khó thở thì gọi số nào", "nhắn tổng đài hay gọi cấp cứu", "hết gạo thì báo ai để được
giúp", "liên hệ ai để được cập nhật mũi tiêm": the message names an emergency, hunger or a
complaint, and the classifiers file it so, but what it asks is whom to call or which number,
which the FAQ answers (`khan-cap-goi-115` says to call 115 at once; `ho-tro-luong-thuc` whom to
tell). An emergency is left as it is, whoever gave it: "nôn ra máu rồi gọi ai" may name a sign
no list holds, and the emergency flow's "call 115 now" answers "gọi số nào" too. Told, not asked
("không báo ai", "gọi ai cũng không nghe"), or with no verb of contacting, nothing changes.
"""

from __future__ import annotations

import re

from hotline.bot.nlu.base import ParseResult
from hotline.bot.nlu.normalize import words

# Contact someone: call, ring, tell, text, ask, get in touch.
_VERB = r"(?:goi|goi dien|lien he|lien lac|bao|nhan|nhan tin|hoi|trinh bao)"
# Whom or where, right after the verb ("gọi ai", "báo cho ai", "liên hệ đâu", "nhắn chỗ nào");
# not "không báo ai" (told nobody) nor "gọi ai cũng ..." (anyone); "đâu" only after calling or
# contacting ("bao đậu", a sure pass, folds into "báo đâu").
_WHOM = (
    r"(?<!khong )(?<!chua )(?<!chang )(?<!cha )(?<!dung )(?<!ko )\b"
    rf"(?:{_VERB} (?:(?:cho|voi|toi|den|lai) )?(?:ai|so nao|so may|so gi|cho nao|noi nao"
    r"|ben nao|co quan nao)|(?:goi|lien he|lien lac) dau)\b(?! cung)"
)
# Which number ("gọi cấp cứu số nào", "bấm số mấy", "... là số mấy").
_NUMBER = r"\b(?:goi|bam|nhan)(?: [a-z0-9]+){0,3} so (?:nao|may|gi)\b|\bla so (?:nao|may|gi)\b"
# One way of contacting or another ("nhắn tổng đài hay gọi cấp cứu", "gọi 115 hay gọi 1022").
_EITHER = (
    r"\b(?:goi|nhan|nhan tin|bao|lien he)(?: [a-z0-9]+){1,4} hay (?:la )?(?:phai )?"
    r"(?:goi|nhan)\b"
)
_ASKS_WHOM = re.compile(f"{_WHOM}|{_NUMBER}|{_EITHER}")

# What such a question is taken for: a form. Reports and tips stay: "tôi là F1 cần báo cho ai"
# tells of oneself (the training data's tip); so does an emergency.
_MISTAKEN_FOR = frozenset({"request_support", "feedback"})


def asks_whom(text: str) -> bool:
    """True for a question of whom to contact or call, or which number."""
    return _ASKS_WHOM.search(" ".join(words(text))) is not None


def contacted(parse: ParseResult) -> ParseResult:
    """The parse itself, or, for whom to contact asked and taken for a form, the FAQ's intent in
    the top intent's place."""
    if parse.intent.name not in _MISTAKEN_FOR or not asks_whom(parse.text):
        return parse
    return parse.swapped("ask_faq")
