"""Extraction and grouping errors behind the series errors of the French dev stories (corpus/reviews/
series5-dev-stories.md), on sentences written for these tests. Publication date 2025-06-20."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, value, event_type", [
    # a definite group counted again: its noun's participle says what it counts, not what happens to it now
    ("Les quatre personnes blessées ont quitté l'hôpital de Montbéliard jeudi.", 4, "wounded"),
    ("Les trois randonneurs blessés sont toujours hospitalisés à Grenoble.", 3, "wounded"),
    ("Ces deux passagers blessés ont regagné leur domicile samedi.", 2, "wounded"),
])
def test_a_definite_group_counted_again_keeps_its_nouns_type(facts_of, text, value, event_type):
    facts = [f for f in facts_of(text) if f["how_many"] == value]
    assert facts and facts[0]["event_type"] == event_type


@pytest.mark.parametrize("text, value, event_type", [
    # controls: a count without article, and a part of the group, are typed by what happens to them now
    ("Cinq blessés restaient hospitalisés jeudi soir à Grenoble.", 5, "affected"),
    ("Quatre de ces blessés sont toujours hospitalisés.", 4, "affected"),
    # a stronger predicate still wins
    ("Les deux blessés graves sont morts dans la nuit.", 2, "killed"),
])
def test_an_indefinite_count_or_a_part_keeps_its_predicates_type(facts_of, text, value, event_type):
    facts = [f for f in facts_of(text) if f["how_many"] == value]
    assert facts and facts[0]["event_type"] == event_type


@pytest.mark.parametrize("text, value, event_type", [
    # a point of comparison hung on the participle that says what happened ("contre 110") is no noun of it
    ("Samedi, 38 personnes restaient évacuées, contre 110 mardi soir.", 38, "displaced"),
    ("Jeudi, 12 familles demeuraient relogées à Vierzon, contre 30 lundi.", 12, "displaced"),
    # controls: the compared figure itself, and a verb whose object is another figure's noun
    ("Samedi, 38 personnes restaient évacuées, contre 110 mardi soir.", 110, "displaced"),
    ("L'explosion a tué 3 ouvriers et blessé 12 autres à Fos.", 12, "wounded"),
])
def test_a_point_of_comparison_on_the_participle_leaves_it_to_type_the_figure(facts_of, text, value, event_type):
    facts = [f for f in facts_of(text) if f["how_many"] == value]
    assert facts and facts[0]["event_type"] == event_type


@pytest.mark.parametrize("text, value, event_type", [
    # a verb that names people on the ground only with its reflexive pronoun ("se relayer": taking turns there)
    ("Une trentaine de bénévoles se relaient depuis lundi pour nourrir les animaux.", 30, "deployed"),
    ("Près de 80 pompiers se sont relayés toute la nuit autour de l'entrepôt.", 80, "deployed"),
    # controls: the same verb without the pronoun passes a message on
    ("Le message a été relayé 3 000 fois sur les réseaux sociaux.", 3000, "other"),
    ("Quelque 200 médias ont relayé l'appel de la préfecture.", 200, "other"),
])
def test_a_reflexive_trigger_types_only_with_its_pronoun(facts_of, text, value, event_type):
    facts = [f for f in facts_of(text) if f["how_many"] == value]
    assert facts and facts[0]["event_type"] == event_type
