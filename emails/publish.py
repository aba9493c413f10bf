"""Sending an approved issue: exactly once per subscriber, a batch at a time, across crashes.

Every subscriber has one delivery row per issue (unique). A run holds the issue's send lease, then
repeats: claim a batch (pending → sending, committed), hand it to the backend, settle it (sent,
failed, or pending again after a back-off, committed). Up to `backend.concurrency` batches are in
flight at once (SendGrid: VERDICTS_SENDGRID_CONCURRENCY requests). A run killed at any point leaves
at most those batches in 'sending'; the next run marks them 'unknown', and `emails.reconcile`
settles them from the provider's events or by an operator's decision, never by sending them
blindly again.
"""

from __future__ import annotations

import logging
import secrets
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy.engine import Engine
from sqlmodel import Session

from db import queries
from db.engine import session_scope
from db.models import NewsletterIssue, utcnow
from db.states import DeliveryStatus, IssueStatus, SubscriberStatus, move
from editorial.issues import render_and_store
from emails.audience import normalise_address
from emails.delivery import BatchResult, DeliveryBackend, Letter, Recipient
from emails.lease import LeaseLost, SendInProgress, SendLeaseKeeper
from emails.personalise import letter_for
from emails.reconcile import reconcile_from_events
from emails.tokens import link_tokens
from verdicts.settings import Settings

log = logging.getLogger(__name__)
__all__ = ["LeaseLost", "PublishError", "SendInProgress", "SendProgress", "SendSummary", "TestSend",
           "send_issue", "send_test"]
OPEN_STATES = (DeliveryStatus.PENDING, DeliveryStatus.SENDING, DeliveryStatus.UNKNOWN)


class PublishError(ValueError):
    """The issue cannot be sent; the message says why."""


@dataclass(frozen=True)
class SendSummary:
    """What one send run did, and the issue's state and delivery counts after it."""

    issue_id: int
    status: str
    sent: int  # by this run
    failed: int  # by this run, for good
    unknown: int  # the issue's rows whose outcome is unknown (after this run)
    total_sent: int
    already_sent: bool = False
    retried: int = 0  # temporary failures this run put back for a retry
    requests: int = 0  # batches handed to the backend
    counts: dict[str, int] = field(default_factory=dict)  # the issue's rows by state
    halted: str | None = None  # why the run stopped early (the backend refused to go on)

    @property
    def complete(self) -> bool:
        """True when the issue is sent (nothing pending, in flight or unknown)."""
        return self.status == IssueStatus.SENT


@dataclass(frozen=True)
class SendProgress:
    """After each batch: how far the run is, for a progress bar or a log line."""

    issue_id: int
    done: int
    total: int
    sent: int
    failed: int
    retried: int
    elapsed: float


@dataclass
class _Tally:
    issue_id: int = 0
    sent: int = 0
    failed: int = 0
    retried: int = 0
    requests: int = 0
    started: float = field(default_factory=time.monotonic)
    run: str = field(default_factory=lambda: secrets.token_hex(6))  # names this run's batches
    cursor: int = 0  # the last delivery id claimed: the next claim reads from there
    total: int = 0  # the issue's rows, counted once at the start (for progress)
    done: int = 0  # of which settled for good; counted as batches settle, not by a query each
    lock: threading.Lock = field(default_factory=threading.Lock)  # sender threads settle batches


def send_issue(
    engine: Engine, *, issue_id: int, backend: DeliveryBackend, settings: Settings,
    progress: Callable[[SendProgress], None] | None = None,
) -> SendSummary:
    """Send an approved (or interrupted) issue to every active subscriber not yet served.

    PublishError if it is not approved or its render has errors; SendInProgress if another run holds
    the issue."""
    with session_scope(engine) as session:
        issue = queries.get_issue(session, issue_id=issue_id)
        if issue.status == IssueStatus.SENT:
            return _summary(session, issue, _Tally(), already_sent=True)
    with SendLeaseKeeper(engine, issue_id=issue_id, seconds=settings.send_lease_seconds,
                         wait_seconds=settings.send_lease_wait_seconds) as lease:
        letter = _start(engine, issue_id, backend.name, settings)
        tally = _started_tally(engine, issue_id)
        halted = _send_all(engine, letter, backend, settings, lease, tally, progress)
        with session_scope(engine) as session:
            issue = queries.get_issue(session, issue_id=issue_id)
            _finish_if_done(session, issue)
            return _summary(session, issue, tally, halted=halted or None)


def _start(engine: Engine, issue_id: int, backend_name: str, settings: Settings) -> Letter:
    """Begin (approved → sending, rows queued) or resume (rows left in flight → unknown) the send."""
    with session_scope(engine) as session:
        issue = queries.get_issue(session, issue_id=issue_id)
        refusal = start_sending(session, issue=issue, backend=backend_name, settings=settings)
        subject, html, text, week = issue.subject, issue.rendered_html, issue.rendered_text, issue.week
    if refusal:  # raised only now, so that a return to draft is committed, not rolled back
        raise PublishError(refusal)
    reconcile_from_events(engine, issue_id=issue_id)
    assert html is not None and text is not None
    return letter_for(settings=settings, issue_id=issue_id, subject=subject, html=html, text=text, week=week)


def start_sending(
    session: Session, *, issue: NewsletterIssue, backend: str, settings: Settings
) -> str | None:
    """Check the approval still holds, move to sending and queue a delivery per active subscriber
    (one statement); on a resumed send, mark what a dead run left in flight unknown. Returns why
    the issue may not be sent instead, if it may not."""
    assert issue.id is not None
    now = utcnow()
    if issue.status == IssueStatus.APPROVED:
        approved_hash = issue.approved_hash
        render_and_store(session, issue=issue, settings=settings)
        if issue.status != IssueStatus.APPROVED or issue.content_hash != approved_hash:
            return (f"issue {issue.id} changed since it was approved: it is a draft again "
                    "and needs a new approval")
        if issue.render_errors:
            return f"issue {issue.id} has render errors: {issue.render_errors}"
        move(issue, IssueStatus.SENDING)
        session.add(issue)
        session.flush()
        queued = queries.queue_deliveries(session, issue_id=issue.id, backend=backend, now=now)
        log.info("issue %s: %d deliveries queued", issue.id, queued)
        return None
    if issue.status == IssueStatus.SENDING:
        if left := queries.mark_interrupted(session, issue_id=issue.id, now=now):
            log.warning("issue %s: %d deliveries were in flight when a run died: unknown", issue.id, left)
        return None
    return f"issue {issue.id} is {issue.status}: an editor must approve it before it is sent"


def _started_tally(engine: Engine, issue_id: int) -> _Tally:
    with session_scope(engine) as session:
        counts = queries.delivery_counts(session, issue_id=issue_id)
    total = sum(counts.values())
    return _Tally(issue_id=issue_id, total=total, done=total - sum(counts.get(s, 0) for s in OPEN_STATES))


InFlight = dict[Future[BatchResult], list[queries.Claimed]]


def _send_all(
    engine: Engine, letter: Letter, backend: DeliveryBackend, settings: Settings,
    lease: SendLeaseKeeper, tally: _Tally, progress: Callable[[SendProgress], None] | None,
) -> str:
    """Send batch after batch, waiting for due retries; '' when nothing is left, else why the backend
    halted the run.

    Up to `backend.concurrency` batches are in flight, each settled as soon as its answer is back.
    A batch is claimed only when a request slot is free, so its subscribers are checked (still
    active?) just before its request goes out, as with one batch at a time."""
    in_flight: InFlight = {}
    halted = ""
    # PostgreSQL takes writers side by side: each sender thread settles its own batch, beside the
    # next claim. SQLite takes one at a time (the others wait in sleeps): there the main thread
    # settles, between its claims.
    settle_here = engine.dialect.name != "postgresql"
    with ThreadPoolExecutor(max_workers=backend.concurrency, thread_name_prefix="send") as pool:
        try:
            while True:
                while not halted and len(in_flight) < backend.concurrency and (
                        claimed := _claim(engine, letter.issue_id, backend.batch_size, lease, tally)):
                    recipients = _recipients(claimed, letter.issue_id, settings)
                    # the rows say 'sending' (committed) while the request is out
                    job = (pool.submit(backend.send_batch, letter, recipients) if settle_here else
                           pool.submit(_send_and_settle, engine, backend, settings, tally, letter,
                                       recipients, claimed))
                    in_flight[job] = claimed
                    tally.requests += 1
                if in_flight:
                    halted = _settled_answers(engine, in_flight, settings, tally, progress,
                                              settle=settle_here) or halted
                elif halted or not _wait_for_retry(engine, letter.issue_id, settings, lease):
                    return halted
        except BaseException:
            while in_flight:  # answers on their way are recorded, not left 'sending'
                _settled_answers(engine, in_flight, settings, tally, None, settle=settle_here,
                                 failed_ok=True)
            raise


def _send_and_settle(engine: Engine, backend: DeliveryBackend, settings: Settings, tally: _Tally,
                     letter: Letter, recipients: list[Recipient],
                     claimed: list[queries.Claimed]) -> BatchResult:
    """One batch's request and its settlement, on a sender thread."""
    result = backend.send_batch(letter, recipients)
    _settle(engine, claimed, result, settings, tally)
    return result


def _settled_answers(engine: Engine, in_flight: InFlight, settings: Settings, tally: _Tally,
                     progress: Callable[[SendProgress], None] | None, *, settle: bool,
                     failed_ok: bool = False) -> str:
    """Wait until at least one batch in flight is answered, and settled (here if `settle`, else by
    its thread); the reason one of them halts the run, or ''. A batch whose thread raised is left
    'sending' if `failed_ok`, else its error is raised."""
    answered, _ = wait(in_flight, return_when=FIRST_COMPLETED)
    halted = ""
    for future in answered:
        claimed = in_flight.pop(future)
        if failed_ok and future.exception() is not None:
            continue
        result = future.result()
        if settle:
            _settle(engine, claimed, result, settings, tally)
        halted = halted or result.halt or ""
        if progress is not None:
            progress(_progress(tally))
    return halted


def _claim(engine: Engine, issue_id: int, limit: int, lease: SendLeaseKeeper,
           tally: _Tally) -> list[queries.Claimed]:
    """The next batch: forward from the last id claimed, then from the start (retries that fell due)."""
    lease.ensure_held()
    batch = f"{tally.run}:{tally.requests}"
    for after_id in dict.fromkeys((tally.cursor, 0)):
        with session_scope(engine) as session:
            claimed = queries.claim_deliveries(session, issue_id=issue_id, batch=batch, limit=limit,
                                               now=utcnow(), after_id=after_id)
        if claimed:
            tally.cursor = claimed[-1].delivery_id
            return claimed
    return []


def _recipients(claimed: Sequence[queries.Claimed], issue_id: int, settings: Settings) -> list[Recipient]:
    tokens = link_tokens(settings.secret_key, [c.subscriber_id for c in claimed], issue_id)
    return [Recipient(c.delivery_id, c.subscriber_id, c.email, token) 
            for c, token in zip(claimed, tokens, strict=True)]


def _settle(engine: Engine, claimed: Sequence[queries.Claimed], result: BatchResult, settings: Settings,
            tally: _Tally) -> None:
    """Record the batch's outcome: sent, failed for good, or pending again after a back-off."""
    now = utcnow()
    attempts = {c.delivery_id: c.attempts for c in claimed}
    settled = result.sent.keys() | result.refused.keys() | result.retry.keys() | result.unknown.keys()
    unsettled = set(attempts) - settled
    retry = {**result.retry, **dict.fromkeys(unsettled, "the backend gave no outcome")}
    if result.halt:  # not these recipients' fault: no attempt spent, no wait once it is fixed
        exhausted: dict[int, str] = {}
        later = {i: (why, now) for i, why in retry.items()}
    else:
        exhausted = {i: f"gave up after {attempts[i]} attempts: {why}" for i, why in retry.items()
                     if attempts[i] >= settings.send_max_attempts}
        later = {i: (why, now + _backoff(attempts[i], settings, result.retry_after))
                 for i, why in retry.items() if i not in exhausted}
    with session_scope(engine) as session:
        queries.settle_sent(session, message_ids=result.sent, now=now)
        queries.settle_failed(session, errors={**result.refused, **exhausted}, now=now)
        queries.settle_retry(session, retries=later, now=now, refund_attempt=bool(result.halt))
        queries.settle_unknown(session, reasons=result.unknown, now=now)
        if result.undeliverable:
            bounced = queries.subscribers_of_deliveries(session, delivery_ids=result.undeliverable)
            queries.suppress_subscribers(session, ids=bounced, status=SubscriberStatus.BOUNCED, now=now,
                                         reason="refused for good by the receiving server at send time")
    with tally.lock:
        tally.sent += len(result.sent)
        tally.failed += len(result.refused) + len(exhausted)
        tally.done += len(result.sent) + len(result.refused) + len(exhausted)
        tally.retried += len(later)
    if retry:
        log.warning("batch of %d: %d to retry (%s)", len(claimed), len(later), next(iter(retry.values())))
    if result.unknown:
        log.warning("batch of %d: outcome unknown, left for reconciliation (%s)", len(claimed),
                    next(iter(result.unknown.values())))


def _backoff(attempts: int, settings: Settings, retry_after: float | None) -> timedelta:
    """The wait before a row's next attempt: exponential in its attempts, at least what was asked."""
    exponential = settings.send_retry_base_seconds * 2 ** max(0, attempts - 1)
    return timedelta(seconds=max(retry_after or 0.0, min(settings.send_retry_max_seconds, exponential)))


def _wait_for_retry(engine: Engine, issue_id: int, settings: Settings, lease: SendLeaseKeeper) -> bool:
    """Sleep until the earliest retry is due if that is soon enough; False when none waits or it
    is beyond this run's patience (the next run takes it)."""
    with session_scope(engine) as session:
        due = queries.next_retry_at(session, issue_id=issue_id)
    if due is None:
        return False
    wait = (due - utcnow()).total_seconds()
    if wait > settings.send_wait_in_run_seconds:
        log.info("issue %s: the next retry is due in %.0f s: left to the next run", issue_id, wait)
        return False
    deadline = time.monotonic() + max(0.0, wait)
    while time.monotonic() < deadline:
        lease.ensure_held()
        time.sleep(min(1.0, max(0.0, deadline - time.monotonic())))
    return True


def _progress(tally: _Tally) -> SendProgress:
    return SendProgress(tally.issue_id, tally.done, tally.total, tally.sent, tally.failed, tally.retried,
                        time.monotonic() - tally.started)


def _finish_if_done(session: Session, issue: NewsletterIssue) -> None:
    """Sending → sent once no row is pending, in flight or unknown (rows of who left are skipped)."""
    assert issue.id is not None
    if issue.status != IssueStatus.SENDING:
        return
    queries.skip_departed(session, issue_id=issue.id, now=utcnow())
    counts = queries.delivery_counts(session, issue_id=issue.id)
    if any(counts.get(state, 0) for state in OPEN_STATES):
        return
    move(issue, IssueStatus.SENT)
    issue.sent_at = utcnow()
    session.add(issue)


def _summary(
    session: Session, issue: NewsletterIssue, tally: _Tally, *, already_sent: bool = False,
    halted: str | None = None,
) -> SendSummary:
    assert issue.id is not None
    counts = queries.delivery_counts(session, issue_id=issue.id)
    return SendSummary(
        issue_id=issue.id, status=str(issue.status), sent=tally.sent, failed=tally.failed,
        unknown=counts.get(DeliveryStatus.UNKNOWN, 0), total_sent=counts.get(DeliveryStatus.SENT, 0),
        already_sent=already_sent, retried=tally.retried, requests=tally.requests, counts=counts,
        halted=halted,
    )


# --- a test send: the exact issue to one address, nothing recorded --------------------------------


@dataclass(frozen=True)
class TestSend:
    """What a test send did: to whom, through which backend, and the provider's message id."""

    issue_id: int
    to: str
    backend: str
    message_id: str


def send_test(
    engine: Engine, *, issue_id: int, address: str, backend: DeliveryBackend, settings: Settings
) -> TestSend:
    """Send the issue as stored (drafts too) to one address, '[TEST]' in the subject, recording no
    delivery; PublishError if it was never rendered or the backend refused it."""
    to = normalise_address(address)
    with session_scope(engine) as session:
        issue = queries.get_issue(session, issue_id=issue_id)
        if issue.rendered_html is None or issue.rendered_text is None:
            render_and_store(session, issue=issue, settings=settings)
        subscriber = queries.get_subscriber_by_email(session, email=to)
        subject, html, text, week = issue.subject, issue.rendered_html, issue.rendered_text, issue.week
    assert html is not None and text is not None
    letter = letter_for(settings=settings, issue_id=issue_id, subject=subject, html=html, text=text,
                        week=week, test=True)
    subscriber_id = subscriber.id if subscriber is not None and subscriber.id is not None else 0
    [token] = link_tokens(settings.secret_key, [subscriber_id], issue_id)
    result = backend.send_batch(letter, [Recipient(0, subscriber_id, to, token)])
    if 0 not in result.sent:
        why = result.halt or result.refused.get(0) or result.retry.get(0) or "no outcome"
        raise PublishError(f"the test send to {to} failed: {why}")
    return TestSend(issue_id, to, backend.name, result.sent[0])
