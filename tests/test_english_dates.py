"""English dates beyond the forms of tests/test_english.py (issue 13): moving holidays, a week's
weekday ("this Friday", "next Friday"), a day of a month with no month ("Friday the 13th", "on the
15th"), the N-th weekday of a month, parts of a week, counts ahead of the reference, ranges with no
opener, and what must stay no date. The expected days were worked out on a calendar by hand."""

from __future__ import annotations

import logging
import sys
from datetime import date

import pytest

from pipeline import normalize_date
from pipeline.dates import find_dates, resolve_dates

REFERENCE = date(2025, 6, 20)  # a Friday; its week runs from Monday 16 to Sunday 22 June

# fmt: off
DATES = [  # (expression, start, end) against REFERENCE, in the past tense unless said
    # moving and Easter-bound holidays
    ("Thanksgiving 2024", "2024-11-28", "2024-11-28"),  # the fourth Thursday of November
    ("Black Friday 2024", "2024-11-29", "2024-11-29"),
    ("Memorial Day 2025", "2025-05-26", "2025-05-26"),  # the last Monday of May
    ("Labor Day 2023", "2023-09-04", "2023-09-04"),
    ("Mother's Day 2024", "2024-05-12", "2024-05-12"),
    ("Martin Luther King Day 2025", "2025-01-20", "2025-01-20"),
    ("last Thanksgiving", "2024-11-28", "2024-11-28"),
    ("Palm Sunday 2024", "2024-03-24", "2024-03-24"),  # Easter 2024 fell on 31 March
    ("Pentecost 2025", "2025-06-08", "2025-06-08"),  # Easter 2025 fell on 20 April
    ("Ash Wednesday 2025", "2025-03-05", "2025-03-05"),
    ("New Year’s Day 2024", "2024-01-01", "2024-01-01"),  # a typographic apostrophe
    ("Thanksgiving of last year", "2024-11-28", "2024-11-28"),
    ("Father's Day of 2023", "2023-06-18", "2023-06-18"),  # the third Sunday of June
    # feasts of lunar and lunisolar calendars (the holidays package)
    ("Eid al-Fitr 2024", "2024-04-10", "2024-04-10"),
    ("Diwali 2023", "2023-11-12", "2023-11-12"),
    ("the Lunar New Year 2024", "2024-02-10", "2024-02-10"),
    # a weekday of a named week
    ("this Wednesday", "2025-06-18", "2025-06-18"),
    ("this Sunday", "2025-06-22", "2025-06-22"),
    ("next Friday", "2025-06-27", "2025-06-27"),  # next week's, not the reference day a week on by chance
    ("next Monday", "2025-06-23", "2025-06-23"),
    ("Friday of next week", "2025-06-27", "2025-06-27"),
    ("next week on Tuesday", "2025-06-24", "2025-06-24"),
    ("Monday of last week", "2025-06-09", "2025-06-09"),
    # a day with no month
    ("Thursday the 15th", "2025-05-15", "2025-05-15"),  # 15 June 2025 is a Sunday
    ("Tuesday 10th", "2025-06-10", "2025-06-10"),
    # the N-th weekday of a month
    ("the first Monday of March 2024", "2024-03-04", "2024-03-04"),
    ("the last Friday of October 2023", "2023-10-27", "2023-10-27"),
    ("the second Tuesday of next month", "2025-07-08", "2025-07-08"),
    ("the 20th of next month", "2025-07-20", "2025-07-20"),
    # parts of a week, a month or a year, counts around the reference
    ("by the end of the year", "2025-09-01", "2025-12-31"),  # SPEC: September to December
    ("the middle of next year", "2026-05-01", "2026-08-31"),
    ("the end of the month", "2025-06-21", "2025-06-30"),
    ("early next month", "2025-07-01", "2025-07-10"),
    ("late last month", "2025-05-21", "2025-05-31"),
    ("late last week", "2025-06-13", "2025-06-15"),
    ("early next week", "2025-06-23", "2025-06-25"),
    ("the next three days", "2025-06-21", "2025-06-23"),
    ("the next two weeks", "2025-06-23", "2025-07-06"),
    ("two weeks hence", "2025-07-04", "2025-07-04"),
    ("a week ago", "2025-06-13", "2025-06-13"),
    ("the day before yesterday", "2025-06-18", "2025-06-18"),
    ("this quarter", "2025-04-01", "2025-06-30"),
    ("next quarter", "2025-07-01", "2025-09-30"),
    ("last quarter", "2025-01-01", "2025-03-31"),
    ("the third qtr of 2024", "2024-07-01", "2024-09-30"),
    # ranges with no opener, and the day first with ordinals
    ("July 13 to 15, 2024", "2024-07-13", "2024-07-15"),
    ("Aug 8 - Aug 12", "2024-08-08", "2024-08-12"),
    ("from the 13th to the 15th of July 2023", "2023-07-13", "2023-07-15"),
    ("12 to 16 September 2022", "2022-09-12", "2022-09-16"),
    # other writings of a day
    ("march 3, 2015", "2015-03-03", "2015-03-03"),  # the month in lowercase, with a day
    ("the first of march 2016", "2016-03-01", "2016-03-01"),
    ("May twenty-first, 2019", "2019-05-21", "2019-05-21"),
    ("21/04/2016", "2016-04-21", "2016-04-21"),  # month first in English, but 21 is no month
    ("Feb 29", "2024-02-29", "2024-02-29"),  # the last 29 February before the reference
    ("Jul 4", "2024-07-04", "2024-07-04"),
    ("in the summer of 2019", "2019-06-21", "2019-09-22"),
]
# fmt: on


@pytest.mark.parametrize(("text", "start", "end"), DATES)
def test_english_date_expressions(text, start, end):
    interval = normalize_date(text, REFERENCE, "en")
    assert interval is not None, text
    assert (interval.start.isoformat(), interval.end.isoformat()) == (start, end)


@pytest.mark.parametrize(("text", "day"), [
    ("Thanksgiving", date(2025, 11, 27)),  # the coming one
    ("Thursday the 15th", date(2026, 1, 15)),  # the next month whose 15th is a Thursday
    ("this Wednesday", date(2025, 6, 18)),  # this week's, whatever the tense
])
def test_looking_ahead(text, day):
    interval = normalize_date(text, REFERENCE, "en", future=True)
    assert (interval.start, interval.end) == (day, day)


def test_days_in_running_text_follow_the_tense_of_their_sentence():
    text = ("The vote took place on Thursday the 15th. Shares fell late last week, "
            "and the board will meet on the 25th.")
    found = {m.text: (i.start, i.end) for m, i in resolve_dates(text, REFERENCE, "en")}
    assert found["on Thursday the 15th"] == (date(2025, 5, 15), date(2025, 5, 15))
    assert found["late last week"] == (date(2025, 6, 13), date(2025, 6, 15))
    assert found["on the 25th"] == (date(2025, 6, 25), date(2025, 6, 25))


def test_a_day_with_no_month_in_the_past_is_the_last_one():
    found = resolve_dates("Prices rose on the 15th, the ministry said.", REFERENCE, "en")
    assert [(m.text, i.start) for m, i in found] == [("on the 15th", date(2025, 6, 15))]


@pytest.mark.parametrize("text", [
    "The committee may second the motion.",  # "may" in lowercase with an ordinal word: a verb
    "She was the first, they said.",  # an ordinal word after "the" is no day
    "The 15th floor of the tower burned.",  # an ordinal followed by a noun
    "They march first and talk later.",
    "Thousands march 3 miles to the square.",  # "march" in lowercase with a bare number
])
def test_no_date(text):
    assert find_dates(text, "en") == []


def test_a_count_after_a_day_is_no_range():
    assert [m.text for m in find_dates("On March 3 to 5 soldiers were hurt.", "en")] == ["On March 3"]


def test_a_clock_time_alone_names_no_day_in_english_either():
    # SPEC section 3 gives a day to "today" and "yesterday", none to a clock time: as in French
    assert normalize_date("at 3pm", REFERENCE, "en", future=True) is None
    assert normalize_date("this morning", REFERENCE, "en").start == REFERENCE


def test_french_weekdays_keep_their_reading():
    monday = date(2025, 6, 23)
    assert normalize_date("ce vendredi", monday, "fr").start == date(2025, 6, 20)
    assert normalize_date("vendredi prochain", monday, "fr").start == date(2025, 6, 27)


def test_without_the_holidays_package_a_lunar_feast_gets_no_day(monkeypatch, caplog):
    from pipeline.dates import calendar

    monkeypatch.setitem(sys.modules, "holidays", None)  # importing it now raises ImportError
    caplog.set_level(logging.WARNING, logger="faits")  # whatever level an earlier command left it at
    calendar._country_holidays.cache_clear()
    calendar._warn_missing_holidays.cache_clear()
    try:
        assert normalize_date("Diwali 2023", REFERENCE, "en") is None
        assert "holidays package is not installed" in caplog.text
        assert normalize_date("Thanksgiving 2024", REFERENCE, "en").start == date(2024, 11, 28)  # no package needed
    finally:
        calendar._country_holidays.cache_clear()
        calendar._warn_missing_holidays.cache_clear()
