"""Misfires of the fourteenth session's rules found by review-14c (corpus/reviews/review-14c.md), on sentences
written for these tests. Convention (l): a university that reports a study locates the university, not the
facts its study reports ("Arizona State University's study" is left unlocated in conventions-14.md); its own
acts keep the place. Convention (c): people a passenger craft (ferry, bus) carries stay `other` even where the
article speaks of migrants on a crossing."""

from __future__ import annotations

import pytest

# fmt: off
STUDY_PLACE = [  # sentence, value, where
    ("Selon une étude de l'Université de Paris, 30 % des étudiants souffrent d'anxiété.", 30, None),
    # controls: an institution acting keeps its place
    ("Le tribunal de Lyon a condamné le prévenu à trois ans de prison.", 3, "Lyon"),
    ("Deux blessés graves ont été transportés au CHU de Nantes.", 2, "Nantes"),
]
EN_STUDY_PLACE = [
    ("A University of Leeds study found that 30% of students skip breakfast.", 30, None),
    ("Researchers at the University of Leeds found that 30% of students skip breakfast.", 30, None),
    # control
    ("Leeds Crown Court sentenced him to six years in prison.", 6, "Leeds"),
]
ABOARD = [  # sentence, value, event_type
    ("Le ferry, qui transportait 480 passagers, a heurté un quai à Calais, où des migrants tentent la "
     "traversée de la Manche.", 480, "other"),
    # control: migrants' craft on a crossing
    ("L'embarcation de migrants transportait 48 personnes lors de la traversée.", 48, "displaced"),
]
EN_ABOARD = [
    ("The ferry, carrying 480 passengers, struck a pier in Calais, where migrants attempt the Channel "
     "crossing.", 480, "other"),
    ("The dinghy carrying 48 migrants capsized during the crossing.", 48, "displaced"),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "value", "where"), STUDY_PLACE)
def test_a_study_s_university_is_not_where(facts_of, sentence, value, where):
    fact = {f["how_many"]: f for f in facts_of(sentence)}[value]
    assert fact["where"] == where, sentence


@pytest.mark.parametrize(("sentence", "value", "where"), EN_STUDY_PLACE)
def test_a_study_s_university_is_not_where_en(en_facts, sentence, value, where):
    fact = {f["how_many"]: f for f in en_facts(sentence)}[value]
    assert fact["where"] == where, sentence


@pytest.mark.parametrize(("sentence", "value", "event_type"), ABOARD)
def test_a_passenger_craft_carries_no_displaced(facts_of, sentence, value, event_type):
    fact = {f["how_many"]: f for f in facts_of(sentence)}[value]
    assert fact["event_type"] == event_type, sentence


@pytest.mark.parametrize(("sentence", "value", "event_type"), EN_ABOARD)
def test_a_passenger_craft_carries_no_displaced_en(en_facts, sentence, value, event_type):
    fact = {f["how_many"]: f for f in en_facts(sentence)}[value]
    assert fact["event_type"] == event_type, sentence
