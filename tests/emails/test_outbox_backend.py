"""The outbox backend: one parseable, safely named .eml file per message; no header injection."""

from __future__ import annotations

from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import pytest

from emails.backends.outbox import OutboxBackend, eml_name
from emails.delivery import DeliveryError, OutgoingEmail, make_backend
from verdicts.settings import Settings

SUBJECT = "Cursor vs Windsurf — ship or skip? Café ☕"
UNSUBSCRIBE = {
    "List-Unsubscribe": "<https://verdicts.example.com/unsubscribe/tok3n>",
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
}


def outgoing(**overrides: Any) -> OutgoingEmail:
    fields: dict[str, Any] = {
        "delivery_id": 42,
        "sender": "Weekly AI Tool Verdicts <verdicts@example.com>",
        "to": "reader@example.org",
        "subject": SUBJECT,
        "html": "<p>Verdicts: <b>ship</b> — naïve café</p>",
        "text": "Verdicts: ship — naïve café",
        "headers": UNSUBSCRIBE,
    }
    return OutgoingEmail(**{**fields, **overrides})


def parse(path: Path) -> EmailMessage:
    message = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
    assert isinstance(message, EmailMessage)
    return message


def test_writes_one_parseable_eml_per_message(tmp_path: Path) -> None:
    backend = make_backend("outbox", Settings(data_dir=tmp_path))
    message_id = backend.send(outgoing())
    backend.close()

    [path] = (tmp_path / "outbox").iterdir()  # also: no temporary file left behind
    assert path.name == "000042-reader@example.org.eml"
    mail = parse(path)
    assert mail["Message-ID"] == message_id
    assert message_id.startswith("<") and message_id.endswith("@example.com>")
    assert mail["From"] == "Weekly AI Tool Verdicts <verdicts@example.com>"
    assert mail["To"] == "reader@example.org"
    assert mail["Subject"] == SUBJECT
    assert parsedate_to_datetime(mail["Date"]).tzinfo is not None
    assert {name: mail[name] for name in UNSUBSCRIBE} == UNSUBSCRIBE
    assert mail.get_content_type() == "multipart/alternative"
    plain, html = mail.iter_parts()
    assert plain.get_content_type() == "text/plain"
    assert plain.get_content_charset() == "utf-8"
    assert plain.get_content().splitlines() == ["Verdicts: ship — naïve café"]
    assert html.get_content_type() == "text/html"
    assert html.get_content().splitlines() == ["<p>Verdicts: <b>ship</b> — naïve café</p>"]


def test_file_is_rfc_5322_ascii_headers_and_crlf_line_ends(tmp_path: Path) -> None:
    OutboxBackend(tmp_path).send(outgoing())

    [path] = tmp_path.iterdir()
    head = path.read_bytes().split(b"\r\n\r\n", 1)[0]
    assert head.isascii()
    assert b"\n" not in head.replace(b"\r\n", b"")
    assert b"=?utf-8?" in head  # the subject, RFC 2047-encoded


def test_each_message_gets_its_own_file_and_a_retry_replaces_it(tmp_path: Path) -> None:
    backend = OutboxBackend(tmp_path)
    first = backend.send(outgoing(subject="first try"))
    second = backend.send(outgoing(subject="second try"))
    backend.send(outgoing(delivery_id=43, to="other@example.org"))

    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "000042-reader@example.org.eml",
        "000043-other@example.org.eml",
    ]
    assert parse(tmp_path / "000042-reader@example.org.eml")["Subject"] == "second try"
    assert first != second


@pytest.mark.parametrize(
    ("recipient", "name"),
    [
        ("reader@example.org", "000042-reader@example.org.eml"),
        ("first.last+tag@example.org", "000042-first.last+tag@example.org.eml"),
        ("../../etc/x@example.com", "000042-.._.._etc_x@example.com.eml"),
        ("/etc/passwd", "000042-_etc_passwd.eml"),
        ("..\\..\\win@example.com", "000042-.._.._win@example.com.eml"),
        ("..", "000042-...eml"),
        ("ünï@example.org", "000042-_n_@example.org.eml"),
    ],
)
def test_file_name_is_deterministic_and_never_a_path(recipient: str, name: str) -> None:
    assert eml_name(outgoing(to=recipient)) == name


@pytest.mark.parametrize(
    "recipient", ["../../etc/x@example.com", "/etc/passwd", "..\\..\\x@example.com", ".."]
)
def test_hostile_recipient_stays_inside_the_outbox(tmp_path: Path, recipient: str) -> None:
    outbox = tmp_path / "deep" / "outbox"
    OutboxBackend(outbox).send(outgoing(to=recipient))

    [path] = outbox.iterdir()
    assert path.resolve().parent == outbox.resolve()
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == [path]


@pytest.mark.parametrize(
    "overrides",
    [
        {"subject": "Hi\r\nBcc: spy@example.net"},
        {"subject": "Hi\nBcc: spy@example.net"},
        {"to": "reader@example.org\r\nBcc: spy@example.net"},
        {"sender": "Verdicts <verdicts@example.com>\r\nBcc: spy@example.net"},
        {"headers": {"List-Unsubscribe": "<https://x.example>\r\nBcc: spy@example.net"}},
        {"headers": {"X-Evil\r\nBcc": "spy@example.net"}},
        {"headers": {"Bcc: spy@example.net\r\nX-Evil": "1"}},
        {"headers": {"Subject": "a second subject"}},
    ],
    ids=["subject-crlf", "subject-lf", "to", "from", "value", "name-crlf", "name-colon", "dup"],
)
def test_header_injection_is_refused_for_good(tmp_path: Path, overrides: dict[str, Any]) -> None:
    with pytest.raises(DeliveryError) as refused:
        OutboxBackend(tmp_path).send(outgoing(**overrides))

    assert refused.value.permanent
    assert list(tmp_path.iterdir()) == []


def test_unwritable_outbox_is_worth_a_retry(tmp_path: Path) -> None:
    blocker = tmp_path / "outbox"
    blocker.write_text("a file where the outbox directory should be")

    with pytest.raises(DeliveryError) as failed:
        make_backend("outbox", Settings(outbox_dir=blocker)).send(outgoing())

    assert not failed.value.permanent
