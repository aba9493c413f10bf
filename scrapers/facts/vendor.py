"""vendor: who makes the tool, from the phrases that say so and the URL host."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from urllib.parse import urlsplit

from scrapers.facts.base_model import FAMILIES, FAMILY_NAMED
from scrapers.facts.engine import Hit, Rule, Searched, Sentences, _fold, clause_before
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
     "What", "Who", "Where", "When", "Why", "How", "Here", "There", "Let", "Now", "Everyone",
     "Everybody", "Someone", "Nobody", "Yesterday", "Tomorrow", "Tonight", "Last", "Next",
     "Python", "January", "February", "March", "April", "May", "June", "July", "August",
     "September", "October", "November", "December", "Monday", "Tuesday", "Wednesday",
     "Thursday", "Friday", "Saturday", "Sunday"}
)

# A company's legal form after its name (see `_canonical_vendor`).
_LEGAL_WORDS = (r"(?:Inc|Ltd|LLC|L\.L\.C|Limited|GmbH|AG|S\.A|SAS|SARL|B\.V|N\.V|Oy|ApS"
                r"|Pty\.? Ltd|Pvt\.? Ltd|Pvt|Pty|Private Limited|PLC|plc|Corp|Corporation)")
# (two names joined by "&" are one company's: "Farthing & Finch Audio")
_NAME = r"[A-Z][\w&.-]*[\w&](?:(?:\s+&)?\s+(?:AI|Labs|[A-Z][\w&.-]*[\w&])){0,2}"
_PRODUCT_NOUNS = (
    "model", "feature", "tool", "app", "assistant", "API", "family", "release", "agent", "editor",
    "platform", "plugin", "extension", "service", "suite", "checkpoint", "runtime", "library", "SDK",
    "LLM", "MoE", "framework", "engine", "toolkit", "CLI", "chatbot", "copilot", "reranker",
    "embedder", "encoder", "fine-tune",
)
_PRODUCT_NOUN = "(?:" + "|".join(_PRODUCT_NOUNS) + ")s?"
# What a company adds to a product of its own (a model is more often another maker's).
_FEATURE_NOUN = ("(?:feature|tool|app|assistant|API|agent|editor|plugin|extension|service|SDK|CLI"
                 "|integration|mode|dashboard|endpoint|workflow|view)s?")
# "Created by Ugandan engineers", "built by ex-Google researchers": who, not which company.
_PEOPLE = (r"(?:engineers|researchers|developers|students|scientists|people|folks|volunteers"
           r"|contributors|hackers|alumni|veterans|founders)\b")
# What a maker says of its own launch, in the present or past: "Acme releases", "Acme unveiled".
_ANNOUNCES = (r"(?:announc(?:es|ed)|releas(?:es|ed)|launch(?:es|ed)|unveil(?:s|ed)|introduc(?:es|ed)"
              r"|open[- ]sourc(?:es|ed)|debut(?:s|ed)|roll(?:s|ed) out)\b"
              r"(?!\s+(?:are|were|is|was|of|in|for|with)\b)")
# A possessive, straight or curly, and a plural's: "Acme's", "Acme’s", "Canopy Labs’".
_POSS = r"(?:['’]s\b|(?<=s)['’](?=\s))"
_POSS_MARKS = ("'s", "’s", "s'", "s’")
# A possessive's mark, and a name's words back from it, read in the reversed sentence: the name is
# at most three words of `_NAME`'s chars, apart by whitespace, and begins at a capital.
_MARK = re.compile("['’]")
_NAME_WORDS_BACK = re.compile(r"[\w&.-]*(?:\s+[\w&.-]*){0,2}")
_CAPITAL = re.compile("[A-Z]")
# A sentence with fewer chars than this a mark (plus one) is scanned whole: trying the pattern at
# every place costs less there than finding each mark and the capitals before it (measured).
_CHARS_A_MARK = 120


def _owners(pattern: re.Pattern[str], sentence: str) -> list[re.Match[str]]:
    """What pattern.finditer(sentence) gives, for a pattern whose matches open with `_NAME`
    then `_POSS`: tried only at the capitals of the three words before each mark (the regex
    engine tries a pattern opening with a character class at every place of the sentence, and
    most of a long sentence is nobody's name)."""
    if len(sentence) < _CHARS_A_MARK * (1 + sentence.count("'") + sentence.count("’")):
        return list(pattern.finditer(sentence))
    found: list[re.Match[str]] = []
    done, backwards, size = 0, "", len(sentence)
    for mark in _MARK.finditer(sentence):
        at = mark.start()
        if at <= done:
            continue  # (within the last match: finditer goes on after it)
        backwards = backwards or sentence[::-1]
        back = _NAME_WORDS_BACK.match(backwards, size - at)  # (it matches at least "")
        reach = back.end() - back.start() if back else 0
        for capital in _CAPITAL.finditer(sentence, max(done, at - reach), at):
            if match := pattern.match(sentence, capital.start()):
                found.append(match)
                done = match.end()
                break
    return found


# (rule with a `name` group, weight): strong phrases say who made the thing.
VENDOR_PHRASES: tuple[tuple[Rule, int], ...] = (
    (Rule(rf"\b{_PRODUCT_NOUN}\s+(?:from|by)\s+(?P<name>{_NAME})",
          starts=tuple(noun.lower() for noun in _PRODUCT_NOUNS), needs=(" from ", " by ")), 3),
    (Rule(
        rf"(?P<name>{_NAME})\s+(?:has|have)\s+(?:just\s+|now\s+)?"
        r"(?:open-sourced|open sourced|released|launched|shipped|unveiled|introduced|announced)\b",
        needs=(" has ", " have "),
    ), 3),
    # "Acme Labs today announced", "Acme releases Orca", "Acme AI unveils ...": the maker's own news.
    # "built by Acme", "developed by Acme Labs", "the first model released by Acme".
    # (a lab of a university or a company is the lab: "built by Stanford's Hazy Research lab")
    (Rule(rf"\b(?i:built|made|developed|created|trained|released|published|open[- ]?sourced|maintained"
          rf"|brought to you)\s+by\s+(?:the\s+)?(?:{_NAME}{_POSS}\s+(?=[A-Z][^.;,]*?\s(?i:lab|group|team"
          rf"|institute|cent(?:er|re))\b))?(?P<name>{_NAME})\b(?!\s+{_PEOPLE})",
          starts=("built", "made", "developed", "created", "trained", "released", "published", "open",
                  "maintained", "brought"),
          needs=("built by", "made by", "developed by", "created by", "trained by", "released by",
                 "published by", "sourced by", "maintained by", "you by")), 3),
    # an app store's or a model card's field: "Seller: Hatchard Apps Ltd", "Developer: Pagdandi Edutech
    # Pvt. Ltd.", "Publisher: Orbis Games GmbH" (not a model's "Provider: ...")
    # ... and a store listing's "Vendor: Tallowmere", "Offered by: Wyndle Software"
    (Rule(rf"\b(?i:seller|developer|publisher|vendor|offered by)\s*:\s*(?P<name>{_NAME})",
          starts=("seller", "developer", "publisher", "vendor", "offered"),
          needs=("seller", "developer", "publisher", "vendor", "offered by")), 3),
    # a store listing's byline between its dots: "Snipwhale · by Tansyworth Software · 1.2k installs"
    (Rule(rf"(?<=· )(?i:by)\s+(?P<name>{_NAME})(?=\s*·)", needs=("· by ",)), 3),
    # a page's copyright line: "© 2026 Marshpenny Inc.", "© 2024–2026 Acme Labs"
    (Rule(rf"©\s*(?:\d{{4}}(?:\s*[–-]\s*\d{{4}})?,?\s+)?(?P<name>{_NAME})", needs=("©",)), 2),
    # "from the team at Acme Labs", "built by the folks at Acme"
    (Rule(rf"\b(?:team|folks|people|engineers)\s+at\s+(?P<name>{_NAME})",
          starts=("team", "folks", "people", "engineers"),
          needs=("team at", "folks at", "people at", "engineers at")), 2),
    # a byline: "Posted by the Moorhen Software team", "Written by the Acme Labs team."
    (Rule(rf"\b(?i:posted|written|published|brought to you)\s+by\s+the\s+(?P<name>{_NAME})\s+team\b",
          starts=("posted", "written", "published", "brought"), needs=(" team",)), 2),
    # the makers naming themselves: "we (Acme Labs) built", "We at Acme made", "we, Acme AI, have built"
    (Rule(rf"\b(?i:we)\s*(?:\(\s*|,\s*|\s+at\s+)(?P<name>{_NAME})\s*\)?,?\s+(?:[\w-]+\s+){{0,2}}?"
          r"(?i:built|made|launched|released|created|developed|shipped|trained|wrote|are building)\b",
          starts=("we",), needs=("we (", "we,", "we at ")), 3),
    # "Orca (by Acme) is ...", "Orca (from Acme Labs)"
    (Rule(rf"\((?:by|from)\s+(?P<name>{_NAME})\)", starts=("(by", "(from"), needs=("(by", "(from")), 3),
    (Rule(rf"\bis\s+(?P<name>{_NAME}){_POSS}", starts="is ", needs=_POSS_MARKS), 3),
    # A headline: "Canopy Labs’ Orpheus TTS is live on GroqCloud", "Acme's Orca is now available".
    (Rule(rf"^(?P<name>{_NAME}){_POSS}\s+[A-Z0-9][\w.-]*(?:\s+[\w.-]+){{0,3}}?\s+(?:is|are)\s+(?:now\s+)?"
          r"(?:live|available|here|out|coming)\b", needs=_POSS_MARKS), 3),
    # A platform's post names the maker: "Nomic Embed v3 from Nomic AI is in ...", "Kimi K3,
    # Moonshot AI's 1T-parameter model, ...".
    # ... or a headline does: "Orca by Acme Labs", "Orca from Acme: a coding model".
    (Rule(rf"^[A-Z][\w.-]*(?:\s+(?:[A-Z0-9][\w.-]*|v\d[\w.]*)){{0,3}}\s+(?:from|by)\s+(?P<name>{_NAME})"
          r"(?=\s*(?:$|[,:;–—]|\s-\s|(?:is|are|comes|come|now|joins|join|lands|land|has|arrives)\b))",
          needs=(" from ", " by ")), 3),
    (Rule(rf"(?P<name>{_NAME}){_POSS}\s+(?:[\w.-]+\s+){{0,4}}?{_PRODUCT_NOUN}\b", needs=_POSS_MARKS,
          scan=_owners), 2),
    (Rule(rf"\b(?:according to|by)\s+(?P<name>{_NAME}){_POSS}", starts=("according to ", "by "),
          needs=_POSS_MARKS), 2),
)
_KNOWN_ALIASES = sorted(
    ((alias, vendor) for vendor, aliases in KNOWN_VENDORS.items() for alias in aliases),
    key=lambda pair: -len(pair[0]),
)
# Known vendors count on weaker evidence too: a possessive or a claim.
KNOWN_VENDOR_PHRASE = Rule(
    r"\b(?P<name>" + "|".join(re.escape(a) for a, _ in _KNOWN_ALIASES) + r")"
    rf"(?:{_POSS}|\s+(?:claims|says|reports)\b)",
    starts=tuple(sorted({alias.lower() for alias, _ in _KNOWN_ALIASES})),
    needs=(*_POSS_MARKS, " claims", " says", " reports"),
)

def vendor_facts(sentences: Sentences, url: str | None) -> list[FactRecord]:
    """At most one vendor: the name the strongest phrases (and the URL host) point to."""
    if "vendor" not in sentences.memo:  # distribution reads it too
        sentences.memo["vendor"] = _vendor_facts(sentences, url)
    return list(sentences.memo["vendor"])  # type: ignore[call-overload]


def _vendor_facts(sentences: Sentences, url: str | None) -> list[FactRecord]:
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
    headline = _known_maker_headline(sentences)
    if headline:
        scores[headline.value] = scores.get(headline.value, 0) + 2
        first.setdefault(headline.value, headline)
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


_VENDOR_TABLE = (*VENDOR_PHRASES, (KNOWN_VENDOR_PHRASE, 1))
_VENDOR_RULES = frozenset(rule for rule, _ in _VENDOR_TABLE)

def _vendor_hits(sentences: Sentences) -> list[tuple[Hit, int]]:
    """(hit valued as the maker's name, weight) of each vendor phrase (read once per text)."""
    if "vendor_hits" not in sentences.memo:
        sentences.memo["vendor_hits"] = list(_read_vendor_hits(sentences))
    return sentences.memo["vendor_hits"]  # type: ignore[return-value]


def _read_vendor_hits(sentences: Sentences) -> Iterator[tuple[Hit, int]]:
    tool = sentences.name.casefold()
    head = tool.split()[0] if tool.strip() else None
    found = (sentences.reading(_VENDOR_TABLE)
             if sentences.any_live(_VENDOR_RULES) else [])
    possessors = _possessors(sentences, head) + _appositive_makers(sentences, head)
    for index, weight, match in [*found, *_announcers(sentences), *possessors]:
        name = _canonical_vendor(match["name"])
        if not name or name.casefold() == tool:  # "Orca launches today" says nothing of its maker
            continue
        hit = sentences.hit(name, index, match)
        if (index, weight, match) in possessors:
            # "<Maker>'s <this tool>" names its maker, whatever the clause does with it: "Ollama
            # now supports Alibaba's Qwen3-VL" on a post about Qwen3-VL.
            yield hit, weight
            continue
        if match.re is KNOWN_VENDOR_PHRASE.pattern and _anothers_product(match, tool):
            continue
        if _SERVICE_OWNED.match(match.string, match.end("name")) or (
                _NAMED_SERVICE_OWNED.match(match.string, match.end("name"))
                and not _THE_TOOL_IS.search(match.string, 0, match.start("name"))):
            continue
        # "works with Anthropic's Claude", "beats OpenAI's GPT-5", "uses Meta's Llama 3": the maker
        # of something else.
        at = match.start("name")
        before = clause_before(hit.sentence, at)
        if not (_COMPONENT_BEFORE.search(before) or _PASSING_IN_CLAUSE.search(before)
                or _COMPONENTS_MAKER.search(hit.sentence, max(0, at - 80), at)):
            yield hit, weight


# The name a possessive owns: "Meta's Llama", "Google’s Gemma 3".
_OWNED_NAME = re.compile(r"\s+(?P<owned>[A-Z][\w.-]*)")


def _anothers_product(match: re.Match[str], tool: str) -> bool:
    """Whether a known maker's possessive owns a product the tool's name (folded) does not hold ("the
    'llama' here is the animal, not Meta's Llama" on a post about Inti Vision): its maker is not the
    tool's. (The name may be a whole title: "Deploy Whisper v4 on Modal" holds OpenAI's Whisper.)"""
    owned = _OWNED_NAME.match(match.string, match.end())
    return bool(tool.strip() and owned and owned["owned"].casefold() not in tool)


# A maker's service the tool calls or called: "sent to Anthropic's API", "Google's route API, which
# we used before", "on OpenAI's servers" (a service it names, "Acme's Vision API", may be the tool).
_SERVICE_OWNED = re.compile(rf"{_POSS}\s+(?:[a-z][\w-]*\s+){{0,2}}(?:APIs?|servers|cloud|endpoints?)\b")
# ... or named ("... and Outlook's Graph API"), where the text does not say the tool is it ("Quorl is
# Acme's Vision API", "Acme's Vision API reads receipts")
_NAMED_SERVICE_OWNED = re.compile(rf"{_POSS}\s+(?:[A-Z][\w-]*\s+){{1,2}}(?:APIs?|servers|cloud|endpoints?)\b")
_THE_TOOL_IS = re.compile(r"^\W*$|\b(?:is|are|as)\s+$")


# The maker's own news, read from its verb back to its name (a rule that began at every capital
# would be tried all over the text): "Acme Labs today announced", "Acme releases Orca", "Acme
# Labs, the company behind Inkwell, today released Orca", "Acme Labs is releasing Orca".
ANNOUNCED = Rule(rf"\b{_ANNOUNCES}", re.I,
                 starts=("announc", "releas", "launch", "unveil", "introduc", "open", "debut", "roll"))
ANNOUNCING = Rule(r"\b(?:releasing|launching|introducing|open[- ]sourcing|unveiling|announcing|debuting"
                  r"|shipping)\b", re.I,
                  starts=("releasing", "launching", "introducing", "open", "unveiling", "announcing",
                          "debuting", "shipping"))
_MAKER_BEFORE = {
    # (and a press release's legal form, short name and longer appositive: "Ardleigh Systems, Inc., a
    # provider of finance automation software for mid-market companies, today announced")
    ANNOUNCED: re.compile(rf"(?P<name>{_NAME})(?:,?\s+{_LEGAL_WORDS}\.?)?(?:\s+\([“\"][^)]{{1,30}}[”\"]\))?"
                          r"(?:,\s+(?:the|a|an)\s[^,]{1,40},|,\s+(?:a|an)\s(?:provider|maker|developer|leader"
                          r"|creator|company|start-?up)\b[^,]{1,100},)?\s+(?:today\s+|just\s+|now\s+)?$"),
    ANNOUNCING: re.compile(rf"(?P<name>{_NAME})\s+(?:is|are)\s+(?:today\s+|now\s+|proudly\s+)?$"),
}


def _announcers(sentences: Sentences) -> list[tuple[int, int, re.Match[str]]]:
    """(sentence index, weight, match with the maker's `name`) of each maker announcing."""
    found = []
    for rule, before in _MAKER_BEFORE.items():
        for index, verb in sentences.matches(rule):
            at = verb.start()
            if match := before.search(sentences[index], max(0, at - 200), at):
                found.append((index, 3, match))
    return found


# "Pelagic Labs's Ember 2 came out": a possessive just before the tool's own name.
_POSSESSOR = re.compile(
    rf"(?P<name>{_NAME}){_POSS}\s+(?:(?:new|newest|latest|first|open|flagship|next)\s+)*$")


def _possessors(sentences: Sentences, head: str | None) -> list[tuple[int, int, re.Match[str]]]:
    """(sentence index, weight, match with the maker's `name`) of each "<Maker>'s (new) <Tool>"."""
    found = []
    if not head or not any(map(sentences.folded.__contains__, _POSS_MARKS)):
        return found
    for index, at in sentences.spots(head):
        sentence = sentences[index]
        if sentence[at + len(head):at + len(head) + 1].isalnum() or sentence[at - 1:at].isalnum():
            continue  # "Acme's Orcas" is not Orca
        if match := _POSSESSOR.search(sentence, max(0, at - 80), at):
            found.append((index, 2, match))
    return found


# The tool's name, then its maker set off by commas or dashes: "Orca, from Acme Labs, is ...",
# "Orca — by Acme — reads ...", "Orca, made by Acme Labs, ...".
_APPOSITIVE_MAKER = re.compile(
    r"\s*(?:,|\s[—–-])\s*(?:(?:made|built|developed)\s+)?(?:from|by)\s+"
    r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May"
    r"|June|July|August|September|October|November|December|Default|Design|Contrast)\b)"
    rf"(?P<name>{_NAME})\s*(?:,|[—–]|\s-\s)")


def _appositive_makers(sentences: Sentences, head: str | None) -> list[tuple[int, int, re.Match[str]]]:
    """(sentence index, weight, match with the maker's `name`) of each "<Tool>, from <Maker>,"."""
    if not head or not (" from " in sentences.folded or " by " in sentences.folded):
        return []
    found = []
    for index, at in sentences.spots(head):
        end = at + len(head)
        if sentences[index][at - 1:at].isalnum():
            continue
        if match := _APPOSITIVE_MAKER.match(sentences[index], end):
            found.append((index, 3, match))
    return found


# What the tool is built from or on, named before its maker: "uses Meta's Llama", "built on top of
# OpenAI's API", "a fine-tune of Meta's Llama 3".
_COMPONENT_BEFORE = Searched(
    r"\b(?:uses?|using|built (?:on|with)|on top of|based on|fine-tune of|fine-tuned from|runs?|running"
    r"|calls?|connects? to|against|from the makers of)\s+(?:the\s+)?$", re.I)
# ... or the maker of a component, said after it: "powered by Claude, Anthropic's family of models".
_COMPONENTS_MAKER = Searched(
    r"\b(?:powered by|built (?:on|with)|runs? on|running on|uses|using|based on|on top of)\s+"
    r"(?:the\s+)?[A-Z][\w.-]*(?:\s+[\w.-]+){0,3},\s+$", re.I)
# ... or anywhere earlier in its clause, as in a list: "works with Anthropic's Claude and OpenAI's".
_PASSING_IN_CLAUSE = re.compile(
    r"\b(?:works? with|integrates? with|compatible with|supports|supporting|powered by|alternative to"
    r"|than|versus"
    r"|unlike|like|such as|beats?|outperforms?|rivals?|compared (?:to|with)|vs\.?|instead of|replaces?"
    r"|wraps?|bundles?)(?![\w-])", re.I)


# A headline that opens with a known maker's name before the product's: "NVIDIA Nemotron 3.5",
# "OpenAI gpt-oss-safeguard" (not "OpenAI-compatible ...", not "Google's ...").
_KNOWN_HEADLINE = re.compile(
    # (or a platform's headline supporting the maker's product: "Day Zero Support for OpenAI Open Models")
    r"^(?:(?i:(?:day[- ](?:zero|0|one|1)|launch[- ]day|same[- ]day)\s+support)\s+(?i:for)\s+)?"
    r"(?P<name>" + "|".join(re.escape(a) for a, _ in _KNOWN_ALIASES) + r")"
    r"\s+(?!(?:and|or|vs|is|are|to|with|for|in|on|compatib\w*|support|integrations?|partnership)\b)\w")
# Product Hunt makers build on known brands ("Google Sheets to SQL") more often than they are them;
# a brand's name, then a product's with its version, is the brand's own: "Microsoft Majorana 1".
_VERSIONED_PRODUCT = re.compile(r"\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+v?\d[\w.]*(?=\s*(?:$|[-–—:,]))")
_THIRD_PARTY_SOURCES = Searched(r"product ?hunt", re.I)


def _known_maker_headline(sentences: Sentences) -> Hit | None:
    """The known maker a headline opens with, when the feed is not a third-party showcase."""
    if not sentences.items:
        return None
    match = _KNOWN_HEADLINE.match(sentences.items[0])
    if match and _THIRD_PARTY_SOURCES.search(sentences.source) \
            and not _VERSIONED_PRODUCT.match(sentences.items[0], match.end("name")):
        return None
    name = _canonical_vendor(match["name"]) if match else None
    return Hit(name, sentences.items[0], *match.span("name")) if match and name else None


# A company's own feed, as it names itself or is configured: "Kestrel Labs blog", "The Cohere Blog",
# "Mistral AI News", "Google Developers Blog - AI", "mistral-news".
_OWN_FEED = re.compile(
    r"^(?:the\s+)?(?P<name>.+?)[\s_-]+(?:developers?[\s_-]+)?"
    r"(?:blog|news|newsroom|announcements|updates|press)(?:\s*[-–:|].*)?$", re.I)
# Feeds of everyone's news, not of one company's.
_AGGREGATORS = Searched(r"hacker|product ?hunt|reddit|lobste|techcrunch|the verge|arxiv|medium|substack"
                          r"|google news|weekly|digest|newsletter", re.I)


def _own_blog(sentences: Sentences) -> tuple[Hit, int] | None:
    """The company whose own feed the launch is from, when the text presents the launch as its
    own: "we are releasing", "our new model", "<Company> introduces", or a headline that begins
    with the company's product. A platform's post about another maker's model gives nothing."""
    vendor = own_feed_company(sentences)
    if not vendor or _unnamed_release(sentences, vendor) or _MANY_MAKERS.search(sentences.text):
        return None
    claim = _own_claim(sentences, vendor)
    if claim is None:
        unclaimed = _unclaimed_own(sentences, vendor)
        return (unclaimed, 2) if unclaimed else None
    return _naming(sentences, vendor, or_headline=False) or claim, 3


# A product of many companies, none its maker: "a vendor-neutral specification", "backed by Google,
# Amazon, Microsoft, and others" (on Google's own blog).
_MANY_MAKERS = Searched(r"\b(?i:vendor[- ]neutral)\b"
                        r"|\b(?i:backed|governed|maintained|stewarded|supported)\s+by\s+"
                        r"[A-Z][\w.&-]*(?:,\s+[A-Z][\w.&-]*)+,?\s+(?:and|&)\s+(?:[A-Z]|others\b)")


def _unnamed_release(sentences: Sentences, vendor: str) -> bool:
    """A release post ("Murmur 1.5: faster and cheaper") whose text past its headline never names
    its maker, saying only "we", or names it only as the start of the product's own name
    ("Spindrift 4 adds Finnish" on Spindrift's blog, "Nile Scribe 2 reads ..." on Nile's): as
    editors label releases, the maker is the launch's to say. (A post that is only its title is
    still its blog's, as is a launch post.)"""
    if sentences.memo.get(RECORD_KIND) != "release" or len(sentences.items) < 2:
        return False
    body = " ".join(sentences.items[1:]).casefold()
    product = sentences.name.casefold().strip()

    def names_the_maker(alias: str) -> bool:
        # (an alias said as the product's name, or the start of it, is the product's)
        return any(not (product and len(product) >= len(alias) and body.startswith(product, found.start()))
                   for found in re.finditer(rf"\b{re.escape(alias)}\b", body))

    return not any(names_the_maker(name.casefold()) for name in _aliases(vendor))


# Where extract_facts keeps what the entry was read as ("launch", "release").
RECORD_KIND = "record kind"


def _unclaimed_own(sentences: Sentences, vendor: str) -> Hit | None:
    """The company's own feed describing a product in the third person ("Tessera is a sparse
    model ..."), naming no other maker and hosting nothing: the product is the company's. A
    platform's post says where the model now runs ("now on Driftwood", "joins DriftCloud")."""
    if _vendor_hits(sentences) or _is_a_store(vendor):
        return None  # a store's feed (a model hub, a registry) mostly carries others' products
    if _SERVES.search(sentences.text):  # (a word: it never spans two sentences)
        return None
    # A feature of the platform's own, named as no model is, is still the company's ("LoRA Fine-Tune
    # Support Now Live on GroqCloud", "Introducing the Next Generation of Compound on GroqCloud"), and
    # so is the platform itself, the tool named after the company (a release of "GroqCloud"), unless the
    # headline brings a model family ("GroqCloud adds Qwen3 32B").
    aliases = tuple(alias.casefold() for alias in _aliases(vendor))
    own_feature = _A_PLATFORM_FEATURE.search(sentences.name) or (
        sentences.name.casefold().startswith(aliases)
        and not FAMILY_NAMED.search(sentences.items[0] if sentences.items else ""))
    if not own_feature and own_platform(sentences) is not None:
        return None
    return _naming(sentences, vendor)
# A feature of a platform, as its name says (not a product that joins it: "Tern, a coding agent, is now
# on Quarry"): "LoRA Fine-Tune Support", "Prompt Caching", "MCP Connectors", "the Next Generation of X".
_A_PLATFORM_FEATURE = re.compile(
    r"^(?i:(?:the\s+)?next generation of\b)"
    r"|\b(?i:support|caching|connectors?|mode|APIs?|integrations?|batch(?:ing)?|endpoints?|console|playground"
    r"|dashboard|evals?|evaluations|routing|calling|fine-?tuning|fine-?tune|webhooks|SDKs?|pricing|limits"
    r"|regions?|logs|observability)$")


def own_platform(sentences: Sentences) -> tuple[int, str] | None:
    """Where the feed's own company's platform hosts the product, as the text says it ("now on
    GroqCloud", "GroqCloud Now Supports ..." on Groq's feed): the sentence and the platform's name."""
    company = own_feed_company(sentences)
    if not company:
        return None
    aliases = tuple(alias.casefold() for alias in _aliases(company))
    if sentences.folded.isascii() and not any(map(sentences.folded.__contains__, aliases)):
        return None
    for index, sentence in enumerate(sentences.items):
        for match in _HOSTED_AT.finditer(sentence):
            group = "name" if match["name"] else "name2"
            if match[group].casefold().startswith(aliases):
                # (with the word its name goes on with: "now on Together AI")
                more = _PLATFORM_WORD.match(sentence, match.end(group))
                return index, match[group] + (more[0] if more else "")
    return None


_PLATFORM_WORD = re.compile(r"\s(?:AI|Cloud)\b")


def _is_a_store(company: str) -> bool:
    from scrapers.facts.distribution import store_named  # distribution reads vendors: import late

    return store_named(company) is not None


# "now on Driftwood", "joins DriftCloud", "DriftCloud adds", "to every Driftwood user".
_HOSTED_AT = re.compile(
    r"\b(?:on|in|into|to|via|through|for|with|joins?|joining)\s+(?:the\s+|every\s+|all\s+)?(?P<name>[A-Z][\w.-]*)"
    # (a headline's title case and a trademark sign too: "GroqCloud™ Now Supports Qwen3 32B")
    r"|(?P<name2>[A-Z][\w.-]*)[™®]?\s+(?i:now\s+)?(?i:supports|serves|hosts|runs|offers|adds|brings)\b")
_SERVES = Searched(r"\b(?:bring|brings|bringing|partner\w*|hosted|serve|serves|serving)\b", re.I)


def platform_post(sentences: Sentences) -> bool:
    """Whether this is a company's own feed writing about another maker's model ("Gemma 4, from
    Google DeepMind, is now on Ollama"): its quantised builds are the platform's, not the tool's."""
    if "platform_post" not in sentences.memo:
        company = own_feed_company(sentences)
        sentences.memo["platform_post"] = (
            bool(company) and _own_claim(sentences, company) is None
            and any(hit.value != company for hit, _ in _vendor_hits(sentences)))
    return bool(sentences.memo["platform_post"])


def own_feed_company(sentences: Sentences) -> str | None:
    """The company whose own feed this is ("Kestrel Labs blog" -> "Kestrel Labs"), if any. A feed
    named by a slug counts only for a vendor we know; aggregators are nobody's own feed."""
    return _feed_company(sentences.source)


@lru_cache(maxsize=256)
def _feed_company(source: str) -> str | None:
    """own_feed_company by the feed's name (a feed's name is read once, not once per entry)."""
    feed = _OWN_FEED.match(source.strip())
    if not feed or _AGGREGATORS.search(source):
        return None
    name = feed["name"].strip()
    known = next((vendor for alias, vendor in _KNOWN_ALIASES
                  if re.search(rf"(?<![\w-]){re.escape(alias)}(?![\w-])", name, re.I)), None)
    if not known and (name.islower() or "-" in name):
        return None
    return known or name


_CLAIM_VERBS = (r"(?:releas|launch|introduc|ship|open[- ]?sourc|unveil|buil[dt]|train|debut"
                r"|publish)\w*")
# "We are releasing", "Today, we've built", "and we're proud to launch": a clause that opens with
# the company speaking of what it made (not "we serve", "we are partnering", "we're excited to bring",
# nor "the files we built").
_WE_CLAIM = re.compile(r"(?:^|[,;:—–]\s*|\b(?:and|so|today|now|that|why|week|year)\s+)"
                       r"(?:we|we're|we’re|we've|we’ve)\s+(?:[\w-]+\s+){0,3}?"
                       rf"{_CLAIM_VERBS}\b", re.I)
# "our first speech model", "Beacon is our coding agent".
_OUR_CLAIM = re.compile(r"\b(?:our\s+(?:new|first|latest|next|newest|strongest|best|fastest|smallest|largest)"
                        r"|(?:is|are|as|meet|introducing)\s+our)\s+"
                        rf"(?:[\w-]+\s+){{0,3}}?{_PRODUCT_NOUN}\b", re.I)


def _own_claim(sentences: Sentences, vendor: str) -> Hit | None:
    """Where the text presents the launch as the company's own, if it does (read once a text)."""
    key = f"own_claim:{vendor}"
    if key not in sentences.memo:
        sentences.memo[key] = _read_own_claim(sentences, vendor)
    return sentences.memo[key]  # type: ignore[return-value]


@lru_cache(maxsize=256)
def _company_patterns(vendor: str) -> tuple[re.Pattern[str], re.Pattern[str], tuple[str, ...],
                                            tuple[str, ...]]:
    """The company's own claims, its headline, and its names casefolded and as `Sentences.folded`
    folds them (compiled once a company)."""
    aliases = _aliases(vendor)
    names = "|".join(re.escape(alias) for alias in aliases)
    return (re.compile(rf"\b(?:{names})\s+{_CLAIM_VERBS}\b"),
            re.compile(rf"^(?:[Nn]ew in\s+)?(?:{names})\b(?![’'-])"),
            tuple(alias.casefold() for alias in aliases), tuple(_fold(alias) for alias in aliases))


def _read_own_claim(sentences: Sentences, vendor: str) -> Hit | None:
    company_claims, headline, folded_names, named_as = _company_patterns(vendor)
    if sentences.name and headline.search(sentences.name):  # the product bears the company's name
        return _naming(sentences, vendor)
    # The claims the text can make at all: each needs a word the (folded) text must hold, and
    # searching every sentence for a claim whose word is nowhere costs most of this.
    folded = sentences.folded
    claims = tuple(pattern for pattern, word in ((_WE_CLAIM, "we"), (_OUR_CLAIM, "our")) if word in folded)
    if any(map(folded.__contains__, named_as)):
        claims += (company_claims,)
    # A claim found in a sentence is found in the whole text too (^ at a line's start), so one
    # search there drops the claims no sentence makes (most texts make none).
    claims = tuple(pattern for pattern in claims if _ANYWHERE.get(pattern, pattern).search(sentences.text))
    if not claims and "new " not in sentences.text:
        match = headline.search(sentences[0]) if sentences.items else None
        return Hit(vendor, sentences[0], *match.span()) if match else None
    for index, sentence in enumerate(sentences.items):
        # The headline may begin with the company's own product: "Ollama 0.32", "Raycast AI now ...",
        # "New in Pinecone Assistant: ...".
        for pattern in (*claims, headline) if index == 0 else claims:
            if match := pattern.search(sentence):
                return Hit(vendor, sentence, *match.span())
        for match in (_NEW_FEATURE_IN.finditer(sentence) if "new " in sentence else ()):
            if match["name"].casefold().startswith(folded_names):
                return Hit(vendor, sentence, *match.span())
    return None


# The claims as searched in the whole text, a sentence a line (those opening with ^).
_ANYWHERE = {_WE_CLAIM: re.compile(_WE_CLAIM.pattern, _WE_CLAIM.flags | re.MULTILINE)}

# "A new web search API is now available in Ollama": a feature added to the company's product.
_NEW_FEATURE_IN = re.compile(rf"\b(?:[Aa]n?|[Tt]he)\s+new\s+(?:[a-z][\w-]*\s+){{0,3}}?{_FEATURE_NOUN}\b"
                             r"[^.;]*?\b(?:in|to|into)\s+(?P<name>[A-Z][\w.-]*)")


@lru_cache(maxsize=256)  # a feed's company is asked for every entry of the feed
def _aliases(vendor: str) -> tuple[str, ...]:
    return tuple(alias for alias, name in _KNOWN_ALIASES if name == vendor) or tuple(_short_names(vendor))


def _short_names(vendor: str) -> list[str]:
    """A company and what its own text calls it: "Lumenfold Labs" writes "Lumenfold"."""
    short = re.sub(r"\s+(?:AI|Labs|Inc\.?|Ltd\.?|Technologies|Research|HQ)$", "", vendor)
    return [vendor, short] if short != vendor and len(short) > 2 else [vendor]


def _naming(sentences: Sentences, vendor: str, *, or_headline: bool = True) -> Hit | None:
    """The first sentence that names the vendor (else, `or_headline`, the first sentence)."""
    aliases = _aliases(vendor)
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


# A company's legal form after its name: "Strandline Speech Ltd", "Kanakvani Technologies Pvt. Ltd.",
# "Acme, Inc." (the company is named without it, as editors write it).
_LEGAL_FORM = re.compile(rf",?\s+{_LEGAL_WORDS}\.?$")


def _canonical_vendor(name: str) -> str | None:
    name = _LEGAL_FORM.sub("", name.strip())
    words = name.strip().rstrip(".").split()
    while words and words[0] in NOT_VENDORS:  # "Today Lumenfold Labs" -> "Lumenfold Labs"
        words.pop(0)
    name = " ".join(words)
    for alias, vendor in _KNOWN_ALIASES:
        if name == alias or name.startswith(alias + " "):
            return vendor
    if len(words) > 1 and words[-1].casefold() in _PRODUCT_WORDS:
        return None  # a product's name, not its maker's: "Agent Platform's evaluation service"
    if _A_MODELS_NAME.match(name):
        return None  # a model, not its maker: "switched from GPT-4.1 mini to Claude"
    return name if name and name not in NOT_VENDORS else None


# A model family's name with its version: "GPT-4.1", "Llama 3", "Claude 3.5" (not "Mistral AI").
_A_MODELS_NAME = re.compile(rf"(?:{FAMILIES})[- ]?v?\d")  # (begun at the name: `match`)


# The last words of a product's name, not a company's ("Agent Platform", "Vision API"); a company
# named so is one we know ("Alibaba Cloud").
_PRODUCT_WORDS = frozenset({"platform", "api", "sdk", "cli", "service", "suite", "engine", "editor", "app",
                            "assistant", "agent", "toolkit", "framework", "plugin", "extension", "console"})


# A plain URL's scheme and network location (a URL with anything urlsplit would clean or check
# first is left to it).
_PLAIN_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://(?P<netloc>[^/?#]*)")


def _host(url: str) -> str:
    """The URL's host, lower case, as `urlsplit(url).hostname` reads it ("" for none); a plain
    URL's without urlsplit, which cost most of reading a vendor off the URL."""
    plain = (_PLAIN_URL.match(url) if url.isascii() and url.isprintable() and url[0] != " "
             and "[" not in url and "]" not in url else None)
    if plain is None:
        return (urlsplit(url).hostname or "").lower()
    return plain["netloc"].rpartition("@")[2].partition(":")[0].lower()


# Any vendor domain, as one regex: a URL is searched once for all of them.
_ANY_VENDOR_DOMAIN = Searched("|".join(map(re.escape, VENDOR_DOMAINS)))


def _vendor_of_url(url: str | None) -> str | None:
    # The host is part of the URL: no vendor domain in it, no vendor host (and no parsing).
    if not url or not _ANY_VENDOR_DOMAIN.search(url.lower()):
        return None
    host = _host(url)
    for domain, vendor in VENDOR_DOMAINS.items():
        if host == domain or host.endswith("." + domain):
            return vendor
    return None

