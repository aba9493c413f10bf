"""Pure normalisation of scraped values: tool names, canonical URLs, safe text, UTC times.

Everything here runs once per feed entry, so it stays cheap: patterns are compiled once, plain text
skips the HTML sanitiser, and the common shape of URL skips the general normaliser.
"""

from __future__ import annotations

import calendar
import html
import re
import time
from datetime import UTC, datetime
from functools import lru_cache
from urllib.parse import unquote_plus, urlsplit, urlunsplit

import nh3
from url_normalize import url_normalize

TRACKING_PARAMS = frozenset(
    {"ref", "ref_src", "source", "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid",
     "igshid", "yclid", "_hsenc", "_hsmi", "mkt_tok", "si", "wt_mc", "wt_zmc"}
)
ELLIPSIS = "…"
_PREFIXES = re.compile(r"^\s*(show hn|launch hn|ask hn|tell hn)\s*[:\-–—]\s*", re.IGNORECASE)
# Vendor blogs announce a product as "Introducing X"; the product is X.
_ANNOUNCEMENTS = re.compile(r"^(?:introducing|announcing)\s*:?\s+(?=\S)", re.IGNORECASE)
_TAGLINE_SEPARATORS = re.compile(r"\s+[-–—|]\s+|:\s+")
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|br|hr|li|ul|ol|dl|dt|dd|h[1-6]|tr|td|th|table|thead|tbody|blockquote|pre|section"
    r"|article|header|footer|aside|nav|figure|figcaption|details|summary)\b[^<>]*>",
    re.IGNORECASE,
)
_CELL_TAG = re.compile(r"</?t[dh]\b[^<>]*>", re.IGNORECASE)
_BLOCK_MARK = "\ue000"  # where a block tag was, in clean_text(blocks=True): a private-use char, no text's
# Markup the sanitiser would only strip of its tags (once _BLOCK_TAG has made the block tags spaces):
# inline tags of a few names, their attributes quoted; text without another "<", without control
# characters, its entities only those that html5ever (nh3's parser) and html.unescape read alike.
# Why: nh3 parses a document tree for each summary, and such markup, most feeds' summaries (a bold
# name, a link), comes out of it as the text with the tags dropped; this reads it in half the time.
# Anything else (comments, scripts, tables, a stray "<", other entities) goes through nh3.
# tests/scrapers/test_normalise.py holds the two to the same text over generated markup.
_SPACE = r"[ \t\n\r]"  # HTML's spaces between attributes (\s would take Unicode's too)
_INLINE_TAG = (r"</?(?:a|abbr|b|bdi|cite|code|em|i|img|kbd|mark|q|s|samp|small|span|strong|sub|sup|time|u"
               rf"|var)(?:{_SPACE}+[a-z_:][-a-z0-9_:.]*(?:{_SPACE}*={_SPACE}*(?:\"[^\"<>]*\"|'[^'<>]*'))?)*+"
               rf"{_SPACE}*/?>")
_INLINE_TAGS = re.compile(_INLINE_TAG, re.IGNORECASE)
# "&" before a space, the five entities, printable ASCII and the dashes, quotes and ellipsis by number
_PLAIN_ENTITY = (r"&(?:(?=[ \t\n\r]|\Z)|(?-i:amp|lt|gt|quot|#0*(?:3[2-9]|[4-9]\d|1[01]\d|12[0-6])"
                 r"|#82(?:1[1-9]|2\d|30));)")
_INLINE_MARKUP = re.compile(rf"(?:[^<&\x00-\x08\x0b\x0c\x0e-\x1f\x7f]++|{_PLAIN_ENTITY}|{_INLINE_TAG})*+",
                            re.IGNORECASE)
# Control characters that are not whitespace (PostgreSQL refuses NUL in text): each becomes a space,
# then every run of whitespace (str.isspace, what the regex \s matches) folds to one.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f]")
_DEFAULT_PORTS = {"http": "80", "https": "443"}
# The usual feed link: ASCII, no escapes, no dot segments, no doubled slashes, no user info.
# Anything else goes through url_normalize, which knows every corner of RFC 3986.
_SIMPLE_URL = re.compile(
    r"(https?)://([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*)(?::(\d{1,5}))?"
    r"(/[A-Za-z0-9\-._~!$&'()*+,;=:@/]*)?(?:\?([^#\s]*))?(?:#\S*)?"
)

# Text that aggregators append to every item and that says nothing about the product.
# Each runs only when its cheap `marker` is in the text.
BOILERPLATE: tuple[tuple[str, re.Pattern[str]], ...] = (
    # hnrss: "Article URL: … Comments URL: … Points: 212 # Comments: 64"
    ("URL:", re.compile(
        r"\s*(?:(?:Article|Comments) URL:\s*\S*\s*|Points:\s*-?\d+\s*|#\s*Comments:\s*\d+\s*)+$")),
    ("Comments:", re.compile(r"\s*(?:Points:\s*-?\d+\s*)?#\s*Comments:\s*\d+\s*$")),
    # Hacker News' own RSS: the description is a single "Comments" link
    ("Comments", re.compile(r"^\s*Comments\s*$")),
    # Product Hunt's feed: "… Discussion | Link"; its mirrors: "… [Product Hunt page] [Website]"
    ("Link", re.compile(r"\s*Discussion\s*\|\s*Link\s*$")),
    ("]", re.compile(r"\s*(?:\[(?:Product Hunt page|Website|Discussion|Link)\]\s*)+$")),
)


@lru_cache(maxsize=4096)  # read for the name, the kind and the tagline of one entry alike
def split_title(title: str) -> tuple[str, str | None]:
    """(tool name, tagline) from a launch title such as 'Show HN: Name – does a thing'."""
    cleaned = _ANNOUNCEMENTS.sub("", _PREFIXES.sub("", clean_text(title)))
    parts = _TAGLINE_SEPARATORS.split(cleaned, maxsplit=1)
    name = parts[0].strip()
    tagline = parts[1].strip() if len(parts) > 1 and parts[1].strip() else None
    return (name or cleaned), tagline


@lru_cache(maxsize=16384)
def canonical_url(url: str | None) -> str | None:
    """The URL normalised (scheme, host, port, path) without tracking parameters or fragment;
    None when it is not an http(s) URL."""
    if not url:
        return None
    url = url.strip()
    simple = _SIMPLE_URL.fullmatch(url)
    if simple and _is_plain_path(simple[4]):
        scheme, host, port, path, query = simple.groups()
        netloc = host.lower() if not port or port == _DEFAULT_PORTS[scheme] else f"{host.lower()}:{port}"
        query = _without_tracking(query)
        return f"{scheme}://{netloc}{path or '/'}?{query}" if query else f"{scheme}://{netloc}{path or '/'}"
    return _canonical_url_slow(url)


def _canonical_url_slow(url: str) -> str | None:
    normalised = url_normalize(url) if url else None
    if not normalised or not normalised.startswith(("http://", "https://")):
        return None
    parts = urlsplit(normalised)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, _without_tracking(parts.query), ""))


def _is_plain_path(path: str | None) -> bool:
    return not path or ("//" not in path and "/." not in path)


def _without_tracking(query: str | None) -> str:
    # Pairs are kept as written (no decoding and re-encoding): the same link always comes out
    # the same, whichever tracking parameters rode along.
    if not query:
        return ""
    return "&".join(pair for pair in query.split("&") if pair and not _is_tracking(pair))


def _is_tracking(pair: str) -> bool:
    key = pair.split("=", 1)[0]
    key = (unquote_plus(key) if "%" in key or "+" in key else key).strip().lower()
    return key.startswith("utm_") or key in TRACKING_PARAMS


@lru_cache(maxsize=4096)  # each entry's link is asked for its host by several rules in a row
def host_of(url: str | None) -> str | None:
    """The URL's host without 'www.', lower-cased, or None."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or None


def clean_text(markup: str | None, *, blocks: bool = False) -> str:
    """Plain text from untrusted HTML: tags and scripts dropped, entities decoded, spaces folded.
    With `blocks`, each block of the markup (a paragraph, a heading, a list item, a table row...)
    is a line of its own, its spaces folded: "<li>a</li><li>b</li>" reads "a\nb", where a sentence
    ends (list items and headings seldom end on a full stop)."""
    if not markup:
        return ""
    if blocks and _BLOCK_MARK in markup:
        markup = markup.replace(_BLOCK_MARK, " ")  # the mark is ours: in the markup, it is a space
    if "<" in markup:
        if blocks:
            # a table's row is a line; the mark is set off by spaces, as a space would be without blocks,
            # so that a tag left open before it ("<i<p>Quill") reads the same with blocks and without
            markup = _BLOCK_TAG.sub(f" {_BLOCK_MARK} ", _CELL_TAG.sub(" ", markup))
        else:
            # a block ends a word: "<li>a</li><li>b</li>" reads "a b", not "ab"
            markup = _BLOCK_TAG.sub(" ", markup)
        if _INLINE_MARKUP.fullmatch(markup):
            markup = _INLINE_TAGS.sub("", markup)
        else:
            markup = nh3.clean(markup, tags=set(), attributes={})
    if "&" in markup:
        markup = html.unescape(markup)
    if _CONTROL.search(markup):
        markup = _CONTROL.sub(" ", markup)
    if blocks and _BLOCK_MARK in markup:
        return "\n".join(line for part in markup.split(_BLOCK_MARK) if (line := " ".join(part.split())))
    # split and join fold whitespace six times faster than a regex substitution: most texts have
    # a space between every two words, and each would be a match
    return " ".join(markup.split())


def strip_boilerplate(text: str) -> str:
    """Plain text without the aggregator tails that say nothing about the product."""
    for marker, pattern in BOILERPLATE:
        if marker in text:
            text = pattern.sub("", text)
    return text.strip()


def truncate(text: str, limit: int) -> str:
    """The text cut to at most `limit` characters, at a word break when one is near, with '…'."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    return cut.rstrip(" ,;:-–—") + ELLIPSIS


def struct_time_to_utc(value: time.struct_time | None) -> datetime | None:
    """A feedparser *_parsed time (always UTC) as an aware datetime, or None."""
    if value is None:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
    except (OverflowError, ValueError):
        return None
