"""Where in the province the asker is: the names of its own towns, which an entry need not say.

"Em ở Tân Uyên, ...", "gần chợ Lái Thiêu có chỗ nào test", "tạm trú ở Bến Cát" tell where the
asker lives or goes inside the province, whose rules the entries give for all of it: the name
weighs nothing against an entry that never says it (an entry that names it still gains). Only
after a word that places the asker there ("ở", "gần", "tại", "từ", "về", "chợ", "phường"...),
so a town whose own state is asked ("Dĩ An còn phong tỏa không") keeps its weight, and only
written with its own diacritics ("dĩ an", not "đi ăn"). Places outside the province are
`hotline.faq.places`' business and keep theirs.
"""

from __future__ import annotations

from hotline.faq.written import said_only

# The province's cities, towns and district seats, and wards citizens name, as written.
_TOWNS = frozenset(
    name.strip()
    for name in """
    thủ dầu một|dĩ an|thuận an|tân uyên|bắc tân uyên|bến cát|bàu bàng|dầu tiếng|phú giáo|
    lái thiêu|mỹ phước|uyên hưng|tân phước khánh|phước vĩnh|lai uyên|phú cường|
    chánh nghĩa|tân đông hiệp|bình chuẩn|thới hòa|vĩnh phú
    """.replace("\n", " ").split("|")
)
_LONGEST = 3
# Words after which a town is where the asker is or goes.
_AT = frozenset(
    """
    ở tại gần từ về lên xuống vô vào ra qua sang tới đến bên chợ phường xã huyện thị xã tp
    phố quê trọ
    """.split()
)


def _named(words: list[str]) -> set[int]:
    """The positions of a town's name in a clause's words, after a word that places the asker."""
    named: set[int] = set()
    i = 0
    while i < len(words):
        longest = min(_LONGEST, len(words) - i)
        n = next((n for n in range(longest, 1, -1) if " ".join(words[i : i + n]) in _TOWNS), 0)
        if n and i and words[i - 1] in _AT:
            named.update(range(i, i + n))
        i += n or 1
    return named


def where(text: str) -> frozenset[str]:
    """The folded words `text` uses only in the name of a town of the province where the asker
    is or goes; a word the message also uses elsewhere is the question's."""
    return said_only(text, _named)
