"""Review of the en-r6 English rules (review-14b, fourteenth session; probes and verdicts in
corpus/reviews/review-14b.md): sentences where a new rule misfired on a case the code before it read right, each
with controls the rule was written for, which must not change."""

from __future__ import annotations

import pytest

from pipeline.numbers import find_quantities


def _units(text):
    return [(m.value, m.unit) for m in find_quantities(text, "en")]


def _facts(en_facts, text):
    return {(f["how_many"], f["unit"], f["event_type"]) for f in en_facts(text)}


# fmt: off
CROWNS = [  # text, (value, unit) read
    # a bare "crowns" after a small figure is a royal or a dental crown, a count (SPEC section 2)
    ("Thieves stole two crowns from the royal treasury.", [(2, None)]),
    ("The dentist fitted 12 crowns in a single day.", [(12, None)]),
    # controls: after a scale, or with the country's adjective, crowns are money (en-r6)
    ("The firm paid 850 million crowns for the site.", [(850_000_000, "SEK")]),
    ("Exports slipped 4% to 7.2 billion crowns.", [(4, "%"), (7_200_000_000, "SEK")]),
    ("The fine was 2 million Swedish crowns.", [(2_000_000, "SEK")]),
    ("The carrier paid 640 Norwegian crowns.", [(640, "NOK")]),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), CROWNS)
def test_bare_crowns_are_money_only_after_a_scale(text, expected):
    assert _units(text) == expected


def test_stolen_crowns_are_counted_crowns(en_facts):
    facts = en_facts("Thieves stole two crowns from the royal treasury on Monday.")
    assert [(f["how_many"], f["who"], f["event_type"]) for f in facts] == [(2, "crowns", "other")]


# fmt: off
KEPT = [  # text, how_many that must be a fact, how_many that must not
    # a sum, a time or a share after a capacity cue is no capacity (SPEC section 4: money is a fact)
    ("The new bridge was built for £20 million in 2019.", {20_000_000}, set()),
    ("The stadium, built for 1.2 billion euros, opened on Monday.", {1_200_000_000}, set()),
    ("Repairs can take 18 months, engineers said on Monday.", {18}, set()),
    # a bound with the noun it measures after it is no age ("12 were over 100 hectares")
    ("Of the 30 fires, 12 were over 100 hectares on Monday.", {30, 12, 100}, set()),
    ("Of the 12 wells, three were over 50 metres deep.", {12, 3, 50}, set()),
    # a verb of motion whose distance a preposition or an adverb brings is its measure
    ("The army withdrew 30 km from the border on Monday.", {30}, set()),
    ("The army pulled back 30 km from the front line on Monday.", {30}, set()),
    ("The exclusion zone was widened to 20 km from the plant on Monday.", {20}, set()),
    # "only one", "just one": a restricted one is a count
    ("Only one hospital in the region has an intensive care unit.", {1}, set()),
    ("Just one bus was running in the city on Monday.", {1}, set()),
    # controls: the en-r6 readings stay
    ("A shelter in Teknaf built for 1,500 people now houses 4,000 evacuees.", {4000}, {1500}),
    ("The ferry, which can hold about 250 people, was carrying 400 when it sank.", {400}, {250}),
    ("Of the 300 victims, 260 were over 70, officials said on Monday.", {300, 260}, {70}),
    ("Forty-four of them were over 80.", {44}, {80}),
    ("The bus overturned about 300 metres from the jetty on Monday.", set(), {300}),
    ("The road to Mocuba, 30 km north of the city, was cut on Monday.", set(), {30}),
    ("The convoy was stopped 300 miles from Kyiv on Monday.", set(), {300}),
    ("Residents near one site in Leyland complained on Monday.", set(), {1}),
    ("One bus driver, then aged 19, worked up to 70 hours a week.", {70}, {1}),
]
# fmt: on


@pytest.mark.parametrize(("text", "kept", "dropped"), KEPT)
def test_en_r6_rules_leave_these_facts(en_facts, text, kept, dropped):
    values = {f["how_many"] for f in en_facts(text)}
    assert kept <= values, text
    assert not dropped & values, text


def test_money_after_built_for_is_money(en_facts):
    facts = en_facts("The new bridge was built for £20 million in 2019.")
    assert [(f["how_many"], f["unit"], f["event_type"]) for f in facts] == [(20_000_000, "GBP", "money")]
