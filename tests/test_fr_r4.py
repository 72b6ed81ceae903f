"""French constructions sorted from the event type and fact-level errors of the French dev split (fr-r4,
corpus/reviews/fr-r4.md), each on sentences written for these tests: votes whatever the verb that carries them
("arrivée en tête avec 38 % des voix"), losses in percent ("les pertes de récolte à 35 %"), "être N à + infinitive"
("ils sont encore 240 à être hébergés"), the arrival of people named by their state ("l'arrivée de 4 800
réfugiés"), the currencies of Bolivia and Peru, the dead and the missing counted by the same figure, and ratios
said around a counted noun ("un élève de sixième sur quatre", "sept entrées sur dix"). Publication date
2025-06-20, a Friday, as in tests/conftest.py."""

from __future__ import annotations

import pytest

from pipeline.facts import merge_facts
from pipeline.numbers import normalize_number

from .conftest import one_fact

model = pytest.mark.model


@model
@pytest.mark.parametrize("text, value, event_type", [
    # a count or a share of votes is other (SPEC section 4), whatever verb carries it
    ("Le maire sortant est arrivé en tête avec 44 % des suffrages.", 44, "other"),
    ("La liste écologiste arrive en deuxième position avec 21 % des voix.", 21, "other"),
    ("Au premier tour, la candidate était arrivée en tête avec 39,5 % des voix, devant le candidat du RN (31,2 %).",
     31.2, "other"),
    # controls: people who arrive, a share of voters
    ("Plus de 300 migrants sont arrivés à Lampedusa dimanche.", 300, "displaced"),
    ("Près de 40 % des électeurs se sont abstenus.", 40, "other"),
])
def test_votes_are_other_whatever_the_verb(facts_of, text, value, event_type):
    assert one_fact(facts_of(text), value)["event_type"] == event_type


@model
@pytest.mark.parametrize("text, value, event_type", [
    # losses in percent are a share of a harvest or a turnover lost, not casualties
    ("La chambre d'agriculture estime les pertes de récolte à 40 % dans le département.", 40, "other"),
    ("Un viticulteur estime ses pertes à 60 % de sa vendange.", 60, "other"),
    ("L'État promet une indemnisation à hauteur de 90 % des pertes sur les vergers.", 90, "other"),
    # controls: a share of victims, a count of victims
    ("Plus de la moitié des victimes sont des enfants.", 50, "casualties"),
    ("Les combats ont fait 120 victimes, selon l'ONU.", 120, "casualties"),
])
def test_losses_in_percent_are_no_casualties(facts_of, text, value, event_type):
    assert one_fact(facts_of(text), value)["event_type"] == event_type


@model
@pytest.mark.parametrize("text, value, event_type", [
    # "être N à + infinitive": the infinitive says what befell the N
    ("Ils sont encore environ 240, aujourd'hui, à être hébergés chez des proches.", 240, "displaced"),
    ("Ils étaient encore neuf, jeudi à la mi-journée, à être soignés en réanimation.", 9, "affected"),
    ("Ils étaient 300 à avoir été évacués dimanche.", 300, "displaced"),
    # controls: a verb that names no event, a participle the parser already takes for the verb
    ("Ils étaient 2 000 à défiler dans les rues de Rennes samedi.", 2000, "other"),
    ("Ils sont 45 à avoir été interpellés depuis lundi.", 45, "detained"),
])
def test_being_n_to_infinitive_says_what_befell_them(facts_of, text, value, event_type):
    assert one_fact(facts_of(text), value)["event_type"] == event_type


@model
@pytest.mark.parametrize("text, value, event_type", [
    # the arrival of people named by their state takes that state
    ("Le Tchad a enregistré l'arrivée de 3 200 réfugiés soudanais depuis lundi.", 3200, "displaced"),
    ("La Grèce a enregistré l'arrivée de 2 100 migrants la semaine dernière.", 2100, "displaced"),
    # controls: the arrival of people the noun gives no type of its own to is a reinforcement
    ("Le préfet a annoncé l'arrivée de 150 gendarmes mobiles.", 150, "deployed"),
    ("L'arrivée de 40 pompiers du Var est attendue mardi.", 40, "deployed"),
])
def test_an_arrival_takes_the_state_of_who_arrives(facts_of, text, value, event_type):
    assert one_fact(facts_of(text), value)["event_type"] == event_type


@model
@pytest.mark.parametrize("text, value, event_type, unit", [
    ("Le gouvernement versera 30 000 bolivianos à chaque famille.", 30000, "money", "BOB"),
    ("Le gouvernement a débloqué 20 millions de soles pour les sinistrés.", 20_000_000, "money", "PEN"),
    ("Lima a promis 4 000 soles péruviens aux familles.", 4000, "money", "PEN"),
    # control: "soles" with no scale are fish
    ("Le pêcheur a vendu 300 soles au marché.", 300, "other", "soles"),
])
def test_bolivian_and_peruvian_money(facts_of, text, value, event_type, unit):
    fact = one_fact(facts_of(text), value)
    assert (fact["event_type"], fact["unit"]) == (event_type, unit)


@model
@pytest.mark.parametrize("text, values", [
    # the dead and the missing of one article are two facts even when a generic noun counts one of them
    ("Huit migrants, dont deux enfants, sont morts dans le naufrage. Deux personnes sont toujours portées disparues.",
     [2, 2, 8]),
    ("Trois randonneurs ont été tués par l'avalanche. Trois personnes sont portées disparues.", [3, 3]),
    # control: a heading and the body's sentence of one toll stay one fact
    ("Incendie à Lyon : 3 morts\n\nTrois personnes ont été tuées dans l'incendie.", [3]),
])
def test_the_dead_and_the_missing_are_two_facts(facts_of, text, values):
    assert sorted(f["how_many"] for f in facts_of(text)) == values


def _fact(event_type: str, unit: str) -> dict:
    return {"how_many": 2.0, "how_many_high": None, "event_type": event_type, "unit": unit, "qualifier": "exact",
            "confidence": 0.5, "cues": {"verb": True}}


@pytest.mark.parametrize("a, b, merged", [
    (_fact("killed", "enfants"), _fact("missing", "personnes"), 2),
    (_fact("killed", "personnes"), _fact("wounded", "blessés"), 2),
    # controls: one harm counted by a generic noun and a specific one; a harm and an unspecific count
    (_fact("killed", "enfants"), _fact("killed", "personnes"), 1),
    (_fact("killed", "morts"), _fact("other", "personnes"), 1),
])
def test_exclusive_harms_never_merge(a, b, merged):
    assert len(merge_facts([a, b], "fr")) == merged


@model
@pytest.mark.parametrize("text, value, qualifier, who", [
    # ratios said around a counted noun: at the head of a sentence before a glued "n'", before "et", with a
    # complement of the noun, and with a count above one
    ("Un départ sur trois n'est pas remplacé, selon le rapport.", 33.33, "exact", "départ"),
    ("Selon l'opérateur, un train sur deux et environ 40 % des cars ont circulé.", 50, "exact", "train"),
    ("Au dernier test, un élève de sixième sur quatre ne savait pas nager.", 25, "exact", "élève"),
    ("La gratuité a concerné près de sept entrées sur dix.", 70, "approx", None),
    ("Trois prévenus sur quatre ont été condamnés.", 75, "exact", "prévenus"),
])
def test_a_ratio_around_its_counted_noun_is_a_proportion(facts_of, text, value, qualifier, who):
    fact = one_fact(facts_of(text), value)
    assert (fact["qualifier"], fact["unit"]) == (qualifier, "%")
    if who is not None:
        assert fact["who"] == who


@model
@pytest.mark.parametrize("text, values", [
    # controls: a total too large for a proportion's base; a counted noun after the second number
    ("La coalition d'opposition dispose de 248 sièges sur 460 à la Diète.", [248, 460]),
    ("Le tribunal a jugé un prévenu sur deux chefs d'accusation.", [2]),
])
def test_a_ratio_around_its_counted_noun_controls(facts_of, text, values):
    assert sorted(f["how_many"] for f in facts_of(text)) == values


@pytest.mark.parametrize("text, value, qualifier", [
    # "dépasser" denied is an upper bound; "franchir" like "dépasser" is more than the figure
    ("la vitesse ne dépassait pas 60 km/h", 60, "at_most"),
    ("la crue n'y dépasse pas 2 mètres", 2, "at_most"),
    ("le coût n'a pas dépassé 3 millions d'euros", 3_000_000, "at_most"),
    ("le chômage franchit les 8 %", 8, "more_than"),
    # controls: "dépasser" said, "pas plus de"
    ("le bilan a dépassé 900 morts", 900, "more_than"),
    ("pas plus de 40 personnes", 40, "at_most"),
])
def test_denied_and_present_threshold_verbs_qualify_the_figure(text, value, qualifier):
    q = normalize_number(text, "fr")
    assert (q.value, q.qualifier) == (pytest.approx(value), qualifier)


@model
@pytest.mark.parametrize("text, values", [
    # the size of a thing the figure hangs on by "de" is no fact (SPEC section 2)
    ("Votre stade de 15 000 places est-il encore adapté ?", []),
    ("Le club joue dans l'actuel stade, d'une capacité d'environ 15 000 places.", []),
    ("Une réunion a réuni environ 150 personnes dans la salle des fêtes de 300 places.", [150]),
    ("Le bâtiment, un immeuble de quatre étages, s'est effondré.", []),
    # controls: places an event noun or a verb counts
    ("Les syndicats réclament la création de 5 000 places en crèche.", [5000]),
    ("Nous supprimerons environ 400 places sur les 5 200 du centre-ville.", [400]),
])
def test_the_capacity_of_a_thing_is_no_fact(facts_of, text, values):
    assert sorted(f["how_many"] for f in facts_of(text)) == values
