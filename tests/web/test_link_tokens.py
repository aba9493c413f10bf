"""Today's links (/u/TOKEN, /v/TOKEN/C/T/ship) served for real; the first issues' links still work."""

from __future__ import annotations

from sqlmodel import Session

from db.models import Comparison
from db.states import SubscriberStatus
from emails.personalise import unsubscribe_link, vote_link
from emails.tokens import link_token
from tests.web.test_web import (
    ONE_CLICK,
    add_comparison,
    add_subscriber,
    client,  # noqa: F401  (fixture)
    path,
    status_of,
    vote_path,
    votes,
)

BASE = "https://verdicts.example.com"


def issue_of(engine, comparison_id) -> int:
    with Session(engine) as session:
        return session.get(Comparison, comparison_id).issue_id


def test_one_click_unsubscribe_with_todays_token(settings, engine, client):  # noqa: F811
    reader = add_subscriber(engine)
    url = path(unsubscribe_link(BASE, link_token(settings.secret_key, reader, 1)))
    page = client.get(url)
    assert page.status_code == 200 and "reader@example.com" in page.text
    assert status_of(engine, reader) == SubscriberStatus.ACTIVE  # a GET changes nothing
    assert client.post(url, data=ONE_CLICK).status_code == 200
    assert status_of(engine, reader) == SubscriberStatus.UNSUBSCRIBED


def test_a_forged_unsubscribe_token_changes_nothing(settings, engine, client):  # noqa: F811
    reader = add_subscriber(engine)
    forged = link_token("not-our-secret", reader, 1)
    assert client.post(path(unsubscribe_link(BASE, forged)), data=ONE_CLICK).status_code == 400
    assert status_of(engine, reader) == SubscriberStatus.ACTIVE


def test_a_vote_link_votes_once_in_its_own_issue(settings, engine, client):  # noqa: F811
    reader = add_subscriber(engine)
    comparison, tool_a, _ = add_comparison(engine)
    token = link_token(settings.secret_key, reader, issue_of(engine, comparison))
    url = path(vote_link(BASE, comparison, tool_a, "ship", token))
    assert client.get(url).status_code == 200 and votes(engine) == []
    assert client.post(url).status_code == 200
    assert client.post(url).status_code == 200  # a second click is the same vote
    assert votes(engine) == [(reader, comparison, tool_a, "ship")]
    skip = path(vote_link(BASE, comparison, tool_a, "skip", token))
    assert client.post(skip).status_code == 200
    assert votes(engine) == [(reader, comparison, tool_a, "skip")]


def test_a_vote_link_cannot_be_repointed(settings, engine, client):  # noqa: F811
    reader = add_subscriber(engine)
    first, tool_a, _ = add_comparison(engine, week="2026-W48")
    other, other_a, _ = add_comparison(engine, "Other A", "Other B", week="2026-W49")
    token = link_token(settings.secret_key, reader, issue_of(engine, first))
    answers = [
        client.post(path(vote_link(BASE, other, other_a, "ship", token))),  # another issue's comparison
        client.post(path(vote_link(BASE, first, other_a, "ship", token))),  # a tool not in it
        client.post(path(vote_link(BASE, first, tool_a, "maybe", token))),  # no such decision
        client.post(path(vote_link(BASE, first, tool_a, "ship", link_token("x", reader, 1)))),
    ]
    assert [a.status_code for a in answers] == [400, 404, 400, 400]
    assert votes(engine) == []


def test_the_first_issues_links_still_work(settings, engine, client):  # noqa: F811
    reader = add_subscriber(engine)
    comparison, tool_a, _ = add_comparison(engine)
    assert client.post(vote_path(settings, reader, comparison, tool_a)).status_code == 200
    assert votes(engine) == [(reader, comparison, tool_a, "ship")]
