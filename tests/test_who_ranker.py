"""The who ranker (pipeline/relations/who_ranker.py): a model file under models/<lang>/ chooses who among
the sentence's nouns; without it the rules decide; a malformed one is an error naming the file.
Sentences and model files written for these tests."""

from __future__ import annotations

import json

import pytest

from pipeline.errors import FaitsError
from pipeline.relations.who_ranker import WHO_RANKER_FILE, Candidate, WhoRanker, is_feature, path_feature

from .conftest import packs_without

SENTENCE = "Hier soir, 40 pompiers ont combattu un incendie près de Tulle."


def _model(weights: dict, margin: float = 0.0) -> dict:
    return {"weights": weights, "bias": 0.0, "margin": margin, "fitted_on": {"matched_facts": 0}}


@pytest.fixture
def pack(tmp_path, monkeypatch):
    """A copy of the shipped language packs, used through FAITS_MODELS_DIR, without any who model."""
    return packs_without(WHO_RANKER_FILE, tmp_path, monkeypatch)


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
            assert all(is_feature(name) for name in model.weights) and model.margin >= 0


# -- how a candidate holds the figure (issue 11) ---------------------------------------------------


def test_a_dependency_path_is_a_feature_and_a_word_is_not():
    assert path_feature(["obj"], ["subj"]) == "path_obj|subj"
    assert is_feature("path_obj|subj") and is_feature("path_nmod^obl|subj.nmod@percent") and is_feature("path_|")
    assert not is_feature("path_obj^obl^nmod|subj")  # longer than two steps a side: "path_far" says it
    assert not is_feature("path_police|subj") and not is_feature("path_obj|subj@euros")
    assert not is_feature("path_obj") and is_feature("dep_obj") and not is_feature("the_word_police")


@pytest.mark.model
def test_a_path_weight_is_read_and_chooses(nlp, pack):
    text = "Le club a refusé 4 millions d'euros pour son gardien."
    assert _who(nlp, text) == ["club"]  # the rules: the actor
    # a weight on the complement of the verb the figure is the object of: "path_obj|obl"
    (pack / "fr" / WHO_RANKER_FILE).write_text(json.dumps(_model({"path_obj|obl": 4.0, "rules": 1.0})),
                                               encoding="utf-8")
    assert _who(nlp, text) == ["gardien"]


@pytest.mark.model
def test_the_noun_a_pronoun_stands_for_is_a_candidate(nlp, pack):
    # the rules take "mois"; the pronoun's antecedent, in the sentence before, is a candidate of its own
    text = "Les infirmières sont en colère. Elles réclament 300 euros de plus par mois."
    assert _who(nlp, text) == ["mois"]
    (pack / "fr" / WHO_RANKER_FILE).write_text(json.dumps(_model({"antecedent": 5.0, "rules": 1.0})),
                                               encoding="utf-8")
    assert _who(nlp, text) == ["infirmières"]


# fmt: off
@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    # a count or a measure that complements a noun naming a measure: that noun holds it
    ("Le festival a enregistré une affluence de 12 000 visiteurs samedi.", ["affluence"]),
    # "N d'entre eux": the noun the pronoun stands for, in the sentence before
    ("Un bus transportait 52 lycéens. Neuf d'entre eux ont été légèrement blessés.", ["lycéens", "lycéens"]),
    # the subject of a verb of proportion is the part (SPEC: the holder), not the whole
    ("Les ouvriers représentent environ 3 100 de ces licenciements.", ["ouvriers"]),
    # no verb in the parse ("en hausse"): the subject of the noun the figure hangs on
    ("Le taux d'emploi des seniors est en hausse de 2,4 % sur un an.", ["taux d'emploi des seniors"]),
])
# fmt: on
def test_the_rules_find_the_holder(nlp, pack, text, expected):
    assert _who(nlp, text) == expected


@pytest.mark.model
def test_among_a_group_a_counted_noun_that_names_people_stays(nlp, pack):
    assert _who(nlp, "Parmi les blessés figurent quatre pompiers du centre de secours.") == ["pompiers"]
    # one that names the event (a trigger) still gives way to the group
    assert _who(nlp, "L'explosion a fait 9 blessés parmi les ouvriers.") == ["ouvriers"]


# a model that would always take the subject of the sentence: what the refits learned of an amount
_SUBJECT_MODEL = {"sentence_subject": 6.0, "dep_subj": 3.0, "rules": 1.0}


# fmt: off
@pytest.mark.model
@pytest.mark.parametrize("text, allowed", [
    # a valuing verb gives the figure "à N" to its object: who is that object (or its complement), whatever
    # the weights say of the subject that values it
    ("La préfecture évalue à 3 millions d'euros le coût des réparations.",
     {"coût des réparations", "coût", "réparations"}),
    ("L'inspection estime à 900 000 euros le montant du préjudice.",
     {"montant du préjudice", "montant", "préjudice"}),
    ("Le ministère estime à 40 000 le nombre de manifestants.", {"manifestants", "nombre de manifestants"}),
])
# fmt: on
def test_a_valuing_verb_s_object_is_kept_whatever_the_weights(nlp, pack, text, allowed):
    (pack / "fr" / WHO_RANKER_FILE).write_text(json.dumps(_model(_SUBJECT_MODEL)), encoding="utf-8")
    found = _who(nlp, text)
    assert len(found) == 1 and found[0] in allowed, found


# fmt: off
@pytest.mark.model
@pytest.mark.parametrize("text, subject", [
    # no "à N" with an object: the model still chooses among every noun
    ("La préfecture a versé 3 millions d'euros aux sinistrés de la commune.", "préfecture"),
    ("Le département estime que 3 millions d'euros seront nécessaires aux travaux.", "département"),
])
# fmt: on
def test_outside_the_valued_object_the_model_still_chooses(nlp, pack, text, subject):
    (pack / "fr" / WHO_RANKER_FILE).write_text(json.dumps(_model(_SUBJECT_MODEL)), encoding="utf-8")
    assert _who(nlp, text) == [subject]


# fmt: off
@pytest.mark.model
@pytest.mark.parametrize("text, allowed", [
    # a share "de N %" on a verb with a direct object measures the change of that object: who is the object (or
    # the group a container word of it counts), whatever the weights say of the subject that changes it
    ("La mairie a relevé de 6 % ses tarifs de stationnement.", {"tarifs de stationnement", "tarifs"}),
    ("L'usine a réduit de 30 % ses effectifs.", {"effectifs"}),
    ("La régie a augmenté de 12 % le prix du ticket.", {"prix du ticket", "prix"}),
    # the object parsed as an apposition of the share, and a weekday the parser takes for the object
    ("L'office a abaissé de 8 % le montant des aides.", {"montant des aides", "montant"}),
    ("La commune a baissé mardi de 5 % la taxe foncière.", {"taxe foncière", "taxe"}),
])
# fmt: on
def test_a_varied_object_is_kept_whatever_the_weights(nlp, pack, text, allowed):
    (pack / "fr" / WHO_RANKER_FILE).write_text(json.dumps(_model(_SUBJECT_MODEL)), encoding="utf-8")
    found = _who(nlp, text)
    assert len(found) == 1 and found[0] in allowed, found


# fmt: off
@pytest.mark.model
@pytest.mark.parametrize("text, subject", [
    # no object: an intransitive change; a share that is itself the object; a phrase set off by a comma or
    # opened by "une fois", parsed as the object or its apposition, is no object changed
    ("Les prix ont augmenté de 4 % en un an.", "prix"),
    ("La douane a relevé 4 % de fraudes.", "douane"),
    ("Les loyers ont progressé de 3,1 %, un niveau proche de celui des salaires.", "loyers"),
    ("Les ventes reculent de 2 % une fois l'inflation prise en compte.", "ventes"),
])
# fmt: on
def test_outside_a_varied_object_the_model_still_chooses(nlp, pack, text, subject):
    (pack / "fr" / WHO_RANKER_FILE).write_text(json.dumps(_model(_SUBJECT_MODEL)), encoding="utf-8")
    assert _who(nlp, text) == [subject]


# fmt: off
@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    # the rules alone: the object changed, also when parsed as an apposition of the share
    ("L'office a abaissé de 8 % le montant des aides.", ["montant des aides"]),
    ("La commune a baissé mardi de 5 % la taxe foncière.", ["taxe foncière"]),
    # controls: no object, a phrase after a comma is not the object
    ("Les prix ont augmenté de 4 % en un an.", ["prix"]),
    ("Les loyers ont progressé de 3,1 %, un niveau proche de celui des salaires.", ["loyers"]),
    # a measure in a unit said of a measure noun subject is that measure's, not its complement's
    ("Le taux d'ozone a atteint 240 microgrammes par mètre cube.", ["taux d'ozone"]),
    ("Le taux de plomb est monté à 12 microgrammes par litre.", ["taux de plomb"]),
    # controls: a container that is no measure gives its group; a subject that is no container stays
    ("Le nombre de camions a atteint 300 tonnes.", ["camions"]),
    ("Les rejets de l'usine ont atteint 40 milligrammes par litre.", ["rejets de l'usine"]),
])
# fmt: on
def test_the_rules_find_the_changed_object_and_the_measure(nlp, pack, text, expected):
    assert _who(nlp, text) == expected


# -- what is kept of a Doc while its figures are read ----------------------------------------------------

# Sentences of several figures each (their nouns are candidates of every figure of their sentence), a
# colon, a pronoun whose noun is in the sentence before, a relative clause.
MANY_FIGURES = ("Mardi, 35 sapeurs et 14 policiers ont relogé 260 riverains de la digue, selon la mairie. "
                "Le département a voté 3 millions d'euros pour 120 foyers : elles recevront 900 euros chacune. "
                "Les entreprises, qui emploient 2 400 salariés, ont perdu 8 % de leur chiffre d'affaires.")
OTHER_TEXT = "Jeudi, 18 infirmiers de la clinique ont accueilli 65 patients du car, a précisé le directeur."


def _candidates(nlp, extractor, text: str) -> list:
    doc = nlp.make_doc(text)
    doc._.published = "2025-06-20"
    extractor.log_who = True
    return [[(c.phrase, list(c.features.items())) for c in f["who_candidates"]] for f in extractor(nlp(doc))]


@pytest.mark.model
def test_what_is_kept_per_doc_gives_the_candidates_read_afresh(nlp):
    from pipeline.relations import RelationExtractor
    from pipeline.relations.who_ranker import _DocView

    class Unkept(RelationExtractor):
        def _doc_view(self, doc):  # nothing kept from one figure to the next
            return _DocView(doc)

    unkept, kept = Unkept("fr"), RelationExtractor("fr")
    for text in (MANY_FIGURES, OTHER_TEXT, MANY_FIGURES):  # a Doc after another: nothing of the one before
        expected = _candidates(nlp, unkept, text)
        assert len(expected) >= 2 and all(len(c) >= 2 for c in expected)  # figures of several candidates each
        assert _candidates(nlp, kept, text) == expected  # the same candidates, features in the same order
        assert kept._who_view is None  # dropped once the Doc is read


def _path_of_tokens(source, target) -> tuple[list[int], list[int]]:
    """The tree path from ``source`` up to the common ancestor and down to ``target``, walking spaCy's tokens."""
    ancestors = [target.i, *(a.i for a in target.ancestors)]
    up, t = [], source
    while t.i not in ancestors:
        if t.head.i == t.i:
            return up, [target.i] * 3
        up.append(t.i)
        t = t.head
    return up, ancestors[: ancestors.index(t.i)][::-1]


@pytest.mark.model
def test_the_doc_view_reads_what_the_tokens_say(nlp):
    from pipeline.relations.who_ranker import _DocView

    doc = nlp(MANY_FIGURES)
    view = _DocView(doc)
    assert view.heads == [t.head.i for t in doc] and view.deps == [t.dep_ for t in doc]
    assert view.pos == [t.pos_ for t in doc]
    assert any(t.text == ":" for t in doc) and len(list(doc.sents)) >= 3
    for t in doc:
        assert view.ancestors(t.i) == {a.i for a in t.ancestors}
        assert view.sentence(t.i) == (t.sent.start, t.sent.end)
        clause = t
        for _ in range(12):
            if clause.pos_ in ("VERB", "AUX") or clause.head.i == clause.i:
                break
            clause = clause.head
        assert view.clause(t.i) == clause.i
        start, end = view.sentence(t.i)
        assert view.first_nominal(start, end) == next((u.i for u in doc[start:end] if u.pos_ in ("NOUN", "PROPN")), end)
        for u in doc:
            assert view.path(t.i, u.i) == _path_of_tokens(t, u)
            if t.i < u.i:
                assert view.colon_between(t.i, u.i) == any(w.text == ":" for w in doc[t.i : u.i])


@pytest.mark.model
def test_the_doc_view_joins_texts_and_finds_verbs_as_spacy_does(nlp):
    from pipeline.relations.who_ranker import _DocView

    # a title without a verb, a line break, two spaces in a row, an elided article, a sentence ending a line
    text = ("Crue de la Brède : 40 maisons évacuées\n\nLes pompiers  ont secouru 12 personnes à l'aube. "
            "Selon la préfecture, 3 routes restent fermées.\nBilan provisoire")
    doc = nlp(text)
    view = _DocView(doc)
    assert any(t.is_space for t in doc) and any(t.whitespace_ for t in doc)
    for start in range(len(doc)):
        for end in range(start, len(doc) + 1):
            assert view.span_text(start, end) == doc[start:end].text
            assert view.has_verb(start, end) == any(t.pos_ in ("VERB", "AUX") for t in doc[start:end])
    sentences = list(doc.sents)
    # both answers were checked: a sentence with a verb, and one without ("Bilan provisoire")
    assert {view.has_verb(s.start, s.end) for s in sentences} == {True, False}
