"""The facts table: SPEC's columns, in order, with real dtypes, and its writers.

Writers are atomic (a temporary file renamed into place), so a crash never
leaves a half-written table. In CSV and xlsx, a text cell that a spreadsheet
would run as a formula is prefixed with an apostrophe (:func:`spreadsheet_safe`);
Parquet and JSONL keep the exact text. xlsx (openpyxl, the extra ``faits[xlsx]``)
stores dates as dates and numbers as numbers, every text cell typed as text.
CSV comes in two dialects (:data:`CSV_DIALECTS`): ``standard`` for pandas and
most tools, ``excel-fr`` for a French-locale spreadsheet.
"""

from __future__ import annotations

import contextlib
import csv
import math
import os
import re
import tempfile
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .errors import Errors, FaitsError
from .options import CSV_DIALECTS, DEFAULT_CSV_DIALECT, DEFAULT_FORMATS, FORMATS, missing_extra
from .schema import (
    ALL_COLUMNS,
    ARROW_SCHEMA,
    COLUMNS,
    DATE_COLUMNS,
    EXTRA_COLUMNS,
    FLOAT_COLUMNS,
    INT_COLUMNS,
    TEXT_COLUMNS,
)

__all__ = [
    "ARROW_SCHEMA", "COLUMNS", "CSV_DIALECTS", "DEFAULT_FORMATS", "EXTRA_COLUMNS", "FORMATS", "CsvDialect",
    "XlsxWriter", "check_formats", "dialect_of", "facts_frame", "spreadsheet_safe", "write_table",
    "write_table_chunks",
]

@dataclass(frozen=True)
class CsvDialect:
    """How a CSV is written: separator, decimal mark, encoding (``utf-8-sig`` writes a BOM), line end."""

    sep: str
    decimal: str
    encoding: str
    line_end: str


_CSV_DIALECTS = {
    "standard": CsvDialect(sep=",", decimal=".", encoding="utf-8", line_end="\n"),
    # a French-locale Excel opens this as is: the BOM says UTF-8, ';' since ',' is the decimal mark,
    # and CRLF line ends, Excel's own
    "excel-fr": CsvDialect(sep=";", decimal=",", encoding="utf-8-sig", line_end="\r\n"),
}


def dialect_of(name: str) -> CsvDialect:
    """The CSV dialect called ``name`` (one of :data:`CSV_DIALECTS`)."""
    if name not in _CSV_DIALECTS:
        raise FaitsError(Errors.E100.format(dialect=name, allowed=", ".join(CSV_DIALECTS)))
    return _CSV_DIALECTS[name]


def check_formats(formats: Iterable[str]) -> tuple[str, ...]:
    """The formats, once each is known and its extra installed; said before any work."""
    formats = tuple(formats)
    bad = [f for f in formats if f not in FORMATS]
    if bad:
        raise FaitsError(Errors.E032.format(fmt=bad[0], allowed=", ".join(FORMATS)))
    extra = missing_extra(formats)
    if extra:
        raise FaitsError(Errors.E101.format(extra=extra))
    return formats


def facts_frame(rows: list[dict] | pd.DataFrame) -> pd.DataFrame:
    """Rows (dicts, or a frame, with at least SPEC's columns) → a typed DataFrame with SPEC's column order."""
    df = pd.DataFrame(rows, columns=ALL_COLUMNS)
    for col in TEXT_COLUMNS:
        df[col] = df[col].astype("string")
    for col in INT_COLUMNS:
        df[col] = df[col].astype("Int64")
    for col in FLOAT_COLUMNS:
        df[col] = pd.to_numeric(df[col], errors="coerce").astype("float64")
    for col in DATE_COLUMNS:
        df[col] = pd.to_datetime(df[col], errors="coerce").astype("datetime64[s]")
    return df


# What OWASP's CSV Injection page lists as the start of a cell a spreadsheet may run as a formula:
# = + - @, and tab and carriage return (a formula can follow them).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """A text cell a spreadsheet would run as a formula, prefixed with an apostrophe; anything else as is.

    Only text is escaped: a number (a negative one too) stays a number.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _to_arrow(df: pd.DataFrame) -> pa.Table:
    plain = df.copy()
    for col in DATE_COLUMNS:
        plain[col] = plain[col].dt.date.astype(object).where(plain[col].notna(), None)
    for col in plain.columns:
        plain[col] = plain[col].astype(object).where(plain[col].notna(), None)
    return pa.Table.from_pandas(plain, schema=ARROW_SCHEMA, preserve_index=False)


def writable_dir(out_dir: Path) -> Path:
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise FaitsError(Errors.E082.format(path=out_dir))
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        probe = tempfile.NamedTemporaryFile(dir=out_dir, prefix=".probe.", delete=True)
        probe.close()
    except OSError as e:
        raise FaitsError(Errors.E031.format(path=out_dir, error=e.strerror or e)) from e
    return out_dir


def _csv_chunk(df: pd.DataFrame) -> pd.DataFrame:
    safe = df.copy()
    for col in TEXT_COLUMNS:
        safe[col] = safe[col].map(spreadsheet_safe, na_action="ignore")
    for col in DATE_COLUMNS:
        safe[col] = safe[col].dt.strftime("%Y-%m-%d")
    return safe


def write_csv(df: pd.DataFrame, handle, dialect: CsvDialect, header: bool) -> None:
    """One piece of a table (dates already text, text already escaped) to an open CSV file."""
    quoting = csv.QUOTE_MINIMAL
    if "\r" not in dialect.line_end and _holds_cr(df):
        # the csv module quotes a cell holding its line end's characters only, and most readers end a
        # row at a bare CR: such a piece has all its text quoted (numbers stay bare)
        quoting = csv.QUOTE_NONNUMERIC
    df.to_csv(handle, index=False, header=header, sep=dialect.sep, decimal=dialect.decimal,
              lineterminator=dialect.line_end, quoting=quoting)


def _holds_cr(df: pd.DataFrame) -> bool:
    return any(
        df[col].str.contains("\r", regex=False, na=False).any()
        for col in df.columns if pd.api.types.is_string_dtype(df[col]) and not df[col].isna().all()
    )


# a sheet's rows in Excel, the header's included
XLSX_MAX_ROWS = 1_048_576 - 1


class XlsxWriter:
    """One table as one sheet of an xlsx file, written a piece at a time (openpyxl's write-only mode).

    Text cells are typed as text (never a formula, and escaped as in CSV), dates are Excel dates,
    numbers numbers, booleans booleans; the header row is frozen. ``close`` saves the file,
    ``discard`` drops it.
    """

    def __init__(self, path: Path, sheet: str, columns: list[str]):
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
        from openpyxl.styles import Font

        self._cell = WriteOnlyCell
        self._illegal = ILLEGAL_CHARACTERS_RE
        self.path = path
        self.book = Workbook(write_only=True)
        self.sheet = self.book.create_sheet(sheet)
        self.sheet.freeze_panes = "A2"
        bold = Font(bold=True)
        header = []
        for name in columns:
            cell = WriteOnlyCell(self.sheet, value=name)
            cell.font = bold
            header.append(cell)
        self.sheet.append(header)
        self.columns = columns
        self.rows = 0
        self._open = True

    def write(self, df: pd.DataFrame) -> None:
        self.rows += len(df)
        if self.rows > XLSX_MAX_ROWS:
            raise FaitsError(Errors.E102.format(table=self.sheet.title, rows=XLSX_MAX_ROWS))
        for row in df[self.columns].itertuples(index=False, name=None):
            self.sheet.append([self._value(v) for v in row])

    def _value(self, value):
        if value is None or value is pd.NA or value is pd.NaT:
            return None
        if isinstance(value, str):
            # control characters other than tab and line ends cannot be stored in an xlsx file
            cell = self._cell(self.sheet, value=self._illegal.sub("", spreadsheet_safe(value)))
            cell.data_type = "s"
            return cell
        if isinstance(value, (bool, np.bool_)):
            return bool(value)
        if isinstance(value, (int, np.integer)):
            return int(value)
        if isinstance(value, (float, np.floating)):
            return None if math.isnan(value) else float(value)
        if isinstance(value, (pd.Timestamp, datetime)):
            return value.date()  # the tables' dates are days
        if isinstance(value, date):
            return value
        return self._value(str(value))

    def close(self) -> None:
        if self._open:
            self._open = False
            self.book.save(str(self.path))

    def discard(self) -> None:
        if self._open:
            self._open = False
            with contextlib.suppress(Exception):
                self.sheet.close()  # ends openpyxl's stream of rows
                if self.sheet._writer is not None:  # and removes its temporary file now, not at exit
                    self.sheet._writer.cleanup()


def _jsonl_chunk(df: pd.DataFrame) -> str:
    if df.empty:
        return ""
    plain = df.copy()
    for col in DATE_COLUMNS:
        plain[col] = plain[col].dt.strftime("%Y-%m-%d")
    text = plain.to_json(orient="records", lines=True, force_ascii=False)
    return text if text.endswith("\n") else text + "\n"


def write_table(df: pd.DataFrame, out_dir: Path, formats=DEFAULT_FORMATS, stem: str = "facts", *,
                csv_dialect: str = DEFAULT_CSV_DIALECT) -> list[Path]:
    """Write ``df`` as ``<stem>.csv|.parquet|.jsonl|.xlsx`` under ``out_dir``; returns the paths."""
    return write_table_chunks([df], out_dir, formats, stem, csv_dialect=csv_dialect)


def write_table_chunks(
    frames: Iterable[pd.DataFrame], out_dir: Path, formats=DEFAULT_FORMATS, stem: str = "facts", *,
    csv_dialect: str = DEFAULT_CSV_DIALECT,
) -> list[Path]:
    """Like :func:`write_table` for a table that comes in pieces (each a :func:`facts_frame`).

    Memory holds one piece at a time, so a table larger than memory can be
    written; each file is still written to a temporary name and renamed into
    place only once complete.
    """
    formats = check_formats(formats)
    dialect = dialect_of(csv_dialect)
    out_dir = writable_dir(out_dir)
    _remove_stale_temps(out_dir, stem)
    temps: dict[str, Path] = {}
    handles: dict = {}
    try:
        for fmt in formats:
            # a fresh name opened exclusively, not mkstemp: its 0600 mode would outlive the rename
            tmp = out_dir / f".{stem}.{fmt}.{os.getpid()}.{uuid.uuid4().hex}.tmp"
            encoding = dialect.encoding if fmt == "csv" else "utf-8"
            handle = open(tmp, "x", encoding=encoding, newline="")  # closed in finally
            temps[fmt] = tmp
            if fmt == "parquet":
                handle.close()
                handle = pq.ParquetWriter(str(tmp), ARROW_SCHEMA)
            elif fmt == "xlsx":
                handle.close()
                handle = XlsxWriter(tmp, stem, ALL_COLUMNS)
            handles[fmt] = handle
        first = True
        for df in _at_least_one(frames):
            for fmt in formats:
                if fmt == "csv":
                    write_csv(_csv_chunk(df), handles[fmt], dialect, header=first)
                elif fmt == "parquet":
                    handles[fmt].write_table(_to_arrow(df))
                elif fmt == "xlsx":
                    handles[fmt].write(df)
                else:
                    handles[fmt].write(_jsonl_chunk(df))
            first = False
        for handle in handles.values():
            handle.close()
        handles.clear()
        written = []
        for fmt in formats:
            path = out_dir / f"{stem}.{fmt}"
            os.replace(temps[fmt], path)
            del temps[fmt]
            written.append(path)
        return written
    except OSError as e:
        # a full disk, a directory where the file should be: said about the file, temporary files removed
        where = e.filename if getattr(e, "filename", None) else out_dir
        if getattr(e, "filename2", None):
            where = e.filename2
        raise FaitsError(Errors.E083.format(path=where, error=e.strerror or e)) from e
    finally:
        for handle in handles.values():
            # a failed write leaves no file: an xlsx workbook is dropped, not saved
            getattr(handle, "discard", handle.close)()
        for tmp in temps.values():
            tmp.unlink(missing_ok=True)


_TEMP_NAME = re.compile(r"\.(?P<stem>.+)\.(?:csv|parquet|jsonl|xlsx)\.(?P<pid>\d+)\.[0-9a-f]{32}\.tmp")


def _remove_stale_temps(out_dir: Path, stem: str) -> None:
    """Temporary tables left by a writer that was killed (kill -9 runs no cleanup): those whose
    process is gone. A writer still alive (another faits exporting here) keeps its own."""
    for path in out_dir.glob(f".{stem}.*.tmp"):
        m = _TEMP_NAME.fullmatch(path.name)
        if m is None or m.group("stem") != stem or _alive(int(m.group("pid"))):
            continue
        path.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's process
    return True


def _at_least_one(frames: Iterable[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    """The pieces, or one empty table when there are none (an empty table still has its header)."""
    empty = True
    for df in frames:
        empty = False
        yield df
    if empty:
        yield facts_frame([])
