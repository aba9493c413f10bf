"""The CLI as operators meet it: exit codes, one-line errors for every environment mistake, a
bug's traceback only under -v, --version, status, progress, and the fixes the issue asked for."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import PG_ADMIN_URL
from verdicts.cli import app
from verdicts.settings import SAMPLES_DIR, get_settings

runner = CliRunner()
VERDICTS = str(Path(sys.executable).parent / "verdicts")


def verdicts(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def rss(*items: str) -> str:
    return ('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>https://x.example/</link>'
            + "".join(items) + "</channel></rss>")


def sources_file(folder: Path, **feeds: str) -> Path:
    blocks = []
    for name, body in feeds.items():
        if body.startswith("http"):
            url = body
        else:
            (folder / f"{name}.rss").write_text(body, encoding="utf-8")
            url = f"{name}.rss"
        blocks.append(f'[[source]]\nname = "{name}"\nurl = "{url}"\n')
    path = folder / "sources.toml"
    path.write_text("\n".join(blocks), encoding="utf-8")
    return path


GOOD = rss("<item><title>Quillset - an AI writing assistant</title><link>https://quillset.example/</link>"
           "<guid>q1</guid></item>")
HOSTILE = rss("<item><title>Broken - AI</title><link>http://[::1/foo</link><guid>b1</guid></item>",
              "<item><title>Nul - an AI coder</title><link>https://nul.example/</link><guid>n&#0;1</guid></item>")


def test_version():
    result = verdicts("--version")
    assert result.exit_code == 0
    assert result.output.startswith("verdicts ") and result.output.strip()[-1].isdigit()


def test_ingest_exit_codes_say_whether_every_source_was_read(settings, tmp_path):
    assert verdicts("db", "upgrade").exit_code == 0
    ok = verdicts("ingest", "--sources", str(sources_file(tmp_path, good=GOOD, hostile=HOSTILE)))
    assert ok.exit_code == 0, ok.output  # a skipped entry is not a failed source
    assert "1 entries skipped" in ok.stdout and "error" not in ok.stdout

    partial = verdicts("ingest", "--force", "--sources", str(sources_file(tmp_path, good=GOOD, gone="http://[::1/x")))
    assert partial.exit_code == 1, partial.output
    assert "gone" in partial.stdout and "failed" in partial.stdout

    none = verdicts("ingest", "--force", "--sources", str(sources_file(tmp_path, a="http://[::1/x", b="http://[y")))
    assert none.exit_code == 1, none.output


def test_nothing_to_compose_is_exit_1_with_the_reason(settings):
    assert verdicts("db", "upgrade").exit_code == 0
    result = verdicts("compose")
    assert result.exit_code == 1
    assert "nothing to compose" in result.stdout


@pytest.mark.parametrize(("url", "message"), [
    ("not-a-url", "VERDICTS_DATABASE_URL is not a database URL: 'not-a-url'"),
    ("mysql://verdicts@localhost/verdicts", "unsupported database 'mysql'"),
    ("postgresql+asyncpg://postgres@127.0.0.1/x", "the driver 'asyncpg'"),
    ("postgresql+psycopg2://postgres@127.0.0.1/x", "is not installed"),
    (PG_ADMIN_URL.rsplit("/", 1)[0] + "/verdicts_nodb", 'database "verdicts_nodb" does not exist'),
    ("postgresql+psycopg://postgres@127.0.0.1:1/verdicts", "cannot open the database"),
])
@pytest.mark.parametrize("command", [("db", "upgrade"), ("issues", "list"), ("status",)])
def test_a_database_that_cannot_be_used_is_one_line_and_exit_2(monkeypatch, tmp_path, url, message, command):
    monkeypatch.setenv("VERDICTS_DATABASE_URL", url)
    monkeypatch.setenv("VERDICTS_DATA_DIR", str(tmp_path))
    get_settings.cache_clear()
    try:
        result = verdicts(*command)
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.output


def test_the_real_command_prints_one_line_for_a_missing_database_and_for_a_bad_setting(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("VERDICTS_")}
    missing = PG_ADMIN_URL.rsplit("/", 1)[0] + "/verdicts_missing_db"
    for extra, expected in (({"VERDICTS_DATABASE_URL": missing}, "does not exist"),
                            ({"VERDICTS_FETCH_ATTEMPTS": "lots"}, "VERDICTS_FETCH_ATTEMPTS")):
        for command in (["db", "upgrade"], ["week"]):
            done = subprocess.run([VERDICTS, *command], capture_output=True, text=True, timeout=60,
                                  env=env | extra | {"VERDICTS_DATA_DIR": str(tmp_path)})
            assert done.returncode == 2, done.stderr
            assert expected in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr


def test_a_bug_is_one_line_and_exit_1_and_shows_its_traceback_under_v(settings):
    @app.command("explode-for-test")
    def explode() -> None:
        raise KeyError("a bug")

    try:
        quiet = verdicts("explode-for-test")
        loud = verdicts("-v", "explode-for-test")
    finally:
        app.registered_commands.pop()
    assert quiet.exit_code == 1
    assert quiet.stderr.strip() == "error: internal error: KeyError: 'a bug' (run with -v for the traceback)"
    assert loud.exit_code == 1 and "Traceback (most recent call last)" in loud.stderr


def test_verbose_logs_each_stage_and_no_alembic_chatter(settings, tmp_path):
    verdicts("db", "upgrade")
    result = verdicts("-v", "ingest", "--sources", str(sources_file(tmp_path, good=GOOD)))
    assert result.exit_code == 0
    assert "INFO verdicts.stages: ingest: 1 sources" in result.stderr
    assert "alembic" not in result.stderr.lower()


def test_progress_is_plain_lines_on_stderr_when_not_a_terminal(settings, tmp_path):
    verdicts("db", "upgrade")
    two = sources_file(tmp_path, good=GOOD, other=GOOD.replace("q1", "q2"))
    result = verdicts("ingest", "--sources", str(two))
    assert "ingest: 2/2 sources" in result.stderr
    assert "ingest:" not in result.stdout  # stdout stays the result, for scripts


def test_subscribers_add_active_confirms_a_pending_address(settings):
    verdicts("db", "upgrade")
    assert "added (pending)" in verdicts("subscribers", "add", "ada@example.com").stdout
    result = verdicts("subscribers", "add", "ada@example.com", "--active")
    assert result.exit_code == 0 and "confirmed (active)" in result.stdout
    verdicts("subscribers", "add", "bob@example.com", "--active")
    assert "already there (active)" in verdicts("subscribers", "add", "bob@example.com", "--active").stdout


def test_status_shows_runs_failures_draft_send_and_subscribers(settings, tmp_path):
    week = verdicts("week", "--subscribers", str(SAMPLES_DIR / "subscribers.csv"),
                    "--approve-as", "ed@example.com")
    assert week.exit_code == 0, week.output
    verdicts("ingest", "--force", "--sources", str(sources_file(tmp_path, broken="http://[::1/x")))
    done = without_prefect([VERDICTS, "status"], tmp_path)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "last runs (from database):" in out
    assert "  ingest    failed" in out and "  compose   done" in out and "  publish   done" in out
    assert "  maintain  never run" in out
    assert "failing sources: 1" in out and "broken" in out and "not a valid URL" in out
    assert "this week: issue 1" in out and "approved by ed@example.com" in out
    assert "last send: issue 1" in out and " sent" in out
    assert "subscribers:" in out and "active" in out


def test_approve_without_a_prefect_server_says_how_to_send(settings, tmp_path):
    verdicts("week", "--subscribers", str(SAMPLES_DIR / "subscribers.csv"))
    done = without_prefect([VERDICTS, "approve", "1", "--as", "ed@example.com"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert "no Prefect server configured: send it with `verdicts send ID`" in done.stdout


def without_prefect(args: list[str], folder: Path) -> subprocess.CompletedProcess[str]:
    """The real command, with this test's settings and no Prefect server (nor profile) in sight."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    home = folder / "prefect-home"
    home.mkdir(exist_ok=True)
    return subprocess.run(args, env=env | {"PREFECT_HOME": str(home)}, capture_output=True, text=True,
                          timeout=60)


def test_maintain_expires_old_unconfirmed_signups_and_keeps_the_rest(settings, engine):
    from datetime import timedelta

    from sqlmodel import Session, select

    from db.models import Subscriber, utcnow

    verdicts("db", "upgrade")
    with Session(engine) as session:
        session.add(Subscriber(email="old@example.com", created_at=utcnow() - timedelta(days=30)))
        session.add(Subscriber(email="new@example.com"))
        session.add(Subscriber(email="kept@example.com", status="active",
                               created_at=utcnow() - timedelta(days=90)))
        session.commit()
    result = verdicts("maintain")
    assert result.exit_code == 0, result.output
    assert "subscribers: 1 unconfirmed after 7 days expired" in result.stdout
    with Session(engine) as session:
        assert sorted(session.exec(select(Subscriber.email)).all()) == ["kept@example.com", "new@example.com"]


def test_an_unmigrated_postgresql_database_says_what_to_run(monkeypatch, tmp_path):
    import uuid

    from sqlalchemy import create_engine, text

    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    name = f"verdicts_empty_{uuid.uuid4().hex[:8]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    monkeypatch.setenv("VERDICTS_DATABASE_URL", PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}")
    monkeypatch.setenv("VERDICTS_DATA_DIR", str(tmp_path))
    get_settings.cache_clear()
    try:
        result = verdicts("issues", "list")
    finally:
        get_settings.cache_clear()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    assert result.exit_code == 2
    assert "is at revision none, the code needs" in result.stderr
    assert "run `verdicts db upgrade`" in result.stderr
