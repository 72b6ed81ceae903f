"""The runner's screening in chunks and its batches (pipeline/runner.py): the first chunk is one batch,
so that an engine's workers get their first batch before hundreds of articles are read; with a pool the
last articles go in smaller batches, so that the workers end together; every article is screened and
sent once, in order. Texts written for these tests; no model is run."""

from __future__ import annotations

from pipeline.engines import Outcome
from pipeline.ingest import article_from_text
from pipeline.routing import Routing
from pipeline.runner import SCREEN_CHUNK, MemorySink, RunSummary, _chunks, drive


def test_chunks_grow_from_the_first_size_to_the_largest():
    sizes = [len(c) for c in _chunks(range(100), 4, 16)]
    assert sizes == [4, 8, 16, 16, 16, 16, 16, 8]
    assert [len(c) for c in _chunks(range(10), 4)] == [4, 4, 2]  # without a largest size, all the same
    assert [x for c in _chunks(range(100), 4, 16) for x in c] == list(range(100))


class _Recorder:
    """An engine that records how many articles the runner had read when each batch came."""

    name = "recorder"

    def __init__(self, summary: RunSummary, workers: int = 2) -> None:
        self.summary = summary
        self.workers = workers
        self.sizes: list[int] = []
        self.read_at_batch: list[int] = []
        self.ids: list[str] = []

    def map(self, batches):
        for batch in batches:
            self.read_at_batch.append(self.summary.read)
            self.sizes.append(len(batch))
            self.ids += [a.article_id for a in batch]
            yield batch, [Outcome([], len(a.text.split())) for a in batch]


def _drive(n: int, workers: int) -> _Recorder:
    articles = [article_from_text(f"Article {i} : le conseil a voté {i} délibérations ce mardi soir.", f"a{i}",
                                  lang="fr") for i in range(n)]
    summary = RunSummary()
    engine = _Recorder(summary, workers)
    drive(articles, routing=Routing.of("fr"), engine=engine, sink=MemorySink(), summary=summary, batch_size=8,
          max_bytes=10_000_000, progress=False, strict=False)
    assert engine.ids == [f"a{i}" for i in range(n)]
    assert summary.read == summary.processed == n
    return engine


def test_the_first_batch_goes_before_the_first_full_chunk_is_read():
    one = _drive(SCREEN_CHUNK + 40, workers=1)
    assert one.read_at_batch[0] == 8  # one batch read and screened, not SCREEN_CHUNK
    pool = _drive(SCREEN_CHUNK + 40, workers=2)
    assert pool.read_at_batch[0] <= 3 * 8  # and the two batches held back for the tail


def test_with_a_pool_the_last_articles_go_in_smaller_batches():
    n = SCREEN_CHUNK + 45
    one = _drive(n, workers=1)
    assert one.sizes == [8] * (n // 8) + [n % 8]  # one process: batches as asked
    pool = _drive(n, workers=2)
    full = [s for s in pool.sizes if s == 8]
    tail = pool.sizes[len(full):]
    assert pool.sizes[: len(full)] == full and all(s <= 2 for s in tail)
    assert 2 * 8 <= sum(tail) < 3 * 8  # two to three batches' worth, in quarters
