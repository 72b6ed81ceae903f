"""Fit the who ranker on the dev split and write models/<lang>/who_ranker.json (pipeline/relations/who_ranker.py).

Every dev article of the language (corpus dev, with its story articles; the construction bank;
for French the real-news part when ../shared is present) is run through the pipeline with the
rules alone, keeping for each fact the candidates for who (the rules' pick first) and their
features. On facts matched to gold, a candidate is right when the project's scorer says its
phrase is (pipeline/scoring.py text_slot_right). A logistic regression (scikit-learn, the extra
``faits[train]``) scores candidates; the rules' pick is replaced when another candidate beats it
by a margin.

Cross-validation by group (a corpus article, a story's articles together, a construction of the
bank: never in both the training and the held-out fold) compares who slot accuracy and tuple
F1 of the rules and of the ranker on held-out folds; the regularisation and the margin are
chosen inside each training part (nested), so the held-out figures are not tuned on. The model is
written only when it beats the rules on the corpus' dev folds. The test split is never read.

    python bench/fit_who.py                # cross-validation table, then writes the model if it wins
    python bench/fit_who.py --dry-run      # the table only
    python bench/fit_who.py --lang en
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

FOLDS = 5
C_GRID = (0.1, 0.3, 1.0)
MARGIN_GRID = (0.0, 0.5, 1.0, 1.5, 2.0, 3.0, float("inf"))  # inf: the rules alone
# "pointwise": a logistic regression of each candidate being right; "softmax": a conditional logit over each
# fact's candidates (the probability of its right ones among them), which learns what tells candidates of one
# figure apart rather than right candidates of any figure from wrong ones. "pairwise" (on differences of two
# candidates) did no better in cross-validation and was dropped.
VARIANTS = ("pointwise", "softmax")


def dev_sets(lang: str) -> dict[str, tuple[Path, Path]]:
    """Name -> (gold path, articles path) of every dev set of ``lang`` present."""
    from real_news import GOLD as REAL_GOLD
    from real_news import write_records

    corpus = ROOT / "corpus" / ("" if lang == "fr" else lang)
    sets = {"corpus": (corpus / "gold.jsonl", corpus / "articles"),
            "bank": (corpus / "constructions" / "gold.jsonl", corpus / "constructions" / "sentences.jsonl")}
    if lang == "fr":
        records = write_records()
        if records is not None:
            sets["real"] = (REAL_GOLD, records)
    return sets


def group_of(set_name: str, article_id: str, gold: dict) -> str:
    """The unit of a fold: a construction of the bank, a story's articles together, else the article."""
    if set_name == "bank" and gold.get("construction"):
        return f"bank:{gold['construction']}"
    story = re.match(r"(s\d+)-", article_id)
    return f"{set_name}:{story.group(1) if story and set_name == 'corpus' else article_id}"


def collect(lang: str) -> dict[str, dict]:
    """Per dev set: its matched facts (group, gold who, candidates with labels, event type and when
    right) and its counts of predicted and gold facts (for tuple F1)."""
    from pipeline.evaluation import _resolve_evidence, load_gold
    from pipeline.ingest import expand_inputs, read_file
    from pipeline.nlp import doc_of, load_nlp
    from pipeline.scoring import match_facts, slot_right, text_slot_right

    nlp = load_nlp(lang)
    extractor = nlp.get_pipe("faits_facts").extractor
    extractor.who_ranker, extractor.log_who = None, True  # the rules' pick, and what it was chosen from
    out = {}
    for name, (gold_path, articles) in dev_sets(lang).items():
        gold = {k: v for k, v in load_gold(gold_path).items() if v.get("split", "dev") in ("dev", "real")}
        files, _ = expand_inputs([articles])
        wanted = [a for f in files for a in read_file(f) if getattr(a, "article_id", None) in gold]
        _resolve_evidence(gold, {a.article_id: a.text for a in wanted})
        facts, n_pred, n_gold = [], 0, 0
        for article, doc in zip(wanted, nlp.pipe(doc_of(nlp, a) for a in wanted), strict=True):
            pred, g = doc._.facts, gold[article.article_id]["facts"]
            n_pred, n_gold = n_pred + len(pred), n_gold + len(g)
            for gi, pi in match_facts(g, pred, lang):
                candidates = pred[pi]["who_candidates"]
                facts.append({
                    "group": group_of(name, article.article_id, gold[article.article_id]),
                    "gold_who": g[gi].get("who"), "evidence": pred[pi].get("evidence"),
                    "rest_right": slot_right("event_type", g[gi], pred[pi], lang) and slot_right(
                        "when", g[gi], pred[pi], lang),
                    "candidates": [{"phrase": c.phrase, "features": c.features,
                                    "right": text_slot_right(g[gi].get("who"), c.phrase, lang)}
                                   for c in candidates]})
        out[name] = {"facts": facts, "n_pred": n_pred, "n_gold": n_gold}
        print(f"{name}: {len(wanted)} articles, {len(facts)} matched facts", file=sys.stderr)
    return out


def _matrix(facts: list[dict], names: list[str]):
    import numpy as np

    index = {n: i for i, n in enumerate(names)}
    rows = [c for f in facts for c in f["candidates"]]
    x = np.zeros((len(rows), len(names)))
    for r, c in enumerate(rows):
        for k, v in c["features"].items():
            x[r, index[k]] = v
    return x, np.array([int(c["right"]) for c in rows])


def fit(facts: list[dict], c: float, variant: str) -> tuple[dict[str, float], float]:
    """Logistic regression of a candidate being right on its features ("pointwise"), a conditional logit
    over each fact's candidates ("softmax", no bias), or of which of two candidates of one fact is right on
    the difference of their features ("pairwise", no bias)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    # the features the training candidates have (the dependency paths are an open set: pipeline/relations/who_ranker.py)
    names = sorted({k for f in facts for c in f["candidates"] for k in c["features"]})
    if variant == "softmax":
        return _fit_softmax(facts, names, c), 0.0
    if variant == "pointwise":
        x, y = _matrix(facts, names)
        model = LogisticRegression(C=c, max_iter=5000).fit(x, y)
    else:
        diffs = []
        for f in facts:
            x, y = _matrix([f], names)
            diffs += [x[i] - x[j] for i in np.flatnonzero(y) for j in np.flatnonzero(y == 0)]
        x = np.array(diffs + [-d for d in diffs])
        y = np.array([1] * len(diffs) + [0] * len(diffs))
        model = LogisticRegression(C=c, max_iter=5000, fit_intercept=False).fit(x, y)
    return {n: round(float(w), 4) for n, w in zip(names, model.coef_[0], strict=True) if abs(w) > 1e-6}, round(
        float(model.intercept_[0]) if variant == "pointwise" else 0.0, 4)


def _fit_softmax(facts: list[dict], names: list[str], c: float) -> dict[str, float]:
    """A conditional logit: weights maximising, over the facts, the log of the probability (a softmax of the
    candidates' scores within the fact) of the fact's right candidates, with an L2 penalty of 1 / (2c)."""
    import numpy as np
    from scipy.optimize import minimize
    from scipy.sparse import csr_matrix

    index = {n: i for i, n in enumerate(names)}
    rows, cols, vals, labels, sizes = [], [], [], [], []
    for f in facts:
        for c_ in f["candidates"]:
            r = len(labels)
            for k, v in c_["features"].items():
                rows.append(r)
                cols.append(index[k])
                vals.append(v)
            labels.append(float(c_["right"]))
        sizes.append(len(f["candidates"]))
    x = csr_matrix((vals, (rows, cols)), shape=(len(labels), len(names)))
    y, sizes = np.array(labels), np.array(sizes)
    starts = np.r_[0, np.cumsum(sizes)[:-1]]
    has_right = np.add.reduceat(y, starts) > 0  # a fact without a right candidate teaches nothing

    def loss(w):
        s = x @ w
        e = np.exp(s - np.repeat(np.maximum.reduceat(s, starts), sizes))
        p = e / np.repeat(np.add.reduceat(e, starts), sizes)
        right = np.add.reduceat(p * y, starts)
        value = -np.sum(np.log(right[has_right])) + 0.5 * w @ w / c
        grad_s = np.where(np.repeat(has_right, sizes),
                          p - p * y / np.repeat(np.where(has_right, right, 1.0), sizes), 0.0)
        return value, x.T @ grad_s + w / c

    w = minimize(loss, np.zeros(len(names)), jac=True, method="L-BFGS-B", options={"maxiter": 500}).x
    return {n: round(float(v), 4) for n, v in zip(names, w, strict=True) if abs(v) > 1e-6}


def choices(facts: list[dict], weights: dict[str, float], bias: float, margin: float) -> list[bool]:
    """Whether the candidate the ranker keeps is right, fact by fact."""
    from pipeline.relations.who_ranker import Candidate, WhoRanker

    ranker = WhoRanker(weights, bias, margin)
    out = []
    for f in facts:
        cands = [Candidate(c["phrase"], c["features"]) for c in f["candidates"]]
        chosen = ranker.choose(cands)
        out.append(next(c["right"] for c, k in zip(f["candidates"], cands, strict=True) if k is chosen))
    return out


def tuple_f1(facts: list[dict], who_right: list[bool], n_pred: int, n_gold: int) -> float:
    hits = sum(w and f["rest_right"] for f, w in zip(facts, who_right, strict=True))
    p, r = hits / n_pred if n_pred else 0.0, hits / n_gold if n_gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def folds_of(facts: list[dict], k: int, seed: int) -> list[int]:
    groups = sorted({f["group"] for f in facts})
    random.Random(seed).shuffle(groups)
    fold = {g: i % k for i, g in enumerate(groups)}
    return [fold[f["group"]] for f in facts]


def choose_settings(facts: list[dict]) -> tuple[str, float, float]:
    """(variant, C, margin) with the most right who over an inner cross-validation of ``facts``."""
    fold = folds_of(facts, 4, seed=1)
    right = {(v, c, m): 0 for v in VARIANTS for c in C_GRID for m in MARGIN_GRID}
    for k in range(4):
        train = [f for f, i in zip(facts, fold, strict=True) if i != k]
        held = [f for f, i in zip(facts, fold, strict=True) if i == k]
        for v in VARIANTS:
            for c in C_GRID:
                weights, bias = fit(train, c, v)
                for m in MARGIN_GRID:
                    right[(v, c, m)] += sum(choices(held, weights, bias, m))
    # ties go to the larger margin (closer to the rules) and the stronger penalty
    return max(right, key=lambda s: (right[s], s[2], -s[1]))


def cross_validate(data: dict[str, dict], train_sets: list[str]) -> tuple[dict[str, dict], list]:
    """Held-out who accuracy and tuple F1 of the rules and of the ranker, per dev set."""
    facts = [dict(f, set=name) for name in data for f in data[name]["facts"]]
    fold = folds_of(facts, FOLDS, seed=0)
    ranker_right: dict[int, bool] = {}
    settings = []
    for k in range(FOLDS):
        train = [f for f, i in zip(facts, fold, strict=True) if i != k and f["set"] in train_sets]
        variant, c, margin = choose_settings(train)
        settings.append((variant, c, margin))
        weights, bias = fit(train, c, variant)
        held = [j for j, i in enumerate(fold) if i == k]
        for j, right in zip(held, choices([facts[j] for j in held], weights, bias, margin), strict=True):
            ranker_right[j] = right
    table = {}
    for name in data:
        idx = [j for j, f in enumerate(facts) if f["set"] == name]
        sub = [facts[j] for j in idx]
        rules = [f["candidates"][0]["right"] for f in sub]
        ranked = [ranker_right[j] for j in idx]
        n_pred, n_gold = data[name]["n_pred"], data[name]["n_gold"]
        table[name] = {"matched": len(sub), "who_rules": sum(rules) / len(sub), "who_ranker": sum(ranked) / len(sub),
                       "tuple_f1_rules": tuple_f1(sub, rules, n_pred, n_gold),
                       "tuple_f1_ranker": tuple_f1(sub, ranked, n_pred, n_gold),
                       "changed_to_right": sum(b and not a for a, b in zip(rules, ranked, strict=True)),
                       "changed_to_wrong": sum(a and not b for a, b in zip(rules, ranked, strict=True))}
    return table, settings


def main(argv: list[str] | None = None) -> int:
    from pipeline.languages import models_dir
    from pipeline.relations.who_ranker import WHO_RANKER_FILE

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="fr")
    parser.add_argument("--train", default="corpus,bank", help="dev sets to train on (corpus, bank, real)")
    parser.add_argument("--cache", type=Path, help="read (or write) the candidates here, to refit without parsing")
    parser.add_argument("--dry-run", action="store_true", help="print the figures, write nothing")
    args = parser.parse_args(argv)
    try:
        import sklearn  # noqa: F401
    except ImportError:
        print("bench/fit_who.py needs scikit-learn: pip install 'faits[train]'", file=sys.stderr)
        return 1
    if args.cache is not None and args.cache.is_file():
        data = json.loads(args.cache.read_text(encoding="utf-8"))
    else:
        data = collect(args.lang)
        if args.cache is not None:
            args.cache.parent.mkdir(parents=True, exist_ok=True)
            args.cache.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    train_sets = [s for s in args.train.split(",") if s in data]
    table, settings = cross_validate(data, train_sets)
    print(f"{FOLDS}-fold cross-validation by group, trained on {'+'.join(train_sets)}; "
          f"(variant, C, margin) chosen inside each training part: {settings}")
    print("| set | matched facts | who rules | who ranker | tuple F1 rules | tuple F1 ranker | to right | to wrong |")
    print("|---|---|---|---|---|---|---|---|")
    for name, row in table.items():
        print(f"| {name} | {row['matched']} | {row['who_rules']:.3f} | {row['who_ranker']:.3f} | "
              f"{row['tuple_f1_rules']:.3f} | {row['tuple_f1_ranker']:.3f} | {row['changed_to_right']} | "
              f"{row['changed_to_wrong']} |")
    corpus = table["corpus"]
    wins = corpus["tuple_f1_ranker"] > corpus["tuple_f1_rules"] and corpus["who_ranker"] > corpus["who_rules"]
    train = [f for name in train_sets for f in data[name]["facts"]]
    variant, c, margin = choose_settings(train)
    weights, bias = fit(train, c, variant)
    print(f"final model: {variant}, C={c}, margin={margin}, {len(weights)} weights; "
          f"{'beats' if wins else 'does not beat'} the rules on the corpus' dev folds")
    path = models_dir() / args.lang / WHO_RANKER_FILE
    if args.dry_run or not wins or margin == float("inf"):
        print(f"{path} not written")
        return 0
    payload = {"_comment": "Written by bench/fit_who.py: a logistic model of a who candidate being right, fitted "
                           "on the dev split; the rules' pick is replaced when another candidate scores "
                           "margin above it (pipeline/relations/who_ranker.py).",
               "weights": weights, "bias": bias, "margin": margin,
               "fitted_on": {"matched_facts": len(train), "C": c, "pairwise": float(variant == "pairwise"),
                             "softmax": float(variant == "softmax")}
               | {f"cv_{name}_{k}": round(v, 4) for name, row in table.items() for k, v in row.items()
                  if k.startswith(("who", "tuple"))}}
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
