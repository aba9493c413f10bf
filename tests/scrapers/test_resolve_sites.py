"""One tool per product, through the real path: feed text parsed, classified, resolved and stored."""

from sqlmodel import Session, select

from db import queries
from db.models import Launch, Tool
from scrapers.feeds import parse_feed
from scrapers.ingest import store_launches
from scrapers.sources import SourceConfig


def rss(*items: str) -> bytes:
    return ('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>' + "".join(items)
            + "</channel></rss>").encode()


def item(title: str, link: str, guid: str, description: str = "") -> str:
    return (f"<item><title>{title}</title><link>{link}</link><guid isPermaLink=\"false\">{guid}</guid>"
            f"<description><![CDATA[{description}]]></description></item>")


def ph_entry(name: str, tagline: str, slug: str, website: str) -> str:
    """An entry as Product Hunt's Atom feed writes it: the site behind a 'Link' anchor."""
    post = f"https://www.producthunt.com/posts/{slug}?utm_source=feed"
    content = (f"&lt;p&gt;{tagline}&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;{post}&quot;&gt;Discussion&lt;/a&gt;"
               f" | &lt;a href=&quot;{website}&quot;&gt;Link&lt;/a&gt;&lt;/p&gt;")
    return (f"<entry><id>tag:www.producthunt.com,2005:Post/{slug}</id><title>{name}</title>"
            f"<link rel=\"alternate\" href=\"{post}\"/><content type=\"html\">{content}</content></entry>")


def atom(*entries: str) -> bytes:
    return ('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>PH</title><id>ph</id>'
            + "".join(entries) + "</feed>").encode()


HN_COMMENTS = '<a href="https://news.ycombinator.com/item?id={0}">Comments</a>'


def store(engine, name: str, body: bytes) -> None:
    with Session(engine) as session:
        source_id = queries.get_or_create_source(session, name=name, kind="feed", url=f"{name}.xml").id
        store_launches(session, source=SourceConfig(name=name, url=f"{name}.xml"), source_id=source_id,
                       records=parse_feed(body, source=name))
        session.commit()


def tools(engine) -> dict[str, set[str]]:
    """Each tool's name -> the titles of its launches."""
    with Session(engine) as session:
        rows = session.exec(select(Tool.name, Launch.title).join(Launch, Launch.tool_id == Tool.id)).all()
    found: dict[str, set[str]] = {}
    for name, title in rows:
        found.setdefault(name, set()).add(title)
    return found


def test_the_website_link_and_the_story_url_make_one_tool_with_its_domain(engine):
    store(engine, "ph", atom(ph_entry("Wrenly", "Meeting notes an AI writes while you talk", "wrenly",
                                      "https://wrenly.app/?ref=producthunt")))
    store(engine, "hn", rss(item("Show HN: Notes that write themselves during calls", "https://wrenly.app/",
                                 "https://news.ycombinator.com/item?id=77", HN_COMMENTS.format(77))))
    # the names differ entirely: only the product's site ties them
    assert len(tools(engine)) == 1
    with Session(engine) as session:
        assert session.exec(select(Tool.domain)).one() == "wrenly.app"


def test_a_parameter_size_in_the_name_is_not_another_product(engine):
    store(engine, "ph", atom(ph_entry("Marlin 13B - An open-weight model for invoices", "An AI model",
                                      "marlin-13b", "https://www.producthunt.com/r/ABCDEF")))
    store(engine, "hn", rss(item("Show HN: Marlin – a 13B model that reads invoices", "https://marlin.example/docs",
                                 "https://news.ycombinator.com/item?id=78", HN_COMMENTS.format(78))))
    assert list(tools(engine)) == ["Marlin 13B"]


def test_two_products_of_one_vendor_stay_two_and_releases_stay_one(engine):
    blog = "https://quarry.example/blog/"
    store(engine, "quarry", rss(
        item("Introducing Quarry Vision: images in, tables out", blog + "vision", "q1",
             "<p>Quarry Vision is an AI model that turns scans into tables.</p>"),
        item("Introducing Quarry Voice: calls in, notes out", blog + "voice", "q2",
             "<p>Quarry Voice is an AI agent that answers the phone.</p>"),
        item("Quarry Vision 2 is now available", blog + "vision-2", "q3",
             "<p>The second version of our AI document model reads handwriting.</p>"),
        item("Quarry raises $30M to build document AI", blog + "funding", "q4", "<p>A new round.</p>"),
    ))
    found = tools(engine)
    assert set(found) == {"Quarry Vision", "Quarry Voice"}
    assert len(found["Quarry Vision"]) == 2
    with Session(engine) as session:
        skipped = session.exec(select(Launch).where(Launch.tool_id.is_(None))).one()
    assert (skipped.kind, skipped.skip_reason) == ("other", "funding")


def test_one_repository_name_under_two_owners_is_two_tools(engine):
    def release(owner: str, tag: str) -> str:
        return (f"<entry><id>tag:github.com,2008:Repository/{owner}/{tag}</id><title>{tag}</title>"
                f"<link rel=\"alternate\" href=\"https://github.com/{owner}/tern/releases/tag/{tag}\"/>"
                f"<content type=\"html\">An LLM agent runner.</content></entry>")

    store(engine, "gh-a", atom(release("alpha-labs", "v1.0.0"), release("alpha-labs", "v1.1.0")))
    store(engine, "gh-b", atom(release("beta-works", "v0.3.0")))
    with Session(engine) as session:
        domains = sorted(session.exec(select(Tool.domain)).all())
    assert domains == ["github.com/alpha-labs/tern", "github.com/beta-works/tern"]
    with Session(engine) as session:
        tool_ids = session.exec(select(Launch.tool_id)).all()
    assert sorted(tool_ids.count(tool) for tool in set(tool_ids)) == [1, 2]


CHANGELOG_ENTRIES = 118


def test_changelog_entries_sharing_one_page_are_each_stored(engine):
    entries = [item(f"Fix {n}: faster cold starts for the AI router", f"https://router.example/changelog#fix-{n}",
                    f"router-changelog-{n}", f"<p>Change {n}.</p>") for n in range(CHANGELOG_ENTRIES)]
    store(engine, "changelog", rss(*entries))
    store(engine, "changelog", rss(*entries))  # and once stored, a second read adds none
    with Session(engine) as session:
        urls = session.exec(select(Launch.url)).all()
    assert len(urls) == CHANGELOG_ENTRIES == len(set(urls))


def test_entries_without_ids_are_told_apart_by_their_fragment(engine):
    store(engine, "notes", rss(*(f"<item><title>Note {n}</title><link>https://n.example/log#n{n}</link></item>"
                                 for n in range(3))))
    with Session(engine) as session:
        assert len(session.exec(select(Launch)).all()) == 3


def test_product_hunt_redirects_are_never_taken_for_the_product_site(shared_dir):
    records = parse_feed((shared_dir / "fixtures/feeds/producthunt/featured-2025-02-19.atom").read_bytes(),
                         source="producthunt")
    # every post is a launch but one whose tagline presents a cause, not a product (eighth pass)
    assert [record.title for record in records if record.kind != "launch"] == [
        "eu/acc: European Accelerationism - a movement to deregulate and save Europe"]
    # "[Website]" there is a producthunt.com/r/ redirect: not followed, not a key
    assert all(record.product_url is None for record in records)


def test_a_release_that_does_not_read_as_ai_updates_a_known_tool_only(engine):
    store(engine, "lab", rss(
        item("Introducing Tessel: an AI notebook", "https://tessel.example/blog/tessel", "t1",
             "<p>Tessel is an AI notebook that explains its cells.</p>"),
        item("Tessel 1.4: keyboard shortcuts", "https://tessel.example/changelog#1-4", "t2",
             "<ul><li>Shortcuts for every cell action</li></ul>"),
        item("Trowel 2.2: faster exports", "https://trowel.example/changelog#2-2", "t3",
             "<ul><li>Exports twice as fast</li></ul>"),
    ))
    assert tools(engine) == {"Tessel": {"Introducing Tessel: an AI notebook",
                                        "Tessel 1.4: keyboard shortcuts"}}
    with Session(engine) as session:
        trowel = session.exec(select(Launch).where(Launch.guid == "t3")).one()
    assert (trowel.kind, trowel.tool_id, trowel.skip_reason) == ("release", None, "not an AI tool")
