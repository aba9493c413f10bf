"""context_length: the context window stated, as '256K tokens'."""

from __future__ import annotations

import re

from scrapers.facts.engine import NUM, Rule, Sentences
from scrapers.records import FactRecord

CONTEXT_PATTERNS: tuple[Rule, ...] = (
    Rule(
        rf"(?<!per )(?<![\w.$])(?P<num>{NUM}|\d{{1,3}}(?:,\d{{3}})+)"
        r"\s?(?P<unit>[KkMm]|thousand|million)?"
        r"[- ]?(?:tokens?\b(?:[- ](?:context|window))?|context\b)",
        digits=True, needs=("token", "context"),
    ),
)
CONTEXT_SENTENCE = Rule(r"\bcontext\b|\bwindow\b", re.I, starts=("context", "window"))

def context_length_facts(sentences: Sentences, url: str | None) -> list[FactRecord]:
    """The context window(s) stated, as '256K tokens'; only in sentences about context."""
    if CONTEXT_SENTENCE not in sentences.live:
        return []
    about_context = sentences.firsts(CONTEXT_SENTENCE).keys()
    found = [(index, row, match) for row, rule in enumerate(CONTEXT_PATTERNS)
             for index, match in sentences.matches(rule, about_context)]
    found.sort(key=lambda item: item[:2])  # sentence by sentence, then row by row, as read
    facts = []
    for index, _, match in found:
        value = _tokens(match["num"], match["unit"])
        if value:
            facts.append(sentences.hit(value, index, match).fact("context_length"))
    return facts


def _tokens(number: str, unit: str | None) -> str | None:
    if "," in number:
        value = int(number.replace(",", ""))
        return f"{value // 1000}K tokens" if value % 1000 == 0 and value < 1_000_000 else None
    if not unit:
        return None
    suffix = "K" if unit.lower() in ("k", "thousand") else "M"
    return f"{number}{suffix} tokens"

