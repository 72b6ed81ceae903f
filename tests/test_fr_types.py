"""Event type, when, unit and figures that are not facts (issue 11), on French sentences written for
these tests. Publication date 2025-06-20 (a Friday), as in tests/conftest.py."""

from __future__ import annotations

import pytest

from .conftest import PUBLISHED, one_fact

pytestmark = pytest.mark.model



# fmt: off
@pytest.mark.parametrize("text, value, event_type", [
    # a trigger's inflected form the lemmatizer misses ("péri" as an adjective, "contaminé" as a noun)
    ("Quarante-deux pèlerins ont péri dans l'incendie du car.", 42, "killed"),
    ("La légionellose a contaminé au moins 260 habitants du quartier.", 260, "affected"),
    ("Les intempéries ont laissé 1 300 familles sinistrées dans la vallée.", 1300, "affected"),
    # a copular predicate the parser hangs on the counted noun
    ("Au moins 31 détenus y sont morts, selon l'administration pénitentiaire.", 31, "killed"),
    # a participle the parser hangs on the noun above the counted one
    ("La préfecture a publié un bilan de 9 touristes tués.", 9, "killed"),
    # a verb and its object that are a trigger together: the object adds nothing ("blessures")
    ("Quatre randonneurs ont succombé à leurs blessures à l'hôpital de Gap.", 4, "killed"),
    # coordinated counts keep their own noun's type, after "un mort" as after "trois morts"
    ("Collision sur l'A7 : un mort et 14 blessés", 14, "wounded"),
    # the number is the subject of the verb: the noun's participle says what they were
    ("Selon la préfecture, quatre des gendarmes blessés ont été hospitalisés.", 4, "affected"),
    ("Cinq des migrants secourus sont morts à l'hôpital.", 5, "killed"),
    # a verb and its object that name a harm together
    ("Une quinzaine de vacanciers ont été soignés pour des brûlures.", 15, "wounded"),
    # the means that back a group take the type of what the group does
    ("Plus de 400 pompiers ont été engagés, appuyés par six Canadair.", 6, "deployed"),
    # a figure that says where, beside the verb's counted subject, takes nothing from the verb
    ("Près de 3 000 exploitations ont été touchées dans 11 départements.", 11, "other"),
    # a trigger phrase with an elided article; "demandeurs" alone is not one
    ("Le nombre de demandeurs d'emploi a baissé de 32 000 au printemps.", 32000, "other"),
])
# fmt: on
def test_event_type(facts_of, text, value, event_type):
    assert one_fact(facts_of(text), value)["event_type"] == event_type


def test_the_type_found_by_an_ending_says_so(facts_of):
    fact = one_fact(facts_of("Les intempéries ont laissé 1 300 familles sinistrées dans la vallée."), 1300)
    assert fact["event_type_from"] == "inflection"
    assert one_fact(facts_of("Neuf pèlerins ont été tués dans l'incendie."), 9)["event_type_from"] == "lexicon"


def test_an_elliptic_list_takes_the_first_figures_type(facts_of):
    facts = facts_of("On recense 450 blessés à Marseille, environ 200 à Toulon et une quarantaine à Nice.")
    assert [one_fact(facts, v)["event_type"] for v in (450, 200, 40)] == ["wounded"] * 3


def test_a_share_of_a_group_held_by_a_container_takes_the_groups_type(facts_of):
    fact = one_fact(facts_of("La part des décès survenus à l'hôpital a reculé à 41 % cette année."), 41)
    assert fact["event_type"] == "killed"


def test_an_elliptic_figure_with_a_verb_of_its_own_keeps_its_type(facts_of):
    facts = facts_of("Au moins 19 personnes ont péri et environ 60 ont été blessées, selon la police.")
    assert (one_fact(facts, 19)["event_type"], one_fact(facts, 60)["event_type"]) == ("killed", "wounded")


def test_a_comparison_figure_takes_the_main_figures_type_and_its_own_year(facts_of):
    facts = facts_of("Au moins 30 mineurs sont morts dans les éboulements en 2025, contre 18 en 2023.")
    main, earlier = one_fact(facts, 30), one_fact(facts, 18)
    assert (earlier["event_type"], earlier["when_start"]) == ("killed", "2023-01-01")
    assert main["when_start"] == "2025-01-01"


def test_a_date_in_the_comparison_clause_is_that_figures_alone(facts_of):
    facts = facts_of("L'abstention a atteint 58 %, contre 49 % lors du premier tour, le 8 juin.")
    assert one_fact(facts, 49)["when_start"] == "2025-06-08"
    assert one_fact(facts, 58)["when_start"] is None


def test_a_comparison_figure_counted_back_from_the_main_one(facts_of):
    facts = facts_of("L'entreprise a vendu 41 000 véhicules en 2024, contre 37 000 deux ans plus tôt.")
    earlier = one_fact(facts, 37000)
    assert (earlier["when_start"], earlier["when_end"], earlier["unit"]) == ("2022-01-01", "2022-12-31", "véhicules")
    assert not [f for f in facts if f["how_many"] == 2]  # "deux ans plus tôt" is a time, not a duration
    facts = facts_of("Le musée a reçu 41 000 visiteurs en mai, contre 36 000 un an auparavant.")
    earlier = one_fact(facts, 36000)
    assert (earlier["when_start"], earlier["unit"]) == ("2024-05-01", "visiteurs")
    facts = facts_of("Les recettes ont atteint 12 millions d'euros en mars, contre 9 millions un mois plus tôt.")
    assert (one_fact(facts, 9_000_000)["when_start"], one_fact(facts, 9_000_000)["when_end"]) == (
        "2025-02-01", "2025-02-28")


@pytest.mark.parametrize("text, value", [
    ("Le chômage est tombé à 6,9 %, son plus bas niveau depuis 2011.", 6.9),  # a record's bound
    ("Les ventes de vélos ont progressé de 8 % par rapport à 2023.", 8),  # the point of comparison
])
def test_dates_that_are_not_the_figures_time(facts_of, text, value):
    assert one_fact(facts_of(text), value)["when_start"] is None


def test_since_with_an_article_runs_to_the_publication_date(facts_of):
    fact = one_fact(facts_of("Depuis le début de l'année, 87 feux de forêt ont été signalés dans le Var."), 87)
    assert (fact["when_start"], fact["when_end"]) == ("2025-01-01", PUBLISHED)


def test_since_with_a_few_words_runs_to_the_publication_date(facts_of):
    fact = one_fact(facts_of("Depuis le début de l'hiver, 12 avalanches ont été recensées dans le massif."), 12)
    assert (fact["when_start"], fact["when_end"]) == ("2024-12-21", PUBLISHED)


def test_a_record_in_the_sentence_before_leaves_the_date_alone(facts_of):
    facts = facts_of("Les ventes ont atteint un niveau record depuis 2010. Le mois dernier, 45 magasins ont ouvert.")
    assert (one_fact(facts, 45)["when_start"], one_fact(facts, 45)["when_end"]) == ("2025-05-01", "2025-05-31")


@pytest.mark.parametrize("text", [
    "Le scrutin aura lieu les 9 et 16 mars prochains.",
    "Les journées portes ouvertes auront lieu les 3, 4 et 5 octobre.",  # the day of a date listed first
    "Le club a aligné ses moins de 15 ans face à Dijon.",  # an age class
    "Un camion a percuté un deux roues au carrefour.",  # a thing named by a number
    "Le chômage des moins de 25 ans recule.",  # an age class after a contracted article
])
def test_figures_that_are_not_facts(facts_of, text):
    assert [f["how_many"] for f in facts_of(text) if f["how_many"] != 1] == []


def test_a_time_window_is_not_a_duration_but_the_figures_time(facts_of):
    facts = facts_of("Les garde-côtes ont secouru 70 personnes ces dernières 48 heures.")
    assert [(f["how_many"], f["when_start"], f["when_end"]) for f in facts] == [(70, "2025-06-18", PUBLISHED)]
    facts = facts_of("La police a contrôlé 300 véhicules au cours des 24 dernières heures.")
    assert [(f["how_many"], f["when_start"]) for f in facts] == [(300, "2025-06-19")]
    # a window opened by a preposition has no date, and is no duration either
    assert [f["how_many"] for f in facts_of("En 72 heures, les secours ont reçu 900 appels.")] == [900]
    # a duration stays one
    assert one_fact(facts_of("Les négociations ont duré 48 heures."), 48)["unit"] == "heures"


def test_amounts_in_pesos_are_money(facts_of):
    fact = one_fact(facts_of("Le typhon a causé des dégâts estimés à 2 milliards de pesos philippins."), 2e9)
    assert (fact["event_type"], fact["unit"]) == ("money", "PHP")


# -- fr-rules (issue 11, seventh session): figures that are not facts, rates, illness, amounts, restated figures

@pytest.mark.parametrize("text, kept", [
    # an age threshold naming a noun's class, or the age a verb gives its subject
    ("Les ouvriers de plus de 58 ans partiront en préretraite.", []),
    ("Sur les 90 élèves inscrits, 12 ont moins de 16 ans.", [90, 12]),
    # a count that a superlative makes the name of a group
    ("Les 30 plus grands ports d'Europe ont traité 2 milliards de tonnes.", [2e9]),
    ("Le salaire des 20 % de cadres les mieux payés a augmenté de 3 %.", [3]),
    ("Les dirigeants des huit pays les plus riches se retrouvent à Nice.", []),
    # a rate's denominator
    ("Le département compte 7,2 pharmacies pour 10 000 habitants.", [7.2]),
    # (not "Neuf passagers sur dix": a proportion said around its noun, 90 %, as the dev gold labels "près de sept
    # entrées sur dix" (b5-communique-musee-dijon) and "un X sur N"; fr-r4)
    ("Neuf passagers sur dix ont été remboursés.", [90]),
])
def test_more_figures_that_are_not_facts(facts_of, text, kept):
    assert [f["how_many"] for f in facts_of(text)] == kept


@pytest.mark.parametrize("text, value", [
    ("Une hausse de 3 % des salaires les plus bas a été votée.", 3),  # "de", not a definite article: a figure
    ("Le tribunal a prononcé une peine de plus de 10 ans.", 10),  # a sentence, not an age
    ("Le fonds a versé 3 000 euros pour 12 familles.", 12),  # not a power of ten: no denominator
    ("Le revenu des 10 % de ménages les", 10),  # a cut text ending on the article: no superlative to read
])
def test_figures_that_stay_facts(facts_of, text, value):
    one_fact(facts_of(text), value)


def test_a_rate_is_other_whatever_its_noun(facts_of):
    fact = one_fact(facts_of("La Creuse enregistre 6,4 tués pour 100 000 habitants sur ses routes."), 6.4)
    assert fact["event_type"] == "other"
    assert one_fact(facts_of("Six automobilistes ont été tués sur ses routes."), 6)["event_type"] == "killed"


@pytest.mark.parametrize("text, value", [
    ("Dix-huit enfants ont présenté des symptômes de gastro-entérite.", 18),
    ("Une vingtaine de randonneurs se sont plaints de douleurs à la tête.", 20),
    ("Une dizaine de clients se sont plaints de maux de tête.", 10),
])
def test_illness_is_affected(facts_of, text, value):
    assert one_fact(facts_of(text), value)["event_type"] == "affected"


def test_concerning_is_no_event(facts_of):
    assert one_fact(facts_of("La réforme concerne 4 500 agents du ministère."), 4500)["event_type"] == "other"


def test_an_approximate_noun_alone_is_no_amount(facts_of):
    facts = facts_of("Le fonds a versé 2 millions d'euros. Ils seraient une vingtaine.")
    assert (one_fact(facts, 20)["unit"], one_fact(facts, 20)["event_type"]) == (None, "other")
    facts = facts_of("Le chantier a coûté 4 millions d'euros. Il avait été estimé à 5 millions.")
    assert one_fact(facts, 5e6)["unit"] == "EUR"


def test_a_restated_figure_takes_the_main_figures_time_not_the_comparisons(facts_of):
    facts = facts_of("La note s'élève à 48 000 euros, contre 52 000 euros en 2021, soit une baisse de 8 %.")
    assert one_fact(facts, 8)["when_start"] is None
    assert one_fact(facts, 52000)["when_start"] == "2021-01-01"
    facts = facts_of("En 2023, 412 accidents ont été recensés dans le Var, soit une hausse de 7 % par rapport à "
                     "l'année précédente.")
    assert (one_fact(facts, 7)["when_start"], one_fact(facts, 7)["when_end"]) == ("2023-01-01", "2023-12-31")


def test_a_datelines_short_month_is_a_date_and_the_next_word_a_count(facts_of):
    facts = facts_of("NANTES, 4 sept (AFP) - Quinze personnes ont été interpellées mercredi.")
    assert [(f["how_many"], f["event_type"], f["when_start"]) for f in facts] == [(15, "detained", "2025-06-18")]
    assert [f["how_many"] for f in facts_of("RENNES, 12 jan (AFP) - Un incendie a détruit 40 hectares.")] == [40]
    # alone, the short form is a number: "sept" is seven
    assert one_fact(facts_of("Sept morts en septembre."), 7)["event_type"] == "killed"
    # a live blog's time before a number word
    assert one_fact(facts_of("10h30 – Trois enfants sont malades."), 3)["event_type"] == "affected"


def test_a_noun_named_programme_says_no_future(facts_of):
    fact = one_fact(facts_of("Le conseil municipal a adopté lundi un programme de 300 logements sociaux."), 300)
    assert fact["when_start"] == "2025-06-16"


def test_a_restating_clause_shares_its_figures_time_both_ways(facts_of):
    facts = facts_of("En 2022, 51 cyclistes ont perdu la vie dans le Rhône, selon la préfecture, soit une mortalité "
                     "en hausse de 9 % par rapport à l'année précédente.")
    assert one_fact(facts, 9)["when_start"] == "2022-01-01"
    facts = facts_of("Le fabricant a annoncé hier la suppression de deux cents postes, soit 15 % de ses effectifs.")
    assert [f["when_start"] for f in facts] == ["2025-06-19", "2025-06-19"]


def test_a_relative_clauses_date_is_its_own_verbs(facts_of):
    facts = facts_of("Parmi eux, 25 travaillent dans l'atelier de peinture, qui sera fermé d'ici la fin de l'année.")
    assert one_fact(facts, 25)["when_start"] is None
    facts = facts_of("Le bateau, qui avait quitté Dakar il y a dix jours, transportait 140 passagers.")
    assert one_fact(facts, 140)["when_start"] is None
    # a figure inside the relative clause keeps it
    facts = facts_of("Le tribunal, qui a jugé mardi 12 prévenus, a prononcé des peines.")
    assert one_fact(facts, 12)["when_start"] == "2025-06-17"


def test_a_relative_clause_in_the_same_tense_tells_the_same_event(facts_of):
    fact = one_fact(facts_of("Douze alpinistes ont péri dans l'avalanche qui a balayé dimanche le refuge."), 12)
    assert fact["when_start"] == "2025-06-15"


@pytest.mark.parametrize("text, kept", [
    ("La commune de Pornic, qui compte 15 000 habitants, a fermé 4 plages.", [4]),
    ("Le club de voile, qui compte 320 licenciés, a annulé la régate.", []),
    ("Le port a embauché 2 300 dockers.", [2300]),  # what the sentence itself says the noun did stays a fact
])
def test_what_a_relative_clause_says_a_noun_holds_describes_it(facts_of, text, kept):
    assert [f["how_many"] for f in facts_of(text)] == kept


def test_a_headings_figures_share_the_date_the_body_gives_one_of_them(facts_of):
    facts = facts_of("Incendie à Vire : un mort et 14 blessés\n"
                     "Un habitant a été tué et 14 personnes ont été blessées lundi dans l'incendie d'un immeuble.")
    assert [(f["how_many"], f["when_start"]) for f in facts] == [(1, "2025-06-16"), (14, "2025-06-16")]


def test_a_comparison_point_whose_date_opens_with_the_markers_last_word(facts_of):
    facts = facts_of("Les ventes de scooters ont atteint 1,4 million en 2023, soit 6 % de plus qu'en 2022.")
    assert [f["when_start"] for f in facts] == ["2023-01-01", "2023-01-01"]
    facts = facts_of("Les femmes représentent 41 % des élus, soit 3 points de plus qu'en 2020.")
    assert [f["when_start"] for f in facts] == [None, None]


def test_announced_for_a_weekday_is_the_coming_one(facts_of):
    assert one_fact(facts_of("Une grève de 48 heures est annoncée pour mardi."), 48)["when_start"] == "2025-06-24"


# fmt: off
@pytest.mark.parametrize("text, value, event_type", [
    # paraphrases by family, as pack data (models/fr/relations.json)
    ("La noyade de six baigneurs a endeuillé la station.", 6, "killed"),
    ("Douze spectateurs ont été commotionnés par la déflagration.", 12, "wounded"),
    ("Les douaniers ont appréhendé 9 contrebandiers près du col.", 9, "detained"),
    ("Vingt-quatre squatteurs ont été jetés en prison après l'évacuation du parc.", 24, "detained"),
    ("L'opérateur a prépositionné 40 techniciens près du barrage.", 40, "deployed"),
    ("Quelque 9 000 abonnés sont restés sans eau potable pendant deux jours.", 9000, "affected"),
    ("Près de 650 lycéens ont manqué les cours à cause des inondations.", 650, "affected"),
    # the noun an adjective after the number describes is the counted one
    ("Les secouristes ont dégagé les quatre derniers corps dans la soirée.", 4, "killed"),
    ("Vingt-deux nouveaux cas ont été recensés à Mayotte.", 22, "affected"),
    # an event noun with an article: "une" is a determiner, not a figure of its own
    ("Quarante-huit ressortissants ont fait l'objet d'une expulsion vers l'Albanie.", 48, "displaced"),
    ("Dix-sept personnes ont fait l'objet d'une interpellation à Rennes.", 17, "detained"),
    # the event noun the counted noun depends on says more than that noun's verb
    ("Un renfort de 35 pompiers est arrivé de l'Ain.", 35, "deployed"),
    # a cause verb's "victimes" (casualties) made specific by the noun's own words
    ("La crue a fait 5 victimes mortelles.", 5, "killed"),
    # dead or missing together: casualties
    ("Depuis janvier, 210 migrants sont morts ou ont disparu en Méditerranée.", 210, "casualties"),
    # verb and complement pairs, the complement maybe hung on the object
    ("Près de 700 vacanciers ont trouvé refuge dans la salle des fêtes.", 700, "displaced"),
    ("Deux spéléologues manquent encore à l'appel.", 2, "missing"),
    ("Le repas avarié a envoyé 19 pensionnaires à l'hôpital.", 19, "affected"),
    ("La mairie a mis à disposition 25 agents municipaux.", 25, "deployed"),
    ("Quelque 60 étrangers ont été placés en centre de rétention à Metz.", 60, "detained"),
    ("Plus de 150 agents d'Enedis sont à pied d'œuvre depuis l'aube.", 150, "deployed"),
    ("L'ancienne caserne héberge désormais 240 personnes.", 240, "displaced"),
    ("La houle a laissé 4 000 habitants sans toit.", 4000, "displaced"),
    ("Une vingtaine de médecins ont été réquisitionnés par l'ARS.", 20, "deployed"),
    # an adverb of the verb that is a trigger
    ("Trois cyclistes ont été grièvement percutés par la voiture.", 3, "wounded"),
    # what happened to them over the state their noun alone names
    ("Environ 110 sinistrés ont été relogés par la commune.", 110, "displaced"),
    # a trigger right after the figure that the parser does not take for its noun
    ("On dénombre 180 sans-abri après l'incendie.", 180, "displaced"),
    # the event phrase the counted noun depends on
    ("Le maire a ordonné la mise à l'abri de 230 campeurs.", 230, "displaced"),
    ("Dix-neuf baigneurs ont été sauvés des eaux.", 19, "displaced"),
    # a part the verb says is included in a group takes the group's type
    ("Les blessés incluent trois touristes allemands.", 3, "wounded"),
    ("Parmi les 31 victimes figurent six enfants et un berger.", 6, "casualties"),
])
# fmt: on
def test_event_type_by_family_and_parse(facts_of, text, value, event_type):
    assert one_fact(facts_of(text), value)["event_type"] == event_type


def test_figures_of_one_verb_share_the_date_written_before_them(facts_of):
    facts = facts_of("L'usine a enregistré une perte de 12 millions d'euros en 2024, pour un chiffre d'affaires "
                     "de 95 millions d'euros.")
    assert [(f["how_many"], f["when_start"]) for f in facts] == [(12e6, "2024-01-01"), (95e6, "2024-01-01")]
    facts = facts_of("Entre avril et juin, le nombre d'inscrits a reculé de 4 000, à 61 000 personnes.")
    assert [f["when_start"] for f in facts] == ["2025-04-01", "2025-04-01"]


def test_a_date_after_a_change_is_not_the_levels(facts_of):
    # the period of the fall, written after both figures, is not the time of the level before them
    facts = facts_of("À 38 %, la popularité du maire perd quatre points depuis mars.")
    assert one_fact(facts, 38)["when_start"] is None


def test_the_means_backing_a_group_the_parser_leaves_without_subject_take_its_verb_s_type(facts_of):
    # the parser hangs "plongeurs" on "déployés" as an oblique: the group is still that verb's subject
    facts = facts_of("Au moins 60 plongeurs, appuyés par cinq vedettes, ont été déployés au large.")
    assert {f["how_many"]: f["event_type"] for f in facts} == {60: "deployed", 5: "deployed"}
