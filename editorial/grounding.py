"""The grounding check every take passes before it is stored, whatever wrote it.

A take may state a number, a price, a licence, or a model or product name only if a stored fact
of the tool or the tool's launch text holds it, and it may not assert what a negated fact denies
("there is a free tier" when the launch says there is none). Pure: text in, problems out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from scrapers.records import FactRecord

_NUMBER = re.compile(r"(?<![\w.])\$?(\d+(?:[.,]\d+)*)(?:\s?(k|m|b|bn|million|billion|thousand)\b)?", re.I)
_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "b": 1e9, "bn": 1e9, "billion": 1e9}
_PRICE = re.compile(r"(?:\$|€|£)\s?\d+(?:[.,]\d+)?|\d+(?:[.,]\d+)?\s?(?:USD|EUR|dollars)\b", re.I)

# Licence names: stating one needs it in a fact or in the launch.
LICENCES = re.compile(
    r"\b(Apache(?:[- ]2(?:\.0)?)?|MIT\b|BSD(?:-[23]-Clause)?|GPL(?:v?[23])?|AGPL(?:v?3)?|LGPL|MPL(?:-2\.0)?|"
    r"CC[- ]BY(?:[- ]NC)?(?:[- ]SA)?|OpenRAIL\w*|(?:community|research|non-commercial) licen[cs]e|"
    r"Creative Commons)", re.I)

# Claims a take can make in words; each is checked against the facts and the launch text.
CLAIMS: dict[str, tuple[re.Pattern[str], tuple[tuple[str, str], ...]]] = {
    "open weights": (re.compile(r"\bopen[- ]weights?\b|\bweights (?:are|is) (?:open|public|out|available|"
                                r"released|downloadable)\b|\bdownload(?:able)? (?:the )?weights\b", re.I),
                     (("open_weights", "yes"),)),
    "open source": (re.compile(r"\bopen[- ]source[ds]?\b|\bsource code is (?:open|public)\b", re.I),
                    (("pricing_model", "open_source"),)),
    "a free tier": (re.compile(r"\bfree (?:tier|plan|version|trial)\b|\bfor free\b|"
                               r"\bfree to (?:try|use|start)\b|\bcosts? nothing\b|\bfreemium\b", re.I),
                    (("entry_price", "free tier"), ("pricing_model", "free"), ("pricing_model", "freemium"))),
}
_NEGATORS = re.compile(r"\b(?:no|not|never|without|isn't|aren't|wasn't|doesn't|don't|lacks?|nor|"
                       r"neither|closed|instead of|rather than)\b[^.;:!?]{0,40}$", re.I)

# Capitalised words that name no product: generic acronyms and the panel's own vocabulary.
GENERIC_NAMES = frozenset({
    "ai", "api", "apis", "gpu", "gpus", "cpu", "cpus", "ram", "vram", "cfo", "cto", "ceo", "saas", "sdk",
    "cli", "ui", "ux", "ide", "llm", "llms", "os", "pdf", "csv", "json", "sql", "http", "url", "faq", "b2b",
    "b2c", "roi", "kpi", "q1", "q2", "q3", "q4", "id", "it", "hr", "ok", "tl", "dr", "i", "i'd", "i'm",
    "i've", "i'll", "builder", "skeptic", "futurist", "founder", "creator", "ship", "skip", "panel",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "english",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "k", "m", "b", "x", "vs",
})
_WORD = re.compile(r"[A-Za-z][\w.+#-]*[\w+#]|[A-Za-z]")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;][”\"')]*\s+|[“\"(—–-]\s*)$")


@dataclass(frozen=True)
class Source:
    """What a take about one tool may rest on: its launch text and its facts."""

    text: str
    facts: Sequence[FactRecord]

    @property
    def positive(self) -> set[tuple[str, str]]:
        return {(f.kind, f.value.casefold()) for f in self.facts if not f.negated} | _implied(self.facts)

    @property
    def negated(self) -> set[tuple[str, str]]:
        denied = {(f.kind, f.value.casefold()) for f in self.facts if f.negated}
        if ("open_weights", "no") in {(f.kind, f.value.casefold()) for f in self.facts if not f.negated}:
            denied.add(("open_weights", "yes"))
        return denied

    @property
    def corpus(self) -> str:
        facts = " ".join(f"{f.value} {f.snippet}" for f in self.facts if not f.negated)
        return f"{self.text} {facts}"


def _implied(facts: Iterable[FactRecord]) -> set[tuple[str, str]]:
    found = set()
    for fact in facts:
        if fact.kind == "open_weights" and fact.value.casefold() == "no" and fact.negated:
            found.add(("open_weights", "yes"))
    return found


def check_take(take: str, source: Source) -> list[str]:
    """Every problem of `take` against its source (empty: grounded); never raises."""
    corpus = source.corpus
    return [*_unknown_numbers(take, corpus), *_unknown_licences(take, corpus),
            *_unsupported_claims(take, source), *_unknown_names(take, corpus)]


def _numbers(text: str) -> set[float]:
    found = set()
    for match in _NUMBER.finditer(text):
        digits = match.group(1).replace(",", "")
        try:
            value = float(digits)
        except ValueError:
            continue
        found.add(round(value, 6))
        scale = (match.group(2) or "").lower()
        if scale:
            found.add(round(value * _SCALE[scale], 6))
    return found


def _unknown_numbers(take: str, corpus: str) -> list[str]:
    known = _numbers(corpus)
    problems = []
    for match in _NUMBER.finditer(take):
        value = round(float(match.group(1).replace(",", "")), 6) if _is_float(match.group(1)) else None
        if value is None or value in known:
            continue
        kind = "price" if _PRICE.match(take, match.start()) else "number"
        problems.append(f"{kind} {match.group(0).strip()!r} is in no fact and not in the launch")
    return problems


def _is_float(text: str) -> bool:
    try:
        float(text.replace(",", ""))
    except ValueError:
        return False
    return True


def _unknown_licences(take: str, corpus: str) -> list[str]:
    have = {_licence_key(m.group(0)) for m in LICENCES.finditer(corpus)}
    return [f"licence {m.group(0)!r} is in no fact and not in the launch"
            for m in LICENCES.finditer(take) if _licence_key(m.group(0)) not in have]


def _licence_key(text: str) -> str:
    key = re.sub(r"[^a-z0-9]", "", text.casefold()).replace("licence", "license")
    return {"apache2": "apache", "apache20": "apache", "mpl20": "mpl"}.get(key, key)


def _unsupported_claims(take: str, source: Source) -> list[str]:
    positive, negated = source.positive, source.negated
    problems = []
    for claim, (pattern, facts) in CLAIMS.items():
        for match in pattern.finditer(take):
            if _NEGATORS.search(take[max(0, match.start() - 60):match.start()]):
                continue  # "there is no free tier": not a claim of one
            if any(fact in negated for fact in facts) and not any(fact in positive for fact in facts):
                problems.append(f"says {claim!r}, which the launch denies")
            elif not any(fact in positive for fact in facts) and not _asserted(pattern, source.text):
                problems.append(f"says {claim!r}, which no fact or launch sentence supports")
            break
    return problems


def _asserted(pattern: re.Pattern[str], text: str) -> bool:
    """Whether the launch text makes the claim itself (not in a negated phrase)."""
    return any(not _NEGATORS.search(text[max(0, m.start() - 60):m.start()]) for m in pattern.finditer(text))


def _unknown_names(take: str, corpus: str) -> list[str]:
    """Names (capitalised, mixed-case or with digits) that the launch and facts never mention."""
    folded = corpus.casefold()
    problems = []
    for match in _WORD.finditer(take):
        word = match.group(0).rstrip(".").removesuffix("'s")
        if not _looks_like_name(word, take[:match.start()]) or word.casefold() in folded:
            continue
        if word.casefold() in GENERIC_NAMES or _NUMBER.fullmatch(word):
            continue
        problems.append(f"name {word!r} is in no fact and not in the launch")
    return problems


def _looks_like_name(word: str, before: str) -> bool:
    has_inner = any(c.isupper() for c in word[1:]) or (any(c.isdigit() for c in word) and word[0].isalpha())
    if has_inner:
        return True
    if not word[:1].isupper():
        return False
    at_start = bool(_SENTENCE_START.search(before))
    return not at_start or not _is_common_word(word)


@lru_cache(maxsize=8192)
def _is_common_word(word: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(word.casefold(), "en") >= 3.3
