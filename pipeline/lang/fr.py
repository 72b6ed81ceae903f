"""French: the code the French language pack needs (its words are in ``models/fr/``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .base import LanguageHooks

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..languages import LanguageResources


class French(LanguageHooks):
    code = "fr"
    date_order = "DMY"
    lowercase = "a-zàâçéèêëîïôûùüÿœ"
    # after a year, a plural word makes it a count: "2000 manifestants"
    plural_word = r"[a-zéè]+s\b"

    def plural(self, word: str) -> str:
        return word + "s"

    def singular(self, word: str) -> str | None:
        return word[:-1] if word.endswith("s") else None

    def is_plural(self, word: str) -> bool:
        return len(word) > 3 and word.endswith(("s", "x"))

    def ordinal_stem(self, cardinal: str, stems: dict[str, str]) -> str:
        # "onze" -> "onzième": a final e drops; "cinq" -> "cinquième" is an exception of the lexicon
        return stems.get(cardinal, cardinal[:-1] if cardinal.endswith("e") else cardinal)

    def is_future(self, verb: Token, data: LanguageResources) -> bool:
        """The future tense, or the near future: an auxiliary of ``future_aux_lemmas`` in the
        present before an infinitive ("va signer")."""
        if super().is_future(verb, data):
            return True
        if verb.morph.get("VerbForm") != ["Inf"]:
            return False
        lemmas = data.dates["future_aux_lemmas"]
        return any(child.dep_.startswith("aux") and child.lemma_ in lemmas and "Pres" in child.morph.get("Tense")
                   for child in verb.children)
