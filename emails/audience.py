"""Subscribers: adding, importing and unsubscribing, every change through the state machine."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from email_validator import EmailNotValidError, validate_email
from sqlmodel import Session

from db import queries
from db.models import Subscriber, utcnow
from db.states import IllegalTransition, SubscriberStatus, move


class AudienceError(ValueError):
    """A subscriber change that cannot be made; the message says why."""


@dataclass(frozen=True)
class ImportResult:
    added: int
    unchanged: int


def normalise_address(address: str) -> str:
    """The address normalised for storage; AudienceError saying why when it is not valid."""
    try:
        return validate_email(address.strip(), check_deliverability=False).normalized.lower()
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
    added = unchanged = 0
    for line, row in enumerate(rows, start=2):
        try:
            status = SubscriberStatus((row.get("status") or "pending").strip())
            _, created = add_subscriber(session, email=row.get("email") or "",
                                        name=(row.get("name") or "").strip(), status=status)
        except (AudienceError, ValueError) as exc:
            raise AudienceError(f"{path}, line {line}: {exc}") from None
        added, unchanged = added + created, unchanged + (not created)
    return ImportResult(added, unchanged)


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
