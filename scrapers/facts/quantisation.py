"""quantisation: the precisions and formats the tool's weights come in ("4-bit", "GGUF")."""

from __future__ import annotations

import re

from scrapers.facts.engine import Rule, Sentences, Table, table_facts
from scrapers.facts.vendor import platform_post
from scrapers.records import FactRecord

_BITS = {"2": "2", "3": "3", "4": "4", "5": "5", "6": "6", "8": "8", "four": "4", "eight": "8"}
QUANTISATIONS: Table = (
    (Rule(r"\b(?P<bits>[234568]|four|eight)[- ]?bit\b", re.I, needs=("bit",)),
     lambda m: f"{_BITS[m['bits'].lower()]}-bit"),
    # "quantised to 8 bits", "quantized down to four bits"
    (Rule(r"\bquanti[sz]ed\s+(?:down\s+)?to\s+(?P<bits>[234568]|four|eight)\s+bits\b", re.I,
          starts="quanti", needs=("bits",)), lambda m: f"{_BITS[m['bits'].lower()]}-bit"),
    # llama.cpp's names say the bits: Q4_K_M, Q8_0; a bare "Q4" only as a quantisation ("Q3" alone
    # is a quarter).
    (Rule(r"\bQ(?P<bits>[2-8])(?:_[0-9A-Z_]+\b|\b(?= (?:quantization|quantisation|quants?|GGUF)\b))",
          needs=("q2", "q3", "q4", "q5", "q6", "q8")), lambda m: f"{m['bits']}-bit"),
    # ... and lower-case in a file's or a tag's name: "shrike-3b-q4_k_m.gguf", "foo:7b-q5_K_M"
    (Rule(r"(?<=[-.:_])q(?P<bits>[2-8])_(?:[kK](?:_[sSmMlL])?|[01])\b",
          needs=("q2_", "q3_", "q4_", "q5_", "q6_", "q8_")),
     lambda m: f"{m['bits']}-bit"),
    (Rule(r"\bGGUF\b", re.I, needs=("gguf",)), "GGUF"),
    (Rule(r"\bAWQ\b", needs=("awq",)), "AWQ"),
    (Rule(r"\bGPTQ\b", needs=("gptq",)), "GPTQ"),
    (Rule(r"\bEXL2\b", needs=("exl2",)), "EXL2"),
    (Rule(r"\bMLX\b", needs=("mlx",)), "MLX"),
    # Integer precisions are bit widths: "INT8 weights", "exported as int8" are 8-bit; so are FP8 and NF4,
    # as the later sets label them ("The FP8 checkpoint" is 8-bit, "NF4 via bitsandbytes" 4-bit).
    (Rule(r"\bFP8\b", re.I, needs=("fp8",)), "8-bit"),
    (Rule(r"\bINT(?P<bits>[48])\b", re.I, needs=("int8", "int4")), lambda m: f"{m['bits']}-bit"),
    (Rule(r"\bNF4\b", needs=("nf4",)), "4-bit"),
)


# A format a runtime reads, not one the tool's weights come in: "supports MLX", "loads GGUF files",
# "runs MLX and GGUF models", "4-bit files for every model", "community GGUF conversions".
_CAPABILITY_AFTER = re.compile(
    r"(?:\s*(?:,|and|or|/)\s*[\w-]+)*\s+(?:support|models?|engine|backend|runtime|kernels?|loading"
    r"|inference|acceleration|decoding|KV[- ]cache|cache|attention|activations?"
    r"|conversions?|imports?|(?:files|builds?|quants?|versions?) (?:of|for) (?:any|every|each|all|other))\b",
    re.I)
_CAPABILITY_BEFORE = re.compile(
    r"\b(?:supports?|support for|loads?|loading|reads?|imports?|converts?|community|third-party"
    r"|any|every|your)\s+(?:[\w-]+\s+){0,2}$"
    # What it runs on, and how a platform serves it: "faster on MLX", "powered by MLX", "we serve
    # it in FP8", "hosted at INT8".
    r"|\b(?:on|powered by|via|using|through)\s+$"
    # A build it no longer ships: "replaces the GPTQ file", "instead of AWQ", "drops the EXL2 quants".
    r"|\b(?:replac(?:es|ed|ing)|instead of|no longer (?:ships?|offers?)|drop(?:s|ped)|retir(?:es|ed))\s+"
    r"(?:the\s+|our\s+|its\s+|old\s+)*$"
    # A precision it is measured against: "half the flash of int8", "smaller than FP8".
    r"|\b(?:than|versus|vs\.?|compared (?:to|with)|(?:size|flash|memory|RAM|footprint) of)\s+(?:the\s+)?$"
    r"|\b(?:serve[sd]?|serving|host(?:s|ed|ing)?)\s+(?:it|them|the model|[A-Z][\w.-]*(?:\s+[\w.-]+){0,2})"
    r"\s+(?:in|at|as)\s+$", re.I)


# One model told by its precision: "a 4-bit model", "its int8 checkpoint" (not "4-bit models").
_ONE_MODEL = re.compile(r"\b(?:a|an|its|our|the)\s+(?:[\w-]+\s+)?$", re.I)
_MODEL_AFTER = re.compile(r"\s+(?:model|checkpoint|build|version|quant)\b(?!s)", re.I)


def quantisation_facts(sentences: Sentences, url: str | None) -> list[FactRecord]:
    """Each quantisation named for the tool's own weights: not a platform's builds of another
    maker's model, nor a format a runtime can read (the headline's "MLX and GGUF" too, once the
    text says they are formats it reads)."""
    facts = table_facts("quantisation", QUANTISATIONS, sentences)
    if not facts or platform_post(sentences):
        return []
    read = _formats_read(sentences)
    return [_level_denied(fact) for fact in facts if fact.value not in read]


# A format named after the precision of one of its files: "The Q8_0 GGUF is no longer published"
# withdraws the 8-bit file, not the format (the other GGUFs stay).
_LEVEL_BEFORE_FORMAT = re.compile(r"(?:\bQ[2-8]_\w+|\b[2-8]-bit|\bint[48])\s+(?:GGUF|AWQ|GPTQ|EXL2|MLX)\b",
                                  re.I)


def _level_denied(fact: FactRecord) -> FactRecord:
    if fact.negated and not fact.value[0].isdigit() and _LEVEL_BEFORE_FORMAT.search(fact.snippet):
        return fact.model_copy(update={"negated": False})
    return fact


def _formats_read(sentences: Sentences) -> set[str]:
    read = set()
    for index, value, match in sentences.reading(QUANTISATIONS):
        sentence = sentences[index]
        if _ONE_MODEL.search(sentence, 0, match.start()) and _MODEL_AFTER.match(sentence, match.end()):
            continue  # "downloads a 4-bit model": one model, the tool's own, not models it reads
        if (_CAPABILITY_AFTER.match(sentence, match.end())
                or _CAPABILITY_BEFORE.search(sentence[:match.start()])):
            read.add(value if isinstance(value, str) else value(match))
    return read
