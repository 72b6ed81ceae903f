"""French constructions sorted from the errors of b27, s23 and the whole French dev split (fr-r6,
corpus/reviews/fr-r6.md), each on sentences written for these tests. Publication date 2025-06-20, a Friday, as in
tests/conftest.py."""

from __future__ import annotations

import pytest

from .conftest import one_fact

model = pytest.mark.model


def _when(fact: dict) -> tuple[str | None, str | None]:
    return fact["when_start"], fact["when_end"]


@model
@pytest.mark.parametrize("text, value, when", [
    # "la même période" with a year or a past period: the main figure's time moved to that year (fourteenth
    # session, corpus/README.md (b): "in the same period last year" counts back from the main figure's when)
    ("Depuis le 1er janvier, les douaniers ont saisi 412 kilos de cocaïne, contre 230 sur la même période de 2024.",
     230, ("2024-01-01", "2024-06-20")),
    ("Entre le 1er mars et le 31 mai, 54 noyades ont été recensées, contre 41 sur la même période l'an dernier.",
     41, ("2024-03-01", "2024-05-31")),
    ("Depuis le 1er juin, le service accueille en moyenne 210 patients par jour, contre 180 l'an dernier à la même "
     "période.", 180, ("2024-06-01", "2024-06-20")),
    ("Depuis janvier, la mairie a recensé 40 chantiers, contre 30 à la même période de l'an dernier.", 30,
     ("2024-01-01", "2024-06-20")),
    # a change measured against the same period is the main figure's time (its base is no time of it)
    ("Depuis le début de l'année, 9 800 personnes ont débarqué sur l'île, soit une hausse de 23 % par rapport à la "
     "même période de 2024.", 23, ("2025-01-01", "2025-06-20")),
    # controls: the main figure keeps its own period; a plain year after "contre" is that figure's year
    ("Depuis le 1er janvier, les douaniers ont saisi 412 kilos de cocaïne, contre 230 sur la même période de 2024.",
     412, ("2025-01-01", "2025-06-20")),
    ("Les gendarmes ont relevé 312 délits depuis janvier, contre 254 en 2024.", 254, ("2024-01-01", "2024-12-31")),
])
def test_the_same_period_of_another_year(facts_of, text, value, when):
    assert _when(one_fact(facts_of(text), value)) == when


@model
@pytest.mark.parametrize("text, value, when", [
    # a clause with a subject of its own in a compound past beside a clause in the present keeps its date
    # (SPEC section 3: a date that belongs to another figure of the sentence is not shared)
    ("Près de 80 classes restent fermées, et la région a versé 2 millions d'euros l'an dernier.", 80, (None, None)),
    ("Quelque 35 postes d'infirmiers restent vacants, et l'intérim nous a coûté 1,4 million d'euros l'an dernier.",
     35, (None, None)),
    # controls: the dated clause's own figure; two compound pasts of one event share it
    ("Près de 80 classes restent fermées, et la région a versé 2 millions d'euros l'an dernier.", 2_000_000,
     ("2024-01-01", "2024-12-31")),
    ("Trois personnes sont décédées et 12 ont été blessées lundi.", 3, ("2025-06-16", "2025-06-16")),
    ("Trois personnes sont décédées lundi et 12 ont été blessées.", 12, ("2025-06-16", "2025-06-16")),
])
def test_a_compound_past_beside_a_present_keeps_its_date(facts_of, text, value, when):
    assert _when(one_fact(facts_of(text), value)) == when
