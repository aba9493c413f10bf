"""Sentences about another product or company: their facts are not the tool's.

A launch text often says what a rival, a partner or the model it is compared with is like, in a
sentence of its own whose subject is that other thing: "Corrib-70B from Tarrowby still scores higher,
but it needs four H100s and ships under CC-BY-NC-4.0", "Skelbrook publishes Brantwell 2 itself as a
13B open-weight model under the MIT licence", "Notion AI costs $10 per member per month". Every fact
read in such a sentence (but the models the tool is built on, which are named there as another's) is
that other thing's, whatever its kind.

A sentence is another's when it opens on a name (a bracket may come first) that is not the tool's,
nor the publisher's, and either
- the text marks the name as another's elsewhere: a rival ("unlike X", "cheaper than X", "compared
  with X", "instead of X"), a partner ("our partner X", "X, our partner,", "partnered with X"),
  or a model said to be
  someone's ("X-70B from Y" names both X and Y), or
- the name, of two words, is said to charge for itself ("Notion AI costs", "Otter Pro charges"), and
  it is not a plan's name ("Team Plus costs $20 a month" is the tool's plan).
"""

from __future__ import annotations

import re
from functools import cache

from scrapers.facts.engine import Sentences
from scrapers.facts.questions import sentence_of
from scrapers.records import FactRecord

# A name as a sentence's subject: capitalised words (with digits, dots, dashes: "Corrib-70B",
# "Notion AI"), a possessive allowed ("Tarrowby's hosted API costs ...").
_NAME = r"[A-Z][\w.-]*\w(?:\s+(?:[A-Z][\w.-]*\w|\d[\w.]*))?"
_SUBJECT = re.compile(rf"^\(?(?P<name>{_NAME})(?:['’]s\b)?")
_CHARGES = re.compile(r"\s+(?:also\s+|still\s+|now\s+|itself\s+|only\s+)?(?:costs?|charges?|sells?)\b")

# A name marked as another's: after a rival's cue, a partner's, or "X-70B from Y". Each kind of
# mark has words a text must hold for it to be there (lower case); a text is searched only for the
# kinds it can hold: the name-led ones would otherwise be tried at every capital letter.
_MARKS = (
    (("unlike", "than", "versus", "vs", "compared", "instead", "rival", "competitor", "alternative"),
     rf"\b(?:[Uu]nlike|than|versus|vs\.?|[Cc]ompared (?:to|with)|[Ii]nstead of|[Rr]ivals? (?:like|such as)"
     rf"|[Cc]ompetitors? (?:like|such as)|[Aa]lternatives? (?:to|like))\s+(?P<rival>{_NAME})"),
    (("partner",),
     rf"\b(?:[Oo]ur|[Aa]|[Tt]heir)\s+partners?\s+(?P<partner>{_NAME})"
     rf"|\b[Pp]artner(?:ed|ing|s)? with\s+(?P<partnered>{_NAME})"
     rf"|(?P<apposed>{_NAME}),\s+(?:our|a|their)\s+partner\b"),
    (("from",), r"(?P<model>\b[A-Z][\w.]*-?\d[\w.-]*\w)\s+from\s+(?P<maker>[A-Z][\w.-]*\w)"),
)


@cache
def _marked(kinds: tuple[int, ...]) -> re.Pattern[str]:
    """One pattern for the kinds of mark a text can hold (by index in _MARKS), their matches those
    of all kinds together: a kind whose words are missing matches nowhere."""
    return re.compile("|".join(_MARKS[kind][1] for kind in kinds))


# A sentence that opens by saying it compares: what follows is the yardstick's, not the tool's.
_FOR_COMPARISON = re.compile(r"\(?(?:For|By|In) comparison\b|As a (?:comparison|yardstick)\b"
                             r"|À titre de comparaison\b|Zum Vergleich\b|En comparación\b|Por comparación\b"
                             r"|Em comparação\b"
                             r"|Ter vergelijking\b|Per confronto\b")

# What opens a sentence capitalised without naming anything: determiners, pronouns, a plan's name.
_NOT_NAME_WORDS = """
    a an the it its it's this that these those there here we our us you your they their each every all both
    any some no none pricing price prices plans plan everything usage access hosting setup support today now
    free starter basic plus pro premium team teams business enterprise growth scale standard personal
    individual hobby max ultra unlimited family student creator studio lite developer startup professional
    seats seat additional extra api billing annual monthly yearly credits tokens storage add-ons addons
    input output inference compute training fine-tuning transcription translation generation embeddings
    search onboarding installation license licence licensing subscription membership overage overages
    minutes calls requests pages images cloud self-hosting currently also then still only just hosted
    """
_NOT_NAMES = frozenset(_NOT_NAME_WORDS.split())

# The kinds a sentence about another thing still tells of the tool: the models it is built on (named
# there as someone's), who made it, what it is.
_KEPT_KINDS = frozenset({"base_model", "vendor", "category"})


def _first_word(name: str) -> str:
    return name.split()[0].casefold() if name.strip() else ""


def _marked_names(text: str) -> set[str]:
    marked: set[str] = set()
    folded = text.casefold()
    kinds = tuple(kind for kind, (words, _) in enumerate(_MARKS) if any(word in folded for word in words))
    if not kinds:
        return marked
    for match in _marked(kinds).finditer(text):
        marked.update(_first_word(name) for name in match.groupdict().values() if name)
    return marked


def anothers_sentences(sentences: Sentences) -> frozenset[int]:
    """The indices of the sentences whose subject is another product or company (read once a text:
    the prices read them too)."""
    if "anothers" not in sentences.memo:
        sentences.memo["anothers"] = _read_anothers(sentences)
    return sentences.memo["anothers"]  # type: ignore[return-value]


def _read_anothers(sentences: Sentences) -> frozenset[int]:
    own = {_first_word(sentences.name), *map(str.casefold, sentences.source.split()[:1])}
    marked: set[str] | None = None
    found: set[int] = set()
    for index, sentence in enumerate(sentences.items):
        if _FOR_COMPARISON.match(sentence):
            found.add(index)  # "For comparison, Ullswick SQL 34B scores 69.8, needs two A100s ..."
            continue
        subject = _SUBJECT.match(sentence)
        if subject is None:
            continue
        words = [word.casefold() for word in subject["name"].split()]
        word = words[0]
        if word in _NOT_NAMES or not own.isdisjoint(words):
            continue
        if marked is None:
            marked = _marked_names(sentences.text)
        # (a one-word subject that costs is as often the tool's plan or part: "Audits cost €30",
        # "OCR costs $0.015 per page", "Karta costs 59 zł"; a rival is told by two: "Notion AI costs")
        if word in marked - own or (len(words) > 1 and _CHARGES.match(sentence, subject.end())):
            found.add(index)
    return frozenset(found)


def _about_the_bases(sentences: Sentences, facts: list[FactRecord]) -> frozenset[int]:
    """The sentences whose subject is a model the tool is built on: "Caskwell Med 2 is a 27B open-weight
    model that Wexcombe publishes under the MIT licence" tells of the partner's model, not the tool."""
    bases = {_first_word(fact.value) for fact in facts if fact.kind == "base_model" and not fact.negated}
    if not bases:
        return frozenset()
    own = _first_word(sentences.name)
    found = set()
    for index, sentence in enumerate(sentences.items):
        subject = _SUBJECT.match(sentence)
        if subject is not None:
            word = _first_word(subject["name"])
            if word in bases and word != own and not _SAID_OF_THE_TOOL.search(sentence):
                found.add(index)
    return frozenset(found)


# A sentence about the base model that still speaks of the tool: "Llama 3.1 8B, fine-tuned by us, runs
# Quorl on a laptop" names "our" or "we" beside it.
_SAID_OF_THE_TOOL = re.compile(r"\b(?:we|our|us|fine-?tuned|tuned)\b", re.I)


def without_anothers(facts: list[FactRecord], sentences: Sentences) -> list[FactRecord]:
    """The facts, less those read in a sentence about another product or company, or about the model
    the tool is built on."""
    others = anothers_sentences(sentences) | _about_the_bases(sentences, facts)
    if not others:
        return facts
    kept = []
    for fact in facts:
        if fact.kind in _KEPT_KINDS or sentence_of(fact.snippet, sentences) not in others:
            kept.append(fact)
    return kept
