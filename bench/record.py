"""Record benchmark: how far the facts (and, via bench/record_launch.py, launches and resolution)
hold on labelled text nobody tuned to.

    .venv/bin/python bench/record.py [--misses tune|held|captures] [--extractor rules|llm]

Inputs (bench/labelled/, written blind by someone who never read the extractors):
- record.jsonl: launch texts of our own, split into a "tune" half (improve on it) and a "held"
  half (report on it). Each item's entry is built into a tiny RSS or Atom document as its source
  kind publishes one, and read with the real feed parser (scrapers.feeds), so the record is the
  one ingest would see.
- record_tune_*.jsonl: more tune items in the same schema (record_tune_facts.jsonl: vendor and
  platform blogs). Items with "facts_labelled": false (labelled for launches only) are left out
  of the facts figures.
- captures.jsonl: 40 hand-labelled entries of the real captures in ../shared/fixtures/feeds; the
  capture is parsed whole with the real parser and the entry found by its id.

Printed, per extractor (rules; llm when VERDICTS_LLM_* is configured) and per set: fact precision
and recall per kind and overall, how many snippets are not a literal span of the launch text, and
the time per entry of extraction. Only launches and releases count for facts, and only the kinds
of the labelling conventions. A fact is right when kind, value and negated all match; values are
compared with case and spaces folded, prices by amount, currency and unit, context lengths by
number, parameters size by size.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from price_parser import Price  # noqa: E402
from slugify import slugify  # noqa: E402

from scrapers.facts import launch_facts, launch_parts  # noqa: E402
from scrapers.feeds import read_feed  # noqa: E402
from scrapers.records import FactRecord, LaunchRecord  # noqa: E402
from verdicts.settings import get_settings  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
LABELLED = ROOT / "bench" / "labelled"
FIXTURES = ROOT.parent / "shared" / "fixtures" / "feeds"
# The kinds the labelling conventions cover (bench/labelled/README.md); category and
# benchmark_self_reported are not labelled.
KINDS = ("vendor", "pricing_model", "entry_price", "license", "open_weights", "parameters",
         "context_length", "hardware", "benchmark", "quantisation", "base_model", "technique",
         "distribution")
COUNTED_LABELS = ("launch", "release")
ATOM_KINDS = ("producthunt", "github")

Fact = tuple[str, str, bool]  # kind, normalised value, negated


# ---------------------------------------------------------------------------------------------
# Records as ingest sees them
# ---------------------------------------------------------------------------------------------


def feed_document(item: dict) -> bytes:
    """The item's entry as a one-entry feed of its source kind: Atom for Product Hunt and GitHub
    releases (as they publish), RSS 2.0 for everything else."""
    entry, source = item["entry"], item["source"]
    title, link, guid = (escape(entry.get(k) or "") for k in ("title", "link", "id"))
    body, published = escape(entry.get("content_html") or ""), escape(entry.get("published") or "")
    name = escape(source["name"])
    if source["kind"] in ATOM_KINDS:
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{name}</title><id>urn:bench:{escape(item['id'])}</id>"
            f"<entry><id>{guid}</id><title>{title}</title><link rel=\"alternate\" href=\"{link}\"/>"
            f"<published>{published}</published><updated>{published}</updated>"
            f'<content type="html">{body}</content></entry></feed>'
        ).encode()
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
        f"<title>{name}</title><link>https://example.invalid/</link><description>{name}</description>"
        f"<item><title>{title}</title><link>{link}</link><guid>{guid}</guid>"
        f"<pubDate>{_rfc822(entry.get('published'))}</pubDate>"
        f"<description>{body}</description></item></channel></rss>"
    ).encode()


def _rfc822(iso: str | None) -> str:
    from datetime import datetime
    from email.utils import format_datetime

    if not iso:
        return ""
    return format_datetime(datetime.fromisoformat(iso.replace("Z", "+00:00")))


def source_slug(name: str) -> str:
    """A source's name as a sources file would configure it: lowercase letters, digits, dashes."""
    return slugify(name, max_length=63) or "bench"


def item_record(item: dict) -> LaunchRecord:
    # the publisher is read from the feed's own <title>, as ingest reads it, not from the source's name
    records = read_feed(feed_document(item), source=source_slug(item["source"]["name"])).records
    if len(records) != 1:
        raise SystemExit(f"record.py: item {item['id']}: the feed parser read {len(records)} entries")
    return records[0]


def capture_record(capture: dict, parsed: dict[str, list[LaunchRecord]]) -> LaunchRecord | None:
    path = FIXTURES / capture["file"]
    if capture["file"] not in parsed:
        body = path.read_bytes()
        # configured by a slug, as a sources file names it; the feed's <title> says who publishes it
        parsed[capture["file"]] = read_feed(body, source=source_slug(Path(capture["file"]).stem)).records
    records = parsed[capture["file"]]
    by_id = [r for r in records if r.guid == capture["entry_id"]]
    by_title = [r for r in records if r.title == capture.get("title")]
    found = by_id or by_title
    return found[0] if found else None


def load(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


# ---------------------------------------------------------------------------------------------
# Comparing facts
# ---------------------------------------------------------------------------------------------


def _fold(value: str) -> str:
    return " ".join(value.casefold().split())


def _price(value: str) -> str:
    """'$20/month' and '$20 per month' alike: amount, currency, and the unit after the amount."""
    folded = _fold(value)
    amount = re.search(r"\d+(?:[.,]\d+)*", folded)
    if amount is None:
        return folded
    if folded[amount.end():].lstrip().startswith("%"):  # a fee: "2.9% per transaction"
        return f"{float(amount[0]):g}%"
    currency = Price.fromstring(value).currency or ""
    number = _amount(amount[0])
    unit = folded[amount.end():]
    if currency and unit.lstrip().startswith(currency.casefold()):
        unit = unit.lstrip()[len(currency):]  # "20 USD/month" is "USD 20/month": the code is the currency
    for pattern, canonical in UNITS:
        unit = re.sub(pattern, canonical, unit)
    unit = re.sub(r"\s*(?:/|\bper\b|\ba\b)\s*", "/", unit).replace(" ", "").strip("/")
    return f"{number:g} {currency} {unit}"


def _amount(digits: str) -> float:
    """A written amount's value: "1,250" and "1.299,00" group thousands, "3,99" and "0,08" have a
    decimal comma, "0.010" a decimal point (price-parser reads "$0.010" as 10)."""
    if "," in digits and "." in digits:  # the later mark is the decimal one
        grouping, decimal = (",", ".") if digits.rfind(".") > digits.rfind(",") else (".", ",")
        return float(digits.replace(grouping, "").replace(decimal, "."))
    if "," in digits and not re.fullmatch(r"\d{1,3}(?:,\d{3})+", digits):
        return float(digits.replace(",", "."))
    return float(digits.replace(",", ""))


# Unit spellings that mean one thing: "/mo" is "/month", "1,000" is "1K".
UNITS = ((r"\bmo\b", "month"), (r"\byr\b", "year"), (r"\bmin\b", "minute"),
         (r"\b(?:1,000,000|1 million|million)\b", "1m"), (r"\b(?:1,000|1000|thousand)\b", "1k"),
         (r"\b(?:user|editor)\b", "seat"))


def _tokens(value: str) -> str:
    match = re.search(r"(\d+(?:\.\d+)?)\s*([km]?)", value.casefold().replace(",", ""))
    if not match:
        return _fold(value)
    scale = {"k": 1_000, "m": 1_000_000, "": 1}[match[2]]
    return str(round(float(match[1]) * scale))


def normalised(kind: str, value: str) -> list[str]:
    """The value as compared; a parameters fact gives one value per size."""
    if kind == "entry_price":
        return [_price(value)]
    if kind == "context_length":
        return [_tokens(value)]
    if kind == "parameters":
        return [size.upper().replace(" ", "") for size in re.split(r",\s*|\s+and\s+|\s+or\s+", value)
                if size.strip()]
    if kind in ("hardware", "quantisation"):
        return [_fold(value).replace(" ", "")]
    return [_fold(value)]


def fact_set(facts: Iterable[dict | FactRecord]) -> set[Fact]:
    found = set()
    for fact in facts:
        kind, value, negated = (
            (fact["kind"], fact["value"], bool(fact.get("negated"))) if isinstance(fact, dict)
            else (fact.kind, fact.value, fact.negated))
        if kind in KINDS:
            found.update((kind, v, negated) for v in normalised(kind, value))
    return found


class Tally:
    """True positives, false positives and misses per kind."""

    def __init__(self) -> None:
        self.right: Counter[str] = Counter()
        self.extra: Counter[str] = Counter()
        self.missed: Counter[str] = Counter()

    def add(self, expected: set[Fact], got: set[Fact]) -> None:
        for kind, *_ in expected & got:
            self.right[kind] += 1
        for kind, *_ in got - expected:
            self.extra[kind] += 1
        for kind, *_ in expected - got:
            self.missed[kind] += 1

    def line(self, kind: str | None = None) -> str:
        right = self.right[kind] if kind else sum(self.right.values())
        extra = self.extra[kind] if kind else sum(self.extra.values())
        missed = self.missed[kind] if kind else sum(self.missed.values())
        precision = f"{right / (right + extra):6.1%}" if right + extra else "     -"
        recall = f"{right / (right + missed):6.1%}" if right + missed else "     -"
        return f"P {precision}  R {recall}  (right {right}, wrong {extra}, missed {missed})"


# ---------------------------------------------------------------------------------------------
# The run
# ---------------------------------------------------------------------------------------------

Extract = Callable[[LaunchRecord], list[FactRecord]]


def evaluate(name: str, labelled: list[tuple[dict, LaunchRecord]], extract: Extract,
             misses: bool) -> list[str]:
    tally, not_literal, seconds, counted = Tally(), 0, 0.0, 0
    miss_lines: list[str] = []
    for label, record in labelled:
        started = time.perf_counter()
        facts = extract(record)
        seconds += time.perf_counter() - started
        if label["label"] not in COUNTED_LABELS:
            continue
        counted += 1
        parts = launch_parts(record)
        not_literal += sum(1 for f in facts if not any(f.snippet in part for part in parts))
        expected, got = fact_set(label["facts"]), fact_set(facts)
        tally.add(expected, got)
        if misses and expected != got:
            miss_lines.append(f"  [{label.get('id') or label.get('entry_id')}] {record.title}")
            miss_lines += [f"    missed {fact}" for fact in sorted(expected - got)]
            for fact in sorted(got - expected):
                snippet = next((f.snippet for f in facts if fact in fact_set([f])), "")
                miss_lines.append(f"    wrong  {fact}  <- {snippet[:160]!r}")
    lines = [f"{name}: {counted} launches/releases of {len(labelled)} entries; "
             f"extraction {seconds / max(len(labelled), 1) * 1000:.2f} ms/entry; "
             f"snippets not literal: {not_literal}",
             f"  overall        {tally.line()}"]
    if name in HELD_OUT:  # its overall figure only: no kind's figure to tune a kind to
        return lines
    lines += [f"  {kind:<14} {tally.line(kind)}" for kind in KINDS
              if tally.right[kind] + tally.extra[kind] + tally.missed[kind]]
    return lines + miss_lines


# Tune sets each written blind to the rules' output before a pass, reported on their own (in the
# order they were written): tune5 before the fourth facts pass, tune7 the fifth, tune10 the sixth,
# tune11 the seventh, tune13 the lead's pass of 2026-12-03, tune15 during it, tune16 after it,
# tune17 and tune18 before the eighth-to-tenth passes, tune19 before the eleventh, tune20 after the
# twelfth, tune21 after the thirteenth (bench/labelled/README.md).
OWN_TUNE_SETS = ("tune5", "tune7", "tune10", "tune11", "tune13", "tune15", "tune16", "tune17", "tune18",
                 "tune19", "tune20", "tune21")

# The third, fourth and fifth blind sets stay held out: bench/labelled/README.md
HELD_OUT = ("blind3", "captures_blind3", "blind4", "captures_blind4", "blind5", "captures_blind5")
BLIND_SPLITS = ("blind", "blind2", "blind3", "blind4", "blind5")
CAPTURES_SETS = ("captures", "captures_blind", "captures_blind2", "captures_blind3", "captures_blind4")


def extractors() -> list[tuple[str, Extract | None]]:
    settings = get_settings()
    rules: Extract = launch_facts
    if not (settings.llm_base_url and settings.llm_model):
        return [("rules", rules), ("llm", None)]
    from scrapers.facts.llm import LLMFacts
    from verdicts.llm import ChatClient

    llm = LLMFacts(ChatClient(settings.llm_config()))
    return [("rules", rules), ("llm", llm.facts_of)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    # the held-out sets' misses are never printed (README.md)
    parser.add_argument("--misses", choices=("tune", *OWN_TUNE_SETS, "held", "captures", "captures_tune5",
                                              "captures_tune6", "captures_tune7", "blind", "captures_blind",
                                              "blind2",
                                              "captures_blind2"),
                        help="also print each wrong or missed fact of that set")
    parser.add_argument("--extractor", choices=("rules", "llm"), help="only this extractor")
    args = parser.parse_args(argv)

    items = load(LABELLED / "record.jsonl")
    own = {name: load(LABELLED / f"record_{name}.jsonl") for name in OWN_TUNE_SETS}
    extra_tune = [item for path in sorted(LABELLED.glob("record_tune*.jsonl"))
                  if path.stem.removeprefix("record_") not in OWN_TUNE_SETS for item in load(path)]
    # Written later by a labeller who never saw the extractors, and never tuned to (README.md)
    blind = [item for split in BLIND_SPLITS for item in load(LABELLED / f"record_{split}.jsonl")]
    captured = {name: load(LABELLED / f"{name}.jsonl") for name in CAPTURES_SETS}
    # labelled for launch/other only (no facts): read by the launch bench, not the facts bench
    captures_tune4 = load(LABELLED / "captures_tune4.jsonl")
    # labelled for launch/other and facts (written before the eighth and the ninth classification
    # passes): both benches
    captures_tune = {name: load(LABELLED / f"{name}.jsonl") for name in ("captures_tune5", "captures_tune6",
                                                                           "captures_tune7")}
    if not items:
        print(f"record.py: {LABELLED / 'record.jsonl'} is missing or empty", file=sys.stderr)
        return 2
    faceted = [item for item in items + extra_tune if item.get("facts_labelled", True)]
    sets = {split: [(item, item_record(item)) for item in faceted if item["split"] == split]
            for split in ("tune", "held")}
    for name, labelled in own.items():
        sets[name] = [(item, item_record(item)) for item in labelled]
    for split in BLIND_SPLITS:
        sets[split] = [(item, item_record(item)) for item in blind if item["split"] == split]
    parsed: dict[str, list[LaunchRecord]] = {}
    for name, labelled in {**captured, **captures_tune}.items():
        if not (labelled and FIXTURES.is_dir()):
            print(f"{name}: bench/labelled/{name}.jsonl or ../shared/fixtures/feeds not present")
            continue
        found = [(c, capture_record(c, parsed)) for c in labelled]
        lost = [c["entry_id"] for c, record in found if record is None]
        if lost:
            print(f"{name}: {len(lost)} entries not found in the fixtures: {lost[:5]}")
        sets[name] = [(c, r) for c, r in found if r is not None]

    for name, extract in extractors():
        if args.extractor and name != args.extractor:
            continue
        if extract is None:
            print(f"{name}: not configured (set VERDICTS_LLM_BASE_URL and VERDICTS_LLM_MODEL)")
            continue
        print(f"== facts, {name} extractor")
        for set_name, labelled in sets.items():
            for line in evaluate(set_name, labelled, extract, args.misses == set_name):
                print(line)

    try:
        from bench import record_launch
    except ImportError:
        print("launch: bench/record_launch.py not present")
    else:
        facts_sets = [item for labelled in own.values() for item in labelled]
        for line in record_launch.report(items + extra_tune + facts_sets + blind,
                                         {**captured, "captures_tune4": captures_tune4, **captures_tune}):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
