"""A learned correction of the event type the rules choose (pipeline/relations/event_type.py).

Where a language ships ``models/<lang>/event_types.json`` (fitted on the dev split by
``python bench/fit_event_types.py``), each figure is described by what the parse says around it:
the lemmas of its counted noun, of its predicate and of that verb's auxiliaries and particles, of
the noun the counted group complements, the dependency path from the figure up to its predicate,
the unit's kind, whether the verb is passive or negated, the rules' type and which rule gave it,
and, where the model has word vectors, how near the counted noun and the predicate are to each
type's trigger words. The code names no word: the lemmas are features the fit found in the dev
split, stored as the file's weights. A linear model scores every type; the rules' type stays
unless another beats it by the file's margin (an infinite margin leaves the rules alone). A
currency's amount stays money. Without the file the rules decide alone.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, Token

from ..contract import EventTypesFile, read_model_file
from ..errors import Errors, FaitsError
from ..schema import unit_kind
from ..verb_classes import type_centroids
from .mention import MentionContext

EVENT_TYPES_FILE = "event_types.json"
#: the kinds of feature (the part of a name before ":"); a lemma feature is "noun:<lemma>"
FEATURE_KINDS = frozenset({
    "rules", "origin", "rules_origin", "noun", "verb", "aux", "prt", "governor", "path", "unit", "flag",
    "noun_sim", "verb_sim", "verb_obj", "verb_xcomp", "noun_pos", "sentence_type", "doc_type", "doc_top"})
MAX_PATH_STEPS = 3  # from the figure's anchor up to its predicate; a longer path is "far"
# the rules' origins the model may not overturn: a currency's amount is money (SPEC section 2)
KEPT_ORIGINS = frozenset({"unit"})


def is_feature(name: str) -> bool:
    """Whether ``name`` is a feature this module writes: one of :data:`FEATURE_KINDS`, a colon, a value."""
    kind, sep, value = name.partition(":")
    return bool(sep and value) and kind in FEATURE_KINDS


@dataclass(frozen=True)
class EventTypeModel:
    """A linear model per event type; ``margin`` is what another type must score above the rules' to replace it."""

    weights: dict[str, dict[str, float]]  # type -> feature -> weight
    bias: dict[str, float]
    margin: float

    def scores(self, features: dict[str, float]) -> dict[str, float]:
        return {t: self.bias.get(t, 0.0) + sum([w.get(k, 0.0) * v for k, v in features.items()])
                for t, w in self.weights.items()}

    def choose(self, rules_type: str, features: dict[str, float]) -> str:
        """The rules' type unless another scores ``margin`` above it (a type the model never saw stays)."""
        if self.margin == math.inf or rules_type not in self.weights:
            return rules_type
        scores = self.scores(features)
        best = max(sorted(scores), key=lambda t: scores[t])
        return best if scores[best] > scores[rules_type] + self.margin else rules_type

    @classmethod
    def read(cls, path: Path) -> EventTypeModel | None:
        """The model of ``path``; None when the file is absent (the rules decide)."""
        data = read_model_file(path, EventTypesFile)
        if data is None:
            return None
        for t, weights in data["weights"].items():
            unknown = sorted(name for name in weights if not is_feature(name))
            if unknown:
                raise FaitsError(Errors.E006.format(path=path, key=f"weights.{t}.{unknown[0]}",
                                                    allowed="the features of pipeline/relations/event_corrector.py"))
        values = [v for w in data["weights"].values() for v in w.values()] + [*data["bias"].values(), data["margin"]]
        if not all(math.isfinite(v) for v in values):
            raise FaitsError(Errors.E007.format(path=path, key="weights", expected="finite numbers",
                                                got="NaN or infinity"))
        return cls({t: {k: float(v) for k, v in w.items()} for t, w in data["weights"].items()},
                   {t: float(v) for t, v in data["bias"].items()}, float(data["margin"]))


class EventCorrector:
    """The event-type correction stage (a part of :class:`~pipeline.relations.RelationExtractor`)."""

    event_model: EventTypeModel | None = None
    # keep every fact's features in ``fact["event_type_features"]`` (bench/fit_event_types.py)
    log_event_type: bool = False
    _type_centroids: tuple[list[str], np.ndarray] | None = None
    _doc_types: tuple[Doc, dict[str, int]] | None = None  # the last Doc's trigger types

    def _corrected_type(self, ctx: MentionContext, event_type: str, type_from: str
                        ) -> tuple[str, str, dict[str, float] | None]:
        """The type the model chooses (the rules' without a model, or for an origin it keeps), where it came
        from ("model" when it replaced the rules'), and the features it read (when read)."""
        if self.event_model is None and not self.log_event_type:
            return event_type, type_from, None
        features = self._event_features(ctx, event_type, type_from)
        if self.event_model is None or type_from in KEPT_ORIGINS:
            return event_type, type_from, features
        chosen = self.event_model.choose(event_type, features)
        return chosen, type_from if chosen == event_type else "model", features

    def _event_features(self, ctx: MentionContext, event_type: str, type_from: str) -> dict[str, float]:
        f: dict[str, float] = {f"rules:{event_type}": 1.0, f"origin:{type_from}": 1.0,
                               f"rules_origin:{event_type}_{type_from}": 1.0}
        noun, pred = ctx.noun, ctx.predicate
        f[f"noun:{_lemma(noun)}"] = 1.0
        f[f"verb:{_lemma(pred)}"] = 1.0
        if pred is not None:
            for c in pred.children:
                if c.dep_.startswith("aux"):
                    f[f"aux:{_lemma(c)}"] = 1.0
                elif c.dep_ == "compound:prt":
                    f[f"prt:{_lemma(c)}"] = 1.0
            if any(c.dep_ in ("aux:pass", "nsubj:pass") for c in pred.children) or "Pass" in pred.morph.get("Voice"):
                f["flag:passive"] = 1.0
            if any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in self.negation_particles)
                   for c in pred.children):
                f["flag:negated"] = 1.0
        if noun is not None and noun.dep_.startswith("nmod") and noun.head.i != noun.i:
            f[f"governor:{_lemma(noun.head)}"] = 1.0  # "l'évacuation de 300 habitants"
        f[f"noun_pos:{noun.pos_ if noun is not None else '-'}"] = 1.0
        if pred is not None:
            for c in pred.children:
                if c.dep_ in ("obj", "xcomp"):
                    f[f"verb_{c.dep_}:{_lemma(c)}"] = 1.0
        f[f"path:{self._path_to_predicate(ctx)}"] = 1.0
        # what the trigger words of the sentence, and of the rest of the article, name: "Ils étaient encore 176"
        # in a story of the sick
        sent = ctx.sentence
        own = self._trigger_types(sent.doc, sent.start, sent.end)
        for t in own:
            f[f"sentence_type:{t}"] = 1.0
        rest = dict(self._doc_trigger_counts(sent.doc))
        for t in own:
            rest[t] -= 1
        total = sum(rest.values())
        for t, n in rest.items():
            if n:
                f[f"doc_type:{t}"] = round(n / total, 4)
        if total:
            f[f"doc_top:{max(sorted(rest), key=rest.__getitem__)}"] = 1.0
        f[f"unit:{unit_kind(ctx.quantity['unit'], self.time_units, self.measure_units) or 'none'}"] = 1.0
        for name, token in (("noun_sim", noun), ("verb_sim", pred)):
            for t, sim in self._similarities(token).items():
                f[f"{name}:{t}"] = sim
        return f

    def _trigger_types(self, doc: Doc, start: int, end: int) -> list[str]:
        """The types of the one-word triggers of tokens ``start:end``, one per trigger token."""
        trigger_of = self.trigger_of
        return [t for t in (trigger_of.get(tok.lower_) or trigger_of.get(tok.lemma_.lower())
                            for tok in doc[start:end]) if t is not None]

    def _doc_trigger_counts(self, doc: Doc) -> dict[str, int]:
        """How many of the article's trigger tokens name each type, read once per Doc."""
        kept = self._doc_types
        if kept is None or kept[0] is not doc:
            found = self._trigger_types(doc, 0, len(doc))
            kept = self._doc_types = (doc, {t: found.count(t) for t in sorted(set(found))})
        return kept[1]

    @staticmethod
    def _path_to_predicate(ctx: MentionContext) -> str:
        """The relations from the figure's anchor up to its predicate ("nummod^nsubj:pass"), "none" without a
        predicate, "far" when longer than :data:`MAX_PATH_STEPS` or elsewhere than above the anchor."""
        if ctx.predicate is None:
            return "none"
        t, steps = ctx.anchor or ctx.tokens[0], []
        while t.i != ctx.predicate.i:
            if t.head.i == t.i or len(steps) >= MAX_PATH_STEPS:
                return "far"
            steps.append(t.dep_)
            t = t.head
        return "^".join(steps) or "self"

    def _similarities(self, token: Token | None) -> dict[str, float]:
        """The cosine of ``token``'s lemma vector to each type's trigger words (none without vectors)."""
        if token is None or not token.vocab.vectors_length:
            return {}
        lexeme = token.vocab[token.lemma_]
        if not lexeme.has_vector:
            return {}
        if self._type_centroids is None:
            types = sorted(set(self.trigger_of.values()))
            self._type_centroids = (types, type_centroids(self.trigger_of, types, token.vocab))
        types, centroids = self._type_centroids
        v = lexeme.vector / (np.linalg.norm(lexeme.vector) or 1.0)
        return {t: round(float(s), 4) for t, s in zip(types, (centroids @ v).tolist(), strict=True) if s}


def _lemma(token: Token | None) -> str:
    return "-" if token is None else (token.lemma_ or token.text).lower()
