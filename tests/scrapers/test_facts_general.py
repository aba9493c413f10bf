"""Phrasing families, each in several wordings of our own (none copied from the labelled sets):
whole-model sizes versus active and per-expert sizes, makers named as people write them, released
weights versus weights that are not, licences by name, and base models. Distractors sit beside
each family: what a tool works with, serves, or compares itself to is not its fact."""

from __future__ import annotations

import pytest

from scrapers.facts import extract_facts

# (text, tool name, kind, expected (value, negated) pairs in order)
GENERAL_PHRASES: list[tuple[str, str, str, list[tuple[str, bool]]]] = [
    # parameters: the whole model's size, not the active or per-expert parameters
    ("Quill is a 30 billion parameter (3B active) model.", "Quill", "parameters", [("30B", False)]),
    ("Quill is a mixture-of-experts model with 17B active parameters.", "Quill", "parameters", []),
    ("A 120B MoE that activates only 5B parameters per token.", "Quill", "parameters", [("120B", False)]),
    ("The 42B model has 6B activated parameters.", "Quill", "parameters", [("42B", False)]),
    ("A 70B model with 12B parameters active.", "Quill", "parameters", [("70B", False)]),
    ("Quill 8x22B is a sparse model: eight 22B experts, two per token.", "Quill 8x22B", "parameters",
     [("8x22B", False)]),
    ("Quill, a 1T-parameter mixture-of-experts model, is out.", "Quill", "parameters", [("1T", False)]),
    ("A 1.2 trillion parameter model.", "Quill", "parameters", [("1.2T", False)]),
    ("Quill – a 16x3B open-weight MoE", "Quill", "parameters", [("16x3B", False)]),
    ("Quill: a 14B Qwen fine-tune for SQL", "Quill", "parameters", [("14B", False)]),
    ("Quill-9B: our first open model", "Quill-9B", "parameters", [("9B", False)]),
    ("Trained on 15T tokens, the 8B-parameter model is fast.", "Quill", "parameters", [("8B", False)]),
    ("It serves 1-7B models.", "Quill", "parameters", []),
    # vendor: the maker as people name it
    ("Quill – an open-weight MoE from Halden AI", "Quill", "vendor", [("Halden AI", False)]),
    ("Quill: a sparse LLM from Halden Labs", "Quill", "vendor", [("Halden Labs", False)]),
    ("A code-review framework by Halden Labs.", "Quill", "vendor", [("Halden Labs", False)]),
    ("An inference engine from Halden.", "Quill", "vendor", [("Halden", False)]),
    ("A toolkit from Halden for evals.", "Quill", "vendor", [("Halden", False)]),
    ("A CLI by Halden.", "Quill", "vendor", [("Halden", False)]),
    ("A support chatbot by Halden.", "Quill", "vendor", [("Halden", False)]),
    ("A terminal copilot from Halden.", "Quill", "vendor", [("Halden", False)]),
    ("A reranker from Halden Labs.", "Quill", "vendor", [("Halden Labs", False)]),
    ("A tiny embedder by Halden.", "Quill", "vendor", [("Halden", False)]),
    ("A speech encoder by Halden.", "Quill", "vendor", [("Halden", False)]),
    ("A Qwen fine-tune by Halden.", "Quill", "vendor", [("Halden", False)]),
    ("Halden's open source code completion model", "Quill", "vendor", [("Halden", False)]),
    ("Halden Labs today announced Quill, a sparse model.", "Quill", "vendor", [("Halden Labs", False)]),
    ("Halden releases Quill 2", "Quill", "vendor", [("Halden", False)]),
    ("Today Halden AI unveiled Quill.", "Quill", "vendor", [("Halden AI", False)]),
    ("Halden introduced Quill last week.", "Quill", "vendor", [("Halden", False)]),
    ("Halden open-sources Quill.", "Quill", "vendor", [("Halden", False)]),
    ("Halden debuts Quill at its conference.", "Quill", "vendor", [("Halden", False)]),
    ("Halden rolls out Quill to everyone.", "Quill", "vendor", [("Halden", False)]),
    ("Quill by Halden Labs", "Quill", "vendor", [("Halden Labs", False)]),
    ("Quill from Halden: a coding model", "Quill", "vendor", [("Halden", False)]),
    ("The model was developed by Halden Labs in Oslo.", "Quill", "vendor", [("Halden Labs", False)]),
    ("Built by Halden, it reads your repo.", "Quill", "vendor", [("Halden", False)]),
    ("It was made by Halden and trained by nobody else.", "Quill", "vendor", [("Halden", False)]),
    ("Created by Halden.", "Quill", "vendor", [("Halden", False)]),
    ("The first open model trained by Halden.", "Quill", "vendor", [("Halden", False)]),
    ("The first open model released by Halden Labs.", "Quill", "vendor", [("Halden Labs", False)]),
    ("Published by Halden.", "Quill", "vendor", [("Halden", False)]),
    ("Open-sourced by Halden.", "Quill", "vendor", [("Halden", False)]),
    ("Maintained by Halden.", "Quill", "vendor", [("Halden", False)]),
    ("NVIDIA Quill 2 Flash", "Quill", "vendor", [("NVIDIA", False)]),
    # ... and what does not name a maker
    ("Quill launches on Product Hunt today.", "Quill", "vendor", []),
    ("Quill releases are signed with Sigstore.", "Quill", "vendor", []),
    ("What's new in 2.0 Vision models: quill run qwen", "Quill", "vendor", []),
    ("Built by ex-Google engineers.", "Quill", "vendor", []),
    ("Migrate from Notion in one click.", "Quill", "vendor", []),
    ("OpenAI-compatible endpoint for local models", "Quill", "vendor", []),
    # open_weights: released weights, an open model; weights that are not out; other models'
    ("Quill is a 12B open model built for agents.", "Quill", "open_weights", [("yes", False)]),
    ("Quill, the first open model from Halden, is out.", "Quill", "open_weights", [("yes", False)]),
    ("Quill is an open reasoning model.", "Quill", "open_weights", [("yes", False)]),
    ("Checkpoints v2.1 and weights v2.1 on Hugging Face.", "Quill", "open_weights", [("yes", False)]),
    ("Quill is API-only: it is not available on Hugging Face.", "Quill", "open_weights",
     [("no", False)]),
    ("Quill is not an open model.", "Quill", "open_weights", [("no", False)]),
    ("The weights are not released and never will be.", "Quill", "open_weights", [("no", False)]),
    ("Open the model picker and choose Quill.", "Quill", "open_weights", []),
    ("Run any open model locally with Quill.", "Quill", "open_weights", []),
    ("Open models are great, but Quill is API-only.", "Quill", "open_weights", []),
    ("Checkpoints ship under the Halden Open Model License.", "Quill", "open_weights", []),
    # license: SPDX ids for many spellings, a maker's own licence by name, descriptors name none
    ("Licensed BSD-3.", "Quill", "license", [("BSD-3-Clause", False)]),
    ("Data under CC-BY-SA-4.0.", "Quill", "license", [("CC-BY-SA-4.0", False)]),
    ("Released under CC BY-NC-SA 4.0.", "Quill", "license", [("CC-BY-NC-SA-4.0", False)]),
    ("Under the Creative Commons Attribution 4.0 license.", "Quill", "license", [("CC-BY-4.0", False)]),
    ("Dedicated to the public domain under CC0.", "Quill", "license", [("CC0-1.0", False)]),
    ("Released under the Unlicense.", "Quill", "license", [("Unlicense", False)]),
    ("ISC licensed.", "Quill", "license", [("ISC", False)]),
    ("Source-available under the Business Source License.", "Quill", "license", [("BSL-1.1", False)]),
    ("Licensed under the Elastic License 2.0.", "Quill", "license", [("Elastic-2.0", False)]),
    ("Licensed under EUPL-1.2.", "Quill", "license", [("EUPL-1.2", False)]),
    ("Released under the GNU General Public License, version 3.", "Quill", "license",
     [("GPL-3.0", False)]),
    ("Under the MIT License.", "Quill", "license", [("MIT", False)]),
    ("It's MIT-Licensed.", "Quill", "license", [("MIT", False)]),
    ("Code is Apache 2.0 licensed; the weights use the Halden Open Model License.", "Quill", "license",
     [("Apache-2.0", False), ("Halden Open Model License", False)]),
    ("Weights are on the Hub under the Quill Research License.", "Quill", "license",
     [("Quill Research License", False)]),
    ("Checkpoints are governed by the Halden AI License.", "Quill", "license",
     [("Halden AI License", False)]),
    ("Weights: Creative Commons Attribution-NonCommercial 4.0.", "Quill", "license",
     [("CC-BY-NC-4.0", False)]),
    ("Unlicense: do what you like.", "Quill", "license", [("Unlicense", False)]),
    ("BSL 1.1, converting to Apache 2.0 after four years.", "Quill", "license",
     [("Apache-2.0", False), ("BSL-1.1", False)]),
    ("ELv2 for the server.", "Quill", "license", [("Elastic-2.0", False)]),
    ("Shipped using the Halden Community Research License.", "Quill", "license",
     [("Halden Community Research License", False)]),
    ("Checkpoints are free for research under the non-commercial license in the repo.", "Quill",
     "license", [("non-commercial license", False)]),
    ("Quill is licensed under a permissive licence.", "Quill", "license", []),
    ("The weights are released under a non-commercial licence.", "Quill", "license", []),
    ("A Pro license costs $49.", "Quill", "license", []),
]


@pytest.mark.parametrize(("text", "name", "kind", "expected"), GENERAL_PHRASES)
def test_each_family_in_varied_phrasing(text: str, name: str, kind: str,
                                        expected: list[tuple[str, bool]]):
    facts = extract_facts(text, name=name)
    assert [(f.value, f.negated) for f in facts if f.kind == kind] == expected
    assert all(fact.snippet in text for fact in facts)
