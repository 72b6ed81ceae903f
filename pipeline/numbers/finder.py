"""Finding quantity cores in a text: digits (bounded, whatever their exponent), number words,
scales, currencies and units, and what is excluded (dates, identifiers, ages, clock times)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .grammar import NumberGrammar, clock_spans
from .records import _as_percent
from .words import WordNumber


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
    other = g.other_decimal_separator
    if other and re.fullmatch(rf"\d+{re.escape(other)}\d{{1,2}}", text):
        text = text.replace(other, g.decimal_separator)  # "1,3" is 1.3 where "1,300" is 1300
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
        # a loop, not all() over a generator: asked for every word of every run of number words
        for a, b in self.taken:
            if e > a and s < b:
                return False
        return True

    def add(self, core: _Core) -> None:
        whole = round(core.value) if math.isfinite(core.value) else 0
        if whole and core.value != whole and abs(core.value - whole) <= 1e-9 * abs(whole):
            # "4.1 million": 4.1 * 1e6 is 4099999.9999999995 in floats (relative: "a hundred trillionths" stays 1e-10)
            core.value = float(whole)
        self.found.append(core)
        self.taken.append((core.start, core.end))

    def hyphen_durations(self) -> None:
        """"48-hour walkout", "a two-year suspended sentence", "three-year banning orders": a duration written as
        an adjective before a noun of an event or a sanction it measures (``duration_event_nouns``)."""
        g = self.g
        if g.hyphen_duration is None:
            return
        for m in g.hyphen_duration.finditer(self.text):
            if not self.free(m.start(), m.end()):
                continue
            num = m.group("num")
            if num.isdigit():
                value, kind = float(num), "digits"
            else:
                tokens = num.lower().split("-")
                read = g.words.read(tokens)
                if len(read) != 1 or read[0].start != 0 or read[0].end != len(tokens) or read[0].kind != "cardinal":
                    continue
                value, kind = read[0].value, "cardinal"
            self.add(_Core(m.start(), m.end(), value, unit=g.time_unit_of[m.group("tu").lower()], kind=kind))

    def approximate_nouns(self) -> None:
        g = self.g
        for m in g.approx_core.finditer(self.text):
            if not self.free(m.start(), m.end()):
                continue
            start = m.start()
            if m.group("noun"):
                value, qualifier = g.approx_nouns[m.group("noun").lower()], "approx"
                part = g.fraction_before.search(self.text, 0, start)
                if part and self.free(part.start(), start):
                    # "half a dozen" is 6
                    value, start = value / g.fraction_forms[part.group("frac").lower()], part.start()
            elif m.group("pnoun"):
                value, qualifier = g.approx_plurals[m.group("pnoun").lower()], "more_than"
            elif m.groupdict().get("bare"):
                before = self.text[: m.start()].split()
                word = before[-1].lower() if before else ""
                if before and (word[-1:].isdigit() or (
                        word in g.words.cardinal_words and word not in g.words.conjunctions)):
                    continue  # "three billions" is a count of billions, not a vague plural ("and dozens of" is one)
                value, qualifier = g.bare_vague[m.group("bare").lower()], "more_than"
            else:
                value, qualifier = g.scales[m.group("pscale").lower()], "more_than"
            if m.group("of"):
                value *= g.scales[m.group("of").lower()]
            self.add(_Core(start, m.end(), float(value), qualifier))

    def fractions_of_groups(self) -> None:
        """"la moitié des", "un tiers des": a proportion in percent."""
        g = self.g
        for m in g.fraction_core.finditer(self.text):
            if not self.free(m.start(), m.end()):
                continue
            # a bare fraction is a phrase that starts with the fraction noun ("half the")
            frac = (m.group("frac") or (m.groupdict().get("bare") or "").split()[0]).lower()
            denominator = g.fraction_forms[frac]
            mult = g.fraction_multipliers.get((m.group("mult") or "").lower(), 1)
            of_scale = g.of_scale_after.match(self.text, m.end()) if m.group("mult") else None
            if of_scale:
                # "two thirds of a million" is a number, not a proportion of a group
                value = mult / denominator * g.scales[of_scale.group("scale").lower()]
                self.add(_Core(m.start(), of_scale.end(), value, scaled=value >= 1000))
                continue
            self.add(_Core(m.start(), m.end(), _as_percent(mult / denominator), unit="%", kind="fraction"))

    def digit_fractions(self) -> None:
        """"3/4", "2 1/4"; a numerator above its denominator, or after "le", is a date or a score."""
        g = self.g
        for m in g.digit_fraction.finditer(self.text):
            if len(m.group("den")) > 3 or len(m.group("whole") or "") > 15:
                continue  # a denominator is at most 10 or 100; a run of digits is no whole part
            num, den = int(m.group("num")), int(m.group("den"))
            # a larger denominator is a date (3/15) or a score; "20/100" is out of a hundred
            if not (0 < num < den <= 10 or 0 < num <= den == 100) or g.date_before.search(self.text[: m.start()]):
                continue
            if not self.free(m.start(), m.end()):
                continue
            sign = -1 if m.group("sign") else 1
            if m.group("whole"):
                self.add(_Core(m.start(), m.end(), sign * (int(m.group("whole")) + num / den), kind="mixed"))
            else:
                self.add(_Core(m.start(), m.end(), sign * _as_percent(num / den), unit="%", kind="fraction"))

    def digit_decimal_words(self) -> None:
        """"1 point 1", "point 77": figures around the language's decimal word."""
        g = self.g
        for m in g.digit_decimal.finditer(self.text):
            if not self.free(m.start(), m.end()):
                continue
            value = float(f"{m.group('int') or 0}.{m.group('frac') or m.group('frac0')}")
            scale = m.group("scale")
            if scale:
                value *= g.scales[scale.lower()]
            self.add(_Core(m.start(), m.end(), value, scaled=bool(scale), kind="digits"))

    def digit_numbers(self) -> None:
        g = self.g
        pos = 0
        while m := g.digit_core.search(self.text, pos):
            pos = m.end()
            if not self.free(m.start(), m.end()):
                # "on May 5 200 people": the figures after a date that took the first group are read
                pos = max(m.start() + 1, *(b for a, b in self.taken if a < m.end() and b > m.start()))
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
            for part in self._free_parts(spans):
                self._read_words(part)

    def _free_parts(self, spans: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
        """The runs of words no number found before holds: in "3 hundred and one", "and one" is left."""
        parts: list[list[tuple[int, int]]] = [[]]
        for span in spans:
            if self.free(*span):
                parts[-1].append(span)
            elif parts[-1]:
                parts.append([])
        return [p for p in parts if p]

    def _read_words(self, spans: list[tuple[int, int]]) -> None:
        tokens = [self.text[s:e].lower() for s, e in spans]
        for number in self.g.words.read(tokens):
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
    finder.hyphen_durations()
    finder.approximate_nouns()
    finder.fractions_of_groups()
    finder.digit_fractions()
    finder.digit_decimal_words()
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
    # a suffix may take in a number found on its own: "3 million and a half" holds "a half"
    kept: list[_Core] = []
    for core in found:
        if not (kept and kept[-1].start <= core.start and core.end <= kept[-1].end):
            kept.append(core)
    return kept


def _attach_suffix(text: str, core: _Core, g: NumberGrammar) -> None:
    after = text[core.end : core.end + 40]
    if core.kind in ("cardinal", "digits") and core.qualifier == "exact" and core.unit is None:
        m = g.approx_after.match(after)
        if m and not core.scaled:
            # "3 douzaines", "deux centaines de milliers"; "three hundred and two dozens" is 300 and 2 dozens
            group = _last_conjoined(text, core, g)
            value = core.value - group + group * g.approx_forms[m.group("noun").lower()]
            if m.group("of"):
                value *= g.scales[m.group("of").lower()]
            core.value, core.qualifier, core.end, core.article = value, "approx", core.end + m.end(), False
            after = text[core.end : core.end + 40]
    if core.kind == "digits" and (core.scaled or float(core.value).is_integer()):
        _add_fraction_of_scale(text, core, g)  # "3 million and a half", "2 and a half years"
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
        if float(core.value).is_integer():
            _add_fraction_after_unit(text, core, core.end + m.end(), g)


def _fraction_after_and(text: str, at: int, g: NumberGrammar) -> tuple[float, int] | None:
    """The fraction an "et demi(e)", "and a half" at ``at`` says, and where its words end; None without one."""
    m = g.and_after.match(text, at)
    run = g.word_run.match(text, m.end()) if m else None
    if run is None:
        return None
    tokens = re.findall(r"[^\s\-]+", run.group(0).lower())
    part = g.words.fraction_after_and(tokens, 0)
    return (part[0], run.end()) if part is not None and part[1] == len(tokens) else None


def _add_fraction_after_unit(text: str, core: _Core, unit_end: int, g: NumberGrammar) -> None:
    """"deux ans et demi", "cinq heures et demie": a fraction after the time unit adds to its count (the
    mention's text stays the number's)."""
    fraction = _fraction_after_and(text, unit_end, g)
    if fraction is not None:
        core.value += fraction[0]


def _last_conjoined(text: str, core: _Core, g: NumberGrammar) -> float:
    """The value of the words after the last conjunction of a number in words, after a hundred or a scale
    ("three hundred and two": 2), which a group noun after it multiplies; else the whole value
    ("cinquante et une douzaines" is 51 dozens)."""
    conjunctions = list(g.and_after.finditer(text, core.start, core.end)) if core.kind == "cardinal" else []
    before = text[core.start : conjunctions[-1].start()].split() if conjunctions else []
    if not before or not g.words.multiplier(before[-1].lower()):
        return core.value
    tokens = re.findall(r"[^\s\-]+", text[conjunctions[-1].end() : core.end].lower())
    numbers = g.words.read(tokens)
    if len(numbers) == 1 and numbers[0].start == 0 and numbers[0].end == len(tokens):
        return numbers[0].value
    return core.value


def _add_fraction_of_scale(text: str, core: _Core, g: NumberGrammar) -> None:
    """"3 millions et demi": half of the scale the number carries (of one with no scale: "5 and a half")."""
    fraction = _fraction_after_and(text, core.end, g)
    if fraction is not None:
        core.value += fraction[0] * (core.value / _unscaled(core, text, g))
        core.end = fraction[1]


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
        if g.article_only_after.match(text, core.end):
            continue  # "dont une partie avec sursis": a part that names no count
        if (g.article_count_before.search(text, max(0, core.start - 20), core.start)
                or (counts(nxt) and g.enumeration.fullmatch(text, core.end, nxt.start))
                or (counts(prev) and g.enumeration.fullmatch(text, prev.end, core.start))):
            core.article = False


def _is_excluded(text: str, core: _Core, g: NumberGrammar, articles: bool) -> bool:
    before = text[max(0, core.start - 40) : core.start]
    if core.article and not articles:
        return True
    if (core.kind == "cardinal" and core.value == 1 and core.unit is None and not any(
            c.isspace() for c in text[core.start : core.end]) and (
                g.pronoun_before.search(before) or g.pronoun_after.match(text, core.end))):
        return True  # "the one you mentioned", "no one", "one of the largest": a pronoun
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
    spans = [(m.start(), m.end()) for m in g.url.finditer(text)]
    spans.extend(clock_spans(text, g))  # g.clock's matches, found faster
    for rx in (g.score, g.phone, g.identifier):
        spans.extend((m.start(), m.end()) for m in rx.finditer(text))
    return spans


def _unscaled(core: _Core, text: str, g: NumberGrammar) -> float:
    m = g.digit_core.match(text, core.start)
    if m and m.group("num"):
        # the figures without their scale; never 0, which a scale is divided by
        return _parse_digits(m.group("num"), g) or 1.0
    return core.value or 1.0
