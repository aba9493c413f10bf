"""Editors' pairing decisions for a week: pin a pair, forbid a pair, drop a tool. Stored, and
honoured by every later compose of that week."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session

from db import queries
from db.models import PairingDecision
from db.states import IssueStatus
from editorial.issues import normalised_email
from editorial.pairing import is_same_tool
from editorial.similarity import Profile
from editorial.weeks import week_bounds

ACTIONS = ("pin", "forbid", "drop")


class DecisionError(ValueError):
    """The decision cannot be recorded as asked; the message says why."""


def decide(
    session: Session, *, week: str, action: str, tool_ids: Sequence[int], editor: str
) -> PairingDecision:
    """Record `action` on the tools for `week`, replacing what it contradicts; DecisionError if not."""
    week_bounds(week)
    editor = normalised_email(editor)
    _ensure_week_is_open(session, week)
    if action not in ACTIONS:
        raise DecisionError(f"unknown action {action!r}; one of: {', '.join(ACTIONS)}")
    tools = [queries.get_tool(session, tool_id=t) for t in tool_ids]
    existing = list(queries.pairing_decisions(session, week=week))
    if action == "drop":
        if len(tools) != 1:
            raise DecisionError("drop takes one tool")
        _remove(session, [d for d in existing if tools[0].id in (d.tool_a_id, d.tool_b_id)])
        return _add(session, week, "drop", tools[0].id or 0, None, editor)
    if len(tools) != 2:
        raise DecisionError(f"{action} takes two tools")
    a, b = sorted(t.id or 0 for t in tools)
    if a == b:
        raise DecisionError("a tool cannot be paired with itself")
    same = [d for d in existing if {d.tool_a_id, d.tool_b_id} == {a, b}]
    if action == "pin":
        _ensure_pinnable(session, week, tools, existing)
    _remove(session, same)
    return _add(session, week, action, a, b, editor)


def clear(session: Session, *, week: str, tool_ids: Sequence[int]) -> int:
    """Remove the week's decisions on this tool (or this pair); how many were removed."""
    _ensure_week_is_open(session, week)
    wanted = set(tool_ids)
    existing = queries.pairing_decisions(session, week=week)
    if len(wanted) == 1:
        gone = [d for d in existing if wanted & {d.tool_a_id, d.tool_b_id}]
    else:
        gone = [d for d in existing if {d.tool_a_id, d.tool_b_id} == wanted]
    _remove(session, gone)
    return len(gone)


def _ensure_week_is_open(session: Session, week: str) -> None:
    issue = queries.issue_for_week(session, week=week)
    if issue is not None and issue.status != IssueStatus.DRAFT:
        raise DecisionError(
            f"issue {issue.id} for {week} is {issue.status}: it is not recomposed, "
            "so a pairing decision would change nothing"
        )


def _ensure_pinnable(
    session: Session, week: str, tools: Sequence, existing: Sequence[PairingDecision]
) -> None:  # noqa: ANN001
    a, b = tools
    if is_same_tool(_profile(a), _profile(b)):
        raise DecisionError(f"{a.name} and {b.name} are records of one tool: they cannot be compared")
    ids = {a.id, b.id}
    for d in existing:
        if d.action == "drop" and d.tool_a_id in ids:
            raise DecisionError(
                f"tool {d.tool_a_id} is dropped for {week}: `verdicts pairs clear {d.tool_a_id}` first"
            )
        if d.action == "pin" and ids & {d.tool_a_id, d.tool_b_id} and {d.tool_a_id, d.tool_b_id} != ids:
            raise DecisionError(
                f"tool {(ids & {d.tool_a_id, d.tool_b_id}).pop()} is already pinned to another "
                f"tool for {week}: `verdicts pairs clear {d.tool_a_id} {d.tool_b_id}` first"
            )
    issue = queries.issue_for_week(session, week=week)
    for x, y, other_week in queries.compared_pairs(session, exclude_issue_id=issue.id if issue else None):
        if {x, y} == ids:
            raise DecisionError(f"{a.name} vs {b.name} was already compared in {other_week}")


def _profile(tool) -> Profile:  # noqa: ANN001
    return Profile(
        id=tool.id or 0, name=tool.name, tagline="", description="", category="", domain=tool.domain
    )


def _add(session: Session, week: str, action: str, a: int, b: int | None, editor: str) -> PairingDecision:
    decision = PairingDecision(week=week, action=action, tool_a_id=a, tool_b_id=b, editor=editor)
    session.add(decision)
    session.flush()
    return decision


def _remove(session: Session, decisions: Sequence[PairingDecision]) -> None:
    for decision in decisions:
        session.delete(decision)
    session.flush()
