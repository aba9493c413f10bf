"""ISO weeks: the unit an issue covers."""

from __future__ import annotations

import re
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
