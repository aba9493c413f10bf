"""fastfeedparser for the well-formed UTF-8 feeds, read into what scrapers.feeds takes from
feedparser's result; None wherever feedparser must read the body instead (issue 9: the parser
was half of the ingest stage).

Only what feeds.py reads is mapped: per entry title, link, id, comments, content, summary, tags
and the published/updated times as UTC struct_time; the feed's RSS <ttl>. Anything this cannot
map as feedparser would (a body it rejects, an encoding other than UTF-8, an entry missing the
fields) gives None, and feedparser reads the body: the records stay the same either way."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import fastfeedparser
from lxml import etree

# The XML declaration's encoding, if any: only UTF-8 (or none, which XML reads as UTF-8) is ours.
_DECLARED_ENCODING = re.compile(rb"^\s*<\?xml[^>]*\bencoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._-]+)", re.IGNORECASE)
_UTF8 = {"utf-8", "utf8"}
# fastfeedparser repairs broken XML its own way, where feedparser reads on and warns: a body that is
# not well-formed is feedparser's, so that the records and the warning stay feedparser's.
_STRICT = etree.XMLParser(recover=False, resolve_entities=False, no_network=True, collect_ids=False)
# <ttl> is not in fastfeedparser's result; the channel's own, before any item, is the one read.
_TTL = re.compile(rb"<ttl>\s*([^<]*?)\s*</ttl>")
_FIRST_ITEM = re.compile(rb"<(?:item|entry)[\s>]")


@dataclass
class Parsed:
    """The part of feedparser's result that scrapers.feeds reads."""

    entries: list[dict[str, Any]]
    feed: dict[str, Any] = field(default_factory=dict)
    version: str = "fastfeedparser"
    bozo: bool = False

    def get(self, key: str, default: Any = None) -> Any:
        return getattr(self, key, default)


def parse(body: bytes, content_type: str | None = None) -> Parsed | None:
    """The feed read with fastfeedparser, or None when feedparser must read it."""
    if not _is_utf8(body, content_type) or not _well_formed(body):
        return None
    try:
        parsed = fastfeedparser.parse(body, include_media=False, include_enclosures=False)
    except Exception:  # noqa: BLE001  (anything it rejects is feedparser's to read or refuse)
        return None
    entries = [_entry(raw) for raw in parsed.get("entries") or ()]
    if not entries or any(entry is None for entry in entries):
        return None
    feed = parsed.get("feed") or {}
    return Parsed(entries, {"ttl": _ttl(body), "title": feed.get("title")})


def _is_utf8(body: bytes, content_type: str | None) -> bool:
    """Whether the body is UTF-8 by every account: header, declaration and bytes."""
    if body.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    charset = _CHARSET.search(content_type or "")
    declared = _DECLARED_ENCODING.match(body)
    named = [charset[1].lower()] if charset else []
    named += [declared[1].decode().lower()] if declared else []
    if any(name not in _UTF8 for name in named):
        return False
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _well_formed(body: bytes) -> bool:
    try:
        etree.fromstring(body, parser=_STRICT)
    except etree.XMLSyntaxError:
        return False
    return True


def _ttl(body: bytes) -> str | None:
    item = _FIRST_ITEM.search(body)
    found = _TTL.search(body, 0, item.start() if item else len(body))
    return found[1].decode() if found else None


def _entry(raw: dict[str, Any]) -> dict[str, Any] | None:
    """One entry as feeds.to_launch reads it, or None when it cannot be mapped."""
    published, updated = _utc(raw.get("published")), _utc(raw.get("updated"))
    if (raw.get("published") and published is None) or (raw.get("updated") and updated is None):
        return None
    return {
        "title": raw.get("title"),
        "link": raw.get("link"),
        "id": raw.get("id"),
        "comments": raw.get("comments"),
        "content": raw.get("content") or [],
        "summary": raw.get("description"),
        "tags": raw.get("tags") or [],
        "published_parsed": published,
        "updated_parsed": updated,
    }


def _utc(value: object) -> time.struct_time | None:
    """An ISO 8601 time as feedparser gives its *_parsed times: a UTC struct_time."""
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).timetuple()
