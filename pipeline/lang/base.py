"""The interface every language's code fills in; the defaults assume nothing of the language."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc


class LanguageHooks:
    """What a language needs as code. Generic modules call these; subclasses live in
    ``pipeline/lang/<code>.py`` and are registered in ``pipeline.lang.LANG``.

    date_order (str): how numeric dates are written, "DMY" or "MDY" ("14/03/2025").
    lowercase (str): the lowercase letters of the language, as the inside of a regex class.
    plural_word (str): a regex matching a lowercase word in the plural, at a word start.
    adjective_first (bool): a modifier stands before its noun ("last Tuesday", "the past 10 days"),
        not after it ("mardi dernier"): the date rules then take the direction before the noun too.
    conjunction_after_hundreds (bool): a number word joins a cardinal after the conjunction only after a
        hundred or a scale ("two hundred and five"); otherwise the lexicon's ``units_after_conjunction``
        decide ("vingt et un").
    compound_denominators (bool): an ordinal denominator takes the number words before it that make one
        cardinal with it ("one hundred thirty fifths" is 100/35); otherwise every number word before the
        ordinal is the numerator ("cent trente cinquièmes" is 130/5).
    spoken_hundreds (bool): a unit word before a ten says the hundreds ("one twenty two" is 122).
    singular_denominator_of_one (bool): an ordinal in the singular is a denominator only after one ("a
        fifth", not "two millionth"); otherwise after any numerator ("trois cinquième").
    """

    code: str = ""
    date_order: str = "DMY"
    lowercase: str = "a-z"
    plural_word: str = r"(?!)"  # matches nothing: no plural form is known
    adjective_first: bool = False
    conjunction_after_hundreds: bool = False
    compound_denominators: bool = False
    singular_denominator_of_one: bool = False
    spoken_hundreds: bool = False

    def plural(self, word: str) -> str:
        """The plural of a lexicon word (a noun, an ordinal); the word itself when the language does not inflect."""
        return word

    def singular(self, word: str) -> str | None:
        """The singular of a word written in the plural, or None when ``word`` does not look plural."""
        return None

    def is_plural(self, word: str) -> bool:
        """Whether a lowercase word looks like a plural noun ("2000 manifestants" counts people)."""
        return False

    def ordinal_stem(self, cardinal: str, stems: dict[str, str]) -> str:
        """The stem an ordinal suffix joins to a cardinal word; ``stems`` are the lexicon's exceptions."""
        return stems.get(cardinal, cardinal)

    def universal_parse(self, doc: Doc) -> None:
        """Make the Doc's dependency parse Universal Dependencies, as the relation rules read it (in place).

        The default assumes the language's model parses in Universal Dependencies already (as spaCy's
        French models do) and changes nothing."""
