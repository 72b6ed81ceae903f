"""Dates: date expressions in text resolved to day intervals against the publication date.

The package's rooms: ``records``, ``grammar`` (the language's rules, finding expressions),
``calendar`` (arithmetic), ``tense``, ``interpretation`` (expression -> interval), ``fallback`` (dateparser).
"""

from __future__ import annotations

from datetime import date

from ..errors import Errors, FaitsError
from ..languages import DEFAULT_LANG
from .fallback import _read_with_dateparser
from .grammar import DateGrammar, find_dates, grammar
from .interpretation import (
    anaphoric_periods,
    anchor_of,
    granularity_of,
    night_of_named_day,
    resolve,
    resolve_dates,
    resolve_mention,
    resolve_span,
)
from .records import GRANULARITIES, DateExpr, DateInterval, DateMention
from .tense import guess_tense, resolution_tense

__all__ = [
    "GRANULARITIES", "DateExpr", "DateGrammar", "DateInterval", "DateMention", "anaphoric_periods", "anchor_of",
    "find_dates",
    "grammar", "granularity_of", "guess_tense",
    "night_of_named_day", "normalize_date", "resolution_tense", "resolve", "resolve_dates", "resolve_mention",
    "resolve_span",
]


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
    return DateInterval(interval[0], interval[1], granularity_of(mentions[0]))
