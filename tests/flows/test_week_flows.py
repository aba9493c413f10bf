"""The whole week through the real Prefect flows, under one temporary Prefect server."""

from email import policy
from email.parser import BytesParser

import pytest
from prefect.artifacts import Artifact
from sqlmodel import Session

from db import queries
from emails.audience import import_csv
from flows.compose import compose_flow
from flows.ingest import ingest_flow
from flows.maintain import maintain_flow
from flows.publish import publish_flow
from flows.week import week_flow
from verdicts.settings import SAMPLES_DIR

pytestmark = pytest.mark.flows


@pytest.fixture(params=["sqlite"])
def database_url(sqlite_url):
    return sqlite_url()


def active_addresses() -> set[str]:
    rows = (SAMPLES_DIR / "subscribers.csv").read_text(encoding="utf-8").splitlines()[1:]
    return {row.split(",")[0] for row in rows if row.strip().endswith(",active")}


def test_week_end_to_end_through_flows(prefect_server, settings, engine):
    with Session(engine) as session:
        import_csv(session, path=SAMPLES_DIR / "subscribers.csv")
        session.commit()

    ingested = ingest_flow(str(SAMPLES_DIR / "sources.toml"))
    assert {r["status"] for r in ingested} == {"fetched"}
    assert sum(r["new_launches"] for r in ingested) >= 8
    table = Artifact.get("ingest-summary")  # what an operator sees on the run's Artifacts tab
    assert table is not None and all(r["source"] in str(table.data) for r in ingested)

    composed = compose_flow()
    assert len(composed["comparisons"]) >= 2 and composed["render_errors"] == []
    verdicts = Artifact.get("compose-verdicts")  # pairs and each tool's verdicts, for the operator
    assert verdicts is not None
    assert all(title in str(verdicts.data) for title in composed["comparisons"])
    assert "Ship" in str(verdicts.data) or "Skip" in str(verdicts.data) or "Split" in str(verdicts.data)
    waiting = Artifact.get("compose-approval")  # where the editor approves it, and that it waits
    assert waiting is not None and "waits for an editor" in waiting.data
    assert f"({settings.public_base_url}/desk/issues/{composed['issue_id']})" in waiting.data
    assert publish_flow() == []  # a draft is never sent
    assert "nothing sent" in str(Artifact.get("publish-summary").data)
    assert list(settings.resolved_outbox_dir().glob("*.eml")) == []

    result = week_flow(str(SAMPLES_DIR / "sources.toml"), approve_as="editor@example.com")
    assert sum(r["new_launches"] for r in result["ingest"]) == 0  # nothing stored twice
    assert result["publish"][0]["sent"] == len(active_addresses())

    files = sorted(settings.resolved_outbox_dir().glob("*.eml"))
    messages = [BytesParser(policy=policy.default).parsebytes(f.read_bytes()) for f in files]
    assert {m["To"] for m in messages} == active_addresses()
    for message in messages:
        assert message["List-Unsubscribe"].startswith("<https://")
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        html = message.get_body(("html",)).get_content()
        text = message.get_body(("plain",)).get_content()
        assert "Weekly AI Tool Verdicts" in html and "Weekly AI Tool Verdicts" in text
        assert composed["comparisons"][0].split(" vs ")[0] in text

    sent = Artifact.get("publish-summary")
    assert f'"sent": {len(active_addresses())}' in str(sent.data), sent.data
    assert publish_flow() == []  # sent: a second publish adds nothing
    assert len(list(settings.resolved_outbox_dir().glob("*.eml"))) == len(files)

    lines = maintain_flow()
    steps = [line.split(":")[0] for line in lines]
    assert steps == ["fetch log", "subscribers", "deliveries", "vote tallies"]
    assert Artifact.get("maintenance") is not None
    with Session(engine) as session:
        runs = queries.last_runs(session)
    assert {flow: (run.origin, run.outcome) for flow, run in runs.items()} == {
        "ingest": ("prefect", "done"), "compose": ("prefect", "done"), "publish": ("prefect", "done"),
        "maintain": ("prefect", "done")}
    assert all(run.flow_run_id and run.finished_at for run in runs.values())
