"""context_length: the context window stated, as '256K tokens'."""

from __future__ import annotations

import re

from scrapers.facts.engine import NUM, Rule, Searched, Sentences, clause_before, is_promised
from scrapers.records import FactRecord

CONTEXT_PATTERNS: tuple[Rule, ...] = (
    Rule(
        rf"(?<!per )(?<!/ )(?<!/)(?<![\w.$])(?P<num>{NUM}|\d{{1,3}}(?:,\d{{3}})+)"
        r"(?:[\s-]?(?P<unit>[KkMm]|thousand|million))?"
        # (a headline's capitals too: "Introducing 100K Context Windows")
        r"[- ]?(?i:tokens?\b(?:[- ](?:context|window))?|context\b)",
        digits=True, needs=("token", "context"),
    ),
    # a spec's field: "Context | 32K", "Context window: 128K" (with "tokens" the rule above reads it)
    Rule(
        r"\b(?i:Context(?:[ -](?:length|window|size))?)(?:\s*[:|]\s*|\s+)(?:up to\s+)?"
        r"(?P<num>\d+(?:\.\d+)?)\s?(?P<unit>[KkMm])\b(?=\s*(?:$|[|,;).]|\s[A-Z]))",
        starts=("context",), needs=("context",),
    ),
)
# A sentence about the window, said with "context" or as the input it takes: "accepts inputs of up to
# 8,192 tokens", "prompts of up to 32,768 tokens", "reads documents up to 65,536 tokens long", "it
# reads up to 64,000 tokens at once".
CONTEXT_SENTENCE = Rule(
    r"\bcontext\b|\bwindow\b"
    r"|\b(?:inputs?|prompts?|documents?|sequences?)\s+(?:of\s+)?(?:up\s+to|as long as)\b"
    r"|\breads?\s+up\s+to\b"
    r"|\bmax(?:imum)?\s+(?:input|prompt|sequence)\s+(?:length|size)\b",
    re.I, starts=("context", "window", "input", "prompt", "document", "sequence", "max", "read"),
    needs=("context", "window", "up to", "as long as", "max"))
# A window in words: "a million tokens of context", "two million-token window", "a hundred thousand tokens".
_WORD_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "ten": 10}
WORD_CONTEXT = Rule(
    r"\b(?P<count>a|one|two|three|four|five|ten)[\s-](?P<scale>million|hundred[\s-]thousand)[\s-]tokens?\b",
    re.I, starts=("a", "one", "two", "three", "four", "five", "ten"), needs=("million", "hundred"),
    on_demand=True)  # "a" begins too many words to try each as the text is read

def context_length_facts(sentences: Sentences, url: str | None) -> list[FactRecord]:
    """The context window(s) stated, as '256K tokens': a size in K or M tokens anywhere (not a
    price's, a rate's or training data's), a plain number only in a sentence about context."""
    about_context = sentences.firsts(CONTEXT_SENTENCE).keys() if CONTEXT_SENTENCE in sentences.live else ()
    facts = []
    for rule in CONTEXT_PATTERNS:
        for index, match in sentences.matches(rule):
            value = _tokens(match["num"], match["unit"]) or _plain_window(match)
            sentence = sentences[index]
            if not value or (index not in about_context and not match["unit"]):
                continue
            if (_NOT_A_WINDOW.match(sentence, match.end())
                    or _TRAINING.search(clause_before(sentence, match.start()))
                    or is_promised(sentence, match.start(), match.end())):
                continue
            facts.append(sentences.hit(value, index, match).fact("context_length"))
    for index, match in sentences.matches(WORD_CONTEXT):
        if _NOT_A_WINDOW.match(sentences[index], match.end()) \
                or _TRAINING.search(clause_before(sentences[index], match.start())) \
                or is_promised(sentences[index], match.start(), match.end()):
            continue
        count = _WORD_NUMBERS[match["count"].lower()]
        value = f"{count}M tokens" if match["scale"].lower() == "million" else f"{count * 100}K tokens"
        facts.append(sentences.hit(value, index, match).fact("context_length"))
    return facts


# "1M tokens per minute" is a rate limit; "trained on 15T tokens" is data.
_NOT_A_WINDOW = re.compile(r"\s*(?:per|a|/|of (?:training|data|text|code))\b"
                           # (an allowance: "the first 2 million tokens each month are free"; a limit of
                           # the models a serving engine runs: "up to 1M tokens for models that support it")
                           r"|\s*(?:tokens?\s+)?(?:each|every|per|a)\s+(?:month|day|week)\b"
                           r"|\s*(?:tokens?\s+)?for\s+(?:the\s+)?models\s+that\b", re.I)
_TRAINING = Searched(r"\b(?:trained|training|pre-?trained|pretraining|dataset|corpus)\b", re.I)


def _plain_window(match: re.Match[str]) -> str | None:
    """A window by a plain whole number said with its word: "a 512-token context", "4096-token
    window" (without "context" or "window" a plain number is any count of tokens)."""
    number = match["num"]
    if match["unit"] or not number.isdigit() or not re.search(r"context|window", match[0], re.I):
        return None
    value = int(number)
    if value >= 1000:
        return _tokens(f"{value:,}", None)
    return f"{value} tokens" if value >= 128 else None


def _tokens(number: str, unit: str | None) -> str | None:
    if "," in number:
        value = int(number.replace(",", ""))
        if value < 1_000_000:  # "32,000" is 32K; so is "32,768" (2^15, as windows are sized)
            for step in (1000, 1024):
                if value % step == 0:
                    return f"{value // step}K tokens"
        return None
    if not unit:
        return None
    suffix = "K" if unit.lower() in ("k", "thousand") else "M"
    return f"{number}{suffix} tokens"

