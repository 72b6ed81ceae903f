"""Misfires of the fr-r5 and series6 rules found by review-14a (corpus/reviews/review-14a.md), each on sentences
written for these tests, with controls that must not change: the means after a participle of support set on a bare
noun ("et les secours, appuyés par 3 hélicoptères, sont intervenus"), a duration after "après" that is no clock time
("après 20 heures sous les décombres"), a whole count before a date after a noun left out ("et la
préfecture de police 28 000 samedi"), a since date on an event noun ("L'incendie, actif depuis mardi, a parcouru")
and an average compared with the same average earlier ("6 heures en moyenne, contre 4 heures en moyenne
auparavant"). Publication date 2025-06-20, a Friday, as in tests/conftest.py."""

from __future__ import annotations

import pytest

from tests.conftest import one_fact
from tests.test_series import grouped, row, same

model = pytest.mark.model


@model
@pytest.mark.parametrize("text, value, event_type", [
    # the participle is set on a bare noun: the means back that noun, not the clause's dead, wounded or evacuated
    ("Une attaque revendiquée par un groupe armé a fait 15 morts, et les forces spéciales, appuyées par 300 "
     "militaires, ont repris le village.", 300, "deployed"),
    ("Les pompiers ont évacué 300 habitants, épaulés par 40 gendarmes.", 40, "deployed"),
    ("Deux personnes ont été blessées dans l'explosion, et les secours, appuyés par 3 hélicoptères, sont "
     "intervenus.", 3, "other"),
    # controls (fr-r5's cases): the participle set on a place, or on the verb
    ("Quelque 4 500 soldats ont été déployés dans les zones sinistrées, appuyés par une quinzaine "
     "d'hélicoptères.", 15, "deployed"),
    ("850 pompiers restent mobilisés, appuyés par 12 bombardiers d'eau, dont huit Canadair, et deux "
     "hélicoptères.", 2, "deployed"),
])
def test_means_backing_a_bare_noun_do_not_take_the_clauses_type(facts_of, text, value, event_type):
    assert one_fact(facts_of(text), value)["event_type"] == event_type


@model
@pytest.mark.parametrize("text, kept", [
    ("Une femme a été secourue après 20 heures sous les décombres.", True),
    ("Une femme a été sauvée après 20 heures passées sous les décombres.", True),
    ("Les habitants sont restés après 18 heures sans électricité.", True),
    # controls: a clock time; a duration of something (fr-r5)
    ("Les bureaux de vote ferment après 20 heures.", False),
    ("Le trafic a repris après 12 heures d'interruption.", True),
])
def test_a_duration_after_apres_is_no_clock_time(facts_of, text, kept):
    assert any(f["unit"] == "heures" for f in facts_of(text)) is kept


@model
def test_a_whole_count_before_a_date_is_no_identifier(facts_of, en_facts):
    facts = facts_of("Le ministère a recensé 180 000 manifestants jeudi, et la préfecture de police 28 000 samedi.")
    assert [f["how_many"] for f in facts if f["how_many"] == 28000] == [28000]
    facts = en_facts("The health department counted 1,200 cases Monday, and the county 300 Tuesday.")
    assert [f["how_many"] for f in facts if f["how_many"] == 300] == [300]
    # control (fr-r5): a magnitude before a date is a rating
    facts = facts_of("Le séisme a été suivi de deux répliques, dont une de magnitude 5,8 jeudi matin.")
    assert not [f for f in facts if f["how_many"] == 5.8]


@model
def test_a_since_date_on_an_event_noun_dates_what_the_event_did(facts_of):
    fire = one_fact(facts_of("L'incendie, actif depuis mardi, a parcouru 3 000 hectares."), 3000)
    assert (fire["when_start"], fire["when_end"]) == ("2025-06-17", "2025-06-20")
    # control (fr-r5): a state of a person, no time of the figure
    spent = one_fact(facts_of("Une retraitée, veuve depuis 2019, avait déboursé 48 500 euros."), 48500)
    assert spent["when_start"] is None


def test_an_average_compared_with_the_same_average_earlier_joins_it():
    text = ("Aux urgences du CHU de Nantes, les patients attendent désormais 6 heures en moyenne, contre 4 heures en "
            "moyenne auparavant, selon la direction.")
    now = row("a", 1, 6, who="patients", unit="heures", event_type="other", evidence=text)
    before = row("a", 2, 4, who="patients", unit="heures", event_type="other", evidence=text)
    assert same(grouped([now, before], vectors=False), ("a", 1), ("a", 2))
    # control (series6): a figure compared with an average of a wider set
    wider = ("Les patients attendent désormais 6 heures aux urgences du CHU de Nantes, contre 4 heures en moyenne dans "
             "le reste de la région, selon la direction.")
    now = row("a", 1, 6, who="patients", unit="heures", event_type="other", evidence=wider)
    before = row("a", 2, 4, who="patients", unit="heures", event_type="other", evidence=wider)
    assert not same(grouped([now, before], vectors=False), ("a", 1), ("a", 2))
