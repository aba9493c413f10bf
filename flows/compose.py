"""Weekly: pair the week's new tools, let the panel judge, draft the issue for an editor."""

from __future__ import annotations

from prefect import flow, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact

from editorial.weeks import current_week
from flows.runs import recorded
from verdicts import stages
from verdicts.settings import Settings, get_settings


@task
def compose_task(week: str) -> dict[str, object]:
    settings = get_settings()
    outcome = stages.compose(settings, week)
    return {"issue_id": outcome.result.issue_id, "week": week,
            "comparisons": list(outcome.result.comparisons),
            "render_errors": list(outcome.preview.rendered.errors),
            "preview": str(outcome.preview.html_path),
            "outcome": stages.compose_outcome(outcome)}


def approval_markdown(settings: Settings, *, issue_id: int, week: str, render_errors: list[str]) -> str:
    """What the compose run tells operators: the draft waits for an editor, on the desk's preview."""
    link = f"{settings.public_base_url.rstrip('/')}/desk/issues/{issue_id}"
    lines = [f"# Issue {issue_id} ({week}) waits for an editor", "",
             f"Nothing is sent until an editor approves it on the desk: [preview and approve]({link}) "
             f"(or `verdicts approve {issue_id} --as EDITOR`). The approval starts a run of "
             f"`{settings.publish_deployment}`; its sweep sends anything a trigger missed."]
    if render_errors:
        lines += ["", "**Render errors: it cannot be approved until they are fixed.**", ""]
        lines += [f"- {error}" for error in render_errors]
    return "\n".join(lines)


@task
def compose_report_task(issue_id: int, week: str, render_errors: list[str]) -> None:
    settings = get_settings()
    create_markdown_artifact(key="compose-approval", description=f"Issue {issue_id} waits for an editor",
                             markdown=approval_markdown(settings, issue_id=issue_id, week=week,
                                                        render_errors=render_errors))
    rows = stages.compose_rows(settings, issue_id)
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
        compose_report_task(composed["issue_id"], composed["week"],  # type: ignore[arg-type]
                            composed["render_errors"])
    return composed
