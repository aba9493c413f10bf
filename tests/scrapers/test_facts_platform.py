"""Facts of launches on a company's own feed: its own products versus other makers' models it
carries (platform posts), and quantisations and stores that are about this tool."""

from __future__ import annotations

import pytest

from scrapers.facts import launch_facts
from scrapers.records import LaunchRecord


def facts_of(summary: str, *, title: str = "Orca 3", source: str = "Driftwood Blog",
             tool: str = "Orca") -> dict[str, list[str]]:
    record = LaunchRecord(source=source, guid="p1", title=title, tool_name=tool, summary=summary)
    found: dict[str, list[str]] = {}
    for fact in launch_facts(record):
        assert fact.snippet in title or fact.snippet in summary  # a literal span of the launch
        found.setdefault(fact.kind, []).append(fact.value)
    return found


@pytest.mark.parametrize("summary", [
    "Orca 3 from Pelagic Labs is now on Driftwood.",
    "Orca 3, Pelagic Labs's newest coding model, joins Driftwood today.",
    "Pelagic Labs has released Orca 3 and you can try it on Driftwood.",
])
def test_a_platform_post_credits_the_models_maker(summary: str):
    assert facts_of(summary).get("vendor") == ["Pelagic Labs"]


@pytest.mark.parametrize("summary", [
    "Orca 3 is now available to every Driftwood user.",
    "We're excited to bring Orca 3 to Driftwood.",
    "We are partnering with its authors to offer Orca 3 on Driftwood.",
    "Driftwood now supports Orca 3.",
])
def test_a_platform_post_that_names_no_maker_gives_no_vendor(summary: str):
    assert "vendor" not in facts_of(summary)


@pytest.mark.parametrize("summary", [
    "We've just shipped Orca 3, a coding model.",
    "Today, we are open-sourcing Orca 3.",
    "Driftwood introduces Orca 3, a coding model.",
    "Orca 3 is our coding agent.",
    "Orca 3 is the newest of our models, and our fastest coding model yet.",
])
def test_a_company_presenting_the_launch_as_its_own_is_the_vendor(summary: str):
    assert facts_of(summary).get("vendor") == ["Driftwood"]


def test_a_product_bearing_the_company_name_is_the_companys():
    assert facts_of("Driftwood Studio, a notebook for prompts, ships today.", title="Driftwood Studio",
                    tool="Driftwood Studio").get("vendor") == ["Driftwood"]


def test_a_platforms_builds_of_another_makers_model_are_not_its_quantisation():
    found = facts_of("Orca 3 from Pelagic Labs is in the Driftwood library; the default tag is Q4_K_M.")
    assert "quantisation" not in found
    assert found.get("distribution") == ["Driftwood"]


@pytest.mark.parametrize("summary", [
    "Driftwood 2.1 now loads GGUF files faster.",
    "Driftwood 2.1 adds support for EXL2 and AWQ.",
    "Driftwood 2.1 runs MLX and GGUF models side by side.",
    "Driftwood 2.1 can fetch 8-bit builds of any model on the Hub.",
    "Community GPTQ conversions already work in Driftwood 2.1.",
])
def test_formats_a_runtime_reads_are_not_its_quantisation(summary: str):
    assert "quantisation" not in facts_of(summary, title="Driftwood 2.1", tool="Driftwood")


@pytest.mark.parametrize(("summary", "expected"), [
    ("We release Orca 3 with official 4-bit weights.", ["4-bit"]),
    ("Orca 3 is our first open model; we publish GGUF and AWQ files we quantised ourselves.",
     ["GGUF", "AWQ"]),
])
def test_the_makers_own_quantisations_count(summary: str, expected: list[str]):
    assert sorted(facts_of(summary).get("quantisation", [])) == sorted(expected)


def test_the_headline_format_is_dropped_when_the_text_says_the_runtime_reads_it():
    found = facts_of("Driftwood 2.1 now supports MLX on Apple Silicon.", title="Driftwood 2.1 with MLX",
                     tool="Driftwood")
    assert "quantisation" not in found


@pytest.mark.parametrize(("summary", "title", "tool"), [
    ("Update, then try it with ollama run orca.", "Ollama 0.40", ""),
    ("Update, then try it with ollama run orca.", "Ollama 0.40: faster loads", "Ollama"),
])
def test_a_tools_own_command_is_not_where_it_is_distributed(summary: str, title: str, tool: str):
    assert "Ollama" not in facts_of(summary, title=title, tool=tool, source="Ollama Blog").get(
        "distribution", [])


def test_what_the_tool_talks_to_is_not_its_store():
    found = facts_of("Inkwell now talks to Ollama, so your local models work offline.",
                     title="Inkwell 2", tool="Inkwell", source="Inkwell Blog")
    assert "distribution" not in found


def test_the_feeds_own_model_library():
    found = facts_of("Orca 3 is now in our model library, ready to pull.",
                     title="Orca 3 in our model library")
    assert found.get("distribution") == ["Driftwood"]


def test_a_store_the_model_is_pulled_from_still_counts_on_a_platform_post():
    found = facts_of("Orca 3 from Pelagic Labs is on Ollama: ollama pull orca3.", source="Ollama Blog")
    assert found.get("distribution") == ["Ollama"] and found.get("vendor") == ["Pelagic Labs"]


@pytest.mark.parametrize(("summary", "expected"), [
    ("Orca 3 comes in 4B, 8B and 32B sizes.", ["4B", "8B", "32B"]),
    ("Three sizes ship today: 1.5B, 7B and 14B.", ["1.5B", "7B", "14B"]),
])
def test_sizes_listed_as_sizes(summary: str, expected: list[str]):
    assert facts_of(summary).get("parameters") == expected


def test_a_headline_as_the_name_keeps_the_tools_own_size():
    headline = "Driftwood releases Orca Coder 14B"
    found = facts_of("Orca Coder 14B is a code model for long files.", title=headline, tool=headline)
    assert found.get("parameters") == ["14B"]
    assert "parameters" not in facts_of("A code model; it beats Qwen 14B on our tests.", title=headline,
                                              tool=headline)
