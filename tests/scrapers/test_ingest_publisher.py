"""Who publishes a feed comes from the feed's own title (a configured source is named by a slug),
and a tool named with its maker in front ("Brackenfield Scribe") is the maker's "Scribe"."""

from sqlmodel import Session, select

from db.models import Launch, Tool
from scrapers.fetch import FetchPolicy, make_client
from scrapers.ingest import IngestOptions, ingest_source
from scrapers.resolve import maker_named
from scrapers.sources import SourceConfig

QUICK = IngestOptions(fetch=FetchPolicy(host_gap=0, attempts=1), force=True)


def rss(title: str, *items: tuple[str, str, str]) -> bytes:
    body = "".join(f"<item><title>{t}</title><link>{link}</link><guid>{link}</guid>"
                   f"<description>{text}</description></item>" for t, link, text in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>https://example.com/</link>{body}</channel></rss>").encode()


def atom_ph(name: str, tagline: str, slug: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            "<title>Product Hunt</title><id>urn:ph</id>"
            f"<entry><id>https://www.producthunt.com/posts/{slug}</id><title>{name} - {tagline}</title>"
            f'<link rel="alternate" href="https://www.producthunt.com/posts/{slug}"/>'
            "<updated>2026-11-30T08:00:00Z</updated>"
            f'<content type="html">&lt;b&gt;{name}&lt;/b&gt;&lt;br /&gt;{tagline}</content>'
            "</entry></feed>").encode()


def ingest(engine, tmp_path, name: str, body: bytes) -> None:
    path = tmp_path / f"{name}.xml"
    path.write_bytes(body)
    with make_client(user_agent="VerdictsTest/1", timeout=5) as client:
        summary = ingest_source(SourceConfig(name=name, url=str(path)), engine=engine, client=client,
                                options=QUICK)
    assert summary.status == "fetched", summary


def tools(engine) -> dict[str, str | None]:
    with Session(engine) as session:
        return {t.name: t.vendor for t in session.exec(select(Tool))}


def test_the_feed_title_says_who_makes_its_products(engine, tmp_path):
    ingest(engine, tmp_path, "thornbury-blog", rss(
        "Thornbury Robotics blog",
        ("Meet Wren, a pick-and-place planner", "https://thornbury.example/blog/wren",
         "Wren plans grasps for warehouse arms with a vision-language model, in 40 ms a pick.")))
    assert tools(engine) == {"Wren": "Thornbury Robotics"}


def test_an_aggregator_title_names_no_maker(engine, tmp_path):
    ingest(engine, tmp_path, "hn", rss(
        "Hacker News: Show HN",
        ("Show HN: Larkspur – an AI model that labels bird calls", "https://larkspur.example/",
         "We trained a small audio model on 40,000 recordings.")))
    assert tools(engine) == {"Larkspur": None}


def test_a_product_named_with_its_maker_is_the_makers_product(engine, tmp_path):
    ingest(engine, tmp_path, "thornbury-blog", rss(
        "Thornbury Robotics blog",
        ("Meet Wren, a pick-and-place planner", "https://thornbury.example/blog/wren",
         "Wren plans grasps for warehouse arms with a vision-language model, in 40 ms a pick.")))
    ingest(engine, tmp_path, "producthunt", atom_ph("Thornbury Wren", "AI grasp planning for robot arms",
                                                    "thornbury-wren"))
    with Session(engine) as session:
        launches = session.exec(select(Launch.tool_name, Launch.tool_id)).all()
    assert len({tool_id for _, tool_id in launches}) == 1, launches
    assert list(tools(engine)) == ["Wren"]


def test_the_maker_alias_is_only_made_where_it_adds_a_word():
    assert maker_named("Scribe", "Brackenfield AI") == ["brackenfield Scribe"]
    assert maker_named("Wren", "Thornbury Robotics") == ["thornbury robotics Wren", "thornbury Wren"]
    assert maker_named("Mistral Small", "Mistral AI") == []  # the maker is in the name already
    assert maker_named("Scribe", None) == []
    assert maker_named("Scribe", "AI Labs") == []  # nothing left of the maker but noise words


def ingest_with(engine, tmp_path, source: SourceConfig, body: bytes) -> None:
    path = tmp_path / f"{source.name}.xml"
    path.write_bytes(body)
    with make_client(user_agent="VerdictsTest/1", timeout=5) as client:
        summary = ingest_source(source.model_copy(update={"url": str(path)}), engine=engine,
                                client=client, options=QUICK)
    assert summary.status == "fetched", summary


TITLE_ONLY = rss("Corvina News",
                 ("Introducing Corvina Sable 5", "https://corvina.example/news/sable-5", ""),
                 ("Corvina opens an office in Lisbon", "https://corvina.example/news/lisbon",
                  "We are hiring engineers in Portugal."))


def test_an_ai_companys_feed_makes_tools_of_launches_that_never_say_ai(engine, tmp_path):
    ingest_with(engine, tmp_path, SourceConfig(name="corvina", url="x", ai=True), TITLE_ONLY)
    [name] = tools(engine)  # the office news is still no launch
    assert name.startswith("Corvina Sable")


def test_without_the_flag_a_title_only_launch_makes_no_tool(engine, tmp_path):
    ingest_with(engine, tmp_path, SourceConfig(name="corvina", url="x"), TITLE_ONLY)
    assert tools(engine) == {}
    with Session(engine) as session:
        assert "Introducing Corvina Sable 5" in set(session.exec(select(Launch.title)))
