"""English numbers (issue 13): fractions with ordinal denominators, figures mixed with scale words,
"one" as a pronoun, decimal words, spoken hundreds, currencies; and what running text must not gain."""

from __future__ import annotations

import pytest

from pipeline.numbers import find_quantities, normalize_number

# fmt: off
EXPRESSIONS = [
    # an ordinal denominator takes the compound before it; a scale ordinal stands alone
    ("a twenty-first", 100 / 21, "%"),
    ("seven twenty-seconds", 100 * 7 / 22, "%"),
    ("two hundred forty-ninths", 100 * 200 / 49, "%"),
    ("one one hundred and sixth", 100 / 106, "%"),
    ("sixty-five hundred sevenths", 100 * 6500 / 7, "%"),
    ("a hundred billionths", 100 * 100 / 1e9, "%"),
    ("two hundred and forty sixths", 100 * 240 / 6, "%"),
    ("four fifths", 80, "%"),
    # figures with a scale word, then smaller groups
    ("7 thousand 2 hundred and 15", 7215, None),
    ("2 hundred and one", 201, None),
    ("9 crore and three hundred", 90_000_300, None),
    ("five lakh crore", 5e12, None),
    # decimal words, spoken hundreds, "single" in an expression
    ("3 point 25", 3.25, None),
    ("point 4", 0.4, None),
    ("seven forty one", 741, None),
    ("single", 1, None),
    ("two thirds of a billion", 2e9 / 3, None),
    ("half a dozen", 6, None),
    ("1,5", 1.5, None),
    ("35/100", 35, "%"),
    ("4 and a half years", 4.5, "years"),
]
# fmt: on


@pytest.mark.parametrize(("text", "value", "unit"), EXPRESSIONS)
def test_english_expressions(text, value, unit):
    q = normalize_number(text, "en")
    assert q is not None, text
    assert q.value == pytest.approx(value, rel=1e-3), text
    assert q.unit == unit, text


# fmt: off
SENTENCES = [
    # (sentence, the values found in it, in order)
    ("Rescuers pulled 4 thousand 6 hundred and 12 people from the water.", [4612]),
    ("Of the 6000, 2 hundred and 7 were found.", [6000, 207]),
    ("By the end, 5 million and a half had been vaccinated.", [5_500_000]),
    ("The one they rebuilt first was the bridge.", []),
    ("No one was injured in the blast, which destroyed 40 homes.", [40]),
    ("The last one left the camp on Sunday.", []),
    ("On June 9 300 families were moved to shelters.", [300]),
    ("The census counted 2 417 380 residents.", [2_417_380]),
    ("A single shot was fired.", []),
    ("She finished in twenty-first place.", []),
    ("It was the thirty-fifth anniversary of the strike.", []),
    ("The twenty-second day of talks ended after one second of silence.", [1]),
    ("Crews worked for twenty seconds.", [20]),
    ("Two hundred officers and one dog searched the woods.", [200, 1]),
    ("Talks broke down after 1 month.", [1]),
    ("The fine was 12 dollars and 40c.", [12.4]),
]
# fmt: on


@pytest.mark.parametrize(("text", "values"), SENTENCES)
def test_english_running_text(text, values):
    from pipeline.dates import find_dates

    dates = [(d.start, d.end) for d in find_dates(text, "en")]
    found = [m.value for m in find_quantities(text, "en", exclude=dates)]
    assert found == pytest.approx(values), text


# fmt: off
CURRENCIES = [
    ("it sold for 75MYR", 75, "MYR"),
    ("a 300 US dollar fee", 300, "USD"),
    ("fined 8 million rials", 8e6, "IRR"),
    ("priced at 90 RMB", 90, "CNY"),
    ("ringgit 15", 15, "MYR"),
    ("6 ringgit and 20 sen", 6.2, "MYR"),
    ("lower than 9€", 9, "EUR"),
]
# fmt: on


@pytest.mark.parametrize(("text", "value", "unit"), CURRENCIES)
def test_english_money(text, value, unit):
    q = find_quantities(text, "en")[0]
    assert (q.value, q.unit) == (pytest.approx(value), unit), text


def test_lower_than_is_less_than():
    assert normalize_number("lower than 9€", "en").qualifier == "less_than"


def test_a_singular_ordinal_after_a_count_is_no_fraction():
    # "the two millionth visitor" is an ordinal in English; French reads "trois cinquième" as 3/5
    assert normalize_number("the two millionth visitor", "en") is None
    assert normalize_number("trois cinquième", "fr").value == pytest.approx(60)


def test_a_group_noun_multiplies_the_group_after_the_conjunction():
    # after a hundred, the conjunction starts a group of its own; in French "et" is inside the tens
    assert normalize_number("four hundred and three dozens", "en").value == 436
    assert normalize_number("quarante et une douzaines", "fr").value == 492


def test_french_keeps_its_own_reading_of_ordinal_fractions():
    # in French every number word before the ordinal is the numerator: "cent trente cinquièmes" is 130/5
    assert normalize_number("cent trente cinquièmes", "fr").value == pytest.approx(2600)
    assert normalize_number("un vingt-cinquième", "fr").value == pytest.approx(4)
