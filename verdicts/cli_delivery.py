"""`verdicts deliveries …`: look at an issue's deliveries and settle the ones whose outcome is unknown."""

from __future__ import annotations

import json
from typing import Annotated

import typer

deliveries_app = typer.Typer(help="Deliveries: per-subscriber state of a send, and reconciliation.",
                             no_args_is_help=True)

StateOpt = Annotated[str | None, typer.Option("--state", help="Only rows in this state (e.g. unknown).")]


@deliveries_app.command("list")
def deliveries_list(
    issue_id: int,
    state: StateOpt = None,
    limit: Annotated[int, typer.Option(help="At most this many rows.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """An issue's deliveries (id, subscriber, state, attempts, provider outcome, error)."""
    from db import queries
    from db.engine import session_scope
    from db.states import DeliveryStatus
    from verdicts import stages
    from verdicts.cli import user_errors
    from verdicts.settings import get_settings

    @user_errors
    def run() -> None:
        wanted = DeliveryStatus(state) if state else None
        with session_scope(stages.engine_for(get_settings())) as session:
            queries.get_issue(session, issue_id=issue_id)
            rows = [{"id": d.id, "subscriber_id": d.subscriber_id, "status": str(d.status),
                     "attempts": d.attempts, "provider_status": d.provider_status, "error": d.error}
                    for d in queries.deliveries_of(session, issue_id=issue_id, status=wanted, limit=limit)]
        if as_json:
            typer.echo(json.dumps(rows, indent=2))
            return
        for row in rows:
            typer.echo(f"{row['id']:>8}  {row['subscriber_id']:>8}  {row['status']:<8} "
                       f"{row['attempts']:>2}  {row['provider_status'] or '-':<10} {row['error'] or ''}")
        if not rows:
            typer.echo("no deliveries")

    run()


@deliveries_app.command("reconcile")
def deliveries_reconcile(
    issue_id: int,
    resend: Annotated[bool, typer.Option("--resend", help="Send the unknown rows again.")] = False,
    mark_sent: Annotated[bool, typer.Option("--mark-sent", help="Count the unknown rows as sent.")] = False,
    grace_minutes: Annotated[float | None, typer.Option(
        "--grace-minutes", help="Only rows unknown for longer than this (default: settings).")] = None,
) -> None:
    """Settle deliveries whose outcome a crash lost: from provider events, else by your decision.

    Without --resend or --mark-sent it applies the provider's events and says what is left. Exit
    status 1 while rows still need a decision."""
    from db import queries
    from db.engine import session_scope
    from emails.reconcile import decide, reconcile_from_events
    from verdicts import stages
    from verdicts.cli import user_errors
    from verdicts.settings import get_settings

    @user_errors
    def run() -> None:
        if resend and mark_sent:
            raise ValueError("choose one: --resend or --mark-sent")
        settings = get_settings()
        engine = stages.engine_for(settings)
        if resend or mark_sent:
            done = decide(engine, settings, issue_id=issue_id, decision="resend" if resend else "mark-sent",
                          grace_minutes=grace_minutes)
            verb = "queued to send again" if resend else "marked sent"
            typer.echo(f"issue {issue_id}: {done.moved} unknown deliveries {verb}")
            if resend and done.moved:
                typer.echo(f"run `verdicts send {issue_id}` to send them (the publish flow also does)")
            left = done.too_recent
        else:
            with session_scope(engine) as session:
                queries.get_issue(session, issue_id=issue_id)
            moved = reconcile_from_events(engine, issue_id=issue_id)
            typer.echo(f"issue {issue_id}: {moved} unknown deliveries settled from provider events")
            left = 0
        _explain_left(engine, settings, issue_id, left)

    run()


def _explain_left(engine: object, settings: object, issue_id: int, too_recent: int) -> None:
    from datetime import timedelta

    from db import queries
    from db.engine import session_scope
    from db.models import utcnow

    grace = settings.reconcile_grace_minutes  # type: ignore[attr-defined]
    with session_scope(engine) as session:  # type: ignore[arg-type]
        old, recent = queries.unknown_waiting(session, issue_id=issue_id,
                                              older_than=utcnow() - timedelta(minutes=grace))
    if old:
        typer.echo(f"{old} unknown for over {grace:g} min with no provider event: decide with "
                   f"`verdicts deliveries reconcile {issue_id} --resend` or `--mark-sent`")
    if recent or too_recent:
        typer.echo(f"{max(recent, too_recent)} unknown for less than {grace:g} min: their events may "
                   "still arrive; run this again later")
    if old or recent:
        raise typer.Exit(1)
