"""What the templates see: plain, already-worded data, built by editorial from the database.

Every string here may come from scraped text: templates must escape all of it (autoescape on).
Links that differ per subscriber are placeholders; `emails.personalise` fills them in.
"""

from __future__ import annotations

from dataclasses import dataclass

UNSUBSCRIBE_PLACEHOLDER = "%%unsubscribe_url%%"


def vote_placeholder(comparison_id: int, tool_id: int, decision: str) -> str:
    """The placeholder for one subscriber's vote link on one tool of one comparison."""
    return f"%%vote:{comparison_id}:{tool_id}:{decision}%%"


@dataclass(frozen=True)
class ReviewView:
    persona: str  # "Builder"
    score: int | None  # None: "No panel take"
    decision: str | None  # "ship" | "skip" | None
    take: str | None

    @property
    def has_take(self) -> bool:
        return self.decision is not None

    @property
    def label(self) -> str:
        """'85/100 · ship' or 'No panel take'."""
        return f"{self.score}/100 · {self.decision}" if self.has_take else "No panel take"


@dataclass(frozen=True)
class ToolView:
    id: int
    name: str
    initial: str  # "C": the letter in the tool's badge
    category: str  # "Developer Tools"
    tagline: str
    description: str
    entry: str  # "Free" | "Paid" | "Freemium" | "Open source" | "Unknown"
    pricing: str  # "Free (open weights, self-hosted) / Inference costs vary by provider"
    best_for: str
    panel_headline: str | None  # "Ship" | "Skip" | "Split" | None
    panel_percent: str  # "75%" | "—"
    panel_verdict: str  # "Ship · 3 ship / 1 skip" | "No panel takes"
    community_percent: str  # "—" or "60%"
    community_verdict: str  # "No community votes yet" | "Ship · 3 ship / 2 skip"
    reviews: tuple[ReviewView, ...]  # in persona order: Builder, Skeptic, Futurist, Founder, Creator
    vote_ship_url: str  # a placeholder, see vote_placeholder()
    vote_skip_url: str
    url: str | None = None  # the tool's own page (http/https only), or None


@dataclass(frozen=True)
class ComparisonView:
    id: int
    title: str  # "Codestral 2 vs OpenRouter Model Fusion"
    a: ToolView
    b: ToolView

    @property
    def personas(self) -> tuple[str, ...]:
        return tuple(r.persona for r in self.a.reviews)


@dataclass(frozen=True)
class IssueView:
    week: str  # "2026-W48"
    subject: str  # "Weekly AI Tool Verdicts: Codestral 2 vs OpenRouter Model Fusion and 2 more"
    intro: str
    comparisons: tuple[ComparisonView, ...]
    archive_url: str
    unsubscribe_url: str = UNSUBSCRIBE_PLACEHOLDER
