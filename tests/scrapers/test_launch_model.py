"""The text model scrapers.classify asks where no rule decides: trained on the tune items,
deterministic, absent without the labelled files, and consulted only after every rule."""

import pytest

import scrapers.classify as classify_module
from scrapers import launch_model
from scrapers.classify import EntryKind, Origin, classify

DOCUMENTS = [
    "Acme Glide is out today: download the app and try it",
    "We are releasing Ember, a model you can download now",
    "Vireo ships today; try it in the browser",
    "Notes from a year of reading papers",
    "An essay on why evaluation is hard",
    "What we learned moving offices",
]
LAUNCHES = [True, True, True, False, False, False]


def test_the_model_scores_launch_language_above_essay_language():
    model = launch_model.train(DOCUMENTS, LAUNCHES)
    assert model.probability("Heron is out today: download it and try it") > 0.5
    assert model.probability("an essay: notes on a year of papers") < 0.5
    assert 0 < model.probability("words the model never saw") < 1


def test_training_is_deterministic():
    first, second = launch_model.train(DOCUMENTS, LAUNCHES), launch_model.train(DOCUMENTS, LAUNCHES)
    assert (first.weight, first.intercept) == (second.weight, second.intercept)


def test_the_model_learns_from_the_tune_items_only():
    items = launch_model._tune_items()
    if not items:
        pytest.skip(f"no labelled files at {launch_model.LABELLED}")
    assert {item["split"] for item in items} == {"tune"}
    assert launch_model.launch_probability("Introducing Heron", "Heron is available today.") is not None


def test_without_labelled_files_there_is_no_model(monkeypatch, tmp_path):
    monkeypatch.setattr(launch_model, "LABELLED", tmp_path)
    launch_model._model.cache_clear()
    try:
        assert launch_model.launch_probability("Introducing Heron", "") is None
    finally:
        launch_model._model.cache_clear()


@pytest.mark.parametrize(("chance", "kind"), [(0.95, EntryKind.LAUNCH), (0.2, EntryKind.OTHER),
                                              (None, EntryKind.OTHER)])
def test_the_model_decides_only_where_no_rule_does(monkeypatch, chance, kind):
    monkeypatch.setattr(classify_module, "launch_probability", lambda title, text: chance)
    undecided = classify("Heron, for the rest of us", "Heron keeps a diary of your week.",
                         url="https://heron.example/blog/post", origin=Origin.POST)
    assert undecided.kind is kind
    # a rule that decides is never overruled
    job = classify("Heron is hiring", "", url="https://heron.example/blog/jobs", origin=Origin.POST)
    assert (job.kind, job.reason) == (EntryKind.OTHER, "job")
