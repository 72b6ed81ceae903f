"""The tense a date is read in (past, present, future), from the parse or from the sentence's words."""

from __future__ import annotations

from ..languages import DEFAULT_LANG
from .grammar import DateGrammar, grammar


def _tense(future: bool, tense: str | None) -> str:
    return tense or ("future" if future else "past")


def _sentence(text: str, start: int, end: int, g: DateGrammar) -> tuple[int, int]:
    """The bounds of the sentence around [start, end), within 300 characters."""
    window = max(0, start - 300)
    left = max((m.end() for m in g.sentence_end.finditer(text, window, start)), default=window)
    right = g.sentence_end.search(text, end)
    return left, right.start() if right else min(len(text), end + 300)


def guess_tense(text: str, start: int, end: int, lang: str = DEFAULT_LANG) -> str:
    """"past", "future" or "present": the tense the sentence around [start, end) gives the
    expression, from its words alone (the spaCy component reads it from the parse).

    A prefix says it outright ("depuis janvier", "jusqu'au 30 juin"); otherwise the
    verb form nearest to the expression decides.
    """
    g = grammar(lang)
    before, inner = text[max(0, start - 15) : start], text[start:end]
    for tense, (ahead, at_start) in (("past", g.past_prefix), ("future", g.future_prefix)):
        if ahead.search(before) or at_start.match(inner):
            return tense
    left, right = _sentence(text, start, end, g)
    # the clause between commas first ("les résultats du recensement de mars, qui devraient..."),
    # then the whole sentence
    c_left = max((m.end() for m in g.clause_end.finditer(text, left, start)), default=left)
    c_right_m = g.clause_end.search(text, end, right)
    c_right = c_right_m.start() if c_right_m else right
    # a clause that is little more than the expression ("Dès dimanche, ...") takes the sentence's verb
    bare = len(text[c_left:start].split()) + len(text[end:c_right].split()) <= 1
    if g.deadline_prefix is not None and (g.deadline_prefix[0].search(before) or g.deadline_prefix[1].match(inner)):
        # "by Friday": a deadline ahead, unless the clause says it is past ("had applied by Friday"); a clause of
        # the prefix and the expression alone takes the sentence's verb ("As of Aug. 31, only 41 had been rebuilt")
        prefix = g.deadline_prefix[0].search(text, c_left, start)
        alone = prefix is not None and not text[c_left : prefix.start()].strip() and not text[end:c_right].strip()
        past = (g.compound_past.search(text, left, right) if bare or alone
                else g.compound_past.search(text, c_left, c_right))
        return "past" if past else "future"
    markers = _tense_markers(text, left, right, g) if bare else _tense_markers(text, c_left, c_right, g)
    if markers:
        return min(markers, key=lambda m: abs(m[0] - start))[1]
    return "present"


def _tense_markers(text: str, left: int, right: int, g: DateGrammar) -> list[tuple[int, str]]:
    markers = [(m.start(), "future") for m in g.future_word.finditer(text, left, right)
               if m.group(0).lower() not in g.not_verbs]
    markers += [(m.start(), "future") for m in g.future_cue.finditer(text, left, right)]
    markers += [(m.start(), "past") for m in g.past_marker.finditer(text, left, right)]
    return markers


def resolution_tense(text: str, start: int, end: int, lang: str = DEFAULT_LANG) -> str:
    """How to pick a year-less date from the guessed tense: the past one, the future one, or in
    a sentence in the present (news announces events so: "Maceo Parker à Besançon mardi") the nearest."""
    tense = guess_tense(text, start, end, lang)
    return "nearest" if tense == "present" else tense
