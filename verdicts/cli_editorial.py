"""`verdicts pairs …` (editors pin, forbid, drop) and `verdicts review`; what compose prints."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

if TYPE_CHECKING:
    from editorial.compose import ComposeResult

editorial_app = typer.Typer()
pairs_app = typer.Typer(
    help="Editors' pairing decisions for a week: pin, forbid, drop.", no_args_is_help=True
)
editorial_app.add_typer(pairs_app, name="pairs")

F = TypeVar("F", bound=Callable[..., Any])
WeekOpt = Annotated[str | None, typer.Option("--week", help="ISO week, e.g. 2026-W48 (default: this week).")]
EditorOpt = Annotated[str, typer.Option("--as", help="The editor's email address.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
ToolArg = Annotated[int, typer.Argument(help="A tool id (see `verdicts tools list`).")]


def user_errors(func: F) -> F:
    """verdicts.cli's user_errors, looked up when the command runs (verdicts.cli imports this module)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from verdicts.cli import user_errors as report_user_errors

        return report_user_errors(func)(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def _week(week: str | None) -> str:
    from editorial.weeks import current_week, week_bounds

    week = week or current_week()
    week_bounds(week)
    return week


def _decide(action: str, tool_ids: list[int], week: str | None, editor: str) -> None:
    from db.engine import session_scope
    from editorial.decisions import decide
    from verdicts import stages
    from verdicts.settings import get_settings

    week_name = _week(week)
    with session_scope(stages.engine_for(get_settings())) as session:
        decide(session, week=week_name, action=action, tool_ids=tool_ids, editor=editor)
    what = " and ".join(f"tool {t}" for t in tool_ids)
    typer.echo(
        f"{action}: {what} for {week_name} (recorded; `verdicts compose --week {week_name}` applies it)"
    )


@pairs_app.command("pin")
@user_errors
def pairs_pin(tool_a: ToolArg, tool_b: ToolArg, editor: EditorOpt, week: WeekOpt = None) -> None:
    """Pin a pair: every later compose of the week includes it."""
    _decide("pin", [tool_a, tool_b], week, editor)


@pairs_app.command("forbid")
@user_errors
def pairs_forbid(tool_a: ToolArg, tool_b: ToolArg, editor: EditorOpt, week: WeekOpt = None) -> None:
    """Forbid a pair: no later compose of the week makes it."""
    _decide("forbid", [tool_a, tool_b], week, editor)


@pairs_app.command("drop")
@user_errors
def pairs_drop(tool: ToolArg, editor: EditorOpt, week: WeekOpt = None) -> None:
    """Drop a tool from the week: no later compose of the week pairs it."""
    _decide("drop", [tool], week, editor)


@pairs_app.command("clear")
@user_errors
def pairs_clear(
    tool_a: ToolArg, tool_b: Annotated[int | None, typer.Argument()] = None, week: WeekOpt = None
) -> None:
    """Remove the week's decisions on a tool, or on a pair."""
    from db.engine import session_scope
    from editorial.decisions import clear
    from verdicts import stages
    from verdicts.settings import get_settings

    week_name = _week(week)
    ids = [tool_a] + ([tool_b] if tool_b is not None else [])
    with session_scope(stages.engine_for(get_settings())) as session:
        removed = clear(session, week=week_name, tool_ids=ids)
    typer.echo(f"{removed} decision(s) removed for {week_name}")


@pairs_app.command("list")
@user_errors
def pairs_list(week: WeekOpt = None, as_json: JsonOpt = False) -> None:
    """The week's pairing decisions."""
    from db import queries
    from db.engine import session_scope
    from verdicts import stages
    from verdicts.settings import get_settings

    week_name = _week(week)
    with session_scope(stages.engine_for(get_settings())) as session:
        names = {t.id: t.name for t in queries.all_tools(session)}
        rows = [
            {
                "action": d.action,
                "tools": [t for t in (d.tool_a_id, d.tool_b_id) if t is not None],
                "editor": d.editor,
                "at": d.created_at.isoformat(),
            }
            for d in queries.pairing_decisions(session, week=week_name)
        ]
    if as_json:
        typer.echo(json.dumps(rows, indent=2))
        return
    for row in rows:
        tools = " vs ".join(f"{names.get(t, '?')} ({t})" for t in row["tools"])
        typer.echo(f"{row['action']:<7} {tools}  by {row['editor']}")
    if not rows:
        typer.echo(f"no pairing decisions for {week_name}")


@editorial_app.command("review")
@user_errors
def review(
    week: WeekOpt = None,
    tool: Annotated[list[int] | None, typer.Option("--tool", help="Only this tool (repeatable).")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Review the tools that landed for the week's issue with the panel (stored reviews are reused)."""
    from verdicts import stages
    from verdicts.settings import get_settings

    tally = stages.review(get_settings(), _week(week), tool_ids=tool)
    if as_json:
        typer.echo(json.dumps(tally.__dict__, indent=2))
    else:
        typer.echo(
            f"reviewed {tally.tools} tools: {tally.judged} reviews judged now, {tally.reused} reused, "
            f"{tally.dropped} takes dropped by the grounding check, {len(tally.errors)} failed"
        )
        for error in tally.errors:
            typer.secho(f"  failed: {error}", fg=typer.colors.YELLOW)
    if tally.errors:
        raise typer.Exit(1)


# --- what compose and issues show print ----------------------------------------------------------


def print_compose_details(result: ComposeResult, explain: bool) -> None:
    """The composed pairs (with score and why under --explain), who was left out, dropped takes."""
    pairing = result.pairing
    for title, choice in zip(result.comparisons, pairing.pairs if pairing else (), strict=False):
        mark = " (pinned)" if choice.pinned else ""
        typer.echo(f"  - {title}{mark}" + (f"  [score {choice.score:.2f}]" if explain else ""))
        if explain:
            for reason in choice.why[1:]:
                typer.echo(f"      {reason}")
    if explain and pairing is not None:
        typer.echo(
            f"left out ({len(pairing.left_out)}), pairs chosen by {pairing.method} "
            f"over {pairing.edges} candidate links:"
        )
        for left in pairing.left_out:
            typer.echo(f"  - {result.names.get(left.id, f'#{left.id}')} ({left.id}): {left.reason}")
    tally = result.reviews
    typer.echo(
        f"panel: {tally.judged} reviews judged now, {tally.reused} reused; "
        f"takes dropped by the grounding check: {result.dropped_takes}"
    )
    for error in tally.errors:
        typer.secho(f"  panel error: {error}", fg=typer.colors.YELLOW)
    for note in result.notes:
        typer.secho(f"  note: {note}", fg=typer.colors.YELLOW)


def print_comparisons(rows: list[dict[str, Any]]) -> None:
    """Each comparison of `issues show`: the pair, its score and why, the takes it pinned."""
    typer.echo(f"comparisons    {len(rows)}")
    for row in rows:
        score = f"{row['score']:.2f}" if row["score"] is not None else "-"
        typer.echo(
            f"  {row['position'] + 1}. {row['left']['name']} vs {row['right']['name']}  [score {score}]"
            + (" (pinned)" if row["pinned"] else "")
        )
        for reason in row["why"][1:]:
            typer.echo(f"       {reason}")
        takes = sum(1 for r in row["reviews"] if r["take"])
        dropped = [r for r in row["reviews"] if r["dropped"]]
        typer.echo(f"       {takes} takes, {len(dropped)} dropped by the grounding check")
        for review in dropped:
            typer.echo(f"         dropped {review['persona']}: {review['dropped']}")
