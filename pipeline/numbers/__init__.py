"""Numbers: quantity expressions in text and their values ("plus de 6 000" -> 6000, more_than).

The package's rooms: ``records`` (Quantity, QuantityMention), ``words`` (number words),
``grammar`` (the language's patterns), ``finder`` (cores in a text), ``joining`` (mentions).
"""

from __future__ import annotations

import re

from ..languages import DEFAULT_LANG
from .finder import _cores, _count_articles, _finite, _is_excluded, _masks
from .grammar import NumberGrammar, grammar
from .joining import _mentions, _merge_amounts, _merge_digit_groups, _merge_ratios, _negate
from .records import QUALIFIERS, Quantity, QuantityMention
from .words import WordNumber, WordNumberReader

__all__ = [
    "QUALIFIERS", "NumberGrammar", "Quantity", "QuantityMention", "WordNumber", "WordNumberReader",
    "find_quantities", "grammar", "normalize_number",
]


def find_quantities(
    text: str, lang: str = DEFAULT_LANG, exclude: list[tuple[int, int]] | None = None, *, articles: bool = False
) -> list[QuantityMention]:
    """Locate quantity expressions in ``text``, qualifiers and ranges included.

    exclude: character spans (e.g. date expressions) whose numbers are not quantities.
    articles: count a lone "un" / "une" as 1 (when ``text`` is known to be a quantity).
    """
    g = grammar(lang)
    cores = _cores(text, g, _masks(text, g) + list(exclude or []))
    cores = _merge_ratios(text, _merge_amounts(text, _merge_digit_groups(text, cores, g), g), g)
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
