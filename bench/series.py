"""Cost of grouping facts into series and claims (SPEC section 7) against the cost of extracting them.

    python bench/series.py                         # 2,500 / 5,000 / 10,000 articles, about 2 minutes
    python bench/series.py --sizes 1000,20000 --json outputs/bench_series.json
    python bench/series.py --memory 2000,20000     # peak RSS of a store's series step, about 10 minutes

1. Extraction: the dev articles of corpus/gold.jsonl and the seed articles
   (``../shared/seeds``, when present) go through the pipeline in this
   process (model loaded first, not timed): seconds per article.
2. Synthetic batches: stories of 1 to 4 articles, each made from the facts of
   one of those articles. Each story gets names of its own (every capitalized
   word of the evidence, places and sources replaced by generated names), its
   own publication date; its later articles repeat some figures, update
   others (a higher value a day or two later), drop a few. So a batch holds
   many stories that look alike and must not be merged.
3. Grouping: ``assign_series`` then the claims and series tables, timed on
   each size (word vectors loaded before, as a run has its model loaded).

Prints seconds, facts, seconds per 1,000 articles at each size (flat when
the cost grows linearly), and grouping / extraction at the largest size
(target < 10%).

With ``--memory``: each batch is written to a store (as a first run leaves
it, no series yet), then a fresh process opens it and runs what ``faits run``
does after extraction (``update_series``, then the claims and series tables
written as CSV and Parquet): its peak RSS at each size, against the smallest.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from datetime import timedelta
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SYLLABLES = ("ba", "cor", "dil", "fen", "gar", "hu", "jo", "ker", "lan", "mor", "nek", "pa", "quin", "ros",
             "sil", "tav", "ur", "vel", "zo", "bri", "cla", "dro", "fli", "gro")
_NAME = re.compile(r"\b[A-ZÀ-ÖØ-Þ][^\W\d_]*(?:[-'’][^\W\d_]+)*")
TARGET = 0.10


def dev_inputs() -> list[Path]:
    paths = []
    for line in (ROOT / "corpus" / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            if rec.get("split") == "dev":
                paths.append(ROOT / "corpus" / "articles" / f"{rec['article_id']}.txt")
    seeds = ROOT.parent / "shared" / "seeds"
    if seeds.is_dir():
        paths += sorted(seeds.glob("*.txt"))
    return paths


def extract_sample(paths: list[Path]) -> tuple[pd.DataFrame, float, int]:
    """The facts of the sample, and extraction seconds (model load excluded; no grouping)."""
    from pipeline.ingest import read_file
    from pipeline.nlp import doc_of, fact_rows, load_nlp
    from pipeline.table import facts_frame

    nlp = load_nlp("fr")
    articles = [a for p in paths for a in read_file(p)]
    started = time.perf_counter()
    rows = []
    for article, doc in zip(articles, nlp.pipe(doc_of(nlp, a) for a in articles), strict=True):
        rows.extend(fact_rows(article, doc))
    return facts_frame(rows), time.perf_counter() - started, len(articles)


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def synthesize(source: pd.DataFrame, n_articles: int, seed: int = 0) -> pd.DataFrame:
    """``n_articles`` synthetic articles in stories of 1 to 4, from the source articles' facts."""
    rng = random.Random(seed)
    by_article = [g for _, g in source.groupby("article_id", sort=True)]
    frames = []
    made = 0
    story = 0
    while made < n_articles:
        story += 1
        base = rng.choice(by_article).to_dict(orient="records")
        names: dict[str, str] = {}

        def rename(text, names=names):
            if not isinstance(text, str):
                return text
            return _NAME.sub(lambda m: names.setdefault(m.group(), _name(rng)), text)

        start = pd.Timestamp("2023-01-01") + timedelta(days=rng.randint(0, 1000))
        size = min(n_articles - made, rng.choice((1, 1, 2, 2, 3, 4)))
        values = {i: r["how_many"] for i, r in enumerate(base)}
        for k in range(size):
            published = start + timedelta(days=k * rng.randint(0, 2))
            rows = []
            for i, r in enumerate(base):
                if k and rng.random() < 0.2:
                    continue  # this article does not repeat the figure
                r = dict(r)
                if k and rng.random() < 0.3 and values[i] == values[i]:
                    values[i] = round(values[i] * rng.uniform(1.05, 1.4))  # an update
                shift = published - pd.Timestamp(r["published"]) if r.get("published") is not pd.NaT and \
                    pd.notna(r.get("published")) else timedelta(0)
                for col in ("when_start", "when_end"):
                    if pd.notna(r.get(col)):
                        r[col] = pd.Timestamp(r[col]) + shift
                r.update(article_id=f"syn-{story}-{k}", how_many=values[i], published=published,
                         evidence=rename(r["evidence"]), where=rename(r["where"]), source=rename(r["source"]),
                         who=r["who"])
                rows.append(r)
            frames.append(pd.DataFrame(rows))
            made += 1
    return pd.concat(frames, ignore_index=True)


def time_grouping(df: pd.DataFrame) -> tuple[float, float]:
    """Seconds to assign series and claim ids, and to build the claims and series tables."""
    from pipeline.claims import tables
    from pipeline.series import assign_series

    started = time.perf_counter()
    grouped = assign_series(df)
    assigned = time.perf_counter()
    tables(grouped)
    return assigned - started, time.perf_counter() - assigned


def write_store(df: pd.DataFrame, path: Path) -> None:
    """The facts of ``df`` in a new store at ``path``, as a run leaves them before grouping."""
    from pipeline.store import ArticleRecord, Store

    df = df.astype(object).where(df.notna(), None)
    with Store(path) as store:
        run = store.begin_run(["bench"], engine="local", workers=1, version="bench")
        batch = []
        for article_id, facts in df.groupby("article_id", sort=True):
            rows = facts.to_dict(orient="records")
            published = pd.Timestamp(rows[0]["published"]).date() if rows[0]["published"] is not None else None
            batch.append(ArticleRecord(f"h-{article_id}", str(article_id), f"{article_id}.txt", None, published,
                                       None, None, None, "fr", 100, rows))
            if len(batch) == 500:
                store.commit(run, batch)
                batch = []
        store.commit(run, batch)


def measure_store(path: Path) -> dict:
    """In this process: the series step of a run over the store at ``path``, and its peak RSS."""
    import tempfile

    from pipeline.series import _vectors
    from pipeline.series_store import export_series, update_series
    from pipeline.store import Store

    _vectors("fr")  # a run has its model loaded
    # Linux: reset the peak (VmHWM) to the current RSS, so that loading the vectors does not hide the step's peak
    Path("/proc/self/clear_refs").write_text("5")
    before = _status_mb("VmRSS")
    started = time.perf_counter()
    with Store(path) as store, tempfile.TemporaryDirectory() as out:
        update = update_series(store)
        grouped = _status_mb("VmHWM")
        export_series(store, out, ["csv", "parquet"], run_id=1)
    return {"rss_before_mb": round(before), "peak_rss_mb": round(_status_mb("VmHWM")),
            "peak_rss_grouping_mb": round(grouped), "seconds": round(time.perf_counter() - started, 2),
            "facts_regrouped": update.facts_regrouped}


def _status_mb(key: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    raise KeyError(key)


def memory(sample: pd.DataFrame, sizes: list[int]) -> list[dict]:
    import subprocess
    import tempfile

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            path = Path(tmp) / f"{n}.duckdb"
            write_store(synthesize(sample, n), path)
            out = subprocess.run([sys.executable, __file__, "--measure-store", str(path)], capture_output=True,
                                 text=True, check=True)
            rows.append({"articles": n, **json.loads(out.stdout.strip().splitlines()[-1])})
    print(f"{'articles':>9}{'facts':>9}{'RSS before MB':>15}{'peak, grouping':>16}{'peak RSS MB':>13}"
          f"{'seconds':>9}")
    for r in rows:
        print(f"{r['articles']:9d}{r['facts_regrouped']:9d}{r['rss_before_mb']:15d}"
              f"{r['peak_rss_grouping_mb']:16d}{r['peak_rss_mb']:13d}{r['seconds']:9.1f}")
    print(f"peak RSS, {rows[-1]['articles']} vs {rows[0]['articles']} articles: "
          f"{rows[-1]['peak_rss_mb'] / rows[0]['peak_rss_mb']:.2f}x (issue 15: within 1.10x)")
    return rows


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2500,5000,10000", help="Batch sizes in articles, comma-separated.")
    parser.add_argument("--json", type=Path, help="Write the figures here.")
    parser.add_argument("--memory", help="Batch sizes (comma-separated): peak RSS of a store's series step.")
    parser.add_argument("--measure-store", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure_store:
        result = measure_store(args.measure_store)
        print(json.dumps(result))
        return result
    sizes = [int(s) for s in (args.memory or args.sizes).split(",")]

    extract_sample(dev_inputs()[:4])  # warm-up: the first documents pay for caches
    sample, extract_seconds, n_sample = extract_sample(dev_inputs())
    per_article = extract_seconds / n_sample
    if args.memory:
        result = {"memory": memory(sample, sizes)}
        if args.json:
            args.json.parent.mkdir(parents=True, exist_ok=True)
            args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")
        return result
    from pipeline.series import _vectors

    _vectors("fr")  # loaded before timing, as in a run
    rows = []
    for n in sizes:
        df = synthesize(sample, n)
        ids, tables = time_grouping(df)
        seconds = ids + tables
        rows.append({"articles": n, "facts": len(df), "ids_seconds": round(ids, 2), "tables_seconds": round(tables, 2),
                     "seconds": round(seconds, 2), "seconds_per_1000_articles": round(seconds / n * 1000, 3)})
    largest = rows[-1]
    extraction = per_article * largest["articles"]
    result = {
        "sample_articles": n_sample, "sample_facts": len(sample),
        "extraction_seconds_per_article": round(per_article, 4),
        "sizes": rows,
        "extraction_seconds_estimated": round(extraction, 1),
        "grouping_over_extraction": round(largest["seconds"] / extraction, 4),
        "target": f"< {TARGET:.0%}",
    }
    print(f"extraction: {n_sample} articles in {extract_seconds:.1f} s, {per_article:.3f} s per article")
    print(f"{'articles':>9}{'facts':>9}{'ids s':>9}{'tables s':>10}{'seconds':>9}{'s / 1000 art.':>15}")
    for r in rows:
        print(f"{r['articles']:9d}{r['facts']:9d}{r['ids_seconds']:9.2f}{r['tables_seconds']:10.2f}"
              f"{r['seconds']:9.2f}{r['seconds_per_1000_articles']:15.3f}")
    print(f"grouping {largest['articles']} articles: {largest['seconds']:.1f} s; their extraction: "
          f"{extraction:.0f} s; ratio {result['grouping_over_extraction']:.1%} (target < {TARGET:.0%})")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")
    return result


if __name__ == "__main__":
    main()
