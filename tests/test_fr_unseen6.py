"""French constructions that the b20 batch showed missing and that recur in dev text (fr-r3,
corpus/reviews/fr-r3-b20.md), each on sentences written for these tests: a "dont" part that says how badly it was hurt
("dont quatre graves"), a part of the day with no day of its own ("en fin de journée"), a participle of death the parser
hangs as an adverb ("sont mortes brûlées"), a locating distance with an adverb before its direction ("plus au nord"), a
first-person plural future ("nous aurons"). Publication date 2025-06-20, a Friday, as in tests/conftest.py."""

from __future__ import annotations

import pytest

from .conftest import one_fact

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, value, who", [
    # a word of how badly a part was hurt is no kind of the total's things: the part counts the total's noun
    ("Quatre gendarmes ont été blessés, dont deux grièvement.", 2, "gendarmes"),
    ("Accident de car près de Rodez : 12 blessés dont trois graves", 3, "blessés"),
    ("Le bilan est de 31 blessés, dont six graves.", 6, "blessés"),
    ("Douze randonneurs ont été blessés, dont trois légèrement.", 3, "randonneurs"),
    # controls: a part with a noun of its own, the totals themselves
    ("L'accident a fait 20 blessés, dont cinq enfants.", 5, "enfants"),
    ("Quatre gendarmes ont été blessés, dont deux grièvement.", 4, "gendarmes"),
    ("Le bilan est de 31 blessés, dont six graves.", 31, "blessés"),
])
def test_a_part_said_hurt_badly_counts_its_totals_noun(facts_of, text, value, who):
    assert one_fact(facts_of(text), value)["who"] == who


@pytest.mark.parametrize("text, value, when", [
    # a part of the day with no day of its own is the publication day
    ("Quatorze blessés restaient hospitalisés en fin de journée, a indiqué l'hôpital.", 14, "2025-06-20"),
    ("En début de journée, 300 pompiers étaient mobilisés.", 300, "2025-06-20"),
    # controls: the part of a day named in the sentence is that day's
    ("Trois personnes ont été blessées lundi en fin de journée.", 3, "2025-06-16"),
    ("En fin de journée de mardi, 40 bus circulaient encore.", 40, "2025-06-17"),
])
def test_a_bare_end_of_the_day_is_the_publication_day(facts_of, text, value, when):
    fact = one_fact(facts_of(text), value)
    assert (fact["when_start"], fact["when_end"]) == (when, when)


@pytest.mark.parametrize("text, value, event_type", [
    # "mortes" between the auxiliary and the participle the parser takes for the verb still says they died
    ("Cinq personnes sont mortes brûlées dans l'incendie.", 5, "killed"),
    ("Sept personnes sont mortes écrasées dans un canot.", 7, "killed"),
    # controls: another participle there, a death verb alone
    ("Douze familles sont restées bloquées dans le village.", 12, "displaced"),
    ("Trois ouvrières sont arrivées blessées à l'hôpital.", 3, "wounded"),
    ("Sept personnes sont mortes dans un canot.", 7, "killed"),
])
def test_a_participle_of_death_hung_as_an_adverb_says_what_happened(facts_of, text, value, event_type):
    assert one_fact(facts_of(text), value)["event_type"] == event_type


@pytest.mark.parametrize("text, values", [
    # a distance that locates a place, an adverb before its direction
    ("Le groupe dit avoir perdu deux combattants dans des tirs, à une trentaine de kilomètres plus au sud.", [2]),
    ("Les secours ont évacué 40 habitants à 3 kilomètres plus au nord de la digue.", [40]),
    # controls: a distance covered, a level reached
    ("Le cortège a parcouru 12 kilomètres plus vite que prévu.", [12]),
    ("La rivière est montée à 4 mètres hier.", [4]),
])
def test_a_locating_distance_with_an_adverb_is_no_fact(facts_of, text, values):
    assert sorted(f["how_many"] for f in facts_of(text)) == values


@pytest.mark.parametrize("text, year", [
    # "nous aurons", "nous serons": a future, so a month without its year is the next one
    ("Nous aurons en moyenne 23,1 élèves par classe en septembre.", "2025"),
    ("Nous serons 40 agents de plus en octobre.", "2025"),
    # control: the past
    ("Nous avions en moyenne 23,1 élèves par classe en septembre.", "2024"),
])
def test_a_first_person_plural_future_dates_a_bare_month_ahead(facts_of, text, year):
    fact = facts_of(text)[0]
    assert fact["when_start"][:4] == year


@pytest.mark.parametrize("text, value, qualifier, who", [
    # "un X sur N" said around its counted noun: a proportion in percent of that noun
    ("Faute de pluie, 800 agriculteurs ont perdu leur récolte, soit un agriculteur sur deux.", 50, "exact",
     "agriculteur"),
    ("Le syndicat compte plus d'une infirmière sur deux en grève.", 50, "more_than", "infirmière"),
    ("Au total, 52 000 foyers sont privés de courant, soit près d'un abonné sur trois.", 33.33, "approx", "abonné"),
    ("Une commune sur quatre a fermé son école.", 25, "exact", "commune"),
])
def test_one_in_n_around_its_noun_is_a_proportion(facts_of, text, value, qualifier, who):
    fact = one_fact(facts_of(text), value)
    assert (fact["qualifier"], fact["who"], fact["unit"]) == (qualifier, who, "%")


@pytest.mark.parametrize("text, values", [
    # controls: the second number counts a noun of its own; a ratio said without a noun inside stays one
    ("Le tribunal a condamné un prévenu sur deux chefs d'accusation.", [2]),
    ("Il a marqué un but sur trois tirs.", [3]),
    ("Un sur trois a voté.", [33.33]),
])
def test_one_in_n_controls(facts_of, text, values):
    assert sorted(f["how_many"] for f in facts_of(text)) == values


@pytest.mark.parametrize("text, values", [
    # the whole a part is taken from ("sur les N"), right after the part's figure and its noun, is no fact
    ("Le plan prévoit la suppression de 85 postes sur les 310 que compte l'usine.", [85]),
    ("La direction ne recense que 64 grévistes sur les 520 salariés du dépôt.", [64]),
    ("Nous fermerons environ 300 places sur les 4 100 du parking.", [300]),
    # controls: a figure of its own after "sur les", further from another figure; "des", which the gold labels
    # both ways
    ("Les 450 élèves sont répartis sur les 12 classes du collège.", [12, 450]),
    ("Le groupe va supprimer 280 des 430 emplois de son usine.", [280, 430]),
])
def test_the_whole_a_part_is_taken_from_is_no_fact(facts_of, text, values):
    assert sorted(f["how_many"] for f in facts_of(text)) == values
