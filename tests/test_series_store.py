"""Series in the store: a run regroups only the blocks it touched, and keeps the ids of the series
it did not change; the tables are written beside facts.* and reached by faits claims / query / report."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline import series_store
from pipeline.cli import app
from pipeline.series import assign_series_by_language
from pipeline.series_store import export_series, read_claims, read_series, update_series
from pipeline.store import ArticleRecord, Store
from tests.test_series import row


def record(article_id: str, rows: list[dict]) -> ArticleRecord:
    published = date.fromisoformat(rows[0]["published"])
    return ArticleRecord(f"h-{article_id}", article_id, f"{article_id}.txt", "titre", published, None, None, None,
                         None, 100, rows)


def chido(article_id: str, value: float, published: str, fact_id: int = 1, **kw) -> dict:
    return row(article_id, fact_id, value, published=published, **kw)


@pytest.fixture
def db(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        yield store


def ids(store: Store) -> dict[tuple[str, int], str]:
    df = store.query("SELECT article_id, fact_id, series_id FROM facts")
    return {(a, int(f)): s for a, f, s in df.itertuples(index=False)}


def test_a_second_run_keeps_the_ids_of_untouched_series(db):
    run = db.begin_run(["in"], engine="local", workers=1, version="t")
    db.commit(run, [
        record("a", [chido("a", 22, "2025-03-10"),
                     chido("a", 5, "2025-03-10", fact_id=2, who="disparus", unit="disparus", event_type="missing"),
                     chido("a", 300, "2025-03-10", fact_id=3, who="euros", unit="EUR", event_type="money")]),
    ])
    first = update_series(db)
    assert first.facts_regrouped == 3 and len(read_series(db)) == 3
    before = ids(db)
    # nothing new: nothing regrouped
    assert update_series(db).facts_regrouped == 0
    # a second article of the story adds to the toll only: the story is regrouped, no earlier id changes
    run = db.begin_run(["in"], engine="local", workers=1, version="t")
    db.commit(run, [record("b", [chido("b", 35, "2025-03-12")])])
    second = update_series(db)
    assert second.facts_regrouped == 4 and second.facts_changed == 1
    after = ids(db)
    assert {k: after[k] for k in before} == before
    assert after[("b", 1)] == before[("a", 1)]
    series = read_series(db).set_index("series_id")
    assert series.loc[before[("a", 1)], "status"] == "updated" and series.loc[before[("a", 1)], "n_claims"] == 2
    claims = read_claims(db)
    assert set(claims.claim_id) >= {before[("a", 1)] + "-22", before[("a", 1)] + "-35"}


def test_an_article_of_another_story_regroups_only_itself(db):
    run = db.begin_run(["in"], engine="local", workers=1, version="t")
    db.commit(run, [record("a", [chido("a", 22, "2025-03-10")]), record("b", [chido("b", 35, "2025-03-12")])])
    update_series(db)
    before = ids(db)
    assert before[("a", 1)] == before[("b", 1)]
    # half a year later: too far apart to tell the same story (pipeline.series.STORY_DAYS)
    run = db.begin_run(["in"], engine="local", workers=1, version="t")
    db.commit(run, [record("c", [chido("c", 40, "2025-09-20")])])
    third = update_series(db)
    assert third.facts_regrouped == 1 and third.facts_changed == 1 and third.series_written == 1
    after = ids(db)
    assert {k: after[k] for k in before} == before and after[("c", 1)] not in before.values()
    assert sorted(read_series(db).n_facts) == [1, 2]


STORMS = ("Alvira", "Brontel", "Corvane", "Dumelle", "Estrand", "Fionor")


def story(k: int, articles: int, first_day: int) -> list[ArticleRecord]:
    """A storm's toll told by ``articles`` articles a day apart, with names of its own."""
    storm, town = STORMS[k], STORMS[k][::-1].capitalize()
    out = []
    for n in range(articles):
        published = f"2025-03-{first_day + n:02d}"
        evidence = f"Le cyclone {storm} a fait {10 + 5 * n} morts à {town}, selon la préfecture."
        rows = [chido(f"{storm}-{n}", 10 + 5 * n, published, where=town, evidence=evidence)]
        if n % 2 == 0:
            evidence = f"À {town}, le cyclone {storm} a laissé {3 + k} disparus, selon la préfecture."
            rows.append(chido(f"{storm}-{n}", 3 + k, published, fact_id=2, who="disparus", unit="disparus",
                              event_type="missing", where=town, evidence=evidence))
        out.append(record(f"{storm}-{n}", rows))
    return out


def partition(df: pd.DataFrame) -> set[frozenset]:
    groups = df.groupby("series_id").apply(lambda g: frozenset(zip(g.article_id, g.fact_id.astype(int), strict=True)),
                                           include_groups=False)
    return set(groups)


def test_the_store_groups_a_few_stories_at_a_time_as_the_whole_batch_does(db, monkeypatch):
    monkeypatch.setattr(series_store, "CHUNK_FACTS", 4)  # several chunks
    run = db.begin_run(["in"], engine="local", workers=1, version="t")
    db.commit(run, [r for k in range(5) for r in story(k, 3, 2 + 3 * k)])
    update_series(db)
    stored = db.query("SELECT * FROM facts")
    whole = assign_series_by_language(stored.drop(columns=["series_id", "claim_id"]))
    assert partition(stored) == partition(whole)
    assert dict(zip(stored.fact_id.astype(str) + stored.article_id, stored.series_id, strict=True)) == dict(
        zip(whole.fact_id.astype(str) + whole.article_id, whole.series_id, strict=True))
    assert len(partition(stored)) == 10  # each storm: its toll and its missing
    # one more article of one story: that story alone is regrouped, the grouping still the whole batch's
    run = db.begin_run(["in"], engine="local", workers=1, version="t")
    db.commit(run, story(5, 1, 20) + [story(2, 4, 8)[3]])
    update = update_series(db)
    assert update.facts_regrouped == 5 + 1 + 2  # Corvane's five facts and its new one, Fionor's two
    stored = db.query("SELECT * FROM facts")
    assert partition(stored) == partition(assign_series_by_language(stored.drop(columns=["series_id", "claim_id"])))
    assert db.query("SELECT sum(n_facts) FROM series").iloc[0, 0] == len(stored)


def test_a_replaced_article_regroups_the_series_it_left(db):
    run = db.begin_run(["in"], engine="local", workers=1, version="t")
    db.commit(run, [record("a", [chido("a", 35, "2025-03-10")]), record("b", [chido("b", 35, "2025-03-11")])])
    update_series(db)
    assert read_series(db).status.tolist() == ["agreed"]
    run = db.begin_run(["in"], engine="local", workers=1, version="t")
    new = record("b", [chido("b", 12, "2025-03-11", who="disparus", unit="disparus", event_type="missing")])
    new.content_hash = "h-b2"
    db.commit(run, [new])
    update_series(db)
    series = read_series(db)
    assert sorted(series.status) == ["single", "single"] and series.n_facts.sum() == 2
    assert db.query("SELECT count(*) FROM facts WHERE series_id IS NULL").iloc[0, 0] == 0


def test_run_and_export_write_claims_and_series_beside_facts(nlp, shared, tmp_path):
    import pipeline

    out = tmp_path / "out"
    summary = pipeline.run([shared / "seeds"], out, nlp=nlp)
    names = sorted(p.name for p in summary.outputs)
    assert names == sorted(f"{t}.{f}" for t in ("facts", "claims", "series") for f in ("csv", "parquet", "jsonl"))
    facts = pd.read_parquet(out / "facts.parquet")
    assert facts.series_id.notna().all() and facts.claim_id.notna().all()
    series = pd.read_parquet(out / "series.parquet")
    assert sorted(series.n_articles) == [1, 1, 1, 2, 2, 2, 2]
    runner = CliRunner()
    store = str(out / "faits.duckdb")
    result = runner.invoke(app, ["claims", "-s", store, "-m", "2", "-f", "csv"])
    assert result.exit_code == 0 and len(result.stdout.strip().splitlines()) == 5
    result = runner.invoke(app, ["claims", "-s", store, "--status", "agreed", "--claims", "-f", "jsonl"])
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 4 and all(len(c["article_ids"]) == 2 and len(c["first_published"]) == 10 for c in lines)
    result = runner.invoke(app, ["claims", "-s", store, "--status", "contested"])
    assert result.exit_code == 2
    assert "'contested' is not one of 'single', 'agreed', 'updated', 'disputed'" in result.output
    result = runner.invoke(app, ["query", "-s", store, "-f", "csv",
                                 "SELECT count(*) AS n FROM claims WHERE n_articles = 2"])
    assert result.stdout.strip().splitlines()[-1] == "4"
    result = runner.invoke(app, ["report", "-s", store, "-o", str(tmp_path / "series.html")])
    assert result.exit_code == 0
    assert (tmp_path / "series.html").read_text(encoding="utf-8").count('<figure class="timeline"') == 4
    exported = pipeline.export(store, tmp_path / "again", ["jsonl"])
    assert sorted(p.name for p in exported) == ["claims.jsonl", "facts.jsonl", "series.jsonl"]


def test_claims_and_series_of_a_store_larger_than_duckdbs_memory_limit_are_read(tmp_path):
    """A 20,000-article store's claims ran DuckDB out of its memory limit under an ORDER BY: they stream."""
    from pipeline.series_store import read_claims, read_series
    from pipeline.store import Store

    with Store(tmp_path / "big.duckdb", memory_limit="16MB") as store:
        store._x("INSERT INTO claims SELECT 's' || (i % 5000)::VARCHAR, 's' || (i % 5000)::VARCHAR, 'killed', "
                 "repeat('habitants ', 30) || i::VARCHAR, 'Lyon', DATE '2025-01-01', DATE '2025-01-02', i, NULL, "
                 "'exact', 'habitants', 1, 1, ['préfecture'], ['a' || i::VARCHAR], "
                 "CASE WHEN i % 7 = 0 THEN NULL ELSE DATE '2025-01-01' + (i % 300)::INTEGER END, DATE '2025-01-03' "
                 "FROM range(120000) r(i)")
        store._x("INSERT INTO series SELECT 's' || i::VARCHAR, 'killed', repeat('habitants ', 30), 'Lyon', NULL, NULL, "
                 "'habitants', 1, (i % 4) + 1, 1, 1, 1, 1, NULL, NULL, 'single', 1, 'b' FROM range(60000) r(i)")
        claims = read_claims(store)
        series = read_series(store)
    assert len(claims) == 120000 and len(series) == 60000
    assert claims["series_id"].is_monotonic_increasing
    assert series["n_articles"].is_monotonic_decreasing
    assert claims["sources"].iloc[0] == ["préfecture"]


def test_claims_and_series_written_in_pieces_are_the_tables_written_whole(db, monkeypatch, tmp_path):
    run = db.begin_run(["in"], engine="local", workers=1, version="t")
    db.commit(run, [r for k in range(5) for r in story(k, 3, 2 + 3 * k)])
    update_series(db)
    formats = ["csv", "jsonl", "parquet"]
    whole = export_series(db, tmp_path / "whole", formats)
    monkeypatch.setattr(series_store, "READ_SERIES", 3)  # 10 series: four pieces
    pieces = export_series(db, tmp_path / "pieces", formats)
    for a, b in zip(whole, pieces, strict=True):
        if a.suffix == ".parquet":
            assert pd.read_parquet(a).equals(pd.read_parquet(b))
        else:
            assert a.read_text(encoding="utf-8") == b.read_text(encoding="utf-8")
    series = pd.read_csv(tmp_path / "pieces" / "series.csv")
    assert len(series) == 10 and series.n_articles.is_monotonic_decreasing
    claims = pd.read_csv(tmp_path / "pieces" / "claims.csv")
    assert claims.series_id.is_monotonic_increasing and set(claims.series_id) == set(series.series_id)


def test_two_articles_told_by_one_precise_figure_alone_are_one_story_in_the_store_too(db):
    # no name in common: the shared precise figure (and the week between them) tells the story
    a = chido("a", 137, "2025-03-10", where=None, evidence="Le séisme a fait 137 morts dans la nuit.")
    b = chido("b", 137, "2025-03-12", where=None, evidence="Selon le dernier bilan, 137 morts sont à déplorer.")
    run = db.begin_run(["in"], engine="local", workers=1, version="t")
    db.commit(run, [record("a", [a]), record("b", [b])])
    update_series(db)
    stored = db.query("SELECT * FROM facts")
    assert stored.series_id.nunique() == 1
    assert partition(stored) == partition(assign_series_by_language(stored.drop(columns=["series_id", "claim_id"])))


@pytest.mark.parametrize("stop_at", [1, 2])
def test_an_update_stopped_between_two_chunks_is_finished_by_the_next(db, monkeypatch, stop_at):
    monkeypatch.setattr(series_store, "CHUNK_FACTS", 4)
    run = db.begin_run(["in"], engine="local", workers=1, version="t")
    db.commit(run, [r for k in range(5) for r in story(k, 3, 2 + 3 * k)])
    update_series(db)
    run = db.begin_run(["in"], engine="local", workers=1, version="t")
    # Alvira's and Estrand's stories each get a new article, and one of Alvira's articles a new text that
    # tells another story (Alvira's series lose a fact: their rows go before any chunk)
    replaced = story(5, 1, 25)[0]
    replaced.article_id, replaced.content_hash = "Alvira-1", "h-new"
    for fact in replaced.rows:
        fact["article_id"] = "Alvira-1"
    db.commit(run, [story(0, 4, 2)[3], story(4, 4, 14)[3], replaced])
    regroup = series_store._regroup
    calls = []

    def stop(*args, **kwargs):
        calls.append(1)
        if len(calls) == stop_at:
            raise KeyboardInterrupt
        return regroup(*args, **kwargs)

    monkeypatch.setattr(series_store, "_regroup", stop)
    with pytest.raises(KeyboardInterrupt):
        update_series(db)
    monkeypatch.setattr(series_store, "_regroup", regroup)
    assert update_series(db).facts_regrouped > 0
    stored = db.query("SELECT * FROM facts")
    assert stored.series_id.notna().all()
    assert partition(stored) == partition(assign_series_by_language(stored.drop(columns=["series_id", "claim_id"])))
    assert db.query("SELECT sum(n_facts) FROM series").iloc[0, 0] == len(stored)
    assert update_series(db).facts_regrouped == 0
