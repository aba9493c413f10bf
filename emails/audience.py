"""Subscribers: adding, importing and unsubscribing, every change through the state machine."""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from pathlib import Path

from email_validator import EmailNotValidError, validate_email
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
    suppressed: int = 0  # rows skipped: their owners deleted their data (see SuppressedAddress)


def normalise_address(address: str) -> str:
    """The address normalised for storage; AudienceError saying why when it is not valid."""
    try:
        return validate_email(address.strip(), check_deliverability=False).normalized.lower()
    except EmailNotValidError as exc:
        raise AudienceError(f"not a valid email address: {address!r}: {exc}") from None


def address_hash(address: str) -> str:
    """The SHA-256 hex of the normalised address: what the suppression list keeps of a deleted one."""
    return hashlib.sha256(normalise_address(address).encode("utf-8")).hexdigest()


def add_subscriber(
    session: Session, *, email: str, name: str | None = None,
    status: SubscriberStatus = SubscriberStatus.PENDING,
) -> tuple[Subscriber, bool]:
    """(subscriber, created): an existing address is left as it is, never re-subscribed."""
    address = normalise_address(email)
    existing = queries.get_subscriber_by_email(session, email=address)
    if existing is not None:
        return existing, False
    if web_queries.is_suppressed(session, address_hash=address_hash(address)):
        raise SuppressedAddress(f"{address} was deleted at its owner's request: only they can subscribe "
                                "it again, through the site's subscribe form")
    subscriber = Subscriber(email=address, name=(name or None), status=status)
    if status == SubscriberStatus.ACTIVE:
        subscriber.confirmed_at = utcnow()
    session.add(subscriber)
    session.flush()
    return subscriber, True


def import_csv(session: Session, *, path: Path) -> ImportResult:
    """Add every row of a CSV with columns email[,name,status]; AudienceError naming the bad line."""
    try:
        with path.open(newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
    except FileNotFoundError:
        raise AudienceError(f"subscribers file not found: {path}") from None
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise AudienceError(f"cannot read subscribers file {path}: {exc}") from None
    added = unchanged = suppressed = 0
    for line, row in enumerate(rows, start=2):
        try:
            status = SubscriberStatus((row.get("status") or "pending").strip())
            _, created = add_subscriber(session, email=row.get("email") or "",
                                        name=(row.get("name") or "").strip(), status=status)
        except SuppressedAddress:
            suppressed += 1
            continue
        except (AudienceError, ValueError) as exc:
            raise AudienceError(f"{path}, line {line}: {exc}") from None
        added, unchanged = added + created, unchanged + (not created)
    return ImportResult(added, unchanged, suppressed)


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
