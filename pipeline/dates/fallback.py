"""dateparser, for a one-expression date the grammar does not read, behind guards (no clock time,
no duration, a bounded length)."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

import dateparser.date

from ..lang import hooks
from .calendar import _month_interval
from .records import DateInterval

# a word that mixes letters and digits is a code ("T3", "A4", "5G"); a number with ' or " counts minutes,
# seconds or inches: not a date
_NOT_A_DATE = re.compile(r"[^\W\d_]\d|\d[^\W\d_]|\d\s*['’\"]")

# one date expression is short; dateparser's time grows with the text (0.3 s for 15,000 characters)
MAX_DATEPARSER_CHARS = 100

# dateparser's periods, as faits names granularities
_DATEPARSER_PERIODS = ("day", "week", "month", "year")


def _read_with_dateparser(text: str, reference: date, lang: str) -> DateInterval | None:
    """What the grammar does not read in a date expression, dateparser may ("2025-03", "le 2").
    Only for a text known to be one date expression in which the grammar found no date nor time,
    and only with a digit in it, no clock time and no duration: dateparser reads "8 mois" as
    eight months ago, "37 ans" as 1979 and "je" as Thursday."""
    from ..numbers import find_quantities
    from ..numbers import grammar as number_grammar

    numbers = number_grammar(lang)
    durations = set(numbers.time_unit_of.values())
    if (len(text) > MAX_DATEPARSER_CHARS or not any(ch.isdigit() for ch in text) or _NOT_A_DATE.search(text)
            or numbers.clock.search(text)
            or any(q.unit in durations for q in find_quantities(text, lang))):
        return None  # no digit, a code ("T3"), minutes ("2'"), a clock time ("15:30" is no day), a duration
    # dateparser's own choice of year (the current one) over "future": told to look ahead, it
    # reads the two-digit year of "9-18-15" as 2115
    data = _dateparser(lang, reference).get_date_data(text)
    if data.date_obj is None or not 1800 <= data.date_obj.year <= 2200:
        return None
    day = data.date_obj.date()
    period = data.period if data.period in _DATEPARSER_PERIODS else "day"
    if period == "week":
        start = day - timedelta(days=day.weekday())
        return DateInterval(start, start + timedelta(days=6), "week")
    if period == "month":
        return DateInterval(*_month_interval(day.year, day.month), "month")
    if period == "year":
        return DateInterval(date(day.year, 1, 1), date(day.year, 12, 31), "year")
    return DateInterval(day, day, "day")


@lru_cache(maxsize=64)
def _dateparser(lang: str, reference: date) -> dateparser.date.DateDataParser:
    settings = {"RELATIVE_BASE": datetime(reference.year, reference.month, reference.day),
                "DATE_ORDER": hooks(lang).date_order}
    return dateparser.date.DateDataParser(languages=[lang], settings=settings)
