"""Scoring each suite: values, intervals, spans, and French TimeBank end to end."""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime

from .suites import REL_TOL, Case, ftib_documents, timex_interval
from .systems import _date_data_parser, _located, dateparser_interval, text2num_values

# -- scoring -----------------------------------------------------------------------------------


@dataclass
class Score:
    """Right out of total, and the seconds spent on the total inputs (and words, end to end)."""

    right: int
    total: int
    seconds: float
    failures: list = None  # type: ignore[assignment]

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0

    @property
    def ms_per_item(self) -> float:
        return 1000 * self.seconds / self.total if self.total else 0.0


def same_values(found: Iterable, expected: Iterable) -> bool:
    found, expected = list(found), list(expected)
    if len(found) != len(expected):
        return False
    return all(_close(f, e) for f, e in zip(found, expected, strict=True))


def _close(a, b) -> bool:
    if isinstance(a, tuple) and isinstance(b, tuple):
        return len(a) == len(b) and all(_close(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(a, b, rel_tol=REL_TOL, abs_tol=1e-12)
    return a == b


def _timed(system: Callable, inputs: list) -> tuple[list, float]:
    """The outputs of ``system`` and the seconds it took, timed on a second pass: the first
    one compiles grammars and loads what each system loads on first use."""
    for x in inputs:
        system(x)
    t0 = time.perf_counter()
    outputs = [system(x) for x in inputs]
    return outputs, time.perf_counter() - t0


def score_cases(cases: list[Case], system: Callable[[str], object],
                right: Callable[[object, object], bool] = same_values, *, whole_case: bool = False) -> Score:
    """Run ``system`` on each case's text (on the case itself with ``whole_case``) and count the right ones."""
    failures, n_right = [], 0
    inputs = cases if whole_case else [c.text for c in cases]
    outputs, seconds = _timed(system, inputs)
    for case, out in zip(cases, outputs, strict=True):
        if right(out, case.expected):
            n_right += 1
        else:
            failures.append((case.text, case.expected, out))
    return Score(n_right, len(cases), seconds, failures)


# Duckling -----------------------------------------------------------------------------------


def duckling_numeral_right(found, expected: dict) -> bool:
    return found is not None and _close(found, float(expected["value"]))


def value_right(found, expected: float) -> bool:
    return found is not None and _close(found, expected)


def faits_number(text: str) -> float | None:
    from pipeline import normalize_number

    q = normalize_number(text)
    return None if q is None else q.value


def text2num_number(text: str) -> float | None:
    values = text2num_values(text)
    return values[0] if values else None


# Duckling names some currencies loosely; these are the codes that count as right.
DUCKLING_CURRENCIES = {"Dollar": {"USD", "CAD", "AUD"}, "Pound": {"GBP"}, "Rial": {"IRR", "OMR", "YER"},
                       "Riyal": {"SAR", "QAR"}, "Unnamed": {None}}
DUCKLING_QUALIFIERS = {"simple": {"exact", "approx"}, "between": {"range"},
                       "above": {"more_than", "at_least"}, "under": {"less_than", "at_most"}}


def faits_money(text: str):
    from pipeline import normalize_number

    return normalize_number(text)


# Duckling names a minor unit as a currency of its own ("10 cents" is 10 Cent); faits gives the major
# currency (0.10 USD), and is compared in it, as the Recognizers-Text loaders compare minor units
DUCKLING_MINOR_UNITS = {"Cent": 100}


def duckling_money_right(q, expected: dict) -> bool:
    if q is None or q.qualifier not in DUCKLING_QUALIFIERS[expected["kind"]]:
        return False
    if expected["currency"] in DUCKLING_MINOR_UNITS and expected["kind"] == "simple":
        return (q.unit is not None and len(q.unit) == 3
                and _close(q.value * DUCKLING_MINOR_UNITS[expected["currency"]], float(expected["value"])))
    if q.unit not in DUCKLING_CURRENCIES.get(expected["currency"], {expected["currency"]}):
        return False
    if expected["kind"] == "between":
        return _close(q.value, float(expected["from"])) and q.high is not None and _close(q.high, float(expected["to"]))
    return _close(q.value, float(expected["value"]))


def text2num_money_right(value, expected: dict) -> bool:
    target = expected.get("value", expected.get("from"))
    return value is not None and _close(value, float(target))


# faits names time units in French (SPEC); Duckling in English.
DURATION_UNITS = {"second": "secondes", "minute": "minutes", "hour": "heures", "day": "jours",
                  "week": "semaines", "month": "mois", "quarter": "trimestres", "year": "ans"}


def duckling_duration_right(q, expected: dict) -> bool:
    return (q is not None and q.unit == DURATION_UNITS[expected["unit"]]
            and _close(q.value, float(expected["value"])))


# French TimeBank ------------------------------------------------------------------------------


def score_ftib_values(timexes: list[dict], system: Callable[[dict], tuple[date, date] | None]) -> Score:
    failures, n_right = [], 0
    outputs, seconds = _timed(system, timexes)
    for t, out in zip(timexes, outputs, strict=True):
        gold = timex_interval(t["value"], date.fromisoformat(t["dct"]), t.get("mod"))
        if gold is not None and out == gold:
            n_right += 1
        else:
            failures.append((t["text"], t["dct"], t["value"], t.get("mod"), out))
    return Score(n_right, len(timexes), seconds, failures)


@dataclass
class Detection:
    """End-to-end detection on FTiB: spans matched by overlap, and whether their value is right."""

    n_gold: int
    n_pred: int
    matched: int
    value_right: int
    seconds: float
    words: int
    failures: list

    @staticmethod
    def _f1(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    @property
    def span_prf(self) -> tuple[float, float, float]:
        return self._f1(self.matched, self.n_pred, self.n_gold)

    @property
    def value_prf(self) -> tuple[float, float, float]:
        return self._f1(self.value_right, self.n_pred, self.n_gold)

    @property
    def ms_per_1000_words(self) -> float:
        return 1000 * self.seconds / self.words * 1000 if self.words else 0.0


Found = list[tuple[int, int, tuple[date, date] | None]]


def faits_search(text: str, dct: date) -> Found:
    from pipeline.dates import resolve_dates

    # TimeML marks each end of "entre 1990 et 1999" as its own TIMEX3: so does this reading.
    return [(m.start, m.end, (i.start, i.end) if i else None)
            for m, i in resolve_dates(text, dct, include_times=True, ranges=False)]


def dateparser_search(text: str, dct: date) -> Found:
    """search_dates, each hit re-read by DateDataParser for its period (day, month, year)."""
    from dateparser.search import search_dates

    base = datetime(dct.year, dct.month, dct.day)
    hits = search_dates(text, languages=["fr"], settings={"RELATIVE_BASE": base}) or []
    parser = _date_data_parser(dct)
    return [(start, end, dateparser_interval(parsed, parser.get_date_data(text[start:end]).period or "day"))
            for start, end, parsed in _located(text, hits)]




def score_ftib_detection(system: Callable[[str, date], Found], types=("DATE", "TIME"), repeats: int = 3,
                         docs: list[dict] | None = None) -> Detection:
    """Detection and values on French TimeBank (or ``docs`` of the same layout: TempEval-3); the time is
    the best of ``repeats`` passes over the documents (the usual way to time code on a shared machine:
    other load only ever adds time)."""
    docs = docs if docs is not None else ftib_documents()
    system(docs[0]["text"], date.fromisoformat(docs[0]["dct"]))  # compiles the grammars outside the timing
    seconds = math.inf
    for _ in range(repeats):
        t0 = time.perf_counter()
        outputs = [system(doc["text"], date.fromisoformat(doc["dct"])) for doc in docs]
        seconds = min(seconds, time.perf_counter() - t0)
    n_gold = n_pred = matched = value_right = 0
    failures = []
    for doc, found in zip(docs, outputs, strict=True):
        dct = date.fromisoformat(doc["dct"])
        gold = [t for t in doc["timex3"] if t["type"] in types]
        n_gold += len(gold)
        n_pred += len(found)
        used: set[int] = set()
        for s, e, interval in found:
            hit = next((i for i, t in enumerate(gold) if i not in used and s < t["end"] and t["start"] < e), None)
            if hit is None:
                failures.append(("FP", doc["doc_id"], doc["text"][s:e], interval))
                continue
            used.add(hit)
            matched += 1
            t = gold[hit]
            if interval is not None and interval == timex_interval(t["value"], dct, t.get("mod")):
                value_right += 1
            else:
                failures.append(("VALUE", doc["doc_id"], t["text"], t["value"], doc["text"][s:e], interval))
        failures += [("FN", doc["doc_id"], t["text"], t["value"]) for i, t in enumerate(gold) if i not in used]
    words = sum(len(doc["text"].split()) for doc in docs)
    return Detection(n_gold, n_pred, matched, value_right, seconds, words, failures)


@dataclass
class SpanScore:
    """Spans found against the spans expected, matched one to one by overlap."""

    matched: int
    n_found: int
    n_expected: int

    @property
    def prf(self) -> tuple[float, float, float]:
        return Detection._f1(self.matched, self.n_found, self.n_expected)


def score_spans(cases: list[Case], system: Callable[[str], tuple]) -> SpanScore:
    matched = n_found = n_expected = 0
    for case in cases:
        found = list(system(case.text))
        n_found += len(found)
        n_expected += len(case.expected)
        for s, e in case.expected:
            hit = next((f for f in found if f[0] < e and s < f[1]), None)
            if hit is not None:
                found.remove(hit)
                matched += 1
    return SpanScore(matched, n_found, n_expected)
