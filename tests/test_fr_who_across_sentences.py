"""French `who` across sentences (issue 11; corpus/README.md, who rule 5): a bare count whose sentence only
refers to its group (a subject pronoun, the clitic "en", the bare number as subject, "d'entre eux") takes
the noun phrase a sentence before names (pipeline/relations/anaphora.py). Sentences written for these
tests; publication date 2025-06-20, as in tests/conftest.py."""

from __future__ import annotations

import pytest

from .conftest import one_fact

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, value, who", [
    # the count hangs on a date or on a phrase after a preposition: the pronoun says what it counts
    ("Les pompiers ont mis à l'abri 300 riverains vendredi. Ils étaient encore 140 lundi matin.", 140, "riverains"),
    ("La fête a attiré 52 000 curieux. Dimanche, ils étaient 18 000 devant la cathédrale.", 18000, "curieux"),
    ("Les aides-soignantes de la clinique ont cessé le travail. Elles étaient 150 selon la direction.", 150,
     "aides-soignantes de la clinique"),
])
def test_a_pronoun_subject_of_a_bare_count_stands_for_the_group_before(facts_of, text, value, who):
    fact = one_fact(facts_of(text), value)
    assert fact["who"] == who
    assert fact["unit"] == who.split()[0]  # the group's head noun is what is counted


def test_a_pronoun_said_to_number_so_many_stands_for_people_counted_before(facts_of):
    # another count came between: "appels" are no people, "Ils étaient 180" counts the patients
    fact = one_fact(facts_of("Le service a soigné 210 patients samedi. Les pics ont atteint 240 appels par heure. "
                             "Ils étaient encore 180 dimanche."), 180)
    assert fact["who"] == "patients"


@pytest.mark.parametrize("text, value, who", [
    ("L'orage a inondé 36 caves du quartier. On en dénombre 9 dans la rue Pasteur.", 9, "caves"),
    ("La scierie comptait 180 salariés. Il en reste 45 depuis la fermeture de l'atelier.", 45, "salariés"),
    # the subject of the verb is who counts, not what is counted
    ("D'après la mairie, 27 commerces ont été pillés. Le syndicat des artisans en recense 40.", 40, "commerces"),
    ("Les gendarmes ont saisi 14 fusils dans la ferme, quand les douaniers en avaient saisi 6 l'an passé.", 6,
     "fusils"),
])
def test_the_clitic_en_counts_the_group_counted_before(facts_of, text, value, who):
    assert one_fact(facts_of(text), value)["who"] == who


@pytest.mark.parametrize("text, value, who", [
    ("Les policiers ont interpellé 23 personnes mardi. Quinze ont été placées en garde à vue.", 15, "personnes"),
    ("Les gendarmes ont contrôlé 600 automobilistes. Quarante ont été verbalisés.", 40, "automobilistes"),
    # the participle's gender chooses between the nouns counted before
    ("La police a interpellé 25 personnes et 12 supporters. Dix-huit ont été relâchées dans la nuit.", 18,
     "personnes"),
    ("Le vent a arraché 90 toitures. Une quarantaine ont déjà été réparées.", 40, "toitures"),
])
def test_a_bare_number_opening_its_sentence_counts_the_group_before(facts_of, text, value, who):
    assert one_fact(facts_of(text), value)["who"] == who


@pytest.mark.parametrize("text, value, who", [
    ("La région a voté une enveloppe de 5 millions d'euros. Celle-ci représente 3 % de son budget.", 3,
     "enveloppe"),
    ("Le syndicat a déposé un préavis de grève. Parmi ceux-ci, 4 concernent la ligne B.", None, None),
])
def test_a_demonstrative_stands_for_the_noun_before_it_agrees_with(facts_of, text, value, who):
    if value is None:
        # "ceux-ci" (plural) has no plural noun before it to stand for
        assert all(f["who"] != "préavis" for f in facts_of(text))
        return
    assert one_fact(facts_of(text), value)["who"] == who


def test_a_part_is_of_a_group_counted_no_smaller_than_itself(facts_of):
    # "35 d'entre eux" cannot be among the 8 apprentis: the 60 ouvriers
    fact = one_fact(facts_of("L'usine emploie 8 apprentis et 60 ouvriers. Au total, 35 d'entre eux ont été "
                             "placés en chômage partiel."), 35)
    assert fact["who"] == "ouvriers"


def test_a_measure_before_stands_for_what_it_measures(facts_of):
    fact = one_fact(facts_of("Le réseau a exporté 3 tonnes de civelles. Elles étaient revendues 4 500 euros "
                             "chacune en Asie."), 4500)
    assert fact["who"] == "civelles"


@pytest.mark.parametrize("text, value, who", [
    # the count's own noun right after it: no pronoun stands for it
    ("Les sinistrés ont quitté la salle des fêtes. Ils sont hébergés dans cinq hôtels.", 5, "hôtels"),
    # "en" with no group counted before: the subject stays who
    ("Les normes européennes en exigent au moins 12.", 12, "normes européennes"),
    # a dislocated pronoun: its own sentence names the noun
    ("La dette de la commune, elle, a baissé de 4 %.", 4, "dette de la commune"),
])
def test_controls_a_sentence_that_names_its_group_keeps_it(facts_of, text, value, who):
    assert one_fact(facts_of(text), value)["who"] == who


def test_an_impersonal_pronoun_stands_for_nothing(facts_of):
    facts = facts_of("Les 40 exposants ont installé leurs stands. Il faudra 2 millions d'euros pour la rénovation.")
    assert one_fact(facts, 2e6)["who"] != "exposants"


def test_the_ranker_sees_the_group_named_before_as_a_candidate(nlp):
    # the rules' pick from a sentence before is a candidate the who ranker scores, marked as an antecedent
    from pipeline.relations import RelationExtractor

    extractor = RelationExtractor("fr")
    extractor.log_who = True
    doc = nlp.make_doc("Les pompiers ont mis à l'abri 300 riverains vendredi. Ils étaient encore 140 lundi matin.")
    doc._.published = "2025-06-20"
    fact = one_fact(extractor(nlp(doc)), 140)
    rules = fact["who_candidates"][0]
    assert rules.phrase == "riverains" and rules.features.get("antecedent") == 1.0


# -- a title's figure repeated in the body (corpus/README.md, who rule 4) -------------------------------------

TITLED = ("Isère : 12 randonneurs blessés par une chute de pierres, deux évacués par hélicoptère\n\n"
          "Samedi, 12 membres d'un club de marche de Voiron ont été blessés par des pierres près du col. "
          "Les secouristes ont soigné les 12 blessés sur place. "
          "Le sentier a été fermé sur 4 kilomètres.")


def test_a_title_s_count_of_people_takes_the_who_of_its_first_body_mention(facts_of):
    fact = next(f for f in facts_of(TITLED) if f["how_many"] == 12 and f["char_start"] == 0)  # the title's
    assert fact["who"].startswith("membres")  # not the title's "randonneurs", nor the later "blessés"


def test_control_a_title_figure_the_body_does_not_repeat_keeps_its_own_who(facts_of):
    assert one_fact(facts_of(TITLED), 2)["who"] != "membres"


def test_control_a_title_s_measure_keeps_the_title_s_who(facts_of):
    text = ("Hérault : le feu a parcouru 900 hectares de garrigue\n\n"
            "Les pompiers ont fixé jeudi l'incendie, qui a détruit 900 hectares près de Lodève.")
    assert one_fact(facts_of(text), 900)["who"] != "incendie"


def test_control_a_body_that_only_names_the_event_leaves_the_title_s_people(facts_of):
    text = ("Quatre marins bretons tués dans le naufrage d'un chalutier\n\n"
            "Le naufrage du chalutier, survenu dans la nuit au large d'Ouessant, a fait quatre morts.")
    fact = next(f for f in facts_of(text) if f["how_many"] == 4 and f["char_start"] == 0)
    assert fact["who"].startswith("marins bretons")


@pytest.mark.parametrize("text, value, who", [
    # the sentence before has a figure for subject ("Deux des X", "Une cinquantaine de X"): the pronoun stands
    # for the group the figure counts, whose noun hangs on the figure (and may be parsed singular)
    ("Deux des guetteurs, âgés de 19 et 20 ans, ont été jugés lundi. Ils ont été condamnés à dix-huit mois de "
     "prison.", 18, "guetteurs"),
    ("Une cinquantaine de sapeurs-pompiers, venus de sept centres de secours, ont été mobilisés. Ils ont lutté "
     "plus de six heures avant de maîtriser le feu.", 6, "sapeurs-pompiers"),
    ("Trois des manifestants, âgés de 25 et 30 ans, ont été interpellés samedi. Ils ont été condamnés à six mois "
     "de prison.", 6, "manifestants"),
])
def test_a_pronoun_stands_for_the_group_a_figure_subject_counts(facts_of, text, value, who):
    assert one_fact(facts_of(text), value)["who"] == who


def test_controls_a_noun_subject_before_or_an_impersonal_pronoun(facts_of):
    # a noun subject before is still the antecedent; an impersonal "il" stands for no group, not even one a
    # figure subject counts
    text = "Les guetteurs ont été jugés lundi. Ils ont été condamnés à dix-huit mois de prison."
    assert one_fact(facts_of(text), 18)["who"] == "guetteurs"
    text = "Une cinquantaine de sapeurs-pompiers ont été mobilisés. Il a fallu six heures pour maîtriser le feu."
    assert one_fact(facts_of(text), 6)["who"] != "sapeurs-pompiers"
