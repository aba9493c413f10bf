"""An issue that fits: at five comparisons with long takes the HTML a subscriber receives stays
under 100 KB; past the clip limit rendering reports an error (approval and sending refuse it)."""

from __future__ import annotations

from emails.delivery import Recipient, personal_message
from emails.personalise import letter_for
from emails.render import CLIP_LIMIT_BYTES, personalised_size, render_issue
from emails.tokens import link_token
from emails.view import ComparisonView, IssueView, ReviewView, ToolView, vote_placeholder
from verdicts.settings import Settings

PERSONAS = ("Builder", "Skeptic", "Futurist", "Founder", "Creator")
LONG_TAKE = " ".join(
    f"Point {n}: the weights are public, the licence is permissive, and the serving story is the "
    f"ecosystem's, which is the right call for a model of this size." for n in range(1, 21))  # ~500 words


def long_tool(comparison_id: int, tool_id: int, name: str) -> ToolView:
    reviews = tuple(ReviewView(p, 60 + i * 7, "skip" if p == "Skeptic" else "ship", LONG_TAKE)
                    for i, p in enumerate(PERSONAS))
    return ToolView(
        id=tool_id, name=name, initial=name[0], category="Developer Tools",
        tagline=f"{name} runs a prompt through several models and fuses the best answer into one",
        description="A model you can run yourself, with a long description. " * 30, entry="Freemium",
        pricing="Freemium · $0.30 per 1M input tokens, $1.20 per 1M output tokens, volume discounts",
        best_for="Teams that want one answer from many models without writing the glue themselves",
        panel_headline="Ship", panel_percent="80%", panel_verdict="Ship · 4 ship / 1 skip",
        community_percent="63%", community_verdict="Ship · 12 ship / 7 skip", reviews=reviews,
        vote_ship_url=vote_placeholder(comparison_id, tool_id, "ship"),
        vote_skip_url=vote_placeholder(comparison_id, tool_id, "skip"),
        url=f"https://tools.example.com/{name.lower().replace(' ', '-')}",
    )


def long_issue(count: int) -> IssueView:
    """`count` comparisons with long names, long pricing and ~500-word takes from all five personas."""
    comparisons = tuple(
        ComparisonView(n, f"Tool {2 * n} Ultra Long Name Edition vs Tool {2 * n + 1} Pro Max Plus",
                       long_tool(n, 2 * n, f"Tool {2 * n} Ultra Long Name Edition"),
                       long_tool(n, 2 * n + 1, f"Tool {2 * n + 1} Pro Max Plus"))
        for n in range(1, count + 1))
    return IssueView(week="2026-W48", subject="Weekly AI Tool Verdicts · 2026-W48: a long week",
                     intro="Five head-to-heads of AI tools that launched this week, each judged by our "
                           "five-persona panel. Tell us yours: ship or skip.",
                     comparisons=comparisons, archive_url="https://verdicts.example.com/issues/2026-W48")


def test_five_long_comparisons_fit_under_100_kb_as_a_subscriber_gets_them():
    rendered = render_issue(long_issue(5))
    assert rendered.ok, rendered.errors
    settings = Settings(public_base_url="https://verdicts.example.com", secret_key="s")
    letter = letter_for(settings=settings, issue_id=1234, subject=rendered.subject, html=rendered.html,
                        text=rendered.text, week="2026-W48")
    token = link_token("s", 9_876_543, 1234)  # a large list's subscriber id
    message = personal_message(letter, Recipient(1, 9_876_543, "reader@example.com", token))
    size = len(message.html.encode("utf-8"))
    assert size < 100_000, size
    assert personalised_size(rendered.html, "https://verdicts.example.com/issues/2026-W48") >= size
    assert message.html.count(token) == 21  # 20 vote links and the unsubscribe link
    assert "Unsubscribe</a>" in message.html[-3000:]  # the footer is there, not clipped away


def test_an_issue_over_the_clip_limit_is_a_render_error():
    rendered = render_issue(long_issue(7))
    assert not rendered.ok
    [error] = rendered.errors
    assert f"over the {CLIP_LIMIT_BYTES:,} limit" in error and "Gmail clips it" in error
