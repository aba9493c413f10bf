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
