"""French: the code the French language pack needs (its words are in ``models/fr/``)."""

from __future__ import annotations

from .base import LanguageHooks


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
