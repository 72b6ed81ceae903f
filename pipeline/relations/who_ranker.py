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

import math
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import repeat
from operator import mul
from pathlib import Path

import numpy as np
from spacy.attrs import DEP, HEAD, ORTH, POS, SENT_START, SPACY
from spacy.tokens import Doc, Span, Token

from ..contract import WhoRankerFile, read_model_file
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
        # the weights times the values, summed in the features' order (as a list comprehension would: the same
        # additions, without Python's loop; every candidate of every figure is scored)
        return self.bias + sum(map(mul, map(self.weights.get, features, repeat(0.0)), features.values()))

    def choose(self, candidates: list[Candidate]) -> Candidate:
        """The rules' pick (the first candidate) unless another beats it by the margin."""
        scores = [self.score(c.features) for c in candidates]
        best = max(range(len(candidates)), key=lambda i: (scores[i], -i))
        return candidates[best] if scores[best] > scores[0] + self.margin else candidates[0]

    @classmethod
    def read(cls, path: Path) -> WhoRanker | None:
        """The model of ``path``; None when the file is absent (the rules decide)."""
        data = read_model_file(path, WhoRankerFile)
        if data is None:
            return None
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
    # one pass over ``base`` (every candidate of every figure comes through here): the features in base's
    # order, then the same once more per unit kind, in the same order
    out: dict[str, float] = {}
    kinded: list[tuple[str, float]] = []
    suffix = "@" + kind
    for name, v in base.items():
        if v:
            out[name] = v
            if not name.startswith("path_"):
                kinded.append((name + suffix, v))
    out.update(kinded)
    return out


class WhoChooser:
    """The who-ranking stage (a part of :class:`~pipeline.relations.RelationExtractor`)."""

    who_ranker: WhoRanker | None = None
    log_who: bool = False  # keep every fact's candidates in ``fact["who_candidates"]`` (bench/fit_who.py)
    # what the candidates read of the Doc being read that no figure changes: dropped by :meth:`forget_doc`,
    # which the extractor calls before and after each Doc
    _who_view: _DocView | None = None

    def forget_doc(self) -> None:
        """Drop what was kept of the last Doc (:attr:`_who_view`)."""
        self._who_view = None

    def _doc_view(self, doc: Doc) -> _DocView:
        """What the candidates read of ``doc`` that no figure changes, made on the Doc's first figure."""
        view = self._who_view
        if view is None or view.doc is not doc:
            # a local first: another thread's forget_doc() between the two lines must not return None
            view = self._who_view = _DocView(doc)
        return view

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
        view = self._doc_view(sent.doc)
        antecedents = self._antecedents(ctx)
        among = self._among(ctx)
        valued = self._valued_object(anchor, inside) if ctx.anchor is not None else None
        figure = _Figure(anchor=anchor, clause=view.clause(anchor.i), among=among, antecedents=antecedents,
                         valued=valued, linked_who=frozenset(c.who for c in (ctx.linked_to, ctx.subset_of)
                                                              if c is not None and c.who), view=view,
                         **_Figure.indices(ctx, anchor.i, among, antecedents, valued, view))
        nominal, verbless = self._sentence_nouns(sent, view)
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
        doc = sent.doc
        nouns = [doc[i] for i in sorted((i for i in nominal if i not in inside and i not in in_dates
                                         and doc[i].lower_ not in self.period_nouns),
                                        key=lambda i: abs(i - first))[:MAX_CANDIDATES]]
        # "Elles représentent 20 %", "onze d'entre eux": the noun a pronoun stands for, maybe in the sentence before
        nouns += [t for t in figure.antecedents if not sent.start <= t.i < sent.end]
        for token in nouns:
            # a role set beside a name by commas stands for the name ("Le maire, Bernard Paineau,": thirteenth
            # session), as in the rules (RecordBuilder._named_in_apposition)
            named = self._named_in_apposition(token, ctx)
            for with_nmod in (False, True) if self._own(token, view).has_nmod and named is None else (False,):
                phrase = self._phrase(named if named is not None else token, with_nmod, view)
                if phrase in seen and named is None:  # (the role keeps its own features under the name)
                    continue
                seen.add(phrase)
                base = self._token_features(token, ctx, figure)
                base["with_nmod"] = float(with_nmod)
                base["linked_who"] = float(phrase in figure.linked_who)
                if rules_token is not None:
                    base["rules_head"] = float(token.i == rules_token.i)
                    # "taux de chômage", "débit de l'Aude": a complement of the rules' pick, or what it complements
                    base["child_of_rules"] = float(view.heads[token.i] == rules_token.i != token.i)
                    base["head_of_rules"] = float(view.heads[rules_token.i] == token.i != rules_token.i)
                candidates.append(Candidate(phrase, with_kinds(base, kind)))
        kept = self._valuing_verb_object(valued, anchor, inside)
        if kept is not None:
            return self._kept_to_valued(candidates, kept, view)
        return self._kept_to_valued(candidates, self._varied_object(ctx, in_dates), view, chain=False)

    def _valuing_verb_object(self, valued: Token | None, anchor: Token, inside: set[int]) -> Token | None:
        """ "évalue à 3 millions d'euros le coût des réparations": the object a valuing verb (the pack's
        ``reporting_verbs``: estimer, évaluer, chiffrer...) gives the figure to through "à N", else None."""
        if valued is None and anchor.i not in inside and any(
                c.dep_ == "case" and c.lower_ in self.valuation_preps for c in anchor.children) and any(
                c.dep_ == "det" and c.i > max(inside) for c in anchor.children):
            valued = anchor  # "estime à 40 000 le nombre de manifestants", parsed as one phrase: "à ... le nombre"
        if valued is None:
            return None
        verb = valued.head
        if verb.pos_ != "VERB":  # the object parsed as a complement of the figure, the figure on the verb
            verb = verb.head
        said = verb.pos_ == "VERB" and (verb.lemma_ in self.reporting or verb.lower_ in self.reporting)
        return valued if said else None

    def _kept_to_valued(self, candidates: list[Candidate], valued: Token | None,
                        view: _DocView, chain: bool = True) -> list[Candidate]:
        """Only the phrases of the valued object (itself, with or without its complement, or a noun of that
        complement: "coût des réparations", "manifestants" of "le nombre de manifestants"), the object itself
        first when the rules' pick is none of them. A rule, not a weight: in dev the construction is rare,
        so the fit leaves its feature near zero and the subject valuing the amount would win.

        The same for the object whose change a share measures ("a relevé de 4 % ses tarifs de cantine",
        :meth:`~pipeline.relations.record.RecordBuilder._varied_object`), with ``chain`` False: what changes
        is the object itself (not "cantine"), or the group a container counts ("le nombre de vols": vols)."""
        if valued is None:
            return candidates
        nouns, i = [valued], 0
        while i < len(nouns):  # down the chain of complements ("montant des pertes du secteur"), not its clauses
            if chain or nouns[i].lemma_ in self.containers:
                nouns += [c for c in nouns[i].children if c.dep_.startswith("nmod") and c.pos_ in NOMINAL]
            i += 1
        allowed = {self._phrase(t, with_nmod, view) for t in nouns for with_nmod in (False, True)}
        kept = [c for c in candidates if c.phrase in allowed]
        if kept and candidates[0].phrase in allowed:
            return kept
        first = self._phrase(valued, True, view)
        return sorted(kept, key=lambda c: c.phrase != first) or candidates

    def _sentence_nouns(self, sent: Span, view: _DocView) -> tuple[list[int], bool]:
        """The sentence's nouns that may be who (a letter, no amount word), in order, and whether it has no verb."""
        key = (sent.start, sent.end)
        found = view.nouns.get(key)
        if found is None:
            pos = view.pos
            found = view.nouns[key] = (
                [t.i for t in sent if pos[t.i] in NOMINAL and any(ch.isalpha() for ch in t.text)
                 and not self._is_amount(t)],
                not view.has_verb(sent.start, sent.end))
        return found

    def _phrase(self, token: Token, with_nmod: bool, view: _DocView) -> str:
        """The candidate's phrase: its noun phrase, or the who a bare noun implies."""
        key = (token.i, with_nmod)
        phrase = view.phrases.get(key)
        if phrase is None:
            phrase = noun_phrase(token, with_nmod=with_nmod, sentence=view.sentence(token.i))
            if token.lower_ in self.implied_who and phrase == token.text:
                phrase = self.implied_who[token.lower_]
            view.phrases[key] = phrase
        return phrase

    def _own(self, token: Token, view: _DocView) -> _Own:
        """What the features read of ``token`` alone, read on its first figure of the Doc."""
        own = view.own.get(token.i)
        if own is not None:
            return own
        i = token.i
        children = list(token.children)
        lead = {f"dep_{self._dep_group(token)}": 1.0, "propn": float(view.pos[i] == "PROPN")}
        if token.ent_type_:
            lead[f"ent_{_ENTS.get(token.ent_type_, 'other')}"] = 1.0
        cases = {c.lower_ for c in children if c.dep_ == "case"}
        words = {"prep_recipient": float(bool(cases & self.recipient_preps)),
                 "prep_beneficiary": float(bool(cases & self.beneficiary_preps)),
                 "prep_valuation": float(bool(cases & self.valuation_preps)),
                 "prep_among": float(bool(cases & self.among_words)),
                 "prep_group_link": float(bool(cases & self.group_links))}
        words["prep_other"] = float(bool(cases) and not any(words.values()))
        lower, lemma = token.lower_, token.lemma_
        words |= {"holder": float(lower in self.holder_nouns),
                  "container": float(lemma in self.containers),
                  "event_noun": float(lemma in self.event_nouns or lower in self.event_nouns),
                  "population": float(self._population(token)),
                  "generic": float(lower in self.generic_nouns),
                  "people": float(lower in self.people_nouns),
                  "time_word": float(lower in self.time_words),
                  "measure_unit": float(lower in self.measure_units)}
        dep, head = view.deps[i], view.heads[i]
        own = view.own[i] = _Own(
            lead=tuple(lead.items()), words=tuple(words.items()), head=head, left_edge=token.left_edge.i,
            subject=dep in SUBJECT_DEPS, children=tuple(c.i for c in children),
            child_number=any(c.like_num for c in children),
            relative_clauses=tuple(c.i for c in children if c.dep_ == "acl:relcl"),
            has_nmod=float(any(c.dep_.startswith("nmod") and c.i > i for c in children)),
            sentence_subject=float(dep in SUBJECT_DEPS and view.deps[head] in ("ROOT", "root")),
            measure_noun=float(lemma in self.measure_nouns or lower in self.measure_nouns),
            # "en revanche", "compte tenu": a noun without an article (nor "du", "aux", which hold one)
            bare_noun=float(view.pos[i] == "NOUN" and not any(
                c.dep_.startswith(("det", "nummod", "nmod:poss")) or "Def" in c.morph.get("Definite")
                for c in children)),
            clause=view.clause(i))
        return own

    def _antecedents(self, ctx: MentionContext) -> tuple[Token, ...]:
        """The nouns the figure's pronouns stand for: the pronoun subject of its verb ("Elles représentent
        20 %"), the pronoun it is taken among ("onze d'entre eux", "la moitié d'entre elles")."""
        pronouns = [p] if (p := self._pronoun_of(ctx)) is not None else []
        for token in (*ctx.tokens, ctx.noun, ctx.anchor):
            for child in token.children if token is not None else ():
                if child.pos_ == "PRON" and child not in pronouns:
                    pronouns.append(child)
        found = [self._antecedent(p) for p in pronouns]
        # "Ils étaient encore 176 dimanche", "On en dénombre 40": the group the rules found before the sentence
        found.append(ctx.referent)
        return tuple(dict.fromkeys(t for t in found if t is not None))

    @staticmethod
    def _dep_group(token: Token) -> str:
        if token.dep_.startswith("nmod"):
            return "nmod"
        return _DEPS.get(token.dep_, "other")

    def _token_features(self, token: Token, ctx: MentionContext, figure: _Figure) -> dict[str, float]:
        # in the order the features were always written: a model's score sums them in this order; what
        # depends on the figure alone is read once per figure (_Figure.indices), on token indices. Only the
        # features that hold are written (no key is written twice, so each keeps the place it always had
        # among those that hold): a candidate's dict was every feature's, zeros then dropped
        view = figure.view
        i, a = token.i, figure.anchor_i
        own = self._own(token, view)
        f: dict[str, float] = {k: v for k, v in own.lead if v}  # dependency, proper noun, entity
        same = figure.sent_start <= i < figure.sent_end
        if i == figure.noun_i:
            f["counted_noun"] = 1.0
        if i == figure.actor_i:
            f["actor"] = 1.0
        if i == a:
            f["anchor"] = 1.0
        governs_anchor = view.heads[a] == i and a != i
        if governs_anchor:
            f["governs_anchor"] = 1.0
        if own.head == a and a != i:
            f["governed_by_anchor"] = 1.0
        predicate_i = figure.predicate_i
        if i == predicate_i:
            f["predicate"] = 1.0
        predicate_subject = predicate_i >= 0 and own.head == predicate_i and own.subject
        if predicate_subject:
            f["predicate_subject"] = 1.0
        if i == figure.among_i:
            f["among_group"] = 1.0
        others = ctx.places.others
        if own.child_number or any(c in others for c in own.children):
            f["counts_figure"] = 1.0
        for k, v in own.words:  # prepositions and word lists
            if v:
                f[k] = v
        first = figure.first_i
        distance = tree_distance(ctx.heads, i, a) if same and ctx.heads else 99
        if distance <= 1:
            f["tree_1"] = 1.0
        if distance == 2:
            f["tree_2"] = 1.0
        if distance:
            f["tree_distance"] = min(distance, 8) / 8
        token_distance = min(abs(i - first), 20) / 20 if same else 1.0
        if token_distance:
            f["token_distance"] = token_distance
        if i < first:
            f["before"] = 1.0
        if own.has_nmod:
            f["has_nmod"] = own.has_nmod
        if own.sentence_subject:
            f["sentence_subject"] = own.sentence_subject
        if same and figure.first_nominal >= i:
            f["first_noun"] = 1.0
        if 0 < own.left_edge - figure.last_i <= 3:
            f["right_after"] = 1.0
        above = figure.anchor_ancestors
        if i in above:
            f["above_figure"] = 1.0
        if a in view.ancestors(i):
            f["below_figure"] = 1.0
        if same and own.clause == figure.clause:
            f["same_clause"] = 1.0
        # how the candidate holds the figure (issue 11): "le taux de chômage a atteint 7,4 %", "les recettes,
        # qui ont progressé de 3,9 %", "estime les pertes à 4 millions", "Elles représentent 20 %"
        if own.measure_noun:
            f["measure_noun"] = own.measure_noun
        clause_subject = own.subject and own.head == figure.clause
        if clause_subject:
            f["clause_subject"] = 1.0
        if own.measure_noun and (governs_anchor or clause_subject or predicate_subject):
            f["measure_holds"] = 1.0
        if any(c == a or c in above for c in own.relative_clauses):
            f["relative_antecedent"] = 1.0
        if i in figure.antecedent_ids:
            f["antecedent"] = 1.0
        if i == figure.valued_i:
            f["valued_object"] = 1.0
        if own.bare_noun:
            f["bare_noun"] = own.bare_noun
        if i == figure.sent_start:
            f["sentence_start"] = 1.0
        if same:
            if view.colon_between(*((i, first) if i <= first else (first, i))):
                f["colon_between"] = 1.0
            up, down = view.path(a, i)
            deps = view.deps
            if len(up) <= MAX_PATH_STEPS and len(down) <= MAX_PATH_STEPS:
                f[path_feature([_PATH_DEPS.get(deps[t], "other") for t in up],
                               [_PATH_DEPS.get(deps[t], "other") for t in down])] = 1.0
            else:
                f["path_far"] = 1.0
            clauses = sum(deps[t] in _CLAUSE_DEPS for t in (*up, *down))
            if clauses:
                f["clause_distance"] = min(clauses, 3) / 3
        return f


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
    view: _DocView
    # the same as token indices (-1: none), read by every candidate of the figure
    anchor_i: int
    noun_i: int
    actor_i: int
    predicate_i: int
    among_i: int
    valued_i: int
    first_i: int  # the figure's first and last token
    last_i: int
    sent_start: int
    sent_end: int
    first_nominal: int  # the first noun of the figure's sentence
    anchor_ancestors: frozenset[int]
    antecedent_ids: frozenset[int]

    @staticmethod
    def indices(ctx: MentionContext, anchor: int, among: Token | None, antecedents: tuple[Token, ...],
                valued: Token | None, view: _DocView) -> dict:
        """The token indices of the figure's parts, the fields after :attr:`view`."""
        sent = ctx.sentence
        start, end = sent.start, sent.end
        return {"anchor_i": anchor, "noun_i": _index(ctx.noun), "actor_i": _index(ctx.actor),
                "predicate_i": _index(ctx.predicate), "among_i": _index(among), "valued_i": _index(valued),
                "first_i": ctx.tokens[0].i, "last_i": ctx.tokens[-1].i, "sent_start": start, "sent_end": end,
                "first_nominal": view.first_nominal(start, end), "anchor_ancestors": view.ancestors(anchor),
                "antecedent_ids": frozenset(t.i for t in antecedents)}


def _index(token: Token | None) -> int:
    return -1 if token is None else token.i


@dataclass(frozen=True)
class _Own:
    """What the features read of one token alone (:meth:`WhoChooser._own`), the same for every figure."""

    lead: tuple[tuple[str, float], ...]  # its dependency group, proper noun, entity features
    words: tuple[tuple[str, float], ...]  # its preposition and word-list features
    head: int
    left_edge: int
    subject: bool  # a subject dependency
    children: tuple[int, ...]
    child_number: bool  # a child that looks like a number
    relative_clauses: tuple[int, ...]  # children heading a relative clause
    has_nmod: float
    sentence_subject: float
    measure_noun: float
    bare_noun: float
    clause: int


class _DocView:
    """What the who candidates read of one Doc that no figure changes, kept while its figures are read:
    a sentence's nouns are candidates of each of its figures, and spaCy builds a Token object at every
    access of a head, a child or an ancestor. On token indices; what needs the word lists is filled by
    :class:`WhoChooser` (its tokens' own features, noun phrases, sentences' nouns)."""

    def __init__(self, doc: Doc):
        self.doc = doc
        arr = doc.to_array([HEAD, DEP, POS])
        strings = doc.vocab.strings
        # heads are relative offsets (uint64 wraps the negative ones)
        self.heads: list[int] = (np.arange(len(doc)) + arr[:, 0].astype(np.int64)).tolist()
        self.deps: list[str] = [strings[x] for x in arr[:, 1].tolist()]
        self.pos: list[str] = [strings[x] for x in arr[:, 2].tolist()]
        self.own: dict[int, _Own] = {}
        self.phrases: dict[tuple[int, bool], str] = {}
        self.nouns: dict[tuple[int, int], tuple[list[int], bool]] = {}
        self._chains: dict[int, tuple[list[int], frozenset[int]]] = {}
        self._clauses: dict[int, int] = {}
        self._first_nominal: dict[tuple[int, int], int] = {}
        self._colons: list[int] | None = None
        self._sentence_starts: list[int] | None = None
        self._texts: list[str] | None = None
        self._has_verb: dict[tuple[int, int], bool] = {}
        self.among: dict[int, Token | None] = {}  # the group counted among, by the head it hangs on (ContextReader)
        self._texts_with_ws: list[str] = []

    def _chain(self, i: int) -> tuple[list[int], frozenset[int]]:
        """``i`` and its heads up to the root, and the heads alone (:attr:`Token.ancestors`)."""
        found = self._chains.get(i)
        if found is None:
            heads, chain = self.heads, [i]
            while heads[chain[-1]] != chain[-1] and len(chain) <= len(heads):  # spaCy's guard against a cycle
                chain.append(heads[chain[-1]])
            found = self._chains[i] = (chain, frozenset(chain[1:]))
        return found

    def ancestors(self, i: int) -> frozenset[int]:
        """The indices of ``i``'s ancestors: ``doc[j].is_ancestor(doc[i])`` for each."""
        return self._chain(i)[1]

    def path(self, source: int, target: int) -> tuple[list[int], list[int]]:
        """The tokens whose relation the tree path from ``source`` to ``target`` climbs (from ``source`` up
        to the common ancestor, excluded) and descends (from below it down to ``target``); across two
        sentences' trees, a descent longer than any path feature."""
        heads = self.heads
        target_chain = self._chain(target)[0]
        on_target = set(target_chain)
        up: list[int] = []
        t = source
        while t not in on_target:
            if heads[t] == t:  # another sentence's tree: no path
                return up, [target] * (MAX_PATH_STEPS + 1)
            up.append(t)
            t = heads[t]
        return up, target_chain[: target_chain.index(t)][::-1]

    def clause(self, i: int) -> int:
        """The verb (or the root) token ``i``'s clause hangs on (12 steps up at most)."""
        found = self._clauses.get(i)
        if found is None:
            heads, pos, t = self.heads, self.pos, i
            for _ in range(12):
                if pos[t] in ("VERB", "AUX") or heads[t] == t:
                    break
                t = heads[t]
            found = self._clauses[i] = t
        return found

    def first_nominal(self, start: int, end: int) -> int:
        """The index of the first noun in tokens ``start:end`` (``end`` when there is none)."""
        found = self._first_nominal.get((start, end))
        if found is None:
            pos = self.pos
            found = self._first_nominal[(start, end)] = next((j for j in range(start, end) if pos[j] in NOMINAL), end)
        return found

    def sentence(self, i: int) -> tuple[int, int]:
        """The token bounds of token ``i``'s sentence, as :attr:`Token.sent` finds them (from the sentence starts)."""
        if self._sentence_starts is None:
            self._sentence_starts = np.flatnonzero(self.doc.to_array([SENT_START]).astype(np.int64) == 1).tolist()
        starts = self._sentence_starts
        k = bisect_right(starts, i)
        return (starts[k - 1] if k else 0), (starts[k] if k < len(starts) else len(self.heads))

    def has_verb(self, start: int, end: int) -> bool:
        """Whether tokens ``start:end`` hold a verb or an auxiliary."""
        found = self._has_verb.get((start, end))
        if found is None:
            pos = self.pos
            found = self._has_verb[(start, end)] = any(pos[i] in ("VERB", "AUX") for i in range(start, end))
        return found

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text`` (a Span builds a Token per word to join their texts), as spaCy joins it:
        each token's text with its trailing space, the last one's without."""
        if self._texts is None:
            arr = self.doc.to_array([ORTH, SPACY]).tolist()
            strings = self.doc.vocab.strings
            self._texts = [strings[o] for o, _ in arr]
            self._texts_with_ws = [strings[o] + " " if ws else strings[o] for o, ws in arr]
        if end <= start:
            return ""
        return "".join(self._texts_with_ws[start : end - 1]) + self._texts[end - 1]

    def colon_between(self, lo: int, hi: int) -> bool:
        """Whether a token of ``lo:hi`` is a colon."""
        if self._colons is None:
            self._colons = np.flatnonzero(self.doc.to_array([ORTH]) == self.doc.vocab.strings[":"]).tolist()
        k = bisect_left(self._colons, lo)
        return k < len(self._colons) and self._colons[k] < hi
