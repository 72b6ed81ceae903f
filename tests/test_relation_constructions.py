"""One regression test per construction of relation extraction (issue 5), on sentences written
for these tests and parsed by fr_core_news_md. Expected slots are what a reader of the sentence
would write; publication date 2025-06-20 (a Friday)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

PUBLISHED = "2025-06-20"



def check(fact, **expected):
    got = {k: fact[k] for k in expected}
    assert got == expected


# fmt: off
SINGLE = [
    # active verb with its object
    ("Le séisme a fait 43 morts dans la province d'Arequipa.",
     dict(how_many=43, who="morts", event_type="killed", where="Arequipa")),
    # "le bilan s'élève à"
    ("Le bilan s'élève à 43 morts, selon la protection civile.",
     dict(how_many=43, who="morts", event_type="killed", source="protection civile")),
    # "on dénombre"
    ("On dénombre 120 blessés dans la capitale.", dict(how_many=120, who="blessés", event_type="wounded")),
    # "ont perdu la vie"
    ("Au moins 17 personnes ont perdu la vie dans les inondations.",
     dict(how_many=17, qualifier="at_least", who="personnes", event_type="killed")),
    # passive with place and relative date
    ("Près de 2 000 soldats ont été déployés à Goma la semaine dernière.",
     dict(how_many=2000, qualifier="approx", who="soldats", what="ont été déployés", event_type="deployed",
          where="Goma", when_start="2025-06-09", when_end="2025-06-15")),
    # nominal predicate
    ("L'arrivée de 5 000 ouvriers est prévue en mars.",
     dict(how_many=5000, who="ouvriers", what="arrivée", event_type="deployed")),
    # heading with a participle
    ("4 000 policiers mobilisés", dict(how_many=4000, who="policiers", what="mobilisés", event_type="deployed")),
    # quote followed by its speaker
    ("« Nous avons recensé 85 disparus », a déclaré le préfet Jean Martin.",
     dict(how_many=85, event_type="missing", source="Jean Martin")),
    # "de source X"
    ("Trois suspects ont été interpellés, de source policière.",
     dict(how_many=3, who="suspects", event_type="detained", source="source policière")),
    # "révélé par X", the weekday on or before the publication date
    ("Le chiffre de 1 200 réfugiés a été révélé par le HCR mardi.",
     dict(how_many=1200, who="réfugiés", event_type="displaced", source="HCR", when_start="2025-06-17")),
    # a percentage: who is the holder, source from "a indiqué"
    ("Le taux de chômage a atteint 7,5 % au troisième trimestre, a indiqué l'Insee.",
     dict(how_many=7.5, unit="%", who="taux de chômage", event_type="other", source="Insee")),
    # money: who is the actor
    ("Le gouvernement a débloqué 1,2 milliard d'euros pour les sinistrés.",
     dict(how_many=1_200_000_000, unit="EUR", who="gouvernement", event_type="money")),
]
# fmt: on


@pytest.mark.parametrize("text,expected", SINGLE)
def test_single_fact(facts_of, text, expected):
    (fact,) = facts_of(text)
    check(fact, **expected)


def test_coordinated_figures_share_verb_and_date(facts_of):
    killed, wounded = facts_of("Les affrontements ont fait 200 morts et 500 blessés jeudi.")
    check(killed, how_many=200, event_type="killed", what="ont fait", when_start="2025-06-19")
    check(wounded, how_many=500, event_type="wounded", what="ont fait", when_start="2025-06-19")


def test_dont_subset(facts_of):
    total, part = facts_of("L'attaque a fait 300 victimes, dont 40 enfants, d'après l'ONU.")
    check(total, how_many=300, who="victimes", event_type="casualties", source="ONU")
    check(part, how_many=40, who="enfants", event_type="casualties", source="ONU")


def test_each_figure_keeps_its_own_date(facts_of):
    first, second = facts_of("En 2022, 60 000 visiteurs sont venus à Lyon, et 80 000 en 2023 à Marseille.")
    check(first, how_many=60000, who="visiteurs", when_start="2022-01-01", when_end="2022-12-31")
    check(second, how_many=80000, who="visiteurs", when_start="2023-01-01", when_end="2023-12-31")


def test_rival_sources_in_one_sentence(facts_of):
    ministry, rebels = facts_of(
        "Les frappes ont fait 120 morts selon le ministère de la Santé, 45 selon les rebelles.")
    check(ministry, how_many=120, who="morts", event_type="killed", source="ministère de la Santé")
    check(rebels, how_many=45, who="morts", event_type="killed", source="rebelles")


def test_event_time_beats_reporting_day(facts_of):
    (fact,) = facts_of("Au moins 700 personnes sont mortes entre le 26 et le 30 janvier, selon un bilan "
                       "communiqué hier par les autorités.")
    check(fact, how_many=700, qualifier="at_least", event_type="killed",
          when_start="2025-01-26", when_end="2025-01-30")


def test_repeated_figure_is_merged(facts_of):
    facts = facts_of("Plus de 300 familles évacuées\n\nPlus de 300 familles ont été évacuées dimanche à Nîmes.")
    assert len(facts) == 1
    check(facts[0], how_many=300, mentions=2, event_type="displaced", where="Nîmes", when_start="2025-06-15")
