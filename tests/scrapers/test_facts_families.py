"""Phrasing families of the second facts pass, each in wordings of our own (none copied from the
labelled sets), with distractors beside each: a free allowance beside a paid price, per-unit and
one-time prices in any currency, closed source, weights that are not released, hardware that is
another model's or only an example of a floor, benchmarks with a score, context in words."""

from __future__ import annotations

import pytest

from scrapers.facts import extract_facts

# (text, kind, expected (value, negated) pairs in order)
FAMILY_PHRASES: list[tuple[str, str, list[tuple[str, bool]]]] = [
    # pricing_model: something free beside a paid price is freemium, whatever is free
    ("Personal notebooks are free; shared team notebooks are $8/month.", "pricing_model",
     [("freemium", False)]),
    ("€4 a month, or free if you send fewer than 200 invoices.", "pricing_model", [("freemium", False)]),
    ("Your first 5 projects cost nothing; after that it's $3 per project per month.", "pricing_model",
     [("freemium", False)]),
    ("Plans: Starter Free 500 / month, Team $12 per 1,000 calls", "pricing_model", [("freemium", False)]),
    ("₹199 a month per tutor; free for public libraries.", "pricing_model", [("freemium", False)]),
    ("Try it for free, then $15/month.", "pricing_model", []),  # a trial, not a free offer
    ("Feel free to ask; the hosted plan is $9/month.", "pricing_model", []),
    ("It's free for 14 days, then £5 a month.", "pricing_model", []),
    ("Free for 14 days, then £5 a month.", "entry_price", [("£5/month", False)]),
    # entry_price: the free offer is the free tier, an allowance alone too
    ("Linting bot (free for 300 checks/mo)", "entry_price", [("free tier", False)]),
    ("Free until your shop makes $50K a year.", "entry_price", [("free tier", False)]),
    ("Hosting is free under 10,000 visits; beyond that $19 a month.", "entry_price",
     [("free tier", False), ("$19/month", False)]),
    ("Free when you stay below 1 GB.", "entry_price", [("free tier", False)]),
    # per-unit prices: per thing after or before the period
    ("Billing is $40/month per camera.", "entry_price", [("$40/camera/month", False)]),
    ("It costs $12 a month per device.", "entry_price", [("$12/device/month", False)]),
    ("Pricing is €90 per site per month.", "entry_price", [("€90/site/month", False)]),
    ("₹150 per student per month", "entry_price", [("₹150/seat/month", False)]),
    ("¥3,200 per robot per month, paid yearly.", "entry_price", [("¥3,200/robot/month", False)]),
    # one-time prices, said before or after the amount
    ("Pay once: $24.", "entry_price", [("$24 one-time", False)]),
    ("One-off payment of €35 for the desktop app.", "entry_price", [("€35 one-time", False)]),
    ("A lifetime licence for £49.", "entry_price", [("£49 one-time", False)]),
    ("It's $7.99 one-off, no subscription.", "entry_price", [("$7.99 one-time", False)]),
    ("€15, once, and it's yours.", "entry_price", [("€15 one-time", False)]),
    # any currency sign or code, any number format
    ("CHF 12 per month", "entry_price", [("CHF 12/month", False)]),
    ("It's 20 USD a month.", "entry_price", [("20 USD/month", False)]),
    ("₩9,900 a month", "entry_price", [("₩9,900/month", False)]),
    ("A$29 per month", "entry_price", [("A$29/month", False)]),
    ("€1.499,00 per year", "entry_price", [("€1.499,00/year", False)]),
    ("PLN 49 per seat per month", "entry_price", [("PLN 49/seat/month", False)]),
    ("We used to pay CHF 200 a month for our old tool.", "entry_price", []),
    ("Compute is $0.00005 per vCPU-second.", "entry_price", [("$0.00005 per vCPU-second", False)]),
    # closed source is open_source denied, not a licence; open source for others is not the tool's
    ("The desktop app is closed-source.", "pricing_model", [("open_source", True)]),
    ("It stays closed source while we find a business model.", "license", []),
    ("We're keeping it closed source.", "pricing_model", [("open_source", True)]),
    ("The server is not open-source, but the SDKs are MIT.", "pricing_model", [("open_source", True)]),
    ("Free for open-source projects; $10/month for private ones.", "pricing_model", [("freemium", False)]),
    ("Open-source maintainers get it free.", "pricing_model", [("free", False)]),
    ("It scans closed-source binaries for leaks.", "pricing_model", []),
]


@pytest.mark.parametrize(("text", "kind", "expected"), FAMILY_PHRASES)
def test_family_phrases(text: str, kind: str, expected: list[tuple[str, bool]]):
    assert [(f.value, f.negated) for f in extract_facts(text) if f.kind == kind] == expected
