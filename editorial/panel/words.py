"""A tool's own words, cut into the pieces a take is built from: what it does, what it is, whom it
is for, its pitch, and the clauses of its description. Pure and deterministic: text in, phrases
out, nothing invented (every phrase is a stretch of the tool's own text)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from scrapers.facts import split_sentences

PHRASE_MAX_CHARS = 110  # a phrase set inside a sentence of ours; longer ones are cut at a clause
CLAUSE_MAX_CHARS = 160  # a clause quoted whole
# Words for people a tool can be "for"; the phrase before one ("independent filmmakers") is kept.
PEOPLE = (
    r"developers|engineers|programmers|coders|devs|teams|companies|startups|founders|businesses|firms|"
    r"agencies|enterprises|organi[sz]ations|creators|designers|artists|illustrators|writers|authors|"
    r"editors|bloggers|journalists|podcasters|musicians|producers|filmmakers|video ?makers|youtubers|"
    r"streamers|marketers|sellers|shops|stores|brands|recruiters|lawyers|accountants|bookkeepers|"
    r"researchers|scientists|students|teachers|learners|kids|children|parents|doctors|clinicians|"
    r"patients|analysts|managers|sales teams|support teams|freelancers|travellers|travelers|"
    r"gamers|players|users|people|families|everyone|anyone"
)
_FOR_PEOPLE = re.compile(rf"\bfor ((?:(?:[a-z][a-z'-]*(?<!ing)|AI|ML) ){{0,2}}(?:{PEOPLE}))\b")
_IS_A = re.compile(r"^\s*(?:is|'s|are)\s+((?:an?|the|one|(?:[A-Z][\w.-]*\s)*[A-Z][\w.-]*['’]s)\s.+)$")
_APPOSITIVE = re.compile(r"^\s*,\s*((?:an?|the)\s.+)$", re.I)
_VERB = re.compile(r"^\s+([a-z]+s)\b(.*)$")
_IT_VERB = re.compile(r"(?:^|:\s+|;\s+)it\s+([a-z]+s\b.+)$")
_NOT_VERBS = frozenset({"is", "was", "has", "does", "its", "this", "plus", "always", "also", "less", "news"})
_CUTS = re.compile(r"\s*(?:;|:|\s[—–]\s|\s-\s|\(|\. )")
_SOFT_CUTS = (re.compile(r",\s"), re.compile(r"\s(?:and|with|so|which|while|that)\s"))
_CONTENT = re.compile(r"[A-Za-z][A-Za-z'-]{2,}")
_STOP = frozenset({"the", "and", "for", "with", "your", "you", "that", "this", "does", "thing", "things",
                   "its", "into", "from", "any", "all", "our", "are", "was", "can", "will", "just"})


@dataclass(frozen=True)
class ToolWords:
    """The pieces of a tool's own text a take may use; None where the text has no such piece."""

    name: str
    tagline: str
    description: str

    @cached_property
    def pitch(self) -> str | None:
        """The tagline as written, without closing punctuation (used in quotes)."""
        pitch = self.tagline.strip().rstrip(".!")
        return pitch if is_substantial(pitch) else None

    @cached_property
    def _subject(self) -> tuple[str | None, str | None, int | None]:
        """(what it does, what it is, the sentence index they came from)."""
        for index, sentence in enumerate(split_sentences(self.description)):
            after = _after_name(sentence, self.name)
            if after is None:
                continue
            what, thing = _what_and_thing(after)
            if what or thing:
                return what, thing, index
        return None, None, None

    @property
    def what(self) -> str | None:
        """What it does, as a verb phrase of its own words: "turns a sketch into layered SVG"."""
        return self._subject[0]

    @property
    def thing(self) -> str | None:
        """What it is, as a noun phrase of its own words: "an AI dubbing studio"."""
        return self._subject[1]

    @property
    def job(self) -> str | None:
        """A clause saying what it does or is: "it turns a sketch into SVG" / "it is a dubbing studio"."""
        if self.what:
            return f"it {self.what}"
        return f"it is {self.thing}" if self.thing else None

    @cached_property
    def audience(self) -> str | None:
        """Whom its text says it is for: "independent filmmakers", "small firms"."""
        match = _FOR_PEOPLE.search(f"{self.tagline} . {self.description}")
        return match.group(1) if match else None

    @cached_property
    def clauses(self) -> tuple[str, ...]:
        """The description's clauses a take may quote whole, in order: short, complete, unquoted,
        neither the tagline nor the sentence the subject phrases came from."""
        used = self._subject[2]
        tagline = self.tagline.strip().casefold()
        found = []
        for index, sentence in enumerate(split_sentences(self.description)):
            if index == used:
                continue
            for part in re.split(r";\s+", sentence):
                text = part.strip().rstrip(".!?;:").strip()
                if not is_substantial(text) or len(text) > CLAUSE_MAX_CHARS or text.casefold() == tagline:
                    continue
                if '"' in text or "“" in text or self.name.casefold() in text.casefold()[1:]:
                    continue
                found.append(text[:1].upper() + text[1:])
        return tuple(found)


def _after_name(sentence: str, name: str) -> str | None:
    """The rest of the sentence after the tool's name (said as the subject), or None."""
    for form in _name_forms(name):
        match = re.search(rf"(?:^|\b(?:released|launched|launching|introducing|meet)\s+){re.escape(form)}\b",
                          sentence, re.I)
        if match:
            return sentence[match.end():]
    return None


def _name_forms(name: str) -> list[str]:
    """The tool's name as a launch may write it: whole, and without a trailing version or size."""
    forms = [name.strip()]
    bare = re.sub(r"\s+(v?\d[\w.]*|\(.*\))$", "", name.strip())
    if bare and bare != forms[0]:
        forms.append(bare)
    return forms


def _what_and_thing(after: str) -> tuple[str | None, str | None]:
    is_a = _IS_A.match(after) or _APPOSITIVE.match(after)
    if is_a:
        rest = is_a.group(1)
        it_verb = _IT_VERB.search(rest)
        what = phrase(it_verb.group(1)) if it_verb and it_verb.group(1).split()[0] not in _NOT_VERBS else None
        return what, phrase(rest, least=2)
    verb = _VERB.match(after)
    if verb and verb.group(1) not in _NOT_VERBS and not _is_adverb(verb.group(1)):
        return phrase(verb.group(1) + verb.group(2)), None
    return None, None


def _is_adverb(word: str) -> bool:
    return word.endswith("ly") or word.endswith("less")


def phrase(text: str, *, least: int = 3) -> str | None:
    """A stretch of text as a phrase to set inside a sentence: cut at the first hard clause break,
    then at a comma (or else a conjunction) if still long; None if what is left says too little."""
    text = _CUTS.split(text.strip(), maxsplit=1)[0].strip().rstrip(".,!?")
    while len(text) > PHRASE_MAX_CHARS:
        for cuts in _SOFT_CUTS:
            at = [m.start() for m in cuts.finditer(text) if m.start() <= PHRASE_MAX_CHARS]
            if at:
                text = text[:at[-1]].rstrip(",")
                break
        else:
            return None
    return text if is_substantial(text, least) else None


def is_substantial(text: str, least: int = 3) -> bool:
    """Whether a phrase says something: at least `least` words of substance."""
    return sum(1 for w in _CONTENT.findall(text) if w.casefold() not in _STOP) >= least


@lru_cache(maxsize=4096)
def is_common_word(word: str) -> bool:
    """Whether a word is ordinary English (so a sentence may start with it lower-cased)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word.casefold(), "en") >= 3.3
