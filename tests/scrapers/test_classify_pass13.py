"""Thirteenth classification pass (tune20's misreads, by phrasing class): a podcast a product makes
("X turns any script into a podcast") is no episode; "X turns any / every ..." over a text offering it, and a
metered price ("$0.01 per minute") as that offer; a registry's page titled by the package alone, the version
opening its text, is that version's (its first the launch); two model providers listed as a tool's backends
make it AI; a 1.0 tag whose notes tell what changed from before is a release; one owner's repositories on two
code hosts resolve to one tool. Each with what must keep its reading."""

import pytest

from scrapers.classify import EntryKind, Origin, classify, is_ai_product
from scrapers.resolve import KnownTool, ToolIndex


def _at(title: str, url: str, text: str = "") -> tuple[EntryKind, str | None]:
    verdict = classify(title, text, url=url, origin=Origin.POST)
    return verdict.kind, verdict.product


def _tag(title: str, text: str) -> EntryKind:
    url = f"https://github.com/quillmere/quillmere/releases/tag/{title}"
    return classify(title, text, url=url, origin=Origin.RELEASES, is_ai=True).kind


# --- a podcast a product makes, and what it does for any input, offered -------------------------------------

_PRICED = "Paste a script and two hosts talk it through, at $0.02 per minute of audio."


@pytest.mark.parametrize(("title", "text", "product"), [
    ("Brindlecast turns any blog post into a podcast", _PRICED, "Brindlecast"),
    ("Harrowtone turns every lecture into a two-voice podcast", "On iOS and Android today.", "Harrowtone"),
    ("Quarrow turns any PDF into a spreadsheet", "Tables come out as rows, at €0.01 a page.", "Quarrow"),
    ("Pellbrook drafts your replies", "Connect your inbox; $0.004 per request after that.", "Pellbrook"),
])
def test_a_product_telling_what_it_does_for_any_input_offered_is_its_launch(title, text, product):
    assert _at(title, "https://brindle.fm/blog/launch", text) == (EntryKind.LAUNCH, product)


@pytest.mark.parametrize(("title", "text"), [
    ("Episode 12: turning essays into a podcast", _PRICED),  # an episode by its number
    ("The Quarry podcast is back for a second season", _PRICED),
    ("Listen to our podcast", _PRICED),
    ("How we turned our docs into a podcast", ""),  # a how-to, not an episode, still no launch
    ("Inflation turns any savings into dust", "Prices rose again in November."),  # nothing offered
    ("Pellbrook drafts your replies", "We wrote about what email does to a week."),
])
def test_an_episode_or_a_claim_offering_nothing_is_no_launch(title, text):
    assert _at(title, "https://brindle.fm/blog/launch", text)[0] is EntryKind.OTHER


# --- a registry's page titled by the package, its version in the text --------------------------------------


@pytest.mark.parametrize(("title", "url", "text", "kind"), [
    ("quillsort", "https://www.npmjs.com/package/quillsort", "0.1.0 • Public • Published 3 hours ago",
     EntryKind.LAUNCH),
    ("brisa-tools", "https://pypi.org/project/brisa-tools/", "1.0.0 · Released today", EntryKind.LAUNCH),
    ("@fernhost/relay", "https://www.npmjs.com/package/@fernhost/relay",
     "2.3.1 • Public • Published a week ago", EntryKind.RELEASE),
])
def test_a_registry_page_titled_by_the_package_is_read_by_the_version_it_shows(title, url, text, kind):
    assert _at(title, url, text) == (kind, title)


@pytest.mark.parametrize(("title", "url", "text"), [
    ("quillsort", "https://www.npmjs.com/package/quillsort", "A tiny sorting helper for arrays."),
    ("quillsort", "https://quillsort.dev/blog/notes", "0.1.0 • Public • Published 3 hours ago"),  # not one
])
def test_a_registry_page_without_its_version_or_another_site_is_no_launch(title, url, text):
    assert _at(title, url, text)[0] is EntryKind.OTHER


# --- model providers listed as a tool's backends -----------------------------------------------------------


@pytest.mark.parametrize(("title", "text"), [
    ("v0.1.0", "Reviews diffs and comments on them.\nBackends: openai, ollama, openrouter"),
    ("Marrowby CLI", "Point it at Anthropic or OpenRouter and it answers questions on your shell history."),
    ("tidepipe 0.3", "Supported providers: Groq / Mistral / LM Studio."),
])
def test_model_providers_listed_as_backends_make_a_tool_ai(title, text):
    assert is_ai_product(title, text, is_ai_tool=False)


@pytest.mark.parametrize(("title", "text"), [
    ("v2.0.0", "Adds an OpenAI-style error format to the HTTP client."),  # one name, as a format
    ("Harrow Notes", "OpenAI and together we visited the conference."),  # "together" is no provider here
    ("datefold 4.1", "New Welsh locale; fixes DST transitions in Gemini County."),
])
def test_a_lone_provider_name_or_common_words_do_not_make_a_tool_ai(title, text):
    assert not is_ai_product(title, text, is_ai_tool=False)


# --- a 1.0 tag whose notes tell what changed --------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Quillmere 1.0\nRelicensed from GPL-3.0 to MIT.\nNew export format.",
    "Breaking changes: the config file moved to ~/.quillmere.toml.",
    "Upgrading from 0.9: run quillmere migrate once.",
    "The hosted tier is now $5/month (was $8). A Rust parser replaces the Python one.",
])
def test_a_first_major_version_whose_notes_tell_what_changed_is_a_release(text):
    assert _tag("v1.0.0", text) is EntryKind.RELEASE


@pytest.mark.parametrize(("title", "text"), [
    ("v1.0.0", "Quillmere 1.0\nQuillmere summarises your PDFs. pip install quillmere."),
    ("v0.1.0", "Replaces the old shell script we used internally."),  # a first version stays the launch
    ("v1.0.0", "First public release. Breaking changes will be announced here."),  # said to be the first
])
def test_a_first_release_without_changes_or_said_first_stays_a_launch(title, text):
    assert _tag(title, text) is EntryKind.LAUNCH


# --- one owner's repositories on two code hosts ------------------------------------------------------------


def test_one_owners_repositories_on_two_code_hosts_are_one_tool():
    index = ToolIndex([KnownTool(1, "Quillmere 7B", "huggingface.co/acme/quillmere-7b")])
    assert index.find("v1.1.0", "https://github.com/acme/quillmere/releases/tag/v1.1.0") == 1
    assert index.find("quillmere", "https://codeberg.org/acme/quillmere") == 1


@pytest.mark.parametrize("url", [
    "https://github.com/brisaloom/quillmere/releases/tag/v1.1.0",  # another owner
    "https://huggingface.co/brisaloom/quillmere-7b",
])
def test_another_owners_repository_of_that_name_stays_apart(url):
    index = ToolIndex([KnownTool(1, "Quillmere 7B", "huggingface.co/acme/quillmere-7b")])
    assert index.find("quillmere", url) is None


def test_two_repositories_of_one_owner_on_one_host_stay_apart():
    index = ToolIndex([KnownTool(1, "Quillmere", "github.com/acme/quillmere")])
    assert index.find("quillmere", "https://github.com/acme/quillmere-legacy") is None
