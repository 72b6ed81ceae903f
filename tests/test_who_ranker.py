"""The who ranker (pipeline/relations/who_ranker.py): a model file under models/<lang>/ chooses who among
the sentence's nouns; without it the rules decide; a malformed one is an error naming the file.
Sentences and model files written for these tests."""

from __future__ import annotations

import json
import shutil

import pytest

from pipeline.errors import FaitsError
from pipeline.relations.who_ranker import FEATURES, WHO_RANKER_FILE, Candidate, WhoRanker

SENTENCE = "Hier soir, 40 pompiers ont combattu un incendie près de Tulle."


def _model(weights: dict, margin: float = 0.0) -> dict:
    return {"weights": weights, "bias": 0.0, "margin": margin, "fitted_on": {"matched_facts": 0}}


@pytest.fixture
def pack(tmp_path, monkeypatch):
    """A copy of the shipped language packs, used through FAITS_MODELS_DIR, without any who model."""
    from pipeline.languages import models_dir

    for lang in ("fr", "en"):
        shutil.copytree(models_dir() / lang, tmp_path / lang)
        (tmp_path / lang / WHO_RANKER_FILE).unlink(missing_ok=True)
    monkeypatch.setenv("FAITS_MODELS_DIR", str(tmp_path))
    return tmp_path


def _who(nlp, text: str) -> list:
    """who of each fact, from a relation extractor built on the current FAITS_MODELS_DIR."""
    from pipeline.relations import RelationExtractor

    doc = nlp.make_doc(text)
    doc._.published = "2025-06-20"
    doc = nlp(doc)
    return [f["who"] for f in RelationExtractor("fr")(doc)]


@pytest.mark.model
def test_without_the_model_file_the_rules_decide(nlp, pack):
    from pipeline.relations import RelationExtractor

    assert RelationExtractor("fr").who_ranker is None
    assert _who(nlp, SENTENCE) == ["pompiers"]  # the counted noun


@pytest.mark.model
def test_the_model_file_chooses_who(nlp, pack):
    # weights that prefer the object of the verb to the counted noun, which the rules pick
    (pack / "fr" / WHO_RANKER_FILE).write_text(json.dumps(_model({"dep_obj": 3.0, "rules": 1.0})), encoding="utf-8")
    assert _who(nlp, SENTENCE) == ["incendie"]
    # the same preference, short of the margin: the rules' pick stays
    (pack / "fr" / WHO_RANKER_FILE).write_text(json.dumps(_model({"dep_obj": 3.0, "rules": 1.0}, margin=2.5)),
                                               encoding="utf-8")
    assert _who(nlp, SENTENCE) == ["pompiers"]


def test_the_rules_pick_stays_unless_beaten_by_the_margin():
    rules = Candidate("pompiers", {"rules": 1.0, "counted_noun": 1.0})
    other = Candidate("incendie", {"dep_obj": 1.0})
    assert WhoRanker({"dep_obj": 2.0, "rules": 1.0}, 0.0, 0.5).choose([rules, other]) is other
    assert WhoRanker({"dep_obj": 2.0, "rules": 1.0}, 0.0, 1.0).choose([rules, other]) is rules
    assert WhoRanker({"dep_obj": 2.0, "rules": 1.0}, 0.0, 0.0).choose([rules]) is rules


@pytest.mark.parametrize(("content", "message"), [
    ("{not json", "not valid JSON"),
    (json.dumps({"weights": {"dep_obj": 1.0}, "bias": 0.0, "fitted_on": {}}), "lacks the key 'margin'"),
    (json.dumps(_model({"dep_obj": "high"})), "'weights.dep_obj' should be a number"),
    (json.dumps(_model({"the_word_police": 1.0})), "unknown key 'weights.the_word_police'"),
    (json.dumps([1, 2]), "should be an object"),
])
def test_a_malformed_model_file_is_an_error_naming_it(tmp_path, content, message):
    path = tmp_path / WHO_RANKER_FILE
    path.write_text(content, encoding="utf-8")
    with pytest.raises(FaitsError, match=message) as error:
        WhoRanker.read(path)
    assert str(path) in str(error.value)


def test_a_malformed_model_file_stops_the_language_loading(pack):
    from pipeline.relations import RelationExtractor

    path = pack / "fr" / WHO_RANKER_FILE
    path.write_text(json.dumps(_model({"dep_obj": 1.0}) | {"margin": "wide"}), encoding="utf-8")
    with pytest.raises(FaitsError, match="'margin' should be a number") as error:
        RelationExtractor("fr")
    assert str(path) in str(error.value)


def test_the_shipped_models_know_only_the_features():
    from pipeline.languages import models_dir

    for lang in ("fr", "en"):
        model = WhoRanker.read(models_dir() / lang / WHO_RANKER_FILE)
        if model is not None:
            assert set(model.weights) <= set(FEATURES) and model.margin >= 0


# Two sentences of several figures each: their nouns are candidates of every figure of their sentence.
MANY_FIGURES = ("Samedi, 40 pompiers et 12 gendarmes ont évacué 300 habitants du quartier, selon la préfecture. "
                "Le maire a débloqué 2 millions d'euros pour 150 familles sinistrées.")
OTHER_TEXT = "Lundi, 25 médecins de l'hôpital ont soigné 80 blessés de l'accident, a indiqué la direction."


class _Forgetful(dict):
    """A memo that keeps nothing."""

    def __setitem__(self, key, value) -> None:
        pass


class _Unkept:
    """Mixed in before RelationExtractor: every token's features and phrase read afresh each time."""

    def _memo(self, doc):
        return _Forgetful()


def _candidates(nlp, extractor, text: str) -> list:
    doc = nlp.make_doc(text)
    doc._.published = "2025-06-20"
    extractor.log_who = True
    return [[(c.phrase, c.features) for c in f["who_candidates"]] for f in extractor(nlp(doc))]


@pytest.mark.model
def test_what_is_kept_per_doc_gives_the_candidates_read_afresh(nlp):
    from pipeline.relations import RelationExtractor

    unkept = type("Unkept", (_Unkept, RelationExtractor), {})("fr")
    kept = RelationExtractor("fr")
    for text in (MANY_FIGURES, OTHER_TEXT, MANY_FIGURES):  # a Doc after another: nothing of the one before
        expected = _candidates(nlp, unkept, text)
        assert sum(len(c) for c in expected) > 10  # several figures, several nouns each
        assert _candidates(nlp, kept, text) == expected
    assert kept._who_memo is None  # dropped once the Doc is read
