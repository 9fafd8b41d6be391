"""Every agency routing names exists in the directory, and rules name only known things."""

from __future__ import annotations

from hotline.handoff.agency_directory import (
    places_of,
    readers,
    rule_problems,
    seed_placeholders,
    unreachable,
)
from hotline.handoff.routing import Agency, RoutingRule
from hotline.handoff.users import User
from hotline.storage.sqlite.backend import SqliteStorage

PLACES = places_of([("Thủ Dầu Một", ["Phú Cường", "Hiệp Thành"]), ("Dĩ An", ["Dĩ An"])])


async def test_placeholders_are_seeded_once_without_an_address(storage: SqliteStorage) -> None:
    routing = await storage.routing()
    added = await seed_placeholders(routing, PLACES, "Bình Dương")
    names = {a.name: a.email for a in await routing.agencies()}
    for name in (
        "UBND Phú Cường, Thủ Dầu Một",
        "UBND Hiệp Thành, Thủ Dầu Một",
        "UBND Dĩ An, Dĩ An",
        "UBND Thủ Dầu Một",  # a report without a ward goes to the district's committee
        "Công an Thủ Dầu Một",
        "Công an Dĩ An",
        "Trung tâm Y tế Dĩ An",
    ):
        assert names[name] == "", name
    assert added >= 7
    await routing.put_agency(Agency("Công an Dĩ An", "ca.dian@example.vn"))
    assert await seed_placeholders(routing, PLACES, "Bình Dương") == 0  # kept, not reset
    assert {a.name: a.email for a in await routing.agencies()}["Công an Dĩ An"]


async def test_an_agency_is_reachable_by_mail_or_an_open311_reader(
    storage: SqliteStorage,
) -> None:
    routing, users = await storage.routing(), await storage.users()
    await routing.put_agency(Agency("Công an Dĩ An", "ca.dian@example.vn"))
    await routing.put_agency(Agency("UBND Dĩ An, Dĩ An", ""))
    await routing.put_agency(Agency("Trung tâm Y tế Dĩ An", ""))
    reader = User.new("yte-dian", "agency", "h", agency="Trung tâm Y tế Dĩ An")
    await users.add(reader)
    assert await readers(users) == {"Trung tâm Y tế Dĩ An"}
    names = ("Công an Dĩ An", "UBND Dĩ An, Dĩ An", "Trung tâm Y tế Dĩ An")
    assert await unreachable(routing, users, names) == ["UBND Dĩ An, Dĩ An"]


def test_rules_name_only_known_teams_places_and_agencies() -> None:
    agencies = {"UBND Phú Cường, Thủ Dầu Một", "UBND Hiệp Thành, Thủ Dầu Một", "Công an Dĩ An"}
    good = RoutingRule("hardship", ("UBND {ward}",), "agents", "Thủ Dầu Một", "Phú Cường")
    assert rule_problems([good], {"agents"}, agencies, PLACES, "Bình Dương") == []
    typo = RoutingRule("violation", ("Công an Dĩ An",), "helth", "Dĩ An")
    [problem] = rule_problems([typo], {"agents", "health"}, agencies, PLACES, "Bình Dương")
    assert "không có tổ “helth”" in problem and "health" in problem
    nowhere = RoutingRule("violation", ("Công an Thuận An",), "agents", "Thuận An", "Lái Thiêu")
    problems = rule_problems([nowhere], {"agents"}, agencies, PLACES, "Bình Dương")
    assert any("Thuận An" in p and "huyện" in p for p in problems)
    assert any("Lái Thiêu" in p for p in problems)
    unknown = RoutingRule("feedback", ("Sở Không Có",), "agents")
    [problem] = rule_problems([unknown], {"agents"}, agencies, PLACES, "Bình Dương")
    assert "chưa có cơ quan Sở Không Có trong danh bạ" in problem
