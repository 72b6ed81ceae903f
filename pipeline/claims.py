"""The claims and series tables (SPEC section 7), built from facts that carry series_id and claim_id.

    >>> from pipeline.claims import claims_frame, series_frame
    >>> claims, series = claims_frame(facts), series_frame(facts)

A claim's ``sources`` and ``article_ids`` are lists (Parquet, JSONL and the
store keep them as lists; CSV joins them with ``"; "``). A series' when is the span of its
facts' times (a toll's as-of days, from the first to the last); a claim's
is its facts' most common time. A series' status:

- ``single``: one claim, from one article;
- ``agreed``: one claim, from several articles;
- ``disputed``: two claims reported at the same time (the same publication
  day, or the same article) by different reporters (a figure's reporter is
  its source, or its article when it has none);
- ``updated``: several claims, none disputed: figures that follow each other.
"""

from __future__ import annotations

import math
import os
import uuid
from collections import Counter
from collections.abc import Iterable
from datetime import date
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .languages import DEFAULT_LANG
from .options import DEFAULT_CSV_DIALECT
from .series import block_key, comparison_rows, paused_gc, rows_of, tokens

CLAIMS_SCHEMA = pa.schema(
    [
        ("claim_id", pa.string()), ("series_id", pa.string()), ("event_type", pa.string()), ("who", pa.string()),
        ("where", pa.string()), ("when_start", pa.date32()), ("when_end", pa.date32()),
        ("how_many", pa.float64()), ("how_many_high", pa.float64()), ("qualifier", pa.string()),
        ("unit", pa.string()), ("n_facts", pa.int64()), ("n_articles", pa.int64()),
        ("sources", pa.list_(pa.string())), ("article_ids", pa.list_(pa.string())),
        ("first_published", pa.date32()), ("last_published", pa.date32()),
    ]
)
SERIES_SCHEMA = pa.schema(
    [
        ("series_id", pa.string()), ("event_type", pa.string()), ("who", pa.string()), ("where", pa.string()),
        ("when_start", pa.date32()), ("when_end", pa.date32()), ("unit", pa.string()),
        ("n_claims", pa.int64()), ("n_articles", pa.int64()), ("first_value", pa.float64()),
        ("latest_value", pa.float64()), ("min_value", pa.float64()), ("max_value", pa.float64()),
        ("first_published", pa.date32()), ("last_published", pa.date32()), ("status", pa.string()),
        ("n_facts", pa.int64()), ("block", pa.string()),
    ]
)
STATUSES = ("single", "agreed", "updated", "disputed")
LIST_COLUMNS = ("sources", "article_ids")
LIST_SEPARATOR = "; "


def _missing(v) -> bool:
    if v is None or v is pd.NA or v is pd.NaT:
        return True
    return isinstance(v, float) and math.isnan(v)


def _day(v):
    if type(v) is date:
        return v
    return None if _missing(v) else pd.Timestamp(v).date()


def _num(v):
    return None if _missing(v) else float(v)


def _most_common(values: Iterable):
    values = [v for v in values if not _missing(v) and v != ""]
    if len(values) < 2:
        return values[0] if values else None
    found = Counter(values)
    if not found:
        return None
    best = max(found.values())
    # ties go to the first met, in fact order
    return next(v for v in found if found[v] == best)


def _period(rows: list[dict]) -> tuple:
    return _most_common((r["when_start"], r["when_end"]) for r in rows if not _missing(r.get("when_start"))) or (
        None, None)


def _order(row: dict) -> tuple:
    """Publication order of a fact: day, then an earlier figure ("contre 35") before the current one."""
    pub = _day(row.get("published"))
    return (pub is None, pub or pd.Timestamp.min.date(), not row.get("_earlier"), str(row.get("article_id")),
            row.get("fact_id") or 0)


def _reporters(rows: list[dict], lang: str) -> set[str]:
    found = set()
    for r in rows:
        source = r.get("source")
        words = tokens(source, frozenset()) if isinstance(source, str) else []
        found.add(" ".join(sorted(words)) if words else f"article:{r.get('article_id')}")
    return found


def _disputed(claims: list[list[dict]], lang: str) -> bool:
    summaries = []
    for rows in claims:
        days = {_day(r.get("published")) for r in rows} - {None}
        articles = {str(r.get("article_id")) for r in rows}
        summaries.append((days, articles, _reporters(rows, lang)))
    for i, (days_a, arts_a, rep_a) in enumerate(summaries):
        for days_b, arts_b, rep_b in summaries[i + 1:]:
            if (days_a & days_b or arts_a & arts_b) and not rep_a & rep_b:
                return True
    return False


def status(claims: list[list[dict]], n_articles: int, lang: str = DEFAULT_LANG) -> str:
    """The status of a series from its claims' fact rows (see the module's docstring)."""
    if len(claims) == 1:
        return "single" if n_articles == 1 else "agreed"
    return "disputed" if _disputed(claims, lang) else "updated"


TABLE_INPUT = ("article_id", "fact_id", "who", "event_type", "how_many", "how_many_high", "qualifier", "unit",
               "when_start", "when_end", "where", "source", "published", "series_id", "claim_id")


def _records(facts: pd.DataFrame, lang: str) -> list[dict]:
    df = facts[facts["series_id"].notna()]
    rows = rows_of(df, TABLE_INPUT)
    earlier = comparison_rows(df, lang=lang)
    for row, flag in zip(rows, earlier, strict=True):
        row["_earlier"] = flag
    return rows


def _by(rows: list[dict], key: str) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for r in rows:
        out.setdefault(str(r[key]), []).append(r)
    return out


def _claim_row(claim_id: str, rows: list[dict]) -> dict:
    rows = sorted(rows, key=_order)
    start, end = _period(rows)
    pubs = [d for d in (_day(r.get("published")) for r in rows) if d is not None]
    return {
        "claim_id": claim_id, "series_id": str(rows[0]["series_id"]),
        "event_type": _most_common(r.get("event_type") for r in rows),
        "who": _most_common(r.get("who") for r in rows), "where": _most_common(r.get("where") for r in rows),
        "when_start": _day(start), "when_end": _day(end),
        "how_many": _num(rows[0].get("how_many")), "how_many_high": _num(rows[0].get("how_many_high")),
        "qualifier": _most_common(r.get("qualifier") for r in rows),
        "unit": _most_common(r.get("unit") for r in rows), "n_facts": len(rows),
        "n_articles": len({str(r["article_id"]) for r in rows}),
        "sources": sorted({str(r["source"]) for r in rows if not _missing(r.get("source"))}),
        "article_ids": sorted({str(r["article_id"]) for r in rows}),
        "first_published": min(pubs) if pubs else None, "last_published": max(pubs) if pubs else None,
    }


def claims_frame(facts: pd.DataFrame, *, lang: str = DEFAULT_LANG, _rows: list[dict] | None = None
                 ) -> pd.DataFrame:
    """One row per claim of the facts' series, ordered by series then publication."""
    rows = _rows if _rows is not None else (_records(facts, lang) if len(facts) else [])
    out = [_claim_row(cid, members) for cid, members in _by(rows, "claim_id").items()]
    out.sort(key=lambda c: (c["series_id"], c["first_published"] is None, c["first_published"] or 0, c["claim_id"]))
    return _frame(out, CLAIMS_SCHEMA)


def series_frame(facts: pd.DataFrame, *, lang: str = DEFAULT_LANG, _rows: list[dict] | None = None
                 ) -> pd.DataFrame:
    """One row per series of the facts, with its status."""
    rows = _rows if _rows is not None else (_records(facts, lang) if len(facts) else [])
    out = []
    for sid, members in _by(rows, "series_id").items():
        members.sort(key=_order)
        claims = list(_by(members, "claim_id").values())
        values = [v for v in (_num(r.get("how_many")) for r in members) if v is not None]
        pubs = [d for d in (_day(r.get("published")) for r in members) if d is not None]
        starts = [d for d in (_day(r.get("when_start")) for r in members) if d is not None]
        ends = [d for d in (_day(r.get("when_end")) for r in members) if d is not None]
        start, end = (min(starts) if starts else None), (max(ends) if ends else None)
        n_articles = len({str(r["article_id"]) for r in members})
        event_type = _most_common(r.get("event_type") for r in members)
        unit = _most_common(r.get("unit") for r in members)
        out.append({
            "series_id": sid, "event_type": event_type,
            "who": _most_common(r.get("who") for r in members),
            "where": _most_common(r.get("where") for r in members),
            "when_start": start, "when_end": end, "unit": unit,
            "n_claims": len(claims), "n_articles": n_articles,
            "first_value": _num(members[0].get("how_many")), "latest_value": _num(members[-1].get("how_many")),
            "min_value": min(values) if values else None, "max_value": max(values) if values else None,
            "first_published": min(pubs) if pubs else None, "last_published": max(pubs) if pubs else None,
            "status": status(claims, n_articles, lang), "n_facts": len(members),
            "block": block_key(event_type, unit, lang),
        })
    out.sort(key=lambda s: (-s["n_articles"], s["first_published"] is None, s["first_published"] or 0,
                            s["series_id"]))
    return _frame(out, SERIES_SCHEMA)


def tables(facts: pd.DataFrame, *, lang: str = DEFAULT_LANG) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The claims and the series tables, reading the facts once."""
    with paused_gc():
        rows = _records(facts, lang) if len(facts) else []
        return claims_frame(facts, lang=lang, _rows=rows), series_frame(facts, lang=lang, _rows=rows)


def _frame(rows: list[dict], schema: pa.Schema) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=schema.names)
    for field in schema:
        if field.type == pa.date32():
            df[field.name] = pd.to_datetime(df[field.name], errors="coerce").astype("datetime64[s]")
        elif field.type == pa.string():
            df[field.name] = df[field.name].astype("string")
        elif field.type == pa.int64():
            df[field.name] = df[field.name].astype("Int64")
        elif field.type == pa.float64():
            df[field.name] = pd.to_numeric(df[field.name], errors="coerce").astype("float64")
    return df


def to_arrow(df: pd.DataFrame, schema: pa.Schema) -> pa.Table:
    plain = df.copy()
    for field in schema:
        col = plain[field.name]
        if field.type == pa.date32():
            plain[field.name] = col.dt.date.astype(object).where(col.notna(), None)
        elif field.name in LIST_COLUMNS:
            plain[field.name] = pd.Series(
                [list(v) if isinstance(v, (list, tuple)) or hasattr(v, "tolist") else [] for v in col],
                index=plain.index, dtype=object)
        else:
            plain[field.name] = col.astype(object).where(col.notna(), None)
    return pa.Table.from_pandas(plain[schema.names], schema=schema, preserve_index=False)


def write_frame(frames: pd.DataFrame | Iterable[pd.DataFrame], schema: pa.Schema, out_dir: str | Path,
                formats: Iterable[str], stem: str, *, csv_dialect: str = DEFAULT_CSV_DIALECT) -> list[Path]:
    """Write a claims or series frame, or such a table in pieces (one in memory at a time), as
    ``<stem>.csv|.parquet|.jsonl|.xlsx``, each atomically."""
    from .table import XlsxWriter, check_formats, dialect_of, spreadsheet_safe, write_csv

    formats = check_formats(formats)
    dialect = dialect_of(csv_dialect)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    pieces = [frames] if isinstance(frames, pd.DataFrame) else frames
    temps = {fmt: out_dir / f".{stem}.{fmt}.{uuid.uuid4().hex}.tmp" for fmt in formats}
    handles: dict = {}
    try:
        for fmt, tmp in temps.items():
            if fmt == "parquet":
                handles[fmt] = pq.ParquetWriter(str(tmp), schema)
            elif fmt == "xlsx":
                handles[fmt] = XlsxWriter(tmp, stem, list(schema.names))
            else:
                handles[fmt] = open(tmp, "x", encoding=dialect.encoding if fmt == "csv" else "utf-8",  # noqa: SIM115
                                    newline="")  # closed below or in finally
        first = True
        for df in pieces:
            if not len(df) and not first:
                continue
            for fmt in formats:
                if fmt == "parquet":
                    handles[fmt].write_table(to_arrow(df, schema))
                elif fmt in ("csv", "xlsx"):
                    plain = df.copy()
                    for col in LIST_COLUMNS:
                        if col in plain:
                            plain[col] = [LIST_SEPARATOR.join(v) if v is not None else "" for v in plain[col]]
                    if fmt == "xlsx":
                        handles[fmt].write(plain)  # text escaped and typed as text, dates as dates
                        continue
                    for field in schema:
                        if field.type == pa.date32():
                            plain[field.name] = plain[field.name].dt.strftime("%Y-%m-%d")
                        elif field.type == pa.string() or field.name in LIST_COLUMNS:
                            plain[field.name] = plain[field.name].map(spreadsheet_safe, na_action="ignore")
                    write_csv(plain, handles[fmt], dialect, header=first)
                else:
                    plain = df.copy()
                    for field in schema:
                        if field.type == pa.date32():
                            plain[field.name] = plain[field.name].dt.strftime("%Y-%m-%d")
                    for col in LIST_COLUMNS:
                        if col in plain:
                            plain[col] = [list(v) if v is not None else [] for v in plain[col]]
                    text = plain.to_json(orient="records", lines=True, force_ascii=False) if len(plain) else ""
                    handles[fmt].write(text if not text or text.endswith("\n") else text + "\n")
            first = False
        for handle in handles.values():
            handle.close()
        handles.clear()
        written = []
        for fmt, tmp in temps.items():
            path = out_dir / f"{stem}.{fmt}"
            os.replace(tmp, path)
            written.append(path)
        return written
    finally:
        for handle in handles.values():
            # a failed write leaves no file: an xlsx workbook is dropped, not saved
            getattr(handle, "discard", handle.close)()
        for tmp in temps.values():
            tmp.unlink(missing_ok=True)


def write_claims_tables(facts: pd.DataFrame, out_dir: str | Path, formats: Iterable[str], *,
                        lang: str = DEFAULT_LANG, csv_dialect: str = DEFAULT_CSV_DIALECT) -> list[Path]:
    """Write ``claims.*`` and ``series.*`` for facts that carry series_id and claim_id."""
    claims, series = tables(facts, lang=lang)
    paths = write_frame(claims, CLAIMS_SCHEMA, out_dir, formats, "claims", csv_dialect=csv_dialect)
    return paths + write_frame(series, SERIES_SCHEMA, out_dir, formats, "series", csv_dialect=csv_dialect)


__all__ = ["CLAIMS_SCHEMA", "SERIES_SCHEMA", "STATUSES", "claims_frame", "series_frame", "status", "tables",
           "write_claims_tables", "write_frame"]
