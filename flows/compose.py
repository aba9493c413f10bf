"""Weekly: pair the week's new tools, let the panel judge, draft the issue for an editor."""

from __future__ import annotations

from prefect import flow, task

from editorial.weeks import current_week
from verdicts import stages
from verdicts.settings import get_settings


@task
def compose_task(week: str) -> dict[str, object]:
    outcome = stages.compose(get_settings(), week)
    return {"issue_id": outcome.result.issue_id, "week": week,
            "comparisons": list(outcome.result.comparisons),
            "render_errors": list(outcome.preview.rendered.errors),
            "preview": str(outcome.preview.html_path)}


@flow(name="compose", log_prints=True)
def compose_flow(week: str | None = None) -> dict[str, object]:
    """Draft the week's issue (default: this week); an editor must approve it before it is sent."""
    return compose_task(week or current_week())
