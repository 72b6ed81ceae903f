"""Every message faits shows a user, in one place. Each says what was received and what is allowed."""

from __future__ import annotations


class FaitsError(Exception):
    """An error a user can act on; the CLI prints it without a traceback."""


class InputError(FaitsError):
    """One input (file, line, record) cannot be read; the batch goes on without it."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class Errors:
    E001 = "Language '{lang}' is not supported. Supported languages: {supported}."
    E002 = (
        "The spaCy model '{model}' is not installed. Install faits with its dependencies "
        "(`pip install -e .`), which brings '{model}' from the package index."
    )
    E003 = "Language data file not found: {path}."
    E004 = "Language data file {path} is not valid JSON: {error}."
    E010 = "Input path does not exist: {path}."
    E011 = "No article found in {paths} (expected .txt, .jsonl or .csv files)."
    E012 = "empty file (no text after cleaning)"
    E013 = "not a text file (binary content)"
    E014 = "line {line}: invalid JSON ({error})"
    E015 = "line {line}: expected a JSON object with a non-empty 'text' field, got {got}"
    E016 = "CSV has no 'text' column (columns: {columns})"
    E017 = "record {record}: empty 'text'"
    E018 = "article is in '{lang}', not a supported language ({supported}); skipped"
    E019 = "unreadable publication date {value!r} (expected YYYY-MM-DD); date left empty"
    E020 = "unsupported file type '{suffix}' (expected .txt, .jsonl or .csv)"
    E021 = "duplicate of {other} (same content); skipped"
    E022 = "file is larger than {limit} bytes ({size} bytes); raise --max-bytes to read it"
    E023 = "not UTF-8; decoded as {encoding}"
    E030 = "Gold file {path}, line {line}: {problem}."
    E031 = "Output directory {path} is not writable: {error}."
    E032 = "Unknown output format '{fmt}'. Allowed: {allowed}."
    E033 = "Prediction table {path} lacks the columns {missing}."
    E040 = "normalize_date needs a datetime.date reference, got {got!r}."
