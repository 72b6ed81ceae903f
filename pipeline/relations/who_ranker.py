"""A learned choice of who among the nouns of the evidence sentence.

The rules pick who by a fixed priority (the counted noun, the actor, the one a figure is given
to...). Where a language ships ``models/<lang>/who_ranker.json`` (fitted on the dev split by
``python bench/fit_who.py``), every nominal head of the sentence is a candidate besides the
rules' pick, each turned into its phrase as the rules do, and described by features of the
parse that do not name words (the dependency relation, the tree and token distance to the
figure, the roles the rules read, membership of the pack's word lists); a logistic model scores
them. The rules' pick stays unless another candidate beats it by the model's margin. Without
the file the rules decide alone.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Token

from ..contract import WhoRankerFile, validate
from ..errors import Errors, FaitsError
from ..schema import unit_kind
from ..syntax import NOMINAL, SUBJECT_DEPS, noun_phrase, tree_distance
from .mention import MentionContext

WHO_RANKER_FILE = "who_ranker.json"
MAX_CANDIDATES = 30  # the nouns nearest the figure: a sentence of 200 tokens needs no more

# the figure's unit kind: each feature has one weight for all figures and one per kind
KINDS = ("count", "currency", "percent", "other")
_DEPS = {"nsubj": "subj", "nsubj:pass": "subj_pass", "obj": "obj", "obl:agent": "agent", "iobj": "iobj",
         "obl": "obl", "obl:arg": "obl", "obl:mod": "obl", "appos": "appos", "conj": "conj", "ROOT": "root",
         "root": "root"}
_ENTS = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC"}
# the coarse relations a dependency path is written in ("path_obj|subj": up from the figure's anchor
# as its object, then down to the verb's subject)
_PATH_DEPS = _DEPS | {"nmod": "nmod", "nmod:poss": "nmod", "acl": "acl", "acl:relcl": "relcl", "advcl": "advcl",
                      "ccomp": "comp", "xcomp": "comp", "amod": "amod", "parataxis": "para", "dep": "other"}
PATH_LABELS = frozenset(_PATH_DEPS.values()) | {"other"}
MAX_PATH_STEPS = 2  # on each side of the common ancestor: a longer path is "far", the tree distance says it
#: features of a candidate (each also taken per unit kind: "dep_obj@percent")
BASE_FEATURES = (
    "rules", "rules_head", "rules_null", "rules_untokened",
    "rules_anchor_subj", "rules_anchor_obj", "rules_anchor_obl", "rules_anchor_nmod", "rules_verbless",
    "rules_linked",
    *(f"dep_{d}" for d in sorted(set(_DEPS.values()))), "dep_nmod", "dep_other",
    "propn", *(f"ent_{e}" for e in sorted(set(_ENTS.values()))), "ent_other",
    "counted_noun", "actor", "anchor", "governs_anchor", "governed_by_anchor", "predicate_subject",
    "predicate", "among_group", "counts_figure",
    "prep_recipient", "prep_beneficiary", "prep_valuation", "prep_among", "prep_group_link", "prep_other",
    "holder", "container", "event_noun", "population", "generic", "people", "time_word", "measure_unit",
    "tree_1", "tree_2", "tree_distance", "token_distance", "before", "with_nmod", "has_nmod",
    "sentence_subject", "first_noun", "right_after", "above_figure", "below_figure", "same_clause",
    "child_of_rules", "head_of_rules",
    # what the parse says of how the candidate holds the figure (issue 11)
    "measure_noun", "measure_holds", "relative_antecedent", "antecedent", "linked_who", "valued_object",
    "clause_subject", "clause_distance", "bare_noun", "sentence_start", "colon_between", "path_far",
)
FEATURES = BASE_FEATURES + tuple(f"{f}@{k}" for f in BASE_FEATURES for k in KINDS)


def path_feature(up: list[str], down: list[str]) -> str:
    """The feature of a dependency path: the relations from the figure's anchor up to the common
    ancestor, then down to the candidate ("path_obj|subj": the anchor is its verb's object, the
    candidate that verb's subject; "path_nmod|": the anchor complements the candidate)."""
    return f"path_{'^'.join(up)}|{'.'.join(down)}"


def is_feature(name: str) -> bool:
    """Whether ``name`` is a feature of this module: one of :data:`FEATURES`, or a dependency path of at
    most :data:`MAX_PATH_STEPS` steps each side (:func:`path_feature`), for all figures or for a unit kind."""
    if name in FEATURES:
        return True
    path, _, kind = name.partition("@")
    if not path.startswith("path_") or "|" not in path or (kind and kind not in KINDS):
        return False
    up, down = path.removeprefix("path_").split("|", 1)
    labels = [[x for x in part.split(sep) if x] for part, sep in ((up, "^"), (down, "."))]
    return all(len(side) <= MAX_PATH_STEPS and all(x in PATH_LABELS for x in side) for side in labels) and (
        path == path_feature(*labels))


@dataclass(frozen=True)
class Candidate:
    """A possible who: its phrase (None for the rules' null pick) and its features."""

    phrase: str | None
    features: dict[str, float]


@dataclass(frozen=True)
class WhoRanker:
    """A logistic model over :data:`FEATURES`; ``margin`` (in log-odds) is what another candidate
    must score above the rules' pick to replace it."""

    weights: dict[str, float]
    bias: float
    margin: float

    def score(self, features: dict[str, float]) -> float:
        return self.bias + sum(self.weights.get(name, 0.0) * v for name, v in features.items())

    def choose(self, candidates: list[Candidate]) -> Candidate:
        """The rules' pick (the first candidate) unless another beats it by the margin."""
        scores = [self.score(c.features) for c in candidates]
        best = max(range(len(candidates)), key=lambda i: (scores[i], -i))
        return candidates[best] if scores[best] > scores[0] + self.margin else candidates[0]

    @classmethod
    def read(cls, path: Path) -> WhoRanker | None:
        """The model of ``path``; None when the file is absent (the rules decide)."""
        if not path.is_file():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as e:
            raise FaitsError(Errors.E004.format(path=path, error=e)) from e
        validate(data, WhoRankerFile, path)
        unknown = sorted(name for name in data["weights"] if not is_feature(name))
        if unknown:
            raise FaitsError(Errors.E006.format(path=path, key=f"weights.{unknown[0]}",
                                                allowed="the features of pipeline/relations/who_ranker.py"))
        if not all(math.isfinite(v) for v in [*data["weights"].values(), data["bias"], data["margin"]]):
            raise FaitsError(Errors.E007.format(path=path, key="weights", expected="finite numbers",
                                                got="NaN or infinity"))
        return cls({k: float(v) for k, v in data["weights"].items()}, float(data["bias"]), float(data["margin"]))


def with_kinds(base: dict[str, float], kind: str) -> dict[str, float]:
    """Each feature once for every figure and once for the figure's unit kind; a dependency path only once
    (they are many, each seen on few figures: split four ways they would be fitted on too few)."""
    return {name: v for name, v in base.items() if v} | {
        f"{name}@{kind}": v for name, v in base.items() if v and not name.startswith("path_")}


class WhoChooser:
    """The who-ranking stage (a part of :class:`~pipeline.relations.RelationExtractor`)."""

    who_ranker: WhoRanker | None = None
    log_who: bool = False  # keep every fact's candidates in ``fact["who_candidates"]`` (bench/fit_who.py)

    def _ranked_who(self, ctx: MentionContext, who: str | None, rules_token: Token | None,
                    in_dates: set[int]) -> tuple[str | None, list[Candidate]]:
        """The who the model chooses (the rules' ``who`` without a model) and the candidates it chose from."""
        candidates = self._who_candidates(ctx, who, rules_token, in_dates)
        if self.who_ranker is None:
            return who, candidates
        return self.who_ranker.choose(candidates).phrase, candidates

    def _who_candidates(self, ctx: MentionContext, who: str | None, rules_token: Token | None,
                        in_dates: set[int]) -> list[Candidate]:
        unit = ctx.quantity["unit"]
        kind = unit_kind(unit, self.time_units, self.measure_units) or "count"
        kind = kind if kind in KINDS else "other"
        inside = {t.i for t in ctx.tokens}
        anchor = ctx.anchor or ctx.tokens[0]
        sent = ctx.sentence
        figure = _Figure(anchor=anchor, clause=_clause(anchor), among=self._among(ctx),
                         antecedents=self._antecedents(ctx),
                         valued=self._valued_object(anchor, inside) if ctx.anchor is not None else None,
                         linked_who=frozenset(c.who for c in (ctx.linked_to, ctx.subset_of)
                                              if c is not None and c.who))
        verbless = not any(t.pos_ in ("VERB", "AUX") for t in sent)
        rules_base = {"rules": 1.0, "rules_null": float(who is None),
                      "rules_untokened": float(who is not None and rules_token is None),
                      "rules_verbless": float(verbless),
                      "rules_linked": float(ctx.linked_to is not None or ctx.subset_of is not None),
                      "linked_who": float(who in figure.linked_who)}
        anchor_dep = self._dep_group(anchor)
        for name in ("subj", "obj", "obl", "nmod"):
            rules_base[f"rules_anchor_{name}"] = float(anchor_dep.startswith(name))
        if rules_token is not None:
            rules_base |= self._token_features(rules_token, ctx, figure)
        candidates = [Candidate(who, with_kinds(rules_base, kind))]
        seen = {who}
        first = ctx.tokens[0].i
        nouns = sorted((t for t in sent if t.pos_ in NOMINAL and t.i not in inside and t.i not in in_dates
                        and any(ch.isalpha() for ch in t.text) and not self._is_amount(t)),
                       key=lambda t: abs(t.i - first))[:MAX_CANDIDATES]
        # "Elles représentent 20 %", "onze d'entre eux": the noun a pronoun stands for, maybe in the sentence before
        nouns += [t for t in figure.antecedents if not sent.start <= t.i < sent.end]
        for token in nouns:
            has_nmod = any(c.dep_.startswith("nmod") and c.i > token.i for c in token.children)
            for with_nmod in (False, True) if has_nmod else (False,):
                phrase = noun_phrase(token, with_nmod=with_nmod)
                if token.lower_ in self.implied_who and phrase == token.text:
                    phrase = self.implied_who[token.lower_]
                if phrase in seen:
                    continue
                seen.add(phrase)
                base = self._token_features(token, ctx, figure)
                base["with_nmod"] = float(with_nmod)
                base["linked_who"] = float(phrase in figure.linked_who)
                if rules_token is not None:
                    base["rules_head"] = float(token.i == rules_token.i)
                    # "taux de chômage", "débit de l'Aude": a complement of the rules' pick, or what it complements
                    base["child_of_rules"] = float(token.head.i == rules_token.i != token.i)
                    base["head_of_rules"] = float(rules_token.head.i == token.i != rules_token.i)
                candidates.append(Candidate(phrase, with_kinds(base, kind)))
        return candidates

    def _antecedents(self, ctx: MentionContext) -> tuple[Token, ...]:
        """The nouns the figure's pronouns stand for: the pronoun subject of its verb ("Elles représentent
        20 %"), the pronoun it is taken among ("onze d'entre eux", "la moitié d'entre elles")."""
        pronouns = [p] if (p := self._pronoun_of(ctx)) is not None else []
        for token in (*ctx.tokens, ctx.noun, ctx.anchor):
            for child in token.children if token is not None else ():
                if child.pos_ == "PRON" and child not in pronouns:
                    pronouns.append(child)
        found = (self._antecedent(p) for p in pronouns)
        return tuple(dict.fromkeys(t for t in found if t is not None))

    @staticmethod
    def _dep_group(token: Token) -> str:
        if token.dep_.startswith("nmod"):
            return "nmod"
        return _DEPS.get(token.dep_, "other")

    def _token_features(self, token: Token, ctx: MentionContext, figure: _Figure) -> dict[str, float]:
        anchor, among = figure.anchor, figure.among
        f: dict[str, float] = {f"dep_{self._dep_group(token)}": 1.0}
        f["propn"] = float(token.pos_ == "PROPN")
        if token.ent_type_:
            f[f"ent_{_ENTS.get(token.ent_type_, 'other')}"] = 1.0
        same = ctx.sentence.start <= token.i < ctx.sentence.end
        f["counted_noun"] = float(ctx.noun is not None and token.i == ctx.noun.i)
        f["actor"] = float(ctx.actor is not None and token.i == ctx.actor.i)
        f["anchor"] = float(token.i == anchor.i)
        f["governs_anchor"] = float(anchor.head.i == token.i and anchor.i != token.i)
        f["governed_by_anchor"] = float(token.head.i == anchor.i and anchor.i != token.i)
        predicate = ctx.predicate
        f["predicate"] = float(predicate is not None and token.i == predicate.i)
        f["predicate_subject"] = float(predicate is not None and token.head.i == predicate.i
                                       and token.dep_ in SUBJECT_DEPS)
        f["among_group"] = float(among is not None and among.i == token.i)
        f["counts_figure"] = float(any(c.i in ctx.places.others or c.like_num for c in token.children))
        cases = {c.lower_ for c in token.children if c.dep_ == "case"}
        f["prep_recipient"] = float(bool(cases & self.recipient_preps))
        f["prep_beneficiary"] = float(bool(cases & self.beneficiary_preps))
        f["prep_valuation"] = float(bool(cases & self.valuation_preps))
        f["prep_among"] = float(bool(cases & self.among_words))
        f["prep_group_link"] = float(bool(cases & self.group_links))
        f["prep_other"] = float(bool(cases) and not any(f[k] for k in (
            "prep_recipient", "prep_beneficiary", "prep_valuation", "prep_among", "prep_group_link")))
        lower = token.lower_
        f["holder"] = float(lower in self.holder_nouns)
        f["container"] = float(token.lemma_ in self.containers)
        f["event_noun"] = float(token.lemma_ in self.event_nouns or lower in self.event_nouns)
        f["population"] = float(self._population(token))
        f["generic"] = float(lower in self.generic_nouns)
        f["people"] = float(lower in self.people_nouns)
        f["time_word"] = float(lower in self.time_words)
        f["measure_unit"] = float(lower in self.measure_units)
        distance = tree_distance(ctx.heads, token.i, anchor.i) if same and ctx.heads else 99
        f["tree_1"] = float(distance <= 1)
        f["tree_2"] = float(distance == 2)
        f["tree_distance"] = min(distance, 8) / 8
        f["token_distance"] = min(abs(token.i - ctx.tokens[0].i), 20) / 20 if same else 1.0
        f["before"] = float(token.i < ctx.tokens[0].i)
        f["has_nmod"] = float(any(c.dep_.startswith("nmod") and c.i > token.i for c in token.children))
        f["sentence_subject"] = float(token.dep_ in SUBJECT_DEPS and token.head.dep_ in ("ROOT", "root"))
        f["first_noun"] = float(same and not any(t.pos_ in NOMINAL for t in token.doc[ctx.sentence.start : token.i]))
        f["right_after"] = float(0 < token.left_edge.i - ctx.tokens[-1].i <= 3)
        f["above_figure"] = float(token.is_ancestor(anchor))
        f["below_figure"] = float(anchor.is_ancestor(token))
        f["same_clause"] = float(same and _clause(token) == figure.clause)
        # how the candidate holds the figure (issue 11): "le taux de chômage a atteint 7,4 %", "les recettes,
        # qui ont progressé de 3,9 %", "estime les pertes à 4 millions", "Elles représentent 20 %"
        f["measure_noun"] = float(token.lemma_ in self.measure_nouns or lower in self.measure_nouns)
        f["clause_subject"] = float(token.dep_ in SUBJECT_DEPS and token.head.i == figure.clause)
        f["measure_holds"] = float(f["measure_noun"] and bool(f["governs_anchor"] or f["clause_subject"]
                                                              or f["predicate_subject"]))
        f["relative_antecedent"] = float(any(c.dep_ == "acl:relcl" and (c.i == anchor.i or c.is_ancestor(anchor))
                                             for c in token.children))
        f["antecedent"] = float(token in figure.antecedents)
        f["valued_object"] = float(figure.valued is not None and token.i == figure.valued.i)
        # "en revanche", "compte tenu": a noun without an article (nor "du", "aux", which hold one)
        f["bare_noun"] = float(token.pos_ == "NOUN" and not any(
            c.dep_.startswith(("det", "nummod", "nmod:poss")) or "Def" in c.morph.get("Definite")
            for c in token.children))
        f["sentence_start"] = float(token.i == ctx.sentence.start)
        if same:
            lo, hi = sorted((token.i, ctx.tokens[0].i))
            f["colon_between"] = float(any(t.text == ":" for t in token.doc[lo:hi]))
            up, down = _path(anchor, token)
            if len(up) <= MAX_PATH_STEPS and len(down) <= MAX_PATH_STEPS:
                f[path_feature([_PATH_DEPS.get(t.dep_, "other") for t in up],
                               [_PATH_DEPS.get(t.dep_, "other") for t in down])] = 1.0
            else:
                f["path_far"] = 1.0
            clauses = sum(t.dep_ in _CLAUSE_DEPS for t in (*up, *down))
            f["clause_distance"] = min(clauses, 3) / 3
        return {k: v for k, v in f.items() if v}


_CLAUSE_DEPS = frozenset({"acl", "acl:relcl", "advcl", "ccomp", "xcomp", "parataxis"})


@dataclass(frozen=True)
class _Figure:
    """What the features of every candidate read of one figure."""

    anchor: Token
    clause: int  # the verb (or root) the anchor's clause hangs on
    among: Token | None
    antecedents: tuple[Token, ...]
    valued: Token | None
    linked_who: frozenset[str]


def _path(source: Token, target: Token) -> tuple[list[Token], list[Token]]:
    """The tokens whose relation the tree path from ``source`` to ``target`` climbs (from ``source`` up
    to the common ancestor, excluded) and descends (from below it down to ``target``)."""
    up: list[Token] = []
    t = source
    ancestors = {target.i}
    a = target
    while a.head.i != a.i:
        a = a.head
        ancestors.add(a.i)
    while t.i not in ancestors:
        if t.head.i == t.i:  # another sentence's tree: no path
            return up, [target] * (MAX_PATH_STEPS + 1)
        up.append(t)
        t = t.head
    down: list[Token] = []
    a = target
    while a.i != t.i:
        down.append(a)
        a = a.head
    return up, down[::-1]


def _clause(token: Token) -> int:
    """The verb (or the root) a token's clause hangs on."""
    t = token
    for _ in range(12):
        if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
            return t.i
        t = t.head
    return t.i
