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


@model
@pytest.mark.parametrize("text, value, event_type", [
    # a part said to be among a group a pronoun stands for, by a verb of membership ("figurer"), is what that
    # group is (the parser may hang "Parmi" on the verb, not on the pronoun)
    ("Douze personnes ont été blessées dans la collision. Parmi elles figurent trois enfants.", 3, "wounded"),
    ("Quarante habitants ont été évacués dans la nuit. Parmi eux figurent six enfants.", 6, "displaced"),
    # controls: a part with a verb of its own says what happened to it; the group's own figure
    ("Douze personnes ont été blessées dans la collision. Parmi elles, trois enfants ont été transférés à Lyon.", 3,
     "other"),
    ("Douze personnes ont été blessées dans la collision. Parmi elles figurent trois enfants.", 12, "wounded"),
])
def test_a_part_among_a_pronoun_group_takes_its_type(facts_of, text, value, event_type):
    assert one_fact(facts_of(text), value)["event_type"] == event_type


@model
@pytest.mark.parametrize("text, value, who", [
    # a prosecutor's request against a pronoun: who is the party it stands for (fourteenth session (g)), also on
    # the last of coordinated penalties, and when the parser tags the party's participle-noun a verb
    ("Le prévenu comparaissait libre. Le parquet avait requis quatre ans de prison contre lui.", 4, "prévenu"),
    ("À l'audience, le prévenu a évoqué « un coup de sang ». Le parquet avait requis quatre ans de prison, dont deux "
     "ferme, ainsi qu'une amende de 5 000 euros contre lui.", 5000, "prévenu"),
    ("À l'audience, le prévenu a évoqué « un coup de sang ». Le parquet avait requis quatre ans de prison, dont deux "
     "ferme, ainsi qu'une amende de 5 000 euros contre lui.", 4, "prévenu"),
    # controls: a named party; a request with no party stays the prosecutor's
    ("Le parquet a requis six ans contre le chauffeur.", 6, "chauffeur"),
    ("Le parquet a requis six ans de prison.", 6, "parquet"),
])
def test_a_request_against_a_pronoun(facts_of, text, value, who):
    assert one_fact(facts_of(text), value)["who"] == who


@model
@pytest.mark.parametrize("text, value, who", [
    # a pronoun subject of the verb a money verb completes ("il devra verser") pays: who is what it stands for
    # (CONVENTIONS-10 rules 2 and 5), not the one paid
    ("Le prévenu a été condamné à trois ans de prison. Il devra verser 12 000 euros de provision à la mère de "
     "famille.", 12000, "prévenu"),
    ("Le prévenu a été condamné à trois ans de prison. Il devra verser 12 000 euros à la mère de famille, et 2 500 "
     "euros à son mari.", 2500, "prévenu"),
    # controls: a named subject; a passive without an agent gives to the recipient
    ("La région devra verser 2 millions d'euros aux communes sinistrées.", 2_000_000, "région"),
    ("Une aide de 500 euros sera versée aux commerçants.", 500, "commerçants"),
])
def test_a_pronoun_that_must_pay(facts_of, text, value, who):
    assert one_fact(facts_of(text), value)["who"] == who
