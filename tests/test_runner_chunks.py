"""The runner's screening in chunks (pipeline/runner.py): the first chunk is one batch, so that an
engine's workers get their first batch before hundreds of articles are read; every article is screened
and sent once, in order, whatever the chunk sizes. Texts written for these tests; no model is run."""

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
    workers = 2

    def __init__(self, summary: RunSummary) -> None:
        self.summary = summary
        self.read_at_batch: list[int] = []
        self.ids: list[str] = []

    def map(self, batches):
        for batch in batches:
            self.read_at_batch.append(self.summary.read)
            self.ids += [a.article_id for a in batch]
            yield batch, [Outcome([], len(a.text.split())) for a in batch]


def test_the_first_batch_goes_before_the_first_full_chunk_is_read():
    n = SCREEN_CHUNK + 40
    articles = [article_from_text(f"Article {i} : le conseil a voté {i} délibérations ce mardi soir.", f"a{i}",
                                  lang="fr") for i in range(n)]
    summary = RunSummary()
    engine = _Recorder(summary)
    drive(articles, routing=Routing.of("fr"), engine=engine, sink=MemorySink(), summary=summary, batch_size=8,
          max_bytes=10_000_000, progress=False, strict=False)
    assert engine.read_at_batch[0] == 8  # one batch read and screened, not SCREEN_CHUNK
    assert engine.ids == [f"a{i}" for i in range(n)]
    assert summary.read == summary.processed == n
