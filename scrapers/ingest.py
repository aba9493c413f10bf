"""The ingest stage for one source: when due, fetch, parse, store new launches, resolve tools,
keep facts; every outcome recorded on the source, none raised."""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import nullcontext
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from functools import cache
from typing import Any

import httpx
from sqlalchemy.engine import Engine
from sqlmodel import Session

from db import queries
from db.engine import session_scope
from db.models import Tool, utcnow
from scrapers import isolation
from scrapers.facts import launch_facts
from scrapers.feeds import FeedReading, ParseError, read_feed
from scrapers.fetch import FetchError, FetchPolicy, FetchResult, fetch
from scrapers.hostgate import Gate
from scrapers.pages import parse_page
from scrapers.records import FactRecord, LaunchRecord
from scrapers.resolve import KnownTool, ToolIndex, maker_named, product_key
from scrapers.robots import RobotsCache
from scrapers.schedule import SchedulePolicy, after_failure, after_success, is_due
from scrapers.sources import SourceConfig
from verdicts.settings import get_settings

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
    entry_errors: int = 0  # entries skipped (recorded with their reasons), the rest stored

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class IngestOptions:
    """How politely to fetch and how often; `force` fetches a source even when it is not due."""

    fetch: FetchPolicy = field(default_factory=FetchPolicy)
    schedule: SchedulePolicy = field(default_factory=SchedulePolicy)
    force: bool = False
    gate: Gate | None = None  # one request at a time per host; default: this process's gate


Parser = Callable[[SourceConfig, FetchResult], FeedReading]


def _parse_feed_source(source: SourceConfig, result: FetchResult) -> FeedReading:
    return read_feed(result.body, source=source.name, content_type=result.content_type,
                     ai_source=source.ai)


def _parse_page_source(source: SourceConfig, result: FetchResult) -> FeedReading:
    assert source.selectors is not None  # the sources file refuses a page without selectors
    errors: list[isolation.EntryError] = []
    records = parse_page(result.body, source=source.name, base_url=result.url or source.url,
                         selectors=source.selectors, content_type=result.content_type, errors=errors)
    return FeedReading(records, errors=tuple(errors))


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
    def run() -> SourceSummary:
        fetched = fetch_source(source, engine=engine, client=client, options=options, now=now)
        return fetched if isinstance(fetched, SourceSummary) else store_fetched(fetched, engine=engine)

    freeze_loaded_objects()
    return _isolated(source, run)


def ingest_many(
    sources: Sequence[SourceConfig], *, engine: Engine, client: httpx.Client,
    options: IngestOptions | None = None, workers: int = 8,
    on_fetched: Callable[[str, str], None] | None = None,
    on_stored: Callable[[SourceSummary], None] | None = None,
) -> list[SourceSummary]:
    """Run the stage for many sources: fetched and parsed several at once (the per-host gate
    keeps that polite), then stored one by one in their order, so the outcome never depends on
    which server answered first. `on_fetched` and `on_stored` hear of each source's progress
    (`on_fetched` with what the fetch came to: see `fetch_outcome`)."""
    def one(source: SourceConfig) -> Fetched | SourceSummary:
        fetched = _isolated(source, lambda: fetch_source(source, engine=engine, client=client,
                                                         options=options))
        if on_fetched:
            on_fetched(source.name, fetch_outcome(fetched))
        return fetched

    def store(fetched: Fetched | SourceSummary) -> SourceSummary:
        summary = fetched if isinstance(fetched, SourceSummary) else _isolated(
            fetched.source, lambda: store_fetched(fetched, engine=engine))
        if on_stored:
            on_stored(summary)
        return summary

    freeze_loaded_objects()
    with ThreadPoolExecutor(max_workers=max(workers, 1), thread_name_prefix="ingest") as pool:
        fetched = list(pool.map(one, sources))
    return [store(f) for f in fetched]


def fetch_outcome(fetched: Fetched | SourceSummary) -> str:
    """What fetching a source came to, in a word or two: fetched, not modified, not due, failed."""
    if isinstance(fetched, SourceSummary):
        return "not due" if fetched.status == "skipped" else fetched.status
    return "not modified" if fetched.result.not_modified else "fetched"


@cache
def freeze_loaded_objects() -> None:
    """Leave what the process has loaded by its first ingest (modules, compiled rules, the ORM's
    and Prefect's objects: some 150,000) out of the collector's full passes, once per process.

    Why: a source's entries leave thousands of objects alive at once (records, facts, rows), and
    that sets off full collections, each of which walked every loaded object: a single one cost
    100 ms of a 400 ms stage (bench/ingest.py). Garbage is collected first, so nothing is frozen
    but what is alive; what is loaded later is collected as usual."""
    gc.collect()
    gc.freeze()


def _isolated(source: SourceConfig, run: Callable[[], Any]) -> Any:
    """What `run` returns, or a failed summary when it raised: a bug or an outage met while
    ingesting one source is that source's failure, never the run's."""
    try:
        return run()
    except Exception as exc:  # noqa: BLE001
        log.exception("source %s: unexpected error", source.name)
        return SourceSummary(source.name, "failed", error=f"unexpected error: {isolation.reason_of(exc)}")


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
    error_count: int = 0  # failures in a row before this fetch
    options: IngestOptions | None = None


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
        log.info("source %s: not due until %s", source.name, due_at)
        return SourceSummary(source.name, "skipped", next_fetch_at=_iso(due_at))
    try:
        policy = _ensure_robots_allow(source, client, options.fetch)
        result = fetch(source, client=client, etag=etag, last_modified=last_modified, policy=policy,
                       gate=options.gate)
        reading = FeedReading([]) if result.not_modified else PARSERS[source.kind](source, result)
    except Exception as exc:  # noqa: BLE001  (whatever went wrong, it is this source's failure)
        known = isinstance(exc, FetchError | ParseError)
        error = str(exc) if known else f"cannot read the source: {isolation.reason_of(exc)}"
        log.warning("source %s failed: %s", source.name, error, exc_info=not known)
        retry_after = exc.retry_after if isinstance(exc, FetchError) else None
        next_at = _record_failure(engine, source_id, now, error, options, error_count, retry_after)
        return SourceSummary(source.name, "failed", error=error, next_fetch_at=_iso(next_at))
    next_at = after_success(now, policy=options.schedule, max_age=result.max_age,
                            ttl_minutes=reading.ttl_minutes)
    log.info("source %s: %s, %d entries; next fetch after %s", source.name,
             "unchanged" if result.not_modified else "fetched", reading.entry_count, next_at)
    return Fetched(source, source_id, result, reading, now, next_at, stamp, error_count, options)


def _record_failure(
    engine: Engine, source_id: int, now: datetime, error: str, options: IngestOptions,
    error_count: int, retry_after: float | None = None, entries: int = 0,
    entry_errors: Sequence[isolation.EntryError] = (),
) -> datetime:
    """Note a failed fetch (or a feed of which no entry could be stored); the next try's time."""
    next_at = after_failure(now, policy=options.schedule, error_count=error_count + 1,
                            retry_after=retry_after)
    with session_scope(engine) as session:
        queries.record_source_failure(session, source_id=source_id, at=now, error=error,
                                      next_fetch_at=next_at)
        queries.record_fetch(session, source_id=source_id, at=now, status="failed", entries=entries,
                             entry_errors=[(e.entry_id, e.step, e.reason) for e in entry_errors],
                             error=error)
    return next_at


def store_fetched(fetched: Fetched, *, engine: Engine) -> SourceSummary:
    """Store what a fetch brought and note it on the source; the summary of both.

    The launches are stored together; if that fails, one by one, each bad entry recorded with
    its reason and the rest kept. A feed none of whose entries could be stored is a failure."""
    status = "not_modified" if fetched.result.not_modified else "fetched"
    records = [isolation.storable_record(record) for record in fetched.reading.records]
    errors = list(fetched.reading.errors)
    now = fetched.stamp or utcnow()
    facts_ahead = _facts_ahead(engine, fetched.source_id, records)

    def store(batch: Sequence[LaunchRecord], session: Session | None = None) -> tuple[int, int, int]:
        with session_scope(engine) if session is None else nullcontext(session) as session:
            queries.lock_tool_resolution(session)
            return store_launches(session, source=fetched.source, source_id=fetched.source_id,
                                  records=batch, now=now, facts_ahead=facts_ahead)

    with STORE_LOCK:
        try:
            with session_scope(engine) as session:
                counts = store(records, session) if records else (0, 0, 0)
                if not errors:
                    _record_success(session, fetched, status, fetched.reading.entry_count)
                    return _summary(fetched, status, counts)
        except Exception as exc:  # noqa: BLE001  (some entry the database refuses: find which)
            log.warning("source %s: storing its entries together failed (%s); one by one now",
                        fetched.source.name, isolation.reason_of(exc))
            counts, refused = isolation.store_each(records, store)
            errors.extend(refused)
        return _after_entry_errors(fetched, engine, status, counts, errors)


def _after_entry_errors(
    fetched: Fetched, engine: Engine, status: str, counts: tuple[int, int, int],
    errors: list[isolation.EntryError],
) -> SourceSummary:
    """Note on the source a fetch with skipped entries: a success unless none could be stored."""
    total = fetched.reading.entry_count
    if total and len(errors) >= total:
        first = errors[0]
        error = f"none of the {total} entries could be stored; first: {first.entry_id}: {first.reason}"
        log.warning("source %s failed: %s", fetched.source.name, error)
        next_at = _record_failure(engine, fetched.source_id, fetched.now, error,
                                  fetched.options or IngestOptions(), fetched.error_count,
                                  entries=total, entry_errors=errors)
        return SourceSummary(fetched.source.name, "failed", error=error, next_fetch_at=_iso(next_at),
                             entry_errors=len(errors))
    for error in errors:
        log.warning("source %s: entry %s skipped at %s: %s", fetched.source.name, error.entry_id,
                    error.step, error.reason)
    with session_scope(engine) as session:
        _record_success(session, fetched, status, total, errors)
    return _summary(fetched, status, counts, len(errors))


def _record_success(
    session: Session, fetched: Fetched, status: str, entries: int,
    errors: Sequence[isolation.EntryError] = (),
) -> None:
    # A feed read in spite of errors is stored, and the reason kept on the source.
    warning = fetched.reading.warning
    if errors:
        skipped = f"{len(errors)} of {entries} entries skipped (first: {errors[0].reason})"
        warning = f"{warning}; {skipped}" if warning else skipped
    queries.record_source_success(
        session, source_id=fetched.source_id, at=fetched.now, status=status,
        etag=fetched.result.etag, last_modified=fetched.result.last_modified,
        next_fetch_at=fetched.next_fetch_at, warning=warning)
    queries.record_fetch(session, source_id=fetched.source_id, at=fetched.now, status=status,
                         entries=entries, entry_errors=[(e.entry_id, e.step, e.reason) for e in errors])


def _summary(fetched: Fetched, status: str, counts: tuple[int, int, int], errors: int = 0) -> SourceSummary:
    return SourceSummary(fetched.source.name, status, *counts, next_fetch_at=_iso(fetched.next_fetch_at),
                         entry_errors=errors)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


# --- storing -------------------------------------------------------------------------------------


def store_launches(
    session: Session, *, source: SourceConfig, source_id: int, records: Sequence[LaunchRecord],
    now: datetime | None = None, facts_ahead: Mapping[str, list[FactRecord]] | None = None,
) -> tuple[int, int, int]:
    """Store the launches this source has not stored before; return (new, duplicates, new tools).

    Set-based: new tools, launches and facts are each inserted in one statement. `facts_ahead`
    holds facts already read (by GUID; see `_facts_ahead`); the rest are read by the rules here."""
    now = now or utcnow()
    if not records:
        return 0, 0, 0
    fresh = _unseen(session, source_id, records)
    duplicates = len(records) - len(fresh)
    if not fresh:
        return 0, duplicates, 0
    batch = _ToolBatch(session, default_category=source.category)
    facts = [_facts_of(record, facts_ahead or {}) if record.kind != "other" else [] for record in fresh]
    targets = [batch.resolve(r, f, create=makes_tool(r)) if r.kind != "other" else None
               for r, f in zip(fresh, facts, strict=True)]
    tool_ids = batch.insert_new(now)
    rows = [_launch_row(source_id, record, now, tool_ids.get(id(target)) if target else None)
            for record, target in zip(fresh, targets, strict=True)]
    queries.insert_launches(session, rows=rows)
    by_guid = queries.launch_ids_by_guid(session, source_id=source_id, guids=[r["guid"] for r in rows])
    launch_ids = [by_guid[row["guid"]] for row in rows]
    fact_rows = batch.new_fact_rows(
        (tool_ids[id(target)], launch_id, found)
        for target, launch_id, found in zip(targets, launch_ids, facts, strict=True)
        if target is not None
    )
    queries.insert_facts(session, rows=fact_rows)
    return len(fresh), duplicates, len(batch.new)


def makes_tool(record: LaunchRecord) -> bool:
    """Whether the entry makes a tool: a launch or release of an AI product. A launch or release
    not read as AI only updates a tool already known ("Studio 1.1: inline diffs" says no more);
    every other entry is stored without a tool, and `verdicts tools skipped` shows it."""
    return record.kind != "other" and record.is_ai_tool


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


def _facts_of(record: LaunchRecord, ahead: Mapping[str, list[FactRecord]]) -> list[FactRecord]:
    found = ahead.get(record.guid)
    return found if found is not None else launch_facts(record)


def _facts_ahead(
    engine: Engine, source_id: int, records: Sequence[LaunchRecord],
) -> dict[str, list[FactRecord]]:
    """With the `llm` extractor, the facts of the launches not stored yet, one call each, asked
    before any transaction opens: a model can take seconds, and no transaction (nor the tool
    resolution lock) may wait on it. {} with the rules, which read facts while storing."""
    settings = get_settings()
    if settings.fact_extractor != "llm" or not records:
        return {}
    from scrapers.facts.llm import LLMFacts  # imported only where a model is asked
    from verdicts.llm import ChatClient, LLMError

    try:
        extractor = LLMFacts(ChatClient(settings.llm_config()))
    except LLMError as exc:
        log.warning("fact extractor llm: %s; the rules extract instead", exc)
        return {}
    with session_scope(engine) as session:
        fresh = _unseen(session, source_id, records)
    return {record.guid: extractor.facts_of(record) for record in fresh if record.kind != "other"}


def _launch_row(source_id: int, record: LaunchRecord, now: datetime, tool_id: int | None) -> dict[str, Any]:
    return {
        "source_id": source_id, "tool_id": tool_id, "guid": record.guid, "url": record.url,
        "title": record.title, "tool_name": record.tool_name, "tagline": record.tagline,
        "summary": record.summary, "published_at": record.published_at, "fetched_at": now,
        "is_ai_tool": record.is_ai_tool, "kind": record.kind,
        "skip_reason": None if tool_id else (record.skip_reason or "not an AI tool")[:40],
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
        for tool_id, name, domain, vendor in queries.tool_keys(session):
            self.index.add(KnownTool(tool_id, name, domain))
            for named in maker_named(name, vendor):
                self.index.add(KnownTool(tool_id, named, domain))

    def resolve(self, record: LaunchRecord, facts: list[FactRecord], *, create: bool = True
                ) -> Tool | _NewTool | None:
        """The tool of `record` (stored, or new when `create`), its blanks filled from the record
        and facts; None when there is none to update and `create` is false."""
        site = record.product_url or record.url
        maker = next((f.value for f in facts if f.kind == "vendor" and not f.negated), None)
        named = maker_named(record.tool_name, maker)
        handle = self.index.find(record.tool_name, site)
        for alias in named if handle is None else ():
            if (handle := self.index.find(alias, None)) is not None:
                break
        tool: Tool | _NewTool
        if handle is None and not create:
            return None
        if handle is None:
            tool = _NewTool(name=record.tool_name, domain=product_key(site),
                            url=record.product_url or record.url, category=self.default_category)
            self.new.append(tool)
            handle = -len(self.new)
        elif handle < 0:
            tool = self.new[-handle - 1]
        else:
            tool = self.stored.get(handle) or queries.get_tool(self.session, tool_id=handle)
            self.stored[handle] = tool
        _fill_blanks(tool, record)
        # under its name as this source writes it, and its site once one entry gives it
        self.index.add(KnownTool(handle, record.tool_name, tool.domain))
        for alias in named:
            self.index.add(KnownTool(handle, alias, tool.domain))
        for fact in facts:
            if fact.kind in _TOOL_FIELD_KINDS:  # most kinds (licence, hardware, ...) fill no field
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
        # inserted, then their ids read by unique slug: RETURNING gives its rows in no promised
        # order, and costs SQLite more than the read (bench/ingest.py)
        queries.insert_tools(self.session, rows=rows)
        by_slug = queries.tool_ids_by_slug(self.session, slugs=slugs)
        ids.update((id(tool), by_slug[slug]) for tool, slug in zip(self.new, slugs, strict=True))
        return ids

    def new_fact_rows(
        self, found: Iterable[tuple[int, int, list[FactRecord]]]
    ) -> list[tuple[int, int, str, str, str, bool]]:
        """(tool id, launch id, kind, value, snippet, negated) of the facts not yet stored, each once."""
        pending = list(found)
        # only a stored tool can have facts yet: a new one was inserted by this batch, its facts not
        stored_ids = {tool.id for tool in self.stored.values()}
        have = queries.fact_keys(self.session,
                                 tool_ids={tool_id for tool_id, _, _ in pending if tool_id in stored_ids})
        rows = []
        for tool_id, launch_id, facts in pending:
            for fact in facts:
                kind, value = fact.kind, fact.value[:500]
                key = (tool_id, kind, value)
                if key not in have:
                    have.add(key)
                    rows.append((tool_id, launch_id, kind, value, fact.snippet, fact.negated))
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
    tool.domain = tool.domain or product_key(record.product_url or record.url)
    if record.product_url and not product_key(tool.url):
        tool.url = record.product_url  # the product's own site, rather than a listing
    if record.summary and len(record.summary) > len(tool.description or ""):
        tool.description = record.summary


_TOOL_FIELD_KINDS = frozenset({"vendor", "category", "pricing_model"})  # the kinds _apply_fact uses


def _apply_fact(tool: Tool | _NewTool, fact: FactRecord) -> None:
    if fact.negated:  # "not open source" says what the tool is not, never what it is
        return
    if fact.kind == "vendor" and not tool.vendor:
        tool.vendor = fact.value[:200]
    elif fact.kind == "category" and (not tool.category or tool.category == DEFAULT_CATEGORY):
        tool.category = fact.value[:100]
    elif fact.kind == "pricing_model" and not tool.pricing_model:
        tool.pricing_model = fact.value[:40]
