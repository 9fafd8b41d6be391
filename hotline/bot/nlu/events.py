"""A tip told as an event, with no report verb: a place + what breaks the rules there.

"quán nhậu đầu hẻm 7 tối nào cũng đông, không ai đeo khẩu trang", "F1 ở dãy trọ cô Ba vẫn đi
chợ mỗi sáng", "nhà thuốc gần bến xe bán thuốc điều trị không cần đơn": no "phản ánh", no
question, yet a report. The model reads the place and the epidemic's words and often takes such
a tip for a question or for small talk. A message that names a place or a business, names a
violation happening there and asks nothing is a report: a contact report when a positive or
exposed person goes about or mixes with others, a violation report otherwise (an employer, a
seller or an office breaking the rules, crowds, no masks, open when told to close).
"""

from __future__ import annotations

import functools
import re

from hotline.bot.nlu.base import ParseResult
from hotline.bot.nlu.normalize import TEXTS_KEPT, nfc, words
from hotline.bot.nlu.questions import is_question

# A place or a business where it happens: who runs it or where it is. Folded, the words whose
# folding is no other common word.
_PLACE = re.compile(
    r"\b(?:nha thuoc|cong ty|cty|cong trinh|homestay|khach san|nha nghi"
    r"|chung cu|can ho|day tro|phong tro|nha tro|xom tro|khu tro|khu pho|to dan pho"
    r"|sieu thi|nha hang(?! xom)|karaoke|tram y te|kcn|khu cong nghiep|nha van hoa|cong vien"
    r"|ben xe|to covid|to truong|cua hang|shop|quan nhau|tiem thuoc tay"
    r"|diem (?:tiem|xet nghiem|test)"
    # a vehicle that carries people, and who runs it
    r"|xe khach|nha xe|hang xe|xe buyt|xe bus|xe du lich|xe hop dong|chuyen xe|tai xe)\b"
)
# Those whose folding is another common word, as written: "tiệm" and "tiêm", "quán" and "quan
# tâm", "xưởng" and "xuống", "phường" and "địa phương", "hẻm" and "hem" (teencode "không"),
# "ngõ" and "bất ngờ", "chợ" and "cho", "hồ" and "họ", "đường" and "dương", "xã" and "xa", "ấp"
# and "áp", "sân" and "sẵn"; and not in the words that are no place ("hồ sơ", "thợ hồ", "xã
# hội", "đường dây", "tiểu đường", "bãi bỏ").
_PLACE_WRITTEN = re.compile(
    r"\b(?:tiệm|quán|quận|xưởng|phường|hẻm|ngõ|chợ|(?<!thợ )hồ(?! sơ)|ấp|sân|tổ \d+"
    r"|(?<!tiểu )đường(?! dây| huyết)|xã(?! hội)|bãi(?! bỏ))\b"
)
# A text typed without diacritics says nothing of which they are: there the folded words stand
# for the place where the words around them make it one, as "xuống", "tiêm", teencode "hem"
# ("không", read as such before this), "ngộ độc", "liên quan", "phương án" are far more often
# meant; never "cho", "ho", "duong", "xa".
_PLACE_BARE = re.compile(
    r"\b(?:(?<!lien )quan(?! tam| trong| he| ly| diem)|phuong(?! an| tien| phap| thuc)"
    r"|xuong (?:may|go|moc|in|gach|co khi|san xuat|che bien)|(?:dau|trong|cuoi) ngo|ngo \d+"
    r"|tiem (?:net|tap hoa|vang|toc|game|banh))\b"
)
# A positive or exposed person ...
_POSITIVE = r"(?:f0|f1|duong tinh|ca benh|ca moi|nguoi nhiem|dang cach ly|giay cach ly)"
# ... who goes about or mixes with others: a contact report.
_GOES_ABOUT = (
    r"(?:ra ngoai|ra duong|di cho|di lam|di dao|di choi|di lung tung|xuong sanh|ra vao|tron"
    r"|o chung|tiep xuc|ngoi nhau|van (?:ra |di )?(?:ban|chay|mo|lam)|khong khai bao|khong bao"
    r"|giau|van cho (?:di|chay|len xe|xuong xe))"
)
_CONTACT = re.compile(rf"\b{_POSITIVE}\b(?: \w+){{0,12}} {_GOES_ABOUT}\b")
# A positive person carried among others ("xe chở một khách đang dương tính"), as written: "chở"
# (carries) folds like "cho" (lets).
_CARRIED = re.compile(r"\bchở (?:\w+ ){0,3}(?:đang )?(?:f0|dương tính|ca bệnh|người nhiễm)\b")
# An employer, a seller or an office breaking the rules: a violation report whoever it is
# about. Money asked that should not be ("thu 150 nghìn", "lấy thêm 20k", "đòi 200 nghìn"),
# medicine sold without a prescription, tests without a label, wages cut for quarantine, support
# money withheld ("trừ của mỗi người 200 nghìn"), protective gear not given.
_AMOUNT = r"\d+(?:[.,]\d+)? ?(?:k|nghin|ngan|trieu|d|dong)\b"
_WRONGDOING = re.compile(
    rf"\b(?:(?:thu|lay them|doi|bat dong|bat nop|giu lai|khau tru|cat bot)(?: \w+){{0,4}} {_AMOUNT}"
    # protective gear withheld from the staff ("không cấp khẩu trang cho công nhân")
    r"|khong (?:phat|cap|trang bi|dua) (?:\w+ ){0,2}bao ho"
    r"|khong can don|khong (?:ro )?nguon goc|khong nhan mac|khong tem|test gia|hang gia"
    r"|tru luong|duoi viec|bat (?:\w+ ){0,4}(?:lam tiep|di lam|len ca)"
    # support handed out unfairly or skimmed ("phát quà chỉ cho người quen", "ăn chặn")
    r"|chi (?:phat |chia |cho )+(?:cho )?(?:nguoi quen|nguoi nha|ho hang|nguoi than))"
)
# Support skimmed, as written: folded, "ăn chặn" is also "dầu ăn, chân ...".
_SKIMMED = re.compile(r"\b(?:ăn chặn|ăn bớt|cắt xén|bớt xén|thiên vị)\b")
# What breaks the rules at the place itself: crowds, no masks, open when told to close, a wedding
# of more guests than allowed.
_AT_THE_PLACE = re.compile(
    r"\b(?:khong (?:ai )?deo khau trang|khong khau trang|tu tap|tum lai|tum tum|dong nghet"
    r"|dong nguoi|chen chuc|nhau nhet|van mo cua|mo cua (?:toi|den) khuya|mo xuyen dem"
    r"|van (?:ban|cho) (?:\w+ ){0,2}ngoi tai cho"
    # a wedding, a party or a funeral gathering more than the rules allow ("hơn 150 người")
    r"|(?:dam cuoi|dam gio|dam tiec|tiec|dam ma)(?: \w+){0,10}"
    r" (?:hon|tren|gan|ca) \d+ (?:khach|nguoi))\b"
)
# A rule named, not an event: "để khỏi chen chúc", "cấm tụ tập", "không được tụ tập", "hạn chế
# tụ tập" (the two words before what breaks the rules).
_RULE_NAMED = frozenset({"khoi", "tranh", "cam", "duoc", "che", "de", "neu", "viec"})
_TWO_WORDS = 24  # characters: one of those words and a syllable after it, with their spaces
# Asking or suggesting said inside the message, which `is_question` reads only at its opening
# ("tôi là ..., xin được hỏi ...", "góp ý: ... nên ...").
_ASKS = re.compile(r"\b(?:gop y|kien nghi|de xuat|de nghi)\b")
_ASKS_WRITTEN = re.compile(r"\b(?:hỏi|nên)\b")
# The asker's own status ("tôi là F0", "em đang F1"): a question about oneself, not a tip.
_ONESELF = re.compile(r"\b(?:toi|em|minh|tui|con|chau) (?:la|bi|dang|moi) " + _POSITIVE)
# Help asked for oneself ("xin hỗ trợ", "giúp tôi với", "mong được giúp đỡ"): the asker's own
# hardship, not a tip ("nhờ tổng đài xử lý giúp" asks the hotline to act on one, and stays).
_PLEA = re.compile(
    r"\b(?:xin (?:duoc )?(?:ho tro|giup)|giup (?:toi|em|minh|tui|chau|con)"
    r"|mong (?:duoc )?(?:ho tro|giup)|cuu (?:toi|em|minh|voi))\b"
)
# A clause in which the asker goes about ("con tôi F0 ở nhà, tôi vẫn đi chợ"): their own case.
_I_GO_ABOUT = re.compile(
    rf"^(?:toi|em|minh|tui)(?: (?:van|phai|cu|thi|cung|dang))* {_GOES_ABOUT}\b"
)
_CLAUSE = re.compile(r"[,.;:!?()\n]+")
# Someone passing for the hotline, an office or its staff ("có người mạo danh tổng đài 1022 gọi
# xin mã OTP", "giả danh cán bộ phường thu tiền"): a violation wherever it happens.
_IMPERSONATION = re.compile(
    r"\b(?:mao danh|gia danh|gia mao (?:la )?(?:can bo|nhan vien|cong an|tong dai|bac si)"
    r"|tu xung (?:la )?(?:can bo|nhan vien|cong an|tong dai|bac si))\b"
)
# What the model may have taken such a tip for; an emergency, a person asked for or a code
# looked up stay theirs.
_MISTAKEN_FOR = frozenset(
    {"ask_faq", "out_of_scope", "request_support", "health_consult", "feedback", "thank"}
)
FORMS = frozenset({"report_violation", "report_contact"})
# Sure enough for the router to start the form; below a report opener's 0.9.
TIP_CONFIDENCE = 0.8


@functools.lru_cache(maxsize=TEXTS_KEPT)
def tip_kind(text: str) -> str | None:
    """The report a tip told as an event is, or None: a place named, a violation named there,
    nothing asked, and not the asker's own status, plea or going about."""
    said = " ".join(words(text))
    written = nfc(text).lower()
    named = _PLACE_BARE if text.isascii() else _PLACE_WRITTEN
    place = _PLACE.search(said) or named.search(said if text.isascii() else written)
    asks = _ASKS.search(said) or _ASKS_WRITTEN.search(written)
    oneself = _ONESELF.search(said) or _PLEA.search(said)
    if _IMPERSONATION.search(said) and not asks and not is_question(text):
        return "report_violation"
    if not place or asks or oneself or is_question(text):
        return None
    if _WRONGDOING.search(said) or _SKIMMED.search(written):
        return "report_violation"
    if (_CONTACT.search(said) and not _goes_about_oneself(text)) or _CARRIED.search(written):
        return "report_contact"
    at_the_place = (m for m in _AT_THE_PLACE.finditer(said) if not _rule_named(said, m.start()))
    return "report_violation" if next(at_the_place, None) else None


def _goes_about_oneself(text: str) -> bool:
    """Whether a clause of `text` has the asker go about ("..., tôi vẫn đi làm")."""
    return any(_I_GO_ABOUT.match(" ".join(words(c))) for c in _CLAUSE.split(text))


def _rule_named(said: str, at: int) -> bool:
    """Whether the two words before `at` make what follows a rule ("để khỏi tụ tập"). Read in
    the few characters before it, not in all of `said`: a long text naming many rules ("cấm tụ
    tập" again and again) would split its whole beginning once a match."""
    start = max(0, at - _TWO_WORDS)
    before = said[start:at].split()
    if start and said[start - 1] != " ":
        before = before[1:]  # a word cut by the window
    return bool(_RULE_NAMED & set(before[-2:]))


def tipped(parse: ParseResult) -> ParseResult:
    """The parse itself, or for a tip told as an event that the model took for a question or
    small talk (or for the other report), that report, sure enough to start the form."""
    top = parse.intent
    if top.name not in _MISTAKEN_FOR and top.name not in FORMS:
        return parse
    kind = tip_kind(parse.text)
    if kind is None or (top.name == kind and top.confidence >= TIP_CONFIDENCE):
        return parse
    return parse.surely(kind, TIP_CONFIDENCE)
