"""The event-type corrector (pipeline/relations/event_corrector.py): a model file under models/<lang>/
replaces the rules' event type when another type scores a margin above it; without it, or with an infinite
margin, the rules decide; a currency's amount stays money; a malformed file is an error naming it. And the
parts of its fit (bench/fit_event_types.py) shared with the who ranker's (bench/dev_folds.py).
Sentences and model files written for these tests."""

from __future__ import annotations

import json
import math

import pytest

from pipeline.errors import FaitsError
from pipeline.relations.event_corrector import EVENT_TYPES_FILE, EventTypeModel, is_feature

from .conftest import packs_without

# the rules find no trigger: "other", by default
SLEPT = "Samedi, 120 habitants du quartier ont dormi dans un gymnase de Tulle."
# the rules: "deployed" (the counted noun's usual type), "killed" (a trigger), "money" (the unit)
FOUGHT = "Hier soir, 40 pompiers ont combattu un incendie près de Tulle."
KILLED = "Mardi, 35 personnes ont été tuées dans un attentat à Lyon."
PAID = "Le club a reçu 4 millions d'euros pour son gardien."


def _model(weights: dict, margin: float = 1.0) -> dict:
    return {"weights": weights, "bias": {t: 0.0 for t in weights}, "margin": margin, "fitted_on": {"matched_facts": 0}}


# a model that prefers "displaced" for people who slept somewhere, "other" for anything with a unit
SLEPT_MODEL = {"displaced": {"verb:dormir": 3.0}, "other": {"rules:other": 1.0, "unit:currency": 9.0},
               "deployed": {"rules:deployed": 1.0}, "killed": {"rules:killed": 1.0}, "money": {"rules:money": 1.0}}


@pytest.fixture
def pack(tmp_path, monkeypatch):
    """A copy of the shipped language packs, used through FAITS_MODELS_DIR, without any event-type model."""
    return packs_without(EVENT_TYPES_FILE, tmp_path, monkeypatch)


def _types(nlp, text: str) -> list[tuple[str, str]]:
    """(event_type, event_type_from) of each fact, from a relation extractor built on the current FAITS_MODELS_DIR."""
    from pipeline.relations import RelationExtractor

    doc = nlp.make_doc(text)
    doc._.published = "2025-06-20"
    doc = nlp(doc)
    return [(f["event_type"], f["event_type_from"]) for f in RelationExtractor("fr")(doc)]


@pytest.mark.model
def test_without_the_model_file_the_rules_decide(nlp, pack):
    from pipeline.relations import RelationExtractor

    assert RelationExtractor("fr").event_model is None
    assert _types(nlp, SLEPT) == [("other", "default")]
    assert _types(nlp, FOUGHT) == [("deployed", "noun")]


@pytest.mark.model
def test_the_model_file_loads_and_corrects_the_rules(nlp, pack):
    from pipeline.relations import RelationExtractor

    (pack / "fr" / EVENT_TYPES_FILE).write_text(json.dumps(_model(SLEPT_MODEL)), encoding="utf-8")
    assert RelationExtractor("fr").event_model is not None
    # "displaced" scores 3, "other" (the rules') 1: beaten by more than the margin
    assert _types(nlp, SLEPT) == [("displaced", "model")]


@pytest.mark.model
def test_the_rules_type_stays_where_the_model_does_not_beat_it(nlp, pack):
    (pack / "fr" / EVENT_TYPES_FILE).write_text(json.dumps(_model(SLEPT_MODEL)), encoding="utf-8")
    # controls: no feature of these speaks for another type
    assert _types(nlp, FOUGHT) == [("deployed", "noun")]
    assert _types(nlp, KILLED) == [("killed", "lexicon")]
    # a currency's amount is money whatever the model says ("unit:currency" weighs 9 for "other")
    assert ("money", "unit") in _types(nlp, PAID)
    # the same preference as above, short of a wider margin: the rules' type stays
    (pack / "fr" / EVENT_TYPES_FILE).write_text(json.dumps(_model(SLEPT_MODEL, margin=2.5)), encoding="utf-8")
    assert _types(nlp, SLEPT) == [("other", "default")]


def test_an_infinite_margin_is_the_rules_alone():
    weights = {"displaced": {"verb:dormir": 50.0}, "other": {}}
    features = {"verb:dormir": 1.0, "rules:other": 1.0}
    assert EventTypeModel(weights, {}, 0.0).choose("other", features) == "displaced"
    assert EventTypeModel(weights, {}, math.inf).choose("other", features) == "other"
    # a type the model never learned stays, whatever it scores
    assert EventTypeModel(weights, {}, 0.0).choose("missing", features) == "missing"


def test_a_lemma_is_a_feature_only_under_a_known_kind():
    assert is_feature("noun:habitant") and is_feature("rules:other") and is_feature("doc_type:killed")
    assert not is_feature("habitant") and not is_feature("word:habitant") and not is_feature("noun:")


@pytest.mark.parametrize(("content", "message"), [
    ("{not json", "not valid JSON"),
    (json.dumps({"weights": {}, "bias": {}, "fitted_on": {}}), "lacks the key 'margin'"),
    (json.dumps(_model({"other": {"noun:habitant": "high"}})), "should be a number"),
    (json.dumps(_model({"other": {"the_word_habitant": 1.0}})), "unknown key 'weights.other.the_word_habitant'"),
])
def test_a_malformed_model_file_is_an_error_naming_it(tmp_path, content, message):
    path = tmp_path / EVENT_TYPES_FILE
    path.write_text(content, encoding="utf-8")
    with pytest.raises(FaitsError, match=message) as error:
        EventTypeModel.read(path)
    assert str(path) in str(error.value)


def test_the_shipped_models_know_only_the_features():
    from pipeline.languages import models_dir

    for lang in ("fr", "en"):
        model = EventTypeModel.read(models_dir() / lang / EVENT_TYPES_FILE)
        if model is not None:
            assert all(is_feature(n) for w in model.weights.values() for n in w) and model.margin >= 0


# -- the fit (bench/) ----------------------------------------------------------------------------


def test_folds_never_split_a_group():
    from bench.dev_folds import folds_of

    facts = [{"group": f"g{i % 7}"} for i in range(40)]
    fold = folds_of(facts, 5, seed=0)
    assert all(len({k for f, k in zip(facts, fold, strict=True) if f["group"] == g}) == 1
               for g in {f["group"] for f in facts})


def test_the_nested_choice_prefers_the_rules_on_a_tie():
    from bench.dev_folds import choose_settings

    facts = [{"group": f"g{i}"} for i in range(8)]
    # every setting gets the same count: the largest margin (the rules), then the first fit settings, win
    assert choose_settings(facts, [("a",), ("b",)], (0.0, math.inf), lambda t, p: p, lambda h, m, x: len(h)) == (
        ("a",), math.inf)
    # a model that is right only with margin 0 and fit "b"
    assert choose_settings(facts, [("a",), ("b",)], (0.0, math.inf), lambda t, p: p,
                           lambda h, m, x: len(h) * (m == ("b",) and x == 0.0)) == (("b",), 0.0)


def test_the_fit_learns_a_correction_and_keeps_the_rules_elsewhere():
    pytest.importorskip("sklearn")
    from bench.fit_event_types import choices, fit

    def fact(verb: str, rules: str, gold: str) -> dict:
        return {"gold": gold, "rules": rules, "from": "default",
                "features": {f"verb:{verb}": 1.0, f"rules:{rules}": 1.0}}

    facts = [fact("dormir", "other", "displaced")] * 10 + [fact("voter", "other", "other")] * 10 + [
        fact("tuer", "killed", "killed")] * 10
    model = fit(facts, (10.0,))
    probe = [fact("dormir", "other", "displaced"), fact("voter", "other", "other"), fact("tuer", "killed", "killed")]
    assert choices(probe, model, 0.5) == ["displaced", "other", "killed"]
    assert choices(probe, model, math.inf) == ["other", "other", "killed"]
