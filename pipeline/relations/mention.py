"""What the parse says about one quantity mention, as the extractor's stages fill it in."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..attribution import PlaceClaim


@dataclass
class MentionContext:
    """What the parse says about one quantity mention; internal to the extractor."""

    quantity: dict
    tokens: list[Token]
    sentence: Span
    noun: Token | None = None  # the counted noun (or the group of a fraction)
    anchor: Token | None = None  # the token the number hangs on (the fraction noun, the noun)
    predicate: Token | None = None
    actor: Token | None = None  # the subject, for money, percentages and durations
    subset_of: MentionContext | None = None
    linked_to: MentionContext | None = None  # a "dont" part, an elliptic or coordinated figure
    previous: MentionContext | None = None  # the figure before it in its sentence
    converts: MentionContext | None = None  # the amount a currency conversion in parentheses converts
    anchors: set[int] = field(default_factory=set)
    who: str | None = None  # set once the record is built: a linked figure may share it
    who_token: Token | None = None  # the token ``who`` is the phrase of, when the rules read one
    what: str | None = None  # set once the record is built: a point of comparison, a part may share it
    what_from: MentionContext | None = None  # the earlier figure ``what`` was taken from (relations/what.py)
    referent: Token | None = None  # the noun of a sentence before a bare count refers to (relations/anaphora.py)
    heads: list[int] = field(default_factory=list)  # every token's head in the Doc, shared by its mentions
    places: PlaceClaim = field(default_factory=PlaceClaim)  # the places the figure claims in its sentence

    def linked_in_unit(self) -> MentionContext | None:
        """The figure this one is linked to, when it is in the same unit (a point of comparison, a restated figure)."""
        unit = self.quantity["unit"]
        return self.linked_to if self.linked_to is not None and self.linked_to.quantity["unit"] == unit else None

    def previous_in_unit(self) -> MentionContext | None:
        """The nearest figure before this one in its sentence in the same unit."""
        unit, before = self.quantity["unit"], self.previous
        while before is not None and before.quantity["unit"] != unit:
            before = before.previous
        return before


def date_token_indices(doc: Doc) -> set[int]:
    """The indices of the tokens of the Doc's dates (``doc._.dates``): a date is never what is counted."""
    found: set[int] = set()
    for d in doc._.dates or []:
        span = doc.char_span(d["start"], d["end"], alignment_mode="expand")
        if span is not None:
            found.update(range(span.start, span.end))
    return found
