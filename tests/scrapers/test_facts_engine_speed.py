"""The engine's shortcuts give exactly the facts the long way gives.

extract_facts skips an extractor whose rules are none of them live in the text (see
scrapers.facts._RULES_READ); these tests hold that skipping to what calling every extractor gives,
on texts where only an on-demand rule, an unkeyed (digits or needs-only) rule or a table rule of
the kind matches.
"""

from __future__ import annotations

import re
import types

import pytest

import scrapers.facts as facts
from scrapers.facts import EXTRACTORS, Rule, Sentences, extract_facts, split_sentences
from scrapers.facts.engine import rules_in
from scrapers.facts.vendor import RECORD_KIND
from scrapers.patternset import PatternSet

# (title, text, a fact the text states): each read by a rule of a different sort.
PHRASINGS = [
    # on demand (WORD_CONTEXT, context_length)
    ("Longreach", "It reads a million tokens of context in one go.", ("context_length", "1M tokens")),
    ("Scrollkeep", "Prompts can run to two million tokens before anything is trimmed.",
     ("context_length", "2M tokens")),
    # digits, needing "token" or "context" (context_length)
    ("Wideread", "The window is 200K tokens, enough for a codebase.", ("context_length", "200K tokens")),
    ("Tallpage", "Feed it 32K-token documents and it keeps up.", ("context_length", "32K tokens")),
    # digits and a needs-only rule (hardware)
    ("Pocketmind", "It runs on a laptop with 16GB of RAM.", ("hardware", "16GB RAM")),
    ("Benchside", "All you need is 8 GB of memory and a recent CPU.", ("hardware", "8GB RAM")),
    # table rules (technique, base_model, quantisation)
    ("Tunewright", "A LoRA adapter trained on support tickets.", ("technique", "LoRA")),
    ("Leafcut", "Fine-tuned from Qwen2.5 7B on legal contracts.", ("base_model", "Qwen")),
    ("Smallbyte", "Weights ship as GGUF for llama.cpp users.", ("quantisation", "GGUF")),
    # category keywords
    ("Inkwell", "An AI writing assistant for long-form essays.", ("category", "Writing")),
]
# Texts that state none of the skipped kinds.
PLAIN = [
    ("Ledgerly", "Invoices reconciled while you sleep."),
    ("Orbitnote", "Meeting notes, summarised and sent to the team."),
    ("", ""),
    ("Version 2", "Released on 3 March with 12 fixes."),
]


def _all_extractors(title: str, text: str) -> list:
    """What extract_facts gives with no extractor skipped."""
    sentences = Sentences(split_sentences(title) + split_sentences(text))
    sentences.memo[RECORD_KIND] = "launch"
    found = [fact for extractor in EXTRACTORS for fact in extractor(sentences, None)]
    return facts._dedupe(found)


@pytest.mark.parametrize("title, text, expected", PHRASINGS)
def test_a_kind_read_by_one_rule_is_found_with_skipping(title, text, expected):
    found = extract_facts(text, title=title)
    assert expected in {(fact.kind, fact.value) for fact in found}
    assert found == _all_extractors(title, text)


@pytest.mark.parametrize("title, text", [(t, x) for t, x, _ in PHRASINGS] + PLAIN)
def test_a_skipped_extractor_would_have_found_nothing(title, text):
    sentences = Sentences(split_sentences(title) + split_sentences(text))
    sentences.memo[RECORD_KIND] = "launch"
    for extractor, rules in facts._RULES_READ.items():
        if sentences.live.isdisjoint(rules):
            assert extractor(sentences, None) == [], extractor.__name__


def test_every_skipped_extractor_reads_rules_and_is_one_of_the_extractors():
    assert set(facts._RULES_READ) <= set(EXTRACTORS)
    assert all(rules for rules in facts._RULES_READ.values())


def test_technique_reads_the_base_models_too():
    # "fine-tuning" is read off a base model's rule: a text naming only that keeps technique in.
    found = extract_facts("We fine-tuned it from Llama 3.1 8B on recipes.", title="Cookwise")
    assert ("technique", "fine-tuning") in {(fact.kind, fact.value) for fact in found}
    assert found == _all_extractors("Cookwise", "We fine-tuned it from Llama 3.1 8B on recipes.")


def test_rules_in_reads_rules_nested_in_tables_not_unindexed_ones():
    alone = Rule(r"\bzq1\b", starts="zq1")
    in_table = Rule(r"\bzq2\b", starts="zq2")
    in_dict = Rule(r"\bzq3\b", starts="zq3")
    unindexed = Rule(r"\bzq4\b", starts="zq4", indexed=False)
    module = types.ModuleType("kind")
    module.ALONE = alone
    module.TABLE = ((in_table, "x"), ((alone, lambda m: m[0]),))
    module.BY = {in_dict: re.compile("x")}
    module.ASIDE = unindexed
    module.OTHER = "zq1"
    assert rules_in(module) == {alone, in_table, in_dict}


@pytest.mark.parametrize("text", [
    "mothlet 0.1 — the model has 180K parameters",  # a dash beyond ASCII: the text is stood in
    "Café-grade: 250K parameters, int8",
])
def test_prefilter_keeps_a_case_sensitive_capital_k_in_a_non_ascii_text(text):
    # The stand-ins fold the Kelvin sign to "k"; an ASCII "K" is left as it is.
    pattern = re.compile(r"(?<![\w.$])(?P<num>\d+)\s?(?P<unit>K)[- ]param")
    assert pattern.search(text)
    assert PatternSet([pattern]).candidates(text) == {0}


def test_prefilter_still_folds_the_kelvin_sign():
    pattern = re.compile(r"\b5k\b", re.I)
    text = "é 5\u212a"
    assert pattern.search(text)
    assert PatternSet([pattern]).candidates(text) == {0}
