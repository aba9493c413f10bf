"""Phrasing families from the first blind sets, each in other authors' wordings, with the
distractors that must stay as they are: what reads as an AI product, a code host's first release,
a text opening on its announcement, a Product Hunt post of a new version, a feature title."""

import pytest

from scrapers.classify import EntryKind, Origin, classify, is_ai_product

BLOG = "https://quarry.example/blog/post"
PH = "https://www.producthunt.com/posts/thing"
RELEASE = "https://github.com/quarry/thing/releases/tag/v0.1.0"


@pytest.mark.parametrize(
    "tagline",
    [
        # speech made or read by a model
        "Audiobook-quality narration from plain text, API-first",
        "Streaming TTS for call centres, under 200 ms",
        "On-device ASR for forty languages",
        "Lifelike voices for your newsletter, in thirty languages",
        "Speech recognition that keeps working offline",
        # documents read by a model
        "OCR for handwritten field forms",
        "Turn invoices into structured data in one call",
        "Scanned PDFs to clean JSON for a cent a page",
        "A document understanding API for insurers",
        "Snap a receipt, get a tidy expense report",
        "Receipts to expense reports, now with team ledgers",
        "A calm notes app with on-device handwriting search",
        "Handwriting recognition for your paper journal",
        # retrieval and local serving
        "Re-ranking with a cross-encoder, off by default",
        "Semantic search over every Slack thread",
        "A vector database that lives in one file",
        "Optional Apple Silicon acceleration through MLX",
        "Now serving Heron3-VL for screenshots",
        "Plover-2-Instruct, tuned for forms",
        "Long-context reasoning, billed per token",
        # what only a model does unasked
        "Notes that sort themselves",
        "Meeting notes that turn themselves into time entries",
        "Bookkeeping that categorises itself, for sole traders",
        "An inbox that labels itself",
        "See your screen, ask anything",
        "A robot-arm policy that learns a task from five demonstrations",
        "NPC dialogue that remembers what the player said",
        "Grades handwritten homework in Hindi",
        "Reviews contracts clause by clause and suggests redlines",
        "Predicts crop yields from satellite images",
        "Detects anomalies in your metrics with machine-learned baselines",
        "Keyword spotting on a microcontroller with a 180K-parameter network",
        "Trained on 2 million court rulings",
        "A wake word engine for your smart speaker",
        "Ask questions about your contracts",
        "Ask your wiki before you ask a colleague",
        "Answers your customers in your brand voice",
        "Cover letters in your own writing style",
        "Your smart parenting companion: newborn to toddler",
        "A smart writing assistant for your inbox",
        "The smart study tutor for medical students",
    ],
)
def test_a_tagline_naming_what_only_a_model_does_is_ai(tagline):
    assert is_ai_product(f"Thing - {tagline}", tagline, is_ai_tool=False)


@pytest.mark.parametrize(
    "tagline",
    [
        "Knitting patterns that count your rows for you",
        "A dashboard that updates itself every minute",
        "The plugin that pays for itself",
        "Focus timer for the Mac menu bar",
        "A vector graphics editor for the iPad",
        "Catches flaky tests before they block your merge queue",
        "Figma frames to production SwiftUI, no hand clean-up",
        "Pay per token transfer, no gas",
        "Snap a photo and share it with friends",
        "A handwriting practice book for children",
        "A smart home hub for renters",
        "Smart plugs that switch off at night",
        "Ask a friend to split the bill",
        "Find your voice as a new manager: a course",
        "Kids learn to code with puzzles",
        "URL parameters, explained for marketers",
        "A linter that suggests fixes as you type",
        "Book a tutor in five minutes",
    ],
)
def test_software_saying_none_of_it_stays_not_ai(tagline):
    assert not is_ai_product(f"Thing - {tagline}", tagline, is_ai_tool=False)


@pytest.mark.parametrize(
    ("title", "text", "kind"),
    [
        ("lintel v0.1.0 — first public release", "A linter for prompt files.", EntryKind.LAUNCH),
        ("quill 0.1.0", "Semantic search for your notes.", EntryKind.LAUNCH),
        ("v0.4.0 (initial release)", "An embedding server.", EntryKind.LAUNCH),
        ("wren v1.2.0", "Our very first tagged version of the inference server.", EntryKind.LAUNCH),
        ("ferret 2.0.0", "The first release since the rewrite: an LLM gateway.", EntryKind.RELEASE),
        ("ferret v1.4.0", "Our first release of 2027 for the LLM gateway.", EntryKind.RELEASE),
        ("ferret v0.10.0", "An LLM gateway.", EntryKind.RELEASE),
        ("ferret v0.1.1", "An LLM gateway.", EntryKind.RELEASE),
    ],
)
def test_a_first_release_says_so_in_its_title_or_its_version(title, text, kind):
    assert classify(title, text, url=RELEASE, origin=Origin.RELEASES).kind is kind


@pytest.mark.parametrize(
    "text",
    [
        "Introducing the world’s best document understanding API.",
        "Announcing Plover, a small model for field notes.",
        "We’re introducing Tern Speech, a suite of models for 900 languages.",
        "We’re excited to announce Heron for every workspace.",
        "Unveiling our new agent for support inboxes.",
    ],
)
def test_a_text_opening_on_its_announcement_is_a_launch(text):
    assert classify("A better way to read", text, url=BLOG, origin=Origin.POST).kind is EntryKind.LAUNCH


@pytest.mark.parametrize(
    "text",
    [
        "Introducing changes to our community guidelines.",
        "Meet the team that ran our evaluation week.",
        "We’re reflecting on a year of shipping.",
        "Meet Dana, our new head of research.",
        "Introducing Ade Okafor as our CTO.",
        "Announcing Tomasz Nowak, who joins us from a robotics lab.",
        "Introducing AI into classrooms is harder than it looks.",
        "Announcing Q3 results and a new office.",
        "Announcing Quarrycon speakers and the agenda.",
    ],
)
def test_a_text_opening_on_news_that_is_no_product_stays_an_article(text):
    assert classify("A note from the team", text, url=BLOG, origin=Origin.POST).kind is EntryKind.OTHER


def test_a_curly_apostrophe_title_reads_as_a_straight_one():
    assert classify("We’re hiring", "", url=BLOG, origin=Origin.POST).reason == "job"


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Pipit 2 - Receipts to reports, now with shared ledgers. Still free", EntryKind.RELEASE),
        ("Notely 3 - Now with offline sync", EntryKind.RELEASE),
        ("Tally 2.0 — Same budgeting app, now on Android", EntryKind.RELEASE),
        ("Driftwood 4 - Still free, now with team plans", EntryKind.RELEASE),
        ("Shram 2.0 - Be recognised for your impact at work", EntryKind.LAUNCH),
        ("Web3 Wallet - now with hardware keys", EntryKind.LAUNCH),
        ("Tally - Budgeting, now on Android", EntryKind.LAUNCH),
    ],
)
def test_a_product_hunt_post_of_a_version_telling_what_it_added_is_a_release(title, kind):
    assert classify(title, "", url=PH, origin=Origin.PRODUCT_HUNT).kind is kind


@pytest.mark.parametrize(
    ("title", "product"),
    [
        ("Custom Code Review rules for Codex", "Codex"),
        ("Custom instructions for Heron", "Heron"),
        ("Scheduled tasks in Quill", "Quill"),
        ("Shared projects for Gannet Teams", "Gannet Teams"),
        ("Offline mode in Wren", "Wren"),
    ],
)
def test_a_title_naming_a_feature_of_a_product_is_its_release(title, product):
    verdict = classify(title, "", url=BLOG, origin=Origin.POST)
    assert (verdict.kind, verdict.product) == (EntryKind.RELEASE, product)


@pytest.mark.parametrize(
    "title",
    ["Custom GPTs for education", "Security rules for AI agents", "New rules for Europe",
     "Best practices for Codex", "Project rules for Wren: a guide"],
)
def test_a_title_about_rules_or_practices_is_no_feature_release(title):
    assert classify(title, "", url=BLOG, origin=Origin.POST).kind is EntryKind.OTHER


@pytest.mark.parametrize(
    ("title", "product"),
    [
        ("Our newest model: Sable 2B", "Sable 2B"),
        ("Our most capable model yet, Kittiwake Ultra", "Kittiwake Ultra"),
        ("Finally: Orca for Windows", "Orca"),
        ("It’s here: Pebble Code", "Pebble Code"),
        ("Available now on AppSource: Clause Check", "Clause Check"),
        ("Live in the Play Store: Ferry", "Ferry"),
    ],
)
def test_a_title_opening_on_news_then_naming_the_product_is_its_launch(title, product):
    verdict = classify(title, "", url=BLOG, origin=Origin.POST)
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, product)


@pytest.mark.parametrize(
    "title",
    ["Our new CFO: Dana Ruiz", "Our newest office: Lagos", "Finally: a fix for the sync bug",
     "Available today in 40 countries", "Now live in Europe"],
)
def test_a_person_a_place_or_a_fix_after_such_an_opening_is_no_launch(title):
    assert classify(title, "", url=BLOG, origin=Origin.POST).kind is EntryKind.OTHER


CHANGELOG = "https://gantry.example/changelog#entry"


@pytest.mark.parametrize("title", ["Invoices now in CHF", "Exports now in Parquet", "Billing now in Euro",
                                   "Webhooks now with Retries"])
def test_a_changelogs_routine_subject_now_in_something_is_no_platform_launch(title):
    assert classify(title, "", url=CHANGELOG, origin=Origin.POST).kind is EntryKind.OTHER


@pytest.mark.parametrize(
    "text",
    ["Loam Desk is a fleet dashboard for warehouse robots.",
     "Gantry is a plugin for Figma that names layers.",
     "Perch is a keyboard for people who type in Yoruba.", "Sill is a notebook that runs on your phone."],
)
def test_a_text_saying_what_kind_of_product_it_is_is_a_launch(text):
    assert classify("Built for busy floors", text, url=BLOG, origin=Origin.POST).kind is EntryKind.LAUNCH


def test_a_text_saying_what_a_person_is_is_no_launch():
    text = "Our founder is a former nurse who spent ten years on night shifts."
    assert classify("Why we started", text, url=BLOG, origin=Origin.POST).kind is EntryKind.OTHER


@pytest.mark.parametrize(
    ("text", "is_ai"),
    [("A typed config language for ML pipelines.", True), ("MLOps for small teams.", True),
     ("A 500 ml bottle that tracks your water.", False), ("Recipes scaled from 250 ml to 2 l.", False)],
)
def test_ml_in_capitals_is_ai_and_millilitres_are_not(text, is_ai):
    assert is_ai_product("Thing", text, is_ai_tool=False) is is_ai


@pytest.mark.parametrize(
    "text",
    ["Tarn Maps launched this morning for every paid plan.", "Tarn Maps shipped to all teams yesterday.",
     "Tarn Maps went live in Kenya today.", "Meet Tarn Maps, an assistant that plans delivery routes."],
)
def test_a_text_opening_on_the_product_going_out_is_its_launch(text):
    verdict = classify("Tarn Maps", text, url=BLOG, origin=Origin.POST)
    assert verdict.kind is EntryKind.LAUNCH


def test_a_text_meeting_a_person_is_no_launch():
    text = "Meet Dana, who leads our evaluation team in Kraków."
    assert classify("People of Tarn", text, url=BLOG, origin=Origin.POST).kind is EntryKind.OTHER


@pytest.mark.parametrize(
    ("title", "text", "product"),
    [
        ("Marten Notes, version 4", "Handwriting search and folders.", "Marten Notes 4"),
        ("Quill – release 2.3", "Faster sync.", "Quill 2.3"),
        ("Tarn Maps adds offline tiles", "Tarn Maps now caches tiles for offline use.", "Tarn Maps"),
        ("Tarn Maps gets citations", "Tarn Maps 1.4 now cites the road it read.", "Tarn Maps 1.4"),
    ],
)
def test_a_title_or_text_telling_what_a_product_now_does_is_its_release(title, text, product):
    verdict = classify(title, text, url=BLOG, origin=Origin.POST)
    assert (verdict.kind, verdict.product) == (EntryKind.RELEASE, product)


@pytest.mark.parametrize(
    ("title", "text"),
    [("Acme adds two board members", "Acme now has a board of seven."),
     ("Acme hires a CFO", "Acme now employs ninety people in three countries."),
     ("Acme grows in Lagos", "Acme now serves two million riders.")],
)
def test_what_a_company_now_has_is_no_release(title, text):
    assert classify(title, text, url=BLOG, origin=Origin.POST).kind is EntryKind.OTHER
