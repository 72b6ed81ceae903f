"""Series and claims in the store (SPEC section 7), kept up to date run after run.

The store's ``facts`` table carries ``series_id`` and ``claim_id``; the tables
``claims`` and ``series`` hold one row per claim and per series (lists as
``VARCHAR[]``). After a run, :func:`update_series` regroups only the blocks
(event_type and unit kind, see :func:`pipeline.series.block_key`) that hold a
new fact (``series_id`` null) or lost one (an article replaced by a new text):
the other series, their ids and their rows are left as they are. A regrouped
series keeps the id most of its facts had, so adding an article to a story
does not rename it. A rerun that adds nothing does nothing.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import pyarrow as pa

from .claims import CLAIMS_SCHEMA, LIST_COLUMNS, SERIES_SCHEMA, tables, to_arrow, write_frame
from .languages import DEFAULT_LANG
from .options import DEFAULT_CSV_DIALECT
from .series import group, languages_of, paused_gc

if TYPE_CHECKING:
    from .store import Store

_SQL = {pa.string(): "VARCHAR", pa.int64(): "BIGINT", pa.float64(): "DOUBLE", pa.date32(): "DATE",
        pa.list_(pa.string()): "VARCHAR[]"}
# what grouping reads of a fact
GROUP_COLUMNS = ("article_id", "fact_id", "who", "event_type", "how_many", "how_many_high", "qualifier", "unit",
                 "when_start", "when_end", "where", "source", "evidence", "char_start", "published",
                 "mention_start", "lang", "series_id", "claim_id")


RECORD_BATCH_ROWS = 50_000


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def series_ddl() -> list[str]:
    """Statements that create the claims and series tables, and the facts' id columns in older stores."""
    out = []
    for name, schema in (("claims", CLAIMS_SCHEMA), ("series", SERIES_SCHEMA)):
        cols = ", ".join(f"{_q(f.name)} {_SQL[f.type]}" for f in schema)
        out.append(f"CREATE TABLE IF NOT EXISTS {name} ({cols})")
    out += [f"ALTER TABLE facts ADD COLUMN IF NOT EXISTS {c} VARCHAR" for c in ("series_id", "claim_id")]
    return out


@dataclass
class SeriesUpdate:
    """What :func:`update_series` did."""

    blocks: int = 0
    facts_regrouped: int = 0
    facts_changed: int = 0
    series_written: int = 0
    seconds: float = 0.0


def _stale(store: Store) -> tuple[int, set[str]]:
    """New facts (no series yet), and the blocks of series that lost facts."""
    new = store._one("SELECT count(*) FROM facts WHERE series_id IS NULL")[0]
    stale = store._x(
        "SELECT DISTINCT s.block FROM series s LEFT JOIN "
        "(SELECT series_id, count(*) AS n FROM facts WHERE series_id IS NOT NULL GROUP BY series_id) f "
        "USING (series_id) WHERE f.n IS DISTINCT FROM s.n_facts"
    )
    return int(new), {b for (b,) in stale}


def update_series(store: Store, *, vectors: dict | None = None) -> SeriesUpdate:
    """Regroup the blocks a run touched, in one transaction (see the module's docstring); each language's
    facts apart, with its own words (``vectors``: a vectors table or True/False per language, True by default)."""
    started = time.perf_counter()
    report = SeriesUpdate()
    with store._lock:
        new, stale_blocks = _stale(store)
        if not new and not stale_blocks:
            return report
        cols = ", ".join(f"f.{_q(c)}" for c in GROUP_COLUMNS)
        # streamed in record batches and sorted here: an ORDER BY (or one materialized result) over every
        # fact of a large store, evidence included, ran DuckDB out of its memory limit (20,000 articles)
        reader = store.con.sql(f"SELECT f.content_hash, {cols} FROM facts f").to_arrow_reader(RECORD_BATCH_ROWS)
        df = (pa.Table.from_batches(list(reader), schema=reader.schema).to_pandas()
              .sort_values(["article_id", "fact_id"], kind="stable").reset_index(drop=True))
        touched = df["series_id"].isna()
        codes = df["lang"].fillna(DEFAULT_LANG).astype(str)
        vectors = vectors or {}
        with paused_gc():
            ids = pd.concat([
                group(df[codes == lang], lang=lang, vectors=vectors.get(lang, True),
                      previous=df.loc[codes == lang, "series_id"], touched=touched[codes == lang],
                      blocks=stale_blocks)
                for lang in languages_of(df)
            ]).loc[df.index]
        regrouped = ids["series_id"].notna()
        old_series = set(df.loc[regrouped, "series_id"].dropna()) | _series_of_blocks(store, stale_blocks)
        changed = regrouped & ((ids["series_id"] != df["series_id"]).fillna(True)
                               | (ids["claim_id"] != df["claim_id"]).fillna(True))
        facts = df[regrouped].copy()
        facts["series_id"] = ids.loc[regrouped, "series_id"]
        facts["claim_id"] = ids.loc[regrouped, "claim_id"]
        per_lang = [tables(facts[facts["lang"].fillna(DEFAULT_LANG) == lang], lang=lang)
                    for lang in languages_of(facts)]
        claims = pd.concat([c for c, _ in per_lang], ignore_index=True)
        series = pd.concat([s for _, s in per_lang], ignore_index=True)
        drop = sorted(old_series | set(facts["series_id"]))
        store._x("BEGIN")
        try:
            if changed.any():
                update = pa.Table.from_pandas(
                    pd.DataFrame({"content_hash": df.loc[changed, "content_hash"].astype(str),
                                  "fact_id": df.loc[changed, "fact_id"].astype("int64"),
                                  "series_id": ids.loc[changed, "series_id"].astype(str),
                                  "claim_id": ids.loc[changed, "claim_id"].astype(str)}),
                    preserve_index=False)
                store.con.register("_faits_series_update", update)
                store._x("UPDATE facts SET series_id = u.series_id, claim_id = u.claim_id FROM _faits_series_update u "
                         "WHERE facts.content_hash = u.content_hash AND facts.fact_id = u.fact_id")
                store.con.unregister("_faits_series_update")
            for table in ("claims", "series"):
                store._x(f"DELETE FROM {table} WHERE series_id IN (SELECT unnest(?::VARCHAR[]))", [drop])
            store._insert("claims", to_arrow(claims, CLAIMS_SCHEMA))
            store._insert("series", to_arrow(series, SERIES_SCHEMA))
            store._x("COMMIT")
        except BaseException:
            store._x("ROLLBACK")
            raise
    report.blocks = len(set(series["block"].dropna()))
    report.facts_regrouped = int(regrouped.sum())
    report.facts_changed = int(changed.sum())
    report.series_written = len(series)
    report.seconds = time.perf_counter() - started
    return report


def _series_of_blocks(store: Store, blocks: set[str]) -> set[str]:
    if not blocks:
        return set()
    rows = store._x("SELECT series_id FROM series WHERE block IN (SELECT unnest(?::VARCHAR[]))", [sorted(blocks)])
    return {sid for (sid,) in rows}


def _read(store: Store, table: str, schema: pa.Schema, run_id: int | None) -> pd.DataFrame:
    where = ""
    params = None
    if run_id is not None:
        where = ("WHERE series_id IN (SELECT f.series_id FROM facts f JOIN articles a "
                 "ON a.content_hash = f.content_hash WHERE a.last_run = ?)")
        params = [run_id]
    # (column, ascending); missing dates last. Sorted in pandas, the rows streamed: an ORDER BY over the
    # claims of a 20,000-article store ran DuckDB out of its memory limit.
    order = ([("series_id", True), ("first_published", True), ("claim_id", True)] if table == "claims" else
             [("n_articles", False), ("first_published", True), ("series_id", True)])
    cols = ", ".join(_q(f.name) for f in schema)
    with store._lock:
        reader = store.con.sql(f"SELECT {cols} FROM {table} {where}", params=params).to_arrow_reader(
            RECORD_BATCH_ROWS)
        df = pa.Table.from_batches(list(reader), schema=reader.schema).to_pandas()
    df = df.sort_values([c for c, _ in order], ascending=[a for _, a in order], na_position="last",
                        kind="stable").reset_index(drop=True)
    for col in LIST_COLUMNS:
        if col in df:
            df[col] = [list(v) if v is not None else [] for v in df[col]]
    for f in schema:
        if f.type == pa.date32():
            df[f.name] = pd.to_datetime(df[f.name], errors="coerce").astype("datetime64[s]")
        elif f.type == pa.string():
            df[f.name] = df[f.name].astype("string")
    return df


def read_claims(store: Store, run_id: int | None = None) -> pd.DataFrame:
    """The store's claims table (or the claims of the series that hold a fact of run ``run_id``'s inputs)."""
    return _read(store, "claims", CLAIMS_SCHEMA, run_id)


def read_series(store: Store, run_id: int | None = None) -> pd.DataFrame:
    """The store's series table (or the series that hold a fact of run ``run_id``'s inputs)."""
    return _read(store, "series", SERIES_SCHEMA, run_id)


def export_series(store: Store, out_dir: str | Path, formats: Iterable[str], *, run_id: int | None = None,
                  csv_dialect: str = DEFAULT_CSV_DIALECT) -> list[Path]:
    """Write ``claims.*`` and ``series.*`` beside the facts table."""
    paths = write_frame(read_claims(store, run_id), CLAIMS_SCHEMA, out_dir, formats, "claims",
                        csv_dialect=csv_dialect)
    return paths + write_frame(read_series(store, run_id), SERIES_SCHEMA, out_dir, formats, "series",
                               csv_dialect=csv_dialect)


__all__ = ["SeriesUpdate", "export_series", "read_claims", "read_series", "series_ddl", "update_series"]
