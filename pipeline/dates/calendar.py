"""Calendar arithmetic: month and season intervals, the year a year-less date falls in, weekdays,
Easter and holidays."""

from __future__ import annotations

import calendar
import warnings
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from .records import DateExpr

if TYPE_CHECKING:
    from .grammar import DateGrammar


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _month_interval(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, _last_day(year, month))


def _across_new_year(spec: dict[str, list[int]]) -> bool:
    return tuple(spec["end"]) < tuple(spec["start"])


def _season_interval(name: str, year: int, g: DateGrammar) -> tuple[date, date]:
    spec = g.seasons[name]
    (sm, sd), (em, ed) = spec["start"], spec["end"]
    start = date(year, sm, sd)
    end_year = year + 1 if (em, ed) < (sm, sd) else year
    return start, date(end_year, em, ed)

_PART_DAYS = {"early": (1, 10), "mid": (11, 20), "late": (21, None), "whole": (1, None)}

_PART_MONTHS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12), "whole": (1, 12)}

# a part of a week, as days from its Monday: "early next week" is Monday to Wednesday, "late last week" Friday to Sunday
_PART_WEEKDAYS = {"early": (0, 2), "mid": (2, 4), "late": (4, 6), "whole": (0, 6)}


def _pick_year(candidate, reference: date, tense: str, direction: str | None = None) -> int:
    """Year for a year-less expression: the most recent one on or before the reference in the
    past tense, the next one on or after it in the future tense (or with "prochain"), the
    nearer of the two for a sentence in the present; "dernier" excludes the reference itself."""
    year = reference.year
    start, end = candidate(year)
    if direction == "last":
        return year if end < reference else year - 1
    if direction == "next":
        return year if start > reference else year + 1
    if tense == "future":
        return year if end >= reference else year + 1
    if tense == "nearest":
        return min((year - 1, year, year + 1), key=lambda y: _distance(candidate(y), reference))
    return year if start <= reference else year - 1


def _distance(interval: tuple[date, date], reference: date) -> int:
    start, end = interval
    return 0 if start <= reference <= end else min(abs((start - reference).days), abs((end - reference).days))


def _day_with_weekday(expr: DateExpr, reference: date) -> int | None:
    """"samedi 29 mai": the year near the reference where the 29th of May is a Saturday."""
    for year in (reference.year, reference.year + 1, reference.year - 1):
        if expr.day <= _last_day(year, expr.month) and date(year, expr.month, expr.day).weekday() == expr.weekday:
            return year
    return None


def _easter(year: int) -> date:
    """Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l_) // 433
    month = (h + l_ - 7 * m + 90) // 25
    return date(year, month, (h + l_ - 7 * m + 33 * month + 19) % 32)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``-th ``weekday`` (Monday = 0) of a month, counted from its end when ``n`` is negative."""
    if n > 0:
        first = date(year, month, 1)
        day = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    else:
        last = date(year, month, _last_day(year, month))
        day = last - timedelta(days=(last.weekday() - weekday) % 7 + 7 * (-n - 1))
    if day.month != month:
        raise ValueError(f"no {n}th weekday {weekday} in {year}-{month:02d}")
    return day


@lru_cache(maxsize=256)
def _country_holidays(country: str, year: int) -> dict[date, str]:
    """The holidays of a country in a year, named in English by the ``holidays`` package (every category);
    none, with one warning, in an environment that lacks the package (a dependency of faits)."""
    try:
        import holidays
    except ImportError:
        _warn_missing_holidays()
        return {}

    with warnings.catch_warnings():  # years outside a calendar's table: fewer holidays, not an error
        warnings.simplefilter("ignore")
        kind = holidays.country_holidays(country)
        return dict(holidays.country_holidays(country, years=year, language="en_US",
                                              categories=kind.supported_categories))


@lru_cache(maxsize=1)
def _warn_missing_holidays() -> None:
    from ..logs import get_logger

    get_logger("dates").warning("the holidays package is not installed (pip install holidays): feasts of "
                                "lunar calendars (Eid, Diwali, the Chinese New Year) get no day")


def _lunar_holiday(spec: str, year: int) -> date:
    """"@TR:Eid al-Fitr": the first day in ``year`` the ``holidays`` package names so in that country's
    calendar (lunar and lunisolar feasts: Eid, Diwali, the Chinese New Year, Yom Kippur)."""
    country, name = spec.removeprefix("@").split(":", 1)
    days = [d for d, names in _country_holidays(country, year).items()
            if name in (n.strip() for n in names.split(";"))]
    if not days:
        raise ValueError(f"{name} is not in the {country} calendar of {year}")
    return min(days)


def _holiday(spec: str, year: int) -> date:
    """The day of a holiday in ``year``: "MM-DD"; "easter+N" (days after Easter Sunday); "MM-W#N", the
    N-th weekday W of month MM (N = -1 for the last: Memorial Day is "05-0#-1"), then "+D" days;
    "@CC:Name", a feast of another calendar (:func:`_lunar_holiday`)."""
    if spec.startswith("@"):
        return _lunar_holiday(spec, year)
    if spec.startswith("easter"):
        return _easter(year) + timedelta(days=int(spec.removeprefix("easter") or 0))  # "easter+1", "easter-2"
    month, rest = spec.split("-", 1)
    if "#" in rest:
        weekday, count = rest.split("#")
        count, _, after = count.partition("+")
        return _nth_weekday(year, int(month), int(weekday), int(count)) + timedelta(days=int(after or 0))
    return date(year, int(month), int(rest))
