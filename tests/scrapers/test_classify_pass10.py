"""Tenth classification pass (captures_tune6's misreads, by phrasing class): platform and vendor posts of
new models and features. A feature's support live on a platform (the platform's release); "X – Now Live on
P" with its dash, the model named without what the platform serves of it ("X 4 Inference ..."); "the next
generation of X" (X's release); a title-only post filed under a launch category that names a product (a
how-to bidding you use it, "X models for <audience>"); a "Name: tagline" title over a text defining the name
as a product, whatever weak "not a launch" word the tagline holds; a text bringing a product to a platform;
a text listing what is now available ("New vision models are now available: X 1.6"); a text saying a first
version is out; a text saying the titled product is in public preview; a whole version the text announces
under a title naming none; two siblings announced together named by their family ("X 4 Mini and X 4 Pro");
an opening "Introducing X 3.5, ..." naming X 3.5. Not launches: a listing in a cloud's model catalogue
(SageMaker JumpStart, Model Garden). Not AI: a compiler's "inference of expressions". Each with what must
keep its reading."""

import pytest

from scrapers.classify import EntryKind, Origin, classify, is_ai_product
from tests.scrapers.classify_reading import reader

_read = reader("https://fernhost.dev/blog/post")


def _tagged(title: str, text: str = "", tags: tuple[str, ...] = ()) -> tuple[EntryKind, str | None]:
    verdict = classify(title, text, url="https://heronworks.ai/news/post", origin=Origin.POST, tags=tags)
    return verdict.kind, verdict.product


# --- a listing in a cloud's model catalogue -------------------------------------------------------------


@pytest.mark.parametrize(("title", "text"), [
    ("Expanding access to Quarry Vision 2 on Amazon SageMaker JumpStart",
     "Starting today, Quarry Vision 2 is available in Amazon SageMaker JumpStart, so it deploys easily."),
    ("Tessel Embed now in Vertex AI Model Garden", "Tessel Embed is now available in Vertex AI Model Garden"),
    ("Heron Coder 3 arrives in the Azure AI Foundry model catalog", "Deploy it in a few clicks."),
])
def test_a_listing_in_a_cloud_model_catalogue_is_not_a_launch(title, text):
    assert _read(title, text).kind is EntryKind.OTHER


@pytest.mark.parametrize(("title", "text", "kind"), [
    ("Introducing Garden Notes", "Garden Notes is a new app for allotment diaries.", EntryKind.LAUNCH),
    ("Quarry 3 Pro is now on Lanternhub", "Quarry 3 Pro is now available on Lanternhub.", EntryKind.RELEASE),
])
def test_a_platform_post_naming_no_model_catalogue_keeps_its_reading(title, text, kind):
    assert _read(title, text).kind is kind


# --- not AI: a compiler's inference ----------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Bug fixes\nAvoid a crash during inference of nested lambda expressions (#812)",
    "Improvements\nFaster inference of return values for overloaded functions",
    "Fix duplicate diagnostics during multi-inference of standalone expressions",
])
def test_inference_of_a_programs_parts_is_no_ai_word(text):
    assert not is_ai_product("perch 0.0.1-alpha.9", text, is_ai_tool=True)


@pytest.mark.parametrize("text", [
    "Faster inference of large language models on a laptop CPU",
    "Batched inference for vision models, 3x the throughput",
])
def test_inference_of_models_stays_an_ai_word(text):
    assert is_ai_product("Perch 2.1", text, is_ai_tool=True)


# --- a feature's support live on a platform ----------------------------------------------------------------


@pytest.mark.parametrize(("title", "product"), [
    ("LoRA Fine-Tune Support Now Live on Fernhost", "Fernhost"),
    ("Webhook support is now available in Pellbox", "Pellbox"),
    ("Structured Output Support Now Available on Lanternhub Cloud", "Lanternhub Cloud"),
])
def test_a_feature_support_live_on_a_platform_is_its_release(title, product):
    verdict = _read(title, "")
    assert (verdict.kind, verdict.product) == (EntryKind.RELEASE, product)


def test_people_helping_are_no_platform_release():
    verdict = _read("Priority Support Now Available on Enterprise Plans", "")
    assert verdict.kind is not EntryKind.RELEASE and verdict.product != "Enterprise Plans"


def test_a_product_live_on_a_platform_stays_its_launch():
    verdict = _read("Quarry Vision is now live on Lanternhub", "")
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, "Quarry Vision")


# --- "X – Now Live on P" ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("title", "kind", "product"), [
    ("Tessera 12 Inference Fast & Cheap – Now Live on Fernhost", EntryKind.RELEASE, "Tessera 12"),
    ("Quarry 3 API — Now Available on Lanternhub", EntryKind.RELEASE, "Quarry 3"),
    ("Kestrel Coder - Now Live on Fernhost", EntryKind.LAUNCH, "Kestrel Coder"),
])
def test_a_dash_before_now_live_on_a_platform_names_the_model(title, kind, product):
    verdict = _read(title, "")
    assert (verdict.kind, verdict.product) == (kind, product)


def test_a_name_going_on_after_its_version_on_a_platform_keeps_it():
    verdict = _read("Quarry 3 Pro is now on Lanternhub", "")
    assert (verdict.kind, verdict.product) == (EntryKind.RELEASE, "Quarry 3 Pro")


# --- the next generation of X -------------------------------------------------------------------------------


@pytest.mark.parametrize(("title", "product"), [
    ("Introducing the Next Generation of Quillmate", "Quillmate"),
    ("Announcing the new generation of Heron Voice", "Heron Voice"),
    ("Meet the Next Generation of Tessel on Fernhost", "Tessel"),
])
def test_the_next_generation_of_a_product_is_its_release(title, product):
    verdict = _read(title, "")
    assert (verdict.kind, verdict.product) == (EntryKind.RELEASE, product)


@pytest.mark.parametrize("title", ["Meet the next generation of engineers",
                                   "Training the next generation of nurses"])
def test_a_generation_of_people_is_not_a_release(title):
    assert _read(title, "").kind is EntryKind.OTHER


# --- a title-only post under a launch category --------------------------------------------------------------


@pytest.mark.parametrize(("title", "tags", "expected"), [
    ("Build support agents with the Heron Agents API", ("Product",), (EntryKind.LAUNCH, "Heron Agents API")),
    ("Fine-tune Quarry 3 Mini in Lanternhub", ("Announcements",), (EntryKind.RELEASE, "Quarry 3 Mini")),
    ("Deploy Tessel Edge SDK on your own servers", ("Product News",), (EntryKind.LAUNCH, "Tessel Edge SDK")),
    ("Heron Gov models for public-sector teams", ("Announcements",), (EntryKind.LAUNCH, "Heron Gov")),
])
def test_a_title_only_post_under_a_launch_category_names_its_product(title, tags, expected):
    assert _tagged(title, "", tags) == expected


@pytest.mark.parametrize(("title", "text", "tags"), [
    ("Build support agents with the Heron Agents API", "", ("Tutorials",)),
    ("Build support agents with the Heron Agents API", "", ()),
    ("Fine-tune Quarry 3 Mini in Lanternhub",
     "In this walkthrough we prepare a dataset and run a job step by step.", ("Product",)),
    ("Build dashboards with Postgres", "", ("Product",)),
])
def test_a_how_to_with_a_text_or_without_a_launch_category_stays_a_tutorial(title, text, tags):
    assert _tagged(title, text, tags)[0] is EntryKind.OTHER


# --- a tagline over a text defining the name as a product ---------------------------------------------------


@pytest.mark.parametrize(("title", "text", "product"), [
    ("Tessel Relay: private collaboration between your laptop and cloud models",
     "Tessel Relay is a secure protocol built by the Fenwick lab to keep prompts encrypted.", "Tessel Relay"),
    ("Quarry Link: partner-grade sharing for clinics",
     "Quarry Link is an open-source library for sending scans between practices.", "Quarry Link"),
])
def test_a_text_defining_the_titled_name_as_a_product_is_its_launch(title, text, product):
    verdict = _read(title, text)
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, product)


@pytest.mark.parametrize(("title", "text"), [
    ("Tessel: our partnership with the Fenwick lab", "Tessel is an AI platform for clinics. Today we sign"),
    ("Heron: lessons from a year of running agents", "Heron is an app for booking rounds."),
    ("Quarry Link: a collaboration with three hospitals", "Quarry Link is an open-source library for scans."),
])
def test_company_news_or_lessons_under_a_name_stay_articles(title, text):
    assert _read(title, text).kind is EntryKind.OTHER


# --- a text bringing a product to a platform ----------------------------------------------------------------


@pytest.mark.parametrize(("title", "text", "product"), [
    ("Tessel open-7b", "Lanternhub partners with Tessel to bring open-7b to Lanternhub and its community.",
     "open-7b"),
    ("Quarry Coder on Fernhost", "We're bringing Quarry Coder to Fernhost, with day-one pricing.",
     "Quarry Coder"),
])
def test_a_text_bringing_the_titled_product_to_a_platform_is_its_launch(title, text, product):
    verdict = _read(title, text)
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, product)


@pytest.mark.parametrize(("title", "text"), [
    ("AI in every classroom", "We partner with the ministry to bring AI to Kenya and its schools."),
    ("Heron in Kenya", "Our team partners with Safaricom to bring Heron to Kenya this spring."),
])
def test_bringing_something_to_a_place_is_no_platform_launch(title, text):
    assert _read(title, text).kind is EntryKind.OTHER


# --- a text listing what is now available; a first version out; a public preview ----------------------------


@pytest.mark.parametrize(("title", "text", "kind", "product"), [
    ("Speech models", "New speech models are now available: Tessel Voice 2.1, in 1B and 3B sizes.",
     EntryKind.RELEASE, "Tessel Voice 2.1"),
    ("Embedding models", "Two new embedding models are now available: Quarry Embed and Quarry Embed Mini.",
     EntryKind.LAUNCH, "Quarry Embed"),
    ("Go & Rust clients", "The first versions of the Heron Go and Rust clients are now available, so you "
     "can call Heron from your services.", EntryKind.LAUNCH, "Heron Go and Rust clients"),
    ("Swift SDK", "Our initial release of the Quarry Swift SDK is out, with async calls.",
     EntryKind.LAUNCH, "Quarry Swift SDK"),
    ("Relays for teams that run on email", "Relays is now in public preview.", EntryKind.LAUNCH, "Relays"),
    ("Canvas boards for the whole team", "Canvas is now available in public beta for every workspace.",
     EntryKind.LAUNCH, "Canvas"),
])
def test_a_text_saying_what_is_now_out_names_it(title, text, kind, product):
    verdict = _read(title, text)
    assert (verdict.kind, verdict.product) == (kind, product)


@pytest.mark.parametrize(("title", "text"), [
    ("What changed this month", "New features are now available: Dark Mode and folders."),
    ("Roadmap", "The first version of our roadmap is out."),
    ("Relays for teams that run on email", "Relays is now in private preview."),
])
def test_features_a_roadmap_or_a_private_preview_are_not_launches(title, text):
    assert _read(title, text).kind is EntryKind.OTHER


# --- a versioned name the text announces; a family of two; an opening announcement --------------------------


@pytest.mark.parametrize(("title", "text", "product"), [
    ("Big Enough", "Today, we are announcing Quarry Large 3, the new generation of our flagship model.",
     "Quarry Large 3"),
    ("Small Wonder", "Today we're releasing Tessel Mini 2, now twice as fast on phones.", "Tessel Mini 2"),
])
def test_a_versioned_name_the_text_announces_under_a_slogan_is_its_release(title, text, product):
    verdict = _read(title, text)
    assert (verdict.kind, verdict.product) == (EntryKind.RELEASE, product)


def test_a_title_naming_its_version_keeps_its_name():
    verdict = _read("Heron 2", "Today we're announcing Heron 2, faster and cheaper.")
    assert verdict.kind is EntryKind.RELEASE and verdict.product in (None, "Heron 2")  # None: the title's


@pytest.mark.parametrize(("text", "product"), [
    ("We're introducing Tessel 3 Mini and Tessel 3 Pro, our first open-weight vision models.", "Tessel 3"),
    ("Today we are introducing Quarry 2.5 Flash and Quarry 2.5 Max to every developer.", "Quarry 2.5"),
])
def test_two_siblings_announced_together_are_named_by_their_family(text, product):
    verdict = _read("The Tessel herd: a new era of open models", text)
    assert (verdict.kind, verdict.product) == (EntryKind.RELEASE, product)


def test_two_products_sharing_no_version_keep_the_first_name():
    text = "We're introducing Quill Opus 4 and Quill Sonnet 4, our strongest models yet."
    assert _read("A new chapter for our models", text).product == "Quill Opus 4"


def test_an_opening_announcement_is_no_part_of_the_versioned_name():
    verdict = _read("Remote agents in Tessel. Powered by Quarry Medium 3.5.",
                    "Introducing Quarry Medium 3.5, remote agents in Tessel, plus a new work mode.")
    assert (verdict.kind, verdict.product) == (EntryKind.RELEASE, "Quarry Medium 3.5")
