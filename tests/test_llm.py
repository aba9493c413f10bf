"""The OpenAI-compatible adapter against a real chat server on loopback."""

from __future__ import annotations

import pytest
from pydantic import BaseModel

from tests.servers.openai_server import OpenAICompatibleServer
from verdicts.llm import ChatClient, LLMConfig, LLMError


class Verdict(BaseModel):
    score: int
    take: str


def _client(server: OpenAICompatibleServer, **overrides: object) -> ChatClient:
    config = LLMConfig(base_url=server.base_url, model="panel-model", api_key="k", max_retries=1)
    return ChatClient(LLMConfig(**{**config.__dict__, **overrides}))  # type: ignore[arg-type]


def test_structured_answer_is_validated_and_costed() -> None:
    with OpenAICompatibleServer(lambda body: {"score": 81, "take": "Runs on a laptop."},
                                api_key="k") as server:
        answer = _client(server).complete_json([{"role": "user", "content": "judge it"}], Verdict)
    assert answer.value == Verdict(score=81, take="Runs on a laptop.")
    assert answer.usage.model == "panel-model" and answer.usage.completion_tokens > 0
    sent = server.chat_requests()[0]
    assert sent["response_format"]["json_schema"]["schema"]["required"] == ["score", "take"]


def test_fenced_json_is_read() -> None:
    with OpenAICompatibleServer(lambda body: '```json\n{"score": 5, "take": "x"}\n```') as server:
        assert _client(server).complete_json([], Verdict).value.score == 5


@pytest.mark.parametrize("content", ["not json at all", '{"score": "high"}', '{"take": "no score"}'])
def test_answer_that_does_not_fit_is_an_error(content: str) -> None:
    with OpenAICompatibleServer(lambda body: content) as server, pytest.raises(LLMError, match="Verdict"):
        _client(server).complete_json([], Verdict)


def test_transient_failure_is_retried_then_refusal_reported() -> None:
    with OpenAICompatibleServer(lambda body: {"score": 1, "take": "t"}, api_key="k") as server:
        server.fail_next(503)
        assert _client(server).complete_json([], Verdict).value.score == 1
        assert len(server.chat_requests()) == 2  # the 503, then the retry
        with pytest.raises(LLMError, match="AuthenticationError"):
            _client(server, api_key="wrong").complete_json([], Verdict)


def test_embeddings_in_input_order() -> None:
    with OpenAICompatibleServer(embed=lambda text: [float(len(text))]) as server:
        assert _client(server).embed(["a", "abc"]) == [[1.0], [3.0]]


def test_no_endpoint_configured_is_a_clear_error() -> None:
    with pytest.raises(LLMError, match="VERDICTS_LLM_BASE_URL"):
        ChatClient(LLMConfig(base_url="", model="m"))
