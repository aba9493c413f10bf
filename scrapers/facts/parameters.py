"""parameters: the sizes of the tool's model(s)."""

from __future__ import annotations

import re

from scrapers.facts.base_model import base_model_spans
from scrapers.facts.engine import NUM, Hit, Rule, Sentences, overlaps
from scrapers.records import FactRecord

# (rule, needs a sentence about a model): a bare "22B" counts only next to "model" or the like.
PARAMETER_PATTERNS: tuple[tuple[Rule, bool], ...] = (
    (Rule(
        rf"(?<![\w.$-])(?P<num>(?:\d+x)?{NUM})[- ]?(?P<unit>billion|million)[- ]param", re.I,
        digits=True, needs=("param",),
    ), False),
    (Rule(rf"(?<![\w.$-])(?P<num>(?:\d+x)?{NUM})\s?(?P<unit>B|M)\b(?=[^.]*\bparam)",
          digits=True, needs=("param",)), False),
    (Rule(rf"(?<![\w.$-])(?P<num>(?:\d+x)?{NUM})(?P<unit>B)\b", digits=True), True),
    # "our 350M speech model": a size just before the noun it sizes.
    (Rule(rf"(?<![\w.$-])(?P<num>(?:\d+x)?{NUM})(?P<unit>[BM])\b"
          r"(?=(?:[- ][\w-]+){0,2}[- ](?:models?|LLMs?)\b)", digits=True, needs=("model", "llm")), False),
)
PARAMETER_CONTEXT = Rule(r"\bmodels?\b|\bparam|\bweights\b|\bcheckpoints?\b|\bLLM\b", re.I,
                         starts=("model", "param", "weights", "checkpoint", "llm"))

def parameter_facts(sentences: Sentences, url: str | None) -> list[FactRecord]:
    """One fact per size of the tool's model(s) ('34B', '8x7B'); not the sizes of models it is
    compared with or built on ('beats Llama 3 70B', 'fine-tuned from Mistral 7B')."""
    if not sentences.any_live(_PARAMETER_RULES):
        return []
    about_models = sentences.firsts(PARAMETER_CONTEXT).keys()
    found = [(index, row, match) for row, (rule, needs_model) in enumerate(PARAMETER_PATTERNS)
             for index, match in sentences.matches(rule, about_models if needs_model else None)]
    found.sort(key=lambda item: item[:2])  # sentence by sentence, then row by row, as read
    bases = base_model_spans(sentences)
    facts: list[FactRecord] = []
    sizes: set[str] = set()
    taken: list[tuple[int, int]] = []
    current = -1
    for index, _, match in found:
        if index != current:
            taken, current = [], index
        if overlaps(match.span(), taken):
            continue
        taken.append(match.span())
        hit = sentences.hit(_size(match["num"], match["unit"]), index, match)
        if (hit.value in sizes or overlaps(match.span(), bases.get(index, []))
                or _of_another_model(hit, sentences.name) or hit.in_passing()):
            continue
        sizes.add(hit.value)
        facts.append(hit.fact("parameters"))
    return facts


# The capitalised name (and version) a size follows: "Llama 3.1 8B", "Qwen2.5 1.5B".
_NAMED_BEFORE = re.compile(
    r"(?P<name>\b(?!(?:A|An|The|Our|Its|Their|This|These|New|Each|Both|One|Two)\b)[A-Z][\w.-]*)"
    r"(?:[ -]v?\d[\w.]*)?[ -]$")


def _of_another_model(hit: Hit, name: str) -> bool:
    """Whether the size is part of another model's name, not the tool's."""
    before = _NAMED_BEFORE.search(hit.sentence, 0, hit.start)
    if before is None:
        return False
    word = before["name"].casefold()
    return not name or not name.casefold().startswith(word.rstrip("-"))


# A size that needs a sentence about a model has none to be in without PARAMETER_CONTEXT.
_PARAMETER_RULES = frozenset(
    [rule for rule, needs_model in PARAMETER_PATTERNS if not needs_model] + [PARAMETER_CONTEXT])

def _size(number: str, unit: str) -> str:
    suffix = "B" if unit.lower() in ("b", "billion") else "M"
    return f"{number}{suffix}"

