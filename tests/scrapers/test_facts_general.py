"""Phrasing families, each in several wordings of our own (none copied from the labelled sets):
whole-model sizes versus active and per-expert sizes, makers named as people write them, released
weights versus weights that are not, licences by name, and base models. Distractors sit beside
each family: what a tool works with, serves, or compares itself to is not its fact."""

from __future__ import annotations

import pytest

from scrapers.facts import extract_facts

# (text, tool name, kind, expected (value, negated) pairs in order)
GENERAL_PHRASES: list[tuple[str, str, str, list[tuple[str, bool]]]] = [
    # parameters: the whole model's size, not the active or per-expert parameters
    ("Quill is a 30 billion parameter (3B active) model.", "Quill", "parameters", [("30B", False)]),
    ("Quill is a mixture-of-experts model with 17B active parameters.", "Quill", "parameters", []),
    ("A 120B MoE that activates only 5B parameters per token.", "Quill", "parameters", [("120B", False)]),
    ("The 42B model has 6B activated parameters.", "Quill", "parameters", [("42B", False)]),
    ("A 70B model with 12B parameters active.", "Quill", "parameters", [("70B", False)]),
    ("Quill 8x22B is a sparse model: eight 22B experts, two per token.", "Quill 8x22B", "parameters",
     [("8x22B", False)]),
    ("Quill, a 1T-parameter mixture-of-experts model, is out.", "Quill", "parameters", [("1T", False)]),
    ("A 1.2 trillion parameter model.", "Quill", "parameters", [("1.2T", False)]),
    ("Quill – a 16x3B open-weight MoE", "Quill", "parameters", [("16x3B", False)]),
    ("Quill: a 14B Qwen fine-tune for SQL", "Quill", "parameters", [("14B", False)]),
    ("Quill-9B: our first open model", "Quill-9B", "parameters", [("9B", False)]),
    ("Trained on 15T tokens, the 8B-parameter model is fast.", "Quill", "parameters", [("8B", False)]),
    ("It serves 1-7B models.", "Quill", "parameters", []),
]


@pytest.mark.parametrize(("text", "name", "kind", "expected"), GENERAL_PHRASES)
def test_each_family_in_varied_phrasing(text: str, name: str, kind: str,
                                        expected: list[tuple[str, bool]]):
    facts = extract_facts(text, name=name)
    assert [(f.value, f.negated) for f in facts if f.kind == kind] == expected
    assert all(fact.snippet in text for fact in facts)
