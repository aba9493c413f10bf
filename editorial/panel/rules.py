"""The `rules` provider: the offline default, deterministic persona rules from data files.

A take is built from the tool's own facts and words: sentences whose facts the tool actually has
(a negated fact counts as the opposite, never as the fact), and one sentence of the launch that
this persona cares about, quoted. Each sentence comes in several wordings, and a persona uses the
wording it has used least in its recent takes, so two tools' takes share little. A persona with
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
    PERSONAS_DIR,
    Brief,
    Condition,
    Persona,
    Template,
    load_briefs,
    placeholders_of,
)
from scrapers.facts import split_sentences

# Several values of these kinds are alternatives ("a single A100 or dual consumer GPUs").
JOINERS = {"hardware": "or", "entry_price": "or"}
DETAIL_MAX_CHARS = 200
_FRAGMENT = re.compile(r"\{[a-z_]+\}")


@dataclass(frozen=True)
class FactView:
    """A profile's facts grouped by kind (the profile's category counts as a category fact);
    negated facts apart, as what the launch denies."""

    profile: ToolProfile
    by_kind: Mapping[str, tuple[str, ...]]
    denied_by_kind: Mapping[str, tuple[str, ...]]

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
        return cls(profile, {k: tuple(v) for k, v in grouped.items() if v},
                   {k: tuple(v) for k, v in denied.items()})

    @property
    def words(self) -> str:
        return " ".join((self.profile.name, self.profile.tagline, self.profile.description))

    def values(self, kind: str) -> tuple[str, ...]:
        return self.by_kind.get(kind, ())

    def placeholders(self) -> dict[str, str]:
        """Every placeholder this tool can fill, with its value; absent ones are left out."""
        filled = {kind: join_words(values, JOINERS.get(kind, "and")) for kind, values in self.by_kind.items()}
        prices = [v for v in self.values("entry_price") if v.startswith("$")]
        extra = {
            "name": self.profile.name.strip(),
            "tagline": self.profile.tagline.strip().rstrip(".!"),
            "category": self.values("category")[0] if self.values("category") else "",
            "price": " or ".join(prices),
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
    """Up to max_sentences usable sentences (a closing one last), or None if none is grounded."""
    filled = view.placeholders()
    detail = detail_of(persona, view, context.other_takes)
    if detail:
        filled["detail"] = detail
    usable = _first_of_each_group([t for t in persona.take if _usable(t, view, filled, decision)])
    facts = [t for t in usable if t.decision is None and "detail" not in t.fields]
    words = [t for t in usable if t.decision is None and "detail" in t.fields][:1]
    closing = [t for t in usable if t.decision is not None][:1]
    # the tool's own words keep their place: they are what makes this take unlike another tool's
    chosen = facts[: max(persona.max_sentences - len(closing) - len(words), 1)] + words + closing
    chosen = chosen[: persona.max_sentences]
    if len(chosen) < persona.min_sentences or not any(t.is_grounded for t in chosen):
        return None
    seed = view.profile.name
    return " ".join(_capitalised(_wording(t, context.recent_takes, seed).format_map(filled)) for t in chosen)


def _capitalised(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def detail_of(persona: Persona, view: FactView, avoid: Sequence[str]) -> str | None:
    """The launch sentence this persona cares most about that no other take of the tool quotes
    (the first such sentence when none speaks to the persona)."""
    if not persona.detail:
        return None
    pattern = re.compile(persona.detail, re.IGNORECASE)
    best: tuple[int, int, str] | None = None
    for position, text in enumerate(_quotable(view, avoid)):
        rank = (len(pattern.findall(text)), -position)
        if best is None or rank > best[:2]:
            best = (*rank, text)
    return best[2] if best else None


def _quotable(view: FactView, avoid: Sequence[str]) -> list[str]:
    """The description's sentences a take can quote whole: short, unquoted, not the tagline."""
    tagline = view.profile.tagline.strip().casefold()
    found = []
    for sentence in split_sentences(view.profile.description):
        text = sentence.strip().rstrip(".!?;:").strip()
        if not text or len(text) > DETAIL_MAX_CHARS or text.casefold() == tagline:
            continue
        if any(text in other for other in avoid) or '"' in text or "“" in text:
            continue
        if view.profile.name.casefold() in text.casefold()[1:]:
            continue  # a heading run into the next sentence, not one sentence
        found.append(text)
    return found


def _wording(template: Template, recent: Sequence[str], seed: str) -> str:
    """The template's wording least used in the persona's recent takes (ties: by the tool)."""
    wordings = template.wordings
    if len(wordings) == 1:
        return wordings[0]
    uses = [sum(1 for take in recent if _fragment(w) in take) for w in wordings]
    fewest = min(uses)
    ties = [w for w, n in zip(wordings, uses, strict=True) if n == fewest]
    digest = int(hashlib.sha256(f"{seed}|{wordings[0]}".encode()).hexdigest()[:8], 16)
    return ties[digest % len(ties)]


def _fragment(wording: str) -> str:
    """The longest literal stretch of a wording: what shows that a take used it."""
    return max((part.strip() for part in _FRAGMENT.split(wording)), key=len)


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
    if template.decision is not None and template.decision != decision:
        return False
    return placeholders_of(template.wordings[0]) <= filled.keys() and all_hold(template.when, view)
