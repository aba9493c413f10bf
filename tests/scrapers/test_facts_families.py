"""Phrasing families of the second facts pass, each in wordings of our own (none copied from the
labelled sets), with distractors beside each: a free allowance beside a paid price, per-unit and
one-time prices in any currency, closed source, weights that are not released, hardware that is
another model's or only an example of a floor, benchmarks with a score, context in words."""

from __future__ import annotations

import pytest

from scrapers.facts import extract_facts, launch_facts
from scrapers.records import LaunchRecord

# (text, kind, expected (value, negated) pairs in order)
FAMILY_PHRASES: list[tuple[str, str, list[tuple[str, bool]]]] = [
    # pricing_model: something free beside a paid price is freemium, whatever is free
    ("Personal notebooks are free; shared team notebooks are $8/month.", "pricing_model",
     [("freemium", False)]),
    ("€4 a month, or free if you send fewer than 200 invoices.", "pricing_model", [("freemium", False)]),
    ("Your first 5 projects cost nothing; after that it's $3 per project per month.", "pricing_model",
     [("freemium", False)]),
    ("Plans: Starter Free 500 / month, Team $12 per 1,000 calls", "pricing_model", [("freemium", False)]),
    ("Try it for free, then $15/month.", "pricing_model", []),  # a trial, not a free offer
    ("Unlike Foo, which is free, Quill costs $10/month.", "pricing_model", []),
    ("Quill is $5/month. Setup is free.", "pricing_model", []),
    ("We replaced a free spreadsheet with Quill at $8/seat/month.", "pricing_model", []),
    ("Quill costs $12/month and comes with free updates.", "entry_price", [("$12/month", False)]),
    ("Personal use is free, teams pay $4/month.", "entry_price", [("free tier", False), ("$4/month", False)]),
    ("Quill is a free app for iPhone.", "pricing_model", [("free", False)]),
    ("Free for individuals; $8/month for teams.", "pricing_model", [("freemium", False)]),
    ("No charge for hobby projects; business plans from $49/month.", "pricing_model", [("freemium", False)]),
    ("Zero cost below 1,000 calls a month, then $1 per 1,000 calls.", "entry_price",
     [("free tier", False), ("$1 per 1K requests", False)]),
    ("Gratis for students, €5/month otherwise.", "pricing_model", [("freemium", False)]),
    ("There is no charge for it.", "pricing_model", [("free", False)]),
    ("It runs $15 monthly per seat.", "entry_price", [("$15/seat/month", False)]),
    ("Feel free to ask; the hosted plan is $9/month.", "pricing_model", []),
    ("It's free for 14 days, then £5 a month.", "pricing_model", []),
    ("Free for 14 days, then £5 a month.", "entry_price", [("£5/month", False)]),
    # entry_price: the free offer is the free tier, an allowance alone too
    ("Linting bot (free for 300 checks/mo)", "entry_price", [("free tier", False)]),
    ("Hosting is free under 10,000 visits; beyond that $19 a month.", "entry_price",
     [("free tier", False), ("$19/month", False)]),
    ("Free when you stay below 1 GB.", "entry_price", [("free tier", False)]),
    # per-unit prices: per thing after or before the period
    ("Billing is $40/month per camera.", "entry_price", [("$40/camera/month", False)]),
    ("It costs $12 a month per device.", "entry_price", [("$12/device/month", False)]),
    ("Pricing is €90 per site per month.", "entry_price", [("€90/site/month", False)]),
    ("₹150 per developer per month", "entry_price", [("₹150/seat/month", False)]),
    ("¥3,200 per server per month, paid yearly.", "entry_price", [("¥3,200/server/month", False)]),
    # one-time prices, said before or after the amount
    ("Pay once: $24.", "entry_price", [("$24 one-time", False)]),
    ("One-time payment of €35 for the desktop app.", "entry_price", [("€35 one-time", False)]),
    ("A lifetime licence for £49.", "entry_price", [("£49 one-time", False)]),
    ("It's $7.99 one-time, no subscription.", "entry_price", [("$7.99 one-time", False)]),
    ("€15, once, and it's yours.", "entry_price", [("€15 one-time", False)]),
    # any currency sign or code, any number format
    ("CHF 12 per month", "entry_price", [("CHF 12/month", False)]),
    ("It's 20 USD a month.", "entry_price", [("20 USD/month", False)]),
    ("₩9,900 a month", "entry_price", [("₩9,900/month", False)]),
    ("A$29 per month", "entry_price", [("A$29/month", False)]),
    ("€1.499,00 per year", "entry_price", [("€1,499.00/year", False)]),
    ("SEK 49 per seat per month", "entry_price", [("SEK 49/seat/month", False)]),
    ("We used to pay CHF 200 a month for our old tool.", "entry_price", []),
    # every sign and code a price may begin with (the lowest wins)
    ("Plans: $9/mo, €9/mo, £9/mo, ¥900/mo, ₹900/mo, ₩9,000/mo, USD 9/mo, EUR 9/mo, GBP 9/mo, "
     "CHF 9/mo, JPY 900/mo, INR 900/mo, KRW 9000/mo, CAD 9/mo, NZD 9/mo, SGD 9/mo, "
     "HKD 9/mo, SEK 9/mo, NOK 9/mo, DKK 9/mo, CNY 9/mo, RMB 9/mo, BRL 9/mo, ZAR 9/mo, MXN 9/mo, CZK 9/mo "
     "or 2 USD a week.", "entry_price", [("2 USD/week", False)]),
    # closed source is open_source denied, not a licence; open source for others is not the tool's
    ("The desktop app is closed-source.", "pricing_model", [("open_source", True)]),
    ("It stays closed source while we find a business model.", "license", []),
    ("We're keeping it closed source.", "pricing_model", [("open_source", True)]),
    ("The server is not open-source, but the SDKs are MIT.", "pricing_model", [("open_source", True)]),
    ("Free for open-source projects; $10/month for private ones.", "pricing_model", [("freemium", False)]),
    ("Open-source maintainers get it free.", "pricing_model", [("free", False)]),
    ("It scans closed-source binaries for leaks.", "pricing_model", []),
    # hardware: examples of a stated floor are not floors of their own
    ("Self-hosting needs a 40 GB GPU (an A100 or an L40S).", "hardware", [("40GB GPU", False)]),
    ("It wants one 80GB card, e.g. an H100.", "hardware", [("80GB GPU", False)]),
    ("It needs a single 80 GB GPU such as an H100.", "hardware", [("80GB GPU", False)]),
    ("You need 24 GB of VRAM, such as an RTX 4090 or an RTX 3090.", "hardware", [("24GB GPU", False)]),
    # ... nor is what another model needs
    ("It matches Granite-90B, which needs eight H100s to serve.", "hardware", []),
    ("It matches Zeta-405B, a model that needs 16 H100s.", "hardware", []),
    ("It is on par with Foo-70B (which requires two A100s), yet fits on a laptop CPU.", "hardware",
     [("CPU", False)]),
    ("Faster than Bar, which needs four A100s; ours runs on one L4.", "hardware", [("L4", False)]),
    # ... but devices and cards as people name them are
    ("I run it on my old 3080 at home.", "hardware", [("RTX 3080", False)]),
    ("It gets 40 tokens/s on a spare 4070 Ti.", "hardware", [("RTX 4070 Ti", False)]),
    ("It runs at 12 tokens a second on an iPhone 16 Pro.", "hardware", [("iPhone 16 Pro", False)]),
    ("Tested on a Galaxy S25.", "hardware", [("Galaxy S25", False)]),
    ("It needs a Snapdragon 8 Gen 3 phone or a Coral Edge TPU.", "hardware",
     [("Snapdragon 8 Gen 3", False), ("Coral Edge TPU", False)]),
    ("The case holds a 4050 mAh battery.", "hardware", []),
    ("The GPU is still not required.", "hardware", [("GPU", True)]),
    ("A GPU is also not needed for indexing.", "hardware", [("GPU", True)]),
    # open_weights: weights on request or to licensees are not released; not publishing them is no
    ("Weights are available to enterprise customers on request.", "open_weights", []),
    ("Model weights are available under NDA.", "open_weights", []),
    ("The weights are available on request.", "open_weights", []),
    ("The weights still aren't public.", "open_weights", [("no", False)]),
    ("We are not sharing the model weights.", "open_weights", [("no", False)]),
    ("We aren't releasing weights.", "open_weights", [("no", False)]),
    ("The lab isn't publishing the weights.", "open_weights", [("no", False)]),
    ("It's API-only; we won't be publishing weights.", "open_weights", [("no", False)]),
    ("It beats Foo-7B (61.0), the open model many teams used before.", "open_weights", []),
    ("Quill is the open model our customers rely on.", "open_weights", []),
    ("The weights are available on Hugging Face.", "open_weights", [("yes", False)]),
    # benchmark: a benchmark we have no row for, known by its score
    ("On ContractBench it scores 64.0.", "benchmark", [("ContractBench", False)]),
    ("In FinanceEval the model averaged 71.", "benchmark", [("FinanceEval", False)]),
    ("It reaches 58% on the MedQA-Hard set.", "benchmark", [("MedQA", False)]),
    ("Quill hits 90.3 on ToolArena.", "benchmark", [("ToolArena", False)]),
    ("It averages 68.5 on RiskBench.", "benchmark", [("RiskBench", False)]),
    ("It scores 88.2 on HumanEval and 71 on ContractQA.", "benchmark",
     [("HumanEval", False), ("ContractQA", False)]),
    ("It scores 70 on FooBench, 64 on BarEval and 5 on Android.", "benchmark",
     [("FooBench", False), ("BarEval", False)]),
    ("It gets 77.5 on SWE-bench Verified.", "benchmark", [("SWE-bench", False)]),
    ("On Android it scores 4.7 stars.", "benchmark", []),
    ("On AWS it reaches 99.99% uptime.", "benchmark", []),
    ("In our tests it scored 80.", "benchmark", []),
    ("On ARM it hits 30 tokens/s.", "benchmark", []),
    ("On NVMe it reaches 3 GB/s.", "benchmark", []),
    # context_length: said as the input it takes, or in words
    ("It takes prompts of up to 16,384 tokens.", "context_length", [("16K tokens", False)]),
    ("Documents of up to 65,536 tokens fit in one call.", "context_length", [("64K tokens", False)]),
    ("Maximum input length: 4,096 tokens.", "context_length", [("4K tokens", False)]),
    ("It reads a million tokens at once.", "context_length", [("1M tokens", False)]),
    ("A two million-token context.", "context_length", [("2M tokens", False)]),
    ("It takes a 256-thousand-token window.", "context_length", [("256K tokens", False)]),
    ("Replies run up to 8,192 tokens.", "context_length", []),  # output, not input
    ("Inputs of up to 2,048 tokens are accepted.", "context_length", [("2K tokens", False)]),
    ("Sequences of up to 8,192 tokens are supported.", "context_length", [("8K tokens", False)]),
    ("It handles one million tokens.", "context_length", [("1M tokens", False)]),
    ("Three million tokens fit in its window.", "context_length", [("3M tokens", False)]),
    ("Four million tokens, five million tokens or ten million tokens: it takes them all.",
     "context_length", [("4M tokens", False), ("5M tokens", False), ("10M tokens", False)]),
    ("Trained on a million tokens of legal text.", "context_length", []),
    # parameters: a size beside "architecture" or "dense" is the model's
    ("Same 22B architecture, new tokenizer.", "parameters", [("22B", False)]),
    ("Still a 22B dense model.", "parameters", [("22B", False)]),
    ("It moved to a new 22B building.", "parameters", []),
    # base_model: a base model denied with "no X underneath"; an app not calling a model is no fact
    ("Trained from scratch: there's no Llama underneath.", "base_model", [("Llama", True)]),
    ("No Qwen under the hood, just our own 3B model.", "base_model", [("Qwen", True)]),
    ("It has no Mistral inside.", "base_model", [("Mistral", True)]),
    ("The app doesn't call Gemma under the hood.", "base_model", []),
    # (a family run under the hood is the tool's base, as "under the hood it's X" is: record_tune4,
    # record_tune5 and record_tune10 label it so; this read [] until the fifth facts pass)
    ("It runs Llama under the hood.", "base_model", [("Llama", False)]),
    # distribution: stores and registries named as such, and package registries by name
    ("Install it from the GitHub Marketplace.", "distribution", [("GitHub Marketplace", False)]),
    # (Shopify's store is its own, not Apple's App Store: this read "App Store" until the sixth pass)
    ("Now in the Microsoft Store and the Shopify App Store.", "distribution",
     [("Microsoft Store", False), ("Shopify App Store", False)]),
    ("Find it in the Raycast Store.", "distribution", [("Raycast Store", False)]),
    ("It isn't on CRAN yet.", "distribution", [("CRAN", True)]),
    ("Grab it from Flathub or F-Droid.", "distribution", [("Flathub", False), ("F-Droid", False)]),
    ("Published on NuGet and Packagist.", "distribution", [("NuGet", False), ("Packagist", False)]),
    ("It adds a Feature Store and a Vector Store to your stack.", "distribution", []),
    ("Our Store sells stickers.", "distribution", []),
    # license: licences named after a project
    ("The extension is PostgreSQL-licensed.", "license", [("PostgreSQL", False)]),
    ("Released under the PostgreSQL License.", "license", [("PostgreSQL", False)]),
    ("It is zlib-licensed.", "license", [("Zlib", False)]),
    ("Boost-licensed, header-only.", "license", [("BSL-1.0", False)]),
    ("It syncs PostgreSQL databases.", "license", []),
]


@pytest.mark.parametrize(("text", "kind", "expected"), FAMILY_PHRASES)
def test_family_phrases(text: str, kind: str, expected: list[tuple[str, bool]]):
    assert [(f.value, f.negated) for f in extract_facts(text) if f.kind == kind] == expected


# distribution: a platform the tool is served on
@pytest.mark.parametrize(("text", "expected"), [
    ("Pelagic Labs' Ember 3 is live on Driftwood.", [("Driftwood", False)]),
    ("Ember is now live on BasaltCloud for every account.", [("BasaltCloud", False)]),
    ("Ember 3 is now available on Kiln's cloud.", [("Kiln", False)]),
    ("The keynote is now live on YouTube.", []),
    ("Ember is live on Android and iOS.", []),
    ("Ember is now live on Kickstarter.", []),
])
def test_a_platform_the_tool_is_served_on(text: str, expected: list[tuple[str, bool]]):
    assert [(f.value, f.negated) for f in extract_facts(text) if f.kind == "distribution"] == expected


def vendors_of(title: str, summary: str, *, tool: str, source: str) -> list[str]:
    record = LaunchRecord(source=source, guid="g1", title=title, tool_name=tool, summary=summary)
    return [fact.value for fact in launch_facts(record) if fact.kind == "vendor"]


# vendor: "<Maker>'s <this tool>" names the maker even in a clause about support; a known brand
# opening a showcase headline is the maker only before a versioned product name
@pytest.mark.parametrize(("title", "summary", "tool", "source", "expected"), [
    ("Ember 3", "Driftwood now supports Pelagic Labs' Ember 3.", "Ember 3", "Driftwood Blog",
     ["Pelagic Labs"]),
    ("Ember 3", "Ember now runs Pelagic Labs' Ember 3.", "Ember 3", "Driftwood Blog", ["Pelagic Labs"]),
    ("Quill", "Quill supports Pelagic Labs' Ember 3 out of the box.", "Quill", "Show HN", []),
    ("NVIDIA Lumen 2 - A chip for robots", "A chip for robots", "NVIDIA Lumen 2", "Product Hunt", ["NVIDIA"]),
    ("Google Drive Cleaner - Tidy your files", "Tidy your files", "Google Drive Cleaner", "Product Hunt",
     []),
    ("Microsoft Teams to Notion - Sync notes", "Sync notes", "Microsoft Teams to Notion", "Product Hunt",
     []),
])
def test_makers_named_by_possession_and_versioned_headlines(title: str, summary: str, tool: str,
                                                              source: str, expected: list[str]):
    assert vendors_of(title, summary, tool=tool, source=source) == expected


# parameters: a bare size just after the tool's own name is its size, even in a headline about
# something else; a size in parentheses after another (bundled, default) model is that model's
@pytest.mark.parametrize(("title", "text", "name", "expected"), [
    ("Tagore 9B: contracts, read whole", "", "Tagore", ["9B"]),
    ("Why Tagore-22B reads slowly", "", "Tagore", ["22B"]),
    ("Tagore 4B, now on phones", "", "Tagore 4B", ["4B"]),
    ("Tagore 1.1", "Same 22B architecture; new tokenizer.", "Tagore", ["22B"]),
    ("Tagore 1.1", "Still a 22B dense model.", "Tagore", ["22B"]),
    ("Tagore", "The default embedding model is e5-small (33M params, MIT).", "Tagore", []),
    ("Tagore", "It ships with minilm-l6 (22M parameters) for reranking.", "Tagore", []),
    ("Tagore", "Revenue grew to 3B yen.", "Tagore", []),
])
def test_sizes_by_the_name_and_not_of_a_bundled_model(title: str, text: str, name: str,
                                                       expected: list[str]):
    found = extract_facts(text, title=title, name=name)
    assert [f.value for f in found if f.kind == "parameters"] == expected


# open_weights: checkpoints on the Hub are the weights out; vendor: "<Tool>, from <Maker>,"
@pytest.mark.parametrize(("text", "kind", "expected"), [
    ("Checkpoint on HF as acme/quill-7b.", "open_weights", ["yes"]),
    ("The checkpoints are up on Hugging Face.", "open_weights", ["yes"]),
    ("Quill, from Tern Labs, reads contracts.", "vendor", ["Tern Labs"]),
    ("Quill — by Tern Labs — reads contracts.", "vendor", ["Tern Labs"]),
    ("Quill, made by Tern Labs, reads contracts.", "vendor", ["Tern Labs"]),
    ("Quill reads letters, from Tern Labs to Acme.", "vendor", []),
    ("Quill, by Monday, will sync your notes.", "vendor", []),
])
def test_checkpoints_and_makers_set_off_by_commas(text: str, kind: str, expected: list[str]):
    assert [f.value for f in extract_facts(text, name="Quill") if f.kind == kind] == expected
