"""Each fact kind on phrasings of our own (none copied from the labelled set): negation and scope,
hardware as people write it, licences in parentheses, prices per unit, own weights only, and the
kinds quantisation, base_model, technique and distribution. Every snippet is a literal span."""

from __future__ import annotations

import pytest

from scrapers.facts import extract_facts, launch_facts, launch_parts
from scrapers.records import LaunchRecord

# (text, kind, expected (value, negated) pairs in order)
KIND_PHRASES: list[tuple[str, str, list[tuple[str, bool]]]] = [
    # pricing: free tier, its negation, the lowest own price per unit
    ("Sorry, there is no free plan at the moment.", "entry_price", [("free tier", True)]),
    ("Hobbyists get a free tier with 50 renders a day.", "entry_price", [("free tier", False)]),
    ("We don't offer a free tier; every account is paid.", "entry_price", [("free tier", True)]),
    ("Free for individual developers.", "entry_price", [("free tier", False)]),
    ("OCR costs $0.015 per page, with volume discounts.", "entry_price", [("$0.015 per page", False)]),
    ("Voice cloning is billed at $0.02/minute.", "entry_price", [("$0.02 per minute", False)]),
    ("Pro: $30 per seat per month; Business: $50 per seat per month.", "entry_price",
     [("$30/seat/month", False)]),
    ("Each request costs $0.001, billed monthly.", "entry_price", []),
    ("The API is $0.004 per request.", "entry_price", [("$0.004 per request", False)]),
    ("Embeddings cost $0.05 / 1M tokens.", "entry_price", [("$0.05 per 1M tokens", False)]),
    ("We take 1.5% per transaction and nothing else.", "entry_price", [("1.5% per transaction", False)]),
    ("Plans from £7 a month.", "entry_price", [("£7/month", False)]),
    ("A lifetime licence is $149 one-time.", "entry_price", [("$149 one-time", False)]),
    ("Search runs $3 per 1,000 queries.", "entry_price", [("$3 per 1K requests", False)]),
    ("Unlike Otter at $17/month, Quill is free.", "entry_price", []),
    ("Cheaper than ElevenLabs at $5 a month.", "entry_price", []),
    ("Billing is pay-as-you-go.", "pricing_model", [("paid", False)]),
    ("The core is free forever.", "pricing_model", [("free", False)]),
    ("This one is not open-source, sorry.", "pricing_model", [("open_source", True)]),
    ("The whole stack is open source.", "pricing_model", [("open_source", False)]),
    ("A free plan for hobbyists and a Team plan at $12/user/month.", "pricing_model",
     [("freemium", False)]),
    ("Usable without any paid subscription.", "pricing_model", [("paid", True)]),
    # hardware
    ("Inference fits on one 80GB GPU.", "hardware", [("80GB GPU", False)]),
    ("It wants 12 GB of VRAM at 4-bit.", "hardware", [("12GB GPU", False)]),
    ("A laptop with 16GB of RAM is enough.", "hardware", [("16GB RAM", False)]),
    ("It runs on any desktop with 32GB of RAM.", "hardware", [("32GB RAM", False)]),
    ("Everything runs on the CPU of an old laptop.", "hardware", [("CPU", False)]),
    ("You do not need a GPU for any of this.", "hardware", [("GPU", True)]),
    ("GPU not required.", "hardware", [("GPU", True)]),
    ("Serving takes eight H100s.", "hardware", [("8x H100", False)]),
    ("Two RTX 4090s are enough.", "hardware", [("2x RTX 4090", False)]),
    ("Tested on an RTX 3090.", "hardware", [("RTX 3090", False)]),
    ("Works offline on M2 Macs.", "hardware", [("M2 Macs", False)]),
    # licence
    ("The SDK is available on GitHub (MIT).", "license", [("MIT", False)]),
    ("Code released under the MIT license.", "license", [("MIT", False)]),
    ("It is Apache-2.0 licensed.", "license", [("Apache-2.0", False)]),
    ("Licensed GPLv3.", "license", [("GPL-3.0", False)]),
    ("The daemon stays GPL-2.0; the client library is LGPLv3.", "license",
     [("LGPL-3.0", False), ("GPL-2.0", False)]),
    ("It bundles Whisper (MIT) and uses Apache 2.0 for Piper.", "license", []),
    # open weights: the tool's own only
    ("We have published the weights on Hugging Face.", "open_weights", [("yes", False)]),
    ("The checkpoints are not released at this time.", "open_weights", []),
    ("Our weights will not be released.", "open_weights", [("no", False)]),
    ("For now we are not releasing the weights.", "open_weights", [("no", False)]),
    ("A chat app for any open-weight model you host yourself.", "open_weights", []),
    ("Orbit serves open-weight LLMs behind one endpoint.", "open_weights", []),
    ("Halyard is an open-weight speech model.", "open_weights", [("yes", False)]),
    # parameters: one per size, not the sizes of other models
    ("Comes in 3B and 14B sizes, both open-weight models.", "parameters",
     [("3B", False), ("14B", False)]),
    ("A 2.7B model that beats Llama 3 70B on our evals.", "parameters", [("2.7B", False)]),
    ("Our 120M-parameter encoder runs in the browser.", "parameters", [("120M", False)]),
    ("A sparse 16x3B model with a router.", "parameters", [("16x3B", False)]),
    # context length
    ("The window is 200K tokens long.", "context_length", [("200K tokens", False)]),
    ("It reads up to 1M tokens at once.", "context_length", [("1M tokens", False)]),
    ("Rate limits are 2M tokens per minute.", "context_length", []),
    ("Pretrained on 9T tokens of web text.", "context_length", []),
    # quantisation
    ("Ships as 4-bit and 8-bit AWQ checkpoints.", "quantisation",
     [("4-bit", False), ("8-bit", False), ("AWQ", False)]),
    ("Grab the Q5_K_M file for a 16GB card.", "quantisation", [("5-bit", False)]),
    ("There is no GGUF yet.", "quantisation", [("GGUF", True)]),
    ("Served in FP8 on our cloud.", "quantisation", [("8-bit", False)]),
    ("Run it at Q4 quantization on a laptop.", "quantisation", [("4-bit", False)]),
    ("Revenue grew in Q3 and Q4 this year.", "quantisation", []),
    # base model
    ("A support agent built on Mistral Small 3.", "base_model", [("Mistral", False)]),
    ("We finetuned from Gemma 2 9B for legal text.", "base_model", [("Gemma", False)]),
    ("This is not a Qwen fine-tune: it is trained from scratch.", "base_model", [("Qwen", True)]),
    ("The UI is built on React and Tailwind.", "base_model", []),
    ("Works with Llama, Mistral and any GGUF file.", "base_model", []),
    # technique
    ("Adapters are trained with LoRA on a single card.", "technique", [("LoRA", False)]),
    ("A mixture-of-experts model with 64 experts.", "technique", [("MoE", False)]),
    ("Answers come from retrieval-augmented generation over your wiki.", "technique",
     [("RAG", False)]),
    ("Aligned with DPO after supervised tuning.", "technique", [("DPO", False)]),
    ("A student model distilled from a 70B teacher.", "technique", [("distillation", False)]),
    ("Speculative decoding doubles throughput.", "technique", [("speculative decoding", False)]),
    ("A rag doll sewing app.", "technique", []),
    # benchmark: scores the tool reports, not the suites a harness runs
    ("It scores 61 on Spider, 40 on BIRD and 55 on BEIR.", "benchmark",
     [("Spider", False), ("BIRD", False), ("BEIR", False)]),
    ("WER of 3.1 on LibriSpeech; 80% on RULER at 128K; 12% on ARC-AGI-2.", "benchmark",
     [("LibriSpeech", False), ("RULER", False), ("ARC-AGI", False)]),
    ("SimpleQA 41, Terminal-Bench 30, tau-bench 55, BFCL 70, OSWorld 20, LiveBench 60.", "benchmark",
     [("SimpleQA", False), ("Terminal-Bench", False), ("tau-bench", False), ("BFCL", False),
      ("OSWorld", False), ("LiveBench", False)]),
    ("τ-bench retail: 62.", "benchmark", [("tau-bench", False)]),
    ("Version 2 adds HumanEval and MBPP tasks to the harness.", "benchmark", []),
    # distribution
    ("Install it with pipx install quillkit.", "distribution", [("PyPI", False)]),
    ("Get it from Homebrew: brew install lumen.", "distribution", [("Homebrew", False)]),
    ("npm i @acme/agent and go.", "distribution", [("npm", False)]),
    ("It is not on Hugging Face; ask us for access.", "distribution", [("Hugging Face", True)]),
    ("Now on the App Store and Google Play.", "distribution",
     [("App Store", False), ("Google Play", False)]),
    ("Checkpoints live on the HF Hub.", "distribution", [("Hugging Face", False)]),
    ("Listed in the VS Code Marketplace.", "distribution", [("VS Code Marketplace", False)]),
    ("Pull the image with docker pull acme/kit.", "distribution", [("Docker Hub", False)]),
    ("Talks to models you pull with Ollama or LM Studio.", "distribution", []),
    ("Try it with ollama run halyard.", "distribution", [("Ollama", False)]),
    ("The source is on GitHub under MIT.", "distribution", [("GitHub", False)]),
    ("Fixed a crash (see github.com/acme/kit/pull/41).", "distribution", []),
]


def pairs(text: str, kind: str) -> list[tuple[str, bool]]:
    return [(f.value, f.negated) for f in extract_facts(text) if f.kind == kind]


@pytest.mark.parametrize(("text", "kind", "expected"), KIND_PHRASES)
def test_each_kind_in_varied_phrasing(text: str, kind: str, expected: list[tuple[str, bool]]):
    assert pairs(text, kind) == expected


@pytest.mark.parametrize(("text", "kind", "expected"), KIND_PHRASES)
def test_every_snippet_is_a_literal_span_of_the_text(text: str, kind: str, expected: object):
    assert all(fact.snippet in text for fact in extract_facts(text))


def test_a_launch_snippet_comes_from_the_part_it_matched_in_without_the_tagline():
    record = LaunchRecord(
        source="Product Hunt", guid="g1", title="Lumen - Transcribe calls", tool_name="Lumen",
        tagline="Transcribe calls", summary="It costs $0.01 per minute. No free tier.",
    )
    facts = launch_facts(record)
    by_kind = {f.kind: f for f in facts}
    assert by_kind["entry_price"].snippet == "It costs $0.01 per minute."
    assert "Transcribe calls" not in by_kind["entry_price"].snippet
    assert all(any(f.snippet in part for part in launch_parts(record)) for f in facts)
    assert ("free tier", True) in [(f.value, f.negated) for f in facts]


def test_the_tools_own_size_counts_and_its_base_models_does_not():
    record = LaunchRecord(
        source="Hacker News", guid="g2", title="Show HN: Wren 3B, a SQL model", tool_name="Wren 3B",
        summary="Wren 3B is fine-tuned from Phi 3 Mini 3.8B with QLoRA.",
    )
    sizes = [f.value for f in launch_facts(record) if f.kind == "parameters"]
    assert sizes == ["3B"]


@pytest.mark.parametrize(("source", "vendor"), [
    ("The Quarry Blog", "Quarry"), ("Tern Labs blog", "Tern Labs"), ("Mistral AI News", "Mistral AI"),
    ("mistral-news", "Mistral AI"),
    ("Hacker News", None), ("some-slug-news", None),
])
def test_a_companys_own_feed_as_it_is_named(source: str, vendor: str | None):
    record = LaunchRecord(source=source, guid="g4", title="Meet Tern", tool_name="Tern",
                          summary="Tern is our new coding agent.")
    # A company's own feed describing a product in the third person, hosting nothing, names its maker.
    third_person = record.model_copy(update={"summary": "Tern, a coding agent, ships today."})
    assert [f.value for f in launch_facts(third_person) if f.kind == "vendor"] == (
        [vendor] if vendor else [])
    if vendor and vendor != "Tern Labs":  # ... unless it says the product is now on its platform
        hosted = record.model_copy(update={"summary": f"Tern, a coding agent, is now on {vendor}."})
        assert [f.value for f in launch_facts(hosted) if f.kind == "vendor"] == []
    assert [f.value for f in launch_facts(record) if f.kind == "vendor"] == ([vendor] if vendor else [])


def test_a_vendor_blog_speaking_for_itself_names_the_vendor():
    record = LaunchRecord(
        source="Halyard Labs blog", guid="g3", title="Introducing Beacon", tool_name="Beacon",
        summary="Today we are releasing Beacon, our first speech model.",
    )
    (vendor,) = [f for f in launch_facts(record) if f.kind == "vendor"]
    assert vendor.value == "Halyard Labs" and vendor.snippet in record.summary
    third_person = record.model_copy(update={"summary": "Beacon is a speech model."})
    assert [f.value for f in launch_facts(third_person) if f.kind == "vendor"] == ["Halyard Labs"]
    for hosted in ("Beacon is a speech model, now available to every Halyard user.",
                   "Beacon joins HalyardCloud today.", "We serve Beacon at 300 tokens a second.",
                   "Halyard now supports Beacon."):
        record = record.model_copy(update={"summary": hosted})
        assert [f for f in launch_facts(record) if f.kind == "vendor"] == [], hosted
