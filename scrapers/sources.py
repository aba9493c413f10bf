"""The sources file: which feeds and pages to ingest, validated before anything is fetched."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator


class SourcesFileError(ValueError):
    """The sources file is missing, unreadable or invalid; the message says where and why."""


class SourceConfig(BaseModel):
    """One source as configured: where to fetch it and how to read it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{0,62}$")
    kind: Literal["feed"] = "feed"
    url: str = Field(min_length=1)
    category: str | None = None
    enabled: bool = True

    @field_validator("url")
    @classmethod
    def _url_is_http_or_path(cls, value: str) -> str:
        if "://" in value and not value.startswith(("http://", "https://", "file://")):
            raise ValueError("must be an http(s) URL or a path relative to the sources file")
        return value

    @property
    def is_local(self) -> bool:
        """Whether the source is a file on disk rather than a URL."""
        return not self.url.startswith(("http://", "https://"))


def load_sources(path: Path) -> list[SourceConfig]:
    """The enabled sources of `path`, local paths made absolute; SourcesFileError if invalid."""
    data = _read_toml(path)
    entries = data.get("source", [])
    if not isinstance(entries, list) or not entries:
        raise SourcesFileError(f"{path}: no [[source]] entries")
    sources = [_parse_entry(path, index, entry) for index, entry in enumerate(entries, start=1)]
    _ensure_unique_names(path, sources)
    return [s for s in sources if s.enabled]


def _read_toml(path: Path) -> dict[str, object]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SourcesFileError(f"sources file not found: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SourcesFileError(f"cannot read sources file {path}: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise SourcesFileError(f"{path}: not valid TOML: {exc}") from None


def _parse_entry(path: Path, index: int, entry: object) -> SourceConfig:
    if not isinstance(entry, dict):
        raise SourcesFileError(f"{path}: source #{index} is not a table")
    try:
        source = SourceConfig.model_validate(entry)
    except ValidationError as exc:
        name = entry.get("name", "?")
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'entry'}: {err['msg']}" for err in exc.errors()
        )
        raise SourcesFileError(f"{path}: source #{index} ({name}): {problems}") from None
    if source.is_local:
        local = Path(source.url.removeprefix("file://"))
        local = local if local.is_absolute() else (path.parent / local).resolve()
        source = source.model_copy(update={"url": str(local)})
    return source


def _ensure_unique_names(path: Path, sources: list[SourceConfig]) -> None:
    seen: set[str] = set()
    for source in sources:
        if source.name in seen:
            raise SourcesFileError(f"{path}: source name {source.name!r} is used twice")
        seen.add(source.name)
