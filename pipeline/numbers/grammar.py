"""A language's number grammar: its words and patterns compiled once from the language pack."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ..currency_names import cldr_currency_names
from ..lang import hooks
from ..languages import DEFAULT_LANG, language_data
from .words import _APOS, WordNumberReader, _alternation


def _currency_of(lex: dict[str, Any], lang: str) -> dict[str, str]:
    """Each currency form -> its ISO 4217 code: the pack's forms, the words several currencies share
    (their default code; not those money only after a scale), and CLDR's names of the currencies those
    words may be ("pesos philippins", "Ugandan shillings"), which the pack need not list."""
    scaled_only = {form.lower() for forms in lex["scaled_only_currencies"].values() for form in forms}
    currency_of = {form.lower(): code for code, forms in lex["currencies"].items() for form in forms}
    for form, codes in lex["shared_currency_words"].items():
        if form.lower() not in scaled_only:
            currency_of.setdefault(form.lower(), codes[0])
    for code in dict.fromkeys(c for codes in lex["shared_currency_words"].values() for c in codes):
        for name in cldr_currency_names(code, lang):
            if name not in scaled_only:
                currency_of.setdefault(name, code)
    return currency_of


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
        self.currency_of = _currency_of(lex, lang)
        # a word shared by several currencies is written with its default (relations/currency.py chooses)
        shared = {form.lower(): codes[0] for form, codes in lex["shared_currency_words"].items()}
        self.scaled_currency_of = {form.lower(): shared.get(form.lower(), code)
                                   for code, forms in lex["scaled_only_currencies"].items() for form in forms}
        self.minor_currency_of = {form.lower(): (code, factor)
                                  for form, (code, factor) in lex["minor_currencies"].items()}
        self.time_unit_of = {form: unit for unit, forms in lex["time_units"].items() for form in forms}
        self.age_units = set(lex["age_units"])
        of = _alternation(lex["of_words"])

        # a currency or a measure unit written right after the figures, as written in the lexicon: "42MYR", "43c",
        # "94mph"
        glued = _alternation([form for forms in lex["currencies"].values() for form in forms]
                             + list(lex["minor_currencies"]) + list(lex["glued_units"]))
        digits = rf"(?:\d{{1,3}}(?:[{seps}]\d{{3}})+|\d+)(?:{dec}\d+)?|{dec}\d+"
        self.other_decimal_separator = lex["other_decimal_separator"]
        if self.other_decimal_separator:
            # "1,3", "5,00": the group separator before one or two digits separates decimals
            digits = rf"\d+{re.escape(self.other_decimal_separator)}\d{{1,2}}(?!\d)|{digits}"
        before = _alternation(lex["currency_symbols_before"])
        scale_alt = _alternation(list(self.digit_scales))
        self.digit_core = re.compile(
            rf"(?<![\w.,/−])(?:(?<!-)|(?<=\d-))(?:(?P<pre>{before})\s?)?(?P<sign>[-−])?(?P<num>{digits})"
            rf"(?P<exp>[eE][+-]?\d+|\^[+-]*\d+)?(?:\s{{0,2}}(?P<scale>{scale_alt}))?"
            rf"(?:(?=(?:{glued})(?!\w))|(?![\w]|[.,]\d|-(?!\d)\w|/\d))"
        )
        self.digit_fraction = re.compile(
            r"(?<![\w.,/\-−])(?P<sign>[-−])?(?:(?P<whole>\d+)\s+)?(?P<num>\d+)/(?P<den>\d+)(?![\w/]|[.,]\d)"
        )
        point = _alternation(lex["decimal_words"])
        word_scale = rf"(?:\s+(?P<scale>{_alternation(lex['word_scales'])}))?(?![\w\-]|[.,]\d)"
        # "1 point 1"; "point 77" with nothing before, not "at one point 300 people"
        self.digit_decimal = re.compile(
            rf"(?<![\w.,])(?:(?P<int>\d+)\s+(?i:{point})\s+(?P<frac>\d+)"
            rf"|(?<!\w\s)(?i:{point})\s+(?P<frac0>\d+)){word_scale}"
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
        self.bare_vague: dict[str, int] = {w.lower(): v for w, v in lex["bare_vague_plurals"].items()}
        # "dozens of people", "thousands fled": a vague plural with no determiner (a language may have none)
        bare = (rf"|(?P<bare>{_alternation(self.bare_vague)})(?!\w)" if self.bare_vague else "")
        self.approx_core = re.compile(
            rf"(?<!\w)(?:(?P<sing>{sing})\s+(?P<noun>{approx_alt})"
            rf"|(?P<vague>{vague})\s+(?P<pnoun>{approx_plural_alt})"
            rf"|(?P<vague2>{vague})\s+(?P<pscale>{plural_scales}){bare})(?!\w)"
            rf"(?:\s+(?:{of})\s*(?P<of>{plural_scales})(?!\w))?",
            re.IGNORECASE,
        )
        self.approx_after = re.compile(
            rf"^\s+(?P<noun>{_alternation(self.approx_forms)})(?!\w)(?:\s+(?:{of})\s*(?P<of>{plural_scales})(?!\w))?",
            re.IGNORECASE,
        )
        frac_alt = _alternation(list(self.fractions) + [plural(f) for f in self.fractions])
        mult_alt = _alternation(list(self.fraction_multipliers))
        # "half of them", "half the": a fraction the language uses with no multiplier (phrases that start
        # with the fraction noun: "half a million" is no proportion)
        bare_fractions = (rf"|(?<!\w)(?P<bare>{_alternation(lex['bare_fractions'])})(?!\w)"
                          if lex["bare_fractions"] else "")
        self.fraction_core = re.compile(
            rf"(?<!\w)(?P<mult>{mult_alt})\s+(?P<frac>{frac_alt})(?=\s+(?:{of})){bare_fractions}", re.IGNORECASE
        )
        # "half a dozen": a fraction before an approximate noun takes that part of it
        self.fraction_before = re.compile(rf"(?<!\w)(?P<frac>{frac_alt})\s+$", re.IGNORECASE)
        # "two thirds of a million": a fraction of a scale
        articles = _alternation(lex["article_words"])
        self.of_scale_after = re.compile(
            rf"\s+(?:{of})\s+(?:(?:{articles})\s+)?(?P<scale>{_alternation(lex['word_scales'])})(?!\w)",
            re.IGNORECASE)
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
        # "48-hour walkout", "a two-year suspended sentence": a hyphenated duration before a noun of an event or a
        # sanction, at most two words on (a figure glued to a hyphen and a word is otherwise no quantity)
        event_nouns = lex["duration_event_nouns"]
        self.hyphen_duration = re.compile(
            rf"(?<![\w\-.,])(?P<num>\d+|(?:{vocabulary})(?:-(?:{vocabulary}))*)-(?P<tu>{tu_alt})(?![\w\-])"
            rf"(?=(?:\s+[\w\-]+){{0,2}}?\s+(?:{_alternation(event_nouns)})(?![\w\-]))",
            re.IGNORECASE) if event_nouns else None
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
        only = lex["article_only_before"]
        self.article_only_after = re.compile(rf"\s+(?:{_alternation(only)})(?!\w)" if only else r"(?!)", re.IGNORECASE)
        # one noun between the two counts: "un mort et trois blessés"
        self.enumeration = re.compile(
            rf"\s+[^\W\d_][\w'’\-]*\s*(?:{_alternation(lex['enumeration_joiners'])})\s*", re.IGNORECASE
        )
        pronoun = lex["pronoun_determiners"]
        self.pronoun_before = re.compile(rf"(?<!\w)(?:{_alternation(pronoun)})\s+$" if pronoun else r"(?!)",
                                         re.IGNORECASE)
        followers = lex["pronoun_followers"]
        self.pronoun_after = re.compile(rf"\s+(?:{_alternation(followers)})(?!\w)" if followers else r"(?!)",
                                        re.IGNORECASE)
        self.ratio_between = re.compile(rf"^\s+(?:{_alternation(lex['ratio_words'])})\s+$", re.IGNORECASE)
        # "un éleveur sur deux", "un élève de sixième sur quatre": one, a counted word (with a complement of its
        # own), a ratio word, right before the second number
        counted = rf"[^\W\d_][\w\-]*(?:\s+(?:{_alternation(lex['of_words'])})\s*[^\W\d_][\w\-]*)?"
        ratio_words = _alternation(lex["ratio_words"])
        # (or with one word of its own after it: "un accident mortel sur trois", "une demande satisfaite sur huit")
        described = rf"{counted}(?:\s+[^\W\d_][\w\-]*)?"
        self.ratio_one_before = re.compile(
            rf"(?<![\w\-])(?:{_alternation(lex['ratio_ones'])})\s+{described}\s+(?:{ratio_words})\s+$",
            re.IGNORECASE) if lex["ratio_ones"] else None
        # "sept entrées sur dix": between two numbers, a counted word and a ratio word
        self.ratio_noun_between = re.compile(rf"^\s+{counted}\s+(?:{ratio_words})\s+$", re.IGNORECASE)
        # what may follow its second number: a stop or one of these words, not a counted noun ("un prévenu sur deux
        # chefs d'accusation" counts the charges); a word ending in an apostrophe is glued to the next ("n'est")
        followers = lex["ratio_followers"]
        glued = [w for w in followers if w.endswith(("'", "’"))]
        apart = [w for w in followers if w not in glued]
        self.ratio_one_after = re.compile(
            rf"\s*(?:[^\w\s]|$)|\s+(?:{_alternation(apart)})(?![\w\-])"
            + (rf"|\s+(?:{_alternation(glued)})" if glued else ""), re.IGNORECASE)

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
        not_after = _not_followed(lex)
        for unit, cues in lex["clock_cues"].items():
            clocks.append(rf"(?<!\w)(?:{_alternation(cues)})\s+{hour}\s?{re.escape(unit)}(?:\s?[0-5]\d)?(?!\w){not_after}")
        self.clock = re.compile("|".join(clocks))
        self.clock_scan = _clock_scan(lex, clock_units)
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


def _not_followed(lex: dict[str, Any]) -> str:
    """The lookahead that keeps a cued clock time from a duration of something ("après 10 heures de
    négociations"): the pack's ``cued_clock_not_before``, or nothing."""
    patterns = lex.get("cued_clock_not_before") or []  # (a pack always has it; a test's small lexicon may not)
    return rf"(?!{'|'.join(patterns)})" if patterns else ""


def _clock_scan(lex: dict[str, Any], clock_units: str) -> tuple[re.Pattern, re.Pattern] | None:
    """The clock pattern as two patterns that each open with a set of characters, the digit-led forms and the
    cue-led forms ("à 20 h"), for :func:`clock_spans`: Python's ``re`` skips to a position where the first
    character fits only when a pattern opens with a character or a set of them, and the clock pattern's every
    form opens with a lookbehind, so it was tried at every character of the text (the costliest pattern of
    the candidates). The same forms, in the same order: a lookbehind after the first character says what the
    one before it did (at the text's start neither finds a character before). None when a cue starts with a
    digit (the two kinds could then start at the same place): :func:`clock_spans` uses the clock pattern."""
    cues = [(unit, w) for unit, words in lex["clock_cues"].items() for w in sorted(set(words), key=len, reverse=True)]
    if any(not w or w[0].isdigit() for _, w in cues):
        return None
    hour = r"(?:[01]?\d|2[0-3])"
    suffixes = _alternation(lex["clock_suffixes"])
    # the hour's "[01]?\d|2[0-3]" after its first digit (two digits or one: never both, either way)
    hour_rest = r"(?:(?<=[01])\d|(?<=2)[0-3])?"
    digit_led = re.compile(rf"\d(?:(?<!\w\d)\d?\s?(?i:{clock_units})\s?\d{{2}}(?!\w)|(?<!\d\d)\d?:\d{{2}}(?!\d)"
                           rf"|(?<!\w\d){hour_rest}\s?(?:{clock_units})\s+(?:{suffixes})(?!\w))")
    first = [(re.escape(w[0]), re.escape(w[1:]), unit) for unit, w in cues]
    not_after = _not_followed(lex)
    cue_led = re.compile("|".join(rf"{c}(?<!\w{c}){rest}\s+{hour}\s?{re.escape(unit)}(?:\s?[0-5]\d)?(?!\w){not_after}"
                                  for c, rest, unit in first))
    return digit_led, cue_led


def clock_spans(text: str, g: NumberGrammar) -> list[tuple[int, int]]:
    """The spans of ``g.clock``'s matches in ``text`` (``finditer``'s), found with :attr:`NumberGrammar.clock_scan`:
    the leftmost match of either pattern from where the last match ended, as one pattern of both would."""
    if g.clock_scan is None:
        return [m.span() for m in g.clock.finditer(text)]
    digit_led, cue_led = g.clock_scan
    spans: list[tuple[int, int]] = []
    digit, cue = digit_led.search(text), cue_led.search(text)
    while digit is not None or cue is not None:
        m = digit if cue is None or (digit is not None and digit.start() < cue.start()) else cue
        spans.append(m.span())
        end = m.end()
        if digit is not None and digit.start() < end:
            digit = digit_led.search(text, end)
        if cue is not None and cue.start() < end:
            cue = cue_led.search(text, end)
    return spans


@cache
def grammar(lang: str = DEFAULT_LANG) -> NumberGrammar:
    return NumberGrammar(language_data(lang).numbers, lang)
