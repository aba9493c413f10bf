"""Subscribing and a subscriber's own pages, served for real, on SQLite and PostgreSQL: double opt-in
through the outbox, nothing revealed, rate limits shared by workers, CSRF, and every kind of bad link."""

from __future__ import annotations

import json
import socket
import time
import uuid

import pytest
from itsdangerous import TimestampSigner, URLSafeTimedSerializer
from sqlmodel import Session, col, select

from db.models import CommunityVote, ConsentRecord, Subscriber, Suppression, utcnow
from db.queries import deliveries_of, queue_deliveries, record_vote
from db.states import DeliveryStatus, IssueStatus, SubscriberStatus
from emails.audience import SuppressedAddress, import_csv
from emails.audience import add_subscriber as cli_add
from tests.conftest import need
from tests.web.sitekit import (  # noqa: F401  (plain_http: the autouse fixture)
    add_issue,
    add_subscriber,
    link_in,
    mails_to,
    plain_http,
    post_form,
    serve,
    sqlite_only,
    subscriber,
)
from web import create_app, tokens
from web.subscriptions import preferences_url

UA = "Mozilla/5.0 (test; rv:1)"


@pytest.fixture
def client(settings):
    with serve(create_app(settings)) as http:
        http.headers["User-Agent"] = UA
        yield http


def subscribe(http, address):
    return post_form(http, "/subscribe", "/subscribe", email=address)


def outbox(settings):
    return settings.resolved_outbox_dir()


def by_email(engine, address) -> Subscriber | None:
    with Session(engine, expire_on_commit=False) as session:
        return session.exec(select(Subscriber).where(Subscriber.email == address)).first()


def consents(engine, subscriber_id) -> list[ConsentRecord]:
    with Session(engine, expire_on_commit=False) as session:
        return list(session.exec(select(ConsentRecord).where(ConsentRecord.subscriber_id == subscriber_id)
                                 .order_by(col(ConsentRecord.id))))


def path_of(url: str) -> str:
    return "/" + url.split("/", 3)[3]


# --- double opt-in -------------------------------------------------------------------------------


def test_subscribe_then_confirm_from_the_outbox(settings, engine, client):
    page = subscribe(client, "New.Reader@Example.com")
    assert page.status_code == 200 and "Check your inbox" in page.text
    reader = by_email(engine, "new.reader@example.com")
    assert reader.status == SubscriberStatus.PENDING
    [consent] = consents(engine, reader.id)
    assert (consent.action, consent.request_ip, consent.request_user_agent) == ("subscribe", "127.0.0.1", UA)
    assert consent.requested_at is not None and consent.confirmed_at is None

    [mail] = mails_to(outbox(settings), "new.reader@example.com")
    assert mail["Subject"] == "Confirm your subscription to Weekly AI Tool Verdicts"
    confirm = link_in(mail, "/confirm/")
    assert client.get(confirm).status_code == 200  # a mail scanner's GET changes nothing
    assert subscriber(engine, reader.id).status == SubscriberStatus.PENDING
    done = client.post(confirm)
    assert done.status_code == 200 and "You're subscribed" in done.text
    assert subscriber(engine, reader.id).status == SubscriberStatus.ACTIVE
    [consent] = consents(engine, reader.id)
    assert consent.confirmed_at is not None and consent.confirm_ip == "127.0.0.1"
    assert client.post(confirm).status_code == 200  # repeating is harmless


@sqlite_only
def test_the_form_never_tells_whether_an_address_is_subscribed(settings, engine, client):
    statuses = [None, *SubscriberStatus]
    pages = {}
    for status in statuses:
        address = f"{status or 'new'}@example.com"
        if status is not None:
            add_subscriber(engine, address, status)
        page = subscribe(client, address)
        assert page.status_code == 200
        pages[status] = page.text.replace(address, "ADDRESS")
    assert len(set(pages.values())) == 1
    # Only the inbox learns more: a confirm link, an "already subscribed" note, or nothing.
    box = outbox(settings)
    assert mails_to(box, "new@example.com")[0]["Subject"].startswith("Confirm")
    assert mails_to(box, "active@example.com")[0]["Subject"].startswith("You're already subscribed")
    assert mails_to(box, "unsubscribed@example.com")[0]["Subject"].startswith("Confirm")
    for status in ("bounced", "complained", "suppressed"):
        assert mails_to(box, f"{status}@example.com") == []


def test_unconfirmed_and_paused_addresses_are_never_sent_an_issue(engine):
    for status in SubscriberStatus:
        add_subscriber(engine, f"{status}@example.com", status)
    issue_id, _ = add_issue(engine, "2026-W48", IssueStatus.SENDING)
    with Session(engine) as session:
        queue_deliveries(session, issue_id=issue_id, backend="outbox", now=utcnow())
        [delivery] = deliveries_of(session, issue_id=issue_id, status=DeliveryStatus.PENDING)
        assert session.get(Subscriber, delivery.subscriber_id).email == "active@example.com"


@sqlite_only
def test_an_unsubscribed_reader_resubscribes_with_a_new_confirmation(settings, engine, client):
    reader = add_subscriber(engine, "back@example.com", SubscriberStatus.UNSUBSCRIBED)
    subscribe(client, "back@example.com")
    assert subscriber(engine, reader).status == SubscriberStatus.UNSUBSCRIBED  # until confirmed
    [mail] = mails_to(outbox(settings), "back@example.com")
    assert "Welcome back" in mail.get_body(("plain",)).get_content()
    client.post(link_in(mail, "/confirm/"))
    assert subscriber(engine, reader).status == SubscriberStatus.ACTIVE
    assert [c.action for c in consents(engine, reader)] == ["resubscribe"]


# --- bad links and forms -------------------------------------------------------------------------


class OldSigner(TimestampSigner):
    def get_timestamp(self) -> int:
        return int(time.time()) - 40 * 86400  # past every link's lifetime


@sqlite_only
def test_forged_tampered_expired_and_repurposed_links_change_nothing(settings, engine, client):
    subscribe(client, "target@example.com")
    reader = by_email(engine, "target@example.com")
    [consent] = consents(engine, reader.id)
    good = link_in(mails_to(outbox(settings), "target@example.com")[0], "/confirm/").rsplit("/", 1)[1]
    payload = [reader.id, consent.id]
    secret = settings.secret_key

    def signed(salt, data, *, key=secret, old=False):
        signer = OldSigner if old else TimestampSigner
        return URLSafeTimedSerializer(key, salt=salt, signer=signer).dumps(data)

    prefs_payload = [reader.id, tokens.address_digest(secret, reader.email)]
    cases = {
        f"/confirm/{good[:-3]}xyz": 400,  # tampered
        f"/confirm/{signed(tokens.CONFIRM_SALT, payload, key='not-ours')}": 400,  # forged
        f"/confirm/{signed(tokens.CONFIRM_SALT, payload, old=True)}": 410,  # expired
        f"/confirm/{signed(tokens.ADDRESS_SALT, payload)}": 400,  # re-purposed
        f"/confirm/{tokens.preferences_token(secret, reader.id, reader.email)}": 400,
        f"/confirm-address/{good}": 400,
        f"/preferences/{good}": 400,
        f"/preferences/{signed(tokens.PREFERENCES_SALT, prefs_payload, old=True)}": 410,
        "/confirm/garbage": 400,
    }
    for link, status in cases.items():
        asks = [client.get(link)] + ([] if link.startswith("/preferences/") else [client.post(link)])
        for response in asks:
            assert response.status_code == status, link
            assert "Traceback" not in response.text and "itsdangerous" not in response.text
    assert "expired" in client.get(next(k for k, v in cases.items() if v == 410)).text
    assert subscriber(engine, reader.id).status == SubscriberStatus.PENDING


@sqlite_only
def test_forms_without_a_matching_csrf_token_are_refused(settings, engine, client):
    assert client.post("/subscribe", data={"email": "a@example.com"}).status_code == 403
    page = client.get("/subscribe")
    token = page.text.split('name="csrf_token" value="')[1].split('"')[0]
    with serve(create_app(settings)) as other:  # another browser: its own cookie
        other.get("/subscribe")
        stolen = {"email": "a@example.com", "csrf_token": token}
        assert other.post("/subscribe", data=stolen).status_code == 403
    forged = {"email": "a@example.com", "csrf_token": token + "x"}
    assert client.post("/subscribe", data=forged).status_code == 403
    assert by_email(engine, "a@example.com") is None
    good = {"email": "a@example.com", "csrf_token": token}
    assert client.post("/subscribe", data=good).status_code == 200


@sqlite_only
def test_bad_address_is_a_form_error(client):
    page = subscribe(client, "not an address")
    assert page.status_code == 400 and "does not look like an email address" in page.text


# --- rate limits ---------------------------------------------------------------------------------


def test_rate_limit_per_ip_is_shared_by_every_worker(settings, engine):
    limited = settings.model_copy(update={"subscribe_limit_per_ip": "3/hour"})
    with serve(create_app(limited)) as one, serve(create_app(limited)) as two:  # two workers, one database
        assert subscribe(one, "a@example.com").status_code == 200
        assert subscribe(two, "b@example.com").status_code == 200
        assert subscribe(one, "c@example.com").status_code == 200
        refused = subscribe(two, "d@example.com")
        assert refused.status_code == 429 and "Too many requests" in refused.text
    assert by_email(engine, "d@example.com") is None


@sqlite_only
def test_rate_limit_per_address(settings, engine, client):
    limited = settings.model_copy(update={"subscribe_limit_per_address": "2/day"})
    with serve(create_app(limited)) as http:
        for _ in range(2):
            assert subscribe(http, "flooded@example.com").status_code == 200
        assert subscribe(http, "FLOODED@example.com").status_code == 429
        assert subscribe(http, "someone-else@example.com").status_code == 200
    assert len(consents(engine, by_email(engine, "flooded@example.com").id)) == 2


@sqlite_only
def test_rate_limit_counters_can_live_in_redis(settings):
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        need(False, "Redis is not running on 127.0.0.1:6379")
    limited = settings.model_copy(update={
        "subscribe_limit_per_ip": "2/hour", "rate_limit_storage": "redis://127.0.0.1:6379/0",
        "secret_key": f"redis-{uuid.uuid4().hex}"})
    app_one, app_two = create_app(limited), create_app(limited)
    app_one.state.web.limits.limiter.storage.reset()
    with serve(app_one) as one, serve(app_two) as two:
        assert subscribe(one, "a@example.com").status_code == 200
        assert subscribe(two, "b@example.com").status_code == 200
        assert subscribe(one, "c@example.com").status_code == 429
    app_one.state.web.limits.limiter.storage.reset()


# --- preferences ---------------------------------------------------------------------------------


def preferences_of(settings, engine, subscriber_id) -> str:
    return path_of(preferences_url(settings, subscriber(engine, subscriber_id)))


def act(http, prefs, action, **fields):
    return post_form(http, prefs, f"{prefs}/{action}", **fields)


@sqlite_only
def test_pause_resume_unsubscribe_and_resubscribe(settings, engine, client):
    reader = add_subscriber(engine)
    prefs = preferences_of(settings, engine, reader)
    for action, status in [("pause", SubscriberStatus.PAUSED), ("resume", SubscriberStatus.ACTIVE),
                           ("unsubscribe", SubscriberStatus.UNSUBSCRIBED),
                           ("resubscribe", SubscriberStatus.ACTIVE)]:
        page = act(client, prefs, action)
        assert page.status_code == 200, page.text
        assert subscriber(engine, reader).status == status
    assert [c.action for c in consents(engine, reader)] == ["resubscribe"]
    assert consents(engine, reader)[0].confirmed_at is not None
    assert act(client, prefs, "resume").status_code == 200  # already active: harmless
    assert act(client, prefs, "resubscribe").status_code == 409
    assert client.post(f"{prefs}/pause", data={}).status_code == 403  # no CSRF token
    assert subscriber(engine, reader).status == SubscriberStatus.ACTIVE


def test_change_of_address_waits_for_the_new_address_to_confirm(settings, engine, client):
    reader = add_subscriber(engine, "old@example.com")
    prefs = preferences_of(settings, engine, reader)
    page = act(client, prefs, "address/change", email="New@Example.com")
    assert page.status_code == 200 and "new@example.com" in page.text
    assert subscriber(engine, reader).email == "old@example.com"
    [mail] = mails_to(outbox(settings), "new@example.com")
    link = link_in(mail, "/confirm-address/")
    assert client.post(link.replace("/confirm-address/", "/confirm/")).status_code == 400
    assert client.post(link).status_code == 200
    assert subscriber(engine, reader).email == "new@example.com"
    assert client.get(prefs).status_code == 400  # the old address's link is void
    assert client.get(preferences_of(settings, engine, reader)).status_code == 200


@sqlite_only
def test_change_of_address_to_another_subscribers_address_is_refused(settings, engine, client):
    reader = add_subscriber(engine, "one@example.com")
    add_subscriber(engine, "two@example.com")
    prefs = preferences_of(settings, engine, reader)
    act(client, prefs, "address/change", email="two@example.com")
    link = link_in(mails_to(outbox(settings), "two@example.com")[0], "/confirm-address/")
    assert client.post(link).status_code == 409
    assert subscriber(engine, reader).email == "one@example.com"


def test_export_has_everything_we_hold(settings, engine, client):
    subscribe(client, "me@example.com")
    client.post(link_in(mails_to(outbox(settings), "me@example.com")[0], "/confirm/"))
    reader = by_email(engine, "me@example.com")
    _, [comparison] = add_issue(engine, "2026-W48", IssueStatus.SENT,
                                [({"name": "Tool A", "slug": "a"}, {"name": "Tool B", "slug": "b"})])
    with Session(engine) as session:
        from db.models import Comparison

        tool = session.get(Comparison, comparison).tool_a_id
        record_vote(session, subscriber_id=reader.id, comparison_id=comparison, tool_id=tool, decision="ship")
        session.commit()
    response = act(client, preferences_of(settings, engine, reader.id), "export/json")
    assert response.headers["content-type"] == "application/json"
    assert "attachment" in response.headers["content-disposition"]
    data = json.loads(response.text)
    assert data["subscriber"]["email"] == "me@example.com" and data["subscriber"]["status"] == "active"
    assert data["consents"][0]["request_ip"] == "127.0.0.1" and data["consents"][0]["confirmed_at"]
    assert data["votes"] == [{"comparison": "Tool A vs Tool B", "tool": "Tool A", "decision": "ship",
                              "at": data["votes"][0]["at"]}]


def test_deletion_keeps_anonymous_votes_and_a_hashed_suppression(settings, engine, client, tmp_path):
    reader = add_subscriber(engine, "gone@example.com")
    other = add_subscriber(engine, "stays@example.com")
    _, [comparison] = add_issue(engine, "2026-W48", IssueStatus.SENT,
                                [({"name": "Tool A", "slug": "a"}, {"name": "Tool B", "slug": "b"})])
    with Session(engine) as session:
        from db.models import Comparison

        tool = session.get(Comparison, comparison).tool_a_id
        for sid in (reader, other):
            record_vote(session, subscriber_id=sid, comparison_id=comparison, tool_id=tool, decision="ship")
        session.commit()
    prefs = preferences_of(settings, engine, reader)
    assert client.get(f"{prefs}/delete/confirm").status_code == 200
    assert subscriber(engine, reader) is not None  # the GET asks only
    done = post_form(client, f"{prefs}/delete/confirm", f"{prefs}/delete/confirm")
    assert done.status_code == 200 and "Your data is deleted" in done.text
    assert subscriber(engine, reader) is None
    with Session(engine) as session:
        votes = session.exec(select(CommunityVote.subscriber_id)).all()
        assert sorted(votes, key=str) == sorted([None, other], key=str)
        [suppression] = session.exec(select(Suppression)).all()
        assert "gone" not in suppression.address_hash and len(suppression.address_hash) == 64
        assert consents(engine, reader) == []
    assert "Ship · 2 ship / 0 skip" in client.get("/compare/a-vs-b").text
    assert client.get(prefs).status_code == 400

    with Session(engine) as session:  # `subscribers add` and `import` do not bring it back
        with pytest.raises(SuppressedAddress):
            cli_add(session, email="Gone@Example.com")
        csv_file = tmp_path / "list.csv"
        csv_file.write_text("email,name,status\ngone@example.com,,active\nnew@example.com,,active\n")
        result = import_csv(session, path=csv_file)
        assert (result.added, result.suppressed) == (1, 1)
        session.commit()
    assert by_email(engine, "gone@example.com") is None

    subscribe(client, "gone@example.com")  # but its owner may come back, and confirm
    client.post(link_in(mails_to(outbox(settings), "gone@example.com")[-1], "/confirm/"))
    assert by_email(engine, "gone@example.com").status == SubscriberStatus.ACTIVE
    with Session(engine) as session:
        assert session.exec(select(Suppression)).all() == []
