"""Editor accounts: passwords hashed with Argon2id (argon2-cffi), sign-in, and ending sessions."""

from __future__ import annotations

import functools

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlmodel import Session

from db import web_queries
from db.models import Editor, utcnow
from editorial.issues import ApprovalError, normalised_email

MIN_PASSWORD_LENGTH = 12
_HASHER = PasswordHasher()


class EditorError(ValueError):
    """An editor account change that cannot be made; the message says why."""


def _address(email: str) -> str:
    try:
        return normalised_email(email).lower()
    except ApprovalError as exc:
        raise EditorError(str(exc)) from None


def _ensure_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise EditorError(f"the password needs at least {MIN_PASSWORD_LENGTH} characters")


def add_editor(session: Session, *, email: str, password: str) -> Editor:
    """A new editor account; EditorError for a bad address, a short password, or an existing account."""
    address = _address(email)
    _ensure_password(password)
    if web_queries.get_editor_by_email(session, email=address) is not None:
        raise EditorError(f"{address} already has an editor account (use `verdicts editors password`)")
    editor = Editor(email=address, password_hash=_HASHER.hash(password))
    session.add(editor)
    session.flush()
    return editor


def set_password(session: Session, *, email: str, password: str) -> Editor:
    """Change an editor's password and end their sessions; EditorError if there is no such account."""
    editor = _existing(session, email)
    _ensure_password(password)
    editor.password_hash = _HASHER.hash(password)
    end_sessions(session, editor=editor)
    return editor


def remove_editor(session: Session, *, email: str) -> None:
    """Delete an editor account (their approvals keep their address); EditorError if there is none."""
    if not web_queries.delete_editor(session, email=_address(email)):
        raise EditorError(f"no editor account for {email}")


def _existing(session: Session, email: str) -> Editor:
    editor = web_queries.get_editor_by_email(session, email=_address(email))
    if editor is None:
        raise EditorError(f"no editor account for {email}")
    return editor


@functools.cache
def _dummy_hash() -> str:
    return _HASHER.hash("no such editor: the same work as a real check")


def authenticate(session: Session, *, email: str, password: str) -> Editor | None:
    """The editor if the password is theirs, else None; an unknown address costs the same time."""
    try:
        editor = web_queries.get_editor_by_email(session, email=_address(email))
    except EditorError:
        editor = None
    try:
        _HASHER.verify(editor.password_hash if editor else _dummy_hash(), password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return None
    if editor is None:
        return None
    if _HASHER.check_needs_rehash(editor.password_hash):
        editor.password_hash = _HASHER.hash(password)
    editor.last_login_at = utcnow()
    session.add(editor)
    return editor


def end_sessions(session: Session, *, editor: Editor) -> None:
    """Void every session cookie issued to the editor so far (sign out everywhere)."""
    editor.session_epoch += 1
    session.add(editor)
