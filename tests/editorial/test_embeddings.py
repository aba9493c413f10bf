"""Pairing by the endpoint's embeddings: asked once per tool version, stored, and deciding pairs
that TF-IDF alone cannot see; a failing endpoint leaves pairing to TF-IDF and says so."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from sqlmodel import Session, select
from typer.testing import CliRunner

from db.models import Tool, ToolEmbedding
from editorial.compose import PairingOptions, compose_week, profile_of
from editorial.embeddings import endpoint_embedder
from editorial.panel import load_briefs, make_panel
from editorial.weeks import current_week
from tests.servers.openai_server import OpenAICompatibleServer
from verdicts import stages
from verdicts.cli import app
from verdicts.llm import LLMConfig
from verdicts.settings import SAMPLES_DIR, get_settings

MONDAY = datetime(2026, 11, 2, 9, tzinfo=UTC)  # 2026-W45
# Made-up words, so the purpose taxonomy says nothing: Quorble and Drimmet share words, as do
# Plinko and Wendle, but the embeddings put Quorble with Plinko and Drimmet with Wendle.
LAUNCHES = {
    "Quorble": "an AI that zorbs quibbles. Quorble zorbs quibbles overnight with flanges.",
    "Drimmet": "AI flanges for gorps. Drimmet flanges gorps, zorbs included.",
    "Plinko": "an AI that tidies plinths. Plinko tidies plinths with wibbles.",
    "Wendle": "AI wibbles for yents. Wendle wibbles yents and tidies.",
}


def by_family(text: str) -> list[float]:
    """A stand-in embedding model: what a text is about, by its first sentence's last word."""
    first = text.split(".")[0]
    return [1.0, 0.1] if first.endswith(("quibbles", "plinths")) else [0.1, 1.0]


def write_sources(folder: Path) -> Path:
    items = "".join(
        f"<item><title>{name} - {escape(text.split('. ')[0])}</title>"
        f"<link>https://{name.lower()}.example/</link><guid>{name}</guid>"
        f"<pubDate>{format_datetime(MONDAY + timedelta(hours=n))}</pubDate>"
        f"<description>{escape(text)}</description></item>"
        for n, (name, text) in enumerate(LAUNCHES.items())
    )
    (folder / "made-up.rss").write_text(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>https://t.example/</link>'
        f"{items}</channel></rss>", encoding="utf-8")
    sources = folder / "sources.toml"
    sources.write_text('[[source]]\nname = "made-up"\nkind = "feed"\nurl = "made-up.rss"\n', encoding="utf-8")
    return sources


def pairs_of(output: str) -> set[frozenset[str]]:
    found = set()
    for line in output.splitlines():
        line = line.strip()
        if line.startswith("- ") and " vs " in line:
            found.add(frozenset(part.split("  [")[0].strip() for part in line[2:].split(" vs ")))
    return found


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_embeddings_decide_pairs_tfidf_cannot_see(settings, tmp_path, monkeypatch):
    runner = CliRunner()
    assert runner.invoke(app, ["db", "upgrade"]).exit_code == 0
    stages.ingest_all(settings, write_sources(tmp_path))
    alone = runner.invoke(app, ["compose", "--week", "2026-W45"])
    assert alone.exit_code == 1 and "nothing to compose" in alone.output  # words alone: too weak
    assert "Quorble: no tool alike enough in purpose" in alone.output and "closest: Drimmet" in alone.output
    with OpenAICompatibleServer(embed=by_family) as server:
        monkeypatch.setenv("VERDICTS_LLM_BASE_URL", server.base_url)
        monkeypatch.setenv("VERDICTS_PAIRING_EMBEDDING_MODEL", "embedder-1")
        get_settings.cache_clear()
        result = runner.invoke(app, ["compose", "--week", "2026-W45", "--explain"])
        assert result.exit_code == 0, result.output
        assert pairs_of(result.output) == {frozenset({"Quorble", "Plinko"}), frozenset({"Drimmet", "Wendle"})}
        assert [r["model"] for r in server.requests] == ["embedder-1"]  # one request, every tool
        assert runner.invoke(app, ["compose", "--week", "2026-W45"]).exit_code == 0
        assert len(server.requests) == 1  # stored per tool version: never asked twice
    get_settings.cache_clear()


def test_each_tool_version_is_embedded_once_and_kept(engine):
    with Session(engine) as session:
        tools = [Tool(name=name, slug=name.lower(), tagline=text.split(". ")[0], description=text)
                 for name, text in LAUNCHES.items()]
        session.add_all(tools)
        session.flush()
        profiles = [profile_of(t, []) for t in tools]
        with OpenAICompatibleServer(embed=by_family) as server:
            embed = endpoint_embedder(LLMConfig(base_url=server.base_url, model="embedder-1", max_retries=0))
            first = embed(session, tools, profiles)
            assert first is not None and first.shape == (4, 2)
            assert abs(float(first[0] @ first[2]) - 1.0) < 1e-9  # Quorble and Plinko: one family
            assert len(server.requests) == 1 and len(server.requests[0]["input"]) == 4
            again = embed(session, tools, profiles)
            assert len(server.requests) == 1 and (again == first).all()
            tools[1].tagline = "AI quibbles for plinths"  # a new version of Drimmet, about quibbles now
            tools[1].description = "Drimmet changed its mind about gorps."
            changed = [profile_of(t, []) for t in tools]
            moved = embed(session, tools, changed)
            assert len(server.requests) == 2 and server.requests[1]["input"] == [
                f"{changed[1].tagline}. {changed[1].description}"]
            assert abs(float(moved[1] @ moved[0]) - 1.0) < 1e-9
        rows = session.exec(select(ToolEmbedding)).all()
        assert len(rows) == 5 and all(json.loads(r.vector) for r in rows)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_failing_endpoint_leaves_pairing_to_tfidf_and_says_so(settings, engine):
    stages.ingest_all(settings, SAMPLES_DIR / "sources.toml")
    with OpenAICompatibleServer() as server, Session(engine) as session:
        server.fail_next(*[503] * 10)
        options = PairingOptions(embedder=endpoint_embedder(
            LLMConfig(base_url=server.base_url, model="embedder-1", max_retries=0)))
        result = compose_week(session, week=current_week(), panel=make_panel("rules"),
                              briefs=load_briefs(), limit=3, options=options)
    assert result.comparisons and any("embeddings unavailable" in note for note in result.notes)
