"""Ingest benchmark: the whole stage against feedparser alone, and a re-run of unchanged feeds.

    .venv/bin/python bench/ingest.py [--entries 800] [--sources 200] [--repeat 9] [--skip-dask]

1. A feed of N entries of our own making (HTML summaries, tracking parameters, facts to find) is
   served over loopback HTTP. The full stage (fetch, parse, normalise, resolve, extract, store in a
   fresh SQLite file) is timed against `feedparser.parse` on the same bytes as the project calls it
   (a stream, sanitize_html=False, resolve_relative_uris=False: read_feed's fallback, and its only
   parser when the issue was filed), in the same run; the median of --repeat runs of each is
   compared. Target: ratio <= 1.5. feedparser's defaults (sanitising and rewriting URIs, nearly
   twice as slow) are printed beside it: the baseline of figures before 2026-12-01 evening.
2. --sources feeds, each on its own loopback host (127.0.0.x: the per-host gap applies as in
   production, one source per host), are ingested once, then again: every one answers 304.
   Both runs go through `ingest_many` with the default 8 workers, as `verdicts ingest` does. The
   re-run starts once the per-host gap since the first run has passed, as an hourly re-run's
   would have: otherwise the last hosts of the first run wait out their gap inside the re-run
   and the figure measures the gap, not the work.
   Target: >= 200 sources/s on the re-run.
3. Each step of the stage on the same body (fetch, the feed parser as read_feed calls it:
   fastfeedparser, or feedparser where it falls back; normalising and classifying, fact extraction,
   resolving and storing), and its share of the whole, beside feedparser alone. Which parser read
   each body parsed in this process is counted and printed at the end.
4. The CLI end to end: `verdicts ingest --force` of --sources unchanged sources (all 304) in a
   fresh process, start-up included, and `verdicts --help` / `verdicts ingest --help`.
   Target: --help <= 0.3 s.
5. The ingest flow on the same 800 entries (8 sources of 100) with the thread runner and with a
   local Dask cluster of two workers (prefect-dask), under a temporary Prefect server.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import multiprocessing
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing.connection import Connection
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import feedparser  # noqa: E402

from db import queries  # noqa: E402
from db.engine import get_engine, session_scope, upgrade  # noqa: E402
from scrapers import fastparse, isolation  # noqa: E402
from scrapers.facts import launch_facts  # noqa: E402
from scrapers.feeds import to_launch  # noqa: E402
from scrapers.fetch import FetchPolicy, get, make_client  # noqa: E402
from scrapers.ingest import IngestOptions, ingest_many, ingest_source, store_launches  # noqa: E402
from scrapers.sources import SourceConfig  # noqa: E402

BIN = Path(sys.executable).parent
PARSERS: Counter[str] = Counter()  # which parser read each body parsed in this process
_fast_parse = fastparse.parse


def _counted_parse(body: bytes, content_type: str | None = None):
    parsed = _fast_parse(body, content_type)
    PARSERS["fastfeedparser" if parsed is not None else "feedparser (fallback)"] += 1
    return parsed


fastparse.parse = _counted_parse  # read_feed looks it up on the module at each call

WORKERS = 8  # the default of VERDICTS_INGEST_WORKERS
WORDS = (
    "pixel", "quill", "ledger", "trace", "sluice", "murmur", "kestrel", "lumen", "cadence",
    "sieve", "grove", "relay", "ember", "forge", "harbor", "atlas", "vector", "prism", "orbit",
    "tandem", "cobalt", "flint", "meadow", "summit", "beacon",
)
KINDS = ["code model", "writing assistant", "meeting notes app", "video dubbing tool",
         "spreadsheet copilot", "LLM gateway", "research assistant", "voice model"]
FACTS = [
    "The weights are on Hugging Face under Apache 2.0, with {p}B parameters and a 128K context.",
    "Pricing starts at ${d}/month, with a free tier for individuals.",
    "It needs {v}GB VRAM and runs on a single consumer GPU.",
    "The vendor reports it beats GPT-4o on HumanEval according to its internal evals.",
    "It is open source under the MIT license and free to self-host.",
]


def make_feed(entries: int, seed: int = 7) -> bytes:
    """An RSS feed of `entries` launches of our own making."""
    rng = random.Random(seed)
    items = []
    for n in range(entries):
        name = f"{rng.choice(WORDS).title()}{rng.choice(WORDS)} {n}"
        kind = rng.choice(KINDS)
        facts = " ".join(rng.sample(FACTS, 2)).format(p=rng.choice([7, 12, 22, 70]),
                                                      d=rng.choice([9, 19, 29]), v=rng.choice([8, 24]))
        summary = (f"<p><b>{name}</b> is an AI {kind} for teams. {facts}</p>"
                   f"<p><a href='https://example.com/{n}'>Read more</a></p>")
        link = f"https://{name.split()[0].lower()}{n}.example/?utm_source=feed&utm_medium=rss&ref=bench"
        items.append(
            f"<item><title>{escape(name)} - an AI {kind}</title><link>{escape(link)}</link>"
            f"<guid>bench-{n}</guid><pubDate>Mon, 23 Nov 2026 {n % 24:02d}:{n % 60:02d}:00 GMT</pubDate>"
            f"<description>{escape(summary)}</description></item>"
        )
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Bench</title>'
            f'<link>https://bench.example/</link>{"".join(items)}</channel></rss>').encode()


class Server:
    """Serves one body with an ETag and answers If-None-Match with 304, on one loopback address."""

    def __init__(self, body: bytes, host: str = "127.0.0.1") -> None:
        etag = '"' + hashlib.sha1(body).hexdigest() + '"'

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("ETag", etag)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer((host, 0), Handler)
        self.url = f"http://{host}:{self.httpd.server_address[1]}/feed"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def _serve(body: bytes, hosts: list[str], pipe: Connection) -> None:
    servers = [Server(body, host) for host in hosts]
    pipe.send([server.url for server in servers])
    pipe.recv()  # serve until told to stop
    for server in servers:
        server.close()


@contextmanager
def served(body: bytes, hosts: list[str]) -> Iterator[list[str]]:
    """Serve `body` on each loopback host from another process (so that serving costs the
    measured process nothing, as a real remote server would); yield their URLs."""
    ours, theirs = multiprocessing.Pipe()
    # spawn, not fork: a forked child would leave the measured process paying copy-on-write faults
    process = multiprocessing.get_context("spawn").Process(target=_serve, args=(body, hosts, theirs))
    process.start()
    try:
        yield ours.recv()
    finally:
        ours.send("stop")
        process.join(timeout=10)


def fresh_engine(folder: Path, name: str):
    url = f"sqlite:///{folder / name}"
    upgrade(url)
    return get_engine(url)


def time_full_stage(body: bytes, folder: Path, run: int) -> float:
    engine = fresh_engine(folder, f"full-{run}.db")
    options = IngestOptions(fetch=FetchPolicy(host_gap=0, attempts=1), force=True)
    client = make_client(user_agent="VerdictsBench/1", timeout=30)
    with served(body, ["127.0.0.1"]) as [url], client:
        start = time.perf_counter()
        summary = ingest_source(SourceConfig(name="bench", url=url), engine=engine,
                                client=client, options=options)
        elapsed = time.perf_counter() - start
    assert summary.status == "fetched", summary
    return elapsed


def time_feedparser(body: bytes, *, defaults: bool = False) -> float:
    """`feedparser.parse` as the project calls it (scrapers.feeds.read_feed's fallback: a stream, no
    sanitising, no URI rewriting), the target's baseline; with `defaults`, as feedparser's own
    defaults parse (sanitising and rewriting too: nearly twice as slow, so a kinder baseline)."""
    start = time.perf_counter()
    if defaults:
        parsed = feedparser.parse(body)
    else:
        parsed = feedparser.parse(io.BytesIO(body), sanitize_html=False, resolve_relative_uris=False)
    elapsed = time.perf_counter() - start
    assert parsed.entries
    return elapsed


def rerun_rate(count: int, folder: Path, run: int) -> tuple[float, int]:
    body = make_feed(5, seed=11)
    hosts = [f"127.0.{1 + n // 250}.{1 + n % 250}" for n in range(1, count + 1)]
    engine = fresh_engine(folder, f"rerun-{run}.db")
    options = IngestOptions(fetch=FetchPolicy(attempts=1), force=True)  # the default 1 s per-host gap
    with served(body, hosts) as urls, make_client(user_agent="VerdictsBench/1", timeout=30) as client:
        sources = [SourceConfig(name=f"s{n}", url=url) for n, url in enumerate(urls)]
        ingest_many(sources, engine=engine, client=client, options=options, workers=WORKERS)
        time.sleep(options.fetch.host_gap)
        start = time.perf_counter()
        statuses = [s.status for s in ingest_many(sources, engine=engine, client=client,
                                                   options=options, workers=WORKERS)]
        elapsed = time.perf_counter() - start
    return count / elapsed, statuses.count("not_modified")


def parse_as_the_project_does(body: bytes):
    """The parse step exactly as scrapers.feeds.read_feed takes it: fastfeedparser, else feedparser."""
    body = isolation.readable_feed_body(body)
    return fastparse.parse(body) or feedparser.parse(io.BytesIO(body), sanitize_html=False,
                                                      resolve_relative_uris=False)


def step_shares(body: bytes, folder: Path, repeat: int) -> None:
    """Each step's median time over `repeat` runs, and its share of their sum."""
    steps: dict[str, list[float]] = {name: [] for name in
                                     ("fetch", "parse", "normalise + classify", "facts",
                                      "resolve + store")}
    alone_times = []
    client = make_client(user_agent="VerdictsBench/1", timeout=30)
    source = SourceConfig(name="bench", url="http://127.0.0.1/")
    with served(body, ["127.0.0.1"]) as [url], client:
        for run in range(repeat):
            start = time.perf_counter()
            get(url, client=client, headers={}, policy=FetchPolicy())
            steps["fetch"].append(time.perf_counter() - start)
            start = time.perf_counter()
            parsed = parse_as_the_project_does(body)
            steps["parse"].append(time.perf_counter() - start)
            alone_times.append(time_feedparser(body))
            start = time.perf_counter()
            records = [r for entry in parsed.entries if (r := to_launch(entry, source="bench"))]
            steps["normalise + classify"].append(time.perf_counter() - start)
            start = time.perf_counter()
            # the facts exactly as storing reads them; handed to it below, so it reads none again
            facts = {r.guid: launch_facts(r) for r in records if r.kind != "other"}
            steps["facts"].append(time.perf_counter() - start)
            engine = fresh_engine(folder, f"steps-{run}.db")
            with session_scope(engine) as session:
                source_id = queries.get_or_create_source(session, name="bench", kind="feed",
                                                         url=source.url).id
            start = time.perf_counter()
            with session_scope(engine) as session:
                store_launches(session, source=source, source_id=source_id, records=records,
                               facts_ahead=facts)
            steps["resolve + store"].append(time.perf_counter() - start)
    medians = {name: statistics.median(times) for name, times in steps.items()}
    total = sum(medians.values())
    alone = statistics.median(alone_times)
    print(f"steps (median of {repeat}; feedparser.parse as the project calls it {alone * 1000:.1f} ms):")
    for name, seconds in medians.items():
        print(f"  {name:<22} {seconds * 1000:7.1f} ms  {seconds / total:6.1%} of the stage  "
              f"{seconds / alone:5.2f}x feedparser")
    print(f"  {'sum':<22} {total * 1000:7.1f} ms  = {total / alone:.2f}x feedparser.parse   (target <= 1.5)")


def median_wall(args: list[str], env: dict[str, str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def cli_figures(count: int, folder: Path) -> None:
    """`verdicts ingest` of `count` unchanged sources in a fresh process, and --help."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("VERDICTS_")} | {
        "VERDICTS_DATABASE_URL": f"sqlite:///{folder / 'cli.db'}", "VERDICTS_DATA_DIR": str(folder / "var")}
    verdicts = str(BIN / "verdicts")
    baseline = median_wall([sys.executable, "-c", "pass"], env, 7)
    print(f"{'python -c pass':<24}: median {baseline * 1000:5.0f} ms (the interpreter alone: the floor)")
    for args in ([verdicts, "--help"], [verdicts, "ingest", "--help"]):
        print(f"{' '.join(['verdicts', *args[1:]]):<24}: median {median_wall(args, env, 7) * 1000:5.0f} ms "
              "(a fresh process, 7 runs)   (target <= 300 ms)")
    body = make_feed(5, seed=11)
    hosts = [f"127.0.{1 + n // 250}.{1 + n % 250}" for n in range(1, count + 1)]
    with served(body, hosts) as urls:
        sources = folder / "cli-sources.toml"
        sources.write_text("".join(f'[[source]]\nname = "s{n}"\nurl = "{url}"\n'
                                   for n, url in enumerate(urls)))
        subprocess.run([verdicts, "db", "upgrade"], env=env, check=True, stdout=subprocess.DEVNULL)
        first = [verdicts, "ingest", "--sources", str(sources)]
        subprocess.run(first, env=env, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        rerun = median_wall([*first, "--force"], env, 3)
    print(f"CLI re-run, unchanged: `verdicts ingest --force` of {count} sources (all 304), process start "
          f"included: median {rerun:.2f} s ({count / rerun:.0f} sources/s), 3 runs")


def dask_figures(folder: Path) -> None:
    """The ingest flow on 800 entries in 8 sources: thread runner vs a local Dask cluster."""
    os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    from prefect.task_runners import ThreadPoolTaskRunner
    from prefect.testing.utilities import prefect_test_harness
    from prefect_dask import DaskTaskRunner

    from verdicts.settings import get_settings

    feeds = []
    for n in range(8):
        path = folder / f"dask-{n}.rss"
        path.write_bytes(make_feed(100, seed=100 + n).replace(b"bench-", f"bench{n}-".encode()))
        feeds.append(path)
    sources = folder / "dask-sources.toml"
    sources.write_text("".join(f'[[source]]\nname = "d{n}"\nurl = "{p}"\n' for n, p in enumerate(feeds)))

    with prefect_test_harness(server_startup_timeout=120):
        from flows.ingest import ingest_flow

        results = {}
        for name, runner in (("threads", lambda: ThreadPoolTaskRunner(max_workers=8)),
                             ("dask (2 local workers)", lambda: DaskTaskRunner(cluster_kwargs={
                                 "n_workers": 2, "threads_per_worker": 4, "processes": True,
                                 "dashboard_address": None}))):
            times = []
            for run in range(3):
                url = f"sqlite:///{folder / f'dask-{name[:4]}-{run}.db'}"
                upgrade(url)
                os.environ["VERDICTS_DATABASE_URL"] = url
                get_settings.cache_clear()
                start = time.perf_counter()
                summaries = ingest_flow.with_options(task_runner=runner())(str(sources), True)
                times.append(time.perf_counter() - start)
                assert sum(s["new_launches"] for s in summaries) == 800, summaries
            results[name] = times
        for name, times in results.items():
            print(f"ingest flow, 800 entries in 8 sources, {name:<22}: median "
                  f"{statistics.median(times):5.2f} s, best {min(times):5.2f} s "
                  "(3 runs; the Dask figure includes starting its cluster)")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=800)
    parser.add_argument("--sources", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--skip-dask", action="store_true", help="leave out the flow runs (needs a server)")
    args = parser.parse_args()
    body = make_feed(args.entries)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        time_full_stage(body, folder, -1)  # warm-up: imports and caches, as in a long-lived worker
        full, alone, defaults = [], [], []
        for n in range(args.repeat):  # interleaved, so that drift in the machine's speed hits all
            full.append(time_full_stage(body, folder, n))
            alone.append(time_feedparser(body))
            defaults.append(time_feedparser(body, defaults=True))
        full_s, alone_s, defaults_s = (statistics.median(times) for times in (full, alone, defaults))
        print(f"feed: {args.entries} entries, {len(body) / 1024:.0f} KiB, {args.repeat} interleaved runs")
        print(f"full stage     : median {full_s * 1000:7.1f} ms ({args.entries / full_s:5.0f} entries/s), "
              f"best {min(full) * 1000:7.1f} ms")
        print(f"feedparser.parse as the project calls it (stream, no sanitising, no URI rewriting): "
              f"median {alone_s * 1000:7.1f} ms, best {min(alone) * 1000:7.1f} ms")
        print(f"ratio          : median {full_s / alone_s:.2f}, best-to-best {min(full) / min(alone):.2f}"
              "   (target <= 1.5)")
        print(f"  beside feedparser.parse(body) with its defaults ({defaults_s * 1000:.1f} ms, the "
              f"baseline of earlier figures): {full_s / defaults_s:.2f}")
        rates = [rerun_rate(args.sources, folder, n) for n in range(3)]
        rate, not_modified = statistics.median(r for r, _ in rates), min(n for _, n in rates)
        print(f"re-run, unchanged: {args.sources} sources, {not_modified} answered 304, "
              f"{rate:.0f} sources/s, median of 3   (target >= 200)")
        step_shares(body, folder, args.repeat)
        cli_figures(args.sources, folder)
        if not args.skip_dask:
            dask_figures(folder)
    print("parser per body parsed in this process (full stage and steps; the CLI's are in its own): "
          + ", ".join(f"{name} {count}" for name, count in sorted(PARSERS.items())))


if __name__ == "__main__":
    main()
