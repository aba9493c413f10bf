"""The public site: the latest issue, the archive with live votes, comparisons, tools, personas, a feed.

Everything here shows only what an editor approved (see `web.site.Catalog`). Every page only reads,
so it reads in autocommit mode."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response

from db.engine import session_scope
from emails.render import decision_rows, paragraphs, scorecard_rows, tone
from web.app import PageError
from web.deps import Web, render, render_cached
from web.site import comparison_key

router = APIRouter()

PUBLIC_CACHE = {"Cache-Control": "no-cache"}  # always revalidated: votes are live


def _helpers() -> dict[str, object]:
    return {"paragraphs": paragraphs, "tone": tone, "decision_rows": decision_rows,
            "scorecard_rows": scorecard_rows}


@router.get("/", response_class=HTMLResponse)
def home(request: Request, web: Web) -> Response:
    """The latest sent issue, and the subscribe form."""
    with session_scope(web.autocommit) as session:
        sent = web.catalog.sent_issues(session)
        latest = web.catalog.live(session, sent[0]) if sent else None
    return render(request, "site/home.html.j2", latest=latest, headers=PUBLIC_CACHE, **_helpers())


@router.get("/issues", response_class=HTMLResponse)
def archive_index(request: Request, web: Web) -> Response:
    """Every sent issue, newest first."""
    with session_scope(web.autocommit) as session:
        issues = web.catalog.sent_issues(session)
    return render(request, "site/issues.html.j2", issues=issues, headers=PUBLIC_CACHE)


@router.get("/issues/{week}", response_class=HTMLResponse)
def issue_page(week: str, request: Request, web: Web) -> Response:
    """A sent issue with its community votes as they stand now (registered before the frozen copy)."""
    with session_scope(web.autocommit) as session:
        issue = web.catalog.sent_issue(session, week=week)
    if issue is None:
        raise PageError(404, "Issue not found", "There is no published issue for that week.")
    return render(request, "site/issue.html.j2", issue=issue, headers=PUBLIC_CACHE, **_helpers())


@router.get("/feed.atom")
def feed(request: Request, web: Web) -> Response:
    """An Atom feed of the sent issues."""
    with session_scope(web.autocommit) as session:
        issues = web.catalog.sent_issues(session)[:20]
    updated = max((i.key.sent_at for i in issues if i.key.sent_at), default=datetime(2026, 1, 1, tzinfo=UTC))
    body = web.pages.get_template("site/feed.atom.j2").render(
        issues=issues, updated=updated, base_url=web.settings.public_base_url.rstrip("/"))
    return Response(body, media_type="application/atom+xml; charset=utf-8", headers=PUBLIC_CACHE)


@router.get("/compare/{pair}", response_class=HTMLResponse)
def compare(pair: str, request: Request, web: Web) -> Response:
    """'X vs Y': both tools, panel and community, the decision table, the reviewer scorecard."""
    with session_scope(web.autocommit) as session:
        comparison, reversed_pair = web.catalog.comparison(session, pair=pair)
    if comparison is None:
        raise PageError(404, "Comparison not found", "No published comparison has that address.")
    if reversed_pair:
        return RedirectResponse(comparison.path, status_code=301)
    return render_cached(request, "site/compare.html.j2", comparison_key(comparison), comparison=comparison,
                         c=comparison.view, headers=PUBLIC_CACHE, **_helpers())


@router.get("/tools/{slug}", response_class=HTMLResponse)
def tool_page(slug: str, request: Request, web: Web) -> Response:
    """A tool of an approved comparison: what it is, the panel's takes, its comparisons."""
    with session_scope(web.autocommit) as session:
        page = web.catalog.tool(session, slug=slug)
    if page is None:
        raise PageError(404, "Tool not found", "No published comparison has that tool.")
    return render(request, "site/tool.html.j2", page=page, tool=page.tool, headers=PUBLIC_CACHE,
                  **_helpers())


@router.get("/personas", response_class=HTMLResponse)
def personas(request: Request, web: Web) -> Response:
    """The five personas of the panel."""
    return render(request, "site/personas.html.j2", personas=web.catalog.personas, headers=PUBLIC_CACHE)


@router.get("/personas/{name}", response_class=HTMLResponse)
def persona_page(name: str, request: Request, web: Web) -> Response:
    """A persona: what it asks, values and distrusts, and its verdicts by category."""
    with session_scope(web.autocommit) as session:
        page = web.catalog.persona(session, slug=name.lower())
    if page is None:
        raise PageError(404, "Persona not found", "The panel has no persona of that name.")
    if name != page.slug:
        return RedirectResponse(f"/personas/{page.slug}", status_code=301)
    return render(request, "site/persona.html.j2", page=page, headers=PUBLIC_CACHE, **_helpers())


@router.get("/robots.txt")
def robots() -> Response:
    """Crawlers may read the site, not the desk nor anyone's links."""
    return PlainTextResponse("User-agent: *\nDisallow: /desk\nDisallow: /preferences\nDisallow: /confirm\n"
                             "Disallow: /confirm-address\nDisallow: /unsubscribe\nDisallow: /vote\n")
