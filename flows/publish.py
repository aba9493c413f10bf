"""Every few minutes: send what editors approved; finish any send a crash interrupted."""

from __future__ import annotations

from dataclasses import asdict

from prefect import flow, task

from verdicts import stages
from verdicts.settings import get_settings


@task
def publish_ready_task(backend: str | None) -> list[dict[str, object]]:
    return [asdict(s) for s in stages.publish_ready(get_settings(), backend)]


@flow(name="publish", log_prints=True)
def publish_flow(backend: str | None = None) -> list[dict[str, object]]:
    """Send every approved issue; drafts are never sent. One summary per issue sent."""
    return publish_ready_task(backend)
