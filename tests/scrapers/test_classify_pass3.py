"""Third classification pass (record_tune6's misreads, by phrasing class): launches under a question or
a quotation, "today we're opening up", "available to everyone", "Public beta: X", "X, now with Y",
"X adds Y" told by a release; and what stays other: security advisories, a show's guests, and the
non-AI release notes whose words only look like AI ("tzdata 2026b", "the Model class", "a --dry-run
summary")."""

import pytest

from scrapers.classify import EntryKind, is_ai_product
from tests.scrapers.classify_reading import reader

BLOG = "https://heronworks.example/blog/post"


_read = reader(BLOG)


# --- not a launch ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    ["Security advisory: session fixation in Quillbox's login flow",
     "Teal Relay security bulletin for November",
     "CVE-2027-10442: heap overflow in the Dunmore importer"],
)
def test_a_security_notice_is_news_even_when_the_text_says_a_fix_is_available(title):
    text = "Versions before 3.1 are affected. The fix is available now; upgrade or disable the importer."
    verdict = _read(title, text)
    assert verdict.kind is EntryKind.OTHER


@pytest.mark.parametrize(
    ("title", "text"),
    [("Sandpiper 12: agents that never sleep", "With the co-founders of Gullwing: why their scheduler "
      "outlived two rewrites, and what agents need from a queue."),
     ("Small Models, Big Farms", "We talk to the team behind Furrow about yield maps and tiny models."),
     ("Latency Nerds 7: Heron Edge", "On this episode, the Heron Edge lead explains cold starts.")],
)
def test_a_show_page_presenting_its_guests_is_a_podcast_whatever_its_title(title, text):
    verdict = _read(title, text)
    assert (verdict.kind, verdict.reason) == (EntryKind.OTHER, "podcast")


@pytest.mark.parametrize(
    "text",
    ["We talked to 200 accountants. Tallyfox is an app that reads invoices and files them; it is "
     "available today.",
     "We talk to hundreds of accountants a month, so we built Tallyfox, an app that files invoices. "
     "It is available today.",
     "With our team in Porto we built Tallyfox, an app that files invoices. It is available today."],
)
def test_a_launch_post_that_talked_to_people_is_not_a_show(text):
    verdict = _read("Tallyfox: invoices read for you", text)
    assert verdict.makes_tool


# --- launches under a teaser title ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "text", "product"),
    [("What would you ask your contracts?", "Most teams never read them twice. Today we're opening up "
      "Clausebird to every legal team: upload a contract and ask it anything.", "Clausebird"),
     ("Why does every expense tool feel like 2009?", "We got tired of it. So we built Pennywise, which "
      "files receipts from a photo.", "Pennywise"),
     ("\u201cI just want the minutes, not the meeting\u201d", "We heard it from every customer. Minnow is "
      "our "
      "answer: an app that sits in your calls and writes the minutes.", "Minnow"),
     ("\"Can it read my handwriting?\"", "Yes. Meet Inkling, a notes app that turns scrawl into text.",
      "Inkling"),
     ("Is your warehouse ready for agents?", "Pallas is now available to everyone who runs a "
      "warehouse on SAP.", "Pallas")],
)
def test_a_question_or_quotation_title_defers_to_a_text_announcing_a_product(title, text, product):
    verdict = _read(title, text)
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, product)


@pytest.mark.parametrize(
    ("title", "text"),
    [("What makes a good eval?", "Three years of running evaluations taught us a few things. Here they are."),
     ("\u201cWe halved our backlog\u201d", "How the support team at Ardwick Bank uses Heron every day, "
      "in their own words."),
     ("Why we left Kubernetes", "This is the result of a year of arguing. We moved everything to two "
      "boxes and a cron job."),
     ("Who trains our models?", "Meet Dana Ruiz, our new head of research, who joined from a robotics lab."),
     ("\u201cShe never misses a bug\u201d", "Our QA team is small. Meet Heron's QA lead and the "
      "checklist she wrote.")],
)
def test_a_question_or_quotation_title_over_an_essay_stays_other(title, text):
    assert _read(title, text).kind is EntryKind.OTHER


# --- launches and releases by the title ----------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "product"),
    [("Public beta: Quarry Lens", "Quarry Lens"), ("Open beta: Tansy Voice for teams", "Tansy Voice"),
     ("Generally available: Heron Ledger", "Heron Ledger")],
)
def test_a_title_opening_on_its_availability_names_the_product(title, product):
    verdict = _read(title)
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, product)


@pytest.mark.parametrize(
    ("title", "product"),
    [("Quillmate, now with offline mode", "Quillmate"),
     ("Tern Coder now with inline completions", "Tern Coder")],
)
def test_a_product_now_with_a_feature_is_its_release(title, product):
    verdict = _read(title, "More of what you asked for.")
    assert (verdict.kind, verdict.product) == (EntryKind.RELEASE, product)


@pytest.mark.parametrize(
    "title", ["Pricing, now with annual plans", "Ardwick Labs, now with 200 people"])
def test_now_with_after_a_routine_subject_or_before_a_count_is_no_release(title):
    verdict = _read(title, "A short note from the team.")
    assert verdict.kind is not EntryKind.RELEASE


@pytest.mark.parametrize(
    ("title", "text", "product"),
    [("Dunlin Notes adds handwriting and Greek", "Dunlin Notes reads handwriting as of this release, and "
      "Greek joins the list of languages.", "Dunlin Notes"),
     ("Sitka gains a memory", "Sitka can now recall what you told it last week.", "Sitka"),
     ("Brae Translate gets Welsh", "Brae Translate 2.3 speaks Welsh and Scots Gaelic.",
      "Brae Translate 2.3")],
)
def test_a_title_telling_what_a_product_gained_is_its_release_when_the_text_says_so(title, text, product):
    verdict = _read(title, text)
    assert (verdict.kind, verdict.product) == (EntryKind.RELEASE, product)


@pytest.mark.parametrize(
    ("title", "text"),
    [("Ardwick Labs adds two board members", "Ardwick Labs now counts two independent directors; the "
      "new version of our governance page lists them."),
     ("Ardwick Labs gets SOC 2", "Ardwick Labs can now show customers an independent audit.")],
)
def test_a_company_gaining_people_or_a_certificate_is_no_release(title, text):
    assert _read(title, text).kind is not EntryKind.RELEASE


# --- launches by the text ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["Today we're opening up our scheduling engine to outside developers, with an API and docs.",
     "After a long private beta, Scrivel is now open to everyone with a school e-mail address.",
     "Starting this morning anyone can sign up for Scrivel and grade essays in minutes.",
     "Six months of building later, Scrivel is the result: an app that grades essays against your rubric."],
)
def test_a_text_opening_a_product_to_all_announces_it(text):
    verdict = _read("A new way to mark essays", text)
    assert verdict.makes_tool


# --- what is AI ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "text"),
    [("tzkit v5.1.0", "Bundles tzdata 2027b. Parsing of week dates fixed."),
     ("ormish v2.0.0", "Breaking: the Model class is now Table; the Model interface moved to ormish.core."),
     ("rsyncer 3.4.1", "Prints a --dry-run summary before copying. A test summary is written on exit.")],
)
def test_a_release_note_whose_words_only_look_like_ai_is_not_ai(title, text):
    assert not is_ai_product(title, text, is_ai_tool=True)


@pytest.mark.parametrize(
    ("title", "text"),
    [("brevity v0.3.0", "Summaries of your meetings, written as you talk."),
     ("gristle v1.2.0", "Serves a 2B model on a laptop CPU."),
     ("plover v0.9.0", "Picks the best model for each prompt and caches the answer.")],
)
def test_release_notes_with_model_words_stay_ai(title, text):
    assert is_ai_product(title, text, is_ai_tool=True)


@pytest.mark.parametrize(
    ("title", "text", "product"),
    [("We made a to-do list that runs your errands", "So we built Errandly, which books the plumber and "
      "renews the parking permit. It is available today in the UK.", "Errandly"),
     ("The wait is over: Pocket Ledger", "Pocket Ledger is an app that keeps a shop's books from photos of "
      "receipts. Get it on Google Play today.", "Pocket Ledger"),
     ("Today we're launching Harbourline for port agents", "Clearance paperwork, drafted from the e-mails "
      "you already get. Available today.", "Harbourline")],
)
def test_a_launch_told_by_its_text_is_named_after_the_product_not_the_headline(title, text, product):
    verdict = _read(title, text)
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, product)


def test_a_title_that_is_a_name_keeps_it_when_the_text_launches_more_names():
    verdict = _read("Fernway", "Today we're launching Fernway Pro and Fernway Go, two note apps.")
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, None)


@pytest.mark.parametrize(
    ("title", "text", "product"),
    [("Why we built Tessellate", "Tessellate is an open-source agent framework for Rust. It is available "
      "today on crates.io.", "Tessellate"),
     ("How I made Pocketwatch", "Pocketwatch lets you log time by talking to your phone. Get it free on the "
      "App Store.", "Pocketwatch")],
)
def test_a_launch_post_telling_why_it_built_the_product_is_its_launch(title, text, product):
    verdict = _read(title, text)
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, product)


@pytest.mark.parametrize(
    ("title", "text"),
    [("Why we built Tessellate", "Two years ago we started Tessellate in a garage. This is the story of the "
      "first year."),
     ("How we built Heron's search", "Heron's search used to take four seconds. Here is how we got it "
      "to 90 ms.")],
)
def test_a_story_of_building_something_without_a_launch_stays_an_article(title, text):
    assert _read(title, text).kind is EntryKind.OTHER


def test_a_quotation_title_names_the_product_the_text_opens_to_everyone():
    verdict = _read("\u201cFinally, a scanner that gets receipts\u201d", "So our testers said of Snapbook, "
                    "which is now available to everyone on iOS.")
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, "Snapbook")


@pytest.mark.parametrize(
    ("title", "product"),
    [("The Ostrya 2027.2 update", "Ostrya 2027.2"), ("Quillmate 4.1 release", "Quillmate 4.1")],
)
def test_a_versioned_product_titled_as_an_update_is_its_release(title, product):
    verdict = _read(title, "What changed this month, in brief.")
    assert (verdict.kind, verdict.product) == (EntryKind.RELEASE, product)


@pytest.mark.parametrize("title", ["The Heron update", "Part 2 update", "The spring update"])
def test_an_update_title_without_a_versioned_product_is_no_release_by_it(title):
    verdict = _read(title, "A few words from the team about the months ahead.")
    assert verdict.kind is EntryKind.OTHER


@pytest.mark.parametrize(
    ("title", "product"),
    [("Today we're opening up the Skerrow API", "Skerrow API"),
     ("We're launching Fathom Desk for small clinics", "Fathom Desk")],
)
def test_a_title_saying_we_are_launching_names_the_product(title, product):
    verdict = _read(title)
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, product)


def test_we_are_opening_something_that_is_no_product_is_not_named_by_it():
    verdict = _read("Today we're opening up our roadmap", "Vote on what we build next.")
    assert verdict.product is None


@pytest.mark.parametrize(
    "title", ["A year of Skerrow", "Two years with Fathom Desk", "Quillmate turns three"])
def test_an_anniversary_looking_back_at_a_launch_is_an_article(title):
    verdict = _read(title, "Twelve months ago we launched it. Here is what happened since, in numbers.")
    assert verdict.kind is EntryKind.OTHER


def test_an_announced_name_stops_at_the_end_of_its_sentence():
    verdict = _read("We built an assistant for landlords", "Meet Letwell. It answers tenants' questions "
                    "from the lease. Available today.")
    assert verdict.product == "Letwell"


@pytest.mark.parametrize(
    ("title", "text"),
    [("promptline v2.4.0", "New prompt modules for Kubernetes contexts; the shell prompt draws in 3 ms."),
     ("passgate 1.2.0", "Asks once at the password prompt and caches the key for a session."),
     ("reqwire 0.7.0", "Each client may set its own User-Agent header."),
     ("keyring-rs 1.4.0", "Talks to gpg-agent directly and no longer shells out."),
     ("typeset 5.0.0", "Embedding subsets of web fonts in the exported file; smaller output."),
     ("booksy 2.2.0", "Prints a monthly summary of every account, with totals per category.")],
)
def test_a_plain_program_using_ai_words_in_their_own_sense_is_not_ai(title, text):
    assert not is_ai_product(title, text, is_ai_tool=True)


@pytest.mark.parametrize(
    ("title", "text"),
    [("promptbook v0.6.0", "Versioned prompts for your agents, with diffs between runs."),
     ("fathom-embed 1.1.0", "An embedding model for images and text in one vector space."),
     ("tallyhand 3.1.0", "Writes a summary of each meeting and files it in your notes."),
     ("helpdeskd 0.9.0", "Support agents that answer tickets from your docs.")],
)
def test_the_same_words_in_their_ai_sense_stay_ai(title, text):
    assert is_ai_product(title, text, is_ai_tool=True)


# --- from record_tune5's launch misreads (the lead's pass): words that only look like news ---------


@pytest.mark.parametrize(
    "title",
    ["Ledgerleaf: scanned paper invoices to clean ledgers",
     "Turn handwritten paper forms into spreadsheets",
     "Paper receipts, read and filed for you"],
)
def test_paper_the_material_is_no_research_paper(title):
    text = "We're launching Ledgerleaf today. It reads documents into structured rows."
    assert _read(title, text).makes_tool


def test_a_research_paper_title_still_reads_as_a_paper():
    verdict = _read("Our paper on sparse retrieval at NeurIPS", "We study how sparse retrievers fail.")
    assert (verdict.kind, verdict.reason) == (EntryKind.OTHER, "paper")


@pytest.mark.parametrize(
    ("title", "text"),
    [("Tern Desk: a customer-service agent for hotels", "Tern Labs today announces Tern Desk, an agent "
      "that answers guests in nine languages."),
     ("Mossline, customer support AI for clinics", "Mossline Health introduces Mossline, a model that "
      "drafts replies to patients.")],
)
def test_what_a_product_does_for_customers_is_no_customer_story(title, text):
    assert _read(title, text).makes_tool


def test_a_customer_story_stays_an_article():
    verdict = _read("How our customers at Baltic Freight ship faster", "Baltic Freight moved to Tern Desk.")
    assert verdict.kind is EntryKind.OTHER


@pytest.mark.parametrize(
    ("title", "text", "product"),
    [("Brewers get an assistant that watches the mash", "Kanpai Robotics is releasing Mash Eye, a camera "
      "and model that tells a brewer when the mash is ready.", "Mash Eye"),
     ("A quieter way to triage tickets", "Fenland Software is launching Triage Owl, an app that sorts "
      "support tickets by urgency.", "Triage Owl")],
)
def test_a_company_post_opening_on_what_it_releases_is_that_launch(title, text, product):
    verdict = _read(title, text)
    assert verdict.kind is EntryKind.LAUNCH and verdict.product == product


def test_a_company_releasing_a_report_is_not_a_launch():
    verdict = _read("What 400 brewers told us", "Kanpai Robotics is releasing a survey of 400 brewers.")
    assert verdict.kind is EntryKind.OTHER


# --- from record_tune7's launch misreads (the lead's pass) -------------------------------------------


@pytest.mark.parametrize(
    ("title", "product"),
    [("Tessel Eye launches for quality inspection", "Tessel Eye"),
     ("Brindle Notes is live", "Brindle Notes"),
     ("Kanpai launches Mash Eye", "Mash Eye"),
     ("Orrery Labs debuts Orrery Sky for planetariums", "Orrery Sky")],
)
def test_a_launch_headline_names_its_product(title, product):
    verdict = _read(title, "A short post.")
    assert verdict.kind is EntryKind.LAUNCH and verdict.product == product


@pytest.mark.parametrize("title", ["Heron launches in Japan", "Why Quillbox launches slowly"])
def test_a_headline_of_where_or_why_a_company_launches_names_no_product(title):
    verdict = _read(title, "Our team in Tokyo grows to twelve.")
    assert verdict.kind is EntryKind.OTHER


@pytest.mark.parametrize(
    "title",
    ["Tundra Eye, a wildlife camera that knows a lynx from a fox",
     "Ferrule, an app which files your receipts"],
)
def test_a_name_then_what_it_does_after_a_comma_is_a_launch(title):
    verdict = _read(title, "It ships this week.")
    assert verdict.kind is EntryKind.LAUNCH and verdict.product == title.split(",")[0]


def test_a_person_then_who_they_are_is_no_launch():
    verdict = _read("Dana Ruiz, a nurse who codes", "Dana Ruiz talks about her evenings.")
    assert verdict.kind is EntryKind.OTHER


@pytest.mark.parametrize(
    "text",
    ["Every spring, growers guess. Vinetta is our answer: drone imagery in, a picking plan out.",
     "Reconciling invoices took our customers days. Tallyfox is our answer, and it files them for you."],
)
def test_a_product_said_to_be_our_answer_is_launched(text):
    verdict = _read("Harvest planning, without the spreadsheet", text)
    assert verdict.kind is EntryKind.LAUNCH


def test_a_possessive_head_is_news_of_the_product_not_a_launch():
    verdict = _read("Quillbox's Black Friday: 2.1M conversations", "Quillbox answered 2.1M questions.")
    assert verdict.kind is EntryKind.OTHER
