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

import numpy as np

from editorial.similarity import COMPARABLE_FACTS, Features, Profile, PurposeSpace, pair_scores, part_arrays
from scrapers.resolve import is_same_name, name_key

# Calibrated on the labelled set's tune half (bench/editorial.py --calibrate): halfway between the
# lowest score of a pair editors chose and the best score of a tool they left out.
MIN_SCORE = 0.36
# Facing a notable tool of an earlier week is a weaker choice than a pair of the week, so it needs
# more: above the best score a tool left out reached against earlier tools, below the lowest
# score of such a pair that editors chose (tune half, bench/editorial.py --calibrate).
OPPONENT_MIN_SCORE = 0.68
NEIGHBOURS = 12  # links kept per tool: an editor's pair is among a tool's closest few
# A connected part of the graph with more tools than this is matched best-edge-first: the blossom
# matching grows with tools × links (about 1 s for 250 tools here; see bench/editorial.py).
MATCHING_NODE_LIMIT = 300
FACT_WORDS = {"pricing_model": "pricing", "entry_price": "price", "license": "licence",
              "open_weights": "open weights", "parameters": "size", "context_length": "context",
              "hardware": "hardware", "benchmark": "benchmarks"}


@dataclass(frozen=True)
class Rules:
    """What pairing must respect: editors' decisions, what was published, the minimum score."""

    min_score: float = MIN_SCORE
    opponent_min_score: float = OPPONENT_MIN_SCORE
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
    """One compose's profiles, their purpose space and context, and what explains each tool's place:
    its best link that may be made and its best link that may not (over the minimum or not)."""

    profiles: Sequence[Profile]
    space: PurposeSpace
    rules: Rules
    features: Features = field(init=False)
    groups: np.ndarray = field(init=False)
    blocked_keys: np.ndarray = field(init=False)
    best: dict[int, tuple[float, int]] = field(default_factory=dict)
    best_blocked: dict[int, tuple[float, int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.features = Features.of(self.profiles)
        self.groups = np.array(same_tool_groups(self.profiles), dtype=np.int64)
        index_of = {p.id: i for i, p in enumerate(self.profiles)}
        pairs = [tuple(index_of[t] for t in pair) for pair in (*self.rules.published, *self.rules.forbidden)
                 if len(pair) == 2 and all(t in index_of for t in pair)]
        rows = np.array([a for a, _ in pairs], dtype=np.int64)
        cols = np.array([b for _, b in pairs], dtype=np.int64)
        self.blocked_keys = np.unique(self._keys(rows, cols))

    def _keys(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        return np.minimum(rows, cols) * len(self.profiles) + np.maximum(rows, cols)

    def scores(self, rows: np.ndarray, cols: np.ndarray, purpose: np.ndarray | None = None) -> np.ndarray:
        """The score of each (row, col) link."""
        if purpose is None:
            purpose = self.space.purpose(rows, cols)
        return pair_scores(part_arrays(self.features, rows, cols, purpose))

    def score(self, i: int, j: int) -> float:
        return float(self.scores(np.array([i]), np.array([j]))[0])

    def not_allowed(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """Which (row, col) links may not be made: one tool, already published, or forbidden."""
        same = self.groups[rows] == self.groups[cols]
        if not len(self.blocked_keys):
            return same
        return same | np.isin(self._keys(rows, cols), self.blocked_keys)

    def note(self, rows: np.ndarray, cols: np.ndarray, scores: np.ndarray, blocked: np.ndarray) -> None:
        """Remember each end's best link, allowed and not, for explaining who is left out."""
        for mask, best in ((~blocked, self.best), (blocked, self.best_blocked)):
            node = np.concatenate((rows[mask], cols[mask]))
            other = np.concatenate((cols[mask], rows[mask]))
            score = np.concatenate((scores[mask], scores[mask]))
            order = np.argsort(-score, kind="stable")
            nodes, first = np.unique(node[order], return_index=True)
            for n, at in zip(nodes.tolist(), order[first].tolist(), strict=True):
                if score[at] > best.get(n, (-1.0, -1))[0]:
                    best[n] = (float(score[at]), int(other[at]))

    def blocked_reason(self, i: int, j: int) -> str:
        a, b = self.profiles[i], self.profiles[j]
        return self.rules.allows(a, b) or "the same tool (another record shares its domain or name)"

    def why(self, i: int, j: int, score: float) -> tuple[str, ...]:
        """The reasons two tools belong together, for the editor."""
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


@dataclass(frozen=True)
class _Link:
    i: int
    j: int
    score: float
    opponent: bool = False


def choose_pairs(
    fresh: Sequence[Profile], *, limit: int, rules: Rules, recent: Sequence[Profile] = (),
    embeddings: np.ndarray | None = None, method: str = "auto",
) -> Pairing:
    """Up to `limit` pairs of the window's tools (pins first, then by score), and who was left out.

    `recent` are notable tools of earlier weeks: a new tool with no match among `fresh` may face
    one of them. `embeddings` (one row per fresh then recent profile) joins TF-IDF when given.
    `method` is "matching", "best-edge-first" or "auto" (matching where a part of the graph is
    small enough for it to be quick). Explanations are worked out only for what is shown."""
    profiles = [*fresh, *recent]
    index_of = {p.id: i for i, p in enumerate(profiles)}
    left: dict[int, str] = {p.id: "dropped by an editor" for p in fresh if p.id in rules.dropped}
    graph = _Graph(profiles, PurposeSpace(profiles, embeddings), rules)
    pins, taken = _pins(graph, index_of, rules)
    open_fresh = [index_of[p.id] for p in fresh if p.id not in left and p.id not in taken]
    allowed = np.zeros(len(profiles), dtype=bool)
    allowed[open_fresh] = True
    edges = _candidate_links(graph, open_fresh, allowed)
    matched, chosen_method = _match(edges, method)
    used = {i for pair in matched for i in pair}
    lonely = [i for i in open_fresh if i not in used]
    opponents = _opponents(graph, lonely, [index_of[p.id] for p in recent if p.id not in taken])
    links = [_Link(i, j, edges[(i, j)]) for i, j in matched]
    links += [_Link(i, j, score, opponent=True) for i, j, score in opponents]
    links.sort(key=lambda link: (-link.score, profiles[link.i].id, profiles[link.j].id))
    room = max(limit - len(pins), 0)
    for extra in links[room:]:
        for index in (extra.i, extra.j):
            if index < len(fresh):
                left.setdefault(profiles[index].id, f"paired (score {extra.score:.2f}) but beyond the "
                                                    f"issue's size of {limit}")
    kept = [*pins, *(_choice(graph, link) for link in links[:room])]
    in_issue = {t for c in kept for t in (c.a, c.b)}
    for i in open_fresh:
        if profiles[i].id not in in_issue:
            left.setdefault(profiles[i].id, _why_unmatched(graph, i))
    left_out = tuple(LeftOut(tool_id, reason) for tool_id, reason in sorted(left.items()))
    return Pairing(tuple(kept), left_out, chosen_method, len(edges))


def _pins(graph: _Graph, index_of: dict[int, int], rules: Rules) -> tuple[list[PairChoice], set[int]]:
    pins, taken = [], set()
    for a, b in rules.pinned:
        if a in index_of and b in index_of and not {a, b} & taken:
            i, j = index_of[a], index_of[b]
            score = graph.score(i, j)
            why = ("pinned by an editor", *graph.why(i, j, score)[1:])
            pins.append(PairChoice(a, b, round(score, 3), why, pinned=True))
            taken |= {a, b}
    return pins, taken


def _candidate_links(graph: _Graph, rows: list[int], allowed: np.ndarray) -> dict[tuple[int, int], float]:
    """The pruned graph: each row's closest allowed neighbours (by purpose, then by score) over the
    minimum, at most NEIGHBOURS per row; keys are (smaller index, larger index)."""
    edges: dict[tuple[int, int], float] = {}
    for start in range(0, len(rows), 512):
        block = np.array(rows[start:start + 512], dtype=np.int64)
        r, c, purpose = graph.space.top_neighbours(block, NEIGHBOURS * 2)
        keep = allowed[c]
        r, c, purpose = r[keep], c[keep], purpose[keep]
        scores = graph.scores(r, c, purpose)
        blocked = graph.not_allowed(r, c)
        graph.note(r, c, scores, blocked)
        good = ~blocked & (scores >= graph.rules.min_score)
        r, c, scores = r[good], c[good], scores[good]
        order = np.lexsort((-scores, r))
        r, c, scores = r[order], c[order], scores[order]
        rank = np.arange(len(r)) - np.searchsorted(r, r)
        best = rank < NEIGHBOURS
        for i, j, score in zip(r[best].tolist(), c[best].tolist(), scores[best].tolist(), strict=True):
            edges[(min(i, j), max(i, j))] = score
    return edges


def _match(edges: dict[tuple[int, int], float], method: str) -> tuple[list[tuple[int, int]], str]:
    """The matched links and the method that made them: per connected part of the graph, a
    maximum-weight matching where it is small enough (or asked for), best-edge-first elsewhere."""
    if method == "best-edge-first":
        return best_edge_first(edges), method
    import networkx as nx

    graph = nx.Graph()
    graph.add_weighted_edges_from((i, j, w) for (i, j), w in edges.items())
    pairs: list[tuple[int, int]] = []
    used = set()
    for component in nx.connected_components(graph):
        part = graph.subgraph(component)
        if method == "matching" or len(component) <= MATCHING_NODE_LIMIT:
            pairs += [tuple(sorted(pair)) for pair in nx.max_weight_matching(part)]
            used.add("matching")
        else:
            pairs += best_edge_first({tuple(sorted((i, j))): w for i, j, w in part.edges(data="weight")})
            used.add("best-edge-first")
    return sorted(pairs), " + ".join(sorted(used, reverse=True)) or "matching"


def best_edge_first(edges: dict[tuple[int, int], float]) -> list[tuple[int, int]]:
    """A matching made by taking the best remaining link whose two ends are both still free."""
    used: set[int] = set()
    pairs = []
    for (i, j), _ in sorted(edges.items(), key=lambda item: (-item[1], item[0])):
        if i not in used and j not in used:
            pairs.append((i, j))
            used |= {i, j}
    return pairs


def _opponents(graph: _Graph, lonely: list[int], recent: list[int]) -> list[tuple[int, int, float]]:
    """For new tools without a match, the best notable recent tool over the minimum, each used once."""
    if not lonely or not recent:
        return []
    purpose = graph.space.similarities(np.array(lonely), np.array(recent)).ravel()
    rows = np.repeat(np.array(lonely), len(recent))
    cols = np.tile(np.array(recent), len(lonely))
    scores = graph.scores(rows, cols, purpose)
    blocked = graph.not_allowed(rows, cols)
    graph.note(rows, cols, scores, blocked)
    good = ~blocked & (scores >= max(graph.rules.min_score, graph.rules.opponent_min_score))
    edges = {(int(i), int(j)): float(s) for i, j, s in zip(rows[good], cols[good], scores[good], strict=True)}
    return [(i, j, edges[(i, j)]) for i, j in best_edge_first(edges)]


def _choice(graph: _Graph, link: _Link) -> PairChoice:
    why = graph.why(link.i, link.j, link.score)
    if link.opponent:
        why = (*why, f"{graph.profiles[link.j].name} is a notable recent tool: no new tool matched")
    a, b = graph.profiles[link.i].id, graph.profiles[link.j].id
    return PairChoice(a, b, round(link.score, 3), why, opponent=link.opponent)


def _why_unmatched(graph: _Graph, i: int) -> str:
    min_score = graph.rules.min_score
    best = graph.best.get(i)
    blocked = graph.best_blocked.get(i)
    if blocked is not None and (best is None or blocked[0] > best[0]) and blocked[0] >= min_score:
        return f"its best match, {graph.profiles[blocked[1]].name}, is {graph.blocked_reason(i, blocked[1])}"
    if best is None or best[0] < min_score:
        closest = f" (closest: {graph.profiles[best[1]].name} at {best[0]:.2f})" if best else ""
        return f"no tool alike enough in purpose: every score under {min_score:.2f}{closest}"
    return f"its matches were better paired with others (best: {graph.profiles[best[1]].name} " \
           f"at {best[0]:.2f})"


def ids_of(pairs: Iterable[PairChoice]) -> list[tuple[int, int]]:
    """The (a, b) tool ids of each choice."""
    return [(c.a, c.b) for c in pairs]
