"""Find and normalize date expressions into intervals of whole days.

"à l'automne 2024" → 2024-09-23..2024-12-20, "dimanche" → the most recent
Sunday on or before the reference, "entre janvier et février 2025" →
2025-01-01..2025-02-28. Plain functions over text; the ``faits_dates``
component calls :func:`find_dates` on a Doc's text and resolves each
expression against the article's publication date.

The grammar is compiled from ``models/<lang>/dates.json``; dateparser reads
the numeric forms ("14/03/2025") our grammar leaves to it.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import asdict, dataclass, replace
from datetime import date, timedelta
from functools import cache
from typing import Any

import dateparser

from .errors import Errors, FaitsError
from .languages import DEFAULT_LANG, language_data

_APOS = "['’]"


@dataclass(frozen=True)
class DateInterval:
    """A span of whole days, both ends inclusive."""

    start: date
    end: date
    granularity: str  # day, week, month, season, part_of_month, part_of_year, year, range


@dataclass(frozen=True)
class DateExpr:
    """A date expression before resolution: what the words say, no calendar yet."""

    kind: str  # day, weekday, month, season, part_month, part_year, year, rel_day, rel_period, ago
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    season: str | None = None
    part: str | None = None  # early, mid, late, whole
    offset: int = 0  # relative: days for rel_day, periods for rel_period/ago
    unit: str | None = None  # day, week, month, year
    direction: str | None = None  # last, next, this (weekday, season)


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


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


class DateGrammar:
    """Regular expressions compiled once per language from its dates lexicon."""

    def __init__(self, lex: dict[str, Any]):
        self.lex = lex
        self.months: dict[str, int] = {k.lower(): v for k, v in lex["months"].items()}
        self.weekdays: dict[str, int] = lex["weekdays"]
        self.seasons: dict[str, dict[str, list[int]]] = lex["seasons"]
        self.parts: dict[str, str] = lex["part_of_period"]
        self.rel_days: dict[str, int] = lex["relative_days"]
        self.rel_periods: dict[str, list] = {k.lower(): v for k, v in lex["relative_periods"].items()}
        self.rel_units: dict[str, str] = lex["relative_units"]
        self.last_words = set(lex["last_words"])
        self.next_words = set(lex["next_words"])

        M = _alt(self.months)
        W = _alt(self.weekdays)
        S = _alt(self.seasons)
        P = r"début|mi-|mi|milieu|fin|courant"
        Y = r"(?:1[5-9]\d\d|20\d\d)"
        D = r"(?:1er|[12]\d|3[01]|0?[1-9])"
        last = _alt(list(self.last_words) + list(self.next_words))
        self.patterns: list[tuple[str, re.Pattern]] = []

        def add(kind: str, rx: str) -> None:
            self.patterns.append((kind, re.compile(rx, re.IGNORECASE)))

        b, e = r"(?<![\w\-])", r"(?![\w\-])"
        add("night_days", rf"{b}(?:la\s+)?nuit\s+du\s+(?P<d1>{D})(?:\s+(?P<m1>{M}))?\s+au\s+(?P<d2>{D})\s+(?P<m2>{M})(?:\s+(?P<y2>{Y}))?{e}")
        add("night_weekdays", rf"{b}(?:la\s+)?nuit\s+(?:de|du)\s+(?P<w1>{W})\s+(?:à|au)\s+(?P<w2>{W}){e}")
        add("month_range", rf"{b}(?:entre|de|d{_APOS}|du\s+mois\s+de)\s*(?P<m1>{M})(?:\s+(?P<y1>{Y}))?\s+(?:et|à)\s+(?P<m2>{M})(?:\s+(?P<y2>{Y}))?{e}")
        add("day_range", rf"{b}(?:du|entre\s+le|entre|des)\s+(?P<d1>{D})(?:\s+(?P<m1>{M}))?(?:\s+(?P<y1>{Y}))?\s+(?:au|et\s+le|et)\s+(?P<d2>{D})\s+(?P<m2>{M})(?:\s+(?P<y2>{Y}))?{e}")
        add("day", rf"{b}(?:(?:le|ce|cet)\s+)?(?:(?P<wd>{W})\s+)?(?P<day>{D})\s+(?P<month>{M})(?:\s+(?P<year>{Y}))?{e}")
        add("numeric", rf"{b}\d{{1,2}}/\d{{1,2}}/(?:\d{{4}}|\d{{2}}){e}|{b}\d{{4}}-\d{{2}}-\d{{2}}{e}")
        add("part_month", rf"{b}(?:en\s+|à\s+la\s+|à\s+|au\s+)?(?P<part>{P})\s*(?:(?:de|du mois de)\s+|d{_APOS}\s*)?(?P<month>{M})(?:\s+(?P<year>{Y}))?{e}")
        add("part_year", rf"{b}(?:en\s+|à\s+la\s+|à\s+|au\s+)?(?P<part>{P})\s*(?:de\s+l{_APOS}\s*année|d{_APOS}\s*année|de\s+l{_APOS}\s*an)(?:\s+(?P<year>{Y}))?{e}")
        add("part_year", rf"{b}(?:en\s+|à\s+la\s+|à\s+|au\s+)?(?P<part>{P})\s*(?P<year>{Y}){e}")
        add("month", rf"{b}(?:(?:en|au\s+mois\s+de|dès|depuis|d{_APOS}|de|fin|début)\s*)?(?P<month>{M})\s+(?P<year>{Y}){e}")
        add("season", rf"{b}(?:(?:au|à\s+l{_APOS}|l{_APOS}|cet|cette|ce|en|d{_APOS}|de\s+l{_APOS}|depuis\s+l{_APOS})\s*)(?P<season>{S})(?:\s+(?P<year>{Y})|\s+(?P<dir>{last}))?{e}")
        add("season_bare", rf"{b}(?P<season>printemps|automne|hiver)(?:\s+(?P<year>{Y})){e}")
        add("rel_period", rf"{b}(?P<phrase>{_alt(self.rel_periods)}){e}")
        add("ago", rf"{b}il\s+y\s+a\s+(?P<n>\d+|[a-zéèêàç\-]+)\s+(?P<unit>{_alt(self.rel_units)}){e}")
        add("rel_day", rf"{b}(?P<word>{_alt(self.rel_days)}){e}")
        add("weekday", rf"{b}(?:(?:ce|le)\s+)?(?P<wd>{W})(?:\s+(?P<dir>{last}))?{e}")
        add("month_alone", rf"{b}(?:(?:en|au\s+mois\s+de|dès|depuis|mois\s+de|fin|début|mi-)\s*)(?P<month>{M}){e}")
        add("year", rf"{b}(?:(?:en|depuis|dès|d{_APOS}ici|avant|après|l{_APOS}année|année)\s+)?(?P<year>{Y})(?![\w\-]|\s?%|\s[a-zéè]+s\b|[ \u00a0\u202f.]\d)")
        self.range_connectors = [
            (re.compile(rf"{b}{a}\s*$", re.IGNORECASE), re.compile(rf"^\s*{z}\s*$", re.IGNORECASE))
            for a, z in (("entre", "et"), ("de", "à"), (f"d{_APOS}", "à"), ("du", "au"), ("depuis", "jusqu'à"))
        ]


@cache
def grammar(lang: str = DEFAULT_LANG) -> DateGrammar:
    return DateGrammar(language_data(lang).dates)


def _day(text: str) -> int:
    return 1 if text.lower() == "1er" else int(text)


def _expr_from_match(kind: str, m: re.Match, g: DateGrammar, lang: str) -> tuple[DateExpr, ...] | None:
    gd = m.groupdict()
    year = int(gd["year"]) if gd.get("year") else None
    month = g.months.get((gd.get("month") or "").lower())
    if kind in ("night_days", "day_range"):
        m2 = g.months[gd["m2"].lower()]
        m1 = g.months[gd["m1"].lower()] if gd.get("m1") else m2
        y2 = int(gd["y2"]) if gd.get("y2") else None
        y1 = int(gd["y1"]) if gd.get("y1") else y2
        return (DateExpr("day", y1, m1, _day(gd["d1"])), DateExpr("day", y2, m2, _day(gd["d2"])))
    if kind == "month_range":
        y2 = int(gd["y2"]) if gd.get("y2") else None
        y1 = int(gd["y1"]) if gd.get("y1") else y2
        return (DateExpr("month", y1, g.months[gd["m1"].lower()]),
                DateExpr("month", y2, g.months[gd["m2"].lower()]))
    if kind == "night_weekdays":
        return (DateExpr("weekday", weekday=g.weekdays[gd["w1"].lower()]),
                DateExpr("weekday", weekday=g.weekdays[gd["w2"].lower()], direction="after_first"))
    if kind == "day":
        return (DateExpr("day", year, month, _day(gd["day"])),)
    if kind == "numeric":
        parsed = dateparser.parse(m.group(0), languages=[lang], settings={"DATE_ORDER": "DMY"})
        if parsed is None:
            return None
        d = parsed.date()
        return (DateExpr("day", d.year, d.month, d.day),)
    if kind == "part_month":
        return (DateExpr("part_month", year, month, part=g.parts[gd["part"].lower()]),)
    if kind == "part_year":
        return (DateExpr("part_year", year, part=g.parts[gd["part"].lower()]),)
    if kind in ("month", "month_alone"):
        prefix = m.group(0)[: m.start("month") - m.start()].strip().lower()
        if prefix in g.parts or prefix.rstrip("-") + "-" in g.parts:
            return (DateExpr("part_month", year, month, part=g.parts.get(prefix, "mid")),)
        return (DateExpr("month", year, month),)
    if kind in ("season", "season_bare"):
        d = (gd.get("dir") or "").lower()
        direction = "last" if d in g.last_words else "next" if d in g.next_words else None
        if direction is None and re.match(r"(?i)ce|cet|cette", m.group(0)):
            direction = "this"
        return (DateExpr("season", year, season=gd["season"].lower(), direction=direction),)
    if kind == "rel_period":
        unit, offset = g.rel_periods[gd["phrase"].lower()]
        return (DateExpr("rel_period", unit=unit, offset=offset),)
    if kind == "ago":
        n = gd["n"]
        if not n.isdigit():
            from .numbers import normalize_number

            q = normalize_number(n, lang)
            if q is None:
                return None
            n = q.value
        return (DateExpr("ago", unit=g.rel_units[gd["unit"].lower()], offset=-int(float(n))),)
    if kind == "rel_day":
        return (DateExpr("rel_day", offset=g.rel_days[gd["word"].lower()]),)
    if kind == "weekday":
        d = (gd.get("dir") or "").lower()
        direction = "last" if d in g.last_words else "next" if d in g.next_words else None
        return (DateExpr("weekday", weekday=g.weekdays[gd["wd"].lower()], direction=direction),)
    if kind == "year":
        return (DateExpr("year", year),)
    return None


def find_dates(text: str, lang: str = DEFAULT_LANG) -> list[DateMention]:
    """Locate date expressions in ``text``; ranges ("entre janvier et février 2025") are one mention."""
    g = grammar(lang)
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for kind, rx in g.patterns:
        for m in rx.finditer(text):
            s, e = m.span()
            if s == e or any(not (e <= a or s >= b) for a, b in taken):
                continue
            parts = _expr_from_match(kind, m, g, lang)
            if parts is None:
                continue
            found.append(DateMention(s, e, text[s:e], parts))
            taken.append((s, e))
    found.sort(key=lambda d: d.start)
    return _merge_ranges(text, found, g)


def _merge_ranges(text: str, mentions: list[DateMention], g: DateGrammar) -> list[DateMention]:
    out: list[DateMention] = []
    i = 0
    while i < len(mentions):
        cur = mentions[i]
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        merged = None
        if nxt is not None and len(cur.parts) == 1 and len(nxt.parts) == 1:
            before = text[max(0, cur.start - 12) : cur.start]
            between = text[cur.end : nxt.start]
            for opener, connector in g.range_connectors:
                om = opener.search(before)
                if om and connector.match(between):
                    start = cur.start - (len(before) - om.start())
                    first, second = cur.parts[0], nxt.parts[0]
                    if first.year is None and second.year is not None and first.kind in (
                        "month", "day", "part_month", "season"
                    ):
                        first = replace(first, year=second.year)
                    merged = DateMention(start, nxt.end, text[start : nxt.end], (first, second))
                    break
        if merged:
            out.append(merged)
            i += 2
        else:
            out.append(cur)
            i += 1
    return out


# -- resolution --------------------------------------------------------------------------


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _month_interval(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, _last_day(year, month))


def _season_interval(name: str, year: int, g: DateGrammar) -> tuple[date, date]:
    spec = g.seasons[name]
    (sm, sd), (em, ed) = spec["start"], spec["end"]
    start = date(year, sm, sd)
    end_year = year + 1 if (em, ed) < (sm, sd) else year
    return start, date(end_year, em, ed)


_PART_DAYS = {"early": (1, 10), "mid": (11, 20), "late": (21, None), "whole": (1, None)}
_PART_MONTHS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12), "whole": (1, 12)}


def _pick_year(candidate_end, reference: date, future: bool) -> int:
    """Year for a year-less expression: the most recent one on or before the reference
    (the next one on or after it when the verb is in the future)."""
    year = reference.year
    start, end = candidate_end(year)
    if future:
        return year if end >= reference else year + 1
    return year if start <= reference else year - 1


def resolve(expr: DateExpr, reference: date | None, future: bool = False,
            lang: str = DEFAULT_LANG) -> tuple[date, date] | None:
    """Turn one expression into a day interval; None when it needs a reference there is none of."""
    g = grammar(lang)
    k = expr.kind
    if k == "year":
        return date(expr.year, 1, 1), date(expr.year, 12, 31)
    if k in ("rel_day", "rel_period", "ago", "weekday") and reference is None:
        return None
    if k in ("day", "month", "part_month", "season") and expr.year is None and reference is None:
        return None
    if k == "day":
        def span(y):
            d = date(y, expr.month, min(expr.day, _last_day(y, expr.month)))
            return d, d
        year = expr.year or _pick_year(span, reference, future)
        return span(year)
    if k == "month":
        year = expr.year or _pick_year(lambda y: _month_interval(y, expr.month), reference, future)
        return _month_interval(year, expr.month)
    if k == "part_month":
        first, last = _PART_DAYS[expr.part]

        def span(y):
            return (date(y, expr.month, first),
                    date(y, expr.month, last or _last_day(y, expr.month)))
        year = expr.year or _pick_year(span, reference, future)
        return span(year)
    if k == "part_year":
        year = expr.year or (reference.year if reference else None)
        if year is None:
            return None
        m1, m2 = _PART_MONTHS[expr.part]
        return date(year, m1, 1), date(year, m2, _last_day(year, m2))
    if k == "season":
        if expr.year is not None:
            return _season_interval(expr.season, expr.year, g)
        year = reference.year
        start, end = _season_interval(expr.season, year, g)
        if expr.season == "hiver" and reference < start:
            start, end = _season_interval(expr.season, year - 1, g)
        if expr.direction == "last" or (expr.direction is None and not future and start > reference):
            start, end = _season_interval(expr.season, start.year - 1, g)
        elif expr.direction == "next" or (future and end < reference):
            start, end = _season_interval(expr.season, start.year + 1, g)
        return start, end
    if k == "rel_day":
        d = reference + timedelta(days=expr.offset)
        return d, d
    if k in ("rel_period", "ago"):
        if expr.unit == "day":
            d = reference + timedelta(days=expr.offset)
            return d, d
        if expr.unit == "week":
            monday = reference - timedelta(days=reference.weekday()) + timedelta(weeks=expr.offset)
            if k == "ago":
                d = reference + timedelta(weeks=expr.offset)
                return d, d
            return monday, monday + timedelta(days=6)
        if expr.unit == "month":
            idx = reference.year * 12 + reference.month - 1 + expr.offset
            return _month_interval(idx // 12, idx % 12 + 1)
        if expr.unit == "year":
            y = reference.year + expr.offset
            return date(y, 1, 1), date(y, 12, 31)
    if k == "weekday":
        delta = (reference.weekday() - expr.weekday) % 7
        if expr.direction == "next" or (future and expr.direction != "last"):
            ahead = (expr.weekday - reference.weekday()) % 7
            if expr.direction == "next" and ahead == 0:
                ahead = 7
            d = reference + timedelta(days=ahead)
        else:
            if expr.direction == "last" and delta == 0:
                delta = 7
            d = reference - timedelta(days=delta)
        return d, d
    return None


def resolve_mention(mention: DateMention, reference: date | None, future: bool = False,
                    lang: str = DEFAULT_LANG) -> tuple[date, date] | None:
    first = resolve(mention.parts[0], reference, future, lang)
    if first is None:
        return None
    if len(mention.parts) == 1:
        return first
    second_expr = mention.parts[1]
    if second_expr.direction == "after_first" and second_expr.kind == "weekday":
        ahead = (second_expr.weekday - first[0].weekday()) % 7 or 7
        return first[0], first[0] + timedelta(days=ahead)
    second = resolve(second_expr, reference, future, lang)
    if second is None:
        return None
    if second[1] < first[0] and mention.parts[0].year is None:
        # "du 28 décembre au 3 janvier 2025": the first end is in the year before.
        first = resolve(replace(mention.parts[0], year=second[1].year - 1), reference, future, lang)
    return first[0], second[1]


def anchor_of(mention: DateMention, lang: str = DEFAULT_LANG) -> date | None:
    """The day that stands for a dated expression when an article has no publication date:
    a full date gives that day; a month, season or year gives its last day."""
    if not mention.has_year:
        return None
    interval = resolve_mention(mention, None, lang=lang)
    return interval[1] if interval else None


def _granularity(mention: DateMention) -> str:
    if len(mention.parts) > 1:
        return "range"
    k = mention.parts[0]
    if k.kind in ("day", "weekday", "rel_day") or (k.kind == "ago" and k.unit == "day"):
        return "day"
    if k.kind == "rel_period" or k.kind == "ago":
        return k.unit or "day"
    return k.kind


def normalize_date(text: str, reference: date, lang: str = DEFAULT_LANG,
                   future: bool = False) -> DateInterval | None:
    """Normalize one date expression against ``reference`` (the publication date).

    Returns None when the text holds no date expression.
    """
    if not isinstance(reference, date):
        raise FaitsError(Errors.E040.format(got=reference))
    mentions = find_dates(text, lang)
    if not mentions:
        return None
    interval = resolve_mention(mentions[0], reference, future, lang)
    if interval is None:
        return None
    return DateInterval(interval[0], interval[1], _granularity(mentions[0]))
