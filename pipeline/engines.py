"""Where the NLP runs: in this process, in a pool of local processes, or on a Dask cluster.

Every engine maps batches of articles to their :class:`Outcome` (fact rows,
word count, or the error that stopped the article) with one worker-side
function, :func:`process_batch`, so all engines give the same rows. Workers
send back rows, not spaCy Docs: the main process only reads, screens and
writes, and stays out of the way of the workers.

An engine keeps a bounded number of batches in flight (``window``), pulling
the next batch only when one comes back, so memory does not grow with the
corpus, and yields results in input order, so a store is filled in the same
order whatever the engine.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import ExitStack
from dataclasses import dataclass
from typing import Protocol

from spacy.language import Language

from .errors import Errors, FaitsError
from .ingest import Article
from .nlp import doc_mentions, doc_of, fact_rows, load_nlp, loaded_count
from .options import ENGINES  # defined there: the CLI reads them without importing this module
from .parsing import process_docs
from .routing import Routing

# One process processes one batch at a time: spaCy's memory zones are per
# vocabulary, and a Dask worker may run several tasks in threads.
_PROCESS_LOCK = threading.Lock()
# A pipeline handed to the engine (``extract(nlp=...)``), by its language; fork-started workers inherit it.
_GIVEN_NLP: dict[str, Language] = {}


@dataclass(frozen=True)
class Outcome:
    """What the pipeline made of one article: its fact rows, its word count, or why it failed."""

    rows: list[dict]
    words: int
    error: str | None = None
    # every number, date and entity mention, for an evaluation (see nlp.doc_mentions); None otherwise
    mentions: dict | None = None


def worker_nlp(lang: str, model: str | None = None) -> Language:
    """The pipeline of ``lang`` in this process: the one given, or loaded the first time one of its articles
    comes (a cached loader: one per language per process)."""
    with _PROCESS_LOCK:
        return _GIVEN_NLP.get(lang) or load_nlp(lang, model)


class _Zone:
    """A spaCy memory zone held open across batches of this process, renewed every ``ZONE_ARTICLES`` articles.

    Inside a zone, the strings and lexemes of new words are transient: freed
    when the zone closes, so a long run keeps a flat memory. But inside a
    zone the tokenizer caches nothing, and tokenizing uncached text costs ten
    times more (6% of the whole pipeline). So the first ``WARM_ARTICLES`` of
    a process run outside any zone: the words they hold (the frequent ones)
    stay cached for good, at a fixed memory cost.
    """

    def __init__(self) -> None:
        self._stack: ExitStack | None = None
        self._articles = 0
        self._warm = 0

    def enter(self, nlp: Language) -> None:
        if self._warm < WARM_ARTICLES:
            return
        if self._stack is None:
            self._stack = ExitStack()
            self._stack.enter_context(nlp.memory_zone())

    def count(self, n: int) -> None:
        if self._stack is None and self._warm < WARM_ARTICLES:
            self._warm += n
            return
        self._articles += n
        if self._articles >= ZONE_ARTICLES:
            self.close()

    def close(self) -> None:
        if self._stack is not None:
            self._stack.close()
        self._stack = None
        self._articles = 0


ZONE_ARTICLES = 512
WARM_ARTICLES = 256
# one zone per language: each pipeline has its own vocabulary
_ZONES: dict[str, _Zone] = {}


def process_batch(articles: list[Article], routing: Routing, with_mentions: bool = False,
                  full_parse: bool = False) -> list[Outcome]:
    """Run the pipeline over one batch, in whichever process this is; one Outcome per article, in order.

    Each article goes through the pipeline of its language (``article.lang``, set by the runner's
    screen; the routing's default when unset). Runs inside a spaCy memory zone (see :class:`_Zone`);
    no Doc outlives this call, only rows. A batch that fails is rerun article by article so only the
    culprit is lost.
    """
    by_lang: dict[str, list[int]] = {}
    for i, article in enumerate(articles):
        by_lang.setdefault(article.lang or routing.default, []).append(i)
    outcomes: list[Outcome | None] = [None] * len(articles)
    for lang, indices in by_lang.items():
        nlp = worker_nlp(lang, routing.model(lang))
        with _PROCESS_LOCK:
            zone = _ZONES.setdefault(lang, _Zone())
            zone.enter(nlp)
            try:
                done = _process(nlp, [articles[i] for i in indices], lang, with_mentions, full_parse)
            finally:
                zone.count(len(indices))
        for i, outcome in zip(indices, done, strict=True):
            outcomes[i] = outcome
    return outcomes  # type: ignore[return-value]


def _outcome(article: Article, doc, with_mentions: bool) -> Outcome:
    return Outcome(fact_rows(article, doc), len(article.text.split()),
                   mentions=doc_mentions(doc) if with_mentions else None)


def _process(nlp: Language, articles: list[Article], lang: str, with_mentions: bool,
             full_parse: bool) -> list[Outcome]:
    try:
        docs = process_docs(nlp, [doc_of(nlp, a) for a in articles], lang=lang, full_parse=full_parse,
                            batch_size=max(1, len(articles)))
        return [_outcome(a, doc, with_mentions) for a, doc in zip(articles, docs, strict=True)]
    except Exception:  # noqa: BLE001 (isolated below, article by article)
        pass
    outcomes = []
    for a in articles:
        try:
            doc = process_docs(nlp, [doc_of(nlp, a)], lang=lang, full_parse=full_parse)[0]
            outcomes.append(_outcome(a, doc, with_mentions))
        except Exception as e:  # noqa: BLE001 (one bad article must not stop the run)
            outcomes.append(Outcome([], 0, Errors.E062.format(error=f"{type(e).__name__}: {e}")))
    return outcomes


PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
# how often a worker looks whether its parent is still there (the fallback where prctl is missing)
WATCH_SECONDS = 1.0


def die_with_parent(parent: int) -> None:
    """Run first in every worker process, so that no worker outlives the run (kill -9, SIGTERM, a crash).

    On Linux the kernel kills the worker when its parent dies (``prctl(PR_SET_PDEATHSIG, SIGKILL)``);
    everywhere, a watchdog thread ends it within ``WATCH_SECONDS`` once it is re-parented. Ctrl-C goes
    to the whole process group: the worker ignores it, and the parent, which handles it, shuts the pool down.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), name="faits-parent-watch", daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCH_SECONDS)
    os._exit(1)


def close_zone() -> None:
    """Close this process's memory zone (the in-process engine does, so that no zone outlives a run)."""
    with _PROCESS_LOCK:
        for zone in _ZONES.values():
            zone.close()


def model_loads() -> int:
    """How many pipelines this process has loaded (one per language at most): a check that workers load once."""
    return loaded_count()


def _warm(routing: Routing) -> bool:
    """Load the pipeline of the run's first language (the others load when their first article comes)."""
    lang = routing.default
    if routing.skip_reason(lang) is None:
        worker_nlp(lang, routing.model(lang))
    return True


class Engine(Protocol):
    """Maps batches of articles to their outcomes, in order."""

    name: str
    workers: int

    def __enter__(self) -> Engine: ...

    def __exit__(self, *exc) -> None: ...

    def map(self, batches: Iterable[list[Article]]) -> Iterator[tuple[list[Article], list[Outcome]]]: ...


def _bounded(submit, batches: Iterable[list[Article]], window: int, isolate=None):
    """Submit batches keeping at most ``window`` in flight; yield (batch, result) in input order.

    isolate: when a worker process dies (BrokenProcessPool), the batch and those in flight are handed
    to ``isolate(batch) -> outcomes`` instead of failing the run."""
    pending: deque = deque()
    it = iter(batches)
    exhausted = False
    while True:
        while not exhausted and len(pending) < window:
            try:
                batch = next(it)
            except StopIteration:
                exhausted = True
                break
            pending.append((batch, submit(batch)))
        if not pending:
            return
        batch, future = pending.popleft()
        try:
            result = future.result()
        except BrokenProcessPool:
            if isolate is None:
                raise
            redo = [batch, *(b for b, _ in pending)]
            pending.clear()
            for b in redo:
                yield b, isolate(b)
            continue
        except Exception as e:
            for _, f in pending:
                f.cancel()
            raise FaitsError(Errors.E061.format(error=f"{type(e).__name__}: {e}")) from e
        yield batch, result


class LocalEngine:
    """This machine: in this process (``workers=1``) or in a pool of ``workers`` processes.

    routing (Routing): the languages of the run and their models.
    workers (int): processes; with more than one, the main process only reads and writes.
    nlp (Language | None): a pipeline to use for its language (``nlp.lang``) instead of loading the
        language's (workers inherit it by fork; where there is no fork, they load the language's own).
    with_mentions (bool): also send back every number, date and entity mention (for an evaluation).
    full_parse (bool): run spaCy's components on every sentence, not only those that need them
        (see :mod:`pipeline.parsing`).
    window (int | None): batches in flight; default two per worker, so none waits.

    The pool is started by fork where the platform has it, after the model is
    loaded, so workers share the loaded model instead of each loading its own
    (seconds per worker); it is started when the engine is entered, before the
    caller opens files or starts threads.
    """

    name = "local"

    def __init__(self, routing: Routing | str, workers: int = 1, nlp: Language | None = None, window: int | None = None,
                 with_mentions: bool = False, full_parse: bool = False):
        if workers < 1:
            raise FaitsError(Errors.E056.format(workers=workers))
        self.routing = routing if isinstance(routing, Routing) else Routing.of(routing)
        self.workers = workers
        self.nlp = nlp
        self.with_mentions = with_mentions
        self.full_parse = full_parse
        self.window = window or 2 * workers
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> LocalEngine:
        if self.nlp is not None:
            _GIVEN_NLP[self.nlp.lang] = self.nlp
        if self.workers > 1:
            self._start_pool()
        return self

    def _start_pool(self) -> None:
        methods = multiprocessing.get_all_start_methods()
        method = "fork" if "fork" in methods else "spawn"
        if method == "fork":
            _warm(self.routing)
        self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context(method),
                                         initializer=die_with_parent, initargs=(os.getpid(),))
        # start every worker now (and load the model, where it was not inherited)
        for f in [self._pool.submit(_warm, self.routing) for _ in range(self.workers)]:
            f.result()

    def _isolate(self, batch: list[Article]) -> list[Outcome]:
        """A worker died (killed by the system for its memory, a crash in native code): each article
        of the batch runs alone, in a new pool when the old one is broken, so that only the article
        that kills its worker is lost, skipped with the reason; the others' facts are kept and the
        run goes on (with a sound pool)."""
        outcomes = []
        for article in batch:
            try:
                outcomes.append(self._alone(article))
            except BrokenProcessPool as e:
                outcomes.append(Outcome([], 0, Errors.E087.format(error=str(e) or type(e).__name__)))
                self._restart_pool()
        return outcomes

    def _alone(self, article: Article) -> Outcome:
        try:
            return self._pool.submit(process_batch, [article], self.routing, self.with_mentions,
                                     self.full_parse).result()[0]
        except BrokenProcessPool:
            self._restart_pool()  # broken before, or by this article: once more in a new pool
        return self._pool.submit(process_batch, [article], self.routing, self.with_mentions,
                                 self.full_parse).result()[0]

    def _restart_pool(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._start_pool()

    def __exit__(self, *exc) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        else:
            close_zone()
        if self.nlp is not None:
            _GIVEN_NLP.pop(self.nlp.lang, None)

    def map(self, batches: Iterable[list[Article]]) -> Iterator[tuple[list[Article], list[Outcome]]]:
        if self._pool is None:
            for batch in batches:
                yield batch, process_batch(batch, self.routing, self.with_mentions, self.full_parse)
            return
        # self._pool, not a copy: _isolate replaces a pool whose worker died
        yield from _bounded(lambda b: self._pool.submit(process_batch, b, self.routing, self.with_mentions,
                                                        self.full_parse), batches,
                            self.window, isolate=self._isolate)


class DaskEngine:
    """A dask.distributed cluster: the scheduler at ``scheduler``, or a local cluster of ``workers`` processes.

    Each worker process loads the model once (the cached loader) and keeps it;
    workers are warmed when the engine is entered. Workers need faits
    installed; start them with ``--nthreads 1`` (a worker runs one batch at a
    time anyway, see ``_PROCESS_LOCK``).
    """

    name = "dask"

    def __init__(self, routing: Routing | str, scheduler: str | None = None, workers: int = 2,
                 window: int | None = None, full_parse: bool = False):
        if workers < 1:
            raise FaitsError(Errors.E056.format(workers=workers))
        self.routing = routing if isinstance(routing, Routing) else Routing.of(routing)
        self.full_parse = full_parse
        self.scheduler = scheduler
        self.workers = workers
        self._window = window
        self.window = window or 2 * workers
        self.client = None
        self._cluster = None

    def __enter__(self) -> DaskEngine:
        try:
            from distributed import Client, LocalCluster
        except ImportError as e:
            raise FaitsError(Errors.E058) from e
        if self.scheduler:
            try:
                self.client = Client(self.scheduler, timeout="10s")
            except (OSError, TimeoutError, ValueError) as e:
                raise FaitsError(Errors.E059.format(address=self.scheduler, error=e)) from e
        else:
            # loopback only: a local cluster serves this process and nothing else
            self._cluster = LocalCluster(
                n_workers=self.workers, threads_per_worker=1, processes=True,
                host="127.0.0.1", dashboard_address=None,
            )
            self.client = Client(self._cluster)
        # load the model in every worker now, in parallel, once per worker process
        self.client.run(_warm, self.routing)
        n = len(self.client.scheduler_info().get("workers", {})) or 1
        self.workers = n
        self.window = self._window or 2 * n
        return self

    def __exit__(self, *exc) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def map(self, batches: Iterable[list[Article]]) -> Iterator[tuple[list[Article], list[Outcome]]]:
        client = self.client

        def submit(batch):
            return client.submit(process_batch, batch, self.routing, False, self.full_parse, pure=False)

        yield from _bounded(submit, batches, self.window)


def make_engine(
    name: str, *, routing: Routing, workers: int = 1, scheduler: str | None = None, nlp: Language | None = None,
    full_parse: bool = False,
) -> Engine:
    if name not in ENGINES:
        raise FaitsError(Errors.E055.format(engine=name, allowed=", ".join(ENGINES)))
    if name == "local":
        if scheduler:
            raise FaitsError(Errors.E060.format(address=scheduler))
        return LocalEngine(routing, workers, nlp=nlp, full_parse=full_parse)
    return DaskEngine(routing, scheduler, workers, full_parse=full_parse)
