"""The week's stages as plain functions: the CLI and the Prefect flows call these and only these."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.engine import Engine

from db import queries
from db.engine import ensure_current, get_engine, session_scope
from db.states import IssueStatus
from scrapers.fetch import FetchPolicy, make_client
from scrapers.hostgate import SharedHostGate
from scrapers.ingest import IngestOptions, SourceSummary, ingest_many, ingest_source
from scrapers.schedule import SchedulePolicy
from scrapers.sources import SourceConfig, load_sources
from verdicts.settings import Settings

if TYPE_CHECKING:  # editorial and emails are imported by the stages that use them: `verdicts
    # ingest` in a fresh process should not pay for Jinja, MJML and the panel
    from editorial.compose import ComposeResult, PairingOptions
    from editorial.issues import Preview
    from editorial.review import ReviewTally
    from emails.publish import SendProgress, SendSummary, TestSend

log = logging.getLogger(__name__)


def engine_for(settings: Settings) -> Engine:
    """The settings' database engine, refusing one whose migrations are not applied."""
    engine = get_engine(settings.resolved_database_url())
    ensure_current(engine)
    return engine


def configured_sources(settings: Settings, sources_file: Path | None = None) -> list[SourceConfig]:
    """The enabled sources of `sources_file` (default: the settings'); SourcesFileError if invalid."""
    return load_sources(sources_file or settings.sources_file)


def ingest_options(settings: Settings, *, force: bool = False, engine: Engine | None = None) -> IngestOptions:
    """The operator's politeness and scheduling settings as ingest options; with `engine`, the
    per-host gap is held across processes through that database (unless the settings say not)."""
    max_seconds = settings.fetch_timeout_seconds * 3
    shared = engine is not None and settings.shared_host_gate
    return IngestOptions(
        fetch=FetchPolicy(
            host_gap=settings.host_gap_seconds,
            attempts=settings.fetch_attempts,
            retry_wait=settings.fetch_retry_wait_seconds,
            max_seconds=max_seconds,
        ),
        gate=SharedHostGate(engine, lease=max_seconds + 30) if shared and engine is not None else None,
        schedule=SchedulePolicy(
            min_interval=timedelta(minutes=settings.min_fetch_interval_minutes),
            max_interval=timedelta(hours=settings.max_fetch_interval_hours),
            backoff_base=timedelta(minutes=settings.backoff_base_minutes),
        ),
        force=force,
    )


def ingest_one(source: SourceConfig, settings: Settings, *, force: bool = False) -> SourceSummary:
    """Ingest one source if it is due (or `force`); its failure is in the summary, never raised."""
    engine = engine_for(settings)
    with make_client(user_agent=settings.user_agent, timeout=settings.fetch_timeout_seconds) as client:
        return ingest_source(source, engine=engine, client=client,
                             options=ingest_options(settings, force=force, engine=engine))


def ingest_all(
    settings: Settings, sources_file: Path | None = None, *, force: bool = False,
    on_fetched: Callable[[str, str], None] | None = None,
    on_stored: Callable[[SourceSummary], None] | None = None,
) -> list[SourceSummary]:
    """Ingest every configured source, several at a time (the flow fans out into tasks instead)."""
    sources = configured_sources(settings, sources_file)
    engine = engine_for(settings)
    log.info("ingest: %d sources from %s, %d at a time%s", len(sources),
             sources_file or settings.sources_file, settings.ingest_workers, " (forced)" if force else "")
    with make_client(user_agent=settings.user_agent, timeout=settings.fetch_timeout_seconds) as client:
        return ingest_many(sources, engine=engine, client=client,
                           options=ingest_options(settings, force=force, engine=engine),
                           workers=settings.ingest_workers, on_fetched=on_fetched, on_stored=on_stored)


def ingest_outcome(summaries: list[SourceSummary]) -> tuple[str, str]:
    """(done | partial | failed, one line) for an ingest run's summaries."""
    failed = sum(s.status == "failed" for s in summaries)
    skipped = sum(s.entry_errors for s in summaries if s.status != "failed")
    new = sum(s.new_launches for s in summaries)
    line = f"{len(summaries)} sources, {failed} failed, {new} new launches, {skipped} entries skipped"
    if summaries and failed == len(summaries):
        return "failed", line
    return ("partial" if failed or skipped else "done"), line


@dataclass(frozen=True)
class ComposeOutcome:
    result: ComposeResult
    preview: Preview


def pairing_options(settings: Settings) -> PairingOptions:
    """The operator's pairing settings; with an embedding model configured, its embedder."""
    from editorial.compose import PairingOptions

    embedder = None
    if settings.pairing_embedding_model and settings.llm_base_url:
        from editorial.embeddings import endpoint_embedder

        embedder = endpoint_embedder(settings.llm_config(settings.pairing_embedding_model))
    return PairingOptions(min_score=settings.pairing_min_score, recent_weeks=settings.pairing_recent_weeks,
                          opponent_min_score=settings.pairing_opponent_min_score, embedder=embedder)


def compose(settings: Settings, week: str) -> ComposeOutcome:
    """The week's draft issue, composed and rendered to its preview files; NothingToCompose (no
    draft) when no pair is worth making."""
    from editorial.compose import compose_week
    from editorial.issues import render_and_store
    from editorial.panel import load_briefs, make_panel

    panel = make_panel(settings.panel_provider, settings)
    briefs = load_briefs(settings.resolved_personas_dir())
    with session_scope(engine_for(settings)) as session:
        result = compose_week(session, week=week, panel=panel, briefs=briefs,
                              limit=settings.comparisons_per_issue, options=pairing_options(settings))
        issue = queries.get_issue(session, issue_id=result.issue_id)
        preview = render_and_store(session, issue=issue, settings=settings)
    log.info("compose %s: %d new tools, %d comparisons (panel %s); preview %s", week, result.candidates,
             len(result.comparisons), settings.panel_provider, preview.html_path)
    return ComposeOutcome(result, preview)


def compose_outcome(outcome: ComposeOutcome) -> tuple[str, str]:
    """(done | partial, one line) for a compose run: partial when there was nothing to pair."""
    result = outcome.result
    line = f"issue {result.issue_id} ({result.week}): {len(result.comparisons)} comparisons"
    return ("done" if result.comparisons else "partial"), line


def review(settings: Settings, week: str, *, tool_ids: list[int] | None = None) -> ReviewTally:
    """Review the tools that landed for the week's issue (or the named tools) with the panel,
    reusing every review stored under its key; failures are in the tally, never raised."""
    from editorial.compose import tools_to_review
    from editorial.panel import load_briefs, make_panel
    from editorial.review import ReviewTally, review_tool

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
    """Send one approved issue through the configured (or named) delivery backend, `progress`
    hearing of each batch; in production, ProductionConfigError with the default secret (it signs
    every link in the email)."""
    from emails.delivery import make_backend
    from emails.publish import send_issue
    from verdicts.production import ensure_secret

    ensure_secret(settings)
    backend = make_backend(backend_name or settings.delivery_backend, settings)
    log.info("publish: issue %s through %s", issue_id, backend.name)
    try:
        return send_issue(engine_for(settings), issue_id=issue_id, backend=backend, settings=settings,
                          progress=progress)
    finally:
        backend.close()


def send_test(settings: Settings, issue_id: int, address: str, backend_name: str | None = None) -> TestSend:
    """Send the issue as it stands (drafts too) to one address, marked as a test; nothing recorded."""
    from emails.delivery import make_backend
    from emails.publish import send_test as emails_send_test

    backend = make_backend(backend_name or settings.delivery_backend, settings)
    try:
        return emails_send_test(engine_for(settings), issue_id=issue_id, address=address, backend=backend,
                                settings=settings)
    finally:
        backend.close()


def publish_outcome(summaries: list[SendSummary]) -> tuple[str, str]:
    """(done | partial, one line) for a publish run."""
    if not summaries:
        return "done", "nothing approved to send"
    sent, failed = sum(s.sent for s in summaries), sum(s.failed for s in summaries)
    unknown = sum(s.unknown for s in summaries)
    line = f"{len(summaries)} issue(s): {sent} sent, {failed} failed, {unknown} unknown"
    return ("partial" if failed or unknown else "done"), line


def publish_ready(settings: Settings, backend_name: str | None = None) -> list[SendSummary]:
    """Send every approved issue, and finish every interrupted one; an issue another run is sending
    is left to that run."""
    from emails.lease import SendInProgress

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


# --- operations: run records, publish on approval, maintenance -----------------------------------


@dataclass
class RunHandle:
    """A run being recorded: set `outcome` and `detail` before it ends (default: done)."""

    outcome: str = "done"
    detail: str | None = None


@contextmanager
def recorded_run(
    settings: Settings, flow: str, *, origin: str = "cli", flow_run_id: str | None = None
) -> Iterator[RunHandle]:
    """Record a run of `flow` (what `verdicts status` shows without Prefect); a run that raises
    is recorded as failed with the reason, and the exception goes on."""
    engine = engine_for(settings)
    with session_scope(engine) as session:
        run_id = queries.start_run(session, flow=flow, origin=origin, flow_run_id=flow_run_id)
    handle = RunHandle()
    try:
        yield handle
    except BaseException as exc:
        handle.outcome, handle.detail = "failed", f"{type(exc).__name__}: {exc}"[:500]
        raise
    finally:
        with session_scope(engine) as session:
            queries.finish_run(session, run_id=run_id, outcome=handle.outcome, detail=handle.detail)


def prefect_api_url() -> str | None:
    """The Prefect API this process would talk to (PREFECT_API_URL or the active profile), or None."""
    if url := os.environ.get("PREFECT_API_URL"):
        return url
    from prefect.settings import get_current_settings

    configured = get_current_settings().api.url
    return str(configured) if configured else None


def request_publish(settings: Settings) -> str:
    """Ask the Prefect server to run the publish deployment now (after an approval); one line
    saying what happened. Without a server, or if the request fails, the publish sweep sends it."""
    if not prefect_api_url():
        return "no Prefect server configured: send it with `verdicts send ID`"
    from prefect.deployments import run_deployment

    try:
        run = run_deployment(settings.publish_deployment, timeout=0)
    except Exception as exc:  # noqa: BLE001  (the approval stands; the sweep will send it)
        log.warning("could not start %s: %s", settings.publish_deployment, exc)
        return (f"could not start {settings.publish_deployment} ({type(exc).__name__}: {exc}); "
                "the publish sweep sends it within 15 minutes")
    return f"publish run {run.id} of {settings.publish_deployment} started"


def prune_fetch_log(settings: Settings) -> str:
    """Delete fetch log rows and entry errors older than VERDICTS_FETCH_LOG_DAYS; one line saying how many."""
    with session_scope(engine_for(settings)) as session:
        before = queries.utcnow() - timedelta(days=settings.fetch_log_days)
        pruned = queries.prune_fetch_log(session, before=before)
    return f"fetch log: {pruned} rows older than {settings.fetch_log_days} days pruned"


def expire_subscribers(settings: Settings) -> str:
    """Delete sign-ups unconfirmed after VERDICTS_UNCONFIRMED_DAYS; one line saying how many."""
    from emails.audience import expire_unconfirmed

    with session_scope(engine_for(settings)) as session:
        expired = expire_unconfirmed(session, older_than=timedelta(days=settings.unconfirmed_days))
    return f"subscribers: {expired} unconfirmed after {settings.unconfirmed_days} days expired"


def refresh_tallies(settings: Settings) -> str:
    """Recount the subscribers' votes into vote_tallies; one line saying how many rows."""
    with session_scope(engine_for(settings)) as session:
        tallies = queries.refresh_vote_tallies(session)
    return f"vote tallies: {tallies} (comparison, tool) rows refreshed"


def reconcile_deliveries(settings: Settings) -> str:
    """Settle deliveries of unknown outcome from the provider's events; one line saying what is left."""
    from emails.reconcile import reconcile_unknown

    done = reconcile_unknown(engine_for(settings), settings)
    line = f"deliveries: {done.from_events} unknown settled from provider events in {done.issues} issue(s)"
    if done.needs_decision:
        line += (f"; {done.needs_decision} past the grace period need an operator "
                 "(`verdicts deliveries reconcile ISSUE --resend | --mark-sent`)")
    if done.within_grace:
        line += f"; {done.within_grace} still within the grace period"
    return line


MAINTENANCE_STEPS: tuple[Callable[[Settings], str], ...] = (prune_fetch_log, expire_subscribers,
                                                           reconcile_deliveries, refresh_tallies)


def maintain(settings: Settings) -> list[str]:
    """The daily housekeeping, step by step; a line per step. A step that fails raises."""
    lines = []
    for step in MAINTENANCE_STEPS:
        lines.append(step(settings))
        log.info("maintain: %s", lines[-1])
    return lines


def compose_rows(settings: Settings, issue_id: int) -> list[dict[str, object]]:
    """Each comparison's tools with the panel's and the community's verdicts, as table rows."""
    from editorial.presentation import build_issue_view

    with session_scope(engine_for(settings)) as session:
        issue = queries.get_issue(session, issue_id=issue_id)
        view = build_issue_view(session, issue=issue, base_url=settings.public_base_url)
    return [{"comparison": c.title, "tool": tool.name, "panel": tool.panel_verdict,
             "panel_ship": tool.panel_percent, "community": tool.community_verdict}
            for c in view.comparisons for tool in (c.a, c.b)]


def send_counts(settings: Settings, issue_id: int) -> dict[str, int]:
    """The issue's deliveries by outcome: sent, failed, suppressed (skipped: the subscriber left or
    bounced before their turn), unknown, pending."""
    with session_scope(engine_for(settings)) as session:
        counts = queries.delivery_counts(session, issue_id=issue_id)
    return {"sent": counts.get("sent", 0), "failed": counts.get("failed", 0),
            "suppressed": counts.get("skipped", 0), "unknown": counts.get("unknown", 0),
            "pending": counts.get("pending", 0) + counts.get("sending", 0)}
