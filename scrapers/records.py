"""The shared records every source kind parses into, and every extractor returns."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

FACT_KINDS = (
    "vendor",  # "Meta", "Mistral AI"
    "category",  # "Developer Tools", "Design", "Writing", ...
    "pricing_model",  # free | freemium | paid | open_source
    "entry_price",  # "$20/month", "$0.30 per 1M tokens"
    "license",  # "Apache-2.0", "MIT", "Llama community license", ...
    "open_weights",  # yes | no
    "parameters",  # "70B and 400B"
    "context_length",  # "256K tokens"
    "hardware",  # "24GB VRAM"
    "benchmark",  # "HumanEval", "SWE-bench", ...
    "benchmark_self_reported",  # yes | no
    "quantisation",  # "4-bit", "GGUF", "AWQ"
    "base_model",  # "Llama 3.1 8B": what the tool is built on or fine-tuned from
    "technique",  # "LoRA", "MoE", "RAG", "distillation"
    "distribution",  # "Hugging Face", "PyPI", "Chrome Web Store"
)


class LaunchRecord(BaseModel):
    """One item seen at a source, normalised: what every parser returns."""

    model_config = ConfigDict(frozen=True)

    source: str
    guid: str
    title: str
    tool_name: str
    tagline: str | None = None
    url: str | None = None
    summary: str | None = None  # plain text, never live markup
    published_at: datetime | None = None  # UTC
    is_ai_tool: bool = True
    # What the entry is (scrapers.classify.EntryKind): "launch" and "release" make or update a
    # tool; "other" is stored without one, `skip_reason` saying what it is ("paper", "job", ...).
    kind: str = "launch"
    skip_reason: str | None = None
    # The product's own site when the entry carries it (Product Hunt's website link, a Show HN
    # story's URL, a repository): what resolution keys the tool on before its name.
    product_url: str | None = None
    # The feed's own title ("Mistral AI News", "Kestrel Labs blog"): who publishes it, which a
    # source's configured name (a slug) does not say. Read by the facts, not stored.
    feed_title: str | None = None


class FactRecord(BaseModel):
    """One fact about a tool, with the snippet of source text it came from."""

    model_config = ConfigDict(frozen=True)

    kind: str = Field(pattern="^(" + "|".join(FACT_KINDS) + ")$")
    value: str
    snippet: str
    # The text says the opposite: "no free tier" is (entry_price, "free tier", negated=True).
    negated: bool = False
