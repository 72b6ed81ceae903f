"""English constructions found on the e17 batch (branch en-r4, thirteenth session; sorting in
corpus/reviews/en-r4-e17.md), on sentences written for these tests, each with controls where the rule must
not fire: a compared figure followed by "last year" (a figure, then a date, not a window of "N last years"),
a measure written out in full ("millimetres of rain": the rain is measured), and a share set off after a comma
that only says how much the figure before it changed (its who is that figure's), and a sum or a duration
of the title repeated in the body (the body says whose it is; shared with French)."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline import normalize_date

# PUBLISHED (tests/conftest.py) is Friday 20 June 2025
NO_FACT = "no such fact"


def _facts(en_facts, sentence):
    return {f["how_many"]: f for f in en_facts(sentence)}


# fmt: off
LAST_YEAR = [  # sentence, {how_many: (when_start, when_end), or NO_FACT}
    # a figure above one, then "last" and a singular unit: a point of comparison dated last year, not a window
    ("Some 3,400 pupils sat the exam this summer, down from 3,950 last year.",
     {3950: ("2024-01-01", "2024-12-31")}),
    ("Burglaries rose to 88, up from 52 last year, police said.", {52: ("2024-01-01", "2024-12-31")}),
    ("The show drew 61,000 visitors, compared with 57,500 last year.", {57_500: ("2024-01-01", "2024-12-31")}),
    # controls: a window counted back ("the last 48 hours", "the 12 last months" as French writes it) stays no fact
    ("Rescuers have found 14 survivors in the last 48 hours.", {14: None, 48: NO_FACT}),
]

WHO = [  # sentence, {how_many: who}
    # a measure unit written out in full: what it measures is who, as with "kilograms of cocaine"
    ("Gauges at the dam recorded 95 millimetres of rain in a single night.", {95: "rain"}),
    ("Up to 12 centimetres of snow settled on the moors.", {12: "snow"}),
    # control: a unit that counts things keeps its noun
    ("Volunteers planted 300 trees along the river.", {300: "trees"}),
    # a share set off after a comma, saying how much the figure before it changed: that figure's who
    ("Hospitals treated 9,300 flu patients in January, up 14% on the same month last year.", {14: "flu patients"}),
    ("The ferry line carried 812,000 cars in 2025, 6% more than a year earlier.", {6: "cars"}),
    ("Councils issued 21,700 parking fines in May, a rise of 11% on April.", {11: "parking fines"}),
    # controls: a share of a group the figure is part of, a share in a clause of its own
    ("The plant will shed 240 jobs, 15% of its workforce.", {15: "workforce"}),
    ("Retailers sold 4,000 heat pumps in March, and prices rose 3% over the month.", {3: "prices"}),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "expected"), LAST_YEAR)
def test_figure_before_last_year_is_a_dated_comparison(en_facts, sentence, expected):
    facts = _facts(en_facts, sentence)
    for value, when in expected.items():
        if when == NO_FACT:
            assert value not in facts, sentence
            continue
        assert value in facts, sentence
        if when is not None:
            assert (facts[value]["when_start"], facts[value]["when_end"]) == when, sentence


@pytest.mark.parametrize(("sentence", "expected"), WHO)
def test_who(en_facts, sentence, expected):
    facts = _facts(en_facts, sentence)
    for value, who in expected.items():
        assert value in facts, sentence
        assert facts[value]["who"] == who, sentence


# fmt: off
TITLES = [  # text (title, blank line, body), how_many, who
    # a sum or a duration of the title repeated in the body: the body says whose it is (who rule 4)
    ("Care boss jailed for six years over £2m fraud\n\nA former care home manager was jailed for six years"
     " at Hull Crown Court on Tuesday.", 6, "former care home manager"),
    ("Landlord gang jailed after £950,000 rent scam\n\nThree brothers who took £950,000 from tenants were jailed on"
     " Friday.", 950_000, "brothers"),
    # controls: a count of things stays the title's when the body repeats it with another subject; a sum the body
    # does not repeat keeps the title's reading
    ("Storm fells 3,000 trees across Kent\n\nCouncil crews said 3,000 trees had come down by Sunday.", 3000, "trees"),
    ("Council approves £4m flood plan\n\nWork on the defences will start in May.", 4_000_000, "Council"),
]
# fmt: on


@pytest.mark.parametrize(("text", "value", "who"), TITLES)
def test_a_title_sum_or_duration_takes_the_bodys_who(en_facts, text, value, who):
    assert [f["who"] for f in en_facts(text) if f["how_many"] == value] == [who]


def test_a_french_title_sum_takes_the_bodys_who(facts_of):
    # the rule is shared: "débloque 2 millions" in the title, the body's subject of the same sum
    text = ("Inondations : le département débloque 2 millions d'euros\n\nLe conseil départemental du Gard a débloqué"
            " lundi 2 millions d'euros pour les sinistrés.")
    assert [f["who"] for f in facts_of(text) if f["how_many"] == 2_000_000] == ["conseil départemental du Gard"]


# fmt: off
RETURNED = [  # sentence, {how_many: event_type}
    # "returned" says people moved only of a noun that could be anyone, and a share only of a holder that could be
    # people (review-12: "The fund returned 7%" was displaced)
    ("The pension fund returned 4.5% in the year to March.", {4.5: "other"}),
    ("Of the 90 drivers who walked out on Monday, 30 have returned to work.", {30: "other"}),
    # controls: people returned or returning home stay displaced, and a share of arrivals too
    ("Some 1,700 people were returned to Georgia in the first half of the year.", {1700: "displaced"}),
    ("About 400 residents returned to their homes on Sunday.", {400: "displaced"}),
    ("Arrivals rose 12% in May.", {12: "displaced"}),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "expected"), RETURNED)
def test_returned_says_people_moved_only_of_people(en_facts, sentence, expected):
    facts = _facts(en_facts, sentence)
    for value, event_type in expected.items():
        assert facts[value]["event_type"] == event_type, sentence


# fmt: off
SEASONS = [  # text, reference day, (start, end)
    # "next" and "last" before a season are its direction, also where the grammar reads them as its prefix
    # (review-12: "next spring" was read as the current spring): the first one to begin after the reference day, the
    # last one over before it
    ("next spring", "2025-04-10", ("2026-03-20", "2026-06-20")),
    ("last spring", "2025-04-10", ("2024-03-20", "2024-06-20")),
    ("next summer", "2025-04-10", ("2025-06-21", "2025-09-22")),
    ("next summer", "2025-11-20", ("2026-06-21", "2026-09-22")),
    ("last winter", "2025-04-10", ("2024-12-21", "2025-03-19")),
    # controls: "this spring", "last summer" after it
    ("this spring", "2025-04-10", ("2025-03-20", "2025-06-20")),
    ("last summer", "2025-11-20", ("2025-06-21", "2025-09-22")),
]
# fmt: on


@pytest.mark.parametrize(("text", "reference", "interval"), SEASONS)
def test_next_and_last_season(text, reference, interval):
    found = normalize_date(text, date.fromisoformat(reference), "en")
    assert found is not None, text
    assert (found.start.isoformat(), found.end.isoformat()) == interval, text


# fmt: off
CHANGE_STARTS = [  # sentence, {how_many: (when_start, when_end) or None}
    # a period after the reference day right after a change is when it starts, no base it is measured against
    # (review-12: "another 2% from July" took the January of the figure before)
    ("Water bills will rise 6% from October and another 2% from April.",
     {6: ("2025-10-01", "2025-10-31"), 2: ("2026-04-01", "2026-04-30")}),
    # control: a past period after a change is its base, no time of it
    ("Rents were up 9% from May 2024.", {9: None}),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "expected"), CHANGE_STARTS)
def test_a_change_from_a_later_period_starts_then(en_facts, sentence, expected):
    facts = _facts(en_facts, sentence)
    for value, when in expected.items():
        got = (facts[value]["when_start"], facts[value]["when_end"])
        assert got == (when or (None, None)), sentence
