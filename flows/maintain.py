"""Daily: prune the fetch log, expire unconfirmed sign-ups, refresh vote tallies (each its own
task, retried on its own). Reconciling unknown deliveries joins with issue 8's branch."""

from __future__ import annotations

from prefect import flow, task
from prefect.artifacts import create_table_artifact

from flows.runs import recorded
from verdicts import stages
from verdicts.settings import get_settings


@task(retries=2, retry_delay_seconds=60)
def maintenance_step_task(name: str) -> str:
    step = next(s for s in stages.MAINTENANCE_STEPS if s.__name__ == name)
    return step(get_settings())


@flow(name="maintain", log_prints=True)
def maintain_flow() -> list[str]:
    """Run every maintenance step; one line per step. A failed step fails the run, once the rest ran."""
    settings = get_settings()
    with recorded(settings, "maintain") as run:
        futures = [maintenance_step_task.submit(step.__name__) for step in stages.MAINTENANCE_STEPS]
        results = [f.result(raise_on_failure=False) for f in futures]
        lines = [r if isinstance(r, str) else f"{s.__name__} failed: {r}"
                 for s, r in zip(stages.MAINTENANCE_STEPS, results, strict=True)]
        run.detail = "; ".join(lines)
        create_table_artifact(key="maintenance", table=[{"step": line} for line in lines],
                              description="What the daily housekeeping did.")
        failed = [line for line, r in zip(lines, results, strict=True) if not isinstance(r, str)]
        if failed:
            run.outcome = "failed"
            raise RuntimeError("; ".join(failed))
    return lines
