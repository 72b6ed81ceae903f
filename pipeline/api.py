"""The Python API: articles in, facts table out.

    >>> import pipeline
    >>> df = pipeline.extract(["corpus/articles"])          # paths, globs, dirs or texts
    >>> summary = pipeline.run(["corpus/articles"], "outputs")  # into outputs/faits.duckdb, then the tables
"""

from __future__ import annotations

import contextlib
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
from spacy.language import Language

from .errors import Errors, FaitsError
from .ingest import DEFAULT_MAX_BYTES, Article, Skipped, expand_inputs, read_inputs
from .language_id import detect_language
from .languages import DEFAULT_LANG, supported_languages
from .series import assign_series
from .series_store import export_series, update_series
from .store import DEFAULT_STORE_NAME, ArticleRecord, SkipRecord, Store, StoredArticle
from .table import FORMATS, _writable_dir, facts_frame

if TYPE_CHECKING:
    from .engines import Outcome

# For a store-backed run, skipped inputs and warnings go to the store; the
# summary lists only the first ones so that its memory does not grow with the corpus.
MAX_LISTED = 1000


@dataclass
class RunSummary:
    """What a run did; nothing read is left out of it.

    ``skipped`` lists inputs not processed with their reason (the first
    ``MAX_LISTED`` of a store-backed run; the store has them all);
    ``skipped_by_kind`` counts them all: unreadable, language, duplicate, id,
    error. ``unchanged`` counts articles already in the store with the same
    text, which were not processed again; ``updated`` those processed that
    replaced an older text of the same article. ``facts`` counts the facts
    found by this run's processing, ``facts_written`` the rows of the tables
    it wrote (its inputs' facts, new or already stored).
    """

    read: int = 0
    processed: int = 0
    facts: int = 0
    seconds: float = 0.0
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)
    unchanged: int = 0
    updated: int = 0
    words: int = 0
    skipped_by_kind: Counter = field(default_factory=Counter)
    run_id: int | None = None
    store: str | None = None
    engine: str = "local"
    workers: int = 1
    max_listed: int | None = None
    facts_written: int | None = None

    @property
    def n_skipped(self) -> int:
        return max(sum(self.skipped_by_kind.values()), len(self.skipped))

    def skip(self, item: Skipped, kind: str) -> None:
        self.skipped_by_kind[kind] += 1
        if self.max_listed is None or len(self.skipped) < self.max_listed:
            self.skipped.append(item)

    def warn(self, message: str) -> None:
        if self.max_listed is None or len(self.warnings) < self.max_listed:
            self.warnings.append(message)

    def counters(self) -> dict[str, int]:
        return {"read": self.read, "processed": self.processed, "updated": self.updated,
                "unchanged": self.unchanged, "skipped": self.n_skipped, "facts": self.facts}

    def line(self) -> str:
        processed = f"processed {self.processed}"
        if self.updated:
            processed += f" ({self.updated} updated)"
        parts = [f"read {self.read}", processed]
        if self.unchanged or self.store:
            parts.append(f"already in store {self.unchanged}")
        skipped = f"skipped {self.n_skipped}"
        if self.skipped_by_kind:
            skipped += " (" + ", ".join(f"{k} {n}" for k, n in self.skipped_by_kind.most_common()) + ")"
        facts = f"facts {self.facts}"
        if self.facts_written is not None and self.facts_written != self.facts:
            facts += f" new, {self.facts_written} in the tables"
        parts += [skipped, facts]
        rate = f", {self.processed / self.seconds:.1f} articles/s" if self.seconds > 0 and self.processed else ""
        return ", ".join(parts) + f", {self.seconds:.1f} s{rate}"


def _language_skip(item: Article, lang: str) -> Skipped | None:
    """Why ``item`` is not for ``lang``'s pipeline, or None: its declared language, else py3langid's confident guess."""
    declared = (item.lang or "").lower()[:2] or None
    if declared is None:
        guess = detect_language(item.text)
        found = guess.code if guess.confident else lang
    else:
        found = declared
    if found == lang:
        return None
    reason = Errors.E018.format(lang=found, supported=", ".join(supported_languages()))
    return Skipped(item.origin, reason, item.article_id)


# -- batch runs: read → screen → engine → sink, streaming ------------------------------------------

# Articles read and screened together: one store lookup per chunk.
SCREEN_CHUNK = 256
# Seen hashes and skip records wait for the next commit, or are flushed at this many.
FLUSH_EVERY = 1000


class _MemorySink:
    """Rows kept in memory, for :func:`extract` (no store): duplicates are found within the run."""

    unique_ids = False

    def __init__(self) -> None:
        self.rows: list[dict] = []
        self._hashes: dict[str, StoredArticle] = {}

    def lookup(self, hashes, ids):
        return {h: self._hashes[h] for h in hashes if h in self._hashes}, {}

    def seen(self, digest: str) -> None:
        pass

    def skipped(self, record: SkipRecord) -> None:
        pass

    def commit(self, records: list[ArticleRecord], summary: RunSummary) -> int:
        for r in records:
            self.rows.extend(r.rows)
            # last_run None, as the screen's run id: a later copy is a duplicate within this run
            self._hashes[r.content_hash] = StoredArticle(r.content_hash, r.article_id, r.origin, None)
        return 0

    def flush(self, summary: RunSummary, force: bool = False) -> None:
        pass


class _StoreSink:
    """Results committed to a :class:`Store`, one transaction per batch."""

    unique_ids = True

    def __init__(self, store: Store, run_id: int, started: float) -> None:
        self.store = store
        self.run_id = run_id
        self.started = started
        self._seen: list[str] = []
        self._skipped: list[SkipRecord] = []

    def lookup(self, hashes, ids):
        return self.store.lookup(hashes, ids)

    def seen(self, digest: str) -> None:
        self._seen.append(digest)

    def skipped(self, record: SkipRecord) -> None:
        self._skipped.append(record)

    def commit(self, records: list[ArticleRecord], summary: RunSummary) -> int:
        replaced = self.store.commit(
            self.run_id, records, seen=self._seen, skipped=self._skipped,
            counters=summary.counters(), seconds=time.perf_counter() - self.started,
        )
        self._seen, self._skipped = [], []
        return replaced

    def flush(self, summary: RunSummary, force: bool = False) -> None:
        if force or len(self._seen) + len(self._skipped) >= FLUSH_EVERY:
            self.commit([], summary)


class _Screen:
    """Decide, chunk by chunk, which articles need the pipeline.

    An article is skipped when it cannot be read, is in another language, or
    has the text of an article read earlier in this run or already stored
    under another id; it is *unchanged* when the store has it with the same id
    and text. A chunk is screened whole before any of it goes on, so that
    everything it sends is in flight before the next commit.
    """

    def __init__(self, lang: str, sink, summary: RunSummary, run_id: int | None, strict: bool, bar) -> None:
        self.lang = lang
        self.sink = sink
        self.summary = summary
        self.run_id = run_id
        self.strict = strict
        self.bar = bar
        # sent to the engine, not committed yet: hash → origin, id → origin
        self.in_flight: dict[str, str] = {}
        self.in_flight_ids: dict[str, str] = {}

    def skip(self, item: Skipped, kind: str, digest: str | None = None) -> None:
        self.summary.skip(item, kind)
        self.sink.skipped(SkipRecord(item.origin, item.reason, kind, item.article_id, digest))
        self.bar.update(1)
        if self.strict:
            raise FaitsError(f"{item.origin}: {item.reason}")

    def chunk(self, items: list[Article | Skipped]) -> list[Article]:
        articles = [i for i in items if isinstance(i, Article)]
        by_hash, by_id = self.sink.lookup(
            [a.content_hash for a in articles], [a.article_id for a in articles] if self.sink.unique_ids else []
        )
        accepted: list[Article] = []
        for item in items:
            self.summary.read += 1
            if isinstance(item, Skipped):
                self.skip(item, "unreadable")
                continue
            for w in item.warnings:
                self.summary.warn(f"{item.origin}: {w}")
            digest = item.content_hash
            stored = by_hash.get(digest)
            if stored is not None:
                if stored.last_run == self.run_id:  # read earlier in this run
                    self.skip(Skipped(item.origin, Errors.E021.format(other=stored.origin), item.article_id),
                               "duplicate", digest)
                    continue
                self.sink.seen(digest)
                if stored.article_id == item.article_id:
                    self.summary.unchanged += 1
                    self.bar.update(1)
                else:
                    self.skip(Skipped(item.origin, Errors.E063.format(other=stored.article_id), item.article_id),
                               "duplicate", digest)
                continue
            if digest in self.in_flight:
                self.skip(Skipped(item.origin, Errors.E021.format(other=self.in_flight[digest]), item.article_id),
                           "duplicate", digest)
                continue
            skip = _language_skip(item, self.lang)
            if skip is not None:
                self.skip(skip, "language", digest)
                continue
            if self.sink.unique_ids:
                other = self.in_flight_ids.get(item.article_id)
                if other is None and item.article_id in by_id and by_id[item.article_id].last_run == self.run_id:
                    other = by_id[item.article_id].origin
                if other is not None:
                    reason = Errors.E064.format(article_id=item.article_id, other=other)
                    self.skip(Skipped(item.origin, reason, item.article_id), "id", digest)
                    continue
                self.in_flight_ids[item.article_id] = item.origin
            self.in_flight[digest] = item.origin
            accepted.append(item)
        self.sink.flush(self.summary)
        return accepted

    def done(self, articles: list[Article]) -> None:
        for a in articles:
            self.in_flight.pop(a.content_hash, None)
            self.in_flight_ids.pop(a.article_id, None)


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _batches(screen: _Screen, items: Iterable[Article | Skipped], batch_size: int) -> Iterator[list[Article]]:
    screened = (article for chunk in _chunks(items, max(batch_size, SCREEN_CHUNK)) for article in screen.chunk(chunk))
    yield from _chunks(screened, batch_size)


class _NoBar:
    def update(self, n: int = 1) -> None:
        pass

    def set_postfix(self, *args, **kwargs) -> None:
        pass

    def close(self) -> None:
        pass


def _progress_bar(enabled: bool, total: int | None):
    if not enabled:
        return _NoBar()
    from tqdm import tqdm

    return tqdm(total=total, unit="article", desc="faits", leave=False, dynamic_ncols=True, smoothing=0.1)


def _count_hint(inputs: list) -> int | None:
    """How many articles the inputs hold when that is cheap to know (existing paths of .txt files, one
    article each), for the progress bar's total; None otherwise (texts, globs, .jsonl, .csv)."""
    total = 0
    for item in inputs:
        if not isinstance(item, (str, Path)) or not Path(item).exists():
            return None
        files, _ = expand_inputs([item])
        if any(f.suffix.lower() != ".txt" for f in files):
            return None
        total += len(files)
    return total


def _describe(item) -> str:
    """An input as the runs table records it: a path as given, not a whole text or Article."""
    if isinstance(item, Path) or (isinstance(item, str) and "\n" not in item and len(item) < 1024):
        return str(item)
    return f"<{type(item).__name__}>"


def _record(article: Article, outcome) -> ArticleRecord:
    return ArticleRecord(
        content_hash=article.content_hash, article_id=article.article_id, origin=article.origin,
        title=article.title, published=article.published, url=article.url, author=article.author,
        source=article.source, lang=article.lang, words=outcome.words, rows=outcome.rows,
    )


def _check_batch_size(size: int) -> None:
    if size < 1:
        raise FaitsError(Errors.E057.format(size=size))


def _drive(
    inputs: list,
    *,
    lang: str,
    engine,
    sink,
    summary: RunSummary,
    batch_size: int,
    max_bytes: int,
    progress: bool,
    strict: bool,
    on_processed: Callable[[Article, Outcome], None] | None = None,
) -> None:
    """The streaming loop: read, screen, process with ``engine``, commit each batch to ``sink``.

    ``on_processed`` sees each processed article with its outcome (an evaluation keeps its mentions).
    """
    started = time.perf_counter()
    bar = _progress_bar(progress, _count_hint(inputs) if progress else None)
    screen = _Screen(lang, sink, summary, summary.run_id, strict, bar)
    try:
        batches = _batches(screen, read_inputs(inputs, max_bytes=max_bytes), batch_size)
        for articles, outcomes in engine.map(batches):
            records = []
            for article, outcome in zip(articles, outcomes, strict=True):
                if outcome.error is not None:
                    screen.skip(Skipped(article.origin, outcome.error, article.article_id), "error",
                                 article.content_hash)
                    continue
                records.append(_record(article, outcome))
                if on_processed is not None:
                    on_processed(article, outcome)
                summary.processed += 1
                summary.facts += len(outcome.rows)
                summary.words += outcome.words
            summary.seconds = time.perf_counter() - started
            summary.updated += sink.commit(records, summary)
            screen.done(articles)
            bar.update(len(records))
            bar.set_postfix(facts=summary.facts, new=summary.processed, stored=summary.unchanged,
                            skipped=summary.n_skipped, refresh=False)
        sink.flush(summary, force=True)
    finally:
        bar.close()
        summary.seconds = time.perf_counter() - started


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
    lang: str,
    nlp: Language | None,
    progress: bool,
    batch_size: int,
    n_process: int,
    max_bytes: int,
    with_mentions: bool,
    on_processed: Callable[[Article, Outcome], None] | None = None,
) -> tuple[pd.DataFrame, RunSummary]:
    from .engines import LocalEngine

    _check_batch_size(batch_size)
    summary = RunSummary(workers=n_process)
    sink = _MemorySink()
    with LocalEngine(lang, n_process, nlp=nlp, with_mentions=with_mentions) as engine:
        _drive(list(inputs), lang=lang, engine=engine, sink=sink, summary=summary, batch_size=batch_size,
               max_bytes=max_bytes, progress=progress, strict=False, on_processed=on_processed)
    # series and claims across the batch (SPEC section 7); the model's vectors compare who
    vectors = nlp.vocab.vectors if nlp is not None and nlp.vocab.vectors.shape[0] else True
    return assign_series(facts_frame(sink.rows), lang=lang, vectors=vectors), summary


def extract_with_summary(
    inputs: Iterable[str | Path | Article],
    *,
    lang: str = DEFAULT_LANG,
    nlp: Language | None = None,
    progress: bool = False,
    batch_size: int = 16,
    n_process: int = 1,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[pd.DataFrame, RunSummary]:
    """Like :func:`extract`, also returning the :class:`RunSummary` (skipped inputs and why)."""
    return _extract(inputs, lang=lang, nlp=nlp, progress=progress, batch_size=batch_size, n_process=n_process,
                    max_bytes=max_bytes, with_mentions=False)


def extract_with_mentions(
    inputs: Iterable[str | Path | Article],
    *,
    lang: str = DEFAULT_LANG,
    nlp: Language | None = None,
    progress: bool = False,
    batch_size: int = 16,
    n_process: int = 1,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Extraction:
    """Like :func:`extract_with_summary`, also keeping each article's text and every number, date and
    entity mention the pipeline found in it (what ``faits evaluate`` scores besides the facts)."""
    texts: dict[str, str] = {}
    mentions: dict[str, dict] = {}

    def keep(article: Article, outcome: Outcome) -> None:
        texts[article.article_id] = article.text
        mentions[article.article_id] = outcome.mentions or {}

    df, summary = _extract(inputs, lang=lang, nlp=nlp, progress=progress, batch_size=batch_size,
                           n_process=n_process, max_bytes=max_bytes, with_mentions=True, on_processed=keep)
    return Extraction(df, summary, texts, mentions)


def extract(inputs: Iterable[str | Path | Article] | str | Path, **kwargs) -> pd.DataFrame:
    """Facts of the given articles as a DataFrame with SPEC's columns.

    inputs: files (.txt, .jsonl, .csv), directories, globs, raw article
    texts or :class:`Article` objects; a single path or text is accepted too.
    Skipped inputs and their reasons are in ``df.attrs["skipped"]``.
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
    formats: Iterable[str] = FORMATS,
    store: str | Path | None = None,
    engine: str = "local",
    n_process: int = 1,
    scheduler: str | None = None,
    lang: str = DEFAULT_LANG,
    nlp: Language | None = None,
    progress: bool = False,
    batch_size: int = 16,
    max_bytes: int = DEFAULT_MAX_BYTES,
    strict: bool = False,
) -> RunSummary:
    """Process articles into a store, then write the facts of these inputs as tables.

    Articles already in the store with the same text are not processed again
    (a rerun over a folder processes only its new or changed files), and a
    killed run resumes where its last committed batch ended.

    out_dir: where ``facts.csv``, ``facts.parquet``, ``facts.jsonl`` are
        written (the facts of every article among ``inputs``, processed now or
        before); None writes no table.
    store: the DuckDB store, by default ``out_dir/faits.duckdb``; ``":memory:"`` for none on disk.
    engine: ``local`` (``n_process`` processes on this machine) or ``dask``
        (the cluster at ``scheduler``, or a local cluster of ``n_process`` workers).
    strict: stop at the first input that is not processed.
    """
    from . import __version__
    from .engines import make_engine

    _check_batch_size(batch_size)
    inputs = list(inputs)
    if store is None:
        if out_dir is None:
            raise FaitsError(Errors.E052.format(path="(none given)"))
        store = Path(out_dir) / DEFAULT_STORE_NAME
    formats = tuple(formats)
    if out_dir is not None:
        # an output that cannot be written is said before any work, not after it
        bad = [f for f in formats if f not in FORMATS]
        if bad:
            raise FaitsError(Errors.E032.format(fmt=bad[0], allowed=", ".join(FORMATS)))
        _writable_dir(Path(out_dir))
    started = time.perf_counter()
    summary = RunSummary(store=str(store), engine=engine, workers=n_process, max_listed=MAX_LISTED)
    # the engine first: a local pool forks before the store opens its threads and files
    with make_engine(engine, lang=lang, workers=n_process, scheduler=scheduler, nlp=nlp) as eng, Store(store) as db:
        summary.workers = eng.workers
        summary.run_id = db.begin_run(
            [_describe(i) for i in inputs], engine=engine, workers=eng.workers, version=__version__
        )
        sink = _StoreSink(db, summary.run_id, started)
        try:
            _drive(inputs, lang=lang, engine=eng, sink=sink, summary=summary, batch_size=batch_size,
                   max_bytes=max_bytes, progress=progress, strict=strict)
            # SPEC section 7: regroup the blocks this run touched (with the given model's vectors, if any)
            update_series(db, lang=lang, vectors=nlp.vocab.vectors if nlp is not None else True)
            if out_dir is not None:
                summary.outputs = db.export(out_dir, formats, run_id=summary.run_id)
                summary.outputs += export_series(db, out_dir, formats, run_id=summary.run_id)
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
    store: str | Path, out_dir: str | Path, formats: Iterable[str] = FORMATS, *, run_id: int | None = None
) -> list[Path]:
    """Write the store's facts table (all of it, or the articles of run ``run_id``'s inputs) as tables."""
    with Store(store, read_only=True) as db:
        return db.export(out_dir, tuple(formats), run_id=run_id) + export_series(
            db, out_dir, tuple(formats), run_id=run_id)


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
