from datetime import UTC, datetime

import pytest

from scrapers.feeds import MAX_GUID_CHARS, MAX_NAME_CHARS, MAX_SUMMARY_CHARS, ParseError
from scrapers.pages import parse_date, parse_page
from scrapers.sources import PageSelectors
from verdicts.settings import SAMPLES_DIR

BASE = "https://vendor.example/news/"
SELECTORS = PageSelectors(item="article.post", title="h2", link="a.more", summary="p.lede", date="time")


def page(*articles: str) -> bytes:
    return ("<!doctype html><html><body><main>" + "".join(articles) + "</main></body></html>").encode()


def article(title: str = "", href: str | None = None, summary: str = "", date: str = "") -> str:
    link = f'<a class="more" href="{href}">Read more</a>' if href is not None else ""
    lede = f'<p class="lede">{summary}</p>' if summary else ""
    return f'<article class="post"><h2>{title}</h2>{date}{lede}{link}</article>'


def parse(body: bytes, selectors: PageSelectors = SELECTORS, **kwargs: str) -> list:
    return parse_page(body, source="vendor-news", base_url=BASE, selectors=selectors, **kwargs)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # relative links resolve against the page; tracking parameters and fragments go
        (page(article("Quill AI – writes docs", "quill?utm_source=x#top")),
         [("Quill AI", "writes docs", "https://vendor.example/news/quill")]),
        (page(article("Quill AI", "/tools/quill")), [("Quill AI", None, "https://vendor.example/tools/quill")]),
        (page(article("Quill AI", "https://other.example/q")), [("Quill AI", None, "https://other.example/q")]),
        # a javascript: or mailto: link is no link; the title still makes a launch
        (page(article("Quill AI", "javascript:alert(1)")), [("Quill AI", None, None)]),
        (page(article("Quill AI", "mailto:hi@vendor.example")), [("Quill AI", None, None)]),
        # a link without a title still makes a launch, named after the link
        (page(article("", "/tools/quill")),
         [("https://vendor.example/tools/quill", None, "https://vendor.example/tools/quill")]),
        # neither title nor link: skipped
        (page(article("Quill AI", "/q"), article("", None)), [("Quill AI", None, "https://vendor.example/q")]),
        # the same item twice on a page (a featured box and the list) is kept once
        (page(article("Quill AI", "/q"), article("Quill AI (featured)", "/q?ref=hero")),
         [("Quill AI", None, "https://vendor.example/q")]),
        # a script in a title is dropped, markup and entities become plain text
        (page(article("Quill <script>alert('x')</script><b>AI</b> &amp; Co", "/q")),
         [("Quill AI & Co", None, "https://vendor.example/q")]),
        (page(article("<img src=x onerror=alert(1)>Quill AI", "/q")), [("Quill AI", None, "https://vendor.example/q")]),
    ],
)
def test_items_become_launches(body, expected):
    records = parse(body)
    assert [(r.tool_name, r.tagline, r.url) for r in records] == expected
    assert all(r.source == "vendor-news" for r in records)


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ('<time datetime="2026-11-04T10:00:00+01:00">last Wednesday</time>',
         datetime(2026, 11, 4, 9, tzinfo=UTC)),
        ('<time datetime="2026-11-04">4 Nov</time>', datetime(2026, 11, 4, tzinfo=UTC)),
        ('<time datetime="2026-11-04T10:00:00Z"></time>', datetime(2026, 11, 4, 10, tzinfo=UTC)),
        ("<time>Wed, 04 Nov 2026 10:00:00 -0500</time>", datetime(2026, 11, 4, 15, tzinfo=UTC)),
        ("<time>4 November 2026</time>", datetime(2026, 11, 4, tzinfo=UTC)),
        ("<time>November 4, 2026</time>", datetime(2026, 11, 4, tzinfo=UTC)),
        # an unreadable attribute falls back to the text
        ('<time datetime="soon">2026-11-04</time>', datetime(2026, 11, 4, tzinfo=UTC)),
        ("<time>last Wednesday</time>", None),
        ("<time></time>", None),
        ("", None),  # no date element at all
    ],
)
def test_dates_are_utc_or_none(date, expected):
    (record,) = parse(page(article("Quill AI", "/q", date=date)))
    assert record.published_at == expected
    assert record.published_at is None or record.published_at.tzinfo is not None


def test_fields_of_a_full_item():
    body = page(article("Quill AI: an AI assistant that writes your docs", "quill",
                        summary="Quill is an <em>AI</em> writing tool.<script>steal()</script>",
                        date='<time datetime="2026-11-04">4 Nov</time>'))
    (record,) = parse(body)
    assert record.guid == record.url == "https://vendor.example/news/quill"
    assert record.title == "Quill AI: an AI assistant that writes your docs"
    assert record.tool_name == "Quill AI"
    assert record.tagline == "an AI assistant that writes your docs"
    assert record.summary == "Quill is an AI writing tool."
    assert record.is_ai_tool


def test_a_summary_with_a_list_keeps_each_item_a_line():
    selectors = PageSelectors(item="article.post", title="h2", link="a.more", summary="div.body")
    body = page('<article class="post"><h2>Quill 2</h2><div class="body"><p>Quill 2 writes docs.</p>'
                '<ul><li>Runs offline</li><li>Apache-2.0</li></ul></div>'
                '<a class="more" href="q">m</a></article>')
    (record,) = parse(body, selectors)
    assert record.summary == "Quill 2 writes docs.\nRuns offline\nApache-2.0"


def test_an_item_without_a_link_gets_a_stable_guid_from_its_title():
    first = parse(page(article("Quill AI", None), article("Other AI", "/o")))
    again = parse(page(article("Quill AI", None), article("Other AI", "/o")))
    assert first[0].guid.startswith("sha1:") and first[0].guid == again[0].guid
    assert first[0].url is None


def test_link_attribute_base_element_and_card_that_is_its_own_link():
    selectors = PageSelectors(item="a.card", title="h3", link="a", link_attr="data-href")
    body = (b'<html><head><base href="https://cdn.vendor.example/launches/"></head><body>'
            b'<a class="card" href="#" data-href="quill"><h3>Quill AI</h3></a></body></html>')
    (record,) = parse(body, selectors)
    assert record.url == "https://cdn.vendor.example/launches/quill"


def test_charset_from_content_type():
    body = page(article("Caf\xe9 AI", "/c")).decode().encode("latin-1")
    (record,) = parse(body, content_type="text/html; charset=ISO-8859-1")
    assert record.tool_name == "Café AI"


@pytest.mark.parametrize(
    ("body", "selectors", "message"),
    [
        (page('<div class="entry"><h2>Quill AI</h2></div>'), SELECTORS,
         "selector 'article.post' matched nothing: the page layout may have changed"),
        (b"", SELECTORS, "selector 'article.post' matched nothing"),
        (page(article("Quill AI", "/q")), SELECTORS.model_copy(update={"title": "h3.name"}),
         "title selector 'h3.name' matched nothing in any of the 1 items"),
        (page(article("Quill AI", None), article("Other AI", None)), SELECTORS,
         "link selector 'a.more' matched nothing in any of the 2 items"),
    ],
)
def test_a_broken_scraper_is_loud(body, selectors, message):
    with pytest.raises(ParseError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse(body, selectors)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-11-04T10:00:00", datetime(2026, 11, 4, 10, tzinfo=UTC)),  # naive is read as UTC
        ("  2026-11-04  ", datetime(2026, 11, 4, tzinfo=UTC)),
        ("Nov 4, 2026", datetime(2026, 11, 4, tzinfo=UTC)),
        ("2026-13-45", None),
        (None, None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


def test_the_sample_page_reads_with_its_selectors():
    path = SAMPLES_DIR / "pages" / "vendor-news.html"
    records = parse_page(path.read_bytes(), source="vendor-news", base_url=path.resolve().as_uri(),
                         selectors=SELECTORS)
    assert [r.tool_name for r in records] == ["Mosaic Voice", "Grout", "Tile Vision 1.5", "We are hiring"]
    assert [r.is_ai_tool for r in records] == [True, True, True, False]
    assert all(r.url and r.url.startswith("https://tessellate.example/") for r in records)
    assert all(r.published_at and r.published_at.tzinfo for r in records)


def test_long_values_are_capped():
    long_link = "/q/" + "a" * (MAX_GUID_CHARS + 10)
    (record,) = parse(page(article("Quill " * 300, long_link, summary="words " * 3000)))
    assert len(record.tool_name) <= MAX_NAME_CHARS
    assert record.summary is not None and len(record.summary) <= MAX_SUMMARY_CHARS
    assert record.guid.startswith("sha1:") and record.url and record.url.endswith("a" * 20)
