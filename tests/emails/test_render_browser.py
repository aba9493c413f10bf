"""The rendered issue in a real browser: nothing overflows, and tool columns stack on phones."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from emails.render import render_issue
from emails.view import ComparisonView, IssueView, ReviewView, ToolView, vote_placeholder

CHROMIUM = shutil.which("chromium")
IN_CI = os.environ.get("CI") == "true"
PHONE, DESKTOP = 375, 1024
OVERFLOW_TOLERANCE = 1  # px: sub-pixel rounding

# Unbreakable runs are what push emails wider than a phone: a long URL-like token in a table
# cell, a take, a tool name.
LONG_TOKEN = "https://pricing.example.com/" + "pertoken" * 14
LONG_TAKE = ("The serving story is the ecosystem's, and that is the right call. " * 40) + LONG_TOKEN


def require_chromium() -> str:
    """Returns chromium's path; skips without it, except under CI=true, where that fails."""
    if CHROMIUM:
        return CHROMIUM
    reason = "chromium is not installed (apt-get install chromium)"
    if IN_CI:
        pytest.fail(f"required under CI=true: {reason}")
    pytest.skip(reason)


def make_tool(comparison_id: int, tool_id: int, name: str) -> ToolView:
    reviews = tuple(
        ReviewView(p, 80, "ship", LONG_TAKE) if i % 2 == 0 else ReviewView(p, None, None, None)
        for i, p in enumerate(("Builder", "Skeptic", "Futurist", "Founder", "Creator"))
    )
    return ToolView(
        id=tool_id,
        name=name,
        initial=name[0],
        category="Developer Tools",
        tagline=f"{name} fuses the best answer into one",
        description="A model you can run yourself. " * 30,
        entry="Paid",
        pricing=f"Pay-per-token, see {LONG_TOKEN}",
        best_for="Run a prompt through multiple LLMs simultaneously and fuse the best answer",
        panel_headline="Ship",
        panel_percent="75%",
        panel_verdict="Ship · 3 ship / 1 skip",
        community_percent="—",
        community_verdict="No community votes yet",
        reviews=reviews,
        vote_ship_url=vote_placeholder(comparison_id, tool_id, "ship"),
        vote_skip_url=vote_placeholder(comparison_id, tool_id, "skip"),
        url="https://tools.example.com/",
    )


def make_issue() -> IssueView:
    pairs = [("Codestral 2", "OpenRouter Model Fusion"), ("Llama 4 Compact (12B)", "Gemma 3 12B")]
    comparisons = tuple(
        ComparisonView(
            id=i,
            title=f"{a} vs {b}",
            a=make_tool(i, 2 * i, a),
            b=make_tool(i, 2 * i + 1, b),
        )
        for i, (a, b) in enumerate(pairs, start=1)
    )
    return IssueView(
        week="2026-W48",
        subject="Weekly AI Tool Verdicts: Codestral 2 vs OpenRouter Model Fusion and 1 more",
        intro="Two comparisons this week.",
        comparisons=comparisons,
        archive_url="https://verdicts.example.com/archive",
    )


@pytest.fixture(scope="module")
def email_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    rendered = render_issue(make_issue())
    assert rendered.ok, rendered.errors
    path: Path = tmp_path_factory.mktemp("email") / "issue.html"
    path.write_text(rendered.html, encoding="utf-8")
    return path.as_uri()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = require_chromium()
    args = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
    ]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=args)
        yield browser
        browser.close()


def open_at(browser: Browser, url: str, width: int) -> Page:
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(url)
    return page


@pytest.fixture(scope="module")
def phone(browser: Browser, email_url: str) -> Iterator[Page]:
    page = open_at(browser, email_url, PHONE)
    yield page
    page.close()


@pytest.fixture(scope="module")
def desktop(browser: Browser, email_url: str) -> Iterator[Page]:
    page = open_at(browser, email_url, DESKTOP)
    yield page
    page.close()


def rightmost_edge(page: Page) -> float:
    """The right edge, in px, of the content reaching furthest right (hidden elements measure 0).

    Content is what sits in MJML's 600px-max section containers, not the full-width background.
    """
    return page.evaluate(
        "Math.max(...[...document.querySelectorAll('div[style*=\"max-width:600px\"] *')]"
        ".map(e => e.getBoundingClientRect().right))"
    )


def test_nothing_overflows_a_phone(phone: Page) -> None:
    assert phone.evaluate("document.scrollingElement.scrollWidth") <= PHONE + OVERFLOW_TOLERANCE
    # MJML gives rounded wrappers overflow:hidden, so content too wide for a phone is cut off
    # rather than scrolled: the page width alone would not show it.
    assert rightmost_edge(phone) <= PHONE + OVERFLOW_TOLERANCE


def test_nothing_overflows_the_600px_body_on_desktop(desktop: Page) -> None:
    assert desktop.evaluate("document.scrollingElement.scrollWidth") <= DESKTOP
    assert rightmost_edge(desktop) <= (DESKTOP + 600) / 2 + OVERFLOW_TOLERANCE


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_header_and_every_comparison_title_are_visible(
    viewport: str, request: pytest.FixtureRequest
) -> None:
    page: Page = request.getfixturevalue(viewport)
    assert page.locator("h1", has_text="Weekly AI Tool Verdicts").is_visible()
    titles = page.locator("h2")
    assert titles.all_inner_texts() == [c.title for c in make_issue().comparisons]
    assert all(titles.nth(i).is_visible() for i in range(titles.count()))


def tool_name_boxes(page: Page) -> list[dict[str, float]]:
    """The bounding boxes of the first comparison's two tool names (the h3 headings)."""
    names = (
        page.locator("h3", has_text="Codestral 2").first,
        page.locator("h3", has_text="OpenRouter Model Fusion").first,
    )
    boxes = [name.bounding_box() for name in names]
    assert all(boxes)
    return boxes  # type: ignore[return-value]


def test_tool_columns_sit_side_by_side_on_desktop(desktop: Page) -> None:
    a, b = tool_name_boxes(desktop)
    assert abs(a["y"] - b["y"]) < 2
    assert b["x"] >= a["x"] + 250


def test_tool_columns_stack_on_a_phone(phone: Page) -> None:
    a, b = tool_name_boxes(phone)
    assert b["y"] > a["y"] + 100
    assert abs(a["x"] - b["x"]) < 2


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_vote_buttons_are_visible_and_tappable(
    viewport: str, request: pytest.FixtureRequest
) -> None:
    page: Page = request.getfixturevalue(viewport)
    button = page.locator(f'a[href="{vote_placeholder(1, 2, "ship")}"]')
    assert button.inner_text() == "Ship it"
    box = button.bounding_box()
    assert box is not None
    assert box["height"] >= 36
    assert box["x"] + box["width"] <= page.viewport_size["width"]  # type: ignore[index]
    assert page.locator('a[href="%%unsubscribe_url%%"]').is_visible()


# --- the full issue as subscribers see it: 375 px and 1200 px, light and dark -----------------------

SHOTS = os.environ.get("VERDICTS_SCREENSHOTS")  # a folder to keep the screenshots in, to look at


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [375, 1200])
def test_five_comparisons_render_at_phone_and_desktop_widths(
    browser: Browser, tmp_path: Path, width: int, scheme: str
) -> None:
    from tests.emails.test_issue_size import long_issue

    rendered = render_issue(long_issue(5))
    path = tmp_path / "issue.html"
    path.write_text(rendered.html, encoding="utf-8")
    page = browser.new_page(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page.goto(path.as_uri())
    assert page.evaluate("document.scrollingElement.scrollWidth") <= width + OVERFLOW_TOLERANCE
    assert rightmost_edge(page) <= max(width, (width + 600) / 2) + OVERFLOW_TOLERANCE
    card = page.evaluate("getComputedStyle(document.querySelector('table.card')).backgroundColor")
    assert card == ("rgb(22, 32, 51)" if scheme == "dark" else "rgb(255, 255, 255)")
    title = page.evaluate("getComputedStyle(document.querySelector('h2.ink')).color")
    assert title == ("rgb(241, 245, 249)" if scheme == "dark" else "rgb(15, 23, 42)")
    folder = Path(SHOTS) if SHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"issue-{width}-{scheme}.png"), full_page=True)
    page.close()
