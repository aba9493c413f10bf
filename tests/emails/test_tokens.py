"""Link tokens: one signature per recipient and issue; nothing altered or forged is accepted."""

from __future__ import annotations

import pytest

from emails.tokens import BadToken, LinkClaim, link_token, link_tokens, read_link_token

SECRET = "a-long-random-secret"


def test_a_token_names_its_subscriber_and_issue():
    token = link_token(SECRET, 123456, 42)
    assert token.startswith("123456.42.") and len(token.rsplit(".", 1)[1]) == 22
    assert read_link_token(SECRET, token) == LinkClaim(123456, 42)
    assert link_tokens(SECRET, [123456, 7], 42) == [token, link_token(SECRET, 7, 42)]


@pytest.mark.parametrize(
    "change",
    [
        lambda t: t.replace("123456.", "123457.", 1),  # someone else's subscription
        lambda t: t.replace(".42.", ".43.", 1),  # another issue
        lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"),  # one character of the signature
        lambda t: t + "x",
        lambda t: t.rsplit(".", 1)[0],
        lambda t: "",
        lambda t: "0123456.42." + t.rsplit(".", 1)[1],  # a leading zero: the same number, not the same text
        lambda t: t.replace(".", "-"),
    ],
)
def test_an_altered_token_is_refused(change):
    with pytest.raises(BadToken):
        read_link_token(SECRET, change(link_token(SECRET, 123456, 42)))


def test_another_secret_cannot_forge_a_token():
    with pytest.raises(BadToken):
        read_link_token(SECRET, link_token("guessed-secret", 123456, 42))
