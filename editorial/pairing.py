"""Pairing a week's new tools into 'X vs Y' comparisons."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby


@dataclass(frozen=True)
class Candidate:
    """What pairing needs to know of a tool."""

    id: int
    category: str


def pair_tools(candidates: Sequence[Candidate], *, limit: int) -> list[tuple[int, int]]:
    """Up to `limit` pairs of tool ids, same category first, each tool in at most one pair.

    Candidates keep their order (oldest first) inside a category; leftovers of different
    categories are paired with each other in order. A last odd tool stays unpaired.
    """
    ordered = sorted(candidates, key=lambda c: c.category)
    pairs: list[tuple[int, int]] = []
    leftovers: list[int] = []
    for _, group in groupby(ordered, key=lambda c: c.category):
        ids = [c.id for c in group]
        pairs.extend(zip(ids[0::2], ids[1::2], strict=False))
        if len(ids) % 2:
            leftovers.append(ids[-1])
    pairs.extend(zip(leftovers[0::2], leftovers[1::2], strict=False))
    return pairs[:limit]
