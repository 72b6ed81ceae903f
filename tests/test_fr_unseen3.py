"""Who and event type on French text the rules were not tuned on (issue 11, second French round of
session 10), on sentences written for these tests. Publication date 2025-06-20 (a Friday), as in
tests/conftest.py."""

from __future__ import annotations

import pytest

from .conftest import one_fact

pytestmark = pytest.mark.model


# fmt: off
@pytest.mark.parametrize("text, value, who, event_type", [
    # a trigger word coordinated with the verb of a counted subject: the subject's people, the word's type
    ("Trois personnes ont été tuées et 12 blessées dans la collision.", 12, "personnes", "wounded"),
    # the same after a dateline the parser takes for the sentence's head, and a "dont" part before the verb
    ("Lyon, 3 mars 2025 (AFP) - Au moins 14 personnes, dont deux enfants, ont été tuées et 20 blessées lundi "
     "dans l'effondrement d'un immeuble.", 20, "personnes", "wounded"),
    # controls: the first count keeps its verb; nouns coordinated with each other, a verb of their own
    ("Trois personnes ont été tuées et 12 blessées dans la collision.", 3, "personnes", "killed"),
    ("Le séisme a fait 23 morts et 31 blessés.", 31, "blessés", "wounded"),
    ("Deux personnes sont mortes et 14 blessés ont été hospitalisés.", 14, "blessés", "wounded"),
])
# fmt: on
def test_a_count_coordinated_with_a_verb_counts_its_subject(facts_of, text, value, who, event_type):
    fact = one_fact(facts_of(text), value)
    assert (fact["who"], fact["unit"], fact["event_type"]) == (who, who, event_type)


def test_an_elided_participle_of_another_type_counts_the_subject(facts_of):
    fact = one_fact(facts_of("Cinq ouvriers ont été évacués et trois hospitalisés après l'explosion."), 3)
    assert (fact["who"], fact["unit"]) == ("ouvriers", "ouvriers")


# fmt: off
@pytest.mark.parametrize("text, value, who", [
    # a verb acting on what the share counts: the share is that group's, not the subject's
    ("La compagnie a annulé 30 % de ses liaisons vers l'Espagne.", 30, "liaisons"),
    ("La SNCF supprimera 25 % des trains régionaux mardi.", 25, "trains régionaux"),
    ("La direction a décidé de supprimer 12 % des postes du siège.", 12, "postes"),
    # controls: a subject that holds the share
    ("Les familles consacrent en moyenne 31 % de leur budget au logement.", 31, "familles"),
    ("Le candidat sortant a obtenu 52 % des suffrages exprimés.", 52, "candidat sortant"),
    ("Les seniors représentent 41 % des adhérents du club.", 41, "seniors"),
])
# fmt: on
def test_who_of_a_share_of_an_object(facts_of, text, value, who):
    assert one_fact(facts_of(text), value)["who"] == who


# fmt: off
@pytest.mark.parametrize("text, value, start, end", [
    # a participle clause on a figure's noun phrase dates that figure, not the main clause's day
    ("Le tribunal a condamné mercredi trois hommes pour 40 vols commis entre janvier et avril 2024.",
     40, "2024-01-01", "2024-04-30"),
    ("La cour a jugé jeudi deux frères pour une série de 23 escroqueries commises entre mars et mai 2023.",
     23, "2023-03-01", "2023-05-31"),
    # controls: the main clause's own figure keeps its day, as a figure whose participle clause has no date
    ("Le tribunal a condamné mercredi trois hommes pour 40 vols commis entre janvier et avril 2024.",
     3, "2025-06-18", "2025-06-18"),
    ("Le tribunal a condamné mercredi trois hommes pour 40 vols commis dans le quartier.",
     40, "2025-06-18", "2025-06-18"),
])
# fmt: on
def test_a_participle_clause_dates_its_figure(facts_of, text, value, start, end):
    fact = one_fact(facts_of(text), value)
    assert (str(fact["when_start"]), str(fact["when_end"])) == (start, end)


# fmt: off
@pytest.mark.parametrize("text, value, who, event_type", [
    # a "dont" share of an amount: not money; who is the agent of its participle (CONVENTIONS-10 rule 2)
    ("Le projet coûtera 8 millions d'euros, dont 35 % apportés par la Région.", 35, "Région", "other"),
    ("Le budget du syndicat atteint 64 millions d'euros, dont 22 % financés par les communes.", 22, "communes",
     "other"),
    # controls: the amount itself; a share of people keeps its group's type
    ("Le projet coûtera 8 millions d'euros, dont 35 % apportés par la Région.", 8_000_000, "projet", "money"),
    ("Au total, 300 personnes ont été évacuées, dont 40 % venues des campings.", 40, None, "displaced"),
])
# fmt: on
def test_a_share_of_an_amount(facts_of, text, value, who, event_type):
    fact = one_fact(facts_of(text), value)
    assert fact["event_type"] == event_type
    if who is not None:
        assert fact["who"] == who


# fmt: off
@pytest.mark.parametrize("text, value, event_type", [
    # animals killed are no casualties: other, as the gold labels them
    ("Quatre-vingt-cinq vaches laitières ont péri dans l'incendie du hangar.", 85, "other"),
    ("Une soixantaine de brebis ont été tuées par des loups dans le Vercors.", 60, "other"),
    ("L'incendie a tué 40 moutons et blessé deux bergers.", 40, "other"),
    # controls: the people of the same sentences
    ("L'incendie a tué 40 moutons et blessé deux bergers.", 2, "wounded"),
    ("Trois randonneurs ont péri dans l'incendie du hangar.", 3, "killed"),
])
# fmt: on
def test_animals_harmed_are_other(facts_of, text, value, event_type):
    assert one_fact(facts_of(text), value)["event_type"] == event_type


# fmt: off
@pytest.mark.parametrize("text", [
    # the staff or means a body says it has, in its main clause in the simple present, describe the body
    "La clinique emploie 450 salariés, dont 120 infirmières.",
    "Le service s'appuie sur 2 100 bénévoles, répartis dans 35 antennes.",
])
# fmt: on
def test_the_staff_of_a_body_is_no_fact(facts_of, text):
    assert facts_of(text) == []


# fmt: off
@pytest.mark.parametrize("text, value", [
    # controls: another tense is an event; a part with a verb of its own is news
    ("L'usine employait 200 ouvriers avant l'incendie.", 200),
    ("La région a employé 300 saisonniers cet été.", 300),
    # seats a party has are a result
    ("Le parti dispose désormais de 112 sièges au conseil régional.", 112),
    ("L'entreprise emploie 900 salariés, dont 40 ont été blessés dans l'explosion.", 40),
])
# fmt: on
def test_staff_in_another_tense_or_harmed_stays_a_fact(facts_of, text, value):
    one_fact(facts_of(text), value)
