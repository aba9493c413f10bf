"""Phrasing classes of the thirteenth facts pass (record_tune20's precision traps), each in wordings of our
own on the tool "Quorl" of the invented company Tolland, with the distractor beside it that the rule must
not drop: hardware the makers tested or developed on, a customer's own servers, the platforms a serving
engine's kernels support and a model card's training hardware are not what the tool needs; a licence the
tool had before and a base model's licence in brackets are not its licence; a size inside a repository's
path is no size."""

from __future__ import annotations

import pytest

from scrapers.facts import extract_facts


def of_kind(text: str, kind: str) -> list[tuple[str, bool]]:
    return [(fact.value, fact.negated) for fact in extract_facts(text, source="Tolland blog", name="Quorl")
            if fact.kind == kind]


PASS13_PHRASES: list[tuple[str, str, list[tuple[str, bool]]]] = [
    # --- hardware that is not the tool's floor
    ("We benchmarked Quorl on an H200 and an RTX 6000 Ada.", "hardware", []),
    ("The inference scripts were tested on A100, H100 and MI300X.", "hardware", []),
    ("I developed it against an A100 box at the lab; a laptop is plenty.", "hardware", []),
    ("Our launch customer, a regional grocer, runs its forecasting on a rack of NVIDIA L40S servers.",
     "hardware", []),
    ("Unser Pilotkunde betreibt sie auf einem Server mit vier NVIDIA A100.", "hardware", []),
    ("FP8 kernels on Hopper (H100) by @okoye in #812", "hardware", []),
    ("AMD MI250 is now a tier-2 platform (#820)", "hardware", []),
    ("Training hardware: 32x H100, 6 days", "hardware", []),
    # (distractors: where it is said to run, a bare "Tested on" in a list, a need after the testing)
    ("Tested on a Raspberry Pi 4 and an ESP32-S3.", "hardware",
     [("Raspberry Pi 4", False), ("ESP32-S3", False)]),
    ("It's tested on an RTX 3060 and needs about 6 GB of VRAM.", "hardware",
     [("6GB GPU", False), ("RTX 3060", False)]),
    ("We tested it on a Mac mini, and it runs on any Mac with 8GB of RAM.", "hardware", [("8GB RAM", False)]),
    ("Customers can run Quorl on a single 24GB GPU.", "hardware", [("24GB GPU", False)]),
    # --- a licence the tool left, and a base model's licence in brackets
    ("Quorl 2 is released under Apache-2.0. Quorl 1 was CC-BY-NC-4.0.", "license", [("Apache-2.0", False)]),
    ("Fine-tuned from Tolland/Quorl-Base-7B (MIT)", "license", []),
    # (distractor: the tool's own licence in brackets)
    ("Quorl is open source (MIT).", "license", [("MIT", False)]),
    # --- a size inside a repository's path
    ("Weights: huggingface.co/tolland/Quorl-9B.", "parameters", []),
    # (distractor: the same size said as one)
    ("Quorl-9B is a 9B model for contracts.", "parameters", [("9B", False)]),
    # --- a model said to do the tool's work, as its subject
    ("On your phone, Whisper transcribes and a 4-bit Qwen3 1.7B writes the summary.", "base_model",
     [("Whisper", False), ("Qwen", False)]),
    ("Quorl reads your receipts and has Claude Haiku draft the expense report.", "base_model",
     [("Claude", False)]),
    ("Cards are now written by Gemma 3; Whisper still does the transcription.", "base_model",
     [("Gemma", False), ("Whisper", False)]),
    ("Transcription runs on NVIDIA's Parakeet; summaries still come from Mistral Small.", "base_model",
     [("Parakeet", False), ("Mistral", False)]),
    ("Quorl lists your open tabs and writes a summary of each, using Gemini Nano.", "base_model",
     [("Gemini", False)]),
    ("Quorl usa GPT-4.1 a través de Azure OpenAI.", "base_model", [("GPT", False)]),
    ("As respostas são escritas pelo Gemini 2.5 Flash.", "base_model", [("Gemini", False)]),
    # --- allowances and supported limits are no context window; a withdrawn export; a hoped-for listing
    ("The API is $0.40 per million tokens, and the first 5 million tokens each month are free.",
     "context_length", []),
    ("Context up to 2M tokens for models that support it (#2210)", "context_length", []),
    ("The GPTQ export is no longer built; use the GGUF files.", "quantisation",
     [("GGUF", False), ("GPTQ", True)]),
    ("Quorl is on the Snowflake Marketplace; an Azure Marketplace version is expected in the spring.",
     "distribution", [("Snowflake Marketplace", False)]),
    # (distractors: a window said as one, a listing said as live)
    ("Quorl reads a 256K-token context window.", "context_length", [("256K tokens", False)]),
    ("Quorl is on the Snowflake Marketplace and the Azure Marketplace.", "distribution",
     [("Snowflake Marketplace", False), ("Azure Marketplace", False)]),
    # --- a rival's price said "for comparison" in another language; the first ones free in it
    ("À titre de comparaison, Dictaphone Pro coûte environ 80 $ par mois. Quorl coûte 19 € par mois.",
     "entry_price", [("€19/month", False)]),
    ("Zum Vergleich: Schreibwerk kostet 40 € pro Monat. Quorl kostet 12 € pro Monat.", "entry_price",
     [("€12/month", False)]),
    ("O preço é R$ 0,15 por conversa; as primeiras 50 conversas de cada mês são grátis.", "entry_price",
     [("free tier", False), ("R$ 0.15 per conversation", False)]),
    ("Les 20 premières pages sont gratuites, puis 0,01 € par page.", "entry_price",
     [("free tier", False), ("€0.01 per page", False)]),
    ("Los primeros 100 mensajes son gratis; después, 0,02 USD por mensaje.", "entry_price",
     [("free tier", False), ("0.02 USD per message", False)]),
    ("Die ersten 500 Seiten sind kostenlos, danach 9 € im Monat.", "entry_price",
     [("free tier", False), ("€9/month", False)]),
    # (distractor: the first days free are a trial)
    ("Les 14 premiers jours sont gratuits.", "entry_price", []),
    # --- record_tune21's classes: a sentence that opens by comparing; Dutch, Italian and Polish
    ("Quorl scores 71. For comparison, Ullgate 34B scores 69, needs two A100s and is CC-BY-NC-4.0.",
     "license", []),
    ("Quorl scores 71. For comparison, Ullgate 34B scores 69, needs two A100s and is CC-BY-NC-4.0.",
     "hardware", []),
    ("Quorl is niet open source.", "pricing_model", [("open_source", True)]),
    ("Quorl gira senza GPU su qualsiasi portatile.", "hardware", [("GPU", True)]),
    ("De prijs is €7 per gebruiker per maand.", "entry_price", [("€7/seat/month", False)]),
    ("Il costo è 0,03 € a pagina.", "entry_price", [("€0.03 per page", False)]),
    ("Cena: 0,20 zł za minutę nagrania.", "entry_price", [("0.20 zł per minute", False)]),
    ("The Homebrew formula is no longer maintained; use the installer.", "distribution",
     [("Homebrew", True)]),
    ("Quorl turns receipts into ledgers, first 300 pages a month free", "entry_price",
     [("free tier", False)]),
    ("Quorl costs 9 € per month, and the first 20 reports are for free.", "entry_price",
     [("free tier", False), ("€9/month", False)]),
    ("Speech is transcribed by NVIDIA's Parakeet; notes are written by Mistral Small.", "base_model",
     [("Parakeet", False), ("Mistral", False)]),
    ("Quorl writes alt text with SmolVLM, and reads charts with Moondream.", "base_model",
     [("SmolVLM", False), ("Moondream", False)]),
    ("The FP8 checkpoint fits on one H100; NF4 fits on a 24GB card.", "quantisation",
     [("8-bit", False), ("4-bit", False)]),
    # more ways of saying the model the tool is built on, and its fine-tuning
    ("Under the hood is Mistral Small 3, which we fine-tuned on support tickets.", "technique",
     [("fine-tuning", False)]),
    ("The other languages still use our Whisper fine-tune.", "base_model", [("Whisper", False)]),
    ("De spraak is een Whisper-model dat we zelf hebben gefinetuned.", "base_model", [("Whisper", False)]),
    ("Il modello è un Qwen3-8B che abbiamo affinato sulle nostre fatture.", "technique",
     [("fine-tuning", False)]),
    ("De samenvatting schrijft Mistral Small.", "base_model", [("Mistral", False)]),
    ("De spraakherkenning gebruikt nu NVIDIA Parakeet.", "base_model", [("Parakeet", False)]),
    ("Bundled model: SmolVLM-256M, quantised to int8.", "base_model", [("SmolVLM", False)]),
    ("The default captioner is now Moondream 2.", "base_model", [("Moondream", False)]),
    ("Quorl was aligned with ORPO on 40k ranked pairs.", "technique", [("ORPO", False)]),
    # Italian, Polish and Korean allowances, sizes and fees
    ("Prezzi: 0,02 € a pagina; le prime 100 pagine al mese sono gratuite.", "entry_price",
     [("free tier", False), ("€0.02 per page", False)]),
    ("Kosztuje 0,10 zł za minutę; pierwsze 30 minut w miesiącu są bezpłatne.", "entry_price",
     [("free tier", False), ("0.10 zł per minute", False)]),
    ("매달 처음 60분은 무료입니다.", "entry_price", [("free tier", False)]),
    ("Quorl to model o 600 mln parametrów.", "parameters", [("600M", False)]),
    ("Quorl è un modello da 2 miliardi di parametri.", "parameters", [("2B", False)]),
    ("자체 개발한 30억 파라미터 모델을 사용합니다.", "parameters", [("3B", False)]),
    ("I primi 50 documenti sono gratuiti.", "entry_price", [("free tier", False)]),
    ("We take 2% of each payout; there is no subscription.", "entry_price", [("2% per transaction", False)]),
    # (distractors: the first days free are a trial, in those languages too)
    ("I primi 7 giorni sono gratuiti.", "entry_price", []),
    ("Os primeiros 14 dias são grátis.", "pricing_model", []),
    # (distractors: a default that is no model; a model the user fine-tunes)
    ("The default theme is now dark.", "base_model", []),
    ("You can fine-tune Whisper yourself and load it into Quorl.", "technique", []),
    # (distractors: a comparison said mid-sentence keeps the tool's own facts; a rival named plainly)
    ("Quorl is MIT-licensed, in comparison with closed rivals.", "license", [("MIT", False)]),
    # (distractors: a rival's model doing a rival's work, a model compared)
    ("Unlike Otter, where GPT-4 writes the notes, Quorl keeps everything local.", "base_model", []),
    ("Quorl beats GPT-4o, which writes longer summaries.", "base_model", []),
]


@pytest.mark.parametrize(("text", "kind", "expected"), PASS13_PHRASES)
def test_pass13_phrases(text: str, kind: str, expected: list[tuple[str, bool]]) -> None:
    assert sorted(of_kind(text, kind)) == sorted(expected)


# --- a sentence whose subject is the model the tool is built on tells of that model -------------------


PARTNER = ("Quorl is built on Harlow 3, the language model from our partner Vennick. Harlow 3 is a 32B "
           "open-weight model that Vennick publishes under the MIT licence, and it runs on a single 80GB "
           "GPU. Our own weights are not released.")


@pytest.mark.parametrize(("kind", "expected"), [
    ("base_model", [("Harlow", False)]),
    ("parameters", []),
    ("license", []),
    ("hardware", []),
])
def test_the_base_models_own_facts_are_not_the_tools(kind: str, expected: list[tuple[str, bool]]) -> None:
    assert of_kind(PARTNER, kind) == expected


def test_a_sentence_about_the_base_that_speaks_of_the_tool_keeps_its_facts() -> None:
    text = "Quorl is built on Harlow 3. Harlow 3 as we ship it runs on a single 24GB GPU."
    assert of_kind(text, "hardware") == [("24GB GPU", False)]


def test_no_free_tier_answered_makes_nothing_freemium_to_deny() -> None:
    facts = extract_facts("Is there a free tier? Not yet. Quorl Pro is $20 per month.", name="Quorl",
                          source="Tolland blog")
    assert [(f.kind, f.value, f.negated) for f in facts if f.kind in ("pricing_model", "entry_price")] == [
        ("entry_price", "free tier", True), ("entry_price", "$20/month", False)]

