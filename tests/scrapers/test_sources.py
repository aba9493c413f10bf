import re
from pathlib import Path

import pytest

from scrapers.sources import SourcesFileError, check_sources, load_sources
from verdicts.settings import SAMPLES_DIR


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_local_paths_are_resolved_against_the_file(tmp_path):
    path = write(tmp_path, '[[source]]\nname = "a"\nurl = "feeds/a.xml"\n'
                           '[[source]]\nname = "b"\nurl = "https://example.com/feed"\nenabled = false\n')
    sources = load_sources(path)
    assert [s.name for s in sources] == ["a"]
    assert sources[0].url == str(tmp_path / "feeds" / "a.xml")
    assert sources[0].is_local


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[source]]\nname = 'Bad Name'\nurl = 'x'\n", ":2: source 'Bad Name': name: use 1-63 lowercase"),
        ("[[source]]\nname = 'a'\n", ":1: source 'a': url: Field required"),
        ("[[source]]\nname = 'a'\nurl = 'ftp://x'\n", ":3: source 'a': url: must be an http(s) URL"),
        ("[[source]]\nname = 'a'\nurl = 'x'\nkind = 'carrier-pigeon'\n",
         ":4: source 'a': kind: Input should be"),
        ("[[source]]\nname = 'a'\nurl = 'x'\ncolour = 'red'\n",
         ":4: source 'a': colour: unknown key; the keys are name, kind, url"),
        ("[[source]]\nname = 'a'\nurl = 'x'\n[[source]]\nname = 'a'\nurl = 'y'\n",
         ":5: source 'a': name 'a' is used twice (first at line 2)"),
        ("title = 'no sources'\n", "sources.toml: no [[source]] entries"),
        ("[[source]\nname=",
         ":1: not valid TOML: Expected ']]' at the end of an array declaration (column 9)"),
    ],
)
def test_invalid_files_say_what_is_wrong(tmp_path, text, message):
    with pytest.raises(SourcesFileError, match=re.escape(message)):
        load_sources(write(tmp_path, text))


PAGE = """\
[[source]]
name = "vendor-news"
kind = "page"
url = "https://vendor.example/news"
enabled = true
[source.selectors]
item = "article.post"
title = "h2"
link = "a.more"
link_attr = "data-href"
summary = "p.lede"
date = "time"
"""


def test_a_page_source(tmp_path):
    (source,) = load_sources(write(tmp_path, PAGE))
    assert source.kind == "page" and source.selectors is not None
    assert source.selectors.item == "article.post"
    assert source.selectors.link_attr == "data-href"
    assert (source.selectors.summary, source.selectors.date) == ("p.lede", "time")


def test_selectors_may_be_inline_and_optional_parts_left_out(tmp_path):
    text = ('[[source]]\nname = "p"\nkind = "page"\nurl = "pages/p.html"\n'
            'selectors = { item = "li", title = "a", link = "a" }\n')
    (source,) = load_sources(write(tmp_path, text))
    assert source.selectors is not None
    selectors = source.selectors
    assert (selectors.link_attr, selectors.summary, selectors.date) == ("href", None, None)


BROKEN = """\
# Sources for the demo                                     line 1
[[source]]
name = "good-feed"
url = "https://good.example/feed.xml"

[[source]]
name = "Bad Name"
url = "ftp://files.example/feed"

[[source]]
name = "vendor-news"
kind = "page"
url = "https://vendor.example/news"
[source.selectors]
item = "article.post"
title = "h2["
summary = "p.lede"

[[source]]
name = "a-feed"
kind = "feed"
url = "https://a.example/feed"
refresh = 10
[source.selectors]
item = "li"

[[source]]  # no name at all
kind = "page"
url = "https://b.example/"

[[source]]
name = "good-feed"
url = "https://good.example/other.xml"
selectors.item = "li:nth-child("
"""


def test_check_sources_reports_every_problem_on_its_line(tmp_path):
    problems = check_sources(write(tmp_path, BROKEN))
    assert [(p.line, p.source, p.message) for p in problems] == [
        (7, "Bad Name", "name: use 1-63 lowercase letters, digits and dashes, not starting with a dash"),
        (8, "Bad Name", "url: must be an http(s) URL or a path relative to the sources file"),
        (14, "vendor-news", "selectors.link: Field required"),
        (16, "vendor-news", "selectors.title: not a valid CSS selector 'h2[': "
                            "Malformed attribute selector at position 2"),
        (23, "a-feed",
         "refresh: unknown key; the keys are name, kind, url, category, ai, enabled, selectors"),
        (24, "a-feed", 'selectors: only a source of kind = "page" has selectors'),
        (27, None, "name: Field required"),
        (27, None, "selectors: a page source needs a [source.selectors] table with item, title and link"),
        (32, "good-feed", "name 'good-feed' is used twice (first at line 3)"),
        (34, "good-feed", "selectors: only a source of kind = \"page\" has selectors"),
    ]


def test_load_sources_lists_every_problem_as_path_line(tmp_path):
    path = write(tmp_path, BROKEN)
    with pytest.raises(SourcesFileError) as raised:
        load_sources(path)
    lines = str(raised.value).splitlines()
    assert len(lines) == 10
    assert lines[0] == f"{path}:7: source 'Bad Name': name: use 1-63 lowercase letters, digits and dashes, " \
                       "not starting with a dash"
    assert lines[6] == f"{path}:27: name: Field required"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[[source]]\nname = 'a'\nurl = 'x'\nkind = 'page'\n[source.selectors]\nitem = 'li'\ntitle = 'a'\n",
         [(5, "a", "selectors.link: Field required")]),
        ("[[source]]\nname = 'a'\nurl = 'x'\nkind = 'page'\n"
         "selectors = { item = 'li', title = 'a', link = 'a[' }\n",
         [(5, "a", "selectors.link: not a valid CSS selector 'a[': "
                   "Malformed attribute selector at position 1")]),
        ("[[source]]\nname = 'a'\nurl = 'x'\nkind = 'page'\nselectors.item = 'li'\nselectors.title = '!'\n"
         "selectors.link = 'a'\n",
         [(6, "a", "selectors.title: not a valid CSS selector '!': Invalid character '!' position 0")]),
        ("[[source]]\nname = 'a'\nurl = 'x'\n\n[[source]]\n  \"name\" = 'b'\n  url = ''\n",
         [(7, "b", "url: String should have at least 1 character")]),
        ("[[source]]\nname = 'a'\nurl = 'x'\n[settings]\nurl = 3\n", []),
        ("[[source]]\nname = 'a'\nurl = 'x'\nkind = 'pages'\n",
         [(4, "a", "kind: Input should be 'feed' or 'page'")]),
        ("x = 1\n\n[[source]\n",
         [(3, None, "not valid TOML: Expected ']]' at the end of an array declaration (column 9)")]),
        ("source = 'feed'\n", [(None, None, "no [[source]] entries")]),
        # inline sources have no [[source]] lines to point at
        ("source = [{ name = 'a', url = 'x', colour = 'red' }]\n",
         [(None, "a",
           "colour: unknown key; the keys are name, kind, url, category, ai, enabled, selectors")]),
        ("[[source]]\nname = 'a'\nurl = 'x'\nkind = 'page'\n[source.selectors]\nitem = 'li'\ntitle = 'a'\n"
         "link = 'a'\nlink-attr = 'data-x'\n",
         [(9, "a", "selectors.link-attr: unknown key; "
                   "the keys are item, title, link, link_attr, summary, date")]),
        # a line separator inside a string is not a new line for TOML
        ("[[source]]\nname = 'a'\ncategory = 'x\u2028y'\nurl = 'ftp://x'\n",
         [(4, "a", "url: must be an http(s) URL or a path relative to the sources file")]),
    ],
)
def test_check_sources_lines(tmp_path, text, expected):
    assert [(p.line, p.source, p.message) for p in check_sources(write(tmp_path, text))] == expected


def test_check_sources_of_a_good_file_and_of_no_file(tmp_path):
    assert check_sources(write(tmp_path, PAGE)) == []
    assert check_sources(SAMPLES_DIR / "sources.toml") == []
    (problem,) = check_sources(tmp_path / "nope.toml")
    assert problem.describe(tmp_path / "nope.toml") == f"{tmp_path / 'nope.toml'}: sources file not found"


def test_missing_file(tmp_path):
    with pytest.raises(SourcesFileError, match="sources file not found"):
        load_sources(tmp_path / "nope.toml")
