"""category: the one category whose keywords the text uses most."""

from __future__ import annotations

import re

from scrapers.facts.engine import Hit, Rule, Sentences
from scrapers.records import FactRecord

# Category -> keywords (whole words, case-insensitive). The category with most hits wins;
# a tie goes to the earlier row.
CATEGORY_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Developer Tools", (
        "code", "coding", "coder", "developer", "developers", "API", "SDK", "IDE", "CLI",
        "code review", "pull request", "pull requests", "repository", "codebase", "codebases",
        "completion", "fill-in-the-middle", "function calling", "inference", "weights",
        "fine-tune", "embeddings", "LLM gateway", "llama.cpp", "vLLM", "VS Code", "debugging",
    )),
    ("Design", (
        "design", "designer", "designers", "Figma", "mockup", "mockups", "illustration",
        "vector", "logo", "icons", "sketch", "sketches", "wireframe", "wireframes", "typography",
    )),
    ("Writing", (
        "writing", "writer", "writers", "copywriting", "draft", "drafts", "drafting", "essay",
        "essays", "prose", "manuscript", "editorial", "grammar",
    )),
    ("Productivity", (
        "meeting", "meetings", "notes", "calendar", "inbox", "tasks", "to-do", "standup",
        "scheduling", "action items", "workflow automation",
    )),
    ("Audio & Video", (
        "audio", "video", "videos", "voice", "voices", "speech", "text-to-speech", "podcast",
        "transcription", "transcribe", "dubbing", "dub", "music", "subtitles",
    )),
    ("Research", (
        "research", "researchers", "papers", "citations", "citation", "literature", "arXiv",
        "scientific", "peer-reviewed",
    )),
    ("Data & Analytics", (
        "data", "analytics", "spreadsheet", "spreadsheets", "dashboard", "dashboards", "SQL",
        "charts", "CSV", "BI",
    )),
)

def _keyword_rule(keywords: tuple[str, ...]) -> Rule:
    """Whole words, case-insensitive; the longest that fits wins."""
    words = sorted(keywords, key=len, reverse=True)
    return Rule(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])", re.I,
                starts=tuple(sorted({w.lower() for w in words})))


_CATEGORY_RULES = tuple((category, _keyword_rule(keywords)) for category, keywords in CATEGORY_KEYWORDS)

def category_facts(sentences: Sentences, url: str | None) -> list[FactRecord]:
    """The one category whose keywords the text uses most (ties: table order)."""
    best: tuple[int, Hit] | None = None
    for category, rule in _CATEGORY_RULES:
        hits = sentences.matches(rule)
        if hits and (best is None or len(hits) > best[0]):
            best = (len(hits), sentences.hit(category, *hits[0]))
    return [best[1].fact("category")] if best else []

