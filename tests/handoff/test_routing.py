import pytest

from hotline.handoff.desk import TicketDesk
from hotline.handoff.routing import Route, RoutingRule, choose, load_defaults
from hotline.storage.sqlite.backend import SqliteStorage
from tests.handoff.conftest import draft

RULES, _ = load_defaults()


@pytest.mark.parametrize(
    ("category", "ward", "district", "route"),
    [
        (
            "violation",
            "Phú Cường",
            "Thủ Dầu Một",
            Route("agents", ("UBND Phú Cường, Thủ Dầu Một", "Công an Thủ Dầu Một")),
        ),
        ("violation", None, "Dĩ An", Route("agents", ("UBND Dĩ An", "Công an Dĩ An"))),
        (
            "contact_tip",
            "Phú Cường",
            "Thủ Dầu Một",
            Route("health", ("Trung tâm Y tế Thủ Dầu Một",)),
        ),
        ("hardship", "An Phú", "Thuận An", Route("agents", ("UBND An Phú, Thuận An",))),
        ("emergency", None, None, Route("supervisors", ("Trung tâm Cấp cứu 115",))),
        ("health", None, None, Route("health", ())),
        ("feedback", None, None, Route("agents", ("Sở Thông tin và Truyền thông",))),
        ("other", None, None, Route("agents", ())),
        ("something_new", None, None, Route("agents", ())),
    ],
)
def test_the_province_defaults(
    category: str, ward: str | None, district: str | None, route: Route
) -> None:
    assert choose(RULES, category, district, ward) == route


def test_the_most_specific_rule_wins() -> None:
    rules = [
        *RULES,
        RoutingRule("violation", ("Đội kiểm tra liên ngành Dĩ An",), "agents", district="Dĩ An"),
        RoutingRule("violation", ("Công an phường Đông Hòa",), "dong_hoa", "Dĩ An", "Đông Hòa"),
    ]
    assert choose(rules, "violation", "Dĩ An", "Đông Hòa") == Route(
        "dong_hoa", ("Công an phường Đông Hòa",)
    )
    assert choose(rules, "violation", "Dĩ An", "An Bình").agencies == (
        "Đội kiểm tra liên ngành Dĩ An",
    )
    assert choose(rules, "violation", "Bến Cát", None).agencies == (
        "UBND Bến Cát",
        "Công an Bến Cát",
    )


@pytest.mark.parametrize(
    "doc",
    [
        {"agencies": ["x"]},
        {"category": "violation", "agencies": "UBND"},
        {"category": "violation", "agencies": ["UBND {phone}"]},
        {"category": "violation", "agencies": ["UBND {ward"]},
    ],
)
def test_bad_rules_are_refused_with_a_reason(doc: dict) -> None:
    with pytest.raises(ValueError):
        RoutingRule.from_doc(doc)


async def test_an_admins_edit_routes_the_next_ticket_and_survives_a_restart(
    desk: TicketDesk, storage: SqliteStorage, db_url: str
) -> None:
    first = await desk.file(draft("hardship", source="rest:1"))
    assert first.agencies == ("UBND Phú Cường, Thủ Dầu Một",) and first.team == "agents"

    store = await storage.routing()
    rules = await store.rules()
    rules.insert(
        0, RoutingRule("hardship", ("Hội Chữ thập đỏ Thủ Dầu Một",), "social", "Thủ Dầu Một")
    )
    await store.replace_rules(rules)

    second = await desk.file(draft("hardship", source="rest:2"))
    assert second.agencies == ("Hội Chữ thập đỏ Thủ Dầu Một",) and second.team == "social"

    reopened_storage = await SqliteStorage.from_url(db_url)
    try:
        reopened = await reopened_storage.routing()  # not seeded over the edit
        assert (await reopened.rules())[0].team == "social"
        assert len(await reopened.rules()) == len(RULES) + 1
    finally:
        await reopened_storage.close()


async def test_emptied_rules_stay_empty(storage: SqliteStorage) -> None:
    store = await storage.routing()
    await store.replace_rules([])
    again = await storage.routing()
    assert await again.rules() == []
