"""Score faits on real news: the French TimeBank documents labelled with facts (corpus/real/gold.jsonl).

Their text is third-party and stays out of the project: this script reads the
75 fact-development documents from ../shared/external/french-timebank, writes
them as records (id, text, published) under outputs/ (not in git), and runs
``faits evaluate`` on them. The other 33 documents are never read here.

    python bench/real_news.py                     # scores, as faits evaluate prints them
    python bench/real_news.py --report outputs/real.html --json outputs/real.json
    faits evaluate --gold corpus/real/gold.jsonl --articles outputs/real/ftb-fact-dev.jsonl   # afterwards
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FTB = ROOT.parent / "shared" / "external" / "french-timebank"
GOLD = ROOT / "corpus" / "real" / "gold.jsonl"
RECORDS = ROOT / "outputs" / "real" / "ftb-fact-dev.jsonl"


def write_records(path: Path = RECORDS) -> Path | None:
    """The fact-development documents as article records; None when ../shared is absent."""
    listed = FTB / "fact-dev-docs.txt"
    if not listed.is_file():
        return None
    wanted = set(listed.read_text(encoding="utf-8").split())
    path.parent.mkdir(parents=True, exist_ok=True)
    with (FTB / "ftib-documents.jsonl").open(encoding="utf-8") as src, path.open("w", encoding="utf-8") as out:
        for line in src:
            doc = json.loads(line)
            if doc["doc_id"] in wanted:
                record = {"id": doc["doc_id"], "text": doc["text"], "published": doc["dct"], "lang": "fr"}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="write the scores as JSON here")
    parser.add_argument("--report", type=Path, help="write the HTML error report here")
    args = parser.parse_args(argv)
    records = write_records()
    if records is None:
        print(f"skipped: {FTB} is absent")
        return 0
    from pipeline.evaluation import evaluate, format_scores

    scores = evaluate(GOLD, records, json_path=args.json, report_path=args.report)
    print(format_scores(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
