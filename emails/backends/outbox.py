"""The embedded default backend: one RFC 5322 .eml file per recipient in the outbox directory."""

from __future__ import annotations

import os
import re
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from emails.delivery import BatchResult, Letter, Recipient, register
from emails.mime import MessageError, mime_template
from verdicts.settings import Settings

_UNSAFE_IN_FILE_NAME = re.compile(r"[^A-Za-z0-9@._+-]")


class OutboxBackend:
    """Writes what would be sent to files, so a clone with no mail service can run a whole week."""

    name = "outbox"
    atomic = False
    concurrency = 1  # one batch at a time

    def __init__(self, directory: Path, batch_size: int = 1000) -> None:
        self.directory = directory
        self.batch_size = batch_size

    def send_batch(self, letter: Letter, recipients: Sequence[Recipient]) -> BatchResult:
        """A file per recipient; an unsafe header refuses, an unwritable outbox halts."""
        result = BatchResult()
        try:
            template = mime_template(letter)
            self.directory.mkdir(parents=True, exist_ok=True)
        except MessageError as exc:
            result.refused.update((r.delivery_id, str(exc)) for r in recipients)
            return result
        except OSError as exc:
            result.halt = f"outbox {self.directory} is not writable: {exc}"
            return result.retry_all(recipients, result.halt)
        for recipient in recipients:
            try:
                message_id, data = template.render(recipient)
                _write_atomically(self.directory / eml_name(recipient, letter), data)
            except MessageError as exc:
                result.refused[recipient.delivery_id] = str(exc)
                continue
            except OSError as exc:
                result.halt = f"outbox {self.directory} is not writable: {exc}"
                return result.retry_all(recipients, result.halt)
            result.sent[recipient.delivery_id] = message_id
        return result

    def close(self) -> None:
        """Nothing to release: each file is closed as soon as it is written."""


@register("outbox")
def outbox_backend(settings: Settings) -> OutboxBackend:
    """An outbox writing into `settings.resolved_outbox_dir()`."""
    return OutboxBackend(settings.resolved_outbox_dir(), settings.send_batch_size)


def eml_name(recipient: Recipient, letter: Letter | None = None) -> str:
    """The file name for a recipient: the same on every retry of its delivery, and never a path.

    A message with no delivery row (a test send, or the site's own confirm and preferences emails)
    is named after its Message-ID's time, so a second one to the same address keeps the first."""
    address = _UNSAFE_IN_FILE_NAME.sub("_", recipient.email)[:100]
    if recipient.delivery_id:
        return f"{recipient.delivery_id:06d}-{address}.eml"
    kind = "test" if letter is None or letter.test else "site"
    return f"{kind}-{time.time_ns()}-{address}.eml"


def _write_atomically(path: Path, data: bytes) -> None:
    # A crash leaves the old file or a hidden temporary one, never half a message under `path`.
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
