"""Data access for the desk's actions on a draft: which issues show a review, the week's tools."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, col, select

from db.models import Comparison, ComparisonReview, NewsletterIssue, PanelReview


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
