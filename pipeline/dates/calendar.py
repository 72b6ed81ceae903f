"""Calendar arithmetic: month and season intervals, the year a year-less date falls in, weekdays,
Easter and holidays."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
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


def _holiday(spec: str, year: int) -> date:
    if spec.startswith("easter"):
        return _easter(year) + timedelta(days=int(spec.removeprefix("easter") or 0))  # "easter+1", "easter-2"
    month, day = map(int, spec.split("-"))
    return date(year, month, day)
