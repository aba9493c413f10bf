"""`verdicts send` SIGKILLed mid-send, for real, and run again: nobody twice, nobody missed.

The loopback SendGrid server kills the sending process at chosen points: once right after it accepted
a request (the batch went out, the sender never heard), once as a request arrives (it never went
out). Each leaves a batch 'unknown'. Provider events settle the first; the operator's --resend
settles the second; a last run finishes the issue.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter

import pytest
from sqlmodel import Session

from db.models import NewsletterIssue
from db.states import IssueStatus
from editorial.issues import approve_issue
from emails.events import record_events
from emails.reconcile import decide, reconcile_unknown
from tests.servers.sendgrid_events import events_for
from tests.servers.sendgrid_server import SendGridServer, require_mail_contract

API_KEY = "SG.kill-test"
READERS, BATCH = 30, 5


def run_send(settings, server: SendGridServer, issue_id: int, kill_at: tuple[int, str] | None,
             concurrency: int = 1) -> int:
    """Run `verdicts send` in a child process; SIGKILL it when the server sees request kill_at."""
    env = {**os.environ, "VERDICTS_DATABASE_URL": settings.resolved_database_url(),
           "VERDICTS_DATA_DIR": str(settings.data_dir), "VERDICTS_SECRET_KEY": settings.secret_key,
           "VERDICTS_DELIVERY_BACKEND": "sendgrid", "VERDICTS_SENDGRID_API_KEY": API_KEY,
           "VERDICTS_SENDGRID_HOST": server.url, "VERDICTS_SEND_BATCH_SIZE": str(BATCH),
           "VERDICTS_SEND_LEASE_SECONDS": "2", "VERDICTS_SEND_LEASE_WAIT_SECONDS": "60",
           "VERDICTS_SENDGRID_CONCURRENCY": str(concurrency)}
    command = [sys.executable, "-c", "from verdicts.cli import app; app()", "send", str(issue_id)]
    child = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)

    def kill(number: int, phase: str) -> bool:
        if kill_at is not None and (number, phase) == kill_at:
            os.kill(child.pid, signal.SIGKILL)
            return phase != "received"  # killed as it arrives: the request never made it
        return True

    server.on_request = kill
    output, _ = child.communicate(timeout=120)
    server.wait_idle()  # what the dead run left in flight is accepted (or not) before the test reads it
    server.on_request = None
    if kill_at is None:
        assert child.returncode == 0, output.decode()
        assert b"is sent" in output
    else:  # say what the run printed if it ended before the request it was to die at
        assert child.returncode == -signal.SIGKILL, f"exit {child.returncode}: {output.decode()}"
    return child.returncode


def sent_to(server: SendGridServer) -> Counter:
    return Counter(p["to"][0]["email"] for a in server.accepted for p in a.body["personalizations"])


@pytest.mark.timeout(240)
def test_killed_at_any_point_and_restarted_nobody_twice_nobody_missed(settings, engine, compose_with_readers):
    issue_id = compose_with_readers(READERS)
    with Session(engine) as session:
        approve_issue(session, issue_id=issue_id, editor="editor@example.com", settings=settings)
        session.commit()

    with SendGridServer(API_KEY, require_mail_contract()) as server:
        assert run_send(settings, server, issue_id, kill_at=(2, "accepted")) == -signal.SIGKILL
        assert run_send(settings, server, issue_id, kill_at=(4, "received")) == -signal.SIGKILL
        with Session(engine) as session:
            assert session.get(NewsletterIssue, issue_id).status == IssueStatus.SENDING

        for accepted in server.accepted:  # the provider reports what it accepted
            record_events(engine, events_for(accepted.body, accepted.message_id))
        time.sleep(2.2)  # the dead run's lease expires
        summary = reconcile_unknown(engine, settings)  # what the daily maintenance flow runs
        # The first run's batch was accepted (its events settle it); the second's never left.
        assert (summary.from_events, summary.within_grace) == (BATCH, BATCH)
        assert decide(engine, settings, issue_id=issue_id, decision="resend", grace_minutes=0).moved == BATCH
        run_send(settings, server, issue_id, kill_at=None)

    assert sent_to(server) == Counter({f"reader{n}@example.com": 1 for n in range(READERS)})
    with Session(engine) as session:
        issue = session.get(NewsletterIssue, issue_id)
        assert issue.status == IssueStatus.SENT


@pytest.mark.timeout(240)
def test_killed_with_requests_in_flight_nobody_twice_nobody_missed(settings, engine, compose_with_readers):
    """Four requests at once: a kill leaves up to four batches unknown, some of them accepted."""
    readers = 80
    issue_id = compose_with_readers(readers)
    with Session(engine) as session:
        approve_issue(session, issue_id=issue_id, editor="editor@example.com", settings=settings)
        session.commit()

    with SendGridServer(API_KEY, require_mail_contract()) as server:
        assert run_send(settings, server, issue_id, (3, "accepted"), concurrency=4) == -signal.SIGKILL
        dropped = (server.requests + 2, "received")  # the second run's second request never arrives
        assert run_send(settings, server, issue_id, dropped, concurrency=4) == -signal.SIGKILL
        for accepted in server.accepted:
            record_events(engine, events_for(accepted.body, accepted.message_id))
        time.sleep(2.2)  # the dead run's lease expires
        summary = reconcile_unknown(engine, settings)
        assert summary.within_grace > 0  # the request dropped as it arrived, at least, never left
        decide(engine, settings, issue_id=issue_id, decision="resend", grace_minutes=0)
        run_send(settings, server, issue_id, kill_at=None, concurrency=4)

    assert sent_to(server) == Counter({f"reader{n}@example.com": 1 for n in range(readers)})
    with Session(engine) as session:
        assert session.get(NewsletterIssue, issue_id).status == IssueStatus.SENT
