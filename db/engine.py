"""Engine and sessions from settings; Alembic upgrades."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import event, text
from sqlalchemy.engine import Engine
from sqlmodel import Session, create_engine

from verdicts.settings import get_settings

if TYPE_CHECKING:  # alembic is imported where migrations are run: every command checks the
    from alembic.config import Config  # revision, and that needs no alembic (see code_head)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


SUPPORTED = ("sqlite", "postgresql")


class DatabaseNotReady(RuntimeError):
    """The database cannot be used as configured: a bad URL, a missing driver, a server that does
    not answer, a database that does not exist, or migrations not applied. The message says which."""


def make_engine(url: str) -> Engine:
    """A new engine for `url`; SQLite gets foreign keys on and a parent folder that exists;
    DatabaseNotReady for a URL we cannot use (malformed, another database, a missing driver)."""
    ensure_supported(url)
    try:
        if url.startswith("sqlite:///"):
            Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(url, connect_args={"timeout": 30})
            event.listen(engine, "connect", _sqlite_pragmas)
            return engine
        return create_engine(url, pool_pre_ping=True)
    except (ImportError, OSError) as exc:
        raise DatabaseNotReady(f"cannot use the database URL {_shown(url)}: {exc}") from None


def ensure_supported(url: str) -> None:
    """Return if `url` names a database we support; DatabaseNotReady saying what is wrong."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        raise DatabaseNotReady(
            f"VERDICTS_DATABASE_URL is not a database URL: {url!r} "
            "(e.g. postgresql+psycopg://user@host/verdicts or sqlite:///var/verdicts.db)") from None
    if parsed.get_backend_name() not in SUPPORTED:
        raise DatabaseNotReady(
            f"unsupported database {parsed.get_backend_name()!r} in {_shown(url)}: "
            "use PostgreSQL (postgresql+psycopg://…) or SQLite (sqlite:///…)")
    driver = parsed.get_driver_name()
    if parsed.get_backend_name() == "postgresql" and driver not in ("psycopg", "psycopg2"):
        raise DatabaseNotReady(f"the driver {driver!r} of {_shown(url)} is not supported: "
                               "use postgresql+psycopg://… (installed with Verdicts)")
    try:
        parsed.get_dialect().import_dbapi()
    except ImportError:
        raise DatabaseNotReady(f"the driver {driver!r} of {_shown(url)} is not installed: "
                               "use postgresql+psycopg://… (installed with Verdicts)") from None


def _shown(url: str) -> str:
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001
        return repr(url)


def describe_connection_error(exc: BaseException, url: str) -> str:
    """One line for a failure to reach the database: the driver's own first line, not its traceback."""
    original = getattr(exc, "orig", None) or exc
    lines = [line.strip() for line in str(original).splitlines() if line.strip()]
    reason = lines[0] if lines else type(original).__name__
    return f"cannot open the database {_shown(url)}: {reason}"


def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    # In WAL mode NORMAL keeps the database consistent after a crash and spares an fsync per commit.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


@lru_cache
def get_engine(url: str | None = None) -> Engine:
    """The engine for `url` (default: the settings' database), created once per process."""
    return make_engine(url or get_settings().resolved_database_url())


@contextmanager
def session_scope(engine: Engine | None = None) -> Iterator[Session]:
    """A session that commits on success and rolls back on error."""
    with Session(engine or get_engine(), expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def alembic_config(url: str) -> Config:
    """An Alembic config pointing at our migrations and at `url`."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(url: str | None = None, revision: str = "head") -> str:
    """Apply migrations up to `revision`; return the URL upgraded (password hidden)."""
    from alembic import command
    from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

    url = url or get_settings().resolved_database_url()
    engine = make_engine(url)  # DatabaseNotReady for a URL we cannot use
    try:
        with engine.connect():
            pass
    except (OperationalError, InterfaceError, DBAPIError) as exc:
        raise DatabaseNotReady(describe_connection_error(exc, url)) from None
    finally:
        engine.dispose()
    command.upgrade(alembic_config(url), revision)
    return _shown(url)


def ensure_current(engine: Engine) -> None:
    """Return if the database is at the newest migration; DatabaseNotReady saying what to run."""
    from sqlalchemy.exc import DBAPIError

    head = code_head()
    try:
        with engine.connect() as connection:
            current = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DBAPIError as exc:
        if _is_missing_table(exc):
            current = None
        else:
            raise DatabaseNotReady(describe_connection_error(exc, str(engine.url))) from None
    except Exception as exc:  # noqa: BLE001  (any driver error means: cannot use it)
        raise DatabaseNotReady(describe_connection_error(exc, str(engine.url))) from None
    if current != head:
        where = engine.url.render_as_string(hide_password=True)
        raise DatabaseNotReady(
            f"the database {where} is at revision {current or 'none'}, the code needs {head}: "
            "run `verdicts db upgrade`"
        )


def _is_missing_table(exc: BaseException) -> bool:
    text_of = str(getattr(exc, "orig", exc)).lower()
    return "no such table" in text_of or ("does not exist" in text_of and "alembic_version" in text_of)


_REVISION = re.compile(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN = re.compile(r"^down_revision\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)


@lru_cache
def code_head() -> str:
    """The newest migration's revision, read from the migration files (one chain: 0001 → 0002 → …)
    without importing alembic, which costs every command a third of its start; alembic's own
    answer when the files are not one chain."""
    revisions, parents = set(), set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        if found := _REVISION.search(source):
            revisions.add(found[1])
        if down := _DOWN.search(source):
            parents.add(down[1])
    heads = revisions - parents
    if len(heads) == 1:
        return heads.pop()
    from alembic.script import ScriptDirectory

    return str(ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head())
