"""Every Doc/Span extension faits sets, declared in one place.

Values are JSON-safe (dicts of str, int, float, ISO date strings), so Docs
keep them through ``to_bytes`` and across processes (``n_process``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

DOC_EXTENSIONS = {
    # set by the caller before the pipeline runs
    "article_id": {"default": None},
    "published": {"default": None},  # ISO date string or None
    # set by faits_dates
    "dates": {"default": None},  # list of {start, end, text, when_start, when_end, granularity, future}
    "reference_date": {"default": None},  # the date relative expressions were resolved against
    # set by faits_numbers
    "quantities": {"default": None},  # list of QuantityMention dicts
    # set by faits_facts
    "facts": {"default": None},  # list of fact dicts (SPEC columns), merged within the Doc
}


def _span_record(span: Span, key: str):
    records = span.doc._.get(key) or []
    for record in records:
        if record["start"] == span.start_char and record["end"] == span.end_char:
            return record
    return None


SPAN_EXTENSIONS = {
    "quantity": {"getter": lambda span: _span_record(span, "quantities")},
    "date": {"getter": lambda span: _span_record(span, "dates")},
}


def set_extensions() -> None:
    """Register the extensions; safe to call more than once."""
    for name, kwargs in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, **kwargs)
    for name, kwargs in SPAN_EXTENSIONS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, **kwargs)
