"""Every figure of `faits evaluate`, parsing only the sentences with a quantity and parsing them all.

    python bench/parse_modes.py                       # corpus dev, construction bank, seeds, real news dev
    python bench/parse_modes.py --sets test           # the held-out split: after a change, never to choose one

Issue 15 asks that parsing only what carries a figure moves no figure by more
than 0.005. Both modes give the same facts (tests/test_parsing.py compares them
fact by fact); entity mentions differ by design: in the default mode only the
parsed sentences have entities (`--full-parse` for those of every sentence).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

SETS = {
    "dev": (ROOT / "corpus" / "gold.jsonl", ROOT / "corpus" / "articles", "dev"),
    "test": (ROOT / "corpus" / "gold.jsonl", ROOT / "corpus" / "articles", "test"),
    "bank": (ROOT / "corpus" / "constructions" / "gold.jsonl", ROOT / "corpus" / "constructions" / "sentences.jsonl",
             None),
    "seeds": (SHARED / "gold" / "seeds.jsonl", SHARED / "seeds", None),
    "real": (ROOT / "corpus" / "real" / "gold.jsonl", None, None),
    "en-dev": (ROOT / "corpus" / "en" / "gold.jsonl", ROOT / "corpus" / "en" / "articles", "dev"),
    "en-bank": (ROOT / "corpus" / "en" / "constructions" / "gold.jsonl",
                ROOT / "corpus" / "en" / "constructions" / "sentences.jsonl", None),
}


def figures(scores: dict) -> dict[str, float]:
    """The headline figures of a scores dict: facts, tuples, mentions, series, each slot."""
    out = {"fact F1": scores["fact_f1"], "tuple F1": scores["tuple_f1"]}
    for kind in ("numbers", "dates", "entities", "series"):
        if scores.get(kind):
            out[f"{kind} F1"] = scores[kind]["f1"]
    out.update({f"slot {k}": v for k, v in scores["slots"].items()})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="dev,bank,seeds,real", help=f"Comma-separated, among: {', '.join(SETS)}.")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from pipeline.evaluation import evaluate

    worst = 0.0
    for name in args.sets.split(","):
        gold, articles, split = SETS[name]
        if name == "real":
            sys.path.insert(0, str(ROOT / "bench"))
            from real_news import write_records

            articles = write_records()
        if articles is None or not Path(articles).exists() or not gold.exists():
            print(f"{name}: skipped (its files are absent)")
            continue
        full = figures(evaluate(gold, articles, split=split, full_parse=True))
        selected = figures(evaluate(gold, articles, split=split))
        print(f"\n{name}: {'full parse':>12}{'selected':>10}{'diff':>8}")
        for key, value in full.items():
            diff = selected.get(key, float("nan")) - value
            if key != "entities F1":
                worst = max(worst, abs(diff))
            print(f"  {key:16}{value:12.4f}{selected.get(key, float('nan')):10.4f}{diff:+8.4f}")
    print(f"\nlargest difference but entity mentions: {worst:.4f} (issue 15: at most 0.005)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
