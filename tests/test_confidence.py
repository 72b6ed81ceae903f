"""The confidence model: fitted from cues to tuple hits, and its calibration measure."""

from __future__ import annotations

import math
import random

import pytest

from pipeline.confidence import CUES, ConfidenceModel, cue_count, fit, refit_bias, reliability


def test_reliability_and_ece_on_known_values():
    table, ece = reliability([0.05, 0.05, 0.95, 0.95], [0, 0, 1, 1])
    assert [row["predictions"] for row in table] == [2, 2]
    assert ece == pytest.approx(0.05)
    _, worst = reliability([0.95, 0.95], [0, 0])
    assert worst == pytest.approx(0.95)


def test_a_fitted_model_is_calibrated_on_data_drawn_from_it():
    rng = random.Random(1)
    cues, hits = [], []
    for _ in range(4000):
        c = {name: rng.random() < 0.5 for name in CUES}
        p = 1 / (1 + math.exp(-(-1.0 + 2.0 * c["who"] + 1.0 * c["trigger"])))
        cues.append(c)
        hits.append(int(rng.random() < p))
    model = fit(cues, hits)
    assert model.weights["who"] > 0.5 and abs(model.weights["long_sentence"]) < 0.3
    _, ece = reliability([model(c) for c in cues], hits)
    assert ece < 0.03
    # the cue-count rule is not a probability on the same data
    _, rule_ece = reliability([cue_count(c) for c in cues], hits)
    assert rule_ece > ece


def test_refitting_the_bias_on_text_with_fewer_hits_lowers_confidence_to_its_hit_rate():
    rng = random.Random(2)
    cues = [{name: rng.random() < 0.5 for name in CUES} for _ in range(3000)]

    def draw(offset):
        return [int(rng.random() < 1 / (1 + math.exp(-(offset + 2.0 * c["who"])))) for c in cues]

    tuned = fit(cues, draw(0.0))
    unseen = draw(-1.0)  # the same cues, one logit less likely to be right
    _, before = reliability([tuned(c) for c in cues], unseen)
    shifted = refit_bias(tuned, cues, unseen)
    _, after = reliability([shifted(c) for c in cues], unseen)
    assert shifted.weights == tuned.weights
    assert shifted.bias == pytest.approx(tuned.bias - 1.0, abs=0.2)
    assert after < 0.03 < before


def test_the_shipped_model_is_read_and_knows_only_the_cues(tmp_path):
    from pipeline.languages import models_dir

    model = ConfidenceModel.read(models_dir() / "fr" / "confidence.json")
    assert model is not None and set(model.weights) <= set(CUES)
    assert 0.0 < model({name: True for name in CUES}) < 1.0
    bad = tmp_path / "confidence.json"
    bad.write_text('{"weights": {"nonsense": 1.0}, "bias": 0}', encoding="utf-8")
    from pipeline.errors import FaitsError

    with pytest.raises(FaitsError, match="unknown cues"):
        ConfidenceModel.read(bad)
