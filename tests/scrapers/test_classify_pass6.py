"""Sixth classification pass (record_tune12's misreads, by phrasing class): a translated presentation
with what the product is after a comma ("We have the joy to present to you X, the assistant which ..."),
"Shipped: X", a one-line post saying "Live today.", a question title over "X, which opens its doors
today"; releases told by a move to a version ("X passes to the version 2"), a season's or month's update,
a dated changelog title, a Product Hunt tagline "Now it ...", "Update: X now ..."; "It is with great
pleasure that we announce X", "<audience>, meet X", "Now generally available: X", "Welcome to the new X",
"Release: X 2.4", "Bringing <feature> to X"; a changelog's first entry opening a public
beta; and what stays other though its text sounds like a launch: a compliance certification, a dataset
or benchmark that the writer releases."""

import pytest

from scrapers.classify import EntryKind, Origin
from tests.scrapers.classify_reading import reader

BLOG = "https://ostrava-labs.example/blog/post"
CHANGELOG = "https://ostrava-labs.example/changelog"


_read = reader(BLOG)


# --- launches ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "product"),
    [("We have the joy to present to you Mirabelle, the assistant which redacts your minutes", "Mirabelle"),
     ("We are pleased to introduce you Korvo, an app that files your receipts", "Korvo"),
     ("We have the honour of presenting Tessin Ledger, a bookkeeping tool for co-ops", "Tessin Ledger")],
)
def test_a_translated_presentation_with_what_it_is_after_a_comma_is_a_launch(title, product):
    verdict = _read(title, "It is accessible from this day for all the enterprises.")
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, product)


@pytest.mark.parametrize(
    "title",
    ["We are pleased to introduce Dana Ruiz, our new CTO",
     "We have the pleasure to present Marta Lindqvist, the head of our Oslo office"],
)
def test_a_person_presented_the_same_way_stays_other(title):
    assert _read(title, "She joins from a bank.").kind is EntryKind.OTHER


@pytest.mark.parametrize(
    ("title", "product"),
    [("🚢🚢 Shipped: Brio for Figma 🚢🚢", "Brio"),
     ("Launched: Tidewell, tide tables on your wrist", "Tidewell"),
     ("Landed: Quarry Search", "Quarry Search")],
)
def test_shipped_or_launched_before_a_colon_names_the_launch(title, product):
    # an /updates/ link would otherwise make it a routine changelog entry
    verdict = _read(title, "Free plugin, grab it now.", url="https://brio.example/updates/shipped")
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, product)


@pytest.mark.parametrize(
    ("title", "text"),
    [("Cartograph.", "Maps for your data warehouse. Live today."),
     ("Tidewell", "Tide tables for sailors, on your watch. Shipping now!")],
)
def test_a_bare_name_over_a_one_line_live_today_is_a_launch(title, text):
    assert _read(title, text).kind is EntryKind.LAUNCH


@pytest.mark.parametrize(
    ("title", "text", "product"),
    [("What if your CRM wrote its own follow-ups?",
      "That's the question behind Wrenly, which opens its doors today. It reads your calls.", "Wrenly"),
     ("Why does every invoice take a week?",
      "Ask the team behind Ledgerpal, which goes live this week for Irish accountants.", "Ledgerpal")],
)
def test_a_question_title_over_a_product_that_opens_today_is_its_launch(title, text, product):
    verdict = _read(title, text)
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, product)


@pytest.mark.parametrize(
    "text",
    ["Quillmate's public beta is open to everyone from today: a writing assistant for grant applications.",
     "Harrow open beta opens today for all teams, no waitlist."],
)
def test_a_changelog_entry_opening_a_public_beta_is_the_launch(text):
    verdict = _read("2026-11-20 · Public beta opens", text, url=CHANGELOG + "#public-beta")
    assert verdict.kind is EntryKind.LAUNCH


def test_a_beta_open_to_a_chosen_few_stays_a_routine_entry():
    verdict = _read("Beta update", "Harrow beta is open to 50 design partners.", url=CHANGELOG + "#beta")
    assert verdict.kind is EntryKind.OTHER


@pytest.mark.parametrize(
    ("title", "product"),
    [("It is with great pleasure that we announce Lumo Docs", "Lumo Docs"),
     ("It's with pride that we present Kirsikka, the calendar that plans itself", "Kirsikka"),
     ("It is with joy that we introduce to you Verso Cam", "Verso Cam")],
)
def test_it_is_with_pleasure_that_we_announce_names_the_launch(title, product):
    verdict = _read(title, "Sign up free.")
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, product)


@pytest.mark.parametrize(
    ("title", "text", "product"),
    [("Hello world, meet Tamsin", "Tamsin is an AI receptionist for dental clinics.", "Tamsin"),
     ("Dentists of Ireland, meet Molar", "Molar books your patients while you work.", "Molar")],
)
def test_an_audience_told_to_meet_a_name_the_text_opens_on_is_a_launch(title, text, product):
    verdict = _read(title, text)
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, product)


def test_meeting_a_name_the_text_does_not_open_on_stays_other():
    assert _read("Friends of the lab, meet Dana", "Our new intern started on Monday.").kind is EntryKind.OTHER


@pytest.mark.parametrize(
    ("title", "product"),
    [("Now generally available: Harbor Agents", "Harbor Agents"),
     ("Welcome to the new Harbor", "Harbor"),
     ("Welcome to the all-new Quarry!", "Quarry")],
)
def test_generally_available_and_welcome_to_the_new_name_the_product(title, product):
    verdict = _read(title, "Rebuilt from scratch after six months in preview.")
    assert verdict.kind is not EntryKind.OTHER and verdict.product == product


def test_welcome_to_a_place_stays_other():
    assert _read("Welcome to Lisbon!", "Our team offsite, in photos.").kind is EntryKind.OTHER


# --- releases ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "product"),
    [("2026-12-01 · Quillmate 1.1: Google Docs import", "Quillmate 1.1"),
     ("Dec 1, 2026 — Harrow 2.3", "Harrow 2.3"),
     ("01.12.2026: Tessin Ledger 4", "Tessin Ledger 4")],
)
def test_a_changelog_title_keeps_its_release_behind_a_leading_date(title, product):
    verdict = _read(title, "Imports drafts and keeps comments.", url=CHANGELOG + "#entry")
    assert (verdict.kind, verdict.product) == (EntryKind.RELEASE, product)


@pytest.mark.parametrize(
    "title",
    ["Mirabelle passes to the version 2 with the Italian support",
     "Korvo moves to version 3.1",
     "Tallyho reaches v4: offline maps"],
)
def test_a_product_moving_to_a_version_is_a_release(title):
    assert _read(title, "Good news for all the users.").kind is EntryKind.RELEASE


@pytest.mark.parametrize(
    ("title", "product"),
    [("Ledgerlight spring update: multi-currency is here", "Ledgerlight"),
     ("Korvo November release: faster search", "Korvo"),
     ("The Tallyho winter drop", "Tallyho")],
)
def test_a_products_season_or_month_update_is_a_release(title, product):
    verdict = _read(title, "It is live for every workspace now.")
    assert (verdict.kind, verdict.product) == (EntryKind.RELEASE, product)


def test_our_spring_update_names_no_product():
    assert _read("Our spring update: we hired six people", "Meet the team.").kind is not EntryKind.RELEASE


@pytest.mark.parametrize(
    ("title", "product"),
    [("Update: Pinnacle now exports to Notion", "Pinnacle"),
     ("Feature update: Korvo now syncs with Xero", "Korvo"),
     ("Small update — Tallyho can now read scanned PDFs", "Tallyho")],
)
def test_an_update_preamble_over_a_product_doing_something_now_is_a_release(title, product):
    verdict = _read(title, "Find it in settings.")
    assert (verdict.kind, verdict.product) == (EntryKind.RELEASE, product)


@pytest.mark.parametrize(
    ("title", "product"),
    [("Release: Tidewell 2.4", "Tidewell 2.4"),
     ("Released: Bosun 1.3", "Bosun 1.3")],
)
def test_a_release_preamble_over_a_versioned_name_is_a_release(title, product):
    verdict = _read(title, "Fixes and widgets.")
    assert (verdict.kind, verdict.product) == (EntryKind.RELEASE, product)


@pytest.mark.parametrize(
    ("title", "text", "product"),
    [("Bringing vision to Kestrel", "Kestrel can now see images you upload.", "Kestrel"),
     ("Adding offline sync to Pinnacle", "Pinnacle now works on a plane.", "Pinnacle")],
)
def test_a_feature_brought_to_a_product_the_text_opens_on_is_a_release(title, text, product):
    verdict = _read(title, text)
    assert (verdict.kind, verdict.product) == (EntryKind.RELEASE, product)


def test_bringing_something_to_people_is_no_release():
    assert _read("Bringing joy to our customers", "Our team visited 40 clinics.").kind is EntryKind.OTHER


def test_an_update_preamble_over_no_product_is_no_release():
    assert _read("Update: our office now has a café", "Come visit.").kind is not EntryKind.RELEASE


@pytest.mark.parametrize(
    "title",
    ["Pebblestack 2.0 - Now it pings you when your numbers move",
     "Tallyho 3 - Now they also sync across devices"],
)
def test_a_versioned_product_hunt_post_saying_now_it_does_more_is_a_release(title):
    verdict = _read(title, url="https://www.producthunt.com/posts/x", origin=Origin.PRODUCT_HUNT)
    assert verdict.kind is EntryKind.RELEASE


# --- other, though the text sounds like a launch --------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "text"),
    [("Ledgerlight is now SOC 2 Type II certified", "An independent auditor has examined our controls over "
      "six months. The report is available to customers and prospects under NDA from the trust centre."),
     ("Harrow achieves ISO 27001 certification",
      "Our certificate is now available to download for every customer from today."),
     ("Harrow is now HIPAA compliant",
      "Starting today, clinics can sign a BAA with us. It is available now in the dashboard.")],
)
def test_a_compliance_certification_is_company_news(title, text):
    assert _read(title, text).kind is EntryKind.OTHER


def test_a_product_for_compliance_is_still_a_launch():
    verdict = _read("Introducing Vantage, the SOC 2 compliance copilot", "Vantage is an agent.")
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, "Vantage")


@pytest.mark.parametrize(
    ("title", "text"),
    [("We release the Welsh Speech Corpus v2", "The second version of our corpus adds 1,400 hours of "
      "transcribed Welsh speech, under CC BY 4.0. Download it from our site."),
     ("Publishing our Kestrel driving dataset",
      "Today we are releasing 200 hours of dashcam video with labels. Download it now from our site."),
     ("We are releasing a benchmark for tax agents",
      "Today we are releasing TaxBench. Get it now at GitHub.")],
)
def test_a_dataset_or_benchmark_the_writer_releases_is_other(title, text):
    assert _read(title, text).kind is EntryKind.OTHER


@pytest.mark.parametrize(
    "title",
    ["We shipped 14 things in November",
     "We launched 9 new features in October",
     "I built 3 products this year"],
)
def test_a_tally_of_what_shipped_is_a_roundup_not_a_product_named_by_its_count(title):
    assert _read(title, "Here is everything, with links.").kind is EntryKind.OTHER


def test_we_shipped_a_name_is_still_its_launch():
    verdict = _read("We shipped Bosun", "Bosun is a deploy bot for small teams.")
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, "Bosun")


HN_ITEM = "https://news.ycombinator.com/item?id=47100001"


@pytest.mark.parametrize(
    "title",
    ["Show HN: I rewrote my side project in Rust and here's what happened",
     "Show HN: We moved off Kubernetes and this is what it cost",
     "Show HN: My notes on building a compiler",
     "Show HN: Some rough notes from running a tiny GPU cloud",
     "Show HN: Our 2026 developer survey results",
     "Show HN: Our retrospective on two years of Bosun"],
)
def test_a_show_hn_that_is_an_essay_notes_or_survey_results_is_an_article(title):
    assert _read(title, "A long post.", url=HN_ITEM, origin=Origin.HACKER_NEWS).kind is EntryKind.OTHER


@pytest.mark.parametrize(
    ("title", "product"),
    [("Show HN: Notely – notes on your desktop, synced", "Notely"),
     ("Show HN: Surveyor – survey results as live dashboards", "Surveyor")],
)
def test_a_show_hn_product_whose_tagline_names_notes_or_surveys_stays_a_launch(title, product):
    verdict = _read(title, "I built it.", url=HN_ITEM, origin=Origin.HACKER_NEWS)
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, product)


@pytest.mark.parametrize(
    ("title", "text"),
    [("Something new for accountants", "This morning we release Ledgerpal, a bookkeeping app for sole "
      "traders."),
     ("A note on timing", "We launch Tidewell today on iOS. It reads tide tables aloud."),
     ("Kestrel Gov: Kestrel for public agencies",
      "Today we launch Kestrel Gov, a version of Kestrel for government agencies.")],
)
def test_a_launch_told_in_the_present_tense_is_a_launch(title, text):
    assert _read(title, text).kind is EntryKind.LAUNCH


@pytest.mark.parametrize(
    "title",
    ["Bringing Kestrel to 50,000 nurses with the NHS",
     "Bringing Quarry to every classroom in Chile"],
)
def test_bringing_a_product_to_people_is_a_deal_not_a_launch(title):
    assert _read(title, "A deal signed this week with the ministry.").kind is EntryKind.OTHER


def test_bringing_a_model_to_a_platform_stays_a_launch():
    verdict = _read("Bringing Kimi to Bedrock", "Kimi K3 is now on Bedrock.")
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, "Kimi")


@pytest.mark.parametrize(
    ("title", "text"),
    [("Kestrel 2 in the classroom: three teachers on their first month",
      "Teachers share how they use Kestrel 2, which is now available to schools."),
     ("Quarry in the wild: how a newsroom ships stories faster",
      "Quarry is now available to every newsroom."),
     ("Harbor at work: a week with a legal team", "Harbor is now available to law firms.")],
)
def test_a_product_seen_in_use_is_a_story_not_its_launch(title, text):
    assert _read(title, text).kind is EntryKind.OTHER


def test_a_product_in_another_named_product_stays_a_release():
    verdict = _read("Quill 3 in Lanternhub: faster drafts", "Quill 3 is now available in Lanternhub.")
    assert verdict.kind is not EntryKind.OTHER
