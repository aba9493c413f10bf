"""`verdicts tools`: the tools ingestion found, with their launches and the evidence for each fact."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

if TYPE_CHECKING:  # imported inside the commands, so that `verdicts --help` stays fast
    from db.models import Fact, Launch, Tool

tools_app = typer.Typer(help="Tools found by ingestion.", no_args_is_help=True)

F = TypeVar("F", bound=Callable[..., Any])
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
LimitOpt = Annotated[int | None, typer.Option("--limit", min=1, help="Only the N newest tools.")]
NewestOpt = Annotated[int | None, typer.Option("--limit", min=1, help="Only the N newest.")]
NewestOpt = Annotated[int | None, typer.Option("--limit", min=1, help="Only the N newest.")]
CategoryOpt = Annotated[str | None, typer.Option("--category", help="Only tools in this category.")]


def user_errors(func: F) -> F:
    """verdicts.cli's user_errors, looked up when the command runs: verdicts.cli imports this
    module to register its commands, so this module cannot import it at load time."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from verdicts.cli import user_errors as report_user_errors

        return report_user_errors(func)(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


@tools_app.command("list")
@user_errors
def tools_list(as_json: JsonOpt = False, limit: LimitOpt = None, category: CategoryOpt = None) -> None:
    """Every tool, newest first: id, name, category, first seen, launches and their sources."""
    from db import queries
    from db.engine import session_scope
    from verdicts import stages
    from verdicts.settings import get_settings

    with session_scope(stages.engine_for(get_settings())) as session:
        tools = [t for t in queries.all_tools(session) if _in_category(t, category)]
        tools = sorted(tools, key=lambda t: (t.first_seen_at, t.id or 0), reverse=True)[:limit]
        stats = queries.launch_stats_by_tool(session, tool_ids=[t.id for t in tools if t.id is not None])
        rows = [_list_row(tool, *stats.get(tool.id or 0, (0, []))) for tool in tools]
        skipped = len(queries.skipped_launches(session))
    if as_json:
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if not rows:
        typer.echo(f"no tools in category {category!r}" if category
                   else "no tools yet: run `verdicts ingest`")
        return
    typer.echo(f"{'id':>5}  {'first seen':<10}  {'launches':>8}  {'category':<18} {'name':<28} sources")
    for row in rows:
        typer.echo(f"{row['id']:>5}  {row['first_seen'][:10]:<10}  {row['launches']:>8}  "
                   f"{_cut(row['category'] or '-', 18):<18} {_cut(row['name'], 28):<28} "
                   f"{', '.join(row['sources'])}")
    if skipped:
        typer.echo(f"\n{skipped} entries skipped (not launches, or not AI): `verdicts tools skipped`")


@tools_app.command("skipped")
@user_errors
def tools_skipped(as_json: JsonOpt = False, limit: NewestOpt = None) -> None:
    """Skipped entries, newest first: stored but making no tool, each with what it is instead
    (article, paper, newsletter, podcast, job, event, funding, tutorial, changelog, not an AI tool)."""
    from db import queries
    from db.engine import session_scope
    from verdicts import stages
    from verdicts.settings import get_settings

    with session_scope(stages.engine_for(get_settings())) as session:
        skipped = queries.skipped_launches(session, limit=limit)
        rows = [_skipped_row(launch, source) for launch, source in skipped]
    if as_json:
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if not rows:
        typer.echo("no skipped entries")
        return
    typer.echo("Skipped entries")
    typer.echo(f"{'id':>6}  {'published':<10}  {'reason':<16} {'source':<16} title")
    for row in rows:
        when = (row["published"] or "undated")[:10]
        typer.echo(f"{row['id']:>6}  {when:<10}  {_cut(row['reason'], 16):<16} "
                   f"{_cut(row['source'], 16):<16} {_cut(row['title'], 70)}")


@tools_app.command("show")
@user_errors
def tools_show(tool_id: Annotated[int, typer.Argument(help="The tool's id (see `verdicts tools list`).")],
               as_json: JsonOpt = False) -> None:
    """One tool: its fields, its launches (source, title, URL, date) and its facts with evidence."""
    from db import queries
    from db.engine import session_scope
    from verdicts import stages
    from verdicts.settings import get_settings

    with session_scope(stages.engine_for(get_settings())) as session:
        tool = queries.get_tool(session, tool_id=tool_id)
        sources = {s.id: s.name for s in queries.list_sources(session)}
        info = _tool_fields(tool)
        launches = queries.launches_of(session, tool_id=tool_id)
        info["launches"] = [_launch_row(launch, sources) for launch in launches]
        info["facts"] = [_fact_row(fact) for fact in queries.facts_of(session, tool_id=tool_id)]
    if as_json:
        typer.echo(json.dumps(info, indent=2, ensure_ascii=False))
        return
    _print_tool(info)


# --- data ----------------------------------------------------------------------------------------


def _in_category(tool: Tool, category: str | None) -> bool:
    return category is None or (tool.category or "").casefold() == category.strip().casefold()


def _list_row(tool: Tool, launches: int, sources: list[str]) -> dict[str, Any]:
    return {"id": tool.id, "name": tool.name, "category": tool.category,
            "first_seen": _iso(tool.first_seen_at), "launches": launches, "sources": sources}


def _tool_fields(tool: Tool) -> dict[str, Any]:
    return {"id": tool.id, "name": tool.name, "slug": tool.slug, "category": tool.category,
            "vendor": tool.vendor, "tagline": tool.tagline, "url": tool.url, "domain": tool.domain,
            "pricing_model": tool.pricing_model, "pricing": tool.pricing,
            "first_seen": _iso(tool.first_seen_at), "description": tool.description}


def _launch_row(launch: Launch, sources: dict[int | None, str]) -> dict[str, Any]:
    return {"id": launch.id, "source": sources.get(launch.source_id, f"#{launch.source_id}"),
            "title": launch.title, "url": launch.url, "published": _iso(launch.published_at)}


def _skipped_row(launch: Launch, source: str) -> dict[str, Any]:
    return {"id": launch.id, "source": source, "kind": launch.kind,
            "reason": launch.skip_reason or ("not an AI tool" if not launch.is_ai_tool else launch.kind),
            "title": launch.title, "url": launch.url, "published": _iso(launch.published_at)}


def _fact_row(fact: Fact) -> dict[str, Any]:
    return {"kind": fact.kind, "value": fact.value, "evidence": fact.snippet, "launch_id": fact.launch_id}


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


# --- printing ------------------------------------------------------------------------------------


def _print_tool(info: dict[str, Any]) -> None:
    for key, value in info.items():
        if key not in ("launches", "facts", "description"):
            typer.echo(f"{key:<14} {value if value is not None else '-'}")
    if info["description"]:
        typer.echo(f"{'description':<14} {_cut(info['description'], 400)}")
    typer.echo(f"\nlaunches ({len(info['launches'])}):")
    for launch in info["launches"]:
        when = (launch["published"] or "undated")[:10]
        typer.echo(f"  {when}  {launch['source']:<16} {launch['title']}")
        if launch["url"]:
            typer.echo(f"              {launch['url']}")
    typer.echo(f"\nfacts ({len(info['facts'])}):")
    for fact in info["facts"]:
        typer.echo(f"  {fact['kind']:<24} {fact['value']}")
        typer.echo(f"  {'':<24} evidence: “{fact['evidence']}”")
    if not info["facts"]:
        typer.echo("  none found in its launches")


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
