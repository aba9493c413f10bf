"""`verdicts editors` and what production refuses to start with, as an operator meets them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlmodel import Session
from typer.testing import CliRunner

from tests.conftest import ROOT
from verdicts.cli import app
from verdicts.production import ProductionConfigError, default_secret
from web import create_app
from web.editors import authenticate

runner = CliRunner()
STRONG = "k" * 40


def verdicts(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input, catch_exceptions=False)


@pytest.fixture(autouse=True)
def quick_hashes(monkeypatch):
    from argon2 import PasswordHasher

    from web import editors

    monkeypatch.setattr(editors, "_HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_editors_add_list_password_remove(settings, engine):
    added = verdicts("editors", "add", "Ed@Example.com", "--password-stdin", input="a good long password\n")
    assert added.exit_code == 0, added.output
    assert "editor ed@example.com added" in added.output
    twice = "another long one!\nanother long one!\n"  # asked for, then again to confirm
    prompted = verdicts("editors", "add", "second@example.com", input=twice)
    assert prompted.exit_code == 0, prompted.output
    with Session(engine) as session:
        assert authenticate(session, email="ed@example.com", password="a good long password") is not None
        assert authenticate(session, email="ed@example.com", password="wrong") is None
    listed = verdicts("editors", "list")
    assert "ed@example.com" in listed.output and "second@example.com" in listed.output
    for args, message in [
        (("editors", "add", "ed@example.com", "--password-stdin"), "already has an editor account"),
        (("editors", "add", "short@example.com", "--password-stdin"), "at least 12 characters"),
        (("editors", "add", "not-an-address", "--password-stdin"), "not a valid email address"),
        (("editors", "remove", "nobody@example.com"), "no editor account"),
    ]:
        result = verdicts(*args, input="short\n" if "short" in args[2] else "a good long password\n")
        assert result.exit_code == 2 and message in result.output, result.output
        assert "Traceback" not in result.output
    changed = verdicts("editors", "password", "ed@example.com", "--password-stdin",
                       input="a brand new password\n")
    assert changed.exit_code == 0
    with Session(engine) as session:
        assert authenticate(session, email="ed@example.com", password="a brand new password") is not None
    assert verdicts("editors", "remove", "ed@example.com").exit_code == 0
    assert "ed@example.com" not in verdicts("editors", "list").output


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_production_refuses_the_default_or_a_short_secret(settings):
    production = settings.model_copy(update={"environment": "production"})
    for secret, message in [(default_secret(), "default VERDICTS_SECRET_KEY"),
                            ("short", "use at least 32")]:
        with pytest.raises(ProductionConfigError, match=message):
            create_app(production.model_copy(update={"secret_key": secret}))
    create_app(settings.model_copy(update={"secret_key": default_secret()}))


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_production_refuses_a_desk_without_editors(settings, engine):
    production = settings.model_copy(update={"environment": "production", "secret_key": STRONG})
    with pytest.raises(ProductionConfigError, match="without an editor account"):
        create_app(production)
    create_app(production.model_copy(update={"desk_enabled": False}))  # a site without a desk may start
    verdicts("editors", "add", "ed@example.com", "--password-stdin", input="a good long password\n")
    create_app(production)


def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, **env}
    return subprocess.run(list(args), capture_output=True, text=True, env=environment, cwd=ROOT,
                          timeout=120, check=False)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_server_and_send_refuse_in_one_line(settings, monkeypatch):
    monkeypatch.delenv("VERDICTS_SECRET_KEY")
    env = {"VERDICTS_ENVIRONMENT": "production"}
    command = str(Path(sys.executable).parent / "verdicts")
    commands = ([sys.executable, "-c", "import web.asgi"], [command, "send", "1"],
                [command, "web", "--port", "1"])
    for args in commands:
        result = run(*args, **env)
        assert result.returncode == 2, (args, result.stderr)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "default VERDICTS_SECRET_KEY" in lines[0], result.stderr
