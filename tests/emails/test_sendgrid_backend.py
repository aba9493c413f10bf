"""The SendGrid backend, against a loopback server holding every request to SendGrid's contract."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from emails.backends.sendgrid import SendGridBackend
from emails.delivery import DeliveryError, OutgoingEmail, make_backend
from tests.servers.sendgrid_server import SendGridServer, require_mail_contract
from verdicts.settings import Settings

API_KEY = "SG.test-key"
SUBJECT = "Cursor vs Windsurf — ship or skip? Café ☕"
TEXT = "Verdicts: ship — naïve café"
HTML = "<p>Verdicts: <b>ship</b> — naïve café</p>"
UNSUBSCRIBE = {
    "List-Unsubscribe": "<https://verdicts.example.com/unsubscribe/tok3n>",
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
}
VALID_BODY: dict[str, Any] = {
    "personalizations": [{"to": [{"email": "reader@example.org"}]}],
    "from": {"email": "verdicts@example.com"},
    "subject": "Hello",
    "content": [{"type": "text/plain", "value": "Hello"}],
}


def outgoing(**overrides: Any) -> OutgoingEmail:
    fields: dict[str, Any] = {
        "delivery_id": 42,
        "sender": "Weekly AI Tool Verdicts <verdicts@example.com>",
        "to": "reader@example.org",
        "subject": SUBJECT,
        "html": HTML,
        "text": TEXT,
        "headers": UNSUBSCRIBE,
    }
    return OutgoingEmail(**{**fields, **overrides})


@pytest.fixture
def server() -> Iterator[SendGridServer]:
    with SendGridServer(API_KEY, require_mail_contract()) as running:
        yield running


def backend_for(server: SendGridServer, api_key: str = API_KEY) -> SendGridBackend:
    return SendGridBackend(api_key=api_key, host=server.url)


def post(server: SendGridServer, **request: Any) -> httpx.Response:
    headers = {"Authorization": f"Bearer {API_KEY}", **request.pop("headers", {})}
    return httpx.post(f"{server.url}/v3/mail/send", headers=headers, timeout=5, **request)


def test_sent_message_keeps_the_contract_and_carries_everything(server: SendGridServer) -> None:
    settings = Settings(outbox_dir=None, sendgrid_api_key=API_KEY, sendgrid_host=server.url)
    backend = make_backend("sendgrid", settings)
    message_id = backend.send(outgoing())
    backend.close()

    [accepted] = server.accepted
    assert message_id == accepted.message_id != ""
    assert accepted.body["from"] == {
        "email": "verdicts@example.com",
        "name": "Weekly AI Tool Verdicts",
    }
    assert accepted.body["subject"] == SUBJECT
    assert accepted.body["personalizations"] == [
        {
            "to": [{"email": "reader@example.org"}],
            "headers": UNSUBSCRIBE,
            "custom_args": {"delivery_id": "42"},
        }
    ]
    assert accepted.body["content"] == [
        {"type": "text/plain", "value": TEXT},
        {"type": "text/html", "value": HTML},
    ]


def test_each_message_gets_its_own_id(server: SendGridServer) -> None:
    backend = backend_for(server)
    ids = [backend.send(outgoing(delivery_id=n, to=f"r{n}@example.org")) for n in (1, 2)]

    assert ids == [accepted.message_id for accepted in server.accepted]
    assert len(set(ids)) == 2
    assert [a.body["personalizations"][0]["custom_args"] for a in server.accepted] == [
        {"delivery_id": "1"},
        {"delivery_id": "2"},
    ]


def test_wrong_key_is_refused_for_good(server: SendGridServer) -> None:
    with pytest.raises(DeliveryError, match="401: The provided authorization grant") as refused:
        backend_for(server, api_key="SG.wrong").send(outgoing())

    assert refused.value.permanent
    assert server.accepted == []


def test_message_the_contract_rejects_is_refused_for_good(server: SendGridServer) -> None:
    with pytest.raises(DeliveryError, match="400: '' should be non-empty") as refused:
        backend_for(server).send(outgoing(text=""))

    assert refused.value.permanent
    assert server.accepted == []


@pytest.mark.parametrize("status", [429, 500, 503])
def test_overload_and_server_errors_are_worth_a_retry(server: SendGridServer, status: int) -> None:
    server.fail_next(2, status)
    backend = backend_for(server)

    for _ in range(2):
        with pytest.raises(DeliveryError, match=f"{status}: injected failure") as failed:
            backend.send(outgoing())
        assert not failed.value.permanent
    assert backend.send(outgoing()) == server.accepted[0].message_id


def test_unreachable_host_is_worth_a_retry() -> None:
    with socket.socket() as probe:  # a port that was free a moment ago, with no one listening
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    with pytest.raises(DeliveryError, match="sendgrid unreachable") as failed:
        SendGridBackend(api_key=API_KEY, host=f"http://127.0.0.1:{port}").send(outgoing())

    assert not failed.value.permanent


def test_silent_host_times_out_and_is_worth_a_retry() -> None:
    with socket.socket() as silent:  # accepts connections into its backlog, never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        host = f"http://127.0.0.1:{silent.getsockname()[1]}"

        with pytest.raises(DeliveryError, match="timed out") as failed:
            SendGridBackend(api_key=API_KEY, host=host, timeout=0.3).send(outgoing())

    assert not failed.value.permanent


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
