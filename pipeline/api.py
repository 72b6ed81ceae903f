"""The Python API, faits' façade: articles in, facts table out.

    >>> import pipeline
    >>> df = pipeline.extract(["corpus/articles"])          # paths, globs, dirs or texts
    >>> summary = pipeline.run(["corpus/articles"], "outputs")  # into outputs/faits.duckdb, then the tables
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
from spacy.language import Language

from .errors import Errors, FaitsError
from .ingest import DEFAULT_MAX_BYTES, Article, read_inputs
from .logs import get_logger
from .options import DEFAULT_CSV_DIALECT, DEFAULT_FORMATS
from .routing import Routing
from .series import assign_series_by_language
from .series_store import export_series, update_series
from .store import DEFAULT_STORE_NAME, Store
from .table import check_formats, dialect_of, facts_frame, writable_dir

if TYPE_CHECKING:
    from .engines import Outcome
from .runner import MAX_LISTED, MemorySink, RunSummary, StoreSink, check_batch_size, describe_input, drive

log = get_logger("run")


@dataclass
class Extraction:
    """What :func:`extract_with_mentions` returns: the facts table, and per article its text and mentions."""

    facts: pd.DataFrame
    summary: RunSummary
    texts: dict[str, str]
    mentions: dict[str, dict]


def _extract(
    inputs: Iterable[str | Path | Article],
    *,
    lang: str | list[str] | None,
    models: dict[str, str] | None,
    nlp: Language | None,
    progress: bool,
    batch_size: int,
    n_process: int,
    max_bytes: int,
    with_mentions: bool,
    full_parse: bool = False,
    on_processed: Callable[[Article, Outcome], None] | None = None,
) -> tuple[pd.DataFrame, RunSummary]:
    from .engines import LocalEngine

    check_batch_size(batch_size)
    routing = Routing.of(lang, models)
    summary = RunSummary(workers=n_process)
    sink = MemorySink()
    with LocalEngine(routing, n_process, nlp=nlp, with_mentions=with_mentions, full_parse=full_parse) as engine:
        drive(list(inputs), routing=routing, engine=engine, sink=sink, summary=summary, batch_size=batch_size,
               max_bytes=max_bytes, progress=progress, strict=False, on_processed=on_processed)
    # series and claims across the batch (SPEC section 7), each language apart; the model's vectors compare who
    vectors = {nlp.lang: nlp.vocab.vectors} if nlp is not None and nlp.vocab.vectors.shape[0] else {}
    return assign_series_by_language(facts_frame(sink.rows), vectors=vectors), summary


def extract_with_summary(
    inputs: Iterable[str | Path | Article],
    *,
    lang: str | list[str] | None = None,
    models: dict[str, str] | None = None,
    nlp: Language | None = None,
    progress: bool = False,
    batch_size: int = 16,
    n_process: int = 1,
    max_bytes: int = DEFAULT_MAX_BYTES,
    full_parse: bool = False,
) -> tuple[pd.DataFrame, RunSummary]:
    """Like :func:`extract`, also returning the :class:`RunSummary` (skipped inputs and why)."""
    return _extract(inputs, lang=lang, models=models, nlp=nlp, progress=progress, batch_size=batch_size,
                    n_process=n_process, max_bytes=max_bytes, with_mentions=False, full_parse=full_parse)


def extract_with_mentions(
    inputs: Iterable[str | Path | Article],
    *,
    lang: str | list[str] | None = None,
    models: dict[str, str] | None = None,
    nlp: Language | None = None,
    progress: bool = False,
    batch_size: int = 16,
    n_process: int = 1,
    max_bytes: int = DEFAULT_MAX_BYTES,
    full_parse: bool = False,
) -> Extraction:
    """Like :func:`extract_with_summary`, also keeping each article's text and every number, date and
    entity mention the pipeline found in it (what ``faits evaluate`` scores besides the facts)."""
    texts: dict[str, str] = {}
    mentions: dict[str, dict] = {}

    def keep(article: Article, outcome: Outcome) -> None:
        texts[article.article_id] = article.text
        mentions[article.article_id] = outcome.mentions or {}

    df, summary = _extract(inputs, lang=lang, models=models, nlp=nlp, progress=progress, batch_size=batch_size,
                           n_process=n_process, max_bytes=max_bytes, with_mentions=True, full_parse=full_parse,
                           on_processed=keep)
    return Extraction(df, summary, texts, mentions)


def extract(inputs: Iterable[str | Path | Article] | str | Path, **kwargs) -> pd.DataFrame:
    """Facts of the given articles as a DataFrame with SPEC's columns.

    inputs: files (.txt, .jsonl, .csv), directories, globs, raw article
    texts or :class:`Article` objects; a single path or text is accepted too.
    Skipped inputs and their reasons are in ``df.attrs["skipped"]``.
    lang: the languages to process ("fr", "fr,en", a list), by default every installed language pack:
    each article goes through the pipeline of its language (declared, else detected), others are skipped.
    models: a spaCy model per language over the default (``{"en": "en_core_web_md"}``).
    No store is involved: everything is processed and the table is in memory.
    """
    if isinstance(inputs, (str, Path, Article)):
        inputs = [inputs]
    df, summary = extract_with_summary(inputs, **kwargs)
    df.attrs["skipped"] = [(s.origin, s.reason) for s in summary.skipped]
    return df


def run(
    inputs: Iterable[str | Path],
    out_dir: str | Path | None = "outputs",
    *,
    formats: Iterable[str] = DEFAULT_FORMATS,
    csv_dialect: str = DEFAULT_CSV_DIALECT,
    store: str | Path | None = None,
    engine: str = "local",
    n_process: int = 1,
    scheduler: str | None = None,
    lang: str | list[str] | None = None,
    models: dict[str, str] | None = None,
    nlp: Language | None = None,
    progress: bool = False,
    batch_size: int = 16,
    max_bytes: int = DEFAULT_MAX_BYTES,
    strict: bool = False,
    full_parse: bool = False,
) -> RunSummary:
    """Process articles into a store, then write the facts of these inputs as tables.

    Articles already in the store with the same text are not processed again
    (a rerun over a folder processes only its new or changed files), and a
    killed run resumes where its last committed batch ended.

    out_dir: where ``facts.csv``, ``facts.parquet``, ``facts.jsonl`` are
        written (the facts of every article among ``inputs``, processed now or
        before); None writes no table.
    formats: among csv, parquet, jsonl, xlsx (xlsx needs the extra ``faits[xlsx]``).
    csv_dialect: ``standard`` (comma, UTF-8, dot decimals) or ``excel-fr`` (BOM, ``;``, decimal comma).
    store: the DuckDB store, by default ``out_dir/faits.duckdb``; ``":memory:"`` for none on disk.
    engine: ``local`` (``n_process`` processes on this machine) or ``dask``
        (the cluster at ``scheduler``, or a local cluster of ``n_process`` workers).
    strict: stop at the first input that is not processed.
    lang, models: the languages processed and their spaCy models, as for :func:`extract`.
    full_parse: run spaCy's tagger, parser and NER on every sentence, not only on those with a
        figure or a tense-dependent date (the facts are the same; see :mod:`pipeline.parsing`).
    """
    from . import __version__
    from .engines import make_engine

    check_batch_size(batch_size)
    routing = Routing.of(lang, models)
    inputs = list(inputs)
    if store is None:
        if out_dir is None:
            raise FaitsError(Errors.E052.format(path="(none given)"))
        store = Path(out_dir) / DEFAULT_STORE_NAME
    formats = tuple(formats)
    if out_dir is not None:
        # an output that cannot be written is said before any work, not after it
        formats = check_formats(formats)
        dialect_of(csv_dialect)
        writable_dir(Path(out_dir))
    started = time.perf_counter()
    summary = RunSummary(store=str(store), engine=engine, workers=n_process, max_listed=MAX_LISTED)
    # the engine first: a local pool forks before the store opens its threads and files
    with make_engine(engine, routing=routing, workers=n_process, scheduler=scheduler, nlp=nlp,
                     full_parse=full_parse) as eng, Store(store) as db:
        summary.workers = eng.workers
        summary.run_id = db.begin_run(
            [describe_input(i) for i in inputs], engine=engine, workers=eng.workers, version=__version__
        )
        log.info("run %s: store %s, engine %s with %d worker(s)", summary.run_id, store, engine, eng.workers)
        sink = StoreSink(db, summary.run_id, started)
        try:
            drive(inputs, routing=routing, engine=eng, sink=sink, summary=summary, batch_size=batch_size,
                   max_bytes=max_bytes, progress=progress, strict=strict)
            # SPEC section 7: regroup the blocks this run touched (with the given model's vectors, if any)
            update_series(db, vectors={nlp.lang: nlp.vocab.vectors} if nlp is not None else None)
            log.info("series regrouped; writing the tables")
            if out_dir is not None:
                summary.outputs = db.export(out_dir, formats, run_id=summary.run_id, csv_dialect=csv_dialect)
                summary.outputs += export_series(db, out_dir, formats, run_id=summary.run_id,
                                                 csv_dialect=csv_dialect)
                summary.facts_written = db.count_facts(summary.run_id)
        except BaseException as e:
            # keep what was screened before the failure (--strict's culprit among it), if the store still can
            with contextlib.suppress(Exception):
                sink.flush(summary, force=True)
            # Ctrl-C or SIGTERM (see cli): interrupted; anything else: failed. A store too damaged to
            # say so leaves the run "running", which the next run marks interrupted.
            status = "interrupted" if isinstance(e, KeyboardInterrupt) else "failed"
            with contextlib.suppress(Exception):
                db.finish_run(summary.run_id, summary.counters(), time.perf_counter() - started, status=status)
            raise
        summary.seconds = time.perf_counter() - started
        db.finish_run(summary.run_id, summary.counters(), summary.seconds)
    return summary


def export(
    store: str | Path, out_dir: str | Path, formats: Iterable[str] = DEFAULT_FORMATS, *, run_id: int | None = None,
    csv_dialect: str = DEFAULT_CSV_DIALECT,
) -> list[Path]:
    """Write the store's facts table (all of it, or the articles of run ``run_id``'s inputs) as tables."""
    formats = check_formats(formats)
    dialect_of(csv_dialect)
    with Store(store, read_only=True) as db:
        return db.export(out_dir, formats, run_id=run_id, csv_dialect=csv_dialect) + export_series(
            db, out_dir, formats, run_id=run_id, csv_dialect=csv_dialect)


def export_labelstudio(
    store: str | Path, path: str | Path, *, run_id: int | None = None, articles: Iterable[str | Path] = ()
) -> tuple[Path, list[str]]:
    """Write the store's articles (all, or those of run ``run_id``'s inputs) as Label Studio tasks, one JSON
    list, with their facts as predictions; returns the file and notes on articles left out.

    The store keeps no texts: they are read again from the articles' files, or from ``articles``
    (paths, directories, globs) when the files moved, and must be the texts that were processed.
    """
    from . import __version__
    from .labelstudio import tasks_from_facts
    from .labelstudio.texts import texts_by_hash

    with Store(store, read_only=True) as db:
        if run_id is not None:
            db.check_run(run_id)
        where = f"WHERE last_run = {int(run_id)}" if run_id is not None else ""
        stored = db.query("SELECT content_hash, article_id, origin, published, lang FROM articles "
                          f"{where} ORDER BY article_id, content_hash")
        facts = db.facts(run_id)
    found = texts_by_hash(stored["origin"], set(stored["content_hash"]), articles)
    missing = [aid for h, aid in zip(stored["content_hash"], stored["article_id"], strict=True) if h not in found]
    if missing and len(missing) == len(stored):
        raise FaitsError(Errors.E152.format(n=len(missing), examples=", ".join(missing[:5])))
    chosen = []
    for row in stored.itertuples(index=False):
        article = found.get(row.content_hash)
        if article is not None:
            article.article_id, article.lang = row.article_id, row.lang or article.lang
            article.published = None if pd.isna(row.published) else pd.Timestamp(row.published).date()
            chosen.append(article)
    tasks = tasks_from_facts(facts, chosen, model_version=f"faits {__version__}")
    notes = [f"{aid}: its text is not where it was read (give its place with --articles); left out"
             for aid in missing]
    return _write_json(Path(path), tasks), notes


def _write_json(path: Path, value) -> Path:
    import json

    tmp = path.with_name(f".{path.name}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps(value, ensure_ascii=False, indent=1), encoding="utf-8")
        tmp.replace(path)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise FaitsError(Errors.E083.format(path=path, error=e.strerror or e)) from e
    return path


def gold_import(
    export_path: str | Path, out_path: str | Path, *, predictions: bool = True
) -> tuple[Path, int, list[str]]:
    """Read a Label Studio JSON export into a gold JSONL file (SPEC section 5); returns the file, the number
    of gold lines and notes on tasks left out or spans ignored. A task nobody annotated is taken from its
    prediction, marked ``from_predictions`` (``predictions=False`` leaves it out)."""
    from .labelstudio import gold_lines, read_export, write_gold

    lines, notes = gold_lines(read_export(export_path), path=export_path, predictions=predictions)
    return write_gold(lines, out_path), len(lines), notes


def gold_tasks(
    gold_path: str | Path, articles: Iterable[str | Path], out_path: str | Path, *, kind: str = "annotations"
) -> tuple[Path, int]:
    """Write a gold file's lines as Label Studio tasks (the gold facts as annotations, or as predictions with
    ``kind="predictions"``), over the articles' texts read from ``articles``; returns the file and its tasks."""
    from .evaluation import load_gold
    from .labelstudio import tasks_from_gold

    gold = load_gold(gold_path)
    articles = list(articles)
    texts = {a.article_id: a.text for a in read_inputs(articles) if isinstance(a, Article) and a.article_id in gold}
    for article_id in gold:
        if article_id not in texts:
            raise FaitsError(Errors.E153.format(path=gold_path, article_id=article_id,
                                                where=", ".join(map(str, articles)) or "none"))
    tasks = tasks_from_gold(gold.values(), texts, kind=kind)
    return _write_json(Path(out_path), tasks), len(tasks)


def query(store: str | Path, sql: str) -> pd.DataFrame:
    """Run SQL over the store (tables articles, facts, runs, skipped, claims, series), read-only."""
    with Store(store, read_only=True) as db:
        return db.query(sql)


def claims(store: str | Path, *, run_id: int | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The store's series and claims tables (SPEC section 7), or those holding a fact of run ``run_id``."""
    from .series_store import read_claims, read_series

    with Store(store, read_only=True) as db:
        if run_id is not None:
            db.check_run(run_id)
        return read_series(db, run_id), read_claims(db, run_id)


def report(store: str | Path, path: str | Path, *, run_id: int | None = None) -> Path:
    """Write the HTML timeline report of the store's series reported by several articles."""
    from .timeline import write_timelines

    series, claim_rows = claims(store, run_id=run_id)
    return write_timelines(path, series, claim_rows, title=f"faits — series of {Path(store).name}")
