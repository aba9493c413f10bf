"""Phrasing classes of the eleventh facts pass (record_tune19's misses, by class), each in wordings of
our own on the tool "Quorl" of the invented company Tolland, with the distractor beside it that the
rule must not read: a sentence about a rival or a partner gives none of its facts to the tool; a part
of the tool's work said to use a model, a model called through someone's API, the tool's model as a
sentence's subject, two models denied as a fine-tune's base, a lower-case hub id distilled from; a store
listing's "Vendor:" / "Offered by:" fields and "· by X ·" byline, a page's copyright line; a denial in
the other languages of our feeds ("não é", "nicht", "n'est pas")."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from scrapers.facts import extract_facts
from scrapers.facts.engine import Sentences, split_sentences
from scrapers.facts.others import anothers_sentences


def of_kind(text: str, kind: str, *, title: str = "", source: str = "Tolland blog",
            name: str = "Quorl") -> list[tuple[str, bool]]:
    return [(fact.value, fact.negated) for fact in extract_facts(text, title=title, source=source, name=name)
            if fact.kind == kind]


# --- a sentence about another product or company ----------------------------------------------------


@pytest.mark.parametrize(("text", "kind"), [
    # a rival's model said to be someone's, and what it needs and ships under
    ("Quorl scores 48% on our suite. Vellum-65B from Harrowgate still scores higher, but it needs two "
     "H100s to serve and ships under CC-BY-NC-4.0.", "hardware"),
    ("Quorl scores 48% on our suite. Vellum-65B from Harrowgate still scores higher, but it needs two "
     "H100s to serve and ships under CC-BY-NC-4.0.", "license"),
    # a partner's own publication of its model
    ("Quorl runs on Ostrava 3, the model from our partner Keddle. Keddle publishes Ostrava 3 itself as a "
     "9B open-weight model under the MIT licence, and it runs on a single 16GB GPU.", "license"),
    ("Quorl runs on Ostrava 3, the model from our partner Keddle. Keddle publishes Ostrava 3 itself as a "
     "9B open-weight model under the MIT licence, and it runs on a single 16GB GPU.", "open_weights"),
    ("Quorl runs on Ostrava 3, the model from our partner Keddle. Keddle publishes Ostrava 3 itself as a "
     "9B open-weight model under the MIT licence, and it runs on a single 16GB GPU.", "parameters"),
    # ... in brackets, and another product that charges for itself
    ("Quorl is part of Tolland Pro. (Keddle, our partner, also sells Ostrava 3 through its API at $0.30 "
     "per million tokens.)", "entry_price"),
    ("Quorl links your notes for you. Scrivly AI costs $12 per member per month, and Notewise charges $9 a "
     "month.", "entry_price"),
])
def test_a_sentence_about_another_product_gives_the_tool_none_of_its_facts(text, kind):
    assert of_kind(text, kind) == []


@pytest.mark.parametrize(("text", "kind", "expected"), [
    # the tool's own plan, the publisher, the tool: their sentences are the tool's
    ("Pro costs $15 a month.", "entry_price", [("$15/month", False)]),
    ("Team Plus costs $15 a month.", "entry_price", [("$15/month", False)]),
    ("Audits cost €30 per audit.", "entry_price", [("€30 per audit", False)]),
    ("Tolland charges $8 per seat per month for Quorl.", "entry_price", [("$8/seat/month", False)]),
    ("Quorl costs $6 a month.", "entry_price", [("$6/month", False)]),
    # a name never marked as another's, opening a sentence with a fact
    ("Quorl Cloud needs a 24GB GPU.", "hardware", [("24GB GPU", False)]),
    ("Harrowgate Edition runs on a single 24GB GPU.", "hardware", [("24GB GPU", False)]),
    # a rival named, but the sentence is the tool's
    ("Unlike Scrivly, Quorl is open source under the MIT license.", "license", [("MIT", False)]),
])
def test_the_tools_own_sentences_keep_their_facts(text, kind, expected):
    assert of_kind(text, kind) == expected


def test_a_partner_named_is_another_only_as_a_sentences_subject():
    sentences = Sentences(split_sentences(
        "Quorl runs on Ostrava 3 from our partner Keddle. Keddle publishes it under MIT. "
        "Our team tuned it with Keddle's help."), "Quorl", "Tolland blog")
    assert anothers_sentences(sentences) == {1}


# --- base models ---------------------------------------------------------------------------------


# (read into tests/scrapers/test_facts.py's corpus, so the rules' starts are tried)
PASS11_PHRASES: list[tuple[str, str, list[tuple[str, bool]]]] = [
    # a part of the tool's work said to use a model
    ("Transcription uses Whisper, and the notes are yours.", "base_model", [("Whisper", False)]),
    ("Every plan includes transcription with Parakeet on our servers.", "base_model", [("Parakeet", False)]),
    ("Answers now come from Gemini 2.5 Pro (was Gemini 2.0 Flash).", "base_model", [("Gemini", False)]),
    ("Summaries are written by a fine-tuned Mistral Small.", "base_model", [("Mistral", False)]),
    ("Transcription is compared with Whisper large-v3 in our tests.", "base_model", []),
    ("Transcription works with Whisper if you bring your own key.", "base_model", []),
    # a model called through someone's API
    ("Quorl uses Claude Haiku through Anthropic's API and keeps no logs.", "base_model", [("Claude", False)]),
    ("Quorl calls Llama 3.3 via the Groq API.", "base_model", [("Llama", False)]),
    ("Quorl exposes an API that Llama agents can call.", "base_model", []),
    # the tool's model, by its family, as a sentence's subject
    ("The Whisper model is now 8-bit, so the download is half the size.", "base_model", [("Whisper", False)]),
    ("Offline: the distilled Gemma model now runs on the phone.", "base_model", [("Gemma", False)]),
    ("The Llama model we compared against was twice as slow.", "base_model", []),
    # two models denied as a fine-tune's base
    ("Quorl is not a Gemma or Phi fine-tune; we trained it from scratch.", "base_model",
     [("Gemma", True), ("Phi", True)]),
    ("A Mistral or Qwen fine-tune is what most teams ship.", "base_model",
     [("Mistral", False), ("Qwen", False)]),
    # a lower-case hub id after "distilled from" / "fine-tuned from"
    ("A 30M cross-encoder distilled from bge-reranker-large.", "base_model", [("BGE", False)]),
    ("Fine-tuned from qwen2.5-7b-instruct on legal Q&A.", "base_model", [("Qwen", False)]),
    ("You can fine-tune from whisper-small yourself.", "base_model", []),
    # a store listing's fields and byline, and a page's copyright line, name the maker
    ("Quorl · Vendor: Brackwater · Compatible with IntelliJ IDEA", "vendor", [("Brackwater", False)]),
    ("Quorl · Offered by: Fenlow Software · 2,000+ users", "vendor", [("Fenlow Software", False)]),
    ("Quorl · by Gorsedd Apps · 900 installs", "vendor", [("Gorsedd Apps", False)]),
    ("Plans and FAQ. © 2026 Stackpole Inc.", "vendor", [("Stackpole", False)]),
    # (no maker named: the blog's company, Tolland, stays the maker where the text names the tool)
    ("Quorl is sold by the unit, by weight · 900 installs", "vendor", [("Tolland", False)]),
    ("Resellers and Vendors: Brindle and Acme carry it.", "vendor", [("Tolland", False)]),
    # a denial as the other languages of our feeds say it
    ("O Quorl não é open source.", "pricing_model", [("open_source", True)]),
    ("Quorl ist nicht Open Source.", "pricing_model", [("open_source", True)]),
    ("Quorl n'est pas open source.", "pricing_model", [("open_source", True)]),
    ("Quorl ist Open Source.", "pricing_model", [("open_source", False)]),
    ("Quorl passes every check and is open source.", "pricing_model", [("open_source", False)]),
]


@pytest.mark.parametrize(("text", "kind", "expected"), PASS11_PHRASES)
def test_pass11_phrase(text: str, kind: str, expected: list[tuple[str, bool]]) -> None:
    assert of_kind(text, kind) == expected


# --- the marks are searched only in texts that can hold them ------------------------------------------


def _all_marks(text: str) -> set[str]:
    """What `_marked_names` finds when every kind of mark is searched, gates or none."""
    from scrapers.facts import others

    pattern = re.compile("|".join(pattern for _, pattern in others._MARKS))
    return {others._first_word(name) for match in pattern.finditer(text)
            for name in match.groupdict().values() if name}


def _texts() -> list[str]:
    corpus = [text for text, _ in MARK_TEXTS]
    for path in sorted((Path(__file__).parents[2] / "bench" / "labelled").glob("record_tune1*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            entry = item["entry"]
            body = entry.get("content_html") or entry.get("summary") or ""
            corpus.append(f"{entry.get('title', '')}\n{body}")
    return corpus


MARK_TEXTS = [
    ("Unlike Harrowgate, Quorl is free.", "harrowgate"),
    ("It is cheaper than\nNotion AI and Otter.", "notion"),
    ("Quorl ships with Keddle, our partner for speech.", "keddle"),
    ("We partnered with Brisk Labs on the API.", "brisk"),
    ("Vellum-65B\nfrom Harrowgate scores higher.", "harrowgate"),
    ("Instead of Zapier, Quorl runs the flow. Compared with Make it is cheaper.", "make"),
]


@pytest.mark.parametrize(("text", "name"), MARK_TEXTS)
def test_a_mark_is_found_across_a_line_break_and_in_either_case(text: str, name: str) -> None:
    from scrapers.facts.others import _marked_names

    assert name in _marked_names(text)


def test_searching_only_the_kinds_a_text_can_hold_finds_every_mark_the_full_search_finds() -> None:
    from scrapers.facts.others import _marked_names

    texts = _texts()
    assert len(texts) > 200
    assert sum(bool(_all_marks(text)) for text in texts) > 20  # (the texts hold marks to find)
    for text in texts:
        assert _marked_names(text) == _all_marks(text), text[:120]
