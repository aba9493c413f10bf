"""Weekly: pair the week's new tools, let the panel judge, draft the issue for an editor."""

from __future__ import annotations

from prefect import flow, task
from prefect.artifacts import create_table_artifact

from editorial.weeks import current_week
from flows.runs import recorded
from verdicts import stages
from verdicts.settings import get_settings


@task
def compose_task(week: str) -> dict[str, object]:
    settings = get_settings()
    outcome = stages.compose(settings, week)
    return {"issue_id": outcome.result.issue_id, "week": week,
            "comparisons": list(outcome.result.comparisons),
            "render_errors": list(outcome.preview.rendered.errors),
            "preview": str(outcome.preview.html_path),
            "outcome": stages.compose_outcome(outcome)}


@task
def compose_report_task(issue_id: int, week: str) -> None:
    rows = stages.compose_rows(get_settings(), issue_id)
    create_table_artifact(
        key="compose-verdicts", table=rows or [{"comparison": "nothing to compose this week"}],
        description=f"Issue {issue_id} ({week}): each pair's tools, the panel's and the community's "
                    "verdicts. An editor approves it before anything is sent.")


@flow(name="compose", log_prints=True)
def compose_flow(week: str | None = None) -> dict[str, object]:
    """Draft the week's issue (default: this week); an editor must approve it before it is sent."""
    settings = get_settings()
    with recorded(settings, "compose") as run:
        composed = compose_task(week or current_week())
        run.outcome, run.detail = composed.pop("outcome")  # type: ignore[misc]
        compose_report_task(composed["issue_id"], composed["week"])  # type: ignore[arg-type]
    return composed
