"""The per-host politeness gate: one request at a time per host, a gap between two.

`HostGate` holds inside one process (threads). `SharedHostGate` holds across processes and
machines: each host's next allowed time is a row of `host_gates` in the application database,
claimed with one conditional UPDATE, so workers of a pool, the CLI and a Dask cluster all wait
their turn. A claim is a lease: if its holder dies mid-request, the host is free once it expires.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Protocol

from sqlalchemy.engine import Engine


class Gate(Protocol):
    """Waits for a host's turn and holds it while a request runs."""

    def turn(self, host: str, gap: float) -> AbstractContextManager[None]: ...


class HostGate:
    """One request at a time per host, at least `gap` seconds apart (process-wide)."""

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._locks: dict[str, threading.Lock] = {}
        self._last: dict[str, float] = {}

    @contextmanager
    def turn(self, host: str, gap: float) -> Iterator[None]:
        """Wait for the host's turn; hold it while the request runs."""
        with self._guard:
            lock = self._locks.setdefault(host, threading.Lock())
        with lock:
            wait = self._last.get(host, float("-inf")) + gap - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            try:
                yield
            finally:
                self._last[host] = time.monotonic()


LOCAL_GATE = HostGate()


class SharedHostGate:
    """The gate kept in the database, for every process that fetches with the same database.

    Threads of one process queue on the in-process gate first, so only one of them polls the
    database for a host. `lease` bounds how long a dead holder can keep a host (seconds)."""

    POLL_SECONDS = 0.25

    def __init__(self, engine: Engine, *, lease: float = 120.0, local: HostGate = LOCAL_GATE) -> None:
        self.engine = engine
        self.lease = lease
        self.local = local
        # SQLite has one writer: threads of this process take turns here rather than in its busy loop
        self._serial = threading.Lock() if engine.dialect.name == "sqlite" else None

    @contextmanager
    def turn(self, host: str, gap: float) -> Iterator[None]:
        """Wait until no process holds the host and its gap has passed; hold it while the request runs."""
        with self.local.turn(host, 0):
            token = uuid.uuid4().hex
            while (wait := self._claim(host, token)) is not None:
                time.sleep(min(max(wait, 0.01), self.POLL_SECONDS * 20))
            try:
                yield
            finally:
                self._release(host, token, gap)

    def _claim(self, host: str, token: str) -> float | None:
        from db import queries

        now = time.time()
        with self._exclusive(), self.engine.begin() as connection:
            return queries.claim_host(connection, host=host, holder=token, now=now, until=now + self.lease)

    def _release(self, host: str, token: str, gap: float) -> None:
        from db import queries

        with self._exclusive(), self.engine.begin() as connection:
            queries.release_host(connection, host=host, holder=token, next_allowed_at=time.time() + gap)

    @contextmanager
    def _exclusive(self) -> Iterator[None]:
        if self._serial is None:
            yield
            return
        with self._serial:
            yield
