"""Facts about a tool pulled from launch text, each with the sentence it came from.

Pure and table-driven: every vocabulary below is module data, every extractor a small function from
sentences to facts. Nothing here guesses: a fact is emitted only when a phrase in the text says it.

Why `Rule` and `Sentences`: a regex searched over every sentence, pattern by pattern, tries each
pattern at every position, and that made extraction the slowest part of ingest. So each pattern
also says where a match can begin (`Rule.starts`: the words it opens with) and what its sentence
must hold (`Rule.needs`). `Sentences` reads a text's words once, drops the rules whose words are
not there, and tries the others only at those words, with `pattern.match(sentence, offset)`: the
lookbehinds and \\b still see the whole sentence, so the matches are exactly those `finditer` over
each sentence gives.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from itertools import accumulate, compress
from operator import itemgetter, methodcaller
from typing import ClassVar, NamedTuple, TypeVar
from urllib.parse import urlsplit

from scrapers.records import FACT_KINDS, FactRecord

MAX_SNIPPET_CHARS = 300
ELLIPSIS = "…"


class Rule:
    """A pattern and the places its matches can begin, so that it is tried only there.

    Every match begins where one of `starts` (lower case) begins in the case-folded text; if that
    string begins with a letter or digit, the match begins at the start of a word (the pattern opens
    with \\b or the like), and a string of fewer than three letters and digits is that whole word.
    With `digits`, a match may also begin at a word that begins with a digit; with neither, the
    pattern scans each sentence. Every sentence it matches in holds one of `needs` (lower case),
    when given. Whitespace in `starts` and `needs` stands for the one space a sentence keeps between
    words. No rule matches the empty string. `on_demand` rules are looked for only when an extractor
    asks (those it reads only once others have matched); `indexed=False` keeps a rule out of
    `Sentences` (it is only searched with `_occurs`).
    """

    __slots__ = ("pattern", "starts", "digits", "needs", "heads", "plain", "eager", "indexed")
    # Every indexed rule by how a word its matches begin with begins (see `_word_head`), or by the
    # plain string it begins with; the unkeyed ones can match wherever their `needs` are met, and
    # the needy ones only where they are. A text's live rules are read off these in one pass.
    by_head: ClassVar[dict[str, list[Rule]]] = {}
    by_plain: ClassVar[dict[str, list[Rule]]] = {}
    unkeyed: ClassVar[list[Rule]] = []
    needy: ClassVar[set[Rule]] = set()
    # The rules that begin only at words, by head: `Sentences` tries them word by word as it reads.
    eager_by_head: ClassVar[dict[str, list[Rule]]] = {}

    def __init__(self, regex: str, flags: int = 0, *, starts: str | tuple[str, ...] = (),
                 digits: bool = False, needs: tuple[str, ...] = (), on_demand: bool = False,
                 indexed: bool = True) -> None:
        self.pattern = re.compile(regex, flags)
        self.starts = (starts,) if isinstance(starts, str) else starts
        self.digits = digits
        self.needs = needs
        heads = {_word_head(key) for key in self.starts}
        self.heads = frozenset(head for head in heads if head is not None)
        self.plain = tuple(key for key in self.starts if _word_head(key) is None)
        self.eager = bool(self.heads) and not self.plain and not digits and not on_demand
        self.indexed = indexed
        if not indexed:
            return
        for head in self.heads:
            Rule.by_head.setdefault(head, []).append(self)
            if self.eager:
                Rule.eager_by_head.setdefault(head, []).append(self)
        for key in self.plain:
            Rule.by_plain.setdefault(key, []).append(self)
        if digits or not self.starts:
            Rule.unkeyed.append(self)
        if needs:
            Rule.needy.add(self)

    def __repr__(self) -> str:
        return f"Rule({self.pattern.pattern!r}, starts={self.starts!r})"


def _word_head(key: str) -> str | None:
    """How a word that key begins at its start begins: its first three chars, or all of a shorter
    word; None when key begins with neither letter nor digit (it is looked for as it is)."""
    word = re.match(r"\w*", key, re.ASCII)[0]  # type: ignore[index]
    return word[:3] or None


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

def _keyword_rule(keywords: tuple[str, ...]) -> Rule:
    """Whole words, case-insensitive; the longest that fits wins."""
    words = sorted(keywords, key=len, reverse=True)
    return Rule(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])", re.I,
                starts=tuple(sorted({w.lower() for w in words})))


_CATEGORY_RULES = tuple((category, _keyword_rule(keywords)) for category, keywords in CATEGORY_KEYWORDS)

# SPDX ids where they exist; plain names otherwise. (rule, canonical value), first hit wins
# per span.
LICENSE_PATTERNS: tuple[tuple[Rule, str], ...] = (
    (Rule(r"\bApache(?:[- ]License)?[ ,-]*(?:v(?:ersion)?\s*)?2(?:\.0)?\b", re.I, starts="apache"),
     "Apache-2.0"),
    (Rule(r"\bMIT[- ]licen[cs]ed?\b|\bunder (?:the )?MIT\b|\bMIT licen[cs]e\b",
          starts=("mit", "under ")), "MIT"),
    (Rule(r"\bBSD[- ]3[- ]Clause\b|\b3-clause BSD\b", re.I, starts=("bsd", "3-clause")),
     "BSD-3-Clause"),
    (Rule(r"\bBSD[- ]2[- ]Clause\b|\b2-clause BSD\b", re.I, starts=("bsd", "2-clause")),
     "BSD-2-Clause"),
    (Rule(r"\bAGPL(?:[- ]?v?3(?:\.0)?)?\b", starts="agpl"), "AGPL-3.0"),
    (Rule(r"\b(?<!A)GPL[- ]?v?3(?:\.0)?\b", starts="gpl"), "GPL-3.0"),
    (Rule(r"\bMPL[- ]?2(?:\.0)?\b|\bMozilla Public License\b",
          starts=("mpl", "mozilla public license")), "MPL-2.0"),
    (Rule(r"\bCC[- ]BY[- ]NC(?:[- ]SA)?[- ]4\.0\b", re.I, starts="cc"), "CC-BY-NC-4.0"),
    (Rule(r"\bCC[- ]BY[- ]4\.0\b", re.I, starts="cc"), "CC-BY-4.0"),
    (Rule(r"\bOpenRAIL(?:-M)?\b", re.I, starts="openrail"), "OpenRAIL-M"),
    (Rule(r"\bLlama(?: \d+(?:\.\d+)?)? [Cc]ommunity [Ll]icen[cs]e\b", starts="llama"),
     "Llama community license"),
    (Rule(
        r"\b(?!(?:The|This|Our|Its|Their)\b)(?P<who>[A-Z][\w-]+) [Cc]ommunity [Ll]icen[cs]e\b",
        needs=(" community licen",),
    ), "{who} community license"),
    (Rule(r"\bresearch(?:-only)? licen[cs]e\b", re.I, starts="research"), "research license"),
    (Rule(r"\bnon-?commercial licen[cs]e\b", re.I, starts="non"), "non-commercial license"),
    (Rule(r"\bproprietary\b|\bclosed[- ]source\b", re.I, starts=("proprietary", "closed")),
     "proprietary"),
)

OPEN_WEIGHTS_NO = Rule(
    r"\bclosed[- ]weights?\b|\bweights (?:are|will) not (?:be )?(?:released|available|published)\b"
    r"|\bnot releasing (?:the )?weights\b|\bno (?:downloadable )?weights\b|\bAPI[- ]only\b"
    r"|\bnot open[- ]source\b|\bhosted[- ]only\b",
    re.I,
    starts=("closed", "weights", "not ", "no ", "api", "hosted"),
)
OPEN_WEIGHTS_YES = Rule(
    r"\bopen[- ]weights?\b|\bweights (?:are |is )?(?:freely |publicly )?"
    r"(?:available|published|released|downloadable|on Hugging ?Face)\b"
    r"|\b(?:download|downloadable|available) (?:for download )?on Hugging ?Face\b"
    r"|\bweights on Hugging ?Face\b|\bdownload the weights\b",
    re.I,
    starts=("open", "weights", "download", "available"),
)
# "open-sourced" says weights only when the sentence is about a model.
OPEN_SOURCED = Rule(r"\bopen[- ]sourced?\b", re.I, starts="open")
MODEL_CONTEXT = Rule(r"\bmodels?\b|\bweights\b|\bparameters?\b|\bcheckpoints?\b", re.I,
                     starts=("model", "weights", "parameter", "checkpoint"), on_demand=True)

_NUM = r"\d+(?:\.\d+)?"
# (rule, needs a sentence about a model): a bare "22B" counts only next to "model" or the like.
PARAMETER_PATTERNS: tuple[tuple[Rule, bool], ...] = (
    (Rule(
        rf"(?<![\w.$-])(?P<num>(?:\d+x)?{_NUM})[- ]?(?P<unit>billion|million)[- ]param", re.I,
        digits=True, needs=("param",),
    ), False),
    (Rule(rf"(?<![\w.$-])(?P<num>(?:\d+x)?{_NUM})\s?(?P<unit>B|M)\b(?=[^.]*\bparam)",
          digits=True, needs=("param",)), False),
    (Rule(rf"(?<![\w.$-])(?P<num>(?:\d+x)?{_NUM})(?P<unit>B)\b", digits=True), True),
)
PARAMETER_CONTEXT = Rule(r"\bmodels?\b|\bparam|\bweights\b|\bcheckpoints?\b|\bLLM\b", re.I,
                         starts=("model", "param", "weights", "checkpoint", "llm"))

CONTEXT_PATTERNS: tuple[Rule, ...] = (
    Rule(
        rf"(?<!per )(?<![\w.$])(?P<num>{_NUM}|\d{{1,3}}(?:,\d{{3}})+)"
        r"\s?(?P<unit>[KkMm]|thousand|million)?"
        r"[- ]?(?:tokens?\b(?:[- ](?:context|window))?|context\b)",
        digits=True, needs=("token", "context"),
    ),
)
CONTEXT_SENTENCE = Rule(r"\bcontext\b|\bwindow\b", re.I, starts=("context", "window"))

_GPUS = ("a100", "h100", "h200", "l4", "a10g", "rtx", "mi300", "consumer gpu")
HARDWARE_PATTERNS: tuple[tuple[Rule, Callable[[re.Match[str]], str]], ...] = (
    (Rule(r"\b(?P<gb>\d+)\s?GB\s+(?:of\s+)?(?P<kind>VRAM|GPU memory|RAM|unified memory)\b", re.I,
          digits=True, needs=("gb",)),
     lambda m: f"{m['gb']}GB {m['kind']}"),
    (Rule(
        r"\b(?P<count>single|one|two|dual|four|eight|\d+)\s?(?:x\s?)?"
        r"(?P<gpu>(?:NVIDIA\s)?(?:A100|H100|H200|L4|L40S|A10G|RTX\s?\d{4}(?:\s?Ti)?|MI300X?)"
        r"|consumer GPUs?)\b",
        starts=("single", "one", "two", "dual", "four", "eight"), digits=True, needs=_GPUS,
    ), lambda m: f"{m['count']}{'x' if m['count'].isdigit() else ''} {m['gpu']}"),
    (Rule(r"\bApple Silicon\b|\bM[1-4](?: (?:Pro|Max|Ultra))? Macs?\b"
          r"|\bRaspberry Pi(?: \d)?\b|\bCPU[- ]only\b",
          starts=("apple silicon", "m1", "m2", "m3", "m4", "raspberry pi", "cpu")), lambda m: m[0]),
    (Rule(r"\b(?:mobile|edge|phones?|laptops?)(?: and (?:mobile|edge|laptop))?"
          r" (?:hardware|devices)\b", re.I,
          starts=("mobile", "edge", "phone", "laptop"), needs=("hardware", "devices")),
     lambda m: m[0].lower()),
)

# Canonical benchmark name -> rule. Acronyms that are also words stay case-sensitive.
BENCHMARKS: tuple[tuple[str, Rule], ...] = (
    ("HumanEval", Rule(r"\bHumanEval\b\+?", re.I, starts="humaneval")),
    ("MBPP", Rule(r"\bMBPP\b\+?", re.I, starts="mbpp")),
    ("SWE-bench", Rule(r"\bSWE[- ]?bench\b", re.I, starts="swe")),
    ("MMLU-Pro", Rule(r"\bMMLU[- ]Pro\b", re.I, starts="mmlu")),
    ("MMLU", Rule(r"\bMMLU\b(?![- ]Pro)", re.I, starts="mmlu")),
    ("GPQA", Rule(r"\bGPQA\b", re.I, starts="gpqa")),
    ("GSM8K", Rule(r"\bGSM-?8K\b", re.I, starts="gsm")),
    ("MATH", Rule(r"\bMATH\b(?:[- ]500)?", starts="math")),
    ("AIME", Rule(r"\bAIME\b", starts="aime")),
    ("HellaSwag", Rule(r"\bHellaSwag\b", re.I, starts="hellaswag")),
    ("ARC-Challenge", Rule(r"\bARC(?:[- ]Challenge|[- ]C)\b", starts="arc")),
    ("BigCodeBench", Rule(r"\bBigCodeBench\b", re.I, starts="bigcodebench")),
    ("LiveCodeBench", Rule(r"\bLiveCodeBench\b", re.I, starts="livecodebench")),
    ("Aider Polyglot", Rule(r"\bAider[- ]Polyglot\b", re.I, starts="aider")),
    ("MT-Bench", Rule(r"\bMT[- ]Bench\b", re.I, starts=("mt-bench", "mt bench"))),
    ("IFEval", Rule(r"\bIFEval\b", re.I, starts="ifeval")),
    ("TruthfulQA", Rule(r"\bTruthfulQA\b", re.I, starts="truthfulqa")),
    ("MMMU", Rule(r"\bMMMU\b", starts="mmmu")),
    ("MTEB", Rule(r"\bMTEB\b", starts="mteb")),
    ("Chatbot Arena", Rule(r"\b(?:Chatbot|LMSYS|LM) Arena\b", re.I,
                           starts=("chatbot arena", "lmsys arena", "lm arena"))),
)
# A sentence about benchmark numbers names a benchmark or says one of these.
EVALUATION_WORDS = Rule(r"\b(?:evals?|evaluations?|benchmarks?|scores?)\b", re.I,
                        starts=("eval", "benchmark", "score"), on_demand=True)
SELF_REPORTED = Rule(
    r"\b(?:internal|in-house|own) (?:evals?|evaluations?|benchmarks?|testing|tests)\b"
    r"|\bself-reported\b|\bvendor-reported\b|\baccording to\b|\bclaims?\b|\btargeting\b"
    r"|\bthe company says\b|\breports? that\b",
    re.I,
    starts=("internal ", "in-house ", "own ", "self-reported", "vendor-reported", "according to",
            "claim", "targeting", "the company says", "report"),
    on_demand=True,
)
INDEPENDENT = Rule(
    r"\bindependent(?:ly)?\b|\bthird[- ]party\b|\bpublic leaderboard\b|\breproduced by\b"
    r"|\bverified by\b",
    re.I,
    starts=("independent", "third", "public leaderboard", "reproduced by", "verified by"),
    on_demand=True,
)

PRICE_PATTERNS: tuple[tuple[Rule, Callable[[re.Match[str]], str]], ...] = (
    (Rule(
        rf"\$(?P<amount>{_NUM})\s?(?:per|/)\s?(?P<per>1M|1 ?million|million|1K|1,000|thousand)"
        r"\s+(?P<io>input |output )?tokens\b", re.I, starts="$",
    ), lambda m: f"${m['amount']} per {_per_tokens(m['per'])} {m['io'] or ''}tokens"),
    (Rule(
        rf"\$(?P<amount>{_NUM})\s?(?:/|per|a)\s?(?P<seat>(?:user|seat|editor)\s?(?:/|per|a)\s?)?"
        r"(?P<period>month|mo|year|yr)\b", re.I, starts="$",
    ), lambda m: f"${m['amount']}/{_seat(m['seat'])}{_period(m['period'])}"),
    (Rule(rf"\$(?P<amount>{_NUM})\s?(?:one-time|once|lifetime)\b", re.I, starts="$"),
     lambda m: f"${m['amount']} one-time"),
    (Rule(r"\bfree (?:tier|plan)\b", re.I, starts="free"), lambda m: "free tier"),
)

# Pricing-model signals; the model list is derived from which of them fire.
FREEMIUM_WORDS = Rule(r"\bfreemium\b|\bfree (?:tier|plan)\b", re.I, starts="free")
PAID_WORDS = Rule(
    r"\bpay[- ]per[- ](?:token|use|call)\b|\bper[- ]token pricing\b|\bsubscription\b"
    r"|\bpaid plans?\b|\bper seat\b|\bpricing starts\b",
    re.I,
    starts=("pay", "per-token", "per token", "subscription", "paid", "per seat", "pricing starts"),
)
FREE_WORDS = Rule(
    r"(?<![-\w])free(?:ly)?\b(?![- ](?:tier|plan|trial|form|text|hand))"
    r"|\bno cost\b|\bat no charge\b",
    re.I,
    starts=("free", "no cost", "at no charge"),
)
OPEN_SOURCE_WORDS = Rule(r"(?<!not )\bopen[- ]source[ds]?\b|\bopen[- ]weights?\b", re.I,
                         starts="open")

# Titles that are clearly not a tool launch, whatever else they mention. (Titles are short:
# a plain search.)
NOT_A_LAUNCH_TITLE = re.compile(
    r"\bpodcast\b|\bepisode\b|\bEp\.?\s?\d+\b|\bis hiring\b|\bwe(?:'|’)?re hiring\b"
    r"|\bwho is hiring\b|\bhiring\b|\bjob (?:opening|posting)s?\b|\bwebinar\b"
    r"|\brecap\b|\bmeetup\b|\bearnings (?:call|report|release)s?\b"
    r"|\bquarterly (?:earnings|results)\b"
    r"|\b(?:Q[1-4]|H[12])(?: (?:FY)?\d{2,4})? (?:results|earnings|report)\b"
    r"|\bfiscal (?:year|quarter)\b|^\s*(?:ask|tell) hn\b",
    re.I,
)
# Body phrases that mark the same non-launches when the title is neutral. (Searched in raw text:
# its spaces are the literal spaces of the pattern.)
NOT_A_LAUNCH_TEXT = Rule(
    r"\bin this episode\b|\blisten (?:now|on|to the)\b|\bwe(?:'|’)?re hiring\b|\bapply now\b"
    r"|\bopen roles\b|\bregister for (?:the|our) webinar\b|\bearnings call\b",
    re.I,
    starts=("in this episode", "listen ", "we're hiring", "we’re hiring", "were hiring",
            "apply now", "open roles", "register for ", "earnings call"),
    indexed=False,
)
AI_SIGNALS = Rule(
    r"\bAI\b|\bA\.I\.|\bLLMs?\b|\bGPT|\bmodels?\b|\bmachine learning\b|\bneural\b|\bagents?\b"
    r"|\bagentic\b|\bcopilot\b|\bgenerat(?:e|es|ive|ion)\b|\bopen[- ]weights?\b|\binference\b"
    r"|\bembeddings?\b|\btransformer\b|\bdiffusion\b|\bchatbot\b|\bassistant\b|\btext-to-\w+"
    r"|\bspeech-to-text\b|\btranscri(?:be|bes|ption)\b|\bfine-tun"
    r"|\bvoice clon|\bclones? (?:your|a) voice\b"
    r"|\bnatural[- ]language (?:questions|queries|search)\b",
    re.I,
    starts=("ai", "a.i.", "llm", "gpt", "model", "machine learning", "neural", "agent", "copilot",
            "generat", "open", "inference", "embedding", "transformer", "diffusion", "chatbot",
            "assistant", "text-to-", "speech-to-text", "transcri", "fine-tun", "voice clon",
            "clone", "natural"),
    indexed=False,
)

# A sentence break: whitespace after . ! ? (not in "e.g." and the like) before a capital, a quote
# or a parenthesis; or a run of newlines. The pattern begins with the punctuation (or the first
# newline) so the regex engine can skip straight to it; the gap is the whitespace after it.
_SENTENCE_BREAK = re.compile(
    r"[.!?\n](?:(?<=[.!?])(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bvs\.)(?<!\bInc\.)(?P<gap>\s+)"
    r"(?=[A-Z\"'“(])|(?<=\n)\n*)"
)
_WORD = re.compile(r"\w+")


# ---------------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------------


def extract_facts(text: str, *, title: str = "", url: str | None = None) -> list[FactRecord]:
    """Every fact the title, text and URL state, in FACT_KINDS order; [] when none. Never raises."""
    sentences = Sentences(split_sentences(title) + split_sentences(text))
    found: list[FactRecord] = []
    for extractor in EXTRACTORS:
        found.extend(extractor(sentences, url))
    return _dedupe(found)


def is_ai_tool(title: str, text: str) -> bool:
    """Whether the item reads as an AI tool, model or API launch (not a podcast, job post, …)."""
    if NOT_A_LAUNCH_TITLE.search(title):
        return False
    if _occurs(AI_SIGNALS, title):
        return True
    return not _occurs(NOT_A_LAUNCH_TEXT, text) and _occurs(AI_SIGNALS, text)


def split_sentences(text: str) -> list[str]:
    """The text's sentences, whitespace folded; [] for blank text."""
    text = text or ""
    parts, begin = [], 0
    for match in _SENTENCE_BREAK.finditer(text):
        cut, after = match.span("gap") if match.start("gap") >= 0 else match.span()
        parts.append(text[begin:cut])
        begin = after
    parts.append(text[begin:])
    # str.split() splits at what the regex \s matches (str.isspace), and drops the ends.
    folded = (" ".join(part.split()) for part in parts)
    return [part for part in folded if part]


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
# Sentences, and where rules match in them
# ---------------------------------------------------------------------------------------------

Found = Sequence[tuple[int, re.Match[str]]]
T = TypeVar("T")


class Sentences:
    """A text's sentences, with the matches of any rule in them (found where its `starts` are)."""

    def __init__(self, sentences: list[str]) -> None:
        self.items = sentences
        # One string, a sentence a line, case-folded char for char: its offsets are the sentences'.
        self.folded = folded = _fold("\n".join(sentences))
        self.offsets = [0, *accumulate(map((1).__add__, map(len, sentences)))]
        # The words, and how each begins (see `_word_head`), in text order.
        self.words = words = list(_WORD.finditer(folded))
        self.word_heads = heads = list(map(_HEAD, map(_TEXT, words)))
        self.heads = set(heads)
        self._spots: dict[str, list[tuple[int, int]]] = {}
        self.live = self._live_rules()
        # The matches of the rules that begin at words, found in one reading; the others' on demand.
        self.found = self._read_words()
        self._digits_in: dict[int, list[tuple[int, int]]] | None = None

    def __getitem__(self, index: int) -> str:
        return self.items[index]

    def hit(self, value: str, index: int, match: re.Match[str]) -> _Hit:
        """The value, with the sentence and the span the match found it at."""
        return _Hit(value, self.items[index], *match.span())

    def matches(self, rule: Rule, within: Collection[int] | None = None) -> Found:
        """(sentence index, match) for each match of the rule in the sentences (those `within`,
        when given), in text order: what `finditer` over each sentence gives."""
        found = self.found.get(rule)
        if found is None:
            if rule.eager or rule not in self.live:
                return _NOTHING
            if within is not None:
                return self._find(rule, within)
            found = self.found[rule] = self._find(rule, None)
        if within is None or not found:
            return found
        return [item for item in found if item[0] in within]

    def firsts(self, rule: Rule) -> dict[int, re.Match[str]]:
        """Sentence index -> the rule's first match there, for each sentence with one (`search`)."""
        firsts: dict[int, re.Match[str]] = {}
        for index, match in self.matches(rule):
            firsts.setdefault(index, match)
        return firsts

    def any_live(self, rules: Collection[Rule]) -> bool:
        """Whether one of rules can match here at all (else an extractor has nothing to read)."""
        return not self.live.isdisjoint(rules)

    def reading(self, table: Iterable[tuple[Rule, T]]) -> list[tuple[int, T, re.Match[str]]]:
        """(sentence index, tag, match) for each match of the table's rules, in the order nested
        loops over sentences, then rows, then each rule's matches meet them."""
        table = tuple(table)
        live_rows = compress(enumerate(table), map(self.live.__contains__, map(_FIRST, table)))
        rows = [(index, row, tag, match)
                for row, (rule, tag) in live_rows for index, match in self.matches(rule)]
        rows.sort(key=_SENTENCE_THEN_ROW)
        return [(index, tag, match) for index, _, tag, match in rows]

    def _live_rules(self) -> set[Rule]:
        """The rules that can match at all: one of their `starts` is in the text, and a `needs`."""
        by_head, by_plain, folded = Rule.by_head, Rule.by_plain, self.folded
        live = set(Rule.unkeyed).union(*map(by_head.__getitem__, by_head.keys() & self.heads))
        for key in compress(by_plain, map(folded.__contains__, by_plain)):
            live.update(by_plain[key])
        has = folded.__contains__
        live.difference_update([rule for rule in live & Rule.needy if not any(map(has, rule.needs))])
        return live

    def _read_words(self) -> dict[Rule, Found]:
        """The matches of the live rules that begin only at words, tried at each word in turn."""
        found: dict[Rule, list[tuple[int, re.Match[str]]]] = {}
        by_head, live, items, offsets = Rule.eager_by_head, self.live, self.items, self.offsets
        heads = self.word_heads
        for head, word in compress(zip(heads, self.words, strict=True), map(by_head.__contains__, heads)):
            index = -1
            for rule in by_head[head]:
                if rule not in live:
                    continue
                if index < 0:
                    at = word.start()
                    index = bisect_right(offsets, at) - 1
                    at -= offsets[index]
                if match := rule.pattern.match(items[index], at):
                    if rule in found:
                        found[rule].append((index, match))
                    else:
                        found[rule] = [(index, match)]
        return {rule: _one_after_another(matches) if len(matches) > 1 else matches
                for rule, matches in found.items()}

    def _spots_of_words(self, which: Iterable[bool]) -> list[tuple[int, int]]:
        """(sentence index, offset) of the words picked by `which` (one flag a word)."""
        offsets = self.offsets
        spots = []
        for at in map(_START, compress(self.words, which)):
            index = bisect_right(offsets, at) - 1
            spots.append((index, at - offsets[index]))
        return spots

    def _find(self, rule: Rule, within: Collection[int] | None) -> Found:
        """The matches of a rule `_read_words` does not try: tried where it may begin, or scanned."""
        items = self.items
        if rule.needs and (rule.digits or not rule.starts):
            # Only the sentences holding one, where digits or a scan would cost most.
            held = {index for key in rule.needs for index, _ in self._spots_of(key)}
            within = held if within is None else held.intersection(within)
        if not rule.starts and not rule.digits:
            indices = range(len(items)) if within is None else sorted(within)
            return [(i, match) for i in indices for match in rule.pattern.finditer(items[i])]
        spots: list[tuple[int, int]] = []
        if rule.heads:
            spots += self._spots_of_words(map(rule.heads.__contains__, self.word_heads))
        for key in rule.plain:
            spots += self._spots_of(key)
        if rule.digits:
            digits_in = self._digit_words()
            for index in digits_in if within is None else within:
                spots += digits_in.get(index, ())
        spots.sort()
        match_at = rule.pattern.match
        found = [(index, match) for index, at in spots
                 if (within is None or index in within) and (match := match_at(items[index], at))]
        return _one_after_another(found) if len(found) > 1 else found

    def _digit_words(self) -> dict[int, list[tuple[int, int]]]:
        """Sentence index -> (index, offset) of its words that begin with a digit (as \\d reads one)."""
        if self._digits_in is None:
            self._digits_in = {}
            for spot in self._spots_of_words(map(str.isdecimal, map(_FIRST, self.word_heads))):
                self._digits_in.setdefault(spot[0], []).append(spot)
        return self._digits_in

    def _spots_of(self, key: str) -> list[tuple[int, int]]:
        """(sentence index, offset) of each place key begins in the folded text."""
        spots = self._spots.get(key)
        if spots is None:
            spots, find, offsets = [], self.folded.find, self.offsets
            at = find(key)
            while at >= 0:
                index = bisect_right(offsets, at) - 1
                spots.append((index, at - offsets[index]))
                at = find(key, at + 1)
            self._spots[key] = spots
        return spots


def _one_after_another(found: Found) -> Found:
    """The matches finditer would give of those found at each place a rule may begin (in text
    order): a match that begins inside the one before it in the same sentence is not one, as
    finditer goes on after a match. (A match tried at a place is the same whatever came before.)"""
    kept: list[tuple[int, re.Match[str]]] = []
    last, end = -1, 0
    for index, match in found:
        if index != last or match.start() >= end:
            kept.append((index, match))
            last, end = index, match.end()
    return kept


_NOTHING: Found = ()
_HEAD = itemgetter(slice(0, 3))
_TEXT = _FIRST = itemgetter(0)
_START = methodcaller("start")
_SENTENCE_THEN_ROW = itemgetter(0, 1)


def _occurs(rule: Rule, text: str) -> bool:
    """Whether the rule matches anywhere in text, trying it only where its `starts` begin."""
    folded = _fold(text)
    match_at = rule.pattern.match
    for key in rule.starts:
        at = folded.find(key)
        while at >= 0:
            if match_at(text, at):
                return True
            at = folded.find(key, at + 1)
    return False


def _fold(text: str) -> str:
    """The text lower-cased char for char, so that a letter is folded as re.IGNORECASE folds it."""
    if text.isascii():
        return text.lower()
    # "İ" lower-cases to two chars; "ı" and "ſ" match i and s under IGNORECASE but lower to themselves.
    return text.replace("İ", "i").lower().replace("ı", "i").replace("ſ", "s")


# ---------------------------------------------------------------------------------------------
# Extractors: (sentences, url) -> facts
# ---------------------------------------------------------------------------------------------

Extractor = Callable[[Sentences, str | None], list[FactRecord]]


class _Hit(NamedTuple):
    value: str
    sentence: str
    start: int
    end: int

    def valued(self, value: str) -> _Hit:
        return _Hit(value, self.sentence, self.start, self.end)

    def fact(self, kind: str) -> FactRecord:
        return FactRecord(kind=kind, value=self.value,
                          snippet=snippet_of(self.sentence, self.start, self.end))


def vendor_facts(sentences: Sentences, url: str | None) -> list[FactRecord]:
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


def category_facts(sentences: Sentences, url: str | None) -> list[FactRecord]:
    """The one category whose keywords the text uses most (ties: table order)."""
    best: tuple[int, _Hit] | None = None
    for category, rule in _CATEGORY_RULES:
        hits = sentences.matches(rule)
        if hits and (best is None or len(hits) > best[0]):
            best = (len(hits), sentences.hit(category, *hits[0]))
    return [best[1].fact("category")] if best else []


def pricing_model_facts(sentences: Sentences, url: str | None) -> list[FactRecord]:
    """open_source, freemium, paid, free: each the text supports (free + paid reads freemium)."""
    if not sentences.any_live(_PRICING_RULES):
        return []
    signals = {
        "open_source": _first_hit(sentences, OPEN_SOURCE_WORDS),
        "freemium": _first_hit(sentences, FREEMIUM_WORDS),
        "paid": _first_price(sentences) or _first_hit(sentences, PAID_WORDS),
        "free": _first_hit(sentences, FREE_WORDS),
    }
    if signals["free"] and signals["paid"] and not signals["freemium"]:
        signals["freemium"] = signals["free"]
    if signals["freemium"]:
        signals["free"] = signals["paid"] = None
    facts = []
    for model in ("open_source", "freemium", "paid", "free"):
        hit = signals[model]
        if hit is not None:
            facts.append(hit.valued(model).fact("pricing_model"))
    return facts


def entry_price_facts(sentences: Sentences, url: str | None) -> list[FactRecord]:
    """Every price the text names, dollar prices first, in text order."""
    if not sentences.any_live(_PRICE_RULES):
        return []
    found = sentences.reading(PRICE_PATTERNS)
    hits = [sentences.hit(render(match), index, match) for index, render, match in found]
    hits.sort(key=lambda hit: not hit.value.startswith("$"))
    return [hit.fact("entry_price") for hit in hits]


def license_facts(sentences: Sentences, url: str | None) -> list[FactRecord]:
    """Each licence named, SPDX ids where they exist."""
    if not sentences.any_live(_LICENSE_RULES):
        return []
    facts = []
    taken: list[tuple[int, int]] = []
    current = -1
    found = sentences.reading(LICENSE_PATTERNS)
    for index, canonical, match in found:
        if index != current:
            taken, current = [], index
        if _overlaps(match.span(), taken):
            continue
        taken.append(match.span())
        value = canonical.format(**match.groupdict())
        facts.append(sentences.hit(value, index, match).fact("license"))
    return facts


def open_weights_facts(sentences: Sentences, url: str | None) -> list[FactRecord]:
    """yes when the text says the weights are out, no when it says they are not; else nothing."""
    if not sentences.any_live(_OPEN_WEIGHTS_RULES):
        return []
    nos = sentences.firsts(OPEN_WEIGHTS_NO)
    yeses = sentences.firsts(OPEN_WEIGHTS_YES)
    opened = sentences.firsts(OPEN_SOURCED)
    about_models = sentences.firsts(MODEL_CONTEXT) if opened else {}
    no_hit: _Hit | None = None
    for index in sorted(nos.keys() | yeses.keys() | opened.keys()):
        if index in nos:
            yes = _says_open_weights(sentences[index])
        else:
            yes = yeses.get(index) or (opened.get(index) if index in about_models else None)
        if yes:
            return [sentences.hit("yes", index, yes).fact("open_weights")]
        if index in nos and no_hit is None:
            no_hit = sentences.hit("no", index, nos[index])
    return [no_hit.fact("open_weights")] if no_hit else []


def parameter_facts(sentences: Sentences, url: str | None) -> list[FactRecord]:
    """One fact listing every model size named ('70B and 400B'), from its first sentence."""
    if not sentences.any_live(_PARAMETER_RULES):
        return []
    about_models = sentences.firsts(PARAMETER_CONTEXT).keys()
    found = [(index, row, match) for row, (rule, needs_model) in enumerate(PARAMETER_PATTERNS)
             for index, match in sentences.matches(rule, about_models if needs_model else None)]
    found.sort(key=lambda item: item[:2])  # sentence by sentence, then row by row, as read
    sizes: list[str] = []
    first: _Hit | None = None
    taken: list[tuple[int, int]] = []
    current = -1
    for index, _, match in found:
        if index != current:
            taken, current = [], index
        if _overlaps(match.span(), taken):
            continue
        taken.append(match.span())
        size = _size(match["num"], match["unit"])
        if size not in sizes:
            sizes.append(size)
            first = first or sentences.hit(size, index, match)
    if first is None:
        return []
    return [first.valued(join_words(sizes)).fact("parameters")]


def context_length_facts(sentences: Sentences, url: str | None) -> list[FactRecord]:
    """The context window(s) stated, as '256K tokens'; only in sentences about context."""
    if CONTEXT_SENTENCE not in sentences.live:
        return []
    about_context = sentences.firsts(CONTEXT_SENTENCE).keys()
    found = [(index, row, match) for row, rule in enumerate(CONTEXT_PATTERNS)
             for index, match in sentences.matches(rule, about_context)]
    found.sort(key=lambda item: item[:2])  # sentence by sentence, then row by row, as read
    facts = []
    for index, _, match in found:
        value = _tokens(match["num"], match["unit"])
        if value:
            facts.append(sentences.hit(value, index, match).fact("context_length"))
    return facts


def hardware_facts(sentences: Sentences, url: str | None) -> list[FactRecord]:
    """Each hardware floor stated: '24GB VRAM', 'single A100', 'Apple Silicon'."""
    if not sentences.any_live(_HARDWARE_RULES):
        return []
    facts = []
    taken: list[tuple[int, int]] = []
    current = -1
    found = sentences.reading(HARDWARE_PATTERNS)
    for index, render, match in found:
        if index != current:
            taken, current = [], index
        if not _overlaps(match.span(), taken):
            taken.append(match.span())
            facts.append(sentences.hit(render(match), index, match).fact("hardware"))
    return facts


def benchmark_facts(sentences: Sentences, url: str | None) -> list[FactRecord]:
    """Each named benchmark, then whether the numbers are self-reported (when the text says)."""
    if not sentences.any_live(_BENCHMARK_RULES):
        return []
    found = [
        (index, match.start(), sentences.hit(name, index, match))
        for name, rule in BENCHMARKS if rule in sentences.live
        for index, match in sentences.firsts(rule).items()
    ]
    hits = [hit for _, _, hit in sorted(found, key=lambda row: row[:2])]
    if not hits:
        return []
    facts = [hit.fact("benchmark") for hit in hits]
    claims = {index for index, _, _ in found} | sentences.firsts(EVALUATION_WORDS).keys()
    independent = _first_hit(sentences, INDEPENDENT, within=claims)
    self_reported = _first_hit(sentences, SELF_REPORTED, within=claims)
    if self_reported:
        facts.append(self_reported.valued("yes").fact("benchmark_self_reported"))
    elif independent:
        facts.append(independent.valued("no").fact("benchmark_self_reported"))
    return facts


# The rules each extractor reads: when none of them can match, it returns at once.
_VENDOR_RULES = frozenset([rule for rule, _ in VENDOR_PHRASES] + [KNOWN_VENDOR_PHRASE])
_PRICE_RULES = frozenset(rule for rule, _ in PRICE_PATTERNS)
_PRICING_RULES = _PRICE_RULES | {OPEN_SOURCE_WORDS, FREEMIUM_WORDS, PAID_WORDS, FREE_WORDS}
_LICENSE_RULES = frozenset(rule for rule, _ in LICENSE_PATTERNS)
_OPEN_WEIGHTS_RULES = frozenset({OPEN_WEIGHTS_NO, OPEN_WEIGHTS_YES, OPEN_SOURCED})
# A size that needs a sentence about a model has none to be in without PARAMETER_CONTEXT.
_PARAMETER_RULES = frozenset(
    [rule for rule, needs_model in PARAMETER_PATTERNS if not needs_model] + [PARAMETER_CONTEXT])
_HARDWARE_RULES = frozenset(rule for rule, _ in HARDWARE_PATTERNS)
_BENCHMARK_RULES = frozenset(rule for _, rule in BENCHMARKS)

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


def _vendor_hits(sentences: Sentences) -> Iterator[tuple[_Hit, int]]:
    if not sentences.any_live(_VENDOR_RULES):
        return
    for index, weight, match in sentences.reading((*VENDOR_PHRASES, (KNOWN_VENDOR_PHRASE, 1))):
        name = _canonical_vendor(match["name"])
        if name:
            yield sentences.hit(name, index, match), weight


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


def _first_hit(sentences: Sentences, rule: Rule, within: Collection[int] | None = None) -> _Hit | None:
    """The rule's first match (in the sentences `within`, when given), valued as the text it matched."""
    found = sentences.matches(rule, within)
    if not found:
        return None
    index, match = found[0]
    return sentences.hit(match[0], index, match)


def _first_price(sentences: Sentences) -> _Hit | None:
    firsts = [(render, sentences.firsts(rule)) for rule, render in PRICE_PATTERNS]
    for index in sorted(set().union(*(found for _, found in firsts))):
        for render, found in firsts:
            match = found.get(index)
            if match and render(match).startswith("$"):
                return sentences.hit(match[0], index, match)
    return None


def _says_open_weights(sentence: str) -> re.Match[str] | None:
    """Where the sentence says the weights are out, read with its 'weights are not' phrases blanked."""
    masked = OPEN_WEIGHTS_NO.pattern.sub(lambda m: " " * len(m[0]), sentence)
    yes = OPEN_WEIGHTS_YES.pattern.search(masked)
    if yes is None and MODEL_CONTEXT.pattern.search(masked):
        yes = OPEN_SOURCED.pattern.search(masked)
    return yes


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
