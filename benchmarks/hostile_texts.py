"""Hostile messages of 4,000 characters: the local NLU's parse and the seed FAQ's lookup, each.

    .venv/bin/python benchmarks/hostile_texts.py [--runs 20] [--model-dir var/nlu]

One word said over and over ("mấy ngày", "hay", "nào", 👍...), runs of punctuation, one
4,000-letter word, distinct "X hay" pairs and random Vietnamese syllables: the texts a rule
that looks back or ahead could turn quadratic on. Prints the worst and median of --runs runs
of `LocalNLU.parse_sync` and of `FaqIndex.lookup` (the seed FAQ, read as the server reads it,
no sentence encoder) for each, flagging any worst above 50 ms. Each run cuts one more character
off the end, so no run is answered from the caches a repeated text would hit. Uses the model in
--model-dir (default $HOTLINE_NLU_MODEL_DIR, else var/nlu) when it is up to date, else trains
one in a scratch directory.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hotline.bot.nlu.local import LocalNLU
from hotline.bot.nlu.normalize import words
from hotline.bot.nlu.training import model_is_stale, train
from hotline.faq.index import FaqIndex
from hotline.faq.io import load_seed
from hotline.faq.reading import reading

LENGTH = 4000  # characters: a long message's size
SLOW_MS = 50.0
REPEATED = [
    "mấy ngày",
    "hay",
    "nào",
    "màu gì",
    "dạ",
    "k",
    "ok",
    "👍",
    "kính gửi",
    "haha",
    "làm sao đây",
    "phản ánh",
    "mũi",  # a vaccine word the FAQ's asks look for a pregnancy after
    "hai mươi",  # a number as voice typing writes it
    "how what",  # English, read as the FAQ's Vietnamese
    "ad",  # the hotline addressed: an opener, a closer and a name of the bot at once
    "https://a.vn/b?utm=c",  # pasted links, none of the message's words
    "#hotrotientro",  # hashtags, split into syllables
]
_ONSETS = [*"b c ch d đ g gi h k kh l m n ng nh p ph qu r s t th tr v x".split(), ""]
_NUCLEI = "a ă â e ê i o ô ơ u ư y ia ươ uô".split()
_CODAS = [*"c ch m n ng nh p t i o u".split(), ""]
_TONES = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]  # huyền sắc ngã hỏi nặng


def syllable(rng: random.Random) -> str:
    """A random syllable written the Vietnamese way, real or not ("khướng", "trộp")."""
    nucleus = rng.choice(_NUCLEI)
    toned = nucleus[0] + rng.choice(_TONES) + nucleus[1:]
    return unicodedata.normalize("NFC", rng.choice(_ONSETS) + toned + rng.choice(_CODAS))


def filled(pieces: Callable[[], str]) -> str:
    """Pieces joined by spaces up to LENGTH characters."""
    text = ""
    while len(text) < LENGTH:
        text += pieces() + " "
    return text[:LENGTH]


def hostile_texts(seed: int = 1022) -> dict[str, str]:
    rng = random.Random(seed)
    texts = {f"'{w}' repeated": (f"{w} " * LENGTH)[:LENGTH] for w in REPEATED}
    texts["'?' run"] = "?" * LENGTH
    texts["'!?.,;:' runs"] = filled(lambda: "".join(rng.choices("!?.,;:", k=rng.randint(5, 60))))
    texts["one 4,000-letter word"] = "a" * LENGTH
    texts["one 4,000-letter hashtag"] = "#" + "hotro" * (LENGTH // 5)
    texts["a dotted run ('a.a.a...')"] = "a." * (LENGTH // 2)
    seen: set[str] = set()

    def pair() -> str:
        word = syllable(rng)
        while word in seen:
            word = syllable(rng)
        seen.add(word)
        return f"{word} hay"

    texts["distinct 'X hay' pairs"] = filled(pair)
    texts["random syllables"] = filled(lambda: syllable(rng))
    return texts


def timed(call: Callable[[str], object], text: str, runs: int) -> tuple[float, float]:
    """The worst and median milliseconds of `runs` calls, each on a text one character shorter."""
    spent: list[float] = []
    for run in range(runs):
        cut = text[: len(text) - run]
        started = time.perf_counter()
        call(cut)
        spent.append((time.perf_counter() - started) * 1000)
    return max(spent), statistics.median(spent)


def run(nlu: LocalNLU, runs: int) -> None:
    index = FaqIndex(reading(words))  # as the server reads: English and voice typing too
    index.rebuild(load_seed())
    nlu.parse_sync("F1 phải cách ly bao nhiêu ngày?")  # warm up numpy and the model
    index.lookup("F1 phải cách ly bao nhiêu ngày?")
    print(f"{runs} runs each; worst / median ms; * above {SLOW_MS:.0f} ms")
    print(f"{'message':<28}{'parse':>20}{'FAQ lookup':>20}")
    for name, text in hostile_texts().items():
        figures = [timed(nlu.parse_sync, text, runs), timed(index.lookup, text, runs)]
        cells = [
            f"{worst:8.1f}{'*' if worst > SLOW_MS else ' '} / {median:6.1f}"
            for worst, median in figures
        ]
        wide = sum(unicodedata.east_asian_width(c) == "W" for c in name)  # 👍 takes two columns
        print(f"{name:<{28 - wide}}" + "".join(f"{cell:>20}" for cell in cells))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_dir = Path(os.environ.get("HOTLINE_NLU_MODEL_DIR", "var/nlu"))
    parser.add_argument("--model-dir", type=Path, default=default_dir)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    if not model_is_stale(args.model_dir):
        run(LocalNLU.load(args.model_dir), args.runs)
        return 0
    with tempfile.TemporaryDirectory() as scratch:
        print(train(Path(scratch)))
        run(LocalNLU.load(Path(scratch)), args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
