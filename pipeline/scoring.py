"""Score predicted facts against gold facts (SPEC section 6). Plain functions, no spaCy.

- Facts match when their values agree (how_many within a relative 1e-6, and
  how_many_high when the gold has one). Among candidates, a prediction whose
  evidence overlaps the gold evidence is preferred, then one whose ``who``
  agrees; pairs are taken one to one, greedily.
- On matched pairs, each slot is right or wrong; a pair whose who,
  event_type, how_many and when are all right is a tuple hit.
- numbers, dates and entities: multiset P/R/F1 per article, summed.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime

from .languages import DEFAULT_LANG, language_data
from .syntax import strip_accents

TEXT_SLOTS = ("who", "what", "unit", "where", "source")
ALL_SLOTS = ("event_type", "qualifier") + TEXT_SLOTS + ("when",)
TUPLE_SLOTS = ("who", "event_type", "when")
WHEN_TOLERANCE_DAYS = 3
REL_TOL = 1e-6


def slot_tokens(text: str | None, lang: str = DEFAULT_LANG) -> list[str]:
    """Lowercase, split (an elided article keeps its apostrophe), drop the language's slot stopwords
    (SPEC sections 6 and 8), remove accents, keep the first five characters of each token."""
    if text is None:
        return []
    text = str(text).lower().replace("’", "'")
    tokens = re.findall(r"\w+'|\w+", text)
    stopwords = language_data(lang).slot_stopwords
    return [strip_accents(t)[:5] for t in tokens if t not in stopwords]


def token_f1(a: str | None, b: str | None, lang: str = DEFAULT_LANG) -> float:
    ta, tb = Counter(slot_tokens(a, lang)), Counter(slot_tokens(b, lang))
    if not ta and not tb:
        # symbols only ("%"): compare them as written
        return 1.0 if a is not None and b is not None and str(a).strip() == str(b).strip() else 0.0
    if not ta or not tb:
        return 0.0
    common = sum((ta & tb).values())
    if common == 0:
        return 0.0
    p, r = common / sum(ta.values()), common / sum(tb.values())
    return 2 * p * r / (p + r)


def _is_null(value) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    try:
        import pandas as pd

        if value is pd.NA or value is pd.NaT:
            return True
    except ImportError:  # pragma: no cover
        pass
    return isinstance(value, str) and value.strip() == ""


def text_slot_right(gold, pred, lang: str = DEFAULT_LANG) -> bool:
    if _is_null(gold) and _is_null(pred):
        return True
    if _is_null(gold) or _is_null(pred):
        return False
    return token_f1(str(gold), str(pred), lang) >= 0.5


def _as_date(value) -> date | None:
    if _is_null(value):
        return None
    if isinstance(value, datetime):  # also pandas.Timestamp
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def when_right(gold: dict, pred: dict) -> bool:
    gs, ge = _as_date(gold.get("when_start")), _as_date(gold.get("when_end"))
    ps, pe = _as_date(pred.get("when_start")), _as_date(pred.get("when_end"))
    if gs is None and ge is None:
        return ps is None and pe is None
    if ps is None or pe is None or gs is None or ge is None:
        return False
    return abs((ps - gs).days) <= WHEN_TOLERANCE_DAYS and abs((pe - ge).days) <= WHEN_TOLERANCE_DAYS


def slot_right(slot: str, gold: dict, pred: dict, lang: str = DEFAULT_LANG) -> bool:
    if slot == "when":
        return when_right(gold, pred)
    if slot in TEXT_SLOTS:
        return text_slot_right(gold.get(slot), pred.get(slot), lang)
    return (gold.get(slot) or None) == (pred.get(slot) or None)


def values_match(gold: dict, pred: dict) -> bool:
    gv, pv = gold.get("how_many"), pred.get("how_many")
    if _is_null(gv) or _is_null(pv):
        return False
    if not math.isclose(float(gv), float(pv), rel_tol=REL_TOL):
        return False
    gh = gold.get("how_many_high")
    if not _is_null(gh):
        ph = pred.get("how_many_high")
        return not _is_null(ph) and math.isclose(float(gh), float(ph), rel_tol=REL_TOL)
    return True


def evidence_overlaps(gold_evidence: str | None, pred_evidence: str | None) -> bool:
    if _is_null(gold_evidence) or _is_null(pred_evidence):
        return False
    pred_norm = " ".join(str(pred_evidence).split())
    for piece in str(gold_evidence).split("..."):
        piece = " ".join(piece.split())
        if len(piece) >= 3 and (piece in pred_norm or pred_norm in piece):
            return True
    return False


def match_facts(gold: list[dict], pred: list[dict], lang: str = DEFAULT_LANG) -> list[tuple[int, int]]:
    """One-to-one greedy matching: (gold index, pred index) pairs."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if values_match(g, p):
                overlap = evidence_overlaps(g.get("evidence"), p.get("evidence"))
                who = text_slot_right(g.get("who"), p.get("who"), lang)
                candidates.append((not overlap, not who, gi, pi))
    candidates.sort()
    used_g, used_p, pairs = set(), set(), []
    for _, _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": tp, "n_pred": n_pred, "n_gold": n_gold}


@dataclass
class Tally:
    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0

    def add(self, tp: int, n_pred: int, n_gold: int) -> None:
        self.tp += tp
        self.n_pred += n_pred
        self.n_gold += n_gold

    def scores(self) -> dict[str, float]:
        return prf(self.tp, self.n_pred, self.n_gold)


def multiset_counts(gold: list, pred: list) -> tuple[int, int, int]:
    g, p = Counter(gold), Counter(pred)
    return sum((g & p).values()), sum(p.values()), sum(g.values())


def number_key(item: dict, lang: str = DEFAULT_LANG) -> tuple:
    return (round(float(item["value"]), 4), item.get("qualifier", "exact"))


def date_key(item: dict, lang: str = DEFAULT_LANG) -> tuple:
    return (str(item["start"])[:10], str(item["end"])[:10])


def entity_key(item: dict, lang: str = DEFAULT_LANG) -> tuple:
    return (" ".join(slot_tokens(item["text"], lang)), item["label"])


CONFIDENCE_BUCKETS = ((0.0, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 1.01))


@dataclass
class ArticleResult:
    article_id: str
    pairs: list[tuple[int, int]]
    gold: list[dict]
    pred: list[dict]
    slot_right: dict[tuple[int, int], dict[str, bool]] = field(default_factory=dict)

    @property
    def tuple_hits(self) -> int:
        return sum(all(r[s] for s in TUPLE_SLOTS) for r in self.slot_right.values())


def score_article(article_id: str, gold: list[dict], pred: list[dict], lang: str = DEFAULT_LANG) -> ArticleResult:
    pairs = match_facts(gold, pred, lang)
    result = ArticleResult(article_id, pairs, gold, pred)
    for gi, pi in pairs:
        result.slot_right[(gi, pi)] = {s: slot_right(s, gold[gi], pred[pi], lang) for s in ALL_SLOTS}
    return result


def score(
    gold_articles: dict[str, dict],
    pred_facts: dict[str, list[dict]],
    pred_mentions: dict[str, dict[str, list[dict]]] | None = None,
) -> dict:
    """Score every gold article. Returns flat figures plus breakdowns and error lists.

    gold_articles: article_id → gold line (SPEC section 5).
    pred_facts: article_id → predicted fact rows (dicts with SPEC's columns).
    pred_mentions: article_id → {"numbers", "dates", "entities"} predicted lists, if known.
    """
    facts, tuples = Tally(), Tally()
    slot_hits: Counter = Counter()
    n_pairs = 0
    by_type: dict[str, Tally] = {}
    by_qualifier: dict[str, Tally] = {}
    mention_tallies = {"numbers": Tally(), "dates": Tally(), "entities": Tally()}
    keys = {"numbers": number_key, "dates": date_key, "entities": entity_key}
    buckets = {b: [0, 0, 0] for b in CONFIDENCE_BUCKETS}  # predictions, matched, tuple hits
    misses, false_positives, articles = [], [], []
    type_sources: dict[str, list[int]] = {}  # where event_type came from: predictions, matched, right
    calibration: list[tuple[float, int]] = []  # each prediction's confidence, and whether it is a tuple hit
    # the construction bank: each gold line names the construction it tests
    by_construction: dict[str, tuple[Tally, Tally]] = {}

    for article_id, gold_line in gold_articles.items():
        gold = gold_line.get("facts", [])
        pred = pred_facts.get(article_id, [])
        lang = gold_line.get("lang") or DEFAULT_LANG
        res = score_article(article_id, gold, pred, lang)
        facts.add(len(res.pairs), len(pred), len(gold))
        tuples.add(res.tuple_hits, len(pred), len(gold))
        if gold_line.get("construction"):
            fact_tally, tuple_tally = by_construction.setdefault(gold_line["construction"], (Tally(), Tally()))
            fact_tally.add(len(res.pairs), len(pred), len(gold))
            tuple_tally.add(res.tuple_hits, len(pred), len(gold))
        n_pairs += len(res.pairs)
        for rights in res.slot_right.values():
            for s, ok in rights.items():
                slot_hits[s] += ok
        matched_g = {gi for gi, _ in res.pairs}
        matched_p = {pi: gi for gi, pi in res.pairs}
        for kind, attr in ((by_type, "event_type"), (by_qualifier, "qualifier")):
            # a pair counts for a type when gold and prediction agree on it
            for g in gold:
                kind.setdefault(g.get(attr) or "none", Tally()).n_gold += 1
            for p in pred:
                kind.setdefault(p.get(attr) or "none", Tally()).n_pred += 1
            for gi, pi in res.pairs:
                if (gold[gi].get(attr) or "none") == (pred[pi].get(attr) or "none"):
                    kind[gold[gi].get(attr) or "none"].tp += 1
        for pi, p in enumerate(pred):
            conf = p.get("confidence")
            conf = 0.0 if _is_null(conf) else float(conf)
            gi = matched_p.get(pi)
            source = type_sources.setdefault(p.get("event_type_from") or "unknown", [0, 0, 0])
            source[0] += 1
            if gi is not None:
                source[1] += 1
                source[2] += res.slot_right[(gi, pi)]["event_type"]
            calibration.append((conf, int(gi is not None and all(res.slot_right[(gi, pi)][s] for s in TUPLE_SLOTS))))
            for b in CONFIDENCE_BUCKETS:
                if b[0] <= conf < b[1]:
                    buckets[b][0] += 1
                    if pi in matched_p:
                        buckets[b][1] += 1
                        gi = matched_p[pi]
                        buckets[b][2] += all(res.slot_right[(gi, pi)][s] for s in TUPLE_SLOTS)
        for gi, g in enumerate(gold):
            if gi not in matched_g:
                misses.append({"article_id": article_id, **{k: g.get(k) for k in (
                    "how_many", "how_many_high", "qualifier", "who", "what", "event_type", "evidence")}})
        for pi, p in enumerate(pred):
            if pi not in matched_p:
                false_positives.append({"article_id": article_id, **{k: _plain(p.get(k)) for k in (
                    "how_many", "how_many_high", "qualifier", "who", "what", "event_type", "evidence",
                    "confidence")}})
        wrong_slots = []
        for (gi, pi), rights in res.slot_right.items():
            bad = [s for s, ok in rights.items() if not ok]
            if bad:
                wrong_slots.append({
                    "how_many": gold[gi].get("how_many"), "slots": bad,
                    "gold": {s: _slot_value(gold[gi], s) for s in bad},
                    "pred": {s: _slot_value(pred[pi], s) for s in bad},
                    "evidence": gold[gi].get("evidence"),
                })
        articles.append({
            "article_id": article_id, **{f"fact_{k}": v for k, v in prf(
                len(res.pairs), len(pred), len(gold)).items() if k in ("p", "r", "f1")},
            "tuple_hits": res.tuple_hits, "n_gold": len(gold), "n_pred": len(pred),
            "pairs": res.pairs, "wrong_slots": wrong_slots,
        })
        if pred_mentions is not None:
            predicted = pred_mentions.get(article_id, {})
            for kind, tally in mention_tallies.items():
                if kind in gold_line and gold_line[kind] is not None:
                    tally.add(*multiset_counts(
                        [keys[kind](x, lang) for x in gold_line[kind]],
                        [keys[kind](x, lang) for x in predicted.get(kind, [])],
                    ))

    f, t = facts.scores(), tuples.scores()
    out = {
        "articles": len(gold_articles),
        "fact_p": f["p"], "fact_r": f["r"], "fact_f1": f["f1"],
        "tuple_p": t["p"], "tuple_r": t["r"], "tuple_f1": t["f1"],
        "n_gold": facts.n_gold, "n_pred": facts.n_pred, "n_matched": facts.tp, "n_tuple_hits": tuples.tp,
        "slots": {s: round(slot_hits[s] / n_pairs, 4) if n_pairs else 0.0 for s in ALL_SLOTS},
        "by_event_type": {k: v.scores() for k, v in sorted(by_type.items())},
        "by_qualifier": {k: v.scores() for k, v in sorted(by_qualifier.items())},
        "by_construction": {k: {"sentences": sum(1 for g in gold_articles.values() if g.get("construction") == k),
                                "fact_f1": ft.scores()["f1"], "tuple_f1": tt.scores()["f1"],
                                "n_gold": ft.n_gold, "n_pred": ft.n_pred, "tuple_hits": tt.tp}
                            for k, (ft, tt) in sorted(by_construction.items())},
        "by_confidence": [
            {"bucket": f"[{lo:.1f}, {min(hi, 1.0):.1f}{']' if hi > 1 else ')'}", "predictions": n,
             "precision": round(m / n, 4) if n else None,
             "tuple_precision": round(th / n, 4) if n else None}
            for (lo, hi), (n, m, th) in buckets.items()
        ],
        "misses": misses,
        "false_positives": false_positives,
        **_calibration(calibration),
        "by_type_source": {k: {"predictions": n, "matched": m, "event_type_right": round(r / m, 4) if m else None}
                           for k, (n, m, r) in sorted(type_sources.items())},
        "per_article": articles,
    }
    for kind, tally in mention_tallies.items():
        out[kind] = tally.scores() if pred_mentions is not None and tally.n_gold + tally.n_pred else None
    return out


def _calibration(pairs: list[tuple[float, int]]) -> dict:
    from .confidence import reliability

    if not pairs:
        return {"reliability": [], "ece": None}
    table, ece = reliability([p for p, _ in pairs], [h for _, h in pairs])
    return {"reliability": table, "ece": ece}


def _plain(value):
    if _is_null(value):
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    if hasattr(value, "item"):
        return value.item()
    return value


def _slot_value(fact: dict, slot: str):
    if slot == "when":
        return [_plain(fact.get("when_start")), _plain(fact.get("when_end"))]
    return _plain(fact.get(slot))
