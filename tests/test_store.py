"""The DuckDB store on its own (no model): schema, one transaction per batch, replacement of a
changed article, ordered and chunked export through table.py, read-only use, clear errors."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import date

import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline.errors import FaitsError
from pipeline.store import ArticleRecord, SkipRecord, Store
from pipeline.table import COLUMNS


def fact(n: int, value: float, **extra) -> dict:
    row = {
        "fact_id": n, "who": "soldats", "what": "tués", "event_type": "killed", "how_many": value,
        "how_many_high": None, "qualifier": "exact", "unit": "soldats", "when_start": "2025-06-01",
        "when_end": "2025-06-30", "when_text": "en juin", "where": "Koursk", "source": None,
        "evidence": f"{value:g} soldats tués", "char_start": 0, "char_end": 20, "mentions": 1,
        "confidence": 0.9, "mention_text": f"{value:g}", "mention_start": 0, "mention_end": 3,
    }
    row.update(extra)
    return row


def record(article_id: str, digest: str, values: list[float]) -> ArticleRecord:
    rows = [dict(fact(i, v), article_id=article_id, published=date(2025, 7, 1)) for i, v in enumerate(values, 1)]
    return ArticleRecord(digest, article_id, f"{article_id}.txt", "titre", date(2025, 7, 1), None, None, None,
                         None, 10 * len(values), rows)


@pytest.fixture
def db(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        yield store


def test_tables_and_columns(db):
    tables = set(db.query("SELECT table_name FROM information_schema.tables")["table_name"])
    assert {"articles", "facts", "runs", "skipped"} <= tables
    cols = list(db.query("SELECT * FROM facts LIMIT 0").columns)
    assert cols[: len(COLUMNS)] == COLUMNS and cols[-1] == "content_hash"


def test_commit_writes_articles_facts_and_skips_in_one_transaction(db):
    run = db.begin_run(["in"], engine="local", workers=1, version="t")
    db.commit(run, [record("a", "h1", [12, 30]), record("b", "h2", [5])],
              skipped=[SkipRecord("x.txt", "empty file", "unreadable")], counters={"read": 3, "processed": 2})
    assert db.counts() == {"articles": 2, "facts": 3, "runs": 1, "skipped": 1}
    assert db.query("SELECT processed, status FROM runs").iloc[0].tolist() == [2, "running"]
    # a batch that fails half-way leaves nothing of itself
    bad = record("c", "h3", [1])
    bad.rows[0]["how_many"] = "not a number"
    with pytest.raises(ValueError):
        db.commit(run, [record("d", "h4", [7]), bad])
    assert db.counts()["articles"] == 2 and db.counts()["facts"] == 3
    # the same hash twice is refused by the primary key: never a duplicated article
    with pytest.raises(Exception, match="(?i)constraint|duplicate"):
        db.commit(run, [record("a", "h1", [12, 30])])
    assert db.counts()["facts"] == 3


def test_a_changed_article_replaces_its_earlier_version(db):
    run1 = db.begin_run(["in"], engine="local", workers=1, version="t")
    db.commit(run1, [record("a", "old", [1, 2, 3])])
    run2 = db.begin_run(["in"], engine="local", workers=1, version="t")
    assert db.query("SELECT status FROM runs WHERE run_id = 1").iloc[0, 0] == "interrupted"
    replaced = db.commit(run2, [record("a", "new", [4])])
    assert replaced == 1
    assert db.query("SELECT content_hash FROM articles")["content_hash"].tolist() == ["new"]
    assert db.facts()["how_many"].tolist() == [4.0]
    by_hash, by_id = db.lookup(["new", "old"], ["a"])
    assert set(by_hash) == {"new"} and by_id["a"].content_hash == "new" and by_id["a"].last_run == run2


def test_export_is_ordered_typed_and_the_same_in_chunks(db, tmp_path):
    run = db.begin_run(["in"], engine="local", workers=1, version="t")
    db.commit(run, [record(f"art-{i:02d}", f"h{i}", [float(i), float(i) + 0.5]) for i in (3, 1, 2, 10)])
    whole = db.facts()
    assert whole["article_id"].tolist() == ["art-01"] * 2 + ["art-02"] * 2 + ["art-03"] * 2 + ["art-10"] * 2
    assert whole["fact_id"].tolist() == [1, 2] * 4
    pieces = list(db.iter_facts(chunk_rows=3))
    assert len(pieces) > 1
    pd.testing.assert_frame_equal(pd.concat(pieces, ignore_index=True), whole)
    paths = db.export(tmp_path / "out", ("csv", "parquet", "jsonl"))
    assert [p.name for p in paths] == ["facts.csv", "facts.parquet", "facts.jsonl"]
    assert str(pq.read_schema(tmp_path / "out" / "facts.parquet").field("when_start").type) == "date32[day]"
    assert len(pd.read_csv(tmp_path / "out" / "facts.csv")) == len(pd.read_json(
        tmp_path / "out" / "facts.jsonl", lines=True)) == 8


def test_export_of_one_run_has_the_articles_of_its_inputs(db):
    run1 = db.begin_run(["in"], engine="local", workers=1, version="t")
    db.commit(run1, [record("a", "h1", [1]), record("b", "h2", [2])])
    run2 = db.begin_run(["in"], engine="local", workers=1, version="t")
    db.commit(run2, [record("c", "h3", [3])], seen=["h1"])
    assert sorted(db.facts(run2)["article_id"]) == ["a", "c"]
    assert sorted(db.facts()["article_id"]) == ["a", "b", "c"]
    with pytest.raises(FaitsError, match="No run 7 .* runs there: 1, 2"):
        db.export("unused", run_id=7)


def test_read_only_store_errors_say_what_to_do(tmp_path):
    with pytest.raises(FaitsError, match="No store at .*faits run"):
        Store(tmp_path / "missing.duckdb", read_only=True)
    with Store(tmp_path / "s.duckdb") as db:
        db.begin_run([], engine="local", workers=1, version="t")
    with Store(tmp_path / "s.duckdb", read_only=True) as db:
        assert db.counts()["runs"] == 1
        with pytest.raises(FaitsError, match="Query failed"):
            db.query("SELECT nothing FROM nowhere")


def test_a_store_held_by_another_process_is_reported(tmp_path):
    path = tmp_path / "s.duckdb"
    Store(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time, duckdb
            con = duckdb.connect({str(path)!r})
            print("ready", flush=True)
            sys.stdin.read()
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(FaitsError, match="in use by another faits process"):
            Store(path)
    finally:
        holder.communicate("", timeout=30)


def test_summary_line_counts_every_kind_and_lists_only_the_first():
    from pipeline.api import RunSummary
    from pipeline.ingest import Skipped

    s = RunSummary(read=10, processed=3, updated=1, unchanged=5, facts=7, seconds=2.0, store="x", max_listed=1)
    s.skip(Skipped("a.txt", "same content"), "duplicate")
    s.skip(Skipped("b.txt", "in 'en'"), "language")
    assert s.line() == ("read 10, processed 3 (1 updated), already in store 5, skipped 2 (duplicate 1, "
                        "language 1), facts 7, 2.0 s, 1.5 articles/s")
    assert [x.origin for x in s.skipped] == ["a.txt"] and s.n_skipped == 2
    s.facts_written = 30
    assert "facts 7 new, 30 in the tables" in s.line()
