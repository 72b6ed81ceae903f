"""bench/subset.py writes the gold lines of the chosen articles and links to their texts, nothing else."""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from subset import write_subset  # noqa: E402


def test_only_matching_lines_of_the_split(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    lines = [{"article_id": "b1-a", "split": "dev"}, {"article_id": "b1-b", "split": "test"},
             {"article_id": "b2-c", "split": "dev"}]
    for line in lines:
        (articles / f"{line['article_id']}.txt").write_text("Titre\n\nTexte.", encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    out = tmp_path / "out"
    assert write_subset(gold, articles, "b1-", out, "dev") == 1
    assert [json.loads(x)["article_id"] for x in (out / "gold.jsonl").read_text().splitlines()] == ["b1-a"]
    assert sorted(p.name for p in (out / "articles").iterdir()) == ["b1-a.txt"]
    assert (out / "articles" / "b1-a.txt").resolve() == (articles / "b1-a.txt").resolve()
