"""The values the command line and the Python API both accept, in a module that imports nothing heavy.

``faits --help`` and the option types of :mod:`pipeline.cli` read these
without loading pandas, pyarrow or spaCy.
"""

from __future__ import annotations

import importlib.util

# table formats: one file per table and format (facts.csv, claims.xlsx, ...)
FORMATS = ("csv", "parquet", "jsonl", "xlsx")
DEFAULT_FORMATS = ("csv", "parquet", "jsonl")
# what `faits export` also writes: Label Studio tasks with the facts as predictions (labelstudio.json)
EXPORT_FORMATS = (*FORMATS, "labelstudio")

# CSV flavours: "standard" is what pandas and most tools read (comma, UTF-8 without BOM, dot
# decimals); "excel-fr" is what a French-locale spreadsheet opens as is (BOM, semicolon, decimal comma)
CSV_DIALECTS = ("standard", "excel-fr")
DEFAULT_CSV_DIALECT = "standard"

ENGINES = ("local", "dask")


def missing_extra(formats) -> str | None:
    """The optional extra a format needs that is not installed (``xlsx`` needs openpyxl), or None."""
    if "xlsx" in formats and importlib.util.find_spec("openpyxl") is None:
        return "xlsx"
    return None


__all__ = ["CSV_DIALECTS", "DEFAULT_CSV_DIALECT", "DEFAULT_FORMATS", "ENGINES", "EXPORT_FORMATS", "FORMATS",
           "missing_extra"]
