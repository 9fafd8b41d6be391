"""Vietnamese text as citizens type it: NFC, tone-mark placement, diacritics, teencode."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from typing import TypeVar

_WORD = re.compile(r"[^\W_]+", re.UNICODE)

# Emoji that stand for words in chat: agreement and thanks. Others carry no words.
EMOJI_WORDS: dict[str, str] = {
    "👍": "ok",
    "👌": "ok",
    "🆗": "ok",
    "🙂": "ok",
    "😊": "ok",
    "🙏": "cam on",
    "❤": "cam on",
    "💕": "cam on",
    "🥰": "cam on",
    "😍": "cam on",
    "🌹": "cam on",
}
_EMOJI = re.compile("|".join(map(re.escape, EMOJI_WORDS)))

# Common chat abbreviations ("teencode") and their full forms, keyed by folded spelling.
TEENCODE: dict[str, str] = {
    "k": "khong",
    "ko": "khong",
    "kg": "khong",
    "kh": "khong",
    "khg": "khong",
    "hok": "khong",
    "hong": "khong",
    "dc": "duoc",
    "dk": "duoc",
    "đc": "duoc",
    "j": "gi",
    "ji": "gi",
    "z": "vay",
    "v": "vay",
    "r": "roi",
    "ng": "nguoi",
    "ngta": "nguoi ta",
    "mn": "moi nguoi",
    "bn": "bao nhieu",
    "bnh": "bao nhieu",
    "sdt": "so dien thoai",
    "đt": "dien thoai",
    "dt": "dien thoai",
    "ad": "admin",
    "tks": "cam on",
    "thks": "cam on",
    "thanks": "cam on",
    "oke": "ok",
    "okie": "ok",
    "vs": "voi",
    "cx": "cung",
    "ntn": "nhu the nao",
    "lm": "lam",
    "bik": "biet",
    "bit": "biet",
    "wa": "qua",
    "ms": "moi",
    "trc": "truoc",
    "nc": "nuoc",
    "tp": "thanh pho",
    "p": "phuong",
    "q": "quan",
    "tx": "thi xa",
    "hk": "khong",
    "hem": "khong",
    "khum": "khong",
    "mik": "minh",
    "mk": "minh",
    "mh": "minh",
    "bs": "bac si",
    "xn": "xet nghiem",
    "bh": "bao gio",
    "bnhieu": "bao nhieu",
    "nhiu": "nhieu",
    "nhìu": "nhieu",
    "hnay": "hom nay",
    "hqua": "hom qua",
    "ngt": "nguoi ta",
    "mng": "moi nguoi",
    "vc": "viec",
    "ck": "chong",
    "vk": "vo",
    "cj": "chi",
    "ak": "a",
    "ah": "a",
    "thik": "thich",
    "mún": "muon",
    "dth": "dien thoai",
    "f0": "f0",
    "f1": "f1",
}

# Old-style tone placement ("hoà", "thuỷ") mapped to the placement used in official lists. After
# "q" the "u" belongs to the consonant ("quá", "quý"), so the mark stays where it is.
_OLD_TONE = re.compile(r"(?<![qQ])([oOuU])([àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ])(?![\wÀ-ỹ])")


def _move_tone(match: re.Match[str]) -> str:
    glide, marked = match.group(1), match.group(2)
    decomposed = unicodedata.normalize("NFD", marked)
    base, marks = decomposed[0], decomposed[1:]
    return unicodedata.normalize("NFC", glide + marks) + base


def nfc(text: str) -> str:
    """Unicode NFC with tone marks placed as in the official spelling ("hoà" -> "hòa")."""
    return _OLD_TONE.sub(_move_tone, unicodedata.normalize("NFC", text))


def strip_diacritics(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Lower case without diacritics, for matching that ignores how the text was typed."""
    return strip_diacritics(nfc(text).lower())


# Texts and words folded lately. A message's text is folded by the NLU, its rules, the dialogs
# and the FAQ search (up to five times a turn), and most words of a new text were met before.
# A long text is kept only while its turn reads it (the last `LONG_TEXTS_KEPT`): kept as the
# others are, 4,096 texts of 4,000 characters would hold ~200 MiB.
TEXTS_KEPT = 4096
LONGEST_TEXT_KEPT = 256
LONG_TEXTS_KEPT = 4
# Words likewise: no Vietnamese word nor teencode is longer than a dozen letters; a longer one
# (a run of letters, a link) is folded anew, or 16,384 of 4,000 letters would hold ~200 MiB.
WORDS_KEPT = 16384
LONGEST_WORD_KEPT = 32

_Read = TypeVar("_Read")


def kept_by_text(read: Callable[[str], _Read]) -> Callable[[str], _Read]:
    """`read` with its answers kept for the last `TEXTS_KEPT` texts of up to
    `LONGEST_TEXT_KEPT` characters and the last `LONG_TEXTS_KEPT` longer ones: for a pure
    reading of a message's text that several rules ask of it."""
    kept = functools.lru_cache(maxsize=TEXTS_KEPT)(read)
    kept_long = functools.lru_cache(maxsize=LONG_TEXTS_KEPT)(read)

    @functools.wraps(read)
    def reader(text: str) -> _Read:
        return kept_long(text) if len(text) > LONGEST_TEXT_KEPT else kept(text)

    return reader


def words(text: str) -> list[str]:
    """Folded words with teencode expanded: "ko dc j" -> ["khong", "duoc", "gi"]."""
    if len(text) > LONGEST_TEXT_KEPT:
        return list(_long_words(text))
    return list(_words(text))


def words_as_typed(text: str) -> list[str]:
    """`words` with letters drawn out for emphasis kept as typed: how the evaluation's splits were
    checked for near repeats when they were written ("khôngggg" is no "không" there)."""
    text = _EMOJI.sub(lambda m: f" {EMOJI_WORDS[m.group(0)]} ", text)
    return [
        w
        for word in _WORD.findall(nfc(text).lower())
        for w in (_word(word) if len(word) <= LONGEST_WORD_KEPT else _read_word(word))
    ]


# A pasted link is none of the message's words: its host, path and tracking parameters
# ("utm_source", "fbclid") would be matched as if the citizen had written them. A link is one
# with a scheme or "www.", a "t.me"/"zalo.me" one, or a bare domain under a usual top-level
# domain. An e-mail's domain (after "@") and a word ending a sentence ("xong.Có") are no link.
_LINK = re.compile(
    r"(?:https?://|www\.)[^\s<>\"']*"
    r"|(?<![\w@./-])(?:t|zalo)\.me/[^\s<>\"']*"
    r"|(?<![\w@./-])(?:[a-z0-9][a-z0-9-]*\.)+"
    r"(?:vn|com|net|org|gov|edu|info|io|ly|gl|example)(?![\w@-])(?:[/?#][^\s<>\"']*)?",
    re.IGNORECASE | re.ASCII,
)
# A hashtag is read as its words ("#hotroF0" -> "ho tro f0"); one that splits into no syllables
# ("#xyz") is dropped. Not after a letter or "&" (an HTML entity, "C#").
_HASHTAG = re.compile(r"(?<![\w&])#([^\W_]+)")
# A hashtag's pieces: "covid", a code with its digits ("f0", "nq126"), a number, and the
# letters between them, split into syllables ("hotrof0" -> "hotro", "f0").
_TAG_PIECE = re.compile(r"covid[0-9]*|(?:nq|f)[0-9]+|[0-9]+|[a-z]+?(?=covid|(?:nq|f)[0-9]|[0-9]|$)")
# One Vietnamese syllable written without marks: an initial, one to three vowels, a final.
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?"
)
LONGEST_SYLLABLE = 7  # "nghieng"
LONGEST_TAG = 64


def syllables(letters: str) -> list[str] | None:
    """Unmarked lower-case `letters` split into the fewest Vietnamese syllables, a consonant
    between two vowels opening the next syllable ("hotro" -> "ho tro", not "hot ro"); None if
    they split into none ("covid")."""
    # best[i]: (syllables, finals' letters, last cut) for letters[:i]; fewest, then least final.
    best: list[tuple[int, int, int] | None] = [None] * (len(letters) + 1)
    best[0] = (0, 0, 0)
    for end in range(1, len(letters) + 1):
        for start in range(max(0, end - LONGEST_SYLLABLE), end):
            before = best[start]
            piece = letters[start:end]
            if before is None or not _SYLLABLE.fullmatch(piece):
                continue
            final = len(piece) - len(piece.rstrip("cmnpthg"))
            here = (before[0] + 1, before[1] + final, start)
            kept = best[end]
            if kept is None or here[:2] < kept[:2]:
                best[end] = here
    if best[-1] is None:
        return None
    out: list[str] = []
    end = len(letters)
    while end:
        start = best[end][2]  # type: ignore[index]
        out.append(letters[start:end])
        end = start
    return out[::-1]


def _hashtag_words(match: re.Match[str]) -> str:
    tag = match.group(1)
    return " " if len(tag) > LONGEST_TAG else _tag_words(tag)


@functools.lru_cache(maxsize=TEXTS_KEPT)
def _tag_words(typed: str) -> str:
    tag = strip_diacritics(typed).lower()
    out: list[str] = []
    for piece in _TAG_PIECE.findall(tag):
        split = [piece] if piece[-1].isdigit() or piece == "covid" else syllables(piece)
        out.extend(split or ())
    return f" {' '.join(out)} "


def unlinked(text: str) -> str:
    """`text` with pasted links taken out and hashtags read as their words."""
    if "." in text:
        text = _LINK.sub(" ", text)
    if "#" in text:
        text = _HASHTAG.sub(_hashtag_words, text)
    return text


def _fold_words(text: str) -> tuple[str, ...]:
    out: list[str] = []
    text = _EMOJI.sub(lambda m: f" {EMOJI_WORDS[m.group(0)]} ", unlinked(nfc(text)))
    typed = _WORD.findall(text)
    if "bn" not in text and "Bn" not in text and "BN" not in text:  # one look-up a word
        for word in typed:
            out.extend(_typed_word(word))
        return tuple(out)
    for at, word in enumerate(typed):
        bn = len(word) == 2 and word.lower() == "bn"
        if bn and at + 1 < len(typed) and typed[at + 1].lower() in ("ơi", "oi"):
            out.append("ban")  # "bn ơi" calls a friend ("bạn"), it asks no "bao nhiêu"
            continue
        out.extend(_typed_word(word))
    return tuple(out)


def _typed_word(word: str) -> tuple[str, ...]:
    """One NFC word as typed (in any case) folded: drawn-out letters read once, teencode
    expanded. One memo per word as typed, so a long text costs one look-up a word; a word longer
    than `LONGEST_WORD_KEPT` is read anew."""
    return _typed_kept(word) if len(word) <= LONGEST_WORD_KEPT else _read_typed(word)


def _read_typed(word: str) -> tuple[str, ...]:
    lower = word.lower()
    read = lower if _acronym(word) else unstretched(lower)
    return _word(read) if len(read) <= LONGEST_WORD_KEPT else _read_word(read)


_typed_kept = functools.lru_cache(maxsize=WORDS_KEPT)(_read_typed)


def _acronym(word: str) -> bool:
    """Plain capitals of up to four letters, or a Roman numeral: an acronym, a ticket code's
    group ("CCCD", "AAAK", "XXXX", "XXIII"), never a syllable drawn out ("NHAAAA" is one)."""
    return (
        word.isascii() and word.isupper() and (len(word) <= 4 or _ROMAN.fullmatch(word) is not None)
    )


_ROMAN = re.compile(r"[IVXLCDM]+")


# A letter typed three times or more in a row, marks aside: no Vietnamese syllable and no English
# word has one, so it is a syllable drawn out for emphasis ("điiiii", "ạaaa", "vậaaaay",
# "khôngggg"). Twice is left alone: Telex writes â ê ô đ so ("tieem", "ddi"), and "xoong",
# "coffee" are spelt so.
_THRICE = re.compile(r"([a-z])\1\1+")
_VOWELS = frozenset("aeiouy")


def unstretched(word: str) -> str:
    """A lower-case NFC word with each letter drawn out for emphasis typed once: "điiiii" -> "đi",
    "ạaaa" -> "ạ", "vậyyyy" -> "vậy". Left as typed: a word with a digit (a code, a phone number
    "0909xxxxxx"), with no vowel ("kkkk" laughing, "hmmm", "zzz", "cccd"), or of one letter
    without a mark ("aaaa", "ooo"), whose drawn-out letter is all there is to it."""
    bare = strip_diacritics(word)
    if len(bare) != len(word) or not _THRICE.search(bare):
        return word  # nothing drawn out (or marks that fold to no letter of their own)
    if not bare.isalpha() or not _VOWELS.intersection(bare):
        return word
    if len(set(bare)) < 2 and bare == word:
        return word  # "aaaa", "ooo"; "ạaaa", "ờờờ" are the particle drawn out
    return "".join(word[m.start()] for m in _LETTER_RUNS.finditer(bare))


# Runs of one letter as they fold: each drawn-out letter keeps its first typing and its marks.
_LETTER_RUNS = re.compile(r"([a-z])\1\1+|.", re.DOTALL)


_words = functools.lru_cache(maxsize=TEXTS_KEPT)(_fold_words)
_long_words = functools.lru_cache(maxsize=LONG_TEXTS_KEPT)(_fold_words)


# Words typed with their diacritics that fold onto a teencode spelling yet are other words:
# "hẻm" (an alley) is no "hem" ("không"), or "quán nhậu trong hẻm" would end by asking.
NOT_TEENCODE = frozenset({"hẻm"})


def _read_word(word: str) -> tuple[str, ...]:
    """One lower-case NFC word folded, teencode expanded."""
    folded = strip_diacritics(word)
    if word in NOT_TEENCODE:
        return (folded,)
    return tuple(TEENCODE.get(word, TEENCODE.get(folded, folded)).split())


_word = functools.lru_cache(maxsize=WORDS_KEPT)(_read_word)


def normalize(text: str) -> str:
    """One canonical string for a text: folded words joined by single spaces."""
    return " ".join(words(text))
