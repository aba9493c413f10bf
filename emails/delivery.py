"""The delivery interface the sender owns, and the registry that picks a backend by name."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from verdicts.settings import Settings


@dataclass(frozen=True)
class OutgoingEmail:
    """One personalised message for one subscriber."""

    delivery_id: int
    sender: str  # "Weekly AI Tool Verdicts <verdicts@example.com>"
    to: str
    subject: str
    html: str
    text: str
    headers: dict[str, str] = field(default_factory=dict)  # List-Unsubscribe, List-Unsubscribe-Post


class DeliveryError(Exception):
    """The backend refused the message; `permanent` says a retry cannot help."""

    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


class DeliveryBackend(Protocol):
    """Sends one message at a time; returns the provider's message id or raises DeliveryError."""

    name: str

    def send(self, message: OutgoingEmail) -> str: ...

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
    from emails.backends import outbox, sendgrid  # noqa: F401  (each registers itself)
