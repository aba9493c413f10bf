"""The issue renderer: wording, escaping, links, placeholders, hashing, errors returned."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markupsafe import escape

from emails import render
from emails.render import RenderedIssue, is_allowed_url, render_issue
from emails.view import (
    UNSUBSCRIBE_PLACEHOLDER,
    ComparisonView,
    IssueView,
    ReviewView,
    ToolView,
    vote_placeholder,
)

PERSONAS = ("Builder", "Skeptic", "Futurist", "Founder", "Creator")
LONG_TAKE = " ".join(
    f"Point {n}: the weights are public, the license is permissive, and the serving story is "
    f"the ecosystem's, which is the right call for a model of this size."
    for n in range(1, 21)
)  # about 500 words
DECISION_FIELDS = ("panel_verdict", "community_verdict", "pricing", "best_for", "category")


# --- factories ---------------------------------------------------------------------------------


def make_reviews(*, missing: str | None = None, long: str | None = None) -> tuple[ReviewView, ...]:
    """Five reviews in persona order; `missing` has no take, `long` has LONG_TAKE."""
    reviews = []
    for i, persona in enumerate(PERSONAS):
        if persona == missing:
            reviews.append(ReviewView(persona, None, None, None))
            continue
        decision = "skip" if persona == "Skeptic" else "ship"
        take = LONG_TAKE if persona == long else f"{persona} take number {i} on this tool."
        reviews.append(ReviewView(persona, 70 + i, decision, take))
    return tuple(reviews)


def make_tool(comparison_id: int, tool_id: int, name: str, **overrides: object) -> ToolView:
    fields: dict[str, object] = {
        "id": tool_id,
        "name": name,
        "initial": name[0],
        "category": "Developer Tools",
        "tagline": f"{name}: the tagline",
        "description": f"{name} does one thing well.\n\nAnd a second paragraph about {name}.",
        "entry": "Paid",
        "pricing": f"{name} pricing: pay-per-token",
        "best_for": f"Teams that want {name}",
        "panel_headline": "Ship",
        "panel_percent": "75%",
        "panel_verdict": "Ship · 3 ship / 1 skip",
        "community_percent": "—",
        "community_verdict": "No community votes yet",
        "reviews": make_reviews(),
        "vote_ship_url": vote_placeholder(comparison_id, tool_id, "ship"),
        "vote_skip_url": vote_placeholder(comparison_id, tool_id, "skip"),
        "url": f"https://tools.example.com/{tool_id}",
    }
    fields.update(overrides)
    return ToolView(**fields)  # type: ignore[arg-type]


def make_comparison(comparison_id: int, a: ToolView, b: ToolView) -> ComparisonView:
    return ComparisonView(id=comparison_id, title=f"{a.name} vs {b.name}", a=a, b=b)


def make_issue(*comparisons: ComparisonView, **overrides: object) -> IssueView:
    if not comparisons:
        comparisons = default_comparisons()
    fields: dict[str, object] = {
        "week": "2026-W48",
        "subject": "Weekly AI Tool Verdicts: Codestral 2 vs OpenRouter Model Fusion and 1 more",
        "intro": "Two code models and a router, judged by the panel.",
        "comparisons": comparisons,
        "archive_url": "https://verdicts.example.com/archive",
    }
    fields.update(overrides)
    return IssueView(**fields)  # type: ignore[arg-type]


def default_comparisons() -> tuple[ComparisonView, ...]:
    """Two comparisons: Fusion lacks a Founder take; Code Llama's Builder take is long."""
    codestral = make_tool(1, 1, "Codestral 2", pricing="Open Source (Apache 2.0) / API pricing")
    fusion = make_tool(
        1,
        2,
        "OpenRouter Model Fusion",
        reviews=make_reviews(missing="Founder"),
        community_percent="60%",
        community_verdict="Ship · 3 ship / 2 skip",
    )
    llama = make_tool(
        2,
        3,
        "Code Llama 4 (70B & 400B)",
        reviews=make_reviews(long="Builder"),
        entry="Free",
        panel_headline="Skip",
        panel_percent="25%",
        panel_verdict="Skip · 1 ship / 3 skip",
    )
    fusion_again = make_tool(2, 4, fusion.name, reviews=fusion.reviews)
    return make_comparison(1, codestral, fusion), make_comparison(2, llama, fusion_again)


def with_tool(issue: IssueView, **overrides: object) -> IssueView:
    """The issue with its first comparison's tool A changed."""
    first = issue.comparisons[0]
    changed = replace(first, a=replace(first.a, **overrides))  # type: ignore[arg-type]
    return replace(issue, comparisons=(changed, *issue.comparisons[1:]))


def flat(text: str) -> str:
    """The text with whitespace runs collapsed, so wrapped and aligned lines compare as prose."""
    return " ".join(text.split())


class Elements(HTMLParser):
    """Collects every start tag and its attributes from an HTML document."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def hrefs(self) -> list[str]:
        return [a["href"] or "" for t, a in self.tags if t == "a" and "href" in a]


@pytest.fixture(scope="module")
def issue() -> IssueView:
    return make_issue()


@pytest.fixture(scope="module")
def rendered(issue: IssueView) -> RenderedIssue:
    return render_issue(issue)


# --- what a good issue renders -----------------------------------------------------------------


def test_a_good_issue_renders_without_errors(rendered: RenderedIssue, issue: IssueView) -> None:
    assert rendered.errors == ()
    assert rendered.ok
    assert rendered.subject == issue.subject
    assert rendered.html.lstrip().lower().startswith("<!doctype html>")
    assert "<mj-" not in rendered.html


@pytest.mark.parametrize("part", ["html", "text"])
def test_header_names_the_newsletter_and_the_week(rendered: RenderedIssue, part: str) -> None:
    output = getattr(rendered, part)
    assert "Weekly AI Tool Verdicts" in output
    assert "2026-W48" in output
    assert "Two code models and a router, judged by the panel." in output


def test_each_comparison_title_is_a_heading(rendered: RenderedIssue, issue: IssueView) -> None:
    headings = [c.title for c in issue.comparisons]
    found = [h for h in headings if f">{escape(h)}</h2>" in rendered.html]
    assert found == headings
    assert "Code Llama 4 (70B &amp; 400B) vs OpenRouter Model Fusion" in rendered.html
    assert "Code Llama 4 (70B & 400B) vs OpenRouter Model Fusion" in rendered.text


@pytest.mark.parametrize("label", ["Decision", "Panel verdict", "Community", "Pricing", "Best for"])
@pytest.mark.parametrize("part", ["html", "text"])
def test_decision_labels_appear(rendered: RenderedIssue, part: str, label: str) -> None:
    assert label in getattr(rendered, part)


@pytest.mark.parametrize("field", DECISION_FIELDS)
def test_decision_rows_carry_the_views_wording_for_both_tools(
    rendered: RenderedIssue, issue: IssueView, field: str
) -> None:
    for comparison in issue.comparisons:
        for tool in (comparison.a, comparison.b):
            value = getattr(tool, field)
            assert str(escape(value)) in rendered.html, (tool.name, field)
            assert flat(value) in flat(rendered.text), (tool.name, field)


def test_text_decision_table_aligns_values(rendered: RenderedIssue) -> None:
    lines = rendered.text.splitlines()
    start = lines.index("Panel verdict")
    assert lines[start + 1] == "  Codestral 2              Ship · 3 ship / 1 skip"
    assert lines[start + 2] == "  OpenRouter Model Fusion  Ship · 3 ship / 1 skip"


@pytest.mark.parametrize("part", ["html", "text"])
def test_tool_facts_appear(rendered: RenderedIssue, issue: IssueView, part: str) -> None:
    output = getattr(rendered, part)
    for comparison in issue.comparisons:
        for tool in (comparison.a, comparison.b):
            for value in (tool.tagline, tool.panel_percent, tool.community_percent, tool.entry):
                expected = str(escape(value)) if part == "html" else value
                assert expected in output, (tool.name, value)
    assert "Panel ship" in output


def test_missing_take_reads_no_panel_take(rendered: RenderedIssue) -> None:
    # Fusion has no Founder take, and it appears in both comparisons.
    assert rendered.html.replace("\xa0", " ").count("No panel take") == 2
    assert rendered.text.count("OpenRouter Model Fusion: No panel take") == 2
    assert "Codestral 2: 73/100 · ship" in rendered.text
    assert "73/100\xa0·\xa0ship" in rendered.html


def test_every_take_appears_short_with_a_link_to_the_full_scorecard(
    rendered: RenderedIssue, issue: IssueView
) -> None:
    for comparison in issue.comparisons:
        for tool in (comparison.a, comparison.b):
            for review in tool.reviews:
                if review.take:
                    where = (tool.name, review.persona)
                    assert str(escape(render.short(review.take))) in rendered.html, where
                    assert flat(render.short(review.take)) in flat(rendered.text), where
    assert str(escape(LONG_TAKE)) not in rendered.html and flat(LONG_TAKE) not in flat(rendered.text)
    for n in (1, 2):
        assert f"https://verdicts.example.com/archive#comparison-{n}" in Elements(rendered.html).hrefs()
        assert f"  https://verdicts.example.com/archive#comparison-{n}" in rendered.text


@pytest.mark.parametrize(
    ("take", "short"),
    [
        ("Short and sweet.", "Short and sweet."),
        ("First sentence is here and it runs a while. " * 3 + "Then a long tail " * 20,
         ("First sentence is here and it runs a while. " * 3).strip()),
        ("one very long sentence without an end " * 10, None),
    ],
)
def test_a_short_take_keeps_whole_sentences_or_ends_on_a_word(take: str, short: str | None) -> None:
    result = render.short(take)
    assert len(result) <= 181
    if short is not None:
        assert result == short
    else:
        assert result.endswith("…") and take.startswith(result[:-1])


def test_long_lines_wrap_to_72_columns_in_text(rendered: RenderedIssue) -> None:
    assert max(len(line) for line in rendered.text.splitlines()) <= 72


def test_personas_keep_their_order(rendered: RenderedIssue) -> None:
    first = rendered.text.split("What the panel says", 2)[1]
    positions = [first.index(f"\n{persona}\n") for persona in PERSONAS]
    assert positions == sorted(positions)


def test_a_short_take_flattens_its_paragraphs() -> None:
    issue = with_tool(
        make_issue(),
        reviews=(ReviewView("Builder", 80, "ship", "First paragraph.\n\nSecond one."),),
    )
    result = render_issue(issue)
    assert "<br />First paragraph. Second one.</td>" in result.html  # a short take is one paragraph
    assert "    First paragraph. Second one." in result.text


@pytest.mark.parametrize(
    ("verdict", "colour"),
    [("Ship · 3 ship / 1 skip", "#157f3d"), ("Skip · 1 ship / 3 skip", "#a63d37")],
)
def test_verdicts_are_coloured_ship_green_skip_red(
    rendered: RenderedIssue, verdict: str, colour: str
) -> None:
    assert f'color:{colour};font-weight:700;">{verdict}</td>' in rendered.html


def test_a_persona_missing_from_one_tool_reads_no_panel_take() -> None:
    issue = make_issue()
    only_b = ReviewView("Historian", 60, "skip", "Seen this before.")
    first = issue.comparisons[0]
    b = replace(first.b, reviews=(*first.b.reviews, only_b))
    result = render_issue(replace(issue, comparisons=(replace(first, b=b),)))
    assert result.ok
    assert "Historian\n  Codestral 2: No panel take" in result.text
    assert "OpenRouter Model Fusion: 60/100 · skip" in result.text


# --- hostile content ---------------------------------------------------------------------------

SCRIPT_NAME = "<script>alert(1)</script>"
ATTRIBUTE_NAME = '"><img src=x onerror=alert(1)>'
MJML_TAGLINE = "</mj-text><mj-raw><script>alert(2)</script></mj-raw><mj-text>"


@pytest.fixture(scope="module")
def hostile() -> RenderedIssue:
    issue = make_issue()
    first = issue.comparisons[0]
    a = replace(first.a, name=SCRIPT_NAME, tagline=MJML_TAGLINE)
    b = replace(first.b, name=ATTRIBUTE_NAME, url='https://evil.example/"onmouseover="alert(3)')
    take = ReviewView("Builder", 90, "ship", "<b>bold</b> & <a href='javascript:x'>link</a>")
    a = replace(a, reviews=(take, *a.reviews[1:]))
    comparison = replace(first, a=a, b=b, title=f"{SCRIPT_NAME} vs {ATTRIBUTE_NAME}")
    return render_issue(replace(issue, comparisons=(comparison, *issue.comparisons[1:])))


def test_hostile_text_is_not_an_error(hostile: RenderedIssue) -> None:
    assert hostile.errors == ()


def test_hostile_html_is_escaped(hostile: RenderedIssue) -> None:
    assert SCRIPT_NAME not in hostile.html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in hostile.html
    assert "<img src=x" not in hostile.html
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in hostile.html
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;a href=&#39;javascript:x&#39;&gt;" in hostile.html


def test_hostile_tagline_cannot_inject_mjml(hostile: RenderedIssue) -> None:
    assert "<mj-raw>" not in hostile.html
    assert "&lt;/mj-text&gt;&lt;mj-raw&gt;&lt;script&gt;alert(2)&lt;/script&gt;" in hostile.html


def test_hostile_html_has_no_script_nor_event_handler(hostile: RenderedIssue) -> None:
    elements = Elements(hostile.html)
    tags = {tag for tag, _ in elements.tags}
    assert not tags & {"script", "img", "b", "mj-raw"}
    handlers = [(t, k) for t, attrs in elements.tags for k in attrs if k.startswith("on")]
    assert handlers == []
    assert "https://evil.example/&#34;onmouseover=&#34;alert(3)" in hostile.html


def test_hostile_text_part_shows_the_strings_plainly(hostile: RenderedIssue) -> None:
    for value in (
        SCRIPT_NAME,
        ATTRIBUTE_NAME,
        MJML_TAGLINE,
        "<b>bold</b> & <a href='javascript:x'>",
    ):
        assert value in hostile.text
    assert "&lt;" not in hostile.text
    assert "&#34;" not in hostile.text


def test_text_part_has_no_markup(rendered: RenderedIssue) -> None:
    assert "<" not in rendered.text
    assert "&amp;" not in rendered.text


# --- links -------------------------------------------------------------------------------------

BAD_URLS = [
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD4=",
    "vbscript:msgbox(1)",
    "ftp://files.example.com/x",
    "//evil.example/x",
    "https://",
    "",
    "%%not a placeholder%%",
]


@pytest.mark.parametrize(
    ("url", "allowed"),
    [(url, False) for url in BAD_URLS]
    + [
        ("https://verdicts.example.com/archive?week=48&x=1", True),
        ("http://localhost:8000/v", True),
        ("HTTPS://EXAMPLE.COM", True),
        (UNSUBSCRIBE_PLACEHOLDER, True),
        (vote_placeholder(12, 34, "skip"), True),
    ],
)
def test_is_allowed_url(url: str, allowed: bool) -> None:
    assert is_allowed_url(url) is allowed


@pytest.mark.parametrize("url", BAD_URLS[:5])
def test_bad_vote_url_is_dropped_and_reported(url: str) -> None:
    result = render_issue(with_tool(make_issue(), vote_ship_url=url))
    assert not result.ok
    assert any("'Ship it'" in e and repr(url) in e for e in result.errors), result.errors
    hrefs = Elements(result.html).hrefs()
    assert not [h for h in hrefs if "script" in h.lower() or h.startswith("data:")]
    assert "javascript" not in result.text.lower()
    assert "(link unavailable)" in result.text
    assert vote_placeholder(1, 1, "skip") in hrefs  # the tool's other link still renders


@pytest.mark.parametrize("field", ["archive_url", "unsubscribe_url"])
def test_bad_issue_links_are_dropped_and_reported(field: str) -> None:
    result = render_issue(replace(make_issue(), **{field: "javascript:alert(1)"}))
    assert [e for e in result.errors if "javascript:alert(1)" in e]
    assert "javascript" not in result.html.lower()
    assert "javascript" not in result.text.lower()


def test_bad_tool_homepage_leaves_the_name_unlinked() -> None:
    result = render_issue(with_tool(make_issue(), url="data:text/html,hi"))
    assert any("homepage" in e for e in result.errors)
    assert "data:text/html" not in result.html
    assert ">Codestral 2</h3>" in result.html


def test_placeholders_survive_unchanged(rendered: RenderedIssue, issue: IssueView) -> None:
    hrefs = Elements(rendered.html).hrefs()
    assert UNSUBSCRIBE_PLACEHOLDER in hrefs
    assert f"Unsubscribe: {UNSUBSCRIBE_PLACEHOLDER}" in rendered.text
    for comparison in issue.comparisons:
        for tool in (comparison.a, comparison.b):
            for placeholder in (tool.vote_ship_url, tool.vote_skip_url):
                assert hrefs.count(placeholder) == 1, placeholder
                assert placeholder in rendered.text


def test_vote_links_are_labelled(rendered: RenderedIssue) -> None:
    assert f'href="{vote_placeholder(1, 1, "ship")}"' in rendered.html
    assert rendered.html.count(">Ship it</a>") == 4
    assert rendered.html.count(">Skip it</a>") == 4
    assert f"  Ship it: {vote_placeholder(2, 3, 'ship')}" in rendered.text
    assert f"  Skip it: {vote_placeholder(2, 3, 'skip')}" in rendered.text


def test_archive_link_is_in_the_footer(rendered: RenderedIssue) -> None:
    assert "https://verdicts.example.com/archive" in Elements(rendered.html).hrefs()
    assert "Browse the archive: https://verdicts.example.com/archive" in rendered.text


# --- hashing -----------------------------------------------------------------------------------


def test_content_hash_is_stable_for_identical_views(rendered: RenderedIssue) -> None:
    again = render_issue(make_issue())
    assert again.content_hash() == rendered.content_hash()
    assert len(rendered.content_hash()) == 64
    int(rendered.content_hash(), 16)


def test_content_hash_changes_with_one_take() -> None:
    issue = make_issue()
    reviews = issue.comparisons[0].a.reviews
    changed = with_tool(
        issue, reviews=(replace(reviews[0], take="A different take."), *reviews[1:])
    )
    assert render_issue(changed).content_hash() != render_issue(issue).content_hash()


def test_content_hash_separates_its_parts() -> None:
    assert (
        RenderedIssue("ab", "c", "").content_hash() != RenderedIssue("a", "bc", "").content_hash()
    )
    assert RenderedIssue("a", "", "b").content_hash() != RenderedIssue("a", "b", "").content_hash()


# --- errors are returned, not raised -----------------------------------------------------------


def test_empty_issue_returns_an_error() -> None:
    result = render_issue(make_issue(comparisons=()))
    assert not result.ok
    assert result.errors == ("the issue has no comparisons",)
    assert "Weekly AI Tool Verdicts" in result.html  # the preview still shows the frame
    assert "In this issue" not in result.text


def test_subject_spacing_is_tidied_without_error() -> None:
    result = render_issue(make_issue(subject="  Weekly AI Tool Verdicts:  two  comparisons "))
    assert result.ok
    assert result.subject == "Weekly AI Tool Verdicts: two comparisons"


def test_subject_with_line_break_is_reported_and_flattened() -> None:
    result = render_issue(make_issue(subject="Verdicts\r\nBcc: everyone@example.com"))
    assert result.subject == "Verdicts Bcc: everyone@example.com"
    assert any("subject" in e for e in result.errors)


def test_renders_from_any_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert render_issue(make_issue()).ok


@pytest.fixture
def templates_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the templates the renderer loads instead of its own, for breaking on purpose."""
    shutil.copytree(render.TEMPLATES, tmp_path, dirs_exist_ok=True)
    monkeypatch.setattr(render, "TEMPLATES", tmp_path)
    render._environment.cache_clear()
    yield tmp_path
    render._environment.cache_clear()


def test_broken_mjml_is_reported_not_raised(templates_dir: Path) -> None:
    (templates_dir / render.HTML_TEMPLATE).write_text("<mjml><mj-body><mj-section></mjml>")
    result = render_issue(make_issue())
    assert result.html == ""
    assert [e for e in result.errors if e.startswith("mjml: ")], result.errors
    assert "Weekly AI Tool Verdicts" in result.text  # the text part still renders


def test_template_error_is_reported_not_raised(templates_dir: Path) -> None:
    (templates_dir / render.TEXT_TEMPLATE).write_text("{{ issue.no_such_field }}")
    result = render_issue(make_issue())
    assert result.text == ""
    assert [e for e in result.errors if "UndefinedError" in e and "no_such_field" in e]
    assert result.html


def test_unknown_mjml_tag_is_reported(templates_dir: Path) -> None:
    # MRML copies unknown tags into the HTML (in a 0px-font cell) instead of failing.
    path = templates_dir / render.HTML_TEMPLATE
    gap = '<mj-section padding="12px 0"></mj-section>'
    path.write_text(path.read_text().replace(gap, "<mj-gap></mj-gap>"))
    result = render_issue(make_issue())
    assert result.errors == ("mjml: unknown tags left in the HTML: mj-gap",)
