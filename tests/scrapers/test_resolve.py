import pytest

from scrapers.resolve import KnownTool, is_same_name, product_domain, resolve


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Pixelsmith", "PixelSmith AI", True),
        ("Notion AI", "notion", True),
        ("Code Llama 4", "Code Llama 4 ", True),
        ("Codestral 2", "Codestral 3", False),  # versions differ: different products
        ("Llama 4", "Llama 4 Compact", False),
        ("Notion", "Motion", False),
        ("Cursor", "Cursive", False),
        ("Claude Code", "Claude", False),
    ],
)
def test_is_same_name(a, b, same):
    assert is_same_name(a, b) is same


def test_product_domain_ignores_listing_platforms():
    assert product_domain("https://www.producthunt.com/posts/x") is None
    assert product_domain("https://github.com/astral-sh/ty") is None
    assert product_domain("https://www.pixelsmith.app/") == "pixelsmith.app"
    # a vendor's blog post is about one of its products, not the whole domain
    assert product_domain("https://lumenfold.example/news/kestrel-mini") is None


def test_resolve_prefers_the_domain_then_the_name():
    known = [KnownTool(1, "Pixelsmith", "pixelsmith.app"), KnownTool(2, "Codestral 2", None)]
    assert resolve("Totally different name", "https://pixelsmith.app/", known) == 1
    assert resolve("Totally different name", "https://pixelsmith.app/blog/x", known) is None
    assert resolve("PixelSmith AI", "https://news.ycombinator.com/item?id=1", known) == 1
    assert resolve("Codestral 2", None, known) == 2
    assert resolve("Codestral 3", None, known) is None
