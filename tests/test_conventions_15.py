"""The fifteenth session's conventions (corpus/README.md, "Settled in the fifteenth session", letters m–s),
French and English. Sentences written for these tests."""

import pytest


def slot_of(facts, value, slot):
    return [f[slot] for f in facts if f["how_many"] == value]


# (m) a temperature reported as news: who the measured thing, not the instrument nor a record noun; unit as written

@pytest.mark.parametrize(("sentence", "value", "expected"), [
    ("Le thermomètre a grimpé jusqu'à 39 °C lundi à Nîmes.", 39, ("température", "°C")),
    ("Le mercure a atteint 41,2 °C dimanche à Perpignan.", 41.2, ("température", "°C")),
    ("Le record de chaleur de Dijon est tombé dimanche : 40,3 °C.", 40.3, ("température", "°C")),
])
def test_fr_temperature_measured_thing(facts_of, sentence, value, expected):
    assert [(f["who"], f["unit"]) for f in facts_of(sentence) if f["how_many"] == value] == [expected]


@pytest.mark.parametrize(("sentence", "value", "expected"), [
    ("The thermometer hit 38 °C in Madrid on Sunday.", 38, ("temperature", "°C")),
    ("The mercury climbed to 44 °C in Seville on Monday.", 44, ("temperature", "°C")),
    ("Temperatures hit 41 °C in Seville on Monday.", 41, ("temperature", "°C")),
])
def test_en_temperature_measured_thing(en_facts, sentence, value, expected):
    assert [(f["who"], f["unit"]) for f in en_facts(sentence) if f["how_many"] == value] == [expected]


@pytest.mark.parametrize(("sentence", "value", "expected"), [
    # another measured thing holds the change; gusts are measured already
    ("L'eau de la lagune a gagné 2 °C en trente ans.", 2, "eau"),
    ("Des rafales ont atteint 120 km/h à Brest.", 120, "rafales"),
])
def test_fr_temperature_controls(facts_of, sentence, value, expected):
    assert [f["who"].split()[0] for f in facts_of(sentence) if f["how_many"] == value] == [expected]


def test_fr_temperature_unit_as_written(facts_of):
    # the measured thing named already: who stays, the unit is the one written
    facts = facts_of("La température de l'air a atteint 42 °C à Nîmes.")
    assert [(f["who"].split()[0], f["unit"]) for f in facts if f["how_many"] == 42] == [("température", "°C")]


# (n) days of national mourning: who the mourning, not the authority that declared it

@pytest.mark.parametrize(("sentence", "value", "expected"), [
    ("Le président a décrété deux jours de deuil national.", 2, "deuil national"),
    ("La junte a annoncé sept jours de deuil.", 7, "deuil"),
])
def test_fr_mourning(facts_of, sentence, value, expected):
    assert slot_of(facts_of(sentence), value, "who") == [expected]


@pytest.mark.parametrize(("sentence", "value", "expected"), [
    ("The prime minister declared four days of national mourning.", 4, "national mourning"),
    ("Authorities announced two days of mourning.", 2, "mourning"),
])
def test_en_mourning(en_facts, sentence, value, expected):
    assert slot_of(en_facts(sentence), value, "who") == [expected]


def test_mourning_controls(facts_of, en_facts):
    # a duration of something else keeps its actor
    assert slot_of(facts_of("Le maire a annoncé trois jours de festivités."), 3, "who") != ["festivités"]
    assert slot_of(en_facts("The mayor announced three days of celebrations."), 3, "who") != ["celebrations"]


# (o) treated for burns or smoke inhalation: wounded; shock only: affected

@pytest.mark.parametrize(("sentence", "value", "expected"), [
    ("Six pompiers ont été soignés pour des brûlures légères.", 6, "wounded"),
    ("Trente habitants ont été soignés pour des brûlures et une inhalation de fumées.", 30, "wounded"),
    # shock only
    ("Douze passagers ont été soignés pour un choc psychologique.", 12, "affected"),
])
def test_fr_treated_for_burns(facts_of, sentence, value, expected):
    assert slot_of(facts_of(sentence), value, "event_type") == [expected]


@pytest.mark.parametrize(("sentence", "value", "expected"), [
    ("Some 40 residents were treated for smoke inhalation.", 40, "wounded"),
    ("Nine workers were taken to hospital with burns.", 9, "wounded"),
    # shock only
    ("Fourteen passengers were treated for shock.", 14, "affected"),
])
def test_en_treated_for_burns(en_facts, sentence, value, expected):
    assert slot_of(en_facts(sentence), value, "event_type") == [expected]


def test_en_burned_area_control(en_facts):
    # the verb "burn" is no injury: an area burned is no people
    assert slot_of(en_facts("The Cedar Fire has burned 12,400 acres."), 12400, "event_type") == ["other"]


def test_en_burns_of_a_part_only(en_facts):
    # the burns are the part's clause: the people rescued stay displaced
    facts = en_facts("Fishermen rescued 52 people, 8 of whom were taken to hospital with burns.")
    assert slot_of(facts, 52, "event_type") == ["displaced"]
    assert slot_of(facts, 8, "event_type") == ["wounded"]


# (p) a requested fine: what is the verb phrase

def test_fr_requested_fine_what(facts_of):
    facts = facts_of("Le procureur a requis deux ans de prison et une amende de 30 000 euros contre le gérant.")
    assert slot_of(facts, 30000, "what") == ["a requis"]


def test_en_requested_fine_what(en_facts):
    assert slot_of(en_facts("Prosecutors sought a fine of £40,000 against the firm."), 40000, "what") == ["sought"]


def test_fr_requested_fine_control(facts_of):
    # a fine imposed, not requested
    assert "requis" not in (slot_of(facts_of("Le gérant a écopé d'une amende de 30 000 euros."), 30000, "what")[0]
                            or "")


# (q) a rise or bonus offered or granted: who its holder when the sentence names one

@pytest.mark.parametrize(("sentence", "value", "expected"), [
    ("L'entreprise versera une prime de 1 200 euros à chaque salarié.", 1200, "salarié"),
    ("La direction a proposé une prime annuelle de 80 euros par agent.", 80, "agent"),
    ("La mairie a porté la prime proposée aux animateurs à 900 euros.", 900, "animateurs"),
])
def test_fr_bonus_holder(facts_of, sentence, value, expected):
    assert slot_of(facts_of(sentence), value, "who") == [expected]


@pytest.mark.parametrize(("sentence", "value", "expected"), [
    # a claim keeps its claimant; no holder named; aid is not a bonus
    ("Les syndicats réclament une prime de 500 euros par salarié.", 500, "syndicats"),
    ("La direction a proposé une hausse générale de 2 %.", 2, "direction"),
    ("La région versera une aide de 2 000 euros à chaque famille.", 2000, "région"),
])
def test_fr_bonus_holder_controls(facts_of, sentence, value, expected):
    assert slot_of(facts_of(sentence), value, "who") == [expected]


@pytest.mark.parametrize(("sentence", "value", "expected"), [
    ("The retailer announced a 4% pay rise for its 9,000 warehouse staff.", 4, "warehouse staff"),
    ("The deal covers about 600 cleaners and porters, who will receive raises of 3.5% a year.", 3.5,
     "cleaners and porters"),
])
def test_en_bonus_holder(en_facts, sentence, value, expected):
    assert slot_of(en_facts(sentence), value, "who") == [expected]


@pytest.mark.parametrize(("sentence", "value", "expected"), [
    ("The operator has offered a 3% rise.", 3, "operator"),
])
def test_en_bonus_holder_controls(en_facts, sentence, value, expected):
    assert slot_of(en_facts(sentence), value, "who") == [expected]


def test_en_bonus_holder_over_title(en_facts):
    # a title figure repeated in the body: the holder the body names
    facts = en_facts("Brellow Foods lifts warehouse pay by 4%\n\nBrellow Foods today announced a 4% pay rise for "
                     "its 9,000 warehouse staff.")
    assert slot_of(facts, 4, "who") == ["warehouse staff"]


# (r) an institution or named facility and another place written beside it: that place

@pytest.mark.parametrize(("sentence", "value", "expected"), [
    ("Vingt-deux patients ont été admis à l'hôpital Pasteur, à Colmar.", 22, "Colmar"),
    ("Environ 150 voyageurs ont été bloqués en gare Saint-Charles, à Marseille.", 150, "Marseille"),
])
def test_fr_facility_beside_a_town(facts_of, sentence, value, expected):
    assert slot_of(facts_of(sentence), value, "where") == [expected]


def test_en_facility_beside_a_town(en_facts):
    facts = en_facts("Some 200 people spent the night at the Westgate Leisure Centre in Manchester.")
    assert slot_of(facts, 200, "where") == ["Manchester"]


def test_fr_institution_and_a_place_apart_control(facts_of):
    # a place written apart from the institution's name: the institution's own place, where the court acts
    facts = facts_of("Le tribunal correctionnel de Valence a condamné à 8 000 euros d'amende un dealer de "
                     "Fontbarlettes.")
    assert slot_of(facts, 8000, "where") == ["Valence"]


def test_fr_facility_alone_control(facts_of):
    # no other place: the facility's named place stays
    facts = facts_of("Environ 150 voyageurs ont été bloqués en gare Saint-Charles.")
    assert slot_of(facts, 150, "where") == ["Saint-Charles"]


# (s) seized cash: who the cash, not who seized it

@pytest.mark.parametrize(("sentence", "value", "expected"), [
    ("Les policiers ont saisi 45 000 euros en espèces et deux voitures.", 45000, "espèces"),
    ("Les douaniers ont aussi confisqué 9 500 euros en liquide.", 9500, "liquide"),
])
def test_fr_seized_cash(facts_of, sentence, value, expected):
    assert slot_of(facts_of(sentence), value, "who") == [expected]


@pytest.mark.parametrize(("sentence", "value", "expected"), [
    ("Detectives seized £22,000 in cash from the flat.", 22000, "cash"),
    ("Officers recovered two stolen vans and $31,000 in cash.", 31000, "cash"),
])
def test_en_seized_cash(en_facts, sentence, value, expected):
    assert slot_of(en_facts(sentence), value, "who") == [expected]


def test_seized_cash_controls(facts_of, en_facts):
    # money paid in cash is not seized; seized goods keep the goods
    assert slot_of(facts_of("Il a payé 3 000 euros en espèces pour la voiture."), 3000, "who") != ["espèces"]
    assert slot_of(en_facts("She paid £900 in cash for the car."), 900, "who") != ["cash"]
    assert slot_of(facts_of("Les douaniers ont saisi 12 kilos de cocaïne."), 12, "who") == ["cocaïne"]
