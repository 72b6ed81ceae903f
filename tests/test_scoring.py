"""The scorer on small cases whose figures are worked out by hand (SPEC section 6)."""

from __future__ import annotations

import pytest

from pipeline.scoring import match_facts, score, slot_tokens, token_f1, when_right


def fact(how_many, **slots):
    base = {"who": None, "what": None, "event_type": "other", "how_many": how_many, "how_many_high": None,
            "qualifier": "exact", "unit": None, "when_start": None, "when_end": None, "where": None,
            "source": None, "evidence": ""}
    base.update(slots)
    return base


def test_token_normalization():
    # lowercase, stopwords out, accents out, first five characters
    assert slot_tokens("Les soldats nord-coréens") == ["solda", "nord", "coree"]
    assert slot_tokens("l’arrivée d'ouvriers") == ["arriv", "ouvri"]


def test_token_overlap_rule():
    # gold {solda, nord, coree} vs pred {solda}: P=1, R=1/3, F1=0.5 → right (≥ 0.5)
    assert token_f1("soldats nord-coréens", "soldats") == pytest.approx(0.5)
    # gold {servi, rense, brita} vs pred {servi}: F1 = 2*(1*1/3)/(4/3) = 0.5
    assert token_f1("services de renseignement britanniques", "services") == pytest.approx(0.5)
    # {ouvri, milit} vs {ouvri, nord, coree}: P=1/3, R=1/2 → F1 = 0.4 → wrong
    assert token_f1("ouvriers militaires", "ouvriers nord-coréens") == pytest.approx(0.4)
    assert token_f1("%", "%") == 1.0


def test_date_tolerance_is_three_days_on_each_end():
    gold = {"when_start": "2025-01-01", "when_end": "2025-01-31"}
    assert when_right(gold, {"when_start": "2025-01-04", "when_end": "2025-01-28"})
    assert not when_right(gold, {"when_start": "2025-01-05", "when_end": "2025-01-31"})
    assert not when_right(gold, {"when_start": None, "when_end": None})
    assert when_right({"when_start": None, "when_end": None}, {"when_start": None, "when_end": None})


def test_one_to_one_matching_prefers_overlapping_evidence_then_who():
    gold = [fact(100, who="morts", evidence="100 morts à Gaza"), fact(100, who="blessés", evidence="100 blessés")]
    pred = [fact(100, who="blessés", evidence="Il y a eu 100 blessés hier."),
            fact(100, who="morts", evidence="On compte 100 morts à Gaza ce jour.")]
    assert match_facts(gold, pred) == [(0, 1), (1, 0)]


def test_duplicate_predictions_count_once():
    gold = [fact(300, who="victimes", event_type="casualties")]
    pred = [fact(300, who="victimes", event_type="casualties"), fact(300, who="victimes", event_type="casualties")]
    s = score({"a": {"facts": gold}}, {"a": pred})
    # 1 TP, 1 FP, 0 FN: P = 1/2, R = 1, F1 = 2/3
    assert (s["fact_p"], s["fact_r"], s["fact_f1"]) == (0.5, 1.0, 0.6667)
    assert len(s["false_positives"]) == 1


def test_range_needs_its_high_end():
    gold = [fact(200, how_many_high=300, qualifier="range")]
    assert match_facts(gold, [fact(200)]) == []
    assert match_facts(gold, [fact(200, how_many_high=300)]) == [(0, 0)]


def test_slots_tuples_and_nulls_on_both_sides():
    gold = [
        fact(6000, who="soldats nord-coréens", event_type="casualties", qualifier="more_than",
             where=None, source=None),
        fact(11000, who="soldats", event_type="deployed", when_start="2024-09-23", when_end="2024-12-20"),
        fact(8, who="forces ukrainiennes", unit="mois"),
    ]
    pred = [
        fact(6000, who="soldats", event_type="casualties", qualifier="more_than", where=None, source=None),
        fact(11000, who="soldats", event_type="deployed", when_start="2024-09-01", when_end="2024-12-20"),
        fact(42, who="autre chose"),
    ]
    s = score({"a": {"facts": gold}}, {"a": pred})
    # matches: 6000 and 11000 → P = 2/3, R = 2/3
    assert s["fact_p"] == s["fact_r"] == pytest.approx(0.6667)
    # 6000: who F1 = 0.5 right, when both null right → tuple hit.
    # 11000: when start off by 22 days → not a tuple hit. Tuple P = R = 1/3.
    assert s["n_tuple_hits"] == 1
    assert s["tuple_f1"] == pytest.approx(0.3333)
    assert s["slots"]["where"] == 1.0 and s["slots"]["source"] == 1.0  # null on both sides
    assert s["slots"]["when"] == 0.5
    assert s["by_event_type"]["casualties"]["f1"] == 1.0
    assert [m["how_many"] for m in s["misses"]] == [8]


def test_mention_lists_are_multisets():
    gold = {"a": {"facts": [], "numbers": [{"value": 1000, "qualifier": "exact"}] * 2}}
    pred_mentions = {"a": {"numbers": [{"value": 1000, "qualifier": "exact"}], "dates": [], "entities": []}}
    s = score(gold, {"a": []}, pred_mentions)
    assert (s["numbers"]["p"], s["numbers"]["r"]) == (1.0, 0.5)
    assert s["dates"] is None  # no gold list, nothing predicted
