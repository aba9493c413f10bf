"""Approval and sending on the real database: nothing unapproved leaves, nobody gets it twice,
nobody is missed, temporary failures are retried, one send per issue at a time."""

from __future__ import annotations

import threading
from collections import Counter
from datetime import timedelta
from email import policy
from email.parser import BytesParser

import pytest
from sqlmodel import Session, select

from db import queries
from db.models import Delivery, NewsletterIssue, PanelReview, Subscriber, utcnow
from db.states import DeliveryStatus, IssueStatus, SubscriberStatus
from editorial.issues import ApprovalError, approve_issue, reject_issue
from editorial.weeks import current_week
from emails.backends.outbox import OutboxBackend
from emails.backends.sendgrid import SendGridBackend
from emails.delivery import make_backend
from emails.lease import SendInProgress
from emails.publish import PublishError, send_issue, send_test
from emails.tokens import read_link_token
from tests.servers.sendgrid_server import SendGridServer, require_mail_contract
from verdicts import stages

EDITOR = "editor@example.com"
API_KEY = "SG.test-key"


@pytest.fixture
def compose_week(compose_with_readers):
    return lambda settings, engine, readers: compose_with_readers(readers)


@pytest.fixture
def draft(compose_week, settings, engine) -> int:
    """This week's draft composed from the bundled samples, with three active subscribers."""
    return compose_week(settings, engine, 3)


def approve(engine, settings, issue_id):
    with Session(engine, expire_on_commit=False) as session:
        issue = approve_issue(session, issue_id=issue_id, editor=EDITOR, settings=settings)
        session.commit()
        return issue


def outbox_files(settings):
    return sorted(settings.resolved_outbox_dir().glob("*.eml"))


def statuses(engine) -> Counter:
    with Session(engine) as session:
        return Counter(str(d.status) for d in session.exec(select(Delivery)).all())


@pytest.fixture
def sendgrid():
    with SendGridServer(API_KEY, require_mail_contract()) as running:
        yield running


def sendgrid_backend(server, batch_size=1000) -> SendGridBackend:
    # 30 s: four requests at once queue behind each other at the server, which validates each body
    return SendGridBackend(api_key=API_KEY, host=server.url, timeout=30, batch_size=batch_size)


def recipients_of(server) -> Counter:
    return Counter(p["to"][0]["email"] for a in server.accepted for p in a.body["personalizations"])


# --- approval ------------------------------------------------------------------------------------


def test_a_draft_is_never_sent(engine, settings, draft):
    with pytest.raises(PublishError, match="must approve"):
        send_issue(engine, issue_id=draft, backend=make_backend("outbox", settings), settings=settings)
    assert outbox_files(settings) == []


def test_content_changed_after_approval_goes_back_to_draft(engine, settings, draft):
    approve(engine, settings, draft)
    with Session(engine) as session:
        review = session.exec(select(PanelReview).where(PanelReview.take.is_not(None))).first()
        review.take = "Edited after approval. " + review.take  # the part the email shows
        session.add(review)
        session.commit()
    with pytest.raises(PublishError, match="changed since it was approved"):
        send_issue(engine, issue_id=draft, backend=make_backend("outbox", settings), settings=settings)
    with Session(engine) as session:
        issue = session.get(NewsletterIssue, draft)
        assert (issue.status, issue.approved_by) == (IssueStatus.DRAFT, None)
    assert outbox_files(settings) == []


def test_approval_needs_a_valid_editor_and_a_draft(engine, settings, draft):
    with Session(engine) as session, pytest.raises(ApprovalError, match="not a valid email"):
        approve_issue(session, issue_id=draft, editor="not-an-address", settings=settings)
    with Session(engine) as session:
        reject_issue(session, issue_id=draft, editor=EDITOR, reason="pairs are weak")
        session.commit()
    with Session(engine) as session, pytest.raises(ApprovalError, match="is rejected"):
        approve_issue(session, issue_id=draft, editor=EDITOR, settings=settings)


# --- sending once --------------------------------------------------------------------------------


def test_approved_issue_goes_to_each_active_subscriber_once(engine, settings, draft):
    approve(engine, settings, draft)
    backend = OutboxBackend(settings.resolved_outbox_dir(), batch_size=2)  # two batches

    first = send_issue(engine, issue_id=draft, backend=backend, settings=settings)
    assert (first.status, first.sent, first.failed, first.requests) == ("sent", 3, 0, 2)
    files = outbox_files(settings)
    assert len(files) == 3
    message = BytesParser(policy=policy.default).parsebytes(files[0].read_bytes())
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["List-Id"] == "Weekly AI Tool Verdicts <verdicts.example.com>"
    raw = files[0].read_bytes().decode("ascii")
    link = raw.split("List-Unsubscribe: <", 1)[1].split(">", 1)[0]  # as an RFC 2369 parser reads it
    assert link.startswith("https://verdicts.example.com/u/") and "=?" not in link
    claim = read_link_token(settings.secret_key, link.rsplit("/", 1)[1])
    with Session(engine) as session:
        assert session.get(Subscriber, claim.subscriber_id).email == message["To"]
    assert claim.issue_id == draft
    html = message.get_body(("html",)).get_content()
    assert "%%" not in html  # every placeholder filled
    assert f"/v/{link.rsplit('/', 1)[1]}/" in html  # the vote links carry the same one token

    again = send_issue(engine, issue_id=draft, backend=backend, settings=settings)
    assert again.already_sent and again.sent == 0
    assert len(outbox_files(settings)) == 3


def test_sendgrid_gets_the_issue_once_per_request_with_a_personalization_each(
        engine, settings, sendgrid, compose_week):
    issue_id = compose_week(settings, engine, 25)
    approve(engine, settings, issue_id)
    summary = send_issue(engine, issue_id=issue_id, backend=sendgrid_backend(sendgrid, 10),
                         settings=settings)
    assert (summary.status, summary.sent, summary.requests) == ("sent", 25, 3)
    assert sorted(len(a.body["personalizations"]) for a in sendgrid.accepted) == [5, 10, 10]
    assert set(recipients_of(sendgrid).values()) == {1} and len(recipients_of(sendgrid)) == 25
    body = sendgrid.accepted[0].body
    assert body["headers"] == {"List-Id": "Weekly AI Tool Verdicts <verdicts.example.com>"}
    assert body["categories"] == ["newsletter", current_week()]
    [html] = [c["value"] for c in body["content"] if c["type"] == "text/html"]
    assert "/u/%%token%%" in html and "/v/%%token%%/" in html  # SendGrid fills the one token in
    first = body["personalizations"][0]
    token = first["substitutions"]["%%token%%"]
    assert first["headers"]["List-Unsubscribe"] == f"<https://verdicts.example.com/u/{token}>"
    with Session(engine) as session:
        delivery = session.get(Delivery, int(first["custom_args"]["delivery_id"]))
        assert session.get(Subscriber, delivery.subscriber_id).email == first["to"][0]["email"]
        assert read_link_token(settings.secret_key, token).subscriber_id == delivery.subscriber_id
        assert delivery.message_id == sendgrid.accepted[0].message_id


def test_temporary_failures_are_retried_and_nobody_is_lost(
        engine, settings, sendgrid, monkeypatch, compose_week):
    monkeypatch.setattr(settings, "send_retry_base_seconds", 0.0)
    issue_id = compose_week(settings, engine, 40)
    approve(engine, settings, issue_id)
    sendgrid.fail_next(1, 429)
    original = sendgrid._decide
    calls = iter(range(1000))

    def flaky(number, *args):  # every third request answered 500 or 503
        if next(calls) % 3 == 2:
            sendgrid.fail_next(1, 500 if number % 2 else 503)
        return original(number, *args)

    monkeypatch.setattr(sendgrid, "_decide", flaky)
    summary = send_issue(engine, issue_id=issue_id, backend=sendgrid_backend(sendgrid, 5), settings=settings)

    assert summary.status == "sent" and summary.retried > 0
    assert recipients_of(sendgrid) == Counter({f"reader{n}@example.com": 1 for n in range(40)})
    assert statuses(engine) == Counter({"sent": 40})


def test_requests_in_flight_at_once_with_failures_reach_everyone_once(
        engine, settings, sendgrid, monkeypatch, compose_week):
    monkeypatch.setattr(settings, "send_retry_base_seconds", 0.0)
    issue_id = compose_week(settings, engine, 60)
    approve(engine, settings, issue_id)
    second_arrived, overlapped = threading.Event(), []

    def hold_the_first(number, phase):  # request 1 is answered only once request 2 is in too
        if phase == "received" and number == 2:
            second_arrived.set()
        if phase == "received" and number == 1:
            overlapped.append(second_arrived.wait(timeout=30))
        if phase == "received" and number % 3 == 0:  # every third request refused for now
            sendgrid.fail_next(1, (429, 500, 503)[number % 9 // 3])
        return True

    sendgrid.on_request = hold_the_first
    backend = SendGridBackend(api_key=API_KEY, host=sendgrid.url, timeout=60, batch_size=5, concurrency=4)
    summary = send_issue(engine, issue_id=issue_id, backend=backend, settings=settings)

    assert overlapped == [True]
    assert summary.status == "sent" and summary.retried > 0
    assert recipients_of(sendgrid) == Counter({f"reader{n}@example.com": 1 for n in range(60)})
    assert statuses(engine) == Counter({"sent": 60})


def test_an_answer_lost_after_the_request_is_unknown_and_never_resent(
        engine, settings, sendgrid, monkeypatch, compose_week):
    """A read timeout may follow an accepted request: those rows wait for reconciliation."""
    monkeypatch.setattr(settings, "send_retry_base_seconds", 0.0)
    issue_id = compose_week(settings, engine, 6)
    approve(engine, settings, issue_id)
    answered = threading.Event()

    def lose_the_first_answer(number, phase):  # accepted, then answered after the client gave up
        if phase == "accepted" and number == 1:
            answered.wait(timeout=3)
        return True

    sendgrid.on_request = lose_the_first_answer
    backend = SendGridBackend(api_key=API_KEY, host=sendgrid.url, timeout=0.5, batch_size=3, concurrency=1)
    first = send_issue(engine, issue_id=issue_id, backend=backend, settings=settings)
    answered.set()
    second = send_issue(engine, issue_id=issue_id, backend=sendgrid_backend(sendgrid), settings=settings)

    assert (first.status, first.unknown) != ("sent", 0) and second.unknown == 3
    assert recipients_of(sendgrid) == Counter({f"reader{n}@example.com": 1 for n in range(6)})
    assert statuses(engine) == Counter({"sent": 3, "unknown": 3})


def test_a_temporary_failure_that_persists_becomes_permanent_after_the_attempts(
        engine, settings, sendgrid, monkeypatch, compose_week):
    monkeypatch.setattr(settings, "send_retry_base_seconds", 0.0)
    monkeypatch.setattr(settings, "send_max_attempts", 3)
    approve(engine, settings, issue_id := compose_week(settings, engine, 2))
    sendgrid.fail_next(3, 503)
    summary = send_issue(engine, issue_id=issue_id, backend=sendgrid_backend(sendgrid), settings=settings)
    assert (summary.status, summary.failed, summary.requests) == ("sent", 2, 3)
    with Session(engine) as session:
        rows = session.exec(select(Delivery)).all()
    assert {(r.status, r.attempts) for r in rows} == {(DeliveryStatus.FAILED, 3)}
    assert all(r.error.startswith("gave up after 3 attempts: sendgrid answered 503") for r in rows)


def test_a_long_back_off_is_left_to_the_next_run(engine, settings, sendgrid, monkeypatch, compose_week):
    monkeypatch.setattr(settings, "send_retry_base_seconds", 600.0)
    approve(engine, settings, issue_id := compose_week(settings, engine, 3))
    sendgrid.fail_next(1, 429)
    first = send_issue(engine, issue_id=issue_id, backend=sendgrid_backend(sendgrid), settings=settings)
    assert (first.status, first.sent, first.counts) == ("sending", 0, {"pending": 3})
    with Session(engine) as session:  # time passes: the retry falls due
        for row in session.exec(select(Delivery)).all():
            row.next_attempt_at = utcnow() - timedelta(seconds=1)
            session.add(row)
        session.commit()
    second = send_issue(engine, issue_id=issue_id, backend=sendgrid_backend(sendgrid), settings=settings)
    assert (second.status, second.sent) == ("sent", 3)


def test_a_refused_address_fails_alone_and_is_suppressed(engine, settings, sendgrid, compose_week):
    issue_id = compose_week(settings, engine, 4)
    with Session(engine) as session:  # an address that slipped past validation (an old import)
        bad = session.exec(select(Subscriber).where(Subscriber.email == "reader2@example.com")).one()
        bad.email = "no-at-sign"
        session.add(bad)
        session.commit()
        bad_id = bad.id
    approve(engine, settings, issue_id)
    summary = send_issue(engine, issue_id=issue_id, backend=sendgrid_backend(sendgrid), settings=settings)
    assert (summary.status, summary.sent, summary.failed) == ("sent", 3, 1)
    assert len(sendgrid.accepted) == 1 and len(recipients_of(sendgrid)) == 3  # the rest re-posted
    with Session(engine) as session:
        assert session.get(Subscriber, bad_id).status == SubscriberStatus.BOUNCED
        [failed] = session.exec(select(Delivery).where(Delivery.status == DeliveryStatus.FAILED)).all()
    assert "is not a 'email'" in failed.error


def test_a_wrong_api_key_stops_the_run_and_loses_nobody(engine, settings, sendgrid, compose_week):
    approve(engine, settings, issue_id := compose_week(settings, engine, 3))
    wrong = SendGridBackend(api_key="SG.wrong", host=sendgrid.url, timeout=5)
    summary = send_issue(engine, issue_id=issue_id, backend=wrong, settings=settings)
    assert summary.halted and "401" in summary.halted
    assert (summary.status, summary.counts) == ("sending", {"pending": 3})
    fixed = send_issue(engine, issue_id=issue_id, backend=sendgrid_backend(sendgrid), settings=settings)
    assert (fixed.status, fixed.sent) == ("sent", 3)


class UnsubscribingOutbox(OutboxBackend):
    """A real outbox, while a reader clicks 'unsubscribe' during the send's first batch."""

    def __init__(self, engine, leaver, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.engine, self.leaver = engine, leaver

    def send_batch(self, letter, recipients):
        if self.leaver is not None:
            with Session(self.engine) as session:
                queries.suppress_subscribers(session, ids=[self.leaver], status=SubscriberStatus.UNSUBSCRIBED,
                                             reason="clicked", now=utcnow())
                session.commit()
            self.leaver = None
        return super().send_batch(letter, recipients)


def test_who_unsubscribes_between_batches_is_never_sent_to(engine, settings, compose_week):
    issue_id = compose_week(settings, engine, 4)
    approve(engine, settings, issue_id)
    with Session(engine) as session:
        leaver = session.exec(select(Subscriber).where(Subscriber.email == "reader3@example.com")).one().id
    backend = UnsubscribingOutbox(engine, leaver, settings.resolved_outbox_dir(), batch_size=1)
    summary = send_issue(engine, issue_id=issue_id, backend=backend, settings=settings)
    assert summary.status == "sent"
    assert len(outbox_files(settings)) == 3
    assert not [f for f in outbox_files(settings) if "reader3" in f.name]
    assert statuses(engine) == Counter({"sent": 3, "skipped": 1})


# --- one send at a time --------------------------------------------------------------------------


def test_a_second_run_is_refused_while_the_first_holds_the_issue(engine, settings, draft):
    approve(engine, settings, draft)
    now = utcnow()
    with Session(engine) as session:
        queries.acquire_lease(session, issue_id=draft, holder="worker-7 pid 4242", token="theirs", now=now,
                              expires_at=now + timedelta(minutes=1))
        session.commit()
    with pytest.raises(SendInProgress, match="being sent by worker-7 pid 4242"):
        send_issue(engine, issue_id=draft, backend=make_backend("outbox", settings), settings=settings)
    assert outbox_files(settings) == []
    with Session(engine) as session:
        assert session.get(NewsletterIssue, draft).status == IssueStatus.APPROVED


def test_a_dead_runs_lease_expires_and_its_batch_is_unknown_not_resent(engine, settings, draft):
    approve(engine, settings, draft)
    with Session(engine) as session:  # a run claimed a batch of one, then died (lease left behind)
        issue = session.get(NewsletterIssue, draft)
        from emails.publish import start_sending

        assert start_sending(session, issue=issue, backend="outbox", settings=settings) is None
        session.flush()
        queries.claim_deliveries(session, issue_id=draft, batch="dead:0", limit=1, now=utcnow())
        past = utcnow() - timedelta(minutes=5)
        queries.acquire_lease(session, issue_id=draft, holder="dead pid 1", token="dead", now=past,
                              expires_at=past + timedelta(seconds=60))
        session.commit()
    summary = send_issue(engine, issue_id=draft, backend=make_backend("outbox", settings), settings=settings)
    assert (summary.status, summary.sent, summary.unknown) == ("sending", 2, 1)
    assert len(outbox_files(settings)) == 2
    with Session(engine) as session:
        assert queries.lease_of(session, issue_id=draft) is None  # released when the run ended


# --- test sends ------------------------------------------------------------------------------------


def test_a_test_send_reaches_one_address_and_records_nothing(engine, settings, draft):
    result = send_test(engine, issue_id=draft, address="Editor@Example.com",
                       backend=make_backend("outbox", settings), settings=settings)
    [eml] = outbox_files(settings)
    message = BytesParser(policy=policy.default).parsebytes(eml.read_bytes())
    assert (result.to, message["To"]) == ("editor@example.com", "editor@example.com")
    assert message["Subject"].startswith("[TEST] Weekly AI Tool Verdicts")
    assert "%%" not in message.get_body(("html",)).get_content()
    assert statuses(engine) == Counter()
    with Session(engine) as session:
        assert session.get(NewsletterIssue, draft).status == IssueStatus.DRAFT


def test_the_publish_sweep_leaves_an_issue_another_run_is_sending(engine, settings, draft):
    approve(engine, settings, draft)
    now = utcnow()
    with Session(engine) as session:
        queries.acquire_lease(session, issue_id=draft, holder="other pid 9", token="theirs", now=now,
                              expires_at=now + timedelta(minutes=1))
        session.commit()
    assert stages.publish_ready(settings) == []  # no error, nothing sent: that run finishes it
    assert outbox_files(settings) == []
