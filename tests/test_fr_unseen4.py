"""French constructions that the newest dev batches (b13, b15, s17) showed missing, each on sentences written for
these tests (issue 11, fr-who4): the party condemned when the parser hangs the term on it, a material measured in a
unit the pack lacked or completed by a second word, a share that measures the change of a verb's object, and "mis
en examen". Publication date 2025-06-20, a Friday, as in tests/conftest.py."""

from __future__ import annotations

import pytest

from .conftest import one_fact

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, value, who", [
    # the parser hangs "à deux ans" on the condemned, not on the verb: still the party, not the court
    ("Le tribunal de Brest a condamné mardi trois passeurs à deux ans de prison et à 8 000 euros d'amende.", 2,
     "passeurs"),
    ("La cour d'appel a condamné lundi quatre gérants de bar à six mois de prison avec sursis.", 6, "gérants"),
    # controls: the fine given to a party, the company condemned to a fine
    ("La Commission a infligé à Apple une amende de 1,8 milliard d'euros.", 1.8e9, "Apple"),
    ("Le tribunal a condamné l'entreprise à 45 000 euros d'amende.", 45000, "entreprise"),
])
def test_a_term_or_fine_is_the_condemned_party_s_even_when_hung_on_it(facts_of, text, value, who):
    assert one_fact(facts_of(text), value)["who"] == who


@pytest.mark.parametrize("text, value, who", [
    # a unit completed by a second word: the material is that word's complement
    ("Quelque 400 mètres cubes de gazole se sont répandus dans le port.", 400, "gazole"),
    ("Environ 200 mètres cubes de boue ont envahi la rue principale.", 200, "boue"),
    # a unit of mass the pack lacked: the measure said of its subject
    ("Le taux de nitrates est monté à 60 milligrammes par litre.", 60, "taux de nitrates"),
    # controls: a unit with its material right after it
    ("Les douaniers ont saisi 38 kg de résine de cannabis.", 38, "résine"),
    ("L'incendie a ravagé 300 hectares de pinède.", 300, "pinède"),
])
def test_a_measure_in_a_unit_is_held_by_its_material_or_its_measure(facts_of, text, value, who):
    assert one_fact(facts_of(text), value)["who"] == who


@pytest.mark.parametrize("text, value, who", [
    ("La compagnie a dû réduire mardi de 20 % ses rotations vers Nice.", 20, "rotations"),
    ("Le département a relevé de 4 % ses tarifs de cantine.", 4, "tarifs de cantine"),
    # a weekday the parser takes for the object, and an object that is an event word of the pack
    ("La compagnie a réduit mardi de 25 % son programme de liaisons vers Ajaccio.", 25,
     "programme de liaisons vers Ajaccio"),
    # the second share of an ellipsis takes the same object
    ("La préfecture a demandé aux transporteurs de réduire de 50 % leurs liaisons à Lyon et de 30 % à Grenoble.",
     30, "liaisons"),
    # controls: an intransitive change is its subject's; a share that is the verb's object stays the acted one's
    ("Les loyers ont augmenté de 5 % en un an.", 5, "loyers"),
    ("La SNCF a supprimé 40 % de ses trains régionaux.", 40, "trains régionaux"),
])
def test_a_share_opened_by_de_on_a_verb_is_the_change_of_the_verb_s_object(facts_of, text, value, who):
    assert one_fact(facts_of(text), value)["who"] == who


@pytest.mark.parametrize("text, value, event_type", [
    ("Cinq hommes ont été mis en examen jeudi à Rennes pour trafic de stupéfiants.", 5, "detained"),
    ("Trafic de métaux : six suspects mis en examen à Tours", 6, "detained"),
    # control: another "mettre en"
    ("La mairie a mis en vente 12 logements sociaux.", 12, "other"),
])
def test_people_mis_en_examen_are_detained(facts_of, text, value, event_type):
    assert one_fact(facts_of(text), value)["event_type"] == event_type


@pytest.mark.parametrize("text, value, who", [
    # "autres" names no group: the description set off after it, or the group named before
    ("Vingt migrants ont été secourus au large. Les huit autres, des adolescents, ont été confiés à l'aide sociale.",
     8, "adolescents"),
    ("Vingt migrants ont été secourus au large. Les huit autres, des adolescents, ont été confiés à l'aide sociale. "
     "Trois d'entre eux ont été hospitalisés.", 3, "adolescents"),
    ("La préfecture a mobilisé 300 gendarmes à Lyon et 120 autres à Grenoble.", 120, "gendarmes"),
    # with its article and no description, the group named in the sentence before (review2)
    ("Un car s'est renversé près de Grenoble. Trois passagers ont été tués. Les sept autres ont été hospitalisés.",
     7, "passagers"),
    ("Un incendie a ravagé trois entrepôts. Les deux autres ont été épargnés.", 2, "entrepôts"),
])
def test_autres_after_a_number_stands_for_a_group_named_elsewhere(facts_of, text, value, who):
    assert one_fact(facts_of(text), value)["who"] == who


def test_autres_before_a_noun_keeps_that_noun(facts_of):
    fact = one_fact(facts_of("Douze manifestants ont été interpellés, et 5 autres militants ont été entendus."), 5)
    assert fact["who"].endswith("militants")
