"""Composing a week: pick the window's new tools, pair them, review them, draft the issue."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import numpy as np
from sqlmodel import Session

from db import queries
from db.models import Comparison, NewsletterIssue, Tool, utcnow
from db.states import IssueStatus
from editorial.pairing import MIN_SCORE, OPPONENT_MIN_SCORE, LeftOut, PairChoice, Pairing, Rules, choose_pairs
from editorial.panel import Brief, PanelProvider
from editorial.presentation import comparison_title, issue_subject
from editorial.review import ReviewTally, review_tool
from editorial.similarity import Profile
from editorial.weeks import Window, compose_window
from verdicts.errors import NotDone
from verdicts.llm import LLMError

log = logging.getLogger(__name__)
Embedder = Callable[[Session, Sequence[Tool], Sequence[Profile]], np.ndarray | None]


class ComposeError(ValueError):
    """The week cannot be (re)composed; the message says why."""


class NothingToCompose(NotDone, ComposeError):
    """The week has no pair worth composing: no draft is made (the CLI exits 1)."""


@dataclass(frozen=True)
class PairingOptions:
    """How pairing is tuned: the minimum score, how far back a notable opponent may come from and
    how alike it must be, and an optional embedder of purpose text."""

    min_score: float = MIN_SCORE
    recent_weeks: int = 8
    opponent_min_score: float = OPPONENT_MIN_SCORE
    embedder: Embedder | None = None


@dataclass(frozen=True)
class ComposeResult:
    issue_id: int
    week: str
    comparisons: tuple[str, ...]
    candidates: int
    pairing: Pairing | None = None
    names: dict[int, str] = field(default_factory=dict)
    reviews: ReviewTally = field(default_factory=ReviewTally)
    dropped_takes: int = 0
    notes: tuple[str, ...] = ()  # what the editor should know (an embedding endpoint that failed)


def compose_week(
    session: Session, *, week: str, panel: PanelProvider, briefs: Sequence[Brief], limit: int,
    options: PairingOptions | None = None, now: datetime | None = None,
) -> ComposeResult:
    """The week's draft issue with fresh pairs and their pinned reviews; ComposeError if it is past
    draft, NothingToCompose (and no draft) if no pair is worth making."""
    options, now = options or PairingOptions(), now or utcnow()
    issue = _draft_for(session, week)
    previous = queries.previous_issue(session, week=week)
    window = compose_window(week, now=now, previous_cutoff=previous.cutoff if previous else None)
    fresh, recent, tools = _candidates(session, window, exclude_issue_id=issue.id if issue else None,
                                       recent_weeks=options.recent_weeks)
    rules = _rules(session, week, options, exclude_issue_id=issue.id if issue else None)
    recent = _with_pinned(session, recent, fresh, rules, tools)
    everyone = [*fresh, *recent]
    embeddings, notes = _embeddings(session, options.embedder, [tools[p.id] for p in everyone], everyone)
    pairing = choose_pairs(fresh, limit=limit, rules=rules, recent=recent, embeddings=embeddings)
    if not pairing.pairs:
        if issue is not None:
            queries.delete_draft(session, issue=issue)
        raise NothingToCompose(_nothing_message(week, fresh, pairing, tools))
    issue = issue or _new_draft(session, week)
    tally = _store_comparisons(session, issue, pairing.pairs, tools, panel, briefs)
    issue.subject = issue_subject(week, [comparison_title(tools[c.a], tools[c.b]) for c in pairing.pairs])
    issue.cutoff = window.cutoff(now)
    session.add(issue)
    session.flush()
    assert issue.id is not None
    log.info("composed %s: %d comparisons from %d new tools", week, len(pairing.pairs), len(fresh))
    return ComposeResult(
        issue.id, week, tuple(comparison_title(tools[c.a], tools[c.b]) for c in pairing.pairs), len(fresh),
        pairing, {tool_id: tool.name for tool_id, tool in tools.items()}, tally,
        queries.dropped_takes(session, issue_id=issue.id), notes,
    )


def _embeddings(session: Session, embedder: Embedder | None, tools: Sequence[Tool],
                profiles: Sequence[Profile]) -> tuple[np.ndarray | None, tuple[str, ...]]:
    """The purpose embeddings, or None and a note when the endpoint fails (pairing goes on with
    TF-IDF alone rather than not at all)."""
    if embedder is None:
        return None, ()
    try:
        return embedder(session, tools, profiles), ()
    except LLMError as exc:
        log.warning("embeddings unavailable, pairing by TF-IDF alone: %s", exc)
        return None, (f"embeddings unavailable, pairs chosen by TF-IDF alone: {exc}",)


def tools_to_review(
    session: Session, *, week: str, tool_ids: Sequence[int] | None = None, now: datetime | None = None
) -> list[Tool]:
    """The named tools, or the tools that landed for `week`'s issue and are not compared yet."""
    if tool_ids:
        return [queries.get_tool(session, tool_id=tool_id) for tool_id in tool_ids]
    issue = queries.issue_for_week(session, week=week)
    previous = queries.previous_issue(session, week=week)
    window = compose_window(week, now=now or utcnow(), previous_cutoff=previous.cutoff if previous else None)
    fresh, _, tools = _candidates(session, window, exclude_issue_id=issue.id if issue else None,
                                  recent_weeks=0)
    return [tools[p.id] for p in fresh]


def _draft_for(session: Session, week: str) -> NewsletterIssue | None:
    issue = queries.issue_for_week(session, week=week)
    if issue is not None and issue.status != IssueStatus.DRAFT:
        raise ComposeError(f"issue {issue.id} for {week} is {issue.status}: only a draft can be recomposed")
    return issue


def _new_draft(session: Session, week: str) -> NewsletterIssue:
    issue = NewsletterIssue(week=week, subject=issue_subject(week, []))
    session.add(issue)
    session.flush()
    return issue


def _candidates(
    session: Session, window: Window, *, exclude_issue_id: int | None, recent_weeks: int
) -> tuple[list[Profile], list[Profile], dict[int, Tool]]:
    """The window's pairable tools not yet compared, and notable recent tools to face them."""
    compared = queries.compared_pairs(session, exclude_issue_id=exclude_issue_id)
    compared_ids = {t for a, b, _ in compared for t in (a, b)}
    dated = queries.ai_tools_published(session)
    fresh_tools = [t for t, when in dated if t.id not in compared_ids
                   and window.takes(published=when, first_seen=t.first_seen_at)]
    floor = (window.since or window.end) - timedelta(weeks=recent_weeks)
    fresh_ids = {t.id for t in fresh_tools}
    older = [t for t, when in dated
             if t.id not in fresh_ids and floor <= (when or t.first_seen_at) < window.end]
    counts = queries.launch_counts(session, tool_ids=[t.id for t in older if t.id is not None])
    notable = [t for t in older if t.id in compared_ids or counts.get(t.id or 0, 0) >= 2]
    tools = {t.id: t for t in (*fresh_tools, *notable) if t.id is not None}
    facts = queries.fact_values_by_tool(session, tool_ids=tools)
    return ([profile_of(t, facts.get(t.id or 0, [])) for t in fresh_tools],
            [profile_of(t, facts.get(t.id or 0, [])) for t in notable], tools)


def profile_of(tool: Tool, facts: Sequence[tuple[str, str, bool]]) -> Profile:
    """What pairing reads of a stored tool, given its (kind, value, negated) facts."""
    positive = [(kind, value) for kind, value, negated in facts if not negated]
    return Profile(
        id=tool.id or 0, name=tool.name, tagline=tool.tagline or "", description=tool.description or "",
        category=tool.category or "AI Tools", domain=tool.domain,
        fact_kinds=frozenset(kind for kind, _ in positive), facts=tuple(positive),
    )


def _rules(session: Session, week: str, options: PairingOptions, *, exclude_issue_id: int | None) -> Rules:
    decisions = queries.pairing_decisions(session, week=week)
    published = frozenset(frozenset((a, b)) for a, b, _ in
                          queries.compared_pairs(session, exclude_issue_id=exclude_issue_id))
    return Rules(
        min_score=options.min_score,
        opponent_min_score=options.opponent_min_score,
        pinned=tuple((d.tool_a_id, d.tool_b_id) for d in decisions if d.action == "pin" and d.tool_b_id),
        forbidden=frozenset(frozenset((d.tool_a_id, d.tool_b_id)) for d in decisions
                            if d.action == "forbid" and d.tool_b_id),
        dropped=frozenset(d.tool_a_id for d in decisions if d.action == "drop"),
        published=published,
    )


def _with_pinned(session: Session, recent: list[Profile], fresh: list[Profile], rules: Rules,
                 tools: dict[int, Tool]) -> list[Profile]:
    """`recent` plus any pinned tool that is in neither list (an editor may pin an older tool)."""
    known = {p.id for p in (*fresh, *recent)}
    missing = sorted({t for pair in rules.pinned for t in pair} - known)
    if not missing:
        return recent
    facts = queries.fact_values_by_tool(session, tool_ids=missing)
    extra = []
    for tool_id in missing:
        tool = queries.get_tool(session, tool_id=tool_id)
        tools[tool_id] = tool
        extra.append(profile_of(tool, facts.get(tool_id, [])))
    return [*recent, *extra]


def _store_comparisons(session: Session, issue: NewsletterIssue, pairs: Sequence[PairChoice],
                       tools: dict[int, Tool], panel: PanelProvider, briefs: Sequence[Brief]) -> ReviewTally:
    """Replace the draft's comparisons by `pairs`, each pinning the reviews it is composed with."""
    assert issue.id is not None
    for old in queries.comparisons_of(session, issue_id=issue.id):
        queries.delete_comparison(session, comparison=old)
    session.flush()
    tally = ReviewTally()
    for position, choice in enumerate(pairs):
        comparison = Comparison(week=issue.week, issue_id=issue.id, position=position, tool_a_id=choice.a,
                                tool_b_id=choice.b, score=choice.score, why=json.dumps(list(choice.why)),
                                pinned=choice.pinned)
        session.add(comparison)
        session.flush()
        assert comparison.id is not None
        for tool_id in (choice.a, choice.b):
            rows = review_tool(session, tool=tools[tool_id], panel=panel, briefs=briefs, tally=tally)
            queries.pin_reviews(session, comparison_id=comparison.id, review_ids=[r.id for r in rows if r.id])
    session.flush()
    return tally


def _nothing_message(week: str, fresh: Sequence[Profile], pairing: Pairing, tools: dict[int, Tool]) -> str:
    if not fresh:
        return (f"nothing to compose for {week}: no new tools published since the previous issue "
                "that are not compared already (run `verdicts ingest` first?)")
    reasons = "; ".join(f"{tools[o.id].name}: {o.reason}" for o in pairing.left_out[:5])
    return f"nothing to compose for {week}: {len(fresh)} new tools but no pair worth making ({reasons})"


def left_out_names(left_out: Sequence[LeftOut], names: dict[int, str]) -> list[tuple[str, str]]:
    """(name, reason) of each candidate left out."""
    return [(names.get(o.id, f"#{o.id}"), o.reason) for o in left_out]
