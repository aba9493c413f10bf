"""The per-host gap across processes: two processes fetching from one host through the gate in
the database never overlap and always leave the gap; the in-process gate alone does not."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from db import queries
from db.engine import get_engine
from tests.servers.feed_server import FeedServer

ROOT = Path(__file__).resolve().parents[2]
GAP = 0.25
SERVE_SECONDS = 0.1
FETCHES = 3

WORKER = textwrap.dedent("""
    import os, sys, time
    from pathlib import Path
    from db.engine import get_engine
    from scrapers.fetch import FetchPolicy, fetch, make_client
    from scrapers.hostgate import LOCAL_GATE, SharedHostGate
    from scrapers.sources import SourceConfig

    url, database, shared, folder, count, gap = sys.argv[1:]
    gate = SharedHostGate(get_engine(database)) if shared == "1" else LOCAL_GATE
    source = SourceConfig(name="gated", url=url)
    with make_client(user_agent="VerdictsBot/test", timeout=10) as client:
        (Path(folder) / f"ready-{os.getpid()}").touch()  # imports done: wait for the word to go
        go = Path(folder) / "go"
        while not go.exists() or not go.read_text():
            time.sleep(0.01)
        time.sleep(max(0.0, float(go.read_text()) - time.time()))  # both processes start together
        for _ in range(int(count)):
            fetch(source, client=client, policy=FetchPolicy(host_gap=float(gap), attempts=1), gate=gate)
""")


def timed_server() -> tuple[FeedServer, list[tuple[float, float]]]:
    spans: list[tuple[float, float]] = []
    lock = threading.Lock()

    def slow(handler):
        start = time.time()
        time.sleep(SERVE_SECONDS)
        handler.send_response(200)
        handler.send_header("Content-Length", "2")
        handler.end_headers()
        handler.wfile.write(b"ok")
        with lock:
            spans.append((start, time.time()))

    return FeedServer(custom={"/feed": slow}), spans


def run_two_processes(url: str, database_url: str, folder: Path, *, shared: bool) -> None:
    args = [url, database_url, "1" if shared else "0", str(folder), str(FETCHES), str(GAP)]
    processes = [subprocess.Popen([sys.executable, "-c", WORKER, *args], cwd=ROOT) for _ in range(2)]
    deadline = time.monotonic() + 60
    while len(list(folder.glob("ready-*"))) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    (folder / "go.tmp").write_text(str(time.time() + 0.3))
    (folder / "go.tmp").rename(folder / "go")
    assert [p.wait(timeout=60) for p in processes] == [0, 0]


def gaps(spans: list[tuple[float, float]]) -> list[float]:
    ordered = sorted(spans)
    return [start - previous_end for (_, previous_end), (start, _) in zip(ordered, ordered[1:], strict=False)]


def test_two_processes_share_the_gap_through_the_database(database_url, tmp_path):
    server, spans = timed_server()
    with server:
        run_two_processes(server.url + "/feed", database_url, tmp_path, shared=True)
    assert len(spans) == 2 * FETCHES
    # never two at once, and the gap after each (less the server's own timer noise)
    assert min(gaps(spans)) >= GAP - 0.02, sorted(spans)


def test_without_the_shared_gate_two_processes_hit_the_host_at_once(tmp_path):
    server, spans = timed_server()
    with server:
        run_two_processes(server.url + "/feed", f"sqlite:///{tmp_path / 'unused.db'}", tmp_path, shared=False)
    # each process keeps the gap between its own requests, not between its and the other's
    assert min(gaps(spans)) < GAP - 0.1, sorted(spans)


def test_a_claim_is_a_lease_a_dead_holder_cannot_keep_forever(database_url):
    engine = get_engine(database_url)
    with engine.begin() as connection:
        assert queries.claim_host(connection, host="h.example", holder="a", now=100.0, until=160.0) is None
        wait = queries.claim_host(connection, host="h.example", holder="b", now=110.0, until=170.0)
        assert wait == queries.HELD_POLL_SECONDS  # held: look again soon
        # holder a died without releasing: once its lease has run out, b gets the host
        assert queries.claim_host(connection, host="h.example", holder="b", now=161.0, until=221.0) is None
        queries.release_host(connection, host="h.example", holder="a", next_allowed_at=999.0)  # too late
        assert queries.claim_host(connection, host="h.example", holder="c", now=200.0, until=260.0) == (
            queries.HELD_POLL_SECONDS)
        queries.release_host(connection, host="h.example", holder="b", next_allowed_at=205.0)
        # released: free once its gap has passed, and the wait says exactly when
        assert queries.claim_host(connection, host="h.example", holder="c", now=204.5, until=264.5) == (
            pytest.approx(0.5))
        assert queries.claim_host(connection, host="h.example", holder="c", now=205.0, until=265.0) is None
