"""Composing a week: pick the week's new tools, pair them, review them, draft the issue."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlmodel import Session, delete

from db import queries
from db.models import Comparison, NewsletterIssue, PanelReview, Tool
from db.states import IssueStatus
from editorial.pairing import Candidate, pair_tools
from editorial.panel import PanelProvider, ToolProfile
from editorial.presentation import comparison_title, issue_subject
from editorial.weeks import week_bounds
from scrapers.records import FactRecord

log = logging.getLogger(__name__)


class ComposeError(ValueError):
    """The week cannot be (re)composed; the message says why."""


@dataclass(frozen=True)
class ComposeResult:
    issue_id: int
    week: str
    comparisons: tuple[str, ...]
    candidates: int


def compose_week(
    session: Session, *, week: str, panel: PanelProvider, limit: int
) -> ComposeResult:
    """The week's draft issue with fresh pairs; ComposeError if it is past draft already."""
    start, end = week_bounds(week)
    issue = _draft_for(session, week)
    assert issue.id is not None
    session.exec(delete(Comparison).where(Comparison.issue_id == issue.id))  # type: ignore[call-overload]
    tools = {t.id: t for t in queries.tools_first_seen_between(session, start=start, end=end)}
    pairs = pair_tools(
        [Candidate(tid, t.category or "") for tid, t in tools.items() if tid is not None], limit=limit
    )
    titles = []
    for position, (a_id, b_id) in enumerate(pairs):
        session.add(Comparison(week=week, issue_id=issue.id, position=position,
                               tool_a_id=a_id, tool_b_id=b_id))
        titles.append(comparison_title(tools[a_id], tools[b_id]))
        for tool in (tools[a_id], tools[b_id]):
            ensure_reviews(session, tool=tool, panel=panel)
    issue.subject = issue_subject(week, titles)
    session.add(issue)
    session.flush()
    log.info("composed %s: %d comparisons from %d new tools", week, len(pairs), len(tools))
    return ComposeResult(issue.id, week, tuple(titles), len(tools))


def _draft_for(session: Session, week: str) -> NewsletterIssue:
    issue = queries.issue_for_week(session, week=week)
    if issue is None:
        issue = NewsletterIssue(week=week, subject=issue_subject(week, []))
        session.add(issue)
        session.flush()
        return issue
    if issue.status != IssueStatus.DRAFT:
        raise ComposeError(
            f"issue {issue.id} for {week} is {issue.status}: only a draft can be recomposed"
        )
    return issue


def ensure_reviews(session: Session, *, tool: Tool, panel: PanelProvider) -> None:
    """Give `tool` one review per persona from `panel`, unless it has them already."""
    assert tool.id is not None
    if queries.reviews_of(session, tool_id=tool.id):
        return
    for review in panel.review(tool_profile(session, tool)):
        session.add(PanelReview(tool_id=tool.id, persona=review.persona, provider=panel.name,
                                score=review.score, decision=review.decision, take=review.take))


def tool_profile(session: Session, tool: Tool) -> ToolProfile:
    """What the panel sees of a stored tool: its words and its facts with their evidence."""
    assert tool.id is not None
    facts = tuple(
        FactRecord(kind=f.kind, value=f.value, snippet=f.snippet)
        for f in queries.facts_of(session, tool_id=tool.id)
    )
    return ToolProfile(
        name=tool.name,
        tagline=tool.tagline or "",
        description=tool.description or "",
        category=tool.category or "AI Tools",
        url=tool.url,
        facts=facts,
    )
