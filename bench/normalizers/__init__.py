"""faits' number and date normalizers next to text2num and dateparser on third-party suites.

    python -m bench.normalizers

Reads the suites from ``../shared/external`` at run time (nothing of them is
copied into the project) and prints, for each suite, the accuracy of faits
and of the baseline measured side by side in the same run, with the time per
expression (and per 1,000 words end to end). Exits quietly when
``../shared`` is absent, as it is in a user's clone.

The loaders and scorers below are also what ``tests/test_external_suites.py``
asserts floors on, so the test and the bench report the same figures.

Scoring rules (the choices are ours; the README of the suites describes the data):

- Recognizers-Text: only the cases the python runner runs (``python`` not in
  ``NotSupported`` / ``NotSupportedByDesign``). A case is right when the
  values found, in order, are the expected ones (relative tolerance 1e-3);
  a range found by faits counts as its two ends; a proportion faits gives in
  percent (``deux tiers`` = 66.67 %) is compared as a ratio (0.6667) in
  NumberModel, where no input has a percent sign. In NumberModel, an input
  that is one expression (its only expected result spans all of it) goes to
  ``normalize_number``, the API for an expression, and a sentence to the span
  finder ``find_quantities``; the figure with every input through the span
  finder is printed too. The two differ on a leading "- ": a minus sign in an
  expression, a dash or a bullet in running text.
- Duckling: each input is one expression; the first value is compared.
- French TimeBank: a TIMEX3 value becomes a day interval (see
  :func:`timex_interval`); values that name no interval (``PAST_REF``,
  ``FUTURE_REF``, ``XXXX-…``, periods) count as failures for every system.
"""

from __future__ import annotations

from .report import (
    _row,
    date_rows,
    detection_rows,
    extraction_rows,
    main,
    number_rows,
)
from .scoring import (
    DUCKLING_CURRENCIES,
    DUCKLING_QUALIFIERS,
    DURATION_UNITS,
    Detection,
    Found,
    Score,
    SpanScore,
    _close,
    _timed,
    dateparser_search,
    duckling_duration_right,
    duckling_money_right,
    duckling_numeral_right,
    faits_money,
    faits_number,
    faits_search,
    same_values,
    score_cases,
    score_ftib_detection,
    score_ftib_values,
    score_spans,
    text2num_money_right,
    text2num_number,
    value_right,
)
from .suites import (
    DUCKLING,
    DUCKLING_REFERENCE,
    EXTERNAL,
    FTIB,
    PART_OF_MONTH,
    PART_OF_YEAR,
    RECOGNIZERS,
    RECOGNIZERS_CURRENCIES,
    REL_TOL,
    SEASONS,
    Case,
    _calendar_interval,
    _month_end,
    _one_expression,
    _recognizers_number,
    _reference_of,
    _runs_on_python,
    currency_model_cases,
    duckling_cases,
    duckling_day_interval,
    duckling_negatives,
    duckling_time_cases,
    ftib_documents,
    ftib_timexes,
    number_model_cases,
    percent_model_cases,
    recognizers_cases,
    recognizers_date_cases,
    recognizers_extraction_cases,
    recognizers_unit_cases,
    suites_present,
    timex_interval,
)
from .systems import (
    _DIGITS,
    _PERIOD_DAYS,
    _ahead_parser,
    _as_ratios,
    _date_data_parser,
    _digit_value,
    date_in_answers,
    dateparser_date,
    dateparser_date_ahead,
    dateparser_date_spans,
    dateparser_interval,
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
    faits_values,
    same_interval,
    text2num_amounts,
    text2num_percents,
    text2num_values,
)

__all__ = [
    "Case",
    "DUCKLING",
    "DUCKLING_CURRENCIES",
    "DUCKLING_QUALIFIERS",
    "DUCKLING_REFERENCE",
    "DURATION_UNITS",
    "Detection",
    "EXTERNAL",
    "FTIB",
    "Found",
    "PART_OF_MONTH",
    "PART_OF_YEAR",
    "RECOGNIZERS",
    "RECOGNIZERS_CURRENCIES",
    "REL_TOL",
    "SEASONS",
    "Score",
    "SpanScore",
    "_DIGITS",
    "_PERIOD_DAYS",
    "_ahead_parser",
    "_as_ratios",
    "_calendar_interval",
    "_close",
    "_date_data_parser",
    "_digit_value",
    "_located",
    "_month_end",
    "_one_expression",
    "_recognizers_number",
    "_reference_of",
    "_row",
    "_runs_on_python",
    "_timed",
    "currency_model_cases",
    "date_in_answers",
    "date_rows",
    "dateparser_date",
    "dateparser_date_ahead",
    "dateparser_date_spans",
    "dateparser_interval",
    "dateparser_recognizers_date",
    "dateparser_search",
    "detection_rows",
    "duckling_cases",
    "duckling_day_interval",
    "duckling_duration_right",
    "duckling_money_right",
    "duckling_negatives",
    "duckling_numeral_right",
    "duckling_time_cases",
    "extraction_rows",
    "faits_amounts",
    "faits_date",
    "faits_date_ahead",
    "faits_date_in_context",
    "faits_date_spans",
    "faits_money",
    "faits_number",
    "faits_number_model",
    "faits_percents",
    "faits_ratio_values",
    "faits_recognizers_date",
    "faits_search",
    "faits_values",
    "ftib_documents",
    "ftib_timexes",
    "main",
    "number_model_cases",
    "number_rows",
    "percent_model_cases",
    "recognizers_cases",
    "recognizers_date_cases",
    "recognizers_extraction_cases",
    "recognizers_unit_cases",
    "same_interval",
    "same_values",
    "score_cases",
    "score_ftib_detection",
    "score_ftib_values",
    "score_spans",
    "suites_present",
    "text2num_amounts",
    "text2num_money_right",
    "text2num_number",
    "text2num_percents",
    "text2num_values",
    "timex_interval",
    "value_right",
]
