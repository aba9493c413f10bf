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
from typing import TYPE_CHECKING

import numpy as np

from scrapers.resolve import name_key

if TYPE_CHECKING:  # imported where used: `verdicts --help` should not load scikit-learn
    from scipy import sparse
    from sklearn.feature_extraction.text import TfidfVectorizer

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
# An app says so in its pitch ("for your Mac", "a browser extension"), even if it runs a model.
APP_PITCH = re.compile(
    r"\b(apps?|for your (mac|pc|phone|iphone|android|browser|team|inbox)|menu-bar|desktop|extension|"
    r"plugin|add-on|editor|studio|dashboard|assistant|copilot for)\b", re.I)
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

# Purpose concepts: a general taxonomy of the jobs AI tools do and the material they work on,
# written from the categories tool directories use (not from any labelled item). Each says one
# job or material in the ways launches say it, so that "speech-to-text" and "transcribes calls",
# or "chat with your CSV" and "ask questions of your spreadsheets", meet. Patterns are lower case.
JOBS: tuple[tuple[str, str], ...] = (
    ("transcribing", r"transcri\w+|speech[- ]to[- ]text|dictat\w+|captions?|captioning|subtitles?|asr\b"),
    ("summarising", r"summar\w+|digests?|recaps?|catch(es|ing)? up|tl;?dr|highlights|key points|"
                    r"condens\w+|gist"),
    ("answering", r"ask(s|ing)? (questions|anything)|questions? (of|about|over|on) your|"
                  r"chat(s|ting)? with your|talk to your|answers? (questions|anything)|q&a|"
                  r"question[- ]answering|(plain[- ]english|natural[- ]language) (questions|queries)"),
    ("searching", r"search\w*|retriev\w+|rag\b|semantic|find(s|ing)? (anything|the right|answers)|"
                  r"knowledge base|lookup|look up"),
    ("writing", r"writ(e|es|ing|er|ers|ten)\b|draft\w*|co-?writ\w+|ghostwrit\w+|copywrit\w+|prose|"
                r"rewrit\w+|paraphras\w+|proofread\w*|grammar|tone of voice|in your tone|your voice\b"),
    ("translating", r"translat\w+|locali[sz]\w+|multilingual|interpret(er|ing|ation)\b|"
                    r"into \d+ languages|other languages"),
    ("dubbing", r"dubb?(s|ed|ing)?\b|voice[- ]?overs?|lip[- ]?sync\w*|voice clon\w+|clones? (your|a) voice|"
                r"text[- ]to[- ]speech|tts\b|narrat\w+|synthetic voices?"),
    ("generating images", r"(image|photo|picture|art|illustration|logo|icon)s? generat\w+|"
                          r"generat\w+ (images?|photos?|pictures?|art|illustrations?|logos?|icons?)|"
                          r"text[- ]to[- ]image|diffusion|product (shots|photos|photography)"),
    ("generating video", r"text[- ]to[- ]video|(video|clip|animation|animatic)s? (from|generat\w+)|"
                         r"generat\w+ (videos?|clips?|animations?)|animat(e|es|ed|ion|ics?)\b"),
    ("composing music", r"music|songs?|melod\w+|beats?\b|chords?|lyrics|stems?\b|drum|loops?\b|"
                        r"compos(e|es|er|ing|ition)\b|soundtracks?"),
    ("designing", r"design(s|ed|ing|ers?)?\b|mockups?|wireframes?|prototyp\w+|ui kits?|brand(ing| kits?| "
                  r"identity)|logos?|moodboards?|layouts?"),
    ("coding", r"cod(e|es|ing)\b|coder|programm\w+|autocomplet\w+|pull requests?|refactor\w*|"
               r"fill-in-the-middle|repos?\b|repositor\w+|ides?\b|debug\w*|commits?"),
    ("reviewing", r"review(s|ed|ing|er|ers)?\b|critiqu\w+|feedback|pushes back|redlin\w+|"
                  r"audit(s|ing)?\b|inspect\w*|spot(s|ting)? (issues|problems|errors|bugs)|flags?\b"),
    ("screening", r"screen(s|ed|ing)?\b|triag\w+|shortlist\w*|rank(s|ed|ing)? (candidates|leads|"
                  r"applicants)|filter(s|ing)? (candidates|applicants)|qualif(y|ies|ying) leads"),
    ("automating", r"automat\w+|workflows?|zapier|no-code|on autopilot|hands-free|runs? (it )?for you|"
                   r"does (it|the work) for you"),
    ("orchestrating agents", r"multi-agent|agents? (framework|sdk|runtime|orchestration)|"
                             r"orchestrat\w+|crews?\b|tool[- ]calling|function calling|agentic"),
    ("routing", r"route[sd]?\b|routing|router|gateway|proxy|fallbacks?|load[- ]balanc\w+|"
                r"(every|multiple|many) (llm |model )?providers|one api for|unified api"),
    ("serving", r"inference|serv(e|es|ing|er)\b|deploy\w*|hosting|hosted|serverless|gpus?\b|"
                r"latency|throughput|tokens per second|endpoints?"),
    ("fine-tuning", r"fine[- ]?tun\w+|lora\b|qlora|adapters?|distill\w+|rlhf|dpo\b|"
                    r"train(s|ing)? (on|your|a|custom)|custom models?"),
    ("evaluating", r"evals?\b|evaluat\w+|benchmark\w*|regression tests?|test (suites?|cases?)|graders?|"
                   r"scor(e|es|ing) (outputs?|responses?|prompts?)|red[- ]team\w*"),
    ("observing", r"observab\w+|tracing|traces?\b|logs?\b|logging|monitor\w*|telemetry|spans?\b|"
                  r"cost tracking|analytics for (llm|ai)"),
    ("analysing data", r"spreadsheets?|sql\b|databases?|csvs?\b|tables?\b|analytics|dashboards?|excel|"
                       r"charts?|pivot|data analysis|bi\b"),
    ("reading documents", r"pdfs?|documents?|docs\b|ocr\b|scans?\b|forms?\b|extract(s|ion|ing)? "
                          r"(data|fields|text)|pars(e|es|ing) (documents|pdfs|files)"),
    ("planning", r"planner|planners|planning|schedul\w+|calendars?|itinerar\w+|agendas?|"
                 r"to-?dos?|tasks?\b|action items?|projects?\b|roadmaps?|kanban|backlog"),
    ("tutoring", r"tutor\w*|teach\w*|lessons?|courses?|flashcards?|quiz\w*|homework|study\w*|"
                 r"spaced repetition|exam\w*|learn(ing|ers?)\b|coach(es|ing)?\b"),
    ("learning languages", r"language learn\w*|learn(ing)? (a )?(new |foreign )?languages?|pronunciation|"
                           r"speaking (practice|drills?)|conversation partners?|fluen(t|cy)|vocabulary"),
    ("analysing feedback", r"feedback|themes?\b|pain points?|user (interviews?|research)|surveys?|"
                           r"app reviews|feature requests|sentiment|nps\b|voice of the customer"),
    ("scraping", r"scrap(e|es|er|ers|ing)\b|crawl\w*|web data|browses?\b|browsing|headless|"
                 r"selectors?\b|extracts? data from (websites|web pages|the web)"),
    ("protecting", r"secur\w+|vulnerabilit\w+|secrets?\b|leak(s|ed)?\b|pentest\w*|threats?|malware|"
                   r"cves?\b|exploits?|phishing|credentials?|api keys?"),
    ("simulating", r"simulat\w+|digital twins?|synthetic (data|environments?)|physics"),
    ("recommending", r"recommend\w*|suggest(s|ions)?\b|personali[sz]\w+|tailored|picks? for you"),
)
MATERIALS: tuple[tuple[str, str], ...] = (
    ("meetings", r"meetings?|standups?|calls?\b|zoom|google meet|microsoft teams|huddles?|minutes\b"),
    ("messages", r"slack|discord|channels?\b|threads?\b|messages?|messaging|chats?\b|whatsapp|telegram"),
    ("email", r"e-?mails?|inbox\w*|gmail|outlook|replies|newsletters?"),
    ("customers", r"customers?|support tickets?|help ?desk|tickets?\b|live chat|chatbots?|helpdesk|"
                  r"zendesk|intercom"),
    ("sales", r"sales|crm\b|hubspot|salesforce|leads?\b|prospects?|deals?\b|outreach|pipeline"),
    ("video", r"videos?|clips?|footage|films?|youtube|reels?|shorts\b|tiktok|streams?|streaming|"
              r"webcasts?|movies?|scenes?|shots?\b|storyboards?|screenplays?|scripts?\b|filmmak\w+"),
    ("audio", r"audio|podcasts?|voices?|speech|sound|recordings?|spoken"),
    ("images", r"images?|photos?|pictures?|illustrat\w+|sketch\w*|drawings?|vectors? (art|graphics)|"
               r"svg|pixels?|renders?\b|artwork|catalogue|catalog"),
    ("long-form text", r"essays?|articles?|blog posts?|posts?\b|copy\b|stories|novels?|books?|"
                       r"manuscripts?|long-form|paragraphs?"),
    ("slides", r"slides?|presentations?|decks?|keynote|powerpoint|pitch decks?"),
    ("source code", r"source code|codebases?|functions?\b|typescript|python|javascript|rust\b|"
                    r"go\b|java\b|github|gitlab"),
    ("language models", r"llms?\b|language models?|gpt|prompts?|completions?|tokens?\b|"
                        r"openai|anthropic|claude|gemini|mistral|llama"),
    ("model weights", r"weights?\b|checkpoints?|parameters?|params\b|\d+(\.\d+)?b\b|hugging ?face|"
                      r"gguf|safetensors|quantiz\w+|quantis\w+"),
    ("vision", r"vision|multimodal|visual|image understanding|vqa|ocr\b|charts and diagrams"),
    ("knowledge", r"wikis?|notion|confluence|knowledge|company docs|internal docs|intranet|notes\b"),
    ("vectors", r"vectors?\b|embeddings?|ann\b|nearest neighbou?r|similarity search|hnsw|index(es|ing)?\b"),
    ("contracts", r"contracts?|clauses?|legal|lawyers?|law firms?|ndas?\b|agreements?|compliance"),
    ("money", r"financ\w+|accounting|bookkeep\w+|expenses?|budgets?|tax(es)?\b|invoic\w+|receipts?|"
              r"ledgers?|payroll|reconcil\w+|quickbooks|xero"),
    ("hiring", r"recruit\w+|hiring|candidates?|applicants?|résumés?|resumes?|cvs?\b|job (posts|ads)|"
               r"talent"),
    ("travel", r"travel\w*|trips?\b|flights?|hotels?|itinerar\w+|destinations?|vacations?|holidays?"),
    ("food", r"food|meals?|recipes?|nutrition\w*|diet\w*|calories|groceries|fridge|cooking"),
    ("health", r"health\w*|medical|clinic\w*|patients?|doctors?|therap\w+|fitness|workouts?|sleep"),
    ("learning", r"students?|kids?|children|classroom|school|lecture\w*|maths?\b|university"),
    ("research papers", r"research\w*|papers?|citations?|literature|academic|arxiv|scholar\w*|journals?"),
    ("web", r"websites?|web pages?|webpages|urls?\b|the web\b|browsers?|extensions?|tabs?\b"),
    ("robots", r"robots?|robotics|drones?|embodied|warehouses?|manipulat\w+|autonomous vehicles?"),
    ("maps", r"maps?\b|geospatial|satellite|gis\b|surveys?|terrain|lidar|aerial"),
    ("devices", r"phones?|mobile|on-device|edge devices?|laptops?|raspberry pi|offline|"
                r"your own machine|locally|local\b"),
    ("games", r"games?|gaming|npcs?|players?|levels?\b|unity|unreal"),
)
CONCEPTS: tuple[tuple[str, str], ...] = JOBS + MATERIALS
CONCEPT_ORDER = {name: n for n, (name, _) in enumerate(CONCEPTS)}


def _group(name: str) -> str:
    """A regex group name for a concept ("generating images" -> "generating_images")."""
    return re.sub(r"\W", "_", name)


_CONCEPT_OF_GROUP = {_group(name): name for name, _ in CONCEPTS}
# One pattern for every concept (a named group each), so a text is read once, not once per concept.
# Matched on lower-cased text without re.I, which is three times faster.
_CONCEPTS = re.compile(r"\b(?:" + "|".join(f"(?P<{_group(name)}>{rx})" for name, rx in CONCEPTS) + ")")

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


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """scikit-learn's English stop words and the filler words above."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS) | FILLER_WORDS


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
        if APP_PITCH.search(head):
            return "app"
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
        """The purpose concepts its words name, most weighted first (see concept_weights)."""
        weights = self.concept_weights
        return tuple(sorted(weights, key=lambda n: (-weights[n], CONCEPT_ORDER[n])))

    @cached_property
    def concept_weights(self) -> dict[str, float]:
        """How much each concept it names says about it: the pitch (tagline) counts twice."""
        pitch = Counter(_concepts_in(self.tagline))
        body = Counter(_concepts_in(self.description))
        return {name: 2.0 * pitch[name] + body[name] for name in pitch | body}

    def purpose_text(self) -> str:
        """Its tagline (twice: it is the pitch) and description without its own name."""
        own = {w for w in re.split(r"\W+", name_key(self.name)) if len(w) > 2 and not _is_common(w)}
        text = f"{self.tagline} {self.tagline} {self.description}"
        if own:  # the name as a name (capitalised): "Synthesis clusters feedback" keeps "clusters"
            text = _PLAIN_WORD.sub(lambda m: " " if _is_name_use(m.group(0), own) else m.group(0), text)
        return text


def _is_name_use(word: str, own: set[str]) -> bool:
    return word[:1].isupper() and word.lower() in own


def _concepts_in(text: str) -> list[str]:
    return [_CONCEPT_OF_GROUP[m.lastgroup or ""] for m in _CONCEPTS.finditer(text.lower())]


# A pair's score is its purpose similarity, scaled by how far the rest agrees: kind, audience,
# category and comparable facts (their weights add up to 1). No shared purpose, no pair.
CONTEXT_WEIGHTS = {"kind": 0.45, "audience": 0.25, "category": 0.1, "facts": 0.2}
PURPOSE_FULL = 0.45  # a purpose similarity this high counts as fully alike
CONCEPT_PRIOR = 0.5  # see _concept_matrix
WORDS_SHARE = 0.5  # of purpose: the words' TF-IDF cosine; the rest is the concepts' cosine
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
        from scipy import sparse
        from sklearn.feature_extraction.text import TfidfVectorizer

        self.vectorizer = TfidfVectorizer(
            stop_words=sorted(stop_words()), token_pattern=None, lowercase=False,
            ngram_range=(1, 1), sublinear_tf=True, min_df=1,
        )
        texts = [p.purpose_text() for p in self.profiles]
        self.vectorizer.set_params(tokenizer=self._tokens)
        self._surface: dict[str, Counter[str]] = {}
        try:
            words = self.vectorizer.fit_transform(texts).tocsr()
            terms = list(self.vectorizer.get_feature_names_out())
        except ValueError:  # no words at all (no tools, or none with a purpose): nothing is alike
            words, terms = sparse.csr_matrix((len(texts), 1)), ["-"]
        # Two L2-normalised channels side by side, scaled so that a row's dot product with another
        # is WORDS_SHARE x their words' cosine + (1 - WORDS_SHARE) x their concepts' cosine.
        concepts = _concept_matrix(self.profiles)
        self.matrix = sparse.hstack(
            [words * np.sqrt(WORDS_SHARE), concepts * np.sqrt(1 - WORDS_SHARE)], format="csr"
        )
        self.terms = np.array(terms + [f"concept:{name}" for name, _ in CONCEPTS])

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
        terms: list[str] = []
        for index in order:
            term = str(self.terms[product.col[index]])
            word = (f"{term.removeprefix('concept:')} (purpose)" if term.startswith("concept:")
                    else self._surface.get(term, Counter({term: 1})).most_common(1)[0][0])
            if not any(word in t or t in word for t in terms):
                terms.append(word)
        return terms[:limit]


    def _tokens(self, text: str) -> list[str]:
        """The stemmed tokens of a text, noting the words each stem stood for (to show them)."""
        words = _words(text)
        stems = [_stem(w) for w in words]
        for stem, word in zip(stems, words, strict=True):
            self._surface.setdefault(stem, Counter())[word] += 1
        return stems


def _concept_matrix(profiles: Sequence[Profile]) -> sparse.csr_matrix:
    """One row of concept weights per profile (sublinear, like the words), normalised as if each
    also had CONCEPT_PRIOR of a purpose of its own: a tool whose words name one concept in
    passing is not fully alike to every tool built around that concept."""
    from scipy import sparse

    rows, cols, values = [], [], []
    for row, profile in enumerate(profiles):
        for name, weight in profile.concept_weights.items():
            rows.append(row)
            cols.append(CONCEPT_ORDER[name])
            values.append(1.0 + np.log(weight))
    matrix = sparse.csr_matrix((values, (rows, cols)), shape=(len(profiles), len(CONCEPTS)))
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel() + CONCEPT_PRIOR ** 2)
    return sparse.diags(1.0 / norms) @ matrix


def _words(text: str) -> list[str]:
    """A text's lower-cased words, hyphenated ones also split, stop words left out."""
    words = []
    for word in _TOKEN.findall(text):
        word = word.lower().rstrip(".")
        parts = word.split("-") if "-" in word else []
        words.extend(w for w in (word, *parts) if w and w not in stop_words() and len(w) > 1)
    return words


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return _stemmer().stemWord(word)


@lru_cache(maxsize=1)
def _stemmer():  # noqa: ANN202  (a snowballstemmer stemmer)
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=16384)
def _is_common(word: str) -> bool:
    """Whether a word of a tool's name is an ordinary English word (kept: it says what it does)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en") >= 3.5

