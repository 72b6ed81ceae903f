"""Grouping rules of the seventh series session (corpus/reviews/series7.md), made so that the slot errors extraction
makes on unseen text (bench/series_robustness.py) weigh less: a place read from a wire report's dateline, the same
untyped figure told by two articles on two days, a toll dated as of its report against another source's undated
toll. On hand-made fact rows written for these tests."""

from __future__ import annotations

from tests.test_series import grouped, row, same

FIRE = dict(who="hectares", unit="hectares", event_type="other", source="préfecture du Var")


def _fire(article: str, value: float, where: str, day: str, evidence: str) -> dict:
    return row(article, 1, value, where=where, published=day, when=(day, day), evidence=evidence, **FIRE)


def _regional_report() -> dict:
    # the regional paper's 2 600 hectares, with the commune's name as place
    return _fire("b", 2600, "Montauroux-les-Pins", "2026-07-23",
                 "L'incendie de Montauroux-les-Pins, dans le massif de l'Estérel, a parcouru 2 600 hectares, "
                 "selon la préfecture du Var.")


def test_a_place_read_from_the_dateline_disagrees_with_no_place():
    # the wire's 1 800 hectares read with the dateline's town as place; the regional paper's 2 600 with the
    # commune's: one fire as it grows
    wire = _fire("a", 1800, "TOULON", "2026-07-22",
                 "TOULON, 22 juil (AFP) - Le feu qui ravage le massif de l'Estérel a parcouru 1 800 hectares, selon "
                 "la préfecture du Var.")
    regional = _regional_report()
    assert same(grouped([wire, regional], vectors=False), ("a", 1), ("b", 1))


def test_a_dateline_town_named_again_or_a_place_of_the_text_still_disagrees():
    regional = _regional_report()
    # control: the sentence names the dateline's town again after the dateline: the figure's own place
    again = _fire("a", 1800, "TOULON", "2026-07-22",
                  "TOULON, 22 juil (AFP) - À Toulon, un autre feu, dans le massif de l'Estérel, a parcouru "
                  "1 800 hectares, selon la préfecture du Var.")
    assert not same(grouped([again, regional], vectors=False), ("a", 1), ("b", 1))
    # control: a place of the text (no dateline) disagrees as before
    text = _fire("a", 1800, "Fréjus", "2026-07-22",
                 "Près de Fréjus, le feu du massif de l'Estérel a parcouru 1 800 hectares, selon la préfecture du Var.")
    assert not same(grouped([text, regional], vectors=False), ("a", 1), ("b", 1))


def test_the_dateline_pattern():
    from pipeline.series import _DATELINE

    for line in ("TOULON, 22 juil (AFP) - Le feu", "MWANZA, Tanzania, March 18 (Wire) – The death toll",
                 "La Paz, 9 juillet 2026 (AFP) - Au moins", "COX'S BAZAR, Bangladesh, May 14 (Wire) – The"):
        assert _DATELINE.match(line), line
    for line in ("Selon la préfecture (Var), 1 800 hectares - au moins", "Le feu, selon les pompiers (Sdis) - a",
                 "TOULON - Le feu a parcouru 1 800 hectares"):
        assert not _DATELINE.match(line), line


def _jobs(article: str, value: float, day: str, evidence: str) -> dict:
    return row(article, 1, value, who="postes", unit="postes", event_type="other", where="Tarbes", published=day,
               when=(day, day), evidence=evidence)


def test_the_same_untyped_figure_told_on_two_days_by_two_articles_is_one_figure():
    # each report dates the job cuts by its own day (extraction's reading of "mardi", or of the publication)
    first = _jobs("a", 240, "2026-11-24", "Le groupe Valmont va supprimer 240 postes dans son usine de Tarbes.")
    later = _jobs("b", 240, "2026-12-04", "À Tarbes, les 240 postes que le groupe Valmont supprime inquiètent.")
    assert same(grouped([first, later], vectors=False), ("a", 1), ("b", 1))
    # control: two values of two days are still two days' measures (demonstrators, a turnout)
    other = _jobs("b", 310, "2026-12-04", "À Tarbes, les 310 postes que le groupe Valmont supprime inquiètent.")
    assert not same(grouped([first, other], vectors=False), ("a", 1), ("b", 1))
    # control: the same value told two months apart is no retelling
    far = _jobs("b", 240, "2027-01-30", "À Tarbes, les 240 postes que le groupe Valmont supprime inquiètent.")
    assert not same(grouped([first, far], vectors=False), ("a", 1), ("b", 1))


def _sea(fact_id: int, value: float, source: str, evidence: str, *, day: str | None, who: str = "personnes",
         event_type: str = "missing", unit: str = "personnes") -> dict:
    return row("a", fact_id, value, who=who, unit=unit, event_type=event_type, where=None, source=source,
               published="2026-09-21", when=(day, day) if day else None, evidence=evidence)


def test_a_toll_as_of_its_reports_day_and_another_sources_undated_toll_are_rivals():
    # one source's missing dated by the report's day (extraction read "lundi", or the publication), the other's
    # undated: the article's two counts of one toll, as when both are dated or both not
    dated = _sea(1, 41, "garde-côtes", "Au large de Lampedusa, 41 personnes étaient portées disparues lundi, selon "
                 "les garde-côtes.", day="2026-09-21")
    undated = _sea(2, 26, "OIM", "L'OIM, elle, compte 26 personnes disparues au large de Lampedusa.", day=None)
    assert same(grouped([dated, undated], vectors=False), ("a", 1), ("a", 2))
    # control: a toll dated days before its report is another moment, not the undated rival's
    earlier = _sea(1, 41, "garde-côtes", "Au large de Lampedusa, 41 personnes étaient portées disparues jeudi, "
                   "selon les garde-côtes.", day="2026-09-17")
    assert not same(grouped([earlier, undated], vectors=False), ("a", 1), ("a", 2))
    # control: untyped figures (jobs of two holders) are no tolls: no rivals so read
    cuts = _sea(1, 6500, "Halvorsen", "Halvorsen supprimera 6 500 emplois, a annoncé lundi le groupe à Lampedusa.",
                day="2026-09-21", who="emplois", unit="emplois", event_type="other")
    plant = _sea(2, 2800, "analystes", "Selon les analystes, 2 800 emplois seraient touchés à Lampedusa.", day=None,
                 who="emplois", unit="emplois", event_type="other")
    assert not same(grouped([cuts, plant], vectors=False), ("a", 1), ("a", 2))
