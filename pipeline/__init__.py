"""faits: news articles in (French, English), a tidy table of facts out (who, what, how many, when, where, says who).

The names below are imported on first use (PEP 562), so that ``faits --help``
and ``import pipeline.cli`` load neither spaCy nor pandas.
"""

from __future__ import annotations

import importlib

# each public name and the module it comes from
_PUBLIC = {
    "claims": "api", "export": "api", "extract": "api", "extract_with_mentions": "api",
    "extract_with_summary": "api", "query": "api", "report": "api", "run": "api",
    "claims_frame": "claims", "series_frame": "claims",
    "DateInterval": "dates", "find_dates": "dates", "normalize_date": "dates",
    "evaluate": "evaluation",
    "Article": "ingest", "Skipped": "ingest", "read_inputs": "ingest",
    "load_nlp": "nlp",
    "Quantity": "numbers", "find_quantities": "numbers", "normalize_number": "numbers",
    "assign_series": "series",
    "COLUMNS": "table",
}

__all__ = sorted(_PUBLIC)
__version__ = "0.1.0"


def __getattr__(name: str):
    if name not in _PUBLIC:
        raise AttributeError(f"module 'pipeline' has no attribute '{name}'")
    # the whole API at once, as an eager import would: pipeline.claims and pipeline.report are then the
    # API's functions, not the modules of the same names that importing the API loads
    for public, module in _PUBLIC.items():
        globals()[public] = getattr(importlib.import_module(f".{module}", __name__), public)
    return globals()[name]


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_PUBLIC))
