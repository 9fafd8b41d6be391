"""A greeting and nothing else: "chào ad", "alo", "xin chào tổng đài 1022 ạ", "hello 👋".

Both classifiers learnt greetings, but the words that address the hotline ("tổng đài", "1022",
"đường dây nóng") are also the words of the FAQ entry on how to reach it, so a greeting that
names the hotline could be answered with that entry; and "alo, có ai trực không" is put as a
question, which sends it to the FAQ first. A message made only of greeting words, the words that
address the hotline or its staff, politeness, a check that someone is there and emoji is a
greeting, whatever the classifiers say, and the FAQ never answers it.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from hotline.bot.nlu.normalize import TEXTS_KEPT, words
from hotline.bot.nlu.question_words import FINAL

# Phrases in folded words (`normalize.words`: "ad" is "admin", "ạ" is "a").
GREETING_PHRASES = frozenset(
    {
        ("chao",),
        ("xin", "chao"),
        ("kinh", "chao"),
        ("alo",),
        ("a", "lo"),
        ("hello",),
        ("helo",),
        ("hallo",),
        ("helu",),
        ("hi",),
        ("hii",),
        ("hey",),
        ("he", "lo"),
        ("he", "nho"),
        ("good", "morning"),
        ("chao", "buoi", "sang"),
        ("chao", "buoi", "trua"),
        ("chao", "buoi", "chieu"),
        ("chao", "buoi", "toi"),
    }
)
# Whom a greeting addresses: the hotline, its staff, the bot.
ADDRESSEE_PHRASES = frozenset(
    {
        ("admin",),
        ("ban",),
        ("em",),
        ("e",),
        ("anh",),
        ("chi",),
        ("cac",),
        ("moi", "nguoi"),
        ("ca", "nha"),
        ("tong", "dai"),
        ("tong", "dai", "vien"),
        ("1022",),
        ("duong", "day", "nong"),
        ("duong", "day"),
        ("bot",),
        ("chatbot",),
        ("chat", "bot"),
        ("co", "chu"),
        ("chu",),
        ("bac",),
        ("may", "co", "chu"),
        ("may", "ban"),
        ("may", "anh", "chi"),
        ("may", "em"),
        ("ho", "tro"),
        ("truc",),
        ("tiep", "nhan"),
    }
)
# Who greets ("em chào", "con chào cô chú ạ") and the politeness around it.
POLITE_WORDS = frozenset(
    {"a", "oi", "nha", "nhe", "nhen", "nghen", "da", "vang", "con", "chau", "toi", "minh", "tui"}
    | {"vay", "ta", "ha"}
)
# A check that someone is there, or leave to ask with nothing asked yet ("cho em hỏi chút").
PRESENCE_PHRASES = frozenset(
    {
        ("co", "ai", "khong"),
        ("co", "ai", "do", "khong"),
        ("co", "ai", "o", "do", "khong"),
        ("co", "ai", "truc", "khong"),
        ("co", "nguoi", "truc", "khong"),
        ("co", "do", "khong"),
        ("con", "truc", "khong"),
        ("con", "ai", "truc", "khong"),
        ("con", "nguoi", "truc", "khong"),
        ("con", "ai", "khong"),
        ("co", "online", "khong"),
        ("co", "ai", "online", "khong"),
        ("nghe", "ro", "khong"),
        ("nghe", "khong"),
        ("cho", "hoi"),
        ("cho", "hoi", "chut"),
        ("cho", "hoi", "ti"),
        ("cho", "hoi", "xiu"),
        *(
            ("cho", who, "hoi", *more)
            for who in ("em", "minh", "toi", "con", "chau", "tui")
            for more in ((), ("chut",), ("ti",), ("xiu",))
        ),
        # "muốn hỏi xíu", "cần hỏi chút": a wish to ask, nothing asked yet.
        *(
            (wish, "hoi", *more)
            for wish in ("muon", "can")
            for more in (("chut",), ("ti",), ("xiu",), ("mot", "chut"), ("mot", "xiu"))
        ),
        # "muốn hỏi vài điều", "cần hỏi mấy chuyện": how much, not yet what
        *(
            (wish, "hoi", *few, what)
            for wish in ("muon", "can")
            for few in (("vai",), ("may",), ("mot", "vai"), ("mot", "so"), ("it",))
            for what in ("dieu", "cau", "chuyen", "viec", "thu")
        ),
    }
)
# A self-introduction between the greeting and the wish to ask ("chào ad, em là học sinh muốn
# hỏi xíu"): "là" and at most this many words of who one is; closing the greeting, with nothing
# after it ("xin chào, tôi là kế toán hợp tác xã"), a little more.
_INTRODUCED = 4
_INTRODUCED_LAST = 6
# What opens it: who one is ("là học sinh") or where one lives or comes from ("ở Bến Cát", "ở
# dưới miền Tây lên").
_INTRODUCING = frozenset({"la", "o"})
# Words that ask (`question_words.FINAL` and the openers of its phrases): a place said before
# them sets a question, not an introduction.
_ASKING = FINAL | {"co", "duoc", "bao", "khi", "the", "hoi"}
# Kin a greeting calls the staff by, right after it ("chào cô", "chào o" as the Centre calls
# her), for `greets` only: folded they are also "có" and "ở", which the FAQ's text keeps.
_KIN = frozenset({"co", "o", "di", "thim", "mo"})
# Who one is that tells what happened, not who is writing ("chào ad, em là F0 đang cách ly").
_TOLD_IN_INTRODUCTION = frozenset({"f0", "f1", "f2", "duong", "nhiem", "benh", "covid", "bi"})
# Sorry to bother, said with a greeting or a goodbye ("xin lỗi làm phiền ad", "tối rồi mà vẫn
# làm phiền mấy anh chị, chào nha"): neither a question nor a report.
APOLOGY_PHRASES = frozenset(
    {
        ("xin", "loi"),
        ("lam", "phien"),
        ("xin", "loi", "lam", "phien"),
        ("da", "lam", "phien"),
        ("ma", "van", "lam", "phien"),
        ("ma", "con", "lam", "phien"),
        ("ngai", "qua"),
    }
)
# When the check is made ("giờ này còn ai trực không"): neither a greeting nor a question.
# The time of day said with a greeting ("sáng sớm chào mấy bạn") is likewise neither.
WHEN_PHRASES = frozenset(
    {("gio", "nay"), ("bay", "gio"), ("luc", "nay"), ("toi", "nay")}
    | {("sang", "som"), ("sang", "nay"), ("trua", "nay"), ("chieu", "nay")}
    | {("toi", "roi"), ("khuya", "roi"), ("tre", "roi")}
)
# Emoji that wave or greet; other emoji carry no words here.
GREETING_EMOJI = frozenset({"👋", "🙋", "🖐", "🤚"})
_KINDS = (
    ("greeting", GREETING_PHRASES),
    ("presence", PRESENCE_PHRASES),
    ("addressee", ADDRESSEE_PHRASES),
    ("when", WHEN_PHRASES),
    ("apology", APOLOGY_PHRASES),
)
_LONGEST = max(len(p) for _, phrases in _KINDS for p in phrases)


def _without_emoji(text: str) -> tuple[str, bool]:
    """The text with its emoji and symbols blanked, and whether one of them waved."""
    waved = any(mark in text for mark in GREETING_EMOJI)
    kept = "".join(" " if unicodedata.category(c) in ("So", "Sk", "Cn") else c for c in text)
    return kept, waved


def greets(text: str) -> bool:
    """True for a message that only greets: "chào ad", "alo alo", "xin chào tổng đài 1022 ạ",
    "hello 👋", "tổng đài ơi", "alo có ai trực không"."""
    plain, waved = _without_emoji(text)
    said = words(plain)
    if not said:
        return waved
    kinds, at = _opening(said, introduced=True)
    if at < len(said):
        return False
    # "tổng đài ơi", "ad ơi": calling the hotline is greeting it.
    called = "addressee" in kinds and "oi" in said
    return bool(kinds & {"greeting", "presence"}) or called or (waved and "addressee" in kinds)


_TOKEN = re.compile(r"\S+")
# Punctuation, emoji and spaces between a greeting and the question.
_LEADING_MARKS = re.compile(r"^[\W_]+")


# Asked of every FAQ question's text (its greetings' walk looks at every character): a pure
# function of the text, kept for the last texts asked, as citizens repeat the same texts.
@functools.lru_cache(maxsize=TEXTS_KEPT)
def after_greeting(text: str) -> str:
    """The text with the greeting it opens with taken off ("chào ad, F1 phải cách ly mấy ngày"
    asks "F1 phải cách ly mấy ngày"): the greeting's words say nothing of which FAQ entry is
    meant, and counted against an entry they would cost the question its answer. The text as
    it is when it opens with no greeting, or is nothing but one."""
    said = words(_without_emoji(text)[0])
    kinds, at = _opening(said)
    greeted = "greeting" in kinds or ("addressee" in kinds and "oi" in said[:at])
    if not greeted or at == len(said):
        return text
    # Where the greeting's words end in the text as written.
    for token in _TOKEN.finditer(text):
        so_far = words(_without_emoji(text[: token.end()])[0])
        if so_far == said[:at]:
            rest = _LEADING_MARKS.sub("", text[token.end() :])
            return rest or text
        if len(so_far) > at:  # past the greeting without meeting its end: asked whole
            break
    return text


def _opening(said: list[str], introduced: bool = False) -> tuple[set[str], int]:
    """The kinds of greeting-side phrases the words open with, and where they stop; with
    `introduced`, a self-introduction before a wish to ask is one of them (for `greets` only:
    the FAQ's text keeps it, "em là F0" tells what is asked)."""
    kinds: set[str] = set()
    at, last = 0, None
    while at < len(said):
        kind, length = _phrase_at(said, at)
        greeted = kinds & {"greeting", "addressee"}
        if kind is None and introduced and said[at] in _INTRODUCING and greeted:
            kind, length = _introduced(said, at)
        if kind is None and introduced and last == "greeting" and said[at] in _KIN:
            kind, length = "addressee", 1  # "chào cô", "chào o": not "có", "ở" elsewhere
        if kind is None:
            break
        kinds.add(kind)
        at, last = at + length, kind
    return kinds, at


def _introduced(said: list[str], at: int) -> tuple[str | None, int]:
    """A self-introduction at `at` ("là học sinh", "ở Dĩ An") followed by a wish to ask: its
    kind and length up to the wish, or None when no wish to ask follows it."""
    if said[at] == "o" and _ASKING & set(said[at : at + _INTRODUCED_LAST + 2]):
        return None, 1  # "chào ad, ở Bến Cát có chỗ test không": where, then a question
    for length in range(2, _INTRODUCED_LAST + 2):
        if at + length == len(said) and not _TOLD_IN_INTRODUCTION & set(said[at:]):
            return "introduction", length  # who one is closes the greeting
        kind, _ = _phrase_at(said, at + length) if at + length < len(said) else (None, 0)
        if kind == "presence" and length <= _INTRODUCED + 1:
            return "introduction", length
    return None, 1


def _phrase_at(said: list[str], at: int) -> tuple[str | None, int]:
    """The kind and length of the longest greeting-side phrase at `at`."""
    for length in range(min(_LONGEST, len(said) - at), 0, -1):
        phrase = tuple(said[at : at + length])
        for kind, phrases in _KINDS:
            if phrase in phrases:
                return kind, length
    if said[at] in POLITE_WORDS:
        return "polite", 1
    return None, 1


# Whom "Thưa" addresses when it opens a letter.
_ADDRESSED = frozenset(
    {"tong", "quy", "cac", "anh", "chi", "ong", "ba", "co", "chu", "bac", "admin"}
)


def after_salutation(text: str) -> str | None:
    """The text after a formal salutation ("Kính gửi Tổng đài, đề nghị cho biết ...", "Thưa
    quý cơ quan, ..."), or None when the message opens without one (or never leaves it)."""
    said = words(text)
    addressed = said[:1] == ["thua"] and said[1:2] and said[1] in _ADDRESSED
    if said[:2] not in (["kinh", "gui"], ["kinh", "thua"]) and not addressed:
        return None  # not "thua lỗ ..." (a loss), only "Thưa Tổng đài", "Thưa quý cơ quan"
    parts = re.split(r"[,:;\n]", text, maxsplit=1)
    return parts[1] if len(parts) > 1 else None
