"""Classifying entries: launch, release, or other with the reason, by origin, title, link and text."""

import pytest

from scrapers.classify import EntryKind, Origin, classify, origin_of
from scrapers.feeds import parse_feed

POST = Origin.POST


@pytest.mark.parametrize(
    ("title", "text", "url", "reason"),
    [
        ("Operators wanted: we are hiring SREs for the inference fleet", "", "https://lab.example/blog/sre",
         "job"),
        ("Join the team behind Vellum", "Four open roles in Berlin.", "https://vellum.example/blog/join",
         "job"),
        ("Senior prompt engineer", "Remote, EU.", "https://vellum.example/careers/prompt-engineer", "job"),
        ("Ep. 41 — distillation with the Orca folks", "", "https://gradient.fm/e/41", "podcast"),
        ("Inference at the edge", "Listen now.", "https://talks.example/podcast/inference-at-the-edge",
         "podcast"),
        ("Tensor Tuesday No. 57: three agents and a benchmark", "", "https://tt.example/57", "newsletter"),
        ("Import Intelligence #311", "This week: robots.", "https://ii.example/311", "newsletter"),
        ("Mixture-of-depths at scale", "We propose a router.", "https://arxiv.org/abs/2611.01234", "paper"),
        ("Vellum closes a $40M Series B", "", "https://vellum.example/blog/series-b", "funding"),
        ("Quarry acquires Ledgerline", "", "https://quarry.example/news/ledgerline", "funding"),
        ("See you at the Agents Summit in Lisbon", "", "https://quarry.example/news/summit", "event"),
        ("How to cut your token bill in half with caching", "", "https://quarry.example/blog/cache",
         "tutorial"),
        ("Why evals beat vibes", "An essay.", "https://quarry.example/blog/evals", "article"),
        ("Ask HN: which local model do you use for code?", "", "https://news.ycombinator.com/item?id=9",
         "article"),
    ],
)
def test_what_is_not_a_launch_says_why(title, text, url, reason):
    verdict = classify(title, text, url=url, origin=POST)
    assert (verdict.kind, verdict.reason) == (EntryKind.OTHER, reason)
    assert not verdict.makes_tool


@pytest.mark.parametrize(
    ("title", "text", "product"),
    [
        ("Introducing Quarry Vision: images in, tables out", "", "Quarry Vision"),
        ("Announcing Loom Agents", "", "Loom Agents"),
        ("Meet Tessel, a notebook that explains its cells", "", "Tessel"),
        ("Tessel Cloud is now generally available", "", "Tessel Cloud"),
        ("Driftwood, our on-device speech model, is live", "", "Driftwood"),
        ("Now in public beta: Harbor Search", "", "Harbor Search"),
        ("Quarry launches Sift, a reranker for long documents", "", "Sift"),
    ],
)
def test_a_vendor_post_announcing_a_product_is_named_after_the_product(title, text, product):
    verdict = classify(title, text, url="https://quarry.example/blog/post", origin=POST)
    assert verdict.kind is EntryKind.LAUNCH
    assert verdict.product == product


@pytest.mark.parametrize(
    ("title", "product"),
    [
        ("Introducing Sift 3: twice the context", "Sift 3"),
        ("Tessel v2.4 is out", "Tessel v2.4"),
        ("Harbor 2.0 now available", "Harbor 2.0"),
    ],
)
def test_a_later_version_is_a_release(title, product):
    verdict = classify(title, "", url="https://quarry.example/blog/post", origin=POST)
    assert (verdict.kind, verdict.product) == (EntryKind.RELEASE, product)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Loupe: a code-review agent that reads the whole diff", ""),  # 'Name: what it is'
        ("Marlin 13B: small enough for a laptop", ""),  # a size in the name
        ("Weekend notes", "Today we're releasing Gullwing, a voice agent for support lines."),
        ("A calmer inbox", "Gullwing is a triage assistant that sorts mail by what it asks of you."),
    ],
)
def test_a_post_that_presents_a_product_is_a_launch(title, text):
    assert classify(title, text, url="https://gull.example/blog/x", origin=POST).makes_tool


def test_the_source_decides_for_aggregators_and_releases_feeds():
    assert classify("Mixture of Podcasts - episodes summarised by AI", "", url=None,
                    origin=Origin.PRODUCT_HUNT).kind is EntryKind.LAUNCH
    assert classify("v0.9.1", "", url="https://github.com/a/b/releases/tag/v0.9.1",
                    origin=Origin.RELEASES).kind is EntryKind.RELEASE
    # a releases feed of a project that is not AI is a changelog, not a tool
    changelog = classify("3.2.0", "Fixes a race in the pool.", url="https://github.com/a/pool/releases/tag/3.2.0",
                         origin=Origin.RELEASES, is_ai=False)
    assert (changelog.kind, changelog.reason) == (EntryKind.OTHER, "changelog")


def test_a_hacker_news_story_is_an_article_unless_it_presents_a_product():
    hn = Origin.HACKER_NEWS
    essay = classify("The cost of a token, revisited", "", url="https://essays.example/tokens", origin=hn)
    assert essay.reason == "article"
    assert classify("Show HN: Burrow (YC F25) – grep for your meetings", "", url="https://burrow.example/",
                    origin=hn).product == "Burrow"
    assert classify("Cormorant 7B: a tiny model for receipts", "", url="https://c.example/blog/7b",
                    origin=hn).makes_tool


def test_where_an_entry_comes_from_is_read_from_its_links():
    assert origin_of(link="https://www.producthunt.com/posts/x", guid=None, comments=None, markup="") \
        is Origin.PRODUCT_HUNT
    assert origin_of(link="https://github.com/o/r/releases/tag/v1", guid=None, comments=None, markup="") \
        is Origin.RELEASES
    assert origin_of(link="https://a.example/", guid=None, comments="https://news.ycombinator.com/item?id=1",
                     markup="") is Origin.HACKER_NEWS
    assert origin_of(link="https://a.example/post", guid="https://a.example/post", comments=None,
                     markup="<p>hello</p>") is Origin.POST


NEWSLETTER = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>The Gradient Weekly</title>
<item><title>The Gradient Weekly #162: agents everywhere</title><link>https://gw.example/162</link>
<guid>gw-162</guid><description>Five launches and a paper.</description></item>
<item><title>The Gradient Weekly #163: smaller models</title><link>https://gw.example/163</link>
<guid>gw-163</guid><description>Small is back.</description></item>
<item><title>Sponsored: Introducing Pylon, an AI gateway</title><link>https://pylon.example/</link>
<guid>gw-pylon</guid><description>Pylon is a gateway for LLM calls.</description></item>
</channel></rss>"""


def test_a_newsletter_feed_is_read_as_issues_and_the_product_it_announces():
    records = parse_feed(NEWSLETTER, source="gradient")
    assert [(r.kind, r.skip_reason) for r in records[:2]] == [("other", "newsletter")] * 2
    assert (records[2].kind, records[2].product_url) == ("launch", None)
