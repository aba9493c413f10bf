"""The issue as the templates see it: verdicts worded, pricing read, reviews in persona order."""

from __future__ import annotations

import json
from collections.abc import Sequence

from sqlmodel import Session

from db import queries
from db.models import Comparison, Fact, NewsletterIssue, PanelReview, Tool
from editorial.panel import PERSONAS
from editorial.placeholders import inert_placeholders
from editorial.verdict import Tally, community_verdict, panel_verdict, percent_label
from emails.view import ComparisonView, IssueView, ReviewView, ToolView, vote_placeholder

PRICING_WORDS = {"open_source": "Open source", "free": "Free", "freemium": "Freemium", "paid": "Paid"}
ENTRY_WORDS = {"open_source": "Free", "free": "Free", "freemium": "Freemium", "paid": "Paid"}


def issue_subject(week: str, titles: Sequence[str]) -> str:
    """'Weekly AI Tool Verdicts · 2026-W48: A vs B (+2 more)'."""
    if not titles:
        return f"Weekly AI Tool Verdicts · {week}"
    more = f" (+{len(titles) - 1} more)" if len(titles) > 1 else ""
    return f"Weekly AI Tool Verdicts · {week}: {titles[0]}{more}"


def comparison_title(a: Tool, b: Tool) -> str:
    """'X vs Y'."""
    return f"{a.name} vs {b.name}"


def build_issue_view(session: Session, *, issue: NewsletterIssue, base_url: str) -> IssueView:
    """The issue's view from the database, with per-subscriber links left as placeholders."""
    assert issue.id is not None
    comparisons = tuple(
        _comparison_view(session, comparison)
        for comparison in queries.comparisons_of(session, issue_id=issue.id)
    )
    count = len(comparisons)
    intro = (
        f"{count} head-to-head{'s' if count != 1 else ''} of AI tools that launched this week, "
        "each judged by our five-persona panel. Tell us yours: ship or skip."
    )
    return inert_placeholders(IssueView(
        week=issue.week,
        subject=issue.subject,
        intro=intro,
        comparisons=comparisons,
        archive_url=f"{base_url.rstrip('/')}/issues/{issue.week}",
    ))


def _comparison_view(session: Session, comparison: Comparison) -> ComparisonView:
    assert comparison.id is not None
    a = queries.get_tool(session, tool_id=comparison.tool_a_id)
    b = queries.get_tool(session, tool_id=comparison.tool_b_id)
    return ComparisonView(
        id=comparison.id,
        title=comparison_title(a, b),
        a=_tool_view(session, a, comparison.id),
        b=_tool_view(session, b, comparison.id),
    )


def _tool_view(session: Session, tool: Tool, comparison_id: int) -> ToolView:
    assert tool.id is not None
    pinned = queries.pinned_reviews(session, comparison_id=comparison_id, tool_id=tool.id)
    community = Tally.of(queries.votes_for(session, comparison_id=comparison_id, tool_id=tool.id))
    return _view(session, tool, pinned or _latest(queries.reviews_of(session, tool_id=tool.id)), community,
                 comparison_id)


def reviewed_tool_view(session: Session, *, tool: Tool, reviews: Sequence[PanelReview]) -> ToolView:
    """The tool as its page shows it outside any comparison: the newest of `reviews` per persona,
    no community votes and no vote links."""
    return _view(session, tool, _latest(reviews), Tally(ships=0, skips=0), None)


def _view(session: Session, tool: Tool, rows: Sequence[PanelReview], community: Tally,
          comparison_id: int | None) -> ToolView:
    assert tool.id is not None
    reviews = _review_views(rows)
    panel = Tally.of(r.decision for r in reviews)
    facts = queries.facts_of(session, tool_id=tool.id)
    tagline = tool.tagline or ""
    ship, skip = ("", "")  # outside a comparison there is nothing to vote on
    if comparison_id is not None:
        ship, skip = (vote_placeholder(comparison_id, tool.id, d) for d in ("ship", "skip"))
    return ToolView(
        id=tool.id,
        name=tool.name,
        initial=(tool.name[:1] or "?").upper(),
        category=tool.category or "AI Tools",
        tagline=tagline,
        description=tool.description or tagline,
        entry=entry_label(tool, facts),
        pricing=pricing_label(tool, facts),
        best_for=tagline or "Not stated",
        panel_headline=panel.headline(),
        panel_percent=percent_label(panel),
        panel_verdict=panel_verdict(panel),
        community_percent=percent_label(community),
        community_verdict=community_verdict(community),
        reviews=reviews,
        vote_ship_url=ship,
        vote_skip_url=skip,
        url=tool.url if (tool.url or "").startswith(("https://", "http://")) else None,
    )


def _latest(rows: Sequence[PanelReview]) -> list[PanelReview]:
    """The newest review of each persona (for a comparison composed before reviews were pinned)."""
    newest: dict[str, PanelReview] = {}
    for row in sorted(rows, key=lambda r: r.id or 0):
        newest[row.persona] = row
    return list(newest.values())


def _review_views(rows: Sequence[PanelReview]) -> tuple[ReviewView, ...]:
    by_persona = {row.persona: row for row in rows}
    views = []
    for persona in PERSONAS:
        row = by_persona.get(persona)
        if row is None or row.decision is None:
            views.append(ReviewView(persona, None, None, None))
        else:
            views.append(ReviewView(persona, row.score, row.decision, row.take))
    return tuple(views)


def entry_label(tool: Tool, facts: Sequence[Fact]) -> str:
    """'Free', 'Freemium', 'Paid' by the pricing model; 'Paid' when the launch states only a price."""
    if tool.pricing_model in ENTRY_WORDS:
        return ENTRY_WORDS[tool.pricing_model]
    price = _stated(facts).get("entry_price", "")
    return "Paid" if price and price.casefold() != "free tier" else "Unknown"


def pricing_label(tool: Tool, facts: Sequence[Fact]) -> str:
    """'Open source (Apache-2.0) · $0.30 per 1M tokens', from the tool's facts; 'Not stated'."""
    first = _stated(facts)
    model = PRICING_WORDS.get(tool.pricing_model or first.get("pricing_model", ""), "")
    licence = first.get("license")
    head = f"{model} ({licence})" if model and licence else model or (licence or "")
    parts = [p for p in (head, first.get("entry_price")) if p]
    return " · ".join(parts) or "Not stated"


def _stated(facts: Sequence[Fact]) -> dict[str, str]:
    """The first value of each kind the launch asserts (a denied fact, "no free tier", is not one)."""
    first: dict[str, str] = {}
    for fact in facts:
        if not fact.negated:
            first.setdefault(fact.kind, fact.value)
    return first


def comparisons_summary(session: Session, *, issue_id: int) -> list[dict[str, object]]:
    """The issue's comparisons for scripts: both tools, score, why, and the reviews each was
    composed with (a dropped take shows as no take, with the reason)."""
    rows = []
    for comparison in queries.comparisons_of(session, issue_id=issue_id):
        assert comparison.id is not None
        tools = [queries.get_tool(session, tool_id=t) for t in (comparison.tool_a_id, comparison.tool_b_id)]
        reviews = [
            _review_row(review, tool)
            for tool in tools
            for review in queries.pinned_reviews(session, comparison_id=comparison.id, tool_id=tool.id or 0)
        ]
        rows.append({
            "id": comparison.id, "position": comparison.position, "pinned": comparison.pinned,
            "left": _tool_row(tools[0]), "right": _tool_row(tools[1]),
            "score": comparison.score, "why": json.loads(comparison.why) if comparison.why else [],
            "reviews": reviews,
        })
    return rows


def _tool_row(tool: Tool) -> dict[str, object]:
    return {"id": tool.id, "name": tool.name, "category": tool.category, "tagline": tool.tagline,
            "url": tool.url}


def _review_row(review: PanelReview, tool: Tool) -> dict[str, object]:
    return {"tool_id": tool.id, "persona": review.persona, "score": review.score,
            "decision": review.decision, "take": review.take, "provider": review.provider,
            "model": review.model, "dropped": review.dropped, "review_id": review.id}
