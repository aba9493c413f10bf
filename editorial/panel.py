"""The panel: five personas judging a tool, behind one provider interface.

`RulesPanel` is the offline default: each persona is a data file in `personas/` (what it asks,
values and distrusts, weighted signals keyed by facts, when it abstains, take templates). A take is
built only from templates whose facts the tool actually has, so it never states what the launch
did not; a persona with nothing grounded to say has no take.
"""

from __future__ import annotations

import re
import string
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from db.states import Decision
from scrapers.records import FACT_KINDS, FactRecord

PERSONAS: tuple[str, ...] = ("Builder", "Skeptic", "Futurist", "Founder", "Creator")
PERSONAS_DIR = Path(__file__).resolve().parent / "personas"

# Template placeholders beyond the fact kinds: the tool's own words, and its dollar prices only.
TOOL_PLACEHOLDERS = ("name", "tagline", "category", "price")
# Placeholders that carry no fact: a sentence using only these is not grounded on its own.
UNGROUNDED_PLACEHOLDERS = frozenset({"name", "tagline", "category"})
# Several values of these kinds are alternatives ("a single A100 or dual consumer GPUs").
JOINERS = {"hardware": "or", "entry_price": "or"}
PLACEHOLDERS = frozenset(FACT_KINDS) | frozenset(TOOL_PLACEHOLDERS)


# ---------------------------------------------------------------------------------------------
# The interface
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ToolProfile:
    """What a provider sees of a tool: its own words and the facts extracted from them."""

    name: str
    tagline: str
    description: str
    category: str
    url: str | None
    facts: tuple[FactRecord, ...]


@dataclass(frozen=True)
class Review:
    """One persona's view: score, decision and take all set, or all None (no panel take)."""

    persona: str
    score: int | None
    decision: str | None
    take: str | None

    def __post_init__(self) -> None:
        parts = (self.score, self.decision, self.take)
        if any(p is None for p in parts) and any(p is not None for p in parts):
            raise ValueError(f"{self.persona}: score, decision and take are all set or all None")
        if self.score is not None and not 0 <= self.score <= 100:
            raise ValueError(f"{self.persona}: score {self.score} is outside 0-100")
        if self.decision is not None:
            Decision(self.decision)

    @classmethod
    def no_take(cls, persona: str) -> Review:
        return cls(persona, None, None, None)

    @property
    def has_take(self) -> bool:
        return self.take is not None


class PanelProvider(Protocol):
    """A panel: one Review per persona, in PERSONAS order."""

    name: str

    def review(self, tool: ToolProfile) -> list[Review]: ...


def make_panel(name: str) -> PanelProvider:
    """The provider called `name`; ValueError naming the choices when there is none."""
    factory = PROVIDERS.get(name)
    if factory is None:
        raise ValueError(f"unknown panel provider {name!r}; choose one of: {', '.join(PROVIDERS)}")
    return factory()


# ---------------------------------------------------------------------------------------------
# Persona files
# ---------------------------------------------------------------------------------------------


class PersonaFileError(ValueError):
    """A persona file is missing or invalid; the message names the file and the bad key."""


_OPERATORS = ("equals", "any_of", "none_of", "matches", "no_match")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Condition(_Strict):
    """One test on a tool: on a fact kind's values, or (text) on its own words."""

    fact: str | None = None
    text: str | None = None
    equals: str | None = None
    any_of: tuple[str, ...] | None = None
    none_of: tuple[str, ...] | None = None
    matches: str | None = None
    no_match: str | None = None
    present: bool | None = None

    @field_validator("fact")
    @classmethod
    def _known_kind(cls, value: str | None) -> str | None:
        if value is not None and value not in FACT_KINDS:
            raise ValueError(f"unknown fact kind {value!r}; one of: {', '.join(FACT_KINDS)}")
        return value

    @field_validator("text", "matches", "no_match")
    @classmethod
    def _compiles(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                re.compile(value)
            except re.error as exc:
                raise ValueError(f"not a regular expression: {exc}") from None
        return value

    @model_validator(mode="after")
    def _one_test(self) -> Condition:
        if (self.fact is None) == (self.text is None):
            raise ValueError("give exactly one of 'fact' or 'text'")
        ops = [o for o in _OPERATORS if getattr(self, o) is not None]
        if self.text is not None and ops:
            raise ValueError("a 'text' condition takes only 'present'")
        if self.fact is not None and len(ops) + (self.present is not None) != 1:
            raise ValueError(f"give exactly one of {', '.join(_OPERATORS)}, present")
        return self

    @property
    def is_positive(self) -> bool:
        """Whether it holds only when the tool has a fact (so a sentence it guards is grounded)."""
        if self.fact is None:
            return False
        return self.none_of is None and self.no_match is None and self.present is not False

    def holds(self, view: FactView) -> bool:
        if self.text is not None:
            found = re.search(self.text, view.words, re.IGNORECASE) is not None
            return found == (self.present is not False)
        values = {v.casefold() for v in view.values(self.fact or "")}
        if self.present is not None:
            return bool(values) == self.present
        if self.equals is not None:
            return self.equals.casefold() in values
        if self.any_of is not None:
            return bool(values & {v.casefold() for v in self.any_of})
        if self.none_of is not None:
            return not values & {v.casefold() for v in self.none_of}
        pattern = re.compile(self.matches or self.no_match or "", re.IGNORECASE)
        found = any(pattern.search(v) for v in view.values(self.fact or ""))
        return found if self.matches is not None else not found


class Signal(_Strict):
    """A weight added to the score when all its conditions hold."""

    weight: int = Field(ge=-100, le=100)
    when: tuple[Condition, ...] = Field(min_length=1)
    why: str = ""


class Abstain(_Strict):
    """When all conditions hold the persona has no take at all."""

    reason: str
    when: tuple[Condition, ...] = Field(min_length=1)


class Template(_Strict):
    """One take sentence, used only when its placeholders and conditions are all satisfied."""

    text: str = Field(min_length=1)
    when: tuple[Condition, ...] = ()
    decision: Decision | None = None
    group: str | None = None  # alternatives: at most one sentence of a group is used

    @field_validator("text")
    @classmethod
    def _known_placeholders(cls, value: str) -> str:
        for field in placeholders_of(value):
            if field not in PLACEHOLDERS:
                raise ValueError(f"unknown placeholder {{{field}}}; one of: {sorted(PLACEHOLDERS)}")
        return value

    @property
    def is_grounded(self) -> bool:
        """Whether the sentence rests on at least one fact the tool has."""
        fields = placeholders_of(self.text)
        return bool(fields - UNGROUNDED_PLACEHOLDERS) or any(c.is_positive for c in self.when)


class Persona(_Strict):
    """One persona's data file, validated."""

    name: str
    asks: str
    values: tuple[str, ...] = Field(min_length=1)
    distrusts: tuple[str, ...] = Field(min_length=1)
    base_score: int = Field(ge=0, le=100)
    threshold: int = Field(ge=0, le=100)
    min_sentences: int = Field(default=2, ge=1, le=6)
    max_sentences: int = Field(default=4, ge=1, le=6)
    abstain: tuple[Abstain, ...] = ()
    signal: tuple[Signal, ...] = ()
    take: tuple[Template, ...] = Field(min_length=1)

    @field_validator("name")
    @classmethod
    def _known_persona(cls, value: str) -> str:
        if value not in PERSONAS:
            raise ValueError(f"unknown persona {value!r}; one of: {', '.join(PERSONAS)}")
        return value


def load_persona(path: Path) -> Persona:
    """The persona in `path`; PersonaFileError naming the file and the bad key when invalid."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise PersonaFileError(f"{path}: cannot read persona file: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise PersonaFileError(f"{path}: not valid TOML: {exc}") from None
    try:
        persona = Persona.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'file'}: {err['msg']}"
            for err in exc.errors()
        )
        raise PersonaFileError(f"{path}: {problems}") from None
    if path.stem != persona.name.lower():
        expected = f"{persona.name.lower()}.toml"
        raise PersonaFileError(f"{path}: name: {persona.name!r} belongs in {expected}")
    return persona


def load_personas(directory: Path = PERSONAS_DIR) -> tuple[Persona, ...]:
    """Every persona in PERSONAS order from `directory`; PersonaFileError if any file fails."""
    return tuple(load_persona(directory / f"{name.lower()}.toml") for name in PERSONAS)


# ---------------------------------------------------------------------------------------------
# The rules provider
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FactView:
    """A profile's facts grouped by kind (the profile's category counts as a category fact)."""

    profile: ToolProfile
    by_kind: Mapping[str, tuple[str, ...]]

    @classmethod
    def of(cls, profile: ToolProfile) -> FactView:
        grouped: dict[str, list[str]] = {}
        if profile.category:
            grouped["category"] = [profile.category]
        for fact in profile.facts:
            values = grouped.setdefault(fact.kind, [])
            if fact.value not in values:
                values.append(fact.value)
        return cls(profile, {kind: tuple(values) for kind, values in grouped.items()})

    @property
    def words(self) -> str:
        return " ".join((self.profile.name, self.profile.tagline, self.profile.description))

    def values(self, kind: str) -> tuple[str, ...]:
        return self.by_kind.get(kind, ())

    def placeholders(self) -> dict[str, str]:
        """Every placeholder this tool can fill, with its value; absent ones are left out."""
        filled = {
            kind: join_words(values, JOINERS.get(kind, "and"))
            for kind, values in self.by_kind.items()
            if values
        }
        prices = [v for v in self.values("entry_price") if v.startswith("$")]
        extra = {
            "name": self.profile.name.strip(),
            "tagline": self.profile.tagline.strip().rstrip(".!"),
            "category": self.values("category")[0] if self.values("category") else "",
            "price": " or ".join(prices),
        }
        filled.update({k: v for k, v in extra.items() if v})
        return filled


class RulesPanel:
    """The offline panel: deterministic persona rules from data files, no network."""

    name = "rules"

    def __init__(self, personas: tuple[Persona, ...] | None = None) -> None:
        self.personas = personas if personas is not None else load_personas()

    def review(self, tool: ToolProfile) -> list[Review]:
        """One Review per persona, in PERSONAS order."""
        view = FactView.of(tool)
        return [judge(persona, view) for persona in self.personas]


def judge(persona: Persona, view: FactView) -> Review:
    """The persona's review of the tool: no take when it abstains or has nothing grounded."""
    if any(all_hold(rule.when, view) for rule in persona.abstain):
        return Review.no_take(persona.name)
    score = score_of(persona, view)
    decision = Decision.SHIP if score >= persona.threshold else Decision.SKIP
    take = take_of(persona, view, decision)
    if take is None:
        return Review.no_take(persona.name)
    return Review(persona.name, score, decision.value, take)


def score_of(persona: Persona, view: FactView) -> int:
    """Base score plus every signal that holds, clamped to 0-100."""
    total = persona.base_score + sum(s.weight for s in persona.signal if all_hold(s.when, view))
    return max(0, min(100, total))


def take_of(persona: Persona, view: FactView, decision: Decision) -> str | None:
    """Up to max_sentences usable sentences (a closing one last), or None if none is grounded."""
    filled = view.placeholders()
    usable = _first_of_each_group([t for t in persona.take if _usable(t, view, filled, decision)])
    body = [t for t in usable if t.decision is None]
    closing = [t for t in usable if t.decision is not None][:1]
    chosen = body[: persona.max_sentences - len(closing)] + closing
    if len(chosen) < persona.min_sentences or not any(t.is_grounded for t in chosen):
        return None
    return " ".join(t.text.format_map(filled) for t in chosen)


def all_hold(conditions: tuple[Condition, ...], view: FactView) -> bool:
    return all(c.holds(view) for c in conditions)


def placeholders_of(text: str) -> set[str]:
    """The {names} a template uses."""
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def join_words(values: tuple[str, ...], conjunction: str = "and") -> str:
    """'a', 'a and b', 'a, b and c' (or 'or')."""
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


def _usable(
    template: Template, view: FactView, filled: Mapping[str, str], decision: Decision
) -> bool:
    if template.decision is not None and template.decision != decision:
        return False
    return placeholders_of(template.text) <= filled.keys() and all_hold(template.when, view)


PROVIDERS: dict[str, Callable[[], PanelProvider]] = {"rules": RulesPanel}
