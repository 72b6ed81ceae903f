"""The whole pipeline on the seed articles (../shared), checked against their hand-labelled gold,
and the CLI on a folder mixing French and non-French input."""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import app

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def seeds_table(shared, nlp, tmp_path_factory):
    out = tmp_path_factory.mktemp("seeds-out")
    result = CliRunner().invoke(app, ["run", str(shared / "seeds"), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    return out


def _gold(shared):
    with open(shared / "gold" / "seeds.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def test_run_writes_three_tables_with_the_same_rows(seeds_table):
    csv = pd.read_csv(seeds_table / "facts.csv")
    parquet = pd.read_parquet(seeds_table / "facts.parquet")
    jsonl = pd.read_json(seeds_table / "facts.jsonl", lines=True)
    assert len(csv) == len(parquet) == len(jsonl) > 0
    assert list(parquet.columns[:3]) == ["article_id", "fact_id", "who"]


def test_every_gold_fact_is_found_with_its_qualifier_and_when(shared, seeds_table):
    table = pd.read_parquet(seeds_table / "facts.parquet")
    for article in _gold(shared):
        rows = table[table.article_id == article["article_id"]]
        for fact in article["facts"]:
            same = rows[rows.how_many.apply(lambda v, g=fact["how_many"]: math.isclose(v, g, rel_tol=1e-6))]
            assert len(same) >= 1, (article["article_id"], fact["evidence"])
            assert fact["qualifier"] in set(same.qualifier), fact["evidence"]
            if fact["when_start"]:
                whens = {(str(r.when_start), str(r.when_end)) for r in same.itertuples()}
                assert (fact["when_start"], fact["when_end"]) in whens, fact["evidence"]


def test_publication_date_and_offsets(shared, seeds_table):
    table = pd.read_parquet(seeds_table / "facts.parquet")
    lex = table[table.article_id == "lexpress-koursk-2025-06-17"]
    assert set(lex.published.astype(str)) == {"2025-06-17"}
    other = table[table.article_id == "koursk-renseignement-britannique"]
    assert other.published.isna().all()
    from pipeline.ingest import read_file

    article = next(read_file(shared / "seeds" / "lexpress-koursk-2025-06-17.txt"))
    for row in lex.itertuples():
        assert article.text[row.char_start : row.char_end].strip() == row.evidence


def test_an_article_outside_the_run_languages_is_reported_and_skipped(nlp, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "fr.txt").write_text(
        "Inondations dans le Gard\n\nAu moins 12 personnes ont été évacuées dimanche à Nîmes, "
        "selon la préfecture.", encoding="utf-8")
    (folder / "en.txt").write_text(
        "Floods in the south\n\nAt least 12 people were evacuated on Sunday in Nimes, the "
        "prefecture said in a statement released this morning.", encoding="utf-8")
    # English is a language of faits (SPEC section 8), but not of this run
    result = CliRunner().invoke(app, ["run", str(folder), "-o", str(tmp_path / "out"), "--lang", "fr"])
    assert result.exit_code == 0, result.output
    assert "en.txt" in result.output and "'en'" in result.output
    table = pd.read_parquet(tmp_path / "out" / "facts.parquet")
    assert set(table.article_id) == {"fr"}
    assert table.loc[0, "how_many"] == 12 and table.loc[0, "qualifier"] == "at_least"


def test_nothing_to_do_exits_non_zero(tmp_path):
    result = CliRunner().invoke(app, ["run", str(tmp_path / "missing"), "-o", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 1
    assert "does not exist" in result.output or "no article" in result.output


def test_python_api_accepts_texts(nlp):
    from pipeline import extract

    df = extract("Près de 300 familles ont été relogées la semaine dernière à Lille.")
    assert df.loc[0, "how_many"] == 300 and df.loc[0, "qualifier"] == "approx"
    assert df.loc[0, "event_type"] == "displaced"
