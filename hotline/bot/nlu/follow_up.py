"""How a report is followed, asked in general: the FAQ's question, not a lookup of one report.

"gửi phản ánh rồi làm sao biết đã được xử lý", "coi tiến độ ở chỗ nào", "nộp hồ sơ hỗ trợ mà
chưa thấy tiền, kiểm tra ở đâu": the asker wants the place or the way to look (an FAQ entry
says it), not the state of a report of theirs; "phản ánh của em tới đâu rồi" and a code given
are lookups. So is a rule asked of what follows ("quá 5 tiếng chưa ai xử lý thì tôi được bồi
thường gì không"). The model and `plain_requests.asks_progress` took such questions for a
status check, whose dialog asks for a code the asker may not have.
"""

from __future__ import annotations

import re

from hotline.bot.nlu.base import ParseResult
from hotline.bot.nlu.entities import ticket_codes
from hotline.bot.nlu.normalize import kept_by_text, words
from hotline.bot.nlu.questions import is_question

# Where or how one looks ("ở chỗ nào", "trên app nào", "làm sao biết", "bằng cách nào"), and a
# rule asked of what follows ("... thì tôi được bồi thường gì không").
_WHERE_OR_HOW = re.compile(
    r"\b(?:o dau|o cho nao|cho nao|trang nao|app nao|ung dung nao|web nao"
    r"|lam sao (?:de )?biet|bang cach nao|cach nao de (?:biet|xem|coi|tra)"
    r"|thi (?:toi |em |minh |tui |nguoi dan )?(?:co )?(?:duoc|phai) [a-z ]{0,30}(?:gi|khong))\b"
)

# A request filed with the hotline itself ("đã gửi yêu cầu hỗ trợ, giờ kiểm tra ở đâu"): a
# ticket of theirs, looked up (the training data says so).
_FILED = re.compile(r"\b(?:gui|nop|dang ky) yeu cau\b")


@kept_by_text
def asks_how_to_follow(text: str) -> bool:
    """True for a question on where or how to follow a report, or on what follows it, with no
    code given."""
    if ticket_codes(text) or not is_question(text):
        return False
    said = " ".join(words(text))
    return _WHERE_OR_HOW.search(said) is not None and _FILED.search(said) is None


def followed(parse: ParseResult) -> ParseResult:
    """The parse itself, or, for a status check that asks where or how to follow a report, the
    FAQ's intent at the same confidence."""
    if parse.intent.name != "check_status" or not asks_how_to_follow(parse.text):
        return parse
    return parse.swapped("ask_faq")
