"""Where things are in an article's text: a figure's sentence, a slot's words nearest a figure.

Both directions use these, so that what the export leaves implicit (the
evidence when it is the figure's sentence) is what the import reads back.
"""

from __future__ import annotations

import re

# a sentence ends at . ! ? … (closing quotes and brackets kept with it) before a space and anything but a
# small letter or , ; : and at every line break; not after a lone capital (an initial: "J. Dupont")
_SENTENCE_END = re.compile(r"(?<![\s.][A-ZÀ-Ý])[.!?…]+[»”\"')\]]*(?=\s)|\n")


def _ends(text: str):
    for m in _SENTENCE_END.finditer(text):
        if m.group() == "\n":
            yield m.start(), m.end()
        else:
            rest = text[m.end():].lstrip()
            if rest and not rest[0].islower() and rest[0] not in ",;:":
                yield m.end(), m.end()


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The offsets of the sentence holding ``text[start:end]`` (without its surrounding spaces)."""
    s, e = 0, len(text)
    for stop, resume in _ends(text):
        if stop <= start:
            s = resume
        elif stop >= end:
            e = stop
            break
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def occurrences(text: str, value: str, lo: int = 0, hi: int | None = None):
    """Start offsets of ``value`` in ``text[lo:hi]``."""
    hi = len(text) if hi is None else hi
    i = text.find(value, lo, hi)
    while i >= 0:
        yield i
        i = text.find(value, i + 1, hi)


def _whole(text: str, start: int, end: int) -> bool:
    return not (start > 0 and text[start - 1].isalnum()) and not (end < len(text) and text[end].isalnum())


def locate(text: str, value: str, near: int, window: tuple[int, int] | None = None, *,
           whole: bool = False) -> tuple[int, int] | None:
    """Offsets of the occurrence of ``value`` nearest ``near``: within ``window`` if it holds one, else in
    the whole text; None when the text does not hold it as written. ``whole``: as a whole word."""
    if not value:
        return None
    for lo, hi in ([window] if window else []) + [(0, len(text))]:
        starts = [i for i in occurrences(text, value, lo, hi) if not whole or _whole(text, i, i + len(value))]
        if starts:
            best = min(starts, key=lambda i: (abs(i - near), i))
            return best, best + len(value)
    return None


def anchor(text: str, value: str, near: int, window: tuple[int, int] | None = None) -> tuple[int, int] | None:
    """Where to put a span for a value the text does not hold as written: the first piece of an evidence
    shortened with "...", else the value's longest word found nearest ``near`` ("déployé" for "ont
    déployé" in "ont, selon la préfecture, déployé"); None when no word of it is in the text."""
    pieces = [p.strip() for p in re.split(r"\.\.\.|…", value) if p.strip()]
    words = sorted(dict.fromkeys(re.findall(r"\w[\w'’-]*", value)), key=len, reverse=True)
    for candidate in (pieces if len(pieces) > 1 else []) + words:
        found = locate(text, candidate, near, window, whole=True)
        if found:
            return found
    return None
