"""Thanks as citizens say them beyond the chat's words: in another language ("arigatou",
"kamsahamida", "merci"), with a blessing ("A Di Đà Phật, đa tạ quý tổng đài", "cảm ơn tổng
đài, Chúa ban phước"), and followed by what the writer will do next ("cảm ơn nha, để tui nói
lại với bà con", "ok để em chụp màn hình lại").

Settled by rule (`rules.rule_parse`) like the chat's thanks (`acknowledgements.thanks_alone`).
A message is thanks only when every clause of it is thanks, an acknowledgement, praise of the
answer or a blessing, with one clause of thanks at least, or when an acknowledgement or thanks
opens it and a short plan of the writer's own closes it; anything asked, told or reported more
is left to the model. A blessing alone ("A Di Đà Phật", "chúc ngủ ngon") is no thanks: it greets
or says goodbye.
"""

from __future__ import annotations

import re

from hotline.bot.nlu.acknowledgements import acknowledges, thanks_alone
from hotline.bot.nlu.normalize import kept_by_text, words
from hotline.bot.nlu.questions import is_question

# Where a message is cut into clauses; "?" is no cut, a message asking is never thanks.
_CLAUSE = re.compile(r"[,.;:!…\n]+|\s[-–]\s")
# The hotline addressed ("quý tổng đài", "bạn bot", "mấy đứa trực máy", "1022").
_HOTLINE = (
    r"(?:(?:quy |cac |may )?(?:tong dai|co quan|ban|ban bot|bot|ad|admin|anh chi|co chu|"
    r"anh|chi|em|co|chu|bac|chau|con|dua|nguoi|moi nguoi|bro)(?: truc(?: may| tong dai| dem)?)?"
    r"(?: 1022)?|1022)"
)
# Thanks in Vietnamese of every register and in the languages citizens mix in, as they fold.
_THANKS_WORDS = (
    r"(?:cam on|cam ta|da ta|ta on|doi on|tri an|thanks?(?: you| u)?|thx|tks|ty|tysm"
    r"|arigato(?:u)?(?: gozaimasu)?|(?:kam|gam)sa(?:ham(?:n)?ida)?|(?:ko|go)mawo"
    r"|xie ?xie|merci(?: beaucoup)?|danke(?: schon)?|gracias|obrigad[oa]|terima kasih|spasibo)"
)
_WHO = r"(?:(?:xin|rat|da|vang|con|em|e|toi|tui|minh|chau|ba|ong|anh|chi|co|chu) ){0,3}"
_MORE = r"(?: (?:nhieu|rat nhieu|lam|nhe|nha|a|nghen|nhen|ne|a lot|so much|very much|lot|phat))*"
_THANKS = re.compile(rf"{_WHO}{_THANKS_WORDS}{_MORE}(?: {_HOTLINE})?{_MORE}")
# Blessings and wishes said with thanks: Buddhist, Catholic and Protestant, and good health.
_BLESSING = re.compile(
    r"(?:nam mo )?a di da phat|mo phat|a ?men|god bless(?: you| u)?|bless you|thank god"
    r"|praise the lord"
    r"|(?:xin |cau )?(?:chua|phat|troi phat|on tren) (?:ban phuoc|phu ho|chuc lanh|thuong)"
    rf"(?: (?:cho )?{_HOTLINE})?"
    r"|(?:binh an|hong an) cua chua (?:o cung|den voi|cho) .{0,30}"
    rf"|(?:kinh )?chuc(?: {_HOTLINE})?(?: (?:nhieu|luon|doi dao))*"
    r" (?:suc khoe|khoe|binh an|may man)"
    r"(?: (?:nhieu|luon|doi dao|nha|nhe|a))*"
)
# The answer praised ("thông tin rõ ràng quá", "bot chạy ngon phết", "vậy ổn áp"), and how fast
# it came ("trả lời nhanh ghê", "trả lời rất nhanh"): quick only with "rất"/"quá" or a word that
# feels it, since "trả lời nhanh nha" asks to hurry.
_PRAISE_WORDS = (
    r"(?:rat |qua )?(?:ro rang|de hieu|chi tiet|huu ich|day du|chinh xac|tan tinh|nhiet tinh"
    r"|tuyet voi|hay|ngon|chuan|on ap)"
)
_ANSWERED = (
    r"(?:(?:(?:bot|tong dai) )?(?:thong tin|huong dan|cau tra loi|tra loi|phan hoi|rep)"
    r"|bot(?: chay)?)"
)
_FELT = r"(?:qua|lam|ghe|that|thiet|phet)"
_SPEED = r"(?:nhanh gon|nhanh|le|mau|kip thoi)"
_PRAISE = re.compile(
    rf"(?:(?:(?:{_ANSWERED}|vay) )?{_PRAISE_WORDS}"
    rf"|{_ANSWERED} (?:(?:rat|qua) {_SPEED}|{_SPEED}(?: {_FELT})+))"
    rf"(?: (?:{_FELT}|ha|nha|a))*"
)
# The answer itself named in praise that is felt ("trả lời mau quá", "thông tin rõ ràng quá"):
# praise alone is thanks then; "trả lời chính xác nha" asks for an exact answer.
_ANSWER_NAMED = re.compile(rf"^{_ANSWERED} ")
_FELT_PRAISE = re.compile(rf"\b(?:rat|{_FELT})\b")
# Relief said after the answer ("vậy là tui đỡ lo", "em yên tâm rồi").
_RELIEF = re.compile(
    r"(?:(?:vay|the|nhu vay|nghe vay) )?(?:la )?(?:(?:toi|tui|em|e|minh|con|chau) )?(?:da )?"
    r"(?:an tam|yen tam|yen long|nhe nguoi|nhe long|do lo|bot lo)"
    r"(?: (?:roi|hon|duoc|qua|lam|nhieu))*(?: (?:a|nha|nhe))*"
)
# What the writer had thought before the answer, said after understanding it ("à ra vậy, tui
# tưởng phải lên huyện"): no question, the answer corrected a belief.
_THOUGHT = re.compile(r"(?:(?:vay|the) )?(?:(?:toi|tui|em|e|minh|con|chau) )?(?:cu |con )?tuong ")
# What the belief is set against: a complaint that it did not come true ("mà sao chưa có").
_BUT = re.compile(r"\b(?:ma|nhung|sao|chua)\b")
# A plan of the writer's own closing the thanks: "để (mai) (tôi) lên phường", "để tối về tui coi
# lại", "em lưu lại". Who and when may come before the deed, in any order.
_WHO_AND_WHEN = frozenset(
    "toi tui em e minh chau con ong ba anh chi co chu bac me ma cha bo vo chong "
    "mai chieu sang trua lat ti xiu chut nua ve roi".split()
)
_DEEDS = frozenset(
    "xem coi doc noi luu ghi chup lam len ra di hoi thu tinh suy chia gui chuyen nhan "
    "kiem tim dang tai nghe ghe".split()
)
# What the writer keeps or passes on without a "để" ("em lưu lại gửi khách").
_KEPT = frozenset("luu ghi chup xem coi doc chia".split())
_PLAN_LONGEST = 12
# Thanks with a blessing and a plan is a few words; a longer message tells more than thanks (and
# the clause patterns, read whole, stay linear on it).
_LONGEST = 30
_LONGEST_TYPED = 12 * _LONGEST  # characters: a longer text is never folded to be counted


def _is_thanks(said: str) -> bool:
    return _THANKS.fullmatch(said) is not None


def _is_courtesy(said: str) -> bool:
    return (
        _is_thanks(said)
        or acknowledges(said)
        or _BLESSING.fullmatch(said) is not None
        or _PRAISE.fullmatch(said) is not None
        or _RELIEF.fullmatch(said) is not None
    )


def _is_praise(said: str) -> bool:
    return _PRAISE.fullmatch(said) is not None


def _praised(said: str) -> bool:
    """An acknowledgement and praise of the answer said as one ("👍👍 hay quá", "ok rõ ràng"),
    or thanks and relief ("vâng 🙏 thế là yên tâm rồi")."""
    parts = said.split()
    return any(
        (_is_praise(" ".join(parts[at:])) and acknowledges(" ".join(parts[:at])))
        or (_RELIEF.fullmatch(" ".join(parts[at:])) and _is_thanks(" ".join(parts[:at])))
        for at in range(1, len(parts))
    )


def _is_plan(said: list[str]) -> bool:
    """A short plan of the writer's own: "(vậy) để mai tôi lên phường", "em lưu lại gửi khách"."""
    if not said or len(said) > _PLAN_LONGEST:
        return False
    at = 1 if said[0] in ("vay", "thoi", "roi", "vang") else 0
    if said[at : at + 1] == ["de"]:
        at += 1
        while at < len(said) and at < 6 and said[at] in _WHO_AND_WHEN:
            at += 1
        return at < len(said) and said[at] in _DEEDS
    return len(said) > at + 1 and said[at] in _WHO_AND_WHEN and said[at + 1] in _KEPT


@kept_by_text
def thanked(text: str) -> bool:
    """True for thanks said in more than the chat's words: each clause thanks, acknowledges,
    praises or blesses, one of them thanks; or thanks or an acknowledgement closed by a plan."""
    if "?" in text or len(text) > _LONGEST_TYPED or len(words(text)) > _LONGEST:
        return False
    if is_question(text):
        return False
    clauses = [said for said in (" ".join(words(c)) for c in _CLAUSE.split(text)) if said]
    if not clauses or len(clauses) > 4:
        return False
    if all(_is_courtesy(c) or _praised(c) for c in clauses) and (
        any(_is_thanks(c) or _praised(c) for c in clauses)
        or (any(acknowledges(c) for c in clauses) and any(_is_praise(c) for c in clauses))
        or (
            all(_is_praise(c) for c in clauses)
            and any(_ANSWER_NAMED.match(c) and _FELT_PRAISE.search(c) for c in clauses)
        )
    ):
        return True
    if len(clauses) > 1 and all(acknowledges(c) for c in clauses[:-1]):
        # "à ra vậy, tui tưởng phải lên huyện"; not "dạ, em tưởng được ... mà sao chưa có"
        if _THOUGHT.match(clauses[-1]) and not _BUT.search(clauses[-1]):
            return True
    *opening, last = clauses
    if not opening:  # "oke để e chụp màn hình lại": the plan after the first words
        said = last.split()
        cut = said.index("de") if "de" in said else 0
        opening, last = [" ".join(said[:cut])], " ".join(said[cut:])
    courteous = all(o and _is_courtesy(o) for o in opening)
    thanked_first = any(_is_thanks(o) or acknowledges(o) or thanks_alone(o) for o in opening)
    return courteous and thanked_first and _is_plan(last.split())


# Thanks to others than the hotline for what they did ("cảm ơn tổ covid khu phố 5 đã mang thuốc
# tới", "xin cảm ơn các anh chị trạm y tế phường đã hỗ trợ gia đình tôi"): praise of a team or an
# office, which the hotline records as feedback, not thanks for its answer.
_OTHERS_THANKED = re.compile(
    r"^(?:(?:xin|chan thanh|rat|toi|tui|em|minh|gia dinh toi|ca nha toi|chung toi) )*"
    r"(?:cam on|biet on|tri an) (?:(?:cac|may|quy|tat ca) )?"
    r"(?:(?:ban|anh chi|anh em|anh|chi|co chu|co|chu|bac|em) )?"
    r"(?:to (?:covid|cong dong|dan pho|tinh nguyen|y te|phan ung nhanh)|doi|doan|tram y te"
    r"|benh vien|trung tam|chinh quyen|uy ban|ubnd|y bac si|bac si|dieu duong|nhan vien y te"
    r"|tinh nguyen vien|tnv|cong an|bo doi|luc luong|dan quan|can bo|phuong|xa|tinh|thanh pho"
    r"|khu pho|ap|ban quan ly|hoi|mat tran|chien si)\b(?: [a-z0-9]+){0,12}? (?:vi )?da [a-z]"
)
# What turns it into something else: a contrast ("..., nhưng tới giờ chưa có gạo").
_CONTRAST = re.compile(r"\b(?:nhung|tuy nhien|ma (?:chua|khong|van))\b")


@kept_by_text
def thanks_others(text: str) -> bool:
    """True for thanks to a team, an office or the volunteers for what they did, asking and
    contrasting nothing."""
    if "?" in text or len(text) > _LONGEST_TYPED:
        return False
    said = " ".join(words(text))
    if not _OTHERS_THANKED.search(said) or _CONTRAST.search(said):
        return False
    return not is_question(text)
