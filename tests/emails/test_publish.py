"""Approval and sending on the real database: nothing unapproved leaves, nothing leaves twice."""

from email import policy
from email.parser import BytesParser

import pytest
from sqlmodel import Session, select

from db.models import Delivery, NewsletterIssue, PanelReview, Subscriber
from db.states import DeliveryStatus, IssueStatus, SubscriberStatus
from editorial.issues import ApprovalError, approve_issue, reject_issue
from editorial.weeks import current_week
from emails.audience import add_subscriber
from emails.delivery import DeliveryError, OutgoingEmail, make_backend
from emails.publish import PublishError, send_issue
from emails.tokens import read_unsubscribe_token
from verdicts import stages
from verdicts.settings import SAMPLES_DIR

EDITOR = "editor@example.com"


@pytest.fixture
def draft(settings, engine) -> int:
    """This week's draft composed from the bundled samples, with three active subscribers."""
    stages.ingest_all(settings, SAMPLES_DIR / "sources.toml")
    with Session(engine) as session:
        for n in range(3):
            add_subscriber(session, email=f"reader{n}@example.com", status=SubscriberStatus.ACTIVE)
        add_subscriber(session, email="pending@example.com")
        session.commit()
    return stages.compose(settings, current_week()).result.issue_id


def approve(engine, settings, issue_id):
    with Session(engine, expire_on_commit=False) as session:
        issue = approve_issue(session, issue_id=issue_id, editor=EDITOR, settings=settings)
        session.commit()
        return issue


def outbox_files(settings):
    return sorted(settings.resolved_outbox_dir().glob("*.eml"))


def test_a_draft_is_never_sent(engine, settings, draft):
    with pytest.raises(PublishError, match="must approve"):
        send_issue(engine, issue_id=draft, backend=make_backend("outbox", settings), settings=settings)
    assert outbox_files(settings) == []


def test_approved_issue_goes_to_each_active_subscriber_once(engine, settings, draft):
    issue = approve(engine, settings, draft)
    assert (issue.approved_by, issue.approved_hash) == (EDITOR, issue.content_hash)
    backend = make_backend("outbox", settings)

    first = send_issue(engine, issue_id=draft, backend=backend, settings=settings)
    assert (first.status, first.sent, first.failed) == ("sent", 3, 0)
    files = outbox_files(settings)
    assert len(files) == 3
    message = BytesParser(policy=policy.default).parsebytes(files[0].read_bytes())
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = message["List-Unsubscribe"].strip("<>")
    assert link.startswith("https://")
    subscriber_id = read_unsubscribe_token(settings.secret_key, link.rsplit("/", 1)[1])
    with Session(engine) as session:
        assert session.get(Subscriber, subscriber_id).email == message["To"]
    assert message.get_body(("plain",)) is not None and message.get_body(("html",)) is not None
    assert "%%" not in message.get_body(("html",)).get_content()  # every placeholder filled

    again = send_issue(engine, issue_id=draft, backend=backend, settings=settings)
    assert again.already_sent and again.sent == 0
    assert len(outbox_files(settings)) == 3


def test_content_changed_after_approval_goes_back_to_draft(engine, settings, draft):
    approve(engine, settings, draft)
    with Session(engine) as session:
        review = session.exec(select(PanelReview).where(PanelReview.take.is_not(None))).first()
        review.take = review.take + " (edited after approval)"
        session.add(review)
        session.commit()
    with pytest.raises(PublishError, match="changed since it was approved"):
        send_issue(engine, issue_id=draft, backend=make_backend("outbox", settings), settings=settings)
    with Session(engine) as session:
        issue = session.get(NewsletterIssue, draft)
        assert (issue.status, issue.approved_by) == (IssueStatus.DRAFT, None)
    assert outbox_files(settings) == []


class CrashingBackend:
    """Delivers one message, then the process 'dies' mid-send."""

    name = "crashing"

    def __init__(self, inner):
        self.inner, self.calls = inner, 0

    def send(self, message: OutgoingEmail) -> str:
        self.calls += 1
        if self.calls == 2:
            raise KeyboardInterrupt("worker killed")
        return self.inner.send(message)

    def close(self) -> None:
        pass


class RefusingBackend:
    name = "refusing"

    def send(self, message: OutgoingEmail) -> str:
        raise DeliveryError("mailbox does not exist", permanent=True)

    def close(self) -> None:
        pass


def test_a_crash_mid_send_is_reconciled_never_resent(engine, settings, draft):
    approve(engine, settings, draft)
    outbox = make_backend("outbox", settings)
    with pytest.raises(KeyboardInterrupt):
        send_issue(engine, issue_id=draft, backend=CrashingBackend(outbox), settings=settings)
    resumed = send_issue(engine, issue_id=draft, backend=outbox, settings=settings)
    assert (resumed.status, resumed.sent, resumed.unknown, resumed.total_sent) == ("sent", 1, 1, 2)
    assert len(outbox_files(settings)) == 2  # the one in flight is 'unknown', not sent again
    with Session(engine) as session:
        statuses = sorted(d.status for d in session.exec(select(Delivery)).all())
    assert statuses == [DeliveryStatus.SENT, DeliveryStatus.SENT, DeliveryStatus.UNKNOWN]


def test_refused_messages_are_recorded_as_failed(engine, settings, draft):
    approve(engine, settings, draft)
    summary = send_issue(engine, issue_id=draft, backend=RefusingBackend(), settings=settings)
    assert (summary.sent, summary.failed, summary.status) == (0, 3, "sent")
    with Session(engine) as session:
        errors = {d.error for d in session.exec(select(Delivery)).all()}
    assert errors == {"permanent: mailbox does not exist"}


def test_approval_needs_a_valid_editor_and_a_draft(engine, settings, draft):
    with Session(engine) as session, pytest.raises(ApprovalError, match="not a valid email"):
        approve_issue(session, issue_id=draft, editor="not-an-address", settings=settings)
    with Session(engine) as session:
        reject_issue(session, issue_id=draft, editor=EDITOR, reason="pairs are weak")
        session.commit()
    with Session(engine) as session, pytest.raises(ApprovalError, match="is rejected"):
        approve_issue(session, issue_id=draft, editor=EDITOR, settings=settings)
