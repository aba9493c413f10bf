"""Classifying entries in the phrasings real feeds use beyond "Introducing X": which evidence wins
(a launch title over a feed category), updates, non-launch vendor posts, HN stories of old
repositories, and whether a product is AI when its tagline never says so."""

import pytest

from scrapers.classify import EntryKind, Origin, classify, is_ai_product
from scrapers.feeds import parse_feed

POST = Origin.POST
BLOG = "https://quarry.example/blog/post"


@pytest.mark.parametrize(
    ("title", "product"),
    [
        ("Say hi to Heron, the agent that files your expenses", "Heron"),
        ("Wavelet Lite arrives on Android", "Wavelet Lite"),
        ("Tern Voice is out", "Tern Voice"),
        ("Now you can run Marten on your own GPU", "Marten"),
        ("You can now try Osprey Search in the browser", "Osprey Search"),
        ("We built Gannet to answer your support inbox", "Gannet"),
        ("Our smallest model, Plover Nano, fits on a watch", "Plover Nano"),
        ("Kittiwake Pro: our most capable model yet", "Kittiwake Pro"),
        ("Skua Code: the first agent that reads your whole monorepo", "Skua Code"),
    ],
)
def test_a_title_that_presents_a_product_without_introducing_it_is_a_launch(title, product):
    verdict = classify(title, "", url=BLOG, origin=POST)
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, product)


@pytest.mark.parametrize(
    ("title", "product"),
    [
        ("Heron now speaks Japanese and Korean", "Heron"),
        ("Gannet now supports shared inboxes", "Gannet"),
        ("Osprey Search now understands dates", "Osprey Search"),
    ],
)
def test_a_title_telling_what_a_product_now_does_is_a_release_of_it(title, product):
    verdict = classify(title, "", url=BLOG, origin=POST)
    assert (verdict.kind, verdict.product) == (EntryKind.RELEASE, product)


@pytest.mark.parametrize(
    ("title", "text", "tags"),
    [
        ("Petrel-R2: long-horizon reasoning", "Today we're releasing Petrel-R2, a 14B reasoning model.",
         ("Research",)),
        ("Introducing Fulmar Agents", "Agents for your CRM.", ("Company",)),
        ("A quicker way to find anything", "We are launching Fulmar Find for every workspace.",
         ("Customer stories",)),
        ("Better answers from your wiki", "Fulmar Find, our new search assistant, is available today.",
         ("Product",)),
    ],
)
def test_a_launch_title_or_text_beats_the_feed_category(title, text, tags):
    assert classify(title, text, url=BLOG, origin=POST, tags=tags).kind is EntryKind.LAUNCH


@pytest.mark.parametrize(
    ("title", "text", "tags"),
    [
        ("Four teams, one workflow", "How four of our customers use Fulmar every day.", ("Product",)),
        ("Notes from a quarter of evals", "Three things we noticed about graders.", ("Research",)),
        ("Fulmar turns five", "Five years ago we started in a garage.", ("Company",)),
    ],
)
def test_a_category_alone_does_not_make_a_launch(title, text, tags):
    assert classify(title, text, url=BLOG, origin=POST, tags=tags).kind is EntryKind.OTHER


@pytest.mark.parametrize(
    ("title", "text", "reason"),
    [
        ("Fulmar and Brantwood partner on agents for insurers", "A joint offering next year.", "article"),
        ("How to run Plover Nano with Lanternhub on a Raspberry Pi", "Five steps.", "tutorial"),
        ("The state of small models, one year on", "A year ago small models were toys.", "article"),
        ("Open models are ready for the enterprise: an opinion", "We think they are.", "article"),
        ("Long-context retrieval: our November benchmark report", "Twelve models, three lengths.",
         "article"),
        ("Applications are now open for our summer research residency", "Paid, remote.", "job"),
        ("Our 2027 fellowship cohort", "Ten fellows, six months.", "job"),
        ("Fulmar adds two members to its board", "Welcome to both.", "article"),
    ],
)
def test_a_vendor_post_that_launches_nothing_is_other(title, text, reason):
    verdict = classify(title, text, url=BLOG, origin=POST)
    assert (verdict.kind, verdict.reason) == (EntryKind.OTHER, reason)


@pytest.mark.parametrize(
    ("title", "url"),
    [
        ("Brine: a Scheme interpreter in 2,000 lines of Go (2013)", "https://github.com/kw/brine"),
        ("Tidepool: a chatbot written in Prolog", "https://github.com/amara/tidepool"),
        ("Cormorant – a tiny key-value store", "https://gitlab.com/dl/cormorant/"),
    ],
)
def test_a_hacker_news_story_of_a_repository_or_an_old_project_is_an_article(title, url):
    verdict = classify(title, "", url=url, origin=Origin.HACKER_NEWS)
    assert (verdict.kind, verdict.reason) == (EntryKind.OTHER, "article")


def test_a_launch_on_hacker_news_stays_a_launch_wherever_it_links():
    hn = Origin.HACKER_NEWS
    show = classify("Show HN: Tidepool – chat with your Postgres", "", url="https://github.com/amara/tidepool",
                    origin=hn)
    assert (show.kind, show.product) == (EntryKind.LAUNCH, "Tidepool")
    story = classify("Murrelet 9B: a model for legal drafting", "", url="https://murrelet.example/",
                     origin=hn)
    assert story.makes_tool


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Vaultkeep - Private RAG over your notes", ""),
        ("Pixel2JSX - Turn any screenshot into JSX code", ""),
        ("Minutes Bot - Summaries of every call, in your CRM", ""),
        ("Echoes - Dub your podcast with your own voice", ""),
        ("Replyhand - Drafts replies in your tone", ""),
        ("Sheetsy - Chat with your spreadsheets", ""),
        ("Fenwick", "Fenwick transcribes your lectures and writes flashcards from them."),
        ("Grebe 1.3", "Grebe now loads 70B models in 4-bit."),
    ],
)
def test_an_ai_product_is_read_as_ai_without_the_word_ai(title, text):
    assert is_ai_product(title, text, is_ai_tool=False)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("0.6.0", "Tarn is a fast Python type checker. Adds incremental checking."),
        ("Quarrel 3.0", "The bundler now generates source maps twice as fast."),
        ("v4.1.0", "Route groups, middleware and streaming templates for the web framework."),
        ("Webhook retries", "Failed webhooks are retried for three days; payloads are signed."),
    ],
)
def test_software_without_a_model_is_not_ai_whatever_its_weak_words(title, text):
    assert not is_ai_product(title, text, is_ai_tool=True)


def test_when_nothing_tells_either_way_is_ai_tool_decides_on_the_opening():
    assert is_ai_product("Trailmark", "A hiking journal.", is_ai_tool=False) is False
    assert is_ai_product("Trailmark", "A hiking journal that generates trip notes.", is_ai_tool=True) is True
    # is_ai_tool's word is deep in the notes only: what the project is was never said
    assert is_ai_product("Trailmark", "A hiking journal. " + "Fixes. " * 120 + "Better model.",
                         is_ai_tool=True) is False


RELEASES = b"""<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<id>tag:github.com,2008:https://github.com/tarn-lang/tarn/releases</id><title>Release notes</title>
<entry><id>tag:github.com,2008:Repository/1/0.6.0</id><title>0.6.0</title>
<link rel="alternate" href="https://github.com/tarn-lang/tarn/releases/tag/0.6.0"/>
<updated>2026-11-20T10:00:00Z</updated>
<content type="html">&lt;p&gt;Tarn is an extremely fast Python type checker. This release generates
better messages for missing imports.&lt;/p&gt;</content></entry></feed>"""

VENDOR = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Petrel blog</title>
<item><title>Petrel-R2: long-horizon reasoning</title><link>https://petrel.example/research/r2</link>
<guid>petrel-r2</guid><category>Research</category>
<description>&lt;p&gt;Today we are releasing Petrel-R2, a 14B reasoning model with open weights.&lt;/p&gt;
</description></item>
<item><title>What a year of evals taught us</title><link>https://petrel.example/research/evals</link>
<guid>petrel-evals</guid><category>Research</category>
<description>&lt;p&gt;Graders drift; caches lie.&lt;/p&gt;</description></item>
</channel></rss>"""


def test_a_non_ai_releases_feed_is_read_as_changelog_entries():
    (record,) = parse_feed(RELEASES, source="tarn")
    assert (record.kind, record.skip_reason, record.is_ai_tool) == ("other", "changelog", False)


def test_a_research_feed_keeps_its_launch_and_skips_its_essay():
    launch, essay = parse_feed(VENDOR, source="petrel")
    assert (launch.kind, launch.tool_name) == ("launch", "Petrel-R2")
    assert (essay.kind, essay.skip_reason) == ("other", "article")


@pytest.mark.parametrize(
    ("title", "url", "origin", "product"),
    [
        ("Kinora: 1080p video in twenty seconds", "https://kinora.ai/blog/introducing-kinora",
         Origin.HACKER_NEWS, "Kinora"),
        ("Tanuki Fleet: one screen for a mixed robot fleet", "https://tanuki-robotics.jp/en/blog/tanuki-fleet",
         POST, "Tanuki Fleet"),
        ("Wren Ledger – your whole week on one page", "https://wrenlabs.example/news/meet-wren-ledger/",
         POST, "Wren Ledger"),
        ("Fathom: every call, searchable by Monday", "https://www.fathom.example/", Origin.HACKER_NEWS,
         "Fathom"),
    ],
)
def test_a_name_and_tagline_title_whose_link_names_the_product_is_a_launch(title, url, origin, product):
    verdict = classify(title, "", url=url, origin=origin)
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, product)


@pytest.mark.parametrize(
    ("title", "url"),
    [
        ("Kinora: what a week of use taught us", "https://kinora.ai/blog/kinora"),  # a review's tagline
        ("Kinora: 1080p video in twenty seconds", "https://videoblog.example/posts/kinora-first-look"),
        ("The Fleet: one screen for every robot", "https://fleet.example/blog/the-fleet"),  # no name
        ("Go: a language for the long run", "https://go.example/blog/go"),  # too short to tell by a link
    ],
)
def test_a_link_that_does_not_name_the_product_alone_makes_no_launch_of_the_title(title, url):
    verdict = classify(title, "", url=url, origin=Origin.HACKER_NEWS)
    assert verdict.kind is EntryKind.OTHER


@pytest.mark.parametrize(
    ("title", "text", "product"),
    [
        ("Pellucid OCR 3 reads handwriting in 40 languages", "Version 3 of our document engine adds cursive.",
         "Pellucid OCR 3"),
        ("Quill 4 adds shared folders", "Quill 4 is out today: folders you can share.", "Quill 4"),
        ("Marten Voice 2 now speaks Welsh", "With v2 comes Welsh, and faster replies.", "Marten Voice 2"),
    ],
)
def test_a_title_with_a_whole_version_the_text_confirms_is_a_release(title, text, product):
    verdict = classify(title, text, url=BLOG, origin=POST)
    assert (verdict.kind, verdict.product) == (EntryKind.RELEASE, product)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Windows 11 reads your screen now", "Microsoft's operating system has a new assistant."),
        ("Quill 4 adds shared folders", "We looked at how teams share notes."),  # the text names no version
    ],
)
def test_a_whole_number_after_a_name_is_no_version_unless_the_text_says_so(title, text):
    assert classify(title, text, url=BLOG, origin=POST).kind is not EntryKind.RELEASE


@pytest.mark.parametrize(
    "tagline",
    [
        "NPCs that remember what the player did last session",
        "Bedtime stories read aloud in grandma's voice",
        "Marks spelling homework and explains every mistake",
        "Server logs in, plain-English alerts out",
        "Lip-sync for dubbed trailers in twelve languages",
        "Contract review that reads up to 500K tokens in one pass",
    ],
)
def test_a_tagline_saying_what_only_a_model_does_is_an_ai_product(tagline):
    assert is_ai_product(f"Lantern - {tagline}", tagline, is_ai_tool=False)


@pytest.mark.parametrize(
    "tagline",
    [
        "Earn 10K tokens for every friend you invite",  # a crypto reward, not a context window
        "Marks your calendar when the tide is low",
        "Read aloud, together: a book club for two",
        "Plain English legal templates for freelancers",
    ],
)
def test_words_near_the_model_ones_make_no_ai_product(tagline):
    assert not is_ai_product(f"Lantern - {tagline}", tagline, is_ai_tool=False)


@pytest.mark.parametrize(
    ("title", "product"),
    [
        ("Show HN: Questsmith, NPC dialogue that runs on the player's machine", "Questsmith"),
        ("Show HN: Tide Pool, a local-first notes app", "Tide Pool"),
        ("Launch HN: Ostler (YC W26), sandboxes for coding agents", "Ostler"),
        ("Show HN: I built a tool that, given a repo, writes docs",
         "I built a tool that, given a repo, writes docs"),  # no name before its comma: left whole
    ],
)
def test_a_show_hn_name_ends_at_its_comma(title, product):
    verdict = classify(title, "", url="https://example.org/", origin=Origin.HACKER_NEWS)
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, product)


@pytest.mark.parametrize(
    ("title", "text", "product"),
    [
        ("Marl maps soil carbon from one drone pass",
         "Tallgrass Labs is launching Marl, which turns a drone survey into a carbon map.", "Marl"),
        ("Harbour Desk drafts customs forms in seconds",
         "Today Kelp & Co introduces Harbour Desk for freight forwarders.", "Harbour Desk"),
        ("Oriel reads X-rays for rural clinics", "Our team presents Oriel, a small model for chest films.",
         "Oriel"),
    ],
)
def test_a_title_opening_on_the_product_its_text_announces_is_a_launch(title, text, product):
    verdict = classify(title, text, url=BLOG, origin=POST)
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, product)


def test_a_text_announcing_another_name_than_the_title_opens_on_makes_no_launch_of_it():
    text = "Tallgrass Labs is launching Marl next spring; until then, read on."
    assert classify("Soil carbon explained for farmers", text, url=BLOG, origin=POST).product != "Marl"
