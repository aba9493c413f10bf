"""How alike two tools are in purpose: what they do (their words), what kind of thing they are,
whom they are for, and which facts they can be compared on.

Purpose is TF-IDF over each tool's tagline and description (its own name left out), with a small
lexicon of purpose concepts added as extra terms so that "speech-to-text" and "transcribes calls"
meet; where an embedding endpoint is configured, its vectors' cosine is averaged in. Nothing is
downloaded: scikit-learn's vectoriser and a word list in this module are all it uses.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

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
_CONCEPT_PATTERNS = tuple((name, re.compile(rf"\b(?:{rx})", re.I)) for name, rx in CONCEPTS)

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
        counts = {name: len(p.findall(self.words)) for name, p in _CONCEPT_PATTERNS}
        return tuple(sorted((n for n, c in counts.items() if c), key=lambda n: -counts[n]))

    def purpose_text(self) -> str:
        """Its tagline (twice: it is the pitch) and description without its own name, plus concepts."""
        own = {w for w in re.split(r"\W+", name_key(self.name)) if len(w) > 2 and not _is_common(w)}
        text = f"{self.tagline} {self.tagline} {self.description}"
        if own:
            text = re.sub(r"\b(" + "|".join(map(re.escape, sorted(own))) + r")\b", " ", text, flags=re.I)
        return text + " " + " ".join(f"concept{c} concept{c}" for c in self.concepts)


# A pair's score is its purpose similarity, scaled by how far the rest agrees: kind, audience,
# category and comparable facts (their weights add up to 1). No shared purpose, no pair.
CONTEXT_WEIGHTS = {"kind": 0.45, "audience": 0.25, "category": 0.1, "facts": 0.2}
PURPOSE_FULL = 0.45  # a purpose similarity this high counts as fully alike
COMPARABLE_FACTS = ("pricing_model", "entry_price", "license", "open_weights", "parameters",
                    "context_length", "hardware", "benchmark")


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

    def neighbours(self, row_indexes: np.ndarray, k: int) -> list[np.ndarray]:
        """For each row index, the indexes of its `k` most similar profiles by purpose (not itself)."""
        return [near for near, _ in self.neighbours_scored(row_indexes, k)]

    def neighbours_scored(self, row_indexes: np.ndarray, k: int) -> list[tuple[np.ndarray, np.ndarray]]:
        """For each row index, its `k` most similar profiles by purpose and their similarities."""
        scores = self.matrix[row_indexes] @ self.matrix.T
        dense = scores.toarray()
        if self.embeddings is not None:
            dense = (dense + np.clip(self.embeddings[row_indexes] @ self.embeddings.T, 0, 1)) / 2
        dense[np.arange(len(row_indexes)), row_indexes] = -1.0
        k = min(k, dense.shape[1] - 1)
        if k <= 0:
            return [(np.array([], dtype=int), np.array([])) for _ in row_indexes]
        top = np.argpartition(-dense, k - 1, axis=1)[:, :k]
        return [(row[dense[i, row] > 0], dense[i, row[dense[i, row] > 0]]) for i, row in enumerate(top)]

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
    return [w if w.startswith("concept") else _STEMMER.stemWord(w) for w in words]


_STOP_SET = frozenset(STOP_WORDS)
_STEMMER = snowballstemmer.stemmer("english")


def _is_common(word: str) -> bool:
    """Whether a word of a tool's name is an ordinary English word (kept: it says what it does)."""
    return zipf_frequency(word, "en") >= 3.5


def part_scores(a: Profile, b: Profile, purpose: float) -> dict[str, float]:
    """Each part of the pair's score, 0-1: purpose, kind, audience, category, facts."""
    kinds = {a.kind, b.kind}
    near = kinds <= {"model", "API"} or kinds <= {"toolkit", "agent framework"}
    kind = 1.0 if len(kinds) == 1 else (0.5 if near else 0.0)
    union = a.audiences | b.audiences
    audience = len(a.audiences & b.audiences) / len(union) if union else 0.5
    category = 1.0 if a.category and a.category == b.category else 0.0
    kinds_a = a.fact_kinds & set(COMPARABLE_FACTS)
    kinds_b = b.fact_kinds & set(COMPARABLE_FACTS)
    facts = len(kinds_a & kinds_b) / len(kinds_a | kinds_b) if kinds_a | kinds_b else 0.0
    return {"purpose": purpose, "kind": kind, "audience": audience, "category": category, "facts": facts}


def pair_score(parts: dict[str, float]) -> float:
    """The pair's score, 0-1: purpose (saturating at PURPOSE_FULL) times the agreement of the rest."""
    purpose = min(1.0, parts["purpose"] / PURPOSE_FULL)
    context = sum(CONTEXT_WEIGHTS[name] * parts[name] for name in CONTEXT_WEIGHTS)
    return purpose * (0.5 + 0.5 * context)
