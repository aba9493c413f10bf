"""The lead's small facts fixes of 2026-12-02: local currency names written against the amount, and
both phone stores denied together."""

import pytest

from scrapers.facts import extract_facts


def facts(text: str, kind: str) -> list[tuple[str, bool]]:
    return [(fact.value, fact.negated) for fact in extract_facts(text, title="Tool") if fact.kind == kind]


@pytest.mark.parametrize(("text", "price"), [
    ("It costs 1500Ft a month.", "1500Ft/month"),
    ("Plans from 49zł a month.", "49zł/month"),
    ("From 250Kč a month, billed yearly.", "250Kč/month"),
    ("Pro is 20lei/month for a shop.", "20lei/month"),
    ("Each seat is 4500Ft per month.", "4500Ft/month"),
    ("Hosting is ₴300 a month.", "₴300/month"),
])
def test_a_local_currency_name_against_the_amount_is_a_price(text, price):
    assert facts(text, "entry_price") == [(price, False)]


def test_a_length_in_feet_is_no_price():
    assert facts("The tower it maps is 300ft tall.", "entry_price") == []


@pytest.mark.parametrize(("text", "stores"), [
    ("Not on iOS and Android yet.", [("App Store", True), ("Google Play", True)]),
    ("It is not on iOS or Android yet.", [("App Store", True), ("Google Play", True)]),
    ("Not yet on Android and iOS.", [("App Store", True), ("Google Play", True)]),
    ("Get it on iOS or Android.", [("App Store", False), ("Google Play", False)]),
    ("Available on iOS and Android.", [("App Store", False), ("Google Play", False)]),
])
def test_both_phone_stores_named_together_are_said_or_denied_together(text, stores):
    assert sorted(facts(text, "distribution")) == stores
