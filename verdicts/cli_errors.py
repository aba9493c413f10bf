"""Exit codes, and the one-line message and code for any exception a command raises."""

from __future__ import annotations

EXIT_DONE = 0  # done
EXIT_PARTIAL = 1  # done in part, or not done for a stated reason (and a bug: see below)
EXIT_USAGE = 2  # a usage or configuration error: the user or the environment can fix it


def classify(exc: BaseException) -> tuple[int, str]:
    """(exit code, one line) for an exception that ended a command.

    Mistakes of the user or the environment (a bad option or file, a database that is missing,
    unreachable or not migrated, a bad setting, a missing driver) are 2; work not done for a
    stated reason is 1; anything else is a bug: 1, and the CLI offers its traceback under -v."""
    from verdicts.errors import NotDone

    if isinstance(exc, NotDone):
        return EXIT_PARTIAL, str(exc)
    database = _database_problem(exc)
    if database is not None:
        return EXIT_USAGE, database
    if type(exc).__name__ == "ValidationError" and hasattr(exc, "errors"):
        return EXIT_USAGE, _settings_problem(exc)
    domain = isinstance(exc, LookupError) and not isinstance(exc, KeyError | IndexError)  # NotFound & co
    if isinstance(exc, ValueError) or domain:
        return EXIT_USAGE, _one_line(str(exc))
    if isinstance(exc, ImportError):
        return EXIT_USAGE, f"a module is missing: {exc} (reinstall with `make install`)"
    if isinstance(exc, OSError):
        where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
        return EXIT_USAGE, f"{exc.strerror or exc}{where}"
    return EXIT_PARTIAL, f"internal error: {type(exc).__name__}: {_one_line(str(exc))}"


def _database_problem(exc: BaseException) -> str | None:
    from db.engine import DatabaseNotReady, describe_connection_error

    if isinstance(exc, DatabaseNotReady):
        return _one_line(str(exc))
    from sqlalchemy.exc import InterfaceError, OperationalError

    if isinstance(exc, OperationalError | InterfaceError):
        from verdicts.settings import get_settings

        return describe_connection_error(exc, get_settings().resolved_database_url())
    return None


def _settings_problem(exc: BaseException) -> str:
    problems = []
    for error in exc.errors():  # type: ignore[attr-defined]
        name = "VERDICTS_" + "_".join(str(part) for part in error.get("loc", ())).upper()
        problems.append(f"{name}: {error.get('msg')} (got {error.get('input')!r})")
    return "invalid setting: " + "; ".join(problems)


def _one_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return " / ".join(lines) if len(lines) <= 3 else " / ".join(lines[:3]) + " / …"
