"""The fourth speed pass's shortcuts give exactly what the long way gives.

`Searched` tries a clause pattern only in text holding a string `needed_strings` read off it; a
rule's plain starts are looked for only when the keys automaton found them; a price rule is scanned
only in sentences with a digit; `answered` returns at once for a text with no question mark. Each
is held to the plain regex or reading it replaces.
"""

from __future__ import annotations

import importlib
import pkgutil
import random
import re

import pytest

import scrapers.facts as facts_package
import scrapers.facts.pricing as pricing
from scrapers.facts import Rule, Sentences, extract_facts, split_sentences
from scrapers.facts.engine import Searched, needed_strings, with_a_digit
from scrapers.facts.questions import answered


def spans(match: re.Match[str] | None) -> tuple[int, int] | None:
    return match.span() if match else None


@pytest.mark.parametrize(("regex", "flags", "needs"), [
    (r"\bdistilled\s+from\s+$", re.I, ("distilled",)),
    # one string from each alternative (the parser factors out their common "re": what follows is
    # needed as well, and longer)
    (r"\b(?:retired|removed)\s+the\s+$", re.I, ("tired", "moved")),
    (r"-(?:only|or-later)\b", 0, ("nly", "r-later")),
    (r"\b(?:trial|demo)\b", 0, ("trial", "demo")),
    # a part repeated at least once is needed; an optional one, or a lookaround, is not
    (r"(?:abc)+x", 0, ("abc",)),
    (r"(?:abcdef)?xyz", 0, ("xyz",)),
    (r"(?=model)\w+", 0, ()),
    # an alternative that needs nothing makes the whole branch need nothing
    (r"\b(?:setup|\d+)\s+is\b", re.I, ()),
    (r"\b(?:setup|)\s+costs\b", re.I, ("costs",)),
    # case is folded as `_fold` folds text: the strings are lower case
    (r"\bGPU Memory\b", 0, ("gpu memory",)),
    # a non-ASCII char ends a run (its folds are re's to say), too short a string is not worth it
    (r"\bprix€mois\b", 0, ("prix",)),
    (r"\bon\b", 0, ()),
    (r"[a-z]+ly\b", 0, ()),
])
def test_needed_strings_reads_what_every_match_holds(regex: str, flags: int, needs: tuple[str, ...]):
    assert needed_strings(regex, flags) == needs


def _searched_patterns() -> list[tuple[str, Searched]]:
    """Every `Searched` the kind modules hold at their top level."""
    found = []
    for module_info in pkgutil.iter_modules(facts_package.__path__):
        module = importlib.import_module(f"scrapers.facts.{module_info.name}")
        found += [(f"{module_info.name}.{name}", value) for name, value in vars(module).items()
                  if isinstance(value, Searched)]
    return found


SEARCHED = _searched_patterns()


def test_the_kinds_use_searched_patterns_that_need_something():
    assert len(SEARCHED) >= 20
    assert sum(bool(pattern.needs) for _, pattern in SEARCHED) == len(SEARCHED)


def _texts() -> list[str]:
    """Sentences and the pieces clause patterns are searched in: every string a test module of
    tests/scrapers writes (each a launch text, a clause or a phrase), and random mixes of the words
    the searched patterns need, folded oddly (a long s, a dotless i, a Kelvin sign)."""
    import ast
    from pathlib import Path

    texts: set[str] = set()
    for path in Path(__file__).parent.glob("test_*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and " " in node.value:
                texts.add(node.value)
    rng = random.Random(4)
    words = [need for _, pattern in SEARCHED for need in pattern.needs] + [
        "the", "a", "is", "are", "our", "free", "model", "7B", "$9", "(", ")", ",", "—", "GPU", "from a",
        "ſetup", "dıstilled", "\u212aey", "İtself", "FIRST", "Trained", "which is", "than",
    ]
    for _ in range(3000):
        texts.add(" ".join(rng.choice(words) for _ in range(rng.randint(1, 9))))
    return sorted(texts)


TEXTS = _texts()


@pytest.mark.parametrize(("name", "searched"), SEARCHED, ids=[name for name, _ in SEARCHED])
def test_a_searched_pattern_finds_what_its_plain_search_finds(name: str, searched: Searched):
    rng = random.Random(name)
    found = 0
    for text in TEXTS:
        assert spans(searched.search(text)) == spans(searched.pattern.search(text)), text
        # bounded as the kinds bound it: the clause before a word (where a match would begin), a
        # window after one
        for end in [at + after for at, char in enumerate(text) if char == " " for after in (0, 1)]:
            expected = spans(searched.pattern.search(text, 0, end))
            assert spans(searched.search(text, 0, end)) == expected, (text, end)
            found += expected is not None
        start, end = sorted((rng.randint(0, len(text) + 5), rng.randint(-5, len(text) + 5)))
        assert spans(searched.search(text, start, end)) == spans(searched.pattern.search(text, start, end)), \
            (text, start, end)
    assert found > 0  # the texts do hold its phrase: the prefilter is put to the test


@pytest.mark.parametrize("text", [
    "ſetup is free",  # a long s matches s under IGNORECASE: folded to it before the test
    "The dıstilled from a 70B teacher",
    "Our free plan was dropped. RETIRED THE ",
])
def test_searched_folds_text_as_ignorecase_reads_it(text: str):
    searched = Searched(r"\b(?:setup|distilled|retired)\b", re.I)
    assert searched.needs
    assert spans(searched.search(text)) == spans(searched.pattern.search(text)) is not None


# Rules keyed by plain strings that are not words (signs, "s/"), by words, and by both.
PLAIN_RULES = [
    Rule(r"(?:[$€£]|(?<![\w/])S/)\s?\d+(?:\.\d+)?(?:/mo)?", re.I, starts=("$", "€", "£", "s/")),
    Rule(r"(?:€|\bEUR\s?)\d+", re.I, starts=("€", "eur")),
    Rule(r"#\w+|\bhash\w*", re.I, starts=("#", "hash"), needs=("#", "hash")),
]


@pytest.mark.parametrize("rule", PLAIN_RULES, ids=["signs", "sign-or-code", "needy"])
def test_plain_starts_give_what_finditer_gives(rule: Rule):
    pieces = ["$", "€", "£", "S/", "s/", "EUR", "eur", "#", "hash", "hashes", "5", "12.5", "/mo", " ",
              "a", "Pricing", "x$", "/S/", "-", "."]
    rng = random.Random(9)
    matched = 0
    for _ in range(3000):
        text = " ".join("".join(rng.choice(pieces) for _ in range(rng.randint(1, 4)))
                        for _ in range(rng.randint(1, 8)))
        sentences = Sentences(split_sentences(text))
        expected = [(index, match.span()) for index, sentence in enumerate(sentences.items)
                    for match in rule.pattern.finditer(sentence)]
        assert [(index, match.span()) for index, match in sentences.matches(rule)] == expected, text
        matched += bool(expected)
    assert matched > 100


@pytest.mark.parametrize("text", [
    "Is it open source? Not yet. It costs $9/month.",
    "Is there a free tier? No. Weights are on Hugging Face under Apache 2.0.",
    "Does it need a GPU? Yes, an RTX 4090.",
    "It is open source under the MIT license. No, it has no free tier.",
    "No GPU needed. It is open source. Pricing starts at $19/month.",
])
def test_answered_reads_questions_as_the_long_way_does(text: str):
    found = extract_facts(text, kind="launch")
    sentences = Sentences(split_sentences(text))
    # the long way: each fact's sentence found and asked whether it is a question
    expected = []
    for fact in _unanswered(text):
        index = next((i for i, sentence in enumerate(sentences.items) if fact.snippet in sentence), None)
        if index is None or not sentences[index].rstrip("\"'”’)").endswith("?"):
            expected.append((fact.kind, fact.value, fact.negated))
            continue
        answer = re.match(r"(?:A\s*[:.]\s*)?(?:also\s+)?(no|not|yes)\b", sentences[index + 1], re.I) \
            if index + 1 < len(sentences.items) else None
        if answer:
            negate = answer[1].lower() != "yes"
            expected.append((fact.kind, fact.value, fact.negated != negate))
    assert [(fact.kind, fact.value, fact.negated) for fact in found] == expected


def _unanswered(text: str):
    """The facts before questions are read: `answered` made to leave every fact as it is."""
    import scrapers.facts as facts

    original = facts.answered
    try:
        facts.answered = lambda found, sentences: list(found)
        return extract_facts(text, kind="launch")
    finally:
        facts.answered = original


def test_answered_keeps_every_fact_of_a_text_without_a_question_mark():
    text = "No. It is open source under the MIT license. Yes, it runs on one GPU."
    sentences = Sentences(split_sentences(text))
    found = _unanswered(text)
    assert found and answered(found, sentences) == found


@pytest.mark.parametrize("rule", [pricing.RARE_PRICE, pricing.FEE], ids=["rare-price", "fee"])
def test_a_rule_scanned_with_a_digit_gives_what_finditer_gives(rule: Rule):
    assert rule.scan is with_a_digit
    pieces = ["PEN", "open", "pen", "KSh", "zł", "Ft", "lei", "S/", "₽", "%", "2.5", "12", "1,500", "٣",
              "per", "transaction", "sale", "month", "a", "/", "-", ",", "source", "fee", " ", " ", " ",
              " PEN 12 per month", "2.9% per transaction", "1,500 Ft a month", "₽500/mo", "3 % of each sale"]
    rng = random.Random(5)
    matched = 0
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 24)))
        sentences = Sentences(split_sentences(text))
        expected = [(index, match.span()) for index, sentence in enumerate(sentences.items)
                    for match in rule.pattern.finditer(sentence)]
        scanned = [match.span() for sentence in sentences.items
                   for match in with_a_digit(rule.pattern, sentence)]
        assert scanned == [span for _, span in expected], text
        # the engine reads the rule only where the text meets its needs (as the rule promises)
        if any(need in sentences.folded for need in rule.needs):
            assert [(index, match.span()) for index, match in sentences.matches(rule)] == expected, text
            matched += bool(expected)
    assert matched > 20
