"""How series B-cubed F1 moves when the slots grouping reads are perturbed the way unseen text perturbs them.

    python bench/series_robustness.py [--gold corpus/gold.jsonl] [--articles corpus/articles] [--only '^s\\d+-']
        [--cache facts.parquet] [--rate 0.25] [--seeds 5]

Extraction runs once (``--cache`` keeps its facts, series columns dropped) on the dev articles of the gold whose
id matches ``--only`` (the split is always ``dev``: never test articles). Facts are matched to gold once, on the
unperturbed slots (SPEC section 6), so that every perturbation is scored on the same pairs; then, for each
perturbation, each fact it applies to is changed with probability ``--rate`` (``--seeds`` draws), the batch is
regrouped by the code at hand, and the series B-cubed P/R/F1 of the same pairs printed (mean and worst over the
draws). The perturbations are the slot errors sorted in corpus/reviews/series6.md and series7.md:

- ``where_drop``: a fact's ``where`` read as nothing;
- ``where_other``: its ``where`` replaced by another place its article reads for another fact (the dateline,
  the region, a town beside the event: a broader or narrower place of the same story);
- ``who_head``: its ``who`` cut to the counted noun (its unit), modifiers lost;
- ``who_other``: its ``who`` replaced by the ``who`` of another fact of its article and event_type (the word
  another sentence uses for the same group, or the sentence's subject);
- ``when_drop``: its ``when`` read as nothing;
- ``when_day``: a period read as one day inside it, an undated figure as its publication day;
- ``source_drop``: its ``source`` read as nothing;
- ``all``: every perturbation above at once, each at the same rate.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from series_errors import _facts  # noqa: E402  (the facts of the gold's articles, cached as series_errors does)

PERTURBATIONS = ("where_drop", "where_other", "who_head", "who_other", "when_drop", "when_day", "source_drop")


def _text(value) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _draw(rng: np.random.Generator, rate: float) -> bool:
    return bool(rng.random() < rate)


def perturb(df: pd.DataFrame, kind: str, rate: float, seed: int) -> pd.DataFrame:
    """A copy of ``df`` with one kind of slot error put into about ``rate`` of the facts it applies to."""
    rng = np.random.default_rng(seed)
    out = df.copy()
    kinds = PERTURBATIONS if kind == "all" else (kind,)
    for k in kinds:
        _apply(out, k, rate, rng)
    return out


def _apply(df: pd.DataFrame, kind: str, rate: float, rng: np.random.Generator) -> None:
    places = df.groupby("article_id")["where"].agg(lambda s: sorted({v for v in s if _text(v)}))
    whos = df.groupby(["article_id", "event_type"])["who"].agg(lambda s: sorted({v for v in s if _text(v)}))
    for i in df.index:
        row = df.loc[i]
        if kind == "where_drop" and _text(row["where"]) and _draw(rng, rate):
            df.at[i, "where"] = None
        elif kind == "where_other" and _text(row["where"]):
            others = [p for p in places[row["article_id"]] if p != row["where"]]
            if others and _draw(rng, rate):
                df.at[i, "where"] = others[int(rng.integers(len(others)))]
        elif kind == "who_head":
            unit = _text(row["unit"])
            if unit and unit != "%" and len(unit) > 3 and _text(row["who"]) and row["who"] != unit and _draw(
                    rng, rate):
                df.at[i, "who"] = unit
        elif kind == "who_other" and _text(row["who"]):
            others = [w for w in whos[(row["article_id"], row["event_type"])] if w != row["who"]]
            if others and _draw(rng, rate):
                df.at[i, "who"] = others[int(rng.integers(len(others)))]
        elif kind == "when_drop" and not pd.isna(row["when_start"]) and _draw(rng, rate):
            df.at[i, "when_start"] = pd.NaT
            df.at[i, "when_end"] = pd.NaT
        elif kind == "when_day":
            start, end = pd.Timestamp(row["when_start"]), pd.Timestamp(row["when_end"])
            if pd.isna(start):
                published = pd.Timestamp(row["published"]) if "published" in df.columns else pd.NaT
                if not pd.isna(published) and _draw(rng, rate):
                    df.at[i, "when_start"] = df.at[i, "when_end"] = published.normalize()
            elif not pd.isna(end) and end > start and _draw(rng, rate):
                day = start + pd.Timedelta(days=int(rng.integers((end - start).days + 1)))
                df.at[i, "when_start"] = df.at[i, "when_end"] = day
        elif kind == "source_drop" and _text(row["source"]) and _draw(rng, rate):
            df.at[i, "source"] = None


def _changed(base: pd.DataFrame, df: pd.DataFrame) -> int:
    """How many facts a perturbation changed (in any slot grouping reads)."""
    cols = ["where", "who", "when_start", "when_end", "source"]
    a = base[cols].astype(object).where(base[cols].notna(), None).to_numpy()
    b = df[cols].astype(object).where(df[cols].notna(), None).to_numpy()
    return sum(tuple(x) != tuple(y) for x, y in zip(a, b, strict=True))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", default=str(ROOT / "corpus" / "gold.jsonl"))
    parser.add_argument("--articles", default=str(ROOT / "corpus" / "articles"))
    parser.add_argument("--only", default=r"^s\d+-", help="regex of the article ids (dev split only)")
    parser.add_argument("--cache", type=Path, default=None, help="parquet file keeping the extracted facts")
    parser.add_argument("--rate", type=float, default=0.25)
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--kinds", default=",".join((*PERTURBATIONS, "all")))
    args = parser.parse_args(argv)

    from pipeline.evaluation import _records, load_gold
    from pipeline.scoring import score
    from pipeline.series import assign_series_by_language
    from pipeline.series_scoring import series_scores

    only = re.compile(args.only)
    gold = {k: v for k, v in load_gold(args.gold, "dev").items() if only.search(k)}
    base = _facts(gold, args.articles, args.cache).reset_index(drop=True)
    for col in ("when_start", "when_end", "published"):
        if col in base.columns:
            base[col] = pd.to_datetime(base[col], errors="coerce")
    # the pairs are matched once, on the slots as extracted: every perturbation is scored on the same facts
    per_article = score(gold, _records(base), None)["per_article"]

    def f1(df: pd.DataFrame) -> dict:
        grouped = assign_series_by_language(df)
        return series_scores(gold, _records(grouped), per_article)

    started = time.perf_counter()
    clean = f1(base)
    print(f"articles {len(gold)}  facts {len(base)}  matched {clean['n']}  rate {args.rate}  seeds {args.seeds}")
    print(f"{'perturbation':12} {'changed':>8} {'P':>6} {'R':>6} {'F1':>6} {'worst':>6} {'dF1':>7}")
    print(f"{'none':12} {0:8d} {clean['p']:6.3f} {clean['r']:6.3f} {clean['f1']:6.3f} {clean['f1']:6.3f} "
          f"{0:+7.3f}")
    for kind in args.kinds.split(","):
        results, changed = [], []
        for seed in range(args.seeds):
            df = perturb(base, kind, args.rate, seed)
            changed.append(_changed(base, df))
            results.append(f1(df))
        p, r, f = (float(np.mean([x[k] for x in results])) for k in ("p", "r", "f1"))
        worst = min(x["f1"] for x in results)
        print(f"{kind:12} {np.mean(changed):8.1f} {p:6.3f} {r:6.3f} {f:6.3f} {worst:6.3f} {f - clean['f1']:+7.3f}")
    print(f"({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
