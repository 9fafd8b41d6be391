"""Places outside the province: a question about another province's or country's rules is not
answered by an entry on the province's own ("Lâm Đồng đang ở cấp độ mấy" is not the entry on
epidemic levels, "Singapore có bắt cách ly không" not the entry on travel between provinces).

Folded, place names are common syllables ("lam dong", "can tho", "han quoc"), which weigh
nothing as words: `Coverage` counts a place named here as one salient word of its own (a kind,
`PLACE`), which every entry leaves uncovered but those speaking of other places ("tỉnh khác",
"liên tỉnh", "về quê", "nước ngoài": travel, declarations on arrival), for which it does not
count at all when the place is somewhere to go or come from ("về Tây Ninh", "từ Cà Mau lên"):
a place is a reason not to answer, never one to answer. A place whose own rules are asked
("Cà Mau có bắt cách ly không") counts against those entries too (`asks_of_place`). Binh Duong
and its own towns are not here.
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


# Words one or two words after which a place is somewhere to go or come from ("về Tây Ninh",
# "từ Đắk Lắk lên", "về quê ở Đồng Tháp", "quê Bến Tre"), and the province's own name, after
# which it ends a route ("tuyến Bình Dương - Cà Mau"): travel, which the entries on other
# places answer. Folded.
_MOVES = frozenset("ve tu di len xuong qua sang toi den ra vao vo que".split())
HOME = ("binh", "duong")


def _places(words: list[str]) -> list[tuple[int, int]]:
    """Where the words name places outside the province: (start, length), longest name first."""
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        n = next((n for n in range(_LONGEST, 0, -1) if tuple(words[i : i + n]) in PLACES), 0)
        if n:
            found.append((i, n))
        i += n or 1
    return found


def without_places(words: list[str]) -> list[str]:
    """The words less those naming a place outside the province: the place counts as one
    word of its own (`PLACE`), not as its common syllables ("tây", "ninh")."""
    named = {i for start, n in _places(words) for i in range(start, start + n)}
    return [w for i, w in enumerate(words) if i not in named]


def asks_of_place(words: list[str]) -> bool:
    """Whether a place outside the province is named other than as somewhere to go or come
    from: its own rules are asked ("Long An có bắt cách ly không", "ở Hà Nội tiêm mũi mấy"),
    which an entry on travel between provinces does not answer."""
    return not all(
        bool(_MOVES.intersection(words[max(start - 2, 0) : start]))
        or tuple(words[max(start - 2, 0) : start]) == HOME
        for start, _ in _places(words)
    )


def names_place(words: list[str]) -> bool:
    """Whether the (analysed, folded) words name a place outside the province."""
    return bool(_places(words))


def speaks_of_elsewhere(texts: Iterable[list[str]]) -> bool:
    """Whether an entry's texts (analysed) speak of other provinces or countries."""
    return any(_has(words, ELSEWHERE) for words in texts)
