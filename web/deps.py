"""What the site's routers share: the app's state, page rendering, the client's address, CSRF
checks, and the signed-in editor."""

from __future__ import annotations

import functools
import re
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import Depends, FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from sqlalchemy.engine import Engine

from db import web_queries
from db.engine import session_scope
from db.models import Editor
from verdicts.production import ensure_desk_usable
from verdicts.settings import Settings
from web import tokens
from web.ratelimit import RateLimits
from web.security import SecurityHeaders, security_headers, template_style_hashes
from web.site import Catalog

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"

CSRF_COOKIE = "verdicts_csrf"
CSRF_FIELD = "csrf_token"
CSRF_MAX_AGE = 24 * 3600  # a form left open longer asks to be reloaded
DESK_COOKIE = "verdicts_desk"


@dataclass(frozen=True)
class WebState:
    """The site's share of the app: settings, database, templates, limits, the page cache."""

    settings: Settings
    engine: Engine
    pages: Environment
    limits: RateLimits
    catalog: Catalog

    @functools.cached_property
    def autocommit(self) -> Engine:
        """The engine in autocommit mode, for pages that only read: no BEGIN/COMMIT round trips."""
        return self.engine.execution_options(isolation_level="AUTOCOMMIT")

    @property
    def secure_cookies(self) -> bool:
        return self.settings.public_base_url.startswith("https://")


class LoginRequired(Exception):
    """The desk was asked for without a valid session."""


def install(app: FastAPI, settings: Settings, engine: Engine) -> None:
    """Give `app` the site's state, security headers, static files and login redirects; in
    production, refuse a desk with no editor account (ProductionConfigError)."""
    ensure_desk_usable(settings, engine)
    limits = RateLimits.from_settings(settings, engine)
    catalog = Catalog(settings.public_base_url)
    app.state.web = WebState(settings, engine, _environment(settings), limits, catalog)
    hashes = template_style_hashes([TEMPLATES])
    https = settings.public_base_url.startswith("https://")
    app.add_middleware(SecurityHeaders, headers=security_headers(hashes, https=https))
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_exception_handler(LoginRequired, _to_login)
    app.router.on_startup.append(lambda: _match_threads_to_pool(engine))


def _match_threads_to_pool(engine: Engine) -> None:
    """Run at most as many requests at once as the connection pool holds connections.

    Every route is a sync function that takes one pooled connection. With more threads than
    connections, the pool opens and closes an overflow connection per request (on PostgreSQL a new
    backend process each time), which costs more than the request; a request waiting for a thread
    costs nothing."""
    import anyio.to_thread

    size = getattr(engine.pool, "size", lambda: 0)()
    if size > 0:
        anyio.to_thread.current_default_thread_limiter().total_tokens = size


def _environment(settings: Settings) -> Environment:
    # auto_reload off: templates change only with a deploy, and checking each one's mtime on every
    # render is a stat() per page.
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, auto_reload=False)
    env.globals.update(newsletter=settings.sender_name, desk_enabled=settings.desk_enabled)
    env.filters["xml"] = xml_text
    return env


_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(value: object) -> str:
    """The text without the characters XML 1.0 forbids (a feed with one is unreadable)."""
    return _NOT_XML.sub("", str(value))


def web_state(request: Request) -> WebState:
    """The site's state of the app serving `request`."""
    return request.app.state.web  # type: ignore[no-any-return]


async def _web_dependency(request: Request) -> WebState:
    # async: FastAPI runs a plain-def dependency in the thread pool, a hop per request for a lookup.
    return web_state(request)


Web = Annotated[WebState, Depends(_web_dependency)]


def client_ip(request: Request) -> str:
    """The client's address (behind a proxy, uvicorn's --proxy-headers puts the real one here)."""
    return request.client.host if request.client else "unknown"


def user_agent(request: Request) -> str | None:
    """The client's User-Agent, cut to 500 characters."""
    value = request.headers.get("user-agent")
    return value[:500] if value else None


# --- pages ---------------------------------------------------------------------------------------


def render(
    request: Request, name: str, status_code: int = 200, *, binding: str = "",
    headers: dict[str, str] | None = None, **values: Any,
) -> HTMLResponse:
    """The template `name` as an HTML response; forms in it get a CSRF token bound to `binding`."""
    state = web_state(request)
    nonce, new = _csrf_nonce(request)
    token = tokens.csrf_form_token(state.settings.secret_key, nonce, binding)
    body = state.pages.get_template(name).render(request_path=request.url.path, csrf_field=CSRF_FIELD,
                                                 csrf_token=token, **values)
    response = HTMLResponse(body, status_code=status_code, headers=headers)
    if new:
        response.set_cookie(CSRF_COOKIE, nonce, httponly=True, samesite="lax", secure=state.secure_cookies,
                            path="/")
    return response


_TOKEN_MARK = "__verdicts_csrf_token__"  # where a cached page gets this visitor's token


def render_cached(
    request: Request, name: str, key: tuple[object, ...], *, headers: dict[str, str] | None = None,
    **values: Any,
) -> HTMLResponse:
    """Like render, for a page that depends only on `key` (and the path): rendered once per key,
    each visitor's CSRF token put in afterwards."""
    state = web_state(request)
    nonce, new = _csrf_nonce(request)
    token = tokens.csrf_form_token(state.settings.secret_key, nonce, "")
    full_key = (name, request.url.path, *key)
    body = state.catalog.pages.get(full_key)
    if body is None:
        body = state.pages.get_template(name).render(request_path=request.url.path, csrf_field=CSRF_FIELD,
                                                     csrf_token=_TOKEN_MARK, **values)
        state.catalog.pages.put(full_key, body)
    response = HTMLResponse(body.replace(_TOKEN_MARK, token), headers=headers)
    if new:
        response.set_cookie(CSRF_COOKIE, nonce, httponly=True, samesite="lax", secure=state.secure_cookies,
                            path="/")
    return response


def _csrf_nonce(request: Request) -> tuple[str, bool]:
    """The CSRF cookie's nonce, or a new one (True) to be set with the response."""
    nonce = request.cookies.get(CSRF_COOKIE, "")
    if 20 <= len(nonce) <= 100:
        return nonce, False
    return secrets.token_urlsafe(24), True


def ensure_csrf(request: Request, form: Any, *, binding: str = "") -> None:
    """Return if the form's token matches the CSRF cookie (and `binding`); PageError 403 if not."""
    from web.app import PageError

    state = web_state(request)
    token = str(form.get(CSRF_FIELD) or "")
    nonce = request.cookies.get(CSRF_COOKIE, "")
    if not (nonce and token and tokens.is_csrf_valid(state.settings.secret_key, token, nonce=nonce,
                                                     binding=binding, max_age=CSRF_MAX_AGE)):
        raise PageError(403, "This form has expired",
                        "It was open too long or was sent from another site. Reload the page and try again.")


# --- the signed-in editor ------------------------------------------------------------------------


def current_editor(request: Request) -> Editor:
    """The editor whose session cookie came with `request`; LoginRequired if none is valid."""
    state = web_state(request)
    cookie = request.cookies.get(DESK_COOKIE)
    if not cookie or not state.settings.desk_enabled:
        raise LoginRequired
    try:
        editor_id, epoch = tokens.read_desk_session(state.settings.secret_key, cookie,
                                                    max_age=state.settings.desk_session_hours * 3600)
    except tokens.LinkError:
        raise LoginRequired from None
    with session_scope(state.engine) as session:
        editor = web_queries.get_editor(session, editor_id=editor_id)
    if editor is None or editor.session_epoch != epoch:
        raise LoginRequired
    return editor


CurrentEditor = Annotated[Editor, Depends(current_editor)]


def desk_binding(editor: Editor) -> str:
    """What the desk's CSRF tokens are bound to: this editor's current session epoch."""
    return f"desk:{editor.id}:{editor.session_epoch}"


async def _to_login(request: Request, exc: Exception) -> Response:
    """GET: to the login page, coming back here after; anything else: 401."""
    if request.method == "GET":
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        response: Response = RedirectResponse(f"/desk/login?next={quote(target, safe='')}", status_code=303)
    else:
        response = render(request, "site/message.html.j2", 401, title="Please sign in",
                          message="Your desk session has ended. Sign in again and repeat the action.",
                          link=("/desk/login", "Sign in"))
    response.headers["Cache-Control"] = "no-store"
    response.delete_cookie(DESK_COOKIE, path="/desk")
    return response
