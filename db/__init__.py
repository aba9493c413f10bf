"""Data access: tables, engine and sessions, migrations, state machines, queries."""

from db.engine import get_engine, session_scope, upgrade
from db.states import (
    Decision,
    DeliveryStatus,
    IllegalTransition,
    IssueStatus,
    SubscriberStatus,
    ensure_transition,
    move,
)

__all__ = [
    "Decision",
    "DeliveryStatus",
    "IllegalTransition",
    "IssueStatus",
    "SubscriberStatus",
    "ensure_transition",
    "get_engine",
    "move",
    "session_scope",
    "upgrade",
]
