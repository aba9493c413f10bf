"""Vendor and platform posts that launch or release a product without "Introducing" or "launch":
a platform bringing another maker's model, speed-ups, "Name: tagline" with a size, licence or price,
texts that open on the product, availability in the text; and what stays other: company news that
names models, routine changelog entries, non-AI projects' release notes, hedges."""

import pytest

from scrapers.classify import EntryKind, Origin, classify, is_ai_product

POST = Origin.POST
BLOG = "https://quarry.example/blog/post"
CHANGELOG = "https://quarry.example/changelog#entry"


def _read(title: str, text: str = "", url: str = BLOG, origin: Origin = POST):
    return classify(title, text, url=url, origin=origin)


@pytest.mark.parametrize(
    ("title", "product"),
    [
        ("Kimi K3 is now on Together AI", "Kimi K3"),
        ("Sable Coder from Tidewater Labs, now on Replicate", "Sable Coder"),
        ("Marlin 7B now in Hearthbox", "Marlin 7B"),
        ("Quokka and Dunlin land in Pebble", "Quokka"),
        ("Ibis Vision comes to Fernbank Cloud", "Ibis Vision"),
        ("Bringing Ptarmigan to every Slack workspace", "Ptarmigan"),
        ("Heron Nano arrive on the Fjord console", "Heron Nano"),
    ],
)
def test_a_platform_bringing_a_model_names_it_in_the_title(title, product):
    verdict = _read(title)
    assert verdict.makes_tool and verdict.product == product


@pytest.mark.parametrize(
    "title",
    ["Our docs are now on GitHub", "The team is now in Berlin", "Support is now in Discord",
     "Orrin 3 is coming to Fjordcloud soon"],
)
def test_a_capitalised_subject_that_is_no_product_or_a_hedge_is_not_a_platform_launch(title):
    assert not _read(title, "We moved things around this month.").makes_tool


@pytest.mark.parametrize(
    ("title", "text", "product"),
    [
        ("Faster Gemma 4 on MLX with multi-token prediction",
         "Gemma 4 is now much faster in Hearth 0.31 on Apple Silicon.", "Hearth 0.31"),
        ("Llama 3.3 70B on Workers AI, now faster", "It runs at twice its old speed.", "Llama 3.3 70B"),
        ("Quill is now 3x faster", "Quill answers in half the time.", "Quill"),
        ("Cheaper Osprey Search for every team", "Osprey Search now costs 40% less per query.",
         "Osprey Search"),
    ],
)
def test_a_product_made_faster_or_cheaper_is_a_release(title, text, product):
    verdict = _read(title, text)
    assert (verdict.kind, verdict.product) == (EntryKind.RELEASE, product)


def test_a_speed_up_title_without_a_speed_up_in_the_text_is_a_tutorial():
    assert not _read("Faster Python in ten steps", "Ten tips for tighter loops.").makes_tool


@pytest.mark.parametrize(
    ("title", "origin"),
    [
        ("Tessera – an 8x7B open-weight MoE from Nimbus AI", Origin.HACKER_NEWS),
        ("Pico Reason: long-context reasoning, billed per token", Origin.HACKER_NEWS),
        ("Leanstral: Open-Source foundation for trustworthy vibe-coding", POST),
        ("Gorse – open weights for code review at 12B", Origin.HACKER_NEWS),
        ("Tansy: reasoning from $0.10 a million tokens", POST),
        ("Lumenfold Whisperer: our on-device transcriber", POST),
    ],
)
def test_a_name_and_tagline_with_a_size_licence_or_price_is_a_launch(title, origin):
    assert _read(title, "", url="https://nimbus.example/blog/x", origin=origin).makes_tool


@pytest.mark.parametrize(
    "title",
    ["Rust: the hard parts", "Kubernetes – a ten-year retrospective", "Postmortem: the March outage"],
)
def test_a_headline_with_a_colon_is_no_launch_without_product_words(title):
    assert not _read(title, "", url="https://essays.example/p/1", origin=Origin.HACKER_NEWS).makes_tool


@pytest.mark.parametrize(
    ("title", "text", "product"),
    [
        ("Speaking of Voxtral", "Voxtral TTS: A frontier, open-weights text-to-speech model that's fast.",
         "Voxtral TTS"),
        ("A new voice for everyone", "Corvina Voice — an open text-to-speech model for 30 languages.",
         "Corvina Voice"),
        ("Small but mighty", "Wren Mini: the first on-device model for offline notes.", "Wren Mini"),
        ("Pocket transcripts", "Our new app, Lumenfold Whisperer, transcribes on-device.",
         "Lumenfold Whisperer"),
    ],
)
def test_a_text_opening_on_the_product_and_what_it_is_is_a_launch(title, text, product):
    verdict = _read(title, text)
    assert verdict.makes_tool and verdict.product == product


@pytest.mark.parametrize(
    "text",
    [
        "Whisper v4 came out yesterday; here it is on our GPUs.",
        "You can now run Merganser on a single 24 GB card.",
        "It is free on the App Store, with no account.",
        "The safeguard models are available in two sizes: 20B and 120B.",
        "Hearth is now in the Fjord library, ready to pull.",
    ],
)
def test_a_text_stating_availability_is_a_launch(text):
    assert _read("OpenAI gpt-oss-safeguard", text).makes_tool


@pytest.mark.parametrize(
    ("title", "text", "product"),
    [
        ("Improved performance and model support with GGUF",
         "Hearth 0.30 is now available with improved performance and GGUF support.", "Hearth 0.30"),
        ("Better memory use on long chats", "Quill 2.4 is out now: long chats take half the memory.",
         "Quill 2.4"),
        ("LM Studio 0.4 with MLX and GGUF side by side", "LM Studio 0.4 runs MLX and GGUF models.",
         "LM Studio 0.4"),
        ("What's new in Quill 2.3", "Quill 2.3 adds folders and offline mode.", "Quill 2.3"),
        ("Wren 1.4 brings offline mode", "Wren 1.4 keeps working on a plane.", "Wren 1.4"),
    ],
)
def test_a_post_on_a_versioned_product_is_a_release_of_it(title, text, product):
    verdict = _read(title, text)
    assert (verdict.kind, verdict.product) == (EntryKind.RELEASE, product)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Ollama: all aboard open models",
         "Serving 8.9 million developers, Ollama has raised $88M from Benchmark."),
        ("Brightwater: the next chapter", "We've raised a $40M Series B to build open models."),
        ("Onward with open models", "Today we closed our $12M funding round with three investors."),
        ("Kestrel: what comes next", "Kestrel raised $30 million to grow its model team."),
    ],
)
def test_a_company_post_about_its_money_is_funding_even_when_it_names_models(title, text):
    assert _read(title, text).reason == "funding"


def test_a_launch_title_beats_a_funding_line_in_its_text():
    verdict = _read("Introducing Kestrel Voice", "Kestrel, which has raised $30M, ships its voice model.")
    assert verdict.kind is EntryKind.LAUNCH


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Billing: invoices in EUR and GBP", "You can now be invoiced in EUR or GBP."),
        ("Dashboard: API keys per project", "Keys can now be scoped to a single project."),
        ("Console now supports dark mode", "Toggle it under Settings."),
        ("Higher rate limits on the Team plan", "Team keys now get 600 requests per minute."),
        ("SDK: retries with backoff", "The Python SDK now retries 429s."),
    ],
)
def test_routine_changelog_entries_are_other(title, text):
    for url in (CHANGELOG, "https://quarry.example/docs/release-notes#x", "https://quarry.example/updates/"):
        assert _read(title, text, url=url).kind is EntryKind.OTHER


@pytest.mark.parametrize(
    ("title", "kind", "product"),
    [
        ("Lumen Docs 2: handwriting and nested tables", EntryKind.RELEASE, "Lumen Docs 2"),
        ("Kestrel Studio 1.1: inline diffs", EntryKind.RELEASE, "Kestrel Studio 1.1"),
        ("Quarry Search 3 — ranked answers", EntryKind.RELEASE, "Quarry Search 3"),
        ("Introducing Lumen Voice", EntryKind.LAUNCH, "Lumen Voice"),
    ],
)
def test_a_changelog_entry_naming_a_versioned_product_is_its_release(title, kind, product):
    verdict = _read(title, "Handwritten fields now come back as JSON.", url=CHANGELOG)
    assert (verdict.kind, verdict.product) == (kind, product)


def test_a_changelog_part_or_week_is_no_versioned_product():
    assert _read("Week 3: smaller fixes", "", url=CHANGELOG).kind is EntryKind.OTHER


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("ty 0.0.1-alpha.34", "Release Notes. Bug fixes. Improve solving of a type variable. " * 12
         + "Defer inference of all parameter annotations."),
        ("tarn 0.9.2", "Bug fixes. Type inference for async context managers; better narrowing."),
        ("ormish 2.1.0", "The data model now keeps field order; fewer queries on joins."),
        ("sitegen 4.0.1", "Generates source maps for every page; faster incremental builds."),
    ],
)
def test_a_non_ai_projects_release_notes_are_not_ai_and_make_a_changelog_entry(title, text):
    assert not is_ai_product(title, text, is_ai_tool=True)
    verdict = classify(title, text, url="https://github.com/o/p/releases/tag/x", origin=Origin.RELEASES,
                       is_ai=False)
    assert (verdict.kind, verdict.reason) == (EntryKind.OTHER, "changelog")


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("vllm-lite 0.7.0", "Serves more models: adds Qwen3 and speculative decoding for inference."),
        ("ferret 2.1.0", "Ferret runs open-weight language models locally; this release adds MLX."),
        ("whisperkit 1.3.0", "Faster transcription on Apple Silicon; new model download cache."),
    ],
)
def test_an_ai_projects_release_notes_are_ai(title, text):
    assert is_ai_product(title, text, is_ai_tool=True)


@pytest.mark.parametrize(
    ("title", "product"),
    [
        ("Kiln Code, generally available", "Kiln Code"),
        ("Sorrel Search, now in public beta", "Sorrel Search"),
        ("Now shipping: Gannet Desk", "Gannet Desk"),
        ("Out now: Dunlin Voice", "Dunlin Voice"),
        ("Just shipped: Pebble Tiles", "Pebble Tiles"),
        ("Open-sourcing Wick, our agent sandbox", "Wick"),
        ("Releasing Tansy Coder to everyone", "Tansy Coder"),
    ],
)
def test_a_title_saying_a_product_ships_without_launch_verbs_is_a_launch(title, product):
    verdict = _read(title)
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, product)


@pytest.mark.parametrize(
    ("title", "text", "product"),
    [
        ("Version 4 of Marten Notes", "", "Marten Notes 4"),
        ("Release 2.3 of Quill", "", "Quill 2.3"),
        ("Bramble gets offline mode in 1.6", "Bramble 1.6 works offline on a plane.", "Bramble 1.6"),
        ("A better inbox", "Gannet Desk 3 adds shared drafts and an audit trail.", "Gannet Desk 3"),
        ("Offline at last", "Heron 2.1 now runs without a connection.", "Heron 2.1"),
        ("Quarry Search, two times faster", "Answers come back in 180 ms.", "Quarry Search"),
        ("Quill gets 3x faster", "Same answers, a third of the wait.", "Quill"),
        ("Sorrel is 40% cheaper", "From today a million tokens cost $0.30.", "Sorrel"),
    ],
)
def test_a_post_on_a_new_version_or_speed_without_a_versioned_title_is_a_release(title, text, product):
    verdict = _read(title, text)
    assert (verdict.kind, verdict.product) == (EntryKind.RELEASE, product)


@pytest.mark.parametrize(
    "text",
    [
        "Tidepool-8B from Marrow Labs is served on Basalt from this morning.",
        "Calls to it cost $0.06 per 1M tokens, with a 64K context.",
        "A 1.5B version that runs offline. Get it from Google Play.",
        "The weights of the 32B model are on Hugging Face under Apache 2.0.",
        "As of today its code is public under the MIT licence.",
        "The help-desk agent ships to all workspaces this week.",
        "After four months in preview, the coding agent is generally available.",
    ],
)
def test_a_text_stating_where_or_for_how_much_a_product_is_had_is_a_launch(text):
    assert _read("Tidepool-8B, served", text).makes_tool


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Coming soon: Heron Voice", "Heron Voice is in private testing and opens later this year."),
        ("Planned for next quarter: Quarry on-prem", "We plan to ship an on-premises Quarry next year."),
        ("Sorrel Voice is coming soon", "It will reach every plan in the spring."),
        ("Join the waitlist for Dunlin Pro", "Dunlin Pro opens to a first hundred teams in March."),
        ("Serve Tidepool-8B with vLLM on two L4s",
         "Tidepool-8B has been out since March; this walkthrough serves it."),
        ("Fine-tune Quill on your support tickets", "A notebook that takes an afternoon."),
        ("The Inference Brief, 28 November",
         "Tidepool-8B is now on Basalt Cloud; Kiln Code is generally available."),
        ("Model Notes — December 3", "Three launches this week: Heron 2 is now on Basalt and more."),
        ("The Friday Dispatch", "Kiln Code is generally available, and Quill 3 is out now."),
    ],
)
def test_hedges_how_tos_and_dated_roundups_are_not_launches(title, text):
    assert not _read(title, text).makes_tool


def test_a_how_to_whose_text_says_the_model_just_came_out_stays_a_launch():
    text = "OpenAI's Whisper v4 came out yesterday. This post serves it on one L4 GPU."
    assert _read("Deploy Whisper v4 on Modal in five minutes", text).makes_tool


@pytest.mark.parametrize(
    ("title", "text", "is_ai"),
    [
        ("heron-serve v0.9.0", "Highlights: speculative decoding for Heron 2; continuous batching on ROCm.",
         True),
        ("tinyserve 0.3.0", "Adds GGUF loading and a KV-cache that spills to disk.", True),
        ("loraforge 1.1.0", "LoRA adapters merge in place; 30% more tokens per second.", True),
        ("ormlet v1.8.2", "Fixes: a model's save() no longer leaks; querysets keep their ordering.", False),
        ("tablekit 3.0.1", "The model layer names its foreign keys; SQL queries are logged.", False),
        ("plinth v2.4.0-beta.1", "Plinth is a utility-first CSS framework; this beta adds container queries.",
         False),
    ],
)
def test_release_notes_tell_an_inference_server_from_an_orm(title, text, is_ai):
    assert is_ai_product(title, text, is_ai_tool=True) is is_ai


@pytest.mark.parametrize(
    ("title", "product"),
    [
        ("Heron has arrived", "Heron"),
        ("Quill Teams goes GA", "Quill Teams"),
        ("Sorrel Voice exits beta", "Sorrel Voice"),
        ("Wren 2 just dropped", "Wren 2"),
        ("Hello, Merganser", "Merganser"),
        ("Welcome Dunlin Pro", "Dunlin Pro"),
        ("Here's Gannet Mini", "Gannet Mini"),
        ("Heron Code, our new coding agent", "Heron Code"),
        ("Try Lattice Translate in your browser", "Lattice Translate"),
        ("Get Corvid Mini for Android", "Corvid Mini"),
    ],
)
def test_more_titles_that_present_a_product(title, product):
    verdict = _read(title)
    assert verdict.makes_tool and verdict.product == product


@pytest.mark.parametrize(
    ("title", "product"),
    [
        ("New in Pinecone Assistant: model choice", "Pinecone Assistant"),
        ("What's new in Heron: folders and search", "Heron"),
        ("New in Quill Teams — shared prompts", "Quill Teams"),
    ],
)
def test_what_is_new_in_a_product_is_a_release_of_it(title, product):
    verdict = _read(title)
    assert (verdict.kind, verdict.product) == (EntryKind.RELEASE, product)


@pytest.mark.parametrize(
    "title",
    [
        "Sunsetting Heron Classic", "Quill v1 API is deprecated", "Retiring the Wren desktop app",
        "Postmortem: the November 12 outage", "Incident report: degraded latency", "2026 in review",
        "Heron passes 1M developers", "Celebrating a year of Quill", "Simpler pricing for teams",
        "Pricing changes for the API", "A conversation with our CTO", "Fireside chat with the Wren team",
        "We're looking for a founding engineer", "Come work on Quill", "Meet us at the AI Infra Expo",
        "Visit us at booth 12", "Getting started with Heron", "An introduction to Quill's API",
        "AI News — December 3, 2026", "Friday links (2026-11-28)",
    ],
)
def test_news_about_a_product_events_jobs_and_periodicals_are_not_launches(title):
    assert not _read(title, "Notes for our users.").makes_tool


def test_an_announcing_verb_is_never_the_product_name():
    verdict = _read("Introducing computer use, a new Claude model", "")
    assert verdict.product is None or not verdict.product.lower().startswith("introducing")


@pytest.mark.parametrize(
    "text",
    ["Fixes a crash in the tokenizer when a prompt ends in an emoji.",
     "Loads safetensors files twice as fast.", "Builds against llama.cpp b4500 and ONNX Runtime 1.20."],
)
def test_release_notes_naming_model_plumbing_are_ai(text):
    assert is_ai_product("kettle 0.4.2", text, is_ai_tool=False)


@pytest.mark.parametrize(
    "title",
    ["Linux und Patente: Open Source bei Microsoft", "Meta at SXSW: how open source AI levels the field",
     "Inside Aria Gen 2: the tech behind the device",
     "Securing AI supply chains: our commitment to model signing",
     "Everything we announced at our first developer day"],
)
def test_a_headline_before_a_colon_is_no_product_name(title):
    assert not _read(title, "A look back.").makes_tool


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Now on Bedrock: Tansy Large", ""),
        ("Now available in Vertex AI: Corvid Flash", ""),
        ("Fathom Search beta opens to everyone", ""),
        ("Quill Canvas is open to all", ""),
        ("Tern Translate: now with 40 languages", ""),
        ("Quill for Teams", "Quill for Teams brings shared workspaces. It costs $12 per seat per month."),
        ("Heron Pro", "Pricing starts at $20 a month, with a free week."),
        ("Wren Cloud", "Everyone can now sign up at wren.example, no waitlist."),
    ],
)
def test_platform_prefixes_open_betas_taglines_and_prices_present_a_product(title, text):
    assert _read(title, text).makes_tool


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Why we moved inference to our own GPUs", "Renting GPUs cost $2 an hour at our volume."),
        ("Scaling Fathom to a billion queries", "How our infra team sharded the index."),
        ("Wren is coming to Android this spring", "Sign up to hear when it lands."),
    ],
)
def test_prices_and_plans_in_essays_and_hedges_make_no_launch(title, text):
    assert not _read(title, text).makes_tool


@pytest.mark.parametrize(
    ("title", "makes_tool"),
    [
        ("Kestrel 34B", True), ("Corvid 2.5 (open weights, Apache 2.0)", True), ("Quill Coder 3", True),
        ("Part 2", False), ("Week 12 (notes)", False), ("The year 2026", False),
    ],
)
def test_a_story_titled_with_a_versioned_name_alone_is_its_launch(title, makes_tool):
    verdict = _read(title, "", url="https://vendor.example/blog/post", origin=Origin.HACKER_NEWS)
    assert verdict.makes_tool is makes_tool


@pytest.mark.parametrize(
    "text", ["Tool calls can now stream; the planner retries.", "Function calling works with every backend.",
             "Adds tool-calling to the Python client."],
)
def test_release_notes_about_tool_calls_are_ai(text):
    assert is_ai_product("agentkit 0.3.0", text, is_ai_tool=False)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Open weights for Heron 2", ""),
        ("Weights of Quill Mini", ""),
        ("A gift for researchers", "We're publishing Heron 2's weights on Hugging Face under MIT."),
        ("Back to the community", "Today we are open-sourcing the model weights of Quill Mini."),
    ],
)
def test_publishing_a_models_weights_is_its_launch(title, text):
    assert _read(title, text).makes_tool


@pytest.mark.parametrize(
    ("title", "text", "kind"),
    [
        ("ferret 1.0.0", "Ferret runs open-weight models locally.", EntryKind.LAUNCH),
        ("tessera v0.1.0", "First public release of the Tessera inference code and weights.",
         EntryKind.LAUNCH),
        ("quillkit v0.2.0", "Initial release: a Python client for the Quill API.", EntryKind.LAUNCH),
        ("ferret 2.1.0", "Adds MLX and a faster CPU backend.", EntryKind.RELEASE),
        ("evalkit v0.4.0", "Runs MMLU-Pro and GPQA in parallel.", EntryKind.RELEASE),
    ],
)
def test_an_ai_projects_first_release_is_its_launch_and_later_ones_releases(title, text, kind):
    verdict = classify(title, text, url="https://github.com/o/p/releases/tag/x", origin=Origin.RELEASES)
    assert verdict.kind is kind


@pytest.mark.parametrize(
    "title",
    ["Senior ML Engineer at Heron (Remote)", "Research Engineer, Evals", "Staff Software Engineer @ Quill",
     "Product Designer (Hybrid, London)"],
)
def test_a_job_boards_titles_are_jobs(title):
    assert _read(title).reason == "job"


def test_a_product_named_engineer_is_still_a_launch():
    assert _read("Heron Engineer: an agent that fixes CI").makes_tool
    assert _read("Introducing Quill Engineer").makes_tool


@pytest.mark.parametrize(
    ("phrases", "texts"),
    [
        ((r"\brouting\b|\broutes?\b", r"\bagents?\b", r"\bagentic\b", r"^how (?:to|we)\b",
          r"\[(?:video|pdf)\]"),
         ["new routes", "routing table", "agentic flows", "an agent", "How to fly", "slides [pdf]", "reroute",
          "magents", "show how to"]),
        ((r"\bsafeguards\b|\bsafeguard (?:your|our)\b", r"\bs[a-z]+ing\b", r"\b\d+B\b"),
         ["our safeguards", "safeguard your keys", "gpt-oss-safeguard", "shipping", "a 7B model", "x7B"]),
    ],
)
def test_a_word_list_matches_as_its_plain_alternation_does(phrases, texts):
    import re

    from scrapers.classify import _words

    plain, built = re.compile("|".join(phrases), re.IGNORECASE), _words(*phrases)
    for text in texts:
        found, expected = built.search(text), plain.search(text)
        assert (found and found.start()) == (expected and expected.start()), text


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Speeding up RAG with Heron Embed", "Heron Embed is available on Hugging Face; here is how."),
        ("Choosing between Quill Mini and Quill Pro", "Quill Mini is available in the API."),
        ("Migrating from Quill 2 to Quill 3", "Quill 3 is available today; this guide covers the changes."),
        ("Serving Heron at scale", "Heron is now served on 4,000 GPUs."),
        ("Fine-tuning Quill Mini on your data", "Quill Mini is available for fine-tuning."),
        ("Optimising prompts for Quill 3", "Quill 3 is available now; prompts that work."),
        ("Acme cut support costs by half with Heron", "Heron is now available to every Acme agent."),
        ("Fjordbank doubled its answer rate using Quill", "Quill is available in every branch."),
    ],
)
def test_how_tos_and_customer_stories_stay_other_though_their_text_says_available(title, text):
    assert not _read(title, text).makes_tool


def test_an_imperative_launch_title_is_no_customer_story():
    text = "Bespoke-Minicheck is now available on Hearth: run it with hearth run minicheck."
    assert _read("Reduce hallucinations with Bespoke-Minicheck", text).makes_tool


@pytest.mark.parametrize("origin", [Origin.HACKER_NEWS, POST])
@pytest.mark.parametrize(
    ("title", "makes_tool"),
    [
        ("Quill 3: A Review", False), ("Quill 3: first impressions", False), ("Quill 3: hands-on", False),
        ("Heron 2: a deep dive into the architecture", False), ("Heron 2 – notes from a week of use", False),
        ("Quill 3: the good, the bad and the ugly", False), ("Quill 3: is it worth it?", False),
        ("Quill 3: a 70B open-weight model", True), ("Heron 2: faster agents for your repo", True),
    ],
)
def test_a_versioned_name_with_a_reviewers_tagline_is_an_article(title, makes_tool, origin):
    assert _read(title, "", url="https://blog.example.org/x", origin=origin).makes_tool is makes_tool


@pytest.mark.parametrize(
    "title",
    ["Import AI 412: robots, rerankers and Heron 2", "The Batch: Heron 2 arrives, Quill 3 gets faster",
     "AI Weekly — Heron 2, Quill 3 and more", "Links for the week", "What I'm reading: December",
     "Last week in agents"],
)
def test_a_newsletters_issue_listing_launches_is_a_newsletter(title):
    assert not _read(title, "Heron 2 is out now; Quill 3 is generally available.").makes_tool


@pytest.mark.parametrize("title", ["Heron 2 arrives, and it is fast", "Heron 2: faster, cheaper and open",
                                   "Quill 3 ships with voice, vision and tools"])
def test_one_products_launch_with_a_list_is_no_roundup(title):
    assert _read(title, "").makes_tool


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Quill Studio", "A desktop app for prompt engineering. Download for macOS and Windows."),
        ("Heron's new voice mode", "Voice mode is rolling out to all users today."),
        ("Meet your new research assistant",
         "Quill Scholar reads papers and answers with citations. Try it free."),
        ("The fastest way to ship agents", "Heron Agents SDK is now open source on GitHub under Apache 2.0."),
        ("Rolling out: memory in Heron",
         "Heron now remembers across chats, rolling out this week to Pro users."),
    ],
)
def test_a_text_that_opens_on_what_the_product_is_or_rolls_it_out_is_a_launch(title, text):
    assert _read(title, text).makes_tool


@pytest.mark.parametrize(
    ("title", "text"),
    [("Research at Heron", "A look at what our research team published this year."),
     ("Our research agenda", "Where we are going next."),
     ("A tool for thought, revisited", "An essay on notebooks.")],
)
def test_research_posts_and_essays_stay_other(title, text):
    assert not _read(title, text).makes_tool
