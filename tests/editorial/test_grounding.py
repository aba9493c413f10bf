"""The grounding check: numbers, prices, licences, names and negated facts."""

from __future__ import annotations

import pytest

from editorial.grounding import Source, check_take
from scrapers.records import FactRecord

LAUNCH = (
    "Tessellate 14B is a 14-billion-parameter code model under the Apache 2.0 license, with a 64K "
    "context. It runs on a single 24GB GPU and integrates with VS Code. Pro costs $12/month. "
    "There is no free tier, and the training data is not open source."
)
FACTS = (
    FactRecord(kind="parameters", value="14B", snippet="14-billion-parameter"),
    FactRecord(kind="license", value="Apache-2.0", snippet="Apache 2.0 license"),
    FactRecord(kind="entry_price", value="free tier", snippet="There is no free tier", negated=True),
    FactRecord(kind="pricing_model", value="open_source", snippet="not open source", negated=True),
)
SOURCE = Source(LAUNCH, FACTS)


@pytest.mark.parametrize(
    "take",
    [
        "At 14B under Apache 2.0, this is a download, not a sign-up form.",
        "A single 24GB GPU is the stated floor; $12/month buys the hosted version.",
        "The VS Code integration is what I'd try first. There is no free tier, so every test is a purchase.",
        "What earns the ship: the weights run on your own box. I'd test the 64K context first.",
    ],
)
def test_grounded_takes_pass(take: str):
    assert check_take(take, SOURCE) == []


@pytest.mark.parametrize(
    ("take", "problem"),
    [
        ("Open weights at 34B make it a strong local option.", "'34B'"),
        ("At $9/month it is cheap.", "price '$9"),
        ("Shipping under MIT means no lawyer.", "licence 'MIT'"),
        ("It beats GPT-4o on every benchmark.", "name 'GPT-4o'"),
        ("There is a free tier, so try it today.", "the launch denies"),
        ("Being open source, it can be audited.", "the launch denies"),
        ("It plugs into Figma and Cursor.", "name 'Figma'"),
        ("The thesis: by 2028 most teams run models like this.", "number '2028'"),
    ],
)
def test_ungrounded_takes_are_caught(take: str, problem: str):
    problems = check_take(take, SOURCE)
    assert any(problem in p for p in problems), problems


def test_a_claim_needs_support_even_without_a_negated_fact():
    source = Source("Forgeline is a Python library for LoRA fine-tuning on a single GPU.", ())
    assert any("open weights" in p for p in check_take("Its open weights are the draw.", source))
    assert check_take("Its open weights are the draw.", Source("The open weights are on the hub.", ())) == []
