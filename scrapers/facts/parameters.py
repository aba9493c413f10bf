"""parameters: the sizes of the tool's model(s)."""

from __future__ import annotations

import re

from scrapers.facts.engine import NUM, Hit, Rule, Sentences, join_words, overlaps
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
)
PARAMETER_CONTEXT = Rule(r"\bmodels?\b|\bparam|\bweights\b|\bcheckpoints?\b|\bLLM\b", re.I,
                         starts=("model", "param", "weights", "checkpoint", "llm"))

def parameter_facts(sentences: Sentences, url: str | None) -> list[FactRecord]:
    """One fact listing every model size named ('70B and 400B'), from its first sentence."""
    if not sentences.any_live(_PARAMETER_RULES):
        return []
    about_models = sentences.firsts(PARAMETER_CONTEXT).keys()
    found = [(index, row, match) for row, (rule, needs_model) in enumerate(PARAMETER_PATTERNS)
             for index, match in sentences.matches(rule, about_models if needs_model else None)]
    found.sort(key=lambda item: item[:2])  # sentence by sentence, then row by row, as read
    sizes: list[str] = []
    first: Hit | None = None
    taken: list[tuple[int, int]] = []
    current = -1
    for index, _, match in found:
        if index != current:
            taken, current = [], index
        if overlaps(match.span(), taken):
            continue
        taken.append(match.span())
        size = _size(match["num"], match["unit"])
        if size not in sizes:
            sizes.append(size)
            first = first or sentences.hit(size, index, match)
    if first is None:
        return []
    return [first.valued(join_words(sizes)).fact("parameters")]


# A size that needs a sentence about a model has none to be in without PARAMETER_CONTEXT.
_PARAMETER_RULES = frozenset(
    [rule for rule, needs_model in PARAMETER_PATTERNS if not needs_model] + [PARAMETER_CONTEXT])

def _size(number: str, unit: str) -> str:
    suffix = "B" if unit.lower() in ("b", "billion") else "M"
    return f"{number}{suffix}"

