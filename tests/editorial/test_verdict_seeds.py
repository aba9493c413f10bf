"""The panel verdict arithmetic, checked against the three published pages in ../shared/seeds."""

import re
from pathlib import Path

import pytest

from editorial.verdict import Tally, community_verdict, panel_verdict, percent_label

LABEL = re.compile(r"^(?:(\d{1,3})/100 · (ship|skip)|No panel take)$")
PERCENT = re.compile(r"^(\d{1,3})%$")


def scorecard_labels(text: str) -> tuple[list[str | None], list[str | None]]:
    """The decisions of tool A and tool B, read off the labels that alternate A, B per persona."""
    section = text.split("Reviewer scorecard", 1)[1]
    decisions = [m[2] for line in section.splitlines() if (m := LABEL.match(line.strip()))]
    return decisions[0::2], decisions[1::2]


def decision_row(text: str, row: str) -> tuple[str, str]:
    lines = [line.strip() for line in text.split("\nDecision\n", 1)[1].splitlines()]
    at = lines.index(row)
    return lines[at + 1], lines[at + 2]


def panel_percents(text: str) -> list[str]:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return [lines[i - 1] for i, line in enumerate(lines) if line == "Panel ship"]


@pytest.mark.parametrize(
    "seed", ["code-llama-4-vs-openrouter-model-fusion.txt", "codestral-2-vs-openrouter-model-fusion.txt"]
)
def test_verdicts_match_published_pages(shared_dir: Path, seed: str):
    text = (shared_dir / "seeds" / seed).read_text(encoding="utf-8")
    a_decisions, b_decisions = scorecard_labels(text)
    assert len(a_decisions) == len(b_decisions) >= 4
    tallies = [Tally.of(a_decisions), Tally.of(b_decisions)]
    assert decision_row(text, "Panel verdict") == tuple(panel_verdict(t) for t in tallies)
    assert panel_percents(text) == [percent_label(t) for t in tallies]
    assert decision_row(text, "Community") == (community_verdict(Tally(0, 0)),) * 2


def test_third_page_agrees_with_the_same_takes_elsewhere(shared_dir: Path):
    """The Llama 4 Compact page shows takes without labels; OpenRouter's takes are the same as on
    the first page, so their decisions must give the 75% this page prints."""
    seeds = shared_dir / "seeds"
    labelled = (seeds / "code-llama-4-vs-openrouter-model-fusion.txt").read_text(encoding="utf-8")
    page = (seeds / "llama-4-compact-vs-openrouter-model-fusion.txt").read_text(encoding="utf-8")
    _, fusion = scorecard_labels(labelled)
    assert panel_percents(page) == ["100%", percent_label(Tally.of(fusion))]
    quoted = re.findall(r"“(.+?)”", page, flags=re.S)
    assert len(quoted) == 8  # four takes per tool: a persona without one is simply not shown
    assert percent_label(Tally(4, 0)) == "100%"


@pytest.mark.parametrize(
    ("ships", "skips", "verdict", "percent"),
    [
        (3, 1, "Ship · 3 ship / 1 skip", "75%"),
        (4, 0, "Ship · 4 ship / 0 skip", "100%"),
        (1, 2, "Skip · 1 ship / 2 skip", "33%"),
        (2, 1, "Ship · 2 ship / 1 skip", "67%"),
        (1, 7, "Skip · 1 ship / 7 skip", "13%"),  # 12.5 rounds half up
        (2, 2, "Split · 2 ship / 2 skip", "50%"),
        (0, 0, "No panel takes", "—"),
    ],
)
def test_verdict_wording_and_rounding(ships, skips, verdict, percent):
    tally = Tally(ships, skips)
    assert panel_verdict(tally) == verdict
    assert percent_label(tally) == percent


def test_tally_ignores_missing_takes_and_refuses_unknown_decisions():
    assert Tally.of(["ship", None, "skip", "ship"]) == Tally(2, 1)
    with pytest.raises(ValueError):
        Tally.of(["ship", "maybe"])
