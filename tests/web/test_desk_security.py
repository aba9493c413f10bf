"""The desk's sign-in, attacked: only a live session cookie of an existing editor, in its current
epoch, opens any desk page; forged, tampered, expired and re-purposed cookies open none."""

from __future__ import annotations

import re
import time

from fastapi.routing import APIRoute
from itsdangerous import TimestampSigner, URLSafeTimedSerializer
from sqlmodel import Session, select

from db.models import Editor
from tests.web.sitekit import serve, sqlite_only
from tests.web.test_browser import every_route
from tests.web.test_desk import EDITOR, editor, plain_http, quick_hashes  # noqa: F401
from web import create_app, tokens
from web.deps import DESK_COOKIE

pytestmark = sqlite_only


class DaysAgo(TimestampSigner):
    """Signs as if two days ago: past the desk's session lifetime."""

    def get_timestamp(self) -> int:
        return int(time.time()) - 2 * 24 * 3600


def signed(secret: str, salt: str, payload: object, signer: type[TimestampSigner] = TimestampSigner) -> str:
    return URLSafeTimedSerializer(secret, salt=salt, signer=signer).dumps(payload)


def desk_gets(app) -> list[str]:
    """Every GET page of the desk but the sign-in form, its parameters filled."""
    filled = {"issue_id": "1", "kind": "vote", "comparison_id": "1", "tool_id": "1", "decision": "ship",
              "subscriber_id": "1"}
    return [re.sub(r"{(\w+)}", lambda m: filled[m[1]], path)
            for path, route in every_route(app.routes)
            if isinstance(route, APIRoute) and "GET" in route.methods and path.startswith("/desk")
            and path != "/desk/login"]


def test_every_desk_page_sends_a_visitor_without_a_session_to_sign_in(settings, editor):  # noqa: F811
    app = create_app(settings)
    paths = desk_gets(app)
    assert len(paths) >= 9
    with serve(app) as http:
        for path in paths:
            response = http.get(path, follow_redirects=False)
            assert response.status_code == 303, path
            assert response.headers["location"].startswith("/desk/login"), path


def test_only_a_live_session_of_an_existing_editor_opens_the_desk(settings, engine, editor):  # noqa: F811
    with Session(engine) as session:
        editor_id = session.exec(select(Editor.id).where(Editor.email == EDITOR)).one()
    secret, salt = settings.secret_key, tokens.DESK_SESSION_SALT
    good = tokens.desk_session_token(secret, editor_id, 0)
    refused = {
        "forged with another key": signed("not-our-secret", salt, [editor_id, 0]),
        "tampered": good[:-4] + ("AAAA" if not good.endswith("AAAA") else "BBBB"),
        "expired": signed(secret, salt, [editor_id, 0], DaysAgo),
        "a CSRF token re-purposed": signed(secret, tokens.CSRF_SALT, [editor_id, 0]),
        "a preferences link re-purposed": tokens.preferences_token(secret, editor_id, EDITOR),
        "an editor who does not exist": tokens.desk_session_token(secret, editor_id + 1, 0),
        "an ended session epoch": tokens.desk_session_token(secret, editor_id, 1),
        "not a pair": signed(secret, salt, {"id": editor_id}),
    }
    with serve(create_app(settings)) as http:
        for why, cookie in refused.items():
            http.cookies.clear()
            http.cookies.set(DESK_COOKIE, cookie)
            response = http.get("/desk", follow_redirects=False)
            assert response.status_code == 303, why
            assert "Traceback" not in response.text
        http.cookies.clear()
        http.cookies.set(DESK_COOKIE, good)
        page = http.get("/desk", follow_redirects=False)
        assert page.status_code == 200 and EDITOR in page.text
