"""Signed, expiring tokens for the links and cookies the web app issues (itsdangerous).

Each purpose has its own salt, so a token made for one action is refused by every other: a confirm
link cannot change an address, a preferences link cannot confirm anything, a cookie is no link.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
from dataclasses import dataclass

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

CONFIRM_SALT = "verdicts.web.confirm"
ADDRESS_SALT = "verdicts.web.change-address"
PREFERENCES_SALT = "verdicts.web.preferences"
DESK_SESSION_SALT = "verdicts.web.desk-session"
CSRF_SALT = "verdicts.web.csrf"


class LinkError(ValueError):
    """A token that is forged, altered, for another purpose, or (`expired`) too old."""

    def __init__(self, message: str, *, expired: bool = False) -> None:
        super().__init__(message)
        self.expired = expired


@dataclass(frozen=True)
class RequestClaim:
    """A confirm or change-of-address link: which subscriber, which consent record."""

    subscriber_id: int
    consent_id: int


@functools.lru_cache(maxsize=16)
def _serializer(secret: str, salt: str) -> URLSafeTimedSerializer:
    """One serializer per secret and purpose (it holds no state between calls)."""
    return URLSafeTimedSerializer(secret, salt=salt)


def _load(secret: str, salt: str, token: str, max_age: float) -> object:
    try:
        return _serializer(secret, salt).loads(token, max_age=int(max_age))
    except SignatureExpired:
        raise LinkError("this link has expired", expired=True) from None
    except BadSignature:
        raise LinkError("this link is not valid") from None


def request_token(secret: str, claim: RequestClaim, *, purpose: str) -> str:
    """A URL-safe token for one consent request; `purpose` is CONFIRM_SALT or ADDRESS_SALT."""
    return _serializer(secret, purpose).dumps([claim.subscriber_id, claim.consent_id])


def read_request_token(secret: str, token: str, *, purpose: str, max_age: float) -> RequestClaim:
    """The claim a token carries; LinkError if forged, for another purpose, or older than `max_age` s."""
    payload = _load(secret, purpose, token, max_age)
    try:
        subscriber_id, consent_id = payload  # type: ignore[misc]
        return RequestClaim(int(subscriber_id), int(consent_id))
    except (TypeError, ValueError):
        raise LinkError("this link is not valid") from None


def address_digest(secret: str, address: str) -> str:
    """A short keyed digest of an address: binds a link to the address it was sent to."""
    return hmac.new(secret.encode(), address.encode(), hashlib.sha256).hexdigest()[:16]


def preferences_token(secret: str, subscriber_id: int, address: str) -> str:
    """A token for the subscriber's preferences page, void once their address changes."""
    return _serializer(secret, PREFERENCES_SALT).dumps([subscriber_id, address_digest(secret, address)])


def read_preferences_token(secret: str, token: str, *, max_age: float) -> tuple[int, str]:
    """(subscriber id, address digest); LinkError if forged, re-purposed or expired."""
    payload = _load(secret, PREFERENCES_SALT, token, max_age)
    try:
        subscriber_id, digest = payload  # type: ignore[misc]
        return int(subscriber_id), str(digest)
    except (TypeError, ValueError):
        raise LinkError("this link is not valid") from None


def desk_session_token(secret: str, editor_id: int, epoch: int) -> str:
    """The desk's session cookie value: the editor and the session epoch it was issued in."""
    return _serializer(secret, DESK_SESSION_SALT).dumps([editor_id, epoch])


def read_desk_session(secret: str, token: str, *, max_age: float) -> tuple[int, int]:
    """(editor id, epoch) of a session cookie; LinkError if forged or expired."""
    payload = _load(secret, DESK_SESSION_SALT, token, max_age)
    try:
        editor_id, epoch = payload  # type: ignore[misc]
        return int(editor_id), int(epoch)
    except (TypeError, ValueError):
        raise LinkError("this session is not valid") from None


def csrf_form_token(secret: str, nonce: str, binding: str = "") -> str:
    """The form field matching a CSRF cookie's nonce (and, on the desk, the editor's session)."""
    return _serializer(secret, CSRF_SALT).dumps([nonce, binding])


def is_csrf_valid(secret: str, token: str, *, nonce: str, binding: str, max_age: float) -> bool:
    """Whether a form's token matches the cookie's nonce and the binding, and is young enough."""
    try:
        got_nonce, got_binding = _load(secret, CSRF_SALT, token, max_age)  # type: ignore[misc]
    except (LinkError, TypeError, ValueError):
        return False
    return hmac.compare_digest(str(got_nonce), nonce) and hmac.compare_digest(str(got_binding), binding)
