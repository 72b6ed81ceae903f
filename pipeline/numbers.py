"""Find and normalize quantity expressions ("plus de 6 000", "2,5 millions", "la moitié").

Plain functions over text, no spaCy: the ``faits_numbers`` component calls
:func:`find_quantities` on a Doc's text. Word numbers go through text2num;
the rest (digit groups with any space, scales, approximate nouns, fractions,
qualifiers, ranges, currencies) is a grammar compiled from
``models/<lang>/numbers.json``.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import cache
from typing import Any

from text_to_num import text2num

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
        return asdict(self)

    @property
    def quantity(self) -> Quantity:
        return Quantity(self.value, self.high, self.qualifier, self.unit)


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_APOS = "['’]"


class NumberGrammar:
    """Regular expressions compiled once per language from its numbers lexicon."""

    def __init__(self, lex: dict[str, Any]):
        self.lex = lex
        seps = "".join(re.escape(s) for s in lex["group_separators"])
        dec = re.escape(lex["decimal_separator"])
        self.scales: dict[str, int] = lex["scales"]
        self.approx_nouns: dict[str, int] = lex["approximate_nouns"]
        self.fractions: dict[str, int] = lex["fractions"]
        self.fraction_multipliers: dict[str, int] = lex["fraction_multipliers"]
        self.currency_of = {
            form.lower(): code for code, forms in lex["currencies"].items() for form in forms
        }
        self.time_unit_of = {
            form: unit for unit, forms in lex["time_units"].items() for form in forms
        }
        self.word_numbers = set(lex["number_words"])
        self.article_words = set(lex["article_words"])

        scale_alt = _alternation(list(self.scales))
        digits = rf"(?:\d{{1,3}}(?:[{seps}]\d{{3}})+|\d+)(?:{dec}\d+)?"
        self.digit_core = re.compile(
            rf"(?<![\w.,/\-])(?P<num>{digits})(?![\w]|[.,]\d|-\d)"
            rf"(?:\s?(?P<scale>{scale_alt})(?!\w))?"
        )
        word_alt = _alternation(list(self.word_numbers))
        self.word_core = re.compile(
            rf"(?<![\w\-])(?P<words>(?:{word_alt})(?:[\s\-]+(?:{word_alt}))*)(?![\w\-])",
            re.IGNORECASE,
        )
        approx_alt = _alternation(list(self.approx_nouns))
        sing = _alternation(lex["approximate_singular_determiners"])
        vague = _alternation(lex["vague_plural_determiners"])
        self.approx_core = re.compile(
            rf"(?<!\w)(?:(?P<sing>{sing})\s+(?P<noun>{approx_alt})"
            rf"|(?P<vague>{vague})\s+(?P<pnoun>{approx_alt})s"
            rf"|(?P<vague2>{vague})\s+(?P<pscale>milliers|millions|milliards))(?!\w)"
            rf"(?:\s+(?:de|d{_APOS})\s*(?P<of>milliers|millions|milliards)(?!\w))?",
            re.IGNORECASE,
        )
        frac_alt = _alternation(list(self.fractions) + [f + "s" for f in self.fractions])
        mult_alt = _alternation(list(self.fraction_multipliers))
        self.fraction_core = re.compile(
            rf"(?<!\w)(?P<mult>{mult_alt})\s+(?P<frac>{frac_alt})(?=\s+(?:de|des|du|d{_APOS}))",
            re.IGNORECASE,
        )
        cur_alt = _alternation(list(self.currency_of))
        self.currency_after = re.compile(
            rf"^\s?(?:(?:de|d{_APOS})\s*)?(?P<cur>{cur_alt})(?![\w])", re.IGNORECASE
        )
        self.currency_before = re.compile(r"(?P<cur>[$€£])\s?$")
        pct_alt = _alternation(lex["percent_words"])
        self.percent_after = re.compile(rf"^\s?(?P<pct>{pct_alt})(?!\w)", re.IGNORECASE)
        tu_alt = _alternation(list(self.time_unit_of))
        self.time_unit_after = re.compile(rf"^\s(?P<tu>{tu_alt})(?!\w)", re.IGNORECASE)

        qual_pairs = [(q, phrase) for q, phrases in lex["qualifiers"].items() for phrase in phrases]
        self.qualifier_of = {p.lower(): q for q, p in qual_pairs}
        qual_alt = _alternation([p for _, p in qual_pairs])
        self.qualifier_before = re.compile(
            rf"(?<!\w)(?P<q>{qual_alt})(?:\s+|(?<={_APOS}))"
            rf"(?:(?:les|la barre des|le cap des|la barre de|le seuil des)\s+)?$",
            re.IGNORECASE,
        )
        self.range_open = re.compile(
            rf"(?<!\w)(?P<open>entre|de|d{_APOS})\s*$", re.IGNORECASE
        )
        self.range_between = re.compile(r"^\s*(?P<conn>et|à|-|–)\s*$", re.IGNORECASE)
        blocked = _alternation(lex["not_quantity_before"])
        self.blocked_before = re.compile(rf"(?<!\w)(?:{blocked})\.?\s*$")
        age_nouns = _alternation(lex["age_nouns"])
        age_cues = _alternation(lex["age_cues"])
        self.age_before = re.compile(
            rf"(?:(?<!\w)(?:{age_nouns})s?\s+(?:de|d{_APOS})\s*|(?<!\w)(?:{age_cues})\s*|,\s*)$",
            re.IGNORECASE,
        )
        self.clock = re.compile(r"(?<!\w)\d{1,2}\s?(?:h|H|heures?)\s?\d{2}(?!\w)|\d{1,2}:\d{2}")
        self.clock_cue = re.compile(r"(?<!\w)(?:à|vers|dès|avant|après|jusqu'à|jusqu’à)\s+$")
        self.score = re.compile(r"(?<![\w,.])\d{1,2}\s?[-–]\s?\d{1,2}(?![\w,.%])")
        self.phone = re.compile(r"(?<!\d)0\d(?:[\s.]\d{2}){4}(?!\d)")


@cache
def grammar(lang: str = DEFAULT_LANG) -> NumberGrammar:
    return NumberGrammar(language_data(lang).numbers)


def _parse_digits(text: str, g: NumberGrammar) -> float:
    dec = g.lex["decimal_separator"]
    integer, _, fraction = text.partition(dec)
    integer = re.sub(r"\D", "", integer)
    return float(f"{integer}.{fraction}") if fraction else float(integer)


def _word_value(words: str, g: NumberGrammar) -> float | None:
    scale_words = {w: "mille" for w, v in g.scales.items() if v == 1000}
    tokens = [scale_words.get(t, t) for t in re.split(r"[\s\-]+", words.lower()) if t]
    while tokens and tokens[-1] == "et":
        tokens.pop()
    while tokens and tokens[0] == "et":
        tokens.pop(0)
    if not tokens:
        return None
    # "un"/"une" alone is an article far more often than a count.
    if len(tokens) == 1 and tokens[0] in g.article_words:
        return None
    try:
        return float(text2num(" ".join(tokens), "fr"))
    except ValueError:
        return None


@dataclass
class _Core:
    start: int
    end: int
    value: float
    qualifier: str = "exact"
    unit: str | None = None
    scaled: bool = False
    is_year_like: bool = False


def _cores(text: str, g: NumberGrammar, masked: list[tuple[int, int]]) -> list[_Core]:
    """Every bare number in text, longest first, with the suffix unit it carries."""
    found: list[_Core] = []
    taken: list[tuple[int, int]] = list(masked)

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for m in g.approx_core.finditer(text):
        if not free(m.start(), m.end()):
            continue
        if m.group("noun"):
            value, qualifier = g.approx_nouns[m.group("noun").lower()], "approx"
        elif m.group("pnoun"):
            value, qualifier = g.approx_nouns[m.group("pnoun").lower()], "more_than"
        else:
            value, qualifier = g.scales[m.group("pscale").lower()], "more_than"
        if m.group("of"):
            value *= g.scales[m.group("of").lower()]
        found.append(_Core(m.start(), m.end(), float(value), qualifier))
        taken.append((m.start(), m.end()))

    for m in g.fraction_core.finditer(text):
        if not free(m.start(), m.end()):
            continue
        frac = m.group("frac").lower().rstrip("s") if m.group("frac").lower() != "tiers" else "tiers"
        mult = g.fraction_multipliers.get(m.group("mult").lower(), 1)
        value = round(100 * mult / g.fractions[frac], 2)
        found.append(_Core(m.start(), m.end(), value, unit="%"))
        taken.append((m.start(), m.end()))

    for m in g.digit_core.finditer(text):
        if not free(m.start(), m.end()):
            continue
        num = m.group("num")
        value = _parse_digits(num, g)
        scale = m.group("scale")
        if scale:
            value *= g.scales[scale]
        year_like = bool(re.fullmatch(r"\d{4}", num)) and 1800 <= value <= 2100 and not scale
        found.append(_Core(m.start(), m.end(), value, scaled=bool(scale), is_year_like=year_like))
        taken.append((m.start(), m.end()))

    for m in g.word_core.finditer(text):
        words = m.group("words")
        # keep the span on the number words proper, trimming a dangling "et"
        stripped = re.sub(r"^(?:et[\s\-]+)+|(?:[\s\-]+et)+$", "", words, flags=re.IGNORECASE)
        start = m.start() + words.find(stripped)
        end = start + len(stripped)
        if not stripped or not free(start, end):
            continue
        value = _word_value(stripped, g)
        if value is None:
            continue
        found.append(_Core(start, end, value, scaled=value >= 1000))
        taken.append((start, end))

    found.sort(key=lambda c: c.start)
    for core in found:
        _attach_suffix(text, core, g)
    return found


def _attach_suffix(text: str, core: _Core, g: NumberGrammar) -> None:
    after = text[core.end : core.end + 40]
    if core.unit is None:
        m = g.percent_after.match(after)
        if m:
            core.unit, core.end = "%", core.end + m.end()
            return
        m = g.currency_after.match(after)
        if m:
            core.unit, core.end = g.currency_of[m.group("cur").lower()], core.end + m.end()
            return
        before = text[max(0, core.start - 3) : core.start]
        m = g.currency_before.search(before)
        if m:
            core.unit = g.currency_of[m.group("cur").lower()]
            core.start -= len(before) - m.start()
            return
        m = g.time_unit_after.match(after)
        if m:
            core.unit = g.time_unit_of.get(m.group("tu").lower())
            # the unit word stays outside the span: it is the counted noun.


def _is_excluded(text: str, core: _Core, g: NumberGrammar) -> bool:
    before = text[max(0, core.start - 40) : core.start]
    if g.blocked_before.search(before) and core.unit is None:
        return True
    if core.unit == "ans" and g.age_before.search(before):
        return True
    if core.is_year_like and core.unit is None:
        nxt = re.match(r"\s+([a-zàâçéèêëîïôûùüÿœ]+)", text[core.end : core.end + 30])
        # "2000 manifestants" counts; "en 2024," or "2024 a été" is a year.
        if not (nxt and nxt.group(1).endswith(("s", "x")) and len(nxt.group(1)) > 3):
            return True
    return False


def _masks(text: str, g: NumberGrammar) -> list[tuple[int, int]]:
    spans = []
    for rx in (g.clock, g.score, g.phone):
        spans.extend((m.start(), m.end()) for m in rx.finditer(text))
    return spans


def find_quantities(
    text: str, lang: str = DEFAULT_LANG, exclude: list[tuple[int, int]] | None = None
) -> list[QuantityMention]:
    """Locate quantity expressions in ``text``, qualifiers and ranges included.

    exclude: character spans (e.g. date expressions) whose numbers are not quantities.
    """
    g = grammar(lang)
    cores = [
        c
        for c in _cores(text, g, _masks(text, g) + list(exclude or []))
        if not _is_excluded(text, c, g)
    ]
    mentions: list[QuantityMention] = []
    i = 0
    while i < len(cores):
        core = cores[i]
        start, high, qualifier = core.start, None, core.qualifier
        end, value, unit = core.end, core.value, core.unit
        core_start, core_end = core.start, core.end
        nxt = cores[i + 1] if i + 1 < len(cores) else None
        between = text[core.end : nxt.start] if nxt else ""
        conn = g.range_between.match(between) if nxt else None
        opener = g.range_open.search(text[max(0, core.start - 10) : core.start])
        if conn and nxt and (
            (conn.group("conn").lower() == "et" and opener and opener.group("open").lower() == "entre")
            or conn.group("conn").lower() in ("à", "-", "–")
        ) and (core.unit == nxt.unit or core.unit is None or nxt.unit is None):
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
        else:
            i += 1
            qm = g.qualifier_before.search(text[max(0, start - 40) : start])
            if qm:
                explicit = g.qualifier_of[qm.group("q").lower()]
                # an explicit word wins over the word's own qualifier ("plus d'un millier").
                qualifier = explicit
                start = start - (len(text[max(0, start - 40) : start]) - qm.start())
        mentions.append(
            QuantityMention(
                start=start,
                end=end,
                text=text[start:end],
                value=value,
                high=high,
                qualifier=qualifier,
                unit=unit,
                core_start=core_start,
                core_end=core_end,
            )
        )
    return mentions


def _unscaled(core: _Core, text: str, g: NumberGrammar) -> float:
    m = g.digit_core.match(text, core.start)
    if m and m.group("num"):
        return _parse_digits(m.group("num"), g)
    return core.value


def normalize_number(text: str, lang: str = DEFAULT_LANG) -> Quantity | None:
    """Normalize one quantity expression: ``"plus de 6 000"`` → ``Quantity(6000, None, "more_than")``.

    Returns None when the text holds no quantity. When it holds several, the
    first one is returned.
    """
    mentions = find_quantities(text, lang)
    if not mentions:
        return None
    return mentions[0].quantity
