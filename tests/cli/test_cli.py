"""The `verdicts` command as a user runs it: clear errors, no tracebacks, the whole week."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

from verdicts.cli import app
from verdicts.settings import SAMPLES_DIR

runner = CliRunner()


def verdicts(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("ingest", "--sources", "/nowhere/sources.toml"), "sources file not found: /nowhere/sources.toml"),
        (("sources", "check", "--sources", "/nowhere/s.toml"), "sources file not found"),
        (("issues", "show", "999"), "no issue with id 999"),
        (("approve", "999", "--as", "editor@example.com"), "no issue with id 999"),
        (("send", "999"), "no issue with id 999"),
        (("compose", "--week", "2026-48"), "not an ISO week: '2026-48'"),
        (("compose", "--week", "2026-W60"), "no such ISO week"),
        (("send", "1", "--backend", "pigeon"), "unknown delivery backend 'pigeon'"),
        (("subscribers", "add", "not-an-email"), "not a valid email address"),
        (("subscribers", "import", "/nowhere.csv"), "subscribers file not found"),
    ],
)
def test_user_mistakes_get_one_clear_line(settings, args, message):
    assert verdicts("db", "upgrade").exit_code == 0
    result = verdicts(*args)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output


def test_an_unmigrated_database_says_what_to_run(tmp_path, monkeypatch):
    from verdicts.settings import get_settings

    monkeypatch.setenv("VERDICTS_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("VERDICTS_DATABASE_URL", f"sqlite:///{tmp_path / 'empty.db'}")
    get_settings.cache_clear()
    result = verdicts("issues", "list")
    get_settings.cache_clear()
    assert result.exit_code == 2
    assert "run `verdicts db upgrade`" in result.output


def test_the_whole_week_without_approval_leaves_a_draft(settings):
    result = verdicts("week", "--subscribers", str(SAMPLES_DIR / "subscribers.csv"))
    assert result.exit_code == 0, result.output
    assert "is a draft: an editor approves it" in result.output
    assert not settings.resolved_outbox_dir().exists() or not any(settings.resolved_outbox_dir().iterdir())


def test_the_whole_week_with_a_named_approver_sends_to_the_outbox(settings):
    result = verdicts("week", "--subscribers", str(SAMPLES_DIR / "subscribers.csv"),
                      "--approve-as", "editor@example.com")
    assert result.exit_code == 0, result.output
    assert "approved by editor@example.com" in result.output
    preview = Path(result.output.split("preview: ")[1].split()[0])
    assert preview.is_file() and "Weekly AI Tool Verdicts" in preview.read_text(encoding="utf-8")
    eml = list(settings.resolved_outbox_dir().glob("*.eml"))
    active = sum(1 for line in (SAMPLES_DIR / "subscribers.csv").read_text().splitlines()[1:]
                 if line.strip().endswith(",active"))
    assert len(eml) == active >= 2
    assert f"outbox: {settings.resolved_outbox_dir().resolve()}" in result.output

    rerun = verdicts("send", "1")
    assert "already sent" in rerun.output
    assert len(list(settings.resolved_outbox_dir().glob("*.eml"))) == active

    again = verdicts("week", "--subscribers", str(SAMPLES_DIR / "subscribers.csv"),
                     "--approve-as", "editor@example.com")  # the README's command, run twice
    assert again.exit_code == 0, again.output
    assert "is sent: not recomposed" in again.output and "already sent" in again.output
    assert len(list(settings.resolved_outbox_dir().glob("*.eml"))) == active
