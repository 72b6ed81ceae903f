"""faits evaluate on the seeds and the corpus, its JSON and HTML outputs, and bad gold lines."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.errors import FaitsError
from pipeline.evaluation import evaluate, load_gold

from .conftest import CORPUS

pytestmark = pytest.mark.model


class MarkCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.labels, self.scripts, self._in_mark = [], 0, False

    def handle_starttag(self, tag, attrs):
        if tag == "mark":
            self._in_mark = True
        if tag == "script":
            self.scripts += 1

    def handle_endtag(self, tag):
        if tag == "mark":
            self._in_mark = False

    def handle_data(self, data):
        if self._in_mark and data.strip() in ("MATCH", "SLOT ERROR", "MISS", "FALSE+", "MISS+FALSE+"):
            self.labels.append(data.strip())


def test_seeds_scores_json_and_report(shared, nlp, tmp_path):
    scores = evaluate(shared / "gold" / "seeds.jsonl", shared / "seeds",
                      json_path=tmp_path / "s.json", report_path=tmp_path / "r.html")
    # measured 1.000 / 0.909 (10 of 11 tuples); floors leave a little room
    assert scores["fact_f1"] >= 0.95
    assert scores["tuple_f1"] >= 0.8
    saved = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    for key in ("fact_p", "fact_r", "fact_f1", "tuple_p", "tuple_r", "tuple_f1", "slots",
                "by_event_type", "by_qualifier", "by_confidence", "misses", "false_positives"):
        assert key in saved
    assert set(saved["slots"]) == {"event_type", "qualifier", "who", "what", "unit", "where", "source", "when"}
    parser = MarkCollector()
    parser.feed((tmp_path / "r.html").read_text(encoding="utf-8"))
    # a matched figure is a MATCH, or a SLOT ERROR when its who, event_type or when is wrong (no tuple hit)
    assert parser.labels.count("MATCH") + parser.labels.count("SLOT ERROR") == scores["n_matched"]
    assert parser.labels.count("SLOT ERROR") == scores["n_matched"] - scores["n_tuple_hits"]
    assert parser.scripts == 1  # the page's own article filter, nothing from the articles


def test_report_escapes_article_markup(nlp, tmp_path):
    arts = tmp_path / "a"
    arts.mkdir()
    (arts / "x.txt").write_text("<script>alert(1)</script> Plus de 40 personnes ont été blessées mardi.",
                                encoding="utf-8")
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({"article_id": "x", "published": "2025-01-02", "facts": [
        {"how_many": 40, "qualifier": "more_than", "event_type": "wounded", "evidence": "Plus de 40 personnes"}
    ]}) + "\n", encoding="utf-8")
    evaluate(gold, arts, report_path=tmp_path / "r.html")
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page


def test_bad_gold_line_is_named(tmp_path):
    gold = tmp_path / "g.jsonl"
    gold.write_text('{"article_id": "a", "facts": []}\n{"article_id": "b", "facts": [{"how_many": "x"}]}\n',
                    encoding="utf-8")
    with pytest.raises(FaitsError, match=r"line 2: fact 1 lacks 'qualifier'"):
        load_gold(gold)
    result = CliRunner().invoke(app, ["evaluate", "--gold", str(gold), "--pred", str(gold)])
    assert result.exit_code == 1 and "line 2" in result.output


def test_scoring_a_predicted_table(shared, nlp, tmp_path):
    out = tmp_path / "out"
    assert CliRunner().invoke(app, ["run", str(shared / "seeds"), "-o", str(out), "-q"]).exit_code == 0
    from_table = evaluate(shared / "gold" / "seeds.jsonl", pred_path=out / "facts.parquet")
    direct = evaluate(shared / "gold" / "seeds.jsonl", shared / "seeds")
    assert from_table["fact_f1"] == direct["fact_f1"] and from_table["tuple_f1"] == direct["tuple_f1"]
    assert from_table["numbers"] is None  # mention lists need the pipeline's Docs


def test_quiet_headline_gives_series_only_for_gold_with_series_labels(shared, nlp, tmp_path):
    import json

    gold = shared / "gold" / "seeds.jsonl"
    quiet = CliRunner().invoke(app, ["evaluate", "-g", str(gold), "-a", str(shared / "seeds"), "-q"])
    assert quiet.exit_code == 0 and "series B3 F1" in quiet.output.splitlines()[-1]
    unlabelled = tmp_path / "gold.jsonl"
    lines = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    for line in lines:
        for fact in line["facts"]:
            fact.pop("series", None)
    unlabelled.write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in lines), encoding="utf-8")
    quiet = CliRunner().invoke(app, ["evaluate", "-g", str(unlabelled), "-a", str(shared / "seeds"), "-q"])
    assert quiet.exit_code == 0 and "series" not in quiet.output.splitlines()[-1]


def test_corpus_dev_split_floors(nlp):
    scores = evaluate(CORPUS / "gold.jsonl", CORPUS / "articles", split="dev")
    assert scores["articles"] >= 190
    # floors a little under the measured figures (README, Accuracy, seventh session, fr-rules: 87 articles,
    # fact F1 0.972, tuple F1 0.721, ECE 0.043; thirteenth session, 172 articles: fact F1 0.972, tuple F1 0.771;
    # fourteenth session, 181 articles with b27 and s23: fact F1 0.974, tuple F1 0.783; fifteenth session, 190
    # articles with b29 and s25: fact F1 0.973, tuple F1 0.788)
    assert scores["fact_f1"] >= 0.96
    assert scores["tuple_f1"] >= 0.77
    # confidence is a probability for unseen text: its bias is refitted on dev batches held out while the
    # rules changed (bench/fit_confidence.py --held-out), so on the text the rules were tuned on it is cautious:
    # in every well-filled bin it under-states the share of tuple hits, never over-states it by more than a
    # little (README, Accuracy, ninth session: dev ECE 0.11, held-out 0.049)
    filled = [b for b in scores["reliability"] if b["predictions"] >= 20]
    assert filled and all(b["mean_confidence"] <= b["tuple_precision"] + 0.05 for b in filled)
    assert scores["ece"] <= 0.15
    buckets = [b for b in scores["by_confidence"] if b["predictions"] >= 5]
    assert buckets[-1]["tuple_precision"] > buckets[0]["tuple_precision"]


def test_construction_bank_floors(nlp):
    bank = CORPUS / "constructions"
    scores = evaluate(bank / "gold.jsonl", bank / "sentences.jsonl")
    assert scores["articles"] >= 410 and len(scores["by_construction"]) >= 60
    # floors a little under the measured figures (README, Accuracy, seventh session, fr-rules: 470 items,
    # fact F1 0.982, tuple F1 0.837; thirteenth session, 478 items: fact F1 0.986, tuple F1 0.881)
    assert scores["fact_f1"] >= 0.97
    assert scores["tuple_f1"] >= 0.86
