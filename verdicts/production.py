"""What production refuses to start with: the published default secret, a short one, a desk nobody can use."""

from __future__ import annotations

from sqlalchemy.engine import Engine

from verdicts.settings import Settings

MIN_SECRET_LENGTH = 32
GENERATE = 'python -c "import secrets; print(secrets.token_urlsafe(32))"'


class ProductionConfigError(ValueError):
    """A setting production must not run with; the message is one line saying which and what to do."""


def default_secret() -> str:
    """The secret every clone of the source has, and so anyone can sign links with."""
    return str(Settings.model_fields["secret_key"].default)


def ensure_secret(settings: Settings) -> None:
    """Return in development, or with a strong secret; ProductionConfigError in production otherwise."""
    if not settings.is_production():
        return
    if settings.secret_key == default_secret():
        raise ProductionConfigError(
            "refusing to run in production with the default VERDICTS_SECRET_KEY (anyone who reads the "
            f"source can forge unsubscribe and vote links): set a random one, e.g. {GENERATE}")
    if len(settings.secret_key) < MIN_SECRET_LENGTH:
        raise ProductionConfigError(
            f"refusing to run in production with a VERDICTS_SECRET_KEY of {len(settings.secret_key)} "
            f"characters: use at least {MIN_SECRET_LENGTH}, e.g. {GENERATE}")


def ensure_desk_usable(settings: Settings, engine: Engine) -> None:
    """In production with the desk on, ProductionConfigError unless at least one editor account exists."""
    if not (settings.is_production() and settings.desk_enabled):
        return
    from db.engine import session_scope
    from db.web_queries import count_editors

    with session_scope(engine) as session:
        editors = count_editors(session)
    if not editors:
        raise ProductionConfigError(
            "refusing to serve the desk in production without an editor account: create one with "
            "`verdicts editors add EMAIL` (or set VERDICTS_DESK_ENABLED=false)")
