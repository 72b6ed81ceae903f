"""English constructions sorted on dev e19-e20 and the rest of English dev (branch en-r6, fourteenth session;
sorting in corpus/reviews/en-r6.md), on sentences written for these tests, each with controls where the rule
must not fire."""

from __future__ import annotations

import pytest

from pipeline.numbers import find_quantities


def _values(text):
    return [(m.value, m.high, m.qualifier, m.unit) for m in find_quantities(text, "en")]


# fmt: off
HYPHEN_DURATIONS = [  # text, [(value, unit)] read
    # a duration written as an adjective before the event or the sanction it measures (corpus/en/README.md)
    ("Dock workers will stage a 24-hour walkout on Friday.", [(24, "hours")]),
    ("The union called a three-day strike over pay.", [(3, "days")]),
    ("She was handed a two-year suspended sentence.", [(2, "years")]),
    ("Both fans received five-year banning orders.", [(5, "years")]),
    ("The regulator imposed a twelve-month driving ban.", [(12, "months")]),
    # controls: an age, a duration that describes in passing, a bare hyphenated date word
    ("A 45-year-old man was arrested.", []),
    ("The pupils were back from a three-day field trip.", []),
    ("It is the largest rise in the firm's 96-year history.", []),
    ("They were housed beyond the six-week legal limit.", []),
]

PERCENT_THEN_LEVEL = [  # text, [(value, high, qualifier, unit)]
    # a change in percent, then the level it reached after "to": two figures, no range
    ("Exports slipped 4% to 7.2 billion crowns.", [(4, None, "exact", "%"), (7_200_000_000, None, "exact", "SEK")]),
    ("Sales fell 12 per cent to 540,000 vehicles.", [(12, None, "exact", "%"), (540_000, None, "exact", None)]),
    # controls: a range of percentages, and one opened by "between"
    ("Turnout is expected at 40 to 45%.", [(40, 45, "range", "%")]),
    ("Prices rose between 3% and 5 in most regions.", [(3, 5, "range", "%")]),
]

CROWNS = [  # text, unit
    # the Nordic and Czech currencies written "crowns" are money (SPEC section 4: any amount of money)
    ("The carrier made a profit of 640 million Norwegian crowns.", "NOK"),
    ("The fine was 2 million Swedish crowns.", "SEK"),
    ("The deal is worth 3.5 billion crowns.", "SEK"),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), HYPHEN_DURATIONS)
def test_hyphenated_duration_of_an_event_or_a_sanction(text, expected):
    assert [(v, u) for v, _, _, u in _values(text)] == expected


@pytest.mark.parametrize(("text", "expected"), PERCENT_THEN_LEVEL)
def test_percent_change_then_level_is_no_range(text, expected):
    assert _values(text) == expected


@pytest.mark.parametrize(("text", "unit"), CROWNS)
def test_crowns_are_money(text, unit):
    found = _values(text)
    assert len(found) == 1 and found[0][3] == unit


def test_hyphenated_walkout_is_a_fact(en_facts):
    facts = en_facts("The first 48-hour walkout is planned for next Tuesday.")
    assert [(f["how_many"], f["unit"], f["event_type"]) for f in facts] == [(48, "hours", "other")]


def test_crowns_amount_is_money(en_facts):
    facts = en_facts("Operating profit dropped to 1.12 billion Norwegian crowns in the quarter.")
    assert [(f["how_many"], f["event_type"], f["who"]) for f in facts] == [
        (1_120_000_000, "money", "Operating profit")]


# fmt: off
NOT_FACTS = [  # text, the figures that must not be facts, the figures that must stay
    # a capacity of a thing (SPEC section 2)
    ("The shelter, built for 900 people, now holds more than 1,400.", [900], [1400]),
    ("The ferry, licensed to carry 150 passengers, sank on Sunday with 230 people on board.", [150], [230]),
    ("A sports hall which can hold about 300 people has been opened for the 120 evacuees.", [300], [120]),
    # a distance that only locates (SPEC section 2)
    ("Eleven people died when the bus left the road 45 km north of the capital.", [45], [11]),
    ("The boat capsized about 200 metres from the shore, and 14 people drowned.", [200], [14]),
    ("Rescuers reached three miners trapped some 400 metres below ground.", [400], [3]),
    ("The trawler sank about 25 nautical miles from the coast with nine crew aboard.", [25], [9]),
    ("Half of the staff live within three miles of the plant.", [3], [50]),
    # controls: a distance a verb measures, a length of something, an amount in millions before "from"
    ("The convoy travelled 300 miles from Kyiv.", [], [300]),
    ("The council resurfaced 68 miles of road last year.", [], [68]),
    ("Prosecutors will seek to recover £1.2m from the men.", [], [1_200_000]),
    # control: what a vessel was carrying is a fact (fourteenth session (c))
    ("The ferry was carrying 240 passengers.", [], [240]),
]
# fmt: on


@pytest.mark.parametrize(("text", "dropped", "kept"), NOT_FACTS)
def test_capacities_and_locating_distances_are_no_facts(en_facts, text, dropped, kept):
    values = {f["how_many"] for f in en_facts(text)}
    for v in dropped:
        assert v not in values, text
    for v in kept:
        assert v in values, text


def test_people_under_evacuation_orders_are_displaced(en_facts):
    facts = en_facts("On Tuesday some 4,200 residents were under evacuation orders, the county said.")
    assert [(f["how_many"], f["event_type"]) for f in facts] == [(4200, "displaced")]
    # control: the compound alone is no trigger phrase for a sum
    facts = en_facts("The council spent £2m on evacuation orders last year.")
    assert [(f["how_many"], f["event_type"]) for f in facts] == [(2_000_000, "money")]


# fmt: off
LONE_ONE = [  # text, {how_many} expected among the facts
    # a lone "one" that picks out a single person or thing is no count
    ("One bus driver, then aged 19, worked up to 70 hours a week.", {70}),
    ("Shoppers near one store in Leeds complained of long queues.", set()),
    ("One, a retired nurse from Derby, said she had lost £12,000.", {12_000}),
    # controls: an event type says what happened to it, a verb acts on it, an enumeration, a unit
    ("One person was killed and 12 were injured in the crash.", {1, 12}),
    ("One miner is still missing.", {1}),
    ("The council will close one school.", {1}),
    ("Workers staged a one-day walkout.", {1}),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), LONE_ONE)
def test_a_lone_one_picking_out_a_single_thing_is_no_count(en_facts, text, expected):
    assert {f["how_many"] for f in en_facts(text)} == expected


# fmt: off
PHONES = [  # text: no quantity in it (SPEC section 2: phone numbers)
    "Press office: 020 7946 0321.",
    "Media enquiries: 029 2010 4400.",
    "Call 13 HEALTH (13 43 25 84) for advice.",
    "Anyone with information can call police on 101.",
]
# fmt: on


@pytest.mark.parametrize("text", PHONES)
def test_phone_numbers_are_no_quantities(text):
    assert _values(text) == []


def test_phone_controls_keep_counts():
    assert [v for v, *_ in _values("Police found 13 people and 43 cars.")] == [13, 43]
    assert [v for v, *_ in _values("The council will call on 300 volunteers on Monday.")] == [300]


# fmt: off
AGE_AFTER_COPULA = [  # text, figures that are ages, figures kept
    ("The scammers targeted 75 pensioners. Thirty-one of them were over 85, and 12 lived alone.", [85], [75, 31, 12]),
    ("Of those, 140 were under 16.", [16], [140]),
    ("A quarter of our nurses are over 60, the union said.", [60], [25]),
    # controls: a toll or a group with no count before the copula
    ("The death toll was over 80 on Tuesday.", [], [80]),
    ("Those detained were over 100.", [], [100]),
]
# fmt: on


@pytest.mark.parametrize(("text", "ages", "kept"), AGE_AFTER_COPULA)
def test_bound_after_a_copula_of_a_counted_group_is_an_age(en_facts, text, ages, kept):
    values = {f["how_many"] for f in en_facts(text)}
    assert not values & set(ages), text
    assert set(kept) <= values, text


# fmt: off
CHANGE_HOLDERS = [  # sentence, {how_many: who}
    # a change's noun or comparative that the figure measures: its holder is the verb's subject (SPEC section 3)
    ("Nurses will get a 4 percent raise next year under a deal agreed in the spring, at a cost of £30m.",
     {4: "Nurses"}),
    ("Adult unemployment fell to 5.1 per cent in May from 5.4 per cent in April, a drop of 0.3 percentage points.",
     {0.3: "Adult unemployment"}),
    ("Its capital budget has been set at £96m, a cut of 4 per cent in real terms.", {96_000_000: "capital budget"}),
    ("About 1,900 pupils enrolled in the autumn term, 140 fewer than a year ago.", {140: "pupils"}),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "expected"), CHANGE_HOLDERS)
def test_a_change_is_held_by_the_verbs_subject(en_facts, sentence, expected):
    who = {f["how_many"]: f["who"] for f in en_facts(sentence)}
    for value, expected_who in expected.items():
        assert who.get(value) == expected_who, (sentence, who)


def test_a_change_with_a_pronoun_subject_keeps_no_holder(en_facts):
    who = {f["how_many"]: f["who"] for f in en_facts("That is a rise of 12 per cent on last year.")}
    assert who.get(12) in (None, "rise")


def _when(en_facts, sentence):
    return {f["how_many"]: (f["when_start"], f["when_end"]) for f in en_facts(sentence)}


def test_bare_month_range_spans_both_months(en_facts):
    # published 2025-06-20 (tests/conftest.py): the last January to March
    when = _when(en_facts, "Operating profit for January to March fell to 640 million Norwegian crowns.")
    assert when[640_000_000] == ("2025-01-01", "2025-03-31")


def test_as_of_a_day_with_a_compound_past_is_that_past_day(en_facts):
    when = _when(en_facts, "As of May 31, only 57 of the damaged homes had been repaired.")
    assert when[57] == ("2025-05-31", "2025-05-31")
    # control: with a future verb, the next such day
    when = _when(en_facts, "As of Aug. 1, fares will rise by 4%.")
    assert when[4] == ("2025-08-01", "2025-08-01")


def test_second_conjunct_of_a_count_among_a_group_takes_its_type(en_facts):
    types = {f["how_many"]: f["event_type"] for f in en_facts(
        "Among the dead were 14 men and at least five children, the coastguard said.")}
    assert types == {14: "killed", 5: "killed"}
    # control: a coordination with no group named keeps its own words
    types = {f["how_many"]: f["event_type"] for f in en_facts("The council hired 12 teachers and 4 nurses.")}
    assert types == {12: "other", 4: "other"}
