"""Fact extraction and the AI-tool test, on the published seed descriptions and on small phrases."""

from __future__ import annotations

import importlib
import pkgutil
import re

import feedparser
import pytest

from scrapers import facts
from scrapers.facts import (
    AI_SIGNALS,
    MAX_SNIPPET_CHARS,
    Rule,
    Sentences,
    extract_facts,
    is_ai_tool,
    split_sentences,
)
from scrapers.records import FACT_KINDS
from tests.scrapers.test_facts_families import FAMILY_PHRASES
from tests.scrapers.test_facts_forms import FORMS
from tests.scrapers.test_facts_general import GENERAL_PHRASES
from tests.scrapers.test_facts_kinds import KIND_PHRASES
from tests.scrapers.test_facts_pass5 import PASS5_PHRASES
from tests.scrapers.test_facts_pass6 import PASS6_PHRASES
from tests.scrapers.test_facts_pass7 import PASS7_PHRASES
from tests.scrapers.test_facts_pass8 import PASS8_PHRASES
from tests.scrapers.test_facts_pass10 import PASS10_PHRASES
from tests.scrapers.test_facts_pass11 import PASS11_PHRASES
from tests.scrapers.test_facts_pass12 import PASS12_PHRASES
from tests.scrapers.test_facts_pass13 import PASS13_PHRASES
from tests.scrapers.test_facts_world import FORMS as WORLD_FORMS
from verdicts.settings import SAMPLES_DIR

# The tool descriptions of the three published comparison pages (../shared/seeds).
SEEDS = {
    "codestral": (
        "Codestral 2 - Mistral's 22B Apache 2.0 code model beats GPT-4o on HumanEval",
        "Codestral 2 is Mistral AI's second-generation code-specialized model, released under the "
        "Apache 2.0 license with 22 billion parameters. It ships with native fill-in-the-middle "
        "(FIM) support, context up to 256K tokens, and benchmarks that outperform GPT-4o on both "
        "HumanEval and MBPP according to Mistral's internal evals — a significant claim for an "
        "open-weight model. The model is designed for three primary use cases: inline code "
        "completion (with FIM), multi-file code generation with long context, and agentic coding "
        "tasks where the model needs to reason about large codebases. Mistral has also optimized "
        "it specifically for the most popular languages of 2026: Python, TypeScript, Go, Rust, "
        "and SQL. Integration support covers Cursor, Continue.dev, VS Code, and direct API access "
        "via the Mistral API and HuggingFace. For the open-source community, Codestral 2 arrives "
        "at the right moment. The local LLM coding space has been dominated by Qwen3-Coder "
        "variants, and Codestral 2 offers a Western-lab alternative with a permissive license, "
        "strong fill-in-the-middle performance, and a model size that fits comfortably on a "
        "single A100 or dual consumer GPUs at Q4 quantization.",
    ),
    "code-llama-4": (
        "Code Llama 4 (70B & 400B) - Meta's open-source code models: 70B and 400B, "
        "self-hostable and free",
        "Meta has open-sourced Code Llama 4 in 70B and 400B parameter variants under a permissive "
        "research license, targeting state-of-the-art performance on HumanEval and SWE-bench "
        "benchmarks. The models support function calling and long-context code completion, and "
        "are available for download on Hugging Face. Developers can self-host, fine-tune, or "
        "integrate the weights into their own pipelines without per-token API costs.",
    ),
    "llama-4-compact": (
        "Llama 4 Compact (12B) - Meta's 12B edge-optimized open model for on-device inference",
        "Llama 4 Compact is a 12-billion-parameter language model from Meta, quantized and "
        "optimized for inference on mobile and edge hardware. The weights are freely available on "
        "Hugging Face under the Llama community license. Meta claims it outperforms comparable "
        "open models on MMLU and HumanEval benchmarks.",
    ),
    "model-fusion": (
        "OpenRouter Model Fusion - Run a prompt through multiple LLMs simultaneously and fuse "
        "the best answer into one",
        "OpenRouter Model Fusion is an experimental feature from OpenRouter Labs that runs a "
        "single prompt through multiple LLMs in parallel and uses a configurable judge model to "
        "synthesize the best aspects of each response into one unified answer. Instead of "
        'picking a single model and hoping it performs, developers can specify a "fusion pool" '
        "— e.g., Claude 3.7 Sonnet + Gemini 2.5 Pro + GPT-4o — and a judge model that evaluates "
        "and merges their outputs. The feature is still experimental but available to any "
        "OpenRouter user with an API key.",
    ),
}


def values(facts, kind: str) -> list[str]:
    return [f.value for f in facts if f.kind == kind]


def seed_facts(seed: str):
    title, text = SEEDS[seed]
    return extract_facts(text, title=title)


@pytest.mark.parametrize(
    ("seed", "kind", "expected"),
    [
        ("codestral", "vendor", ["Mistral AI"]),
        ("codestral", "category", ["Developer Tools"]),
        ("codestral", "license", ["Apache-2.0"]),
        ("codestral", "open_weights", ["yes"]),
        ("codestral", "parameters", ["22B"]),
        ("codestral", "context_length", ["256K tokens"]),
        ("codestral", "hardware", ["A100", "2x consumer GPU"]),
        ("codestral", "benchmark", ["HumanEval", "MBPP"]),
        ("codestral", "benchmark_self_reported", ["yes"]),
        ("codestral", "entry_price", []),
        ("code-llama-4", "vendor", ["Meta"]),
        ("code-llama-4", "license", ["research license"]),
        ("code-llama-4", "open_weights", ["yes"]),
        ("code-llama-4", "parameters", ["70B", "400B"]),
        ("code-llama-4", "pricing_model", ["open_source", "free"]),
        ("code-llama-4", "benchmark", ["HumanEval", "SWE-bench"]),
        ("code-llama-4", "benchmark_self_reported", ["yes"]),
        ("code-llama-4", "context_length", []),
        ("llama-4-compact", "vendor", ["Meta"]),
        ("llama-4-compact", "license", ["Llama community license"]),
        ("llama-4-compact", "open_weights", ["yes"]),
        ("llama-4-compact", "parameters", ["12B"]),
        ("llama-4-compact", "hardware", ["mobile and edge hardware"]),
        ("llama-4-compact", "benchmark", ["MMLU", "HumanEval"]),
        ("llama-4-compact", "benchmark_self_reported", ["yes"]),
        ("model-fusion", "vendor", ["OpenRouter"]),
        ("model-fusion", "category", ["Developer Tools"]),
        ("model-fusion", "license", []),
        ("model-fusion", "open_weights", []),
        ("model-fusion", "parameters", []),
        ("model-fusion", "benchmark", []),
        ("model-fusion", "entry_price", []),
    ],
)
def test_seed_descriptions(seed: str, kind: str, expected: list[str]):
    assert values(seed_facts(seed), kind) == expected


# (text, fact kind, the values expected of that kind): small phrases, one behaviour each.
PHRASES = [
    # parameters
    ("A 12-billion-parameter model for laptops.", "parameters", ["12B"]),
    ("The model comes in 7B, 13B and 70B parameter sizes.", "parameters", ["7B", "13B", "70B"]),
    ("Our 350M-parameter speech model runs offline.", "parameters", ["350M"]),
    ("The company raised $2B last year.", "parameters", []),
    ("We shipped 3B requests last month.", "parameters", []),
    # context length
    ("The model has a 128k context window.", "context_length", ["128K tokens"]),
    ("It takes a context window of 1 million tokens.", "context_length", ["1M tokens"]),
    ("It supports a context of 32,000 tokens.", "context_length", ["32K tokens"]),
    ("Input costs $0.30 per 1M tokens with a long context.", "context_length", []),
    # prices
    ("Input costs $0.30 per 1M tokens.", "entry_price", ["$0.30 per 1M tokens"]),
    ("Output: $1.20 per million output tokens.", "entry_price", ["$1.20 per 1M tokens"]),
    ("Pro costs $20/month.", "entry_price", ["$20/month"]),
    ("Teams pay $8 per user per month.", "entry_price", ["$8/seat/month"]),
    ("There is a free tier; Pro is $10 a month.", "entry_price", ["free tier", "$10/month"]),
    ("Buy it once for $39 one-time.", "entry_price", ["$39 one-time"]),
    # pricing model
    ("There is a free tier; Pro is $10/month.", "pricing_model", ["freemium"]),
    ("Free for small teams, $8/user/month after that.", "pricing_model", ["freemium"]),
    ("Plans start at $12/month.", "pricing_model", []),
    ("Billing is pay-per-token.", "pricing_model", ["paid"]),
    ("It is open-source and free to self-host.", "pricing_model", ["open_source", "free"]),
    ("Start a 14-day free trial, then $12/month.", "pricing_model", []),
    # licences
    ("Released under the Apache License, Version 2.0.", "license", ["Apache-2.0"]),
    ("The code is MIT-licensed.", "license", ["MIT"]),
    ("Released under the MIT license.", "license", ["MIT"]),
    ("MIT researchers trained the model.", "license", []),
    ("The library is GPLv3.", "license", ["GPL-3.0"]),
    ("The server is AGPL-3.0.", "license", ["AGPL-3.0"]),
    ("Weights ship under CC BY-NC 4.0.", "license", ["CC-BY-NC-4.0"]),
    ("The model uses a research-only license.", "license", ["research license"]),
    ("It is under the Kestrel Community License.", "license", ["Kestrel community license"]),
    ("It is a proprietary model.", "license", ["proprietary"]),
    # open weights
    ("The weights are on Hugging Face.", "open_weights", ["yes"]),
    ("An open-weight model for coding.", "open_weights", ["yes"]),
    ("The lab has open-sourced the model.", "open_weights", ["yes"]),
    ("We open-sourced our CLI.", "open_weights", []),
    ("It is API-only: the weights will not be released.", "open_weights", ["no"]),
    ("Unlike closed-weight rivals, it is an open-weight model.", "open_weights", ["yes"]),
    # hardware
    ("Quantized, it runs in 24GB of VRAM.", "hardware", ["24GB GPU"]),
    ("It fits on a single A100.", "hardware", ["A100"]),
    ("Full precision needs 2x H100.", "hardware", ["2x H100"]),
    ("It runs on Apple Silicon with 8GB of RAM.", "hardware", ["8GB RAM", "Apple Silicon"]),
    # benchmarks and who measured them
    ("It scores 92 on HumanEval+ and 61 on SWE-bench Verified.", "benchmark",
     ["HumanEval", "SWE-bench"]),
    ("It beats rivals on MMLU-Pro and GPQA.", "benchmark", ["MMLU-Pro", "GPQA"]),
    ("Good at MATH and GSM8K.", "benchmark", ["MATH", "GSM8K"]),
    ("We do the math for you.", "benchmark", []),
    ("It leads HumanEval, according to our internal evals.", "benchmark_self_reported",
     ["yes"]),
    ("Acme claims a new high on MMLU.", "benchmark_self_reported", ["yes"]),
    ("Its MTEB results were independently verified.", "benchmark_self_reported", ["no"]),
    ("It scores 90 on HumanEval.", "benchmark_self_reported", []),
    ("According to the docs, it is fast.", "benchmark_self_reported", []),
    # vendors
    ("A new code model from Mistral AI.", "vendor", ["Mistral AI"]),
    ("Acme Robotics has launched Gripper, a planning agent.", "vendor", ["Acme Robotics"]),
    ("Today Lumenfold Labs has released Kestrel.", "vendor", ["Lumenfold Labs"]),
    ("It beats GPT-4o on HumanEval.", "vendor", []),
    ("Migrate from Notion in one click.", "vendor", []),
    # categories
    ("An AI writing partner for essays and long-form drafts.", "category", ["Writing"]),
    ("Turn sketches into editable vector illustration.", "category", ["Design"]),
    ("Meeting notes become tasks before the call ends.", "category", ["Productivity"]),
    ("Dub your video into 14 languages with voice cloning.", "category", ["Audio & Video"]),
    ("Summarise research papers with citations.", "category", ["Research"]),
    ("Ask your spreadsheet questions and get charts.", "category", ["Data & Analytics"]),
    ("Code review for every pull request.", "category", ["Developer Tools"]),
    ("A friendly new thing.", "category", []),
]


@pytest.mark.parametrize(("text", "kind", "expected"), PHRASES)
def test_phrases(text: str, kind: str, expected: list[str]):
    assert values(extract_facts(text), kind) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://mistral.ai/news/codestral-2", ["Mistral AI"]),
        ("https://ai.meta.com/blog/llama", ["Meta"]),
        ("https://notmistral.ai/", []),
        ("https://pixelsmith.example/", []),
        (None, []),
    ],
)
def test_vendor_from_the_url_host(url: str | None, expected: list[str]):
    assert values(extract_facts("A new model for developers.", url=url), "vendor") == expected


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_every_fact_carries_the_sentence_it_came_from(seed: str):
    title, text = SEEDS[seed]
    sentences = split_sentences(title) + split_sentences(text)
    facts = seed_facts(seed)
    kinds = [f.kind for f in facts]
    assert kinds and kinds == sorted(kinds, key=FACT_KINDS.index)
    for fact in facts:
        assert 0 < len(fact.snippet) <= MAX_SNIPPET_CHARS
        assert any(fact.snippet.strip("…") in sentence for sentence in sentences), fact


def test_a_long_sentence_is_cut_around_the_fact():
    sentence = "It " + "really " * 80 + "ships under the Apache 2.0 license, " + "truly " * 60 + "."
    (fact,) = [f for f in extract_facts(sentence) if f.kind == "license"]
    assert len(fact.snippet) <= MAX_SNIPPET_CHARS
    assert "Apache 2.0" in fact.snippet
    assert fact.snippet in sentence and fact.snippet != sentence.strip()


@pytest.mark.parametrize("text", ["", "   ", "Nothing to see here."])
def test_no_facts_from_empty_or_bland_text(text: str):
    assert extract_facts(text) == []


def test_extraction_is_deterministic():
    title, text = SEEDS["codestral"]
    assert extract_facts(text, title=title) == extract_facts(text, title=title)


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (SEEDS["codestral"][0], SEEDS["codestral"][1], True),
        (SEEDS["model-fusion"][0], SEEDS["model-fusion"][1], True),
        ("Show HN: Murmur – private transcription for your Mac", "Runs offline.", True),
        ("Ledgerlens - Ask your spreadsheets questions", "An AI analyst for your data.", True),
        ("Embed 2: multilingual embeddings API", "Now generally available.", True),
        ("The Lab Podcast, Episode 31: training Kestrel", "An AI model deep dive.", False),
        ("Ep. 12 – what agents can't do yet", "Our LLM team talks shop.", False),
        ("Lumenfold is hiring ML engineers", "Join us to train models.", False),
        ("We're hiring: founding AI engineer", "Work on our agent platform.", False),
        ("Ask HN: Who is hiring? (November 2026)", "Please state the location.", False),
        ("Webinar: shipping LLM features safely", "Register for our webinar.", False),
        ("AI Summit 2026 recap", "Highlights from the model talks.", False),
        ("Q3 2026 results: AI revenue up", "Quarterly earnings call transcript.", False),
        ("Weekly update", "In this episode we discuss generative AI.", False),
        ("Show HN: A faster tar in Rust", "Compresses files quickly.", False),
    ],
)
def test_is_ai_tool(title: str, text: str, expected: bool):
    assert is_ai_tool(title, text) is expected


@pytest.mark.parametrize(
    ("feed", "entries", "not_tools"),
    [
        ("launchpad.atom", 6, set()),
        ("show-hn.rss", 5, {"Ask HN: Who is hiring? (November 2026)"}),
        (
            "vendor-blog.rss",
            5,
            {"Lumenfold Dispatch, Episode 31: what we learned training Kestrel"},
        ),
    ],
)
def test_the_sample_feeds_parse_and_sort_tools_from_the_rest(feed: str, entries: int, not_tools):
    parsed = feedparser.parse((SAMPLES_DIR / "feeds" / feed).read_bytes())
    assert parsed.bozo == 0 and len(parsed.entries) == entries
    assert len({e.id for e in parsed.entries}) == entries and all(e.link for e in parsed.entries)
    rejected = {e.title for e in parsed.entries if not is_ai_tool(e.title, e.get("summary", ""))}
    assert rejected == not_tools


# ---------------------------------------------------------------------------------------------
# Rules are tried only where their `starts` say a match can begin: the same matches as a scan
# ---------------------------------------------------------------------------------------------

# Texts at the edges of that claim: letters IGNORECASE folds oddly (ſ ı İ and the Kelvin sign),
# digits \d reads beyond 0-9, quotes and dashes against words, keys inside other words, matches
# side by side, and sentence breaks.
EDGE_TEXTS = [
    "Releaſed under the Apache Licenſe 2.0, with 7B parameterſ and a 128K context window.",
    "İnference needs 24GB VRAM on a ſingle A100; the MİT license and ı-dotless AGPL-3.0 apply.",
    "A 128\u212a token context (Kelvin sign) and a 7B MODEL from ACME LABS.",
    "The ٣B model and the ٤٥B checkpoint: weights are available on Hugging Face.",
    "“Apache 2.0” and ‘MIT licensed’ — Meta’s model, Mistral's model, OpenAI's API.",
    "according to accordingly; community licence; sccs; abcd; freely; free-form; free tier.",
    "code review code review codebase coder; MIT MIT-licensed under the MIT license.",
    "2x7B params, 12.5B parameters, 1,000,000 tokens, 32,000 tokens context, $0.30 per 1M tokens.",
    "e.g. MIT. Then Apache 2.0! vs. GPL-3.0? Inc. ships. One.\n\nTwo\nthree",
    "It is API-only: the weights will not be released. Not open-source, hosted-only.",
    "Acme Robotics has launched Gripper. Today Lumenfold Labs has just released Kestrel.",
    "It scores 92 on HumanEval+, MMLU-Pro, MMLU, GSM-8K and MATH-500, per our internal evals.",
    "The weights are on HF. The first 100 pages a month are free; up to 3 seats are free. No cost to try.",
    "Runs on M2 Pro Macs, Apple Silicon, a Raspberry Pi 5, two RTX 4090 Ti and edge devices.",
    "$20/month, $8 per user per month, $39 one-time, pay-per-token, per-token pricing, freemium.",
    # Every `starts` of every rule, at the head of a match (test_every_start_is_exercised).
    "It has tools from Acme, apps by Acme, assistants from Acme and agents by Acme.",
    "APIs by Acme. A family from Acme.",
    "A release by Acme. An editor by Acme. A platform from Acme. A plugin by Acme.",
    "An extension from Acme. A service by Acme. A suite from Acme. A checkpoint by Acme.",
    "A runtime from Acme. A library by Acme. An SDK from Acme. Built by Acme's team.",
    "Google DeepMind's model, Alibaba Cloud's model and AI21 Labs's model beat Anthropic's.",
    "Alibaba says so. AI21 claims so. Cohere says so. DeepMind reports so. DeepSeek's model.",
    "Google claims so. Meta AI's model. Microsoft says so. NVIDIA's chips. OpenRouter's API.",
    "Perplexity says so. Stability AI's model. xAI's model. Mistral AI's model. OpenAI's model.",
    "Debugging in the IDE with llama.cpp, pull requests, an SDK and vLLM for developers.",
    "Design for designer and designers: icons, a logo, a mockup, mockups, typography.",
    "A wireframe, wireframes, copywriting, editorial, grammar, a manuscript, prose, a writer, writers.",
    "A calendar, an inbox, scheduling, a to-do list and workflow automation.",
    "Music, a podcast, transcribe it; peer-reviewed scientific work; analytics and BI.",
    "BSD-3-Clause, a 3-clause BSD, BSD 2-Clause, a 2-clause BSD, MPL-2.0, the Mozilla Public License.",
    "CC-BY-4.0, OpenRAIL-M, a non-commercial license and closed-source code.",
    "There are no weights. Download the weights here.",
    "On one A100, four H100, eight L40S, M1 Macs, M3 Max Macs, M4 Ultra Mac, CPU-only runs.",
    "It runs on phone devices and laptop hardware.",
    "AIME, HellaSwag, ARC-Challenge, BigCodeBench, LiveCodeBench, Aider Polyglot, MT-Bench.",
    "MT Bench, IFEval, TruthfulQA, MMMU, Chatbot Arena, LMSYS Arena and LM Arena scores.",
    "In-house evals and own benchmarks are self-reported, vendor-reported; the company says so.",
    "It reports that; third-party runs on a public leaderboard, reproduced by and verified by others.",
    "Per token pricing, paid plans, per seat, pricing starts low; at no cost, at no charge.",
    "We're hiring, we’re hiring, were hiring: apply now, open roles; register for the webinar.",
    "The earnings call. A.I. and machine learning, neural nets, a copilot, a transformer.",
    "Diffusion, a chatbot and speech-to-text.",
]


def corpus() -> list[str]:
    """The seeds, the phrases, the sample feeds' titles and summaries, and the edge texts."""
    texts = [f"{title}. {text}" for title, text in SEEDS.values()]
    texts += [text for text, _, _ in PHRASES]
    texts += [text for text, _, _ in KIND_PHRASES]
    texts += [text for text, _, _, _ in GENERAL_PHRASES]
    texts += [text for text, _, _ in FAMILY_PHRASES]
    texts += [text for text, _, _ in FORMS]
    texts += [text for text, _, _ in WORLD_FORMS]
    texts += [text for text, _, _ in PASS5_PHRASES]
    texts += [text for text, _, _ in PASS6_PHRASES]
    texts += [text for text, _, _ in PASS7_PHRASES]
    texts += [text for text, _, _ in PASS8_PHRASES]
    texts += [text for text, _, _ in PASS10_PHRASES]
    texts += [text for text, _, _ in PASS11_PHRASES]
    texts += [text for text, _, _ in PASS12_PHRASES]
    texts += [text for text, _, _ in PASS13_PHRASES]
    for path in sorted((SAMPLES_DIR / "feeds").iterdir()):
        for entry in feedparser.parse(path.read_bytes()).entries:
            texts.append(f"{entry.title}\n{entry.get('summary', '')}")
    return texts + EDGE_TEXTS


def facts_modules() -> list[object]:
    return [importlib.import_module(f"scrapers.facts.{info.name}")
            for info in pkgutil.iter_modules(facts.__path__)]


def all_rules() -> list[Rule]:
    """Every rule of the package's modules, in their tables or on their own."""
    found: list[Rule] = []

    def visit(value: object, depth: int) -> None:
        if isinstance(value, Rule):
            found.append(value)
        elif isinstance(value, tuple) and depth < 3:
            for item in value:
                visit(item, depth + 1)

    for module in facts_modules():
        for value in vars(module).values():
            visit(value, 0)
    return list(dict.fromkeys(found))


def scan(rule: Rule, sentences: list[str]) -> list[tuple[int, tuple[int, int]]]:
    return [(i, m.span()) for i, sentence in enumerate(sentences) for m in rule.pattern.finditer(sentence)]


@pytest.mark.parametrize("text", corpus())
def test_every_rule_matches_where_a_scan_of_each_sentence_does(text: str):
    sentences = split_sentences(text)
    indexed = Sentences(sentences)
    every_other = set(range(0, len(sentences), 2))
    for rule in all_rules():
        expected = scan(rule, sentences)
        if rule.indexed:
            assert [(i, m.span()) for i, m in indexed.matches(rule)] == expected, rule
            within = [(i, m.span()) for i, m in Sentences(sentences).matches(rule, every_other)]
            assert within == [(i, span) for i, span in expected if i in every_other], rule
        if not rule.digits and not rule.plain and rule.starts:
            assert facts._occurs(rule, text) == bool(rule.pattern.search(text)), rule


def test_every_start_is_exercised():
    """The test above proves a rule's `starts` only for starts that begin a match in the corpus."""
    texts = corpus()
    unexercised = [
        (rule, key) for rule in all_rules() for key in rule.starts
        if not any(facts._fold(sentence).startswith(key, match.start())
                   for text in texts for sentence in split_sentences(text)
                   for match in rule.pattern.finditer(sentence))
    ]
    assert unexercised == []


def test_the_rules_are_found():
    rules = all_rules()
    assert len(rules) > 60 and AI_SIGNALS in rules and not AI_SIGNALS.indexed


_CLOSER = "[)\"”’']"
_REFERENCE_BREAK = re.compile(
    r"(?:(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bvs\.)(?<!\bInc\.)(?<!\bPvt\.)(?<!\bPty\.)(?<=[.!?])"
    # (since 2026-12-03: a closing bracket or quote may follow the stop, and a currency sign open the next;
    # and no break after "Pvt." or "Pty.", which "Ltd." follows)
    rf"|(?<!\be\.g\.{_CLOSER})(?<!\bi\.e\.{_CLOSER})(?<!\bvs\.{_CLOSER})(?<!\bInc\.{_CLOSER})"
    rf"(?<!\bPvt\.{_CLOSER})(?<!\bPty\.{_CLOSER})(?<=[.!?]{_CLOSER}))"
    r"\s+(?=[A-Z\"'“($€£¥₹])|\n+"
)


def reference_split(text: str) -> list[str]:
    """split_sentences as first written: a regex split, then whitespace folded."""
    parts = (re.sub(r"\s+", " ", part).strip() for part in _REFERENCE_BREAK.split(text or ""))
    return [part for part in parts if part]


@pytest.mark.parametrize(
    "text",
    corpus() + [
        "", "  ", "One. Two", "One.  \n  Two", ". \n lower", "!\n\n Upper", "e.g. Foo. i.e. Bar",
        "x\n.\nFoo", "Inc. Foo vs. Bar", "a.\u2028B", "a.\xa0B", "a\tb\r\nc", "Tail.   ", "?(x) 'y' “z”",
    ],
)
def test_sentences_split_as_the_plain_regex_split_does(text: str):
    assert split_sentences(text) == reference_split(text)


def test_case_folding_keeps_offsets_and_folds_as_ignorecase_does():
    letter = re.compile("[a-z]", re.IGNORECASE)
    for code in range(0x10000):
        char = chr(code)
        if 0xD800 <= code <= 0xDFFF:
            continue
        folded = facts._fold(char)
        assert len(folded) == 1, hex(code)
        if letter.fullmatch(char):
            assert re.fullmatch(folded, char, re.IGNORECASE) and folded.isascii(), hex(code)
        elif folded.isascii() and folded.isalpha():
            raise AssertionError(f"{hex(code)} folds to {folded!r} but IGNORECASE keeps it apart")
