"""Listing pages read with the CSS selectors of their source into launch records."""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

from scrapers import isolation
from scrapers.classify import classify, is_ai_product, origin_of
from scrapers.facts import is_ai_tool
from scrapers.feeds import (
    MAX_GUID_CHARS,
    MAX_MARKUP_CHARS,
    MAX_NAME_CHARS,
    MAX_SUMMARY_CHARS,
    MAX_TAGLINE_CHARS,
    MAX_TITLE_CHARS,
    ParseError,
)
from scrapers.isolation import EntryError
from scrapers.normalise import canonical_url, clean_text, split_title, truncate
from scrapers.records import LaunchRecord
from scrapers.sources import PageSelectors

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
# dates as listing pages print them, tried after ISO 8601 and RFC 2822
_DATE_FORMATS = ("%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y")


def parse_page(
    body: bytes,
    *,
    source: str,
    base_url: str,
    selectors: PageSelectors,
    content_type: str | None = None,
    errors: list[EntryError] | None = None,
) -> list[LaunchRecord]:
    """The launches on a listing page, once each; ParseError when a required selector matches nothing.
    With `errors`, an item that cannot be read is noted there and skipped instead of raising."""
    charset = _CHARSET.search(content_type or "")
    soup = BeautifulSoup(body, "html.parser", from_encoding=charset[1] if charset else None)
    items = soup.select(selectors.item)
    ensure_selectors_match(items, selectors)
    base = soup.find("base", href=True)
    if isinstance(base, Tag):
        base_url = urljoin(base_url, str(base["href"]))
    records: dict[str, LaunchRecord] = {}
    for record in read_items(items, source=source, base_url=base_url, selectors=selectors, errors=errors):
        records.setdefault(record.guid, record)
    return list(records.values())


def read_items(
    items: list[Tag], *, source: str, base_url: str, selectors: PageSelectors,
    errors: list[EntryError] | None,
) -> list[LaunchRecord]:
    """The items as launch records; with `errors`, an item that cannot be read is noted there and skipped."""
    def convert(item: Tag) -> LaunchRecord | None:
        return to_launch(item, source=source, base_url=base_url, selectors=selectors)

    if errors is None:
        return [record for item in items if (record := convert(item))]
    records, failed = isolation.each(items, convert, step="normalise",
                                     name_of=lambda _item, index: f"item #{index + 1}")
    errors.extend(failed)
    return records


def ensure_selectors_match(items: list[Tag], selectors: PageSelectors) -> None:
    """Nothing, or ParseError when the items, or every item's title or link, are not found."""
    if not items:
        raise ParseError(f"selector {selectors.item!r} matched nothing: the page layout may have changed")
    for part, selector in (("title", selectors.title), ("link", selectors.link)):
        if all(_first(item, selector) is None for item in items):
            raise ParseError(f"{part} selector {selector!r} matched nothing in any of the {len(items)} "
                             f"items: the page layout may have changed")


def to_launch(item: Tag, *, source: str, base_url: str, selectors: PageSelectors) -> LaunchRecord | None:
    """One matched item as a launch record, or None when it has neither title nor link."""
    title = _text(_first(item, selectors.title))
    link = _link(_first(item, selectors.link), selectors.link_attr, base_url)
    if not title and not link:
        return None
    name, tagline = split_title(title or link or "")
    summary = truncate(_text(_first(item, selectors.summary), blocks=True), MAX_SUMMARY_CHARS) or None
    is_ai = is_ai_product(title, summary or "", is_ai_tool=is_ai_tool(title, summary or ""))
    verdict = classify(title, summary or "", url=link, is_ai=is_ai,
                       origin=origin_of(link=link, guid=None, comments=None, markup=""))
    name = verdict.product or name
    return LaunchRecord(
        source=source,
        guid=_guid(link, title),
        title=truncate(title or name, MAX_TITLE_CHARS),
        tool_name=truncate(name, MAX_NAME_CHARS),
        tagline=truncate(tagline, MAX_TAGLINE_CHARS) if tagline else None,
        url=link,
        summary=summary,
        published_at=_date(_first(item, selectors.date)),
        is_ai_tool=is_ai,
        kind=verdict.kind.value,
        skip_reason=None if verdict.makes_tool else verdict.reason,
    )


def parse_date(value: str | None) -> datetime | None:
    """A date as pages write it (ISO 8601, RFC 2822, '20 February 2025') in UTC, or None."""
    value = (value or "").strip()
    if not value:
        return None
    parsed = _parse_date(value)
    if parsed is None:
        return None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def _parse_date(value: str) -> datetime | None:
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        pass
    for layout in _DATE_FORMATS:
        try:
            return datetime.strptime(value, layout)
        except ValueError:
            continue
    return None


def _first(item: Tag, selector: str | None) -> Tag | None:
    # the item itself counts, so a card that is one big <a> can be its own link
    if selector is None:
        return None
    return item if item.css.match(selector) else item.select_one(selector)


def _text(element: Tag | None, *, blocks: bool = False) -> str:
    # through clean_text, not get_text(): a <script> inside a title is dropped, not kept as words
    if element is None:
        return ""
    return clean_text(element.decode_contents()[:MAX_MARKUP_CHARS], blocks=blocks)


def _guid(link: str | None, title: str) -> str:
    if link and len(link) <= MAX_GUID_CHARS:
        return link
    # no link, or one too long to store whole: a digest, the same on every fetch
    return "sha1:" + hashlib.sha1((link or title).encode("utf-8")).hexdigest()


def _link(element: Tag | None, attr: str, base_url: str) -> str | None:
    value = element.get(attr) if element is not None else None
    if not isinstance(value, str) or not value.strip():
        return None
    absolute = urljoin(base_url, value.strip())
    if urlsplit(absolute).scheme not in ("http", "https"):
        return None
    return canonical_url(absolute)


def _date(element: Tag | None) -> datetime | None:
    if element is None:
        return None
    stamp = element.get("datetime")
    if isinstance(stamp, str) and (parsed := parse_date(stamp)):
        return parsed
    return parse_date(clean_text(element.decode_contents()))
