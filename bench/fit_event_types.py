"""Fit the event-type corrector on the dev split and write models/<lang>/event_types.json
(pipeline/relations/event_corrector.py).

Every dev article of the language (bench/dev_folds.py: corpus dev with its story articles, the
construction bank, for French the real-news part when ../shared is present) is run through the
pipeline with the rules alone, keeping for each fact the rules' type and the features of the parse
around the figure. On the facts matched to gold, a multinomial logistic regression (scikit-learn,
the extra ``faits[train]``) learns the gold type from them; the rules' type is replaced when
another scores a margin above it.

Cross-validation by group (a corpus article, a story's articles together, a construction of the
bank: never in both the training and the held-out fold) compares event_type accuracy and tuple F1
of the rules and of the corrector on held-out folds; the regularisation and the margin (infinite:
the rules alone) are chosen inside each training part (nested), so the held-out figures are not
tuned on. The model is written only when it beats the rules on the corpus' dev folds in both
event_type accuracy and tuple F1 and the bank's event_type accuracy does not drop. The test split is
never read.

    python bench/fit_event_types.py                # cross-validation table, then writes the model if it wins
    python bench/fit_event_types.py --dry-run      # the table only
    python bench/fit_event_types.py --lang en
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dev_folds import choose_settings, comparison_by_set, fit_inputs, held_out, matched_facts  # noqa: E402

FOLDS = 5
C_GRID = ((0.03,), (0.1,), (0.3,), (1.0,))  # the stronger penalty first: it wins ties
MARGIN_GRID = (0.0, 0.5, 1.0, 1.5, 2.0, 3.0, math.inf)  # inf: the rules alone
MIN_COUNT = 2  # a lemma feature seen on fewer training facts is left out (it would only learn its one fact)


def collect(lang: str) -> dict[str, dict]:
    """Per dev set: its matched facts (group, gold and rules' type, features, who and when right) and its
    counts of predicted and gold facts (for tuple F1)."""
    from pipeline.scoring import slot_right

    def setup(extractor) -> None:
        extractor.event_model, extractor.log_event_type = None, True  # the rules' type, and what the parse says

    out: dict[str, dict] = {}
    for name, g, p, n_pred, n_gold in matched_facts(lang, setup):
        data = out.setdefault(name, {"facts": []})
        if g is None:
            data |= {"n_pred": n_pred, "n_gold": n_gold}
            continue
        data["facts"].append({
            "group": g["_group"], "gold": g.get("event_type"), "rules": p["event_type"],
            "from": p.get("event_type_from"), "evidence": p.get("evidence"),
            "features": p["event_type_features"],
            "rest_right": slot_right("who", g, p, lang) and slot_right("when", g, p, lang)})
    return out


def fit(facts: list[dict], settings: tuple):
    """An :class:`EventTypeModel` (margin 0) of the gold type on the features, L2 penalty ``C``."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    from pipeline.relations.event_corrector import EventTypeModel

    (c,) = settings
    facts = [f for f in facts if f["gold"]]
    seen: dict[str, int] = {}
    for f in facts:
        for k in f["features"]:
            seen[k] = seen.get(k, 0) + 1
    rows = [{k: v for k, v in f["features"].items() if seen[k] >= MIN_COUNT} for f in facts]
    labels = [f["gold"] for f in facts]
    if len(set(labels)) < 2:
        return EventTypeModel({}, {}, 0.0)
    vec = DictVectorizer()
    x = vec.fit_transform(rows)
    model = LogisticRegression(C=c, max_iter=5000).fit(x, labels)
    names = vec.get_feature_names_out()
    classes = [str(k) for k in model.classes_]
    coef, intercept = model.coef_, model.intercept_
    if len(classes) == 2:  # one row for the second class: split it in two opposite halves
        coef, intercept = [-coef[0] / 2, coef[0] / 2], [-intercept[0] / 2, intercept[0] / 2]
    weights = {t: {n: round(float(w), 4) for n, w in zip(names, row, strict=True) if abs(w) >= 1e-4}
               for t, row in zip(classes, coef, strict=True)}
    return EventTypeModel(weights, {t: round(float(b), 4) for t, b in zip(classes, intercept, strict=True)}, 0.0)


def choices(facts: list[dict], model, margin: float) -> list[str]:
    """The type the corrector keeps, fact by fact (the runtime's choice: pipeline/relations/event_corrector.py)."""
    from pipeline.relations.event_corrector import KEPT_ORIGINS, EventTypeModel

    model = EventTypeModel(model.weights, model.bias, margin)
    return [f["rules"] if f["from"] in KEPT_ORIGINS else model.choose(f["rules"], f["features"]) for f in facts]


def right(facts: list[dict], model, margin: float) -> int:
    return sum(t == f["gold"] for f, t in zip(facts, choices(facts, model, margin), strict=True))


def cross_validate(data: dict[str, dict], train_sets: list[str]) -> tuple[dict[str, dict], list]:
    """Held-out event_type accuracy and tuple F1 of the rules and of the corrector, per dev set."""
    facts, chosen, settings = held_out(
        data, train_sets, lambda train: choose_settings(train, C_GRID, MARGIN_GRID, fit, right),
        lambda train, s: fit(train, s[0]), lambda held, model, s: choices(held, model, s[1]), folds=FOLDS)
    rules = [f["rules"] == f["gold"] for f in facts]
    model = [c == f["gold"] for f, c in zip(facts, chosen, strict=True)]
    table = comparison_by_set(data, facts, rules, model, "type", "model")
    for name, row in table.items():
        row["changed_wrong_to_wrong"] = sum(f["set"] == name and not r and not m and c != f["rules"]
                                            for f, r, m, c in zip(facts, rules, model, chosen, strict=True))
    return table, settings


def main(argv: list[str] | None = None) -> int:
    from pipeline.languages import models_dir
    from pipeline.relations.event_corrector import EVENT_TYPES_FILE

    inputs = fit_inputs(argv, __doc__, "bench/fit_event_types.py", collect, "the facts' features")
    if inputs is None:
        return 1
    args, data, train_sets = inputs
    table, settings = cross_validate(data, train_sets)
    print(f"{FOLDS}-fold cross-validation by group, trained on {'+'.join(train_sets)}; "
          f"(C, margin) chosen inside each training part: {[(p[0], m) for p, m in settings]}")
    print("| set | matched facts | event_type rules | event_type model | tuple F1 rules | tuple F1 model | "
          "to right | to wrong | wrong to wrong |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, row in table.items():
        print(f"| {name} | {row['matched']} | {row['type_rules']:.3f} | {row['type_model']:.3f} | "
              f"{row['tuple_f1_rules']:.3f} | {row['tuple_f1_model']:.3f} | {row['changed_to_right']} | "
              f"{row['changed_to_wrong']} | {row['changed_wrong_to_wrong']} |")
    corpus, bank = table["corpus"], table.get("bank")
    wins = (corpus["type_model"] > corpus["type_rules"] and corpus["tuple_f1_model"] > corpus["tuple_f1_rules"]
            and (bank is None or bank["type_model"] >= bank["type_rules"]))
    train = [f for name in train_sets for f in data[name]["facts"]]
    p, margin = choose_settings(train, C_GRID, MARGIN_GRID, fit, right)
    model = fit(train, p)
    print(f"final model: C={p[0]}, margin={margin}, {sum(map(len, model.weights.values()))} weights; "
          f"{'beats' if wins else 'does not beat'} the rules on the corpus' dev folds")
    path = models_dir() / args.lang / EVENT_TYPES_FILE
    if args.dry_run or not wins or margin == math.inf:
        print(f"{path} not written")
        return 0
    payload = {"_comment": "Written by bench/fit_event_types.py: a multinomial logistic model of a figure's event "
                           "type from the parse around it, fitted on the dev split; the rules' type is replaced "
                           "when another scores margin above it (pipeline/relations/event_corrector.py).",
               "weights": model.weights, "bias": model.bias, "margin": margin,
               "fitted_on": {"matched_facts": len(train), "C": p[0]}
               | {f"cv_{name}_{k}": round(v, 4) for name, row in table.items() for k, v in row.items()
                  if k.startswith(("type", "tuple"))}}
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=False) + "\n", encoding="utf-8")
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
