"""The panel's interface: what a provider sees of a tool, and what it gives back."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from db.states import Decision
from scrapers.records import FactRecord

if TYPE_CHECKING:
    from editorial.panel.personas import Brief

PERSONAS: tuple[str, ...] = ("Builder", "Skeptic", "Futurist", "Founder", "Creator")


@dataclass(frozen=True)
class ToolProfile:
    """What a provider sees of a tool: its own words, its launches' text and its facts."""

    name: str
    tagline: str
    description: str
    category: str
    url: str | None
    facts: tuple[FactRecord, ...]
    launch_text: str = ""  # every launch's title and summary: what a take may quote or rest on

    def content_hash(self) -> str:
        """A digest of everything a review reads: a new one means a new version of the tool."""
        facts = sorted((f.kind, f.value, f.negated) for f in self.facts)
        data = [self.name, self.tagline, self.description, self.category, self.url, facts, self.launch_text]
        return hashlib.sha256(json.dumps(data, ensure_ascii=False).encode()).hexdigest()

    @property
    def source_text(self) -> str:
        """All the tool's own words, for the grounding check."""
        return " ".join(p for p in (self.name, self.tagline, self.description, self.launch_text) if p)


@dataclass(frozen=True)
class Review:
    """One persona's view: score, decision and take all set, or all None (no panel take)."""

    persona: str
    score: int | None
    decision: str | None
    take: str | None

    def __post_init__(self) -> None:
        parts = (self.score, self.decision, self.take)
        if any(p is None for p in parts) and any(p is not None for p in parts):
            raise ValueError(f"{self.persona}: score, decision and take are all set or all None")
        if self.score is not None and not 0 <= self.score <= 100:
            raise ValueError(f"{self.persona}: score {self.score} is outside 0-100")
        if self.decision is not None:
            Decision(self.decision)

    @classmethod
    def no_take(cls, persona: str) -> Review:
        return cls(persona, None, None, None)

    @property
    def has_take(self) -> bool:
        return self.take is not None


@dataclass(frozen=True)
class ReviewContext:
    """What a provider may read beyond the tool: the persona's recent takes (to vary its wording),
    the tool's other takes (not to repeat them), and the grounding check (to retry against)."""

    recent_takes: Sequence[str] = ()
    other_takes: Sequence[str] = ()
    check: Callable[[str], list[str]] = field(default=lambda take: [])


@dataclass(frozen=True)
class Judgement:
    """A provider's review and what it cost; `dropped` says why a take failed the grounding check."""

    review: Review
    model: str = ""
    attempts: int = 1
    latency_ms: int | None = None
    prompt_tokens: int = 0
    completion_tokens: int = 0
    dropped: str | None = None


class PanelProvider(Protocol):
    """A panel: judges one tool as one persona."""

    name: str

    def model_for(self, persona: str) -> str:
        """The model that speaks for `persona` ('' for a provider without models)."""
        ...

    def judge(self, tool: ToolProfile, brief: Brief, context: ReviewContext) -> Judgement:
        """The persona's judgement of the tool; raises only when the provider is unreachable."""
        ...
