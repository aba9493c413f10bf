"""A launch that names the model it is or is made with, by its family's name, is an AI product, though
it says no other AI word ("Introducing Claude Opus 5", "The receipt reading is Gemini 2.5 Flash"); a
word that is only spelt like one is not."""

import pytest

from scrapers.classify import is_ai_product


@pytest.mark.parametrize(("title", "text"), [
    ("Introducing Claude Opus 5", ""),
    ("Introducing Claude for Teachers", ""),
    ("Mistral Small 3.1", ""),
    ("Llama 3.2 goes small and multimodal", ""),
    ("I built Pantrybook, a pantry tracker", "The receipt reading is Gemini 2.5 Flash; the rest is Rails."),
    ("Tallyglass: private notes", "It transcribes with Whisper on your Mac."),
    ("Quorl", "Quorl runs Qwen3 on your laptop."),
])
def test_a_model_family_named_makes_an_ai_product(title, text):
    assert is_ai_product(title, text, is_ai_tool=False)


@pytest.mark.parametrize(("title", "text"), [
    ("Claude Monet prints, framed and shipped", "Museum-grade prints of the water lilies."),
    ("A whisper-quiet fan controller", "It keeps your rack under 30 dB."),
    ("Gemini: a zodiac app for twins", "Daily horoscopes for the third sign."),
    ("Llama wool socks", "Warm socks from Peruvian llamas."),
])
def test_a_word_spelt_like_a_family_is_no_ai_product(title, text):
    assert not is_ai_product(title, text, is_ai_tool=False)
