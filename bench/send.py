"""Send benchmark: `verdicts send` from the database to a loopback SendGrid server, against the floor.

    .venv/bin/python bench/send.py [--sizes 100000,1000000] [--dbs sqlite,postgresql]
                                   [--smtp 2000] [--kill 20000] [--import-rows 100000] [--skip ...]

1. For each database and size: that many active subscribers, this week's issue composed from the
   bundled samples and approved, then `verdicts send` in a child process against a SendGrid v3 server
   on loopback (its own process; the first body is held to SendGrid's contract). Printed: wall time,
   recipients/s, requests, the sender's peak RSS, duplicates and missing as the server counted them;
   and in the same run the floor: the same addresses, read from the same database, posted in the same
   1,000-personalization bodies by a bare loop (one keep-alive connection). Then a restart: the send
   is reset, killed (SIGKILL) a third of the way, and run again: time to its first accepted request.
   Targets: 1,000,000 in <= 60 s, >= 25% of the floor, peak RSS <= 300 MB.
2. SMTP: `verdicts send --backend smtp` to an aiosmtpd server (its own process) against a bare
   smtplib loop sending the same messages (built beforehand) over one connection. Target: >= 50%.
3. Kill and resume: `verdicts send` SIGKILLed at random moments and restarted, the loopback server
   posting signed 'processed' events to `verdicts web`; then the daily reconciliation, the operator's
   --resend of what no event accounts for, and a last send. Target: 0 duplicates, 0 missing, 0 unknown.
4. `verdicts subscribers import` of a CSV of --import-rows rows.
"""

from __future__ import annotations

import argparse
import base64
import json
import multiprocessing
import os
import random
import signal
import smtplib
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.client import HTTPConnection
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, text  # noqa: E402
from sqlmodel import Session  # noqa: E402

from db.engine import get_engine, upgrade  # noqa: E402
from emails.backends.sendgrid import mail_body  # noqa: E402
from emails.delivery import Recipient  # noqa: E402
from emails.mime import mime_template  # noqa: E402
from emails.personalise import letter_for  # noqa: E402
from emails.tokens import link_tokens  # noqa: E402

API_KEY = "SG.bench"
PG_ADMIN = os.environ.get("VERDICTS_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
# The CLI, writing its own peak RSS (VmHWM) where VERDICTS_BENCH_PEAK_FILE says as it exits. wait4's
# ru_maxrss is no measure of it: a child counts the pages it shared with this process between fork
# and exec, so the bare SMTP loop's prebuilt messages showed as a 550 MB peak of a 120 MB sender.
_CLI_WITH_PEAK = """
import atexit, os
def _write_peak():
    with open("/proc/self/status") as status:
        kilobytes = next(line.split()[1] for line in status if line.startswith("VmHWM"))
    with open(os.environ["VERDICTS_BENCH_PEAK_FILE"], "w") as out:
        out.write(kilobytes)
atexit.register(_write_peak)
from verdicts.cli import app
app()
"""
CLI = [sys.executable, "-c", _CLI_WITH_PEAK]


# --- the loopback SendGrid server, in its own process -----------------------------------------------


def _sendgrid_process(port_out: Any, events_url: str | None, private_pem: bytes | None) -> None:
    """Serve SendGrid's API; count every delivery id accepted; post signed events if asked."""
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    from tests.servers.sendgrid_server import SendGridServer

    counts = bytearray(1)  # counts[delivery_id] = times accepted (capped at 255)
    state: dict[str, Any] = {"first_at": None}
    lock = threading.Lock()
    pending: list[dict[str, Any]] = []
    key = serialization.load_pem_private_key(private_pem, None) if private_pem else None

    class BenchServer(SendGridServer):
        def answer(self, method, path, headers, body):  # type: ignore[no-untyped-def]
            if method == "GET" and path == "/stats":
                with lock:
                    dup = sum(1 for c in counts if c > 1)
                    stats = {"requests": self.requests, "recipients": self.recipients, "duplicates": dup,
                             "first_at": state["first_at"], "queued_events": len(pending),
                             "seen": sum(1 for c in counts if c)}
                return 200, stats, ""
            if method == "GET" and path.startswith("/missing/"):
                upto = int(path.rsplit("/", 1)[1])
                with lock:
                    missing = sum(1 for i in range(1, upto + 1) if i >= len(counts) or counts[i] == 0)
                return 200, {"missing": missing}, ""
            if method == "GET" and path == "/validate":  # the first body, held to the contract now
                if state.get("first_body") is None:
                    return 200, {"violations": None}, ""
                violations = self.contract_violations("/v3/mail/send", state["first_headers"],
                                                      state["first_body"])
                return 200, {"violations": [m for m, _ in violations][:5]}, ""
            if method == "POST" and state.get("first_body") is None:
                state["first_body"], state["first_headers"] = body, headers
            if method == "GET" and path == "/reset":
                with lock:
                    counts[:] = bytearray(1)
                    state["first_at"] = None
                self.requests = self.recipients = 0
                return 200, {}, ""
            return super().answer(method, path, headers, body)

    def accepted(body: dict[str, Any], message_id: str) -> None:
        ids = [int(p["custom_args"]["delivery_id"]) for p in body["personalizations"]]
        with lock:
            if state["first_at"] is None:
                state["first_at"] = time.time()
            top = max(ids)
            if top >= len(counts):
                counts.extend(bytearray(top + 1 - len(counts)))
            for i in ids:
                counts[i] = min(255, counts[i] + 1)
            if events_url:
                pending.extend({"email": p["to"][0]["email"], "timestamp": int(time.time()),
                                "event": "processed", "sg_event_id": uuid.uuid4().hex,
                                "sg_message_id": f"{message_id}.filter0",
                                "delivery_id": p["custom_args"]["delivery_id"]}
                               for p in body["personalizations"])

    def post_events() -> None:
        while True:
            time.sleep(0.2)
            with lock:
                batch, pending[:] = pending[:1000], pending[1000:]
            if not batch:
                continue
            data = json.dumps(batch).encode()
            stamp = str(int(time.time()))
            signature = base64.b64encode(key.sign(stamp.encode() + data, ec.ECDSA(hashes.SHA256()))).decode()
            request = urllib.request.Request(events_url, data=data, method="POST", headers={
                "Content-Type": "application/json", "X-Twilio-Email-Event-Webhook-Signature": signature,
                "X-Twilio-Email-Event-Webhook-Timestamp": stamp})
            try:
                urllib.request.urlopen(request, timeout=60).read()
            except OSError:  # as SendGrid does: try the post again later
                with lock:
                    pending[:0] = batch

    # The first body is kept and held to the contract after the timing (/validate): openapi-core
    # takes ~10 s over a 1,000-personalization body, which would be timed as the server's.
    server = BenchServer(API_KEY, validate_first=0, keep_bodies=False)
    server.on_accepted = accepted
    if events_url and key is not None:
        threading.Thread(target=post_events, daemon=True).start()
    with server:
        port_out.send(server.url)
        threading.Event().wait()


@contextmanager
def sendgrid_server(events_url: str | None = None, private_pem: bytes | None = None) -> Iterator[str]:
    context = multiprocessing.get_context("spawn")
    parent, child = context.Pipe()
    process = context.Process(target=_sendgrid_process, args=(child, events_url, private_pem), daemon=True)
    process.start()
    url = parent.recv()
    try:
        yield url
    finally:
        process.kill()
        process.join()


def get(url: str) -> dict[str, Any]:
    with urllib.request.urlopen(url, timeout=600) as response:
        return json.loads(response.read())


# --- databases and data ----------------------------------------------------------------------------


@contextmanager
def database(kind: str, folder: Path) -> Iterator[str]:
    if kind == "sqlite":
        url = f"sqlite:///{folder / f'bench-{uuid.uuid4().hex[:6]}.db'}"
        upgrade(url)
        yield url
        return
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    name = f"verdicts_bench_{uuid.uuid4().hex[:8]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = PG_ADMIN.rsplit("/", 1)[0] + f"/{name}"
    try:
        upgrade(url)
        yield url
    finally:
        get_engine(url).dispose()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def add_subscribers(url: str, count: int) -> None:
    """`count` active subscribers, inserted straight through the driver (setup, not measured)."""
    engine = get_engine(url)
    rows = ((f"reader{n}@example{n % 97}.com", "active") for n in range(count))
    with engine.begin() as connection:
        raw = connection.connection.driver_connection
        if url.startswith("postgresql"):
            with raw.cursor() as cursor, cursor.copy(
                    "COPY subscribers (email, status, created_at, confirmed_at) FROM STDIN") as copy:
                for email, status in rows:
                    copy.write_row((email, status, "2026-11-01T00:00:00+00", "2026-11-01T00:00:00+00"))
        else:
            raw.executemany("INSERT INTO subscribers (email, status, created_at, confirmed_at) VALUES "
                            "(?, ?, '2026-11-01 00:00:00', '2026-11-01 00:00:00')", rows)


def approved_issue(url: str, data_dir: Path) -> int:
    """This week's issue composed from the bundled samples and approved: the real path."""
    from editorial.issues import approve_issue
    from editorial.weeks import current_week
    from verdicts import stages
    from verdicts.settings import SAMPLES_DIR, Settings

    settings = Settings(database_url=url, data_dir=data_dir)
    stages.ingest_all(settings, SAMPLES_DIR / "sources.toml")
    issue_id = stages.compose(settings, current_week()).result.issue_id
    with Session(get_engine(url)) as session:
        approve_issue(session, issue_id=issue_id, editor="editor@example.com", settings=settings)
        session.commit()
    return issue_id


def env_for(url: str, data_dir: Path, **extra: str) -> dict[str, str]:
    return {**os.environ, "VERDICTS_DATABASE_URL": url, "VERDICTS_DATA_DIR": str(data_dir),
            "VERDICTS_SECRET_KEY": "bench-secret", "VERDICTS_SENDGRID_API_KEY": API_KEY, **extra}


@dataclass
class Run:
    seconds: float
    peak_mb: float
    status: int
    output: str


def _kill(child: subprocess.Popen[bytes]) -> None:
    if child.poll() is None:
        os.kill(child.pid, signal.SIGKILL)


def kill_at_request(child: subprocess.Popen[bytes], server: str, target: int) -> None:
    """SIGKILL the child once the server has taken `target` requests in all (checked every 20 ms)."""
    while child.poll() is None and get(f"{server}/stats")["requests"] < target:
        time.sleep(0.02)
    _kill(child)


def run_cli(args: list[str], env: dict[str, str], kill_after: float | None = None,
            kill_when: tuple[str, int] | None = None) -> Run:
    """Run a `verdicts` command; its wall time, its own peak RSS (wait4), exit status, output."""
    peak_file = Path(tempfile.mkstemp(prefix="verdicts-peak-")[1])
    env = {**env, "VERDICTS_BENCH_PEAK_FILE": str(peak_file)}
    started = time.monotonic()
    child = subprocess.Popen([*CLI, *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if kill_after is not None:
        threading.Timer(kill_after, _kill, (child,)).start()
    if kill_when is not None:
        threading.Thread(target=kill_at_request, args=(child, *kill_when), daemon=True).start()
    output = child.stdout.read().decode() if child.stdout else ""
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    written = peak_file.read_text().strip()
    peak_file.unlink()
    # a killed child writes nothing: ru_maxrss then, an upper bound (see _CLI_WITH_PEAK)
    peak_mb = int(written) / 1024 if written else usage.ru_maxrss / 1024
    return Run(time.monotonic() - started, peak_mb, child.returncode, output)


# --- 1. SendGrid: ours against the floor -------------------------------------------------------------


def floor(url: str, server: str, issue_id: int) -> tuple[float, int]:
    """The same addresses, from the same database, in the same bodies, by a bare loop: (s, requests)."""
    from db.models import NewsletterIssue
    from verdicts.settings import Settings

    settings = Settings(secret_key="bench-secret")
    with Session(get_engine(url)) as session:
        issue = session.get(NewsletterIssue, issue_id)
        letter = letter_for(settings=settings, issue_id=issue_id, subject=issue.subject,
                            html=issue.rendered_html, text=issue.rendered_text, week=issue.week)
    host, port = server.removeprefix("http://").split(":")
    connection = HTTPConnection(host, int(port), timeout=120)
    headers = {"Authorization": f"Bearer {API_KEY}", "Content-Type": "application/json"}
    started, requests = time.monotonic(), 0
    engine = get_engine(url)
    with engine.connect() as db:
        rows = db.execution_options(stream_results=True, yield_per=1000).execute(
            text("SELECT id, email FROM subscribers WHERE status = 'active' ORDER BY id"))
        for chunk in rows.partitions(1000):
            ids = [row[0] for row in chunk]
            batch = [Recipient(i, i, row[1], t) for i, row, t in
                     zip(ids, chunk, link_tokens("bench-secret", ids, issue_id), strict=True)]
            body = json.dumps(mail_body(letter, batch)).encode()
            connection.request("POST", "/v3/mail/send", body, headers)
            response = connection.getresponse()
            response.read()
            assert response.status == 202, response.status
            requests += 1
    connection.close()
    return time.monotonic() - started, requests


def reset_send(url: str, issue_id: int) -> None:
    """Back to an issue in 'sending' with every row pending: a send to measure a restart on."""
    with get_engine(url).begin() as connection:
        connection.execute(text("UPDATE deliveries SET status = 'pending', attempts = 0, batch = NULL"))
        connection.execute(text("UPDATE issues SET status = 'sending' WHERE id = :i"), {"i": issue_id})


def bench_sendgrid(kind: str, size: int, folder: Path) -> None:
    with database(kind, folder) as url, sendgrid_server() as server:
        add_subscribers(url, size)
        issue_id = approved_issue(url, folder / "var")
        env = env_for(url, folder / "var", VERDICTS_SENDGRID_HOST=server, VERDICTS_SEND_LEASE_SECONDS="5",
                      VERDICTS_SEND_LEASE_WAIT_SECONDS="30")
        get(f"{server}/reset")
        ours = run_cli(["send", str(issue_id), "--backend", "sendgrid"], env)
        stats = get(f"{server}/stats")
        missing = get(f"{server}/missing/{size}")["missing"]
        violations = get(f"{server}/validate")["violations"]
        get(f"{server}/reset")
        floor_seconds, floor_requests = floor(url, server, issue_id)
        ok = "ok" if ours.status == 0 else f"exit {ours.status}: {ours.output.strip()[-200:]}"
        print(f"{kind:<10} {size:>9,}  ours {ours.seconds:7.1f} s {size / ours.seconds:>9,.0f}/s "
              f"{stats['requests']:>5} req  peak {ours.peak_mb:6.0f} MB  dup {stats['duplicates']} "
              f"missing {missing}  | floor {floor_seconds:6.1f} s {size / floor_seconds:>9,.0f}/s "
              f"{floor_requests:>5} req  | ours/floor {floor_seconds / ours.seconds:5.0%}  ({ok}; "
              f"first body vs contract: {violations or 'valid'})", flush=True)
        reset_send(url, issue_id)
        get(f"{server}/reset")
        killed = run_cli(["send", str(issue_id)], {**env, "VERDICTS_DELIVERY_BACKEND": "sendgrid"},
                         kill_when=(server, max(1, stats["requests"] // 3)))
        time.sleep(5.5)  # its lease expires
        get(f"{server}/reset")
        before = time.time()
        resumed = run_cli(["send", str(issue_id), "--backend", "sendgrid"], env)
        first = get(f"{server}/stats")
        to_first = max(0.0, (first["first_at"] or before) - before) if killed.status else float("nan")
        print(f"{'':<10} {'':>9}  restart after SIGKILL at {killed.seconds:.1f} s: first request "
              f"{to_first:.1f} s after the new start (process start included), "
              f"done in {resumed.seconds:.1f} s "
              f"(peak {resumed.peak_mb:.0f} MB, exit {resumed.status})", flush=True)


# --- 2. SMTP: ours against a bare smtplib loop -------------------------------------------------------


def _smtp_process(port_out: Any) -> None:
    from aiosmtpd.controller import Controller

    from tests.servers.smtp_server import free_port

    class Sink:
        async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
            return "250 OK"

    port = free_port()
    controller = Controller(Sink(), hostname="127.0.0.1", port=port)
    controller.start()
    port_out.send(port)
    threading.Event().wait()


@contextmanager
def smtp_server() -> Iterator[int]:
    context = multiprocessing.get_context("spawn")
    parent, child = context.Pipe()
    process = context.Process(target=_smtp_process, args=(child,), daemon=True)
    process.start()
    port = parent.recv()
    try:
        yield port
    finally:
        process.kill()
        process.join()


def bare_smtp(url: str, port: int, issue_id: int, count: int) -> float:
    """The same messages, built beforehand, sent by one smtplib connection in a loop: seconds."""
    from db.models import NewsletterIssue
    from verdicts.settings import Settings

    with Session(get_engine(url)) as session:
        issue = session.get(NewsletterIssue, issue_id)
        letter = letter_for(settings=Settings(secret_key="bench-secret"), issue_id=issue_id,
                            subject=issue.subject, html=issue.rendered_html, text=issue.rendered_text,
                            week=issue.week)
    template = mime_template(letter)
    tokens = link_tokens("bench-secret", list(range(1, count + 1)), issue_id)
    messages = [(f"reader{n - 1}@example{(n - 1) % 97}.com", template.render(Recipient(n, n, "x@example.com",
                 tokens[n - 1]))[1]) for n in range(1, count + 1)]
    started = time.monotonic()
    with smtplib.SMTP("127.0.0.1", port, timeout=60) as connection:
        for to, data in messages:
            connection.sendmail("verdicts@example.com", [to], data)
    return time.monotonic() - started


def bench_smtp(count: int, folder: Path) -> None:
    with database("sqlite", folder) as url, smtp_server() as port:
        add_subscribers(url, count)
        issue_id = approved_issue(url, folder / "var")
        bare = bare_smtp(url, port, issue_id, count)
        env = env_for(url, folder / "var", VERDICTS_SMTP_HOST="127.0.0.1", VERDICTS_SMTP_PORT=str(port),
                      VERDICTS_SMTP_SECURITY="none", VERDICTS_SMTP_CONNECTIONS="1")
        ours = run_cli(["send", str(issue_id), "--backend", "smtp"], env)
        rate = count / ours.seconds
        print(f"smtp       {count:>9,}  ours (1 connection) {ours.seconds:6.1f} s {rate:7,.0f}/s "
              f"peak {ours.peak_mb:.0f} MB (exit {ours.status}) | bare smtplib loop {bare:6.1f} s "
              f"{count / bare:7,.0f}/s | ours/bare {bare / ours.seconds:5.0%}", flush=True)


# --- 3. Kill and resume, with signed events -----------------------------------------------------------


def bench_kill_resume(count: int, folder: Path, kills: int, seed: int = 8) -> None:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    from emails.reconcile import decide, reconcile_unknown
    from tests.servers.smtp_server import free_port
    from verdicts.settings import Settings

    key = ec.generate_private_key(ec.SECP256R1())
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    public = base64.b64encode(key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)).decode()
    web_port = free_port()
    rng = random.Random(seed)
    with database("sqlite", folder) as url, sendgrid_server(f"http://127.0.0.1:{web_port}/webhooks/sendgrid",
                                                            pem) as server:
        add_subscribers(url, count)
        issue_id = approved_issue(url, folder / "var")
        env = env_for(url, folder / "var", VERDICTS_SENDGRID_HOST=server, VERDICTS_SEND_LEASE_SECONDS="3",
                      VERDICTS_SEND_LEASE_WAIT_SECONDS="30", VERDICTS_SENDGRID_WEBHOOK_PUBLIC_KEY=public,
                      VERDICTS_SEND_BATCH_SIZE="500")
        web = subprocess.Popen([*CLI, "web", "--port", str(web_port)], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
        try:
            time.sleep(3)
            delays = []  # kill when the server has taken a random number of further requests
            for _ in range(kills):
                target = get(f"{server}/stats")["requests"] + rng.randint(1, 6)
                delays.append(target)
                run_cli(["send", str(issue_id), "--backend", "sendgrid"], env, kill_when=(server, target))
            last = run_cli(["send", str(issue_id), "--backend", "sendgrid"], env)
            while get(f"{server}/stats")["queued_events"]:
                time.sleep(0.5)
            time.sleep(2)  # the last post is processed
            settings = Settings(database_url=url, data_dir=folder / "var", send_lease_seconds=3)
            time.sleep(3.2)
            summary = reconcile_unknown(get_engine(url), settings)
            resent = decide(get_engine(url), settings, issue_id=issue_id, decision="resend", grace_minutes=0)
            final = run_cli(["send", str(issue_id), "--backend", "sendgrid"], env)
        finally:
            web.kill()
            web.wait()
        stats = get(f"{server}/stats")
        missing = get(f"{server}/missing/{count}")["missing"]
        with get_engine(url).connect() as connection:
            by_state = text("SELECT status, count(*) FROM deliveries GROUP BY status")
            states = dict(connection.execute(by_state).all())
            how = text("SELECT substr(error, 1, 40), count(*) FROM deliveries WHERE error IS NOT NULL "
                       "GROUP BY substr(error, 1, 40)")
            notes = dict(connection.execute(how).all())
        print(f"kill+resume {count:>8,}  SIGKILL at requests {delays}; then exit {last.status}; "
              f"reconciled from events {summary.from_events}, operator --resend {resent.moved}; "
              f"final exit {final.status}: "
              f"duplicates {stats['duplicates']}, missing {missing}, unknown {states.get('unknown', 0)} "
              f"(rows by state {states}; notes on rows {notes})", flush=True)


# --- 4. Import -------------------------------------------------------------------------------------------


def bench_import(rows: int, folder: Path) -> None:
    csv = folder / "subscribers.csv"
    csv.write_text("email,name,status\n" + "".join(f"reader{n}@example{n % 97}.com,Reader {n},active\n"
                                                   for n in range(rows)), encoding="utf-8")
    for kind in ("sqlite", "postgresql"):
        with database(kind, folder) as url:
            run = run_cli(["subscribers", "import", str(csv)], env_for(url, folder / "var"))
            print(f"import     {kind:<10} {rows:>9,} rows in {run.seconds:5.1f} s (process start included; "
                  f"peak {run.peak_mb:.0f} MB): {run.output.strip()}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--dbs", default="sqlite,postgresql")
    parser.add_argument("--smtp", type=int, default=2000)
    parser.add_argument("--kill", type=int, default=20000)
    parser.add_argument("--kills", type=int, default=3)
    parser.add_argument("--import-rows", type=int, default=100_000)
    parser.add_argument("--skip", default="", help="comma-separated: sendgrid,smtp,kill,import")
    args = parser.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    with tempfile.TemporaryDirectory(prefix="verdicts-send-bench-") as tmp:
        folder = Path(tmp)
        if "import" not in skip:
            bench_import(args.import_rows, folder)
        if "sendgrid" not in skip:
            for size in [int(s) for s in args.sizes.split(",") if s]:
                for kind in args.dbs.split(","):
                    bench_sendgrid(kind, size, folder)
        if "smtp" not in skip:
            bench_smtp(args.smtp, folder)
        if "kill" not in skip:
            bench_kill_resume(args.kill, folder, args.kills)


if __name__ == "__main__":
    main()
