"""Fit the confidence model on the dev split and write models/<lang>/confidence.json.

Every dev article (corpus dev, the construction bank, the real-news part when ../shared is
present) is run through the pipeline; each predicted fact is a tuple hit when it matches a gold
fact whose who, event_type and when it gets right (SPEC section 6), else a miss. A logistic model
of hits on the extractor's cues is fitted; 5-fold cross-validation by article gives the expected
calibration error (ECE) it should have on unseen articles. The test split is never read.

    python bench/fit_confidence.py            # prints cross-validated ECE, writes the model
    python bench/fit_confidence.py --dry-run  # prints only
    python bench/fit_confidence.py --held-out GOLD ARTICLES   # and refit the bias there

Rules read off dev errors get dev rows right more often than an unseen article's, so a model
fitted on dev alone is overconfident on new text. ``--held-out`` (repeatable) names gold of
articles written after the rules last changed and never used to change them: the weights stay
the dev fit, the bias is refitted on those predictions (5-fold by article for the ECE printed).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))


def dev_sets(lang: str = "fr"):
    """(gold path, articles path) of every dev set of ``lang`` present."""
    from real_news import GOLD as REAL_GOLD
    from real_news import write_records

    corpus = ROOT / "corpus" / ("" if lang == "fr" else lang)
    sets = [(corpus / "gold.jsonl", corpus / "articles"),
            (corpus / "constructions" / "gold.jsonl", corpus / "constructions" / "sentences.jsonl")]
    if lang != "fr":
        return sets
    records = write_records()
    if records is not None:
        sets.append((REAL_GOLD, records))
    return sets


def labelled_predictions(lang: str = "fr", sets=None) -> list[tuple[str, dict, int]]:
    """(article id, cues, tuple hit) for every prediction on the dev split (or on ``sets``)."""
    from pipeline.evaluation import _resolve_evidence, load_gold
    from pipeline.ingest import expand_inputs, read_file
    from pipeline.nlp import doc_of, load_nlp
    from pipeline.scoring import TUPLE_SLOTS, match_facts, slot_right

    nlp = load_nlp(lang)
    out = []
    for gold_path, articles in sets or dev_sets(lang):
        gold = {k: v for k, v in load_gold(gold_path).items() if v.get("split", "dev") in ("dev", "real")}
        files, _ = expand_inputs([articles])
        wanted = [a for f in files for a in read_file(f) if getattr(a, "article_id", None) in gold]
        _resolve_evidence(gold, {a.article_id: a.text for a in wanted})
        for article, doc in zip(wanted, nlp.pipe(doc_of(nlp, a) for a in wanted), strict=True):
            pred = doc._.facts
            g = gold[article.article_id]["facts"]
            hits = {pi for gi, pi in match_facts(g, pred) if all(slot_right(s, g[gi], pred[pi]) for s in TUPLE_SLOTS)}
            out += [(article.article_id, p["cues"], int(i in hits)) for i, p in enumerate(pred)]
    return out


def held_out_bias(model, held, refit_bias, reliability):
    """The dev model with its bias refitted on ``held``, and what that did to the held-out ECE."""
    ids = sorted({a for a, _, _ in held})
    random.Random(0).shuffle(ids)
    folds = {a: i % 5 for i, a in enumerate(ids)}
    probs, hits = [], []
    for k in range(5):
        train = [(c, h) for a, c, h in held if folds[a] != k]
        shifted = refit_bias(model, [c for c, _ in train], [h for _, h in train])
        probs += [shifted(c) for a, c, _ in held if folds[a] == k]
        hits += [h for a, _, h in held if folds[a] == k]
    _, before = reliability([model(c) for _, c, _ in held], [h for _, _, h in held])
    _, after = reliability(probs, hits)
    refitted = refit_bias(model, [c for _, c, _ in held], [h for _, _, h in held])
    print(f"held out: {len(held)} predictions on {len(ids)} articles, tuple hits {sum(hits)}; "
          f"ECE with the dev fit {before:.3f}, bias refitted there (5-fold by article) {after:.3f}; "
          f"bias {model.bias:+.3f} -> {refitted.bias:+.3f}")
    return refitted, {"predictions": len(held), "articles": len(ids), "ece_dev_fit": before, "cv_ece": after}


def main(argv: list[str] | None = None) -> int:
    from pipeline.confidence import CONFIDENCE_FILE, cue_count, fit, refit_bias, reliability
    from pipeline.languages import models_dir

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="fr")
    parser.add_argument("--dry-run", action="store_true", help="print the figures, write nothing")
    parser.add_argument("--held-out", nargs=2, action="append", metavar=("GOLD", "ARTICLES"), default=[],
                        help="gold of dev articles the rules were never tuned on: the bias is refitted there")
    args = parser.parse_args(argv)
    data = labelled_predictions(args.lang)
    held = labelled_predictions(args.lang, [(Path(g), Path(a)) for g, a in args.held_out]) if args.held_out else []
    held_ids = {a for a, _, _ in held}
    # once the held-out articles have joined dev, the weights must still not see them
    data = [d for d in data if d[0] not in held_ids]
    ids = sorted({a for a, _, _ in data})
    random.Random(0).shuffle(ids)
    folds = {a: i % 5 for i, a in enumerate(ids)}
    cv_probs, cv_hits, rule_probs = [], [], []
    for k in range(5):
        train = [(c, h) for a, c, h in data if folds[a] != k]
        model = fit([c for c, _ in train], [h for _, h in train])
        for a, c, h in data:
            if folds[a] == k:
                cv_probs.append(model(c))
                cv_hits.append(h)
                rule_probs.append(cue_count(c))
    _, ece_rule = reliability(rule_probs, cv_hits)
    table, ece = reliability(cv_probs, cv_hits)
    print(f"{len(data)} predictions on {len(ids)} dev articles, tuple hits {sum(cv_hits)}")
    print(f"ECE, 5-fold cross-validation by article: fitted model {ece:.3f}, cue-count rule {ece_rule:.3f}")
    for row in table:
        print(f"  {row['bin']:12} {row['predictions']:5d}  confidence {row['mean_confidence']:.3f}  "
              f"tuple precision {row['tuple_precision']:.3f}")
    model = fit([c for _, c, _ in data], [h for _, _, h in data])
    fitted_on = {"predictions": len(data), "articles": len(ids), "cv_ece": ece}
    if args.held_out:
        model, fitted_on["held_out"] = held_out_bias(model, held, refit_bias, reliability)
    if not args.dry_run:
        path = models_dir() / args.lang / CONFIDENCE_FILE
        payload = {"_comment": "Written by bench/fit_confidence.py: a logistic model of tuple hits on the relation "
                               "extractor's cues, fitted on the dev split (pipeline/confidence.py).",
                   "weights": model.weights, "bias": model.bias,
                   "fitted_on": fitted_on}
        path.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
