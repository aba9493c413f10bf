"""The `verdicts` command: one subcommand per stage, and `week` for the whole week."""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from db import queries
from db.engine import DatabaseNotReady, session_scope, upgrade
from db.queries import NotFound
from db.states import IllegalTransition, IssueStatus, SubscriberStatus
from editorial.compose import ComposeError, NothingToCompose
from editorial.issues import ApprovalError, approve_issue, reject_issue, render_and_store
from editorial.weeks import current_week, week_bounds
from emails.audience import AudienceError, add_subscriber, import_csv
from emails.publish import LeaseLost, PublishError, SendInProgress, SendSummary
from scrapers.ingest import SourceSummary
from scrapers.sources import SourcesFileError, check_sources
from verdicts import stages
from verdicts.cli_delivery import deliveries_app
from verdicts.cli_editorial import editorial_app
from verdicts.cli_tools import tools_app
from verdicts.cli_web import editors_app
from verdicts.settings import Settings, get_settings

app = typer.Typer(help="Weekly AI Tool Verdicts: ingest, compose, approve, send.",
                  no_args_is_help=True, pretty_exceptions_enable=False, add_completion=False)
db_app = typer.Typer(help="The database.", no_args_is_help=True)
sources_app = typer.Typer(help="The sources file.", no_args_is_help=True)
issues_app = typer.Typer(help="Weekly issues.", no_args_is_help=True)
subscribers_app = typer.Typer(help="Subscribers.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(sources_app, name="sources")
app.add_typer(issues_app, name="issues")
app.add_typer(subscribers_app, name="subscribers")
app.add_typer(tools_app, name="tools")
app.add_typer(editors_app, name="editors")
app.add_typer(deliveries_app, name="deliveries")
app.add_typer(editorial_app)  # verdicts pairs …, verdicts review

USER_ERRORS = (SourcesFileError, ComposeError, ApprovalError, PublishError, AudienceError, NotFound,
               DatabaseNotReady, IllegalTransition, ValueError)
F = TypeVar("F", bound=Callable[..., Any])

SourcesOpt = Annotated[Path | None, typer.Option("--sources", help="Sources file (TOML).")]
WeekOpt = Annotated[str | None, typer.Option("--week", help="ISO week, e.g. 2026-W48 (default: this week).")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]


def user_errors(func: F) -> F:
    """Turn the errors a user can cause into one line on stderr and exit status 2."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except USER_ERRORS as exc:
            typer.secho(f"error: {exc}", err=True, fg=typer.colors.RED)
            raise typer.Exit(2) from None

    return wrapper  # type: ignore[return-value]


@app.callback()
def main(verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log progress.")] = False) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")


def _settings() -> Settings:
    return get_settings()


def _week(week: str | None) -> str:
    week = week or current_week()
    week_bounds(week)  # ValueError with a clear message for a malformed week
    return week


# --- db ------------------------------------------------------------------------------------------


@db_app.command("upgrade")
@user_errors
def db_upgrade() -> None:
    """Apply the database migrations (creates the SQLite file on first use)."""
    where = upgrade(_settings().resolved_database_url())
    typer.echo(f"database is up to date: {where}")


# --- sources and ingest --------------------------------------------------------------------------


@sources_app.command("check")
@user_errors
def sources_check(sources: SourcesOpt = None) -> None:
    """Validate a sources file without fetching anything: every problem, each with its line."""
    settings = _settings()
    path = sources or settings.sources_file
    problems = check_sources(path)
    for problem in problems:
        typer.secho(problem.describe(path), err=True, fg=typer.colors.RED)
    if problems:
        typer.echo(f"{len(problems)} problem(s) in {path}", err=True)
        raise typer.Exit(2)
    found = stages.configured_sources(settings, path)
    for source in found:
        typer.echo(f"ok  {source.name:<24} {source.kind:<5} {source.url}")
    typer.echo(f"{len(found)} sources in {path}")


@app.command()
@user_errors
def ingest(
    sources: SourcesOpt = None,
    as_json: JsonOpt = False,
    force: Annotated[bool, typer.Option("--force", help="Fetch sources even when not due.")] = False,
) -> None:
    """Fetch every due source and store new launches; prints a line per source."""
    _print_ingest(stages.ingest_all(_settings(), sources, force=force), as_json)


def _when(iso: str | None) -> str:
    return datetime.fromisoformat(iso).strftime("%Y-%m-%d %H:%M UTC") if iso else "now"


def _print_ingest(summaries: list[SourceSummary], as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps([s.as_dict() for s in summaries], indent=2))
        return
    for s in summaries:
        if s.error:
            detail = s.error
        elif s.status == "skipped":
            detail = f"not due until {_when(s.next_fetch_at)} (--force fetches it now)"
        elif s.status == "not_modified":
            detail = f"unchanged since the last fetch; next after {_when(s.next_fetch_at)}"
        else:
            detail = f"{s.new_launches} new, {s.duplicates} seen, {s.new_tools} new tools"
        typer.echo(f"{s.source:<24} {s.status:<12} {detail}")


# --- compose, issues, approval -------------------------------------------------------------------


ExplainOpt = Annotated[bool, typer.Option("--explain", help="Each pair's score and why; who was left out.")]


@app.command()
@user_errors
def compose(week: WeekOpt = None, explain: ExplainOpt = False) -> None:
    """Pair this week's new tools, review them with the panel, and draft the issue."""
    _print_compose(_compose_or_exit(_settings(), _week(week)), explain)


def _compose_or_exit(settings: Settings, week: str) -> stages.ComposeOutcome:
    try:
        return stages.compose(settings, week)
    except NothingToCompose as exc:  # not done, for a stated reason: exit 1, no draft
        typer.secho(str(exc), err=True, fg=typer.colors.YELLOW)
        raise typer.Exit(1) from None


def _print_compose(outcome: stages.ComposeOutcome, explain: bool = False) -> None:
    from verdicts.cli_editorial import print_compose_details

    result = outcome.result
    typer.echo(f"issue {result.issue_id} ({result.week}): draft with {len(result.comparisons)} "
               f"comparisons from {result.candidates} new tools")
    print_compose_details(result, explain)
    for error in outcome.preview.rendered.errors:
        typer.secho(f"  render error: {error}", fg=typer.colors.YELLOW)
    typer.echo(f"preview: {outcome.preview.html_path.resolve()} (and issue.txt beside it)")


@issues_app.command("list")
@user_errors
def issues_list(as_json: JsonOpt = False) -> None:
    """Every issue with its status."""
    with session_scope(stages.engine_for(_settings())) as session:
        rows = [{"id": i.id, "week": i.week, "status": str(i.status), "subject": i.subject,
                 "approved_by": i.approved_by} for i in queries.list_issues(session)]
    if as_json:
        typer.echo(json.dumps(rows, indent=2))
        return
    for row in rows:
        typer.echo(f"{row['id']:>4}  {row['week']}  {row['status']:<9} {row['subject']}")
    if not rows:
        typer.echo("no issues yet: run `verdicts compose`")


@issues_app.command("show")
@user_errors
def issues_show(issue_id: int, as_json: JsonOpt = False) -> None:
    """One issue: status, approval, deliveries, preview files, its comparisons and their reviews."""
    from editorial.presentation import comparisons_summary
    from verdicts.cli_editorial import print_comparisons

    settings = _settings()
    with session_scope(stages.engine_for(settings)) as session:
        issue = queries.get_issue(session, issue_id=issue_id)
        info = {"id": issue.id, "week": issue.week, "status": str(issue.status),
                "subject": issue.subject, "approved_by": issue.approved_by,
                "approved_at": issue.approved_at.isoformat() if issue.approved_at else None,
                "content_hash": issue.content_hash, "render_errors": issue.render_errors,
                "deliveries": queries.delivery_counts(session, issue_id=issue_id),
                "preview": str(settings.issues_dir() / issue.week / "issue.html"),
                "dropped_takes": queries.dropped_takes(session, issue_id=issue_id),
                "comparisons": comparisons_summary(session, issue_id=issue_id)}
    if as_json:
        typer.echo(json.dumps(info, indent=2, ensure_ascii=False))
        return
    for key, value in info.items():
        if key != "comparisons":
            typer.echo(f"{key:<14} {value}")
    print_comparisons(info["comparisons"])
    if unknown := info["deliveries"].get("unknown", 0):
        typer.echo(f"{unknown} deliveries have an unknown outcome: "
                   f"`verdicts deliveries reconcile {issue_id}` settles them")


@app.command()
@user_errors
def render(issue_id: int) -> None:
    """Re-render an issue to its preview files (an approved issue that changed returns to draft)."""
    settings = _settings()
    with session_scope(stages.engine_for(settings)) as session:
        issue = queries.get_issue(session, issue_id=issue_id)
        preview = render_and_store(session, issue=issue, settings=settings)
        status = issue.status
    for error in preview.rendered.errors:
        typer.secho(f"render error: {error}", fg=typer.colors.YELLOW)
    typer.echo(f"issue {issue_id} is {status}; preview: {preview.html_path} and {preview.text_path}")


EditorOpt = Annotated[str, typer.Option("--as", help="The editor's email address.")]


@app.command()
@user_errors
def approve(issue_id: int, editor: EditorOpt) -> None:
    """Approve a draft for sending, as the named editor."""
    settings = _settings()
    with session_scope(stages.engine_for(settings)) as session:
        issue = approve_issue(session, issue_id=issue_id, editor=editor, settings=settings)
        typer.echo(f"issue {issue_id} approved by {issue.approved_by} "
                   f"(content {issue.approved_hash and issue.approved_hash[:12]})")


@app.command()
@user_errors
def reject(issue_id: int, editor: EditorOpt,
           reason: Annotated[str, typer.Option("--reason", help="Why it is rejected.")]) -> None:
    """Reject a draft, with a reason."""
    with session_scope(stages.engine_for(_settings())) as session:
        reject_issue(session, issue_id=issue_id, editor=editor, reason=reason)
    typer.echo(f"issue {issue_id} rejected")


BackendOpt = Annotated[str | None, typer.Option(
    "--backend", help="outbox, smtp or sendgrid (default: settings).")]
TestOpt = Annotated[str | None, typer.Option(
    "--test", help="Send the issue (drafts too) to this address only, marked as a test; nothing recorded.")]


@app.command()
@user_errors
def send(issue_id: int, backend: BackendOpt = None, test: TestOpt = None) -> None:
    """Send an approved issue to every active subscriber not yet sent it (exit 1 if not all were)."""
    if test is not None:
        done = stages.send_test(_settings(), issue_id, test, backend)
        typer.echo(f"test of issue {issue_id} sent to {done.to} through {done.backend} ({done.message_id})")
        return
    try:
        summary = stages.publish(_settings(), issue_id, backend)
    except (SendInProgress, LeaseLost) as busy:
        typer.secho(f"error: {busy}", err=True, fg=typer.colors.RED)
        raise typer.Exit(1) from None
    _print_send(summary)
    if not (summary.complete or summary.already_sent):
        raise typer.Exit(1)


def _print_send(summary: SendSummary) -> None:
    if summary.already_sent:
        typer.echo(f"issue {summary.issue_id} was already sent "
                   f"({summary.total_sent} delivered): nothing to do")
        return
    typer.echo(f"issue {summary.issue_id} is {summary.status}: {summary.sent} sent, "
               f"{summary.failed} failed, {summary.unknown} unknown in this run")
    if summary.halted:
        typer.secho(f"stopped: {summary.halted}", err=True, fg=typer.colors.RED)
    if waiting := summary.counts.get("pending", 0):
        typer.echo(f"{waiting} wait for a retry: `verdicts send {summary.issue_id}` again sends them "
                   "(the publish flow runs every 15 minutes)")
    if summary.unknown:
        typer.echo(f"{summary.unknown} unknown: see `verdicts deliveries reconcile {summary.issue_id}`")


# --- subscribers ---------------------------------------------------------------------------------


@subscribers_app.command("add")
@user_errors
def subscribers_add(email: str, name: Annotated[str | None, typer.Option()] = None,
                    active: Annotated[bool, typer.Option(help="Already confirmed.")] = False) -> None:
    """Add a subscriber (pending until confirmed, unless --active)."""
    status = SubscriberStatus.ACTIVE if active else SubscriberStatus.PENDING
    with session_scope(stages.engine_for(_settings())) as session:
        subscriber, created = add_subscriber(session, email=email, name=name, status=status)
        word = "added" if created else "already there"
        typer.echo(f"{subscriber.email}: {word} ({subscriber.status})")


@subscribers_app.command("import")
@user_errors
def subscribers_import(path: Path, skip_invalid: Annotated[bool, typer.Option(
        "--skip-invalid", help="Import the valid rows and list the bad ones.")] = False) -> None:
    """Import a CSV with columns email,name,status; every bad line is reported with its number."""
    with session_scope(stages.engine_for(_settings())) as session:
        result = import_csv(session, path=path, skip_invalid=skip_invalid)
    for problem in result.invalid:
        typer.secho(f"skipped {problem}", err=True, fg=typer.colors.YELLOW)
    typer.echo(f"{result.added} added, {result.unchanged} already there"
               + (f", {len(result.invalid)} invalid skipped" if result.invalid else "")
               + (f", {result.suppressed} skipped (deleted at their request)" if result.suppressed else ""))


@subscribers_app.command("list")
@user_errors
def subscribers_list(as_json: JsonOpt = False) -> None:
    """Every subscriber with their status."""
    with session_scope(stages.engine_for(_settings())) as session:
        rows = [{"id": s.id, "email": s.email, "status": str(s.status)}
                for s in queries.list_subscribers(session)]
    if as_json:
        typer.echo(json.dumps(rows, indent=2))
        return
    for row in rows:
        typer.echo(f"{row['id']:>4}  {row['status']:<12} {row['email']}")


@app.command("web")
@user_errors
def serve_web(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes (about one per core).")] = 1,
) -> None:
    """Serve the site, the subscriber pages and the desk with uvicorn."""
    import uvicorn

    from web import create_app

    settings = _settings()
    stages.engine_for(settings)  # refuses an unmigrated database with a clear message
    if workers > 1:  # each worker process imports the app itself; create_app checks here first
        create_app(settings)
        # A worker imports the whole app before answering uvicorn's health check: on a busy machine
        # that takes longer than uvicorn's 5 s, and workers would be killed and restarted forever.
        uvicorn.run("web.asgi:app", host=host, port=port, workers=workers, proxy_headers=True,
                    timeout_worker_healthcheck=60)
        return
    uvicorn.run(create_app(settings), host=host, port=port, proxy_headers=True)


# --- the whole week ------------------------------------------------------------------------------


@app.command()
@user_errors
def week(
    sources: SourcesOpt = None,
    week: WeekOpt = None,
    subscribers: Annotated[Path | None, typer.Option(help="Import this subscribers CSV first.")] = None,
    approve_as: Annotated[str | None, typer.Option(
        "--approve-as", help="Approve the draft as this editor, then send it.")] = None,
    backend: BackendOpt = None,
) -> None:
    """The whole week: migrate, ingest, compose, (approve as the named editor,) send."""
    settings = _settings()
    week_name = _week(week)
    typer.echo(f"database: {upgrade(settings.resolved_database_url())}")
    if subscribers:
        with session_scope(stages.engine_for(settings)) as session:
            result = import_csv(session, path=subscribers)
        typer.echo(f"subscribers: {result.added} added, {result.unchanged} already there"
                   + (f", {result.suppressed} skipped (deleted)" if result.suppressed else ""))
    typer.echo("ingest:")
    _print_ingest(stages.ingest_all(settings, sources), as_json=False)
    typer.echo("compose:")
    with session_scope(stages.engine_for(settings)) as session:
        existing = queries.issue_for_week(session, week=week_name)
        past_draft = existing is not None and existing.status != IssueStatus.DRAFT
        issue_id = existing.id if existing is not None else None
    if past_draft and existing is not None:  # approved or sent already: its content stays as it is
        typer.echo(f"issue {issue_id} ({week_name}) is {existing.status}: not recomposed")
    else:
        outcome = _compose_or_exit(settings, week_name)
        _print_compose(outcome)
        issue_id = outcome.result.issue_id
        if not approve_as:
            typer.echo(f"issue {issue_id} is a draft: an editor approves it with "
                       f"`verdicts approve {issue_id} --as EDITOR_EMAIL`, then "
                       f"`verdicts send {issue_id}` sends it")
            return
        approve(issue_id, approve_as)
    assert issue_id is not None
    send(issue_id, backend)
    if (backend or settings.delivery_backend) == "outbox":
        typer.echo(f"outbox: {settings.resolved_outbox_dir().resolve()}")


