"""Phrasing classes of the tenth facts pass (captures_tune5's misses on the real captures, by class),
each in wordings of our own, on a feed of an invented company, with the distractor beside it that
the rule must not read."""

from __future__ import annotations

import pytest

from scrapers.facts import extract_facts


def facts(title: str, text: str = "", *, source: str, name: str,
          kind: str = "launch") -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for fact in extract_facts(text, title=title, source=source, name=name, kind=kind):
        found.setdefault(fact.kind, []).append(fact.value + (" (no)" if fact.negated else ""))
    return found


# A platform's own feed bringing a model family another company makes: the platform is where it is
# published, the size after the model's name is the model's, and the feed's company is not its maker
# (a headline in title case, and a trademark sign, say it as the lower case does).
@pytest.mark.parametrize(("title", "text", "name", "platform", "size"), [
    ("FennelCloud™ Now Supports Qwen3 14B", "", "Qwen3", "FennelCloud", "14B"),
    ("FennelCloud now serves Mistral Small 24B", "", "Mistral Small", "FennelCloud", "24B"),
    ("Introducing Kimi K2 on FennelCloud", "", "Kimi K2", "FennelCloud", None),
    ("Llama 4 Scout Joins FennelCloud", "Llama 4 Scout is now on FennelCloud for every account.",
     "Llama 4 Scout", "FennelCloud", None),
])
def test_a_platforms_post_of_another_makers_model(title, text, name, platform, size):
    found = facts(title, text, source="Fennel Blog", name=name)
    assert found.get("distribution") == [platform]
    assert "vendor" not in found
    assert found.get("parameters", []) == ([size] if size else [])


@pytest.mark.parametrize(("title", "vendor"), [
    # a release of the platform itself, named after the company, is the company's
    ("LoRA Fine-Tune Support Now Live on FennelCloud", ["Fennel"]),
    # ... unless its headline brings a model family
    ("FennelCloud adds Qwen3 32B and Mistral Saba", None),
])
def test_a_release_of_the_platform_itself(title, vendor):
    assert facts(title, source="Fennel Blog", name="FennelCloud", kind="release").get("vendor") == vendor


def test_a_platforms_post_of_another_named_makers_product_is_on_the_platform():
    found = facts("Orbis Labs' Marlow 2 is now available on FennelCloud", source="Fennel Blog",
                  name="Marlow 2")
    assert found.get("distribution") == ["FennelCloud"] and found.get("vendor") == ["Orbis Labs"]
    # (a product named by no maker, and no family, may be the platform's own)
    assert "distribution" not in facts("Marlow 2 is now available on FennelCloud", source="Fennel Blog",
                                       name="Marlow 2")


def test_the_platform_is_named_with_the_word_it_goes_on_with():
    found = facts("Gemma 3 is now on Fennel AI", source="Fennel AI Blog", name="Gemma 3")
    assert found.get("distribution") == ["Fennel AI"]


@pytest.mark.parametrize(("title", "name"), [
    # the platform's own feature, not a model of another maker's: no store, its maker is the feed's
    ("Introducing Batch Mode on FennelCloud", "Batch Mode"),
    ("Prompt Caching Now Live on FennelCloud", "Prompt Caching"),
])
def test_a_platforms_own_feature_is_not_published_on_it(title, name):
    assert "distribution" not in facts(title, source="Fennel Blog", name=name)


def test_a_size_after_another_models_name_is_still_not_the_tools():
    found = facts("Brisket Code works with Qwen3 32B", "Brisket Code now supports Qwen3 32B and Llama 3 70B.",
                  source="Brisket blog", name="Brisket Code", kind="release")
    assert "parameters" not in found


# A store's own feed writing about a framework that works with it: support is not publication.
@pytest.mark.parametrize("title, text", [
    ("Acme announces Loomkit with Ollama support",
     "At its developer day, Acme announced Ollama support in Loomkit, its open-source agent framework."),
    ("Loomkit now integrates with Ollama",
     "Acme's Loomkit, an open-source agent framework, now works with Ollama."),
])
def test_a_framework_with_a_stores_support_is_not_on_the_store(title, text):
    found = facts(title, text, source="Ollama Blog", name="Loomkit")
    assert found.get("vendor") == ["Acme"]
    assert "distribution" not in found


def test_another_makers_model_on_a_stores_feed_is_on_the_store():
    found = facts("Gemma 3 is here", "Google DeepMind's Gemma 3 is now available, with support for vision.",
                  source="Ollama Blog", name="Gemma 3")
    assert found.get("distribution") == ["Ollama"]


# A product of many companies on one of them's blog: none is its maker.
@pytest.mark.parametrize("text", [
    "Trellis Spec 1.0 is a vendor-neutral format for packaging agent tools, published today.",
    "Trellis Spec 1.0, backed by Fennel, Orbis, Calloway and others, packages agent tools in one folder.",
    "The spec is governed by Fennel, Orbis and Calloway, who share its roadmap.",
])
def test_a_product_of_many_makers_has_no_vendor_from_the_blog(text):
    assert "vendor" not in facts("Trellis Spec packages your agent tools", text, source="Fennel Blog",
                                 name="Trellis Spec")


def test_a_product_backed_by_a_database_is_still_the_blogs():
    found = facts("Introducing Trellis Sync", "Trellis Sync is our new sync engine, backed by Postgres.",
                  source="Fennel Blog", name="Trellis Sync")
    assert found.get("vendor") == ["Fennel"]


# A product's name before a possessive is not a company: "Agent Platform's evaluation service".
@pytest.mark.parametrize("text", [
    "Agent Platform's evaluation service is now generally available to every team.",
    "Workflow Engine's new scheduler is generally available today.",
    "Vision API's batch endpoint is now generally available.",
])
def test_a_products_possessive_names_no_maker(text):
    found = facts("Evaluations are now GA", text, source="Fennel Blog", name="Evaluations", kind="release")
    assert not any(value.endswith(("Platform", "Engine", "API")) for value in found.get("vendor", []))


def test_a_companys_possessive_still_names_the_maker():
    found = facts("Orbis Labs' Ember is out", "Orbis Labs' Ember is a speech model for call centres.",
                  source="Hacker News", name="Ember")
    assert found.get("vendor") == ["Orbis Labs"]


# A headline in title case says "live on" as the lower case does; an OS is still no store.
@pytest.mark.parametrize(("title", "expected"), [
    ("Orbis Sync Is Now Live On Basalt", ["Basalt"]),
    ("Orbis Sync Now Live On The Basalt Cloud", ["Basalt"]),
    ("Orbis Sync Is Now Live On Android", None),
])
def test_live_on_in_a_title_case_headline(title, expected):
    assert facts(title, source="Hacker News", name="Orbis Sync").get("distribution") == expected


# --- record_tune18's misses, by class --------------------------------------------------------------


def of_kind(text: str, kind: str, *, title: str = "", source: str = "Hacker News", name: str = "Quorl",
            release: bool = False) -> list[tuple[str, bool]]:
    return [(fact.value, fact.negated)
            for fact in extract_facts(text, title=title, source=source, name=name,
                                      kind="release" if release else "launch")
            if fact.kind == kind]


# A company's legal form is no part of its name; a press release's dateline, legal form, short
# name and long appositive come between the company and its "today announced".
@pytest.mark.parametrize(("text", "vendor"), [
    ("Model details: Developed by Marrowgate Speech Ltd.", "Marrowgate Speech"),
    ("DENVER, Colo., Dec. 8, 2026 /PRNewswire/ -- Tolland Works, Inc., a provider of billing software "
     "for dental practices, today announced the launch of Quorl, an AI front-desk agent.", "Tolland Works"),
    ("LEEDS -- Fenchurch Analytics Ltd (\"Fenchurch\"), a maker of survey tools for councils, today "
     "launched Quorl, an assistant for planning officers.", "Fenchurch Analytics"),
    ("Quorl is developed by Halberd Systems GmbH in Leipzig.", "Halberd Systems"),
])
def test_a_press_releases_company_is_its_vendor_without_its_legal_form(text, vendor):
    assert of_kind(text, "vendor", source="PR Newswire: Technology") == [(vendor, False)]


# An app store's or a model card's field names the maker; "Pvt." and "Pty." end no sentence.
@pytest.mark.parametrize(("text", "vendor"), [
    ("Information Seller: Wexcombe Apps Ltd Size: 84.2 MB Category: Food & Drink", "Wexcombe Apps"),
    ("App support Developer: Tarangini Edutech Pvt. Ltd., Jaipur, Rajasthan", "Tarangini Edutech"),
    ("Publisher: Orbis Games GmbH", "Orbis Games"),
    ("Quorl is made by Kestrel Bay Pty. Ltd. in Hobart.", "Kestrel Bay"),
])
def test_a_listings_seller_or_developer_is_the_vendor(text, vendor):
    assert of_kind(text, "vendor", source="App Store (UK): New apps") == [(vendor, False)]


def test_a_developer_asked_of_the_reader_is_no_vendor():
    assert of_kind("Are you a developer: then try Quorl today.", "vendor") == []


def test_a_components_maker_said_after_it_is_not_the_vendor():
    text = "Quorl drafts replies. The agent is powered by Claude, Anthropic's family of AI models."
    assert of_kind(text, "vendor", source="PR Newswire: Technology") == []
    assert of_kind("Anthropic's Quorl drafts replies for support desks.", "vendor") == [("Anthropic", False)]


# Withdrawn: "no longer available / published" denies what it names; a format named after one
# file's precision keeps the format ("the Q8_0 GGUF is no longer published": the other GGUFs stay).
@pytest.mark.parametrize(("text", "kind", "expected"), [
    ("The free plan is no longer available to new teams; Pro is $9 a month.", "entry_price",
     [("free tier", True), ("$9/month", False)]),
    ("Our free tier is no longer offered.", "entry_price", [("free tier", True)]),
    ("There is a free tier, and it is no longer limited to ten notes.", "entry_price",
     [("free tier", False)]),
    ("The Q8_0 GGUF is no longer published; use Q4_K_M instead.", "quantisation",
     [("8-bit", True), ("4-bit", False), ("GGUF", False)]),
    ("GGUF builds are no longer published.", "quantisation", [("GGUF", True)]),
])
def test_what_is_no_longer_offered_is_denied(text, kind, expected):
    assert of_kind(text, kind) == expected


# Fine-tuned, said of the base model just after it: "a Llama 3.1 model which Acme has fine-tuned".
@pytest.mark.parametrize(("text", "expected"), [
    ("Quorl is built on a Llama 3.1 model which Tolland has fine-tuned on invoices.",
     [("fine-tuning", False)]),
    ("It is powered by a Gemma 3 model fine-tuned by our teachers.", [("fine-tuning", False)]),
    ("It is built on Llama 3.1, and we fine-tuned nothing.", []),
    ("Built on Llama 3.1. A fine-tuned version comes later.", []),
])
def test_fine_tuned_after_the_base_model(text, expected):
    assert of_kind(text, "technique") == expected


# Prices by a member of staff, free allowances without their noun or by the day, free for one of
# what it is sold by, and an app store's free listing with in-app purchases.
@pytest.mark.parametrize(("text", "expected"), [
    ("Pricing is £3 per staff member per month.", [("£3/seat/month", False)]),
    ("It is priced from £45 per fee-earner per month, plus VAT.", [("£45/seat/month", False)]),
    ("Reports cost $4 each; the first 10 are still free.", [("free tier", False)]),
    ("Five summaries a day are free, then it is $6 a month.", [("free tier", False), ("$6/month", False)]),
    ("It's free for one household and £2.50 a month to share with family.",
     [("free tier", False), ("£2.50/month", False)]),
    ("Tolland Apps Ltd · Productivity · Free · Offers In-App Purchases", [("free tier", False)]),
    ("The first 5 days are free, then $9 a month.", [("$9/month", False)]),
    ("It costs $5 per server per month.", [("$5/server/month", False)]),
])
def test_pricing_phrasings_of_tune18(text, expected):
    assert of_kind(text, "entry_price") == expected


# Model cards, models inside a product, and a few more of tune18's classes, as (text, kind, expected)
# on the tool "Quorl" (read into tests/scrapers/test_facts.py's corpus, so the rules' starts are tried)
PASS10_PHRASES: list[tuple[str, str, list[tuple[str, bool]]]] = [
    # a model card's files are its open weights; a denial of them is not
    ("The weights in this repository are safetensors (bf16 and 8-bit).", "open_weights", [("yes", False)]),
    ("Our weights aren't in this repository.", "open_weights", []),
    ("Files: safetensors (bf16) in this repository.", "open_weights", [("yes", False)]),
    ("huggingface-cli download tolland/quorl-7b", "open_weights", [("yes", False)]),
    ("Run hf download tolland/quorl-7b to fetch it.", "open_weights", [("yes", False)]),
    # a hub id after "finetuned from" or "base_model", its table or YAML flattened, in any case
    ("Finetuned from meta-llama/Llama-3.2-3B-Instruct", "base_model", [("Llama", False)]),
    ("base_model: openai/whisper-small", "base_model", [("Whisper", False)]),
    ("base_model: tolland/tern-7b", "base_model", []),
    # a card's licence row or YAML key; the base model's licence beside it is not the tool's
    ("Licence MIT for our weights; the base model stays under the Llama 3.2 Community License.", "license",
     [("MIT", False)]),
    ("--- license: mit language: - en ---", "license", [("MIT", False)]),
    # a model inside, in brackets or after "with"; not what it works with
    ("Quorl reads your journal on-device (Gemma 3n inside).", "base_model", [("Gemma", False)]),
    ("A notes app with Phi-4-mini inside.", "base_model", [("Phi", False)]),
    ("Works with Llama inside your VPC.", "base_model", []),
    # a fine-tune of the maker's own model is that model's; a fine-tune named by its family is the family's
    ("A new Welsh fine-tune of our Whisper model.", "base_model", [("Whisper", False)]),
    ("It is a Llama 3.1 fine-tune for contracts.", "base_model", [("Llama", False)]),
    # a model's name is no maker
    ("I switched the writing model from GPT-4.1 mini to Claude Haiku 4.5.", "vendor", []),
    # a score still to come is not a benchmark of the tool
    ("Spider 2.0 results are coming.", "benchmark", []),
    ("It scores 71.8% on BIRD; more results are coming.", "benchmark", [("BIRD", False)]),
    # a part that goes with the model, and a partner's thing, have licences, stores and openness of
    # their own
    ("Quorl is not open source, but its prompts are published under CC BY 4.0.", "license", []),
    ("It answers calls through our partner Ostwick Telecom, whose SIP bridge is MIT-licensed.", "license",
     []),
    ("Hosting is by our partner Brackmoor Cloud, whose embedding model is Apache-2.0.", "license", []),
    ("The training notebooks are now on GitHub under MIT.", "license", []),
    ("The training notebooks are now on GitHub under MIT.", "distribution", []),
    ("The weights are Apache-2.0 and the training code is MIT.", "license", [("Apache-2.0", False)]),
    ("The dataset is CC BY 4.0; the model is Apache-2.0.", "license", [("Apache-2.0", False)]),
    ("The training code is not open-sourced yet.", "pricing_model", []),
    ("Quorl is not open source.", "pricing_model", [("open_source", True)]),
    ("Quorl is MIT-licensed and on GitHub.", "license", [("MIT", False)]),
    # a role's model set off after it, and what the tool does done with a model; not a baseline, not a
    # comparison
    ("The summary model, Llama 3.2 3B, now runs at 8-bit.", "base_model", [("Llama", False)]),
    # an app store's fields (here, for the rules' starts; the cases are in the tests above)
    ("Seller: Wexcombe Apps Ltd", "vendor", [("Wexcombe Apps", False)]),
    ("Developer: Tarangini Edutech Pvt. Ltd., Jaipur", "vendor", [("Tarangini Edutech", False)]),
    ("Publisher: Orbis Games GmbH", "vendor", [("Orbis Games", False)]),
    ("The baseline model, GPT-4o, scores 61 on our set.", "base_model", []),
    ("Transcribes meetings with Whisper, locally.", "base_model", [("Whisper", False)]),
    ("It drafts replies using a local Llama 3 model.", "base_model", [("Llama", False)]),
    ("We compared its answers with GPT-4o.", "base_model", []),
    ("It reads PDFs with any model you like.", "base_model", []),
    # a plan of it said to be free is a free tier
    ("Quorl's Basic plan is free for shops under ₹40 lakh a year; Pro costs ₹299 per month.", "entry_price",
     [("free tier", False), ("₹299/month", False)]),
    ("The Explorer tier stays free.", "entry_price", [("free tier", False)]),
    # a named service of another company's is no maker of the tool; the tool named as one still is
    ("It does not do attachments yet, nor Outlook's Graph API.", "vendor", []),
    ("Quorl is Acme's Vision API for shelves.", "vendor", [("Acme", False)]),
    # an input / output pair of prices: the input price
    ("It is priced at $0.80 / $4 per million input / output tokens.", "entry_price",
     [("$0.80 per 1M tokens", False)]),
    ("Plans: $5 / $10 per month.", "entry_price", [("$5/month", False)]),
    ("Pro is $9/month.", "entry_price", [("$9/month", False)]),
    # Salesforce's store and kubectl's plug-in index by name
    ("It is available on the Salesforce AppExchange.", "distribution", [("Salesforce AppExchange", False)]),
    ("Install it with kubectl krew install quorl.", "distribution", [("Krew", False)]),
    ("It is in the Krew index.", "distribution", [("Krew", False)]),
    ("My krew and I built it over a weekend.", "distribution", []),
    # a way it will not be sold, past the few words a denial reads
    ("It will not be offered with a free tier.", "entry_price", [("free tier", True)]),
    ("You won't need anything beyond the free plan.", "entry_price", [("free tier", False)]),
]


@pytest.mark.parametrize(("text", "kind", "expected"), PASS10_PHRASES)
def test_pass10_phrase(text: str, kind: str, expected: list[tuple[str, bool]]) -> None:
    assert of_kind(text, kind) == expected


# --- captures_tune6's misses, by class -------------------------------------------------------------


@pytest.mark.parametrize(("title", "name", "vendor"), [
    # a platform's own feature on its own platform is the company's (not a model named as one is)
    ("LoRA Fine-Tune Support Now Live on FennelCloud", "LoRA Fine-Tune Support", ["Fennel"]),
    ("Introducing the Next Generation of Relay on FennelCloud", "Next Generation of Relay", ["Fennel"]),
    ("Introducing Kimi K2 on FennelCloud", "Kimi K2", None),
    ("Tessera 12B now on FennelCloud", "Tessera 12B", None),
    # a platform's day-zero support names the known maker whose product it serves
    ("Day Zero Support for OpenAI Open Models", "OpenAI Open Models", ["OpenAI"]),
    ("Launch-Day Support for Mistral Small 4", "Mistral Small 4", ["Mistral AI"]),
])
def test_a_platforms_post_names_the_right_maker(title, name, vendor):
    assert facts(title, source="Fennel Blog", name=name).get("vendor") == vendor


@pytest.mark.parametrize(("text", "vendor"), [
    ("Quiet Relay is a protocol built by Brindle University's Quiet Signals lab for private calls.",
     "Quiet Signals"),
    ("It is built by Acme's team in Leeds.", "Acme"),
])
def test_a_lab_of_an_organisation_is_the_maker(text, vendor):
    assert of_kind(text, "vendor") == [(vendor, False)]


def test_every_base_model_rule_names_its_model():
    """Every base-model rule has a `model` group: the parameters reader takes its span (a rule without
    one made extract_facts raise while this pass was written)."""
    from scrapers.facts.base_model import BASE_MODELS, SECOND_NAMED

    assert all("model" in rule.pattern.groupindex for rule, _ in (*BASE_MODELS, *SECOND_NAMED))
