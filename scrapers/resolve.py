"""Which tool a launch is about: the same product site (a domain, or owner/repo on a code host),
else a close name once versions and model sizes are set aside: releases of one product are one tool."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlsplit

from rapidfuzz import fuzz, process

from scrapers.normalise import host_of

# Hosts that list many products: a launch linking there says nothing about which product it is.
PLATFORM_HOSTS = frozenset(
    {"producthunt.com", "news.ycombinator.com", "github.com", "huggingface.co", "x.com",
     "twitter.com", "youtube.com", "medium.com", "substack.com", "reddit.com", "arxiv.org",
     "linkedin.com", "apps.apple.com", "play.google.com", "chromewebstore.google.com"}
)
# Hosts where the owner/repository path names the product: github.com/owner/repo is the key,
# github.com alone never is.
CODE_HOSTS = frozenset({"github.com", "gitlab.com", "codeberg.org", "huggingface.co"})
NAME_MATCH_THRESHOLD = 90
# A close spelling counts only for names of at least this many letters: in a short name the one
# letter a close spelling allows makes another product ("Llama" and "Ollama", "Ray" and "Xray").
MIN_FUZZY_CHARS = 8
_NOISE_WORDS = re.compile(r"\b(ai|app|the|by|inc|labs?|hq|io)\b")
_NON_WORD = re.compile(r"[^a-z0-9]+")
# Set aside before names are compared: a model size or parameter count ("34B", "8x7B", "1.5B",
# "350M") is one model of the product, and a version ("v2", "4.7", "25.08", "2.0-beta") is one
# release of it. Both run on the lower-cased name, before punctuation goes.
_SIZES = re.compile(r"\b\d+(?:\.\d+)?(?:x\d+(?:\.\d+)?)?[bmkt]\b")
# A name that is only a version, as a release page titles itself: "v1.1.0", "2.0.0-rc.1"
_VERSION_ONLY = re.compile(r"^v?\d+(?:\.\d+)*(?:[-+.][0-9a-z.]+)?$", re.IGNORECASE)
_VERSIONS = re.compile(r"\bv?\d+(?:\.\d+)*(?:[-. ]?(?:alpha|beta|rc|preview)[.-]?\d*)?\b")

# What a version's model takes in, after the version: "Kestrel 3.2 Vision" is a model of Kestrel 3.2, as a
# size is (not before a version: "Kestrel Vision 2" names a product of its own)
_MODALITY_AFTER_VERSION = re.compile(r"(?<=\d)\s+(?:vision|audio|speech)\b$")


@dataclass(frozen=True)
class KnownTool:
    """What resolution needs to know of a stored tool."""

    id: int
    name: str
    domain: str | None


@lru_cache(maxsize=16384)
def product_domain(url: str | None) -> str | None:
    """The host of a product's own home page; None for a listing platform or a deeper page
    (a vendor's blog post names one of its many products, not the whole domain)."""
    host = host_of(url)
    if host is None or _is_platform(host):
        return None
    if urlsplit(url or "").path not in ("", "/"):
        return None
    return host


@lru_cache(maxsize=16384)
def product_key(url: str | None) -> str | None:
    """What identifies the product at this URL: its own domain, or 'github.com/owner/repo' on a
    code host (any page of the repository); None for anything else."""
    host = host_of(url)
    if host in CODE_HOSTS:
        parts = [part for part in urlsplit(url or "").path.lower().split("/") if part]
        return f"{host}/{parts[0]}/{parts[1].removesuffix('.git')}" if len(parts) >= 2 else None
    return product_domain(url)


def _is_platform(host: str) -> bool:
    """Whether the host is a listing platform or one of its subdomains."""
    labels = host.split(".")
    return any(".".join(labels[i:]) in PLATFORM_HOSTS for i in range(len(labels) - 1))


@lru_cache(maxsize=16384)  # a launch's name is folded to find its product link, its tool, its maker's
def name_key(name: str) -> str:
    """A name folded for comparison: lower case, no sizes, versions, noise words or punctuation
    (a name that is nothing but a version keeps its numbers)."""
    lowered = _MODALITY_AFTER_VERSION.sub(" ", name.lower())
    key = _fold(_VERSIONS.sub(" ", _SIZES.sub(" ", lowered)))
    return key or _fold(lowered)


def maker_named(name: str, maker: str | None) -> list[str]:
    """The name with its maker's in front, as aggregators often write it ("Brackenfield Scribe" for
    Scribe by Brackenfield AI, "Thornbury Wren" for Wren by Thornbury Robotics): with the maker's
    brand (its name less noise words such as "AI" and "Labs") and with the brand's first word.
    [] when there is no maker or the name holds it already."""
    brand = name_key(maker) if maker else ""
    if not brand or brand.split()[0] in name_key(name).split():
        return []
    first = brand.split()[0]
    return [f"{brand} {name}"] + ([f"{first} {name}"] if first != brand else [])


def _fold(text: str) -> str:
    return " ".join(_NON_WORD.sub(" ", _NOISE_WORDS.sub(" ", text)).split())


def is_same_name(a: str, b: str) -> bool:
    """Whether two tool names name the same product (close spelling, whatever the version or size)."""
    key_a, key_b = name_key(a), name_key(b)
    if not key_a or not key_b:
        return False
    if key_a.replace(" ", "") == key_b.replace(" ", ""):
        return True
    return (_fuzzy_enough(key_a) and _fuzzy_enough(key_b)
            and fuzz.token_sort_ratio(key_a, key_b) >= NAME_MATCH_THRESHOLD)


def _fuzzy_enough(key: str) -> bool:
    return len(key) - key.count(" ") >= MIN_FUZZY_CHARS


@dataclass
class _Names:
    """Folded names, found exactly or by a close spelling."""

    exact: dict[str, int] = field(default_factory=dict)  # key without spaces -> id
    # key length -> (keys with their words sorted, ids): a close name has a close length
    by_length: dict[int, tuple[list[str], list[int]]] = field(default_factory=dict)
    listed: set[str] = field(default_factory=set)  # the keys of by_length

    def add(self, key: str, tool_id: int) -> None:
        self.exact.setdefault(key.replace(" ", ""), tool_id)
        if not _fuzzy_enough(key):
            return
        words = _sorted_words(key)
        # A key listed already (another tool of that name, on another site) is listed once: the
        # copy would score as the first does and, listed later, never win; it would only be scanned.
        if words in self.listed:
            return
        self.listed.add(words)
        keys, ids = self.by_length.setdefault(len(key), ([], []))
        keys.append(words)
        ids.append(tool_id)

    def find(self, key: str) -> int | None:
        exact = self.exact.get(key.replace(" ", ""))
        if exact is not None or not _fuzzy_enough(key):
            return exact
        query, found, best_score = _sorted_words(key), None, -1.0
        for length in _close_lengths(len(key)):
            keys, ids = self.by_length.get(length, _EMPTY)
            match = process.extractOne(query, keys, scorer=fuzz.ratio, processor=None,
                                       score_cutoff=NAME_MATCH_THRESHOLD) if keys else None
            if match is not None and match[1] > best_score:
                found, best_score = ids[match[2]], match[1]
        return found


_EMPTY: tuple[list[str], list[int]] = ([], [])


def _sorted_words(key: str) -> str:
    # fuzz.ratio over sorted words is fuzz.token_sort_ratio, without sorting every candidate
    # again on every lookup
    return " ".join(sorted(key.split()))


@lru_cache(maxsize=256)
def _close_lengths(length: int) -> range:
    # ratio = 100 * (1 - distance / (a + b)) and distance >= |a - b|, so a score of
    # NAME_MATCH_THRESHOLD (T) needs 100 * |a - b| <= (100 - T) * (a + b): for b below a,
    # b >= a * T / (200 - T); above it, b <= a * (200 - T) / T. Other lengths cannot match. In
    # integers, so that a length on the bound (11 and 9 for T = 90: exactly 90) is never lost to
    # rounding, and none past it is scanned (each scan reads every name of its length).
    low = -(-length * NAME_MATCH_THRESHOLD // (200 - NAME_MATCH_THRESHOLD))
    high = length * (200 - NAME_MATCH_THRESHOLD) // NAME_MATCH_THRESHOLD
    return range(max(low, 1), high + 1)


class ToolIndex:
    """Known tools, looked up by product key (domain or code repository), then exact folded name,
    then close name.

    A lookup costs a few dict probes and rapidfuzz scans (in C) over the names of a close
    length, however many tools there are. It decides as
    `is_same_name` does, taking the closest name where the old linear scan took the first."""

    def __init__(self, tools: Iterable[KnownTool] = ()) -> None:
        self._by_domain: dict[str, int] = {}
        self._names = _Names()
        self._key_of: dict[int, str] = {}
        self._names_of: dict[int, list[str]] = {}
        self._seen: set[tuple[int, str]] = set()
        self._ids: set[int] = set()
        # (owner, name key) -> id: a vendor's domain and its hub ids ("acme.ai", "acme/Quill-7B"), see _owned
        self._by_owner: dict[tuple[str, str], int] = {}
        # name -> its name_key: a batch folds a launch's name to look it up, then to add it
        self._keys: dict[str, str] = {}
        for tool in tools:
            self.add(tool)

    def __len__(self) -> int:
        return len(self._ids)

    def add(self, tool: KnownTool) -> None:
        """Index the tool under its key (`domain`) and name; an earlier tool keeps a domain or name it
        shares with a later one. Adding the same id under another name adds an alias."""
        self._ids.add(tool.id)
        if tool.domain:
            self._by_domain.setdefault(tool.domain, tool.id)
            self._key_of.setdefault(tool.id, tool.domain)
        key = self._key(tool.name)
        if not key or (tool.id, key) in self._seen:
            return
        self._seen.add((tool.id, key))
        if (owned := _owned(tool.name, tool.domain)) is not None:
            self._by_owner.setdefault(owned, tool.id)
        self._names_of.setdefault(tool.id, []).append(key)
        self._names.add(key, tool.id)

    def find(self, name: str, url: str | None) -> int | None:
        """The id of the known tool this launch is about (`url` being the product's own site
        when the entry carries it), or None for a new tool."""
        site = product_key(url)
        key = self._key(name)
        if site and "/" in site and _VERSION_ONLY.match(name.strip()):
            # a release titled by its version alone ("v1.1.0" at gitlab.com/vantory/saltreed/-/releases/...):
            # the repository names the product
            key = self._key(site.rsplit("/", 1)[1])
        if site and site in self._by_domain:
            found = self._by_domain[site]
            names = self._names_of.get(found, [])
            if key in names or not any(_is_sibling(key, known) for known in names):
                return found
        found = self._names.find(key) if key else None
        if found is not None and site and _is_other_site(site, self._key_of.get(found)):
            return None  # github.com/a/x and github.com/b/x: one name, two products
        if found is None:
            return self._owners_tool(name, site, url)
        return found

    def _owners_tool(self, name: str, site: str | None, url: str | None) -> int | None:
        """A model's tool by its owner: "acme/Quill-7B" on a hub and "Quill 7B" at acme.ai (or a post
        there) are one; so are the hub id and a tool of that exact name known by no site yet (a vendor's
        post, whose deep link is no product key)."""
        host = host_of(url)
        owner_site = site or (host if host and not _is_platform(host) else None)
        if (owned := _owned(name, owner_site)) is None:
            return None
        if (found := self._by_owner.get(owned)) is not None:
            return found
        if site and "/" in site:  # a hub id: a tool of the name after its owner, with no site of its own
            found = self._names.exact.get(owned[1].replace(" ", ""))
            return found if found is not None and found not in self._key_of else None
        return None

    def _key(self, name: str) -> str:
        key = self._keys.get(name)
        if key is None:
            key = self._keys[name] = name_key(name)
        return key


_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "edu"})


def _owned(name: str, site: str | None) -> tuple[str, str] | None:
    """Who owns the product and its folded name: a hub id's owner and the name after it ("acme/Quill-7B"
    at huggingface.co/acme/quill-7b is ("acme", "quill")), or a domain's name and the product's ("Quill 7B"
    at acme.ai, acme.co.uk); None for a repository titled otherwise, or no site. A vendor names its hub
    account as its domain, so that the two entries of one model meet."""
    if not site:
        return None
    if "/" in site:
        owner = site.split("/")[1]
        head, slash, repo = name.strip().partition("/")
        if not slash or head.casefold() != owner or not repo:
            return None
    else:
        labels = site.removeprefix("www.").split(".")
        if len(labels) < 2:
            return None
        owner = labels[-3] if len(labels) > 2 and labels[-2] in _SECOND_LEVEL else labels[-2]
        repo = name
    key = name_key(repo)
    return (_NON_WORD.sub("", owner.casefold()), key) if key and owner else None


def _is_sibling(key: str, known: str) -> bool:
    """Whether two names are two products of one brand ("claude code" and "claude opus"): the same
    first word, then different words. A vendor's products often share its home page."""
    words, known_words = key.split(), known.split()
    return bool(words and known_words) and words[0] == known_words[0] and words != known_words


def _is_other_site(site: str, known: str | None) -> bool:
    """Whether two product keys of one kind (two domains, or two repositories) differ. One owner's
    repositories on two code hosts are one product's ("huggingface.co/acme/quill-7b" for the weights,
    "github.com/acme/quill" for the code); two owners' are two."""
    if known is None or known == site or ("/" in known) != ("/" in site):
        return False
    if "/" in site:
        (host, owner, _), (known_host, known_owner, _) = site.split("/", 2), known.split("/", 2)
        return host == known_host or owner != known_owner
    return True


def resolve(name: str, url: str | None, known: Iterable[KnownTool]) -> int | None:
    """The id of the known tool this launch is about, or None for a new tool.

    Builds an index on every call: to resolve many launches, keep one ToolIndex instead."""
    return ToolIndex(known).find(name, url)
