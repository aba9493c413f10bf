"""The SendGrid backend, against a loopback server holding every request to SendGrid's contract."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import httpx
import pytest

from emails.backends.sendgrid import SendGridBackend, _refusal
from emails.delivery import BatchResult, Letter, Recipient, make_backend
from tests.servers.sendgrid_server import SendGridServer, require_mail_contract
from verdicts.settings import Settings

API_KEY = "SG.test-key"
SUBJECT = "Cursor vs Windsurf — ship or skip? Café ☕"
TEXT = "Verdicts: ship — naïve café https://v.example/v/%%token%%/1/2/ship"
HTML = "<p>Verdicts: <b>ship</b> — naïve café <a href='https://v.example/u/%%token%%'>x</a></p>"
LETTER = Letter(
    issue_id=7, sender="Weekly AI Tool Verdicts <verdicts@example.com>", subject=SUBJECT, html=HTML,
    text=TEXT, unsubscribe_url="https://verdicts.example.com/u/%%token%%",
    list_id="Weekly AI Tool Verdicts <verdicts.example.com>", categories=("newsletter", "2026-W48"),
)
VALID_BODY: dict[str, Any] = {
    "personalizations": [{"to": [{"email": "reader@example.org"}]}],
    "from": {"email": "verdicts@example.com"},
    "subject": "Hello",
    "content": [{"type": "text/plain", "value": "Hello"}],
}


def recipients(count: int, start: int = 1) -> list[Recipient]:
    return [Recipient(n, 100 + n, f"r{n}@example.org", f"{100 + n}.7.token{n:017d}")
            for n in range(start, start + count)]


@pytest.fixture
def server() -> Iterator[SendGridServer]:
    with SendGridServer(API_KEY, require_mail_contract()) as running:
        yield running


def backend_for(server: SendGridServer, api_key: str = API_KEY, batch_size: int = 1000) -> SendGridBackend:
    return SendGridBackend(api_key=api_key, host=server.url, batch_size=batch_size)


def post(server: SendGridServer, **request: Any) -> httpx.Response:
    headers = {"Authorization": f"Bearer {API_KEY}", **request.pop("headers", {})}
    return httpx.post(f"{server.url}/v3/mail/send", headers=headers, timeout=5, **request)


def test_a_batch_is_one_request_that_keeps_the_contract_and_carries_everything(server) -> None:
    settings = Settings(outbox_dir=None, sendgrid_api_key=API_KEY, sendgrid_host=server.url)
    backend = make_backend("sendgrid", settings)
    result = backend.send_batch(LETTER, recipients(3))
    backend.close()

    [accepted] = server.accepted
    assert result.sent == dict.fromkeys([1, 2, 3], accepted.message_id) and accepted.message_id
    body = accepted.body
    assert body["from"] == {"email": "verdicts@example.com", "name": "Weekly AI Tool Verdicts"}
    assert body["subject"] == SUBJECT
    assert body["content"] == [{"type": "text/plain", "value": TEXT}, {"type": "text/html", "value": HTML}]
    assert body["headers"] == {"List-Id": "Weekly AI Tool Verdicts <verdicts.example.com>"}
    assert body["categories"] == ["newsletter", "2026-W48"]
    assert body["personalizations"][0] == {
        "to": [{"email": "r1@example.org"}],
        "substitutions": {"%%token%%": "101.7.token00000000000000001"},
        "custom_args": {"delivery_id": "1"},
        "headers": {
            "List-Unsubscribe": "<https://verdicts.example.com/u/101.7.token00000000000000001>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    }
    assert [p["custom_args"]["delivery_id"] for p in body["personalizations"]] == ["1", "2", "3"]


def test_many_recipients_fit_one_contract_valid_request(server) -> None:
    # 100 here (openapi-core takes ~16 s over 1,000); bench/send.py holds a 1,000 body to the contract.
    result = backend_for(server).send_batch(LETTER, recipients(100))
    assert len(result.sent) == 100 and len(server.accepted) == 1
    assert len(server.accepted[0].body["personalizations"]) == 100
    assert backend_for(server, batch_size=5000).batch_size == 1000  # SendGrid's cap holds


def test_wrong_key_halts_the_run_and_keeps_everyone(server) -> None:
    result = backend_for(server, api_key="SG.wrong").send_batch(LETTER, recipients(2))
    assert result.halt and "401: The provided authorization grant" in result.halt
    assert set(result.retry) == {1, 2} and not result.sent and server.accepted == []


def test_a_letter_the_contract_rejects_halts(server) -> None:
    result = backend_for(server).send_batch(replace(LETTER, text=""), recipients(2))
    assert result.halt and "400: '' should be non-empty" in result.halt
    assert server.accepted == []


def test_a_refused_recipient_is_refused_alone_and_the_rest_reposted(server) -> None:
    batch = recipients(3)
    batch[1] = batch[1]._replace(email="no-at-sign")
    result = backend_for(server).send_batch(LETTER, batch)
    assert set(result.sent) == {1, 3} and result.undeliverable == {2}
    assert "is not a 'email'" in result.refused[2]
    assert [len(a.body["personalizations"]) for a in server.accepted] == [2]


@pytest.mark.parametrize("status", [429, 500, 503])
def test_overload_and_server_errors_are_worth_a_retry(server: SendGridServer, status: int) -> None:
    server.fail_next(1, status)
    backend = backend_for(server)
    failed = backend.send_batch(LETTER, recipients(2))
    assert set(failed.retry) == {1, 2} and not failed.halt
    assert f"{status}: injected failure" in failed.retry[1]
    assert set(backend.send_batch(LETTER, recipients(2)).sent) == {1, 2}


def test_a_rate_limit_reset_header_is_honoured() -> None:
    result = BatchResult()
    _refusal(429, b"{}", {"X-RateLimit-Reset": str(int(time.time()) + 30)}, recipients(1), result)
    assert result.retry_after is not None and 25 <= result.retry_after <= 30


def test_unreachable_host_is_worth_a_retry() -> None:
    with socket.socket() as probe:  # a port that was free a moment ago, with no one listening
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    backend = SendGridBackend(api_key=API_KEY, host=f"http://127.0.0.1:{port}")
    result = backend.send_batch(LETTER, recipients(1))
    assert "sendgrid unreachable" in result.retry[1] and not result.halt


def test_a_host_that_takes_the_request_and_never_answers_leaves_its_outcome_unknown() -> None:
    with socket.socket() as silent:  # accepts connections into its backlog, never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        host = f"http://127.0.0.1:{silent.getsockname()[1]}"
        result = SendGridBackend(api_key=API_KEY, host=host, timeout=0.3).send_batch(LETTER, recipients(1))

    # the body left: it may have been accepted, so a retry could send it twice
    assert "ReadTimeout" in result.unknown[1] and not result.retry and not result.halt


def test_empty_api_key_is_refused_at_construction() -> None:
    settings = Settings(sendgrid_api_key="", sendgrid_host="http://127.0.0.1:9")

    with pytest.raises(ValueError, match="VERDICTS_SENDGRID_API_KEY"):
        make_backend("sendgrid", settings)


def test_server_accepts_a_body_that_keeps_the_contract(server: SendGridServer) -> None:
    response = post(server, json=VALID_BODY)

    assert response.status_code == 202
    assert [a.message_id for a in server.accepted] == [response.headers["X-Message-Id"]]
    assert server.accepted[0].body == VALID_BODY


@pytest.mark.parametrize(
    ("change", "message", "field"),
    [
        ({"from": None}, "'from' is a required property", None),
        ({"custom_args": {"delivery_id": "42"}}, "is not of type 'string'", "custom_args"),
        ({"subject": 7}, "7 is not of type 'string'", "subject"),
        (
            {"content": [{"type": "text/plain", "value": ""}]},
            "should be non-empty",
            "content.0.value",
        ),
        (
            {"personalizations": [{"to": [{"email": "no-at-sign"}]}]},
            "'no-at-sign' is not a 'email'",
            "personalizations.0.to.0.email",
        ),
    ],
    ids=["no-from", "top-custom-args", "subject-type", "empty-content", "bad-email"],
)
def test_server_refuses_a_body_that_breaks_the_contract(
    server: SendGridServer, change: dict[str, Any], message: str | None, field: str | None
) -> None:
    body = {key: value for key, value in {**VALID_BODY, **change}.items() if value is not None}
    response = post(server, json=body)

    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert message in error["message"]
    assert (error["field"], error["help"]) == (field, None)
    assert server.accepted == []


@pytest.mark.parametrize(
    ("content", "content_type", "message"),
    [
        (b"{not json", "application/json", "Failed to deserialize"),
        (b"<mail/>", "application/xml", "mimetype not found"),
    ],
)
def test_server_refuses_what_is_not_a_json_body(
    server: SendGridServer, content: bytes, content_type: str, message: str
) -> None:
    response = post(server, content=content, headers={"Content-Type": content_type})

    assert response.status_code == 400
    assert message in response.json()["errors"][0]["message"]
    assert server.accepted == []


def test_server_checks_the_key_before_the_body(server: SendGridServer) -> None:
    response = post(server, content=b"{not json", headers={"Authorization": "Bearer SG.wrong"})

    assert response.status_code == 401
    assert response.json()["errors"][0]["field"] is None
