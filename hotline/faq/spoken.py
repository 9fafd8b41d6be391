"""Numbers and letters as voice typing writes them, read as the FAQ writes them.

Voice-to-text spells what it hears: "nghị quyết một trăm hai mươi sáu" for "Nghị quyết 126",
"chỉ thị mười sáu" for "Chỉ thị 16", "ét pê ô hai" for "SpO2", "pê xê rê" for "PCR", "năm cá"
for "5K". Voice typing writes Vietnamese with its diacritics, so only words written with their
own diacritics are read: "muối" (salt) is no "mười", and a text typed bare ("nuoc muoi hai lan")
is left alone. A number is read only where it cannot be a word of the sentence: a run with
"mười", "mươi", "trăm" or "nghìn" in it, or digits one by one after a document's name ("nghị
quyết sáu tám"); "hai" or "năm" alone stays a word ("hai vạch", "năm nay").
"""

from __future__ import annotations

import re
from itertools import product

_WORD = re.compile(r"[^\W_]+", re.UNICODE)

# Digit words as voice typing writes them; "mốt", "tư", "lăm" only after a ten ("hai mươi mốt").
_DIGITS = {
    "không": 0,
    "một": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "bẩy": 7,
    "tám": 8,
    "chín": 9,
}
_AFTER_TEN = {"mốt": 1, "tư": 4, "lăm": 5, "nhăm": 5}
# A unit after a ten. A five there is "lăm" ("mười năm" is ten years, "hai mươi năm" twenty years)
# and a zero is never said ("hai mươi không được": twenty, not allowed); "mốt" only after "mươi".
_UNITS = {w: n for w, n in {**_DIGITS, **_AFTER_TEN}.items() if w not in ("không", "năm")}
_TEEN_UNITS = {w: n for w, n in _UNITS.items() if w != "mốt"}
_TEN = frozenset({"mười", "mươi"})
_SCALES = {"trăm": 100, "nghìn": 1000, "ngàn": 1000}
_ZERO_TENS = frozenset({"linh", "lẻ"})
_NUMBER_WORDS = frozenset({*_DIGITS, *_AFTER_TEN, *_TEN, *_SCALES, *_ZERO_TENS})
LONGEST_NUMBER = 12  # words: "chín trăm chín mươi chín nghìn chín trăm chín mươi chín" is 11
# Names of documents, numbers and lines after which digits said one by one are a number.
_NUMBERED = (
    ("nghị", "quyết"),
    ("chỉ", "thị"),
    ("quyết", "định"),
    ("thông", "tư"),
    ("số",),
    ("tổng", "đài"),  # "tổng đài một không hai hai": 1022
)

# The hotline's acronyms, each letter as voice typing writes its Vietnamese name. "bê" for "p"
# and "cá" for "k": a voiceless letter heard voiced, a tone heard wrong, as dictation does
# (never a bare "ca": "năm ca nhiễm" is five cases).
_LETTERS: dict[str, tuple[str, ...]] = {
    "s": ("ét", "sờ", "ết"),
    "p": ("pê", "pờ", "bê"),
    "o": ("ô", "o"),
    "c": ("xê", "cờ", "sê"),
    "r": ("rê", "rờ", "e rờ"),
    "q": ("cu", "quy", "qui"),
    "k": ("ka", "cá"),
    "f": ("ép", "ép phờ"),
    "t": ("tê", "tờ"),
    "2": ("hai",),
    "0": ("không",),
    "1": ("một",),
    "5": ("năm",),
}
# Acronym -> how it is written, and its spellings as words: "qr" is said "cu a rờ" too.
_ACRONYMS: dict[str, tuple[str, ...]] = {
    "spo2": ("spo2",),
    "pcr": ("pcr",),
    "rt pcr": ("rtpcr",),
    "qr": ("qr", "qar"),
    "5k": ("5k",),
    "f0": ("f0",),
    "f1": ("f1",),
}
_A = ("a",)
# "ép không được" is forced not to: F0 only where nobody is forcing ("bị ép", "bắt ép", "công
# ty ép", "họ ép") and nobody is kept from something ("ép không cho nghỉ").
_FORCED = frozenset({"bị", "bắt", "cưỡng", "ép", "họ", "ty", "cty", "sếp", "trường", "nó"})
_KEPT_FROM = "cho"


def _spellings() -> dict[tuple[str, ...], str]:
    found: dict[tuple[str, ...], str] = {}
    for written, letterings in _ACRONYMS.items():
        for letters in letterings:
            names = [_LETTERS[c] if c in _LETTERS else _A for c in letters]
            for said in product(*names):
                found[tuple(" ".join(said).split())] = written
    return found


_SPELT = _spellings()
_LONGEST = max(map(len, _SPELT))


def read_spoken(text: str) -> str:
    """`text` (lower case, NFC) with numbers and the hotline's acronyms written as they were
    said replaced by their written form: "chỉ thị mười sáu" -> "chỉ thị 16"."""
    spans = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    words = [text[a:b] for a, b in spans]
    if not any(w in _NUMBER_WORDS or w in _FIRST_LETTERS for w in words):
        return text
    out: list[str] = []
    i, done = 0, 0
    while i < len(words):
        found = _acronym(words, i) or _number(words, i)
        if found is None:
            i += 1
            continue
        read, used = found
        out += [text[done : spans[i][0]], read]
        done = spans[i + used - 1][1]
        i += used
    return "".join([*out, text[done:]])


_FIRST_LETTERS = frozenset(said[0] for said in _SPELT)


def _acronym(words: list[str], i: int) -> tuple[str, int] | None:
    if words[i] not in _FIRST_LETTERS:
        return None
    for n in range(min(_LONGEST, len(words) - i), 1, -1):
        written = _SPELT.get(tuple(words[i : i + n]))
        if written is None:
            continue
        if written.startswith("f") and (
            (i > 0 and words[i - 1] in _FORCED) or words[i + n : i + n + 1] == [_KEPT_FROM]
        ):
            return None
        return written, n
    return None


def _number(words: list[str], i: int) -> tuple[str, int] | None:
    """The number said from `words[i]`, and how many words it took; None when none is."""
    if words[i] not in _DIGITS and words[i] not in _TEN:
        return None
    end = i
    # No number said is longer: a message of number words repeated is read in linear time.
    while end < min(len(words), i + LONGEST_NUMBER) and words[end] in _NUMBER_WORDS:
        end += 1
    run = words[i:end]
    if any(w in _TEN or w in _SCALES for w in run):
        value, used = _value(run)
        return (str(value), used) if used > 1 else None
    if run[-1] == "không":  # as often the sentence's "not" or its question: "số hai không có"
        run = run[:-1]
    if len(run) >= 2 and _after_name(words, i) and all(w in _DIGITS for w in run):
        return "".join(str(_DIGITS[w]) for w in run), len(run)
    return None


def _after_name(words: list[str], i: int) -> bool:
    return any(tuple(words[max(0, i - len(name)) : i]) == name for name in _NUMBERED)


def _value(run: list[str]) -> tuple[int, int]:
    """The value of the number at the start of `run` (Vietnamese order: "một trăm hai mươi
    sáu", "mười chín", "ba mươi lăm", "hai trăm linh năm") and how many words it took."""
    total, current, i = 0, 0, 0
    digit: int | None = None
    while i < len(run):
        word = run[i]
        if word in _DIGITS and digit is None:
            digit = _DIGITS[word]
        elif word == "mười" and digit is None:
            current += 10
            digit = None
            i += 1
            if i < len(run) and run[i] in _TEEN_UNITS:
                current += _TEEN_UNITS[run[i]]
                i += 1
            break
        elif word == "mươi" and digit is not None:
            current += digit * 10
            digit = None
            i += 1
            if i < len(run) and run[i] in _UNITS:
                current += _UNITS[run[i]]
                i += 1
            break  # the tens end the number: "hai mươi năm" is twenty years, not 25
        elif word in _SCALES and digit is not None:
            scale = _SCALES[word]
            if scale == 1000:
                total += (current + digit) * scale
                current = 0
            else:
                current += digit * scale
            digit = None
        elif word in _ZERO_TENS and digit is None and current:
            i += 1
            if i < len(run) and run[i] in _DIGITS:
                current += _DIGITS[run[i]]
                i += 1
            break
        else:
            break
        i += 1
    if digit is not None:
        current += digit
    return total + current, i
