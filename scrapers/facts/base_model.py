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
    r"(?i:(?:(?:fine[- ]?tuned?|finetuned?)(?:\s+(?:version|variant|checkpoint))?|distilled|derived"
    r"|initiali[sz]ed|post-trained|a fine-tune)"
    r"\s+(?:from|of|on top of|on))"
)
# ... and what says so only of a model: "further trained from", "adapted from", "starts from".
_TRAINED_FROM = (
    r"(?i:(?:(?:further|continually|continued)[- ](?:pre-?)?trained|adapted|a derivative|starts)"
    r"\s+(?:from|of|on top of|on))"
)
_BUILT_ON = r"(?i:(?:built|based|builds)\s+(?:directly\s+|entirely\s+)?(?:on top of|on|upon|atop|off))"
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
    (Rule(rf"\b{_TRAINED_FROM}\s+{_THE}{MODEL_NAME}",
          starts=("further", "continually", "continued", "adapted", "a derivative", "starts"),
          needs=("trained from", "trained on", "trained of", "adapted ", "derivative of", "starts ")),
     lambda m: m["model"] if _MODEL_LIKE.search(m["model"]) else ""),
    (Rule(rf"\b{_BUILT_ON}\s+{_THE}{MODEL_NAME}", needs=("built", "based", "builds")),
     lambda m: m["model"] if _MODEL_LIKE.search(m["model"]) else ""),
    # "we fine-tuned Qwen2.5 1.5B with QLoRA"
    (Rule(rf"\b(?i:fine[- ]?tuned?)\s+{MODEL_NAME}(?=\s+(?:with|on|using|for)\b)", needs=("tune",)),
     lambda m: m["model"] if _MODEL_LIKE.search(m["model"]) else ""),
    # "a Llama 3.1 fine-tune", "a Qwen3 derivative"
    (Rule(rf"\b(?i:an?|the)\s+{MODEL_NAME}\s+(?:fine-?tune|derivative)\b", needs=("tune", "derivative")),
     lambda m: m["model"]),
    # "Wisp is Llama 3.1 8B fine-tuned with LoRA", "Orca: Qwen3-8B, fine-tuned for legal text"
    (Rule(rf"(?:\bis|:)\s+{MODEL_NAME},?\s+(?i:fine[- ]?tuned|post-trained|distilled)"
          r"\s+(?:with|on|for|using|to)\b", needs=("tune", "post-trained", "distil")),
     lambda m: m["model"] if _MODEL_LIKE.search(m["model"]) else ""),
    # "there's no Llama underneath", "no Qwen under the hood": a base model denied (the "no" negates
    # it). Not "doesn't use X under the hood": an app may simply not call a model.
    (Rule(rf"(?<=\b[Nn]o ){MODEL_NAME}\s+(?:underneath|under the hood|beneath|inside|at (?:its|the) core)\b",
          needs=("underneath", "under the hood", "beneath", "inside", " core")),
     lambda m: m["model"] if _MODEL_LIKE.search(m["model"]) else ""),
    # "uses Llama 3 as its base model"
    (Rule(rf"\b(?i:uses?|using)\s+{MODEL_NAME}\s+as\s+(?:its|the|a)\s+base\b", needs=(" base",)),
     lambda m: m["model"]),
)


def base_model_facts(sentences: Sentences, url: str | None) -> list[FactRecord]:
    """The model(s) the text says the tool is built on; 'not a Llama fine-tune' is negated."""
    facts = table_facts("base_model", BASE_MODELS, sentences, own_only=False)
    # "Orca 2 fine-tuned with DPO": the tool itself, not what it was built on.
    own = sentences.name.split()[0].casefold() if sentences.name.strip() else None
    return [fact for fact in facts if fact.value.split()[0].casefold() != own]


def base_model_spans(sentences: Sentences) -> dict[int, list[tuple[int, int]]]:
    """Sentence index -> where base models are named there (their sizes are not the tool's)."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for index, _, match in sentences.reading(_BASE_MODEL_RULES):
        spans.setdefault(index, []).append(match.span("model"))
    return spans


_BASE_MODEL_RULES = tuple((rule, None) for rule, _ in BASE_MODELS)
