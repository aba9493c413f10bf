"""The whole week in one flow run: ingest, compose, (approve as a named editor,) publish."""

from __future__ import annotations

from prefect import flow, task

from db.engine import session_scope
from editorial.issues import approve_issue
from flows.compose import compose_flow
from flows.ingest import ingest_flow
from flows.publish import publish_flow
from verdicts import stages
from verdicts.settings import get_settings


@task
def approve_task(issue_id: int, editor: str) -> str:
    settings = get_settings()
    with session_scope(stages.engine_for(settings)) as session:
        issue = approve_issue(session, issue_id=issue_id, editor=editor, settings=settings)
        return f"issue {issue_id} approved by {issue.approved_by}"


@flow(name="week", log_prints=True)
def week_flow(
    sources_file: str | None = None, week: str | None = None, approve_as: str | None = None
) -> dict[str, object]:
    """Ingest and compose; publish only what is approved: by an editor, or by `approve_as` here."""
    ingested = ingest_flow(sources_file)
    composed = compose_flow(week)
    approval = approve_task(composed["issue_id"], approve_as) if approve_as else None
    return {"ingest": ingested, "compose": composed, "approval": approval,
            "publish": publish_flow()}
