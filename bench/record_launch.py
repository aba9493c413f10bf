"""Launch classification and resolution measured on the labelled record (bench/labelled/) and on the
hand-labelled real captures: launch/other accuracy, splits and wrong merges, time per entry.

Every entry goes the real way: a feed body parsed by scrapers.feeds (which classifies it), then
stored by scrapers.ingest.store_launches (which resolves it to a tool) in a temporary SQLite
database. `report(items, captures)` returns the lines; bench/record.py prints them with the facts.

    .venv/bin/python -m bench.record_launch
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

from slugify import slugify
from sqlmodel import select

from db.engine import get_engine, session_scope, upgrade
from db.models import Launch
from scrapers.classify import classify, origin_of
from scrapers.feeds import read_feed
from scrapers.ingest import store_launches
from scrapers.launch_model import _examples, _model, launch_probability
from scrapers.records import LaunchRecord
from scrapers.resolve import KnownTool, ToolIndex
from scrapers.sources import SourceConfig

LABELLED = Path(__file__).parent / "labelled"
FIXTURES = Path(__file__).resolve().parents[1].parent / "shared" / "fixtures" / "feeds"


@dataclass(frozen=True)
class Case:
    """One labelled entry: where it is read from, what it is, which product."""

    split: str
    source: str  # the feed it is stored under
    body: bytes  # the feed that carries it
    guid: str
    label: str
    group: str | None


# Held out: their accuracy is printed, never which entries were misread (README.md, third blind set)
HELD_OUT = ("blind3", "captures_blind3", "blind4", "captures_blind4", "blind5", "captures_blind5")
# The splits in the order they are printed: each record split, then the captures labelled beside it.
# (record_tune18's and record_tune19's items carry a split of their own, so that their launch/other
# figures are read apart)
SPLITS = ("tune", "tune18", "tune19", "tune20", "tune21", "held", "captures", "captures_tune4",
          "captures_tune5",
          "captures_tune6", "captures_tune7",
          "blind", "captures_blind", "blind2", "captures_blind2", "blind3", "captures_blind3", "blind4",
          "captures_blind4", "blind5")


def report(items: list[dict], captured: dict[str, list[dict]]) -> list[str]:
    """The bench's lines: accuracy and resolution errors per split, then time per entry.
    `captured` holds each captures file's rows by its name ("captures", "captures_blind", ...)."""
    cases = [_labelled_case(item) for item in items]
    cases += [case for name, rows in captured.items() for case in _capture_cases(rows, name)]
    lines = ["launch classification and resolution (scrapers.classify, scrapers.resolve)"]
    _model.cache_clear()  # train the text model afresh and first, so no entry's time includes it
    started = time.perf_counter()
    trained = launch_probability("", "") is not None
    lines.append(f"  text model (scrapers.launch_model): "
                 f"{f'trained on {len(_examples())} labelled items' if trained else 'absent'} "
                 f"in {time.perf_counter() - started:.2f} s, once per process")
    timings: dict[str, list[float]] = defaultdict(list)
    for split in SPLITS:
        chosen = [case for case in cases if case.split == split]
        if not chosen:
            absent = f" (no fixtures at {FIXTURES})" if split.startswith("captures") else ""
            lines.append(f"  {split}: no entries{absent}")
            continue
        records = _parse(chosen, timings)
        lines += _accuracy_lines(split, chosen, records)
        lines += _resolution_lines(split, chosen, records, timings)
    lines += _timing_lines(timings)
    return lines


# --- cases ---------------------------------------------------------------------------------------


def _labelled_case(item: dict) -> Case:
    entry, source = item["entry"], item["source"]
    name = "bench-" + slugify(source["name"], max_length=56)  # as a sources file would name it
    # the feed titled as its publisher titles it, the source named by a slug, as ingest sees both
    body = _atom(entry, source["name"]) if source["kind"] == "producthunt" else _rss(entry, source["name"])
    return Case(item["split"], name, body, entry["id"], item["label"], item.get("group"))


def _rss(entry: dict, feed_title: str) -> bytes:
    published = format_datetime(datetime.fromisoformat(entry["published"].replace("Z", "+00:00")))
    categories = "".join(f"<category>{escape(term)}</category>" for term in entry.get("categories", ()))
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
            f"<title>{escape(feed_title)}</title>"
            f"<item><title>{escape(entry['title'])}</title><link>{escape(entry['link'])}</link>"
            f"<guid isPermaLink=\"false\">{escape(entry['id'])}</guid><pubDate>{published}</pubDate>"
            f"{categories}<description>{escape(entry['content_html'])}</description></item></channel></rss>").encode()


def _atom(entry: dict, feed_title: str) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{escape(feed_title)}</title><id>bench</id><updated>{entry['published']}</updated>"
            f"<entry><id>{escape(entry['id'])}</id><title>{escape(entry['title'])}</title>"
            f"<link href=\"{escape(entry['link'])}\"/><updated>{entry['published']}</updated>"
            f"<content type=\"html\">{escape(entry['content_html'])}</content></entry></feed>").encode()


def _capture_cases(captures: list[dict], split: str = "captures") -> list[Case]:
    """The labelled capture entries, each read from its whole fixture file (absent: none)."""
    if not FIXTURES.is_dir():
        return []
    return [Case(split, "capture-" + Path(c["file"]).stem.lower().replace("_", "-")[:50],
                 (FIXTURES / c["file"]).read_bytes(), c["entry_id"], c["label"], c.get("group"))
            for c in captures]


# --- measuring -----------------------------------------------------------------------------------


def _parse(cases: list[Case], timings: dict[str, list[float]]) -> dict[int, LaunchRecord | None]:
    """Each case's record, by the case's index, read from its feed as ingest reads it."""
    found: dict[int, LaunchRecord | None] = {}
    readings: dict[bytes, list[LaunchRecord]] = {}
    for index, case in enumerate(cases):
        if case.body not in readings:
            started = time.perf_counter()
            readings[case.body] = read_feed(case.body, source=case.source).records
            timings["parse (feedparser, normalise, classify)"].append(
                (time.perf_counter() - started) / max(len(readings[case.body]), 1))
        found[index] = next((r for r in readings[case.body] if r.guid == case.guid), None)
        if (record := found[index]) is not None:
            timings["classify"].append(_time_classify(record))
    return found


def _time_classify(record: LaunchRecord) -> float:
    # the classifier alone, on what feeds.to_launch gives it
    started = time.perf_counter()
    origin = origin_of(link=record.url, guid=record.guid, comments=None, markup="")
    classify(record.title, record.summary or "", url=record.url, origin=origin, is_ai=record.is_ai_tool)
    return time.perf_counter() - started


def _accuracy_lines(split: str, cases: list[Case], records: dict[int, LaunchRecord | None]) -> list[str]:
    binary = three = 0
    wrong = []
    for index, case in enumerate(cases):
        kind = records[index].kind if records[index] else "missing"
        three += kind == case.label
        is_launch = kind in ("launch", "release")
        if is_launch == (case.label in ("launch", "release")):
            binary += 1
        else:
            wrong.append(f"{case.guid[:60]} labelled {case.label}, read {kind}")
    total = len(cases)
    lines = [f"  {split}: {total} entries; launch/other accuracy {binary}/{total} = {binary / total:.1%}; "
             f"3-way (launch/release/other) {three}/{total} = {three / total:.1%}"]
    # each line names its split, so that `grep -v SPLIT` hides a held-out split's misreads too
    if split not in HELD_OUT:
        lines += [f"    misread ({split}): {line}" for line in wrong]
    return lines


def _resolution_lines(
    split: str, cases: list[Case], records: dict[int, LaunchRecord | None], timings: dict[str, list[float]],
) -> list[str]:
    """Splits (a group over more than one tool) and wrong merges (a tool over more than one group)."""
    tool_of = _store(cases, records, timings)
    tools_by_group: dict[str, set[int | None]] = defaultdict(set)
    groups_by_tool: dict[int, set[str]] = defaultdict(set)
    untooled = {"read as other": 0, "not read as AI": 0}
    for index, case in enumerate(cases):
        if case.group is None:
            continue
        tool = tool_of.get(index)
        tools_by_group[case.group].add(tool)
        if tool is not None:
            groups_by_tool[tool].add(case.group)
        elif (record := records[index]) is not None:
            untooled["read as other" if record.kind == "other" else "not read as AI"] += 1
    splits = sorted(g for g, tools in tools_by_group.items() if len(tools - {None}) > 1)
    merges = sorted(",".join(sorted(groups)) for groups in groups_by_tool.values() if len(groups) > 1)
    # (a held-out split's counts only: which of its groups split or merged is for fitting)
    shown = ([], []) if split in HELD_OUT else (splits, merges)
    return [f"    resolution ({split}): {len(tools_by_group)} groups -> {len(groups_by_tool)} tools; "
            f"splits {len(splits)} {shown[0] or ''}; wrong merges {len(merges)} {shown[1] or ''}",
            f"    launch entries left without a tool ({split}): {untooled['read as other']} read as other, "
            f"{untooled['not read as AI']} launches not read as AI (scrapers.classify.is_ai_product)"]


def _store(cases: list[Case], records: dict[int, LaunchRecord | None],
           timings: dict[str, list[float]]) -> dict[int, int | None]:
    """Each case's tool id after storing every record, source by source, in a fresh database."""
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/bench.db"
        upgrade(url)
        engine = get_engine(url)
        by_source: dict[str, list[LaunchRecord]] = defaultdict(list)
        for index, record in records.items():
            if record is not None and record not in by_source[cases[index].source]:
                by_source[cases[index].source].append(record)
        for name, batch in by_source.items():
            with session_scope(engine) as session:
                source = SourceConfig(name=name, url=f"bench/{name}.xml")
                started = time.perf_counter()
                store_launches(session, source=source, source_id=_source_id(session, name), records=batch)
                timings["store (resolve, insert)"].append((time.perf_counter() - started) / len(batch))
        with session_scope(engine) as session:
            rows = session.exec(select(Launch.guid, Launch.source_id, Launch.tool_id)).all()
            names = {row.id: row.name for row in _sources(session)}
        engine.dispose()
    tool_by_key = {(names[source_id], guid): tool for guid, source_id, tool in rows}
    return {index: tool_by_key.get((cases[index].source, record.guid))
            for index, record in records.items() if record is not None}


def _source_id(session, name: str) -> int:  # type: ignore[no-untyped-def]
    from db import queries

    return queries.get_or_create_source(session, name=name, kind="feed", url=f"bench/{name}.xml").id or 0


def _sources(session):  # type: ignore[no-untyped-def]
    from db import queries

    return queries.list_sources(session)


def _timing_lines(timings: dict[str, list[float]]) -> list[str]:
    lines = ["  time per entry (median / max, µs):"]
    for step, values in timings.items():
        lines.append(f"    {step:<40} {statistics.median(values) * 1e6:9.0f} / {max(values) * 1e6:9.0f}"
                     f"  ({len(values)} samples)")
    lines.append(f"    {'ToolIndex.find (10,000 tools)':<40} {_index_lookup() * 1e6:9.0f}")
    return lines


def _index_lookup() -> float:
    """Median time of one lookup among 10,000 known tools."""
    index = ToolIndex(KnownTool(i, f"Tool {i:05d} Studio", f"tool{i}.example") for i in range(10_000))
    times = []
    for i in range(300):
        started = time.perf_counter()
        index.find(f"Tool {i * 7:05d} Studio 2", None)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def labelled_items() -> list[dict]:
    """record.jsonl and the extra tune items of record_tune2.jsonl, record_tune3.jsonl, record_tune6.jsonl,
    record_tune8.jsonl, record_tune9.jsonl, record_tune12.jsonl and record_tune14.jsonl (classification only:
    their facts are not labelled, `facts_labelled: false`)."""
    names = ("record.jsonl", "record_tune2.jsonl", "record_tune3.jsonl", "record_tune6.jsonl",
             "record_tune8.jsonl", "record_tune9.jsonl", "record_tune12.jsonl",
             "record_tune14.jsonl")
    return [item for name in names
            for item in _load(LABELLED / name)]


def main(argv: Iterable[str] | None = None) -> None:
    tune4, tune5 = LABELLED / "captures_tune4.jsonl", LABELLED / "captures_tune5.jsonl"
    for line in report(labelled_items(), {"captures": _load(LABELLED / "captures.jsonl"),
                                          "captures_tune4": _load(tune4) if tune4.is_file() else [],
                                          "captures_tune5": _load(tune5) if tune5.is_file() else []}):
        print(line)


if __name__ == "__main__":
    main()
