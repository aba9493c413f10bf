"""vendor: who makes the tool, from the phrases that say so and the URL host."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from scrapers.facts.engine import Hit, Rule, Sentences
from scrapers.records import FactRecord

# Canonical vendor name -> the spellings that name it in running text.
KNOWN_VENDORS: dict[str, tuple[str, ...]] = {
    "Meta": ("Meta AI", "Meta"),
    "Mistral AI": ("Mistral AI", "Mistral"),
    "OpenRouter": ("OpenRouter",),
    "OpenAI": ("OpenAI",),
    "Anthropic": ("Anthropic",),
    "Google DeepMind": ("Google DeepMind", "DeepMind"),
    "Google": ("Google",),
    "Microsoft": ("Microsoft",),
    "Alibaba Cloud": ("Alibaba Cloud", "Alibaba"),
    "DeepSeek": ("DeepSeek",),
    "Cohere": ("Cohere",),
    "Stability AI": ("Stability AI",),
    "NVIDIA": ("NVIDIA", "Nvidia"),
    "xAI": ("xAI",),
    "Perplexity": ("Perplexity",),
    "AI21 Labs": ("AI21 Labs", "AI21"),
}

# A vendor's own web host (or a parent of it) -> canonical vendor name.
VENDOR_DOMAINS: dict[str, str] = {
    "mistral.ai": "Mistral AI",
    "meta.com": "Meta",
    "llama.com": "Meta",
    "openrouter.ai": "OpenRouter",
    "openai.com": "OpenAI",
    "anthropic.com": "Anthropic",
    "deepmind.google": "Google DeepMind",
    "microsoft.com": "Microsoft",
    "deepseek.com": "DeepSeek",
    "cohere.com": "Cohere",
    "stability.ai": "Stability AI",
    "nvidia.com": "NVIDIA",
    "x.ai": "xAI",
    "perplexity.ai": "Perplexity",
    "ai21.com": "AI21 Labs",
}

# Capitalised words that vendor phrases catch but that never name a vendor.
NOT_VENDORS = frozenset(
    {"The", "This", "That", "It", "We", "Our", "Today", "Hugging Face", "GitHub", "Ollama",
     "Python", "January", "February", "March", "April", "May", "June", "July", "August",
     "September", "October", "November", "December", "Monday", "Tuesday", "Wednesday",
     "Thursday", "Friday", "Saturday", "Sunday"}
)

_NAME = r"[A-Z][\w&.-]*[\w&](?:\s+(?:AI|Labs|[A-Z][\w&.-]*[\w&])){0,2}"
_PRODUCT_NOUNS = (
    "model", "feature", "tool", "app", "assistant", "API", "family", "release", "agent", "editor",
    "platform", "plugin", "extension", "service", "suite", "checkpoint", "runtime", "library", "SDK",
)
_PRODUCT_NOUN = "(?:" + "|".join(_PRODUCT_NOUNS) + ")s?"
# (rule with a `name` group, weight): strong phrases say who made the thing.
VENDOR_PHRASES: tuple[tuple[Rule, int], ...] = (
    (Rule(rf"\b{_PRODUCT_NOUN}\s+(?:from|by)\s+(?P<name>{_NAME})",
          starts=tuple(noun.lower() for noun in _PRODUCT_NOUNS), needs=(" from ", " by ")), 3),
    (Rule(
        rf"(?P<name>{_NAME})\s+(?:has|have)\s+(?:just\s+|now\s+)?"
        r"(?:open-sourced|open sourced|released|launched|shipped|unveiled|introduced|announced)\b",
        needs=(" has ", " have "),
    ), 3),
    (Rule(rf"\bis\s+(?P<name>{_NAME})'s\b", starts="is ", needs=("'s",)), 3),
    (Rule(rf"\b(?:according to|by)\s+(?P<name>{_NAME})'s\b", starts=("according to ", "by "),
          needs=("'s",)), 2),
)
_KNOWN_ALIASES = sorted(
    ((alias, vendor) for vendor, aliases in KNOWN_VENDORS.items() for alias in aliases),
    key=lambda pair: -len(pair[0]),
)
# Known vendors count on weaker evidence too: a possessive or a claim.
KNOWN_VENDOR_PHRASE = Rule(
    r"\b(?P<name>" + "|".join(re.escape(a) for a, _ in _KNOWN_ALIASES) + r")"
    r"(?:'s\b|\s+(?:claims|says|reports)\b)",
    starts=tuple(sorted({alias.lower() for alias, _ in _KNOWN_ALIASES})),
    needs=("'s", " claims", " says", " reports"),
)

def vendor_facts(sentences: Sentences, url: str | None) -> list[FactRecord]:
    """At most one vendor: the name the strongest phrases (and the URL host) point to."""
    scores: dict[str, int] = {}
    first: dict[str, Hit] = {}
    for hit, weight in _vendor_hits(sentences):
        scores[hit.value] = scores.get(hit.value, 0) + weight
        first.setdefault(hit.value, hit)
    domain_vendor = _vendor_of_url(url)
    named = _naming(sentences, domain_vendor) if domain_vendor else None
    if domain_vendor and named:  # the host says who; the snippet is the text that names them
        scores[domain_vendor] = scores.get(domain_vendor, 0) + 2
        first.setdefault(domain_vendor, named)
    own = _own_blog(sentences)
    if own:
        hit, weight = own
        scores[hit.value] = scores.get(hit.value, 0) + weight
        first.setdefault(hit.value, hit)
    if not scores:
        return []
    _fold_short_names(scores)
    order = [name for name in first if name in scores]
    best = max(order, key=lambda name: (scores[name], -order.index(name)))
    return [first[best].fact("vendor")]


_VENDOR_RULES = frozenset([rule for rule, _ in VENDOR_PHRASES] + [KNOWN_VENDOR_PHRASE])

def _vendor_hits(sentences: Sentences) -> Iterator[tuple[Hit, int]]:
    if not sentences.any_live(_VENDOR_RULES):
        return
    for index, weight, match in sentences.reading((*VENDOR_PHRASES, (KNOWN_VENDOR_PHRASE, 1))):
        name = _canonical_vendor(match["name"])
        if name:
            yield sentences.hit(name, index, match), weight


# A company's own feed, as it names itself or is configured: "Kestrel Labs blog", "The Cohere Blog",
# "Mistral AI News", "Google Developers Blog - AI", "mistral-news".
_OWN_FEED = re.compile(
    r"^(?:the\s+)?(?P<name>.+?)[\s_-]+(?:developers?[\s_-]+)?"
    r"(?:blog|news|newsroom|announcements|updates|press)(?:\s*[-–:|].*)?$", re.I)
# Feeds of everyone's news, not of one company's.
_AGGREGATORS = re.compile(r"hacker|product ?hunt|reddit|lobste|techcrunch|the verge|arxiv|medium|substack"
                          r"|google news|weekly|digest|newsletter", re.I)
_FIRST_PERSON = re.compile(r"\b(?:we|we're|we’re|we've|we’ve|our)\b", re.I)


def _own_blog(sentences: Sentences) -> tuple[Hit, int] | None:
    """The company whose own feed the launch is from, and how sure: surest when the text speaks
    for it ("we are releasing"). A feed named by a slug counts only for a vendor we know."""
    feed = _OWN_FEED.match(sentences.source.strip())
    if not feed or _AGGREGATORS.search(sentences.source):
        return None
    name = feed["name"].strip()
    known = next((vendor for alias, vendor in _KNOWN_ALIASES
                  if re.search(rf"(?<![\w-]){re.escape(alias)}(?![\w-])", name, re.I)), None)
    if not known and (name.islower() or "-" in name):
        return None
    vendor = known or name
    named = _naming(sentences, vendor, or_headline=False)
    for sentence in sentences.items:
        if speaks := _FIRST_PERSON.search(sentence):
            return named or Hit(vendor, sentence, *speaks.span()), 3
    return (named, 2) if named else None


def _short_names(vendor: str) -> list[str]:
    """A company and what its own text calls it: "Lumenfold Labs" writes "Lumenfold"."""
    short = re.sub(r"\s+(?:AI|Labs|Inc\.?|Ltd\.?|Technologies|Research|HQ)$", "", vendor)
    return [vendor, short] if short != vendor and len(short) > 2 else [vendor]


def _naming(sentences: Sentences, vendor: str, *, or_headline: bool = True) -> Hit | None:
    """The first sentence that names the vendor (else, `or_headline`, the first sentence)."""
    aliases = [alias for alias, name in _KNOWN_ALIASES if name == vendor] or _short_names(vendor)
    for sentence in sentences.items:
        for alias in aliases:
            at = sentence.find(alias)
            if at >= 0:
                return Hit(vendor, sentence, at, at + len(alias))
    # Named nowhere: the headline, a literal span of the launch, stands for the page at that host.
    return Hit(vendor, sentences[0], 0, 0) if sentences.items and or_headline else None


def _fold_short_names(scores: dict[str, int]) -> None:
    """'Lumenfold' counts for 'Lumenfold Labs' when both were seen."""
    for short in sorted(scores, key=len):
        longer = next((n for n in scores if n.startswith(short + " ")), None)
        if longer:
            scores[longer] += scores.pop(short)


def _canonical_vendor(name: str) -> str | None:
    words = name.strip().rstrip(".").split()
    while words and words[0] in NOT_VENDORS:  # "Today Lumenfold Labs" -> "Lumenfold Labs"
        words.pop(0)
    name = " ".join(words)
    for alias, vendor in _KNOWN_ALIASES:
        if name == alias or name.startswith(alias + " "):
            return vendor
    return name if name and name not in NOT_VENDORS else None


def _vendor_of_url(url: str | None) -> str | None:
    # The host is part of the URL: no vendor domain in it, no vendor host (and no parsing).
    if not url or not any(map(url.lower().__contains__, VENDOR_DOMAINS)):
        return None
    host = (urlsplit(url).hostname or "").lower()
    for domain, vendor in VENDOR_DOMAINS.items():
        if host == domain or host.endswith("." + domain):
            return vendor
    return None

