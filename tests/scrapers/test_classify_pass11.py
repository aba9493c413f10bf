"""Eleventh classification pass (tune19's misreads, by phrasing class): a product's listing in an app store, a
marketplace or an extension directory is its launch (a later version's listing its release); a package
registry's page of a first version is the package's launch; a maker's own post on a newsletter platform
titled as a launch or a release ("I spent a year building X. Today it's live.", "Today I'm launching X",
"X 1.5 is here") is one, though the link alone reads as an issue; launch titles in German, French, Spanish,
Portuguese, Italian and Japanese ("Wir stellen vor: X", "Conheça o X:", "X, notre modèle ...",
"「X」提供開始");
their AI vocabulary (KI, IA, intelligence artificielle, 人工知能 ...); "X enters public beta" names X; "X is
now generally available" after a beta the text tells of is X's release; a product's own pricing page titled
by it is its launch; a release titled by its version alone resolves by its repository's name. Each with what
must keep its reading."""

import pytest

from scrapers.classify import EntryKind, Origin, classify, is_ai_product
from scrapers.resolve import KnownTool, ToolIndex
from tests.scrapers.classify_reading import reader

_read = reader("https://fernhost.dev/blog/post")


def _at(title: str, url: str, text: str = "") -> tuple[EntryKind, str | None]:
    verdict = classify(title, text, url=url, origin=Origin.POST)
    return verdict.kind, verdict.product


# --- a store's listing --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("title", "url", "product"), [
    ("Quellmark — lint your prompts as you type", "https://marketplace.visualstudio.com/items?itemName=ab.qm",
     "Quellmark"),
    ("Quellmark", "https://open-vsx.org/extension/ab/quellmark", "Quellmark"),
    ("Harrowdeck", "https://plugins.jetbrains.com/plugin/31415-harrowdeck", "Harrowdeck"),
    ("Tabwisp", "https://chromewebstore.google.com/detail/tabwisp/abcdef", "Tabwisp"),
    ("Tabwisp", "https://addons.mozilla.org/en-US/firefox/addon/tabwisp/", "Tabwisp"),
    ("Dicegull", "https://discord.com/application-directory/998877665544332211", "Dicegull"),
    ("Huddlefinch", "https://slack.com/marketplace/A0123ABCDEF-huddlefinch", "Huddlefinch"),
    ("Shelfbird", "https://apps.shopify.com/shelfbird", "Shelfbird"),
    ("Noterook", "https://apps.apple.com/us/app/noterook/id1234567890", "Noterook"),
])
def test_a_store_listing_is_the_listed_products_launch(title, url, product):
    assert _at(title, url) == (EntryKind.LAUNCH, product)


def test_a_store_listing_of_a_later_version_is_its_release():
    kind, product = _at("Noterook: Voice Journal 3.0", "https://apps.apple.com/us/app/noterook/id1234567890")
    assert (kind, product) == (EntryKind.RELEASE, "Noterook")


@pytest.mark.parametrize(("title", "url"), [
    ("Updates to our extension review policy", "https://developer.chrome.com/blog/review-policy-2027"),
    ("How we review Slack apps before they are listed", "https://slack.com/blog/developers/app-review"),
    ("Tabwisp review: a tab tidier that mostly works", "https://gadgetmoor.com/reviews/tabwisp"),
])
def test_a_stores_own_post_or_a_review_of_a_listing_is_no_launch(title, url):
    assert _at(title, url)[0] is EntryKind.OTHER


# --- a package registry's first version ---------------------------------------------------------------------


@pytest.mark.parametrize(("title", "url", "text"), [
    ("ploverkit 1.0.0", "https://www.npmjs.com/package/ploverkit", "Typed agent loops. First release."),
    ("wrenprobe 0.1.0", "https://pypi.org/project/wrenprobe/0.1.0/", "Red-team your LLM endpoint."),
])
def test_a_registry_page_of_a_first_version_is_the_packages_launch(title, url, text):
    assert _at(title, url, text)[0] is EntryKind.LAUNCH


@pytest.mark.parametrize(("title", "url"), [
    ("ploverkit 2.3.1", "https://www.npmjs.com/package/ploverkit"),
    ("wrenprobe 0.4.0", "https://pypi.org/project/wrenprobe/0.4.0/"),
])
def test_a_registry_page_of_a_later_version_stays_a_release(title, url):
    assert _at(title, url, "Bug fixes and a faster judge.")[0] is EntryKind.RELEASE


# --- a maker's own post on a newsletter platform ------------------------------------------------------------


@pytest.mark.parametrize(("title", "kind", "product"), [
    ("I spent two years building Loamwise. Today it's live.", EntryKind.LAUNCH, "Loamwise"),
    ("We spent eight months making Brindle, and now it's on Google Play", EntryKind.LAUNCH, "Brindle"),
    ("Today I'm launching Loamwise", EntryKind.LAUNCH, "Loamwise"),
    ("Loamwise 2.1 is here (and it finally syncs)", EntryKind.RELEASE, "Loamwise 2.1"),
])
def test_a_makers_launch_on_a_newsletter_platform_is_its_launch(title, kind, product):
    assert _at(title, "https://loamwise.substack.com/p/post") == (kind, product)


@pytest.mark.parametrize("title", [
    "I launched Loamwise and it failed",
    "I spent two years building Loamwise. Here's what I learned",
    "Sunday notes: seeds, soil and side projects",
    "#12: three apps I tried this month",
])
def test_an_essay_or_an_issue_on_a_newsletter_platform_stays_other(title):
    assert _at(title, "https://loamwise.substack.com/p/post")[0] is EntryKind.OTHER


# --- launches in other languages ----------------------------------------------------------------------------


@pytest.mark.parametrize(("title", "product"), [
    ("Wir stellen vor: Kanzleibote – KI-Entwürfe für Mandantenbriefe", "Kanzleibote"),
    ("Kanzleibote ist ab sofort verfügbar", "Kanzleibote"),
    ("Lumenfeld stellt Kanzleibote vor", "Kanzleibote"),
    ("Cartable, notre assistant pour corriger les dictées", "Cartable"),
    ("Atelier Brume lance Cartable", "Cartable"),
    ("Découvrez Cartable : l'assistant des enseignants", "Cartable"),
    ("Presentamos Tendero: pedidos por voz para tiendas", "Tendero"),
    ("Tendero ya está disponible", "Tendero"),
    ("Conheça o Roçado: previsão de safra no seu celular", "Roçado"),
    ("Roçado já está disponível", "Roçado"),
    ("Vi presentiamo Brezza: riassunti delle riunioni", "Brezza"),
    ("会議要約AI「Kazamidori」提供開始のお知らせ", "Kazamidori"),
    ("「Kazamidori」を発表", "Kazamidori"),
])
def test_a_launch_title_in_another_language_names_its_product(title, product):
    verdict = _read(title, "")
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, product)


@pytest.mark.parametrize(("title", "text"), [
    ("Was der AI Act für Kanzleien bedeutet", "Die neue KI-Verordnung der EU gilt ab August."),
    ("La lettre du vendredi : trois lectures sur l'intelligence artificielle", ""),
    ("「AI Summit Yokohama 2027」開催のお知らせ", "本イベントでは生成AIの最新事例を紹介します。"),
    ("Le ministère présente le plan IA pour l'école", ""),
    ("Voici comment nous avons réduit nos coûts", ""),
])
def test_news_a_letter_or_an_event_in_another_language_is_no_launch(title, text):
    assert _read(title, text).kind is EntryKind.OTHER


@pytest.mark.parametrize(("title", "text"), [
    ("Kanzleibote", "KI-Entwürfe für Mandantenbriefe, direkt in Ihrer Kanzleisoftware."),
    ("Cartable", "Un outil d'intelligence artificielle pour corriger les dictées."),
    ("Tendero", "Un modelo de visión cuenta el inventario con una foto."),
    ("Roçado", "Previsão de safra com inteligência artificial."),
    ("Kazamidori", "人工知能が会議の要点をまとめます。"),
])
def test_ai_vocabulary_in_another_language_reads_as_ai(title, text):
    assert is_ai_product(title, text, is_ai_tool=False)


@pytest.mark.parametrize(("title", "text"), [
    ("Kanzleibote", "Digitale Mandantenbriefe, direkt in Ihrer Kanzleisoftware."),
    ("Cartable", "Un cahier de textes en ligne pour la classe."),
])
def test_a_product_in_another_language_without_ai_words_is_not_ai(title, text):
    assert not is_ai_product(title, text, is_ai_tool=False)


# --- a public beta, and general availability after it -------------------------------------------------------


def test_entering_public_beta_names_the_product():
    verdict = _read("Ferrule Scribe enters public beta", "Ferrule Scribe is open to every clinic from today.")
    assert (verdict.kind, verdict.product) == (EntryKind.LAUNCH, "Ferrule Scribe")


def test_general_availability_after_a_beta_the_text_tells_of_is_a_release():
    verdict = _read("Ferrule Scribe is now generally available",
                    "After three months of public beta, Ferrule Scribe is generally available today.")
    assert (verdict.kind, verdict.product) == (EntryKind.RELEASE, "Ferrule Scribe")


def test_general_availability_with_no_beta_told_stays_a_launch():
    verdict = _read("Ferrule Scribe is now generally available", "Dictation notes for every vet clinic.")
    assert verdict.kind is EntryKind.LAUNCH


def test_a_private_beta_stays_other():
    assert _read("Ferrule Scribe enters private beta", "").kind is EntryKind.OTHER


# --- a product's own pricing page ---------------------------------------------------------------------------


@pytest.mark.parametrize(("title", "url"), [
    ("Tallowdesk pricing", "https://tallowdesk.com/pricing"),
    ("Pricing | Tallowdesk", "https://tallowdesk.com/pricing/"),
    ("Plans & pricing – Tallowdesk", "https://tallowdesk.com/en/plans"),
])
def test_a_products_pricing_page_is_its_launch(title, url):
    assert _at(title, url) == (EntryKind.LAUNCH, "Tallowdesk")


@pytest.mark.parametrize(("title", "url"), [
    ("New pricing for Tallowdesk teams", "https://tallowdesk.com/blog/new-pricing"),
    ("Tallowdesk pricing changes in 2027", "https://tallowdesk.com/blog/pricing-changes"),
    ("Tallowdesk pricing", "https://tallowdesk.com/blog/tallowdesk-pricing"),
    ("Our pricing", "https://tallowdesk.com/pricing"),
])
def test_a_post_about_pricing_or_a_page_not_named_by_the_product_is_no_launch(title, url):
    assert _at(title, url)[0] is EntryKind.OTHER


# --- a release titled by its version alone, resolved by its repository --------------------------------------


def test_a_version_only_release_resolves_by_its_repositorys_name():
    index = ToolIndex([KnownTool(1, "Brackwater 12B", "brackwater.ai")])
    assert index.find("v2.3.0", "https://gitlab.com/tarnlabs/brackwater/-/releases/v2.3.0") == 1


def test_a_named_release_on_a_repository_keeps_its_own_name():
    index = ToolIndex([KnownTool(1, "Brackwater 12B", "brackwater.ai")])
    assert index.find("Sedgeline 0.4", "https://gitlab.com/tarnlabs/sedgeline/-/releases/v0.4") is None
