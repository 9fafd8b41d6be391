"""The RoutingStore contract: seeded once, rules replaced whole, agencies upserted."""

from __future__ import annotations

from hotline.handoff.routing import Agency, RoutingRule, load_defaults
from hotline.storage.base import Storage


async def test_seeded_once_then_the_admins_rules_stay(storage: Storage) -> None:
    routing = await storage.routing()
    default_rules, default_agencies = load_defaults()
    assert await routing.rules() == default_rules
    assert {a.name for a in await routing.agencies()} == {a.name for a in default_agencies}

    await routing.replace_rules([])
    await storage.routing()  # another worker starting: no second seeding
    assert await routing.rules() == []

    mine = [RoutingRule("violation", ("Công an {district}",), district="Dĩ An"), RoutingRule("*")]
    await routing.replace_rules(mine)
    assert await routing.rules() == mine


async def test_put_agency_inserts_or_updates(storage: Storage) -> None:
    routing = await storage.routing()
    await routing.put_agency(Agency("Zeta", "a@example.vn"))
    await routing.put_agency(Agency("Zeta", "b@example.vn"))
    assert [a for a in await routing.agencies() if a.name == "Zeta"] == [
        Agency("Zeta", "b@example.vn")
    ]
