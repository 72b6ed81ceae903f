"""Write a folder of some gold articles: their gold lines and links to their texts.

    python bench/subset.py corpus/gold.jsonl corpus/articles . dev-only --split dev
    python bench/subset.py corpus/en/gold.jsonl corpus/en/articles '^e22-' e22 --split dev

Used to run the pipeline, or `bench/throughput.py --corpus-source`, on dev articles only: a `faits run` over
corpus/articles would also process the test articles, whose output nobody reads while changing code (corpus/README.md,
the split rule). OUT gets `gold.jsonl` (the matching lines, unchanged) and `articles/` (symbolic links).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path


def write_subset(gold: Path, articles: Path, pattern: str, out: Path, split: str | None = None) -> int:
    """The gold lines whose ``article_id`` matches ``pattern`` (and ``split``) into ``out``; how many."""
    rx = re.compile(pattern)
    (out / "articles").mkdir(parents=True, exist_ok=True)
    kept = []
    for line in gold.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        if rx.match(record["article_id"]) and (split is None or record.get("split") == split):
            kept.append(line)
            text = (articles / f"{record['article_id']}.txt").resolve()
            link = out / "articles" / text.name
            if text.is_file() and not link.exists():
                link.symlink_to(text)
    (out / "gold.jsonl").write_text("".join(line + "\n" for line in kept), encoding="utf-8")
    return len(kept)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path, help="gold JSONL (SPEC section 5)")
    parser.add_argument("articles", type=Path, help="folder of the gold's article texts")
    parser.add_argument("pattern", help="regular expression matched at the start of each article_id")
    parser.add_argument("out", type=Path, help="folder to write")
    parser.add_argument("--split", choices=("dev", "test"), help="only gold lines with this split")
    args = parser.parse_args(argv)
    n = write_subset(args.gold, args.articles, args.pattern, args.out, args.split)
    print(f"{args.out}: {n} articles", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
