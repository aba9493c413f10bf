"""The rules panel: who takes a view, what a take may say, and the persona files' validation."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from editorial.panel import (
    PERSONAS,
    PERSONAS_DIR,
    PersonaFileError,
    Review,
    RulesPanel,
    ToolProfile,
    load_personas,
    make_panel,
)
from editorial.panel.words import ToolWords
from scrapers.facts import extract_facts
from scrapers.feeds import parse_feed
from scrapers.records import FactRecord
from verdicts.settings import SAMPLES_DIR

# Key sentences of the seed descriptions (../shared/seeds): (name, tagline, text).
SEED_TOOLS = {
    "Codestral 2": (
        "Mistral's 22B Apache 2.0 code model beats GPT-4o on HumanEval",
        "Codestral 2 is Mistral AI's second-generation code-specialized model, released under the "
        "Apache 2.0 license with 22 billion parameters. It ships with native fill-in-the-middle "
        "(FIM) support, context up to 256K tokens, and benchmarks that outperform GPT-4o on both "
        "HumanEval and MBPP according to Mistral's internal evals — a significant claim for an "
        "open-weight model. Integration support covers Cursor, Continue.dev, VS Code, and direct "
        "API access via the Mistral API and HuggingFace. Codestral 2 offers a model size that "
        "fits comfortably on a single A100 or dual consumer GPUs at Q4 quantization.",
    ),
    "Code Llama 4 (70B & 400B)": (
        "Meta's open-source code models: 70B and 400B, self-hostable and free",
        "Meta has open-sourced Code Llama 4 in 70B and 400B parameter variants under a permissive "
        "research license, targeting state-of-the-art performance on HumanEval and SWE-bench "
        "benchmarks. The models support function calling and long-context code completion, and "
        "are available for download on Hugging Face.",
    ),
    "Llama 4 Compact (12B)": (
        "Meta's 12B edge-optimized open model for on-device inference",
        "Llama 4 Compact is a 12-billion-parameter language model from Meta, quantized and "
        "optimized for inference on mobile and edge hardware. The weights are freely available on "
        "Hugging Face under the Llama community license. Meta claims it outperforms comparable "
        "open models on MMLU and HumanEval benchmarks.",
    ),
    "OpenRouter Model Fusion": (
        "Run a prompt through multiple LLMs simultaneously and fuse the best answer into one",
        "OpenRouter Model Fusion is an experimental feature from OpenRouter Labs that runs a "
        "single prompt through multiple LLMs in parallel and uses a configurable judge model to "
        "synthesize the best aspects of each response into one unified answer.",
    ),
}


def profile_of(name: str, tagline: str, text: str, url: str | None = None) -> ToolProfile:
    facts = tuple(extract_facts(text, title=f"{name} - {tagline}", url=url))
    category = next((f.value for f in facts if f.kind == "category"), "AI Tools")
    return ToolProfile(name, tagline, text, category, url, facts)


def sample_profiles() -> dict[str, ToolProfile]:
    """Every AI tool launch in the bundled sample feeds, as the panel would see it."""
    profiles = {}
    for feed in sorted((SAMPLES_DIR / "feeds").iterdir()):
        for record in parse_feed(feed.read_bytes(), source=feed.stem):
            if record.is_ai_tool:
                text = " ".join(p for p in (record.tagline, record.summary) if p)
                profile = profile_of(record.tool_name, record.tagline or "", text, record.url)
                profiles[f"{feed.stem}:{record.tool_name}"] = profile
    return profiles


SEEDS = {name: profile_of(name, *parts) for name, parts in SEED_TOOLS.items()}
SAMPLES = sample_profiles()
ALL_PROFILES = {**SEEDS, **SAMPLES}
PANEL = RulesPanel()
THRESHOLDS = {p.name: p.threshold for p in load_personas()}


def review_of(profile: ToolProfile, persona: str) -> Review:
    return next(r for r in PANEL.review(profile) if r.persona == persona)


@pytest.mark.parametrize(
    ("tool", "persona", "expected"),
    [
        ("Codestral 2", "Builder", "ship"),
        ("Codestral 2", "Skeptic", "skip"),
        ("Codestral 2", "Futurist", "ship"),
        ("Codestral 2", "Founder", None),  # open-weight release, no paid offering stated
        ("Codestral 2", "Creator", "skip"),  # has editor integrations: not a bare primitive
        ("Code Llama 4 (70B & 400B)", "Builder", "ship"),
        ("Code Llama 4 (70B & 400B)", "Skeptic", "skip"),
        ("Code Llama 4 (70B & 400B)", "Founder", None),
        ("Code Llama 4 (70B & 400B)", "Creator", None),  # low-level developer primitive
        ("Llama 4 Compact (12B)", "Builder", "ship"),
        ("Llama 4 Compact (12B)", "Futurist", "ship"),
        ("Llama 4 Compact (12B)", "Founder", None),
        ("Llama 4 Compact (12B)", "Creator", None),
        ("OpenRouter Model Fusion", "Builder", "skip"),  # its own words are enough to judge
        ("OpenRouter Model Fusion", "Founder", None),
    ],
)
def test_seed_tools(tool: str, persona: str, expected: str | None):
    assert review_of(SEEDS[tool], persona).decision == expected


@pytest.mark.parametrize(
    ("tool", "persona", "phrases"),
    [
        ("Codestral 2", "Skeptic", ["HumanEval and MBPP", "Mistral AI"]),
        ("Codestral 2", "Builder", ["22B", "Apache-2.0", "A100 or 2x consumer GPU"]),
        ("Codestral 2", "Futurist", ["256K tokens"]),
        ("Code Llama 4 (70B & 400B)", "Builder", ["70B and 400B", "research license"]),
        ("Llama 4 Compact (12B)", "Skeptic", ["MMLU and HumanEval", "Llama community license"]),
        ("Llama 4 Compact (12B)", "Futurist", ["mobile and edge hardware"]),
    ],
)
def test_takes_name_the_facts(tool: str, persona: str, phrases: list[str]):
    take = review_of(SEEDS[tool], persona).take or ""
    for phrase in phrases:
        assert phrase in take


def test_founder_has_no_take_on_an_open_source_release_without_a_paid_offering():
    profile = profile_of(
        "Kestrel Mini", "a 3B model for phones",
        "Kestrel Mini is an open-source 3B model with weights on Hugging Face under the MIT "
        "license, free for any use.",
    )
    assert review_of(profile, "Founder") == Review.no_take("Founder")


def test_founder_judges_the_same_release_once_it_has_a_price():
    profile = profile_of(
        "Kestrel Coder", "a 34B open-weight code model",
        "Kestrel Coder is a 34B open-weight code model under the MIT license. The hosted API "
        "costs $0.40 per 1M tokens.",
    )
    founder = review_of(profile, "Founder")
    assert founder.has_take and "$0.40 per 1M tokens" in (founder.take or "")


def test_creator_has_no_take_on_a_low_level_primitive():
    profile = profile_of(
        "Kestrel Base", "a 7B base model",
        "Kestrel Base is a 7B code model with open weights on Hugging Face under Apache 2.0, "
        "for fine-tuning and inference.",
    )
    assert profile.category == "Developer Tools"
    assert review_of(profile, "Creator") == Review.no_take("Creator")


def test_a_profile_without_facts_gets_no_takes():
    profile = ToolProfile("Mystery", "does a thing", "It does a thing.", "AI Tools", None, ())
    assert all(not r.has_take for r in PANEL.review(profile))


@pytest.mark.parametrize("kind", ["license", "benchmark", "hardware", "parameters", "entry_price"])
def test_a_take_never_mentions_a_fact_the_profile_lacks(kind: str):
    full = SEEDS["Codestral 2"] if kind != "entry_price" else SAMPLES["launchpad:PixelSmith AI"]
    removed = {f.value for f in full.facts if f.kind == kind}
    assert removed
    stripped = replace(full, facts=tuple(f for f in full.facts if f.kind != kind))
    for review in PANEL.review(stripped):
        said = unquoted(review.take or "", stripped)  # the launch's own words may say what it says
        for value in removed:
            assert value not in said, (review.persona, value)
    if kind == "license":
        assert all("Apache" not in unquoted(r.take or "", stripped) for r in PANEL.review(stripped))


def unquoted(take: str, profile: ToolProfile) -> str:
    """The take without the launch's own words: the clauses it quotes and the phrases it borrows."""
    own = ToolWords(profile.name, profile.tagline, profile.description)
    for phrase in (own.what, own.thing, own.pitch):
        if phrase:
            take = take.replace(phrase, "")
    return re.sub(r"“[^”]*”", "", take)


# Fact values too short or too generic to search for in prose.
UNSEARCHABLE = {"yes", "no", "free", "paid", "freemium", "open_source"}


@pytest.mark.parametrize("key", sorted(ALL_PROFILES))
def test_takes_mention_only_facts_the_profile_has(key: str):
    profile = ALL_PROFILES[key]
    own = {f.value for f in profile.facts} | {profile.category}
    others = {
        f.value
        for p in ALL_PROFILES.values()
        for f in p.facts
        if f.kind != "category" and f.value not in UNSEARCHABLE and len(f.value) > 2
    } - own
    for review in PANEL.review(profile):
        for value in others:
            if value in (review.take or "") and not any(value in mine for mine in own):
                pytest.fail(f"{review.persona} on {profile.name} mentions {value!r}")


@pytest.mark.parametrize("key", sorted(ALL_PROFILES))
def test_reviews_are_well_formed(key: str):
    reviews = PANEL.review(ALL_PROFILES[key])
    assert tuple(r.persona for r in reviews) == PERSONAS
    for review in reviews:
        if not review.has_take:
            assert (review.score, review.decision) == (None, None)
            continue
        assert review.score is not None and 0 <= review.score <= 100
        expected = "ship" if review.score >= THRESHOLDS[review.persona] else "skip"
        assert review.decision == expected
        take = review.take or ""
        assert not re.search(r"[{}]", take)
        assert 2 <= len(re.findall(r"[.!?][”\"]?(?:\s|$)", take)) <= 4, take


@pytest.mark.parametrize("key", sorted(SAMPLES))
def test_every_sample_tool_gets_grounded_takes(key: str):
    assert sum(r.has_take for r in PANEL.review(SAMPLES[key])) >= 3


def test_reviews_are_deterministic():
    profile = SEEDS["Codestral 2"]
    assert PANEL.review(profile) == PANEL.review(profile) == make_panel("rules").review(profile)


def test_make_panel():
    panel = make_panel("rules")
    assert isinstance(panel, RulesPanel) and panel.name == "rules"
    with pytest.raises(ValueError, match="unknown panel provider 'nope'.*rules"):
        make_panel("nope")


def test_personas_load_from_any_working_directory(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert tuple(p.name for p in RulesPanel().personas) == PERSONAS


@pytest.mark.parametrize(
    ("score", "decision", "take"),
    [(50, None, None), (None, "ship", "A take."), (101, "ship", "A take."), (50, "maybe", "A.")],
)
def test_a_review_is_all_set_or_all_none(score, decision, take):
    with pytest.raises(ValueError):
        Review("Builder", score, decision, take)


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        ("builder.toml", "base_score = 50", "base_scor = 50", "base_scor"),
        ("builder.toml", 'fact = "open_weights", equals', 'fact = "weights", equals', "weights"),
        ("skeptic.toml", 'equals = "yes" }]', 'equal = "yes" }]', "equal"),
        ("founder.toml", "{price}", "{cost}", "{cost}"),
        ("creator.toml", 'name = "Creator"', 'name = "Critic"', "Critic"),
        ("futurist.toml", 'name = "Futurist"', 'name = "Founder"', "founder.toml"),
        ("builder.toml", "threshold = 60", "threshold = 160", "threshold"),
        ("builder.toml", 'matches = "community', 'matches = "(community', "regular expression"),
        ("builder.toml", "[[signal]]", "[[signal", "not valid TOML"),
    ],
)
def test_a_bad_persona_file_is_named_with_its_bad_key(
    tmp_path: Path, file: str, old: str, new: str, message: str
):
    for path in PERSONAS_DIR.glob("*.toml"):
        shutil.copy(path, tmp_path / path.name)
    target = tmp_path / file
    text = target.read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(PersonaFileError) as raised:
        load_personas(tmp_path)
    assert file in str(raised.value) and message in str(raised.value)


def test_a_missing_persona_file_is_named(tmp_path: Path):
    with pytest.raises(PersonaFileError, match="builder.toml"):
        load_personas(tmp_path)


def test_the_shipped_persona_files_are_valid():
    personas = load_personas()
    assert tuple(p.name for p in personas) == PERSONAS
    assert all(p.take and p.asks and p.values and p.distrusts for p in personas)


def test_facts_passed_in_are_used_as_given():
    facts = (
        FactRecord(kind="open_weights", value="yes", snippet="Weights on Hugging Face."),
        FactRecord(kind="parameters", value="9B", snippet="A 9B model."),
        FactRecord(kind="license", value="MIT", snippet="Under MIT."),
    )
    profile = ToolProfile("Nine", "a 9B model", "", "Developer Tools", None, facts)
    builder = review_of(profile, "Builder")
    take = builder.take or ""
    assert builder.decision == "ship" and "9B" in take and "MIT" in take
