"""The event type of a fact (SPEC section 4), and where it came from: a trigger word of the
lexicon, the total of a part, the counted noun's usual type, or the default."""

from __future__ import annotations

from spacy.tokens import Token

from ..schema import is_currency
from ..syntax import CONTENT, NOMINAL
from .mention import MentionContext


class EventTyper:
    """The event-type stage (a part of :class:`~pipeline.relations.RelationExtractor`)."""

    def _types_of(self, tokens: list[Token]) -> set[str]:
        found = set()
        covered: set[int] = set()  # the words of a phrase already read: "killed or injured" once
        for t in tokens:
            if t.i in covered:
                continue
            if t.lemma_ in self.reflexive_non_triggers and any(c.dep_.startswith("expl") for c in t.children):
                continue  # "les électeurs se sont déplacés"
            # the longest phrase first: "stabbed to death" is killed, "stabbed" alone wounded
            for key, start, n in (*reversed(self._phrases_at(t)), (t.lower_, t.i, 1), (t.lemma_.lower(), t.i, 1)):
                if key in self.trigger_of:
                    found.add(self.trigger_of[key])
                    covered.update(range(start, start + n))
                    break
            for obj in t.children:
                pair = f"{t.lemma_} {obj.lemma_}"
                if obj.dep_ in ("obj", "obl:arg", "obl:mod", "obl") and pair in self.verb_object_triggers:
                    found.add(self.verb_object_triggers[pair])  # "ont perdu la vie", "placés en garde à vue"
        return found

    def _phrases_at(self, token: Token) -> list[tuple[str, int, int]]:
        """The two- and three-word phrases starting at ``token`` (or at the word before it that it
        heads), with where they start and their length, for triggers of several words ("sans abri",
        "garde à vue")."""
        doc = token.doc
        starts = {token.i, token.left_edge.i} if token.left_edge.i == token.i - 1 else {token.i}
        end = token.sent.end  # Token.sent looks for the sentence's bounds on every call
        return [(" ".join(t.lower_ for t in doc[i : i + n]), i, n) for i in sorted(starts) for n in (2, 3)
                if i + n <= end and self.max_trigger_words >= n]

    def _resolve_type(self, types: set[str]) -> str | None:
        for parts in self.combined:
            *members, result = parts
            if set(members) <= types:
                return result
        for t in self.priority:
            if t in types:
                return t
        return None

    def _event_type(self, ctx: MentionContext) -> tuple[str, str]:
        """The event type and where it came from: ``unit`` (money), ``lexicon`` (a trigger word),
        ``total`` (a "dont" part takes its total's), ``noun`` (the counted noun's usual type),
        ``vectors`` (the predicate's nearest trigger class), ``default`` (other)."""
        unit = ctx.quantity["unit"]
        if is_currency(unit):
            return "money", "unit"
        noun_side: list[Token] = []
        if ctx.noun is not None and ctx.quantity["unit"] in (None, "%"):
            noun_side = [ctx.noun] + [c for c in ctx.noun.children if c.dep_ in ("amod", "acl") or (
                c.i == ctx.noun.i + 1 and c.pos_ in CONTENT and not any(g.dep_ == "case" for g in c.children))]
            for c in list(noun_side[1:]):
                noun_side += [g for g in c.children if g.dep_ == "conj"]
            described = ctx.noun
            while described.dep_ == "conj" and described.head.pos_ in NOMINAL:
                described = described.head
            if described.dep_ == "appos" and described.head.pos_ in NOMINAL + ("ADJ",):
                noun_side.append(described.head)  # "the dead, three children and two adults"
        pred_side: list[Token] = []
        if ctx.predicate is not None:
            # the predicate's own words; an object that is another figure's noun ("86 morts") is not one
            # nor a coordinated verb with an object of its own ("killed 30 people and wounded 45 others")
            # nor one with a subject of its own ("31 people were arrested and two officers hurt"); a
            # complement with a preposition says what happened too ("left 45,000 homes without power")
            pred_side = [ctx.predicate] + [c for c in ctx.predicate.children
                                           if (c.dep_ in ("conj", "obj", "xcomp", "obl:arg", "obl:mod") or (
                                               c.dep_ == "obl" and any(g.dep_ == "case" for g in c.children)))
                                           and not any(g.like_num for g in c.children)
                                           and not (c.dep_ == "conj" and any(
                                               g.dep_ in ("obj", "nsubj", "nsubj:pass") for g in c.children))]
        if (ctx.predicate is not None and ctx.noun is not None and ctx.noun.dep_ == "conj"
                and ctx.noun.head.i == ctx.predicate.i and ctx.predicate.pos_ in NOMINAL
                and any(c.pos_ == "NUM" for c in ctx.predicate.children)):
            pred_side = []  # "trois morts et 21 blessés": another figure's counted noun says nothing of this one
        if ctx.predicate is not None and ctx.predicate.lemma_ in self.subset_verbs:
            # "the dead included 12 children": the part is what its whole is
            for whole in (c for c in ctx.predicate.children if c.dep_ in ("nsubj", "nsubj:pass")):
                noun_side += [whole] + [c for c in whole.children if c.dep_ in ("amod", "acl")]
        if unit not in (None, "%"):
            noun_side = []  # a duration is "other", whatever the verb
            pred_side = []
        noun_types, pred_types = self._types_of(noun_side), self._types_of(pred_side)
        group = self._among(ctx) if not noun_types else None
        if group is not None and unit in (None, "%"):
            # "parmi les personnes interpellées, 14 étaient mineures": the group says what happened
            noun_types = self._types_of([group] + [c for c in group.children if c.dep_ in ("amod", "acl")])
        # what happened to them says more than what they were: "deux des blessés ont succombé"
        living = noun_types & self.strong_types
        if (pred_types and not (pred_types & self.strong_types) and living and living <= {"wounded", "missing"}
                and ctx.predicate is not None and ctx.noun is not None
                and ctx.predicate.i in (ctx.noun.head.i, *(c.i for c in ctx.noun.children),
                                        *(t.head.i for t in ctx.tokens))):
            # "huit blessés restaient hospitalisés": what happens to the living now says more than what
            # they were (not "300 victimes secourues": victims may count the dead)
            return self._resolve_type(pred_types), "lexicon"
        strong = (pred_types & self.strong_types) or (noun_types & self.strong_types)
        if strong:
            # "huit migrants sont morts": killed or wounded says more than "migrants"
            return self._resolve_type(strong), "lexicon"
        for types in (noun_types, pred_types):
            resolved = self._resolve_type(types)
            if resolved:
                return resolved, "lexicon"
        if ctx.subset_of is not None:
            return self._event_type(ctx.subset_of)[0], "total"
        if (ctx.predicate is None and ctx.linked_to is not None and ctx.linked_to.predicate is not None
                and ctx.linked_to.quantity["unit"] == unit):
            # "arrested 112 people in Paris, 31 in Lyon": an elided verb is the earlier figure's
            return self._event_type(ctx.linked_to)[0], "total"
        if ctx.noun is not None and unit in (None, "%"):
            fallback = self.fallback_type_of.get(ctx.noun.lower_)
            if fallback:
                return fallback, "noun"
        if unit is None and ctx.predicate is not None and self.verb_classes is not None:
            near = self.verb_classes.nearest(ctx.predicate)
            if near is not None:
                return near, "vectors"
        return "other", "default"

