"""The attribute ruler's one-token rules on token arrays give spaCy's annotations (pipeline.attribute_rules)."""

from __future__ import annotations

import numpy as np
import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.tokens import Doc

from pipeline.attribute_rules import ArrayRuler
from pipeline.parsing import doc_text, keep_text

COMPARED = [TAG, POS, MORPH, DEP, HEAD, LEMMA]

# written for this test: line breaks, runs of spaces and a tab make space tokens, which the rules retag
TEXTS = [
    "Le syndicat annonce 1 200 suppressions de postes dans ses usines de Lorraine.",
    "Titre sans point\n\nDeux  cents   habitants ont quitté le village,\tdit le maire.\n",
    "« Nous attendons 40 % de participation », a-t-il affirmé mardi.  \n\n  Fin.",
    " ",
    "",
]


def _before_ruler(nlp, text: str) -> Doc:
    doc = nlp.make_doc(text)
    for name in nlp.pipe_names[: nlp.pipe_names.index("attribute_ruler")]:
        doc = nlp.get_pipe(name)(doc)
    return doc


def _same(a: Doc, b: Doc) -> bool:
    return (np.array_equal(a.to_array(COMPARED), b.to_array(COMPARED))
            and [(t.tag_, t.pos_, str(t.morph), t.dep_) for t in a] == [(t.tag_, t.pos_, str(t.morph), t.dep_)
                                                                       for t in b])


@pytest.mark.model
def test_the_french_rules_on_arrays_give_spacys_annotations(plain_nlp):
    ruler = plain_nlp.get_pipe("attribute_ruler")
    on_arrays = ArrayRuler.of(ruler)
    assert on_arrays is not None
    changed = 0
    for text in TEXTS:
        doc = _before_ruler(plain_nlp, text)
        by_spacy, by_arrays = ruler(doc.copy()), on_arrays(doc.copy())
        assert _same(by_spacy, by_arrays), text
        changed += int((by_spacy.to_array([TAG]) != doc.to_array([TAG])).sum())
    assert changed > 20  # the rules did set something


@pytest.mark.model
def test_a_space_tagged_word_and_a_parsed_space_are_retagged_as_spacy_does(plain_nlp):
    """The two rarer rules: a word the morphologizer tagged SPACE becomes X with no features; a space
    token with a dependency label gets "dep"."""
    ruler = plain_nlp.get_pipe("attribute_ruler")
    doc = _before_ruler(plain_nlp, "Les prix montent\n\nde 3 % cette année.")
    word = next(t for t in doc if t.text == "prix")
    word.pos_ = "SPACE"
    space = next(t for t in doc if t.is_space)
    space.dep_ = "punct"
    by_spacy, by_arrays = ruler(doc.copy()), ArrayRuler.of(ruler)(doc.copy())
    assert _same(by_spacy, by_arrays)
    assert by_arrays[word.i].pos_ == "X" and str(by_arrays[word.i].morph) == ""
    assert by_arrays[space.i].dep_ == "dep" and by_arrays[space.i].pos_ == "SPACE"


def test_rules_of_several_tokens_or_other_attributes_are_left_to_spacy():
    nlp = spacy.blank("fr")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "m."}]], {"LEMMA": "monsieur"})
    assert ArrayRuler.of(ruler) is None
    ruler = spacy.blank("fr").add_pipe("attribute_ruler")
    ruler.add([[{"POS": "NOUN"}, {"POS": "ADJ"}]], {"TAG": "NOUN"})
    assert ArrayRuler.of(ruler) is None


def test_rules_apply_in_order_each_on_the_doc_as_it_was():
    nlp = spacy.blank("fr")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"POS": "NOUN"}]], {"TAG": "N1"})
    ruler.add([[{"TAG": "N1"}]], {"POS": "VERB"})  # tests the tag before the first rule set it
    ruler.add([[{"POS": {"IN": ["NOUN", "ADJ"]}, "IS_SPACE": False}]], {"TAG": "N2"})  # later: wins
    ruler.add([[{"POS": {"NOT_IN": ["NOUN", "ADJ"]}}]], {"TAG": "AUTRE"})
    doc = Doc(nlp.vocab, words=["trois", "maisons", "rouges", "ici"], pos=["NUM", "NOUN", "ADJ", "ADV"],
              tags=["a", "N1", "b", "c"])
    by_spacy, by_arrays = ruler(doc.copy()), ArrayRuler.of(ruler)(doc.copy())
    assert [t.tag_ for t in by_arrays] == ["AUTRE", "N2", "N2", "AUTRE"]
    assert [t.pos_ for t in by_arrays] == ["NUM", "VERB", "ADJ", "ADV"]
    assert [(t.tag_, t.pos_) for t in by_spacy] == [(t.tag_, t.pos_) for t in by_arrays]


def test_the_text_is_built_once_and_kept():
    nlp = spacy.blank("fr")
    doc = nlp.make_doc("Vingt mille  personnes.\n")
    assert doc_text(doc) == doc.text
    kept = keep_text(nlp.make_doc("Dix."), "Dix.")
    assert doc_text(kept) == "Dix." and kept.user_data["faits_text"] == "Dix."
