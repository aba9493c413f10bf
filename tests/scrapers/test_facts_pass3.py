"""Phrasing classes of the third facts pass, each in wordings of our own (none copied from the
labelled sets), with the distractor beside it that the rule must not read: rarer currencies, any
noun a price is per, ranges, volume discounts."""

from __future__ import annotations

import pytest

from scrapers.facts import extract_facts

# (text, kind, expected (value, negated) pairs in order)
PASS3_PHRASES: list[tuple[str, str, list[tuple[str, bool]]]] = [
    # rarer currencies, by ISO code, local name or sign, before or after the amount
    ("Subscriptions begin at KSh 1,200 a month.", "entry_price", [("KSh 1,200/month", False)]),
    ("Karta costs 59 zł per month.", "entry_price", [("59 zł/month", False)]),
    ("Előfizetés: 2,490 Ft / month.", "entry_price", [("2,490 Ft/month", False)]),
    ("The app is TZS 9,000 a month.", "entry_price", [("TZS 9,000/month", False)]),
    ("Tellers pay ৳150 a week.", "entry_price", [("৳150/week", False)]),
    ("Hosted plans: ₾20/month.", "entry_price", [("₾20/month", False)]),
    ("The gym is 5 ft from the office and costs nothing to find.", "entry_price", []),
    ("Consultas desde S/ 15 al mes: S/12 per month for students.", "entry_price", [("S/12/month", False)]),
    ("Lima clinics pay S/ 0.50 per record.", "entry_price", [("S/ 0.50 per record", False)]),
    # a first period without a number is a trial, not a free tier
    ("$8 a month, first month free.", "entry_price", [("$8/month", False)]),
    ("Your first week is free, then £3/week.", "pricing_model", []),
    # any noun after a last "per" is what the price buys (a list could never hold them all)
    ("Each check is BRL 2 per invoice.", "entry_price", [("BRL 2 per invoice", False)]),
    ("We bill $0.30 per consultation.", "entry_price", [("$0.30 per consultation", False)]),
    ("Tracking is €0.02 per parcel scanned.", "entry_price", [("€0.02 per parcel", False)]),
    ("Sales rose 5 per cent on $2 per order.", "entry_price", [("$2 per order", False)]),
    # a period is not the thing a price is per: "per month per seat" is per seat per month
    ("Teams pay $7 per month per seat.", "entry_price", [("$7/seat/month", False)]),
    ("It runs £3 per week per device.", "entry_price", [("£3/device/week", False)]),
    # a second written "/s"
    ("GPU time is $0.0007/s, billed to the millisecond.", "entry_price", [("$0.0007 per second", False)]),
    # a range: the low end, with the unit said once after the high end
    ("Plans run from $12 to $45 per seat per month.", "entry_price", [("$12/seat/month", False)]),
    ("Licences are €300–€900/year depending on size.", "entry_price", [("€300/year", False)]),
    ("CHF 40-80 a month, by volume.", "entry_price", [("CHF 40/month", False)]),
    # a volume discount is not the entry price when the first rate is stated
    ("Calls are $0.05 per minute, or $0.03 per minute above 20,000 minutes.", "entry_price",
     [("$0.05 per minute", False)]),
    ("€9/seat/month; €7/seat/month for over 100 seats.", "entry_price", [("€9/seat/month", False)]),
    ("Only the bulk rate is public: $0.01 per page above 1M pages.", "entry_price",
     [("$0.01 per page", False)]),
    # license: a bare MIT in an SPDX expression, after "open source," or as a line of its own
    ("SPDX-License-Identifier: MIT OR Apache-2.0", "license", [("Apache-2.0", False), ("MIT", False)]),
    ("Free and open source, MIT.", "license", [("MIT", False)]),
    ("Offline.\nMIT\nNo telemetry.", "license", [("MIT", False)]),
    # another product's licence: "X itself is ...", and what a tool ships with in parentheses
    ("Built on Whisper; Whisper itself is MIT, the app is GPL-3.0.", "license", [("GPL-3.0", False)]),
    ("It ships with Piper (MIT) for speech.", "license", []),
    ("We ship with Tesseract (Apache 2.0) for OCR.", "license", []),
    # a licence left behind is not the tool's
    ("We moved from the BSL 1.1 to Apache-2.0 this week.", "license", [("Apache-2.0", False)]),
    ("Switched from GPL-3.0 to an MIT licence in 2.0.", "license", [("MIT", False)]),
    # an SPDX suffix as written; the bare family beside it is the same licence
    ("Released as GPL-2.0-only.", "license", [("GPL-2.0-only", False)]),
    ("The AGPL (AGPL-3.0-or-later) covers the server.", "license", [("AGPL-3.0-or-later", False)]),
    # a licence denied
    ("It's Apache-2.0, not GPL-3.0.", "license", [("Apache-2.0", False), ("GPL-3.0", True)]),
    ("Not MIT: the licence is MPL-2.0.", "license", [("MIT", True), ("MPL-2.0", False)]),
    # open_weights: weights under a licence id, at a Hub address, attached to a release
    ("The weights are under CC BY 4.0 and the code under MIT.", "open_weights", [("yes", False)]),
    ("Weights under OpenRAIL-M; code Apache-2.0.", "open_weights", [("yes", False)]),
    ("Weights: hf.co/orcalab/orca-3b", "open_weights", [("yes", False)]),
    ("The weights are attached to this release.", "open_weights", [("yes", False)]),
    # weights kept: in the possessive, or staying with the maker
    ("We are not publishing Orca's weights.", "open_weights", [("no", False)]),
    ("The model weights stay with us; the API is public.", "open_weights", [("no", False)]),
    # "isn't open source" denies open source code: it says nothing of weights
    ("Orca isn't open source, and its model is a small detector.", "open_weights", []),
    ("The app is not open source, though it runs a model on-device.", "open_weights", []),
    ("The model is not open-sourced.", "open_weights", [("no", False)]),
    # parameters: a size in parentheses before the noun it sizes; a size word is not another's name
    ("Orca is a compact (900M) model for receipts.", "parameters", [("900M", False)]),
    ("It answers with a tiny (45M params) model on the device.", "parameters", [("45M", False)]),
    ("It ships with Whisper (1.5B) for speech.", "parameters", []),
    # hardware: GPU memory with the kind of machine between; a board's, phone's or laptop's memory
    ("Runs on a 12 GB desktop GPU at 20 tokens/s.", "hardware", [("12GB GPU", False)]),
    ("Tested on a Raspberry Pi 4 with 4GB.", "hardware", [("4GB RAM", False), ("Raspberry Pi 4", False)]),
    ("Works offline on a 6GB Android phone.", "hardware", [("6GB RAM", False)]),
    ("Any 16GB laptop will do.", "hardware", [("16GB RAM", False)]),
    ("The download is 2GB on your phone.", "hardware", []),
    # context_length: "reads up to N tokens"; a plain number said with "context" or "window"
    ("Orca reads up to 48,000 tokens in one pass.", "context_length", [("48K tokens", False)]),
    ("Each answer cites a 2,000-word page.", "context_length", []),
    ("A 512-token context is enough for titles.", "context_length", [("512 tokens", False)]),
    ("It has a 2048-token window.", "context_length", [("2K tokens", False)]),
    ("Trained on 900 tokens per second of audio.", "context_length", []),
]


def test_the_tools_own_licence_said_of_itself_counts():
    facts = extract_facts("Quill itself is MIT; its models keep their licences.", name="Quill")
    assert [(f.value, f.negated) for f in facts if f.kind == "license"] == [("MIT", False)]


def pairs(text: str, kind: str) -> list[tuple[str, bool]]:
    return [(f.value, f.negated) for f in extract_facts(text) if f.kind == kind]


@pytest.mark.parametrize(("text", "kind", "expected"), PASS3_PHRASES)
def test_each_phrasing_class(text: str, kind: str, expected: list[tuple[str, bool]]):
    assert pairs(text, kind) == expected


@pytest.mark.parametrize(("text", "kind", "expected"), PASS3_PHRASES)
def test_every_snippet_is_a_literal_span_of_the_text(text: str, kind: str, expected: object):
    assert all(fact.snippet in text for fact in extract_facts(text))


@pytest.mark.parametrize(("text", "name", "vendor"), [
    # a known maker's possessive names the maker of what it owns: the tool's, or another product's
    ("The 'llama' in our name is the animal, not Meta's Llama.", "Inti Vision", []),
    ("It answers in Hindi, unlike Google's Gemini app.", "Saaras Call", []),
    ("Ollama now runs Alibaba's Qwen3-VL.", "Qwen3-VL", ["Alibaba Cloud"]),
    ("OpenAI's Whisper v4 came out yesterday.", "Deploy Whisper v4 on Modal", ["OpenAI"]),
])
def test_a_known_makers_possessive_names_the_maker_of_what_it_owns(text: str, name: str, vendor: list[str]):
    assert [f.value for f in extract_facts(text, name=name) if f.kind == "vendor"] == vendor
