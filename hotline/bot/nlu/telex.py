"""Vietnamese typed with the Telex or VNI conventions, read as the syllables it stands for.

A phone without a Vietnamese keyboard leaves the conventions in the text: "tieem chungr" (Telex:
aa ee oo = â ê ô, aw ow uw = ă ơ ư, dd = đ, a final s f r x j = sắc huyền hỏi ngã nặng), "y te61"
(VNI: 1-5 the tones, 6 = â ê ô, 7 = ơ ư, 8 = ă, 9 = đ). `decode` rewrites such words and leaves
every other word as it was typed.

A word is rewritten only when the result is a Vietnamese syllable (an initial, a rhyme of the
language's rhymes, a tone its final allows), so "free", "book", "class", "boss", "address" stay
as they are, and a word with anything but letters (and VNI's digits) around it is never touched:
codes (PA-7K3Q-9X2M), numbers, URLs, e-mail addresses, "f0", "spo2". Then the message decides:
words that are Telex only perhaps ("sees", "bans", "mui3": a plural, a dose) are rewritten only
when another word of the message is Telex or VNI beyond doubt ("dd", "uw", "aa", "iee", a tone
letter after a doubled vowel, VNI's 6-9), or two words end in a tone letter other than s
("hoir cachs lamf"). Common English words are never rewritten (`ENGLISH`).
"""

from __future__ import annotations

import functools
import re
import unicodedata

from hotline.bot.nlu.normalize import LONGEST_TEXT_KEPT, TEXTS_KEPT
from hotline.lru import Lru

# A message with none of "dd", "w", "aa", "ee", "oo", a vowel then f, x or j, a letter then f,
# r, x or j ending a word, a letter then a digit holds no evidence of Telex or VNI: left alone
# at the price of one search, as nearly every message is. Written to begin with one of a few
# letters, which lets the regex engine skip to them (3 times faster than the plain alternation).
_MAYBE = re.compile(
    r"[dwaeofrxj1-9](?:(?<=dd)|(?<=w)|(?<=aa)|(?<=ee)|(?<=oo)|(?<=[aeiouy][fxj])"
    r"|(?<=[a-z][frxj])\b|(?<=[a-z][1-9]))",
    re.IGNORECASE,
)
_CHUNK = re.compile(r"\S+")
_EDGES = "\"'“”‘’.,!?;:()[]{}…"
_WORD = re.compile(r"[A-Za-z]{2,}|[A-Za-z]+[0-9][A-Za-z0-9]*")
# The longest a syllable is typed: "nguwowngf", "nghieengx" (9). A longer word is no syllable and
# never reaches `_word`, whose cache a citizen's long made-up words would otherwise fill.
_LONGEST = 12

_INITIALS = sorted(
    "b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x".split(),
    key=len,
    reverse=True,
)
_OPEN = "a e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iu oa oe oi ôi ơi ua uê ui uơ ưa ưi ưu uy"
_OPEN3 = "iêu yêu oai oao oay oeo uây uôi ươi ươu uya uyu"
_CLOSED = {
    "a": "c ch m n ng nh p t",
    "ă": "c m n ng p t",
    "â": "c m n ng p t",
    "e": "c m n ng p t",
    "ê": "ch m n nh p t",
    "i": "ch m n nh p t",
    "o": "c m n ng p t",
    "oo": "c ng",
    "ô": "c m n ng p t",
    "ơ": "m n p t",
    "u": "c m n ng p t",
    "ư": "c m ng t",
    "iê": "c m n ng p t",
    "yê": "m n ng t",
    "oa": "c ch m n ng nh p t",
    "oă": "c m n ng t",
    "oe": "n t",
    "uâ": "n ng t",
    "uê": "ch nh",
    "uô": "c m n ng t",
    "ươ": "c m n ng p t",
    "uy": "ch n nh p t",
    "uyê": "n t",
}
_MODIFIED = "âăêôơư"
_STOPS = ("c", "ch", "p", "t")


def _tone_at(nucleus: str, final: str) -> int:
    """Where the tone mark sits in a rhyme, as the official lists place it ("hòa", "thủy")."""
    marked = [i for i, c in enumerate(nucleus) if c in _MODIFIED]
    if marked:
        return marked[-1]
    if final or len(nucleus) == 3:
        return len(nucleus) - 1 if final else 1
    return 0


# Rhyme -> (where its tone goes, whether it ends in a stop that takes only sắc or nặng).
_RHYMES: dict[str, tuple[int, bool]] = {r: (_tone_at(r, ""), False) for r in _OPEN.split()}
_RHYMES.update({r: (_tone_at(r, ""), False) for r in _OPEN3.split()})
for _nucleus, _finals in _CLOSED.items():
    for _final in _finals.split():
        _RHYMES[_nucleus + _final] = (_tone_at(_nucleus, _final), _final in _STOPS)

_SAC, _HUYEN, _HOI, _NGA, _NANG = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
_TELEX_TONES = {"s": _SAC, "f": _HUYEN, "r": _HOI, "x": _NGA, "j": _NANG}
_VNI_TONES = {"1": _SAC, "2": _HUYEN, "3": _HOI, "4": _NGA, "5": _NANG}
_HAT = {"a": "â", "e": "ê", "o": "ô"}
_HORN = {"o": "ơ", "u": "ư"}


def syllable(letters: str, tone: str = "") -> str | None:
    """`letters` (lower case, with â ă ê ô ơ ư đ) and a combining tone mark as one written
    syllable ("tiêm", sắc -> "tiếm"), or None when they make no Vietnamese syllable."""
    for initial in ("", *_INITIALS):
        if not letters.startswith(initial):
            continue
        rhyme = letters[len(initial) :]
        shift = 0
        if initial == "gi" and rhyme[:1] == "ê":
            rhyme, shift = "i" + rhyme, 1  # "giết": gi + iêt, as "tiết"
        found = _RHYMES.get(rhyme)
        if found is None or (initial == "qu" and rhyme[0] in "uư"):
            continue
        at, stop = found
        if stop and tone not in ("", _SAC, _NANG):
            return None
        at += len(initial) - shift
        return unicodedata.normalize("NFC", letters[: at + 1] + tone + letters[at + 1 :])
    return None


# Telex beyond doubt: English has no "dd" to begin a word, no "uw", "aa", "iee", "uoo", "ooi",
# no "kh", "nh" or "ng" before a doubled vowel, no f, r or x after a doubled vowel or a w, and
# no final "j" after a consonant or two vowels. A final s after them may be a plural ("sees",
# "keeps", "towns"); a j after one vowel may be teencode's i ("aj", "toj": ai, tôi).
_SURE_LETTERS = r"^dd|uw|aa|[iy]ee|uoo|(ee|oo)[iuy]|^(kh|nh|ng)[a-z]*(ee|oo|ow|aw)"
_SURE_TELEX = re.compile(
    _SURE_LETTERS + r"|(ch|ng|nh|[cmnptw]|[aeiouy]{2})j$|(ee|oo|ow|aw)[a-z]*[frx]$"
)
# A tone letter typed inside the syllable ("lafm", "phari", "vieejc"). English has no f, x or j
# there that makes a syllable; an r is half the evidence ("born"); an s, or a letter before
# a, e or o, is taken only in a word whose letters are Telex beyond doubt ("test", "Vero").
_MID_TONE = re.compile(r"([a-z]*[aeiouyw])([sfrxj])([aeiouy]*(?:ch|ng|nh|[cmnpt])?)")
# Common English words that read as Telex ("is": í, "keeps": kếp, "beef": bề): never rewritten,
# even beside a word that is Telex beyond doubt. Words whose Telex reading is a common
# Vietnamese word stay out ("own": ơn, "car": cả, "teen": tên, "noon": nôn).
ENGLISH = frozenset(
    """air arm as bar barn bays beef beer boots bore born bows box burn bus chef chips cops
    core corn days deer does door down gas gets goes has her here hero his horn how if
    is its keep keeps lawns lets lips loans loop lots low lows maps moons more nor now
    of or owns per poor puts rays reef roof room rooms rows runs says see seem seems
    seen sees sets sir sofa soon sore sos tax taxi teens term there this tips too tops
    tore torn town towns trees turn us""".split()
)
_VOWELS = frozenset("aeiouyâăêôơư")


def _telex(word: str) -> tuple[str, int] | None:
    """A lower-case Telex word as (syllable, evidence: `_word`), or None when it is no such
    word."""
    tone = _TELEX_TONES.get(word[-1], "")
    moved = None if tone else _MID_TONE.fullmatch(word)
    if moved and moved[3]:
        found = _telex(moved[1] + moved[3] + moved[2])
        if found is None or re.search(_SURE_LETTERS, word):
            return found
        if moved[2] == "s" or moved[3][0] in "aeo":  # "test"; names: "Vero", "Sora", "sofa"
            return None
        return found[0], 1 if moved[2] == "r" else 2
    body = word[:-1] if tone else word
    out: list[str] = []
    sure = False
    if body.startswith("dd"):
        out.append("đ")
        body = body[2:]
    for c in body:
        last = out[-1] if out else ""
        if c == "w":
            if last in _HORN:
                out[-1] = _HORN[last]
                if last == "o" and len(out) > 1 and out[-2] == "u":
                    out[-2] = "ư"  # "uow": ươ
            elif last == "a":
                out[-1] = "ă"
            elif out and not _VOWELS.intersection(out):
                out.append("ư")  # "nhw": như
                sure = True
            else:
                return None
        elif c in _HAT and last == c:
            out[-1] = _HAT[c]
        else:
            out.append(c)
    letters = "".join(out).replace("ưo", "ươ")
    if letters == word:
        return None
    decoded = syllable(letters, tone)
    if decoded is None and "uow" in word:  # "thuowr": thuở
        decoded = syllable(letters.replace("ươ", "uơ"), tone)
    if decoded is None:
        return None
    if sure or _SURE_TELEX.search(word):
        return decoded, 2
    return decoded, int(word[-1] in "frx")


def _vni(word: str) -> tuple[str, int] | None:
    """A lower-case VNI word ("te61", "d9i", "cach1") as (syllable, evidence), or None."""
    out: list[str] = []
    tone = ""
    for c in word:
        if not c.isdigit():
            out.append(c)
            continue
        if c in _VNI_TONES and not tone:
            tone = _VNI_TONES[c]
        elif c == "9" and out[:1] == ["d"]:
            out[0] = "đ"
        elif c not in "678" or not _mark(out, c):
            return None
    decoded = syllable("".join(out), tone)
    if decoded is None or decoded == word:
        return None
    digits = [i for i, c in enumerate(word) if c.isdigit()]
    # A lone tone digit at the end may be a number written on ("mui3": dose 3).
    sure = len(digits) > 1 or digits[0] < len(word) - 1 or word[-1] in "6789"
    return decoded, 2 if sure else 0


def _mark(out: list[str], digit: str) -> bool:
    """Puts VNI's 6 (â ê ô), 7 (ơ ư) or 8 (ă) on the nearest vowel typed before it."""
    for i in range(len(out) - 1, -1, -1):
        c = out[i]
        if digit == "6" and c in _HAT:
            out[i] = _HAT[c]
        elif digit == "7" and c in _HORN:
            out[i] = _HORN[c]
            if c == "o" and i > 0 and out[i - 1] == "u":
                out[i - 1] = "ư"  # "uo7": ươ
        elif digit == "8" and c == "a":
            out[i] = "ă"
        else:
            continue
        return True
    return False


@functools.lru_cache(maxsize=16384)
def _word(word: str) -> tuple[str, int] | None:
    """A word of letters (and digits) as (the syllable it stands for, the evidence it gives that
    the message is Telex or VNI), or None when it stands for no syllable. Evidence: 2, beyond
    doubt (a tone letter f, x or j inside: "lafm"); 1, a final f, r or x, or an r inside ("chaof",
    "camr", "phari": English has "box", "door", "born"); 0, others ("sees", "mui3", "toj": a
    plural, a dose, teencode's "tôi")."""
    lower = word.lower()
    if lower in ENGLISH or (word.isupper() and (len(word) <= 3 or not word.isalpha())):
        return None  # an English word; an acronym or a code: "WHO", "PCR", "NA3"
    found = _vni(lower) if any(c.isdigit() for c in lower) else _telex(lower)
    if found is None:
        return None
    decoded, evidence = found
    if word.isupper() and len(word) > 1:
        decoded = decoded.upper()
    elif word[0].isupper():
        decoded = decoded[0].upper() + decoded[1:]
    return decoded, evidence


# Texts that may hold Telex or VNI, read lately: citizens send the same texts over and over, and
# the whole pass costs 20-40 us a text. None: read as it is. A long text is read anew each time
# (as `normalize.words` folds it): 4,096 texts of 4,000 characters, each kept with its reading,
# would hold some 60 MiB.
_READ: Lru[str, str | None] = Lru(TEXTS_KEPT)


def decode(text: str) -> str:
    """`text` with its Telex and VNI words written as Vietnamese, or `text` itself when it holds
    no word that is Telex or VNI beyond doubt and not two words ending in f, r or x that are."""
    if not _MAYBE.search(text):
        return text
    if len(text) > LONGEST_TEXT_KEPT:
        return _decoded(text) or text
    return _READ.get(text, _decoded) or text


def _decoded(text: str) -> str | None:
    found: list[tuple[int, int, str]] = []
    evidence = 0
    for chunk in _CHUNK.finditer(text):
        raw = chunk.group()
        core = raw.strip(_EDGES)
        if not core or len(core) > _LONGEST or not _WORD.fullmatch(core):
            continue
        decoded = _word(core)
        if decoded is None:
            continue
        start = chunk.start() + raw.index(core)
        found.append((start, start + len(core), decoded[0]))
        evidence += decoded[1]
    if evidence < 2:
        return None
    parts, at = [], 0
    for start, end, syllable_ in found:
        parts += [text[at:start], syllable_]
        at = end
    return "".join(parts) + text[at:]
