"""The who ranker's features written only where they hold (pipeline/relations/who_ranker.py: _token_features,
with_kinds, WhoRanker.score) are the features of their first form: every feature written, zeros dropped
afterwards, in the same order (a model's score sums them in that order). Texts written for these tests."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from pipeline.numbers.finder import _Finder
from pipeline.relations import who_ranker as wr
from pipeline.syntax import tree_distance

TEXTS = (
    # several figures a sentence, a colon, a relative clause, a pronoun for the noun of the sentence before
    "Lundi, 42 gendarmes et 17 pompiers ont évacué 310 habitants du quartier, selon la préfecture. "
    "La région a débloqué 5 millions d'euros pour 80 familles : elles toucheront 1 200 euros chacune. "
    "Les usines, qui comptent 3 100 ouvriers, ont vu leurs ventes reculer de 6 %.",
    # a valuing verb, a group counted among, a measure noun holding the figure
    "Le maire évalue à 2 millions d'euros le coût des travaux. Parmi les victimes figurent sept enfants. "
    "Le taux de chômage a atteint 7,9 % en mars, contre 7,1 % un an plus tôt.",
    # a figure without a verb, a heading
    "Inondations : 12 morts dans le Var. Près de 400 sinistrés, d'après la mairie de Toulon.",
)


def _features_first_form(self, token, ctx, figure):
    """_token_features as it was written before: every feature, then the zeros dropped."""
    view = figure.view
    i, a = token.i, figure.anchor_i
    own = self._own(token, view)
    f = dict(own.lead)
    same = figure.sent_start <= i < figure.sent_end
    f["counted_noun"] = float(i == figure.noun_i)
    f["actor"] = float(i == figure.actor_i)
    f["anchor"] = float(i == a)
    f["governs_anchor"] = float(view.heads[a] == i and a != i)
    f["governed_by_anchor"] = float(own.head == a and a != i)
    predicate_i = figure.predicate_i
    f["predicate"] = float(i == predicate_i)
    f["predicate_subject"] = float(predicate_i >= 0 and own.head == predicate_i and own.subject)
    f["among_group"] = float(i == figure.among_i)
    others = ctx.places.others
    f["counts_figure"] = float(own.child_number or any(c in others for c in own.children))
    f.update(own.words)
    first = figure.first_i
    distance = tree_distance(ctx.heads, i, a) if same and ctx.heads else 99
    f["tree_1"] = float(distance <= 1)
    f["tree_2"] = float(distance == 2)
    f["tree_distance"] = min(distance, 8) / 8
    f["token_distance"] = min(abs(i - first), 20) / 20 if same else 1.0
    f["before"] = float(i < first)
    f["has_nmod"] = own.has_nmod
    f["sentence_subject"] = own.sentence_subject
    f["first_noun"] = float(same and figure.first_nominal >= i)
    f["right_after"] = float(0 < own.left_edge - figure.last_i <= 3)
    above = figure.anchor_ancestors
    f["above_figure"] = float(i in above)
    f["below_figure"] = float(a in view.ancestors(i))
    f["same_clause"] = float(same and own.clause == figure.clause)
    f["measure_noun"] = own.measure_noun
    f["clause_subject"] = float(own.subject and own.head == figure.clause)
    f["measure_holds"] = float(f["measure_noun"] and bool(f["governs_anchor"] or f["clause_subject"]
                                                          or f["predicate_subject"]))
    f["relative_antecedent"] = float(any(c == a or c in above for c in own.relative_clauses))
    f["antecedent"] = float(i in figure.antecedent_ids)
    f["valued_object"] = float(i == figure.valued_i)
    f["bare_noun"] = own.bare_noun
    f["sentence_start"] = float(i == figure.sent_start)
    if same:
        lo, hi = sorted((i, first))
        f["colon_between"] = float(view.colon_between(lo, hi))
        up, down = view.path(a, i)
        deps = view.deps
        if len(up) <= wr.MAX_PATH_STEPS and len(down) <= wr.MAX_PATH_STEPS:
            f[wr.path_feature([wr._PATH_DEPS.get(deps[t], "other") for t in up],
                              [wr._PATH_DEPS.get(deps[t], "other") for t in down])] = 1.0
        else:
            f["path_far"] = 1.0
        clauses = sum(deps[t] in wr._CLAUSE_DEPS for t in (*up, *down))
        f["clause_distance"] = min(clauses, 3) / 3
    return {k: v for k, v in f.items() if v}


def _with_kinds_first_form(base, kind):
    return {name: v for name, v in base.items() if v} | {
        f"{name}@{kind}": v for name, v in base.items() if v and not name.startswith("path_")}


def _candidates(nlp, extractor, text):
    doc = nlp.make_doc(text)
    doc._.published = "2025-06-20"
    extractor.log_who = True
    return [[(c.phrase, list(c.features.items())) for c in f["who_candidates"]] for f in extractor(nlp(doc))]


@pytest.mark.model
def test_the_features_are_those_of_their_first_form(nlp, monkeypatch):
    from pipeline.relations import RelationExtractor

    class FirstForm(RelationExtractor):
        _token_features = _features_first_form

    now = RelationExtractor("fr")
    found = {text: _candidates(nlp, now, text) for text in TEXTS}
    monkeypatch.setattr(wr, "with_kinds", _with_kinds_first_form)
    before = FirstForm("fr")
    for text in TEXTS:
        expected = _candidates(nlp, before, text)
        assert len(expected) >= 2 and sum(map(len, expected)) >= 7  # figures of several candidates each
        assert found[text] == expected  # the same candidates, features and values in the same order
    # the written texts reach the features that hold rarely
    written = {name.partition("@")[0] for text in TEXTS for fact in found[text] for _, f in fact for name, _ in f}
    assert {"colon_between", "measure_holds", "valued_object", "antecedent"} <= written


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_score_is_the_sum_in_the_features_order(lang):
    ranker = wr.WhoRanker.read(Path(__file__).resolve().parent.parent / "models" / lang / wr.WHO_RANKER_FILE)
    if ranker is None:
        pytest.skip(f"no who ranker for {lang}")
    rng = random.Random(7)
    names = [*ranker.weights, "path_obj|subj", "not_a_weight"]
    for _ in range(2000):
        features = {n: rng.choice([1.0, 0.5, 1 / 3, rng.random()]) for n in rng.sample(names, rng.randint(0, 80))}
        first_form = ranker.bias + sum([ranker.weights.get(n, 0.0) * v for n, v in features.items()])
        assert ranker.score(features) == first_form  # bit for bit: the same additions in the same order


def test_a_span_is_free_as_the_first_form_said():
    rng = random.Random(3)
    for _ in range(3000):
        taken = [(a, a + rng.randint(0, 4)) for a in (rng.randint(0, 30) for _ in range(rng.randint(0, 6)))]
        finder = _Finder("x" * 40, None, taken)
        s = rng.randint(0, 34)
        e = s + rng.randint(0, 5)  # empty spans too, and empty taken ones
        assert finder.free(s, e) == all(e <= a or s >= b for a, b in taken), (s, e, taken)
