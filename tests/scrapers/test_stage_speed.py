"""The ingest stage's shortcuts (issue 9) decide as the longer way does."""

import pytest
from rapidfuzz import fuzz

from scrapers.classify import OTHER_LINKS, OTHER_TITLES, WEAK_OTHER_TITLES, _first_found, is_ai_product
from scrapers.resolve import NAME_MATCH_THRESHOLD, _close_lengths


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Quill - an AI writing assistant", ""),  # the title decides
        ("Ledger 2.0", "Ledger drafts invoices with an LLM from your notes."),  # the opening decides
        ("Sluice 1.4", "A bundler for web apps: faster builds and fewer plugins."),  # not AI software
        ("Kestrel", "Kestrel generates captions for your videos and edits them with you."),  # weak words
        ("Murmur", "Murmur, a diffusion model for ambient sound, runs on one GPU."),
        ("Grove 3", "Notes on our quarterly planning and what we learnt."),  # no AI word at all
    ],
)
@pytest.mark.parametrize("is_ai_tool", [True, False])
def test_is_ai_product_reads_is_ai_tool_asked_late_as_given(title, text, is_ai_tool):
    asked = []

    def ask() -> bool:
        asked.append(True)
        return is_ai_tool

    assert is_ai_product(title, text, is_ai_tool=ask) == is_ai_product(title, text, is_ai_tool=is_ai_tool)
    assert len(asked) <= 1


@pytest.mark.parametrize("title", ["Quill - an AI writing assistant", "Ledger: LLM invoices from your notes",
                                   "Orbit, an agent for your inbox"])
def test_is_ai_product_does_not_ask_is_ai_tool_when_the_title_says_ai(title):
    def ask() -> bool:
        raise AssertionError("is_ai_tool asked")

    assert is_ai_product(title, "", is_ai_tool=ask)


def _first_by_search(table, text):
    return next((reason for reason, pattern in table if pattern.search(text)), None)


@pytest.mark.parametrize(
    "text",
    [
        "We're hiring: Staff ML Engineer (Remote)", "Episode 42: agents in production",
        "Issue #118: five launches", "Webinar: evaluating RAG", "Quill raises $12M Series A",
        "Introducing Quill 2", "How to fine-tune Kestrel",
        "Sluice", "", "arxiv.org/abs/2501.00001", "github.com/acme/sluice/releases/tag/v1.2.0",
        "jobs.lever.co/acme/123", "example.com/blog/2026/11/notes", "Ledger, now on Android; Quill 3 arrives",
    ],
)
@pytest.mark.parametrize("table", [OTHER_TITLES, WEAK_OTHER_TITLES, OTHER_LINKS],
                         ids=["titles", "weak titles", "links"])
def test_first_found_is_the_first_row_whose_pattern_searches_true(table, text):
    assert _first_found(table, text) == _first_by_search(table, text)


@pytest.mark.parametrize("length", range(1, 121))
def test_close_lengths_are_every_length_a_close_name_can_have(length):
    # the closest two names of lengths a and b can be: one the other's prefix (distance |a - b|)
    reachable = [other for other in range(1, 200)
                 if fuzz.ratio("x" * length, "x" * other, score_cutoff=NAME_MATCH_THRESHOLD)]
    assert list(_close_lengths(length)) == reachable
