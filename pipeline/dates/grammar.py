"""A language's date grammar: its rules, compiled from the language pack, and the date expressions found in a text."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import Any

from ..lang import hooks
from ..languages import DEFAULT_LANG, language_data
from .calendar import _last_day
from .records import FINANCIAL_YEAR, DateExpr, DateMention

_APOS = "['’]"


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


def _phrase_key(text: str) -> str:
    """A lexicon phrase as :func:`_phrases` matches it, made a lookup key: lowercase, single spaces,
    one apostrophe ("New Year’s  Day" -> "new year's day")."""
    return re.sub(r"\s*['’]\s*", "'", " ".join(text.lower().split()))


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _roman(text: str) -> int:
    values = [_ROMAN[c] for c in text.upper()]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


class DateGrammar:
    """Regular expressions compiled once per language from its dates lexicon."""

    def __init__(self, lex: dict[str, Any], lang: str = DEFAULT_LANG):
        self.lex = lex
        self.months: dict[str, int] = {k.lower(): v for k, v in lex["months"].items()}
        # "in the quarter": a period the article named before (interpretation.anaphoric_periods)
        self.anaphoric_periods: dict[str, int] = {" ".join(k.lower().split()): v
                                                  for k, v in lex["anaphoric_periods"].items()}
        # (not before a word that names the period itself: "in the quarter to September", "the half ended in June")
        named_after = "|".join(re.escape(w) for w in lex["anaphoric_period_not_before"])
        self.anaphoric_period_rx = re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in self.anaphoric_periods)
            + r")(?![\w-])" + (rf"(?!\s+(?:{named_after})\b)" if named_after else ""), re.IGNORECASE
        ) if self.anaphoric_periods else None
        # "2 sept (AFP)": short forms that are a month only after a day's number
        self.day_months: dict[str, int] = {k.lower(): v for k, v in lex["day_months"].items()}
        self.weekdays: dict[str, int] = lex["weekdays"]
        self.short_weekdays = {w.lower() for w in lex["short_weekdays"]}
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
        self.ordinal_marks = [w.lower() for w in lex["ordinal_marks"]]
        self.day_ordinals = {_phrase_key(w): n for w, n in lex["day_ordinals"].items()}
        self.hooks = hooks(lang)
        self.patterns: list[tuple[str, tuple[re.Pattern, re.Pattern]]] = []
        self.time_patterns: list[tuple[str, tuple[re.Pattern, re.Pattern]]] = []
        # what a rule cannot match without, set where the rule is compiled (see _triggers)
        self.rule_triggers: dict[str, re.Pattern | tuple[str, ...]] = {}
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
        # a day written as an ordinal word too ("the second of May"): only where the rule needs it, a long
        # alternation at the start of a rule is tried at every position of the text
        Dw = rf"(?:{_phrases(self.first_day | set(self.day_ordinals))}|[12]\d|3[01]|0?[1-9])" if self.day_ordinals else D
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
        self.edge_months = {k.lower(): v for k, v in lex["edge_months"].items()}
        if self.edge_months:
            # "the first three months of 2024", "the final six months of 2023": before the windows ("the last three
            # months") and the year alone
            month_units = _alt([u for u, code in self.rel_units.items() if code == "month"])
            year_link = _phrases(lex["division_year_links"])
            self.rule_triggers["edge_months"] = tuple(self.edge_months)
            add("edge_months", rf"{b}(?:(?:{_phrases(lex['day_determiners'])})\s+)?(?P<edge>{_alt(self.edge_months)})\s+"
                               rf"(?P<n>\d+|[{self.hooks.lowercase}\-]+)\s+(?:{month_units})\s+(?:{year_link})\s+(?P<year>{Y}){e}")
        if lex["financial_year_start_month"]:
            # "in 2025-26", "2025/26": a financial year (the second year checked in _expr_from_match)
            self.rule_triggers["financial_year"] = re.compile(r"\d\d[-–/]\d\d")
            add("financial_year", rf"{b}(?:(?:{yp})\s+)?(?P<fy1>{Y})[-–/](?P<fy2>\d\d){e}")
        add("night_days", rf"{b}{night_article}(?:{night})\s+(?:{nd_open})\s+(?P<d1>{D})(?:\s+(?P<m1>{M}))?\s+(?:{nd_to})\s+(?P<d2>{D})\s+(?P<m2>{M})(?:\s+(?P<y2>{Y}))?{e}")
        add("night_weekdays", rf"{b}{night_article}(?:{night})\s+(?:{nw_open})\s+(?P<w1>{W})\s+(?:{nw_to})\s+(?P<w2>{W}){e}")
        add("month_range", rf"{b}(?:{mr_open})\s*(?P<m1>{M})(?:\s+(?P<y1>{Y}))?\s+(?:{mr_to})\s+(?P<m2>{M})(?:\s+(?P<y2>{Y}))?{e}")
        if lex["bare_range_to"]:
            # "in January to April 2025", "Operating profit for July to September": two months, without an opener
            add("month_range", rf"{b}(?P<m1>{M})\s+(?:{_phrases(lex['bare_range_to'])})\s+(?P<m2>{M})(?:\s+(?P<y2>{Y}))?{e}")
        add("day_range", rf"{b}(?:{dr_open})\s+(?P<d1>{D})(?:\s+(?P<m1>{M}))?(?:\s+(?P<y1>{Y}))?\s+(?:{dr_to})\s+(?P<d2>{D})\s+(?P<m2>{M})(?:\s+(?P<y2>{Y}))?{e}")
        order = self.hooks.date_order
        month_link = rf"(?:{_phrases(lex['part_month_links'], then=WS)})?"
        if order.index("M") < order.index("D"):
            # the month before the day ("March 3", "March 3-5, 2024", "from March 3 to 5"), besides the day first
            ords = rf"(?:{_alt(lex['ordinal_marks'])})?"
            add("day_range", rf"{b}(?:{dr_open})\s+(?P<m1>{M})\s+(?P<d1>{D}){ords}(?:,?\s+(?P<y1>{Y}))?\s+(?:{dr_to})\s+(?:(?P<m2>{M})\s+)?(?P<d2>{D}){ords}(?:,?\s+(?P<y2>{Y}))?{e}")
            add("dash_range", rf"{b}(?P<m1>{M})\s+(?P<d1>{D}){ords}\s*[-–]\s*(?P<d2>{D}){ords}(?:,?\s+(?P<y2>{Y}))?{e}")
            # "July 13 to 15", "Aug 8 - Aug 12": not "March 3 to 5 soldiers"
            bare_to = rf"\s*[-–]\s*|\s+(?:{_phrases(lex['bare_range_to'])})\s+" if lex["bare_range_to"] else r"\s*[-–]\s*"
            not_count = rf"(?!\s*%|\s(?:{self.hooks.plural_word}|(?:{_phrases(lex['not_date_after'])}){e}))"
            self.rule_triggers["bare_range"] = re.compile(rf"\d(?:{ords})(?:{bare_to})(?:(?:{M})\s+)?\d")
            add("bare_range", rf"{b}(?P<m1>{M})\s+(?P<d1>{D}){ords}(?:{bare_to})(?:(?P<m2>{M})\s+)?(?P<d2>{D}){ords}(?:,?\s+(?P<y2>{Y}))?{e}{not_count}")
            add("bare_range", rf"{b}(?P<d1>{D}){ords}(?:{bare_to})(?P<d2>{D}){ords}\s+{month_link}(?P<m2>{M})(?:,?\s+(?P<y2>{Y}))?{e}")
            # "from the 13th to the 15th of July": determiners, ordinal marks and a month link, the day first
            det = rf"(?:(?:{_phrases(lex['day_determiners'])})\s+)?"
            self.rule_triggers["det_day_range"] = re.compile(rf"(?:{dr_open})\s+{det}\d")
            add("det_day_range", rf"{b}(?:{dr_open})\s+{det}(?P<d1>{D}){ords}\s+(?:{dr_to})\s+{det}(?P<d2>{D}){ords}\s+{month_link}(?P<m2>{M})(?:,?\s+(?P<y2>{Y}))?{e}")
            add("day", rf"{b}(?:(?:{_phrases(lex['day_determiners'])})\s+)?(?:(?P<wd>{W}),?\s+)?(?P<month>{M})\s+(?:(?:{_phrases(lex['day_determiners'])})\s+)?(?P<day>{Dw}){ords}(?!\d)(?:,?\s+(?P<year>{Y}))?{e}")
            # "15th February 2024": an ordinal mark after the day, the day first
            add("day", rf"{b}(?:(?:{_phrases(lex['day_determiners'])})\s+)?(?:(?P<wd>{W}),?\s+)?(?P<day>{D})(?:{_alt(lex['ordinal_marks'])})\s+(?P<month>{M})(?:,?\s+(?P<year>{Y}))?{e}")
            of = _phrases(lex["part_month_links"])
            if self.day_ordinals:  # "the second of May", "twenty second of June"
                words = _phrases(self.day_ordinals)
                self.rule_triggers["day_words"] = re.compile(rf"(?:{of})\s+(?:{M})")  # a literal first: searched fast
                add("day_words", rf"{b}(?:(?:{_phrases(lex['day_determiners'])})\s+)?(?P<day>{words})\s+(?:{of})\s+(?P<month>{M})(?:,?\s+(?P<year>{Y}))?{e}")
            # "Wed, 22 of Jan": a weekday before the day (before the rule without, which would leave "Wed" alone)
            self.rule_triggers["weekday_day"] = re.compile(rf"\d(?:{ords})\s+(?:{of})\s+(?:{M})")
            add("weekday_day", rf"{b}(?P<wd>{W}),?\s+(?:(?:{_phrases(lex['day_determiners'])})\s+)?(?P<day>{D}){ords}\s+(?:{of})\s+(?P<month>{M})(?:,?\s+(?P<year>{Y}))?{e}")
            # "the 15th of February": the day, a month link, the month
            add("day", rf"{b}(?:(?:{_phrases(lex['day_determiners'])})\s+)?(?P<day>{D}){ords}\s+(?:{_phrases(lex['part_month_links'])})\s+(?P<month>{M})(?:,?\s+(?P<year>{Y}))?{e}")
        if lex["month_less_day_determiners"]:
            # "Friday the 15th", "Tuesday 19th", "on the 15th,": a day of a month the reference's neighbours hold
            no_month_det = rf"(?:{_phrases(lex['month_less_day_determiners'])})"
            marks = _alt(lex["ordinal_marks"])
            wd_det = rf"(?:(?:{_phrases(lex['weekday_determiners'])})\s+)?"
            clause_end = r"(?=\s*(?:[,.;:)!?]|$))"
            # each form with a trigger of its own: "the 21st century" must not wake the weekday rules
            self.rule_triggers["weekday_month_less_day"] = re.compile(rf"(?:{W}),?\s+(?:{no_month_det}\s|\d)")
            add("weekday_month_less_day", rf"{b}{wd_det}(?P<wd>{W}),?\s+(?:{no_month_det}\s+(?P<day>{Dw})(?:{marks})?"
                                          rf"|(?P<day2>[12]\d|3[01]|0?[1-9])(?:{marks})){e}")
            self.rule_triggers["month_less_day"] = re.compile(rf"\d(?:{marks}){clause_end}")
            # "the 20th of next month"
            month_phrases = [p for p, (unit, _) in self.rel_periods.items() if unit == "month"]
            add("month_day", rf"{b}(?:{no_month_det}\s+)?(?P<day>{D})(?:{marks})?\s+(?:{_phrases(lex['part_month_links'])})\s+(?P<mphrase>{_phrases(month_phrases)}){e}")
            add("month_less_day", rf"{b}(?:(?:{_phrases(lex['numeric_day_determiners'])})\s+)?{no_month_det}\s+(?P<day>[12]\d|3[01]|0?[1-9])(?:{marks}){clause_end}")
        # "les 19-20 novembre"
        add("dash_range", rf"{b}(?:(?:{_phrases(lex['plural_day_determiners'])})\s+)?(?P<d1>{D})\s*[-–]\s*(?P<d2>{D})\s+(?P<m2>{M})(?:\s+(?P<y2>{Y}))?{e}")
        Md = _alt(list(self.months) + list(self.day_months))
        add("day", rf"{b}(?:(?:{_phrases(lex['day_determiners'])})\s+)?(?:(?P<wd>{W})\s+)?(?P<day>{D})\s+(?P<month>{Md})(?:\s+(?P<year>{Y})|\s+(?P<year2>{Y2})|{Y3})?{dirs}{e}")
        nd, nm = r"(?:0?[1-9]|[12]\d|3[01])", r"(?:0?[1-9]|1[0-2])"
        # the language's order of day and month: 14/03/2025 (DMY), 03/14/2025 (MDY)
        (g1, r1), (g2, r2) = (("nday", nd), ("nmonth", nm))[:: 1 if order.index("D") < order.index("M") else -1]
        # 14/03/2025, 14-03-2025, 14.03.2025, 14/03/25 and 2025-03-14, 2025/03/14
        add("numeric", rf"{b}(?P<{g1}>{r1})(?P<sep>[/.\-])(?P<{g2}>{r2})(?P=sep)(?:(?P<year>\d{{4}})|(?P<year2>\d\d)){e}"
                       rf"|{b}(?P<iyear>\d{{4}})(?P<isep>[/\-])(?P<imonth>{nm})(?P=isep)(?P<iday>{nd}){e}"
                       # month first, but the first number is past 12: the day first ("21/04/2016")
                       + (rf"|{b}(?P<xday>1[3-9]|2\d|3[01])(?P<xsep>[/.\-])(?P<xmonth>{nm})(?P=xsep)(?P<xyear>\d{{4}}){e}"
                          if order.index("M") < order.index("D") else ""))
        # 03/2025, 2025/03; and a day and month with no year only after a determiner ("le 14/03") or a
        # weekday: "2/3" alone is a fraction
        add("numeric_month", rf"{b}(?P<nmonth>{nm})\s*/\s*(?P<year>{Y}){e}|{b}(?P<iyear>{Y})\s*/\s*(?P<imonth>{nm}){e}")
        add("numeric_day", rf"{b}(?:(?:{_phrases(lex['numeric_day_determiners'])})\s+|(?P<wd>{W})\s+)(?P<{g1}>{r1})/(?P<{g2}>{r2}){e}")
        self.weekday_ordinals = {k.lower(): v for k, v in lex["weekday_ordinals"].items()}
        month_phrases = [p for p, (unit, _) in self.rel_periods.items() if unit == "month"]
        if self.weekday_ordinals:
            # "the first Monday of March 2024", "the last Friday in October", "the second Monday of next month"
            in_month = rf"(?:{_phrases(lex['part_month_links'] + lex['weekday_week_links'])})"
            self.rule_triggers["nth_weekday"] = re.compile(rf"(?:{_alt(self.weekday_ordinals)})\s+(?:{W})\s+{in_month}\s")
            add("nth_weekday", rf"{b}(?:{_phrases(lex['month_less_day_determiners'] or lex['day_determiners'])}\s+)?"
                               rf"(?P<nth>{_alt(self.weekday_ordinals)})\s+(?P<wd>{W})\s+{in_month}\s+"
                               rf"(?:(?P<month>{M})(?:,?\s+(?P<year>{Y}))?|(?P<mphrase>{_phrases(month_phrases)})){e}")
        part_prefix = rf"(?:{_phrases(lex['part_prefixes'], then=WS)})?"
        year_link = _phrases([f"{link}{'' if re.search(f'{_APOS}$', link) else ' '}{word}"
                              for link in lex["part_year_links"] for word in lex["year_words"]])
        add("part_month", rf"{b}{part_prefix}(?P<part>{P})\s*{month_link}(?P<month>{M})(?:\s+(?P<year>{Y}))?{e}")
        add("part_year", rf"{b}{part_prefix}(?P<part>{P})\s*(?P<ylink>{year_link})(?:\s+(?P<year>{Y})|{dirs}){e}")
        if lex["month_words"]:
            # "the end of the month", "early next month", "late last month": the reference's month or one next to it
            rel_month_link = _phrases([f"{link}{'' if re.search(f'{_APOS}$', link) else ' '}{word}"
                                       for link in lex["part_year_links"] for word in lex["month_words"]])
            self.rule_triggers["part_rel_month"] = re.compile(rf"(?:{P})\s*(?:{rel_month_link})")
            add("part_rel_month", rf"{b}{part_prefix}(?P<part>{P})\s*(?P<ylink>{rel_month_link}){e}")
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
        season_link = rf"(?:(?:{_phrases(lex['year_links'])})\s+)?" if lex["year_links"] else ""
        year_phrases = [p for p, (unit, _) in self.rel_periods.items() if unit == "year"]
        if self.hooks.adjective_first and year_phrases:
            # "in March last year", "May next year": that month of the year the phrase names (before the
            # phrase alone, which would leave the month to the nearest year)
            self.rule_triggers["month_rel_year"] = tuple(year_phrases)
            add("month_rel_year", rf"{b}(?:(?:{mp})\s*)?(?P<month>{M})\s+(?P<yphrase>{_phrases(year_phrases)}){e}")
        # "Thanksgiving 2024", "Thanksgiving of 2024", "Thanksgiving of next year"
        holiday_year = (rf"(?:\s+{season_link}(?P<year>{Y})|\s+(?:{_phrases(lex['year_links'])})\s+(?P<yphrase>{_phrases(year_phrases)}))?"
                        if lex["year_links"] else rf"(?:\s+(?P<year>{Y}))?")
        # "au printemps de l'environnement", "le printemps des poètes": a season with a complement is a name
        # (not "au printemps de l'année dernière", "au printemps de la même année")
        named = (rf"(?!\s+(?:{_phrases(lex['season_name_links'])})\s*(?!\s*(?:\w+\s+)?(?:{_alt(lex['year_words'])}){e}))"
                 if lex["season_name_links"] else "")
        add("season", rf"{b}(?:(?:{sp})\s*)(?P<season>{S})(?:\s+{season_link}(?P<year>{Y})|\s+(?P<dir>{last}))?{e}{named}")
        add("season_bare", rf"{b}(?P<season>{_alt(lex['bare_seasons'])})(?:\s+(?P<year>{Y})){e}")
        self.holidays = {_phrase_key(k): v for k, v in lex["holidays"].items()}
        holiday = _phrases(self.holidays)
        if self.hooks.adjective_first:
            # "last Thanksgiving", "next Easter": the direction before the feast
            self.rule_triggers["holiday_dir"] = re.compile(rf"(?:{last}|{this})\s+(?:{holiday})")
            add("holiday_dir", rf"{b}(?:(?P<dir>{last})|{this})\s+(?P<holiday>{holiday}){holiday_year}{e}")
        add("holiday", rf"{b}(?:(?:{_alt(lex['holiday_prefixes'])})\s+)?(?P<holiday>{holiday}){holiday_year}{e}")
        weekend = _alt(lex["weekend_words"])
        add("weekend", rf"{b}(?:(?P<this>{this})|{_phrases(lex['weekend_determiners'])})\s+(?:{weekend})(?:\s+(?P<dir>{last}))?{e}")
        if self.hooks.adjective_first:
            # "late last week", "at the end of next week": before "last week" alone
            week_only = [p for p, (unit, _) in self.rel_periods.items() if unit == "week"]
            self.rule_triggers["part_week"] = tuple(week_only)
            add("part_week", rf"{b}{part_prefix}(?P<part>{P})\s*(?P<week>{_phrases(week_only)}){e}")
            # "late last July", "early this year", "late last year" (before "last year" alone)
            add("part_last_month", rf"{b}(?P<part>{P})\s+(?:{last})\s+(?P<month>{M}){e}")
            add("part_last_year", rf"{b}(?P<part>{P})\s+(?:(?:{this})|(?P<dir>{last}))\s+(?:{_alt(lex['year_words'])}){e}")
        self.weekday_weeks = {k.lower(): v for k, v in lex["weekday_weeks"].items()}
        week_phrases = [p for p, (unit, _) in self.rel_periods.items() if unit == "week"]
        if self.weekday_weeks:
            self.rule_triggers["week_weekday"] = re.compile(rf"(?:{_alt(self.weekday_weeks)})\s+(?:{W})")
            add("week_weekday", rf"{b}(?P<wweek>{_alt(self.weekday_weeks)})\s+(?P<wd>{W}){e}")
        if lex["weekday_week_links"] and week_phrases:
            # "Friday of next week", "next week on Friday", "last week Sunday"
            wlink = rf"(?:(?:{_phrases(lex['weekday_week_links'])})\s+)?"
            self.rule_triggers["weekday_of_week"] = tuple(week_phrases)
            add("weekday_of_week", rf"{b}(?:(?:{_phrases(lex['weekday_determiners'])})\s+)?(?P<wd>{W})\s+{wlink}(?P<week>{_phrases(week_phrases)}){e}")
            add("weekday_of_week", rf"{b}(?P<week>{_phrases(week_phrases)})\s+{wlink}(?P<wd>{W}){e}")
        add("rel_period", rf"{b}(?P<phrase>{_alt(self.rel_periods)}){e}")
        units = _alt(self.rel_units)
        count = rf"(?P<n>\d+|[{self.hooks.lowercase}\-]+)"
        ends = lex["window_ends"]
        # "the 12 months to May": the words before a date that make it the last period of a window
        self.window_end_rx = re.compile(
            rf"{b}(?:{_phrases(ends['open'])})\s+(?:{count}\s+)?(?P<unit>{units})\s+(?:{_phrases(ends['to'])})\s+$",
            re.IGNORECASE) if ends["open"] and ends["to"] else None
        add("ago", rf"{b}(?:{_alt(lex['relative_past'])})\s+{count}\s+(?P<unit>{units}){e}")
        # the marker after the count ("three days ago"): no language says it both ways
        add("ago", rf"{b}{count}\s+(?P<unit>{units})\s+(?:{_alt(lex['relative_past'])}){e}")
        if self.hooks.adjective_first:
            # "the past 10 days": the days up to the reference
            add("past_count", rf"{b}(?:(?:{_phrases(lex['day_determiners'])})\s+)?(?P<dir>{last})\s+{count}\s+(?P<unit>{units}){e}")
            # "last Tuesday", "next March", "last summer": the direction before the noun
            add("weekday", rf"{b}(?P<dir>{last})\s+(?P<wd>{W}){e}")
            add("month_alone", rf"{b}(?P<dir>{last})\s+(?P<month>{M}){e}")
            add("season", rf"{b}(?P<dir>{last})\s+(?P<season>{S}){e}")

        # "dans deux mois", but not "dans un jour de grande forme"
        not_before = _phrases(lex["not_relative_future_before"], then=r"\b")
        self.window_future = {w.lower() for w in lex["window_future"]}
        add("ahead", rf"{b}(?P<ahead>{_alt(lex['relative_future'])})\s+{count}\s+(?P<unit>{units}){e}(?!\s+(?:{not_before}))")
        if lex["relative_future_after"]:
            # "two weeks hence", "three days from today"
            add("ahead_after", rf"{b}{count}\s+(?P<unit>{units})\s+(?:{_phrases(lex['relative_future_after'])}){e}")
        # before the days counted from the previous one: "the day before yesterday" is not "the day before"
        add("rel_day", rf"{b}(?P<word>{_alt(self.rel_days)}){e}")
        add("after_previous", rf"{b}(?P<phrase>{_alt(self.after_previous)}){e}")
        bare = lex["bare_day_parts"]
        if bare["night"] or bare["day"]:
            # "dans la nuit", "dans la matinée": a part of the publication day's (not "dans la nuit de samedi")
            not_before = _phrases(lex["bare_day_part_not_before"], then=r"(?![\w\-])")
            parts = "|".join(f"(?P<{key}>{_phrases(bare[key])})" for key in ("night", "day") if bare[key])
            add("bare_day_part", rf"{b}(?:{parts}){e}(?!\s+(?:{not_before}))")
        counted = lex["relative_to_previous_counts"]
        self.later_words = {w.lower() for w in counted["later"]}
        self.count_articles = {w.lower() for w in lex["count_articles"]}
        # "deux jours plus tard," but not "deux jours après le drame": only where the clause ends
        add("counted_previous", rf"{b}{count}\s+(?P<unit>{units})\s+(?P<way>{_alt(counted['later'] + counted['earlier'])})"
                                rf"(?=\s*(?:[,.;:)!?]|$))")
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
        # "may" is a verb, "May" a month: a match holding one of these words in lowercase is no date
        capitalized = lex["capitalized_only"]
        self.lowercase_only = re.compile(rf"{b}(?:{_alt(capitalized)}){e}") if capitalized else None

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
            "month_range": months, "day_range": months, "day": months + tuple(self.day_months), "month": months, "month_alone": months,
            "decade": tuple(lex["decade_words"]), "century": tuple(lex["century_words"]),
            "season": tuple(self.seasons), "season_bare": tuple(self.seasons),
            "holiday": tuple(self.holidays) + tuple(k.replace("'", "’") for k in self.holidays if "'" in k),
            "weekend": tuple(lex["weekend_words"]), "rel_period": tuple(self.rel_periods),
            "ago": tuple(lex["relative_past"]), "ahead": tuple(lex["relative_future"]),
            "ahead_after": tuple(lex["relative_future_after"]),
            "past_count": tuple(self.last_words | self.next_words),
            "month_day": tuple(p for p, (unit, _) in self.rel_periods.items() if unit == "month"),
            "part_last_month": tuple(self.parts), "part_last_year": tuple(self.parts),
            "division": tuple(self.divisions) + tuple(f"{a}{n}" for a in self.division_abbreviations for n in "1234"),
            "counted_previous": tuple(counted["later"] + counted["earlier"]),
            "after_previous": tuple(self.after_previous), "rel_day": tuple(self.rel_days),
            "bare_day_part": tuple(w.lower() for words in lex["bare_day_parts"].values() for w in words),
            "weekday": tuple(self.weekdays), "year": digits,
            "this_day_part": tuple(lex["day_parts"]), "day_part": tuple(lex["day_parts"]),
            "present": tuple(lex["present_words"]),
            "numeric": re.compile(r"\d[/.\-]\d"),
            "dash_range": re.compile(r"\d\s*[-–]\s*\d"),
            "numeric_month": re.compile(r"\d\s*/\s*\d"),
            "numeric_day": re.compile(r"\d\s*/\s*\d"),
            "clock": re.compile(rf"\d\s?(?:{units})|{_alt(lex['time_of_day_words'])}"),
            **self.part_triggers,
            **self.rule_triggers,
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
            + (rf"|{b}(?:{_alt(past['simple_past_forms'])}){e}" if past["simple_past_forms"] else "")
        )
        self.past_prefix = _prefix_patterns(lex["past_prefixes"])
        self.future_prefix = _prefix_patterns(lex["future_prefixes"])
        self.deadline_prefix = _prefix_patterns(lex["deadline_prefixes"]) if lex["deadline_prefixes"] else None
        # a compound past: an auxiliary of the past, then a participle ("had applied")
        self.compound_past = re.compile(
            rf"{b}(?:{_alt(past['auxiliaries'])})\s+(?:[{lower}]+\s+){{0,2}}?[{lower}]+(?:{_alt(past['participle_endings'])}){e}")
        self.sentence_end = re.compile(r"\.(?!\d)|[!?;\n]")  # not the point of "2.7 million"
        self.clause_end = re.compile(r"(?<!\d),|,(?!\d)|[:()«»]")  # not the comma of "4,800" or "2,5"


def _prefix_patterns(words: list[str]) -> tuple[re.Pattern, re.Pattern]:
    """A prefix just before an expression, or at its start ("depuis janvier" is one mention)."""
    alt = _alt(words)
    return (re.compile(rf"(?<![\w\-])(?:{alt})\s*$", re.IGNORECASE),
            re.compile(rf"(?:{alt})(?![\w\-])", re.IGNORECASE))


@cache
def grammar(lang: str = DEFAULT_LANG) -> DateGrammar:
    return DateGrammar(language_data(lang).dates, lang)


def _day(text: str, g: DateGrammar) -> int:
    if text.isdigit():
        return int(text)
    return 1 if text.lower() in g.first_day else g.day_ordinals[_phrase_key(text)]


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
    month = g.months.get((gd.get("month") or "").lower()) or g.day_months.get((gd.get("month") or "").lower())
    if kind in ("night_days", "day_range", "dash_range", "bare_range", "det_day_range"):
        # the month once, with the second day ("du 3 au 5 mai") or with the first ("March 3-5")
        m2 = g.months[gd["m2"].lower()] if gd.get("m2") else None
        m1 = g.months[gd["m1"].lower()] if gd.get("m1") else m2
        m2 = m2 or m1
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
    if kind in ("day", "day_words", "weekday_day"):
        weekday = g.weekdays[gd["wd"].lower()] if gd.get("wd") else None
        return (DateExpr("day", year, month, _day(gd["day"], g), weekday=weekday,
                         direction=_direction(gd.get("dir"), g)),)
    if kind in ("numeric", "numeric_day"):
        if gd.get("iyear"):
            year, month, day = int(gd["iyear"]), int(gd["imonth"]), int(gd["iday"])
        elif gd.get("xyear"):
            year, month, day = int(gd["xyear"]), int(gd["xmonth"]), int(gd["xday"])
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
    if kind in ("part_month", "part_last_month"):
        return (DateExpr("part_month", year, month, part=g.parts[gd["part"].lower()]),)
    if kind in ("part_year", "part_last_year", "part_rel_month"):
        # the direction after the noun ("fin de l'année dernière"), or in the link before it ("the end of last year")
        words = [gd.get("dir")] + (gd.get("ylink") or "").split()
        offset = next((o for w in words for o in [{"last": -1, "next": 1}.get(_direction(w, g) or "")] if o), 0)
        if kind == "part_rel_month":
            return (DateExpr("part_month", part=g.parts[gd["part"].lower()], unit="month", offset=offset),)
        return (DateExpr("part_year", year, part=g.parts[gd["part"].lower()], offset=offset),)
    if kind == "decade":
        decade = int(gd["decade"])
        # "les années 60" are the 1960s; "les années 2010" say their century
        return (DateExpr("decade", decade if decade >= 100 else 1900 + decade),)
    if kind == "century":
        number = int(gd["century"]) if gd["century"].isdigit() else _roman(gd["century"])
        return (DateExpr("century", (number - 1) * 100),) if 1 <= number <= 21 else None
    if kind == "month_rel_year":
        return (DateExpr("month", month=month, unit="year", offset=g.rel_periods[_phrase_key(gd["yphrase"])][1]),)
    if kind in ("month", "month_alone"):
        prefix = (gd.get("prefix") or m.group(0)[: m.start("month") - m.start()]).strip().lower()
        if prefix in g.parts or prefix.rstrip("-") + "-" in g.parts:
            return (DateExpr("part_month", year, month, part=g.parts.get(prefix, "mid")),)
        return (DateExpr("month", year, month, direction=_direction(gd.get("dir"), g)),)
    if kind in ("season", "season_bare"):
        direction = _direction(gd.get("dir"), g)
        if direction is None:
            # "next spring", "last summer" matched as a prefix of the season: the prefix is the direction
            direction = _direction(m.group(0)[: m.start("season") - m.start()].strip(), g)
        if direction is None and g.this_start.match(m.group(0)):
            direction = "this"
        return (DateExpr("season", year, season=gd["season"].lower(), direction=direction),)
    if kind in ("holiday", "holiday_dir"):
        years = g.rel_periods[_phrase_key(gd["yphrase"])][1] if gd.get("yphrase") else 0
        return (DateExpr("holiday", year, holiday=g.holidays[_phrase_key(gd["holiday"])],
                         direction=_direction(gd.get("dir"), g), unit="year" if gd.get("yphrase") else None,
                         offset=years),)
    if kind == "weekend":
        offset = {"last": -1, "next": 1}.get(_direction(gd.get("dir"), g) or "", 0)
        return (DateExpr("rel_period", unit="weekend", offset=offset),)
    if kind == "rel_period":
        unit, offset = g.rel_periods[gd["phrase"].lower()]
        if unit == FINANCIAL_YEAR:  # "this financial year": the year of account that holds the reference day
            start = g.lex["financial_year_start_month"]
            return (DateExpr("rel_period", unit=unit, offset=offset, month=start),) if start else None
        return (DateExpr("rel_period", unit=unit, offset=offset),)
    if kind == "ahead_after":
        kind = "ahead"
    if kind in ("ago", "ahead", "counted_previous", "past_count"):
        n = "1" if gd["n"].lower() in g.count_articles else gd["n"]
        if not n.isdigit():
            from ..numbers import normalize_number

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
        ahead = _direction(gd.get("dir"), g) == "next"
        if kind == "past_count" and ahead and unit in ("day", "week"):  # that many whole units after this one
            return (DateExpr("rel_period", unit=unit, offset=1), DateExpr("rel_period", unit=unit, offset=int(float(n))))
        if kind == "ahead" and (gd.get("ahead") or "").lower() in g.window_future:
            return (DateExpr("window", unit=unit, offset=int(float(n))),)  # "within two years": from the reference
        if kind == "past_count":  # "the past 10 days", "the next 18 months": that many units up to (from) the reference
            return (DateExpr("window", unit=unit, offset=int(float(n)) * (1 if ahead else -1)),)
        return (DateExpr("ago", unit=unit, offset=int(float(n)) * (1 if kind == "ahead" else -1)),)
    if kind == "after_previous":
        return (DateExpr("after_previous", offset=g.after_previous[gd["phrase"].lower()]),)
    if kind == "bare_day_part":
        return (DateExpr("night") if gd.get("night") else DateExpr("rel_day"),)
    if kind in ("rel_day", "this_day_part", "present"):
        return (DateExpr("rel_day", offset=g.rel_days.get((gd.get("word") or "").lower(), 0)),)
    if kind in ("month_less_day", "weekday_month_less_day"):
        weekday = g.weekdays[gd["wd"].lower()] if gd.get("wd") else None
        return (DateExpr("day", day=_day(gd.get("day") or gd["day2"], g), weekday=weekday),)
    if kind == "part_week":
        return (DateExpr("rel_period", unit="week", offset=g.rel_periods[_phrase_key(gd["week"])][1],
                         part=g.parts[gd["part"].lower()]),)
    if kind == "month_day":
        return (DateExpr("day", day=_day(gd["day"], g), unit="month", offset=g.rel_periods[_phrase_key(gd["mphrase"])][1]),)
    if kind == "nth_weekday":
        nth = f"{g.weekdays[gd['wd'].lower()]}#{g.weekday_ordinals[gd['nth'].lower()]}"
        if gd.get("mphrase"):
            return (DateExpr("nth_weekday", unit="month", offset=g.rel_periods[_phrase_key(gd["mphrase"])][1], holiday=nth),)
        return (DateExpr("nth_weekday", year, holiday=f"{month:02d}-{nth}"),)
    if kind in ("week_weekday", "weekday_of_week"):
        if gd.get("wweek"):
            weeks = g.weekday_weeks[gd["wweek"].lower()]
        else:
            weeks = g.rel_periods[_phrase_key(gd["week"])][1]
        return (DateExpr("weekday", weekday=g.weekdays[gd["wd"].lower()], unit="week", offset=weeks),)
    if kind == "weekday":
        if m.group(0).lower() in g.short_weekdays:
            return None  # "the Sun Van service": a short form alone, no determiner, is a name
        return (DateExpr("weekday", weekday=g.weekdays[gd["wd"].lower()], direction=_direction(gd.get("dir"), g)),)
    if kind == "year":
        return (DateExpr("year", year),)
    if kind == "edge_months":
        n = gd["n"]
        if not n.isdigit():
            from ..numbers import normalize_number

            q = normalize_number(n, lang)
            n = q.value if q is not None and float(q.value).is_integer() else 0
        months = int(n)
        if not 0 < months < 12:
            return None
        first = 1 if g.edge_months[gd["edge"].lower()] > 0 else 13 - months
        return (DateExpr("division", year, month=first, offset=months),)
    if kind == "financial_year":
        first, start = int(gd["fy1"]), g.lex["financial_year_start_month"]
        if int(gd["fy2"]) != (first + 1) % 100:
            return None  # "2019-24" is no year of account
        return (DateExpr("month", first, start), DateExpr("month", first + 1, (start - 2) % 12 + 1))
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
            if g.lowercase_only is not None and g.lowercase_only.search(text, s, e) and not _plainly_a_day(m, g):
                continue
            parts = _expr_from_match(kind, m, g, lang)
            if parts is None:
                continue
            if include_times and kind not in ("clock", "day_part") and (part := g.day_part_after.match(text, e)):
                e = part.end()
            found.append(DateMention(s, e, text[s:e], parts))
            taken.append((s, e))
    found.sort(key=lambda d: d.start)
    return _window_ends(text, _merge_ranges(text, found, g), g, lang) if ranges else found


def _window_ends(text: str, mentions: list[DateMention], g: DateGrammar, lang: str) -> list[DateMention]:
    """ "in the 12 months to May", "the week to Sunday": a date after the words of a window is the window's
    last period, and the mention the window (its first part says how long, its second where it ends)."""
    if g.window_end_rx is None:
        return mentions
    out = []
    for mention in mentions:
        found = g.window_end_rx.search(text, max(0, mention.start - 40), mention.start) if len(mention.parts) == 1 else None
        n = (found["n"] or "1") if found else None
        if n is not None and n.lower() in g.count_articles:
            n = "1"
        if n is not None and not n.isdigit():
            from ..numbers import normalize_number

            q = normalize_number(n, lang)
            n = str(int(q.value)) if q is not None and float(q.value).is_integer() else None
        if n is None or not 0 < int(n) <= 1000:
            out.append(mention)
            continue
        window = DateExpr("window", unit=g.rel_units[found["unit"].lower()], offset=-int(n), direction="to_second")
        out.append(DateMention(found.start(), mention.end, text[found.start() : mention.end], (window, mention.parts[0])))
    return out


def _plainly_a_day(m: re.Match, g: DateGrammar) -> bool:
    """A match whose month word is another word in lowercase ("may", "march") is still a date when the
    month is not its first word ("the first of march"), or when a day in digits follows it with a year,
    an ordinal mark or the end of the clause ("march 3 2015", "march 3rd"; not "they march 3 miles")."""
    groups = m.groupdict()
    if groups.get("month") is None or groups.get("day") is None:
        return False
    if m.start("month") > m.start():
        return True
    if not groups["day"].isdigit():
        return False
    after_day = m.string[m.end("day"):]
    return (groups.get("year") is not None or after_day.lower().startswith(tuple(g.ordinal_marks))
            or re.match(r"\s*(?:[,.;:)!?]|$)", m.string[m.end():]) is not None)


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
