"""The facts table: SPEC's columns in order, real dtypes, safe CSV, atomic writes."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline.errors import FaitsError
from pipeline.table import COLUMNS, facts_frame, write_table

SPEC_COLUMNS = [
    "article_id", "fact_id", "who", "what", "event_type", "how_many", "how_many_high", "qualifier",
    "unit", "when_start", "when_end", "when_text", "where", "source", "evidence", "char_start",
    "char_end", "published", "mentions", "confidence",
    "lang",  # SPEC section 8
]

ROW = {
    "article_id": "a", "fact_id": 1, "who": "=HYPERLINK(\"x\")", "what": "déployés", "event_type": "deployed",
    "how_many": 11000.0, "how_many_high": None, "qualifier": "approx", "unit": "soldats",
    "when_start": "2024-09-23", "when_end": "2024-12-20", "when_text": "à l'automne 2024", "where": "Koursk",
    "source": None, "evidence": "- environ 11 000 soldats", "char_start": 10, "char_end": 40,
    "published": date(2025, 6, 17), "mentions": 2, "confidence": 0.9, "mention_text": "environ 11 000",
}


def test_columns_follow_spec_in_order():
    assert COLUMNS == SPEC_COLUMNS
    df = facts_frame([ROW])
    assert list(df.columns[: len(SPEC_COLUMNS)]) == SPEC_COLUMNS


def test_parquet_has_real_dtypes_and_csv_is_spreadsheet_safe(tmp_path):
    df = facts_frame([ROW])
    write_table(df, tmp_path)
    schema = pq.read_schema(tmp_path / "facts.parquet")
    assert str(schema.field("when_start").type) == "date32[day]"
    assert str(schema.field("published").type) == "date32[day]"
    assert str(schema.field("how_many").type) == "double"
    assert str(schema.field("fact_id").type) == "int64"
    back = pd.read_parquet(tmp_path / "facts.parquet")
    assert back.loc[0, "when_start"] == date(2024, 9, 23)
    assert back.loc[0, "who"] == ROW["who"]  # Parquet keeps the exact text
    csv = pd.read_csv(tmp_path / "facts.csv")
    assert csv.loc[0, "who"].startswith("'=")
    assert csv.loc[0, "evidence"].startswith("'-")
    assert csv.loc[0, "when_end"] == "2024-12-20"
    line = json.loads((tmp_path / "facts.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert line["who"] == ROW["who"] and line["when_start"] == "2024-09-23" and line["how_many_high"] is None


def test_empty_table_still_has_the_columns(tmp_path):
    write_table(facts_frame([]), tmp_path, formats=("csv", "parquet"))
    assert list(pd.read_parquet(tmp_path / "facts.parquet").columns)[: len(SPEC_COLUMNS)] == SPEC_COLUMNS
    assert (tmp_path / "facts.csv").read_text().startswith("article_id,fact_id,who")


def test_no_temporary_file_is_left_and_bad_format_is_refused(tmp_path):
    write_table(facts_frame([ROW]), tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["facts.csv", "facts.jsonl", "facts.parquet"]
    with pytest.raises(FaitsError, match="Allowed: csv, parquet, jsonl, xlsx"):
        write_table(facts_frame([ROW]), tmp_path, formats=("docx",))


def test_unwritable_output_directory_is_reported(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(FaitsError, match="not writable"):
        write_table(facts_frame([ROW]), blocker / "out")
