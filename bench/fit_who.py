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

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dev_folds import choose_settings as nested_choice  # noqa: E402
from dev_folds import comparison_by_set, fit_inputs, held_out, matched_facts  # noqa: E402

FOLDS = 5
C_GRID = (0.1, 0.3, 1.0)
MARGIN_GRID = (0.0, 0.5, 1.0, 1.5, 2.0, 3.0, float("inf"))  # inf: the rules alone
# "pointwise": a logistic regression of each candidate being right; "softmax": a conditional logit over each
# fact's candidates (the probability of its right ones among them), which learns what tells candidates of one
# figure apart rather than right candidates of any figure from wrong ones. "pairwise" (on differences of two
# candidates) did no better in cross-validation and was dropped.
VARIANTS = ("pointwise", "softmax")


def collect(lang: str) -> dict[str, dict]:
    """Per dev set: its matched facts (group, gold who, candidates with labels, event type and when
    right) and its counts of predicted and gold facts (for tuple F1)."""
    from pipeline.scoring import slot_right, text_slot_right

    def setup(extractor) -> None:
        extractor.who_ranker, extractor.log_who = None, True  # the rules' pick, and what it was chosen from

    out: dict[str, dict] = {}
    for name, g, p, n_pred, n_gold in matched_facts(lang, setup):
        data = out.setdefault(name, {"facts": []})
        if g is None:
            data |= {"n_pred": n_pred, "n_gold": n_gold}
            continue
        data["facts"].append({
            "group": g["_group"], "gold_who": g.get("who"), "evidence": p.get("evidence"),
            "rest_right": slot_right("event_type", g, p, lang) and slot_right("when", g, p, lang),
            "candidates": [{"phrase": c.phrase, "features": c.features,
                            "right": text_slot_right(g.get("who"), c.phrase, lang)}
                           for c in p["who_candidates"]]})
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


def choose_settings(facts: list[dict]) -> tuple[str, float, float]:
    """(variant, C, margin) with the most right who over an inner cross-validation of ``facts``."""
    (variant, c), margin = nested_choice(
        facts, [(v, c) for c in C_GRID for v in VARIANTS], MARGIN_GRID, lambda train, p: fit(train, p[1], p[0]),
        lambda held, model, m: sum(choices(held, *model, m)))
    return variant, c, margin


def cross_validate(data: dict[str, dict], train_sets: list[str]) -> tuple[dict[str, dict], list]:
    """Held-out who accuracy and tuple F1 of the rules and of the ranker, per dev set."""
    facts, ranker_right, settings = held_out(
        data, train_sets, choose_settings, lambda train, s: fit(train, s[1], s[0]),
        lambda held, model, s: choices(held, *model, s[2]), folds=FOLDS)
    rules = [f["candidates"][0]["right"] for f in facts]
    return comparison_by_set(data, facts, rules, ranker_right, "who", "ranker"), settings


def main(argv: list[str] | None = None) -> int:
    from pipeline.languages import models_dir
    from pipeline.relations.who_ranker import WHO_RANKER_FILE

    inputs = fit_inputs(argv, __doc__, "bench/fit_who.py", collect, "the candidates")
    if inputs is None:
        return 1
    args, data, train_sets = inputs
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
