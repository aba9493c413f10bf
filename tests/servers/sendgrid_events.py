"""SendGrid's Event Webhook as the provider would call it: events for accepted personalizations,
signed with a real ECDSA P-256 key over timestamp + body, posted to our endpoint."""

from __future__ import annotations

import base64
import json
import secrets
import time
from typing import Any

import httpx
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec

from emails.events import SIGNATURE_HEADER, TIMESTAMP_HEADER


class EventSigner:
    """A fresh key pair: `public_key` goes in our settings, `headers` signs a body like SendGrid."""

    def __init__(self) -> None:
        self._key = ec.generate_private_key(ec.SECP256R1())
        der = self._key.public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
        self.public_key = base64.b64encode(der).decode("ascii")  # as SendGrid's settings show it

    def headers(self, body: bytes, *, timestamp: int | None = None) -> dict[str, str]:
        """The two signature headers for `body`, signed now (or at `timestamp`)."""
        stamp = str(int(time.time()) if timestamp is None else timestamp)
        signature = self._key.sign(stamp.encode("ascii") + body, ec.ECDSA(hashes.SHA256()))
        return {SIGNATURE_HEADER: base64.b64encode(signature).decode("ascii"), TIMESTAMP_HEADER: stamp,
                "Content-Type": "application/json"}


def event(name: str, *, email: str, delivery_id: int | None, message_id: str = "msg", **extra: Any) -> dict:
    """One event as SendGrid posts it: our custom_args arrive as top-level keys."""
    body: dict[str, Any] = {"email": email, "timestamp": int(time.time()), "event": name,
                            "sg_event_id": secrets.token_urlsafe(16),
                            "sg_message_id": f"{message_id}.filter0", **extra}
    if delivery_id is not None:
        body["delivery_id"] = str(delivery_id)
    return body


def events_for(body: dict[str, Any], message_id: str, names: tuple[str, ...] = ("processed", "delivered")
               ) -> list[dict[str, Any]]:
    """The events SendGrid would report for every personalization of one accepted request."""
    found = []
    for personalization in body["personalizations"]:
        delivery_id = int(personalization["custom_args"]["delivery_id"])
        email = personalization["to"][0]["email"]
        found += [event(name, email=email, delivery_id=delivery_id, message_id=message_id) for name in names]
    return found


def post_events(url: str, signer: EventSigner, events: list[dict[str, Any]],
                client: httpx.Client | None = None) -> httpx.Response:
    """Post events to our webhook, signed; returns the answer."""
    data = json.dumps(events).encode()
    http = client or httpx
    return http.post(url, content=data, headers=signer.headers(data), timeout=30)
