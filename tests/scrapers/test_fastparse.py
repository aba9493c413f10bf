"""fastfeedparser in front of feedparser (scrapers/fastparse.py): the same launch records, field by
field, as feedparser alone gives, on every real capture, the sample feeds and the bench feed; and
the bodies it cannot read as feedparser would go to feedparser."""

from __future__ import annotations

import sys
from datetime import UTC, datetime

import pytest

from scrapers import fastparse, feeds, isolation
from tests.conftest import ROOT, SHARED, need

sys.path.insert(0, str(ROOT / "bench"))
from ingest import make_feed  # noqa: E402

CAPTURES_DIR = SHARED / "fixtures" / "feeds"
# Globbed at collection time, so a capture added to the directory is a new test case.
CAPTURES = sorted(str(p.relative_to(CAPTURES_DIR)) for p in CAPTURES_DIR.rglob("*") if p.is_file()) \
    if CAPTURES_DIR.is_dir() else [None]
SAMPLES = sorted(p.name for p in (ROOT / "verdicts" / "samples" / "feeds").iterdir())


def read_both(body: bytes, monkeypatch: pytest.MonkeyPatch, content_type: str | None = None):
    """read_feed's outcome through fastfeedparser (or its fallback), then through feedparser alone;
    a ParseError's message stands for the outcome."""
    outcomes = []
    for fast in (True, False):
        if not fast:
            monkeypatch.setattr(fastparse, "parse", lambda *args: None)
        try:
            outcomes.append(feeds.read_feed(body, source="src", content_type=content_type))
        except feeds.ParseError as exc:
            outcomes.append(str(exc))
    return outcomes


def assert_same(fast, plain) -> None:
    assert type(fast) is type(plain)
    if isinstance(plain, str):
        assert fast == plain
        return
    assert len(fast.records) == len(plain.records)
    for mine, theirs in zip(fast.records, plain.records, strict=True):
        for field in type(theirs).model_fields:
            assert getattr(mine, field) == getattr(theirs, field), (theirs.guid, field)
    assert (fast.warning, fast.ttl_minutes, fast.errors, fast.entry_count) == \
        (plain.warning, plain.ttl_minutes, plain.errors, plain.entry_count)


@pytest.mark.parametrize("capture", CAPTURES)
def test_real_capture_reads_the_same(capture, monkeypatch):
    need(capture is not None, f"{CAPTURES_DIR} is absent (the real captures live there)")
    fast, plain = read_both((CAPTURES_DIR / capture).read_bytes(), monkeypatch)
    assert_same(fast, plain)


@pytest.mark.parametrize("sample", SAMPLES)
def test_sample_feed_reads_the_same_through_fastfeedparser(sample, monkeypatch):
    body = (ROOT / "verdicts" / "samples" / "feeds" / sample).read_bytes()
    assert fastparse.parse(isolation.readable_feed_body(body)) is not None  # the fast path, not the fallback
    fast, plain = read_both(body, monkeypatch)
    assert fast.records
    assert_same(fast, plain)


def test_bench_feed_reads_the_same_through_fastfeedparser(monkeypatch):
    body = make_feed(300)
    assert fastparse.parse(body) is not None
    fast, plain = read_both(body, monkeypatch)
    assert len(fast.records) == 300
    assert_same(fast, plain)


FEED = ('<?xml version="1.0" encoding="{encoding}"?><rss version="2.0"><channel><title>T</title><ttl>30</ttl>'
        "<item><title>{title}</title><link>https://a.example/x</link><guid>g1</guid>"
        "<pubDate>Mon, 23 Nov 2026 10:00:00 GMT</pubDate><description>AI tool</description></item>"
        "</channel></rss>")
HOSTILE = {
    "truncated": FEED.format(encoding="utf-8", title="Acme")[:-30].encode(),
    "latin-1 declared": FEED.format(encoding="iso-8859-1", title="Caf\xe9 AI").encode("latin-1"),
    "latin-1 bytes, utf-8 declared": FEED.format(encoding="utf-8", title="Caf\xe9 AI").encode("latin-1"),
    "undeclared entity": FEED.format(encoding="utf-8", title="Acme&nbsp;AI").encode(),
    "utf-16": FEED.format(encoding="utf-16", title="Acme AI").encode("utf-16"),
    "html page": b"<!doctype html><html><body><p>not a feed</p></body></html>",
    "not xml": b"\x00\x01 plainly not a feed",
    "empty channel": b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>',
    "empty": b"",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_body_falls_back_to_feedparser(name, monkeypatch):
    body = HOSTILE[name]
    assert fastparse.parse(isolation.readable_feed_body(body)) is None
    fast, plain = read_both(body, monkeypatch)
    assert_same(fast, plain)


def test_a_charset_in_the_header_other_than_utf8_goes_to_feedparser(monkeypatch):
    body = FEED.format(encoding="utf-8", title="Acme AI").encode()
    assert fastparse.parse(body, "application/rss+xml; charset=utf-8") is not None
    assert fastparse.parse(body, "application/rss+xml; charset=windows-1252") is None
    fast, plain = read_both(body, monkeypatch, "application/rss+xml; charset=windows-1252")
    assert_same(fast, plain)


def test_fast_path_keeps_ttl_and_utc_time():
    body = FEED.format(encoding="utf-8", title="Acme AI").encode().replace(b"GMT", b"+0200")
    assert fastparse.parse(body) is not None
    reading = feeds.read_feed(body, source="src")
    assert reading.ttl_minutes == 30
    assert reading.records[0].published_at == datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
