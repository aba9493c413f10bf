"""Each way a source can misbehave, against a loopback server that misbehaves on purpose:
the failure is recorded on the source with a reason, the run goes on, nothing stored is lost."""

from __future__ import annotations

import datetime as dt
import gzip
import ssl
import threading
import time
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlmodel import Session, func, select

from db.models import Launch, Source, utcnow
from scrapers.fetch import MAX_BODY_BYTES, FetchPolicy, make_client, retry_after_seconds
from scrapers.ingest import IngestOptions, ingest_source
from scrapers.schedule import SchedulePolicy
from scrapers.sources import SourceConfig
from tests.servers.feed_server import FeedServer

UA = "VerdictsBot/test (+https://verdicts.example.com/bot)"
QUICK = FetchPolicy(host_gap=0, attempts=3, retry_wait=0, max_seconds=5)
SCHEDULE = SchedulePolicy(min_interval=dt.timedelta(minutes=15),
                          backoff_base=dt.timedelta(minutes=30))


def rss(*items: str, extra: str = "") -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'
        f'<link>https://example.com/</link>{extra}{"".join(items)}</channel></rss>'
    ).encode()


def item(title: str, link: str | None = None, guid: str | None = None, body: str = "An AI model") -> str:
    parts = [f"<title>{title}</title>", f"<description>{body}</description>"]
    if link:
        parts.append(f"<link>{link}</link>")
    if guid:
        parts.append(f"<guid>{guid}</guid>")
    return "<item>" + "".join(parts) + "</item>"


GOOD = rss(item("Alpha AI - an AI model", "https://alpha.example/"),
           item("Beta AI - another AI model", "https://beta.example/"))


@pytest.fixture
def server():
    with FeedServer() as s:
        yield s


def ingest(engine, url: str, *, name: str = "src", policy: FetchPolicy = QUICK, force: bool = True,
           now: dt.datetime | None = None, timeout: float = 5):
    with make_client(user_agent=UA, timeout=timeout) as client:
        return ingest_source(SourceConfig(name=name, url=url), engine=engine, client=client,
                             options=IngestOptions(fetch=policy, schedule=SCHEDULE, force=force),
                             now=now)


def source_row(engine, name: str = "src") -> Source:
    with Session(engine) as session:
        return session.exec(select(Source).where(Source.name == name)).one()


def launches(engine) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(Launch)).one()


def respond(status: int, body: bytes = b"", headers: dict[str, str] | None = None):
    def handler(h: BaseHTTPRequestHandler) -> None:
        h.send_response(status)
        for key, value in (headers or {}).items():
            h.send_header(key, value)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    return handler


# --- what comes back is not a good feed ----------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"<html><head><title>Shop</title></head><body><p>Sale!</p></body></html>", "not"),
        (b"\x00\x01\x02 binary garbage \xff\xfe", "not"),
        (b"", "not"),
    ],
)
def test_bodies_that_are_not_feeds_fail_with_a_reason(engine, server, body, reason):
    server.routes["/feed"] = GOOD
    ingest(engine, server.url + "/feed")
    server.routes["/feed"] = body
    summary = ingest(engine, server.url + "/feed")
    assert summary.status == "failed" and reason in summary.error
    assert source_row(engine).last_error == summary.error
    assert launches(engine) == 2  # nothing already stored is lost


def test_malformed_xml_is_recovered_with_a_warning(engine, server):
    server.routes["/feed"] = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
                              b"<item><title>Omega AI - an AI model</title><link>https://omega.example/</link>"
                              b"</item><item><title>Broken & unescaped</title></channel>")
    summary = ingest(engine, server.url + "/feed")
    assert (summary.status, summary.new_launches) == ("fetched", 2)
    assert "malformed" in source_row(engine).last_error


def test_an_empty_feed_is_fine(engine, server):
    server.routes["/feed"] = rss()
    summary = ingest(engine, server.url + "/feed")
    assert (summary.status, summary.new_launches) == ("fetched", 0)


def test_entries_without_links_or_dates_and_duplicate_guids(engine, server):
    server.routes["/feed"] = rss(
        item("No Link AI - a model without a link"),
        item("Gamma AI - first", "https://gamma.example/", guid="same"),
        item("Gamma AI - repeated guid", "https://gamma.example/again", guid="same"),
        item("", "https://delta.example/"),
    )
    summary = ingest(engine, server.url + "/feed")
    assert (summary.status, summary.new_launches, summary.duplicates) == ("fetched", 3, 1)
    with Session(engine) as session:
        rows = session.exec(select(Launch).order_by(Launch.id)).all()
    assert rows[0].url is None and rows[0].published_at is None
    assert rows[2].tool_name == "delta.example"  # no title: named after its link


def test_an_enormous_entry_is_stored_trimmed(engine, server):
    server.routes["/feed"] = rss(item("Huge AI - a model", "https://huge.example/", body="word " * 400_000))
    summary = ingest(engine, server.url + "/feed")
    assert summary.new_launches == 1
    with Session(engine) as session:
        row = session.exec(select(Launch)).one()
    assert len(row.summary) <= 5000


# --- the transport misbehaves --------------------------------------------------------------------


def test_a_redirect_loop_is_refused(engine, server):
    server.custom["/loop"] = respond(302, headers={"Location": "/loop2"})
    server.custom["/loop2"] = respond(302, headers={"Location": "/loop"})
    summary = ingest(engine, server.url + "/loop")
    assert summary.status == "failed" and "redirect" in summary.error
    assert len(server.requests) <= 6  # follows at most 5 redirects, never forever


def test_an_unresolvable_host_fails_with_a_reason(engine):
    summary = ingest(engine, "http://no-such-host.invalid/feed", policy=FetchPolicy(host_gap=0, attempts=1))
    assert summary.status == "failed" and "cannot connect" in summary.error


def test_a_timeout_fails_with_a_reason_and_is_retried(engine, server):
    def slow(h: BaseHTTPRequestHandler) -> None:
        time.sleep(1.0)
        respond(200, GOOD)(h)

    server.custom["/slow"] = slow
    summary = ingest(engine, server.url + "/slow", timeout=0.3,
                     policy=FetchPolicy(host_gap=0, attempts=2, retry_wait=0))
    assert summary.status == "failed" and "timed out" in summary.error
    assert len(server.requests) == 2


def test_a_declared_gigabyte_is_refused_unread(engine, server):
    def huge(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Length", str(1 << 30))
        h.end_headers()
        h.wfile.write(b"<rss>" + b" " * 1024)

    server.custom["/huge"] = huge
    summary = ingest(engine, server.url + "/huge")
    assert summary.status == "failed" and "over the" in summary.error and str(1 << 30) in summary.error


def test_an_endless_body_is_cut_at_the_cap(engine, server):
    def endless(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.end_headers()  # no length: HTTP/1.0 style, read until the server closes
        chunk = b"<item>" + b"x" * 65536
        try:
            for _ in range((MAX_BODY_BYTES // len(chunk)) + 50):
                h.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass

    server.custom["/endless"] = endless
    summary = ingest(engine, server.url + "/endless")
    assert summary.status == "failed" and "cap" in summary.error


def test_a_gzip_bomb_is_refused_as_it_inflates(engine, server):
    bomb = gzip.compress(b"\0" * (MAX_BODY_BYTES * 5), compresslevel=9)
    assert len(bomb) < MAX_BODY_BYTES // 100
    server.custom["/bomb"] = respond(200, bomb, {"Content-Encoding": "gzip"})
    summary = ingest(engine, server.url + "/bomb")
    assert summary.status == "failed" and "once decoded" in summary.error


@pytest.fixture
def tls_server(tmp_path: Path):
    """An HTTPS server on loopback whose certificate nobody trusts."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(1).not_valid_before(now).not_valid_after(now + dt.timedelta(days=1))
            .sign(key, hashes.SHA256()))
    (tmp_path / "c.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (tmp_path / "k.pem").write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            respond(200, GOOD)(self)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(tmp_path / "c.pem", tmp_path / "k.pem")
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"https://127.0.0.1:{httpd.server_address[1]}/feed"
    httpd.shutdown()
    httpd.server_close()


def test_an_untrusted_certificate_fails_with_a_reason(engine, tls_server):
    summary = ingest(engine, tls_server, policy=FetchPolicy(host_gap=0, attempts=1))
    assert summary.status == "failed" and "TLS failure" in summary.error
    assert launches(engine) == 0


# --- the server tells us when to come back -------------------------------------------------------


def test_429_retry_after_is_honoured_not_retried(engine, server):
    server.custom["/feed"] = respond(429, b"slow down", {"Retry-After": "7200"})
    now = utcnow()
    summary = ingest(engine, server.url + "/feed", now=now)
    assert summary.status == "failed" and "HTTP 429" in summary.error
    assert len(server.requests) == 1  # no hammering: we come back when told
    row = source_row(engine)
    assert row.next_fetch_at - now == dt.timedelta(hours=2)
    skipped = ingest(engine, server.url + "/feed", force=False, now=now + dt.timedelta(hours=1))
    assert skipped.status == "skipped" and len(server.requests) == 1


def test_503_with_an_http_date_retry_after(engine, server):
    now = utcnow().replace(microsecond=0)
    when = format_datetime(now + dt.timedelta(hours=3), usegmt=True)
    server.custom["/feed"] = respond(503, b"", {"Retry-After": when})
    ingest(engine, server.url + "/feed", now=now)
    delta = source_row(engine).next_fetch_at - now
    assert dt.timedelta(hours=2, minutes=59) <= delta <= dt.timedelta(hours=3)


def test_server_errors_are_retried_then_backed_off_exponentially(engine, server):
    server.custom["/feed"] = respond(500)
    now = utcnow()
    waits = []
    for _ in range(3):
        summary = ingest(engine, server.url + "/feed", now=now)
        assert summary.status == "failed" and "HTTP 500" in summary.error
        waits.append(source_row(engine).next_fetch_at - now)
    assert len(server.requests) == 9  # three tries per run
    assert waits == [dt.timedelta(minutes=30), dt.timedelta(hours=1), dt.timedelta(hours=2)]
    assert source_row(engine).error_count == 3
    server.custom.clear()
    server.routes["/feed"] = GOOD
    assert ingest(engine, server.url + "/feed").status == "fetched"
    assert source_row(engine).error_count == 0


def test_cache_control_max_age_sets_the_next_fetch(engine, server):
    server.custom["/feed"] = respond(200, GOOD, {"Cache-Control": "public, max-age=10800"})
    now = utcnow()
    ingest(engine, server.url + "/feed", now=now)
    assert source_row(engine).next_fetch_at - now == dt.timedelta(hours=3)


def test_a_feed_ttl_sets_the_next_fetch(engine, server):
    server.routes["/feed"] = rss(item("Ttl AI - a model", "https://ttl.example/"), extra="<ttl>240</ttl>")
    now = utcnow()
    ingest(engine, server.url + "/feed", now=now)
    assert source_row(engine).next_fetch_at - now == dt.timedelta(hours=4)


def test_a_source_that_is_not_due_is_not_fetched(engine, server):
    server.routes["/feed"] = GOOD
    now = utcnow()
    assert ingest(engine, server.url + "/feed", now=now).status == "fetched"
    later = ingest(engine, server.url + "/feed", force=False, now=now + dt.timedelta(minutes=5))
    assert later.status == "skipped" and len(server.requests) == 1
    due = ingest(engine, server.url + "/feed", force=False, now=now + dt.timedelta(minutes=16))
    assert due.status == "not_modified" and len(server.requests) == 2


def test_one_request_at_a_time_per_host_with_a_gap(engine, server):
    server.routes["/a"] = GOOD
    server.routes["/b"] = GOOD
    stamps: list[float] = []
    original = server.custom

    def stamp(path):
        def handler(h):
            stamps.append(time.monotonic())
            respond(200, GOOD)(h)
        return handler

    original["/a"], original["/b"] = stamp("/a"), stamp("/b")
    gap = FetchPolicy(host_gap=0.4, attempts=1)
    threads = [threading.Thread(target=ingest, args=(engine, server.url + p),
                                kwargs={"name": n, "policy": gap}) for p, n in (("/a", "a"), ("/b", "b"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(stamps) == 2 and abs(stamps[1] - stamps[0]) >= 0.39


def test_requests_carry_our_user_agent_and_validators(engine, server):
    server.routes["/feed"] = GOOD
    ingest(engine, server.url + "/feed")
    ingest(engine, server.url + "/feed")
    first, second = (headers for _, headers in server.requests)
    assert first["User-Agent"] == UA and "https://" in first["User-Agent"]
    assert second["If-None-Match"] and second["If-Modified-Since"]


@pytest.mark.parametrize(
    ("value", "seconds"),
    [("120", 120.0), ("0", 0.0), (None, None), ("soon", None),
     ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0)],  # a date in the past: come back now
)
def test_retry_after_parsing(value, seconds):
    assert retry_after_seconds(value) == seconds
