"""`verdicts tools` as an operator runs it, after ingesting the bundled samples."""

import json

import pytest
from typer.testing import CliRunner

from verdicts import stages
from verdicts.cli import app
from verdicts.settings import SAMPLES_DIR

runner = CliRunner()


def verdicts(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.fixture
def ingested(settings):
    assert verdicts("db", "upgrade").exit_code == 0
    summaries = stages.ingest_all(settings, SAMPLES_DIR / "sources.toml")
    assert all(s.status == "fetched" for s in summaries), summaries
    return settings


def listed(*args: str) -> list[dict]:
    result = verdicts("tools", "list", "--json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_list_shows_every_tool_with_its_launches_and_sources(ingested):
    rows = listed()
    by_name = {row["name"]: row for row in rows}
    assert {"PixelSmith AI", "Quillwright", "Sluice", "Kestrel Coder 2"} <= set(by_name)
    # the same product on the launch site and on the forum is one tool with two launches
    assert (by_name["PixelSmith AI"]["launches"], by_name["PixelSmith AI"]["sources"]) == \
        (2, ["launchpad", "show-hn"])
    assert by_name["Quillwright"]["category"] == "Writing"
    assert all(row["first_seen"] and row["launches"] >= 1 and row["sources"] for row in rows)
    assert not any(name.startswith("Who is hiring") for name in by_name)  # not a tool
    ids = [row["id"] for row in rows]
    assert ids == sorted(ids, reverse=True)  # newest first

    table = verdicts("tools", "list")
    assert table.exit_code == 0
    assert "PixelSmith AI" in table.output and "launchpad, show-hn" in table.output


@pytest.mark.parametrize("category", ["Writing", "developer tools"])
def test_list_filters_by_category_and_limits(ingested, category):
    rows = listed("--category", category)
    assert rows and {row["category"].casefold() for row in rows} == {category.casefold()}
    assert listed("--category", category, "--limit", "1") == rows[:1]
    assert len(listed("--limit", "2")) == 2


def test_list_says_when_there_is_nothing(settings):
    assert verdicts("db", "upgrade").exit_code == 0
    assert "no tools yet: run `verdicts ingest`" in verdicts("tools", "list").output
    assert listed() == []


def test_show_gives_fields_launches_and_facts_with_evidence(ingested):
    pixelsmith = next(row for row in listed() if row["name"] == "PixelSmith AI")
    result = verdicts("tools", "show", str(pixelsmith["id"]), "--json")
    assert result.exit_code == 0, result.output
    info = json.loads(result.output)
    assert (info["name"], info["domain"], info["category"]) == \
        ("PixelSmith AI", "pixelsmith.example", "Design")
    assert [(launch["source"], launch["url"]) for launch in info["launches"]] == [
        ("launchpad", "https://pixelsmith.example/"), ("show-hn", "https://pixelsmith.example/")]
    assert info["launches"][1]["title"] == "Show HN: Pixelsmith – sketch-to-vector that runs in your browser"
    assert info["launches"][1]["published"] == "2026-11-04T14:22:00+00:00"
    facts = {(fact["kind"], fact["value"]): fact["evidence"] for fact in info["facts"]}
    assert "8GB of RAM" in facts[("hardware", "8GB RAM")]
    assert all(evidence for evidence in facts.values())

    text = verdicts("tools", "show", str(pixelsmith["id"]))
    assert text.exit_code == 0
    assert "launches (2):" in text.output and "show-hn" in text.output
    assert "evidence: “" in text.output and "8GB of RAM" in text.output


@pytest.mark.parametrize("args", [("tools", "show", "999"), ("tools", "show", "999", "--json")])
def test_an_unknown_tool_is_one_clear_line(ingested, args):
    result = verdicts(*args)
    assert result.exit_code == 2
    assert "error: no tool with id 999" in result.output
    assert "Traceback" not in result.output


def test_an_unmigrated_database_says_what_to_run(tmp_path, monkeypatch):
    from verdicts.settings import get_settings

    monkeypatch.setenv("VERDICTS_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("VERDICTS_DATABASE_URL", f"sqlite:///{tmp_path / 'empty.db'}")
    get_settings.cache_clear()
    result = verdicts("tools", "list")
    get_settings.cache_clear()
    assert result.exit_code == 2
    assert "run `verdicts db upgrade`" in result.output


def test_skipped_entries_are_listed_with_their_reason(ingested):
    result = verdicts("tools", "skipped", "--json")
    assert result.exit_code == 0, result.output
    skipped = {row["title"]: row for row in json.loads(result.output)}
    hiring = skipped["Ask HN: Who is hiring? (November 2026)"]
    assert (hiring["source"], hiring["kind"], hiring["reason"]) == ("show-hn", "other", "job")
    # a skipped entry makes no tool
    assert not any(row["name"].startswith("Ask HN") for row in listed())

    text = verdicts("tools", "skipped").output
    assert text.startswith("Skipped entries") and "Who is hiring" in text and " job " in text
    assert f"{len(skipped)} entries skipped" in verdicts("tools", "list").output


def test_no_skipped_entries_says_so(settings):
    assert verdicts("db", "upgrade").exit_code == 0
    assert verdicts("tools", "skipped").output.strip() == "no skipped entries"
