"""The public site on SQLite and PostgreSQL: the seed pages' shape, only what an editor approved,
live community votes, personas' tallies, the feed, and the security headers on every response."""

from __future__ import annotations

from html import unescape

import feedparser
import pytest

from db.engine import session_scope
from db.queries import record_vote
from db.states import IssueStatus
from tests.web.sitekit import add_issue, add_subscriber, plain_http, serve, sqlite_only  # noqa: F401
from web import create_app, site

CODESTRAL = {"name": "Codestral 2", "slug": "codestral-2",
             "tagline": "Mistral's 22B Apache 2.0 code model beats GPT-4o on HumanEval",
             "description": "Codestral 2 is Mistral AI's second-generation code model.\n\nIt ships FIM.",
             "url": "https://mistral.example/codestral",
             "reviews": {"Skeptic": (45, "skip", "Self-reported benchmarks."), "Founder": None}}
FUSION = {"name": "OpenRouter Model Fusion", "slug": "openrouter-model-fusion",
          "tagline": "Run a prompt through multiple LLMs simultaneously and fuse the best answer into one",
          "reviews": {"Skeptic": (45, "skip", "You pay 2-4x per token."), "Founder": None}}
OTHER = {"name": "Sluice", "slug": "sluice", "category": "Data", "tagline": "Pipes for data"}


@pytest.fixture
def client(settings):
    with serve(create_app(settings)) as http:
        yield http


def test_compare_page_has_the_seed_layout(engine, client):
    add_issue(engine, "2026-W48", IssueStatus.SENT, [(CODESTRAL, FUSION)])
    page = client.get("/compare/codestral-2-vs-openrouter-model-fusion")
    assert page.status_code == 200
    html = unescape(page.text)
    assert "<h1>Codestral 2 vs OpenRouter Model Fusion</h1>" in html
    assert "AI tool comparison" in html and "Which one should you ship with?" in html
    for words in (CODESTRAL["tagline"], FUSION["tagline"], "Panel ship", "Community", "Entry", "Paid",
                  "second-generation code model", "<p>It ships FIM.</p>",  # the description, by paragraph
                  "Decision", "Panel verdict", "Ship · 3 ship / 1 skip", "No community votes yet", "Best for",
                  "Reviewer scorecard", "45/100 · skip", "Self-reported benchmarks.", "No panel take",
                  "Get the next comparison in your inbox", 'action="/subscribe"'):
        assert words in html, words
    assert html.count("75%") >= 2  # 3 ship of 4 takes, for each tool
    assert 'href="https://mistral.example/codestral" rel="nofollow noopener noreferrer ugc"' in html


@sqlite_only
def test_reversed_pair_redirects_and_unknown_pairs_are_404(engine, client):
    add_issue(engine, "2026-W48", IssueStatus.SENT, [(CODESTRAL, FUSION)])
    reversed_pair = client.get("/compare/openrouter-model-fusion-vs-codestral-2", follow_redirects=False)
    assert reversed_pair.status_code == 301
    assert reversed_pair.headers["location"] == "/compare/codestral-2-vs-openrouter-model-fusion"
    for path in ("/compare/codestral-2-vs-sluice", "/compare/nonsense", "/tools/sluice", "/personas/nobody"):
        assert client.get(path).status_code == 404, path


@pytest.mark.parametrize("status", [IssueStatus.DRAFT, IssueStatus.REJECTED])
def test_nothing_unapproved_is_public(engine, client, status):
    add_issue(engine, "2026-W48", status, [(CODESTRAL, FUSION)])
    for path in ("/compare/codestral-2-vs-openrouter-model-fusion", "/tools/codestral-2",
                 "/issues/2026-W48"):
        assert client.get(path).status_code == 404, path
    for path in ("/", "/issues", "/feed.atom", "/personas/skeptic"):
        page = client.get(path)
        assert page.status_code == 200
        assert "Codestral" not in page.text and "Self-reported" not in page.text, path


@sqlite_only
def test_approved_comparisons_are_public_before_the_issue_is_sent(engine, client):
    add_issue(engine, "2026-W48", IssueStatus.APPROVED, [(CODESTRAL, FUSION)])
    assert client.get("/compare/codestral-2-vs-openrouter-model-fusion").status_code == 200
    assert client.get("/tools/codestral-2").status_code == 200
    # The issue itself is published when it is mailed, not before.
    assert client.get("/issues/2026-W48").status_code == 404
    assert "2026-W48" not in client.get("/issues").text


@sqlite_only
def test_an_approval_withdrawn_leaves_the_site_at_once(engine, client):
    from db.models import NewsletterIssue

    issue_id, _ = add_issue(engine, "2026-W48", IssueStatus.APPROVED, [(CODESTRAL, FUSION)])
    assert client.get("/tools/codestral-2").status_code == 200  # now cached
    with session_scope(engine) as session:
        session.get(NewsletterIssue, issue_id).status = IssueStatus.DRAFT
    assert client.get("/tools/codestral-2").status_code == 404
    assert client.get("/compare/codestral-2-vs-openrouter-model-fusion").status_code == 404


def test_community_votes_are_live_on_every_page(engine, client, monkeypatch):
    monkeypatch.setattr(site, "TALLY_SECONDS", 0)  # every view reads the votes (the window: below)
    _, [comparison] = add_issue(engine, "2026-W48", IssueStatus.SENT, [(CODESTRAL, FUSION)])
    compare = "/compare/codestral-2-vs-openrouter-model-fusion"
    assert "No community votes yet" in client.get(compare).text
    readers = [add_subscriber(engine, f"r{n}@example.com") for n in range(3)]
    with session_scope(engine) as session:
        from db.models import Comparison

        codestral = session.get(Comparison, comparison).tool_a_id
        for reader, decision in zip(readers, ("ship", "ship", "skip"), strict=True):
            record_vote(session, subscriber_id=reader, comparison_id=comparison, tool_id=codestral,
                        decision=decision)
    for path in (compare, "/issues/2026-W48", "/tools/codestral-2"):
        page = client.get(path).text
        assert "Ship · 2 ship / 1 skip" in page and "67%" in page, path
    assert "67%" in client.get("/").text


def test_public_tallies_are_read_again_once_a_second(engine):
    """Under a burst of page views the votes are counted once per TALLY_SECONDS, then read anew."""
    _, [comparison] = add_issue(engine, "2026-W48", IssueStatus.SENT, [(CODESTRAL, FUSION)])
    now = [100.0]
    catalog = site.Catalog("http://127.0.0.1", clock=lambda: now[0])

    def codestral_verdict() -> str:
        with session_scope(engine) as session:
            found, _ = catalog.comparison(session, pair="codestral-2-vs-openrouter-model-fusion")
        return found.view.a.community_verdict

    assert codestral_verdict() == "No community votes yet"
    reader = add_subscriber(engine, "r@example.com")
    with session_scope(engine) as session:
        from db.models import Comparison

        codestral = session.get(Comparison, comparison).tool_a_id
        record_vote(session, subscriber_id=reader, comparison_id=comparison, tool_id=codestral,
                    decision="ship")
    now[0] += site.TALLY_SECONDS / 2
    assert codestral_verdict() == "No community votes yet"  # within the window: the counted tally
    now[0] += site.TALLY_SECONDS
    assert codestral_verdict() == "Ship · 1 ship / 0 skip"


def test_archive_index_and_latest_issue_on_the_home_page(engine, client):
    add_issue(engine, "2026-W47", IssueStatus.SENT, [(OTHER, {"name": "Pipe", "slug": "pipe"})])
    add_issue(engine, "2026-W48", IssueStatus.SENT, [(CODESTRAL, FUSION)])
    index = client.get("/issues").text
    assert index.index("2026-W48") < index.index("2026-W47")
    assert 'href="/compare/sluice-vs-pipe"' in index
    home = client.get("/").text
    assert "Latest issue · 2026-W48" in home and "Codestral 2 vs OpenRouter Model Fusion" in home
    assert "Sluice" not in home
    assert 'name="csrf_token"' in home  # the subscribe form


@sqlite_only
def test_tool_page(engine, client):
    add_issue(engine, "2026-W47", IssueStatus.SENT, [(CODESTRAL, OTHER)])
    add_issue(engine, "2026-W48", IssueStatus.SENT, [({"name": "Pipe", "slug": "pipe"}, FUSION)])
    page = unescape(client.get("/tools/codestral-2").text)
    assert "<h1>Codestral 2</h1>" in page and CODESTRAL["tagline"] in page
    assert "The panel's takes" in page and "Self-reported benchmarks." in page
    assert 'href="/compare/codestral-2-vs-sluice"' in page


def test_persona_page_tallies_its_verdicts_by_category(engine, client):
    add_issue(engine, "2026-W47", IssueStatus.SENT, [(CODESTRAL, OTHER)])
    add_issue(engine, "2026-W48", IssueStatus.SENT, [({"name": "Pipe", "slug": "pipe"}, FUSION)])
    skeptic = client.get("/personas/skeptic").text
    assert "Who are the direct competitors, and where does this break?" in skeptic  # the motto
    assert "Values" in skeptic and "evidence from someone other than the vendor" in skeptic
    assert "Distrusts" in skeptic
    assert "Developer Tools verdicts (3 tools, 1 shipped)" in skeptic  # Codestral and Fusion skipped
    assert "Data verdicts (1 tool, 1 shipped)" in skeptic
    founder = client.get("/personas/founder").text
    assert "Developer Tools verdicts (1 tool, 1 shipped)" in founder  # no take on two of three
    assert "No take on:" in founder
    assert client.get("/personas/Skeptic", follow_redirects=False).status_code == 301
    assert "Who is the buyer" in client.get("/personas").text


@sqlite_only
def test_atom_feed_lists_sent_issues(engine, client):
    add_issue(engine, "2026-W48", IssueStatus.SENT, [(CODESTRAL, FUSION)],
              subject="Weekly AI Tool Verdicts · 2026-W48: Codestral 2 vs OpenRouter Model Fusion")
    add_issue(engine, "2026-W49", IssueStatus.APPROVED, [(OTHER, {"name": "Pipe", "slug": "pipe"})])
    # A scraped name with a character XML forbids, and markup: the feed still parses.
    bad = {"name": "Bad\x0bName <b>&", "slug": "bad"}
    add_issue(engine, "2026-W47", IssueStatus.SENT, [(bad, {"name": "Good", "slug": "good"})])
    response = client.get("/feed.atom")
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.text)
    assert not feed.bozo, feed.bozo_exception
    assert [e.title for e in feed.entries] == [
        "Weekly AI Tool Verdicts · 2026-W48: Codestral 2 vs OpenRouter Model Fusion",
        "Weekly AI Tool Verdicts · 2026-W47"]
    assert "BadName &lt;b&gt;&amp;" in feed.entries[1].content[0].value
    assert feed.entries[0].link.endswith("/issues/2026-W48")
    assert "/compare/codestral-2-vs-openrouter-model-fusion" in feed.entries[0].content[0].value


@sqlite_only
def test_security_headers_on_every_kind_of_response(engine, client):
    add_issue(engine, "2026-W48", IssueStatus.SENT, [(CODESTRAL, FUSION)])
    for path in ("/", "/compare/codestral-2-vs-openrouter-model-fusion", "/nowhere", "/static/site.css",
                 "/healthz", "/feed.atom", "/desk", "/subscribe"):
        headers = client.get(path, follow_redirects=False).headers
        csp = headers["content-security-policy"]
        assert "script-src 'none'" in csp and "frame-ancestors 'none'" in csp, path
        assert "'unsafe-inline'" not in csp
        assert headers["x-frame-options"] == "DENY"
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"]
    # A token page keeps its stricter referrer policy.
    assert client.get("/unsubscribe/x").headers["referrer-policy"] == "no-referrer"
