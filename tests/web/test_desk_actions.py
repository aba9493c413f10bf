"""The desk's actions on a draft, served for real: an edited take (the issue re-rendered, a stale
approval refused), pin, forbid and drop honoured by the recompose, a test send to the outbox, the
publish deployment asked for at approval, and CSRF and sign-in on every desk form."""

from __future__ import annotations

import logging
import re
import time

import pytest
from fastapi.routing import APIRoute
from sqlmodel import Session, select

from db import queries
from db.models import DeskDecision, NewsletterIssue, PanelReview
from db.states import IssueStatus
from tests.web.sitekit import csrf_of, mails_to, serve, sqlite_only
from tests.web.test_browser import every_route
from tests.web.test_desk import EDITOR, compose_draft, desk, editor, plain_http, quick_hashes, sign_in  # noqa: F401
from verdicts import stages
from web import create_app

TAKE_FORM = re.compile(r'action="/desk/issues/(\d+)/takes/(\d+)"')


@pytest.fixture
def client(settings, editor):  # noqa: F811
    with serve(create_app(settings)) as http:
        yield http


def issue_of(engine, issue_id: int) -> NewsletterIssue:
    with Session(engine, expire_on_commit=False) as session:
        return session.get(NewsletterIssue, issue_id)


def pairs_of(engine, issue_id: int) -> list[tuple[int, int]]:
    with Session(engine) as session:
        return [(c.tool_a_id, c.tool_b_id) for c in queries.comparisons_of(session, issue_id=issue_id)]


def post(desk, issue_id: int, action: str, **fields: str):  # noqa: F811
    page = desk.get(f"/desk/issues/{issue_id}")
    return desk.post(f"/desk/issues/{issue_id}/{action}", data={"csrf_token": csrf_of(page), **fields})


def test_an_edited_take_is_rendered_stored_and_voids_the_old_preview(settings, engine, desk):  # noqa: F811
    issue_id = compose_draft(settings)
    page = desk.get(f"/desk/issues/{issue_id}")
    before = issue_of(engine, issue_id)
    [(_, review_id), *_] = TAKE_FORM.findall(page.text)
    words = "Editor's words: <b>sharp</b> & 100% %%unsubscribe_url%% honest."
    done = desk.post(f"/desk/issues/{issue_id}/takes/{review_id}", data={"csrf_token": csrf_of(page),
                                                                          "take": words})
    assert done.status_code == 303
    after = issue_of(engine, issue_id)
    assert after.content_hash != before.content_hash
    assert "Editor&#39;s words: &lt;b&gt;sharp&lt;/b&gt; &amp; 100%" in after.rendered_html \
        or "Editor&#x27;s words: &lt;b&gt;sharp&lt;/b&gt; &amp; 100%" in after.rendered_html
    assert "%%unsubscribe_url%% honest" not in after.rendered_html  # the editor's text is inert too
    stale = desk.post(f"/desk/issues/{issue_id}/approve",
                      data={"csrf_token": csrf_of(page), "content_hash": before.content_hash})
    assert stale.status_code == 409 and "changed since this preview" in stale.text
    assert issue_of(engine, issue_id).status == IssueStatus.DRAFT
    with Session(engine) as session:
        [decision] = session.exec(select(DeskDecision)).all()
        assert (decision.decision, decision.editor_email) == ("take edited", EDITOR)
    assert post(desk, issue_id, "recompose").status_code == 303  # a later compose keeps the words
    assert "sharp&lt;/b&gt;" in issue_of(engine, issue_id).rendered_html


@sqlite_only
def test_a_take_is_refused_empty_too_long_or_once_approved(settings, engine, desk):  # noqa: F811
    issue_id = compose_draft(settings)
    page = desk.get(f"/desk/issues/{issue_id}")
    [(_, review_id), *_] = TAKE_FORM.findall(page.text)
    with Session(engine) as session:
        take = session.get(PanelReview, int(review_id)).take
    for words, why in (("   ", "cannot be empty"), ("x" * 901, "at most 900")):
        refused = desk.post(f"/desk/issues/{issue_id}/takes/{review_id}",
                            data={"csrf_token": csrf_of(page), "take": words})
        assert refused.status_code == 409 and why in refused.text
    assert desk.post(f"/desk/issues/{issue_id}/takes/999999",
                     data={"csrf_token": csrf_of(page), "take": "x"}).status_code == 409
    content_hash = issue_of(engine, issue_id).content_hash
    assert desk.post(f"/desk/issues/{issue_id}/approve",
                     data={"csrf_token": csrf_of(page), "content_hash": content_hash}).status_code == 303
    refused = desk.post(f"/desk/issues/{issue_id}/takes/{review_id}",
                        data={"csrf_token": csrf_of(page), "take": "Too late."})
    assert refused.status_code == 409 and "approved" in refused.text
    with Session(engine) as session:
        assert session.get(PanelReview, int(review_id)).take == take


def test_forbid_and_drop_are_honoured_by_the_recompose(settings, engine, desk):  # noqa: F811
    issue_id = compose_draft(settings)
    [first, second, *_] = pairs_of(engine, issue_id)
    assert post(desk, issue_id, "pairs/forbid", tool_a=str(first[0]), tool_b=str(first[1])).status_code == 303
    assert post(desk, issue_id, "pairs/drop", tool_a=str(second[0])).status_code == 303
    page = desk.get(f"/desk/issues/{issue_id}")
    assert "<strong>forbid</strong>" in page.text and "<strong>drop</strong>" in page.text
    assert pairs_of(engine, issue_id)[:2] == [first, second]  # recorded, not applied until recompose
    assert post(desk, issue_id, "recompose").status_code == 303
    after = pairs_of(engine, issue_id)
    assert tuple(sorted(first)) not in {tuple(sorted(p)) for p in after}
    assert all(second[0] not in pair for pair in after)


def test_a_decision_can_be_taken_back_from_the_desk(settings, engine, desk):  # noqa: F811
    issue_id = compose_draft(settings)
    [first, second, *_] = pairs_of(engine, issue_id)
    assert post(desk, issue_id, "pairs/forbid", tool_a=str(first[0]), tool_b=str(first[1])).status_code == 303
    assert post(desk, issue_id, "pairs/drop", tool_a=str(second[0])).status_code == 303
    page = desk.get(f"/desk/issues/{issue_id}")
    assert page.text.count(f'action="/desk/issues/{issue_id}/pairs/clear"') == 2
    assert post(desk, issue_id, "pairs/clear", tool_a=str(first[0]), tool_b=str(first[1])).status_code == 303
    page = desk.get(f"/desk/issues/{issue_id}")
    assert "<strong>forbid</strong>" not in page.text and "<strong>drop</strong>" in page.text
    assert "pairing cleared" in page.text  # in the desk's record of decisions
    again = post(desk, issue_id, "pairs/clear", tool_a=str(first[0]), tool_b=str(first[1]))
    assert again.status_code == 409 and "no such decision" in again.text
    assert post(desk, issue_id, "pairs/clear", tool_a=str(second[0])).status_code == 303
    assert "<strong>drop</strong>" not in desk.get(f"/desk/issues/{issue_id}").text
    assert post(desk, issue_id, "recompose").status_code == 303
    assert any(second[0] in pair for pair in pairs_of(engine, issue_id))  # paired again


@sqlite_only
def test_a_pinned_pair_is_composed(settings, engine, desk):  # noqa: F811
    issue_id = compose_draft(settings)
    [first, second, *_] = pairs_of(engine, issue_id)
    pinned = (first[0], second[0])
    assert post(desk, issue_id, "pairs/pin", tool_a=str(pinned[0]), tool_b=str(pinned[1])).status_code == 303
    same = post(desk, issue_id, "pairs/pin", tool_a=str(pinned[0]), tool_b=str(pinned[0]))
    assert same.status_code == 409 and "cannot be paired with itself" in same.text
    assert post(desk, issue_id, "pairs/pin", tool_a="x", tool_b="1").status_code == 400
    assert post(desk, issue_id, "pairs/nonsense", tool_a="1").status_code == 404
    assert post(desk, issue_id, "recompose").status_code == 303
    assert set(pinned) in [set(p) for p in pairs_of(engine, issue_id)]


@sqlite_only
def test_a_test_send_reaches_one_address_and_records_nothing(settings, engine, desk):  # noqa: F811
    issue_id = compose_draft(settings)
    sent = post(desk, issue_id, "test", address="Desk.Tester@Example.com")
    assert sent.status_code == 200 and "Test sent to desk.tester@example.com" in sent.text
    [mail] = mails_to(settings.resolved_outbox_dir(), "desk.tester@example.com")
    assert mail["Subject"].startswith("[TEST]")
    bad = post(desk, issue_id, "test", address="not an address")
    assert bad.status_code == 409 and "Test not sent" in bad.text and "Traceback" not in bad.text
    with Session(engine) as session:
        assert queries.get_issue(session, issue_id=issue_id).status == IssueStatus.DRAFT


@sqlite_only
def test_approval_asks_for_a_publish_run_and_without_prefect_leaves_it_to_the_sweep(
        settings, engine, desk, caplog, monkeypatch):  # noqa: F811
    # no server for this process, even when a flow test of the same worker runs Prefect's harness
    monkeypatch.setattr(stages, "prefect_api_url", lambda: None)
    issue_id = compose_draft(settings)
    content_hash = issue_of(engine, issue_id).content_hash
    with caplog.at_level(logging.INFO, logger="web.routes.desk"):
        assert post(desk, issue_id, "approve", content_hash=content_hash).status_code == 303
        deadline = time.monotonic() + 10  # the request runs after the response
        while "approved on the desk" not in caplog.text and time.monotonic() < deadline:
            time.sleep(0.05)
    assert "no Prefect server configured" in caplog.text
    assert issue_of(engine, issue_id).status == IssueStatus.APPROVED


def desk_posts(app) -> list[str]:
    """Every POST route of the desk but the sign-in, its ids filled with 1 and each action named."""
    paths = []
    for path, route in every_route(app.routes):
        if isinstance(route, APIRoute) and "POST" in route.methods and path.startswith("/desk") \
                and path != "/desk/login":
            action = "pin" if "/pairs/" in path else "suppress"
            paths.append(re.sub(r"{(\w+)}", lambda m, a=action: a if m[1] == "action" else "1", path))
    return paths


@sqlite_only
def test_every_desk_form_needs_a_session_and_its_csrf_token(settings, engine, client):
    paths = desk_posts(create_app(settings))
    assert {"/desk/issues/1/takes/1", "/desk/issues/1/pairs/pin", "/desk/issues/1/recompose",
            "/desk/issues/1/test"} <= set(paths)
    for path in paths:
        assert client.post(path, data={"note": "x"}).status_code == 401, path
    assert sign_in(client).status_code == 303
    home = client.get("/desk")
    for path in paths:  # no token, and another visitor's token
        assert client.post(path, data={"note": "x"}).status_code == 403, path
    client.cookies.clear()
    assert sign_in(client).status_code == 303
    for path in paths:
        assert client.post(path, data={"csrf_token": csrf_of(home)}).status_code == 403, path
