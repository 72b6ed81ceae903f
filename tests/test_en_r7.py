"""English constructions sorted on dev e22 and the rest of English dev (branch en-r7, fifteenth session; sorting in
corpus/reviews/en-r7.md), on sentences written for these tests, each with controls where the rule must not fire."""

from __future__ import annotations

import pytest

# fmt: off
WAITING = [  # text, figure, event type
    # people counted as waiting (for treatment, a bed, a home; on a waiting list) are a queue, no harm: `other`
    # (every English dev and bank gold fact of the construction, eleven of them)
    ("The number of patients waiting for surgery at the clinic rose to 8,400 in May.", 8400, "other"),
    ("Some 1,200 patients had waited more than a year for an operation.", 1200, "other"),
    ("About 60,000 households are on the council's waiting list.", 60000, "other"),
    ("On Monday there were 45 patients in the corridor waiting for a bed.", 45, "other"),
    # controls: the same nouns with no wait keep their usual type
    ("About 60,000 households were left without power.", 60000, "affected"),
    ("Some 300 patients were admitted to hospital.", 300, "affected"),
    ("The clinic treated 500 patients last month.", 500, "affected"),
]
# fmt: on


@pytest.mark.parametrize(("text", "figure", "event_type"), WAITING)
def test_people_waiting_are_other(en_facts, text, figure, event_type):
    facts = {f["how_many"]: f for f in en_facts(text)}
    assert facts[figure]["event_type"] == event_type


# fmt: off
CONVERSIONS = [  # text, the amount, its conversion in parentheses
    # a currency conversion is its own money fact with the who, what and when of the amount it converts
    # (corpus/README.md, fourteenth session (k)), also when the amount is written with an abbreviated multiplier
    # ("€187m")
    ("Net loss for the quarter came to €187m ($203m) in the three months to September.", 187e6, 203e6),
    ("Martin Hale was arrested in May with 40kg of cocaine, valued at €1.9m (£1.65m), at the port.", 1.9e6, 1.65e6),
    ("Each flood-hit family will receive 25,000 taka (about $205) from the government.", 25000, 205),
    ("The drought cost farmers 4.8 billion kwacha ($180 million) in lost harvests this year.", 4.8e9, 180e6),
]
# fmt: on


@pytest.mark.parametrize(("text", "amount", "converted"), CONVERSIONS)
def test_conversion_takes_the_converted_amounts_slots(en_facts, text, amount, converted):
    facts = {f["how_many"]: f for f in en_facts(text)}
    main, conversion = facts[amount], facts[converted]
    assert conversion["event_type"] == "money"
    assert conversion["who"] == main["who"] and conversion["who"] is not None
    assert (conversion["when_start"], conversion["when_end"]) == (main["when_start"], main["when_end"])


def test_parenthesised_figure_after_a_noun_is_no_conversion(en_facts):
    # control: a figure in parentheses after a noun, not after an amount, keeps that noun ("Rennes (+4,6 %)")
    facts = {f["how_many"]: f for f in en_facts("Spending rose fastest in Leeds (£3.4m) and York (£2.1m) last year.")}
    assert facts[2.1e6]["who"] != facts[3.4e6]["who"]


# fmt: off
SUPERLATIVE_SINCE = [  # text, figure, (when_start, when_end) expected
    # a since phrase or clause on a superlative bounds a record, not the figure's time (SPEC section 3; the
    # record_markers of the pack, by the parser's superlative degree instead of a word list)
    ("Kessler's shares fell 11.6% in Frankfurt by midday, their steepest drop since the company listed in 2019.",
     11.6, (None, None)),
    ("Food prices rose 4.9% over the year, the fastest rate since early 2024.", 4.9, (None, None)),
    ("Arrivals reached 4,100 in June, the most since 2019.", 4100, ("2025-06-01", "2025-06-30")),
    # controls: a since date on the figure's verb, and a superlative with no since
    ("The trust has hired 300 nurses since January, its highest intake in a decade.", 300,
     ("2025-01-01", "2025-06-20")),
    ("Some 4,350 cases have been recorded since March, the agency said.", 4350, ("2025-03-01", "2025-06-20")),
]
# fmt: on


@pytest.mark.parametrize(("text", "figure", "when"), SUPERLATIVE_SINCE)
def test_since_on_a_superlative_bounds_a_record(en_facts, text, figure, when):
    facts = {f["how_many"]: f for f in en_facts(text)}
    assert (facts[figure]["when_start"], facts[figure]["when_end"]) == when


# fmt: off
THE_FIGURE = [  # text, figure, who expected
    # "the figure" stands for the noun it replaces (corpus/README.md, fourteenth session (h)): the who of the main
    # figure of the nearest sentence before with one (not a point of comparison, a conversion or a part)
    ("Some 2,310 patients had waited more than a year for treatment, the trust said. The figure was 1,640 in March.",
     1640, "patients"),
    ("Net loss for the quarter came to €187m, compared with a profit of €64m a year earlier. "
     "The figure includes €96m of restructuring charges.", 96e6, "Net loss for the quarter"),
    ("The average rent for a flat reached £1,085 a month, up from £812 in 2021. In Leeds the figure was £1,240.",
     1240, "average rent for a flat"),
    # controls: a figure with a noun of its own, and "the figure" with a complement that names it
    ("Some 2,310 patients had waited more than a year. The trust said 1,640 nurses were hired.", 1640, "nurses"),
]
# fmt: on


@pytest.mark.parametrize(("text", "figure", "who"), THE_FIGURE)
def test_the_figure_stands_for_the_noun_before(en_facts, text, figure, who):
    facts = {f["how_many"]: f for f in en_facts(text)}
    assert facts[figure]["who"] == who


# fmt: off
THE_QUARTER = [  # text, figure, (when_start, when_end)
    # "in the quarter", "for the quarter", "in the half": the period of that length the article named last before
    # (every English dev gold fact of the construction, eight in three results articles)
    ("Sales fell in the third quarter of 2024. Revenue in the quarter slipped 3% to 9.6 billion crowns.", 9.6e9,
     ("2024-07-01", "2024-09-30")),
    ("Profit fell 38% in the six months to September 30. The airline carried 3.1 million passengers in the half.",
     3.1e6, ("2024-04-01", "2024-09-30")),
    ("It made a loss from July to September. Net loss for the quarter came to €187m.", 187e6,
     ("2024-07-01", "2024-09-30")),
    # controls: no period of that length named before; a named quarter of its own
    ("Revenue in the quarter slipped 3% to 9.6 billion crowns.", 9.6e9, (None, None)),
    ("Sales fell in March. Revenue in the quarter slipped 3% to 9.6 billion crowns.", 9.6e9, (None, None)),
]
# fmt: on


@pytest.mark.parametrize(("text", "figure", "when"), THE_QUARTER)
def test_the_quarter_is_the_period_named_before(en_facts, text, figure, when):
    facts = {f["how_many"]: f for f in en_facts(text)}
    assert (facts[figure]["when_start"], facts[figure]["when_end"]) == when


# fmt: off
SHARED_DATES = [  # text, figure, (when_start, when_end)
    # a date on the verb that governs two coordinated clauses dates the figures of both ("gave a toll on Thursday,
    # saying 61 had died and 30 were still missing"); a verb's date reaches the infinitive of a verb coordinated with it
    # ("was sentenced on Wednesday ... and ordered to pay $11.5m"): SPEC section 3, the sentence's time of the event
    ("The agency gave a higher toll on Thursday, saying 61 people had died and about 30 were still missing.", 30,
     ("2025-06-19", "2025-06-19")),
    ("The adviser was sentenced on Wednesday to nine years in prison and ordered to pay $11.5 million in restitution.",
     11.5e6, ("2025-06-18", "2025-06-18")),
    # controls: a coordinated clause with a subject and a tense of its own keeps its own time; a date of the second
    # clause only
    ("In the second quarter, revenue fell 6%, and the company will cut 300 jobs.", 300, (None, None)),
    ("The council asked for $48 million in 2024 and it has received $11 million.", 11e6, (None, None)),
    ("The ministry said it was investing £1bn in housing this year and had pledged to build 1.5 million homes.",
     1.5e6, (None, None)),
    ("The company will create 1,200 new jobs in 2026 as it opens 14 stores across the north.", 14, (None, None)),
]
# fmt: on


@pytest.mark.parametrize(("text", "figure", "when"), SHARED_DATES)
def test_a_date_reaches_coordinated_figures(en_facts, text, figure, when):
    facts = {f["how_many"]: f for f in en_facts(text)}
    assert (facts[figure]["when_start"], facts[figure]["when_end"]) == when


# fmt: off
COMPARED_PHRASE = [  # text, figure, (when_start, when_end)
    # a point of comparison after a marker and a noun phrase of its own ("compared with a profit of €64m a year
    # earlier", "against a national figure of 4.1%") has the clause of a comparison figure: a year earlier is counted
    # back from the main figure's time (fourteenth session (b)); no date of its own, no time
    ("Net loss came to €187m in the first half of 2024, compared with a profit of €64m a year earlier.", 64e6,
     ("2023-01-01", "2023-06-30")),
    ("The jobless rate in the region was 5.2% in 2024, against a national figure of 4.1%.", 4.1, (None, None)),
    # controls: a date of the point of comparison's own; the main figure keeps its time
    ("The retailer reported a pre-tax loss of £312.5m for 2024, against a profit of £85m in 2023.", 85e6,
     ("2023-01-01", "2023-12-31")),
    ("The jobless rate in the region was 5.2% in 2024, against a national figure of 4.1%.", 5.2,
     ("2024-01-01", "2024-12-31")),
]
# fmt: on


@pytest.mark.parametrize(("text", "figure", "when"), COMPARED_PHRASE)
def test_a_compared_noun_phrase_opens_a_comparison_clause(en_facts, text, figure, when):
    facts = {f["how_many"]: f for f in en_facts(text)}
    assert (facts[figure]["when_start"], facts[figure]["when_end"]) == when


# fmt: off
SEIZED_CASH = [  # text, figure, who expected
    # seized cash or goods: who is the thing seized, written after the amount (corpus/README.md, fifteenth session (s))
    ("Officers also seized £18,500 in cash.", 18500, "cash"),
    ("Investigators seized 38 containers, as well as $410,000 in cash and nine vehicles.", 410000, "cash"),
    ("Police said officers had recovered 160 converters and £48,000 in cash from a lock-up in Aston.", 48000, "cash"),
    ("The agency said it had seized £3.4m in cash and property from the gang.", 3.4e6, "cash and property"),
    ("Border officers confiscated £1.1m of cocaine at the port.", 1.1e6, "cocaine"),
    # controls: a payment ordered, and money recovered for someone, keep their party
    ("The judge ordered the firm to pay £30,000 in compensation.", 30000, "firm"),
    ("The council spent £2m in cash on repairs to the town hall.", 2e6, "council"),
]
# fmt: on


@pytest.mark.parametrize(("text", "figure", "who"), SEIZED_CASH)
def test_seized_cash_is_who(en_facts, text, figure, who):
    facts = {f["how_many"]: f for f in en_facts(text)}
    assert facts[figure]["who"] == who


# fmt: off
ORDERED_TO_PAY = [  # text, figure, who expected
    # the object of "ordered ... to pay" controls the infinitive: the payer, the party penalised, is who (tenth
    # session: a penalty's who pays), also as a pronoun, which takes its antecedent (tenth session, rule 5)
    ("Gary Lowther was jailed for four years. Judge Anne Whitfield ordered him to pay £30,000 in compensation.", 30000,
     "Gary Lowther"),
    ("The judge ordered the company to pay $2.4 million in penalties.", 2.4e6, "company"),
    # controls: an infinitive with no object before it keeps the subject; a verb with its own subject
    ("The council agreed to pay £150 to each family.", 150, "council"),
    ("The regulator fined the company £2m.", 2e6, "company"),
]
# fmt: on


@pytest.mark.parametrize(("text", "figure", "who"), ORDERED_TO_PAY)
def test_ordered_to_pay_is_the_payer(en_facts, text, figure, who):
    facts = {f["how_many"]: f for f in en_facts(text)}
    assert facts[figure]["who"] == who


# fmt: off
OWN_MEASURE = [  # text, figure, who expected
    # an amount a verb sets for the subject's own measure, its object with a possessive pronoun ("lowered its
    # forecast to €5.6bn"): who is the holder, the subject (SPEC section 3: for money the actor or holder; every
    # English dev gold fact of the construction in money, four in two articles)
    ("The airline lowered its full-year operating profit forecast to between 1.6 billion and 1.9 billion crowns, "
     "from about 2.4 billion previously.", 1.6e9, "airline"),
    ("Kessler makes heat pumps in Kassel. It also lowered its full-year revenue forecast to between €5.6bn and €5.8bn, "
     "from €6.4bn.", 6.4e9, "Kessler"),
    # controls: the measured noun as subject keeps its verb's who (twelfth session), a count keeps its noun, a rate
    # keeps the rate (the thing a percentage measures)
    ("The airline said its full-year revenue forecast fell to €5.6bn.", 5.6e9, "full-year revenue forecast"),
    ("The company cut its workforce by 1,200 jobs.", 1200, "jobs"),
    ("The central bank raised its key rate by half a percentage point to 12.5%.", 12.5, "key rate"),
]
# fmt: on


@pytest.mark.parametrize(("text", "figure", "who"), OWN_MEASURE)
def test_own_measure_set_by_its_holder(en_facts, text, figure, who):
    facts = {f["how_many"]: f for f in en_facts(text)}
    assert facts[figure]["who"] == who
