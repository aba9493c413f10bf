"""prefect.yaml on a real Prefect server with a real process worker, all on loopback.

The server, the CLI and the worker are subprocesses of the installed `prefect`, with their own
PREFECT_HOME (so their own SQLite database) and none of this process's PREFECT_* settings.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from scrapers.sources import load_sources

pytestmark = pytest.mark.flows

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
PREFECT = str(BIN / "prefect")
VERDICTS = str(BIN / "verdicts")
SAMPLE_SOURCES = ROOT / "verdicts" / "samples" / "sources.toml"
POOL = "verdicts"
# flow/deployment name -> (entrypoint, cron, time between two scheduled runs)
DEPLOYMENTS = {
    "ingest/ingest-hourly": ("flows/ingest.py:ingest_flow", "7 * * * *", timedelta(hours=1)),
    "review/review-after-ingest": ("flows/review.py:review_flow", "37 * * * *", timedelta(hours=1)),
    "compose/compose-weekly": ("flows/compose.py:compose_flow", "0 6 * * 5", timedelta(days=7)),
    "publish/publish-approved": ("flows/publish.py:publish_flow", "*/15 * * * *", timedelta(minutes=15)),
    "maintain/maintain-daily": ("flows/maintain.py:maintain_flow", "30 3 * * *", timedelta(days=1)),
}
# one run at a time, and what a run that would overlap does
CONCURRENCY = {"ingest/ingest-hourly": "CANCEL_NEW", "review/review-after-ingest": "CANCEL_NEW",
               "compose/compose-weekly": "ENQUEUE",
               "publish/publish-approved": "ENQUEUE", "maintain/maintain-daily": "ENQUEUE"}
TERMINAL = {"COMPLETED", "FAILED", "CRASHED", "CANCELLED"}


@dataclass(frozen=True)
class PrefectServer:
    api_url: str
    env: dict[str, str]  # for the CLI and the worker: this server, an isolated PREFECT_HOME
    log: Path

    def request(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        """The API's answer; a 503 or a timeout (its SQLite busy on a loaded machine) is asked again."""
        for attempt in range(6):
            try:
                response = httpx.request(method, self.api_url + path, json=body, timeout=20, trust_env=False)
            except httpx.TimeoutException:
                if attempt == 5:
                    raise
                continue
            if response.status_code != 503 or attempt == 5:
                break
            time.sleep(1 + attempt)
        response.raise_for_status()
        return response.json() if response.content else None

    def get(self, path: str) -> Any:
        return self.request("GET", path)

    def post(self, path: str, body: dict[str, Any]) -> Any:
        return self.request("POST", path, body)

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])


def clean_env(**extra: str) -> dict[str, str]:
    """This process's environment without any PREFECT_* or VERDICTS_* setting, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "VERDICTS_"))}
    return env | {"COLUMNS": "200"} | extra  # COLUMNS: the CLI's tables and ids unwrapped


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def stop(process: subprocess.Popen[Any]) -> None:
    """Terminate `process` and the process group it leads (the server's and worker's children)."""
    for sig, wait in ((signal.SIGTERM, 15), (signal.SIGKILL, 5)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


def run(args: list[str], env: dict[str, str], timeout: float = 60) -> str:
    """Run a command in the project root; its output, or a test failure showing it."""
    process = subprocess.Popen(args, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        stop(process)
        output, _ = process.communicate()
        pytest.fail(f"{' '.join(args[1:])} took over {timeout}s:\n{output}")
    finally:
        stop(process)  # anything it left running in its group
    if process.returncode != 0:
        pytest.fail(f"{' '.join(args[1:])} exited {process.returncode}:\n{output}")
    return output


def wait_for(condition: Callable[[], Any], timeout: float, interval: float = 0.5) -> Any:
    """The first truthy value of `condition()` before the deadline, else the last (falsy) one."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(interval)


def start_server(home: Path) -> tuple[subprocess.Popen[str], PrefectServer]:
    port = free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    settings = {"PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    log = home / f"server-{port}.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [PREFECT, "server", "start", "--host", "127.0.0.1", "--port", str(port)],
            cwd=home, env=clean_env(**settings), stdin=subprocess.DEVNULL, stdout=out,
            stderr=subprocess.STDOUT, text=True, start_new_session=True)
    return process, PrefectServer(api_url, clean_env(**settings, PREFECT_API_URL=api_url), log)


def is_healthy(process: subprocess.Popen[str], server: PrefectServer) -> bool | None:
    """True once the API answers, None if the server exited, False while it starts."""
    if process.poll() is not None:
        return None
    try:
        return httpx.get(server.api_url + "/health", timeout=2, trust_env=False).status_code == 200
    except httpx.TransportError:
        return False


def wait_healthy(process: subprocess.Popen[str], server: PrefectServer, timeout: float = 90) -> bool:
    """True once the API answers; False if the server exits first or the timeout passes."""
    wait_for(lambda: is_healthy(process, server) is not False, timeout=timeout)
    return bool(is_healthy(process, server))


@pytest.fixture(scope="module")
def prefect_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PrefectServer]:
    home = tmp_path_factory.mktemp("prefect-home")
    for _attempt in range(3):  # another process may take the free port before the server does
        process, server = start_server(home)
        try:
            if wait_healthy(process, server):
                yield server
                return
        finally:
            stop(process)
        if "address already in use" not in server.log_tail().lower():
            break
    pytest.fail(f"the Prefect server did not become healthy:\n{server.log_tail()}")


@pytest.fixture(scope="module")
def deployed(prefect_server: PrefectServer) -> dict[str, dict[str, Any]]:
    """The work pool created and `prefect deploy --all` run: each deployment as the API reads it."""
    run([PREFECT, "work-pool", "create", POOL, "--type", "process"], prefect_server.env)
    run([PREFECT, "deploy", "--all", "--no-prompt"], prefect_server.env, timeout=120)
    return {name: prefect_server.get(f"/deployments/name/{name}") for name in DEPLOYMENTS}


def scheduled_runs(server: PrefectServer, deployment_id: str, limit: int = 3) -> list[dict[str, Any]]:
    return server.post("/flow_runs/filter", {
        "deployments": {"id": {"any_": [deployment_id]}},
        "flow_runs": {"state": {"type": {"any_": ["SCHEDULED"]}}},
        "sort": "EXPECTED_START_TIME_ASC", "limit": limit})


def test_deploy_creates_the_deployments_with_their_schedules_and_limits(deployed):
    for name, (entrypoint, cron, _) in DEPLOYMENTS.items():
        deployment = deployed[name]
        assert deployment["entrypoint"] == entrypoint
        assert deployment["work_pool_name"] == POOL
        assert deployment["pull_steps"] == [{"prefect.deployments.steps.set_working_directory": {
            "directory": "{{ $VERDICTS_HOME }}"}}]  # resolved by the worker, at run time
        assert [(s["schedule"].get("cron"), s["schedule"].get("timezone"), s["active"])
                for s in deployment["schedules"]] == [(cron, "UTC", True)]
        assert deployment["global_concurrency_limit"]["limit"] == 1, name
        assert deployment["concurrency_options"]["collision_strategy"] == CONCURRENCY[name], name


def test_the_server_schedules_runs_and_pausing_removes_them(prefect_server, deployed):
    def runs_of_each() -> dict[str, list[datetime]] | None:
        times = {name: [datetime.fromisoformat(r["expected_start_time"])
                        for r in scheduled_runs(prefect_server, deployed[name]["id"])]
                 for name in DEPLOYMENTS}
        return times if all(len(t) >= 2 for t in times.values()) else None

    times = wait_for(runs_of_each, timeout=30, interval=1)
    assert times, f"the server scheduled no runs for some deployment:\n{prefect_server.log_tail()}"
    for name, (_, _, every) in DEPLOYMENTS.items():
        assert times[name][1] - times[name][0] == every, name

    # The scheduler inserts its runs in batches; pausing while a batch is in flight lets it land
    # after the pause deleted the rest. Pause once the count has held still for two polls.
    def settled(previous: list[int] = []) -> bool:  # noqa: B006  (the last counts, between polls)
        counts = [len(scheduled_runs(prefect_server, deployed[n]["id"], limit=200)) for n in DEPLOYMENTS]
        still, previous[:] = counts == previous, counts
        return still

    assert wait_for(settled, timeout=30, interval=1.5), "the scheduler kept adding runs"
    run([PREFECT, "deployment", "schedule", "pause", "--all", "--no-prompt"], prefect_server.env)
    for name in DEPLOYMENTS:
        deployment = prefect_server.get(f"/deployments/name/{name}")
        assert [s["active"] for s in deployment["schedules"]] == [False]
        left = scheduled_runs(prefect_server, deployment["id"])
        assert left == [], (name, [(r["created"], r["expected_start_time"]) for r in left])


def pause_schedules(server: PrefectServer, deployments: dict[str, dict[str, Any]]) -> None:
    """No scheduled run may reach the worker before the runs this test triggers."""
    for deployment in deployments.values():
        for schedule in deployment["schedules"]:
            server.request("PATCH", f"/deployments/{deployment['id']}/schedules/{schedule['id']}",
                           {"active": False})


def run_deployment(server: PrefectServer, worker_env: dict[str, str], name: str) -> str:
    """Trigger `name` with the CLI and run a one-shot process worker until the run ends."""
    output = run([PREFECT, "deployment", "run", name], server.env)
    match = re.search(r"UUID: ([0-9a-f-]{36})", output)
    assert match, output
    flow_run_id = match.group(1)

    def state() -> str:
        return str(server.get(f"/flow_runs/{flow_run_id}")["state"]["type"])

    worker_output = ""
    deadline = time.monotonic() + 90
    while state() not in TERMINAL and time.monotonic() < deadline:
        # --limit 1: the one-shot worker waits for the run it took before it exits
        worker_output = run([PREFECT, "worker", "start", "--pool", POOL, "--run-once", "--limit", "1"],
                            worker_env, timeout=90)
        wait_for(lambda: state() in TERMINAL, timeout=10)
    final = state()
    if final != "COMPLETED":
        logs = server.post("/logs/filter", {"logs": {"flow_run_id": {"any_": [flow_run_id]}}})
        pytest.fail(f"{name} ended {final}:\n{worker_output}\n" + "\n".join(log["message"] for log in logs))
    return flow_run_id


def verdicts_env(folder: Path) -> dict[str, str]:
    return {
        "VERDICTS_HOME": str(ROOT),  # the pull step's working directory
        "VERDICTS_DATA_DIR": str(folder / "var"),
        "VERDICTS_DATABASE_URL": f"sqlite:///{folder / 'verdicts.db'}",
        "VERDICTS_SOURCES_FILE": str(SAMPLE_SOURCES),  # local files: nothing leaves the machine
        "VERDICTS_DELIVERY_BACKEND": "outbox",
        "VERDICTS_SECRET_KEY": "test-secret",
        "VERDICTS_HOST_GAP_SECONDS": "0",
    }


def test_a_process_worker_runs_ingest_review_compose_and_an_approval_starts_publish(
    prefect_server, deployed, tmp_path
):
    pause_schedules(prefect_server, deployed)
    database = tmp_path / "verdicts.db"
    worker_env = prefect_server.env | verdicts_env(tmp_path)
    run([VERDICTS, "db", "upgrade"], worker_env)

    ingest_id = run_deployment(prefect_server, worker_env, "ingest/ingest-hourly")
    tasks = prefect_server.post("/task_runs/filter", {"flow_runs": {"id": {"any_": [ingest_id]}}})
    sources = load_sources(SAMPLE_SOURCES)
    assert sorted(t["name"] for t in tasks) == sorted(f"ingest-{source.name}" for source in sources)
    assert {t["state"]["type"] for t in tasks} == {"COMPLETED"}

    run_deployment(prefect_server, worker_env, "review/review-after-ingest")
    with sqlite3.connect(database) as connection:
        reviewed = connection.execute("SELECT count(*) FROM panel_reviews").fetchone()[0]
    assert reviewed > 0  # verdicts exist before the weekly compose

    run_deployment(prefect_server, worker_env, "compose/compose-weekly")

    with sqlite3.connect(database) as connection:
        # compose reuses the stored reviews: the same tools and persona files judge nothing anew
        assert connection.execute("SELECT count(*) FROM panel_reviews").fetchone()[0] == reviewed
        launches = connection.execute("SELECT count(*) FROM launches").fetchone()[0]
        issues = connection.execute("SELECT week, status FROM issues").fetchall()
        comparisons = connection.execute("SELECT count(*) FROM comparisons").fetchone()[0]
    assert launches > 0
    assert [status for _, status in issues] == ["draft"] and comparisons >= 1
    assert (tmp_path / "var" / "issues" / issues[0][0] / "issue.html").is_file()

    # An approval asks the server for a publish run at once; a worker sends the issue.
    run([VERDICTS, "subscribers", "add", "ada@example.com", "--active"], worker_env)
    approved = run([VERDICTS, "approve", "1", "--as", "editor@example.com"], worker_env)
    match = re.search(r"publish run ([0-9a-f-]{36}) of publish/publish-approved started", approved)
    assert match, approved
    publish_run = prefect_server.get(f"/flow_runs/{match.group(1)}")
    assert publish_run["deployment_id"] == deployed["publish/publish-approved"]["id"]
    run([PREFECT, "worker", "start", "--pool", POOL, "--run-once", "--limit", "1"], worker_env, timeout=90)
    def publish_state() -> str:
        return str(prefect_server.get(f"/flow_runs/{match.group(1)}")["state"]["type"])

    assert wait_for(lambda: publish_state() == "COMPLETED", timeout=30), publish_state()
    assert len(list((tmp_path / "var" / "outbox").glob("*.eml"))) == 1

    status = run([VERDICTS, "status"], worker_env)  # the last runs, as the server has them
    assert f"last runs (from Prefect at {prefect_server.api_url})" in status
    assert re.search(r"publish +Completed", status) and re.search(r"compose +Completed", status), status


def test_two_process_workers_on_one_pool_run_each_scheduled_run_once(prefect_server, deployed, tmp_path):
    pause_schedules(prefect_server, deployed)
    worker_env = prefect_server.env | verdicts_env(tmp_path) | {"PREFECT_WORKER_QUERY_SECONDS": "1"}
    run([VERDICTS, "db", "upgrade"], worker_env)
    soon = (datetime.now(UTC) + timedelta(seconds=3)).isoformat()
    run_ids = [prefect_server.post(f"/deployments/{deployed[name]['id']}/create_flow_run", {
        "state": {"type": "SCHEDULED", "state_details": {"scheduled_time": soon}}})["id"]
        for name in ("maintain/maintain-daily", "publish/publish-approved") * 2]

    logs = [tmp_path / f"worker-{n}.log" for n in (1, 2)]
    workers = []
    for n, log in enumerate(logs, start=1):
        with log.open("w") as out:
            workers.append(subprocess.Popen(
                [PREFECT, "worker", "start", "--pool", POOL, "--name", f"worker-{n}"], cwd=ROOT,
                env=worker_env, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                start_new_session=True))
    try:
        def states() -> list[str]:
            return [str(prefect_server.get(f"/flow_runs/{rid}")["state"]["type"]) for rid in run_ids]

        finished = wait_for(lambda: all(state in TERMINAL for state in states()), timeout=180, interval=1)
    finally:
        for worker in workers:
            stop(worker)
    assert finished, f"{states()}\n" + "\n".join(log.read_text()[-2000:] for log in logs)
    assert states() == ["COMPLETED"] * 4
    assert [prefect_server.get(f"/flow_runs/{rid}")["run_count"] for rid in run_ids] == [1] * 4
    with sqlite3.connect(tmp_path / "verdicts.db") as connection:
        recorded = [row[0] for row in connection.execute("SELECT flow_run_id FROM runs")]
    assert sorted(recorded) == sorted(run_ids)  # each run ran exactly once, whichever worker took it
    # Both workers may reach for one run (and try again after a concurrency limit sends it back);
    # the server lets one have it. The run's own process, whose output its worker logs, says where.
    ran = [ran_by(log.read_text(), run_ids) for log in logs]
    assert not ran[0] & ran[1] and ran[0] | ran[1] == set(run_ids), ran


def ran_by(log: str, run_ids: list[str]) -> set[str]:
    """The runs whose flow process a worker started, from the worker's log: each run's process
    prints its URL once, 'Flow run NAME - View at …/runs/flow-run/ID'."""
    return {rid for rid in run_ids if f"/runs/flow-run/{rid}" in log}
