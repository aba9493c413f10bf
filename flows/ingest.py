"""Hourly: every source fetched by its own task, so one bad source never stops the rest."""

from __future__ import annotations

from pathlib import Path

from prefect import flow, task

from scrapers.ingest import SourceSummary
from scrapers.sources import SourceConfig
from verdicts import stages
from verdicts.settings import get_settings


@task(retries=2, retry_delay_seconds=[10, 60], task_run_name="ingest-{source.name}")
def ingest_source_task(source: SourceConfig) -> dict[str, object]:
    return stages.ingest_one(source, get_settings()).as_dict()


@flow(name="ingest", log_prints=True)
def ingest_flow(sources_file: str | None = None) -> list[dict[str, object]]:
    """Ingest every configured source; the result is one summary per source."""
    sources = stages.configured_sources(get_settings(), Path(sources_file) if sources_file else None)
    futures = ingest_source_task.map(sources)
    return [future.result() for future in futures]


def summaries(results: list[dict[str, object]]) -> list[SourceSummary]:
    """The flow's result read back as summaries."""
    return [SourceSummary(**r) for r in results]  # type: ignore[arg-type]
