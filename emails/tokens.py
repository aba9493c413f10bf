"""Signed link tokens: a subscriber's links cannot be forged or altered.

Today's links carry one token per recipient and issue, `link_token(secret, subscriber, issue)`,
signed once with HMAC-SHA256; the link's path says the action (`/u/TOKEN` unsubscribes,
`/v/TOKEN/COMPARISON/TOOL/ship` votes). One signature per recipient keeps personalising a million
messages cheap, and lets SendGrid carry every link of a message in one substitution.

The itsdangerous tokens of the first issues (`/unsubscribe/…`, `/vote/…`) are still read, so links
already sent keep working.
"""

from __future__ import annotations

import base64
import functools
import hmac
import re
from dataclasses import dataclass

from itsdangerous import BadSignature, URLSafeSerializer

UNSUBSCRIBE_SALT = "verdicts.unsubscribe"
VOTE_SALT = "verdicts.vote"
LINK_PURPOSE = b"verdicts.link.v1"  # domain separation: this key signs links and nothing else
_SIGNATURE_BYTES = 16  # 128 bits, 22 characters of base64url
_LINK_TOKEN = re.compile(r"([1-9][0-9]{0,18})\.([1-9][0-9]{0,18})\.([A-Za-z0-9_-]{22})")


class BadToken(ValueError):
    """The token was not signed by us, or was altered."""


@dataclass(frozen=True)
class VoteClaim:
    subscriber_id: int
    comparison_id: int
    tool_id: int
    decision: str


@dataclass(frozen=True)
class LinkClaim:
    """Who a link token was made for: one subscriber, in one issue."""

    subscriber_id: int
    issue_id: int


@functools.lru_cache(maxsize=8)
def _link_key(secret: str) -> bytes:
    return hmac.digest(secret.encode("utf-8"), LINK_PURPOSE, "sha256")


def _signature(key: bytes, subscriber_id: int, issue_id: int) -> str:
    mac = hmac.digest(key, f"{subscriber_id}.{issue_id}".encode(), "sha256")[:_SIGNATURE_BYTES]
    return base64.urlsafe_b64encode(mac).rstrip(b"=").decode("ascii")


def link_token(secret: str, subscriber_id: int, issue_id: int) -> str:
    """The token every link of one subscriber's copy of one issue carries: 'S.I.SIGNATURE'."""
    return f"{subscriber_id}.{issue_id}.{_signature(_link_key(secret), subscriber_id, issue_id)}"


def link_tokens(secret: str, subscriber_ids: list[int], issue_id: int) -> list[str]:
    """`link_token` for many subscribers of one issue (the key derived once)."""
    key = _link_key(secret)
    return [f"{s}.{issue_id}.{_signature(key, s, issue_id)}" for s in subscriber_ids]


def read_link_token(secret: str, token: str) -> LinkClaim:
    """The subscriber and issue a link token names; BadToken if it is malformed, forged or altered."""
    match = _LINK_TOKEN.fullmatch(token)
    if match is None:
        raise BadToken("this link is not valid")
    subscriber_id, issue_id = int(match[1]), int(match[2])
    expected = _signature(_link_key(secret), subscriber_id, issue_id)
    if not hmac.compare_digest(expected, match[3]):
        raise BadToken("this link is not valid")
    return LinkClaim(subscriber_id, issue_id)


# --- the first issues' tokens, still honoured ------------------------------------------------------


@functools.lru_cache(maxsize=16)
def _serializer(secret: str, salt: str) -> URLSafeSerializer:
    """One serializer per secret and purpose (it holds no state between calls)."""
    return URLSafeSerializer(secret, salt=salt)


def unsubscribe_token(secret: str, subscriber_id: int) -> str:
    """A URL-safe token naming the subscriber, signed with `secret` (the old `/unsubscribe/` links)."""
    return _serializer(secret, UNSUBSCRIBE_SALT).dumps({"s": subscriber_id})


def read_unsubscribe_token(secret: str, token: str) -> int:
    """The subscriber id in a token; BadToken if it is forged or altered."""
    try:
        return int(_serializer(secret, UNSUBSCRIBE_SALT).loads(token)["s"])
    except (BadSignature, KeyError, TypeError, ValueError):
        raise BadToken("this unsubscribe link is not valid") from None


def vote_token(secret: str, claim: VoteClaim) -> str:
    """A URL-safe token for one subscriber's vote on one tool of one comparison (old `/vote/` links)."""
    payload = [claim.subscriber_id, claim.comparison_id, claim.tool_id, claim.decision]
    return _serializer(secret, VOTE_SALT).dumps(payload)


def read_vote_token(secret: str, token: str) -> VoteClaim:
    """The vote a token carries; BadToken if it is forged or altered."""
    try:
        s, c, t, d = _serializer(secret, VOTE_SALT).loads(token)
        return VoteClaim(int(s), int(c), int(t), str(d))
    except (BadSignature, TypeError, ValueError):
        raise BadToken("this vote link is not valid") from None
