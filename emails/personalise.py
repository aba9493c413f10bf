"""One rendered issue made into one subscriber's message: their links, their headers."""

from __future__ import annotations

import html
import re
from email.utils import formataddr

from emails.delivery import OutgoingEmail
from emails.tokens import VoteClaim, unsubscribe_token, vote_token
from emails.view import UNSUBSCRIBE_PLACEHOLDER
from verdicts.settings import Settings

_VOTE = re.compile(r"%%vote:(\d+):(\d+):(ship|skip)%%")


def unsubscribe_url(settings: Settings, subscriber_id: int) -> str:
    """The subscriber's one-click unsubscribe URL."""
    base = settings.public_base_url.rstrip("/")
    return f"{base}/unsubscribe/{unsubscribe_token(settings.secret_key, subscriber_id)}"


def vote_url(settings: Settings, claim: VoteClaim) -> str:
    """The subscriber's link to cast one vote."""
    return f"{settings.public_base_url.rstrip('/')}/vote/{vote_token(settings.secret_key, claim)}"


def fill_links(body: str, *, settings: Settings, subscriber_id: int, escape: bool) -> str:
    """`body` with every placeholder replaced by the subscriber's signed URL."""
    wrap = html.escape if escape else str

    def vote(match: re.Match[str]) -> str:
        claim = VoteClaim(subscriber_id, int(match[1]), int(match[2]), match[3])
        return wrap(vote_url(settings, claim))

    body = body.replace(UNSUBSCRIBE_PLACEHOLDER, wrap(unsubscribe_url(settings, subscriber_id)))
    return _VOTE.sub(vote, body)


def personalise(
    *, settings: Settings, delivery_id: int, subscriber_id: int, to: str,
    subject: str, html_body: str, text_body: str,
) -> OutgoingEmail:
    """The message for one subscriber, with List-Unsubscribe headers for one-click unsubscribe."""
    link = unsubscribe_url(settings, subscriber_id)
    return OutgoingEmail(
        delivery_id=delivery_id,
        sender=formataddr((settings.sender_name, settings.sender_email)),
        to=to,
        subject=subject,
        html=fill_links(html_body, settings=settings, subscriber_id=subscriber_id, escape=True),
        text=fill_links(text_body, settings=settings, subscriber_id=subscriber_id, escape=False),
        headers={
            "List-Unsubscribe": f"<{link}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
