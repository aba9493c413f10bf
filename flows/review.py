"""After each ingest: the panel reviews the tools that landed, so verdicts exist before compose."""

from __future__ import annotations

from prefect import flow, task

from editorial.weeks import current_week
from verdicts import stages
from verdicts.settings import get_settings


@task
def review_task(week: str) -> dict[str, object]:
    tally = stages.review(get_settings(), week)
    return {"week": week, "tools": tally.tools, "judged": tally.judged, "reused": tally.reused,
            "dropped": tally.dropped, "errors": tally.errors}


@flow(name="review", log_prints=True)
def review_flow(week: str | None = None) -> dict[str, object]:
    """Review the tools that landed for this week's issue (default: this week); stored reviews are reused."""
    return review_task(week or current_week())
