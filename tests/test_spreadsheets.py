"""Tables for spreadsheets: xlsx with real types, the excel-fr CSV flavour, the formula escape (OWASP)."""

from __future__ import annotations

import importlib.util
from datetime import date

import pandas as pd
import pyarrow as pa
import pytest
from typer.testing import CliRunner

from pipeline.claims import CLAIMS_SCHEMA, write_frame
from pipeline.cli import app
from pipeline.errors import FaitsError
from pipeline.table import FORMULA_STARTS, XlsxWriter, facts_frame, spreadsheet_safe, write_table

openpyxl = pytest.importorskip("openpyxl")

# two facts written for these tests: a formula-looking who, a negative figure, a missing date
ROWS = [
    {"article_id": "tableur-1", "fact_id": 1, "who": '=HYPERLINK("http://x.test","clic")', "what": "évacués",
     "event_type": "displaced", "how_many": 1250.5, "how_many_high": None, "qualifier": "approx",
     "unit": "habitants", "when_start": "2025-03-01", "when_end": "2025-03-31", "when_text": "en mars 2025",
     "where": "Besançon", "source": "@préfecture", "evidence": "Environ 1 250,5 habitants évacués en mars 2025.",
     "char_start": 0, "char_end": 47, "published": date(2025, 4, 2), "mentions": 1, "confidence": 0.625},
    {"article_id": "tableur-2", "fact_id": 1, "who": "visiteurs", "what": "baisse", "event_type": "other",
     "how_many": -12.0, "how_many_high": None, "qualifier": "exact", "unit": "%", "when_start": None,
     "when_end": None, "when_text": None, "where": None, "source": None,
     "evidence": "-12 % de visiteurs, une baisse nette.", "char_start": 3, "char_end": 40,
     "published": date(2025, 4, 3), "mentions": 2, "confidence": 0.4},
]


@pytest.fixture
def frame() -> pd.DataFrame:
    return facts_frame(ROWS)


def test_xlsx_reads_back_in_pandas_with_real_dtypes(frame, tmp_path):
    (path,) = write_table(frame, tmp_path, formats=("xlsx",))
    assert path.name == "facts.xlsx"
    back = pd.read_excel(path, sheet_name="facts")
    assert list(back.columns) == list(frame.columns)
    for col in ("when_start", "when_end", "published"):
        assert pd.api.types.is_datetime64_any_dtype(back[col]), col
    for col in ("how_many", "how_many_high", "confidence"):
        assert back[col].dtype == "float64", col
    for col in ("article_id", "what", "evidence"):
        assert pd.api.types.is_string_dtype(back[col]), col  # object, or str under pandas 3
    assert back.loc[0, "when_start"] == pd.Timestamp(2025, 3, 1)
    assert pd.isna(back.loc[1, "when_start"])
    assert back.loc[0, "published"] == pd.Timestamp(2025, 4, 2)
    assert back["how_many"].tolist() == [1250.5, -12.0]  # a negative figure stays a number
    assert back.loc[0, "what"] == "évacués" and back.loc[0, "where"] == "Besançon"
    assert back["fact_id"].tolist() == [1, 1] and back["mentions"].tolist() == [1, 2]


def test_whole_figures_are_numbers_in_xlsx(tmp_path):
    # Excel has one kind of number: pandas reads a column of whole numbers as int64, and as float when asked
    rows = [{**ROWS[0], "how_many": 6000.0}, {**ROWS[1], "how_many": -3.0}]
    (path,) = write_table(facts_frame(rows), tmp_path, formats=("xlsx",))
    assert pd.read_excel(path)["how_many"].tolist() == [6000, -3]
    back = pd.read_excel(path, dtype={"how_many": float})
    assert back["how_many"].dtype == "float64" and back["how_many"].tolist() == [6000.0, -3.0]


def test_xlsx_cells_are_typed_and_formulas_stay_text(frame, tmp_path):
    (path,) = write_table(frame, tmp_path, formats=("xlsx",))
    sheet = openpyxl.load_workbook(path)["facts"]
    header = [c.value for c in sheet[1]]
    cell = dict(zip(header, sheet[2], strict=True))
    assert cell["who"].data_type == "s" and cell["who"].value == "'" + ROWS[0]["who"]
    assert cell["source"].data_type == "s" and cell["source"].value == "'@préfecture"
    assert cell["how_many"].data_type == "n" and cell["how_many"].value == 1250.5
    assert cell["when_start"].is_date and cell["published"].value.date() == date(2025, 4, 2)
    second = dict(zip(header, sheet[3], strict=True))
    assert second["how_many"].data_type == "n" and second["how_many"].value == -12
    assert second["evidence"].value.startswith("'-12 %")
    assert not any(c.data_type == "f" for row in sheet.iter_rows() for c in row)
    assert sheet.freeze_panes == "A2"


def test_xlsx_booleans_stay_booleans_and_a_sheet_too_long_is_refused(tmp_path, monkeypatch):
    writer = XlsxWriter(tmp_path / "t.xlsx", "t", ["flag", "n", "day"])
    writer.write(pd.DataFrame({"flag": [True, False], "n": pd.array([1, None], dtype="Int64"),
                               "day": pd.to_datetime(["2025-01-02", None])}))
    writer.close()
    sheet = openpyxl.load_workbook(tmp_path / "t.xlsx")["t"]
    assert [c.data_type for c in sheet[2]] == ["b", "n", "d"] and sheet["A3"].value is False
    assert sheet["B3"].value is None and sheet["C3"].value is None
    monkeypatch.setattr("pipeline.table.XLSX_MAX_ROWS", 1)
    with pytest.raises(FaitsError, match="the facts table as xlsx: a sheet holds at most 1 rows"):
        write_table(facts_frame(ROWS), tmp_path / "long", formats=("csv", "xlsx"))
    assert list((tmp_path / "long").iterdir()) == []  # neither table, no temporary file


def test_xlsx_of_a_claims_table_keeps_lists_and_dates(tmp_path):
    claims = pd.DataFrame([{
        "claim_id": "s0-40", "series_id": "s0", "event_type": "wounded", "who": "blessés", "where": "Lyon",
        "when_start": pd.Timestamp(2025, 5, 1), "when_end": pd.Timestamp(2025, 5, 1), "how_many": 40.0,
        "how_many_high": None, "qualifier": "exact", "unit": "blessés", "n_facts": 2, "n_articles": 2,
        "sources": ["+pompiers", "mairie"], "article_ids": ["a", "b"],
        "first_published": pd.Timestamp(2025, 5, 2), "last_published": pd.Timestamp(2025, 5, 3)}],
        columns=CLAIMS_SCHEMA.names)
    for field in CLAIMS_SCHEMA:
        if field.type == pa.date32():
            claims[field.name] = claims[field.name].astype("datetime64[s]")
    paths = write_frame(claims, CLAIMS_SCHEMA, tmp_path, ["xlsx", "csv"], "claims", csv_dialect="excel-fr")
    assert [p.name for p in paths] == ["claims.xlsx", "claims.csv"]
    back = pd.read_excel(tmp_path / "claims.xlsx")
    assert pd.api.types.is_datetime64_any_dtype(back["first_published"])
    assert back.loc[0, "sources"] == "'+pompiers; mairie" and back.loc[0, "n_articles"] == 2
    raw = (tmp_path / "claims.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b";40,0;" in raw


def test_excel_csv_flavour_reads_back_as_the_standard_csv(frame, tmp_path):
    write_table(frame, tmp_path / "std", formats=("csv",))
    write_table(frame, tmp_path / "fr", formats=("csv",), csv_dialect="excel-fr")
    raw = (tmp_path / "fr" / "facts.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw[3:].startswith(b"article_id;fact_id;who;")
    assert "1250,5" in raw.decode("utf-8-sig") and "Besançon" in raw.decode("utf-8-sig")
    standard = (tmp_path / "std" / "facts.csv").read_bytes()
    assert not standard.startswith(b"\xef\xbb\xbf") and standard.startswith(b"article_id,fact_id,who,")
    excel = pd.read_csv(tmp_path / "fr" / "facts.csv", sep=";", decimal=",", encoding="utf-8-sig")
    pd.testing.assert_frame_equal(excel, pd.read_csv(tmp_path / "std" / "facts.csv"))
    assert excel["how_many"].tolist() == [1250.5, -12.0]
    assert excel.loc[0, "when_start"] == "2025-03-01" and excel.loc[0, "who"] == "'" + ROWS[0]["who"]
    with pytest.raises(FaitsError, match="Unknown CSV dialect 'excel-de'"):
        write_table(frame, tmp_path, formats=("csv",), csv_dialect="excel-de")


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_every_owasp_formula_start_is_escaped(start, tmp_path):
    text = f"{start}1+1 soldats"
    assert spreadsheet_safe(text) == "'" + text
    assert start in FORMULA_STARTS
    write_table(facts_frame([{**ROWS[1], "who": text}]), tmp_path, formats=("csv", "xlsx"))
    assert pd.read_csv(tmp_path / "facts.csv", keep_default_na=False).loc[0, "who"] == "'" + text
    cell = openpyxl.load_workbook(tmp_path / "facts.xlsx")["facts"]["C2"]
    assert cell.data_type == "s" and cell.value == "'" + text


@pytest.mark.parametrize("value", ["12 morts", "a=b", "", " =1", "'déjà", -5.0, 3, None])
def test_what_cannot_start_a_formula_is_left_alone(value):
    assert spreadsheet_safe(value) == value


def test_xlsx_without_openpyxl_is_refused_before_any_work(tmp_path, monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "openpyxl" else real(name, *a))
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(tmp_path), "-o", str(out), "-f", "xlsx"])
    assert result.exit_code == 2 and "faits[xlsx]" in result.output and not out.exists()
    result = CliRunner().invoke(app, ["export", "-o", str(out), "-f", "csv", "-f", "xlsx"])
    assert result.exit_code == 2 and "openpyxl" in result.output and not out.exists()
    with pytest.raises(FaitsError, match=r"faits\[xlsx\]"):
        write_table(facts_frame(ROWS), out, formats=("xlsx",))
    from pipeline.api import run

    with pytest.raises(FaitsError, match="needs openpyxl"):
        run([tmp_path], out, formats=["csv", "xlsx"])
    assert not out.exists()  # neither tables nor store
