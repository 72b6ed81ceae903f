"""`what` (SPEC section 2: the predicate as written) and the figures that take another figure's (corpus/README.md,
"Settled in the twelfth session: `what`"): a point of comparison, a restating figure, a part of a total."""

from __future__ import annotations

import re

from spacy.tokens import Token

from ..parsing import doc_text
from ..syntax import SUBJECT_DEPS
from .mention import MentionContext


class WhatReader:
    """The what stage (a part of :class:`~pipeline.relations.RelationExtractor`); run on the figures of a
    sentence in their order, so that a figure's what can be an earlier figure's."""

    def _what_of(self, ctx: MentionContext, in_dates: set[int]) -> str | None:
        """The figure's what; sets ``ctx.what`` and ``ctx.what_from`` (the figure it was taken from)."""
        own = self._own_what(ctx, in_dates)
        source = self._what_source(ctx, own, in_dates)
        if source is not None and source.what is not None:
            ctx.what, ctx.what_from = source.what, source
        else:
            ctx.what, ctx.what_from = own, None
        return ctx.what

    def _own_what(self, ctx: MentionContext, in_dates: set[int]) -> str | None:
        """The figure's own what: a change's marker ("up 23%"), a comparative after it ("soit 5 % de plus"),
        else its predicate (the verb of a sum or a measure that is its subject)."""
        found = self._comparison_what(ctx) or self._against_what(ctx, in_dates) or self._comparative_what(ctx)
        if found is not None:
            return found
        change = self._change_noun(ctx)
        if change is not None and (ctx.predicate is None or self._restating(ctx)):
            # "soit un gain de 2,7 points": gain (the parse may hang the noun on the verb the clause restates)
            return change.text
        if ctx.predicate is None:
            return None
        return self._predicate_text(self._subject_noun_verb(ctx.predicate))

    def _comparative_what(self, ctx: MentionContext) -> str | None:
        """ "…, soit 5 % de plus que l'an dernier", "reached £118.2bn, £11.3bn more than a year earlier": the
        comparative right after a figure set off from its sentence's verb (and the few words of its noun) is its
        what (not "will receive €400m less than in 2026", the verb's own figure)."""
        if self.comparative_rx is None:
            return None
        text = doc_text(ctx.sentence.doc)
        start = ctx.quantity["start"]
        if not re.search(r"[^\w\s]\s*(?:\w+\s+){0,2}$", text[max(ctx.sentence.start_char, start - 30) : start]):
            return None
        found = self.comparative_rx.match(text, ctx.quantity["end"], ctx.sentence.end_char)
        if found is None:
            return None
        gap = [t for t in ctx.sentence if ctx.quantity["end"] <= t.idx < found.start("marker")]
        if any(t.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM", "ADP", "DET") for t in gap):
            return None  # the figure's noun only: not "Two men who made more than £6.2m"
        return self.comparative_what_of[found["marker"].lower()]

    def _subject_noun_verb(self, pred: Token) -> Token:
        """A sum that is the subject of a verb leaves the predicate to the verb ("Une aide de 12 millions a été
        débloquée": a été débloquée; "L'enveloppe totale, 210 000 euros, représente"), not to a reporting verb,
        which says who told of it (as for a sum that is the object: relations/context.py). (A measured noun's
        figure hangs on its measuring verb already: "Le budget s'élève à 1,9 million".)"""
        if (pred.pos_ == "NOUN" and pred.lower_ in self.sum_nouns
                and pred.dep_ in SUBJECT_DEPS and pred.head.pos_ == "VERB" and pred.head.i != pred.i
                and pred.head.lemma_ not in self.reporting):
            return pred.head
        return pred

    def _what_source(self, ctx: MentionContext, own: str | None, in_dates: set[int]) -> MentionContext | None:
        """The earlier figure of the sentence whose what ``ctx`` takes, or None."""
        if ctx.converts is not None:
            return ctx.converts  # "€187m ($203m)": a conversion says what the amount it converts says
        compared = self._compared_figure(ctx, in_dates)
        if compared is not None:
            return compared  # "…, contre 41 annoncés ce matin", "up from 15"
        if self._restating(ctx):
            if own is not None and (own == self._comparative_what(ctx) or self._names_change(ctx)):
                return None  # "soit une baisse de 3 %", "soit 5 % de plus": the change keeps its own
            return ctx.previous  # "a touché 310 000 personnes, soit près de 90 % de la population ciblée"
        total = ctx.subset_of
        if total is not None and self._marked_part(ctx) and not self._own_finite_verb(ctx, total):
            return total  # "3 500 techniciens, dont 800 renforts venus d'autres régions"
        partner = ctx.linked_to
        if (partner is not None and partner.what_from is not None and ctx.predicate is not None
                and partner.predicate is not None and ctx.predicate.i == partner.predicate.i):
            # "dont 6 millions apportés par la région et 4,5 millions par l'État": the figure that shares its
            # predicate with one that took another's what takes it too
            return partner
        return None

    def _compared_figure(self, ctx: MentionContext, in_dates: set[int]) -> MentionContext | None:
        """The figure a point of comparison ("…, contre 9 700 en 2024", "rose to 64, up from 41") is compared
        with: the nearest one before it in its sentence in the same unit. Not votes against ("par 28 voix
        contre 10": no pause between the two figures), nor, unless a comma sets it off ("…, the agency said, up from
        31"), a figure of another clause ("grew 0.1%, and economists expect it to cut its forecast from 2%")."""
        start = ctx.quantity["start"]
        text = doc_text(ctx.sentence.doc)
        before = text[max(ctx.sentence.start_char, start - 25) : start]
        marker = self.comparison_rx.search(before)
        if marker is None:
            return None
        main = ctx.linked_in_unit()
        if main is None:
            main = ctx.previous_in_unit()
        if main is None:
            return None
        if self._counted_against(ctx, main, before, marker, in_dates):
            return None  # "par 28 voix contre 10"
        set_off = re.search(r"[^\w\s]\s*(?:\w+\s+)?$", before[: marker.start()])
        pred = ctx.predicate
        if (not set_off and pred is not None and main.predicate is not None and pred.i != main.predicate.i
                and pred.i not in in_dates
                and pred.pos_ in ("VERB", "AUX") and pred.dep_ not in ("acl", "amod")
                and any(c.dep_ in SUBJECT_DEPS for c in pred.children)):
            return None  # a verb of its own, with its own subject: another clause
        return main

    @staticmethod
    def _counted_against(ctx: MentionContext, main: MentionContext, before: str, marker: re.Match,
                         in_dates: set[int]) -> bool:
        """Whether the marker joins two counts with no pause ("par 28 voix contre 10"): votes against, no
        comparison; the marker is the figure's what, as the gold names it. Only the first figure's noun stands
        between: two amounts or bare figures ("est passé à 3 euros contre 2,50 euros", "fell to 3,000 from 4,500")
        are a figure and its point of comparison, and so is a second figure with a date right after it when the
        first is no complement of the verb ("45 morts contre 38 l'an dernier", not "by 312 votes against 205 on
        Monday")."""
        start = ctx.quantity["start"]
        between = doc_text(ctx.sentence.doc)[main.quantity["end"] : start - len(before) + marker.start()]
        if main.noun is None or between.split() != [main.noun.text]:
            return False
        after = ctx.tokens[-1].i + 1
        dated = after < ctx.sentence.end and after in in_dates
        return not dated or any(c.dep_ == "case" for c in main.noun.children)

    def _against_what(self, ctx: MentionContext, in_dates: set[int]) -> str | None:
        """ "par 312 voix contre 205": the marker between two counts of one noun with no pause is the second one's
        what (not "rescued 512 people from nine boats", a count of another noun)."""
        main = ctx.previous
        if main is None or main.quantity["unit"] != ctx.quantity["unit"]:
            return None
        if ctx.noun is not None and (main.noun is None or ctx.noun.i != main.noun.i):
            return None
        start = ctx.quantity["start"]
        before = doc_text(ctx.sentence.doc)[max(ctx.sentence.start_char, start - 25) : start]
        marker = self.comparison_rx.search(before)
        if marker is None or not self._counted_against(ctx, main, before, marker, in_dates):
            return None
        return marker.group(0).strip().lower()

    def _restating(self, ctx: MentionContext) -> bool:
        """Whether the figure opens a restating clause (", soit 90 % de la population", ", soit une baisse de
        3 %") about the figure before it in its sentence."""
        if self.restating_rx is None or ctx.previous is None:
            return False
        start = ctx.quantity["start"]
        return bool(self.restating_rx.search(doc_text(ctx.sentence.doc)[max(ctx.sentence.start_char, start - 60)
                                                                         : start]))

    def _is_change(self, token: Token) -> bool:
        forms = (token.lower_, token.lemma_.lower())
        return any(f in self.variation_nouns or f in self.change_nouns for f in forms)

    def _change_noun(self, ctx: MentionContext) -> Token | None:
        """The change's noun the figure complements ("un gain de 2,7 points"), or None."""
        anchor = ctx.anchor
        if anchor is None or not anchor.dep_.startswith("nmod") or anchor.head.i == anchor.i:
            return None
        return anchor.head if anchor.head.pos_ in ("NOUN", "PROPN") and self._is_change(anchor.head) else None

    def _names_change(self, ctx: MentionContext) -> bool:
        """Whether the figure's predicate is a change's noun ("soit une baisse de 3 %", "soit un gain de 4
        points")."""
        pred = ctx.predicate
        if self._change_noun(ctx) is not None:
            return True
        return pred is not None and pred.pos_ in ("NOUN", "PROPN", "ADJ", "VERB") and self._is_change(pred)

    def _marked_part(self, ctx: MentionContext) -> bool:
        """Whether a part's marker stands right before the figure ("dont 800", "including £640,000") or after
        it ("41 of whom")."""
        start = ctx.quantity["start"]
        text = doc_text(ctx.sentence.doc)
        return bool(self.subset_rx.search(text[max(0, start - 25) : start])) or self._marked_part_after(text, ctx)

    @staticmethod
    def _own_finite_verb(ctx: MentionContext, total: MentionContext) -> bool:
        """Whether a part has a finite verb of its own ("dont trois sont morts", "of whom 41 were taken to
        hospital"), left as it is; a participle, an adjective or a phrase ("dont 800 renforts venus d'autres
        régions", "dont deux en urgence absolue") shares its total's predicate."""
        pred = ctx.predicate
        if pred is None or (total.predicate is not None and pred.i == total.predicate.i):
            return False
        forms = [pred] + [c for c in pred.children if c.dep_.startswith("aux") or c.dep_ == "cop"]
        # a finite form: a mood or a person, or a verb form that is no participle, infinitive or gerund
        return any(t.morph.get("Mood") or t.morph.get("Person") or (
            t.morph.get("VerbForm") and not {"Part", "Inf", "Ger"} & set(t.morph.get("VerbForm"))) for t in forms)
