"""Phrasing classes of the seventh facts pass, each in wordings of our own (none copied from the
labelled sets), with the distractor beside it that the rule must not read."""

from __future__ import annotations

import pytest

from scrapers.facts import extract_facts
from scrapers.facts.base_model import model_family

# (text, kind, expected (value, negated) pairs in order)
PASS7_PHRASES: list[tuple[str, str, list[tuple[str, bool]]]] = [
    # a model "on top of" which the tool sits or runs
    ("The assistant sits on top of Claude 3.5 Haiku and your wiki.", "base_model", [("Claude", False)]),
    ("Quizzly runs on top of Gemini 2.0 Flash, so answers are quick.", "base_model", [("Gemini", False)]),
    ("It runs on top of Postgres and Redis.", "base_model", []),
    # "under the surface it is X"
    ("Under the surface, it's Llama 3.3 with a retrieval layer.", "base_model", [("Llama", False)]),
    ("Beneath the surface is Qwen3 8B, tuned for SQL.", "base_model", [("Qwen", False)]),
    # the tool's model named as such
    ("The model behind the summaries is Mistral Medium 3.", "base_model", [("Mistral", False)]),
    ("Its language model is Gemma 2, served from Iowa.", "base_model", [("Gemma", False)]),
    ("The best model on that leaderboard is GPT-5, for now.", "base_model", []),
    # a model said to do the tool's work
    ("Gemini 2.5 Flash handles the summaries; we handle the rest.", "base_model", [("Gemini", False)]),
    ("GPT-4.1 mini does all the tagging in the background.", "base_model", [("GPT", False)]),
    ("ChatGPT does the same thing for $20 a month.", "base_model", []),
    # what the tool's work is handled / done / performed by
    ("Transcription is done by a distilled Whisper on the phone.", "base_model", [("Whisper", False)]),
    ("Ranking is performed by Qwen2.5 7B in our own cluster.", "base_model", [("Qwen", False)]),
    ("Payments are handled by Stripe.", "base_model", []),
    # an appositive after the model
    ("Our transcription model, a distilled Whisper, runs offline.", "base_model", [("Whisper", False)]),
    ("The captioning model, a 4-bit Parakeet, fits in 600 MB.", "base_model", [("Parakeet", False)]),
    # a model given a role in the tool; not an evaluation's judge or baseline
    ("Searchwell answers with Claude Sonnet 4 as the reader.", "base_model", [("Claude", False)]),
    ("The pipeline uses Phi-4 as its planner and a regex as its parser.", "base_model", [("Phi", False)]),
    ("We scored every answer with GPT-4o as the judge.", "base_model", []),
    # a base said after its name
    ("A 3B coder model, Qwen2.5 base, Apache-2.0.", "base_model", [("Qwen", False)]),
    ("We started from the Llama 3.1 8B base; the rest is ours.", "base_model", [("Llama", False)]),
    ("Mistral base plans start at $10.", "base_model", []),
    # a "wrapper" of a model; its negation
    ("Not a Claude wrapper: the model is ours, trained from scratch.", "base_model", [("Claude", True)]),
    ("Honestly, it's a thin GPT-4o wrapper with a good prompt.", "base_model", [("GPT", False)]),
    # a model the tool carries; not the models it supports
    ("The app bundles Llama 3.2 1B, so it works on a plane.", "base_model", [("Llama", False)]),
    ("Version 2 embeds a quantised Phi-3 mini for offline replies.", "base_model", [("Phi", False)]),
    ("It ships with Llama, Qwen and Mistral presets.", "base_model", []),
    ("It comes with Claude integration out of the box.", "base_model", []),
    # a model's lower-case id, run by the tool; not whisper.cpp's runtime nor llama-index
    ("Hushbox runs whisper-large-v3 (int8) on a mini PC.", "base_model", [("Whisper", False)]),
    ("The bot uses qwen2.5-coder:7b through Ollama.", "base_model", [("Qwen", False)]),
    ("The backend uses llama-index for retrieval.", "base_model", []),
    # an FAQ's answer to a question about the tool's model; not one about the models it supports
    ("Which model does Tallyho use? Gemma 3 12B, quantised to 4-bit.", "base_model", [("Gemma", False)]),
    ("Q: What LLM powers the replies? A: Claude 3.7 Sonnet.", "base_model", [("Claude", False)]),
    ("Which models does it support? Llama 3, Qwen3 and Mistral.", "base_model", []),
    # an answer or list item opening on the model, fine-tuned
    ("Which embedding model is it? BGE-M3, fine-tuned on legal text.", "technique", [("fine-tuning", False)]),
    ("Mistral 7B, fine-tuned on 40k support tickets, answers the chat.", "base_model", [("Mistral", False)]),
    # "GPTQ" is a quantisation, not a GPT
    ("The shipped model is GPTQ-quantised to 4 bits.", "base_model", []),
    # the channel a model is reached through is no store
    ("Answers come from Claude 3.7 Sonnet, reached through Amazon Bedrock.", "distribution", []),
    ("It drafts with Llama 3.3 70B, served via Amazon Bedrock in Frankfurt.", "distribution", []),
    ("Glint is now on Amazon Bedrock as a managed model.", "distribution", [("Amazon Bedrock", False)]),
    # "an M1 or later": Apple Silicon
    ("Requires macOS 15 on an M2 or newer.", "hardware", [("Apple Silicon", False)]),
    ("Works on any M1 or later; Intel Macs are not supported.", "hardware", [("Apple Silicon", False)]),
    ("Needs an M5 or above for the live preview.", "hardware", [("Apple Silicon", False)]),
    # a card's memory in brackets after it; not a bracket after something else
    ("You'll want an RTX 4060 (8 GB) or better.", "hardware", [("RTX 4060", False), ("8GB GPU", False)]),
    ("Linux needs an AMD or NVIDIA card (16 GB or more).", "hardware", [("16GB GPU", False)]),
    ("The download is small (2 GB) and resumes if interrupted.", "hardware", []),
    # GTX cards by name
    ("It trains fine on two GTX 1080 Ti cards.", "hardware", [("2x GTX 1080 Ti", False)]),
    ("Inference works on a GTX 1660 at about 4 tokens a second.", "hardware", [("GTX 1660", False)]),
    # other boards, and a Raspberry Pi said "a Pi ..."
    ("Kestrel Cam runs on an Orange Pi 5 with 8GB.", "hardware",
     [("8GB RAM", False), ("Orange Pi 5", False)]),
    ("Tested on a Rock 5B and nothing bigger.", "hardware", [("Rock 5B", False)]),
    ("It is happy on a Pi Zero 2 W.", "hardware", [("Raspberry Pi Zero 2 W", False)]),
    ("Ours runs on a Pi 4 in the hallway closet.", "hardware", [("Raspberry Pi 4", False)]),
    # lower-case llama.cpp quant names in a file's or a tag's name
    ("Download pelican-7b-q5_k_m.gguf from the releases page.", "quantisation",
     [("5-bit", False), ("GGUF", False)]),
    ("ollama pull heron:3b-q8_0 and you are set.", "quantisation", [("8-bit", False)]),
    ("Press q4_k to quit the viewer.", "quantisation", []),
    # "retrieval-augmented" alone, a retrieval step over the documents
    ("A retrieval-augmented helpdesk bot for your Notion.", "technique", [("RAG", False)]),
    ("Answers run through a retrieval step over your past tickets.", "technique", [("RAG", False)]),
    ("Retrieval of old invoices is instant.", "technique", []),
    # ISC after "License:" or "licensed under"; MIT opening a sentence with an aside
    ("License: ISC", "license", [("ISC", False)]),
    ("The code is licensed under ISC as well.", "license", [("ISC", False)]),
    ("MIT, of course. Fork away.", "license", [("MIT", False)]),
    ("MIT, naturally, like everything else we ship.", "license", [("MIT", False)]),
    ("MIT, Stanford and ETH researchers use it daily.", "license", []),
    # uv's runner installs from PyPI; Scoop is a store, "a scoop of" is not
    ("Try it with `uvx tern-cli --help`.", "distribution", [("PyPI", False)]),
    ("Install it with uv tool install marlin-notes.", "distribution", [("PyPI", False)]),
    ("On Windows, scoop install gannet works too.", "distribution", [("Scoop", False)]),
    ("Grab it from Scoop or winget.", "distribution", [("Scoop", False), ("winget", False)]),
    ("It adds a scoop of context to each prompt.", "distribution", []),
    # a cost of nothing for a class of users is a free tier; "zero dollars" is free
    ("Zero cost for hobby projects, $9/month for teams.", "entry_price",
     [("free tier", False), ("$9/month", False)]),
    ("No cost for personal use; businesses pay $5 a month.", "entry_price",
     [("free tier", False), ("$5/month", False)]),
    ("It is available at no cost for everyone.", "pricing_model", [("free", False)]),
    ("Zero ads and zero dollars: Quillet is yours to keep.", "pricing_model", [("free", False)]),
    ("Costs you zero dollars a month, forever.", "pricing_model", [("free", False)]),
    ("We raised zero dollars from investors.", "entry_price", []),
]


@pytest.mark.parametrize(("text", "kind", "expected"), PASS7_PHRASES)
def test_pass7_phrase(text: str, kind: str, expected: list[tuple[str, bool]]) -> None:
    got = [(fact.value, fact.negated) for fact in extract_facts(text) if fact.kind == kind]
    assert got == expected


@pytest.mark.parametrize(("name", "family"), [("LayoutLMv3", "LayoutLM"), ("LayoutXLMv2", "LayoutXLM"),
                                              ("o3-mini", "o3"), ("o4-mini-high", "o4"),
                                              ("Qwen2.5-7B", "Qwen")])
def test_pass7_family(name: str, family: str) -> None:
    assert model_family(name) == family
