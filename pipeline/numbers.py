"""Find and normalize quantity expressions ("plus de 6 000", "2,5 millions", "la moitié").

Plain functions over text, no spaCy: the ``faits_numbers`` component calls
:func:`find_quantities` on a Doc's text. text2num reads spelled-out cardinals;
everything French is data in ``models/<lang>/numbers.json``: number words and
what text2num does not read (:class:`WordNumberReader`), digit groups with any
space, scales, approximate nouns, fractions and ratios, qualifiers (before or
after the number), ranges, currencies and their minor units, and what is not a
quantity (clock times, ages, identifiers).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from text_to_num import find_numbers

from .lang import hooks
from .languages import DEFAULT_LANG, language_data

QUALIFIERS = ("exact", "approx", "more_than", "at_least", "less_than", "at_most", "range")


@dataclass(frozen=True)
class Quantity:
    """A normalized quantity.

    value: the number, or the low end of a range; a proportion in percent.
    high: the high end of a range, else None.
    qualifier: one of QUALIFIERS.
    unit: "%", an ISO 4217 code, a time unit ("mois"), or None for a plain count.
    """

    value: float
    high: float | None = None
    qualifier: str = "exact"
    unit: str | None = None


@dataclass(frozen=True)
class QuantityMention:
    """A quantity found in running text, with character offsets (end exclusive)."""

    start: int
    end: int
    text: str
    value: float
    high: float | None
    qualifier: str
    unit: str | None
    # where the number itself (without qualifier) starts: relation extraction
    # anchors on it.
    core_start: int
    core_end: int

    def to_dict(self) -> dict[str, Any]:
        # its fields are all scalars: a shallow copy, which dataclasses.asdict (deep) is ten times slower at
        return dict(self.__dict__)

    @property
    def quantity(self) -> Quantity:
        return Quantity(self.value, self.high, self.qualifier, self.unit)


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _as_percent(ratio: float) -> float:
    """A proportion in percent, to four significant digits (un tiers = 33.33, deux tiers = 66.67)."""
    return float(f"{100 * ratio:.4g}")


_APOS = "['’]"


# -- spelled-out numbers ----------------------------------------------------------------------


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
        self.fraction_nouns: dict[str, int] = dict(lex["fractions"])
        self.ordinals = self._ordinal_forms(lex)
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
        return forms

    def vocabulary(self) -> list[str]:
        nouns = list(self.fraction_nouns) + [self.hooks.plural(n) for n in self.fraction_nouns]
        return (list(self.values) + list(self.scales) + list(self.conjunctions) + list(self.decimal_words)
                + nouns + list(self.ordinals))

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
            if scale and scale < last_scale and (value is not None or scale == 1000):
                total += (1 if value is None else value) * scale
                last_scale, j = scale, after + 1
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
        if words[k + 1] in self.units_after_conjunction:
            return False
        return k + 2 < len(words) and words[k + 2] not in self.conjunctions

    def _decimals(self, t: list[str], i: int) -> tuple[float, int] | None:
        """The part after "virgule": "trois" = .3, "cinquante deux" = .52, "zéro cinq" = .05."""
        zeros = 0
        while i + zeros < len(t) and self.values.get(t[i + zeros]) == 0:
            zeros += 1
        rest = self._cardinal(t, i + zeros)
        if rest is None:
            return (0.0, i + zeros) if zeros else None
        return float(f"0.{'0' * zeros}{rest[0]}"), rest[1]

    def _number_at(self, t: list[str], i: int) -> WordNumber | None:
        fraction = self._fraction(t, i)
        cardinal = self._cardinal_with_scale(t, i)
        if cardinal is None:
            return self._scaled_fraction(t, fraction)
        value, j, scale = float(cardinal[0]), cardinal[1], cardinal[2]
        if j < len(t) and t[j] in self.decimal_words and (dec := self._decimals(t, j + 1)):
            return WordNumber(i, dec[1], value + dec[0], "cardinal")
        if j < len(t) and t[j] in self.conjunctions:
            part = self.fraction_after_and(t, j + 1)
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
        return WordNumber(i, j, value, "cardinal", article=j == i + 1 and t[i] in self.articles)

    def fraction_after_and(self, t: list[str], i: int) -> tuple[float, int] | None:
        """The fraction after "et": "demi(e)" alone is a half; else "trois quarts", "un cinquième"."""
        denom = self._denominator(t[i]) if i < len(t) else None
        if denom is not None and denom[1] is None:
            return 1 / denom[0], i + 1
        part = self._fraction(t, i)
        return (part.value, part.end) if part is not None and part.kind == "fraction" else None

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
        if head[0] in self.articles:
            # "un vingt-cinquième" is 1/25: after the article the words all make the denominator
            numerator = 1
            if word is None:
                if len(head) > 1:
                    return None
            elif len(head) > 1:
                parsed = self._cardinal(head[1:] + [word], 0)
                if parsed is None or parsed[1] != len(head):
                    return None
                denominator = parsed[0]
        else:
            if len(head) >= 3 and head[-2] in self.conjunctions and head[-1] in self.articles:
                # "vingt et un cinquième" is read 20 + 1/5, as Recognizers-Text reads it
                head, numerator = head[:-2], 1
                parsed = self._cardinal(head, 0)
                if parsed is None or parsed[1] != len(head):
                    return None
                whole = parsed[0]
            else:
                parsed = self._cardinal(head, 0)
                if parsed is None or parsed[1] != len(head):
                    return None
                numerator = parsed[0]
        if not denominator:
            return None
        return WordNumber(i, k + 1, whole + numerator / denominator, "mixed" if whole else "fraction",
                          ordinal=word is not None, plural=plural)


# -- the grammar -------------------------------------------------------------------------------


class NumberGrammar:
    """Regular expressions compiled once per language from its numbers lexicon."""

    def __init__(self, lex: dict[str, Any], lang: str):
        self.lex = lex
        self.hooks = hooks(lang)
        self.words = WordNumberReader(lex, lang)
        seps = "".join(re.escape(s) for s in lex["group_separators"])
        dec = re.escape(lex["decimal_separator"])
        self.decimal_separator = lex["decimal_separator"]
        self.scales: dict[str, int] = lex["scales"]
        self.digit_scales: dict[str, int] = {**lex["scales"], **lex["digit_scales"]}
        self.approx_nouns: dict[str, int] = lex["approximate_nouns"]
        plural = self.hooks.plural
        # each approximate noun and fraction in the singular and the plural -> its value
        self.approx_plurals = {plural(n).lower(): v for n, v in self.approx_nouns.items()}
        self.approx_forms = {**self.approx_plurals, **{n.lower(): v for n, v in self.approx_nouns.items()}}
        self.fractions: dict[str, int] = lex["fractions"]
        self.fraction_forms = {**{plural(f).lower(): v for f, v in self.fractions.items()},
                               **{f.lower(): v for f, v in self.fractions.items()}}
        self.fraction_multipliers: dict[str, int] = lex["fraction_multipliers"]
        self.currency_of = {form.lower(): code for code, forms in lex["currencies"].items() for form in forms}
        self.scaled_currency_of = {form.lower(): code for code, forms in lex["scaled_only_currencies"].items()
                                   for form in forms}
        self.minor_currency_of = {form.lower(): (code, factor)
                                  for form, (code, factor) in lex["minor_currencies"].items()}
        self.time_unit_of = {form: unit for unit, forms in lex["time_units"].items() for form in forms}
        self.age_units = set(lex["age_units"])
        of = _alternation(lex["of_words"])

        digits = rf"(?:\d{{1,3}}(?:[{seps}]\d{{3}})+|\d+)(?:{dec}\d+)?|{dec}\d+"
        before = _alternation(lex["currency_symbols_before"])
        scale_alt = _alternation(list(self.digit_scales))
        self.digit_core = re.compile(
            rf"(?<![\w.,/\-−])(?:(?P<pre>{before})\s?)?(?P<sign>[-−])?(?P<num>{digits})"
            rf"(?P<exp>[eE][+-]?\d+|\^[+-]*\d+)?(?:\s{{0,2}}(?P<scale>{scale_alt}))?(?![\w]|[.,]\d|-\w|/\d)"
        )
        self.digit_fraction = re.compile(
            r"(?<![\w.,/\-−])(?P<sign>[-−])?(?:(?P<whole>\d+)\s+)?(?P<num>\d+)/(?P<den>\d+)(?![\w/]|[.,]\d)"
        )
        self.date_before = re.compile(rf"(?<!\w)(?:{_alternation(lex['date_determiners'])})\s+$", re.IGNORECASE)
        vocabulary = _alternation(self.words.vocabulary())
        run = rf"(?<![\w\-])(?:{vocabulary})(?:[\s\-]+(?:{vocabulary}))*(?![\w\-])"
        self.word_run = re.compile(run, re.IGNORECASE)
        # the same on text lowercased beforehand: four times faster than case-blind matching
        self.word_run_lowered = re.compile(run)
        approx_alt = _alternation(list(self.approx_nouns))
        approx_plural_alt = _alternation([plural(n) for n in self.approx_nouns])
        sing = _alternation(lex["approximate_singular_determiners"])
        vague = _alternation(lex["vague_plural_determiners"])
        plural_scales = _alternation(lex["vague_plural_scales"])
        self.approx_core = re.compile(
            rf"(?<!\w)(?:(?P<sing>{sing})\s+(?P<noun>{approx_alt})"
            rf"|(?P<vague>{vague})\s+(?P<pnoun>{approx_plural_alt})"
            rf"|(?P<vague2>{vague})\s+(?P<pscale>{plural_scales}))(?!\w)"
            rf"(?:\s+(?:{of})\s*(?P<of>{plural_scales})(?!\w))?",
            re.IGNORECASE,
        )
        self.approx_after = re.compile(
            rf"^\s+(?P<noun>{_alternation(self.approx_forms)})(?!\w)(?:\s+(?:{of})\s*(?P<of>{plural_scales})(?!\w))?",
            re.IGNORECASE,
        )
        frac_alt = _alternation(list(self.fractions) + [plural(f) for f in self.fractions])
        mult_alt = _alternation(list(self.fraction_multipliers))
        self.fraction_core = re.compile(
            rf"(?<!\w)(?P<mult>{mult_alt})\s+(?P<frac>{frac_alt})(?=\s+(?:{of}))", re.IGNORECASE
        )
        self.of_after = re.compile(rf"^\s*(?:$|[^\w\s\-]|(?:{of})(?!\w))", re.IGNORECASE)
        cur_alt = _alternation(list(self.currency_of) + list(self.minor_currency_of))
        self.currency_after = re.compile(rf"^\s?(?:(?:{of})\s*)?(?P<cur>{cur_alt})(?![\w])", re.IGNORECASE)
        scaled_alt = _alternation(list(self.scaled_currency_of))
        self.scaled_currency_after = re.compile(rf"^\s?(?:(?:{of})\s*)?(?P<cur>{scaled_alt})(?![\w])",
                                                re.IGNORECASE)
        pct_alt = _alternation(lex["percent_words"])
        self.percent_after = re.compile(rf"^\s?(?P<pct>{pct_alt})(?!\w)", re.IGNORECASE)
        conj = _alternation(lex["number_conjunctions"])
        self.and_after = re.compile(rf"\s+(?:{conj})\s+", re.IGNORECASE)
        tu_alt = _alternation(list(self.time_unit_of))
        self.time_unit_after = re.compile(rf"^\s(?P<tu>{tu_alt})(?!\w)", re.IGNORECASE)
        self._compile_qualifiers(lex)
        self._compile_exclusions(lex)

    def _compile_qualifiers(self, lex: dict[str, Any]) -> None:
        qual_pairs = [(q, phrase) for q, phrases in lex["qualifiers"].items() for phrase in phrases]
        self.qualifier_of = {p.lower(): q for q, p in qual_pairs}
        qual_alt = _alternation([p for _, p in qual_pairs])
        fillers = _alternation(lex["qualifier_fillers"])
        self.qualifier_before = re.compile(
            rf"(?<!\w)(?P<q>{qual_alt})(?:\s+|(?<={_APOS}))(?:(?:{fillers})\s+)?$", re.IGNORECASE
        )
        post_pairs = [(q, p) for q, phrases in lex["postposed_qualifiers"].items() for p in phrases]
        self.postposed_of = {p.lower(): q for q, p in post_pairs}
        # "12 000 soldats au maximum", "dix ans d'emprisonnement au maximum"; only before punctuation
        # or a preposition: "au plus fort de la tempête" is no qualifier.
        self.qualifier_after = re.compile(
            rf"^(?:[ \u00a0]+[\w'’\-]+){{0,3}}?[ \u00a0]+(?P<q>{_alternation([p for _, p in post_pairs])})"
            rf"(?=[ \u00a0]*(?:[,.;:!?)»]|$)|[ \u00a0]+(?:{_alternation(lex['postposed_qualifier_followers'])})(?!\w))",
            re.IGNORECASE,
        )
        openers = [o for o, _ in lex["range_patterns"] if o]
        self.range_open = re.compile(rf"(?<!\w)(?P<open>{_alternation(openers)})\s*$", re.IGNORECASE)
        self.range_needs = {c.lower(): {o.lower() for o, c2 in lex["range_patterns"] if c2 == c}
                            for _, c in lex["range_patterns"]}
        self.range_between = re.compile(
            rf"^\s*(?P<conn>{_alternation([c for _, c in lex['range_patterns']])})\s*$", re.IGNORECASE
        )
        negative = _alternation(lex["negative_words"])
        blockers = _alternation(lex["negative_blockers"])
        self.negative_before = re.compile(rf"(?<!\w)(?P<neg>{negative})\s+$", re.IGNORECASE)
        self.negative_blocked = re.compile(rf"(?<!\w)(?:{blockers})\s+(?:{negative})\s+$", re.IGNORECASE)
        self.article_count_before = re.compile(rf"(?<!\w)(?:{_alternation(lex['article_counts_after'])})\s+$",
                                               re.IGNORECASE)
        # one noun between the two counts: "un mort et trois blessés"
        self.enumeration = re.compile(
            rf"\s+[^\W\d_][\w'’\-]*\s*(?:{_alternation(lex['enumeration_joiners'])})\s*", re.IGNORECASE
        )
        self.ratio_between = re.compile(rf"^\s+(?:{_alternation(lex['ratio_words'])})\s+$", re.IGNORECASE)

    def _compile_exclusions(self, lex: dict[str, Any]) -> None:
        blocked = _alternation(lex["not_quantity_before"])
        self.blocked_before = re.compile(rf"(?<!\w)(?:{blocked})\.?\s*$")
        age_nouns = _alternation(lex["age_nouns"] + [self.hooks.plural(n) for n in lex["age_nouns"]])
        age_cues = _alternation(lex["age_cues"])
        age_links = _alternation(lex["age_noun_links"])
        self.age_before = re.compile(
            rf"(?:(?<!\w)(?:{age_nouns})(?:\s+\w+)?\s+(?:{age_links})\s*|(?<!\w)(?:{age_cues})\s*|,\s*)$",
            re.IGNORECASE,
        )
        hour = r"(?:[01]?\d|2[0-3])"
        clock_units = _alternation(lex["clock_cues"])
        clocks = [rf"(?<!\w)\d{{1,2}}\s?(?i:{clock_units})\s?\d{{2}}(?!\w)", r"(?<!\d)\d{1,2}:\d{2}(?!\d)",
                  rf"(?<!\w){hour}\s?(?:{clock_units})\s+(?:{_alternation(lex['clock_suffixes'])})(?!\w)"]
        for unit, cues in lex["clock_cues"].items():
            clocks.append(rf"(?<!\w)(?:{_alternation(cues)})\s+{hour}\s?{re.escape(unit)}(?:\s?[0-5]\d)?(?!\w)")
        self.clock = re.compile("|".join(clocks))
        self.score = re.compile(r"(?<![\w,.])(?:\d{1,2}[-–]\d{1,2}|\d\s[-–]\s\d)(?![\w,.%])")
        self.phone = re.compile(rf"(?<!\d)(?:{'|'.join(lex['phone_patterns'])})(?!\d)")
        self.url = re.compile(r"(?:https?://|www\.)\S+")
        self.identifier = re.compile(rf"(?<![\w.,])(?:{'|'.join(lex['identifier_patterns'])})(?!\w)")
        # "l'association Utopia 56,": a small number right after a name inside a sentence names a thing
        self.name_before = re.compile(r"[a-zà-ÿ,]\s+[A-ZÀ-Ý][a-zà-ÿ]+\s$")
        self.name_after = re.compile(r"^\s*(?:[,.;:)»]|$)")
        self.word_after = re.compile(rf"\s+([{self.hooks.lowercase}]+)")
        # "15 dollars et 15 cents", "15 dollars 50": one amount
        self.amount_between = re.compile(rf"\s+(?:(?:{_alternation(lex['amount_joiners'])})\s+)?")


@cache
def grammar(lang: str = DEFAULT_LANG) -> NumberGrammar:
    return NumberGrammar(language_data(lang).numbers, lang)


# -- finding numbers -----------------------------------------------------------------------------


@dataclass
class _Core:
    start: int
    end: int
    value: float
    qualifier: str = "exact"
    unit: str | None = None
    scaled: bool = False
    is_year_like: bool = False
    article: bool = False
    kind: str = "cardinal"  # cardinal, fraction, mixed, digits
    minor: bool = False  # the unit came from a minor currency word (cents)
    number_start: int | None = None  # after a currency written before the number ("$10")


def _parse_digits(text: str, g: NumberGrammar) -> float:
    integer, _, fraction = text.partition(g.decimal_separator)
    integer = re.sub(r"\D", "", integer) or "0"
    return float(f"{integer}.{fraction}") if fraction else float(integer)  # inf beyond a float, never an error


# An exponent past this many digits names no figure a float holds (and reading it would take long).
MAX_EXPONENT_DIGITS = 4
# A figure beyond this is not a quantity: sums and means over a column must stay finite.
MAX_VALUE = 1e300


def _apply_exponent(value: float, exp: str | None) -> float | None:
    """``value`` raised by ``exp`` ("e6", "E-3", "^2", "^--23"), or None when the result is no finite
    number (1e999999999, 0^-23, 7^9606): in floats and with a bounded exponent, whatever the input."""
    if not exp:
        return value
    digits = exp.lstrip("^eE+-")
    if len(digits) > MAX_EXPONENT_DIGITS:
        return None
    if exp.startswith("^"):
        # "1,1^+23", "2,5^-1"; the suites also write "^--23", read as two signs
        sign = -1 if exp.count("-") % 2 else 1
        power = sign * int(digits)
    else:
        power = int(exp[1:])
    try:
        result = value ** power if exp.startswith("^") else value * 10.0 ** power
    except (OverflowError, ZeroDivisionError):
        return None
    return result if _finite(result) else None


def _finite(value: float) -> bool:
    return math.isfinite(value) and abs(value) <= MAX_VALUE


class _Finder:
    """Collects the bare numbers of a text, longest first, never two on the same characters."""

    def __init__(self, text: str, g: NumberGrammar, masked: list[tuple[int, int]]):
        self.text, self.g = text, g
        self.taken = list(masked)
        self.found: list[_Core] = []

    def free(self, s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in self.taken)

    def add(self, core: _Core) -> None:
        self.found.append(core)
        self.taken.append((core.start, core.end))

    def approximate_nouns(self) -> None:
        g = self.g
        for m in g.approx_core.finditer(self.text):
            if not self.free(m.start(), m.end()):
                continue
            if m.group("noun"):
                value, qualifier = g.approx_nouns[m.group("noun").lower()], "approx"
            elif m.group("pnoun"):
                value, qualifier = g.approx_plurals[m.group("pnoun").lower()], "more_than"
            else:
                value, qualifier = g.scales[m.group("pscale").lower()], "more_than"
            if m.group("of"):
                value *= g.scales[m.group("of").lower()]
            self.add(_Core(m.start(), m.end(), float(value), qualifier))

    def fractions_of_groups(self) -> None:
        """"la moitié des", "un tiers des": a proportion in percent."""
        g = self.g
        for m in g.fraction_core.finditer(self.text):
            if not self.free(m.start(), m.end()):
                continue
            frac = m.group("frac").lower()
            denominator = g.fraction_forms[frac]
            mult = g.fraction_multipliers.get(m.group("mult").lower(), 1)
            self.add(_Core(m.start(), m.end(), _as_percent(mult / denominator), unit="%", kind="fraction"))

    def digit_fractions(self) -> None:
        """"3/4", "2 1/4"; a numerator above its denominator, or after "le", is a date or a score."""
        g = self.g
        for m in g.digit_fraction.finditer(self.text):
            if len(m.group("den")) > 2 or len(m.group("whole") or "") > 15:
                continue  # a denominator is at most 10; a run of digits is no whole part
            num, den = int(m.group("num")), int(m.group("den"))
            if not (0 < num < den <= 10) or g.date_before.search(self.text[: m.start()]):
                continue
            if not self.free(m.start(), m.end()):
                continue
            sign = -1 if m.group("sign") else 1
            if m.group("whole"):
                self.add(_Core(m.start(), m.end(), sign * (int(m.group("whole")) + num / den), kind="mixed"))
            else:
                self.add(_Core(m.start(), m.end(), sign * _as_percent(num / den), unit="%", kind="fraction"))

    def digit_numbers(self) -> None:
        g = self.g
        for m in g.digit_core.finditer(self.text):
            if not self.free(m.start(), m.end()):
                continue
            num = m.group("num")
            value = _apply_exponent(_parse_digits(num, g), m.group("exp"))
            if value is None:
                continue  # no finite figure (1e999999999): not a quantity
            scale = m.group("scale")
            if scale:
                value *= g.digit_scales[scale]
            if m.group("sign"):
                value = -value
            year_like = bool(re.fullmatch(r"\d{4}", num)) and 1800 <= value <= 2100 and not scale
            unit = g.currency_of[m.group("pre").lower()] if m.group("pre") else None
            self.add(_Core(m.start(), m.end(), value, unit=unit, scaled=bool(scale), is_year_like=year_like,
                           kind="digits", number_start=m.start("sign") if m.group("sign") else m.start("num")))

    def word_numbers(self) -> None:
        g = self.g
        lowered = self.text.lower()
        same_offsets = len(lowered) == len(self.text)
        for run in (g.word_run_lowered.finditer(lowered) if same_offsets else g.word_run.finditer(self.text)):
            spans = [(t.start() + run.start(), t.end() + run.start()) for t in re.finditer(r"[^\s\-]+", run.group(0))]
            tokens = [self.text[s:e].lower() for s, e in spans]
            for number in g.words.read(tokens):
                start, end = spans[number.start][0], spans[number.end - 1][1]
                if not self.free(start, end) or not self._fraction_stands(number, end):
                    continue
                value = number.value
                unit = None
                if number.kind == "fraction":
                    value, unit = _as_percent(value), "%"
                self.add(_Core(start, end, value, unit=unit, scaled=value >= 1000 and number.kind == "cardinal",
                               article=number.article, kind=number.kind))

    def _fraction_stands(self, number: WordNumber, end: int) -> bool:
        """An ordinal is a denominator only when nothing but "de", punctuation or the end follows,
        or in the plural: "un cinquième des voix", but "un cinquième mandat" is an ordinal."""
        if number.kind == "cardinal" or not number.ordinal or number.plural:
            return True
        return bool(self.g.of_after.match(self.text[end : end + 10]))


def _cores(text: str, g: NumberGrammar, masked: list[tuple[int, int]]) -> list[_Core]:
    """Every bare number in text, longest first, with the suffix unit it carries."""
    finder = _Finder(text, g, masked)
    finder.approximate_nouns()
    finder.fractions_of_groups()
    finder.digit_fractions()
    finder.digit_numbers()
    finder.word_numbers()
    found = sorted(finder.found, key=lambda c: c.start)
    prev_end = -1
    for core in found:
        if core.start < prev_end and core.number_start is not None:
            # "1 USD 23 cents": the code before 23 is the unit of 1
            core.start, core.unit = core.number_start, None
        _attach_suffix(text, core, g)
        prev_end = core.end
    return found


def _attach_suffix(text: str, core: _Core, g: NumberGrammar) -> None:
    after = text[core.end : core.end + 40]
    if core.kind in ("cardinal", "digits") and core.qualifier == "exact" and core.unit is None:
        m = g.approx_after.match(after)
        if m and not core.scaled:
            # "3 douzaines", "deux centaines de milliers"
            value = core.value * g.approx_forms[m.group("noun").lower()]
            if m.group("of"):
                value *= g.scales[m.group("of").lower()]
            core.value, core.qualifier, core.end, core.article = value, "approx", core.end + m.end(), False
            after = text[core.end : core.end + 40]
    if core.scaled and core.kind == "digits":
        _add_fraction_of_scale(text, core, g)
        after = text[core.end : core.end + 40]
    if core.unit is not None:
        return
    m = g.percent_after.match(after)
    if m:
        core.unit, core.end = "%", core.end + m.end()
        return
    m = g.currency_after.match(after)
    if m:
        word = m.group("cur").lower()
        if word in g.minor_currency_of:
            code, factor = g.minor_currency_of[word]
            core.value, core.minor = core.value / factor, True
        else:
            code = g.currency_of[word]
        core.unit, core.end, core.article = code, core.end + m.end(), False
        return
    m = g.scaled_currency_after.match(after) if core.scaled else None
    if m:
        core.unit, core.end = g.scaled_currency_of[m.group("cur").lower()], core.end + m.end()
        return
    m = g.time_unit_after.match(after)
    if m:
        core.unit = g.time_unit_of.get(m.group("tu").lower())
        # the unit word stays outside the span: it is the counted noun.


def _add_fraction_of_scale(text: str, core: _Core, g: NumberGrammar) -> None:
    """"3 millions et demi": half of the scale the number carries."""
    m = g.and_after.match(text, core.end)
    run = g.word_run.match(text, m.end()) if m else None
    if run is None:
        return
    tokens = re.findall(r"[^\s\-]+", run.group(0).lower())
    part = g.words.fraction_after_and(tokens, 0)
    scale = core.value / _unscaled(core, text, g)
    if part is not None and part[1] == len(tokens):
        core.value += part[0] * scale
        core.end = run.end()


def _count_articles(text: str, cores: list[_Core], g: NumberGrammar) -> None:
    """A lone "un" counts as 1 after "dont" ("trois ans de prison, dont un an avec sursis") and
    next to another count joined by "et" ("un mort et trois blessés", "deux morts et une blessée")."""
    def counts(other: _Core | None) -> bool:
        return other is not None and not other.article and not _is_excluded(text, other, g, articles=False)

    for i, core in enumerate(cores):
        if not core.article:
            continue
        prev = cores[i - 1] if i > 0 else None
        nxt = cores[i + 1] if i + 1 < len(cores) else None
        if (g.article_count_before.search(text, max(0, core.start - 20), core.start)
                or (counts(nxt) and g.enumeration.fullmatch(text, core.end, nxt.start))
                or (counts(prev) and g.enumeration.fullmatch(text, prev.end, core.start))):
            core.article = False


def _is_excluded(text: str, core: _Core, g: NumberGrammar, articles: bool) -> bool:
    before = text[max(0, core.start - 40) : core.start]
    if core.article and not articles:
        return True
    if g.blocked_before.search(before) and core.unit is None:
        return True
    if core.unit in g.age_units and g.age_before.search(before):
        return True
    if core.is_year_like and core.unit is None:
        nxt = g.word_after.match(text[core.end : core.end + 30])
        # "2000 manifestants" counts; "en 2024," or "2024 a été" is a year.
        if not (nxt and g.hooks.is_plural(nxt.group(1))):
            return True
    if (core.kind == "digits" and core.unit is None and not core.scaled and 0 <= core.value < 1000
            and g.name_before.search(before) and g.name_after.match(text[core.end : core.end + 3])):
        return True
    return False


def _masks(text: str, g: NumberGrammar) -> list[tuple[int, int]]:
    spans = []
    for rx in (g.url, g.clock, g.score, g.phone, g.identifier):
        spans.extend((m.start(), m.end()) for m in rx.finditer(text))
    return spans


# -- joining numbers: compound amounts, ratios, ranges, qualifiers --------------------------------


def _merge_amounts(text: str, cores: list[_Core], g: NumberGrammar) -> list[_Core]:
    """"15 dollars et 15 cents", "treize euros et quarante-cinq cents", "15 dollars 50": one amount."""
    out: list[_Core] = []
    for core in cores:
        prev = out[-1] if out else None
        if (prev is not None and prev.unit and len(prev.unit) == 3 and not prev.minor and core.kind != "fraction"
                and g.amount_between.fullmatch(text[prev.end : core.start])
                and 0 < core.value < 100 and core.qualifier == "exact"):
            if core.minor:
                prev.value, prev.end = prev.value + core.value, core.end
                continue
            whole = core.value == int(core.value)
            if core.unit is None and whole and g.name_after.match(text[core.end : core.end + 3]):
                prev.value, prev.end = prev.value + core.value / 100, core.end
                continue
        out.append(core)
    return out


def _merge_ratios(text: str, cores: list[_Core], g: NumberGrammar) -> list[_Core]:
    """"un sur trois", "1 sur 3": a proportion in percent."""
    out: list[_Core] = []
    for core in cores:
        prev = out[-1] if out else None
        if (prev is not None and prev.unit is None and core.unit is None and prev.qualifier == core.qualifier == "exact"
                and 0 <= prev.value <= core.value and core.value > 0
                and g.ratio_between.match(text[prev.end : core.start])):
            out[-1] = _Core(prev.start, core.end, _as_percent(prev.value / core.value), unit="%", kind="fraction")
            continue
        out.append(core)
    return out


def _negate(text: str, core: _Core, g: NumberGrammar) -> None:
    """"moins 1200000": a minus sign in words, but not "au moins" nor "moins de"."""
    before = text[max(0, core.start - 20) : core.start]
    m = g.negative_before.search(before)
    if m and not g.negative_blocked.search(before):
        core.value = -core.value
        core.start -= len(before) - m.start()


def _range_with_next(text: str, core: _Core, nxt: _Core | None, g: NumberGrammar):
    """The opener match when ``core`` and ``nxt`` make a range ("entre 200 et 300", "10 - 20 euros")."""
    if nxt is None or core.kind == "fraction" or nxt.kind == "fraction":
        return None, False
    conn = g.range_between.match(text[core.end : nxt.start])
    if not conn:
        return None, False
    opener = g.range_open.search(text[max(0, core.start - 10) : core.start])
    allowed = g.range_needs.get(conn.group("conn").lower(), set())
    if "" not in allowed and not (opener and opener.group("open").lower() in allowed):
        return None, False
    if not (core.unit == nxt.unit or core.unit is None or nxt.unit is None):
        return None, False
    return opener, True


def _unscaled(core: _Core, text: str, g: NumberGrammar) -> float:
    m = g.digit_core.match(text, core.start)
    if m and m.group("num"):
        # the figures without their scale; never 0, which a scale is divided by
        return _parse_digits(m.group("num"), g) or 1.0
    return core.value or 1.0


def _mentions(text: str, cores: list[_Core], g: NumberGrammar) -> list[QuantityMention]:
    mentions: list[QuantityMention] = []
    i = 0
    while i < len(cores):
        core = cores[i]
        nxt = cores[i + 1] if i + 1 < len(cores) else None
        start, high, qualifier = core.start, None, core.qualifier
        end, value, unit = core.end, core.value, core.unit
        core_start, core_end = core.start, core.end
        opener, is_range = _range_with_next(text, core, nxt, g)
        if is_range and nxt is not None:
            low = core.value
            if nxt.scaled and not core.scaled and core.value < nxt.value / 100:
                # "entre 2 et 3 millions": the scale of the high end applies to both.
                low = core.value * (nxt.value / _unscaled(nxt, text, g))
            value, high, qualifier = low, nxt.value, "range"
            unit = nxt.unit or core.unit
            end, core_end = nxt.end, nxt.end
            if opener:
                start = core.start - len(text[max(0, core.start - 10) : core.start]) + opener.start()
            i += 2
            if unit in g.age_units and g.age_before.search(text[max(0, core.start - 40) : core.start]):
                continue  # "âgés de 19 à 34 ans"
        else:
            i += 1
            window = text[max(0, start - 40) : start]
            qm = g.qualifier_before.search(window)
            if qm:
                # an explicit word wins over the word's own qualifier ("plus d'un millier").
                qualifier = g.qualifier_of[qm.group("q").lower()]
                start -= len(window) - qm.start()
            elif qualifier == "exact":
                pm = g.qualifier_after.match(text[end : end + 60])
                if pm:
                    qualifier = g.postposed_of[pm.group("q").lower()]
        mentions.append(QuantityMention(start=start, end=end, text=text[start:end], value=value, high=high,
                                        qualifier=qualifier, unit=unit, core_start=core_start, core_end=core_end))
    return mentions


def find_quantities(
    text: str, lang: str = DEFAULT_LANG, exclude: list[tuple[int, int]] | None = None, *, articles: bool = False
) -> list[QuantityMention]:
    """Locate quantity expressions in ``text``, qualifiers and ranges included.

    exclude: character spans (e.g. date expressions) whose numbers are not quantities.
    articles: count a lone "un" / "une" as 1 (when ``text`` is known to be a quantity).
    """
    g = grammar(lang)
    cores = _cores(text, g, _masks(text, g) + list(exclude or []))
    cores = _merge_ratios(text, _merge_amounts(text, cores, g), g)
    _count_articles(text, cores, g)
    cores = [c for c in cores if not _is_excluded(text, c, g, articles)]
    for core in cores:
        _negate(text, core, g)
    # a figure no float holds (a run of 400 digits, 9071E306) is no quantity
    return [m for m in _mentions(text, cores, g) if _finite(m.value) and (m.high is None or _finite(m.high))]


_LEADING_MINUS = re.compile(r"^\s*[-−]\s+(?=[\d,])")


def normalize_number(text: str, lang: str = DEFAULT_LANG) -> Quantity | None:
    """Normalize one quantity expression: ``"plus de 6 000"`` → ``Quantity(6000, None, "more_than")``.

    The text is taken to be a quantity: a lone "un" is 1 and a leading "- " a minus sign
    (in running text they are an article and a dash). Returns None when the text holds no
    quantity. When it holds several, the first one is returned.
    """
    sign = _LEADING_MINUS.match(text)
    mentions = find_quantities(text[sign.end():] if sign else text, lang, articles=True)
    if not mentions:
        return None
    q = mentions[0].quantity
    if sign:
        return Quantity(-q.value, None if q.high is None else -q.high, q.qualifier, q.unit)
    return q
