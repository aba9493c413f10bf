"""An issue's life after composing: render and store, approve, reject."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from email_validator import EmailNotValidError, validate_email
from sqlmodel import Session

from db import queries
from db.models import NewsletterIssue, utcnow
from db.states import IssueStatus, move
from editorial.presentation import build_issue_view
from emails.render import RenderedIssue, render_issue
from verdicts.settings import Settings

log = logging.getLogger(__name__)


class ApprovalError(ValueError):
    """The issue cannot be approved or rejected as asked; the message says why."""


@dataclass(frozen=True)
class Preview:
    """A rendered issue and where its preview files are."""

    rendered: RenderedIssue
    html_path: Path
    text_path: Path


def render_and_store(session: Session, *, issue: NewsletterIssue, settings: Settings) -> Preview:
    """Render the issue, store the result, write preview files; an approved issue whose
    content changed goes back to draft. ApprovalError for a sending or sent issue: its archived
    content is frozen."""
    if issue.status in (IssueStatus.SENDING, IssueStatus.SENT):
        raise ApprovalError(f"issue {issue.id} is {issue.status}: what was mailed is archived as it was "
                            "and is never rendered again")
    view = build_issue_view(session, issue=issue, base_url=settings.public_base_url)
    rendered = render_issue(view)
    content_hash = rendered.content_hash()
    if issue.status == IssueStatus.APPROVED and issue.approved_hash != content_hash:
        log.warning("issue %s changed after approval: back to draft", issue.id)
        move(issue, IssueStatus.DRAFT)
        issue.approved_by = issue.approved_at = issue.approved_hash = None
    issue.subject = rendered.subject
    issue.rendered_html, issue.rendered_text = rendered.html, rendered.text
    issue.render_errors = "\n".join(rendered.errors) or None
    issue.content_hash = content_hash
    session.add(issue)
    session.flush()
    return _write_preview(rendered, settings.issues_dir() / issue.week)


def _write_preview(rendered: RenderedIssue, folder: Path) -> Preview:
    folder.mkdir(parents=True, exist_ok=True)
    html_path, text_path = folder / "issue.html", folder / "issue.txt"
    html_path.write_text(rendered.html, encoding="utf-8")
    text_path.write_text(rendered.text, encoding="utf-8")
    return Preview(rendered, html_path, text_path)


def approve_issue(
    session: Session, *, issue_id: int, editor: str, settings: Settings
) -> NewsletterIssue:
    """Approve a draft as `editor`, bound to the hash of what was rendered; ApprovalError if not."""
    editor = normalised_email(editor)
    issue = queries.get_issue(session, issue_id=issue_id)
    if issue.status != IssueStatus.DRAFT:
        raise ApprovalError(f"issue {issue_id} is {issue.status}: only a draft can be approved")
    preview = render_and_store(session, issue=issue, settings=settings)
    if not preview.rendered.ok:
        raise ApprovalError(
            f"issue {issue_id} has render errors: " + "; ".join(preview.rendered.errors)
        )
    if not queries.comparisons_of(session, issue_id=issue_id):
        raise ApprovalError(f"issue {issue_id} has no comparisons: nothing to approve")
    move(issue, IssueStatus.APPROVED)
    issue.approved_by, issue.approved_at = editor, utcnow()
    issue.approved_hash = issue.content_hash
    session.add(issue)
    return issue


def reject_issue(session: Session, *, issue_id: int, editor: str, reason: str) -> NewsletterIssue:
    """Reject a draft with a reason; ApprovalError if it is not a draft or the reason is empty."""
    editor = normalised_email(editor)
    if not reason.strip():
        raise ApprovalError("a rejection needs a reason")
    issue = queries.get_issue(session, issue_id=issue_id)
    if issue.status != IssueStatus.DRAFT:
        raise ApprovalError(f"issue {issue_id} is {issue.status}: only a draft can be rejected")
    move(issue, IssueStatus.REJECTED)
    issue.rejected_reason = f"{reason.strip()} ({editor})"
    session.add(issue)
    return issue


def normalised_email(address: str) -> str:
    """The address normalised; ApprovalError saying why if it is not a valid email address."""
    try:
        return validate_email(address, check_deliverability=False).normalized
    except EmailNotValidError as exc:
        raise ApprovalError(f"not a valid email address: {address!r}: {exc}") from None
