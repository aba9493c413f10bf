"""Provider webhooks: `POST /webhooks/sendgrid` receives SendGrid's signed Event Webhook posts.

Only signed, recent posts are read (403 otherwise); events are stored once by `sg_event_id`, so
SendGrid's retries of a post are harmless. Configure the key with VERDICTS_SENDGRID_WEBHOOK_PUBLIC_KEY
(Settings → Mail Settings → Event Webhook → Signature Verification); without it the endpoint answers
503 and SendGrid keeps the events and retries.
"""

from __future__ import annotations

import functools
import logging

from cryptography.hazmat.primitives.asymmetric import ec
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from emails.events import (
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    WebhookRefused,
    load_public_key,
    parse_events,
    record_events,
    verify_sendgrid_signature,
)

log = logging.getLogger(__name__)
router = APIRouter()
MAX_BODY_BYTES = 10 * 1024 * 1024  # SendGrid batches events; far below this in practice


@functools.lru_cache(maxsize=4)
def _key(text: str) -> ec.EllipticCurvePublicKey:
    return load_public_key(text)


@router.post("/webhooks/sendgrid")
async def sendgrid_events(request: Request) -> Response:
    """Verify, store and apply one post of events; 204 when done, 403 refused, 503 not configured."""
    ctx = request.app.state.context
    settings = ctx.settings
    if not settings.sendgrid_webhook_public_key:
        return JSONResponse({"error": "the event webhook is not configured"}, status_code=503)
    body = await request.body()
    if len(body) > MAX_BODY_BYTES:
        return JSONResponse({"error": "the post is too large"}, status_code=413)
    try:
        verify_sendgrid_signature(
            _key(settings.sendgrid_webhook_public_key),
            signature=request.headers.get(SIGNATURE_HEADER),
            timestamp=request.headers.get(TIMESTAMP_HEADER),
            body=body,
            tolerance_seconds=settings.sendgrid_webhook_tolerance_seconds,
        )
    except WebhookRefused as refused:
        log.warning("sendgrid webhook refused: %s", refused)
        return JSONResponse({"error": str(refused)}, status_code=403)
    try:
        events = parse_events(body)
    except WebhookRefused as refused:
        return JSONResponse({"error": str(refused)}, status_code=400)
    result = await run_in_threadpool(record_events, ctx.engine, events)
    log.info("sendgrid webhook: %s", result)
    return Response(status_code=204)
