"""Fact forms written the way feeds from other countries write them, on phrasings of our own:
decimal commas and points between thousands, more currency signs and codes (with the letters some
signs carry), a price per any unit between two "per"s, trials that are not free tiers; each with
distractors (another product's price, a trial, a hedge)."""

from __future__ import annotations

import pytest

from scrapers.facts import extract_facts
from tests.scrapers.test_facts_kinds import pairs

# (text, kind, expected (value, negated) pairs in order)
FORMS: list[tuple[str, str, list[tuple[str, bool]]]] = [
    # amounts with a decimal comma or points between thousands, written as English writes them
    ("Each lookup is €0,002 after that.", "entry_price", []),
    ("Translation costs €0,02 per page.", "entry_price", [("€0.02 per page", False)]),
    ("The API is billed at €0,0035 per request.", "entry_price", [("€0.0035 per request", False)]),
    ("Plans from €12,50 a month.", "entry_price", [("€12.50/month", False)]),
    ("Shops pay ₫99.000 a month.", "entry_price", [("₫99,000/month", False)]),
    ("It is COP 1.200.000 per year for a whole mill.", "entry_price", [("COP 1,200,000/year", False)]),
    ("Starts at ARS 25.000 per month.", "entry_price", [("ARS 25,000/month", False)]),
    ("Hosted inference is $0.015 per page.", "entry_price", [("$0.015 per page", False)]),
    ("A seat is $1.500 a year.", "entry_price", [("$1.500/year", False)]),
    # more signs and codes, and the letters a sign carries
    ("Clinics pay GH₵120 a month.", "entry_price", [("GH₵120/month", False)]),
    ("Tutors pay ฿390 monthly.", "entry_price", [("฿390/month", False)]),
    ("Subscriptions are E£199 per month.", "entry_price", [("E£199/month", False)]),
    ("The desktop licence is MX$899 one-off.", "entry_price", [("MX$899 one-time", False)]),
    ("Hawkers pay RM9 a month.", "entry_price", [("RM9/month", False)]),
    ("NPR 800 a month gets you the whole office.", "entry_price", [("NPR 800/month", False)]),
    ("The team plan is 99 kr/month.", "entry_price", [("99 kr/month", False)]),
    ("Usage is billed at 0.40 MAD per thousand tokens.", "entry_price", [("0.40 MAD per 1K tokens", False)]),
    ("Armed with 15 sensors a month of data", "entry_price", []),
    ("Sellers in Karachi pay ₨1,500 a month.", "entry_price", [("₨1,500/month", False)]),
    ("A shop licence is ₸4,900 per month.", "entry_price", [("₸4,900/month", False)]),
    ("MAD 49 a month for a riad.", "entry_price", [("MAD 49/month", False)]),
    ("LKR 2,000 a month.", "entry_price", [("LKR 2,000/month", False)]),
    ("Only BDT 500 per month.", "entry_price", [("BDT 500/month", False)]),
    ("VND 120,000 a month, or less in a group.", "entry_price", [("VND 120,000/month", False)]),
    ("Fees: KZT 3,000 per month.", "entry_price", [("KZT 3,000/month", False)]),
    ("GHS 40 a month per shop.", "entry_price", [("GHS 40/month", False)]),
    ("It runs SAR 75 per month.", "entry_price", [("SAR 75/month", False)]),
    ("QAR 30 a month.", "entry_price", [("QAR 30/month", False)]),
    ("ISK 1,990 a month, VAT included.", "entry_price", [("ISK 1,990/month", False)]),
    ("From BGN 19 a month.", "entry_price", [("BGN 19/month", False)]),
    # ringgit are written close to the amount
    ("Deliveries cost RM0.80 per page of manifest.", "entry_price", [("RM0.80 per page", False)]),
    ("Day passes are RM1 a day.", "entry_price", [("RM1/day", False)]),
    ("Calls are RM2 per minute.", "entry_price", [("RM2 per minute", False)]),
    ("A weekly pass is RM3 a week.", "entry_price", [("RM3/week", False)]),
    ("Contracts are checked at RM4 per document.", "entry_price", [("RM4 per document", False)]),
    ("Teams pay RM5 per seat.", "entry_price", [("RM5/seat/month", False)]),
    ("Tutoring is RM6 per hour.", "entry_price", [("RM6 per hour", False)]),
    ("Unlimited use for RM7 a month.", "entry_price", [("RM7/month", False)]),
    ("Reminders are RM8 per message pack of 100.", "entry_price", [("RM8 per message", False)]),
    # a price per any one unit between two "per"s; seasons are periods too
    ("PKR 4,500 per loom per month, all in.", "entry_price", [("PKR 4,500/loom/month", False)]),
    ("Growers pay US$1.10 per hectare per season.", "entry_price", [("US$1.10/hectare/season", False)]),
    ("It's ₪60 per clinic per year.", "entry_price", [("₪60/clinic/year", False)]),
    ("£4 per greenhouse per month, billed yearly.", "entry_price", [("£4/greenhouse/month", False)]),
    # a trial is not a free tier, nor a free tool
    ("The first 30 days cost nothing, then GH₵25 monthly.", "entry_price", [("GH₵25/month", False)]),
    ("The first 30 days cost nothing, then GH₵25 monthly.", "pricing_model", []),
    ("Free for the first 14 days, then €5 a month.", "entry_price", [("€5/month", False)]),
    ("Your first two weeks are free; after that it's $9/month.", "pricing_model", []),
    ("It is free for a month, then ₹99 a month.", "entry_price", [("₹99/month", False)]),
    # ... but an allowance every month is one
    ("The first 500 pages every month are free, then $0.01 per page.", "entry_price",
     [("free tier", False), ("$0.01 per page", False)]),
    ("Free for up to 3 greenhouses; £4 per greenhouse per month after that.", "pricing_model",
     [("freemium", False)]),
    # open weights said through their licence, their download or their size
    ("Its weights are released under an Apache 2.0 licence.", "open_weights", [("yes", False)]),
    ("The weights come with a CC-BY-SA-4.0 license.", "open_weights", [("yes", False)]),
    ("Weights: OpenRAIL-M. Code: MIT.", "open_weights", [("yes", False)]),
    ("Model weights can be downloaded from our mirror.", "open_weights", [("yes", False)]),
    ("Checkpoints are on the Hub under our org.", "open_weights", [("yes", False)]),
    ("A Swahili tutor with 4B open weights", "open_weights", [("yes", False)]),
    ("We don't publish our own weights; use the API.", "open_weights", [("no", False)]),
    ("Chat with 7B open-weight models on your laptop.", "open_weights", []),
    ("A desktop app with 70B open weights support for any GGUF", "open_weights", []),
    ("The weights will be released under a permissive licence next year.", "open_weights", []),
    ("Weights are available to licensees under a commercial licence.", "open_weights", []),
    # hardware said indirectly: gigs for GB, a computer's memory said with it, plain processors,
    # cards with an adjective, edge accelerators by name
    ("It fits in the 8 gigs of a base M2 MacBook Air.", "hardware",
     [("8GB RAM", False), ("MacBook Air", False)]),
    ("Needs 12 gigs of VRAM.", "hardware", [("12GB GPU", False)]),
    ("Happy on a 32GB Mac Studio.", "hardware", [("32GB RAM", False), ("Mac Studio", False)]),
    ("We test every build on an M4 Mac mini.", "hardware", [("Mac mini", False)]),
    ("Runs on a 16GB MacBook Pro.", "hardware", [("16GB RAM", False), ("MacBook Pro", False)]),
    ("It lives on an Intel NUC in the back office.", "hardware", [("Intel NUC", False)]),
    ("Fine on a single 20 GB workstation card.", "hardware", [("20GB GPU", False)]),
    ("It wants one 16GB gaming card.", "hardware", [("16GB GPU", False)]),
    ("An ordinary processor keeps up in real time.", "hardware", [("CPU", False)]),
    ("Any desktop processor will do.", "hardware", [("CPU", False)]),
    ("It's quick on a plain x86 processor.", "hardware", [("CPU", False)]),
    ("A regular processor handles it.", "hardware", [("CPU", False)]),
    ("Works on a standard laptop processor.", "hardware", [("CPU", False)]),
    ("A basic processor is enough.", "hardware", [("CPU", False)]),
    ("It runs on a laptop processor, slowly.", "hardware", [("CPU", False)]),
    ("Decoding happens on a desktop processor.", "hardware", [("CPU", False)]),
    ("It needs no graphics card at all.", "hardware", [("GPU", True)]),
    ("Pairs a Raspberry Pi 5 with a Hailo-8L.", "hardware", [("Raspberry Pi 5", False), ("Hailo-8L", False)]),
    ("Plug in a Coral USB Accelerator and go.", "hardware", [("Coral USB Accelerator", False)]),
    ("Our server processor roadmap is public.", "hardware", []),
    ("We sell a graphics card bundle.", "hardware", []),
    ("It's twice as fast as Bigmodel, which needs a 48GB workstation card.", "hardware", []),
    # a base model said through an adapter or "under the hood"
    ("We trained a LoRA adapter on top of Gemma 3 12B.", "base_model", [("Gemma", False)]),
    ("It's a QLoRA on top of Llama 3.1 8B Instruct.", "base_model", [("Llama", False)]),
    ("A small classifier head atop DeBERTa-v3-large.", "base_model", [("DeBERTa", False)]),
    ("Under the hood it's Mistral Nemo 12B with our own retrieval.", "base_model",
     [("Mistral", False)]),
    ("At its core is Qwen2.5-VL, fine-tuned on receipts.", "base_model", [("Qwen", False)]),
    ("Fine-tuned from NLLB-200 on court records.", "base_model", [("NLLB", False)]),
    ("Under the hood, the app calls our API.", "base_model", []),
    ("You can put a LoRA on top of Llama 3 yourself.", "base_model", []),
    # an allowance "on the house", thousands apart by a space; a trial on the house is none
    ("The first 2 000 words each month are on the house, then €0,01 per word.", "entry_price",
     [("free tier", False), ("€0.01 per word", False)]),
    ("Up to 50 scans a month are on the house.", "entry_price", [("free tier", False)]),
    ("The first 14 days are on the house, then $6/month.", "entry_price", [("$6/month", False)]),
    # the source said closed in words
    ("The source is closed, sorry.", "pricing_model", [("open_source", True)]),
    ("Its source code stays closed.", "pricing_model", [("open_source", True)]),
    ("Our source remains closed.", "pricing_model", [("open_source", True)]),
    ("Close the source panel when you're done.", "pricing_model", []),
    # bits said as a quantity; a build replaced is not shipped
    ("Weights are quantised to 4 bits for phones.", "quantisation", [("4-bit", False)]),
    ("The model is quantized down to eight bits.", "quantisation", [("8-bit", False)]),
    ("A 4-bit ONNX export replaces the GPTQ file.", "quantisation", [("4-bit", False)]),
    ("The AWQ build now ships instead of the old GGUF.", "quantisation", [("AWQ", False)]),
    # a listing under review is not a listing yet
    ("The App Store listing is under review.", "distribution", []),
    ("Our Play Store release is pending approval; grab the APK from F-Droid.", "distribution",
     [("F-Droid", False)]),
]


@pytest.mark.parametrize(("text", "kind", "expected"), FORMS)
def test_each_form_in_varied_phrasing(text: str, kind: str, expected: list[tuple[str, bool]]):
    assert pairs(text, kind) == expected


@pytest.mark.parametrize(("text", "kind", "expected"), FORMS)
def test_every_snippet_is_a_literal_span_of_the_text(text: str, kind: str, expected: object):
    assert all(fact.snippet in text for fact in extract_facts(text))
