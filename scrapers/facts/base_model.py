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
    r"|initiali[sz]ed|post-trained|a fine-tune|(?:an?\s+)?distillation)"
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
    r"|Parakeet|Nemotron|SmolLM|BGE|LayoutLM|o[134](?=-|\b)"
    # (small vision and speech models tools are built on)
    r"|SmolVLM|Moondream|TinyLlama|XTTS|Florence|LLaVA|PaliGemma|Pixtral"
)
FAMILIES = _FAMILIES  # (vendor and distribution read a platform's post of a family by them)
# A family's name as a word begins it ("Qwen3", "Kimi K2-0905", "Llama 4 Scout"): `match` a product's
# name, `search` a headline.
FAMILY_NAMED = re.compile(rf"\b(?:{_FAMILIES})(?![a-z])")
# What the user may do, not what the maker did: "you can put a LoRA on top of Llama 3".
# A name that opens with a known family ("Claude", "Qwen2.5 1.5B", "Phi-4-mini"): what looser
# phrasings ("powered by", "wraps", "runs X under the hood") may name, as they also name runtimes,
# services and companies ("powered by Stripe", "runs Ollama").
_FAMILY_NAME = (
    rf"(?P<model>(?!GPTQ)(?:{_FAMILIES})(?![a-z])"
    r"(?:[\w.]*\w)?(?:[- ](?:v?\d(?:[\w.]*\w)?|[A-Z](?:[\w.]*\w)?))*)"
    + _NOT_A_SIZE + r"(?:-[a-z]\w*)?"
)
# How a model the tool runs is said to be made or carried: "a 4-bit Whisper", "a bundled Phi-3.5-mini".
_MODS = (r"\d+-bit|int\d+|fp\d+|bf16|quanti[sz]ed|distilled|fine-tuned|bundled|built-in|embedded|on-device"
         r"|local|small|tiny|compact|lightweight")
_MODS_WORDS = rf"(?i:{_MODS})"
# The variant word a family's name may go on with: "GPT-4.1 mini", "Gemini 2.5 Flash", "Mistral Medium".
_VARIANT = r"(?:\s+(?:mini|nano|pro|flash|turbo|small|large|medium|lite))?"
# The families' names as a folded text holds them: every match of a rule naming `_FAMILY_NAME` holds one.
_FAMILY_NEEDS = tuple(sorted({name.lower() for name in re.sub(r"\(\?[=!].*?\)", "", _FAMILIES).split("|")
                              if not name.startswith("o[")} | {"o1", "o3", "o4"}))
# What a clause says before a model it only works with: "works with a local Llama", "tested with".
_WORKS_WITH = Searched(r"\b(?:works?|working|compatible|tested|testing|integrat\w*|pairs?|plays?|connects?"
                       r"|talks?|compare[sd]?|comparing|benchmarked|evaluated|swap\w*|bring)\s+(?:\w+\s+)?$",
                       re.I)


def _only_works_with(match: re.Match[str]) -> bool:
    """Whether the model is one the tool only works with or is compared to, or is denied."""
    return (bool(_WORKS_WITH.search(match.string, 0, match.start()))
            or is_negated(match.string, match.start(), match.end()))


_USERS_OWN = Searched(r"\byou\s+(?:can|could|may|might|are able to)\b[^,;]*$", re.I)
# What a model's name may be told by before it: "a distilled Whisper", "a quantised Llama 3".
_MADE = r"(?i:(?:distilled|fine-tuned|quanti[sz]ed|pruned|custom|small|tiny)\s+)?"
_MODEL_LIKE = re.compile(rf"^(?:{_FAMILIES})|\d")
# A model the maker tuned, said in the other languages of our feeds ("que ajustamos").
_FOREIGN_TUNED = re.compile(r"ajust|afin|affin|entrenamos|treinamos|feinabgestimmt|nachtrainiert", re.I)
# An article before a model's name in those languages ("basé sur le Mistral 7B", "baseado no Whisper").
_ARTICLE = r"(?i:(?:le|la|l['’]|un|une|el|los|o|a|um|uma|dem|der|einem|einer)\s*)?"
_ON = re.compile(r"\s[Oo]n\s+(?!top of\b)")

def _unless_only_works_with(match: re.Match[str]) -> str:
    """The model matched, unless the tool only works with it or it is denied (see `_only_works_with`)."""
    return "" if _only_works_with(match) else match["model"]


def _if_model_like(match: re.Match[str]) -> str:
    """The name matched, when it looks like a model's (a known family, or a number in it)."""
    return match["model"] if _MODEL_LIKE.search(match["model"]) else ""


BASE_MODELS: Table = (
    # (tuned "on" a name says a model only when it looks like one: not "fine-tuned on Reddit")
    # (the maker's own model too: "a Welsh fine-tune of our Whisper model")
    (Rule(rf"\b{_NOT_THE_USERS}{_TUNED_FROM}\s+{_THE}(?i:(?:our|its|their)\s+)?{MODEL_NAME}",
          needs=("tune", "distil", "derived", "initiali", "post-trained")),
     lambda m: m["model"] if _MODEL_LIKE.search(m["model"]) or not _ON.search(m[0]) else ""),
    (Rule(rf"\b{_TRAINED_FROM}\s+{_THE}{MODEL_NAME}",
          starts=("further", "continually", "continued", "adapted", "a derivative", "starts"),
          needs=("trained from", "trained on", "trained of", "adapted ", "derivative of", "starts ")),
     _if_model_like),
    (Rule(rf"\b{_BUILT_ON}\s+{_THE}{MODEL_NAME}", needs=("built", "based", "builds")),
     _if_model_like),
    # "we fine-tuned Qwen2.5 1.5B with QLoRA"
    (Rule(rf"\b{_NOT_THE_USERS}(?i:fine[- ]?tuned?)\s+{MODEL_NAME}(?=\s+(?:with|on|using|for)\b)",
          needs=("tune",)),
     _if_model_like),
    # "a Llama 3.1 fine-tune", "a Qwen3 derivative", "not a multilingual BERT fine-tune"
    # ... and with its size or make before it: "a 3B Llama 3.2 derivative", "a 4-bit Qwen3 fine-tune"
    # (not what it is a fine-tune for: "a new Welsh fine-tune of our Whisper model" is Whisper's)
    # (and the maker's own: "our Whisper fine-tune", "onze eigen Whisper-finetune")
    (Rule(rf"\b(?i:an?|the|our|its|their|onze(?:\s+eigen)?|unser(?:e|en)?)\s+(?:(?:[a-z][\w-]*|\d[\w.-]*)\s+){{0,2}}"
          rf"{MODEL_NAME}(?:\s+|-)(?:fine-?tune|finetune|derivative)\b"
          r"(?!\s+of\b)",
          needs=("tune", "derivative")),
     lambda m: m["model"]),
    # "Wisp is Llama 3.1 8B fine-tuned with LoRA", "Orca: Qwen3-8B, fine-tuned for legal text"
    # ... and an answer or a list item that opens on the model: "BGE-M3, fine-tuned on shop catalogues"
    # ... its size in brackets between: "Ravenmoss is Phi-4 (14B) fine-tuned with QLoRA"
    # (and a variant in lower case: "It's Phi-4-mini fine-tuned on essays")
    (Rule(rf"(?:(?:\bis|['’]s|:)\s+|^){MODEL_NAME}(?:-[a-z]+)?(?:\s*\([^()]{{1,24}}\))?,?\s+"
          r"(?i:fine[- ]?tuned|post-trained|distilled)\s+(?:with|on|for|using|to)\b",
          needs=("tune", "post-trained", "distil")),
     _if_model_like),
    # "there's no Llama underneath", "no Qwen under the hood": a base model denied (the "no" negates
    # it). Not "doesn't use X under the hood": an app may simply not call a model.
    (Rule(rf"(?<=\b[Nn]o ){MODEL_NAME}\s+(?:underneath|under the hood|beneath|inside|at (?:its|the) core)\b",
          needs=("underneath", "under the hood", "beneath", "inside", " core")),
     _if_model_like),
    # "a LoRA adapter on top of PaliGemma 2", "a LoRA on top of Qwen2-VL 7B": an adapter says a base
    (Rule(rf"\b(?:Q?LoRA|(?i:adapters?|fine-?tunes?|heads?))(?:\s+(?i:adapters?|weights))?"
          rf"\s+(?i:on top of|atop|over)\s+{_THE}{MODEL_NAME}",
          needs=("on top of", "atop", " over ")),
     lambda m: m["model"] if _MODEL_LIKE.search(m["model"]) and not _USERS_OWN.search(m.string, 0, m.start())
     else ""),
    # "under the hood it's Qwen2.5-14B with a DPO pass", "at its core is Mistral 7B", "underneath
    # is a distilled Whisper large-v3"
    (Rule(rf"(?i:under the (?:hood|bonnet|surface)|beneath the surface|underneath|at (?:its|the) core),?\s+"
          rf"(?i:it(?:'s|’s| is)\s+|is\s+|sits\s+){_THE}{_MADE}{MODEL_NAME}",
          needs=("under the hood", "under the bonnet", "under the surface", "beneath the surface",
                 "underneath", " core")),
     _if_model_like),
    # "runs Mistral under the hood", "uses Phi-4-mini underneath"; not "doesn't use X under the hood"
    # (an app may simply not call a model)
    # (and a sentence, a bracket or a "with" that opens on the model: "GPT-4o mini under the hood.",
    # "(Gemma 3n inside)", "with Phi-4-mini inside")
    (Rule(rf"(?:^|(?<=\()|(?<=\bwith )|\b(?i:runs?|running|uses?|using|has|calls?)\s+){_THE}{_FAMILY_NAME}"
          rf"{_VARIANT}"
          r"\s+(?i:under the (?:hood|bonnet|surface)|underneath|inside|behind the scenes)\b",
          needs=("under the hood", "under the bonnet", "under the surface", "underneath", "inside",
                 "behind the scenes")),
     lambda m: "" if is_negated(m.string, m.start(), m.end()) or _WORKS_WITH.search(m.string, 0, m.start())
     else m["model"]),
    # "powered by Claude", "runs on Gemini", "wraps Whisper", "answers come from Claude"
    (Rule(rf"\b(?i:powered by|runs on|running on|wraps|wrapping|wrapper (?:around|over|for)"
          # ... and asked so, for the answer to decide: "Does it run on Whisper? No."
          r"|(?:does|do)\s+(?:it|you|we|they)\s+(?:run|rely)\s+on"
          r"|(?:answers|replies|responses|summaries|drafts|transcripts|write-ups|recaps|notes|entries)"
          r"\s+(?:still\s+|now\s+)?(?:come|are)\s+from)"
          # (the maker's name may come first: "runs on NVIDIA's Parakeet")
          rf"\s+{_THE}(?:[A-Z][\w.-]*['’]s\s+)?{_FAMILY_NAME}",
          needs=("powered by", "runs on", "running on", "wrap", " from", "run on", "rely on")),
     lambda m: m["model"]),
    # what the tool's output is made by: "the replies are written by GPT-4o mini", "summaries
    # generated by Mistral Large", "the SQL is written by a Qwen2.5-Coder we fine-tuned"
    (Rule(rf"\b(?i:written|generated|drafted|produced|composed|suggested|handled|done|performed|transcribed"
          rf"|translated|summari[sz]ed|captioned)\s+by\s+{_THE}{_MADE}(?:[A-Z][\w.-]*['’]s\s+)?{_FAMILY_NAME}",
          needs=("written by", "generated by", "drafted by", "produced by", "composed by", "suggested by",
                 "handled by", "done by", "performed by", "transcribed by", "translated by", "summarised by",
                 "summarized by", "captioned by")),
     lambda m: m["model"]),
    # "leans on a Whisper small model", "relies on whisper.cpp and a Whisper model", "built with Claude",
    # "the agent's brain is Qwen3-Coder", "its engine: Gemma 2"
    (Rule(rf"\b(?i:leans?\s+on|leaning\s+on|relies\s+on|relying\s+on|built\s+with|made\s+with"
          r"|(?:brains?|engine)\s+(?:is|are|:))"
          rf"\s+(?:[\w.+-]+,?\s+(?:and|plus)\s+)?{_THE}{_MADE}{_FAMILY_NAME}",
          needs=("lean", "relies on", "relying on", "built with", "made with", "brain", "engine")),
     lambda m: m["model"]),
    # a model the tool calls for its work: "It calls GPT-4.1 nano for the summaries"
    (Rule(rf"\b(?i:calls?|calling|queries|prompts)\s+{_THE}{_FAMILY_NAME}"
          rf"{_VARIANT}\s+(?i:for|to)\b",
          needs=_FAMILY_NEEDS),
     _unless_only_works_with),
    # a model said in brackets after "model" with its size or precision: "a 1B on-device model
    # (Gemma 3 1B, 4-bit)", "a small model (Phi-4-mini)"; not a list of models it works with
    (Rule(rf"\b(?i:model|LLM)\s*\(\s*{_FAMILY_NAME}"
          r"(?=\s*(?:\)|,\s*(?:\d|int\d|fp\d|bf16|Q\d|GGUF|AWQ|GPTQ|MLX)))", needs=("(",)),
     lambda m: m["model"]),
    # "a Qwen2.5-Coder we fine-tuned with LoRA", "a Llama 3 that we distilled"
    # ... and "uses Mistral Small models that we fine-tuned"
    (Rule(rf"\b(?:(?i:an?|the)|(?i:uses?|using|runs?|on))\s+{MODEL_NAME}(?:\s+(?i:models?|checkpoints?))?\s+"
          r"(?:(?i:that|which)\s+)?(?i:we|I)\s+(?:fine-?tuned|distilled|post-trained)\b",
          needs=("tuned", "distilled", "post-trained")),
     _if_model_like),
    # whisper.cpp runs Whisper models: "Hushline runs whisper.cpp with the small model", "it uses
    # whisper.cpp on your Mac" (not where it is denied: an app may call no model)
    (Rule(r"\b(?:runs?|running|uses?|using|bundles?|ships(?: with)?|built on|on top of)\s+(?:the\s+)?"
          r"(?P<model>whisper\.cpp)\b", re.I, needs=("whisper.cpp",)),
     lambda m: "" if is_negated(m.string, m.start(), m.end()) else "Whisper"),
    # a model card's line: "Base model: Qwen2.5-14B", "Backbone | Mistral 7B"
    # ... and "Finetuned from: mistralai/Mistral-7B-v0.3" (a hub id: its owner, then the model)
    (Rule(r"\b(?i:base[- ]model|backbone|foundation model|parent model|fine-?tuned from|trained from)"
          rf"\s*[:=|]\s*(?:[\w.-]+/)?{_THE}{MODEL_NAME}",
          needs=("base", "backbone", "foundation", "parent", "tuned from", "trained from")),
     _if_model_like),
    # ... and a hub id the card names, in any case, with or without a mark between (a table's cells
    # or a YAML header flattened): "Finetuned from meta-llama/Llama-3.2-3B-Instruct", "base_model:
    # openai/whisper-small"
    (Rule(r"\b(?i:base[_ -]model|backbone|parent model|fine-?tuned from|trained from)\s*[:=|]?\s*"
          r"(?P<owner>[\w.-]+)/(?P<model>[\w.-]+)",
          needs=("base", "backbone", "parent", "tuned from", "trained from")),
     lambda m: _family_of(m["model"])),
    # "Bitterling is Qwen2.5 1.5B squeezed to 4-bit", "it uses Llama 3.2 1B, quantised to 8-bit"
    (Rule(rf"(?:\b(?i:is|uses|using|runs|ships)|:)\s+{_THE}{MODEL_NAME},?\s+"
          r"(?i:squeezed|quanti[sz]ed|compressed|shrunk|pruned)\s+(?:down\s+)?(?:to|into)\b",
          needs=("squeezed", "quantised", "quantized", "compressed", "shrunk", "pruned")),
     _if_model_like),
    # "transcribed by our own model, not by Whisper": a base model denied (the "not" negates it)
    (Rule(rf"(?:(?<=\bnot by )|(?<=\bnot from )|(?<=\bnever by )){_FAMILY_NAME}", needs=("not by", "not from",
                                                                                     "never by")),
     lambda m: m["model"]),
    # "uses Llama 3 as its base model"
    (Rule(rf"\b(?i:uses?|using)\s+{MODEL_NAME}\s+as\s+(?:its|the|a)\s+base\b", needs=(" base",)),
     lambda m: m["model"]),
    # a model given a role in the tool: "with Mistral Large as the reader", "uses Claude as its planner"
    # (not the judge, baseline or teacher of an evaluation, nor a fallback)
    (Rule(rf"\b(?i:with|uses?|using)\s+{_THE}{_MADE}{_FAMILY_NAME}\s+as\s+(?i:its|the|a|an|our)\s+"
          r"(?!(?i:judge|baseline|reference|teacher|example|comparison|benchmark|fallback|backup)\b)[a-z]",
          needs=(" as ",)),
     lambda m: m["model"]),
    # "Sits on top of GPT-4.1", "runs on top of Claude's API" ("built on top of" is read above)
    (Rule(rf"\b(?i:sits?|sitting|runs?|running|lives|layered)\s+(?i:on top of|atop)\s+{_THE}{_FAMILY_NAME}",
          needs=("on top of", "atop")),
     lambda m: m["model"]),
    # the tool's model named as such: "The model doing the explaining is Mistral Small 3", "the model
    # behind the summaries is Claude 3.5 Haiku", "Its language model is Gemma 2"
    (Rule(rf"\b(?i:the|its|our)\s+(?:[a-z][\w-]*\s+)?(?i:model|LLM|language model)"
          r"(?:\s+(?i:doing|behind|powering|that powers|that does|that writes|inside|in it|it uses|we use)"
          r"(?:\s+[\w-]+){0,3}?)?"
          rf"\s+(?i:is|was)\s+{_THE}{_MADE}{_FAMILY_NAME}", needs=("model", "llm")),
     lambda m: m["model"]),
    # a model said to do the tool's work: "Claude Haiku 4.5 does the scheduling", "Gemini 2.5 Flash
    # handles the summaries" (not "does the same")
    (Rule(rf"(?<![\w-]){_FAMILY_NAME}{_VARIANT}"
          r"\s+(?i:does|handles|powers|drives)\s+(?i:the|all|its|our|every|each)\s+"
          r"(?!(?i:same)\b)", needs=("does", "handles", "powers", "drives")),
     lambda m: m["model"]),
    # an appositive after the tool's model: "The speech model, a 4-bit Parakeet, now runs", "our
    # transcription model, a distilled Whisper, runs offline"
    (Rule(rf"\b(?i:model|LLM),\s+(?i:an?|the)\s+(?:(?i:\d+-bit|int\d|fp\d+|on-device|local|quanti[sz]ed|distilled"
          rf"|fine-tuned|small|tiny)\s+)*{_FAMILY_NAME}(?=\s*[,)])", needs=(",",)),
     lambda m: m["model"]),
    # a model the tool runs, told by how it is made or carried: "runs on-device with a 4-bit Whisper
    # large-v3", "can now use a bundled Phi-3.5-mini", "made by a small Gemma 3 model" (not one it
    # works with or is tested with: "works with a local Llama", "tested with a quantised Qwen")
    (Rule(rf"\b(?i:with|by|via|uses?|using|runs?|running|ships?|shipping)\s+(?i:an?|the|our|its)\s+"
          rf"(?:(?i:{_MODS})\s+)+{_FAMILY_NAME}", needs=_FAMILY_NEEDS),
     _unless_only_works_with),
    # (and a tagline opening on it: "A 4-bit Whisper on Apple Silicon")
    # (or after an emoji, a tagline's next phrase: "... your audio 🛡️ A 4-bit Whisper runs on the phone")
    (Rule(r"(?:^|(?<=[\u2600-\u27bf\ufe0f\U0001f000-\U0001faff] ))"
          rf"(?i:an?|the|our|its)\s+(?:(?i:{_MODS})\s+)+{_FAMILY_NAME}", needs=_FAMILY_NEEDS),
     _unless_only_works_with),
    (Rule(rf"\b(?i:with|by|via|uses?|using|runs?|running|ships?|shipping)\s+(?i:an?|the|our|its)\s+"
          rf"(?:(?i:{_MODS})\s+)*{_FAMILY_NAME}{_VARIANT}"
          r"\s+(?i:model|LLM)\b", needs=_FAMILY_NEEDS),
     _unless_only_works_with),
    # the family as an adjective: "Whisper-based, int8", "a Llama-based assistant", "Claude-powered"
    (Rule(rf"(?<![\w-])(?P<model>(?!GPTQ)(?:{_FAMILIES})(?![a-z])[\w.-]*?)-(?:based|powered)\b",
          needs=("-based", "-powered")),
     lambda m: "" if is_negated(m.string, m.start(), m.end()) else m["model"]),
    # a role in the tool given to a model, said first in its sentence: "The DM is Gemini 2.5 Flash
    # with a long system prompt", "Our planner is Claude" (not a baseline, judge or rival)
    (Rule(rf"^(?i:the|its|our)\s+(?!(?i:baseline|judge|reference|teacher|comparison|benchmark|competitor"
          r"|rival|alternative|fallback|backup|default|previous|old)\b)(?:[\w'’-]+\s+){1,2}?(?i:is|are)\s+"
          rf"{_THE}{_MADE}{_FAMILY_NAME}(?=\s*(?:$|[,.;:(]|\s(?i:with|for|in|on|at|via|through|running)\b))",
          needs=_FAMILY_NEEDS),
     lambda m: "" if is_negated(m.string, m.start(), m.end()) else m["model"]),
    # ... or set off after the role: "The summary model, Llama 3.2 3B, now runs at 8-bit"
    (Rule(rf"^(?i:the|its|our)\s+(?!(?i:baseline|judge|reference|teacher|comparison|benchmark|competitor"
          r"|rival|alternative|fallback|backup|default|previous|old)\b)(?:[\w'’-]+\s+){0,2}?"
          rf"(?i:model|LLM|engine|backbone),\s+{_THE}{_MADE}{_FAMILY_NAME},",
          needs=_FAMILY_NEEDS),
     lambda m: "" if is_negated(m.string, m.start(), m.end()) else m["model"]),
    # what the tool does, done with a model: "Transcribes meetings with Whisper", "drafts replies
    # using Claude" (not "works with", "compatible with": read above)
    (Rule(rf"\b(?i:transcrib|summari[sz]|translat|draft|caption|dictat|answer|writ|rewrit|generat|classif"
          r"|tag|extract|read|condens|convert|review|detect|recogni[sz]|explain|sort|group|clean)\w*\s+"
          r"(?:[\w'’-]+,?\s+){0,6}?(?i:with|using|via)\s+(?i:a\s+|an\s+|the\s+)?"
          rf"(?:{_MODS_WORDS}\s+)?{_FAMILY_NAME}(?![\w.-]*\s+(?i:or|and|,)\b)"
          # (not a model that judges it: "scored every answer with GPT-4o as the judge")
          r"(?![\w.-]*\s+(?i:as)\s+(?i:the\s+|a\s+|an\s+)?(?i:judge|grader|baseline|reference|teacher|evaluator"
          r"|critic|rater)\b)",
          needs=_FAMILY_NEEDS),
     _unless_only_works_with),
    # a model said to do the tool's work: "Whisper transcribes and a 4-bit Llama 3.2 3B writes the entry",
    # "Claude categorises every transaction", "Whisper still does the transcription", "has Claude Sonnet
    # write the update" (said at a clause's start, or after "has" / "lets")
    (Rule(rf"(?:^|(?<=[:;,] )|(?<=\band )|(?<=\bhas )|(?<=\blets ))(?i:an?\s+|the\s+)?(?:{_MODS_WORDS}\s+)*"
          rf"{_FAMILY_NAME}{_VARIANT}\s+(?i:still\s+|now\s+|then\s+)?"
          r"(?i:transcribes|writes|drafts|summari[sz]es|categori[sz]es|classifies|answers|translates|reads|tags"
          r"|extracts|generates|rewrites|captions"
          r"|does the (?:transcription|summaries|summary|writing|drafting)"
          r"|handles the \w+|write|draft|summari[sz]e|transcribe|categori[sz]e)\b",
          needs=_FAMILY_NEEDS),
     _unless_only_works_with),
    # ... and as the other languages of our feeds say a model is used or writes: "Usa GPT-4.1 a través de
    # Azure", "usa o Gemini", "as respostas são escritas pelo Gemini 2.5 Flash", "geschrieben von Claude"
    (Rule(rf"\b(?i:usa|utiliza|emplea|utilise|nutzt|verwendet|escritas?\s+(?:pelo|pela|por)|escritos?\s+(?:pelo|por)"
          rf"|écrites?\s+par|écrits?\s+par|geschrieben\s+von|generad[oa]s?\s+por|gerad[oa]s?\s+pelo)\s+"
          rf"(?i:el\s+|o\s+|a\s+|le\s+|la\s+)?{_FAMILY_NAME}",
          needs=_FAMILY_NEEDS),
     _unless_only_works_with),
    # ... a model the maker tuned, in Dutch, Italian and the like: "een Whisper-model dat we zelf hebben
    # gefinetuned", "un Qwen2.5-VL-7B che abbiamo affinato con LoRA"
    (Rule(rf"(?<![\w-]){_FAMILY_NAME}(?:-(?i:model|modello|Modell))?\s+(?:che|dat|die|que|qui)\s+"
          r"(?:[\w-]+\s+){0,3}?(?i:affinato|addestrato|gefinetuned|getraind|feinabgestimmt|nachtrainiert|ajustamos"
          r"|afinamos|affiné|fine-?tuned)\b",
          needs=("affinato", "addestrato", "gefinetuned", "getraind", "feinabgestimmt", "nachtrainiert",
                 "ajustamos", "afinamos", "affiné", "tuned")),
     lambda m: m["model"]),
    # ... a model said to write, or to be used, in those languages ("De samenvatting schrijft Mistral
    # Small", "de spraakherkenning gebruikt nu NVIDIA Parakeet", "il riassunto lo scrive Mistral")
    (Rule(rf"\b(?i:schrijft|schreibt|scrive|écrit|escribe|escreve|gebruikt|utilizza)\s+"
          rf"(?i:nog steeds\s+|noch\s+|ancora\s+|nu\s+|ora\s+|jetzt\s+)?"
          rf"(?:NVIDIA\s+|Meta\s+|Google\s+|OpenAI\s+|Microsoft\s+)?{_FAMILY_NAME}",
          needs=_FAMILY_NEEDS),
     _unless_only_works_with),
    # a model the tool bundles or defaults to: "Bundled model: SmolVLM-500M-Instruct", "The default
    # captioner is now Moondream 2"
    (Rule(rf"\b(?i:bundled\s+model|default\s+model)\s*[:|]?\s+{_FAMILY_NAME}",
          needs=("bundled model", "default model")),
     _unless_only_works_with),
    (Rule(rf"\b(?i:default)\s+[\w-]+\s+(?i:is\s+now|is)\s+{_FAMILY_NAME}", needs=("default",)),
     _unless_only_works_with),
    # a part of the tool's work said to be a model: "transcription is still Whisper", "the summaries are
    # now Claude Haiku 4.5", "OCR is a fine-tuned Florence-2" (not "... is like Whisper": a comparison)
    (Rule(rf"\b(?i:transcription|summari[sz]ation|translation|summaries|recaps|captions|speech recognition"
          r"|OCR|the (?:transcription|summary|speech|vision|language) model)\s+(?i:is|are)\s+"
          rf"(?i:still\s+|now\s+|always\s+)?{_THE}{_MADE}{_FAMILY_NAME}",
          needs=_FAMILY_NEEDS),
     _unless_only_works_with),
    # "a 7B model ..., Llama 3.1 base", "from the Qwen2.5 base model": a base said after its name
    (Rule(rf"(?<![\w-]){_FAMILY_NAME}\s+(?i:base)(?:\s+(?i:model|checkpoint|weights))?"
          r"(?=\s*(?:[,;.)]|$))", needs=(" base",)),
     lambda m: m["model"]),
    # "Not a GPT wrapper", "it's a thin Claude wrapper" (the clause's "not" negates it)
    (Rule(rf"\b(?i:an?)\s+(?i:(?:thin|simple|mere|just another)\s+)?{_FAMILY_NAME}\s+(?i:wrapper)\b",
          needs=("wrapper",)),
     lambda m: m["model"]),
    # a model the tool carries: "bundles Gemma 3 4B as a 4-bit MLX build", "embeds a quantised Phi-3
    # mini"; not a list of models it supports ("ships with Llama, Qwen and Mistral presets")
    (Rule(rf"\b(?i:bundles|bundling|embeds|embedding|ships with|comes with)\s+{_THE}{_MADE}{_FAMILY_NAME}"
          r"(?!\s*(?:,|/|\bor\b|\band\b)\s*[A-Z])"
          r"(?!\s+(?i:support|integrations?|connectors?|plugins?|compatib\w*|presets?)\b)",
          needs=("bundl", "embed", "ships with", "comes with")),
     lambda m: "" if is_negated(m.string, m.start(), m.end()) else m["model"]),
    # a model's id as a hub or Ollama writes it, lower case, run by the tool: "runs whisper-small
    # (int8)", "uses qwen2.5-coder:7b" (not whisper.cpp or llama.cpp, nor llama-index)
    (Rule(r"\b(?:runs|running|uses|using|bundles|ships)\s+(?P<model>(?P<fam>whisper|llama|qwen|gemma|phi|mistral|mixtral"
          r"|deepseek)(?=[\d.:-])(?![\w.:-]*(?:\.cpp|index|stack|file))[\w.:-]*\w)",
          needs=("whisper", "llama", "qwen", "gemma", "phi", "mistral", "mixtral", "deepseek")),
     lambda m: "" if is_negated(m.string, m.start(), m.end()) else _LOWER_FAMILY[m["fam"]]),
    # a part of the tool's work said to use a model: "Transcription uses Whisper", "Every plan includes
    # transcription with Whisper large-v3", "Answers now come from Claude Sonnet 4.5", "OCR is done by
    # a fine-tuned Gemma" (not "works with", nor a comparison: read by `_only_works_with`)
    (Rule(r"\b(?i:transcription|transcripts|summari[sz]ation|summaries|translations?|captions|captioning"
          r"|dictation|speech recognition|OCR|recaps|answers|replies|drafts|suggestions|embeddings|reranking"
          r"|classification|extraction)\s+(?i:now\s+|still\s+|all\s+)?"
          r"(?i:uses?|with|runs?\s+on|(?:is|are)\s+(?:done|handled|made|written|generated)\s+(?:by|with)"
          rf"|comes?\s+from|(?:is|are)\s+from)\s+{_THE}{_MADE}{_FAMILY_NAME}", needs=_FAMILY_NEEDS),
     _unless_only_works_with),
    # a model called through someone's API: "uses Mistral Medium through Mistral's API", "calls Claude
    # via Bedrock's API"
    (Rule(rf"\b(?i:uses?|using|calls?|calling)\s+{_THE}{_FAMILY_NAME}"
          rf"{_VARIANT}\s+(?i:through|via|over)\s+"
          r"(?:[\w'’.-]+\s+){0,2}?(?i:API|APIs|endpoints?)\b", needs=_FAMILY_NEEDS),
     _unless_only_works_with),
    # the tool's model by its family, as a sentence's subject: "The Whisper model is now 4-bit",
    # "Offline: the fine-tuned Parakeet model now also runs on the iPad" (not "the Llama model we
    # compared against")
    (Rule(rf"(?:^|(?<=: ))(?i:the|our|its)\s+(?:{_MODS_WORDS}\s+)*{_FAMILY_NAME}\s+(?i:model|LLM)\s+"
          r"(?i:is|was|now|runs|also|does|handles|powers)\b", needs=_FAMILY_NEEDS),
     _unless_only_works_with),
    # two models a fine-tune is said of: "not a Llama or Qwen fine-tune" (the first; SECOND_NAMED
    # reads the second)
    (Rule(rf"\b(?i:an?)\s+{MODEL_NAME}\s+(?:or|and|nor)\s+(?P<other>[A-Z][\w.-]*)\s+(?i:fine-?tune|derivative)\b",
          needs=("tune", "derivative")),
     _if_model_like),
    # a hub id in lower case after "distilled from" / "fine-tuned from": "distilled from
    # bge-reranker-v2-m3", "fine-tuned from qwen2.5-7b-instruct"
    (Rule(rf"\b{_NOT_THE_USERS}{_TUNED_FROM}\s+(?P<model>(?P<fam>whisper|llama|qwen|gemma|phi|mistral|mixtral"
          r"|deepseek|bge|bert)(?=[\d.:-])[\w.:-]*\w)", needs=("tune", "distil")),
     lambda m: _LOWER_FAMILY[m["fam"]]),
    # As the other languages of our feeds say a model is fine-tuned from, or built on, another:
    # "affiné à partir de Qwen2.5-3B", "ajustado a partir de Llama 3", "basé sur Mistral 7B",
    # "basiert auf Llama 3.1", "baseado no Whisper", "auf Basis von Qwen3"
    (Rule(rf"\b(?i:affinée?s?|ajustée?s?|fine-tunée?s?|ajustad[oa]s?|afinad[oa]s?|entrenad[oa]s?"
          r"|treinad[oa]s?)\s+(?:à partir d[eu]|depuis|sur la base d[eu]|a partir de|desde|sobre"
          r"|com base em)"
          rf"\s+{_ARTICLE}{MODEL_NAME}",
          needs=("affin", "ajust", "fine-tun", "afinad", "entrenad", "treinad")),
     _if_model_like),
    (Rule(rf"\b(?i:basée?s?|fondée?s?|basiert|basierend|basad[oa]s?|basead[oa]s?)\s+(?:sur|auf|en|em|no|na|sobre)"
          rf"\s+{_ARTICLE}{MODEL_NAME}",
          needs=("basé", "basée", "fondé", "fondée", "basiert", "basierend", "basad", "basead")),
     _if_model_like),
    (Rule(rf"\b(?i:auf (?:der )?(?:Basis|Grundlage) von)\s+{MODEL_NAME}",
          needs=("basis von", "grundlage von")),
     _if_model_like),
    # ... a version of a model the maker tuned ("una versión de PaliGemma que ajustamos", "une version
    # de Mistral que nous avons affinée"), and a family's model said tuned before or after its name
    # ("ein auf Deutsch feinabgestimmtes Whisper-Modell", "um Whisper ajustado para sotaques")
    (Rule(r"\b(?i:una versión|uma versão|une version|eine Version)\s+(?:de|do|da|von)\s+"
          r"(?P<model>[A-Z][\w.-]*\w)"
          r"\s+(?:que|qui|die)\s+(?:[\w-]+\s+){0,2}?(?i:ajustamos|afinamos|entrenamos|reentrenamos|treinamos"
          r"|ajustámos|affinée?|ajustée?|feinabgestimmt|nachtrainiert)\b",
          needs=("versión", "versão", "version")),
     lambda m: m["model"] if _MODEL_LIKE.search(m["model"]) or _FOREIGN_TUNED.search(m[0]) else ""),
    (Rule(rf"\b(?i:feinabgestimmte[nrsm]?|nachtrainierte[nrsm]?)\s+{_FAMILY_NAME}",
          needs=("feinabgestimmt", "nachtrainiert")), lambda m: m["model"].removesuffix("-Modell")),
    (Rule(rf"(?<![\w-]){_FAMILY_NAME}(?:-Modell)?\s+(?i:ajustad[oa]|afinad[oa]|affinée?|fine-tunée?|feinabgestimmt)\b",
          needs=("ajustad", "afinad", "affiné", "fine-tuné", "feinabgestimmt")), lambda m: m["model"]),
)

_LOWER_FAMILY = {"whisper": "Whisper", "llama": "Llama", "qwen": "Qwen", "gemma": "Gemma", "phi": "Phi",
                 "mistral": "Mistral", "mixtral": "Mixtral", "deepseek": "DeepSeek", "bge": "BGE",
                 "bert": "BERT"}


# The second of two models a fine-tune is said of; read apart, since the row that reads the first
# holds its span.
SECOND_NAMED: Table = (
    # "not fine-tuned from a Llama or Qwen checkpoint", "a fine-tune of neither Foo-7B nor Bar 2":
    # the second model named (BASE_MODELS reads the first).
    (Rule(rf"\b{_NOT_THE_USERS}{_TUNED_FROM}\s+(?i:neither\s+|either\s+)?{_THE}{_FIRST_NAME}(?:\s+(?i:checkpoint|model))?,?"
          rf"\s+(?i:or|and|nor)\s+{_THE}{MODEL_NAME}", needs=("tune", "distil", "derived")),
     lambda m: m["model"] if not _ON.search(m[0]) or (_MODEL_LIKE.search(m["model"])
                                                      and _MODEL_LIKE.search(m["first"])) else ""),
    # "not a Llama or Qwen fine-tune": the second
    (Rule(rf"\b(?i:an?)\s+{_FIRST_NAME}\s+(?:or|and|nor)\s+{MODEL_NAME}\s+(?i:fine-?tune|derivative)\b",
          needs=("tune", "derivative")),
     lambda m: m["model"] if _MODEL_LIKE.search(m["model"]) and _MODEL_LIKE.search(m["first"]) else ""),
)


def base_model_facts(sentences: Sentences, url: str | None) -> list[FactRecord]:
    """The model families the text says the tool is built on; 'not a Llama fine-tune' is
    negated, and so is the second of 'not fine-tuned from Llama or Qwen'."""
    facts = table_facts("base_model", BASE_MODELS, sentences, own_only=False)
    if facts:
        facts += table_facts("base_model", SECOND_NAMED, sentences, own_only=False)
    if "?" in sentences.text:
        facts += _answered_models(sentences)
    # "Orca 2 fine-tuned with DPO": the tool itself, not what it was built on.
    own = sentences.name.split()[0].casefold() if sentences.name.strip() else None
    kept: dict[tuple[str, bool], FactRecord] = {}
    for fact in facts:
        if fact.value.split()[0].casefold() == own or (not fact.negated and _ANY_MODEL.search(fact.snippet)):
            continue
        family = model_family(fact.value)
        kept.setdefault((family.casefold(), fact.negated), fact.model_copy(update={"value": family}))
    return list(kept.values())


# A tool that runs whatever model its user points it at: the one it names is an example ("calls whatever
# OpenAI-compatible endpoint you point it at (I use a local Qwen3 8B ...)", "Default model: Llama 3.2 3B
# through Ollama (any Ollama model works)"), not what it is built on. (Not "any other pretrained model":
# "It isn't based on BERT or any other pretrained model" denies BERT.)
_ANY_MODEL = re.compile(
    r"\b(?:whatever|whichever|any)\s+(?!other\b)(?:[\w-]+\s+){0,2}?(?:endpoint|model|LLM|provider)s?\b"
    r"(?:\s+(?:you|your|behind|through|served|pulled|works))"
    r"|\b(?:any|every)\s+(?:[\w-]+\s+)?(?:model|LLM)s?\s+works\b|\bbring your own (?:model|key|LLM|API key)\b"
    r"|\bmodel[- ]agnostic\b", re.I)


# A question after the tool's model ("Which model does it use?", "Q: What LLM powers Foo?", "What's
# under the hood?"), not after the models it works with ("Which models does it support?").
_MODEL_QUESTION = re.compile(
    r"\b(?:which|what)(?:'s|’s| is)?\s+(?:[\w-]+\s+){0,2}?(?:model|LLM|under the (?:hood|bonnet))\b"
    r"(?![^?]*\b(?:support|work|compatible|connect|choose|pick|can I|can you|do you recommend)\w*)"
    r"[^?]*\?[\"'”’)]*$",
    re.I)
# ... and its answer, opening on the model's name: "Phi-4, quantised with AWQ.", "A: Claude 3.5 Sonnet."
_MODEL_ANSWER = re.compile(rf"^(?:A\s*[:.]\s*)?(?i:it(?:'s|’s| is)\s+|we use\s+)?{_THE}{_MADE}{MODEL_NAME}")


def _answered_models(sentences: Sentences) -> list[FactRecord]:
    """The model an FAQ's answer names after a question about the tool's model (see above)."""
    facts = []
    for index in range(len(sentences.items) - 1):
        if not _MODEL_QUESTION.search(sentences[index]):
            continue
        answer = sentences[index + 1]
        match = _MODEL_ANSWER.match(answer)
        if match and (_MODEL_LIKE.search(match["model"])):
            facts.append(Hit(match["model"], answer, *match.span("model")).fact("base_model"))
    return facts


# Where a model's name turns to its version or size: a word that is a number or "v2", "K2", "R1",
# "8x7B" ("Llama 3.1 8B", "Kimi K2", "DeepSeek-R1"), or digits glued to the name ("Qwen2.5").
_VERSION_WORD = re.compile(r"^(?:v?\d|[A-Z]\d)", re.I)
# OpenAI's reasoning models: "o3-mini" is o3
_O_SERIES = re.compile(r"^o\d$")
_GLUED_VERSION = re.compile(r"^(?P<name>[A-Za-z]{2,}?)(?:\.|(?<=[A-Z])v)?\d")
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
        if glued or _O_SERIES.match(word):
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


# Each family as the table names it, by its name folded ("whisper" -> "Whisper").
_FAMILY_SPELLINGS = {name.casefold(): name for name in re.sub(r"\(\?[=!].*?\)", "", _FAMILIES).split("|")
                     if not name.startswith("o[")}
_FAMILY_IN_REPO = re.compile(rf"^(?:{_FAMILIES})(?![a-z])", re.I)


def _family_of(repo: str) -> str:
    """The family a hub repository's name opens with ("Llama-3.2-3B-Instruct", "whisper-small"), or ''."""
    found = _FAMILY_IN_REPO.match(repo)
    return _FAMILY_SPELLINGS.get(found[0].casefold(), found[0]) if found else ""


def fine_tuning_fact(sentences: Sentences) -> FactRecord | None:
    """technique "fine-tuning" where the text says the tool was fine-tuned from a model it names
    ("a fine-tune of Qwen3", "we fine-tuned it from Phi-4"); None when it says not, or promises."""
    own = sentences.name.split()[0].casefold() if sentences.name.strip() else None
    for index, render, match in sentences.reading(BASE_MODELS):
        # (or just after it, of the same model: "a Llama 3.1 model which Acme has fine-tuned on ...",
        # "a Gemma 3 model fine-tuned by our teachers")
        if not (_TUNED.search(match[0]) or _TUNED_AFTER.match(sentences.items[index], match.end())):
            continue
        model = render(match) if callable(render) else render
        if not model or model.split()[0].casefold() == own:
            continue
        hit = Hit("fine-tuning", sentences.items[index], *match.span())
        if not hit.negated() and not hit.promised():
            return hit.fact("technique")
    return None


_TUNED = Searched(r"fine[- ]?tun|finetun|affin|ajust|afinad|afinamos|entrenamos|reentrenamos|treinamos"
                  r"|feinabgestimmt|nachtrainiert|gefinetuned|addestrato", re.I)
_TUNED_AFTER = re.compile(r"\s*(?:[\w.-]+,?\s+){0,2}?(?:model\s+)?,?\s*"
                          r"(?:(?:which|that)\s+(?:[\w-]+\s+){0,3}?)?(?:fine[- ]?tuned|finetuned)\b", re.I)
