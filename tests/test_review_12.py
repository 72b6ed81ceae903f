"""Misfires of the twelfth session's rules found in review 12 (corpus/reviews/review-12.md), with controls.
Sentences written for these tests."""

import pytest


def whats(facts):
    return [(f["how_many"], f["what"]) for f in facts]


def whos(facts):
    return [(f["how_many"], f["who"]) for f in facts]


@pytest.mark.parametrize(("sentence", "expected"), [
    # a point of comparison right after an amount or a bare figure, no comma: the compared figure's what, not the
    # marker (which is a vote against only after a count of a noun: "par 312 voix contre 205")
    ("Rents climbed to 1,200 pounds from 1,050 pounds a year earlier.", [(1200, "climbed"), (1050, "climbed")]),
    ("Arrivals fell to 3,000 from 4,500.", [(3000, "fell"), (4500, "fell")]),
    ("Police recorded 120 burglaries against 98 in 2024.", [(120, "recorded"), (98, "recorded")]),
    # controls: votes against keep their marker, also with a date after them
    ("The motion was carried by 312 votes against 205.", [(312, "was carried"), (205, "against")]),
    ("The motion was carried by 312 votes against 205 on Monday.", [(312, "was carried"), (205, "against")]),
])
def test_english_point_of_comparison_without_a_pause(en_facts, sentence, expected):
    assert whats(en_facts(sentence)) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Le loyer moyen atteint 850 euros contre 790 euros en 2023.", [(850, "atteint"), (790, "atteint")]),
    ("Le gazole coûte 1,80 euro contre 1,65 euro il y a un an.", [(1.8, "coûte"), (1.65, "coûte")]),
    # a count of a noun compared with one dated right after it: a point of comparison, no vote against
    ("Il y a eu 45 morts contre 38 l'an dernier.", [(45, "a eu"), (38, "a eu")]),
    ("On a recensé 120 cas contre 98 en 2024.", [(120, "a recensé"), (98, "a recensé")]),
    # controls: votes against, a score
    ("Le texte a été adopté par 312 voix contre 205.", [(312, "a été adopté"), (205, "contre")]),
    ("L'équipe a gagné 3 buts contre 1.", [(3, "a gagné"), (1, "contre")]),
])
def test_french_point_of_comparison_without_a_pause(facts_of, sentence, expected):
    assert whats(facts_of(sentence)) == expected


@pytest.mark.parametrize(("sentence", "value", "expected"), [
    # "account for" said of a count of its own noun is no proportion: the things counted
    ("Police could not account for 12 missing rifles.", 12, "missing rifles"),
    # a rate before its noun that complements a verb of proportion: the verb's subject holds it
    ("Young drivers account for one in four crashes.", 25, "Young drivers"),
    # controls: a share, a part named by "of", a rate before its noun elsewhere
    ("Exports accounted for 30% of growth in the quarter.", 30, "Exports"),
    ("Women account for 4,000 of the 9,000 staff.", 4000, "Women"),
    ("One in five councils has cut bus services.", 20, "councils"),
])
def test_english_verb_of_proportion(en_facts, sentence, value, expected):
    assert (value, expected) in whos(en_facts(sentence))


def test_french_verb_of_proportion_controls(facts_of):
    assert (280000, "coupures") in whos(facts_of("Les coupures représentent 280 000 de ces interventions."))
    assert (21, "cadres") in whos(facts_of("Les cadres représentent 21 % des postes."))
