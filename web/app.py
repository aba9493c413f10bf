"""The subscriber-facing web app: confirm-then-act pages for the links every issue carries.

A GET never changes anything (mail scanners prefetch links); the change is a POST to the same
URL, which is also what RFC 8058 one-click unsubscribe sends. The signed token in the URL is the
only credential, so no cookie or CSRF token is needed.
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException as StarletteHTTPException

from db import queries, web_queries
from db.engine import get_engine, session_scope
from db.models import utcnow
from db.states import Decision, IssueStatus, SubscriberStatus
from editorial.verdict import Tally, community_verdict, percent_label
from emails.tokens import BadToken, VoteClaim, read_link_token, read_unsubscribe_token, read_vote_token
from verdicts.production import ensure_secret
from verdicts.settings import Settings, get_settings
from web.webhooks import router as webhooks_router

log = logging.getLogger(__name__)

TEMPLATES = Path(__file__).resolve().parent / "templates"
# Every per-subscriber link placeholder the renderer leaves (see emails.render._PLACEHOLDER).
_PLACEHOLDER = re.compile(r"%%[A-Za-z0-9_.:-]+%%")
# Token pages must not be cached or leak their URL (the token) to another site.
_PAGE_HEADERS = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"}


class PageError(Exception):
    """A request we answer with an error page: its status, heading and one plain sentence."""

    def __init__(self, status: int, title: str, message: str) -> None:
        super().__init__(f"{status} {title}")
        self.status, self.title, self.message = status, title, message


@dataclass(frozen=True)
class Context:
    """What every route needs: the settings and the database engine (and the same engine in
    autocommit mode, for the link routes whose every write is one statement)."""

    settings: Settings
    engine: Engine

    @functools.cached_property
    def autocommit(self) -> Engine:
        return self.engine.execution_options(isolation_level="AUTOCOMMIT")


@dataclass(frozen=True)
class Ballot:
    """A checked vote link: who votes, on which tool of which comparison, and which way."""

    claim: VoteClaim
    decision: Decision
    row: web_queries.BallotRow

    @property
    def tool_name(self) -> str:
        return self.row.tool_names[self.row.tool_ids.index(self.claim.tool_id)]

    @property
    def title(self) -> str:
        """'Codestral 2 vs OpenRouter Model Fusion'."""
        return " vs ".join(self.row.tool_names)

    @property
    def held(self) -> str | None:
        """The decision the subscriber held before this vote, if any."""
        return self.row.held

    def tally_after(self, counted: tuple[int, int]) -> Tally:
        """The tool's tally once this vote is in: `counted` (ships, skips), read up to a second ago
        (web.site.TALLY_SECONDS), with the vote held before, if any, taken out and this one added."""
        counts = dict(zip(("ship", "skip"), counted, strict=True))
        if self.held in counts:
            counts[self.held] = max(counts[self.held] - 1, 0)  # not yet counted if just cast
        counts[self.decision.value] += 1
        return Tally(ships=counts["ship"], skips=counts["skip"])


# The emailed links, matched before every other route (readers click them in bursts after a send);
# no other router serves /u/, /unsubscribe/, /v/ or /vote/.
links = APIRouter()
router = APIRouter()


def create_app(settings: Settings | None = None) -> FastAPI:
    """The app on `settings` (default: the process settings) and their database."""
    from web import deps  # the site's modules import this one, so not at its top
    from web.routes import desk, public, subscribers

    settings = settings or get_settings()
    ensure_secret(settings)  # production refuses the default secret (ProductionConfigError)
    app = FastAPI(title=settings.sender_name, docs_url=None, redoc_url=None, openapi_url=None)
    app.state.context = Context(settings, get_engine(settings.resolved_database_url()))
    app.state.pages = _environment(newsletter=settings.sender_name)
    deps.install(app, settings, app.state.context.engine)  # headers, static files, desk sign-in
    app.include_router(links)
    app.include_router(public.router)  # before `router`: its live /issues/{week} replaces the frozen one
    app.include_router(subscribers.router)
    app.include_router(desk.router)
    app.include_router(router)
    app.include_router(webhooks_router)
    app.add_exception_handler(PageError, _page_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _server_error)
    return app


async def _context(request: Request) -> Context:
    # async: FastAPI runs a plain-def dependency in the thread pool, a hop per request for a lookup.
    return request.app.state.context  # type: ignore[no-any-return]


Ctx = Annotated[Context, Depends(_context)]


# --- unsubscribe ---------------------------------------------------------------------------------


@links.get("/u/{token}", response_class=HTMLResponse)
def unsubscribe_link_page(token: str, request: Request, ctx: Ctx) -> Response:
    """The confirmation page of today's unsubscribe link; changes nothing."""
    return _unsubscribe_page(request, ctx, _link_subscriber_id(ctx.settings, token))


@links.post("/u/{token}", response_class=HTMLResponse)
def unsubscribe_link_now(token: str, request: Request, ctx: Ctx) -> Response:
    """Unsubscribe from today's link (RFC 8058 one-click or our button); harmless when repeated."""
    return _unsubscribe_now(request, ctx, _link_subscriber_id(ctx.settings, token))


@links.get("/unsubscribe/{token}", response_class=HTMLResponse)
def unsubscribe_page(token: str, request: Request, ctx: Ctx) -> Response:
    """The confirmation page of the first issues' unsubscribe link; changes nothing."""
    return _unsubscribe_page(request, ctx, _old_subscriber_id(ctx.settings, token))


@links.post("/unsubscribe/{token}", response_class=HTMLResponse)
def unsubscribe_now(token: str, request: Request, ctx: Ctx) -> Response:
    """Unsubscribe from the first issues' link; harmless when repeated."""
    return _unsubscribe_now(request, ctx, _old_subscriber_id(ctx.settings, token))


def _unsubscribe_page(request: Request, ctx: Context, subscriber_id: int) -> Response:
    with ctx.autocommit.connect() as connection:
        found = web_queries.subscriber_state(connection, subscriber_id=subscriber_id)
    if found is None:
        raise _no_subscription()
    email, status = found
    name = "unsubscribed.html.j2" if status == SubscriberStatus.UNSUBSCRIBED else "unsubscribe.html.j2"
    return _page(request, name, email=email)


def _unsubscribe_now(request: Request, ctx: Context, subscriber_id: int) -> Response:
    with ctx.autocommit.connect() as connection:
        found = web_queries.unsubscribe_now(connection, subscriber_id=subscriber_id, now=utcnow())
    if found is None:
        raise _no_subscription()
    email, status = found
    if status not in web_queries.UNSUBSCRIBABLE and status != SubscriberStatus.UNSUBSCRIBED:
        # Bounced, complained or suppressed: already never mailed again, which is what was asked.
        log.info("subscriber %s is %s: nothing to do", subscriber_id, status)
    return _page(request, "unsubscribed.html.j2", email=email)


def _link_subscriber_id(settings: Settings, token: str) -> int:
    """The subscriber a /u/ link token names; PageError 400 if it is not ours."""
    try:
        return read_link_token(settings.secret_key, token).subscriber_id
    except BadToken:
        raise _invalid_link() from None


def _old_subscriber_id(settings: Settings, token: str) -> int:
    """The subscriber an /unsubscribe/ token of the first issues names; PageError 400 if not ours."""
    try:
        return read_unsubscribe_token(settings.secret_key, token)
    except BadToken:
        raise _invalid_link() from None


def _no_subscription() -> PageError:
    return PageError(404, "Subscription not found", "We have no subscription for this link any more.")


# --- votes ---------------------------------------------------------------------------------------
# A vote page is one read (web_queries.ballot_row) and a vote one more statement (the upsert), so a
# burst of clicks after a send costs the database little.


@links.get("/v/{token}/{comparison_id}/{tool_id}/{decision}", response_class=HTMLResponse)
def link_vote_page(token: str, comparison_id: int, tool_id: int, decision: str, request: Request,
                   ctx: Ctx) -> Response:
    """The confirmation page of a vote link; changes nothing."""
    claim, issue_id = _link_claim(ctx, token, comparison_id, tool_id, decision)
    with ctx.autocommit.connect() as connection:
        ballot = _checked_ballot(connection, claim, issue_id=issue_id)
    return _page(request, "vote.html.j2", ballot=ballot, current=ballot.held)


@links.post("/v/{token}/{comparison_id}/{tool_id}/{decision}", response_class=HTMLResponse)
def link_vote_now(token: str, comparison_id: int, tool_id: int, decision: str, request: Request,
                  ctx: Ctx) -> Response:
    """Record (or change) the vote of a vote link and show the tool's community tally."""
    claim, issue_id = _link_claim(ctx, token, comparison_id, tool_id, decision)
    return _cast(request, ctx, claim, issue_id=issue_id)


@links.get("/vote/{token}", response_class=HTMLResponse)
def vote_page(token: str, request: Request, ctx: Ctx) -> Response:
    """The confirmation page naming the tool and the decision; changes nothing."""
    claim = _old_claim(ctx, token)
    with ctx.autocommit.connect() as connection:
        ballot = _checked_ballot(connection, claim)
    return _page(request, "vote.html.j2", ballot=ballot, current=ballot.held)


@links.post("/vote/{token}", response_class=HTMLResponse)
def vote_now(token: str, request: Request, ctx: Ctx) -> Response:
    """Record (or change) the vote and show the tool's community tally."""
    return _cast(request, ctx, _old_claim(ctx, token))


def _cast(request: Request, ctx: Context, claim: VoteClaim, *, issue_id: int | None = None) -> Response:
    with ctx.autocommit.connect() as connection:
        ballot = _checked_ballot(connection, claim, issue_id=issue_id)
        # Counted before the write, so a fresh count holds the old vote and not yet this one.
        tallies = request.app.state.web.catalog.vote_tallies(connection, (claim.comparison_id,))
        if ballot.held != ballot.decision:  # a repeated click changes nothing: no write
            web_queries.cast_vote(connection, subscriber_id=claim.subscriber_id,
                                  comparison_id=claim.comparison_id, tool_id=claim.tool_id,
                                  decision=ballot.decision.value, now=utcnow())
    tally = ballot.tally_after(tallies.get((claim.comparison_id, claim.tool_id), (0, 0)))
    return _page(request, "voted.html.j2", ballot=ballot, previous=ballot.held,
                 verdict=community_verdict(tally), percent=percent_label(tally))


def _link_claim(ctx: Context, token: str, comparison_id: int, tool_id: int, decision: str
                ) -> tuple[VoteClaim, int]:
    """The vote a /v/ link asks for, and the issue its token was made for; PageError 400 if the
    token is not ours."""
    try:
        link = read_link_token(ctx.settings.secret_key, token)
    except BadToken:
        raise _invalid_link() from None
    return VoteClaim(link.subscriber_id, comparison_id, tool_id, decision), link.issue_id


def _old_claim(ctx: Context, token: str) -> VoteClaim:
    """The vote an old /vote/ token carries; PageError 400 if it is not ours."""
    try:
        return read_vote_token(ctx.settings.secret_key, token)
    except BadToken:
        raise _invalid_link() from None


def _checked_ballot(connection: Connection, claim: VoteClaim, *, issue_id: int | None = None) -> Ballot:
    """The ballot of a verified claim; PageError 400 (bad decision, or a comparison of another issue
    than the link's), 404 (unknown), 403 (not active)."""
    try:
        decision = Decision(claim.decision)
    except ValueError:
        raise _invalid_link() from None
    row = web_queries.ballot_row(connection, subscriber_id=claim.subscriber_id,
                                 comparison_id=claim.comparison_id, tool_id=claim.tool_id)
    if row is not None and issue_id is not None and row.issue_id != issue_id:
        raise _invalid_link()  # a vote link of one issue re-pointed at another issue's comparison
    if row is None or row.subscriber_status is None or claim.tool_id not in row.tool_ids:
        raise PageError(404, "Vote not found", "This vote is not open any more.")
    if row.subscriber_status != SubscriberStatus.ACTIVE:
        raise PageError(403, "Only subscribers can vote",
                        "Votes count only from active subscribers of the newsletter.")
    return Ballot(claim, decision, row)


# --- archive and health --------------------------------------------------------------------------


@router.get("/issues/{week}", response_class=HTMLResponse)
def archive(week: str, ctx: Ctx) -> Response:
    """A sent issue as it was mailed, with every per-subscriber link made inert."""
    with session_scope(ctx.engine) as session:
        issue = queries.issue_for_week(session, week=week)
    if issue is None or issue.status != IssueStatus.SENT or not issue.rendered_html:
        raise PageError(404, "Issue not found", "There is no published issue for that week.")
    return HTMLResponse(_PLACEHOLDER.sub("#", issue.rendered_html))


@router.get("/healthz")
def healthz(ctx: Ctx) -> Response:
    """{"status": "ok"} when the database answers, else 503."""
    try:
        with ctx.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except SQLAlchemyError:
        log.exception("health check: the database does not answer")
        return JSONResponse({"status": "unavailable"}, status_code=503)
    return JSONResponse({"status": "ok"})


# --- pages ---------------------------------------------------------------------------------------


def _environment(*, newsletter: str) -> Environment:
    """Jinja2 over web/templates; autoescape on, since tool names are scraped text."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, auto_reload=False)  # see web.deps
    env.globals["newsletter"] = newsletter
    return env


def _page(request: Request, name: str, status: int = 200, **values: Any) -> HTMLResponse:
    """The template `name` rendered with `values`, as an uncached HTML response."""
    body = request.app.state.pages.get_template(name).render(**values)
    return HTMLResponse(body, status_code=status, headers=_PAGE_HEADERS)


def _invalid_link() -> PageError:
    return PageError(400, "This link is not valid",
                     "It may have been cut short or changed. Please use the link from your email.")


async def _page_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, PageError)
    return _page(request, "error.html.j2", exc.status, title=exc.title, message=exc.message)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    message = "There is nothing here." if exc.status_code == 404 else "This request is not served."
    response = _page(request, "error.html.j2", exc.status_code, title=_reason(exc.status_code),
                     message=message)
    response.headers.update(exc.headers or {})
    return response


async def _server_error(request: Request, exc: Exception) -> Response:
    # Starlette logs the exception itself; the reader sees no detail of it.
    return _page(request, "error.html.j2", 500, title="Something went wrong",
                 message="Please try the link again in a few minutes.")


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"
