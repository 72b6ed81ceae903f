"""Confidence that is a probability: among facts given confidence ≈ p, a share ≈ p has who,
event_type, how_many and when all right (a tuple hit, SPEC section 6).

The relation extractor describes each fact by a few binary cues the parse
gives (:data:`CUES`); a logistic model over them, fitted on the dev split
(``python bench/fit_confidence.py``), turns the cues into a probability. Its
weights are language data (``models/<lang>/confidence.json``): a language
without one gets the cue-count rule the project started with.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .errors import Errors, FaitsError

CUES = (
    "who",  # a counted noun or an actor was found
    "predicate",  # a verb or event noun the figure depends on
    "trigger",  # the event type comes from a trigger word, not the default
    "attached",  # the number hangs on its noun in the parse
    "verb",  # the sentence has a verb (not a bare heading)
    "when",  # a date of the sentence went to the fact
    "linked",  # the figure shares a total's noun or verb ("dont", "contre", ellipsis)
    "money",
    "percent",
    "duration",
    "other_type",  # event_type "other"
    "generic_who",  # who is a generic noun ("personnes")
    "long_sentence",  # more than 40 tokens
)
CONFIDENCE_FILE = "confidence.json"


def cue_count(cues: dict[str, bool]) -> float:
    """The rule the project started with, for a language without a fitted model."""
    score = 0.3 + 0.2 * cues["who"] + 0.15 * cues["predicate"] + 0.15 * cues["trigger"]
    score += 0.1 * cues["attached"] + 0.1 * cues["verb"]
    return round(min(score, 1.0), 2)


@dataclass(frozen=True)
class ConfidenceModel:
    """A logistic model over :data:`CUES`."""

    weights: dict[str, float]
    bias: float

    def __call__(self, cues: dict[str, bool]) -> float:
        z = self.bias + sum(w * cues.get(name, False) for name, w in self.weights.items())
        return round(1.0 / (1.0 + math.exp(-z)), 3)

    @classmethod
    def read(cls, path: Path) -> ConfidenceModel | None:
        if not path.is_file():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            weights = {k: float(v) for k, v in data["weights"].items()}
            bias = float(data["bias"])
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as e:
            raise FaitsError(Errors.E004.format(path=path, error=e)) from e
        unknown = set(weights) - set(CUES)
        if unknown:
            raise FaitsError(Errors.E004.format(path=path, error=f"unknown cues {sorted(unknown)}"))
        return cls(weights, bias)


def fit(cues: Sequence[dict[str, bool]], hits: Sequence[int], l2: float = 1.0, steps: int = 200) -> ConfidenceModel:
    """Logistic regression (Newton's method, L2 penalty on the weights) of tuple hits on the cues."""
    x = np.array([[float(c.get(name, False)) for name in CUES] + [1.0] for c in cues])
    y = np.array(hits, dtype=float)
    w = np.zeros(x.shape[1])
    penalty = np.eye(x.shape[1]) * l2
    penalty[-1, -1] = 0.0  # the bias is not penalized
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        gradient = x.T @ (p - y) + penalty @ w
        hessian = (x.T * (p * (1 - p))) @ x + penalty
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return ConfidenceModel({name: round(float(v), 4) for name, v in zip(CUES, w[:-1], strict=True)},
                           round(float(w[-1]), 4))


def refit_bias(model: ConfidenceModel, cues: Sequence[dict[str, bool]], hits: Sequence[int],
               steps: int = 100) -> ConfidenceModel:
    """``model`` with its bias refitted, weights kept, on predictions the rules were not tuned on.

    Rules read off dev errors get dev rows right more often than a new article's, so a model
    fitted on dev alone is overconfident on unseen text; one parameter is all a few hundred
    held-out predictions can fit.
    """
    base = np.array([sum(w * c.get(name, False) for name, w in model.weights.items()) for c in cues])
    y = np.array(hits, dtype=float)
    bias = model.bias
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(base + bias)))
        curvature = float((p * (1 - p)).sum())
        if curvature < 1e-12:
            break
        step = float((p - y).sum()) / curvature
        bias -= step
        if abs(step) < 1e-8:
            break
    return ConfidenceModel(model.weights, round(bias, 4))


def reliability(probabilities: Sequence[float], hits: Sequence[int], bins: int = 10) -> tuple[list[dict], float]:
    """The reliability table (equal-width bins) and the expected calibration error (ECE)."""
    table, ece, n = [], 0.0, len(probabilities)
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        idx = [i for i, p in enumerate(probabilities) if lo <= p < hi or (b == bins - 1 and p == 1.0)]
        if not idx:
            continue
        mean_p = sum(probabilities[i] for i in idx) / len(idx)
        share = sum(hits[i] for i in idx) / len(idx)
        ece += len(idx) / n * abs(mean_p - share)
        table.append({"bin": f"[{lo:.1f}, {hi:.1f}{']' if b == bins - 1 else ')'}", "predictions": len(idx),
                      "mean_confidence": round(mean_p, 4), "tuple_precision": round(share, 4)})
    return table, round(ece, 4)
