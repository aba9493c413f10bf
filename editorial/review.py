"""The review stage: every persona's review of a tool, stored once per key.

A review is keyed by the tool's content, the persona file's content and the provider/model, so the
same tool version and persona brief are never judged (or billed) twice, and editing a persona's
file re-reviews what it judges the next time a review is asked for. Every take passes the
grounding check before it is stored; one that fails is stored as dropped (no take), with why.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlmodel import Session

from db import queries
from db.models import PanelReview, Tool
from editorial.grounding import Source, check_take
from editorial.panel import Brief, Judgement, PanelProvider, Review, ReviewContext, ToolProfile
from scrapers.records import FactRecord
from verdicts.llm import LLMError

log = logging.getLogger(__name__)


@dataclass
class ReviewTally:
    """What a review run did: reviews judged now, reused, dropped by grounding, failed calls."""

    tools: int = 0
    judged: int = 0
    reused: int = 0
    dropped: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: ReviewTally) -> None:
        self.tools += other.tools
        self.judged += other.judged
        self.reused += other.reused
        self.dropped += other.dropped
        self.errors.extend(other.errors)


def review_key(tool_hash: str, persona_hash: str, provider: str, model: str) -> str:
    """The key one review is stored under."""
    return hashlib.sha256(f"{tool_hash}|{persona_hash}|{provider}|{model}".encode()).hexdigest()


def review_tool(
    session: Session, *, tool: Tool, panel: PanelProvider, briefs: Sequence[Brief],
    tally: ReviewTally | None = None,
) -> list[PanelReview]:
    """The tool's current review by each persona (reused when stored under its key); a persona
    whose provider call failed is left out and the failure noted in `tally`."""
    tally = tally if tally is not None else ReviewTally()
    tally.tools += 1
    profile = tool_profile(session, tool)
    tool_hash = profile.content_hash()
    source = Source(profile.source_text, profile.facts)
    rows: list[PanelReview] = []
    for brief in briefs:
        model = panel.model_for(brief.name)
        key = review_key(tool_hash, brief.digest, panel.name, model)
        row = queries.find_review(session, tool_id=tool.id or 0, persona=brief.name, review_key=key)
        if row is not None:
            tally.reused += 1
        else:
            context = ReviewContext(recent_takes=queries.recent_takes(session, persona=brief.name),
                                    other_takes=[r.take for r in rows if r.take],
                                    check=lambda take: check_take(take, source))
            try:
                judgement = panel.judge(profile, brief, context)
            except LLMError as exc:
                tally.errors.append(f"{tool.name} / {brief.name}: {exc}")
                log.warning("review of %s by %s failed: %s", tool.name, brief.name, exc)
                continue
            row = _store(session, tool, brief, grounded(judgement, source), key=key, tool_hash=tool_hash,
                         provider=panel.name)
            tally.judged += 1
            tally.dropped += row.dropped is not None
        rows.append(row)
    return rows


def grounded(judgement: Judgement, source: Source) -> Judgement:
    """The judgement as it may be stored: a take that fails the grounding check is dropped."""
    review = judgement.review
    if review.take is None:
        return judgement
    problems = check_take(review.take, source)
    if not problems:
        return judgement
    return Judgement(Review.no_take(review.persona), judgement.model, judgement.attempts,
                     judgement.latency_ms, judgement.prompt_tokens, judgement.completion_tokens,
                     dropped="; ".join(problems))


def _store(session: Session, tool: Tool, brief: Brief, judgement: Judgement, *, key: str, tool_hash: str,
           provider: str) -> PanelReview:
    review = judgement.review
    row = PanelReview(
        tool_id=tool.id or 0, persona=brief.name, provider=provider, model=judgement.model,
        score=review.score, decision=review.decision, take=review.take, tool_hash=tool_hash,
        persona_hash=brief.digest, review_key=key, dropped=judgement.dropped, attempts=judgement.attempts,
        latency_ms=judgement.latency_ms, prompt_tokens=judgement.prompt_tokens,
        completion_tokens=judgement.completion_tokens,
    )
    session.add(row)
    session.flush()
    return row


def tool_profile(session: Session, tool: Tool) -> ToolProfile:
    """What the panel sees of a stored tool: its words, its launches' text, its facts."""
    assert tool.id is not None
    facts = tuple(
        FactRecord(kind=f.kind, value=f.value, snippet=f.snippet, negated=f.negated)
        for f in queries.facts_of(session, tool_id=tool.id)
        if _known_kind(f.kind)
    )
    launches = queries.launches_of(session, tool_id=tool.id)
    launch_text = " ".join(part for launch in launches for part in (launch.title, launch.summary) if part)
    return ToolProfile(
        name=tool.name, tagline=tool.tagline or "", description=tool.description or "",
        category=tool.category or "AI Tools", url=tool.url, facts=facts, launch_text=launch_text,
    )


def _known_kind(kind: str) -> bool:
    """Whether FactRecord accepts the kind (a kind another release stored is skipped, not fatal)."""
    try:
        FactRecord(kind=kind, value="", snippet="")
    except ValueError:
        return False
    return True
