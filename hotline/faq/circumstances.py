"""The circumstances a question asks about on a covered topic, which an entry's answer often
does not say: someone else doing it for me, how long processing takes, a second time, a printed
copy, a language, a channel, abroad, how the money comes, a pregnancy, telling someone (an
office or a landlord, an employer...). A lost paper is `Ask.REISSUE` and an age
`hotline.faq.ages`.

"Trợ cấp thất nghiệp có được người nhà nhận thay không" uses every salient word of the entry on
unemployment benefit and asks what its answer never says (whether a relative may collect it).
Each circumstance is a kind of `hotline.faq.asks.Ask`, asked only by words that ask it and said
generously (`hotline.faq.asks` explains the trade), both read from folded words. Kept apart
from the question words (cost, hour, place...) only for length; the patterns are keyed by the
kind's value so that this module needs nothing from `hotline.faq.asks`.
"""

from __future__ import annotations

import re


def phrases(*alternatives: str) -> re.Pattern[str]:
    """Any of `alternatives` (regular expressions over folded words) as whole words."""
    return re.compile(rf"(?<= )(?:{'|'.join(alternatives)})(?= )")


_NUMBER = r"(?:\d+|mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi|vai|nua)"
_PERIOD = r"(?:ngay|tuan|thang|gio|h|tieng|phut)"
_LANGUAGE = r"(?:anh|nuoc ngoai|trung|hoa|han|nhat|phap|nga|duc|khmer|lao|thai)"
# "Tiếng" after a count is an hour: "chờ 2 tiếng anh ạ", "mấy tiếng anh ơi" (addressing "anh"),
# "3 tiếng trung bình" (on average).
_NOT_HOURS = r"(?<!\d )" + "".join(
    f"(?<!{count} )" for count in ("mot hai ba bon nam sau bay tam chin muoi may vai nua".split())
)
# "Cho em hỏi lần nữa" asks the bot again, not for a second time.
_NOT_ASKING = r"(?<!hoi )"
# Not "về nước" as asked: it is as often "về nước sạch" (about water) as coming home.
_ABROAD = r"quoc te|nuoc ngoai|xuat canh|nhap canh|hai ngoai"
_CHANNEL = (
    r"zalo|e ?mail|mail|dien thoai|app|ung dung|facebook|fanpage|viber|telegram|web|website"
    r"|cong dich vu cong|vneid|pc covid|so suc khoe dien tu|vssid|tong dai"
)
_PREGNANCY = r"(?:ba|co|dang|mang|co con) bau|mang thai|co thai|thai phu|(?:cho|nuoi) con bu"
_INTAKE = r"thuoc|tiem|uong|chich|vac xin|vaccine|vacxin|mui"
# Folded "bao" is also "bảo" (insurance, protect, keep, guarantee, tell someone to), "bao" of a
# question ("cần bao lâu", "bao xa", "bao tuổi") or of "bao gồm" (includes), "bao tay" (gloves),
# "bạo lực" (violence), "bao bì", "bao phủ": none tells anyone.
_NOT_TELLING = (
    r"(?! (?:hiem|ve|dam|quan|lanh|tri|chi|gio|nhieu|luu|ho|hanh|mat"
    r"|lau|xa|tuoi|gom|tay|luc|bi|phu))"
)
_PRIVATE_PARTY = (
    r"chu (?:nha|tro|nha tro|phong)|cong ty|hang xom|sep|noi lam viec|nha truong|giao vien"
    r"|co giao|nguoi thue|nguoi o chung|gia dinh|nguoi than"
)
# "Hộ" is also a household ("hộ kinh doanh", "hộ gia đình") and the start of "hồ sơ", "hỗ trợ".
_NOT_HOUSEHOLD = r"(?! (?:gia|kinh|so|tro|ngheo|chieu|khau|dan|can|ten|tich))"
# "Thay" is also a change: "thay đổi", "thay thế", "thay vì", "thay áo", "đi thay đồ" (clothes).
_ON_BEHALF = rf"(?:thay|gium|dum|ho{_NOT_HOUSEHOLD})(?! (?:doi|the|vi|ao|do|quan))"
# Between "bao lâu" and what comes after the wait: a word at most ("bao lâu thì nhận"), or the
# event the wait counts from up to "thì/mới/sẽ" ("bao lâu sau khi khỏi bệnh thì được nhận").
_AFTER = r"(?:(?:\w+ )?(?:thi |moi |se )?|(?:\w+ ){2,6}?(?:thi|moi|se) (?:\w+ )?)"

ASKED: dict[str, re.Pattern[str]] = {
    # Someone else collects, goes or applies for me: "nhận thay", "đi giùm", "ủy quyền".
    "proxy": phrases(
        rf"(?:nhan|lay|di|lam|nop|ky|dang ky|tiem|xin) {_ON_BEHALF}",
        r"uy quyen",
        r"thay mat",
    ),
    # How long until the money comes or the file is dealt with: "bao lâu thì nhận được tiền",
    # "mấy ngày thì có kết quả", "bao lâu sau khi khỏi bệnh thì được nhận" (the event the wait
    # counts from, up to six words, before "thì/mới/sẽ"). How long a rule lasts ("cách ly bao
    # lâu") is `Ask.DURATION`.
    "delay": phrases(
        rf"(?:bao lau|(?:may|bao nhieu) (?:ngay|hom|tuan|thang|tieng)) {_AFTER}"
        r"(?:nhan|co (?:tien|ket qua|ket luan)|duoc (?:duyet|giai quyet|chi|tra|xu ly|nhan"
        r"|cap|huong|phe duyet))"
    ),
    # A second time: "thêm lần nữa", "thêm một đợt", "lại một lần".
    "again": phrases(
        rf"{_NOT_ASKING}lan nua",
        # Not "ở lại lán" (a shed): "lại" only with a count.
        rf"{_NOT_ASKING}them (?:mot |1 )?(?:lan|dot)(?! (?:dau|truoc))",
        r"lai (?:mot|1) (?:lan|dot)",
    ),
    # On paper: "in ra giấy", "bản giấy", "bản cứng", "in ở đâu".
    "printed": phrases(
        r"in ra", r"ban (?:giay|cung|in)", r"in (?:o dau|duoc khong|duoc ko|giay|cho nao)"
    ),
    # In another language: "bằng tiếng Anh", "có người nói tiếng Hoa không", "phiên dịch".
    "language": phrases(rf"{_NOT_HOURS}tieng {_LANGUAGE}", r"english|phien dich|thong dich"),
    # Through which channel: "qua Zalo", "online", "trực tuyến", "qua mạng".
    # "Đặt hàng online" is an activity online, not a channel asked for what the entry covers.
    "channel": phrases(
        rf"qua (?:{_CHANNEL}|mang|tin nhan)",
        r"(?:dang ky|nop|khai|khai bao|lam|gui|xin|tra cuu|phan anh|ho so)"
        r"(?: \w+){0,2} (?:online|truc tuyen)",
    ),
    # How the money comes: "chuyển khoản hay tiền mặt", "vào tài khoản", "qua ngân hàng".
    "payment": phrases(
        r"chuyen khoan|tien mat|ngan hang|vi dien tu|momo|atm",
        r"(?:vao|qua|ve) tai khoan(?! (?:vneid|dinh danh|pc|zalo|vssid|dich vu))",
    ),
    # Whether to tell someone: "có phải báo (cho ...) không", "cần thông báo".
    "tell": phrases(
        rf"(?:phai|can|nen) (?:thong bao|bao cao|bao){_NOT_TELLING}",
        rf"(?:bao|thong bao){_NOT_TELLING} (?:cho )?(?:\w+ ){{1,3}}biet",
    ),
    # A pregnancy or a nursing mother, for whom medicines and vaccines have rules of their own.
    # Only with a medicine or a vaccine in the same message: "em đang có bầu, chồng dương tính,
    # phải làm gì để khỏi lây" tells a pregnancy the answer on protecting the household needs
    # not name; "bà bầu uống thuốc này được không" asks of it.
    # Both looked for from the line's start alone: a lookahead from every word that could be
    # one of them read a hostile message of "mũi mũi ..." in quadratic time (59 ms, 4,000
    # characters), this in linear.
    "pregnant": re.compile(rf"^(?=.* (?:{_PREGNANCY}) )(?=.* (?:{_INTAKE}) )"),
    # Telling someone other than an office: a landlord, an employer, a school, the neighbours.
    # "Báo hàng xóm vi phạm" reports the neighbours: only "phải báo", "báo cho" tell them.
    "tell_private": phrases(
        rf"(?:phai|can|nen) (?:bao|thong bao) (?:cho |voi )?(?:{_PRIVATE_PARTY})",
        rf"(?:bao|thong bao) (?:cho|voi) (?:{_PRIVATE_PARTY})",
    ),
    # Whether it holds abroad: "khi bay quốc tế", "ở nước ngoài dùng được không". A purpose
    # ("để đi nước ngoài") asks how to get the paper, which an entry on getting it answers; a
    # foreigner living here ("người nước ngoài") is no travel, nor a hospital's or a school's
    # name ("Bệnh viện Quốc tế", "trường quốc tế").
    "abroad": phrases(
        rf"(?<!nguoi )(?<!de )(?<!de di )(?<!de bay )(?<!benh vien )(?<!truong )(?:{_ABROAD})"
    ),
}

SAID: dict[str, re.Pattern[str]] = {
    "proxy": phrases(
        r"uy quyen|thay mat|nguoi nha|nguoi than|nguoi giam ho",
        rf"(?:nhan|lay|di|lam|nop|ky|dang ky|tiem|xin|mua|cho) (?:{_ON_BEHALF}|giup)",
    ),
    # A time limit on the office's side, not on the citizen's ("nộp trong 3 tháng kể từ ngày
    # nghỉ việc" is the citizen's).
    "delay": phrases(
        r"\d+ ngay lam viec",
        r"ke tu (?:ngay |khi )?(?:nhan|nop|tiep nhan) (?:du )?(?:ho so|don|de nghi)",
        r"ke tu khi tiep nhan",
        r"(?:giai quyet|chi tra|xet duyet|tra ket qua|chuyen tien|phe duyet|giai ngan|xu ly"
        r"|cho ket qua|co ket qua|tra loi|phan hoi) (?:\w+ ){0,3}(?:trong|sau|cham nhat|toi da)"
        rf" (?:vong |thoi han )?{_NUMBER}",
        rf"sau (?:\w+ ){{0,2}}{_NUMBER} {_PERIOD} (?:\w+ ){{0,2}}(?:co|nhan|tra) ket qua",
    ),
    # Whether it comes again, or once only; "hỗ trợ một lần 3.000.000 đồng" names a lump sum,
    # not a rule on a second time.
    "again": phrases(
        # Not "một lần 3.000.000 đồng": an ordinal, not the start of an amount.
        r"(?:lan|dot|mui) (?:thu )?(?:hai|2|ba|3|bon|4|tiep theo|nhac lai|bo sung)(?! \d)",
        r"lan nua|nhieu lan|nhac lai",
        r"toi da (?:\w+ ){0,2}lan",
        r"chi (?:\w+ ){0,3}(?:mot|1) lan|mot lan duy nhat",
        r"them (?:mot |1 )?lan",
        r"khong (?:duoc )?(?:\w+ )?(?:lai|trung)",
        r"(?:tiep tuc|them) (?:duoc )?(?:huong|nhan|ho tro)",
    ),
    "printed": phrases(r"in|ban giay|ban cung|ban in"),
    "payment": phrases(
        r"chuyen khoan|tien mat|tai khoan|ngan hang|buu dien|vi dien tu",
        r"(?:chi tra|nhan|phat|trao) (?:tien )?(?:truc tiep|qua|bang|tai nha)",
    ),
    "tell": phrases(rf"(?:thong bao|khai bao|bao cao|bao tin|bao){_NOT_TELLING}"),
    "pregnant": phrases(r"bau|thai|thai phu|san phu|sau sinh|moi sinh|cho con bu"),
    "tell_private": phrases(_PRIVATE_PARTY, r"doanh nghiep|nguoi su dung lao dong|nguoi tiep xuc"),
    "channel": phrases(
        _CHANNEL, r"online|truc tuyen|dich vu cong|cong thong tin|thu dien tu|goi|nhan tin"
    ),
    # A vaccine passport is named for travel but says nothing of what is valid abroad.
    "abroad": phrases(_ABROAD, r"ve nuoc|cua khau|hai quan"),
    # "Tiếng" is also an hour ("3 tiếng"): only a language named says one.
    "language": phrases(
        rf"tieng (?:{_LANGUAGE}|viet|dan toc)", r"ngon ngu|phien dich|thong dich|english"
    ),
}
