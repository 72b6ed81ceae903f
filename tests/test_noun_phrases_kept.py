"""Noun phrases read once per Doc while relation extraction runs (pipeline/syntax.py, kept_noun_phrases): the
same phrases and the same facts as read afresh, never another Doc's, and nothing kept after the block.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from pipeline.syntax import kept_noun_phrases, noun_phrase

TEXT = ("Les pompiers volontaires du centre de secours de Brive et 12 gendarmes ont évacué 340 habitants du "
        "quartier des Chênes mardi soir. La directrice de l'école, elle, a compté 85 élèves dans la cour. "
        "Selon la préfecture de la Corrèze, les dégâts de la crue atteignent 2,4 millions d'euros.")
OTHER = "Trois cents randonneurs égarés dans le massif du Sancy ont été retrouvés par les guides de montagne."


def _parsed(nlp, text: str):
    doc = nlp.make_doc(text)
    doc._.published = "2025-04-08"
    return nlp(doc)


@pytest.mark.model
def test_kept_phrases_are_the_phrases_read_afresh(nlp):
    doc = _parsed(nlp, TEXT)
    fresh = {(t.i, w): noun_phrase(t, with_nmod=w) for t in doc for w in (False, True)}
    assert fresh[(1, False)] == "pompiers volontaires"  # the test reads real phrases, not empty ones
    with kept_noun_phrases(doc):
        for _ in range(2):  # the first read keeps the phrase, the second reads the kept one
            assert {(t.i, w): noun_phrase(t, with_nmod=w) for t in doc for w in (False, True)} == fresh


@pytest.mark.model
def test_a_kept_phrase_is_never_another_docs(nlp):
    doc, other = _parsed(nlp, TEXT), _parsed(nlp, OTHER)
    expected = [noun_phrase(t) for t in other]
    with kept_noun_phrases(doc):
        for t in doc:
            noun_phrase(t)  # every index of doc kept
        assert [noun_phrase(t) for t in other] == expected
    assert expected[2] != noun_phrase(doc[2])  # the two Docs' phrases differ at a shared index


@pytest.mark.model
def test_nothing_is_kept_after_the_block(nlp):
    doc = _parsed(nlp, TEXT)
    pompiers = doc[1]
    with kept_noun_phrases(doc):
        assert noun_phrase(pompiers) == "pompiers volontaires"
    doc[2].dep_ = "dep"  # "volontaires" no longer an adjective of "pompiers"
    assert noun_phrase(pompiers) == "pompiers"


@pytest.mark.model
def test_facts_with_kept_phrases_are_the_facts_read_afresh(nlp):
    from pipeline.relations import RelationExtractor

    doc = _parsed(nlp, TEXT)
    extractor = RelationExtractor("fr")
    fresh = extractor(doc)
    assert len(fresh) >= 3 and any(f["who"] for f in fresh)
    with kept_noun_phrases(doc):
        assert extractor(doc) == fresh
    assert [f["who"] for f in doc._.facts] == [f["who"] for f in fresh]  # the component keeps phrases too
