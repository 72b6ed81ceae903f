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
                    candidates.setdefault(id(c), []).append((int(reporting), dist, char_gap, d))
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

