"""The third speed pass's shortcuts give exactly what the long way gives.

Each shortcut (a possessive phrase tried only before its marks, an anchored rule tried only at a
sentence's start, whole-text prefilters for a company's own claims, a plain URL's host read without
urlsplit, the words-apart text of a non-ASCII text) is held to the plain regex or library call it
replaces, and each vendor rule it touches still gives the vendor on a text only it reads.
"""

from __future__ import annotations

import random
import re
from urllib.parse import urlsplit

import pytest

import scrapers.facts.vendor as vendor
from scrapers.facts import Rule, Sentences, extract_facts, split_sentences
from scrapers.facts.engine import _anchored, _words_apart
from scrapers.facts.vendor import VENDOR_PHRASES, _host, _own_claim, _owners

# The possessive-product phrase ("Acme Labs' new model"), the one rule `_owners` scans for.
POSSESSIVE_PRODUCT = next(rule for rule, _ in VENDOR_PHRASES if rule.scan is _owners)


@pytest.fixture
def marks_always(monkeypatch):
    """`_owners` reads every sentence by its marks, however short (else short ones are scanned)."""
    monkeypatch.setattr(vendor, "_CHARS_A_MARK", 0)


def vendor_of(text: str, *, title: str = "", url: str | None = None, name: str = "",
              source: str = "") -> str | None:
    found = [fact.value for fact in extract_facts(text, title=title, url=url, name=name, source=source)
             if fact.kind == "vendor"]
    return found[0] if found else None


def spans(matches) -> list[tuple[tuple[int, int], str]]:
    return [(match.span(), match["name"]) for match in matches]


@pytest.mark.parametrize("sentence", [
    "Driftline Labs' new reranker sorts results by intent.",
    "Together with Pelagic’s latest embedding model, it reads receipts.",
    "O'Brien's team said iPhone's camera app and Acme AI's coding assistant both ship today.",
    "It's not Kestrel's tool, it's Moss & Fern’s plugin for editors.",
    "Nothing here is anybody's model.",
    "Acme's",
    "'s model",
])
@pytest.mark.usefixtures("marks_always")
def test_owners_gives_what_finditer_gives(sentence: str):
    pattern = POSSESSIVE_PRODUCT.pattern
    assert spans(_owners(pattern, sentence)) == spans(pattern.finditer(sentence))


@pytest.mark.usefixtures("marks_always")
def test_owners_agrees_with_finditer_on_random_sentences():
    pieces = ["Acme", "Labs", "AI", "iPhone", "O'Neil", " ", "  ", "'s", "’s", "s'", "s’", "'", "’", "new",
              "model", "models", "tool", "API", "api", ",", ".", "-", "&", "Q", "3", "the", "s", "\t"]
    rng = random.Random(11)
    pattern, matched = POSSESSIVE_PRODUCT.pattern, 0
    for _ in range(20000):
        sentence = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 24)))
        expected = spans(pattern.finditer(sentence))
        assert spans(_owners(pattern, sentence)) == expected, sentence
        matched += bool(expected)
    assert matched > 50  # the sentences do hold the phrase often enough to be a test of it


@pytest.mark.parametrize(("regex", "flags", "anchored"), [
    (r"^Orca\b", 0, True),
    (r"^(?:from|by)\s+\w+", re.I, True),
    (r"^a|b", 0, False),  # ^ opens one alternative only
    (r"(?m)^Orca", 0, False),  # ^ at every line
    (r"^Orca", re.MULTILINE, False),
    (r"\bOrca", 0, False),
])
def test_a_pattern_is_anchored_only_when_every_match_begins_at_the_start(regex: str, flags: int,
                                                                        anchored: bool):
    assert _anchored(regex, flags) is anchored


def test_an_anchored_rule_finds_what_finditer_over_each_sentence_finds():
    rule = Rule(r"^(?P<name>[A-Z]\w+)\s+(?:by|from)\s+(?P<maker>[A-Z]\w+)", needs=(" by ", " from "),
                indexed=False)
    text = ["Orca by Acme is out.", "It was made by Acme, says Orca from Acme.", "Tern from Pelagic"]
    sentences = Sentences(text)
    expected = [(index, match.span()) for index, sentence in enumerate(text)
                for match in rule.pattern.finditer(sentence)]
    assert [(index, match.span()) for index, match in sentences._find(rule, None)] == expected
    assert [index for index, _ in expected] == [0, 2]


@pytest.mark.parametrize("url", [
    "https://mistral.ai/news/small-4", "HTTPS://Blog.OpenAI.com/x?y=1#z", "http://user:pw@www.nvidia.com:8443/a",
    "https://research.nvidia.com@evil.example/", "//cohere.com/blog", "mistral.ai/news", "https:/x.ai/grok",
    "ftp+x://ai21.com", " https://x.ai/ ", "https://x.ai\t/grok", "https://[::1]/openai.com",
    "https://mistral.ai?q=a", "https://openai.com#top", "https://münchen.openai.com/", "https://openai.com:",
])
def test_host_reads_a_url_as_urlsplit_does(url: str):
    assert _host(url) == (urlsplit(url).hostname or "").lower()


def test_host_leaves_a_broken_url_to_urlsplit():
    with pytest.raises(ValueError):
        urlsplit("http://[::1/openai.com")
    with pytest.raises(ValueError):
        _host("http://[::1/openai.com")


@pytest.mark.parametrize("text", [
    "naïve café — “quoted” ‘x’ ٣ models", "a\u00a0b\u2009c", "emoji 😀 x\ud800y",
])
def test_words_apart_of_a_non_ascii_text_blanks_each_non_word_char(text: str):
    expected = " " + "".join(char if re.match(r"\w", char) else " " for char in text) + " "
    assert _words_apart(text) == expected


# Texts each read by one vendor rule or check the shortcuts touch: the vendor still comes out.
@pytest.mark.parametrize(("text", "title", "kwargs", "maker"), [
    # the possessive product phrase, in running text
    ("Pelagic Labs' new reranker sorts search results by intent.", "Tidewater", {}, "Pelagic Labs"),
    ("You can now try Moss Fern’s coding assistant in the browser.", "Ferncode", {}, "Moss Fern"),
    # the anchored headline rules: "<Maker>'s <Product> is live", "<Product> from <Maker>: ..."
    ("It summarises calls.", "Canopy Labs’ Murmur is now live", {}, "Canopy Labs"),
    ("A small speech model.", "Murmur from Canopy Labs: speech in 40 languages", {}, "Canopy Labs"),
    ("A small speech model.", "Murmur by Kestrel Works", {}, "Kestrel Works"),
    # a company's own feed claiming the launch in a later sentence, and in its headline
    ("Long contexts are slow. We are releasing Tern, which reads them fast.", "Tern 1",
     {"name": "Tern", "source": "Kestrel Labs blog"}, "Kestrel Labs"),
    ("Speed matters.\nOur new speech model, Murmur, runs on phones.", "Murmur",
     {"name": "Murmur", "source": "Canopy Labs Blog"}, "Canopy Labs"),
    ("It answers support tickets.", "Kestrel Labs releases Tern",
     {"name": "Tern", "source": "Kestrel Labs blog"}, "Kestrel Labs"),
    ("Search got better.", "A new reranking API is now available in Kestrel",
     {"name": "Kestrel Rerank", "source": "Kestrel blog"}, "Kestrel"),
    # the vendor's host, plain and with a port and userinfo
    ("A model for code.", "Codestral 3", {"url": "https://mistral.ai/news/codestral-3"}, "Mistral AI"),
    ("A model for code.", "Codestral 3", {"url": "http://editor@MISTRAL.AI:8080/news"}, "Mistral AI"),
])
@pytest.mark.parametrize("by_marks", [False, True])
def test_each_vendor_rule_alone_still_gives_the_vendor(text: str, title: str, kwargs: dict, maker: str,
                                                       by_marks: bool, monkeypatch):
    if by_marks:
        monkeypatch.setattr(vendor, "_CHARS_A_MARK", 0)
    assert vendor_of(text, title=title, **kwargs) == maker


@pytest.mark.parametrize("text", [
    "Tessera, a sparse model, is now serving requests on the Kestrel platform.",
    "Tessera is a sparse model. Kestrel now hosts it for every team.",
    "Tessera is a sparse model, and partnering with its makers was easy.",
])
def test_a_company_feed_serving_or_hosting_a_product_does_not_claim_it(text: str):
    # (the whole-text and alias prefilters must still see the serving word and the hosting name)
    assert vendor_of(text, title="Tessera", name="Tessera", source="Kestrel blog") is None


@pytest.mark.parametrize(("text", "claim"), [
    # "we" opening a later sentence (^ there), and after a comma, in the body
    ("Long contexts are slow.\nWe are releasing Tern, which reads them fast.", "We are releasing"),
    ("Long contexts are slow.\nToday, we've trained Tern to read them fast.", "we've trained"),
    ("Long contexts are slow.\nTern is our new reading model.", "our new reading model"),
    ("Long contexts are slow.\nThis week Kestrel Labs launched Tern.", "Kestrel Labs launched"),
    # a new feature of the company's product, in a text with no claim word at all
    ("Long contexts are slow.\nA new search API is now available in Kestrel.", "new search API"),
    ("Search got better.\nThe new rerank endpoint comes to Kestrel Cloud.", "new rerank endpoint"),
])
def test_a_claim_in_any_sentence_is_the_companys_own(text: str, claim: str):
    sentences = Sentences(split_sentences("Tern 1") + split_sentences(text), "Tern", "Kestrel Labs blog")
    hit = _own_claim(sentences, "Kestrel Labs")
    assert hit is not None and claim in hit.sentence[hit.start:hit.end]


def test_a_company_feed_describing_its_product_plainly_claims_it():
    text = "Tessera is a sparse model for long documents. It reads contracts."
    assert vendor_of(text, title="Tessera", name="Tessera", source="Kestrel blog") == "Kestrel"


def test_a_long_sentence_is_read_by_its_marks():
    sentence = ("After a year of quiet work on long documents, contracts and support tickets, and many "
                "rounds of feedback from the early users who tried every build we sent them over the "
                "whole summer and autumn, Driftline Labs' new reranker sorts results by intent.")
    pattern = POSSESSIVE_PRODUCT.pattern
    assert len(sentence) >= 2 * vendor._CHARS_A_MARK  # one mark: read by it
    assert spans(_owners(pattern, sentence)) == spans(pattern.finditer(sentence))
    assert [name for _, name in spans(_owners(pattern, sentence))] == ["Driftline Labs"]


def test_sentences_text_is_the_sentences_a_line_each():
    parts = split_sentences("Orca reads code. It runs locally.") + ["Second part"]
    assert Sentences(parts).text.split("\n") == parts
