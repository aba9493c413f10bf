"""Data access: small keyword-only functions, and the few set-based bulk statements."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import TypeVar

from slugify import slugify
from sqlalchemy import func, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

from db.models import (
    CommunityVote,
    Comparison,
    ComparisonReview,
    Delivery,
    Fact,
    Launch,
    NewsletterIssue,
    PairingDecision,
    PanelReview,
    Source,
    Subscriber,
    Tool,
    ToolEmbedding,
    utcnow,
)
from db.states import DeliveryStatus, IssueStatus, SubscriberStatus

T = TypeVar("T")


class NotFound(LookupError):
    """No row has that id or key."""


IN_LIST_SIZE = 500  # keeps an IN (...) list under every backend's parameter limit


def chunked(values: Sequence[T]) -> Iterator[Sequence[T]]:
    """`values` in slices short enough for one IN (...) list."""
    for start in range(0, len(values), IN_LIST_SIZE):
        yield values[start : start + IN_LIST_SIZE]


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

    On PostgreSQL an advisory lock, so that ingest processes never create one tool twice; SQLite
    has a single writer anyway."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": TOOL_RESOLUTION_LOCK})


def existing_guids(session: Session, *, source_id: int, guids: Iterable[str]) -> set[str]:
    """Which of `guids` the source already has stored."""
    wanted = list(set(guids))
    found: set[str] = set()
    for chunk in chunked(wanted):
        stmt = select(Launch.guid).where(Launch.source_id == source_id, col(Launch.guid).in_(chunk))
        found.update(session.exec(stmt).all())
    return found


def existing_urls(session: Session, *, source_id: int, urls: Iterable[str]) -> set[str]:
    """Which of the canonical `urls` the source already has stored (a GUID may change, a URL less so)."""
    wanted = list(set(urls))
    found: set[str] = set()
    for chunk in chunked(wanted):
        stmt = select(Launch.url).where(Launch.source_id == source_id, col(Launch.url).in_(chunk))
        found.update(url for url in session.exec(stmt).all() if url)
    return found


def launch_ids_by_guid(session: Session, *, source_id: int, guids: Sequence[str]) -> dict[str, int]:
    """The ids of the source's launches with these GUIDs."""
    found: dict[str, int] = {}
    for chunk in chunked(guids):
        stmt = select(Launch.guid, Launch.id).where(
            Launch.source_id == source_id, col(Launch.guid).in_(chunk))
        found.update((guid, launch_id) for guid, launch_id in session.exec(stmt).all() if launch_id)
    return found


def tool_ids_by_slug(session: Session, *, slugs: Sequence[str]) -> dict[str, int]:
    """The ids of the tools with these slugs."""
    found: dict[str, int] = {}
    for chunk in chunked(slugs):
        stmt = select(Tool.slug, Tool.id).where(col(Tool.slug).in_(chunk))
        found.update((slug, tool_id) for slug, tool_id in session.exec(stmt).all() if tool_id)
    return found


def all_tools(session: Session) -> Sequence[Tool]:
    """Every tool, oldest first."""
    return session.exec(select(Tool).order_by(Tool.id)).all()


def get_tool(session: Session, *, tool_id: int) -> Tool:
    """The tool with `tool_id`; NotFound if there is none."""
    tool = session.get(Tool, tool_id)
    if tool is None:
        raise NotFound(f"no tool with id {tool_id}")
    return tool


def tool_keys(session: Session) -> list[tuple[int, str, str | None]]:
    """(id, name, domain) of every tool: what resolving a launch needs."""
    rows = session.exec(select(Tool.id, Tool.name, Tool.domain).order_by(Tool.id)).all()
    return [(tool_id, name, domain) for tool_id, name, domain in rows if tool_id is not None]


def fact_keys(session: Session, *, tool_ids: set[int]) -> set[tuple[int, str, str]]:
    """(tool id, kind, value) of every fact stored for `tool_ids`."""
    found: set[tuple[int, str, str]] = set()
    wanted = sorted(tool_ids)
    for chunk in chunked(wanted):
        stmt = select(Fact.tool_id, Fact.kind, Fact.value).where(
            col(Fact.tool_id).in_(chunk))
        found.update(session.exec(stmt).all())
    return found


def unique_slugs(session: Session, *, names: Sequence[str]) -> list[str]:
    """A slug per name that no stored tool has and no other name of the list gets."""
    bases = [slugify(name, max_length=80, backend="text-unidecode") or "tool" for name in names]
    distinct = sorted(set(bases))
    taken: set[str] = set()
    for chunk in chunked(distinct):
        taken.update(session.exec(select(Tool.slug).where(col(Tool.slug).in_(chunk))))
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


def insert_facts(session: Session, *, rows: Sequence[tuple[int, int, str, str, str]]) -> None:
    """Insert (tool id, launch id, kind, value, snippet) rows in one executemany.

    Straight to the driver: facts are the most numerous rows of an ingest, their columns are
    plain integers and strings, and per-row statement processing cost more than the insert."""
    if not rows:
        return
    mark = "?" if session.get_bind().dialect.paramstyle == "qmark" else "%s"
    sql = (f"INSERT INTO facts (tool_id, launch_id, kind, value, snippet) "
           f"VALUES ({', '.join([mark] * 5)})")
    session.connection().exec_driver_sql(sql, list(rows))


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


def create_pending_deliveries(session: Session, *, issue_id: int, backend: str) -> int:
    """Insert a pending delivery for every active subscriber who has none; return how many."""
    rows = session.exec(
        select(Subscriber.id).where(Subscriber.status == SubscriberStatus.ACTIVE)
    ).all()
    if not rows:
        return 0
    values = [
        {"issue_id": issue_id, "subscriber_id": sid, "status": DeliveryStatus.PENDING.value,
         "backend": backend}
        for sid in rows
    ]
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    stmt = insert(Delivery).values(values).on_conflict_do_nothing(
        index_elements=["issue_id", "subscriber_id"]
    )
    result = session.execute(stmt)
    return max(result.rowcount or 0, 0)


def deliveries_in(session: Session, *, issue_id: int, status: DeliveryStatus) -> Sequence[Delivery]:
    """The issue's deliveries in `status`, oldest first."""
    stmt = select(Delivery).where(Delivery.issue_id == issue_id, Delivery.status == status)
    return session.exec(stmt.order_by(Delivery.id)).all()


def delivery_counts(session: Session, *, issue_id: int) -> dict[str, int]:
    """How many of the issue's deliveries are in each status."""
    stmt = (
        select(Delivery.status, func.count())
        .where(Delivery.issue_id == issue_id)
        .group_by(Delivery.status)
    )
    return {str(status): count for status, count in session.exec(stmt).all()}


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
