"""Persona files: each persona is a data file in `editorial/personas/` (what it asks, values and
distrusts, weighted signals keyed by facts, when it abstains, take sentences). The file is also the
persona's brief for the `llm` provider, and its digest is part of every review's key."""

from __future__ import annotations

import hashlib
import itertools
import re
import string
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from db.states import Decision
from editorial.panel.base import PERSONAS
from scrapers.records import FACT_KINDS

PERSONAS_DIR = Path(__file__).resolve().parent.parent / "personas"

# Kinds the record issue adds; a sentence or condition naming one simply never holds until a
# tool has such a fact, so the persona files can use them before every extractor does.
FUTURE_FACT_KINDS = ("quantisation", "base_model", "technique", "distribution")
# What pairing reads off a tool's words (editorial.similarity), usable in conditions: its kind
# (model, API, app, toolkit, agent framework) and audiences (developers, creators, teams, researchers).
DERIVED_KINDS = ("kind", "audience")
KNOWN_KINDS = frozenset(FACT_KINDS) | frozenset(FUTURE_FACT_KINDS) | frozenset(DERIVED_KINDS)
# Placeholders of the tool's own words (editorial.panel.words): what it does, what it is, a clause
# saying either, whom it is for, its tagline, one clause of its description; plus its dollar prices.
OWN_WORDS = ("what", "thing", "job", "audience", "tagline", "detail")
TOOL_PLACEHOLDERS = ("name", "category", "price", *OWN_WORDS)
# Placeholders that say nothing of the tool by themselves: a sentence of only these is not grounded.
UNGROUNDED_PLACEHOLDERS = frozenset({"name", "category"})
# Placeholders the wordings of one sentence may use or not: a wording needing a piece the tool's
# text lacks is simply not chosen. (Every other placeholder must be in every wording.)
FLEXIBLE = frozenset({"what", "thing", "job", "audience", "tagline", "name"})
PLACEHOLDERS = (KNOWN_KINDS - frozenset(DERIVED_KINDS)) | frozenset(TOOL_PLACEHOLDERS)
# "[a|b|c]" in a wording is a choice of words: the wording stands for one sentence per choice.
_CHOICE = re.compile(r"\[([^\[\]]*\|[^\[\]]*)\]")
MAX_EXPANSIONS = 96


class PersonaFileError(ValueError):
    """A persona file is missing or invalid; the message names the file and the bad key."""


_OPERATORS = ("equals", "any_of", "none_of", "matches", "no_match", "denied")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Condition(_Strict):
    """One test on a tool: on a fact kind's values, or (text) on its own words.

    `denied` holds when the launch says the opposite of that value (a negated fact)."""

    fact: str | None = None
    text: str | None = None
    equals: str | None = None
    any_of: tuple[str, ...] | None = None
    none_of: tuple[str, ...] | None = None
    matches: str | None = None
    no_match: str | None = None
    denied: str | None = None
    present: bool | None = None

    @field_validator("fact")
    @classmethod
    def _known_kind(cls, value: str | None) -> str | None:
        if value is not None and value not in KNOWN_KINDS:
            raise ValueError(f"unknown fact kind {value!r}; one of: {', '.join(sorted(KNOWN_KINDS))}")
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
    """One take sentence in several wordings (each "[a|b]" a choice of words), used only when its
    placeholders and conditions are all satisfied; the wording is the one whose words this
    persona has used longest ago."""

    text: str | None = None
    variants: tuple[str, ...] = ()
    when: tuple[Condition, ...] = ()
    decision: Decision | None = None
    group: str | None = None  # alternatives: at most one sentence of a group is used

    @model_validator(mode="after")
    def _wordings(self) -> Template:
        written = ((self.text,) if self.text else ()) + self.variants
        if not written or any(not w.strip() for w in written):
            raise ValueError("give 'text' or a non-empty list of 'variants'")
        if any(len(expand(w)) > MAX_EXPANSIONS for w in written):
            raise ValueError(f"a variant's [a|b] choices make more than {MAX_EXPANSIONS} sentences")
        wordings = self.wordings
        for wording in wordings:
            for name in placeholders_of(wording):
                if name not in PLACEHOLDERS:
                    raise ValueError(f"unknown placeholder {{{name}}}; one of: {sorted(PLACEHOLDERS)}")
        if len({frozenset(placeholders_of(w) - FLEXIBLE) for w in wordings}) > 1:
            raise ValueError("every variant of a sentence must use the same placeholders "
                             f"(only {', '.join(sorted(FLEXIBLE))} may differ)")
        return self

    @property
    def wordings(self) -> tuple[str, ...]:
        """Every sentence it stands for, its choices of words expanded."""
        written = ((self.text,) if self.text else ()) + self.variants
        return tuple(text for wording in written for text, _ in expand(wording))

    @property
    def part(self) -> str:
        """Where it goes in a take: "closing" (a decision), "detail" (quotes the launch), "opening"
        (the tool's own words and no fact value) or "fact"."""
        if self.decision is not None:
            return "closing"
        if "detail" in self.fields:
            return "detail"
        if self.fields & FLEXIBLE - {"name"} and not self.fields - FLEXIBLE:
            return "opening"
        return "fact"

    @property
    def fields(self) -> set[str]:
        """Every placeholder any of its wordings uses."""
        return set().union(*(placeholders_of(w) for w in self.wordings))

    def is_grounded(self, wording: str) -> bool:
        """Whether this wording of the sentence rests on a fact the tool has or on its own words."""
        grounded = placeholders_of(wording) - UNGROUNDED_PLACEHOLDERS
        return bool(grounded) or any(c.is_positive for c in self.when)


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
    detail: str | None = None  # what this persona looks for in the launch's own sentences
    abstain: tuple[Abstain, ...] = ()
    signal: tuple[Signal, ...] = ()
    take: tuple[Template, ...] = Field(min_length=1)

    @field_validator("name")
    @classmethod
    def _known_persona(cls, value: str) -> str:
        if value not in PERSONAS:
            raise ValueError(f"unknown persona {value!r}; one of: {', '.join(PERSONAS)}")
        return value

    @field_validator("detail")
    @classmethod
    def _detail_compiles(cls, value: str | None) -> str | None:
        return Condition._compiles(value)


@dataclass(frozen=True)
class Brief:
    """A persona as read from its file: the validated data, the file's text and its digest."""

    persona: Persona
    text: str
    digest: str

    @property
    def name(self) -> str:
        return self.persona.name


@lru_cache(maxsize=4096)
def expand(wording: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each sentence a wording stands for, with its fragments: the stretches of its own words
    (between placeholders and choices) that show a take used it."""
    pieces = _CHOICE.split(wording)  # literal, choice, literal, choice, ...
    options = [[piece] if n % 2 == 0 else piece.split("|") for n, piece in enumerate(pieces)]
    found = []
    for chosen in itertools.islice(itertools.product(*options), MAX_EXPANSIONS + 1):
        text = "".join(chosen)
        fragments = tuple(
            part.strip(" ,.;:") for piece in chosen for part in _FIELD.split(piece)
            if len(part.strip(" ,.;:").split()) >= 2
        )
        found.append((" ".join(text.split()), fragments))
    return tuple(found)


_FIELD = re.compile(r"\{[a-z_]+\}")


def placeholders_of(text: str) -> set[str]:
    """The {names} a template uses."""
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def load_brief(path: Path) -> Brief:
    """The persona in `path` with its text and digest; PersonaFileError naming the file and key."""
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError) as exc:
        raise PersonaFileError(f"{path}: cannot read persona file: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise PersonaFileError(f"{path}: not valid TOML: {exc}") from None
    try:
        persona = Persona.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'file'}: {err['msg']}" for err in exc.errors()
        )
        raise PersonaFileError(f"{path}: {problems}") from None
    if path.stem != persona.name.lower():
        raise PersonaFileError(f"{path}: name: {persona.name!r} belongs in {persona.name.lower()}.toml")
    return Brief(persona, text, hashlib.sha256(raw).hexdigest())


def load_briefs(directory: Path = PERSONAS_DIR) -> tuple[Brief, ...]:
    """Every persona's brief in PERSONAS order from `directory`; PersonaFileError if any fails."""
    return tuple(load_brief(directory / f"{name.lower()}.toml") for name in PERSONAS)


def load_persona(path: Path) -> Persona:
    """The persona in `path`; PersonaFileError naming the file and the bad key when invalid."""
    return load_brief(path).persona


def load_personas(directory: Path = PERSONAS_DIR) -> tuple[Persona, ...]:
    """Every persona in PERSONAS order from `directory`; PersonaFileError if any file fails."""
    return tuple(brief.persona for brief in load_briefs(directory))
