"""The matching engine: rules, the sentences they are matched in, and the hits they give.

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
import re._constants as re_constants
import re._parser as re_parser
from bisect import bisect_right
from collections.abc import Callable, Collection, Iterable, Sequence
from functools import cache, lru_cache
from itertools import accumulate, compress
from operator import attrgetter, itemgetter, methodcaller
from types import ModuleType
from typing import Any, ClassVar, NamedTuple, TypeVar

import ahocorasick

from scrapers.records import FactRecord

MAX_SNIPPET_CHARS = 300
# A number as launch text writes one: "22", "1.5".
NUM = r"\d+(?:\.\d+)?"


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
    `Sentences` (it is only searched with `_occurs`). A rule that scans may say how (`scan`: a
    function of its pattern and a sentence giving exactly the matches `finditer` gives, found
    more cheaply); one whose pattern opens with ^ (and no alternative) is tried at each
    sentence's start only, as that is the one place it can match.
    """

    __slots__ = ("pattern", "starts", "digits", "needs", "heads", "plain", "eager", "indexed", "scan")
    # Every indexed rule by how a word its matches begin with begins (see `_word_head`), or by the
    # plain string it begins with; the unkeyed ones can match wherever their `needs` are met, and
    # the needy ones only where they are. A text's live rules are read off these in one pass.
    by_head: ClassVar[dict[str, list[Rule]]] = {}
    by_plain: ClassVar[dict[str, list[Rule]]] = {}
    unkeyed: ClassVar[list[Rule]] = []
    needy: ClassVar[set[Rule]] = set()
    # The needy rules by each string they may need: a text holding the string lets them live.
    by_need: ClassVar[dict[str, set[Rule]]] = {}
    # The rules that begin only at words, by head: `Sentences` tries them word by word as it reads.
    eager_by_head: ClassVar[dict[str, list[Rule]]] = {}

    def __init__(self, regex: str, flags: int = 0, *, starts: str | tuple[str, ...] = (),
                 digits: bool = False, needs: tuple[str, ...] = (), on_demand: bool = False,
                 indexed: bool = True, scan: Scan | None = None) -> None:
        self.pattern = re.compile(regex, flags)
        self.scan = scan or (_at_start if _anchored(regex, flags) else None)
        self.starts = (starts,) if isinstance(starts, str) else starts
        self.digits = digits
        self.needs = frozenset(needs)  # (a set: a text's present keys are intersected with it)
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
            for need in needs:
                Rule.by_need.setdefault(need, set()).add(self)
        _index.cache_clear()

    def __repr__(self) -> str:
        return f"Rule({self.pattern.pattern!r}, starts={self.starts!r})"


Scan = Callable[[re.Pattern[str], str], Iterable[re.Match[str]]]


def _anchored(regex: str, flags: int) -> bool:
    """Whether every match of the pattern begins at the start of the string (it opens with ^, not
    in one alternative only, and ^ is not each line's)."""
    if not regex.startswith("^"):  # (most patterns: not parsed again, which cost more than compiling)
        return False
    parsed = re_parser.parse(regex, flags)  # (the parser re.compile uses: what ^ opens is its to say)
    return (not parsed.state.flags & re.MULTILINE and len(parsed.data) > 0
            and parsed.data[0] == (re_constants.AT, re_constants.AT_BEGINNING))


def _at_start(pattern: re.Pattern[str], sentence: str) -> Iterable[re.Match[str]]:
    """What finditer gives for a pattern that matches only at the start: its match there, if any
    (finditer would try, and fail, at every place after it)."""
    match = pattern.match(sentence)
    return (match,) if match else ()


def with_a_digit(pattern: re.Pattern[str], sentence: str) -> Iterable[re.Match[str]]:
    """What finditer gives for a pattern every match of which holds a digit (an amount, as \\d reads
    one): nothing in a sentence with none, where finditer would try, and fail, at every place."""
    return pattern.finditer(sentence) if _A_DIGIT.search(sentence) else ()


_A_DIGIT = re.compile(r"\d")


class _Head:
    """A head (see `_word_head`) as the words automaton finds it, with the rules it keys. (A plain
    class, hashed by identity: a text's heads are put in a set, and hashing a tuple of frozen sets
    each time cost more than the look-up.)"""

    __slots__ = ("head", "back", "free", "needy", "eager")

    def __init__(self, head: str, back: int, free: frozenset[Rule], needy: frozenset[Rule],
                 eager: tuple[Rule, ...]) -> None:
        self.head = head
        self.back = back  # from the end of its key in `_words_apart` text back to where the word begins
        # The rules a word of the head may begin a match of: those it makes live (they need
        # nothing), and those that need a string as well.
        self.free = free
        self.needy = needy
        self.eager = eager  # those of them `_read_words` tries at each such word


class _Key:
    """A plain start or need as the keys automaton finds it, with the rules it keys (hashed by
    identity, as `_Head` is)."""

    __slots__ = ("key", "free", "needing", "needed")

    def __init__(self, key: str, free: frozenset[Rule], needing: frozenset[Rule],
                 needed: frozenset[Rule]) -> None:
        self.key = key
        self.free = free  # the rules it begins that need nothing
        self.needing = needing  # those it begins that need a string as well
        self.needed = needed  # the rules that need it


class _Index(NamedTuple):
    """What `Sentences` reads the rules through, built once from the rules made so far (not once
    per text): most of a text's work is looking rules up, and the automata and frozen sets made
    here turn those look-ups into a few calls into C."""

    # Every plain start and every need of the rules, with the rules it keys (plain and needing
    # nothing, plain and needy, needing it), as one automaton: a text is read once for all of them,
    # not once for each (`str.__contains__`).
    keys: ahocorasick.Automaton
    # Every head as a word begins with it in `_words_apart` text (" " + head, and " " after a head
    # shorter than three chars: it is the whole word), with its `_Head`: the text's words are
    # found, and their rules looked up, in one pass in C rather than one regex match a word.
    heads: ahocorasick.Automaton
    # The rules that begin anywhere, needing nothing (live in every text) or needing a string.
    free_unkeyed: frozenset[Rule]
    needy_unkeyed: frozenset[Rule]


@cache
def _index() -> _Index:
    """The rules as `Sentences` reads them (rebuilt when a rule is made: see `Rule.__init__`)."""
    needy = frozenset(Rule.needy)
    keyed: dict[str, tuple[set[Rule], set[Rule]]] = {}
    for key, rules in Rule.by_plain.items():
        keyed.setdefault(key, (set(), set()))[0].update(rules)
    for key, rules in Rule.by_need.items():
        keyed.setdefault(key, (set(), set()))[1].update(rules)
    keys = ahocorasick.Automaton()
    for key, (plain, needed) in keyed.items():
        keys.add_word(key, _Key(key, frozenset(plain - needy), frozenset(plain & needy), frozenset(needed)))
    keys.make_automaton()
    heads = ahocorasick.Automaton()
    for head, rules in Rule.by_head.items():
        word = f" {head}" if len(head) == 3 else f" {head} "
        heads.add_word(word, _Head(head, len(word) - 1, frozenset(rules) - needy, frozenset(rules) & needy,
                                   tuple(Rule.eager_by_head.get(head, ()))))
    heads.make_automaton()
    unkeyed = frozenset(Rule.unkeyed)
    return _Index(keys=keys, heads=heads, free_unkeyed=unkeyed - needy, needy_unkeyed=unkeyed & needy)


def rules_in(*modules: ModuleType) -> frozenset[Rule]:
    """Every indexed rule the modules hold at their top level, alone or in a table (a tuple, list,
    set or dict of them, however nested): what an extractor of theirs can read a fact from."""
    found: set[Rule] = set()
    seen: set[int] = set()
    stack: list[object] = [value for module in modules for value in vars(module).values()]
    while stack:
        value = stack.pop()
        if isinstance(value, Rule):
            if value.indexed:
                found.add(value)
        elif isinstance(value, (tuple, list, set, frozenset, dict)) and id(value) not in seen:
            seen.add(id(value))
            stack.extend(value.items() if isinstance(value, dict) else value)
    return frozenset(found)


def _word_head(key: str) -> str | None:
    """How a word that key begins at its start begins: its first three chars, or all of a shorter
    word; None when key begins with neither letter nor digit (it is looked for as it is)."""
    # (after an ASCII letter any letter, as `_words_apart` keeps them: "código" begins with "cód", not
    # with a word "c"; a key that opens on another script's letter, "τ-bench", "月額", is plain)
    word = re.match(r"\w*", key, 0 if key[:1].isascii() else re.ASCII)[0]  # type: ignore[index]
    return word[:3] or None


# A sentence break: whitespace after . ! ? (not in "e.g." and the like) before a capital, a quote,
# a parenthesis or a currency sign ("Powered by Claude. €9 per month."); or a run of newlines. The
# pattern begins with the punctuation (or the first newline) so the regex engine can skip straight
# to it; the gap is the whitespace after it.
_SENTENCE_BREAK = re.compile(
    # (not after "Inc." nor "Pvt." / "Pty.", which a company's "Ltd." always follows)
    r"[.!?\n](?:(?<=[.!?])(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bvs\.)(?<!\bInc\.)(?<!\bPvt\.)(?<!\bPty\.)"
    r"[)\"”’']?(?P<gap>\s+)"
    r"(?=[A-Z\"'“($€£¥₹])|(?<=\n)\n*)"
)
# Each char the regex \W matches (every char that is not part of a word) as a space: the ASCII
# ones by table (as bytes: the fastest way Python has), the others (rare: dashes, curly quotes) by
# regex. A text with other chars is translated as UTF-8, whose bytes past ASCII the table keeps:
# every byte of a multi-byte char is one (a dict lookup a char cost four times as much).
_ASCII_APART = bytes(code if re.match(r"\w", chr(code)) else ord(" ") for code in range(256))
_UTF8_APART = _ASCII_APART[:128] + bytes(range(128, 256))
_OTHER_NON_WORD = re.compile(r"[^\w\x00-\x7f]")


def _words_apart(folded: str) -> str:
    """The text with every non-word char a space, and a space before and after it: a word begins
    at i in the text where " " + its head begins at i in this one (offsets differ by one)."""
    if folded.isascii():
        apart = folded.encode("ascii").translate(_ASCII_APART).decode("ascii")
    else:
        apart = _OTHER_NON_WORD.sub(" ", folded.encode("utf-8", "surrogatepass").translate(_UTF8_APART)
                                    .decode("utf-8", "surrogatepass"))
    return f" {apart} "


# Where a word begins with a digit (as \d reads one, `str.isdecimal`), in `_words_apart` text: the
# space before it. (Searched for its leading space, which the regex engine skips to directly, where
# `\b\d` in the folded text has it try every position.)
_DIGIT_WORD = re.compile(r" \d")


def split_sentences(text: str) -> list[str]:
    """The text's sentences, whitespace folded; [] for blank text."""
    text = text or ""
    parts, begin = [], 0
    for match in _SENTENCE_BREAK.finditer(text):
        cut, after = match.span("gap")
        if cut < 0:  # a run of newlines: no gap group
            cut, after = match.span()
        parts.append(text[begin:cut])
        begin = after
    parts.append(text[begin:])
    # str.split() splits at what the regex \s matches (str.isspace), and drops the ends.
    return [folded for part in parts if (folded := " ".join(part.split()))]


def snippet_of(sentence: str, start: int = 0, end: int = 0) -> str:
    """The sentence, or a window of it around [start, end) of at most MAX_SNIPPET_CHARS: always a
    literal span of the sentence (no '…' added), so an editor can find it in the launch text."""
    if len(sentence) <= MAX_SNIPPET_CHARS:
        return sentence
    room = MAX_SNIPPET_CHARS
    begin = max(0, min(start - room // 3, len(sentence) - room))
    return sentence[begin:begin + room].strip()


# ---------------------------------------------------------------------------------------------
# Sentences, and where rules match in them
# ---------------------------------------------------------------------------------------------

Found = Sequence[tuple[int, re.Match[str]]]
T = TypeVar("T")


class Sentences:
    """A text's sentences, with the matches of any rule in them (found where its `starts` are)."""

    def __init__(self, sentences: list[str], name: str = "", source: str = "") -> None:
        self.items = sentences
        self.name = name  # the tool's name, when known: its own "Foo 34B" is its size
        self.source = source  # the feed's name, when known: a vendor's own blog says who made it
        self.memo: dict[object, object] = {}  # what more than one extractor reads, read once
        # One string, a sentence a line (as is, and case-folded char for char): its offsets are the
        # sentences'. A regex that cannot span a line break is searched in it once, not once a sentence.
        self.text = "\n".join(sentences)
        self.folded = folded = _fold(self.text)
        self.offsets = [0, *accumulate(map((1).__add__, map(len, sentences)))]
        index = _index()
        # (end in the words-apart text, `_Head`) of each word with the head of some rule's start,
        # in text order: the word begins at end - back in the folded text.
        self._apart = _words_apart(folded)
        self.words: list[tuple[int, _Head]] = list(index.heads.iter(self._apart))
        self._spots: dict[str, list[tuple[int, int]]] = {}
        self._lines: dict[str, frozenset[int]] = {}
        self._word_heads: list[str] | None = None
        self._digits_in: dict[int, list[tuple[int, int]]] = {}
        self.present: set[str] = set()  # the plain starts and needs the text holds
        self.live = self._live_rules(index)
        # The matches of the rules that begin at words, found in one reading; the others' on demand.
        self.found: dict[Rule, Found] = self._read_words()

    def __getitem__(self, index: int) -> str:
        return self.items[index]

    def hit(self, value: str, index: int, match: re.Match[str]) -> Hit:
        """The value, with the sentence and the span the match found it at."""
        return Hit(value, self.items[index], *match.span())

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
            if index not in firsts:
                firsts[index] = match
        return firsts

    def spots(self, key: str) -> list[tuple[int, int]]:
        """(sentence index, offset) of each place key (lower case) begins in the case-folded text."""
        return self._spots_of(key)

    def any_live(self, rules: Collection[Rule]) -> bool:
        """Whether one of rules can match here at all (else an extractor has nothing to read)."""
        return not self.live.isdisjoint(rules)

    def has_digit_words(self) -> bool:
        """Whether a word of the text begins with a digit (else no rule `digits` alone keys can match)."""
        return _DIGIT_WORD.search(self._apart) is not None

    def reading(self, table: Iterable[tuple[Rule, T]]) -> list[tuple[int, T, re.Match[str]]]:
        """(sentence index, tag, match) for each match of the table's rules, in the order nested
        loops over sentences, then rows, then each rule's matches meet them. (Shared: not to be
        changed by the caller.)"""
        table = tuple(table)
        rows_of, rules = _rows_of(table)
        # Most tables have no live rule in a text: told by one C call, with no set made.
        if self.live.isdisjoint(rules):
            return []
        # Read once a text (extractors read a table, then read it again to judge what they found):
        # by the table's id, which stays its own while the memo holds the table.
        read = self.memo.get(("reading", id(table)))
        if read is not None and read[0] is table:
            return read[1]  # type: ignore[no-any-return]
        # Only the live rules' rows are read (most of a table's rules are not live in a text).
        live = rules & self.live
        rows = [(index, row, tag, match) for rule in live
                for row, tag in rows_of[rule] for index, match in self.matches(rule)]
        if len(rows) > 1:
            rows.sort(key=_SENTENCE_THEN_ROW)  # (one rule's matches keep their text order)
        found = [(index, tag, match) for index, _, tag, match in rows]
        self.memo[("reading", id(table))] = (table, found)
        return found

    def _live_rules(self, index: _Index) -> set[Rule]:
        """The rules that can match at all: one of their `starts` is in the text, and a `needs`."""
        # The rules the text's words and plain strings key, apart as they need nothing or need a
        # string (those live only where the text meets a need of theirs).
        live, needy, met = set(index.free_unkeyed), set(), set()
        # Each head and key once (a text repeats its words): a set of them by identity is cheap.
        heads = set(map(_SECOND, self.words))
        live.update(*map(_FREE, heads))
        needy.update(*map(_NEEDY, heads))
        for key in set(map(_SECOND, index.keys.iter(self.folded))):
            live |= key.free
            needy |= key.needing
            met |= key.needed
            self.present.add(key.key)
        # (met is the small side: the intersections walk it, not the many rules that need)
        live |= met & needy
        live |= met & index.needy_unkeyed
        return live

    def _read_words(self) -> dict[Rule, Found]:
        """The matches of the live rules that begin only at words, tried at each word in turn."""
        found: dict[Rule, list[tuple[int, re.Match[str]]]] = {}
        live, items, offsets = self.live, self.items, self.offsets
        for end, head in compress(self.words, map(_EAGER, map(_SECOND, self.words))):
            at = end - head.back
            line = bisect_right(offsets, at) - 1
            sentence, at = items[line], at - offsets[line]
            for rule in head.eager:
                if rule not in live:
                    continue
                kept = found.get(rule)
                # What `_one_after_another` keeps, as the words are read: a place inside the last
                # match of the rule in this sentence gives none (finditer goes on after a match),
                # so the pattern is not tried there.
                if kept is not None and kept[-1][0] == line and at < kept[-1][1].end():
                    continue
                if match := rule.pattern.match(sentence, at):
                    if kept is None:
                        found[rule] = [(line, match)]
                    else:
                        kept.append((line, match))
        return found  # type: ignore[return-value]

    def _find(self, rule: Rule, within: Collection[int] | None) -> Found:
        """The matches of a rule `_read_words` does not try: tried where it may begin, or scanned."""
        items = self.items
        if rule.needs and (rule.digits or not rule.starts):
            # Only the sentences holding one, where digits or a scan would cost most.
            keys = self.present.intersection(rule.needs)
            held = self._lines_holding(keys.pop()) if len(keys) == 1 else frozenset().union(
                *map(self._lines_holding, keys))
            within = held if within is None else held.intersection(within)
        if not rule.starts:
            if not rule.digits:
                indices = range(len(items)) if within is None else sorted(within)
                if rule.scan is _at_start:  # (one call a sentence, not finditer's)
                    match_at = rule.pattern.match
                    return [(i, match) for i in indices if (match := match_at(items[i]))]
                if rule.scan is not None:
                    scan, pattern = rule.scan, rule.pattern
                    return [(i, match) for i in indices for match in scan(pattern, items[i])]
                return [(i, match) for i in indices for match in rule.pattern.finditer(items[i])]
            # Only at words that begin with a digit: those of each sentence are in text order, so
            # the sentences' in turn are too (nothing to sort, merge or filter).
            digits_in, match_at = self._digit_words, rule.pattern.match
            lines = range(len(items)) if within is None else sorted(within)
            found = [(index, match) for index in lines for _, at in digits_in(index)
                     if (match := match_at(items[index], at))]
            return _one_after_another(found) if len(found) > 1 else found
        spots: list[tuple[int, int]] = []
        if rule.heads:
            # Only the words where one of its starts begins (its matches begin nowhere else): a
            # head is a word's first three chars, and "the" begins far more words than "the
            # company says" does.
            starts, folded, offsets = rule.starts, self.folded, self.offsets
            spots += [(index, at) for index, at in self._spots_of_words(rule.heads)
                      if folded.startswith(starts, offsets[index] + at)]
        present = self.present  # (every plain start the text holds: the others begin nowhere here)
        for key in rule.plain:
            if key in present:
                spots += self._spots_of(key)
        if rule.digits:
            for index in range(len(items)) if within is None else within:
                spots += self._digit_words(index)
        spots.sort()
        match_at = rule.pattern.match
        found = [(index, match) for index, at in spots
                 if (within is None or index in within) and (match := match_at(items[index], at))]
        return _one_after_another(found) if len(found) > 1 else found

    def _spots_of_words(self, heads: frozenset[str]) -> list[tuple[int, int]]:
        """(sentence index, offset) of each word that begins with one of heads, in text order."""
        if self._word_heads is None:  # (most texts never ask)
            self._word_heads = [head.head for _, head in self.words]
        offsets, spots = self.offsets, []
        for end, head in compress(self.words, map(heads.__contains__, self._word_heads)):
            at = end - head.back
            index = bisect_right(offsets, at) - 1
            spots.append((index, at - offsets[index]))
        return spots

    def _digit_words(self, index: int) -> list[tuple[int, int]]:
        """(index, offset) of each word of sentence `index` that begins with a digit (as \\d reads
        one), in order (read when first asked: rules with digits mostly read a sentence or two)."""
        spots = self._digits_in.get(index)
        if spots is None:
            # (the space before a digit at i in the folded text is at i in the words-apart text)
            begin, end = self.offsets[index], self.offsets[index + 1]
            spots = self._digits_in[index] = [
                (index, at - begin) for at in map(_START, _DIGIT_WORD.finditer(self._apart, begin, end))]
        return spots

    def _lines_holding(self, key: str) -> frozenset[int]:
        """The indices of the sentences that hold key (read once a text: rules share needs)."""
        lines = self._lines.get(key)
        if lines is None:
            lines = self._lines[key] = frozenset(map(_FIRST, self._spots_of(key)))
        return lines

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


def _rows_of(
    table: tuple[tuple[Rule, T], ...],
) -> tuple[dict[Rule, tuple[tuple[int, T], ...]], frozenset[Rule]]:
    """Rule -> (row, tag) of each row of the table it is in, and the table's rules (a table's rows
    are looked up once per process, not walked once per text)."""
    # Kept by the table's id, checked to be the same table: an entry holds its table, so the id
    # is not another's while the entry is kept (hashing a table of 30 rows cost more than this).
    kept = _ROWS.get(id(table))
    if kept is not None and kept[0] is table:
        return kept[1]
    rows: dict[Rule, list[tuple[int, T]]] = {}
    for row, (rule, tag) in enumerate(table):
        rows.setdefault(rule, []).append((row, tag))
    if len(_ROWS) >= 256:  # tables made on the fly are not kept for ever
        _ROWS.clear()
    rows_of = {rule: tuple(its_rows) for rule, its_rows in rows.items()}
    read = rows_of, frozenset(rows_of)
    _ROWS[id(table)] = (table, read)
    return read


_ROWS: dict[int, tuple[tuple[tuple[Rule, Any], ...],
                       tuple[dict[Rule, tuple[tuple[int, Any], ...]], frozenset[Rule]]]] = {}


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
_FIRST = itemgetter(0)
_SECOND = itemgetter(1)
_FREE, _NEEDY, _EAGER = attrgetter("free"), attrgetter("needy"), attrgetter("eager")
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


class Searched:
    """A pattern to `search`, tried only in text that holds one of the strings every match of it
    holds (`needed_strings`, read off the pattern: none told by hand to drift from it). Most
    searches of a clause for "distilled from", "the free plan is retired" or "setup is free" fail,
    and a failing search tries the pattern at every position; a few `in` tests on the folded text
    tell most of them first. The matches are those of `pattern.search`, always."""

    __slots__ = ("pattern", "_needs")

    def __init__(self, regex: str, flags: int = 0) -> None:
        self.pattern = re.compile(regex, flags)
        self._needs: tuple[str, ...] | None = None  # read when first searched (parsing costs at import)

    @property
    def needs(self) -> tuple[str, ...]:
        if self._needs is None:
            self._needs = needed_strings(self.pattern.pattern, self.pattern.flags)
        return self._needs

    def search(self, string: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """What `pattern.search(string, pos, endpos)` gives."""
        pos = max(pos, 0)
        endpos = len(string) if endpos is None else max(endpos, 0)
        needs = self._needs if self._needs is not None else self.needs
        # (a match lies in string[pos:endpos]; only lookarounds, which need nothing, see outside it)
        if needs and not any(map(_fold(string[pos:endpos]).__contains__, needs)):
            return None
        return self.pattern.search(string, pos, endpos)


# The shortest needed string worth testing for: a needed "a" or "-" is in most clauses.
_MIN_NEEDED = 3


def needed_strings(regex: str, flags: int = 0) -> tuple[str, ...]:
    """Strings (as `_fold` folds text) one of which the text of every match of the pattern holds,
    each of at least _MIN_NEEDED chars; () when the pattern gives none such (a class, a
    lookaround or an optional part needs nothing). Read from the parse re.compile uses: a run of
    literal printable ASCII chars, one of each alternative's, a part repeated at least once."""
    needs = _needs_of_sequence(re_parser.parse(regex, flags).data)
    return needs if needs and min(map(len, needs)) >= _MIN_NEEDED else ()


def _needs_of_sequence(items: Iterable[tuple[Any, Any]]) -> tuple[str, ...] | None:
    """What a sequence needs: each of its items is in every match, so the most telling item's
    needs (the longest shortest string) are the sequence's."""
    found: list[tuple[str, ...]] = []
    run: list[str] = []
    for op, value in items:
        # An ASCII char as _fold folds it: under IGNORECASE, what matches it folds to it as well.
        if op is re_constants.LITERAL and 0x20 <= value < 0x7f:
            run.append(chr(value).lower())
            continue
        if run:
            found.append(("".join(run),))
            run = []
        needs = _needs_of(op, value)
        if needs:
            found.append(needs)
    if run:
        found.append(("".join(run),))
    return max(found, key=lambda needs: min(map(len, needs))) if found else None


def _needs_of(op: Any, value: Any) -> tuple[str, ...] | None:
    """What one parsed item needs, None when nothing (see `needed_strings`)."""
    if op is re_constants.SUBPATTERN:  # (group, flags added, flags taken, its items)
        return _needs_of_sequence(value[3].data)
    if op is re_constants.ATOMIC_GROUP:
        return _needs_of_sequence(value.data)
    if op in (re_constants.MAX_REPEAT, re_constants.MIN_REPEAT, re_constants.POSSESSIVE_REPEAT):
        least, _, repeated = value
        return _needs_of_sequence(repeated.data) if least >= 1 else None
    if op is re_constants.BRANCH:  # every alternative must need something: one of theirs is there
        needs: list[str] = []
        for alternative in value[1]:
            its = _needs_of_sequence(alternative.data)
            if not its:
                return None
            needs.extend(its)
        return tuple(dict.fromkeys(needs))
    return None


# ---------------------------------------------------------------------------------------------
# Hits and the helpers every kind uses
# ---------------------------------------------------------------------------------------------

Extractor = Callable[[Sentences, str | None], list[FactRecord]]
_NEW_FACT = FactRecord.__pydantic_validator__.validate_python


class Hit(NamedTuple):
    value: str
    sentence: str
    start: int
    end: int

    def valued(self, value: str) -> Hit:
        return Hit(value, self.sentence, self.start, self.end)

    def fact(self, kind: str, negated: bool = False) -> FactRecord:
        # The model's own validator, as FactRecord(...) calls it, less the Python frame around it
        # (a text makes a handful of facts, and this is a third of each one's cost).
        return _NEW_FACT({"kind": kind, "value": self.value, "negated": negated,
                          "snippet": snippet_of(self.sentence, self.start, self.end)})

    def negated(self) -> bool:
        """Whether the clause says the opposite of the match: "no free tier", "GPU not required"."""
        return is_negated(self.sentence, self.start, self.end)

    def promised(self) -> bool:
        """Whether the clause puts the match in the future: "coming soon", "we plan to add"."""
        return is_promised(self.sentence, self.start, self.end)

    def in_passing(self) -> bool:
        """Whether the match names something the tool works with or is compared to, not the tool."""
        return is_in_passing(self.sentence, self.start)


# A negation within the few words before a match, in its clause: "no free tier", "does not offer
# a free plan", "without a GPU", "isn't open source", "not available on Hugging Face".
_NEGATION_BEFORE = re.compile(
    r"(?:^|[^\w'’])(?:no|not|without|never|nor|non|cannot|(?:is|are|does|do|was|were|will|can|wo)n[’']t"
    # (and as the other languages of our feeds deny: "não é open source", "ist nicht Open Source",
    # "keine kostenlose Version", "n'est pas open source", "sans GPU", "sin plan gratuito")
    r"|não|nicht|kein(?:e|en|er|es)?|ohne|pas|sans|sem|sin|nem|jamais|nunca"
    # (and Dutch, Italian and Polish: "niet open source", "geen gratis versie", "senza GPU", "nie jest")
    r"|niet|geen|zonder|senza|nessun[oa]?|nie|bez)"
    r"(?:[\s-]+(?!(?:and|or|plus|but|also|then|only)\b)[\w'’]+){0,3}[\s-]*$"
    # ... and a way it will not be sold, past those few words: "It will not be offered with a free tier"
    r"|(?:\bnot|\bnever|n[’']t)\s+be\s+(?:offered|sold|available|shipped|released|published)\s+"
    r"(?:with|as|in|on|via)\s+(?:a\s+|an\s+|the\s+)?$",
    re.I,
)
# ... or just after it: "GPU not required", "a free tier is not offered".
_NEGATION_AFTER = re.compile(
    # (the thing's noun may come between: "GGUF builds are not ready yet")
    r"(?:\s+(?:builds?|files?|versions?|weights|support|checkpoints?|images?|packages?|apps?|bindings))?"
    r"[\s-]*(?:(?:is|are|was|were|will be|has been|have been)\s+)?(?:(?:still|also|strictly|even)\s+)?"
    r"(?:not|n[’']t)\s+(?:(?:strictly|even|really)\s+)?"
    r"(?:required|needed|necessary|included|offered|available|provided|ready|supported|out)\b"
    # ... or withdrawn: "the free plan is no longer available", "the Q8_0 GGUF is no longer published"
    r"|(?:\s+(?:builds?|files?|versions?|weights|plan|tier|option|GGUFs?|exports?|checkpoints?|casks?"
    r"|formula|taps?|packages?|images?|extensions?))?[\s-]*"
    r"(?:(?:is|are|was|were)\s+)?"
    r"no\s+longer\s+(?:being\s+)?(?:available|offered|published|provided|included|supported|sold|shipped"
    r"|built|maintained|free)\b"
    r"|[\s-]*(?:isn|aren)[’']t\b"
    # ... and as the other languages of our feeds deny it after: "einen kostenlosen Tarif gibt es
    # nicht", "le plan gratuit n'existe pas", "no existe plan gratuito" is before
    r"|\s+gibt\s+es\s+(?:nicht|keine[nr]?)\b|\s+(?:n['’]existe|n['’]est)\s+pas\b|\s+não\s+existe\b",
    re.I,
)
# What a clause says before naming something the tool only works with or is compared to.
_IN_PASSING = re.compile(
    r"\b(?:works? with|working with|compatible with|supports?|supporting|integrates? with|"
    r"than|vs\.?(?! ?code\b)|versus|like|such as|including|compared (?:to|with)|beats?|outperforms?|"
    r"rivals?|alternative to|instead of|unlike|any|other|popular|existing|your (?:own|favou?rite)"
    r"|bundles?|bundling|wraps?|powered by|ships? with)"
    r"\b(?:[\s,-]+[\w.$-]+){0,3}[\s,-]*$",
    re.I,
)
_CLAUSE_BREAK = re.compile(r"[,;:()—–]|\s-\s|\bbut\b|\bwhile\b|\bunlike\b(?=\s\w+\s*$)")


# A fact promised, not stated: "we plan to add a free tier", "we'll publish it on PyPI", and
# anywhere in the clause "coming soon", "planned", "on the roadmap", "next month".
_PROMISE_BEFORE = re.compile(
    r"\b(?:plan(?:s|ned|ning)?|intend(?:s|ed|ing)?|hope|hoping|aim(?:s|ing)?|going|expect(?:s|ing)?)\s+to\b"
    r"|\b(?:we|they)(?:\s+will|['’]ll)\s+(?:soon\s+|also\s+|later\s+|eventually\s+)?(?:add|publish"
    r"|release|ship|bring|launch|open[- ]source|support|offer|introduce|roll out)\b", re.I)
_PROMISE_IN_CLAUSE = re.compile(
    # ("Spider 2.0 results are coming", not "coming from" or "coming with")
    r"\b(?:coming\s+soon|soon|planned|on\s+the\s+roadmap|in\s+the\s+works|upcoming|eventually"
    r"|(?:is|are)\s+(?:still\s+)?coming\b(?!\s+(?:from|with|in|to|out)\b)"
    r"|in\s+the\s+future|next\s+(?:week|month|quarter|year)|later\s+this\s+(?:week|month|quarter|year)"
    # a listing not yet approved: "the Play Store listing is under review", "pending approval"
    r"|under\s+review|in\s+review|pending\s+(?:review|approval)|awaiting\s+(?:review|approval)"
    # ... and as the other languages of our feeds promise: "une version 8B est prévue", "ist geplant",
    # "llegará en 2027", "em breve", "bientôt", "demnächst", "próximamente"
    r"|prévue?s?|geplant|previst[oa]s?|planead[oa]s?|planejad[oa]s?|bientôt|demnächst|próximamente"
    # ("a Databricks Marketplace version is expected in the first half of 2027")
    r"|(?:is|are)\s+expected\s+(?:in|by|later|next|soon|to\s+(?:ship|land|arrive|follow))"
    r"|em\s+breve|en\s+breve|llegará|chegará|arrivera|kommt\s+(?:bald|später))\b",
    re.I)


# The words a promise is made of, as plain strings (a sentence holding none has no promise to read).
_PROMISE_WORDS = ("plan to", "plans to", "planned", "planning", "intend", "hope to", "hoping to", "aim to",
                  "next up", "up next", "coming next", "coming soon", "coming later", "still to come",
                  "on the way", "is training", "are training", "in training", "being trained", "will follow",
                  "come later", "arrive later", "to share", "to publish", "to open",
                  "aims to", "aiming to", "going to", "expect", "will ", "'ll ", "’ll ", "soon", "roadmap",
                  "in the works", "upcoming", "eventually", "future", "next week", "next month",
                  "next quarter", "next year", "later this", "review", "pending", "awaiting", "is coming",
                  "are coming", "still coming", "prévu", "geplant", "previst", "planead", "planejad",
                  "bientôt", "demnächst", "próximamente", "is expected", "are expected", "em breve",
                  "en breve", "llegará", "chegará",
                  "arrivera", "kommt bald", "kommt später")


@lru_cache(maxsize=1024)
def _may_promise(sentence: str) -> bool:
    """Whether a sentence holds any word a promise is made of (most hold none: no clause is read)."""
    folded = sentence.lower()
    return any(word in folded for word in _PROMISE_WORDS)


# A part of a sentence that is all about what is to come (the fact is of a later model or build):
# "Next up: a 1B version for watches", "A distilled 9B model will follow in January", "A 32B version
# is training now and we hope to publish its weights".
_PROMISE_PART = re.compile(
    r"^\W*(?:next up|up next|coming (?:next|soon|later)|still to come|on the way)\b"
    r"|\bwill (?:follow|come later|arrive later)\b"
    r"|\b(?:is|are) (?:still )?(?:training|in training|being trained)\b"
    r"|\b(?:hope|plan|intend)s? to (?:share|publish|release|ship|open)\b", re.I)
_PART_BREAK = re.compile(r"[;—]|\s[-–]\s")


def is_promised(sentence: str, start: int, end: int) -> bool:
    if not _may_promise(sentence):
        return False
    cuts = [0, *(m.end() for m in _PART_BREAK.finditer(sentence)), len(sentence)]
    begin = max(cut for cut in cuts if cut <= start)
    finish = min(cut for cut in cuts if cut >= end)
    if _PROMISE_PART.search(sentence, begin, finish):
        return True
    before = clause_before(sentence, start)
    after = sentence[end:]
    cut = _CLAUSE_BREAK.search(after)
    after = after[:cut.start()] if cut else after
    return bool(_PROMISE_BEFORE.search(before) or _PROMISE_IN_CLAUSE.search(before)
                or _PROMISE_IN_CLAUSE.search(after))


@lru_cache(maxsize=4096)  # a hit's clause is read for its negation, scope and promise alike
def clause_before(sentence: str, start: int) -> str:
    """The words of the match's clause before it (back to a comma, colon, dash or 'but')."""
    before = sentence[:start]
    cuts = [m.end() for m in _CLAUSE_BREAK.finditer(before)]
    return before[cuts[-1]:] if cuts else before


# The words the clause before a match must hold (as `_fold` folds it, the way re.IGNORECASE reads
# letters) for `_NEGATION_BEFORE` or `_IN_PASSING` to match there: a search tries every position of
# the clause, and most clauses hold none of them, so they are looked for first.
_NEGATION_WORDS = ("no", "without", "never", "n't", "n’t",  # "no" is in not, nor, non, cannot
                   "não", "nicht", "kein", "ohne", "pas", "sans", "sem", "sin", "nem", "jamais", "nunca",
                   "niet", "geen", "zonder", "senza", "nessun", "nie", "bez")
_IN_PASSING_WORDS = ahocorasick.Automaton()
for _word in ("work", "compatible", "support", "integrate", "than", "vs", "versus", "like", "such",
              "including", "compared", "beat", "outperform", "rival", "alternative", "instead", "any",
              "other", "popular", "existing", "your", "bundl", "wrap", "powered", "ship"):
    _IN_PASSING_WORDS.add_word(_word, _word)
_IN_PASSING_WORDS.make_automaton()


def is_negated(sentence: str, start: int, end: int) -> bool:
    before = clause_before(sentence, start)
    folded = _fold(before)
    return bool((any(map(folded.__contains__, _NEGATION_WORDS)) and _NEGATION_BEFORE.search(before))
                or _NEGATION_AFTER.match(sentence, end))


def is_in_passing(sentence: str, start: int) -> bool:
    before = clause_before(sentence, start)
    return next(_IN_PASSING_WORDS.iter(_fold(before)), None) is not None and bool(_IN_PASSING.search(before))


def join_words(values: Iterable[str], conjunction: str = "and") -> str:
    """'a', 'a and b', 'a, b and c' (or 'a or b' with conjunction='or')."""
    items = list(values)
    if len(items) <= 2:
        return f" {conjunction} ".join(items)
    return ", ".join(items[:-1]) + f" {conjunction} " + items[-1]


def first_hit(sentences: Sentences, rule: Rule, within: Collection[int] | None = None) -> Hit | None:
    """The rule's first match (in the sentences `within`, when given), valued as the text it matched."""
    found = sentences.matches(rule, within)
    if not found:
        return None
    index, match = found[0]
    return sentences.hit(match[0], index, match)


def overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in taken)



Render = Callable[[re.Match[str]], str]
Table = Sequence[tuple[Rule, "str | Render"]]


def table_facts(kind: str, table: Table, sentences: Sentences, *, own_only: bool = True) -> list[FactRecord]:
    """One fact per match of the table's rules (the earlier row wins where two overlap), valued by
    its row (a string, or a function of the match), negated when its clause says the opposite;
    with `own_only`, a match named in passing ("works with X", "cheaper than X") is not the tool's."""
    facts: list[FactRecord] = []
    taken: dict[int, list[tuple[int, int]]] = {}
    seen: set[tuple[str, bool]] = set()
    for index, value, match in sentences.reading(table):
        span = match.span()
        spans = taken.get(index)
        if spans is None:  # the sentence's first match overlaps nothing
            taken[index] = [span]
        elif overlaps(span, spans):
            continue
        else:
            spans.append(span)
        hit = Hit(value if isinstance(value, str) else value(match), sentences.items[index], *span)
        if not hit.value or (own_only and hit.in_passing()) or hit.promised():
            continue
        negated = hit.negated()
        if (hit.value, negated) not in seen:
            seen.add((hit.value, negated))
            facts.append(hit.fact(kind, negated))
    return facts
