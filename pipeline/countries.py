"""Countries: their names in a language, from CLDR through babel, and the country a place is in.

- names: ``babel.Locale(lang).territories`` (CLDR's territory names), keeping the
  ISO 3166-1 alpha-2 codes of countries and territories; a name with an
  alternative in brackets gives both ("Myanmar (Birmanie)"); the press's forms
  CLDR does not give ("Centrafrique", "République tchèque") come from the
  language pack's ``country_aliases`` (``models/<lang>/places.json``), by code.
- names are compared on a key without case, accents, spaces or punctuation:
  "Etats-Unis", "États-Unis" and "etats unis" are one name; "Viêt Nam" and "Vietnam" too.
- placement: a place named just before a country with one of the language's
  linking words ("la région de Koursk, en Russie", "Koursk en Russie") or the
  country in brackets ("Groix (France)") is in that country, for the whole article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .contract import PlacesLexicon
from .syntax import strip_accents

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# CLDR territory codes of two letters that are not ISO 3166-1 countries or territories: the European
# Union, the euro area, the United Nations, pseudo-locales, "unknown", outlying Oceania, and codes ISO
# only reserves (Ascension, Clipperton, Sark, Diego Garcia, Ceuta and Melilla, the Canaries, Tristan da
# Cunha). Kosovo's XK, user-assigned, is kept: it is how the EU, the IMF and most event datasets code it.
NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "AC", "CP", "CQ", "DG", "EA", "IC", "TA"})

PLACE_LABELS = ("LOC", "GPE")
_NOT_KEY = re.compile(r"[\W_]+")
_BRACKETED = re.compile(r"^(.*?)\s*\((.*)\)\s*$")


def name_key(text: str) -> str:
    """A name as compared: lowercase, without accents, spaces, hyphens or apostrophes."""
    return _NOT_KEY.sub("", strip_accents(text).lower())


def cldr_country_names(lang: str) -> dict[str, str]:
    """CLDR's name of each country in ``lang`` -> its ISO 3166-1 alpha-2 code (an unknown language: none)."""
    from babel import Locale, UnknownLocaleError  # when names are first read: `faits --help` needs none

    try:
        territories = Locale.parse(lang).territories
    except (UnknownLocaleError, ValueError):
        return {}
    names: dict[str, str] = {}
    for code, name in territories.items():
        if len(code) != 2 or not code.isalpha() or code in NOT_COUNTRIES:
            continue
        names[name] = code
        bracketed = _BRACKETED.match(name)
        if bracketed:  # "Myanmar (Birmanie)": both names
            names.setdefault(bracketed.group(1), code)
            names.setdefault(bracketed.group(2), code)
    return names


class Countries:
    """The countries of one language: code of a name, wide place names, placements in an article.

    places: the language's ``places.json`` (aliases, region words, linking words); function_words: words
    a name may start with in running text and still be the name ("la Corée du Nord", the language's slot
    stopwords).
    """

    def __init__(self, lang: str, places: PlacesLexicon, *, function_words: Iterable[str] = ()):
        self.function_words = {w.lower().replace("’", "'") for w in function_words}
        names = cldr_country_names(lang) | places["country_aliases"]
        self.code_of_key = {name_key(n): code for n, code in names.items() if name_key(n)}
        self.wide_keys = frozenset(self.code_of_key) | {name_key(r) for r in places["regions"]}
        self.links = {w.lower() for w in places["country_links"]}
        self.max_tokens = max(len(n.split()) for n in names) + 2 if names else 0

    def code(self, name: str | None) -> str | None:
        """The ISO code of ``name`` when it names a country, else None."""
        if not name:
            return None
        return self.code_of_key.get(name_key(name)) or self.code_of_key.get(name_key(self._bare(name)))

    def _bare(self, name: str) -> str:
        """``name`` without the function words it starts with: "la Corée du Nord" -> "Corée du Nord"."""
        words = name.replace("’", "'").split()
        while words:
            first = words[0].lower()
            elided = first.find("'")
            if first in self.function_words and len(words) > 1:
                words = words[1:]
            elif 0 < elided < len(first) - 1 and first[: elided + 1] in self.function_words:
                words = [words[0][elided + 1 :]] + words[1:]  # "l'Inde"
            else:
                break
        return " ".join(words)

    def is_wide(self, name: str) -> bool:
        """A country or a wide region (``regions`` of the pack): a place that holds more specific ones."""
        return name_key(name) in self.wide_keys

    def country_of(self, where: str | None, placed: dict[str, str]) -> str | None:
        """The country of a fact's ``where``: its own code when it is a country, else the country the
        article places it in (``placed``, from :meth:`placements`), else None."""
        if not where:
            return None
        return self.code(where) or placed.get(name_key(where))

    def placements(self, doc: Doc, place_text=None) -> dict[str, str]:
        """Each place of ``doc`` the text puts in a country: name key -> ISO code.

        "X, en Russie", "X en Russie", "X (Russie)": X is in RU. place_text: how a place entity is
        written in the where slot (``PlaceFinder.place_text``); both it and the whole entity are keys.
        """
        placed: dict[str, str] = {}
        for ent in doc.ents:
            if ent.label_ not in PLACE_LABELS or self.code(ent.text):
                continue
            code = self._country_after(doc, ent.end)
            if code is None:
                continue
            for text in _names_of(ent, place_text):
                placed.setdefault(name_key(text), code)
        return placed

    def _country_after(self, doc: Doc, i: int) -> str | None:
        bracket = i < len(doc) and doc[i].text == "("
        if i < len(doc) and doc[i].text in (",", "("):
            i += 1
        if not bracket:
            if i >= len(doc) or doc[i].lower_ not in self.links:
                return None
            i += 1
        for n in range(min(self.max_tokens, len(doc) - i), 0, -1):
            if doc[i + n - 1].is_punct:  # a name's key drops punctuation: "France)" is not a name
                continue
            code = self.code(doc[i : i + n].text)
            if code is not None:
                closed = i + n < len(doc) and doc[i + n].text == ")"
                return code if closed or not bracket else None
        return None


def _names_of(ent: Span, place_text) -> Iterable[str]:
    yield ent.text
    if place_text is not None:
        yield place_text(ent)

