"""ISO weeks: the unit an issue covers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def current_week(now: datetime | None = None) -> str:
    """The ISO week of `now` (default: now, UTC) as '2026-W48'."""
    year, week, _ = (now or datetime.now(UTC)).isocalendar()
    return f"{year}-W{week:02d}"


def week_bounds(week: str) -> tuple[datetime, datetime]:
    """[Monday 00:00, next Monday 00:00) in UTC; ValueError for anything but 'YYYY-Www'."""
    match = _WEEK.match(week)
    if not match:
        raise ValueError(f"not an ISO week: {week!r} (expected e.g. 2026-W48)")
    try:
        monday = date.fromisocalendar(int(match[1]), int(match[2]), 1)
    except ValueError:
        raise ValueError(f"no such ISO week: {week!r}") from None
    start = datetime.combine(monday, time.min, tzinfo=UTC)
    return start, start + timedelta(days=7)


@dataclass(frozen=True)
class Window:
    """Which tools an issue takes, by the date each was published (or, undated, first seen).

    A past week takes what was published in it. The current week takes what was published since
    the previous issue's cut-off, and what was first seen since then (a launch fetched late), up
    to the week's end; with no previous issue there is no lower bound."""

    week: str
    end: datetime
    since: datetime | None
    past: bool

    def takes(self, *, published: datetime | None, first_seen: datetime) -> bool:
        """Whether a tool published (None: undated) and first seen at these times belongs here."""
        when = published or first_seen
        if when >= self.end:
            return False
        if self.since is None:
            return True
        return when >= self.since or (not self.past and first_seen >= self.since)

    def cutoff(self, now: datetime) -> datetime:
        """Where the next issue starts taking tools: the week's end, or now if that is earlier."""
        return self.end if self.past else min(now, self.end)


def compose_window(week: str, *, now: datetime, previous_cutoff: datetime | None) -> Window:
    """The window of tools an issue for `week` takes; ValueError for a malformed week."""
    start, end = week_bounds(week)
    this_monday, _ = week_bounds(current_week(now))
    if end <= this_monday:
        return Window(week, end, start, past=True)
    return Window(week, end, previous_cutoff, past=False)
