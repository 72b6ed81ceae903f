"""The English suites: Recognizers-Text English, Duckling English and TempEval-3 platinum (dates only).

    python -m bench.normalizers        # French, then these

The same scoring as the French suites (see the package's docstring), with faits told the language
("en") and the baselines too (text2num "en", dateparser ``languages=["en"]``). TempEval-3 platinum
serves dates only (../shared/external/README.md): the pipeline's facts are never read on it.

TempEval-3 end to end: every date faits finds in a document's text (clock times and parts of a day
included, ranges as their two ends, as TimeML marks them) against the DATE and TIME TIMEX3, matched
by overlap; a value is right when faits' day interval is the TIMEX3 value's (:func:`timex_interval`).
Value F1 is 2 x right / (found + gold), which is TempEval-3's "value F1" (relaxed F1 times the share
of matches whose value is right), on day intervals rather than TIMEX3 strings.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta
from pathlib import Path

from .scoring import (
    Detection,
    Found,
    _close,
    duckling_money_right,
    duckling_numeral_right,
    score_cases,
    score_ftib_detection,
    value_right,
)
from .suites import EXTERNAL, Case, _one_expression, _reference_of, _runs_on_python
from .systems import _as_ratios, _located, date_in_answers, dateparser_interval, same_interval

LANG = "en"
RECOGNIZERS_EN = EXTERNAL / "recognizers-text-en"
DUCKLING_EN = EXTERNAL / "duckling-en"
TEMPEVAL3 = EXTERNAL / "tempeval3-platinum-en" / "te3-platinum-documents.jsonl"
DUCKLING_REFERENCE = date(2013, 2, 12)
# UzZaman et al. 2013, SemEval-2013 Task 1 (TempEval-3), Task A results: HeidelTime-t's value F1 (all
# TIMEX3 types, TempEval-3's token scorer), the anchor of issue 13 (README: where the figure was read)
HEIDELTIME_VALUE_F1 = 0.7761


def english_suites_present() -> bool:
    return RECOGNIZERS_EN.is_dir() and DUCKLING_EN.is_dir() and TEMPEVAL3.is_file()


# -- loaders -------------------------------------------------------------------------------------


def recognizers_en_cases(group: str, name: str) -> list[dict]:
    path = RECOGNIZERS_EN / group / "English" / f"{name}.json"
    with path.open(encoding="utf-8-sig") as f:
        return [c for c in json.load(f) if _runs_on_python(c)]


def _value(text: str) -> float:
    return float(text.rstrip("%"))


def number_model_cases() -> list[Case]:
    return [Case(c["Input"], tuple(_value(r["Resolution"]["value"]) for r in c["Results"]), _one_expression(c))
            for c in recognizers_en_cases("Number", "NumberModel")]


def percent_model_cases() -> list[Case]:
    return [Case(c["Input"], tuple(_value(r["Resolution"]["value"]) for r in c["Results"]))
            for c in recognizers_en_cases("Number", "PercentModel")]


# Recognizers-Text names a currency in words (and an ISO code, when it has one); a minor unit is
# compared as its major unit (50 cents = 0.50 USD)
MINOR_UNITS = {"Cent": ("USD", 100), "Pence": ("GBP", 100), "Penny": ("GBP", 100)}
# the currency names with no isoCurrency in the specs, as the codes faits gives ("Dollar" alone: USD)
CURRENCY_NAMES = {"Dollar": "USD", "Pound": "GBP", "Franc": "FRF", "Yen": "JPY", "Euro": "EUR",
                  "Netherlands guilder": "NLG", "Finnish markka": "FIM", "Peseta": "ESP", "Mark": "DEM"}


def currency_model_cases() -> list[Case]:
    cases = []
    for c in recognizers_en_cases("NumberWithUnit", "CurrencyModel"):
        amounts = []
        for r in c["Results"]:
            res = r["Resolution"]
            if res.get("value") is None:
                continue
            code, minor = MINOR_UNITS.get(res["unit"], (res.get("isoCurrency") or CURRENCY_NAMES.get(
                res["unit"], res["unit"]), 1))
            amounts.append((_value(res["value"]) / minor, code))
        cases.append(Case(c["Input"], tuple(amounts)))
    return cases


def duckling_en_cases(dimension: str) -> list[Case]:
    data = json.loads((DUCKLING_EN / f"duckling-en-{dimension}.json").read_text(encoding="utf-8"))
    return [Case(text, ex["expected"]) for ex in data["examples"] for text in ex["inputs"]]


def duckling_en_time_cases() -> list[Case]:
    from .suites import duckling_day_interval

    # BC years ("2014 BC" -> "-2014-...") name no day faits or Python's calendar holds: left out
    return [Case(c.text, duckling_day_interval(c.expected)) for c in duckling_en_cases("time")
            if not str(c.expected.get("value", c.expected.get("from", ""))).startswith("-")]


def recognizers_en_date_cases(name: str) -> list[Case]:
    """As :func:`suites.recognizers_date_cases`, on the English specs."""
    cases = []
    for c in recognizers_en_cases("DateTime", name):
        for r in c["Results"]:
            answers = set()
            for resolution in (r["Value"].get("FutureResolution"), r["Value"].get("PastResolution")):
                if resolution and "date" in resolution:
                    day = date.fromisoformat(resolution["date"][:10])
                    answers.add((day, day))
                elif resolution and "startDate" in resolution and "endDate" in resolution:
                    start = date.fromisoformat(resolution["startDate"][:10])
                    end = date.fromisoformat(resolution["endDate"][:10])
                    answers |= {(start, end), (start, end - timedelta(days=1))}
            cases.append(Case(c["Input"], {"span": (r["Start"], r["Start"] + r["Length"]),
                                           "reference": _reference_of(c), "answers": answers}))
    return cases


def tempeval3_documents() -> list[dict]:
    with Path(TEMPEVAL3).open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


# -- the systems, in English --------------------------------------------------------------------


def faits_values(text: str) -> tuple[float, ...]:
    from pipeline import find_quantities

    return tuple(v for m in find_quantities(text, LANG) for v in (m.value, m.high) if v is not None)


def faits_number_model(case: Case) -> tuple[float, ...]:
    """One expression to normalize_number, a sentence to the span finder; a proportion as a ratio."""
    from pipeline import find_quantities, normalize_number

    if case.one_expression:
        q = normalize_number(case.text, LANG)
        return () if q is None else _as_ratios(q)
    return tuple(v for m in find_quantities(case.text, LANG) for v in _as_ratios(m.quantity))


def faits_percents(text: str) -> tuple[float, ...]:
    from pipeline import find_quantities

    return tuple(m.value for m in find_quantities(text, LANG) if m.unit == "%")


def faits_amounts(text: str) -> tuple[tuple[float, str], ...]:
    from pipeline import find_quantities

    return tuple((m.value, m.unit) for m in find_quantities(text, LANG)
                 if m.unit and len(m.unit) == 3 and m.unit.isupper())


def faits_number(text: str):
    from pipeline import normalize_number

    return normalize_number(text, LANG)


def faits_number_value(text: str) -> float | None:
    """The value; a proportion in percent read as a ratio (no Duckling numeral has a percent sign:
    "1/5" is 0.2 there, 20 % for faits)."""
    q = faits_number(text)
    return None if q is None else _as_ratios(q)[0]


_DIGITS = re.compile(r"(?<![\w.])-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\w])")


def text2num_values(text: str) -> tuple[float, ...]:
    """The baseline: text_to_num.alpha2digit in English, then every digit group."""
    from text_to_num import alpha2digit

    return tuple(float(m.group(0).replace(",", "")) for m in _DIGITS.finditer(alpha2digit(text, LANG)))


def text2num_number(text: str) -> float | None:
    values = text2num_values(text)
    return values[0] if values else None


def text2num_percents(text: str) -> tuple[float, ...]:
    from text_to_num import alpha2digit

    digits = alpha2digit(text, LANG)
    return tuple(float(m.group(0).replace(",", "")) for m in _DIGITS.finditer(digits)
                 if re.match(r"\s?(?:%|per\s?cent)", digits[m.end():]))


def faits_date_ahead(text: str) -> tuple[date, date] | None:
    from pipeline import normalize_date

    interval = normalize_date(text, DUCKLING_REFERENCE, LANG, future=True)
    return (interval.start, interval.end) if interval else None


def dateparser_date_ahead(text: str) -> tuple[date, date] | None:
    from dateparser.date import DateDataParser

    base = datetime(DUCKLING_REFERENCE.year, DUCKLING_REFERENCE.month, DUCKLING_REFERENCE.day, 4, 30)
    data = DateDataParser(languages=[LANG], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "future"}
                          ).get_date_data(text)
    return dateparser_interval(data.date_obj, data.period)


def faits_recognizers_date(case: Case) -> tuple[date, date] | None:
    from pipeline.dates import resolve_span

    start, end = case.expected["span"]
    interval = resolve_span(case.text, start, end, case.expected["reference"], LANG)
    return (interval.start, interval.end) if interval else None


def dateparser_recognizers_date(case: Case) -> tuple[date, date] | None:
    from dateparser.date import DateDataParser

    start, end = case.expected["span"]
    ref = case.expected["reference"]
    data = DateDataParser(languages=[LANG], settings={"RELATIVE_BASE": datetime(ref.year, ref.month, ref.day)}
                          ).get_date_data(case.text[start:end])
    return dateparser_interval(data.date_obj, data.period)


def faits_search(text: str, dct: date) -> Found:
    from pipeline.dates import resolve_dates

    return [(m.start, m.end, (i.start, i.end) if i else None)
            for m, i in resolve_dates(text, dct, LANG, include_times=True, ranges=False)]


def dateparser_search(text: str, dct: date) -> Found:
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    base = datetime(dct.year, dct.month, dct.day)
    hits = search_dates(text, languages=[LANG], settings={"RELATIVE_BASE": base}) or []
    parser = DateDataParser(languages=[LANG], settings={"RELATIVE_BASE": base})
    return [(start, end, dateparser_interval(parsed, parser.get_date_data(text[start:end]).period or "day"))
            for start, end, parsed in _located(text, hits)]


def score_tempeval3(system, repeats: int = 1) -> Detection:
    return score_ftib_detection(system, types=("DATE", "TIME"), repeats=repeats, docs=tempeval3_documents())


# Duckling -------------------------------------------------------------------------------------

DURATION_UNITS = {"second": "seconds", "minute": "minutes", "hour": "hours", "day": "days", "week": "weeks",
                  "month": "months", "quarter": "quarters", "year": "years"}


# Duckling gives a mixed or fractional duration in its smallest unit ("1.5 hours" is 90 minutes,
# "a month and a half" 45 days): compared in seconds, with Duckling's month of 30 days and year of 365
SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800, "month": 2592000,
           "quarter": 7776000, "year": 31536000}
SECONDS_OF_UNIT = {DURATION_UNITS[u]: s for u, s in SECONDS.items()}


def duckling_duration_right(q, expected: dict) -> bool:
    if q is None or q.unit not in SECONDS_OF_UNIT:
        return False
    return _close(q.value * SECONDS_OF_UNIT[q.unit], float(expected["value"]) * SECONDS[expected["unit"]])


def duckling_numeral_with_qualifier_right(q, expected: dict) -> bool:
    """The value, and no qualifier where Duckling reads none: exact, or approx for the approximate
    nouns SPEC reads so ("a dozen" is 12 approx), as Duckling's money "simple" is read."""
    return q is not None and q.qualifier in ("exact", "approx") and duckling_numeral_right(_as_ratios(q)[0], expected)


# -- SPEC exclusions -------------------------------------------------------------------------------

# Inputs where a suite expects what SPEC rules out: faits keeps SPEC, and the miss is counted here, not
# fixed. SPEC section 2: dates, identifiers and phone numbers are no quantity; money is an ISO 4217 code.
SPEC_EXCLUSIONS: dict[str, dict[str, str]] = {
    "RT-en NumberModel": {
        "Any time to meet on 5/17/2018?": "a date",
        "My phone number is +1-222-2222/2222": "a phone number",
        "192.168.1.2": "an identifier (an IP address)",
        "SCP-173": "an identifier",
    },
    "RT-en CurrencyModel": {
        "Am I eligible for a lone of 35 lakh rupees": "faits gives the ISO code INR, the suite the name Rupee",
        "Do you think sen 100,000 is expensive this new laptop?": "no ISO code: the suite names the unit Sen",
    },
    "Duckling-en numeral": {"3/15": "a date (March 15) in English's month/day order"},
    "Duckling-en money": {"10 dinars": "a name of several currencies: no one ISO code to give"},
}


def spec_excluded(suite: str, score) -> str:
    """How many of ``score``'s misses are SPEC exclusions, and the figure without them."""
    excluded = SPEC_EXCLUSIONS[suite]
    n = sum(1 for text, _, _ in score.failures if text in excluded)
    return (f"  {suite}: {n} of the {score.total - score.right} misses are SPEC exclusions "
            f"({', '.join(sorted(set(excluded.values())))}); without them {score.right}/{score.total - n} "
            f"({score.right / (score.total - n):.1%})")


# -- the report ----------------------------------------------------------------------------------


def english_rows(row) -> list[str]:
    """The rows of the English suites, printed by ``row(suite, faits, baseline, name)``."""
    rows, excluded = [], []
    cases = number_model_cases()
    faits = score_cases(cases, faits_number_model, whole_case=True)
    excluded.append(spec_excluded("RT-en NumberModel", faits))
    rows.append(row("RT-en NumberModel (python)", faits, score_cases(cases, text2num_values), "text2num"))
    cases = percent_model_cases()
    rows.append(row("RT-en PercentModel (python)", score_cases(cases, faits_percents),
                    score_cases(cases, text2num_percents), "text2num"))
    cases = currency_model_cases()
    values_only = [Case(c.text, tuple(v for v, _ in c.expected)) for c in cases]
    faits = score_cases(cases, faits_amounts)
    excluded.append(spec_excluded("RT-en CurrencyModel", faits))
    rows.append(row("RT-en CurrencyModel (value+ISO)", faits, score_cases(values_only, text2num_values), "text2num*"))
    cases = duckling_en_cases("numeral")
    rows.append(row("Duckling-en numeral (value)", score_cases(cases, faits_number_value, duckling_numeral_right),
                    score_cases(cases, text2num_number, duckling_numeral_right), "text2num"))
    faits = score_cases(cases, faits_number, duckling_numeral_with_qualifier_right)
    excluded.append(spec_excluded("Duckling-en numeral", faits))
    rows.append(row("Duckling-en numeral (value+qualifier)", faits,
                    score_cases(cases, text2num_number, duckling_numeral_right), "text2num*"))
    cases = duckling_en_cases("amountofmoney")
    faits = score_cases(cases, faits_number, duckling_money_right)
    excluded.append(spec_excluded("Duckling-en money", faits))
    rows.append(row("Duckling-en money (value+currency+kind)", faits,
                    score_cases(cases, text2num_number, lambda v, e: value_right(v, float(
                        e.get("value", e.get("from", "nan"))))), "text2num*"))
    cases = duckling_en_cases("duration")
    rows.append(row("Duckling-en duration (value+unit)", score_cases(cases, faits_number, duckling_duration_right),
                    score_cases(cases, text2num_number, duckling_numeral_right), "text2num*"))
    cases = duckling_en_time_cases()
    rows.append(row("Duckling-en time, day value, look ahead", score_cases(cases, faits_date_ahead, same_interval),
                    score_cases(cases, dateparser_date_ahead, same_interval), "dateparser"))
    for name in ("DateParser", "DatePeriodParser", "HolidayParser"):
        cases = recognizers_en_date_cases(name)
        rows.append(row(f"RT-en {name}, gold span",
                        score_cases(cases, faits_recognizers_date, date_in_answers, whole_case=True),
                        score_cases(cases, dateparser_recognizers_date, date_in_answers, whole_case=True),
                        "dateparser"))
    return [*rows, "", "SPEC exclusions (the suite expects what SPEC section 2 rules out; kept as misses):",
            *excluded]


def tempeval3_rows() -> list[str]:
    rows = []
    for name, system in (("faits", faits_search), ("search_dates", dateparser_search)):
        d = score_tempeval3(system)
        p, r, f = d.span_prf
        vp, vr, vf = d.value_prf
        rows.append(f"{name:14} span P {p:.3f} R {r:.3f} F1 {f:.3f}   value P {vp:.3f} R {vr:.3f} F1 {vf:.3f}   "
                    f"value right {d.value_right}/{d.n_gold} gold, {d.n_pred} found")
    return rows
