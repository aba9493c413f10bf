"""Which of many regexes can match a text, found in one pass with Hyperscan.

Why: classifying an entry tries dozens of large case-blind alternations on its title and text
("is this a job post, a podcast, a newsletter, ..."), one `re.search` after another, and nearly all
of them fail; each failure still walks the whole text. Hyperscan (Intel's multi-pattern matcher)
compiles every pattern of a set into one automaton and scans the text once for all of them.

It is a prefilter, never the judge: each pattern is compiled with HS_FLAG_PREFILTER, under which
Hyperscan reports every text the pattern could match (approximating what it does not support:
lookbehinds, backreferences), and maybe more. `PatternSet.candidates` gives those patterns; the
caller still runs Python's `re` on them, so every result is what `re` alone gives. A pattern that
cannot match is simply never tried.

Where Python's `re` and Hyperscan read a text differently, the scan must not miss a match:
- case-blind matching: Python folds four non-ASCII letters to ASCII ones ("İ", "ı", "ſ" and the
  Kelvin sign); the scanned copy of the text has them folded first;
- \\w, \\d, \\b and \\s: Unicode classes in `re` (str patterns), ASCII ones in Hyperscan (with
  Unicode classes, HS_FLAG_UCP, a large set takes minutes to compile rather than a second); so the
  scan reads a stand-in of each non-ASCII word character, digit and space (see `_stand_in`);
- a pattern that names a letter, digit or space beyond ASCII (the stand-ins would hide it) or an
  escape PCRE spells otherwise, and one Hyperscan rejects even as a prefilter, is a candidate for
  every text.
tests/scrapers/test_patternset.py checks the prefilter never misses, on every real text we hold
and on generated ones.

Compiling a large set takes about a second, so each compiled database is kept in the user's cache
directory ($VERDICTS_CACHE_DIR/patterns, else ~/.cache/verdicts/patterns), named by a digest of the
patterns, their flags and Hyperscan's version; a process loads it in microseconds. A missing,
damaged or foreign file is compiled again; a cache that cannot be written costs only the time.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import platform
import re
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from functools import cached_property
from pathlib import Path
from typing import Any

import hyperscan

# Non-ASCII letters that re.IGNORECASE matches to an ASCII one (the only four in Unicode).
_FOLDS_TO_ASCII = {"İ": "i", "ı": "i", "ſ": "s", "\u212a": "k"}  # (the last: the Kelvin sign)
_BASE_FLAGS = (hyperscan.HS_FLAG_PREFILTER | hyperscan.HS_FLAG_SINGLEMATCH | hyperscan.HS_FLAG_ALLOWEMPTY
               | hyperscan.HS_FLAG_UTF8)


def _hs_flags(pattern: re.Pattern[str]) -> int:
    flags = _BASE_FLAGS
    if pattern.flags & re.IGNORECASE:
        flags |= hyperscan.HS_FLAG_CASELESS
    if pattern.flags & re.DOTALL:
        flags |= hyperscan.HS_FLAG_DOTALL
    if pattern.flags & re.MULTILINE:
        flags |= hyperscan.HS_FLAG_MULTILINE
    return flags


class PatternSet:
    """A list of patterns, and which of them can match a given text.

    Patterns join with `compile`, which gives a `Prefiltered` pattern: used as an `re.Pattern`,
    it first asks the set whether it can match the text; the set scans each text once for all of
    its patterns (the candidates of the last few texts are kept), so the second, third, ...
    pattern tried on a text costs a set lookup. The set is compiled on its first scan (a second
    or so for a hundred large patterns: a command that never reads a feed never pays it) and
    takes no pattern after that. Safe to share between threads: each thread scans with its own
    scratch space, as Hyperscan requires, and keeps its own candidates.
    """

    def __init__(self, patterns: Sequence[re.Pattern[str]] = ()) -> None:
        self.patterns = list(patterns)
        self._local = threading.local()
        self._lock = threading.Lock()
        self._frozen = False
        self._stand_ins: _StandIns | None = None

    def compile(self, regex: str | re.Pattern[str], flags: int = 0) -> Prefiltered:
        """The pattern, added to the set, as a drop-in `re.Pattern` that is tried only where it may match."""
        if self._frozen:
            raise RuntimeError("PatternSet: a pattern was added after the set was compiled")
        pattern = regex if isinstance(regex, re.Pattern) else re.compile(regex, flags)
        self.patterns.append(pattern)
        return Prefiltered(pattern, self, len(self.patterns) - 1)

    def candidates(self, text: str) -> frozenset[int]:
        """The indexes of the patterns that may match somewhere in text: every one whose `search`
        matches is among them."""
        try:
            cache = self._local.cache
        except AttributeError:  # this thread's first text
            cache = self._local.cache = {}
        found = cache.get(text)
        if found is None:
            if len(cache) >= _TEXTS_KEPT:
                cache.clear()
            found = cache[text] = self._scan(text)
        return found

    def _scan(self, text: str) -> frozenset[int]:
        database, always = self._compiled
        if database is None:
            return frozenset(always)
        try:
            scratch = self._local.scratch
        except AttributeError:  # this thread's first scan
            scratch = self._local.scratch = hyperscan.Scratch(database)
        if not text.isascii() or _ODD_ASCII_SPACE.search(text):
            text = self._stand_in(text)
        try:
            body = text.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: not UTF-8, so no scan; every pattern is tried
            return frozenset(range(len(self.patterns)))
        if len(body) >= _MAX_SCAN_BYTES:  # beyond what one scan reads (a 32-bit length)
            return frozenset(range(len(self.patterns)))
        found = set(always)
        try:
            if len(self.patterns) == 1:  # found once found: the scan stops at the first match
                with contextlib.suppress(hyperscan.ScanTerminated):
                    database.scan(body, match_event_handler=_collect_first, context=found, scratch=scratch)
            else:
                database.scan(body, match_event_handler=_collect, context=found, scratch=scratch)
        except hyperscan.error:  # out of memory, or a database this CPU cannot run: try them all
            return frozenset(range(len(self.patterns)))
        return frozenset(found)

    def _stand_in(self, text: str) -> str:
        """The text as the scan reads it: where Hyperscan's ASCII classes would read a character
        otherwise than Python's `re`, a character both read alike. A non-ASCII word character (for
        `re`: \\w, and \\b beside it) stands as "x", a non-ASCII decimal digit as "0", other
        whitespace and the ASCII separators 1C-1F as a space, the four non-ASCII letters
        re.IGNORECASE folds to ASCII as those; any other character as it is (ASCII whitespace
        too: `$` reads the newline), and so is every character a scanned pattern names itself."""
        if self._stand_ins is None:
            unscanned = set(self._compiled[1])
            # punctuation and symbols without case: a pattern naming any other is unscanned
            named = {c for index, pattern in enumerate(self.patterns) if index not in unscanned
                     for c in pattern.pattern if not c.isascii()}
            self._stand_ins = _StandIns({ord(c) for c in named})
        return text.translate(self._stand_ins)

    @cached_property
    def _compiled(self) -> tuple[hyperscan.Database | None, tuple[int, ...]]:
        """The database of the patterns Hyperscan takes, and the indexes of those it does not."""
        with self._lock:
            self._frozen = True
            # Tried on every text, unscanned: what Hyperscan would read otherwise than `re` (a
            # letter, digit or space beyond ASCII named in the pattern, which the stand-ins would
            # hide; escapes PCRE spells otherwise), and below, what it rejects.
            rejected = [index for index, pattern in enumerate(self.patterns) if _unscannable(pattern)]
            indexes = [index for index in range(len(self.patterns)) if index not in rejected]
            try:
                return _database(self.patterns, indexes), tuple(rejected)
            except hyperscan.error:  # find the patterns it rejects, one at a time
                pass
            for index in list(indexes):
                try:
                    _database(self.patterns, [index])
                except hyperscan.error:
                    rejected.append(index)
            accepted = [index for index in indexes if index not in rejected]
            return _database(self.patterns, accepted), tuple(rejected)


def _database(patterns: Sequence[re.Pattern[str]], indexes: list[int]) -> hyperscan.Database | None:
    """The patterns' database: read from the cache when this very set was compiled before (a large
    set takes a second to compile, a few microseconds to load), else compiled and cached."""
    if not indexes:  # nothing to scan for (Hyperscan compiles no empty database)
        return None
    expressions = [patterns[i].pattern.encode("utf-8") for i in indexes]
    flags = [_hs_flags(patterns[i]) for i in indexes]
    key = hashlib.sha256(repr((hyperscan.__version__, platform.machine(), expressions, indexes, flags))
                         .encode()).hexdigest()
    cached = _cache_dir() / f"{key[:32]}.hsdb"
    try:
        return hyperscan.loadb(cached.read_bytes(), hyperscan.HS_MODE_BLOCK)
    except (OSError, hyperscan.error):  # not cached yet, unreadable, or of another platform
        pass
    database = hyperscan.Database()
    database.compile(expressions=expressions, ids=indexes, elements=len(indexes), flags=flags)
    partial = cached.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
    try:  # written whole, then renamed: a process reading it meanwhile sees none or all of it
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(hyperscan.dumpb(database))
        os.replace(partial, cached)
    except OSError:  # a read-only home: compiled again next time, nothing else lost
        partial.unlink(missing_ok=True)
    return database


def _cache_dir() -> Path:
    """Where compiled databases are kept: $VERDICTS_CACHE_DIR, else the user's cache directory."""
    if configured := os.environ.get("VERDICTS_CACHE_DIR"):
        return Path(configured) / "patterns"
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "verdicts" / "patterns"


def _unscannable(pattern: re.Pattern[str]) -> bool:
    """Whether the scan could miss a match of the pattern: it names a letter, digit, space or cased
    symbol beyond ASCII (the stand-ins would hide it; "ⓐ" matches "Ⓐ" under re.IGNORECASE, and
    Hyperscan folds only ASCII) or a character by its code (\\xE9, \\351, \\u00E9, \\N{...}),
    spells something PCRE reads otherwise ("{,n}", "[[:alpha:]]"), or excludes characters by name
    ("[^a-z]" takes "é" but not its stand-in "x"); or it is verbose."""
    source = pattern.pattern
    beyond_ascii = any(not c.isascii() and (c.isalnum() or c.isspace() or c.lower() != c.upper())
                       for c in source)
    classes = _CLASS.findall(source)
    return (bool(pattern.flags & re.VERBOSE) or beyond_ascii or _READ_OTHERWISE.search(source) is not None
            or any(negated and _NAMES_A_CHARACTER.search(members) for negated, members in classes)
            or any(_NON_ASCII_RANGE.search(members) for _, members in classes))


# What Python's `re` and PCRE (Hyperscan's dialect) read differently, or a character named by its
# code: an unescaped backslash before u, U, N, x or an octal triple; "{,n}"; a POSIX class "[:alpha:]".
_READ_OTHERWISE = re.compile(r"(?<!\\)(?:\\\\)*\\(?:[uUNx]|[0-7]{3}|0)|\{,|\[:\^?[a-z]+:\]")
# A class as written (negated or not, its members with their escapes); whether a negated one names
# a letter, digit or space (a class escape such as \\w, \\d or \\s reads the stand-ins as it reads
# what they stand for); a range with an end beyond ASCII ("[¡-¿]" holds the letters "ª" and "º").
_CLASS = re.compile(r"(?<!\\)\[(\^?)((?:\\.|[^\]\\])*)\]")
_NAMES_A_CHARACTER = re.compile(r"(?<!\\)[A-Za-z0-9 ]|\\[^wWdDsSbB]")
_NON_ASCII_RANGE = re.compile(r"[^\x00-\x7f]-[^\]]|-[^\x00-\x7f]")


def _collect(pattern_id: int, start: int, end: int, flags: int, found: set[int]) -> None:
    """Hyperscan's match handler: note the pattern (each reports once: HS_FLAG_SINGLEMATCH)."""
    found.add(pattern_id)


def _collect_first(pattern_id: int, start: int, end: int, flags: int, found: set[int]) -> bool:
    """The handler of a set of one pattern: note it, and stop the scan there, as `re.search` would."""
    found.add(pattern_id)
    return True


class Prefiltered:
    """An `re.Pattern` that asks its `PatternSet` first whether it can match the text at all.

    Every method takes the arguments `re.Pattern`'s does and gives exactly what it gives. A search
    from `pos` is prefiltered by the whole text (a match from pos is a match in it); one that ends
    before the text does runs unfiltered (a match in a prefix need not be one in the whole: `$`,
    lookaheads). Anything else (`groups`, `subn`, ...) is the pattern's own; a pickle of it is of
    the plain pattern (a set's scratch space belongs to its process)."""

    __slots__ = ("pattern_object", "owner", "index")

    def __init__(self, pattern: re.Pattern[str], owner: PatternSet, index: int) -> None:
        self.pattern_object = pattern
        self.owner = owner
        self.index = index

    def may_match(self, string: str, endpos: int = sys.maxsize) -> bool:
        """False only when the pattern matches nowhere in string (up to endpos)."""
        return endpos < len(string) or self.index in self.owner.candidates(string)

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.pattern_object.search(string, pos, endpos) if self.may_match(string, endpos) else None

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.pattern_object.match(string, pos, endpos) if self.may_match(string, endpos) else None

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.pattern_object.fullmatch(string, pos, endpos) if self.may_match(string, endpos) else None

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        if self.may_match(string, endpos):
            return self.pattern_object.finditer(string, pos, endpos)
        return iter(())

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return self.pattern_object.findall(string, pos, endpos) if self.may_match(string, endpos) else []

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        return self.pattern_object.sub(repl, string, count) if self.may_match(string) else string

    def split(self, string: str, maxsplit: int = 0) -> list[str]:
        return self.pattern_object.split(string, maxsplit) if self.may_match(string) else [string]

    def __getattr__(self, name: str) -> Any:  # pattern, flags, groups, groupindex, subn, scanner
        return getattr(self.pattern_object, name)

    def __reduce__(self) -> tuple[Any, ...]:
        return re.compile, (self.pattern_object.pattern, self.pattern_object.flags)

    def __repr__(self) -> str:
        return f"Prefiltered({self.pattern_object!r})"


# How many texts' candidates a thread keeps: a few suffice (an entry's title, text and link are
# each tried by many patterns in a row), and a small dict is cleared cheaply.
_TEXTS_KEPT = 16


class _StandIns(dict[int, int]):
    """str.translate's table, each character's stand-in worked out on first sight."""

    def __init__(self, kept: set[int]) -> None:
        super().__init__()
        self.kept = kept

    def __missing__(self, code: int) -> int:
        character = chr(code)
        if code in self.kept:
            stand_in = character
        elif character in _FOLDS_TO_ASCII:
            stand_in = _FOLDS_TO_ASCII[character]
        elif code < 128:  # what both read alike, but the separators 1C-1F (`re` reads \\s)
            stand_in = " " if 0x1C <= code <= 0x1F else character
        elif character.isdecimal():
            stand_in = "0"
        elif character.isalnum() or character == "_":
            stand_in = "x"
        elif character.isspace():
            stand_in = " "
        else:
            stand_in = character
        self[code] = ord(stand_in)
        return self[code]


# ASCII characters `re` reads as \s and Hyperscan does not (str.isspace: the separators 1C-1F)
_ODD_ASCII_SPACE = re.compile(r"[\x1c-\x1f]")
_MAX_SCAN_BYTES = 2**32 - 1
