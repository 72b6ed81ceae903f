"""The printed report: one row per suite, faits beside its baseline."""

from __future__ import annotations

from datetime import date

from .scoring import (
    Score,
    dateparser_search,
    duckling_duration_right,
    duckling_money_right,
    duckling_numeral_right,
    faits_money,
    faits_number,
    faits_search,
    score_cases,
    score_ftib_detection,
    score_ftib_values,
    score_spans,
    text2num_money_right,
    text2num_number,
    value_right,
)
from .suites import (
    DUCKLING_REFERENCE,
    EXTERNAL,
    Case,
    currency_model_cases,
    duckling_cases,
    duckling_time_cases,
    ftib_timexes,
    number_model_cases,
    percent_model_cases,
    recognizers_date_cases,
    recognizers_extraction_cases,
    recognizers_unit_cases,
    suites_present,
)
from .systems import (
    date_in_answers,
    dateparser_date,
    dateparser_date_ahead,
    dateparser_date_spans,
    dateparser_recognizers_date,
    faits_amounts,
    faits_date,
    faits_date_ahead,
    faits_date_in_context,
    faits_date_spans,
    faits_number_model,
    faits_percents,
    faits_ratio_values,
    faits_recognizers_date,
    same_interval,
    text2num_amounts,
    text2num_percents,
    text2num_values,
)

# -- the report ----------------------------------------------------------------------------------


def _row(suite: str, faits: Score, baseline: Score, baseline_name: str) -> str:
    return (f"{suite:44} {faits.right:4d}/{faits.total:<4d} {faits.accuracy:6.1%} {faits.ms_per_item:8.3f}   "
            f"{baseline_name:10} {baseline.right:4d}/{baseline.total:<4d} {baseline.accuracy:6.1%} "
            f"{baseline.ms_per_item:8.3f}")


def number_rows() -> list[str]:
    rows = []
    cases = number_model_cases()
    rows.append(_row("Recognizers-Text NumberModel (python)", score_cases(cases, faits_number_model, whole_case=True),
                     score_cases(cases, text2num_values), "text2num"))
    rows.append(_row("  same, every input through the span finder", score_cases(cases, faits_ratio_values),
                     score_cases(cases, text2num_values), "text2num"))
    cases = percent_model_cases()
    rows.append(_row("Recognizers-Text PercentModel (python)", score_cases(cases, faits_percents),
                     score_cases(cases, text2num_percents), "text2num"))
    cases = currency_model_cases()
    values_only = [Case(c.text, tuple(v for v, _ in c.expected)) for c in cases]
    rows.append(_row("Recognizers-Text CurrencyModel (value+ISO)", score_cases(cases, faits_amounts),
                     score_cases(values_only, text2num_amounts), "text2num*"))
    for name in ("AgeModel", "DimensionModel", "TemperatureModel"):
        cases = recognizers_unit_cases(name)
        rows.append(_row(f"Recognizers-Text {name.removesuffix('Model')}, span, value",
                         score_cases(cases, faits_number, value_right),
                         score_cases(cases, text2num_number, value_right), "text2num"))
    cases = duckling_cases("numeral")
    rows.append(_row("Duckling numeral", score_cases(cases, faits_number, duckling_numeral_right),
                     score_cases(cases, text2num_number, duckling_numeral_right), "text2num"))
    cases = duckling_cases("amountofmoney")
    rows.append(_row("Duckling money (value+currency+kind)", score_cases(cases, faits_money, duckling_money_right),
                     score_cases(cases, text2num_number, text2num_money_right), "text2num*"))
    cases = duckling_cases("duration")
    rows.append(_row("Duckling duration (value+unit)", score_cases(cases, faits_money, duckling_duration_right),
                     score_cases(cases, text2num_number, duckling_numeral_right), "text2num*"))
    return rows


def date_rows() -> list[str]:
    timexes = ftib_timexes(("DATE",))
    faits = score_ftib_values(timexes, faits_date_in_context)
    alone = score_ftib_values(timexes, lambda t: faits_date(t["text"], date.fromisoformat(t["dct"])))
    baseline = score_ftib_values(timexes, lambda t: dateparser_date(t["text"], date.fromisoformat(t["dct"])))
    rows = [_row("FTiB DATE value, gold span, sentence tense", faits, baseline, "dateparser"),
            _row("FTiB DATE value, gold span, no context", alone, baseline, "dateparser")]
    cases = duckling_time_cases()
    rows.append(_row("Duckling time, day value, told to look ahead",
                     score_cases(cases, faits_date_ahead, same_interval),
                     score_cases(cases, dateparser_date_ahead, same_interval), "dateparser"))
    rows.append(_row("  same, each with its defaults",
                     score_cases(cases, lambda t: faits_date(t, DUCKLING_REFERENCE), same_interval),
                     score_cases(cases, lambda t: dateparser_date(t, DUCKLING_REFERENCE), same_interval),
                     "dateparser"))
    for name in ("DateParser", "DatePeriodParser", "HolidayParser"):
        cases = recognizers_date_cases(name)
        rows.append(_row(f"Recognizers-Text {name}, gold span",
                         score_cases(cases, faits_recognizers_date, date_in_answers, whole_case=True),
                         score_cases(cases, dateparser_recognizers_date, date_in_answers, whole_case=True),
                         "dateparser"))
    return rows


def extraction_rows() -> list[str]:
    rows = []
    for name in ("DateExtractor", "DatePeriodExtractor", "HolidayExtractor"):
        cases = recognizers_extraction_cases(name)
        line = f"{name:20}"
        for system_name, system in (("faits", faits_date_spans), ("search_dates", dateparser_date_spans)):
            p, r, f = score_spans(cases, system).prf
            line += f"   {system_name:12} P {p:.3f} R {r:.3f} F1 {f:.3f}"
        rows.append(line)
    durations = recognizers_extraction_cases("DurationExtractor")
    line = f"{'DurationExtractor':20}"
    for system_name, system in (("faits", faits_date_spans), ("search_dates", dateparser_date_spans)):
        taken = score_spans(durations, system).matched
        line += f"   {system_name:12} {taken:3d} of {sum(len(c.expected) for c in durations)} durations taken as dates"
    rows.append(line)
    return rows


def detection_rows() -> list[str]:
    rows = []
    for name, system in (("faits", faits_search), ("search_dates", dateparser_search)):
        d = score_ftib_detection(system)
        p, r, f = d.span_prf
        vp, vr, vf = d.value_prf
        rows.append(f"{name:14} span P {p:.3f} R {r:.3f} F1 {f:.3f}   value P {vp:.3f} R {vr:.3f} F1 {vf:.3f}   "
                    f"value right {d.value_right}/{d.n_gold} gold ({d.value_right / d.n_gold:.1%})   "
                    f"{d.ms_per_1000_words:.2f} ms per 1,000 words")
    return rows


def main() -> int:
    if not suites_present():
        print(f"skipped: the third-party suites are not in {EXTERNAL}")
        return 0
    header = (f"{'suite':44} {'faits':>9} {'acc':>6} {'ms/expr':>8}   {'baseline':10} {'':>9} {'acc':>6} "
              f"{'ms/expr':>8}")
    print(header)
    print("-" * len(header))
    for row in number_rows() + date_rows():
        print(row)
    print("* text2num has no notion of currency or unit: only its value is checked.")
    print()
    print("French TimeBank end to end, DATE+TIME, spans matched by overlap:")
    for row in detection_rows():
        print(row)
    print()
    print("Recognizers-Text date extraction, spans matched by overlap:")
    for row in extraction_rows():
        print(row)
    from .english import HEIDELTIME_VALUE_F1, english_rows, english_suites_present, tempeval3_rows

    if english_suites_present():
        print()
        print("English")
        print(header)
        print("-" * len(header))
        for row in english_rows(_row):
            print(row)
        print()
        print("TempEval-3 platinum end to end (dates only), DATE+TIME, spans matched by overlap; "
              f"HeidelTime's published value F1 (all types): {HEIDELTIME_VALUE_F1:.3f}")
        for row in tempeval3_rows():
            print(row)
    return 0
