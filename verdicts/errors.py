"""Errors every part may raise that the CLI maps to its exit codes (see verdicts/cli_errors.py)."""

from __future__ import annotations


class NotDone(RuntimeError):
    """The work was not done, for the reason in the message, and nobody made a mistake: a send
    already running, nothing to compose. The CLI prints the reason and exits 1, not 2."""
