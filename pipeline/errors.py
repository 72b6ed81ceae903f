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
        "The spaCy model '{model}' of language '{lang}' is not installed. Install it with "
        "`pip install 'faits[{lang}]'` (French comes with faits), or name another with "
        "`--model {lang}=NAME` or the environment variable {env}."
    )
    E003 = "Language data file not found: {path}."
    E004 = "Language data file {path} is not valid JSON: {error}."
    E005 = "Language data file {path} lacks the key '{key}' ({expected}); see pipeline/contract.py."
    E006 = (
        "Language data file {path} has an unknown key '{key}'. Allowed: {allowed} "
        "(and comments, keys starting with '_'); see pipeline/contract.py."
    )
    E007 = "Language data file {path}: '{key}' should be {expected}, got {got}; see pipeline/contract.py."
    E010 = "Input path does not exist: {path}."
    E011 = "No article found in {paths} (expected .txt, .jsonl or .csv files)."
    E012 = "empty file (no text after cleaning)"
    E013 = "not a text file (binary content)"
    E014 = "line {line}: invalid JSON ({error})"
    E015 = "line {line}: expected a JSON object with a non-empty 'text' field, got {got}"
    E016 = "CSV has no 'text' column (columns: {columns})"
    E017 = "record {record}: empty 'text'"
    E018 = "article is in '{lang}', not a supported language ({supported}); skipped"
    E019 = ("unreadable publication date {value!r} (expected a full date: 2025-06-17, 17/06/2025, 17 juin 2025, "
            "Tue, 17 Jun 2025 08:30:00 +0200); date left empty")
    E020 = "unsupported file type '{suffix}' (expected .txt, .html, .jsonl or .csv)"
    E021 = "duplicate of {other} (same content); skipped"
    E022 = "file is larger than {limit} bytes ({size} bytes); raise --max-bytes to read it"
    E023 = "not UTF-8; decoded as {encoding}"
    E024 = "HTML page; its article body and metadata were read by trafilatura (banners, related links, comments out)"
    E030 = "Gold file {path}, line {line}: {problem}."
    E031 = "Output directory {path} is not writable: {error}."
    E032 = "Unknown output format '{fmt}'. Allowed: {allowed}."
    E033 = "Prediction table {path} lacks the columns {missing}."
    E040 = "normalize_date needs a datetime.date reference, got {got!r}."
    # batch runs: store, engines
    E050 = (
        "The store {path} is in use by another faits process (a run in progress?). DuckDB lets one "
        "process write a store at a time; wait for it to finish or pass another --store."
    )
    E051 = "Cannot open the store {path}: {error}."
    E052 = "No store at {path}. Create one with `faits run ARTICLES... --store {path}`."
    E053 = "The store {path} was written by an incompatible faits (schema {found}; this faits reads schema {expected})."
    E054 = "Query failed: {error}"
    E055 = "Unknown engine '{engine}'. Allowed: {allowed}."
    E056 = "--workers must be at least 1, got {workers}."
    E057 = "--batch-size must be at least 1, got {size}."
    E058 = (
        "The Dask engine needs the packages dask and distributed, which are not installed. "
        "Install them with `pip install -e '.[dask]'`."
    )
    E059 = (
        "Cannot reach the Dask scheduler at {address}: {error}. Start one with `dask scheduler` "
        "(and workers with `dask worker {address} --nthreads 1`), or leave --scheduler out to run a local cluster."
    )
    E060 = "--scheduler is for --engine dask; the local engine got --scheduler {address}."
    E061 = "The engine failed on a batch ({error}); the batches committed before it are kept, rerun to resume."
    E062 = "pipeline error on this article ({error}); skipped"
    E063 = "same content as {other}, already in the store; skipped"
    E064 = "another article of this run already has the id '{article_id}' ({other}); skipped, ids must be unique"
    E066 = "No run {run_id} in the store {path}; runs there: {runs}."
    E067 = "--reference must be a date written YYYY-MM-DD, got '{got}'."
    # fault campaign (issue 17): inputs, stores, outputs, gold
    E070 = "not valid {encoding} despite its byte order mark ({error})"
    E071 = "{n} control character(s) (NUL...) removed from the text"
    E072 = "the article id must be a string or a number, got {got}"
    E073 = "unusable article id: {problem}; ids are kept exactly as given"
    E074 = "dangling symbolic link (its target {target} does not exist)"
    E075 = "symbolic link loop (the link leads back to itself)"
    E076 = "symbolic link to a directory, not followed (give the directory itself to read it)"
    E077 = "cannot read it: {error}"
    E078 = "not a regular file ({kind}); only files are read"
    E079 = "field '{key}' must be text, got {got}"
    E080 = (
        "The store {path} is damaged or unreadable ({error}). Restore it from a copy, or pass another "
        "--store (a new store processes every article again)."
    )
    E081 = "The store {path} ran out of memory ({error}); the articles committed so far are kept."
    E082 = "Output {path} is a file, not a directory: give -o a directory (it is created if missing)."
    E083 = "Cannot write {path}: {error}."
    E084 = "interrupted; the run is marked interrupted and the batches committed so far are kept: rerun to resume."
    E085 = "no record in the file (only a header, or blank lines)"
    E086 = "record {record}: unreadable CSV ({error}); the rest of the file is skipped"
    # languages (issue 13)
    E090 = (
        "article is in '{lang}', whose spaCy model '{model}' is not installed; skipped. Install it with "
        "`pip install 'faits[{lang}]'`, or name another with `--model {lang}=NAME` or {env}"
    )
    E091 = "--model takes LANG=NAME (en=en_core_web_md), got '{got}'."
    E087 = "a worker process died on this article ({error}); skipped, the run went on with a new worker"
    E088 = (
        "HTML page read without trafilatura (pip install 'faits[html]'): the text of every block of the page was "
        "kept, banners, related links and comments included"
    )
    E089 = "HTML page: trafilatura {problem}; the text of every block of the page was kept"
    # Label Studio (issue 16): tasks out, gold in
    E150 = "Label Studio export {path}: {problem}."
    E151 = "Label Studio export {path}, {task}: {problem}."
    E152 = (
        "No text for {n} of the store's articles ({examples}): their files are gone or changed since they were "
        "processed. Give their current place with --articles."
    )
    E153 = "Gold file {path} names article {article_id!r}, whose text is not among the articles given ({where})."
    # spreadsheets and conventions (issue 16)
    E100 = "Unknown CSV dialect '{dialect}'. Allowed: {allowed}."
    E101 = (
        "The format xlsx needs openpyxl, which is not installed. Install it with "
        "`pip install 'faits[{extra}]'` (from a clone: `pip install -e '.[{extra}]'`)."
    )
    E102 = "Cannot write the {table} table as xlsx: a sheet holds at most {rows} rows; write it as csv or parquet."
