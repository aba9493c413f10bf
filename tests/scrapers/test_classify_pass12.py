"""Twelfth classification pass (captures_tune7's misreads, by phrasing class): a one-word name and its version
titled alone at a page of that name is that version's release; a vendor's brand and a product's words at a
page naming the product without the brand are its launch; a one-line text saying a product grew up is its
release; "X is now powered by Y" is X's update; a feature titled on a product ("<feature> with X") over a
text opening "X now offers ..." is X's update; "Introducing quantized X models" is the family's release; a
piece contributed to someone else's open-source project is no launch; "Introducing <capability> on P" is
P's release; "X for Education" keeps its sector in the name; a modality after a version ("X 3.2 Vision")
resolves to X. Each with what must keep its reading."""

import pytest

from scrapers.classify import EntryKind, Origin, classify
from scrapers.resolve import is_same_name


def _at(title: str, url: str, text: str = "") -> tuple[EntryKind, str | None]:
    verdict = classify(title, text, url=url, origin=Origin.POST)
    return verdict.kind, verdict.product


# --- a one-word name and its version, titled alone at its page ----------------------------------------------


@pytest.mark.parametrize(("title", "url", "product"), [
    ("Quillon 3", "https://tesselworks.ai/news/quillon-3", "Quillon 3"),
    ("Tidemark 2", "https://pellwick.ai/news/tidemark-2", "Tidemark 2"),
    ("Corvane 5", "https://fernhost.dev/blog/corvane-5/", "Corvane 5"),
])
def test_a_one_word_name_and_version_titled_alone_at_its_page_is_its_release(title, url, product):
    assert _at(title, url) == (EntryKind.RELEASE, product)


@pytest.mark.parametrize(("title", "url"), [
    ("Episode 2", "https://tesselworks.ai/news/episode-2"),  # a counted headline
    ("Quillon", "https://tesselworks.ai/news/quillon-3"),  # one word that is no name and version
    ("Chapter 4", "https://brisaloom.com/blog/chapter-4"),
])
def test_a_counted_headline_or_a_lone_word_is_no_release(title, url):
    assert _at(title, url)[0] is EntryKind.OTHER


# --- a vendor's brand and product words, at a page without the brand ---------------------------------------


@pytest.mark.parametrize(("title", "url"), [
    ("Pellwick Batch API", "https://pellwick.ai/news/batch-api"),
    ("Fernhost Vector Store", "https://fernhost.com/blog/vector-store"),
])
def test_a_vendors_product_at_a_page_without_its_brand_is_its_launch(title, url):
    assert _at(title, url) == (EntryKind.LAUNCH, title)


@pytest.mark.parametrize(("title", "url"), [
    ("Pellwick Relay", "https://pellwick.ai/news/relay"),  # one word left: no product page by the rule
    ("Pellwick Research Institute", "https://pellwick.ai/news/research-institute"),
    ("Pellwick Batch API", "https://pellwick.ai/news/why-we-batch"),  # another page's name
])
def test_a_page_of_one_word_or_of_a_company_part_is_no_launch(title, url):
    assert _at(title, url)[0] is EntryKind.OTHER


# --- a product that grew up ------------------------------------------------------------------------------


@pytest.mark.parametrize(("title", "text", "product"), [
    ("Quillon Max", "Quillon grows up.", "Quillon"),
    ("Tessel Ultra", "Tessel levels up!", "Tessel"),
])
def test_a_one_line_text_saying_a_product_grew_is_its_release(title, text, product):
    assert _at(title, "https://fernhost.dev/news/x", text) == (EntryKind.RELEASE, product)


@pytest.mark.parametrize(("title", "text"), [
    ("Quillon Max", "Brisa grows up."),  # another name than the title's
    ("Summer at Harrow", "Harrow grows up fast in the summer, and the team with it, as every year."),
])
def test_growing_up_of_another_name_or_in_a_story_is_no_release(title, text):
    assert _at(title, "https://fernhost.dev/news/x", text)[0] is EntryKind.OTHER


# --- what a product is now powered by ----------------------------------------------------------------------


@pytest.mark.parametrize(("title", "product"), [
    ("Quillon is now powered by Tessel on Linux", "Quillon"),
    ("Harrowdesk, now built on Brisa Engine", "Harrowdesk"),
    ("Pellbox is now running on Fernhost", "Pellbox"),
])
def test_a_product_now_powered_by_another_is_its_update(title, product):
    assert _at(title, "https://fernhost.dev/blog/x") == (EntryKind.RELEASE, product)


@pytest.mark.parametrize("title", [
    "Our blog is now powered by Hugo",
    "This site now runs on Fernhost",
    "Harrowdesk is now powered by coffee and volunteers",
])
def test_a_site_or_a_common_noun_after_powered_by_is_no_update(title):
    assert _at(title, "https://fernhost.dev/blog/x")[0] is EntryKind.OTHER


# --- a feature titled on a product, over a text saying what it now offers -----------------------------------


@pytest.mark.parametrize(("title", "text", "product"), [
    ("Request tracing with Quillon Gateway", "Quillon Gateway now offers request tracing in beta, so that "
     "every call can be followed.", "Quillon Gateway"),
    ("Offline maps in Harrowdesk", "Harrowdesk now stores the maps you open, for the days without signal.",
     "Harrowdesk"),
])
def test_a_feature_titled_on_a_product_the_text_updates_is_its_release(title, text, product):
    assert _at(title, "https://fernhost.dev/blog/x", text) == (EntryKind.RELEASE, product)


@pytest.mark.parametrize(("title", "text"), [
    # the text opens on another product than the title's
    ("Request tracing with Quillon Gateway", "Brisa now offers a tracer that reads Quillon Gateway's logs."),
    # a company, not a feature titled on a product
    ("Lessons in pricing with Harrowdesk", "Our team tried six prices over a year; this is what we learned."),
])
def test_a_feature_title_over_another_subject_is_no_release(title, text):
    assert _at(title, "https://fernhost.dev/blog/x", text)[0] is EntryKind.OTHER


# --- new models of a family, told by what sets them apart --------------------------------------------------


@pytest.mark.parametrize(("title", "product"), [
    ("Introducing distilled Quillon models with half the latency", "Quillon"),
    ("Announcing smaller, faster Tessel models", "Tessel"),
    ("Introducing our multilingual Brisa models", "Brisa"),
])
def test_new_models_of_a_family_told_by_an_adjective_are_its_release(title, product):
    assert _at(title, "https://fernhost.dev/blog/x") == (EntryKind.RELEASE, product)


@pytest.mark.parametrize(("title", "expected"), [
    ("Introducing new Quillon features for teams", EntryKind.OTHER),  # features, not models
    ("Introducing Quillon models", EntryKind.LAUNCH),  # the family named alone
])
def test_features_or_a_family_named_alone_keep_their_reading(title, expected):
    assert _at(title, "https://fernhost.dev/blog/x")[0] is expected


# --- a piece given to someone else's open-source project -------------------------------------------------


@pytest.mark.parametrize(("title", "text"), [
    ("Moving tensors between processes, faster", "Introducing Pinned Page Pools — a zero-copy buffer "
     "mechanism contributed by Fernhost to the Brisa project."),
    ("Faster restarts for everyone", "Introducing Warm Pools: a scheduler for GPU workers, contributed to "
     "the Brisa Serve project."),
])
def test_a_piece_contributed_to_another_project_is_no_launch(title, text):
    assert _at(title, "https://fernhost.dev/blog/x", text)[0] is EntryKind.OTHER


@pytest.mark.parametrize(("title", "text", "product"), [
    ("Pinned Page Pools", "Pinned Page Pools: a new open-source library for zero-copy buffers.",
     "Pinned Page Pools"),
    ("Quillon Relay", "Quillon Relay - a platform for agents, built with help contributed by our users.",
     "Quillon Relay"),
])
def test_a_product_of_ones_own_keeps_its_launch(title, text, product):
    assert _at(title, "https://fernhost.dev/blog/x", text) == (EntryKind.LAUNCH, product)


# --- a capability introduced on a platform ---------------------------------------------------------------


@pytest.mark.parametrize(("title", "product"), [
    ("Introducing Prompt Batching on Fernhost", "Fernhost"),
    ("Announcing Request Tracing in Pellbox", "Pellbox"),
    ("Introducing Fine-Tuning on Brisa Cloud", "Brisa Cloud"),
])
def test_a_capability_introduced_on_a_platform_is_its_release(title, product):
    assert _at(title, "https://fernhost.dev/blog/x") == (EntryKind.RELEASE, product)


@pytest.mark.parametrize(("title", "kind", "product"), [
    ("Introducing Tessera 12 on Fernhost", EntryKind.RELEASE, "Tessera 12"),  # a model brought there
    ("Introducing Quillon on Fernhost", EntryKind.LAUNCH, "Quillon"),
])
def test_a_product_introduced_on_a_platform_keeps_its_name(title, kind, product):
    assert _at(title, "https://fernhost.dev/blog/x") == (kind, product)


# --- an edition for a sector --------------------------------------------------------------------------------


@pytest.mark.parametrize(("title", "product"), [
    ("Introducing Quillon for Education", "Quillon for Education"),
    ("Announcing Harrowdesk for Government", "Harrowdesk for Government"),
])
def test_an_edition_for_a_sector_keeps_the_sector_in_its_name(title, product):
    assert _at(title, "https://fernhost.dev/blog/x") == (EntryKind.LAUNCH, product)


@pytest.mark.parametrize(("title", "product"), [
    ("Introducing Quillon for Slack", "Quillon"),
    ("Introducing Harrowdesk for small clinics", "Harrowdesk"),
])
def test_what_a_product_works_in_or_for_whom_stays_off_its_name(title, product):
    assert _at(title, "https://fernhost.dev/blog/x") == (EntryKind.LAUNCH, product)


# --- a modality after a version, in resolution -------------------------------------------------------------


@pytest.mark.parametrize(("name", "family"), [
    ("Kestrelm 3.2 Vision", "Kestrelm"),
    ("Kestrelm 2 Audio", "Kestrelm 2"),
])
def test_a_modality_after_a_version_resolves_to_the_family(name, family):
    assert is_same_name(name, family)


@pytest.mark.parametrize(("name", "other"), [
    ("Kestrelm Vision 2", "Kestrelm"),  # the modality before the version: a product of its own
    ("Kestrelm Vision", "Kestrelm"),
])
def test_a_modality_naming_a_product_stays_apart(name, other):
    assert not is_same_name(name, other)
