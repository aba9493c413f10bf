"""How alike two tools are in purpose: what they do (their words), what kind of thing they are,
whom they are for, and which facts they can be compared on.

Purpose is TF-IDF over each tool's tagline and description (its own name left out), with a small
lexicon of purpose concepts added as extra terms so that "speech-to-text" and "transcribes calls"
meet; where an embedding endpoint is configured, its vectors' cosine is averaged in. Nothing is
downloaded: scikit-learn's vectoriser and a word list in this module are all it uses.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import numpy as np
import snowballstemmer
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
from wordfreq import zipf_frequency

from scrapers.resolve import name_key

# What a tool is; first match wins, "app" when nothing else does.
KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("agent framework", re.compile(
        r"\b(agent(ic)? (framework|sdk|runtime|toolkit|library|platform)|multi-agent|"
        r"framework for (building )?(ai )?agents|build(ing)? (ai )?agents|orchestrat\w+ (ai )?agents|"
        r"agent orchestration)\b", re.I)),
    ("model", re.compile(
        r"\b(\d+(\.\d+)?\s?[BM]\b(-| )?(parameters?|params)?|open[- ]weights?|weights are|checkpoints?|"
        r"(language|code|vision|speech|voice|embedding|reasoning|foundation|base|diffusion|video|image|"
        r"music|audio|small|open) models?)", re.I)),
    ("API", re.compile(
        r"\b(API|APIs|endpoints?|gateway|router|proxy|inference (service|platform|provider|cloud)|"
        r"hosted inference|per (1M|million|1K|thousand) tokens|serverless)\b")),
    ("toolkit", re.compile(
        r"\b(SDK|library|libraries|framework|toolkit|CLI|command[- ]line|package|pip install|npm|"
        r"self-host\w*|open[- ]source (tool|project|server)|plugin for developers|extension for)\b", re.I)),
)
KIND_OF_FACTS = {"parameters": "model", "open_weights": "model", "base_model": "model",
                 "quantisation": "model", "context_length": "model"}

AUDIENCES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("developers", re.compile(r"\b(developers?|engineers?|devs|coders?|programm\w+|codebases?|"
                              r"repos?|repositories|IDE|pull requests?|APIs?|SDKs?|CLI)\b", re.I)),
    ("creators", re.compile(r"\b(creators?|designers?|artists?|writers?|podcasters?|musicians?|"
                            r"video ?makers?|editors?|illustrators?|youtubers?|filmmakers?|"
                            r"authors?)\b", re.I)),
    ("teams", re.compile(r"\b(teams?|compan(y|ies)|enterprises?|sales|support agents?|customers?|"
                         r"managers?|recruit\w+|HR|finance|ops|operations|startups?|businesses)\b", re.I)),
    ("researchers", re.compile(r"\b(research(ers)?|scientists?|papers?|academic\w*|labs?|"
                               r"students?|literature)\b", re.I)),
)
CATEGORY_AUDIENCE = {"Developer Tools": "developers", "Design": "creators", "Writing": "creators",
                     "Audio & Video": "creators", "Productivity": "teams", "Research": "researchers"}

# Purpose concepts: words that say the same job in different ways. Each adds its token to a
# tool's terms, so two tools that describe one job in different words still share a term.
CONCEPTS: tuple[tuple[str, str], ...] = (
    ("transcription", r"transcri\w+|speech[- ]to[- ]text|dictat\w+|captions?|subtitles?"),
    ("meetings", r"meetings?|standups?|(sales|video|zoom|team) calls?\b|minutes\b|zoom|google meet|huddles?"),
    ("voice", r"voices?|speech|text[- ]to[- ]speech|tts\b|narrat\w+|dubb\w+|voiceovers?"),
    ("video", r"videos?|clips?|footage|films?|youtube|reels?|shorts\b|timelines?"),
    ("image", r"images?|photos?|pictures?|illustrat\w+|sketch\w*|drawings?|vectors?\b|svg|pixels?|"
              r"diffusion|renders?\b"),
    ("summaries", r"summar\w+|digests?|recaps?|catch(es)? up|tl;?dr|highlights"),
    ("film", r"storyboards?|animatics?|shot lists?|screenplays?|scripts?\b|filmmak\w+|directors?|scenes?"),
    ("design", r"design\w*|figma|mockups?|wireframes?|ui kits?|brand kits?|logos?"),
    ("writing", r"writ\w+|draft\w*|essays?|copy\b|copywrit\w+|prose|blog posts?|newsletters?|"
                r"grammar|editing text"),
    ("music", r"music|songs?|melod\w+|beats\b|audio tracks?|stems?\b|mastering"),
    ("coding", r"cod(e|es|ing)\b|programm\w+|developers?|ide\b|autocomplet\w+|pull requests?|"
               r"refactor\w*|repos?\b|repositor\w+|code review|completions?"),
    ("agents", r"agents?\b|agentic|autonomous|multi-step|tool[- ]calling|function calling"),
    ("retrieval", r"retriev\w+|rag\b|embeddings?|vector (database|store|search|db)|semantic search|"
                  r"search(es|ing)? (your|across)|knowledge base"),
    ("inference", r"inference|serving|deploy\w* models?|gpus?\b|latency|throughput|quantiz\w+|"
                  r"quantis\w+|llama\.cpp|vllm|ollama"),
    ("routing", r"route[sd]?\b|routing|router|gateway|proxy|fallbacks?|multiple (llms|models|providers)|"
                r"one api for"),
    ("training", r"fine[- ]?tun\w+|train(ing)?\b|lora\b|datasets?|distill\w+|rlhf"),
    ("evaluation", r"evals?\b|evaluat\w+|benchmark\w*|regressions?|test (suites?|cases?)|graders?|"
                   r"scor(e|es|ing) (outputs?|responses?)"),
    ("observability", r"observab\w+|tracing|traces?\b|logs?\b|logging|monitor\w*|dashboards?|"
                      r"telemetry|spans?\b"),
    ("data", r"spreadsheets?|sql\b|databases?|csv|tables?\b|analytics|dashboards?|excel|queries"),
    ("documents", r"pdfs?|documents?|contracts?|invoices?|receipts?|forms?\b|ocr\b|scans?\b"),
    ("tasks", r"tasks?|to-?dos?|action items?|projects? management|tickets?|backlog|kanban|planning"),
    ("email", r"emails?|inbox\w*|replies|outreach|follow-ups?"),
    ("support", r"support tickets?|customer support|help ?desk|chatbots?|live chat"),
    ("research", r"research\w*|papers?|citations?|literature|academic|arxiv|scholar\w*"),
    ("security", r"security|vulnerabilit\w+|secrets?|pentest\w*|threats?|malware|audits?"),
    ("browser", r"browsers?|web pages?|scrap\w+|crawl\w*|extensions?|tabs?\b"),
    ("translation", r"translat\w+|languages?\b|locali[sz]\w+|multilingual"),
    ("robotics", r"robots?|robotics|drones?|embodied"),
    ("slides", r"slides?|presentations?|decks?|keynote|powerpoint"),
    ("learning", r"learn(ing|ers?)\b|tutor\w*|lessons?|courses?|flashcards?|quiz\w*|homework"),
    ("health", r"health|medical|clinic\w*|patients?|doctors?|therap\w+"),
    ("finance", r"financ\w+|accounting|bookkeep\w+|expenses?|budgets?|tax(es)?\b|invoic\w+"),
    ("legal", r"legal|lawyers?|contracts?|clauses?|compliance"),
    ("recruiting", r"recruit\w+|hiring|candidates?|résumés?|resumes?|interviews?"),
    ("sales", r"sales|crm\b|leads?\b|prospects?|pipeline"),
)
CONCEPT_ORDER = {name: n for n, (name, _) in enumerate(CONCEPTS)}
# One pattern for every concept (a named group each), so a text is read once, not once per concept.
# Matched on lower-cased text without re.I, which is three times faster.
_CONCEPTS = re.compile(r"\b(?:" + "|".join(f"(?P<{name}>{rx.lower()})" for name, rx in CONCEPTS) + ")")

# Words that say nothing about what a tool does (launch boilerplate, pricing, hype).
FILLER_WORDS = frozenset({
    "ai", "new", "today", "launch", "launches", "launched", "launching", "introducing", "introduce",
    "announcing", "announce", "powered", "free", "tier", "plan", "plans", "pro", "month", "monthly",
    "year", "pricing", "price", "priced", "costs", "cost", "paid", "user", "users", "seat", "per",
    "available", "beta", "open", "source", "release", "released", "releases", "version", "v1", "v2",
    "make", "makes", "making", "help", "helps", "lets", "let", "use", "uses", "using", "way", "just",
    "best", "better", "faster", "fast", "easy", "simple", "powerful", "smart", "world", "first",
    "built", "build", "works", "work", "tool", "tools", "app", "apps", "platform", "product", "team",
    "teams", "people", "like", "get", "gets", "one", "every", "without", "need", "needs", "minutes",
    "day", "days", "week", "weeks", "hours", "hour", "time", "start", "starts", "includes", "including",
    "support", "supports", "based", "model", "models", "llm", "llms",
})
STOP_WORDS = sorted(set(ENGLISH_STOP_WORDS) | FILLER_WORDS)
_PLAIN_WORD = re.compile(r"\w+")
_TOKEN = re.compile(r"(?u)\b[a-zA-Z][a-zA-Z0-9+#.-]*[a-zA-Z0-9+#]|\b[a-zA-Z]\b")


@dataclass(frozen=True)
class Profile:
    """What pairing reads of a tool."""

    id: int
    name: str
    tagline: str
    description: str
    category: str
    domain: str | None = None
    fact_kinds: frozenset[str] = frozenset()
    facts: tuple[tuple[str, str], ...] = ()  # (kind, value) of its positive facts

    @cached_property
    def words(self) -> str:
        return f"{self.tagline}. {self.description}"

    @cached_property
    def kind(self) -> str:
        """model, API, app, toolkit or agent framework, read off its facts and its words."""
        head = f"{self.name}. {self.tagline}"
        for kind, pattern in KINDS:
            if pattern.search(head):
                return kind
        from_facts = {KIND_OF_FACTS[k] for k in self.fact_kinds if k in KIND_OF_FACTS}
        if "model" in from_facts and "parameters" in self.fact_kinds:
            return "model"
        for kind, pattern in KINDS:
            if pattern.search(self.description[:400]):
                return kind
        return "app"

    @cached_property
    def audiences(self) -> frozenset[str]:
        """Whom it is for: developers, creators, teams, researchers (as many as it says)."""
        found = {name for name, pattern in AUDIENCES if pattern.search(self.words)}
        if self.category in CATEGORY_AUDIENCE:
            found.add(CATEGORY_AUDIENCE[self.category])
        return frozenset(found)

    @cached_property
    def concepts(self) -> tuple[str, ...]:
        """The purpose concepts its words name, most mentioned first."""
        counts = Counter(match.lastgroup for match in _CONCEPTS.finditer(self.words.lower()))
        return tuple(sorted(counts, key=lambda n: (-counts[n], CONCEPT_ORDER[n])))

    def purpose_text(self) -> str:
        """Its tagline (twice: it is the pitch) and description without its own name, plus concepts."""
        own = {w for w in re.split(r"\W+", name_key(self.name)) if len(w) > 2 and not _is_common(w)}
        text = f"{self.tagline} {self.tagline} {self.description}"
        if own:
            text = _PLAIN_WORD.sub(lambda m: " " if m.group(0).lower() in own else m.group(0), text)
        return text + " " + " ".join(f"concept{c} concept{c}" for c in self.concepts)


# A pair's score is its purpose similarity, scaled by how far the rest agrees: kind, audience,
# category and comparable facts (their weights add up to 1). No shared purpose, no pair.
CONTEXT_WEIGHTS = {"kind": 0.45, "audience": 0.25, "category": 0.1, "facts": 0.2}
PURPOSE_FULL = 0.45  # a purpose similarity this high counts as fully alike
COMPARABLE_FACTS = ("pricing_model", "entry_price", "license", "open_weights", "parameters",
                    "context_length", "hardware", "benchmark")
KIND_NAMES = ("model", "API", "app", "toolkit", "agent framework")
# How far two kinds agree: the same kind fully, neighbours (a model and its API, a toolkit and an
# agent framework) half, the rest not at all.
_KIND_AGREEMENT = np.eye(len(KIND_NAMES))
for _near in (("model", "API"), ("toolkit", "agent framework")):
    _i, _j = (KIND_NAMES.index(k) for k in _near)
    _KIND_AGREEMENT[_i, _j] = _KIND_AGREEMENT[_j, _i] = 0.5
_AUDIENCE_NAMES = tuple(name for name, _ in AUDIENCES)
_BITS = np.array([bin(n).count("1") for n in range(1 << 16)], dtype=np.float64)


@dataclass(frozen=True)
class Features:
    """The context of many profiles as arrays: kind, audience and fact kinds as bit masks, category."""

    kind: np.ndarray
    audience: np.ndarray
    category: np.ndarray
    facts: np.ndarray

    @classmethod
    def of(cls, profiles: Sequence[Profile]) -> Features:
        categories: dict[str, int] = {"": -1}
        return cls(
            kind=np.array([KIND_NAMES.index(p.kind) for p in profiles], dtype=np.int64),
            audience=np.array([_mask(p.audiences, _AUDIENCE_NAMES) for p in profiles], dtype=np.int64),
            category=np.array([categories.setdefault(p.category, len(categories)) for p in profiles],
                              dtype=np.int64),
            facts=np.array([_mask(p.fact_kinds, COMPARABLE_FACTS) for p in profiles], dtype=np.int64),
        )


def _mask(names: Iterable[str], order: Sequence[str]) -> int:
    have = set(names)
    return sum(1 << bit for bit, name in enumerate(order) if name in have)


def _jaccard(a: np.ndarray, b: np.ndarray, empty: float) -> np.ndarray:
    union = _BITS[a | b]
    return np.where(union > 0, _BITS[a & b] / np.maximum(union, 1), empty)


def part_arrays(features: Features, rows: np.ndarray, cols: np.ndarray,
                purpose: np.ndarray) -> dict[str, np.ndarray]:
    """Each part of the score (0-1) for every (row, col) pair: purpose, kind, audience, category, facts."""
    category = features.category
    return {
        "purpose": purpose,
        "kind": _KIND_AGREEMENT[features.kind[rows], features.kind[cols]],
        "audience": _jaccard(features.audience[rows], features.audience[cols], 0.5),
        "category": ((category[rows] == category[cols]) & (category[rows] >= 0)).astype(np.float64),
        "facts": _jaccard(features.facts[rows], features.facts[cols], 0.0),
    }


def pair_scores(parts: dict[str, np.ndarray]) -> np.ndarray:
    """Each pair's score, 0-1: purpose (saturating at PURPOSE_FULL) times the agreement of the rest."""
    purpose = np.minimum(1.0, parts["purpose"] / PURPOSE_FULL)
    context = sum(CONTEXT_WEIGHTS[name] * parts[name] for name in CONTEXT_WEIGHTS)
    return purpose * (0.5 + 0.5 * context)


def part_scores(a: Profile, b: Profile, purpose: float) -> dict[str, float]:
    """Each part of one pair's score, 0-1: purpose, kind, audience, category, facts."""
    parts = part_arrays(Features.of([a, b]), np.array([0]), np.array([1]), np.array([purpose]))
    return {name: float(values[0]) for name, values in parts.items()}


def pair_score(parts: dict[str, float]) -> float:
    """One pair's score from its parts (see pair_scores)."""
    return float(pair_scores({name: np.array([value]) for name, value in parts.items()})[0])


@dataclass
class PurposeSpace:
    """TF-IDF vectors of many tools' purpose text (rows L2-normalised), optionally with embeddings."""

    profiles: Sequence[Profile]
    embeddings: np.ndarray | None = None  # one row per profile, L2-normalised
    vectorizer: TfidfVectorizer = field(init=False)
    matrix: sparse.csr_matrix = field(init=False)

    def __post_init__(self) -> None:
        self.vectorizer = TfidfVectorizer(
            stop_words=STOP_WORDS, token_pattern=None, tokenizer=_tokens, lowercase=False,
            ngram_range=(1, 1), sublinear_tf=True, min_df=1,
        )
        texts = [p.purpose_text() for p in self.profiles]
        try:
            self.matrix = self.vectorizer.fit_transform(texts).tocsr()
            self.terms = self.vectorizer.get_feature_names_out()
        except ValueError:  # no words at all (no tools, or none with a purpose): nothing is alike
            self.matrix = sparse.csr_matrix((len(texts), 1))
            self.terms = np.array(["-"])

    def purpose(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """Purpose similarity (0-1) of each (row, col) pair of profile indexes."""
        left, right = self.matrix[rows], self.matrix[cols]
        tfidf = np.asarray(left.multiply(right).sum(axis=1)).ravel()
        if self.embeddings is None:
            return tfidf
        cosine = np.einsum("ij,ij->i", self.embeddings[rows], self.embeddings[cols])
        return (tfidf + np.clip(cosine, 0.0, 1.0)) / 2

    def similarities(self, rows: np.ndarray, cols: np.ndarray | None = None) -> np.ndarray:
        """Dense purpose similarities of `rows` against `cols` (default: every profile)."""
        right = self.matrix if cols is None else self.matrix[cols]
        dense = (self.matrix[rows] @ right.T).toarray()
        if self.embeddings is not None:
            other = self.embeddings if cols is None else self.embeddings[cols]
            dense = (dense + np.clip(self.embeddings[rows] @ other.T, 0.0, 1.0)) / 2
        return dense

    def top_neighbours(self, rows: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(row, col, similarity) of each row's `k` most similar other profiles with any similarity,
        as flat arrays."""
        dense = self.similarities(rows)
        dense[np.arange(len(rows)), rows] = -1.0
        k = min(k, dense.shape[1] - 1)
        if k <= 0 or not len(rows):
            empty = np.array([], dtype=np.int64)
            return empty, empty, np.array([])
        top = np.argpartition(-dense, k - 1, axis=1)[:, :k]
        values = np.take_along_axis(dense, top, axis=1)
        keep = values > 0
        return np.repeat(rows, k).reshape(-1, k)[keep], top[keep], values[keep]

    def shared_terms(self, a: int, b: int, limit: int = 4) -> list[str]:
        """The terms that contribute most to the purpose similarity of profiles a and b."""
        product = self.matrix[a].multiply(self.matrix[b]).tocoo()
        order = np.argsort(-product.data)[:limit * 2]
        terms = []
        for index in order:
            term = str(self.terms[product.col[index]])
            word = term.removeprefix("concept")
            if term.startswith("concept"):
                word = f"{word} (purpose)"
            if not any(word in t or t in word for t in terms):
                terms.append(word)
        return terms[:limit]


def _tokens(text: str) -> list[str]:
    words = []
    for word in _TOKEN.findall(text):
        word = word.lower().rstrip(".")
        parts = word.split("-") if "-" in word else []
        words.extend(w for w in (word, *parts) if w and w not in _STOP_SET and len(w) > 1)
    return [w if w.startswith("concept") else _stem(w) for w in words]


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return _STEMMER.stemWord(word)


_STOP_SET = frozenset(STOP_WORDS)
_STEMMER = snowballstemmer.stemmer("english")


@lru_cache(maxsize=16384)
def _is_common(word: str) -> bool:
    """Whether a word of a tool's name is an ordinary English word (kept: it says what it does)."""
    return zipf_frequency(word, "en") >= 3.5

