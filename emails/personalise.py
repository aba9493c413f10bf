"""One rendered issue made into the letter every recipient gets, and each recipient's links.

The renderer leaves placeholders where links differ per subscriber (`%%unsubscribe_url%%`,
`%%vote:C:T:D%%`). `letter_for` turns each into its final URL around a single token marker, once
per send: `https://…/u/%%token%%`, `https://…/v/%%token%%/C/T/ship`. A recipient's copy then costs
one signature and one replace (SendGrid does the replace itself, from one substitution).
"""

from __future__ import annotations

import re
from email.utils import formataddr

from emails.delivery import TOKEN_MARKER, Letter
from emails.tokens import VoteClaim, unsubscribe_token, vote_token
from emails.view import UNSUBSCRIBE_PLACEHOLDER
from verdicts.settings import Settings

_VOTE = re.compile(r"%%vote:(\d+):(\d+):(ship|skip)%%")
TEST_PREFIX = "[TEST] "


def unsubscribe_link(base_url: str, token: str = TOKEN_MARKER) -> str:
    """The one-click unsubscribe URL for a link token (default: the marker)."""
    return f"{base_url.rstrip('/')}/u/{token}"


def vote_link(base_url: str, comparison_id: int, tool_id: int, decision: str,
              token: str = TOKEN_MARKER) -> str:
    """The URL that casts one vote, for a link token (default: the marker)."""
    return f"{base_url.rstrip('/')}/v/{token}/{comparison_id}/{tool_id}/{decision}"


def fill_placeholders(body: str, base_url: str) -> str:
    """`body` with every per-subscriber placeholder turned into its URL around the token marker."""
    body = body.replace(UNSUBSCRIBE_PLACEHOLDER, unsubscribe_link(base_url))
    return _VOTE.sub(lambda m: vote_link(base_url, int(m[1]), int(m[2]), m[3]), body)


def letter_for(
    *, settings: Settings, issue_id: int, subject: str, html: str, text: str, week: str, test: bool = False,
) -> Letter:
    """The letter of one issue as stored (its rendered subject, HTML and text)."""
    base = settings.public_base_url
    return Letter(
        issue_id=issue_id,
        sender=formataddr((settings.sender_name, settings.sender_email)),
        subject=(TEST_PREFIX + subject) if test else subject,
        html=fill_placeholders(html, base),
        text=fill_placeholders(text, base),
        unsubscribe_url=unsubscribe_link(base),
        list_id=settings.resolved_list_id(),
        categories=("newsletter", week),
        test=test,
    )


# --- the first issues' links (itsdangerous tokens), still served by the web app --------------------


def unsubscribe_url(settings: Settings, subscriber_id: int) -> str:
    """A subscriber's old-style one-click unsubscribe URL (`/unsubscribe/TOKEN`)."""
    base = settings.public_base_url.rstrip("/")
    return f"{base}/unsubscribe/{unsubscribe_token(settings.secret_key, subscriber_id)}"


def vote_url(settings: Settings, claim: VoteClaim) -> str:
    """An old-style link to cast one vote (`/vote/TOKEN`)."""
    return f"{settings.public_base_url.rstrip('/')}/vote/{vote_token(settings.secret_key, claim)}"
