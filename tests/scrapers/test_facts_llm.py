"""The `llm` fact extractor against a real OpenAI-compatible server on loopback: evidence that is
not in the launch text and unknown kinds are dropped; a failing endpoint falls back to the rules;
ingest asks the model before any transaction and stores what it kept."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from sqlmodel import Session, select

from db.models import Fact
from scrapers.facts import launch_facts
from scrapers.facts.llm import LLMFacts
from scrapers.fetch import FetchPolicy, make_client
from scrapers.ingest import IngestOptions, ingest_source
from scrapers.records import LaunchRecord
from scrapers.sources import SourceConfig
from tests.servers.feed_server import FeedServer
from tests.servers.openai_server import OpenAICompatibleServer
from verdicts.llm import ChatClient, LLMConfig

SUMMARY = "Wren reads contracts. It costs $0.01 per page and there is no free tier. Weights are not released."
RECORD = LaunchRecord(source="Wren blog", guid="wren-1", title="Wren - contract reader", tool_name="Wren",
                      tagline="contract reader", summary=SUMMARY)

ANSWER = {"facts": [
    {"kind": "entry_price", "value": "$0.01 per page", "negated": False, "evidence": "$0.01 per page"},
    {"kind": "entry_price", "value": "free tier", "negated": True, "evidence": "there is no free tier"},
    {"kind": "open_weights", "value": "no", "negated": False, "evidence": "Weights are not released."},
    # made up: not in the text
    {"kind": "license", "value": "MIT", "negated": False, "evidence": "released under the MIT license"},
    # not a kind we record
    {"kind": "mood", "value": "upbeat", "negated": False, "evidence": "Wren reads contracts."},
]}


def respond(body: dict[str, Any]) -> dict[str, Any]:
    return ANSWER


def client_of(server: OpenAICompatibleServer) -> ChatClient:
    return ChatClient(LLMConfig(base_url=server.base_url, model="facts-model", max_retries=0))


def test_only_facts_with_evidence_in_the_text_and_a_known_kind_are_kept():
    with OpenAICompatibleServer(respond) as server:
        facts = LLMFacts(client_of(server)).facts_of(RECORD)
        (request,) = server.chat_requests()
    assert [(f.kind, f.value, f.negated) for f in facts] == [
        ("entry_price", "$0.01 per page", False),
        ("entry_price", "free tier", True),
        ("open_weights", "no", False),
    ]
    assert all(f.snippet in SUMMARY for f in facts)
    assert SUMMARY in request["messages"][-1]["content"]  # one call with the whole launch


def test_a_failing_endpoint_falls_back_to_the_rules(caplog: pytest.LogCaptureFixture):
    with OpenAICompatibleServer(respond) as server:
        server.fail_next(500)
        with caplog.at_level(logging.WARNING, logger="scrapers.facts.llm"):
            facts = LLMFacts(client_of(server)).facts_of(RECORD)
    assert facts == launch_facts(RECORD)
    assert "the rules extract instead" in caplog.text


def test_an_answer_that_is_not_the_schema_falls_back_to_the_rules():
    with OpenAICompatibleServer(lambda body: {"facts": "none"}) as server:
        assert LLMFacts(client_of(server)).facts_of(RECORD) == launch_facts(RECORD)


FEED = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wren blog</title>
<link>https://wren.example/</link><description>news</description>
<item><title>Wren - AI contract reader</title><link>https://wren.example/launch</link>
<guid>wren-1</guid><description>{SUMMARY}</description></item></channel></rss>""".encode()


def test_ingest_with_the_llm_extractor_stores_the_kept_facts(engine, settings, monkeypatch):
    with OpenAICompatibleServer(respond) as server, FeedServer() as feeds:
        feeds.routes["/feed.rss"] = FEED
        monkeypatch.setenv("VERDICTS_FACT_EXTRACTOR", "llm")
        monkeypatch.setenv("VERDICTS_LLM_BASE_URL", server.base_url)
        monkeypatch.setenv("VERDICTS_LLM_MODEL", "facts-model")
        from verdicts.settings import get_settings

        get_settings.cache_clear()
        options = IngestOptions(fetch=FetchPolicy(host_gap=0, attempts=1), force=True)
        with make_client(user_agent="VerdictsTest/1", timeout=5) as client:
            summary = ingest_source(SourceConfig(name="wren-blog", url=feeds.url + "/feed.rss"),
                                    engine=engine, client=client, options=options)
        with make_client(user_agent="VerdictsTest/1", timeout=5) as client:  # unchanged: no new call
            ingest_source(SourceConfig(name="wren-blog", url=feeds.url + "/feed.rss"),
                          engine=engine, client=client, options=options)
        calls = len(server.chat_requests())
    assert summary.new_launches == 1
    with Session(engine) as session:
        stored = {(f.kind, f.value, f.negated) for f in session.exec(select(Fact)).all()}
    assert stored == {("entry_price", "$0.01 per page", False), ("entry_price", "free tier", True),
                      ("open_weights", "no", False)}
    assert calls == 1
