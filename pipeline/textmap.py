"""What the NLP reads of an article's text, and how its offsets map back to that text.

Format characters (Unicode category Cf: zero-width spaces and joiners, the
word joiner, bidi marks and embeddings, the soft hyphen, a stray BOM) are
invisible but split what a reader sees as one word or one number: "6\u200b000"
would be read as 6 and 0. They are removed before any NLP
(:func:`visible_text`), and the offsets of each fact row are mapped back to
the article's text (:func:`restore_rows`), so that ``text[char_start:char_end]``
is still the evidence as written and ``text[mention_start:mention_end]`` the
quantity as written.

A fact row also stays small whatever its article: its evidence is at most
``MAX_EVIDENCE_CHARS`` around the quantity (with ``char_start``/``char_end``
the offsets of that window), its text slots at most ``MAX_SLOT_CHARS``
(:func:`bound_row`). One sentence of 200 KB would otherwise be copied into
every fact it holds.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

# Evidence longer than this is cut to a window around the quantity (a sentence, bounded to 250
# tokens before the parser, rarely reaches it).
MAX_EVIDENCE_CHARS = 2000
# who, what, where, source, when_text: a noun phrase, not a paragraph
MAX_SLOT_CHARS = 300
TEXT_SLOTS = ("who", "what", "where", "source", "when_text")


# Unicode's category Cf (format characters), as of Unicode 14 (Python 3.11's unicodedata)
FORMAT_CLASS = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U00013438"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
FORMAT_CHARS = re.compile(f"[{FORMAT_CLASS}]+")


@dataclass(frozen=True)
class OffsetMap:
    """Maps offsets in a text with its format characters removed back to the text itself."""

    # for each run of removed characters: its position in the visible text, and how many were removed up to it
    positions: tuple[int, ...] = ()
    removed: tuple[int, ...] = ()

    def start(self, offset: int) -> int:
        """The original offset of the character at ``offset`` in the visible text (a span's start)."""
        k = bisect_right(self.positions, offset)
        return offset + (self.removed[k - 1] if k else 0)

    def end(self, offset: int) -> int:
        """The original offset just after the character before ``offset`` (a span's exclusive end)."""
        return self.start(offset - 1) + 1 if offset > 0 else 0


def visible_text(text: str) -> tuple[str, OffsetMap | None]:
    """``text`` without its format characters, and the map back (None when there was none to remove)."""
    if FORMAT_CHARS.search(text) is None:
        return text, None
    positions, removed, total, kept = [], [], 0, 0
    pieces, last = [], 0
    for m in FORMAT_CHARS.finditer(text):
        pieces.append(text[last : m.start()])
        kept += m.start() - last
        total += m.end() - m.start()
        positions.append(kept)
        removed.append(total)
        last = m.end()
    pieces.append(text[last:])
    return "".join(pieces), OffsetMap(tuple(positions), tuple(removed))


def restore_rows(rows: list[dict], text: str, offsets: OffsetMap | None) -> list[dict]:
    """Map each row's offsets from the visible text back to ``text``; evidence and mention as written there."""
    if offsets is None:
        return rows
    for row in rows:
        if row.get("char_start") is not None and row.get("char_end") is not None:
            row["char_start"], row["char_end"] = offsets.start(row["char_start"]), offsets.end(row["char_end"])
            row["evidence"] = text[row["char_start"] : row["char_end"]].strip()
        if row.get("mention_start") is not None and row.get("mention_end") is not None:
            row["mention_start"] = offsets.start(row["mention_start"])
            row["mention_end"] = offsets.end(row["mention_end"])
            row["mention_text"] = text[row["mention_start"] : row["mention_end"]]
    return rows


def bound_row(row: dict, text: str) -> dict:
    """Keep a row small: evidence cut to a window around its quantity, text slots cut with "…"."""
    start, end = row.get("char_start"), row.get("char_end")
    if start is not None and end is not None and end - start > MAX_EVIDENCE_CHARS:
        m_start = row.get("mention_start", start)
        m_end = row.get("mention_end", m_start)
        m_start, m_end = max(start, m_start), min(end, max(m_end, m_start))
        room = max(0, MAX_EVIDENCE_CHARS - (m_end - m_start))
        lo = max(start, m_start - room // 2)
        hi = min(end, lo + max(MAX_EVIDENCE_CHARS, m_end - lo))
        lo = max(start, min(lo, hi - MAX_EVIDENCE_CHARS))
        row["char_start"], row["char_end"] = lo, hi
        row["evidence"] = text[lo:hi]
    for slot in TEXT_SLOTS:
        value = row.get(slot)
        if isinstance(value, str) and len(value) > MAX_SLOT_CHARS:
            row[slot] = value[: MAX_SLOT_CHARS - 1] + "…"
    mention = row.get("mention_text")
    if isinstance(mention, str) and len(mention) > MAX_EVIDENCE_CHARS:
        row["mention_text"] = mention[: MAX_EVIDENCE_CHARS - 1] + "…"
    return row
