"""French `who` by construction on text the rules were not tuned on (issue 11, the second round of
fr-who): the holder of a share or a variation, the actor of an amount, a comparison figure, each on
sentences written for these tests. Publication date 2025-06-20, as in tests/conftest.py."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _one(facts: list[dict], value: float) -> dict:
    found = [f for f in facts if f["how_many"] == value]
    assert len(found) == 1, [(f["how_many"], f["mention_text"]) for f in facts]
    return found[0]


@pytest.mark.parametrize("text, value, who", [
    ("La préfecture a annoncé mardi le déblocage d'une enveloppe de 8 millions d'euros.", 8e6, "préfecture"),
    ("Le département a confirmé le gel de 3 millions d'euros de subventions.", 3e6, "département"),
])
def test_a_reporting_verb_s_object_that_holds_the_amount_is_not_who(facts_of, text, value, who):
    # "estime à 1,2 milliard le surcoût" values its object; an object holding the amount is the actor's deed
    assert _one(facts_of(text), value)["who"] == who


def test_a_reporting_verb_still_values_its_object(facts_of):
    fact = _one(facts_of("La chambre régionale évalue à 4 millions d'euros le coût des travaux."), 4e6)
    assert fact["who"].startswith("coût")


@pytest.mark.parametrize("text, value, who", [
    ("Cette baisse tient au recul des importations, qui ont chuté de 5,2 %.", 5.2, "importations"),
    ("Ce résultat s'explique par la vigueur des ventes, qui ont bondi de 6,4 %.", 6.4, "ventes"),
])
def test_a_relative_clause_hung_on_the_main_verb_is_said_of_the_noun_before_it(facts_of, text, value, who):
    # the parser makes "qui ont chuté" a clause of "tient" (not of "importations"): "qui" stands for the noun
    assert _one(facts_of(text), value)["who"] == who
