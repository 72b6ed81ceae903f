"""Interpreting a date expression against a reference day: the day interval it names."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from ..errors import Errors, FaitsError
from ..languages import DEFAULT_LANG
from .calendar import (
    _PART_DAYS,
    _PART_MONTHS,
    _PART_WEEKDAYS,
    _across_new_year,
    _day_with_weekday,
    _holiday,
    _last_day,
    _month_interval,
    _pick_year,
    _season_interval,
)
from .fallback import _read_with_dateparser
from .grammar import DateGrammar, find_dates, grammar
from .records import FINANCIAL_YEAR, DateExpr, DateInterval, DateMention
from .tense import _sentence, _tense, resolution_tense


def resolve(expr: DateExpr, reference: date | None, future: bool = False,
            lang: str = DEFAULT_LANG, *, tense: str | None = None) -> tuple[date, date] | None:
    """Turn one expression into a day interval; None when it needs a reference there is none of,
    or when it falls outside the calendar (years 1 to 9999: "dans 10000 ans", "il y a 9999999 jours").

    future: the verb is in the future tense. tense ("past", "future", "nearest") says it
    more finely when known, "nearest" for a sentence in the present.
    """
    try:
        return _resolve(expr, reference, future, lang, tense)
    except (ValueError, OverflowError):
        return None


def _resolve(expr: DateExpr, reference: date | None, future: bool, lang: str,
             tense: str | None) -> tuple[date, date] | None:
    g = grammar(lang)
    mode = _tense(future, tense)
    k = expr.kind
    if k == "year":
        return date(expr.year, 1, 1), date(expr.year, 12, 31)
    if k == "decade":
        return date(expr.year, 1, 1), date(expr.year + 9, 12, 31)
    if k == "century":
        return date(max(expr.year, 1), 1, 1), date(expr.year + 99, 12, 31)
    if k in ("rel_day", "rel_period", "ago", "window", "weekday", "after_previous", "time", "night"
             ) and reference is None:
        return None
    if k == "night":  # the night before the reference day, or the one after it in the future
        first = reference + timedelta(days=0 if mode == "future" else -1)
        return first, first + timedelta(days=1)
    if (k in ("day", "month", "part_month", "season", "holiday", "nth_weekday") and expr.year is None
            and reference is None):
        return None
    if k == "day" and expr.month is None and expr.unit == "month":  # "the 20th of next month"
        if reference is None:
            return None
        d = date(*_month_from(reference, expr.offset), expr.day)
        return d, d
    if k == "day" and expr.month is None:
        return _resolve_month_less_day(expr, reference, mode) if reference is not None else None
    if k in ("after_previous", "rel_day"):
        d = reference + timedelta(days=expr.offset)
        return d, d
    if k == "time":
        return reference, reference
    if k == "day":
        return _resolve_day(expr, reference, mode)
    if k == "month" and expr.unit == "year" and expr.year is None:  # "in March last year"
        return _month_interval(reference.year + expr.offset, expr.month)
    if k == "month":
        year = expr.year or _pick_year(lambda y: _month_interval(y, expr.month), reference, mode, expr.direction)
        return _month_interval(year, expr.month)
    if k == "division":
        # a quarter or a half of a year: months [month, month + offset)
        def division(y):
            last_month = expr.month + expr.offset - 1
            return date(y, expr.month, 1), date(y, last_month, _last_day(y, last_month))
        year = expr.year or (_pick_year(division, reference, mode) if reference else None)
        return division(year) if year is not None else None
    if k == "part_month" and expr.month is None:  # "the end of the month": the reference's month, or one next to it
        if reference is None:
            return None
        year, month = _month_from(reference, expr.offset)
        expr = replace(expr, year=year, month=month)
    if k == "part_month":
        first, last = _PART_DAYS[expr.part]

        def span(y):
            return (date(y, expr.month, first),
                    date(y, expr.month, last or _last_day(y, expr.month)))
        year = expr.year or _pick_year(span, reference, mode)
        return span(year)
    if k == "part_year":
        year = expr.year or (reference.year + expr.offset if reference else None)
        if year is None:
            return None
        m1, m2 = _PART_MONTHS[expr.part]
        return date(year, m1, 1), date(year, m2, _last_day(year, m2))
    if k == "season":
        return _resolve_season(expr, reference, mode, g)
    if k == "nth_weekday" and expr.unit == "month":  # "the first Monday of next month"
        if reference is None:
            return None
        year, month = _month_from(reference, expr.offset)
        day = _holiday(f"{month:02d}-{expr.holiday}", year)
        return day, day
    if k == "holiday" and expr.unit == "year":  # "Thanksgiving of next year"
        if reference is None:
            return None
        day = _holiday(expr.holiday, reference.year + expr.offset)
        return day, day
    if k in ("holiday", "nth_weekday"):
        year = expr.year or _pick_year(lambda y: (_holiday(expr.holiday, y),) * 2, reference, mode, expr.direction)
        day = _holiday(expr.holiday, year)
        return day, day
    if k == "rel_period" and expr.part is not None:  # "late last week": days of the week
        monday = _resolve_relative(replace(expr, part=None), reference, mode)[0]
        first, last = _PART_WEEKDAYS[expr.part]
        return monday + timedelta(days=first), monday + timedelta(days=last)
    if k in ("rel_period", "ago"):
        return _resolve_relative(expr, reference, mode)
    if k == "window":
        return _resolve_window(expr, reference)
    if k == "weekday":
        return _resolve_weekday(expr, reference, mode)
    return None


def _resolve_day(expr: DateExpr, reference: date | None, tense: str) -> tuple[date, date]:
    def span(y):
        d = date(y, expr.month, min(expr.day, _last_day(y, expr.month)))
        return d, d

    year = expr.year
    if year is None and expr.weekday is not None and expr.direction is None:
        year = _day_with_weekday(expr, reference)
    year = year or _pick_year(span, reference, tense, expr.direction)
    if expr.year is None and expr.day > _last_day(year, expr.month):
        # "Feb 29" with no year: the nearest leap year the tense points to
        step = 1 if tense == "future" or expr.direction == "next" else -1
        leap = (y for y in range(year + step, year + 9 * step, step) if expr.day <= _last_day(y, expr.month))
        year = next(leap, year)  # "Feb 30" is in no year: the last day of the month, as before
    return span(year)


def _month_from(reference: date, months: int) -> tuple[int, int]:
    """The (year, month) ``months`` months from the reference's month."""
    idx = reference.year * 12 + reference.month - 1 + months
    return idx // 12, idx % 12 + 1


def _resolve_month_less_day(expr: DateExpr, reference: date, tense: str) -> tuple[date, date] | None:
    """"on the 15th", "Friday the 15th": that day of a month near the reference (with the weekday when
    given), the most recent one on or before it, the next one in the future tense, the nearer in the present."""
    days = []
    for months in range(-24, 25):
        year, month = _month_from(reference, months)
        if expr.day <= _last_day(year, month):
            d = date(year, month, expr.day)
            if expr.weekday is None or d.weekday() == expr.weekday:
                days.append(d)
    if tense == "future":
        days = [d for d in days if d >= reference]
    elif tense != "nearest":
        days = [d for d in days if d <= reference]
    if not days:
        return None
    d = min(days, key=lambda d: abs((d - reference).days))
    return d, d


def _resolve_season(expr: DateExpr, reference: date, tense: str, g: DateGrammar) -> tuple[date, date]:
    if expr.year is not None:
        return _season_interval(expr.season, expr.year, g)
    if tense == "nearest" and expr.direction in (None, "this"):
        year = _pick_year(lambda y: _season_interval(expr.season, y, g), reference, tense)
        return _season_interval(expr.season, year, g)
    if expr.direction in ("last", "next"):
        # "last spring": the last one over before the reference day; "next spring": the first one to begin after it
        # (said in April, "next spring" is next year's, "next summer" this year's, "last spring" last year's)
        def season(y: int) -> tuple[date, date]:
            return _season_interval(expr.season, y, g)
        year = reference.year + 1
        if expr.direction == "last":
            while season(year)[1] >= reference:
                year -= 1
        else:
            year -= 2
            while season(year)[0] <= reference:
                year += 1
        return season(year)
    future = tense == "future"
    year = reference.year
    start, end = _season_interval(expr.season, year, g)
    if _across_new_year(g.seasons[expr.season]) and reference < start:  # winter: the one that began last year
        start, end = _season_interval(expr.season, year - 1, g)
    if expr.direction == "last" or (expr.direction is None and not future and start > reference):
        start, end = _season_interval(expr.season, start.year - 1, g)
    elif expr.direction == "next" or (future and end < reference):
        start, end = _season_interval(expr.season, start.year + 1, g)
    return start, end


# a relative period's unit with this ending runs from the period's start to the reference day:
# "earlier this month" is [ "month_to_date", 0 ] in the lexicon
TO_DATE = "_to_date"


def _resolve_relative(expr: DateExpr, reference: date, tense: str) -> tuple[date, date] | None:
    if expr.unit is not None and expr.unit.endswith(TO_DATE):
        whole = _resolve_relative(replace(expr, unit=expr.unit.removesuffix(TO_DATE)), reference, tense)
        return (whole[0], min(whole[1], reference)) if whole is not None else None
    if expr.unit == "day":
        d = reference + timedelta(days=expr.offset)
        return d, d
    if expr.unit == "weekend":
        return _resolve_weekend(expr, reference, tense)
    if expr.unit == "week":
        if expr.kind == "ago":
            d = reference + timedelta(weeks=expr.offset)
            return d, d
        monday = reference - timedelta(days=reference.weekday()) + timedelta(weeks=expr.offset)
        return monday, monday + timedelta(days=6)
    if expr.unit == "month":
        idx = reference.year * 12 + reference.month - 1 + expr.offset
        return _month_interval(idx // 12, idx % 12 + 1)
    if expr.unit == "quarter" and expr.kind == "rel_period":
        idx = reference.year * 4 + (reference.month - 1) // 3 + expr.offset
        first = _month_interval(idx // 4, idx % 4 * 3 + 1)
        return first[0], _month_interval(idx // 4, idx % 4 * 3 + 3)[1]
    if expr.unit == "year":
        y = reference.year + expr.offset
        if expr.kind == "ago" and expr.offset == -1:
            # "a year ago", "il y a un an": the day a year before (fourteenth-session convention (b)), as "three
            # weeks ago" is a day; "l'an dernier", "last year" stay the previous calendar year
            d = date(y, reference.month, min(reference.day, _last_day(y, reference.month)))
            return d, d
        return date(y, 1, 1), date(y, 12, 31)
    if expr.unit == FINANCIAL_YEAR and expr.month:
        y = reference.year + expr.offset - (reference.month < expr.month)
        return date(y, expr.month, 1), date(y + 1, expr.month, 1) - timedelta(days=1)
    return None


def _resolve_window(expr: DateExpr, reference: date) -> tuple[date, date] | None:
    """ "the past 10 days" (the 10 days ending on the reference day), "the past three months" (three months
    back, the reference day included), "the next 18 months" (from the reference day on)."""
    n = expr.offset
    if expr.unit == "day":  # the corpus's convention (COMMON-en): the reference day is the last of the N
        return (reference - timedelta(days=-n - 1), reference) if n < 0 else (
            reference + timedelta(days=1), reference + timedelta(days=n))
    if expr.unit == "week":  # "the past 3 weeks": the 21 days ending on the reference day, as for days
        return (reference + timedelta(weeks=n, days=1), reference) if n < 0 else (
            reference, reference + timedelta(weeks=n))
    months = {"month": 1, "quarter": 3, "year": 12}.get(expr.unit)
    if months is None:
        return None
    year, month = _month_from(reference, n * months)
    shifted = date(year, month, min(reference.day, _last_day(year, month)))
    return (shifted + timedelta(days=1), reference) if n < 0 else (reference, shifted)


def _resolve_weekend(expr: DateExpr, reference: date, tense: str) -> tuple[date, date]:
    """"ce week-end": the Saturday and Sunday the tense points to; "le week-end dernier" the one before."""
    tense = {-1: "past", 1: "future"}.get(expr.offset, tense)
    saturday = _resolve_weekday(DateExpr("weekday", weekday=5), reference, tense)[0]
    if reference.weekday() == 6 and tense != "future":
        saturday = reference - timedelta(days=1)
    return saturday, saturday + timedelta(days=1)


def _resolve_weekday(expr: DateExpr, reference: date, tense: str) -> tuple[date, date]:
    if expr.unit == "week":  # the weekday of the week ``offset`` weeks from the reference's
        d = reference + timedelta(days=expr.weekday - reference.weekday(), weeks=expr.offset)
        return d, d
    back = (reference.weekday() - expr.weekday) % 7
    ahead = (expr.weekday - reference.weekday()) % 7
    if expr.direction == "last":
        d = reference - timedelta(days=back or 7)
    elif expr.direction == "next":
        d = reference + timedelta(days=ahead or 7)
    elif tense == "future":
        d = reference + timedelta(days=ahead)
    elif tense == "nearest" and ahead < back:
        d = reference + timedelta(days=ahead)
    else:
        d = reference - timedelta(days=back)
    return d, d


def resolve_mention(mention: DateMention, reference: date | None, future: bool = False,
                    lang: str = DEFAULT_LANG, *, tense: str | None = None) -> tuple[date, date] | None:
    """The day interval of a mention (both ends of a range); None outside the calendar, as :func:`resolve`."""
    try:
        return _resolve_mention(mention, reference, future, lang, tense)
    except (ValueError, OverflowError):
        return None


def _resolve_mention(mention: DateMention, reference: date | None, future: bool,
                     lang: str, tense: str | None) -> tuple[date, date] | None:
    if mention.parts[0].direction == "to_second":  # "the 12 months to May": the window ending with May
        last = resolve(mention.parts[1], reference, future, lang, tense=tense)
        return None if last is None else (_window_start(last[1], mention.parts[0]), last[1])
    first = resolve(mention.parts[0], reference, future, lang, tense=tense)
    if first is None:
        return None
    if len(mention.parts) == 1:
        return first
    second_expr = mention.parts[1]
    if second_expr.direction == "after_first" and second_expr.kind == "weekday":
        ahead = (second_expr.weekday - first[0].weekday()) % 7 or 7
        return first[0], first[0] + timedelta(days=ahead)
    second = resolve(second_expr, reference, future, lang, tense=tense)
    if second is None:
        return None
    if second[1] < first[0] and mention.parts[0].year is None:
        # "du 28 décembre au 3 janvier 2025": the first end is in the year before.
        first = resolve(replace(mention.parts[0], year=second[1].year - 1), reference, future, lang, tense=tense)
    return first[0], second[1]


def _window_start(end: date, window: DateExpr) -> date:
    """The first day of ``-window.offset`` whole units (days, weeks, months, years) ending on ``end``."""
    after = end + timedelta(days=1)
    if window.unit in ("day", "week"):
        return after + timedelta(days=window.offset * (7 if window.unit == "week" else 1))
    year, month = divmod(after.year * 12 + after.month - 1 + window.offset * (12 if window.unit == "year" else 1), 12)
    return date(year, month + 1, min(after.day, _last_day(year, month + 1)))


def anchor_of(mention: DateMention, lang: str = DEFAULT_LANG) -> date | None:
    """The day that stands for a dated expression when an article has no publication date:
    a full date gives that day; a month, season or year gives its last day."""
    if not mention.has_year:
        return None
    interval = resolve_mention(mention, None, lang=lang)
    return interval[1] if interval else None


def granularity_of(mention: DateMention) -> str:
    """What the interval of ``mention`` spans, one of :data:`~pipeline.dates.records.GRANULARITIES`."""
    if len(mention.parts) > 1:
        return "range"
    k = mention.parts[0]
    if (k.kind in ("day", "weekday", "nth_weekday", "rel_day", "after_previous", "time")
            or (k.kind == "ago" and (k.unit == "day" or (k.unit == "year" and k.offset == -1)))):
        return "day"
    if (k.kind == "rel_period" and k.part is not None) or k.kind == "window":
        return "range"  # a few days of a week ("late last week"), "the past 10 days": no granularity of its own
    if k.kind == "rel_period" or k.kind == "ago":
        if k.unit == FINANCIAL_YEAR:
            return "range"  # twelve months across two years, as "2025-26"
        return "range" if k.unit is not None and k.unit.endswith(TO_DATE) else k.unit or "day"
    if k.kind == "division":
        return {3: "quarter", 6: "half"}.get(k.offset, "range")  # "the final four months of 2023": a range
    if k.kind == "night":
        return "range"  # two days, as "la nuit du 8 au 9"
    return k.kind


def night_of_named_day(text: str, mention: DateMention, earlier: list[tuple[DateMention, tuple[date, date] | None]],
                       lang: str = DEFAULT_LANG) -> tuple[date, date] | None:
    """ "Un séisme a frappé la région mardi. Dans la nuit, 40 personnes ont été évacuées": a bare night right
    after a day named in its own sentence or the one before is that day's night (Tuesday to Wednesday), not
    the one before the publication day; None when ``mention`` is no such night or no day is named so near.

    earlier: the mentions before ``mention`` in the text, in order, with their resolved intervals.
    """
    g = grammar(lang)
    if (len(mention.parts) != 1 or mention.parts[0].kind != "night"
            or mention.text.lower() in {w.lower() for w in g.lex["reference_nights"]}):
        return None
    left, _ = _sentence(text, mention.start, mention.start, g)
    before = text[:left].rstrip()
    previous_left = _sentence(text, len(before) - 1, len(before) - 1, g)[0] if before else left
    for m, interval in reversed(earlier):
        if m.start < previous_left:
            return None
        if len(m.parts) == 1 and m.parts[0].kind not in ("time", "night") and _is_day(interval):
            return interval[0], interval[0] + timedelta(days=1)
    return None


def _is_day(interval: tuple[date, date] | None) -> bool:
    return interval is not None and interval[0] == interval[1]


def resolve_dates(text: str, reference: date | None, lang: str = DEFAULT_LANG, *, include_times: bool = False,
                  ranges: bool = True) -> list[tuple[DateMention, DateInterval | None]]:
    """Find and resolve every date expression of a plain text (no parse), in order.

    The tense of each sentence is guessed from its words (:func:`guess_tense`);
    "la veille", "le lendemain" and, with include_times, clock times and parts of a
    day count from the day last mentioned (the reference before any).
    """
    g = grammar(lang)
    resolved: list[tuple[DateMention, DateInterval | None]] = []
    last_day = reference
    sentence, sentence_year = (-1, -1), None
    for mention in find_dates(text, lang, include_times=include_times, ranges=ranges):
        bounds = _sentence(text, mention.start, mention.start, g)
        if bounds != sentence:
            sentence, sentence_year = bounds, None
        mention = _with_sentence_year(mention, sentence_year)
        sentence_year = _year_after(mention, sentence_year)
        first = mention.parts[0]
        anchored = first.kind in ("after_previous", "time")
        base = last_day if anchored else reference
        tense = resolution_tense(text, mention.start, mention.end, lang)
        interval = resolve_mention(mention, base, lang=lang, tense=tense)
        resolved.append(
            (mention, DateInterval(interval[0], interval[1], granularity_of(mention)) if interval else None))
        if _is_day(interval) and first.kind != "time":
            last_day = interval[0]
    return resolved


def resolve_span(text: str, start: int, end: int, reference: date, lang: str = DEFAULT_LANG) -> DateInterval | None:
    """Normalize the date expression at [start, end) of ``text``, told by the rest of the text:
    the tense of its sentence and, for "le lendemain", the day mentioned before it."""
    if not isinstance(reference, date):
        raise FaitsError(Errors.E040.format(got=reference))
    # the span is known to be a time expression: "désormais" counts, as the reference day
    mentions = find_dates(text[start:end], lang, include_times=True) or _mention_around(text, start, end, lang)
    if not mentions:
        return _read_with_dateparser(text[start:end], reference, lang)
    mention = _with_sentence_year(mentions[0], _year_of_sentence(text, start, lang))
    base = reference
    if mention.parts[0].kind in ("after_previous", "time"):
        earlier = [i for m, i in resolve_dates(text[:start], reference, lang)
                   if _is_day((i.start, i.end) if i else None)]
        base = earlier[-1].start if earlier else reference
    interval = resolve_mention(mention, base, lang=lang, tense=resolution_tense(text, start, end, lang))
    return DateInterval(interval[0], interval[1], granularity_of(mention)) if interval else None


def _mention_around(text: str, start: int, end: int, lang: str) -> list[DateMention]:
    """The expression around a span too short to read alone: "97" in "en 97", "19" in
    "du 19 au 23 juillet" (the first part of the range)."""
    g = grammar(lang)
    left, right = _sentence(text, start, end, g)
    for m in find_dates(text[left:right], lang):
        if m.start <= start - left and end - left <= m.end:
            first = start - left < m.start + (m.end - m.start) // 2
            part = m.parts[0] if first or len(m.parts) == 1 else m.parts[1]
            return [DateMention(start, end, text[start:end], (part,))]
    return []


def _year_of_sentence(text: str, start: int, lang: str) -> int | None:
    """The last year written out in the sentence before ``start``: "deux ruptures en 97
    (en janvier, en octobre)" puts January and October in 1997."""
    g = grammar(lang)
    left, _ = _sentence(text, start, start, g)
    year = None
    for m in find_dates(text[left:start], lang):
        year = _year_after(m, year)
    return year


def _year_after(mention: DateMention, year: int | None) -> int | None:
    """The year a sentence speaks of after ``mention``."""
    part = mention.parts[-1]
    if part.year is not None:
        return part.year
    if part.kind in ("rel_period", "rel_day", "ago"):
        return None  # "cette année" brings the sentence back to the reference
    return year


def _with_sentence_year(mention: DateMention, year: int | None) -> DateMention:
    if year is None or len(mention.parts) != 1:
        return mention
    part = mention.parts[0]
    if (part.year is not None or part.kind not in ("day", "month", "part_month") or part.direction or part.weekday
            or part.month is None):
        return mention
    return replace(mention, parts=(replace(part, year=year),))


def anaphoric_periods(text: str, records: list[dict], lang: str = DEFAULT_LANG) -> list[dict]:
    """ "Sales fell in the third quarter. Revenue in the quarter slipped 3%": a definite period with no date of its own
    (the pack's anaphoric_periods, by the months it spans) is the period of that length the article named last before
    it; the records of those periods, in the form of ``records`` (resolved dates, in text order). None where no period
    of that length was named before."""
    g = grammar(lang)
    if g.anaphoric_period_rx is None:
        return []
    found = []
    for m in g.anaphoric_period_rx.finditer(text):
        if any(r["start"] < m.end() and m.start() < r["end"] for r in records):
            continue
        months = g.anaphoric_periods[" ".join(m.group(0).lower().split())]
        named = next((r for r in reversed(records) if r["start"] < m.start() and r["when_start"]
                      and _spans_months(r["when_start"], r["when_end"], months)), None)
        if named is not None:
            found.append(named | {"start": m.start(), "end": m.end(), "text": m.group(0), "future": False})
    return found


def _spans_months(start: str, end: str, months: int) -> bool:
    """Whether the interval from ``start`` to ``end`` (ISO days) is ``months`` whole calendar months."""
    first, last = date.fromisoformat(start), date.fromisoformat(end)
    return (first.day == 1 and (last + timedelta(days=1)).day == 1
            and (last.year * 12 + last.month) - (first.year * 12 + first.month) + 1 == months)
