"""The site's own emails (confirm a subscription, a preferences link, confirm a new address), sent
through the configured delivery backend as a batch of one, outside any list."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from email.utils import formataddr
from typing import Any

from jinja2 import Environment

from emails.delivery import Letter, Recipient, make_backend
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


def compose(pages: Environment, settings: Settings, mail: Mail) -> Letter:
    """The letter `mail` describes, rendered in text and HTML; it belongs to no list (no List-* headers)."""
    values = {**mail.values, "newsletter": settings.sender_name, "base_url": settings.public_base_url}
    return Letter(
        issue_id=0,
        sender=formataddr((settings.sender_name, settings.sender_email)),
        subject=mail.subject,
        html=pages.get_template(f"mail/{mail.kind}.html.j2").render(**values),
        text=pages.get_template(f"mail/{mail.kind}.txt.j2").render(**values),
        unsubscribe_url="",
        list_id="",
        categories=("transactional", mail.kind),
    )


def send(pages: Environment, settings: Settings, mail: Mail) -> bool:
    """Send one site email through the configured backend; False (logged) if the backend refused it.

    The one place the site calls the delivery interface (a batch interface changes only this)."""
    letter = compose(pages, settings, mail)
    backend = make_backend(settings.delivery_backend, settings)
    try:
        result = backend.send_batch(letter, [Recipient(TRANSACTIONAL_DELIVERY_ID, 0, mail.to, "")])
    finally:
        backend.close()
    if TRANSACTIONAL_DELIVERY_ID not in result.sent:
        why = result.halt or result.refused.get(0) or result.retry.get(0) or "no outcome"
        log.warning("could not send the %s email: %s", mail.kind, why)
        return False
    return True
