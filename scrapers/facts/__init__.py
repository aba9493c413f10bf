"""Facts about a tool pulled from launch text, each with the sentence it came from.

Pure and table-driven: the matching engine is `engine`; each kind's vocabulary and extractor live in
a module of their own (`vendor`, `pricing`, `license`, ...), every extractor a small function from
sentences to facts. Nothing here guesses: a fact is emitted only when a phrase in the text says it.
"""

from __future__ import annotations

from scrapers.facts import base_model, category, context_length, hardware, quantisation, technique
from scrapers.facts.base_model import base_model_facts
from scrapers.facts.benchmark import benchmark_facts
from scrapers.facts.category import category_facts
from scrapers.facts.context_length import context_length_facts
from scrapers.facts.distribution import distribution_facts
from scrapers.facts.engine import (
    MAX_SNIPPET_CHARS,
    Extractor,
    Rule,
    Sentences,
    _fold,
    _occurs,
    join_words,
    rules_in,
    snippet_of,
    split_sentences,
)
from scrapers.facts.hardware import hardware_facts
from scrapers.facts.launch import AI_SIGNALS, is_ai_tool
from scrapers.facts.license import license_facts
from scrapers.facts.open_weights import open_weights_facts
from scrapers.facts.others import without_anothers
from scrapers.facts.parameters import parameter_facts
from scrapers.facts.pricing import entry_price_facts, pricing_model_facts
from scrapers.facts.quantisation import quantisation_facts
from scrapers.facts.questions import answered
from scrapers.facts.technique import technique_facts
from scrapers.facts.vendor import RECORD_KIND, vendor_facts
from scrapers.records import FACT_KINDS, FactRecord, LaunchRecord

__all__ = [
    "AI_SIGNALS", "EXTRACTORS", "MAX_SNIPPET_CHARS", "Rule", "Sentences", "_fold", "_occurs",
    "extract_facts", "is_ai_tool", "join_words", "launch_facts", "launch_parts", "snippet_of",
    "split_sentences",
]

EXTRACTORS: tuple[Extractor, ...] = (
    vendor_facts,
    category_facts,
    pricing_model_facts,
    entry_price_facts,
    license_facts,
    open_weights_facts,
    parameter_facts,
    context_length_facts,
    hardware_facts,
    benchmark_facts,
    quantisation_facts,
    base_model_facts,
    technique_facts,
    distribution_facts,
)

# The extractors every fact of which is read from the matches of rules of these modules (a table
# of a kind is in its module), so that in a text where none of those rules is live each would
# return []: it is not called (most texts say nothing of most kinds, and each call costs). The
# others read more than their rules (vendor the feed's name and the URL, parameters the tool's
# name, distribution the vendor) or check their rules themselves (pricing, license, ...).
_RULES_READ: dict[Extractor, frozenset[Rule]] = {
    category_facts: rules_in(category),
    context_length_facts: rules_in(context_length),
    hardware_facts: rules_in(hardware),
    quantisation_facts: rules_in(quantisation),
    base_model_facts: rules_in(base_model),
    technique_facts: rules_in(technique, base_model),  # "fine-tuning" is read off base models
}


def extract_facts(text: str, *, title: str = "", url: str | None = None, name: str = "",
                  source: str = "", kind: str = "launch") -> list[FactRecord]:
    """Every fact the title, text and URL (of feed `source`) state about the tool `name`, in
    FACT_KINDS order, the entry read as `kind` ("launch" or "release"); [] when none. Never raises."""
    sentences = Sentences(split_sentences(title) + split_sentences(text), name, source)
    sentences.memo[RECORD_KIND] = kind
    found: list[FactRecord] = []
    live = sentences.live
    for extractor in EXTRACTORS:
        rules = _RULES_READ.get(extractor)
        if rules is None or not live.isdisjoint(rules):
            found.extend(extractor(sentences, url))
    return _dedupe(without_anothers(answered(found, sentences), sentences))


def launch_parts(record: LaunchRecord) -> list[str]:
    """The texts of a launch facts are read from, each apart: a snippet is a span of one of them."""
    return [part for part in (record.title, record.tagline, record.summary) if part]


def launch_facts(record: LaunchRecord) -> list[FactRecord]:
    """The facts the rules find in a launch's title, tagline and summary."""
    # A line break is a sentence break: no sentence (and no snippet) runs from one part into the next.
    title, *rest = launch_parts(record) or [""]
    # who publishes the feed by its own title; a source's configured name is only a slug
    return extract_facts("\n".join(rest), title=title, url=record.url, name=record.tool_name,
                         source=record.feed_title or record.source, kind=record.kind)


_KIND_ORDER = {kind: order for order, kind in enumerate(FACT_KINDS)}


def _dedupe(facts: list[FactRecord]) -> list[FactRecord]:
    seen: set[tuple[str, str, bool]] = set()
    unique = []
    for fact in sorted(facts, key=lambda f: _KIND_ORDER[f.kind]):
        if (fact.kind, fact.value, fact.negated) not in seen:
            seen.add((fact.kind, fact.value, fact.negated))
            unique.append(fact)
    return unique
