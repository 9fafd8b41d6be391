"""The agencies forwarding can reach, and the checks that keep routing pointed at them.

Every name the routing rules can produce ("UBND {ward}", "Công an {district}", ...) is an agency
in the directory: missing ones are added as placeholders without an address, which the admin
page flags "chưa có địa chỉ" and forwarding refuses until an admin fills one in. An agency is
reachable when it has an e-mail address or an active Open311 reader (an agency user).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from hotline.handoff.deadlines import CATEGORIES
from hotline.handoff.routing import ANY, Agency, RoutingRule, RoutingStore, choose
from hotline.handoff.user_store import UserStore
from hotline.handoff.users import DEFAULT_TEAMS, Role

# A place: a district, and one of its wards or None (the district as a whole).
Place = tuple[str, str | None]
BASE_TEAMS = frozenset({*DEFAULT_TEAMS.values(), "health"})
NO_ADDRESS = (
    "Chưa chuyển được: {names} chưa có địa chỉ nhận (thư điện tử hoặc tài khoản Open311). "
    "Quản trị viên cập nhật ở trang Quản trị › Quy tắc chuyển xử lý › Cơ quan."
)


def places_of(districts: Iterable[tuple[str, Iterable[str]]]) -> list[Place]:
    """Every district and every ward of it, from the shipped administrative-unit list."""
    found: list[Place] = []
    for district, wards in districts:
        found.append((district, None))
        found += [(district, ward) for ward in wards]
    return found


def names_for(rules: list[RoutingRule], places: list[Place], province: str) -> list[str]:
    """Every agency name the rules produce for any place, in a stable order."""
    names: dict[str, None] = {}
    for category in (*CATEGORIES, ANY):
        for district, ward in places:
            for name in choose(rules, category, district, ward, province).agencies:
                names[name] = None
    return list(names)


async def seed_placeholders(store: RoutingStore, places: list[Place], province: str) -> int:
    """Add the agencies the rules name but the directory lacks, without an address; returns
    how many. Run at every start: it only adds, so an admin's addresses are kept."""
    known = {a.name for a in await store.agencies()}
    missing = [n for n in names_for(await store.rules(), places, province) if n not in known]
    for name in missing:
        await store.put_agency(Agency(name, ""))
    return len(missing)


async def readers(users: UserStore | None) -> frozenset[str]:
    """Agencies with an active Open311 reader."""
    if users is None:
        return frozenset()
    return frozenset(
        u.agency for u in await users.list() if u.role == Role.AGENCY and u.active and u.agency
    )


async def unreachable(
    store: RoutingStore, users: UserStore | None, names: Collection[str]
) -> list[str]:
    """Of these agencies, the ones forwarding would reach nobody at."""
    mailed = {a.name for a in await store.agencies() if a.email}
    reading = await readers(users)
    return [n for n in names if n not in mailed and n not in reading]


async def known_teams(users: UserStore) -> frozenset[str]:
    """The teams a rule may name: the built-in ones and every team someone belongs to."""
    return BASE_TEAMS | {u.team for u in await users.list() if u.team}


def rule_problems(
    rules: list[RoutingRule],
    teams: Collection[str],
    agencies: Collection[str],
    places: list[Place],
    province: str,
) -> list[str]:
    """What is wrong with these rules, in Vietnamese: unknown categories, teams, places and
    agencies ("helth" is not a team). Empty when they may be saved."""
    problems: list[str] = []
    districts = {d for d, _ in places}
    wards = {w for _, w in places if w}
    for number, rule in enumerate(rules, start=1):
        where = f"Quy tắc {number}"
        if rule.category != ANY and rule.category not in CATEGORIES:
            problems.append(f"{where}: không có loại phiếu “{rule.category}”.")
        if rule.team not in teams:
            choices = ", ".join(sorted(teams))
            problems.append(f"{where}: không có tổ “{rule.team}” (chọn một trong: {choices}).")
        if rule.district and rule.district not in districts:
            problems.append(f"{where}: không có huyện/thị xã/thành phố “{rule.district}”.")
        if rule.ward and rule.ward not in wards:
            problems.append(f"{where}: không có phường/xã “{rule.ward}”.")
        named = names_for([rule], _places_for(rule, places), province)
        unknown = sorted({n for n in named if n not in agencies})
        if unknown:
            problems.append(f"{where}: chưa có cơ quan {', '.join(unknown)} trong danh bạ.")
    return problems


def _places_for(rule: RoutingRule, places: list[Place]) -> list[Place]:
    return [
        (d, w)
        for d, w in places
        if (rule.district in (None, d)) and (rule.ward is None or rule.ward == w)
    ]


async def check_rules(
    rules: list[RoutingRule],
    store: RoutingStore,
    users: UserStore,
    places: list[Place],
    province: str,
) -> list[str]:
    """`rule_problems` against the teams and the agency directory as they are now."""
    agencies = {a.name for a in await store.agencies()}
    return rule_problems(rules, await known_teams(users), agencies, places, province)
