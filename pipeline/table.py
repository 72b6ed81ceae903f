"""The facts table: SPEC's columns, in order, with real dtypes, and its writers.

Writers are atomic (a temporary file renamed into place), so a crash never
leaves a half-written table. In CSV only, a text cell that a spreadsheet
would run as a formula is prefixed with an apostrophe; Parquet and JSONL
keep the exact text.
"""

from __future__ import annotations

import os
import re
import tempfile
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .errors import Errors, FaitsError
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

__all__ = ["ARROW_SCHEMA", "COLUMNS", "EXTRA_COLUMNS", "FORMATS", "facts_frame", "write_table", "write_table_chunks"]

FORMATS = ("csv", "parquet", "jsonl")


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


def _spreadsheet_safe(value):
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
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
        safe[col] = safe[col].map(_spreadsheet_safe, na_action="ignore")
    for col in DATE_COLUMNS:
        safe[col] = safe[col].dt.strftime("%Y-%m-%d")
    return safe


def _jsonl_chunk(df: pd.DataFrame) -> str:
    if df.empty:
        return ""
    plain = df.copy()
    for col in DATE_COLUMNS:
        plain[col] = plain[col].dt.strftime("%Y-%m-%d")
    text = plain.to_json(orient="records", lines=True, force_ascii=False)
    return text if text.endswith("\n") else text + "\n"


def write_table(df: pd.DataFrame, out_dir: Path, formats=FORMATS, stem: str = "facts") -> list[Path]:
    """Write ``df`` as ``<stem>.csv|.parquet|.jsonl`` under ``out_dir``; returns the paths."""
    return write_table_chunks([df], out_dir, formats, stem)


def write_table_chunks(
    frames: Iterable[pd.DataFrame], out_dir: Path, formats=FORMATS, stem: str = "facts"
) -> list[Path]:
    """Like :func:`write_table` for a table that comes in pieces (each a :func:`facts_frame`).

    Memory holds one piece at a time, so a table larger than memory can be
    written; each file is still written to a temporary name and renamed into
    place only once complete.
    """
    formats = tuple(formats)
    bad = [f for f in formats if f not in FORMATS]
    if bad:
        raise FaitsError(Errors.E032.format(fmt=bad[0], allowed=", ".join(FORMATS)))
    out_dir = writable_dir(out_dir)
    _remove_stale_temps(out_dir, stem)
    temps: dict[str, Path] = {}
    handles: dict = {}
    try:
        for fmt in formats:
            # a fresh name opened exclusively, not mkstemp: its 0600 mode would outlive the rename
            tmp = out_dir / f".{stem}.{fmt}.{os.getpid()}.{uuid.uuid4().hex}.tmp"
            handle = open(tmp, "x", encoding="utf-8", newline="")  # closed in finally
            temps[fmt] = tmp
            if fmt == "parquet":
                handle.close()
                handle = pq.ParquetWriter(str(tmp), ARROW_SCHEMA)
            handles[fmt] = handle
        first = True
        for df in _at_least_one(frames):
            for fmt in formats:
                if fmt == "csv":
                    _csv_chunk(df).to_csv(handles[fmt], index=False, header=first)
                elif fmt == "parquet":
                    handles[fmt].write_table(_to_arrow(df))
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
            handle.close()
        for tmp in temps.values():
            tmp.unlink(missing_ok=True)


_TEMP_NAME = re.compile(r"\.(?P<stem>.+)\.(?:csv|parquet|jsonl)\.(?P<pid>\d+)\.[0-9a-f]{32}\.tmp")


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
