"""The `llm` fact extractor: an OpenAI-compatible model reads the launch, the text keeps it honest.

One call per launch (title, tagline and summary together), answered as JSON that pydantic checks.
A fact is kept only if its kind is one we record and its evidence is a literal span of the launch
text; that span becomes the snippet. When the endpoint fails, the rules extract instead, and the
log says so: ingest never stops for a model.
"""

from __future__ import annotations

import logging

from pydantic import BaseModel, Field

from scrapers.facts import launch_facts, launch_parts
from scrapers.facts.base_model import model_family
from scrapers.facts.engine import MAX_SNIPPET_CHARS
from scrapers.records import FACT_KINDS, FactRecord, LaunchRecord
from verdicts.llm import ChatClient, LLMError

log = logging.getLogger(__name__)

# The kinds asked for: those the rules judge best from the whole text (category) stay with them.
ASKED_KINDS = tuple(kind for kind in FACT_KINDS if kind not in ("category", "benchmark_self_reported"))

INSTRUCTIONS = f"""You read one AI product launch and list the facts it states about THIS product.
Answer JSON: {{"facts": [{{"kind": ..., "value": ..., "negated": false, "evidence": ...}}]}}.
kind is one of: {", ".join(ASKED_KINDS)}.
Values: vendor as commonly written; pricing_model free|freemium|paid|open_source; entry_price
"free tier" or the lowest price ("$20/month", "$8/seat/month", "$0.30 per 1M tokens",
"$0.006 per minute", "2.9% per transaction"); license as an SPDX id (MIT, Apache-2.0, GPL-3.0);
open_weights yes|no (only this product's own weights); parameters one per size ("34B");
context_length "128K tokens"; hardware "48GB GPU", "8GB RAM", "CPU", "H100", "Apple Silicon";
benchmark names; quantisation "4-bit", "GGUF"; base_model the family ("Qwen", "Llama"); technique LoRA, QLoRA,
MoE, RAG, RLHF, DPO, distillation; distribution "Hugging Face", "PyPI", "npm", "Ollama", ...
negated is true when the text says the opposite ("no free tier" -> entry_price "free tier",
negated true; "no GPU required" -> hardware "GPU", negated true).
evidence is copied EXACTLY from the text, a short span that states the fact. Leave out anything
said of other products (models it works with, competitors' prices). Nothing the text does not say."""


class LLMFact(BaseModel):
    kind: str
    value: str = Field(min_length=1, max_length=200)
    negated: bool = False
    evidence: str


class LLMFactList(BaseModel):
    facts: list[LLMFact]


class LLMFacts:
    """Facts of a launch through one ChatClient; the rules when it fails."""

    def __init__(self, client: ChatClient) -> None:
        self.client = client

    def facts_of(self, record: LaunchRecord) -> list[FactRecord]:
        parts = launch_parts(record)
        try:
            answer = self.client.complete_json(_messages(parts), LLMFactList)
        except LLMError as exc:
            log.warning("llm facts for %r: %s; the rules extract instead", record.title, exc)
            return launch_facts(record)
        return accepted(answer.value.facts, parts)


def accepted(facts: list[LLMFact], parts: list[str]) -> list[FactRecord]:
    """The facts of a known kind whose evidence occurs in the launch text, each once."""
    kept: list[FactRecord] = []
    seen: set[tuple[str, str, bool]] = set()
    for fact in facts:
        evidence = fact.evidence.strip()
        value = model_family(fact.value) if fact.kind == "base_model" else fact.value.strip()
        key = (fact.kind, value, fact.negated)
        if fact.kind not in ASKED_KINDS or key in seen:
            continue
        if not evidence or len(evidence) > MAX_SNIPPET_CHARS or not any(evidence in p for p in parts):
            continue
        seen.add(key)
        kept.append(FactRecord(kind=fact.kind, value=key[1], negated=fact.negated, snippet=evidence))
    return kept


def _messages(parts: list[str]) -> list[dict[str, str]]:
    return [{"role": "system", "content": INSTRUCTIONS},
            {"role": "user", "content": "\n".join(parts)}]
