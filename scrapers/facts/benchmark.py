"""benchmark and benchmark_self_reported: the benchmarks named, and who ran them."""

from __future__ import annotations

import re

from scrapers.facts.engine import Hit, Rule, Searched, Sentences, first_hit
from scrapers.records import FactRecord

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
    ("Spider", Rule(r"\bSpider(?: 2\.0)?\b(?!-)", starts="spider")),
    ("BIRD", Rule(r"\bBIRD\b", starts="bird")),
    ("BEIR", Rule(r"\bBEIR\b", starts="beir")),
    ("LibriSpeech", Rule(r"\bLibriSpeech\b", re.I, starts="librispeech")),
    ("RULER", Rule(r"\bRULER\b", starts="ruler")),
    ("ARC-AGI", Rule(r"\bARC-AGI(?:-\d)?\b", starts="arc-agi")),
    ("SimpleQA", Rule(r"\bSimpleQA\b", re.I, starts="simpleqa")),
    ("Terminal-Bench", Rule(r"\bTerminal[- ]Bench\b", re.I, starts="terminal")),
    ("tau-bench", Rule(r"\b(?:tau|τ)[- ]?bench\b", re.I, starts=("tau", "τ"))),
    ("BFCL", Rule(r"\bBFCL\b", starts="bfcl")),
    ("OSWorld", Rule(r"\bOSWorld\b", re.I, starts="osworld")),
    ("LiveBench", Rule(r"\bLiveBench\b", re.I, starts="livebench")),
    # image and video generation
    ("VBench", Rule(r"\bVBench\b(?:[- ]?2\.0)?", re.I, starts="vbench")),
    ("GenEval", Rule(r"\bGenEval\b", re.I, starts="geneval")),
    ("Chatbot Arena", Rule(r"\b(?:Chatbot|LMSYS|LM) Arena\b", re.I,
                           starts=("chatbot arena", "lmsys arena", "lm arena"))),
)
# A benchmark we have no row for, known by the score it is given: "On LegalBench it scores 71.4",
# "scores 83.1 on CodeArena", "reaches 64% on the FinQA-Hard suite". A name is one that looks like a
# benchmark's (CamelCase, ends in Bench/Eval/QA/Arena, or all capitals), not "On Android".
_BENCH_NAME = (r"(?P<name>(?:[A-Z][a-z0-9]+){1,3}(?:Bench|bench|Eval|eval|QA|Arena)(?:[- ]?\d+(?:\.\d+)?)?"
               r"|[A-Z][\w]*[a-z][A-Z][\w]*(?:-[\w]+)?|[A-Z][A-Z0-9]{2,}(?:-[A-Z0-9]+)?)")
_SCORED = r"(?:scores?|scored|scoring|reach(?:es|ed)?|gets|hits|averages|averaged)"
SCORED_BENCHMARK = Rule(
    rf"\b(?:On|on|In|in) (?:the )?{_BENCH_NAME}(?:'s)?\b[^.;]{{0,50}}?\b{_SCORED}\s+"
    r"(?:an? )?\d+(?:\.\d+)?\s?%?"
    rf"|\b{_SCORED}\s+(?:an? )?\d+(?:\.\d+)?\s?%?\s+on (?:the )?{_BENCH_NAME.replace('<name>', '<name2>')}\b"
    # ... and the next in its list: "scores 88.2 on HumanEval and 71 on ContractQA"
    rf"|(?:\band|,)\s+\d+(?:\.\d+)?\s?%?\s+on (?:the )?{_BENCH_NAME.replace('<name>', '<name3>')}\b",
    starts=("on ", "in ", "scor", "reach", "gets", "hits", "averag", "and", ","),
    # (looked for only when asked: "on" and "in" begin too many words to try each as the text is read)
    needs=(" scor", " reach", " gets ", " hits ", " averag"), on_demand=True,
)
# Score-like numbers that are not benchmark results: uptime, ratings, installs.
_NOT_A_SCORE = re.compile(r"\s*(?:stars?|points|upvotes|users|downloads|installs|ratings?|reviews"
                          r"|uptime|ms\b|tokens|tok/s|t/s|fps|frames|seconds|s\b|x\b|times|MB|GB|W\b|watts"
                          r"|requests|qps|rps)",
                          re.I)
_NOT_BENCHMARKS = frozenset({"API", "AWS", "GCP", "CPU", "GPU", "RAM", "SQL", "USD", "EUR", "GBP", "CEO",
                             "CTO", "iOS", "HN", "PH", "YC", "SDK", "CLI", "LLM", "MCP", "GitHub", "YouTube",
                             "TikTok", "LinkedIn", "MacBook", "iPhone", "iPad", "PyPI", "DevOps",
                             "JavaScript",
                             "TypeScript", "OpenAI", "PostgreSQL", "MySQL", "WebGPU", "macOS", "HuggingFace",
                             "ARM", "NPU", "TPU", "CUDA", "ROCm", "WordPress", "HubSpot", "PayPal", "ChatGPT",
                             "DeepSeek", "SoundCloud", "PlayStation", "AirPods", "SaaS", "ARR", "MRR", "NPS"})


def _scored_benchmarks(sentences: Sentences, named: set[str]) -> list[tuple[int, int, Hit]]:
    """(sentence index, offset, hit) of each benchmark known only by its score, not one named above."""
    found = []
    for index, match in sentences.matches(SCORED_BENCHMARK):
        group = next(group for group in ("name", "name2", "name3") if match[group])
        name, at = re.sub(r"[- ]?\d+(?:\.\d+)?$", "", match[group]), match.start(group)
        if (name in _NOT_BENCHMARKS or name in named or _NOT_A_SCORE.match(sentences[index], match.end())
                or any(rule.pattern.match(sentences[index], at) for _, rule in BENCHMARKS)):
            continue
        named.add(name)
        found.append((index, match.start(), sentences.hit(name, index, match)))
    return found


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

def benchmark_facts(sentences: Sentences, url: str | None) -> list[FactRecord]:
    """Each named benchmark, then whether the numbers are self-reported (when the text says)."""
    if not sentences.any_live(_BENCHMARK_RULES):
        return []
    found = [
        (index, match.start(), sentences.hit(name, index, match))
        for name, rule in BENCHMARKS if rule in sentences.live
        for index, match in sentences.firsts(rule).items()
        if not _AS_FEATURE.match(sentences[index], match.end())
        and not _FEATURE_BEFORE.search(sentences[index], 0, match.start())
    ]
    if SCORED_BENCHMARK in sentences.live:
        found += _scored_benchmarks(sentences, {hit.value for _, _, hit in found})
    # (not a score still to come: "Spider 2.0 results are coming", "SWE-bench numbers soon")
    hits = [hit for _, _, hit in sorted(found, key=lambda row: row[:2]) if not hit.promised()]
    if not hits:
        return []
    facts = [hit.fact("benchmark") for hit in hits]
    claims = {index for index, _, _ in found} | sentences.firsts(EVALUATION_WORDS).keys()
    independent = first_hit(sentences, INDEPENDENT, within=claims)
    self_reported = first_hit(sentences, SELF_REPORTED, within=claims)
    if self_reported:
        facts.append(self_reported.valued("yes").fact("benchmark_self_reported"))
    elif independent:
        facts.append(independent.valued("no").fact("benchmark_self_reported"))
    return facts


# A benchmark a harness runs is a feature of the harness, not a score of the tool:
# "adds MMLU-Pro and GPQA tasks", "GSM8K loaders".
_AS_FEATURE = re.compile(
    r"(?:\s*(?:,|and|&)\s*[\w-]+)*\s+(?:tasks?|loaders?|datasets?|suites?|harness|support)\b", re.I)

# ... said before the list: "ships task definitions for MMLU-Pro, GPQA and IFEval", "adds loaders for".
_FEATURE_BEFORE = Searched(
    r"\b(?:task definitions?|tasks|loaders?|evals?|configs?|adapters?|scorers?|runners?|support|presets?)\s+"
    r"(?:for|covering|including)\s+(?:(?:the\s+)?[\w.-]+(?:\s+[\w.-]+)?(?:,\s*|\s+(?:and|or|&)\s+))*$", re.I)

_BENCHMARK_RULES = frozenset([*(rule for _, rule in BENCHMARKS), SCORED_BENCHMARK])
