"""base_model: the model the tool is built on or fine-tuned from, as the text names it."""

from __future__ import annotations

import re

from scrapers.facts.engine import Hit, Rule, Searched, Sentences, Table, table_facts
from scrapers.records import FactRecord

# A model's name: a capitalised word, then its version, size and variant words ("Llama 3.1 8B
# Instruct", "Qwen2.5-Coder-7B", "Mistral 7B"); lower-case words end it.
MODEL_NAME = (
    r"(?P<model>(?!(?:The|This|Our|It|A|An|We|Its)\b)[A-Z](?:[\w.]*\w)?"
    r"(?:[- ](?:v?\d(?:[\w.]*\w)?|[A-Z](?:[\w.]*\w)?))*)"
)
# The first of two models named together ("a Llama or Qwen checkpoint"), the second being `model`.
_FIRST_NAME = MODEL_NAME.replace("(?P<model>", "(?P<first>", 1)
# Fine-tuning says a model; "built on" and "based on" say one only when a model is named.
_TUNED_FROM = (
    r"(?i:(?:(?:fine[- ]?tuned?|finetuned?)(?:\s+(?:version|variant|checkpoint|it|them))?|distilled|derived"
    r"|initiali[sz]ed|post-trained|a fine-tune)"
    r"\s+(?:from|of|on top of|on))"
)
# ... and what says so only of a model: "further trained from", "adapted from", "starts from".
_TRAINED_FROM = (
    r"(?i:(?:(?:further|continually|continued)[- ](?:pre-?)?trained|adapted|a derivative|starts)"
    r"\s+(?:from|of|on top of|on))"
)
# Fine-tuning the user does, not the maker: "how to fine-tune Llama", "you can fine-tune Qwen with".
_NOT_THE_USERS = r"(?<!\bto )(?<!\bcan )(?<!\byou )(?<!\bcould )(?<!\bwill )"
_BUILT_ON = r"(?i:(?:built|based|builds)\s+(?:directly\s+|entirely\s+)?(?:on top of|on|upon|atop|off))"
_THE = r"(?i:(?:the|a|an)\s+)?(?i:open[- ]weights?\s+)?"
# Model families, and a name with a number in it ("Foo-7B", "Bar 2"): what "built on" may name.
_FAMILIES = (
    r"Llama|Mistral|Mixtral|Qwen|Gemma|Phi|DeepSeek|GPT|Claude|Gemini|Falcon|Whisper|BERT|T5"
    r"|Stable Diffusion|SDXL|FLUX|OLMo|Granite|Command|Codestral|StarCoder|Yi|GLM|Kimi"
)
# What the user may do, not what the maker did: "you can put a LoRA on top of Llama 3".
_USERS_OWN = Searched(r"\byou\s+(?:can|could|may|might|are able to)\b[^,;]*$", re.I)
_MODEL_LIKE = re.compile(rf"^(?:{_FAMILIES})|\d")
_ON = re.compile(r"\s[Oo]n\s+(?!top of\b)")

BASE_MODELS: Table = (
    # (tuned "on" a name says a model only when it looks like one: not "fine-tuned on Reddit")
    (Rule(rf"\b{_NOT_THE_USERS}{_TUNED_FROM}\s+{_THE}{MODEL_NAME}",
          needs=("tune", "distil", "derived", "initiali", "post-trained")),
     lambda m: m["model"] if _MODEL_LIKE.search(m["model"]) or not _ON.search(m[0]) else ""),
    (Rule(rf"\b{_TRAINED_FROM}\s+{_THE}{MODEL_NAME}",
          starts=("further", "continually", "continued", "adapted", "a derivative", "starts"),
          needs=("trained from", "trained on", "trained of", "adapted ", "derivative of", "starts ")),
     lambda m: m["model"] if _MODEL_LIKE.search(m["model"]) else ""),
    (Rule(rf"\b{_BUILT_ON}\s+{_THE}{MODEL_NAME}", needs=("built", "based", "builds")),
     lambda m: m["model"] if _MODEL_LIKE.search(m["model"]) else ""),
    # "we fine-tuned Qwen2.5 1.5B with QLoRA"
    (Rule(rf"\b{_NOT_THE_USERS}(?i:fine[- ]?tuned?)\s+{MODEL_NAME}(?=\s+(?:with|on|using|for)\b)",
          needs=("tune",)),
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
    # "a LoRA adapter on top of PaliGemma 2", "a LoRA on top of Qwen2-VL 7B": an adapter says a base
    (Rule(rf"\b(?:Q?LoRA|(?i:adapters?|fine-?tunes?|heads?))(?:\s+(?i:adapters?|weights))?"
          rf"\s+(?i:on top of|atop|over)\s+{_THE}{MODEL_NAME}",
          needs=("on top of", "atop", " over ")),
     lambda m: m["model"] if _MODEL_LIKE.search(m["model"]) and not _USERS_OWN.search(m.string, 0, m.start())
     else ""),
    # "under the hood it's Qwen2.5-14B with a DPO pass", "at its core is Mistral 7B"
    (Rule(rf"(?i:under the hood|underneath|at (?:its|the) core),?\s+(?i:it(?:'s|’s| is)\s+|is\s+|sits\s+)"
          rf"{_THE}{MODEL_NAME}", needs=("under the hood", "underneath", " core")),
     lambda m: m["model"] if _MODEL_LIKE.search(m["model"]) else ""),
    # "uses Llama 3 as its base model"
    (Rule(rf"\b(?i:uses?|using)\s+{MODEL_NAME}\s+as\s+(?:its|the|a)\s+base\b", needs=(" base",)),
     lambda m: m["model"]),
)


# The second of two models a fine-tune is said of; read apart, since the row that reads the first
# holds its span.
SECOND_NAMED: Table = (
    # "not fine-tuned from a Llama or Qwen checkpoint", "a fine-tune of neither Foo-7B nor Bar 2":
    # the second model named (BASE_MODELS reads the first).
    (Rule(rf"\b{_NOT_THE_USERS}{_TUNED_FROM}\s+(?i:neither\s+|either\s+)?{_THE}{_FIRST_NAME}(?:\s+(?i:checkpoint|model))?,?"
          rf"\s+(?i:or|and|nor)\s+{_THE}{MODEL_NAME}", needs=("tune", "distil", "derived")),
     lambda m: m["model"] if not _ON.search(m[0]) or (_MODEL_LIKE.search(m["model"])
                                                      and _MODEL_LIKE.search(m["first"])) else ""),
)


def base_model_facts(sentences: Sentences, url: str | None) -> list[FactRecord]:
    """The model(s) the text says the tool is built on; 'not a Llama fine-tune' is negated, and
    so is the second of 'not fine-tuned from Llama or Qwen'."""
    facts = table_facts("base_model", BASE_MODELS, sentences, own_only=False)
    if facts:
        seen = {(fact.value, fact.negated) for fact in facts}
        facts += [fact for fact in table_facts("base_model", SECOND_NAMED, sentences, own_only=False)
                  if (fact.value, fact.negated) not in seen]
    # "Orca 2 fine-tuned with DPO": the tool itself, not what it was built on.
    own = sentences.name.split()[0].casefold() if sentences.name.strip() else None
    return [fact for fact in facts if fact.value.split()[0].casefold() != own]


def base_model_spans(sentences: Sentences) -> dict[int, list[tuple[int, int]]]:
    """Sentence index -> where base models are named there (their sizes are not the tool's)."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for index, _, match in sentences.reading(_BASE_MODEL_RULES):
        spans.setdefault(index, []).append(match.span("model"))
    return spans


_BASE_MODEL_RULES = tuple((rule, None) for rule, _ in (*BASE_MODELS, *SECOND_NAMED))


def fine_tuning_fact(sentences: Sentences) -> FactRecord | None:
    """technique "fine-tuning" where the text says the tool was fine-tuned from a model it names
    ("a fine-tune of Qwen3", "we fine-tuned it from Phi-4"); None when it says not, or promises."""
    own = sentences.name.split()[0].casefold() if sentences.name.strip() else None
    for index, render, match in sentences.reading(BASE_MODELS):
        if not _TUNED.search(match[0]):
            continue
        model = render(match) if callable(render) else render
        if not model or model.split()[0].casefold() == own:
            continue
        hit = Hit("fine-tuning", sentences.items[index], *match.span())
        if not hit.negated() and not hit.promised():
            return hit.fact("technique")
    return None


_TUNED = Searched(r"fine[- ]?tun|finetun", re.I)
