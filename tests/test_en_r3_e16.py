"""English constructions found missing on the e16 batch (branch en-r3, twelfth session; sorting in
corpus/reviews/en-r3-e16.md), on sentences written for these tests, each with controls where the rule must
not fire: a sum followed by "to" and a smaller bare count (two figures, no range), a list of bare ages after
"aged", a service number after "call", two figures joined by a hyphen, people living in or moved to temporary
places, people allowed home or landing, "this financial year", a unit written right after the figures
("94mph"), a relative clause the parser hangs on a verb, the party a sum costs, a share restating a count
after "or", "a total of" years, "since first light", and a day ahead after "expect"."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline import normalize_date

# PUBLISHED (tests/conftest.py) is Friday 20 June 2025
NULL = (None, None)
NO_FACT = "no such fact"


def _facts(en_facts, sentence):
    return {f["how_many"]: f for f in en_facts(sentence)}


# fmt: off
FIGURES = [  # sentence, {how_many: expected qualifier, or NO_FACT}
    # a sum, "to", then a smaller bare count: a sum and the count of its receivers, no range
    ("The foundation has granted £3.4m to 22 youth clubs across the county.",
     {3_400_000: "exact", 22: "exact"}),
    # controls: a range of sums, a range of counts with one scale
    ("Repairs to the bridge could cost £3m to £4m.", {3_000_000: "range"}),
    ("Between 2 and 3 million people watched the final.", {2_000_000: "range"}),
    # the ages of a list after "aged" are no counts; control: no cue, the counts stay
    ("Officers detained four teenagers, aged 15, 16 and 17, after the fire.",
     {4: "exact", 15: NO_FACT, 16: NO_FACT, 17: NO_FACT}),
    ("Officers questioned 16 and 17 witnesses in two days.", {16: "exact", 17: "exact"}),
    # a three-digit service number after "call" or "dial"; control: a count of calls
    ("Anyone who saw the crash is asked to call 101 or dial 999 in an emergency.", {101: NO_FACT, 999: NO_FACT}),
    ("The control room took 101 calls during the storm.", {101: "exact"}),
    # a measure unit written right after the figures; control: "m" after a sum is millions
    ("Gusts of 85mph hit the coast overnight.", {85: "exact"}),
    ("Up to 30cm of snow is forecast for the hills.", {30: "at_most"}),
    ("The club paid £8m for the striker.", {8_000_000: "exact"}),
    # two figures joined by a hyphen are a range, as with a dash; controls: scores (a high end below the low one,
    # or masked as a score), a name with a number, a compound of a number and a word, ages after "aged"
    ("Up to 200-300 people are expected at the vigil, and 10-15cm of snow could fall.",
     {200: "range", 10: "range"}),
    ("House prices could fall 5-10% next year.", {5: "range"}),
    ("Carter won the final in straight sets, 6-3, 6-4.", {6: NO_FACT, 3: NO_FACT, 4: NO_FACT}),
    ("The hosts won 2-1 in front of 18,000 fans.", {2: NO_FACT, 18_000: "exact"}),
    ("Covid-19 killed 300 people in the region.", {19: NO_FACT, 300: "exact"}),
    ("The three-year deal is worth £40m.", {3: NO_FACT, 40_000_000: "exact"}),
    ("Nine men aged 18-25 were charged.", {9: "exact", 18: NO_FACT}),
    # "a total of" years is a sentence's length, not an age; control: a person's years stay an age
    ("Five dealers were jailed for a total of 42 years.", {5: "exact", 42: "exact"}),
    ("A woman of 42 years was hurt in the crash.", {42: NO_FACT}),
]

TYPES = [  # sentence, {how_many: event_type}
    ("Some 75 residents were allowed home on Sunday after the gas leak was fixed.", {75: "displaced"}),
    ("A record 4,200 families were living in temporary accommodation last month.", {4200: "displaced"}),
    ("About 60 guests were moved to a nearby school after the hotel fire.", {60: "displaced"}),
    ("Coastguards said 1,300 people had arrived this month, with 400 landing on the island on Sunday alone.",
     {400: "displaced"}),
    # controls: things moved, money spent on accommodation
    ("The firm moved 40 staff to a new office in Leeds.", {40: "other"}),
    ("The council spent £4m on temporary accommodation last year.", {4_000_000: "money"}),
    # review: "landing" says what happened to people only of a noun that could be anyone (a weak trigger)
    ("Some 30 planes were landing at Heathrow on Tuesday despite the wind, the airport said.", {30: "other"}),
    ("About 120 migrants were landing on the beach at Dover on Tuesday.", {120: "displaced"}),
]

WHO = [  # sentence, {how_many: who}
    # a relative clause hung by the parser on a verb: the pronoun stands for the noun before its comma
    ("Nurses want 7%, saying that the deal falls short of inflation, which stood at 4.1% in March.",
     {4.1: "inflation"}),
    # control: a count in a relative clause keeps its own noun
    ("The club sold the striker, who scored 20 goals last season.", {20: "goals"}),
    # "cost X £N": the subject of the cost verb, not the party that bears it (thirteenth session); and with no
    # such party
    ("The outage cost the airline an estimated £9m in refunds.", {9_000_000: "outage"}),
    ("The new footbridge cost £6.5m.", {6_500_000: "new footbridge"}),
    # a share restating a count after "or" is the count's holder; control: a share of a group it names
    ("The Greens won 8,200 votes, or 19% of the total.", {19: "Greens"}),
    ("The bank cut 300 jobs, or 8% of its workforce.", {8: "workforce"}),
]

WHEN = [  # sentence, {how_many: (when_start, when_end)}
    ("The government has set aside £500m for new schools this financial year.",
     {500_000_000: ("2025-04-01", "2026-03-31")}),
    ("The trust spent £12m on agency staff last financial year.", {12_000_000: ("2024-04-01", "2025-03-31")}),
    # a day after "expect" in the present is ahead; control: "expected" is past
    ("Forecasters expect 20-30cm of snow on high ground on Sunday.", {20: ("2025-06-22", "2025-06-22")}),
    ("The league expects 12,000 fans at the final on Saturday.", {12_000: ("2025-06-21", "2025-06-21")}),
    ("Organisers expected 5,000 runners on Saturday.", {5000: ("2025-06-14", "2025-06-14")}),
    # control: "this year" stays the calendar year
    ("The government has set aside £500m for new schools this year.",
     {500_000_000: ("2025-01-01", "2025-12-31")}),
    ("Crews have restored power to 9,000 homes since first light.", {9000: ("2025-06-20", "2025-06-20")}),
    # control: "at first light" ahead is no day of a figure
    ("Crews will resume work at first light, after 40 homes were flooded.", {40: NULL}),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "expected"), FIGURES)
def test_which_figures_are_facts(en_facts, sentence, expected):
    got = _facts(en_facts, sentence)
    assert {k: got[k]["qualifier"] if k in got else NO_FACT for k in expected} == expected


@pytest.mark.parametrize(("sentence", "expected"), TYPES)
def test_event_type(en_facts, sentence, expected):
    got = _facts(en_facts, sentence)
    assert {k: got[k]["event_type"] if k in got else NO_FACT for k in expected} == expected


@pytest.mark.parametrize(("sentence", "expected"), WHO)
def test_who(en_facts, sentence, expected):
    got = _facts(en_facts, sentence)
    assert {k: got[k]["who"] if k in got else NO_FACT for k in expected} == expected


@pytest.mark.parametrize(("sentence", "expected"), WHEN)
def test_when(en_facts, sentence, expected):
    got = _facts(en_facts, sentence)
    assert {k: (got[k]["when_start"], got[k]["when_end"]) if k in got else NO_FACT for k in expected} == expected


@pytest.mark.parametrize(("text", "reference", "start", "end"), [
    ("this financial year", date(2026, 1, 10), "2025-04-01", "2026-03-31"),  # before April: the one begun last year
    ("this financial year", date(2026, 4, 1), "2026-04-01", "2027-03-31"),
    ("next financial year", date(2025, 6, 20), "2026-04-01", "2027-03-31"),
    ("the previous financial year", date(2025, 6, 20), "2024-04-01", "2025-03-31"),
])
def test_relative_financial_years(text, reference, start, end):
    interval = normalize_date(text, reference, "en")
    assert interval is not None, text
    assert (interval.start.isoformat(), interval.end.isoformat()) == (start, end)
