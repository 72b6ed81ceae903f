"""Series and claims (SPEC section 7) on hand-made fact rows: the grouping rules one by one, the
claims and series tables with their status, B-cubed scoring. No spaCy pipeline (only the model's
word vectors, where a test needs them)."""

from __future__ import annotations

import pandas as pd
import pytest

from pipeline.claims import CLAIMS_SCHEMA, SERIES_SCHEMA, claims_frame, series_frame, write_claims_tables
from pipeline.series import assign_series, story_pairs
from pipeline.series_scoring import bcubed
from pipeline.table import facts_frame


def row(article_id: str, fact_id: int, value: float, *, published: str | None = "2025-03-10",
        who: str = "morts", event_type: str = "killed", unit: str = "morts", where: str | None = "Mayotte",
        when: tuple[str, str] | None = None, source: str | None = None, evidence: str | None = None,
        before: str = "Le cyclone Chido a fait ", high: float | None = None) -> dict:
    """One fact; its evidence names the story (Chido, Mamoudzou) unless given."""
    text = f"{value:g}"
    if evidence is None:
        evidence = f"{before}{text} {who} à Mamoudzou, selon la préfecture de Mayotte."
    at = evidence.find(text)
    return {
        "article_id": article_id, "fact_id": fact_id, "who": who, "what": "tués", "event_type": event_type,
        "how_many": value, "how_many_high": high, "qualifier": "exact", "unit": unit,
        "when_start": when[0] if when else None, "when_end": when[1] if when else None, "when_text": None,
        "where": where, "source": source, "evidence": evidence, "char_start": 100, "char_end": 100 + len(evidence),
        "published": published, "mentions": 1, "confidence": 0.9, "mention_text": text,
        "mention_start": 100 + at, "mention_end": 100 + at + len(text),
    }


def placed(fact: dict, *, figure: str | None = None, char_start: int | None = None, **changes) -> dict:
    """A copy of ``fact`` with ``changes``, its evidence starting at ``char_start`` (the fact's by default) and
    its mention on ``figure`` in it (the text of its value by default)."""
    new = dict(fact, **changes)
    start = new["char_start"] = fact["char_start"] if char_start is None else char_start
    new["mention_start"] = start + new["evidence"].find(figure or f"{new['how_many']:g}")
    return new


def grouped(rows: list[dict], **kwargs) -> pd.DataFrame:
    return assign_series(facts_frame(rows), **kwargs)


def same(df: pd.DataFrame, a: tuple[str, int], b: tuple[str, int], column: str = "series_id") -> bool:
    def get(key):
        return df[(df.article_id == key[0]) & (df.fact_id == key[1])][column].iloc[0]

    return get(a) == get(b)


def status_of(df: pd.DataFrame) -> dict[str, str]:
    s = series_frame(df)
    return dict(zip(s.series_id, s.status, strict=True))


def test_the_same_toll_in_two_articles_is_one_claim_agreed():
    df = grouped([row("a", 1, 35, published="2025-03-10"), row("b", 1, 35, published="2025-03-11")])
    assert same(df, ("a", 1), ("b", 1), "claim_id")
    claims = claims_frame(df)
    assert len(claims) == 1 and claims.n_articles.iloc[0] == 2 and claims.article_ids.iloc[0] == ["a", "b"]
    assert list(status_of(df).values()) == ["agreed"]


def test_a_rising_toll_is_one_series_updated():
    df = grouped([row("a", 1, 22, published="2025-03-10", when=("2025-03-09", "2025-03-09")),
                  row("b", 1, 35, published="2025-03-12", when=("2025-03-11", "2025-03-11")),
                  row("c", 1, 39, published="2025-03-15", when=("2025-03-14", "2025-03-14"))])
    assert df.series_id.nunique() == 1 and df.claim_id.nunique() == 3
    s = series_frame(df).iloc[0]
    assert (s.status, s.first_value, s.latest_value, s.n_claims, s.n_articles) == ("updated", 22, 39, 3, 3)


def test_two_sources_the_same_day_with_different_values_are_disputed():
    df = grouped([row("a", 1, 212, source="ministère de la Santé", published="2025-03-10"),
                  row("b", 1, 87, source="Forces de soutien rapide", published="2025-03-10")])
    assert df.series_id.nunique() == 1
    assert list(status_of(df).values()) == ["disputed"]


def test_rival_tolls_of_one_article_are_one_series_disputed():
    df = grouped([row("a", 1, 212, source="ministère de la Santé"), row("a", 2, 87, source="rebelles")])
    assert same(df, ("a", 1), ("a", 2)) and list(status_of(df).values()) == ["disputed"]


def test_a_dont_part_is_another_series():
    total = row("a", 1, 40, evidence="Le cyclone Chido a fait 40 morts à Mamoudzou, dont 12 enfants.")
    part = row("a", 2, 12, who="enfants", unit="enfants",
               evidence="Le cyclone Chido a fait 40 morts à Mamoudzou, dont 12 enfants.")
    part_elsewhere = row("b", 1, 12, who="enfants", unit="enfants",
                         evidence="Parmi les victimes de Chido à Mamoudzou figurent, dont 12 enfants, des familles.")
    df = grouped([total, part, part_elsewhere, row("b", 2, 40)])
    assert not same(df, ("a", 1), ("a", 2))
    assert same(df, ("a", 1), ("b", 2)) and same(df, ("a", 2), ("b", 1))


def test_another_place_or_another_period_is_another_series():
    df = grouped([row("a", 1, 35, where="Mamoudzou"), row("b", 1, 12, where="Dzaoudzi")])
    assert not same(df, ("a", 1), ("b", 1))
    # the same figure with its place named at another scale by another article is one claim
    df = grouped([row("a", 1, 35, where="Mamoudzou"), row("b", 1, 35, where="Grande-Terre")])
    assert same(df, ("a", 1), ("b", 1))
    df = grouped([row("a", 1, 3000, who="soldats", unit="soldats", event_type="deployed",
                      when=("2024-09-23", "2024-12-20")),
                  row("b", 1, 3000, who="soldats", unit="soldats", event_type="deployed",
                      when=("2025-01-01", "2025-02-28"))])
    assert not same(df, ("a", 1), ("b", 1))


def test_a_figure_and_the_earlier_one_it_is_compared_with_share_a_series():
    evidence = "Le cyclone Chido a fait 39 morts à Mamoudzou, contre 35 auparavant."
    df = grouped([row("a", 1, 39, evidence=evidence), row("a", 2, 35, who="morts", evidence=evidence)])
    assert same(df, ("a", 1), ("a", 2))
    s = series_frame(df).iloc[0]
    assert (s.first_value, s.latest_value, s.status) == (35, 39, "updated")


def test_the_earlier_figure_joins_its_series_even_with_another_event_type_read():
    evidence = "Le cyclone Chido a fait 39 morts à Mamoudzou, contre 35 auparavant."
    df = grouped([row("a", 1, 39, evidence=evidence),
                  row("a", 2, 35, who=None, unit=None, event_type="other", evidence=evidence),
                  row("b", 1, 39, published="2025-03-11")])
    assert same(df, ("a", 1), ("a", 2)) and same(df, ("a", 2), ("b", 1))


def test_nouns_that_only_restate_the_event_agree_specific_groups_do_not():
    df = grouped([row("a", 1, 12, who="morts", unit="morts"),
                  row("b", 1, 15, who="personnes", unit="personnes", published="2025-03-11"),
                  row("c", 1, 15, who="victimes", unit="victimes", published="2025-03-11")])
    assert df.series_id.nunique() == 1
    df = grouped([row("a", 1, 12, who="enfants", unit="enfants"),
                  row("b", 1, 15, who="adultes", unit="adultes", published="2025-03-11")])
    assert df.series_id.nunique() == 2


def test_two_figures_of_one_article_without_rival_sources_are_two_series():
    df = grouped([row("a", 1, 150000, who="demandes", unit="demandes", event_type="other", where=None),
                  row("a", 2, 16000, who="demandes", unit="demandes", event_type="other", where=None)])
    assert not same(df, ("a", 1), ("a", 2))


def test_unrelated_stories_do_not_share_series():
    other = row("b", 1, 35, where=None, evidence="À Lyon, l'incendie de la Croix-Rousse a fait 35 morts.")
    df = grouped([row("a", 1, 35, where=None), other])
    assert not same(df, ("a", 1), ("b", 1))


def test_articles_published_far_apart_tell_different_stories():
    df = grouped([row("a", 1, 35, published="2025-03-10"), row("b", 1, 35, published="2025-09-10")])
    assert not same(df, ("a", 1), ("b", 1))


def test_different_event_types_are_different_series_except_for_one_percentage():
    df = grouped([row("a", 1, 8, who="personnes", unit="personnes"),
                  row("b", 1, 8, who="personnes", unit="personnes", event_type="wounded")])
    assert not same(df, ("a", 1), ("b", 1))
    share = {"who": "soldats", "unit": "%", "where": None}
    df = grouped([row("a", 1, 50, event_type="casualties", **share), row("b", 1, 50, event_type="deployed", **share)])
    assert same(df, ("a", 1), ("b", 1))


def test_ids_are_content_derived_and_kept_from_previous_ids():
    rows = [row("a", 1, 35), row("b", 1, 39, published="2025-03-12"), row("c", 1, 8, who="disparus",
                                                                            unit="disparus", event_type="missing")]
    first = grouped(rows)
    assert first.series_id.str.fullmatch(r"s[0-9a-f]{12}").all()
    assert first.claim_id.tolist()[0] == first.series_id.tolist()[0] + "-35"
    again = grouped(list(reversed(rows)))
    assert dict(zip(again.article_id, again.series_id, strict=True)) == dict(
        zip(first.article_id, first.series_id, strict=True))
    previous = pd.Series(["s000000000001", "s000000000001", None])
    kept = assign_series(facts_frame(rows), previous=previous)
    assert kept.series_id.tolist()[:2] == ["s000000000001"] * 2


def test_story_pairs_ignore_words_too_common_to_tell_a_story():
    words = {f"a{i}": {"commun", f"propre{i}", f"autre{i}"} for i in range(200)}
    words["x"] = {"chido", "mamoudzou"}
    words["y"] = {"chido", "mamoudzou", "commun"}
    assert story_pairs(words, {}) == {("x", "y")}


def test_tables_have_spec_columns_and_lists(tmp_path):
    df = grouped([row("a", 1, 35, source="préfecture"), row("b", 1, 35, source="=SUM(A1)")])
    claims, series = claims_frame(df), series_frame(df)
    spec_claims = ["claim_id", "series_id", "event_type", "who", "where", "when_start", "when_end", "how_many",
                   "how_many_high", "qualifier", "unit", "n_facts", "n_articles", "sources", "article_ids",
                   "first_published", "last_published"]
    spec_series = ["series_id", "event_type", "who", "where", "when_start", "when_end", "unit", "n_claims",
                   "n_articles", "first_value", "latest_value", "min_value", "max_value", "first_published",
                   "last_published", "status"]
    assert list(claims.columns[: len(spec_claims)]) == spec_claims
    assert list(series.columns[: len(spec_series)]) == spec_series
    write_claims_tables(df, tmp_path, ["csv", "parquet", "jsonl"])
    parquet = pd.read_parquet(tmp_path / "claims.parquet")
    assert list(parquet.sources.iloc[0]) == ["=SUM(A1)", "préfecture"]
    csv = pd.read_csv(tmp_path / "claims.csv")
    assert csv.sources.iloc[0] == "'=SUM(A1); préfecture"
    jsonl = pd.read_json(tmp_path / "claims.jsonl", lines=True)
    assert jsonl.article_ids.iloc[0] == ["a", "b"]
    assert [f.name for f in CLAIMS_SCHEMA][: len(spec_claims)] == spec_claims
    assert pd.read_parquet(tmp_path / "series.parquet").columns.tolist() == [f.name for f in SERIES_SCHEMA]


@pytest.mark.parametrize(
    "gold, pred, expected",
    [
        (["a", "a", "b"], [1, 1, 2], (1.0, 1.0)),
        (["a", "a", "b"], [1, 2, 3], (1.0, 2 / 3)),
        (["a", "b", "c"], [1, 1, 1], (1 / 3, 1.0)),
    ],
)
def test_bcubed(gold, pred, expected):
    s = bcubed(gold, pred)
    assert (s["p"], s["r"]) == (round(expected[0], 4), round(expected[1], 4))


def test_seeds_end_to_end_give_four_series_of_two_articles_and_three_single(shared, nlp):
    from pipeline.evaluation import evaluate

    scores = evaluate(shared / "gold" / "seeds.jsonl", shared / "seeds")
    assert scores["fact_f1"] == 1.0
    assert scores["series"]["f1"] == 1.0 and scores["series"]["gold_series_across_articles"] == 4
    from pipeline import extract

    df = extract([shared / "seeds"])
    series = series_frame(df)
    assert sorted(series.n_articles.tolist()) == [1, 1, 1, 2, 2, 2, 2]
    assert set(series[series.n_articles == 2].status) == {"agreed"}


def test_a_story_of_three_articles_end_to_end(nlp):
    """tests/data/series: a storm's toll over three days ("15 morts, contre 12 la veille"), an evacuation
    figure and an aid figure repeated by two articles, a figure of one article only."""
    from pathlib import Path

    from pipeline import extract

    df = extract([Path(__file__).parent / "data" / "series"], nlp=nlp)
    series = series_frame(df).set_index("series_id")
    toll = series[series.event_type == "killed"].sort_values("n_articles").iloc[-1]
    assert (toll.n_articles, toll.first_value, toll.status) == (3, 12, "updated")
    agreed = series[series.status == "agreed"]
    assert sorted(agreed.max_value.tolist()) == [3000, 20_000_000]
    assert (series.loc[df[df.how_many == 45000].series_id.iloc[0], "status"]) == "single"


def test_a_comparison_figure_joins_a_figure_first_told_in_the_title():
    import pandas as pd

    from pipeline.series import assign_series

    title = "Séisme : le bilan s'alourdit à 64 morts"
    body = "La Protection civile recensait 64 victimes décédées, contre 27 dans son premier bilan."
    rows = [
        dict(article_id="a", fact_id=1, who="morts", event_type="killed", how_many=64.0, unit="morts",
             evidence=title, char_start=0, mention_start=32, published="2026-03-18"),
        dict(article_id="a", fact_id=2, who="victimes", event_type="killed", how_many=27.0, unit="victimes",
             evidence=body, char_start=40, mention_start=40 + body.index("27"), published="2026-03-18"),
    ]
    from pipeline.table import facts_frame

    df = assign_series(facts_frame(pd.DataFrame(rows)))
    assert df["series_id"].nunique() == 1 and df["claim_id"].nunique() == 2


def test_a_figure_left_untyped_joins_its_typed_twin_in_another_article_of_the_story():
    import pandas as pd

    from pipeline.series import assign_series
    from pipeline.table import facts_frame

    rows = [
        dict(article_id="a", fact_id=1, who="exploitations", event_type="affected", how_many=6000.0,
             unit="exploitations", evidence="Près de 6 000 exploitations ont été touchées en Gironde et en Dordogne.",
             char_start=0, mention_start=8, published="2026-07-02"),
        dict(article_id="b", fact_id=1, who="exploitations", event_type="other", how_many=6000.0,
             unit="exploitations",
             evidence="Quelque 6 000 exploitations de Gironde et de Dordogne peuvent en bénéficier.",
             char_start=0, mention_start=8, published="2026-07-09"),
        dict(article_id="b", fact_id=2, who="exploitations", event_type="other", how_many=120.0,
             unit="exploitations", evidence="En Dordogne, 120 exploitations ont déjà déposé un dossier.",
             char_start=0, mention_start=13, published="2026-07-09"),
    ]
    df = assign_series(facts_frame(pd.DataFrame(rows)))
    assert df["series_id"][0] == df["series_id"][1] != df["series_id"][2]


# -- issue 14, recall across articles: cases written for these tests -------------------------------------------


def test_a_toll_typed_otherwise_by_extraction_keeps_the_block_its_counted_noun_names():
    df = grouped([row("a", 1, 23, who="blessés", unit="blessés", event_type="killed", published="2025-03-10"),
                  row("b", 1, 26, who="blessés", unit="blessés", event_type="wounded", published="2025-03-11")])
    assert same(df, ("a", 1), ("b", 1))
    # a noun that names no single toll type ("victimes") leaves the extraction's type alone
    df = grouped([row("a", 1, 23, who="victimes", unit="victimes", event_type="killed"),
                  row("b", 1, 26, who="victimes", unit="victimes", event_type="wounded", published="2025-03-11")])
    assert not same(df, ("a", 1), ("b", 1))


def test_two_figures_set_against_each_other_in_one_sentence_are_rivals_without_sources():
    evidence = "À Mamoudzou, l'armée retient 17 civils tués, tandis que les élus de Chido parlent de 38 morts."
    df = grouped([row("a", 1, 17, who="civils", unit="civils", evidence=evidence),
                  row("a", 2, 38, evidence=evidence)])
    assert same(df, ("a", 1), ("a", 2)) and df.claim_id.nunique() == 2
    # without the marker, two figures of one sentence and no sources are two things
    evidence = "À Mamoudzou, Chido a fait 17 morts samedi et 38 morts dimanche."
    df = grouped([row("a", 1, 17, evidence=evidence), row("a", 2, 38, evidence=evidence)])
    assert not same(df, ("a", 1), ("a", 2))


def test_a_figure_compared_with_another_period_is_another_series():
    evidence = "À Mamoudzou, 2310 cas de dengue en avril, contre 1240 en mars, après le passage de Chido."
    cases = {"who": "cas", "unit": "cas", "event_type": "affected"}
    df = grouped([row("a", 1, 2310, evidence=evidence, when=("2025-04-01", "2025-04-30"), **cases),
                  row("a", 2, 1240, evidence=evidence, when=("2025-03-01", "2025-03-31"), **cases)])
    assert not same(df, ("a", 1), ("a", 2))
    # an earlier toll of the day before stays in the series
    evidence = "À Mamoudzou, Chido a fait 39 morts mardi, contre 35 lundi."
    df = grouped([row("a", 1, 39, evidence=evidence, when=("2025-03-11", "2025-03-11")),
                  row("a", 2, 35, evidence=evidence, when=("2025-03-10", "2025-03-10"))])
    assert same(df, ("a", 1), ("a", 2))


def test_a_part_named_by_the_same_noun_in_two_articles_is_one_series():
    total = row("a", 1, 300, evidence="Le cyclone Chido a fait 300 morts à Mamoudzou, dont 14 enfants.")
    part = row("a", 2, 14, who="enfants", unit="enfants",
               evidence="Le cyclone Chido a fait 300 morts à Mamoudzou, dont 14 enfants.")
    earlier = row("b", 1, 11, who="enfants", unit="enfants", published="2025-03-09",
                  evidence="Parmi les morts de Chido à Mamoudzou figurent 11 enfants.")
    df = grouped([total, part, earlier])
    assert same(df, ("a", 2), ("b", 1)) and not same(df, ("a", 1), ("a", 2))


def test_nouns_that_name_people_without_a_group_agree():
    fled = {"who": "habitants", "unit": "habitants", "event_type": "displaced", "where": "Mamoudzou"}
    df = grouped([row("a", 1, 2000, **fled),
                  row("b", 1, 4500, published="2025-03-12", **(fled | {"who": "personnes", "unit": "personnes"}))])
    assert same(df, ("a", 1), ("b", 1))
    # a specific group is not restated by "personnes"
    df = grouped([row("a", 1, 40, **(fled | {"who": "enfants", "unit": "enfants"})),
                  row("b", 1, 300, published="2025-03-12", **(fled | {"who": "personnes", "unit": "personnes"}))])
    assert not same(df, ("a", 1), ("b", 1))
    # of an untyped figure, "personnes" tells nothing of what is measured
    other = {"who": "personnes", "unit": "personnes", "event_type": "other", "where": None}
    df = grouped([row("a", 1, 1300, **other), row("b", 1, 1100, published="2025-03-12", **other)])
    assert not same(df, ("a", 1), ("b", 1))


def test_one_amount_retold_by_a_story_is_one_claim_whatever_day_each_article_attaches():
    money = {"who": "gouvernement", "unit": "EUR", "event_type": "money", "where": None}
    df = grouped([row("a", 1, 120e6, when=("2025-06-21", "2025-06-22"), **money),
                  row("b", 1, 120e6, published="2025-03-12", when=("2025-07-09", "2025-07-09"),
                      **(money | {"who": "décret"}))])
    assert same(df, ("a", 1), ("b", 1), "claim_id")
    # one amount in two budget years is two figures
    df = grouped([row("a", 1, 120e6, when=("2024-01-01", "2024-12-31"), **money),
                  row("b", 1, 120e6, published="2025-03-12", when=("2025-01-01", "2025-12-31"), **money)])
    assert not same(df, ("a", 1), ("b", 1))
    # a count is not so: two tolls three weeks apart are two events
    df = grouped([row("a", 1, 8, when=("2025-02-14", "2025-02-14")),
                  row("b", 1, 8, published="2025-03-12", when=("2025-03-08", "2025-03-08"))])
    assert not same(df, ("a", 1), ("b", 1))


def test_a_running_total_told_from_one_day_is_one_series_a_month_is_not():
    cases = {"who": "cas", "unit": "cas", "event_type": "affected"}
    # "depuis le début de l'année" read as its first months in one article, to the day in the other
    df = grouped([row("a", 1, 4360, published="2025-09-15", when=("2025-01-01", "2025-04-30"), **cases),
                  row("b", 1, 5100, published="2025-09-21", when=("2025-01-01", "2025-09-21"), **cases),
                  row("c", 1, 640, published="2025-09-15", when=("2025-01-01", "2025-01-31"), **cases)])
    assert same(df, ("a", 1), ("b", 1)) and not same(df, ("a", 1), ("c", 1))


def test_places_one_sentence_names_together_do_not_disagree():
    df = grouped([row("a", 1, 900, who="personnes", unit="personnes", event_type="displaced", where="Llauro",
                      evidence="Chido : 900 personnes évacuées des hameaux de Caixas et de Llauro."),
                  row("b", 1, 1100, who="habitants", unit="habitants", event_type="displaced", where="Caixas",
                      published="2025-03-11",
                      evidence="Chido : les 1100 habitants évacués de Caixas, Llauro et Montauriol rentrent.")])
    assert same(df, ("a", 1), ("b", 1))
    df = grouped([row("a", 1, 900, who="personnes", unit="personnes", event_type="displaced", where="Llauro",
                      evidence="Chido : 900 personnes évacuées à Llauro."),
                  row("b", 1, 1100, who="habitants", unit="habitants", event_type="displaced", where="Caixas",
                      published="2025-03-11", evidence="Chido : les 1100 habitants évacués de Caixas et de Llauro.")])
    assert not same(df, ("a", 1), ("b", 1))


def test_a_compound_head_holds_its_parts_and_an_actor_is_no_modifier():
    df = grouped([row("a", 1, 450, who="pompiers", unit="pompiers", event_type="deployed"),
                  row("b", 1, 600, who="sapeurs-pompiers", unit="sapeurs-pompiers", event_type="deployed",
                      published="2025-03-11")])
    assert same(df, ("a", 1), ("b", 1))
    burned = {"unit": "hectares", "event_type": "other", "where": None}
    df = grouped([row("a", 1, 1200, who="garrigue et vignes", **burned),
                  row("b", 1, 2800, who="feu", published="2025-03-11", **burned)])
    assert same(df, ("a", 1), ("b", 1))
    # two kinds of the counted thing still disagree
    df = grouped([row("a", 1, 1200, who="hectares de vignes", **burned),
                  row("b", 1, 2800, who="hectares de forêt", published="2025-03-11", **burned)])
    assert not same(df, ("a", 1), ("b", 1))


def test_shared_figures_tell_a_story_only_when_precise_or_with_a_name():
    # "4360" with one shared name, three weeks apart
    a = row("a", 1, 4360, who="cas", unit="cas", event_type="affected", where=None, published="2025-04-10",
            evidence="Selon l'ARS de Bourbon, 4360 cas ont été confirmés.")
    b = row("b", 1, 4360, who="cas", unit="cas", event_type="affected", where=None, published="2025-05-01",
            evidence="Le bulletin de l'ARS compte 4360 cas confirmés.")
    assert story_pairs({"a": {"ars", "##count=4360"}, "b": {"ars", "##count=4360"}},
                       {"a": (1, 1), "b": (22, 22)}) == {("a", "b")}
    assert same(grouped([a, b]), ("a", 1), ("b", 1))
    # a name and a figure of two significant digits, or one such figure two days apart, tell none
    assert story_pairs({"a": {"ars", "#count=35"}, "b": {"ars", "#count=35"}}, {"a": (1, 1), "b": (22, 22)}) == set()
    assert story_pairs({"a": {"#count=35"}, "b": {"#count=35"}}, {"a": (1, 1), "b": (3, 3)}) == set()
    assert story_pairs({"a": {"#count=35", "#count=26"}, "b": {"#count=35", "#count=26"}},
                       {"a": (1, 1), "b": (3, 3)}) == {("a", "b")}


# -- issue 14, the held-out check of stories s11-s12: cases written for these tests ------------------------------


def test_two_shares_of_the_same_whole_are_one_figure_whatever_who_extraction_read():
    a = row("a", 1, 40, who="site", unit="%", event_type="other", where="Vierzon", published="2026-11-24",
            evidence="Le groupe Valmerin supprime à Vierzon des postes, soit 40 % des effectifs du site.")
    b = row("b", 1, 40, who="effectifs", unit="%", event_type="other", where="Vierzon", published="2026-12-04",
            evidence="Le plan de Valmerin à Vierzon prévoit des suppressions, soit 40 % des effectifs.")
    assert same(grouped([a, b], vectors=False), ("a", 1), ("b", 1))
    # a share of another whole is another figure
    c = placed(b, who="commandes", evidence="Chez Valmerin à Vierzon, les commandes ont chuté de 40 % des volumes.")
    assert not same(grouped([a, c], vectors=False), ("a", 1), ("b", 1))


def test_a_figure_retold_joins_the_figure_compared_with_it_whatever_group_each_names():
    first = row("a", 1, 20000, who="salariés licenciés", unit="EUR", event_type="money", where=None,
                published="2026-11-24",
                evidence="Chez Valmerin à Vierzon, les salariés licenciés recevront une prime de 20000 euros.")
    sentence = "À Vierzon, Valmerin a porté la prime de départ à 28000 euros, contre 20000 euros annoncés mardi."
    raised = row("b", 1, 28000, who="prime de départ", unit="EUR", event_type="money", where=None,
                 published="2026-12-04", evidence=sentence)
    compared = row("b", 2, 20000, who="prime", unit="EUR", event_type="money", where=None,
                   published="2026-12-04", evidence=sentence)
    compared["mention_start"] = 100 + sentence.find("20000")
    df = grouped([first, raised, compared], vectors=False)
    assert same(df, ("a", 1), ("b", 1)) and same(df, ("a", 1), ("b", 2), "claim_id")
    assert list(status_of(df).values()) == ["updated"]
    # without the comparison, two amounts of two holders stay apart
    plain = row("b", 1, 28000, who="syndicat", unit="EUR", event_type="money", where=None, published="2026-12-04",
                evidence="À Vierzon, le syndicat de Valmerin réclame 28000 euros par salarié.")
    assert not same(grouped([first, plain], vectors=False), ("a", 1), ("b", 1))


def test_a_part_named_by_its_own_place_is_that_place_figure():
    sentence = "Quelque 1400 personnes ont été évacuées dans le département, dont 850 à Alès, selon la préfecture."
    total = row("a", 1, 1400, who="personnes", unit="personnes", event_type="displaced", where="Alès",
                published="2026-10-18", evidence=sentence)
    part = row("a", 2, 850, who="personnes", unit="personnes", event_type="displaced", where="Alès",
               published="2026-10-18", evidence=sentence)
    town = row("b", 1, 1000, who="habitants", unit="habitants", event_type="displaced", where="Alès",
               published="2026-10-19", evidence="La mairie d'Alès compte 1000 habitants évacués après les crues.")
    df = grouped([total, part, town], vectors=False)
    assert same(df, ("a", 2), ("b", 1)) and not same(df, ("a", 1), ("b", 1))
    # a total with no place read at all keeps its part: "dont 850 à Alès" may be a group of Alès' own toll
    unplaced = placed(total, where=None, evidence="Quelque 1400 personnes ont été évacuées, dont 850 à Alès.")
    part_of_unplaced = placed(part, evidence=unplaced["evidence"])
    df = grouped([unplaced, part_of_unplaced, town], vectors=False)
    assert not same(df, ("a", 2), ("b", 1))
    # a total whose place is named before its part keeps it: another place's figure stays apart
    sentence = "À Alès, 1200 interventions ont eu lieu, dont 180 sauvetages, selon le Sdis du Gard."
    df = grouped([row("a", 1, 1200, who="interventions", unit="interventions", event_type="other", where="Alès",
                      published="2026-10-18", evidence=sentence),
                  row("a", 2, 180, who="sauvetages", unit="sauvetages", event_type="other", where="Alès",
                      published="2026-10-18", evidence=sentence),
                  row("b", 1, 2600, who="interventions", unit="interventions", event_type="other", where="Nîmes",
                      published="2026-10-19", evidence="Le Sdis du Gard a mené 2600 interventions à Nîmes.")],
                 vectors=False)
    assert not same(df, ("a", 1), ("b", 1))


def test_a_figure_of_a_period_long_past_is_not_an_undated_figure_of_the_report():
    old = row("a", 1, 150, who="postes", unit="postes", event_type="other", where="Vierzon", published="2026-11-24",
              when=("2019-01-01", "2019-12-31"), evidence="En 2019, Valmerin avait supprimé 150 postes à Vierzon.")
    now = row("b", 1, 70, who="postes", unit="postes", event_type="other", where=None, published="2026-11-26",
              evidence="Le syndicat de Valmerin à Vierzon ajoute 70 postes non renouvelés.")
    assert not same(grouped([old, now], vectors=False), ("a", 1), ("b", 1))
    # a figure dated within the story still joins an undated update
    recent = placed(old, how_many=240, when_start="2026-11-24", when_end="2026-11-24",
                    evidence="Mardi, Valmerin a annoncé 240 postes supprimés à Vierzon.")
    assert same(grouped([recent, now], vectors=False), ("a", 1), ("b", 1))


def test_an_untyped_count_of_a_specific_noun_takes_the_type_the_story_gives_that_noun():
    a = row("a", 1, 180, who="sauvetages", unit="sauvetages", event_type="other", where=None, published="2026-10-18",
            evidence="Dans le Gard, les pompiers du Sdis ont effectué 180 sauvetages.")
    b = row("b", 1, 310, who="sauvetages", unit="sauvetages", event_type="displaced", where=None,
            published="2026-10-19", evidence="Dans le Gard, le Sdis a mené 310 sauvetages.")
    assert same(grouped([a, b], vectors=False), ("a", 1), ("b", 1))
    # a noun that names people without a group tells nothing of what an untyped figure measures
    a2 = placed(a, who="personnes", unit="personnes", evidence="Dans le Gard, le Sdis a aidé 180 personnes.")
    b2 = placed(b, who="personnes", unit="personnes", evidence="Dans le Gard, le Sdis a évacué 310 personnes.")
    assert not same(grouped([a2, b2], vectors=False), ("a", 1), ("b", 1))


def test_a_precise_figure_with_a_name_too_common_to_find_stories_still_tells_one():
    words = {f"n{i}": {"ars", f"propre{i}"} for i in range(10)}
    words["x"] = {"ars", "##count=1240"}
    words["y"] = {"ars", "##count=1240"}
    days = {k: (1, 1) for k in words} | {"x": (1, 1), "y": (30, 30)}
    assert story_pairs(words, days) == {("x", "y")}
    # without a precise figure, the common name alone tells nothing
    words["x"], words["y"] = {"ars", "#count=35"}, {"ars", "#count=35"}
    assert story_pairs(words, days) == set()


# -- issue 14, robustness to extraction errors on unseen stories: cases written for these tests ------------------


def test_two_close_reports_sharing_one_figure_tell_one_story_through_a_third():
    # x and y share one figure only ("26"), two days apart; each tells the story with z (two names)
    words = {"x": {"#count=26", "badar", "lozer"}, "y": {"#count=26", "tarn", "mende"},
             "z": {"badar", "lozer", "mende", "tarn", "#count=23"}}
    days = {"x": (10, 10), "y": (12, 12), "z": (9, 9)}
    assert ("x", "y") in story_pairs(words, days)
    # without the third report, one shared figure is not enough
    assert story_pairs({k: words[k] for k in ("x", "y")}, days) == set()
    # nor is the third report for two reports published weeks apart
    assert ("x", "y") not in story_pairs(words, {"x": (10, 10), "y": (30, 30), "z": (20, 20)})


def test_an_actor_read_for_a_left_out_noun_counts_what_the_figure_before_it_counts():
    sentence = "La mairie d'Ardoise compte 1000 habitants évacués, la préfecture s'en tient à 850."
    town = row("a", 1, 1000, who="habitants", unit="habitants", event_type="displaced", where="Ardoise",
               published="2026-10-19", evidence=sentence)
    actor = row("a", 2, 850, who="préfecture", unit="préfecture", event_type="other", where="Ardoise",
                published="2026-10-19", evidence=sentence)
    wire = row("b", 1, 850, who="personnes", unit="personnes", event_type="displaced", where="Ardoise",
               published="2026-10-18", source="préfecture",
               evidence="Dans la commune d'Ardoise, 850 personnes ont été évacuées, selon la préfecture du Gardon.")
    df = grouped([town, actor, wire], vectors=False)
    # the préfecture's 850 is the wire's 850, and a rival figure of the mairie's 1000 in one sentence
    assert same(df, ("a", 2), ("b", 1), "claim_id") and same(df, ("a", 1), ("b", 1))
    # a count whose unit is written after it keeps it, even an institution's word ("14 préfectures")
    written = row("a", 2, 14, who="préfectures", unit="préfectures", event_type="other", where="Ardoise",
                  published="2026-10-19", evidence="Ailleurs, 14 préfectures ont déclenché l'alerte à Ardoise.")
    assert not same(grouped([town, written, wire], vectors=False), ("a", 2), ("b", 1))
    # after a holder's figure, the actor is another holder: "la liste Vernet 2915" is no rival of the 7450
    votes = "À Ardoise, la liste Dufour obtient 7450 voix, la liste Vernet 2915."
    first = row("a", 1, 7450, who="liste Dufour", unit="voix", event_type="other", where="Ardoise",
                published="2026-06-22", evidence=votes)
    second = row("a", 2, 2915, who="liste Vernet", unit="Vernet", event_type="other", where="Ardoise",
                 published="2026-06-22", evidence=votes)
    assert not same(grouped([first, second], vectors=False), ("a", 1), ("a", 2))
    # an actor that is the figure before's own ("Le Feu de Brasse a brûlé 8640 hectares et 1200 ont dû partir"):
    # the noun left out is unknown; no later comparison ("contre 7100 hectares") takes that figure for its own
    fire = "Le Feu de Brasse a brûlé 8640 hectares et 1200 ont dû quitter leur maison."
    burned = row("a", 1, 8640, who="Feu de Brasse", unit="hectares", event_type="other", where=None,
                 published="2026-08-20", evidence=fire)
    left = row("a", 2, 1200, who="Feu de Brasse", unit="Feu", event_type="other", where=None,
               published="2026-08-20", evidence=fire)
    morning = row("a", 3, 7100, who="hectares", unit="hectares", event_type="other", where=None,
                  published="2026-08-20", evidence="La surface atteint un record, contre 7100 hectares ce matin.")
    morning = placed(morning, char_start=300)
    df = grouped([burned, left, morning], vectors=False)
    assert not same(df, ("a", 2), ("a", 3)) and not same(df, ("a", 1), ("a", 2))


def test_one_figure_named_by_two_nouns_is_one_claim_when_the_words_after_it_agree():
    a = row("a", 1, 240, who="suppressions", unit="suppressions", event_type="other", where="Vierzon",
            published="2026-12-04", evidence="Le plan de Valmerin prévoit 240 suppressions de postes à Vierzon.")
    b = row("b", 1, 240, who="postes", unit="postes", event_type="other", where="Vierzon",
            published="2026-11-24", evidence="À Vierzon, Valmerin supprime 240 postes.")
    assert same(grouped([a, b], vectors=False), ("a", 1), ("b", 1))
    # another noun after the figure is another thing
    c = placed(b, who="véhicules", unit="véhicules", evidence="À Vierzon, Valmerin produit 240 véhicules.")
    assert not same(grouped([a, c], vectors=False), ("a", 1), ("b", 1))


def test_a_live_blog_tells_one_toll_again_entry_after_entry():
    first = row("a", 1, 12, where=None, evidence="12 h 15 – Premier bilan : au moins 12 morts à Mogadiscio.")
    later = row("a", 2, 27, where=None, evidence="14 h 32 – Nouveau bilan de l'attentat de Mogadiscio : 27 morts.")
    later = placed(later, char_start=400)
    assert same(grouped([first, later], vectors=False), ("a", 1), ("a", 2))
    # the same two sentences in an article that is no live blog: two figures of one article stay apart
    plain = [dict(first, evidence=first["evidence"][8:]), dict(later, evidence=later["evidence"][8:])]
    plain[0]["mention_start"] -= 8
    plain[1]["mention_start"] -= 8
    assert not same(grouped(plain, vectors=False), ("a", 1), ("a", 2))
    # in a live blog, a part stays apart from its total
    part = row("a", 3, 9, who="enfants", unit="enfants", where=None,
               evidence="15 h 10 – Le bilan de Mogadiscio atteint 27 morts, dont 9 enfants.")
    part = placed(part, figure="9 enfants", char_start=600)
    assert not same(grouped([first, later, part], vectors=False), ("a", 2), ("a", 3))


def test_a_running_total_told_up_to_its_report_joins_the_same_total_told_as_of_a_day():
    since = row("a", 1, 4360, who="cas", unit="cas", event_type="affected", where="Bourbon", published="2026-05-05",
                when=("2026-01-01", "2026-05-05"),
                evidence="Depuis le 1er janvier, 4360 cas de dengue ont été confirmés à Bourbon et à Saint-Pierre.")
    as_of = row("b", 1, 4800, who="cas", unit="cas", event_type="affected", where="Bourbon", published="2026-05-20",
                when=("2026-05-18", "2026-05-18"),
                evidence="Au 18 mai, la dengue avait fait 4800 cas à Bourbon, dont Saint-Pierre, selon l'ARS.")
    assert same(grouped([since, as_of], vectors=False), ("a", 1), ("b", 1))
    # a period that ended long before its report is no running total: a day is another reference
    past = dict(since, when_start="2026-01-01", when_end="2026-03-31")
    assert not same(grouped([past, as_of], vectors=False), ("a", 1), ("b", 1))


def test_two_places_one_sentence_names_together_are_one_event_at_two_scales():
    direct = row("a", 1, 1, who="mort", unit="mort", where="Lozère", published="2026-02-13",
                 evidence="Accident de car en Lozère : un mort et des blessés sur la RN 88 près de Badaroux.")
    direct = placed(direct, figure="un mort")
    daily = row("b", 1, 2, who="morts", unit="morts", where="RN 88", published="2026-02-14",
                evidence="Le bilan de l'accident de la RN 88 à Badaroux passe à 2 morts.")
    assert same(grouped([direct, daily], vectors=False), ("a", 1), ("b", 1))
    # a sentence that gives each place its own figure names two places, not one at two scales
    both = "Accident de car : 1 mort en Lozère et 3 morts sur la RN 88."
    split = [row("a", 1, 1, who="mort", unit="mort", where="Lozère", published="2026-02-13", evidence=both),
             row("a", 2, 3, who="morts", unit="morts", where="RN 88", published="2026-02-13", evidence=both)]
    split[1] = placed(split[1], figure="3 morts")
    assert not same(grouped([*split, daily], vectors=False), ("a", 1), ("b", 1))


def test_a_short_noun_and_its_plural_are_one_group():
    one = row("a", 1, 1, who="élu", unit="élu", event_type="other", where="Ardoise", published="2026-06-01",
              evidence="À Ardoise, le conseil compte 1 élu écologiste.")
    three = row("b", 1, 3, who="élus", unit="élus", event_type="other", where="Ardoise", published="2026-06-03",
                evidence="Le conseil d'Ardoise compte désormais 3 élus écologistes.")
    assert same(grouped([one, three], vectors=False), ("a", 1), ("b", 1))


def test_an_event_noun_counts_the_noun_after_it():
    cuts = row("a", 1, 240, who="suppressions", unit="suppressions", event_type="other", where="Vierzon",
               published="2026-11-24", evidence="À Vierzon, Valmerin annonce 240 suppressions de postes.")
    rival = row("b", 1, 310, who="postes", unit="postes", event_type="other", where="Vierzon",
                published="2026-11-26", evidence="À Vierzon, la CGT de Valmerin compte 310 postes menacés.")
    assert same(grouped([cuts, rival], vectors=False), ("a", 1), ("b", 1))
    # a noun that names no event ("enfants") counts its own group, not the noun after it
    children = placed(cuts, who="enfants", unit="enfants",
                      evidence="À Vierzon, Valmerin compte 240 enfants de salariés.")
    staff = dict(rival, who="salariés", unit="salariés",
                 evidence="À Vierzon, la CGT de Valmerin compte 310 salariés menacés.")
    assert not same(grouped([children, staff], vectors=False), ("a", 1), ("b", 1))


def test_english_days_and_months_name_no_story():
    a = row("a", 1, 12, who="people", unit="people", where=None, published="2026-03-16",
            evidence="The blast killed 12 people on Monday, 16 March, officials said.")
    b = row("b", 1, 12, who="people", unit="people", where=None, published="2026-04-06",
            evidence="The ferry sank on Monday in March and 12 people died, the coastguard said.")
    df = grouped([dict(a, lang="en"), dict(b, lang="en")], lang="en", vectors=False)
    assert not same(df, ("a", 1), ("b", 1))
    # a name the two reports share still tells one story
    b2 = dict(b, evidence="The Boyaca blast on Monday in March killed 12 people in Sutatausa, the agency said.")
    b2["mention_start"] = 100 + b2["evidence"].find("12")
    a2 = dict(a, evidence="The Boyaca blast killed 12 people in Sutatausa on Monday, 16 March.")
    a2["mention_start"] = 100 + a2["evidence"].find("12")
    df = grouped([dict(a2, lang="en"), dict(b2, lang="en")], lang="en", vectors=False)
    assert same(df, ("a", 1), ("b", 1))


# -- issue 14, the ninth session: recall across outlets, and the labels of live blogs -----------------------------


def test_the_label_of_a_live_blog_names_no_story():
    crash = row("a", 1, 23, who="blessés", unit="blessés", event_type="wounded", where=None, published="2026-02-13",
                evidence="EN DIRECT – Accident de car à Florac : un mort et 23 blessés sur la route.")
    fire = row("b", 1, 5, who="blessés", unit="blessés", event_type="wounded", where=None, published="2026-02-10",
               evidence="EN DIRECT – Incendie d'un immeuble de Quimper : 5 blessés légers.")
    assert not same(grouped([crash, fire], vectors=False), ("a", 1), ("b", 1))
    # the same two live blogs of one story (one name besides the label) still tell it
    later = placed(fire, evidence="EN DIRECT – Accident de car à Florac : le bilan passe à 5 blessés graves.")
    assert same(grouped([crash, later], vectors=False), ("a", 1), ("b", 1))


def test_the_first_word_of_a_title_its_article_writes_in_lower_case_is_no_place():
    title = row("a", 1, 9, who="personnes", unit="personnes", where="Avalanche", published="2026-02-10",
                evidence="Avalanche en Savoie : 9 personnes ont péri, selon la préfecture.")
    body = row("a", 2, 40, who="habitants", unit="habitants", event_type="displaced", where=None,
               published="2026-02-10", evidence="Après l'avalanche de Savoie, 40 habitants restent évacués.")
    wire = row("b", 1, 6, who="morts", unit="morts", where="Villards", published="2026-02-08",
               evidence="Dans la vallée des Villards en Savoie, l'avalanche a fait 6 morts.")
    assert same(grouped([title, body, wire], vectors=False), ("a", 1), ("b", 1))
    # a title's place is a place: the article never writes it in lower case
    town = placed(title, where="Modane", evidence="Modane : 9 personnes ont péri en Savoie, selon la préfecture.")
    assert not same(grouped([town, body, wire], vectors=False), ("a", 1), ("b", 1))


def test_a_toll_read_as_casualties_or_affected_joins_its_twin_toll_of_another_article():
    victims = row("a", 1, 6, who="victimes", unit="victimes", event_type="casualties", published="2026-02-08",
                  evidence="À Mamoudzou, le bilan du cyclone Chido s'alourdit à 6 victimes.")
    dead = row("b", 1, 6, who="morts", unit="morts", published="2026-02-09")
    later = row("c", 1, 9, who="morts", unit="morts", published="2026-02-10")
    df = grouped([victims, dead, later], vectors=False)
    assert same(df, ("a", 1), ("b", 1)) and same(df, ("a", 1), ("c", 1))
    # without a twin of the same value, the casualties stay a figure of their own
    assert not same(grouped([victims, later], vectors=False), ("a", 1), ("c", 1))
    # a count typed affected joins a twin of the toll type its noun names, not another
    kept = row("a", 2, 5, who="blessés", unit="blessés", event_type="affected", published="2026-02-08",
               evidence="À Mamoudzou, les 5 blessés du cyclone Chido restent hospitalisés.")
    wounded = row("b", 2, 5, who="blessés", unit="blessés", event_type="wounded", published="2026-02-09")
    missing = row("b", 2, 5, who="personnes", unit="personnes", event_type="missing", published="2026-02-09")
    assert same(grouped([kept, wounded], vectors=False), ("a", 2), ("b", 2))
    assert not same(grouped([kept, missing], vectors=False), ("a", 2), ("b", 2))


def test_figures_one_sentence_sets_against_each_other_join_their_retellings_at_two_places():
    village = row("a", 1, 38, who="civils", unit="civils", where="Beni", published="2026-05-09",
                  evidence="Au moins 38 civils ont été tués par les ADF à Mayi-Moya, près de Beni.")
    province = row("b", 1, 17, who="morts", unit="morts", where="Kivu", published="2026-05-09",
                   evidence="Après l'attaque des ADF à Mayi-Moya, l'armée du Kivu annonce 17 morts.")
    sentence = ("Après l'attaque des ADF à Mayi-Moya, l'armée maintient un bilan de 17 civils tués, tandis que la "
                "société civile parle de 38 morts.")
    army = row("c", 1, 17, who="civils", unit="civils", where=None, published="2026-05-11", evidence=sentence)
    society = placed(row("c", 2, 38, who="morts", unit="morts", where=None, published="2026-05-11",
                         evidence=sentence), figure="38 morts")
    df = grouped([village, province, army, society], vectors=False)
    assert same(df, ("a", 1), ("b", 1)) and same(df, ("a", 1), ("c", 1))
    # two figures one sentence only lists are not set against each other: the two places stay apart
    listed = sentence.replace(", tandis que la société civile parle de", " et")
    df = grouped([village, province, placed(army, evidence=listed), placed(society, evidence=listed,
                                                                            figure="38 morts")], vectors=False)
    assert not same(df, ("a", 1), ("b", 1))


def test_two_nouns_of_one_group_in_the_pack_name_one_group():
    soldiers = row("a", 1, 1200, who="soldats", unit="soldats", event_type="deployed", where="Koursk",
                   published="2026-03-10", evidence="Pyongyang a envoyé 1200 soldats dans la région de Koursk.")
    troops = row("b", 1, 1500, who="troupes", unit="troupes", event_type="deployed", where="Koursk",
                 published="2026-03-12", evidence="Selon Kiev, 1500 troupes de Pyongyang sont arrivées à Koursk.")
    assert same(grouped([soldiers, troops], vectors=False), ("a", 1), ("b", 1))
    # a noun of no shared set still names another group
    sappers = placed(troops, who="démineurs", unit="démineurs",
                     evidence="Selon Kiev, 1500 démineurs de Pyongyang sont arrivés à Koursk.")
    assert not same(grouped([soldiers, sappers], vectors=False), ("a", 1), ("b", 1))
    # one writer's two nouns are two groups; an untyped figure's noun is all that tells what it counts
    both = placed(troops, article_id="a", fact_id=2, published="2026-03-10", source="Kiev",
                  evidence="Selon Kiev, 1500 troupes de Pyongyang sont arrivées à Koursk.", char_start=400)
    assert not same(grouped([soldiers, both], vectors=False), ("a", 1), ("a", 2))
    jobs = dict(soldiers, event_type="other", who="emplois", unit="emplois",
                evidence="Pyongyang supprime 1200 emplois dans la région de Koursk.")
    posts = dict(troops, event_type="other", who="postes", unit="postes",
                 evidence="Selon Kiev, 1500 postes de Pyongyang sont menacés à Koursk.")
    assert not same(grouped([placed(jobs), placed(posts)], vectors=False), ("a", 1), ("b", 1))



def test_a_noun_that_only_begins_like_a_noun_of_a_set_is_no_noun_of_it():
    soldiers = row("b", 1, 15, who="soldats", unit="soldats", event_type="killed", where="Kidal",
                   published="2025-06-17", when=("2025-06-15", "2025-06-15"),
                   evidence="Au moins 15 soldats ont été tués dimanche dans une embuscade près de Kidal.")
    militants = row("a", 1, 12, who="militants", unit="militants", event_type="killed", where="Kidal",
                    published="2025-06-16", when=("2025-06-15", "2025-06-15"),
                    evidence="Au moins 12 militants ont été tués dimanche dans une embuscade près de Kidal.")
    # "militants" is cut like "militaires", a noun of the soldiers' set: whole words tell them apart
    assert not same(grouped([militants, soldiers], vectors=False), ("a", 1), ("b", 1))
    troops = placed(militants, who="militaires", unit="militaires",
                    evidence="Au moins 12 militaires ont été tués dimanche dans une embuscade près de Kidal.")
    assert same(grouped([troops, soldiers], vectors=False), ("a", 1), ("b", 1))


def test_one_running_total_told_by_two_reports_up_to_each_day_is_one_series():
    first = row("a", 1, 12, who="foyers", unit="foyers", event_type="affected", where="Landes", published="2026-12-01",
                when=("2026-11-15", "2026-12-01"),
                evidence="Dans les Landes, la grippe aviaire compte 12 foyers à Hagetmau depuis le 15 novembre.")
    later = row("b", 1, 40, who="foyers", unit="foyers", event_type="affected", where="Landes", published="2027-01-10",
                when=("2026-11-15", "2027-01-10"),
                evidence="La grippe aviaire a touché 40 foyers à Hagetmau et dans les Landes depuis le 15 novembre.")
    assert same(grouped([first, later], vectors=False), ("a", 1), ("b", 1))
    # a month and two months from one day are two periods, not a total told as of two reports
    month = placed(first, when_start="2026-11-01", when_end="2026-11-30")
    months = placed(later, when_start="2026-11-01", when_end="2026-12-31")
    assert not same(grouped([month, months], vectors=False), ("a", 1), ("b", 1))


def test_the_subject_a_title_opens_with_is_no_noun_of_its_figure():
    title = row("a", 1, 64, who="Intoxication à la cantine de Carpentras", unit="intoxication", event_type="other",
                where="Carpentras", published="2026-06-03",
                evidence="DIRECT. Intoxication à la cantine de Carpentras : le bilan passe à 64")
    wire = row("b", 1, 64, who="élèves", unit="élèves", event_type="affected", where="Carpentras",
               published="2026-06-03", evidence="À Carpentras, 64 élèves de la cantine sont tombés malades.")
    assert same(grouped([title, wire], vectors=False), ("a", 1), ("b", 1))
    # a noun written after the figure is its noun, title or not
    fumes = placed(title, who="enseignants", unit="enseignants",
                   evidence="Intoxication à la cantine de Carpentras : 64 enseignants évacués")
    assert not same(grouped([fumes, wire], vectors=False), ("a", 1), ("b", 1))


def test_a_toll_whose_who_is_the_word_its_title_opens_with_names_no_group():
    title = row("a", 1, 38, who="Séisme", unit="morts", where=None, published="2026-05-09",
                evidence="Séisme : au moins 38 morts à Béjaïa, selon la protection civile")
    wire = row("b", 1, 45, who="habitants", unit="morts", where=None, published="2026-05-10",
               evidence="Le séisme de Béjaïa a fait 45 morts parmi les habitants, selon la protection civile.")
    assert same(grouped([title, wire], vectors=False), ("a", 1), ("b", 1))
    # a group the sentence names beside the toll is a group
    soldiers = placed(title, who="militaires", evidence="Au moins 38 morts parmi les militaires à Béjaïa : séisme")
    assert not same(grouped([soldiers, wire], vectors=False), ("a", 1), ("b", 1))


def test_a_figure_over_100_read_as_a_percentage_without_a_percent_word_counts():
    sentence = "Le plan de Valmerin prévoit 240 suppressions à Vierzon, soit 40 % des effectifs, et 520 en France."
    share = row("a", 1, 520, who="effectifs", unit="%", event_type="other", where="France", published="2026-12-04",
                evidence=sentence)
    share = placed(share, figure="520")
    cut = row("b", 1, 520, who="effectifs", unit=None, event_type="other", where="France", published="2026-11-24",
              evidence="Au total, Valmerin réduira ses effectifs de 520 en France, dont 240 à Vierzon.")
    assert same(grouped([share, cut], vectors=False), ("a", 1), ("b", 1))
    # a percentage written with its sign stays one
    rate = placed(share, evidence=sentence.replace("et 520 en France", "et 520 % en France"))
    assert not same(grouped([rate, cut], vectors=False), ("a", 1), ("b", 1))


# -- issue 14, the tenth session: compared figures (CONVENTIONS-10 rule 1), anchors told elsewhere, pronouns ------


def _pair(evidence: str, first: float, second: float, lang: str = "fr", **kind) -> pd.DataFrame:
    """Two figures of one sentence, the second compared with the first; neither dated (no date read)."""
    rows = [row("a", 1, first, evidence=evidence, where=None, **kind),
            placed(row("a", 2, second, evidence=evidence, where=None, **kind), figure=f" {second:g}")]
    rows[1]["mention_start"] += 1
    rows[1]["mention_end"] = rows[1]["mention_start"] + len(f"{second:g}")
    assert all(evidence[r["mention_start"] - 100:].startswith(f"{r['how_many']:g}") for r in rows)
    if lang != "fr":
        rows = [dict(r, lang=lang) for r in rows]
    return grouped(rows, lang=lang, vectors=False)


@pytest.mark.parametrize("lang, evidence, first, second, one_series", [
    # the earlier state of the same running count joins the series
    ("fr", "À Brévignac, la crue a fait 39 morts, contre 35 auparavant.", 39, 35, True),
    ("fr", "À Brévignac, la crue a fait 39 morts, contre 35 la veille.", 39, 35, True),
    ("fr", "À Brévignac, la crue a fait 39 morts, contre 35 dans son premier bilan.", 39, 35, True),
    ("en", "The Brevignac flood has killed 39 people, up from 35 in the previous toll.", 39, 35, True),
    ("en", "The Brevignac flood has killed 39 people, up from 35 a day earlier.", 39, 35, True),
    # an earlier word that times the figure within the period, not next to the period's noun
    ("fr", "À Brévignac, la crue a fait 39 morts, contre 20 plus tôt dans la journée.", 39, 20, True),
    # a figure of another reference period or another occurrence is another series, dated or not
    ("fr", "À Brévignac, la crue a fait 39 morts, contre 35 l'an dernier.", 39, 35, False),
    ("fr", "À Brévignac, la marche a réuni 9800 manifestants, contre 9100 lors de la précédente journée de grève.",
     9800, 9100, False),
    ("fr", "À Brévignac, la liste a obtenu 3120 voix, contre 2890 au premier tour.", 3120, 2890, False),
    ("fr", "À Brévignac, le festival a compté 41200 festivaliers, contre 38500 un an plus tôt.", 41200, 38500, False),
    ("en", "The Brevignac festival drew 41200 visitors, up from 38500 a year earlier.", 41200, 38500, False),
    ("en", "The Brevignac festival drew 41200 visitors, compared with 38500 last year.", 41200, 38500, False),
    ("fr", "À Brévignac, le festival a compté 41200 festivaliers, contre 38500 il y a deux ans.", 41200, 38500, False),
])
def test_a_compared_figure_joins_the_series_only_as_an_earlier_state_of_the_same_count(
        lang, evidence, first, second, one_series):
    df = _pair(evidence, first, second, lang)
    assert same(df, ("a", 1), ("a", 2)) is one_series


@pytest.mark.parametrize("lang, evidence, first, second, one_series", [
    # another holder, another place, a wider place: another series
    ("fr", "À Brévignac, Nadine Forel a recueilli 4127 voix, contre 3689 pour le maire sortant.", 4127, 3689, False),
    ("fr", "À Brévignac, le taux atteint 12 %, contre 9 % en Bretagne.", 12, 9, False),
    ("fr", "À Brévignac, le taux atteint 12 %, contre 9 % au niveau national.", 12, 9, False),
    ("en", "In Brevignac the rate reached 20 per cent, compared with 8 per cent across the region.", 20, 8, False),
    # a rate's denominator names no holder, a month no place: the earlier state of the same count
    ("fr", "À Brévignac, le taux atteint 35 décès pour 100000, contre 21 pour 100000 auparavant.", 35, 21, True),
    ("fr", "À Brévignac, le taux atteint 12 %, contre 9 % auparavant.", 12, 9, True),
    ("en", "In Brevignac the waiting list reached 14260, up from 11900 in January.", 14260, 11900, True),
    # "pour" opening the count itself, an earlier state of the toll, names no holder (review of session 10)
    ("fr", "À Brévignac, la crue a fait 39 morts, contre 35 pour le bilan de la veille.", 39, 35, True),
    ("fr", "À Brévignac, la crue a fait 39 morts, contre 35 pour le précédent bilan.", 39, 35, True),
    ("fr", "À Brévignac, l'incendie a fait 17 blessés, contre 12 pour le décompte du matin.", 17, 12, True),
    # controls: a holder after "pour"
    ("fr", "À Brévignac, la crue a fait 39 morts, contre 35 pour la commune voisine.", 39, 35, False),
    ("fr", "À Brévignac, la liste a obtenu 3120 voix, contre 2890 pour la liste sortante.", 3120, 2890, False),
])
def test_a_compared_figure_of_another_holder_or_place_is_another_series(lang, evidence, first, second, one_series):
    df = _pair(evidence, first, second, lang)
    assert same(df, ("a", 1), ("a", 2)) is one_series


def test_a_compared_figure_whose_figure_was_first_told_in_the_title_finds_it_past_a_part():
    title = row("a", 1, 21, who="blessés", unit="blessés", event_type="wounded", where="Salvèze",
                evidence="Salvèze : au lendemain de l'incendie, le bilan passe à 21 blessés")
    body = ("Le bilan de l'incendie de l'usine de Salvèze s'établit désormais à 21 blessés, dont 5 pompiers, "
            "contre 14 la veille, selon la préfecture.")
    part = placed(row("a", 2, 5, who="pompiers", unit="pompiers", event_type="wounded", where="Salvèze",
                      evidence=body), char_start=300)
    earlier = placed(row("a", 3, 14, who="blessés", unit="blessés", event_type="wounded", where="Salvèze",
                         evidence=body), char_start=300)
    df = grouped([title, part, earlier], vectors=False)
    # the body's 21 was merged into the title's row: the 14 is the earlier state of that toll, not of the part
    assert same(df, ("a", 1), ("a", 3)) and not same(df, ("a", 2), ("a", 3))
    # English: the nearest figure before it of its type ("killed", not the title's "two miners still missing")
    title = "Colombia mine blast: death toll rises to 17, two miners still missing"
    body = "The death toll from the blast at the Sutatausa mine rose to 17 on Wednesday, up from 11 a day earlier."
    rows = [row("a", 1, 17, who="death toll", unit=None, where=None, evidence=title),
            row("a", 2, 2, who="miners", unit="miners", event_type="missing", where=None, evidence=title,
                before="two"),
            placed(row("a", 3, 11, who="death toll", unit=None, where=None, evidence=body), char_start=300)]
    rows[1] = placed(rows[1], figure="two")
    df = grouped([dict(r, lang="en") for r in rows], lang="en", vectors=False)
    assert same(df, ("a", 1), ("a", 3)) and not same(df, ("a", 2), ("a", 3))


def test_a_count_a_partitive_pronoun_names_counts_what_the_count_before_it_counts():
    prefecture = row("a", 1, 38, who="exploitations agricoles", unit="exploitations", event_type="affected",
                     where=None, source="préfecture",
                     evidence="Selon la préfecture, 38 exploitations agricoles ont été touchées, dont 14 élevages.")
    part = row("a", 2, 14, who="élevages", unit="élevages", event_type="affected", where=None,
               source="préfecture", evidence=prefecture["evidence"])
    association = placed(row("a", 3, 61, who="association Air Vigil", unit=None, event_type="other", where=None,
                             evidence="L'association Air Vigil en recense 61, en comptant les apiculteurs."),
                         char_start=300)
    df = grouped([prefecture, part, association], vectors=False)
    # the association's 61 counts farms (the pronoun's noun, not the part's): a rival figure of the 38
    assert same(df, ("a", 1), ("a", 3)) and not same(df, ("a", 2), ("a", 3))
    assert status_of(df)[df.series_id.iloc[0]] == "disputed"
    # within one sentence: the zone that covered 17 communes now holds 27, one measure updated
    zone = "La zone d'interdiction, qui couvrait 17 communes le 15 avril, en compte désormais 27, après des analyses."
    df = grouped([row("a", 1, 17, who="communes", unit="communes", event_type="other", where=None, evidence=zone),
                  row("a", 2, 27, who="zone d'interdiction", unit="zone", event_type="other", where=None,
                      evidence=zone)], vectors=False)
    assert same(df, ("a", 1), ("a", 2))
    # control: "en" before a figure with its noun written after it is no pronoun ("en moyenne 172 patients")
    ward = row("a", 3, 172, who="patients", unit="patients", event_type="other", where=None,
               evidence="Le service accueille en moyenne 172 patients par jour, selon la direction.")
    df = grouped([prefecture, part, placed(ward, char_start=300)], vectors=False)
    assert not same(df, ("a", 1), ("a", 3))


def test_figures_each_with_its_own_attribution_in_one_sentence_are_rivals():
    sentence = ("À Quimperlé, 6200 manifestants ont défilé selon la préfecture de police, "
                "9400 selon les syndicats, après l'appel de l'intersyndicale.")
    police = row("a", 1, 6200, who="manifestants", unit="manifestants", event_type="other", where="Quimperlé",
                 source="préfecture de police", evidence=sentence)
    # extraction gave the unions' figure the police's source
    unions = placed(row("a", 2, 9400, who="manifestants", unit="manifestants", event_type="other", where="Quimperlé",
                        source="préfecture de police", evidence=sentence))
    assert same(grouped([police, unions], vectors=False), ("a", 1), ("a", 2))
    # control: one attribution for two figures of one sentence, two things counted
    sentence = "À Quimperlé, 6200 manifestants ont défilé et 9400 tracts ont été distribués, selon la préfecture."
    tracts = row("a", 2, 9400, who="manifestants", unit="manifestants", event_type="other", where="Quimperlé",
                 source="préfecture", evidence=sentence)
    df = grouped([dict(police, evidence=sentence, mention_start=100 + sentence.find("6200"), source="préfecture"),
                  tracts], vectors=False)
    assert not same(df, ("a", 1), ("a", 2))


def test_a_figure_told_as_an_earlier_toll_joins_the_toll():
    title = row("a", 1, 14, where="Roumanie", evidence="Roumanie : 14 morts dans la collision près de Brasov")
    earlier = placed(row("a", 2, 9, where=None,
                         evidence="Un précédent bilan, diffusé dans la nuit, faisait état de 9 morts."), char_start=400)
    df = grouped([title, earlier], vectors=False)
    assert same(df, ("a", 1), ("a", 2))
    # control: the same sentence without the words that make it an earlier toll
    other = placed(row("a", 2, 9, where=None, evidence="Dans un autre accident, diffusé dans la nuit, 9 morts."),
                   char_start=400)
    assert not same(grouped([title, other], vectors=False), ("a", 1), ("a", 2))


def test_a_compared_figure_told_first_elsewhere_in_its_article_joins_what_it_is_compared_with():
    title = row("a", 1, 23, where="Sulawesi", who="personnes",
                evidence="Indonésie : au moins 23 morts dans le naufrage d'un ferry au large de Sulawesi")
    body = "MISE A JOUR - Basarnas a relevé jeudi son bilan à 26 morts, contre 23 le matin."
    update = placed(row("a", 2, 26, where=None, evidence=body), char_start=500)
    # the body's 23 has no row (merged into the title's) ...
    df = grouped([title, update], vectors=False)
    assert same(df, ("a", 1), ("a", 2))
    # ... or a row of its own whose noun extraction read as the time it is told of ("matin")
    compared = placed(row("a", 3, 23, where=None, who="matin", unit="matin", evidence=body), figure="23 le",
                      char_start=500)
    df = grouped([title, update, compared], vectors=False)
    assert same(df, ("a", 1), ("a", 2)) and same(df, ("a", 2), ("a", 3))
    # control: a figure after "contre" of another period stays apart, merged or not
    body = "MISE A JOUR - Basarnas a relevé jeudi son bilan à 26 morts, contre 23 l'an dernier."
    df = grouped([title, placed(row("a", 2, 26, where=None, evidence=body), char_start=500)], vectors=False)
    assert not same(df, ("a", 1), ("a", 2))


def test_a_title_figure_that_rounds_a_body_figure_is_the_same_figure():
    title = dict(row("a", 1, 700, who="migrants", unit="migrants", event_type="displaced", where=None,
                     evidence="Canaries : près de 700 migrants secourus en un week-end au large d'El Hierro"),
                 qualifier="approx", char_start=0)
    title["mention_start"] = title["evidence"].find("700")
    body = placed(row("a", 2, 692, who="migrants", unit="migrants", event_type="displaced", where=None,
                      evidence="Les secours espagnols ont porté assistance à 692 migrants entre dimanche et lundi."),
                  char_start=200)
    assert same(grouped([title, body], vectors=False), ("a", 1), ("a", 2))
    # controls: an exact title figure, or one too far from the body's, is another figure
    exact = dict(title, qualifier="exact")
    assert not same(grouped([exact, body], vectors=False), ("a", 1), ("a", 2))
    far = placed(dict(body, how_many=600, evidence=body["evidence"].replace("692", "600")), char_start=200)
    assert not same(grouped([title, far], vectors=False), ("a", 1), ("a", 2))


def test_figures_compared_respectively_pair_in_order():
    sentence = ("À Plouzané, 34 % des enseignants du premier degré et 25 % de ceux du second degré sont en grève, "
                "contre respectivement 31 % et 22 % annoncés à midi.")
    shares = [row("a", n, v, who="enseignants", unit="%", event_type="other", where=None, evidence=sentence)
              for n, v in ((1, 34), (2, 25), (3, 31), (4, 22))]
    shares = [placed(f, figure=f"{f['how_many']:g} %") for f in shares]
    df = grouped(shares, vectors=False)
    assert same(df, ("a", 1), ("a", 3)) and same(df, ("a", 2), ("a", 4)) and not same(df, ("a", 1), ("a", 2))
    # control: of another period, the compared figures stay apart
    last_year = sentence.replace("annoncés à midi", "l'an dernier")
    df = grouped([dict(f, evidence=last_year) for f in shares], vectors=False)
    assert not same(df, ("a", 1), ("a", 3)) and not same(df, ("a", 2), ("a", 4))


def test_a_toll_told_as_rising_in_its_article_is_one_series_with_the_earlier_figure():
    title = dict(row("a", 1, 31, who="people", unit="people", where=None, when=("2026-02-11", "2026-02-11"),
                     evidence="Air strike on Kyaukmaw market kills at least 31"), lang="en", char_start=0)
    title["mention_start"] = title["evidence"].find("31")
    rose = placed(dict(row("a", 2, 34, who="toll", unit="dead", where=None, when=("2026-02-12", "2026-02-12"),
                           evidence="The toll rose to 34 on Thursday after three of the wounded died."), lang="en"),
                  char_start=300)
    assert same(grouped([title, rose], lang="en", vectors=False), ("a", 1), ("a", 2))
    # control: the same two figures of one article told without the update, two things
    plain = placed(dict(rose, evidence="Another 34 people died on Thursday in the fighting at Kyaukmaw."),
                   char_start=300)
    assert not same(grouped([title, plain], lang="en", vectors=False), ("a", 1), ("a", 2))
    # French: "le bilan passe à", and a part of the toll stays apart
    titre = dict(row("a", 1, 14, where=None, evidence="Roumanie : le bilan de la collision passe à 14 morts"),
                 char_start=0)
    titre["mention_start"] = titre["evidence"].find("14")
    avant = placed(row("a", 2, 9, where=None, evidence="Dans la nuit, les secours comptaient 9 morts près de Brasov."),
                   char_start=300)
    enfants = placed(row("a", 3, 3, where=None, who="enfants", unit="enfants",
                         evidence="Le bilan de Brasov passe à 14 morts, dont 3 enfants."), figure="3 enfants",
                     char_start=500)
    df = grouped([titre, avant, enfants], vectors=False)
    assert same(df, ("a", 1), ("a", 2)) and not same(df, ("a", 1), ("a", 3))


def test_a_toll_of_another_event_in_the_article_does_not_join_the_rising_toll():
    titre = dict(row("a", 1, 14, where=None, evidence="Roumanie : le bilan de la collision passe à 14 morts"),
                 char_start=0)
    titre["mention_start"] = titre["evidence"].find("14")
    avant = placed(row("a", 2, 9, where=None, evidence="Dans la nuit, les secours comptaient 9 morts près de Brasov."),
                   char_start=300)
    ailleurs = placed(row("a", 2, 9, where=None,
                          evidence="Par ailleurs, un accident de car a fait 9 morts près de Brasov."), char_start=300)
    assert same(grouped([titre, avant], vectors=False), ("a", 1), ("a", 2))  # control: the toll's earlier state
    assert not same(grouped([titre, ailleurs], vectors=False), ("a", 1), ("a", 2))
    # English: "In a separate attack"
    rose = placed(dict(row("b", 1, 34, who="toll", unit="dead", where=None, when=("2026-02-12", "2026-02-12"),
                           evidence="The toll rose to 34 on Thursday after three of the wounded died."), lang="en"),
                  char_start=0)
    before = placed(dict(row("b", 2, 31, who="people", unit="people", where=None, when=("2026-02-11", "2026-02-11"),
                             evidence="An air strike on the market killed at least 31 people."), lang="en"),
                    char_start=300)
    separate = placed(dict(before, evidence="In a separate attack, an air strike killed at least 31 people."),
                      char_start=300)
    assert same(grouped([rose, before], lang="en", vectors=False), ("b", 1), ("b", 2))  # control
    assert not same(grouped([rose, separate], lang="en", vectors=False), ("b", 1), ("b", 2))


def test_the_words_of_a_wire_agency_and_relief_societies_name_no_english_story():
    a = dict(row("a", 1, 23, who="dead", unit="dead", where=None, published="2026-05-14",
                 evidence="NAIROBI, May 14 (Meridian Wire) - The Kenya Red Cross and the Disaster Management Unit "
                          "said 23 dead."), lang="en")
    b = dict(row("b", 1, 23, who="dead", unit="dead", where=None, published="2026-07-09",
                 evidence="DHAKA, July 9 (Meridian Wire) - The Red Crescent and the Department of Disaster Management "
                          "said 23 dead."), lang="en")
    assert not same(grouped([a, b], lang="en", vectors=False), ("a", 1), ("b", 1))
    # control: a name of the story's own, shared by two reports of a week, still tells one story
    b2 = dict(b, published="2026-05-15",
              evidence=b["evidence"].replace("DHAKA", "NAIROBI").replace("Department", "Kasarani Department"))
    a2 = dict(a, evidence=a["evidence"].replace("Unit", "Unit in Kasarani"))
    for r in (a2, b2):
        r["mention_start"] = 100 + r["evidence"].find("23")
        r["mention_end"] = r["mention_start"] + 2
    assert same(grouped([a2, b2], lang="en", vectors=False), ("a", 1), ("b", 1))


def test_a_place_a_sentence_of_the_batch_puts_in_another_is_the_same_event_at_two_scales():
    village = row("a", 1, 2, where="Vallfogona", published="2026-05-04",
                  evidence="Le car s'est renversé près de Vallfogona, faisant 2 morts selon les Mossos.")
    # another sentence of the batch puts Vallfogona in Osona
    passengers = placed(row("a", 2, 48, who="passagers", unit="passagers", event_type="other", where="Vallfogona",
                            published="2026-05-04",
                            evidence="Le car transportait 48 passagers à Vallfogona, en Osona, selon les Mossos."),
                        char_start=300)
    # the other report names only the wider place
    wide = row("b", 1, 3, where="Osona", published="2026-05-05",
               evidence="L'accident de car fait désormais 3 morts en Osona, selon les Mossos.")
    df = grouped([village, passengers, wide], vectors=False)
    assert same(df, ("a", 1), ("b", 1))
    # control: without the sentence that puts Vallfogona in Osona, two places, two tolls
    assert not same(grouped([village, wide], vectors=False), ("a", 1), ("b", 1))


def test_a_toll_counted_by_a_group_noun_retelling_the_toll_is_the_whole_toll():
    first = row("a", 1, 3, published="2026-03-01", where="Lourdes",
                evidence="Un minibus de pèlerins s'est couché près de Lourdes : 3 morts.")
    update = row("b", 1, 4, published="2026-03-02", where="Lourdes",
                 evidence="Le bilan de l'accident du minibus de Lourdes s'établit à 4 morts.")
    retold = row("c", 1, 4, who="pèlerins", unit="pèlerins", published="2026-03-04", where="Lourdes",
                 evidence="L'accident qui a coûté la vie à 4 pèlerins près de Lourdes relance le débat.")
    df = grouped([first, update, retold], vectors=False)
    # "4 pèlerins" retells "4 morts": the whole toll, which "3 morts" told earlier
    assert same(df, ("c", 1), ("b", 1)) and same(df, ("c", 1), ("a", 1))
    # a group noun of another value than any toll's names a group, maybe a part: it stays apart
    group = row("c", 1, 2, who="pèlerins", unit="pèlerins", published="2026-03-04", where="Lourdes",
                evidence="L'accident qui a coûté la vie à 2 pèlerins près de Lourdes relance le débat.")
    df = grouped([first, update, group], vectors=False)
    assert not same(df, ("c", 1), ("b", 1)) and not same(df, ("c", 1), ("a", 1))


def test_a_group_its_own_article_sets_within_a_larger_toll_is_no_whole_toll_twin():
    told = "L'accident d'un car scolaire a fait huit morts mardi en Savoie, selon la préfecture."
    whole = row("a", 1, 8, published="2026-05-06", where="Savoie", when=("2026-05-05", "2026-05-05"),
                source="préfecture", evidence=told)
    children = placed(row("a", 2, 5, who="enfants", unit="enfants", published="2026-05-06", where=None,
                          source="maire", evidence="Cinq enfants ont été tués, selon le maire."), char_start=120)
    first = row("b", 1, 5, published="2026-05-05", where="Savoie", when=("2026-05-05", "2026-05-05"),
                source="préfecture", evidence="L'accident d'un car scolaire a fait cinq morts mardi en Savoie.")
    df = grouped([whole, children, first], vectors=False)
    # "cinq enfants" is a group of the eight dead its own article tells, not the first toll of five
    assert not same(df, ("a", 2), ("b", 1)) and same(df, ("a", 1), ("b", 1))
    # control: where its article tells a figure of another type, the group retells the toll of five
    hurt = dict(whole, who="blessés", unit="blessés", event_type="wounded",
                evidence=told.replace("huit morts", "huit blessés"))
    df = grouped([hurt, children, first], vectors=False)
    assert same(df, ("a", 2), ("b", 1))


def test_an_increment_on_a_toll_is_never_the_whole_toll_of_another_article():
    first = row("a", 1, 3, published="2026-03-01", where="Lourdes",
                evidence="Un minibus de pèlerins s'est couché près de Lourdes : 3 morts.")
    update = row("b", 1, 5, published="2026-03-02", where="Lourdes",
                 evidence="Le bilan de l'accident du minibus de Lourdes s'établit à 5 morts.")
    # "3 nouveaux corps" adds to the toll: not the toll of 3 the first article told
    added = row("c", 1, 3, who="nouveaux corps", unit="corps", published="2026-03-02", where="Lourdes",
                evidence="Les plongeurs ont sorti du gave 3 nouveaux corps près de Lourdes.")
    df = grouped([first, update, added], vectors=False)
    assert not same(df, ("c", 1), ("a", 1))
    # control: the same count without the increment word retells the whole toll
    whole = dict(added, who="corps", evidence="Les plongeurs ont sorti du gave 3 corps près de Lourdes.")
    df = grouped([first, update, whole], vectors=False)
    assert same(df, ("c", 1), ("a", 1))


def test_a_figure_another_party_gives_for_its_part_is_a_rival_of_the_one_before():
    told = "Le car s'est renversé près de Lourdes, faisant 21 blessés, selon la préfecture des Hautes-Pyrénées."
    first = row("a", 1, 21, who="blessés", unit="blessés", event_type="wounded", where="Lourdes",
                when=("2026-03-01", "2026-03-01"), source="préfecture des Hautes-Pyrénées", evidence=told)
    other = "Les pèlerins espagnols évoquent pour leur part 25 blessés."
    rival = placed(row("a", 2, 25, who="blessés", unit="blessés", event_type="wounded", where=None,
                       evidence=other), char_start=300)
    df = grouped([first, rival], vectors=False)
    assert same(df, ("a", 1), ("a", 2)) and df.claim_id.nunique() == 2
    # without the turn marker, a figure of no source, time or place stays another thing
    plain = placed(rival, evidence="Les pèlerins espagnols évoquent 25 blessés.")
    assert not same(grouped([first, plain], vectors=False), ("a", 1), ("a", 2))
    # nor does the marker join a count of another event_type
    rescued = placed(row("a", 2, 25, who="pèlerins", unit="pèlerins", event_type="other", where=None,
                         evidence="Les pompiers ont pour leur part secouru 25 pèlerins."), char_start=300)
    assert not same(grouped([first, rescued], vectors=False), ("a", 1), ("a", 2))


def test_a_count_told_with_the_words_of_a_part_is_that_part():
    told = "Le car s'est renversé près de Lourdes, faisant 21 blessés, dont 7 dans un état grave, selon la préfecture."
    total = row("a", 1, 21, who="blessés", unit="blessés", event_type="wounded", where="Lourdes",
                published="2026-03-01", source="préfecture", evidence=told)
    part = placed(row("a", 2, 7, who="blessés", unit="blessés", event_type="wounded", where="Lourdes",
                      published="2026-03-01", source="préfecture", evidence=told), figure="7 dans")
    grave = row("b", 1, 5, who="blessés", unit="blessés", event_type="wounded", where="Lourdes",
                published="2026-03-03", source="hôpital de Tarbes",
                evidence="Après l'accident de Lourdes, 5 blessés sont toujours dans un état grave, selon Tarbes.")
    df = grouped([total, part, grave], vectors=False)
    assert same(df, ("b", 1), ("a", 2)) and not same(df, ("b", 1), ("a", 1))
    # a count whose clause lacks the part's words is no part: it stays with the total
    kept = placed(grave, evidence="Après l'accident de Lourdes, 5 blessés sont toujours hospitalisés, selon Tarbes.")
    df = grouped([total, part, kept], vectors=False)
    assert not same(df, ("b", 1), ("a", 2)) and same(df, ("b", 1), ("a", 1))


def test_a_figure_told_over_a_year_and_one_of_a_quarter_are_two_measures():
    yearly = row("a", 1, 25, who="ventes de tracteurs", unit="%", event_type="other", where=None,
                 published="2026-07-02",
                 evidence="À Bourges, les ventes de tracteurs Valtra sont en baisse de 25 % sur un an, dit Valtra.")
    quarter = row("b", 1, 9, who="ventes de tracteurs", unit="%", event_type="other", where=None,
                  published="2026-07-05", when=("2026-04-01", "2026-06-30"),
                  evidence="À Bourges, les ventes de tracteurs Valtra ont reculé de 9 % au deuxième trimestre.")
    assert not same(grouped([yearly, quarter], vectors=False), ("a", 1), ("b", 1))
    # without its span, the undated figure may be the quarter's: they stay one measure
    undated = placed(yearly, evidence="À Bourges, les ventes de tracteurs Valtra sont en baisse de 25 %, dit Valtra.")
    assert same(grouped([undated, quarter], vectors=False), ("a", 1), ("b", 1))
    # a span as long as the other's dated period tells nothing apart
    year = placed(quarter, when_start="2025-07-01", when_end="2026-06-30")
    assert same(grouped([yearly, year], vectors=False), ("a", 1), ("b", 1))


def test_one_figure_in_two_units_of_measure_tells_no_story():
    def report(article, unit, place, published):
        burned = row(article, 1, 18500, who="fire", unit=unit, event_type="other", where=None, published=published,
                     evidence=f"The Ridge fire has burned 18500 {unit} near {place}, officials said.")
        crews = row(article, 2, 1100, who="firefighters", unit="firefighters", event_type="deployed", where=None,
                    published=published, evidence=f"About 1100 firefighters battled the Ridge fire near {place}.")
        return [dict(burned, lang="en"), dict(crews, lang="en")]

    # two wildfires three weeks apart, one in Portugal told in hectares, one in Arizona in acres
    df = grouped(report("a", "hectares", "Leiria", "2026-08-01") + report("b", "acres", "Flagstaff", "2026-08-25"),
                 lang="en", vectors=False)
    assert not same(df, ("a", 2), ("b", 2))
    # the same precise figure in the same unit, with the shared name, still tells one story
    df = grouped(report("a", "hectares", "Leiria", "2026-08-01") + report("b", "hectares", "Flagstaff", "2026-08-25"),
                 lang="en", vectors=False)
    assert same(df, ("a", 2), ("b", 2))


def test_a_figure_compared_with_its_state_before_an_era_is_another_period():
    def report(earlier: str):
        sentence = f"The Ardmore food bank now relies on 600 volunteers, up from 350 {earlier}, Ardmore says."
        now = row("a", 1, 600, who="volunteers", unit="volunteers", event_type="other", where=None,
                  evidence=sentence)
        then = placed(row("a", 2, 350, who="volunteers", unit="volunteers", event_type="other", where=None,
                          evidence=sentence))
        return grouped([dict(now, lang="en"), dict(then, lang="en")], lang="en", vectors=False)

    assert not same(report("before the pandemic"), ("a", 1), ("a", 2))
    # an earlier state of the same count stays in its series
    assert same(report("earlier this week"), ("a", 1), ("a", 2))
    # French: "avant la crise"
    sentence = "À Bourges, la banque alimentaire compte 600 bénévoles, contre 350 avant la crise, selon Bourges."
    now = row("a", 1, 600, who="bénévoles", unit="bénévoles", event_type="other", where=None, evidence=sentence)
    then = placed(row("a", 2, 350, who="bénévoles", unit="bénévoles", event_type="other", where=None,
                      evidence=sentence))
    assert not same(grouped([now, then], vectors=False), ("a", 1), ("a", 2))
    later = sentence.replace("avant la crise", "la semaine dernière")
    assert same(grouped([placed(now, evidence=later), placed(then, evidence=later)], vectors=False),
                ("a", 1), ("a", 2))


def test_an_untyped_figure_takes_the_type_of_the_typed_figure_compared_with_it():
    evidence = ("À Mamoudzou, 110 personnes ne pouvaient pas regagner leur logement après Chido, "
                "contre 140 évacuées lundi.")
    untyped = row("a", 1, 110, who="personnes", unit="personnes", event_type="other", evidence=evidence)
    compared = placed(row("a", 2, 140, who="personnes", unit="personnes", event_type="displaced", evidence=evidence))
    told = row("b", 1, 140, who="habitants", unit="habitants", event_type="displaced", published="2025-03-11",
               evidence="Le cyclone Chido a forcé 140 habitants de Mamoudzou à quitter leur logement.")
    df = grouped([untyped, compared, told])
    assert same(df, ("a", 1), ("a", 2)) and same(df, ("a", 2), ("b", 1))
    # control: both typed, the anchor keeps its own type and the compared figure joins it
    typed = dict(untyped, event_type="displaced")
    df = grouped([typed, compared, told])
    assert df.series_id.nunique() == 1





def test_a_group_of_the_dead_is_the_whole_toll_beside_a_larger_toll_of_another_year():
    evidence = ("Le cyclone Chido a coûté la vie à 5 retraités à Mamoudzou, le pire bilan depuis le cyclone de 2019,"
                " qui avait fait 7 morts.")
    group = row("a", 1, 5, who="retraités", unit="retraités", evidence=evidence, published="2025-03-12")
    other_year = placed(row("a", 2, 7, evidence=evidence, where=None, when=("2019-01-01", "2019-12-31"),
                            published="2025-03-12"))
    compared = "Le bilan du cyclone Chido s'établit à 5 morts à Mamoudzou, contre 4 dans le premier bilan."
    toll = row("b", 1, 5, published="2025-03-11", evidence=compared)
    earlier = placed(row("b", 2, 4, published="2025-03-11", evidence=compared))
    first = row("c", 1, 4, published="2025-03-10")
    df = grouped([group, other_year, toll, earlier, first])
    assert same(df, ("a", 1), ("b", 1)) and same(df, ("a", 1), ("c", 1)) and not same(df, ("a", 2), ("b", 1))
    # control: a larger toll of the same time in its article makes the group a part of it, not the whole toll
    same_time = dict(other_year, when_start=None, when_end=None)
    df = grouped([group, same_time, toll, earlier, first])
    assert not same(df, ("a", 1), ("c", 1))
