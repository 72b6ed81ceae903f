"""`who` in English (SPEC section 2, corpus/README.md "Slots" and who rule 5): constructions of session 12 read
off the English dev errors (corpus/reviews/en-who-12.md). Sentences written for these tests."""

import pytest


def whos(facts):
    return [(f["how_many"], f["who"]) for f in facts]


@pytest.mark.parametrize(("sentence", "value", "expected"), [
    # a part "N of them" whose group is counted earlier in its own sentence, in another clause
    ("The charity sent 1,500 hygiene kits to the valley, and a quarter of them went to schools.", 25, "hygiene kits"),
    ("Firefighters rescued 210 residents from four tower blocks, 150 of them from the tallest.", 150, "residents"),
    ("Heatwaves killed 320 people in Greece in 2024, almost a third of them in Athens, officials said.", 33.33,
     "people"),
])
def test_part_of_a_group_counted_in_its_own_sentence(en_facts, sentence, value, expected):
    assert (value, expected) in whos(en_facts(sentence))


@pytest.mark.parametrize(("sentence", "value", "expected"), [
    # controls: the part's own noun after the pronoun; a noun the part complements; a group in the sentence before
    ("The quake damaged 900 homes in the province, 120 of them farmhouses, the agency said.", 120, "farmhouses"),
    ("Police arrested 14 men in the raids. Charges against six of them were dropped.", 6, "men"),
    ("Medics treated 86 survivors on Sunday, and 23 of them remain in hospital.", 23, "survivors"),
    ("Stewards removed 64 spectators from the stand, and 20 of them were banned for a season.", 20, "spectators"),
])
def test_part_of_a_group_controls(en_facts, sentence, value, expected):
    assert (value, expected) in whos(en_facts(sentence))


@pytest.mark.parametrize(("sentence", "value", "expected"), [
    # a common noun right before a name (close apposition): the name
    ("His cousin Dylan Marsh, 29, received four years.", 4, "Dylan Marsh"),
    ("Her husband Colin Pratt was fined £2,000 for the offence.", 2000, "Colin Pratt"),
    # an amount's noun set beside a name: the name
    ("The council backed Project Lumen, a £2m scheme for street lights.", 2e6, "Project Lumen"),
])
def test_name_in_apposition(en_facts, sentence, value, expected):
    assert (value, expected) in whos(en_facts(sentence))


@pytest.mark.parametrize(("sentence", "value", "expected"), [
    # controls: a counted noun stays; a place (a name set off by commas is the name since the thirteenth session:
    # tests/test_conventions_13.py)
    ("The company, Brightwell Ltd, was fined £80,000 for the leak.", 80000, "Brightwell Ltd"),
    ("Two climbers, Ana Ruiz and Tom Price, were injured.", 2, "climbers"),
    ("Officials approved a £300m plan for the harbour.", 3e8, "harbour"),
])
def test_name_in_apposition_controls(en_facts, sentence, value, expected):
    assert (value, expected) in whos(en_facts(sentence))


def test_bare_count_among_a_group_is_not_the_speaker(en_facts):
    # "Among the dead were 12, police said": the dead are counted, police is the source
    fact = next(f for f in en_facts("Among the dead were 9, the coroner said.") if f["how_many"] == 9)
    assert (fact["who"], fact["event_type"], fact["unit"], fact["source"]) == ("dead", "killed", None, "coroner")


def test_counted_group_among_the_figure_before_gives_the_type(en_facts):
    # "Among the 40 injured were 12 police officers": the officers were injured, not deployed
    facts = {f["how_many"]: f for f in en_facts("Among the 25 injured were eight firefighters.")}
    assert (facts[8]["who"], facts[8]["event_type"]) == ("firefighters", "wounded")
    assert facts[25]["event_type"] == "wounded"


@pytest.mark.parametrize(("sentence", "value", "who", "event_type"), [
    # controls: a group with a noun of its own, a count with no group, a speaker with a counted noun
    ("Among the dead were 12 children, police said.", 12, "children", "killed"),
    ("Eight firefighters were sent to the blaze.", 8, "firefighters", "deployed"),
    ("Police said 30 people were injured.", 30, "people", "wounded"),
])
def test_among_controls(en_facts, sentence, value, who, event_type):
    fact = next(f for f in en_facts(sentence) if f["how_many"] == value)
    assert (fact["who"], fact["event_type"]) == (who, event_type)


@pytest.mark.parametrize(("sentence", "value", "expected"), [
    # a verb of proportion ("account for"): its subject holds the share
    ("Scotland accounted for 12% of the claims.", 12, "Scotland"),
    ("Older drivers were the largest group, accounting for 41% of the fines.", 41, "Older drivers"),
    # a value said of a thing ("..., worth ..."): the thing
    ("The crew smuggled 300 rare tortoises through the port, worth an estimated £90,000.", 90000, "rare tortoises"),
    # a rate written before its noun ("one in five X", "a 5% rise"): the noun
    ("As many as one in four pharmacies could close by 2027, the association warned.", 25, "pharmacies"),
    ("The deal follows a 6% rise last spring.", 6, "rise"),
])
def test_holders_of_shares_and_values(en_facts, sentence, value, expected):
    assert (value, expected) in whos(en_facts(sentence))


@pytest.mark.parametrize(("sentence", "value", "expected"), [
    # controls: a share of the object of another verb; an amount the object of a transfer verb; a rate of a subject
    ("Fewer than 40% of households own a car.", 40, "households"),
    # (the goods valued since the fourteenth session's convention (j), no longer who seized them)
    ("Officers also seized heroin worth an estimated £25,000.", 25000, "heroin"),
    ("The jobless rate rose to 5.1%.", 5.1, "jobless rate"),
    ("Exports fell 9 per cent to 41,000 tonnes.", 9, "Exports"),
])
def test_holders_controls(en_facts, sentence, value, expected):
    assert (value, expected) in whos(en_facts(sentence))


@pytest.mark.parametrize(("sentence", "value", "expected"), [
    # a quantifying pronoun subject with a counted group ("Each of the N X"): the group, without its complement
    ("Each of the 450 fishermen affected by the spill will receive $3,000, the state said.", 3000, "fishermen"),
    ("Each of the 80 tenants in the tower will get £1,500 towards moving costs.", 1500, "tenants"),
])
def test_each_of_a_counted_group(en_facts, sentence, value, expected):
    assert (value, expected) in whos(en_facts(sentence))


@pytest.mark.parametrize(("sentence", "value", "expected"), [
    # controls: a pronoun with no counted group; a plain subject keeps its complement rule
    ("The council said each family will receive £400.", 400, "family"),
    ("The unemployment rate in Wales rose to 4.9%.", 4.9, "unemployment rate in Wales"),
])
def test_each_of_controls(en_facts, sentence, value, expected):
    assert (value, expected) in whos(en_facts(sentence))


@pytest.mark.parametrize(("sentence", "value", "expected"), [
    # an amount of a second verb of the subject of a figure before it: the subject, not the one it is "for"
    ("The mayor said the council would suspend parking charges for three months and had set aside £400,000 for "
     "the repairs.", 400000, "council"),
    ("The minister said the agency would close the bridge for two weeks and had allocated €3m for the works.",
     3e6, "agency"),
])
def test_second_verb_of_one_subject(en_facts, sentence, value, expected):
    assert (value, expected) in whos(en_facts(sentence))


@pytest.mark.parametrize(("sentence", "value", "expected"), [
    # controls: a figure sharing the verb of the one before it takes the one it is for
    ("Ruiz took 38,614 votes, against 31,200 for Bell.", 31200, "Bell"),
    ("The trust said the board would freeze hiring for nine months and had earmarked £2.5m for the new ward.",
     2.5e6, "board"),
])
def test_second_verb_controls(en_facts, sentence, value, expected):
    assert (value, expected) in whos(en_facts(sentence))


@pytest.mark.parametrize(("sentence", "value", "expected"), [
    # a share complementing an event noun that names a measure, with its indefinite article: that measure
    ("Nurses backed the offer on a turnout of 58%, the union said.", 58, "turnout"),
    # controls: the same noun without the article keeps its holder
    ("The economy recorded growth of 0.4% in the quarter.", 0.4, "economy"),
])
def test_measure_noun_of_a_share(en_facts, sentence, value, expected):
    assert (value, expected) in whos(en_facts(sentence))
