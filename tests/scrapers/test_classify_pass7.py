"""Seventh classification pass (record_tune14's misreads, by phrasing class): a launch told in the present
after "Now" ("Now we launch X – ..."); a start date, then the product made available, in Dutch or German
word order ("From today can you X use ...") or in English ("From today, X is available ..."); an opening
told as a notice ("Guidance on the official opening of the X service"); a text saying the product opens to
the public today or is officially opened, under a title that names nothing; releases told as translated
Italian or Spanish put them ("X grows: arrives the version 2 ..."), a product's dated monthly notes ("What's
new in X — December") whose text says what it gained; and a changelog's title saying the product is open
for signups. Each with what must stay as it was."""

import pytest

from scrapers.classify import EntryKind
from tests.scrapers.classify_reading import reader

BLOG = "https://kavli-works.example/blog/post"
CHANGELOG = "https://kavli-works.example/changelog#entry"


_read = reader(BLOG)


# --- launches ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "product"),
    [("Now we launch Lantvik – a smarter way to book the laundry room", "Lantvik"),
     ("Now we release Brisa: invoices from a photo", "Brisa"),
     ("And now, we ship Tolva Desk for small clinics", "Tolva Desk")],
)
def test_now_we_launch_x_is_a_launch(title, product):
    verdict = _read(title, "In many housing associations one still writes on a paper list in the cellar.")
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, product)


def test_now_we_release_results_stays_other():
    assert _read("Now we release Q3 results", "Revenue grew in every region.").kind is EntryKind.OTHER


@pytest.mark.parametrize(
    ("title", "product"),
    [("From today can you Jorum use in your practice", "Jorum"),
     ("Since today is Brisa available in every app store", "Brisa"),
     ("From today, Mossgiel Ledger is available to every cooperative", "Mossgiel Ledger"),
     ("As of today Pellan is live for all schools", "Pellan")],
)
def test_a_start_date_then_the_product_made_available_is_a_launch(title, product):
    verdict = _read(title, "It listens along during the consultation and writes the report.")
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, product)


@pytest.mark.parametrize(
    "title",
    ["From today our office is closed on Fridays",
     "From today, the API rejects v1 keys",
     "Starting today, prices in Norway include VAT"],
)
def test_a_notice_starting_today_stays_other(title):
    assert _read(title, "Please update your bookmarks.").kind is EntryKind.OTHER


@pytest.mark.parametrize(
    ("title", "product"),
    [("[Notice] Guidance on the official opening of the Hwaro service", "Hwaro"),
     ("Grand opening of the Pomelo platform!", "Pomelo"),
     ("Official launch of Sanmaru: what changes for beta users", "Sanmaru")],
)
def test_an_official_opening_notice_is_a_launch(title, product):
    verdict = _read(title, "We sincerely thank the customers who participated in the closed test.")
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, product)


@pytest.mark.parametrize(
    "title",
    ["The official opening of the Lisbon office", "Grand opening of our new warehouse"],
)
def test_the_opening_of_a_place_stays_other(title):
    assert _read(title, "Drinks from 19:00, all welcome.").kind is EntryKind.OTHER


@pytest.mark.parametrize(
    ("title", "text", "product"),
    [("Your hearing test now takes 90 seconds",
      "Ossicle opens to the public today: a hearing screening you take with wired headphones.", "Ossicle"),
     ("No more invites", "Pomelo opens to everyone today, no invite needed. Bring your team.", "Pomelo"),
     ("Thank you, testers",
      "Hello. From November 24, Hwaro, the AI service that summarises meetings, is officially opened to "
      "everyone.", "Hwaro")],
)
def test_a_text_saying_the_product_opens_to_all_is_its_launch(title, text, product):
    verdict = _read(title, text)
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, product)


@pytest.mark.parametrize(
    ("title", "text"),
    [("The museum reopens", "The new wing opens to the public on Friday with an exhibition of maps."),
     ("A walk in the park", "The old mill opens its gardens every summer; bring a picnic.")],
)
def test_a_place_opening_to_the_public_stays_other(title, text):
    assert _read(title, text).kind is EntryKind.OTHER


# --- releases ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "product"),
    [("Marrowline grows: arrives the version 2 with the electronic invoices", "Marrowline 2"),
     ("Brisa changes: comes the new version 3.1, faster", "Brisa 3.1"),
     ("Arrives the version 2 of Pomelo, with offline maps", "Pomelo 2")],
)
def test_a_version_that_arrives_is_a_release(title, product):
    verdict = _read(title, "With it the accepted quotation becomes an invoice.")
    assert (verdict.kind, verdict.product) == (EntryKind.RELEASE, product)


def test_our_handbook_arriving_in_a_new_version_stays_other():
    verdict = _read("Our team grows: arrives the version 2 of our handbook", "Twelve new pages on leave.")
    assert verdict.kind is EntryKind.OTHER


@pytest.mark.parametrize(
    ("title", "text", "product"),
    [("What's new in Tallyroot — December",
      "This month Tallyroot learned to split a receipt across two projects.", "Tallyroot"),
     ("New in Brisa: November 2026", "Brisa now reads receipts in Greek and exports to Xero.", "Brisa")],
)
def test_a_products_dated_notes_are_a_release(title, text, product):
    verdict = _read(title, text)
    assert (verdict.kind, verdict.product) == (EntryKind.RELEASE, product)


@pytest.mark.parametrize(
    ("title", "text"),
    [("What's new in AI — December", "AI labs shipped three open models this month."),
     ("New in Paris: December", "Paris has a new Christmas market by the river this month.")],
)
def test_a_dated_roundup_of_a_field_or_a_city_stays_a_newsletter(title, text):
    assert _read(title, text).kind is EntryKind.OTHER


# --- changelogs --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "product"),
    [("Hello, world: Sorbwell is open for signups", "Sorbwell"),
     ("Day one — Pomelo is now open to everyone", "Pomelo")],
)
def test_a_changelog_title_saying_the_product_is_open_is_its_launch(title, product):
    verdict = _read(title, "Anyone can sign up; no waitlist, no card.", url=CHANGELOG)
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, product)


@pytest.mark.parametrize(
    "title",
    ["Hello, world: dark mode is open for signups", "Fixed: CSV export used the wrong timezone"],
)
def test_a_routine_changelog_entry_stays_other(title):
    assert _read(title, "Thanks to the three of you who reported it.", url=CHANGELOG).kind is EntryKind.OTHER


# --- a long post that comes to its launch ----------------------------------------------------------------

_PREAMBLE = "Twelve months ago four of us left our jobs with a spreadsheet of licences and a hunch. " * 8


@pytest.mark.parametrize(
    ("title", "later", "product"),
    [("Notes from a year of building in the open",
      "So, starting today, Vetchling-12B is available to everyone: the weights, the data, the code.",
      "Vetchling-12B"),
     ("Forty libraries later", "And from today, Larchmont Reader is live for every library. Thank you.",
      "Larchmont Reader")],
)
def test_a_later_sentence_making_the_product_available_to_all_is_its_launch(title, later, product):
    verdict = _read(title, _PREAMBLE + later)
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, product)


@pytest.mark.parametrize(
    "later",
    ["Starting today, our office is open to everyone on Saturdays.",
     "Starting today, Fennic is available in Canada too."],
)
def test_a_later_sentence_about_hours_or_a_country_stays_other(later):
    assert _read("A year in numbers", _PREAMBLE + later).kind is EntryKind.OTHER


# --- a name, a verb and "your", offered ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "text", "product"),
    [("🎙️➡️📝 Scrivel turns your voice memos into LinkedIn posts",
      "🎉 Record a memo on your walk, get back a post. 📱 iOS + Android, 🆓 3 posts a week free.", "Scrivel"),
     ("Pindle keeps your meeting notes searchable",
      "Every call, transcribed and indexed. Free for teams of five; Mac and Windows.", "Pindle")],
)
def test_a_name_doing_something_for_you_offered_is_a_launch(title, text, product):
    verdict = _read(title, text)
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, product)


@pytest.mark.parametrize(
    ("title", "text"),
    [("Inflation turns your savings into dust", "Prices rose 9% this year, and wages did not."),
     ("Congress makes your tax refund smaller", "The new bill changes the child credit from April.")],
)
def test_a_name_doing_something_to_you_unoffered_stays_other(title, text):
    assert _read(title, text).kind is EntryKind.OTHER
