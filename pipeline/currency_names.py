"""Currencies in a language, from CLDR through babel: what a currency is called, what a country pays in.

- names: ``babel.numbers.get_currency_name`` in the singular and the plural ("peso philippin",
  "pesos philippins"; "Ugandan shillings"), without a bracketed issuer ("franc CFA (BCEAO)"); a name
  says its currency whatever the article is about.
- adjectives: what a name adds to the word it shares with other currencies ("philippin" in "peso
  philippin" besides "peso"): the country's adjective, which names that currency's country in any
  sentence ("le gouvernement philippin"); compared on a stem, without the endings of gender and number.
- a country's currencies: ``babel.numbers.get_territory_currencies`` (those in use today).
"""

from __future__ import annotations

import re
from functools import cache

from .syntax import strip_accents

_BRACKETED = re.compile(r"\s*\([^)]*\)")
_INFLECTION = re.compile(r"(?:es|e|(?<!s)s)$")  # not the "s" of "ss" ("Swiss", "suisse"): no plural's
_DOUBLED = re.compile(r"([lnt])\1$")  # the feminine's doubled consonant: "indienne" -> "indien"


@cache
def cldr_currency_names(code: str, lang: str) -> tuple[str, ...]:
    """CLDR's names of the currency ``code`` in ``lang``, singular and plural, lowercased (none if unknown)."""
    from babel.numbers import UnknownCurrencyError, get_currency_name

    names = []
    for count in (1, 2):
        try:
            name = get_currency_name(code, count=count, locale=lang)
        except (UnknownCurrencyError, ValueError):
            continue
        name = _BRACKETED.sub("", name).strip().lower()
        if name and name != code.lower():
            names.append(name)
    return tuple(dict.fromkeys(names))


@cache
def country_currencies(country: str) -> frozenset[str]:
    """The ISO 4217 codes the country (ISO 3166 alpha-2) pays in today, after CLDR (unknown: none)."""
    from babel.numbers import get_territory_currencies

    try:
        return frozenset(get_territory_currencies(country))
    except (KeyError, ValueError):
        return frozenset()


def adjective_stem(word: str) -> str:
    """A word as adjectives are compared: lowercase, without accents nor gender and number endings
    ("libanaises", "libanaise", "libanais" -> "libanai"; "Philippine", "philippins" -> "philippin";
    "indiennes", "indien" -> "indien"; "suisses", "Swiss" -> "suiss", "swiss")."""
    stem = strip_accents(word.lower())
    for _ in range(2):  # the feminine plural ends twice: "-es" then the "-s" the masculine ends in
        stem = _INFLECTION.sub("", stem)
    return _DOUBLED.sub(r"\1", stem)


def currency_adjectives(code: str, lang: str, shared_words: set[str]) -> set[str]:
    """The stem of the one word a CLDR name of ``code`` adds to a word shared by several currencies:
    "peso philippin" -> {"philippin"}; none from a name that adds several ("West African CFA franc":
    "west" and "central" are no country's adjective)."""
    stems = set()
    for name in cldr_currency_names(code, lang):
        words = name.split()
        added = [w for w in words if w not in shared_words]
        if len(added) == 1 and len(added) < len(words) and added[0].isalpha():
            stem = adjective_stem(added[0])
            if len(stem) >= 4:
                stems.add(stem)
    return stems
