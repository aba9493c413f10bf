"""The panel: five personas judging a tool, behind one provider interface (`rules` offline, `llm`
through any OpenAI-compatible endpoint)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from editorial.panel.base import (
    PERSONAS,
    Judgement,
    PanelProvider,
    Review,
    ReviewContext,
    ToolProfile,
)
from editorial.panel.personas import (
    PERSONAS_DIR,
    Brief,
    Persona,
    PersonaFileError,
    load_brief,
    load_briefs,
    load_persona,
    load_personas,
)
from editorial.panel.rules import FactView, RulesPanel, judge

if TYPE_CHECKING:
    from verdicts.settings import Settings

__all__ = [
    "PERSONAS", "PERSONAS_DIR", "Brief", "FactView", "Judgement", "PanelProvider", "Persona",
    "PersonaFileError", "Review", "ReviewContext", "RulesPanel", "ToolProfile", "judge", "load_brief",
    "load_briefs", "load_persona", "load_personas", "make_panel", "PROVIDERS",
]


def _rules(settings: Settings | None) -> PanelProvider:
    return RulesPanel(personas_dir=settings.resolved_personas_dir() if settings else PERSONAS_DIR)


def _llm(settings: Settings | None) -> PanelProvider:
    from editorial.panel.llm import LLMPanel
    from verdicts.settings import get_settings

    return LLMPanel.from_settings(settings or get_settings())


PROVIDERS: dict[str, Callable[[Settings | None], PanelProvider]] = {"rules": _rules, "llm": _llm}


def make_panel(name: str, settings: Settings | None = None) -> PanelProvider:
    """The provider called `name`; ValueError naming the choices when there is none."""
    factory = PROVIDERS.get(name)
    if factory is None:
        raise ValueError(f"unknown panel provider {name!r}; choose one of: {', '.join(PROVIDERS)}")
    return factory(settings)
