"""Phrasing classes of the twelfth facts pass (record_tune19's launch texts in German, French, Spanish,
Portuguese, Japanese and Indonesian), each in wordings of our own on the tool "Quorl" of the invented
company Tolland, with the distractor beside it that the rule must not read: a price whose sign comes after
the amount and whose unit is said in the text's language ("24 € pro Nutzer und Monat", "15 € par
utilisateur et par mois", "月額1,480円", "Rp 49.000 per bulan"); a free tier and a free tool in those
languages ("einen kostenlosen Tarif ... gibt es nicht", "plan gratuito", "毎月50件までは無料"); "quelloffen";
memory as "8 Go de RAM", "un GPU de 16 Go", "sans carte graphique"; a base model and its fine-tuning
("affiné à partir de", "basiert auf", "una versión de X que ajustamos", "ein feinabgestimmtes X-Modell");
sizes counted in words ("3 milliards de paramètres", "12億パラメータ") and a size promised ("prévue")."""

from __future__ import annotations

import pytest

from scrapers.facts import extract_facts


def of_kind(text: str, kind: str) -> list[tuple[str, bool]]:
    name = "Quorl Vision" if text.startswith("Quorl Vision") else "Quorl"
    return [(fact.value, fact.negated) for fact in extract_facts(text, source="Tolland blog", name=name)
            if fact.kind == kind]


PASS12_PHRASES: list[tuple[str, str, list[tuple[str, bool]]]] = [
    # --- a price in the text's own language: the sign after the amount, "per" and "and" as it says them
    ("Quorl kostet 24 € pro Nutzer und Monat.", "entry_price", [("€24/seat/month", False)]),
    ("Ab 9,50 € im Monat, jederzeit kündbar.", "entry_price", [("€9.50/month", False)]),
    ("Preis: 5 € je Arbeitsplatz im Monat.", "entry_price", [("€5/seat/month", False)]),
    ("Quorl kostet 19 € monatlich pro Nutzer.", "entry_price", [("€19/seat/month", False)]),
    ("L'abonnement coûte 15 € par utilisateur et par mois.", "entry_price", [("€15/seat/month", False)]),
    ("Tarif : 3,5 € HT par utilisateur et par mois.", "entry_price", [("€3.5/seat/month", False)]),
    ("Les écoles paient 120 € par an.", "entry_price", [("€120/year", False)]),
    ("Cuesta 8 USD al mes por usuario.", "entry_price", [("8 USD/seat/month", False)]),
    ("Precio: desde 12 USD al mes por tienda.", "entry_price", [("12 USD/store/month", False)]),
    ("O plano Pro custa R$ 39 por mês.", "entry_price", [("R$ 39/month", False)]),
    ("料金：月額1,480円（税込）から。", "entry_price", [("¥1,480/month", False)]),
    ("Harganya Rp 49.000 per bulan untuk satu toko.", "entry_price", [("Rp 49,000/month", False)]),
    # (distractors: a count per user is no price; "pro" in a plan's name is no "per"; an English price
    # keeps its reading)
    ("Quorl unterstützt 24 Sprachen pro Nutzer und Monat.", "entry_price", []),
    ("Free to start, with a $4/mo pro plan for teams.", "entry_price",
     [("free tier", False), ("$4/month", False)]),
    ("The Team plan is $20 per seat per month.", "entry_price", [("$20/seat/month", False)]),
    # --- a free tier and a free tool in those languages
    ("Es gibt einen kostenlosen Tarif für Einzelpersonen; Pro kostet 9 € pro Monat.", "entry_price",
     [("free tier", False), ("€9/month", False)]),
    ("Einen kostenlosen Tarif gibt es nicht, aber 30 Tage zum Testen.", "entry_price", [("free tier", True)]),
    ("Kein kostenloser Tarif, nur 9 € pro Monat.", "entry_price", [("free tier", True), ("€9/month", False)]),
    ("Le plan gratuit inclut trois projets.", "entry_price", [("free tier", False)]),
    ("Plan gratuito: hasta 50 facturas al mes.", "entry_price", [("free tier", False)]),
    ("Grátis: até 5 horas por mês. Pro: R$ 29 por mês.", "pricing_model", [("freemium", False)]),
    ("L'application est gratuite pour les enseignants ; les écoles paient 2 € par élève et par an.",
     "pricing_model", [("freemium", False)]),
    ("Bis zu 3 Projekte sind kostenlos, danach 9 € pro Monat.", "entry_price",
     [("free tier", False), ("€9/month", False)]),
    ("毎月50件までは無料でご利用いただけます。", "entry_price", [("free tier", False)]),
    ("Quorl est gratuit.", "pricing_model", [("free", False)]),
    ("Quorl ist kostenlos und läuft im Browser.", "pricing_model", [("free", False)]),
    # (the words a free tier is named by in each language)
    *((f"Quorl a {words}; Pro coûte 9 € par mois.", "entry_price",
       [("free tier", False), ("€9/month", False)])
      for words in ("un plano gratuito", "une versión gratuita", "une versão grátis", "une version gratuite",
                    "une offre gratuite", "une formule gratuite", "un niveau gratuit", "un nivel gratuito",
                    "une tarifa gratuita", "une cuenta gratuita", "une conta gratuita", "un compte gratuit",
                    "une Gratis-Version", "un Free-Tarif")),
    ("Hasta 3 proyectos son gratis, luego 9 € al mes.", "entry_price",
     [("free tier", False), ("€9/month", False)]),
    ("Jusqu'à 3 projets sont gratuits, puis 9 € par mois.", "entry_price",
     [("free tier", False), ("€9/month", False)]),
    ("Jusqu’à 3 projets sont gratuits, puis 9 € par mois.", "entry_price",
     [("free tier", False), ("€9/month", False)]),
    ("Até 3 projetos são grátis, depois R$ 19 por mês.", "entry_price",
     [("free tier", False), ("R$ 19/month", False)]),
    ("O Quorl é grátis.", "pricing_model", [("free", False)]),
    ("Quorl es gratuito y funciona sin conexión.", "pricing_model", [("free", False)]),
    # (distractors: a trial's days, a free trial)
    ("Die Testphase ist bis zu 14 Tage kostenlos.", "entry_price", []),
    ("L'essai gratuit dure 30 jours.", "entry_price", []),
    # --- open source, as German and Spanish say it
    ("Quorl ist nicht quelloffen.", "pricing_model", [("open_source", True)]),
    ("Quorl es de código abierto.", "pricing_model", [("open_source", False)]),
    ("Quorl es de codigo abierto.", "pricing_model", [("open_source", False)]),
    # --- memory and a GPU, as those languages say them
    ("Il faut 8 Go de RAM.", "hardware", [("8GB RAM", False)]),
    ("Funciona en teléfonos Android con 4 GB de RAM.", "hardware", [("4GB RAM", False)]),
    ("Il demande un GPU de 16 Go.", "hardware", [("16GB GPU", False)]),
    ("Quorl läuft lokal auf einer GPU mit 24 GB Speicher.", "hardware", [("24GB GPU", False)]),
    ("Il faut 12 Go de VRAM.", "hardware", [("12GB GPU", False)]),
    ("Il faut une carte graphique de 8 Go.", "hardware", [("8GB GPU", False)]),
    ("Necesita una tarjeta gráfica con 12 GB.", "hardware", [("12GB GPU", False)]),
    ("Precisa de uma placa de vídeo com 8 GB.", "hardware", [("8GB GPU", False)]),
    ("Quorl braucht eine Grafikkarte mit 12 GB.", "hardware", [("12GB GPU", False)]),
    ("Il tourne sur un portable, sans carte graphique.", "hardware", [("GPU", True)]),
    ("Läuft ohne Grafikkarte auf jedem Laptop mit 16 GB Arbeitsspeicher.", "hardware",
     [("16GB RAM", False), ("GPU", True)]),
    # (distractor: a disk is no memory)
    ("Un disque de 512 Go suffit.", "hardware", []),
    # --- the model it is built on, and its fine-tuning
    ("Quorl est affiné à partir de Qwen2.5-3B sur nos copies.", "base_model", [("Qwen", False)]),
    ("Quorl est affiné à partir de Qwen2.5-3B sur nos copies.", "technique", [("fine-tuning", False)]),
    ("Die Transkription übernimmt ein auf Deutsch feinabgestimmtes Whisper-Modell.", "base_model",
     [("Whisper", False)]),
    ("Die Transkription übernimmt ein auf Deutsch feinabgestimmtes Whisper-Modell.", "technique",
     [("fine-tuning", False)]),
    ("El modelo es una versión de PaliGemma que ajustamos con fotos de tiendas.", "base_model",
     [("PaliGemma", False)]),
    ("A transcrição usa um Whisper ajustado para sotaques regionais.", "technique", [("fine-tuning", False)]),
    ("Quorl est basé sur Mistral 7B.", "base_model", [("Mistral", False)]),
    ("Quorl basiert auf Llama 3.1 und läuft lokal.", "base_model", [("Llama", False)]),
    # (distractors: "basé sur" an experience, "ajusta" a price)
    ("Basé sur notre expérience, Quorl est rapide.", "base_model", []),
    ("Quorl ajusta los precios en tiempo real.", "technique", []),
    # --- sizes counted in words, and a size promised
    ("Nous publions Quorl, un modèle de 3 milliards de paramètres.", "parameters", [("3B", False)]),
    ("Quorl ist ein Modell mit 7 Milliarden Parametern.", "parameters", [("7B", False)]),
    ("Quorl tiene 500 millones de parámetros.", "parameters", [("500M", False)]),
    ("当社が独自に学習した12億パラメータの文書理解モデルを使用します。", "parameters", [("1.2B", False)]),
    ("Quorl existe désormais en deux tailles : 3B et 8B.", "parameters", [("3B", False), ("8B", False)]),
    ("Quorl est un modèle 3B. Une version 8B est prévue pour le printemps.", "parameters", [("3B", False)]),
    ("Quorl gibt es in drei Größen: 1B, 3B und 8B.", "parameters",
     [("1B", False), ("3B", False), ("8B", False)]),
    ("Quorl viene en dos tamaños: 1B y 3B.", "parameters", [("1B", False), ("3B", False)]),
    ("Quorl vem em dois tamanhos: 3B e 8B.", "parameters", [("3B", False), ("8B", False)]),
    # (distractor: a count of words is no size)
    ("Quorl a été entraîné sur 3 milliards de mots.", "parameters", []),
    # --- what a platform's release posts say (the real captures' classes, in our own words)
    # fine-tuning as the feature released
    ("Fine-tune Quorl 2 Mini in the Tolland console", "technique", [("fine-tuning", False)]),
    ("QLoRA Fine-Tuning Support Is Now Live on Quorl Cloud", "technique",
     [("QLoRA", False), ("fine-tuning", False)]),
    ("Quorl now supports fine-tuning on your own documents.", "technique", [("fine-tuning", False)]),
    ("Fine-tuning is now available for every Quorl model.", "technique", [("fine-tuning", False)]),
    # (distractors: a fine-tuning promised, the users' own)
    ("Fine-tuning is coming soon to Quorl.", "technique", []),
    ("You can fine-tune Llama 3 with your own data and serve it through Quorl.", "technique", []),
    # a maker's cards by name
    ("Quorl now supports AMD graphics cards on Windows and Linux.", "hardware", [("AMD GPU", False)]),
    ("Quorl runs on a Radeon RX 7900 XTX.", "hardware", [("AMD GPU", False)]),
    # (distractor: a CPU by that maker is no GPU)
    ("Quorl runs on an AMD Ryzen laptop.", "hardware", []),
    # sizes after the tool's whole name
    ("Quorl Vision 7B and 40B models are now available on Tolland Cloud.", "parameters",
     [("7B", False), ("40B", False)]),
    # (distractor: the size of another model named before it)
    ("Quorl Vision beats Harrowgate Vision 70B on our chart benchmark.", "parameters", []),
    # --- a tool that runs whatever model it is pointed at: the model it names is an example
    ("Quorl talks to whatever endpoint you give it (I run a local Mistral Small through Ollama).",
     "base_model", []),
    ("Default model: Gemma 3 4B through Ollama (any Ollama model works).", "base_model", []),
    ("Bring your own key: Quorl uses Claude or GPT-4.1, as you choose.", "base_model", []),
    # (distractors: another model denied beside "any other", and a model the tool is built on)
    ("Quorl isn't based on Llama or any other pretrained model.", "base_model", [("Llama", True)]),
    ("Quorl is built on Qwen3 8B and runs on any laptop.", "base_model", [("Qwen", False)]),
    # --- a part of the tool's work done by a model, said further off or as "is"
    ("Quorl condenses your open tabs into short lines using Gemma 3n, which runs locally.",
     "base_model", [("Gemma", False)]),
    ("Recaps are sharper now; transcription is still Whisper.", "base_model", [("Whisper", False)]),
    ("In 2.0 the summaries are now Claude Haiku 4.5.", "base_model", [("Claude", False)]),
    # (distractors: a model it is compared with, and a check done beside)
    ("Quorl's transcription is faster than Whisper on our test set.", "base_model", []),
    ("Quorl compares your drafts and then checks them with Claude.", "base_model", []),
    # --- a price per professional, as clinics and firms are sold to
    ("Pricing: $39 per veterinarian per month.", "entry_price", [("$39/seat/month", False)]),
    ("£25 per radiologist per month, billed annually.", "entry_price", [("£25/seat/month", False)]),
]


@pytest.mark.parametrize(("text", "kind", "expected"), PASS12_PHRASES)
def test_pass12_phrases(text: str, kind: str, expected: list[tuple[str, bool]]) -> None:
    assert of_kind(text, kind) == expected


# --- a rival's price, in a sentence about the rival, is no price of the tool's ------------------------


@pytest.mark.parametrize(("text", "expected"), [
    # a free tool beside rivals' prices: free, not freemium, and no free tier
    ("Quorl is free, unlike the big transcription apps. Otter Pro charges $16.99 a month and Notion AI costs "
     "$10 per member per month. Quorl has no ads.", [("pricing_model", "free", False)]),
    # (distractor: the tool's own price beside a rival's still makes it freemium)
    ("Quorl has a free plan for one person, and Quorl Team is $8 per seat per month. Notion AI costs $10 per "
     "member per month.", [("pricing_model", "freemium", False), ("entry_price", "free tier", False),
                           ("entry_price", "$8/seat/month", False)]),
])
def test_a_rivals_price_is_not_the_tools(text: str, expected: list[tuple[str, str, bool]]) -> None:
    found = extract_facts(text, name="Quorl", source="Tolland blog")
    assert [(fact.kind, fact.value, fact.negated) for fact in found
            if fact.kind in ("pricing_model", "entry_price")] == expected



# --- a store's own listing page of the tool is a place it is published ---------------------------------


@pytest.mark.parametrize(("url", "expected"), [
    ("https://marketplace.visualstudio.com/items?itemName=tolland.quorl", ["VS Code Marketplace"]),
    ("https://plugins.jetbrains.com/plugin/30112-quorl", ["JetBrains Marketplace"]),
    ("https://chromewebstore.google.com/detail/quorl/abcdefghijklmnop", ["Chrome Web Store"]),
    ("https://addons.mozilla.org/en-GB/firefox/addon/quorl/", ["Firefox Add-ons"]),
    ("https://discord.com/application-directory/1400000000000000001", ["Discord App Directory"]),
    ("https://slack.com/marketplace/A09QUORL1-quorl", ["Slack Marketplace"]),
    ("https://www.raycast.com/tolland/quorl", ["Raycast Store"]),
    ("https://pypi.org/project/quorl/0.3.0/", ["PyPI"]),
    ("https://www.npmjs.com/package/quorl", ["npm"]),
    ("https://apps.shopify.com/quorl-inventory", ["Shopify App Store"]),
    # (distractors: a store's blog, the maker's own site, a model page and Apple's listings, which the
    # labelled sets read both ways)
    ("https://www.raycast.com/blog/quorl-extension", []),
    ("https://quorl.dev/blog/launch", []),
    ("https://huggingface.co/tolland/quorl-3b", []),
    ("https://apps.apple.com/gb/app/quorl/id6740000000", []),
])
def test_a_store_listing_is_where_the_tool_is_published(url: str, expected: list[str]) -> None:
    facts = extract_facts("Quorl summarises your clipboard with a local model.", title="Quorl",
                          url=url, name="Quorl", source="Store: new apps")
    assert [fact.value for fact in facts if fact.kind == "distribution"] == expected
    assert all(fact.snippet == "Quorl" for fact in facts if fact.kind == "distribution")
