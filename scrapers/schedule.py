"""When to fetch a source next: the server's word first, our own back-off after errors."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class SchedulePolicy:
    """The bounds an operator sets on how often a source is fetched."""

    min_interval: timedelta = timedelta(minutes=15)  # never sooner than this after a fetch
    max_interval: timedelta = timedelta(hours=24)  # never later than this, whatever the feed says
    backoff_base: timedelta = timedelta(minutes=30)  # first wait after an error; doubles each time


def after_success(
    now: datetime, *, policy: SchedulePolicy, max_age: float | None = None,
    ttl_minutes: float | None = None,
) -> datetime:
    """The next fetch after a good response: honours Cache-Control max-age and the feed's TTL."""
    wait = policy.min_interval
    if max_age:
        wait = max(wait, timedelta(seconds=max_age))
    if ttl_minutes:
        wait = max(wait, timedelta(minutes=ttl_minutes))
    return now + min(wait, policy.max_interval)


def after_failure(
    now: datetime, *, policy: SchedulePolicy, error_count: int, retry_after: float | None = None
) -> datetime:
    """The next fetch after `error_count` failures in a row: exponential back-off, or the
    server's Retry-After when that is later, capped at the policy's longest interval."""
    exponent = min(max(error_count - 1, 0), 16)
    wait = policy.backoff_base * (2**exponent)
    if retry_after:
        wait = max(wait, timedelta(seconds=retry_after))
    return now + min(wait, policy.max_interval)


def is_due(next_fetch_at: datetime | None, now: datetime) -> bool:
    """Whether a source may be fetched now."""
    return next_fetch_at is None or next_fetch_at <= now
