"""The SMTP backend against a real SMTP server on loopback (aiosmtpd): reused connections,
STARTTLS and AUTH, DKIM signatures that verify, the rate limit, and refusals."""

from __future__ import annotations

import base64
import time
from collections import Counter
from dataclasses import replace
from email import policy
from email.parser import BytesParser
from pathlib import Path

import dkim
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from emails.backends.smtp import SmtpBackend, SmtpConfig
from emails.delivery import Letter, Recipient, make_backend
from tests.servers.smtp_server import SmtpServer, free_port, self_signed
from verdicts.settings import Settings

LETTER = Letter(
    issue_id=7, sender="Weekly AI Tool Verdicts <verdicts@example.com>",
    subject="Weekly AI Tool Verdicts · 2026-W48: Café vs Crème",
    html="<p>Ship it: <a href=\"https://v.example/v/%%token%%/1/2/ship\">yes</a></p>",
    text="Ship it: https://v.example/v/%%token%%/1/2/ship",
    unsubscribe_url="https://verdicts.example.com/u/%%token%%",
    list_id="Weekly AI Tool Verdicts <verdicts.example.com>",
)


def recipients(count: int) -> list[Recipient]:
    return [Recipient(n, 100 + n, f"r{n}@example.org", f"{100 + n}.7.tok{n:019d}")
            for n in range(1, count + 1)]


def smtp(server: SmtpServer, **overrides) -> SmtpBackend:
    config = SmtpConfig(host="127.0.0.1", port=server.port, security="none", timeout=5, connections=1)
    return SmtpBackend(replace(config, **overrides))


def parsed(data: bytes):
    return BytesParser(policy=policy.default).parsebytes(data)


def test_a_batch_goes_over_reused_connections_each_message_personal():
    with SmtpServer() as server:
        backend = smtp(server, connections=2)
        first = backend.send_batch(LETTER, recipients(6))
        second = backend.send_batch(LETTER, recipients(4))
        backend.close()
    assert len(first.sent) == 6 and len(second.sent) == 4
    assert len({r.peer for r in server.received}) == 2  # two connections, kept across both batches
    message = parsed(next(r.data for r in server.received if r.rcpt_tos == ("r3@example.org",)))
    assert message["To"] == "r3@example.org"
    assert message["List-Unsubscribe"] == "<https://verdicts.example.com/u/103.7.tok0000000000000000003>"
    assert message["List-Id"] == "Weekly AI Tool Verdicts <verdicts.example.com>"
    assert message["Subject"] == LETTER.subject
    assert "/v/103.7.tok0000000000000000003/1/2/ship" in message.get_body(("html",)).get_content()
    assert message["Message-ID"] == first.sent[3]


def test_starttls_and_login_from_settings(tmp_path: Path):
    context, cert = self_signed(tmp_path)
    with SmtpServer(tls=context, login=("mailer", "s3cret")) as server:
        settings = Settings(smtp_host="127.0.0.1", smtp_port=server.port, smtp_security="starttls",
                            smtp_username="mailer", smtp_password="s3cret", smtp_tls_ca_file=cert)
        backend = make_backend("smtp", settings)
        result = backend.send_batch(LETTER, recipients(2))
        backend.close()
        wrong = make_backend("smtp", settings.model_copy(update={"smtp_password": "nope"}))
        refused = wrong.send_batch(LETTER, recipients(1))
        wrong.close()
    assert len(result.sent) == 2 and len(server.received) == 2
    assert refused.halt and "refused our login" in refused.halt and set(refused.retry) == {1}


def test_a_server_without_starttls_is_a_clear_halt():
    with SmtpServer() as server:
        backend = smtp(server, security="starttls")
        result = backend.send_batch(LETTER, recipients(1))
        backend.close()
    assert result.halt and "STARTTLS" in result.halt and server.received == []


def test_messages_are_dkim_signed_over_the_one_click_headers():
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL,
                            serialization.NoEncryption())
    public = base64.b64encode(key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)).decode()

    def dns(name: bytes, timeout: int = 5) -> bytes:
        assert name == b"mail2026._domainkey.example.com."
        return f"v=DKIM1; k=rsa; p={public}".encode()

    with SmtpServer() as server:
        backend = smtp(server, dkim_domain="example.com", dkim_selector="mail2026", dkim_key=pem)
        backend.send_batch(LETTER, recipients(1))
        backend.close()
    [received] = server.received
    assert dkim.verify(received.data, dnsfunc=dns)
    signature = parsed(received.data)["DKIM-Signature"]
    signed = signature.split("h=", 1)[1].split(";", 1)[0].replace(" ", "").lower().split(":")
    assert {"list-unsubscribe", "list-unsubscribe-post", "from", "subject"} <= set(signed)
    tampered = received.data.replace(b"/u/101.7.", b"/u/999.7.")  # someone else's unsubscribe link
    assert tampered != received.data and not dkim.verify(tampered, dnsfunc=dns)


def test_the_rate_limit_spaces_the_messages():
    with SmtpServer() as server:
        backend = smtp(server, connections=2, rate_per_second=10)
        started = time.monotonic()
        result = backend.send_batch(LETTER, recipients(25))
        took = time.monotonic() - started
        backend.close()
    assert len(result.sent) == 25
    assert took >= 1.4  # 25 messages at 10 a second, whatever the connections


def test_permanent_and_temporary_refusals_are_told_apart():
    with SmtpServer() as server:
        server.refuse("r2@example.org", "550 5.1.1 <r2@example.org>: no such user")
        server.refuse("r3@example.org", "451 4.3.0 mailbox busy, try later")
        backend = smtp(server)
        result = backend.send_batch(LETTER, recipients(4))
        backend.close()
    assert set(result.sent) == {1, 4}
    assert result.refused == {2: "smtp answered 550: 5.1.1 <r2@example.org>: no such user"}
    assert result.undeliverable == {2}
    assert result.retry == {3: "smtp answered 451: 4.3.0 mailbox busy, try later"}


def test_verp_return_path_names_the_delivery():
    with SmtpServer() as server:
        backend = smtp(server, return_path="bounces+{delivery_id}@verdicts.example.com")
        backend.send_batch(LETTER, recipients(2))
        backend.close()
    assert Counter(r.mail_from for r in server.received) == Counter(
        {"bounces+1@verdicts.example.com": 1, "bounces+2@verdicts.example.com": 1})


def test_an_unreachable_server_keeps_everyone_for_a_retry():
    backend = SmtpBackend(SmtpConfig(host="127.0.0.1", port=free_port(), security="none", timeout=2))
    result = backend.send_batch(LETTER, recipients(3))
    backend.close()
    assert set(result.retry) == {1, 2, 3} and not result.sent


@pytest.mark.parametrize("bad", ["", "reader@example.org\r\nBcc: x@example.net"])
def test_an_address_that_is_no_address_is_refused_alone(bad):
    with SmtpServer() as server:
        backend = smtp(server)
        batch = recipients(2)
        batch[0] = batch[0]._replace(email=bad)
        result = backend.send_batch(LETTER, batch)
        backend.close()
    assert list(result.refused) == [1] and list(result.sent) == [2]
