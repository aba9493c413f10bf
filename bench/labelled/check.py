"""Check the labelled sets: python bench/labelled/check.py [FEEDS_DIR]

Stdlib only, so it runs without the project's venv. Prints one line per problem and
exits 1 if there are any; FEEDS_DIR defaults to ../shared/fixtures/feeds beside the repo.
"""

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_FEEDS = HERE.parents[2] / "shared" / "fixtures" / "feeds"
ATOM = "{http://www.w3.org/2005/Atom}"

LABELS = {"launch", "release", "other"}
OTHER_KINDS = {"article", "paper", "newsletter", "podcast", "job", "event", "funding", "tutorial",
               "changelog"}
SOURCE_KINDS = {"producthunt", "hackernews", "vendor", "github", "newsletter", "research", "podcast",
                "changelog"}
FACT_KINDS = {"vendor", "pricing_model", "entry_price", "license", "open_weights", "parameters",
              "context_length", "hardware", "benchmark", "quantisation", "base_model", "technique",
              "distribution"}
PRICING_MODELS = {"free", "freemium", "paid", "open_source"}
ENTRY_FIELDS = {"title", "link", "id", "published", "content_html"}
OPTIONAL_ENTRY_FIELDS = {"categories"}  # the feed's <category> terms, when the item has them


def read_lines(path):
    """(line number, object) for each line; a line that does not parse is a problem, not a crash."""
    rows, problems = [], []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        try:
            rows.append((number, json.loads(line)))
        except json.JSONDecodeError as error:
            problems.append(f"{path.name}:{number}: not JSON ({error.msg})")
    return rows, problems


def label_problems(where, row):
    """Label, other_kind, tool, group and facts must agree with each other."""
    problems = []
    label = row.get("label")
    if label not in LABELS:
        return [f"{where}: label {label!r} not in {sorted(LABELS)}"]
    if label == "other":
        if row.get("other_kind") not in OTHER_KINDS:
            problems.append(f"{where}: other_kind {row.get('other_kind')!r} not allowed")
        if row.get("tool") or row.get("group") or row.get("facts"):
            problems.append(f"{where}: an 'other' item has no tool, group or facts")
    else:
        if row.get("other_kind") is not None:
            problems.append(f"{where}: other_kind must be null for a {label}")
        if not row.get("tool") or not row.get("group"):
            problems.append(f"{where}: a {label} needs a tool and a group")
    return problems + fact_problems(where, row.get("facts", []))


def fact_problems(where, facts):
    problems = []
    seen = set()
    for fact in facts:
        kind, value = fact.get("kind"), fact.get("value")
        if kind not in FACT_KINDS:
            problems.append(f"{where}: fact kind {kind!r} not allowed")
        if not isinstance(value, str) or not value:
            problems.append(f"{where}: fact {kind} has no value")
        if not isinstance(fact.get("negated"), bool):
            problems.append(f"{where}: fact {kind}={value} needs negated true/false")
        if kind == "pricing_model" and value not in PRICING_MODELS:
            problems.append(f"{where}: pricing_model {value!r} not in {sorted(PRICING_MODELS)}")
        if kind == "open_weights" and (value not in {"yes", "no"} or fact.get("negated")):
            problems.append(f"{where}: open_weights is 'yes' or 'no', never negated")
        if (kind, value, fact.get("negated")) in seen:
            problems.append(f"{where}: fact {kind}={value} given twice")
        seen.add((kind, value, fact.get("negated")))
    return problems


def group_problems(name, rows):
    """One tool name per group, and one group per tool name."""
    tool_of, group_of, problems = {}, {}, []
    for _, row in rows:
        group, tool = row.get("group"), row.get("tool")
        if not group:
            continue
        if tool_of.setdefault(group, tool) != tool:
            problems.append(f"{name}: group {group} has two tools, {tool_of[group]!r} and {tool!r}")
        if group_of.setdefault(tool, group) != group:
            problems.append(f"{name}: tool {tool!r} is in groups {group_of[tool]} and {group}")
    return problems


def record_problems(path, splits=("tune", "held")):
    rows, problems = read_lines(path)
    ids = set()
    for number, row in rows:
        where = f"{path.name}:{number}"
        if row.get("id") in ids:
            problems.append(f"{where}: duplicate id {row.get('id')}")
        ids.add(row.get("id"))
        if row.get("split") not in splits:
            problems.append(f"{where}: split must be {' or '.join(splits)}")
        if row.get("source", {}).get("kind") not in SOURCE_KINDS:
            problems.append(f"{where}: source kind {row.get('source', {}).get('kind')!r} not allowed")
        if set(row.get("entry", {})) - OPTIONAL_ENTRY_FIELDS != ENTRY_FIELDS:
            problems.append(f"{where}: entry needs exactly {sorted(ENTRY_FIELDS)} (and may have categories)")
        if row.get("facts_labelled", True) is False and row.get("facts"):
            problems.append(f"{where}: facts_labelled is false, so facts must be []")
        problems += label_problems(where, row)
    problems += split_problems(path.name, rows)
    return problems + group_problems(path.name, rows)


def split_problems(name, rows):
    """A group lies wholly in one half, so the held half never shares a product with tune."""
    split_of, problems = {}, []
    for _, row in rows:
        group = row.get("group")
        if group and split_of.setdefault(group, row.get("split")) != row.get("split"):
            problems.append(f"{name}: group {group} is in both halves")
    return problems


def entry_ids(feed):
    """Every id an entry can be named by: RSS guid or link (HN items have no guid), Atom id."""
    root = ET.parse(feed).getroot()
    ids = set()
    for item in root.iter("item"):
        ids.update(filter(None, (item.findtext("guid"), item.findtext("link"))))
    ids.update(entry.findtext(ATOM + "id") for entry in root.iter(ATOM + "entry"))
    return ids


def capture_problems(path, feeds):
    rows, problems = read_lines(path)
    seen, known = set(), {}
    for number, row in rows:
        where = f"{path.name}:{number}"
        pair = (row.get("file"), row.get("entry_id"))
        if pair in seen:
            problems.append(f"{where}: {pair} labelled twice")
        seen.add(pair)
        problems += label_problems(where, row)
        if feeds is None:
            continue
        feed = feeds / str(row.get("file"))
        if not feed.is_file():
            problems.append(f"{where}: no fixture {feed}")
            continue
        if feed not in known:
            known[feed] = entry_ids(feed)
        if row.get("entry_id") not in known[feed]:
            problems.append(f"{where}: entry {row.get('entry_id')!r} not in {row.get('file')}")
    return problems + group_problems(path.name, rows)


def groups_in(path):
    """The group ids a labelled file uses (empty if the file is absent)."""
    if not path.is_file():
        return set()
    rows, _ = read_lines(path)
    return {row.get("group") for _, row in rows if row.get("group")}


def reuse_problems(path, others):
    """A blind file's groups are its own: none may appear in the other labelled files."""
    problems, mine = [], groups_in(path)
    for other in others:
        for group in sorted(mine & groups_in(other)):
            problems.append(f"{path.name}: group {group} is also used in {other.name}")
    return problems


def overlap_problems(path, earlier):
    """A blind captures file labels only entries that the earlier captures files do not.

    An entry id labelled under another file also counts: the 2025-02-20 Product Hunt capture
    repeats 50 entries of the 02-19 one under the same ids, so one entry can have two files.
    """
    done, done_ids = set(), set()
    for other in earlier:
        if other.is_file():
            rows, _ = read_lines(other)
            done |= {(row.get("file"), row.get("entry_id")) for _, row in rows}
            done_ids |= {row.get("entry_id") for _, row in rows}
    rows, _ = read_lines(path)
    return [f"{path.name}:{number}: {row.get('entry_id')!r} is already in an earlier captures file"
            for number, row in rows
            if (row.get("file"), row.get("entry_id")) in done or row.get("entry_id") in done_ids]


# Each blind set: its record file, its captures file and the split its records carry. Later sets
# must not reuse the groups, nor the captured entries, of any earlier file.
BLIND_SETS = [("record_blind.jsonl", "captures_blind.jsonl", "blind"),
              ("record_blind2.jsonl", "captures_blind2.jsonl", "blind2"),
              ("record_blind3.jsonl", "captures_blind3.jsonl", "blind3"),
              ("record_blind4.jsonl", "captures_blind4.jsonl", "blind4"),
              ("record_blind5.jsonl", "captures_blind5.jsonl", "blind5")]
TUNE_FILES = ["record.jsonl", "record_tune2.jsonl", "record_tune3.jsonl", "record_tune_facts.jsonl",
              "record_tune4.jsonl", "record_tune5.jsonl", "record_tune6.jsonl", "record_tune7.jsonl",
              "record_tune8.jsonl", "record_tune9.jsonl", "record_tune10.jsonl", "record_tune11.jsonl",
              "record_tune12.jsonl", "record_tune13.jsonl", "record_tune14.jsonl",
              "record_tune15.jsonl", "record_tune16.jsonl", "record_tune17.jsonl",
              "record_tune18.jsonl", "record_tune19.jsonl", "record_tune20.jsonl", "record_tune21.jsonl",
              "captures.jsonl",
              "captures_tune4.jsonl",
              "captures_tune5.jsonl", "captures_tune6.jsonl", "captures_tune7.jsonl"]


def blind_problems(feeds):
    """The blind record and captures files, checked like their originals."""
    problems = []
    labelled = TUNE_FILES + [name for pair in BLIND_SETS for name in pair[:2]]
    for index, (record_name, captures_name, split) in enumerate(BLIND_SETS):
        record, captures = HERE / record_name, HERE / captures_name
        if record.is_file():
            problems += record_problems(record, splits=(split,))
            problems += reuse_problems(record, [HERE / name for name in labelled if name != record_name])
        if captures.is_file():
            problems += capture_problems(captures, feeds)
            problems += reuse_problems(captures, [HERE / name for name in labelled if name != captures_name])
            earlier = ["captures.jsonl"] + [pair[1] for pair in BLIND_SETS[:index]]
            problems += overlap_problems(captures, [HERE / name for name in earlier])
    return problems


def main(argv):
    feeds = Path(argv[1]) if len(argv) > 1 else DEFAULT_FEEDS
    if not feeds.is_dir():
        print(f"captures: fixtures not found at {feeds}; entry ids not checked")
        feeds = None
    problems = record_problems(HERE / "record.jsonl") + record_problems(HERE / "record_tune2.jsonl")
    problems += record_problems(HERE / "record_tune4.jsonl") + record_problems(HERE / "record_tune5.jsonl")
    problems += record_problems(HERE / "record_tune6.jsonl") + record_problems(HERE / "record_tune7.jsonl")
    problems += record_problems(HERE / "record_tune8.jsonl") + record_problems(HERE / "record_tune9.jsonl")
    problems += record_problems(HERE / "record_tune10.jsonl") + record_problems(HERE / "record_tune11.jsonl")
    problems += record_problems(HERE / "record_tune12.jsonl") + record_problems(HERE / "record_tune13.jsonl")
    problems += record_problems(HERE / "record_tune14.jsonl")
    problems += record_problems(HERE / "record_tune15.jsonl")
    problems += record_problems(HERE / "record_tune16.jsonl")
    problems += record_problems(HERE / "record_tune17.jsonl")
    problems += record_problems(HERE / "record_tune18.jsonl", splits=("tune18",))
    for split in ("tune19", "tune20", "tune21"):
        if (HERE / f"record_{split}.jsonl").is_file():
            problems += record_problems(HERE / f"record_{split}.jsonl", splits=(split,))
    problems += capture_problems(HERE / "captures.jsonl", feeds)
    # a tune captures file labels entries the captures files open to the helpers do not (the blind
    # files' entries are not checked here, so that no helper reads which of them a blind set holds)
    problems += capture_problems(HERE / "captures_tune4.jsonl", feeds)
    problems += overlap_problems(HERE / "captures_tune4.jsonl",
                                 [HERE / "captures.jsonl", HERE / "captures_blind.jsonl"])
    problems += capture_problems(HERE / "captures_tune5.jsonl", feeds)
    problems += overlap_problems(HERE / "captures_tune5.jsonl",
                                 [HERE / "captures.jsonl", HERE / "captures_blind.jsonl",
                                  HERE / "captures_tune4.jsonl"])
    problems += capture_problems(HERE / "captures_tune6.jsonl", feeds)
    problems += overlap_problems(HERE / "captures_tune6.jsonl",
                                 [HERE / "captures.jsonl", HERE / "captures_blind.jsonl",
                                  HERE / "captures_tune4.jsonl", HERE / "captures_tune5.jsonl"])
    if (HERE / "captures_tune7.jsonl").is_file():
        # against every captures file, the blind ones too (the overlap names entries, never labels)
        problems += capture_problems(HERE / "captures_tune7.jsonl", feeds)
        problems += overlap_problems(HERE / "captures_tune7.jsonl",
                                     [HERE / name for name in TUNE_FILES + [pair[1] for pair in BLIND_SETS]
                                      if name.startswith("captures") and name != "captures_tune7.jsonl"
                                      and (HERE / name).is_file()])
    problems += blind_problems(feeds)
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
