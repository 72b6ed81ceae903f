"""Number normalization and the quantity finder, without spaCy (SPEC section 3)."""

from __future__ import annotations

import pytest

from pipeline.numbers import Quantity, find_quantities, normalize_number

NBSP, NNBSP = "\u00a0", "\u202f"

# fmt: off
CASES = [
    ("6 000", 6000, None, "exact", None),
    (f"6{NBSP}000", 6000, None, "exact", None),
    (f"6{NNBSP}000", 6000, None, "exact", None),
    ("6.000", 6000, None, "exact", None),
    ("6000", 6000, None, "exact", None),
    ("cinq mille", 5000, None, "exact", None),
    ("six milliers", 6000, None, "exact", None),
    ("quatre-vingt-dix-neuf", 99, None, "exact", None),
    ("2,5 millions", 2_500_000, None, "exact", None),
    ("1,2 milliard d'euros", 1_200_000_000, None, "exact", "EUR"),
    ("300 millions de dollars", 300_000_000, None, "exact", "USD"),
    ("45 000 €", 45000, None, "exact", "EUR"),
    ("12,5 %", 12.5, None, "exact", "%"),
    ("plus de 6 000", 6000, None, "more_than", None),
    ("au-delà de 300", 300, None, "more_than", None),
    ("ont dépassé les 6.000", 6000, None, "more_than", None),
    ("au moins 700", 700, None, "at_least", None),
    ("pas moins de 40", 40, None, "at_least", None),
    ("moins de 3 %", 3, None, "less_than", "%"),
    ("jusqu'à 5 000 euros", 5000, None, "at_most", "EUR"),
    ("au maximum 12", 12, None, "at_most", None),
    ("environ 11 000", 11000, None, "approx", None),
    ("quelque 11.000", 11000, None, "approx", None),
    ("près de huit", 8, None, "approx", None),
    ("presque 90", 90, None, "approx", None),
    ("une dizaine", 10, None, "approx", None),
    ("une trentaine", 30, None, "approx", None),
    ("une centaine", 100, None, "approx", None),
    ("un millier", 1000, None, "approx", None),
    ("plus d'un millier", 1000, None, "more_than", None),
    ("des dizaines", 10, None, "more_than", None),
    ("des centaines", 100, None, "more_than", None),
    ("des milliers", 1000, None, "more_than", None),
    ("plusieurs milliers", 1000, None, "more_than", None),
    ("entre 200 et 300", 200, 300, "range", None),
    ("de 10 à 15 %", 10, 15, "range", "%"),
    ("entre 2 et 3 millions d'euros", 2_000_000, 3_000_000, "range", "EUR"),
    ("la moitié des", 50, None, "exact", "%"),
    ("plus de la moitié des", 50, None, "more_than", "%"),
    ("un tiers des", 33.33, None, "exact", "%"),
    ("un quart des", 25, None, "exact", "%"),
    ("deux tiers des", 66.67, None, "exact", "%"),
    ("trois ans de prison", 3, None, "exact", "ans"),
    ("pendant huit mois", 8, None, "exact", "mois"),
]
# fmt: on


# fmt: off
MORE_CASES = [
    ("quatre vingt dix neuf", 99, None, "exact", None),
    ("soixante et onze", 71, None, "exact", None),
    ("un million deux cent mille", 1_200_000, None, "exact", None),
    ("deux cent virgule trois", 200.3, None, "exact", None),
    ("3 millions et demi", 3_500_000, None, "exact", None),
    ("un demi-million", 500_000, None, "exact", None),
    ("deux tiers", 66.67, None, "exact", "%"),
    ("un cinquième des voix", 20, None, "exact", "%"),
    ("un sur trois", 33.33, None, "exact", "%"),
    ("100K", 100_000, None, "exact", None),
    ("1,2M", 1_200_000, None, "exact", None),
    ("-12", -12, None, "exact", None),
    ("moins 1200000", -1_200_000, None, "exact", None),
    ("3 douzaines", 36, None, "approx", None),
    ("12 000 soldats au maximum", 12000, None, "at_most", None),
    ("dix ans d'emprisonnement au maximum", 10, None, "at_most", "ans"),
    ("pas plus de 10 dollars", 10, None, "at_most", "USD"),
    ("la facture pourrait dépasser 500 millions d'euros", 500_000_000, None, "more_than", "EUR"),
    ("1 USD 23 cents", 1.23, None, "exact", "USD"),
    ("treize euros et quarante-cinq cents", 13.45, None, "exact", "EUR"),
    ("50 centimes", 0.5, None, "exact", "EUR"),
    ("EUR 20", 20, None, "exact", "EUR"),
    ("10 - 20 euros", 10, 20, "range", "EUR"),
    ("un mois", 1, None, "exact", "mois"),
    ("vingt-un", 21, None, "exact", None),
    ("mille et une", 1001, None, "exact", None),
    ("quatorze billions", 14 * 10**12, None, "exact", None),
    ("deux milliers", 2000, None, "exact", None),
    ("deux et trois quarts", 2.75, None, "exact", None),
    ("cent et trois quarts", 100.75, None, "exact", None),
    ("vingt et trois et trois cinquièmes", 23.6, None, "exact", None),
    ("un milliard et demi million", 1_000_500_000, None, "exact", None),
    ("un milliard et demi", 1_500_000_000, None, "exact", None),
    ("entre vingt et trois cents personnes", 20, 300, "range", None),
    ("entre vingt et trente", 20, 30, "range", None),
    ("zéro virgule zéro cinq", 0.05, None, "exact", None),
]
# fmt: on


@pytest.mark.parametrize("text,value,high,qualifier,unit", CASES + MORE_CASES)
def test_normalize_number(text, value, high, qualifier, unit):
    q = normalize_number(text)
    assert q is not None, text
    assert q.value == pytest.approx(value)
    assert (q.high is None) == (high is None)
    if high is not None:
        assert q.high == pytest.approx(high)
    assert q.qualifier == qualifier
    assert q.unit == unit


def test_returns_frozen_dataclass():
    q = normalize_number("environ 3 000")
    assert q == Quantity(3000.0, None, "approx", None)
    with pytest.raises(AttributeError):
        q.value = 1  # type: ignore[misc]


# fmt: off
NOT_QUANTITIES = [
    "Il est arrivé en 2024, comme prévu.",
    "un homme de 45 ans a été interpellé",
    "Jean Dupont, 45 ans, a été entendu.",
    "la réunion a commencé à 14 h 30",
    "vers 7h15 le matin",
    "le sommet du G7 et l'article 49.3",
    "un Airbus A320 de la compagnie",
    "victoire 3-1 face à Lyon",
    "appelez le 01 23 45 67 89",
    "un chiffre, une personne, un homme",
    "Aucun chiffre n'a été communiqué.",
]
# fmt: on


@pytest.mark.parametrize("text", NOT_QUANTITIES)
def test_not_a_quantity(text):
    assert find_quantities(text) == []


def test_qualifier_applies_to_the_number_it_stands_before():
    found = find_quantities("au moins 700 morts et 2 800 blessés")
    assert [(m.value, m.qualifier) for m in found] == [(700, "at_least"), (2800, "exact")]


def test_offsets_point_into_the_text():
    text = "Selon le bilan, plus de 6 000 soldats ont été tués."
    (m,) = find_quantities(text)
    assert text[m.start : m.end] == "plus de 6 000"
    assert text[m.core_start : m.core_end] == "6 000"


def test_excluded_spans_are_skipped():
    text = "le 17 juin, 5 000 ouvriers"
    found = find_quantities(text, exclude=[(3, 10)])
    assert [m.value for m in found] == [5000]


def test_four_digit_count_before_a_plural_noun_is_a_count():
    assert [m.value for m in find_quantities("En tout, 2000 manifestants ont défilé.")] == [2000]


# fmt: off
MORE_NOT_QUANTITIES = [
    "il brigue un cinquième mandat",
    "les bombes sont tombées vers 8 h sur la foule",
    "mobilisés dès 6 heures du matin",
    "un passeur irakien de 31 ans",
    "Les suspects, âgés de 19 à 34 ans, seront présentés",
    "a dénoncé l'association Utopia 56, présente sur la plage",
    "le déploiement de la 5G",
    "voir https://example.org/page?q=30%25",
    "une demi-heure",
]
# fmt: on


@pytest.mark.parametrize("text", MORE_NOT_QUANTITIES)
def test_more_not_quantities(text):
    assert find_quantities(text) == []


def test_au_plus_fort_is_no_qualifier():
    (m,) = find_quantities("780 000 foyers privés d’électricité\n\nAu plus fort de la tempête")
    assert m.qualifier == "exact"


def test_a_lone_article_is_one_only_in_an_expression():
    assert find_quantities("un homme") == []
    assert normalize_number("un") == Quantity(1.0)


@pytest.mark.parametrize("text,values", [
    ("trois ans de prison, dont un an avec sursis", [3, 1]),
    ("L'accident a fait un mort et trois blessés.", [1, 3]),
    ("deux morts et une blessée", [2, 1]),
    ("un an et deux mois de prison", [1, 2]),
    ("Un jour, trois hommes sont entrés.", [3]),  # a comma joins no enumeration of counts
    ("Une fois, deux policiers sont venus.", [2]),
    # an article stays an article: no count beside it, or the one beside it is an age
    ("l'inflation s'établit à 3,4 % sur un an", [3.4]),
    ("un homme et une femme ont été interpellés", []),
    ("une femme de 40 ans et un homme", []),
    # after "dont", a part that names no count stays an article (fr-who4)
    ("Quinze prévenus ont été jugés, dont une partie en comparution immédiate.", [15]),
    ("Quarante salariés ont manifesté, dont une majorité de femmes.", [40]),
])
def test_a_lone_article_counts_in_a_part_or_an_enumeration(text, values):
    assert [m.value for m in find_quantities(text)] == values
