"""One bad entry never aborts a run: it is recorded (source, entry id, step, reason) and skipped,
the rest of its feed and every other source go on, and nothing stored before is lost."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from sqlmodel import Session, select

from db import queries
from db.models import FetchLog, IngestError, Launch, Source, utcnow
from scrapers import isolation
from scrapers.feeds import read_feed
from scrapers.fetch import FetchPolicy, FetchResult, make_client
from scrapers.ingest import Fetched, IngestOptions, ingest_many, ingest_source, store_fetched
from scrapers.records import LaunchRecord
from scrapers.sources import SourceConfig
from tests.servers.feed_server import FeedServer

UA = "VerdictsBot/test"
OPTIONS = IngestOptions(fetch=FetchPolicy(host_gap=0, attempts=1, retry_wait=0), force=True)


def rss(*items: str) -> bytes:
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'
            f'<link>https://example.com/</link>{"".join(items)}</channel></rss>').encode()


def item(title: str, link: str, guid: str, body: str = "An AI coding assistant.") -> str:
    return (f"<item><title>{title}</title><link>{link}</link><guid>{guid}</guid>"
            f"<description>{body}</description></item>")


HOSTILE = rss(
    item("Broken - an AI thing", "http://[::1/foo", "bad-ipv6"),
    item("Nul guid - an AI coder", "https://nul.example/", "nul&#0;-guid"),
    item("Good One - an AI writing assistant", "https://goodone.example/", "good-1"),
    item("Good Two - an AI voice model", "https://goodtwo.example/", "good-2"),
)


def launches(engine) -> set[tuple[str, str]]:
    with Session(engine) as session:
        rows = session.exec(select(Source.name, Launch.guid).join(Source, Source.id == Launch.source_id))
        return set(rows.all())


def test_an_entry_that_breaks_normalising_is_recorded_and_the_rest_of_the_feed_stored(engine, tmp_path):
    feed = tmp_path / "hostile.rss"
    feed.write_bytes(HOSTILE)
    with make_client(user_agent=UA, timeout=5) as client:
        summary = ingest_source(SourceConfig(name="hostile", url=str(feed)), engine=engine, client=client,
                                options=OPTIONS)
    assert summary.status == "fetched" and summary.entry_errors == 1, summary
    assert summary.new_launches == 3
    stored = {guid for _, guid in launches(engine)}
    assert {"good-1", "good-2"} <= stored
    assert any(guid.startswith("nul") and "\x00" not in guid for guid in stored)  # cleaned, kept
    with Session(engine) as session:
        [error] = session.exec(select(IngestError)).all()
        source = session.exec(select(Source)).one()
        log = session.exec(select(FetchLog)).one()
    assert (error.entry_id, error.step) == ("bad-ipv6", "normalise")
    assert "Invalid IPv6 URL" in error.reason
    assert source.last_status == "fetched" and "1 of 4 entries skipped" in (source.last_error or "")
    assert (log.status, log.entries, log.entry_errors) == ("fetched", 4, 1)


def test_a_source_whose_entries_all_fail_is_failed_with_the_reason_and_keeps_what_it_stored(engine, tmp_path):
    feed = tmp_path / "feed.rss"
    feed.write_bytes(rss(item("Fine - an AI model", "https://fine.example/", "fine-1")))
    source = SourceConfig(name="turns-bad", url=str(feed))
    with make_client(user_agent=UA, timeout=5) as client:
        assert ingest_source(source, engine=engine, client=client, options=OPTIONS).new_launches == 1
        feed.write_bytes(rss(item("Broken - an AI", "http://[::1/a", "b1"),
                             item("Worse - AI", "http://[x", "b2")))
        summary = ingest_source(source, engine=engine, client=client, options=OPTIONS)
    assert summary.status == "failed" and summary.entry_errors == 2
    assert "none of the 2 entries could be stored" in (summary.error or "")
    assert launches(engine) == {("turns-bad", "fine-1")}  # what was stored before is still there
    with Session(engine) as session:
        row = session.exec(select(Source)).one()
        assert (row.last_status, row.error_count) == ("failed", 1)
        assert row.etag is not None  # the good fetch's validators: the bad body is read again next time
        [(name, _error, since, count)] = queries.failing_sources(session)
    assert (name, count) == ("turns-bad", 1) and since is not None


def test_one_bad_source_never_stops_the_others(engine, tmp_path):
    good = tmp_path / "good.rss"
    good.write_bytes(rss(item("Solid - an AI agent", "https://solid.example/", "solid")))
    bad = tmp_path / "bad.rss"
    bad.write_bytes(HOSTILE)
    sources = [SourceConfig(name="bad", url=str(bad)), SourceConfig(name="missing", url="http://[::1/x"),
               SourceConfig(name="good", url=str(good))]
    with make_client(user_agent=UA, timeout=5) as client:
        summaries = ingest_many(sources, engine=engine, client=client, options=OPTIONS, workers=3)
    assert [s.status for s in summaries] == ["fetched", "failed", "fetched"]
    assert "not a valid URL" in (summaries[1].error or "")
    assert ("good", "solid") in launches(engine)


def test_entries_the_database_refuses_are_stored_one_by_one(engine, database_url):
    """A batch the database refuses (PostgreSQL enforces VARCHAR(1000) on a GUID; SQLite takes
    it) is retried entry by entry: only the refused one is left out, with the reason."""
    with Session(engine) as session:
        source_id = queries.get_or_create_source(session, name="long", kind="feed", url="x").id
        session.commit()
    records = [LaunchRecord(source="long", guid=f"ok-{n}", title=f"Tool {n} - AI", tool_name=f"Tool{n}",
                            url=f"https://tool{n}.example/") for n in range(3)]
    records.insert(1, LaunchRecord(source="long", guid="g" * 1200, title="Too long", tool_name="TooLong"))
    reading = read_feed(rss(), source="long")
    reading = replace(reading, records=records, entries=len(records))
    now = utcnow()
    fetched = Fetched(SourceConfig(name="long", url="x"), source_id, FetchResult(not_modified=False),
                      reading, now, now + timedelta(hours=1), None, 0, OPTIONS)
    summary = store_fetched(fetched, engine=engine)
    stored = {guid for _, guid in launches(engine)}
    assert {"ok-0", "ok-1", "ok-2"} <= stored
    if database_url.startswith("postgresql"):
        assert summary.entry_errors == 1 and summary.new_launches == 3
        with Session(engine) as session:
            error = session.exec(select(IngestError)).one()
        assert error.step == "store" and error.entry_id == "g" * 1000
    else:
        assert summary.entry_errors == 0 and summary.new_launches == 4


@pytest.mark.parametrize(("text", "expected"), [
    ("plain", "plain"), ("nul\x00in", "nulin"), ("bell\x07 and esc\x1b", "bell and esc"),
    ("lone \ud800 surrogate", "lone  surrogate"), ("tab\tnew\nline\r", "tab\tnew\nline\r"),
    ("non\ufffecharacter\uffff", "noncharacter"), ("ünïcödé ✓ 日本", "ünïcödé ✓ 日本"),
])
def test_storable_drops_only_what_a_database_refuses(text, expected):
    assert isolation.storable(text) == expected


def test_store_each_names_the_step_a_record_failed_at():
    from sqlalchemy.exc import DataError

    def store(batch):
        guid = batch[0].guid
        if guid == "db":
            raise DataError("INSERT", {}, Exception("value too long"))
        if guid == "bug":
            raise KeyError("tool")
        return 1, 0, 1

    records = [LaunchRecord(source="s", guid=g, title=g, tool_name=g) for g in ("a", "db", "bug", "b")]
    counts, errors = isolation.store_each(records, store)
    assert counts == (2, 0, 2)
    assert [(e.entry_id, e.step) for e in errors] == [("db", "store"), ("bug", "resolve")]
    assert errors[1].reason == "KeyError: 'tool'"


def test_a_fetch_that_raises_something_unexpected_is_that_sources_failure(engine):
    def explode(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "application/rss+xml")
        handler.send_header("Content-Length", "5")
        handler.end_headers()
        handler.wfile.write(b"\x00\xff\xfe\x00\x01")

    with FeedServer(custom={"/x": explode}) as server, make_client(user_agent=UA, timeout=5) as client:
        summary = ingest_source(SourceConfig(name="binary", url=server.url + "/x"), engine=engine,
                                client=client, options=OPTIONS)
    assert summary.status == "failed" and summary.error


def test_a_feed_body_loses_exactly_the_characters_xml_forbids():
    forbidden = [n for n in range(0x10000) if (n < 0x20 and n not in (0x9, 0xA, 0xD))
                 or n == 0x7F or 0xD800 <= n <= 0xDFFF or n >= 0xFFFE]
    for reference in (b"&#%d;", b"&#x%x;", b"&#X%X;", b"&#00%d;"):
        removed = [n for n in range(0x10000) if isolation.readable_feed_body(reference % n) == b""]
        assert removed == forbidden, reference
    assert isolation.readable_feed_body(b"<t>a\x00b\x1bc\td</t>") == b"<t>abc\td</t>"
    utf16 = "<t>x</t>".encode("utf-16")
    assert isolation.readable_feed_body(utf16) == utf16  # NUL bytes belong to its characters
    for codec in ("utf-16", "utf-32"):
        dirty = "<t>a&#0;b&#xD800;c\x01d</t>".encode(codec)
        assert isolation.readable_feed_body(dirty).decode(codec) == "<t>abcd</t>"


def test_one_entry_with_a_surrogate_reference_no_longer_costs_the_whole_feed():
    body = rss(item("Bad &#55296; ref - AI", "https://bad.example/", "bad"),
               item("Fine - an AI agent", "https://fine.example/", "fine"))
    reading = read_feed(body, source="s")
    assert [r.guid for r in reading.records] == ["bad", "fine"]


def test_each_source_is_heard_of_with_what_its_fetch_came_to(engine, tmp_path):
    """The CLI's progress names what happened to each source, not "fetched" for every one."""
    feed = tmp_path / "feed.rss"
    feed.write_bytes(rss(item("Good One - an AI writing assistant", "https://goodone.example/", "g1")))
    sources = [SourceConfig(name="good", url=str(feed)), SourceConfig(name="broken", url="http://[::1/x")]
    heard: dict[str, str] = {}
    with make_client(user_agent=UA, timeout=5) as client:
        ingest_many(sources, engine=engine, client=client, options=OPTIONS, workers=2,
                    on_fetched=heard.__setitem__)
        assert heard == {"good": "fetched", "broken": "failed"}
        heard.clear()
        not_forced = IngestOptions(fetch=OPTIONS.fetch)  # fetched a moment ago: not due again
        ingest_many(sources[:1], engine=engine, client=client, options=not_forced,
                    on_fetched=heard.__setitem__)
    assert heard == {"good": "not due"}
