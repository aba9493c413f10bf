"""SendGrid's Event Webhook, signed with a real ECDSA key pair, against the app served by uvicorn."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import httpx
import pytest
from sqlmodel import Session, select

from db.models import Delivery, NewsletterIssue, ProviderEvent, Subscriber, utcnow
from db.states import DeliveryStatus, IssueStatus, SubscriberStatus
from emails.reconcile import reconcile_unknown
from tests.servers.sendgrid_events import EventSigner, event, post_events
from tests.web.test_web import serve
from web import create_app

URL = "/webhooks/sendgrid"


@pytest.fixture
def signer() -> EventSigner:
    return EventSigner()


@pytest.fixture
def client(settings, signer, monkeypatch) -> Iterator[httpx.Client]:
    monkeypatch.setattr(settings, "sendgrid_webhook_public_key", signer.public_key)
    with serve(create_app(settings)) as http:
        yield http


def a_sent_delivery(engine, email="reader@example.com", status=DeliveryStatus.SENT, batch="b:0") -> int:
    with Session(engine) as session:
        issue = session.exec(select(NewsletterIssue)).first()
        if issue is None:
            issue = NewsletterIssue(week="2026-W48", subject="s", status=IssueStatus.SENDING)
            session.add(issue)
            session.flush()
        subscriber = Subscriber(email=email, status=SubscriberStatus.ACTIVE)
        session.add(subscriber)
        session.flush()
        delivery = Delivery(issue_id=issue.id, subscriber_id=subscriber.id, status=status, backend="sendgrid",
                            batch=batch)
        session.add(delivery)
        session.commit()
        return delivery.id


def row(engine, delivery_id) -> tuple[Delivery, Subscriber]:
    with Session(engine) as session:
        delivery = session.get(Delivery, delivery_id)
        return delivery, session.get(Subscriber, delivery.subscriber_id)


def signed_post(client, signer, events, **kwargs) -> httpx.Response:
    return post_events(f"{client.base_url}{URL}", signer, events, client=client, **kwargs)


def test_a_signed_post_records_outcomes_beside_the_state(engine, client, signer):
    delivery_id = a_sent_delivery(engine)
    events = [event(name, email="reader@example.com", delivery_id=delivery_id)
              for name in ("delivered", "processed")]  # out of order, as SendGrid may post them
    assert signed_post(client, signer, events).status_code == 204
    delivery, subscriber = row(engine, delivery_id)
    assert (delivery.status, delivery.provider_status) == (DeliveryStatus.SENT, "delivered")
    assert subscriber.status == SubscriberStatus.ACTIVE


@pytest.mark.parametrize(
    ("name", "extra", "becomes"),
    [
        ("bounce", {"type": "bounce", "reason": "550 5.1.1 no such user"}, SubscriberStatus.BOUNCED),
        ("dropped", {"reason": "Bounced Address"}, SubscriberStatus.BOUNCED),
        ("dropped", {"reason": "Spam Reporting Address"}, SubscriberStatus.COMPLAINED),
        ("spamreport", {}, SubscriberStatus.COMPLAINED),
        ("unsubscribe", {}, SubscriberStatus.UNSUBSCRIBED),
        ("group_unsubscribe", {"asm_group_id": 1}, SubscriberStatus.UNSUBSCRIBED),
        ("bounce", {"type": "blocked", "reason": "421 try later"}, SubscriberStatus.ACTIVE),
        ("open", {}, SubscriberStatus.ACTIVE),
    ],
)
def test_what_suppresses_a_subscriber(engine, client, signer, name, extra, becomes):
    delivery_id = a_sent_delivery(engine)
    assert signed_post(client, signer, [event(name, email="Reader@Example.com", delivery_id=delivery_id,
                                              **extra)]).status_code == 204
    delivery, subscriber = row(engine, delivery_id)
    assert subscriber.status == becomes
    assert delivery.status == DeliveryStatus.SENT  # never reopened
    if becomes != SubscriberStatus.ACTIVE:
        assert subscriber.suppressed_reason.startswith(f"sendgrid {name}")


def test_an_event_without_our_delivery_id_suppresses_by_address(engine, client, signer):
    delivery_id = a_sent_delivery(engine)
    assert signed_post(client, signer, [event("spamreport", email="reader@example.com",
                                              delivery_id=None)]).status_code == 204
    assert row(engine, delivery_id)[1].status == SubscriberStatus.COMPLAINED


def test_events_are_stored_once_by_their_id(engine, client, signer):
    delivery_id = a_sent_delivery(engine)
    same = event("delivered", email="reader@example.com", delivery_id=delivery_id)
    for _ in range(3):  # SendGrid retries a post it thinks failed
        assert signed_post(client, signer, [same, same]).status_code == 204
    with Session(engine) as session:
        stored = session.exec(select(ProviderEvent)).all()
    assert [(e.event_id, e.event, e.delivery_id) for e in stored] == [(same["sg_event_id"], "delivered",
                                                                      delivery_id)]
    assert json.loads(stored[0].payload) == same


def test_unsigned_forged_and_stale_posts_are_refused_and_change_nothing(engine, client, signer):
    delivery_id = a_sent_delivery(engine)
    body = json.dumps([event("spamreport", email="reader@example.com", delivery_id=delivery_id)]).encode()
    headers = signer.headers(body)
    other = EventSigner()
    attempts = {
        "unsigned": {"Content-Type": "application/json"},
        "forged key": other.headers(body),
        "tampered": signer.headers(body.replace(b"spamreport", b"processed")),
        "stale": signer.headers(body, timestamp=int(time.time()) - 3600),
        "future": signer.headers(body, timestamp=int(time.time()) + 3600),
        "bad base64": {**headers, "X-Twilio-Email-Event-Webhook-Signature": "%%%"},
    }
    for what, attempt in attempts.items():
        answer = client.post(URL, content=body, headers=attempt)
        assert answer.status_code == 403, what
    tampered = client.post(URL, content=body + b" ", headers=headers)  # signed over other bytes
    assert tampered.status_code == 403
    assert row(engine, delivery_id)[1].status == SubscriberStatus.ACTIVE
    with Session(engine) as session:
        assert session.exec(select(ProviderEvent)).all() == []


def test_a_signed_body_that_is_not_events_is_a_bad_request(client, signer):
    body = b'{"not": "a list"}'
    assert client.post(URL, content=body, headers=signer.headers(body)).status_code == 400


def test_without_a_configured_key_the_endpoint_is_unavailable(settings):
    with serve(create_app(settings)) as http:
        assert http.post(URL, content=b"[]").status_code == 503


def test_events_reconcile_unknown_rows_and_their_whole_request(engine, client, signer, settings):
    reported = a_sent_delivery(engine, "a@example.com", DeliveryStatus.UNKNOWN, batch="run:7")
    same_request = a_sent_delivery(engine, "b@example.com", DeliveryStatus.UNKNOWN, batch="run:7")
    lost_request = a_sent_delivery(engine, "c@example.com", DeliveryStatus.UNKNOWN, batch="run:8")
    assert signed_post(client, signer, [event("processed", email="a@example.com",
                                              delivery_id=reported)]).status_code == 204
    summary = reconcile_unknown(engine, settings)
    assert (summary.issues, summary.from_events, summary.within_grace) == (1, 2, 1)
    states = {i: row(engine, i)[0].status for i in (reported, same_request, lost_request)}
    assert states == {reported: DeliveryStatus.SENT, same_request: DeliveryStatus.SENT,
                      lost_request: DeliveryStatus.UNKNOWN}
    assert row(engine, same_request)[0].updated_at <= utcnow()
