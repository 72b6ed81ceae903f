"""Currencies several countries call by one word ("pesos", "lira", "francs"): which one a figure is in.

SPEC asks for an ISO 4217 code in ``unit``. The number reader writes a shared word's default code
(the first of ``shared_currency_words`` in ``numbers.json``); this stage takes instead the currency of
the country named nearest the figure, in its sentence first, then anywhere in the article: a country
(or a place the article puts in one, :meth:`pipeline.countries.Countries.placements`), or the adjective
CLDR's name of a candidate currency adds to the word ("le gouvernement philippin": "peso philippin").
Which currencies a country pays in is CLDR's (:func:`pipeline.currency_names.country_currencies`).
A currency named in full ("pesos mexicains", "Ugandan shillings") is no shared word: it is left alone.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..countries import PLACE_LABELS, name_key
from ..currency_names import adjective_stem, country_currencies
from ..syntax import NOMINAL
from .mention import MentionContext

# a country named in the article, as evidence: (its first token's index, the currencies it pays in)
Evidence = tuple[int, frozenset[str]]
# how a country's adjective modifies a noun ("The Ugandan ministry" is a compound to the English parser)
MODIFIER_DEPS = ("amod", "compound")


class CurrencyChooser:
    """Extractor stage: the code of an amount written with a word several currencies share."""

    def _choose_currencies(self, doc: Doc, contexts: list[MentionContext]) -> None:
        shared = [(ctx, codes) for ctx in contexts if (codes := self._shared_codes(ctx.quantity))]
        if not shared:
            return
        evidence = self._country_evidence(doc)
        for ctx, codes in shared:
            ctx.quantity = dict(ctx.quantity, unit=self._nearest_currency(ctx, codes, evidence))

    def _shared_codes(self, quantity: dict) -> tuple[str, ...]:
        """The candidate codes when the amount's currency is a shared word (it then has the word's
        default code), else none."""
        m = self.currency_form_rx.search(quantity["text"])
        codes = self.shared_currencies.get(m.group(0).lower(), ()) if m else ()
        return codes if codes and quantity["unit"] == codes[0] else ()

    def _country_evidence(self, doc: Doc) -> list[Evidence]:
        """Every country the article names, by a place or by a currency's adjective, where it names it."""
        placed = self.countries.placements(doc, self.places.place_text)
        found: list[Evidence] = []
        for ent in doc.ents:
            # a country's name whatever the entity's label (the parser may take "Cameroon" for an ORG)
            country = self.countries.code(ent.text) or (placed.get(name_key(ent.text))
                                                         if ent.label_ in PLACE_LABELS else None)
            if country is not None:
                found.append((ent.start, country_currencies(country)))
        for token in doc:
            if not token.is_alpha or (token.pos_ in NOMINAL and token.dep_ not in MODIFIER_DEPS):
                continue  # "En Suisse, un Français a payé 5 000 francs": a person's nationality, not the money's
            code = self.currency_of_adjective.get(adjective_stem(token.text))
            if code is not None:
                found.append((token.i, frozenset({code})))
        return found

    @staticmethod
    def _nearest_currency(ctx: MentionContext, codes: tuple[str, ...], evidence: list[Evidence]) -> str:
        """The candidate the nearest country pays in (its sentence's countries before the others), else
        the word's default."""
        at, sentence = ctx.tokens[0].i, ctx.sentence

        def rank(item: Evidence) -> tuple[bool, int]:
            i = item[0]
            return (not sentence.start <= i < sentence.end, abs(i - at))

        for _, paid_in in sorted(evidence, key=rank):
            chosen = [code for code in codes if code in paid_in]
            if chosen:
                return chosen[0]
        return codes[0]
