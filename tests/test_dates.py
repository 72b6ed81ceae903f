"""Date normalization to day intervals (SPEC section 3), without spaCy.

Expected intervals are worked out by hand from the calendar: 2025-06-17 is a Tuesday.
"""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.dates import anchor_of, find_dates, guess_tense, normalize_date, resolve_dates, resolve_span
from pipeline.errors import FaitsError

REF = date(2025, 6, 17)  # a Tuesday

# fmt: off
CASES = [
    ("le 14 mars 2025", "2025-03-14", "2025-03-14", "day"),
    ("ce mardi 17 juin", "2025-06-17", "2025-06-17", "day"),
    ("le 3 février", "2025-02-03", "2025-02-03", "day"),
    ("le 1er mai", "2025-05-01", "2025-05-01", "day"),
    ("dimanche", "2025-06-15", "2025-06-15", "day"),
    ("mardi", "2025-06-17", "2025-06-17", "day"),
    ("mercredi", "2025-06-11", "2025-06-11", "day"),
    ("lundi dernier", "2025-06-16", "2025-06-16", "day"),
    ("hier", "2025-06-16", "2025-06-16", "day"),
    ("avant-hier", "2025-06-15", "2025-06-15", "day"),
    ("il y a trois jours", "2025-06-14", "2025-06-14", "day"),
    ("la semaine dernière", "2025-06-09", "2025-06-15", "week"),
    ("le mois dernier", "2025-05-01", "2025-05-31", "month"),
    ("l'an dernier", "2024-01-01", "2024-12-31", "year"),
    ("en avril 2025", "2025-04-01", "2025-04-30", "month"),
    ("en 2024", "2024-01-01", "2024-12-31", "year"),
    ("à l'automne 2024", "2024-09-23", "2024-12-20", "season"),
    ("à l’été 2024", "2024-06-21", "2024-09-22", "season"),
    ("au printemps 2025", "2025-03-20", "2025-06-20", "season"),
    ("l'hiver 2023", "2023-12-21", "2024-03-19", "season"),
    ("début mars 2025", "2025-03-01", "2025-03-10", "part_month"),
    ("mi-mars 2025", "2025-03-11", "2025-03-20", "part_month"),
    ("fin février 2024", "2024-02-21", "2024-02-29", "part_month"),
    ("mi-2019", "2019-05-01", "2019-08-31", "part_year"),
    ("fin 2023", "2023-09-01", "2023-12-31", "part_year"),
    ("au début de l'année", "2025-01-01", "2025-04-30", "part_year"),
    ("entre janvier et février 2025", "2025-01-01", "2025-02-28", "range"),
    ("de 2007 à 2019", "2007-01-01", "2019-12-31", "range"),
    ("du 3 au 5 avril", "2025-04-03", "2025-04-05", "range"),
    ("entre le 26 et le 30 janvier", "2025-01-26", "2025-01-30", "range"),
    ("la nuit du 8 au 9 septembre 2024", "2024-09-08", "2024-09-09", "range"),
    ("la nuit de jeudi à vendredi", "2025-06-12", "2025-06-13", "range"),
    ("14/03/2025", "2025-03-14", "2025-03-14", "day"),
    ("14-03-2025", "2025-03-14", "2025-03-14", "day"),
    ("14.03.2025", "2025-03-14", "2025-03-14", "day"),
    ("2025/03/14", "2025-03-14", "2025-03-14", "day"),
    ("le 14/03", "2025-03-14", "2025-03-14", "day"),
    ("03/2025", "2025-03-01", "2025-03-31", "month"),
    ("le premier mars", "2025-03-01", "2025-03-01", "day"),
    ("le 15 fev 2013", "2013-02-15", "2013-02-15", "day"),
    ("le 12 janvier, 2016", "2016-01-12", "2016-01-12", "day"),
    ("dans deux mois", "2025-08-01", "2025-08-31", "month"),
    ("dans dix jours", "2025-06-27", "2025-06-27", "day"),
    ("avant hier", "2025-06-15", "2025-06-15", "day"),
    ("maintenant", "2025-06-17", "2025-06-17", "day"),
    ("la veille de Noël", "2024-12-24", "2024-12-24", "holiday"),
    ("la fête du travail", "2025-05-01", "2025-05-01", "holiday"),
    ("au troisième trimestre 2024", "2024-07-01", "2024-09-30", "quarter"),
    ("au premier trimestre", "2025-01-01", "2025-03-31", "quarter"),
    ("au T4 2024", "2024-10-01", "2024-12-31", "quarter"),
    ("au second semestre 2024", "2024-07-01", "2024-12-31", "half"),
    ("les 19-20 novembre 2024", "2024-11-19", "2024-11-20", "range"),
    # what the grammar does not read, dateparser does: a text known to be one date expression
    ("2025-03", "2025-03-01", "2025-03-31", "month"),
    ("le 2", "2025-06-02", "2025-06-02", "day"),
]
# fmt: on


# fmt: off
MORE_CASES = [
    ("le 6 mai dernier", "2025-05-06", "2025-05-06", "day"),
    ("samedi 21 juin", "2025-06-21", "2025-06-21", "day"),  # the weekday picks the year
    ("octobre 98,", "1998-10-01", "1998-10-31", "month"),
    ("la fin de l'année dernière", "2024-09-01", "2024-12-31", "part_year"),
    ("les années 60", "1960-01-01", "1969-12-31", "decade"),
    ("la fin du XIXe siècle", "1800-01-01", "1899-12-31", "century"),
    ("à Noël", "2024-12-25", "2024-12-25", "holiday"),
    ("la Pentecôte 2024", "2024-05-19", "2024-05-19", "holiday"),
    ("le week-end dernier", "2025-06-14", "2025-06-15", "weekend"),
    ("le mois d’août", "2024-08-01", "2024-08-31", "month"),
]
# fmt: on


@pytest.mark.parametrize("text,start,end,granularity", CASES + MORE_CASES)
def test_normalize_date(text, start, end, granularity):
    d = normalize_date(text, REF)
    assert d is not None, text
    assert (d.start.isoformat(), d.end.isoformat()) == (start, end)
    assert d.granularity == granularity


def test_future_weekday_points_forward():
    d = normalize_date("dimanche", REF, future=True)
    assert d.start == date(2025, 6, 22)


def test_yearless_month_takes_the_most_recent_one():
    # in June 2025, "en septembre" without a year is September 2024
    d = normalize_date("en septembre", REF)
    assert (d.start, d.end) == (date(2024, 9, 1), date(2024, 9, 30))


@pytest.mark.parametrize("text", ["pendant huit mois", "il a été tué", "37 ans", "2000 manifestants",
                                  "à 14 h 30", "un été meurtrier", "8 mois", "je", "5000", "le 31/02", "T3", "la 5G",
                                  "au troisième semestre"])
def test_not_a_date(text):
    assert normalize_date(text, REF) is None


def test_reference_must_be_a_date():
    with pytest.raises(FaitsError, match="datetime.date"):
        normalize_date("hier", "2025-06-17")  # type: ignore[arg-type]


def test_anchor_for_articles_without_publication_date():
    """SPEC: a full date gives that day; a month or a year gives its last day."""
    (day,) = find_dates("le 14 mars 2025")
    (month,) = find_dates("en avril 2025")
    (weekday,) = find_dates("dimanche")
    assert anchor_of(day) == date(2025, 3, 14)
    assert anchor_of(month) == date(2025, 4, 30)
    assert anchor_of(weekday) is None


def test_range_is_one_mention():
    mentions = find_dates("envoyés en Russie entre janvier et février 2025.")
    assert [m.text for m in mentions] == ["entre janvier et février 2025"]


@pytest.mark.parametrize("text", ["des vacances d'hiver", "17 juin 20 soldats"])
def test_more_not_dates(text):
    d = normalize_date(text, REF)
    assert d is None or d.granularity == "day"  # "17 juin" alone is a day; "20" is no year


def test_plain_text_guesses_the_tense():
    ref = date(1999, 5, 18)  # a Tuesday
    text = "Le village fera la fête dimanche. Hier, il a plu."
    found = [(m.text, i.start) for m, i in resolve_dates(text, ref)]
    assert found == [("dimanche", date(1999, 5, 23)), ("Hier", date(1999, 5, 17))]
    assert guess_tense(text, text.index("dimanche"), text.index("dimanche") + 8) == "future"


def test_times_fall_on_the_day_last_mentioned():
    ref = date(1999, 5, 26)
    text = "Rendez-vous samedi 29 mai dans la cour. Départ à 8 h."
    found = [(m.text, i.start) for m, i in resolve_dates(text, ref, include_times=True)]
    assert found == [("samedi 29 mai", date(1999, 5, 29)), ("8 h", date(1999, 5, 29))]
    assert [m.text for m in find_dates(text)] == ["samedi 29 mai"]  # clock times are not dates


def test_resolve_span_reads_the_expression_around_a_short_span():
    text = "Deux ruptures en 97 (en janvier rue Saint-Dizier), rien en 98."
    start = text.index("97")
    assert resolve_span(text, start, start + 2, date(1999, 7, 29)).start == date(1997, 1, 1)
    jan = text.index("janvier")
    assert resolve_span(text, jan, jan + 7, date(1999, 7, 29)).start == date(1997, 1, 1)


@pytest.mark.parametrize("text,found", [
    ("Trois jours plus tard, le bilan s'est alourdi.", "Trois jours plus tard"),
    ("trois jours après le drame", None),  # counts from the drama, not from a date
    ("Il ne semblait pas dans un jour de grande forme.", None),
    ("Les deux tiers des élus, soit 2/3, ont voté.", None),  # a fraction, not a day and month
    ("Le 3 mai, 2000 manifestants ont défilé.", "Le 3 mai"),  # no year after the comma: a count
])
def test_date_spans_in_running_text(text, found):
    spans = [m.text for m in find_dates(text)]
    assert spans == ([found] if found else [])


def test_days_later_count_from_the_day_before():
    text = "L'incendie a éclaté le 3 juin. Trois jours plus tard, il était maîtrisé."
    (_, first), (_, later) = resolve_dates(text, REF)
    assert (first.start, later.start) == (date(2025, 6, 3), date(2025, 6, 6))


@pytest.mark.parametrize("text", ["Je serai à Lyon vendredi.", "Je vais voter vendredi."])
def test_a_first_person_future_looks_ahead(text):
    interval = resolve_span(text, text.index("vendredi"), text.index("vendredi") + 8, REF)
    assert interval.start == date(2025, 6, 20)
