"""The number and date readers on hostile strings (issue 17): no exception, a sane result, whatever the input.

Exponents that no float holds ("1e999999999", "7^9606", "0^-23"), runs of thousands of digits,
format characters inside numbers, dates past the calendar. The bench ``bench/fuzz_normalizers.py``
runs the same on 100,000 generated strings and times each call; this suite asserts correctness only.
"""

from __future__ import annotations

import math
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import normalize_date, normalize_number
from pipeline.numbers import find_quantities

REFERENCE = date(2025, 6, 17)
SETTINGS = settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])

DIGITS = st.text(alphabet="0123456789", min_size=1, max_size=60)
EXPONENT = st.builds(lambda sign, digits: sign + digits,
                     st.sampled_from(["e", "E", "e+", "e-", "^", "^-", "^--", "^+"]),
                     st.text(alphabet="0123456789", min_size=1, max_size=12))
SEPARATOR = st.sampled_from([" ", "\u00a0", "\u202f", "\u2009", ".", ",", "-", "/", ":", "h", "%", "€", "$"])
FORMAT = st.sampled_from(["\u200b", "\u200c", "\u200d", "\u2060", "\u202a", "\u202c", "\u202e", "\u2066",
                          "\u00ad", "\ufeff", "\x00"])
WORD = st.sampled_from([
    "un", "deux", "trois", "vingt", "et", "cent", "mille", "million", "milliards", "billion", "virgule",
    "zéro", "demi", "tiers", "quart", "moitié", "dizaine", "milliers", "plus de", "moins de", "au moins",
    "environ", "entre", "à", "sur", "euros", "dollars", "mois", "ans", "jours", "semaines", "moins",
    "mardi", "janvier", "juin", "1er", "printemps", "hiver", "début", "fin", "il y a", "dans", "hier",
    "la semaine dernière", "le lendemain", "T3", "trimestre", "siècle", "années", "XXe", "Noël", "du", "au",
])
PIECES = st.lists(st.one_of(DIGITS, EXPONENT, SEPARATOR, FORMAT, WORD, st.characters()), min_size=1, max_size=8)
TEXTS = st.builds(lambda pieces, joiner: joiner.join(pieces), PIECES, st.sampled_from(["", " ", "\u00a0"]))


def _sane_quantity(q) -> None:
    if q is None:
        return
    assert isinstance(q.value, float) and math.isfinite(q.value) and abs(q.value) <= 1e300
    assert q.high is None or (math.isfinite(q.high) and abs(q.high) <= 1e300)


@SETTINGS
@given(TEXTS)
def test_normalize_number_never_raises_and_gives_finite_values(text):
    _sane_quantity(normalize_number(text))
    for m in find_quantities(text):
        assert 0 <= m.start < m.end <= len(text) and text[m.start : m.end] == m.text
        _sane_quantity(m.quantity)


@SETTINGS
@given(TEXTS, st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)), st.booleans())
def test_normalize_date_never_raises_and_gives_an_interval(text, reference, future):
    interval = normalize_date(text, reference, future=future)
    if interval is not None:
        assert interval.start <= interval.end


@pytest.mark.parametrize("text", ["1e999999999 dollars", "1e400", "7^9606", "0^-23", "9071E306", "1" * 400,
                                  "96/" + "8" * 5000, "2" * 5000 + " 1/3", "1e99999 " * 50])
def test_a_figure_no_float_holds_is_no_quantity(text):
    assert normalize_number(text) is None


@pytest.mark.parametrize(("text", "value"), [("2,5^-1", 0.4), ("1,5e3 euros", 1500.0), ("3E-2", 0.03),
                                             ("7^3", 343.0), ("1e300", 1e300)])
def test_exponents_that_hold_are_still_read(text, value):
    assert normalize_number(text).value == pytest.approx(value)


@pytest.mark.parametrize("text", ["dans 10000 ans", "il y a 9999999 jours", "dans 7999 ans",
                                  "il y a 99999999999 ans", "dans 1e300 mois",
                                  "il y a " + "8" * 60 + " jours"])
def test_a_date_past_the_calendar_is_no_date(text):
    assert normalize_date(text, REFERENCE) is None


def test_dateparser_is_not_handed_a_long_text():
    # a long run of digits went to dateparser, 0.3 s each; one date expression is short
    assert normalize_date("772 674285 − " + "19802859436775124425" * 700, REFERENCE) is None
