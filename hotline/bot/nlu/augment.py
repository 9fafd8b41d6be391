"""More training examples, made by code from the written ones, the way citizens type.

Citizens write without diacritics, in teencode, with typos and missing spaces, and end with a
particle ("ạ", "ad ơi", "nha"). Each example gets a few variants, each from a random pick of these
changes; the randomness is seeded by the example's own text, so the same data always gives the
same variants whatever the order. A variant whose folded words are the example's own is dropped:
the classifier's features already ignore diacritics, case and the teencode that `normalize`
expands, so such a variant would only cost training time.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from hotline.bot.nlu.normalize import normalize, strip_diacritics

# Full words -> how citizens shorten them (folded keys: applied after diacritics are stripped).
SHORTHAND: dict[str, tuple[str, ...]] = {
    "khong": ("ko", "k", "hok", "kh", "hong"),
    "không": ("ko", "k", "hông", "kh"),
    "được": ("dc", "đc", "đk"),
    "duoc": ("dc", "dk"),
    "gì": ("j", "gi"),
    "gi": ("j",),
    "vậy": ("v", "z", "vay"),
    "vay": ("v", "z"),
    "rồi": ("r",),
    "roi": ("r",),
    "người": ("ng",),
    "nguoi": ("ng",),
    "bao nhiêu": ("bn", "bnhieu", "bao nhiu"),
    "bao nhieu": ("bn", "bao nhiu"),
    "như thế nào": ("ntn", "nhu the nao"),
    "nhu the nao": ("ntn",),
    "với": ("vs",),
    "voi": ("vs",),
    "biết": ("bik", "bit"),
    "biet": ("bik",),
    "cũng": ("cx",),
    "cung": ("cx",),
    "mình": ("mik", "mk"),
    "minh": ("mik", "mk"),
    "xét nghiệm": ("xn",),
    "xet nghiem": ("xn",),
    "số điện thoại": ("sdt", "sđt"),
    "so dien thoai": ("sdt",),
}
ENDINGS = (" ạ", " a", " ad", " ad ơi", " ơi", " nha", " nhé", " vậy", " z", "?", " ạ?", " với")
SEED = 1022


@dataclass(frozen=True)
class Augmentation:
    """How many variants per example and which changes may go into one."""

    copies: int = 2
    seed: int = SEED
    typos: bool = True
    joined_words: bool = True
    endings: bool = True
    dropped_words: bool = False


def _strip(text: str, rng: random.Random) -> str:
    return strip_diacritics(text)


def _shorthand(text: str, rng: random.Random) -> str:
    padded = f" {text.lower()} "
    found = [full for full in SHORTHAND if f" {full} " in padded]
    for full in rng.sample(found, len(found)):
        if rng.random() < 0.7:
            padded = padded.replace(f" {full} ", f" {rng.choice(SHORTHAND[full])} ", 1)
    return padded.strip()


def _typo(text: str, rng: random.Random) -> str:
    """A dropped, doubled or swapped letter in one word of at least three letters."""
    tokens = text.split()
    long = [i for i, t in enumerate(tokens) if len(t) >= 3 and t.isalpha()]
    if not long:
        return text
    i = rng.choice(long)
    word = tokens[i]
    at = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(3)
    if kind == 0:
        word = word[:at] + word[at + 1 :]
    elif kind == 1:
        word = word[:at] + word[at] + word[at:]
    else:
        word = word[: at - 1] + word[at] + word[at - 1] + word[at + 1 :]
    tokens[i] = word
    return " ".join(tokens)


def _join(text: str, rng: random.Random) -> str:
    """Two neighbouring words typed without the space between them."""
    tokens = text.split()
    if len(tokens) < 3:
        return text
    i = rng.randrange(len(tokens) - 1)
    return " ".join([*tokens[:i], tokens[i] + tokens[i + 1], *tokens[i + 2 :]])


def _ending(text: str, rng: random.Random) -> str:
    return text.rstrip(" ?.!") + rng.choice(ENDINGS)


def _drop(text: str, rng: random.Random) -> str:
    """One word left out, from a message of at least five."""
    tokens = text.split()
    if len(tokens) < 5:
        return text
    del tokens[rng.randrange(len(tokens))]
    return " ".join(tokens)


Change = Callable[[str, random.Random], str]


def _changes(settings: Augmentation) -> list[Change]:
    chosen: list[tuple[bool, Change]] = [
        (settings.typos, _typo),
        (settings.joined_words, _join),
        (settings.endings, _ending),
        (settings.dropped_words, _drop),
    ]
    return [change for on, change in chosen if on]


def variants(text: str, settings: Augmentation = Augmentation()) -> list[str]:
    """Up to `settings.copies` distinct variants of `text` that the classifier sees differently."""
    rng = random.Random(f"{settings.seed}:{text}")
    changes = _changes(settings)
    seen = {normalize(text)}
    out: list[str] = []
    for _ in range(settings.copies):
        variant = text
        if rng.random() < 0.5:
            variant = _strip(variant, rng)
        variant = _shorthand(variant, rng)
        if changes:
            for change in rng.sample(changes, rng.randint(1, min(2, len(changes)))):
                variant = change(variant, rng)
        key = normalize(variant)
        if key and key not in seen:
            seen.add(key)
            out.append(variant)
    return out


def augment_texts(
    texts: Sequence[str], labels: Sequence[str], settings: Augmentation = Augmentation()
) -> tuple[list[str], list[str]]:
    """The texts and labels followed by every text's variants under its own label."""
    out_texts, out_labels = list(texts), list(labels)
    for text, label in zip(texts, labels, strict=True):
        for variant in variants(text, settings):
            out_texts.append(variant)
            out_labels.append(label)
    return out_texts, out_labels
