"""Signed link tokens: a subscriber's unsubscribe and vote links cannot be forged or altered."""

from __future__ import annotations

from dataclasses import dataclass

from itsdangerous import BadSignature, URLSafeSerializer

UNSUBSCRIBE_SALT = "verdicts.unsubscribe"
VOTE_SALT = "verdicts.vote"


class BadToken(ValueError):
    """The token was not signed by us, or was altered."""


@dataclass(frozen=True)
class VoteClaim:
    subscriber_id: int
    comparison_id: int
    tool_id: int
    decision: str


def unsubscribe_token(secret: str, subscriber_id: int) -> str:
    """A URL-safe token naming the subscriber, signed with `secret`."""
    return URLSafeSerializer(secret, salt=UNSUBSCRIBE_SALT).dumps({"s": subscriber_id})


def read_unsubscribe_token(secret: str, token: str) -> int:
    """The subscriber id in a token; BadToken if it is forged or altered."""
    try:
        return int(URLSafeSerializer(secret, salt=UNSUBSCRIBE_SALT).loads(token)["s"])
    except (BadSignature, KeyError, TypeError, ValueError):
        raise BadToken("this unsubscribe link is not valid") from None


def vote_token(secret: str, claim: VoteClaim) -> str:
    """A URL-safe token for one subscriber's vote on one tool of one comparison."""
    payload = [claim.subscriber_id, claim.comparison_id, claim.tool_id, claim.decision]
    return URLSafeSerializer(secret, salt=VOTE_SALT).dumps(payload)


def read_vote_token(secret: str, token: str) -> VoteClaim:
    """The vote a token carries; BadToken if it is forged or altered."""
    try:
        s, c, t, d = URLSafeSerializer(secret, salt=VOTE_SALT).loads(token)
        return VoteClaim(int(s), int(c), int(t), str(d))
    except (BadSignature, TypeError, ValueError):
        raise BadToken("this vote link is not valid") from None
