import time
from datetime import UTC, datetime

import pytest

from scrapers.normalise import canonical_url, clean_text, host_of, split_title, struct_time_to_utc


@pytest.mark.parametrize(
    ("title", "name", "tagline"),
    [
        ("Show HN: Pixelsmith – pixel art from a prompt", "Pixelsmith", "pixel art from a prompt"),
        ("Launch HN: Acme (YC W26) — agents for ops", "Acme (YC W26)", "agents for ops"),
        ("Codestral 2 - Mistral's 22B code model", "Codestral 2", "Mistral's 22B code model"),
        ("Llama 4 Compact (12B)", "Llama 4 Compact (12B)", None),
        ("Notebook: write with your data", "Notebook", "write with your data"),
        ("  GPT-Next  ", "GPT-Next", None),
        ("<b>Bold</b> Tool - with &amp; entity", "Bold Tool", "with & entity"),
    ],
)
def test_split_title(title, name, tagline):
    assert split_title(title) == (name, tagline)


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("https://www.producthunt.com/posts/x?utm_campaign=producthunt-atom-posts-feed&utm_medium=rss-feed&utm_source=producthunt-atom-posts-feed",
         "https://www.producthunt.com/posts/x"),
        ("HTTPS://Example.COM:443/a/./b/../c?ref=hn&id=7#section", "https://example.com/a/c?id=7"),
        ("http://example.com", "http://example.com/"),
        ("https://example.com/p?fbclid=abc&q=ai%20tools", "https://example.com/p?q=ai+tools"),
        ("javascript:alert(1)", None),
        ("", None),
        (None, None),
    ],
)
def test_canonical_url(url, canonical):
    assert canonical_url(url) == canonical


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("<p>Hello <a href='x'>world</a></p>", "Hello world"),
        ("<script>alert(1)</script>Safe", "Safe"),
        ('<img src=x onerror="alert(1)">caption', "caption"),
        ("Fish &amp; chips &lt;3", "Fish & chips <3"),
        ("line\n\n  breaks\tfolded", "line breaks folded"),
        (None, ""),
    ],
)
def test_clean_text_leaves_no_markup(markup, text):
    assert clean_text(markup) == text


def test_host_and_time_helpers():
    assert host_of("https://WWW.Example.com/x") == "example.com"
    assert host_of(None) is None
    parsed = time.strptime("2026-11-23 10:30:00", "%Y-%m-%d %H:%M:%S")
    assert struct_time_to_utc(parsed) == datetime(2026, 11, 23, 10, 30, tzinfo=UTC)
    assert struct_time_to_utc(None) is None
