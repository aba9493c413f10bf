"""Data access: small keyword-only functions, and the few set-based bulk statements."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from slugify import slugify
from sqlalchemy import func
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

from db.models import (
    CommunityVote,
    Comparison,
    Delivery,
    Fact,
    Launch,
    NewsletterIssue,
    PanelReview,
    Source,
    Subscriber,
    Tool,
    utcnow,
)
from db.states import DeliveryStatus, SubscriberStatus


class NotFound(LookupError):
    """No row has that id or key."""


# --- sources -------------------------------------------------------------------------------------


def get_or_create_source(session: Session, *, name: str, kind: str, url: str) -> Source:
    """The source row called `name`, created or updated to the configured kind and URL."""
    source = session.exec(select(Source).where(Source.name == name)).first()
    if source is None:
        source = Source(name=name, kind=kind, url=url)
    source.kind, source.url = kind, url
    session.add(source)
    session.flush()
    return source


def list_sources(session: Session) -> Sequence[Source]:
    """Every source row, by name."""
    return session.exec(select(Source).order_by(Source.name)).all()


# --- launches and tools --------------------------------------------------------------------------


def existing_guids(session: Session, *, source_id: int, guids: Iterable[str]) -> set[str]:
    """Which of `guids` the source already has stored."""
    wanted = list(set(guids))
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        stmt = select(Launch.guid).where(Launch.source_id == source_id, col(Launch.guid).in_(chunk))
        found.update(session.exec(stmt).all())
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


def unique_slug(session: Session, *, name: str) -> str:
    """A slug for `name` no other tool has."""
    base = slugify(name, max_length=80) or "tool"
    slug, n = base, 1
    while session.exec(select(Tool.id).where(Tool.slug == slug)).first() is not None:
        n += 1
        slug = f"{base}-{n}"
    return slug


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
