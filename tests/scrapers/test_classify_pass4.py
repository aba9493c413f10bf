"""Fourth classification pass (record_tune8's misreads, by phrasing class): launches titled by a tagline
alone whose text offers the product by name, "The X beta is open to all", "Available from today: X",
"Today <company> launches X"; what a made-open-source product and a pre-release tag are (releases);
and hedges that stay other (early access, a private beta, an invitation)."""

import pytest

from scrapers.classify import EntryKind, Origin, classify
from tests.scrapers.classify_reading import reader

BLOG = "https://marisol.example/blog/post"


_read = reader(BLOG)


# --- a tagline title over a text that offers the product ------------------------------------------


@pytest.mark.parametrize(
    ("title", "text", "product"),
    [("Meetings, minus the minutes", "Vantora Notes joins your calls and writes the decisions down. "
      "Try Vantora Notes free for a fortnight.", "Vantora Notes"),
     ("All your invoices, one inbox", "Papiro is our new bookkeeping app for sole traders in Spain. "
      "Papiro costs €6 a month.", "Papiro"),
     ("Forecasts for the corner shop", "Sklepik predicts tomorrow's bread order from the till roll. "
      "Sign up at sklepik.pl and it is free until March.", "Sklepik"),
     ("Kvarn, by Møller Data, plans your milling schedule", "Mills lose a day a month to changeovers. "
      "Download Kvarn for Windows and import last year's orders.", "Kvarn")],
)
def test_a_tagline_title_over_a_text_offering_the_product_by_name_is_its_launch(title, text, product):
    verdict = _read(title, text)
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, product)


@pytest.mark.parametrize(
    ("title", "text"),
    # a post about a product people use, named inside the title; a text offering another name;
    # a text opening on a company that offers nothing by its name
    [("Three ways clinics use Vantora Notes", "Vantora Notes writes the minutes. Try Vantora Notes "
      "free for a fortnight."),
     ("Bread, baked to order", "Sklepik predicts the bread order. Try Papiro for your invoices."),
     ("A quieter month", "Marisol Data moved offices in October. Coffee is on us if you visit.")],
)
def test_a_text_that_offers_nothing_it_opens_on_stays_other(title, text):
    assert _read(title, text).kind is EntryKind.OTHER


# --- launches by the title or the text's announcement ---------------------------------------------


@pytest.mark.parametrize(
    ("title", "product"),
    [("The Quillo beta is now open to everyone", "Quillo"),
     ("The Harrow Maps preview opens to all", "Harrow Maps"),
     ("Available from today: Tessik Voice, made in Tallinn", "Tessik Voice"),
     ("Starting today: Brisa Translate", "Brisa Translate")],
)
def test_an_article_before_the_name_or_from_today_before_it_still_names_the_launch(title, product):
    verdict = _read(title)
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, product)


@pytest.mark.parametrize(
    "text",
    ["Today Oficina Nube launches Contador: photograph a receipt and it is posted to your ledger.",
     "Today, Kōbō Systems introduces Tegami, an assistant for replying to customer letters."],
)
def test_a_text_telling_today_a_company_launches_a_product_announces_it(text):
    assert _read("Paperwork, done", text).kind is EntryKind.LAUNCH


# --- releases: made open source, a pre-release tag ---------------------------------------------------


@pytest.mark.parametrize(
    ("title", "product"),
    [("Tessik Voice is now open source", "Tessik Voice"),
     ("Brisa goes open source", "Brisa"),
     ("We've open-sourced Harrow Maps", "Harrow Maps"),
     ("Quillo, now open-sourced", "Quillo")],
)
def test_an_existing_product_made_open_source_is_its_release(title, product):
    verdict = _read(title, "Its code is on GitHub under the MIT licence from today.")
    assert (verdict.kind, verdict.product) == (EntryKind.RELEASE, product)


@pytest.mark.parametrize(
    "title",
    ["Open-sourcing Quillo, our agent sandbox", "The weights are out: Tessik Voice",
     "Brisa is now available"],
)
def test_presenting_something_new_as_open_stays_a_launch(title):
    text = "Quillo is a new tool that runs agents in a sandbox; it is available today."
    assert _read(title, text).kind is EntryKind.LAUNCH


def _release(tag: str, text: str = "<p>Faster model loading and a new tokenizer.</p>") -> EntryKind:
    url = f"https://github.com/marisol/quillo/releases/tag/{tag}"
    return classify(f"quillo {tag}", text, url=url, origin=Origin.RELEASES, is_ai=True).kind


@pytest.mark.parametrize("tag", ["v1.0.0-rc1", "0.2.0rc1", "v2.1.0-beta.2", "3.0.0a1", "v0.9.0-alpha"])
def test_a_pre_release_tag_of_an_ai_project_is_a_release(tag):
    assert _release(tag) is EntryKind.RELEASE


@pytest.mark.parametrize("tag", ["v0.1.0-rc1", "v1.0.0", "v0.1.0"])
def test_a_first_tag_stays_a_launch_even_as_a_pre_release(tag):
    assert _release(tag) is EntryKind.LAUNCH


def test_a_pre_release_whose_notes_say_first_release_is_a_launch():
    assert _release("v0.3.0-rc1", "<p>The first public release of quillo.</p>") is EntryKind.LAUNCH


# --- hedges: out to a chosen few ------------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    ["Early access to Brisa Translate: apply by 1 February", "Quillo enters private beta with six banks",
     "Request an invite to Harrow Maps", "Tessik Voice: a closed preview for broadcasters"],
)
def test_early_access_or_a_private_beta_is_not_yet_a_launch(title):
    text = "A few customers will get early access and test it before anything is available to everyone."
    assert _read(title, text).kind is EntryKind.OTHER
