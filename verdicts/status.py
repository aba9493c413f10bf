"""`verdicts status`: what an operator needs at a glance, gathered from the database (and from
the Prefect server, when one is configured, for the flows' last runs)."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

from db import queries
from db.engine import session_scope
from db.models import utcnow
from editorial.weeks import current_week
from verdicts import stages
from verdicts.settings import Settings

log = logging.getLogger(__name__)
FLOWS = ("ingest", "review", "compose", "publish", "maintain")


def gather(settings: Settings) -> dict[str, Any]:
    """The status report as plain data; DatabaseNotReady when the database cannot be used."""
    engine = stages.engine_for(settings)
    with session_scope(engine) as session:
        report: dict[str, Any] = {
            "database": engine.url.render_as_string(hide_password=True),
            "runs": {flow: _run_row(run) for flow, run in queries.last_runs(session).items()},
            "runs_from": "database",
            "failing_sources": [
                {"source": name, "error": error, "since": since, "failures_in_a_row": count}
                for name, error, since, count in queries.failing_sources(session)],
            "skipped_entries": _skipped(session),
            "draft": _draft(session),
            "last_send": _last_send(session),
            "subscribers": queries.subscriber_counts(session),
        }
    prefect_runs = _prefect_runs()
    if prefect_runs is not None:
        report["runs"], report["runs_from"] = prefect_runs, f"Prefect at {stages.prefect_api_url()}"
    return report


def _run_row(run: Any) -> dict[str, Any]:
    return {"started": run.started_at, "finished": run.finished_at, "outcome": run.outcome,
            "detail": run.detail, "origin": run.origin}


def _skipped(session: Any) -> dict[str, Any]:
    total, rows = queries.recent_entry_errors(session, since=utcnow() - timedelta(days=1))
    return {"last_24h": total, "newest": [
        {"source": source, "entry": entry, "step": step, "reason": reason, "at": at}
        for source, entry, step, reason, at in rows]}


def _draft(session: Any) -> dict[str, Any] | None:
    issue = queries.issue_for_week(session, week=current_week())
    if issue is None:
        issues = [i for i in queries.list_issues(session) if i.status in ("draft", "approved")]
        issue = issues[0] if issues else None
    if issue is None:
        return None
    return {"id": issue.id, "week": issue.week, "status": str(issue.status),
            "comparisons": len(queries.comparisons_of(session, issue_id=issue.id or 0)),
            "approved_by": issue.approved_by, "approved_at": issue.approved_at,
            "render_errors": issue.render_errors}


def _last_send(session: Any) -> dict[str, Any] | None:
    issue = queries.last_sent_issue(session)
    if issue is None or issue.id is None:
        return None
    return {"id": issue.id, "week": issue.week, "status": str(issue.status), "sent_at": issue.sent_at,
            "deliveries": queries.delivery_counts(session, issue_id=issue.id)}


def _prefect_runs() -> dict[str, dict[str, Any]] | None:
    """The last run of each flow on the configured Prefect server; None without one (or if it
    does not answer: the database's records are shown instead)."""
    if not stages.prefect_api_url():
        return None
    try:
        from prefect.client.orchestration import get_client
        from prefect.client.schemas.filters import FlowFilter, FlowFilterName
        from prefect.client.schemas.sorting import FlowRunSort

        runs: dict[str, dict[str, Any]] = {}
        with get_client(sync_client=True) as client:
            for flow in FLOWS:
                found = client.read_flow_runs(flow_filter=FlowFilter(name=FlowFilterName(any_=[flow])),
                                              sort=FlowRunSort.EXPECTED_START_TIME_DESC, limit=1)
                if found:
                    run = found[0]
                    runs[flow] = {"started": run.start_time or run.expected_start_time,
                                  "finished": run.end_time,
                                  "outcome": run.state.name if run.state else "unknown",
                                  "detail": run.name, "origin": "prefect"}
        return runs
    except Exception as exc:  # noqa: BLE001  (an unreachable server must not hide the rest)
        log.warning("Prefect server did not answer: %s", exc)
        return None


def render(report: dict[str, Any]) -> str:
    """The report as the lines `verdicts status` prints."""
    lines = [f"database: {report['database']}", f"last runs (from {report['runs_from']}):"]
    for flow in FLOWS:
        run = report["runs"].get(flow)
        if run is None:
            lines.append(f"  {flow:<9} never run")
            continue
        lines.append(f"  {flow:<9} {run['outcome']:<10} {_when(run['started'])}"
                     f"{'  ' + run['detail'] if run.get('detail') else ''}")
    failing = report["failing_sources"]
    lines.append(f"failing sources: {len(failing) or 'none'}")
    for source in failing:
        lines.append(f"  {source['source']:<24} since {_when(source['since'])} "
                     f"({source['failures_in_a_row']} in a row): {source['error']}")
    skipped = report["skipped_entries"]
    lines.append(f"entries skipped in the last 24 h: {skipped['last_24h'] or 'none'}")
    for row in skipped["newest"]:
        lines.append(f"  {row['source']:<24} {_cut(row['entry'], 40):<40} {row['step']}: {row['reason']}")
    lines.append(_draft_line(report["draft"]))
    send = report["last_send"]
    if send is None:
        lines.append("last send: none yet")
    else:
        counts = ", ".join(f"{n} {state}" for state, n in sorted(send["deliveries"].items()))
        lines.append(f"last send: issue {send['id']} ({send['week']}) {send['status']}: {counts}")
    subscribers = ", ".join(f"{n} {state}" for state, n in sorted(report["subscribers"].items()))
    lines.append(f"subscribers: {subscribers or 'none'}")
    return "\n".join(lines)


def _draft_line(draft: dict[str, Any] | None) -> str:
    if draft is None:
        return "this week: no issue yet (`verdicts compose` drafts one)"
    line = (f"this week: issue {draft['id']} ({draft['week']}) {draft['status']}, "
            f"{draft['comparisons']} comparisons")
    if draft["approved_by"]:
        line += f", approved by {draft['approved_by']} at {_when(draft['approved_at'])}"
    elif draft["status"] == "draft":
        line += f", awaiting approval (`verdicts approve {draft['id']} --as EDITOR_EMAIL`)"
    if draft["render_errors"]:
        line += f"; render errors: {draft['render_errors']}"
    return line


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _when(value: datetime | str | None) -> str:
    if value is None:
        return "-"
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.strftime("%Y-%m-%d %H:%M UTC")
