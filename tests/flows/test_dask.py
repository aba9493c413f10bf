"""The ingest flow on a local Dask cluster of two worker processes (prefect-dask) stores exactly
what the thread runner stores, on the same sources."""

from __future__ import annotations

import pytest
from prefect.task_runners import ThreadPoolTaskRunner
from prefect_dask import DaskTaskRunner
from sqlmodel import Session, select

from db.engine import get_engine
from db.models import Fact, Launch, Source, Tool
from flows.ingest import ingest_flow
from flows.runs import ingest_task_runner
from verdicts.settings import SAMPLES_DIR, get_settings

pytestmark = pytest.mark.flows


def stored(url: str) -> dict[str, set[tuple]]:
    # A tool is known by its resolution key (its site): its display name is the name of whichever
    # launch was stored first ("PixelSmith AI" or "Pixelsmith"), and either runner may store either.
    with Session(get_engine(url)) as session:
        launches = session.exec(select(Source.name, Launch.guid, Launch.title, Launch.url, Tool.domain)
                                .join(Source, Source.id == Launch.source_id)
                                .join(Tool, Tool.id == Launch.tool_id, isouter=True)).all()
        facts = session.exec(select(Tool.domain, Fact.kind, Fact.value)
                             .join(Tool, Tool.id == Fact.tool_id)).all()
        tools = session.exec(select(Tool.domain, Tool.category)).all()
    return {"launches": set(launches), "facts": set(facts), "tools": set(tools)}


def run_ingest(monkeypatch, url: str, runner) -> list[dict]:
    monkeypatch.setenv("VERDICTS_DATABASE_URL", url)  # before the cluster starts: its workers inherit it
    get_settings.cache_clear()
    summaries = ingest_flow.with_options(task_runner=runner)(str(SAMPLES_DIR / "sources.toml"))
    return [{k: v for k, v in s.items() if k != "next_fetch_at"} for s in summaries]


@pytest.fixture(params=["sqlite"])
def database_url(sqlite_url):
    return sqlite_url()


def test_ingest_on_two_dask_workers_equals_the_thread_runner(prefect_server, settings, sqlite_url,
                                                             monkeypatch):
    threads_db, dask_db = sqlite_url("threads.db"), sqlite_url("dask.db")
    with_threads = run_ingest(monkeypatch, threads_db, ThreadPoolTaskRunner(max_workers=4))
    cluster = {"n_workers": 2, "threads_per_worker": 2, "processes": True, "dashboard_address": None}
    with_dask = run_ingest(monkeypatch, dask_db, DaskTaskRunner(cluster_kwargs=cluster))

    # Sources are stored as their tasks finish, in either runner: a product two sources name is new
    # to whichever stores it first, so only the total of new tools is the same, not who counts it.
    def per_source(summaries: list[dict]) -> list[dict]:
        return [{k: v for k, v in s.items() if k != "new_tools"} for s in summaries]

    assert per_source(with_dask) == per_source(with_threads)
    assert sum(s["new_tools"] for s in with_dask) == sum(s["new_tools"] for s in with_threads)
    assert {s["status"] for s in with_dask} == {"fetched"} and sum(s["new_launches"] for s in with_dask) >= 8
    assert stored(dask_db) == stored(threads_db)


def test_the_settings_choose_the_task_runner(monkeypatch):
    monkeypatch.setenv("VERDICTS_INGEST_TASK_RUNNER", "dask")
    monkeypatch.setenv("VERDICTS_DASK_ADDRESS", "tcp://10.0.0.5:8786")
    get_settings.cache_clear()
    try:
        runner = ingest_task_runner(get_settings())
        assert isinstance(runner, DaskTaskRunner) and runner.address == "tcp://10.0.0.5:8786"
        monkeypatch.setenv("VERDICTS_INGEST_TASK_RUNNER", "threads")
        get_settings.cache_clear()
        assert isinstance(ingest_task_runner(get_settings()), ThreadPoolTaskRunner)
    finally:
        get_settings.cache_clear()
