"""The web app served for real by uvicorn on loopback, on SQLite and PostgreSQL."""

from __future__ import annotations

import re
from collections.abc import Iterator
from email import policy
from email.parser import BytesParser

import httpx
import pytest
from itsdangerous import URLSafeSerializer
from sqlalchemy import func
from sqlmodel import Session, select

from db.models import CommunityVote, Comparison, NewsletterIssue, Subscriber, Tool
from db.states import IssueStatus, SubscriberStatus
from editorial.issues import approve_issue
from editorial.weeks import current_week
from emails.delivery import make_backend
from emails.personalise import unsubscribe_url, vote_url
from emails.publish import send_issue
from emails.tokens import VOTE_SALT, VoteClaim, unsubscribe_token
from tests.web.sitekit import serve
from verdicts import stages
from verdicts.settings import SAMPLES_DIR
from web import create_app, site

ONE_CLICK = {"List-Unsubscribe": "One-Click"}
HOSTILE = "<script>alert(1)</script>"


@pytest.fixture
def client(settings) -> Iterator[httpx.Client]:
    with serve(create_app(settings)) as http:
        yield http


# --- factories -----------------------------------------------------------------------------------


def add_subscriber(engine, email="reader@example.com", status=SubscriberStatus.ACTIVE) -> int:
    with Session(engine) as session:
        subscriber = Subscriber(email=email, status=status)
        session.add(subscriber)
        session.commit()
        return subscriber.id


def add_comparison(engine, a="Codestral 2", b="OpenRouter Model Fusion", week="2026-W48"):
    """(comparison id, tool A id, tool B id), in a draft issue of `week`."""
    with Session(engine) as session:
        issue = NewsletterIssue(week=week, subject=f"Weekly AI Tool Verdicts · {week}")
        tools = [Tool(name=name, slug=f"{week}-{n}") for n, name in enumerate((a, b))]
        session.add_all([issue, *tools])
        session.flush()
        comparison = Comparison(week=week, issue_id=issue.id, tool_a_id=tools[0].id,
                                tool_b_id=tools[1].id)
        session.add(comparison)
        session.commit()
        return comparison.id, tools[0].id, tools[1].id


def add_issue(engine, week, status, html) -> None:
    with Session(engine) as session:
        session.add(NewsletterIssue(week=week, subject="s", status=status, rendered_html=html))
        session.commit()


def status_of(engine, subscriber_id) -> SubscriberStatus:
    with Session(engine) as session:
        return SubscriberStatus(session.get(Subscriber, subscriber_id).status)


def votes(engine) -> list[tuple[int, int, int, str]]:
    with Session(engine) as session:
        rows = session.exec(select(CommunityVote)).all()
        return [(v.subscriber_id, v.comparison_id, v.tool_id, v.decision) for v in rows]


def path(url: str) -> str:
    return httpx.URL(url).path


def vote_path(settings, subscriber_id, comparison_id, tool_id, decision="ship") -> str:
    claim = VoteClaim(subscriber_id, comparison_id, tool_id, decision)
    return path(vote_url(settings, claim))


# --- unsubscribe ---------------------------------------------------------------------------------


def test_get_asks_and_changes_nothing(settings, engine, client):
    reader = add_subscriber(engine)
    page = client.get(path(unsubscribe_url(settings, reader)))
    assert page.status_code == 200
    assert "Unsubscribe reader@example.com from Weekly AI Tool Verdicts?" in page.text
    assert '<form method="post">' in page.text
    assert page.headers["content-type"].startswith("text/html")
    assert status_of(engine, reader) == SubscriberStatus.ACTIVE


def test_one_click_post_unsubscribes_and_repeating_is_harmless(settings, engine, client):
    reader = add_subscriber(engine)
    link = path(unsubscribe_url(settings, reader))
    for _ in range(2):
        # What a mail provider sends under RFC 8058: this form body, no cookie, no CSRF token.
        done = client.post(link, data=ONE_CLICK)
        assert done.status_code == 200
        assert "You're unsubscribed" in done.text
        assert status_of(engine, reader) == SubscriberStatus.UNSUBSCRIBED
    assert "You're unsubscribed" in client.get(link).text  # no second question once done


def test_pending_subscriber_can_unsubscribe_too(settings, engine, client):
    reader = add_subscriber(engine, status=SubscriberStatus.PENDING)
    assert client.post(path(unsubscribe_url(settings, reader)), data=ONE_CLICK).status_code == 200
    assert status_of(engine, reader) == SubscriberStatus.UNSUBSCRIBED


@pytest.mark.parametrize("status", [SubscriberStatus.PAUSED, SubscriberStatus.BOUNCED,
                                    SubscriberStatus.COMPLAINED, SubscriberStatus.SUPPRESSED])
def test_one_click_follows_the_subscriber_state_machine(settings, engine, client, status):
    """Paused readers leave; bounced, complained and suppressed ones stay as they are (never mailed
    again anyway) and still get the unsubscribed page."""
    reader = add_subscriber(engine, status=status)
    done = client.post(path(unsubscribe_url(settings, reader)), data=ONE_CLICK)
    assert done.status_code == 200 and "You're unsubscribed" in done.text
    expected = SubscriberStatus.UNSUBSCRIBED if status == SubscriberStatus.PAUSED else status
    assert status_of(engine, reader) == expected
    with Session(engine) as session:
        left_at = session.get(Subscriber, reader).unsubscribed_at
    assert (left_at is not None) == (expected == SubscriberStatus.UNSUBSCRIBED)


@pytest.mark.parametrize("forge", ["altered", "other_secret", "vote_token", "garbage"])
def test_forged_unsubscribe_link_is_refused_without_detail(settings, engine, client, forge):
    reader = add_subscriber(engine)
    good = unsubscribe_token(settings.secret_key, reader)
    token = {
        "altered": good[:-2] + ("AA" if not good.endswith("AA") else "BB"),
        "other_secret": unsubscribe_token("not-our-secret", reader),
        "vote_token": URLSafeSerializer(settings.secret_key, salt=VOTE_SALT).dumps({"s": reader}),
        "garbage": "not-a-token",
    }[forge]
    for response in (client.get(f"/unsubscribe/{token}"),
                     client.post(f"/unsubscribe/{token}", data=ONE_CLICK)):
        assert response.status_code == 400
        assert "This link is not valid" in response.text
        for leak in ("Traceback", "BadToken", "BadSignature", "itsdangerous", "File \""):
            assert leak not in response.text
    assert status_of(engine, reader) == SubscriberStatus.ACTIVE


def test_link_of_a_deleted_subscriber_is_404(settings, engine, client):
    link = path(unsubscribe_url(settings, 9999))
    assert client.get(link).status_code == 404
    assert client.post(link, data=ONE_CLICK).status_code == 404


# --- votes ---------------------------------------------------------------------------------------


def test_vote_page_asks_and_records_nothing(settings, engine, client):
    reader = add_subscriber(engine)
    comparison, codestral, _ = add_comparison(engine)
    page = client.get(vote_path(settings, reader, comparison, codestral, "ship"))
    assert page.status_code == 200
    assert "Ship Codestral 2?" in page.text
    assert "Codestral 2 vs OpenRouter Model Fusion" in page.text
    assert votes(engine) == []


def test_vote_is_recorded_changed_and_never_duplicated(settings, engine, client, monkeypatch):
    reader = add_subscriber(engine)
    other = add_subscriber(engine, email="other@example.com")
    comparison, codestral, fusion = add_comparison(engine)

    first = client.post(vote_path(settings, reader, comparison, codestral, "ship"))
    assert first.status_code == 200
    assert "Thanks for voting" in first.text
    assert "Ship · 1 ship / 0 skip" in first.text and "100%" in first.text
    assert votes(engine) == [(reader, comparison, codestral, "ship")]

    again = client.post(vote_path(settings, reader, comparison, codestral, "ship"))
    assert again.status_code == 200
    assert votes(engine) == [(reader, comparison, codestral, "ship")]

    changed = client.post(vote_path(settings, reader, comparison, codestral, "skip"))
    assert changed.status_code == 200
    assert "You changed your vote" in changed.text
    assert "Skip · 0 ship / 1 skip" in changed.text and "0%" in changed.text
    assert votes(engine) == [(reader, comparison, codestral, "skip")]

    # The voter's own vote is always in the tally shown (above); others' votes once the votes are
    # counted anew, at most web.site.TALLY_SECONDS later: no wait here.
    monkeypatch.setattr(site, "TALLY_SECONDS", 0)
    client.post(vote_path(settings, other, comparison, codestral, "ship"))
    client.post(vote_path(settings, reader, comparison, fusion, "ship"))  # other tool, own vote
    tally = client.post(vote_path(settings, other, comparison, codestral, "ship"))
    assert "Split · 1 ship / 1 skip" in tally.text and "50%" in tally.text
    with Session(engine) as session:
        assert session.exec(select(func.count()).select_from(CommunityVote)).one() == 3


def test_vote_page_shows_the_vote_already_held(settings, engine, client):
    reader = add_subscriber(engine)
    comparison, codestral, _ = add_comparison(engine)
    client.post(vote_path(settings, reader, comparison, codestral, "ship"))
    page = client.get(vote_path(settings, reader, comparison, codestral, "skip"))
    assert "Skip Codestral 2?" in page.text and "this changes your vote" in page.text


@pytest.mark.parametrize(
    "status", [SubscriberStatus.PENDING, SubscriberStatus.UNSUBSCRIBED, SubscriberStatus.BOUNCED]
)
def test_only_active_subscribers_vote(settings, engine, client, status):
    reader = add_subscriber(engine, status=status)
    comparison, codestral, _ = add_comparison(engine)
    link = vote_path(settings, reader, comparison, codestral)
    assert client.get(link).status_code == 403
    refused = client.post(link)
    assert refused.status_code == 403
    assert "Only subscribers can vote" in refused.text
    assert votes(engine) == []


def test_unknown_comparison_or_tool_is_404(settings, engine, client):
    reader = add_subscriber(engine)
    comparison, codestral, _ = add_comparison(engine)
    _, stranger, _ = add_comparison(engine, "Stranger", "Elsewhere", week="2026-W49")
    for link in (
        vote_path(settings, reader, 9999, codestral),  # no such comparison
        vote_path(settings, reader, comparison, 9999),  # no such tool
        vote_path(settings, reader, comparison, stranger),  # a tool of another comparison
        vote_path(settings, 9999, comparison, codestral),  # no such subscriber
    ):
        assert client.get(link).status_code == 404
        assert client.post(link).status_code == 404
    assert votes(engine) == []


@pytest.mark.parametrize("decision", ["maybe", "SHIP"])
def test_vote_link_with_a_bad_decision_or_signature_is_400(settings, engine, client, decision):
    reader = add_subscriber(engine)
    comparison, codestral, _ = add_comparison(engine)
    bad = vote_path(settings, reader, comparison, codestral, decision)
    forged = path(vote_url(settings.model_copy(update={"secret_key": "x"}),
                           VoteClaim(reader, comparison, codestral, "ship")))
    for link in (bad, forged):
        response = client.post(link)
        assert response.status_code == 400
        assert "This link is not valid" in response.text and "Traceback" not in response.text
    assert votes(engine) == []


def test_hostile_tool_name_is_escaped(settings, engine, client):
    reader = add_subscriber(engine)
    comparison, hostile, _ = add_comparison(engine, a=HOSTILE)
    link = vote_path(settings, reader, comparison, hostile)
    for page in (client.get(link), client.post(link)):
        assert page.status_code == 200
        assert HOSTILE not in page.text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text


# --- archive and health --------------------------------------------------------------------------


def test_archive_serves_a_sent_issue_live_with_no_readers_links(engine, client):
    """The live issue page (web/routes/public.py, issue 10) is served before the frozen copy."""
    html = (
        '<html><body><h1>Week 48</h1><a href="%%vote:1:2:ship%%">Ship it</a>'
        '<a href="%%vote:1:2:skip%%">Skip it</a><a href="%%unsubscribe_url%%">Unsubscribe</a>'
        "</body></html>"
    )
    add_issue(engine, "2026-W48", IssueStatus.SENT, html)
    page = client.get("/issues/2026-W48")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "Issue 2026-W48" in page.text
    for personal in ("%%", "/vote/", "/unsubscribe/", 'href="#"'):
        assert personal not in page.text


@pytest.mark.parametrize("status", [IssueStatus.DRAFT, IssueStatus.APPROVED, IssueStatus.SENDING])
def test_archive_hides_unsent_and_unknown_issues(engine, client, status):
    add_issue(engine, "2026-W48", status, "<html><body>secret draft</body></html>")
    for week in ("2026-W48", "2026-W01", "nonsense"):
        page = client.get(f"/issues/{week}")
        assert page.status_code == 404
        assert "secret draft" not in page.text


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_unknown_page_and_wrong_method_get_html_errors(client):
    response = client.get("/nowhere")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    wrong = client.put("/unsubscribe/anything")
    assert wrong.status_code == 405 and "Method Not Allowed" in wrong.text
    assert "GET" in wrong.headers["allow"]  # the Allow header survives the HTML page


def test_database_down_is_503_and_pages_show_no_detail(settings):
    down = settings.model_copy(update={"database_url": "postgresql+psycopg://nobody@127.0.0.1:1/none"})
    with serve(create_app(down)) as http:
        health = http.get("/healthz")
        assert health.status_code == 503 and health.json() == {"status": "unavailable"}
        page = http.get(path(unsubscribe_url(down, 1)))
        assert page.status_code == 500
        assert "Something went wrong" in page.text
        for leak in ("Traceback", "psycopg", "OperationalError", "127.0.0.1"):
            assert leak not in page.text


def test_a_sent_week_links_work_end_to_end(settings, engine, client):
    """The bundled week composed, approved and mailed; its emailed links and archive served."""
    stages.ingest_all(settings, SAMPLES_DIR / "sources.toml")
    reader = add_subscriber(engine)
    week = current_week()
    issue_id = stages.compose(settings, week).result.issue_id
    with Session(engine) as session:
        approve_issue(session, issue_id=issue_id, editor="editor@example.com", settings=settings)
        session.commit()
    outbox = make_backend("outbox", settings)
    send_issue(engine, issue_id=issue_id, backend=outbox, settings=settings)
    [eml] = settings.resolved_outbox_dir().glob("*.eml")
    message = BytesParser(policy=policy.default).parsebytes(eml.read_bytes())
    text = message.get_body(("plain",)).get_content()

    first_vote = re.search(r"https?://\S+/v/[\w.-]+/\d+/\d+/(ship|skip)", text)[0]
    assert client.get(path(first_vote)).status_code == 200
    assert client.post(path(first_vote)).status_code == 200
    assert len(votes(engine)) == 1

    one_click = path(message["List-Unsubscribe"].strip("<>"))
    assert client.post(one_click, data=ONE_CLICK).status_code == 200
    assert status_of(engine, reader) == SubscriberStatus.UNSUBSCRIBED

    archive = client.get(f"/issues/{week}")
    assert archive.status_code == 200
    assert "%%" not in archive.text and "/v/" not in archive.text
    with Session(engine) as session:
        title = session.get(NewsletterIssue, issue_id).subject.split(": ", 1)[1].split(" (+")[0]
    assert title in archive.text
