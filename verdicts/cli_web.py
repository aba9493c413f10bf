"""`verdicts editors`: the accounts that sign in to the desk."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import typer

editors_app = typer.Typer(help="Editor accounts for the desk (/desk).", no_args_is_help=True)

F = TypeVar("F", bound=Callable[..., Any])
StdinOpt = Annotated[bool, typer.Option("--password-stdin", help="Read the password from standard input.")]


def user_errors(func: F) -> F:
    """verdicts.cli's user_errors, looked up when the command runs (verdicts.cli imports this module)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from verdicts.cli import user_errors as report_user_errors

        return report_user_errors(func)(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return str(typer.prompt("Password", hide_input=True, confirmation_prompt=True))


@editors_app.command("add")
@user_errors
def editors_add(email: str, password_stdin: StdinOpt = False) -> None:
    """Create an editor account (the password is asked for twice, or read from stdin)."""
    from db.engine import session_scope
    from verdicts import stages
    from verdicts.settings import get_settings
    from web.editors import add_editor

    engine = stages.engine_for(get_settings())
    password = _password(password_stdin)
    with session_scope(engine) as session:
        editor = add_editor(session, email=email, password=password)
        typer.echo(f"editor {editor.email} added: they sign in at /desk/login")


@editors_app.command("password")
@user_errors
def editors_password(email: str, password_stdin: StdinOpt = False) -> None:
    """Set a new password for an editor (and sign them out everywhere)."""
    from db.engine import session_scope
    from verdicts import stages
    from verdicts.settings import get_settings
    from web.editors import set_password

    engine = stages.engine_for(get_settings())
    password = _password(password_stdin)
    with session_scope(engine) as session:
        set_password(session, email=email, password=password)
    typer.echo(f"password changed for {email}; their sessions have ended")


@editors_app.command("list")
@user_errors
def editors_list() -> None:
    """Every editor account."""
    from db import web_queries
    from db.engine import session_scope
    from verdicts import stages
    from verdicts.settings import get_settings

    with session_scope(stages.engine_for(get_settings())) as session:
        rows = [(e.email, e.last_login_at) for e in web_queries.list_editors(session)]
    for email, last in rows:
        typer.echo(f"{email:<40} last sign-in {last.strftime('%Y-%m-%d %H:%M UTC') if last else 'never'}")
    if not rows:
        typer.echo("no editor accounts: add one with `verdicts editors add EMAIL`")


@editors_app.command("remove")
@user_errors
def editors_remove(email: str) -> None:
    """Delete an editor account (their past approvals keep their address)."""
    from db.engine import session_scope
    from verdicts import stages
    from verdicts.settings import get_settings
    from web.editors import remove_editor

    with session_scope(stages.engine_for(get_settings())) as session:
        remove_editor(session, email=email)
    typer.echo(f"editor {email} removed")
