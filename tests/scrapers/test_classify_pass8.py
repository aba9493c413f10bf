"""Eighth classification pass (captures_tune5's misreads, by phrasing class): a part of the company
presented ("Introducing Labs", "... Corps", "... Team"); a Product Hunt post whose tagline is a cause ("a
movement to ...", "an open letter to ..."); a product's new part ("X's new app"); a larger capacity
("Introducing 250K context windows"); a platform now serving a sized model (that model's launch); a text
opening on a versioned name and what it delivers or what new thing it is; a text calling a product the
title names "a new <product>"; a vendor's brand and a product's words as the whole title, at a page of
that name; a title hiding the version that its link names ("Small is the new fast." at .../x-small-2).
Then the tune split's: a company presenting a product by name ("X presents Y"), a versioned product that
"is faster", a text saying the product the title names is new this week. Each with what must stay as it
was."""

import pytest

from scrapers.classify import EntryKind, Origin, classify
from tests.scrapers.classify_reading import reader

BLOG = "https://pellwick.ai/news/post"

_read = reader(BLOG)


# --- not launches --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    ["Introducing Labs",
     "Introducing Quillmark Corps",
     "Meet the Tessel Applied Research Team",
     "Announcing the Harrow Robotics Division"],
)
def test_a_part_of_the_company_presented_is_other(title):
    assert _read(title, "").kind is EntryKind.OTHER


def test_a_product_by_a_labs_team_stays_a_launch():
    verdict = _read("Introducing Fernway Notes by Kestrel Labs", "")
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, "Fernway Notes")


def _hunt(title):
    return classify(title, "", url="https://www.producthunt.com/posts/x", origin=Origin.PRODUCT_HUNT)


@pytest.mark.parametrize(
    "title",
    ["Openfield Now - a movement to keep the web indexable",
     "Fix The Feed - an open letter to social platforms",
     "Repair Rights: Laptops - a petition for fixable laptops"],
)
def test_a_product_hunt_post_presenting_a_cause_is_other(title):
    assert _hunt(title).kind is EntryKind.OTHER


@pytest.mark.parametrize(
    "title",
    ["Rallypoint - a movement tracker for physio patients",
     "Adwise - a campaign planner for small shops"],
)
def test_a_product_hunt_product_for_movements_or_campaigns_stays_a_launch(title):
    assert _hunt(title).kind is EntryKind.LAUNCH


# --- releases ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "product"),
    [("Heronwell's new app", "Heronwell"),
     ("Quillmate's all-new editor", "Quillmate"),
     ("Tessel's redesigned dashboard for small teams", "Tessel")],
)
def test_a_new_part_of_a_product_is_its_release(title, product):
    verdict = _read(title, "It is out today for macOS and Linux.")
    assert (verdict.kind, verdict.product) == (EntryKind.RELEASE, product)


@pytest.mark.parametrize("title", ["Heronwell's new office in Porto", "Quillmate's new CEO"])
def test_a_new_office_or_officer_stays_other(title):
    assert _read(title, "").kind is EntryKind.OTHER


@pytest.mark.parametrize(
    "title",
    ["Introducing 250K context windows", "Announcing 2M-token context", "Introducing a 500K Context Window"],
)
def test_a_larger_context_is_a_release(title):
    assert _read(title, "").kind is EntryKind.RELEASE


def test_introducing_a_sized_model_stays_a_launch():
    verdict = _read("Introducing Kestrel Lite 70B", "")
    assert verdict.kind is EntryKind.LAUNCH


# --- launches ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "product"),
    [("Lattice Cloud now supports Tessera 12B", "Tessera"),
     ("Fernhost Now Serves Pico Reason 8B", "Pico Reason"),
     ("Brightstack™ now hosts Corvid Mini 3.5B", "Corvid Mini")],
)
def test_a_platform_now_serving_a_sized_model_is_that_models_launch(title, product):
    verdict = _read(title, "")
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, product)


def test_a_product_now_supporting_a_language_stays_its_release():
    verdict = _read("Heronwell now supports Japanese", "")
    assert (verdict.kind, verdict.product) == (EntryKind.RELEASE, "Heronwell")


@pytest.mark.parametrize(
    ("text", "kind", "product"),
    [("Pellwick Review 2 delivers clause-level summaries at a tenth of the cost.", EntryKind.RELEASE,
      "Pellwick Review 2"),
     ("Tallis Spec 1.0 is a new, open format for packaging prompts with their tests.", EntryKind.LAUNCH,
      "Tallis Spec 1.0"),
     ("Ardent Vision 3 offers document reading in forty languages.", EntryKind.RELEASE, "Ardent Vision 3")],
)
def test_a_text_opening_on_a_versioned_name_and_what_it_delivers(text, kind, product):
    verdict = _read("Contracts, read for you", text)
    assert (verdict.kind, verdict.product) == (kind, product)


def test_a_counted_quarter_delivering_stays_other():
    assert _read("Our letter to members", "Q3 2026 delivers record revenue for the cooperative.").kind \
        is EntryKind.OTHER


def test_a_text_calling_the_titled_product_a_new_one_is_its_launch():
    verdict = _read("Pallas shows Tidewell with offline sync",
                    "At its spring event, Pallas showed Tidewell, a new open-source library for notes.")
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, "Tidewell")


def test_a_text_calling_someone_new_stays_other():
    verdict = _read("Our week at the Harrow fair", "We met Harrow, a new customer from Leeds, on day one.")
    assert verdict.kind is EntryKind.OTHER


@pytest.mark.parametrize(
    ("title", "url", "kind"),
    [("Pellwick Relay", "https://pellwick.ai/news/pellwick-relay", EntryKind.LAUNCH),
     ("Pellwick Relay 2", "https://pellwick.ai/news/pellwick-relay-2", EntryKind.RELEASE),
     ("Pellwick Atlas.", "https://blog.pellwick.com/introducing-pellwick-atlas", EntryKind.LAUNCH)],
)
def test_the_vendors_brand_and_a_product_alone_at_its_page(title, url, kind):
    verdict = _read(title, "Messaging infrastructure for every team.", url=url)
    assert (verdict.kind, verdict.product) == (kind, title.rstrip("."))


@pytest.mark.parametrize(
    ("title", "url"),
    [("Pellwick Research Institute", "https://pellwick.ai/news/pellwick-research-institute"),
     ("Frontier Safety Roadmap", "https://pellwick.ai/news/frontier-safety-roadmap"),
     ("Pellwick Relay", "https://pellwick.ai/news/our-year")],
)
def test_a_part_of_the_company_or_a_page_of_another_name_stays_other(title, url):
    assert _read(title, "", url=url).kind is EntryKind.OTHER


@pytest.mark.parametrize(
    ("title", "url", "product"),
    [("Small is the new fast.", "https://pellwick.ai/news/pellwick-small-2", "Pellwick Small 2"),
     ("Tesselscribe hears every speaker.", "https://tessel.ai/news/tesselscribe-live-3",
      "Tesselscribe Live 3"),
     ("Quillon Desk 2.1", "https://quillon.app/blog/quillon-desk-2-1", "Quillon Desk 2.1")],
)
def test_a_version_the_link_names_under_a_title_naming_the_product(title, url, product):
    verdict = _read(title, "Sharper answers and a new playground.", url=url)
    assert (verdict.kind, verdict.product) == (EntryKind.RELEASE, product)


@pytest.mark.parametrize(
    ("title", "url"),
    [("Redeploying Quillon 5", "https://quillon.app/blog/redeploying-quillon-5"),
     ("Notes from Lisbon", "https://quillon.app/blog/lisbon-trip-notes-2"),
     ("Five Lessons in a year", "https://quillon.app/blog/five-lessons-learned-2")],
)
def test_a_link_with_a_number_under_a_story_stays_other(title, url):
    assert _read(title, "", url=url).kind is EntryKind.OTHER


# --- the tune split's misreads -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "product"),
    [("Orrin & Vale presents Tallow", "Tallow"),
     ("Brackwater presents Quayside: contracts read in seconds", "Quayside"),
     ("Pimlico introduces Ledgerlight Go", "Ledgerlight Go")],
)
def test_a_company_presenting_a_product_by_name_is_its_launch(title, product):
    verdict = _read(title, "It drafts the first reply to every inbound tender.")
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, product)


@pytest.mark.parametrize(
    "title",
    ["Heronwell presents Q3 results", "Tessel presents Annual Report 2026", "Tessel unveils its new office",
     "Pimlico presents at the fair"],
)
def test_a_company_presenting_results_or_itself_stays_other(title):
    assert _read(title, "Revenue grew in every region.").kind is EntryKind.OTHER


@pytest.mark.parametrize(
    ("title", "product"),
    [("Wrenfield Pro 3 is faster", "Wrenfield Pro 3"), ("Quillon 2.1 gets cheaper.", "Quillon 2.1")],
)
def test_a_versioned_product_getting_faster_is_its_release(title, product):
    verdict = _read(title, "It halves the wait on long recordings.")
    assert (verdict.kind, verdict.product) == (EntryKind.RELEASE, product)


def test_a_claim_about_a_language_version_stays_other():
    assert _read("Python 3.14 is faster than you think", "We timed a dozen scripts.").kind is EntryKind.OTHER


@pytest.mark.parametrize(
    ("title", "text", "product"),
    [("Ashby Draft CLI: getting started", "The Ashby Draft CLI is new this week. It writes your Dockerfiles.",
      "Ashby Draft CLI"),
     ("Kettleby, in one minute", "Kettleby is brand-new today: it files receipts from a photo.", "Kettleby")],
)
def test_a_text_saying_the_titled_product_is_new_is_its_launch(title, text, product):
    verdict = _read(title, text)
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, product)


def test_a_text_saying_something_else_is_new_stays_other():
    verdict = _read("Lisbon: getting started", "The Lisbon office is new this week. Desks are upstairs.")
    assert verdict.kind is EntryKind.OTHER


@pytest.mark.parametrize(
    ("title", "text"),
    [("heron sync", "heron sync is a new command that mirrors your notes to any folder."),
     ("Focus Mode", "Focus Mode is a new setting in Quillon that hides every panel but the page.")],
)
def test_a_text_calling_the_title_a_new_command_or_setting_is_a_release(title, text):
    assert _read(title, text).kind is EntryKind.RELEASE


def test_a_text_calling_the_title_a_new_tool_stays_a_launch():
    verdict = _read("Tallowby", "Tallowby is a new tool that mirrors your notes to any folder.")
    assert verdict.kind is EntryKind.LAUNCH


# (the lead's, after record_tune17) a headline "Name, in public preview on ..." names the product
# before the comma
@pytest.mark.parametrize(
    ("title", "product"),
    [("Marlwick Extract, in public preview on Snowflake and Databricks", "Marlwick Extract"),
     ("Ternwood Code, now in research preview", "Ternwood Code"),
     ("Ashmere Voice, in developer preview", "Ashmere Voice")],
)
def test_a_name_in_preview_is_named_before_the_comma(title, product):
    verdict = _read(title, f"{product} turns documents into tables.")
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, product)
