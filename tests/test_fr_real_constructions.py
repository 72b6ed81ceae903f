"""Constructions of real French news the rules were not tuned on (issue 11, the French TimeBank
documents of corpus/real), each on a sentence written for these tests. Publication date 2025-06-20
(a Friday), as in tests/conftest.py."""

from __future__ import annotations

import pytest

from .conftest import PUBLISHED, one_fact

pytestmark = pytest.mark.model



def test_a_sentence_starts_at_a_hyphenated_capitalized_word(nlp):
    # "Celui-ci" is no title case to spaCy (its second part is lowercase): the sentence before ended
    doc = nlp("Le rapport sera remis lundi au préfet de l'Aude. Celui-ci recense 1 200 accidents.")
    assert [s.text for s in doc.sents] == ["Le rapport sera remis lundi au préfet de l'Aude.",
                                           "Celui-ci recense 1 200 accidents."]


def test_a_figure_takes_no_date_from_the_sentence_before_a_hyphenated_opener(facts_of):
    facts = facts_of("Le rapport sera remis lundi au préfet de l'Aude. Celui-ci recense 1 200 accidents.")
    fact = one_fact(facts, 1200)
    assert fact["evidence"] == "Celui-ci recense 1 200 accidents."
    assert fact["when_start"] is None


@pytest.mark.parametrize("text, value", [
    ("Trois concerts seront donnés ce soir sur la place du marché.", 3),
    ("Une quarantaine de pompiers sont intervenus ce matin dans la zone industrielle.", 40),
    ("Six voitures ont été incendiées cette nuit dans le quartier de la gare.", 6),
])
def test_a_part_of_this_day_is_the_publication_day(facts_of, text, value):
    fact = one_fact(facts_of(text), value)
    assert (fact["when_start"], fact["when_end"]) == (PUBLISHED, PUBLISHED)


def test_a_part_of_a_day_then_is_not_this_day(facts_of):
    # "ce soir-là" is the evening of a day told before, not the publication day
    fact = one_fact(facts_of("Ce soir-là, douze musiciens ont joué devant la mairie."), 12)
    assert fact["when_start"] != PUBLISHED


def test_a_season_with_a_complement_is_the_name_of_an_event(facts_of):
    # "le printemps des associations" is an event, not the spring
    facts = facts_of("Une cinquantaine de bénévoles ont participé au printemps des associations du quartier.")
    fact = one_fact(facts, 50)
    assert fact["when_start"] is None


@pytest.mark.parametrize("text, found", [
    ("au printemps des associations", []),
    ("au printemps de l'année dernière", ["au printemps", "l'année dernière"]),
    ("au printemps de la même année", ["au printemps"]),
    ("au printemps, la mairie", ["au printemps"]),
])
def test_a_season_of_a_year_is_still_a_date(text, found):
    from pipeline.dates import find_dates

    assert [m.text for m in find_dates(text, "fr")] == found


@pytest.mark.parametrize("text, value", [
    # a concession, a condition: the date is the clause's own verb's
    ("Le kiosque vend une trentaine de magazines, même si les ventes montent en hiver.", 30),
    ("La commune recrute 14 saisonniers, sauf si la saison se termine en septembre.", 14),
])
def test_a_clause_of_concession_or_condition_keeps_its_date(facts_of, text, value):
    assert one_fact(facts_of(text), value)["when_start"] is None


def test_a_clause_of_time_shares_its_date(facts_of):
    # a clause of time tells when the main clause's event happened
    fact = one_fact(facts_of("Dix-huit skieurs ont été secourus quand la tempête a frappé la station samedi."), 18)
    assert fact["when_start"] == "2025-06-14"


@pytest.mark.parametrize("text, value, event_type, what", [
    # the parser makes the main verb a conjunct of the relative clause's verb, set off by commas
    ("Deux vigiles, qui tentaient de s'interposer, ont été blessés.", 2, "wounded", "ont été blessés"),
    ("Quatre randonneurs, qui cherchaient un abri, sont morts de froid.", 4, "killed", "sont morts"),
])
def test_the_main_verb_after_a_relative_clause_is_the_counted_nouns(facts_of, text, value, event_type, what):
    fact = one_fact(facts_of(text), value)
    assert (fact["event_type"], fact["what"]) == (event_type, what)


def test_a_bare_count_of_other_people_is_another_fact(facts_of):
    # "deux individus", then "Deux vigiles" hurt: others, not the same two
    facts = facts_of("Un commerçant a été menacé par deux individus, mardi, à Albi. Deux vigiles, "
                     "qui tentaient de s'interposer, ont été blessés.")
    assert sorted((f["unit"], f["event_type"]) for f in facts if f["how_many"] == 2) == [
        ("individus", "other"), ("vigiles", "wounded")]


@pytest.mark.parametrize("text", [
    # "les deux hommes": the same two, told of before
    "Deux individus ont braqué une bijouterie mardi à Albi. Les deux hommes ont été interpellés.",
    # a generic noun restating the figure
    "Deux braqueurs ont été interpellés mardi à Albi. Deux personnes ont été placées en garde à vue.",
    # a later count of no event type says who they were: nothing else happened to them
    "Un incendie a tué deux personnes samedi à Lyon. Il s'agit de deux enfants, selon les pompiers.",
])
def test_a_count_told_of_before_is_the_same_fact(facts_of, text):
    assert len([f for f in facts_of(text) if f["how_many"] == 2]) == 1


def test_a_figure_the_parser_hangs_on_a_date_takes_the_verb_above_it(facts_of):
    # "avec 61 % des voix" hung on "dimanche": the date is an adverbial of "Réélu"
    text = "Réélu triomphalement dimanche avec plus de 61 % des voix, le maire a présenté hier son équipe."
    fact = one_fact(facts_of(text), 61)
    assert fact["what"] == "Réélu"


@pytest.mark.parametrize("text, values", [
    ("Deux cyclistes, âgés de 17 et 45 ans, ont été blessés samedi.", [2]),
    ("Trois enfants de 4, 6 et 9 ans ont été hospitalisés.", [3]),
])
def test_coordinated_ages_are_all_ages(facts_of, text, values):
    # the first ages of "de 17 et 45 ans" have no unit or link of their own: the coordination's
    assert sorted(f["how_many"] for f in facts_of(text)) == values


def test_coordinated_durations_stay_facts(facts_of):
    # "de 2 et 3 ans de prison" is a duration of something, not an age
    assert sorted(f["how_many"] for f in facts_of("Les deux prévenus ont écopé de 2 et 3 ans de prison.")) == [2, 3]


@pytest.mark.parametrize("text, value", [
    ("Le chantier du tunnel a duré deux ans et demi.", 2.5),
    ("L'attente aux urgences a atteint quatre heures et demie samedi.", 4.5),
    ("La traversée a duré 11 heures et demie à cause de la tempête.", 11.5),
])
def test_a_half_after_the_time_unit_adds_to_its_count(facts_of, text, value):
    assert [f["how_many"] for f in facts_of(text)] == [value]
