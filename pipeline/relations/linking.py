"""Figures that lean on an earlier figure of their sentence: a "dont" part, an elliptic or
coordinated figure, a figure on another figure's verb."""

from __future__ import annotations

import re

from ..schema import is_currency
from .mention import MentionContext

# between an amount and its conversion: an opening parenthesis, and a qualifier word or two of the conversion's
_CONVERSION_GAP = re.compile(r"\s*\(\s*(?:[^\W\d]+\s+){0,2}")


class Linker:
    """The linking stage (a part of :class:`~pipeline.relations.RelationExtractor`)."""

    def _states_age(self, verb) -> bool:
        """ "dont 14 avaient moins de 15 ans": a verb whose object is an age says who the part is, as a copula
        (thirteenth session)."""
        return verb.lemma_ in self.age_verbs and any(
            c.dep_ == "obj" and c.lower_ in self.time_words for c in verb.children)

    def _link_subset(self, text: str, ctx: MentionContext, earlier: list[MentionContext]) -> None:
        start = ctx.quantity["start"]
        group = self._among(ctx)
        if group is not None and ctx.predicate is not None and ctx.predicate.dep_ == "cop":
            total = next((c for c in earlier if c.sentence.start == ctx.sentence.start
                          and c.noun is not None and c.noun.i == group.i), None)
            if total is not None:
                ctx.subset_of = ctx.linked_to = total  # "among the 19 people killed were 12 children"
                ctx.predicate = total.predicate or ctx.predicate
            else:
                # "among those killed were 7 children": what the group's participle says
                ctx.predicate = next((c for c in group.children if c.dep_ in ("acl", "amod")
                                      and c.pos_ in ("VERB", "ADJ")), ctx.predicate)
        if not earlier or earlier[-1].sentence.start != ctx.sentence.start:
            return
        prev = earlier[-1]
        ctx.previous = prev
        before = text[max(0, start - 25) : start]
        if (is_currency(ctx.quantity["unit"]) and is_currency(prev.quantity["unit"])
                and _CONVERSION_GAP.fullmatch(text, prev.quantity["end"], start)):
            # "€187m ($203m)", "25,000 taka (about $205)": a conversion of the amount right before the parenthesis,
            # its own money fact with that amount's who, what and when (fourteenth session, convention (k))
            ctx.linked_to = ctx.converts = prev
        if (ctx.quantity["unit"] is None and ctx.noun is None and self.ellipsis_rx.search(before)
                and (prev.quantity["unit"] == "%" or is_currency(prev.quantity["unit"]))):
            # "51 milliards d'euros, contre 38 milliards en 2021": the amount's currency is understood
            ctx.quantity = dict(ctx.quantity, unit=prev.quantity["unit"])
            ctx.linked_to = prev
        if self.subset_rx.search(before) or self._marked_part_after(text, ctx):
            # "96 were babies under three months old, of whom 71 ...": the part of the figure its relative
            # clause hangs on, not of the figure right before ("three months")
            owner = self._relative_owner(ctx, earlier)
            ctx.subset_of = ctx.linked_to = owner or prev
            if (ctx.noun is not None and ctx.noun.i == ctx.tokens[-1].i + 1 and ctx.noun.lower_ in self.part_qualifiers
                    and ctx.subset_of.noun is not None and ctx.subset_of.noun.i != ctx.noun.i):
                # "26 blessés dont quatre graves", "dont un grièvement": a word of how badly the part was hurt
                # is no kind of the total's things; the part counts the total's noun
                ctx.noun = ctx.subset_of.noun
            elif self._part_participle(ctx):
                # "148 ont été secourues, dont 31 blessées", "dont six venus d'autres hôpitaux": the participle
                # says what happened to a part of the total's things, which the part counts
                total_noun = ctx.subset_of.noun
                ctx.predicate = ctx.noun
                ctx.noun = total_noun if total_noun is not None and total_noun.i != ctx.noun.i else None
                if total_noun is not None and total_noun.i == ctx.predicate.i:
                    ctx.subset_of.noun = None  # the parser hung the total on the part's participle
        if ctx.subset_of is not None and ctx.predicate is not None and (
                ctx.predicate.dep_ == "cop" or self._states_age(ctx.predicate)):
            # "of whom eight were children", "dont un quart ont moins de 25 ans": the part is what the total's verb
            # says of the total
            ctx.predicate = ctx.subset_of.predicate or ctx.predicate
        if (ctx.noun is not None and prev.noun is not None and ctx.noun.dep_ == "conj"
                and ctx.noun.head.i == prev.noun.i):
            ctx.linked_to = prev  # "124 civils ont été tués ... et plus de 200 personnes blessées"
        same_unit = [c for c in earlier if c.sentence.start == ctx.sentence.start
                     and c.quantity["unit"] == ctx.quantity["unit"] and c.noun is not None and c.subset_of is None]
        if ctx.noun is None and ctx.linked_to is None and self.ellipsis_rx.search(before):
            ctx.linked_to = prev  # "842 millions d'euros, soit une baisse de 3 %": a figure about the one before
        after = ctx.tokens[-1].doc[ctx.tokens[-1].i + 1] if ctx.tokens[-1].i + 1 < len(ctx.tokens[-1].doc) else None
        # "... and wounded 130 others": a pronoun on the number stands for the noun of an earlier figure
        stand_in = after is not None and after.pos_ == "PRON" and (
            after.head.i == ctx.tokens[-1].i or any(t.head.i == after.i for t in ctx.tokens))
        # "410,000 of them": a part of what an earlier figure counts
        stand_in = stand_in or (after is not None and after.pos_ == "ADP" and after.head.pos_ == "PRON"
                                and after.head.head.i in {t.i for t in ctx.tokens})
        # "has infected 2,100 people and killed 63": a bare object of a coordinated verb counts the same noun
        coordinated = ctx.quantity["unit"] is None and any(
            self._coordinated(ctx.predicate, c.predicate) for c in same_unit[-1:])
        # "600 people crossed ..., bringing the total for the year to 20,412": a running total of them
        valued = self._valued_object(ctx.anchor, {t.i for t in ctx.tokens}) if ctx.anchor is not None else None
        coordinated = coordinated or (
            ctx.quantity["unit"] is None and valued is not None and valued.lemma_ in self.containers
            and valued.lower_ not in self.toll_nouns and self._group_of(valued, set()) is None)
        # "About 2,600 households had applied ..., and the program expects to help up to 4,000", "we expect fewer
        # than 200 to run": a bare count as a verb's subject or object, after a conjunction, counts the same noun
        conjoined = ctx.quantity["unit"] is None and ctx.anchor is not None and (
            ctx.anchor.i in {t.i for t in ctx.tokens} and ctx.anchor.dep_ in ("obj", "nsubj", "nsubj:pass")
            and any(t.pos_ == "CCONJ" for t in ctx.sentence.doc[same_unit[-1].tokens[-1].i : ctx.tokens[0].i])
        ) if same_unit else False
        if ctx.noun is None and same_unit and (stand_in or coordinated or conjoined
                                               or self.ellipsis_rx.search(before)):
            # "12 480 inscrits, dont 38 % de femmes, contre 9 700 l'an dernier": the same noun is meant
            ctx.noun = same_unit[-1].noun
            ctx.linked_to = ctx.linked_to or same_unit[-1]
            ctx.anchors.add(ctx.noun.i)
        if (ctx.linked_to is None and ctx.noun is None and ctx.predicate is None
                and prev.quantity["unit"] == ctx.quantity["unit"] and self._named_before_parenthesis(ctx) is None):
            ctx.linked_to = prev  # "ont reculé de 4 %, selon les douanes, mais de 6 % selon la Banque mondiale"
        for other in reversed(earlier):
            if (other.sentence.start == ctx.sentence.start and ctx.predicate is not None
                    and other.predicate is not None and ctx.predicate.head.i == other.predicate.i
                    and ctx.predicate.i != other.predicate.i):
                # "ont dépassé 19 500, en hausse de 12,5 %": a figure on another figure's verb
                ctx.linked_to = ctx.linked_to or other
                break

    def _marked_part_after(self, text: str, ctx: MentionContext) -> bool:
        """Whether a part's marker follows its number ("96 of whom are minors", "40 of which were empty"): the
        English relative part, which names the total it is taken from after the figure, not before it."""
        return self.subset_after_rx is not None and self.subset_after_rx.match(text, ctx.quantity["end"]) is not None

    def _part_participle(self, ctx: MentionContext) -> bool:
        """Whether the bare word right after a part's number is a participle saying what happened to the part
        (the parser's verb, a trigger word, a listed participle, a word with a verb's dependents), not a
        kind of the total's things ("dont 40 enfants", "dont 12 députés")."""
        word = ctx.noun
        if word is None or word.i != ctx.tokens[-1].i + 1 or any(c.dep_ in ("det", "case") for c in word.children):
            return False
        forms = {word.lower_, word.lemma_.lower()}
        if word.pos_ == "VERB" or "Part" in word.morph.get("VerbForm") or forms & self.part_participles:
            return True
        # a noun by the tagger, a participle by its form (not "dont 61 décès", "dont 800 renforts")
        return word.lower_.endswith(self.participle_endings) and (
            any(f in self.trigger_of for f in forms)
            or any(c.dep_ in ("advmod", "xcomp", "obl:agent") for c in word.children))

    @staticmethod
    def _relative_owner(ctx: MentionContext, earlier: list[MentionContext]) -> MentionContext | None:
        """The earlier figure of the sentence whose number or counted noun the relative clause of ``ctx``'s
        verb hangs on."""
        verb = ctx.predicate
        clause = next((t for t in (verb, *verb.ancestors) if t.dep_ == "acl:relcl"), None) if verb is not None else None
        if clause is None:
            return None
        held = clause.head.i
        return next((c for c in reversed(earlier) if c.sentence.start == ctx.sentence.start
                     and (held in {t.i for t in c.tokens} or (c.noun is not None and c.noun.i == held))), None)
