"""A choice between two answers asked with "hay" (or) and no "thì" before it.

"còn phải cách ly không hay tự theo dõi", "quán ăn được bán tại chỗ chưa hay chỉ bán mang về",
"phạt 1 triệu hay 3 triệu", "tiêm ở trường hay trạm y tế", "tiền nhận tiền mặt hay chuyển khoản":
each asks which of two, though no "thì" or "là" opens the choice (`questions._chooses` reads
those). "hay" is also "often" ("tụi nó hay tụ tập", "quán này hay mở nhạc to") and "good"
("không hay lắm"): a report of a habit puts a verb after it, so a choice is read only where the
second answer is marked: after a "chưa" or a "không" that asked the first, as a number against a
number, or as an office, a channel, a quarantine camp or who does it. Nor is "hay" a choice where
the two are said alike ("báo phường hay xã cũng không ai xử lý", "7 ngày hay 14 ngày gì cũng
mở": either way) or both denied ("không cho ở nhà hay cách ly tập trung"): a tip told so is no
question (`events.tip_kind` reads it as a report).
"""

from __future__ import annotations

import re

from hotline.bot.nlu.question_words import HABIT_BEFORE

# "đã ... chưa hay ...", "còn phải ... không hay ...": the first answer asked yes or no, a second
# offered; the helper before the "không" makes it ask ("không hay" alone is "not good", "not
# often"). What follows must be more than "lắm", "quá", "gì".
_YES_NO_THEN = re.compile(
    r"\b(?:chua|(?:co|con|phai|duoc|da|van)(?: [a-z0-9]+){0,6} khong) hay"
    r" (?!(?:lam|qua|gi|nhi|ha)\b)[a-z0-9]+"
)
# "1 triệu hay 3 triệu", "7 ngày hay 14 ngày": a number against a number.
_NUMBERS = re.compile(r"\b\d+(?: [a-z]+)? hay \d+\b")
# The second answer an office, a channel, a way of paying or who does it ("hay trạm y tế", "hay
# qua app", "hay chuyển khoản", "hay mình tự làm", "hay trọn gói").
_MARKED_SECOND = re.compile(
    r"\b(?P<before>[a-z0-9]+) hay (?:(?:nhan|chuyen|gui|di|lam|nop) )?(?:(?:o|tai|qua|len|ve|vao"
    r"|bang) )?(?:tram y te|truong|benh vien|phuong|xa|huyen|tinh|online|truc tuyen|app"
    r"|ung dung|tien mat|tai khoan|chuyen khoan|cong ty|nguoi lao dong|khu (?:tap trung|cach ly)"
    r"|cach ly tap trung|(?:minh |toi |em )?tu (?:lam|di|xin|nop|tra|lo|dang ky)|tron goi)\b"
)

# Either way ("phường hay xã cũng ...", "hay 14 ngày gì cũng ...") or both denied ("không cho ở
# nhà hay ...", "không được ra đường hay tụ tập").
_EITHER_WAY = re.compile(r"\bhay(?: [a-z0-9]+){1,4}? (?:gi |nao |ai )?(?:cung|deu)\b")
_BOTH_DENIED = re.compile(r"\b(?:khong|chang) (?:cho|chiu|duoc|cam)(?: [a-z0-9]+){0,5}? hay\b")


def offers_choice(said: list[str]) -> bool:
    """True for folded words asking a choice with "hay" and no "thì" before it."""
    if "hay" not in said:
        return False
    text = " ".join(said)
    if _EITHER_WAY.search(text) or _BOTH_DENIED.search(text):
        return False
    if _YES_NO_THEN.search(text) or _NUMBERS.search(text):
        return True
    # Not after who does it ("tụi nó hay lên phường"): a habit.
    return any(m["before"] not in HABIT_BEFORE for m in _MARKED_SECOND.finditer(text))
