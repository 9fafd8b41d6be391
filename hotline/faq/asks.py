"""What a question asks (a cost, a price, an hour, how long, when, where, who, a replacement) and
what an FAQ entry's answer says of those.

Closeness of topic cannot tell "Xe cấp cứu 115 có mất tiền không" from the entry on calling 115:
the question uses every salient word of the entry and asks what its answer never says. An entry
answers a question directly only when its answer says every kind the question asks; otherwise it
is offered at most (`hotline.faq.index.FaqIndex.lookup`). Both sides are read from folded words
as the analyzer gives them ("bao nhiêu tiền", "bn tien", "bao nhieu tien" alike); the kinds an
answer says are worked out from its text when the index is built, never labelled by hand.

Each kind is asked only by words that ask it and nothing else ("mấy giờ", not "giờ"), and said
generously (any amount in đồng, "miễn phí", "phí" or "tiền" says something of a cost): a kind
read where it is not asked costs a direct answer, one read as said where it is not lets a wrong
answer through, which the rest of the gate may still stop. A price asked ("giá bao nhiêu một
hộp") is a cost too, but one only an amount says: an answer that the medicine is handed out free
says nothing of what a pharmacy sells it for.
"""

from __future__ import annotations

import re
from enum import StrEnum
from itertools import pairwise

from hotline.faq import ages, circumstances, details
from hotline.faq.places import PLACE, names_place


class Ask(StrEnum):
    """A kind of thing a question asks for."""

    COST = "cost"  # what it costs, whether it is free, how much money
    HOUR = "hour"  # at what time of day, until what hour
    DURATION = "duration"  # how long, how many days
    WHEN = "when"  # from when, by when
    DAY = "day"  # on which date or weekday
    PLACE = "place"  # where
    WHO = "who"  # who does it, which office
    REISSUE = "reissue"  # a lost or wrong paper made again
    PRICE = "price"  # what a thing sells for ("giá bao nhiêu"), which "free" does not say
    # Circumstances (`hotline.faq.circumstances`).
    PROXY = "proxy"  # someone else collects, goes or applies for me
    DELAY = "delay"  # how long until paid or dealt with, after applying
    AGAIN = "again"  # a second time, once more
    PRINTED = "printed"  # on paper, printed out
    LANGUAGE = "language"  # in another language than Vietnamese
    ABROAD = "abroad"  # abroad, international travel
    CHANNEL = "channel"  # through which channel: Zalo, online, by phone
    PAYMENT = "payment"  # how the money comes: transfer, cash, account
    TELL = "tell"  # whether to tell someone
    TELL_PRIVATE = "tell_private"  # whether to tell a landlord, an employer, a school...
    PREGNANT = "pregnant"  # for a pregnant or nursing woman
    # Exact details (`hotline.faq.details`).
    DOSE = "dose"  # how much of a medicine, how often
    TOGETHER = "together"  # a medicine with another, an interaction
    DEADLINE = "deadline"  # until when one may apply, the time limit
    PHONE = "phone"  # a number to call
    PAYER = "payer"  # who pays or bears a loss
    AMOUNT = "amount"  # how much money: an amount, not whether it costs
    EXACT_AMOUNT = "exact_amount"  # one exact amount of money, which a range does not give
    AGE = "age"  # from what age: an age asked, which only an answer naming an age gives
    CEILING = "ceiling"  # the most one gets or may: a ceiling, which only a figure gives
    # An age, in the bands of `hotline.faq.ages.BANDS`.
    AGE_UNDER_5 = "age_under_5"
    AGE_5_11 = "age_5_11"
    AGE_12_17 = "age_12_17"
    AGE_18_49 = "age_18_49"
    AGE_50_59 = "age_50_59"
    AGE_60_UP = "age_60_up"


_UNIT = r"(?:ngay|tuan|thang|nam|gio|h|tieng|phut)"
_NUMBER = r"(?:\d+|mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi|vai|nua)"
_MONEY = r"(?:tien|trieu|tr|nghin|ngan|k|dong)"
_NOT_COUNTED = r"(?! (?:ngay|tuan|thang|nam|gio|tieng|phut|lan|nguoi|mui|buoi|hom|dot) )"
# What one thing sells for: "bao nhiêu một hộp", "bao nhiêu 1 que".
_EACH = r"bao nhieu (?:mot|1) (?:hop|que|vien|goi|cai|bo|lo|chai)"


def _phrases(*phrases: str) -> re.Pattern[str]:
    """Any of `phrases` (regular expressions over folded words) as whole words."""
    return re.compile(rf"(?<= )(?:{'|'.join(phrases)})(?= )")


_ASKED: dict[Ask, re.Pattern[str]] = {
    Ask.COST: _phrases(
        # "mất tiền" asked ("có mất tiền không"), not told ("tôi mất tiền rồi").
        r"(?:mat|ton|thu|dong|tra|chi) (?:tien|phi|le phi|chi phi)"
        r"(?= (?:khong|chua|ha|gi|bao nhieu|nhieu|may|sao|vay|a) )",
        r"(?:co|bi|thu|tinh|dong|tra) (?:phi|le phi)",
        r"mien phi",
        r"chi phi",
        # "Bao nhiêu tiền", "phí bao nhiêu" ask an amount (`Ask.AMOUNT`, `hotline.faq.details`).
        rf"(?<!bao )(?:nhieu|may) {_MONEY}",
        r"gia (?:bao nhieu|nhieu|may|sao|ca)",
        # "Hết bao nhiêu", "tốn mấy trăm", "phí bao nhiêu": an amount with no money word; not
        # "mất mấy ngày", "hết mấy mũi" (a time, a count).
        rf"(?:het|mat|ton) (?:khoang )?(?:bao nhieu|nhieu|may){_NOT_COUNTED}",
        r"(?:phi|le phi) (?:la )?(?:nhieu|may)",
        _EACH,
    ),
    Ask.PRICE: _phrases(r"gia (?:bao nhieu|nhieu|may|sao|ca)", _EACH),
    Ask.HOUR: _phrases(r"may (?:gio|h)", r"(?:gio|khung gio) nao", r"luc may"),
    # "Ho mấy ngày nay" tells how long it has been; it does not ask.
    Ask.DURATION: _phrases(
        r"bao lau", r"(?:may|bao nhieu) (?:ngay|tuan|thang|tieng|phut)(?! (?:nay|qua|truoc) )"
    ),
    Ask.WHEN: _phrases(r"(?:khi|luc|hoi|chung) nao", r"(?<!co )bao gio(?! cung)"),
    # "Ngày mấy", "vào ngày nào", "thứ mấy", "mùng mấy": a date or a weekday. Not "ngày nào
    # cũng" (every day), "mỗi ngày mấy" or "ngày mấy lần" (how often), "mũi thứ mấy" (which dose).
    Ask.DAY: _phrases(
        r"(?<!moi )ngay (?:may|nao)(?! (?:cung|lan|vien|lieu|bua|goi|cu|gio|tieng|h|ngay) )",
        r"(?<!mui )(?<!lan )(?<!dot )(?<!lieu )(?<!so )thu may(?! (?:lan|que|cai|lieu|vien) )",
        r"(?:hom|mung|mong) (?:may|nao)(?! (?:cung|lan) )",
    ),
    Ask.PLACE: _phrases(
        r"(?:o|tai) (?:dau|cho nao)",
        r"(?:cho|noi) nao",
        r"dia chi (?:o )?(?:dau|nao)",
        r"(?:mua|nop|lay|nhan|lam) (?:o )?dau",
    ),
    # Nobody ("không có ai chăm") is told, not asked.
    Ask.WHO: _phrases(
        r"(?<!bat ky )(?<!bat ki )(?<!khong )(?<!khong co )(?<!chua co )(?<!chang )ai(?! cung)"
    ),
    # A paper lost asks for another, as a copy does: "làm mất giấy ... cấp bản sao không".
    Ask.REISSUE: _phrases(
        # "Làm lại" is as often working again ("đi làm lại", "lên làm lại thì ...", "... cho
        # nó làm lại"): a paper made again only before the paper or the question.
        r"(?:xin|cap|in) lai",
        r"(?<!di )lam lai(?= (?:giay|the|phieu|so|ho so|chung nhan|can cuoc|cccd|ban|duoc|dc"
        r"|o|tai|can|mat|het|bao|nhu|khong|ko) )",
        # Not "bạn sao rồi", "bạn sao không trả lời" (folded "bạn", you): a copy is no question.
        r"ban sao(?! (?:roi|vay|the|ha|chua|nua|kia|day|khong tra|ko tra))",
        r"(?:lam|bi|danh|lo) mat (?:giay|phieu|the|so|chung nhan|ho so|can cuoc|cccd)",
    ),
}

_SAID: dict[Ask, re.Pattern[str]] = {
    Ask.COST: _phrases(
        r"mien phi|phi|le phi|chi phi|chi tra|tien|gia dich vu|gia ban",
        r"muc (?:ho tro|huong|phat|gia|tran)",
        rf"(?<!\d )\d+(?: \d{{3}})* {_MONEY}",
        r"\d+ %",
    ),
    Ask.HOUR: _phrases(
        r"(?:\d+|vai|mot) (?:gio|h|tieng)",
        r"khung gio|24 7|gio hanh chinh",
        # Hours that no longer apply say something of them: "đã bỏ giờ hạn chế".
        r"(?:bo|khong con|khong gioi han) (?:gio|khung gio|gioi han gio)",
    ),
    Ask.DURATION: _phrases(rf"{_NUMBER} {_UNIT}"),
    Ask.WHEN: _phrases(
        rf"{_NUMBER} {_UNIT}",
        r"20\d\d",
        r"\d+ \d+",
        r"khi|tu ngay|tu thang|hang ngay|hang tuan|lich|thoi gian|dot|giai doan",
    ),
    # A date, a weekday, or the day left to a schedule or a paper ("theo lịch", "theo ngày");
    # not a rank ("mũi thứ hai", "lần thứ ba", "con thứ hai"), travel nor history ("du lịch").
    Ask.DAY: _phrases(
        r"(?:ngay|mung|mong) \d+",
        r"(?<!mui )(?<!lan )(?<!dot )(?<!lieu )(?<!con )thu (?:hai|ba|tu|nam|sau|bay|[2-7])",
        r"chu nhat|cuoi tuan",
        r"theo ngay|ngay (?:chan|le)|hang ngay|(?<!du )lich(?! su )",
    ),
    Ask.PLACE: _phrases(
        r"tai|o|noi|qua|tram y te|ubnd|benh vien|co so|cong|ung dung|trung tam|dia chi",
        r"diem|truong|cho|sieu thi|nha thuoc",
    ),
    Ask.WHO: _phrases(
        r"ubnd|uy ban|tram y te|co quan|cong an|so|bo|can bo|to covid|to truong|doanh nghiep",
        r"trung tam|benh vien|nhan vien|truong khu pho|nguoi|chinh quyen|bac si|don vi",
        r"nha truong|co so|luc luong|khu pho|ap",
    ),
    Ask.REISSUE: _phrases(
        r"(?:xin|cap|lam|in) lai",
        r"mat (?:phieu|giay|the)",
        r"dieu chinh",
        r"sai thong tin",
        r"ban sao|sao y",
    ),
    # A price is an amount, or named as one ("giá dịch vụ", "giá trần"); "miễn phí" is not.
    Ask.PRICE: _phrases(
        rf"(?<!\d )\d+(?: \d{{3}})* {_MONEY}",
        r"gia (?:dich vu|ban|tran|niem yet|thi truong)",
        r"muc gia",
    ),
}


_ASKED.update({Ask(kind): pattern for kind, pattern in circumstances.ASKED.items()})
_SAID.update({Ask(kind): pattern for kind, pattern in circumstances.SAID.items()})
_ASKED.update({Ask(kind): pattern for kind, pattern in details.ASKED.items()})
_SAID.update({Ask(kind): pattern for kind, pattern in details.SAID.items()})


def _line(words: list[str]) -> str:
    return f" {' '.join(words)} "


def kinds_asked(words: list[str]) -> frozenset[Ask]:
    """The kinds the question in `words` (folded, as the analyzer gives them) asks."""
    line = _line(words)
    kinds = {kind for kind, pattern in _ASKED.items() if pattern.search(line)}
    return frozenset(kinds | {Ask(band) for band in ages.asked(line)})


def kinds_said(words: list[str]) -> frozenset[Ask]:
    """The kinds an answer in `words` (folded, as the analyzer gives them) says something of."""
    line = _line(words)
    kinds = {kind for kind, pattern in _SAID.items() if pattern.search(line)}
    return frozenset(kinds | {Ask(band) for band in ages.said(line)})


# Words after which a yes/no question names what it asks about: "có được GIỮ ...", "có bị
# TRỪ ...", "có phải BÁO ...", "có nên TIÊM ...", "có cần ĐĂNG KÝ ...", "mới được RA ...".
_MODALS = frozenset({"duoc", "phai", "bi", "nen", "can"})
# What may stand before such a word for it to open the question's predicate (or nothing: the
# message starts with it).
_BEFORE_MODAL = frozenset({"co", "khong", "duoc", "moi", "thi", "van", "con"})


def predicates(words: list[str]) -> frozenset[str]:
    """The words a yes/no question in `words` (folded) asks about: the word after "có được",
    "có bị", "có phải", "có nên", "có cần" (a second modal skipped: "có cần phải ĐÓNG"). An
    entry that never says it answers another question on the same things ("tổ trưởng có được
    giữ phiếu đi chợ không" is not the entry on the market pass), however many of the
    question's other words it uses."""
    found: set[str] = set()
    for i, word in enumerate(words[:-1]):
        if word not in _MODALS or (i > 0 and words[i - 1] not in _BEFORE_MODAL):
            continue
        asked = i + 1
        if words[asked] in _MODALS and asked + 1 < len(words):
            asked += 1
        found.add(words[asked])
    return frozenset(found)


# "What is X?" asks for a definition, which an entry on where to get X does not give ("thuốc kháng
# virus là thuốc gì" is not answered by the entry on the F0 medicine pack). The question kind is
# a salient word of its own (weighed by `hotline.faq.coverage.KIND_WEIGHT`).
DEFINITION = "?la_gi"

# "Dấu hiệu ... là gì", "thủ tục là gì": what a rule or a case consists of, which an entry
# listing them answers, not a definition. Folded pairs, or a plural ("những") before "là gì".
_LISTED = frozenset(
    {
        ("dau", "hieu"),
        ("trieu", "chung"),
        ("dieu", "kien"),
        ("thu", "tuc"),
        ("giay", "to"),
        ("ho", "so"),
        ("quy", "dinh"),
        ("bien", "phap"),
        ("doi", "tuong"),
    }
)


def salient_kinds(words: list[str]) -> list[str]:
    """The question kinds a text asks that count as salient words of their own
    (`hotline.faq.coverage`): a definition ("là gì", "là thuốc gì", but not "dấu
    hiệu ... là gì", `_LISTED`), a place outside the province (`hotline.faq.places`)."""
    found = [PLACE] if names_place(words) else []
    for i, word in enumerate(words):
        if word == "la" and "gi" in words[i + 1 : i + 3]:
            before = words[:i]
            listed = "nhung" in before or any(p in _LISTED for p in pairwise(before))
            return found if listed else [DEFINITION, *found]
    return found
