"""Sending an approved issue: one delivery row per subscriber, each sent at most once."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy.engine import Engine
from sqlmodel import Session

from db import queries
from db.engine import session_scope
from db.models import Delivery, NewsletterIssue, Subscriber, utcnow
from db.states import DeliveryStatus, IssueStatus, SubscriberStatus, move
from editorial.issues import render_and_store
from emails.delivery import DeliveryBackend, DeliveryError
from emails.personalise import personalise
from verdicts.settings import Settings

log = logging.getLogger(__name__)


class PublishError(ValueError):
    """The issue cannot be sent; the message says why."""


@dataclass(frozen=True)
class SendSummary:
    """What one send run did: messages sent and failed by this run, and the issue's state after."""

    issue_id: int
    status: str
    sent: int
    failed: int
    unknown: int
    total_sent: int
    already_sent: bool = False


def send_issue(
    engine: Engine, *, issue_id: int, backend: DeliveryBackend, settings: Settings
) -> SendSummary:
    """Send an approved issue to every active subscriber not yet sent it; PublishError if not approved."""
    with session_scope(engine) as session:
        issue = queries.get_issue(session, issue_id=issue_id)
        if issue.status == IssueStatus.SENT:
            return _summary(session, issue, already_sent=True)
        refusal = start_sending(session, issue=issue, backend=backend.name, settings=settings)
        html_body, text_body, subject = issue.rendered_html, issue.rendered_text, issue.subject
    if refusal:  # raised only now, so that a return to draft is committed, not rolled back
        raise PublishError(refusal)
    assert html_body is not None and text_body is not None
    with session_scope(engine) as session:
        pending = [d.id for d in queries.deliveries_in(session, issue_id=issue_id,
                                                          status=DeliveryStatus.PENDING)]
    outcomes = [
        _deliver_one(engine, delivery_id, backend, settings, subject, html_body, text_body)
        for delivery_id in pending
        if delivery_id is not None
    ]
    with session_scope(engine) as session:
        issue = queries.get_issue(session, issue_id=issue_id)
        _finish_if_done(session, issue)
        return _summary(session, issue, sent=outcomes.count(DeliveryStatus.SENT),
                        failed=outcomes.count(DeliveryStatus.FAILED))


def start_sending(
    session: Session, *, issue: NewsletterIssue, backend: str, settings: Settings
) -> str | None:
    """Check the approval still holds, move to sending and queue a delivery per subscriber;
    return why not instead when the issue may not be sent."""
    if issue.status == IssueStatus.APPROVED:
        approved_hash = issue.approved_hash
        render_and_store(session, issue=issue, settings=settings)
        if issue.status != IssueStatus.APPROVED or issue.content_hash != approved_hash:
            return (f"issue {issue.id} changed since it was approved: it is a draft again "
                    "and needs a new approval")
        if issue.render_errors:
            return f"issue {issue.id} has render errors: {issue.render_errors}"
        move(issue, IssueStatus.SENDING)
    elif issue.status == IssueStatus.SENDING:
        _reconcile_interrupted(session, issue_id=issue.id)
    else:
        return f"issue {issue.id} is {issue.status}: an editor must approve it before it is sent"
    assert issue.id is not None
    queries.create_pending_deliveries(session, issue_id=issue.id, backend=backend)
    session.add(issue)
    return None


def _reconcile_interrupted(session: Session, *, issue_id: int | None) -> None:
    """Deliveries left 'sending' by a crash may or may not have gone out: mark them unknown."""
    assert issue_id is not None
    for delivery in queries.deliveries_in(session, issue_id=issue_id, status=DeliveryStatus.SENDING):
        move(delivery, DeliveryStatus.UNKNOWN)
        delivery.error, delivery.updated_at = "interrupted while sending", utcnow()
        session.add(delivery)


def _deliver_one(
    engine: Engine, delivery_id: int, backend: DeliveryBackend, settings: Settings,
    subject: str, html_body: str, text_body: str,
) -> DeliveryStatus:
    with session_scope(engine) as session:
        delivery = session.get(Delivery, delivery_id)
        assert delivery is not None
        subscriber = session.get_one(Subscriber, delivery.subscriber_id)
        move(delivery, DeliveryStatus.SENDING)
        delivery.updated_at = utcnow()
        session.add(delivery)
        active = subscriber.status == SubscriberStatus.ACTIVE
        message = personalise(
            settings=settings, delivery_id=delivery_id, subscriber_id=subscriber.id,
            to=subscriber.email, subject=subject, html_body=html_body, text_body=text_body,
        )
    # The row says 'sending' (committed) before the message leaves: a crash here is 'unknown'.
    outcome, message_id, error = DeliveryStatus.FAILED, None, "subscriber is no longer active"
    if active:
        try:
            message_id, outcome, error = backend.send(message), DeliveryStatus.SENT, None
        except DeliveryError as exc:
            error = f"{'permanent' if exc.permanent else 'temporary'}: {exc}"
            log.warning("delivery %s failed: %s", delivery_id, error)
    with session_scope(engine) as session:
        delivery = session.get(Delivery, delivery_id)
        assert delivery is not None
        move(delivery, outcome)
        delivery.message_id, delivery.error, delivery.updated_at = message_id, error, utcnow()
        session.add(delivery)
    return outcome


def _finish_if_done(session: Session, issue: NewsletterIssue) -> None:
    assert issue.id is not None
    if issue.status != IssueStatus.SENDING:
        return
    counts = queries.delivery_counts(session, issue_id=issue.id)
    if counts.get(DeliveryStatus.PENDING, 0) or counts.get(DeliveryStatus.SENDING, 0):
        return
    move(issue, IssueStatus.SENT)
    issue.sent_at = utcnow()
    session.add(issue)


def _summary(
    session: Session, issue: NewsletterIssue, *, sent: int = 0, failed: int = 0,
    already_sent: bool = False,
) -> SendSummary:
    assert issue.id is not None
    counts = queries.delivery_counts(session, issue_id=issue.id)
    return SendSummary(
        issue_id=issue.id,
        status=str(issue.status),
        sent=sent,
        failed=failed,
        unknown=counts.get(DeliveryStatus.UNKNOWN, 0),
        total_sent=counts.get(DeliveryStatus.SENT, 0),
        already_sent=already_sent,
    )
