"""base_model: the model family the tool is built on or fine-tuned from ("Qwen" for "fine-tuned from
Qwen2.5-14B"), as editors write it and benchmarks are written, without version or size; the
snippet keeps the name as the text gives it."""

from __future__ import annotations

import re

from scrapers.facts.engine import Hit, Rule, Searched, Sentences, Table, is_negated, table_facts
from scrapers.records import FactRecord

# A size or a style compared with, not a model built on: "a GPT-2-sized model", "a Llama-class one".
_NOT_A_SIZE = r"(?![\w.-]*-(?:sized|class|scale|style|like|level|grade)\b)"
# A model's name: a capitalised word, then its version, size and variant words ("Llama 3.1 8B
# Instruct", "Qwen2.5-Coder-7B", "Mistral 7B"); lower-case words end it.
MODEL_NAME = (
    r"(?P<model>(?!(?:The|This|Our|It|A|An|We|Its)\b)[A-Z](?:[\w.]*\w)?"
    r"(?:[- ](?:v?\d(?:[\w.]*\w)?|[A-Z](?:[\w.]*\w)?))*)"
    + _NOT_A_SIZE
)
# The first of two models named together ("a Llama or Qwen checkpoint"), the second being `model`.
_FIRST_NAME = MODEL_NAME.replace("(?P<model>", "(?P<first>", 1)
# Fine-tuning says a model; "built on" and "based on" say one only when a model is named.
_TUNED_FROM = (
    r"(?i:(?:(?:fine[- ]?tuned?|finetuned?|(?:q?lora|dpo|sft|instruction)[- ]tuned)"
    r"(?:\s+(?:version|variant|checkpoint|it|them))?|distilled|derived"
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
# A name that opens with a known family ("Claude", "Qwen2.5 1.5B", "Phi-4-mini"): what looser
# phrasings ("powered by", "wraps", "runs X under the hood") may name, as they also name runtimes,
# services and companies ("powered by Stripe", "runs Ollama").
_FAMILY_NAME = (
    rf"(?P<model>(?:{_FAMILIES})(?![a-z])(?:[\w.]*\w)?(?:[- ](?:v?\d(?:[\w.]*\w)?|[A-Z](?:[\w.]*\w)?))*)"
    + _NOT_A_SIZE + r"(?:-[a-z]\w*)?"
)
_USERS_OWN = Searched(r"\byou\s+(?:can|could|may|might|are able to)\b[^,;]*$", re.I)
# What a model's name may be told by before it: "a distilled Whisper", "a quantised Llama 3".
_MADE = r"(?i:(?:distilled|fine-tuned|quanti[sz]ed|pruned|custom|small|tiny)\s+)?"
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
    # "a Llama 3.1 fine-tune", "a Qwen3 derivative", "not a multilingual BERT fine-tune"
    (Rule(rf"\b(?i:an?|the)\s+(?:[a-z][\w-]*\s+)?{MODEL_NAME}\s+(?:fine-?tune|derivative)\b",
          needs=("tune", "derivative")),
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
    # "under the hood it's Qwen2.5-14B with a DPO pass", "at its core is Mistral 7B", "underneath
    # is a distilled Whisper large-v3"
    (Rule(rf"(?i:under the (?:hood|bonnet)|underneath|at (?:its|the) core),?\s+"
          rf"(?i:it(?:'s|’s| is)\s+|is\s+|sits\s+){_THE}{_MADE}{MODEL_NAME}",
          needs=("under the hood", "under the bonnet", "underneath", " core")),
     lambda m: m["model"] if _MODEL_LIKE.search(m["model"]) else ""),
    # "runs Mistral under the hood", "uses Phi-4-mini underneath"; not "doesn't use X under the hood"
    # (an app may simply not call a model)
    (Rule(rf"\b(?i:runs?|running|uses?|using|has|calls?)\s+{_THE}{_FAMILY_NAME}"
          r"\s+(?i:under the (?:hood|bonnet)|underneath|inside|behind the scenes)\b",
          needs=("under the hood", "under the bonnet", "underneath", "inside", "behind the scenes")),
     lambda m: "" if is_negated(m.string, m.start(), m.end()) else m["model"]),
    # "powered by Claude", "runs on Gemini", "wraps Whisper", "answers come from Claude"
    (Rule(rf"\b(?i:powered by|runs on|running on|wraps|wrapping|wrapper (?:around|over|for)"
          # ... and asked so, for the answer to decide: "Does it run on Whisper? No."
          r"|(?:does|do)\s+(?:it|you|we|they)\s+(?:run|rely)\s+on"
          r"|(?:answers|replies|responses|summaries|drafts|transcripts)\s+(?:come|are)\s+from)"
          rf"\s+{_THE}{_FAMILY_NAME}",
          needs=("powered by", "runs on", "running on", "wrap", " from", "run on", "rely on")),
     lambda m: m["model"]),
    # what the tool's output is made by: "the replies are written by GPT-4o mini", "summaries
    # generated by Mistral Large", "the SQL is written by a Qwen2.5-Coder we fine-tuned"
    (Rule(rf"\b(?i:written|generated|drafted|produced|composed|suggested)\s+by\s+{_THE}{_MADE}{_FAMILY_NAME}",
          needs=("written by", "generated by", "drafted by", "produced by", "composed by", "suggested by")),
     lambda m: m["model"]),
    # "leans on a Whisper small model", "relies on whisper.cpp and a Whisper model", "built with Claude",
    # "the agent's brain is Qwen3-Coder", "its engine: Gemma 2"
    (Rule(rf"\b(?i:leans?\s+on|leaning\s+on|relies\s+on|relying\s+on|built\s+with|made\s+with"
          r"|(?:brains?|engine)\s+(?:is|are|:))"
          rf"\s+(?:[\w.+-]+,?\s+(?:and|plus)\s+)?{_THE}{_MADE}{_FAMILY_NAME}",
          needs=("lean", "relies on", "relying on", "built with", "made with", "brain", "engine")),
     lambda m: m["model"]),
    # a model said in brackets after "model" with its size or precision: "a 1B on-device model
    # (Gemma 3 1B, 4-bit)", "a small model (Phi-4-mini)"; not a list of models it works with
    (Rule(rf"\b(?i:model|LLM)\s*\(\s*{_FAMILY_NAME}"
          r"(?=\s*(?:\)|,\s*(?:\d|int\d|fp\d|bf16|Q\d|GGUF|AWQ|GPTQ|MLX)))", needs=("(",)),
     lambda m: m["model"]),
    # "a Qwen2.5-Coder we fine-tuned with LoRA", "a Llama 3 that we distilled"
    (Rule(rf"\b(?i:an?|the)\s+{MODEL_NAME}\s+(?:that\s+)?(?i:we|I)\s+(?:fine-?tuned|distilled|post-trained)\b",
          needs=("tuned", "distilled", "post-trained")),
     lambda m: m["model"] if _MODEL_LIKE.search(m["model"]) else ""),
    # whisper.cpp runs Whisper models: "Hushline runs whisper.cpp with the small model", "it uses
    # whisper.cpp on your Mac" (not where it is denied: an app may call no model)
    (Rule(r"\b(?:runs?|running|uses?|using|bundles?|ships(?: with)?|built on|on top of)\s+(?:the\s+)?"
          r"(?P<model>whisper\.cpp)\b", re.I, needs=("whisper.cpp",)),
     lambda m: "" if is_negated(m.string, m.start(), m.end()) else "Whisper"),
    # a model card's line: "Base model: Qwen2.5-14B", "Backbone | Mistral 7B"
    (Rule(rf"\b(?i:base[- ]model|backbone|foundation model|parent model)\s*[:=|]\s*{_THE}{MODEL_NAME}",
          needs=("base", "backbone", "foundation", "parent")),
     lambda m: m["model"] if _MODEL_LIKE.search(m["model"]) else ""),
    # "Bitterling is Qwen2.5 1.5B squeezed to 4-bit", "it uses Llama 3.2 1B, quantised to 8-bit"
    (Rule(rf"(?:\b(?i:is|uses|using|runs|ships)|:)\s+{_THE}{MODEL_NAME},?\s+"
          r"(?i:squeezed|quanti[sz]ed|compressed|shrunk|pruned)\s+(?:down\s+)?(?:to|into)\b",
          needs=("squeezed", "quantised", "quantized", "compressed", "shrunk", "pruned")),
     lambda m: m["model"] if _MODEL_LIKE.search(m["model"]) else ""),
    # "transcribed by our own model, not by Whisper": a base model denied (the "not" negates it)
    (Rule(rf"(?:(?<=\bnot by )|(?<=\bnot from )|(?<=\bnever by )){_FAMILY_NAME}", needs=("not by", "not from",
                                                                                     "never by")),
     lambda m: m["model"]),
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
    """The model families the text says the tool is built on; 'not a Llama fine-tune' is
    negated, and so is the second of 'not fine-tuned from Llama or Qwen'."""
    facts = table_facts("base_model", BASE_MODELS, sentences, own_only=False)
    if facts:
        facts += table_facts("base_model", SECOND_NAMED, sentences, own_only=False)
    # "Orca 2 fine-tuned with DPO": the tool itself, not what it was built on.
    own = sentences.name.split()[0].casefold() if sentences.name.strip() else None
    kept: dict[tuple[str, bool], FactRecord] = {}
    for fact in facts:
        if fact.value.split()[0].casefold() == own:
            continue
        family = model_family(fact.value)
        kept.setdefault((family.casefold(), fact.negated), fact.model_copy(update={"value": family}))
    return list(kept.values())


# Where a model's name turns to its version or size: a word that is a number or "v2", "K2", "R1",
# "8x7B" ("Llama 3.1 8B", "Kimi K2", "DeepSeek-R1"), or digits glued to the name ("Qwen2.5").
_VERSION_WORD = re.compile(r"^(?:v?\d|[A-Z]\d)", re.I)
_GLUED_VERSION = re.compile(r"^(?P<name>[A-Za-z]{2,}?)\.?\d")
# Families named before a size word: "Claude Sonnet 4" is Claude, "Mistral Small 3" is Mistral.
_ONE_WORD_FAMILY = re.compile(rf"^(?:{_FAMILIES}) ", re.I)


def model_family(name: str) -> str:
    """The family of a model's name: "Qwen2.5-14B" -> "Qwen", "Llama 3.2 Vision" -> "Llama",
    "NLLB-200" -> "NLLB", "Claude 3.5 Sonnet" -> "Claude"; "DeepSeek-Coder", "XLM-RoBERTa" and
    "T5" stay as they are."""
    family = ""
    for match in re.finditer(r"(^|[- ])([^- ]+)", name.strip()):
        separator, word = match.groups()
        if family and _VERSION_WORD.match(word):
            break
        glued = _GLUED_VERSION.match(word)
        family += separator + (glued["name"] if glued else word)
        if glued:
            break
    if _ONE_WORD_FAMILY.match(family):
        family = family.split(" ", 1)[0]
    return family or name


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
