"""The stored state machines: each a StrEnum, its allowed moves in one table, one function to move."""

from __future__ import annotations

from enum import StrEnum
from typing import Any, TypeVar


class IssueStatus(StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"
    SENDING = "sending"
    SENT = "sent"
    REJECTED = "rejected"


class DeliveryStatus(StrEnum):
    PENDING = "pending"  # to send, now or after its back-off (next_attempt_at)
    SENDING = "sending"  # claimed by a run, its request under way
    SENT = "sent"  # the backend accepted it
    FAILED = "failed"  # for good: refused, or out of attempts
    UNKNOWN = "unknown"  # outcome lost in a crash: reconciled from provider events or by an operator
    SKIPPED = "skipped"  # the subscriber left (unsubscribed, bounced, complained) before their turn


class SubscriberStatus(StrEnum):
    PENDING = "pending"
    ACTIVE = "active"
    UNSUBSCRIBED = "unsubscribed"
    BOUNCED = "bounced"
    COMPLAINED = "complained"
    PAUSED = "paused"  # the subscriber asked for a break: not sent issues until they resume
    SUPPRESSED = "suppressed"  # an editor stopped mail to the address; an editor may restore it


class Decision(StrEnum):
    SHIP = "ship"
    SKIP = "skip"


TRANSITIONS: dict[type[StrEnum], dict[StrEnum, frozenset[StrEnum]]] = {
    IssueStatus: {
        IssueStatus.DRAFT: frozenset({IssueStatus.APPROVED, IssueStatus.REJECTED}),
        IssueStatus.APPROVED: frozenset({IssueStatus.SENDING, IssueStatus.DRAFT}),
        IssueStatus.SENDING: frozenset({IssueStatus.SENT}),
        IssueStatus.SENT: frozenset(),
        IssueStatus.REJECTED: frozenset({IssueStatus.DRAFT}),
    },
    DeliveryStatus: {
        DeliveryStatus.PENDING: frozenset({DeliveryStatus.SENDING, DeliveryStatus.SKIPPED}),
        DeliveryStatus.SENDING: frozenset(
            # PENDING: a temporary failure, retried after a back-off
            {DeliveryStatus.SENT, DeliveryStatus.FAILED, DeliveryStatus.UNKNOWN, DeliveryStatus.PENDING}
        ),
        DeliveryStatus.SENT: frozenset(),
        DeliveryStatus.FAILED: frozenset({DeliveryStatus.PENDING}),
        # SENT / FAILED from provider events or an operator's --mark-sent; PENDING: --resend
        DeliveryStatus.UNKNOWN: frozenset(
            {DeliveryStatus.SENT, DeliveryStatus.FAILED, DeliveryStatus.PENDING}
        ),
        DeliveryStatus.SKIPPED: frozenset(),
    },
    SubscriberStatus: {
        SubscriberStatus.PENDING: frozenset(
            {SubscriberStatus.ACTIVE, SubscriberStatus.UNSUBSCRIBED, SubscriberStatus.SUPPRESSED}
        ),
        SubscriberStatus.ACTIVE: frozenset(
            {SubscriberStatus.UNSUBSCRIBED, SubscriberStatus.BOUNCED, SubscriberStatus.COMPLAINED,
             SubscriberStatus.PAUSED, SubscriberStatus.SUPPRESSED}
        ),
        # Paused gets no issues, but a bounce or complaint about an earlier one can still arrive.
        SubscriberStatus.PAUSED: frozenset(
            {SubscriberStatus.ACTIVE, SubscriberStatus.UNSUBSCRIBED, SubscriberStatus.BOUNCED,
             SubscriberStatus.COMPLAINED, SubscriberStatus.SUPPRESSED}
        ),
        SubscriberStatus.UNSUBSCRIBED: frozenset({SubscriberStatus.PENDING, SubscriberStatus.SUPPRESSED}),
        SubscriberStatus.BOUNCED: frozenset(),
        SubscriberStatus.COMPLAINED: frozenset(),
        # Restored to active if the address was ever confirmed, else back to pending.
        SubscriberStatus.SUPPRESSED: frozenset({SubscriberStatus.ACTIVE, SubscriberStatus.PENDING}),
    },
}

S = TypeVar("S", bound=StrEnum)


class IllegalTransition(ValueError):
    """A move the state machine does not allow."""


def is_allowed(current: S, target: S) -> bool:
    """Whether the machine of `current` allows a move to `target`."""
    return target in TRANSITIONS[type(current)][current]


def ensure_transition(current: S, target: S) -> S:
    """Return `target` if the move is allowed; raise IllegalTransition otherwise."""
    if not is_allowed(current, target):
        machine = type(current).__name__
        raise IllegalTransition(f"{machine}: cannot move from {current} to {target}")
    return target


def move(row: Any, target: S) -> None:
    """Set `row.status` to `target` if its machine allows the move; raise IllegalTransition if not."""
    current = type(target)(row.status)
    row.status = ensure_transition(current, target)
