"""The ingest stage against real captures served on loopback, on SQLite and PostgreSQL."""

from pathlib import Path

import feedparser
import pytest
from sqlmodel import Session, func, select

from db.models import Launch, Source, Tool
from scrapers.fetch import FetchPolicy, make_client
from scrapers.ingest import IngestOptions, ingest_source
from scrapers.sources import SourceConfig
from tests.servers.feed_server import FeedServer

PH = "fixtures/feeds/producthunt"


NOW_AND_QUICK = IngestOptions(fetch=FetchPolicy(host_gap=0, attempts=1), force=True)


def run(engine, source: SourceConfig):
    with make_client(user_agent="VerdictsTest/1", timeout=5) as client:
        return ingest_source(source, engine=engine, client=client, options=NOW_AND_QUICK)


def count(engine, model) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(model)).one()


@pytest.fixture
def feed_server():
    with FeedServer() as server:
        yield server


def test_ingest_is_idempotent_and_uses_conditional_get(engine, shared_dir: Path, feed_server):
    feed_server.routes["/ph.atom"] = shared_dir / PH / "featured-2025-02-19.atom"
    source = SourceConfig(name="producthunt", url=feed_server.url + "/ph.atom")

    first = run(engine, source)
    assert (first.status, first.new_launches, first.duplicates) == ("fetched", 61, 0)

    second = run(engine, source)
    assert second.status == "not_modified"
    assert feed_server.requests[-1][1].get("If-None-Match", "").startswith('"')
    assert count(engine, Launch) == 61

    feed_server.routes["/ph.atom"] = shared_dir / PH / "featured-2025-02-20.atom"
    third = run(engine, source)
    assert (third.status, third.new_launches, third.duplicates) == ("fetched", 74 - 49, 49)
    assert count(engine, Launch) == 86  # the union of both days, each entry once


def test_launches_are_stored_clean(engine, shared_dir: Path, feed_server):
    feed_server.routes["/ph.atom"] = shared_dir / PH / "featured-2025-02-19.atom"
    run(engine, SourceConfig(name="producthunt", url=feed_server.url + "/ph.atom"))
    with Session(engine) as session:
        yess = session.exec(select(Launch).where(Launch.tool_name == "Yess")).one()
        launches = session.exec(select(Launch)).all()
    assert yess.tagline == "AI inbound sales agent for agencies to close more deals"
    assert yess.url == "https://www.producthunt.com/posts/yess-2"
    assert yess.published_at.isoformat() == "2025-02-19T08:01:00+00:00"
    assert not any("utm_" in (launch.url or "") for launch in launches)
    assert not any("<" in (launch.summary or "") and ">" in (launch.summary or "") for launch in launches)


def test_same_product_from_two_sources_is_one_tool(engine, shared_dir: Path, feed_server):
    day1 = feedparser.parse(shared_dir / PH / "featured-2025-02-19.atom")
    day2 = feedparser.parse(shared_dir / PH / "featured-2025-02-20.atom")
    feed_server.routes["/a.atom"] = shared_dir / PH / "featured-2025-02-19.atom"
    feed_server.routes["/b.atom"] = shared_dir / PH / "featured-2025-02-20.atom"
    run(engine, SourceConfig(name="ph-monday", url=feed_server.url + "/a.atom"))
    run(engine, SourceConfig(name="ph-tuesday", url=feed_server.url + "/b.atom"))

    names = [{e.title.split(" - ")[0] for e in day.entries} for day in (day1, day2)]
    overlap = names[0] & names[1]
    assert len(overlap) >= 40
    with Session(engine) as session:
        for name in sorted(overlap)[:15]:
            ids = set(session.exec(select(Launch.tool_id).where(Launch.tool_name == name)).all())
            assert len(ids) == 1, f"{name} resolved to {ids}"
        tool_ids = set(session.exec(select(Launch.tool_id).where(Launch.tool_id.is_not(None))).all())
    assert count(engine, Tool) == len(tool_ids) < count(engine, Launch)


def test_a_bad_fetch_is_recorded_and_loses_nothing(engine, shared_dir: Path, feed_server):
    feed_server.routes["/ph.atom"] = shared_dir / PH / "featured-2025-02-19.atom"
    source = SourceConfig(name="producthunt", url=feed_server.url + "/ph.atom")
    run(engine, source)
    feed_server.routes["/ph.atom"] = b"<html><body>We are down for maintenance</body></html>"
    broken = run(engine, source)
    assert broken.status == "failed" and "feed" in broken.error
    del feed_server.routes["/ph.atom"]
    gone = run(engine, source)
    assert gone.status == "failed" and "404" in gone.error
    with Session(engine) as session:
        row = session.exec(select(Source).where(Source.name == "producthunt")).one()
    assert (row.last_status, row.error_count) == ("failed", 2)
    assert count(engine, Launch) == 61
