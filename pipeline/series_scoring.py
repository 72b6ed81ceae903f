"""Series scoring (SPEC section 7): B-cubed precision, recall and F1 of predicted series on matched facts.

Only fact pairs matched by SPEC section 6 count, each with the same weight. A
gold fact's series is its ``series`` label (labels are unique within a gold
file, so one label may span articles); a gold fact without one is a series of
its own. A prediction's series is its ``series_id``; one without is a series
of its own.
"""

from __future__ import annotations

from collections import defaultdict


def bcubed(gold_labels: list, pred_labels: list) -> dict[str, float]:
    """B-cubed P/R/F1 of two labellings of the same items (lists of hashable labels, same order)."""
    n = len(gold_labels)
    if n == 0:
        return {"p": 0.0, "r": 0.0, "f1": 0.0, "n": 0}
    gold_of: dict = defaultdict(set)
    pred_of: dict = defaultdict(set)
    for i, (g, p) in enumerate(zip(gold_labels, pred_labels, strict=True)):
        gold_of[g].add(i)
        pred_of[p].add(i)
    p_sum = r_sum = 0.0
    for g, p in zip(gold_labels, pred_labels, strict=True):
        both = len(gold_of[g] & pred_of[p])
        p_sum += both / len(pred_of[p])
        r_sum += both / len(gold_of[g])
    p, r = p_sum / n, r_sum / n
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "n": n}


def _label(value):
    if value is None or value != value or value == "":  # None, NaN, NA-like
        return None
    return str(value)


def series_scores(gold_articles: dict[str, dict], pred_facts: dict[str, list[dict]],
                  per_article: list[dict]) -> dict:
    """B-cubed over the matched pairs of :func:`pipeline.scoring.score` (its ``per_article`` list).

    Also counts the gold series of more than one fact among the matched ones, and how many span articles.
    """
    gold_labels, pred_labels = [], []
    for art in per_article:
        article_id = art["article_id"]
        gold = gold_articles[article_id].get("facts", [])
        pred = pred_facts.get(article_id, [])
        for gi, pi in art["pairs"]:
            g = _label(gold[gi].get("series"))
            p = _label(pred[pi].get("series_id"))
            gold_labels.append(("gold", g) if g is not None else ("gold-own", article_id, gi))
            pred_labels.append(("pred", p) if p is not None else ("pred-own", article_id, pi))
    scores = bcubed(gold_labels, pred_labels)
    members: dict = defaultdict(set)
    for (kind, *key), art in zip(gold_labels, _articles(per_article), strict=True):
        if kind == "gold":
            members[key[0]].add(art)
    scores["gold_series"] = len(members)
    scores["gold_series_across_articles"] = sum(len(a) > 1 for a in members.values())
    scores["labelled"] = any("series" in f for line in gold_articles.values() for f in line.get("facts", []))
    return scores


def _articles(per_article: list[dict]):
    for art in per_article:
        for _ in art["pairs"]:
            yield art["article_id"]


__all__ = ["bcubed", "series_scores"]
