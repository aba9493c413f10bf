"""The one adapter to an OpenAI-compatible endpoint (OpenRouter, vLLM, llama.cpp server, Ollama).

Everything that asks a language model (the `llm` fact extractor, the `llm` panel) goes through
`ChatClient`: it owns the HTTP (the official `openai` package, with its retries and timeouts),
asks for JSON matching a pydantic model, validates the answer, and reports latency and token use.
Callers stay pure: they build messages and read validated objects.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

if TYPE_CHECKING:
    from openai import OpenAI

M = TypeVar("M", bound=BaseModel)


class LLMError(RuntimeError):
    """The endpoint could not be reached, refused the request, or answered something unusable."""


@dataclass(frozen=True)
class LLMConfig:
    """Where the endpoint is and how to call it; the API key comes from the environment."""

    base_url: str
    model: str
    api_key: str = ""
    timeout_seconds: float = 60.0
    max_retries: int = 2


@dataclass(frozen=True)
class Usage:
    """What one call cost: wall time and tokens as the endpoint reported them (0 when it did not)."""

    model: str
    latency_ms: int
    prompt_tokens: int
    completion_tokens: int


@dataclass(frozen=True)
class Answer(Generic[M]):
    """A validated structured answer and what it cost."""

    value: M
    usage: Usage
    raw: str


class ChatClient:
    """Structured chat completions and embeddings against one OpenAI-compatible base URL."""

    def __init__(self, config: LLMConfig) -> None:
        if not config.base_url:
            raise LLMError("no LLM endpoint configured: set VERDICTS_LLM_BASE_URL")
        self.config = config
        self._client: OpenAI | None = None

    @property
    def client(self) -> OpenAI:
        if self._client is None:
            from openai import OpenAI  # imported only where a model is really asked

            self._client = OpenAI(
                base_url=self.config.base_url, api_key=self.config.api_key or "not-needed",
                timeout=self.config.timeout_seconds, max_retries=self.config.max_retries,
            )
        return self._client

    def complete_json(
        self, messages: list[dict[str, str]], schema: type[M], *, model: str | None = None,
        temperature: float = 0.0,
    ) -> Answer[M]:
        """The answer parsed into `schema`; LLMError if unreachable, refused or not valid JSON of it."""
        from openai import OpenAIError

        model = model or self.config.model
        response_format: Any = {
            "type": "json_schema",
            "json_schema": {"name": schema.__name__, "schema": schema.model_json_schema(), "strict": True},
        }
        started = time.perf_counter()
        try:
            response = self.client.chat.completions.create(
                model=model, messages=messages, temperature=temperature,  # type: ignore[arg-type]
                response_format=response_format,
            )
        except OpenAIError as exc:
            raise LLMError(f"{self.config.base_url}: {type(exc).__name__}: {exc}") from exc
        latency = int((time.perf_counter() - started) * 1000)
        raw = (response.choices[0].message.content or "") if response.choices else ""
        usage = Usage(model, latency, getattr(response.usage, "prompt_tokens", 0) or 0,
                      getattr(response.usage, "completion_tokens", 0) or 0)
        try:
            return Answer(schema.model_validate_json(_json_part(raw)), usage, raw)
        except ValidationError as exc:
            raise LLMError(f"{model} answered JSON that does not fit {schema.__name__}: "
                           f"{exc.errors()[0]['msg']}") from exc

    def embed(self, texts: list[str], *, model: str | None = None) -> list[list[float]]:
        """One embedding vector per text; LLMError if unreachable or refused."""
        from openai import OpenAIError

        try:
            response = self.client.embeddings.create(model=model or self.config.model, input=texts)
        except OpenAIError as exc:
            raise LLMError(f"{self.config.base_url}: {type(exc).__name__}: {exc}") from exc
        return [list(item.embedding) for item in sorted(response.data, key=lambda d: d.index)]


def _json_part(raw: str) -> str:
    """The JSON object in an answer, without the ```json fences some servers wrap it in."""
    text = raw.strip()
    if text.startswith("```"):
        text = text.strip("`").removeprefix("json").strip()
    start, end = text.find("{"), text.rfind("}")
    if start < 0 or end < start:
        return json.dumps(text)  # not an object: let validation say so
    return text[start : end + 1]
