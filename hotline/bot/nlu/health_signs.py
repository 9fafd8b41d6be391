"""What makes a question the health consultant's: a symptom, an illness or condition, a drug or a
reading of a person's body named in it.

"con sốt 39 độ", "mẹ tôi bị tiểu đường", "uống paracetamol được không", "SpO2 đo được 94": only a
person weighing that body can answer. A question that names none of them ("bé 13 tuổi tiêm ở
đâu", "đi khám bệnh thì phải làm sao", "nhà có đám tang, hàng xóm tới viếng có sao không") asks
where, when, how or what the rules are, which is the FAQ's even when the model, seeing a child, a
vaccine or a hospital, took it for the consultant's (`personal_health.consulted`).

Folding blurs some of these words: "ho" (a cough) is also "hỗ trợ", "hồ sơ" and "họ"; "đau"
(pain) is "đâu" (where) and "đầu" (head); "họng" (throat) is teencode "hông" (not); "mệt" is
"mét" (a metre); "ói" (to vomit) is "ơi". They count as written with their marks; in a text typed
without any diacritic they count folded too, since nothing tells them apart there.
"""

from __future__ import annotations

import re

from hotline.bot.nlu.normalize import fold, kept_by_text, nfc, words
from hotline.bot.nlu.questions import is_question

# Signs that fold onto no other common word, matched on folded words.
_SIGNS_FOLDED = re.compile(
    r"\b(?:sot|kho tho|tho (?:doc|gap|khong noi|met)|hut hoi|mat (?:vi giac|khuu giac|mui)"
    r"|tieu chay|buon non|non mua|so mui|nghet mui|chay mui|chong mat|nhuc dau|dau nhuc"
    r"|phat ban|noi man|ngua|tuc nguc|mat ngu|kho ngu|ngu khong duoc|lu lan|co giat|tim tai"
    r"|ngat|xiu|ret run|on lanh|viem|sung|chay mau|bam tim|tieu (?:it|ra mau)|hoi hop"
    r"|tim dap|nhip tim|huyet ap|duong huyet|spo2|oxy|chi so|nhiet do|\d+ do|do c"
    r"|benh (?:nen|man tinh|tim|phoi|gan|than|tieu duong|hen)|tieu duong|ung thu|hen suyen"
    r"|suy (?:tim|than|gan|ho hap)|dot quy|tai bien|lupus|dong kinh|tu mien|hiv|lao phoi"
    r"|di ung|soc phan ve|mang thai|co thai|mang bau|co bau|ba bau|cho con bu|say thai"
    r"|thu tinh|chuyen phoi|hau covid|rung toc|tram cam|lo au|cang thang"
    # a child's or an old person's warning signs ("bé li bì", "bỏ bú", "thở khò khè")
    r"|li bi|lu du|bo bu|bo an|hon me|me man|bat tinh|kho khe|tho rit|vang da|hoa mat|co rut"
    r"|thuoc|paracetamol|hapacol|efferalgan|panadol|molnupiravir|khang sinh|vitamin"
    r"|oresol|bu nuoc|xit|hit|khi dung|bi (?:benh|mac benh|covid|f0|nhiem|duong tinh)"
    # a body's history or a lasting condition told
    r"|bam sinh|tien su|hoi chung|liet|mo (?:tim|ruot|than|gan|da day|thay|xong|lay)|vua mo"
    r"|moi mo|sau mo|xo gan|gan nhiem mo|tu ky|tang dong|alzheimer|parkinson|dementia)\b"
)
# Signs whose folded spelling is also another word, matched on the words as written.
_SIGNS_WRITTEN = re.compile(
    r"\b(?:ho|đau|họng|mệt|ói|nôn|đuối|yếu|khàn|đờm|đàm|nóng|lẫn|hen|mổ|trĩ|gút|kinh nguyệt)\b"
)
# Their folded spellings, matched in a text typed without diacritics.
_SIGNS_UNMARKED = re.compile(
    r"\b(?:ho|dau|hong|met|oi|non|duoi|yeu|khan|dom|dam|nong|lan|hen|mo|tri|gut|kinh nguyet)\b"
)
_WORD = re.compile(r"[^\W_]+")


@kept_by_text
def names_sign(text: str) -> bool:
    """True for a text naming a symptom, an illness or condition, a drug or a body reading."""
    if _SIGNS_FOLDED.search(" ".join(words(text))):
        return True
    written = " ".join(_WORD.findall(nfc(text).lower()))
    if _SIGNS_WRITTEN.search(written):
        return True
    unmarked = fold(written) == written
    return unmarked and bool(_SIGNS_UNMARKED.search(written))


# What the FAQ answers: where, when, what it costs or pays, who signs or organises, what to do or
# file ("bé 13 tuổi tiêm ở đâu", "xã có chi tiền lo đám không", "đi khám thì phải làm sao").
_FAQ_ASKS = re.compile(
    r"\b(?:o dau|cho nao|noi nao|khi nao|bao gio|luc nao|(?:phai |thi )?lam sao|thi sao"
    r"|thu tuc|giay (?:to|gi)|dang ky|to chuc|ai ky|ai (?:lo|chiu|tra)|bao nhieu tien"
    r"|chi tien|mat tien|ton tien|mien phi|ho tro|tro cap|bi mat|lien he)\b"
)


def asks_rules(text: str) -> bool:
    """True for a question of where, when, what to file or what it costs that names no symptom,
    condition, drug nor body reading (`names_sign`): the FAQ's, not the consultant's."""
    if not _FAQ_ASKS.search(" ".join(words(text))) or names_sign(text):
        return False
    return is_question(text)


# A child or a pupil by age or grade ("bé 13 tuổi", "tụi em 17 tuổi", "lớp 12A1", "con tôi").
_CHILD = re.compile(
    r"\b(?:(?:[1-9]|1[0-7]) tuoi|be|tre em|tre|con (?:toi|tui|em|minh)|hoc sinh|lop \d+)\b"
)
_DOSE = re.compile(r"\b(?:tiem|chich|vac xin|vaccine|vacxin)\b")
# "chích thuốc" and "tiêm thuốc covid" name the dose itself, not a drug the child takes.
_DOSE_AS_DRUG = re.compile(r"(?<!\w)(tiêm|chích|tiem|chich) thuốc|(?<!\w)(tiem|chich) thuoc", re.I)
# Something the child has ("cháu bị down", "bé bị tim bẩm sinh"): the consultant's.
_AILING = re.compile(r"\bbi\b")


def asks_child_dose(text: str) -> bool:
    """True for a child's or a pupil's dose asked (whether, where, with whom) naming no sign of
    illness nor anything the child has: the FAQ's (`tiem-cho-tre-em`), not the consultant's."""
    said = " ".join(words(text))
    if not (_CHILD.search(said) and _DOSE.search(said)) or _AILING.search(said):
        return False
    return not names_sign(_DOSE_AS_DRUG.sub("tiêm", text)) and is_question(text)
