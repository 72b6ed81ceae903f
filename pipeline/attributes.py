"""Figures that describe or identify a thing rather than report a figure (SPEC section 2).

The number grammar already leaves out dates, ordinals, phone numbers and the
identifiers it can see on the surface. What needs the parse is decided here,
for each quantity mention, from its tokens and the language pack's words:

- an age: a time unit hanging on a noun by a link word ("un chauffeur de bus
  de 38 ans", "une femme d'une trentaine d'années"), unless the noun is a
  duration's holder ("une peine de cinq ans") or the unit has a complement of
  its own ("trois ans de tractations");
- an address: a number followed by a street noun ("au 37, rue de la Libération");
- a locating distance: "à 140 km de Sanaa", "à 15 km au nord d'Angers";
- an identifier: a bare number right after the noun it numbers ("la base
  militaire 921", "la résolution 1405");
- a score: a "range" whose high end is below its low end ("la victoire 8 à 3");
- a number word written as a name ("les Vingt-Sept");
- the population of a place as description or class ("cette ville de 70 000 habitants");
- zero, and the numbers of a list (": 1. à la Teille, 2. au chêne").
"""

from __future__ import annotations

from spacy.tokens import Token

from .languages import LanguageResources


class AttributeFilter:
    """Tells which quantity mentions are attributes, not facts."""

    def __init__(self, data: LanguageResources):
        lex = data.relations
        num = data.numbers
        self.age_units = {f.lower() for unit in num["age_units"] for f in num["time_units"].get(unit, [unit])}
        self.links = set(lex["counted_noun_links"])
        self.duration_holders = set(lex["duration_holders"])
        self.street_nouns = set(lex["street_nouns"])
        self.locating_prepositions = set(lex["locating_prepositions"])
        self.distance_units = set(lex["distance_units"])
        self.directions = set(lex["direction_words"])
        self.population_nouns = set(lex["population_nouns"])
        self.settlement_nouns = set(lex["settlement_nouns"])

    def is_attribute(self, quantity: dict, tokens: list[Token]) -> str | None:
        """Why the mention is not a fact (age, address, distance, identifier, score, nothing, list number), or None."""
        high = quantity.get("high")
        if quantity["qualifier"] == "range" and high is not None and high < quantity["value"]:
            return "score"
        first, last = tokens[0], tokens[-1]
        doc = first.doc
        after = doc[last.i + 1] if last.i + 1 < len(doc) else None
        before = doc[first.i - 1] if first.i > 0 else None
        if quantity["value"] == 0 and quantity["unit"] is None:
            return "nothing"  # "zéro et des poussières": an absence, not a count
        if (after is not None and after.text == "." and after.i + 1 < len(doc) and not doc[after.i + 1].is_title
                and (before is None or before.is_punct or before.is_sent_start)
                and all(t.is_digit for t in tokens)):
            return "list number"  # ": 1. à la Teille, 2. au chêne"
        if (all(t.text.replace("-", "").isalpha() and t.is_title for t in tokens) and not first.is_sent_start
                and first.i > first.sent.start):
            return "name"  # "les Vingt-Sept", "le Tournoi des Six Nations": a number word written as a name
        if self._age(tokens, after):
            return "age"
        if self._population(tokens, after):
            return "population"
        if after is not None and self._street_follows(after):
            return "address"
        if self._locating(quantity, tokens, before, after):
            return "distance"
        if (quantity["unit"] is None and before is not None and self._numbered_noun(before)
                and not before.is_punct and before.i >= first.sent.start
                and (after is None or after.is_punct or after.pos_ not in ("NOUN", "ADJ", "PROPN"))
                and all(t.like_num or t.is_digit for t in tokens)):
            return "identifier"
        return None

    @staticmethod
    def _numbered_noun(token: Token) -> bool:
        """The noun a bare number identifies: "la résolution 1405", "la base militaire 921"."""
        if token.pos_ in ("NOUN", "PROPN"):
            return True
        doc = token.doc
        return token.pos_ == "ADJ" and token.i > 0 and doc[token.i - 1].pos_ == "NOUN"

    def _age(self, tokens: list[Token], after: Token | None) -> bool:
        unit_token = next((t for t in tokens if t.lower_ in self.age_units), None)
        if unit_token is None and after is not None:
            doc = after.doc
            if after.lower_ in self.age_units:
                unit_token = after
            elif after.lower_ in self.links and after.i + 1 < len(doc) and doc[after.i + 1].lower_ in self.age_units:
                unit_token = doc[after.i + 1]  # "une trentaine d'années"
        if unit_token is None:
            return False
        doc = unit_token.doc
        # the link word before the figure: "de 38 ans", "d'une trentaine d'années"
        start = tokens[0].i
        link = doc[start - 1] if start > 0 else None
        if link is None or link.lower_ not in self.links:
            return False
        holder = doc[link.i - 1] if link.i > 0 else None
        if holder is None or holder.pos_ not in ("NOUN", "PROPN", "ADJ") or holder.lemma_ in self.duration_holders:
            return False
        nxt = doc[unit_token.i + 1] if unit_token.i + 1 < len(doc) else None
        # "trois ans de tractations", "six mois de travaux": a duration of something
        return not (nxt is not None and nxt.lower_ in self.links)

    def _population(self, tokens: list[Token], after: Token | None) -> bool:
        """"cette ville de 70 000 habitants", "les communes de plus de 10 000 habitants": the size of a
        place, as description or as a class, not a count of the news."""
        counted = after if after is not None and after.lower_ in self.population_nouns else None
        if counted is None:
            return False
        doc = counted.doc
        i, linked = tokens[0].i - 1, False
        while i > tokens[0].sent.start and (doc[i].pos_ in ("ADV", "ADP") or doc[i].lower_ in self.links):
            linked = linked or doc[i].lower_ in self.links
            i -= 1  # "de plus de": the link and the qualifier's words
        return linked and doc[i].lemma_ in self.settlement_nouns

    def _street_follows(self, after: Token) -> bool:
        doc = after.doc
        nxt = doc[after.i + 1] if after.is_punct and after.text == "," and after.i + 1 < len(doc) else after
        return nxt.lower_ in self.street_nouns

    def _locating(self, quantity: dict, tokens: list[Token], before: Token | None, after: Token | None) -> bool:
        unit = next((t for t in tokens if t.lower_ in self.distance_units), None)
        if unit is None and after is not None and after.lower_ in self.distance_units:
            unit = after
        if unit is None or before is None:
            return False
        doc = unit.doc
        # "à 140 km", "à environ 500 km": the preposition stands before the figure and its qualifier
        prep = before
        while prep.i > prep.sent.start and prep.pos_ == "ADV":
            prep = doc[prep.i - 1]
        if prep.lower_ not in self.locating_prepositions:
            return False
        nxt = doc[unit.i + 1] if unit.i + 1 < len(doc) else None
        return nxt is not None and (nxt.lower_ in self.links or nxt.lower_ in self.directions)
