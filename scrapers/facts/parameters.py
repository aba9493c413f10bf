"""parameters: the sizes of the tool's model(s)."""

from __future__ import annotations

import re
from decimal import Decimal

from scrapers.facts.base_model import base_model_spans
from scrapers.facts.engine import NUM, Hit, Rule, Searched, Sentences, overlaps
from scrapers.records import FactRecord

# Where a size may begin: not inside a word, a number or a price; after a name's hyphen it may
# ("Sable-7B"), after a range's it may not ("1-7B").
_OPEN = r"(?<![\w.$])(?<![\d.$-]-)"
# A count of data, not of parameters: "on 3B tokens of Welsh", "400B tokens", "2M pairs".
_NOT_DATA = (r"(?![- ]?(?:tokens?|words|characters|chars|images|pairs|examples|samples|rows|documents|docs"
             r"|pages|hours|steps|sentences|utterances|frames|lines)\b)")
# (rule, needs a sentence about a model): a bare "22B" counts only next to "model" or the like.
PARAMETER_PATTERNS: tuple[tuple[Rule, bool], ...] = (
    # (Its match holds "param" and its unit word; the unit words, the rarer, are what it needs.)
    (Rule(
        rf"{_OPEN}(?P<num>(?:\d+x)?{NUM})[- ]?(?P<unit>trillion|billion|million)[- ]param", re.I,
        digits=True, needs=("trillion", "billion", "million"),
    ), False),
    (Rule(rf"{_OPEN}(?P<num>(?:\d+x)?{NUM})\s?(?P<unit>T|B|M)\b(?!\s*tokens)(?=[^.]*\bparam)",
          digits=True, needs=("param",)), False),
    (Rule(rf"{_OPEN}(?P<num>(?:\d+x)?{NUM})(?P<unit>B)\b{_NOT_DATA}", digits=True), True),
    # ... as the other languages of our feeds count them: "3 milliards de paramètres", "7 Milliarden
    # Parameter", "500 millones de parámetros", "8 bilhões de parâmetros", "12億パラメータ" (12 × 10⁸)
    (Rule(rf"{_OPEN}(?P<num>{NUM})\s(?P<unit>milliards?|Milliarden?|bilhões|bilhão|billones|billón|millions?"
          r"|Millionen|millones|milhões|miliardi|milioni|mld|mln|miliardów|milionów)\s(?:de\s|di\s)?"
          r"(?:paramètres|Parameter[n]?|parámetros|parâmetros|parametri|parametrów)\b",
          # (its unit words are what it needs: "parameter" alone is in every English text about sizes)
          re.I, digits=True, needs=("milliard", "millionen", "millones", "milhões", "bilhões", "bilhão",
                                    "billones", "billón", "millions de", "million de", "miliardi", "milioni",
                                    "mld ", "mln ", "miliardów", "milionów")), False),
    # (scanned: a Japanese sentence has no spaces to find a number's word by)
    # (and Korean: "30억 파라미터", three billion)
    (_IN_JAPANESE := Rule(rf"(?<![\d.])(?P<num>{NUM})(?P<unit>億|억)(?:個の)?\s?(?:パラメータ|파라미터)",
                          needs=("パラメータ", "파라미터")),
     False),
    # A tiny model's count said with its word: "180K parameters", "a 250K-parameter model".
    (Rule(rf"{_OPEN}(?P<num>{NUM})\s?(?P<unit>K)[- ]param", digits=True, needs=("param",)), False),
    # "our 350M speech model": a size just before the noun it sizes (or in parentheses before it:
    # "a small (600M) model").
    (Rule(rf"{_OPEN}(?P<num>(?:\d+x)?{NUM})(?P<unit>[TBM])\b{_NOT_DATA}"
          r"(?=\)?(?:[- ][\w-]+){0,2}[- ]"
          r"(?:models?|LLMs?|VLAs?|VLMs?|policy|policies|transformers?|encoders?|decoders?"
          # (a task's model is sized as one: "a 90M detector", "our 25M tagger")
          r"|detectors?|classifiers?|taggers?|recogni[sz]ers?|segmenters?|rerankers?|re-rankers?"
          # (and what a model is sold as: "a 1.3B Ukrainian tutor", "our 3B coding assistant")
          r"|assistants?|tutors?|chatbots?|copilots?)\b)",
          digits=True, needs=("model", "llm", "vla", "vlm", "polic", "transformer", "encoder", "decoder",
                              "detector", "classifier", "tagger", "recogni", "segmenter", "reranker",
                              "re-ranker", "assistant", "tutor", "chatbot", "copilot")), False),
)
_SCANNED = frozenset({_IN_JAPANESE})  # the sizes found in a text whose numbers begin no word
# "comes in 4B, 8B and 32B sizes" is about a model as much as "a 34B model" is.
# So is "an 8x7B MoE" or "an 8B Llama fine-tune".
PARAMETER_CONTEXT = Rule(r"\bmodels?\b|\bparam|\bweights\b|\bcheckpoints?\b|\bLLM\b|\bsizes\b"
                         r"|\bMoE\b|\bmixture[- ]of[- ]experts\b|\bfine-?tunes?\b|\bvariants?\b"
                         r"|\bversions?\b|\barchitecture\b|\bdense\b"
                         # (and as the other languages of our feeds say them: "en deux tailles : 3B et 8B")
                         r"|\bmodèles?\b|\bModell(?:e|en)?\b|\bmodelos?\b|\btailles\b|\bGrößen\b"
                         r"|\btamaños\b|\btamanhos\b",
                         re.I, starts=("model", "param", "weights", "checkpoint", "llm", "sizes", "moe",
                                       "mixture", "fine", "variant", "version", "architecture", "dense",
                                       "modèle", "tailles", "größen", "tamaños", "tamanhos"))

def parameter_facts(sentences: Sentences, url: str | None) -> list[FactRecord]:
    """One fact per size of the tool's model(s) ('34B', '8x7B'); not the sizes of models it is
    compared with or built on ('beats Llama 3 70B', 'fine-tuned from Mistral 7B')."""
    if not sentences.has_digit_words() and not sentences.any_live(_SCANNED):
        return []  # every size begins with a digit (a word's, but in a text without spaces)
    if sentences.any_live(_PARAMETER_RULES):
        about_models = sentences.firsts(PARAMETER_CONTEXT).keys()
        found = [(index, row, match) for row, (rule, needs_model) in enumerate(PARAMETER_PATTERNS)
                 for index, match in sentences.matches(rule, about_models if needs_model else None)]
        named = _after_the_name(sentences, about_models)
        found += named
    else:  # no sentence about models: only a size just after the tool's name ("Osprey 13B: ...")
        found = named = _after_the_name(sentences, ())
        if not found:
            return []
    # A size just after the tool's own name is the tool's, whatever the clause says before the name:
    # "GroqCloud Now Supports Qwen3 32B", on Groq's feed, launches Qwen3 (32B) there.
    own = {(index, match.start()) for index, _, match in named}
    found.sort(key=lambda item: item[:2])  # sentence by sentence, then row by row, as read
    bases = base_model_spans(sentences)
    facts: list[FactRecord] = []
    sizes: set[str] = set()
    taken: list[tuple[int, int]] = []
    current = -1
    for index, _, match in found:
        if index != current:
            taken, current = [], index
        if overlaps(match.span(), taken):
            continue
        taken.append(match.span())
        if _in_a_path(sentences[index], match.start()):
            continue  # a repository's path: "huggingface.co/ashcombe-forge/Wrendle-14B" names, not sizes
        hit = sentences.hit(_size(match["num"], match["unit"]), index, match)
        if (hit.value in sizes or overlaps(match.span(), bases.get(index, []))
                or ((index, match.start()) not in own
                    and (_of_another_model(hit, sentences.name) or hit.in_passing())) or _is_a_part(hit)
                or hit.promised() or _another_in_parentheses(hit, sentences.name)
                or _not_its_size(hit)):
            continue
        sizes.add(hit.value)
        facts.append(hit.fact("parameters"))
    return facts


# The capitalised name (and version) a size follows: "Llama 3.1 8B", "Qwen2.5 1.5B".
_NAMED_BEFORE = re.compile(
    r"(?P<name>\b(?!(?:A|An|The|Our|Its|Their|This|These|New|Each|Both|One|Two|At|With|In|On|For|Of|By"
    r"|From|To|Only|Just|About|Around|Over|Under|Nearly|Roughly|Almost|Is|Has|Now|It|Packs"
    r"|Weighing|Sized|Size|Parameters|Params|Same|Still|All|Every|Also)\b)[A-Z][\w.-]*)"
    r"(?:[ -]v?\d[\w.]*)?[ -]$")


def _of_another_model(hit: Hit, name: str) -> bool:
    """Whether the size is part of another model's name, not the tool's."""
    before = _NAMED_BEFORE.search(hit.sentence, 0, hit.start)
    if before is None:
        return False
    word, named = before["name"].casefold(), name.casefold()
    # The tool's own: its name begins with the word ("Kestrel 34B"), or holds the whole phrase
    # (a headline as the name: "Tern Labs releases Tern Coder 14B").
    phrase = hit.sentence[before.start():hit.end].casefold()
    # (or the size follows the tool's whole name: "Llama 3.2 Vision 11B and 90B models")
    after_the_name = hit.sentence[:hit.start].casefold().rstrip(" -").endswith(named)
    return not name or not (named.startswith(word.rstrip("-")) or phrase in named or after_the_name)


def _named(sentences: Sentences) -> str:
    """The first word of the tool's name (folded) when the text holds it, else ''."""
    head = sentences.name.split()[0].casefold() if sentences.name.strip() else ""
    return head if head and head in sentences.folded else ""


def _after_the_name(sentences: Sentences, about_models: object) -> list[tuple[int, int, re.Match[str]]]:
    """The bare sizes just after the tool's own name outside a sentence about models: a headline
    "Osprey 13B: reading the whole contract" sizes Osprey."""
    head = _named(sentences)
    if not head or f"{head} " not in sentences.folded and f"{head}-" not in sentences.folded:
        return []
    bare = PARAMETER_PATTERNS[2][0]
    whole = sentences.name.strip().casefold()
    found = []
    for index, at in sentences.spots(head):
        if index in about_models:  # type: ignore[operator]
            continue  # read with the sentence about models already
        sentence = sentences[index]
        # (after its first word, or after its whole name: "Mistral Small 24B")
        for end in {at + len(head), at + len(whole)}:
            if sentence[end:end + 1] in (" ", "-") and sentence[end + 1:end + 2].isdigit() \
                    and sentence[at:end].casefold() in (head, whole) \
                    and (match := bare.pattern.match(sentence, end + 1)):
                found.append((index, 2, match))
                break
    return found


# A size in parentheses after another model's name: "the default embedding model is bge-small (33M
# params, MIT)", "it ships with e5-base (110M parameters)".
_ANOTHER_IN_PARENS = Searched(
    # (and a model it is compared with: "ahead of open models such as Llama 4 Maverick (400B)")
    r"\b(?:default|bundled|underlying|embedding|helper|uses?|using|with|ships with|such as|like|than"
    r"|versus|including|ahead of|beats?|outperforms?|rivals?)\b[^()]{0,40}?"
    # (a size word is not a name: "with a small (410M params) model" is the tool's)
    r"(?<![\w.-])(?P<name>(?!(?:small|tiny|little|compact|large|big|light|lightweight|smaller|larger|single|own)\b)"
    r"[\w.-]+)\s*\($", re.I)


def _another_in_parentheses(hit: Hit, name: str) -> bool:
    if not hit.sentence[:hit.start].rstrip().endswith("("):
        return False
    before = _ANOTHER_IN_PARENS.search(hit.sentence, max(0, hit.start - 80), hit.start)
    return bool(before) and not (name and name.casefold().startswith(before["name"].casefold()))


# A size that needs a sentence about a model has none to be in without PARAMETER_CONTEXT.
_PARAMETER_RULES = frozenset(
    [rule for rule, needs_model in PARAMETER_PATTERNS if not needs_model] + [PARAMETER_CONTEXT])

def _in_a_path(sentence: str, start: int) -> bool:
    """Whether the size at `start` is inside a URL or a repository's path: its word holds a "/" before it."""
    return "/" in sentence[sentence.rfind(" ", 0, start) + 1:start]


def _size(number: str, unit: str) -> str:
    if unit in ("億", "억"):  # a hundred million: "12億" is 1.2B
        return f"{Decimal(number) / 10:f}".rstrip("0").rstrip(".") + "B"
    return f"{number}{_UNITS.get(unit.lower(), unit[0].upper())}"


# The other languages' words for a count, by the letter a size is written with ("milliards" are
# billions; a Spanish "billón" is a million million).
_UNITS = {**dict.fromkeys(("milliard", "milliards", "milliarde", "milliarden", "bilhão", "bilhões",
                           "miliardi", "mld", "miliardów"), "B"),
          "billón": "T", "billones": "T"}


# A part of the model, not its size: "(3B active)", "17B active parameters", "activates 3B",
# "eight 7B experts", "3B per token".
_PART_AFTER = re.compile(
    r"[\s-]*(?:\w+[\s-]+){0,1}?(?:active|activated|experts?|per[\s-]token)\b"
    r"|[\s-]*param(?:eter)?s?\s+(?:are\s+)?(?:active|activated|per[\s-]token)\b", re.I)
_PART_BEFORE = Searched(
    r"\b(?:activ(?:e|ated|ates?|ating)|only)\s+(?:param(?:eter)?s?\s*)?(?:of\s+|:\s*)?$", re.I)


def _is_a_part(hit: Hit) -> bool:
    """Whether the size is of the active parameters or of one expert, not of the whole model."""
    return bool(_PART_AFTER.match(hit.sentence, hit.end)
                or _PART_BEFORE.search(hit.sentence, max(0, hit.start - 40), hit.start))



# Sizes a sentence names that are not the tool's own: the size it grew from ("grew from 300M to
# 800M parameters"), the teacher it was distilled from ("distilled from a 70B model"), and the bound
# of a class it is ranked in ("the best among models under 1B", "beats every model below 3B").
_WAS_BEFORE = Searched(
    r"\b(?:grew|grown|grows|went|jumped|rose|risen|increased|scaled(?: up)?|bumped|upgraded|moved|shrank"
    r"|shrunk|dropped|reduced|cut|down|up)\s+from\s+(?:a\s+|an\s+|the\s+)?$", re.I)
_TEACHER_BEFORE = Searched(
    r"\b(?:distill?ed|distilling|compressed|pruned|shrunk|trained)\s+(?:down\s+)?from"
    r"\s+(?:a\s+|an\s+|the\s+|our\s+)?$"
    r"|\bteachers?\s+(?:model\s+)?(?:is\s+|was\s+)?(?:a\s+|an\s+|the\s+)?$", re.I)
_CLASS_BOUND_BEFORE = Searched(
    r"\b(?:models?|LLMs?|anything|everything|rivals?|competitors?|peers|others)\s+(?:of\s+)?"
    r"(?:under|below|over|above|up to|smaller than|larger than|bigger than|less than|more than)\s+$"
    r"|\bsub-$", re.I)


def _not_its_size(hit: Hit) -> bool:
    """Whether the size is one the tool had, learnt from or is ranked against (see above)."""
    before = hit.sentence[max(0, hit.start - 60):hit.start]
    return any(rule.search(before) for rule in (_WAS_BEFORE, _TEACHER_BEFORE, _CLASS_BOUND_BEFORE))
