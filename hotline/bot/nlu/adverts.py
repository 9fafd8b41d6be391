"""Adverts pasted into the chat: they ask nothing and report nothing, so they are small talk.

Two shapes: a call to contact the seller privately together with what is sold ("nhận làm hồ
sơ trọn gói, ib ngay"), and a post that opens as adverts do, with what it offers ("cần bán gấp
500kg ..., ai mua liên hệ", "tuyển gấp nhân viên phục vụ lương 7 triệu", "cho thuê xe tải ...
giá rẻ", "thu mua đồ cũ tận nơi giá tốt"). One told as seen ("có nhóm nhận làm giấy giả, inbox
là có") is a tip, and one asked about ("bên nào nhận làm ..., ib được không") a question;
`rules.advertises` also leaves a report opener ("phản ánh vụ dịch vụ ...") to the report.
"""

from __future__ import annotations

import re

from hotline.bot.nlu.normalize import words
from hotline.bot.nlu.questions import is_question

# The seller's call: how to reach them, or what they promise a customer ("bao nhận", "cam kết").
_CONTACT_ME = re.compile(
    r"\b(?:ib|inbox|ibx|lh|lien he (?:zalo|sdt|so)|zalo \d+|bao nhan|cam ket \d+)\b"
)
# What a seller offers: a service taken on, goods cleared or sold "genuine", a fee or a price.
_SELLING = re.compile(
    r"\b(?:nhan (?:lam|chay)|dich vu|tron goi|bao dau|gia re|giai ngan|lay ngay|phi \d+k?"
    r"|phi \d+ phan tram|thanh ly|gia goc|chinh hang|free ?ship)\b"
)
# "ai cần thì ib", "ai mua liên hệ": the seller's call, not a question.
_WHO_NEEDS = re.compile(
    r"\bai (?:can|mua|thue|co nhu cau)(?: thi| [a-z]+)? (?:ib|inbox|ibx|lh|lien he|alo|goi)\b"
)
# Told about an advert seen ("có nhóm nhận làm giấy xét nghiệm giả, inbox là có"): a tip.
_SEEN = re.compile(r"\b(?:co nguoi|co nhom|bon|tui no|thay|tren mang|quang cao|lua dao)\b")
# How an advert opens: goods for sale or rent, hands hired, a service taken on ("tuyển dương"
# praises, "tuyển sinh" enrols, "bán khẩu trang giá gấp 3" reports: none opens one).
_OPENS = re.compile(
    r"(?:can |dang )?(?:ban (?:gap|si|le|thanh ly)|can ban|cho thue|thanh ly|sang nhuong"
    r"|tuyen (?:gap|dung|tho|nhan vien|cong nhan|lao dong|ctv|cong tac vien|phu|nguoi)"
    r"|nhan (?:lam|chay|may|nau|sua|ship|giao)|thu mua|mua (?:gia cao|tan nha|tan noi))\b"
)
# What it offers: a price, a wage, a quantity, a bargain, a way to reach the seller.
_OFFER = re.compile(
    r"\b(?:\d+ ?(?:k|trieu|tr|nghin|ngan|kg|tan)|gia (?:re|uu dai|goc|tot|si|mem)|uu dai"
    r"|luong|thu nhap|lien he|ib|inbox|zalo|sdt|09\w*|gap|bao an o|gia cao|tan (?:nha|noi))\b"
)


def posted_advert(text: str) -> bool:
    """True for an advert told, not asked: "Dịch vụ làm giấy ... lấy ngay, inbox", "cần bán
    gấp ..., ai mua liên hệ 09xx"."""
    said = " ".join(words(text))
    if _SEEN.search(said):
        return False
    calls = _CONTACT_ME.search(said) and _SELLING.search(said)
    opens = _OPENS.match(said) and _OFFER.search(said)
    asked = is_question(text) and not _WHO_NEEDS.search(said)
    return bool(calls or opens) and not asked
