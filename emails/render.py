"""The issue renderer: an IssueView becomes a subject, HTML (Jinja2 → MJML → HTML) and plain text.

Rendering never raises on bad content: it returns its errors with whatever output it could make,
so the editor sees them in the preview and sending refuses the issue (STYLE.md habit 10).
"""

from __future__ import annotations

import functools
import hashlib
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from mjml import mjml2html

from emails.view import ComparisonView, IssueView, ReviewView

log = logging.getLogger(__name__)

TEMPLATES = Path(__file__).parent / "templates"
HTML_TEMPLATE = "issue.mjml.j2"
TEXT_TEMPLATE = "issue.txt.j2"

# Gmail shows only about the first 102 KB of a message's HTML, so a longer issue loses its footer
# (and the unsubscribe link in it) behind "[Message clipped]". Over our limit, a little under it
# (room for what a client adds), the personalised HTML is a render error: the issue cannot be
# approved or sent until it is shorter.
GMAIL_CLIP_BYTES = 102_000
CLIP_LIMIT_BYTES = 100_000
# A personal link replaces its placeholder with the base URL, /v/, a token of up to this many
# characters and the vote's path: what the size check allows for each placeholder.
_TOKEN_ALLOWANCE = 48

# `emails.personalise` replaces these per subscriber, so they must reach the output unchanged.
_PLACEHOLDER = re.compile(r"%%[A-Za-z0-9_.:-]+%%")
_ALLOWED_SCHEMES = frozenset({"http", "https"})
_UNSAFE_URL_CHARS = re.compile(r"[\s\x00-\x1f\x7f]")
_CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f]")  # a line break in a subject injects headers
_TONES = frozenset({"ship", "skip", "split"})
# Escaped content reads "&lt;mj-", so a raw "<mj-" can only be a template tag MRML did not know.
_MJML_TAG = re.compile(r"</?(mj-[a-z-]+)")


@dataclass(frozen=True)
class RenderedIssue:
    """One issue's email parts, before personalisation, with the problems found while rendering."""

    subject: str
    html: str
    text: str
    errors: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """True when rendering found no problem."""
        return not self.errors

    def content_hash(self) -> str:
        """Returns the sha256 hex of subject, html and text, each prefixed with its length."""
        digest = hashlib.sha256()
        for part in (self.subject, self.html, self.text):
            data = part.encode("utf-8")
            digest.update(len(data).to_bytes(8, "big"))
            digest.update(data)
        return digest.hexdigest()


def render_issue(view: IssueView) -> RenderedIssue:
    """Returns the rendered issue; every problem is listed in `errors`, none is raised."""
    mjml_source, mjml_errors = _render_template(HTML_TEMPLATE, view)
    html, compile_errors = _compile_mjml(mjml_source) if mjml_source else ("", [])
    text, text_errors = _render_template(TEXT_TEMPLATE, view)
    errors = [
        *check_issue(view),
        *mjml_errors,
        *compile_errors,
        *_check_no_mjml_left(html),
        *text_errors,
    ]
    if html and (size := personalised_size(html, view.archive_url)) > CLIP_LIMIT_BYTES:
        errors.append(f"the HTML a subscriber gets is about {size:,} bytes, over the {CLIP_LIMIT_BYTES:,} "
                      f"limit: Gmail clips it (hiding the unsubscribe link); use fewer comparisons")
    for error in errors:
        log.warning("issue %s: %s", view.week, error)
    return RenderedIssue(_one_line(view.subject), html, text, tuple(errors))


def personalised_size(html: str, archive_url: str) -> int:
    """Returns the bytes of the HTML once its placeholders are a subscriber's links (an upper bound)."""
    base = archive_url.split("/issues/", 1)[0]
    # Each placeholder keeps about its own length (the vote's path) and gains the base, /v/, a token.
    grown = len(_PLACEHOLDER.findall(html)) * (len(base) + len("/v/") + _TOKEN_ALLOWANCE)
    return len(html.encode("utf-8")) + grown


def check_issue(view: IssueView) -> list[str]:
    """Returns what is wrong with the view's content (empty issue, bad subject, refused links)."""
    errors: list[str] = []
    if not view.comparisons:
        errors.append("the issue has no comparisons")
    if not view.subject.strip():
        errors.append("the subject is empty")
    elif _CONTROL_CHARS.search(view.subject):
        errors.append("the subject contains line breaks or control characters")
    errors.extend(
        f"refused the {where} link {url[:80]!r}: only http(s) or a %%placeholder%% is allowed"
        for where, url in _links(view)
        if not is_allowed_url(url)
    )
    return errors


def is_allowed_url(url: str) -> bool:
    """True for one of our %%placeholders%% or an absolute http(s) URL without whitespace."""
    if _PLACEHOLDER.fullmatch(url):
        return True
    if _UNSAFE_URL_CHARS.search(url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in _ALLOWED_SCHEMES and bool(parts.netloc)


def safe_href(url: str | None) -> str:
    """Returns the URL if it may go in an href, else '' (the template then drops the link)."""
    return url if url and is_allowed_url(url) else ""


def tone(verdict: str | None) -> str:
    """Returns 'ship', 'skip', 'split' or 'none' from a verdict's first word; never fails."""
    word = (verdict or "").strip().split(" ", 1)[0].lower()
    return word if word in _TONES else "none"


def short(text: str | None, limit: int = 180) -> str:
    """Returns a take's first sentences up to `limit` characters, else its first words and '…'."""
    flat = " ".join((text or "").split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit + 1]
    end = max(cut.rfind(". "), cut.rfind("! "), cut.rfind("? "))
    if end >= limit // 2:
        return cut[: end + 1]
    return cut[:limit].rsplit(" ", 1)[0].rstrip(",;:-") + "…"


def nbsp(text: str | None) -> str:
    """Returns the text with its spaces made non-breaking (a short label that must stay on one line)."""
    return (text or "").replace(" ", "\u00a0")


def paragraphs(text: str | None) -> list[str]:
    """Returns the text's paragraphs (split on blank lines), each with its whitespace collapsed."""
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text or "") if p.strip()]


def decision_rows(comparison: ComparisonView) -> list[tuple[str, str, str]]:
    """Returns the Decision table as (label, tool A's value, tool B's value) rows."""
    a, b = comparison.a, comparison.b
    return [
        ("Panel verdict", a.panel_verdict, b.panel_verdict),
        ("Community", a.community_verdict, b.community_verdict),
        ("Pricing", a.pricing, b.pricing),
        ("Best for", a.best_for, b.best_for),
        ("Category", a.category, b.category),
    ]


def scorecard_rows(
    comparison: ComparisonView,
) -> list[tuple[str, ReviewView | None, ReviewView | None]]:
    """Returns (persona, tool A's review, tool B's review) in persona order; None if missing."""
    by_a = {r.persona: r for r in comparison.a.reviews}
    by_b = {r.persona: r for r in comparison.b.reviews}
    personas = list(dict.fromkeys([*by_a, *by_b]))
    return [(p, by_a.get(p), by_b.get(p)) for p in personas]


def _links(view: IssueView) -> Iterator[tuple[str, str]]:
    """Yields (where, url) for every link the templates put in an href."""
    yield "archive", view.archive_url
    yield "unsubscribe", view.unsubscribe_url
    for comparison in view.comparisons:
        for tool in (comparison.a, comparison.b):
            where = f"{comparison.title} / {tool.name}"
            yield f"{where} 'Ship it'", tool.vote_ship_url
            yield f"{where} 'Skip it'", tool.vote_skip_url
            if tool.url is not None:
                yield f"{where} homepage", tool.url


def _one_line(text: str) -> str:
    """Returns the text with all whitespace runs (line breaks included) collapsed to one space."""
    return " ".join(text.split())


def _is_html_template(name: str | None) -> bool:
    """True for templates whose output is markup, so Jinja must escape every value."""
    return name is not None and name.endswith(".mjml.j2")


@functools.cache
def _environment() -> Environment:
    """Returns the Jinja2 environment: templates beside this module, escaping for MJML, strict."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=_is_html_template,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(href=safe_href, tone=tone, paragraphs=paragraphs, short=short, nbsp=nbsp)
    env.globals.update(decision_rows=decision_rows, scorecard_rows=scorecard_rows)
    return env


def _render_template(name: str, view: IssueView) -> tuple[str, list[str]]:
    """Returns the template's output, or '' and the error it raised."""
    try:
        return _environment().get_template(name).render(issue=view), []
    except Exception as exc:  # any template bug must reach the preview, not crash it
        return "", [f"template {name}: {type(exc).__name__}: {exc}"]


def _compile_mjml(source: str) -> tuple[str, list[str]]:
    """Returns the HTML compiled from MJML, or '' and MRML's parse error (it raises ValueError)."""
    try:
        # fonts={} keeps MRML from adding Google Fonts links: we use system fonts only.
        return mjml2html(source, disable_comments=True, fonts={}), []
    except ValueError as exc:
        return "", [f"mjml: {exc}"]


def _check_no_mjml_left(html: str) -> list[str]:
    """Returns an error naming the MJML tags MRML did not know and so copied into the HTML as is.

    MRML neither warns nor fails on an unknown tag: it passes it through, in a cell whose
    font-size is 0, so its content silently disappears from the email.
    """
    leftovers = sorted(set(_MJML_TAG.findall(html)))
    return [f"mjml: unknown tags left in the HTML: {', '.join(leftovers)}"] if leftovers else []
