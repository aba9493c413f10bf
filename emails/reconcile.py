"""Deliveries whose outcome is unknown (a run died while their request was under way), settled
from what the provider reported, or by an operator's explicit decision once a grace period passed.

Never blindly: a row is sent again only when an operator says `--resend`, and only after
VERDICTS_RECONCILE_GRACE_MINUTES, by when a provider that accepted it would have reported it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta
from typing import Literal

from sqlalchemy.engine import Engine

from db import queries
from db.engine import session_scope
from db.models import utcnow
from db.states import DeliveryStatus
from emails.lease import SendInProgress, SendLeaseKeeper
from verdicts.settings import Settings

log = logging.getLogger(__name__)
Decision = Literal["resend", "mark-sent"]


class ReconcileError(ValueError):
    """An operator's reconcile request that cannot be carried out; the message says why."""


@dataclass(frozen=True)
class ReconcileSummary:
    """What a reconciliation pass did across issues, and what it left for an operator."""

    issues: int  # issues that had unknown deliveries
    from_events: int  # unknown → sent: the provider reported them, or another row of their request
    needs_decision: int  # unknown, no event, older than the grace: `verdicts deliveries reconcile`
    within_grace: int  # unknown, no event yet, more recent: events may still arrive


@dataclass(frozen=True)
class OperatorDecision:
    """What `decide` did: rows moved, and rows too recent to decide on yet."""

    issue_id: int
    decision: str
    moved: int
    too_recent: int


def reconcile_from_events(engine: Engine, *, issue_id: int) -> int:
    """Unknown rows the provider's events account for → sent; returns how many."""
    now = utcnow()
    with session_scope(engine) as session:
        # Only SendGrid posts events, and it accepts a request whole: one event from a request
        # proves every personalization of it was accepted.
        batches = queries.unknown_batches_with_events(session, issue_id=issue_id)
        note = "reconciled: the provider reported this delivery's request"
        moved = queries.resolve_unknown(session, issue_id=issue_id, target=DeliveryStatus.SENT, now=now,
                                        note=note, batches=batches) if batches else 0
        moved += queries.resolve_unknown(session, issue_id=issue_id, target=DeliveryStatus.SENT, now=now,
                                         note="reconciled: the provider reported it", with_events=True)
    if moved:
        log.info("issue %s: %d unknown deliveries reconciled from provider events", issue_id, moved)
    return moved


def reconcile_unknown(engine: Engine, settings: Settings) -> ReconcileSummary:
    """Reconcile every issue's unknown deliveries from stored provider events (the daily maintenance
    flow runs this); counts what is left for an operator. Never raises for an issue with nothing to do."""
    cutoff = utcnow() - timedelta(minutes=settings.reconcile_grace_minutes)
    _settle_dead_runs(engine, settings)
    with session_scope(engine) as session:
        issue_ids = queries.issues_with_unknown(session)
    moved = needs = recent = 0
    for issue_id in issue_ids:
        moved += reconcile_from_events(engine, issue_id=issue_id)
        with session_scope(engine) as session:
            old, new = queries.unknown_waiting(session, issue_id=issue_id, older_than=cutoff)
        needs, recent = needs + old, recent + new
    return ReconcileSummary(len(issue_ids), moved, needs, recent)


def _settle_dead_runs(engine: Engine, settings: Settings) -> None:
    """Rows a dead run left 'sending' become unknown, for issues no live run holds."""
    with session_scope(engine) as session:
        issue_ids = queries.issues_in_flight(session)
    for issue_id in issue_ids:
        try:
            with SendLeaseKeeper(engine, issue_id=issue_id, seconds=settings.send_lease_seconds):
                with session_scope(engine) as session:
                    left = queries.mark_interrupted(session, issue_id=issue_id, now=utcnow())
                log.warning("issue %s: %d deliveries left in flight by a dead run: unknown", issue_id, left)
        except SendInProgress:
            continue  # a live run is sending it: its rows in flight are its own


def decide(
    engine: Engine, settings: Settings, *, issue_id: int, decision: Decision,
    grace_minutes: float | None = None,
) -> OperatorDecision:
    """An operator's call on the issue's unknown rows without events, older than the grace period:
    `resend` (→ pending, the next send sends them) or `mark-sent`. ReconcileError if unknown decision."""
    if decision not in ("resend", "mark-sent"):
        raise ReconcileError(f"unknown decision {decision!r}: use --resend or --mark-sent")
    with session_scope(engine) as session:
        queries.get_issue(session, issue_id=issue_id)  # NotFound for a wrong id
    reconcile_from_events(engine, issue_id=issue_id)
    grace = settings.reconcile_grace_minutes if grace_minutes is None else grace_minutes
    cutoff = utcnow() - timedelta(minutes=grace)
    target = DeliveryStatus.PENDING if decision == "resend" else DeliveryStatus.SENT
    note = (f"operator decision: {decision} (no provider event after {grace:g} min)")
    with session_scope(engine) as session:
        moved = queries.resolve_unknown(session, issue_id=issue_id, target=target, now=utcnow(), note=note,
                                        with_events=False, older_than=cutoff)
        _, recent = queries.unknown_waiting(session, issue_id=issue_id, older_than=cutoff)
    return OperatorDecision(issue_id, decision, moved, recent)
