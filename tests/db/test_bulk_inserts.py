"""The ingest's bulk inserts, straight to the driver, on SQLite and PostgreSQL: rows in their
order across statements of many rows, values stored as the ORM stores them."""

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import text
from sqlmodel import Session, select

from db import queries
from db.models import Launch, Tool

FACTS_PER_STATEMENT = queries.INSERT_PARAMETERS // 6
WHEN = datetime(2026, 11, 23, 9, 30, 15, 250, tzinfo=timezone(timedelta(hours=2)))


def launch_row(source_id: int, guid: str, tool_id: int | None = None) -> dict[str, object]:
    return {"source_id": source_id, "tool_id": tool_id, "guid": guid, "url": f"https://{guid}.example/",
            "title": f"{guid} - a tool", "tool_name": guid, "tagline": None, "summary": "It does things.",
            "published_at": WHEN, "fetched_at": WHEN + timedelta(days=1), "is_ai_tool": True,
            "kind": "launch", "skip_reason": None}


def tool_row(name: str) -> dict[str, object]:
    return {"name": name, "slug": name.lower(), "domain": None, "url": None, "tagline": None,
            "description": None, "vendor": None, "category": "AI Tools", "pricing": None,
            "pricing_model": None, "first_seen_at": WHEN}


def a_source(session: Session) -> int:
    return queries.get_or_create_source(session, name="bulk", kind="feed", url="http://bulk.invalid/").id


@pytest.mark.parametrize("count", [1, FACTS_PER_STATEMENT - 1, FACTS_PER_STATEMENT,
                                   FACTS_PER_STATEMENT + 1, 2 * FACTS_PER_STATEMENT + 3])
def test_facts_keep_their_order_across_statements(engine, count):
    with Session(engine) as session:
        queries.insert_tools(session, rows=[tool_row("Kestrel")])
        (tool_id,) = session.connection().execute(text("SELECT id FROM tools")).one()
        queries.insert_launches(session, rows=[launch_row(a_source(session), "kestrel", tool_id)])
        (launch_id,) = session.connection().execute(text("SELECT id FROM launches")).one()
        values = [f"value {n:04d}" for n in reversed(range(count))]  # not the order of any index
        queries.insert_facts(session, rows=[(tool_id, launch_id, "license", value, "snippet", n % 2 == 0)
                                            for n, value in enumerate(values)])
        stored = session.connection().execute(text("SELECT value, negated FROM facts ORDER BY id")).all()
        session.commit()
    assert [value for value, _ in stored] == values
    assert [bool(negated) for _, negated in stored] == [n % 2 == 0 for n in range(count)]


def test_launches_in_bulk_are_stored_as_the_orm_stores_them(engine):
    with Session(engine) as session:
        source_id = a_source(session)
        orm = launch_row(source_id, "by-orm")
        session.add(Launch(**orm))
        session.flush()
        queries.insert_launches(session, rows=[launch_row(source_id, f"bulk-{n}") for n in range(200)])
        stored = session.connection().execute(text(
            "SELECT guid, published_at, fetched_at, is_ai_tool, kind FROM launches ORDER BY id")).all()
        session.commit()
    assert [guid for guid, *_ in stored] == ["by-orm"] + [f"bulk-{n}" for n in range(200)]
    assert {tuple(values) for _, *values in stored} == {tuple(stored[0][1:])}  # as the ORM wrote them


def test_tools_in_bulk_read_back_through_the_orm(engine):
    with Session(engine) as session:
        queries.insert_tools(session, rows=[tool_row(f"Tool{n}") for n in range(150)])
        session.commit()
    with Session(engine) as session:
        tools = session.exec(select(Tool).order_by(Tool.id)).all()
    assert [tool.slug for tool in tools] == [f"tool{n}" for n in range(150)]
    assert {tool.first_seen_at for tool in tools} == {WHEN}
    assert all(tool.first_seen_at.utcoffset() == timedelta(0) for tool in tools)  # stored in UTC
