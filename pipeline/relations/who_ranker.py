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
)
FEATURES = BASE_FEATURES + tuple(f"{f}@{k}" for f in BASE_FEATURES for k in KINDS)


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
        unknown = sorted(set(data["weights"]) - set(FEATURES))
        if unknown:
            raise FaitsError(Errors.E006.format(path=path, key=f"weights.{unknown[0]}",
                                                allowed="the features of pipeline/relations/who_ranker.py"))
        if not all(math.isfinite(v) for v in [*data["weights"].values(), data["bias"], data["margin"]]):
            raise FaitsError(Errors.E007.format(path=path, key="weights", expected="finite numbers",
                                                got="NaN or infinity"))
        return cls({k: float(v) for k, v in data["weights"].items()}, float(data["bias"]), float(data["margin"]))


def with_kinds(base: dict[str, float], kind: str) -> dict[str, float]:
    """Each feature once for every figure and once for the figure's unit kind."""
    return {name: v for name, v in base.items() if v} | {f"{name}@{kind}": v for name, v in base.items() if v}


@dataclass(frozen=True)
class _Own:
    """What the features read of a token that no figure changes, read once per Doc (a sentence's nouns are
    candidates of each of its figures): features named as :meth:`WhoChooser._token_features` names them."""

    head: int
    left_edge: int
    dep_key: str
    subject: bool  # a subject dependency (the predicate's subject when its head is the predicate)
    ent_key: str | None
    propn: float
    children: tuple[int, ...]
    child_number: bool  # a child that looks like a number
    preps: tuple[tuple[str, float], ...]
    lexical: tuple[tuple[str, float], ...]
    has_nmod: float
    sentence_subject: float
    clause: int


class WhoChooser:
    """The who-ranking stage (a part of :class:`~pipeline.relations.RelationExtractor`)."""

    who_ranker: WhoRanker | None = None
    log_who: bool = False  # keep every fact's candidates in ``fact["who_candidates"]`` (bench/fit_who.py)
    # what the candidates read of the Doc being read and no figure changes (tokens' own features, noun
    # phrases, a sentence's nouns), by Doc: emptied by :meth:`forget_doc` (the extractor does, per Doc)
    _who_memo: tuple[int, dict] | None = None

    def forget_doc(self) -> None:
        """Drop what was kept of the last Doc (:attr:`_who_memo`)."""
        self._who_memo = None

    def _memo(self, doc) -> dict:
        if self._who_memo is None or self._who_memo[0] != id(doc):
            self._who_memo = (id(doc), {})
        return self._who_memo[1]

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
        memo = self._memo(sent.doc)
        nominal, verbless = self._sentence_nouns(sent, memo)
        rules_base = {"rules": 1.0, "rules_null": float(who is None),
                      "rules_untokened": float(who is not None and rules_token is None),
                      "rules_verbless": float(verbless),
                      "rules_linked": float(ctx.linked_to is not None or ctx.subset_of is not None)}
        anchor_dep = self._dep_group(anchor)
        for name in ("subj", "obj", "obl", "nmod"):
            rules_base[f"rules_anchor_{name}"] = float(anchor_dep.startswith(name))
        among = self._among(ctx)
        if rules_token is not None:
            rules_base |= self._token_features(rules_token, ctx, anchor, among)
        candidates = [Candidate(who, with_kinds(rules_base, kind))]
        seen = {who}
        first = ctx.tokens[0].i
        doc = sent.doc
        nouns = sorted((i for i in nominal if i not in inside and i not in in_dates),
                       key=lambda i: abs(i - first))[:MAX_CANDIDATES]
        for i in nouns:
            token = doc[i]
            for with_nmod in (False, True) if self._own(token, memo).has_nmod else (False,):
                phrase = self._phrase(token, with_nmod, memo)
                if phrase in seen:
                    continue
                seen.add(phrase)
                base = self._token_features(token, ctx, anchor, among)
                base["with_nmod"] = float(with_nmod)
                if rules_token is not None:
                    base["rules_head"] = float(token.i == rules_token.i)
                    # "taux de chômage", "débit de l'Aude": a complement of the rules' pick, or what it complements
                    base["child_of_rules"] = float(self._own(token, memo).head == rules_token.i != token.i)
                    base["head_of_rules"] = float(rules_token.head.i == token.i != rules_token.i)
                candidates.append(Candidate(phrase, with_kinds(base, kind)))
        return candidates

    def _sentence_nouns(self, sent, memo: dict) -> tuple[list[int], bool]:
        """The sentence's nouns that may be who (a letter, no amount word), and whether it has no verb."""
        key = ("nouns", sent.start)
        found = memo.get(key)
        if found is None:
            tokens = list(sent)
            found = memo[key] = ([t.i for t in tokens if t.pos_ in NOMINAL and any(ch.isalpha() for ch in t.text)
                                  and not self._is_amount(t)], not any(t.pos_ in ("VERB", "AUX") for t in tokens))
        return found

    def _phrase(self, token: Token, with_nmod: bool, memo: dict) -> str:
        """The candidate's phrase: its noun phrase, or the who a bare noun implies."""
        key = ("phrase", token.i, with_nmod)
        phrase = memo.get(key)
        if phrase is None:
            phrase = noun_phrase(token, with_nmod=with_nmod)
            if token.lower_ in self.implied_who and phrase == token.text:
                phrase = self.implied_who[token.lower_]
            memo[key] = phrase
        return phrase

    def _first_nominal(self, sent, memo: dict) -> int:
        """The index of the sentence's first noun (its end when it has none)."""
        key = ("first", sent.start)
        first = memo.get(key)
        if first is None:
            first = memo[key] = next((t.i for t in sent if t.pos_ in NOMINAL), sent.end)
        return first

    def _own(self, token: Token, memo: dict) -> _Own:
        key = ("own", token.i)
        own = memo.get(key)
        if own is None:
            children = list(token.children)
            cases = {c.lower_ for c in children if c.dep_ == "case"}
            preps = [("prep_recipient", float(bool(cases & self.recipient_preps))),
                     ("prep_beneficiary", float(bool(cases & self.beneficiary_preps))),
                     ("prep_valuation", float(bool(cases & self.valuation_preps))),
                     ("prep_among", float(bool(cases & self.among_words))),
                     ("prep_group_link", float(bool(cases & self.group_links)))]
            preps.append(("prep_other", float(bool(cases) and not any(v for _, v in preps))))
            lower = token.lower_
            lexical = (("holder", float(lower in self.holder_nouns)),
                       ("container", float(token.lemma_ in self.containers)),
                       ("event_noun", float(token.lemma_ in self.event_nouns or lower in self.event_nouns)),
                       ("population", float(self._population(token))),
                       ("generic", float(lower in self.generic_nouns)),
                       ("people", float(lower in self.people_nouns)),
                       ("time_word", float(lower in self.time_words)),
                       ("measure_unit", float(lower in self.measure_units)))
            head = token.head
            own = memo[key] = _Own(
                head=head.i, left_edge=token.left_edge.i, dep_key=f"dep_{self._dep_group(token)}",
                subject=token.dep_ in SUBJECT_DEPS,
                ent_key=f"ent_{_ENTS.get(token.ent_type_, 'other')}" if token.ent_type_ else None,
                propn=float(token.pos_ == "PROPN"), children=tuple(c.i for c in children),
                child_number=any(c.like_num for c in children), preps=tuple(preps), lexical=lexical,
                has_nmod=float(any(c.dep_.startswith("nmod") and c.i > token.i for c in children)),
                sentence_subject=float(token.dep_ in SUBJECT_DEPS and head.dep_ in ("ROOT", "root")),
                clause=_clause(token))
        return own

    @staticmethod
    def _dep_group(token: Token) -> str:
        if token.dep_.startswith("nmod"):
            return "nmod"
        return _DEPS.get(token.dep_, "other")

    def _token_features(self, token: Token, ctx: MentionContext, anchor: Token, among: Token | None
                        ) -> dict[str, float]:
        memo = self._memo(token.doc)
        own = self._own(token, memo)
        anchor_own = self._own(anchor, memo)
        f: dict[str, float] = {own.dep_key: 1.0}
        f["propn"] = own.propn
        if own.ent_key is not None:
            f[own.ent_key] = 1.0
        same = ctx.sentence.start <= token.i < ctx.sentence.end
        f["counted_noun"] = float(ctx.noun is not None and token.i == ctx.noun.i)
        f["actor"] = float(ctx.actor is not None and token.i == ctx.actor.i)
        f["anchor"] = float(token.i == anchor.i)
        f["governs_anchor"] = float(anchor_own.head == token.i and anchor.i != token.i)
        f["governed_by_anchor"] = float(own.head == anchor.i and anchor.i != token.i)
        predicate = ctx.predicate
        f["predicate"] = float(predicate is not None and token.i == predicate.i)
        f["predicate_subject"] = float(predicate is not None and own.head == predicate.i and own.subject)
        f["among_group"] = float(among is not None and among.i == token.i)
        others = ctx.places.others
        f["counts_figure"] = float(own.child_number or any(c in others for c in own.children))
        f.update(own.preps)
        f.update(own.lexical)
        distance = tree_distance(ctx.heads, token.i, anchor.i) if same and ctx.heads else 99
        f["tree_1"] = float(distance <= 1)
        f["tree_2"] = float(distance == 2)
        f["tree_distance"] = min(distance, 8) / 8
        f["token_distance"] = min(abs(token.i - ctx.tokens[0].i), 20) / 20 if same else 1.0
        f["before"] = float(token.i < ctx.tokens[0].i)
        f["has_nmod"] = own.has_nmod
        f["sentence_subject"] = own.sentence_subject
        f["first_noun"] = float(same and self._first_nominal(ctx.sentence, memo) >= token.i)
        f["right_after"] = float(0 < own.left_edge - ctx.tokens[-1].i <= 3)
        f["above_figure"] = float(token.is_ancestor(anchor))
        f["below_figure"] = float(anchor.is_ancestor(token))
        f["same_clause"] = float(same and own.clause == anchor_own.clause)
        return {k: v for k, v in f.items() if v}


def _clause(token: Token) -> int:
    """The verb (or the root) a token's clause hangs on."""
    t = token
    for _ in range(12):
        if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
            return t.i
        t = t.head
    return t.i
