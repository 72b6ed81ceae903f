"""What the date reader gives back: a day interval, a date expression as read, a mention in a text."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

#: What a date interval spans, as the reader names it (``DateInterval.granularity``, the facts table's
#: ``when_granularity``): one day (a date, a weekday, "hier", a clock time's day, "il y a trois jours");
#: a holiday (one day named by its feast: "à Noël"); a weekend; a week ("la semaine dernière", Monday to
#: Sunday; "il y a deux semaines" gives the day two weeks back); a month; a part of a month ("début mars":
#: days 1-10, 11-20 or 21-last); a season; a quarter; a half (of a year); a part of a year ("fin 2023":
#: four months); a year; a decade; a century; a range (from one expression to another, "entre janvier et
#: février", or from a date to the publication day, "depuis janvier").
#: the unit of a relative year of account ("this financial year"), from the pack's financial_year_start_month
FINANCIAL_YEAR = "financial_year"
GRANULARITIES: tuple[str, ...] = ("day", "holiday", "weekend", "week", "month", "part_month", "season", "quarter",
                                  "half", "part_year", "year", "decade", "century", "range")


@dataclass(frozen=True)
class DateInterval:
    """A span of whole days, both ends inclusive."""

    start: date
    end: date
    granularity: str  # one of GRANULARITIES


@dataclass(frozen=True)
class DateExpr:
    """A date expression before resolution: what the words say, no calendar yet."""

    # day, weekday, month, season, part_month, part_year, division (a quarter: month = its first, offset =
    # its months), year, decade, century, rel_day, rel_period, ago,
    # window (``offset`` units ending on the reference day, or starting on it when positive),
    # night (the night before the reference day, or after it in the future),
    # after_previous (la veille, le lendemain), time (a clock time or a part of a day, on the day last mentioned),
    # nth_weekday (the N-th weekday of a month: holiday holds "MM-W#N", or "W#N" with unit "month" and offset
    # the months from the reference's); a day with no month is that day of a month near the reference
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    season: str | None = None
    part: str | None = None  # early, mid, late, whole
    offset: int = 0  # relative: days for rel_day, periods for rel_period/ago, weeks for a weekday with unit "week"
    unit: str | None = None  # day, week, weekend, month, quarter, year
    direction: str | None = None  # last, next, this (weekday, season, day, month)
    holiday: str | None = None  # "MM-DD", "easter+N" or "MM-W#N" (calendar._holiday)


@dataclass(frozen=True)
class DateMention:
    """A date expression found in text (end exclusive) and its parts (two for a range)."""

    start: int
    end: int
    text: str
    parts: tuple[DateExpr, ...]

    @property
    def has_year(self) -> bool:
        return any(p.year is not None for p in self.parts)

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text,
                "parts": [asdict(p) for p in self.parts]}
