"""Outside text never becomes a per-subscriber link: every '%%' in it is broken before rendering.

`emails.personalise` replaces `%%unsubscribe_url%%` and `%%vote:…%%` in the rendered email with a
reader's signed links. A scraped tagline, tool name or take containing one would otherwise become
that reader's real link, in plain sight (and a scraped URL containing one would carry it to another
site). So every string of the view is made inert, except the link fields the view itself filled
with placeholders.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any, TypeVar

from emails.view import UNSUBSCRIBE_PLACEHOLDER

T = TypeVar("T")

# What the view itself puts placeholders in (see emails.view): left as they are when they hold ours.
PLACEHOLDER_FIELDS = frozenset({"vote_ship_url", "vote_skip_url", "unsubscribe_url"})
_OURS = re.compile(rf"%%vote:\d+:\d+:(ship|skip)%%|{re.escape(UNSUBSCRIBE_PLACEHOLDER)}")
WORD_JOINER = "\u2060"  # invisible, not whitespace: '%%' reads the same and matches no placeholder


def inert_text(text: str) -> str:
    """The text with every '%%' broken by an invisible word joiner."""
    return text.replace("%%", f"%{WORD_JOINER}%") if "%%" in text else text


def inert_url(url: str) -> str:
    """The URL with every '%' of a '%%' percent-encoded: it still goes where it said."""
    return url.replace("%%", "%25%25") if "%%" in url else url


def inert_placeholders(view: T) -> T:
    """A copy of the view (dataclasses, tuples, strings) with outside text unable to hold a placeholder."""
    return _inert(view, field="")  # type: ignore[no-any-return]


def _inert(value: Any, *, field: str) -> Any:
    if isinstance(value, str):
        if field in PLACEHOLDER_FIELDS and _OURS.fullmatch(value):
            return value
        return inert_url(value) if field.endswith("url") else inert_text(value)
    if isinstance(value, tuple):
        return tuple(_inert(item, field=field) for item in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _inert(getattr(value, f.name), field=f.name) for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **changes)
    return value
