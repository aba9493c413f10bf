"""Facts read from a question: the answer after it decides them, not the question's words.

FAQ pages and Show HN posts ask what a reader would ("Is it open source?", "Q: Is there a free
tier?") and answer in the next sentence ("No.", "A: Not yet", "Yes, Apache-2.0."). A fact read from
the question alone states what was only asked: it takes the answer's polarity ("No" negates it,
"Yes" keeps it), and a question left unanswered states nothing, so its facts are dropped.
"""

from __future__ import annotations

import re

from scrapers.facts.engine import Sentences
from scrapers.records import FactRecord

# A question sentence: it ends at its question mark ("Q:" prefixes and quotes aside).
_QUESTION = re.compile(r"\?[\"'”’)]*$")
# The answer's opening word(s): "A: No, ...", "Nope.", "Not yet;", "Also no:", "Yes, Apache-2.0."
_ANSWER = re.compile(
    r"^(?:A\s*[:.]\s*)?(?:(?P<no>(?:also\s+|sadly\s+|unfortunately\s+)?(?:no|nope|nah|never|not\s+(?:yet|now|today"
    r"|currently|at all|really|in the slightest)|no need)\b)"
    r"|(?P<yes>(?:also\s+)?(?:yes|yep|yeah|absolutely|of course|sure|definitely|certainly|indeed)\b))",
    re.I,
)


def sentence_of(snippet: str, sentences: Sentences) -> int | None:
    """The index of the first sentence holding the snippet, None for none."""
    for index, sentence in enumerate(sentences.items):
        if snippet and snippet in sentence:
            return index
    return None


def answer_after(sentences: Sentences, index: int) -> bool | None:
    """True for a 'yes' answer in the sentence after `index`, False for 'no', None for neither."""
    if index + 1 >= len(sentences.items):
        return None
    match = _ANSWER.match(sentences[index + 1])
    if match is None:
        return None
    return match["yes"] is not None


def answered(facts: list[FactRecord], sentences: Sentences) -> list[FactRecord]:
    """The facts, each one read from a question made to say what its answer says (see above)."""
    if "?" not in sentences.text:  # no question to read (the most texts): every fact stands
        return list(facts)
    kept = []
    for fact in facts:
        index = sentence_of(fact.snippet, sentences)
        if index is None or not _QUESTION.search(sentences[index]):
            kept.append(fact)
            continue
        answer = answer_after(sentences, index)
        if answer is None:
            continue
        if not answer and fact.kind == "pricing_model" and fact.value == "freemium":
            continue  # "Is there a free tier? Not yet.": no free tier, so nothing freemium to deny
        kept.append(fact if answer else fact.model_copy(update={"negated": not fact.negated}))
    return kept
