"""The `rules` provider: the offline default, deterministic persona rules from data files.

A take is built from the tool's own facts and words: an opening in the persona's terms around
what the tool's own text says it does or is, sentences whose facts the tool actually has (a
negated fact counts as the opposite, never as the fact), one clause of the launch this persona
cares about, quoted, and a closing. Each sentence comes in many wordings, and a persona uses the
wording whose words it has used longest ago, so two tools' takes share little. A persona with
nothing grounded to say has no take.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from db.states import Decision
from editorial.panel.base import Judgement, Review, ReviewContext, ToolProfile
from editorial.panel.personas import (
    DERIVED_KINDS,
    PERSONAS_DIR,
    Brief,
    Condition,
    Persona,
    Template,
    expand,
    load_briefs,
    placeholders_of,
)
from editorial.panel.words import ToolWords
from editorial.similarity import Profile

_OWN_WORDS = frozenset({"what", "thing", "job", "tagline", "audience"})
# Several values of these kinds are alternatives ("a single A100 or dual consumer GPUs").
JOINERS = {"hardware": "or", "entry_price": "or"}


@dataclass(frozen=True)
class FactView:
    """A profile's facts grouped by kind (the profile's category counts as a category fact);
    negated facts apart, as what the launch denies."""

    profile: ToolProfile
    by_kind: Mapping[str, tuple[str, ...]]
    denied_by_kind: Mapping[str, tuple[str, ...]]
    own: ToolWords

    @classmethod
    def of(cls, profile: ToolProfile) -> FactView:
        grouped: dict[str, list[str]] = {"category": [profile.category]} if profile.category else {}
        denied: dict[str, list[str]] = {}
        for fact in profile.facts:
            target = denied if fact.negated else grouped
            values = target.setdefault(fact.kind, [])
            if fact.value not in values:
                values.append(fact.value)
        # "weights are not released" may arrive as open_weights=no or as a negated yes: both mean no.
        if "no" in grouped.get("open_weights", []):
            denied.setdefault("open_weights", []).append("yes")
        if "yes" in denied.get("open_weights", []) and "no" not in grouped.get("open_weights", []):
            grouped.setdefault("open_weights", []).append("no")
        for kind, values in denied.items():  # a value both stated and denied is not a fact to lean on
            if kind in grouped:
                grouped[kind] = [v for v in grouped[kind] if v not in values]
        reading = Profile(0, profile.name, profile.tagline, profile.description, profile.category,
                          fact_kinds=frozenset(k for k, v in grouped.items() if v))
        grouped["kind"] = [reading.kind]
        grouped["audience"] = sorted(reading.audiences)
        return cls(profile, {k: tuple(v) for k, v in grouped.items() if v},
                   {k: tuple(v) for k, v in denied.items()},
                   ToolWords(profile.name, profile.tagline, profile.description))

    @property
    def words(self) -> str:
        return " ".join((self.profile.name, self.profile.tagline, self.profile.description))

    def values(self, kind: str) -> tuple[str, ...]:
        return self.by_kind.get(kind, ())

    def placeholders(self) -> dict[str, str]:
        """Every placeholder this tool can fill, with its value; absent ones are left out."""
        filled = {kind: join_words(values, JOINERS.get(kind, "and")) for kind, values in self.by_kind.items()
                  if kind not in DERIVED_KINDS}
        prices = [v for v in self.values("entry_price") if v.startswith("$")]
        own = self.own
        extra = {
            "name": self.profile.name.strip(),
            "tagline": own.pitch or "",
            "category": self.values("category")[0] if self.values("category") else "",
            "price": " or ".join(prices),
            "what": own.what or "",
            "thing": own.thing or "",
            "job": own.job or "",
            "audience": own.audience or "",
        }
        filled.update({k: v for k, v in extra.items() if v})
        return filled


def holds(condition: Condition, view: FactView) -> bool:
    """Whether one condition holds for the tool."""
    if condition.text is not None:
        found = re.search(condition.text, view.words, re.IGNORECASE) is not None
        return found == (condition.present is not False)
    kind = condition.fact or ""
    if condition.denied is not None:
        return condition.denied.casefold() in {v.casefold() for v in view.denied_by_kind.get(kind, ())}
    values = {v.casefold() for v in view.values(kind)}
    if condition.present is not None:
        return bool(values) == condition.present
    if condition.equals is not None:
        return condition.equals.casefold() in values
    if condition.any_of is not None:
        return bool(values & {v.casefold() for v in condition.any_of})
    if condition.none_of is not None:
        return not values & {v.casefold() for v in condition.none_of}
    pattern = re.compile(condition.matches or condition.no_match or "", re.IGNORECASE)
    found = any(pattern.search(v) for v in view.values(kind))
    return found if condition.matches is not None else not found


def all_hold(conditions: Sequence[Condition], view: FactView) -> bool:
    return all(holds(c, view) for c in conditions)


class RulesPanel:
    """The offline panel: deterministic persona rules from data files, no network."""

    name = "rules"

    def __init__(self, briefs: Sequence[Brief] | None = None, *, personas_dir=PERSONAS_DIR) -> None:  # noqa: ANN001
        self.briefs = tuple(briefs) if briefs is not None else load_briefs(personas_dir)

    @property
    def personas(self) -> tuple[Persona, ...]:
        return tuple(b.persona for b in self.briefs)

    def model_for(self, persona: str) -> str:
        return ""

    def judge(self, tool: ToolProfile, brief: Brief, context: ReviewContext) -> Judgement:
        """The persona's review of the tool; never raises."""
        return Judgement(judge(brief.persona, FactView.of(tool), context))

    def review(self, tool: ToolProfile, recent: Mapping[str, Sequence[str]] | None = None) -> list[Review]:
        """One Review per persona, in PERSONAS order, none repeating another's quoted sentence."""
        reviews: list[Review] = []
        view = FactView.of(tool)
        for brief in self.briefs:
            context = ReviewContext(recent_takes=(recent or {}).get(brief.name, ()),
                                    other_takes=[r.take for r in reviews if r.take])
            reviews.append(judge(brief.persona, view, context))
        return reviews


def judge(persona: Persona, view: FactView, context: ReviewContext | None = None) -> Review:
    """The persona's review of the tool: no take when it abstains or has nothing grounded."""
    context = context or ReviewContext()
    if any(all_hold(rule.when, view) for rule in persona.abstain):
        return Review.no_take(persona.name)
    score = score_of(persona, view)
    decision = Decision.SHIP if score >= persona.threshold else Decision.SKIP
    take = take_of(persona, view, decision, context)
    if take is None:
        return Review.no_take(persona.name)
    return Review(persona.name, score, decision.value, take)


def score_of(persona: Persona, view: FactView) -> int:
    """Base score plus every signal that holds, clamped to 0-100."""
    total = persona.base_score + sum(s.weight for s in persona.signal if all_hold(s.when, view))
    return max(0, min(100, total))


def take_of(persona: Persona, view: FactView, decision: Decision, context: ReviewContext) -> str | None:
    """An opening, fact sentences, a quoted clause and a closing, up to max_sentences; None if too
    few are usable or none is grounded."""
    filled = view.placeholders()
    detail = detail_of(persona, view, context.other_takes)
    if detail:
        filled["detail"] = detail
    usable = _first_of_each_group([t for t in persona.take if _usable(t, view, filled, decision)])
    parts = {name: [t for t in usable if t.part == name] for name in ("opening", "fact", "detail", "closing")}
    # What a take keeps when room runs short: the closing, two facts, the opening, the quoted
    # clause, further facts, in that order; it reads opening, facts, clause, closing.
    keep = set(map(id, _by_priority(parts, persona.max_sentences)))
    order = parts["opening"][:1] + parts["fact"] + parts["detail"][:1] + parts["closing"][:1]
    chosen = [t for t in order if id(t) in keep]
    picker = _WordingPicker(context.recent_takes, seed=view.profile.name, filled=filled)
    wordings = [(t, picker.pick(t)) for t in chosen]
    if len(wordings) < persona.min_sentences or not any(t.is_grounded(w) for t, w in wordings):
        return None
    return " ".join(_capitalised(w.format_map(filled)) for _, w in wordings)


def _by_priority(parts: Mapping[str, list[Template]], room: int) -> list[Template]:
    facts = parts["fact"]
    ranked = parts["closing"][:1] + facts[:2] + parts["opening"][:1] + parts["detail"][:1] + facts[2:]
    return ranked[:room]


def _capitalised(sentence: str) -> str:
    """The sentence with its first letter upper-cased (after any opening quote)."""
    at = len(sentence) - len(sentence.lstrip("“\"'‘("))
    return sentence[:at] + sentence[at:at + 1].upper() + sentence[at + 1:]


def detail_of(persona: Persona, view: FactView, avoid: Sequence[str]) -> str | None:
    """The clause of the launch this persona cares most about (None when no clause speaks to
    it) that no other take of the tool quotes."""
    if not persona.detail:
        return None
    pattern = re.compile(persona.detail, re.IGNORECASE)
    best: tuple[int, int, str] | None = None
    for position, text in enumerate(c for c in view.own.clauses if not any(c in other for other in avoid)):
        rank = (len(pattern.findall(text)), -position)
        if rank[0] and (best is None or rank > best[:2]):
            best = (*rank, text)
    return best[2] if best else None


class _WordingPicker:
    """Chooses each sentence's wording: the one whose fragments this persona used longest ago in
    its recent takes (newest first), never one whose fragments this take already used."""

    def __init__(self, recent: Sequence[str], *, seed: str, filled: Mapping[str, str]) -> None:
        self.recent = recent
        self.seed = seed
        self.filled = filled
        self.ages: dict[str, int] = {}
        self.used: set[str] = set()
        self.own_used: set[str] = set()

    def _age(self, fragment: str) -> int:
        """How many recent takes ago the fragment was last used (len(recent)+1: never)."""
        if fragment not in self.ages:
            self.ages[fragment] = next((n for n, take in enumerate(self.recent) if fragment in take),
                                       len(self.recent) + 1)
        return self.ages[fragment]

    def pick(self, template: Template) -> str:
        options = [pair for w in _written(template) for pair in expand(w)
                   if placeholders_of(w) <= self.filled.keys()]
        digest = int(hashlib.sha256(f"{self.seed}|{options[0][0]}".encode()).hexdigest()[:8], 16)

        def rank(item: tuple[int, tuple[str, tuple[str, ...]]]) -> tuple[int, int, int, int]:
            n, (text, fragments) = item
            if any(f in self.used for f in fragments):
                return (-1, 0, 0, 0)
            ages = [self._age(f) for f in fragments] or [len(self.recent) + 1]
            repeats = len(placeholders_of(text) & self.own_used)  # the same own words twice in a take
            return (-repeats, min(ages), sum(ages), -((n + digest) % len(options)))

        _, (text, fragments) = max(enumerate(options), key=rank)
        self.used.update(fragments)
        self.own_used.update(placeholders_of(text) & _OWN_WORDS)
        return text


def _written(template: Template) -> tuple[str, ...]:
    return ((template.text,) if template.text else ()) + template.variants


def join_words(values: Sequence[str], conjunction: str = "and") -> str:
    """'a', 'a and b', 'a, b and c' (or 'or')."""
    values = tuple(values)
    if len(values) <= 2:
        return f" {conjunction} ".join(values)
    return ", ".join(values[:-1]) + f" {conjunction} " + values[-1]


def _first_of_each_group(templates: list[Template]) -> list[Template]:
    seen: set[str] = set()
    kept = []
    for template in templates:
        if template.group is None or template.group not in seen:
            kept.append(template)
            if template.group is not None:
                seen.add(template.group)
    return kept


def _usable(template: Template, view: FactView, filled: Mapping[str, str], decision: Decision) -> bool:
    """Whether the sentence may be said: its decision matches, its conditions hold and at least
    one wording has every placeholder filled."""
    if template.decision is not None and template.decision != decision:
        return False
    fillable = any(placeholders_of(w) <= filled.keys() for w in _written(template))
    return fillable and all_hold(template.when, view)
