"""The outbox backend: one parseable, safely named .eml file per recipient; no header injection."""

from __future__ import annotations

from dataclasses import replace
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import pytest

from emails.backends.outbox import OutboxBackend, eml_name
from emails.delivery import Letter, Recipient, make_backend
from verdicts.settings import Settings

SUBJECT = "Cursor vs Windsurf — ship or skip? Café ☕"
LETTER = Letter(
    issue_id=7,
    sender="Weekly AI Tool Verdicts <verdicts@example.com>",
    subject=SUBJECT,
    html="<p>Verdicts: <b>ship</b> — naïve café <a href=\"https://v.example/v/%%token%%/1/2/ship\">Ship</a></p>",
    text="Verdicts: ship — naïve café https://v.example/v/%%token%%/1/2/ship",
    unsubscribe_url="https://verdicts.example.com/u/%%token%%",
    list_id="Weekly AI Tool Verdicts <verdicts.example.com>",
)


def recipient(**overrides: Any) -> Recipient:
    fields: dict[str, Any] = {"delivery_id": 42, "subscriber_id": 5, "email": "reader@example.org",
                              "token": "5.7.abcdefghijklmnopqrstuv"}
    return Recipient(**{**fields, **overrides})


def parse(path: Path) -> EmailMessage:
    message = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
    assert isinstance(message, EmailMessage)
    return message


def test_writes_one_parseable_eml_per_recipient(tmp_path: Path) -> None:
    backend = make_backend("outbox", Settings(data_dir=tmp_path))
    result = backend.send_batch(LETTER, [recipient(), recipient(delivery_id=43, email="b@example.org")])
    backend.close()

    assert sorted(p.name for p in (tmp_path / "outbox").iterdir()) == [
        "000042-reader@example.org.eml", "000043-b@example.org.eml"]  # no temporary file left
    mail = parse(tmp_path / "outbox" / "000042-reader@example.org.eml")
    assert mail["Message-ID"] == result.sent[42] != result.sent[43]
    assert result.sent[42].startswith("<") and result.sent[42].endswith("@example.com>")
    assert mail["From"] == "Weekly AI Tool Verdicts <verdicts@example.com>"
    assert mail["To"] == "reader@example.org"
    assert mail["Subject"] == SUBJECT
    assert parsedate_to_datetime(mail["Date"]).tzinfo is not None
    assert mail["List-Unsubscribe"] == "<https://verdicts.example.com/u/5.7.abcdefghijklmnopqrstuv>"
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert mail["List-Id"] == "Weekly AI Tool Verdicts <verdicts.example.com>"
    assert mail.get_content_type() == "multipart/alternative"
    plain, html = mail.iter_parts()
    assert plain.get_content_charset() == "utf-8"
    assert plain.get_content() == "Verdicts: ship — naïve café https://v.example/v/5.7.abcdefghijklmnopqrstuv/1/2/ship"
    assert html.get_content_type() == "text/html"
    assert 'href="https://v.example/v/5.7.abcdefghijklmnopqrstuv/1/2/ship"' in html.get_content()


def test_list_unsubscribe_is_never_folded_into_an_encoded_word(tmp_path: Path) -> None:
    long_base = "https://newsletters.a-rather-long-domain-name.example.com/weekly-ai-tool-verdicts"
    letter = replace(LETTER, unsubscribe_url=f"{long_base}/u/%%token%%")
    OutboxBackend(tmp_path).send_batch(letter, [recipient(token="1234567.1234.abcdefghijklmnopqrstuv")])

    [path] = tmp_path.iterdir()
    head = path.read_bytes().split(b"\r\n\r\n", 1)[0].decode("ascii")
    [line] = [line for line in head.split("\r\n") if line.startswith("List-Unsubscribe:")]
    assert line == f"List-Unsubscribe: <{long_base}/u/1234567.1234.abcdefghijklmnopqrstuv>"


def test_file_is_rfc_5322_ascii_headers_and_crlf_line_ends(tmp_path: Path) -> None:
    OutboxBackend(tmp_path).send_batch(LETTER, [recipient()])

    [path] = tmp_path.iterdir()
    data = path.read_bytes()
    head = data.split(b"\r\n\r\n", 1)[0]
    assert head.isascii()
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert b"=?utf-8?" in head  # the subject, RFC 2047-encoded
    assert max(len(line) for line in data.split(b"\r\n")) <= 998


def test_a_retry_replaces_the_file(tmp_path: Path) -> None:
    backend = OutboxBackend(tmp_path)
    first = backend.send_batch(replace(LETTER, subject="first try"), [recipient()])
    second = backend.send_batch(replace(LETTER, subject="second try"), [recipient()])

    assert [p.name for p in tmp_path.iterdir()] == ["000042-reader@example.org.eml"]
    assert parse(tmp_path / "000042-reader@example.org.eml")["Subject"] == "second try"
    assert first.sent[42] != second.sent[42]


@pytest.mark.parametrize(
    ("address", "name"),
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
def test_file_name_is_deterministic_and_never_a_path(address: str, name: str) -> None:
    assert eml_name(recipient(email=address)) == name


def test_messages_without_a_delivery_row_never_overwrite_each_other() -> None:
    site = recipient(delivery_id=0, email="me@example.com")
    first, second = eml_name(site), eml_name(site)
    assert first != second and first.endswith("-me@example.com.eml") and "/" not in first


@pytest.mark.parametrize("address", ["../../etc/x@example.com", "..\\..\\x@example.com"])
def test_hostile_recipient_stays_inside_the_outbox(tmp_path: Path, address: str) -> None:
    outbox = tmp_path / "deep" / "outbox"
    OutboxBackend(outbox).send_batch(LETTER, [recipient(email=address)])

    [path] = outbox.iterdir()
    assert path.resolve().parent == outbox.resolve()
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == [path]


@pytest.mark.parametrize(
    "overrides",
    [
        {"subject": "Hi\r\nBcc: spy@example.net"},
        {"subject": "Hi\nBcc: spy@example.net"},
        {"sender": "Verdicts <verdicts@example.com>\r\nBcc: spy@example.net"},
        {"list_id": "Verdicts <v.example>\r\nBcc: spy@example.net"},
        {"unsubscribe_url": "https://x.example/u/%%token%%>\r\nBcc: spy@example.net"},
    ],
    ids=["subject-crlf", "subject-lf", "from", "list-id", "unsubscribe"],
)
def test_header_injection_is_refused_for_good(tmp_path: Path, overrides: dict[str, Any]) -> None:
    result = OutboxBackend(tmp_path).send_batch(replace(LETTER, **overrides), [recipient()])

    assert list(result.refused) == [42] and not result.sent and not result.retry
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("address", ["reader@example.org\r\nBcc: spy@example.net", "/etc/passwd", ".."])
def test_an_address_that_is_no_address_is_refused_alone(tmp_path: Path, address: str) -> None:
    result = OutboxBackend(tmp_path).send_batch(LETTER, [recipient(email=address), recipient(delivery_id=43)])

    assert list(result.refused) == [42] and list(result.sent) == [43]
    assert [p.name for p in tmp_path.iterdir()] == ["000043-reader@example.org.eml"]


def test_unwritable_outbox_halts_and_keeps_everyone_for_a_retry(tmp_path: Path) -> None:
    blocker = tmp_path / "outbox"
    blocker.write_text("a file where the outbox directory should be")

    result = make_backend("outbox", Settings(outbox_dir=blocker)).send_batch(LETTER, [recipient()])

    assert result.halt and "is not writable" in result.halt
    assert list(result.retry) == [42] and not result.sent
