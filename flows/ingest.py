"""Hourly: every source fetched by its own task, so one bad source never stops the rest.

The tasks run on threads in the worker's process, or on a Dask cluster (VERDICTS_INGEST_TASK_RUNNER=dask);
the per-host gap holds across both, through the database."""

from __future__ import annotations

from pathlib import Path

from prefect import flow, get_run_logger, task, unmapped
from prefect.artifacts import create_table_artifact

from flows.runs import ingest_task_runner, recorded
from scrapers.ingest import SourceSummary
from scrapers.sources import SourceConfig
from verdicts import stages
from verdicts.settings import get_settings

COLUMNS = ("source", "status", "new_launches", "duplicates", "new_tools", "entry_errors", "error",
           "next_fetch_at")


@task(retries=2, retry_delay_seconds=[10, 60], task_run_name="ingest-{source.name}")
def ingest_source_task(source: SourceConfig, force: bool = False) -> dict[str, object]:
    return stages.ingest_one(source, get_settings(), force=force).as_dict()


@flow(name="ingest", log_prints=True, task_runner=ingest_task_runner(get_settings()))
def ingest_flow(sources_file: str | None = None, force: bool = False) -> list[dict[str, object]]:
    """Ingest every due source, one task each; the result is one summary per source, and a task
    that crashed even after its retries is reported as failed, never failing the others."""
    settings = get_settings()
    with recorded(settings, "ingest") as run:
        sources = stages.configured_sources(settings, Path(sources_file) if sources_file else None)
        futures = ingest_source_task.map(sources, force=unmapped(force))
        summaries = [_summary(source, future.result(raise_on_failure=False))
                     for source, future in zip(sources, futures, strict=True)]
        run.outcome, run.detail = stages.ingest_outcome([SourceSummary(**s) for s in summaries])  # type: ignore[arg-type]
        report(summaries)
    return summaries


def _summary(source: SourceConfig, result: object) -> dict[str, object]:
    if isinstance(result, dict):
        return result
    return SourceSummary(source.name, "failed", error=f"task crashed: {result}").as_dict()


def report(summaries: list[dict[str, object]]) -> None:
    """One log line per source, and a table in the Prefect UI (the run's Artifacts tab)."""
    logger = get_run_logger()
    for s in summaries:
        logger.info("%s: %s, %s new, %s duplicates, %s new tools, %s entries skipped%s", s["source"],
                    s["status"], s["new_launches"], s["duplicates"], s["new_tools"], s.get("entry_errors", 0),
                    f" ({s['error']})" if s["error"] else "")
    create_table_artifact(
        key="ingest-summary",
        table=[{column: s.get(column) for column in COLUMNS} for s in summaries],
        description="Per source: fetched / not_modified / skipped / failed (why), launches stored, "
                    "entries skipped (`verdicts status` lists why).",
    )
