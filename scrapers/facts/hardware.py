"""hardware: what the tool needs to run."""

from __future__ import annotations

import re
from collections.abc import Callable

from scrapers.facts.engine import Rule, Sentences, overlaps
from scrapers.records import FactRecord

_GPUS = ("a100", "h100", "h200", "l4", "a10g", "rtx", "mi300", "consumer gpu")
HARDWARE_PATTERNS: tuple[tuple[Rule, Callable[[re.Match[str]], str]], ...] = (
    (Rule(r"\b(?P<gb>\d+)\s?GB\s+(?:of\s+)?(?P<kind>VRAM|GPU memory|RAM|unified memory)\b", re.I,
          digits=True, needs=("gb",)),
     lambda m: f"{m['gb']}GB {m['kind']}"),
    (Rule(
        r"\b(?P<count>single|one|two|dual|four|eight|\d+)\s?(?:x\s?)?"
        r"(?P<gpu>(?:NVIDIA\s)?(?:A100|H100|H200|L4|L40S|A10G|RTX\s?\d{4}(?:\s?Ti)?|MI300X?)"
        r"|consumer GPUs?)\b",
        starts=("single", "one", "two", "dual", "four", "eight"), digits=True, needs=_GPUS,
    ), lambda m: f"{m['count']}{'x' if m['count'].isdigit() else ''} {m['gpu']}"),
    (Rule(r"\bApple Silicon\b|\bM[1-4](?: (?:Pro|Max|Ultra))? Macs?\b"
          r"|\bRaspberry Pi(?: \d)?\b|\bCPU[- ]only\b",
          starts=("apple silicon", "m1", "m2", "m3", "m4", "raspberry pi", "cpu")), lambda m: m[0]),
    (Rule(r"\b(?:mobile|edge|phones?|laptops?)(?: and (?:mobile|edge|laptop))?"
          r" (?:hardware|devices)\b", re.I,
          starts=("mobile", "edge", "phone", "laptop"), needs=("hardware", "devices")),
     lambda m: m[0].lower()),
)

def hardware_facts(sentences: Sentences, url: str | None) -> list[FactRecord]:
    """Each hardware floor stated: '24GB VRAM', 'single A100', 'Apple Silicon'."""
    if not sentences.any_live(_HARDWARE_RULES):
        return []
    facts = []
    taken: list[tuple[int, int]] = []
    current = -1
    found = sentences.reading(HARDWARE_PATTERNS)
    for index, render, match in found:
        if index != current:
            taken, current = [], index
        if not overlaps(match.span(), taken):
            taken.append(match.span())
            facts.append(sentences.hit(render(match), index, match).fact("hardware"))
    return facts


_HARDWARE_RULES = frozenset(rule for rule, _ in HARDWARE_PATTERNS)
