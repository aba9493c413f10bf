import random
import string
import time

import pytest

from scrapers.normalise import canonical_url, split_title
from scrapers.resolve import KnownTool, ToolIndex, is_same_name, product_domain, product_key, resolve


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Pixelsmith", "PixelSmith AI", True),
        ("Notion AI", "notion", True),
        ("Code Llama 4", "Code Llama 4 ", True),
        ("Pixel Smith", "Pixelsmith", True),
        ("Codestral 2", "Codestral 3", True),  # two releases of one product
        ("Kestrel 34B", "Kestrel", True),  # a size is one model of the product, not a version
        ("Mixtral 8x7B", "Mixtral 8x22B", True),
        ("Orbit v1", "Orbit v2.0-beta", True),
        ("Llama 4", "Llama 4 Compact", False),
        ("Notion", "Motion", False),
        ("Llama 3.3", "Ollama 0.32", False),  # a letter more makes another short name
        ("Ray", "XRay", False),
        ("Perplexity", "Perplexty", True),  # a long name misspelt is still the product
        ("Stablecode", "Stablecodes", True),
        ("Cursor", "Cursive", False),
        ("Claude Code", "Claude", False),
        ("AI", "The App", False),  # nothing left once noise words go
    ],
)
def test_is_same_name(a, b, same):
    assert is_same_name(a, b) is same
    assert (ToolIndex([KnownTool(1, b, None)]).find(a, None) == 1) is same


def test_product_domain_ignores_listing_platforms():
    assert product_domain("https://www.producthunt.com/posts/x") is None
    assert product_domain("https://github.com/astral-sh/ty") is None
    assert product_domain("https://www.pixelsmith.app/") == "pixelsmith.app"
    assert product_domain("https://someone.substack.com/") is None  # a platform's subdomain
    assert product_domain("https://notgithub.com/") == "notgithub.com"  # not a subdomain
    # a vendor's blog post is about one of its products, not the whole domain
    assert product_domain("https://lumenfold.example/news/kestrel-mini") is None


def test_resolve_prefers_the_domain_then_the_name():
    known = [KnownTool(1, "Pixelsmith", "pixelsmith.app"), KnownTool(2, "Codestral 2", None)]
    assert resolve("Totally different name", "https://pixelsmith.app/", known) == 1
    assert resolve("Totally different name", "https://pixelsmith.app/blog/x", known) is None
    assert resolve("PixelSmith AI", "https://news.ycombinator.com/item?id=1", known) == 1
    assert resolve("Codestral 2", None, known) == 2
    assert resolve("Codestral 3", None, known) == 2  # a later release of the same product


# (title as each source writes it, link): every row is the same product
ONE_PRODUCT = [
    ("PixelSmith AI - Turn rough sketches into layered, editable vector art",
     "https://www.producthunt.com/posts/pixelsmith?utm_source=producthunt"),
    ("Show HN: Pixelsmith – sketch-to-vector that runs in your browser", "https://pixelsmith.example/"),
    ("Introducing Pixelsmith: vectors from your sketches", "https://lumenfold.example/news/pixelsmith"),
    ("Pixel Smith - the same launch a day later", "https://www.producthunt.com/posts/pixelsmith"),
    ("Something renamed entirely", "https://pixelsmith.example/?ref=launchpad"),
]


def test_one_product_from_every_kind_of_source_is_one_tool():
    index, ids = ToolIndex(), []
    for number, (title, link) in enumerate(ONE_PRODUCT, start=1):
        name, _ = split_title(title)
        url = canonical_url(link)
        found = index.find(name, url)
        if found is None:
            index.add(KnownTool(number, name, product_domain(url)))
        else:
            index.add(KnownTool(found, name, product_domain(url)))  # the domain, learnt later
        ids.append(found or number)
    assert ids == [1] * len(ONE_PRODUCT)
    assert len(index) == 1


@pytest.mark.parametrize(
    ("known", "name", "url"),
    [
        ("Notion", "Motion", None),
        ("Cursor", "Cursive", None),
        ("Llama 4", "Llama 4 Compact", None),
        ("Claude", "Claude Code", None),
        ("Gemma 2", "Gemma Scope", None),
        ("Tab Finder", "Tab Filter", None),
        ("Perplexity", "Perplexity Pages", None),
        # same platform, different products: a listing host says nothing
        ("Yess", "Tribal Camping", "https://www.producthunt.com/posts/tribal-camping"),
    ],
)
def test_different_products_with_similar_names_stay_apart(known, name, url):
    index = ToolIndex([KnownTool(1, known, product_domain("https://www.producthunt.com/posts/yess-2"))])
    assert index.find(name, url) is None


def test_the_closest_name_wins_and_the_first_keeps_a_shared_key():
    index = ToolIndex([KnownTool(1, "Standup Sieves", None), KnownTool(2, "Standup Sieve", None),
                       KnownTool(3, "Standup-Sieve", None), KnownTool(4, "Sieve", "sieve.example")])
    assert index.find("standup sieve", None) == 2
    assert index.find("Standup Sieve", "https://sieve.example/") == 4
    assert index.find("Standup Sieves", None) == 1
    assert len(index) == 4


def random_names(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)

    def word() -> str:
        return "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(3, 9)))

    return [" ".join(word().capitalize() for _ in range(rng.randint(1, 3)))
            + (f" {rng.randint(1, 4)}" if rng.random() < 0.3 else "") for _ in range(count)]


def mutations(name: str, rng: random.Random) -> list[str]:
    i = rng.randrange(len(name))
    return [name[:i] + name[i + 1 :], name[:i] + "x" + name[i:], name.upper() + " AI",
            " ".join(reversed(name.split())), name.replace(" ", ""), name + " 2", "The " + name]


def test_the_index_decides_as_is_same_name_does():
    rng = random.Random(3)
    for trial in range(40):
        names = random_names(25, seed=trial)
        index = ToolIndex(KnownTool(i, n, None) for i, n in enumerate(names))
        probes = [m for n in rng.sample(names, 5) for m in mutations(n, rng)] + random_names(5, 99 + trial)
        for probe in probes:
            same = [i for i, n in enumerate(names) if is_same_name(probe, n)]
            found = index.find(probe, None)
            assert (found in same) if same else found is None, probe


def test_lookups_stay_fast_with_many_tools():
    names = random_names(10_000, seed=1)
    index = ToolIndex(KnownTool(i, n, f"tool{i}.example") for i, n in enumerate(names))
    probes = random_names(300, seed=2)
    started = time.perf_counter()
    for probe in probes:
        index.find(probe, None)
    assert time.perf_counter() - started < 3.0  # ~50 µs each; a linear scan takes ~20 ms each


def test_products_of_one_brand_sharing_its_home_page_stay_apart():
    index = ToolIndex([KnownTool(1, "Wavelet Studio", "wavelet.example")])
    assert index.find("Wavelet Voice", "https://wavelet.example/") is None  # a sibling product
    assert index.find("Wavelet Studio 2", "https://wavelet.example/") == 1  # a release of it
    assert index.find("An entirely different title", "https://wavelet.example/") == 1


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("https://github.com/Acme/Tern/releases/tag/v1.0", "github.com/acme/tern"),
        ("https://github.com/acme/tern.git", "github.com/acme/tern"),
        ("https://github.com/acme", None),  # an owner is not a product
        ("https://github.com/", None),
        ("https://huggingface.co/acme/tern-7b", "huggingface.co/acme/tern-7b"),
        ("https://tern.example/", "tern.example"),
        ("https://tern.example/blog/launch", None),
    ],
)
def test_product_keys(url, key):
    assert product_key(url) == key
