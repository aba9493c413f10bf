"""quantisation: the precisions and formats the tool's weights come in ("4-bit", "GGUF")."""

from __future__ import annotations

import re

from scrapers.facts.engine import Rule, Sentences, Table, table_facts
from scrapers.records import FactRecord

_BITS = {"2": "2", "3": "3", "4": "4", "5": "5", "6": "6", "8": "8", "four": "4", "eight": "8"}
QUANTISATIONS: Table = (
    (Rule(r"\b(?P<bits>[234568]|four|eight)[- ]?bit\b", re.I, needs=("bit",)),
     lambda m: f"{_BITS[m['bits'].lower()]}-bit"),
    # llama.cpp's names say the bits: Q4_K_M, Q8_0; a bare "Q4" only as a quantisation ("Q3" alone
    # is a quarter).
    (Rule(r"\bQ(?P<bits>[2-8])(?:_[0-9A-Z_]+\b|\b(?= (?:quantization|quantisation|quants?|GGUF)\b))",
          needs=("q2", "q3", "q4", "q5", "q6", "q8")), lambda m: f"{m['bits']}-bit"),
    (Rule(r"\bGGUF\b", re.I, needs=("gguf",)), "GGUF"),
    (Rule(r"\bAWQ\b", needs=("awq",)), "AWQ"),
    (Rule(r"\bGPTQ\b", needs=("gptq",)), "GPTQ"),
    (Rule(r"\bEXL2\b", needs=("exl2",)), "EXL2"),
    (Rule(r"\bMLX\b", needs=("mlx",)), "MLX"),
    (Rule(r"\bFP8\b", re.I, needs=("fp8",)), "FP8"),
    (Rule(r"\bINT8\b", re.I, needs=("int8",)), "INT8"),
    (Rule(r"\bINT4\b", re.I, needs=("int4",)), "INT4"),
    (Rule(r"\bNF4\b", needs=("nf4",)), "NF4"),
)


def quantisation_facts(sentences: Sentences, url: str | None) -> list[FactRecord]:
    """Each quantisation named for the tool's weights."""
    return table_facts("quantisation", QUANTISATIONS, sentences)
