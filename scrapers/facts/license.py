"""license: each licence named, SPDX ids where they exist."""

from __future__ import annotations

import re

from scrapers.facts.engine import (
    Rule,
    Searched,
    Sentences,
    clause_before,
    is_in_passing,
    is_negated,
    is_promised,
    overlaps,
)
from scrapers.records import FactRecord

# SPDX ids where they exist; plain names otherwise. (rule, canonical value), first hit wins
# per span.
LICENSE_PATTERNS: tuple[tuple[Rule, str], ...] = (
    # A licence's name with its SPDX id in brackets: the id says it ("the Functional Source License
    # (FSL-1.1-Apache-2.0)", "Business Source License (BUSL-1.1)"), over the name and the ids inside.
    (Rule(r"\b[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}\s+[Ll]icen[cs]e\s+\((?P<spdx>[A-Z][A-Za-z]*(?:-[A-Za-z]+)*"
          r"-\d+(?:\.\d+)*(?:-[\w.+]+)*)\)", needs=(" license (", " licence (")),
     "{spdx}"),
    (Rule(r"\bApache(?:[- ]License)?[ ,-]*(?:v(?:ersion)?\s*)?2(?:\.0)?\b", re.I, starts="apache"),
     "Apache-2.0"),
    (Rule(r"\bMIT[- ][Ll]icen[cs]ed?\b|\b[Uu]nder (?:the )?MIT\b",
          starts=("mit", "under ")), "MIT"),
    # A bare SPDX id in parentheses or after "License:": "(MIT)", "License: MIT"; in an SPDX
    # expression ("MIT OR Apache-2.0"), after "open source," or as a whole line of a list ("MIT").
    # (and a model card's row, its table flattened, or its YAML header: "Licence MIT", "license: mit")
    (Rule(r"(?<=\()MIT(?=\))|(?<=[Ll]icen[cs]e: )MIT\b|\bMIT(?= (?i:or|and|/) Apache)"
          r"|(?<=^Licen[cs]e )MIT\b|(?<=\blicense: )mit\b"
          r"|(?<=[Oo]pen[- ]source, )MIT\b|^MIT\.?$|(?<=\b[Nn]ot )MIT\b(?![’'-])"
          r"|(?<=\bis )MIT\b(?![’'-])|(?<=\b[Ss]till )MIT\b(?![’'-])|(?<=\bare )MIT\b(?![’'-])"
          r"|(?<=\b[Ii]t['’]s )MIT\b(?![’'-])"
          # ... and a sentence that opens on it with an aside: "MIT, naturally.", "MIT, of course."
          r"|^MIT(?=,\s+(?:naturally|of course|obviously|as always|as ever|as usual)\b)"
          # ... and second in the expression: "Apache-2.0 OR MIT", "Apache 2.0 or MIT"
          r"|(?<=\d OR )MIT\b|(?<=\d or )MIT\b|(?<=\d and )MIT\b|(?<=\d/)MIT\b",
          starts="mit", needs=("mit",)),
     "MIT"),
    (Rule(r"\bBSD[- ]3(?:[- ]Clause)?\b|\b3-clause BSD\b", re.I, starts=("bsd", "3-clause")),
     "BSD-3-Clause"),
    (Rule(r"\bBSD[- ]2[- ]Clause\b|\b2-clause BSD\b", re.I, starts=("bsd", "2-clause")),
     "BSD-2-Clause"),
    (Rule(r"\bAGPL(?:[- ]?v?3(?:\.0)?)?\b", starts="agpl"), "AGPL-3.0"),
    (Rule(r"\bLGPL[- ]?v?3(?:\.0)?\b", starts="lgpl"), "LGPL-3.0"),
    (Rule(r"\b(?<![AL])GPL[- ]?v?3(?:\.0)?\b|\bGNU General Public Licen[cs]e,? v(?:ersion )?3\b",
          starts=("gpl", "gnu")), "GPL-3.0"),
    (Rule(r"\b(?<![AL])GPL[- ]?v?2(?:\.0)?\b", starts="gpl"), "GPL-2.0"),
    (Rule(r"\bMPL[- ]?2(?:\.0)?\b|\bMozilla Public License\b",
          starts=("mpl", "mozilla public license")), "MPL-2.0"),
    (Rule(r"\bCC[- ]BY[- ]NC[- ]SA[- ]4(?:\.0)?\b", re.I, starts="cc"), "CC-BY-NC-SA-4.0"),
    (Rule(r"\bCC[- ]BY[- ]NC[- ]4(?:\.0)?\b|\bCreative Commons Attribution[- ]Non-?Commercial 4\.0\b",
          re.I, starts=("cc", "creative")), "CC-BY-NC-4.0"),
    (Rule(r"\bCC[- ]BY[- ]SA[- ]4(?:\.0)?\b", re.I, starts="cc"), "CC-BY-SA-4.0"),
    (Rule(r"\bCC[- ]BY[- ]4(?:\.0)?\b|\bCreative Commons Attribution 4\.0\b", re.I,
          starts=("cc", "creative")), "CC-BY-4.0"),
    (Rule(r"\bCC0(?:[- ]1\.0)?\b", re.I, starts="cc0"), "CC0-1.0"),
    (Rule(r"\bUnlicen[cs]e\b", starts="unlicen"), "Unlicense"),
    # (and after "License:" or "licensed under", as MIT is read above: "License: ISC")
    (Rule(r"\bISC(?=[- ]licen[cs]|\))|(?<=[Ll]icen[cs]e: )ISC\b|(?<=[Ll]icen[cs]ed under )ISC\b|^ISC\.?$",
          starts="isc", needs=("isc",)), "ISC"),
    (Rule(r"\bBSL[- ]1\.1\b|\bBusiness Source Licen[cs]e\b", re.I, starts=("bsl", "business")), "BSL-1.1"),
    (Rule(r"\bElastic Licen[cs]e(?: v?2(?:\.0)?)?\b|\bELv2\b", re.I, starts=("elastic", "elv2")),
     "Elastic-2.0"),
    (Rule(r"\bEUPL[- ]?(?:v?1\.2)?\b", re.I, starts="eupl"), "EUPL-1.2"),
    # Licences named after a project, said "PostgreSQL-licensed" or "under the zlib licence".
    (Rule(r"\bPostgreSQL(?:[- ]licen[cs]ed| [Ll]icen[cs]e)\b", starts="postgresql"), "PostgreSQL"),
    (Rule(r"\b[Zz]lib(?:[- ]licen[cs]ed| [Ll]icen[cs]e)\b", starts="zlib"), "Zlib"),
    (Rule(r"\bBoost(?: Software)?(?:[- ]licen[cs]ed| [Ll]icen[cs]e)(?: 1\.0)?\b", starts="boost"), "BSL-1.0"),
    (Rule(r"\bOpenRAIL(?:-M)?\b", re.I, starts="openrail"), "OpenRAIL-M"),
    # (with its version when the text gives one: each Llama release has its own licence text)
    (Rule(r"\bLlama (?P<version>\d+(?:\.\d+)?) [Cc]ommunity [Ll]icen[cs]e\b", starts="llama"),
     "Llama {version} community license"),
    (Rule(r"\bLlama [Cc]ommunity [Ll]icen[cs]e\b", starts="llama"), "Llama community license"),
    (Rule(
        r"\b(?!(?:The|This|Our|Its|Their)\b)(?P<who>[A-Z][\w-]+) [Cc]ommunity [Ll]icen[cs]e\b",
        needs=(" community licen",),
    ), "{who} community license"),
    # A licence of the maker's own, by its name: "under the Nimbus Open Model License", "the weights
    # use the Falcon License" (not "a Pro license costs $49").
    (Rule(r"\b(?i:under|uses?|using|governed by)\s+(?:the\s+)?"
          r"(?P<name>(?!(?:The|This|Our|Its|Their|A|An|MIT|Apache|BSD|GNU|Mozilla|Creative)\b)"
          r"[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3}"
          # (or its terms: "under the Gemma Terms of Use")
          r"\s+(?:[Ll]icen[cs]e|Terms of Use))\b", starts=("under", "use", "using", "governed"),
          needs=(" licen", " terms of use")),
     "{name}"),
    (Rule(r"\bresearch(?:-only)? licen[cs]e\b", re.I, starts="research"), "research license"),
    # "a non-commercial licence", like "a permissive licence", names none: "the ..." does.
    (Rule(r"(?<!\ban )(?<!\ba )\bnon-?commercial licen[cs]e\b", re.I, starts="non"),
     "non-commercial license"),
    # (not a customer's "proprietary data" or "their proprietary knowledge"; "closed source" is
    # open source denied, in pricing)
    (Rule(r"(?<!their )(?<!your )(?<!its )\bproprietary\b(?!\s+(?:data|datasets?|knowledge|information"
          r"|documents?|content|code ?bases?|codebases?|systems|workflows|tools))", re.I,
          starts="proprietary"), "proprietary"),
)

def license_facts(sentences: Sentences, url: str | None) -> list[FactRecord]:
    """Each licence named, SPDX ids where they exist (with the "-only" / "-or-later" the text
    writes after one); negated where the clause denies it ("MPL-2.0, not MIT")."""
    if not sentences.any_live(_LICENSE_RULES):
        return []
    facts = []
    taken: list[tuple[int, int]] = []
    current = -1
    found = sentences.reading(LICENSE_PATTERNS)
    for index, canonical, match in found:
        if index != current:
            taken, current = [], index
        if overlaps(match.span(), taken):
            continue
        taken.append(match.span())
        instead = bool(_INSTEAD.search(sentences[index], 0, match.start()))
        if not instead and _someone_elses(sentences[index], match, sentences.name):
            continue
        value = canonical.format(**match.groupdict()) if "{" in canonical else canonical
        suffix = _SPDX_SUFFIX.match(sentences[index], match.end())
        end = suffix.end() if suffix else match.end()
        hit = sentences.hit(value + (suffix[0] if suffix else ""), index, match)
        negated = instead or is_negated(sentences[index], match.start(), end)
        facts.append(hit.fact("license", negated))
    return _most_specific(facts)


# A licence it does not use, said against the one it does: "under the Gemma Terms of Use rather than
# Apache 2.0", "MPL-2.0 instead of MIT".
_INSTEAD = Searched(r"\b(?:rather than|instead of)\s+(?:the\s+)?$", re.I)


# What SPDX writes after a GPL-family id: "GPL-3.0-or-later", "AGPL-3.0-only".
_SPDX_SUFFIX = re.compile(r"-(?:only|or-later)\b")


def _most_specific(facts: list[FactRecord]) -> list[FactRecord]:
    """The licences less those another names more precisely: "the AGPL (AGPL-3.0-only)" is one."""
    values = {fact.value for fact in facts}
    return [fact for fact in facts if not any(other.startswith(fact.value + "-") for other in values)]


_LICENSE_RULES = frozenset(rule for rule, _ in LICENSE_PATTERNS)


# "Apache 2.0 for Mistral 7B", "models keep their own licences (...)": another product's licence.
_FOR_ANOTHER = re.compile(r"\s+for\s+(?:the\s+)?[A-Z]")
_THEIR_OWN = Searched(r"\b(?:their|its|own|respective|original|upstream)\s+licen[cs]es?\b", re.I)
# The licence of the model the tool is built on: "the base model is Apache-2.0, but my fine-tune is".
_THE_BASES = Searched(r"\b(?:base|parent|upstream|original|teacher|underlying)\s+model(?:['’]s)?"
                      r"(?:\s+licen[cs]e)?\s+(?:is|was|uses|stays|remains|keeps)\s+(?:under\s+)?(?:the\s+)?$",
                      re.I)


# "Foo itself is MIT": said of another product than the tool (the tool's own is read apart).
_ITSELF = Searched(r"\b(?P<who>[A-Z][\w.-]*)\s+itself\s+(?:is|was|uses|stays)\s+(?:\w+\s+)?$")
# A licence the code will take later: "each release converts to Apache 2.0 after two years", "it
# changes to MIT in 2029" (a Business or Functional Source License's change licence).
_LATER = Searched(r"\b(?:converts?|converting|changes?|changing|switch(?:es)?|moves?|turns?|becomes?"
                  r"|reverts?|transitions?)\s+(?:in)?to\s+(?:the\s+)?(?:an?\s+)?$", re.I)
# A licence left behind: "relicensed from GPL-3.0 to MPL-2.0", "moved from BSL to Apache-2.0".
_FROM = Searched(r"\bfrom\s+(?:the\s+)?$", re.I)
_TO = re.compile(r"\s+(?:to|→|->)\s", re.I)


# A part apart from a tool said not to be open: "Not open source, but the SDK is MIT", "we're
# closed source; the importers are (MIT)" (the tool's own code is not a part: "the code is MIT";
# and beside a tool not denied open, a part's licence is read as the tool's, as before).
_NOT_OPEN = re.compile(r"\b(?:not|isn['’]t|aren['’]t|never)[\s-]+(?:been\s+)?open[\s-]sourced?\b"
                       r"|\bclosed[\s-]source\b", re.I)
_A_PART_IS = re.compile(
    r"\b(?:the|our|its|their)\s+(?:[\w-]+\s+)?(?:SDKs?|importers?|plug-?ins?|clients?|client librar(?:y|ies)"
    r"|bindings|examples|connectors?|integrations?|adapters?|drivers?|exporters?|reporters?|themes?|templates?"
    r"|prompts|prompt library|notebooks|scripts|recipes)"
    # (and how it is put out: "the prompts are published under CC BY 4.0")
    r"\s+(?:is|are)\b(?:\s+(?:all|both))?(?:\s+(?:licen[cs]ed|published|released|available|shared))?"
    r"(?:\s+under)?(?:\s+the)?\s*\(?$", re.I)
# What goes with a model but is not it, whatever the model's own licence: "the training notebooks are
# now on GitHub under MIT", "the dataset is CC BY 4.0"; and a partner's, in a relative clause: "our
# partner Jhalak, whose SIP connector is MIT-licensed".
_A_MODELS_PART = Searched(
    r"\b(?:the|our|its|their)\s+(?:[\w-]+\s+)?(?:(?:training|fine-tuning|evaluation|eval)\s+(?:code|notebooks?"
    r"|scripts?|recipes?|data|pipeline|harness)|datasets?)\b[^;,]*$"
    r"|\bwhose\s+(?:[\w-]+\s+){1,4}(?:is|are)\s+(?:licen[cs]ed\s+)?(?:under\s+)?(?:the\s+)?$", re.I)


def of_a_models_part(sentence: str, start: int) -> bool:
    """Whether what is said at `start` is said of a part that goes with the model, or of a partner's
    (see `_A_MODELS_PART`): its licence, its store and its being open are not the tool's."""
    return bool(_A_MODELS_PART.search(sentence, sentence.rfind(";", 0, start) + 1, start))


# A licence the tool had before: "1.0 was CC-BY-NC-4.0", "it used to be GPL-3.0", "previously AGPL".
_FORMER = re.compile(r"\b(?:was|were|used to be|previously)\s+(?:licen[cs]ed\s+(?:as|under)\s+|under\s+)?"
                     r"(?:the\s+)?$", re.I)
# A model named as what the tool was made from, just before a bracket: "Finetuned from X (Apache-2.0)".
_BASE_NAMED_BEFORE = re.compile(r"\b(?:fine-?tuned|finetuned|distilled|derived|initiali[sz]ed|based|built)\s+"
                                r"(?:from|on)\s+\S+$", re.I)


def _someone_elses(sentence: str, match: re.Match[str], name: str = "") -> bool:
    """Whether the licence matched belongs to something the tool uses, not the tool (or is one it
    has left)."""
    start = match.start()
    itself = _ITSELF.search(sentence, 0, start)
    if itself and itself["who"].casefold() != (name.split() or [""])[0].casefold():
        return True
    if _FROM.search(sentence, 0, start) and _TO.match(sentence, match.end()):
        return True
    if _LATER.search(sentence, 0, start) or _THE_BASES.search(clause_before(sentence, start)):
        return True
    if _FORMER.search(sentence, max(0, start - 40), start):
        return True  # "1.0 was CC-BY-NC-4.0; we have re-licensed": the licence it has left
    if sentence[start - 1:start] == "(":  # "bundles Whisper (MIT)": read the clause before it
        start = len(sentence[:start - 1].rstrip())
        if _BASE_NAMED_BEFORE.search(sentence, 0, start):
            return True  # "Finetuned from Qwen/Qwen2.5-14B (Apache-2.0)": the base model's
    if _NOT_OPEN.search(sentence, 0, start) and _A_PART_IS.search(clause_before(sentence, start)):
        return True
    if of_a_models_part(sentence, start):
        return True
    # (Their own licences are read back to the last ";": "...their licences; Orca itself is MIT".)
    since = sentence.rfind(";", 0, start) + 1
    return bool(_FOR_ANOTHER.match(sentence, match.end()) or _THEIR_OWN.search(sentence, since, start)
                or is_in_passing(sentence, start) or is_promised(sentence, match.start(), match.end()))
