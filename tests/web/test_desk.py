"""The editor's desk, served for real: sign-in and its limits, sessions, the preview of the exact
email, approval bound to what was previewed, and the subscribers."""

from __future__ import annotations

import csv
import io
import re

import pytest
from sqlmodel import Session, select

from db.models import DeskDecision, NewsletterIssue
from db.states import IssueStatus, SubscriberStatus
from editorial.weeks import current_week
from tests.web.sitekit import add_subscriber, csrf_of, plain_http, post_form, serve, subscriber  # noqa: F401
from verdicts import stages
from verdicts.settings import SAMPLES_DIR
from web import create_app
from web.deps import DESK_COOKIE
from web.editors import add_editor

EDITOR, PASSWORD = "editor@example.com", "correct horse battery"


@pytest.fixture(autouse=True)
def quick_hashes(monkeypatch):
    """Real Argon2id with the cheapest parameters: the production ones cost a second per test here."""
    from argon2 import PasswordHasher

    from web import editors

    monkeypatch.setattr(editors, "_HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    editors._dummy_hash.cache_clear()
    yield
    editors._dummy_hash.cache_clear()


@pytest.fixture
def editor(engine):
    with Session(engine) as session:
        add_editor(session, email=EDITOR, password=PASSWORD)
        session.commit()


@pytest.fixture
def client(settings, editor):
    with serve(create_app(settings)) as http:
        yield http


def sign_in(http, email=EDITOR, password=PASSWORD, next="/desk"):
    return post_form(http, "/desk/login", "/desk/login", email=email, password=password, next=next)


@pytest.fixture
def desk(client):
    assert sign_in(client).status_code == 303
    return client


def compose_draft(settings) -> int:
    stages.ingest_all(settings, SAMPLES_DIR / "sources.toml")
    return stages.compose(settings, current_week()).result.issue_id


# --- signing in ----------------------------------------------------------------------------------


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_desk_needs_a_session(client):
    for path in ("/desk", "/desk/issues/1", "/desk/issues/1/email.html", "/desk/subscribers",
                 "/desk/subscribers.csv", "/desk/subscribers/1"):
        response = client.get(path, follow_redirects=False)
        assert response.status_code == 303, path
        assert response.headers["location"].startswith("/desk/login?next=%2Fdesk")
    client.cookies.set(DESK_COOKIE, "forged.cookie.value")
    assert client.get("/desk", follow_redirects=False).status_code == 303
    for path in ("/desk/issues/1/approve", "/desk/issues/1/reject", "/desk/subscribers/1/suppress",
                 "/desk/logout"):
        assert client.post(path, data={"note": "x"}).status_code == 401, path


def test_sign_in_sets_a_safe_cookie_and_sign_out_ends_the_session(settings, client):
    bad = sign_in(client, password="wrong password!")
    assert bad.status_code == 401 and "do not match" in bad.text
    done = sign_in(client, next="https://evil.example/desk")
    assert done.status_code == 303 and done.headers["location"] == "/desk"  # never off-site
    cookie = next(v for k, v in done.headers.multi_items() if k == "set-cookie" and DESK_COOKIE in v)
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Secure" not in cookie
    session_cookie = client.cookies[DESK_COOKIE]
    home = client.get("/desk")
    assert home.status_code == 200 and EDITOR in home.text
    assert client.post("/desk/logout", data={"csrf_token": csrf_of(home)}).status_code == 303
    client.cookies.set(DESK_COOKIE, session_cookie)  # the old cookie, replayed
    assert client.get("/desk", follow_redirects=False).status_code == 303


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_session_cookie_is_secure_on_https(settings, editor):
    with serve(create_app(settings.model_copy(update={"public_base_url": "https://v.example"}))) as http:
        page = http.get("/desk/login")
        assert "Secure" in page.headers["set-cookie"]


def test_failed_sign_ins_hit_the_limit(settings, editor):
    limited = settings.model_copy(update={"login_failures_per_account": "3/15minutes",
                                          "login_failures_per_ip": "5/hour"})
    with serve(create_app(limited)) as http:
        for _ in range(3):
            assert sign_in(http, password="guess guess guess").status_code == 401
        refused = sign_in(http)  # even the right password, until the window passes
        assert refused.status_code == 429 and "Too many failed sign-ins" in refused.text
        for _ in range(2):  # another account from the same address counts towards the IP's limit
            assert sign_in(http, email="other@example.com").status_code == 401
        assert sign_in(http, email="third@example.com").status_code == 429


# --- issues --------------------------------------------------------------------------------------


def test_preview_shows_the_exact_email_with_desk_links(settings, engine, desk):
    issue_id = compose_draft(settings)
    page = desk.get(f"/desk/issues/{issue_id}")
    assert page.status_code == 200
    with Session(engine) as session:
        issue = session.get(NewsletterIssue, issue_id)
    assert "Approve for sending" in page.text
    assert "KB of Gmail's 102 KB clip" in page.text and "<progress" in page.text
    assert 'class="frame phone"' in page.text and 'class="frame desktop"' in page.text
    assert "%%" not in page.text  # the text part, with desk links
    assert f"/desk/issues/{issue_id}/links/unsubscribe" in page.text
    # the pairs and takes once each, in the page, none of them in its <title>
    title = page.text.split("<title>", 1)[1].split("</title>", 1)[0]
    assert title.startswith(issue.week) and "<" not in title and "form" not in title
    assert page.text.count('id="pairing"') == 1 and page.text.count('id="takes"') == 1
    html = desk.get(f"/desk/issues/{issue_id}/email.html")
    assert html.status_code == 200 and "%%" not in html.text
    assert html.text.replace('<base target="_blank">', "").replace(
        f"/desk/issues/{issue_id}/links/unsubscribe", "%%unsubscribe_url%%").count("/links/vote/") == \
        issue.rendered_html.count("%%vote:")
    csp = html.headers["content-security-policy"]
    assert "frame-ancestors 'self'" in csp and "sandbox" in csp and "script-src 'none'" in csp
    assert html.headers["x-frame-options"] == "SAMEORIGIN"
    [vote_link, *_] = re.findall(r'href="(/desk/issues/\d+/links/vote/[^"]+)"', html.text)
    explained = desk.get(vote_link)
    assert explained.status_code == 200 and "vote on" in explained.text
    assert desk.get(f"/desk/issues/{issue_id}/links/unsubscribe").status_code == 200


def test_approve_records_the_editor_note_and_hash(settings, engine, desk):
    issue_id = compose_draft(settings)
    page = desk.get(f"/desk/issues/{issue_id}")
    with Session(engine) as session:
        content_hash = session.get(NewsletterIssue, issue_id).content_hash
    assert f'name="content_hash" value="{content_hash}"' in page.text
    done = desk.post(f"/desk/issues/{issue_id}/approve",
                     data={"csrf_token": csrf_of(page), "content_hash": content_hash, "note": "Tight week."})
    assert done.status_code == 303
    with Session(engine) as session:
        issue = session.get(NewsletterIssue, issue_id)
        assert (issue.status, issue.approved_by, issue.approved_hash) == (IssueStatus.APPROVED, EDITOR,
                                                                           content_hash)
        [decision] = session.exec(select(DeskDecision)).all()
        assert (decision.editor_email, decision.note, decision.content_hash) == (EDITOR, "Tight week.",
                                                                                 content_hash)
    assert "Tight week." in desk.get(f"/desk/issues/{issue_id}").text


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_approval_of_another_content_than_previewed_is_refused(settings, engine, desk):
    issue_id = compose_draft(settings)
    page = desk.get(f"/desk/issues/{issue_id}")
    refused = desk.post(f"/desk/issues/{issue_id}/approve",
                        data={"csrf_token": csrf_of(page), "content_hash": "0" * 64})
    assert refused.status_code == 409 and "changed since this preview" in refused.text
    no_csrf = desk.post(f"/desk/issues/{issue_id}/approve", data={"content_hash": "0" * 64})
    assert no_csrf.status_code == 403
    with Session(engine) as session:
        assert session.get(NewsletterIssue, issue_id).status == IssueStatus.DRAFT
        assert session.exec(select(DeskDecision)).all() == []


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_reject_needs_a_note(settings, engine, desk):
    issue_id = compose_draft(settings)
    page = desk.get(f"/desk/issues/{issue_id}")
    assert desk.post(f"/desk/issues/{issue_id}/reject", data={"csrf_token": csrf_of(page)}).status_code == 409
    note = {"csrf_token": csrf_of(page), "note": "Weak pairs"}
    done = desk.post(f"/desk/issues/{issue_id}/reject", data=note)
    assert done.status_code == 303
    with Session(engine) as session:
        issue = session.get(NewsletterIssue, issue_id)
        assert issue.status == IssueStatus.REJECTED and "Weak pairs" in issue.rejected_reason
        assert session.exec(select(DeskDecision.decision)).all() == ["rejected"]


# --- subscribers ---------------------------------------------------------------------------------


def test_subscribers_search_detail_suppress_restore_and_csv(settings, engine, desk):
    reader = add_subscriber(engine, "reader@example.com")
    add_subscriber(engine, "=cmd@example.com", SubscriberStatus.PENDING)
    add_subscriber(engine, "other@example.org", SubscriberStatus.UNSUBSCRIBED)
    found = desk.get("/desk/subscribers", params={"q": "EXAMPLE.COM"}).text
    assert "reader@example.com" in found and "other@example.org" not in found
    assert "other@example.org" in desk.get("/desk/subscribers", params={"status": "unsubscribed"}).text
    assert "reader" not in desk.get("/desk/subscribers", params={"q": "%"}).text  # LIKE wildcards are text
    detail = desk.get(f"/desk/subscribers/{reader}")
    assert detail.status_code == 200 and "No consent recorded through the site" in detail.text
    suppress = desk.post(f"/desk/subscribers/{reader}/suppress", data={"csrf_token": csrf_of(detail)})
    assert suppress.status_code == 303
    assert subscriber(engine, reader).status == SubscriberStatus.SUPPRESSED
    detail = desk.get(f"/desk/subscribers/{reader}")
    restore = desk.post(f"/desk/subscribers/{reader}/restore", data={"csrf_token": csrf_of(detail)})
    assert restore.status_code == 303
    assert subscriber(engine, reader).status == SubscriberStatus.PENDING  # never confirmed: pending
    export = desk.get("/desk/subscribers.csv")
    assert export.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(export.text)))
    emails = sorted(r["email"] for r in rows)
    assert emails == ["'=cmd@example.com", "other@example.org", "reader@example.com"]
