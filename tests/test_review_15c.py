"""Misfires of series7's grouping rules found in review-15c (corpus/reviews/review-15c.md), on fact rows written for
these tests."""

from __future__ import annotations

from tests.test_series import grouped, row, same


def _marchers(article: str, day: str, evidence: str, *, qualifier: str = "approx", value: float = 3000) -> dict:
    fact = row(article, 1, value, who="personnes", unit="personnes", event_type="other", where="Bordeaux",
               published=day, when=(day, day), source="préfecture", evidence=evidence)
    fact["qualifier"] = qualifier
    return fact


def test_an_approximate_count_of_a_day_repeated_a_week_later_is_two_days_measures():
    # two Saturdays' marches, each "quelque 3 000": a round figure repeats by rounding, it is no retelling
    first = _marchers("a", "2026-02-07", "Quelque 3 000 personnes ont défilé samedi à Bordeaux contre la réforme, "
                      "selon la préfecture.")
    second = _marchers("b", "2026-02-14", "Quelque 3 000 personnes ont de nouveau défilé samedi à Bordeaux contre "
                       "la réforme, selon la préfecture.")
    assert not same(grouped([first, second], vectors=False), ("a", 1), ("b", 1))
    # control: one approximate figure told by two articles of one day is one figure
    retold = _marchers("b", "2026-02-07", "À Bordeaux, quelque 3 000 personnes ont défilé samedi contre la "
                       "réforme, selon la préfecture.")
    assert same(grouped([first, retold], vectors=False), ("a", 1), ("b", 1))


def test_an_exact_figure_told_on_two_days_stays_one_figure():
    # control (series7's rule 2): an exact figure of two articles on two days is a retelling
    first = _marchers("a", "2026-11-24", "Le groupe Valmont va supprimer 240 postes à Bordeaux, selon la "
                      "préfecture.", qualifier="exact", value=240)
    later = _marchers("b", "2026-12-04", "À Bordeaux, les 240 postes que le groupe Valmont supprime inquiètent, "
                      "selon la préfecture.", qualifier="exact", value=240)
    assert same(grouped([first, later], vectors=False), ("a", 1), ("b", 1))


def _wire(article: str, town: str, value: float, day: str, *, evidence: str | None = None,
          where: str | None = None) -> dict:
    text = evidence or (f"{town}, {day[-2:]} juil (AFP) - Le feu qui ravage le massif de l'Estérel a parcouru "
                        f"{value:g} hectares, selon la préfecture du Var.")
    return row(article, 1, value, who="hectares", unit="hectares", event_type="other", where=where or town,
               published=day, when=(day, day), source="préfecture du Var", evidence=text)


def test_two_wires_datelined_in_two_towns_still_disagree():
    # each wire's place is its dateline's town: two towns, two fires (nothing in either text names a place)
    ajaccio = _wire("a", "AJACCIO", 1800, "2026-07-22")
    toulon = _wire("b", "TOULON", 2600, "2026-07-23")
    assert not same(grouped([ajaccio, toulon], vectors=False), ("a", 1), ("b", 1))
    # control (series7's rule 1): a dateline town against a place the other text names is no disagreement
    commune = _wire("b", "TOULON", 2600, "2026-07-23", where="Montauroux-les-Pins",
                    evidence="L'incendie de Montauroux-les-Pins, dans le massif de l'Estérel, a parcouru 2 600 "
                             "hectares, selon la préfecture du Var.")
    assert same(grouped([ajaccio, commune], vectors=False), ("a", 1), ("b", 1))
    # control: two wires of one dateline town agree
    again = _wire("b", "AJACCIO", 2600, "2026-07-23")
    assert same(grouped([ajaccio, again], vectors=False), ("a", 1), ("b", 1))
