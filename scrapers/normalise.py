"""Pure normalisation of scraped values: tool names, canonical URLs, safe text, UTC times."""

from __future__ import annotations

import calendar
import html
import re
import time
from datetime import UTC, datetime
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import nh3
from url_normalize import url_normalize

TRACKING_PARAMS = frozenset(
    {"ref", "ref_src", "source", "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid",
     "igshid", "yclid", "_hsenc", "_hsmi", "mkt_tok", "si"}
)
_PREFIXES = re.compile(r"^\s*(show hn|launch hn|ask hn|tell hn)\s*[:\-–—]\s*", re.IGNORECASE)
_TAGLINE_SEPARATORS = re.compile(r"\s+[-–—|]\s+|:\s+")
_WHITESPACE = re.compile(r"\s+")


def split_title(title: str) -> tuple[str, str | None]:
    """(tool name, tagline) from a launch title such as 'Show HN: Name – does a thing'."""
    cleaned = _PREFIXES.sub("", clean_text(title))
    parts = _TAGLINE_SEPARATORS.split(cleaned, maxsplit=1)
    name = parts[0].strip()
    tagline = parts[1].strip() if len(parts) > 1 and parts[1].strip() else None
    return (name or cleaned), tagline


def canonical_url(url: str | None) -> str | None:
    """The URL normalised (scheme, host, port, path) without tracking parameters or fragment."""
    if not url or not url.strip():
        return None
    normalised = url_normalize(url.strip())
    if not normalised or not normalised.startswith(("http://", "https://")):
        return None
    parts = urlsplit(normalised)
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not (key.lower().startswith("utm_") or key.lower() in TRACKING_PARAMS)
    ]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))


def host_of(url: str | None) -> str | None:
    """The URL's host without 'www.', lower-cased, or None."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or None


def clean_text(markup: str | None) -> str:
    """Plain text from untrusted HTML: tags and scripts dropped, entities decoded, spaces folded."""
    if not markup:
        return ""
    stripped = nh3.clean(markup, tags=set(), attributes={})
    return _WHITESPACE.sub(" ", html.unescape(stripped)).strip()


def struct_time_to_utc(value: time.struct_time | None) -> datetime | None:
    """A feedparser *_parsed time (always UTC) as an aware datetime, or None."""
    if value is None:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
    except (OverflowError, ValueError):
        return None
