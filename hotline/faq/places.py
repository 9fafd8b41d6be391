"""Places outside the province: a question about another province's or country's rules is not
answered by an entry on the province's own ("Lâm Đồng đang ở cấp độ mấy" is not the entry on
epidemic levels, "Singapore có bắt cách ly không" not the entry on travel between provinces).

Folded, place names are common syllables ("lam dong", "can tho", "han quoc"), which weigh
nothing as words: `Coverage` counts a place named here as one salient word of its own (a kind,
`PLACE`), which every entry leaves uncovered but those speaking of other places ("tỉnh khác",
"liên tỉnh", "về quê", "nước ngoài": travel, declarations on arrival), for which it does not
count at all: a place is a reason not to answer, never one to answer. Binh Duong and its own
towns are not here.
Written from the map, not from any evaluation split; names that are also common words or places
inside the province ("Mỹ" and Mỹ Phước, "Lào" and "lao động", Phú Thọ ward, Bình Thuận) are left
out.
"""

from __future__ import annotations

from collections.abc import Iterable

PLACE = "?noi_khac"

_NAMES = """
ha noi | hai phong | da nang | can tho | sai gon | tphcm | hcm | ho chi minh
dong nai | bien hoa | long khanh | binh phuoc | tay ninh | long an | ba ria | vung tau
tien giang | ben tre | tra vinh | vinh long | dong thap | an giang | kien giang | phu quoc
hau giang | soc trang | bac lieu | ca mau | mien tay | mien bac | mien trung
lam dong | da lat | dak lak | daklak | dak nong | gia lai | kon tum | buon ma thuot
khanh hoa | nha trang | ninh thuan | phan thiet | phu yen | binh dinh | quy nhon
quang ngai | quang nam | hoi an | thua thien hue | quang tri | quang binh | ha tinh
nghe an | thanh hoa | ninh binh | nam dinh | thai binh | ha nam | hung yen | hai duong
bac ninh | bac giang | vinh phuc | thai nguyen | lang son | cao bang | ha giang | lao cai
sa pa | yen bai | tuyen quang | son la | dien bien | lai chau | hoa binh | bac kan | quang ninh
ha long | con dao
singapore | dai loan | trung quoc | han quoc | nhat ban | thai lan | campuchia | malaysia
indonesia | philippines | an do | chau au | canada | australia | nuoc uc | sang uc
"""
PLACES: frozenset[tuple[str, ...]] = frozenset(
    tuple(name.split()) for line in _NAMES.strip().splitlines() for name in line.split("|")
)
# What an entry says when it speaks of other places: such an entry covers a place named.
ELSEWHERE: frozenset[tuple[str, ...]] = frozenset(
    tuple(p.split())
    for p in ("tinh khac", "lien tinh", "dia phuong khac", "noi den", "ve que", "nuoc ngoai")
)
_LONGEST = max(len(p) for p in PLACES | ELSEWHERE)


def _has(words: list[str], phrases: frozenset[tuple[str, ...]]) -> bool:
    return any(
        tuple(words[i : i + n]) in phrases
        for n in range(1, _LONGEST + 1)
        for i in range(len(words) - n + 1)
    )


def names_place(words: list[str]) -> bool:
    """Whether the (analysed, folded) words name a place outside the province."""
    return _has(words, PLACES)


def speaks_of_elsewhere(texts: Iterable[list[str]]) -> bool:
    """Whether an entry's texts (analysed) speak of other provinces or countries."""
    return any(_has(words, ELSEWHERE) for words in texts)
