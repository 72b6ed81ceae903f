"""review-15b: where fr-r6's French rules misfired, on sentences written for this review
(corpus/reviews/review-15b.md). Publication date 2025-06-20, as in tests/conftest.py."""

from __future__ import annotations

import pytest

from .conftest import one_fact

model = pytest.mark.model


@model
@pytest.mark.parametrize("text, value, who", [
    # a pronoun after a sentence that sentences someone stands for the one sentenced, not the court that did
    # (fourteenth session (g); CONVENTIONS-10 rules 2 and 5: the payer of a sum it must pay)
    ("Le tribunal a condamné Karim B. à 18 mois de prison. Le parquet avait requis deux ans contre lui.", 2,
     "Karim B."),
    ("Le tribunal administratif a condamné l'hôpital. Il devra verser 45 000 euros aux parents de l'enfant.",
     45_000, "hôpital"),
    ("Le tribunal correctionnel a condamné mercredi Kevin R. à quatre ans de prison. Le parquet avait requis six ans "
     "contre lui.", 6, "Kevin R."),
    # controls: the sentence before names the party as its subject; no sentence before sentences anyone
    ("Jean-Marc D., 45 ans, était jugé mardi. Le parquet a requis deux ans de prison avec sursis contre lui.", 2,
     "Jean-Marc D."),
    ("Le conducteur a été condamné à deux ans de prison. Il devra verser 12 000 euros à la famille de la victime.",
     12_000, "conducteur"),
])
def test_a_pronoun_after_a_sentence_stands_for_the_one_sentenced(facts_of, text, value, who):
    assert one_fact(facts_of(text), value)["who"] == who


@model
@pytest.mark.parametrize("text, value, event_type", [
    # a part among a group counted by a number noun takes that group's type (corpus/README.md (a))
    ("Une quarantaine de personnes ont été blessées dans l'accident. Parmi elles figurent trois enfants.", 3,
     "wounded"),
    ("Une trentaine de manifestants ont été interpellés. Parmi eux figurent quatre mineurs.", 4, "detained"),
    # controls: a group counted by a plain number; a group whose verb says nothing of a type
    ("Quarante personnes ont été blessées. Parmi elles figurent trois enfants.", 3, "wounded"),
    ("Une cinquantaine de maires ont été reçus à l'Élysée. Parmi eux figurent cinq élus bretons.", 5, "other"),
])
def test_a_part_among_a_group_counted_by_a_number_noun(facts_of, text, value, event_type):
    assert one_fact(facts_of(text), value)["event_type"] == event_type
