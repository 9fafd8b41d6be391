"""What the FAQ index compares: words, word pairs and letter trigrams of analysed text.

Words carry the meaning, word pairs the phrases ("cach ly", "giay di duong"), and letter
trigrams survive the typos and run-together words of chat ("xet nghiep", "tiemchung").
"""

from __future__ import annotations

from collections import Counter
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
