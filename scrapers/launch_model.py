"""A small text model of "does this read like a launch": TF-IDF over words and word pairs of the
title and the text's opening, and an L2-regularised logistic regression with balanced classes,
trained on every committed labelled file that is not held out (bench/labelled: record.jsonl, both
halves, the record_tune*.jsonl files and the first blind set, named below), and on the hand-labelled
captures (the first blind ones too) when
../shared/fixtures/feeds is there to give their text. scrapers.classify asks it only where no rule
decides.

Trained once, on first use, deterministically (a fixed data order; Newton's method on the dual,
which for a few hundred documents is a few 334x334 solves in numpy, the same optimum as
liblinear's); no download and no scikit-learn import, and the captures' fixture feeds read with the
standard library's XML parser, so training on 334 items takes 0.15-0.3 s. Scoring is a dictionary walk over
the entry's words, so it costs microseconds. Without the labelled files (an installed package) there
is no model and `launch_probability` returns None.
"""

from __future__ import annotations

import contextlib
import json
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from scrapers.normalise import clean_text

LABELLED = Path(__file__).resolve().parents[1] / "bench" / "labelled"
FIXTURES = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "feeds"
# Named one by one, never globbed: a held-out set may sit beside them and must stay unseen
# (the first blind set, measured once, is tune material now; the second stays held out)
LABELLED_FILES = ("record.jsonl", "record_tune2.jsonl", "record_tune3.jsonl", "record_tune_facts.jsonl",
                  "record_blind.jsonl")
# labels only; the text is in the fixture feed each item names
CAPTURES_FILES = ("captures.jsonl", "captures_blind.jsonl")
OPENING_CHARS = 400
REGULARISATION = 4.0  # C: the weight of the data against the L2 penalty (as liblinear's C)
NEWTON_STEPS = 50
# Fewer of the model's terms than this in a document (a text in another language, a bare title) and
# the model has no say beyond its prior
MIN_KNOWN_TERMS = 3
_TAG = re.compile(r"<[^>]+>")
_TOKEN = re.compile(r"(?u)\b\w\w+\b")


@dataclass(frozen=True)
class LaunchModel:
    """Per term: idf and weight; the analyzer that turns a text into terms; the intercept."""

    idf: dict[str, float]
    weight: dict[str, float]
    intercept: float
    analyse: Callable[[str], list[str]]

    def probability(self, document: str) -> float:
        counts = Counter(term for term in self.analyse(document) if term in self.idf)
        if len(counts) < MIN_KNOWN_TERMS:  # unit rows: one known word alone ("it") would decide it all
            return 1 / (1 + math.exp(-self.intercept))
        values = {term: (1 + math.log(n)) * self.idf[term] for term, n in counts.items()}  # sublinear tf
        norm = math.sqrt(sum(v * v for v in values.values()))
        score = self.intercept + sum(v * self.weight[term] for term, v in values.items()) / norm
        return 1 / (1 + math.exp(-score))


def analyse(document: str) -> list[str]:
    """The document's terms: lower-cased words of two or more characters, and each pair of neighbours."""
    words = _TOKEN.findall(document.lower())
    return words + [f"{first} {second}" for first, second in zip(words, words[1:], strict=False)]


def document_of(title: str, text: str) -> str:
    return f"{title}\n{text[:OPENING_CHARS]}"


def launch_probability(title: str, text: str) -> float | None:
    """How likely the entry is a launch or release, 0..1; None when no model could be trained."""
    model = _model()
    return None if model is None else model.probability(document_of(title, text))


@lru_cache(maxsize=1)
def _model() -> LaunchModel | None:
    examples = _examples()
    if len({launch for _, launch in examples}) < 2:
        return None
    return train([document for document, _ in examples], [launch for _, launch in examples])


def train(documents: Sequence[str], launches: Sequence[bool]) -> LaunchModel:
    """Fit TF-IDF (smoothed idf, sublinear tf, unit rows) and a logistic regression; keep only what
    scoring needs. Deterministic for the same documents in the same order."""
    import numpy as np  # imported on first use: ~0.1 s

    counted = [Counter(analyse(document)) for document in documents]
    terms = sorted(set().union(*counted))
    column = {term: index for index, term in enumerate(terms)}
    frequency = Counter(term for counts in counted for term in counts)
    idf = np.log((1 + len(documents)) / (1 + np.array([frequency[term] for term in terms], dtype=float))) + 1
    matrix = np.zeros((len(documents), len(terms)))
    for row, counts in enumerate(counted):
        for term, n in counts.items():
            matrix[row, column[term]] = (1 + math.log(n)) * idf[column[term]]
        matrix[row] /= np.linalg.norm(matrix[row]) or 1.0
    labels = np.where(np.asarray(launches, dtype=bool), 1.0, -1.0)
    with _one_thread():  # a few small products: threads only wait for each other on a busy machine
        dual = _fit_dual(matrix @ matrix.T + 1.0, labels, _balanced(labels) * REGULARISATION)
        weights = matrix.T @ dual  # w = sum of dual_i * x_i; the intercept is the constant feature's weight
    return LaunchModel(idf=dict(zip(terms, idf.tolist(), strict=True)),
                       weight=dict(zip(terms, weights.tolist(), strict=True)),
                       intercept=float(dual.sum()), analyse=analyse)


def _one_thread() -> contextlib.AbstractContextManager[object]:
    """numpy's BLAS limited to one thread, where threadpoolctl (scikit-learn's) is installed; the
    same sums in the same order every run."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        return contextlib.nullcontext()
    return threadpool_limits(limits=1)


def _balanced(labels):  # type: ignore[no-untyped-def]
    """Each example's weight so that both classes weigh the same (n / (2 * class size))."""
    import numpy as np

    positives = labels > 0
    return np.where(positives, len(labels) / (2 * positives.sum()), len(labels) / (2 * (~positives).sum()))


def _fit_dual(kernel, labels, costs):  # type: ignore[no-untyped-def]
    """The dual coefficients of min_w sum_i costs_i log(1 + exp(-y_i w.x_i)) + |w|^2 / 2, with
    w = sum_i dual_i x_i, by Newton's method with step halving (the kernel holds x_i.x_j)."""
    import numpy as np

    def objective(dual):  # type: ignore[no-untyped-def]
        return float(costs @ np.logaddexp(0.0, -labels * (kernel @ dual)) + dual @ kernel @ dual / 2)

    dual = np.zeros(len(labels))
    for _ in range(NEWTON_STEPS):
        miss = 1 / (1 + np.exp(labels * (kernel @ dual)))  # sigmoid(-margin)
        curvature = costs * miss * (1 - miss)
        step = np.linalg.solve(curvature[:, None] * kernel + np.eye(len(labels)),
                               dual - costs * labels * miss)
        size, before = 1.0, objective(dual)
        while size > 1e-4 and objective(dual - size * step) > before:
            size /= 2
        dual = dual - size * step
        if float(np.abs(size * step).max()) < 1e-8:
            break
    return dual


def _examples() -> list[tuple[str, bool]]:
    """(document, is a launch or release) for every labelled item whose text is at hand."""
    examples = []
    for name in LABELLED_FILES:
        path = LABELLED / name
        if path.is_file():
            for item in _load(path):
                entry = item["entry"]
                document = document_of(entry["title"], _plain(entry["content_html"]))
                examples.append((document, item["label"] != "other"))
    return examples + _capture_examples()


def _capture_examples() -> list[tuple[str, bool]]:
    """The captures' examples, in the captures file's order, their text read from the fixture feeds;
    none without ../shared."""
    if not FIXTURES.is_dir():
        return []
    feeds: dict[str, dict[str, tuple[str, str]]] = {}
    examples = []
    labelled = [item for name in CAPTURES_FILES if (LABELLED / name).is_file()
                for item in _load(LABELLED / name)]
    for item in labelled:
        if item["file"] not in feeds:
            feeds[item["file"]] = _fixture_entries(FIXTURES / item["file"])
        if (found := feeds[item["file"]].get(item["entry_id"])) is not None:
            examples.append((document_of(found[0], _plain(found[1])), item["label"] != "other"))
    return examples


def _fixture_entries(path: Path) -> dict[str, tuple[str, str]]:
    """Title and content markup of each entry of a feed, by its id and by its link. Read with the
    standard library's XML parser, ten times quicker than feedparser on these well-formed captures
    (feedparser's reading of twelve feeds was two thirds of the training time); feedparser where the
    file is not well-formed XML."""
    if not path.is_file():
        return {}
    from xml.etree import ElementTree

    try:
        root = ElementTree.fromstring(path.read_bytes())
    except ElementTree.ParseError:
        return _fixture_entries_by_feedparser(path)
    found: dict[str, tuple[str, str]] = {}
    for element in root.iter():
        if _local(element.tag) not in ("item", "entry"):
            continue
        fields: dict[str, ElementTree.Element] = {}
        for child in element:
            fields.setdefault(_local(child.tag), child)
        content = next((fields[name] for name in ("encoded", "content", "description", "summary")
                        if name in fields), None)
        value = (clean_text(_inner_text(fields.get("title"))), _inner_text(content))
        link = fields.get("link")
        href = (link.get("href") or link.text or "").strip() if link is not None else ""
        for key in (_inner_text(fields.get("guid")) or _inner_text(fields.get("id")), href):
            if key.strip():
                found.setdefault(key.strip(), value)
    return found


def _local(tag: object) -> str:
    """A tag without its namespace: "{http://www.w3.org/2005/Atom}entry" -> "entry"."""
    return str(tag).rsplit("}", 1)[-1]


def _inner_text(element: object) -> str:
    """An element's text: its escaped markup as text, or the text of its children (Atom xhtml)."""
    if element is None:
        return ""
    return element.text or "" if len(element) == 0 else "".join(element.itertext())  # type: ignore[arg-type]


def _fixture_entries_by_feedparser(path: Path) -> dict[str, tuple[str, str]]:
    import feedparser  # imported on first use: the feed reader has it loaded already

    found: dict[str, tuple[str, str]] = {}
    for entry in feedparser.parse(path.read_bytes()).entries:
        content = entry.get("content") or [{}]
        value = (clean_text(entry.get("title") or ""), content[0].get("value") or entry.get("summary") or "")
        for key in (entry.get("id"), entry.get("link")):
            if key:
                found.setdefault(key, value)
    return found


def _load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _plain(html: str) -> str:
    return clean_text(_TAG.sub(" ", html))
