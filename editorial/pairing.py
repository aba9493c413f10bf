"""Pairing a week's new tools into 'X vs Y' comparisons an editor would keep.

An optimisation over a pruned candidate graph: each new tool is linked only to its most similar
tools by purpose (editorial.similarity), every link that may not be made is left out (two records
of one tool, a pair already published, a pair an editor forbade, a tool an editor dropped), links
under the minimum score are cut, and the pairs are a maximum-weight matching of what is left
(networkx), or best-edge-first where the graph is too large for the matching to be quick. A new
tool left without a match may face a notable recent tool; one with no good match stays out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import networkx as nx
import numpy as np

from editorial.similarity import COMPARABLE_FACTS, Profile, PurposeSpace, pair_score, part_scores
from scrapers.resolve import is_same_name, name_key

NEIGHBOURS = 12  # links kept per tool: an editor's pair is among a tool's closest few
MATCHING_EDGE_LIMIT = 6000  # above this many links, best-edge-first (see bench/editorial.py)
FACT_WORDS = {"pricing_model": "pricing", "entry_price": "price", "license": "licence",
              "open_weights": "open weights", "parameters": "size", "context_length": "context",
              "hardware": "hardware", "benchmark": "benchmarks"}


@dataclass(frozen=True)
class Rules:
    """What pairing must respect: editors' decisions, what was published, the minimum score."""

    min_score: float = 0.3
    pinned: tuple[tuple[int, int], ...] = ()
    forbidden: frozenset[frozenset[int]] = frozenset()
    dropped: frozenset[int] = frozenset()
    published: frozenset[frozenset[int]] = frozenset()

    def allows(self, a: Profile, b: Profile) -> str | None:
        """None if a and b may be paired, else why not."""
        pair = frozenset((a.id, b.id))
        if is_same_tool(a, b):
            return "the same tool (same domain or name)"
        if pair in self.published:
            return "already compared in an earlier issue"
        if pair in self.forbidden:
            return "forbidden by an editor"
        return None


@dataclass(frozen=True)
class PairChoice:
    """One comparison: its tools, score (0-1) and the reasons they belong together."""

    a: int
    b: int
    score: float
    why: tuple[str, ...]
    pinned: bool = False
    opponent: bool = False  # b is a notable recent tool, not one of the window's


@dataclass(frozen=True)
class LeftOut:
    """A candidate not in the issue, and why."""

    id: int
    reason: str


@dataclass(frozen=True)
class Pairing:
    """The chosen pairs in reading order, the candidates left out, and how they were chosen."""

    pairs: tuple[PairChoice, ...]
    left_out: tuple[LeftOut, ...]
    method: str
    edges: int = 0


def is_same_tool(a: Profile, b: Profile) -> bool:
    """Whether two records are of one tool: one product domain, or one name (with its version)."""
    if a.domain and a.domain == b.domain:
        return True
    key_a, key_b = name_key(a.name), name_key(b.name)
    return bool(key_a) and (key_a == key_b or is_same_name(a.name, b.name))


def same_tool_groups(profiles: Sequence[Profile]) -> list[int]:
    """A group number per profile: records sharing a domain or a name key, directly or through
    another record, are one tool."""
    parent = list(range(len(profiles)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[str, int] = {}
    for i, p in enumerate(profiles):
        for key in (f"domain:{p.domain}" if p.domain else "", f"name:{name_key(p.name)}"):
            if key and not key.endswith(":"):
                j = first.setdefault(key, i)
                parent[root(i)] = root(j)
    return [root(i) for i in range(len(profiles))]


@dataclass
class _Graph:
    space: PurposeSpace
    profiles: Sequence[Profile]
    rules: Rules
    scores: dict[frozenset[int], float] = field(default_factory=dict)
    best_blocked: dict[int, tuple[float, int, str]] = field(default_factory=dict)
    groups: list[int] = field(default_factory=list)

    def link(self, i: int, j: int, purpose: float | None = None) -> float | None:
        """The score of the link between profile indexes i and j, or None if it may not be made."""
        key = frozenset((i, j))
        if key in self.scores:
            return self.scores[key]
        a, b = self.profiles[i], self.profiles[j]
        if purpose is None:
            purpose = float(self.space.purpose(np.array([i]), np.array([j]))[0])
        score = pair_score(part_scores(a, b, purpose))
        blocked = self.rules.allows(a, b)
        if blocked is None and self.groups and self.groups[i] == self.groups[j]:
            blocked = "the same tool (another record shares its domain or name)"
        if blocked is not None:
            for index, other in ((i, j), (j, i)):
                if score > self.best_blocked.get(index, (0.0, -1, ""))[0]:
                    self.best_blocked[index] = (score, other, blocked)
            return None
        self.scores[key] = score
        return score

    def why(self, i: int, j: int, score: float) -> tuple[str, ...]:
        a, b = self.profiles[i], self.profiles[j]
        reasons = [f"score {score:.2f}"]
        terms = self.space.shared_terms(i, j)
        if terms:
            reasons.append("shared purpose: " + ", ".join(terms))
        kinds = a.kind if a.kind == b.kind else f"{a.kind} vs {b.kind}"
        reasons.append(f"kind: {kinds}")
        audience = sorted(a.audiences & b.audiences)
        if audience:
            reasons.append("both for " + " and ".join(audience))
        if a.category and a.category == b.category:
            reasons.append(f"same category: {a.category}")
        compared = [FACT_WORDS.get(k, k) for k in COMPARABLE_FACTS if k in a.fact_kinds & b.fact_kinds]
        if compared:
            reasons.append("facts compared: " + ", ".join(compared))
        return tuple(reasons)


def choose_pairs(
    fresh: Sequence[Profile], *, limit: int, rules: Rules, recent: Sequence[Profile] = (),
    embeddings: np.ndarray | None = None, method: str = "auto",
) -> Pairing:
    """Up to `limit` pairs of the window's tools (pins first, then by score), and who was left out.

    `recent` are notable tools of earlier weeks: a new tool with no match among `fresh` may face
    one of them. `embeddings` (one row per fresh then recent profile) joins TF-IDF when given."""
    profiles = [*fresh, *recent]
    index_of = {p.id: i for i, p in enumerate(profiles)}
    left: dict[int, str] = {p.id: "dropped by an editor" for p in fresh if p.id in rules.dropped}
    space = PurposeSpace(profiles, embeddings)
    graph = _Graph(space, profiles, rules, groups=same_tool_groups(profiles))
    pins, taken = _pins(graph, index_of, rules)
    open_fresh = [index_of[p.id] for p in fresh if p.id not in left and p.id not in taken]
    edges = _candidate_links(graph, open_fresh, set(open_fresh))
    chosen_method = _method(method, len(edges))
    matched = _match(edges, chosen_method)
    used = {i for pair in matched for i in pair}
    opponents = _opponents(graph, [i for i in open_fresh if i not in used],
                           [index_of[p.id] for p in recent if p.id not in taken])
    choices = [_choice(graph, i, j) for i, j in matched]
    choices += [_choice(graph, i, j, opponent=True) for i, j in opponents]
    choices.sort(key=lambda c: (-c.score, c.a, c.b))
    room = max(limit - len(pins), 0)
    for extra in choices[room:]:
        for tool_id in (extra.a, extra.b):
            if tool_id in index_of and index_of[tool_id] < len(fresh):
                left.setdefault(tool_id, f"paired (score {extra.score:.2f}) but beyond the issue's size "
                                         f"of {limit}")
    kept = [*pins, *choices[:room]]
    in_issue = {t for c in kept for t in (c.a, c.b)}
    for i in open_fresh:
        tool_id = profiles[i].id
        if tool_id not in in_issue:
            left.setdefault(tool_id, _why_unmatched(graph, i, rules.min_score))
    left_out = tuple(LeftOut(tool_id, reason) for tool_id, reason in sorted(left.items()))
    return Pairing(tuple(kept), left_out, chosen_method, len(edges))


def _pins(graph: _Graph, index_of: dict[int, int], rules: Rules) -> tuple[list[PairChoice], set[int]]:
    pins, taken = [], set()
    for a, b in rules.pinned:
        if a in index_of and b in index_of and not {a, b} & taken:
            i, j = index_of[a], index_of[b]
            purpose = float(graph.space.purpose(np.array([i]), np.array([j]))[0])
            score = pair_score(part_scores(graph.profiles[i], graph.profiles[j], purpose))
            why = ("pinned by an editor", *graph.why(i, j, score)[1:])
            pins.append(PairChoice(a, b, round(score, 3), why, pinned=True))
            taken |= {a, b}
    return pins, taken


def _candidate_links(graph: _Graph, rows: list[int], allowed: set[int]) -> dict[tuple[int, int], float]:
    """The pruned graph: each row's closest allowed neighbours with a score over the minimum."""
    edges: dict[tuple[int, int], float] = {}
    for start in range(0, len(rows), 512):
        block = np.array(rows[start:start + 512], dtype=int)
        scored = graph.space.neighbours_scored(block, NEIGHBOURS * 2)
        for i, (near, purposes) in zip(block, scored, strict=True):
            kept = 0
            for j, purpose in zip(near, purposes, strict=True):
                j = int(j)
                if j not in allowed or kept >= NEIGHBOURS:
                    continue
                score = graph.link(int(i), j, float(purpose))
                if score is not None and score >= graph.rules.min_score:
                    edges[(min(i, j), max(i, j))] = score
                    kept += 1
    return edges


def _method(method: str, edges: int) -> str:
    if method != "auto":
        return method
    return "matching" if edges <= MATCHING_EDGE_LIMIT else "best-edge-first"


def _match(edges: dict[tuple[int, int], float], method: str) -> list[tuple[int, int]]:
    if method == "matching":
        graph = nx.Graph()
        graph.add_weighted_edges_from((i, j, w) for (i, j), w in edges.items())
        return sorted(tuple(sorted(pair)) for pair in nx.max_weight_matching(graph))
    return best_edge_first(edges)


def best_edge_first(edges: dict[tuple[int, int], float]) -> list[tuple[int, int]]:
    """A matching made by taking the best remaining link whose two ends are both still free."""
    used: set[int] = set()
    pairs = []
    for (i, j), _ in sorted(edges.items(), key=lambda item: (-item[1], item[0])):
        if i not in used and j not in used:
            pairs.append((i, j))
            used |= {i, j}
    return pairs


def _opponents(graph: _Graph, lonely: list[int], recent: list[int]) -> list[tuple[int, int]]:
    """For new tools without a match, the best notable recent tool over the minimum, each used once."""
    if not lonely or not recent:
        return []
    edges = {}
    for i in lonely:
        for j in recent:
            score = graph.link(i, j)
            if score is not None and score >= graph.rules.min_score:
                edges[(i, j)] = score
    return best_edge_first(edges)


def _choice(graph: _Graph, i: int, j: int, *, opponent: bool = False) -> PairChoice:
    score = graph.scores[frozenset((i, j))]
    why = graph.why(i, j, score)
    if opponent:
        why = (*why, f"{graph.profiles[j].name} is a notable recent tool: no new tool matched")
    return PairChoice(graph.profiles[i].id, graph.profiles[j].id, round(score, 3), why, opponent=opponent)


def _why_unmatched(graph: _Graph, i: int, min_score: float) -> str:
    best = max(((s, j) for key, s in graph.scores.items() if i in key for j in key if j != i), default=None)
    blocked = graph.best_blocked.get(i)
    if blocked is not None and (best is None or blocked[0] > best[0]) and blocked[0] >= min_score:
        return f"its best match, {graph.profiles[blocked[1]].name}, is {blocked[2]}"
    if best is None or best[0] < min_score:
        closest = f" (closest: {graph.profiles[best[1]].name} at {best[0]:.2f})" if best else ""
        return f"no tool alike enough in purpose: every score under {min_score:.2f}{closest}"
    return f"its matches were better paired with others (best: {graph.profiles[best[1]].name} " \
           f"at {best[0]:.2f})"


def ids_of(pairs: Iterable[PairChoice]) -> list[tuple[int, int]]:
    """The (a, b) tool ids of each choice."""
    return [(c.a, c.b) for c in pairs]
