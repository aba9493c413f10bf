"""Fact forms the older tables lacked, on phrasings of our own: boards and handhelds by their full
names, integer precisions as bit widths, prices in more currencies and per more units, free below a
threshold or for a class of users, and stores whose names do not say "Store"; each with
distractors (another model's hardware, a precision compared with, a promotion that ends)."""

from __future__ import annotations

import pytest

from scrapers.facts import extract_facts
from tests.scrapers.test_facts_kinds import pairs

# (text, kind, expected (value, negated) pairs in order)
FORMS: list[tuple[str, str, list[tuple[str, bool]]]] = [
    # hardware: Jetson modules by their full names, boards with their memory, handhelds, MCUs
    ("Inference runs on a Jetson Orin Nano at 15 fps.", "hardware", [("Jetson Orin Nano", False)]),
    ("Tested on the 32GB Jetson AGX Xavier in our lab cart.", "hardware", [("Jetson AGX Xavier", False)]),
    ("It fits a Jetson Orin NX 8GB with room to spare.", "hardware", [("Jetson Orin NX", False)]),
    ("The whole pipeline lives on a 4GB Raspberry Pi 4.", "hardware",
     [("4GB RAM", False), ("Raspberry Pi 4", False)]),
    ("Flash it to a Raspberry Pi 5 (16GB) and plug in a mic.", "hardware",
     [("16GB RAM", False), ("Raspberry Pi 5", False)]),
    ("A build for the Raspberry Pi Zero 2 W is included.", "hardware", [("Raspberry Pi Zero 2 W", False)]),
    ("The firmware targets the Raspberry Pi Pico 2.", "hardware", [("Raspberry Pi Pico 2", False)]),
    ("Keyword spotting on an ESP32-C3 in under 200 KB.", "hardware", [("ESP32-C3", False)]),
    ("Holds 40 frames a second on a Steam Deck OLED.", "hardware", [("Steam Deck OLED", False)]),
    # ... not another model's hardware, nor hardware the tool hands to what it runs
    ("Ours is quicker on a Jetson Orin Nano than BigVLA (30B) does on an H100.", "hardware",
     [("Jetson Orin Nano", False)]),
    ("Twice as fast as what LargeNet manages on an A100.", "hardware", [("A100", False)]),
    ("Adds GPU passthrough for T4 and L4 hosts.", "hardware", []),
    ("Ships drivers for H100 nodes.", "hardware", []),
    # quantisation: integer precisions are bit widths; a precision compared with is not one shipped
    ("Weights ship as INT8 for the NPU.", "quantisation", [("8-bit", False)]),
    ("We export int4 checkpoints by default.", "quantisation", [("4-bit", False)]),
    ("An 8-bit build and an INT8 ONNX file, the same thing.", "quantisation", [("8-bit", False)]),
    ("The 3-bit weights take a third less flash than int8.", "quantisation", [("3-bit", False)]),
    ("The 4-bit weights are half the size of INT8.", "quantisation", [("4-bit", False)]),
    # prices: more currencies and units, one-off, compute units
    ("Hosted runners cost $0.00004 per vCPU-second.", "entry_price", [("$0.00004 per vCPU-second", False)]),
    ("Training is billed at $1.10 per GPU-hour.", "entry_price", [("$1.10 per GPU-hour", False)]),
    ("Plans start at ₦1,200/month for a single till.", "entry_price", [("₦1,200/month", False)]),
    ("₺450 a month, cancel any time.", "entry_price", [("₺450/month", False)]),
    ("Fleet tracking is €30 per robot per month.", "entry_price", [("€30/robot/month", False)]),
    ("Schools pay ₹150 a month per teacher.", "entry_price", [("₹150/seat/month", False)]),
    ("It's a one-off £25, no subscription.", "entry_price", [("£25 one-time", False)]),
    ("The desktop app is NZ$60 one-off.", "entry_price", [("NZ$60 one-time", False)]),
    ("After that it is PLN 49 a month.", "entry_price", [("PLN 49/month", False)]),
    ("Cheaper than Rivalbot, which costs ₦9,000/month.", "entry_price", []),
    ("Unlike Rivalbot, which charges $30 a month, ours is $12 a month.", "entry_price",
     [("$12/month", False)]),
    ("Our plan is $5/month, which is cheap.", "entry_price", [("$5/month", False)]),
    # free below a line, or for a class of users; not a promotion that ends
    ("Free until your studio grosses $50K.", "entry_price", [("free tier", False)]),
    ("Free until you hit 10,000 monthly users, then $19 a month.", "pricing_model", [("freemium", False)]),
    ("Free for registered charities; everyone else pays £8 a month.", "pricing_model", [("freemium", False)]),
    ("Free until March, then $5 a month.", "entry_price", [("$5/month", False)]),
    ("Free until March, then $5 a month.", "pricing_model", []),
    # open source said as a plan or a refusal
    ("We are not open-sourcing the engine.", "pricing_model", [("open_source", True)]),
    ("We're open-sourcing the whole thing today under MIT.", "pricing_model", [("open_source", False)]),
    ("We plan on open-sourcing it next year.", "pricing_model", []),
    # stores whose names do not say "Store"
    ("The add-in is listed on Microsoft AppSource.", "distribution", [("Microsoft AppSource", False)]),
    ("Grab the Unreal plugin on Fab.", "distribution", [("Fab", False)]),
    ("Fab results from the lab.", "distribution", []),
    ("Install the library from the PlatformIO Registry.", "distribution", [("PlatformIO Registry", False)]),
    ("Search for it in the Arduino Library Manager.", "distribution", [("Arduino Library Manager", False)]),
    ("Out now on Steam, and the demo is on itch.io.", "distribution", [("itch.io", False), ("Steam", False)]),
    ("It runs well on a Steam Deck.", "distribution", []),
    # open weights refused in the first person, or said to stay closed
    ("We don't ship weights; the model is API-only.", "open_weights", [("no", False)]),
    ("The weights remain closed for now.", "open_weights", [("no", False)]),
    ("We never publish the model weights.", "open_weights", [("no", False)]),
    ("The weights stay proprietary.", "open_weights", [("no", False)]),
    ("We won't share weights, sorry.", "open_weights", [("no", False)]),
    ("We do not offer weights for download.", "open_weights", [("no", False)]),
    ("We never distribute weights outside the EU.", "open_weights", [("no", False)]),
    ("We do not release weights for the 70B, but the 8B is open weights.", "open_weights", [("yes", False)]),
    ("Customers never share data with us: it runs on their machines.", "open_weights", []),
    # parameters: thousands with their word; a size before the noun a robotics or vision model is
    ("The model has 95K parameters.", "parameters", [("95K", False)]),
    ("Our 250K-parameter model wakes on one word.", "parameters", [("250K", False)]),
    ("Trained on 90K clips, the model has 3M parameters.", "parameters", [("3M", False)]),
    ("Show HN: Gantry – a 7B robot policy for pick-and-place", "parameters", [("7B", False)]),
    ("Lark is a 2B VLA for kitchen arms.", "parameters", [("2B", False)]),
    ("We raised $7B worth of attention for robot policies.", "parameters", []),
    # benchmarks of image and video generation
    ("It leads VBench among open video models.", "benchmark", [("VBench", False)]),
    ("Our images score 0.81 on GenEval.", "benchmark", [("GenEval", False)]),
    # licence said as "it's MIT"
    ("It's MIT, so fork away.", "license", [("MIT", False)]),
    ("It’s MIT.", "license", [("MIT", False)]),
    ("It's MIT-backed research.", "license", []),
    ("It's MIT's new lab.", "license", []),
    # base models: both of two named, "fine-tuned it from", not a dataset or the user's fine-tune
    ("It is not fine-tuned from a Llama or Qwen checkpoint.", "base_model",
     [("Llama", True), ("Qwen", True)]),
    ("Vellum is not a fine-tune of Mistral or Gemma; we trained it ourselves.", "base_model",
     [("Mistral", True), ("Gemma", True)]),
    ("We fine-tuned it from Phi-4 on support tickets.", "base_model", [("Phi", False)]),
    ("It was fine-tuned on Reddit and Wikipedia.", "base_model", []),
    ("Orrin is not a fine-tune of Wan or HunyuanVideo.", "base_model",
     [("Wan", True), ("HunyuanVideo", True)]),
    ("It was not distilled from Whisper or Canary.", "base_model", [("Whisper", True), ("Canary", True)]),
    ("How to fine-tune Llama on your laptop.", "base_model", []),
    ("You can fine-tune Qwen3 with your own data.", "base_model", []),
    # technique: fine-tuning when a fine-tune of a named model is said and no method is named
    ("Under the hood is a fine-tune of Qwen3 on 40,000 contracts.", "technique", [("fine-tuning", False)]),
    ("We fine-tuned it from Phi-4 on support tickets.", "technique", [("fine-tuning", False)]),
    ("Wren is Mistral 7B fine-tuned with LoRA on tickets.", "technique", [("LoRA", False)]),
    ("It was fine-tuned from Gemma 2 with DPO.", "technique", [("DPO", False)]),
    ("It is not a Llama fine-tune.", "technique", []),
    ("We plan to release a version fine-tuned from Gemma 3 next year.", "technique", []),
    ("How to fine-tune Llama on your laptop.", "technique", []),
]

# Every currency added to the price tables, by code and by sign, with an amount either side.
FORMS += [(f"The team plan is {code} 120 a month.", "entry_price", [(f"{code} 120/month", False)])
          for code in ("PLN", "HUF", "RON", "TRY", "NGN", "KES", "IDR", "THB", "MYR", "ILS", "AED", "TWD",
                       "ARS", "CLP", "COP", "EGP", "UAH")]
FORMS += [(f"Hosting is {sign}75 per month, billed monthly.", "entry_price", [(f"{sign}75/month", False)])
          for sign in ("₦", "₺", "₱", "₪", "₴", "₫")]


@pytest.mark.parametrize(("text", "kind", "expected"), FORMS)
def test_each_form_in_varied_phrasing(text: str, kind: str, expected: list[tuple[str, bool]]):
    assert pairs(text, kind) == expected


@pytest.mark.parametrize(("text", "kind", "expected"), FORMS)
def test_every_snippet_is_a_literal_span_of_the_text(text: str, kind: str, expected: object):
    assert all(fact.snippet in text for fact in extract_facts(text))


# (headline, body, record kind, the vendor expected) from the blog of "Fenwood Labs"
RELEASES: list[tuple[str, str, str, list[str]]] = [
    ("Quillon 2.1: faster drafts", "We made drafting twice as fast and fixed the export bug.", "release", []),
    ("Quillon now reads PDFs", "Drop a PDF in and we do the rest.", "release", []),
    ("Quillon 2.1: faster drafts", "Fenwood Labs made drafting twice as fast.", "release", ["Fenwood Labs"]),
    # (the maker's name said only as the start of the product's is the product's: as editors label
    # releases, the maker is the launch's to say)
    ("Fenwood Rerank 2: more languages", "Fenwood Rerank 2 reads 40 languages.", "release", []),
    ("Fenwood Rerank 2: more languages",
     "Fenwood Rerank 2 reads 40 languages; Fenwood Labs trained it on news.", "release", ["Fenwood Labs"]),
    ("Quillon 2.1 is here", "", "release", ["Fenwood Labs"]),
    ("Meet Quillon", "We built Quillon to draft letters in your voice.", "launch", ["Fenwood Labs"]),
]


@pytest.mark.parametrize(("title", "body", "kind", "expected"), RELEASES)
def test_a_release_names_its_maker_only_where_its_text_does(title: str, body: str, kind: str,
                                                             expected: list[str]):
    found = extract_facts(body, title=title, source="Fenwood Labs blog", kind=kind, name=title.split()[0])
    assert [f.value for f in found if f.kind == "vendor"] == expected
