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


# (1) a "dont" / "of whom" part with a finite verb of its own

def test_fr_part_with_its_own_verb_keeps_the_state(facts_of):
    part = next(f for f in facts_of("Les secours font état de 31 blessés, dont neuf restent dans un état grave.")
                if f["how_many"] == 9)
    assert (part["what"], part["event_type"]) == ("restent dans un état grave", "wounded")


def test_en_part_with_its_own_verb_keeps_the_state(en_facts):
    part = next(f for f in en_facts("More than 40 people were hurt, of whom 9 remain in a critical condition.")
                if f["how_many"] == 9)
    assert part["what"] == "remain in a critical condition"


@pytest.mark.parametrize(("sentence", "value", "expected"), [
    # a verb whose object is an age says who the part is: the total's verb
    ("Nous comptons 300 salariés, dont un quart ont moins de 25 ans.", 25, "comptons"),
    ("Les pompiers ont secouru 40 personnes, dont 12 avaient moins de 10 ans.", 12, "ont secouru"),
    # controls: a verb of the part's own; a copula already shares the total's verb
    ("Le club compte 120 joueurs, dont 30 ont signé cette année.", 30, "ont signé"),
])
def test_fr_part_saying_its_age_shares_the_total_verb(facts_of, sentence, value, expected):
    assert (value, expected) in [(f["how_many"], f["what"]) for f in facts_of(sentence)]


def _when(fact):
    return (str(fact["when_start"])[:10], str(fact["when_end"])[:10]) if fact["when_start"] else None


@pytest.mark.parametrize(("sentence", "expected"), [
    # a relative part without a date of its own: its total's
    ("Police arrested 14 men in raids across Leeds in March 2025, of whom nine were charged.",
     ("2025-03-01", "2025-03-31")),
    ("The agency treated 3,000 patients in May 2025, of whom 400 needed surgery.",
     ("2025-05-01", "2025-05-31")),
    # controls: a date of its own clause; a part of "those" keeps no date of its total's
    ("Police arrested 14 men in raids across Leeds in March 2025, of whom nine were charged on 2 April 2025.",
     ("2025-04-02", "2025-04-02")),
    ("Police arrested 14 men in raids across Leeds in March 2025; of those, nine were later charged.", None),
])
def test_en_relative_part_takes_its_total_date(en_facts, sentence, expected):
    part = next(f for f in en_facts(sentence) if f["how_many"] == 9 or f["how_many"] == 400)
    assert _when(part) == expected


# (6) "cost X £N": who is the subject of the cost verb, not the party that bears it

@pytest.mark.parametrize(("sentence", "value", "expected"), [
    ("A four-day strike in March cost the airline an estimated £7.2m in lost ticket sales.", 7.2e6, "four-day strike"),
    ("The storm will cost farmers in the county about £3m.", 3e6, "storm"),
    # control: no bearer written
    ("The new bridge cost £8m.", 8e6, "new bridge"),
])
def test_en_cost_takes_its_subject(en_facts, sentence, value, expected):
    assert (value, expected) in whos(en_facts(sentence))


# (8) people pulled or brought out alive from rubble, water, a mine or flooded homes are displaced

def types(facts):
    return [(f["how_many"], f["event_type"]) for f in facts]


@pytest.mark.parametrize(("sentence", "value", "expected"), [
    ("Rescuers pulled 23 people alive from the rubble on Tuesday.", 23, "displaced"),
    ("Firefighters pulled 31 people from flooded homes and cars.", 31, "displaced"),
    ("Eight of them escaped or were pulled out alive.", 8, "displaced"),
    # controls: bodies recovered are killed; people moved from a project are no one rescued
    ("Rescuers pulled 12 bodies from the rubble.", 12, "killed"),
    ("The firm pulled 300 staff from the project.", 300, "other"),
])
def test_en_pulled_alive_is_displaced(en_facts, sentence, value, expected):
    assert (value, expected) in types(en_facts(sentence))


@pytest.mark.parametrize(("sentence", "value", "expected"), [
    ("Les secouristes ont sorti 23 personnes vivantes des décombres.", 23, "displaced"),
    ("Les pompiers ont extrait 14 survivants des décombres mardi.", 14, "displaced"),
    # control: bodies
    ("Les équipes ont dégagé deux nouveaux corps des décombres.", 2, "killed"),
])
def test_fr_pulled_from_rubble_is_displaced(facts_of, sentence, value, expected):
    assert (value, expected) in types(facts_of(sentence))


# (4) the source set off by commas after its role, reported by an incise after a passive clause: the name (a
# passive reporting verb's subject is what is reported, not who reports it)

def test_fr_source_of_an_incise_after_a_passive_clause(facts_of):
    fact = next(f for f in facts_of("Le manque à gagner est estimé à 4,5 millions d'euros, a précisé le directeur, "
                                    "Hugo Lambert.") if f["how_many"] == 4.5e6)
    assert fact["source"] == "Hugo Lambert"


def test_fr_passive_reporting_verb_has_no_source_of_its_subject(facts_of):
    # control: nobody reports it
    fact = next(f for f in facts_of("Le coût est estimé à 3 millions d'euros.") if f["how_many"] == 3e6)
    assert fact["source"] is None


@pytest.mark.parametrize(("sentence", "value", "expected"), [
    # an inverted speaker after an incise's verb, with an indefinite article (a number word to the tagger)
    ("Deux passagers sont portés disparus, a déclaré un policier.", 2, "policier"),
    # control: a counted noun before the verb is no speaker
    ("Un mort et trois blessés, a indiqué la préfecture.", 3, "préfecture"),
])
def test_fr_inverted_speaker_with_an_article(facts_of, sentence, value, expected):
    assert (value, expected) in [(f["how_many"], f["source"]) for f in facts_of(sentence)]
