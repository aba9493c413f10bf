"""Feeds (RSS, Atom, RDF) parsed with fastfeedparser or feedparser into launch records."""

from __future__ import annotations

import hashlib
import html
import io
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import feedparser

from scrapers import fastparse, isolation
from scrapers.classify import Origin, Verdict, classify, is_ai_product, origin_of
from scrapers.facts import is_ai_tool
from scrapers.normalise import (
    canonical_url,
    clean_text,
    host_of,
    split_title,
    strip_boilerplate,
    struct_time_to_utc,
    truncate,
)
from scrapers.records import LaunchRecord
from scrapers.resolve import name_key, product_key

MAX_SUMMARY_CHARS = 5000
MAX_TITLE_CHARS = 500
MAX_NAME_CHARS = 200
MAX_TAGLINE_CHARS = 500
MAX_GUID_CHARS = 1000
# Markup beyond this many characters cannot add to a summary capped at MAX_SUMMARY_CHARS
# (tags and attributes outweigh text in every real body), so the sanitiser never sees it.
MAX_MARKUP_CHARS = 8 * MAX_SUMMARY_CHARS

# github.com/OWNER/REPO/releases/tag/TAG: a release of the tool REPO.
_GITHUB_RELEASE = re.compile(r"https://github\.com/[^/]+/([^/]+)/releases/tag/")
# A title that is only a version, as in a releases feed: "0.0.1-alpha.5", "v2.1.0".
_BARE_VERSION = re.compile(r"v?\d[0-9a-z]*(?:[-+._][0-9a-z]+)*", re.IGNORECASE)
# Links in an entry's content, read without an HTML parser: only the href and the anchor's text
# are wanted, and both go through canonical_url / clean_text afterwards.
_ANCHOR = re.compile(r"<a\b[^>]*?\bhref\s*=\s*(?:\"([^\"]*)\"|'([^']*)')[^>]*>(.*?)</a\s*>",
                     re.IGNORECASE | re.DOTALL)
# Product Hunt's "[Website]" (its mirrors) or "Link" (its own feed): the product's site
_WEBSITE_ANCHOR = re.compile(r"^\[?(?:website|link|visit(?: website)?|homepage)\]?$", re.IGNORECASE)


class ParseError(ValueError):
    """The body is not a feed we can read."""


@dataclass(frozen=True)
class FeedReading:
    """A feed's launches, and what was wrong with the feed if it was read in spite of errors."""

    records: list[LaunchRecord]
    warning: str | None = None
    ttl_minutes: float | None = None  # RSS <ttl>: how long the publisher says the feed stays fresh
    errors: tuple[isolation.EntryError, ...] = ()  # entries skipped, each with its reason
    entries: int | None = None  # entries in the body, read or not (default: the records)

    @property
    def entry_count(self) -> int:
        """How many entries the body held, the skipped ones included."""
        return self.entries if self.entries is not None else len(self.records) + len(self.errors)


def parse_feed(body: bytes, *, source: str, content_type: str | None = None) -> list[LaunchRecord]:
    """The launches in a feed body, one per entry; ParseError when it is not a readable feed."""
    return read_feed(body, source=source, content_type=content_type).records


def read_feed(body: bytes, *, source: str, content_type: str | None = None,
              ai_source: bool = False) -> FeedReading:
    """The launches in a feed body, one per entry (the same GUID may come twice: storing
    dedupes), with a warning when the feed is malformed but readable; ParseError when unreadable.

    `content_type` is the HTTP Content-Type header: a charset the server declares there wins
    over the document's own declaration, as HTTP says it should. With `ai_source` (an AI company's
    own feed) every product launched in it is taken as an AI product."""
    headers = {"content-type": content_type} if content_type else None
    # A stream, not bytes: feedparser would treat bytes as a file name to open.
    # No sanitising nor URI rewriting in feedparser: clean_text drops every tag afterwards.
    body = isolation.readable_feed_body(body)
    try:
        # fastfeedparser reads a well-formed UTF-8 feed many times faster; feedparser the rest
        parsed = fastparse.parse(body, content_type) or feedparser.parse(
            io.BytesIO(body), response_headers=headers, sanitize_html=False, resolve_relative_uris=False)
    except Exception as exc:  # noqa: BLE001  (feedparser gives up on some hostile bodies)
        raise ParseError(f"not a readable feed: {isolation.reason_of(exc)}") from None
    reason = getattr(parsed, "bozo_exception", None) if parsed.bozo else None
    if reason is not None and not parsed.entries:
        raise ParseError(f"not a readable feed: {reason}")
    if not parsed.get("version") and not parsed.entries:
        raise ParseError("not a feed (no RSS, Atom or RDF root element)")
    # One entry that cannot be read is recorded and skipped: the rest of the feed goes on.
    feed_title = clean_text(str(parsed.feed.get("title") or ""))[:MAX_TITLE_CHARS] or None
    records, errors = isolation.each(parsed.entries,
                                     lambda entry: to_launch(entry, source=source, feed_title=feed_title,
                                                             ai_source=ai_source),
                                     step="normalise")
    warning = f"malformed feed, read as far as possible: {reason}" if reason is not None else None
    return FeedReading(records, warning, _ttl(parsed.feed.get("ttl")), tuple(errors), len(parsed.entries))


def _ttl(value: object) -> float | None:
    try:
        minutes = float(str(value).strip())
    except (TypeError, ValueError):
        return None
    return minutes if minutes > 0 else None


def to_launch(entry: Any, *, source: str, feed_title: str | None = None,
              ai_source: bool = False) -> LaunchRecord | None:
    """One feed entry (of the feed titled `feed_title`) as a launch record, classified (launch,
    release or other), or None when it has neither title nor link."""
    title = clean_text(entry.get("title"))
    link = _entry_link(entry.get("link"))
    if not title and not link:
        return None
    name, tagline = _name_and_tagline(title, link)
    if title and link and (release := _GITHUB_RELEASE.match(link)) and _BARE_VERSION.fullmatch(title):
        title = f"{release[1]} {title}"
    markup = _summary_markup(entry)[:MAX_MARKUP_CHARS]
    summary = _summary(markup, name, tagline, title)
    # is_ai_tool reads the whole text: asked only when the title and opening do not decide
    is_ai = ai_source or is_ai_product(title, summary or "",
                                       is_ai_tool=lambda: is_ai_tool(title, summary or ""))
    origin = origin_of(link=link, guid=str(entry.get("id") or ""), comments=entry.get("comments"),
                       markup=markup)
    verdict = classify(title, summary or "", url=link, origin=origin, tags=_tags(entry), is_ai=is_ai)
    name = verdict.product or name
    return LaunchRecord(
        source=source,
        guid=_guid(entry, link, title),
        title=truncate(title or name, MAX_TITLE_CHARS),
        tool_name=truncate(name, MAX_NAME_CHARS),
        tagline=truncate(tagline, MAX_TAGLINE_CHARS) if tagline else None,
        url=link,
        summary=summary,
        published_at=struct_time_to_utc(entry.get("published_parsed") or entry.get("updated_parsed")),
        is_ai_tool=is_ai,
        kind=verdict.kind.value,
        skip_reason=None if verdict.makes_tool else verdict.reason,
        product_url=_product_url(verdict, origin, link, markup, name) if verdict.makes_tool else None,
        feed_title=feed_title,
    )


def _entry_link(raw: object) -> str | None:
    """The entry's canonical link, its #fragment kept: a changelog gives each entry its anchor on
    one page, and those are distinct entries (a text-fragment highlight is not)."""
    link = canonical_url(raw if isinstance(raw, str) else None)
    fragment = urlsplit(raw).fragment if link and isinstance(raw, str) and "#" in raw else ""
    return f"{link}#{fragment}" if fragment and not fragment.startswith(":~:") else link


def _tags(entry: Any) -> tuple[str, ...]:
    return tuple(clean_text(str(tag.get("term") or "")) for tag in entry.get("tags") or () if tag.get("term"))


def _product_url(verdict: Verdict, origin: Origin, link: str | None, markup: str, name: str) -> str | None:
    """The product's own site as the entry gives it, or None: Product Hunt's website link (not a
    producthunt.com/r/ redirect, which is never followed), a Show HN story's URL, the repository of
    a release, or a link in a post that names the product."""
    anchors = _anchors(markup)
    if origin is Origin.PRODUCT_HUNT:
        sites = (href for href, text in anchors if _WEBSITE_ANCHOR.match(text))
        return next((href for href in sites if host_of(href) != "producthunt.com"), None)
    if origin is Origin.RELEASES or (verdict.reason == "show hn" and host_of(link) != "news.ycombinator.com"):
        return link
    wanted = name_key(name).replace(" ", "")
    if len(wanted) < 3:  # "Go" would be found in any google.com link
        return None
    for href, text in anchors:
        key = product_key(href)
        if key and (wanted in key.replace(".", "").replace("-", "")
                               or wanted in name_key(text).replace(" ", "")):
            return href
    return None


def _anchors(markup: str) -> list[tuple[str, str]]:
    """(canonical href, anchor text) of the content's links, in order."""
    found = []
    for match in _ANCHOR.finditer(markup):
        href = canonical_url(html.unescape(match[1] or match[2] or ""))
        if href:
            found.append((href, clean_text(match[3])))
    return found


def _name_and_tagline(title: str, link: str | None) -> tuple[str, str | None]:
    """The tool's name and tagline: from the title, or the repository for a GitHub release
    (whose title is a version), or the link when there is no title."""
    if link and (release := _GITHUB_RELEASE.match(link)):
        return release[1], None
    if title:
        return split_title(title)
    return _name_from_link(link or ""), None


def _name_from_link(link: str) -> str:
    path = link.split("://", 1)[-1].split("?", 1)[0].rstrip("/")
    host, _, rest = path.partition("/")
    return rest.rsplit("/", 1)[-1] if rest else host.removeprefix("www.")


def _summary(markup: str, name: str, tagline: str | None, title: str) -> str | None:
    text = strip_boilerplate(clean_text(markup, blocks=True))  # a block a line: a list item, a sentence
    heading, newline, rest = text.partition("\n")
    if newline and heading == title:
        text = rest  # a release's "<h2>tool v1.2</h2>" above its notes: the title once is enough
    if tagline and text.startswith((name + " ", name + "\n")) and text[len(name) + 1 :].startswith(tagline):
        text = text[len(name) + 1 :]  # "<b>Name</b><br>tagline": the name once is enough
    if not text or text == title:
        return None
    return truncate(text, MAX_SUMMARY_CHARS)


def _summary_markup(entry: Any) -> str:
    contents = entry.get("content") or []
    if contents and contents[0].get("value"):
        return str(contents[0]["value"])
    return str(entry.get("summary") or "")


def _guid(entry: Any, link: str | None, title: str) -> str:
    guid = str(entry.get("id") or "").strip() or link
    if guid and len(guid) <= MAX_GUID_CHARS:
        return guid
    # too long to store whole, or nothing to go by: a digest, the same on every fetch
    return "sha1:" + hashlib.sha1((guid or title).encode("utf-8")).hexdigest()
