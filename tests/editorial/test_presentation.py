"""What a tool's entry and pricing cells say, from its pricing model and the facts the launch states."""

from db.models import Fact, Tool
from editorial.presentation import entry_label, pricing_label


def fact(kind: str, value: str, negated: bool = False) -> Fact:
    return Fact(tool_id=1, kind=kind, value=value, snippet=value, negated=negated)


def test_a_stated_price_without_a_pricing_model_is_paid():
    tool = Tool(name="Dubber", pricing_model=None)
    assert entry_label(tool, [fact("entry_price", "$29/month")]) == "Paid"
    assert entry_label(tool, []) == "Unknown"
    assert entry_label(Tool(name="Free one", pricing_model="freemium"), []) == "Freemium"


def test_a_denied_fact_is_never_shown_as_the_tools_pricing():
    tool = Tool(name="Ledger", pricing_model=None)
    facts = [fact("entry_price", "free tier", negated=True),
             fact("pricing_model", "open_source", negated=True),
             fact("entry_price", "$12/seat/month")]
    assert pricing_label(tool, facts) == "$12/seat/month"
    assert entry_label(tool, facts) == "Paid"
    assert entry_label(tool, facts[:1]) == "Unknown"
