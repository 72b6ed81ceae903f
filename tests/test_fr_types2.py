"""Event type, when and figures that are not facts on new French text (issue 11, session 10), on
sentences written for these tests. Publication date 2025-06-20 (a Friday), as in tests/conftest.py."""

from __future__ import annotations

import datetime

import pytest

from pipeline import normalize_date

from .conftest import one_fact

pytestmark = pytest.mark.model


# fmt: off
@pytest.mark.parametrize("text, value, event_type", [
    # "prendre en charge" people: the care they got (a verb and its object that are a trigger together)
    ("Les sapeurs-pompiers ont pris en charge 87 spectateurs pris de malaises.", 87, "affected"),
    ("Au total, 35 randonneurs ont été pris en charge par le Samu.", 35, "affected"),
    # control: a trigger of its own still wins over the care
    ("Au total, 35 randonneurs ont été secourus et pris en charge par le Samu.", 35, "displaced"),
    # people confined by the authorities
    ("Environ 900 habitants du quartier ont été confinés après la fuite de gaz.", 900, "affected"),
    # "privés" is a trigger only with its complement: not the private sector's agents
    ("Pour le concert, 140 vigiles privés ont été déployés autour du parc.", 140, "deployed"),
    ("Mercredi soir, 4 300 abonnés étaient encore privés d'eau potable.", 4300, "affected"),
    # counted events, not people: what their adjective says is what the events did
    ("Depuis janvier, onze accidents mortels ont été recensés sur cette route.", 11, "other"),
    ("Trois attaques ont visé des postes de police du district.", 3, "other"),
    # control: the people of those events keep their type
    ("Les accidents de la route ont fait 19 morts dans le département.", 19, "killed"),
    # a rate per million people, not a count
    ("Le département compte 61 tués par million d'habitants sur ses routes.", 61, "other"),
    # control: a count of the dead with another "par" after it
    ("Le séisme a fait 61 tués par endroits, selon la protection civile.", 61, "killed"),
])
# fmt: on
def test_event_type(facts_of, text, value, event_type):
    assert one_fact(facts_of(text), value)["event_type"] == event_type


def test_a_currency_of_new_text_is_money(facts_of):
    fact = one_fact(facts_of("Le gouvernement roumain versera 15 000 lei à chaque famille sinistrée."), 15000)
    assert (fact["event_type"], fact["unit"]) == ("money", "RON")
    fact = one_fact(facts_of("L'amende atteint 80 000 zlotys, selon le tribunal de Gdansk."), 80000)
    assert fact["unit"] == "PLN"


# fmt: off
@pytest.mark.parametrize("text", [
    # the size of a thing or of a zone describes it
    "Le viaduc, long de 2 460 mètres, a été fermé à la circulation.",
    "Les riverains habitant dans un rayon de trois kilomètres ont été avertis par SMS.",
    # a locating distance written with an approximate noun
    "Le voilier a été retrouvé à une vingtaine de milles au nord de Belle-Île.",
])
# fmt: on
def test_sizes_and_locating_distances_are_no_facts(facts_of, text):
    assert facts_of(text) == []


def test_a_figures_own_measure_stays_a_fact(facts_of):
    # control: the figure itself is a height the news reports
    assert one_fact(facts_of("La Loire est montée à 5,4 mètres à Saumur."), 5.4)["unit"] == "mètres"
    # control: a locating distance with its figure written in digits was already no fact
    assert facts_of("Le voilier a été retrouvé à 20 milles au nord de Belle-Île.") == []


def test_milles_alone_is_no_thousand(facts_of):
    facts = facts_of("Le cargo croisait à quelque 30 milles nautiques des côtes quand 12 marins ont été blessés.")
    assert [f["how_many"] for f in facts] == [12]


# fmt: off
@pytest.mark.parametrize("text, start, end", [
    # a night with no day of its own: the one before the publication day
    ("Une centaine de gendarmes ont été mobilisés dans la nuit, selon la préfecture.", "2025-06-19", "2025-06-20"),
    ("La nuit dernière, 48 personnes ont été interpellées à Lyon.", "2025-06-19", "2025-06-20"),
    # in the future, the one after it
    ("Le transfert de 25 détenus aura lieu dans la nuit.", "2025-06-20", "2025-06-21"),
    # a part of the publication day
    ("Quelque 70 pompiers ont été engagés dans la matinée pour éteindre le feu.", "2025-06-20", "2025-06-20"),
    # control: a night named by its days keeps them
    ("Dix-huit voitures ont été incendiées dans la nuit de mardi à mercredi.", "2025-06-17", "2025-06-18"),
    # control: a relative clause says which night, by another date
    ("Dans la nuit qui a suivi l'orage du 12 juin, 60 habitants ont été évacués.", "2025-06-12", "2025-06-12"),
    ("Dans la nuit où la digue a cédé, le 14 juin, 230 riverains ont été évacués.", "2025-06-14", "2025-06-14"),
    # a day the sentence names is the event's: the part of the day is of that day
    ("Le 17 juin, dans la nuit, 45 personnes ont été évacuées à Sète.", "2025-06-17", "2025-06-17"),
    ("Mardi, dans la matinée, 12 randonneurs ont été secourus.", "2025-06-17", "2025-06-17"),
])
# fmt: on
def test_parts_of_the_publication_day(facts_of, text, start, end):
    fact = next(f for f in facts_of(text))
    assert (str(fact["when_start"]), str(fact["when_end"])) == (start, end)


def test_bare_day_parts_as_normalize_reads_them():
    ref = datetime.date(2025, 6, 20)
    night = normalize_date("dans la nuit", ref)
    assert (night.start, night.end, night.granularity) == (datetime.date(2025, 6, 19), ref, "range")
    assert normalize_date("dans la soirée", ref).start == ref
    # a complement names another day: the day part alone is not the date
    assert normalize_date("dans la soirée de samedi", ref).start == datetime.date(2025, 6, 14)


def test_care_says_less_than_the_counted_noun(facts_of):
    # "prendre en charge" is the care of people whose noun names nothing else
    assert one_fact(facts_of("Les secours ont pris en charge 64 festivaliers samedi."), 64)["event_type"] == "affected"
    # the injured stay wounded, the survivors of a shipwreck displaced
    facts = facts_of("Plus de 250 blessés ont été pris en charge dans les hôpitaux de la région.")
    assert one_fact(facts, 250)["event_type"] == "wounded"
    facts = facts_of("Les garde-côtes ont pris en charge 41 rescapés sur le port de Catane.")
    assert one_fact(facts, 41)["event_type"] == "displaced"


# fmt: off
@pytest.mark.parametrize("text, kept", [
    # a relative clause in the simple present says what a body or a place is
    ("La laiterie, qui emploie 540 salariés, a été rachetée par un groupe belge.", []),
    ("Le camp, où vivent plus de 3 000 pèlerins, a été inondé par les pluies.", []),
    # controls: an event verb, a compound past, a reporting verb keep the figure
    ("Le norovirus, qui touche 230 résidents, inquiète l'agence régionale de santé.", [230]),
    ("L'incendie, qui a détruit 450 hectares, est désormais fixé.", [450]),
    ("Le chiffre vient de l'assureur, qui recense 12 000 déclarations de sinistre.", [12000]),
    # control: a share in a relative clause keeps its own rules
    ("Les dépenses sociales, qui représentent 61 % du budget, continuent de grimper.", [61]),
    # a word of an event hung on the counted noun: the clause tells news about them
    ("Les plongeurs, qui recherchent toujours 7 marins disparus, ont élargi la zone.", [7]),
    ("Le quartier, où vivent encore 300 familles privées d'eau, a été bouclé.", [300]),
])
# fmt: on
def test_what_a_present_relative_clause_says_a_noun_is(facts_of, text, kept):
    assert [f["how_many"] for f in facts_of(text)] == kept


def test_a_fronted_participle_clause_keeps_its_date(facts_of):
    # "Déjà condamné en 2019": an earlier event of the subject's, not the sentence's figure's time
    fact = one_fact(facts_of("Déjà condamné en 2021 pour vol, le gérant a écopé mardi de deux ans de prison."), 2)
    assert str(fact["when_start"]) == "2025-06-17"
    fact = one_fact(facts_of("Déjà condamné en 2021 pour vol, le gérant a écopé de deux ans de prison."), 2)
    assert fact["when_start"] is None
    # control: a participle after its verb dates the event it tells
    fact = one_fact(facts_of("Neuf ouvriers ont été blessés dans l'explosion, survenue en mars 2024."), 9)
    assert str(fact["when_start"]) == "2024-03-01"


def test_a_toll_in_a_present_relative_clause_stays_a_fact(facts_of):
    facts = facts_of("Selon le bilan de la préfecture, qui s'élève à 4 morts et 31 blessés, la crue est historique.")
    assert [f["how_many"] for f in facts] == [4, 31]


def test_a_comparison_one_unit_back_with_no_count(facts_of):
    facts = facts_of("Les noyades ont fait 212 morts en 2024, selon l'agence, contre 187 l'année précédente.")
    assert (one_fact(facts, 187)["when_start"], one_fact(facts, 187)["when_end"]) == ("2023-01-01", "2023-12-31")
    facts = facts_of("Le taux atteignait 8,1 % en mars 2025, contre 8,4 % le mois précédent.")
    assert one_fact(facts, 8.4)["when_start"] == "2025-02-01"
    # control: with its count, as before
    facts = facts_of("Les noyades ont fait 212 morts en 2024, contre 187 deux ans plus tôt.")
    assert one_fact(facts, 187)["when_start"] == "2022-01-01"


def test_a_new_currency_word_is_no_scale_of_another_word(facts_of):
    # "17 Grands Prix": not 17 giga-rands (the bare "rands" is left out for that)
    facts = facts_of("Le pilote a remporté 11 victoires en 17 Grands Prix cette saison.")
    assert 17 in [f["how_many"] for f in facts]
    assert all(f["unit"] != "ZAR" for f in facts)


# fmt: off
@pytest.mark.parametrize("text, value, event_type", [
    # CONVENTIONS-10 rule 3: held in custody is detained, even where the number alone is the verb's subject
    ("Six des prévenus ont été maintenus en détention à l'issue de l'audience.", 6, "detained"),
    ("Cinq des militants, interrogés pendant la nuit, ont été placés en détention provisoire.", 5, "detained"),
    # control: a participle of the verb found as the predicate, as before
    ("Quatre des suspects, déjà écroués, ont été maintenus en détention jeudi.", 4, "detained"),
    # control: convicted or sentenced is other
    ("Quatre des suspects ont été condamnés jeudi à deux ans de prison.", 4, "other"),
])
# fmt: on
def test_detained_and_sentenced(facts_of, text, value, event_type):
    assert one_fact(facts_of(text), value)["event_type"] == event_type


def test_a_count_back_beats_the_reports_date_after_it(facts_of):
    text = ("Au premier trimestre 2025, le taux de pauvreté atteint 14,4 %, contre 13,9 % un an plus tôt, "
            "selon l'Insee, mardi.")
    fact = one_fact(facts_of(text), 13.9)
    assert (fact["when_start"], fact["when_end"]) == ("2024-01-01", "2024-03-31")
