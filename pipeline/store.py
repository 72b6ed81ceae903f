"""The store: an embedded DuckDB database where batch runs accumulate their results.

Tables (``faits query`` runs SQL over them):

- ``articles``: one row per processed article, keyed by ``content_hash`` (SHA-256 of
  the cleaned text), with its metadata, how many facts it gave, and the first
  and last run whose inputs held it.
- ``facts``: the facts table of SPEC section 2 (same columns, same types), plus
  ``content_hash`` to join with ``articles``.
- ``runs``: one row per run: when, how (engine, workers), what it read, what
  it did, and its status (``running`` while it runs; ``interrupted`` when a
  later run finds it was killed).
- ``skipped``: every input a run did not process, with the kind and the reason.

An article and its facts are written in one transaction, one transaction per
batch, so a run killed at any point leaves whole articles only: the next run
finds them by their hash and processes the rest. ``article_id`` is unique in
the store: an article whose text changed replaces its earlier version.
"""

from __future__ import annotations

import functools
import json
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from .errors import Errors, FaitsError
from .ingest import optional_date
from .options import DEFAULT_CSV_DIALECT, DEFAULT_FORMATS
from .schema import ARROW_SCHEMA
from .series_store import series_ddl
from .table import facts_frame, write_table_chunks

DEFAULT_STORE_NAME = "faits.duckdb"
IN_MEMORY = ":memory:"
# 2: facts gained unit_kind and event_type_from; 3: lang, url, title, when_granularity and where_country
SCHEMA_VERSION = 3
# DuckDB caches table pages up to its memory limit (80% of RAM by default); a
# bounded cache keeps a long run's memory flat, and sorting an export spills
# to disk beyond it.
DEFAULT_MEMORY_LIMIT = "64MB"
EXPORT_CHUNK_ROWS = 2_000

FACT_COLUMNS = [f.name for f in ARROW_SCHEMA]
FACTS_ARROW_SCHEMA = ARROW_SCHEMA.append(pa.field("content_hash", pa.string()))
_ARROW_TO_SQL = {
    pa.string(): "VARCHAR", pa.int64(): "BIGINT", pa.float64(): "DOUBLE", pa.date32(): "DATE",
}
_DATES = {f.name for f in ARROW_SCHEMA if f.type == pa.date32()}
_INTS = {f.name for f in ARROW_SCHEMA if f.type == pa.int64()}
_FLOATS = {f.name for f in ARROW_SCHEMA if f.type == pa.float64()}

ARTICLES_ARROW_SCHEMA = pa.schema(
    [
        ("content_hash", pa.string()), ("article_id", pa.string()), ("origin", pa.string()),
        ("title", pa.string()), ("published", pa.date32()), ("url", pa.string()), ("author", pa.string()),
        ("source", pa.string()), ("lang", pa.string()), ("words", pa.int64()), ("facts", pa.int64()),
        ("first_run", pa.int64()), ("last_run", pa.int64()), ("processed_at", pa.timestamp("us")),
    ]
)
SKIPPED_ARROW_SCHEMA = pa.schema(
    [
        ("run_id", pa.int64()), ("origin", pa.string()), ("article_id", pa.string()),
        ("content_hash", pa.string()), ("kind", pa.string()), ("reason", pa.string()),
    ]
)
RUN_COUNTERS = ("read", "processed", "updated", "unchanged", "skipped", "facts")


def _q(name: str) -> str:
    # SPEC's column "where" is an SQL keyword: every identifier is quoted
    return '"' + name.replace('"', '""') + '"'


def _ddl() -> list[str]:
    fact_cols = ", ".join(f"{_q(f.name)} {_ARROW_TO_SQL[f.type]}" for f in ARROW_SCHEMA)
    return [
        "CREATE TABLE IF NOT EXISTS faits_meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
        """CREATE TABLE IF NOT EXISTS runs (
            run_id BIGINT PRIMARY KEY, started_at TIMESTAMP, finished_at TIMESTAMP, status VARCHAR,
            engine VARCHAR, workers BIGINT, inputs VARCHAR, "read" BIGINT, processed BIGINT, updated BIGINT,
            unchanged BIGINT, skipped BIGINT, facts BIGINT, seconds DOUBLE, faits_version VARCHAR)""",
        """CREATE TABLE IF NOT EXISTS articles (
            content_hash VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, origin VARCHAR, title VARCHAR,
            published DATE, url VARCHAR, author VARCHAR, source VARCHAR, lang VARCHAR, words BIGINT,
            facts BIGINT, first_run BIGINT, last_run BIGINT, processed_at TIMESTAMP)""",
        f"CREATE TABLE IF NOT EXISTS facts ({fact_cols}, content_hash VARCHAR NOT NULL)",
        """CREATE TABLE IF NOT EXISTS skipped (
            run_id BIGINT, origin VARCHAR, article_id VARCHAR, content_hash VARCHAR, kind VARCHAR,
            reason VARCHAR)""",
    ]


@dataclass(frozen=True)
class StoredArticle:
    """What the store knows of an article, looked up by hash or by id."""

    content_hash: str
    article_id: str
    origin: str | None
    last_run: int | None


@dataclass
class ArticleRecord:
    """One processed article as the store keeps it: its metadata and its fact rows."""

    content_hash: str
    article_id: str
    origin: str
    title: str | None
    published: date | None
    url: str | None
    author: str | None
    source: str | None
    lang: str | None
    words: int
    rows: list[dict]


@dataclass(frozen=True)
class SkipRecord:
    origin: str
    reason: str
    kind: str
    article_id: str | None = None
    content_hash: str | None = None


def _clean_cell(name: str, value):
    if value is None:
        return None
    if isinstance(value, float) and value != value:  # NaN
        return None
    if name in _DATES:
        return optional_date(value)
    if name in _INTS:
        return int(value)
    if name in _FLOATS:
        return float(value)
    return str(value)


def _fact_table(records: Sequence[ArticleRecord]) -> pa.Table:
    rows = [
        {**{c: _clean_cell(c, row.get(c)) for c in FACT_COLUMNS}, "content_hash": rec.content_hash}
        for rec in records
        for row in rec.rows
    ]
    return pa.Table.from_pylist(rows, schema=FACTS_ARROW_SCHEMA)


def _worded(method):
    """Store errors a user can act on: a damaged file, memory, a full disk: DuckDB's own error becomes
    a :class:`FaitsError` naming the store (a traceback helps no one there)."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except duckdb.OutOfMemoryException as e:
            raise FaitsError(Errors.E081.format(path=self.path, error=_first_line(e))) from e
        except duckdb.Error as e:
            raise FaitsError(Errors.E080.format(path=self.path, error=_first_line(e))) from e

    return wrapper


def _first_line(error: Exception) -> str:
    return " ".join(str(error).split())[:300]


class Store:
    """A DuckDB store of articles, facts, runs and skipped inputs.

    path (str | Path): the database file (created with its tables if missing),
        or ``":memory:"`` for a store that lives as long as the object.
    read_only (bool): open for reading only (``faits query``, ``faits export``);
        several readers may share a store, never with a writer.
    memory_limit (str): DuckDB's cache and sort memory, beyond which it spills to disk.
    """

    def __init__(
        self, path: str | Path, *, read_only: bool = False, memory_limit: str = DEFAULT_MEMORY_LIMIT
    ) -> None:
        self.path = str(path)
        in_memory = self.path == IN_MEMORY
        if read_only and not in_memory and not Path(self.path).is_file():
            raise FaitsError(Errors.E052.format(path=self.path))
        if not in_memory and not read_only:
            try:
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise FaitsError(Errors.E051.format(path=self.path, error=e.strerror or e)) from e
        try:
            self.con = duckdb.connect(self.path, read_only=read_only and not in_memory)
        except duckdb.IOException as e:
            if "lock" in str(e).lower():
                raise FaitsError(Errors.E050.format(path=self.path)) from e
            if "permission" in str(e).lower() or Path(self.path).is_dir():
                raise FaitsError(Errors.E051.format(path=self.path, error=_first_line(e))) from e
            raise FaitsError(Errors.E080.format(path=self.path, error=_first_line(e))) from e
        except duckdb.Error as e:
            raise FaitsError(Errors.E080.format(path=self.path, error=_first_line(e))) from e
        # one connection, used from one thread at a time (a Dask client has threads of its own)
        self._lock = threading.RLock()
        try:
            self._open(memory_limit, create=not read_only or in_memory)
        except BaseException:
            self.con.close()
            raise

    @_worded
    def _open(self, memory_limit: str, create: bool) -> None:
        self._x(f"SET memory_limit = '{memory_limit}'")
        if create:
            self._create()
        self._check_schema()

    # -- lifecycle ---------------------------------------------------------

    def _x(self, sql: str, params=None) -> list[tuple]:
        # every result is fetched whole: DuckDB refuses new work on a connection with an unfinished result
        return self.con.execute(sql, params).fetchall() if params is not None else self.con.execute(sql).fetchall()

    def _one(self, sql: str, params=None) -> tuple | None:
        rows = self._x(sql, params)
        return rows[0] if rows else None

    def _create(self) -> None:
        with self._lock:
            self._x("BEGIN")
            for statement in _ddl() + series_ddl():
                self._x(statement)
            self._x(
                "INSERT INTO faits_meta VALUES ('schema_version', ?) ON CONFLICT DO NOTHING", [str(SCHEMA_VERSION)]
            )
            self._x("COMMIT")

    def _check_schema(self) -> None:
        try:
            found = self._one("SELECT value FROM faits_meta WHERE key = 'schema_version'")
        except duckdb.CatalogException as e:
            raise FaitsError(Errors.E053.format(path=self.path, found="none", expected=SCHEMA_VERSION)) from e
        if not found or found[0] != str(SCHEMA_VERSION):
            raise FaitsError(
                Errors.E053.format(path=self.path, found=found[0] if found else "none", expected=SCHEMA_VERSION)
            )

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- runs --------------------------------------------------------------

    @_worded
    def begin_run(self, inputs: Iterable[str], *, engine: str, workers: int, version: str) -> int:
        """Open a run; a run still marked running was killed (a store has one writer), so it is marked interrupted."""
        with self._lock:
            self._x("BEGIN")
            self._x("UPDATE runs SET status = 'interrupted' WHERE status = 'running'")
            run_id = self._one("SELECT coalesce(max(run_id), 0) + 1 FROM runs")[0]
            self._x(
                "INSERT INTO runs (run_id, started_at, status, engine, workers, inputs, faits_version, "
                '"read", processed, updated, unchanged, skipped, facts, seconds) '
                "VALUES (?, ?, 'running', ?, ?, ?, ?, 0, 0, 0, 0, 0, 0, 0)",
                [run_id, datetime.now(), engine, workers, json.dumps([str(i) for i in inputs]), version],
            )
            self._x("COMMIT")
        return int(run_id)

    @_worded
    def finish_run(self, run_id: int, counters: dict[str, int], seconds: float, status: str = "done") -> None:
        with self._lock:
            self._update_run(run_id, counters, seconds, status=status, finished=datetime.now())

    def _update_run(self, run_id: int, counters: dict[str, int], seconds: float, **extra) -> None:
        sets = [f"{_q(k)} = ?" for k in RUN_COUNTERS] + ["seconds = ?"]
        values = [int(counters.get(k, 0)) for k in RUN_COUNTERS] + [seconds]
        if "status" in extra:
            sets.append("status = ?")
            values.append(extra["status"])
        if "finished" in extra:
            sets.append("finished_at = ?")
            values.append(extra["finished"])
        self._x(f"UPDATE runs SET {', '.join(sets)} WHERE run_id = ?", [*values, run_id])

    @_worded
    def runs(self) -> pd.DataFrame:
        with self._lock:
            return self.con.sql("SELECT * FROM runs ORDER BY run_id").df()

    @_worded
    def check_run(self, run_id: int) -> None:
        with self._lock:
            ids = [r[0] for r in self._x("SELECT run_id FROM runs ORDER BY run_id")]
        if run_id not in ids:
            raise FaitsError(
                Errors.E066.format(run_id=run_id, path=self.path, runs=", ".join(map(str, ids)) or "none")
            )

    # -- lookups -----------------------------------------------------------

    @_worded
    def lookup(
        self, hashes: Sequence[str], ids: Sequence[str]
    ) -> tuple[dict[str, StoredArticle], dict[str, StoredArticle]]:
        """Stored articles with one of ``hashes`` (by hash) and with one of ``ids`` (by id), in one scan."""
        with self._lock:
            found = self._x(
                "SELECT content_hash, article_id, origin, last_run FROM articles "
                "WHERE content_hash IN (SELECT unnest(?::VARCHAR[])) OR article_id IN (SELECT unnest(?::VARCHAR[]))",
                [list(hashes), list(ids)],
            )
        by_hash: dict[str, StoredArticle] = {}
        by_id: dict[str, StoredArticle] = {}
        wanted = set(hashes)
        for h, aid, origin, last in found:
            stored = StoredArticle(h, aid, origin, last)
            if h in wanted:
                by_hash[h] = stored
            by_id[aid] = stored
        return by_hash, by_id

    # -- writes ------------------------------------------------------------

    @_worded
    def commit(
        self,
        run_id: int,
        records: Sequence[ArticleRecord] = (),
        *,
        seen: Sequence[str] = (),
        skipped: Sequence[SkipRecord] = (),
        counters: dict[str, int] | None = None,
        seconds: float = 0.0,
    ) -> int:
        """Write processed articles with their facts, mark ``seen`` hashes as part of this run, log
        ``skipped``, and update the run's counters: all in one transaction. Returns how many
        stored articles the records replaced (same id, older text)."""
        now = datetime.now()
        with self._lock:
            self._x("BEGIN")
            try:
                replaced = 0
                if records:
                    ids = [r.article_id for r in records]
                    hashes = [r.content_hash for r in records]
                    old = self._x(
                        "SELECT content_hash FROM articles WHERE article_id IN (SELECT unnest(?::VARCHAR[])) "
                        "AND content_hash NOT IN (SELECT unnest(?::VARCHAR[]))",
                        [ids, hashes],
                    )
                    old_hashes = [h for (h,) in old]
                    replaced = len(old_hashes)
                    if old_hashes:
                        self._x(
                            "DELETE FROM facts WHERE content_hash IN (SELECT unnest(?::VARCHAR[]))", [old_hashes]
                        )
                        self._x(
                            "DELETE FROM articles WHERE content_hash IN (SELECT unnest(?::VARCHAR[]))", [old_hashes]
                        )
                    articles = pa.Table.from_pylist(
                        [
                            {
                                "content_hash": r.content_hash, "article_id": r.article_id, "origin": r.origin,
                                "title": r.title, "published": r.published, "url": r.url, "author": r.author,
                                "source": r.source, "lang": r.lang, "words": r.words, "facts": len(r.rows),
                                "first_run": run_id, "last_run": run_id, "processed_at": now,
                            }
                            for r in records
                        ],
                        schema=ARTICLES_ARROW_SCHEMA,
                    )
                    self._insert("articles", articles)
                    facts = _fact_table(records)
                    if facts.num_rows:
                        self._insert("facts", facts)
                if seen:
                    self._x(
                        "UPDATE articles SET last_run = ? WHERE content_hash IN (SELECT unnest(?::VARCHAR[]))",
                        [run_id, list(seen)],
                    )
                if skipped:
                    table = pa.Table.from_pylist(
                        [
                            {"run_id": run_id, "origin": s.origin, "article_id": s.article_id,
                             "content_hash": s.content_hash, "kind": s.kind, "reason": s.reason}
                            for s in skipped
                        ],
                        schema=SKIPPED_ARROW_SCHEMA,
                    )
                    self._insert("skipped", table)
                if counters is not None:
                    self._update_run(run_id, counters, seconds)
                self._x("COMMIT")
            except BaseException:
                self._x("ROLLBACK")
                raise
        return replaced

    def _insert(self, table: str, data: pa.Table) -> None:
        view = f"_faits_{table}_batch"
        self.con.register(view, data)
        cols = ", ".join(_q(n) for n in data.column_names)
        # on failure the view stays registered (an aborted transaction refuses even that); the next
        # batch's register replaces it
        self._x(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {view}")
        self.con.unregister(view)

    # -- reads -------------------------------------------------------------

    def iter_facts(self, run_id: int | None = None, chunk_rows: int = EXPORT_CHUNK_ROWS) -> Iterator[pd.DataFrame]:
        """The facts table in pieces of about ``chunk_rows`` rows, ordered by article_id and fact_id
        (all of it, or the articles of one run's inputs).

        Articles are put in order first (a sort of ids only) and cut into
        chunks of about ``chunk_rows`` facts by their fact counts; each chunk's
        facts are then read and sorted on their own. Sorting the whole facts
        table at once would take memory in proportion to the store.
        """
        where = "WHERE last_run = $run" if run_id is not None else ""
        params = {"run": run_id} if run_id is not None else {}
        cols = ", ".join(f"f.{_q(c)}" for c in FACT_COLUMNS)
        with self._lock:
            self._x("DROP TABLE IF EXISTS temp._faits_export")
            self._x(
                "CREATE TEMP TABLE _faits_export AS SELECT content_hash, "
                f"(sum(facts) OVER (ORDER BY article_id, content_hash) - facts) // {int(chunk_rows)} AS chunk "
                f"FROM articles {where}",
                params or None,
            )
            try:
                chunks = [c for (c,) in self._x(
                    "SELECT DISTINCT chunk FROM _faits_export ORDER BY chunk")]
                for chunk in chunks:
                    table = self.con.sql(
                        f"SELECT {cols} FROM facts f JOIN _faits_export e ON e.content_hash = f.content_hash "
                        "WHERE e.chunk = $chunk ORDER BY f.article_id, f.fact_id",
                        params={"chunk": chunk},
                    ).to_arrow_table()
                    if table.num_rows:
                        yield facts_frame(table.to_pandas())
            finally:
                self._x("DROP TABLE IF EXISTS temp._faits_export")

    @_worded
    def facts(self, run_id: int | None = None) -> pd.DataFrame:
        """The whole facts table as one DataFrame (SPEC's columns and dtypes)."""
        frames = list(self.iter_facts(run_id))
        if not frames:
            return facts_frame([])
        return facts_frame(pd.concat(frames, ignore_index=True)) if len(frames) > 1 else frames[0]

    @_worded
    def export(
        self, out_dir: str | Path, formats: Iterable[str] = DEFAULT_FORMATS, *, run_id: int | None = None,
        stem: str = "facts", csv_dialect: str = DEFAULT_CSV_DIALECT,
    ) -> list[Path]:
        """Write the facts table (or one run's) as CSV / Parquet / JSONL / xlsx, streaming, through table.py's
        writers."""
        if run_id is not None:
            self.check_run(run_id)
        return write_table_chunks(self.iter_facts(run_id), Path(out_dir), tuple(formats), stem,
                                  csv_dialect=csv_dialect)

    @_worded
    def count_facts(self, run_id: int | None = None) -> int:
        """Rows of the facts table (or of one run's articles): what an export writes."""
        sql = "SELECT count(*) FROM facts f JOIN articles a ON a.content_hash = f.content_hash"
        with self._lock:
            if run_id is None:
                return self._one(sql)[0]
            return self._one(sql + " WHERE a.last_run = ?", [run_id])[0]

    def query(self, sql: str) -> pd.DataFrame:
        """Run SQL over the store and return the result (an empty frame for a statement without one)."""
        with self._lock:
            try:
                rel = self.con.sql(sql)
                return rel.df() if rel is not None else pd.DataFrame()
            except (duckdb.IOException, duckdb.InternalException, duckdb.SerializationException) as e:
                raise FaitsError(Errors.E080.format(path=self.path, error=_first_line(e))) from e
            except duckdb.Error as e:
                raise FaitsError(Errors.E054.format(error=e)) from e

    @_worded
    def counts(self) -> dict[str, int]:
        with self._lock:
            return {
                t: self._one(f"SELECT count(*) FROM {t}")[0]
                for t in ("articles", "facts", "runs", "skipped")
            }


__all__ = [
    "DEFAULT_STORE_NAME", "IN_MEMORY", "ArticleRecord", "SkipRecord", "Store", "StoredArticle",
]
