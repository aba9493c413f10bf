"""The `verdicts` command: one subcommand per stage, and `week` for the whole week.

Fast to start: this module imports only typer; each command imports what it uses when it runs
(`python -X importtime -m verdicts.cli --help` shows it). Exit codes are the same for every
command (docs/operators.md): 0 done; 1 done in part, or not done for a stated reason; 2 a usage
or configuration error. Every mistake a user or the environment can make is one line on stderr;
a bug is one line too, with its traceback under -v.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from typer.core import TyperGroup
from typer.exceptions import TyperException

from verdicts.cli_errors import EXIT_DONE, EXIT_PARTIAL, EXIT_USAGE, classify

if TYPE_CHECKING:
    from emails.publish import SendProgress, SendSummary
    from scrapers.ingest import SourceSummary
    from verdicts import stages
    from verdicts.settings import Settings

F = TypeVar("F", bound=Callable[..., Any])
_state = {"verbose": False}


GLOBAL_OPTIONS = [("-v, --verbose", "Log each stage's decisions; show a bug's traceback."),
                  ("--version", "Print the version and exit.")]


class VerdictsGroup(TyperGroup):
    """The root command: every exception a subcommand raises becomes one line and an exit code.

    It reads -v and --version itself, before the subcommand: declared as typer options they
    would cost every `verdicts COMMAND --help` the import of pydantic (typer's coercion)."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        rest = list(args)
        while rest and rest[0] in ("-v", "--verbose", "--version"):
            flag = rest.pop(0)
            if flag == "--version":
                from importlib.metadata import version

                typer.echo(f"verdicts {version('verdicts')}")
                ctx.exit(EXIT_DONE)
            _state["verbose"] = True
        _configure_logging(_state["verbose"])
        _cheap_help_options(self, ctx)
        return super().parse_args(ctx, rest)

    def format_options(self, ctx: Any, formatter: Any) -> None:
        records = [*GLOBAL_OPTIONS, *(r for p in self.get_params(ctx) if (r := p.get_help_record(ctx)))]
        with formatter.section("Options"):
            formatter.write_dl(records)
        self.format_commands(ctx, formatter)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, TyperException):
            raise
        except KeyboardInterrupt:
            typer.secho("interrupted: what was stored so far is kept", err=True, fg=typer.colors.YELLOW)
            raise typer.Exit(130) from None
        except Exception as exc:  # noqa: BLE001  (the one place errors become exit codes)
            code, message = classify(exc)
            if code != EXIT_USAGE and _state["verbose"]:
                import traceback

                traceback.print_exc()
            elif code != EXIT_USAGE:
                message += " (run with -v for the traceback)"
            typer.secho(f"error: {message}", err=True, fg=typer.colors.RED)
            raise typer.Exit(code) from None
        finally:
            _state["verbose"] = False


class _AsGiven:
    """A --help flag's value as the parser gives it (True or None): nothing to coerce."""

    def coerce(self, value: Any, **_: Any) -> Any:
        return value


def _cheap_help_options(command: Any, ctx: Any) -> None:
    """Spare every group's --help typer's coercion of its unset value, which would import pydantic
    (0.2 s) on each `verdicts COMMAND --help`. Typer builds that coercion lazily into
    `_runtime_param`; one already there is used as it is."""
    option = command.get_help_option(ctx)
    if option is not None and getattr(option, "_runtime_param", None) is None:
        option._runtime_param = _AsGiven()
    for sub in getattr(command, "commands", {}).values():
        _cheap_help_options(sub, ctx)


def _configure_logging(verbose: bool) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s", force=True)
    logging.getLogger("alembic").setLevel(logging.WARNING)  # its two lines per command say nothing
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per request: ingest says more


app = typer.Typer(cls=VerdictsGroup, help="Weekly AI Tool Verdicts: ingest, compose, approve, send.",
                  no_args_is_help=True, pretty_exceptions_enable=False, add_completion=False,
                  rich_markup_mode=None)  # plain help: rich would cost 150 ms at every start
db_app = typer.Typer(help="The database.", no_args_is_help=True)
sources_app = typer.Typer(help="The sources file.", no_args_is_help=True)
issues_app = typer.Typer(help="Weekly issues.", no_args_is_help=True)
subscribers_app = typer.Typer(help="Subscribers.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(sources_app, name="sources")
app.add_typer(issues_app, name="issues")
app.add_typer(subscribers_app, name="subscribers")


def _register_command_modules() -> None:
    # light modules: each imports its heavy ones inside its commands
    from verdicts.cli_delivery import deliveries_app
    from verdicts.cli_editorial import editorial_app
    from verdicts.cli_tools import tools_app
    from verdicts.cli_web import editors_app

    app.add_typer(tools_app, name="tools")
    app.add_typer(editors_app, name="editors")
    app.add_typer(deliveries_app, name="deliveries")
    app.add_typer(editorial_app)  # verdicts pairs …, verdicts review


_register_command_modules()

SourcesOpt = Annotated[Path | None, typer.Option("--sources", help="Sources file (TOML).")]
WeekOpt = Annotated[str | None, typer.Option("--week", help="ISO week, e.g. 2026-W48 (default: this week).")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]


def user_errors(func: F) -> F:
    """Kept for the command modules that decorate with it: the root command now turns every
    exception into one line and an exit code, so this returns `func` unchanged."""
    return func


@app.callback()
def main() -> None:
    """Weekly AI Tool Verdicts: ingest, compose, approve, send.

    Exit codes: 0 done; 1 done in part or not done for a stated reason; 2 usage or configuration error."""


def _settings() -> Settings:
    from verdicts.settings import get_settings

    return get_settings()


def _week(week: str | None) -> str:
    from editorial.weeks import current_week, week_bounds

    week = week or current_week()
    week_bounds(week)  # ValueError with a clear message for a malformed week
    return week


def _engine(settings: Settings) -> Any:
    from verdicts import stages

    return stages.engine_for(settings)


# --- db ------------------------------------------------------------------------------------------


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply the database migrations (creates the SQLite file on first use)."""
    from db.engine import upgrade

    where = upgrade(_settings().resolved_database_url())
    typer.echo(f"database is up to date: {where}")


# --- sources and ingest --------------------------------------------------------------------------


@sources_app.command("check")
def sources_check(sources: SourcesOpt = None) -> None:
    """Validate a sources file without fetching anything: every problem, each with its line."""
    from scrapers.sources import check_sources
    from verdicts import stages

    settings = _settings()
    path = sources or settings.sources_file
    problems = check_sources(path)
    for problem in problems:
        typer.secho(problem.describe(path), err=True, fg=typer.colors.RED)
    if problems:
        typer.echo(f"{len(problems)} problem(s) in {path}", err=True)
        raise typer.Exit(EXIT_USAGE)
    found = stages.configured_sources(settings, path)
    for source in found:
        typer.echo(f"ok  {source.name:<24} {source.kind:<5} {source.url}")
    typer.echo(f"{len(found)} sources in {path}")


@app.command()
def ingest(
    sources: SourcesOpt = None,
    as_json: JsonOpt = False,
    force: Annotated[bool, typer.Option("--force", help="Fetch sources even when not due.")] = False,
) -> None:
    """Fetch every due source and store new launches; a line per source. Exit 1 if any failed."""
    summaries = _run_ingest(_settings(), sources, force=force)
    _print_ingest(summaries, as_json)
    if any(s.status == "failed" for s in summaries):
        raise typer.Exit(EXIT_PARTIAL)


def _run_ingest(settings: Settings, sources: Path | None, *, force: bool = False) -> list[SourceSummary]:
    from verdicts import stages
    from verdicts.progress import progress

    total = len(stages.configured_sources(settings, sources))
    with stages.recorded_run(settings, "ingest") as run, progress("ingest", total, "sources") as shown:
        fetched = [0]

        def on_fetched(name: str, outcome: str) -> None:
            fetched[0] += 1
            shown.advance(fetched[0], note=f"{name}: {outcome}")

        summaries = stages.ingest_all(settings, sources, force=force, on_fetched=on_fetched)
        run.outcome, run.detail = stages.ingest_outcome(summaries)
    return summaries


def _when(iso: str | None) -> str:
    from datetime import datetime

    return datetime.fromisoformat(iso).strftime("%Y-%m-%d %H:%M UTC") if iso else "now"


def _print_ingest(summaries: list[SourceSummary], as_json: bool) -> None:
    if as_json:
        import json

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
            if s.entry_errors:
                detail += f"; {s.entry_errors} entries skipped (`verdicts status` shows why)"
        typer.echo(f"{s.source:<24} {s.status:<12} {detail}")


# --- compose, issues, approval -------------------------------------------------------------------


ExplainOpt = Annotated[bool, typer.Option("--explain", help="Each pair's score and why; who was left out.")]


@app.command()
def compose(week: WeekOpt = None, explain: ExplainOpt = False) -> None:
    """Pair this week's new tools, review them with the panel, and draft the issue.
    Exit 1, with no draft, when no pair is worth making."""
    _print_compose(_run_compose(_settings(), _week(week)), explain)


def _run_compose(settings: Settings, week: str) -> stages.ComposeOutcome:
    """The composed draft; when nothing is worth pairing, says why and exits 1 (no draft)."""
    from editorial.compose import NothingToCompose
    from verdicts import stages

    with stages.recorded_run(settings, "compose") as run:
        try:
            outcome = stages.compose(settings, week)
        except NothingToCompose as exc:
            run.outcome, run.detail = "partial", str(exc)
            nothing: NothingToCompose | None = exc
        else:
            run.outcome, run.detail = stages.compose_outcome(outcome)
            nothing = None
    if nothing is not None:  # not done, for a stated reason: exit 1, no draft
        typer.secho(str(nothing), fg=typer.colors.YELLOW)
        raise typer.Exit(EXIT_PARTIAL)
    return outcome


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
def issues_list(as_json: JsonOpt = False) -> None:
    """Every issue with its status."""
    from db import queries
    from db.engine import session_scope

    with session_scope(_engine(_settings())) as session:
        rows = [{"id": i.id, "week": i.week, "status": str(i.status), "subject": i.subject,
                 "approved_by": i.approved_by} for i in queries.list_issues(session)]
    if as_json:
        import json

        typer.echo(json.dumps(rows, indent=2))
        return
    for row in rows:
        typer.echo(f"{row['id']:>4}  {row['week']}  {row['status']:<9} {row['subject']}")
    if not rows:
        typer.echo("no issues yet: run `verdicts compose`")


@issues_app.command("show")
def issues_show(issue_id: int, as_json: JsonOpt = False) -> None:
    """One issue: status, approval, deliveries, preview files, its comparisons and their reviews."""
    from db import queries
    from db.engine import session_scope
    from editorial.presentation import comparisons_summary
    from verdicts.cli_editorial import print_comparisons

    settings = _settings()
    with session_scope(_engine(settings)) as session:
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
        import json

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
def render(issue_id: int) -> None:
    """Re-render an issue to its preview files (an approved issue that changed returns to draft)."""
    from db import queries
    from db.engine import session_scope
    from editorial.issues import render_and_store

    settings = _settings()
    with session_scope(_engine(settings)) as session:
        issue = queries.get_issue(session, issue_id=issue_id)
        preview = render_and_store(session, issue=issue, settings=settings)
        status = issue.status
    for error in preview.rendered.errors:
        typer.secho(f"render error: {error}", fg=typer.colors.YELLOW)
    typer.echo(f"issue {issue_id} is {status}; preview: {preview.html_path} and {preview.text_path}")


EditorOpt = Annotated[str, typer.Option("--as", help="The editor's email address.")]


@app.command()
def approve(issue_id: int, editor: EditorOpt) -> None:
    """Approve a draft for sending, as the named editor; with a Prefect server, publish starts now."""
    from verdicts import stages

    settings = _settings()
    _approve(settings, issue_id, editor)
    typer.echo(stages.request_publish(settings))


def _approve(settings: Settings, issue_id: int, editor: str) -> None:
    from db.engine import session_scope
    from editorial.issues import approve_issue

    with session_scope(_engine(settings)) as session:
        issue = approve_issue(session, issue_id=issue_id, editor=editor, settings=settings)
        typer.echo(f"issue {issue_id} approved by {issue.approved_by} "
                   f"(content {issue.approved_hash and issue.approved_hash[:12]})")


@app.command()
def reject(issue_id: int, editor: EditorOpt,
           reason: Annotated[str, typer.Option("--reason", help="Why it is rejected.")]) -> None:
    """Reject a draft, with a reason."""
    from db.engine import session_scope
    from editorial.issues import reject_issue

    with session_scope(_engine(_settings())) as session:
        reject_issue(session, issue_id=issue_id, editor=editor, reason=reason)
    typer.echo(f"issue {issue_id} rejected")


BackendOpt = Annotated[str | None, typer.Option(
    "--backend", help="outbox, smtp or sendgrid (default: settings).")]
TestOpt = Annotated[str | None, typer.Option(
    "--test", help="Send the issue (drafts too) to this address only, marked as a test; nothing recorded.")]


@app.command()
def send(issue_id: int, backend: BackendOpt = None, test: TestOpt = None) -> None:
    """Send an approved issue to every active subscriber not yet sent it. Exit 1 if not all were
    served (retries waiting, failures, unknown outcomes) or another run holds the issue."""
    if test is not None:
        from verdicts import stages

        done = stages.send_test(_settings(), issue_id, test, backend)
        typer.echo(f"test of issue {issue_id} sent to {done.to} through {done.backend} ({done.message_id})")
        return
    summary = _run_send(_settings(), issue_id, backend)
    _print_send(summary)
    if not (summary.complete or summary.already_sent):
        raise typer.Exit(EXIT_PARTIAL)


def _run_send(settings: Settings, issue_id: int, backend: str | None) -> SendSummary:
    from contextlib import ExitStack

    from verdicts import stages
    from verdicts.progress import progress

    with stages.recorded_run(settings, "publish") as run, ExitStack() as stack:
        shown: list[Any] = []

        def on_progress(step: SendProgress) -> None:
            if not shown:
                bar = progress(f"send issue {issue_id}", step.total, "recipients", elapsed=step.elapsed)
                shown.append(stack.enter_context(bar))
            shown[0].advance(step.done, note=f"{step.sent} sent, {step.failed} failed")

        summary = stages.publish(settings, issue_id, backend, progress=on_progress)
        run.outcome, run.detail = stages.publish_outcome([summary])
    return summary


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
def subscribers_add(email: str, name: Annotated[str | None, typer.Option()] = None,
                    active: Annotated[bool, typer.Option(help="Already confirmed.")] = False) -> None:
    """Add a subscriber (pending until confirmed, unless --active, which also confirms a pending one)."""
    from db.engine import session_scope
    from db.states import SubscriberStatus
    from emails.audience import add_subscriber, confirm_pending

    status = SubscriberStatus.ACTIVE if active else SubscriberStatus.PENDING
    with session_scope(_engine(_settings())) as session:
        subscriber, created = add_subscriber(session, email=email, name=name, status=status)
        word = "added" if created else "already there"
        if not created and active and confirm_pending(session, subscriber=subscriber):
            word = "confirmed"
        typer.echo(f"{subscriber.email}: {word} ({subscriber.status})")


@subscribers_app.command("import")
def subscribers_import(path: Path, skip_invalid: Annotated[bool, typer.Option(
        "--skip-invalid", help="Import the valid rows and list the bad ones.")] = False) -> None:
    """Import a CSV with columns email,name,status; every bad line is reported with its number."""
    from db.engine import session_scope
    from emails.audience import import_csv

    with session_scope(_engine(_settings())) as session:
        result = import_csv(session, path=path, skip_invalid=skip_invalid)
    for problem in result.invalid:
        typer.secho(f"skipped {problem}", err=True, fg=typer.colors.YELLOW)
    typer.echo(f"{result.added} added, {result.unchanged} already there"
               + (f", {len(result.invalid)} invalid skipped" if result.invalid else "")
               + (f", {result.suppressed} skipped (deleted at their request)" if result.suppressed else ""))


@subscribers_app.command("list")
def subscribers_list(as_json: JsonOpt = False) -> None:
    """Every subscriber with their status."""
    from db import queries
    from db.engine import session_scope

    with session_scope(_engine(_settings())) as session:
        rows = [{"id": s.id, "email": s.email, "status": str(s.status)}
                for s in queries.list_subscribers(session)]
    if as_json:
        import json

        typer.echo(json.dumps(rows, indent=2))
        return
    for row in rows:
        typer.echo(f"{row['id']:>4}  {row['status']:<12} {row['email']}")


@app.command("web")
def serve_web(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int | None, typer.Option(
        min=1, help="Worker processes (default: one per core).", show_default=False)] = None,
    access_log: Annotated[bool, typer.Option(
        help="Log every request (off: the proxy in front logs them, at no cost to the workers).")] = False,
) -> None:
    """Serve the site, the subscriber pages and the desk with uvicorn."""
    import os

    import uvicorn

    from web import create_app

    settings = _settings()
    _engine(settings)  # refuses an unmigrated database with a clear message
    workers = workers or len(os.sched_getaffinity(0))
    # httptools and uvloop: uvicorn's fast parser and event loop (both installed with Verdicts).
    options: dict[str, Any] = {"host": host, "port": port, "proxy_headers": True, "access_log": access_log,
                               "http": "httptools", "loop": "uvloop"}
    if workers > 1:  # each worker process imports the app itself; create_app checks here first
        create_app(settings)
        # A worker imports the whole app before answering uvicorn's health check: on a busy machine
        # that takes longer than uvicorn's 5 s, and workers would be killed and restarted forever.
        uvicorn.run("web.asgi:app", workers=workers, timeout_worker_healthcheck=60, **options)
        return
    uvicorn.run(create_app(settings), **options)


# --- operators -----------------------------------------------------------------------------------


@app.command()
def status(as_json: JsonOpt = False) -> None:
    """What is happening: each flow's last run, failing sources, the draft, the last send, subscribers."""
    from verdicts.status import gather, render

    report = gather(_settings())
    if as_json:
        import json

        typer.echo(json.dumps(report, indent=2, default=str))
        return
    typer.echo(render(report))


@app.command()
def maintain() -> None:
    """The daily housekeeping the maintenance flow runs: prune, expire, refresh."""
    from verdicts import stages

    settings = _settings()
    with stages.recorded_run(settings, "maintain") as run:
        lines = stages.maintain(settings)
        run.detail = "; ".join(lines)
    for line in lines:
        typer.echo(line)


# --- the whole week ------------------------------------------------------------------------------


@app.command()
def week(
    sources: SourcesOpt = None,
    week: WeekOpt = None,
    subscribers: Annotated[Path | None, typer.Option(help="Import this subscribers CSV first.")] = None,
    approve_as: Annotated[str | None, typer.Option(
        "--approve-as", help="Approve the draft as this editor, then send it.")] = None,
    backend: BackendOpt = None,
) -> None:
    """The whole week: migrate, ingest, compose, (approve as the named editor,) send."""
    from db import queries
    from db.engine import session_scope, upgrade
    from db.states import IssueStatus
    from emails.audience import import_csv

    settings = _settings()
    week_name = _week(week)
    typer.echo(f"database: {upgrade(settings.resolved_database_url())}")
    if subscribers:
        with session_scope(_engine(settings)) as session:
            result = import_csv(session, path=subscribers)
        typer.echo(f"subscribers: {result.added} added, {result.unchanged} already there"
                   + (f", {result.suppressed} skipped (deleted)" if result.suppressed else ""))
    typer.echo("ingest:")
    _print_ingest(_run_ingest(settings, sources), as_json=False)
    typer.echo("compose:")
    with session_scope(_engine(settings)) as session:
        existing = queries.issue_for_week(session, week=week_name)
        past_draft = existing is not None and existing.status != IssueStatus.DRAFT
        issue_id, issue_status = (existing.id, existing.status) if existing else (None, None)
    if past_draft:  # approved or sent already: its content stays as it is
        typer.echo(f"issue {issue_id} ({week_name}) is {issue_status}: not recomposed")
    else:
        outcome = _run_compose(settings, week_name)
        _print_compose(outcome)
        issue_id = outcome.result.issue_id
        if not approve_as:
            typer.echo(f"issue {issue_id} is a draft: an editor approves it with "
                       f"`verdicts approve {issue_id} --as EDITOR_EMAIL`, then "
                       f"`verdicts send {issue_id}` sends it")
            return
        _approve(settings, issue_id, approve_as)
    assert issue_id is not None
    send(issue_id, backend)
    if (backend or settings.delivery_backend) == "outbox":
        typer.echo(f"outbox: {settings.resolved_outbox_dir().resolve()}")


if __name__ == "__main__":
    sys.exit(app())
