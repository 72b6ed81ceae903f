"""French constructions that the newest dev batches (b16, s19) showed missing, each on sentences written for these
tests (issue 11, fr-r2): an adjective set before the counted noun, "arrêtés de péril" (decrees, not arrests), the
span of a change ("de 19 % sur deux ans"). Publication date 2025-06-20, a Friday, as in tests/conftest.py."""

from __future__ import annotations

import pytest

from .conftest import one_fact

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, value, unit", [
    # an adjective set before the noun it modifies: the noun is counted, not the adjective
    ("Les plongeurs ont remonté jeudi trois nouveaux corps du fleuve.", 3, "corps"),
    ("Quatre nouveaux foyers de grippe aviaire ont été détectés en Vendée.", 4, "foyers"),
    ("Les deux premiers lauréats recevront une bourse.", 2, "lauréats"),
    # controls: a trigger word stays counted, a noun with its adjective after it, an other word
    ("Trois blessés graves ont été transportés à Rennes.", 3, "blessés"),
    ("Douze chalets anciens ont brûlé dans la nuit.", 12, "chalets"),
    ("Deux autres randonneurs ont été retrouvés vivants.", 2, "randonneurs"),
])
def test_an_adjective_set_before_the_counted_noun_is_not_counted(facts_of, text, value, unit):
    assert one_fact(facts_of(text), value)["unit"] == unit


@pytest.mark.parametrize("text, value, event_type", [
    # "arrêté" with a complement or an adjective after it is an authority's act, not a person arrested
    ("Depuis janvier, sept arrêtés d'expulsion ont été signés dans le département.", 7, "other"),
    ("En 2024, 14 arrêtés de péril ont visé des immeubles du centre-ville.", 14, "other"),
    ("La préfecture a publié trois arrêtés préfectoraux.", 3, "other"),
    # controls: people arrested, named by the participle or by a noun it describes
    ("Douze arrêtés ont été placés en garde à vue.", 12, "detained"),
    ("Cinq personnes arrêtées de nuit ont été relâchées.", 5, "detained"),
])
def test_an_arrete_with_a_complement_is_a_decree_not_an_arrest(facts_of, text, value, event_type):
    assert one_fact(facts_of(text), value)["event_type"] == event_type


@pytest.mark.parametrize("text, values", [
    # the span a change is measured over is no duration fact
    ("Les ventes de vélos ont progressé de 9 % sur cinq ans.", [9]),
    ("Le budget atteint 40 millions d'euros, une enveloppe en hausse de 11 % sur deux ans.", [4e7, 11]),
    # controls: a duration spread over years after no percentage, a duration with its own holder
    ("Le prêt de 2 millions d'euros sera remboursé sur cinq ans.", [2e6, 5]),
    ("Le chantier s'étalera sur trois ans.", [3]),
])
def test_the_span_of_a_change_is_no_duration_fact(facts_of, text, values):
    assert sorted(f["how_many"] for f in facts_of(text)) == sorted(values)
