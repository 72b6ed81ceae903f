"""The systems compared: faits' normalizers and span finders, text2num and dateparser, on one interface."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta

from .suites import DUCKLING_REFERENCE, Case, _month_end

# -- the systems -----------------------------------------------------------------------------


def faits_values(text: str) -> tuple[float, ...]:
    """Every quantity faits finds in text, a range as its two ends."""
    from pipeline import find_quantities

    values: list[float] = []
    for m in find_quantities(text):
        values.append(m.value)
        if m.high is not None:
            values.append(m.high)
    return tuple(values)


def faits_ratio_values(text: str) -> tuple[float, ...]:
    """As faits_values, a proportion in percent read as a ratio (66.67 % → 0.6667)."""
    from pipeline import find_quantities

    return tuple(v for m in find_quantities(text) for v in _as_ratios(m.quantity))


def _as_ratios(q) -> tuple[float, ...]:
    """A quantity's value (and high end), a proportion in percent read as a ratio."""
    scale = 100 if q.unit == "%" else 1
    return tuple(v / scale for v in (q.value, q.high) if v is not None)


def faits_number_model(case: Case) -> tuple[float, ...]:
    """An input that is one expression goes to normalize_number, the API for an expression;
    a sentence to the span finder. A proportion in percent is read as a ratio (66.67 % → 0.6667)."""
    if not case.one_expression:
        return faits_ratio_values(case.text)
    from pipeline import normalize_number

    q = normalize_number(case.text)
    return () if q is None else _as_ratios(q)


def faits_percents(text: str) -> tuple[float, ...]:
    from pipeline import find_quantities

    return tuple(m.value for m in find_quantities(text) if m.unit == "%")


def faits_amounts(text: str) -> tuple[tuple[float, str], ...]:
    from pipeline import find_quantities

    return tuple((m.value, m.unit) for m in find_quantities(text) if m.unit and len(m.unit) == 3
                 and m.unit.isupper())


_DIGITS = re.compile(r"(?<![\w,.])-?(?:\d{1,3}(?:[ \u00a0\u202f.]\d{3})+|\d+)(?:,\d+)?(?![\w])")


def _digit_value(text: str) -> float:
    integer, _, fraction = text.partition(",")
    integer = re.sub(r"[^\d-]", "", integer)
    return float(f"{integer}.{fraction}") if fraction else float(integer)


def text2num_values(text: str) -> tuple[float, ...]:
    """The baseline: text_to_num.alpha2digit, then every digit group."""
    from text_to_num import alpha2digit

    return tuple(_digit_value(m.group(0)) for m in _DIGITS.finditer(alpha2digit(text, "fr")))


def text2num_percents(text: str) -> tuple[float, ...]:
    from text_to_num import alpha2digit

    digits = alpha2digit(text, "fr")
    return tuple(_digit_value(m.group(0)) for m in _DIGITS.finditer(digits)
                 if re.match(r"\s?(?:%|pour\s?cents?)", digits[m.end():]))


def text2num_amounts(text: str) -> tuple[float, ...]:
    """The baseline on money: the values only (it has no notion of currency)."""
    return text2num_values(text)


def faits_date(text: str, dct: date) -> tuple[date, date] | None:
    from pipeline import normalize_date

    interval = normalize_date(text, dct)
    return (interval.start, interval.end) if interval else None


def faits_date_in_context(timex: dict) -> tuple[date, date] | None:
    """faits on a gold span, told the tense of its sentence as the pipeline is."""
    from pipeline.dates import resolve_span

    dct = date.fromisoformat(timex["dct"])
    interval = resolve_span(timex["doc_text"], timex["start"], timex["end"], dct)
    return (interval.start, interval.end) if interval else None


_PERIOD_DAYS = {"day": "day", "time": "day"}


def dateparser_interval(parsed, period: str) -> tuple[date, date] | None:
    if parsed is None:
        return None
    d = parsed.date()
    if period == "week":
        monday = d - timedelta(days=d.weekday())
        return monday, monday + timedelta(days=6)
    if period == "month":
        return d.replace(day=1), _month_end(d.year, d.month)
    if period == "year":
        return date(d.year, 1, 1), date(d.year, 12, 31)
    return d, d


def dateparser_date(text: str, dct: date) -> tuple[date, date] | None:
    data = _date_data_parser(dct).get_date_data(text)
    return dateparser_interval(data.date_obj, data.period)


def _date_data_parser(dct: date):
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["fr"], settings={"RELATIVE_BASE": datetime(dct.year, dct.month, dct.day)})


def faits_date_ahead(text: str) -> tuple[date, date] | None:
    """faits on Duckling's examples, told that they look ahead (an assistant's "lundi" is the next one)."""
    from pipeline import normalize_date

    interval = normalize_date(text, DUCKLING_REFERENCE, future=True)
    return (interval.start, interval.end) if interval else None


def dateparser_date_ahead(text: str) -> tuple[date, date] | None:
    """dateparser on Duckling's examples, told that they look ahead."""
    data = _ahead_parser().get_date_data(text)
    return dateparser_interval(data.date_obj, data.period)


def _ahead_parser():
    from dateparser.date import DateDataParser

    base = datetime(DUCKLING_REFERENCE.year, DUCKLING_REFERENCE.month, DUCKLING_REFERENCE.day, 4, 30)
    return DateDataParser(languages=["fr"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "future"})


def faits_recognizers_date(case: Case) -> tuple[date, date] | None:
    """faits on the gold span of a Recognizers-Text sentence, told the sentence's tense."""
    from pipeline.dates import resolve_span

    start, end = case.expected["span"]
    interval = resolve_span(case.text, start, end, case.expected["reference"])
    return (interval.start, interval.end) if interval else None


def dateparser_recognizers_date(case: Case) -> tuple[date, date] | None:
    start, end = case.expected["span"]
    return dateparser_date(case.text[start:end], case.expected["reference"])


def date_in_answers(found, expected: dict) -> bool:
    return found in expected["answers"]


def same_interval(found, expected) -> bool:
    return expected is not None and found == expected


def faits_date_spans(text: str) -> tuple[tuple[int, int], ...]:
    from pipeline.dates import find_dates

    return tuple((m.start, m.end) for m in find_dates(text))


def dateparser_date_spans(text: str) -> tuple[tuple[int, int], ...]:
    from dateparser.search import search_dates

    return tuple((start, end) for start, end, _ in _located(text, search_dates(text, languages=["fr"]) or []))






def _located(text: str, hits) -> Iterable[tuple[int, int, datetime]]:
    """Where each of search_dates' (substring, date) hits stands in ``text``, in order."""
    cursor = 0
    for substring, parsed in hits:
        start = text.find(substring, cursor)
        if start < 0:
            start = text.find(substring)
        if start < 0:
            continue
        cursor = start + len(substring)
        yield start, cursor, parsed
