"""The facts engine finds the rules a text can match through one automaton of their key strings
(plain starts and needs), and ingest freezes what is loaded before its first source."""

import gc
import re

from scrapers.facts.engine import Rule, Sentences, split_sentences
from scrapers.ingest import freeze_loaded_objects


def _live(text: str) -> set[Rule]:
    return Sentences(split_sentences(text)).live


def test_a_needy_rule_lives_only_where_one_of_its_needs_is_written():
    rule = Rule(r"\d+ zorblets?", digits=True, needs=("zorblet", "zrb"))
    assert rule in _live("It ships 12 zorblets a day.")
    assert rule in _live("Costs 3 ZRB each.")  # needs are looked for case-folded
    assert rule not in _live("It ships 12 widgets a day.")


def test_a_plain_start_makes_its_rule_live_wherever_it_occurs():
    rule = Rule(r"\$\$quux\b", re.I, starts="$$quux")
    assert rule in _live("Priced at $$QUUX per month.")
    assert rule not in _live("Priced at $12 per month.")


def test_a_rule_made_after_texts_were_read_is_found_too():
    Sentences(split_sentences("warm the automaton up: 12 zorblets"))
    later = Rule(r"\bflibbet\b", re.I, starts="flibbet", needs=("flibbet",))
    sentences = Sentences(split_sentences("A flibbet for everyone."))
    assert later in sentences.live
    assert [m[0] for _, m in sentences.matches(later)] == ["flibbet"]


def test_ingest_freezes_what_was_loaded_before_it():
    freeze_loaded_objects()
    assert gc.get_freeze_count() > 10_000  # the modules and compiled rules, not a handful
