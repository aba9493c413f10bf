"""Feeds (RSS, Atom, RDF) parsed with feedparser into launch records."""

from __future__ import annotations

import hashlib
from typing import Any

import feedparser

from scrapers.facts import is_ai_tool
from scrapers.normalise import canonical_url, clean_text, split_title, struct_time_to_utc
from scrapers.records import LaunchRecord

MAX_SUMMARY_CHARS = 5000


class ParseError(ValueError):
    """The body is not a feed we can read."""


def parse_feed(body: bytes, *, source: str) -> list[LaunchRecord]:
    """The launches in a feed body; ParseError when it is not a readable feed."""
    parsed = feedparser.parse(body)
    if parsed.bozo and not parsed.entries:
        reason = getattr(parsed, "bozo_exception", None) or "not a feed"
        raise ParseError(f"not a readable feed: {reason}")
    if not parsed.get("version") and not parsed.entries:
        raise ParseError("not a feed (no RSS, Atom or RDF root element)")
    return [record for entry in parsed.entries if (record := to_launch(entry, source=source))]


def to_launch(entry: Any, *, source: str) -> LaunchRecord | None:
    """One feed entry as a launch record, or None when it has neither title nor link."""
    title = clean_text(entry.get("title"))
    link = canonical_url(entry.get("link"))
    if not title and not link:
        return None
    name, tagline = split_title(title or link or "")
    summary = clean_text(_summary_markup(entry))[:MAX_SUMMARY_CHARS] or None
    return LaunchRecord(
        source=source,
        guid=_guid(entry, link, title),
        title=title or name,
        tool_name=name[:300],
        tagline=tagline,
        url=link,
        summary=summary,
        published_at=struct_time_to_utc(entry.get("published_parsed") or entry.get("updated_parsed")),
        is_ai_tool=is_ai_tool(title, summary or ""),
    )


def _summary_markup(entry: Any) -> str:
    contents = entry.get("content") or []
    if contents and contents[0].get("value"):
        return str(contents[0]["value"])
    return str(entry.get("summary") or "")


def _guid(entry: Any, link: str | None, title: str) -> str:
    guid = entry.get("id") or link
    if guid:
        return str(guid)[:1000]
    return "sha1:" + hashlib.sha1(title.encode("utf-8")).hexdigest()
