"""Phrasing classes of the eighth facts pass (record_tune15's misses, by class), each in wordings
of our own (none copied from the labelled sets), with the distractor beside it that the rule must
not read."""

from __future__ import annotations

import pytest

from scrapers.facts import extract_facts, split_sentences

# (text, kind, expected (value, negated) pairs in order; the tool is named "Quorl")
PASS8_PHRASES: list[tuple[str, str, list[tuple[str, bool]]]] = [
    # a sentence that opens with a price is a sentence: "Claude. €9" was one, and "powered by"
    # before it made the price another product's
    ("Powered by Gemini. £7 a month after the trial.", "entry_price", [("£7/month", False)]),
    ("Built with Claude. $12 per seat per month.", "entry_price", [("$12/seat/month", False)]),
    # the family as an adjective
    ("Offline captions, Whisper-based and quantised to int8.", "base_model", [("Whisper", False)]),
    ("A Llama-based tutor for chemistry homework.", "base_model", [("Llama", False)]),
    ("Not Llama-based: we trained our own 2B model.", "base_model", []),
    ("Our GPTQ-based pipeline shrinks any checkpoint.", "base_model", []),
    # a derivative or fine-tune with its size or make before the name
    ("The model is a 7B Qwen2.5 derivative tuned on invoices.", "base_model", [("Qwen", False)]),
    ("It ships a 4-bit Gemma 3 fine-tune for receipts.", "base_model", [("Gemma", False)]),
    # a distillation of a named model
    ("The encoder is a 30M-parameter distillation of BGE-base.", "base_model", [("BGE", False)]),
    ("A distillation of our own teacher model, nothing more.", "base_model", []),
    # the base's size in brackets between the name and "fine-tuned"
    ("Quorl is Mistral 7B (v0.3) fine-tuned with DPO on support chats.", "base_model",
     [("Mistral", False)]),
    # a model the tool runs, told by how it is made or carried; not one it works or is tested with
    ("Dictation runs locally with a 4-bit Whisper small.", "base_model", [("Whisper", False)]),
    ("The editor can now call a bundled Phi-4-mini offline.", "base_model", []),
    ("The editor can now use a bundled Phi-4-mini offline.", "base_model", [("Phi", False)]),
    ("Summaries are written on the laptop by a small Gemma 3 model.", "base_model", [("Gemma", False)]),
    ("It works with a local Llama if you have one.", "base_model", []),
    ("We benchmarked it against a quantised Qwen3 model.", "base_model", []),
    # a role in the tool given to a model, first in its sentence; not a baseline or a rival
    ("The narrator is Claude Haiku 4.5 with a strict style guide.", "base_model", [("Claude", False)]),
    ("The quiz writer is Gemini 2.5 Flash.", "base_model", [("Gemini", False)]),
    ("The baseline is GPT-4o, which we beat on recall.", "base_model", []),
    ("The catch is Llama licensing, which we explain below.", "base_model", []),
    # another product of the maker's, named beside the tool, is not the tool's price or free tier
    ("Quorl is $6 a month (its big sister, Quorl Studio, is free).", "entry_price", [("$6/month", False)]),
    ("Quorl is $6 a month (its big sister, Quorl Studio, is free).", "pricing_model", []),
    ("Quorl costs €30 per seat per month. Ledgerline, our older invoicing app, stays at €9/month.",
     "entry_price", [("€30/seat/month", False)]),
    ("Our other apps are paid, but Quorl is free.", "pricing_model", [("free", False)]),
    # a free upgrade for earlier buyers is a perk, not a free tier
    ("If you own version 1, the upgrade is free. New buyers pay $25 once.",
     "entry_price", [("$25 one-time", False)]),
    ("There is a free plan, and Pro is $25 a month.", "pricing_model", [("freemium", False)]),
    # a price by the head of a profession is a seat price
    ("Quorl is $49 per dentist per month.", "entry_price", [("$49/seat/month", False)]),
    ("Plans start at €15 per recruiter per month.", "entry_price", [("€15/seat/month", False)]),
    ("Pricing: $0.20 per 1,000 API requests.", "entry_price", [("$0.20 per 1K requests", False)]),
    # the second of two registries, and Open VSX as its own registry
    ("Client libraries are on PyPI and npm.", "distribution", [("PyPI", False), ("npm", False)]),
    ("Install it from the VS Code Marketplace or Open VSX.", "distribution",
     [("VS Code Marketplace", False), ("Open VSX", False)]),
    ("Works in VS Code and Cursor.", "distribution", []),
    # another platform's app store is its own; Apple's is "App Store"
    ("Quorl is now listed on the QuickBooks App Store.", "distribution", [("QuickBooks App Store", False)]),
    # (the Mac App Store is its own store, as record_tune18/19 and blind4's conventions write it)
    ("Get it on the Mac App Store today.", "distribution", [("Mac App Store", False)]),
    ("Download it on the App Store.", "distribution", [("App Store", False)]),
    # an image on GitHub's container registry is not a GitHub release
    ("Images are now pushed to GitHub Container Registry as well.", "distribution", []),
    ("Binaries are on GitHub for every platform.", "distribution", [("GitHub", False)]),
    # a licence's SPDX id in brackets after its name is the licence; one the code converts to later
    # is not yet its licence
    ("Quorl is under the Functional Source License (FSL-1.1-MIT); each version turns into MIT after "
     "two years.", "license", [("FSL-1.1-MIT", False)]),
    ("Released under the Business Source License (BUSL-1.1).", "license", [("BUSL-1.1", False)]),
    ("The code switches to Apache 2.0 in 2029; until then it is AGPL-3.0.", "license",
     [("AGPL-3.0", False)]),
    ("Licensed under the Apache License 2.0 (Apache-2.0).", "license", [("Apache-2.0", False)]),
    # free for a kind of use is a free tier; free for any one of the people it is for is free
    ("Running it yourself is free for internal use; the hosted plan is $19 a month.", "entry_price",
     [("free tier", False), ("$19/month", False)]),
    ("Quorl is free for any teacher who asks; I will never charge for it.", "pricing_model",
     [("free", False)]),
    # the machines a model was trained on, or the maker serves it on in its own cloud, are not what
    # it needs; a fine-tuning tool's machine is
    ("The pretraining run took 64 H200s for a month.", "hardware", []),
    ("Training: 16x A100 40GB, four days.", "hardware", []),
    ("It runs on H100s in our own cloud, so there is nothing to install.", "hardware", []),
    ("It runs in our cloud or on one machine with an RTX 4090.", "hardware", [("RTX 4090", False)]),
    ("Fine-tune a 7B model on a single RTX 3090 with it.", "hardware", [("RTX 3090", False)]),
    # a plan's price per account is the plan's price; a rate per thing keeps the thing
    ("The team plan is $30/month per organisation.", "entry_price", [("$30/month", False)]),
    ("Pro is €12/month per depot.", "entry_price", [("€12/depot/month", False)]),
    ("It is $14 per active contributor per month.", "entry_price", [("$14/seat/month", False)]),
    # what the maker pays to run it is not its price ("US$" is a price in dollars)
    ("Hosting costs us about $40 a month, so Quorl is free.", "entry_price", []),
    ("It costs US$0.50 per hectare per season.", "entry_price", [("US$0.50/hectare/season", False)]),
    # an add-on sold beside the tool is not the tool's price
    ("Quorl is $39 once. (Our backup add-on, Quorl Vault, is $3/month.)", "entry_price",
     [("$39 one-time", False)]),
    # free allowances and plans said other ways
    ("Billed by the page, and the first 200 pages each month are on us.", "entry_price",
     [("free tier", False)]),
    ("Plans: Hobby $0, Pro $18/month.", "entry_price", [("free tier", False), ("$18/month", False)]),
    ("Starter: €0 for one board. Team: €8 per seat per month.", "entry_price",
     [("free tier", False), ("€8/seat/month", False)]),
    ("Personal plan | £0 | Business plan | £20/month", "entry_price",
     [("free tier", False), ("£20/month", False)]),
    ("Community tier – $0, forever; Enterprise from $900 a year.", "entry_price",
     [("free tier", False), ("$900/year", False)]),
    ("The Starter kit costs $0.50 per unit.", "entry_price", [("$0.50 per unit", False)]),
    ("Quorl is free for public projects; private ones are $9 a month.", "pricing_model",
     [("freemium", False)]),
    ("I type with one hand (no free hands with a baby), so I built this.", "pricing_model", []),
    # a model named before "under the hood", a tagline on a made model, "models that we fine-tuned",
    # "it's X fine-tuned", a model card's "Finetuned from: owner/model"
    ("Claude Haiku under the hood.", "base_model", [("Claude", False)]),
    ("A quantised Qwen3 in your pocket.", "base_model", [("Qwen", False)]),
    ("Quorl uses Gemma checkpoints that we fine-tuned on receipts.", "base_model", [("Gemma", False)]),
    ("It's Phi-4-mini fine-tuned on ten thousand essays.", "base_model", [("Phi", False)]),
    ("Finetuned from: Qwen/Qwen2.5-7B-Instruct", "base_model", [("Qwen", False)]),
    # a build not ready yet is denied
    ("AWQ builds are not ready yet.", "quantisation", [("AWQ", True)]),
    # benchmarks a harness ships tasks for are not its scores
    ("Adds task definitions for GSM8K, MATH and ARC so you can compare checkpoints.", "benchmark", []),
    ("Quorl scores 61.2 on GSM8K.", "benchmark", [("GSM8K", False)]),
    # what is to come is no fact yet
    ("Next up: a 3B version for phones, which we hope to ship in May.", "parameters", []),
    ("A 70B sibling will follow next quarter, with a 1M-token context.", "context_length", []),
    ("Quorl is a 12B model with a 128K-token context; a 2B model will follow.", "parameters",
     [("12B", False)]),
    # a headline's capitals: "100K Context Windows"
    ("Introducing 64K Context Windows", "context_length", [("64K tokens", False)]),
    ("Pretrained On 15T Tokens Of Text", "context_length", []),
    # a company's name joined by "&"
    ("Quorl is built by Heron & Wren Studio in Leeds.", "vendor", [("Heron & Wren Studio", False)]),
    # its own npm package
    ("There is also an npm package, quorl-js, for the browser.", "distribution", [("npm", False)]),
    ("It reads the lockfile of any npm package.", "distribution", []),
    # the base model's licence is not the tool's
    ("The base model is MIT, but Quorl itself is GPL-3.0.", "license", [("GPL-3.0", False)]),
    # what a thing it does not have would cost is not its price
    ("A Mac build would need a $99-a-year developer account. Quorl itself is free.", "pricing_model",
     [("free", False)]),
    # (after record_tune17) another model's size in brackets after "such as"; a rival doing the same
    # for its price; a model the tool calls for its work; Microsoft Foundry as a place it is offered
    ("Quorl 27B beats open models such as Orcafin Max (400B) on recall.", "parameters", [("27B", False)]),
    ("I know Slatewise does this for $30/user/month; Quorl is for one person.", "entry_price", []),
    ("It calls Claude Haiku for the summaries and stores nothing.", "base_model", [("Claude", False)]),
    ("It calls the GitHub API for the diffs.", "base_model", []),
    ("Quorl is now available in Microsoft Foundry.", "distribution", [("Microsoft Foundry", False)]),
    # a licence's terms of use by name; a licence it uses "rather than" another denies the other
    ("The weights are released under the Orcafin Terms of Use.", "license",
     [("Orcafin Terms of Use", False)]),
    ("See our Terms of Use before you sign up.", "license", []),
    ("Quorl ships under the Orcafin Terms of Use rather than Apache 2.0.", "license",
     [("Apache-2.0", True), ("Orcafin Terms of Use", False)]),
    # the family as "-powered"; a tagline's phrase after an emoji
    ("Claude-powered meeting notes for clinics.", "base_model", [("Claude", False)]),
    ("Private voice notes 🔒 A 4-bit Whisper runs on the phone.", "base_model", [("Whisper", False)]),
    # a free allowance by the month; a model card's "Trained on" line; the Azure Marketplace by name
    ("Billing is $0.01 per page, with the first 300 pages free every month.", "entry_price",
     [("free tier", False), ("$0.01 per page", False)]),
    ("A sandbox with 200 free runs a month comes with every account; then $0.05 per run.", "entry_price",
     [("free tier", False), ("$0.05 per run", False)]),
    ("Trained on 32x H100 for a week.", "hardware", []),
    ("Now listed in the Azure Marketplace.", "distribution", [("Azure Marketplace", False)]),
    # a named Mac's memory said after it
    ("It ran fine on my MacBook Pro with 32 GB, even with a browser open.", "hardware",
     [("32GB RAM", False), ("MacBook Pro", False)]),
    ("Our Mac mini with 512 GB of storage hosts the demo.", "hardware", [("Mac mini", False)]),
]


@pytest.mark.parametrize(("text", "kind", "expected"), PASS8_PHRASES)
def test_pass8_phrase(text: str, kind: str, expected: list[tuple[str, bool]]) -> None:
    got = [(fact.value, fact.negated) for fact in extract_facts(text, name="Quorl") if fact.kind == kind]
    assert got == expected


@pytest.mark.parametrize(("text", "sentences"), [
    ("Powered by Claude. €9 per month.", ["Powered by Claude.", "€9 per month."]),
    ("It is cheap. $5 gets you a year.", ["It is cheap.", "$5 gets you a year."]),
    # not after an abbreviation
    ("Cheaper, e.g. $5 a month.", ["Cheaper, e.g. $5 a month."]),
    # a closing bracket or quote after the stop ends the sentence with it
    ("It is optional.) Quorl is $59 once.", ["It is optional.)", "Quorl is $59 once."]),
])
def test_a_sentence_may_open_on_a_currency_sign(text: str, sentences: list[str]) -> None:
    assert split_sentences(text) == sentences
