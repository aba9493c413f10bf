"""A week composed from the bundled samples, once per session for SQLite (copied per test), since
ingest and compose cost about two seconds each time."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import Session

from db.engine import get_engine, make_engine
from db.states import SubscriberStatus
from editorial.weeks import current_week
from emails.audience import add_subscriber
from verdicts import stages
from verdicts.settings import SAMPLES_DIR, Settings


def compose_sample_week(settings: Settings) -> int:
    """Ingest the bundled samples and compose this week's draft; its issue id."""
    stages.ingest_all(settings, SAMPLES_DIR / "sources.toml")
    return stages.compose(settings, current_week()).result.issue_id


@pytest.fixture(scope="session")
def composed_sqlite(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    folder = tmp_path_factory.mktemp("composed")
    path = folder / "verdicts.db"
    shutil.copy(sqlite_template, path)
    url = f"sqlite:///{path}"
    issue_id = compose_sample_week(Settings(data_dir=folder / "var", database_url=url))
    engine = get_engine(url)
    with engine.connect() as connection:
        connection.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    engine.dispose()
    return path, issue_id


@pytest.fixture
def compose_with_readers(request: pytest.FixtureRequest, settings: Settings):
    """compose(n): the sample week's draft issue id, with `n` active readers and one pending."""

    def compose(readers: int) -> int:
        url = settings.resolved_database_url()
        if url.startswith("sqlite:///"):
            path, issue_id = request.getfixturevalue("composed_sqlite")
            get_engine(url).dispose()
            shutil.copy(path, url.removeprefix("sqlite:///"))
        else:
            issue_id = compose_sample_week(settings)
        engine = get_engine(url)
        with Session(engine) as session:
            for n in range(readers):
                add_subscriber(session, email=f"reader{n}@example.com", status=SubscriberStatus.ACTIVE)
            add_subscriber(session, email="pending@example.com")
            session.commit()
        return issue_id

    return compose


__all__ = ["compose_sample_week", "make_engine"]
