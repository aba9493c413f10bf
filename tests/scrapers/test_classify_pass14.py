"""Fourteenth classification pass (tune21's misreads, by phrasing class): a Korean launch notice
("X 출시", "X 정식 출시"); a product's pricing page titled in Dutch, German, French, Spanish, Italian
or Portuguese at its site's page of that name; a command-line flag and a schema's "model" are no AI word;
a hub id's owner ("acme/Quill-7B") is the vendor of the same name's domain ("acme.ai", or a post there),
so both resolve to one tool. Each with what must keep its reading."""

import pytest

from scrapers.classify import EntryKind, Origin, classify, is_ai_product
from scrapers.resolve import KnownTool, ToolIndex


def _at(title: str, url: str, text: str = "") -> tuple[EntryKind, str | None]:
    verdict = classify(title, text, url=url, origin=Origin.POST)
    return verdict.kind, verdict.product


# --- a Korean launch notice -------------------------------------------------------------------------------


@pytest.mark.parametrize(("title", "product"), [
    ("바람결 노트(Baramgyeol Note) 출시: 회의록을 자동으로 정리합니다", "Baramgyeol Note"),
    ("도토리 스캔 정식 출시", "도토리 스캔"),
    ("Kkachi Search 출시 — 사내 문서를 한 번에 검색하세요", "Kkachi Search"),
    ("새벽별 AI 공개", "새벽별 AI"),
])
def test_a_korean_launch_notice_is_the_products_launch(title, product):
    assert _at(title, "https://barams.kr/blog/note", "회의록을 자동으로 요약하는 AI 서비스입니다.") == (
        EntryKind.LAUNCH, product)


@pytest.mark.parametrize("title", [
    "바람결 노트 출시 1주년 기념 이벤트",  # an anniversary event of a launch
    "출시 후기: 우리가 배운 것",  # what was learned after a launch, no product named first
    "신제품 출시 일정 안내",  # a schedule of launches to come
])
def test_a_korean_event_or_retrospective_is_no_launch(title):
    assert _at(title, "https://barams.kr/blog/news")[0] is EntryKind.OTHER


# --- a pricing page in another language -------------------------------------------------------------------


@pytest.mark.parametrize(("title", "url", "product"), [
    ("Prijzen — Reigerpost", "https://reigerpost.nl/prijzen", "Reigerpost"),
    ("Preise | Flinkschreib", "https://flinkschreib.de/preise", "Flinkschreib"),
    ("Tarifs – Papillon Notes", "https://papillon.fr/tarifs", "Papillon Notes"),
    ("Precios - Colibrí Dictado", "https://colibri.es/precios", "Colibrí Dictado"),
])
def test_a_pricing_page_titled_in_another_language_is_the_products(title, url, product):
    assert _at(title, url) == (EntryKind.LAUNCH, product)


@pytest.mark.parametrize(("title", "url"), [
    ("Nieuwe prijzen voor Reigerpost", "https://reigerpost.nl/blog/nieuwe-prijzen"),  # a post about prices
    ("Preise — Flinkschreib", "https://flinkschreib.de/blog/preise-2027"),  # not the pricing page
])
def test_a_post_about_prices_in_another_language_is_no_pricing_page(title, url):
    assert _at(title, url) != (EntryKind.LAUNCH, title.split()[-1])


# --- a flag or a schema's model is no AI word -------------------------------------------------------------


@pytest.mark.parametrize(("title", "text"), [
    ("v2.1.0", "csvlark 2.1.0\nNew: csvlark show --model prints the inferred schema model."),
    ("v0.9.0", "The --model option chooses which schema model the validator checks against."),
])
def test_a_flag_or_a_schema_model_does_not_make_a_tool_ai(title, text):
    assert not is_ai_product(title, text, is_ai_tool=True)


@pytest.mark.parametrize(("title", "text"), [
    ("v2.1.0", "pass --model to choose which language model writes the summary"),
    ("v0.9.0", "Swap the model: llama 3 or qwen, whichever you run locally."),
])
def test_a_model_that_writes_still_makes_a_tool_ai(title, text):
    assert is_ai_product(title, text, is_ai_tool=True)


# --- a hub id's owner is the vendor's domain --------------------------------------------------------------


def test_a_hub_id_whose_owner_is_the_vendors_domain_is_its_tool():
    index = ToolIndex([KnownTool(1, "Brisket 12B", "brisketlabs.ai")])
    assert index.find("brisketlabs/Brisket-12B", "https://huggingface.co/brisketlabs/Brisket-12B") == 1
    index = ToolIndex([KnownTool(2, "brisketlabs/Brisket-12B", "huggingface.co/brisketlabs/brisket-12b")])
    assert index.find("Brisket 12B", "https://brisketlabs.ai") == 2


@pytest.mark.parametrize(("name", "url"), [
    ("otherowner/Brisket-12B", "https://huggingface.co/otherowner/Brisket-12B"),  # another owner
    ("brisketlabs/Marrow-3B", "https://huggingface.co/brisketlabs/Marrow-3B"),  # another model of the owner
])
def test_another_owner_or_another_model_stays_apart(name, url):
    index = ToolIndex([KnownTool(1, "Brisket 12B", "brisketlabs.ai")])
    assert index.find(name, url) is None


def test_a_hub_id_and_a_vendors_post_without_a_site_are_one_tool():
    index = ToolIndex([KnownTool(1, "Brisket 12B", None)])  # a vendor's post: its deep link is no key
    assert index.find("brisketlabs/Brisket-12B", "https://huggingface.co/brisketlabs/Brisket-12B") == 1
    index = ToolIndex([KnownTool(2, "brisketlabs/Brisket-12B", "huggingface.co/brisketlabs/brisket-12b")])
    assert index.find("Brisket 12B", "https://brisketlabs.ai/blog/brisket") == 2


def test_a_post_on_another_vendors_site_stays_apart_from_the_hub_id():
    index = ToolIndex([KnownTool(2, "brisketlabs/Brisket-12B", "huggingface.co/brisketlabs/brisket-12b")])
    assert index.find("Brisket 12B", "https://otherco.com/blog/brisket") is None
    index = ToolIndex([KnownTool(1, "Brisket 12B", "brisket.com")])  # a site of its own, not the owner's
    assert index.find("brisketlabs/Brisket-12B", "https://huggingface.co/brisketlabs/Brisket-12B") is None


# --- what a speech or vision model makes -----------------------------------------------------------------


@pytest.mark.parametrize(("title", "text"), [
    ("Quillmoor", "Transcripts for meetings and interviews at $0.30 per hour of audio."),
    ("Harebell", "Speaker-labelled transcripts in twelve languages, exported as SRT."),
    ("Show HN: Glimmerby – captions for your screenshots",
     "It writes alt text for every screenshot you take."),
    ("Fennick 0.2", "Fennick runs TinyVLM-256M on your laptop to tag photos."),
])
def test_what_a_speech_or_vision_model_makes_reads_as_ai(title, text):
    assert is_ai_product(title, text, is_ai_tool=False)


@pytest.mark.parametrize(("title", "text"), [
    ("Ep. 12: the court case", "A transcript of the hearing is available on our site."),  # a transcript
    ("Brackwater CMS 3.1", "Editors can now add alt text to every image before publishing."),  # by hand
    ("v2.0.0", "Renamed the VLMX config loader; HVLM files are read too."),  # capitals of another name
])
def test_a_transcript_given_or_alt_text_added_by_hand_is_not_ai(title, text):
    assert not is_ai_product(title, text, is_ai_tool=False)
