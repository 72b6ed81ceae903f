"""The thirteenth session's conventions (corpus/README.md, "Settled in the thirteenth session";
corpus/reviews/conventions-13.md), French and English. Sentences written for these tests."""

import pytest


def whos(facts):
    return [(f["how_many"], f["who"]) for f in facts]


# (4) a name set off by commas beside a role noun: who is the name, without the role

@pytest.mark.parametrize(("sentence", "value", "expected"), [
    ("Le directeur de l'usine, Paul Lemercier, a débloqué 40 000 euros pour les travaux.", 40000, "Paul Lemercier"),
    ("La principale accusée, Sonia V., a été condamnée à quatre ans de prison.", 4, "Sonia V."),
    ("La société, Transports Mercier, a été condamnée à une amende de 90 000 euros.", 90000, "Transports Mercier"),
])
def test_fr_name_set_off_by_commas(facts_of, sentence, value, expected):
    assert (value, expected) in whos(facts_of(sentence))


@pytest.mark.parametrize(("sentence", "value", "expected"), [
    ("His business partner, Owen Gallagher, received nine years.", 9, "Owen Gallagher"),
    ("The operator, Northvale Freight Ltd, was fined £75,000 for the spill.", 75000, "Northvale Freight Ltd"),
])
def test_en_name_set_off_by_commas(en_facts, sentence, value, expected):
    assert (value, expected) in whos(en_facts(sentence))


@pytest.mark.parametrize(("sentence", "value", "expected"), [
    # controls: a role with no name stays the role; a counted noun keeps its count; a place set beside is no name
    ("Le directeur de l'usine a débloqué 40 000 euros pour les travaux.", 40000, "directeur de l'usine"),
    ("Deux randonneurs, Marc Petit et Léa Roux, ont été blessés.", 2, "randonneurs"),
])
def test_fr_name_set_off_by_commas_controls(facts_of, sentence, value, expected):
    assert (value, expected) in whos(facts_of(sentence))


@pytest.mark.parametrize(("sentence", "value", "expected"), [
    ("His business partner received nine years.", 9, "business partner"),
    ("Three hikers, Ana Ruiz, Tom Price and Ed Lowe, were injured.", 3, "hikers"),
])
def test_en_name_set_off_by_commas_controls(en_facts, sentence, value, expected):
    assert (value, expected) in whos(en_facts(sentence))
