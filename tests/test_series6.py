"""Grouping rules of the sixth series session (corpus/reviews/series6.md): a toll's who that only restates the
count, a higher rival toll told with no day or place, an untyped count of a day, two units of measure, a place
part whose total was merged with the title, a compared average. On a small batch of short articles written for
these tests (tests/data/series6) and on hand-made fact rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_series import grouped, placed, row, same


@pytest.fixture(scope="module")
def batch(nlp):
    from pipeline import extract

    return extract([Path(__file__).parent / "data" / "series6"], nlp=nlp)


def _sid(df, article, value):
    found = df[(df.article_id == article) & (df.how_many == value)]
    assert len(found) == 1, (article, value, df[["article_id", "how_many"]].to_string())
    return found.series_id.iloc[0]


@pytest.mark.model
def test_a_higher_toll_of_another_source_with_no_day_or_place_is_the_articles_rival_toll(batch):
    # "Le Bureau départemental des secours avance un bilan plus lourd : 19 morts": the same toll, not another
    assert _sid(batch, "privas-1", 19) == _sid(batch, "privas-1", 14) == _sid(batch, "privas-2", 23)
    # control: the evacuated are another series
    assert _sid(batch, "privas-1", 600) != _sid(batch, "privas-1", 14)


@pytest.mark.model
def test_one_value_in_two_units_of_measure_is_two_series(batch):
    assert _sid(batch, "privas-2", 38) != _sid(batch, "privas-3", 38)


@pytest.mark.model
def test_demonstrators_of_two_days_are_two_series_rival_figures_of_one_day_one(batch):
    assert _sid(batch, "greve-1", 250000) != _sid(batch, "greve-2", 180000)
    # control: the unions' figure of the same day is the ministry's rival
    assert _sid(batch, "greve-1", 250000) == _sid(batch, "greve-1", 800000)


@pytest.mark.model
def test_a_place_part_of_a_total_told_in_the_title_is_that_places_figure(batch):
    # "250 000 manifestants dans toute la France ..., dont 31 000 à Paris" (the 250 000 merged with the title's):
    # Paris's figure, the CGT's 120 000 in Paris its rival; no figure of France
    assert _sid(batch, "greve-1", 31000) == _sid(batch, "greve-1", 120000)
    assert _sid(batch, "greve-1", 31000) not in {_sid(batch, "greve-1", 250000), _sid(batch, "greve-2", 180000)}


def test_a_tolls_who_that_only_restates_the_count_names_no_group():
    first = row("a", 1, 64, who="victimes", unit="morts", published="2026-03-18", when=("2026-03-18", "2026-03-18"),
                evidence="Le cyclone Chido a fait 64 morts à Mamoudzou, selon la préfecture de Mayotte.")
    later = row("b", 1, 81, who="personnes", unit="morts", published="2026-03-19", when=("2026-03-19", "2026-03-19"),
                evidence="Le cyclone Chido a fait 81 morts à Mamoudzou, selon la préfecture de Mayotte.")
    assert same(grouped([first, later], vectors=False), ("a", 1), ("b", 1))
    # control: two groups of their own still disagree ("habitants", "militaires"), as they did
    soldiers = placed(later, who="militaires")
    inhabitants = placed(first, who="habitants")
    assert not same(grouped([inhabitants, soldiers], vectors=False), ("a", 1), ("b", 1))


def test_a_lower_count_of_another_source_with_no_day_or_place_is_no_rival():
    toll = row("a", 1, 34, source="préfecture", when=("2026-02-12", "2026-02-12"), published="2026-02-12",
               evidence="Le cyclone Chido a fait 34 morts jeudi à Mamoudzou, selon la préfecture.")
    higher = row("a", 2, 40, where=None, source="Croix-Rouge", published="2026-02-12",
                 evidence="La Croix-Rouge avance un bilan plus lourd, de 40 morts.")
    lower = row("a", 3, 9, who="morts", where=None, source="fondation", published="2026-02-12",
                evidence="Neuf des morts étaient des enfants, selon la fondation.")
    df = grouped([toll, higher, lower], vectors=False)
    assert same(df, ("a", 1), ("a", 2))
    assert not same(df, ("a", 1), ("a", 3))
    # an untyped figure (money, other) is not a toll: no rival so read
    cost = row("a", 1, 80000, who="gérant", unit="EUR", event_type="money", source="tribunal", published="2026-02-12",
               when=("2026-02-11", "2026-02-11"), evidence="Le tribunal a condamné mardi le gérant à 80000 euros.")
    saved = row("a", 2, 640000, who="gérant", unit="EUR", event_type="money", where=None, source="parquet",
                published="2026-02-12", evidence="Le parquet estime que le gérant a économisé 640000 euros.")
    assert not same(grouped([cost, saved], vectors=False), ("a", 1), ("a", 2))


def test_an_area_that_grows_day_after_day_stays_one_series_a_count_of_a_day_does_not():
    burnt = [row(article, 1, value, who="hectares", unit="hectares", event_type="other", where="Aniane",
                 published=day, when=(day, day),
                 evidence=f"L'incendie d'Aniane a parcouru {value:g} hectares, selon la préfecture de l'Hérault.")
             for article, value, day in (("a", 1900, "2026-08-04"), ("b", 2650, "2026-08-05"))]
    assert same(grouped(burnt, vectors=False), ("a", 1), ("b", 1))
    marchers = [row(article, 1, value, who="manifestants", unit="manifestants", event_type="other", where="Aniane",
                    published=day, when=(day, day),
                    evidence=f"À Aniane, {value:g} manifestants ont défilé, selon la préfecture de l'Hérault.")
                for article, value, day in (("a", 1900, "2026-08-04"), ("b", 2650, "2026-08-11"))]
    assert not same(grouped(marchers, vectors=False), ("a", 1), ("b", 1))


def test_one_unit_of_measure_spelt_two_ways_is_one_unit():
    kg = row("a", 1, 38, who="résine", unit="kg", event_type="other", published="2026-02-10",
             evidence="À Mamoudzou, les douaniers de Chido ont saisi 38 kg de résine.")
    kilos = row("b", 1, 38, who="résine", unit="kilos", event_type="other", published="2026-02-11",
                evidence="À Mamoudzou, les douaniers de Chido ont saisi 38 kilos de résine.")
    tonnes = placed(kilos, unit="tonnes", evidence="À Mamoudzou, les douaniers de Chido ont saisi 38 tonnes de résine.")
    assert same(grouped([kg, kilos], vectors=False), ("a", 1), ("b", 1))
    assert not same(grouped([kg, tonnes], vectors=False), ("a", 1), ("b", 1))


def test_a_figure_compared_with_an_average_is_another_series():
    text = ("La tour de Chido affichait un taux de vacance de 41 % à Mamoudzou, contre 12 % en moyenne dans le reste "
            "du parc.")
    rate = row("a", 1, 41, who="taux de vacance", unit="%", event_type="other", evidence=text)
    average = placed(row("a", 2, 12, who="taux de vacance", unit="%", event_type="other", evidence=text))
    assert not same(grouped([rate, average], vectors=False), ("a", 1), ("a", 2))
    # control: the earlier state of the same rate joins it
    earlier_text = "La tour de Chido affichait un taux de vacance de 41 % à Mamoudzou, contre 35 % auparavant."
    now = row("a", 1, 41, who="taux de vacance", unit="%", event_type="other", evidence=earlier_text)
    before = row("a", 2, 35, who="taux de vacance", unit="%", event_type="other", evidence=earlier_text)
    assert same(grouped([now, before], vectors=False), ("a", 1), ("a", 2))
