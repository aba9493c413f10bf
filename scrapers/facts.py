"""Facts about a tool pulled from launch text, each with the sentence it came from.

Pure and table-driven: every vocabulary below is module data, every extractor a small function from
sentences to facts. Nothing here guesses: a fact is emitted only when a phrase in the text says it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from urllib.parse import urlsplit

from scrapers.records import FACT_KINDS, FactRecord

MAX_SNIPPET_CHARS = 300
ELLIPSIS = "…"

# ---------------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------------

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
_PRODUCT_NOUN = (
    r"(?:model|feature|tool|app|assistant|API|family|release|agent|editor|platform|plugin|"
    r"extension|service|suite|checkpoint|runtime|library|SDK)s?"
)
# (pattern with a `name` group, weight): strong phrases say who made the thing.
VENDOR_PHRASES: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(rf"\b{_PRODUCT_NOUN}\s+(?:from|by)\s+(?P<name>{_NAME})"), 3),
    (re.compile(
        rf"(?P<name>{_NAME})\s+(?:has|have)\s+(?:just\s+|now\s+)?"
        r"(?:open-sourced|open sourced|released|launched|shipped|unveiled|introduced|announced)\b"
    ), 3),
    (re.compile(rf"\bis\s+(?P<name>{_NAME})'s\b"), 3),
    (re.compile(rf"\b(?:according to|by)\s+(?P<name>{_NAME})'s\b"), 2),
)
_KNOWN_ALIASES = sorted(
    ((alias, vendor) for vendor, aliases in KNOWN_VENDORS.items() for alias in aliases),
    key=lambda pair: -len(pair[0]),
)
# Known vendors count on weaker evidence too: a possessive or a claim.
KNOWN_VENDOR_PHRASE = re.compile(
    r"\b(?P<name>" + "|".join(re.escape(a) for a, _ in _KNOWN_ALIASES) + r")"
    r"(?:'s\b|\s+(?:claims|says|reports)\b)"
)

# Category -> keywords (whole words, case-insensitive). The category with most hits wins;
# a tie goes to the earlier row.
CATEGORY_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Developer Tools", (
        "code", "coding", "coder", "developer", "developers", "API", "SDK", "IDE", "CLI",
        "code review", "pull request", "pull requests", "repository", "codebase", "codebases",
        "completion", "fill-in-the-middle", "function calling", "inference", "weights",
        "fine-tune", "embeddings", "LLM gateway", "llama.cpp", "vLLM", "VS Code", "debugging",
    )),
    ("Design", (
        "design", "designer", "designers", "Figma", "mockup", "mockups", "illustration",
        "vector", "logo", "icons", "sketch", "sketches", "wireframe", "wireframes", "typography",
    )),
    ("Writing", (
        "writing", "writer", "writers", "copywriting", "draft", "drafts", "drafting", "essay",
        "essays", "prose", "manuscript", "editorial", "grammar",
    )),
    ("Productivity", (
        "meeting", "meetings", "notes", "calendar", "inbox", "tasks", "to-do", "standup",
        "scheduling", "action items", "workflow automation",
    )),
    ("Audio & Video", (
        "audio", "video", "videos", "voice", "voices", "speech", "text-to-speech", "podcast",
        "transcription", "transcribe", "dubbing", "dub", "music", "subtitles",
    )),
    ("Research", (
        "research", "researchers", "papers", "citations", "citation", "literature", "arXiv",
        "scientific", "peer-reviewed",
    )),
    ("Data & Analytics", (
        "data", "analytics", "spreadsheet", "spreadsheets", "dashboard", "dashboards", "SQL",
        "charts", "CSV", "BI",
    )),
)

# SPDX ids where they exist; plain names otherwise. (pattern, canonical value), first hit wins
# per span.
LICENSE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bApache(?:[- ]License)?[ ,-]*(?:v(?:ersion)?\s*)?2(?:\.0)?\b", re.I),
     "Apache-2.0"),
    (re.compile(r"\bMIT[- ]licen[cs]ed?\b|\bunder (?:the )?MIT\b|\bMIT licen[cs]e\b"), "MIT"),
    (re.compile(r"\bBSD[- ]3[- ]Clause\b|\b3-clause BSD\b", re.I), "BSD-3-Clause"),
    (re.compile(r"\bBSD[- ]2[- ]Clause\b|\b2-clause BSD\b", re.I), "BSD-2-Clause"),
    (re.compile(r"\bAGPL(?:[- ]?v?3(?:\.0)?)?\b"), "AGPL-3.0"),
    (re.compile(r"\b(?<!A)GPL[- ]?v?3(?:\.0)?\b"), "GPL-3.0"),
    (re.compile(r"\bMPL[- ]?2(?:\.0)?\b|\bMozilla Public License\b"), "MPL-2.0"),
    (re.compile(r"\bCC[- ]BY[- ]NC(?:[- ]SA)?[- ]4\.0\b", re.I), "CC-BY-NC-4.0"),
    (re.compile(r"\bCC[- ]BY[- ]4\.0\b", re.I), "CC-BY-4.0"),
    (re.compile(r"\bOpenRAIL(?:-M)?\b", re.I), "OpenRAIL-M"),
    (re.compile(r"\bLlama(?: \d+(?:\.\d+)?)? [Cc]ommunity [Ll]icen[cs]e\b"),
     "Llama community license"),
    (re.compile(
        r"\b(?!(?:The|This|Our|Its|Their)\b)(?P<who>[A-Z][\w-]+) [Cc]ommunity [Ll]icen[cs]e\b"
    ), "{who} community license"),
    (re.compile(r"\bresearch(?:-only)? licen[cs]e\b", re.I), "research license"),
    (re.compile(r"\bnon-?commercial licen[cs]e\b", re.I), "non-commercial license"),
    (re.compile(r"\bproprietary\b|\bclosed[- ]source\b", re.I), "proprietary"),
)

OPEN_WEIGHTS_NO = re.compile(
    r"\bclosed[- ]weights?\b|\bweights (?:are|will) not (?:be )?(?:released|available|published)\b"
    r"|\bnot releasing (?:the )?weights\b|\bno (?:downloadable )?weights\b|\bAPI[- ]only\b"
    r"|\bnot open[- ]source\b|\bhosted[- ]only\b",
    re.I,
)
OPEN_WEIGHTS_YES = re.compile(
    r"\bopen[- ]weights?\b|\bweights (?:are |is )?(?:freely |publicly )?"
    r"(?:available|published|released|downloadable|on Hugging ?Face)\b"
    r"|\b(?:download|downloadable|available) (?:for download )?on Hugging ?Face\b"
    r"|\bweights on Hugging ?Face\b|\bdownload the weights\b",
    re.I,
)
# "open-sourced" says weights only when the sentence is about a model.
OPEN_SOURCED = re.compile(r"\bopen[- ]sourced?\b", re.I)
MODEL_CONTEXT = re.compile(r"\bmodels?\b|\bweights\b|\bparameters?\b|\bcheckpoints?\b", re.I)

_NUM = r"\d+(?:\.\d+)?"
# (pattern, needs a sentence about a model): a bare "22B" counts only next to "model" or the like.
PARAMETER_PATTERNS: tuple[tuple[re.Pattern[str], bool], ...] = (
    (re.compile(
        rf"(?<![\w.$-])(?P<num>(?:\d+x)?{_NUM})[- ]?(?P<unit>billion|million)[- ]param", re.I
    ), False),
    (re.compile(rf"(?<![\w.$-])(?P<num>(?:\d+x)?{_NUM})\s?(?P<unit>B|M)\b(?=[^.]*\bparam)"),
     False),
    (re.compile(rf"(?<![\w.$-])(?P<num>(?:\d+x)?{_NUM})(?P<unit>B)\b"), True),
)
PARAMETER_CONTEXT = re.compile(r"\bmodels?\b|\bparam|\bweights\b|\bcheckpoints?\b|\bLLM\b", re.I)

CONTEXT_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(
        rf"(?<!per )(?<![\w.$])(?P<num>{_NUM}|\d{{1,3}}(?:,\d{{3}})+)"
        r"\s?(?P<unit>[KkMm]|thousand|million)?"
        r"[- ]?(?:tokens?\b(?:[- ](?:context|window))?|context\b)",
    ),
)
CONTEXT_SENTENCE = re.compile(r"\bcontext\b|\bwindow\b", re.I)

HARDWARE_PATTERNS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (re.compile(r"\b(?P<gb>\d+)\s?GB\s+(?:of\s+)?(?P<kind>VRAM|GPU memory|RAM|unified memory)\b",
                re.I),
     lambda m: f"{m['gb']}GB {m['kind']}"),
    (re.compile(
        r"\b(?P<count>single|one|two|dual|four|eight|\d+)\s?(?:x\s?)?"
        r"(?P<gpu>(?:NVIDIA\s)?(?:A100|H100|H200|L4|L40S|A10G|RTX\s?\d{4}(?:\s?Ti)?|MI300X?)"
        r"|consumer GPUs?)\b"
    ), lambda m: f"{m['count']}{'x' if m['count'].isdigit() else ''} {m['gpu']}"),
    (re.compile(r"\bApple Silicon\b|\bM[1-4](?: (?:Pro|Max|Ultra))? Macs?\b"
                r"|\bRaspberry Pi(?: \d)?\b|\bCPU[- ]only\b"), lambda m: m[0]),
    (re.compile(r"\b(?:mobile|edge|phones?|laptops?)(?: and (?:mobile|edge|laptop))?"
                r" (?:hardware|devices)\b", re.I), lambda m: m[0].lower()),
)

# Canonical benchmark name -> pattern. Acronyms that are also words stay case-sensitive.
BENCHMARKS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("HumanEval", re.compile(r"\bHumanEval\b\+?", re.I)),
    ("MBPP", re.compile(r"\bMBPP\b\+?", re.I)),
    ("SWE-bench", re.compile(r"\bSWE[- ]?bench\b", re.I)),
    ("MMLU-Pro", re.compile(r"\bMMLU[- ]Pro\b", re.I)),
    ("MMLU", re.compile(r"\bMMLU\b(?![- ]Pro)", re.I)),
    ("GPQA", re.compile(r"\bGPQA\b", re.I)),
    ("GSM8K", re.compile(r"\bGSM-?8K\b", re.I)),
    ("MATH", re.compile(r"\bMATH\b(?:[- ]500)?")),
    ("AIME", re.compile(r"\bAIME\b")),
    ("HellaSwag", re.compile(r"\bHellaSwag\b", re.I)),
    ("ARC-Challenge", re.compile(r"\bARC(?:[- ]Challenge|[- ]C)\b")),
    ("BigCodeBench", re.compile(r"\bBigCodeBench\b", re.I)),
    ("LiveCodeBench", re.compile(r"\bLiveCodeBench\b", re.I)),
    ("Aider Polyglot", re.compile(r"\bAider[- ]Polyglot\b", re.I)),
    ("MT-Bench", re.compile(r"\bMT[- ]Bench\b", re.I)),
    ("IFEval", re.compile(r"\bIFEval\b", re.I)),
    ("TruthfulQA", re.compile(r"\bTruthfulQA\b", re.I)),
    ("MMMU", re.compile(r"\bMMMU\b")),
    ("MTEB", re.compile(r"\bMTEB\b")),
    ("Chatbot Arena", re.compile(r"\b(?:Chatbot|LMSYS|LM) Arena\b", re.I)),
)
SELF_REPORTED = re.compile(
    r"\b(?:internal|in-house|own) (?:evals?|evaluations?|benchmarks?|testing|tests)\b"
    r"|\bself-reported\b|\bvendor-reported\b|\baccording to\b|\bclaims?\b|\btargeting\b"
    r"|\bthe company says\b|\breports? that\b",
    re.I,
)
INDEPENDENT = re.compile(
    r"\bindependent(?:ly)?\b|\bthird[- ]party\b|\bpublic leaderboard\b|\breproduced by\b"
    r"|\bverified by\b",
    re.I,
)

PRICE_PATTERNS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (re.compile(
        rf"\$(?P<amount>{_NUM})\s?(?:per|/)\s?(?P<per>1M|1 ?million|million|1K|1,000|thousand)"
        r"\s+(?P<io>input |output )?tokens\b", re.I
    ), lambda m: f"${m['amount']} per {_per_tokens(m['per'])} {m['io'] or ''}tokens"),
    (re.compile(
        rf"\$(?P<amount>{_NUM})\s?(?:/|per|a)\s?(?P<seat>(?:user|seat|editor)\s?(?:/|per|a)\s?)?"
        r"(?P<period>month|mo|year|yr)\b", re.I
    ), lambda m: f"${m['amount']}/{_seat(m['seat'])}{_period(m['period'])}"),
    (re.compile(rf"\$(?P<amount>{_NUM})\s?(?:one-time|once|lifetime)\b", re.I),
     lambda m: f"${m['amount']} one-time"),
    (re.compile(r"\bfree (?:tier|plan)\b", re.I), lambda m: "free tier"),
)

# Pricing-model signals; the model list is derived from which of them fire.
FREEMIUM_WORDS = re.compile(r"\bfreemium\b|\bfree (?:tier|plan)\b", re.I)
PAID_WORDS = re.compile(
    r"\bpay[- ]per[- ](?:token|use|call)\b|\bper[- ]token pricing\b|\bsubscription\b"
    r"|\bpaid plans?\b|\bper seat\b|\bpricing starts\b",
    re.I,
)
FREE_WORDS = re.compile(
    r"(?<![-\w])free(?:ly)?\b(?![- ](?:tier|plan|trial|form|text|hand))"
    r"|\bno cost\b|\bat no charge\b",
    re.I,
)
OPEN_SOURCE_WORDS = re.compile(r"(?<!not )\bopen[- ]source[ds]?\b|\bopen[- ]weights?\b", re.I)

# Titles that are clearly not a tool launch, whatever else they mention.
NOT_A_LAUNCH_TITLE = re.compile(
    r"\bpodcast\b|\bepisode\b|\bEp\.?\s?\d+\b|\bis hiring\b|\bwe(?:'|’)?re hiring\b"
    r"|\bwho is hiring\b|\bhiring\b|\bjob (?:opening|posting)s?\b|\bwebinar\b"
    r"|\brecap\b|\bmeetup\b|\bearnings (?:call|report|release)s?\b"
    r"|\bquarterly (?:earnings|results)\b"
    r"|\b(?:Q[1-4]|H[12])(?: (?:FY)?\d{2,4})? (?:results|earnings|report)\b"
    r"|\bfiscal (?:year|quarter)\b|^\s*(?:ask|tell) hn\b",
    re.I,
)
# Body phrases that mark the same non-launches when the title is neutral.
NOT_A_LAUNCH_TEXT = re.compile(
    r"\bin this episode\b|\blisten (?:now|on|to the)\b|\bwe(?:'|’)?re hiring\b|\bapply now\b"
    r"|\bopen roles\b|\bregister for (?:the|our) webinar\b|\bearnings call\b",
    re.I,
)
AI_SIGNALS = re.compile(
    r"\bAI\b|\bA\.I\.|\bLLMs?\b|\bGPT|\bmodels?\b|\bmachine learning\b|\bneural\b|\bagents?\b"
    r"|\bagentic\b|\bcopilot\b|\bgenerat(?:e|es|ive|ion)\b|\bopen[- ]weights?\b|\binference\b"
    r"|\bembeddings?\b|\btransformer\b|\bdiffusion\b|\bchatbot\b|\bassistant\b|\btext-to-\w+"
    r"|\bspeech-to-text\b|\btranscri(?:be|bes|ption)\b|\bfine-tun"
    r"|\bvoice clon|\bclones? (?:your|a) voice\b"
    r"|\bnatural[- ]language (?:questions|queries|search)\b",
    re.I,
)

_SENTENCE_BREAK = re.compile(
    r"(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bvs\.)(?<!\bInc\.)(?<=[.!?])\s+(?=[A-Z\"'“(])|\n+"
)
_SPACES = re.compile(r"\s+")


# ---------------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------------


def extract_facts(text: str, *, title: str = "", url: str | None = None) -> list[FactRecord]:
    """Every fact the title, text and URL state, in FACT_KINDS order; [] when none. Never raises."""
    sentences = split_sentences(title) + split_sentences(text)
    found: list[FactRecord] = []
    for extractor in EXTRACTORS:
        found.extend(extractor(sentences, url))
    return _dedupe(found)


def is_ai_tool(title: str, text: str) -> bool:
    """Whether the item reads as an AI tool, model or API launch (not a podcast, job post, …)."""
    if NOT_A_LAUNCH_TITLE.search(title):
        return False
    if not AI_SIGNALS.search(title) and NOT_A_LAUNCH_TEXT.search(text):
        return False
    return bool(AI_SIGNALS.search(title) or AI_SIGNALS.search(text))


def split_sentences(text: str) -> list[str]:
    """The text's sentences, whitespace folded; [] for blank text."""
    parts = (_SPACES.sub(" ", part).strip() for part in _SENTENCE_BREAK.split(text or ""))
    return [part for part in parts if part]


def snippet_of(sentence: str, start: int = 0, end: int = 0) -> str:
    """The sentence, or a window of it around [start, end) cut to MAX_SNIPPET_CHARS with '…'."""
    if len(sentence) <= MAX_SNIPPET_CHARS:
        return sentence
    room = MAX_SNIPPET_CHARS - 2 * len(ELLIPSIS)
    begin = max(0, min(start - room // 3, len(sentence) - room))
    stop = begin + room
    head = ELLIPSIS if begin > 0 else ""
    tail = ELLIPSIS if stop < len(sentence) else ""
    return f"{head}{sentence[begin:stop].strip()}{tail}"


# ---------------------------------------------------------------------------------------------
# Extractors: (sentences, url) -> facts
# ---------------------------------------------------------------------------------------------

Extractor = Callable[[list[str], str | None], list[FactRecord]]


@dataclass(frozen=True)
class _Hit:
    value: str
    sentence: str
    start: int
    end: int

    def fact(self, kind: str) -> FactRecord:
        return FactRecord(kind=kind, value=self.value,
                          snippet=snippet_of(self.sentence, self.start, self.end))


def vendor_facts(sentences: list[str], url: str | None) -> list[FactRecord]:
    """At most one vendor: the name the strongest phrases (and the URL host) point to."""
    scores: dict[str, int] = {}
    first: dict[str, _Hit] = {}
    for hit, weight in _vendor_hits(sentences):
        scores[hit.value] = scores.get(hit.value, 0) + weight
        first.setdefault(hit.value, hit)
    domain_vendor = _vendor_of_url(url)
    if domain_vendor and url:
        scores[domain_vendor] = scores.get(domain_vendor, 0) + 2
        first.setdefault(domain_vendor, _Hit(domain_vendor, url, 0, len(url)))
    if not scores:
        return []
    _fold_short_names(scores)
    order = [name for name in first if name in scores]
    best = max(order, key=lambda name: (scores[name], -order.index(name)))
    return [first[best].fact("vendor")]


def category_facts(sentences: list[str], url: str | None) -> list[FactRecord]:
    """The one category whose keywords the text uses most (ties: table order)."""
    best: tuple[int, _Hit] | None = None
    for category, keywords in CATEGORY_KEYWORDS:
        pattern = _keyword_pattern(keywords)
        hits = [(s, m) for s in sentences for m in pattern.finditer(s)]
        if hits and (best is None or len(hits) > best[0]):
            sentence, match = hits[0]
            best = (len(hits), _Hit(category, sentence, match.start(), match.end()))
    return [best[1].fact("category")] if best else []


def pricing_model_facts(sentences: list[str], url: str | None) -> list[FactRecord]:
    """open_source, freemium, paid, free: each the text supports (free + paid reads freemium)."""
    signals = {
        "open_source": _first_match(OPEN_SOURCE_WORDS, sentences),
        "freemium": _first_match(FREEMIUM_WORDS, sentences),
        "paid": _first_price(sentences) or _first_match(PAID_WORDS, sentences),
        "free": _first_match(FREE_WORDS, sentences),
    }
    if signals["free"] and signals["paid"] and not signals["freemium"]:
        signals["freemium"] = signals["free"]
    if signals["freemium"]:
        signals["free"] = signals["paid"] = None
    facts = []
    for model in ("open_source", "freemium", "paid", "free"):
        hit = signals[model]
        if hit is not None:
            facts.append(replace(hit, value=model).fact("pricing_model"))
    return facts


def entry_price_facts(sentences: list[str], url: str | None) -> list[FactRecord]:
    """Every price the text names, dollar prices first, in text order."""
    hits = [
        _Hit(render(match), sentence, match.start(), match.end())
        for sentence in sentences
        for pattern, render in PRICE_PATTERNS
        for match in pattern.finditer(sentence)
    ]
    hits.sort(key=lambda hit: not hit.value.startswith("$"))
    return [hit.fact("entry_price") for hit in hits]


def license_facts(sentences: list[str], url: str | None) -> list[FactRecord]:
    """Each licence named, SPDX ids where they exist."""
    facts = []
    for sentence in sentences:
        taken: list[tuple[int, int]] = []
        for pattern, canonical in LICENSE_PATTERNS:
            for match in pattern.finditer(sentence):
                if _overlaps(match.span(), taken):
                    continue
                taken.append(match.span())
                value = canonical.format(**match.groupdict())
                facts.append(_Hit(value, sentence, *match.span()).fact("license"))
    return facts


def open_weights_facts(sentences: list[str], url: str | None) -> list[FactRecord]:
    """yes when the text says the weights are out, no when it says they are not; else nothing."""
    no_hit: _Hit | None = None
    for sentence in sentences:
        masked = OPEN_WEIGHTS_NO.sub(lambda m: " " * len(m[0]), sentence)
        yes = OPEN_WEIGHTS_YES.search(masked)
        if yes is None and MODEL_CONTEXT.search(masked):
            yes = OPEN_SOURCED.search(masked)
        if yes:
            return [_Hit("yes", sentence, *yes.span()).fact("open_weights")]
        no = OPEN_WEIGHTS_NO.search(sentence)
        if no and no_hit is None:
            no_hit = _Hit("no", sentence, *no.span())
    return [no_hit.fact("open_weights")] if no_hit else []


def parameter_facts(sentences: list[str], url: str | None) -> list[FactRecord]:
    """One fact listing every model size named ('70B and 400B'), from its first sentence."""
    sizes: list[str] = []
    first: _Hit | None = None
    for sentence in sentences:
        taken: list[tuple[int, int]] = []
        about_a_model = PARAMETER_CONTEXT.search(sentence) is not None
        for pattern, needs_model in PARAMETER_PATTERNS:
            if needs_model and not about_a_model:
                continue
            for match in pattern.finditer(sentence):
                if _overlaps(match.span(), taken):
                    continue
                taken.append(match.span())
                size = _size(match["num"], match["unit"])
                if size not in sizes:
                    sizes.append(size)
                    first = first or _Hit(size, sentence, *match.span())
    if first is None:
        return []
    return [replace(first, value=join_words(sizes)).fact("parameters")]


def context_length_facts(sentences: list[str], url: str | None) -> list[FactRecord]:
    """The context window(s) stated, as '256K tokens'; only in sentences about context."""
    hits = []
    for sentence in sentences:
        if not CONTEXT_SENTENCE.search(sentence):
            continue
        for pattern in CONTEXT_PATTERNS:
            for match in pattern.finditer(sentence):
                value = _tokens(match["num"], match["unit"])
                if value:
                    hits.append(_Hit(value, sentence, *match.span()))
    return [hit.fact("context_length") for hit in hits]


def hardware_facts(sentences: list[str], url: str | None) -> list[FactRecord]:
    """Each hardware floor stated: '24GB VRAM', 'single A100', 'Apple Silicon'."""
    facts = []
    for sentence in sentences:
        taken: list[tuple[int, int]] = []
        for pattern, render in HARDWARE_PATTERNS:
            for match in pattern.finditer(sentence):
                if not _overlaps(match.span(), taken):
                    taken.append(match.span())
                    facts.append(_Hit(render(match), sentence, *match.span()).fact("hardware"))
    return facts


def benchmark_facts(sentences: list[str], url: str | None) -> list[FactRecord]:
    """Each named benchmark, then whether the numbers are self-reported (when the text says)."""
    found = [
        (index, match.start(), _Hit(name, sentence, *match.span()))
        for index, sentence in enumerate(sentences)
        for name, pattern in BENCHMARKS
        if (match := pattern.search(sentence))
    ]
    hits = [hit for _, _, hit in sorted(found, key=lambda row: row[:2])]
    if not hits:
        return []
    facts = [hit.fact("benchmark") for hit in hits]
    claim_sentences = [s for s in sentences if _mentions_benchmark(s)]
    independent = _first_match(INDEPENDENT, claim_sentences)
    self_reported = _first_match(SELF_REPORTED, claim_sentences)
    if self_reported:
        facts.append(replace(self_reported, value="yes").fact("benchmark_self_reported"))
    elif independent:
        facts.append(replace(independent, value="no").fact("benchmark_self_reported"))
    return facts


EXTRACTORS: tuple[Extractor, ...] = (
    vendor_facts,
    category_facts,
    pricing_model_facts,
    entry_price_facts,
    license_facts,
    open_weights_facts,
    parameter_facts,
    context_length_facts,
    hardware_facts,
    benchmark_facts,
)


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------


def join_words(values: Iterable[str], conjunction: str = "and") -> str:
    """'a', 'a and b', 'a, b and c' (or 'a or b' with conjunction='or')."""
    items = list(values)
    if len(items) <= 2:
        return f" {conjunction} ".join(items)
    return ", ".join(items[:-1]) + f" {conjunction} " + items[-1]


def _dedupe(facts: list[FactRecord]) -> list[FactRecord]:
    seen: set[tuple[str, str]] = set()
    unique = []
    for fact in sorted(facts, key=lambda f: FACT_KINDS.index(f.kind)):
        if (fact.kind, fact.value) not in seen:
            seen.add((fact.kind, fact.value))
            unique.append(fact)
    return unique


def _vendor_hits(sentences: list[str]) -> Iterator[tuple[_Hit, int]]:
    for sentence in sentences:
        for pattern, weight in VENDOR_PHRASES:
            for match in pattern.finditer(sentence):
                name = _canonical_vendor(match["name"])
                if name:
                    yield _Hit(name, sentence, *match.span()), weight
        for match in KNOWN_VENDOR_PHRASE.finditer(sentence):
            name = _canonical_vendor(match["name"])
            if name:
                yield _Hit(name, sentence, *match.span()), 1


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
    host = (urlsplit(url).hostname or "").lower() if url else ""
    for domain, vendor in VENDOR_DOMAINS.items():
        if host == domain or host.endswith("." + domain):
            return vendor
    return None


@lru_cache
def _keyword_pattern(keywords: tuple[str, ...]) -> re.Pattern[str]:
    words = sorted(keywords, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])",
                      re.I)


def _first_match(pattern: re.Pattern[str], sentences: list[str]) -> _Hit | None:
    for sentence in sentences:
        match = pattern.search(sentence)
        if match:
            return _Hit(match[0], sentence, *match.span())
    return None


def _first_price(sentences: list[str]) -> _Hit | None:
    for sentence in sentences:
        for pattern, render in PRICE_PATTERNS:
            match = pattern.search(sentence)
            if match and render(match).startswith("$"):
                return _Hit(match[0], sentence, *match.span())
    return None


def _mentions_benchmark(sentence: str) -> bool:
    return any(pattern.search(sentence) for _, pattern in BENCHMARKS) or bool(
        re.search(r"\b(?:evals?|evaluations?|benchmarks?|scores?)\b", sentence, re.I)
    )


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in taken)


def _size(number: str, unit: str) -> str:
    suffix = "B" if unit.lower() in ("b", "billion") else "M"
    return f"{number}{suffix}"


def _tokens(number: str, unit: str | None) -> str | None:
    if "," in number:
        value = int(number.replace(",", ""))
        return f"{value // 1000}K tokens" if value % 1000 == 0 and value < 1_000_000 else None
    if not unit:
        return None
    suffix = "K" if unit.lower() in ("k", "thousand") else "M"
    return f"{number}{suffix} tokens"


def _per_tokens(per: str) -> str:
    return "1K" if per.lower() in ("1k", "1,000", "thousand") else "1M"


def _seat(seat: str | None) -> str:
    return "user/" if seat else ""


def _period(period: str) -> str:
    return "year" if period.lower() in ("year", "yr") else "month"
