"""The fact record: one row of the facts table. Its fields are the table's schema.

CSV, Parquet, JSONL and the store's ``facts`` table all take their columns,
their order and their types from :class:`Fact`; nothing else lists them.
Units carry their kind (:func:`unit_kind`): a count of things, a currency
code, a percentage, a duration or another measure.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields
from datetime import date
from typing import Literal

import pyarrow as pa

ColumnKind = Literal["text", "int", "float", "date"]
UnitKind = Literal["count", "currency", "percent", "duration", "measure"]
UNIT_KINDS: tuple[str, ...] = ("count", "currency", "percent", "duration", "measure")


def _column(kind: ColumnKind, default=None, *, extra: bool = False):
    """A field of the record: its column kind, and whether it follows SPEC's columns (an extra column)."""
    return field(default=default, metadata={"kind": kind, "extra": extra})


@dataclass
class Fact:
    """One fact (SPEC section 2): who, what, how many, when, where, says who, and where it was read."""

    article_id: str | None = _column("text")
    fact_id: int | None = _column("int")
    who: str | None = _column("text")
    what: str | None = _column("text")
    event_type: str = _column("text", "other")
    how_many: float | None = _column("float")
    how_many_high: float | None = _column("float")
    qualifier: str = _column("text", "exact")
    unit: str | None = _column("text")
    when_start: str | date | None = _column("date")
    when_end: str | date | None = _column("date")
    when_text: str | None = _column("text")
    where: str | None = _column("text")
    source: str | None = _column("text")
    evidence: str = _column("text", "")
    char_start: int | None = _column("int")
    char_end: int | None = _column("int")
    published: str | date | None = _column("date")
    mentions: int = _column("int", 1)
    confidence: float = _column("float", 0.0)
    lang: str | None = _column("text")  # SPEC section 8: the article's language (ISO 639-1)
    # the article's web address and title, the same on each of its rows: what joins a fact with event data
    url: str | None = _column("text", extra=True)
    title: str | None = _column("text", extra=True)
    # event data (ACLED- or GDELT-style joins): what the when interval spans, one of
    # pipeline.dates.GRANULARITIES (day, week, month, season, quarter, half, year, range...), null without when;
    # the ISO 3166 alpha-2 code of where, or of the country the article places it in (pipeline.countries)
    when_granularity: str | None = _column("text", extra=True)
    where_country: str | None = _column("text", extra=True)
    mention_text: str | None = _column("text", extra=True)
    mention_start: int | None = _column("int", extra=True)
    mention_end: int | None = _column("int", extra=True)
    unit_kind: str | None = _column("text", extra=True)
    # where event_type came from: unit, lexicon, total, noun, vectors, default (see relations._event_type)
    event_type_from: str | None = _column("text", extra=True)
    # SPEC section 7, filled by pipeline.series once the batch is grouped (null before)
    series_id: str | None = _column("text", extra=True)
    claim_id: str | None = _column("text", extra=True)

    def to_dict(self) -> dict:
        """A JSON-safe dict (what ``doc._.facts`` holds and workers send back)."""
        # every field is a scalar: a shallow copy (dataclasses.asdict deep-copies, 20% of relation extraction)
        return {name: getattr(self, name) for name in _FIELD_NAMES}


FACT_FIELDS = fields(Fact)
_FIELD_NAMES = tuple(f.name for f in FACT_FIELDS)
COLUMNS: list[str] = [f.name for f in FACT_FIELDS if not f.metadata["extra"]]
EXTRA_COLUMNS: list[str] = [f.name for f in FACT_FIELDS if f.metadata["extra"]]
ALL_COLUMNS: list[str] = COLUMNS + EXTRA_COLUMNS


def columns_of(kind: ColumnKind) -> list[str]:
    return [f.name for f in FACT_FIELDS if f.metadata["kind"] == kind]


TEXT_COLUMNS = columns_of("text")
INT_COLUMNS = columns_of("int")
FLOAT_COLUMNS = columns_of("float")
DATE_COLUMNS = columns_of("date")

_ARROW_TYPES = {"text": pa.string(), "int": pa.int64(), "float": pa.float64(), "date": pa.date32()}
ARROW_SCHEMA = pa.schema([(f.name, _ARROW_TYPES[f.metadata["kind"]]) for f in FACT_FIELDS])
DEFAULTS = {f.name: f.default for f in FACT_FIELDS if f.default is not MISSING}


def is_currency(unit: str | None) -> bool:
    """An ISO 4217 code (``EUR``, ``USD``): the unit of money, in every language."""
    return unit is not None and len(unit) == 3 and unit.isascii() and unit.isalpha() and unit.isupper()


def unit_kind(unit: str | None, time_units, measure_units) -> UnitKind | None:
    """What a unit measures: ``currency`` (an ISO code), ``percent``, ``duration`` (one of the
    language's time units), ``measure`` (one of its measure units) or ``count`` (a counted noun)."""
    if unit is None:
        return None
    if unit == "%":
        return "percent"
    if is_currency(unit):
        return "currency"
    if unit in time_units:
        return "duration"
    if unit in measure_units:
        return "measure"
    return "count"
