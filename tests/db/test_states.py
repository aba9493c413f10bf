import pytest

from db.states import (
    DeliveryStatus,
    IllegalTransition,
    IssueStatus,
    SubscriberStatus,
    ensure_transition,
    move,
)


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (IssueStatus.DRAFT, IssueStatus.APPROVED),
        (IssueStatus.DRAFT, IssueStatus.REJECTED),
        (IssueStatus.APPROVED, IssueStatus.SENDING),
        (IssueStatus.APPROVED, IssueStatus.DRAFT),
        (IssueStatus.SENDING, IssueStatus.SENT),
        (DeliveryStatus.PENDING, DeliveryStatus.SENDING),
        (DeliveryStatus.SENDING, DeliveryStatus.UNKNOWN),
        (DeliveryStatus.SENDING, DeliveryStatus.PENDING),  # a temporary failure, retried later
        (DeliveryStatus.UNKNOWN, DeliveryStatus.PENDING),  # an operator's explicit --resend
        (SubscriberStatus.PENDING, SubscriberStatus.ACTIVE),
        (SubscriberStatus.ACTIVE, SubscriberStatus.UNSUBSCRIBED),
    ],
)
def test_allowed_moves(current, target):
    assert ensure_transition(current, target) is target


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (IssueStatus.DRAFT, IssueStatus.SENDING),  # nothing is sent from an unapproved draft
        (IssueStatus.DRAFT, IssueStatus.SENT),
        (IssueStatus.SENT, IssueStatus.DRAFT),
        (IssueStatus.REJECTED, IssueStatus.APPROVED),
        (DeliveryStatus.SENT, DeliveryStatus.PENDING),  # a sent message is never queued again
        (DeliveryStatus.UNKNOWN, DeliveryStatus.SENDING),  # an unknown outcome is never claimed again
        (DeliveryStatus.SKIPPED, DeliveryStatus.PENDING),  # who left before their turn stays left
        (DeliveryStatus.PENDING, DeliveryStatus.SENT),
        (SubscriberStatus.BOUNCED, SubscriberStatus.ACTIVE),
        (SubscriberStatus.UNSUBSCRIBED, SubscriberStatus.ACTIVE),
    ],
)
def test_illegal_moves_are_refused(current, target):
    with pytest.raises(IllegalTransition):
        ensure_transition(current, target)


def test_move_reads_plain_strings_from_rows():
    class Row:
        status = "draft"

    row = Row()
    move(row, IssueStatus.APPROVED)
    assert row.status == IssueStatus.APPROVED
    with pytest.raises(IllegalTransition):
        move(row, IssueStatus.SENT)
    assert row.status == IssueStatus.APPROVED
