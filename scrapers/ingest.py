"""The ingest stage for one source: fetch, parse, store new launches, resolve tools, keep facts."""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass

import httpx
from sqlalchemy.engine import Engine
from sqlmodel import Session

from db import queries
from db.engine import session_scope
from db.models import Fact, Launch, Source, Tool, utcnow
from scrapers.facts import extract_facts
from scrapers.feeds import ParseError, parse_feed
from scrapers.fetch import FetchError, FetchResult, fetch
from scrapers.records import FactRecord, LaunchRecord
from scrapers.resolve import KnownTool, product_domain, resolve
from scrapers.sources import SourceConfig

log = logging.getLogger(__name__)
DEFAULT_CATEGORY = "AI Tools"


@dataclass(frozen=True)
class SourceSummary:
    """What one source's run did: fetched / not_modified / failed, and what it stored."""

    source: str
    status: str
    new_launches: int = 0
    duplicates: int = 0
    new_tools: int = 0
    error: str | None = None

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def ingest_source(source: SourceConfig, *, engine: Engine, client: httpx.Client) -> SourceSummary:
    """Run the stage for one source; failures are recorded on the source, never raised."""
    with session_scope(engine) as session:
        row = queries.get_or_create_source(session, name=source.name, kind=source.kind, url=source.url)
        etag, last_modified = row.etag, row.last_modified
    try:
        result = fetch(source, client=client, etag=etag, last_modified=last_modified)
        if result.not_modified:
            return _record(engine, source, SourceSummary(source.name, "not_modified"), result)
        records = parse_feed(result.body, source=source.name)
    except (FetchError, ParseError) as exc:
        log.warning("source %s failed: %s", source.name, exc)
        return _record(engine, source, SourceSummary(source.name, "failed", error=str(exc)), None)
    with session_scope(engine) as session:
        summary = store_launches(session, source=source, records=records)
    return _record(engine, source, summary, result)


def store_launches(
    session: Session, *, source: SourceConfig, records: list[LaunchRecord]
) -> SourceSummary:
    """Store the launches not seen before at this source; resolve each to a tool."""
    row = queries.get_or_create_source(session, name=source.name, kind=source.kind, url=source.url)
    assert row.id is not None
    seen = queries.existing_guids(session, source_id=row.id, guids=(r.guid for r in records))
    known = [KnownTool(t.id, t.name, t.domain) for t in queries.all_tools(session) if t.id]
    new = duplicates = new_tools = 0
    for record in records:
        if record.guid in seen:
            duplicates += 1
            continue
        seen.add(record.guid)
        launch = _launch_row(row.id, record)
        if record.is_ai_tool:
            tool, created = _tool_for(session, record, known, source.category)
            launch.tool_id = tool.id
            new_tools += created
        session.add(launch)
        session.flush()
        if launch.tool_id is not None:
            _keep_facts(session, tool_id=launch.tool_id, launch=launch, record=record)
        new += 1
    return SourceSummary(source.name, "fetched", new, duplicates, new_tools)


def _launch_row(source_id: int, record: LaunchRecord) -> Launch:
    return Launch(
        source_id=source_id,
        guid=record.guid,
        url=record.url,
        title=record.title,
        tool_name=record.tool_name,
        tagline=record.tagline,
        summary=record.summary,
        published_at=record.published_at,
        is_ai_tool=record.is_ai_tool,
    )


def _tool_for(
    session: Session, record: LaunchRecord, known: list[KnownTool], category: str | None
) -> tuple[Tool, bool]:
    tool_id = resolve(record.tool_name, record.url, known)
    if tool_id is not None:
        tool = queries.get_tool(session, tool_id=tool_id)
        _fill_blanks(tool, record)
        return tool, False
    tool = Tool(
        name=record.tool_name,
        slug=queries.unique_slug(session, name=record.tool_name),
        domain=product_domain(record.url),
        url=record.url,
        category=category,
    )
    _fill_blanks(tool, record)
    session.add(tool)
    session.flush()
    assert tool.id is not None
    known.append(KnownTool(tool.id, tool.name, tool.domain))
    return tool, True


def _fill_blanks(tool: Tool, record: LaunchRecord) -> None:
    tool.tagline = tool.tagline or record.tagline
    tool.domain = tool.domain or product_domain(record.url)
    if record.summary and len(record.summary) > len(tool.description or ""):
        tool.description = record.summary


def _keep_facts(session: Session, *, tool_id: int, launch: Launch, record: LaunchRecord) -> None:
    text = " ".join(part for part in (record.title, record.tagline, record.summary) if part)
    have = {(f.kind, f.value) for f in queries.facts_of(session, tool_id=tool_id)}
    tool = queries.get_tool(session, tool_id=tool_id)
    for fact in extract_facts(text, title=record.title, url=record.url):
        if (fact.kind, fact.value) not in have:
            have.add((fact.kind, fact.value))
            session.add(Fact(tool_id=tool_id, launch_id=launch.id, kind=fact.kind,
                             value=fact.value[:500], snippet=fact.snippet))
        _apply_fact(tool, fact)
    tool.category = tool.category or DEFAULT_CATEGORY


def _apply_fact(tool: Tool, fact: FactRecord) -> None:
    if fact.kind == "vendor" and not tool.vendor:
        tool.vendor = fact.value[:200]
    elif fact.kind == "category" and (not tool.category or tool.category == DEFAULT_CATEGORY):
        tool.category = fact.value[:100]
    elif fact.kind == "pricing_model" and not tool.pricing_model:
        tool.pricing_model = fact.value[:40]


def _record(
    engine: Engine, source: SourceConfig, summary: SourceSummary, result: FetchResult | None
) -> SourceSummary:
    with session_scope(engine) as session:
        row = queries.get_or_create_source(session, name=source.name, kind=source.kind, url=source.url)
        _update_source_row(row, summary, result)
    return summary


def _update_source_row(row: Source, summary: SourceSummary, result: FetchResult | None) -> None:
    row.last_fetched_at = utcnow()
    row.last_status = summary.status
    if summary.status == "failed":
        row.last_error = summary.error
        row.error_count += 1
        return
    row.last_error = None
    row.error_count = 0
    if result is not None:
        row.etag, row.last_modified = result.etag, result.last_modified
