"""Questions that pass the time rather than ask the hotline anything: a recipe, the bot's own
age or love life, a sum to work out, a match's score, a fortune told.

"chỉ cách kho cá lóc", "bot bao nhiêu tuổi rồi", "ad có người yêu chưa", "12 nhân 7 bằng mấy",
"tối qua Việt Nam thắng hay thua": put as questions, they read like the FAQ's to the model, and
an unsure small-talk parse goes the FAQ's way. They are small talk (`off_topic.set_aside`), told
what the hotline does. Told together with the epidemic, a remedy or its rules ("cách nấu nước
xông cho F0", "bot ơi người bao nhiêu tuổi được tiêm mũi 4", "xem bóng đá ở quán có bị phạt
không") they stay the FAQ's or the consultant's.
"""

from __future__ import annotations

import re

from hotline.bot.nlu.normalize import fold, kept_by_text, nfc, words

# Cooking: a cooking verb after "how" or "show me", before a dish; pickling named by what is
# pickled ("muối dưa", never "nước muối"). In English, cooking and recipes. "hấp thụ" absorbs.
_RECIPE = re.compile(
    r"\b(?:cach|chi|day|huong dan) (?:[a-z]+ )?(?P<verb>nau|kho|chien|xao|nuong|ham|luoc"
    r"|hap(?! thu)|muoi (?:dua|ca|cai|hanh|kim chi|trung))\b"
    r"|\b(?:how (?:do i |to |can i )?(?:cook|bake|make)|recipe)\b"
)
# The cooking verbs as written: folded, "chỉ" is also "chị" and "kho" also "khó" ("chị khó thở",
# "chị khó ngủ thì uống gì"), so in a text typed with diacritics the verb counts as written.
_COOKING = {
    "nau": "nấu",
    "kho": "kho",
    "chien": "chiên",
    "xao": "xào",
    "nuong": "nướng",
    "ham": "hầm",
    "luoc": "luộc",
    "hap": "hấp",
    "muoi": "muối",
}
_WRITTEN = re.compile(r"\w+")
# Remedies boiled or steamed at home, and the epidemic: then the question is about health.
_REMEDY = re.compile(
    r"\b(?:xong|thuoc|tri|chua|giai cam|ho|sot|benh|f0|f1|covid|dich|cach ly|remedy|medicine)\b"
)
# The bot asked about itself: its age, whether it has a partner or a family once it is named,
# or teased for having none ("bot ế hả") at the message's end ("ad e hỏi xíu" asks).
_THE_BOT = r"(?:bot|ad|admin|tong dai vien)"
_ITS_AGE = re.compile(
    rf"\b{_THE_BOT}(?: oi)?(?: {_THE_BOT})? (?:nam nay )?(?:bao nhieu|may) tuoi\b"
)
_NAMED = re.compile(rf"\b{_THE_BOT}\b")
# Looked for after the bot is named, not with ".*" from each name: quadratic on a name repeated.
_ITS_OWN = re.compile(
    rf"\bco (?:bo|nguoi yeu|ny|gia dinh|vo|chong) chua\b|\b{_THE_BOT} e(?: ha| a| roi)?$"
    # or asked out ("bot ế hả, tối nay đi karaoke với tui hông")
    r"|\b(?:di|ra) (?:karaoke|nhau|choi|an|uong|ca phe|cafe|xem phim|hat|du lich|hen ho)"
    r"(?: [a-z]+){0,2} voi (?:tui|em|anh|minh|toi|tao|chi)\b"
)
# A sum to work out: two numbers with an operation and "how much" ("15 nhân 23 bằng mấy").
_SUM = re.compile(r"\b\d+ (?:nhan|cong|tru|chia|x) \d+ (?:bang|la) (?:may|bao nhieu)\b")
# A match's result asked.
_SCORE = re.compile(r"\b(?:thang hay thua|ti so (?:tran|may)|ket qua tran|ai vo dich)\b")
# Fortune told: ages matched for a wedding, a horoscope, a lucky day ("xem tuổi cưới ... có hợp
# không", "coi ngày tốt khai trương").
_FORTUNE = re.compile(
    r"\b(?:xem tuoi|coi tuoi|hop tuoi|xem boi|coi boi|boi bai|tu vi|phong thuy|cung hoang dao"
    r"|(?:xem|coi) ngay (?:tot|dep)|ngay (?:tot|dep) (?:de )?(?:cuoi|khai truong|dong tho))\b"
)
# The epidemic's words and its rules: with them, the question may be the FAQ's after all.
_EPIDEMIC = re.compile(
    r"\b(?:covid|dich|f0|f1|cach ly|gian cach|tiem|chich|vac xin|vaccine|mui|xet nghiem|test"
    r"|ho tro|phat|tu tap|cam|duoc phep)\b"
)


@kept_by_text  # asked by `epidemic_terms` and `off_topic` of the same text
def chit_chat(text: str) -> bool:
    """True for a question that only passes the time: a recipe, the bot's own life, a sum, a
    match's score, a fortune; not when the epidemic, a remedy or a rule is named with it."""
    said = " ".join(words(text))
    if _EPIDEMIC.search(said):
        return False
    recipe = _RECIPE.search(said)
    if recipe:
        return _cooked(text, recipe["verb"]) and not _REMEDY.search(said)
    return _its_own_life(said) or any(p.search(said) for p in (_SUM, _SCORE, _FORTUNE))


def _cooked(text: str, verb: str | None) -> bool:
    """Whether the recipe's verb (folded; None in English) is written as cooking in `text`, or
    without diacritics."""
    if verb is None:
        return True
    verb = verb.split()[0]  # "muoi dua": the verb
    written = [w for w in _WRITTEN.findall(nfc(text).lower()) if fold(w) == verb]
    return not written or any(w in (verb, _COOKING[verb]) for w in written)


def _its_own_life(said: str) -> bool:
    if _ITS_AGE.search(said):
        return True
    named = _NAMED.search(said)
    return named is not None and _ITS_OWN.search(said, named.start()) is not None
