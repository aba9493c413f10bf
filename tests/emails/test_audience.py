"""Subscribers: the import checks the whole file first, reports every bad line, and is set-based."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import Session, select

from db.models import Subscriber
from db.states import SubscriberStatus
from emails.audience import AudienceError, add_subscriber, import_csv, normalise_address


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "subscribers.csv"
    path.write_text(text, encoding="utf-8")
    return path


def stored(engine) -> dict[str, str]:
    with Session(engine) as session:
        return {s.email: str(s.status) for s in session.exec(select(Subscriber)).all()}


BAD_FILE = """email,name,status
ada@example.com,Ada,active
not-an-address,Bad One,active
bruno@example.org,,pending
carla@example.com,Carla,royalty
dora@@example.com,Dora,active
ADA@example.com,Ada again,active
"""


def test_every_bad_line_is_reported_with_its_number_and_nothing_imported(engine, tmp_path):
    with Session(engine) as session, pytest.raises(AudienceError) as refused:
        import_csv(session, path=write(tmp_path, BAD_FILE))
    message = str(refused.value)
    assert "3 bad line(s), nothing imported" in message
    assert "line 3: not a valid email address: 'not-an-address'" in message
    assert "line 5: unknown status 'royalty'" in message
    assert "line 6: not a valid email address: 'dora@@example.com'" in message
    assert stored(engine) == {}


def test_skip_invalid_imports_the_rest_once_each(engine, tmp_path):
    with Session(engine) as session:
        result = import_csv(session, path=write(tmp_path, BAD_FILE), skip_invalid=True)
        session.commit()
    assert (result.added, result.unchanged, len(result.invalid)) == (2, 0, 3)
    assert stored(engine) == {"ada@example.com": "active", "bruno@example.org": "pending"}


def test_an_address_already_there_is_left_as_it_is(engine, tmp_path):
    with Session(engine) as session:
        add_subscriber(session, email="ada@example.com", status=SubscriberStatus.ACTIVE)
        session.flush()
        session.get(Subscriber, 1).status = SubscriberStatus.UNSUBSCRIBED
        session.commit()
    with Session(engine) as session:
        result = import_csv(session, path=write(tmp_path, "email,status\nada@example.com,active\n"
                                                          "new@example.com,active\n"))
        session.commit()
    assert (result.added, result.unchanged) == (1, 1)
    assert stored(engine) == {"ada@example.com": "unsubscribed", "new@example.com": "active"}


def test_a_large_file_imports_in_a_few_statements(engine, tmp_path):
    lines = ["email,name,status"] + [f"reader{n}@example{n % 7}.com,Reader {n},active" for n in range(20_000)]
    with Session(engine) as session:
        result = import_csv(session, path=write(tmp_path, "\n".join(lines)))
        session.commit()
    assert result.added == 20_000
    with Session(engine) as session:
        last = select(Subscriber).where(Subscriber.email == f"reader19999@example{19999 % 7}.com")
        confirmed = session.exec(last).one()
    assert (confirmed.name, confirmed.status, confirmed.confirmed_at is not None) == (
        "Reader 19999", SubscriberStatus.ACTIVE, True)


def test_a_file_without_an_email_column_is_refused(engine, tmp_path):
    with Session(engine) as session, pytest.raises(AudienceError, match="must name the columns"):
        import_csv(session, path=write(tmp_path, "address,name\nada@example.com,Ada\n"))


@pytest.mark.parametrize(
    ("address", "normalised"),
    [("Ada@Example.COM", "ada@example.com"), ("  first.last+tag@example.org ", "first.last+tag@example.org"),
     ("josé@bücher.example", "josé@bücher.example")],
)
def test_addresses_are_normalised_like_the_validator_does(address, normalised):
    assert normalise_address(address) == normalised


@pytest.mark.parametrize("address", ["", "plain", "a@b", "a@-example.com", "a..b@example.com",
                                     "a@example..com", "\"quoted\"@example.com"])
def test_invalid_addresses_are_refused(address):
    with pytest.raises(AudienceError, match="not a valid email address"):
        normalise_address(address)
