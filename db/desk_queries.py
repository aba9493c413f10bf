"""Data access for the desk's actions: which issues show a review, and a day's reviews approved
for the site (what a tool's page may show before any issue is approved)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlmodel import Session, col, select

from db.models import Comparison, ComparisonReview, NewsletterIssue, PanelReview, ReviewApproval, Tool
from db.queries import chunked


def get_review(session: Session, *, review_id: int) -> PanelReview | None:
    """The panel review with that id, if any."""
    return session.get(PanelReview, review_id)


def issues_showing_review(session: Session, *, review_id: int) -> Sequence[NewsletterIssue]:
    """Every issue with a comparison composed with the review, oldest first."""
    stmt = (
        select(NewsletterIssue)
        .join(Comparison, col(Comparison.issue_id) == col(NewsletterIssue.id))
        .join(ComparisonReview, col(ComparisonReview.comparison_id) == col(Comparison.id))
        .where(ComparisonReview.review_id == review_id)
        .distinct()
        .order_by(col(NewsletterIssue.id))
    )
    return session.exec(stmt).all()


# --- a day's reviews, approved for the site ------------------------------------------------------


def reviews_of_day(
    session: Session, *, start: datetime, end: datetime
) -> list[tuple[PanelReview, Tool, bool]]:
    """(review, its tool, whether approved for the site) of every review made in [start, end), by tool."""
    stmt = (
        select(PanelReview, Tool, ReviewApproval.id)
        .join(Tool, col(Tool.id) == col(PanelReview.tool_id))
        .outerjoin(ReviewApproval, col(ReviewApproval.review_id) == col(PanelReview.id))
        .where(col(PanelReview.created_at) >= start, col(PanelReview.created_at) < end)
        .order_by(col(Tool.name), col(PanelReview.id))
    )
    return [(review, tool, approval is not None) for review, tool, approval in session.exec(stmt).all()]


def approve_reviews(session: Session, *, review_ids: Iterable[int], editor_email: str) -> int:
    """Approve the reviews for the site (each once); how many were not approved before."""
    ids = sorted(set(review_ids))
    done: set[int] = set()
    for chunk in chunked(ids):
        done.update(session.exec(select(ReviewApproval.review_id)
                                 .where(col(ReviewApproval.review_id).in_(chunk))).all())
    new = [i for i in ids if i not in done]
    session.add_all(ReviewApproval(review_id=i, editor_email=editor_email) for i in new)
    session.flush()
    return len(new)


def approved_tool(session: Session, *, slug: str) -> tuple[Tool, list[PanelReview]] | None:
    """The tool with that slug and its reviews approved for the site (newest last); None if none are."""
    stmt = (
        select(Tool, PanelReview)
        .join(PanelReview, col(PanelReview.tool_id) == col(Tool.id))
        .join(ReviewApproval, col(ReviewApproval.review_id) == col(PanelReview.id))
        .where(Tool.slug == slug)
        .order_by(col(PanelReview.id))
    )
    rows = session.exec(stmt).all()
    return (rows[0][0], [review for _, review in rows]) if rows else None
