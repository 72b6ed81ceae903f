"""The event type of a fact (SPEC section 4), and where it came from: a trigger word of the
lexicon, the total of a part, the counted noun's usual type, or the default."""

from __future__ import annotations

from spacy.tokens import Token

from ..schema import is_currency
from ..syntax import CONTENT, NOMINAL, said_with
from .mention import MentionContext

OBJECT_DEPS = ("obj", "obl:arg", "obl:mod", "obl")
# the parts of speech a trigger's inflected form may be tagged with ("péri" as an adjective, "contaminé" as a noun)
INFLECTED_POS = ("VERB", "ADJ", "NOUN", "AUX")


class EventTyper:
    """The event-type stage (a part of :class:`~pipeline.relations.RelationExtractor`)."""

    def _types_of(self, tokens: list[Token], inflected: set[str] | None = None, by_ending: bool = True
                  ) -> set[str]:
        """The event types the trigger words of ``tokens`` name. A word the lexicon misses under its
        form and its lemma may still be a trigger's inflection (the parser's lemma of a participle
        often fails: "péri", "contaminé"): the types found only so are also added to ``inflected``."""
        found = set()
        # a verb and its object that are a trigger together: the object alone says nothing more
        # ("ont succombé à leurs blessures" is killed, not killed and wounded)
        complements = {t.i: self._complements(t) for t in tokens}  # read once (a Token per child read)
        consumed = {obj.i for t in tokens for obj in complements[t.i]
                    if f"{t.lemma_} {obj.lemma_}" in self.verb_object_triggers}
        covered: set[int] = set()  # the words of a phrase already read: "killed or injured" once
        for t in tokens:
            if t.i in consumed or t.i in covered:
                continue
            reflexive = (t.lemma_ in self.reflexive_non_triggers or t.lemma_ in self.reflexive_trigger_of) and any(
                c.dep_.startswith("expl") for c in t.children)
            if reflexive and t.lemma_ in self.reflexive_non_triggers:
                continue  # "les électeurs se sont déplacés"
            if reflexive:
                found.add(self.reflexive_trigger_of[t.lemma_])  # "les pompiers se sont relayés", not "relayé l'appel"
                covered.add(t.i)
                continue
            if self._unbound(t):
                continue  # "280 agents privés": not "privés d'électricité"
            passive = self.passive_trigger_of.get(t.lower_)
            if passive is not None and any(c.dep_ in ("aux:pass", "auxpass") for c in t.children):
                found.add(passive)  # "300 Albanians were returned to Tirana" (not "30 drivers have returned")
                covered.add(t.i)
                continue
            # the longest phrase first: "stabbed to death" is killed, "stabbed" alone wounded
            for key, start, n in (*reversed(self._phrases_at(t)), (t.lower_, t.i, 1), (t.lemma_.lower(), t.i, 1)):
                if key in self.trigger_of:
                    found.add(self.trigger_of[key])
                    covered.update(range(start, start + n))
                    break
            else:
                by_form = self.inflected_trigger(t.lower_) if by_ending else None
                if by_form is not None and t.pos_ in INFLECTED_POS:
                    found.add(by_form)
                    if inflected is not None:
                        inflected.add(by_form)
            for obj in complements[t.i]:
                pair = f"{t.lemma_} {obj.lemma_}"
                if pair in self.verb_object_triggers:
                    found.add(self.verb_object_triggers[pair])  # "ont perdu la vie", "placés en garde à vue"
        return found

    def _document(self, noun: Token) -> bool:
        """Whether ``noun`` names an authority's act written like a trigger's participle ("arrêtés de péril",
        "arrêtés préfectoraux"): a document noun with a noun complement or an adjective right after it."""
        if noun.lower_ not in self.document_nouns or noun.i + 1 >= noun.sent.end:
            return False
        nxt = noun.doc[noun.i + 1]
        if nxt.lower_ in self.counted_noun_links:  # "de péril", however the parser hangs it
            return nxt.head.head.i == noun.i
        return any(c.dep_ == "amod" and c.i == noun.i + 1 for c in noun.children)

    def _unbound(self, token: Token) -> bool:
        """Whether ``token`` is a bound trigger without the link that brings its complement right after it."""
        if not self.bound_triggers or not ({token.lemma_.lower(), self._stem(token.lower_)} & self.bound_triggers):
            return False
        doc = token.doc
        return token.i + 1 >= len(doc) or doc[token.i + 1].lower_ not in self.bound_trigger_links

    def _complements(self, verb: Token) -> list[Token]:
        """A verb's objects and obliques, and the complements of these ("placées en centre de rétention",
        "a envoyé 35 élèves à l'hôpital", the parser hanging the place on the object): the words that make a
        trigger together with the verb."""
        objects = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
        # and an adjective said of the object ("pulled 23 people alive", "left 300 people homeless")
        states = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "ADJ"]
        return objects + states + [g for c in objects for g in c.children
                                   if g.dep_.startswith("nmod") and not self._measured(c, g)]

    def _measured(self, counted: Token, complement: Token) -> bool:
        """Whether ``complement`` is what the figure of ``counted`` measures, a bare noun right after its link ("40
        tonnes of debris", "300 m³ de décombres": the debris pulled, not pulled from the debris)."""
        doc = counted.doc
        return (complement.i == counted.i + 2 and any(c.like_num for c in counted.children)
                and doc[counted.i + 1].lower_ in self.counted_noun_links and doc[counted.i + 1].head.i == complement.i
                and "Def" not in doc[counted.i + 1].morph.get("Definite")
                and not any(c.dep_ == "det" for c in complement.children))

    def _phrases_at(self, token: Token) -> list[tuple[str, int, int]]:
        """The phrases of two to a few tokens starting at ``token`` (or at the word before it that it
        heads), as written (with their own spacing: "demandeurs d'asile"), with where they start and their
        length, for triggers of several words ("sans abri", "garde à vue")."""
        # on the Doc's view (who_ranker._DocView): a Span per phrase, and Token.sent walking to the
        # sentence's bounds on every call, cost a tenth of relation extraction
        view = self._doc_view(token.doc)
        starts = {token.i, token.left_edge.i} if token.left_edge.i == token.i - 1 else {token.i}
        # a noun's compound right before it, its phrase opened by a preposition: "under evacuation orders"
        starts.update(c.i for c in token.children if c.i == token.i - 1 and c.dep_ == "compound")
        end = view.sentence(token.i)[1]
        return [(view.span_text(i, i + n).lower(), i, n) for i in sorted(starts)
                for n in range(2, self.max_trigger_tokens + 1) if i + n <= end]

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
        ``inflection`` (a trigger's form the lemmatizer missed, by its ending), ``total`` (a "dont" part or a
        figure borrowing an earlier figure's noun takes that figure's), ``noun`` (the counted noun's usual type),
        ``vectors`` (the predicate's nearest trigger class), ``default`` (other)."""
        unit = ctx.quantity["unit"]
        if is_currency(unit):
            return "money", "unit"
        if self._rate(ctx):
            return "other", "default"  # "3,5 décès pour 100 000 habitants": a rate, not a count of the dead
        if ctx.noun is not None and unit is None and ctx.noun.lower_ in self.occurrence_nouns:
            return "other", "default"  # "sept accidents mortels": events counted, not the people they harmed
        if self._counts_votes(ctx):
            return "other", "default"  # "arrivée en tête avec 38 % des voix": votes (SPEC section 4), no arrival
        if ctx.noun is not None and self._document(ctx.noun):
            return "other", "default"  # "sept arrêtés de péril": an authority's acts, not people arrested
        inside = {t.i for t in ctx.tokens}
        if (ctx.predicate is not None and ctx.noun is not None and said_with(ctx.predicate, self.verdict_verbs)
                and any(c.i not in inside and (c.like_num or c.dep_ == "nummod") for c in ctx.noun.children)):
            # "Of the 212 people arrested ..., 57 have been charged": a part whose own verb says what a court did,
            # counting the noun of the group it is taken from, is no detention (CONVENTIONS-10 rule 3)
            return "other", "lexicon"
        noun_side: list[Token] = []
        if ctx.noun is not None and ctx.quantity["unit"] in (None, "%"):
            noun_side = [ctx.noun] + self._described_noun(ctx.noun) + [
                c for c in ctx.noun.children if c.dep_ in ("amod", "acl") or (
                c.i == ctx.noun.i + 1 and c.pos_ in CONTENT and not any(g.dep_ == "case" for g in c.children))]
            for c in list(noun_side[1:]):
                noun_side += [g for g in c.children if g.dep_ == "conj"]
            noun_side += self._misattached_participle(ctx.noun)
            # "des personnes sans abri": a complement that is a trigger phrase
            noun_side += [c for c in ctx.noun.children if c.dep_.startswith("nmod") and c.left_edge.i == c.i - 1
                          and c.doc[c.i - 1 : c.i + 1].text.lower() in self.trigger_of]
            described = ctx.noun
            while described.dep_ == "conj" and described.head.pos_ in NOMINAL + ("ADJ",):
                described = described.head
            if described.dep_ == "appos" and described.head.pos_ in NOMINAL + ("ADJ",):
                noun_side.append(described.head)  # "the dead, three children and two adults"
            elif (described.i != ctx.noun.i and described.i + 1 < len(described.doc)
                  and described.doc[described.i + 1].text == "," and not any(
                      c.like_num or c.dep_ == "nummod" for c in described.children)):
                noun_side.append(described)  # the same, the parser taking the list for conjuncts of "the dead"
            if any(c.dep_ == "cop" for c in ctx.noun.children):
                # "Of the 47 dead, 19 were children": a part that is said to be something is what its
                # counted group, written before it, is
                # (on the first of coordinated parts: "Of the 34 dead, 22 were civilians and 12 were members")
                holders = [ctx.noun] + ([ctx.noun.head] if ctx.noun.dep_ == "conj" else [])
                groups = [c for h in holders for c in h.children if c.i < h.i and c.dep_.startswith(("obl", "nmod"))
                          and any(g.dep_ == "case" and g.lower_ in self.group_links for g in c.children)
                          and (c.like_num or any(g.dep_ == "nummod" for g in c.children)
                               # "Of the dead, 23 were children", "Of the injured": an adjective or a participle
                               # made a noun by its article
                               or (c.pos_ in ("ADJ", "VERB") and any(g.dep_ == "det" for g in c.children)))]
                # the group with what its words say of it: "the 26 dead" (parsed on the number), "people injured"
                noun_side += [t for c in groups for t in (c, *(g for g in c.children if g.dep_ in ("amod", "acl")))]
        elif ctx.noun is None and unit is None:
            # "230 sans-abri": a trigger right after the figure that the parser did not take for its noun
            after = ctx.tokens[-1].i + 1
            if after < ctx.sentence.end and ctx.tokens[-1].doc[after].lower_ in self.trigger_of:
                noun_side = [ctx.tokens[-1].doc[after]]
        pred_side: list[Token] = []
        if ctx.predicate is not None:
            # the predicate's own words; an object that is another figure's noun ("86 morts") is not one
            # nor a coordinated verb with an object of its own ("killed 30 people and wounded 45 others")
            # nor one with a subject of its own ("31 people were arrested and two officers hurt"); a
            # complement with a preposition says what happened too ("left 45,000 homes without power"); a figure
            # hung on the complement with a preposition of its own is no noun of it ("38 personnes restaient
            # évacuées, contre 110 mardi": a point of comparison)
            pred_side = [ctx.predicate] + [c for c in ctx.predicate.children
                                           if (c.dep_ in ("conj", "obj", "xcomp", "obl:arg", "obl:mod") or (
                                               c.dep_ == "advmod" and c.lower_ in self.predicate_adverbs) or (
                                               c.dep_ == "obl" and any(g.dep_ == "case" for g in c.children)))
                                           and not any(g.like_num and g.dep_ != "det" and not any(
                                               k.dep_ == "case" for k in g.children) for g in c.children)
                                           and not (c.dep_ == "conj" and any(
                                               g.dep_ in ("obj", "nsubj", "nsubj:pass") for g in c.children))]
        pred_side += self._predicate_repairs(ctx)
        pred_side += self._counted_infinitive(ctx)
        if ctx.predicate is not None:
            # "sont mortes brûlées": a participle between the auxiliary and the predicate that the parser
            # hangs on it as an adverb is part of the verb group and says what happened too
            pred_side += [c for c in ctx.predicate.children if c.dep_ == "advmod" and c.i < ctx.predicate.i
                          and "Part" in c.morph.get("VerbForm")
                          and any(a.i < c.i and a.dep_.startswith("aux") for a in ctx.predicate.children)]
        governing: Token | None = None
        if (ctx.noun is not None and ctx.noun.dep_.startswith("nmod") and ctx.noun.head.pos_ == "NOUN"
                and (ctx.predicate is None or ctx.predicate.i != ctx.noun.head.i)
                and any(c.dep_ == "case" and c.lower_ in self.group_links for c in ctx.noun.children)
                and (ctx.noun.head.lemma_ in self.event_nouns or (
                    self._types_of([ctx.noun.head], by_ending=False)  # a trigger, or a phrase: "la mise à l'abri de"
                    and not any(c.like_num and c.dep_ != "det" for c in ctx.noun.head.children)))):
            # "ordered the arrest of 47 people suspected of links", "the bodies of 11 people were found": the event
            # noun (or trigger) the counted group is the complement of says what happened to it, before the
            # verb of that noun ("un renfort de 80 pompiers est arrivé" is deployed, not displaced)
            governing = ctx.noun.head
            pred_side.append(governing)
        predicate = ctx.predicate
        # the verb the number itself hangs on, before it, as its subject (or as the parser mislabels one:
        # "quatre" as a numeral of "hospitalisés", "Cinq" as an expletive of "morts")
        verb = next((t.head for t in ctx.tokens if t.head.i > t.i and not t.dep_.startswith(("obj", "obl", "nmod"))
                     and (t.head.pos_ == "VERB" or any(c.dep_ == "cop" for c in t.head.children))), None)
        if verb is not None and ctx.predicate is None:
            # "Six des prévenus, déjà détenus, ont été maintenus en détention": the verb the number is the subject
            # of, where no predicate was found for the figure
            pred_side += [verb] + [c for c in verb.children if c.dep_ in ("obj", "xcomp", "obl:arg")]
        if (verb is not None and ctx.predicate is not None and ctx.noun is not None and verb.i != ctx.predicate.i
                and ctx.predicate.head.i == ctx.noun.i):
            # "trois des policiers blessés ont été hospitalisés": the number is the verb's subject; what
            # the noun's participle says is what they were
            predicate = verb
            pred_side = [verb] + [c for c in verb.children if c.dep_ in ("obj", "xcomp", "obl:arg")]
        if (ctx.predicate is not None and ctx.noun is not None and ctx.noun.dep_ == "conj"
                and ctx.noun.head.i == ctx.predicate.i and ctx.predicate.pos_ in NOMINAL
                and (any(c.pos_ == "NUM" for c in ctx.predicate.children) or (
                    ctx.linked_to is not None and ctx.linked_to.noun is not None
                    and ctx.linked_to.noun.i == ctx.predicate.i))):
            # "trois morts et 21 blessés", "un mort et 23 blessés": another figure's counted noun says
            # nothing of this one
            pred_side = []
        if self._elided_subject(ctx) is not None:
            pred_side = []  # "23 personnes ont été tuées et 31 blessées": the other verb says nothing of the 31
        if ctx.predicate is not None and ctx.predicate.lemma_ in self.subset_verbs:
            # "the dead included 12 children": the part is what its whole is
            for whole in (c for c in ctx.predicate.children if c.dep_ in ("nsubj", "nsubj:pass")):
                noun_side += [whole] + [c for c in whole.children if c.dep_ in ("amod", "acl")]
        if unit not in (None, "%"):
            noun_side = []  # a duration is "other", whatever the verb
            pred_side = []
        if self._oblique_of_another_subject(ctx):
            pred_side = []  # "6 000 exploitations ont été touchées dans 14 départements": 14 is where, not who
        linked = ctx.linked_to
        if (linked is not None and ctx.noun is not None and linked.noun is not None and ctx.noun.i == linked.noun.i
                and ctx.subset_of is None and linked.quantity["unit"] == unit and (
                    ctx.predicate is None or (linked.predicate is not None and ctx.predicate.i == linked.predicate.i))):
            # "900 blessés à Lyon, quelque 300 à Grenoble", "25 morts, contre 12 l'an dernier": a figure that
            # borrows an earlier figure's noun counts what that figure counts (not "27 personnes ont péri et
            # environ 80 ont été blessées": a verb of its own says what happened to them)
            return self._event_type(linked)[0], "total"
        if (ctx.noun is not None and ctx.noun.head.lemma_ in self.motion_nouns and ctx.noun.dep_.startswith("nmod")
                and self._types_of([ctx.noun])):
            # "l'arrivée de 4 800 réfugiés": who comes says what the coming is ("l'arrivée de 150 gendarmes" stays
            # the noun's deployed)
            pred_side = [t for t in pred_side if t.i != ctx.noun.head.i]
            governing = None
        inflected: set[str] = set()
        noun_types, pred_types = self._types_of(noun_side, inflected), self._types_of(pred_side, inflected)
        if governing is not None and any(t.i == governing.i for t in pred_side):
            pred_types = self._types_of([governing]) or pred_types
        share_of = self._share_group(ctx) if not noun_types and unit == "%" else None
        if share_of is not None:
            # "la part des décès survenus à domicile ... à 38 %": a share of a group takes the group's type
            noun_types = self._types_of([share_of] + [c for c in share_of.children if c.dep_ in ("amod", "acl")],
                                        inflected)
        group = self._among(ctx) if not noun_types else None
        if group is not None and unit in (None, "%"):
            # "parmi les personnes interpellées, 14 étaient mineures": the group says what happened
            noun_types = self._types_of([group] + [c for c in group.children if c.dep_ in ("amod", "acl")],
                                        inflected)
        resolved, origin = self._type_of_sides(ctx, noun_types, pred_types, predicate)
        if resolved is not None:
            lexical = (self._types_of(noun_side, by_ending=False) | self._types_of(pred_side, by_ending=False)
                       if inflected else set())
            return resolved, "inflection" if resolved in inflected and resolved not in lexical else origin
        return self._fallback_type(ctx, unit, noun_side + pred_side)

    def _type_of_sides(self, ctx: MentionContext, noun_types: set[str], pred_types: set[str],
                       predicate: Token | None) -> tuple[str | None, str]:
        """The type the trigger words of the counted noun's side and the predicate's side give together."""
        # what happened to them says more than what they were: "deux des blessés ont succombé"
        living = noun_types & self.strong_types
        if (pred_types and not (pred_types & self.strong_types) and living and living <= {"wounded", "missing"}
                and predicate is not None and ctx.noun is not None and not self._definite_count(ctx)
                and predicate.i in (ctx.noun.head.i, *(c.i for c in ctx.noun.children),
                                    *(t.head.i for t in ctx.tokens))):
            # "huit blessés restaient hospitalisés": what happens to the living now says more than what
            # they were (not "300 victimes secourues": victims may count the dead)
            return self._resolve_type(pred_types), "lexicon"
        strong = (pred_types & self.strong_types) or (noun_types & self.strong_types)
        if strong <= self.unspecific_types and (noun_types & self.strong_types) - self.unspecific_types:
            # "a fait 4 victimes mortelles": the noun's side names which of the casualties they were
            strong = noun_types & self.strong_types
        if strong:
            # "huit migrants sont morts": killed or wounded says more than "migrants"
            return self._resolve_type(strong), "lexicon"
        # "2 000 sinistrés ont été relogés", "40 migrants ont été interpellés": what happened to them says more
        # than the state the counted noun alone names
        named_by_noun = ctx.noun is not None and noun_types and noun_types == self._types_of([ctx.noun])
        for types in ((pred_types, noun_types) if named_by_noun else (noun_types, pred_types)):
            resolved = self._resolve_type(types)
            if resolved:
                return resolved, "lexicon"
        return None, "default"

    @staticmethod
    def _definite_count(ctx: MentionContext) -> bool:
        """The figure counts a group the article has already counted, with a definite or demonstrative article
        before the number ("Les six personnes blessées ont quitté l'hôpital", "the five injured remain in
        hospital"): the figure restates that group, whose noun says what it counts; what happens to it now is
        no new count (not "Quatre de ces blessés", a part, nor "Cinq blessés restaient hospitalisés")."""
        first = min(t.i for t in ctx.tokens)
        return ctx.noun is not None and any(
            c.dep_ == "det" and c.i < first and ("Def" in c.morph.get("Definite") or "Dem" in c.morph.get("PronType"))
            for c in ctx.noun.children)

    def _fallback_type(self, ctx: MentionContext, unit: str | None, words: list[Token]) -> tuple[str, str]:
        """Where no trigger word speaks: the total of a part, an elided verb's figure, the counted noun's
        usual type, a weak trigger among ``words`` (the counted noun's and the predicate's), the nearest
        class of trigger verbs, else ``other``."""
        if ctx.predicate is not None and (ctx.predicate.lemma_.lower() in self.verdict_verbs
                                          or ctx.predicate.lower_ in self.verdict_verbs):
            # "Eleven people were arrested ..., of whom eight were charged": what a court did is no detention,
            # whatever the group the part is taken from (CONVENTIONS-10 rule 3)
            return "other", "lexicon"
        if unit in (None, "%") and self._waiting(ctx):
            # "The number of patients waiting for planned treatment rose to 71,420", "2,310 patients had waited more
            # than a year", "households on waiting lists": a queue, not people harmed, whatever the noun's usual type
            return "other", "lexicon"
        if ctx.subset_of is not None:
            whole = self._event_type(ctx.subset_of)[0]
            # "142 millions d'euros, dont 58 % financés par le Département": a share of an amount is no amount
            return ("other" if whole == "money" and unit == "%" else whole), "total"
        counted_before = self._type_of_group_counted_before(ctx)
        if counted_before is not None:
            return counted_before, "total"
        totalled = self._totalled(ctx) if unit is None else None
        if totalled is not None:
            return totalled, "total"
        supported = self._supported(ctx)
        if supported is not None:
            return supported, "total"
        linked = ctx.linked_to
        if (unit is None and linked is not None and ctx.noun is not None and linked.noun is not None
                and ctx.noun.i == linked.noun.i and linked.quantity["unit"] is None):
            # "3,200 residents were evacuated, and about 400 of them spent the night at the showground": a part
            # of an earlier count whose own words say nothing is what that count is
            return self._event_type(linked)[0], "total"
        if (ctx.predicate is None and ctx.linked_to is not None and ctx.linked_to.predicate is not None
                and ctx.linked_to.quantity["unit"] == unit):
            # "arrested 112 people in Paris, 31 in Lyon": an elided verb is the earlier figure's
            return self._event_type(ctx.linked_to)[0], "total"
        if ctx.noun is not None and unit in (None, "%"):
            fallback = self.fallback_type_of.get(ctx.noun.lower_)
            if fallback:
                return fallback, "noun"
        if unit is None and ctx.predicate is not None:
            care = next((self.weak_verb_object_triggers[pair] for t in (ctx.predicate, *(
                c for c in ctx.predicate.children if c.dep_ in ("conj", "xcomp"))) for obj in self._complements(t)
                         if (pair := f"{t.lemma_} {obj.lemma_}") in self.weak_verb_object_triggers), None)
            if care is not None:
                return care, "lexicon"  # "ont pris en charge 214 personnes" (not "400 blessés", "les rescapés")
        # a weak trigger tells what happened to people only where the counted noun could be anyone: "people", the
        # weak word itself ("Arrivals climbed to 4,100") or none ("Two hundred arrived"); "40 reporters arrived",
        # "five trucks crossed" moved, they were not displaced; people named by age, sex, kin or home are anyone
        # ("200 families arrived")
        anyone = ctx.noun is None or any(ctx.noun.lower_ in words for words in (
            self.generic_nouns, self.weak_trigger_of, self.anyone_nouns))
        if (anyone and unit == "%" and ctx.noun is None and self.person_nouns and ctx.actor is not None
                and ctx.actor.pos_ in ("NOUN", "PROPN")):
            # a share with no counted noun is of people only if its holder could be people: "Arrivals rose 12%",
            # not "The fund returned 7%" (a language whose pack lists the nouns that can name people)
            anyone = any(ctx.actor.lower_ in words for words in (
                self.generic_nouns, self.weak_trigger_of, self.anyone_nouns, self.person_nouns))
        weak = self._weak_type(ctx, words) if unit in (None, "%") and anyone else None
        if weak is not None:
            return weak, "lexicon"
        if unit is None and ctx.predicate is not None and self.verb_classes is not None:
            near = self.verb_classes.nearest(ctx.predicate)
            if near is not None:
                return near, "vectors"
        return "other", "default"

    def _waiting(self, ctx: MentionContext) -> bool:
        """Whether the figure counts people waiting: its predicate, a complement of it, or a participle on its counted
        noun is a waiting word (waiting_words: a lemma, or a compound with its head's lemma: "waiting lists")."""
        if not self.waiting_words:
            return False
        words = []
        if ctx.predicate is not None:
            words += [ctx.predicate, *(c for c in ctx.predicate.children if c.dep_.startswith(("obl", "obj", "xcomp")))]
        if ctx.noun is not None:
            # (or on the container the noun is the complement of, as the parser hangs it: "the number of patients
            # waiting for treatment")
            holders = [ctx.noun] + ([ctx.noun.head] if ctx.noun.dep_.startswith("nmod") else [])
            words += [c for h in holders for c in h.children if c.dep_.startswith("acl")]
        return any(said_with(t, self.waiting_words) or any(
            c.dep_ == "compound" and f"{c.lower_} {t.lemma_.lower()}" in self.waiting_words for c in t.children)
            for t in words)

    def _type_of_group_counted_before(self, ctx: MentionContext) -> str | None:
        """ "120 residents were evacuated. Of those, 38 were still there": a part of a group counted in the
        sentence before, whose own words say nothing, is what the words of that group's noun and verb say (not a
        part with a verb of its own: "Charges against four of them were dropped")."""
        # (a verb that only says the part is among the group is none of its own: "Parmi elles figurent trois enfants")
        own_verb = (ctx.predicate is not None and ctx.predicate.pos_ == "VERB"
                    and ctx.predicate.lemma_ not in self.subset_verbs
                    and not any(c.dep_ == "cop" for c in ctx.predicate.children))
        if own_verb:
            return None
        # the pronoun after the figure, or before it on its verb, its noun or (as parsed) the number itself
        pronoun = self._partitive_pronoun(ctx) or self._pronoun_of(ctx) or next(
            (c for t in ctx.tokens for c in t.children if c.pos_ == "PRON"), None)
        if pronoun is None or not self._counted_among(pronoun):
            return None
        antecedent = self._antecedent(pronoun)
        if antecedent is None or antecedent.sent.start == ctx.sentence.start:
            return None
        verb, role = antecedent.head, antecedent.dep_
        # ("Une quarantaine de personnes ont été blessées": the noun a number noun counts has that noun's role)
        figures = [(q["start"], q["end"]) for q in antecedent.doc._.quantities or []]
        if role.startswith("nmod") and any(a <= verb.idx < b for a, b in figures):
            verb, role = verb.head, verb.dep_
        elif not self._counted(antecedent):
            return None
        words = [antecedent, *(c for c in antecedent.children if c.dep_ in ("amod", "acl"))]
        if verb.pos_ == "VERB" and role in ("nsubj", "nsubj:pass", "obj"):
            words.append(verb)
        return self._resolve_type(self._types_of(words))

    def _weak_type(self, ctx: MentionContext, words: list[Token]) -> str | None:
        """The type of a weak trigger ("arrived", "intercepted", "arrivals"): it says what happened to people
        whose noun has no usual type of its own ("police officers arrived" stay deployed, above). A figure
        without a counted noun also reads its subject ("Arrivals rose to 5,300")."""
        if not self.weak_trigger_of:
            return None
        if ctx.noun is None and ctx.actor is not None:
            words = [*words, ctx.actor]
        for t in words:
            nxt = t.doc[t.i + 1].lower_ if t.i + 1 < ctx.sentence.end else ""
            # (a lemma only of a verb: "which now house 6,200 people", not "40 houses were damaged")
            for key in (f"{t.lower_} {nxt}", t.lower_, t.lemma_.lower() if t.pos_ == "VERB" else ""):
                if key in self.weak_trigger_of:
                    return self.weak_trigger_of[key]
        return None

    def _totalled(self, ctx: MentionContext) -> str | None:
        """ "bringing the number of troops killed in the ambush to 17", "taking the total to 3,480", "portant à 31 le
        nombre de suspects": a count a container noun is valued at (the verb's object, before or after the figure)
        is of what the words between them name, else of what the clause before that verb counts."""
        container = self._valued_container(ctx)
        if container is None:
            return None
        anchor, verb, inside = ctx.anchor or ctx.tokens[0], container.head, {t.i for t in ctx.tokens}
        doc, sent = anchor.doc, ctx.sentence
        named = doc[container.i : anchor.i] if container.i < anchor.i else doc[container.i : container.right_edge.i + 1]
        before = doc[sent.start : verb.left_edge.i]  # "Police arrested nine more men on Tuesday, bringing ..."
        for words in (named, before):
            types = self._types_of([t for t in words if t.i not in inside])
            resolved = self._resolve_type(types & self.strong_types) or self._resolve_type(types)
            if resolved is not None:
                return resolved
        # "More than 600 people crossed the Channel on Saturday, bringing the total for the year to 20,412"
        return self._weak_type(ctx, [t for t in (*named, *before) if t.i not in inside])

    def _valued_container(self, ctx: MentionContext) -> Token | None:
        """The container noun ("number", "total", "nombre") a figure after a valuation preposition values: the
        object of a verb above the figure (the parser often hangs "to 17" on a nearer verb)."""
        anchor = ctx.anchor or ctx.tokens[0]
        if not any(c.dep_ == "case" and c.lower_ in self.valuation_preps for c in anchor.children):
            return None
        inside = {t.i for t in ctx.tokens}
        for verb in anchor.ancestors:
            if verb.pos_ == "VERB":
                container = next((c for c in verb.children if c.dep_ == "obj" and c.lemma_ in self.containers
                                  and c.i not in inside), None)
                if container is not None:
                    return container
        return None

    def _supported(self, ctx: MentionContext) -> str | None:
        """ "620 pompiers, appuyés par 180 véhicules et 14 avions": the means that back a group (the agent
        of a participle hung on it) take the type of what the group does."""
        if ctx.noun is None or ctx.quantity["unit"] is not None:
            return None
        backing = self._backed_clause(ctx)
        if backing is not None:
            return backing
        agent = ctx.noun
        while agent.dep_ == "conj" and agent.head.i != agent.i:
            agent = agent.head
        participle = agent.head
        if (agent.dep_ != "obl:agent" or "Part" not in participle.morph.get("VerbForm")
                or participle.head.i == participle.i or participle.dep_ not in ("acl", "advcl", "conj")):
            return None
        backed = participle.head
        side = [backed] + [c for c in backed.children if c.dep_ in ("amod", "acl", "xcomp", "obl:arg")
                           and c.i != participle.i]
        if backed.head.pos_ == "VERB" and backed.head.i > backed.i and (
                backed.dep_ in ("nsubj", "nsubj:pass")
                or (backed.dep_.startswith("obl") and not any(c.dep_ == "case" for c in backed.children))):
            # "400 sauveteurs, appuyés par douze navires, ont été déployés": the verb the group is the subject
            # of (a bare noun before its verb, which the parser may call an oblique)
            side.append(backed.head)
        types = self._types_of(side)
        resolved = self._resolve_type(types)
        return resolved or self.fallback_type_of.get(backed.lower_)

    def _backed_clause(self, ctx: MentionContext) -> str | None:
        """ "Quelque 4 500 soldats ont été déployés dans les zones sinistrées, appuyés par une quinzaine
        d'hélicoptères", "850 pompiers restent mobilisés, appuyés par 12 bombardiers d'eau, dont huit Canadair, et
        deux hélicoptères": the means after a participle of support (the pack's ``support_verbs``) and its
        preposition, with no verb between, take the type of the clause before the participle, whatever the
        parser hangs the participle or the later means on."""
        if not self.support_verbs:
            return None
        first, sent = ctx.tokens[0], ctx.sentence
        doc, inside = first.doc, {t.i for t in ctx.tokens}
        participle = next((t for t in reversed(doc[sent.start : first.i]) if t.lemma_ in self.support_verbs
                           and "Part" in t.morph.get("VerbForm")), None)
        if participle is None or participle.i + 1 >= first.i or doc[participle.i + 1].dep_ != "case" or any(
                t.pos_ in ("VERB", "AUX") for t in doc[participle.i + 1 : first.i]):
            return None
        host = participle.head
        if host.pos_ in ("NOUN", "PROPN") and host.i < participle.i and not any(
                c.dep_ == "case" for c in host.children):
            # "les secours, appuyés par 3 hélicoptères, sont intervenus", "ont évacué 300 habitants, épaulés par 40
            # gendarmes": the means back the bare noun the participle is set on (_supported reads it), not a place
            return None
        before = doc[sent.start : participle.i]
        # the group and its verb, not a place or a time ("déployés dans les zones sinistrées")
        framed = {d.i for t in before if t.dep_.startswith(("obl", "nmod")) and any(
            c.dep_ == "case" for c in t.children) for d in t.subtree}
        types = self._types_of([t for t in before if t.i not in inside and t.i not in framed])
        return self._resolve_type(types & self.strong_types) or self._resolve_type(types)

    def _rate(self, ctx: MentionContext) -> bool:
        """Whether a rate's denominator follows the figure's phrase: "5,1 tués pour 100 000 habitants"."""
        last = ctx.noun if ctx.noun is not None and ctx.noun.i > ctx.tokens[-1].i else ctx.tokens[-1]
        doc = last.doc
        if last.i + 2 >= len(doc) or doc[last.i + 1].lower_ not in self.attributes.rate_prepositions:
            return False
        nxt = doc[last.i + 2]
        if (nxt.lower_ in self.scale_words and last.i + 4 < len(doc)
                and doc[last.i + 3].lower_ in self.counted_noun_links
                and doc[last.i + 4].lower_ in self.population_nouns):
            return True  # "45 tués par million d'habitants": a scale alone, not read as a figure
        return any(q["start"] == nxt.idx and self.attributes.is_denominator(q, [nxt]) for q in doc._.quantities or [])

    def _share_group(self, ctx: MentionContext) -> Token | None:
        """The group of a share whose holder is a container noun ("la part des décès", "la proportion
        de blessés"), when the percentage has no group of its own."""
        actor = ctx.actor
        if ctx.noun is not None or actor is None or actor.lemma_ not in self.containers:
            return None
        return self._group_of(actor, set())

    @staticmethod
    def _oblique_of_another_subject(ctx: MentionContext) -> bool:
        """Whether the counted noun is an oblique of its predicate ("dans 14 départements") whose subject is
        another figure's counted noun."""
        noun, pred = ctx.noun, ctx.predicate
        if noun is None or pred is None or noun.head.i != pred.i or not noun.dep_.startswith(("obl", "obj")):
            return False
        if not any(c.dep_ == "case" for t in (noun, *ctx.tokens) for c in t.children):
            return False  # a preposition, even where the parser says object ("touchées dans 11 départements")
        return any(c.dep_ in ("nsubj", "nsubj:pass") and c.i != noun.i and any(g.like_num for g in c.children)
                   for c in pred.children)

    @staticmethod
    def _described_noun(noun: Token) -> list[Token]:
        """ "les cinq derniers corps", "40 nouveaux cas": where the parser takes the adjective after the number
        for the counted noun, the noun it describes, right after it, says what was counted."""
        head = noun.head
        if noun.pos_ == "ADJ" and noun.dep_ == "amod" and head.pos_ == "NOUN" and head.i == noun.i + 1:
            return [head]
        return []

    @staticmethod
    def _misattached_participle(noun: Token) -> list[Token]:
        """ "un bilan de 17 civils tués": a participle right after the counted noun that the parser hangs
        on a noun above it still says what happened to the noun's people."""
        doc = noun.doc
        nxt = doc[noun.i + 1] if noun.i + 1 < noun.sent.end else None
        if nxt is None or "Part" not in nxt.morph.get("VerbForm") or nxt.head.i == noun.i:
            return []
        return [nxt] if any(a.i == nxt.head.i for a in noun.ancestors) else []

    def _counts_votes(self, ctx: MentionContext) -> bool:
        """Whether the figure counts votes ("1 250 voix"), a share of them ("44 % des suffrages"), or is a bare
        share beside a share of votes under the same verb ("avec 38,4 % des voix, devant le RN (33,7 %)")."""
        if ctx.noun is not None and ctx.noun.lower_ in self.vote_nouns:
            return True
        if any(c.dep_.startswith("nmod") and c.lower_ in self.vote_nouns for t in ctx.tokens for c in t.children):
            return True
        pred = ctx.predicate
        return (ctx.noun is None and ctx.quantity["unit"] == "%" and pred is not None
                and any(t.lower_ in self.vote_nouns and t.dep_.startswith("nmod") and t.head.i != pred.i
                        and not t.head.like_num and any(g.like_num for g in t.head.children)
                        for t in pred.subtree))

    def _counted_infinitive(self, ctx: MentionContext) -> list[Token]:
        """ "Ils sont encore 240 à être hébergés", "ils étaient neuf à être soignés": the verb that a mark of the
        infinitive hangs on the figure of a copula (or on what the figure counts there) says what befell them."""
        found = []
        for t in ctx.tokens:
            if not any(g.dep_ == "cop" for h in (t, t.head) for g in h.children):
                continue
            found += [c for c in t.children if c.dep_ in ("advcl", "acl", "xcomp") and c.pos_ in ("VERB", "AUX")
                      and any(g.dep_ == "mark" and g.lower_ in self.counted_infinitive_marks for g in c.children)]
        return found

    @staticmethod
    def _predicate_repairs(ctx: MentionContext) -> list[Token]:
        """Predicates the parse hides: a copular predicate hung on the counted noun ("74 malades y sont
        morts", parsed as the noun's complement) or holding it loosely, or a verb tagged as a noun that has an auxiliary
        ("a contaminé 3 500 personnes")."""
        if ctx.noun is None:
            return []
        found = [c for c in ctx.noun.children if c.i > ctx.noun.i and any(g.dep_ == "cop" for g in c.children)]
        head = ctx.noun.head
        if head.i > ctx.noun.i and any(g.dep_ == "cop" for g in head.children):
            found.append(head)  # "31 détenus y sont morts", the noun parsed as a loose dependent of "morts"
        # (not a group the figure is taken from, which has its preposition: "of the 40 passengers, 12 were injured")
        if (ctx.predicate is None and head.i != ctx.noun.i and not any(c.dep_ == "case" for c in ctx.noun.children)
                and any(c.dep_.startswith("aux") for c in head.children)):
            found.append(head)
        return found

