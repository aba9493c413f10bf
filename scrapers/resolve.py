"""Which tool a launch is about: same product domain, or a close name with the same version."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from rapidfuzz import fuzz

from scrapers.normalise import host_of

# Hosts that list many products: a launch linking there says nothing about which product it is.
PLATFORM_HOSTS = frozenset(
    {"producthunt.com", "news.ycombinator.com", "github.com", "huggingface.co", "x.com",
     "twitter.com", "youtube.com", "medium.com", "substack.com", "reddit.com", "arxiv.org",
     "linkedin.com", "apps.apple.com", "play.google.com", "chromewebstore.google.com"}
)
NAME_MATCH_THRESHOLD = 90
_NOISE_WORDS = re.compile(r"\b(ai|app|the|by|inc|labs?|hq|io)\b")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_NUMBERS = re.compile(r"\d+(?:\.\d+)*")


@dataclass(frozen=True)
class KnownTool:
    """What resolution needs to know of a stored tool."""

    id: int
    name: str
    domain: str | None


def product_domain(url: str | None) -> str | None:
    """The host of a product's own home page; None for a listing platform or a deeper page
    (a vendor's blog post names one of its many products, not the whole domain)."""
    host = host_of(url)
    if host is None or any(host == p or host.endswith("." + p) for p in PLATFORM_HOSTS):
        return None
    if urlsplit(url or "").path not in ("", "/"):
        return None
    return host


def name_key(name: str) -> str:
    """A name folded for comparison: lower case, no noise words, no punctuation."""
    folded = _NOISE_WORDS.sub(" ", name.lower())
    return _NON_WORD.sub(" ", folded).strip()


def is_same_name(a: str, b: str) -> bool:
    """Whether two tool names name the same product (close spelling, same version numbers)."""
    key_a, key_b = name_key(a), name_key(b)
    if not key_a or not key_b or _NUMBERS.findall(key_a) != _NUMBERS.findall(key_b):
        return False
    if key_a.replace(" ", "") == key_b.replace(" ", ""):
        return True
    return fuzz.token_sort_ratio(key_a, key_b) >= NAME_MATCH_THRESHOLD


def resolve(name: str, url: str | None, known: Iterable[KnownTool]) -> int | None:
    """The id of the known tool this launch is about, or None for a new tool."""
    domain = product_domain(url)
    candidates = list(known)
    if domain:
        for tool in candidates:
            if tool.domain == domain:
                return tool.id
    for tool in candidates:
        if is_same_name(name, tool.name):
            return tool.id
    return None
