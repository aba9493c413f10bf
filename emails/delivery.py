"""The delivery interface the sender owns, and the registry that picks a backend by name.

A backend sends a *batch*: one rendered letter (the issue's HTML and text, whose links carry a
token marker) to many recipients, each with their own token. SendGrid posts a batch as one request
of up to 1,000 personalizations; SMTP reuses its connections across it; the outbox writes a file
per recipient. The backend says, per recipient, what happened; the sender keeps the books.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple, Protocol

from verdicts.settings import Settings

TOKEN_MARKER = "%%token%%"  # where each recipient's link token goes, in every link of the letter


@dataclass(frozen=True)
class Letter:
    """One issue as every recipient of a send gets it, but for the token in its links."""

    issue_id: int
    sender: str  # "Weekly AI Tool Verdicts <verdicts@example.com>"
    subject: str
    html: str  # links read https://…/u/%%token%% and https://…/v/%%token%%/12/34/ship
    text: str
    unsubscribe_url: str  # with the marker: the List-Unsubscribe target
    list_id: str  # "Weekly AI Tool Verdicts <verdicts.example.com>" (RFC 2919)
    categories: tuple[str, ...] = ()
    test: bool = False  # a test send: no delivery row, "[TEST]" in the subject


class Recipient(NamedTuple):
    """One addressee of a batch: their delivery row (0 for a test send), address and link token.
    (A tuple: a send makes a million of them, and a frozen dataclass costs several times more.)"""

    delivery_id: int
    subscriber_id: int
    email: str
    token: str


@dataclass(frozen=True)
class PersonalMessage:
    """A letter made one recipient's: their links and headers filled in."""

    to: str
    subject: str
    html: str
    text: str
    headers: dict[str, str]


def personal_message(letter: Letter, recipient: Recipient) -> PersonalMessage:
    """The recipient's copy: one replace of the marker per part, and their one-click headers."""
    token = recipient.token
    return PersonalMessage(
        to=recipient.email,
        subject=letter.subject,
        html=letter.html.replace(TOKEN_MARKER, token),
        text=letter.text.replace(TOKEN_MARKER, token),
        headers=list_headers(letter, token),
    )


def list_headers(letter: Letter, token: str) -> dict[str, str]:
    """List-Unsubscribe (RFC 2369, one-click per RFC 8058) and List-Id (RFC 2919) for one recipient;
    none for a letter that belongs to no list (the site's own confirm and preferences emails)."""
    if not letter.unsubscribe_url:
        return {"Auto-Submitted": "auto-generated"}
    return {
        "List-Unsubscribe": f"<{letter.unsubscribe_url.replace(TOKEN_MARKER, token)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "List-Id": letter.list_id,
    }


@dataclass
class BatchResult:
    """What became of each recipient of a batch, by delivery id."""

    sent: dict[int, str] = field(default_factory=dict)  # id -> the provider's message id
    retry: dict[int, str] = field(default_factory=dict)  # id -> why; worth another attempt
    refused: dict[int, str] = field(default_factory=dict)  # id -> the provider's message; for good
    # id -> why; the request may have been accepted (sent, then no answer): reconciled, never resent
    unknown: dict[int, str] = field(default_factory=dict)
    undeliverable: set[int] = field(default_factory=set)  # refused because the address is bad
    retry_after: float | None = None  # seconds the provider asked us to wait (429 and the like)
    halt: str | None = None  # the backend cannot go on (bad key, misconfigured): stop the run

    def retry_all(self, recipients: Sequence[Recipient], why: str) -> BatchResult:
        """Mark every recipient not settled yet as worth a retry; returns self."""
        for recipient in recipients:
            if recipient.delivery_id not in self.sent and recipient.delivery_id not in self.refused:
                self.retry[recipient.delivery_id] = why
        return self

    def unknown_all(self, recipients: Sequence[Recipient], why: str) -> BatchResult:
        """Mark every recipient not settled yet as of unknown outcome; returns self."""
        for recipient in recipients:
            if recipient.delivery_id not in self.sent and recipient.delivery_id not in self.refused:
                self.unknown[recipient.delivery_id] = why
        return self


class DeliveryBackend(Protocol):
    """Sends batches; `batch_size` caps a batch; `atomic` when a batch is accepted or refused whole;
    `concurrency` batches may be in flight at once (send_batch is then called from that many threads)."""

    name: str
    batch_size: int
    atomic: bool
    concurrency: int

    def send_batch(self, letter: Letter, recipients: Sequence[Recipient]) -> BatchResult: ...

    def close(self) -> None: ...


BackendFactory = Callable[[Settings], DeliveryBackend]
_REGISTRY: dict[str, BackendFactory] = {}


def register(name: str) -> Callable[[BackendFactory], BackendFactory]:
    """Decorator: make a backend factory available under `name`."""

    def decorate(factory: BackendFactory) -> BackendFactory:
        _REGISTRY[name] = factory
        return factory

    return decorate


def backend_names() -> list[str]:
    """The names a delivery backend can be chosen by."""
    _load_builtin_backends()
    return sorted(_REGISTRY)


def make_backend(name: str, settings: Settings) -> DeliveryBackend:
    """The backend called `name`; ValueError naming the choices if there is none."""
    _load_builtin_backends()
    if name not in _REGISTRY:
        raise ValueError(f"unknown delivery backend {name!r}: choose one of {', '.join(sorted(_REGISTRY))}")
    return _REGISTRY[name](settings)


def _load_builtin_backends() -> None:
    from emails.backends import outbox, sendgrid, smtp  # noqa: F401  (each registers itself)
