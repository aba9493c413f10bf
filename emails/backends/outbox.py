"""The embedded default backend: one RFC 5322 .eml file per message in the outbox directory."""

from __future__ import annotations

import os
import re
import tempfile
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formatdate, make_msgid, parseaddr
from pathlib import Path

from emails.delivery import DeliveryError, OutgoingEmail, register
from verdicts.settings import Settings

_FIELD_NAME = re.compile(r"[!-9;-~]+")  # RFC 5322 ftext: printable ASCII except ":"
_UNSAFE_IN_FILE_NAME = re.compile(r"[^A-Za-z0-9@._+-]")


class OutboxBackend:
    """Writes what would be sent to files, so a clone with no mail service can run a whole week."""

    name = "outbox"

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def send(self, message: OutgoingEmail) -> str:
        """The Message-ID written; DeliveryError: permanent for an unsafe header, or unwritable."""
        mime = _mime(message)
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            _write_atomically(self.directory / eml_name(message), mime.as_bytes(policy=SMTP))
        except OSError as exc:
            raise DeliveryError(f"outbox {self.directory} is not writable: {exc}") from exc
        return str(mime["Message-ID"])

    def close(self) -> None:
        """Nothing to release: each file is closed as soon as it is written."""


@register("outbox")
def outbox_backend(settings: Settings) -> OutboxBackend:
    """An outbox writing into `settings.resolved_outbox_dir()`."""
    return OutboxBackend(settings.resolved_outbox_dir())


def eml_name(message: OutgoingEmail) -> str:
    """The file name for a message: the same on every retry of its delivery, and never a path."""
    recipient = _UNSAFE_IN_FILE_NAME.sub("_", message.to)[:100]
    return f"{message.delivery_id:06d}-{recipient}.eml"


def _mime(message: OutgoingEmail) -> EmailMessage:
    domain = parseaddr(message.sender)[1].rpartition("@")[2] or "localhost"
    mime = EmailMessage()
    headers = {"From": message.sender, "To": message.to, "Subject": message.subject}
    try:
        for name, value in [*headers.items(), *message.headers.items()]:
            if not _FIELD_NAME.fullmatch(name):
                raise ValueError(f"invalid header name {name!r}")
            mime[name] = value  # ValueError on CR or LF (injection) or a second To/Subject
    except ValueError as exc:
        raise DeliveryError(f"delivery {message.delivery_id}: {exc}", permanent=True) from exc
    mime["Date"] = formatdate(localtime=True)
    mime["Message-ID"] = make_msgid(domain=domain)
    mime.set_content(message.text, charset="utf-8")
    mime.add_alternative(message.html, subtype="html", charset="utf-8")
    return mime


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
