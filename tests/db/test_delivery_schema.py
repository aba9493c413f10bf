"""The deliveries table as migrated: a send's status changes must rewrite no index (issue 8)."""
import pytest
from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine


def test_no_index_of_deliveries_holds_a_column_a_send_changes(engine: Engine) -> None:
    changed = {"status", "batch", "attempts", "updated_at", "message_id", "error", "next_attempt_at"}
    indexes = inspect(engine).get_indexes("deliveries")
    assert {"ix_deliveries_issue_id_id"} <= {index["name"] for index in indexes}
    assert all(changed.isdisjoint(index["column_names"]) for index in indexes)


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)  # SQLite has no fillfactor
def test_postgresql_keeps_half_of_each_deliveries_page_free(engine: Engine) -> None:
    with engine.connect() as connection:
        options = connection.execute(
            text("SELECT reloptions FROM pg_class WHERE relname = 'deliveries'")).scalar_one()
    assert "fillfactor=50" in options
