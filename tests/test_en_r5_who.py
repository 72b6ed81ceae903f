"""English who constructions sorted on dev (branch en-r5, fourteenth session; sorting in corpus/reviews/en-r5.md),
on sentences written for these tests, each with controls where the rule must not fire."""

from __future__ import annotations

import pytest


def _who(en_facts, sentence):
    return {f["how_many"]: f["who"] for f in en_facts(sentence)}


# fmt: off
SET_OFF_NAMES = [  # sentence, {how_many: who}
    # a name set off by commas after a role noun's phrase: who is the name (corpus/README.md, thirteenth session)
    ("Her accomplice, Dean Ashworth, received nine years at Leeds Crown Court.", {9: "Dean Ashworth"}),
    ("The haulier, Pennine Freight Ltd, was fined £80,000.", {80_000: "Pennine Freight Ltd"}),
    ("The judge jailed the founder of the scheme, Rupert Vale, 58, for seven years.", {7: "Rupert Vale"}),
    # controls: a role with no name beside it stays the role; a place beside a noun is no name for who
    ("The ringleader was jailed for eight years.", {8: "ringleader"}),
    ("The regional operator, in Leeds, was fined £40,000.", {40_000: "regional operator"}),
    # control: the things counted, then names of some of them: who stays what is counted
    ("Police arrested two brothers, Tom and Sam Price, on Friday.", {2: "brothers"}),
]

COST = [  # sentence, {how_many: who}
    # "X cost Y £N": who is X, the subject of the cost verb, not Y who bears it (corpus/README.md, thirteenth session)
    ("The three-day strike cost the ferry company £3.2m in lost fares.", {3_200_000: "three-day strike"}),
    ("The repairs will cost the council an estimated $450,000.", {450_000: "repairs"}),
    # controls: no party written, and a sum that is paid to someone ("gave the charity £5,000": the giver)
    ("The new library cost £12m.", {12_000_000: "new library"}),
    ("A local bakery gave the shelter £5,000.", {5_000: "local bakery"}),
]

WIND = [  # sentence, {how_many: who}
    # a wind speed complementing "gusts of" / "winds of": the gusts are what it measures, not the storm
    ("Storm Petra lashed the islands with gusts of up to 85mph.", {85: "gusts"}),
    ("The cyclone brought winds of 160 km/h to the coast.", {160: "winds"}),
    # controls: a speed with no such noun keeps the subject; rain measured keeps the rain
    ("The storm was moving at 30 km/h.", {30: "storm"}),
    ("The storm dropped 80 millimetres of rain on the town.", {80: "rain"}),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "expected"), SET_OFF_NAMES)
def test_name_set_off_beside_a_role_is_who(en_facts, sentence, expected):
    who = _who(en_facts, sentence)
    for value, expected_who in expected.items():
        assert value in who, sentence
        assert who[value] == expected_who, sentence


@pytest.mark.parametrize(("sentence", "expected"), COST)
def test_what_costs_is_who_not_who_bears_it(en_facts, sentence, expected):
    who = _who(en_facts, sentence)
    for value, expected_who in expected.items():
        assert value in who, sentence
        assert who[value] == expected_who, sentence


@pytest.mark.parametrize(("sentence", "expected"), WIND)
def test_wind_speed_measures_the_gusts(en_facts, sentence, expected):
    who = _who(en_facts, sentence)
    for value, expected_who in expected.items():
        assert value in who, sentence
        assert who[value] == expected_who, sentence
