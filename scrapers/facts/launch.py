"""Whether an item reads as an AI tool launch at all."""

from __future__ import annotations

import re

from scrapers.facts.engine import Rule, _occurs
from scrapers.patternset import PatternSet

# Titles that are clearly not a tool launch, whatever else they mention. (Prefiltered by Hyperscan,
# see scrapers.patternset: a search for it fails on nearly every title, and walks all of it first.)
NOT_A_LAUNCH_TITLE = PatternSet().compile(
    r"\bpodcast\b|\bepisode\b|\bEp\.?\s?\d+\b|\bis hiring\b|\bwe(?:'|’)?re hiring\b"
    r"|\bwho is hiring\b|\bhiring\b|\bjob (?:opening|posting)s?\b|\bwebinar\b"
    r"|\brecap\b|\bmeetup\b|\bearnings (?:call|report|release)s?\b"
    r"|\bquarterly (?:earnings|results)\b"
    r"|\b(?:Q[1-4]|H[12])(?: (?:FY)?\d{2,4})? (?:results|earnings|report)\b"
    r"|\bfiscal (?:year|quarter)\b|^\s*(?:ask|tell) hn\b",
    re.I,
)
# Body phrases that mark the same non-launches when the title is neutral. (Searched in raw text:
# its spaces are the literal spaces of the pattern.)
NOT_A_LAUNCH_TEXT = Rule(
    r"\bin this episode\b|\blisten (?:now|on|to the)\b|\bwe(?:'|’)?re hiring\b|\bapply now\b"
    r"|\bopen roles\b|\bregister for (?:the|our) webinar\b|\bearnings call\b",
    re.I,
    starts=("in this episode", "listen ", "we're hiring", "we’re hiring", "were hiring",
            "apply now", "open roles", "register for ", "earnings call"),
    indexed=False,
)
AI_SIGNALS = Rule(
    r"\bAI\b|\bA\.I\.|\bLLMs?\b|\bGPT|\bmodels?\b|\bmachine learning\b|\bneural\b|\bagents?\b"
    r"|\bagentic\b|\bcopilot\b|\bgenerat(?:e|es|ive|ion)\b|\bopen[- ]weights?\b|\binference\b"
    r"|\bembeddings?\b|\btransformer\b|\bdiffusion\b|\bchatbot\b|\bassistant\b|\btext-to-\w+"
    r"|\bspeech-to-text\b|\btranscri(?:be|bes|ption)\b|\bfine-tun"
    r"|\bvoice clon|\bclones? (?:your|a) voice\b"
    r"|\bnatural[- ]language (?:questions|queries|search)\b",
    re.I,
    starts=("ai", "a.i.", "llm", "gpt", "model", "machine learning", "neural", "agent", "copilot",
            "generat", "open", "inference", "embedding", "transformer", "diffusion", "chatbot",
            "assistant", "text-to-", "speech-to-text", "transcri", "fine-tun", "voice clon",
            "clone", "natural"),
    indexed=False,
)

def is_ai_tool(title: str, text: str) -> bool:
    """Whether the item reads as an AI tool, model or API launch (not a podcast, job post, …)."""
    if NOT_A_LAUNCH_TITLE.search(title):
        return False
    if _occurs(AI_SIGNALS, title):
        return True
    return not _occurs(NOT_A_LAUNCH_TEXT, text) and _occurs(AI_SIGNALS, text)

