"""On approval, and every few minutes as a sweep: send what editors approved; finish any send a
crash interrupted. The deployment runs one at a time (prefect.yaml's concurrency limit)."""

from __future__ import annotations

from dataclasses import asdict

from prefect import flow, task
from prefect.artifacts import create_table_artifact

from emails.publish import SendSummary
from flows.runs import recorded
from verdicts import stages
from verdicts.settings import get_settings


@task
def publish_ready_task(backend: str | None) -> list[dict[str, object]]:
    return [asdict(s) for s in stages.publish_ready(get_settings(), backend)]


@task
def publish_report_task(summaries: list[dict[str, object]]) -> None:
    settings = get_settings()
    rows = [{"issue": s["issue_id"], "status": s["status"], "sent_this_run": s["sent"],
             **stages.send_counts(settings, int(s["issue_id"]))} for s in summaries]  # type: ignore[call-overload]
    create_table_artifact(
        key="publish-summary", table=rows or [{"issue": "none approved: nothing sent"}],
        description="Per issue: deliveries sent / failed / suppressed (not active) / unknown "
                    "(outcome lost in a crash: reconcile, never resend) / pending.")


@flow(name="publish", log_prints=True)
def publish_flow(backend: str | None = None) -> list[dict[str, object]]:
    """Send every approved issue; drafts are never sent. One summary per issue sent."""
    settings = get_settings()
    with recorded(settings, "publish") as run:
        summaries = publish_ready_task(backend)
        run.outcome, run.detail = stages.publish_outcome(
            [SendSummary(**s) for s in summaries])  # type: ignore[arg-type]
        publish_report_task(summaries)
    return summaries
