"""The ingest stage for one source: when due, fetch, parse, store new launches, resolve tools,
keep facts; every outcome recorded on the source, none raised."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from typing import Any

import httpx
from sqlalchemy import insert
from sqlalchemy.engine import Engine
from sqlmodel import Session

from db import queries
from db.engine import session_scope
from db.models import Launch, Tool, utcnow
from scrapers.facts import extract_facts
from scrapers.feeds import FeedReading, ParseError, read_feed
from scrapers.fetch import FetchError, FetchPolicy, FetchResult, fetch
from scrapers.pages import parse_page
from scrapers.records import FactRecord, LaunchRecord
from scrapers.resolve import KnownTool, ToolIndex, product_domain
from scrapers.robots import RobotsCache
from scrapers.schedule import SchedulePolicy, after_failure, after_success, is_due
from scrapers.sources import SourceConfig

log = logging.getLogger(__name__)
DEFAULT_CATEGORY = "AI Tools"


@dataclass(frozen=True)
class SourceSummary:
    """What one source's run did: fetched / not_modified / skipped / failed, and what it stored."""

    source: str
    status: str
    new_launches: int = 0
    duplicates: int = 0
    new_tools: int = 0
    error: str | None = None
    next_fetch_at: str | None = None

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class IngestOptions:
    """How politely to fetch and how often; `force` fetches a source even when it is not due."""

    fetch: FetchPolicy = field(default_factory=FetchPolicy)
    schedule: SchedulePolicy = field(default_factory=SchedulePolicy)
    force: bool = False


Parser = Callable[[SourceConfig, FetchResult], FeedReading]


def _parse_feed_source(source: SourceConfig, result: FetchResult) -> FeedReading:
    return read_feed(result.body, source=source.name, content_type=result.content_type)


def _parse_page_source(source: SourceConfig, result: FetchResult) -> FeedReading:
    assert source.selectors is not None  # the sources file refuses a page without selectors
    return FeedReading(parse_page(result.body, source=source.name, base_url=result.url or source.url,
                                  selectors=source.selectors, content_type=result.content_type))


# Fetching and parsing run in parallel; resolving launches to tools and storing them does not, or
# two sources naming one new product at once would create it twice. This lock serialises the
# threads of one process; `lock_tool_resolution` serialises processes on PostgreSQL.
STORE_LOCK = threading.Lock()

PARSERS: dict[str, Parser] = {"feed": _parse_feed_source, "page": _parse_page_source}
ROBOTS = RobotsCache()


def _ensure_robots_allow(source: SourceConfig, client: httpx.Client, policy: FetchPolicy) -> FetchPolicy:
    """The fetch policy for a page source once robots.txt allows it (its Crawl-delay honoured);
    FetchError when robots.txt disallows it. Feeds and local files are not scraped pages."""
    if source.kind != "page" or source.is_local:
        return policy
    agent = client.headers.get("User-Agent", "*")
    if not ROBOTS.allowed(source.url, user_agent=agent, client=client):
        raise FetchError(f"robots.txt disallows {source.url} for our user agent")
    delay = ROBOTS.crawl_delay(source.url, agent)
    return replace(policy, host_gap=max(policy.host_gap, delay)) if delay else policy


def ingest_source(
    source: SourceConfig, *, engine: Engine, client: httpx.Client,
    options: IngestOptions | None = None, now: datetime | None = None,
) -> SourceSummary:
    """Run the stage for one source; failures are recorded on the source, never raised.

    `now` (default: the clock) decides what is due and when to fetch next; launches and tools
    are stamped with the moment they are stored, so ids and first-seen times agree."""
    fetched = fetch_source(source, engine=engine, client=client, options=options, now=now)
    return fetched if isinstance(fetched, SourceSummary) else store_fetched(fetched, engine=engine)


def ingest_many(
    sources: Sequence[SourceConfig], *, engine: Engine, client: httpx.Client,
    options: IngestOptions | None = None, workers: int = 8,
) -> list[SourceSummary]:
    """Run the stage for many sources: fetched and parsed several at once (the per-host gate
    keeps that polite), then stored one by one in their order, so the outcome never depends on
    which server answered first."""
    def one(source: SourceConfig) -> Fetched | SourceSummary:
        return fetch_source(source, engine=engine, client=client, options=options)

    with ThreadPoolExecutor(max_workers=max(workers, 1), thread_name_prefix="ingest") as pool:
        fetched = list(pool.map(one, sources))
    return [f if isinstance(f, SourceSummary) else store_fetched(f, engine=engine) for f in fetched]


@dataclass(frozen=True)
class Fetched:
    """A source fetched and parsed, waiting to be stored."""

    source: SourceConfig
    source_id: int
    result: FetchResult
    reading: FeedReading
    now: datetime
    next_fetch_at: datetime
    stamp: datetime | None  # the stored rows' time when the caller fixed the clock


def fetch_source(
    source: SourceConfig, *, engine: Engine, client: httpx.Client,
    options: IngestOptions | None = None, now: datetime | None = None,
) -> Fetched | SourceSummary:
    """The source fetched and parsed, or the summary of why not (skipped, or a recorded failure)."""
    options = options or IngestOptions()
    stamp, now = now, now or utcnow()
    with session_scope(engine) as session:
        row = queries.get_or_create_source(session, name=source.name, kind=source.kind, url=source.url)
        source_id, error_count = row.id or 0, row.error_count
        etag, last_modified, due_at = row.etag, row.last_modified, row.next_fetch_at
    if not options.force and not is_due(due_at, now):
        return SourceSummary(source.name, "skipped", next_fetch_at=_iso(due_at))
    try:
        policy = _ensure_robots_allow(source, client, options.fetch)
        result = fetch(source, client=client, etag=etag, last_modified=last_modified, policy=policy)
        reading = FeedReading([]) if result.not_modified else PARSERS[source.kind](source, result)
    except (FetchError, ParseError) as exc:
        log.warning("source %s failed: %s", source.name, exc)
        retry_after = exc.retry_after if isinstance(exc, FetchError) else None
        next_at = after_failure(now, policy=options.schedule, error_count=error_count + 1,
                                retry_after=retry_after)
        with session_scope(engine) as session:
            queries.record_source_failure(session, source_id=source_id, at=now, error=str(exc),
                                          next_fetch_at=next_at)
        return SourceSummary(source.name, "failed", error=str(exc), next_fetch_at=_iso(next_at))
    next_at = after_success(now, policy=options.schedule, max_age=result.max_age,
                            ttl_minutes=reading.ttl_minutes)
    return Fetched(source, source_id, result, reading, now, next_at, stamp)


def store_fetched(fetched: Fetched, *, engine: Engine) -> SourceSummary:
    """Store what a fetch brought and note it on the source; the summary of both."""
    status = "not_modified" if fetched.result.not_modified else "fetched"
    with STORE_LOCK, session_scope(engine) as session:
        if fetched.reading.records:
            queries.lock_tool_resolution(session)
        counts = store_launches(session, source=fetched.source, source_id=fetched.source_id,
                                records=fetched.reading.records, now=fetched.stamp or utcnow())
        # A feed read in spite of errors is stored, and the reason kept on the source.
        queries.record_source_success(
            session, source_id=fetched.source_id, at=fetched.now, status=status,
            etag=fetched.result.etag, last_modified=fetched.result.last_modified,
            next_fetch_at=fetched.next_fetch_at, warning=fetched.reading.warning)
    return SourceSummary(fetched.source.name, status, *counts, next_fetch_at=_iso(fetched.next_fetch_at))


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


# --- storing -------------------------------------------------------------------------------------


def store_launches(
    session: Session, *, source: SourceConfig, source_id: int, records: Sequence[LaunchRecord],
    now: datetime | None = None,
) -> tuple[int, int, int]:
    """Store the launches this source has not stored before; return (new, duplicates, new tools).

    Set-based: new tools, launches and facts are each inserted in one statement."""
    now = now or utcnow()
    if not records:
        return 0, 0, 0
    fresh = _unseen(session, source_id, records)
    duplicates = len(records) - len(fresh)
    if not fresh:
        return 0, duplicates, 0
    batch = _ToolBatch(session, default_category=source.category)
    facts = [_facts_of(record) if record.is_ai_tool else [] for record in fresh]
    targets = [batch.resolve(r, f) if r.is_ai_tool else None for r, f in zip(fresh, facts, strict=True)]
    tool_ids = batch.insert_new(now)
    rows = [_launch_row(source_id, record, now, tool_ids.get(id(target)) if target else None)
            for record, target in zip(fresh, targets, strict=True)]
    connection = session.connection()
    connection.execute(insert(Launch.__table__), rows)  # type: ignore[attr-defined]
    by_guid = queries.launch_ids_by_guid(session, source_id=source_id, guids=[r["guid"] for r in rows])
    launch_ids = [by_guid[row["guid"]] for row in rows]
    fact_rows = batch.new_fact_rows(
        (tool_ids[id(target)], launch_id, found)
        for target, launch_id, found in zip(targets, launch_ids, facts, strict=True)
        if target is not None
    )
    queries.insert_facts(session, rows=fact_rows)
    return len(fresh), duplicates, len(batch.new)


def _unseen(session: Session, source_id: int, records: Sequence[LaunchRecord]) -> list[LaunchRecord]:
    """Records whose GUID (or canonical URL) the source has not stored, each once."""
    seen_guids = queries.existing_guids(session, source_id=source_id, guids=(r.guid for r in records))
    seen_urls = queries.existing_urls(session, source_id=source_id,
                                      urls=(r.url for r in records if r.url))
    fresh = []
    for record in records:
        if record.guid in seen_guids or (record.url and record.url in seen_urls):
            continue
        seen_guids.add(record.guid)
        if record.url:
            seen_urls.add(record.url)
        fresh.append(record)
    return fresh


def _facts_of(record: LaunchRecord) -> list[FactRecord]:
    text = " ".join(part for part in (record.title, record.tagline, record.summary) if part)
    return extract_facts(text, title=record.title, url=record.url)


def _launch_row(source_id: int, record: LaunchRecord, now: datetime, tool_id: int | None) -> dict[str, Any]:
    return {
        "source_id": source_id, "tool_id": tool_id, "guid": record.guid, "url": record.url,
        "title": record.title, "tool_name": record.tool_name, "tagline": record.tagline,
        "summary": record.summary, "published_at": record.published_at, "fetched_at": now,
        "is_ai_tool": record.is_ai_tool,
    }


@dataclass
class _NewTool:
    """A tool first seen in this batch: a plain record until the batch inserts it (ORM objects
    cost more to build than everything else done for a launch)."""

    name: str
    domain: str | None
    url: str | None
    category: str | None
    tagline: str | None = None
    description: str | None = None
    vendor: str | None = None
    pricing: str | None = None
    pricing_model: str | None = None


class _ToolBatch:
    """Resolves a batch of launches to tools: stored ones are updated, new ones inserted together."""

    def __init__(self, session: Session, *, default_category: str | None) -> None:
        self.session = session
        self.default_category = default_category
        self.stored: dict[int, Tool] = {}
        self.new: list[_NewTool] = []
        self.index = ToolIndex()
        for tool_id, name, domain in queries.tool_keys(session):
            self.index.add(KnownTool(tool_id, name, domain))

    def resolve(self, record: LaunchRecord, facts: list[FactRecord]) -> Tool | _NewTool:
        """The tool of `record` (stored or new), its blanks filled from the record and facts."""
        handle = self.index.find(record.tool_name, record.url)
        tool: Tool | _NewTool
        if handle is None:
            tool = _NewTool(name=record.tool_name, domain=product_domain(record.url),
                            url=record.url, category=self.default_category)
            self.new.append(tool)
            self.index.add(KnownTool(-len(self.new), tool.name, tool.domain))
        elif handle < 0:
            tool = self.new[-handle - 1]
        else:
            tool = self.stored.get(handle) or queries.get_tool(self.session, tool_id=handle)
            self.stored[handle] = tool
        _fill_blanks(tool, record)
        for fact in facts:
            _apply_fact(tool, fact)
        tool.category = tool.category or DEFAULT_CATEGORY
        return tool

    def insert_new(self, now: datetime) -> dict[int, int]:
        """Insert the new tools; return every tool's id keyed by the object's identity."""
        ids = {id(tool): tool.id for tool in self.stored.values() if tool.id is not None}
        if not self.new:
            return ids
        slugs = queries.unique_slugs(self.session, names=[tool.name for tool in self.new])
        rows = [_tool_row(tool, slug, now) for tool, slug in zip(self.new, slugs, strict=True)]
        # executemany, then ids by unique slug: RETURNING in parameter order costs a round trip a row
        self.session.connection().execute(insert(Tool.__table__), rows)  # type: ignore[attr-defined]
        by_slug = queries.tool_ids_by_slug(self.session, slugs=slugs)
        ids.update((id(tool), by_slug[slug]) for tool, slug in zip(self.new, slugs, strict=True))
        return ids

    def new_fact_rows(
        self, found: Iterable[tuple[int, int, list[FactRecord]]]
    ) -> list[tuple[int, int, str, str, str]]:
        """(tool id, launch id, kind, value, snippet) of the facts not yet stored, each once."""
        pending = list(found)
        have = queries.fact_keys(self.session, tool_ids={tool_id for tool_id, _, _ in pending})
        rows = []
        for tool_id, launch_id, facts in pending:
            for fact in facts:
                key = (tool_id, fact.kind, fact.value[:500])
                if key not in have:
                    have.add(key)
                    rows.append((tool_id, launch_id, fact.kind, fact.value[:500], fact.snippet))
        return rows


def _tool_row(tool: _NewTool, slug: str, now: datetime) -> dict[str, Any]:
    return {
        "name": tool.name[:300], "slug": slug, "domain": tool.domain, "url": tool.url,
        "tagline": tool.tagline, "description": tool.description, "vendor": tool.vendor,
        "category": tool.category, "pricing": tool.pricing, "pricing_model": tool.pricing_model,
        "first_seen_at": now,
    }


def _fill_blanks(tool: Tool | _NewTool, record: LaunchRecord) -> None:
    tool.tagline = tool.tagline or record.tagline
    tool.domain = tool.domain or product_domain(record.url)
    if record.summary and len(record.summary) > len(tool.description or ""):
        tool.description = record.summary


def _apply_fact(tool: Tool | _NewTool, fact: FactRecord) -> None:
    if fact.kind == "vendor" and not tool.vendor:
        tool.vendor = fact.value[:200]
    elif fact.kind == "category" and (not tool.category or tool.category == DEFAULT_CATEGORY):
        tool.category = fact.value[:100]
    elif fact.kind == "pricing_model" and not tool.pricing_model:
        tool.pricing_model = fact.value[:40]
