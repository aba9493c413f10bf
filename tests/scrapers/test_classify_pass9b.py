"""Ninth classification pass, second part (tune18's misreads, by phrasing class): Y Combinator's "Launch YC: X
– ..." pages; a community post tagged "[Release]" or "[Launch]"; a maker's title saying "I built X, a ...";
"One week after launch: X v2 is out"; a changelog's "What's new in X 1.3" (a release) and its patch entries
("X 1.0.3: fixes", routine); a comparison title ("A vs B", "... compared"); a text saying the product the
title or the site names opened to every one of its users this week; a headline's name ending at its version
("X 2.0 With ..."); a code host's "owner/model: v1.1" and an app listing's "What's New in Version 2.0" (the
version's release). Each with what must keep its reading."""

import pytest

from scrapers.classify import EntryKind, Origin, classify
from tests.scrapers.classify_reading import reader

_read = reader("https://tallowby.co.uk/blog/post")
_YC = "https://www.ycombinator.com/launches/Ab1-post"
_REDDIT = "https://www.reddit.com/r/LocalLLaMA/comments/abc123/post/"
_CHANGELOG = "https://docs.tarnwell.com/whats-new#entry"


# --- Launch YC -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("title", "product"), [
    ("Launch YC: Marrowfield – AI rota planning for GP surgeries", "Marrowfield"),
    ("Launch YC: Tessaly (YC S27) - Contract review for small landlords", "Tessaly"),
    ("Launch YC: Quibble Health — discharge letters written in minutes", "Quibble Health"),
    ("Launch YC - Ferrowby: bookkeeping agents for dentists", "Ferrowby"),
])
def test_a_launch_yc_page_is_the_company_launch(title, product):
    verdict = _read(title, "TL;DR: we help small teams.", url=_YC)
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, product)


def test_a_title_about_yc_launches_is_not_a_launch_page():
    assert _read("Launch YC companies we loved in 2026", "A look back at the year.").kind is EntryKind.OTHER


# --- a tagged community post ------------------------------------------------------------------------------


@pytest.mark.parametrize(("title", "kind", "product"), [
    ("[Release] Tarnby-2B: a small model that writes SQL from plain English", EntryKind.LAUNCH, "Tarnby-2B"),
    ("[Launch] Quillory – invoices that chase themselves", EntryKind.LAUNCH, "Quillory"),
    ("[P] Heronscope, a local OCR model for receipts", EntryKind.LAUNCH, "Heronscope"),
    ("[Release] Tarnby v2: PowerShell support and a 7B size", EntryKind.RELEASE, "Tarnby v2"),
    ("[Open Source] Pebblerun: run GGUF models from the terminal", EntryKind.LAUNCH, "Pebblerun"),
])
def test_a_post_tagged_as_an_announcement_names_what_follows(title, kind, product):
    verdict = _read(title, "Hey all, long-time lurker.", url=_REDDIT)
    assert (verdict.kind, verdict.product) == (kind, product)


@pytest.mark.parametrize("title", [
    "[D] Which small model do you use for shell commands?",
    "[Release] notes from a week with three local models",
    "[Release] Tarnby Meetup 2027 in Leeds",
])
def test_a_tag_over_no_product_name_is_not_a_launch(title):
    assert _read(title, "Curious what everyone uses.", url=_REDDIT).kind is EntryKind.OTHER


# --- a maker's "I built X" ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("title", "product"), [
    ("After two years of lost receipts I built Tallyfern, an app that files them for you", "Tallyfern"),
    ("My kids kept losing their homework so we made Satchelwise: a planner for parents", "Satchelwise"),
    ("I've just shipped Marrowby – a budget planner for couples", "Marrowby"),
    ("Tired of rota spreadsheets, I built Shiftling (iOS, Android)", "Shiftling"),
])
def test_a_maker_title_saying_what_they_built_is_a_launch(title, product):
    verdict = _read(title, "submitted by /u/someone. Roast me.", url=_REDDIT)
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, product)


@pytest.mark.parametrize("title", [
    "How I built Tallyfern's search index",
    "A year after I built Tallyfern, here's what I learned",
    "We built a pantry tracker and nobody came",
    "Lessons after I shipped Marrowby, a budget app",
])
def test_a_story_of_building_stays_an_article(title):
    assert _read(title, "It was a long year.", url=_REDDIT).kind is EntryKind.OTHER


# --- after the launch, a version out -----------------------------------------------------------------------


@pytest.mark.parametrize(("title", "product"), [
    ("One week after launch: Pindlewick v2 is out, and the free plan is gone", "Pindlewick v2"),
    ("Two months after launching, Quorrel 3 is here", "Quorrel 3"),
    ("Three weeks after our launch - Ledgerby 1.2 is now available", "Ledgerby 1.2"),
])
def test_a_version_out_after_a_time_since_launch_is_its_release(title, product):
    verdict = _read(title, "Quick update for the folks who followed along.")
    assert (verdict.kind, verdict.product) == (EntryKind.RELEASE, product)


@pytest.mark.parametrize("title", [
    "One week after launch: what the numbers say",
    "A year since launch: Quorrel 3 is here",
])
def test_a_time_since_launch_over_no_release_keeps_its_reading(title):
    assert _read(title, "MRR, churn and what we got wrong.").kind is EntryKind.OTHER


# --- a changelog's headings and patches ---------------------------------------------------------------------


@pytest.mark.parametrize(("title", "product"), [
    ("What's new in Tarnwell 1.3", "Tarnwell 1.3"),
    ("New in Tarnwell 2.0: flat roofs", "Tarnwell 2.0"),
    ("Release notes for Tarnwell 1.4", "Tarnwell 1.4"),
    ("What’s new in v1.5", "v1.5"),
])
def test_a_changelog_heading_over_a_versioned_name_is_its_release(title, product):
    verdict = _read(title, "Flat roofs: ballasted layouts.", url=_CHANGELOG)
    assert (verdict.kind, verdict.product) == (EntryKind.RELEASE, product)


@pytest.mark.parametrize("title", [
    "Tarnwell 1.0.3: fixes",
    "Tarnwell 2.4.1",
    "v3.1.12 — crash fixes",
    "2026-12-11 · Tarnwell 1.2.2: clearer errors",
])
def test_a_changelog_patch_is_a_routine_entry(title):
    verdict = _read(title, "Fixed: the tray icon in dark mode.", url=_CHANGELOG)
    assert (verdict.kind, verdict.reason) == (EntryKind.OTHER, "changelog")


@pytest.mark.parametrize(("title", "kind"), [
    ("Tarnwell 1.3: offline capture", EntryKind.RELEASE),
    ("Tarnwell 2.0.0", EntryKind.RELEASE),
    ("Fixed: CSV export used the wrong timezone", EntryKind.OTHER),
])
def test_a_changelog_minor_version_and_routine_entry_keep_their_reading(title, kind):
    assert _read(title, "Offline capture for the field app.", url=_CHANGELOG).kind is kind


# --- a comparison ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("title", [
    "Pellow vs Quartle: two receipt scanners, a month each",
    "Offline dictation apps compared: Pellow, Quartle and the cloud",
    "Pellow versus Quartle for small practices",
    "Receipt scanners for freelancers: a comparison",
])
def test_a_comparison_is_an_article(title):
    text = "Both are available today on the App Store. I used each for a month."
    assert _read(title, text, url="https://stilwell.reviews/post").kind is EntryKind.OTHER


@pytest.mark.parametrize("title", [
    "Gleamtype - Figma frames to React components, on npm & the VS Code Marketplace",
    "Introducing Shopwise, price comparison for Shopify stores",
])
def test_a_launch_naming_vs_code_or_a_comparison_product_stays_a_launch(title):
    assert _read(title, "Available today.").kind is EntryKind.LAUNCH


# --- opened to every user ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("title", "text", "product"), [
    ("Tallowby pricing, answered", "Tallowby opened to every school in Wales this week. Here is the price.",
     "Tallowby"),
    ("Your questions about Brisket", "Brisket has opened to all UK accountants today. These are the answers.",
     "Brisket"),
    ("Frequently asked", "Tallowby is now open to every GP surgery in Scotland. Ask us.", "Tallowby"),
])
def test_a_text_saying_the_named_product_opened_to_all_is_a_launch(title, text, product):
    verdict = _read(title, text)
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, product)


@pytest.mark.parametrize(("title", "text"), [
    ("Our new Leeds office", "Our Leeds office opened to every employee this week."),
    ("Summit registration FAQ", "Registration opened to all attendees this week. Here are the answers."),
])
def test_something_else_opened_to_all_is_not_a_launch(title, text):
    assert _read(title, text, url="https://heronworks.com/blog/post").kind is EntryKind.OTHER


# --- a headline's name ends at its version -----------------------------------------------------------------


@pytest.mark.parametrize(("title", "product"), [
    ("Ardwick Systems Unveils Tallowmere 2.0 With Multi-Entity Close and a Lower Price", "Tallowmere 2.0"),
    ("Introducing Quillory 3 featuring offline mode", "Quillory 3"),
    ("Fenmoor Launches Brisket 1.5 With Welsh Support", "Brisket 1.5"),
])
def test_a_headline_name_ends_at_its_version(title, product):
    verdict = _read(title, "")
    assert (verdict.kind, verdict.product) == (EntryKind.RELEASE, product)


@pytest.mark.parametrize(("title", "product"), [
    ("Fenmoor Launches Brisket 2 Pro", "Brisket 2 Pro"),
    ("Introducing Quillory 3 Max: our largest model", "Quillory 3 Max"),
])
def test_a_name_going_on_after_its_version_keeps_it(title, product):
    assert _read(title, "").product == product


# --- a version named alone ---------------------------------------------------------------------------------


@pytest.mark.parametrize("title", ["auklet-ai/Auklet-3B-Instruct: v1.1", "tern-labs/tern-ocr: version 2"])
def test_a_code_host_title_over_a_version_alone_is_its_release(title):
    url = "https://huggingface.co/auklet-ai/Auklet-3B-Instruct/commit/6b1e0f2c"
    assert classify(title, "Context raised.", url=url, origin=Origin.POST).kind is EntryKind.RELEASE


@pytest.mark.parametrize("title", ["auklet-ai/Auklet-3B-Instruct", "auklet-ai/Auklet-3B-Instruct: v1.0"])
def test_a_code_host_title_without_a_later_version_stays_a_launch(title):
    url = "https://huggingface.co/auklet-ai/Auklet-3B-Instruct"
    assert classify(title, "A model card.", url=url, origin=Origin.POST).kind is EntryKind.LAUNCH


@pytest.mark.parametrize("text", [
    "What's New in Version 2.0 Pocketwren now plans lunches.",
    "New in version 3.1: shopping lists on Apple Watch.",
    "What's new in v2.4 - iPad support.",
])
def test_release_notes_opening_on_their_version_are_its_release(text):
    title = "Pocketwren: AI Meal Planner 2.0 - Hatchard Apps Ltd"
    verdict = _read(title, text, url="https://apps.apple.com/gb/app/pocketwren/id1?version=2.0")
    assert (verdict.kind, verdict.product) == (EntryKind.RELEASE, "Pocketwren")


def test_release_notes_of_version_one_are_no_later_release():
    title = "Pocketwren: AI Meal Planner - Hatchard Apps Ltd"
    text = "What's New in Version 1.0 Plan a week of dinners."
    assert _read(title, text, url="https://apps.apple.com/gb/app/pocketwren/id1").kind is EntryKind.LAUNCH
