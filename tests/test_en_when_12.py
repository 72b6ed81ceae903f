"""Which date of its sentence an English figure takes (branch en-when, twelfth session), on sentences written for
these tests, each rule with controls where it must not fire: clauses side by side with a subject and a tense of
their own ("as", "and it then"), a since clause, a before clause, a start day after "from", a change base after a
figure in words, a comparison counted back that ends at its comma, a date opening the sentence over a coordinated
clause, a group opening the sentence after "Of", a value after "worth", two complements of one verb, a comparison
figure's own date, a relative clause on the noun a figure prices, the span of a change, "the same period of" a year,
two months and a year joined by "to", a date shared along a list, "before" as a conjunction."""

from __future__ import annotations

import pytest

# PUBLISHED (tests/conftest.py) is Friday 20 June 2025
NULL = (None, None)

# fmt: off
WHEN = [  # sentence, then {how_many: (when_start, when_end)} for the figures checked
    # a clause coordinated with a subject of its own, in another tense, takes no date of the other clause ...
    ("The charity asked for $30 million for 2026 and it has raised $9 million.",
     {30_000_000: ("2026-01-01", "2026-12-31"), 9_000_000: NULL}),
    # ... nor gives it its own (a future search is no day of the survivors found)
    ("Rescuers have found 14 survivors, and the search will resume on Monday.", {14: NULL}),
    # ... nor one put after it by an adverb, whatever the tenses
    ("The bank lost 8% of its deposits in March, and it then cut 400 jobs.",
     {8: ("2025-03-01", "2025-03-31"), 400: NULL}),
    # ... nor when the date opens the sentence
    ("In the second quarter, revenue fell 6%, and the company will cut 300 jobs.",
     {6: ("2025-04-01", "2025-06-30"), 300: NULL}),
    # controls: the same tense tells one time
    ("The charity raised $30 million in 2024 and it spent $9 million.", {9_000_000: ("2024-01-01", "2024-12-31")}),
    ("The bank lost 8% of its deposits in March, and it cut 400 jobs.", {400: ("2025-03-01", "2025-03-31")}),
    ("Rescuers found 14 survivors, and the search ended on Monday.", {14: ("2025-06-16", "2025-06-16")}),
    # a date opening the sentence is the time of a coordinated clause in its tense too
    ("In the second quarter, revenue fell 6% and the company booked a loss of $45m.",
     {45_000_000: ("2025-04-01", "2025-06-30")}),
    # a clause after "as" with a subject and a tense of its own: its figures take no date of the main clause
    ("The firm will hire 500 staff next year as it opens 20 branches.",
     {500: ("2026-01-01", "2026-12-31"), 20: NULL}),
    # controls: in the same tense, one time
    ("The firm will hire 500 staff next year as it will open 20 branches.", {20: ("2026-01-01", "2026-12-31")}),
    ("Prices rose 4% in May as 300 firms raised wages.", {300: ("2025-05-01", "2025-05-31")}),
    # a date in a clause opened by "since" runs to the publication day, for the figure of the verb it hangs on
    ("The agency has logged 2,100 complaints since the new refund scheme was launched on March 3.",
     {2100: ("2025-03-03", "2025-06-20")}),
    # control: a figure of the since clause's own verb takes its day
    ("Flooding has eased since the storm killed 40 people on March 3.", {40: ("2025-03-03", "2025-03-03")}),
    # what lasted until before a dated event is not on its day
    ("Hackers had access to the servers for 12 days before the firm spotted the breach on May 2.", {12: NULL}),
    # control: "after" a dated event, the figure is the event's
    ("Nine people were killed after a bus hit a wall on Sunday.", {9: ("2025-06-15", "2025-06-15")}),
    # "from" before a day opens the figure's time; before a month after a change, it is the change's base
    ("The council said bus fares would rise by 5% from July 1.", {5: ("2025-07-01", "2025-07-01")}),
    ("Sales were up 5% from June 2024.", {5: NULL}),
    # a change base right after a figure written in words; control: with no link, the figure's time
    ("Burglaries were down by a third on last year.", {33.33: NULL}),
    ("Burglaries fell by a third last year.", {33.33: ("2024-01-01", "2024-12-31")}),
    # a comparison counted back ends at its comma: the report's day after it is the main figure's
    ("Unemployment claims rose to 8,400, up from 7,900 a year earlier, data published on Thursday show.",
     {8400: ("2025-06-19", "2025-06-19"), 7900: ("2024-06-19", "2024-06-19")}),
    # control: a comparison not counted back keeps the day after its comma
    ("Turnout reached 41%, compared with 38% in the first round, on 4 May.",
     {41: NULL, 38: ("2025-05-04", "2025-05-04")}),
    # a group opening the sentence after "Of" is dated by what stands inside it, not by its part's date
    ("Of the 4,200 applications, 950 were approved in the past two weeks.",
     {4200: NULL, 950: ("2025-06-07", "2025-06-20")}),
    ("Of the 4,200 applications received since January, 950 were approved last week.",
     {4200: ("2025-01-01", "2025-06-20"), 950: ("2025-06-09", "2025-06-15")}),
    # a value after "worth" restates what the figure before it counts, at its time; control: a clause of its own
    ("The gang is accused of stealing 60 tractors from farms since 2023, worth an estimated £2.4m.",
     {2_400_000: ("2023-01-01", "2025-06-20")}),
    ("Police are investigating the theft of more than 60 tractors from farms since 2023, and £2.4m was paid out.",
     {2_400_000: NULL}),
    # two complements of one verb, after it and with no stop between, share its date written after both ...
    ("The builder took about $3 million from 85 families between 2020 and 2023, the court heard.",
     {3_000_000: ("2020-01-01", "2023-12-31"), 85: ("2020-01-01", "2023-12-31")}),
    # ... not across a comma that opens a point of comparison
    ("Average waits for a knee operation fell to 38 weeks, from 44 weeks in March 2024.",
     {38: NULL, 44: ("2024-03-01", "2024-03-31")}),
    # an infinitive's clause is its verb's: "and it now plans to sell" has a subject and a tense of its own
    ("The club sold 300 season tickets last year, and it now plans to sell 500.", {500: NULL}),
    ("The club sold 300 season tickets last year, and it managed to sell 500 more.",
     {500: ("2024-01-01", "2024-12-31")}),
    # a comparison figure's own date goes to no coordinated figure; control: a date of the main figure's does
    ("The blaze has now burned 3,100 hectares, up from 2,600 hectares on Monday, and is 40% contained, firefighters"
     " said.", {3100: NULL, 2600: ("2025-06-16", "2025-06-16"), 40: NULL}),
    ("The blaze burned 3,100 hectares on Monday and was 40% contained, firefighters said.",
     {40: ("2025-06-16", "2025-06-16")}),
    # a date in a relative clause on the noun a figure prices dates it; control: a relative on another noun
    ("The council approved a £300 grant that will be paid to 4,000 tenants this winter.",
     {300: ("2025-12-21", "2026-03-19"), 4000: ("2025-12-21", "2026-03-19")}),
    ("The council approved a £300 grant for tenants in the tower that was evacuated last spring.", {300: NULL}),
    # right after a percentage, "in a week", "in two weeks" is the span of the change, no date; control: after a count
    ("Flu admissions in the region jump 25% in a week", {25: NULL}),
    ("Flu admissions rose 25% in two weeks, the trust said.", {25: NULL}),
    ("The council will hire 40 wardens in a week.", {40: ("2025-06-27", "2025-06-27")}),
    # "the same period of 2024": the main figure's period in that year; control: the year alone
    ("Health officials reported 180 mumps cases between March and April 2025, up from 61 in the same period of 2024.",
     {180: ("2025-03-01", "2025-04-30"), 61: ("2024-03-01", "2024-04-30")}),
    ("Health officials reported 180 mumps cases between March and April 2025, up from 61 in 2024.",
     {61: ("2024-01-01", "2024-12-31")}),
    # two months joined by "to" and a year, without an opener; control: two months of two figures
    ("The clinic treated 610 patients in January to April 2025.", {610: ("2025-01-01", "2025-04-30")}),
    ("The clinic treated 610 patients in January, up from 540 in April.",
     {610: ("2025-01-01", "2025-01-31"), 540: ("2025-04-01", "2025-04-30")}),
    # a date shared along a list reaches its first item too (the share is repeated while one takes it); control:
    # a clause with a subject and a tense of its own
    ("Storm Ada cut power to 30,000 homes in Kent, 8,000 in Sussex and about 2,000 in Surrey on Sunday.",
     {30_000: ("2025-06-15", "2025-06-15"), 8000: ("2025-06-15", "2025-06-15")}),
    ("Storm Ada has cut power to 30,000 homes in Kent, and the council will open 8 shelters on Sunday.",
     {30_000: NULL, 8: ("2025-06-22", "2025-06-22")}),
    # "before" opening a clause is no "a week before" counted back; control: "a week before" ending the comparison
    ("Lenders repossessed 90 homes between January and May, compared with dozens a week before the ban was lifted"
     " in early 2024.", {90: ("2025-01-01", "2025-05-31"), 12: NULL}),
    ("Officials counted 40 cases on Friday, up from 25 a week before.",
     {40: ("2025-06-20", "2025-06-20"), 25: ("2025-06-13", "2025-06-13")}),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "expected"), WHEN)
def test_the_date_a_figure_takes(en_facts, sentence, expected):
    got = {f["how_many"]: (f["when_start"], f["when_end"]) for f in en_facts(sentence)}
    assert {k: got.get(k, "no such fact") for k in expected} == expected
