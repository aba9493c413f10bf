"""One send per issue at a time: a lease in the database, renewed by a heartbeat while a run sends.

A second run finds the lease held and waits (up to VERDICTS_SEND_LEASE_WAIT_SECONDS) or stops,
saying who holds it. A run that dies stops renewing: its lease expires after
VERDICTS_SEND_LEASE_SECONDS and the next run takes over. A run that lost its lease (it stalled past
the expiry and another took over) stops before its next batch.
"""

from __future__ import annotations

import logging
import os
import secrets
import socket
import threading
import time
from datetime import timedelta
from types import TracebackType

from sqlalchemy.engine import Engine

from db import queries
from db.engine import session_scope
from db.models import SendLease, utcnow
from verdicts.errors import NotDone

log = logging.getLogger(__name__)


class SendInProgress(NotDone):
    """Another run holds the issue's send lease; the message says who, and until when."""


class LeaseLost(NotDone):
    """This run's lease expired and another run took it: this run must stop sending."""


def this_holder() -> str:
    """'host pid 1234': who a lease names, so an operator can find the run."""
    return f"{socket.gethostname()} pid {os.getpid()}"


class SendLeaseKeeper:
    """Holds an issue's send lease for a `with` block, renewing it from a background thread."""

    def __init__(self, engine: Engine, *, issue_id: int, seconds: float, wait_seconds: float = 0.0) -> None:
        self.engine, self.issue_id = engine, issue_id
        self.seconds, self.wait_seconds = seconds, wait_seconds
        self.token = secrets.token_hex(16)
        self.holder = this_holder()
        self._stop = threading.Event()
        self._lost = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> SendLeaseKeeper:
        deadline = time.monotonic() + self.wait_seconds
        while (held := self._try_acquire()).token != self.token:
            if time.monotonic() >= deadline:
                raise SendInProgress(describe_holder(self.issue_id, held))
            time.sleep(min(1.0, max(0.05, deadline - time.monotonic())))
        self._thread = threading.Thread(target=self._beat, name=f"lease-{self.issue_id}", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        with session_scope(self.engine) as session:
            queries.release_lease(session, issue_id=self.issue_id, token=self.token)

    def ensure_held(self) -> None:
        """Return while the lease is ours; LeaseLost once a heartbeat found it taken."""
        if self._lost.is_set():
            raise LeaseLost(f"issue {self.issue_id}: this run's send lease expired and another run took it")

    def _try_acquire(self) -> SendLease:
        now = utcnow()
        with session_scope(self.engine) as session:
            return queries.acquire_lease(session, issue_id=self.issue_id, holder=self.holder,
                                         token=self.token, now=now,
                                         expires_at=now + timedelta(seconds=self.seconds))

    def _beat(self) -> None:
        interval = max(0.5, self.seconds / 3)
        while not self._stop.wait(interval):
            try:
                now = utcnow()
                with session_scope(self.engine) as session:
                    held = queries.renew_lease(session, issue_id=self.issue_id, token=self.token, now=now,
                                               expires_at=now + timedelta(seconds=self.seconds))
            except Exception:  # noqa: BLE001  (a database hiccup: the next beat tries again)
                log.exception("issue %s: could not renew the send lease", self.issue_id)
                continue
            if not held:
                log.error("issue %s: the send lease was taken by another run", self.issue_id)
                self._lost.set()
                return


def describe_holder(issue_id: int, lease: SendLease) -> str:
    """'issue 3 is being sent by host pid 12 (since …, lease expires in 41 s)'."""
    left = (lease.expires_at - utcnow()).total_seconds()
    since = lease.acquired_at.strftime("%Y-%m-%d %H:%M:%S UTC")
    return (f"issue {issue_id} is being sent by {lease.holder} (since {since}; its lease "
            f"expires in {max(0, round(left))} s unless that run renews it): try again when it is done")
