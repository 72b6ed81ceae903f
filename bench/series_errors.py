"""The series errors of a gold file, fact by fact: which gold series were split, which predicted ones mix.

    python bench/series_errors.py --gold G.jsonl --articles DIR [--cache facts.parquet] [--split dev]

Extraction runs once (``--cache`` keeps its facts, series columns dropped, so that a rerun regroups the same
facts with the series rules of the code at hand). Prints, for every gold series whose matched facts the
prediction puts in several series (recall errors), and every predicted series that holds facts of several
gold series (precision errors), the facts: article, gold label, predicted series, value, event_type, unit,
who, where, when, source and the evidence. Never run it on test gold (the corpus test split, held-out
batches): it reads the pipeline's output fact by fact.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _facts(gold: dict, articles: str, cache: Path | None):
    import pandas as pd

    from pipeline.evaluation import predict

    if cache is not None and cache.is_file():
        return pd.read_parquet(cache)
    df = predict(articles, set(gold), None)[0]
    df = df.drop(columns=[c for c in ("series_id", "claim_id") if c in df.columns])
    if cache is not None:
        df.to_parquet(cache)
    return df


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", required=True)
    parser.add_argument("--articles", required=True)
    parser.add_argument("--split", default=None)
    parser.add_argument("--cache", type=Path, default=None, help="parquet file keeping the extracted facts")
    args = parser.parse_args(argv)

    from pipeline.evaluation import _records, load_gold
    from pipeline.scoring import score
    from pipeline.series import assign_series_by_language
    from pipeline.series_scoring import series_scores

    gold = load_gold(args.gold, args.split)
    df = assign_series_by_language(_facts(gold, args.articles, args.cache))
    pred = _records(df)
    scores = score(gold, pred, None)
    rows = []
    for art in scores["per_article"]:
        aid = art["article_id"]
        for gi, pi in art["pairs"]:
            g, p = gold[aid]["facts"][gi], pred[aid][pi]
            rows.append((g.get("series") or f"own:{aid}:{gi}", p.get("series_id") or f"own:{aid}:{pi}", aid, p))
    by_gold, by_pred = defaultdict(list), defaultdict(list)
    for row in rows:
        by_gold[row[0]].append(row)
        by_pred[row[1]].append(row)

    def show(row) -> str:
        label, sid, aid, p = row
        return (f"  {aid[:34]:34} {label[:26]:26} {sid[-6:]} {p.get('how_many')!s:>9} {p.get('event_type'):9} "
                f"u={p.get('unit')} who={p.get('who')} where={p.get('where')} "
                f"when={p.get('when_start')}..{p.get('when_end')} src={p.get('source')}\n"
                f"      | {(p.get('evidence') or '')[:200]}")

    print("== gold series split (recall)")
    for label, members in sorted(by_gold.items()):
        if len({m[1] for m in members}) > 1:
            print(f"{label}")
            print("\n".join(show(m) for m in sorted(members, key=lambda m: (m[1], m[2]))))
    print("== predicted series mixing gold series (precision)")
    for sid, members in sorted(by_pred.items()):
        if len({m[0] for m in members}) > 1:
            print(f"{sid}")
            print("\n".join(show(m) for m in sorted(members, key=lambda m: (m[0], m[2]))))
    s = series_scores(gold, pred, scores["per_article"])
    print(f"series B3 P {s['p']:.3f} R {s['r']:.3f} F1 {s['f1']:.3f} (n {s['n']})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
