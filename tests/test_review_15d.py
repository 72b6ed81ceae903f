"""Edges of en-r7's English rules found in review-15d (fifteenth session; corpus/reviews/review-15d.md), on sentences
written for these tests, with controls where the rule must keep firing."""

from __future__ import annotations

import pytest

# fmt: off
OWN_MEASURE = [  # text, amount, who expected
    # a forecast for another party's measure ("their forecast for Tesco's profit") is not the subject's own: the
    # amount is held by the party named in the complement (SPEC section 3: for money, the actor or holder)
    ("Analysts lowered their forecast for Tesco's profit to £2.9bn.", 2.9e9, "Tesco's profit"),
    ("The bank cut its forecast for the government's deficit to £120bn.", 120e9, "government's deficit"),
    # controls: the subject's own measure, also with a complement of its own ("for the unit", "for bad loans")
    ("The company lowered its revenue forecast for the unit to $1.1bn.", 1.1e9, "company"),
    ("The lender said it had raised its forecast for bad loans to £900m.", 900e6, "lender"),
    ("The company raised its annual profit forecast to €1.2bn on Tuesday.", 1.2e9, "company"),
    ("Shell lowered its spending plan to $20bn a year from $22bn.", 20e9, "Shell"),
]
# fmt: on


@pytest.mark.parametrize(("text", "amount", "who"), OWN_MEASURE)
def test_forecast_for_another_partys_measure(en_facts, text, amount, who):
    facts = {f["how_many"]: f for f in en_facts(text)}
    assert facts[amount]["who"] == who
