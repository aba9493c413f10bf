import re
from pathlib import Path

import pytest

from scrapers.sources import SourcesFileError, load_sources


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
        ("[[source]]\nname = 'Bad Name'\nurl = 'x'\n", "source #1 (Bad Name): name"),
        ("[[source]]\nname = 'a'\n", "source #1 (a): url: Field required"),
        ("[[source]]\nname = 'a'\nurl = 'ftp://x'\n", "must be an http(s) URL"),
        ("[[source]]\nname = 'a'\nurl = 'x'\nkind = 'carrier-pigeon'\n", "kind"),
        ("[[source]]\nname = 'a'\nurl = 'x'\ncolour = 'red'\n", "colour: Extra inputs"),
        ("[[source]]\nname = 'a'\nurl = 'x'\n[[source]]\nname = 'a'\nurl = 'y'\n", "used twice"),
        ("title = 'no sources'\n", "no [[source]] entries"),
        ("[[source]\nname=", "not valid TOML"),
    ],
)
def test_invalid_files_say_what_is_wrong(tmp_path, text, message):
    with pytest.raises(SourcesFileError, match=re.escape(message)):
        load_sources(write(tmp_path, text))


def test_missing_file(tmp_path):
    with pytest.raises(SourcesFileError, match="sources file not found"):
        load_sources(tmp_path / "nope.toml")
