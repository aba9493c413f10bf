"""Per-entry isolation: one bad entry is recorded (source, entry id, step, reason) and skipped,
never the end of its feed's run nor of any other source's; and text made safe to store.

Steps are named after the data's way through (DESIGN.md): `parse`, `normalise`, `resolve`, `store`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from scrapers.records import LaunchRecord

log = logging.getLogger(__name__)
T = TypeVar("T")
R = TypeVar("R")

MAX_REASON_CHARS = 500
MAX_ENTRY_ID_CHARS = 1000
# PostgreSQL refuses NUL in text, and no UTF-8 encoder takes a lone surrogate (a decoder's
# `surrogateescape` leaves them); other C0 controls and the non-characters are never text.
_UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


# What XML 1.0 cannot carry, even as a character reference: one such character in one entry
# would make feedparser give up on the whole feed (a UnicodeEncodeError on '&#55296;').
_BAD_REFERENCE = re.compile(
    rb"&#(?:0*(?:[0-8]|1[124-9]|2[0-9]|3[01]|127"  # C0 but tab/LF/CR, DEL
    rb"|5529[6-9]|55[3-9][0-9]{2}|56[0-9]{3}|57[0-2][0-9]{2}|573[0-3][0-9]|5734[0-3]|6553[45])"  # surrogates
    rb"|[xX]0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F]|7[fF]|[dD][89a-fA-F][0-9a-fA-F]{2}|[fF]{3}[eEfF]));")
_BAD_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")


_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_BAD_TEXT_REFERENCE = re.compile(_BAD_REFERENCE.pattern.decode())


def readable_feed_body(body: bytes) -> bytes:
    """The body without the characters (raw or as references) that XML forbids and that make a
    feed parser drop every entry; unchanged when it has none. A UTF-16/32 body (with its byte
    order mark) is cleaned as text and written back in its own encoding."""
    codec = next((name for bom, name in _BOMS if body.startswith(bom)), None)
    if codec is not None:
        return _readable_wide(body, codec)
    if _BAD_REFERENCE.search(body):
        body = _BAD_REFERENCE.sub(b"", body)
    if _BAD_BYTES.search(body):
        body = _BAD_BYTES.sub(b"", body)
    return body


def _readable_wide(body: bytes, codec: str) -> bytes:
    try:
        text = body.decode(codec)
    except UnicodeDecodeError:
        return body  # not what its mark says: the parser decides what to make of it
    cleaned = _UNSTORABLE.sub("", _BAD_TEXT_REFERENCE.sub("", text))
    return body if cleaned == text else cleaned.encode(codec)


@dataclass(frozen=True)
class EntryError:
    """One entry that could not be read or stored, and why."""

    entry_id: str
    step: str
    reason: str


def storable(text: str) -> str:
    """`text` without the characters a database refuses (NUL, lone surrogates, C0 controls)."""
    return _UNSTORABLE.sub("", text) if _UNSTORABLE.search(text) else text


def storable_record(record: LaunchRecord) -> LaunchRecord:
    """The record with every text field storable; the same object when nothing needed cleaning."""
    changes = {name: storable(value) for name, value in record if isinstance(value, str)
               and _UNSTORABLE.search(value)}
    return record.model_copy(update=changes) if changes else record


def reason_of(exc: BaseException) -> str:
    """A one-line, storable reason for `exc`: its type and message, cut to a sane length."""
    text = " ".join(f"{type(exc).__name__}: {exc}".split())
    return storable(text)[:MAX_REASON_CHARS]


def entry_id_of(entry: Any, index: int) -> str:
    """What names a feed entry in an error report: its id, link or title, else its position."""
    for key in ("id", "link", "title"):
        try:
            value = entry.get(key)
        except Exception:  # noqa: BLE001  (a hostile entry may not even answer .get)
            value = None
        if value:
            return storable(" ".join(str(value).split()))[:MAX_ENTRY_ID_CHARS]
    return f"entry #{index + 1}"


def each(
    items: Iterable[T], convert: Callable[[T], R | None], *, step: str,
    name_of: Callable[[T, int], str] = entry_id_of,
) -> tuple[list[R], list[EntryError]]:
    """`convert` applied to every item: the results (None dropped), and an error per item that raised."""
    results: list[R] = []
    errors: list[EntryError] = []
    for index, item in enumerate(items):
        try:
            result = convert(item)
        except Exception as exc:  # noqa: BLE001  (any failure of one entry is that entry's alone)
            errors.append(EntryError(name_of(item, index), step, reason_of(exc)))
            continue
        if result is not None:
            results.append(result)
    return results, errors


Counts = tuple[int, int, int]


def store_each(
    records: Sequence[LaunchRecord], store: Callable[[Sequence[LaunchRecord]], Counts]
) -> tuple[Counts, list[EntryError]]:
    """Store the records one by one, each in its own transaction (`store` opens and commits it),
    after storing them together failed: the counts of those stored, and an error per record refused."""
    new = duplicates = tools = 0
    errors: list[EntryError] = []
    for record in records:
        try:
            added, seen, made = store([record])
        except Exception as exc:  # noqa: BLE001
            step = "store" if _is_database_error(exc) else "resolve"
            log.warning("entry %s of %s not stored: %s", record.guid, record.source, reason_of(exc))
            errors.append(EntryError(storable(record.guid)[:MAX_ENTRY_ID_CHARS], step, reason_of(exc)))
            continue
        new, duplicates, tools = new + added, duplicates + seen, tools + made
    return (new, duplicates, tools), errors


def _is_database_error(exc: BaseException) -> bool:
    from sqlalchemy.exc import SQLAlchemyError

    return isinstance(exc, SQLAlchemyError)
