"""Series and claims in the store (SPEC section 7), kept up to date run after run.

The store's ``facts`` table carries ``series_id`` and ``claim_id``; the tables
``claims`` and ``series`` hold one row per claim and per series (lists as
``VARCHAR[]``). After a run, :func:`update_series` regroups only what the run
changed: facts are linked only within an article or a story (two articles
sharing named words, see :class:`pipeline.series.StoryIndex`), so each
connected set of stories groups on its own, and only the sets that hold a new
fact (``series_id`` null), a fact of a series that lost some (an article
replaced by a new text), or part of a series now split across sets are read
back and regrouped, a few thousand facts at a time, each chunk in a
transaction of its own: memory follows the largest set, not the store, and an
update stopped between two chunks leaves series the next update finds stale.
The other series, their ids and their rows are left as they are. A regrouped
series keeps the id most of its facts had, so adding an article to a story
does not rename it. A rerun that adds nothing does nothing.
"""

from __future__ import annotations

import contextlib
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import pyarrow as pa

from .claims import CLAIMS_SCHEMA, LIST_COLUMNS, SERIES_SCHEMA, tables, to_arrow, write_frame
from .languages import DEFAULT_LANG
from .options import DEFAULT_CSV_DIALECT
from .series import StoryIndex, group, paused_gc, rows_of, series_words

if TYPE_CHECKING:
    from .store import Store

_SQL = {pa.string(): "VARCHAR", pa.int64(): "BIGINT", pa.float64(): "DOUBLE", pa.date32(): "DATE",
        pa.list_(pa.string()): "VARCHAR[]"}
# what grouping reads of a fact
GROUP_COLUMNS = ("article_id", "fact_id", "who", "event_type", "how_many", "how_many_high", "qualifier", "unit",
                 "when_start", "when_end", "where", "source", "evidence", "char_start", "published",
                 "mention_start", "lang", "series_id", "claim_id")


# what finding stories reads of a fact, and what a pass over the store notes of each article
STORY_COLUMNS = ("article_id", "evidence", "where", "source", "published", "when_end", "who", "event_type", "unit",
                 "how_many", "how_many_high", "series_id")
RECORD_BATCH_ROWS = 50_000
# facts read at a time by the pass that finds stories (a larger batch costs memory, no time)
SCAN_BATCH_ROWS = 5_000
# facts regrouped at a time (whole connected sets of stories; a larger set is read whole)
CHUNK_FACTS = 5_000


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


def _stale_series(store: Store) -> set[str]:
    """Series whose facts changed in number (an article replaced by a new text, or gone), and series of
    facts that have no row (an update stopped between two chunks)."""
    rows = store._x(
        "SELECT s.series_id FROM series s LEFT JOIN "
        "(SELECT series_id, count(*) AS n FROM facts WHERE series_id IS NOT NULL GROUP BY series_id) f "
        "USING (series_id) WHERE f.n IS DISTINCT FROM s.n_facts "
        "UNION SELECT DISTINCT f.series_id FROM facts f ANTI JOIN series s USING (series_id) "
        "WHERE f.series_id IS NOT NULL"
    )
    return {sid for (sid,) in rows}


def _lang_column() -> str:
    return f"coalesce(f.lang, '{DEFAULT_LANG}')"


@dataclass
class _Articles:
    """What one pass over a language's facts tells of each article: its stories, its facts' count and
    series, whether it has a fact not grouped yet."""

    stories: StoryIndex
    facts: Counter = field(default_factory=Counter)
    series: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    new: set[str] = field(default_factory=set)


def _scan(store: Store, lang: str) -> _Articles:
    seen = _Articles(StoryIndex(series_words(lang)))
    cols = ", ".join(f"f.{_q(c)}" for c in STORY_COLUMNS)
    reader = store.con.sql(f"SELECT {cols} FROM facts f WHERE {_lang_column()} = ?",
                           params=[lang]).to_arrow_reader(SCAN_BATCH_ROWS)
    for batch in reader:
        records = rows_of(batch.to_pandas(), STORY_COLUMNS)
        seen.stories.add(records)
        for row in records:
            article, sid = str(row["article_id"]), row["series_id"]
            seen.facts[article] += 1
            if sid is None:
                seen.new.add(article)
            else:
                seen.series[article].add(sid)
    return seen


def _components(articles: Iterable[str], pairs: set[tuple[str, str]]) -> dict[str, str]:
    """Each article's connected set of stories, named by one of its articles."""
    parent = {a: a for a in articles}

    def find(a: str) -> str:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for x, y in pairs:
        rx, ry = find(x), find(y)
        if rx != ry:
            parent[max(rx, ry)] = min(rx, ry)
    return {a: find(a) for a in parent}


def _chunks(components: dict[str, list[str]], facts: Counter) -> Iterable[list[str]]:
    """Connected sets of stories (their roots), packed into chunks of about CHUNK_FACTS facts."""
    chunk: list[str] = []
    size = 0
    for root in sorted(components):
        chunk.append(root)
        size += sum(facts[a] for a in components[root])
        if size >= CHUNK_FACTS:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _read_facts(store: Store, articles: list[str]) -> pd.DataFrame:
    store.con.register("_faits_chunk", pa.table({"article_id": pa.array(articles, pa.string())}))
    try:
        cols = ", ".join(f"f.{_q(c)}" for c in GROUP_COLUMNS)
        reader = store.con.sql(f"SELECT f.content_hash, {cols} FROM facts f "
                               "WHERE f.article_id IN (SELECT article_id FROM _faits_chunk)").to_arrow_reader(
            RECORD_BATCH_ROWS)
        df = pa.Table.from_batches(list(reader), schema=reader.schema).to_pandas()
    finally:
        store.con.unregister("_faits_chunk")
    return df.sort_values(["article_id", "fact_id"], kind="stable").reset_index(drop=True)


def update_series(store: Store, *, vectors: dict | None = None) -> SeriesUpdate:
    """Regroup what a run changed (see the module's docstring); each language's facts apart, with its own
    words (``vectors``: a vectors table or True/False per language, True by default).

    Facts are linked only within an article or a story, so a connected set of stories groups on its own:
    one pass over the facts finds the stories; the sets that hold a new fact, a fact of a series that
    changed in number (or lost its row), or part of a series now split across sets are read back and
    regrouped, about CHUNK_FACTS facts at a time, each chunk in a transaction of its own. Memory follows
    the largest such set, not the store. Stopped between two chunks, the store is left with series that
    the next update finds stale and regroups.
    """
    started = time.perf_counter()
    report = SeriesUpdate()
    vectors = vectors or {}
    with store._lock:
        stale = _stale_series(store)
        new = store._one("SELECT count(*) FROM facts WHERE series_id IS NULL")[0]
        if not new and not stale:
            return report
        langs = [code for (code,) in store._x(f"SELECT DISTINCT {_lang_column()} FROM facts f ORDER BY 1")]
        plans = []
        taken: set[str] = set()
        for lang in langs:
            seen = _scan(store, lang)
            pairs = seen.stories.pairs()
            component = _components(seen.facts, pairs)
            spread: dict[str, set[str]] = defaultdict(set)
            for article, ids in seen.series.items():
                for sid in ids:
                    spread[sid].add(component[article])
            marked = {component[a] for a in seen.new}
            marked |= {component[a] for a, ids in seen.series.items() if ids & stale}
            marked |= {root for roots in spread.values() if len(roots) > 1 for root in roots}
            members: dict[str, list[str]] = defaultdict(list)
            for article, root in component.items():
                if root in marked:
                    members[root].append(article)
                else:
                    taken |= seen.series.get(article, set())
            stories: dict[str, set[tuple[str, str]]] = defaultdict(set)
            for x, y in pairs:
                if component[x] in marked:
                    stories[component[x]].add((x, y))
            plans.append((lang, members, stories, seen))
        # rows of series left without a fact (their articles replaced): gone before any chunk
        with _transaction(store):
            _delete_rows(store, stale)
        blocks: set[str] = set()
        written: set[str] = set()  # series rows this update wrote: a later chunk does not delete them
        for lang, members, stories, seen in plans:
            for roots in _chunks(members, seen.facts):
                articles = [a for root in roots for a in members[root]]
                old = {sid for a in articles for sid in seen.series.get(a, ())} - written

                with _transaction(store):
                    _delete_rows(store, old)
                    done = _regroup(store, _read_facts(store, articles), lang, vectors.get(lang, True),
                                    {pair for root in roots for pair in stories.get(root, ())}, taken)
                written |= done.series
                report.facts_regrouped += done.facts_regrouped
                report.facts_changed += done.facts_changed
                report.series_written += len(done.series)
                blocks |= done.blocks
    report.blocks = len(blocks)
    report.seconds = time.perf_counter() - started
    return report


@contextlib.contextmanager
def _transaction(store: Store) -> Iterator[None]:
    store._x("BEGIN")
    try:
        yield
    except BaseException:
        store._x("ROLLBACK")
        raise
    store._x("COMMIT")


def _delete_rows(store: Store, series_ids: set[str]) -> None:
    if series_ids:
        for table in ("claims", "series"):
            store._x(f"DELETE FROM {table} WHERE series_id IN (SELECT unnest(?::VARCHAR[]))", [sorted(series_ids)])


@dataclass
class _Regrouped:
    facts_regrouped: int
    facts_changed: int
    series: set[str]
    blocks: set[str]


def _regroup(store: Store, df: pd.DataFrame, lang: str, vectors, stories: set[tuple[str, str]],
             taken: set[str]) -> _Regrouped:
    """Group one chunk's facts, write their ids and their claims and series rows."""
    with paused_gc():
        ids = group(df, lang=lang, vectors=vectors, previous=df["series_id"], stories=stories, taken=taken)
    changed = ((ids["series_id"] != df["series_id"]).fillna(True)
               | (ids["claim_id"] != df["claim_id"]).fillna(True))
    facts = df.copy()
    facts["series_id"] = ids["series_id"]
    facts["claim_id"] = ids["claim_id"]
    claims, series = tables(facts, lang=lang)
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
    store._insert("claims", to_arrow(claims, CLAIMS_SCHEMA))
    store._insert("series", to_arrow(series, SERIES_SCHEMA))
    return _Regrouped(len(df), int(changed.sum()), set(series["series_id"]), set(series["block"].dropna()))


# (column, ascending) of each table's rows; missing dates last
_ORDER = {"claims": [("series_id", True), ("first_published", True), ("claim_id", True)],
          "series": [("n_articles", False), ("first_published", True), ("series_id", True)]}
# series read back at a time when a table is written in pieces
READ_SERIES = 5_000


def _sort(df: pd.DataFrame, table: str) -> pd.DataFrame:
    order = _ORDER[table]
    return df.sort_values([c for c, _ in order], ascending=[a for _, a in order], na_position="last",
                          kind="stable").reset_index(drop=True)


def _iter(store: Store, table: str, schema: pa.Schema, run_id: int | None) -> Iterator[pd.DataFrame]:
    """A claims or series table in its order, in pieces of the rows of READ_SERIES series (at least one
    piece). The order is found on the series table's keys alone and each piece is read and sorted on its
    own: an ORDER BY over the rows of a 20,000-article store ran DuckDB out of its memory limit, and one
    frame of them takes memory in proportion to the store."""
    where, params = "", None
    if run_id is not None:
        where = ("WHERE series_id IN (SELECT f.series_id FROM facts f JOIN articles a "
                 "ON a.content_hash = f.content_hash WHERE a.last_run = ?)")
        params = [run_id]
    with store._lock:
        keys = store.con.sql(f"SELECT series_id, n_articles, first_published FROM series {where}",
                             params=params).to_arrow_table().to_pandas()
    ids = (_sort(keys, "series") if table == "series" else keys.sort_values("series_id"))["series_id"].tolist()
    cols = ", ".join(_q(f.name) for f in schema)
    yielded = False
    for at in range(0, len(ids), READ_SERIES):
        chunk = ids[at:at + READ_SERIES]
        with store._lock:
            store.con.register("_faits_read", pa.table({"series_id": pa.array(chunk, pa.string())}))
            try:
                df = store.con.sql(f"SELECT {cols} FROM {table} WHERE series_id IN "
                                   "(SELECT series_id FROM _faits_read)").to_arrow_table().to_pandas()
            finally:
                store.con.unregister("_faits_read")
        yielded = True
        yield _typed(_sort(df, table), schema)
    if not yielded:
        with store._lock:
            empty = store.con.sql(f"SELECT {cols} FROM {table} LIMIT 0").to_arrow_table().to_pandas()
        yield _typed(empty, schema)


def _typed(df: pd.DataFrame, schema: pa.Schema) -> pd.DataFrame:
    for col in LIST_COLUMNS:
        if col in df:
            df[col] = [list(v) if v is not None else [] for v in df[col]]
    for f in schema:
        if f.type == pa.date32():
            df[f.name] = pd.to_datetime(df[f.name], errors="coerce").astype("datetime64[s]")
        elif f.type == pa.string():
            df[f.name] = df[f.name].astype("string")
    return df


def _read(store: Store, table: str, schema: pa.Schema, run_id: int | None) -> pd.DataFrame:
    pieces = list(_iter(store, table, schema, run_id))
    return pieces[0] if len(pieces) == 1 else pd.concat(pieces, ignore_index=True)


def read_claims(store: Store, run_id: int | None = None) -> pd.DataFrame:
    """The store's claims table (or the claims of the series that hold a fact of run ``run_id``'s inputs)."""
    return _read(store, "claims", CLAIMS_SCHEMA, run_id)


def read_series(store: Store, run_id: int | None = None) -> pd.DataFrame:
    """The store's series table (or the series that hold a fact of run ``run_id``'s inputs)."""
    return _read(store, "series", SERIES_SCHEMA, run_id)


def export_series(store: Store, out_dir: str | Path, formats: Iterable[str], *, run_id: int | None = None,
                  csv_dialect: str = DEFAULT_CSV_DIALECT) -> list[Path]:
    """Write ``claims.*`` and ``series.*`` beside the facts table."""
    paths = write_frame(_iter(store, "claims", CLAIMS_SCHEMA, run_id), CLAIMS_SCHEMA, out_dir, formats, "claims",
                        csv_dialect=csv_dialect)
    return paths + write_frame(_iter(store, "series", SERIES_SCHEMA, run_id), SERIES_SCHEMA, out_dir, formats,
                               "series", csv_dialect=csv_dialect)


__all__ = ["SeriesUpdate", "export_series", "read_claims", "read_series", "series_ddl", "update_series"]
