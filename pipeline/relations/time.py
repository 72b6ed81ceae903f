"""Which date of its sentence each fact attaches to (SPEC section 3, when)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..syntax import nearest
from .mention import MentionContext


class DateAssigner:
    """The time stage (a part of :class:`~pipeline.relations.RelationExtractor`)."""

    def _nearest(self, token: Token, ctx: MentionContext) -> int:
        return nearest(ctx.heads, token.i, ctx.anchors)

    def _assign_dates(self, doc: Doc, text: str, sent: Span, ctxs: list[MentionContext], dates: list[dict]
                      ) -> dict[int, dict]:
        in_sent = [d for d in dates if sent.start_char <= d["start"] < sent.end_char and d["when_start"]]
        candidates: dict[int, list[tuple[int, int, int, dict]]] = {}
        for d in in_sent:
            span = doc.char_span(d["start"], d["end"], alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            d = self._since(d, text, doc._.reference_date)
            dists = [(self._nearest(root, c), c) for c in ctxs]
            best = min(x for x, _ in dists)
            reporting = root.head.lemma_ in self.reporting and root.head.pos_ == "VERB"
            # a point of comparison ("par rapport à 2023") ranks with the reporting day
            reporting = reporting or bool(self.comparison_rx.search(text[max(0, d["start"] - 20) : d["start"]]))
            for dist, c in dists:
                if dist == best:
                    char_gap = abs(d["start"] - c.quantity["start"])
                    # "212 cases were reported between January and February": the reporting verb is the
                    # figure's own predicate, its date the event's
                    own = c.predicate is not None and root.head.i == c.predicate.i
                    candidates.setdefault(id(c), []).append((int(reporting and not own), dist, char_gap, d))
        return {key: min(options, key=lambda o: o[:3])[3] for key, options in candidates.items()}

    def _since(self, date: dict, text: str, reference: str | None) -> dict:
        """"depuis janvier": the period from the date to the publication date (a range)."""
        if reference is None or date["when_start"] > reference:
            return date
        if self.since_rx.search(text[max(0, date["start"] - 12) : date["start"]]) or self.since_start_rx.match(
                date["text"]):
            if reference <= date["when_end"]:
                return date
            return dict(date, when_end=reference, granularity="range")
        return date


    def _share_dates(self, text: str, ctxs: list[MentionContext], when: dict[int, dict]) -> None:
        """A figure without a date of its own takes the one its sentence gives a figure it goes with:
        a later item of its list, counting its noun ("900 people in Leeds, 300 in York and 80 in
        Harrogate on Saturday"), or a figure of a coordinated verb ("12 people were killed and 40 injured ... on
        Tuesday", where the date hangs on the last verb). Not a point of comparison ("up from 87 last
        week", "contre 9 700 l'an dernier"): that date is the other figure's own."""
        for ctx in ctxs:
            if id(ctx) in when or ctx.subset_of is not None:
                continue
            for other in ctxs:
                if other is ctx or id(other) not in when or other.subset_of is not None:
                    continue
                start = other.quantity["start"]
                # an item of a list counts the noun it took from this figure
                elliptic = (other.linked_to is ctx and other.noun is not None and ctx.noun is not None
                            and other.noun.i == ctx.noun.i
                            and not self.comparison_rx.search(text[max(0, start - 25) : start]))
                if elliptic or self._coordinated(ctx.predicate, other.predicate):
                    when[id(ctx)] = when[id(other)]
                    break

    @staticmethod
    def _coordinated(a: Token | None, b: Token | None) -> bool:
        """Two verbs joined by a conjunction ("were killed and 40 injured")."""
        if a is None or b is None or a.i == b.i or a.pos_ != "VERB" or b.pos_ != "VERB":
            return False
        return (a.dep_ == "conj" and a.head.i == b.i) or (b.dep_ == "conj" and b.head.i == a.i)
