"""French controls of the English rules of branch en-r7 (corpus/reviews/en-r7.md): a date of one of two coordinated
verbs in two tenses stays its own, through an infinitive too."""

from __future__ import annotations


def test_coordinated_infinitive_in_another_tense_keeps_its_date(facts_of):
    facts = {f["how_many"]: f for f in facts_of(
        "Les recettes ont chuté de 15 % en deux ans et ne devraient rapporter que 40 millions d'euros l'an prochain.")}
    assert facts[15]["when_start"] is None
