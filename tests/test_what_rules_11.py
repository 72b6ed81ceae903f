"""`what` (SPEC section 2, corpus/README.md "Slots": the predicate as written, a verb with its negation and
particle, or an event noun): rules of session 11 for the classes the French and English dev errors showed.
Sentences written for these tests."""

import pytest


def whats(facts):
    return [(f["how_many"], f["what"]) for f in facts]


@pytest.mark.parametrize(("sentence", "expected"), [
    # a figure on a nominal predicate: the event noun ("en hausse de")
    ("Le prix du gazole est en hausse de 4,5 % sur un mois.", [(4.5, "hausse")]),
    ("Le trafic du port est en baisse de 8 % depuis janvier.", [(8, "baisse")]),
    # a sum's noun ("aide", "enveloppe") the object of a verb: the verb
    ("Le département a voté une aide de 40 000 euros pour les commerçants.", [(40000, "a voté")]),
    ("La commune a débloqué une enveloppe de 2 millions d'euros pour la digue.", [(2e6, "a débloqué")]),
    # an act's noun the object of an announcing verb: the act
    ("Le préfet a annoncé le déblocage de 3 millions d'euros pour les sinistrés.", [(3e6, "déblocage")]),
    ("La mairie prévoit la livraison de 120 logements sociaux en 2027.", [(120, "livraison")]),
    ("Le juge a ordonné la confiscation de 6 voitures.", [(6, "confiscation")]),
])
def test_french_what_rules(facts_of, sentence, expected):
    assert whats(facts_of(sentence)) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # controls: a sum's noun told by a reporting verb stays the predicate; a verb's own object stays with it
    ("Le ministre a annoncé une aide de 2 millions d'euros.", [(2e6, "aide")]),
    # a subject takes its verb too (twelfth session's conventions: tests/test_what_rules_12.py)
    ("Une aide de 30 000 euros sera versée aux familles.", [(30000, "sera versée")]),
    ("Les pompiers ont secouru 14 randonneurs.", [(14, "ont secouru")]),
])
def test_french_what_controls(facts_of, sentence, expected):
    assert whats(facts_of(sentence)) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # the figure is the subject of a copula its counted noun completes: the copula, not the reporting verb
    ("Of the 30 injured, 9 were nurses, the hospital told reporters.", [(30, "injured"), (9, "were")]),
    ("Among them, 12 were teenagers, police said.", [(12, "were")]),
])
def test_english_copula_of_a_figure_is_its_what(en_facts, sentence, expected):
    assert whats(en_facts(sentence)) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # controls: a part named by a relative pronoun takes its total's verb; a plain verb keeps its own
    ("Medics treated 80 patients on Sunday, 25 of whom were children.", [(80, "treated"), (25, "treated")]),
    ("Rescuers pulled 16 people from the rubble, officials said.", [(16, "pulled")]),
])
def test_english_copula_controls(en_facts, sentence, expected):
    assert whats(en_facts(sentence)) == expected


@pytest.mark.parametrize(("lang", "sentence", "low", "expected"), [
    # a range's participle ("allant", "ranging") is no predicate: the verb of the noun the range bounds
    ("fr", "Les deux prévenus ont reçu des peines allant de 6 à 10 mois de prison.", 6, "ont reçu"),
    ("fr", "Les éleveurs pourront toucher une avance allant jusqu'à 20 000 euros.", 20000, "pourront toucher"),
    ("en", "The three men were given sentences ranging from four to seven years.", 4, "were given"),
    # control: a range with no participle keeps its verb
    ("fr", "Le prévenu a écopé de 8 à 10 mois de prison.", 8, "a écopé"),
    # the participle of a figure that is no range goes somewhere: it is the figure's predicate
    ("fr", "Un bus allant à 130 km/h a percuté un camion.", 130, "allant"),
])
def test_a_range_participle_is_no_predicate(facts_of, en_facts, lang, sentence, low, expected):
    facts = (facts_of if lang == "fr" else en_facts)(sentence)
    assert [f["what"] for f in facts if f["how_many"] == low] == [expected]
