"""What the site's tests share: a real uvicorn on loopback, factories for approved issues, the outbox."""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

import httpx
import pytest
import uvicorn
from sqlmodel import Session

from db.models import Comparison, NewsletterIssue, PanelReview, Subscriber, Tool
from db.states import IssueStatus, SubscriberStatus
from editorial.panel import PERSONAS

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture(autouse=True)
def plain_http(monkeypatch):
    """The site on http://, as on a developer's machine: cookies without the Secure flag
    (autouse in every module that imports it)."""
    monkeypatch.setenv("VERDICTS_PUBLIC_BASE_URL", "http://127.0.0.1")


@contextmanager
def serve(app) -> Iterator[httpx.Client]:
    """An httpx client on `app`, served by a real uvicorn on a free loopback port."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="critical", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.01)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=20) as http:
            yield http
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


def csrf_of(page: httpx.Response) -> str:
    """The CSRF token of the first form on a page."""
    match = CSRF.search(page.text)
    assert match, "the page has no form with a CSRF token"
    return match[1]


def post_form(http: httpx.Client, page_path: str, action: str, **fields: str) -> httpx.Response:
    """Open `page_path` (for its CSRF cookie and token), then post `fields` to `action` as a browser would."""
    page = http.get(page_path)
    assert page.status_code == 200, page.text
    return http.post(action, data={"csrf_token": csrf_of(page), **fields})


# --- approved issues -----------------------------------------------------------------------------


def add_tool(session: Session, name: str, *, slug: str, category: str = "Developer Tools",
             tagline: str = "", description: str = "", url: str | None = None,
             reviews: dict[str, tuple[int, str, str] | None] | None = None) -> Tool:
    """A tool with one review per persona: (score, decision, take), or None for no take."""
    tool = Tool(name=name, slug=slug, category=category, tagline=tagline, description=description, url=url,
                pricing_model="paid")
    session.add(tool)
    session.flush()
    for persona in PERSONAS:
        review = (reviews or {}).get(persona, (80, "ship", f"{persona} likes {name}."))
        score, decision, take = review if review else (None, None, None)
        session.add(PanelReview(tool_id=tool.id, persona=persona, provider="rules", score=score,
                                decision=decision, take=take))
    return tool


def add_issue(
    engine, week: str, status: IssueStatus, pairs: list[tuple[Tool | dict, Tool | dict]] | None = None,
    *, subject: str | None = None,
) -> tuple[int, list[int]]:
    """An issue of `week` in `status` with comparisons of the pairs (tools or add_tool kwargs);
    (issue id, comparison ids)."""
    with Session(engine, expire_on_commit=False) as session:
        issue = NewsletterIssue(week=week, subject=subject or f"Weekly AI Tool Verdicts · {week}",
                                status=status, content_hash=f"hash-{week}-{status}")
        session.add(issue)
        session.flush()
        ids = []
        for position, (a, b) in enumerate(pairs or []):
            a = a if isinstance(a, Tool) else add_tool(session, **a)
            b = b if isinstance(b, Tool) else add_tool(session, **b)
            comparison = Comparison(week=week, issue_id=issue.id, position=position, tool_a_id=a.id,
                                    tool_b_id=b.id)
            session.add(comparison)
            session.flush()
            ids.append(comparison.id)
        session.commit()
        return issue.id, ids


def add_subscriber(engine, email: str = "reader@example.com",
                   status: SubscriberStatus = SubscriberStatus.ACTIVE) -> int:
    with Session(engine) as session:
        subscriber = Subscriber(email=email, status=status)
        session.add(subscriber)
        session.commit()
        return subscriber.id


def subscriber(engine, subscriber_id: int) -> Subscriber | None:
    with Session(engine, expire_on_commit=False) as session:
        return session.get(Subscriber, subscriber_id)


# --- the outbox ----------------------------------------------------------------------------------


def mails_to(outbox: Path, address: str) -> list[EmailMessage]:
    """The messages in the outbox for `address` (the site's own are all named 000000-<address>.eml)."""
    parser = BytesParser(policy=policy.default)
    found = []
    for path in sorted(outbox.glob("*.eml"), key=lambda p: p.stat().st_mtime):
        message = parser.parsebytes(path.read_bytes())
        if message["To"] == address:
            found.append(message)
    return found


def link_in(message: EmailMessage, path_prefix: str) -> str:
    """The path of the first link to `path_prefix` in the message's text part."""
    text = message.get_body(("plain",)).get_content()
    match = re.search(rf"https?://[^/\s]+({re.escape(path_prefix)}[\w.\-/]+)", text)
    assert match, f"no {path_prefix} link in:\n{text}"
    return match[1]


# For tests whose subject is not the SQL: one database is enough (the rest run on both).
sqlite_only = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
