"""open_weights: yes when the tool's weights are out, no when the text says they are not."""

from __future__ import annotations

import re

from scrapers.facts.engine import (
    Hit,
    Rule,
    Searched,
    Sentences,
    clause_before,
    is_in_passing,
    is_negated,
    is_promised,
)
from scrapers.records import FactRecord

OPEN_WEIGHTS_NO = Rule(
    r"\bclosed[- ]weights?\b|\bweights (?:are|will|is) not (?:be )?(?:released|available|published|public)\b"
    r"|\bweights (?:(?:still|also) )?(?:aren['’]t|won['’]t be|isn['’]t|are not|remain not) (?:yet )?"
    r"(?:released|available|published|public|downloadable|open|shared)\b"
    # "we aren't publishing weights", "we are not sharing the model weights"
    # (and "we are not releasing Kora's weights": the tool's name in the possessive)
    r"|\bnot (?:releasing|publishing|sharing|open[- ]sourcing) (?:the |its |our |any |[\w-]+['’]s )?"
    r"(?:model )?weights\b"
    r"|\b(?:aren['’]t|won['’]t be|isn['’]t) (?:releasing|publishing|sharing|open[- ]sourcing) "
    r"(?:the |its |our |any |[\w-]+['’]s )?(?:model )?weights\b"
    r"|\bno (?:downloadable )?weights\b"
    # "we don't ship weights", "we never publish the model weights"; "the weights remain closed"
    r"|(?:(?<=n't )|(?<=n’t )|(?<=\bnot )|(?<=\bnever ))(?:ship|release|publish|share|offer|distribute)"
    r" (?:the |its |our |any )?(?:own )?(?:model )?weights\b"
    r"|\bweights (?:remain|stay|are|will (?:remain|stay))\s+(?:closed|private|proprietary|in-house|internal"
    r"|with us|on our (?:own )?servers)\b"
    r"|\bno plans to (?:open[- ]source|release|publish) (?:the |its |our )?(?:model )?weights\b"
    r"|\bclosed(?:[- ]source)? model\b",
    re.I,
    starts=("closed", "weights", "not ", "aren", "won", "isn", "no ", "no plans", "ship", "release",
            "publish", "share", "offer", "distribute"), needs=("weight", "closed"),
)
OPEN_WEIGHTS_YES = Rule(
    r"\bopen[- ]weights?\b|\bweights (?:are |is )?(?:freely |publicly )?"
    r"(?:available|published|released|downloadable|on Hugging ?Face)\b"
    # not "available to licensees on request", "to enterprise customers under NDA"
    r"(?!\s+(?:only\s+)?(?:(?:to|for)\s+(?:\w+\s+)?(?:licensees|customers|partners|enterprises?|select"
    r"|approved|vetted|paying)\b|on request|by request|upon request|under (?:an )?NDA))"
    r"|\b(?:download|downloadable|available) (?:for download )?on Hugging ?Face\b"
    r"|\bweights on Hugging ?Face\b|\bdownload the weights\b"
    # "its weights are open under CC-BY-4.0", "the weights are now open" (not "open to partners")
    r"|\bweights (?:are|is) (?:now |fully )?open\b(?![\s-]+(?:source|to|for)\b)"
    r"|\b(?:weights|checkpoints?)\b(?:[^.;]|\.(?=\w)){0,40}?"
    r"\bon (?:HF|Hugging ?Face|the (?:HF |Hugging ?Face )?Hub)\b"
    # Weights under a licence are out: "the weights ship under a CC-BY-NC-4.0 licence", "Weights:
    # Apache-2.0", "weights can be downloaded from ..."
    r"|\bweights\b(?:[^.;]){0,25}?\b(?:under|with) (?:a |an |the )?(?:[\w.+-]+ ){0,3}licen[cs]e\b"
    r"|\bweights(?: licen[cs]e)?\s?[:–]\s?(?:MIT|Apache|CC[- ]BY|OpenRAIL|BSD|GPL|AGPL|MPL|ODC|CDLA)"
    # ... or under a licence by its id ("weights under Apache-2.0", "the weights are under CC BY 4.0"),
    # at a Hub address ("Weights: huggingface.co/acme/kit"), or attached to a release
    r"|\bweights (?:are |ship |come )?under (?:the )?(?:MIT|Apache|CC[- ]BY|OpenRAIL|BSD|GPL|AGPL|MPL|ODC"
    r"|CDLA|EUPL)"
    r"|\bweights\s?[:–]\s?(?:https?://)?(?:huggingface\.co|hf\.co)/"
    r"|\bweights (?:are )?(?:in|attached to) (?:the |this )?release(?:['’]s)?(?: assets| files| downloads)?\b"
    r"|\bweights\b(?:[^.;]){0,25}?\bcan be (?:freely )?downloaded\b"
    # "an open model", "the first open reasoning model" (not "open the model", "open any model",
    # nor "open models" in general).
    r"|\bopen(?:\s+(?!(?:the|a|an|your|any|this|that|it|its|our|their|each|every|other|source)\b)"
    r"[\w-]+){0,2}?\s+model\b(?![\s-]+licen[cs]e)"
    # "we're releasing the weights", "open-sourcing the model weights", "publishes its weights"
    r"|\b(?:releas|publish|shar|open[- ]sourc)(?:e|es|ed|ing)\s+(?:the\s+|its\s+|our\s+|all\s+)?"
    r"(?:full\s+)?(?:model\s+)?weights\b"
    # a model card's files: "The weights in this repository are safetensors", "safetensors (bf16) in
    # this repository", "huggingface-cli download acme/tern-7b"
    r"|\b(?:weights|safetensors)\b(?![^.;]{0,20}?(?:\bnot\b|n[’']t\b))[^.;]{0,40}?\bin this repo(?:sitory)?\b"
    r"|\b(?:huggingface-cli|hf) download\s+[\w.-]+/[\w.-]+",
    re.I,
    starts=("open", "weights", "checkpoint", "download", "available", "releas", "publish", "shar",
            "safetensors", "huggingface-cli", "hf download"),
    needs=("weight", "hugging", "model", "checkpoint", "safetensors", "hf download"),
)
# "open-sourced" says weights only when the sentence is about a model.
OPEN_SOURCED = Rule(r"\bopen[- ]sourc(?:ed?|es|ing)\b", re.I, starts="open")
MODEL_CONTEXT = Rule(r"\bmodels?\b|\bweights\b|\bparameters?\b|\bcheckpoints?\b", re.I,
                     starts=("model", "weights", "parameter", "checkpoint"), on_demand=True)

def open_weights_facts(sentences: Sentences, url: str | None) -> list[FactRecord]:
    """yes when the text says the weights are out, no when it says they are not; else nothing."""
    if not sentences.any_live(_OPEN_WEIGHTS_RULES):
        return []
    nos = sentences.firsts(OPEN_WEIGHTS_NO)
    yeses = sentences.firsts(OPEN_WEIGHTS_YES)
    opened = sentences.firsts(OPEN_SOURCED)
    about_models = sentences.firsts(MODEL_CONTEXT) if opened else {}
    no_hit: Hit | None = None
    for index in sorted(nos.keys() | yeses.keys() | opened.keys()):
        if index in nos:
            yes = _says_open_weights(sentences[index])
        else:
            yes = yeses.get(index) or (opened.get(index) if index in about_models else None)
        negated = yes is not None and is_negated(sentences[index], yes.start(), yes.end())
        if negated and _OPEN_SOURCE_CODE.fullmatch(yes[0]):  # type: ignore[index]
            # "isn't open source" denies open source code, and says nothing of weights
            yes = None
        elif yes and negated:
            # "not available on Hugging Face", "isn't an open model": the weights are not out.
            if no_hit is None and _own(sentences[index], yes.start(), yes.end()):
                no_hit = sentences.hit("no", index, yes)
            continue
        if yes and _own(sentences[index], yes.start(), yes.end()):
            return [sentences.hit("yes", index, yes).fact("open_weights")]
        if index in nos and no_hit is None:
            no_hit = sentences.hit("no", index, nos[index])
    return [no_hit.fact("open_weights")] if no_hit else []


_OPEN_WEIGHTS_RULES = frozenset({OPEN_WEIGHTS_NO, OPEN_WEIGHTS_YES, OPEN_SOURCED})
# "open source" the adjective, as "isn't open source" denies it of code (not "open-sourced": a model
# that "is not open-sourced" has no weights out)
_OPEN_SOURCE_CODE = re.compile(r"open[- ]source", re.I)

_WILL = re.compile(r"\b(?:will|'ll|’ll)\s+(?:be\s+)?$", re.I)
# A tool that runs or serves open-weight models has not released weights of its own.
_RUNS_MODELS = Searched(
    r"\b(?:run|runs|running|serve|serves|serving|load|loads|host|hosts|hosting|use|uses|using|with"
    r"|any|other|local|your)\b(?:\s+[\w-]+){0,2}\s*$", re.I)


# An open model others use, which the text compares the tool with: "ahead of X (66.0), the open
# model most teams were using", "the open model our customers relied on".
_USED_BY_OTHERS = re.compile(r"\s+(?:that\s+|which\s+)?(?:most|many|our|your|their|everyone|people|teams"
                             r"|customers|users|partners)\b[^.;]{0,40}\b(?:use|used|using|rely|relied)\b",
                             re.I)


def _own(sentence: str, start: int, end: int) -> bool:
    """Whether 'open weights' at start is said of the tool's own model (and is out, not promised:
    "we will release the weights", "weights are coming soon")."""
    before = clause_before(sentence, start)
    if _WILL.search(before) or is_promised(sentence, start, end):
        return False
    if sentence[start:start + 4].lower() == "open" and _USED_BY_OTHERS.match(sentence, end):
        return False
    # "with open-weight models" is what a tool runs; "with weights on Hugging Face" is its own.
    opens = sentence[start:start + 4].lower() in ("open", "down")
    kind = _A_KIND_OF_MODEL.match(sentence, start)
    runs_in_sentence = _RUNS_IN_SENTENCE.search(sentence, 0, start)
    sized = (_SIZED.search(before) and not kind and not runs_in_sentence
             and not _SUPPORT_AFTER.match(sentence, end))
    runs = opens and not sized and (_RUNS_MODELS.search(before) or runs_in_sentence
                                    or kind and not _OWN_MODELS.search(before))
    return not (is_in_passing(sentence, start) or runs)


# A size says whose weights: "with 8B open weights" are the tool's own.
_SIZED = re.compile(r"\b\d+(?:\.\d+)?\s?[BMK]\s+$")
_SUPPORT_AFTER = re.compile(r"\s+(?:support|compatib\w*|runtime|loader|inference)\b", re.I)
# "Run Llama, Qwen or Mistral open weights locally", "lets you chat with ...": a sentence about
# what the tool runs, however long the list of models before.
_RUNS_IN_SENTENCE = Searched(
    r"^\W*(?:run|serve|load|host|use|chat with|try|pull)\b"
    r"|\b(?:lets?|allows?|helps?)\s+(?:you|teams|developers|anyone)\s+(?:to\s+)?(?:\w+\s+){0,2}?"
    r"(?:run|chat with|use|serve|load|host|try)\b", re.I)
# "open-weight models" in the plural is a kind of model ("a UI for open-weight LLMs") unless they
# are the maker's own ("our two open-weight models").
_A_KIND_OF_MODEL = re.compile(r"open[- ]weights?\s+(?:[\w-]+\s+)?(?:models|LLMs|checkpoints)\b", re.I)
_OWN_MODELS = Searched(r"\b(?:our|its|their|two|three|four|five|both|these|new|first|family of|releases?"
                         r"|releasing|released|publish\w*|ships?|shipping)\s+(?:[\w-]+\s+)?$", re.I)


def _says_open_weights(sentence: str) -> re.Match[str] | None:
    """Where the sentence says the weights are out, read with its 'weights are not' phrases blanked."""
    masked = OPEN_WEIGHTS_NO.pattern.sub(lambda m: " " * len(m[0]), sentence)
    yes = OPEN_WEIGHTS_YES.pattern.search(masked)
    if yes is None and MODEL_CONTEXT.pattern.search(masked):
        yes = OPEN_SOURCED.pattern.search(masked)
    return yes

