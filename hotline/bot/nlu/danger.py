"""A net for emergencies the classifiers miss: a danger sign happening now is an emergency.

For a government hotline a missed emergency is the worst miss, and the emergency intent is
learnt only by the classifiers, which see few ways of telling one. So, whatever they say, a
message that names a danger sign (not breathing, unconscious, a seizure, heavy bleeding, an
accident with injuries, fire, drowning, poisoning, suicide or violence, a baby or an old person in
acute danger) together with a sign that it is happening now or needs help at once ("đang",
"bây giờ", "cứu", "gấp", "nhanh lên", "không tỉnh") is an emergency. A question about the rules
("nếu bị khó thở thì gọi số nào") and a history for the health consultant ("hồi tháng trước tôi
bị co giật, tiêm được không") are not. A false alarm costs little: the emergency reply still helps
(call 115, a person is alerted), but not to the hardship or violation report it takes the place
of. Everything is matched on folded words (`normalize`), so it holds with or without diacritics
and in teencode; a phrase that folds into everyday words counts only where the message does not
write it as those words (`MARKED`).
"""

from __future__ import annotations

import functools
import re

from hotline.bot.nlu.base import ParseResult
from hotline.bot.nlu.normalize import fold, nfc, normalize
from hotline.bot.nlu.questions import is_question

# The parse's confidence when the net fires: above the router's EMERGENCY_INTERRUPT (0.8), so an
# emergency told in the middle of a form interrupts it.
DANGER_CONFIDENCE = 0.95

# Danger signs, in folded words. Ambiguous once folded, and so left out: "cháy" alone ("chạy",
# to run), "sập" ("sắp", soon), "khói" ("khỏi", recovered), "máu" alone ("mau", quickly), "xỉu"
# alone ("xíu", a little), "tự tử" alone ("từ từ", slowly), "không tỉnh" alone ("không tính").
SIGNS = (
    # breathing
    "ngung tho", "tat tho", "khong tho", "het tho", "tho khong duoc", "tho khong noi",
    "khong the tho", "tho doc", "ngat tho", "tim tai", "tim ngat", "tim moi", "moi tim", "kho tho",
    "tho met", "tho rat met", "tho hon hen",
    # consciousness
    "bat tinh", "ngat xiu", "xiu roi", "bi xiu", "xiu ngang", "hon me", "khong tinh lai",
    "khong tinh day", "khong con tinh", "chua tinh lai", "van chua tinh", "van khong tinh",
    "mat y thuc", "li bi", "lim di", "goi khong day", "lay khong day", "bat dong",
    "goi khong tinh", "keu khong tinh", "lay khong tinh", "khong goi tinh", "khong keu tinh",
    "khong lay tinh",
    # seizures
    "co giat", "len con", "dong kinh", "giat kinh", "sui bot mep", "tron mat",
    # bleeding and wounds
    "chay mau", "mat mau", "mau chay", "ra mau nhieu", "be mau", "bi dam", "bi chem",
    "bi thuong", "gay chan", "gay tay", "vo dau",
    # accidents
    "tai nan", "dung xe", "tong xe", "xe tong", "xe dung", "lat xe", "nga xe", "te xe",
    "dien giat", "giat dien", "nga giao", "roi tu tren", "te tu", "nga tu tren", "nha sap",
    "bi sap", "sap gian",
    # heart and stroke
    "dot quy", "dau nguc", "dau that nguc", "nhoi mau", "meo mieng", "liet nua nguoi",
    # fire
    "hoa hoan", "chay nha", "nha chay", "bi chay", "boc chay", "chay lon", "chay du",
    "ngon lua", "lua chay", "no gas", "no binh gas", "phat no",
    # drowning (falling into water: `_IN_WATER`)
    "duoi nuoc", "chet duoi", "bi duoi", "dang duoi", "khong biet boi",
    # poisoning and bites
    "ngo doc", "thuoc tru sau", "thuoc chuot", "uong nham", "an nham", "ran can",
    "uong thuoc ngu",
    # suicide and violence
    "muon tu tu", "doi tu tu", "dinh tu tu", "doa tu tu", "tu tu roi", "tu sat", "muon chet",
    "khong muon song", "nhay cau", "nhay lau", "treo co", "cat co tay", "rach tay", "giet nguoi",
    "doa giet", "giet chet", "cam dao", "danh dap", "bi danh",
    # childbirth
    "vo oi", "chuyen da",
    # in English, which the training data hardly holds
    "can t breathe", "cannot breathe", "can not breathe", "not breathing", "stopped breathing",
    "lips are blue", "blue lips", "unconscious", "passed out", "seizure", "bleeding heavily",
    "chest pain", "overdose", "collapsed", "fainted", "not responding", "unresponsive",
    "heart attack", "having a stroke", "drowning", "on fire", "kill myself", "kill herself",
    "kill himself", "suicide", "hit by a car", "car accident", "bleeding a lot",
)  # fmt: skip

# Signs that are happening when told as an event, with no word for "now": "có người bất tỉnh
# trước cổng công ty". Two different signs (an accident and bleeding) count as one of these.
STRONG = (
    "ngung tho", "tat tho", "khong tho duoc", "tho khong duoc", "tho khong noi", "tim tai",
    "bat tinh", "ngat xiu", "xiu roi", "hon me", "khong tinh lai", "khong con tinh",
    "van chua tinh", "van khong tinh", "mat y thuc", "goi khong day", "lay khong day",
    "khong goi tinh", "khong keu tinh", "khong lay tinh",
    "nam bat dong", "sui bot mep", "chay mau nhieu", "mat mau nhieu", "chay mau rat nhieu",
    "hoa hoan", "chay nha", "nha chay", "boc chay", "chet duoi", "dang duoi", "ngo doc",
    "tu sat", "muon tu tu", "dinh tu tu", "doa tu tu", "nhay cau", "treo co", "cat co tay",
    "doa giet", "cam dao", "dang co giat", "dang len con",
    "not breathing", "stopped breathing", "lips are blue", "unconscious", "collapsed",
    "fainted", "not responding", "unresponsive", "drowning", "on fire", "kill myself",
    "kill herself", "kill himself",
)  # fmt: skip

# It is happening now.
NOW = (
    "dang", "bay gio", "luc nay", "hien gio", "vua bi", "vua moi", "vua xay ra", "tu sang",
    "tu chieu", "tu toi", "tu dem", "tu nay", "khong tinh lai", "khong tinh day",
    "khong con tinh",
)  # fmt: skip

# Help is wanted at once.
URGENT = (
    "cuu", "cap cuu", "khan cap", "gap gap", "can gap", "rat gap", "gap qua", "giup gap",
    "giup voi", "giup em", "giup toi", "giup minh", "giup con", "giup chau", "mau len",
    "mau toi", "mau den", "nhanh len", "nhanh giup", "nhanh toi", "toi lien", "den lien",
    "toi ngay", "den ngay", "lien di", "115", "114", "113", "sos", "help", "lam sao bay gio",
    "lam sao gio", "khong ai toi", "khong ai den", "chua ai toi", "chua ai den",
    "hurry", "ambulance", "right now", "emergency",
)  # fmt: skip

# "GẤP:" written with its mark is urgent; folded it is also "gặp" (to meet), and "gấp đôi" is
# twofold, so it counts only as written and not before a number.
_HURRIED = re.compile(
    r"(?<!\w)gấp(?!\w)(?! (?:đôi|ba|bốn|năm|sáu|bảy|tám|chín|mười|rưỡi|mấy|nhiều|lần|\d))"
)
# A sign felt so much that it is felt now: "khó thở quá", "mệt lắm", with their marks (folded,
# "qua" is also "qua đêm" and "lam" "làm").
FELT = ("quá", "lắm", "qúa")

# "làm sao ra được đây", "giờ tính sao đây": what to do now, asked in distress, is a call for help.
_DISTRESS = re.compile(r" (?:lam sao|tinh sao|lam gi|the nao)(?: [a-z0-9]+){0,4} day $")

# A question about the rules or a hypothetical: not happening.
IF = (
    "neu", "gia su", "truong hop", "lo nhu", "lo ma", "phong khi", "de phong", "khi nao",
    "dau hieu", "trieu chung", "quy dinh", "so cuu", "the nao la", "phai lam gi khi",
    "goi so nao", "so may", "so nao", "if", "what to do", "what should", "when should",
    "symptoms", "signs of",
)  # fmt: skip

# A history for the health consultant: not happening. Not "ngày trước" nor "năm trước": folded,
# they are also "ngay trước" (right in front of) and "nằm trước" (lying in front of).
PAST = (
    "hoi truoc", "hoi thang", "hoi nam", "hoi nho", "hoi do", "thang truoc", "tuan truoc",
    "nam ngoai", "nam roi", "thang roi", "truoc day", "truoc kia", "luc truoc",
    "hom truoc", "lan truoc", "dot truoc", "da tung", "tung bi", "tien su",
    "tien can", "ngay xua", "tu nho", "tu be", "tu hoi", "last year", "last month", "years ago",
    "used to", "history of",
)  # fmt: skip

# A question naming a vaccine or an underlying illness asks whether one may be vaccinated or
# treated: the health consultant's, even when it names a sign ("động kinh ... tiêm có sao không").
_VACCINE = re.compile(r" (tiem|vaccine|vac xin|vacxin|vaxin|benh nen|mui \d) ")
# Fallen into water: "té xuống kênh", "rớt xuống ao".
_IN_WATER = re.compile(
    r" (roi|rot|te|nga|nhay) (xuong )?(ao|ho|song|kenh|muong|gieng|suoi|bien|ho boi|rach) "
)
_WORD = re.compile(r"[^\W_]+")
# Blood oxygen below this is a danger sign of its own ("SpO2 còn 88", "SpO2 dưới 94").
OXYGEN_LOW = 94
_OXYGEN = re.compile(r" (?:spo2|oxy|o2)(?: [a-z]+){0,4}? (duoi )?(\d{2}) ")


# Everyday words that hold a sign, marks and all: "bất động sản" (real estate) is not "bất động",
# "bị đánh giá" (assessed) not "bị đánh". Taken out of the text before anything is matched.
EVERYDAY = ("bat dong san", "bi danh gia", "bi danh dau", "bi danh so", "bi danh thue")

# Signs and words of "now" or of urgency that fold into everyday words: where the message writes
# them with other marks they are those words ("bị đuổi việc" is not "bị đuối", "tìm tài xế" not
# "tím tái", "treo cờ" not "treo cổ", "đăng ký" not "đang", "đến ngày" not "đến ngay", "cần gặp"
# not "cần gấp"). Written without marks, or reached through teencode, they count as before.
MARKED = {
    "bi duoi": "bị đuối", "dang duoi": "đang đuối", "duoi nuoc": "đuối nước",
    "tim tai": "tím tái", "tim moi": "tím môi", "moi tim": "môi tím", "treo co": "treo cổ",
    "vo dau": "vỡ đầu",
    "xe dung": "xe đụng", "dung xe": "đụng xe", "nha sap": "nhà sập", "bi sap": "bị sập",
    "chuyen da": "chuyển dạ", "vo oi": "vỡ ối", "chay nha": "cháy nhà", "nha chay": "nhà cháy",
    "bi chay": "bị cháy", "chay mau": "chảy máu", "mau chay": "máu chảy", "mat mau": "mất máu",
    "co giat": "co giật", "dang": "đang", "cuu": "cứu", "den ngay": "đến ngay",
    "toi ngay": "tới ngay", "toi lien": "tới liền", "mau toi": "mau tới", "mau den": "mau đến",
    # can't be woken, not "gọi không tính phí" (a call free of charge)
    "goi khong tinh": "gọi không tỉnh", "keu khong tinh": "kêu không tỉnh",
    "lay khong tinh": "lay không tỉnh", "khong goi tinh": "không gọi tỉnh",
    "khong keu tinh": "không kêu tỉnh", "khong lay tinh": "không lay tỉnh",
    "can gap": "cần gấp", "giup gap": "giúp gấp",
}  # fmt: skip


# The text's words as written, lower case, each with its folded form.
Written = list[tuple[str, str]]


def _says(said: str, phrases: tuple[str, ...], written: Written | None = None) -> bool:
    return any(_said(said, phrase, written or []) for phrase in _present(said, phrases))


def _present(said: str, phrases: tuple[str, ...]) -> list[str]:
    """The phrases found in `said` as `_said` looks for them, in their order: a substring
    test per phrase, without a call and a string built per phrase (~200 a message)."""
    return [phrase for padded, phrase in _padded(phrases) if padded in said]


@functools.cache
def _padded(phrases: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    return tuple((f" {phrase} ", phrase) for phrase in phrases)


def _said(said: str, phrase: str, written: Written) -> bool:
    """Whether `phrase` is in the folded text `said`, and, for a phrase that folds into everyday
    words (`MARKED`), not only as those words in the text as `written`."""
    if f" {phrase} " not in said:
        return False
    marked = MARKED.get(phrase)
    if marked is None:
        return True
    folded, spelt = phrase.split(), marked.split()
    size, elsewhere = len(folded), False
    for start in range(len(written) - size + 1):
        window = written[start : start + size]
        if [f for _, f in window] != folded:
            continue
        if all(w in (f, m) for (w, f), m in zip(window, spelt, strict=True)):
            return True
        elsewhere = True
    return not elsewhere  # reached only through teencode ("đg" for "đang"): counted


def in_danger(text: str) -> bool:
    """True when the message tells of a danger sign happening now, not a question or a past."""
    said = f" {normalize(text)} "
    for phrase in EVERYDAY:  # "|" keeps the words either side from making a phrase of their own
        said = said.replace(f" {phrase} ", " | ")
    written = [(w, fold(w)) for w in _WORD.findall(nfc(text).lower())]
    # "có dấu hiệu sốt" tells what is seen; "dấu hiệu nào", "dấu hiệu gì" ask (`IF`).
    said = said.replace(" co dau hieu ", " co ")
    if _says(said, IF) or _says(said, PAST):
        return False
    asks = is_question(text)
    if _VACCINE.search(said) and asks:
        return False  # whether one may be vaccinated with a condition: the consultant's
    signed = [sign for sign in _present(said, SIGNS) if _said(said, sign, written)]
    now = _says(said, NOW, written) or _felt(signed, written)
    urgent = _says(said, URGENT, written) or bool(_DISTRESS.search(said))
    urgent = urgent or bool(_HURRIED.search(nfc(text).lower()))
    signs = len(signed)
    if _says(said, STRONG, written) or _oxygen_low(said) or _IN_WATER.search(said) or signs > 1:
        # Told as an event ("có người bất tỉnh trước cổng công ty"), it is happening; so is a
        # strong sign come about ("ông tôi bất tỉnh rồi, chuẩn bị gì").
        come_about = any(f" {sign} roi " in said for sign in STRONG if f" {sign} " in said)
        return now or urgent or come_about or not asks
    # "Mẹ đang thở hổn hển thì có cần vô viện không" asks; "đang khó thở, cứu với" does not.
    return signs > 0 and (urgent or (now and not asks))


def _felt(signs: list[str], written: Written) -> bool:
    """Whether one of `signs` is written right before "quá" or "lắm": felt now."""
    folds = [f for _, f in written]
    for sign in signs:
        words = sign.split()
        for start in range(len(folds) - len(words)):
            if folds[start : start + len(words)] == words and (
                written[start + len(words)][0] in FELT
            ):
                return True
    return False


def _oxygen_low(said: str) -> bool:
    """A reading below OXYGEN_LOW, or "dưới" it ("SpO2 dưới 94")."""
    return any(
        int(m.group(2)) < OXYGEN_LOW + (m.group(1) is not None) for m in _OXYGEN.finditer(said)
    )


def escalated(parse: ParseResult) -> ParseResult:
    """The parse itself, or, for a message in danger, an emergency sure enough to interrupt."""
    intent = parse.intent
    if intent.name == "emergency" and intent.confidence >= DANGER_CONFIDENCE:
        return parse
    if not in_danger(parse.text):
        return parse
    return parse.surely("emergency", DANGER_CONFIDENCE)
