"""An article longer than spaCy's 1,000,000-character limit is processed whole, in its own coordinates."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.ingest import Article

FILLER = ("Le conseil municipal a longuement débattu du budget de la commune, des écoles, des routes et de "
          "l'entretien des bâtiments publics, sans parvenir à un accord avant la fin de la séance. ")
FIRST = "Au moins 12 personnes ont été blessées dimanche à Lyon, selon la préfecture."
LAST = "Plus de 300 pompiers ont été mobilisés lundi à Grenoble."


def _long_text() -> str:
    paragraph = FILLER * 30
    body = "\n\n".join([paragraph] * 230)
    return f"Intempéries dans le Rhône\n\n{FIRST}\n\n{body}\n\n{LAST}\n"


@pytest.mark.model
def test_a_text_over_the_limit_is_one_doc_with_the_same_text(nlp):
    from pipeline.nlp import tokenize

    text = _long_text()
    assert len(text) > 1_200_000 > nlp.max_length
    doc = tokenize(nlp, text)
    assert doc.text == text
    # cut after paragraph breaks: no token straddles a piece boundary
    assert all("\n\n" not in t.text.strip() for t in doc if not t.is_space)


@pytest.mark.model
def test_a_1_2_million_character_article_gives_its_facts_with_offsets_in_its_text():
    from pipeline import extract

    text = _long_text()
    article = Article("long", text, published=date(2025, 6, 20))
    df = extract([article])
    assert df.attrs.get("skipped", []) == []
    assert sorted(df["how_many"].tolist()) == [12, 300]
    for _, row in df.iterrows():
        assert text[int(row["mention_start"]) : int(row["mention_end"])] == row["mention_text"]
        assert text[int(row["char_start"]) : int(row["char_end"])] == row["evidence"]
    last = df[df["how_many"] == 300].iloc[0]
    assert last["where"] == "Grenoble" and str(last["when_start"])[:10] == "2025-06-16"
    assert int(last["mention_start"]) > 1_200_000
