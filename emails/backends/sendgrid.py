"""Delivery through Twilio SendGrid's v3 Mail Send API: up to 1,000 recipients per request.

The letter's HTML and text travel once per request; each personalization carries its recipient,
the substitution that fills the token into every link, `custom_args` with the delivery id (so the
Event Webhook's events find their row) and the recipient's own List-Unsubscribe headers.

Requests go through one httpx client (kept-alive connections, safe to share between the sender's
threads) with bodies encoded by orjson: the official package's client opens a connection per request
and formats every ~0.5 MB body for a debug log line, which cost more than building the body.
"""

from __future__ import annotations

import re
import time
from collections.abc import Mapping, Sequence
from email.utils import parseaddr
from typing import Any

import httpx
import orjson

from emails.delivery import TOKEN_MARKER, BatchResult, Letter, Recipient, list_headers, register
from verdicts.settings import Settings

MAX_PERSONALIZATIONS = 1000  # SendGrid's limit per request
MAIL_SEND = "/v3/mail/send"
_PERSONALIZATION_FIELD = re.compile(r"personalizations\.(\d+)\b")


# Failures before a byte of the request left: safe to retry. Any other transport error (a read
# timeout, a reset after the body was written) may follow an accepted request, so a retry could
# send the batch twice: those rows become unknown, for reconciliation from events.
NEVER_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


class SendGridBackend:
    """Posts each batch to /v3/mail/send as one request; 202 means every recipient was accepted.

    `concurrency` batches may be posted at once (from the sender's threads), each on its own
    connection."""

    name = "sendgrid"
    atomic = True  # a request is accepted or refused whole: one event proves the whole batch

    def __init__(self, *, api_key: str, host: str, timeout: float = 30.0,
                 batch_size: int = MAX_PERSONALIZATIONS, concurrency: int = 4) -> None:
        if not api_key:
            raise ValueError("the sendgrid backend needs an API key: set VERDICTS_SENDGRID_API_KEY")
        self.batch_size = min(batch_size, MAX_PERSONALIZATIONS)
        self.concurrency = concurrency
        self._http = httpx.Client(
            base_url=host, timeout=timeout,
            headers={"Authorization": f"Bearer {api_key}", "Content-Type": "application/json"},
            limits=httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency))

    def send_batch(self, letter: Letter, recipients: Sequence[Recipient]) -> BatchResult:
        """One request for the batch; a refusal naming some recipients refuses those and re-posts."""
        result = BatchResult()
        remaining = list(recipients)
        for _ in range(2):  # the second post leaves out whom the first one's 400 named
            remaining = self._post(letter, remaining, result)
            if not remaining:
                return result
        return result.retry_all(remaining, "sendgrid refused the batch twice")

    def _post(self, letter: Letter, recipients: list[Recipient], result: BatchResult) -> list[Recipient]:
        """Post once, note the outcome in `result`; returns who is left to post again."""
        try:
            response = self._http.post(MAIL_SEND, content=encode_body(letter, recipients))
        except NEVER_SENT as exc:  # no connection: SendGrid cannot have seen the request
            result.retry_all(recipients, f"sendgrid unreachable: {type(exc).__name__} {exc}")
            return []
        except httpx.TransportError as exc:  # sent, then no answer: it may have been accepted
            result.unknown_all(recipients, f"no answer from sendgrid: {type(exc).__name__} {exc}")
            return []
        if response.is_success:
            # Accepted is accepted: a missing id must not cause a resend (events carry delivery_id).
            message_id = response.headers.get("X-Message-Id", "")
            result.sent.update((r.delivery_id, message_id) for r in recipients)
            return []
        return _refusal(response.status_code, response.content, response.headers, recipients, result)

    def close(self) -> None:
        """Close the kept-alive connections."""
        self._http.close()


@register("sendgrid")
def sendgrid_backend(settings: Settings) -> SendGridBackend:
    """A SendGrid backend from settings; ValueError if VERDICTS_SENDGRID_API_KEY is empty."""
    return SendGridBackend(api_key=settings.sendgrid_api_key, host=settings.sendgrid_host,
                           timeout=settings.sendgrid_timeout_seconds, batch_size=settings.send_batch_size,
                           concurrency=settings.sendgrid_concurrency)


def mail_body(letter: Letter, recipients: Sequence[Recipient]) -> dict[str, Any]:
    """The v3 Mail Send JSON for one batch: the letter once, a personalization per recipient."""
    name, address = parseaddr(letter.sender)
    body: dict[str, Any] = {
        "personalizations": [_personalization(letter, r) for r in recipients],
        "from": {"email": address, **({"name": name} if name else {})},
        "subject": letter.subject,
        "content": [{"type": "text/plain", "value": letter.text},
                    {"type": "text/html", "value": letter.html}],
    }
    if letter.list_id:
        body["headers"] = {"List-Id": letter.list_id}
    if letter.categories:
        body["categories"] = list(letter.categories)
    return body


def encode_body(letter: Letter, recipients: Sequence[Recipient]) -> bytes:
    """`mail_body` as the bytes of the request."""
    return orjson.dumps(mail_body(letter, recipients))


def _personalization(letter: Letter, recipient: Recipient) -> dict[str, Any]:
    headers = list_headers(letter, recipient.token)
    headers.pop("List-Id", None)  # the same for all: sent once, at the top
    return {
        "to": [{"email": recipient.email}],
        "substitutions": {TOKEN_MARKER: recipient.token},
        "custom_args": {"delivery_id": str(recipient.delivery_id)},
        "headers": headers,
    }


def _refusal(status: int, body: bytes, headers: Mapping[str, str], recipients: list[Recipient],
             result: BatchResult) -> list[Recipient]:
    """Note an error answer: retry (429, 5xx), refuse the named recipients (400), or halt."""
    errors = _errors(body)
    detail = _describe(status, body, errors)
    if status == 429 or status >= 500:
        result.retry_after = _retry_after(headers)
        result.retry_all(recipients, detail)
        return []
    named = _named_personalizations(errors)
    if status == 400 and named:
        for index in sorted(named):
            if index < len(recipients):
                result.refused[recipients[index].delivery_id] = detail
                result.undeliverable.add(recipients[index].delivery_id)
        return [r for i, r in enumerate(recipients) if i not in named]
    result.halt = detail  # 401, 403, 413, a 400 about the letter itself: every batch would fail
    result.retry_all(recipients, detail)
    return []


def _errors(body: bytes) -> list[dict[str, Any]]:
    try:
        errors = orjson.loads(body)["errors"]
        return [e for e in errors if isinstance(e, dict)]
    except (ValueError, KeyError, TypeError):
        return []


def _named_personalizations(errors: list[dict[str, Any]]) -> set[int]:
    """The personalizations a 400 blames, if it blames only personalizations' addresses."""
    named: set[int] = set()
    for error in errors:
        match = _PERSONALIZATION_FIELD.match(str(error.get("field") or ""))
        if match is None:
            return set()  # something about the letter itself: not one recipient's fault
        named.add(int(match[1]))
    return named


def _retry_after(headers: Mapping[str, str]) -> float | None:
    """Seconds to wait, from X-RateLimit-Reset (an epoch time) or Retry-After (seconds)."""
    try:
        if reset := headers.get("X-RateLimit-Reset"):
            return max(0.0, float(reset) - time.time())
        if after := headers.get("Retry-After"):
            return max(0.0, float(after))
    except ValueError:
        return None
    return None


def _describe(status: int, body: bytes, errors: list[dict[str, Any]]) -> str:
    if errors:
        detail = "; ".join(str(error.get("message")) for error in errors)
    else:
        detail = body.decode("utf-8", "replace")[:500] if body else "no reason given"
    return f"sendgrid answered {status}: {detail}"
