"""Messages that only acknowledge ("ok", "okk", "dạ vâng ạ", 👍, "thế thì được, em nắm rồi"),
and laughter ("hehehe", "kkkkk"), which acknowledges nothing and asks nothing.

Both are settled by rule (`rules.rule_parse`): an acknowledgement gets the short "Dạ." and leaves
any dialog as it was; laughter is small talk, never an FAQ question nor an "ok".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from hotline.bot.nlu.normalize import nfc, normalize

# Acknowledgements, in folded words (an emoji is folded to the word it stands for), once the
# words that only address the hotline ("ad", "bạn", "ạ", "nhé") are taken off the end.
ACKNOWLEDGEMENTS = frozenset(
    {
        "ok",
        "ok ok",
        "okela",
        "oki",
        "okay",
        "uk",
        "ukm",
        "um",
        "u",
        "ua",
        "uh",
        "da",
        "vang",
        "da vang",
        "da ro",
        "da hieu",
        "hieu roi",
        "ro roi",
        "duoc roi",
        "da duoc",
        "vang em hieu roi",
        "ok luon",
        "o ke",
        "nam roi",
        "biet roi",
        "da nam",
        "da biet",
        # Repeated letters are folded first ("okk", "okii", "okeee"), so these are the forms
        # that remain; "rồi" and "ok" may also open one ("rồi rồi hiểu rồi", see `_POLITE`).
        "oke",
        "okie",
        "okla",
        "roi",
        "hieu",
        "ok roi",
        "ok nha",
        "xong roi",
        "on roi",
        "vay la duoc",
        "vay la duoc roi",
        "vay la on",
        "giup duoc roi",
        "da duoc roi",
        "hieu rui",
        "ok rui",
        "ok la",
        "the thi duoc",
        "vay thi duoc",
        "vay thi on",
        # A hesitant yes ("uhm", "ờ ờ được"; not "hmmm", which thinks it over) and the playful
        # ones of chat ("okie dokie", "oke con dê").
        "uhm",
        "duoc",
        "ok dokie",
        "oke con de",
        "ok con de",
        # In English.
        "alright",
        "all right",
        "understood",
        "got it",
        "noted",
        "i see",
        "sure",
        "fine",
        # No need to say more ("biết rồi, khỏi nói nữa"): understood, a little curtly.
        "khoi noi",
        "khoi noi nua",
        "khoi can noi nua",
        "khong can noi nua",
        # Understood at last ("à, ra vậy", "vậy là hiểu"), and fine as the young say it.
        "ra vay",
        "ra the",
        "hoa ra vay",
        "thi ra vay",
        "vay la hieu",
        "vay la hieu roi",
        "vay la ro",
        "vay la ro roi",
        "the la ro",
        "the la ro roi",
        # Heard it ("dạ, con nghe rồi"): said of the answer just given.
        "nghe roi",
        "da nghe",
        "nghe ro roi",
        "on ap",
        "vay la on ap",
        # That will do ("👌 được đó", "vậy cũng được", "ổn đấy").
        "duoc do",
        "duoc day",
        "on do",
        "on day",
        "cung duoc",
        "vay cung duoc",
        # "good" as chat spells it, said alone ("gud gud", "nice").
        "good",
        "gud",
        "nice",
    }
    # Going to try what was said ("để tui làm thử", "em làm thử xem"), whoever says it.
    | {
        f"{lead}{who} {did}{after}"
        for lead in ("de ", "")
        for who in ("toi", "tui", "em", "e", "minh", "chau", "con")
        for did in ("thu", "lam thu")
        for after in ("", " xem", " coi")
    }
)
# As they are looked up: with letters typed twice folded as in what citizens type ("understood"
# is looked up as "understod").
_FOLDED = frozenset(re.sub(r"(\w)\1+", r"\1", a) for a in ACKNOWLEDGEMENTS)
# Emoji that approve, which `normalize` folds to nothing (👍 and 👌 fold to "ok" already).
APPROVING_EMOJI = frozenset({"💯", "✅", "✔", "👏", "🙆", "🆒", "🫶", "🤝"})
# Who acknowledges, between the polite word and what is understood ("vâng, cháu nắm rồi ạ").
_SELF = frozenset({"em", "e", "chau", "con", "toi", "tui", "minh"})
_POLITE = frozenset({"da", "vang", "ok", "u", "uh", "roi"})
ADDRESSING = frozenset(
    {"admin", "ban", "em", "anh", "chi", "a", "ah", "ak", "nha", "nhe", "nhen", "oi"}
)

# Interjections and agreement that may open an acknowledgement ("à há, tui biết rồi", "thế thì
# được, em nắm rồi nhé"), taken off the front one at a time.
_LEADS = (("a", "ha"), ("a",), ("o",), ("the", "thi", "duoc"), ("vay", "thi", "duoc"), ("vay",))
# A letter typed twice or more stands for one in chat ("okkk", "okiii", "vângg").
_REPEATED = re.compile(r"(\w)\1+")
# A bare "k" or "kk" ("ok" in chat, folded to "không" by `normalize`) between dialogs answers the
# bot's last reply; inside a form the form step reads the text itself, whatever the intent.
# Three or more ("kkkkk") is laughter.
_BARE_K = re.compile(r"\s*k{1,2}\s*[.!]*\s*", re.IGNORECASE)
# "ủa" (huh?) folds like "ừa" (yeah): written so, it acknowledges nothing.
_SURPRISE = frozenset({"ủa", "hả", "hử"})
# Laughter: a syllable said again in one word ("haha", "hehehe", "hihi"), or "k" three times or
# more; "hi" alone greets.
_LAUGH = re.compile(r"(ha|he|hi|hj|ho|hu|ke|ka)\1+|k{3,}|=+\)+")
# Laughter said one syllable at a time: with a tone it is never a greeting ("hí hí", "hì hì");
# without one, three times at least ("ha ha ha"; "hi hi" may greet).
_LAUGH_TONED = frozenset({"hí", "hì", "há", "hà", "hé", "hè", "hô", "hố", "hồ", "khà", "khì"})
_LAUGH_SYLLABLES = frozenset({"ha", "he", "hi", "hj", "ho", "hu", "ke", "ka"}) | _LAUGH_TONED
# What laughter is written with: letters, digits, "=" and ")"; emoji alone carry none.
_LAUGHING_MARK = re.compile(r"[\w=)]")


# Where thanks may begin in a folded text.
_THANKS_AT = re.compile(r"\b(?:xin|rat|cam|da ta|thank|thx|tks)\b")
# Who is addressed at the end of an acknowledgement, besides the hotline's usual names ("oke
# bro", "ok bot nha").
_ADDRESSED = ADDRESSING | {"bro", "bot", "sis", "ad"}
# Thanks to the hotline and nothing else, in folded words: "đa tạ tổng đài", "thanks a lot ad".
_THANKS = re.compile(
    r"(?:(?:xin |rat )?(?:cam on|cam ta|da ta)|thanks?(?: you| u)?|thx|tks)"
    r"(?: (?:nhieu|rat nhieu|nhe|nha|a|a lot|so much|lot))?"
    r"(?: (?:tong dai|ad|admin|ban|bot|bro|anh|chi|em))?(?: (?:nhieu|nhe|nha|a))*"
)


def _core(said: str) -> list[str]:
    """The folded words without those that only address the hotline at the end ("... ad ơi")."""
    core = said.split()
    while core and core[-1] in _ADDRESSED:
        core.pop()
    return core


def _readings(core: list[str]) -> Iterator[list[str]]:
    """The words as said, then without the interjections that open them ("à há, ..."), each
    also without a polite word ("dạ hiểu rồi") and who understood ("em nắm rồi")."""
    while True:
        yield core
        rest = core[1:] if len(core) > 1 and core[0] in _POLITE else core
        yield rest
        if len(rest) > 1 and rest[0] in _SELF and rest[1:] != ["roi"]:
            yield rest[1:]  # not "tới rồi" (arrived), which folds as "tôi rồi"
        lead = next((p for p in _LEADS if tuple(core[: len(p)]) == p), None)
        if lead is None or len(core) <= len(lead):
            return
        core = core[len(lead) :]


def acknowledgement(text: str) -> bool:
    """True for a message that only acknowledges: "ok", "okk", "dạ vâng ạ", 👍, a bare "k".
    Asked ("xong rồi à?", "hiểu rồi?") it is a question."""
    if text.rstrip().endswith("?") or _SURPRISE & set(re.findall(r"\w+", nfc(text).lower())):
        return False
    return acknowledges(normalize(text)) or approves(text) or bool(_BARE_K.fullmatch(text))


# Two acknowledgements said one after the other are a few words ("ok, hiểu rồi", "dạ vâng, em
# nắm rồi ạ"): a longer message is read whole only.
_PAIR_LONGEST = 16


def acknowledges(said: str) -> bool:
    """True for "ok", "ok ad", "dạ vâng ạ", 👍 in folded words (`normalize`); and for two said
    one after the other ("alright, understood", "ok, hiểu rồi"), each one alone."""
    if _acknowledges(said):
        return True
    parts = said.split()
    if len(parts) > _PAIR_LONGEST:
        return False  # each cut reads both sides: quadratic on a long message
    return any(
        _acknowledges(" ".join(parts[:at])) and _acknowledges(" ".join(parts[at:]))
        for at in range(1, len(parts))
    )


def _acknowledges(said: str) -> bool:
    core: list[str] = []
    for word in _core(_REPEATED.sub(r"\1", said)):
        if not core or core[-1] != word:  # "rồi rồi", "ok ok": said twice, meant once
            core.append(word)
    return any(" ".join(reading) in _FOLDED for reading in _readings(core))


def thanks_alone(text: str) -> bool:
    """True for thanks to the hotline, alone or after an acknowledgement ("rõ rồi, đa tạ tổng
    đài", "ok thanks bro"); thanks to anyone else, or with more said, is left to the model."""
    if text.rstrip().endswith("?"):
        return False
    said = _REPEATED.sub(r"\1", normalize(text))
    for thanks in _THANKS_AT.finditer(said):
        if _THANKS.fullmatch(said[thanks.start() :]):
            before = said[: thanks.start()].strip()
            return not before or acknowledges(before)
    return False


def approves(text: str) -> bool:
    """True for a message of approving emoji only ("💯", "👏👏")."""
    marks = text.replace("\ufe0f", "").split()
    return bool(marks) and all(set(m) <= APPROVING_EMOJI for m in marks)


def laughs(text: str) -> bool:
    """True for a message of laughter only: "hahaha", "hehe hihi", "kkkkk", "=))"; and one
    syllable said apart, three times or more ("ha ha ha") or with its tone ("hí hí", "hì hì")."""
    # An emoji beside the laughter ("hehe 😝") adds no words.
    marks = [m for m in nfc(text).lower().replace("!", " ").split() if _LAUGHING_MARK.search(m)]
    if marks and all(_LAUGH.fullmatch(m) for m in marks):
        return True
    said = set(marks)
    toned = said <= _LAUGH_TONED and len(marks) >= 2
    return toned or (len(said) == 1 and said <= _LAUGH_SYLLABLES and len(marks) >= 3)
