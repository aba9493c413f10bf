"""The sources file: which feeds and pages to ingest, validated before anything is fetched."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import soupsieve
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    field_validator,
)

_NAME = re.compile(r"[a-z0-9][a-z0-9-]{0,62}")


class SourcesFileError(ValueError):
    """The sources file is missing, unreadable or invalid; the message says where and why."""


@dataclass(frozen=True)
class SourceProblem:
    """One thing wrong in a sources file: the line it is on (when known), the source, and what."""

    line: int | None
    source: str | None
    message: str

    def describe(self, path: Path | str) -> str:
        """'path:LINE: source 'name': message', leaving out what is not known."""
        where = f"{path}:{self.line}" if self.line is not None else f"{path}"
        who = f"source '{self.source}': " if self.source else ""
        return f"{where}: {who}{self.message}"


class PageSelectors(BaseModel):
    """CSS selectors that read a listing page: one `item` per launch, the rest inside each item."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    item: str
    title: str
    link: str
    link_attr: str = Field(default="href", pattern=r"^[A-Za-z_:][-A-Za-z0-9_:.]*$")
    summary: str | None = None
    date: str | None = None

    @field_validator("item", "title", "link", "summary", "date")
    @classmethod
    def _is_css_selector(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            soupsieve.compile(value)
        except soupsieve.SelectorSyntaxError as exc:
            reason = str(exc).splitlines()[0]
            raise ValueError(f"not a valid CSS selector {value!r}: {reason}") from None
        return value


class SourceConfig(BaseModel):
    """One source as configured: where to fetch it and how to read it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    kind: Literal["feed", "page"] = "feed"
    url: str = Field(min_length=1)
    category: str | None = None
    # An AI company's own feed: every product it launches is an AI product, so a launch whose text
    # never says so ("Introducing Claude Opus 5", title only) still makes a tool. Launch or not is
    # still read from the entry.
    ai: bool = False
    enabled: bool = True
    selectors: PageSelectors | None = Field(default=None, validate_default=True)

    @field_validator("name")
    @classmethod
    def _name_is_a_slug(cls, value: str) -> str:
        if not _NAME.fullmatch(value):
            raise ValueError("use 1-63 lowercase letters, digits and dashes, not starting with a dash")
        return value

    @field_validator("url")
    @classmethod
    def _url_is_http_or_path(cls, value: str) -> str:
        if "://" in value and not value.startswith(("http://", "https://", "file://")):
            raise ValueError("must be an http(s) URL or a path relative to the sources file")
        return value

    @field_validator("selectors", mode="wrap")
    @classmethod
    def _selectors_match_kind(
        cls, value: object, handler: ValidatorFunctionWrapHandler, info: ValidationInfo
    ) -> PageSelectors | None:
        # checked before the selectors themselves, so a feed with half a table hears the real mistake
        kind = info.data.get("kind")
        if kind == "page" and value is None:
            raise ValueError("a page source needs a [source.selectors] table with item, title and link")
        if kind == "feed" and value is not None:
            raise ValueError('only a source of kind = "page" has selectors')
        selectors: PageSelectors | None = handler(value)
        return selectors

    @property
    def is_local(self) -> bool:
        """Whether the source is a file on disk rather than a URL."""
        return not self.url.startswith(("http://", "https://"))


def load_sources(path: Path) -> list[SourceConfig]:
    """The enabled sources of `path`, local paths made absolute; SourcesFileError listing every problem."""
    try:
        text = _read_text(path)
    except _Unreadable as exc:
        raise SourcesFileError(f"{exc}: {path}") from None
    sources, problems = _examine(text)
    if problems:
        raise SourcesFileError("\n".join(problem.describe(path) for problem in problems))
    return [_resolve_local(path, source) for source in sources if source.enabled]


def check_sources(path: Path) -> list[SourceProblem]:
    """Every problem in the sources file, each with its line number when known; [] when it is valid."""
    try:
        text = _read_text(path)
    except _Unreadable as exc:
        return [SourceProblem(line=None, source=None, message=str(exc))]
    return _examine(text)[1]


class _Unreadable(Exception):
    pass


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise _Unreadable("sources file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise _Unreadable(f"cannot read sources file ({exc})") from None


def _examine(text: str) -> tuple[list[SourceConfig], list[SourceProblem]]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return [], [_toml_problem(exc)]
    entries = data.get("source")
    if not isinstance(entries, list) or not entries:
        return [], [SourceProblem(line=None, source=None, message="no [[source]] entries")]
    layout = _Layout(text, len(entries))
    sources: list[SourceConfig] = []
    problems: list[SourceProblem] = []
    for index, entry in enumerate(entries, start=1):
        source, found = _check_entry(layout, index, entry)
        problems.extend(found)
        if source is not None:
            sources.append(source)
    problems.extend(_duplicate_names(layout, entries))
    return sources, sorted(problems, key=lambda p: (p.line is None, p.line or 0))


def _toml_problem(exc: tomllib.TOMLDecodeError) -> SourceProblem:
    message = str(exc)
    found = re.search(r"\s*\(at line (\d+), column (\d+)\)\s*$", message)
    if found is None:
        return SourceProblem(line=None, source=None, message=f"not valid TOML: {message}")
    reason = message[: found.start()]
    return SourceProblem(line=int(found[1]), source=None,
                         message=f"not valid TOML: {reason} (column {found[2]})")


def _check_entry(
    layout: _Layout, index: int, entry: object
) -> tuple[SourceConfig | None, list[SourceProblem]]:
    if not isinstance(entry, dict):
        return None, [SourceProblem(layout.line_of(index, ()), None, f"source #{index} is not a table")]
    label = _label(entry)
    try:
        return SourceConfig.model_validate(entry), []
    except ValidationError as exc:
        return None, [_field_problem(layout, index, label, error) for error in exc.errors()]


def _field_problem(layout: _Layout, index: int, label: str | None, error: Any) -> SourceProblem:
    loc = tuple(str(part) for part in error["loc"])
    # a missing key has no line of its own: point at the table that should hold it
    key_path = loc[:-1] if error["type"] == "missing" else loc
    message = str(error["msg"]).removeprefix("Value error, ")
    if error["type"] == "extra_forbidden":
        model = PageSelectors if loc[:1] == ("selectors",) else SourceConfig
        message = "unknown key; the keys are " + ", ".join(model.model_fields)
    return SourceProblem(layout.line_of(index, key_path), label, f"{'.'.join(loc) or 'entry'}: {message}")


def _duplicate_names(layout: _Layout, entries: list[Any]) -> list[SourceProblem]:
    first: dict[str, int] = {}
    problems: list[SourceProblem] = []
    for index, entry in enumerate(entries, start=1):
        name = entry.get("name") if isinstance(entry, dict) else None
        if not isinstance(name, str):
            continue
        if name in first:
            where = layout.line_of(first[name], ("name",))
            also = f" (first at line {where})" if where is not None else ""
            problems.append(SourceProblem(layout.line_of(index, ("name",)), name,
                                          f"name {name!r} is used twice{also}"))
        else:
            first[name] = index
    return problems


def _label(entry: dict[str, Any]) -> str | None:
    name = entry.get("name")
    return name if isinstance(name, str) and name else None


def _resolve_local(path: Path, source: SourceConfig) -> SourceConfig:
    if not source.is_local:
        return source
    local = Path(source.url.removeprefix("file://"))
    local = local if local.is_absolute() else (path.parent / local).resolve()
    return source.model_copy(update={"url": str(local)})


_HEADER = re.compile(r"^\s*\[\[?([^\[\]]+)\]\]?\s*(?:#.*)?$")
_SIMPLE_KEY = r"""(?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+)"""
_KEY_PART = re.compile(r""""([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+)""")
_KEY = re.compile(rf"^\s*({_SIMPLE_KEY}(?:\s*\.\s*{_SIMPLE_KEY})*)\s*=")


def _key_path(dotted: str) -> tuple[str, ...]:
    return tuple("".join(groups) for groups in _KEY_PART.findall(dotted))


class _Layout:
    """Where each [[source]] block and each key in it sits in the text, by line number (1-based)."""

    def __init__(self, text: str, entries: int) -> None:
        self._lines = text.split("\n")  # as tomllib counts lines; splitlines() also splits on U+2028
        self._blocks: list[tuple[int, int]] = []  # (header index, end index), 0-based, end exclusive
        headers = [(i, _key_path(m[1])) for i, line in enumerate(self._lines) if (m := _HEADER.match(line))]
        for n, (start, name) in enumerate(headers):
            if name != ("source",) or not self._lines[start].lstrip().startswith("[["):
                continue
            end = next((i for i, other in headers[n + 1:] if other[:1] != ("source",) or len(other) == 1),
                       len(self._lines))
            self._blocks.append((start, end))
        if len(self._blocks) != entries:  # e.g. `source = [{…}]` inline: no lines rather than wrong ones
            self._blocks = []

    def line_of(self, index: int, path: tuple[str, ...]) -> int | None:
        """The line of `path` (or of its nearest enclosing key) in the index-th [[source]] block."""
        if not 1 <= index <= len(self._blocks):
            return None
        start, end = self._blocks[index - 1]
        for cut in range(len(path), 0, -1):
            found = self._find(start, end, path[:cut])
            if found is not None:
                return found + 1
        return start + 1

    def _find(self, start: int, end: int, path: tuple[str, ...]) -> int | None:
        table: tuple[str, ...] = ()
        for i in range(start + 1, end):
            line = self._lines[i]
            if header := _HEADER.match(line):
                table = _key_path(header[1])[1:]
                if table[: len(path)] == path:
                    return i
            elif (key := _KEY.match(line)) and (table + _key_path(key[1]))[: len(path)] == path:
                return i  # `selectors.item = …` is where `selectors` is
        return None
