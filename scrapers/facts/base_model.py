"""base_model: the model the tool is built on or fine-tuned from, as the text names it."""

from __future__ import annotations

import re

from scrapers.facts.engine import Rule, Sentences, Table, table_facts
from scrapers.records import FactRecord

# A model's name: a capitalised word, then its version, size and variant words ("Llama 3.1 8B
# Instruct", "Qwen2.5-Coder-7B", "Mistral 7B"); lower-case words end it.
MODEL_NAME = (
    r"(?P<model>(?!(?:The|This|Our|It|A|An|We|Its)\b)[A-Z](?:[\w.]*\w)?"
    r"(?:[- ](?:v?\d(?:[\w.]*\w)?|[A-Z](?:[\w.]*\w)?))*)"
)
# Fine-tuning says a model; "built on" and "based on" say one only when a model is named.
_TUNED_FROM = (
    r"(?i:(?:fine[- ]?tuned?|finetuned?|distilled|derived|initiali[sz]ed|post-trained|a fine-tune)"
    r"\s+(?:from|of|on top of|on))"
)
_BUILT_ON = r"(?i:(?:built|based)\s+(?:directly\s+|entirely\s+)?(?:on top of|on))"
_THE = r"(?i:(?:the|a|an)\s+)?(?i:open[- ]weights?\s+)?"
# Model families, and a name with a number in it ("Foo-7B", "Bar 2"): what "built on" may name.
_FAMILIES = (
    r"Llama|Mistral|Mixtral|Qwen|Gemma|Phi|DeepSeek|GPT|Claude|Gemini|Falcon|Whisper|BERT|T5"
    r"|Stable Diffusion|SDXL|FLUX|OLMo|Granite|Command|Codestral|StarCoder|Yi|GLM|Kimi"
)
_MODEL_LIKE = re.compile(rf"^(?:{_FAMILIES})|\d")
BASE_MODELS: Table = (
    (Rule(rf"\b{_TUNED_FROM}\s+{_THE}{MODEL_NAME}", needs=("tune", "distil", "derived", "initiali",
                                                           "post-trained")),
     lambda m: m["model"]),
    (Rule(rf"\b{_BUILT_ON}\s+{_THE}{MODEL_NAME}", needs=("built", "based")),
     lambda m: m["model"] if _MODEL_LIKE.search(m["model"]) else ""),
    # "we fine-tuned Qwen2.5 1.5B with QLoRA"
    (Rule(rf"\b(?i:fine[- ]?tuned?)\s+{MODEL_NAME}(?=\s+(?:with|on|using|for)\b)", needs=("tune",)),
     lambda m: m["model"]),
    # "a Llama 3.1 fine-tune"
    (Rule(rf"\b(?i:an?|the)\s+{MODEL_NAME}\s+fine-?tune\b", needs=("tune",)), lambda m: m["model"]),
)


def base_model_facts(sentences: Sentences, url: str | None) -> list[FactRecord]:
    """The model(s) the text says the tool is built on; 'not a Llama fine-tune' is negated."""
    return table_facts("base_model", BASE_MODELS, sentences, own_only=False)


def base_model_spans(sentences: Sentences) -> dict[int, list[tuple[int, int]]]:
    """Sentence index -> where base models are named there (their sizes are not the tool's)."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for index, _, match in sentences.reading([(rule, None) for rule, _ in BASE_MODELS]):
        spans.setdefault(index, []).append(match.span("model"))
    return spans
