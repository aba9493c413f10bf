"""technique: how the tool's model was made or works (LoRA, MoE, RAG, distillation, ...)."""

from __future__ import annotations

import re

from scrapers.facts.base_model import fine_tuning_fact
from scrapers.facts.engine import Rule, Searched, Sentences, Table, table_facts
from scrapers.records import FactRecord

# Acronyms are case-sensitive ("rag" is a word too); the spelled-out names are not.
TECHNIQUES: Table = (
    (Rule(r"\bQLoRA\b", needs=("qlora",)), "QLoRA"),
    (Rule(r"\bLoRA\b|\b[Ll]ow-rank adapt(?:ers?|ation)\b", needs=("lora", "low-rank")), "LoRA"),
    (Rule(r"\bMoE\b|\b[Mm]ixture[- ]of[- ][Ee]xperts\b", needs=("moe", "mixture")), "MoE"),
    # (and "retrieval-augmented" alone, and a retrieval step over the documents it answers from)
    (Rule(r"\bRAG\b|\b[Rr]etrieval[- ]augmented\b"
          r"|\b[Rr]etrieval (?:step|layer|stage|pass) (?:over|across|on|through)\b",
          needs=("rag", "retrieval")),
     "RAG"),
    (Rule(r"\bRLHF\b|\breinforcement learning from human feedback\b", re.I,
          needs=("rlhf", "human feedback")), "RLHF"),
    (Rule(r"\bDPO\b|\b[Dd]irect preference optimi[sz]ation\b", needs=("dpo", "preference")), "DPO"),
    (Rule(r"\bGRPO\b", needs=("grpo",)), "GRPO"),
    (Rule(r"\bORPO\b", needs=("orpo",)), "ORPO"),
    # fine-tuning named as a method of its own, beside others or not: "SFT, then DPO"
    (Rule(r"\bSFT\b|\b[Ss]upervised fine-?tuning\b", needs=("sft", "supervised fine")), "fine-tuning"),
    # ... and fine-tuning as what a release offers: "Fine-tune Claude 3 Haiku in Amazon Bedrock", "LoRA
    # Fine-Tune Support Now Live on GroqCloud", "now supports fine-tuning", "fine-tuning is now available"
    (Rule(r"^(?i:fine-?tun(?:e|ing))\s+(?:(?i:for|of)\s+)?(?=[A-Z]|(?i:your|custom)\s)"
          r"|\b(?i:fine-?tun(?:e|ing))\s+(?i:support|API)\b"
          r"|\b(?i:supports?|adds?|offers?|brings?|introduces?|launch(?:es)?)\s+(?:(?i:LoRA|QLoRA)\s+)?"
          r"(?i:fine-?tuning)\b"
          r"|\b(?i:fine-?tuning)\s+(?i:is\s+)?(?i:now\s+)"
          r"(?i:available|live|generally available|in preview)\b",
          needs=("fine-tun",)), "fine-tuning"),
    (Rule(r"\bdistill(?:ed|ation|s|ing)?\b", re.I, needs=("distil",)), "distillation"),
    (Rule(r"\bspeculative decoding\b", re.I, needs=("speculative",)), "speculative decoding"),
)


# The ways of fine-tuning that name themselves: beside one, "fine-tuned from X" says nothing more.
_TUNING_METHODS = frozenset({"LoRA", "QLoRA", "DPO", "RLHF", "GRPO", "ORPO"})


def technique_facts(sentences: Sentences, url: str | None) -> list[FactRecord]:
    """Each technique the text says the tool uses; "fine-tuning" when it says the tool was
    fine-tuned from a named model and names no more particular method (LoRA, DPO, ...)."""
    facts = table_facts("technique", TECHNIQUES, sentences)
    if facts:
        users = _only_the_users(sentences)
        facts = [fact for fact in facts if fact.value not in users]
    if not any(fact.value in _TUNING_METHODS and not fact.negated for fact in facts):
        tuned = fine_tuning_fact(sentences)
        if tuned:
            facts.append(tuned)
    return facts


# A technique of what the tool serves, not of the tool: "regression tests for your RAG pipeline",
# "observability for their LoRA fine-tunes", "plugs into any RAG stack".
_USERS_BEFORE = Searched(r"\b(?:for|of|into|in|to|with)\s+(?:your|their|any|existing|customers'|users')"
                           r"(?:\s+(?:own|existing|production))?\s+$", re.I)


def _only_the_users(sentences: Sentences) -> set[str]:
    """The techniques the text names only as the users' own (see above)."""
    theirs, ours = set(), set()
    for index, value, match in sentences.reading(TECHNIQUES):
        said = value if isinstance(value, str) else value(match)
        before = sentences[index][max(0, match.start() - 40):match.start()]
        (theirs if _USERS_BEFORE.search(before) else ours).add(said)
    return theirs - ours
