"""Subscribers: adding, importing and unsubscribing, every change through the state machine."""

from __future__ import annotations

import csv
import functools
import hashlib
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from email_validator import EmailNotValidError, validate_email
from email_validator.rfc_constants import DOT_ATOM_TEXT, LOCAL_PART_MAX_LENGTH
from sqlmodel import Session

from db import queries, web_queries
from db.models import Subscriber, utcnow
from db.states import IllegalTransition, SubscriberStatus, move


class AudienceError(ValueError):
    """A subscriber change that cannot be made; the message says why."""


class SuppressedAddress(AudienceError):
    """The address's owner deleted their data: it is not added again except by their own consent."""


@dataclass(frozen=True)
class ImportResult:
    added: int
    unchanged: int
    invalid: tuple[str, ...] = ()  # "line 7: not a valid email address ..." (skipped with --skip-invalid)
    suppressed: int = 0  # rows skipped: their owners deleted their data (see SuppressedAddress)


@dataclass(frozen=True)
class _Row:
    line: int
    email: str
    name: str | None
    status: SubscriberStatus


def normalise_address(address: str) -> str:
    """The address normalised for storage; AudienceError saying why when it is not valid."""
    return _normalise(address.strip())


def address_hash(address: str) -> str:
    """The SHA-256 hex of the normalised address: what the suppression list keeps of a deleted one."""
    return _hash_normalised(normalise_address(address))


def _hash_normalised(address: str) -> str:
    return hashlib.sha256(address.encode("utf-8")).hexdigest()


@functools.lru_cache(maxsize=4096)
def _domain(domain: str) -> str:
    """A domain checked once by email_validator (an import holds few); AudienceError if bad."""
    return _full_check(f"x@{domain}").rpartition("@")[2]


def _normalise(address: str) -> str:
    local, at, domain = address.rpartition("@")
    # Plain addresses (the library's own dot-atom grammar, ASCII) need only their domain checked,
    # and an import has few domains; anything else goes through the whole validator.
    if at and len(local) <= LOCAL_PART_MAX_LENGTH and DOT_ATOM_TEXT.match(local) and domain.isascii():
        try:
            return f"{local}@{_domain(domain)}".lower()
        except AudienceError:
            pass  # the whole check below says what is wrong, naming this address
    return _full_check(address)


def _full_check(address: str) -> str:
    try:
        return validate_email(address, check_deliverability=False).normalized.lower()
    except EmailNotValidError as exc:
        raise AudienceError(f"not a valid email address: {address!r}: {exc}") from None


def add_subscriber(
    session: Session, *, email: str, name: str | None = None,
    status: SubscriberStatus = SubscriberStatus.PENDING,
) -> tuple[Subscriber, bool]:
    """(subscriber, created): an existing address is left as it is, never re-subscribed."""
    address = normalise_address(email)
    existing = queries.get_subscriber_by_email(session, email=address)
    if existing is not None:
        return existing, False
    if web_queries.is_suppressed(session, address_hash=_hash_normalised(address)):
        raise SuppressedAddress(f"{address} was deleted at its owner's request: only they can subscribe "
                                "it again, through the site's subscribe form")
    subscriber = Subscriber(email=address, name=(name or None), status=status)
    if status == SubscriberStatus.ACTIVE:
        subscriber.confirmed_at = utcnow()
    session.add(subscriber)
    session.flush()
    return subscriber, True


def import_csv(session: Session, *, path: Path, skip_invalid: bool = False) -> ImportResult:
    """Add every row of a CSV with columns email[,name,status], a few statements for the lot.

    The whole file is checked first: AudienceError listing every bad line (with its number), and
    nothing imported, unless `skip_invalid`, which imports the good rows and lists the bad ones.
    An address already there is left as it is, never re-subscribed; one whose owner deleted their
    data (the suppression list) is skipped and counted."""
    rows, invalid = _read_rows(path)
    if invalid and not skip_invalid:
        shown = "\n  ".join(invalid[:_SHOWN_ERRORS])
        more = f"\n  … and {len(invalid) - _SHOWN_ERRORS} more" if len(invalid) > _SHOWN_ERRORS else ""
        raise AudienceError(f"{path}: {len(invalid)} bad line(s), nothing imported "
                            f"(--skip-invalid imports the rest):\n  {shown}{more}")
    added = suppressed = 0
    now = utcnow()
    for start in range(0, len(rows), _INSERT_CHUNK):
        chunk = rows[start : start + _INSERT_CHUNK]
        hashes = {r.email: _hash_normalised(r.email) for r in chunk}
        deleted = web_queries.suppressed_hashes(session, address_hashes=list(hashes.values()))
        kept = [r for r in chunk if hashes[r.email] not in deleted]
        suppressed += len(chunk) - len(kept)
        added += queries.insert_subscribers(session, rows=[
            {"email": r.email, "name": r.name, "status": r.status.value, "created_at": now,
             "confirmed_at": now if r.status == SubscriberStatus.ACTIVE else None}
            for r in kept
        ])
    return ImportResult(added, len(rows) - added - suppressed, tuple(invalid), suppressed)


_SHOWN_ERRORS = 50
_INSERT_CHUNK = 10_000
_STATUSES = {s.value for s in SubscriberStatus}


def _read_rows(path: Path) -> tuple[list[_Row], list[str]]:
    """The file's valid rows (first of each address) and a message per bad line."""
    rows: list[_Row] = []
    invalid: list[str] = []
    seen: set[str] = set()
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            if reader.fieldnames is None or "email" not in reader.fieldnames:
                raise AudienceError(f"{path}: the first line must name the columns: email[,name,status]")
            for row in reader:
                line = reader.line_num
                try:
                    parsed = _parse_row(row, line)
                except AudienceError as exc:
                    invalid.append(f"line {line}: {exc}")
                    continue
                if parsed.email not in seen:
                    seen.add(parsed.email)
                    rows.append(parsed)
    except FileNotFoundError:
        raise AudienceError(f"subscribers file not found: {path}") from None
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise AudienceError(f"cannot read subscribers file {path}: {exc}") from None
    return rows, invalid


def _parse_row(row: dict[str | None, str | None], line: int) -> _Row:
    status = (row.get("status") or "pending").strip().lower()
    if status not in _STATUSES:
        raise AudienceError(f"unknown status {status!r}: use one of {', '.join(sorted(_STATUSES))}")
    name = (row.get("name") or "").strip()[:200] or None
    return _Row(line, normalise_address(row.get("email") or ""), name, SubscriberStatus(status))


def unsubscribe(session: Session, *, subscriber_id: int) -> Subscriber:
    """Unsubscribe; harmless when already unsubscribed; AudienceError for an unknown id."""
    subscriber = session.get(Subscriber, subscriber_id)
    if subscriber is None:
        raise AudienceError(f"no subscriber with id {subscriber_id}")
    if subscriber.status == SubscriberStatus.UNSUBSCRIBED:
        return subscriber
    try:
        move(subscriber, SubscriberStatus.UNSUBSCRIBED)
    except IllegalTransition as exc:
        raise AudienceError(str(exc)) from None
    subscriber.unsubscribed_at = utcnow()
    session.add(subscriber)
    return subscriber


def expire_unconfirmed(session: Session, *, older_than: timedelta) -> int:
    """Delete sign-ups never confirmed within `older_than`; return how many (never fails on none)."""
    return queries.expire_pending_subscribers(session, created_before=utcnow() - older_than)


def confirm_pending(session: Session, *, subscriber: Subscriber) -> bool:
    """Confirm a pending subscriber (an operator vouching for the address); whether it changed.
    Anyone past pending (unsubscribed, bounced, complained) is left as they are."""
    if subscriber.status != SubscriberStatus.PENDING:
        return False
    move(subscriber, SubscriberStatus.ACTIVE)
    subscriber.confirmed_at = utcnow()
    session.add(subscriber)
    return True
