"""The fourteenth session's conventions (corpus/README.md, "Settled in the fourteenth session", letters
a–l; corpus/reviews/open-readings-13.md), French and English. Sentences written for these tests."""

import pytest


def slot_of(facts, value, slot):
    return [f[slot] for f in facts if f["how_many"] == value]


# (l) a place inside an institution's name is the where, written as the place, when the sentence names no other

@pytest.mark.parametrize(("sentence", "value", "expected"), [
    ("Au CHU de Guadeloupe, 85 patients ont été hospitalisés.", 85, "Guadeloupe"),
    ("Selon la préfecture du Morbihan, 30 tonnes d'algues ont été ramassées.", 30, "Morbihan"),
    ("Selon la préfecture maritime de l'Atlantique, 12 tonnes de gazole se sont échappées.", 12, "Atlantique"),
    ("Le tribunal correctionnel de Nîmes a condamné le gérant à une amende de 20 000 euros.", 20000, "Nîmes"),
])
def test_fr_place_in_institution_name(facts_of, sentence, value, expected):
    assert slot_of(facts_of(sentence), value, "where") == [expected]


@pytest.mark.parametrize(("sentence", "value", "expected"), [
    # the sentence names another place: the institution only locates itself
    ("Les pompiers de Luxeuil ont conduit quatre blessés à l'hôpital de Vesoul.", 4, "Luxeuil"),
    # a name with no place inside, a firm's name ending on an institution noun
    ("Selon la Cour des comptes, 300 postes ont été supprimés.", 300, None),
    ("« Les prix pourraient grimper de 4 % », estime Paul Morel, analyste au cabinet Vertal Conseil.", 4, None),
])
def test_fr_place_in_institution_name_controls(facts_of, sentence, value, expected):
    assert slot_of(facts_of(sentence), value, "where") == [expected]


@pytest.mark.parametrize(("sentence", "value", "expected"), [
    ("He was jailed for seven years at Carlisle Crown Court.", 7, "Carlisle"),
    ("Dorset Police said 23 people were arrested.", 23, "Dorset"),
    ("Harrogate General Hospital treated 16 people for smoke inhalation.", 16, "Harrogate"),
    ("Suffolk County Council approved £3.1m for new cycle lanes.", 3100000, "Suffolk"),
])
def test_en_place_in_institution_name(en_facts, sentence, value, expected):
    assert slot_of(en_facts(sentence), value, "where") == [expected]


@pytest.mark.parametrize(("sentence", "value", "expected"), [
    # a wildfire's name is no institution; a county is a place itself
    ("The Cedar Fire has burned 12,400 acres.", 12400, None),
    ("Officials said 40 homes were destroyed in Marin County.", 40, "Marin County"),
    ("The High Court fined the firm £60,000.", 60000, None),
])
def test_en_place_in_institution_name_controls(en_facts, sentence, value, expected):
    assert slot_of(en_facts(sentence), value, "where") == [expected]


def test_fr_institution_place_of_another_clause(facts_of):
    facts = facts_of("L'Etat versera 200 000 euros, et le département de la Creuse apportera 80 000 euros.")
    assert slot_of(facts, 80000, "where") == ["Creuse"]
    assert slot_of(facts, 200000, "where") == [None]


# (b) a compared figure's when: "a year ago" / "il y a un an" the day a year before publication (2025-06-20);
# "last year" the previous calendar year; "a year earlier" the main figure's when a year back, null without one

def when_of(facts, value):
    return [(f["when_start"] and str(f["when_start"])[:10], f["when_end"] and str(f["when_end"])[:10])
            for f in facts if f["how_many"] == value]


@pytest.mark.parametrize(("sentence", "value", "expected"), [
    ("L'école compte 412 élèves, contre 380 il y a un an.", 380, ("2024-06-20", "2024-06-20")),
    ("Le refuge héberge 95 chiens, contre 70 l'an dernier.", 70, ("2024-01-01", "2024-12-31")),
    ("En mars 2025, 400 logements ont été vendus, contre 350 un an plus tôt.", 350, ("2024-03-01", "2024-03-31")),
    ("Les ventes ont atteint 400 logements, contre 350 un an plus tôt.", 350, (None, None)),
])
def test_fr_compared_figure_when(facts_of, sentence, value, expected):
    assert when_of(facts_of(sentence), value) == [expected]


@pytest.mark.parametrize(("sentence", "value", "expected"), [
    ("The shelter houses 95 dogs, compared with 70 a year ago.", 70, ("2024-06-20", "2024-06-20")),
    ("The festival drew 80,000 people, compared with 72,000 last year.", 72000, ("2024-01-01", "2024-12-31")),
    ("Two years ago, 9,000 people were waiting.", 9000, ("2023-01-01", "2023-12-31")),
    ("Sales rose to 4,000 units, up from 3,500 a year earlier.", 3500, (None, None)),
])
def test_en_compared_figure_when(en_facts, sentence, value, expected):
    assert when_of(en_facts(sentence), value) == [expected]


# (c) people aboard: a fact; displaced for migrants on a crossing, other for people carried by a vehicle

def type_of(facts, value):
    return [f["event_type"] for f in facts if f["how_many"] == value]


@pytest.mark.parametrize(("text", "value", "expected"), [
    ("Une pirogue de migrants a chaviré au large de Dakhla. L'embarcation transportait 64 personnes.", 64, "displaced"),
    ("Des exilés tentaient la traversée. Une quarantaine de personnes se trouvaient à bord du canot.", 40,
     "displaced"),
    # controls: a coach's passengers; a per-boat average is a measure
    ("Le car, qui rentrait d'Espagne, transportait 52 passagers.", 52, "other"),
    ("Les passeurs entassent les exilés sur des canots. Ils transportaient en moyenne 58 personnes cet été.", 58,
     "other"),
])
def test_fr_people_aboard(facts_of, text, value, expected):
    assert type_of(facts_of(text), value) == [expected]


@pytest.mark.parametrize(("text", "value", "expected"), [
    ("A boat carrying migrants sank off Lesbos. Survivors said about 90 people had been on board.", 90, "displaced"),
    ("Smugglers launched the dinghy from Libya with about 75 people on board.", 75, "displaced"),
    ("The coach was carrying 49 passengers when it left the road.", 49, "other"),
])
def test_en_people_aboard(en_facts, text, value, expected):
    assert type_of(en_facts(text), value) == [expected]


# (e) emergency-room visits: other, whatever their cause; hospitalisations with a verb of their own stay affected

@pytest.mark.parametrize(("sentence", "value", "expected"), [
    ("Les urgences du CHU ont accueilli 415 patients pendant le week-end.", 415, "other"),
    ("Les services d'urgence ont reçu 230 patients souffrant de la chaleur.", 230, "other"),
    # controls: hospitalised by their own verb; another service receiving patients
    ("Au total, 45 patients ont été hospitalisés.", 45, "affected"),
])
def test_fr_emergency_visits(facts_of, sentence, value, expected):
    assert type_of(facts_of(sentence), value) == [expected]


@pytest.mark.parametrize(("sentence", "value", "expected"), [
    ("The emergency department saw 2,900 patients last week.", 2900, "other"),
    ("A&E received 1,450 patients with breathing problems.", 1450, "other"),
    ("Some 310 patients were admitted to wards.", 310, "affected"),
])
def test_en_emergency_visits(en_facts, sentence, value, expected):
    assert type_of(en_facts(sentence), value) == [expected]


# (i) a per-unit average keeps its measured noun; a plain count held by a collective noun is the people counted

def who_of(facts, value):
    return [f["who"] for f in facts if f["how_many"] == value]


@pytest.mark.parametrize(("sentence", "value", "expected"), [
    ("L'affluence moyenne a atteint 4 120 spectateurs par match.", 4120, "affluence moyenne"),
    ("L'effectif moyen grimpe à 31 élèves par classe.", 31, "effectif moyen"),
    # controls: a plain count; an average with no measured noun in the sentence
    ("Les effectifs ont atteint 1 830 agents fin 2025.", 1830, "agents"),
    ("Nous aurons en moyenne 24 élèves par classe.", 24, "élèves"),
])
def test_fr_per_unit_average(facts_of, sentence, value, expected):
    assert who_of(facts_of(sentence), value) == [expected]


@pytest.mark.parametrize(("sentence", "value", "expected"), [
    ("Average attendance reached 3,640 spectators per match.", 3640, "Average attendance"),
    ("The workforce reached 2,460 staff last year.", 2460, "staff"),
])
def test_en_per_unit_average(en_facts, sentence, value, expected):
    assert who_of(en_facts(sentence), value) == [expected]


# (d) victims: of an offence, affected when counted as harmed, other for another act; of a disaster, casualties

@pytest.mark.parametrize(("text", "value", "expected"), [
    ("Escroquerie aux faux placements : le réseau a escroqué au moins 64 épargnants.", 64, "affected"),
    ("Escroquerie : le réseau aux 270 victimes lourdement condamné", 270, "affected"),
    # controls: victims of a disaster
    ("L'avalanche a fait 7 victimes.", 7, "casualties"),
])
def test_fr_offence_victims(facts_of, text, value, expected):
    assert type_of(facts_of(text), value) == [expected]


@pytest.mark.parametrize(("text", "value", "expected"), [
    ("The fraudster stole from hundreds of pensioners over a decade.", 100, "affected"),
    ("In the fraud case, some 75 victims attended the hearing.", 75, "other"),
    ("In the fraud case, at least 30 victims lost their life savings.", 30, "affected"),
])
def test_en_offence_victims(en_facts, text, value, expected):
    assert type_of(en_facts(text), value) == [expected]


# (j) the value of goods: who is the goods valued, not who seized them

@pytest.mark.parametrize(("sentence", "value", "expected"), [
    ("Officers seized cannabis and cocaine worth an estimated £31,000.", 31000, "cannabis and cocaine"),
    ("Police found 860 plants worth about £700,000 in the loft.", 700000, "plants"),
    # controls: money itself (a pay rise, a penalty) keeps its holder
    ("Under the deal, teachers will get a pay rise worth £2,100 a year.", 2100, "teachers"),
])
def test_en_value_of_goods(en_facts, sentence, value, expected):
    assert who_of(en_facts(sentence), value) == [expected]


# (a) a share of an untyped group takes its own predicate's type: people who lost something of theirs are hit

@pytest.mark.parametrize(("sentence", "value", "expected"), [
    ("Deux tiers des viticulteurs ont perdu leurs vendanges.", 66.67, "affected"),
    # controls: the share is what was lost; a loss that is no harm to the group's own
    ("Les commerces ont perdu 8 % de leur chiffre d'affaires.", 8, "other"),
    ("La moitié des équipes ont perdu un match.", 50, "other"),
])
def test_fr_share_of_group_with_its_own_loss(facts_of, sentence, value, expected):
    assert type_of(facts_of(sentence), value) == [expected]


def test_en_share_of_group_with_its_own_loss(en_facts):
    assert type_of(en_facts("A third of the growers lost their crops."), 33.33) == ["affected"]
