"""What the FAQ index compares: words, word pairs and letter trigrams of analysed text.

Words carry the meaning, word pairs the phrases ("cach ly", "giay di duong"), and letter
trigrams survive the typos and run-together words of chat ("xet nghiep", "tiemchung").
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from itertools import pairwise

# Fillers of a citizen's question that say nothing about which entry is meant, in the folded
# spelling the analyzer produces: pronouns, politeness, question particles.
STOPWORDS: frozenset[str] = frozenset(
    """
    a ah ak oi ad admin alo xin hoi em anh ban bac minh toi tui ta la thi ma co vay nhe
    nha ha hen voi cua nay kia day nao gi sao ai giup dum vui long lam on cam muon can
    biet o ne nghen nhen e dzay ong chau vua
    """.split()
)
# "khong", "duoc" and "roi" stay: "có được ... không" asks whether, "bao nhiêu" asks how much,
# and the paraphrase set scores better with them than without.
# Not fillers although they look like one once folded: "chợ" (cho), "chỉ thị" (chi),
# "thẻ" (the), "cấp độ" (do), "về quê" (ve), "tiêm chủng" (chung), "hộ" (ho).

WORD = "w"
PAIR = "p"
TRIGRAM = "t"

# How much each kind of feature counts towards the similarity.
WEIGHTS: dict[str, float] = {WORD: 1.0, PAIR: 0.8, TRIGRAM: 0.45}


def content_words(words: list[str]) -> list[str]:
    return [w for w in words if w not in STOPWORDS]


def features(words: list[str]) -> Counter[str]:
    """Feature counts of analysed words: `w:cach`, `p:cach_ly`, `t:ach`, ..."""
    kept = content_words(words) or words
    counts: Counter[str] = Counter()
    for word in kept:
        counts[f"{WORD}:{word}"] += 1
    for first, second in pairwise(kept):
        counts[f"{PAIR}:{first}_{second}"] += 1
    joined = f" {' '.join(kept)} "
    for i in range(len(joined) - 2):
        gram = joined[i : i + 3]
        if gram.strip():
            counts[f"{TRIGRAM}:{gram}"] += 1
    return counts


def kind(feature: str) -> str:
    return feature[0]


def weighed_features(words: list[str], light: Mapping[str, float]) -> dict[str, float]:
    """`features(words)` with some words weighing a share of their due (`light`: word to share,
    1.0 for the others): a word's feature weighs its share, a pair or a trigram the least share
    of the words it joins. Given as the count a feature of that weight would have, since a
    search weighs a count `c` as 1 + log c (`hotline.faq.vectors.Postings.scores`): a feature
    counted `n` times weighs (1 + log n) times the mean share of its occurrences (a share of 0
    weighs nothing). Without light words, `features(words)` itself."""
    counts = features(words)
    kept = content_words(words) or words
    shares = [light.get(w, 1.0) for w in kept]
    if all(s == 1.0 for s in shares):
        return dict(counts)
    mass: dict[str, float] = dict.fromkeys(counts, 0.0)
    for word, share in zip(kept, shares, strict=True):
        mass[f"{WORD}:{word}"] += share
    for (first, second), pair in zip(pairwise(kept), pairwise(shares), strict=True):
        mass[f"{PAIR}:{first}_{second}"] += min(pair)
    # Each letter of the joined text belongs to its word; a space to none.
    joined, owner = " ", [1.0]
    for word, share in zip(kept, shares, strict=True):
        joined += f"{word} "
        owner += [share] * len(word) + [1.0]
    for i in range(len(joined) - 2):
        gram = joined[i : i + 3]
        if gram.strip():
            mass[f"{TRIGRAM}:{gram}"] += min(owner[i : i + 3])
    return {
        feature: n if mass[feature] == n else math.exp((1.0 + math.log(n)) * mass[feature] / n - 1)
        for feature, n in counts.items()
    }
