"""Phrasing classes of the fifth facts pass, each in wordings of our own (none copied from the
labelled sets), with the distractor beside it that the rule must not read: base models said as
"powered by", "under the hood", "wraps", a model card's "Base model:" line, a quantised base, a
base denied with "not by"."""

from __future__ import annotations

import pytest

from scrapers.facts import extract_facts

# (text, kind, expected (value, negated) pairs in order)
PASS5_PHRASES: list[tuple[str, str, list[tuple[str, bool]]]] = [
    # asked whether it runs on one, the answer decides
    ("Does it run on Whisper? Also no: the model is our own.", "base_model", [("Whisper", True)]),
    ("Do you rely on Gemini? Yes, Gemini 2.5 Flash for now.", "base_model", [("Gemini", False)]),
    # a base model said as what powers or is wrapped by the tool (known families only)
    ("Meeting minutes in one click, powered by Gemini 2.5 Flash.", "base_model", [("Gemini", False)]),
    ("Our support bot is powered by Llama 3.3 70B on our own servers.", "base_model", [("Llama", False)]),
    ("Ledgerfox wraps Claude with a bookkeeping prompt library.", "base_model", [("Claude", False)]),
    ("A thin wrapper around Qwen3 for Cantonese subtitles.", "base_model", [("Qwen", False)]),
    ("Helmsman runs on Mistral Large in the EU.", "base_model", [("Mistral", False)]),
    ("The replies come from Gemma 3, hosted by us.", "base_model", [("Gemma", False)]),
    # ... not a runtime, a service or a platform
    ("Powered by Stripe and Postgres, billed monthly.", "base_model", []),
    ("It runs on Apple Silicon and Windows on ARM.", "base_model", []),
    # a family run "under the hood"; denied there, it says nothing (an app may call no model)
    ("Scrivener Pal uses Phi-4-mini under the hood, so it works offline.", "base_model", [("Phi", False)]),
    ("It quietly runs Qwen2.5 7B underneath, with no cloud calls.", "base_model", [("Qwen", False)]),
    ("The app doesn't use Llama under the hood any more.", "base_model", []),
    ("Underneath is a distilled Whisper medium on our GPUs.", "base_model", [("Whisper", False)]),
    # a model card's line
    ("Base model: Mistral-Nemo-12B", "base_model", [("Mistral-Nemo", False)]),
    ("Backbone | Gemma 2 9B", "base_model", [("Gemma", False)]),
    ("Base model: our own, trained from scratch", "base_model", []),
    # a base named with how it was shrunk: its size is the base's, not the tool's
    ("Pocketfox is Llama 3.2 3B squeezed to 3-bit for old phones.", "base_model", [("Llama", False)]),
    ("Pocketfox is Llama 3.2 3B squeezed to 3-bit for old phones.", "parameters", []),
    ("The bot uses Qwen2.5 0.5B, compressed to 4-bit.", "base_model", [("Qwen", False)]),
    # a base denied with "not by" / "not from"
    ("Captions are written by our own model, not by Whisper.", "base_model", [("Whisper", True)]),
    ("Summaries come from a model we trained, not from GPT-4o.", "base_model", [("GPT", True)]),
    # tuned with a method named before "tuned", and a fine-tune told by an adjective
    ("Krill is DPO-tuned on Llama 3.1 8B for polite refusals.", "base_model", [("Llama", False)]),
    ("We QLoRA-tuned it from Gemma 2 on 30k dialogues.", "base_model", [("Gemma", False)]),
    ("It is not a multilingual BERT fine-tune.", "base_model", [("BERT", True)]),
    ("Ours is a distilled Qwen derivative.", "base_model", [("Qwen", False)]),
    # a browser's or an editor's extension is published through its store
    ("Tabwise is a Chrome extension for research tabs.", "distribution", [("Chrome Web Store", False)]),
    ("Get the Firefox add-on, or use the web app.", "distribution", [("Firefox Add-ons", False)]),
    ("It ships as a VS Code extension with a CLI.", "distribution", [("VS Code Marketplace", False)]),
    ("Our Visual Studio Code extension is out today.", "distribution", [("VS Code Marketplace", False)]),
    # installers of other registries
    ("Add it to a project with cargo add tallow.", "distribution", [("crates.io", False)]),
    ("pnpm add @quern/sdk and you are set.", "distribution", [("npm", False)]),
    ("Install it with gem install snipe.", "distribution", [("RubyGems", False)]),
    # an app for both phones is in both stores, in either order
    ("Available on iOS and Android today.", "distribution", [("App Store", False), ("Google Play", False)]),
    ("Free for Android & iOS, no ads.", "distribution", [("App Store", False), ("Google Play", False)]),
    ("Our iOS and Android SDKs are MIT licensed.", "distribution", []),
    # plug-in catalogues of design and chat tools
    ("Find it in the Figma Community.", "distribution", [("Figma Community", False)]),
    ("Listed in the Slack App Directory since Monday.", "distribution", [("Slack App Directory", False)]),
    # a list of what the tool talks to is no store
    ("It talks to any backend you like: Ollama, OpenRouter or Replicate.", "distribution", []),
    ("Hooligan connects to the providers you already pay for: Replicate, OpenRouter and Bedrock.",
     "distribution", []),
    # a store answered "not yet" / "no" in a list
    ("Chrome: in the Chrome Web Store\nFirefox add-on: not yet", "distribution",
     [("Chrome Web Store", False), ("Firefox Add-ons", True)]),
    ("App Store: yes. Google Play – no, iPhone only.", "distribution",
     [("App Store", False), ("Google Play", True)]),
    # a zero price with an allowance, and a price after a free allowance, are a free tier
    ("€0 for two boards, then €5 per board per month.", "entry_price",
     [("free tier", False), ("€5/board/month", False)]),
    ("$0 up to 300 pages; heavier users pay $19/mo.", "entry_price",
     [("free tier", False), ("$19/month", False)]),
    ("£4 a month after your first 20 free scans.", "entry_price",
     [("free tier", False), ("£4/month", False)]),
    ("Plans start at $12/mo beyond 1,000 free calls.", "pricing_model", [("freemium", False)]),
    ("£0 for one project, £6/month after that.", "entry_price", [("free tier", False), ("£6/month", False)]),
    ("We charged $0 for it in 2019; it is $9/month now.", "entry_price", [("$9/month", False)]),
    # a price of nothing is a free tool
    ("Pricing: $0. There is nothing to upgrade to.", "pricing_model", [("free", False)]),
    ("The desktop app costs €0, now and later.", "pricing_model", [("free", False)]),
    ("Pricing: £0, with no account needed.", "pricing_model", [("free", False)]),
    # free for a class of users named in a list
    ("Free for churches and schools; €15 a month otherwise.", "entry_price",
     [("free tier", False), ("€15/month", False)]),
    ("It's free for museums or libraries, and CHF 40/month for firms.", "entry_price",
     [("free tier", False), ("CHF 40/month", False)]),
    # a plan denied is said even where "planned" is in it
    ("Free forever, and no paid plan is planned.", "pricing_model", [("free", False), ("paid", True)]),
    ("There is no free tier planned, sorry: Pro is $10/month.", "entry_price",
     [("free tier", True), ("$10/month", False)]),
    ("A free tier is planned for spring.", "entry_price", []),
    # a count of data is no model size, beside a model's own
    ("Our 7B model was trained on 2B tokens of Basque.", "parameters", [("7B", False)]),
    ("The model was pre-trained on 900B tokens and tuned on 4B words of chat.", "parameters", []),
    ("It is a 1.5B model for Breton.", "parameters", [("1.5B", False)]),
    # a Mac's memory said beside Apple Silicon
    ("Needs Apple Silicon + 16GB; older Macs are too slow.", "hardware",
     [("16GB RAM", False), ("Apple Silicon", False)]),
    ("Runs on Apple Silicon with 32GB or more.", "hardware", [("32GB RAM", False), ("Apple Silicon", False)]),
    # laptops by model
    ("Tested on a ThinkPad T480 with no GPU at all.", "hardware", [("ThinkPad T480", False), ("GPU", True)]),
    ("Works offline on a school Chromebook.", "hardware", [("Chromebook", False)]),
    # the machine the author built it on is not what it needs
    ("I built it on my M3 MacBook Pro over the summer.", "hardware", []),
    ("We prototyped Gull on our old Mac mini; it needs 4 GB of RAM.", "hardware", [("4GB RAM", False)]),
    ("It runs at 9 tokens a second on a MacBook Air.", "hardware", [("MacBook Air", False)]),
    # an answer said in other words decides the question
    ("Do I need a GPU? Not at all, a laptop CPU does.", "hardware", [("GPU", True), ("CPU", False)]),
    ("Is it open source? Never, sorry.", "pricing_model", [("open_source", True)]),
    ("Is there a free tier? Sure, for one user.", "entry_price", [("free tier", False)]),
    # the makers naming themselves
    ("Hi HN, we (Tarn Labs) built a linter for prompts.", "vendor", [("Tarn Labs", False)]),
    ("We at Gorse AI made Tallow because our notes were a mess.", "vendor", [("Gorse AI", False)]),
    ("We at last shipped the Windows build.", "vendor", []),
    # MIT second in a licence expression
    ("Dual-licensed Apache-2.0 OR MIT, as most crates are.", "license",
     [("Apache-2.0", False), ("MIT", False)]),
    ("You may use it under Apache 2.0 or MIT, at your choice.", "license",
     [("Apache-2.0", False), ("MIT", False)]),
    ("Founded by 2 MIT alumni.", "license", []),
    # fine-tuning named as a method of its own, beside another
    ("Method: supervised fine-tuning, then DPO.", "technique", [("DPO", False), ("fine-tuning", False)]),
    ("Trained with SFT on 40k tickets and a GRPO pass.", "technique",
     [("GRPO", False), ("fine-tuning", False)]),
    # a Llama licence keeps the version the text gives
    ("Its weights are on the Hub under the Llama 3.3 Community License.", "license",
     [("Llama 3.3 community license", False)]),
    ("Released under the Llama 4 community licence, like its base.", "license",
     [("Llama 4 community license", False)]),
    ("Released under the Llama Community License.", "license", [("Llama community license", False)]),
    # a part's licence is not the tool's
    ("The app is closed source, but the SDK is MIT.", "license", []),
    ("It isn't open source, though its plugins are licensed under Apache-2.0.", "license", []),
    ("We're closed source, but our importers are (BSD-3-Clause) on GitHub.", "license", []),
    ("The code is MIT and the weights are CC-BY-4.0.", "license", [("MIT", False), ("CC-BY-4.0", False)]),
    # one model told by its precision is the tool's; models it reads are not
    ("Offline mode downloads a 4-bit model to your phone.", "quantisation", [("4-bit", False)]),
    ("It ships an 8-bit model for older laptops.", "quantisation", [("8-bit", False)]),
    ("It runs 4-bit models from any hub.", "quantisation", []),
    ("Our engine adds an MLX backend.", "quantisation", []),
    # a size before what a model is sold as
    ("Bryn - A 1.1B Welsh tutor for primary schools", "parameters", [("1.1B", False)]),
    ("Our 4B coding assistant runs offline on a laptop.", "parameters", [("4B", False)]),
    ("It raised $3B in assistant revenue.", "parameters", []),
    # the channel a tool calls its model through is no store
    ("Quire runs on Claude through Amazon Bedrock.", "distribution", []),
    ("Answers come from Llama 3 via Replicate, and the app is on the App Store.", "distribution",
     [("App Store", False)]),
    ("Our model is on Replicate.", "distribution", [("Replicate", False)]),
    # a tier list whose period is said once, after it
    ("Starter €19 · Team €49 · Business €149, all per month", "entry_price", [("€19/month", False)]),
    ("Solo $9 | Team $29 | Scale $99, each per month.", "entry_price", [("$9/month", False)]),
    ("Plans: £5, £12 or £30, all a month.", "entry_price", [("£5/month", False)]),
    ("Starter €19 · Team €49", "entry_price", []),
    ("The client libraries are Apache-2.0; the server is AGPL-3.0.", "license",
     [("Apache-2.0", False), ("AGPL-3.0", False)]),
]


@pytest.mark.parametrize(("text", "kind", "expected"), PASS5_PHRASES)
def test_pass5_phrase(text: str, kind: str, expected: list[tuple[str, bool]]) -> None:
    got = [(fact.value, fact.negated) for fact in extract_facts(text) if fact.kind == kind]
    assert got == expected
