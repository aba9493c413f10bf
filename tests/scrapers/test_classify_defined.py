"""A launch read by the text model under a title that is no name takes the product its text defines
("Contrarian is a Google Sheets add-on ..."), so the post resolves to the product, not to its title."""

import pytest

from scrapers.classify import EntryKind, Origin, classify

DEFINED = [
    ("Your financial model has a favourite lie. This finds it.",
     "Every forecast rests on one assumption that is doing too much work. Contrarian is a Google Sheets "
     "add-on that reads your model and argues against its weakest input. Install it today; it is free "
     "for one sheet.", "Contrarian"),
    ("Stop losing Friday afternoons to expense reports",
     "Receipts pile up and nobody enjoys the monthly scramble. Ledger Owl is an AI assistant that reads "
     "your card statements and files each expense with its receipt. Try it free for 30 days.", "Ledger Owl"),
    ("The meeting notes you never had to write",
     "Minutia is an app that listens to your calls and writes the notes, decisions and follow-ups. "
     "Available today on the Mac App Store, free for five meetings a month.", "Minutia"),
]


@pytest.mark.parametrize(("title", "text", "product"), DEFINED)
def test_a_launch_under_a_tagline_title_is_named_by_the_product_its_text_defines(title, text, product):
    verdict = classify(title, text, url="https://example.com/blog/post", origin=Origin.POST)
    assert verdict.kind is EntryKind.LAUNCH
    assert verdict.product == product


@pytest.mark.parametrize(("title", "text"), [
    # a name in the title's head: the title names it
    ("Contrarian", "Contrarian is a Google Sheets add-on that argues with your model. Install it today."),
    # the text defines nothing by name
    ("Your financial model has a favourite lie",
     "It is a Google Sheets add-on that reads your model and argues against it. Install it today, free."),
])
def test_no_product_is_taken_from_the_text_when_the_title_names_it_or_the_text_names_none(title, text):
    verdict = classify(title, text, url="https://example.com/blog/post", origin=Origin.POST)
    assert verdict.product in (None, "Contrarian") and verdict.product != "It"


@pytest.mark.parametrize(("title", "product"), [
    ("We open the weights of Cadair-3B, a small model for Welsh", "Cadair-3B"),
    ("We open-source Loom-7B", "Loom-7B"),
    ("Today we release Fenn Coder, our first model", "Fenn Coder"),
    ("Today, we launch Pell for teams", "Pell"),
    ("We ship Orrin Desk: notes that file themselves", "Orrin Desk"),
])
def test_a_title_saying_we_release_a_named_product_now_names_it(title, product):
    verdict = classify(title, "Download it today.", url="https://example.com/blog/post", origin=Origin.POST)
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, product)


@pytest.mark.parametrize("title", [
    "We release Q3 results",
    "We release State of Welsh NLP results",
    "We launch a survey of AI use",
])
def test_we_release_names_no_product_when_what_follows_is_no_name(title):
    verdict = classify(title, "Download it today.", url="https://example.com/blog/post", origin=Origin.POST)
    assert verdict.product is None


@pytest.mark.parametrize(("title", "text", "url", "product"), [
    ("Meet the newest member of your litigation team",
     "It reads every exhibit overnight. Otterly Legal works inside Word and iManage, and cites every page.",
     "https://otterly.law/blog/meet", "Otterly Legal"),
    ("Meet your new research assistant",
     "Filings pile up. Ledgerlyn Scout reads each one the night it lands. Try it free.",
     "https://ledgerlyn.com/blog/scout", "Ledgerlyn Scout"),
])
def test_a_product_cast_as_a_new_colleague_is_the_one_the_site_is_named_after(title, text, url, product):
    verdict = classify(title, text, url=url, origin=Origin.POST)
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, product)


@pytest.mark.parametrize("title", ["Meet the newest member of our team", "Meet our new Head of Design"])
def test_a_new_colleague_who_is_a_person_is_no_launch(title):
    text = "Priya Raman joins us from Figma to lead design at Otterly. She starts Monday."
    verdict = classify(title, text, url="https://otterly.law/blog/priya", origin=Origin.POST)
    assert verdict.kind is EntryKind.OTHER


@pytest.mark.parametrize(("title", "product"), [
    ("Heron is now available in Japanese", "Heron"),
    ("Quill is now live in Portuguese and Spanish", "Quill"),
])
def test_a_product_now_speaking_a_language_is_a_release_of_it(title, product):
    verdict = classify(title, "It now answers in more languages.", url="https://heron.ai/blog/x",
                       origin=Origin.POST)
    assert (verdict.kind, verdict.product) == (EntryKind.RELEASE, product)


@pytest.mark.parametrize(("title", "kind"), [
    ("Heron is now available in Japan", EntryKind.OTHER),  # a country: regional news
    ("Heron is now available in Teams", EntryKind.LAUNCH),  # a platform, no language
])
def test_a_country_or_a_platform_is_no_language(title, kind):
    verdict = classify(title, "It now answers there.", url="https://heron.ai/blog/x", origin=Origin.POST)
    assert verdict.kind is kind
