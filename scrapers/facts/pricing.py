"""pricing_model and entry_price: how the tool is paid for, and what it costs to start."""

from __future__ import annotations

import re
from collections.abc import Callable

from scrapers.facts.engine import NUM, Hit, Rule, Sentences, first_hit
from scrapers.records import FactRecord

PRICE_PATTERNS: tuple[tuple[Rule, Callable[[re.Match[str]], str]], ...] = (
    (Rule(
        rf"\$(?P<amount>{NUM})\s?(?:per|/)\s?(?P<per>1M|1 ?million|million|1K|1,000|thousand)"
        r"\s+(?P<io>input |output )?tokens\b", re.I, starts="$",
    ), lambda m: f"${m['amount']} per {_per_tokens(m['per'])} {m['io'] or ''}tokens"),
    (Rule(
        rf"\$(?P<amount>{NUM})\s?(?:/|per|a)\s?(?P<seat>(?:user|seat|editor)\s?(?:/|per|a)\s?)?"
        r"(?P<period>month|mo|year|yr)\b", re.I, starts="$",
    ), lambda m: f"${m['amount']}/{_seat(m['seat'])}{_period(m['period'])}"),
    (Rule(rf"\$(?P<amount>{NUM})\s?(?:one-time|once|lifetime)\b", re.I, starts="$"),
     lambda m: f"${m['amount']} one-time"),
    (Rule(r"\bfree (?:tier|plan)\b", re.I, starts="free"), lambda m: "free tier"),
)

# Pricing-model signals; the model list is derived from which of them fire.
FREEMIUM_WORDS = Rule(r"\bfreemium\b|\bfree (?:tier|plan)\b", re.I, starts="free")
PAID_WORDS = Rule(
    r"\bpay[- ]per[- ](?:token|use|call)\b|\bper[- ]token pricing\b|\bsubscription\b"
    r"|\bpaid plans?\b|\bper seat\b|\bpricing starts\b",
    re.I,
    starts=("pay", "per-token", "per token", "subscription", "paid", "per seat", "pricing starts"),
)
FREE_WORDS = Rule(
    r"(?<![-\w])free(?:ly)?\b(?![- ](?:tier|plan|trial|form|text|hand))"
    r"|\bno cost\b|\bat no charge\b",
    re.I,
    starts=("free", "no cost", "at no charge"),
)
OPEN_SOURCE_WORDS = Rule(r"(?<!not )\bopen[- ]source[ds]?\b|\bopen[- ]weights?\b", re.I,
                         starts="open")

def pricing_model_facts(sentences: Sentences, url: str | None) -> list[FactRecord]:
    """open_source, freemium, paid, free: each the text supports (free + paid reads freemium)."""
    if not sentences.any_live(_PRICING_RULES):
        return []
    signals = {
        "open_source": first_hit(sentences, OPEN_SOURCE_WORDS),
        "freemium": first_hit(sentences, FREEMIUM_WORDS),
        "paid": _first_price(sentences) or first_hit(sentences, PAID_WORDS),
        "free": first_hit(sentences, FREE_WORDS),
    }
    if signals["free"] and signals["paid"] and not signals["freemium"]:
        signals["freemium"] = signals["free"]
    if signals["freemium"]:
        signals["free"] = signals["paid"] = None
    facts = []
    for model in ("open_source", "freemium", "paid", "free"):
        hit = signals[model]
        if hit is not None:
            facts.append(hit.valued(model).fact("pricing_model"))
    return facts


def entry_price_facts(sentences: Sentences, url: str | None) -> list[FactRecord]:
    """Every price the text names, dollar prices first, in text order."""
    if not sentences.any_live(_PRICE_RULES):
        return []
    found = sentences.reading(PRICE_PATTERNS)
    hits = [sentences.hit(render(match), index, match) for index, render, match in found]
    hits.sort(key=lambda hit: not hit.value.startswith("$"))
    return [hit.fact("entry_price") for hit in hits]


_PRICE_RULES = frozenset(rule for rule, _ in PRICE_PATTERNS)
_PRICING_RULES = _PRICE_RULES | {OPEN_SOURCE_WORDS, FREEMIUM_WORDS, PAID_WORDS, FREE_WORDS}

def _first_price(sentences: Sentences) -> Hit | None:
    firsts = [(render, sentences.firsts(rule)) for rule, render in PRICE_PATTERNS]
    for index in sorted(set().union(*(found for _, found in firsts))):
        for render, found in firsts:
            match = found.get(index)
            if match and render(match).startswith("$"):
                return sentences.hit(match[0], index, match)
    return None


def _per_tokens(per: str) -> str:
    return "1K" if per.lower() in ("1k", "1,000", "thousand") else "1M"


def _seat(seat: str | None) -> str:
    return "user/" if seat else ""


def _period(period: str) -> str:
    return "year" if period.lower() in ("year", "yr") else "month"
