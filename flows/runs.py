"""What every flow does around its tasks: a run record for `verdicts status`, and the task runner."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from prefect.runtime import flow_run

from verdicts import stages
from verdicts.settings import Settings


@contextmanager
def recorded(settings: Settings, flow: str) -> Iterator[stages.RunHandle]:
    """Record this flow run (with Prefect's id) in the database for `verdicts status`."""
    with stages.recorded_run(settings, flow, origin="prefect", flow_run_id=_flow_run_id()) as run:
        yield run


def _flow_run_id() -> str | None:
    run_id = flow_run.get_id()
    return str(run_id) if run_id else None


def ingest_task_runner(settings: Settings) -> Any:
    """The ingest flow's task runner: threads in the worker's process (default), or a Dask cluster
    through prefect-dask: the scheduler at VERDICTS_DASK_ADDRESS, else a local cluster of
    VERDICTS_DASK_WORKERS processes."""
    if settings.ingest_task_runner == "dask":
        from prefect_dask import DaskTaskRunner

        if settings.dask_address:
            return DaskTaskRunner(address=settings.dask_address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": settings.dask_workers, "threads_per_worker": 4,
                                              "processes": True, "dashboard_address": None})
    from prefect.task_runners import ThreadPoolTaskRunner

    return ThreadPoolTaskRunner(max_workers=settings.ingest_workers)
