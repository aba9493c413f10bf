"""Web benchmark: one-click unsubscribe, a vote, and a comparison page under wrk, on PostgreSQL.

    .venv/bin/python bench/web.py [--duration 30] [--workers 2] [--connections 32] [--subscribers 2000]

The server runs as the README tells operators to run it: `verdicts web --workers N` (uvicorn with
its worker processes, httptools and uvloop), against a fresh PostgreSQL database holding the
bundled sample week (ingested, composed, approved, marked sent) and --subscribers active readers.
Each endpoint is loaded by wrk (Debian's `wrk`: a compiled load generator, not a Python client
sharing the cores) for --duration seconds, its URLs spread over every reader:
  - POST /unsubscribe/<token>  (RFC 8058 one-click: the first hit unsubscribes, the rest repeat it)
  - POST /vote/<token>         (each reader's ship and skip links in turn: every hit changes a vote)
  - GET  /compare/<a>-vs-<b>   (live community votes)
Each endpoint first gets --warmup seconds of the same load, not counted (a fresh worker compiles
its templates and builds the issue's view on its first requests).
Prints requests/s, p50/p99 latency and the count of 5xx per endpoint, and the CPU each request
costs, which does not depend on what else the machine runs: the app's (the server process and its
workers), PostgreSQL's (the backends connected to the bench's database) and wrk's own. From their
sum, the requests/s two otherwise idle cores would serve. Target on the project's 2-core machine:
>= 500 requests/s at p99 <= 100 ms, and no 5xx.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, insert, text  # noqa: E402
from sqlmodel import Session  # noqa: E402

from db.engine import upgrade  # noqa: E402
from db.models import NewsletterIssue, Subscriber, utcnow  # noqa: E402
from db.states import IssueStatus, SubscriberStatus  # noqa: E402
from emails.personalise import unsubscribe_url, vote_url  # noqa: E402
from emails.tokens import VoteClaim  # noqa: E402
from verdicts.settings import SAMPLES_DIR, Settings  # noqa: E402

PG_ADMIN = os.environ.get("VERDICTS_BENCH_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
SECRET = "bench-" + "s" * 40
TARGET_RPS, TARGET_P99_MS = 500, 100.0

LUA = r"""
local paths, method, body = {}, "%(method)s", %(body)s
for line in io.lines("%(paths)s") do paths[#paths + 1] = line end
local counter, threads = 0, {}
errors = 0  -- a global: done() reads each thread's with thread:get
function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end
function init(args)
  counter = id * 7919
end
function request()
  counter = counter + 1
  local path = paths[(counter %% #paths) + 1]
  local headers = {}
  if body then headers["Content-Type"] = "application/x-www-form-urlencoded" end
  return wrk.format(method, path, headers, body)
end
function response(status, headers, resp_body)
  if status >= 500 then errors = errors + 1 end
end
function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + (thread:get("errors") or 0) end
  io.write(string.format("BENCH p50=%%d p99=%%d errors5xx=%%d\n",
           latency:percentile(50), latency:percentile(99), total))
end
"""


def links_for(
    settings: Settings, subscriber_id: int, comparison_id: int, tool_id: int
) -> dict[str, list[str]]:
    """The one place links are minted (the delivery issue changes their token format)."""
    claims = [VoteClaim(subscriber_id, comparison_id, tool_id, d) for d in ("ship", "skip")]
    return {"unsubscribe": [unsubscribe_url(settings, subscriber_id)],
            "vote": [vote_url(settings, claim) for claim in claims]}


def path_of(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def create_database() -> str:
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    name = f"verdicts_bench_{uuid.uuid4().hex[:8]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return PG_ADMIN.rsplit("/", 1)[0] + f"/{name}"


def drop_database(url: str) -> None:
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)'))
    admin.dispose()


def seed(settings: Settings, readers: int) -> tuple[str, dict[str, list[str]]]:
    """The sample week, approved and marked sent, and `readers` active subscribers per link kind;
    (the comparison page's path, the link paths by kind)."""
    from db import queries
    from editorial.issues import approve_issue
    from editorial.weeks import current_week
    from verdicts import stages
    from web.site import Catalog

    stages.ingest_all(settings, SAMPLES_DIR / "sources.toml")
    issue_id = stages.compose(settings, current_week()).result.issue_id
    engine = stages.engine_for(settings)
    with Session(engine) as session:
        approve_issue(session, issue_id=issue_id, editor="bench@example.com", settings=settings)
        issue = session.get(NewsletterIssue, issue_id)
        issue.status, issue.sent_at = IssueStatus.SENT, utcnow()  # as if mailed: the bench is the web
        rows = [{"email": f"reader{n}@example.com", "status": SubscriberStatus.ACTIVE.value,
                 "created_at": utcnow(), "confirmed_at": utcnow()} for n in range(2 * readers)]
        session.execute(insert(Subscriber), rows)
        session.commit()
        comparison = queries.comparisons_of(session, issue_id=issue_id)[0]
        ids = [s.id for s in queries.list_subscribers(session)]
        catalog = Catalog(settings.public_base_url)
        [public] = catalog.issues(session)
        page = public.comparisons[0].path
    links: dict[str, list[str]] = {"unsubscribe": [], "vote": []}
    for n, subscriber_id in enumerate(ids):
        minted = links_for(settings, subscriber_id, comparison.id, comparison.tool_a_id)
        kind = "vote" if n % 2 else "unsubscribe"  # separate readers: the unsubscribed cannot vote
        links[kind].extend(path_of(u) for u in minted[kind])
    return page, links


def start_server(env: dict[str, str], port: int, workers: int) -> subprocess.Popen[bytes]:
    command = [str(ROOT / ".venv" / "bin" / "verdicts"), "web", "--host", "127.0.0.1", "--port", str(port),
               "--workers", str(workers)]
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.3)
    server.terminate()
    raise SystemExit(f"the server did not start: {server.stderr.read().decode() if server.stderr else ''}")


def cpu_seconds(pid: int) -> float:
    """User + system CPU of `pid` and its live descendants (the uvicorn workers), in seconds."""
    tick = os.sysconf("SC_CLK_TCK")
    total, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
            for task in Path(f"/proc/{current}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


def backend_pids(url: str) -> set[int]:
    """The PostgreSQL backends connected to the database of `url` (the server's pooled connections)."""
    admin = create_engine(PG_ADMIN)
    with admin.connect() as connection:
        rows = connection.execute(text("SELECT pid FROM pg_stat_activity WHERE datname = :name"),
                                  {"name": url.rsplit("/", 1)[1]}).all()
    admin.dispose()
    return {int(pid) for (pid,) in rows}


def process_cpu(pids: set[int]) -> dict[int, float]:
    """CPU seconds (user + system) of each live process in `pids` (PostgreSQL's backends are
    processes on this machine)."""
    tick = os.sysconf("SC_CLK_TCK")
    found = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError):
            continue
        found[pid] = (int(fields[11]) + int(fields[12])) / tick
    return found


def children_cpu() -> float:
    """CPU seconds of this process's finished children (each wrk run)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_wrk(url: str, paths: list[str], *, method: str, body: str | None, seconds: int, connections: int,
            folder: Path) -> dict[str, float]:
    paths_file, script = folder / f"{method}-{len(paths)}.txt", folder / f"{method}-{len(paths)}.lua"
    paths_file.write_text("\n".join(paths) + "\n")
    script.write_text(LUA % {"method": method, "body": f'"{body}"' if body else "nil", "paths": paths_file})
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", str(script), url]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"wrk failed: {result.stderr or result.stdout}")
    out = result.stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1])
    bench = re.search(r"BENCH p50=(\d+) p99=(\d+) errors5xx=(\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    return {"rps": rps, "p50": int(bench[1]) / 1000, "p99": int(bench[2]) / 1000, "5xx": int(bench[3]),
            "socket_errors": socket_errors[1] if socket_errors else "none"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=int, default=30)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--subscribers", type=int, default=2000)
    parser.add_argument("--warmup", type=int, default=2, help="seconds of uncounted load per endpoint")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install -y wrk")
    url = create_database()
    folder = Path(tempfile.mkdtemp(prefix="verdicts-bench-web-"))
    env = {**os.environ, "VERDICTS_DATABASE_URL": url, "VERDICTS_SECRET_KEY": SECRET,
           "VERDICTS_DATA_DIR": str(folder / "var"), "VERDICTS_PUBLIC_BASE_URL": "http://127.0.0.1"}
    server = None
    try:
        upgrade(url)
        settings = Settings(database_url=url, secret_key=SECRET, data_dir=folder / "var",
                            public_base_url="http://127.0.0.1")
        page, links = seed(settings, args.subscribers)
        port = free_port()
        server = start_server(env, port, args.workers)
        base = f"http://127.0.0.1:{port}"
        print(f"server: verdicts web --workers {args.workers} on PostgreSQL; wrk -t2 -c{args.connections} "
              f"-d{args.duration}s after {args.warmup}s of warm-up; {len(links['vote']) // 2} voters, "
              f"{len(links['unsubscribe'])} unsubscribers")
        print(f"load average before: {os.getloadavg()[0]:.1f} (the machine's other work shares its 2 cores)")
        print(f"{'endpoint':<26} {'req/s':>7} {'p50 ms':>7} {'p99 ms':>7} {'5xx':>4}  "
              f"{'CPU ms/req: app':>15} {'pg':>5} {'wrk':>5}  {'2 idle cores':>12}  target")
        loads = [("POST one-click unsubscribe", links["unsubscribe"], "POST", "List-Unsubscribe=One-Click"),
                 ("POST vote", links["vote"], "POST", None),
                 ("GET compare page", [page], "GET", None),
                 ("GET /robots.txt (floor)", ["/robots.txt"], "GET", None)]  # no database: the stack alone
        for name, paths, method, body in loads:
            load = {"method": method, "body": body, "connections": args.connections, "folder": folder}
            if args.warmup:
                run_wrk(base + paths[0], paths, seconds=args.warmup, **load)
            pids = backend_pids(url)
            app_before, pg_before, wrk_before = cpu_seconds(server.pid), process_cpu(pids), children_cpu()
            row = run_wrk(base + paths[0], paths, seconds=args.duration, **load)
            requests = max(row["rps"] * args.duration, 1)
            pids |= backend_pids(url)  # a backend opened during the run counts from zero
            pg_after = process_cpu(pids)
            app = 1000 * (cpu_seconds(server.pid) - app_before) / requests
            pg = 1000 * sum(cpu - pg_before.get(pid, 0.0) for pid, cpu in pg_after.items()) / requests
            wrk = 1000 * (children_cpu() - wrk_before) / requests
            met = row["rps"] >= TARGET_RPS and row["p99"] <= TARGET_P99_MS and row["5xx"] == 0
            print(f"{name:<26} {row['rps']:>7.0f} {row['p50']:>7.1f} {row['p99']:>7.1f} {row['5xx']:>4}  "
                  f"{app:>15.2f} {pg:>5.2f} {wrk:>5.2f}  {2000 / (app + pg + wrk):>8.0f}/s  "
                  f"{'met' if met else 'MISSED'} (>= {TARGET_RPS}/s, p99 <= {TARGET_P99_MS:.0f} ms, no 5xx)"
                  + ("" if row["socket_errors"] == "none" else f"; socket errors: {row['socket_errors']}"))
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        drop_database(url)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
