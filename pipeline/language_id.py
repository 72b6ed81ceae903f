"""Which language an article is written in, so that nothing goes through the wrong model."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

MIN_WORDS = 6
MIN_PROBABILITY = 0.8


@dataclass(frozen=True)
class LanguageGuess:
    code: str
    probability: float
    confident: bool


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> LanguageGuess:
    """py3langid's guess; ``confident`` only for texts long enough to judge."""
    # the first paragraphs decide: identification time grows with the text, its accuracy no longer
    sample = text[:1500]
    code, prob = _identifier().classify(sample)
    confident = prob >= MIN_PROBABILITY and len(sample.split()) >= MIN_WORDS
    return LanguageGuess(code, float(prob), confident)
