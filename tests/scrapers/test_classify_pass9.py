"""Ninth classification pass: a platform's post bidding you run another maker's model ("Run
Qwen3-Coder on Replicate") over a text announcing it names the model, not the headline; a how-to
title over a text announcing nothing stays a tutorial."""

import pytest

from scrapers.classify import EntryKind
from tests.scrapers.classify_reading import reader

_read = reader("https://fennel.dev/blog/post")


@pytest.mark.parametrize(("title", "text", "product"), [
    ("Run Tessera-Coder on Fennel", "Tessera-Coder is live on Fennel today.", "Tessera-Coder"),
    ("Run Marlow 3 with an API", "Marlow 3 from Orbis Labs is now available on Fennel.", "Marlow 3"),
    ("Try Quillon V4 on FennelCloud", "Quillon V4 is now available to every FennelCloud account.",
     "Quillon V4"),
    ("Deploy Halyard 2 via Fennel", "Halyard 2 is now available on Fennel: deploy it with one click.",
     "Halyard 2"),
])
def test_a_bidden_model_over_a_text_announcing_it_is_named(title, text, product):
    verdict = _read(title, text)
    assert verdict.kind is not EntryKind.OTHER
    assert verdict.product == product


@pytest.mark.parametrize(("title", "text"), [
    ("Deploy Halyard 2 on Fennel in five minutes", "A guide to serving Halyard 2 on your own account."),
    ("Run Tessera-Coder on a laptop", "Here is how we got it running with 16 GB of memory."),
])
def test_a_how_to_title_over_a_text_announcing_nothing_stays_a_tutorial(title, text):
    assert _read(title, text).kind is EntryKind.OTHER
