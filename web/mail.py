"""The site's own emails (confirm a subscription, a preferences link, confirm a new address), sent
through the configured delivery backend, one message at a time."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from email.utils import formataddr
from typing import Any

from jinja2 import Environment

from emails.delivery import DeliveryError, OutgoingEmail, make_backend
from verdicts.settings import Settings

log = logging.getLogger(__name__)

TRANSACTIONAL_DELIVERY_ID = 0  # these messages have no delivery row: they belong to no issue


@dataclass(frozen=True)
class Mail:
    """A message the site sends: to whom, which template (mail/<kind>.txt.j2 and .html.j2), with what."""

    to: str
    kind: str  # confirm | already_subscribed | preferences_link | confirm_address
    subject: str
    values: dict[str, Any]


def compose(pages: Environment, settings: Settings, mail: Mail) -> OutgoingEmail:
    """The message `mail` describes, rendered in text and HTML."""
    values = {**mail.values, "newsletter": settings.sender_name, "base_url": settings.public_base_url}
    return OutgoingEmail(
        delivery_id=TRANSACTIONAL_DELIVERY_ID,
        sender=formataddr((settings.sender_name, settings.sender_email)),
        to=mail.to,
        subject=mail.subject,
        html=pages.get_template(f"mail/{mail.kind}.html.j2").render(**values),
        text=pages.get_template(f"mail/{mail.kind}.txt.j2").render(**values),
        headers={"Auto-Submitted": "auto-generated"},
    )


def send(pages: Environment, settings: Settings, mail: Mail) -> bool:
    """Send one site email through the configured backend; False (logged) if the backend refused it.

    The one place the site calls the delivery interface (a batch interface changes only this)."""
    message = compose(pages, settings, mail)
    backend = make_backend(settings.delivery_backend, settings)
    try:
        backend.send(message)
    except DeliveryError as exc:
        log.warning("could not send the %s email: %s", mail.kind, exc)
        return False
    finally:
        backend.close()
    return True
