"""The ingest stage over every real capture in ../shared/fixtures/feeds, served on loopback with
real ETags and 304s, stored in SQLite and PostgreSQL.

Expected counts come from feedparser directly, not from our parser; the pinned values were read
off the files by hand."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import feedparser
import pytest
from sqlmodel import Session, col, func, select

from db.models import Launch, Source, Tool
from scrapers.fetch import FetchPolicy, make_client
from scrapers.ingest import IngestOptions, ingest_source
from scrapers.normalise import canonical_url
from scrapers.sources import SourceConfig
from tests.servers.feed_server import FeedServer

CAPTURES_DIR = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "feeds"
# Globbed at collection time, so a capture added to the directory is a new test case.
CAPTURES = sorted(str(p.relative_to(CAPTURES_DIR)) for p in CAPTURES_DIR.rglob("*") if p.is_file()) \
    if CAPTURES_DIR.is_dir() else []
# Loopback needs no politeness gap; a second run must fetch even though the source is not due.
NOW = IngestOptions(fetch=FetchPolicy(host_gap=0, attempts=1), force=True)
PH_DAY_1 = "producthunt/featured-2025-02-19.atom"
PH_DAY_2 = "producthunt/featured-2025-02-20.atom"


@pytest.fixture
def feed_server():
    with FeedServer() as server:
        yield server


def source_for(server: FeedServer, shared_dir: Path, capture: str, name: str | None = None) -> SourceConfig:
    path = "/" + capture
    server.routes[path] = shared_dir / "fixtures" / "feeds" / capture
    return SourceConfig(name=name or _source_name(capture), url=server.url + path)


def _source_name(capture: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in capture.lower()).strip("-")[:63]


def ingest(engine, source: SourceConfig):
    with make_client(user_agent="VerdictsTest/1 (+https://verdicts.example.com/bot)", timeout=10) as client:
        return ingest_source(source, engine=engine, client=client, options=NOW)


def expected_launches(path: Path) -> int:
    """Entries with a title or a link, once per GUID (or link) and once per canonical link."""
    guids: set[str] = set()
    links: set[str] = set()
    count = 0
    for entry in feedparser.parse(path.read_bytes()).entries:
        link = canonical_url(entry.get("link"))
        guid = (entry.get("id") or "").strip() or link or entry.get("title")
        if not (entry.get("title") or "").strip() and not link:
            continue
        if guid in guids or (link and link in links):
            continue
        guids.add(guid)
        if link:
            links.add(link)
        count += 1
    return count


def launches_of(engine, source_name: str) -> list[Launch]:
    with Session(engine) as session:
        stmt = select(Launch).join(Source).where(Source.name == source_name).order_by(Launch.id)
        return list(session.exec(stmt).all())


def count(engine, model) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(model)).one()


# --- every capture -------------------------------------------------------------------------------


def test_the_captures_are_there(shared_dir):
    assert len(CAPTURES) >= 17, CAPTURES


@pytest.mark.parametrize("capture", CAPTURES)
def test_a_capture_is_stored_once_then_not_modified(engine, shared_dir, feed_server, capture):
    source = source_for(feed_server, shared_dir, capture)
    expected = expected_launches(shared_dir / "fixtures" / "feeds" / capture)
    assert expected > 0

    first = ingest(engine, source)
    assert (first.status, first.new_launches, first.duplicates) == ("fetched", expected, 0), first
    stored = launches_of(engine, source.name)
    assert len(stored) == expected == len({launch.guid for launch in stored})
    for launch in stored:
        # a launch or release of an AI tool has a tool (one not read as AI may update a known
        # tool); anything else is skipped, with its reason
        if launch.is_ai_tool and launch.kind != "other":
            assert launch.tool_id is not None, launch.title
        if launch.kind == "other":
            assert launch.tool_id is None, launch.title
        assert (launch.tool_id is None) == (launch.skip_reason is not None), launch.title
        assert launch.url is None or canonical_url(launch.url) == launch.url.split("#")[0]
        assert launch.published_at is None or launch.published_at.utcoffset().total_seconds() == 0
    tools = count(engine, Tool)
    assert tools <= sum(launch.is_ai_tool for launch in stored)

    second = ingest(engine, source)
    assert (second.status, second.new_launches, second.duplicates, second.new_tools) == \
        ("not_modified", 0, 0, 0), second
    assert feed_server.requests[-1][1].get("If-None-Match", "").startswith('"')
    assert len(launches_of(engine, source.name)) == expected
    assert count(engine, Tool) == tools
    with Session(engine) as session:
        assert session.exec(select(Source.last_status).where(Source.name == source.name)).one() == \
            "not_modified"


# --- values read off the files -------------------------------------------------------------------


def by_title(engine, source: SourceConfig, title: str) -> Launch:
    matches = [launch for launch in launches_of(engine, source.name) if launch.title == title]
    assert len(matches) == 1, f"{title!r}: {len(matches)} launches"
    return matches[0]


def tool_of(engine, launch: Launch) -> Tool:
    with Session(engine) as session:
        tool = session.get(Tool, launch.tool_id)
    assert tool is not None
    return tool


def test_pinned_values_from_hacker_news_and_product_hunt(engine, shared_dir, feed_server):
    hn = source_for(feed_server, shared_dir, "hackernews/frontpage.rss")
    ph = source_for(feed_server, shared_dir, PH_DAY_1)
    ingest(engine, hn)
    ingest(engine, ph)

    llamafile = by_title(engine, hn, "llamafile: Distribute and Run LLMs with a Single File")
    assert (llamafile.tool_name, llamafile.tagline) == \
        ("llamafile", "Distribute and Run LLMs with a Single File")
    assert llamafile.url == "https://github.com/mozilla-ai/llamafile"
    assert llamafile.published_at == datetime(2025, 12, 13, 19, 22, 13, tzinfo=UTC)
    assert llamafile.summary is None  # the feed's "Comments" link is not a summary
    # a plain story linking a repository's page is an article (a launch on HN says Show HN)
    assert (llamafile.kind, llamafile.skip_reason, llamafile.tool_id) == ("other", "article", None)
    for not_a_tool in ("Cat Gap", "EasyPost (YC S13) Is Hiring", "Linux Sandboxes and Fil-C"):
        launch = by_title(engine, hn, not_a_tool)
        assert (launch.is_ai_tool, launch.tool_id) == (False, None)

    yess = by_title(engine, ph, "Yess - AI inbound sales agent for agencies to close more deals")
    assert (yess.tool_name, yess.url) == ("Yess", "https://www.producthunt.com/posts/yess-2")
    assert yess.published_at == datetime(2025, 2, 19, 8, 1, tzinfo=UTC)
    assert yess.summary == "AI inbound sales agent for agencies to close more deals"
    assert yess.guid.startswith("https://www.producthunt.com/posts/yess-2?utm_campaign=producthunt-api")
    camping = by_title(engine, ph, "Tribal Camping - Search for remote & wild campsites")
    assert (camping.is_ai_tool, camping.tool_id) == (False, None)
    assert camping.url == "https://www.producthunt.com/posts/tribal-camping"


def test_pinned_values_from_releases_vendors_and_encodings(engine, shared_dir, feed_server):
    ty = source_for(feed_server, shared_dir, "github/ty-releases.atom")
    ollama = source_for(feed_server, shared_dir, "vendors/ollama.rss")
    cyrillic = source_for(feed_server, shared_dir, "encodings/encoding_WINDOWS-1251.xml")
    rdf = source_for(feed_server, shared_dir, "encodings/rdf_UTF8.xml")
    for source in (ty, ollama, cyrillic, rdf):
        assert ingest(engine, source).status == "fetched"

    releases = launches_of(engine, ty.name)
    assert len(releases) == 10 and {r.tool_name for r in releases} == {"ty"}
    newest = by_title(engine, ty, "ty 0.0.1-alpha.34")
    assert newest.url == "https://github.com/astral-sh/ty/releases/tag/0.0.1-alpha.34"
    assert newest.published_at == datetime(2025, 12, 12, 18, 30, 16, tzinfo=UTC)
    assert len({r.tool_id for r in releases if r.is_ai_tool}) <= 1  # every release is the same tool

    nemotron = by_title(engine, ollama, "NVIDIA Nemotron 3.5 Lightning")
    assert nemotron.url == "https://ollama.com/blog/nemotron-3-5-lightning"
    assert nemotron.published_at == datetime(2026, 8, 11, tzinfo=UTC)
    assert nemotron.is_ai_tool and tool_of(engine, nemotron).name == "NVIDIA Nemotron 3.5 Lightning"

    quote = by_title(engine, cyrillic, "Цитата #17703")
    assert quote.url == "http://ibash.org.ru/quote.php?id=17703"  # a parameter that is not tracking stays
    assert quote.published_at == datetime(2018, 3, 21, 7, 27, 32, tzinfo=UTC)  # +0300 in the feed

    heise = launches_of(engine, rdf.name)
    assert len(heise) == 60 and all(launch.published_at is None for launch in heise)  # RSS 0.90: no dates
    ibm = by_title(engine, rdf, "Mega-Deal: IBM übernimmt Red Hat")
    assert ibm.url == "https://www.heise.de/newsticker/meldung/Mega-Deal-IBM-uebernimmt-Red-Hat-4205582.html"


# --- two snapshots of one feed, as two sources ---------------------------------------------------


def entry_ids(path: Path) -> set[str]:
    return {entry.id for entry in feedparser.parse(path.read_bytes()).entries}


def test_two_snapshots_a_day_apart_share_their_tools(engine, shared_dir, feed_server):
    monday = source_for(feed_server, shared_dir, PH_DAY_1, name="ph-monday")
    tuesday = source_for(feed_server, shared_dir, PH_DAY_2, name="ph-tuesday")
    assert ingest(engine, monday).new_launches == 61
    second = ingest(engine, tuesday)
    assert second.new_launches == 74  # another source: its launches are its own
    assert second.new_tools < sum(launch.is_ai_tool for launch in launches_of(engine, tuesday.name))

    feeds = shared_dir / "fixtures" / "feeds"
    overlap = entry_ids(feeds / PH_DAY_1) & entry_ids(feeds / PH_DAY_2)
    assert len(overlap) == 49
    ai_products = 0
    with Session(engine) as session:
        for guid in sorted(overlap):
            rows = session.exec(select(Launch.tool_name, Launch.tool_id, Launch.is_ai_tool)
                                .where(Launch.guid == guid)).all()
            assert len(rows) == 2 and len({name for name, _, _ in rows}) == 1, rows
            tool_ids = {tool_id for _, tool_id, _ in rows}
            if rows[0].is_ai_tool:
                ai_products += 1
                assert len(tool_ids) == 1 and None not in tool_ids, f"{rows[0].tool_name}: {tool_ids}"
            else:
                assert tool_ids == {None}, rows
        used = set(session.exec(select(Launch.tool_id).where(col(Launch.tool_id).is_not(None))).all())
    assert 0 < ai_products < 49  # the snapshots hold AI tools and other products
    assert count(engine, Tool) == len(used) < count(engine, Launch)
