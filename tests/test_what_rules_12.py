"""`what` by the twelfth session's conventions (corpus/README.md, "Settled in the twelfth session: `what`";
corpus/en/README.md): a point of comparison, a restating figure and a part of a total take the what of the
figure they are compared with, restate or are part of; a change keeps its own; a title figure repeated in
the body takes the body's predicate; a sum as subject takes its verb. Sentences written for these tests."""

import pytest


def whats(facts):
    return [(f["how_many"], f["what"]) for f in facts]


@pytest.mark.parametrize(("sentence", "expected"), [
    # G2: a point of comparison takes the what of the figure it is compared with, "contre" is no predicate,
    # nor a participle that reports or dates it, nor the verb of a date ("il y a un an")
    ("Selon la mairie, 64 élèves ont été intoxiqués, contre 41 annoncés ce matin.",
     [(64, "ont été intoxiqués"), (41, "ont été intoxiqués")]),
    ("Le marché de Noël a attiré 12 000 visiteurs, contre près de 9 000 il y a un an.",
     [(12000, "a attiré"), (9000, "a attiré")]),
    ("La dette du syndicat s'est établie à 5,4 millions d'euros, contre 5,8 millions en 2024.",
     [(5.4e6, "s'est établie"), (5.8e6, "s'est établie")]),
])
def test_french_point_of_comparison_takes_the_compared_figure_s_what(facts_of, sentence, expected):
    assert whats(facts_of(sentence)) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # G3: a restating figure takes the what of the figure it restates; a change keeps its own noun or comparative
    ("La campagne a touché 41 000 enfants, soit près de 87 % de la population visée.",
     [(41000, "a touché"), (87, "a touché")]),
    ("Le ministère a délivré 52 300 visas, soit 15 % de l'ensemble des demandes.",
     [(52300, "a délivré"), (15, "a délivré")]),
    ("La ville a relogé 1 150 familles, soit 96 % de l'objectif fixé pour l'année.",
     [(1150, "a relogé"), (96, "a relogé")]),
    ("Le salon a réuni 86 000 visiteurs, soit 11 000 de plus que l'an dernier.",
     [(86000, "a réuni"), (11000, "de plus")]),
    ("Le collège a accueilli 640 élèves, soit 35 élèves de moins qu'en 2024.",
     [(640, "a accueilli"), (35, "de moins")]),
    ("Le taux de réussite atteint 91 %, soit un gain de 3 points.", [(91, "atteint"), (3, "gain")]),
])
def test_french_restating_figure(facts_of, sentence, expected):
    assert whats(facts_of(sentence)) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # G4: a "dont" part with a participle or a phrase of its own takes its total's predicate
    ("Le syndicat a mobilisé 2 400 agents, dont 300 renforts arrivés de Lyon.",
     [(2400, "a mobilisé"), (300, "a mobilisé")]),
    ("Le projet coûtera 24 millions d'euros, dont 9 millions apportés par l'État et 4,5 millions par la région.",
     [(24e6, "coûtera"), (9e6, "coûtera"), (4.5e6, "coûtera")]),
])
def test_french_part_takes_its_total_s_predicate(facts_of, sentence, expected):
    assert whats(facts_of(sentence)) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # a sum as subject: its verb (not a reporting verb, as for a sum that is the object)
    ("Une subvention de 45 000 euros a été accordée au club de rugby.", [(45000, "a été accordée")]),
    ("L'enveloppe totale, 210 000 euros, financera la rénovation du gymnase.", [(210000, "financera")]),
])
def test_french_sum_as_subject_takes_its_verb(facts_of, sentence, expected):
    assert whats(facts_of(sentence)) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # controls: votes against are no comparison (the marker is their what, as the gold names it); a part with
    # a finite verb of its own keeps it; a comparative of a verb's own figure is not its what; a sum told by a
    # reporting verb keeps its noun; a measured noun's figure keeps its measuring verb
    ("Les conseillers ont adopté le budget par 28 voix contre 10.", [(28, "ont adopté"), (10, "contre")]),
    ("Les pompiers ont évacué 40 habitants, dont 12 ont été relogés à l'hôtel.",
     [(40, "ont évacué"), (12, "ont été relogés")]),
    ("Le club comptera 300 adhérents de plus en 2026.", [(300, "comptera")]),
    ("Une aide de 2 millions d'euros a été annoncée par le ministre.", [(2e6, "aide")]),
    ("Le budget de l'association s'élève à 1,9 million d'euros.", [(1.9e6, "s'élève")]),
    ("Le chiffre d'affaires atteint 842 millions d'euros, soit une baisse de 3 %.",
     [(842e6, "atteint"), (3, "baisse")]),
])
def test_french_what_controls_12(facts_of, sentence, expected):
    assert whats(facts_of(sentence)) == expected


def test_french_title_figure_takes_the_body_s_predicate(facts_of):
    text = ("Incendie : 3 100 hectares brûlés dans les Landes\n\n"
            "Le feu a parcouru 3 100 hectares depuis mardi, selon la préfecture.")
    assert whats(facts_of(text)) == [(3100, "a parcouru")]


def test_french_title_figure_without_a_body_mention_keeps_its_own(facts_of):
    text = ("Incendie : 3 100 hectares brûlés dans les Landes\n\n"
            "Le feu a progressé vers le nord dans la nuit, selon la préfecture.")
    assert whats(facts_of(text)) == [(3100, "brûlés")]


@pytest.mark.parametrize(("sentence", "expected"), [
    # G2 in English: "up from", "compared with" are no predicate; a comma sets the point off from a reporting
    # clause between
    ("The number of cases rose to 64 on Wednesday, up from 41 on Monday.", [(64, "rose"), (41, "rose")]),
    ("The council spent 2.3 billion pounds last year, compared with 1.9 billion the year before.",
     [(2.3e9, "spent"), (1.9e9, "spent")]),
    ("At least 47 people have been killed in the floods, the agency said on Thursday, up from 31 on Tuesday.",
     [(47, "have been killed"), (31, "have been killed")]),
    # a change's own marker and a set-off comparative stay
    ("Sales were up 23% on last year.", [(23, "up")]),
    ("Borrowing reached 18 billion pounds, 1.3 billion pounds more than a year earlier.",
     [(18e9, "reached"), (1.3e9, "more")]),
    # G4: an "including" part with a participle of its own
    ("The hall was rebuilt with 2 million pounds, including 640,000 pounds raised by a public appeal.",
     [(2e6, "was rebuilt"), (640000, "was rebuilt")]),
])
def test_english_what_rules_12(en_facts, sentence, expected):
    assert whats(en_facts(sentence)) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # controls: a figure of another clause after "from" keeps its verb; a verb's own figure with "less than"
    # keeps the verb; "more than" before a figure is its qualifier
    ("The economy grew 0.1% in May, and economists expect the bank to cut its forecast from 2%.",
     [(0.1, "grew"), (2, "to cut")]),
    ("Regional governments will receive 400 million euros less than in 2026.", [(400e6, "will receive")]),
    # a part with a finite verb of its own keeps it
    ("Police arrested 41 people, of whom 12 were taken to hospital.", [(41, "arrested"), (12, "were taken")]),
    ("Medics treated 300 patients last week, of whom 17 died.", [(300, "treated"), (17, "died")]),
    # a figure of another noun after "from" is no vote against: "rescued 512 people from nine boats"
    ("The coastguard rescued 230 people from six boats over the weekend.", [(230, "rescued"), (6, "rescued")]),
    ("Two men who made more than 6.2 million pounds have been jailed.",
     [(2, "have been jailed"), (6.2e6, "made")]),
])
def test_english_what_controls_12(en_facts, sentence, expected):
    assert whats(en_facts(sentence)) == expected
