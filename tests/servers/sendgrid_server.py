"""SendGrid's v3 Mail Send API on loopback, holding every request to SendGrid's own contract."""

from __future__ import annotations

import json
import os
import secrets
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from openapi_core import OpenAPI
from openapi_core.datatypes import RequestParameters
from werkzeug.datastructures import Headers

PROJECT_ROOT = Path(__file__).resolve().parents[2]
MAIL_CONTRACT = PROJECT_ROOT.parent / "shared" / "contracts" / "sendgrid" / "tsg_mail_v3.json"
MAIL_SEND_PATH = "/v3/mail/send"

Violation = tuple[str, str | None]  # (message, field)


def require_mail_contract() -> Path:
    """The contract's path; skips the calling test if ../shared is absent, fails it when CI=true."""
    if not MAIL_CONTRACT.is_file():
        reason = f"SendGrid's contract is not at {MAIL_CONTRACT} (../shared is absent)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return MAIL_CONTRACT


@dataclass(frozen=True)
class Accepted:
    """One message the server took: the id it answered with and the JSON body it was sent."""

    message_id: str
    body: dict[str, Any]


@dataclass
class _ContractRequest:
    """A received request in the shape openapi-core validates (its `Request` protocol)."""

    host_url: str
    path: str
    method: str
    body: bytes
    content_type: str
    parameters: RequestParameters


class SendGridServer:
    """Answers like SendGrid: 401 for a wrong key, 400 for a contract violation, else 202."""

    def __init__(self, api_key: str, contract: Path = MAIL_CONTRACT, *, validate_first: int | None = None,
                 keep_bodies: bool = True) -> None:
        self.api_key = api_key
        self.accepted: list[Accepted] = []
        # Hold every request to the contract (tests), or only the first few (bench: 1,000-recipient
        # bodies take openapi-core about a second each).
        self.validate_first = validate_first
        self.keep_bodies = keep_bodies
        self.requests = 0
        self.recipients = 0
        self._in_flight = 0  # requests being answered: a dead sender's may still be accepted
        # Called as on_request(n, phase) with phase "received" (before the answer is decided; False
        # drops the request unread) and "accepted" (recorded, before the reply is written): where a
        # test kills its sender.
        self.on_request: Callable[[int, str], bool | None] | None = None
        # Called with every accepted body and its message id (the bench counts recipients, posts events).
        self.on_accepted: Callable[[dict[str, Any], str], None] | None = None
        self._openapi = _load_contract(contract)
        # Validate as if sent to the contract's own server, which this one stands in for.
        self._contract_host = (self._openapi.spec / "servers" / 0 / "url").read_str()
        self._failures: deque[int] = deque()
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._httpd.sendgrid = self  # type: ignore[attr-defined]
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def __enter__(self) -> SendGridServer:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join()

    def fail_next(self, count: int, status: int) -> None:
        """Answer the next `count` requests with `status` (429, 500, ...) before looking at them."""
        with self._lock:
            self._failures.extend([status] * count)

    def wait_idle(self, timeout: float = 30) -> None:
        """Return once no request is being answered: one a killed sender left in flight may still
        be accepted after the sender is gone, as the real provider would accept it."""
        deadline = time.monotonic() + timeout
        while self._in_flight and time.monotonic() < deadline:
            time.sleep(0.02)
        if self._in_flight:
            raise TimeoutError(f"{self._in_flight} request(s) still being answered after {timeout}s")

    def answer(self, method: str, path: str, headers: Headers, body: bytes) -> tuple[int, Any, str]:
        """The status, JSON body (None for none) and X-Message-Id ('' for none) for one request."""
        with self._lock:
            self.requests += 1
            self._in_flight += 1
            number = self.requests
        try:
            return self._answer(number, method, path, headers, body)
        finally:
            with self._lock:
                self._in_flight -= 1

    def _answer(self, number: int, method: str, path: str, headers: Headers,
                body: bytes) -> tuple[int, Any, str]:
        if self.on_request is not None and self.on_request(number, "received") is False:
            return 503, _errors([("dropped before it was read", None)]), ""  # it never reached us
        status, payload, message_id = self._decide(number, method, path, headers, body)
        if status == 202 and self.on_request is not None:
            self.on_request(number, "accepted")
        return status, payload, message_id

    def _decide(self, number: int, method: str, path: str, headers: Headers,
                body: bytes) -> tuple[int, Any, str]:
        with self._lock:
            if self._failures:
                status = self._failures.popleft()
                return status, _errors([(f"injected failure {status}", None)]), ""
            if (method, path) != ("POST", MAIL_SEND_PATH):
                return 404, _errors([("resource not found", None)]), ""
            if headers.get("Authorization") != f"Bearer {self.api_key}":
                message = "The provided authorization grant is invalid, expired, or revoked"
                return 401, _errors([(message, None)]), ""
            if self.validate_first is None or number <= self.validate_first:
                violations = self.contract_violations(path, headers, body)
                if violations:
                    return 400, _errors(violations), ""
            try:
                parsed = json.loads(body)
            except ValueError:
                return 400, _errors([("Failed to deserialize the body", None)]), ""
            accepted = Accepted(secrets.token_urlsafe(16), parsed)
            self.recipients += len(parsed.get("personalizations") or ())
            if self.keep_bodies:
                self.accepted.append(accepted)
        if self.on_accepted is not None:
            self.on_accepted(parsed, accepted.message_id)
        return 202, None, accepted.message_id

    def contract_violations(self, path: str, headers: Headers, body: bytes) -> list[Violation]:
        """(message, field) for every way the POST breaks the contract; empty if it keeps it."""
        request = _ContractRequest(
            host_url=self._contract_host,
            path=path,
            method="post",
            body=body,
            content_type=headers.get("Content-Type", ""),
            parameters=RequestParameters(header=headers),
        )
        violations: list[Violation] = []
        for error in self._openapi.unmarshal_request(request).errors:
            schema_errors = getattr(error.__cause__, "schema_errors", None) or ()
            violations += [(e.message, ".".join(map(str, e.path)) or None) for e in schema_errors]
            if not schema_errors:
                violations.append((str(error.__cause__ or error), None))
        return violations


@lru_cache
def _load_contract(contract: Path) -> OpenAPI:
    return OpenAPI.from_file_path(str(contract))  # checks the contract itself: ~0.2 s, so once


def _errors(violations: list[Violation]) -> dict[str, Any]:
    return {"errors": [{"message": m, "field": f, "help": None} for m, f in violations]}


class _Handler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        self._respond()

    def do_GET(self) -> None:
        self._respond()

    def _respond(self) -> None:
        server: SendGridServer = self.server.sendgrid  # type: ignore[attr-defined]
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        headers = Headers(list(self.headers.items()))
        status, payload, message_id = server.answer(self.command, self.path, headers, body)
        data = b"" if payload is None else json.dumps(payload).encode()
        self.send_response(status)
        if message_id:
            self.send_header("X-Message-Id", message_id)
        if data:
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        try:
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the sender died (a test killed it): nobody to answer

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the tests assert on what the server recorded, not on its access log."""
