"""Every route of the app in headless Chromium, over hostile scraped data: no script ever runs,
no `javascript:` link or event handler reaches the page, and the strict CSP refuses nothing of ours.
Screenshots of the public pages at 375 and 1200 px are kept in the test's folder."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.routing import APIRoute
from playwright.sync_api import Page
from sqlmodel import Session
from starlette.routing import Mount

from db.models import ConsentRecord, NewsletterIssue, Subscriber
from db.queries import record_vote
from db.states import IssueStatus, SubscriberStatus
from editorial.issues import render_and_store
from emails.personalise import unsubscribe_url, vote_url
from emails.tokens import VoteClaim, link_token
from tests.web.sitekit import add_issue, plain_http, serve  # noqa: F401
from web import create_app, tokens
from web.editors import add_editor
from web.subscriptions import preferences_url

COUNT = "window.__xss=(window.__xss||0)+1"
HOSTILE = [
    f"<script>{COUNT}</script>",
    f'<img src=x onerror="{COUNT}">',
    f'"><svg onload="{COUNT}">',
    f"'><iframe srcdoc=\"<script>parent.{COUNT}</script>\">",
    f"javascript:{COUNT}",
    "%%unsubscribe_url%% %%vote:1:1:ship%%",
]
EVIL = " ".join(HOSTILE)
TRAP = f"{{\"name\": \"x\"}} {EVIL}"
EDITOR, PASSWORD = "editor@example.com", "correct horse battery"
COUNTER = """
window.__xss = 0;
window.alert = window.confirm = window.prompt = () => { window.__xss += 1; };
"""
LEAKS = """() => {
  const attrs = [...document.querySelectorAll('*')].flatMap(e => [...e.attributes]);
  return {
    handlers: attrs.filter(a => a.name.startsWith('on')).map(a => a.name + '=' + a.value),
    js_urls: attrs.filter(a => ['href', 'src', 'action', 'formaction', 'srcdoc'].includes(a.name)
                              && /^\\s*javascript:/i.test(a.value)).map(a => a.value),
    scripts: document.querySelectorAll('script').length,
  };
}"""


def hostile_tool(n: int) -> dict:
    return {"name": f"Evil{n} {HOSTILE[n % len(HOSTILE)]}", "slug": f"evil-{n}",
            "category": f"Cat {HOSTILE[(n + 1) % len(HOSTILE)]}", "tagline": EVIL,
            "description": f"{EVIL}\n\n{EVIL}",
            "url": "javascript:alert(1)" if n % 2 else f"https://evil.example/{HOSTILE[0]}",
            "reviews": {"Builder": (90, "ship", TRAP), "Skeptic": (10, "skip", EVIL), "Founder": None}}


@pytest.fixture
def world(settings, engine, monkeypatch):
    """A sent issue and a draft, both of hostile tools; a reader with hostile consent; an editor."""
    from argon2 import PasswordHasher

    from web import editors

    monkeypatch.setattr(editors, "_HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    pair = [(hostile_tool(1), hostile_tool(2))]
    sent_id, [sent_comparison] = add_issue(engine, "2026-W48", IssueStatus.SENT, pair,
                                           subject=f"Week {EVIL}")
    draft_id, _ = add_issue(engine, "2026-W49", IssueStatus.DRAFT, [(hostile_tool(3), hostile_tool(4))])
    with Session(engine, expire_on_commit=False) as session:
        draft = session.get(NewsletterIssue, draft_id)
        draft.subject = f"Draft {EVIL}"
        render_and_store(session, issue=draft, settings=settings)
        reader = Subscriber(email="reader@example.com", name=EVIL, status=SubscriberStatus.ACTIVE)
        session.add(reader)
        session.flush()
        consent = ConsentRecord(subscriber_id=reader.id, email=reader.email, action="subscribe",
                                request_ip="127.0.0.1", request_user_agent=EVIL)
        session.add(consent)
        from db.models import Comparison

        tool_id = session.get(Comparison, sent_comparison).tool_a_id
        record_vote(session, subscriber_id=reader.id, comparison_id=sent_comparison, tool_id=tool_id,
                    decision="ship")
        add_editor(session, email=EDITOR, password=PASSWORD)
        session.commit()
    secret = settings.secret_key
    claim = tokens.RequestClaim(reader.id, consent.id)
    values = {
        "week": "2026-W48", "pair": "evil-1-vs-evil-2", "slug": "evil-1", "name": "builder",
        "issue_id": str(draft_id), "subscriber_id": str(reader.id), "kind": "vote",
        "comparison_id": str(sent_comparison), "tool_id": str(tool_id), "decision": "ship",
        "token": link_token(secret, reader.id, sent_id),  # the per-recipient links /u/… and /v/…
        "/unsubscribe/{token}": unsubscribe_url(settings, reader.id),
        "/vote/{token}": vote_url(settings, VoteClaim(reader.id, sent_comparison, tool_id, "ship")),
        "/confirm/{token}": tokens.request_token(secret, claim, purpose=tokens.CONFIRM_SALT),
        "/confirm-address/{token}": tokens.request_token(secret, claim, purpose=tokens.ADDRESS_SALT),
        "preferences": preferences_url(settings, reader),
    }
    return values


def every_route(routes, prefix: str = "") -> Iterator[tuple[str, object]]:
    """(full path, route) of every route, through included routers (FastAPI keeps them nested)."""
    for route in routes:
        if hasattr(route, "original_router"):
            yield from every_route(route.original_router.routes, prefix + route.include_context.prefix)
        else:
            yield prefix + getattr(route, "path", ""), route


def paths_of(app, values: dict) -> list[str]:
    """A URL for every GET route of the app, its parameters filled from `values`; fails on a route
    it cannot fill, so that a new route joins the walk."""
    paths = []
    for path, route in every_route(app.routes):
        if isinstance(route, Mount):
            paths.append(f"{path}/site.css")
            continue
        if not isinstance(route, APIRoute) or "GET" not in route.methods:
            continue
        if path in values:
            paths.append("/" + values[path].split("/", 3)[3] if "://" in values[path]
                         else path.replace("{token}", values[path]))
            continue
        if path.startswith("/preferences/{token}"):
            paths.append(path.replace("{token}", values["preferences"].rsplit("/", 1)[1]))
            continue
        params = re.findall(r"{(\w+)}", path)
        missing = [p for p in params if p not in values]
        assert not missing, f"add {missing} for {path} to the browser walk"
        paths.append(re.sub(r"{(\w+)}", lambda m: values[m[1]], path))
    return paths


def sign_in(page: Page, base: str) -> None:
    page.goto(f"{base}/desk/login")
    page.fill("#email", EDITOR)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/desk")


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_no_route_runs_a_script_from_hostile_data(settings, world, browser, tmp_path):
    app = create_app(settings)
    paths = paths_of(app, world)
    assert len(paths) >= 25
    paths += ["/nowhere", "/confirm/garbage", "/compare/evil-1-vs-nobody"]  # error pages are pages too
    with serve(app) as http:
        base = str(http.base_url).rstrip("/")
        # CSP bypassed: the escaping alone must hold. Then with CSP: nothing of ours is refused.
        violations: list[str] = []
        dialogs: list[str] = []
        for bypass in (True, False):
            context = browser.new_context(bypass_csp=bypass, viewport={"width": 1200, "height": 900})
            context.add_init_script(COUNTER)
            page = context.new_page()
            violations.clear()
            page.on("console", lambda m: violations.append(m.text) if "Security Policy" in m.text else None)
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            sign_in(page, base)
            for path in paths:
                if path.endswith(".csv"):  # a download: fetched, not shown
                    assert context.request.get(base + path).status == 200
                    continue
                response = page.goto(base + path)
                assert response is not None and response.status < 500, (path, response and response.status)
                if "html" not in (response.headers.get("content-type") or ""):
                    continue
                page.wait_for_load_state("load")
                assert page.evaluate("window.__xss") == 0, path
                leaks = page.evaluate(LEAKS)
                assert leaks == {"handlers": [], "js_urls": [], "scripts": 0}, (path, leaks)
            # Forms echo what was typed: the subscribe form's error, the sign-in's error.
            page.goto(f"{base}/subscribe")
            page.fill("#email", "x")
            page.evaluate("v => document.querySelector('#email').value = v", EVIL)
            page.evaluate("document.querySelector('#email').type = 'text'")
            page.click("button[type=submit]")
            assert "does not look like an email address" in page.content()
            assert page.evaluate("window.__xss") == 0 and page.evaluate(LEAKS)["scripts"] == 0
            assert dialogs == []
            if not bypass:
                assert violations == [], violations
            context.close()


PUBLIC_SHOTS = ["/", "/issues/2026-W48", "/compare/evil-1-vs-evil-2", "/tools/evil-1", "/personas/skeptic"]


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_pages_fit_a_phone_and_a_desktop(settings, world, browser, tmp_path):
    with serve(create_app(settings)) as http:
        base = str(http.base_url).rstrip("/")
        for width, scheme in ((375, "light"), (1200, "light"), (375, "dark")):
            context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
            page = context.new_page()
            for path in PUBLIC_SHOTS:
                page.goto(base + path)
                name = path.strip("/").replace("/", "_") or "home"
                page.screenshot(path=str(tmp_path / f"{name}-{width}-{scheme}.png"), full_page=True)
                assert page.evaluate("document.scrollingElement.scrollWidth") <= width, (path, width)
            context.close()
    assert len(list(Path(tmp_path).glob("*.png"))) == len(PUBLIC_SHOTS) * 3
