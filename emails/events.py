"""What SendGrid's Event Webhook reports: signature checked, each event stored once, each delivery's
provider outcome recorded beside its state, and addresses that must not be mailed again suppressed.

`verify_sendgrid_signature` is the check SendGrid documents: an ECDSA (P-256, SHA-256) signature over
the timestamp header followed by the raw body, with the public key from SendGrid's settings.
"""

from __future__ import annotations

import base64
import binascii
import json
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from sqlalchemy.engine import Engine
from sqlmodel import Session

from db import queries
from db.engine import session_scope
from db.models import utcnow
from db.states import SubscriberStatus

PROVIDER = "sendgrid"
SIGNATURE_HEADER = "X-Twilio-Email-Event-Webhook-Signature"
TIMESTAMP_HEADER = "X-Twilio-Email-Event-Webhook-Timestamp"
# A delivery's provider outcome only moves forward: a late "processed" never hides a "delivered".
OUTCOME_RANK = {"processed": 1, "deferred": 2, "blocked": 2, "delivered": 3, "bounced": 4, "dropped": 4}
SUPPRESSING = {  # event → what the subscriber becomes
    "bounce": SubscriberStatus.BOUNCED,
    "dropped": SubscriberStatus.BOUNCED,
    "spamreport": SubscriberStatus.COMPLAINED,
    "unsubscribe": SubscriberStatus.UNSUBSCRIBED,
    "group_unsubscribe": SubscriberStatus.UNSUBSCRIBED,
}
_DROPPED_AS = {"spam reporting address": SubscriberStatus.COMPLAINED,
               "unsubscribed address": SubscriberStatus.UNSUBSCRIBED}


class WebhookRefused(ValueError):
    """A post we do not accept (unsigned, forged, stale, malformed); the message says why."""


@dataclass(frozen=True)
class EventsResult:
    """What one post did: events received, new ones stored, deliveries updated, subscribers suppressed."""

    received: int
    stored: int
    outcomes: int
    suppressed: int


def load_public_key(text: str) -> ec.EllipticCurvePublicKey:
    """The Event Webhook's verification key from base64 DER (as SendGrid shows it) or PEM;
    ValueError if it is neither."""
    text = text.strip()
    try:
        if text.startswith("-----BEGIN"):
            key = serialization.load_pem_public_key(text.encode("ascii"))
        else:
            key = serialization.load_der_public_key(base64.b64decode(text, validate=True))
    except (ValueError, binascii.Error, TypeError) as exc:
        raise ValueError(f"VERDICTS_SENDGRID_WEBHOOK_PUBLIC_KEY is not an EC public key: {exc}") from None
    if not isinstance(key, ec.EllipticCurvePublicKey):
        raise ValueError("VERDICTS_SENDGRID_WEBHOOK_PUBLIC_KEY is not an EC public key")
    return key


def verify_sendgrid_signature(
    key: ec.EllipticCurvePublicKey, *, signature: str | None, timestamp: str | None, body: bytes,
    tolerance_seconds: int, now: float | None = None,
) -> None:
    """Return if the post is signed by SendGrid's key and recent; WebhookRefused saying why not."""
    if not signature or not timestamp:
        raise WebhookRefused("unsigned: the signature and timestamp headers are required")
    try:
        sent_at = int(timestamp)
        raw = base64.b64decode(signature, validate=True)
    except (ValueError, binascii.Error):
        raise WebhookRefused("malformed signature or timestamp header") from None
    if abs((time.time() if now is None else now) - sent_at) > tolerance_seconds:
        raise WebhookRefused("stale: the timestamp is outside the accepted window")
    try:
        key.verify(raw, timestamp.encode("ascii") + body, ec.ECDSA(hashes.SHA256()))
    except InvalidSignature:
        raise WebhookRefused("forged: the signature does not match") from None


def parse_events(body: bytes) -> list[dict[str, Any]]:
    """The JSON array of events a post carries; WebhookRefused if it is not one."""
    try:
        events = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise WebhookRefused("the body is not JSON") from None
    if not isinstance(events, list) or not all(isinstance(e, dict) for e in events):
        raise WebhookRefused("the body is not a JSON array of events")
    return events


def record_events(engine: Engine, events: list[dict[str, Any]]) -> EventsResult:
    """Store the events not seen before and apply those: outcomes and suppressions, one transaction."""
    rows = [_row(event) for event in events if event.get("sg_event_id")]
    with session_scope(engine) as session:
        fresh = queries.insert_provider_events(session, rows=rows)
        outcomes = _record_outcomes(session, fresh)
        suppressed = _suppress(session, fresh)
    return EventsResult(len(events), len(fresh), outcomes, suppressed)


def _row(event: dict[str, Any]) -> dict[str, object]:
    return {
        "provider": PROVIDER,
        "event_id": str(event["sg_event_id"])[:100],
        "event": str(event.get("event") or "")[:30],
        "delivery_id": _delivery_id(event),
        "email": (str(event.get("email") or "").strip().lower()[:320]) or None,
        "occurred_at": _when(event.get("timestamp")),
        "payload": json.dumps(event, separators=(",", ":"), ensure_ascii=False),
        "received_at": utcnow(),
    }


def _delivery_id(event: dict[str, Any]) -> int | None:
    value = event.get("delivery_id")  # our custom_args arrive as top-level keys
    try:
        number = int(str(value))
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**62 else None


def _when(value: object) -> datetime:
    try:
        return datetime.fromtimestamp(int(str(value)), UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return utcnow()


def _outcome(row: dict[str, object], event: dict[str, Any]) -> str | None:
    name = row["event"]
    if name == "bounce":
        return "blocked" if str(event.get("type") or "").lower() == "blocked" else "bounced"
    return str(name) if name in OUTCOME_RANK else None


def _record_outcomes(session: Session, fresh: list[dict[str, object]]) -> int:
    """Each delivery's most advanced outcome among the new events, beside (never instead of) its state."""
    best: dict[int, tuple[str, datetime]] = {}
    for row in fresh:
        outcome = _outcome(row, json.loads(str(row["payload"])))
        delivery_id = row["delivery_id"]
        if outcome is None or not isinstance(delivery_id, int):
            continue
        held = best.get(delivery_id)
        if held is None or OUTCOME_RANK[outcome] > OUTCOME_RANK[held[0]]:
            best[delivery_id] = (outcome, row["occurred_at"])  # type: ignore[assignment]
    current = queries.provider_statuses(session, delivery_ids=best)
    updates = [(i, outcome, at) for i, (outcome, at) in best.items()
               if i in current and OUTCOME_RANK[outcome] > OUTCOME_RANK.get(current[i] or "", 0)]
    queries.set_provider_statuses(session, updates=updates)
    return len(updates)


def _suppress(session: Session, fresh: list[dict[str, object]]) -> int:
    """Bounced, dropped, complaining and unsubscribing addresses: never mailed again."""
    moved = 0
    now = utcnow()
    for row in fresh:
        event = json.loads(str(row["payload"]))
        target = _suppression(row, event)
        if target is None:
            continue
        reason = f"sendgrid {row['event']}: {event.get('reason') or event.get('type') or 'reported'}"[:500]
        ids = queries.subscribers_of_deliveries(session, delivery_ids=[row["delivery_id"]]) \
            if isinstance(row["delivery_id"], int) else []
        emails = [] if ids else [str(row["email"])] if row["email"] else []
        moved += queries.suppress_subscribers(session, ids=ids, emails=emails, status=target, reason=reason,
                                              now=now)
    return moved


def _suppression(row: dict[str, object], event: dict[str, Any]) -> SubscriberStatus | None:
    name = str(row["event"])
    if name == "bounce" and str(event.get("type") or "").lower() == "blocked":
        return None  # a block is the receiver's temporary refusal, not a bad address
    if name == "dropped":
        return _DROPPED_AS.get(str(event.get("reason") or "").strip().lower(), SubscriberStatus.BOUNCED)
    return SUPPRESSING.get(name)
