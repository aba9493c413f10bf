"""slug_of is python-slugify's slug, as unique_slugs asked it before the ASCII fast path."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from slugify import slugify

from db.queries import SLUG_LENGTH, slug_of


def slugify_slug(name: str) -> str:
    return slugify(name, max_length=SLUG_LENGTH, backend="text-unidecode")


# The characters the fast path treats apart (quotes, commas between digits, dashes, "&" and the
# entities it starts) are drawn often; any other character, ASCII or not, sometimes.
SPECIAL = st.sampled_from(["'", "''", ",", "-", "--", " ", "&", "&amp;", "&#233;", "&#x41;", "&nbsp;",
                           "&#99999999999;", "_", ".", "/", "\t", "\x00", "\x7f"])
NAMES = st.lists(
    st.one_of(st.text("abcXYZ", min_size=1, max_size=12), st.text("0123456789", min_size=1, max_size=4),
              SPECIAL, st.characters(max_codepoint=127), st.characters(min_codepoint=128)),
    max_size=40,
).map("".join)


@settings(max_examples=3000, deadline=None)
@given(NAMES)
def test_slug_of_is_slugify(name):
    assert slug_of(name) == slugify_slug(name)


@given(st.text(st.characters(max_codepoint=127), max_size=200))
def test_slug_of_is_slugify_on_any_ascii(name):
    assert slug_of(name) == slugify_slug(name)


@pytest.mark.parametrize(
    "name",
    ["Grovesluice 0", "Devin's Agent", "GPT-4o mini", "1,000 Prompts", "a,b 1, 2", "  --Trim--  ",
     "AT&T Copilot", "Caf\u00e9 AI", "x" * 79 + "-y", "word " * 30, "'''", "", "\u200b"],
)
def test_slug_of_known_names(name):
    assert slug_of(name) == slugify_slug(name)
