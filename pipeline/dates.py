"""Find and normalize date expressions into intervals of whole days.

"à l'automne 2024" → 2024-09-23..2024-12-20, "dimanche" → the most recent
Sunday on or before the reference, "entre janvier et février 2025" →
2025-01-01..2025-02-28. Plain functions over text; the ``faits_dates``
component calls :func:`find_dates` on a Doc's text and resolves each
expression against the article's publication date, with the tense the parse
gives. Without a parse, :func:`resolve_dates` guesses the tense of each
clause from its words and anchors "la veille", "le lendemain" and clock times
on the day last mentioned.

The grammar is compiled from ``models/<lang>/dates.json``. A text known to be
one date expression that the grammar does not read goes to dateparser
(:func:`_read_with_dateparser`); running text never does: there dateparser
takes durations and pronouns for dates.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import asdict, dataclass, replace
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from typing import Any

import dateparser.date

from .errors import Errors, FaitsError
from .lang import hooks
from .languages import DEFAULT_LANG, language_data

_APOS = "['’]"


@dataclass(frozen=True)
class DateInterval:
    """A span of whole days, both ends inclusive."""

    start: date
    end: date
    granularity: str  # day, week, month, season, part_of_month, part_of_year, year, decade, century, range


@dataclass(frozen=True)
class DateExpr:
    """A date expression before resolution: what the words say, no calendar yet."""

    # day, weekday, month, season, part_month, part_year, division (a quarter: month = its first, offset =
    # its months), year, decade, century, rel_day, rel_period, ago,
    # after_previous (la veille, le lendemain), time (a clock time or a part of a day, on the day last mentioned)
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    season: str | None = None
    part: str | None = None  # early, mid, late, whole
    offset: int = 0  # relative: days for rel_day, periods for rel_period/ago
    unit: str | None = None  # day, week, weekend, month, year
    direction: str | None = None  # last, next, this (weekday, season, day, month)
    holiday: str | None = None  # "MM-DD" or "easter+N"


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


def _phrases(words, then: str = "") -> str:
    """An alternation of lexicon phrases, longest first: any whitespace between their words, either
    apostrophe, and spaces or none after one ("d'avril", "d’ avril"); ``then`` follows a phrase that
    does not end with an apostrophe (``\\s+`` for a word that must be followed by a space)."""
    out: list[str] = []
    for w in sorted(set(words), key=len, reverse=True):
        rx = r"\s+".join(re.escape(part) for part in w.split())
        rx = re.sub(_APOS, lambda _: _APOS + r"\s*", rx)
        if not re.search(f"{_APOS}$", w):
            rx += then
        if rx not in out:
            out.append(rx)
    return "|".join(out)


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _roman(text: str) -> int:
    values = [_ROMAN[c] for c in text.upper()]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


class DateGrammar:
    """Regular expressions compiled once per language from its dates lexicon."""

    def __init__(self, lex: dict[str, Any], lang: str = DEFAULT_LANG):
        self.lex = lex
        self.months: dict[str, int] = {k.lower(): v for k, v in lex["months"].items()}
        self.weekdays: dict[str, int] = lex["weekdays"]
        self.seasons: dict[str, dict[str, list[int]]] = lex["seasons"]
        self.parts: dict[str, str] = lex["part_of_period"]
        self.rel_days: dict[str, int] = lex["relative_days"]
        self.rel_periods: dict[str, list] = {k.lower(): v for k, v in lex["relative_periods"].items()}
        self.rel_units: dict[str, str] = lex["relative_units"]
        self.after_previous: dict[str, int] = {k.lower(): v for k, v in lex["relative_to_previous"].items()}
        self.last_words = set(lex["last_words"])
        self.next_words = set(lex["next_words"])
        self.this_words = set(lex["this_words"])
        self.pivot: int = lex["two_digit_year_pivot"]
        self.first_day = {w.lower() for w in lex["first_day_words"]}
        self.hooks = hooks(lang)
        self.patterns: list[tuple[str, tuple[re.Pattern, re.Pattern]]] = []
        self.time_patterns: list[tuple[str, tuple[re.Pattern, re.Pattern]]] = []
        self._compile_dates(lex)
        self.triggers = self._triggers(lex)
        self._compile_times(lex)
        self._compile_tense(lex)

    def _add(self, kind: str, rx: str, times: bool = False) -> None:
        # each rule twice: case-blind for any text, and plain (twice as fast) for text lowercased
        # beforehand, which is what find_dates runs when lowercasing keeps the offsets
        compiled = (re.compile(rx, re.IGNORECASE), re.compile(rx))
        (self.time_patterns if times else self.patterns).append((kind, compiled))

    def _compile_dates(self, lex: dict[str, Any]) -> None:
        M = _alt(self.months)
        W = _alt(self.weekdays)
        S = _alt(self.seasons)
        P = _alt(self.parts)
        Y = r"(?:1[5-9]\d\d|20\d\d)"
        Y2 = r"(?:\d\d(?=\s*(?:[,.;:)!?]|$)))"  # "octobre 98," but not "17 juin 20 soldats"
        # "12 janvier, 2016" at the end of a clause; not "le 3 mai, 2000 manifestants"
        Y3 = rf",\s*(?P<year3>{Y})(?=\s*(?:[,.;:)!?]|$))"
        D = rf"(?:{_phrases(self.first_day)}|[12]\d|3[01]|0?[1-9])"
        last = _alt(list(self.last_words) + list(self.next_words))
        dirs = rf"(?:\s+(?P<dir>{last}))?"
        mp = _alt(lex["month_prefixes"])
        yp = _alt(lex["year_prefixes"])
        sp = _alt(lex["season_prefixes"])
        this = _alt(self.this_words)
        b, e = r"(?<![\w\-])", r"(?![\w\-])"
        WS = r"\s+"
        add = self._add
        night = _alt(lex["night_nouns"])
        night_article = rf"(?:(?:{_phrases(lex['night_articles'])})\s+)?"
        nd_open, nd_to = _phrases(lex["night_day_range"]["open"]), _phrases(lex["night_day_range"]["to"])
        nw_open, nw_to = _phrases(lex["night_weekday_range"]["open"]), _phrases(lex["night_weekday_range"]["to"])
        mr_open, mr_to = _phrases(lex["month_range"]["open"]), _phrases(lex["month_range"]["to"])
        dr_open, dr_to = _phrases(lex["day_range"]["open"]), _phrases(lex["day_range"]["to"])
        add("night_days", rf"{b}{night_article}(?:{night})\s+(?:{nd_open})\s+(?P<d1>{D})(?:\s+(?P<m1>{M}))?\s+(?:{nd_to})\s+(?P<d2>{D})\s+(?P<m2>{M})(?:\s+(?P<y2>{Y}))?{e}")
        add("night_weekdays", rf"{b}{night_article}(?:{night})\s+(?:{nw_open})\s+(?P<w1>{W})\s+(?:{nw_to})\s+(?P<w2>{W}){e}")
        add("month_range", rf"{b}(?:{mr_open})\s*(?P<m1>{M})(?:\s+(?P<y1>{Y}))?\s+(?:{mr_to})\s+(?P<m2>{M})(?:\s+(?P<y2>{Y}))?{e}")
        add("day_range", rf"{b}(?:{dr_open})\s+(?P<d1>{D})(?:\s+(?P<m1>{M}))?(?:\s+(?P<y1>{Y}))?\s+(?:{dr_to})\s+(?P<d2>{D})\s+(?P<m2>{M})(?:\s+(?P<y2>{Y}))?{e}")
        # "les 19-20 novembre"
        add("dash_range", rf"{b}(?:(?:{_phrases(lex['plural_day_determiners'])})\s+)?(?P<d1>{D})\s*[-–]\s*(?P<d2>{D})\s+(?P<m2>{M})(?:\s+(?P<y2>{Y}))?{e}")
        add("day", rf"{b}(?:(?:{_phrases(lex['day_determiners'])})\s+)?(?:(?P<wd>{W})\s+)?(?P<day>{D})\s+(?P<month>{M})(?:\s+(?P<year>{Y})|\s+(?P<year2>{Y2})|{Y3})?{dirs}{e}")
        nd, nm = r"(?:0?[1-9]|[12]\d|3[01])", r"(?:0?[1-9]|1[0-2])"
        # the language's order of day and month: 14/03/2025 (DMY), 03/14/2025 (MDY)
        order = self.hooks.date_order
        (g1, r1), (g2, r2) = (("nday", nd), ("nmonth", nm))[:: 1 if order.index("D") < order.index("M") else -1]
        # 14/03/2025, 14-03-2025, 14.03.2025, 14/03/25 and 2025-03-14, 2025/03/14
        add("numeric", rf"{b}(?P<{g1}>{r1})(?P<sep>[/.\-])(?P<{g2}>{r2})(?P=sep)(?:(?P<year>\d{{4}})|(?P<year2>\d\d)){e}"
                       rf"|{b}(?P<iyear>\d{{4}})(?P<isep>[/\-])(?P<imonth>{nm})(?P=isep)(?P<iday>{nd}){e}")
        # 03/2025, 2025/03; and a day and month with no year only after a determiner ("le 14/03") or a
        # weekday: "2/3" alone is a fraction
        add("numeric_month", rf"{b}(?P<nmonth>{nm})\s*/\s*(?P<year>{Y}){e}|{b}(?P<iyear>{Y})\s*/\s*(?P<imonth>{nm}){e}")
        add("numeric_day", rf"{b}(?:(?:{_phrases(lex['numeric_day_determiners'])})\s+|(?P<wd>{W})\s+)(?P<{g1}>{r1})/(?P<{g2}>{r2}){e}")
        part_prefix = rf"(?:{_phrases(lex['part_prefixes'], then=WS)})?"
        month_link = rf"(?:{_phrases(lex['part_month_links'], then=WS)})?"
        year_link = _phrases([f"{link}{'' if re.search(f'{_APOS}$', link) else ' '}{word}"
                              for link in lex["part_year_links"] for word in lex["year_words"]])
        add("part_month", rf"{b}{part_prefix}(?P<part>{P})\s*{month_link}(?P<month>{M})(?:\s+(?P<year>{Y}))?{e}")
        add("part_year", rf"{b}{part_prefix}(?P<part>{P})\s*(?:{year_link})(?:\s+(?P<year>{Y})|{dirs}){e}")
        add("part_year", rf"{b}{part_prefix}(?P<part>{P})\s*(?P<year>{Y}){e}")
        self.divisions: dict[str, int] = {k.lower(): v for k, v in lex["year_divisions"].items()}
        self.division_ordinals: dict[str, int] = {k.lower(): v for k, v in lex["division_ordinals"].items()}
        self.division_abbreviations: dict[str, int] = {k.lower(): v for k, v in lex["division_abbreviations"].items()}
        add("division", rf"{b}(?P<dord>{_alt(self.division_ordinals)})\s+(?P<div>{_alt(self.divisions)})"
                        rf"(?:\s+(?:{_phrases(lex['division_year_links'], then=WS)})?(?P<year>{Y}))?{e}"
                        rf"|{b}(?P<abbr>{_alt(self.division_abbreviations)})(?P<anum>[1-4])\s+(?P<year3>{Y}){e}")
        decade_link = rf"(?:{_phrases(lex['decade_part_links'], then=WS)})?"
        decade_det = rf"(?:{_phrases(lex['decade_determiners'], then=WS)})?"
        add("decade", rf"{b}(?:(?P<part>{P})\s+{decade_link})?{decade_det}(?:{_alt(lex['decade_words'])})\s+(?P<decade>(?:1[5-9]|20)?\d0){e}")
        marks = _alt(lex["ordinal_marks"])
        century_link = rf"(?:{_phrases(lex['century_part_links'], then=WS)})?"
        add("century", rf"{b}(?:(?P<part>{P})\s+{century_link})?(?P<century>[IVXLivxl]+|\d{{1,2}})(?:{marks})\s+(?:{_alt(lex['century_words'])}){e}")
        add("month", rf"{b}(?:(?:{mp})\s*)?(?P<month>{M})\s+(?:(?P<year>{Y})|(?P<year2>{Y2})){e}")
        add("season", rf"{b}(?:(?:{sp})\s*)(?P<season>{S})(?:\s+(?P<year>{Y})|\s+(?P<dir>{last}))?{e}")
        add("season_bare", rf"{b}(?P<season>{_alt(lex['bare_seasons'])})(?:\s+(?P<year>{Y})){e}")
        self.holidays = {k.lower(): v for k, v in lex["holidays"].items()}
        add("holiday", rf"{b}(?:(?:{_alt(lex['holiday_prefixes'])})\s+)?(?P<holiday>{_alt(self.holidays)})(?:\s+(?P<year>{Y}))?{e}")
        weekend = _alt(lex["weekend_words"])
        add("weekend", rf"{b}(?:(?P<this>{this})|{_phrases(lex['weekend_determiners'])})\s+(?:{weekend})(?:\s+(?P<dir>{last}))?{e}")
        add("rel_period", rf"{b}(?P<phrase>{_alt(self.rel_periods)}){e}")
        units = _alt(self.rel_units)
        count = rf"(?P<n>\d+|[{self.hooks.lowercase}\-]+)"
        add("ago", rf"{b}(?:{_alt(lex['relative_past'])})\s+{count}\s+(?P<unit>{units}){e}")
        # "dans deux mois", but not "dans un jour de grande forme"
        not_before = _phrases(lex["not_relative_future_before"], then=r"\b")
        add("ahead", rf"{b}(?:{_alt(lex['relative_future'])})\s+{count}\s+(?P<unit>{units}){e}(?!\s+(?:{not_before}))")
        add("after_previous", rf"{b}(?P<phrase>{_alt(self.after_previous)}){e}")
        counted = lex["relative_to_previous_counts"]
        self.later_words = {w.lower() for w in counted["later"]}
        # "deux jours plus tard," but not "deux jours après le drame": only where the clause ends
        add("counted_previous", rf"{b}{count}\s+(?P<unit>{units})\s+(?P<way>{_alt(counted['later'] + counted['earlier'])})"
                                rf"(?=\s*(?:[,.;:)!?]|$))")
        add("rel_day", rf"{b}(?P<word>{_alt(self.rel_days)}){e}")
        add("weekday", rf"{b}(?:(?:{_phrases(lex['weekday_determiners'])})\s+)?(?P<wd>{W})(?:\s+(?P<dir>{last}))?{e}")
        add("month_alone", rf"{b}(?:(?P<prefix>{mp})\s*)?(?P<month>{M}){dirs}{e}")
        # not "2000 manifestants", "1500 h", "20 %"
        not_after = rf"\s(?:{self.hooks.plural_word}|(?:{_phrases(lex['not_date_after'])}){e})"
        add("year", rf"{b}(?:(?:{yp})\s+)?(?P<year>{Y})(?![\w\-]|\s?%|{not_after}|[ \u00a0\u202f.]\d)")
        add("year", rf"{b}(?:{_phrases(lex['two_digit_year_prefixes'])})\s+(?P<year2>[5-9]\d(?=\s*(?:[,.;:)(!?]|$))){e}")
        # what every match of these rules holds, as a pattern: searched once, far cheaper than the rule
        self.part_triggers = {
            "part_month": re.compile(rf"(?:{P})\s*{month_link}(?:{M})"),
            "part_year": re.compile(rf"(?:{P})\s*(?:{Y}|{year_link})"),
        }
        self.range_connectors = [
            (re.compile(rf"{b}(?:{_phrases([a])})\s*$", re.IGNORECASE), re.compile(rf"^\s*(?:{_phrases([z])})\s*$", re.IGNORECASE))
            for a, z in lex["range_connectors"]
        ]
        self.this_start = re.compile(rf"(?:{this})", re.IGNORECASE)

    def _triggers(self, lex: dict[str, Any]) -> dict[str, tuple[str, ...] | re.Pattern]:
        """What a rule cannot match without: words one of which must be there, or a pattern (for rules
        whose digits must stand in a telling way, and the début/mi/fin rules, compiled with them). A
        text that lacks it skips the rule: most rules never fire on a given article, and a substring
        test is far cheaper than the rule."""
        months = tuple(self.months)
        digits = tuple("0123456789")
        units = _alt(lex["clock_units"])
        counted = lex["relative_to_previous_counts"]
        return {
            # the night rules need "nuit" as well as a month or a weekday: the rarer word decides
            "night_days": tuple(lex["night_nouns"]), "night_weekdays": tuple(lex["night_nouns"]),
            "month_range": months, "day_range": months, "day": months, "month": months, "month_alone": months,
            "decade": tuple(lex["decade_words"]), "century": tuple(lex["century_words"]),
            "season": tuple(self.seasons), "season_bare": tuple(self.seasons), "holiday": tuple(self.holidays),
            "weekend": tuple(lex["weekend_words"]), "rel_period": tuple(self.rel_periods),
            "ago": tuple(lex["relative_past"]), "ahead": tuple(lex["relative_future"]),
            "division": tuple(self.divisions) + tuple(f"{a}{n}" for a in self.division_abbreviations for n in "1234"),
            "counted_previous": tuple(counted["later"] + counted["earlier"]),
            "after_previous": tuple(self.after_previous), "rel_day": tuple(self.rel_days),
            "weekday": tuple(self.weekdays), "year": digits,
            "this_day_part": tuple(lex["day_parts"]), "day_part": tuple(lex["day_parts"]),
            "present": tuple(lex["present_words"]),
            "numeric": re.compile(r"\d[/.\-]\d"),
            "dash_range": re.compile(r"\d\s*[-–]\s*\d"),
            "numeric_month": re.compile(r"\d\s*/\s*\d"),
            "numeric_day": re.compile(r"\d\s*/\s*\d"),
            "clock": re.compile(rf"\d\s?(?:{units})|{_alt(lex['time_of_day_words'])}"),
            **self.part_triggers,
        }

    def _compile_times(self, lex: dict[str, Any]) -> None:
        b, e = r"(?<![\w\-])", r"(?![\w\-])"
        this = _alt(self.this_words)
        parts = _alt(lex["day_parts"])
        clock_words = _alt(lex["time_of_day_words"])
        units = _alt(lex["clock_units"])
        self._add("this_day_part", rf"{b}(?:{this})\s+(?:{parts}){e}", times=True)
        self._add("day_part", rf"{b}(?:(?:{_phrases(lex['day_part_prefixes'])})\s+)?(?:{parts}){e}", times=True)
        self._add("clock", rf"{b}(?:[01]?\d|2[0-3])\s?(?:{units})(?:\s?[0-5]\d)?{e}|{b}(?:{clock_words}){e}", times=True)
        self._add("present", rf"{b}(?:{_alt(lex['present_words'])}){e}", times=True)
        # "hier soir", "dimanche après-midi": the part of the day joins the date before it
        self.day_part_after = re.compile(rf"\s+(?:{parts}){e}", re.IGNORECASE)

    def _compile_tense(self, lex: dict[str, Any]) -> None:
        future, past = lex["future_tense"], lex["past_tense"]
        lower = self.hooks.lowercase
        b, e = r"(?<![\w\-])", r"(?![\w\-])"
        # lowercase words only: "Diawara" is a name, not a future
        endings = _alt(future["endings"])
        upper_endings = _alt([w.upper() for w in future["endings"]])
        self.future_word = re.compile(rf"{b}(?:[{lower}]{{2,}}(?:{endings})|[A-ZÀ-Ý]{{2,}}(?:{upper_endings})){e}")
        self.not_verbs = {w.lower() for w in future["not_verbs"]}
        self.future_cue = re.compile(
            rf"{b}(?:{_alt(future['near_future_aux'])})\s+[{lower}]+(?:{_alt(future['infinitive_endings'])}){e}"
            rf"|{b}(?:{_alt(future['cues'] + future['modal_conditionals'])}){e}",
            re.IGNORECASE,
        )
        # "-rait" is a conditional, not an imperfect: one lookbehind per stem ending (each of fixed width)
        not_after = "".join(f"(?<!{re.escape(a)})" for a in past["not_imperfect_after"])
        self.past_marker = re.compile(
            rf"{b}(?:{_alt(past['auxiliaries'])})\s+(?:[{lower}]+\s+){{0,2}}?[{lower}]+(?:{_alt(past['participle_endings'])}){e}"
            rf"|{b}[{lower}]{{2,}}{not_after}(?:{_alt(past['imperfect_endings'])}){e}"
        )
        self.past_prefix = _prefix_patterns(lex["past_prefixes"])
        self.future_prefix = _prefix_patterns(lex["future_prefixes"])
        self.sentence_end = re.compile(r"[.!?;\n]")
        self.clause_end = re.compile(r"[,:()«»]")


def _prefix_patterns(words: list[str]) -> tuple[re.Pattern, re.Pattern]:
    """A prefix just before an expression, or at its start ("depuis janvier" is one mention)."""
    alt = _alt(words)
    return (re.compile(rf"(?<![\w\-])(?:{alt})\s*$", re.IGNORECASE),
            re.compile(rf"(?:{alt})(?![\w\-])", re.IGNORECASE))


@cache
def grammar(lang: str = DEFAULT_LANG) -> DateGrammar:
    return DateGrammar(language_data(lang).dates, lang)


def _day(text: str, g: DateGrammar) -> int:
    return 1 if text.lower() in g.first_day else int(text)


def _direction(word: str | None, g: DateGrammar) -> str | None:
    word = (word or "").lower()
    return "last" if word in g.last_words else "next" if word in g.next_words else None


def _year(gd: dict, g: DateGrammar) -> int | None:
    if gd.get("year") or gd.get("year3"):
        return int(gd.get("year") or gd["year3"])
    if gd.get("year2"):
        two = int(gd["year2"])
        return (2000 if two < g.pivot else 1900) + two
    return None


def _expr_from_match(kind: str, m: re.Match, g: DateGrammar, lang: str) -> tuple[DateExpr, ...] | None:
    gd = m.groupdict()
    year = _year(gd, g)
    month = g.months.get((gd.get("month") or "").lower())
    if kind in ("night_days", "day_range", "dash_range"):
        m2 = g.months[gd["m2"].lower()]
        m1 = g.months[gd["m1"].lower()] if gd.get("m1") else m2
        y2 = int(gd["y2"]) if gd.get("y2") else None
        y1 = int(gd["y1"]) if gd.get("y1") else y2
        return (DateExpr("day", y1, m1, _day(gd["d1"], g)), DateExpr("day", y2, m2, _day(gd["d2"], g)))
    if kind == "month_range":
        y2 = int(gd["y2"]) if gd.get("y2") else None
        y1 = int(gd["y1"]) if gd.get("y1") else y2
        return (DateExpr("month", y1, g.months[gd["m1"].lower()]),
                DateExpr("month", y2, g.months[gd["m2"].lower()]))
    if kind == "night_weekdays":
        return (DateExpr("weekday", weekday=g.weekdays[gd["w1"].lower()]),
                DateExpr("weekday", weekday=g.weekdays[gd["w2"].lower()], direction="after_first"))
    if kind == "day":
        weekday = g.weekdays[gd["wd"].lower()] if gd.get("wd") else None
        return (DateExpr("day", year, month, _day(gd["day"], g), weekday=weekday,
                         direction=_direction(gd.get("dir"), g)),)
    if kind in ("numeric", "numeric_day"):
        if gd.get("iyear"):
            year, month, day = int(gd["iyear"]), int(gd["imonth"]), int(gd["iday"])
        else:
            month, day = int(gd["nmonth"]), int(gd["nday"])
        if day > _last_day(year if year is not None else 2000, month):  # 2000 has a 29 February
            return None
        weekday = g.weekdays[gd["wd"].lower()] if gd.get("wd") else None
        return (DateExpr("day", year, month, day, weekday=weekday),)
    if kind == "numeric_month":
        year = int(gd["iyear"]) if gd.get("iyear") else year
        return (DateExpr("month", year, int(gd.get("imonth") or gd["nmonth"])),)
    if kind == "division":
        if gd.get("abbr"):
            months, index = g.division_abbreviations[gd["abbr"].lower()], int(gd["anum"])
        else:
            months, index = g.divisions[gd["div"].lower()], g.division_ordinals[gd["dord"].lower()]
        if index > 12 // months:
            return None  # "troisième semestre"
        return (DateExpr("division", year, month=(index - 1) * months + 1, offset=months),)
    if kind == "part_month":
        return (DateExpr("part_month", year, month, part=g.parts[gd["part"].lower()]),)
    if kind == "part_year":
        offset = {"last": -1, "next": 1}.get(_direction(gd.get("dir"), g) or "", 0)
        return (DateExpr("part_year", year, part=g.parts[gd["part"].lower()], offset=offset),)
    if kind == "decade":
        decade = int(gd["decade"])
        # "les années 60" are the 1960s; "les années 2010" say their century
        return (DateExpr("decade", decade if decade >= 100 else 1900 + decade),)
    if kind == "century":
        number = int(gd["century"]) if gd["century"].isdigit() else _roman(gd["century"])
        return (DateExpr("century", (number - 1) * 100),) if 1 <= number <= 21 else None
    if kind in ("month", "month_alone"):
        prefix = (gd.get("prefix") or m.group(0)[: m.start("month") - m.start()]).strip().lower()
        if prefix in g.parts or prefix.rstrip("-") + "-" in g.parts:
            return (DateExpr("part_month", year, month, part=g.parts.get(prefix, "mid")),)
        return (DateExpr("month", year, month, direction=_direction(gd.get("dir"), g)),)
    if kind in ("season", "season_bare"):
        direction = _direction(gd.get("dir"), g)
        if direction is None and g.this_start.match(m.group(0)):
            direction = "this"
        return (DateExpr("season", year, season=gd["season"].lower(), direction=direction),)
    if kind == "holiday":
        return (DateExpr("holiday", year, holiday=g.holidays[gd["holiday"].lower()]),)
    if kind == "weekend":
        offset = {"last": -1, "next": 1}.get(_direction(gd.get("dir"), g) or "", 0)
        return (DateExpr("rel_period", unit="weekend", offset=offset),)
    if kind == "rel_period":
        unit, offset = g.rel_periods[gd["phrase"].lower()]
        return (DateExpr("rel_period", unit=unit, offset=offset),)
    if kind in ("ago", "ahead", "counted_previous"):
        n = gd["n"]
        if not n.isdigit():
            from .numbers import normalize_number

            q = normalize_number(n, lang)
            if q is None:
                return None
            n = q.value
        if float(n) > 1e7:
            return None  # more days than the calendar holds ("il y a 10^40 ans")
        unit = g.rel_units[gd["unit"].lower()]
        if kind == "counted_previous":
            if unit not in ("day", "week"):
                return None
            days = int(float(n)) * (7 if unit == "week" else 1)
            return (DateExpr("after_previous", offset=days if gd["way"].lower() in g.later_words else -days),)
        return (DateExpr("ago", unit=unit, offset=int(float(n)) * (1 if kind == "ahead" else -1)),)
    if kind == "after_previous":
        return (DateExpr("after_previous", offset=g.after_previous[gd["phrase"].lower()]),)
    if kind in ("rel_day", "this_day_part", "present"):
        return (DateExpr("rel_day", offset=g.rel_days.get((gd.get("word") or "").lower(), 0)),)
    if kind == "weekday":
        return (DateExpr("weekday", weekday=g.weekdays[gd["wd"].lower()], direction=_direction(gd.get("dir"), g)),)
    if kind == "year":
        return (DateExpr("year", year),)
    if kind in ("day_part", "clock"):
        return (DateExpr("time"),)
    return None


def find_dates(text: str, lang: str = DEFAULT_LANG, *, include_times: bool = False,
               ranges: bool = True) -> list[DateMention]:
    """Locate date expressions in ``text``; ranges ("entre janvier et février 2025") are one mention.

    include_times: also clock times ("22 h"), parts of a day ("la nuit") and present words
    ("maintenant"); they resolve to the day they fall on. Facts do not take them as dates.
    ranges: join two dates into a range; without, each end is its own mention (as TimeML marks them).
    """
    g = grammar(lang)
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    patterns = g.patterns + (g.time_patterns if include_times else [])
    lowered = text.lower()
    same_offsets = len(lowered) == len(text)
    subject = lowered if same_offsets else text
    triggered: dict[object, bool] = {}  # by trigger: several rules share the months or the digits
    for kind, (case_blind, plain) in patterns:
        trigger = g.triggers[kind]
        if trigger not in triggered:
            triggered[trigger] = (trigger.search(lowered) is not None if isinstance(trigger, re.Pattern)
                                  else any(w in lowered for w in trigger))
        if not triggered[trigger]:
            continue
        for m in (plain if same_offsets else case_blind).finditer(subject):
            s, e = m.span()
            if s == e or any(not (e <= a or s >= b) for a, b in taken):
                continue
            parts = _expr_from_match(kind, m, g, lang)
            if parts is None:
                continue
            if include_times and kind not in ("clock", "day_part") and (part := g.day_part_after.match(text, e)):
                e = part.end()
            found.append(DateMention(s, e, text[s:e], parts))
            taken.append((s, e))
    found.sort(key=lambda d: d.start)
    return _merge_ranges(text, found, g) if ranges else found


def _merge_ranges(text: str, mentions: list[DateMention], g: DateGrammar) -> list[DateMention]:
    out: list[DateMention] = []
    i = 0
    while i < len(mentions):
        cur = mentions[i]
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        merged = None
        if nxt is not None and len(cur.parts) == 1 and len(nxt.parts) == 1 and "time" not in (
            cur.parts[0].kind, nxt.parts[0].kind
        ):
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
        return _easter(year) + timedelta(days=int(spec.split("+")[1]))
    month, day = map(int, spec.split("-"))
    return date(year, month, day)


def _tense(future: bool, tense: str | None) -> str:
    return tense or ("future" if future else "past")


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
    if k in ("rel_day", "rel_period", "ago", "weekday", "after_previous", "time") and reference is None:
        return None
    if k in ("day", "month", "part_month", "season", "holiday") and expr.year is None and reference is None:
        return None
    if k in ("after_previous", "rel_day"):
        d = reference + timedelta(days=expr.offset)
        return d, d
    if k == "time":
        return reference, reference
    if k == "day":
        return _resolve_day(expr, reference, mode)
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
    if k == "holiday":
        year = expr.year or _pick_year(lambda y: (_holiday(expr.holiday, y),) * 2, reference, mode)
        day = _holiday(expr.holiday, year)
        return day, day
    if k in ("rel_period", "ago"):
        return _resolve_relative(expr, reference, mode)
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
    return span(year)


def _resolve_season(expr: DateExpr, reference: date, tense: str, g: DateGrammar) -> tuple[date, date]:
    if expr.year is not None:
        return _season_interval(expr.season, expr.year, g)
    if tense == "nearest" and expr.direction in (None, "this"):
        year = _pick_year(lambda y: _season_interval(expr.season, y, g), reference, tense)
        return _season_interval(expr.season, year, g)
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


def _resolve_relative(expr: DateExpr, reference: date, tense: str) -> tuple[date, date] | None:
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
    if expr.unit == "year":
        y = reference.year + expr.offset
        return date(y, 1, 1), date(y, 12, 31)
    return None


def _resolve_weekend(expr: DateExpr, reference: date, tense: str) -> tuple[date, date]:
    """"ce week-end": the Saturday and Sunday the tense points to; "le week-end dernier" the one before."""
    tense = {-1: "past", 1: "future"}.get(expr.offset, tense)
    saturday = _resolve_weekday(DateExpr("weekday", weekday=5), reference, tense)[0]
    if reference.weekday() == 6 and tense != "future":
        saturday = reference - timedelta(days=1)
    return saturday, saturday + timedelta(days=1)


def _resolve_weekday(expr: DateExpr, reference: date, tense: str) -> tuple[date, date]:
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
    if k.kind in ("day", "weekday", "rel_day", "after_previous", "time") or (k.kind == "ago" and k.unit == "day"):
        return "day"
    if k.kind == "rel_period" or k.kind == "ago":
        return k.unit or "day"
    if k.kind == "division":
        return "quarter" if k.offset == 3 else "half"
    return k.kind


# -- text without a parse: tense and anchors ---------------------------------------------------


def _sentence(text: str, start: int, end: int, g: DateGrammar) -> tuple[int, int]:
    """The bounds of the sentence around [start, end), within 300 characters."""
    left = max((m.end() for m in g.sentence_end.finditer(text, max(0, start - 300), start)), default=max(0, start - 300))
    right = g.sentence_end.search(text, end)
    return left, right.start() if right else min(len(text), end + 300)


def guess_tense(text: str, start: int, end: int, lang: str = DEFAULT_LANG) -> str:
    """"past", "future" or "present": the tense the sentence around [start, end) gives the
    expression, from its words alone (the spaCy component reads it from the parse).

    A prefix says it outright ("depuis janvier", "jusqu'au 30 juin"); otherwise the
    verb form nearest to the expression decides.
    """
    g = grammar(lang)
    before, inner = text[max(0, start - 15) : start], text[start:end]
    for tense, (ahead, at_start) in (("past", g.past_prefix), ("future", g.future_prefix)):
        if ahead.search(before) or at_start.match(inner):
            return tense
    left, right = _sentence(text, start, end, g)
    # the clause between commas first ("les résultats du recensement de mars, qui devraient..."),
    # then the whole sentence
    c_left = max((m.end() for m in g.clause_end.finditer(text, left, start)), default=left)
    c_right_m = g.clause_end.search(text, end, right)
    c_right = c_right_m.start() if c_right_m else right
    # a clause that is little more than the expression ("Dès dimanche, ...") takes the sentence's verb
    bare = len(text[c_left:start].split()) + len(text[end:c_right].split()) <= 1
    markers = _tense_markers(text, left, right, g) if bare else _tense_markers(text, c_left, c_right, g)
    if markers:
        return min(markers, key=lambda m: abs(m[0] - start))[1]
    return "present"


def _tense_markers(text: str, left: int, right: int, g: DateGrammar) -> list[tuple[int, str]]:
    markers = [(m.start(), "future") for m in g.future_word.finditer(text, left, right)
               if m.group(0).lower() not in g.not_verbs]
    markers += [(m.start(), "future") for m in g.future_cue.finditer(text, left, right)]
    markers += [(m.start(), "past") for m in g.past_marker.finditer(text, left, right)]
    return markers


def resolution_tense(text: str, start: int, end: int, lang: str = DEFAULT_LANG) -> str:
    """How to pick a year-less date from the guessed tense: the past one, the future one, or in
    a sentence in the present (news announces events so: "Maceo Parker à Besançon mardi") the nearest."""
    tense = guess_tense(text, start, end, lang)
    return "nearest" if tense == "present" else tense


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
        resolved.append((mention, DateInterval(interval[0], interval[1], _granularity(mention)) if interval else None))
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
        earlier = [i for m, i in resolve_dates(text[:start], reference, lang) if _is_day((i.start, i.end) if i else None)]
        base = earlier[-1].start if earlier else reference
    interval = resolve_mention(mention, base, lang=lang, tense=resolution_tense(text, start, end, lang))
    return DateInterval(interval[0], interval[1], _granularity(mention)) if interval else None


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
    if part.year is not None or part.kind not in ("day", "month", "part_month") or part.direction or part.weekday:
        return mention
    return replace(mention, parts=(replace(part, year=year),))


def normalize_date(text: str, reference: date, lang: str = DEFAULT_LANG,
                   future: bool = False) -> DateInterval | None:
    """Normalize one date expression against ``reference`` (the publication date).

    future: a year-less date or a weekday is the next one, not the most recent one.
    What the grammar does not read goes to dateparser (:func:`_read_with_dateparser`).
    Returns None when the text holds no date expression (a clock time alone names no day).
    """
    if not isinstance(reference, date):
        raise FaitsError(Errors.E040.format(got=reference))
    mentions = find_dates(text, lang)
    if not mentions:
        timed = find_dates(text, lang, include_times=True)
        if not timed:
            return _read_with_dateparser(text, reference, lang)
        # "maintenant", "ce matin" give the reference day; a clock time alone gives no day
        mentions = [m for m in timed if m.parts[0].kind != "time"]
        if not mentions:
            return None
    interval = resolve_mention(mentions[0], reference, future, lang)
    if interval is None:
        return None
    return DateInterval(interval[0], interval[1], _granularity(mentions[0]))


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
    from .numbers import find_quantities
    from .numbers import grammar as number_grammar

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
