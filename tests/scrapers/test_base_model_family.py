"""base_model facts are model families ("Qwen" for "Qwen2.5-14B"), as editors and benchmarks write
them; the snippet keeps the name as the text gives it."""

import pytest

from scrapers.facts import extract_facts
from scrapers.facts.base_model import model_family
from scrapers.facts.llm import LLMFact, accepted


@pytest.mark.parametrize(("name", "family"), [
    ("Qwen2.5-14B", "Qwen"),
    ("Qwen2-VL 7B", "Qwen"),
    ("Llama 3.1 70B", "Llama"),
    ("Llama-3.1-8B-Instruct", "Llama"),
    ("Mistral-7B-Instruct-v0.3", "Mistral"),
    ("Mixtral 8x7B", "Mixtral"),
    ("PaliGemma 2", "PaliGemma"),
    ("NLLB-200", "NLLB"),
    ("FLUX.1", "FLUX"),
    ("Kimi K2", "Kimi"),
    ("DeepSeek-R1", "DeepSeek"),
    ("Claude 3.5 Sonnet", "Claude"),
    ("Claude Sonnet 4", "Claude"),
    ("Mistral Small 3", "Mistral"),
    ("Stable Diffusion 3.5", "Stable Diffusion"),
    # names without a version stay whole, and a name that is a letter and a number is not cut
    ("DeepSeek-Coder", "DeepSeek-Coder"),
    ("DeepSeek-Coder-V2", "DeepSeek-Coder"),
    ("XLM-RoBERTa", "XLM-RoBERTa"),
    ("Whisper", "Whisper"),
    ("T5", "T5"),
    ("E5", "E5"),
])
def test_a_model_name_is_cut_to_its_family(name, family):
    assert model_family(name) == family


def test_the_family_is_the_value_and_the_snippet_keeps_the_name():
    facts = [f for f in extract_facts("Ranger is fine-tuned from Llama 3.2 Vision on forest plots.",
                                      title="Ranger") if f.kind == "base_model"]
    assert [(f.value, f.negated) for f in facts] == [("Llama", False)]
    assert "Llama 3.2 Vision" in facts[0].snippet


def test_two_names_of_one_family_make_one_fact():
    text = "Sable is distilled from Qwen2.5-72B. An earlier build was fine-tuned from Qwen3 8B."
    facts = [f for f in extract_facts(text, title="Sable") if f.kind == "base_model"]
    assert [(f.value, f.negated) for f in facts] == [("Qwen", False)]


def test_the_llm_extractors_base_models_are_families_too():
    text = "Under the hood it is Gemma 3 12B with a LoRA."
    facts = accepted([LLMFact(kind="base_model", value="Gemma 3 12B", evidence="Gemma 3 12B"),
                      LLMFact(kind="base_model", value="Gemma 3", evidence="Gemma 3")], [text])
    assert [(f.value, f.snippet) for f in facts] == [("Gemma", "Gemma 3 12B")]
