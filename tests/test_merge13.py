"""A heading figure repeated in the body (SPEC section 2; corpus/README.md, the tenth session's who rule 4), on
texts written for these tests (branch merge13; sorting in corpus/reviews/merge13.md): the title's first line
is the title also after a label ("DIRECT."); a title's count of things takes the noun the body gives it; a body
mention that names nothing, or less than the heading, leaves the heading's; a measure takes the body's who
when the body says what is measured. Controls: two figures of the same value that tell two events, or a bound
and a figure, stay two facts; a body that names no counted noun keeps the heading's."""

from __future__ import annotations

import pytest

# fmt: off
ONE_FACT = [  # text (title, blank line, body), how_many, who of the one fact of that value
    # a label cut off before the title: the rest of the first line is still the title (a people count takes the
    # body's noun)
    ("DIRECT. Éboulement dans les Alpes : 12 blessés, les secours restent mobilisés\n\nLe bilan s'est alourdi"
     " jeudi soir : 12 randonneurs ont été blessés par la chute de pierres, selon la préfecture.", 12, "randonneurs"),
    # a title's count of things, restated in the body with another noun for them
    ("Isère : l'usine de Voreppe va fermer 140 postes\n\nLe fabricant de câbles a confirmé mardi qu'il supprimera 140"
     " emplois sur son site de Voreppe.", 140, "emplois"),
    # a typed count of the title, restated by a body sentence that tells no event of its own
    ("Lyon : 45 collégiens intoxiqués au monoxyde de carbone\n\nMercredi matin, 45 adolescents scolarisés au collège"
     " Jean-Moulin ont ressenti des maux de tête et des nausées.", 45, "adolescents scolarisés au collège Jean-Moulin"),
    # a bullet that only repeats the unit ("312 kilos") does not stand for the body, which names what is weighed
    ("Ordures : 312 kilos par habitant dans la Drôme\n\n• 312 kilos par habitant en 2025\n\nChaque habitant a jeté en"
     " moyenne 312 kilos d'ordures ménagères en 2025.", 312, "ordures ménagères"),
    # a body that says less than the heading ("espèces" for "espèces inédites en France") leaves the heading's noun
    ("Camargue : 54 espèces inédites en France\n\nAu total, 900 espèces ont été observées, dont 54 jamais signalées"
     " dans le pays.", 54, "espèces inédites"),
]

TWO_FACTS = [  # text, how_many, the whos of the two facts of that value, in order
    # controls: two figures of the same value telling two events stay two facts
    ("Gard : 30 pompiers mobilisés pour un feu de forêt\n\nDans la nuit, 30 habitants ont été évacués de"
     " leurs maisons.",
     30, ["pompiers", "habitants"]),
    # a bound and a figure are not the same figure
    ("Urgences de Dax : jusqu'à 150 patients par jour\n\nLes pics ont atteint 150 consultations quotidiennes.",
     150, ["patients", "consultations quotidiennes"]),
    # a heading's count the body has restated already takes no other count of its value
    ("Pyrénées : un bus se renverse, trois morts\n\nLe car s'est renversé lundi, faisant trois morts. Les blessés ont"
     " été conduits dans trois hôpitaux.", 3, ["morts", "hôpitaux"]),
    # two body sentences of the same value and other nouns are not a heading and its restatement
    ("La commune investit dans ses écoles.\n\nLa ville a acheté 20 ordinateurs. Elle a aussi recruté 20 animateurs.",
     20, ["ordinateurs", "animateurs"]),
]
# fmt: on


def _whos(facts, value):
    return [f["who"] for f in facts if f["how_many"] == value]


@pytest.mark.parametrize(("text", "value", "who"), ONE_FACT)
def test_a_heading_figure_restated_in_the_body_is_one_fact_with_the_bodys_who(facts_of, text, value, who):
    assert _whos(facts_of(text), value) == [who], text


@pytest.mark.parametrize(("text", "value", "whos"), TWO_FACTS)
def test_two_figures_of_the_same_value_stay_two_facts(facts_of, text, value, whos):
    assert _whos(facts_of(text), value) == whos, text


def test_a_body_that_names_no_counted_noun_keeps_the_headings(facts_of):
    # the body weighs the same figure but names only its unit: the heading's substance stays
    text = ("Port du Havre : saisie de 2,4 tonnes de cocaïne\n\nLes douaniers ont ouvert le conteneur lundi. Au total,"
            " 2,4 tonnes ont été saisies.")
    assert _whos(facts_of(text), 2.4) == ["cocaïne"]


def test_a_title_measure_takes_the_body_noun_of_what_is_measured(facts_of):
    text = ("Var : le feu a brûlé 900 hectares\n\nQuelque 900 hectares de maquis et de chênes-lièges sont partis en"
            " fumée depuis samedi.")
    assert _whos(facts_of(text), 900) == ["maquis et de chênes-lièges"]


# fmt: off
EN_ONE_FACT = [  # the rule is shared: English titles with a label, counts of things, measures
    ("LIVE: Flood warnings as 1,500 told to leave homes in Somerset\n\n14:10 – Police say 1,500 residents of Bridgwater"
     " have now been told to leave.", 1500, "residents of Bridgwater"),
    ("Cedar Fire live: blaze grows to 7,300 acres\n\n9:00am – The Cedar Fire has now burned 7,300 acres,"
     " fire crews said.",
     7300, "Cedar Fire"),
]
# fmt: on


@pytest.mark.parametrize(("text", "value", "who"), EN_ONE_FACT)
def test_english_heading_figures(en_facts, text, value, who):
    assert _whos(en_facts(text), value) == [who], text
