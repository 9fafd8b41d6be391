"""Words citizens use for what the FAQ says in other words: "chích" for "tiêm", "làm test" for
"xét nghiệm", "người già" for "người cao tuổi".

Written from what the hotline's callers say about its topics (not from any evaluation split),
in the folded spelling the analyzer produces. Each group lists phrases that mean the same thing
for the hotline; the first is the FAQ's own wording. A question's phrases are expanded towards the
FAQ's wording before retrieval, and an entry that uses one phrase of a group covers them all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

# One group a line: phrases separated by "|", the FAQ's usual wording first; a line opening
# with "|" goes on with the group above it.
_GROUPS = """
tiem | chich | chich ngua | tiem ngua | tiem chung
vac xin | vaccine | vacxin | vaccin | vacin | vx | vac xin covid
xet nghiem | test | lam test
test nhanh | test nhanh khang nguyen | que test | kit test | bo kit | kit
    | que thu | thu que | test que | quick test | rapid test
cach ly | nghi o nha | o yen trong nha | khong duoc ra khoi nha | tu cach ly
    | isolation | quarantine | phai o nha
giay di duong | giay thong hanh | giay phep di lai | giay xac nhan di lai | ma qr di duong
ho tro | tro cap | tro giup | cuu tro | giup do | tien ho tro
nguoi cao tuoi | nguoi gia | nguoi lon tuoi | cu gia | ong ba | ong cu | ba cu
tre em | con nit | tre nho | em be | chau nho
duong tinh | f0 | nhiem covid | mac covid | dinh covid | nhiem benh | bi nhiem | positive
tiep xuc gan | f1 | ngoi canh | o chung nha | gap nguoi benh
xu phat | phat tien | bi phat | bi xu ly
sieu thi | cua hang tien loi | bach hoa xanh | winmart | coop mart
xe buyt | xe bus | bus | xe khach | xe dua ruoc
taxi | grab | xe om | xe cong nghe | be car | gojek
shipper | giao hang | ship | grab food | baemin | shopee food | giao do an
benh vien | nhap vien | chuyen vien | di vien | vo vien | dua vo vien
khai bao y te | kbyt | khai bao | to khai y te
    | bao khu pho | bao voi khu pho | bao to dan pho | bao voi to dan pho | bao to truong
    | bao voi to truong | bao truong ap | bao voi ap
chung nhan tiem chung | ho chieu vaccine | ho chieu vac xin | the xanh | xac nhan da tiem
    | vaccine passport | vaccine certificate
pc covid | so suc khoe dien tu
mat viec | nghi viec | that nghiep | bi duoi viec | bi cho nghi | cham dut hop dong
ngung viec | nghi khong luong | tam nghi viec | cho nghi tam thoi | tam nghi
tien thue nha | tien tro | tien phong tro | thue tro | tien nha tro
luong thuc | gao | do an | thuc pham | nhu yeu pham | mi goi | rau cu
phong toa | rao chan | bi rao | phong toa cung | lockdown | lock down
cap cuu | kho tho | tho khong noi | ngat xiu | spo2 | emergency
    | tho hon hen | tho doc | hut hoi
tong dai | hotline | duong day nong
mien phi | mat tien | ton tien | phai dong tien | thu tien | mat phi | ton phi | thu phi | free
ra duong | ra ngoai | ra khoi nha
ban dem | ve khuya | buoi toi | gio gioi nghiem | ca dem
lien tinh | ve que | tinh khac | di tinh | ngoai tinh
thuoc | thuoc men | tui thuoc | goi thuoc
mui nhac lai | mui tang cuong | mui 3 | mui ba | booster
dang ky | dang ki | ghi danh | dang ky ten
ho kinh doanh | quan an | cua hang | buon ban
lao dong tu do | lam thue | phu ho | ban ve so | buon ban nho | ban hang rong
    | ban dao | ban hang dao | ban rong | hang rong | xe day | cong nhat | lam cong nhat | ve chai
covid | co vit | co vich | covit | co vid | corona
2 vach | hai vach | 2 gach | hai gach
am tinh | 1 vach | mot vach | 1 gach | mot gach | negative
test tai nha | tu test | test o nha | home test | self test
nha ve sinh | toilet | toa let | wc
dung chung | xai chung
dung rieng | xai rieng | de rieng
do dung ca nhan | chen bat | chen dua | bat dua
goi | keu
may ngay | may bua | bao nhieu bua
tu tap | lai rai | nhau nhet | tu ba tu bay | tu nam tu ba
5k | nam chu khong | 5 chu khong | may chu khong
bao hiem xa hoi | bhxh
bao hiem that nghiep | bhtn
cong ty | cty
khu cong nghiep | kcn
vung cam | mau cam
lam mat | lam rach | bi rach | lam hu
chot | chot chan | chot kiem soat | ranh gioi | giap ranh
ma phan anh | ma pa
khong lay | khoi lay | tranh lay | phong lay
xem | coi
tien do | toi buoc nao | den buoc nao
"""


# A synonym the FAQ's questions use in fewer than 1/WIDELY of the entries that use its FAQ
# wording gains the wording all the same (`expand`).
WIDELY = 2


def _phrases(line: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p.split()) for p in line.split("|") if p.strip())


GROUPS: tuple[tuple[tuple[str, ...], ...], ...] = tuple(
    _phrases(line) for line in _GROUPS.replace("\n    |", " |").strip().splitlines() if line.strip()
)


def _alternative_starts() -> dict[str, frozenset[int]]:
    """The first word of each alternative (not the FAQ's own wording) -> its groups' numbers."""
    starts: dict[str, set[int]] = {}
    for number, group in enumerate(GROUPS):
        for phrase in group[1:]:
            starts.setdefault(phrase[0], set()).add(number)
    return {word: frozenset(numbers) for word, numbers in starts.items()}


_ALTERNATIVE_STARTS = _alternative_starts()


def _find(words: list[str], phrase: tuple[str, ...]) -> bool:
    n, first = len(phrase), phrase[0]
    # Only where the phrase's first word stands: a tuple built per position of the question
    # cost most of a search's synonym step.
    return any(
        w == first and tuple(words[i : i + n]) == phrase
        for i, w in enumerate(words[: len(words) - n + 1])
    )


def expand(
    words: list[str], known: Callable[[tuple[str, ...]], int] = lambda phrase: 0
) -> list[str]:
    """The words with the FAQ's wording of each synonym the question uses appended ("chich ngua"
    gains "tiem"), unless the question already uses it, or the FAQ's questions use the synonym
    about as widely as its own wording (`known`: how many entries use a phrase): then the FAQ's
    own variants find it, and the extra words would only blur a question that matches a variant
    exactly ("f0" stays "f0"). A synonym only one entry of many says ("chich ngua", said by the
    entry on registering, where nine say "tiem") still gains the FAQ's wording, or that one
    entry would draw every question that uses it."""
    extra: list[str] = []
    present = set(words)
    # Only the groups with a phrase whose first word the question uses can add anything: a
    # lookup per group instead of a scan of the question per phrase.
    # A phrase whose first word the question lacks is not in it: no scan for those.
    for group in _groups_of(present):
        canonical = group[0]
        if canonical[0] in present and _find(words, canonical):
            continue
        widely = known(canonical)
        if any(
            p[0] in present and _find(words, p) and _rarely(known(p), widely) for p in group[1:]
        ):
            extra += canonical
    return words + extra


def _rarely(said: int, widely: int) -> bool:
    """Whether a synonym said by `said` entries' questions is said rarely beside its FAQ wording,
    said by `widely` (never said counts as rarely)."""
    return not said or said * WIDELY < widely


def _groups_of(present: set[str]) -> list[tuple[tuple[str, ...], ...]]:
    """The groups, in their order, an alternative phrase of which starts with a present word."""
    numbers = {n for word in present for n in _ALTERNATIVE_STARTS.get(word, ())}
    return [GROUPS[n] for n in sorted(numbers)]


# Every phrase length the groups use, for `covered_by` to cut each text into windows once.
_LENGTHS = frozenset(len(p) for group in GROUPS for p in group)


def covered_by(said: Iterable[list[str]]) -> set[str]:
    """Every word of every group one of the `said` texts (analysed words) uses a phrase of."""
    # The texts' windows of every phrase length, made once: a set lookup per phrase instead of
    # a scan of every text per phrase (this ran for most of an FAQ rebuild's time).
    windows = {
        tuple(text[i : i + n]) for text in said for n in _LENGTHS for i in range(len(text) - n + 1)
    }
    words: set[str] = set()
    for group in GROUPS:
        if any(phrase in windows for phrase in group):
            words.update(w for phrase in group for w in phrase)
    return words
