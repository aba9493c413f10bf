"""Verdict arithmetic and wording, exactly as the published pages show it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from db.states import Decision


@dataclass(frozen=True)
class Tally:
    """Ship and skip counts over those who took a view."""

    ships: int
    skips: int

    @classmethod
    def of(cls, decisions: Iterable[str | None]) -> Tally:
        """Count ship and skip decisions; None (no take) counts for neither."""
        values = [d for d in decisions if d is not None]
        for value in values:
            Decision(value)  # raises ValueError on anything but ship/skip
        return cls(ships=values.count(Decision.SHIP), skips=values.count(Decision.SKIP))

    @property
    def total(self) -> int:
        return self.ships + self.skips

    def ship_percent(self) -> int | None:
        """S / (S + K) as a whole percent (half rounds up), or None with no views."""
        if not self.total:
            return None
        exact = Decimal(100 * self.ships) / Decimal(self.total)
        return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))

    def headline(self) -> str | None:
        """'Ship', 'Skip' or 'Split' (a tie), or None with no views."""
        if not self.total:
            return None
        if self.ships == self.skips:
            return "Split"
        return "Ship" if self.ships > self.skips else "Skip"


def panel_verdict(tally: Tally) -> str:
    """'Ship · 3 ship / 1 skip', or 'No panel takes' when no persona took a view."""
    if not tally.total:
        return "No panel takes"
    return f"{tally.headline()} · {tally.ships} ship / {tally.skips} skip"


def community_verdict(tally: Tally) -> str:
    """The same wording over subscribers' votes, or 'No community votes yet'."""
    if not tally.total:
        return "No community votes yet"
    return f"{tally.headline()} · {tally.ships} ship / {tally.skips} skip"


def percent_label(tally: Tally) -> str:
    """'75%', or '—' with no views."""
    percent = tally.ship_percent()
    return "—" if percent is None else f"{percent}%"
