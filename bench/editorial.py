"""Editorial benchmark: pairs an editor keeps, grounded takes, and compose time.

    .venv/bin/python bench/editorial.py [--half held|tune|all] [--sizes 250,1000,4000]

1. The labelled weeks (bench/labelled/weeks.jsonl, our own writing) are written as RSS feeds, one
   per source, to a temporary folder and ingested through the real path (fetch, parse, store) into
   a fresh SQLite file; whether an item is a launch is the set's label, not the classifier's guess
   (this bench measures pairing and the panel; the bench prints how often the classifier disagreed).
   Per provider (`rules`; `llm` too when VERDICTS_LLM_BASE_URL and a model are set), the weeks are
   reviewed (as the review stage does when tools land) and composed in order (`compose --week W`)
   with room for every pair. Printed per half: expected pairs made, grounding failures among the
   stored takes, take coverage (persona × tool cells with a take) and the share of take sentences
   shared with another take of the issue. Targets on held: pairs >= 90%, 0 failures,
   coverage >= 70%, shared <= 10%.
2. Compose time for N synthetic candidates (ingested from a generated feed), with the pairing
   method chosen automatically, plus the pairing alone by maximum-weight matching and by
   best-edge-first (time and total score). Target: 1,000 candidates composed in <= 10 s.

A sentence is "shared" when it repeats a sentence of another take of the same issue (the takes
its comparisons show) once each tool's own values are replaced: its name, its facts' values, any
number, quoted text and every run of three or more words from its own launch text. What is left
(the frame) must keep at least three words of ours, and match exactly or by a fuzzy ratio >= 90:
the reader sees a template. Coverage counts every persona x tool cell of the labelled weeks.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rapidfuzz import fuzz  # noqa: E402
from sqlmodel import Session, select  # noqa: E402

from db import queries  # noqa: E402
from db.engine import get_engine, upgrade  # noqa: E402
from db.models import Launch  # noqa: E402
from editorial.compose import NothingToCompose, PairingOptions, compose_week, profile_of  # noqa: E402
from editorial.grounding import Source, check_take  # noqa: E402
from editorial.pairing import MATCHING_NODE_LIMIT, Rules, choose_pairs  # noqa: E402
from editorial.panel import load_briefs, make_panel  # noqa: E402
from editorial.review import review_tool, tool_profile  # noqa: E402
from scrapers.facts import split_sentences  # noqa: E402
from scrapers.fetch import make_client  # noqa: E402
from scrapers.ingest import Fetched, IngestOptions, fetch_source, ingest_many, store_fetched  # noqa: E402
from scrapers.sources import SourceConfig  # noqa: E402
from verdicts.settings import Settings  # noqa: E402

LABELLED = Path(__file__).resolve().parent / "labelled" / "weeks.jsonl"
NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)
ROOM = 12  # comparisons per issue for the labelled weeks: room for every pair


def write_feeds(weeks: list[dict], folder: Path) -> Path:
    """One RSS file per source holding its launches of every week; the sources file naming them."""
    by_source: dict[str, list[dict]] = {}
    for week in weeks:
        for item in week["launches"]:
            by_source.setdefault(item["source"], []).append(item)
    lines = []
    for source, items in by_source.items():
        entries = "".join(
            f"<item><title>{escape(i['title'])}</title><link>{escape(i['website'] or i['link'])}</link>"
            f'<guid isPermaLink="false">{i["id"]}</guid>'
            f"<pubDate>{format_datetime(_when(i['published']))}</pubDate>"
            f"<description>{escape(i['summary'])}</description></item>"
            for i in items
        )
        (folder / f"{source}.rss").write_text(
            f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{source}</title>'
            f"<link>https://{source}.example/</link>{entries}</channel></rss>",
            encoding="utf-8",
        )
        lines.append(f'[[source]]\nname = "{source}"\nkind = "feed"\nurl = "{source}.rss"\n')
    path = folder / "sources.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _when(iso: str) -> datetime:
    return datetime.fromisoformat(iso.replace("Z", "+00:00"))


def ingest_labelled(weeks: list[dict], folder: Path) -> tuple[str, dict[str, int]]:
    """A migrated SQLite file with the labelled launches ingested; labelled id -> tool id.

    Each feed goes through the real fetch, parse and store path, but whether an item is an AI
    tool launch is the set's label, not the classifier's guess: this bench measures pairing and
    the panel, not classification (the record issue's bench measures that)."""
    from scrapers.sources import load_sources

    url = f"sqlite:///{folder / 'labelled.db'}"
    upgrade(url)
    labels = {i["id"]: i["label"] in ("launch", "release") for w in weeks for i in w["launches"]}
    sources: list[SourceConfig] = load_sources(write_feeds(weeks, folder))
    engine = get_engine(url)
    overruled = 0
    with make_client(user_agent="bench", timeout=10) as client:
        for source in sources:
            fetched = fetch_source(source, engine=engine, client=client, options=IngestOptions(force=True))
            assert isinstance(fetched, Fetched), fetched
            records = [r.model_copy(update={"is_ai_tool": labels[r.guid],
                                            "kind": "launch" if labels[r.guid] else "other"})
                       for r in fetched.reading.records]
            overruled += sum((r.is_ai_tool and r.kind != "other") != labels[r.guid]
                             for r in fetched.reading.records)
            store_fetched(replace(fetched, reading=replace(fetched.reading, records=records)), engine=engine)
    with Session(engine) as session:
        launches = session.exec(select(Launch)).all()
        tool_of = {launch.guid: launch.tool_id for launch in launches}
    print(f"labels: launch/other taken from the set, not the classifier (it disagreed on {overruled} "
          f"of {len(labels)} items)")
    return url, {k: v for k, v in tool_of.items() if v is not None}


_WORDS = re.compile(r"[\w$%./+-]+")
PLACEHOLDER = "§"


def frame(sentence: str, own: Own) -> str:
    """The sentence with the tool's own values replaced by §: its name, its facts' values, any
    number, quoted text, and every run of three or more words taken from its own launch text."""
    text = re.sub(r"“[^”]*”|\"[^\"]*\"", f" {PLACEHOLDER} ", sentence)
    for value in own.values:
        text = re.sub(re.escape(value), f" {PLACEHOLDER} ", text, flags=re.I)
    words = [w.strip(".,;:!?—–()'’").casefold() for w in _WORDS.findall(text)]
    words = [w for w in words if w]
    mask = [w == PLACEHOLDER or any(c.isdigit() for c in w) for w in words]
    for start in range(len(words) - 2):
        if tuple(words[start:start + 3]) in own.trigrams:
            mask[start:start + 3] = [True] * 3
    kept = [PLACEHOLDER if masked else w for w, masked in zip(words, mask, strict=True)]
    return " ".join(w for n, w in enumerate(kept) if w != PLACEHOLDER or n == 0 or kept[n - 1] != PLACEHOLDER)


@dataclass(frozen=True)
class Own:
    """A tool's own values: name and fact values, and the word trigrams of its launch text."""

    values: tuple[str, ...]
    trigrams: frozenset[tuple[str, ...]]

    @classmethod
    def of(cls, name: str, text: str, fact_values: list[str]) -> Own:
        words = [w.strip(".,;:!?—–()'’\"“”").casefold() for w in _WORDS.findall(text)]
        words = [w for w in words if w]
        values = sorted({name, *(v for v in fact_values if len(v) > 2)}, key=len, reverse=True)
        return cls(tuple(values), frozenset(tuple(words[i:i + 3]) for i in range(len(words) - 2)))


def shared_share(takes: list[tuple[int, Own, str]]) -> tuple[int, int]:
    """(sentences shared with another take, sentences) over (cell, own values, take) triples: a
    sentence is shared when its frame, with three or more words of ours left in it, is the same as
    (fuzzy ratio >= 90) the frame of a sentence of another take."""
    frames = []
    for cell, own, take in takes:
        for sentence in split_sentences(take):
            text = frame(sentence, own)
            frames.append((cell, text, len([w for w in text.split() if w != PLACEHOLDER]) >= 3))
    shared = 0
    for i, (cell, text, template) in enumerate(frames):
        if template and any(c != cell and t_ok and (t == text or fuzz.ratio(t, text) >= 90)
                            for j, (c, t, t_ok) in enumerate(frames) if j != i):
            shared += 1
    return shared, len(frames)


FIGURES = ("expected", "made", "left_ok", "left", "cells", "takes", "failures", "dropped", "shared",
           "sentences", "weeks")


def run_provider(
    provider: str, base_url: str, ids: dict[str, int], weeks: list[dict], folder: Path, settings: Settings,
    show_misses: bool = False,
) -> dict[str, dict[str, float]]:
    """Review and compose every labelled week on a copy of the ingested database; figures per half."""
    path = folder / f"{provider}.db"
    get_engine(base_url).dispose()  # checkpoints the WAL, so the copy has every row
    shutil.copy(base_url.removeprefix("sqlite:///"), path)
    engine = get_engine(f"sqlite:///{path}")
    panel, briefs = make_panel(provider, settings), load_briefs()
    totals: dict[str, dict[str, float]] = {}
    for week in weeks:
        half = totals.setdefault(week["half"], dict.fromkeys(FIGURES, 0))
        tool_ids = sorted({ids[i["id"]] for i in week["launches"] if i["id"] in ids})
        with Session(engine) as session:
            for tool_id in tool_ids:  # the review stage, as the tools land
                tool = queries.get_tool(session, tool_id=tool_id)
                rows = review_tool(session, tool=tool, panel=panel, briefs=briefs)
                profile = tool_profile(session, tool)
                source = Source(profile.source_text, profile.facts)
                half["cells"] += len(briefs)
                for row in rows:
                    half["dropped"] += row.dropped is not None
                    if row.take:
                        half["takes"] += 1
                        half["failures"] += bool(check_take(row.take, source))
            session.commit()
            try:
                result = compose_week(
                    session, week=week["week"], panel=panel, briefs=briefs, limit=ROOM, now=NOW,
                    options=PairingOptions(min_score=settings.pairing_min_score,
                                           opponent_min_score=settings.pairing_opponent_min_score),
                )
                assert result.pairing is not None
                made = {frozenset((c.a, c.b)) for c in result.pairing.pairs}
                left = {o.id for o in result.pairing.left_out}
                shared, sentences = shared_share(issue_takes(session, result.issue_id))
            except NothingToCompose:
                made, left, shared, sentences = set(), set(), 0, 0
            session.commit()
            expected = [frozenset(ids[x] for x in pair if x in ids) for pair in week["pairs"]]
            if show_misses and week["half"] == "tune":  # never the held half's: it is not for tuning
                print_misses(session, week["week"], expected, made)
        half["expected"] += len(expected)
        half["made"] += sum(pair in made for pair in expected)
        half["left"] += len(week["left_out"])
        half["left_ok"] += sum(ids.get(x) in left for x in week["left_out"])
        half["shared"] += shared
        half["sentences"] += sentences
        half["weeks"] += 1
    return totals


def issue_takes(session: Session, issue_id: int) -> list[tuple[int, Own, str]]:
    """(cell, the tool's own values, take) of every take the issue shows."""
    takes = []
    for comparison in queries.comparisons_of(session, issue_id=issue_id):
        assert comparison.id is not None
        for tool_id in (comparison.tool_a_id, comparison.tool_b_id):
            profile = tool_profile(session, queries.get_tool(session, tool_id=tool_id))
            own = Own.of(profile.name, profile.source_text, [f.value for f in profile.facts])
            for review in queries.pinned_reviews(session, comparison_id=comparison.id, tool_id=tool_id):
                if review.take:
                    takes.append((review.id or 0, own, review.take))
    return takes


def print_misses(
    session: Session, week: str, expected: list[frozenset[int]], made: set[frozenset[int]]
) -> None:
    names = {t: queries.get_tool(session, tool_id=t).name for pair in (*expected, *made) for t in pair}
    for pair in expected:
        if pair not in made:
            print(f"  tune {week} missed: {' ~ '.join(names[t] for t in sorted(pair))}")
    for pair in made - set(expected):
        print(f"  tune {week} made instead: {' ~ '.join(names[t] for t in sorted(pair))}")


def print_quality(provider: str, totals: dict[str, dict[str, float]], which: str) -> None:
    for half in ("tune", "held"):
        if which not in ("all", half) or half not in totals:
            continue
        t = totals[half]
        print(
            f"{provider:<6} {half:<5} weeks {int(t['weeks'])}  "
            f"pairs made {int(t['made'])}/{int(t['expected'])} "
            f"({100 * t['made'] / max(t['expected'], 1):.0f}%)  left out as labelled "
            f"{int(t['left_ok'])}/{int(t['left'])}  grounding failures stored {int(t['failures'])} "
            f"(takes dropped {int(t['dropped'])})  coverage {int(t['takes'])}/{int(t['cells'])} "
            f"({100 * t['takes'] / max(t['cells'], 1):.0f}%)  shared sentences {int(t['shared'])}/"
            f"{int(t['sentences'])} ({100 * t['shared'] / max(t['sentences'], 1):.1f}%)"
        )


def calibrate(weeks: list[dict], ids: dict[str, int], url: str) -> None:
    """On the tune half only: the scores of the pairs editors chose and the best scores of the
    tools they left out, within a week and against earlier weeks' compared (tune) tools, and the
    minimum scores halfway between."""
    from editorial.pairing import _Graph
    from editorial.similarity import PurposeSpace

    with Session(get_engine(url)) as session:
        tools = {t.id: t for t, _ in queries.ai_tools_published(session)}
        facts = queries.fact_values_by_tool(session, tool_ids=list(tools))
        profiles = {tool_id: profile_of(t, facts.get(tool_id, [])) for tool_id, t in tools.items()}
    same, across, odd_week, odd_recent = [], [], [], []
    compared: set[int] = set()
    for week in weeks:
        if week["half"] != "tune":
            continue
        fresh = {ids[i["id"]] for i in week["launches"]}
        members = sorted(fresh | compared)
        graph = _Graph([profiles[t] for t in members], PurposeSpace([profiles[t] for t in members]), Rules())
        at = {t: n for n, t in enumerate(members)}
        for a, b in week["pairs"]:
            score = graph.score(at[ids[a]], at[ids[b]])
            (same if {ids[a], ids[b]} <= fresh else across).append(score)
        for x in week["left_out"]:
            odd_week.append(max(graph.score(at[ids[x]], at[t]) for t in fresh if t != ids[x]))
            if compared:
                odd_recent.append(max(graph.score(at[ids[x]], at[t]) for t in compared))
        compared |= {ids[x] for pair in week["pairs"] for x in pair}
    for label, kept, odd, setting in (("within a week", same, odd_week, "MIN_SCORE"),
                                      ("against earlier weeks", across, odd_recent, "OPPONENT_MIN_SCORE")):
        low, high = min(kept), max(odd, default=0.0)
        print(f"calibration (tune, {label}): editors' pairs score {low:.2f} to {max(kept):.2f} "
              f"(median {statistics.median(kept):.2f}); tools left out score at best {high:.2f}; "
              f"halfway: {(low + high) / 2:.2f} ({setting})")


def synthetic_db(n: int, folder: Path) -> str:
    """A migrated SQLite file with `n` generated launches ingested through the real path."""
    from bench.ingest import make_feed

    url = f"sqlite:///{folder / f'synthetic-{n}.db'}"
    upgrade(url)
    (folder / f"synthetic-{n}.rss").write_bytes(make_feed(n, seed=n))
    source = SourceConfig(name=f"synthetic-{n}", kind="feed", url=str(folder / f"synthetic-{n}.rss"))
    with make_client(user_agent="bench", timeout=10) as client:
        ingest_many([source], engine=get_engine(url), client=client, options=IngestOptions(force=True))
    return url


def time_compose(sizes: list[int], folder: Path, settings: Settings) -> None:
    """Compose time (wall and CPU) for each size, and the pairing alone by each method."""
    print("\ncompose time (rules panel, 3 comparisons, SQLite; CPU time beside wall: the machine is shared)")
    print(f"  matcher: 'matching' is networkx max_weight_matching on each connected part of the pruned graph "
          f"(parts of <= {MATCHING_NODE_LIMIT} tools), 'best-edge-first' on larger parts")
    for n in sizes:
        url = synthetic_db(n, folder)
        with Session(get_engine(url)) as session:
            wall, cpu = time.perf_counter(), time.process_time()
            result = compose_week(
                session, week="2026-W49", panel=make_panel("rules", settings), briefs=load_briefs(),
                limit=3, now=NOW, options=PairingOptions(min_score=settings.pairing_min_score),
            )
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            session.rollback()
            tools = [t for t, _ in queries.ai_tools_published(session)]
            facts = queries.fact_values_by_tool(session, tool_ids=[t.id for t in tools])
            profiles = [profile_of(t, facts.get(t.id or 0, [])) for t in tools]
        pairing = result.pairing
        assert pairing is not None
        print(f"  {n:>5} candidates: compose {wall:6.2f} s wall, {cpu:6.2f} s CPU; matcher: {pairing.method} "
              f"({pairing.edges} links after pruning)")
        methods = ["auto", "best-edge-first"] + (["matching"] if n <= 250 else [])
        for name in methods:
            runs = []
            for _ in range(2):
                started = time.process_time()
                alone = choose_pairs(
                    profiles, limit=10**6, rules=Rules(min_score=settings.pairing_min_score), method=name
                )
                runs.append(time.process_time() - started)
            label = f"{name} ({alone.method})" if name == "auto" else name
            print(f"        pairing alone, {label:<28} {statistics.median(runs):6.2f} s CPU, "
                  f"{len(alone.pairs)} pairs, total score {sum(c.score for c in alone.pairs):.1f}")
        if n > 250:
            print("        (whole-graph matching not run above 250 candidates: blossom matching grows "
                  "with tools × links)")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--half", choices=("held", "tune", "all"), default="all")
    parser.add_argument("--sizes", default="250,1000,4000")
    parser.add_argument("--misses", action="store_true", help="print the tune half's missed pairs")
    parser.add_argument("--calibrate", action="store_true",
                        help="suggest the minimum score from the tune half")
    args = parser.parse_args()
    settings = Settings()
    weeks = [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        base, ids = ingest_labelled(weeks, folder)
        print(
            f"labelled: {len(weeks)} weeks, {sum(len(w['launches']) for w in weeks)} launches, "
            f"{len(set(ids.values()))} tools after ingest"
        )
        if args.calibrate:
            calibrate(weeks, ids, base)
        providers = ["rules"] + (
            ["llm"] if settings.llm_base_url and (settings.llm_model or settings.panel_models) else []
        )
        for provider in providers:
            totals = run_provider(provider, base, ids, weeks, folder, settings, args.misses)
            print_quality(provider, totals, args.half)
        if "llm" not in providers:
            print(
                "llm    not measured: no endpoint configured "
                "(set VERDICTS_LLM_BASE_URL and VERDICTS_LLM_MODEL)"
            )
        if args.sizes:
            time_compose([int(n) for n in args.sizes.split(",")], folder, settings)


if __name__ == "__main__":
    main()
