"""The delivery commands as an operator runs them: test sends, busy sends, reconciliation, imports."""

from __future__ import annotations

import json
from datetime import timedelta

from sqlmodel import Session, select
from typer.testing import CliRunner

from db import queries
from db.models import Delivery, NewsletterIssue, Subscriber, utcnow
from db.states import DeliveryStatus, IssueStatus, SubscriberStatus
from verdicts.cli import app
from verdicts.settings import SAMPLES_DIR

runner = CliRunner()


def verdicts(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def week(settings) -> None:
    result = verdicts("week", "--subscribers", str(SAMPLES_DIR / "subscribers.csv"))
    assert result.exit_code == 0, result.output


def test_send_test_mails_a_draft_to_one_address_and_records_nothing(settings, engine):
    week(settings)
    result = verdicts("send", "1", "--test", "desk@example.com")
    assert result.exit_code == 0, result.output
    assert "test of issue 1 sent to desk@example.com through outbox" in result.output
    [eml] = settings.resolved_outbox_dir().glob("*.eml")
    assert eml.name.startswith("test-") and eml.name.endswith("-desk@example.com.eml")
    shown = json.loads(verdicts("issues", "show", "1", "--json").output)
    assert (shown["status"], shown["deliveries"]) == ("draft", {})


def test_a_send_held_by_another_run_exits_1_naming_it(settings, engine):
    week(settings)
    assert verdicts("approve", "1", "--as", "editor@example.com").exit_code == 0
    now = utcnow()
    with Session(engine) as session:
        queries.acquire_lease(session, issue_id=1, holder="worker-2 pid 77", token="t", now=now,
                              expires_at=now + timedelta(minutes=1))
        session.commit()
    result = verdicts("send", "1")
    assert result.exit_code == 1
    assert "is being sent by worker-2 pid 77" in result.output and "Traceback" not in result.output


def test_unknown_deliveries_are_shown_and_settled_by_the_operator(settings, engine, monkeypatch):
    week(settings)
    assert verdicts("approve", "1", "--as", "editor@example.com").exit_code == 0
    assert verdicts("send", "1").exit_code == 0
    with Session(engine) as session:  # as if a run had died with one row in flight, long ago
        issue = session.get(NewsletterIssue, 1)
        issue.status = IssueStatus.SENDING
        row = session.exec(select(Delivery)).first()
        row.status, row.updated_at = DeliveryStatus.UNKNOWN, utcnow() - timedelta(hours=3)
        session.add_all([issue, row])
        session.commit()
        unknown_id = row.id

    shown = verdicts("issues", "show", "1")
    assert "deliveries have an unknown outcome: `verdicts deliveries reconcile 1`" in shown.output
    listing = json.loads(verdicts("deliveries", "list", "1", "--state", "unknown", "--json").output)
    assert [r["id"] for r in listing] == [unknown_id]

    looked = verdicts("deliveries", "reconcile", "1")
    assert looked.exit_code == 1
    assert "0 unknown deliveries settled from provider events" in looked.output
    assert "decide with `verdicts deliveries reconcile 1 --resend` or `--mark-sent`" in looked.output

    both = verdicts("deliveries", "reconcile", "1", "--resend", "--mark-sent")
    assert both.exit_code == 2 and "choose one" in both.output

    decided = verdicts("deliveries", "reconcile", "1", "--resend")
    assert decided.exit_code == 0, decided.output
    assert "1 unknown deliveries queued to send again" in decided.output
    before = len(list(settings.resolved_outbox_dir().glob("*.eml")))
    resent = verdicts("send", "1")
    assert resent.exit_code == 0 and "is sent: 1 sent" in resent.output
    assert len(list(settings.resolved_outbox_dir().glob("*.eml"))) == before  # the same file, rewritten


def test_import_reports_bad_lines_and_skip_invalid_imports_the_rest(settings, engine, tmp_path):
    assert verdicts("db", "upgrade").exit_code == 0
    csv = tmp_path / "list.csv"
    csv.write_text("email,name,status\nok@example.com,Ok,active\nbroken,No,active\n", encoding="utf-8")
    refused = verdicts("subscribers", "import", str(csv))
    assert refused.exit_code == 2 and "line 3: not a valid email address: 'broken'" in refused.output
    done = verdicts("subscribers", "import", str(csv), "--skip-invalid")
    assert done.exit_code == 0 and "1 added, 0 already there, 1 invalid skipped" in done.output
    with Session(engine) as session:
        assert [s.email for s in session.exec(select(Subscriber)).all()] == ["ok@example.com"]
        assert session.exec(select(Subscriber)).one().status == SubscriberStatus.ACTIVE
