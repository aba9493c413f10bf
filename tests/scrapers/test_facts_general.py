"""Phrasing families, each in several wordings of our own (none copied from the labelled sets):
whole-model sizes versus active and per-expert sizes, makers named as people write them, released
weights versus weights that are not, licences by name, and base models. Distractors sit beside
each family: what a tool works with, serves, or compares itself to is not its fact."""

from __future__ import annotations

import pytest

from scrapers.facts import extract_facts, launch_facts
from scrapers.records import LaunchRecord

# (text, tool name, kind, expected (value, negated) pairs in order)
GENERAL_PHRASES: list[tuple[str, str, str, list[tuple[str, bool]]]] = [
    # parameters: the whole model's size, not the active or per-expert parameters
    ("Quill is a 30 billion parameter (3B active) model.", "Quill", "parameters", [("30B", False)]),
    ("Quill is a mixture-of-experts model with 17B active parameters.", "Quill", "parameters", []),
    ("A 120B MoE that activates only 5B parameters per token.", "Quill", "parameters", [("120B", False)]),
    ("The 42B model has 6B activated parameters.", "Quill", "parameters", [("42B", False)]),
    ("A 70B model with 12B parameters active.", "Quill", "parameters", [("70B", False)]),
    ("Quill 8x22B is a sparse model: eight 22B experts, two per token.", "Quill 8x22B", "parameters",
     [("8x22B", False)]),
    ("Quill, a 1T-parameter mixture-of-experts model, is out.", "Quill", "parameters", [("1T", False)]),
    ("A 1.2 trillion parameter model.", "Quill", "parameters", [("1.2T", False)]),
    ("Quill – a 16x3B open-weight MoE", "Quill", "parameters", [("16x3B", False)]),
    ("Quill: a 14B Qwen fine-tune for SQL", "Quill", "parameters", [("14B", False)]),
    ("Quill-9B: our first open model", "Quill-9B", "parameters", [("9B", False)]),
    ("Trained on 15T tokens, the 8B-parameter model is fast.", "Quill", "parameters", [("8B", False)]),
    ("It serves 1-7B models.", "Quill", "parameters", []),
    ("At 3.8 billion parameters, Quill is tiny.", "Quill", "parameters", [("3.8B", False)]),
    ("It comes as a 7B and a 70B variant.", "Quill", "parameters", [("7B", False), ("70B", False)]),
    ("Available in 2B and 9B versions.", "Quill", "parameters", [("2B", False), ("9B", False)]),
    ("With 9B parameters, it fits anywhere.", "Quill", "parameters", [("9B", False)]),
    ("Compared with Llama 3 70B, Quill is a smaller model.", "Quill", "parameters", []),
    # context_length: a window written out in full
    ("Context length: 32,768 tokens.", "Quill", "context_length", [("32K tokens", False)]),
    ("It handles a 131,072-token context.", "Quill", "context_length", [("128K tokens", False)]),
    ("It comes in 1B, 3B and 8B variants.", "Quill", "parameters", [("1B", False), ("3B", False),
                                                                     ("8B", False)]),
    # vendor: the maker as people name it
    ("Quill – an open-weight MoE from Halden AI", "Quill", "vendor", [("Halden AI", False)]),
    ("Quill: a sparse LLM from Halden Labs", "Quill", "vendor", [("Halden Labs", False)]),
    ("A code-review framework by Halden Labs.", "Quill", "vendor", [("Halden Labs", False)]),
    ("An inference engine from Halden.", "Quill", "vendor", [("Halden", False)]),
    ("A toolkit from Halden for evals.", "Quill", "vendor", [("Halden", False)]),
    ("A CLI by Halden.", "Quill", "vendor", [("Halden", False)]),
    ("A support chatbot by Halden.", "Quill", "vendor", [("Halden", False)]),
    ("A terminal copilot from Halden.", "Quill", "vendor", [("Halden", False)]),
    ("A reranker from Halden Labs.", "Quill", "vendor", [("Halden Labs", False)]),
    ("A tiny embedder by Halden.", "Quill", "vendor", [("Halden", False)]),
    ("A speech encoder by Halden.", "Quill", "vendor", [("Halden", False)]),
    ("A Qwen fine-tune by Halden.", "Quill", "vendor", [("Halden", False)]),
    ("Halden's open source code completion model", "Quill", "vendor", [("Halden", False)]),
    ("Halden Labs today announced Quill, a sparse model.", "Quill", "vendor", [("Halden Labs", False)]),
    ("Halden releases Quill 2", "Quill", "vendor", [("Halden", False)]),
    ("Today Halden AI unveiled Quill.", "Quill", "vendor", [("Halden AI", False)]),
    ("Halden introduced Quill last week.", "Quill", "vendor", [("Halden", False)]),
    ("Halden open-sources Quill.", "Quill", "vendor", [("Halden", False)]),
    ("Halden debuts Quill at its conference.", "Quill", "vendor", [("Halden", False)]),
    ("Halden rolls out Quill to everyone.", "Quill", "vendor", [("Halden", False)]),
    ("Quill by Halden Labs", "Quill", "vendor", [("Halden Labs", False)]),
    ("Quill from Halden: a coding model", "Quill", "vendor", [("Halden", False)]),
    ("The model was developed by Halden Labs in Oslo.", "Quill", "vendor", [("Halden Labs", False)]),
    ("Built by Halden, it reads your repo.", "Quill", "vendor", [("Halden", False)]),
    ("It was made by Halden and trained by nobody else.", "Quill", "vendor", [("Halden", False)]),
    ("Created by Halden.", "Quill", "vendor", [("Halden", False)]),
    ("The first open model trained by Halden.", "Quill", "vendor", [("Halden", False)]),
    ("The first open model released by Halden Labs.", "Quill", "vendor", [("Halden Labs", False)]),
    ("Published by Halden.", "Quill", "vendor", [("Halden", False)]),
    ("Open-sourced by Halden.", "Quill", "vendor", [("Halden", False)]),
    ("Maintained by Halden.", "Quill", "vendor", [("Halden", False)]),
    ("NVIDIA Quill 2 Flash", "Quill", "vendor", [("NVIDIA", False)]),
    ("Halden Labs is releasing Quill, a 13B model.", "Quill", "vendor", [("Halden Labs", False)]),
    ("Halden are launching Quill today.", "Quill", "vendor", [("Halden", False)]),
    ("Halden Labs is introducing Quill, a reranker.", "Quill", "vendor", [("Halden Labs", False)]),
    ("Halden is unveiling Quill at its conference.", "Quill", "vendor", [("Halden", False)]),
    ("Halden AI is announcing Quill today.", "Quill", "vendor", [("Halden AI", False)]),
    ("Halden is debuting Quill in Berlin.", "Quill", "vendor", [("Halden", False)]),
    ("Halden is now shipping Quill to every team.", "Quill", "vendor", [("Halden", False)]),
    ("Halden Labs Releases Quill 2", "Quill", "vendor", [("Halden Labs", False)]),
    ("Introducing Quill, a writing model.", "Quill", "vendor", []),
    ("Quill, made by the Halden team, is a note taker.", "Quill", "vendor", [("Halden", False)]),
    ("Quill (by Halden) is a writing app.", "Quill", "vendor", [("Halden", False)]),
    ("Quill (from Halden Labs) drafts replies.", "Quill", "vendor", [("Halden Labs", False)]),
    ("Brought to you by Halden Labs.", "Quill", "vendor", [("Halden Labs", False)]),
    ("Quill comes from the team at Halden Labs.", "Quill", "vendor", [("Halden Labs", False)]),
    ("Built by the folks at Halden.", "Quill", "vendor", [("Halden", False)]),
    ("The people at Halden made Quill.", "Quill", "vendor", [("Halden", False)]),
    ("Two engineers at Halden wrote Quill.", "Quill", "vendor", [("Halden", False)]),
    ("Halden Labs, the company behind Inkwell, today released Quill.", "Quill", "vendor",
     [("Halden Labs", False)]),
    ("Quill, powered by Claude, is Halden's newest assistant.", "Quill", "vendor", [("Halden", False)]),
    ("Halden Labs’ Quill TTS is live on Driftwood", "Quill", "vendor", [("Halden Labs", False)]),
    ("Halden's Quill 2 is now available on Driftwood", "Quill", "vendor", [("Halden", False)]),
    ("Quill is Halden’s latest model.", "Quill", "vendor", [("Halden", False)]),
    ("Halden Labs' new speech model.", "Quill", "vendor", [("Halden Labs", False)]),
    ("Halden's new Quill is a writing model.", "Quill", "vendor", [("Halden", False)]),
    ("Halden’s latest Quill drafts replies.", "Quill", "vendor", [("Halden", False)]),
    ("Halden's Quills are birds.", "Quill", "vendor", []),
    # ... and what does not name a maker: makers of what the tool uses, beats or works with
    ("Quill beats OpenAI's GPT-5 on our coding benchmark.", "Quill", "vendor", []),
    ("Unlike Google's Gemini, Quill runs offline.", "Quill", "vendor", []),
    ("Quill works with Anthropic's Claude and OpenAI's models.", "Quill", "vendor", []),
    ("Quill is an alternative to Notion's AI assistant.", "Quill", "vendor", []),
    ("Quill supports models from Mistral and Meta.", "Quill", "vendor", []),
    ("Quill uses Meta's Llama 3 under the hood.", "Quill", "vendor", []),
    ("Built on top of OpenAI's API, Quill drafts emails.", "Quill", "vendor", []),
    ("Powered by Anthropic's Claude, Quill answers tickets.", "Quill", "vendor", []),
    ("Quill is a fine-tune of Meta's Llama 3.", "Quill", "vendor", []),
    ("Quill launches on Product Hunt today.", "Quill", "vendor", []),
    ("Quill releases are signed with Sigstore.", "Quill", "vendor", []),
    ("What's new in 2.0 Vision models: quill run qwen", "Quill", "vendor", []),
    ("Built by ex-Google engineers.", "Quill", "vendor", []),
    ("Created by Ugandan engineers, it covers 13 languages.", "Quill", "vendor", []),
    ("Made by Berlin students in a weekend.", "Quill", "vendor", []),
    ("Migrate from Notion in one click.", "Quill", "vendor", []),
    ("OpenAI-compatible endpoint for local models", "Quill", "vendor", []),
    # open_weights: released weights, an open model; weights that are not out; other models'
    ("Quill is a 12B open model built for agents.", "Quill", "open_weights", [("yes", False)]),
    ("Quill, the first open model from Halden, is out.", "Quill", "open_weights", [("yes", False)]),
    ("Quill is an open reasoning model.", "Quill", "open_weights", [("yes", False)]),
    ("Checkpoints v2.1 and weights v2.1 on Hugging Face.", "Quill", "open_weights", [("yes", False)]),
    ("Quill is API-only: it is not available on Hugging Face.", "Quill", "open_weights",
     [("no", False)]),
    ("Quill is not an open model.", "Quill", "open_weights", [("no", False)]),
    ("The weights are not released and never will be.", "Quill", "open_weights", [("no", False)]),
    ("The weights aren't public.", "Quill", "open_weights", [("no", False)]),
    ("Quill is a closed model, available only through our API.", "Quill", "open_weights", [("no", False)]),
    ("There are no plans to open-source the weights.", "Quill", "open_weights", [("no", False)]),
    ("The weights won't be released.", "Quill", "open_weights", [("no", False)]),
    ("Unlike closed models, Quill is open-weight.", "Quill", "open_weights", [("yes", False)]),
    ("Open the model picker and choose Quill.", "Quill", "open_weights", []),
    ("Run any open model locally with Quill.", "Quill", "open_weights", []),
    ("Open models are great, but Quill is API-only.", "Quill", "open_weights", []),
    ("Checkpoints ship under the Halden Open Model License.", "Quill", "open_weights", []),
    ("Halden is releasing Quill, a 13B model, with weights on Hugging Face.", "Quill", "open_weights",
     [("yes", False)]),
    ("We're open-sourcing the weights of Quill 2 today.", "Quill", "open_weights", [("yes", False)]),
    ("We are sharing the full model weights with researchers.", "Quill", "open_weights",
     [("yes", False)]),
    ("Halden publishes its weights on the Hub.", "Quill", "open_weights", [("yes", False)]),
    ("We will release the weights next month.", "Quill", "open_weights", []),
    ("Weights are coming soon.", "Quill", "open_weights", []),
    ("Quill works with open-weight models.", "Quill", "open_weights", []),
    ("Run Llama, Qwen or Mistral open weights locally with Quill.", "Quill", "open_weights", []),
    ("Quill is an open-source UI for open-weight LLMs.", "Quill", "open_weights", []),
    ("Quill lets developers run open weights on a phone.", "Quill", "open_weights", []),
    ("We release two open-weight models today.", "Quill", "open_weights", [("yes", False)]),
    ("Quill is an open-weight model.", "Quill", "open_weights", [("yes", False)]),
    # distribution: where the tool is published, not where the models it runs come from
    ("The models it runs are pulled from Hugging Face.", "Quill", "distribution", []),
    ("Quill downloads models from Ollama.", "Quill", "distribution", []),
    ("Quill fetches any model from the Ollama library.", "Quill", "distribution", []),
    ("Quill's models are on Hugging Face.", "Quill", "distribution", [("Hugging Face", False)]),
    ("Get the model from Hugging Face.", "Quill", "distribution", [("Hugging Face", False)]),
    ("Quantized Quill checkpoints (GPTQ, AWQ) are on the Hub.", "Quill", "distribution",
     [("Hugging Face", False)]),
    ("We pushed all three sizes to the Hub.", "Quill", "distribution", [("Hugging Face", False)]),
    ("Pull it from the HF Hub or via the Hub's CLI.", "Quill", "distribution", [("Hugging Face", False)]),
    ("Push the image to the Docker Hub.", "Quill", "distribution", [("Docker Hub", False)]),
    ("Quill is distributed via Ollama and LM Studio.", "Quill", "distribution",
     [("LM Studio", False), ("Ollama", False)]),
    ("Quill works with Ollama and LM Studio.", "Quill", "distribution", []),
    ("You can now import EXL2 and GPTQ checkpoints from Hugging Face.", "Quill", "distribution", []),
    ("Quill loads GGUF files from Hugging Face.", "Quill", "distribution", []),
    ("Download the weights from Hugging Face.", "Quill", "distribution", [("Hugging Face", False)]),
    ("Its models keep their original licenses; Quill itself is Apache-2.0.", "Quill", "license",
     [("Apache-2.0", False)]),
    # license: SPDX ids for many spellings, a maker's own licence by name, descriptors name none
    ("Licensed BSD-3.", "Quill", "license", [("BSD-3-Clause", False)]),
    ("Data under CC-BY-SA-4.0.", "Quill", "license", [("CC-BY-SA-4.0", False)]),
    ("Released under CC BY-NC-SA 4.0.", "Quill", "license", [("CC-BY-NC-SA-4.0", False)]),
    ("Under the Creative Commons Attribution 4.0 license.", "Quill", "license", [("CC-BY-4.0", False)]),
    ("Dedicated to the public domain under CC0.", "Quill", "license", [("CC0-1.0", False)]),
    ("Released under the Unlicense.", "Quill", "license", [("Unlicense", False)]),
    ("ISC licensed.", "Quill", "license", [("ISC", False)]),
    ("Source-available under the Business Source License.", "Quill", "license", [("BSL-1.1", False)]),
    ("Licensed under the Elastic License 2.0.", "Quill", "license", [("Elastic-2.0", False)]),
    ("Licensed under EUPL-1.2.", "Quill", "license", [("EUPL-1.2", False)]),
    ("Released under the GNU General Public License, version 3.", "Quill", "license",
     [("GPL-3.0", False)]),
    ("Under the MIT License.", "Quill", "license", [("MIT", False)]),
    ("It's MIT-Licensed.", "Quill", "license", [("MIT", False)]),
    ("Code is Apache 2.0 licensed; the weights use the Halden Open Model License.", "Quill", "license",
     [("Apache-2.0", False), ("Halden Open Model License", False)]),
    ("Weights are on the Hub under the Quill Research License.", "Quill", "license",
     [("Quill Research License", False)]),
    ("Checkpoints are governed by the Halden AI License.", "Quill", "license",
     [("Halden AI License", False)]),
    ("Weights: Creative Commons Attribution-NonCommercial 4.0.", "Quill", "license",
     [("CC-BY-NC-4.0", False)]),
    ("Unlicense: do what you like.", "Quill", "license", [("Unlicense", False)]),
    # (the change licence is the code's later, not its licence now: record_tune15 labels it so)
    ("BSL 1.1, converting to Apache 2.0 after four years.", "Quill", "license",
     [("BSL-1.1", False)]),
    ("ELv2 for the server.", "Quill", "license", [("Elastic-2.0", False)]),
    ("Shipped using the Halden Community Research License.", "Quill", "license",
     [("Halden Community Research License", False)]),
    ("Checkpoints are free for research under the non-commercial license in the repo.", "Quill",
     "license", [("non-commercial license", False)]),
    ("Quill is licensed under a permissive licence.", "Quill", "license", []),
    ("Quill builds models grounded in their proprietary knowledge.", "Quill", "license", []),
    ("Connect Quill to proprietary data in minutes.", "Quill", "license", []),
    ("Quill is proprietary; the SDK is MIT.", "Quill", "license", [("MIT", False), ("proprietary", False)]),
    ("The weights are released under a non-commercial licence.", "Quill", "license", []),
    ("A Pro license costs $49.", "Quill", "license", []),
    # base_model: what the tool was built on, as people say it; not the tool itself
    ("Quill is Llama 3.1 8B fine-tuned with LoRA on support tickets.", "Quill", "base_model",
     [("Llama", False)]),
    ("Quill: Qwen3-8B, fine-tuned for legal text.", "Quill", "base_model", [("Qwen", False)]),
    ("Quill is a fine-tuned version of Qwen2.5 7B.", "Quill", "base_model", [("Qwen", False)]),
    ("Quill starts from Gemma 3 12B and adds tool use.", "Quill", "base_model", [("Gemma", False)]),
    ("Quill was further trained from Qwen3 4B.", "Quill", "base_model", [("Qwen", False)]),
    ("Quill is continued-pretrained from OLMo 2 7B.", "Quill", "base_model", [("OLMo", False)]),
    ("Quill is a Llama 3 derivative.", "Quill", "base_model", [("Llama", False)]),
    ("Quill is a derivative of Qwen3 8B.", "Quill", "base_model", [("Qwen", False)]),
    ("Quill was continually pretrained from OLMo 2 7B.", "Quill", "base_model", [("OLMo", False)]),
    ("Quill is adapted from Phi-4.", "Quill", "base_model", [("Phi", False)]),
    ("Quill builds on Qwen 2.5 Coder.", "Quill", "base_model", [("Qwen", False)]),
    ("Quill is built upon Qwen3 8B.", "Quill", "base_model", [("Qwen", False)]),
    ("Quill uses Llama 3 as its base model.", "Quill", "base_model", [("Llama", False)]),
    ("Quill 2 is Quill fine-tuned with DPO.", "Quill", "base_model", []),
    ("Quill was adapted from a Python script.", "Quill", "base_model", []),
    ("The trial starts on Monday.", "Quill", "base_model", []),
    ("LoRA Fine-Tune Support Now Live on Driftwood", "Quill", "base_model", []),
    ("We fine-tuned Qwen2.5 1.5B with QLoRA.", "Quill", "base_model", [("Qwen", False)]),
    # entry_price and pricing_model: prices in words, free tiers as people put them, others' prices
    ("Clean JSON from scanned PDFs for a cent a page", "Quill", "entry_price",
     [("$0.01 per page", False)]),
    ("Two cents per minute of audio.", "Quill", "entry_price", [("$0.02 per minute", False)]),
    ("Half a cent per request.", "Quill", "entry_price", [("$0.005 per request", False)]),
    ("One dollar a month for the Pro plan.", "Quill", "entry_price", [("$1/month", False)]),
    ("Three euros a seat per month.", "Quill", "entry_price", [("€3/seat/month", False)]),
    ("Four pounds a month, or ten dollars a month for teams.", "Quill", "entry_price",
     [("£4/month", False)]),
    ("Five dollars an hour of GPU time.", "Quill", "entry_price", [("$5 per hour", False)]),
    ("The Pro plan costs 20 dollars a month.", "Quill", "entry_price", [("$20/month", False)]),
    ("It is 50 cents per page.", "Quill", "entry_price", [("$0.50 per page", False)]),
    ("It costs 1.5 cents per minute.", "Quill", "entry_price", [("$0.015 per minute", False)]),
    ("Costs 2¢ per page.", "Quill", "entry_price", [("$0.02 per page", False)]),
    ("Embeddings are $5 / 1M tokens.", "Quill", "context_length", []),
    ("Free during the beta.", "Quill", "pricing_model", []),
    ("We built it because the hosted platforms we tried started at $99/month per workspace.", "Quill",
     "entry_price", []),
    ("We were paying $200 a month for a dashboard.", "Quill", "entry_price", []),
    ("The tools we used cost $5/month, Quill is $9/month.", "Quill", "entry_price",
     [("$9/month", False)]),
    ("Competitors charge $3/month; Quill is $9/month.", "Quill", "entry_price", [("$9/month", False)]),
    ("We tested it for a year and it costs $9/month.", "Quill", "entry_price", [("$9/month", False)]),
    ("Quill itself is free for the first 1,000 requests a month.", "Quill", "entry_price",
     [("free tier", False)]),
    ("Diffing is included in every plan, including the free one.", "Quill", "entry_price",
     [("free tier", False)]),
    ("Available on every plan, even the free plan.", "Quill", "entry_price", [("free tier", False)]),
    ("It stays free for home and work use.", "Quill", "pricing_model", [("free", False)]),
    ("It is free for both personal and commercial use.", "Quill", "pricing_model", [("free", False)]),
    ("Free for any purpose.", "Quill", "pricing_model", [("free", False)]),
]


@pytest.mark.parametrize(("text", "name", "kind", "expected"), GENERAL_PHRASES)
def test_each_family_in_varied_phrasing(text: str, name: str, kind: str,
                                        expected: list[tuple[str, bool]]):
    facts = extract_facts(text, name=name)
    assert [(f.value, f.negated) for f in facts if f.kind == kind] == expected
    assert all(fact.snippet in text for fact in facts)


def launch_facts_of(summary: str, *, title: str, tool: str, source: str) -> dict[str, list[str]]:
    record = LaunchRecord(source=source, guid="g1", title=title, tool_name=tool, summary=summary)
    found: dict[str, list[str]] = {}
    for fact in launch_facts(record):
        assert fact.snippet in title or fact.snippet in summary  # a literal span of the launch
        found.setdefault(fact.kind, []).append(fact.value)
    return found


@pytest.mark.parametrize(("title", "summary"), [
    ("Ember 2 from Pelagic Labs is now available", "Pelagic Labs's Ember 2 is a 14B open model."),
    ("Pelagic Ember 2", "Ollama is partnering with Pelagic Labs to bring Ember 2, developed by "
                        "Pelagic Labs, to everyone."),
    ("Ember 2", "Ember 2, the new model from Pelagic Labs, can be pulled today."),
])
def test_a_stores_own_feed_bringing_another_makers_model_is_where_it_is_published(title, summary):
    found = launch_facts_of(summary, title=title, tool="Ember 2", source="Ollama Blog")
    assert found.get("vendor") == ["Pelagic Labs"] and found.get("distribution") == ["Ollama"]


@pytest.mark.parametrize("summary", [
    "A new web search API is now available in Ollama.",
    "The new tool-calling mode is in Ollama today; higher limits come via Ollama's cloud.",
])
def test_a_feature_inside_the_makers_own_product_is_not_published_there(summary: str):
    found = launch_facts_of(summary, title="Web search", tool="Web search", source="Ollama Blog")
    assert found.get("vendor") == ["Ollama"] and "distribution" not in found


def test_a_runtime_version_is_not_its_library():
    found = launch_facts_of("Gemma 4 is now faster in Ollama 0.31 on Apple silicon, powered by MLX.",
                            title="Faster Gemma 4 on MLX", tool="Ollama", source="Ollama Blog")
    assert "distribution" not in found and "quantisation" not in found
    assert found.get("hardware") == ["Apple Silicon"]


@pytest.mark.parametrize("summary", [
    "Ember 2, Pelagic Labs's new model, is on Driftwood. We run it on H200s.",
    "Pelagic Labs's Ember 2 came out today. Here is how to serve it on Driftwood with a single L4 GPU.",
    "Ember 2 from Pelagic Labs is on Driftwood; our engine also supports MLX on Apple Silicon.",
    "Ember 2 from Pelagic Labs is on Driftwood, and we're hosting it on eight H100s.",
])
def test_a_platforms_own_machines_are_not_the_models_hardware(summary: str):
    found = launch_facts_of(summary, title="Ember 2 on Driftwood", tool="Ember 2",
                            source="Driftwood Blog")
    assert "hardware" not in found


def test_the_models_own_floor_still_counts_on_a_platform_post():
    found = launch_facts_of("Ember 2 from Pelagic Labs is on Driftwood; the 27B needs a 24GB GPU.",
                            title="Ember 2 on Driftwood", tool="Ember 2", source="Driftwood Blog")
    assert found.get("hardware") == ["24GB GPU"]


@pytest.mark.parametrize(("text", "expected"), [
    ("It speaks on a Raspberry Pi 5. Runs on any Raspberry Pi.", ["Raspberry Pi 5"]),
    ("Built for Apple silicon.", ["Apple Silicon"]),
    ("Inference needs 2×H100.", ["2x H100"]),
    ("Inference needs 4 x A100.", ["4x A100"]),
])
def test_hardware_named_once_canonically(text: str, expected: list[str]):
    assert [f.value for f in extract_facts(text) if f.kind == "hardware"] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("We serve it in FP8 on our own GPUs.", []),
    ("We host Ember at INT8 for speed.", []),
    ("Ember runs faster on MLX.", []),
    ("Decoding is accelerated via MLX.", []),
    ("We publish 4-bit GGUF and MLX builds.", ["4-bit", "GGUF", "MLX"]),
    ("Served in FP8 on our cloud.", ["8-bit"]),
    ("Version 0.9 brings faster GGUF loading and experimental AWQ support.", []),
    ("It adds MLX acceleration on Apple Silicon and 4-bit KV cache quantization.", []),
    ("FP8 inference is now twice as fast.", []),
])
def test_how_a_platform_serves_or_runs_it_is_not_its_quantisation(text: str, expected: list[str]):
    assert [f.value for f in extract_facts(text) if f.kind == "quantisation"] == expected


# Promised, not stated: a hedge gives no fact of any kind; a plain future claim still does.
@pytest.mark.parametrize(("text", "kind", "expected"), [
    ("An Android app is coming soon to Google Play.", "distribution", []),
    ("We'll publish it on PyPI next week.", "distribution", []),
    ("Homebrew support is planned.", "distribution", []),
    ("A Docker image is on the roadmap.", "distribution", []),
    ("Available on the App Store; Android soon.", "distribution", [("App Store", False)]),
    ("We plan to open-source the core in Q3.", "pricing_model", []),
    ("A free tier is coming soon.", "entry_price", []),
    ("We plan to add a free plan later.", "entry_price", []),
    ("Pricing starts at $10/month; a team plan is coming soon.", "entry_price", [("$10/month", False)]),
    ("The code will be released under MIT later this year.", "license", []),
    ("GGUF builds are in the works.", "quantisation", []),
    ("You'll need a 24GB GPU.", "hardware", [("24GB GPU", False)]),
    ("It will run on any laptop with 8GB of RAM.", "hardware", [("8GB RAM", False)]),
    ("We publish 4-bit GGUF builds.", "quantisation", [("4-bit", False), ("GGUF", False)]),
    ("Orca 2 is out now in 7B, with a 70B model planned for next quarter.", "parameters",
     [("7B", False)]),
    ("Code is MIT; weights will follow under CC-BY-4.0 next month.", "license", [("MIT", False)]),
    ("Quill is on the App Store today, with Google Play coming soon.", "distribution",
     [("App Store", False)]),
])
def test_a_promise_is_not_a_fact(text: str, kind: str, expected: list[tuple[str, bool]]):
    assert [(f.value, f.negated) for f in extract_facts(text) if f.kind == kind] == expected


@pytest.mark.parametrize(("title", "summary"), [
    ("Ember", "Ember is a personal AI assistant that runs on your own device."),
    ("Vision models", "New vision models are now available: Ember 1.6, in 7B and 13B sizes."),
    ("Ember: a local-first agent", "Ember v1.0 is now available to run with Ollama."),
])
def test_a_stores_feed_describing_a_product_does_not_make_it_the_maker(title: str, summary: str):
    found = launch_facts_of(summary, title=title, tool="Ember", source="Ollama Blog")
    assert "vendor" not in found


@pytest.mark.parametrize(("title", "vendor"), [
    ("OpenAI compatibility", []), ("Anthropic compatibility mode", []), ("NVIDIA support for Ember", []),
    ("NVIDIA Ember 3 Ultra", ["NVIDIA"]),
])
def test_a_known_maker_opening_the_headline(title: str, vendor: list[str]):
    found = launch_facts_of("Ember now works with more tools.", title=title, tool=title,
                            source="Hacker News")
    assert found.get("vendor", []) == vendor
