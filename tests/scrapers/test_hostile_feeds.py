"""Hostile feeds, generated: broken URLs, control characters, huge and empty fields, bad dates,
duplicate ids, wrong encodings. On both databases, no run aborts, the well-formed entries of the
same feed are stored, and everything stored before is still there.

Profiles: `ci` (the default under CI=true, well under a minute) and `dev` (more examples); pick
one with HYPOTHESIS_PROFILE=dev.
"""

from __future__ import annotations

import itertools
import os
from pathlib import Path
from xml.sax.saxutils import escape

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import Session, select

from db.models import Launch, Source
from scrapers.fetch import FetchPolicy, make_client
from scrapers.ingest import IngestOptions, ingest_source
from scrapers.sources import SourceConfig

settings.register_profile("ci", max_examples=20, deadline=None,
                          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
settings.register_profile("dev", max_examples=150, deadline=None,
                          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

OPTIONS = IngestOptions(fetch=FetchPolicy(host_gap=0, attempts=1, retry_wait=0), force=True)
RUN = itertools.count()

CONTROL = "".join(chr(c) for c in (*range(0x00, 0x20), 0x7F, 0xFFFE, 0xFFFF)) + "\ud800\udfff"
BROKEN_URLS = ["http://[::1/foo", "http://[x", "https://exa mple.com/", "javascript:alert(1)", "://", "http://",
               "https://example.com:99999/", "http://%zz/", "ftp://files.example/", "https://user:pw@[::1]:x/",
               "//no-scheme.example/", "https://例え.テスト/パス", "https://a.example/" + "a" * 5000, ""]
BAD_DATES = ["", "yesterday", "Mon, 32 Foo 2026 25:61:61 GMT", "0000-00-00T00:00:00Z", "9999-99-99",
             "Sat, 01 Jan 0001 00:00:00 GMT", "2026-11-23T10:00:00+99:99", "-1", "1e309"]

hostile_text = st.one_of(
    st.text(alphabet=st.sampled_from(CONTROL + "ab <>&\"'é日"), max_size=40),
    st.text(max_size=60),
    st.builds(lambda n: "x" * n, st.integers(20_000, 120_000)),  # huge
    st.just(""),
)
hostile_entry = st.fixed_dictionaries({
    "title": hostile_text,
    "link": st.one_of(st.sampled_from(BROKEN_URLS), hostile_text),
    "guid": st.one_of(st.sampled_from(["dup", "dup", "", " ", "\x00", "a" * 3000]), hostile_text),
    "date": st.one_of(st.sampled_from(BAD_DATES), hostile_text),
    "body": hostile_text,
})


def xml_text(value: str, raw: bool) -> str:
    """The value in XML: escaped (a well-formed document), or raw (control characters as they come)."""
    if raw:
        return value
    # XML 1.0 cannot carry these even escaped: a feed generator would write them as references
    return "".join(f"&#{ord(c)};" if c in CONTROL else c for c in escape(value))


def render(entries: list[dict[str, str]], good: list[int], *, raw: bool) -> str:
    items = [
        f"<item><title>{xml_text(e['title'], raw)}</title><link>{xml_text(e['link'], raw)}</link>"
        f"<guid>{xml_text(e['guid'], raw)}</guid><pubDate>{xml_text(e['date'], raw)}</pubDate>"
        f"<description>{xml_text(e['body'], raw)}</description></item>"
        for e in entries]
    for position, n in enumerate(good):
        items.insert(min(position * 2, len(items)),
                     f"<item><title>Goodtool{n} - an AI writing assistant</title>"
                     f"<link>https://goodtool{n}.example/</link><guid>good-{n}</guid>"
                     f"<pubDate>Mon, 23 Nov 2026 10:00:00 GMT</pubDate>"
                     f"<description>An AI tool with a free tier.</description></item>")
    return ("<rss version=\"2.0\"><channel><title>Hostile</title><link>https://hostile.example/</link>"
            f"{''.join(items)}</channel></rss>")


ENCODINGS = st.sampled_from([
    ("utf-8", "utf-8"),  # (declared, written)
    ("iso-8859-1", "utf-8"),  # declared one thing, written another
    ("utf-8", "latin-1"),
    ("utf-16", "utf-16"),
    ("windows-1252", "cp1252"),
    ("no-such-charset", "utf-8"),
])


def encode(document: str, declared: str, written: str) -> bytes:
    head = f'<?xml version="1.0" encoding="{declared}"?>'
    errors = "surrogatepass" if written.startswith("utf") else "replace"
    return (head + document).encode(written, errors=errors)


def stored(engine) -> set[tuple[str, str]]:
    with Session(engine) as session:
        return set(session.exec(select(Source.name, Launch.guid).join(Source, Source.id == Launch.source_id)))


@given(entries=st.lists(hostile_entry, max_size=6), good=st.integers(0, 3), raw=st.booleans(),
       encoding=ENCODINGS)
def test_no_hostile_feed_aborts_a_run_or_loses_what_was_stored(
    engine, tmp_path, entries, good, raw, encoding
):
    run = next(RUN)
    good_ids = [run * 10 + n for n in range(good)]
    declared, written = encoding
    feed: Path = tmp_path / f"hostile-{run}.rss"
    try:
        feed.write_bytes(encode(render(entries, good_ids, raw=raw), declared, written))
    except UnicodeEncodeError:
        feed.write_bytes(encode(render(entries, good_ids, raw=raw), "utf-8", "utf-8"))
        declared = written = "utf-8"
    before = stored(engine)

    with make_client(user_agent="VerdictsBot/test", timeout=5) as client:
        summary = ingest_source(SourceConfig(name=f"hostile-{run}", url=str(feed)), engine=engine,
                                client=client, options=OPTIONS)

    after = stored(engine)
    assert before <= after, "something stored before was lost"
    assert summary.status in ("fetched", "failed"), summary
    if summary.status == "failed":
        assert summary.error
    well_formed = not raw and declared == written and declared in ("utf-8", "utf-16")
    if well_formed and good_ids:
        assert summary.status == "fetched", summary
        mine = {guid for name, guid in after if name == f"hostile-{run}"}
        assert {f"good-{n}" for n in good_ids} <= mine, (summary, sorted(mine))
