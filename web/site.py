"""The public site's pages, built from the database: what an editor approved, with live votes.

Views come from `editorial.presentation` (the same words as the email), built once per issue and
content hash and kept in this process; each request then reads only which issues are public and
the vote tallies (those at most TALLY_SECONDS old). An issue whose approval is withdrawn (back to
draft) leaves the site at once, because every request starts from the public issues' keys.
"""

from __future__ import annotations

import dataclasses
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy.engine import Connection
from sqlmodel import Session

from db import desk_queries, queries, web_queries
from db.states import IssueStatus
from db.web_queries import IssueKey
from editorial.panel import Persona, load_personas
from editorial.presentation import build_issue_view, reviewed_tool_view
from editorial.verdict import Tally, community_verdict, percent_label
from emails.view import ComparisonView, IssueView, ReviewView, ToolView

CACHE_SIZE = 256  # issue views kept per process
# Community tallies are read at most this often per process (and set of comparisons): under a burst
# of page views or votes the database counts votes once a second, not per request. The page after a
# vote adds the vote itself to that count (web.app); whether an issue is public is read per request.
TALLY_SECONDS = 1.0


@dataclass(frozen=True)
class PublicComparison:
    """One approved comparison, its tools' slugs, and the issue it is in."""

    view: ComparisonView
    week: str
    slug_a: str
    slug_b: str
    version: str | None = None  # the issue's content hash: with the votes, all a page depends on

    @property
    def path(self) -> str:
        return f"/compare/{self.slug_a}-vs-{self.slug_b}"

    def slug_of(self, tool: ToolView) -> str:
        """The slug of one of the two tools."""
        return self.slug_a if tool.id == self.view.a.id else self.slug_b


@dataclass(frozen=True)
class PublicIssue:
    key: IssueKey
    view: IssueView
    comparisons: tuple[PublicComparison, ...]

    @property
    def is_sent(self) -> bool:
        return self.key.status == IssueStatus.SENT


@dataclass(frozen=True)
class ToolPage:
    tool: ToolView
    slug: str
    comparisons: tuple[PublicComparison, ...]  # newest first; the first is where `tool` comes from


@dataclass(frozen=True)
class CategoryVerdicts:
    category: str
    verdicts: tuple[tuple[ToolPage, ReviewView], ...]  # the persona's takes in this category
    no_take: tuple[ToolPage, ...]

    @property
    def shipped(self) -> int:
        return sum(1 for _, review in self.verdicts if review.decision == "ship")

    @property
    def heading(self) -> str:
        """'Developer Tools verdicts (3 tools, 3 shipped)'."""
        count = len(self.verdicts)
        return f"{self.category} verdicts ({count} tool{'s' if count != 1 else ''}, {self.shipped} shipped)"


@dataclass(frozen=True)
class PersonaPage:
    persona: Persona
    slug: str
    categories: tuple[CategoryVerdicts, ...]


def persona_slug(name: str) -> str:
    """'builder' for 'Builder'."""
    return name.lower()


class Catalog:
    """The public issues' views, cached per (issue, content hash); votes are read live per request."""

    def __init__(self, base_url: str, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.base_url = base_url
        self._clock = clock
        self._tallies: dict[tuple[int, ...], tuple[float, dict[tuple[int, int], tuple[int, int]]]] = {}
        self._views: OrderedDict[tuple[int, str | None], PublicIssue] = OrderedDict()
        self._lock = threading.Lock()
        self._build_lock = threading.Lock()
        self.pages = PageCache()
        self.personas = {persona_slug(p.name): p for p in load_personas()}

    # --- what is public --------------------------------------------------------------------------

    def issues(self, session: Session) -> list[PublicIssue]:
        """Every approved, sending or sent issue, newest week first, without live votes."""
        return [self._issue(session, key) for key in web_queries.public_issue_keys(session)]

    def sent_issues(self, session: Session) -> list[PublicIssue]:
        """The sent issues, newest first: the archive."""
        return [issue for issue in self.issues(session) if issue.is_sent]

    def sent_issue(self, session: Session, *, week: str) -> PublicIssue | None:
        """The sent issue of `week`, with live votes; None if there is none."""
        found = next((i for i in self.sent_issues(session) if i.key.week == week), None)
        return None if found is None else self.live(session, found)

    def comparison(self, session: Session, *, pair: str) -> tuple[PublicComparison | None, bool]:
        """(the comparison 'a-slug-vs-b-slug' names, with live votes; whether `pair` is reversed)."""
        for issue in self.issues(session):
            for comparison in issue.comparisons:
                if pair == f"{comparison.slug_a}-vs-{comparison.slug_b}":
                    return self._live_comparison(session, comparison), False
                if pair == f"{comparison.slug_b}-vs-{comparison.slug_a}":
                    return comparison, True
        return None, False

    def tool(self, session: Session, *, slug: str) -> ToolPage | None:
        """The tool's page if it is in an approved comparison (with live votes) or an editor
        approved its reviews for the site; else None."""
        pages = self._tool_pages(self.issues(session))
        page = pages.get(slug)
        if page is None:
            return _reviewed_tool(session, slug)
        live = self._live_comparison(session, page.comparisons[0])
        tool = live.view.a if live.view.a.id == page.tool.id else live.view.b
        return dataclasses.replace(page, tool=tool, comparisons=(live, *page.comparisons[1:]))

    def persona(self, session: Session, *, slug: str) -> PersonaPage | None:
        """The persona's page: its takes on approved tools, by category; None for an unknown name."""
        persona = self.personas.get(slug)
        if persona is None:
            return None
        by_category: dict[str, tuple[list[tuple[ToolPage, ReviewView]], list[ToolPage]]] = {}
        for page in self._tool_pages(self.issues(session)).values():
            takes, none = by_category.setdefault(page.tool.category, ([], []))
            review = next((r for r in page.tool.reviews if r.persona == persona.name), None)
            if review is not None and review.has_take:
                takes.append((page, review))
            else:
                none.append(page)
        categories = tuple(
            CategoryVerdicts(name, tuple(takes), tuple(none))
            for name, (takes, none) in sorted(by_category.items())
        )
        return PersonaPage(persona, slug, categories)

    # --- live votes ------------------------------------------------------------------------------

    def live(self, session: Session, issue: PublicIssue) -> PublicIssue:
        """The issue with every comparison's community numbers read now."""
        comparisons = self._with_votes(session, issue.comparisons)
        view = dataclasses.replace(issue.view, comparisons=tuple(c.view for c in comparisons))
        return dataclasses.replace(issue, view=view, comparisons=tuple(comparisons))

    def _live_comparison(self, session: Session, comparison: PublicComparison) -> PublicComparison:
        return self._with_votes(session, [comparison])[0]

    def _with_votes(
        self, session: Session, comparisons: Sequence[PublicComparison]
    ) -> list[PublicComparison]:
        tallies = self.vote_tallies(session, tuple(sorted({c.view.id for c in comparisons})))
        result = []
        for comparison in comparisons:
            view = comparison.view
            a, b = (_with_tally(t, tallies.get((view.id, t.id), (0, 0))) for t in (view.a, view.b))
            result.append(dataclasses.replace(comparison, view=dataclasses.replace(view, a=a, b=b)))
        return result

    def vote_tallies(
        self, db: Session | Connection, comparison_ids: tuple[int, ...]
    ) -> dict[tuple[int, int], tuple[int, int]]:
        """web_queries.vote_tallies, read again once the last read is TALLY_SECONDS old."""
        now = self._clock()
        with self._lock:
            kept = self._tallies.get(comparison_ids)
        if kept is not None and now - kept[0] < TALLY_SECONDS:
            return kept[1]
        tallies = web_queries.vote_tallies(db, comparison_ids=comparison_ids)
        with self._lock:
            if len(self._tallies) >= CACHE_SIZE:
                self._tallies.clear()  # sets of comparisons are few (one per page kind and issue)
            self._tallies[comparison_ids] = (now, tallies)
        return tallies

    # --- the cache -------------------------------------------------------------------------------

    def _issue(self, session: Session, key: IssueKey) -> PublicIssue:
        cache_key = (key.id, key.content_hash)
        view = self._cached(cache_key)
        if view is None:
            # One build at a time: the burst of first requests a new worker or a newly approved
            # issue gets builds the view once, instead of once per thread, all competing for the GIL.
            with self._build_lock:
                view = self._cached(cache_key)
                if view is None:
                    view = self._build(session, key)
                    with self._lock:
                        self._views[cache_key] = view
                        while len(self._views) > CACHE_SIZE:
                            self._views.popitem(last=False)
        return dataclasses.replace(view, key=key)

    def _cached(self, cache_key: tuple[int, str | None]) -> PublicIssue | None:
        with self._lock:
            view = self._views.get(cache_key)
            if view is not None:
                self._views.move_to_end(cache_key)
            return view

    def _build(self, session: Session, key: IssueKey) -> PublicIssue:
        issue = queries.get_issue(session, issue_id=key.id)
        view = build_issue_view(session, issue=issue, base_url=self.base_url)
        slugs = web_queries.tool_slugs(
            session, tool_ids=[t.id for c in view.comparisons for t in (c.a, c.b)])
        comparisons = tuple(
            PublicComparison(c, key.week, slugs[c.a.id], slugs[c.b.id], key.content_hash)
            for c in view.comparisons
        )
        return PublicIssue(key, view, comparisons)

    @staticmethod
    def _tool_pages(issues: Sequence[PublicIssue]) -> dict[str, ToolPage]:
        """Per tool slug: the tool as its newest approved comparison shows it, and all its comparisons."""
        found: dict[str, tuple[ToolView, list[PublicComparison]]] = {}
        for issue in issues:  # newest first
            for comparison in issue.comparisons:
                for tool in (comparison.view.a, comparison.view.b):
                    slug = comparison.slug_of(tool)
                    found.setdefault(slug, (tool, []))[1].append(comparison)
        return {slug: ToolPage(tool, slug, tuple(cs)) for slug, (tool, cs) in found.items()}


def _reviewed_tool(session: Session, slug: str) -> ToolPage | None:
    """A tool in no approved comparison, with the reviews an editor approved for the site."""
    found = desk_queries.approved_tool(session, slug=slug)
    if found is None:
        return None
    tool, reviews = found
    return ToolPage(reviewed_tool_view(session, tool=tool, reviews=reviews), slug, ())


class PageCache:
    """Rendered pages by what they depend on (bounded, per process); see web.deps.render_cached."""

    def __init__(self, size: int = 512) -> None:
        self._pages: OrderedDict[tuple[object, ...], str] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def get(self, key: tuple[object, ...]) -> str | None:
        """The page rendered for `key`, if it is still kept."""
        with self._lock:
            page = self._pages.get(key)
            if page is not None:
                self._pages.move_to_end(key)
            return page

    def put(self, key: tuple[object, ...], page: str) -> None:
        """Keep `page` for `key`, forgetting the least recently used beyond the size."""
        with self._lock:
            self._pages[key] = page
            while len(self._pages) > self._size:
                self._pages.popitem(last=False)


def comparison_key(comparison: PublicComparison) -> tuple[object, ...]:
    """What a comparison's page depends on: the approved content, and the live tallies."""
    view = comparison.view
    return (view.id, comparison.version, view.a.community_verdict, view.b.community_verdict)


def _with_tally(tool: ToolView, votes: tuple[int, int]) -> ToolView:
    tally = Tally(ships=votes[0], skips=votes[1])
    return dataclasses.replace(tool, community_percent=percent_label(tally),
                               community_verdict=community_verdict(tally))
