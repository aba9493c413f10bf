"""The Hyperscan prefilter (scrapers.patternset) never drops a pattern Python's `re` would match,
so classifying through it gives what `re` alone gives: on every real text we hold, on generated
texts built of the patterns' own words, Unicode look-alikes and control characters, and in threads."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from scrapers import classify
from scrapers.facts import launch as launch_facts_module
from scrapers.feeds import read_feed
from scrapers.normalise import clean_text, host_of
from scrapers.patternset import PatternSet

SETS = {
    "titles": classify._TITLE_PATTERNS,
    "links": classify._LINK_PATTERNS,
    "ai words": classify._AI_WORD_PATTERNS,
    "opening": classify._OPENING_PATTERNS,
    "not a launch title": launch_facts_module.NOT_A_LAUNCH_TITLE.owner,
}


def missed(patterns: PatternSet, text: str) -> list[str]:
    """The patterns `re` matches in text that the prefilter left out."""
    candidates = patterns.candidates(text)
    return [pattern.pattern[:60] for index, pattern in enumerate(patterns.patterns)
            if pattern.search(text) is not None and index not in candidates]


def real_texts(shared: Path) -> list[str]:
    """Titles, texts, openings and links of every fixture feed and labelled launch text."""
    import sys

    root = Path(__file__).resolve().parents[2]
    sys.path.insert(0, str(root / "bench"))
    import record  # bench/record.py: the labelled sets as one-entry feeds

    feeds = shared / "fixtures" / "feeds"
    bodies = [path.read_bytes() for path in sorted(feeds.rglob("*")) if path.is_file()]
    for path in sorted((root / "bench" / "labelled").glob("record*.jsonl")):
        bodies += [record.feed_document(item) for item in record.load(path)]
    texts = []
    for body in bodies:
        try:
            records = read_feed(body, source="t").records
        except ValueError:
            continue
        for entry in records:
            summary = entry.summary or ""
            where = f"{host_of(entry.url)}{entry.url.split('/', 3)[-1] if entry.url else ''}"
            texts += [entry.title, entry.title.replace("’", "'"), summary, summary[:400],
                      f"{entry.title}\n{summary[:600]}", where, entry.tool_name]
    return texts


def test_no_real_text_loses_a_pattern_to_the_prefilter(shared_dir: Path) -> None:
    texts = real_texts(shared_dir)
    assert len(texts) > 2000
    failures = {(name, text[:80], pattern) for name, patterns in SETS.items() for text in texts
                for pattern in missed(patterns, text)}
    assert not failures


# Words the patterns are made of, so that generated texts do match some of them.
VOCABULARY = sorted({word for patterns in SETS.values() for pattern in patterns.patterns
                     for word in re.findall(r"[A-Za-z]{2,}", pattern.pattern)} - {"x", "d"})
LOOKALIKES = "İıſKÀéßΣσ中٣²\u00a0\u2028\u3000\x1c\x1f\x00\x7f–—’“:;,.!?()#$%/-_ \n\t0123456789"
piece = st.one_of(st.sampled_from(VOCABULARY), st.sampled_from(VOCABULARY).map(str.upper),
                  st.sampled_from(VOCABULARY).map(str.title), st.text(alphabet=LOOKALIKES, max_size=3),
                  st.text(max_size=3))
generated = st.lists(piece, max_size=40).map("".join) | st.lists(piece, max_size=40).map(" ".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(generated)
@example("a smart élève assistant")  # \w in `re` reads "é"; Hyperscan's ASCII \w does not
@example("Ep. ٣")  # so is a digit beyond ASCII for \d
@example("we are HİRİNG")  # re.IGNORECASE folds "İ" to "i"
@example("Ep.\x1c12")  # \s in `re` reads the separator 1C
@example("The Zürich monthly\n")  # `$` before a final newline: ASCII whitespace is read as it is
@example("exämple.com/jobs\n")
def test_no_generated_text_loses_a_pattern_to_the_prefilter(text: str) -> None:
    for name, patterns in SETS.items():
        assert not missed(patterns, text), name


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=LOOKALIKES + "abcdefghijk <>&;pbrli/", max_size=200))
def test_clean_text_folds_whitespace_and_controls_as_the_regex_did(text: str) -> None:
    folded = re.compile(r"[\s\x00-\x1f\x7f]+").sub(" ", text).strip()
    if "<" not in text and "&" not in text:
        assert clean_text(text) == folded


def test_a_prefiltered_pattern_answers_as_its_re_pattern_does() -> None:
    patterns = PatternSet()
    checks = [patterns.compile(r"(?<=\bno )free tier\b", re.I), patterns.compile(r"(\w)\1+"),
              patterns.compile(r"^Ep\.?\s?\d+$"), patterns.compile(r"\bcafé\b", re.I),
              patterns.compile(r"\d{2,}x")]
    texts = ["No free tier here", "a free tier", "Ep. 12", "Ep. 12\n", "Café!", "CAFÉ au lait", "no match",
             "aab", "10x faster", "٣٣x", "İstanbul", "x" * 50]
    for prefiltered in checks:
        plain = prefiltered.pattern_object
        for text in texts:
            found, expected = prefiltered.search(text), plain.search(text)
            assert (found and found.span()) == (expected and expected.span())
            assert bool(prefiltered.match(text)) == bool(plain.match(text))
            assert bool(prefiltered.fullmatch(text)) == bool(plain.fullmatch(text))
            assert [m.span() for m in prefiltered.finditer(text)] == [m.span() for m in plain.finditer(text)]
            assert prefiltered.findall(text) == plain.findall(text)
            assert prefiltered.sub("-", text) == plain.sub("-", text)
            assert prefiltered.split(text) == plain.split(text)
            for pos, end in ((1, len(text)), (0, 3), (2, 5)):  # from pos, and up to endpos
                found, expected = prefiltered.search(text, pos, end), plain.search(text, pos, end)
                assert (found and found.span()) == (expected and expected.span())


# Patterns on which Hyperscan, or the stand-ins, would read some text otherwise than `re`.
TRICKY = [(r"\bcafé\b", re.I), (r"\bsmart (?:[\w-]+ ){0,2}assistants?\b", re.I), (r"stra(?:ß|İ|ﬁ)e", re.I),
          (r"ⓐ", re.I), (r"caf\xe9", 0), (r"caf\351", 0), (r"a\xa0b", 0), (r"[\x80-\xff]", 0), (r"[¡-¿]", 0),
          (r"[^a-z]", 0),
          (r"[^0-9]", 0), (r"[^ ]", 0), (r"[[:alpha:]]", 0), (r"monthly$", 0), (r"^jobs$", re.M), (r"a.b", 0),
          (r"a.b", re.S), (r"\d{2}", 0), (r"\s\S", 0), (r"(?-i:L)\b", re.I), (r"\Bx\B", 0), (r"x\Z", 0)]
TRICKY_TEXT = st.text(alphabet=LOOKALIKES + "abcfjlmnostxyLéÉßİ[]:\xa0\xe9\u00a1\u00aa\u00bf\r\v\f",
                      max_size=30)


@settings(max_examples=400, deadline=None)
@given(TRICKY_TEXT)
@example("a smart élève assistant")  # a pattern that names "é" must not keep "é" from the others' \w
@example("STRASSE and straße, İ, Ⓐ")  # "ß".swapcase() is two characters; "Ⓐ" a cased symbol
@example("café, caf\xe9, a\xa0b, é, ª, ٣, \xa0, [:]")
@example("jobs\nmonthly\n")
def test_a_set_of_tricky_patterns_never_loses_a_match(text: str) -> None:
    patterns = PatternSet([re.compile(source, flags) for source, flags in TRICKY])
    assert not missed(patterns, text)


def test_a_pattern_hyperscan_would_read_otherwise_is_tried_on_every_text() -> None:
    patterns = PatternSet()
    accented = patterns.compile(r"\bcafé\b", re.I)  # a non-ASCII letter: \b beside it differs
    escaped = patterns.compile(r"\u2013x")  # an escape PCRE spells \x{2013}
    plain = patterns.compile(r"\bplain\b")
    candidates = patterns.candidates("nothing here")
    assert {accented.index, escaped.index} <= candidates
    assert plain.index not in candidates
    assert escaped.search("a –x") is not None


def test_a_prefiltered_pattern_takes_re_patterns_arguments_and_pickles_as_one() -> None:
    import pickle

    patterns = PatternSet()
    hiring = patterns.compile(r"(?P<verb>hir)ing\b", re.I)
    assert hiring.search("we are hiring", pos=3).span() == (7, 13)
    assert hiring.search("we are hiring", endpos=9) is None  # "hir" alone is no match
    assert hiring.search("we are hiring", 0, 100).span() == (7, 13)
    assert hiring.sub(repl="-", string="Hiring, hiring", count=1) == "-, hiring"
    assert hiring.subn("-", "hiring hiring") == ("- -", 2)
    assert (hiring.groups, hiring.groupindex["verb"], hiring.flags & re.I) == (1, 1, re.I)
    assert pickle.loads(pickle.dumps(hiring)).search("HIRING").span() == (0, 6)


def test_a_set_takes_no_pattern_once_compiled() -> None:
    patterns = PatternSet()
    patterns.compile(r"one")
    patterns.candidates("one")
    with pytest.raises(RuntimeError):
        patterns.compile(r"two")


def test_threads_scan_with_their_own_scratch_and_agree() -> None:
    texts = [f"We are hiring {n}" if n % 3 else f"Introducing Quill {n}: an AI notebook" for n in range(300)]
    expected = [classify._TITLE_PATTERNS.candidates(text) for text in texts]
    results: dict[int, list[frozenset[int]]] = {}

    def work(slot: int) -> None:
        results[slot] = [classify._TITLE_PATTERNS._scan(text) for text in texts]

    threads = [threading.Thread(target=work, args=(slot,)) for slot in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(found == expected for found in results.values())


def test_a_compiled_set_is_cached_and_a_damaged_cache_is_compiled_again(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("VERDICTS_CACHE_DIR", str(tmp_path))
    words = [r"\bpodcast\b", r"\bhiring\b", r"\bwebinar\b"]
    first = PatternSet([re.compile(word, re.I) for word in words])
    assert first.candidates("Join our WEBINAR") == {2}
    [cached] = (tmp_path / "patterns").iterdir()
    cached.write_bytes(b"not a database")
    again = PatternSet([re.compile(word, re.I) for word in words])
    assert again.candidates("we are hiring, podcast at 5") == {0, 1}
    assert cached.read_bytes() != b"not a database"  # written anew
    other = PatternSet([re.compile(r"\bpodcast\b")])  # another set (case-sensitive): its own file
    assert other.candidates("PODCAST") == frozenset()
    assert len(list((tmp_path / "patterns").iterdir())) == 2
