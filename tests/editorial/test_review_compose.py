"""Reviews keyed by tool, persona brief and provider; compose pins them; the llm panel on loopback."""

from __future__ import annotations

import json
import re
import shutil

from sqlmodel import Session, select
from typer.testing import CliRunner

from db.models import NewsletterIssue, PanelReview
from db.states import IssueStatus
from editorial.panel import PERSONAS_DIR, load_briefs
from editorial.panel.llm import LLMPanel
from editorial.review import review_tool
from tests.servers.openai_server import OpenAICompatibleServer
from verdicts import stages
from verdicts.cli import app
from verdicts.llm import ChatClient, LLMConfig
from verdicts.settings import SAMPLES_DIR

runner = CliRunner()


def verdicts(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def ingest_samples(settings) -> None:
    stages.ingest_all(settings, SAMPLES_DIR / "sources.toml")


def test_compose_pins_reviews_and_a_persona_edit_re_reviews_only_drafts(
    settings, engine, tmp_path, monkeypatch
):
    assert verdicts("db", "upgrade").exit_code == 0
    ingest_samples(settings)
    personas = tmp_path / "personas"
    shutil.copytree(PERSONAS_DIR, personas)
    monkeypatch.setenv("VERDICTS_PERSONAS_DIR", str(personas))
    from verdicts.settings import get_settings

    get_settings.cache_clear()
    first = verdicts("compose", "--explain")
    assert first.exit_code == 0, first.output
    assert "left out" in first.output and "score" in first.output and "shared purpose" in first.output
    shown = json.loads(verdicts("issues", "show", "1", "--json").output)
    comparison = shown["comparisons"][0]
    assert {"left", "right", "score", "why", "reviews"} <= comparison.keys()
    assert comparison["left"]["id"] != comparison["right"]["id"] and comparison["reviews"]
    with Session(engine) as session:
        before = len(session.exec(select(PanelReview)).all())
    again = verdicts("compose")
    assert "0 reviews judged now" in again.output  # every key stored: nothing judged twice
    # the Skeptic's brief changes: the next compose of the draft re-reviews what it judges
    path = personas / "skeptic.toml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# edited by an editor\n", encoding="utf-8")
    edited = verdicts("compose")
    assert re.search(r"panel: [1-9]\d* reviews judged now", edited.output), edited.output
    with Session(engine) as session:
        rows = session.exec(select(PanelReview).order_by(PanelReview.id)).all()
        assert len(rows) > before and {r.persona for r in rows[before:]} == {"Skeptic"}
        issue = session.get(NewsletterIssue, 1)
        issue.status = IssueStatus.SENT  # a sent issue never changes under a re-review
        session.add(issue)
        session.commit()
    pinned = json.loads(verdicts("issues", "show", "1", "--json").output)["comparisons"]
    path.write_text(path.read_text(encoding="utf-8") + "\n# edited again\n", encoding="utf-8")
    stages.review(get_settings(), "2026-W01", tool_ids=[pinned[0]["left"]["id"]])
    assert json.loads(verdicts("issues", "show", "1", "--json").output)["comparisons"] == pinned
    get_settings.cache_clear()


def test_nothing_to_compose_exits_1_without_a_draft(settings, engine):
    assert verdicts("db", "upgrade").exit_code == 0
    result = verdicts("compose")
    assert result.exit_code == 1 and "nothing to compose" in result.output
    with Session(engine) as session:
        assert session.exec(select(NewsletterIssue)).all() == []


def test_editors_pin_forbid_and_drop_are_honoured_by_later_composes(settings, engine):
    assert verdicts("db", "upgrade").exit_code == 0
    ingest_samples(settings)
    assert verdicts("compose").exit_code == 0
    first = json.loads(verdicts("issues", "show", "1", "--json").output)["comparisons"][0]
    a, b = first["left"]["id"], first["right"]["id"]
    assert verdicts("pairs", "forbid", str(a), str(b), "--as", "ed@example.com").exit_code == 0
    assert verdicts("compose").exit_code == 0
    pairs = [
        {c["left"]["id"], c["right"]["id"]}
        for c in json.loads(verdicts("issues", "show", "1", "--json").output)["comparisons"]
    ]
    assert {a, b} not in pairs
    assert verdicts("pairs", "drop", str(a), "--as", "ed@example.com").exit_code == 0
    assert verdicts("compose").exit_code == 0
    shown = json.loads(verdicts("issues", "show", "1", "--json").output)["comparisons"]
    assert all(a not in (c["left"]["id"], c["right"]["id"]) for c in shown)
    bad = verdicts("pairs", "pin", str(a), str(a), "--as", "ed@example.com")
    assert bad.exit_code == 2 and "cannot be paired with itself" in bad.output
    listed = verdicts("pairs", "list")
    assert "drop" in listed.output


def answer_for(body):
    """A model that first invents a number, then (told why) quotes the launch's own facts."""
    messages = body["messages"]
    if any("failed our grounding check" in m["content"] for m in messages if m["role"] == "user"):
        return {"score": 70, "take": "It does what the launch says, no more.", "no_take_reason": None}
    return {"score": 80, "take": "It is 97% faster than anything from 2019.", "no_take_reason": None}


def test_llm_panel_retries_once_with_the_failure_explained_and_never_bills_twice(settings, engine):
    ingest_samples(settings)
    briefs = load_briefs()
    with OpenAICompatibleServer(answer_for, api_key="k") as server:
        config = LLMConfig(base_url=server.base_url, model="panel-a", api_key="k", max_retries=0)
        panel = LLMPanel(ChatClient(config), {"Skeptic": "panel-b"}, "panel-a")
        with Session(engine) as session:
            from db import queries

            tool = queries.all_tools(session)[0]
            rows = review_tool(session, tool=tool, panel=panel, briefs=briefs)
            session.commit()
            calls = len(server.chat_requests())
            assert calls == 2 * len(briefs)  # the ungrounded take, then the retry
            assert all(r.attempts == 2 and r.take == "It does what the launch says, no more." for r in rows)
            assert all(r.prompt_tokens > 0 and r.latency_ms is not None for r in rows)
            assert {r.model for r in rows if r.persona == "Skeptic"} == {"panel-b"}
            retry = server.chat_requests()[1]["messages"][-1]["content"]
            assert "97" in retry and "2019" in retry  # the failure, explained
            review_tool(session, tool=tool, panel=panel, briefs=briefs)
            assert len(server.chat_requests()) == calls  # same tool and brief: never billed twice
