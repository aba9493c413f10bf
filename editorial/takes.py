"""An editor's words in place of a persona's take on a draft's comparison.

The edit is stored on the review itself: compose reuses a review stored under its key, so every
later compose of the week shows the editor's words, until the tool changes and is reviewed again."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session

from db import desk_queries
from db.models import NewsletterIssue, PanelReview
from db.states import IssueStatus
from editorial.issues import render_and_store
from editorial.panel.llm import MAX_TAKE_CHARS
from verdicts.settings import Settings


class TakeError(ValueError):
    """The take cannot be edited as asked; the message says why."""


def edit_take(
    session: Session, *, issue_id: int, review_id: int, take: str, settings: Settings
) -> PanelReview:
    """Store `take` as the review's take and re-render the draft (its content hash changes, so an
    approval of the old preview is refused); TakeError if the issue or the take does not allow it."""
    take = " ".join(take.split())
    if not take:
        raise TakeError("a take cannot be empty")
    if len(take) > MAX_TAKE_CHARS:
        raise TakeError(f"a take has at most {MAX_TAKE_CHARS} characters; this one has {len(take)}")
    review = desk_queries.get_review(session, review_id=review_id)
    shown = desk_queries.issues_showing_review(session, review_id=review_id)
    issue = next((i for i in shown if i.id == issue_id), None)
    if review is None or issue is None:
        raise TakeError(f"issue {issue_id} shows no review {review_id}")
    ensure_only_drafts(shown)
    if review.decision is None:
        raise TakeError(f"{review.persona} has no take on this tool: there is nothing to edit")
    review.take = take
    session.add(review)
    session.flush()
    render_and_store(session, issue=issue, settings=settings)
    return review


def ensure_only_drafts(issues: Sequence[NewsletterIssue]) -> None:
    """Return if every issue is a draft; TakeError naming one that is public (approved or later)."""
    for issue in issues:
        if issue.status != IssueStatus.DRAFT:
            raise TakeError(f"this take is also in issue {issue.id} ({issue.week}), which is "
                            f"{issue.status}: what an editor approved is not rewritten")
