"""Event types by meaning, where the lexicon misses: the nearest class of trigger verbs in the
model's word vectors.

Each event type's trigger words (``event_triggers`` of the language pack) that the model has a
vector for form a class; a predicate verb with no trigger of its own takes the type of the class
whose centroid is nearest, when the cosine similarity reaches the pack's
``vector_type_threshold`` (chosen on the dev split). A model without vectors leaves it to the
default.
"""

from __future__ import annotations

import numpy as np
from spacy.tokens import Token


class VerbClasses:
    """Nearest event type of a predicate verb by word vectors."""

    def __init__(self, trigger_of: dict[str, str], types: list[str], threshold: float):
        self.trigger_of = trigger_of
        self.types = types
        self.threshold = threshold
        self._centroids: np.ndarray | None = None

    def nearest(self, predicate: Token) -> str | None:
        if predicate.pos_ != "VERB" or not predicate.vocab.vectors_length:
            return None
        lexeme = predicate.vocab[predicate.lemma_]
        if not lexeme.has_vector:
            return None
        if self._centroids is None:
            self._centroids = type_centroids(self.trigger_of, self.types, predicate.vocab)
        v = lexeme.vector / (np.linalg.norm(lexeme.vector) or 1.0)
        sims = self._centroids @ v
        best = int(np.argmax(sims))
        return self.types[best] if sims[best] >= self.threshold else None


def type_centroids(trigger_of: dict[str, str], types: list[str], vocab) -> np.ndarray:
    """A row per type of ``types``: the unit mean of its one-word triggers' unit vectors (zeros without any)."""
    rows = []
    for event_type in types:
        vectors = [vocab[w].vector for w, t in trigger_of.items()
                   if t == event_type and " " not in w and vocab[w].has_vector]
        if not vectors:
            rows.append(np.zeros(vocab.vectors_length or 1, dtype="float32"))
            continue
        unit = np.array([v / (np.linalg.norm(v) or 1.0) for v in vectors]).mean(axis=0)
        rows.append(unit / (np.linalg.norm(unit) or 1.0))
    return np.array(rows)
