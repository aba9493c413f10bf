"""Phrasing classes of the fourth facts pass, each in wordings of our own (none copied from the
labelled sets), with the distractor beside it that the rule must not read: questions and their
answers, a rate per thing per period, months in other languages, a free tier taken away."""

from __future__ import annotations

import pytest

from scrapers.facts import extract_facts

# (text, kind, expected (value, negated) pairs in order)
PASS4_PHRASES: list[tuple[str, str, list[tuple[str, bool]]]] = [
    # a question is decided by its answer: "no" negates what it asks, "yes" keeps it
    ("Is it open source? Nope, not for now.", "pricing_model", [("open_source", True)]),
    ("Q: Is there a free plan?\nA: No. Teams pay $6 a month.", "entry_price",
     [("free tier", True), ("$6/month", False)]),
    ("Is Tern built on Llama 3? No, we trained it from scratch.", "base_model", [("Llama", True)]),
    ("Q: Is there a free tier? A: Yes, up to three projects.", "entry_price", [("free tier", False)]),
    ("Does it need a GPU? Yes, it does.", "hardware", [("GPU", False)]),
    ("Does it need a GPU? No, a laptop CPU is enough.", "hardware", [("GPU", True), ("CPU", False)]),
    # ... and a question left unanswered states nothing
    ("Is there a free tier? We get asked that a lot.", "entry_price", []),
    ("Will it be open source? Stay tuned for our roadmap post.", "pricing_model", []),
    # a statement that merely contains a question mark later is still read
    ("The code is open source. Why? Because trust matters.", "pricing_model", [("open_source", False)]),
    # a rate per thing per period, however the period is written
    ("Farms pay $12 per month per barn.", "entry_price", [("$12/barn/month", False)]),
    ("The hosted tier is €40/month per kitchen.", "entry_price", [("€40/kitchen/month", False)]),
    ("Licences cost £300 per year per school.", "entry_price", [("£300/school/year", False)]),
    ("Studios pay PLN 99 a month per studio.", "entry_price", [("PLN 99/month", False)]),
    # what is timed before the time unit
    ("Dubbing is $0.30 per video minute.", "entry_price", [("$0.30 per minute", False)]),
    ("Transcripts cost €0.01 per audio second.", "entry_price", [("€0.01 per second", False)]),
    # months and years as other languages write them
    ("Plano Pro: R$49/mês.", "entry_price", [("R$49/month", False)]),
    ("Sólo €7/mes para autónomos.", "entry_price", [("€7/month", False)]),
    ("月額プラン ¥980/月、年額 ¥9,800/年。", "entry_price", [("¥980/month", False)]),
    ("Business: R$1,200/ano.", "entry_price", [("R$1,200/year", False)]),
    # the Canadian dollar written CA$
    ("Pro is CA$15/month.", "entry_price", [("CA$15/month", False)]),
    ("It runs CA$0.90 per page.", "entry_price", [("CA$0.90 per page", False)]),
    # a free tier taken away is no free tier (and no freemium beside the price)
    ("We have discontinued the free plan; Basic is $5/month.", "entry_price",
     [("free tier", True), ("$5/month", False)]),
    ("The free tier has been retired. Plans start at £8 a month.", "pricing_model", []),
    ("The free tier is still there, and Plus is $4/month.", "pricing_model", [("freemium", False)]),
    # free below a size of the customer
    ("Free for clinics with fewer than 3 doctors; larger ones pay €20/month.", "entry_price",
     [("free tier", False), ("€20/month", False)]),
    ("Free for shops under 100 orders, then $9/month.", "pricing_model", [("freemium", False)]),
    ("Free for 14 days, then $9/month.", "entry_price", [("$9/month", False)]),
    # sizes that are not the tool's: the one it grew from, its teacher, a class bound
    ("Since March the model has grown from 1.5B to 4B parameters.", "parameters", [("4B", False)]),
    ("We went from a 600M model to a 2B model.", "parameters", [("2B", False)]),
    ("Ours is a 400M model distilled from a 13B model.", "parameters", [("400M", False)]),
    ("Its teacher is a 32B model; the tagger itself is a 90M model.", "parameters", [("90M", False)]),
    ("At 250M parameters it is the best of all models under 3B.", "parameters", [("250M", False)]),
    ("The family comes in sizes from 1B to 8B.", "parameters", [("1B", False), ("8B", False)]),
    # a task's model sized by its task noun
    ("Under it sits a 45M detector and a tiny OCR head.", "parameters", [("45M", False)]),
    ("Our 120M re-ranker orders the results.", "parameters", [("120M", False)]),
    ("Photos are 12M pixels; the classifier is small.", "parameters", []),
    # memory in megabytes, and a computer's memory said after it
    ("The firmware needs 256 MB of RAM.", "hardware", [("256MB RAM", False)]),
    ("Runs on a 1 GB board with 64MB of memory to spare.", "hardware", [("64MB RAM", False)]),
    ("It is happy on any laptop with 16GB.", "hardware", [("16GB RAM", False)]),
    ("You need a PC with 12 GB of VRAM.", "hardware", [("12GB GPU", False)]),
    ("Works on any M-series Mac.", "hardware", [("Apple Silicon", False)]),
    ("Tested on an Apple M-series laptop.", "hardware", [("Apple Silicon", False)]),
    # a first use that is free is a trial, not a free tier; a numbered allowance still is one
    ("Audits cost €30 per audit, and your first audit is on us.", "entry_price", [("€30 per audit", False)]),
    ("It costs $12 per month; the very first export is free.", "pricing_model", []),
    ("The first 50 exports are free, then $12 per month.", "pricing_model", [("freemium", False)]),
    # an image on another registry is not on Docker Hub
    ("A Docker image is published on GHCR.", "distribution", []),
    ("Run it with docker pull quay.io/tern/tern:2.1.", "distribution", []),
    ("Run it with docker pull tern/tern:2.1.", "distribution", [("Docker Hub", False)]),
    # a technique of what the tool serves is not the tool's own
    ("Dashboards for your RAG pipeline, in one place.", "technique", []),
    ("Cost tracking for their LoRA adapters.", "technique", []),
    ("Answers come from RAG over the manuals; it also plugs into your RAG stack.", "technique",
     [("RAG", False)]),
]


@pytest.mark.parametrize(("text", "kind", "expected"), PASS4_PHRASES)
def test_pass4_phrasing(text: str, kind: str, expected: list[tuple[str, bool]]) -> None:
    facts = [(fact.value, fact.negated) for fact in extract_facts(text, name="Tern") if fact.kind == kind]
    assert facts == expected


def test_an_answered_question_keeps_a_literal_snippet() -> None:
    text = "Is it open source? No, the code stays private."
    (fact,) = [f for f in extract_facts(text, name="Tern") if f.kind == "pricing_model"]
    assert fact.negated and fact.snippet in text
