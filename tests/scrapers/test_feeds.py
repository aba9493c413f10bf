"""Feed parsing on the real captures in ../shared/fixtures/feeds and on small hand-made feeds."""

from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import feedparser
import pytest

from scrapers.feeds import (
    MAX_NAME_CHARS,
    MAX_SUMMARY_CHARS,
    MAX_TITLE_CHARS,
    ParseError,
    parse_feed,
    read_feed,
)
from verdicts.settings import SAMPLES_DIR

FEEDS = "fixtures/feeds"


def records_of(shared_dir: Path, name: str, content_type: str | None = None):
    return parse_feed((shared_dir / FEEDS / name).read_bytes(), source="test", content_type=content_type)


def rss(*items: str, declaration: str = '<?xml version="1.0" encoding="utf-8"?>') -> bytes:
    return (declaration + '<rss version="2.0"><channel><title>t</title>' + "".join(items)
            + "</channel></rss>").encode("utf-8")


def item(title: str | None = None, link: str | None = None, guid: str | None = None,
         date: str | None = None, body: str | None = None) -> str:
    parts = [f"<title>{title}</title>" if title is not None else "",
             f"<link>{link}</link>" if link else "", f"<guid>{guid}</guid>" if guid else "",
             f"<pubDate>{date}</pubDate>" if date else "",
             f"<description><![CDATA[{body}]]></description>" if body else ""]
    return "<item>" + "".join(parts) + "</item>"


# --- encodings ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content_type", "title"),
    [
        ("encodings/encoding_ISO-8859-1.xml", None,
         "Machine Learning: Von KI erstelltes Porträt für 432.500 US.Dollar versteigert"),
        ("encodings/encoding_ISO-8859-1.xml", "application/rss+xml",
         "Machine Learning: Von KI erstelltes Porträt für 432.500 US.Dollar versteigert"),
        ("encodings/encoding_ISO-8859-1.xml", "text/xml; charset=ISO-8859-1",
         "Machine Learning: Von KI erstelltes Porträt für 432.500 US.Dollar versteigert"),
        ("encodings/encoding_WINDOWS-1251.xml", None, "Цитата #17703"),
        ("encodings/encoding_WINDOWS-1251.xml", "text/xml", "Цитата #17703"),
        ("encodings/encoding_WINDOWS-1251.xml", "application/xml; charset=windows-1251", "Цитата #17703"),
        ("encodings/no_encoding_ISO-8859-1.xml", None, "La criminalité liée surtout à... l'ennui ?"),
        ("encodings/no_encoding_ISO-8859-1.xml", "application/xml; charset=ISO-8859-1",
         "La criminalité liée surtout à... l'ennui ?"),
        ("encodings/rdf_UTF8.xml", None, "Mega-Deal: IBM übernimmt Red Hat"),
        ("encodings/rdf_UTF8.xml", "application/rdf+xml; charset=utf-8",
         "OLED-TVs: Vorsichtsmaßnahmen gegen Einbrennen"),
        ("encodings/urdu_UTF8.xml", None,
         "امریکی عسکری امداد کی بندش کی وجوہات: انڈیا سے جنگ، جوہری پروگرام اور اب دہشت گردوں کی پشت پناہی"),
        ("encodings/urdu_UTF8.xml", "text/xml; charset=utf-8",
         "امریکہ کے ساتھ خفیہ معلومات کا تبادلہ اور فوجی تعاون معطل کر دیا: وزیر دفاع"),
    ],
)
def test_every_encoding_reads_as_unicode(shared_dir, name, content_type, title):
    records = records_of(shared_dir, name, content_type)
    assert title in [r.title for r in records]
    assert not any("\ufffd" in r.title or "Ã" in r.title for r in records)


def test_a_charset_the_server_declares_wins():
    # no XML declaration: only the HTTP header says this is Windows-1251
    body = ('<rss version="2.0"><channel><title>t</title><item><title>Цитата дня</title>'
            "<link>http://ibash.example/q/1</link></item></channel></rss>").encode("cp1251")
    declared = parse_feed(body, source="t", content_type="text/xml; charset=windows-1251")
    assert declared[0].title == "Цитата дня"
    assert parse_feed(body, source="t")[0].title != "Цитата дня"


def test_the_urdu_feed_splits_on_its_colon(shared_dir):
    first = records_of(shared_dir, "encodings/urdu_UTF8.xml")[0]
    assert first.tool_name == "امریکی عسکری امداد کی بندش کی وجوہات"
    assert first.published_at == datetime(2018, 1, 5, 16, 51, tzinfo=UTC)


# --- aggregator boilerplate ----------------------------------------------------------------------


def test_product_hunt_tails_and_name_echo_are_gone(shared_dir):
    for name in ("producthunt/featured-2025-02-19.atom", "producthunt/featured-2025-02-20.atom"):
        records = records_of(shared_dir, name)
        assert records and all(r.summary and "[Product Hunt page]" not in r.summary
                               and "[Website]" not in r.summary for r in records)
    day_1 = records_of(shared_dir, "producthunt/featured-2025-02-19.atom")
    yess = next(r for r in day_1 if r.tool_name == "Yess")
    assert yess.summary == "AI inbound sales agent for agencies to close more deals"


def test_hacker_news_comment_links_are_not_summaries(shared_dir):
    records = records_of(shared_dir, "hackernews/frontpage.rss")
    assert len(records) == 30 and all(r.summary is None for r in records)


def test_hnrss_footers_are_gone_from_the_samples():
    records = parse_feed((SAMPLES_DIR / "feeds" / "show-hn.rss").read_bytes(), source="show-hn")
    assert records and not any("Article URL" in (r.summary or "") or "Points:" in (r.summary or "")
                               for r in records)
    pixelsmith = next(r for r in records if r.tool_name == "Pixelsmith")
    assert pixelsmith.summary.endswith("how it handles cross-hatching.")


# --- GitHub releases -----------------------------------------------------------------------------


def test_a_github_release_is_a_launch_of_its_repository(shared_dir):
    records = records_of(shared_dir, "github/ty-releases.atom")
    assert len(records) == 10 == len({r.guid for r in records})
    assert {(r.tool_name, r.tagline) for r in records} == {("ty", None)}
    newest = records[0]
    assert newest.title == "ty 0.0.1-alpha.34"
    assert newest.url == "https://github.com/astral-sh/ty/releases/tag/0.0.1-alpha.34"
    assert newest.guid == "tag:github.com,2008:Repository/976731654/0.0.1-alpha.34"
    assert newest.published_at == datetime(2025, 12, 12, 18, 30, 16, tzinfo=UTC)
    assert newest.summary.startswith("Release Notes\nReleased on 2025-12-12.\nBug fixes\n")
    for record in records:
        assert len(record.summary) <= MAX_SUMMARY_CHARS
        # the markup's own tags are gone; "&lt;CURSOR&gt;" in its <code> is text and stays
        assert not any(tag in record.summary for tag in ("<a ", "<li>", "<code>", "<h2>", "hovercard"))


def test_a_named_release_keeps_its_title():
    body = (b'<feed xmlns="http://www.w3.org/2005/Atom"><title>r</title><entry><id>tag:1</id>'
            b'<title>Big spring release</title><updated>2025-03-01T00:00:00Z</updated>'
            b'<link rel="alternate" href="https://github.com/acme/widget-ai/releases/tag/v2.0"/></entry></feed>')
    [record] = parse_feed(body, source="t")
    assert (record.title, record.tool_name, record.tagline) == ("Big spring release", "widget-ai", None)


# --- odd entries ---------------------------------------------------------------------------------


def test_entries_without_links_dates_or_titles():
    records = parse_feed(rss(
        item("No Link AI - a model without a link"),
        item("", "https://delta.example/"),
        item(None, "https://www.epsilon.example/news/launch-day?utm_source=x"),
        item("", ""),  # nothing to go by: skipped
    ), source="t")
    assert [(r.tool_name, r.url, r.published_at) for r in records] == [
        ("No Link AI", None, None),
        ("delta.example", "https://delta.example/", None),
        ("launch-day", "https://www.epsilon.example/news/launch-day", None),
    ]
    assert records[0].guid.startswith("sha1:") and records[1].guid == "https://delta.example/"
    assert records[1].title == "delta.example"


def test_duplicate_guids_come_through_for_storing_to_count():
    records = parse_feed(rss(
        item("Gamma AI - first", "https://gamma.example/", guid="same"),
        item("Gamma AI - repeated guid", "https://gamma.example/again", guid="same"),
    ), source="t")
    assert [r.guid for r in records] == ["same", "same"]


def test_enormous_values_are_capped():
    huge_title = "Colossus " + "very " * 50_000 + "- a model"
    records = parse_feed(rss(
        item(huge_title, "https://colossus.example/", body="<p>" + "word " * 400_000 + "</p>"),
        item("Nameless " * 40, "https://long.example/", guid="g" * 5000),
    ), source="t")
    colossus, long_name = records
    assert len(colossus.title) <= MAX_TITLE_CHARS and len(colossus.tool_name) <= MAX_NAME_CHARS
    assert colossus.title.endswith("…") and len(colossus.summary) <= MAX_SUMMARY_CHARS
    assert len(long_name.tool_name) <= MAX_NAME_CHARS
    assert long_name.guid.startswith("sha1:") and len(long_name.guid) == 45


def test_a_body_is_never_taken_for_a_file_name(tmp_path):
    secret = tmp_path / "feed.xml"
    secret.write_bytes(rss(item("Secret AI - read from disk", "https://secret.example/")))
    with pytest.raises(ParseError):
        parse_feed(str(secret).encode(), source="t")


def test_a_malformed_feed_is_read_with_a_warning():
    reading = read_feed(b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
                        b"<item><title>Omega AI - an AI model</title><link>https://omega.example/</link>"
                        b"</item><item><title>Broken & unescaped</title></channel>", source="t")
    assert [r.tool_name for r in reading.records] == ["Omega AI", "Broken & unescaped"]
    assert reading.warning and "malformed" in reading.warning
    assert read_feed(rss(item("Fine", "https://fine.example/")), source="t").warning is None


@pytest.mark.parametrize("body", [b"", b"<html><body>down for maintenance</body></html>", b"\x00\xff" * 10])
def test_what_is_not_a_feed_is_refused(body):
    with pytest.raises(ParseError):
        parse_feed(body, source="t")


# --- every link in every capture -----------------------------------------------------------------


def captures(shared_dir: Path) -> list[Path]:
    return sorted(p for p in (shared_dir / FEEDS).rglob("*") if p.is_file())


def test_every_link_in_the_captures_is_canonical(shared_dir):
    checked = 0
    for path in captures(shared_dir):
        entries = feedparser.parse(path.read_bytes()).entries
        raw = {e.get("id") or e.get("link"): e.get("link") for e in entries}
        for record in parse_feed(path.read_bytes(), source="t"):
            if record.url is None:
                continue
            parts = urlsplit(record.url)
            params = parse_qsl(parts.query, keep_blank_values=True)
            assert parts.scheme in ("http", "https") and parts.hostname == parts.hostname.lower()
            assert not parts.fragment and "#" not in record.url
            assert not any(k.lower().startswith("utm_") or k.lower() in ("ref", "wt_mc") for k, _ in params)
            original = urlsplit(raw.get(record.guid) or record.url)
            kept = [(k, v) for k, v in parse_qsl(original.query, keep_blank_values=True)
                    if not (k.lower().startswith("utm_") or k.lower() in ("ref", "wt_mc"))]
            assert params == kept, record.url  # non-tracking parameters survive, in order
            checked += 1
    assert checked > 800


def test_a_release_notes_list_is_read_item_by_item():
    from scrapers.facts import launch_facts

    notes = ("<h2>quillnest v0.3.0</h2><p>quillnest drafts release notes from merged pull requests.</p>"
             "<ul><li>Runs on a laptop CPU</li><li><code>brew install quillnest</code></li>"
             "<li>Licensed under the MIT licence</li><li>No GPU needed</li></ul>")
    [record] = parse_feed(rss(item("quillnest v0.3.0", "https://github.com/quill/quillnest/releases/tag/v0.3.0",
                                   "g1", body=notes)), source="test")
    # the heading that repeats the title goes; every list item is a line of its own
    assert record.summary.split("\n") == [
        "quillnest drafts release notes from merged pull requests.", "Runs on a laptop CPU",
        "brew install quillnest", "Licensed under the MIT licence", "No GPU needed"]
    facts = {(fact.kind, fact.value, fact.negated): fact.snippet for fact in launch_facts(record)}
    # each fact's evidence is its own item, and the "No" of one item negates nothing in another
    assert facts[("hardware", "CPU", False)] == "Runs on a laptop CPU"
    assert facts[("hardware", "GPU", True)] == "No GPU needed"
    assert facts[("license", "MIT", False)] == "Licensed under the MIT licence"
    assert facts[("distribution", "Homebrew", False)] == "brew install quillnest"
