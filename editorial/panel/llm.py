"""The `llm` provider: each persona is a model on an OpenAI-compatible endpoint, briefed with its
persona file, answering JSON validated by pydantic. A take that fails the grounding check is sent
back once with the failure explained; what it answers then is what the review stage checks."""

from __future__ import annotations

import json
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field

from db.states import Decision
from editorial.panel.base import Judgement, Review, ReviewContext, ToolProfile
from editorial.panel.personas import Brief
from verdicts.llm import Answer, ChatClient, LLMConfig, LLMError

MAX_TAKE_CHARS = 900


class TakeAnswer(BaseModel):
    """What a persona's model answers: a take with its score, or no take (all null) and why."""

    model_config = ConfigDict(extra="forbid")

    score: int | None = Field(ge=0, le=100)
    take: str | None = Field(max_length=MAX_TAKE_CHARS)
    no_take_reason: str | None


@dataclass
class LLMPanel:
    """The panel on an endpoint: one model per persona (several models make one panel)."""

    client: ChatClient
    models: dict[str, str]
    default_model: str
    name: str = "llm"

    @classmethod
    def from_settings(cls, settings) -> LLMPanel:  # noqa: ANN001  (verdicts.settings.Settings)
        """The panel the settings describe; LLMError if no endpoint or model is configured."""
        config: LLMConfig = settings.llm_config()
        if not config.model and not settings.panel_models:
            raise LLMError("the llm panel needs VERDICTS_LLM_MODEL or VERDICTS_PANEL_MODELS")
        return cls(ChatClient(config), dict(settings.panel_models), config.model)

    def model_for(self, persona: str) -> str:
        return self.models.get(persona) or self.default_model

    def judge(self, tool: ToolProfile, brief: Brief, context: ReviewContext) -> Judgement:
        """The persona's judgement; one retry with the grounding failure explained; LLMError if the
        endpoint cannot be reached or answers something unusable."""
        model = self.model_for(brief.name)
        messages = [
            {"role": "system", "content": system_prompt(brief)},
            {"role": "user", "content": tool_prompt(tool, context)},
        ]
        answer = self.client.complete_json(messages, TakeAnswer, model=model)
        answers = [answer]
        problems = context.check(answer.value.take) if answer.value.take else []
        if problems:
            messages += [
                {"role": "assistant", "content": answer.raw},
                {"role": "user", "content": retry_prompt(problems)},
            ]
            answer = self.client.complete_json(messages, TakeAnswer, model=model)
            answers.append(answer)
        return Judgement(
            _review(brief, answer),
            model,
            len(answers),
            sum(a.usage.latency_ms for a in answers),
            sum(a.usage.prompt_tokens for a in answers),
            sum(a.usage.completion_tokens for a in answers),
        )


def _review(brief: Brief, answer: Answer[TakeAnswer]) -> Review:
    value = answer.value
    if value.take is None or value.score is None or not value.take.strip():
        return Review.no_take(brief.name)
    # ship or skip follows the persona's threshold, as it does for the rules panel
    decision = Decision.SHIP if value.score >= brief.persona.threshold else Decision.SKIP
    return Review(brief.name, value.score, decision.value, value.take.strip())


def system_prompt(brief: Brief) -> str:
    """The persona's brief: its data file, and the rules every take keeps."""
    persona = brief.persona
    return (
        f"You are the {persona.name} on the panel of 'Weekly AI Tool Verdicts'. Your brief is this "
        f"persona file (TOML):\n\n{brief.text}\n\n"
        f"Judge the tool you are shown as the {persona.name}: {persona.asks} Give a score from 0 to 100 "
        f"(a score of {persona.threshold} or more means ship) and a take of two to four sentences "
        "in your own voice. Rules: state no number, price, licence, model or product name that is "
        "not in the launch text or the facts you are given; never claim what a fact marks as denied; "
        "do not reuse sentences from the recent takes you are shown. If you have nothing grounded to "
        "say, answer score null and take null with a no_take_reason. Answer JSON only."
    )


def tool_prompt(tool: ToolProfile, context: ReviewContext) -> str:
    """The tool as the model sees it: its words, its launch text and its facts (denied ones marked)."""
    facts = [
        {"kind": f.kind, "value": f.value, "denied": f.negated, "evidence": f.snippet} for f in tool.facts
    ]
    recent = list(context.recent_takes[:5])
    data = {
        "name": tool.name,
        "tagline": tool.tagline,
        "category": tool.category,
        "url": tool.url,
        "description": tool.description,
        "launch_text": tool.launch_text[:6000],
        "facts": facts,
        "recent_takes_not_to_repeat": recent,
    }
    return "The tool:\n" + json.dumps(data, ensure_ascii=False, indent=1)


def retry_prompt(problems: list[str]) -> str:
    """The second ask: what failed the grounding check, and what to do."""
    listed = "\n".join(f"- {p}" for p in problems)
    return (
        "Your take failed our grounding check:\n" + listed + "\nRewrite the take so that every number, "
        "price, licence and name in it is in the launch text or the facts, and nothing denied is "
        "claimed; or answer no take. Same JSON shape."
    )
