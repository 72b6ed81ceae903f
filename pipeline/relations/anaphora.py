"""Who across sentences: the noun an earlier sentence names for a figure whose own sentence only refers
to it (corpus/README.md, who rule 5: the noun phrase the pronoun stands for in the nearest previous sentence).

A figure refers back when its sentence counts it with no noun of its own and

- a pronoun is the subject of its clause: "Ils étaient encore 176 dimanche", "Celle-ci recule de 4 %";
- a clitic of its verb stands for what is counted: "On en dénombre 40", "L'association en recense 61";
- the bare number is the subject: "Quarante ont été relogés", "Quinze ont été placées en garde à vue".

The noun it stands for is looked for in the sentences before, the nearest first (then the heading): a noun
that agrees in number and gender (the pronoun's, else the participle's that agrees with the figure), not a
date, a place, a time or an amount word; for a count, first a noun counted there ("214 passagers"), then
the subject, then the object. A part ("onze d'entre eux", "parmi elles") is never of a group counted
smaller than itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..syntax import SUBJECT_DEPS
from .mention import MentionContext, date_token_indices

_PLACES = ("LOC", "GPE")
# the event types only people have (not affected or deployed: farms hit, fire engines sent)
PEOPLE_TYPES = frozenset({"killed", "wounded", "casualties", "missing", "detained", "displaced"})


@dataclass(frozen=True)
class Reference:
    """What a figure's sentence says of the noun it stands for."""

    word: Token  # the pronoun, the clitic or the bare number that refers back
    number: tuple[str, ...]  # the Number the noun must have (empty: any)
    gender: tuple[str, ...]  # the Gender the noun must have when it has one (empty: any)
    count: bool  # a count of the group's members (not the holder of an amount or a share)
    part: bool = False  # a part of the group ("onze d'entre eux"): the group is counted no smaller
    people: bool = False  # a count of people ("Five were killed"): the noun must be one that can name people


class Anaphora:
    """The cross-sentence stage (a part of :class:`~pipeline.relations.RelationExtractor`)."""

    def _reference(self, ctx: MentionContext, in_dates: set[int]) -> Reference | None:
        """How a bare count refers back to a group named before its sentence, or None."""
        if ctx.quantity["unit"] is not None:
            return None
        inside = {t.i for t in ctx.tokens}
        value = ctx.quantity["value"]
        plural = ("Plur",) if value is not None and value > 1 else ()
        clitic = self._referring_clitic(ctx)
        if clitic is not None and not self._attached_noun(ctx):
            # (also for a figure linked to one before it: "14 fusils, quand les douaniers en avaient saisi 6")
            return Reference(clitic, plural, self._agreeing_gender(ctx), count=True)
        if ctx.linked_to is not None or ctx.subset_of is not None:
            return None  # "dont 14 élevages", "contre 12": the figure it is linked to says what it counts
        other = self._opening_other(ctx)
        if other is not None and (ctx.noun is None or ctx.noun.i == other.i):
            # "Les sept autres ont été hospitalisés": "autres" names no group, the one named before does
            return Reference(other, plural, self._agreeing_gender(ctx), count=True, people=self._counts_people(ctx))
        if ctx.noun is not None and not self._not_counted(ctx, in_dates):
            return None
        pronoun = self._clause_pronoun(ctx, inside)
        if pronoun is not None:
            number, gender = self._agreement(pronoun)
            return Reference(pronoun, number or plural, gender, count=True)
        root = next((t for t in ctx.tokens if t.head.i not in inside or t.head.i == t.i), ctx.tokens[0])
        if (ctx.noun is None and root.dep_ in SUBJECT_DEPS and root.head.i != root.i
                and ctx.tokens[0].i == ctx.sentence.start):
            # "Quarante ont été relogés": the bare number opens the sentence as its subject
            return Reference(root, plural, self._agreeing_gender(ctx), count=True, people=self._counts_people(ctx))
        return None

    def _opening_other(self, ctx: MentionContext) -> Token | None:
        """The other word right after a figure that opens its sentence with its article only ("Les sept autres
        ont été hospitalisés"), the subject of its clause; None otherwise."""
        doc, first, last = ctx.sentence.doc, ctx.tokens[0], ctx.tokens[-1]
        if last.i + 1 >= ctx.sentence.end or not all(t.pos_ == "DET" for t in doc[ctx.sentence.start : first.i]):
            return None
        other = doc[last.i + 1]
        return other if other.lower_ in self.other_words and other.dep_ in SUBJECT_DEPS else None

    def _counts_people(self, ctx: MentionContext) -> bool:
        """Whether a bare count is of people by its verb ("Five were killed", "Twelve were arrested"), in a
        language whose pack lists the nouns that can name people (person_nouns)."""
        return bool(self.person_nouns) and ctx.predicate is not None and bool(
            self._types_of([ctx.predicate]) & PEOPLE_TYPES)

    def _referring_clitic(self, ctx: MentionContext) -> Token | None:
        """ "On en dénombre 40", "il en reste 12", "les secours en ont recensé 12": the clitic right before the
        word the figure hangs on (or before that word's head, the parser hanging the figure on a noun it took the
        verb for), only auxiliaries between."""
        if not self.referring_clitics:
            return None
        first, doc = ctx.tokens[0], ctx.sentence.doc
        heads = [t for t in (ctx.predicate, ctx.anchor, ctx.anchor.head if ctx.anchor is not None else None)
                 if t is not None and t.i < first.i]
        for head in heads:
            for c in head.children:
                if (c.lower_ in self.referring_clitics and ctx.sentence.start <= c.i < head.i
                        and all(t.pos_ == "AUX" for t in doc[c.i + 1 : head.i])):
                    return c
        return None

    @staticmethod
    def _attached_noun(ctx: MentionContext) -> bool:
        """Whether the figure counts a noun right after it ("il en reste 12 kilos"): then the clitic counts nothing."""
        noun = ctx.noun
        return noun is not None and noun.i > ctx.tokens[-1].i and any(t.head.i == noun.i for t in ctx.tokens)

    def _not_counted(self, ctx: MentionContext, in_dates: set[int]) -> bool:
        """Whether the word the parse hangs a bare count on is not what it counts: a date ("176 dimanche"), a
        time, a place, a phrase whose preposition stands between ("27 000 devant la scène", "200 selon les
        syndicats"; not "hébergées dans quatre gymnases")."""
        noun, last = ctx.noun, ctx.tokens[-1].i
        return (noun.i in in_dates or noun.lower_ in self.time_words or noun.ent_type_ in _PLACES
                or any(c.dep_ == "case" and last < c.i < noun.i for c in noun.children))

    def _clause_pronoun(self, ctx: MentionContext, inside: set[int]) -> Token | None:
        """The referring pronoun subject of the clause the figure is in ("Ils étaient 176", "ils étaient près de
        27 000 devant la scène"): on the figure, on the word it hangs on, or up to the clause's verb."""
        head = ctx.tokens[0]
        for _ in range(4):
            pronoun = next((c for c in head.children if c.dep_ in SUBJECT_DEPS and c.pos_ == "PRON"
                            and c.i not in inside and self._refers(c)), None)
            if pronoun is not None:
                return pronoun
            if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
                return None
            head = head.head
        return None

    def _refers(self, pronoun: Token) -> bool:
        """Whether a pronoun stands for a noun said before (not "on", "il faut", "ceux qui")."""
        lower = pronoun.lower_
        return lower in self.demonstrative_agreement or (
            lower in self.anaphoric_pronouns and pronoun.head.lemma_ not in self.impersonal_verbs
            and pronoun.dep_ != "expl:subj")

    def _agreement(self, pronoun: Token) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The Number and Gender a pronoun asks of its noun: a demonstrative's from the pack (the parser's
        morphology of "celui-ci" is unreliable), else the parser's."""
        fixed = self.demonstrative_agreement.get(pronoun.lower_)
        if fixed is not None:
            return tuple(x for x in fixed if x in ("Sing", "Plur")), tuple(x for x in fixed if x in ("Masc", "Fem"))
        return tuple(pronoun.morph.get("Number")), tuple(pronoun.morph.get("Gender"))

    @staticmethod
    def _agreeing_gender(ctx: MentionContext) -> tuple[str, ...]:
        """The gender of the participle or adjective said of a bare count ("Quinze ont été placées": Fem)."""
        for t in (ctx.predicate, ctx.anchor.head if ctx.anchor is not None else None):
            if t is not None and t.pos_ in ("VERB", "ADJ") and t.morph.get("Number") == ["Plur"]:
                return tuple(t.morph.get("Gender"))
        return ()

    def _antecedent_back(self, reference: Reference, sentence: Span, value: float | None = None,
                         window: int | None = None) -> Token | None:
        """The noun ``reference`` stands for in the ``window`` sentences before ``sentence``, the nearest first,
        then the heading (with a window of more than one); None when none agrees. ``value``: the figure's, which
        a part's group is counted no smaller than."""
        doc = sentence.doc
        in_dates = date_token_indices(doc)
        window = self.antecedent_sentences if window is None else window
        previous: list[Span] = []
        i = sentence.start
        while i > 0 and len(previous) < window:
            prev = doc[i - 1].sent
            previous.append(prev)
            i = prev.start
        if i > 0 and window > 1:
            previous.append(doc[0].sent)  # the heading
        # only sentences the selective parse sees too (pipeline.parsing): those that hold a figure, and the one
        # right before a personal or demonstrative pronoun; the others have no parse there, so reading them in
        # a full parse would give another who than the selected one
        figures = [q["start"] for q in doc._.quantities or []]
        word = reference.word.lower_
        pronoun = word in self.anaphoric_pronouns or word in self.demonstrative_agreement
        previous = [prev for k, prev in enumerate(previous)
                    if (k == 0 and pronoun) or any(prev.start_char <= c < prev.end_char for c in figures)]
        # (the clitic's own sentence first: "1 000 habitants évacués, quand la préfecture en compte 850")
        clitic = reference.word.lower_ in self.referring_clitics
        found = self._group_counted_before(reference, sentence, in_dates) if clitic else None
        if found is None and self._numbering(reference):
            # "Ils étaient encore 176": people counted before, though another count came between ("Les pics
            # ont atteint 190 passages quotidiens")
            found = next((t for prev in previous for t in prev if self._counted(t) and self._names_people(t)
                          and self._antecedent_in(prev, reference, value, in_dates, only=t) is not None), None)
        for prev in previous:
            if found is not None:
                break
            found = self._antecedent_in(prev, reference, value, in_dates)
        return (self._described(found) or found) if found is not None else None

    def _group_counted_before(self, reference: Reference, sentence: Span, in_dates: set[int]) -> Token | None:
        """ "1 000 habitants évacués, quand la préfecture en compte 850": a group counted earlier in the clitic's
        own sentence, in another clause (not the subject of the word the clitic hangs on)."""
        if not reference.count:
            return None
        word = reference.word
        own = {t.i for c in word.head.children if c.dep_ in SUBJECT_DEPS for t in c.subtree}
        number = ([], list(reference.number))
        found = [t for t in sentence.doc[sentence.start : word.i]
                 if t.pos_ == "NOUN" and t.i not in own and t.i not in in_dates and self._counted(t)
                 and t.lower_ not in self.measure_units and t.lower_ not in self.time_words
                 and not self._is_amount(t) and t.morph.get("Number") in number]
        return found[0] if found else None

    def _part_of_counted_group(self, pronoun: Token, value: float | None) -> Token | None:
        """ "Police held 23 fans overnight, and nine of them were later jailed", "rescued 512 people from nine boats,
        388 of them off El Hierro": the group a part's pronoun stands for, counted earlier in the pronoun's own
        sentence (the first such noun, counted no smaller than the part; not one of the part's own clause's
        subjects), before any sentence before it is looked at."""
        in_dates = date_token_indices(pronoun.doc)
        own = {t.i for c in pronoun.head.children if c.dep_ in SUBJECT_DEPS for t in c.subtree}
        number = ([], pronoun.morph.get("Number")) if pronoun.morph.get("Number") else None
        part = pronoun.head
        complemented = part.head.i if any(c.dep_ == "case" for c in part.children) else None
        for t in pronoun.doc[pronoun.sent.start : pronoun.i]:
            # (not a noun the part is a complement of: "Charges against four of them")
            if (t.pos_ != "NOUN" or t.i in own or t.i in in_dates or t.i == complemented
                    or not any(c.dep_ == "nummod" for c in t.children)
                    or t.lower_ in self.measure_units or t.lower_ in self.time_words or self._is_amount(t)
                    or (number is not None and t.morph.get("Number") not in number)):
                continue
            count = self._count_of(t)
            if value is None or count is None or count >= value:
                return t
        return None

    def _numbering(self, reference: Reference) -> bool:
        """ "Ils étaient 176", "elles sont une trentaine": a personal pronoun said to number so many."""
        word = reference.word
        return (reference.count and word.pos_ == "PRON" and word.lower_ in self.anaphoric_pronouns
                and any(c.dep_ == "cop" for c in word.head.children))

    def _names_people(self, token: Token) -> bool:
        """Whether a noun names people by the pack's word lists (people, the usual types of counted nouns,
        event triggers: "habitants", "patients", "blessés")."""
        lower = token.lower_
        return (lower in self.people_nouns or lower in self.person_nouns or lower in self.fallback_type_of
                or lower in self.trigger_of)

    def _antecedent_in(self, sentence: Span, reference: Reference, value: float | None,
                       in_dates: set[int], only: Token | None = None) -> Token | None:
        """The noun of ``sentence`` ``reference`` stands for (``only``: that token, when it may be)."""
        def agrees(t: Token, counted: bool = False) -> bool:  # a name often has no number nor gender: it agrees
            number, gender = t.morph.get("Number"), t.morph.get("Gender")
            if counted and list(reference.number) == ["Plur"]:
                number = ["Plur"]  # counted by a figure: "sapeurs-pompiers", which the parser may call singular
            if t.pos_ == "PROPN":
                return not reference.count and (not reference.number or number in ([], list(reference.number)))
            # (an adjective used as a noun: "52 000 curieux", a measure's group "2,3 tonnes de civelles")
            nominal = t.pos_ == "NOUN" or (t.pos_ in ("ADJ", "VERB") and (t.dep_.startswith("nmod") or any(
                c.dep_ in ("det", "nummod") for c in t.children)))
            numbered = not reference.number or number == list(reference.number) or (not number and self._counted(t))
            gendered = not reference.gender or not gender or gender == list(reference.gender)
            return nominal and numbered and gendered

        def fits(t: Token) -> bool:  # not a date, a place, a time, an amount or a sign
            return (any(ch.isalpha() for ch in t.text) and t.i not in in_dates and t.ent_type_ not in _PLACES
                    and t.lower_ not in self.time_words and not self._is_amount(t) and not t.like_num)

        # each noun with the token whose role it has: "2,3 tonnes de civelles" are the civelles, the object
        nouns: list[tuple[Token, Token]] = []
        # (for a personal pronoun only: a bare number or the clitic "en" counts a group by its own number, which
        # "40 % des TER" does not give)
        figures = [(q["start"], q["end"]) for q in sentence.doc._.quantities or []
                   ] if reference.word.lower_ in self.anaphoric_pronouns else []
        for t in sentence if only is None else [only]:
            # "Deux des guetteurs ... ont été jugés. Ils...", "Une cinquantaine de sapeurs-pompiers ... ont été
            # mobilisés. Ils...": a figure that is the subject or the object gives its role to the group it counts,
            # which a plural pronoun agrees with in number whatever the parse says of it
            group = self._group_of(t, in_dates) if (t.dep_ in SUBJECT_DEPS or t.dep_ == "obj") and any(
                a <= t.idx < b for a, b in figures) else None
            if group is not None:
                if only is None and fits(group) and agrees(group, counted=True) and (
                        not reference.people or self._names_people(group)) and all(group.i != n.i for n, _ in nouns):
                    nouns.append((group, t))
                continue
            # (a participle made a noun by its article, which the parser tags a verb: "le prévenu a évoqué ...")
            named_participle = (t.pos_ == "VERB" and "Part" in t.morph.get("VerbForm")
                                and (t.dep_ in SUBJECT_DEPS or t.dep_ == "obj")
                                and any(c.dep_ == "det" and c.i < t.i for c in t.children))
            if t.pos_ not in ("NOUN", "PROPN", "ADJ") and not named_participle:
                continue
            noun = t
            if t.lower_ in self.measure_units:
                noun = self._group_of(t, in_dates)
                if noun is None:
                    continue
            elif t.lower_ in self.other_words:
                noun = self._set_off_after(t)  # "Les sept autres, des hommes...": the hommes; else no noun
                if noun is None:
                    continue
            if reference.people and not self._names_people(noun):
                continue  # "Rebels seized three towns. Five were killed": towns are not who was killed
            if fits(noun) and agrees(noun) and all(noun.i != n.i for n, _ in nouns):
                nouns.append((noun, t))
        ranked = [n for n, t in nouns if t.dep_ in SUBJECT_DEPS] + [n for n, t in nouns if t.dep_ == "obj"]
        if reference.word.lower_ in self.demonstrative_agreement:
            # "celle-ci", "ceux-ci": the latter, the last phrase named (not a complement inside it)
            ranked = [n for n, t in reversed(nouns) if not t.dep_.startswith("nmod")] + ranked
        if reference.count:
            counted = [n for n, _ in nouns if self._counted(n) and (
                not reference.part or value is None or (self._count_of(n) or value) >= value)]
            ranked = counted + ranked
        return ranked[0] if ranked else None

    @staticmethod
    def _count_of(token: Token) -> float | None:
        """The value of the figure that counts ``token`` ("214 passagers": 214), when it is a quantity of the Doc."""
        for c in token.children:
            if c.is_digit or c.pos_ == "NUM":
                found = next((q["value"] for q in token.doc._.quantities or [] if q["start"] <= c.idx < q["end"]), None)
                if found is not None:
                    return found
        return None
