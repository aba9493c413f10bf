"""Data access: small keyword-only functions, and the few set-based bulk statements."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from enum import StrEnum
from itertools import chain
from operator import itemgetter
from typing import NamedTuple, TypeVar

from slugify import slugify, smart_truncate
from sqlalchemy import (
    Integer,
    Table,
    any_,
    bindparam,
    case,
    cast,
    delete,
    exists,
    func,
    insert,
    literal,
    or_,
    text,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection
from sqlmodel import Session, col, select
from sqlmodel.sql.sqltypes import UTCDateTime

from db.models import (
    CommunityVote,
    Comparison,
    ComparisonReview,
    Delivery,
    Fact,
    FetchLog,
    HostGate,
    IngestError,
    Launch,
    NewsletterIssue,
    PairingDecision,
    PanelReview,
    ProviderEvent,
    RunRecord,
    SendLease,
    Source,
    Subscriber,
    Tool,
    ToolEmbedding,
    VoteTally,
    utcnow,
)
from db.states import DeliveryStatus, IssueStatus, SubscriberStatus, ensure_transition, is_allowed

T = TypeVar("T")


class NotFound(LookupError):
    """No row has that id or key."""


IN_LIST_SIZE = 500  # keeps an IN (...) list under every backend's parameter limit


def chunked(values: Sequence[T]) -> Iterator[Sequence[T]]:
    """`values` in slices short enough for one IN (...) list."""
    for start in range(0, len(values), IN_LIST_SIZE):
        yield values[start : start + IN_LIST_SIZE]


# --- straight to the driver ----------------------------------------------------------------------
# The ingest's statements of hundreds of values (IN lists of every GUID of a feed, the rows of its
# launches, tools and facts) go to the DBAPI driver as SQL text. Why: there SQLAlchemy's work per
# statement and per value (compiling an expanded IN list, building and processing each row's
# parameters) cost more than the database's own (bench/ingest.py, the store step). The SQL is
# written with ? marks and plain identifiers, and runs unchanged on SQLite and PostgreSQL.


def _in_driver_style(connection: Connection, sql: str) -> str:
    """`sql`, written with ? marks, in the driver's parameter style (psycopg takes %s)."""
    return sql if connection.dialect.paramstyle == "qmark" else sql.replace("?", "%s")


def _select_in(session: Session, sql: str, values: Iterable[object], *before: object) -> list[tuple]:
    """The rows `sql` selects for all of `values`: `sql` ends with `IN ({marks})`, and its ? marks
    before the list take `before`. Run in chunks of IN_LIST_SIZE values."""
    connection = session.connection()
    wanted = list(values)
    rows: list[tuple] = []
    for chunk in chunked(wanted):
        statement = _in_driver_style(connection, sql.format(marks=", ".join(["?"] * len(chunk))))
        rows.extend(tuple(row) for row in connection.exec_driver_sql(statement, (*before, *chunk)).all())
    return rows


def _insert_many(session: Session, table: Table, rows: Sequence[Mapping[str, object]]) -> None:
    """Insert `rows` (dicts with the same keys: column names) on the driver (see `_insert_rows`).

    Each value still goes through its column type's bind processing (a datetime in the form SQLite
    stores it, in UTC; a bool checked), a column at a time, once per distinct (hashable) value: a
    batch repeats most of its values (every launch of a fetch has one `fetched_at`), and a bind
    processor's result depends on the value alone."""
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    columns = list(rows[0])
    values = [tuple(map(itemgetter(name), rows)) for name in columns]  # the values of each column
    for position, name in enumerate(columns):
        process = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
        if process is not None:
            done: dict[object, object] = {}
            values[position] = tuple(done[v] if v in done else done.setdefault(v, process(v))
                                     for v in values[position])
    quote = dialect.identifier_preparer.quote
    _insert_rows(connection, quote(table.name), [quote(name) for name in columns],
                 list(zip(*values, strict=True)))


INSERT_PARAMETERS = 999  # values in one INSERT: under every backend's limit (SQLite's, before 3.32)


def _insert_rows(connection: Connection, table: str, columns: Sequence[str],
                 rows: Sequence[Sequence[object]]) -> None:
    """Insert `rows` (values in the order of `columns`), many rows to a statement: `INSERT ...
    VALUES (...), (...), ...`; the statements of INSERT_PARAMETERS values run as one executemany,
    the rows left over as one more statement.

    Why many to a statement: a statement a row costs the driver a step and a reset a row, as much
    as a quarter of the database's work on the facts of a feed. A VALUES list is inserted in its
    order, so the rows, and the ids they get, are those a statement a row would insert."""
    per_statement = max(INSERT_PARAMETERS // len(columns), 1)

    def sql(count: int) -> str:
        row = f"({', '.join(['?'] * len(columns))})"
        return _in_driver_style(
            connection, f"INSERT INTO {table} ({', '.join(columns)}) VALUES {', '.join([row] * count)}")

    whole = len(rows) - len(rows) % per_statement
    if whole:
        connection.exec_driver_sql(sql(per_statement), [
            tuple(chain.from_iterable(rows[start : start + per_statement]))
            for start in range(0, whole, per_statement)])
    if rest := rows[whole:]:
        connection.exec_driver_sql(sql(len(rest)), tuple(chain.from_iterable(rest)))


# --- sources -------------------------------------------------------------------------------------


def get_or_create_source(session: Session, *, name: str, kind: str, url: str) -> Source:
    """The source row called `name`, created or updated to the configured kind and URL."""
    source = find_source(session, name=name)
    if source is None:
        source = Source(name=name, kind=kind, url=url)
    if source.id is None or (source.kind, source.url) != (kind, url):
        if source.url != url:  # validators of another URL mean nothing here
            source.etag = source.last_modified = None
        source.kind, source.url = kind, url
        session.add(source)
        session.flush()
    return source


def find_source(session: Session, *, name: str) -> Source | None:
    """The source row called `name`, if it was ever ingested."""
    return session.exec(select(Source).where(Source.name == name)).first()


def record_source_success(
    session: Session, *, source_id: int, at: datetime, status: str, etag: str | None,
    last_modified: str | None, next_fetch_at: datetime, warning: str | None,
) -> None:
    """Note a good fetch (`fetched` or `not_modified`) on the source: validators, next fetch."""
    _update_source(session, source_id, last_fetched_at=at, last_status=status, last_error=warning,
                   error_count=0, etag=etag, last_modified=last_modified, next_fetch_at=next_fetch_at)


def record_source_failure(
    session: Session, *, source_id: int, at: datetime, error: str, next_fetch_at: datetime
) -> None:
    """Note a failed fetch on the source: the reason, one more error in a row, the next try."""
    _update_source(session, source_id, last_fetched_at=at, last_status="failed", last_error=error,
                   error_count=SOURCES.c.error_count + 1, next_fetch_at=next_fetch_at)


SOURCES = Source.__table__  # type: ignore[attr-defined]


def _update_source(session: Session, source_id: int, **values: object) -> None:
    # A Core UPDATE: the ORM's would first look for the row among the session's objects.
    session.connection().execute(update(SOURCES).where(SOURCES.c.id == source_id).values(**values))


def list_sources(session: Session) -> Sequence[Source]:
    """Every source row, by name."""
    return session.exec(select(Source).order_by(Source.name)).all()


# --- launches and tools --------------------------------------------------------------------------


TOOL_RESOLUTION_LOCK = 0x7665726469637473  # "verdicts": the advisory lock's key


def lock_tool_resolution(session: Session) -> None:
    """Hold, until this transaction ends, the lock under which launches are resolved to tools.

    On PostgreSQL an advisory lock, so that ingest processes never create one tool twice. On
    SQLite the write lock, taken now by a write that changes nothing: a transaction that read
    first and wrote later could not wait its turn when another process wrote in between."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": TOOL_RESOLUTION_LOCK})
    else:
        session.execute(text("UPDATE sources SET id = id WHERE 0"))


def existing_guids(session: Session, *, source_id: int, guids: Iterable[str]) -> set[str]:
    """Which of `guids` the source already has stored."""
    sql = "SELECT guid FROM launches WHERE source_id = ? AND guid IN ({marks})"
    return {guid for guid, in _select_in(session, sql, set(guids), source_id)}


def existing_urls(session: Session, *, source_id: int, urls: Iterable[str]) -> set[str]:
    """Which of the canonical `urls` the source already has stored (a GUID may change, a URL less so)."""
    sql = "SELECT url FROM launches WHERE source_id = ? AND url IN ({marks})"
    return {url for url, in _select_in(session, sql, set(urls), source_id) if url}


def launch_ids_by_guid(session: Session, *, source_id: int, guids: Sequence[str]) -> dict[str, int]:
    """The ids of the source's launches with these GUIDs."""
    sql = "SELECT guid, id FROM launches WHERE source_id = ? AND guid IN ({marks})"
    return {guid: launch_id for guid, launch_id in _select_in(session, sql, guids, source_id)}


def tool_ids_by_slug(session: Session, *, slugs: Sequence[str]) -> dict[str, int]:
    """The ids of the tools with these slugs."""
    sql = "SELECT slug, id FROM tools WHERE slug IN ({marks})"
    return {slug: tool_id for slug, tool_id in _select_in(session, sql, slugs)}


def all_tools(session: Session) -> Sequence[Tool]:
    """Every tool, oldest first."""
    return session.exec(select(Tool).order_by(Tool.id)).all()


def get_tool(session: Session, *, tool_id: int) -> Tool:
    """The tool with `tool_id`; NotFound if there is none."""
    tool = session.get(Tool, tool_id)
    if tool is None:
        raise NotFound(f"no tool with id {tool_id}")
    return tool


def tool_keys(session: Session) -> list[tuple[int, str, str | None, str | None]]:
    """(id, name, domain, vendor) of every tool: what resolving a launch needs."""
    # on the driver: every ingest of a source reads every tool
    rows = session.connection().exec_driver_sql("SELECT id, name, domain, vendor FROM tools ORDER BY id")
    return [(tool_id, name, domain, vendor) for tool_id, name, domain, vendor in rows]


def fact_keys(session: Session, *, tool_ids: set[int]) -> set[tuple[int, str, str]]:
    """(tool id, kind, value) of every fact stored for `tool_ids`."""
    sql = "SELECT tool_id, kind, value FROM facts WHERE tool_id IN ({marks})"
    return set(_select_in(session, sql, sorted(tool_ids)))


SLUG_LENGTH = 80
# What python-slugify does to a name of ASCII characters but "&" (nothing to transliterate, no HTML
# entity to decode), in its order and with its patterns: quotes to dashes, lower case, no comma
# between digits, every run of other characters to one dash. Why: slugify costs some 5 µs a name
# and an ingest names hundreds of new tools; this costs 1. tests/db/test_slugs.py holds it to
# slugify over generated names.
_QUOTES = re.compile(r"[']+")
_DIGIT_COMMA = re.compile(r"(?<=\d),(?=\d)")
_DISALLOWED = re.compile(r"[^-a-zA-Z0-9]+")
_DASHES = re.compile(r"-{2,}")


def slug_of(name: str) -> str:
    """The name's slug as python-slugify makes it, of at most SLUG_LENGTH characters; "" when the
    name has no letter or digit."""
    if not name.isascii() or "&" in name:
        return slugify(name, max_length=SLUG_LENGTH, backend="text-unidecode")
    text = _DIGIT_COMMA.sub("", _QUOTES.sub("-", name).lower())
    text = _DASHES.sub("-", _DISALLOWED.sub("-", text)).strip("-")
    return smart_truncate(text, SLUG_LENGTH, separator="-")


def unique_slugs(session: Session, *, names: Sequence[str]) -> list[str]:
    """A slug per name that no stored tool has and no other name of the list gets."""
    bases = [slug_of(name) or "tool" for name in names]
    taken = {slug for slug, in _select_in(session, "SELECT slug FROM tools WHERE slug IN ({marks})",
                                          sorted(set(bases)))}
    for base in sorted(taken):  # only a base already stored needs its numbered variants looked up
        taken.update(session.exec(select(Tool.slug).where(col(Tool.slug).startswith(base + "-"))))
    slugs = []
    for base in bases:
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        slugs.append(slug)
    return slugs


def insert_facts(session: Session, *, rows: Sequence[tuple[int, int, str, str, str, bool]]) -> None:
    """Insert (tool id, launch id, kind, value, snippet, negated) rows, many to a statement.

    Straight to the driver, unprocessed: facts are the most numerous rows of an ingest, their
    columns are plain integers, strings and bools, and per-row statement processing cost more
    than the insert."""
    if rows:
        _insert_rows(session.connection(), "facts",
                     ["tool_id", "launch_id", "kind", "value", "snippet", "negated"], rows)


TOOLS: Table = Tool.__table__  # type: ignore[attr-defined]
LAUNCHES: Table = Launch.__table__  # type: ignore[attr-defined]


def insert_tools(session: Session, *, rows: Sequence[Mapping[str, object]]) -> None:
    """Insert new tools (dicts of column values, each with the same columns), many to a statement."""
    _insert_many(session, TOOLS, rows)


def insert_launches(session: Session, *, rows: Sequence[Mapping[str, object]]) -> None:
    """Insert launches (dicts of column values, each with the same columns), many to a statement."""
    _insert_many(session, LAUNCHES, rows)


def launch_stats_by_tool(
    session: Session, *, tool_ids: Iterable[int]
) -> dict[int, tuple[int, list[str]]]:
    """Per tool id: how many launches it has, and the names of their sources (sorted)."""
    wanted = sorted(set(tool_ids))
    stats: dict[int, tuple[int, list[str]]] = {}
    for chunk in chunked(wanted):
        stmt = (
            select(Launch.tool_id, Source.name, func.count())
            .join(Source, col(Source.id) == col(Launch.source_id))
            .where(col(Launch.tool_id).in_(chunk))
            .group_by(col(Launch.tool_id), col(Source.name))
            .order_by(col(Launch.tool_id), col(Source.name))
        )
        for tool_id, source_name, launches in session.exec(stmt).all():
            total, names = stats.get(tool_id, (0, []))
            stats[tool_id] = (total + launches, [*names, source_name])
    return stats


def facts_of(session: Session, *, tool_id: int) -> Sequence[Fact]:
    """The tool's facts, in the order they were found."""
    return session.exec(select(Fact).where(Fact.tool_id == tool_id).order_by(Fact.id)).all()


def skipped_launches(session: Session, *, limit: int | None = None) -> list[tuple[Launch, str]]:
    """The entries stored without a tool (not launches, or not AI), newest first, each with the
    name of its source."""
    stmt = (select(Launch, Source.name).join(Source, col(Source.id) == col(Launch.source_id))
            .where(col(Launch.tool_id).is_(None)).order_by(col(Launch.id).desc()).limit(limit))
    return [(launch, name) for launch, name in session.exec(stmt).all()]


def launches_of(session: Session, *, tool_id: int) -> Sequence[Launch]:
    """The tool's launches, oldest first."""
    return session.exec(select(Launch).where(Launch.tool_id == tool_id).order_by(Launch.id)).all()


def tools_first_seen_between(
    session: Session, *, start: datetime, end: datetime, exclude_compared: bool = True
) -> Sequence[Tool]:
    """AI tools first seen in [start, end), oldest first, optionally without those already compared."""
    ai_tool_ids = select(Launch.tool_id).where(Launch.is_ai_tool, col(Launch.tool_id).is_not(None))
    stmt = select(Tool).where(
        Tool.first_seen_at >= start, Tool.first_seen_at < end, col(Tool.id).in_(ai_tool_ids)
    )
    if exclude_compared:
        compared = select(Comparison.tool_a_id).union(select(Comparison.tool_b_id))
        stmt = stmt.where(col(Tool.id).not_in(compared))
    return session.exec(stmt.order_by(Tool.first_seen_at, Tool.id)).all()


# --- issues, comparisons, reviews ----------------------------------------------------------------


def get_issue(session: Session, *, issue_id: int) -> NewsletterIssue:
    """The issue with `issue_id`; NotFound if there is none."""
    issue = session.get(NewsletterIssue, issue_id)
    if issue is None:
        raise NotFound(f"no issue with id {issue_id}")
    return issue


def issue_for_week(session: Session, *, week: str) -> NewsletterIssue | None:
    """The issue of `week`, if one was composed."""
    return session.exec(select(NewsletterIssue).where(NewsletterIssue.week == week)).first()


def list_issues(session: Session) -> Sequence[NewsletterIssue]:
    """Every issue, newest week first."""
    return session.exec(select(NewsletterIssue).order_by(col(NewsletterIssue.week).desc())).all()


def comparisons_of(session: Session, *, issue_id: int) -> Sequence[Comparison]:
    """The issue's comparisons in reading order."""
    stmt = select(Comparison).where(Comparison.issue_id == issue_id).order_by(Comparison.position)
    return session.exec(stmt).all()


def reviews_of(session: Session, *, tool_id: int) -> Sequence[PanelReview]:
    """The tool's panel reviews."""
    return session.exec(select(PanelReview).where(PanelReview.tool_id == tool_id)).all()


def votes_for(session: Session, *, comparison_id: int, tool_id: int) -> Sequence[str]:
    """Subscribers' decisions on one tool of one comparison."""
    stmt = select(CommunityVote.decision).where(
        CommunityVote.comparison_id == comparison_id, CommunityVote.tool_id == tool_id
    )
    return session.exec(stmt).all()


def vote_of(session: Session, *, subscriber_id: int, comparison_id: int, tool_id: int) -> str | None:
    """The decision a subscriber holds on one tool of one comparison, if any."""
    stmt = select(CommunityVote.decision).where(
        CommunityVote.subscriber_id == subscriber_id,
        CommunityVote.comparison_id == comparison_id,
        CommunityVote.tool_id == tool_id,
    )
    return session.exec(stmt).first()


def record_vote(
    session: Session, *, subscriber_id: int, comparison_id: int, tool_id: int, decision: str
) -> None:
    """Insert the vote or change the one held; one statement, so racing clicks stay one row."""
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    stmt = insert(CommunityVote).values(
        subscriber_id=subscriber_id, comparison_id=comparison_id, tool_id=tool_id,
        decision=decision, created_at=utcnow(),
    )
    stmt = stmt.on_conflict_do_update(
        index_elements=["subscriber_id", "comparison_id", "tool_id"],
        set_={"decision": stmt.excluded.decision},
        where=col(CommunityVote.decision) != stmt.excluded.decision,
    )
    session.execute(stmt)


# --- subscribers and deliveries ------------------------------------------------------------------


def get_subscriber_by_email(session: Session, *, email: str) -> Subscriber | None:
    """The subscriber with that (normalised) address, if any."""
    return session.exec(select(Subscriber).where(Subscriber.email == email)).first()


def list_subscribers(session: Session) -> Sequence[Subscriber]:
    """Every subscriber, by address."""
    return session.exec(select(Subscriber).order_by(Subscriber.email)).all()


# --- delivery (issue 8): set-based bookkeeping, leases, provider events --------------------------
#
# A send moves thousands of rows at a time, so these are single Core statements (an INSERT from a
# SELECT, an UPDATE over an id list, an executemany), never an ORM object per row. Each checks its
# move against db.states first: the state machine stays the one authority on what may happen.

DELIVERIES = Delivery.__table__  # type: ignore[attr-defined]
SUBSCRIBERS = Subscriber.__table__  # type: ignore[attr-defined]
LEASES = SendLease.__table__  # type: ignore[attr-defined]
EVENTS = ProviderEvent.__table__  # type: ignore[attr-defined]
# SQLite allows 32,766 variables per statement, PostgreSQL 65,535: an id list stays well below.
ID_CHUNK = 5000


class Claimed(NamedTuple):
    """A delivery claimed for sending: its row, subscriber, address and attempts so far (a tuple,
    made straight from the returned row: a send makes a million)."""

    delivery_id: int
    subscriber_id: int
    email: str
    attempts: int


def _insert_for(session: Session):  # type: ignore[no-untyped-def]
    return postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert


def _moves_from(target: StrEnum) -> list[str]:
    """The states from which the machine allows a move to `target`."""
    return [str(state) for state in type(target) if is_allowed(state, target)]


def queue_deliveries(session: Session, *, issue_id: int, backend: str, now: datetime) -> int:
    """One INSERT … SELECT: a pending delivery for every active subscriber; how many.

    Called once per issue, in the transaction that moves it to sending, so no row can exist yet: a
    plain INSERT (half the cost of ON CONFLICT on PostgreSQL), the unique constraint its guard."""
    d = DELIVERIES.c
    rows = select(
        literal(issue_id), SUBSCRIBERS.c.id, literal(DeliveryStatus.PENDING.value), literal(backend),
        literal(0), literal(now, d.created_at.type), literal(now, d.updated_at.type),
    ).where(SUBSCRIBERS.c.status == SubscriberStatus.ACTIVE.value)
    stmt = DELIVERIES.insert().from_select(
        ["issue_id", "subscriber_id", "status", "backend", "attempts", "created_at", "updated_at"], rows)
    queued = max(session.connection().execute(stmt).rowcount or 0, 0)
    if session.get_bind().dialect.name == "postgresql":
        # A million rows the planner has no statistics for: without them it sorts every pending
        # row of the issue for each claim instead of walking the index.
        session.connection().execute(text("ANALYZE deliveries, subscribers"))
    return queued


def claim_deliveries(
    session: Session, *, issue_id: int, batch: str, limit: int, now: datetime, after_id: int = 0
) -> list[Claimed]:
    """One UPDATE … RETURNING: the next `limit` due pending rows (ids above `after_id`) of active
    subscribers → sending. A run passes the last id it claimed, so each claim reads only its batch."""
    ensure_transition(DeliveryStatus.PENDING, DeliveryStatus.SENDING)
    d, s = DELIVERIES.c, SUBSCRIBERS.c
    active = exists().where(s.id == d.subscriber_id, s.status == SubscriberStatus.ACTIVE.value)
    due = (  # walks the (issue, id) index from the cursor, status read from the row; a join here
        # let PostgreSQL start from the subscribers and sort them all
        select(d.id)
        .where(d.issue_id == issue_id, d.status == DeliveryStatus.PENDING.value, d.id > after_id,
               or_(d.next_attempt_at.is_(None), d.next_attempt_at <= now), active)
        .order_by(d.id)
        .limit(limit)
    )
    if session.get_bind().dialect.name == "postgresql":
        # id = ANY(one array, computed once): an index lookup per row, where IN (…) or a join let
        # the planner hash the whole table for each claim.
        ids = select(func.array_agg(due.subquery().c.id)).scalar_subquery()
        picked = d.id == any_(cast(ids, postgresql.ARRAY(Integer)))
    else:
        picked = d.id.in_(due)
    email = select(s.email).where(s.id == d.subscriber_id).scalar_subquery()
    stmt = (
        update(DELIVERIES)
        .where(picked)
        .values(status=DeliveryStatus.SENDING.value, batch=batch, attempts=d.attempts + 1, updated_at=now)
        .returning(d.id, d.subscriber_id, email, d.attempts)
    )
    rows = session.connection().execute(stmt).tuples().all()
    return sorted(map(Claimed._make, rows))


def settle_sent(session: Session, *, message_ids: dict[int, str], now: datetime) -> None:
    """sending → sent for these rows, each with its message id (one UPDATE when they share one)."""
    _settle(session, DeliveryStatus.SENT, {i: (m, None) for i, m in message_ids.items()}, now)


def settle_failed(session: Session, *, errors: dict[int, str], now: datetime) -> None:
    """sending → failed for good, with the provider's message."""
    _settle(session, DeliveryStatus.FAILED, {i: (None, e) for i, e in errors.items()}, now)


def settle_unknown(session: Session, *, reasons: dict[int, str], now: datetime) -> None:
    """sending → unknown: the request may have been accepted; events or the operator decide."""
    _settle(session, DeliveryStatus.UNKNOWN, {i: (None, why) for i, why in reasons.items()}, now)


def settle_retry(session: Session, *, retries: dict[int, tuple[str, datetime]], now: datetime,
                 refund_attempt: bool = False) -> None:
    """sending → pending, each with its error and the time before which it is not claimed again;
    `refund_attempt` when the failure was no recipient's (the run halted)."""
    if not retries:
        return
    ensure_transition(DeliveryStatus.SENDING, DeliveryStatus.PENDING)
    d = DELIVERIES.c
    stmt = (update(DELIVERIES)
            .where(d.id == bindparam("b_id"), d.status == DeliveryStatus.SENDING.value)
            .values(status=DeliveryStatus.PENDING.value, error=bindparam("b_error"),
                    next_attempt_at=bindparam("b_next"), updated_at=now,
                    attempts=d.attempts - 1 if refund_attempt else d.attempts))
    params = [{"b_id": i, "b_error": e, "b_next": at} for i, (e, at) in retries.items()]
    session.connection().execute(stmt, params)


def _settle(session: Session, target: DeliveryStatus, rows: dict[int, tuple[str | None, str | None]],
            now: datetime) -> None:
    """sending → `target` for the rows: one UPDATE over an id list if all share their values, else
    one executemany."""
    if not rows:
        return
    ensure_transition(DeliveryStatus.SENDING, target)
    d = DELIVERIES.c
    values = set(rows.values())
    if len(values) == 1:
        (message_id, error), = values
        ids = sorted(rows)
        for start in range(0, len(ids), ID_CHUNK):
            session.connection().execute(
                update(DELIVERIES)
                .where(_id_among(session, ids[start : start + ID_CHUNK]),
                       d.status == DeliveryStatus.SENDING.value)
                .values(status=target.value, message_id=message_id, error=error, next_attempt_at=None,
                        updated_at=now))
        return
    stmt = (update(DELIVERIES)
            .where(d.id == bindparam("b_id"), d.status == DeliveryStatus.SENDING.value)
            .values(status=target.value, message_id=bindparam("b_message"), error=bindparam("b_error"),
                    next_attempt_at=None, updated_at=now))
    params = [{"b_id": i, "b_message": m, "b_error": e} for i, (m, e) in rows.items()]
    session.connection().execute(stmt, params)


def _id_among(session: Session, ids: Sequence[int]):  # type: ignore[no-untyped-def]  (a clause)
    """deliveries.id in `ids`: on PostgreSQL one array parameter (= ANY), which it parses and plans
    in a fraction of the time of a thousand-item IN list."""
    if session.get_bind().dialect.name == "postgresql":
        return DELIVERIES.c.id == any_(bindparam("ids", list(ids), type_=postgresql.ARRAY(Integer)))
    return DELIVERIES.c.id.in_(ids)


def mark_interrupted(session: Session, *, issue_id: int, now: datetime) -> int:
    """sending → unknown for every row a dead run left in flight; how many."""
    ensure_transition(DeliveryStatus.SENDING, DeliveryStatus.UNKNOWN)
    d = DELIVERIES.c
    stmt = (update(DELIVERIES)
            .where(d.issue_id == issue_id, d.status == DeliveryStatus.SENDING.value)
            .values(status=DeliveryStatus.UNKNOWN.value, updated_at=now,
                    error="interrupted while sending: the outcome of its request is unknown"))
    return max(session.connection().execute(stmt).rowcount or 0, 0)


def skip_departed(session: Session, *, issue_id: int, now: datetime) -> int:
    """pending → skipped for rows whose subscriber is no longer active; how many."""
    ensure_transition(DeliveryStatus.PENDING, DeliveryStatus.SKIPPED)
    d, s = DELIVERIES.c, SUBSCRIBERS.c
    departed = select(s.id).where(s.status != SubscriberStatus.ACTIVE.value)
    stmt = (update(DELIVERIES)
            .where(d.issue_id == issue_id, d.status == DeliveryStatus.PENDING.value,
                   d.subscriber_id.in_(departed))
            .values(status=DeliveryStatus.SKIPPED.value, updated_at=now,
                    error="not sent: the subscriber left before their turn"))
    return max(session.connection().execute(stmt).rowcount or 0, 0)


def next_retry_at(session: Session, *, issue_id: int) -> datetime | None:
    """When the issue's earliest waiting retry falls due, if any row waits."""
    d = DELIVERIES.c
    stmt = select(func.min(d.next_attempt_at)).where(
        d.issue_id == issue_id, d.status == DeliveryStatus.PENDING.value)
    return session.connection().execute(stmt).scalar_one_or_none()


def delivery_counts(session: Session, *, issue_id: int) -> dict[str, int]:
    """How many of the issue's deliveries are in each status."""
    d = DELIVERIES.c
    stmt = select(d.status, func.count()).where(d.issue_id == issue_id).group_by(d.status)
    return {str(status): count for status, count in session.connection().execute(stmt).all()}


def deliveries_of(
    session: Session, *, issue_id: int, status: DeliveryStatus | None = None, limit: int | None = None
) -> Sequence[Delivery]:
    """The issue's deliveries (in `status`), oldest first, at most `limit`."""
    stmt = select(Delivery).where(Delivery.issue_id == issue_id)
    if status is not None:
        stmt = stmt.where(Delivery.status == status)
    return session.exec(stmt.order_by(Delivery.id).limit(limit)).all()


def unknown_batches_with_events(session: Session, *, issue_id: int) -> list[str]:
    """The batches of unknown rows (atomic backends) in which some row has a provider event."""
    d = DELIVERIES.c
    stmt = select(d.batch).distinct().where(
        d.issue_id == issue_id, d.status == DeliveryStatus.UNKNOWN.value,
        d.provider_status.is_not(None), d.batch.is_not(None))
    return [batch for (batch,) in session.connection().execute(stmt).all()]


def resolve_unknown(
    session: Session, *, issue_id: int, target: DeliveryStatus, now: datetime, note: str,
    batches: Sequence[str] | None = None, with_events: bool | None = None,
    older_than: datetime | None = None,
) -> int:
    """unknown → `target` for the issue's rows matching the filters (batch, event, age); how many."""
    ensure_transition(DeliveryStatus.UNKNOWN, target)
    d = DELIVERIES.c
    where = [d.issue_id == issue_id, d.status == DeliveryStatus.UNKNOWN.value]
    if batches is not None:
        where.append(d.batch.in_(list(batches)))
    if with_events is not None:
        where.append(d.provider_status.is_not(None) if with_events else d.provider_status.is_(None))
    if older_than is not None:
        where.append(d.updated_at < older_than)
    values: dict[str, object] = {"status": target.value, "updated_at": now, "error": note}
    if target == DeliveryStatus.PENDING:
        values["next_attempt_at"] = None
    stmt = update(DELIVERIES).where(*where).values(**values)
    return max(session.connection().execute(stmt).rowcount or 0, 0)


def issues_with_unknown(session: Session) -> list[int]:
    """The ids of issues with at least one delivery whose outcome is unknown."""
    d = DELIVERIES.c
    stmt = select(d.issue_id).distinct().where(d.status == DeliveryStatus.UNKNOWN.value)
    return sorted(issue_id for (issue_id,) in session.connection().execute(stmt).all())


def issues_in_flight(session: Session) -> list[int]:
    """The ids of issues with deliveries in 'sending' (a live run's batch, or a dead run's)."""
    d = DELIVERIES.c
    stmt = select(d.issue_id).distinct().where(d.status == DeliveryStatus.SENDING.value)
    return sorted(issue_id for (issue_id,) in session.connection().execute(stmt).all())


def unknown_waiting(session: Session, *, issue_id: int, older_than: datetime) -> tuple[int, int]:
    """(unknown rows without provider events older than the cut-off, those more recent)."""
    d = DELIVERIES.c
    base = [d.issue_id == issue_id, d.status == DeliveryStatus.UNKNOWN.value, d.provider_status.is_(None)]
    old = select(func.count()).where(*base, d.updated_at < older_than)
    recent = select(func.count()).where(*base, d.updated_at >= older_than)
    connection = session.connection()
    return connection.execute(old).scalar_one(), connection.execute(recent).scalar_one()


# --- delivery: one send per issue at a time ------------------------------------------------------


def acquire_lease(
    session: Session, *, issue_id: int, holder: str, token: str, now: datetime, expires_at: datetime
) -> SendLease:
    """Take the issue's send lease if it is free, expired or ours; returns whoever holds it after."""
    stmt = _insert_for(session)(LEASES).values(
        issue_id=issue_id, holder=holder, token=token, acquired_at=now, heartbeat_at=now,
        expires_at=expires_at)
    stmt = stmt.on_conflict_do_update(
        index_elements=["issue_id"],
        set_={"holder": holder, "token": token, "acquired_at": now, "heartbeat_at": now,
              "expires_at": expires_at},
        where=or_(LEASES.c.expires_at < now, LEASES.c.token == token),
    )
    session.connection().execute(stmt)
    row = session.connection().execute(select(LEASES).where(LEASES.c.issue_id == issue_id)).one()
    return SendLease(**row._mapping)


def renew_lease(session: Session, *, issue_id: int, token: str, now: datetime, expires_at: datetime) -> bool:
    """Push our lease's expiry on; False if it is no longer ours (it expired and was taken)."""
    stmt = (update(LEASES).where(LEASES.c.issue_id == issue_id, LEASES.c.token == token)
            .values(heartbeat_at=now, expires_at=expires_at))
    return (session.connection().execute(stmt).rowcount or 0) == 1


def release_lease(session: Session, *, issue_id: int, token: str) -> None:
    """Give our lease up (nothing happens if it is no longer ours)."""
    session.connection().execute(
        delete(LEASES).where(LEASES.c.issue_id == issue_id, LEASES.c.token == token))


def lease_of(session: Session, *, issue_id: int) -> SendLease | None:
    """The issue's send lease, live or expired, if one is recorded."""
    row = session.connection().execute(select(LEASES).where(LEASES.c.issue_id == issue_id)).first()
    return SendLease(**row._mapping) if row is not None else None


# --- delivery: subscribers, suppressions and imports ---------------------------------------------


def suppress_subscribers(
    session: Session, *, ids: Iterable[int] = (), emails: Iterable[str] = (),
    status: SubscriberStatus, reason: str, now: datetime,
) -> int:
    """Move the named subscribers to `status` (bounced, complained, unsubscribed) where the machine
    allows it; how many moved."""
    s = SUBSCRIBERS.c
    sources = _moves_from(status)
    values: dict[str, object] = {"status": status.value, "suppressed_reason": reason, "suppressed_at": now}
    if status == SubscriberStatus.UNSUBSCRIBED:
        values["unsubscribed_at"] = now
    moved = 0
    for column, keys in ((s.id, sorted(set(ids))), (s.email, sorted(set(emails)))):
        for start in range(0, len(keys), ID_CHUNK):
            stmt = (update(SUBSCRIBERS)
                    .where(column.in_(keys[start : start + ID_CHUNK]), s.status.in_(sources))
                    .values(**values))
            moved += max(session.connection().execute(stmt).rowcount or 0, 0)
    return moved


def subscribers_of_deliveries(session: Session, *, delivery_ids: Iterable[int]) -> list[int]:
    """The subscriber ids of these deliveries."""
    ids = sorted(set(delivery_ids))
    found: list[int] = []
    d = DELIVERIES.c
    for start in range(0, len(ids), ID_CHUNK):
        stmt = select(d.subscriber_id).where(d.id.in_(ids[start : start + ID_CHUNK]))
        found += [sid for (sid,) in session.connection().execute(stmt).all()]
    return found


def existing_emails(session: Session, *, emails: Sequence[str]) -> set[str]:
    """Which of `emails` a subscriber already has."""
    found: set[str] = set()
    for start in range(0, len(emails), ID_CHUNK):
        stmt = select(SUBSCRIBERS.c.email).where(SUBSCRIBERS.c.email.in_(emails[start : start + ID_CHUNK]))
        found.update(email for (email,) in session.connection().execute(stmt).all())
    return found


def insert_subscribers(session: Session, *, rows: Sequence[dict[str, object]]) -> int:
    """Insert subscriber rows (email, name, status, created_at, confirmed_at) in one executemany,
    leaving any address already there as it is; how many were new."""
    if not rows:
        return 0
    there = existing_emails(session, emails=[str(row["email"]) for row in rows])
    fresh = [row for row in rows if row["email"] not in there]
    if fresh:  # ON CONFLICT still guards against an import racing this one
        stmt = _insert_for(session)(SUBSCRIBERS).on_conflict_do_nothing(index_elements=["email"])
        session.connection().execute(stmt, fresh)
    return len(fresh)


# --- delivery: provider events -------------------------------------------------------------------


def insert_provider_events(session: Session, *, rows: Sequence[dict[str, object]]) -> list[dict[str, object]]:
    """Store events not stored before (by provider and event id); returns the new ones."""
    fresh: list[dict[str, object]] = []
    e = EVENTS.c
    for start in range(0, len(rows), 500):  # 9 columns a row: well under every parameter limit
        chunk = rows[start : start + 500]
        stmt = (_insert_for(session)(EVENTS).values(list(chunk))
                .on_conflict_do_nothing(index_elements=["provider", "event_id"])
                .returning(e.event_id))
        stored = {event_id for (event_id,) in session.connection().execute(stmt).all()}
        fresh += [row for row in chunk if row["event_id"] in stored]
    return fresh


def provider_statuses(session: Session, *, delivery_ids: Iterable[int]) -> dict[int, str | None]:
    """The provider status each of these deliveries has now (only the ones that exist)."""
    ids = sorted(set(delivery_ids))
    found: dict[int, str | None] = {}
    d = DELIVERIES.c
    for start in range(0, len(ids), ID_CHUNK):
        stmt = select(d.id, d.provider_status).where(d.id.in_(ids[start : start + ID_CHUNK]))
        found.update(session.connection().execute(stmt).all())
    return found


def set_provider_statuses(session: Session, *, updates: Sequence[tuple[int, str, datetime]]) -> None:
    """Record (delivery id, provider status, when) beside each row's state, in one executemany."""
    if not updates:
        return
    d = DELIVERIES.c
    stmt = (update(DELIVERIES).where(d.id == bindparam("b_id"))
            .values(provider_status=bindparam("b_status"), provider_at=bindparam("b_at")))
    session.connection().execute(stmt, [{"b_id": i, "b_status": st, "b_at": at} for i, st, at in updates])



# --- judgement (issue 7): which tools, editors' decisions, reviews by key, pinned reviews ---------


def ai_tools_published(session: Session) -> list[tuple[Tool, datetime | None]]:
    """Every tool with an AI-tool launch, with its earliest launch's publication date (None: undated)."""
    published = (
        select(Launch.tool_id, func.min(Launch.published_at).label("published"))
        .where(Launch.is_ai_tool, col(Launch.tool_id).is_not(None))
        .group_by(col(Launch.tool_id))
        .subquery()
    )
    stmt = select(Tool, published.c.published).join(published, published.c.tool_id == Tool.id)
    return [(tool, when) for tool, when in session.exec(stmt.order_by(Tool.id)).all()]


def _live_comparisons(exclude_issue_id: int | None):  # noqa: ANN202  (a select)
    """Comparisons of every issue that is not rejected, apart from `exclude_issue_id`'s."""
    live = select(NewsletterIssue.id).where(NewsletterIssue.status != IssueStatus.REJECTED)
    stmt = select(Comparison).where(col(Comparison.issue_id).in_(live))
    if exclude_issue_id is not None:
        stmt = stmt.where(Comparison.issue_id != exclude_issue_id)
    return stmt


def compared_pairs(session: Session, *, exclude_issue_id: int | None = None) -> list[tuple[int, int, str]]:
    """(tool a, tool b, week) of every comparison in an issue that is not rejected (but the one named)."""
    rows = session.exec(_live_comparisons(exclude_issue_id)).all()
    return [(c.tool_a_id, c.tool_b_id, c.week) for c in rows]


def previous_issue(session: Session, *, week: str) -> NewsletterIssue | None:
    """The latest issue of a week before `week` that was not rejected."""
    stmt = select(NewsletterIssue).where(
        NewsletterIssue.week < week, NewsletterIssue.status != IssueStatus.REJECTED
    ).order_by(col(NewsletterIssue.week).desc())
    return session.exec(stmt).first()


def delete_draft(session: Session, *, issue: NewsletterIssue) -> None:
    """Remove a draft issue with its comparisons and their pinned reviews (the reviews stay)."""
    for comparison in comparisons_of(session, issue_id=issue.id or 0):
        delete_comparison(session, comparison=comparison)
    session.delete(issue)
    session.flush()


def delete_comparison(session: Session, *, comparison: Comparison) -> None:
    """Remove one comparison and the pins of the reviews it was composed with."""
    for pin in session.exec(
        select(ComparisonReview).where(ComparisonReview.comparison_id == comparison.id)
    ).all():
        session.delete(pin)
    session.flush()  # the pins go first: they refer to the comparison
    session.delete(comparison)


def pairing_decisions(session: Session, *, week: str) -> Sequence[PairingDecision]:
    """The editors' decisions for `week`, oldest first."""
    stmt = select(PairingDecision).where(PairingDecision.week == week).order_by(PairingDecision.id)
    return session.exec(stmt).all()


def find_review(session: Session, *, tool_id: int, persona: str, review_key: str) -> PanelReview | None:
    """The persona's review of the tool under `review_key` (tool, persona brief, provider, model)."""
    stmt = select(PanelReview).where(
        PanelReview.tool_id == tool_id, PanelReview.persona == persona, PanelReview.review_key == review_key
    )
    return session.exec(stmt).first()


def recent_takes(session: Session, *, persona: str, limit: int = 60) -> list[str]:
    """The persona's newest stored takes, newest first (so a provider can vary its wording)."""
    stmt = (select(PanelReview.take).where(PanelReview.persona == persona, col(PanelReview.take).is_not(None))
            .order_by(col(PanelReview.id).desc()).limit(limit))
    return [take for take in session.exec(stmt).all() if take]


def pin_reviews(session: Session, *, comparison_id: int, review_ids: Iterable[int]) -> None:
    """Pin the reviews a comparison was composed with."""
    for review_id in sorted(set(review_ids)):
        session.add(ComparisonReview(comparison_id=comparison_id, review_id=review_id))


def pinned_reviews(session: Session, *, comparison_id: int, tool_id: int) -> Sequence[PanelReview]:
    """The reviews of `tool_id` that a comparison was composed with."""
    stmt = (
        select(PanelReview)
        .join(ComparisonReview, col(ComparisonReview.review_id) == col(PanelReview.id))
        .where(ComparisonReview.comparison_id == comparison_id, PanelReview.tool_id == tool_id)
        .order_by(PanelReview.id)
    )
    return session.exec(stmt).all()


def stored_embeddings(session: Session, *, model: str, tool_ids: Iterable[int]) -> dict[tuple[int, str], str]:
    """The stored embeddings (JSON) by one model of `tool_ids`, keyed by (tool id, text hash)."""
    found: dict[tuple[int, str], str] = {}
    for chunk in chunked(sorted(set(tool_ids))):
        stmt = select(ToolEmbedding.tool_id, ToolEmbedding.text_hash, ToolEmbedding.vector).where(
            ToolEmbedding.model == model, col(ToolEmbedding.tool_id).in_(chunk))
        for tool_id, text_hash, vector in session.exec(stmt).all():
            found[(tool_id, text_hash)] = vector
    return found


def fact_values_by_tool(
    session: Session, *, tool_ids: Iterable[int]
) -> dict[int, list[tuple[str, str, bool]]]:
    """(kind, value, negated) of each of `tool_ids`' facts in the order found (no ORM rows: pairing
    reads thousands)."""
    found: dict[int, list[tuple[str, str, bool]]] = {}
    for chunk in chunked(sorted(set(tool_ids))):
        stmt = (select(Fact.tool_id, Fact.kind, Fact.value, Fact.negated)
                .where(col(Fact.tool_id).in_(chunk)).order_by(col(Fact.id)))
        for tool_id, kind, value, negated in session.exec(stmt).all():
            found.setdefault(tool_id, []).append((kind, value, bool(negated)))
    return found


def launch_counts(session: Session, *, tool_ids: Iterable[int]) -> dict[int, int]:
    """How many launches each of `tool_ids` has."""
    counts: dict[int, int] = {}
    for chunk in chunked(sorted(set(tool_ids))):
        stmt = (select(Launch.tool_id, func.count()).where(col(Launch.tool_id).in_(chunk))
                .group_by(col(Launch.tool_id)))
        counts.update((tool_id, n) for tool_id, n in session.exec(stmt).all() if tool_id is not None)
    return counts


def dropped_takes(session: Session, *, issue_id: int) -> int:
    """How many of the reviews an issue was composed with had their take dropped by grounding."""
    stmt = (
        select(func.count())
        .select_from(PanelReview)
        .join(ComparisonReview, col(ComparisonReview.review_id) == col(PanelReview.id))
        .join(Comparison, col(Comparison.id) == col(ComparisonReview.comparison_id))
        .where(Comparison.issue_id == issue_id, col(PanelReview.dropped).is_not(None))
    )
    return int(session.exec(stmt).one())


# --- operations (issue 9): host gate, fetch log, entry errors, runs, status, maintenance --------


HELD_POLL_SECONDS = 0.05


def claim_host(connection: Connection, *, host: str, holder: str, now: float, until: float) -> float | None:
    """Take the host's turn for `holder` until `until` (a lease): None when taken, else the
    seconds to wait before trying again. One conditional UPDATE: two processes never both win."""
    gates = HostGate.__table__  # type: ignore[attr-defined]
    taken = connection.execute(
        update(gates).where(gates.c.host == host, gates.c.next_allowed_at <= now)
        .values(next_allowed_at=until, holder=holder))
    if taken.rowcount == 1:
        return None
    row = connection.execute(
        select(gates.c.next_allowed_at, gates.c.holder).where(gates.c.host == host)).first()
    if row is None:
        insert = postgresql.insert if connection.dialect.name == "postgresql" else sqlite.insert
        created = connection.execute(insert(gates).values(host=host, next_allowed_at=until, holder=holder)
                                     .on_conflict_do_nothing(index_elements=["host"])
                                     .returning(gates.c.host)).first()
        return None if created is not None else 0.0
    wait = max(float(row.next_allowed_at) - now, 0.0)
    # held: its holder may finish at any moment, so look again soon (the lease only bounds a dead one)
    return min(wait, HELD_POLL_SECONDS) if row.holder is not None else wait


def release_host(connection: Connection, *, host: str, holder: str, next_allowed_at: float) -> None:
    """Give the host's turn back: the next request may start at `next_allowed_at`."""
    gates = HostGate.__table__  # type: ignore[attr-defined]
    connection.execute(update(gates).where(gates.c.host == host, gates.c.holder == holder)
                       .values(next_allowed_at=next_allowed_at, holder=None))


def record_fetch(
    session: Session, *, source_id: int, at: datetime, status: str, entries: int = 0,
    entry_errors: Sequence[tuple[str, str, str]] = (), error: str | None = None,
) -> None:
    """Log one fetch of a source, and each of its entries that was skipped (entry id, step, reason)."""
    connection = session.connection()
    connection.execute(insert(FetchLog.__table__), [{  # type: ignore[attr-defined]
        "source_id": source_id, "fetched_at": at, "status": status, "entries": entries,
        "entry_errors": len(entry_errors), "error": error}])
    if entry_errors:
        connection.execute(insert(IngestError.__table__), [  # type: ignore[attr-defined]
            {"source_id": source_id, "entry_id": entry_id, "step": step, "reason": reason, "occurred_at": at}
            for entry_id, step, reason in entry_errors])


def entry_errors_of(session: Session, *, source_id: int, limit: int = 50) -> Sequence[IngestError]:
    """The source's most recent skipped entries, newest first."""
    stmt = (select(IngestError).where(IngestError.source_id == source_id)
            .order_by(col(IngestError.id).desc()).limit(limit))
    return session.exec(stmt).all()


def prune_fetch_log(session: Session, *, before: datetime) -> int:
    """Delete fetch log rows and entry errors older than `before`; return how many rows went."""
    logs = session.execute(delete(FetchLog).where(col(FetchLog.fetched_at) < before))
    errors = session.execute(delete(IngestError).where(col(IngestError.occurred_at) < before))
    return (logs.rowcount or 0) + (errors.rowcount or 0)  # type: ignore[attr-defined]


def failing_sources(session: Session) -> list[tuple[str, str | None, datetime | None, int]]:
    """(name, last error, failing since, failures in a row) of each source whose last fetch failed.

    'Since' is the first failure after the last good fetch the fetch log still holds."""
    rows = session.exec(select(Source).where(Source.last_status == "failed").order_by(Source.name)).all()
    found = []
    for source in rows:
        last_good = select(func.max(FetchLog.fetched_at)).where(
            FetchLog.source_id == source.id, FetchLog.status != "failed").scalar_subquery()
        since = session.exec(select(func.min(FetchLog.fetched_at)).where(
            FetchLog.source_id == source.id, FetchLog.status == "failed",
            func.coalesce(FetchLog.fetched_at > last_good, True))).first()
        found.append((source.name, source.last_error, since or source.last_fetched_at, source.error_count))
    return found


def start_run(session: Session, *, flow: str, origin: str, flow_run_id: str | None = None) -> int:
    """Record that a run of `flow` started; return its id."""
    run = RunRecord(flow=flow, origin=origin, flow_run_id=flow_run_id)
    session.add(run)
    session.flush()
    assert run.id is not None
    return run.id


def finish_run(session: Session, *, run_id: int, outcome: str, detail: str | None) -> None:
    """Record how a run ended: done, partial or failed, with a one-line detail."""
    runs = RunRecord.__table__  # type: ignore[attr-defined]
    session.connection().execute(update(runs).where(runs.c.id == run_id).values(
        outcome=outcome, detail=detail, finished_at=utcnow()))


def last_runs(session: Session) -> dict[str, RunRecord]:
    """The latest run of each flow, keyed by flow name."""
    newest = select(func.max(RunRecord.id)).group_by(RunRecord.flow)
    rows = session.exec(select(RunRecord).where(col(RunRecord.id).in_(newest))).all()
    return {row.flow: row for row in rows}


def runs_of(session: Session, *, flow_run_id: str) -> Sequence[RunRecord]:
    """The run records a Prefect flow run left (one, if it ran once)."""
    return session.exec(select(RunRecord).where(RunRecord.flow_run_id == flow_run_id)).all()


def subscriber_counts(session: Session) -> dict[str, int]:
    """How many subscribers are in each status."""
    stmt = select(Subscriber.status, func.count()).group_by(Subscriber.status)
    return {str(status): count for status, count in session.exec(stmt).all()}


def last_sent_issue(session: Session) -> NewsletterIssue | None:
    """The newest issue that has deliveries (being sent or sent), if any."""
    with_deliveries = select(Delivery.issue_id).distinct()
    stmt = (select(NewsletterIssue).where(col(NewsletterIssue.id).in_(with_deliveries))
            .order_by(col(NewsletterIssue.week).desc()))
    return session.exec(stmt).first()


def expire_pending_subscribers(session: Session, *, created_before: datetime) -> int:
    """Delete subscribers still pending (never confirmed) created before `created_before`, unless
    something refers to them; return how many."""
    referred = select(Delivery.subscriber_id).union(select(CommunityVote.subscriber_id))
    stmt = delete(Subscriber).where(
        Subscriber.status == SubscriberStatus.PENDING, col(Subscriber.created_at) < created_before,
        col(Subscriber.id).not_in(referred))
    return session.execute(stmt).rowcount or 0  # type: ignore[attr-defined]


def refresh_vote_tallies(session: Session) -> int:
    """Recount every (comparison, tool)'s ship and skip votes into vote_tallies; return the rows."""
    tallies = VoteTally.__table__  # type: ignore[attr-defined]
    votes = CommunityVote.__table__  # type: ignore[attr-defined]
    counted = select(
        votes.c.comparison_id, votes.c.tool_id,
        func.sum(case((votes.c.decision == "ship", 1), else_=0)),
        func.sum(case((votes.c.decision == "skip", 1), else_=0)),
        literal(utcnow(), UTCDateTime()),
    ).group_by(votes.c.comparison_id, votes.c.tool_id)
    connection = session.connection()
    connection.execute(delete(tallies))
    result = connection.execute(insert(tallies).from_select(
        ["comparison_id", "tool_id", "ship", "skip", "refreshed_at"], counted))
    return max(result.rowcount or 0, 0)


def vote_tally(session: Session, *, comparison_id: int, tool_id: int) -> tuple[int, int]:
    """(ship, skip) for one tool of one comparison as of the last refresh."""
    row = session.get(VoteTally, (comparison_id, tool_id))
    return (row.ship, row.skip) if row else (0, 0)


def recent_entry_errors(
    session: Session, *, since: datetime, limit: int = 10
) -> tuple[int, list[tuple[str, str, str, str, datetime]]]:
    """How many entries were skipped since `since`, and the newest `limit` of them as
    (source, entry id, step, reason, when)."""
    total = session.exec(select(func.count()).select_from(IngestError)
                         .where(col(IngestError.occurred_at) >= since)).one()
    stmt = (select(Source.name, IngestError.entry_id, IngestError.step, IngestError.reason,
                   IngestError.occurred_at)
            .join(Source, col(Source.id) == col(IngestError.source_id))
            .where(col(IngestError.occurred_at) >= since)
            .order_by(col(IngestError.id).desc()).limit(limit))
    return int(total), [tuple(row) for row in session.exec(stmt).all()]  # type: ignore[misc]
