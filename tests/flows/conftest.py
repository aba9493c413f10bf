"""The one temporary Prefect server every flow test of the session shares."""

import shutil

import pytest
from prefect.testing.utilities import prefect_test_harness


@pytest.fixture(scope="session")
def prefect_server():
    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture
def sqlite_url(tmp_path, sqlite_template):
    """A fresh migrated SQLite database (flows run on one; the stages are tested on both)."""
    def make(name: str = "verdicts.db") -> str:
        path = tmp_path / name
        shutil.copy(sqlite_template, path)
        return f"sqlite:///{path}"

    return make
