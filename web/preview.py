"""The desk's preview of an email: the exact HTML and text, with each per-subscriber placeholder
turned into a working desk link that says what the real link does, and the size as sent."""

from __future__ import annotations

import html
import re

from emails.delivery import TOKEN_MARKER
from emails.personalise import fill_placeholders
from emails.render import GMAIL_CLIP_BYTES
from emails.tokens import link_token
from verdicts.settings import Settings

_VOTE = re.compile(r"%%vote:(\d+):(\d+):(ship|skip)%%")
_UNSUBSCRIBE = "%%unsubscribe_url%%"
_ANY = re.compile(r"%%[A-Za-z0-9_.:-]+%%")
SAMPLE_SUBSCRIBER_ID = 2_000_000_000  # as long an id as a real list gets: links as long as real ones


def with_desk_links(body: str, *, issue_id: int, escape: bool) -> str:
    """`body` with placeholders replaced by links to the desk's explanation of each."""
    base = f"/desk/issues/{issue_id}/links"
    wrap = html.escape if escape else str
    body = _VOTE.sub(lambda m: wrap(f"{base}/vote/{m[1]}/{m[2]}/{m[3]}"), body)
    body = body.replace(_UNSUBSCRIBE, wrap(f"{base}/unsubscribe"))
    return _ANY.sub(lambda m: wrap(f"{base}/unknown"), body)


def with_base_target(html_body: str) -> str:
    """The HTML with links opening outside the preview's frame."""
    return re.sub(r"(<head[^>]*>)", r'\1<base target="_blank">', html_body, count=1, flags=re.IGNORECASE)


def sent_size(html_body: str, settings: Settings, *, issue_id: int = SAMPLE_SUBSCRIBER_ID) -> int:
    """The HTML's size in bytes once personalised for one subscriber (what Gmail measures)."""
    token = link_token(settings.secret_key, SAMPLE_SUBSCRIBER_ID, issue_id)
    personal = fill_placeholders(html_body, settings.public_base_url).replace(TOKEN_MARKER, token)
    return len(personal.encode("utf-8"))


def clip_share(size: int) -> int:
    """The size as a whole percent of Gmail's clipping threshold."""
    return round(100 * size / GMAIL_CLIP_BYTES)
