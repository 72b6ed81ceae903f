"""The relation extractor: its stages, run in order over a parsed Doc."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import numpy as np
from spacy.attrs import HEAD
from spacy.tokens import Doc

from ..attributes import TIME_REFERENCE, TIME_WINDOW
from ..attribution import FigureTokens
from ..lang import hooks
from ..languages import DEFAULT_LANG
from ..parsing import doc_text
from ..schema import is_currency
from .anaphora import Anaphora
from .context import ContextReader
from .currency import CurrencyChooser
from .event_corrector import EventCorrector
from .event_type import EventTyper
from .lexicon import RelationLexicon
from .linking import Linker
from .mention import MentionContext, date_token_indices
from .record import RecordBuilder
from .time import DateAssigner
from .what import WhatReader
from .who_ranker import WhoChooser


class RelationExtractor(RelationLexicon, ContextReader, CurrencyChooser, Linker, EventTyper, EventCorrector,
                        DateAssigner, RecordBuilder, WhatReader, WhoChooser, Anaphora):
    """Build fact records (dicts with SPEC's slots) from a parsed Doc with quantities and dates.

    Each stage is a module of this package; they share the compiled lexicon (:class:`RelationLexicon`).
    """

    def __init__(self, lang: str = DEFAULT_LANG):
        RelationLexicon.__init__(self, lang)
        self.hooks = hooks(lang)

    def __call__(self, doc: Doc) -> list[dict]:
        quantities = doc._.quantities or []
        self.forget_doc()  # what the who stage kept of another Doc (or of this one before its parse changed)
        self.hooks.universal_parse(doc)  # the rules read Universal Dependencies (pipeline/lang)
        # spaCy rebuilds doc.text from the tokens on every access: read it once per Doc
        text = doc_text(doc)
        in_dates = date_token_indices(doc)
        contexts: list[MentionContext] = []
        # every token's head, from the relative offsets spaCy keeps (a loop over the tokens cost more)
        heads = (np.arange(len(doc)) + doc.to_array([HEAD]).astype(np.int64)).tolist() if quantities else []
        dates = list(doc._.dates or [])
        time_references: set[int] = set()
        for q in quantities:
            ctx = self._context(doc, q, in_dates, heads)
            if ctx is None:
                continue
            reason = self.attributes.is_attribute(q, ctx.tokens)
            if reason is None:
                contexts.append(ctx)
            elif reason in (TIME_REFERENCE, TIME_WINDOW):
                time_references.update(t.i for t in ctx.tokens)
                time_references.update(t.i for t in (ctx.noun, ctx.anchor) if t is not None)
                window = self._window_date(doc, q, ctx) if reason == TIME_WINDOW else None
                if window is not None:
                    dates.append(window)
        for ctx in contexts:
            if ctx.noun is not None and (ctx.noun.i in time_references or (
                    ctx.noun.i > 0 and self.earlier_rx.match(text, doc[ctx.noun.i - 1].idx))):
                ctx.noun = None  # "contre 37 000 deux ans plus tôt": a time's unit is not what is counted
        self._choose_currencies(doc, contexts)  # "5 milliards de pesos" of the Philippine government: PHP
        currency = self._article_currency(contexts)
        for i, ctx in enumerate(contexts):
            self._link_subset(text, ctx, contexts[:i])
            self._understood_currency(ctx, currency)
            self._subject_as_noun(ctx, in_dates)
        by_sentence: dict[int, list[MentionContext]] = {}
        for ctx in contexts:
            by_sentence.setdefault(ctx.sentence.start, []).append(ctx)
        # doc.ents builds its Spans on every access: read them once per Doc
        ents = doc.ents
        facts = []
        mains: list[MentionContext] = []  # the main figures of the sentences read so far (for "the figure")
        for ctxs in by_sentence.values():
            sent = ctxs[0].sentence
            sent_ents = [e for e in ents if sent.start <= e.start and e.end <= sent.end]
            # the comparison clauses of the sentence ("…, contre 55 % en 2017"), read by both date steps
            clauses = self._comparison_clauses(text, sent, ctxs)
            when = self._assign_dates(doc, text, sent, ctxs, dates, clauses)
            self._share_dates(text, ctxs, when, clauses)
            sources = self.sources.attributions(sent, in_dates, ents)
            self._claim_places(ctxs, sent_ents)
            for ctx in ctxs:
                fact = self._fact(ctx, when.get(id(ctx)), sources, in_dates, sent_ents)
                stood_for = self._stood_for(ctx, mains)
                if stood_for is not None:
                    # "The figure was 1,640 in March": the noun of the figure the sentence before gave
                    # (corpus/README.md, fourteenth session (h)); a figure linked to this one shares it
                    ctx.who, ctx.who_token = stood_for.who, stood_for.who_token
                    fact["who"] = stood_for.who
                if not self._single_entity(ctx, fact):
                    facts.append(fact)
            mains += [c for c in ctxs if id(c) not in clauses and c.converts is None and c.subset_of is None
                      and c.linked_to is None and c.who is not None]
        # where_country: where's own code, or the country the article puts that place in ("Koursk, en Russie")
        placed = self.countries.placements(doc, self.places.place_text) if facts else {}
        for fact in facts:
            fact["where_country"] = self.countries.country_of(fact["where"], placed)
        facts.sort(key=lambda f: f["mention_start"])
        self.forget_doc()
        return facts

    def _stood_for(self, ctx: MentionContext, mains: list[MentionContext]) -> MentionContext | None:
        """The figure a stand-in noun ("the figure": stand_in_nouns, with a definite or demonstrative article and
        no complement: the whole who) that is ``ctx``'s who stands for: the last main figure (no point of
        comparison, conversion, part or linked figure) of the nearest earlier sentence that has one; else None."""
        token = ctx.who_token
        if (token is None or token.lower_ not in self.stand_in_nouns or ctx.who is None
                or ctx.who.lower() not in {token.lower_, f"the {token.lower_}", f"this {token.lower_}"}):
            return None
        if not any(c.dep_ == "det" and ("Def" in c.morph.get("Definite") or "Dem" in c.morph.get("PronType"))
                   for c in token.children):
            return None
        before = [c for c in mains if c.sentence.start < ctx.sentence.start]
        if not before:
            return None
        nearest = before[-1].sentence.start
        return next(c for c in reversed(before) if c.sentence.start == nearest)

    def _single_entity(self, ctx: MentionContext, fact: dict) -> bool:
        """ "One kitchen hand, then aged 22, worked ...", "Residents near one site complained": a lone number word
        for one with no unit, no event type, no total it is a part of and no earlier figure it is counted beside
        picks out one person or thing, no count (``single_entity_one``)."""
        q = ctx.quantity
        if not (self.single_entity_one and q["value"] == 1 and q["unit"] is None and q["qualifier"] == "exact"
                and q["text"].lower() in self.one_words and fact["event_type"] == "other" and ctx.subset_of is None
                and ctx.linked_to is None):
            return False
        first = ctx.tokens[0]
        if first.i > first.sent.start and first.doc[first.i - 1].lower_ in self.one_restrictors:
            return False  # "Only one hospital in the region has an intensive care unit": a count, restricted
        # what a verb acts on stays a count of what it acts on ("the council will close one school")
        counted = ctx.noun if ctx.noun is not None else ctx.tokens[0]
        return not (counted.dep_ in ("obj", "dobj") and counted.head.pos_ == "VERB")

    def _window_date(self, doc: Doc, q: dict, ctx: MentionContext) -> dict | None:
        """ "ces dernières 24 heures": the days up to the reference date, as a date of the sentence."""
        days = self.attributes.window_days(q, ctx.tokens)
        reference = doc._.reference_date
        if days is None or reference is None:
            return None
        first, last = ctx.tokens[0], ctx.tokens[-1]
        start = doc[first.i - 1] if first.i > 0 and first.i - 1 >= first.sent.start else first
        # the unit word ends the window: "24 heures", "48 dernières heures"
        end = next((t for t in doc[last.i : min(last.i + 3, first.sent.end)] if t.lower_ in self.time_words), last)
        return {"start": start.idx, "end": end.idx + len(end), "text": doc_text(doc)[start.idx : end.idx + len(end)],
                "when_start": (date.fromisoformat(reference) - timedelta(days=days)).isoformat(),
                "when_end": reference, "granularity": "range"}

    def _claim_places(self, ctxs: list[MentionContext], sent_ents: list) -> None:
        """Each figure's claim on the places of its sentence ("7 morts en Pologne, 5 en Roumanie")."""
        figures = [FigureTokens(tokens=frozenset(t.i for t in c.tokens),
                                # the figure's phrase ends at its noun when the noun follows it
                                end=c.noun.i if c.noun is not None and 0 < c.noun.i - c.tokens[-1].i <= 3
                                else c.tokens[-1].i) for c in ctxs]
        for ctx, claim in zip(ctxs, self.places.claims(sent_ents, figures), strict=True):
            ctx.places = claim

    @staticmethod
    def _article_currency(contexts: list[MentionContext]) -> str | None:
        currencies = Counter(c.quantity["unit"] for c in contexts if is_currency(c.quantity["unit"]))
        return currencies.most_common(1)[0][0] if currencies else None

    def _understood_currency(self, ctx: MentionContext, currency: str | None) -> None:
        """"le chantier, estimé à 37 millions": in an article that counts in one currency, a bare
        amount in millions or billions is in that currency."""
        q = ctx.quantity
        if currency is not None and q["unit"] is None and ctx.noun is None and any(
                w in self.money_scales for w in q["text"].lower().split()):
            ctx.quantity = dict(q, unit=currency)
