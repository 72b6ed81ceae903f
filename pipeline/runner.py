"""The batch runner: read, screen, process with an engine, commit each batch to a sink, streaming.

Every way of running faits goes through :func:`drive`: ``faits run`` (a store sink), ``extract``
and ``faits evaluate`` (a memory sink). It reads inputs, screens them (unreadable, another
language, duplicates, ids already taken), sends batches to the engine and commits what comes back.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import Errors, FaitsError
from .ingest import Article, Skipped, expand_inputs, read_inputs
from .routing import Routing
from .store import ArticleRecord, SkipRecord, Store, StoredArticle

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


# Articles read and screened together: one store lookup per chunk.
SCREEN_CHUNK = 256

# Seen hashes and skip records wait for the next commit, or are flushed at this many.
FLUSH_EVERY = 1000


class MemorySink:
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


class StoreSink:
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

    def __init__(self, routing: Routing, sink, summary: RunSummary, run_id: int | None, strict: bool, bar) -> None:
        self.routing = routing
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
            lang = self.routing.language_of(item.lang, item.text)
            reason = self.routing.skip_reason(lang)
            if reason is not None:
                self.skip(Skipped(item.origin, reason, item.article_id), "language", digest)
                continue
            item = replace(item, lang=lang)  # the engine sends it to its language's pipeline
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


def _chunks(items: Iterable, size: int, largest: int | None = None) -> Iterator[list]:
    """Lists of ``size`` items; with ``largest``, each list twice the size of the one before, up to it."""
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
            if largest is not None:
                size = min(2 * size, largest)
    if chunk:
        yield chunk


def _batches(screen: _Screen, items: Iterable[Article | Skipped], batch_size: int,
             split_tail: bool = False) -> Iterator[list[Article]]:
    """Batches of ``batch_size`` screened articles. split_tail: the last articles (fewer than three
    batches) go in batches of a quarter of the size, so that the workers of a pool end together (one
    worker's last batch of 16 real-news articles kept the others idle for up to a second)."""
    # the first chunk screened is one batch, and they grow to SCREEN_CHUNK: the engine's workers wait for
    # the first (reading and identifying the language of 256 articles took half a second)
    chunks = _chunks(items, batch_size, max(batch_size, SCREEN_CHUNK))
    screened = (article for chunk in chunks for article in screen.chunk(chunk))
    if not split_tail:
        yield from _chunks(screened, batch_size)
        return
    tail = 2 * batch_size  # held back until the input ends or more come
    held: list[Article] = []
    for article in screened:
        held.append(article)
        if len(held) >= batch_size + tail:
            yield held[:batch_size]
            held = held[batch_size:]
    yield from _chunks(held, max(1, -(-batch_size // TAIL_DIVISOR)))


# the tail's batches are this many times smaller (see _batches)
TAIL_DIVISOR = 4


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


def describe_input(item) -> str:
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


def check_batch_size(size: int) -> None:
    if size < 1:
        raise FaitsError(Errors.E057.format(size=size))


def drive(
    inputs: list,
    *,
    routing: Routing,
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
    screen = _Screen(routing, sink, summary, summary.run_id, strict, bar)
    try:
        batches = _batches(screen, read_inputs(inputs, max_bytes=max_bytes), batch_size,
                           split_tail=getattr(engine, "workers", 1) > 1)
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
