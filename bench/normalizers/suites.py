"""The third-party suites, read from ../shared/external at run time, and TIMEX3 values as day intervals."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

EXTERNAL = Path(__file__).resolve().parents[3] / "shared" / "external"
RECOGNIZERS = EXTERNAL / "recognizers-text-fr"
DUCKLING = EXTERNAL / "duckling-fr"
FTIB = EXTERNAL / "french-timebank" / "ftib-documents.jsonl"

REL_TOL = 1e-3


def suites_present() -> bool:
    return RECOGNIZERS.is_dir() and DUCKLING.is_dir() and FTIB.is_file()


# -- suite loaders ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One input and what it should give: a tuple of values, or of (value, currency), or a dict."""

    text: str
    expected: object
    one_expression: bool = False  # the whole input is one expression, not a sentence


def _runs_on_python(case: dict) -> bool:
    skipped = f"{case.get('NotSupported', '')},{case.get('NotSupportedByDesign', '')}"
    return "python" not in skipped.lower()


def recognizers_cases(group: str, name: str) -> list[dict]:
    path = RECOGNIZERS / group / "French" / f"{name}.json"
    with path.open(encoding="utf-8-sig") as f:
        return [c for c in json.load(f) if _runs_on_python(c)]


def _recognizers_number(text: str) -> float:
    # the French specs write decimals with a comma and large values as "1E-12"
    return float(text.replace(",", ".").rstrip("%"))


def number_model_cases() -> list[Case]:
    return [Case(c["Input"], tuple(_recognizers_number(r["Resolution"]["value"]) for r in c["Results"]),
                 _one_expression(c))
            for c in recognizers_cases("Number", "NumberModel")]


def _one_expression(case: dict) -> bool:
    """The input is one number expression: its only result spans all of it ("- 1 4/5")."""
    results = case["Results"]
    return len(results) == 1 and results[0]["Text"].strip().lower() == case["Input"].strip().lower()


def percent_model_cases() -> list[Case]:
    return [Case(c["Input"], tuple(_recognizers_number(r["Resolution"]["value"]) for r in c["Results"]))
            for c in recognizers_cases("Number", "PercentModel")]


# Recognizers-Text names a currency in words; these are the ISO 4217 codes faits gives.
# A minor unit is compared as its major unit (50 cents = 0.50 USD).
RECOGNIZERS_CURRENCIES = {
    "Dollar": ("USD", 1), "Dollar États-Unis": ("USD", 1), "Dollar Canadien": ("CAD", 1),
    "Dollar Australien": ("AUD", 1), "Dollar de Hong Kong": ("HKD", 1), "Euro": ("EUR", 1),
    "Livre": ("GBP", 1), "Pence": ("GBP", 100), "Penny": ("GBP", 100), "Cent": ("USD", 100),
    "Centimes": ("EUR", 100), "Yen Japonais": ("JPY", 1), "Yuan Chinois": ("CNY", 1),
    "Franc": ("FRF", 1), "Franc Suisse": ("CHF", 1), "Mark Finlandais": ("FIM", 1),
    "Florins Néerlandais": ("NLG", 1), "Pesewa": ("GHS", 100),
}


def currency_model_cases() -> list[Case]:
    cases = []
    for c in recognizers_cases("NumberWithUnit", "CurrencyModel"):
        amounts = []
        for r in c["Results"]:
            res = r["Resolution"]
            if res.get("value") is None:
                continue  # a bare currency name ("dollar") is no amount
            code, minor = RECOGNIZERS_CURRENCIES.get(res["unit"], (res["unit"], 1))
            amounts.append((_recognizers_number(res["value"]) / minor, code))
        cases.append(Case(c["Input"], tuple(amounts)))
    return cases


def recognizers_unit_cases(name: str) -> list[Case]:
    """A NumberWithUnit spec other than currency (ages, dimensions, temperatures): the text of each
    expected result and its value. faits names no unit of length or temperature: values only."""
    return [Case(r["Text"], _recognizers_number(r["Resolution"]["value"]))
            for c in recognizers_cases("NumberWithUnit", name) for r in c["Results"]
            if r["Resolution"].get("value") is not None]


def duckling_cases(dimension: str) -> list[Case]:
    data = json.loads((DUCKLING / f"duckling-fr-{dimension}.json").read_text(encoding="utf-8"))
    return [Case(text, ex["expected"]) for ex in data["examples"] for text in ex["inputs"]]


def duckling_negatives(dimension: str) -> list[str]:
    data = json.loads((DUCKLING / f"duckling-fr-{dimension}.json").read_text(encoding="utf-8"))
    return data.get("negative_examples") or []


# Duckling's reference time is 2013-02-12 04:30 at UTC-2; faits works in days.
DUCKLING_REFERENCE = date(2013, 2, 12)


def duckling_day_interval(expected: dict) -> tuple[date, date] | None:
    """The days a Duckling time expectation covers: a datetime's day, or the days of its grain
    (week, month, quarter, year); an interval from its first day to the day before its
    exclusive end. An open interval ("après le 3 mars") names no interval: None."""
    if expected["kind"] == "interval":
        start = datetime.fromisoformat(expected["from"])
        end = datetime.fromisoformat(expected["to"]) - timedelta(seconds=1)
        return start.date(), end.date()
    if expected["kind"] != "datetime":
        return None
    d = datetime.fromisoformat(expected["value"]).date()
    grain = expected["grain"]
    if grain == "week":
        return d, d + timedelta(days=6)
    if grain == "month":
        return d, _month_end(d.year, d.month)
    if grain == "quarter":
        return d, _month_end(d.year, d.month + 2)
    if grain == "year":
        return d, date(d.year, 12, 31)
    return d, d


def duckling_time_cases() -> list[Case]:
    return [Case(c.text, duckling_day_interval(c.expected)) for c in duckling_cases("time")]


def _reference_of(case: dict) -> date:
    # a case without a reference does not depend on it (../shared/external/README.md); the
    # specs' usual reference stands in
    reference = case.get("Context", {}).get("ReferenceDateTime", "2016-11-07T00:00:00")
    return datetime.fromisoformat(reference).date()


def recognizers_date_cases(name: str) -> list[Case]:
    """One case per expected date of a Recognizers-Text DateTime parser spec: the sentence, the
    span, the reference day and the intervals that count as right, its future and its past
    resolution (the spec gives both when the text does not say which). A period's end is taken
    as written and as exclusive (Recognizers-Text writes a month as 1 March – 1 April)."""
    cases = []
    for c in recognizers_cases("DateTime", name):
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
            span = (r["Start"], r["Start"] + r["Length"])
            cases.append(Case(c["Input"], {"span": span, "reference": _reference_of(c), "answers": answers}))
    return cases


def recognizers_extraction_cases(name: str) -> list[Case]:
    """A Recognizers-Text extractor spec: the sentence and the spans it should give."""
    return [Case(c["Input"], tuple((r["Start"], r["Start"] + r["Length"]) for r in c["Results"]))
            for c in recognizers_cases("DateTime", name)]


def ftib_documents() -> list[dict]:
    with FTIB.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def ftib_timexes(types: Iterable[str] = ("DATE",)) -> list[dict]:
    """Each TIMEX3 of the given types, with its document's DCT and text."""
    wanted = set(types)
    return [dict(t, dct=doc["dct"], doc_text=doc["text"]) for doc in ftib_documents()
            for t in doc["timex3"] if t["type"] in wanted]


# -- TIMEX3 value → day interval ----------------------------------------------------------

# SPEC section 3 seasons, as month/day pairs; winter runs into the next year.
SEASONS = {"SP": ((3, 20), (6, 20)), "SU": ((6, 21), (9, 22)), "FA": ((9, 23), (12, 20)),
           "WI": ((12, 21), (3, 19))}
# SPEC section 3: début / mi- / fin of a month are days 1-10, 11-20, 21-last; of a year
# January-April, May-August, September-December. TIMEX3 says START / MID / END.
PART_OF_MONTH = {"START": (1, 10), "MID": (11, 20), "END": (21, 31)}
PART_OF_YEAR = {"START": (1, 4), "MID": (5, 8), "END": (9, 12)}


def _month_end(year: int, month: int) -> date:
    nxt = date(year + month // 12, month % 12 + 1, 1)
    return nxt - timedelta(days=1)


def timex_interval(value: str, dct: date, mod: str | None = None) -> tuple[date, date] | None:
    """The days a TIMEX3 value covers, or None when it names no interval.

    A time ("1999-05-23T22:00", "1999-05-23TEV") gives its day; PRESENT_REF the DCT
    (TimeML anchors "now" there); decades ("196X") and centuries ("18XX") their
    years; START / MID / END narrow a month or a year as SPEC does. PAST_REF,
    FUTURE_REF, year-less values ("XXXX-07-15") and periods ("P1M") give None.
    """
    if value == "PRESENT_REF":
        return dct, dct
    day_part = value.split("T")[0]
    interval = _calendar_interval(day_part)
    if interval is None:
        return None
    start, end = interval
    if mod in PART_OF_MONTH and re.fullmatch(r"\d{4}-\d{2}", day_part):
        first, last = PART_OF_MONTH[mod]
        return start.replace(day=first), min(end, start.replace(day=min(last, end.day)))
    if mod in PART_OF_YEAR and re.fullmatch(r"\d{4}", day_part):
        m1, m2 = PART_OF_YEAR[mod]
        return date(start.year, m1, 1), _month_end(start.year, m2)
    return start, end


def _calendar_interval(v: str) -> tuple[date, date] | None:
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", v):
            d = date(*map(int, m.groups()))
            return d, d
        if m := re.fullmatch(r"(\d{4})-(\d{2})", v):
            y, mo = map(int, m.groups())
            return date(y, mo, 1), _month_end(y, mo)
        if m := re.fullmatch(r"(\d{4})", v):
            y = int(m.group(1))
            return date(y, 1, 1), date(y, 12, 31)
        if m := re.fullmatch(r"(\d{3})X", v):
            y = int(m.group(1)) * 10
            return date(y, 1, 1), date(y + 9, 12, 31)
        if m := re.fullmatch(r"(\d{2})XX", v):
            y = int(m.group(1)) * 100
            return date(y, 1, 1), date(y + 99, 12, 31)
        if m := re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", v):
            monday = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            if m.group(3):
                return monday + timedelta(days=5), monday + timedelta(days=6)
            return monday, monday + timedelta(days=6)
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", v):
            y = int(m.group(1))
            (sm, sd), (em, ed) = SEASONS[m.group(2)]
            return date(y, sm, sd), date(y + (em < sm), em, ed)
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", v):
            y, q = int(m.group(1)), int(m.group(2))
            return date(y, 3 * q - 2, 1), _month_end(y, 3 * q)
        if m := re.fullmatch(r"(\d{4})-H([12])", v):
            y, h = int(m.group(1)), int(m.group(2))
            return date(y, 6 * h - 5, 1), _month_end(y, 6 * h)
    except ValueError:
        return None
    return None


