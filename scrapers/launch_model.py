"""A small text model of "does this read like a launch": TF-IDF over words and word pairs of the
title and the text's opening, and a logistic regression, trained on the committed tune items of
bench/labelled (record.jsonl and record_tune2.jsonl, split "tune" only: the held half and the
captures stay unseen). scrapers.classify asks it only where no rule decides.

Trained once, on first use, deterministically (liblinear, fixed data order); no download. Scoring
is a dictionary walk over the entry's words, not a scikit-learn call, so it costs microseconds.
Without the labelled files (an installed package) there is no model and `launch_probability`
returns None.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from scrapers.normalise import clean_text

LABELLED = Path(__file__).resolve().parents[1] / "bench" / "labelled"
TUNE_FILES = ("record.jsonl", "record_tune2.jsonl")
OPENING_CHARS = 400
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class LaunchModel:
    """Per term: idf and weight; the analyzer that turns a text into terms; the intercept."""

    idf: dict[str, float]
    weight: dict[str, float]
    intercept: float
    analyse: Callable[[str], list[str]]

    def probability(self, document: str) -> float:
        counts = Counter(term for term in self.analyse(document) if term in self.idf)
        if not counts:
            return 1 / (1 + math.exp(-self.intercept))
        values = {term: (1 + math.log(n)) * self.idf[term] for term, n in counts.items()}  # sublinear tf
        norm = math.sqrt(sum(v * v for v in values.values()))
        score = self.intercept + sum(v * self.weight[term] for term, v in values.items()) / norm
        return 1 / (1 + math.exp(-score))


def document_of(title: str, text: str) -> str:
    return f"{title}\n{text[:OPENING_CHARS]}"


def launch_probability(title: str, text: str) -> float | None:
    """How likely the entry is a launch or release, 0..1; None when no model could be trained."""
    model = _model()
    return None if model is None else model.probability(document_of(title, text))


@lru_cache(maxsize=1)
def _model() -> LaunchModel | None:
    items = _tune_items()
    if len({item["label"] == "other" for item in items}) < 2:
        return None
    return train([document_of(i["entry"]["title"], _plain(i["entry"]["content_html"])) for i in items],
                 [i["label"] != "other" for i in items])


def train(documents: list[str], launches: list[bool]) -> LaunchModel:
    """Fit TF-IDF + logistic regression; keep only what scoring needs."""
    from sklearn.feature_extraction.text import TfidfVectorizer  # imported on first use: ~0.5 s
    from sklearn.linear_model import LogisticRegression

    vectoriser = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, lowercase=True)
    matrix = vectoriser.fit_transform(documents)
    regression = LogisticRegression(C=4.0, class_weight="balanced", solver="liblinear").fit(matrix, launches)
    terms = vectoriser.get_feature_names_out()
    return LaunchModel(idf=dict(zip(terms, vectoriser.idf_, strict=True)),
                       weight=dict(zip(terms, regression.coef_[0], strict=True)),
                       intercept=float(regression.intercept_[0]), analyse=vectoriser.build_analyzer())


def _tune_items() -> list[dict]:
    items = []
    for name in TUNE_FILES:
        path = LABELLED / name
        if path.is_file():
            lines = path.read_text(encoding="utf-8").splitlines()
            items += [item for item in map(json.loads, filter(str.strip, lines)) if item["split"] == "tune"]
    return items


def _plain(html: str) -> str:
    return clean_text(_TAG.sub(" ", html))
