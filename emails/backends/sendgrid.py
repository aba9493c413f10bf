"""Delivery through Twilio SendGrid's v3 Mail Send API."""

from __future__ import annotations

import json
from email.utils import parseaddr
from http.client import HTTPException

from python_http_client.exceptions import HTTPError
from sendgrid import SendGridAPIClient
from sendgrid.helpers.mail import (
    CustomArg,
    From,
    Header,
    HtmlContent,
    Mail,
    PlainTextContent,
    Subject,
    To,
)
from sendgrid.helpers.mail.exceptions import SendGridException

from emails.delivery import DeliveryError, OutgoingEmail, register
from verdicts.settings import Settings

SEND_TIMEOUT_SECONDS = 15.0


class SendGridBackend:
    """Posts each message to /v3/mail/send; webhooks find the delivery by its `delivery_id` arg."""

    name = "sendgrid"

    def __init__(self, *, api_key: str, host: str, timeout: float = SEND_TIMEOUT_SECONDS) -> None:
        if not api_key:
            raise ValueError("the sendgrid backend needs an API key: set VERDICTS_SENDGRID_API_KEY")
        self._api = SendGridAPIClient(api_key=api_key, host=host)
        self._api.client.timeout = timeout  # inherited by every request the client builds

    def send(self, message: OutgoingEmail) -> str:
        """SendGrid's X-Message-Id; DeliveryError, permanent for a refusal (4xx but 429)."""
        try:
            response = self._api.send(_mail(message))
        except HTTPError as exc:
            permanent = 400 <= exc.status_code < 500 and exc.status_code != 429
            raise DeliveryError(_describe(exc), permanent=permanent) from exc
        except (OSError, HTTPException) as exc:  # refused, reset, timed out
            raise DeliveryError(f"sendgrid unreachable: {exc}") from exc
        # Accepted is accepted: a missing id must not cause a resend (webhooks carry delivery_id).
        return str(response.headers.get("X-Message-Id", ""))

    def close(self) -> None:
        """Nothing to release: each request opens and closes its own connection."""


@register("sendgrid")
def sendgrid_backend(settings: Settings) -> SendGridBackend:
    """A SendGrid backend from settings; ValueError if VERDICTS_SENDGRID_API_KEY is empty."""
    return SendGridBackend(api_key=settings.sendgrid_api_key, host=settings.sendgrid_host)


def _mail(message: OutgoingEmail) -> Mail:
    name, address = parseaddr(message.sender)
    try:
        mail = Mail(
            from_email=From(address, name or None),
            to_emails=To(message.to),
            subject=Subject(message.subject),
            plain_text_content=PlainTextContent(message.text),
            html_content=HtmlContent(message.html),
        )
    except (ValueError, TypeError, SendGridException) as exc:
        raise DeliveryError(f"delivery {message.delivery_id}: {exc!r}", permanent=True) from exc
    # Per personalization: the contract types a top-level custom_args as a string, not an object.
    mail.header = [Header(key, value, p=0) for key, value in message.headers.items()]
    mail.custom_arg = CustomArg("delivery_id", str(message.delivery_id), p=0)
    return mail


def _describe(exc: HTTPError) -> str:
    try:
        errors = json.loads(exc.body)["errors"]
        detail = "; ".join(str(error.get("message")) for error in errors)
    except (ValueError, KeyError, TypeError, AttributeError):
        detail = exc.body.decode("utf-8", "replace")[:500] if exc.body else str(exc.reason)
    return f"sendgrid answered {exc.status_code}: {detail}"
