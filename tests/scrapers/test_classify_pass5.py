"""Fifth classification pass (record_tune9's and captures_tune4's misreads, by phrasing class): titles
decorated with emoji, shouted ("WE'RE LIVE!!!"), translated ("Is born X", "We have the pleasure to
announce: X is available"), a founders' letter, a changelog's first entry; releases told by "the new
version 3 of X", an ordinal, "release notes", a package's lowercase kind word; and what stays other
though it borrows launch words: a programme, a fund, a dataset, a cloud marketplace listing, a country
reached, a Show HN essay, a product going read-only."""

import pytest

from scrapers.classify import EntryKind, Origin, classify, is_ai_product
from tests.scrapers.classify_reading import reader

BLOG = "https://ostrava-labs.example/blog/post"


_read = reader(BLOG)


# --- launches ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "product"),
    [("🎉🎉 Tamarind Voice is here 🎉🎉", "Tamarind Voice"),
     ("🚀 Introducing Wrenfield Desk", "Wrenfield Desk"),
     ("✨ Halda Notes is now available ✨", "Halda Notes"),
     ("🔥 Corvina Maps has arrived", "Corvina Maps")],
)
def test_emoji_at_a_titles_ends_do_not_hide_the_launch_it_names(title, product):
    verdict = _read(title)
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, product)


@pytest.mark.parametrize(
    ("title", "text", "product"),
    [("WE'RE LIVE!!! 🚀🌱", "AFTER 14 MONTHS IN A GARAGE, BRIGHTMOSS IS FINALLY HERE. Brightmoss reads the "
      "sensors in your greenhouse.", "Brightmoss"),
     ("We are officially live", "Today, Quillmate is live for every team. It drafts replies to support "
      "tickets.", "Quillmate"),
     ("It's live.", "Ferrous Books is out: double-entry bookkeeping for blacksmiths.", "Ferrous Books")],
)
def test_a_were_live_title_is_the_launch_of_the_product_its_text_says_is_out(title, text, product):
    verdict = _read(title, text)
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, product)


@pytest.mark.parametrize("title", ["We're live at KubeCon, booth 12", "We're live in Berlin"])
def test_live_somewhere_is_no_launch(title):
    assert _read(title, "Come and say hello; we have stickers.").kind is EntryKind.OTHER


@pytest.mark.parametrize(
    ("title", "product"),
    [("Is born Lienzo: the assistant that passes the sketch of paper to plan", "Lienzo"),
     ("Today is born Quadra, the app for the small restaurants", "Quadra"),
     ("Nace Pizarra: la pizarra que toma apuntes", "Pizarra"),
     ("Kartell Vision is born", "Kartell Vision")],
)
def test_a_launch_told_as_a_birth_names_the_product(title, product):
    verdict = _read(title, "The studios can use it from this same week.")
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, product)


@pytest.mark.parametrize(
    "title",
    ["Sheets of paper to spreadsheets: Tabula", "From paper to plan: Lienzo reads your sketches"],
)
def test_paper_as_the_material_is_no_research_paper(title):
    assert _read(title, "Tabula is a new app that reads paper forms. It is available today.").kind \
        is EntryKind.LAUNCH


@pytest.mark.parametrize(
    ("title", "product"),
    [("We have the pleasure to announce: Kanzlei-Kompass is available from now on", "Kanzlei-Kompass"),
     ("Big news: Quillmate is live", "Quillmate"),
     ("We're thrilled to announce: Introducing Ledgerfox", "Ledgerfox")],
)
def test_an_announcing_formula_before_a_colon_leaves_the_launch_title_after_it(title, product):
    verdict = _read(title)
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, product)


def test_an_announcing_formula_before_news_stays_other():
    assert _read("Big news: Ostrava Labs raises a $12M Series A").kind is EntryKind.OTHER


_LETTER = ("<p>Three years ago, Marta spent a night in an emergency department waiting for a translator who "
           "never came. " + "We learned what hospitals need and what they do not. " * 10 + "</p>"
           "<p>So {announcement} to every hospital that wants it.</p>")


@pytest.mark.parametrize(
    ("title", "announcement", "product"),
    [("A letter from our founders", "today we are opening Tessaly", "Tessaly"),
     ("A note from our CEO", "today we're launching Parloir Health", "Parloir Health")],
)
def test_a_founders_letter_launches_the_product_it_opens_deep_in_its_text(title, announcement, product):
    verdict = _read(title, _LETTER.format(announcement=announcement))
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, product)


def test_a_letter_that_launches_nothing_stays_other():
    assert _read("A letter from our founders", _LETTER.format(announcement="we thank every nurse")).kind \
        is EntryKind.OTHER


CHANGELOG = "https://orrery.example/changelog#day-one"


@pytest.mark.parametrize(
    ("title", "text", "product"),
    [("Day one", "Orrery is public. It builds your team's on-call rota from calendars.", "Orrery"),
     ("Hello, world", "Quillmate is now open to everyone: sign up with a work e-mail.", "Quillmate"),
     ("The beginning", "Tessik Rota has launched. It pages whoever is awake.", "Tessik Rota")],
)
def test_a_changelog_entry_opening_on_the_product_made_public_is_its_launch(title, text, product):
    verdict = _read(title, text, url=CHANGELOG)
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, product)


@pytest.mark.parametrize(
    ("title", "text"),
    [("Dark mode", "Dark mode is now live for everyone."),
     ("Fixes", "Exports are now public links. Daylight-saving shifts no longer move by an hour.")],
)
def test_a_changelogs_routine_entry_stays_other(title, text):
    assert _read(title, text, url=CHANGELOG).kind is EntryKind.OTHER


# --- releases -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "product"),
    [("The new version 3 of Rakhivnyk is available for the download", "Rakhivnyk 3"),
     ("The latest release 2.4 of Quillmate brings folders", "Quillmate 2.4")],
)
def test_the_new_version_n_of_a_product_is_its_release(title, product):
    verdict = _read(title, "Users of the previous version receive the update without payment.")
    assert (verdict.kind, verdict.product) == (EntryKind.RELEASE, product)


@pytest.mark.parametrize(
    ("title", "product"),
    [("Pipette 1.1 release notes", "Pipette 1.1"), ("Quillmate 2.4 patch notes", "Quillmate 2.4"),
     ("The Heron 3.2 changelog", "Heron 3.2")],
)
def test_a_versioned_products_release_notes_are_its_release(title, product):
    verdict = _read(title, "Answers cite the exact cell. Admins can hide a project.")
    assert (verdict.kind, verdict.product) == (EntryKind.RELEASE, product)


@pytest.mark.parametrize(
    ("title", "text"),
    [("Gnocchi 2 knows what's in season", "The second version of Gnocchi is rolling out on iOS this week."),
     ("Parley 3 plans your whole week", "The third release of Parley reads your calendar and your inbox.")],
)
def test_a_whole_version_the_text_tells_in_words_is_a_release(title, text):
    assert _read(title, text).kind is EntryKind.RELEASE


def test_a_whole_number_the_text_does_not_call_a_version_is_no_release():
    assert _read("Parley 3 plans your whole week", "Three people plan their week with a notebook.").kind \
        is EntryKind.OTHER


@pytest.mark.parametrize(
    ("title", "text", "product"),
    [("Ollama Python library 0.4 with function calling improvements",
      "With Ollama Python library version 0.4, functions can now be provided as tools.",
      "Ollama Python library 0.4"),
     ("Heron JavaScript client 2.3 with retries", "Heron JavaScript client 2.3 retries failed calls.",
      "Heron JavaScript client 2.3")],
)
def test_a_versioned_package_named_with_its_kind_is_a_release(title, text, product):
    verdict = _read(title, text)
    assert (verdict.kind, verdict.product) == (EntryKind.RELEASE, product)


PH = "https://www.producthunt.com/posts/otterly-legal-2-0"


@pytest.mark.parametrize(
    "title",
    ["Otterly Legal 2.0 - Now drafts deposition outlines, too", "Pipit 3 - Now tracks shared expenses"],
)
def test_a_product_hunt_version_whose_tagline_tells_what_it_now_does_is_a_release(title):
    assert classify(title, "", url=PH, origin=Origin.PRODUCT_HUNT).kind is EntryKind.RELEASE


def test_a_product_hunt_version_with_a_plain_tagline_stays_a_launch():
    assert classify("Shram 2.0 - Be recognised for your impact at work", "", url=PH,
                    origin=Origin.PRODUCT_HUNT).kind is EntryKind.LAUNCH


@pytest.mark.parametrize(
    "text",
    ["The classifier now reads voice notes (transcribed on the server).",
     "Calls are transcribed and filed under the customer."],
)
def test_a_release_whose_notes_say_transcribed_is_of_an_ai_product(text):
    assert is_ai_product("tsela 2026.11.2", text, is_ai_tool=False)


# --- other, though it borrows launch words -------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    ["Announcing the Brightmoss Grower Fund", "Introducing the Llama Startup Program",
     "Announcing the Heron Climate Grants", "Launching the Quillmate Economic Programme in Europe",
     "Introducing the Heron Advisory Council"],
)
def test_a_programme_a_fund_or_a_council_presented_is_no_product(title):
    text = "We're excited to announce a new initiative to support early-stage startups."
    assert _read(title, text).kind is EntryKind.OTHER


@pytest.mark.parametrize(
    "title",
    ["Introducing Nymeria, a dataset for improving human motion prediction",
     "Announcing Tallgrass: an open benchmark for farm-robot grasping",
     "Corvina-10K, a corpus of Portuguese court rulings"],
)
def test_a_dataset_or_a_benchmark_presented_is_no_product(title):
    text = "Today we're releasing it under CC-BY-4.0 for researchers."
    assert _read(title, text).kind is EntryKind.OTHER


@pytest.mark.parametrize(
    "title",
    ["Introducing Fundwise, an app that budgets for you", "Introducing Foundation Desk: a CRM for charities"],
)
def test_a_product_whose_name_holds_such_a_word_stays_a_launch(title):
    assert _read(title, "It is available today.").kind is EntryKind.LAUNCH


@pytest.mark.parametrize(
    "title",
    ["Pinecraft is now available on the AWS Marketplace", "Quillmate now available in Azure Marketplace",
     "Heron is now live on Google Cloud Marketplace"],
)
def test_a_listing_on_a_cloud_marketplace_is_no_launch(title):
    assert _read(title, "Teams can now pay for it on their cloud bill.").kind is EntryKind.OTHER


@pytest.mark.parametrize(
    "title",
    ["Claude is now available in Brazil", "Quillmate is now live in Canada and Mexico",
     "Introducing Heron to the UK", "Tessik Voice is now available in 12 new countries",
     "Corvina Maps is now live across Southeast Asia"],
)
def test_a_product_reaching_a_country_or_a_region_is_no_launch(title):
    assert _read(title).kind is EntryKind.OTHER


@pytest.mark.parametrize("title",
                         ["Quillmate is now available in Slack", "Heron is now available in VS Code"])
def test_a_product_now_in_an_app_stays_a_launch(title):
    assert _read(title).kind is EntryKind.LAUNCH


HN = "https://news.ycombinator.com/item?id=46880455"


@pytest.mark.parametrize(
    "title",
    ["Show HN: What I learned running a one-person SaaS for ten years",
     "Show HN: Lessons from five years of selling a Mac app alone",
     "Show HN: Twelve years of running a tiny search engine"],
)
def test_a_show_hn_that_is_an_essay_is_an_article(title):
    assert classify(title, "Not a product, sorry: the numbers.", url="https://hollis.example/blog/ten-years",
                    origin=Origin.HACKER_NEWS).kind is EntryKind.OTHER


def test_a_show_hn_of_a_product_stays_a_launch():
    assert classify("Show HN: Keyloom – a keyboard configurator that works offline", "", url=HN,
                    origin=Origin.HACKER_NEWS).kind is EntryKind.LAUNCH


@pytest.mark.parametrize(
    "title",
    ["Plume Classic goes read-only on 31 January", "Heron Desktop is going away in March",
     "We're winding down Quill Sync", "End of support for Wren 1"],
)
def test_a_product_going_read_only_or_away_is_news(title):
    text = "The old editor stays open for downloads until the end of January. Nothing you made is deleted."
    assert _read(title, text).kind is EntryKind.OTHER


# --- probes written after record_tune9 read right (not from any labelled file) -------------------------


@pytest.mark.parametrize(
    ("title", "text", "product"),
    [("We're live on Product Hunt today! 🚀", "Quillmate drafts replies to support tickets. Come say hi.",
      "Quillmate"),
     ("We are live on the App Store", "Halda Notes sorts your notes by itself.", "Halda Notes")],
)
def test_live_on_a_launch_site_is_the_launch_of_the_product_the_text_opens_on(title, text, product):
    verdict = _read(title, text)
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, product)


@pytest.mark.parametrize(
    ("title", "text", "product"),
    [("Finally.", "Tessik Voice is out of beta and available to everyone.", "Tessik Voice"),
     ("Happy launch day!", "After a long winter, Corvina Maps is now live for hikers.", "Corvina Maps")],
)
def test_a_vague_title_is_a_launch_when_its_text_says_what_is_out(title, text, product):
    verdict = _read(title, text)
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, product)


def test_a_vague_title_over_an_essay_stays_other():
    assert _read("Finally.", "Kubernetes makes small teams slower, and I have the numbers.").kind \
        is EntryKind.OTHER


@pytest.mark.parametrize(
    ("title", "product"),
    [("The wait is over: Corvina Maps is here", "Corvina Maps"),
     ("At last: Halda Notes is live", "Halda Notes")],
)
def test_the_wait_is_over_before_a_colon_leaves_the_launch_title(title, product):
    verdict = _read(title)
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, product)


@pytest.mark.parametrize(
    ("title", "product"),
    [("We are glad to present you the Kvarn", "Kvarn"),
     ("We are pleased to introduce to you Rakhivnyk", "Rakhivnyk")],
)
def test_a_translated_presentation_naming_the_product_is_its_launch(title, product):
    verdict = _read(title, "It plans the mill for the next week.")
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, product)


@pytest.mark.parametrize(
    "text",
    ["Tamarind Voice answers the phone for restaurants. Available now in India and the UAE.",
     "Corvina Maps plans hikes offline. Available now for Android phones."],
)
def test_a_sentence_opening_on_available_now_announces_the_launch(text):
    assert _read("Say goodbye to hold music", text).kind is EntryKind.LAUNCH


# --- record_tune7's "Pomelo Chat for Shopify stores" (left by the fourth pass), by its class ----------


@pytest.mark.parametrize(
    ("title", "text", "product"),
    [("Pomelo Chat for Shopify stores", "We're Pomelo Labs, a team of six in Singapore. Pomelo Chat "
      "answers shoppers' questions from your catalogue. Plans: Starter S$29/month, Growth S$99/month.",
      "Pomelo Chat"),
     ("Ledgerfox for freelancers", "Tax season, sorted. Ledgerfox files your receipts and drafts your "
      "return. It is €9 a month.", "Ledgerfox")],
)
def test_a_product_named_for_its_audience_whose_text_prices_it_is_a_launch(title, text, product):
    verdict = _read(title, text)
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, product)


@pytest.mark.parametrize(
    ("title", "text"),
    [("Python for data science", "Python makes analysis easy, and pandas makes it fast."),
     ("Rust for JavaScript developers", "Rust gives you speed. The book costs $39.")],
)
def test_a_subject_for_an_audience_with_no_price_per_period_stays_an_article(title, text):
    assert _read(title, text).kind is EntryKind.OTHER


@pytest.mark.parametrize(
    ("title", "text"),
    [("We are happy to present you our new product for accountants",
      "The invoices are photographed by phone, and the artificial intelligence fills the fields itself."),
     ("Kvarn plans the mill", "Kvarn uses Artificial Intelligence to plan changeovers at flour mills.")],
)
def test_artificial_intelligence_spelled_out_is_an_ai_product(title, text):
    assert is_ai_product(title, text, is_ai_tool=False)


# --- more probes of my own (after the first ones read right) ---------------------------------------------


@pytest.mark.parametrize(
    "title",
    ["Introducing the Heron Partner Network", "Introducing the Heron Community Forum",
     "Announcing the Quillmate State of Support Report", "Introducing the Tallo Playbook for finance teams"],
)
def test_a_community_a_partner_network_or_a_publication_presented_is_no_product(title):
    assert _read(title, "We're excited to announce it today.").kind is EntryKind.OTHER


@pytest.mark.parametrize("title", ["Introducing Heron Day 2027", "Heron Days 2026 is here"])
def test_an_event_named_with_its_year_is_an_event(title):
    assert _read(title, "Our conference returns to Lisbon in May.").kind is EntryKind.OTHER


@pytest.mark.parametrize(
    "title",
    ["Heron Cloud is now available in the EU region", "Quillmate is now live in Canada data centres"],
)
def test_a_cloud_region_reached_is_no_launch(title):
    assert _read(title, "Data stays in the region.").kind is EntryKind.OTHER


@pytest.mark.parametrize(
    ("title", "product"), [("What's new in Heron 4", "Heron 4"), ("New in Quillmate 2.3", "Quillmate 2.3")],
)
def test_whats_new_in_a_versioned_product_without_a_colon_is_its_release(title, product):
    verdict = _read(title, "Folders and search.")
    assert (verdict.kind, verdict.product) == (EntryKind.RELEASE, product)


@pytest.mark.parametrize(
    ("title", "text", "product"),
    [("Heron Scribe: meeting notes that write themselves", "Heron Scribe joins your calls.", "Heron Scribe"),
     ("Tallo: the spreadsheet that checks itself", "Tallo reads every formula in your model.", "Tallo"),
     ("Your contracts, read in seconds — meet Clausewise", "Clausewise flags risky clauses.", "Clausewise"),
     ("Inbox zero, finally: introducing Sortly", "Sortly files every e-mail where it belongs.", "Sortly")],
)
def test_a_title_telling_what_the_named_thing_does_over_a_text_opening_on_it_is_a_launch(title, text,
                                                                                          product):
    verdict = _read(title, text)
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, product)


@pytest.mark.parametrize(
    ("title", "text"),
    [("Kubernetes: the thing that nobody understands",
      "I have run Kubernetes for ten years, and here is why."),
     ("A new face on the team — meet Dana", "Dana joined us from Stripe in October.")],
)
def test_such_a_title_over_a_text_not_opening_on_a_product_doing_something_stays_other(title, text):
    assert _read(title, text).kind is EntryKind.OTHER


@pytest.mark.parametrize(
    ("title", "product"),
    [("Big update: Heron can now read PDFs", "Heron"), ("Quillmate can now answer in Welsh", "Quillmate")],
)
def test_a_product_that_can_now_do_something_is_its_release(title, product):
    verdict = _read(title)
    assert (verdict.kind, verdict.product) == (EntryKind.RELEASE, product)


@pytest.mark.parametrize("title", ["Customers can now pick a region", "Teams can now share agents"])
def test_who_can_now_do_something_is_no_product(title):
    assert _read(title).kind is EntryKind.OTHER
