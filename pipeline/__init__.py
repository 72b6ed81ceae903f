"""faits: French news articles in, a tidy table of facts out (who, what, how many, when, where, says who)."""

from .api import claims, export, extract, extract_with_mentions, extract_with_summary, query, report, run
from .claims import claims_frame, series_frame
from .dates import DateInterval, find_dates, normalize_date
from .evaluation import evaluate
from .ingest import Article, Skipped, read_inputs
from .nlp import load_nlp
from .numbers import Quantity, find_quantities, normalize_number
from .series import assign_series
from .table import COLUMNS

__all__ = [
    "COLUMNS", "Article", "DateInterval", "Quantity", "Skipped", "assign_series", "claims", "claims_frame",
    "evaluate", "export", "extract", "extract_with_mentions", "extract_with_summary", "find_dates", "find_quantities",
    "load_nlp", "normalize_date", "normalize_number", "query", "read_inputs", "report", "run", "series_frame",
]
__version__ = "0.1.0"
