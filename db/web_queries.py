"""Data access for the web app (issue 10): the public site's reads, consent, the suppression list,
editors and their decisions, and the rate-limit counters every worker shares."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import bindparam, case, delete, func, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection
from sqlmodel import Session, col, select

from db.models import (
    CommunityVote,
    Comparison,
    ConsentRecord,
    Delivery,
    DeskDecision,
    Editor,
    NewsletterIssue,
    RateLimitCounter,
    Subscriber,
    Suppression,
    Tool,
)
from db.queries import chunked
from db.states import TRANSITIONS, IssueStatus, SubscriberStatus

# What an editor approved is public: the comparisons of these issues and the tools in them.
PUBLIC_ISSUE_STATUSES = (IssueStatus.APPROVED, IssueStatus.SENDING, IssueStatus.SENT)


def _insert(session: Session):  # type: ignore[no-untyped-def]
    return postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert


# --- the public site -----------------------------------------------------------------------------


@dataclass(frozen=True)
class IssueKey:
    """What decides whether an issue is public and whether a cached view of it is still right."""

    id: int
    week: str
    status: str
    content_hash: str | None
    subject: str
    sent_at: object  # datetime | None


ISSUES = NewsletterIssue.__table__  # type: ignore[attr-defined]
VOTES = CommunityVote.__table__  # type: ignore[attr-defined]
# Built once: the public pages run these on every request, and building a statement costs more
# than running it.
_PUBLIC_KEYS = (
    select(ISSUES.c.id, ISSUES.c.week, ISSUES.c.status, ISSUES.c.content_hash, ISSUES.c.subject,
           ISSUES.c.sent_at)
    .where(ISSUES.c.status.in_([s.value for s in PUBLIC_ISSUE_STATUSES]))
    .order_by(ISSUES.c.week.desc())
)
_TALLIES = (
    select(VOTES.c.comparison_id, VOTES.c.tool_id,
           func.sum(case((VOTES.c.decision == "ship", 1), else_=0)),
           func.sum(case((VOTES.c.decision == "skip", 1), else_=0)))
    .where(VOTES.c.comparison_id.in_(bindparam("ids", expanding=True)))
    .group_by(VOTES.c.comparison_id, VOTES.c.tool_id)
)


def public_issue_keys(session: Session) -> list[IssueKey]:
    """The approved, sending and sent issues, newest week first."""
    rows = session.connection().execute(_PUBLIC_KEYS).all()
    return [IssueKey(i, w, str(s), h, subj, at) for i, w, s, h, subj, at in rows]


def tool_slugs(session: Session, *, tool_ids: Iterable[int]) -> dict[int, str]:
    """The slug of each tool id."""
    found: dict[int, str] = {}
    for chunk in chunked(sorted(set(tool_ids))):
        found.update(session.exec(select(Tool.id, Tool.slug).where(col(Tool.id).in_(chunk))).all())
    return found


def vote_tallies(
    db: Session | Connection, *, comparison_ids: Sequence[int]
) -> dict[tuple[int, int], tuple[int, int]]:
    """(ships, skips) per (comparison id, tool id), over every vote, anonymous ones included."""
    connection = db.connection() if isinstance(db, Session) else db
    found: dict[tuple[int, int], tuple[int, int]] = {}
    for chunk in chunked(sorted(set(comparison_ids))):
        rows = connection.execute(_TALLIES, {"ids": list(chunk)}).all()
        for comparison_id, tool_id, ships, skips in rows:
            found[(comparison_id, tool_id)] = (int(ships or 0), int(skips or 0))
    return found


def comparison_titles(session: Session, *, comparison_ids: Iterable[int]) -> dict[int, tuple[str, str]]:
    """(tool A's name, tool B's name) per comparison id."""
    a, b = Tool.__table__.alias("a"), Tool.__table__.alias("b")  # type: ignore[attr-defined]
    found: dict[int, tuple[str, str]] = {}
    for chunk in chunked(sorted(set(comparison_ids))):
        stmt = (
            select(Comparison.id, a.c.name, b.c.name)
            .join(a, a.c.id == Comparison.tool_a_id)
            .join(b, b.c.id == Comparison.tool_b_id)
            .where(col(Comparison.id).in_(chunk))
        )
        found.update((cid, (na, nb)) for cid, na, nb in session.exec(stmt).all())
    return found


# --- the emailed links: one-click unsubscribe and votes -------------------------------------------
# Readers click these in bursts after every send, so each is a statement or two on a connection in
# autocommit mode (no BEGIN/COMMIT round trips): every write below is one atomic statement.

SUBSCRIBERS = Subscriber.__table__  # type: ignore[attr-defined]
COMPARISONS = Comparison.__table__  # type: ignore[attr-defined]
TOOLS = Tool.__table__  # type: ignore[attr-defined]
# The states the subscriber machine lets move to unsubscribed (db.states is the one table of moves).
UNSUBSCRIBABLE = sorted(s.value for s, moves in TRANSITIONS[SubscriberStatus].items()
                        if SubscriberStatus.UNSUBSCRIBED in moves)

_SUBSCRIBER_OF = select(SUBSCRIBERS.c.email, SUBSCRIBERS.c.status).where(
    SUBSCRIBERS.c.id == bindparam("id"))
_UNSUBSCRIBE = (
    update(SUBSCRIBERS)
    .where(SUBSCRIBERS.c.id == bindparam("subscriber_id"), SUBSCRIBERS.c.status.in_(UNSUBSCRIBABLE))
    .values(status=SubscriberStatus.UNSUBSCRIBED.value, unsubscribed_at=bindparam("now"))
)


def subscriber_state(connection: Connection, *, subscriber_id: int) -> tuple[str, str] | None:
    """(address, status) of the subscriber, or None if there is none."""
    row = connection.execute(_SUBSCRIBER_OF, {"id": subscriber_id}).first()
    return None if row is None else (row[0], row[1])


def unsubscribe_now(connection: Connection, *, subscriber_id: int, now: object) -> tuple[str, str] | None:
    """Unsubscribe if the subscriber's state allows it; (address, status before), or None if there
    is no such subscriber. A repeat (already unsubscribed) is one read; the update re-checks the
    state itself, so a racing change of state is never overwritten."""
    found = subscriber_state(connection, subscriber_id=subscriber_id)
    if found is None:
        return None
    email, status = found
    if status in UNSUBSCRIBABLE:
        connection.execute(_UNSUBSCRIBE, {"subscriber_id": subscriber_id, "now": now})
    return email, status


@dataclass(frozen=True)
class BallotRow:
    """What a vote link's page needs, read in one statement."""

    issue_id: int
    week: str
    tool_ids: tuple[int, int]
    tool_names: tuple[str, str]
    subscriber_status: str | None  # None: no such subscriber
    held: str | None  # the decision the subscriber holds on the tool, if any


_A, _B = TOOLS.alias("a"), TOOLS.alias("b")
_THIS_TOOL = (VOTES.c.comparison_id == bindparam("comparison_id")) & (VOTES.c.tool_id == bindparam("tool_id"))
_BALLOT = (
    select(
        COMPARISONS.c.issue_id, COMPARISONS.c.week, COMPARISONS.c.tool_a_id, COMPARISONS.c.tool_b_id,
        _A.c.name, _B.c.name,
        select(SUBSCRIBERS.c.status).where(SUBSCRIBERS.c.id == bindparam("subscriber_id"))
        .scalar_subquery(),
        select(VOTES.c.decision).where(_THIS_TOOL, VOTES.c.subscriber_id == bindparam("subscriber_id"))
        .scalar_subquery(),
    )
    .join(_A, _A.c.id == COMPARISONS.c.tool_a_id)
    .join(_B, _B.c.id == COMPARISONS.c.tool_b_id)
    .where(COMPARISONS.c.id == bindparam("comparison_id"))
)


def ballot_row(connection: Connection, *, subscriber_id: int, comparison_id: int, tool_id: int
               ) -> BallotRow | None:
    """The comparison, its tools, the subscriber's state and held vote (index lookups only: the
    tally, a count over every vote, is read through web.site's cache); None if there is no such
    comparison."""
    row = connection.execute(_BALLOT, {"subscriber_id": subscriber_id, "comparison_id": comparison_id,
                                       "tool_id": tool_id}).first()
    if row is None:
        return None
    issue_id, week, a_id, b_id, a_name, b_name, status, held = row
    return BallotRow(issue_id, week, (a_id, b_id), (a_name, b_name), status, held)


# Plain SQL, which PostgreSQL and SQLite both read: SQLAlchemy cannot cache the compiled form of
# its dialect upserts, and compiling one per vote cost more than the rest of the request.
_CAST = text(
    "INSERT INTO community_votes (subscriber_id, comparison_id, tool_id, decision, created_at)"
    " VALUES (:subscriber_id, :comparison_id, :tool_id, :decision, :now)"
    " ON CONFLICT (subscriber_id, comparison_id, tool_id)"
    " DO UPDATE SET decision = excluded.decision WHERE community_votes.decision <> excluded.decision"
).bindparams(bindparam("now", type_=VOTES.c.created_at.type))  # stored as the ORM stores it


def cast_vote(connection: Connection, *, subscriber_id: int, comparison_id: int, tool_id: int,
              decision: str, now: object) -> None:
    """Insert the vote or change the one held; one statement, so racing clicks stay one row."""
    connection.execute(_CAST, {"subscriber_id": subscriber_id, "comparison_id": comparison_id,
                               "tool_id": tool_id, "decision": decision, "now": now})


# --- consent and the subscriber's own data -------------------------------------------------------


def add_consent(
    session: Session, *, subscriber_id: int, email: str, action: str, ip: str | None,
    user_agent: str | None,
) -> ConsentRecord:
    """A new, unconfirmed consent record."""
    record = ConsentRecord(subscriber_id=subscriber_id, email=email, action=action, request_ip=ip,
                           request_user_agent=user_agent)
    session.add(record)
    session.flush()
    return record


def get_consent(session: Session, *, consent_id: int) -> ConsentRecord | None:
    """The consent record with that id, if any."""
    return session.get(ConsentRecord, consent_id)


def consents_of(session: Session, *, subscriber_id: int) -> Sequence[ConsentRecord]:
    """The subscriber's consent records, oldest first."""
    stmt = select(ConsentRecord).where(ConsentRecord.subscriber_id == subscriber_id)
    return session.exec(stmt.order_by(col(ConsentRecord.id))).all()


def deliveries_of(session: Session, *, subscriber_id: int) -> list[tuple[Delivery, str]]:
    """(delivery, the issue's week) for each issue sent or queued to the subscriber, newest first."""
    stmt = (
        select(Delivery, NewsletterIssue.week)
        .join(NewsletterIssue, col(NewsletterIssue.id) == col(Delivery.issue_id))
        .where(Delivery.subscriber_id == subscriber_id)
        .order_by(col(Delivery.id).desc())
    )
    return [(delivery, week) for delivery, week in session.exec(stmt).all()]


def votes_by(session: Session, *, subscriber_id: int) -> list[tuple[CommunityVote, str]]:
    """(vote, the tool's name) for each vote the subscriber holds, oldest first."""
    stmt = (
        select(CommunityVote, Tool.name)
        .join(Tool, col(Tool.id) == col(CommunityVote.tool_id))
        .where(CommunityVote.subscriber_id == subscriber_id)
        .order_by(col(CommunityVote.id))
    )
    return [(vote, name) for vote, name in session.exec(stmt).all()]


def delete_subscriber_data(session: Session, *, subscriber_id: int) -> None:
    """Remove the subscriber, their consent records and deliveries; their votes stay, anonymous."""
    session.execute(update(CommunityVote).where(col(CommunityVote.subscriber_id) == subscriber_id)
                    .values(subscriber_id=None))
    session.execute(delete(ConsentRecord).where(col(ConsentRecord.subscriber_id) == subscriber_id))
    session.execute(delete(Delivery).where(col(Delivery.subscriber_id) == subscriber_id))
    session.execute(delete(Subscriber).where(col(Subscriber.id) == subscriber_id))


def is_suppressed(session: Session, *, address_hash: str) -> bool:
    """Whether the hashed address is on the suppression list."""
    stmt = select(Suppression.id).where(Suppression.address_hash == address_hash)
    return session.exec(stmt).first() is not None


def suppressed_hashes(session: Session, *, address_hashes: Sequence[str]) -> set[str]:
    """Which of the hashed addresses are on the suppression list."""
    found: set[str] = set()
    for chunk in chunked(address_hashes):
        stmt = select(Suppression.address_hash).where(col(Suppression.address_hash).in_(chunk))
        found.update(session.exec(stmt).all())
    return found


def suppress_hash(session: Session, *, address_hash: str, reason: str) -> None:
    """Put the hashed address on the suppression list (once)."""
    stmt = _insert(session)(Suppression).values(address_hash=address_hash, reason=reason,
                                                created_at=func.now())
    session.execute(stmt.on_conflict_do_nothing(index_elements=["address_hash"]))


def lift_suppression(session: Session, *, address_hash: str) -> None:
    """Take the hashed address off the suppression list (its owner consented again)."""
    session.execute(delete(Suppression).where(col(Suppression.address_hash) == address_hash))


def search_subscribers(
    session: Session, *, query: str = "", status: str | None = None, limit: int = 50, offset: int = 0
) -> Sequence[Subscriber]:
    """Subscribers whose address contains `query` (any case), in `status` if given, by address."""
    stmt = select(Subscriber)
    if query:
        escaped = query.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        stmt = stmt.where(func.lower(Subscriber.email).like(f"%{escaped}%", escape="\\"))
    if status:
        stmt = stmt.where(Subscriber.status == status)
    return session.exec(stmt.order_by(col(Subscriber.email)).limit(limit).offset(offset)).all()


def subscriber_counts(session: Session) -> dict[str, int]:
    """How many subscribers are in each status."""
    stmt = select(Subscriber.status, func.count()).group_by(Subscriber.status)
    return {str(status): count for status, count in session.exec(stmt).all()}


# --- editors and the desk ------------------------------------------------------------------------


def get_editor_by_email(session: Session, *, email: str) -> Editor | None:
    """The editor with that (normalised) address, if any."""
    return session.exec(select(Editor).where(Editor.email == email)).first()


def get_editor(session: Session, *, editor_id: int) -> Editor | None:
    """The editor with that id, if any."""
    return session.get(Editor, editor_id)


def list_editors(session: Session) -> Sequence[Editor]:
    """Every editor, by address."""
    return session.exec(select(Editor).order_by(col(Editor.email))).all()


def count_editors(session: Session) -> int:
    """How many editor accounts exist."""
    return int(session.exec(select(func.count()).select_from(Editor)).one())


def delete_editor(session: Session, *, email: str) -> bool:
    """Remove the editor account with that address; whether there was one."""
    result = session.execute(delete(Editor).where(col(Editor.email) == email))
    return bool(result.rowcount)


def record_desk_decision(
    session: Session, *, issue_id: int, editor_email: str, decision: str, note: str | None,
    content_hash: str | None,
) -> DeskDecision:
    """Note an editor's approval or rejection made on the desk."""
    row = DeskDecision(issue_id=issue_id, editor_email=editor_email, decision=decision, note=note,
                       content_hash=content_hash)
    session.add(row)
    session.flush()
    return row


def desk_decisions_of(session: Session, *, issue_id: int) -> Sequence[DeskDecision]:
    """The desk decisions on an issue, newest first."""
    stmt = select(DeskDecision).where(DeskDecision.issue_id == issue_id)
    return session.exec(stmt.order_by(col(DeskDecision.id).desc())).all()


# --- rate-limit counters -------------------------------------------------------------------------

COUNTERS = RateLimitCounter.__table__  # type: ignore[attr-defined]


def rate_limit_incr(session: Session, *, key: str, amount: int, expiry: float, now: float) -> int:
    """Add `amount` to the key's window (a new window if it expired); the count after. One statement,
    so workers racing on one key never lose a hit."""
    stmt = _insert(session)(COUNTERS).values(key=key, count=amount, expires_at=now + expiry)
    expired = COUNTERS.c.expires_at <= now
    stmt = stmt.on_conflict_do_update(
        index_elements=["key"],
        set_={"count": case((expired, amount), else_=COUNTERS.c.count + amount),
              "expires_at": case((expired, now + expiry), else_=COUNTERS.c.expires_at)},
    ).returning(COUNTERS.c.count)
    return int(session.execute(stmt).scalar_one())


def rate_limit_get(session: Session, *, key: str, now: float) -> tuple[int, float]:
    """(count, expiry time) of the key's current window; (0, now) if it has none."""
    stmt = select(COUNTERS.c.count, COUNTERS.c.expires_at).where(
        COUNTERS.c.key == key, COUNTERS.c.expires_at > now)
    row = session.execute(stmt).first()
    return (int(row[0]), float(row[1])) if row else (0, now)


def rate_limit_clear(session: Session, *, key: str | None = None, expired_before: float | None = None) -> int:
    """Delete one key's counter, the counters expired before a time, or (neither given) all; how many."""
    stmt = delete(COUNTERS)
    if key is not None:
        stmt = stmt.where(COUNTERS.c.key == key)
    if expired_before is not None:
        stmt = stmt.where(COUNTERS.c.expires_at <= expired_before)
    return int(session.execute(stmt).rowcount or 0)

