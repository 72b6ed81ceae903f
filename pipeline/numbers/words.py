"""Number words read into values: text2num for cardinals, the language pack for the rest
(fractions, approximate nouns, the long scale)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from text_to_num import find_numbers

from ..lang import hooks


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))

_APOS = "['’]"


class _Word:
    """A token as text2num's ``find_numbers`` reads it."""

    __slots__ = ("word",)

    def __init__(self, word: str):
        self.word = word

    def text(self) -> str:
        return self.word

    def nt_separated(self, previous: _Word) -> bool:
        return False

    def not_a_number_part(self) -> bool:
        return False


@dataclass(frozen=True)
class WordNumber:
    """A number read from words, over tokens [start, end) of a run."""

    start: int
    end: int
    value: float
    kind: str  # cardinal, fraction (a ratio: deux tiers = 0.667), mixed (trois et un quart)
    article: bool = False  # a lone "un" / "une", an article far more often than a count
    ordinal: bool = False  # the denominator is an ordinal word ("cinquième"), not a fraction noun
    plural: bool = False  # ... in the plural ("trois cinquièmes")


class WordNumberReader:
    """Reads French number words from tokens: "quatre vingt dix neuf", "un million deux cent mille",
    "deux cent virgule trois", "deux tiers", "un vingt-cinquième", "cent trois et deux tiers".

    text2num reads the cardinals (right on all 22,000 we spelled out with num2words, 0 to 10^10); this reader
    adds what text2num does not do: fractions and ordinals as denominators, "et demi", decimals
    after "virgule" with leading zeros, the long scale ("billion" = 10^12), "millier", lone "un" as
    an article, and French's own rule for "et" (see ``_loose_conjunction``). Its words come from
    the lexicon.
    """

    # the longest cardinal handed to text2num: "neuf cent quatre vingt dix neuf mille ..." fits
    MAX_WORDS = 24
    MAX_CACHED = 50_000

    def __init__(self, lex: dict[str, Any], lang: str):
        self.lang = lang
        self.hooks = hooks(lang)
        self.values: dict[str, int] = dict(lex["number_words"])
        self.scales: dict[str, int] = {w: lex["scales"][w] for w in lex["word_scales"]}
        self.plural_only = set(lex["plural_only"])
        self.conjunctions = set(lex["number_conjunctions"])
        self.decimal_words = set(lex["decimal_words"])
        self.articles = set(lex["article_words"])
        self.expression_only: dict[str, int] = dict(lex["expression_only_numbers"])
        self.fraction_nouns: dict[str, int] = dict(lex["fractions"])
        self.ordinals = self._ordinal_forms(lex)
        # irregular ordinals that are a denominator only at the end of a compound ("twenty-first")
        self.compound_ordinals = {form for o in lex["compound_ordinals"] for form in (o, self.hooks.plural(o))}
        self.cardinal_words = set(self.values) | set(self.scales) | self.conjunctions
        self.units_after_conjunction = set(lex["units_after_conjunction"])
        self._prefixes: dict[tuple[str, ...], tuple[int, int] | None] = {}

    def _ordinal_forms(self, lex: dict[str, Any]) -> dict[str, tuple[str, bool]]:
        """Every ordinal form ("cinquième", "cinquiemes") → (its cardinal word, plural)."""
        forms: dict[str, tuple[str, bool]] = {}
        stems = lex["ordinal_stems"]
        for word in list(self.values) + list(self.scales):
            if word in self.plural_only or self.hooks.singular(word) in self.scales:
                continue
            stem = self.hooks.ordinal_stem(word, stems)
            for suffix in lex["ordinal_suffixes"]:
                forms[stem + suffix] = (word, False)
                forms[self.hooks.plural(stem + suffix)] = (word, True)
        for ordinal, word in lex["compound_ordinals"].items():
            forms[ordinal] = (word, False)
            forms[self.hooks.plural(ordinal)] = (word, True)
        return forms

    def vocabulary(self) -> list[str]:
        nouns = list(self.fraction_nouns) + [self.hooks.plural(n) for n in self.fraction_nouns]
        return (list(self.values) + list(self.scales) + list(self.conjunctions) + list(self.decimal_words)
                + nouns + list(self.ordinals) + list(self.expression_only))

    def read(self, tokens: list[str]) -> list[WordNumber]:
        """Every number in a run of number words, left to right, longest first."""
        found, i = [], 0
        while i < len(tokens):
            number = self._number_at(tokens, i)
            if number is None:
                i += 1
                continue
            found.append(number)
            i = number.end
        return found

    def _cardinal(self, t: list[str], i: int) -> tuple[int, int] | None:
        parsed = self._cardinal_with_scale(t, i)
        return parsed[:2] if parsed else None

    def _cardinal_with_scale(self, t: list[str], i: int) -> tuple[int, int, float] | None:
        """The cardinal starting at token i: (value, end, scale of its last word, inf if none).

        text2num reads the cardinal words; the scales it does not know ("millier", "billion")
        join groups here, in decreasing order: "deux billions trois cent milliards".
        """
        if i >= len(t) or t[i] in self.plural_only:
            return None  # "cents" alone is a coin
        if self.values.get(t[i]) == 0:
            return 0, i + 1, math.inf  # "zéro" stands alone: text2num reads "zéro trente" as 30
        total, j, last_scale = 0, i, math.inf
        while True:
            group = self._text2num_prefix(tuple(t[j : j + self.MAX_WORDS]))
            value, after = (group[0], j + group[1]) if group else (None, j)
            if after == j + 1 and value is not None and t[j] in self.scales and self.scales[t[j]] != 1000:
                value, after = None, j  # "millions" alone is no number; "mille" is
            scale = self.scales.get(t[after]) if after < len(t) else None
            k = after + 1
            while scale and k < len(t) and self.scales.get(t[k], 0) > self.scales[t[k - 1]]:
                scale, k = scale * self.scales[t[k]], k + 1  # "three lakh crore": a scale of a larger scale
            if scale and scale < last_scale and (value is not None or scale == 1000):
                total += (1 if value is None else value) * scale
                last_scale, j = scale, k
                continue
            if value is not None and value < last_scale:
                total, j = total + value, after
            break
        if j == i:
            return None
        return total, j, self.scales.get(t[j - 1], math.inf)

    def _text2num_prefix(self, words: tuple[str, ...]) -> tuple[int, int] | None:
        """(value, number of words) of the cardinal text2num reads at the start of ``words``, or None."""
        if words not in self._prefixes:
            if len(self._prefixes) >= self.MAX_CACHED:
                self._prefixes.clear()  # a long batch must not grow memory
            self._prefixes[words] = self._read_with_text2num(words)
        return self._prefixes[words]

    def _read_with_text2num(self, words: tuple[str, ...]) -> tuple[int, int] | None:
        fed: list[str] = []  # what text2num reads
        consumed: list[int] = []  # how many of ``words`` each word fed to text2num accounts for
        for k, word in enumerate(words):
            if word not in self.cardinal_words or self._loose_conjunction(words, k):
                break
            if word in self.units_after_conjunction and fed and fed[-1] not in self.conjunctions and (
                    self.values.get(fed[-1], 0) in range(20, 100, 10)):
                fed.append(next(iter(self.conjunctions)))  # "vingt-un" is read as "vingt et un"
                consumed.append(k)
            fed.append(word)
            consumed.append(k + 1)
        found = find_numbers([_Word(w) for w in fed], self.lang, threshold=0) if fed else None
        if not found or found[0].start != 0 or found[0].is_ordinal:
            return None
        return int(found[0].value), consumed[found[0].end - 1]

    def _loose_conjunction(self, words: tuple[str, ...], k: int) -> bool:
        """text2num joins any number after "et"; French joins only "un", "une", "onze" ("vingt et un").
        Another one joins when nothing but the end of the number or another "et" follows it ("vingt et
        trois et trois cinquièmes" is 23 3/5), not before a denominator ("cent et trois quarts") or a
        hundred ("entre vingt et trois cents")."""
        if words[k] not in self.conjunctions or k + 1 >= len(words):
            return False
        if self.hooks.conjunction_after_hundreds:
            # "two hundred and five", "a thousand and one"; but "twenty and three fifths", "five and six",
            # and before a fraction: "five billion and three quarters", "two million and a half"
            prev = words[k - 1] if k else ""
            if k + 2 < len(words) and self._denominator(words[k + 2]) is not None:
                return True
            return not (self.values.get(prev, 0) >= 100 or prev in self.scales)
        if words[k + 1] in self.units_after_conjunction:
            return False
        return k + 2 < len(words) and words[k + 2] not in self.conjunctions

    def _decimals(self, t: list[str], i: int) -> tuple[float, int] | None:
        """The part after "virgule": "trois" = .3, "cinquante deux" = .52, "zéro cinq" = .05."""
        zeros = 0
        while i + zeros < len(t) and self.values.get(t[i + zeros]) == 0:
            zeros += 1
        # the decimals stop before a scale, which multiplies the whole number ("deux virgule cinq millions")
        stop = next((k for k in range(i + zeros, len(t)) if t[k] in self.scales), len(t))
        rest = self._cardinal(t[:stop], i + zeros)
        if rest is None:
            return (0.0, i + zeros) if zeros else None
        return float(f"0.{'0' * zeros}{rest[0]}"), rest[1]

    def _number_at(self, t: list[str], i: int) -> WordNumber | None:
        if t[i] in self.expression_only:
            # "single": a count when the text is one (normalize_number), an adjective in running text
            return WordNumber(i, i + 1, self.expression_only[t[i]], "cardinal", article=True)
        fraction = self._fraction(t, i)
        cardinal = self._cardinal_with_scale(t, i)
        if cardinal is None:
            return self._scaled_fraction(t, fraction) or self._bare_fraction_of_scale(t, i)
        value, j, scale = float(cardinal[0]), cardinal[1], cardinal[2]
        if self.hooks.spoken_hundreds and j == i + 1 and (spoken := self._spoken_hundreds(t, i)):
            return spoken
        if j < len(t) and t[j] in self.decimal_words and (dec := self._decimals(t, j + 1)):
            end, scaled = dec[1], value + dec[0]
            if scale == math.inf and end < len(t) and t[end] in self.scales:
                # "two point two million": the scale after the decimals multiplies the whole number
                scaled, end = scaled * self.scales[t[end]], end + 1
            return WordNumber(i, end, scaled, "cardinal")
        if j < len(t) and t[j] in self.conjunctions:
            part = self.fraction_after_and(t, j + 1)
            if part is not None and part[0] >= 1 and fraction is not None and fraction.end >= part[1]:
                # no mixed number has a part of one or more: "one hundred and thirty fifths" is 130/5
                return self._scaled_fraction(t, fraction)
            if part is not None:
                # "un million et demi" adds half a million; "cent trois et deux tiers", two thirds;
                # "un milliard et demi million", half of the smaller scale named after it
                unit, end = (scale if scale != math.inf else 1), part[1]
                named = self.scales.get(t[end]) if end < len(t) else None
                if named is not None and named < unit:
                    unit, end = named, end + 1
                return WordNumber(i, end, value + part[0] * unit, "cardinal" if unit > 1 else "mixed")
        if fraction is not None and fraction.end >= j:
            return self._scaled_fraction(t, fraction)
        if j < len(t) and self._ends_ordinal(t, j):
            return None  # "twenty-first place", "the thirty-fifth anniversary": an ordinal, no count
        return WordNumber(i, j, value, "cardinal", article=j == i + 1 and t[i] in self.articles)

    def _ends_ordinal(self, t: list[str], j: int) -> bool:
        """Whether t[j] is an ordinal in the singular that makes one ordinal with the cardinal before it
        (a compound-only one after a ten: "twenty-second", but "one second" is a duration)."""
        denom = self._denominator(t[j])
        if denom is None or denom[1] is None or denom[2]:
            return False
        return t[j] not in self.compound_ordinals or self.values.get(t[j - 1]) in range(20, 100, 10)

    def _spoken_hundreds(self, t: list[str], i: int) -> WordNumber | None:
        """"one twenty two" is 122: a unit word, then a ten (and a unit) ending the number."""
        if not 1 <= self.values.get(t[i], 0) <= 9 or t[i] in self.articles or i + 1 >= len(t):
            return None
        if self.values.get(t[i + 1]) not in range(20, 100, 10):
            return None
        rest = self._cardinal_with_scale(t, i + 1)
        if rest is None or rest[0] >= 100 or (rest[1] < len(t) and (
                self.multiplier(t[rest[1]]) or self._denominator(t[rest[1]]) is not None)):
            return None
        return WordNumber(i, rest[1], float(self.values[t[i]] * 100 + rest[0]), "cardinal")

    def fraction_after_and(self, t: list[str], i: int) -> tuple[float, int] | None:
        """The fraction after "et": "demi(e)" alone is a half; else "trois quarts", "un cinquième"."""
        denom = self._denominator(t[i]) if i < len(t) else None
        if denom is not None and denom[1] is None:
            return 1 / denom[0], i + 1
        part = self._fraction(t, i)
        return (part.value, part.end) if part is not None and part.kind == "fraction" else None

    def _bare_fraction_of_scale(self, t: list[str], i: int) -> WordNumber | None:
        """"half a million", "quarter million": a fraction noun with no numerator before a scale (after an
        article or not) is that part of the scale."""
        denominator = self.fraction_nouns.get(t[i])
        if denominator is None:
            return None
        j = i + 2 if i + 2 < len(t) and t[i + 1] in self.articles else i + 1
        scale = self.scales.get(t[j]) if j < len(t) else None
        return WordNumber(i, j + 1, scale / denominator, "cardinal") if scale else None

    def _scaled_fraction(self, t: list[str], fraction: WordNumber | None) -> WordNumber | None:
        """"un demi-million": a fraction of the scale that follows it."""
        if fraction is None or fraction.kind != "fraction" or fraction.end >= len(t):
            return fraction
        scale = self.scales.get(t[fraction.end])
        if scale is None:
            return fraction
        return WordNumber(fraction.start, fraction.end + 1, fraction.value * scale, "cardinal")

    def _denominator(self, token: str) -> tuple[int, str | None, bool] | None:
        """(value, cardinal word or None for a fraction noun, plural) of a denominator word."""
        if token in self.ordinals:
            word, plural = self.ordinals[token]
            return self.values.get(word) or self.scales[word], word, plural
        if token in self.fraction_nouns:
            return self.fraction_nouns[token], None, False
        singular = self.hooks.singular(token)
        if singular in self.fraction_nouns:
            return self.fraction_nouns[singular], None, True
        return None

    def _fraction(self, t: list[str], i: int) -> WordNumber | None:
        k = i
        while k < len(t) and self._denominator(t[k]) is None and (
            t[k] in self.values or t[k] in self.scales or t[k] in self.conjunctions
        ):
            k += 1
        if k == i or k >= len(t) or (denom := self._denominator(t[k])) is None:
            return None
        denominator, word, plural = denom
        head, whole = t[i:k], 0
        if word is None and head[0] in self.articles and len(head) > 1:
            return None  # "un demi" is a half; "un cent tiers" is nothing
        if len(head) >= 3 and head[-2] in self.conjunctions and head[-1] in self.articles:
            # "vingt et un cinquième" is read 20 + 1/5, as Recognizers-Text reads it
            whole = self._numerator(head[:-2])
            if whole is None or t[k] in self.compound_ordinals:
                return None
            numerator = 1
        else:
            split = self._split(head, word, denominator, compound_only=t[k] in self.compound_ordinals)
            if split is None:
                return None
            numerator, denominator = split
        if not denominator or (word is not None and not plural and numerator != 1
                               and self.hooks.singular_denominator_of_one):
            return None  # "two millionth": a singular ordinal is a denominator of one only
        return WordNumber(i, k + 1, whole + numerator / denominator, "mixed" if whole else "fraction",
                          ordinal=word is not None, plural=plural)

    def multiplier(self, word: str) -> bool:
        """A hundred or a scale: a word that multiplies the number before it."""
        return word in self.scales or self.values.get(word, 0) >= 100

    def _numerator(self, words: list[str]) -> int | None:
        """The cardinal that is all of ``words``; a lone article is one ("un cinquième")."""
        if len(words) == 1 and words[0] in self.articles:
            return 1
        parsed = self._cardinal(words, 0)
        return parsed[0] if parsed is not None and parsed[1] == len(words) else None

    def _split(self, head: list[str], word: str | None, denominator: int, *,
               compound_only: bool) -> tuple[int, int] | None:
        """(numerator, denominator) of the number words ``head`` before a denominator word.

        With the language's ``compound_denominators``, an ordinal of a unit or a ten takes the
        number words before it into the denominator when they make one cardinal with it, the
        longest such one that leaves a whole numerator: "one hundred thirty fifths" is 100/35, "a
        twenty-first" 1/21, "one one hundred fifth" 1/105 (as Recognizers-Text reads them). A
        denominator starts with neither a hundred, a scale, a conjunction nor an article, and holds
        a hundred or a scale only after a one: "ninety-five hundred fifths" is 9500/5. An ordinal of
        a hundred or a scale is the denominator alone: "a hundred trillionths" is 100/10^12.
        Otherwise the words after an article all make the denominator ("un vingt-cinquième" is 1/25)
        and, with no article, all the words before the ordinal the numerator. A compound-only
        ordinal ("first") needs words of the denominator before it.
        """
        if word is not None and self.hooks.compound_denominators:
            for s in range(1, len(head) if not self.multiplier(word) else 0):
                first = head[s]
                if first in self.articles or self.values.get(first, 100) >= 100 or (
                        self.values[first] != 1 and any(self.multiplier(w) for w in head[s:])):
                    continue
                numerator = self._numerator(head[:s])
                parsed = self._cardinal(head[s:] + [word], 0)
                if numerator is not None and parsed is not None and parsed[1] == len(head) - s + 1:
                    return numerator, parsed[0]
        elif word is not None and head[0] in self.articles and len(head) > 1:
            parsed = self._cardinal(head[1:] + [word], 0)
            return (1, parsed[0]) if parsed is not None and parsed[1] == len(head) else None
        if compound_only:
            return None
        numerator = self._numerator(head)
        return None if numerator is None else (numerator, denominator)
