"""The week's stages as plain functions: the CLI and the Prefect flows call these and only these."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from sqlalchemy.engine import Engine

from db import queries
from db.engine import ensure_current, get_engine, session_scope
from db.states import IssueStatus
from editorial.compose import ComposeResult, PairingOptions, compose_week
from editorial.issues import Preview, render_and_store
from editorial.panel import load_briefs, make_panel
from editorial.review import ReviewTally
from emails.delivery import make_backend
from emails.publish import SendInProgress, SendProgress, SendSummary, TestSend, send_issue
from emails.publish import send_test as emails_send_test
from scrapers.fetch import FetchPolicy, make_client
from scrapers.ingest import IngestOptions, SourceSummary, ingest_many, ingest_source
from scrapers.schedule import SchedulePolicy
from scrapers.sources import SourceConfig, load_sources
from verdicts.production import ensure_secret
from verdicts.settings import Settings

log = logging.getLogger(__name__)


def engine_for(settings: Settings) -> Engine:
    """The settings' database engine, refusing one whose migrations are not applied."""
    engine = get_engine(settings.resolved_database_url())
    ensure_current(engine)
    return engine


def configured_sources(settings: Settings, sources_file: Path | None = None) -> list[SourceConfig]:
    """The enabled sources of `sources_file` (default: the settings'); SourcesFileError if invalid."""
    return load_sources(sources_file or settings.sources_file)


def ingest_options(settings: Settings, *, force: bool = False) -> IngestOptions:
    """The operator's politeness and scheduling settings as ingest options."""
    return IngestOptions(
        fetch=FetchPolicy(
            host_gap=settings.host_gap_seconds,
            attempts=settings.fetch_attempts,
            retry_wait=settings.fetch_retry_wait_seconds,
            max_seconds=settings.fetch_timeout_seconds * 3,
        ),
        schedule=SchedulePolicy(
            min_interval=timedelta(minutes=settings.min_fetch_interval_minutes),
            max_interval=timedelta(hours=settings.max_fetch_interval_hours),
            backoff_base=timedelta(minutes=settings.backoff_base_minutes),
        ),
        force=force,
    )


def ingest_one(source: SourceConfig, settings: Settings, *, force: bool = False) -> SourceSummary:
    """Ingest one source if it is due (or `force`); its failure is in the summary, never raised."""
    with make_client(user_agent=settings.user_agent, timeout=settings.fetch_timeout_seconds) as client:
        return ingest_source(source, engine=engine_for(settings), client=client,
                             options=ingest_options(settings, force=force))


def ingest_all(
    settings: Settings, sources_file: Path | None = None, *, force: bool = False
) -> list[SourceSummary]:
    """Ingest every configured source, several at a time (the flow fans out into tasks instead)."""
    sources = configured_sources(settings, sources_file)
    with make_client(user_agent=settings.user_agent, timeout=settings.fetch_timeout_seconds) as client:
        return ingest_many(sources, engine=engine_for(settings), client=client,
                           options=ingest_options(settings, force=force), workers=settings.ingest_workers)


@dataclass(frozen=True)
class ComposeOutcome:
    result: ComposeResult
    preview: Preview


def pairing_options(settings: Settings) -> PairingOptions:
    """The operator's pairing settings; with an embedding model configured, its embedder."""
    embedder = None
    if settings.pairing_embedding_model and settings.llm_base_url:
        from editorial.embeddings import endpoint_embedder

        embedder = endpoint_embedder(settings.llm_config(settings.pairing_embedding_model))
    return PairingOptions(min_score=settings.pairing_min_score, recent_weeks=settings.pairing_recent_weeks,
                          opponent_min_score=settings.pairing_opponent_min_score, embedder=embedder)


def compose(settings: Settings, week: str) -> ComposeOutcome:
    """The week's draft issue, composed and rendered to its preview files; NothingToCompose (no
    draft) when no pair is worth making."""
    panel = make_panel(settings.panel_provider, settings)
    briefs = load_briefs(settings.resolved_personas_dir())
    with session_scope(engine_for(settings)) as session:
        result = compose_week(session, week=week, panel=panel, briefs=briefs,
                              limit=settings.comparisons_per_issue, options=pairing_options(settings))
        issue = queries.get_issue(session, issue_id=result.issue_id)
        preview = render_and_store(session, issue=issue, settings=settings)
    return ComposeOutcome(result, preview)


def review(settings: Settings, week: str, *, tool_ids: list[int] | None = None) -> ReviewTally:
    """Review the tools that landed for the week's issue (or the named tools) with the panel,
    reusing every review stored under its key; failures are in the tally, never raised."""
    from editorial.compose import tools_to_review
    from editorial.review import review_tool

    panel = make_panel(settings.panel_provider, settings)
    briefs = load_briefs(settings.resolved_personas_dir())
    tally = ReviewTally()
    with session_scope(engine_for(settings)) as session:
        for tool in tools_to_review(session, week=week, tool_ids=tool_ids):
            review_tool(session, tool=tool, panel=panel, briefs=briefs, tally=tally)
            session.commit()  # each tool's reviews kept, whatever happens to the next one
    return tally


def publish(
    settings: Settings, issue_id: int, backend_name: str | None = None,
    progress: Callable[[SendProgress], None] | None = None,
) -> SendSummary:
    """Send one approved issue through the configured (or named) delivery backend; in production,
    ProductionConfigError with the default secret (it signs every link in the email)."""
    ensure_secret(settings)
    backend = make_backend(backend_name or settings.delivery_backend, settings)
    try:
        return send_issue(engine_for(settings), issue_id=issue_id, backend=backend, settings=settings,
                          progress=progress)
    finally:
        backend.close()


def send_test(settings: Settings, issue_id: int, address: str, backend_name: str | None = None) -> TestSend:
    """Send the issue as it stands (drafts too) to one address, marked as a test; nothing recorded."""
    backend = make_backend(backend_name or settings.delivery_backend, settings)
    try:
        return emails_send_test(engine_for(settings), issue_id=issue_id, address=address, backend=backend,
                                settings=settings)
    finally:
        backend.close()


def publish_ready(settings: Settings, backend_name: str | None = None) -> list[SendSummary]:
    """Send every approved issue, and finish every interrupted one; an issue another run is sending
    is left to that run."""
    with session_scope(engine_for(settings)) as session:
        ready = [
            issue.id
            for issue in queries.list_issues(session)
            if issue.status in (IssueStatus.APPROVED, IssueStatus.SENDING) and issue.id is not None
        ]
    summaries = []
    for issue_id in ready:
        try:
            summaries.append(publish(settings, issue_id, backend_name))
        except SendInProgress as busy:
            log.info("%s", busy)
    return summaries
