"""The fact record of one mention: who, what, unit, where, source, and its confidence."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..confidence import cue_count
from ..parsing import doc_mentions, doc_text
from ..schema import Fact, is_currency, unit_kind
from ..syntax import NOMINAL, SUBJECT_DEPS, noun_phrase, said_with
from .anaphora import _PLACES, Reference
from .mention import MentionContext, date_token_indices

# the entity labels of a person or an organisation (the French and English models' labels)
_NAMED_ACTORS = ("PER", "PERSON", "ORG")


def _whole_name(token: Token) -> str | None:
    """The text of the person's or organisation's name ``token`` is in, when the name holds no punctuation (a
    parse may cut "Bruno Le Maire" at "Le", "Anne de La Tour" at "de")."""
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end and e.label_ in _NAMED_ACTORS), None)
    return ent.text if ent is not None and not any(t.is_punct and t.text != "." for t in ent) else None


# the event types of people harmed: of animals, a figure is other (the gold's "85 vaches périssent")
HARM_TYPES = frozenset({"killed", "wounded", "casualties", "missing"})


class RecordBuilder:
    """The record stage (a part of :class:`~pipeline.relations.RelationExtractor`)."""

    def _predicate_text(self, pred: Token) -> str:
        keep = [pred]
        for child in pred.children:
            if child.dep_ == "conj" and pred.pos_ in ("VERB", "ADJ") and child.pos_ in ("VERB", "ADJ", "NOUN") \
                    and child.i > pred.i and child.i - pred.i <= 4 and not any(
                        c.dep_ in ("obj", "nsubj", "nsubj:pass") for c in child.children):
                # "tués ou blessés" is one predicate; "killed 30 people and wounded 45 others" two
                cc = [c for c in child.children if c.dep_ == "cc"]
                keep += cc + [child]
            elif child.dep_ == "advmod" and child.lower_ in self.negations and (
                child.lower_ in self.negation_particles or any(c.lower_ in self.negation_particles
                                                               for c in pred.children)
            ):
                keep.append(child)
            elif child.dep_ in ("aux:tense", "aux:pass", "aux", "expl:comp", "expl:pv") or (
                    child.dep_ == "xcomp" and child.pos_ == "ADJ" and child.i == pred.i + 1) or (
                    child.dep_ == "amod" and pred.pos_ in NOMINAL
                                                            and child.i == pred.i + 1):
                keep.append(child)
        state = next((c for c in pred.children if c.i > pred.i and self._names_state(c)), None)
        if state is not None:
            # "restent dans un état grave", "remain in a critical condition": the state is what is said of them
            keep += [t for t in pred.doc[pred.i + 1 : state.right_edge.i + 1] if t.i >= state.left_edge.i]
        if pred.dep_ == "xcomp" and pred.head.pos_ == "VERB" and pred.head.i < pred.i:
            # "s'était engagé à financer": the governing verb belongs to the predicate
            matrix = pred.head
            keep += [matrix] + [c for c in matrix.children if c.dep_ in ("aux:tense", "aux:pass", "expl:comp",
                                                                            "expl:pv") and c.i < matrix.i]
            keep += [c for c in pred.children if c.dep_ == "mark" and c.i < pred.i]
        keep.sort(key=lambda t: t.i)
        return " ".join(t.text for t in keep).replace("’ ", "’").replace("' ", "'")

    def _names_state(self, complement: Token) -> bool:
        """ "dans un état grave", "in a critical condition": a complement of the verb naming the state of who (not
        a clause of its own the parser hung on the verb: "ont été évacuées, dont dix sont en état de choc")."""
        if any(c.dep_.startswith("nsubj") or c.dep_ == "cop" for c in complement.children):
            return False
        return complement.dep_.startswith("obl") and complement.lemma_.lower() in self.state_nouns

    def _source_for(self, ctx: MentionContext, sources: list[tuple[Token, str, set[int]]]) -> str | None:
        if not sources:
            return None
        ranked = sorted(sources, key=lambda s: (self._nearest(s[0], ctx), abs(s[0].i - ctx.tokens[0].i)))
        return ranked[0][1]

    def _who_by_construction(self, ctx: MentionContext, who_token: Token | None, with_nmod: bool
                             ) -> tuple[Token | None, bool]:
        """Constructions where the counted group is not who: the thing valued, the holder of a
        share, the beneficiary of a bare figure, the noun an apposition describes."""
        unit, anchor, inside = ctx.quantity["unit"], ctx.anchor, {t.i for t in ctx.tokens}
        bare = unit is not None or ctx.noun is None or ctx.noun.lower_ in self.holder_nouns
        if anchor is not None and unit == "%" and ctx.subset_of is not None:
            # "dont 58 % financés par le Département": the agent of the participle a share of an amount carries
            # (CONVENTIONS-10 rule 2, the one the money verb makes its subject; not an amount's own participle,
            # "une dotation de 120 000 euros versée par la Fédération", whose sentence has its money verb)
            agent = next((g for c in anchor.children if c.dep_ == "acl" and c.pos_ == "VERB" and c.i > anchor.i
                          and "Part" in c.morph.get("VerbForm") for g in c.children
                          if g.dep_ == "obl:agent" and g.pos_ in NOMINAL), None)
            if agent is not None:
                return agent, False
        if anchor is not None and bare:
            valued = self._valued_object(anchor, inside)
            if valued is not None:
                return valued, True  # "la loi porte le budget à 413 milliards", "condamné un passeur à 3 ans"
            container = self._valued_container(ctx) if unit is None and ctx.linked_to is None else None
            if container is not None and ctx.noun is None:
                return container, True  # "bringing the number of troops killed to 17", the parse hanging "to 17" low
            # the phrase right after the figure, hung on the figure or on its verb
            near = list(anchor.children) + (list(anchor.head.children) if anchor.head.pos_ == "VERB" else [])
            beneficiary = next((c for c in near if c.pos_ in NOMINAL and c.left_edge.i == max(inside) + 1 and any(
                g.dep_ == "case" and g.lower_ in self.beneficiary_preps for g in c.children)), None)
            # (linked to a figure before it whose verb it shares, "against 3,689 for her rival"; not the figure of a
            # second verb of the same subject: "the shire would waive rates for six months and had set aside $1.5
            # million for the clean-up")
            linked = ctx.linked_to
            elliptic = linked is not None and not (
                ctx.predicate is not None and linked.predicate is not None and ctx.actor is not None
                and linked.actor is not None and linked.predicate.i != ctx.predicate.i
                and linked.actor.i == ctx.actor.i)
            if (beneficiary is not None and not anchor.dep_.startswith("nmod") and not self._population(beneficiary)
                    and (elliptic or ctx.actor is None or ctx.actor.pos_ == "PRON")):
                # not "le fonds prévoit 45 millions pour la viticulture": the fund holds the amount
                return beneficiary, beneficiary.pos_ == "NOUN"  # "contre 3 689 pour sa rivale"
        measured = (who_token is not None and anchor is not None and anchor.dep_.startswith("nmod")
                    and anchor.head.i == who_token.i)
        if measured and who_token.dep_ == "nsubj:pass":
            pred = who_token  # "une prime de 800 euros sera versée aux saisonniers": the prime is what is given
        elif who_token is None and ctx.predicate is not None:
            pred = ctx.predicate
        else:
            pred = None
        if pred is not None and (is_currency(unit) or unit == "%"):
            # the verb of the amount, or of the event noun it measures ("une aide ... sera versée", "l'aide versée")
            verbs = [pred] if pred.pos_ == "VERB" else [c for c in pred.children if c.dep_ == "acl"
                                                        and c.pos_ == "VERB"] + (
                [pred.head] if pred.head.pos_ == "VERB" and pred.dep_ in ("nsubj", "nsubj:pass") else [])
            for verb in verbs:
                # (or of the verb it completes: "il devra verser 12 000 euros à la mère de famille")
                if any(c.dep_ in SUBJECT_DEPS and c.pos_ == "PRON" for c in verb.children) or (
                        verb.dep_ == "xcomp" and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)
                        and any(c.dep_ in SUBJECT_DEPS and c.pos_ == "PRON" for c in verb.head.children)):
                    continue  # "The charity said it would give £250,000 to the appeal": the pronoun's, read later
                recipient = self._recipient(verb, inside)
                if recipient is not None:
                    return recipient, False  # "une aide de 500 euros sera versée aux commerçants"
        if (unit == "%" and ctx.noun is not None and who_token is not None and who_token.i == ctx.noun.i
                and anchor is not None and anchor.head.pos_ == "VERB" and ctx.actor is not None
                # the verb's object, or its complement when the subject names a measure ("le taux d'emploi
                # s'établit à 58,3 % de la population": the rate's, not the population's)
                and (anchor.dep_ == "obj" or (anchor.dep_.startswith("obl")
                                              and said_with(ctx.actor, self.measure_nouns)))
                and ctx.actor.pos_ != "PRON" and ctx.predicate is not None
                and ctx.linked_to is None and not self._after_ellipsis(ctx)
                and ctx.predicate.lemma_ not in self.cause_verbs
                # not a verb acting on what the share counts: "a supprimé 40 % de ses vols" is the vols'
                and anchor.head.lemma_ not in self.acted_share_verbs
                and ctx.predicate.lemma_.lower() not in self.trigger_of):
            # "les cadres représentent 21 % des postes": the share is the subject's
            return ctx.actor, ctx.actor.pos_ == "NOUN"
        figure = who_token.head if who_token is not None and who_token.i == getattr(ctx.noun, "i", None) else None
        if (figure is not None and figure.i in inside and who_token.dep_.startswith("nmod") and who_token.i > figure.i
                and unit is None and figure.dep_ == "nsubj" and figure.head.pos_ == "NOUN"
                and any(c.dep_ == "cop" for c in figure.head.children)
                and not any(c.dep_ == "case" for c in figure.head.children)
                and any(c.dep_ == "case" and c.lower_ in self.group_links for c in who_token.children)
                and not any(c.like_num for c in who_token.children)):
            # "Two of the victims were firefighters": the part is what it is said to be (not "14 of the 20 people
            # arrested were minors", a part of another figure, which counts that figure's people)
            return figure.head, False
        if (who_token is not None and who_token.dep_ == "appos" and who_token.head.pos_ == "NOUN"
                and who_token.head.i < who_token.i and who_token.i not in ctx.anchors):
            # (not "300 victimes, dont 40 enfants": a counted noun is its own who)
            return who_token.head, False  # "le principal prévenu, un homme de 27 ans": the noun described
        return who_token, with_nmod

    def _change_holder(self, who_token: Token | None) -> Token | None:
        """ "Teachers will get a 3.5 percent raise", "Youth unemployment fell ..., a drop of 0.7 points", "students
        showed up ..., 320 fewer": the nominal subject of the verb a change's noun or comparative (the who the rules
        found) complements holds the change (``subject_held_changes``); a pronoun subject leaves the noun."""
        if (who_token is None or not self.subject_held_changes
                or (who_token.lemma_.lower() not in self.subject_held_changes
                    and who_token.lower_ not in self.subject_held_changes)):
            return None
        # up from a comparative said of the figure ("140 fewer": the figure is the verb's adverbial)
        phrase = who_token.head if who_token.dep_ == "amod" and who_token.head.like_num else who_token
        verb = phrase.head
        if (not phrase.dep_.startswith(("obj", "obl", "advcl", "advmod")) or verb.pos_ not in ("VERB", "AUX")
                or verb.i == phrase.i):
            return None
        doc = phrase.doc
        set_off = phrase.left_edge.i > 0 and doc[phrase.left_edge.i - 1].text == ","
        if (phrase.dep_.startswith("obj") and not set_off
                and verb.lemma_.lower() not in self.change_getting_verbs):
            return None  # "The deal follows a 6% rise": the rise is no deal's (not "Teachers will get a raise")
        return next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.pos_ in ("NOUN", "PROPN")), None)

    def _recipient(self, verb: Token, inside: set[int]) -> Token | None:
        """The agent of a passive verb ("versée par la Région"), else the one it is given to
        ("versée aux commerçants", "débloquée pour les éleveurs"): who for an amount without a subject."""
        agent = next((c for c in verb.children if c.dep_ == "obl:agent" and c.pos_ in NOMINAL), None)
        if agent is not None:
            return agent
        return next((c for c in verb.children if c.dep_ in ("obl", "obl:arg", "obl:mod", "iobj")
                     and c.pos_ in NOMINAL and c.i not in inside and c.ent_type_ not in ("LOC", "GPE")
                     # "s'élève à 842 millions": a value, not a recipient
                     and not self._is_amount(c) and not any(g.dep_ == "nummod" for g in c.children)
                     and any(g.dep_ == "case" and g.lower_ in self.recipient_preps for g in c.children)), None)

    @staticmethod
    def _name_before(ctx: MentionContext) -> str | None:
        """ "Amina Hussain (Lab) 1,204 votes; Peter Lowe (Con) 892", "Labour 986": in a line without a verb
        (a results digest), the name just before a figure, or before the parenthesis just before it."""
        sent = ctx.sentence
        if any(t.pos_ in ("VERB", "AUX") for t in sent):
            return None
        doc = sent.doc
        end = ctx.tokens[0].i - 1
        bracketed = end > sent.start and doc[end].text == ")"
        if bracketed:
            opening = next((i for i in range(end - 1, max(sent.start, end - 8) - 1, -1) if doc[i].text == "("), None)
            end = opening - 1 if opening is not None else sent.start - 1
        # right before the figure, only a named entity: not a word the tagger took for a name
        if end < sent.start or doc[end].pos_ != "PROPN" or not (bracketed or doc[end].ent_type_):
            return None
        start = end
        while start - 1 >= sent.start and doc[start - 1].pos_ == "PROPN":
            start -= 1
        return doc[start : end + 1].text

    @staticmethod
    def _gapped_holder(ctx: MentionContext) -> Span | None:
        """ "Adults will pay £18 and under-16s £9", "Bell's campaign had spent $4.6m and Ruiz's $1.9m", "les
        recettes ont progressé de 2,1 % et les dépenses de 3,8 %": in a clause whose verb is left out, the phrase
        between the conjunction (or the comma) and an amount or a share holds it."""
        unit = ctx.quantity["unit"]
        if not (is_currency(unit) or unit == "%"):
            return None
        first = ctx.tokens[0]
        doc, sent = first.doc, ctx.sentence
        inside = {t.i for t in ctx.tokens}
        if first.i - 1 > sent.start and doc[first.i - 1].dep_ == "case" and doc[first.i - 1].head.i in inside:
            first = doc[first.i - 1]  # "et les dépenses de 3,8 %": the figure's own preposition
        i = first.i - 1
        while i > sent.start and doc[i].pos_ in ("NOUN", "PROPN", "PART", "ADJ", "DET") and first.i - i <= 4:
            i -= 1
        conj = doc[i]
        holder = doc[i + 1 : first.i]
        # a conjunction, or a comma in a list of such clauses ("recevra 1 000 dollars, les blessés 500 dollars")
        if (conj.pos_ != "CCONJ" and conj.text != ",") or not any(t.pos_ in ("NOUN", "PROPN") for t in holder):
            return None
        after = doc[ctx.tokens[-1].i + 1] if ctx.tokens[-1].i + 1 < sent.end else None
        if after is not None and after.pos_ in ("VERB", "AUX", "NOUN", "PROPN"):
            return None  # "and the state's £5m budget", "and 40% were": not a clause without its verb
        # an earlier amount of the same unit, with a verb, in the same sentence
        earlier = any(q["unit"] == unit and sent.start_char <= q["end"] <= conj.idx for q in doc._.quantities or [])
        if not earlier or not any(t.pos_ == "VERB" for t in doc[sent.start : i]):
            return None
        start = i + 1
        while start < first.i and doc[start].pos_ == "DET":
            start += 1
        return doc[start : first.i] if start < first.i else None

    def _averaged_holder(self, ctx: MentionContext) -> Token | None:
        """ "L'affluence moyenne a atteint 3 850 spectateurs par match", "L'effectif moyen grimpe à 33 élèves par
        classe": a per-unit average is a measure, held by its measured noun, the subject saying it is an average
        (fourteenth-session convention (i)); not a plain count ("Les effectifs ont atteint 2 460 agents"), nor an
        average whose sentence writes no measured noun ("nous aurons en moyenne 23 élèves par classe")."""
        noun = ctx.noun
        if noun is None or ctx.quantity["unit"] is not None or self.average_rx is None:
            return None
        # the counted noun followed by its unit: "par match", "per class"
        after = noun.i + 1
        rates = self.attributes.rate_prepositions
        if not (after + 1 < ctx.sentence.end and noun.doc[after].lower_ in rates
                and noun.doc[after + 1].pos_ == "NOUN"):
            return None
        verb = ctx.predicate
        if verb is None:
            return None
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass") and c.pos_ == "NOUN"
                        and c.i < ctx.tokens[0].i), None)
        if subject is None or not any(self.average_rx.fullmatch(t.text) for t in subject.subtree):
            return None
        return subject

    def _held_at(self, ctx: MentionContext) -> Token | None:
        """ "followed by Senegalese at 22%", "Sen. Marcus Bell at 33.5%", "the Conservatives fourth on 2,915": a
        share or a bare count right after a holder preposition belongs to the name or noun before it."""
        unit = ctx.quantity["unit"]
        attached = ctx.noun is not None and any(t.head.i == ctx.noun.i for t in ctx.tokens)
        if not (unit == "%" or (unit is None and (not attached or ctx.noun.lower_ in self.holder_nouns))):
            return None
        first = ctx.tokens[0]
        doc = first.doc
        prep = doc[first.i - 1] if first.i - 1 > ctx.sentence.start else None
        if prep is None or prep.lower_ not in self.holder_preps:
            return None
        holder = doc[prep.i - 1]
        if holder.pos_ in ("ADV", "ADJ") and holder.i - 1 > ctx.sentence.start:
            holder = doc[holder.i - 1]  # "the Conservatives fourth on": a rank between
        if holder.pos_ == "VERB":
            # "Gareth Owusu came second with 10,796 votes": the subject of the verb before the rank
            holder = next((c for c in holder.children if c.dep_ == "nsubj" and c.i < holder.i), holder)
        # not a place ("put the number of protesters in Lyon at 12,500"; "Reform UK" is a name), nor the
        # verb's object when a common noun ("Labour topped the poll with 36%", but "leaves Labour with 401 seats")
        # (an agent is an actor whatever the model names it: "followed by Senegalese at 22%")
        place = holder.ent_type_ == "LOC" and not any(c.dep_ == "compound" for c in holder.children) and (
            holder.dep_ != "obl:agent")
        common_object = holder.dep_ == "obj" and holder.pos_ == "NOUN"
        if holder.pos_ not in ("NOUN", "PROPN") or holder.like_num or self._is_amount(holder) or place or (
                common_object or holder.lower_ in self.time_words or holder.lower_ in self.time_units):
            return None
        return holder

    def _modified_noun(self, ctx: MentionContext, in_dates: set[int]) -> str | None:
        """ "a £1.2 billion scheme was approved", "a £300m plan": an amount written before the thing it
        pays for, with no actor, is that thing's."""
        anchor = ctx.anchor
        head = anchor.head
        if anchor.dep_ not in ("nummod", "compound", "amod") or head.pos_ != "NOUN" or head.i <= anchor.i or (
                head.i in in_dates):
            return None
        named = self._named_in_apposition(head, ctx)
        if named is not None:
            return noun_phrase(named)  # "the Warm Home Discount, a £150 rebate": the name the thing is set beside
        after = max(t.i for t in ctx.tokens) + 1  # the words after the amount ("£300m" ends with "m")
        return head.doc[after : head.i + 1].text if after <= head.i else head.text

    def _rate_noun(self, ctx: MentionContext, in_dates: set[int]) -> Token | None:
        """ "as many as one in five councils could face bankruptcy", "protects nine in ten babies", "a 5% rise": a
        share with no counted group of its own, written right before a noun its last number (or sign) modifies, is
        that noun's (only modifiers of the noun between: "a 4% pay rise")."""
        last = ctx.tokens[-1]
        noun = last.head
        # (not a measure noun, whose holder is who: "Hale won 8,120 votes, a 41.2% share")
        if (ctx.noun is not None or noun.pos_ != "NOUN" or noun.i <= last.i or noun.i in in_dates
                or said_with(noun, self.measure_nouns)
                or last.dep_ not in ("nummod", "compound", "amod")
                or any(t.head.i != noun.i or t.dep_ not in ("compound", "amod")
                       for t in last.doc[last.i + 1 : noun.i])):
            return None
        inside = {t.i for t in ctx.tokens}
        if any(c.dep_ == "case" and c.i in inside for c in noun.children) and noun.head.i not in inside:
            return None  # a span run on into another phrase: "fell 14 per cent to 612,000 vehicles"
        return noun

    def _changed_thing(self, ctx: MentionContext, in_dates: set[int]) -> Token | None:
        """ "a 7% cut in the cap", "a £2m increase in funding": an amount or a share written before the event
        noun it measures is a change of that noun's complement (or, for a later conjunct, "and a 6.4% increase
        in April", of the first conjunct's)."""
        anchor = ctx.anchor
        if anchor is None or not (ctx.quantity["unit"] == "%" or is_currency(ctx.quantity["unit"])):
            return None
        event = anchor.head
        if (anchor.dep_ not in ("nummod", "compound", "amod") or event.pos_ != "NOUN" or event.i <= anchor.i
                or event.lemma_ not in self.event_nouns):
            return None
        for noun in (event, *([event.head] if event.dep_ == "conj" and event.head.lemma_ in self.event_nouns else [])):
            changed = next((c for c in noun.children if c.dep_.startswith("nmod") and c.i > noun.i and c.pos_ == "NOUN"
                            and c.i not in in_dates and any(g.dep_ == "case" for g in c.children)), None)
            if changed is not None:
                return changed
        return None

    def _varied_object(self, ctx: MentionContext, in_dates: set[int]) -> Token | None:
        """ "a réduit de 50 % ses vols", "réduire son budget de 5 %", "de 50 % ... à Orly et de 30 % à Marseille": a
        share opened by a variation link on a verb measures the change of the verb's object, its who. The parser
        may hang the share on a noun between (a weekday taken for the object) and the object on the share."""
        anchor = ctx.anchor
        if (anchor is None or ctx.quantity["unit"] != "%" or any(c.dep_ == "det" for c in anchor.children)
                or not any(c.dep_ == "case" and c.lower_ in self.variation_links for c in anchor.children)):
            return None  # (not "soit près d'un quart de ses effectifs")
        # the verb: the share's head, or above a date or a first conjunct the parser hung it on
        verb = anchor.head
        if verb.pos_ != "VERB" and (verb.i in in_dates or anchor.dep_ == "conj"):
            verb = verb.head
        if verb.pos_ != "VERB":
            return None  # "une hausse de 5 % des salaires": a variation noun's, told by its own rule

        def changed(t: Token) -> bool:  # a noun without preposition, not a date, nor a variation noun
            return (t.pos_ == "NOUN" and t.i not in in_dates and t.lower_ not in self.time_words
                    and t.lemma_ not in self.variation_nouns and t.i not in {q.i for q in ctx.tokens}
                    and not any(c.dep_ == "case" for c in t.children))

        # the object right after the share, opened by its own determiner, hung on the share as a complement or an
        # apposition ("de 50 % leurs vols", "a abaissé de 8 % le montant des aides"; not "de 2,6 %, un rythme
        # proche", set off by a comma, nor "de 1,4 % une fois l'inflation prise en compte")
        held = next((c for c in anchor.children if c.dep_ in ("nmod", "appos") and c.left_edge.i == anchor.i + 1
                     and c.left_edge.dep_ == "det" and c.left_edge.head.i == c.i and not c.left_edge.n_lefts
                     and not c.left_edge.n_rights and changed(c)), None)
        doc = anchor.doc
        # (not a phrase set off by a comma, "ont augmenté de 2,6 %, un rythme proche", parsed as the object)
        return held or next((c for c in verb.children if c.dep_ == "obj" and changed(c) and not (
            c.left_edge.i > 0 and doc[c.left_edge.i - 1].text == ",")), None)

    def _is_amount(self, token: Token) -> bool:
        """ "contre 868 millions", "842 millions d'euros": a scale or currency word is part of a figure, never who."""
        return token.lower_ in self.scale_words or token.lower_ in self.currency_words

    @staticmethod
    def _described(token: Token) -> Token | None:
        """ "le principal prévenu, un homme de 27 ans, a écopé...": an indefinite noun set off by a
        comma after a noun phrase describes that phrase's noun, which is who (the parser often takes
        the description for the subject)."""
        if token.pos_ not in NOMINAL or not any(c.dep_ == "det" and "Ind" in c.morph.get("Definite")
                                           for c in token.children) or any(c.dep_ == "case" for c in token.children):
            return None  # not "..., avec une option": a phrase with a preposition is no apposition
        doc, start = token.doc, token.sent.start
        comma = token.left_edge.i - 1
        closing = next((t.i for t in doc[token.i + 1 : token.sent.end] if t.text == ","), None)
        if comma <= start or doc[comma].text != "," or closing is None or not all(
                token.is_ancestor(t) for t in doc[token.i + 1 : closing]):
            return None  # set off by commas on both sides (not "..., un incendie parcourt 1 800 hectares")
        before = doc[comma - 1]
        while before.dep_ in ("amod", "flat:name", "flat", "nmod") and start <= before.head.i < before.i and (
                before.head.pos_ in NOMINAL):
            before = before.head  # the head of the phrase that ends at the comma
        # a noun, or a participle used as one ("le principal prévenu", tagged as a verb)
        nominal = before.pos_ in NOMINAL or any(c.dep_ == "det" for c in before.children)
        if not nominal or before.i == token.i or any(c.dep_ == "nummod" for c in before.children):
            return None
        return before

    def _named_in_apposition(self, token: Token, ctx: MentionContext) -> Token | None:
        """The name a common noun is set beside, which says who more precisely: "His brother Lee Harker, 37, received
        six years" (a close apposition), "the Warm Home Discount, a £150 rebate" (an amount's noun described). Not a
        place ("the port city Quelimane"), nor a noun the figure counts ("two victims, Ana and Luis")."""
        def name(t: Token) -> bool:
            return t.pos_ == "PROPN" and t.ent_type_ not in _PLACES and any(ch.isalpha() for ch in t.text)

        # a noun, or a participle used as one ("la principale accusée", tagged as a verb)
        if token.pos_ != "NOUN" and not (token.pos_ == "VERB" and any(c.dep_ == "det" for c in token.children)):
            return None
        inside = {t.i for t in ctx.tokens}
        if any(c.dep_ == "nummod" and c.i not in inside for c in token.children) or any(
                t.head.i == token.i for t in ctx.tokens) and ctx.quantity["unit"] is None:
            return None
        # a close apposition, no comma between ("His brother Lee Harker")
        doc = token.doc
        found = next((c for c in token.children if c.dep_ == "appos" and c.left_edge.i == token.i + 1 and name(c)
                      and not doc[token.i + 1].is_punct), None) if self.close_apposition_names else None
        if found is not None:
            return found
        # a name set off by a comma after the role ("His deputy, Craig Mellor, received", "Le maire, Bernard
        # Paineau, a annoncé", "The firm, Holt Skips Ltd, was fined"): the name identifies the actor (thirteenth
        # session, corpus/README.md)
        def set_off(c: Token) -> bool:  # a capitalised name right after a comma ("Transports Mercier": an ORG)
            first = next(t for t in c.subtree if not t.is_punct or t.i == c.i)
            named = name(c) or c.ent_type_ in _NAMED_ACTORS and first.is_title
            return named and first.i > 0 and doc[first.i - 1].text == "," and (
                first.pos_ == "PROPN" or first.ent_type_ in _NAMED_ACTORS)

        found = next((c for c in token.children if c.dep_ == "appos" and c.i > token.i and set_off(c)), None)
        if found is not None:
            return found
        head = token.head
        if (token.dep_ == "appos" and head.i < token.i and name(head) and ctx.quantity["unit"] is not None
                and any(t.head.i == token.i for t in ctx.tokens)):
            return head  # "the Warm Home Discount, a £150 rebate": the rebate is the Warm Home Discount
        return None

    def _quantified_group(self, token: Token) -> Token | None:
        """ "many of the claims", "most of them": the group after a quantifier that is no noun."""
        if token.pos_ not in ("ADJ", "DET"):
            return None
        group = next((c for c in token.children if c.dep_.startswith(("nmod", "obl"))
                      and c.pos_ in ("NOUN", "PROPN", "PRON")
                      and any(g.dep_ == "case" and g.lower_ in self.group_links for g in c.children)), None)
        if group is not None and group.pos_ == "PRON":
            return self._antecedent(group)  # "Most of them, 40, were ...": the group the pronoun stands for
        return group

    def _antecedent(self, pronoun: Token, value: float | None = None, part: bool = False) -> Token | None:
        """ "Il s'élève à 842 millions": the noun a third-person pronoun stands for, the subject (else
        the object) of the nearest sentence before that agrees with it in number and gender; for a group one
        counts among ("Parmi eux, 37...", "onze d'entre eux": ``part``), first a noun counted there ("480
        conducteurs") no fewer than the part's ``value``. See :mod:`.anaphora`."""
        among = part or self._counted_among(pronoun)  # (a group counted among is no impersonal "it takes")
        demonstrative = pronoun.lower_ in self.demonstrative_agreement  # "Celle-ci recule de 4 %"
        if (pronoun.lower_ not in self.anaphoric_pronouns and not demonstrative) or (
                not among and pronoun.head.lemma_ in self.impersonal_verbs):
            return None
        if pronoun.morph.get("PronType") == ["Dem"] and not among and not demonstrative:
            return None  # "those who fled": a demonstrative stands for a group only as one counted among
        if pronoun.dep_ in SUBJECT_DEPS and any(
                c.dep_ in SUBJECT_DEPS and c.pos_ in NOMINAL and c.i < pronoun.i for c in pronoun.head.children):
            return None  # "La surface habitable, elle, a reculé": the sentence names it (a subject; not the object
            # of "Judge Whitfield ordered him to pay", who is another)
        if part and (counted := self._part_of_counted_group(pronoun, value)) is not None:
            return counted  # "Police held 23 fans, and nine of them were jailed": the fans, in its own sentence
        # (a group counted among is no speaker: "Of those, 27 were admitted, officials said")
        speaker = self._speaker_of(pronoun) if not among else None
        if speaker is not None:
            return self._described(speaker) or speaker  # "The SFO said it would recover £12m": the SFO
        if pronoun.sent.start == 0:
            return None
        number, gender = self._agreement(pronoun)
        if not among and not demonstrative and (sentenced := self._sentenced_before(pronoun, number, gender)):
            return self._described(sentenced) or sentenced  # "a condamné l'hôpital. Il devra verser ..."
        reference = Reference(pronoun, number, gender, count=among, part=among)
        # the holder of an amount or a share is the sentence before's; a group counted among may be further
        return self._antecedent_back(reference, pronoun.sent, value if among else None,
                                     window=None if among else 1)

    def _sentenced_before(self, pronoun: Token, number: tuple[str, ...], gender: tuple[str, ...]) -> Token | None:
        """The party the sentence right before ``pronoun``'s sentences ("Le tribunal a condamné Karim B. à 18 mois.
        Le parquet avait requis deux ans contre lui", "a condamné l'hôpital. Il devra verser ..."): the object or
        passive subject of a sanction verb whose party is its object, when it agrees with the pronoun; the
        pronoun stands for it rather than for the court (review-15b)."""
        sentence = pronoun.doc[pronoun.sent.start - 1].sent
        in_dates = date_token_indices(pronoun.doc)
        for verb in sentence:
            if (self.sanction_verbs.get(verb.lemma_) or self.sanction_verbs.get(verb.lower_)) != "object":
                continue
            # ("a condamné mercredi Kevin R.": the day parsed as the object, the party hung on it)
            parties = [c for c in verb.children if c.dep_ in ("obj", "nsubj:pass") and c.i not in in_dates] + [
                g for c in verb.children if c.dep_ == "obj" and c.i in in_dates for g in c.children
                if g.dep_ in ("appos", "nmod", "flat", "flat:name") and g.i > c.i]
            for party in parties:
                if party.pos_ not in ("NOUN", "PROPN") or (
                        party.lower_ in self.penalty_nouns or self._is_amount(party) or party.like_num):
                    continue
                if party.pos_ == "PROPN" or (
                        (not number or party.morph.get("Number") == list(number))
                        and (not gender or not party.morph.get("Gender") or party.morph.get("Gender") == list(gender))):
                    return party
        return None

    def _fronted_group(self, ctx: MentionContext) -> Token | None:
        """ "Of the jobs cut, 2,800 will go in Belgium": a bare count after a group fronted with a partitive link
        (on the figure or on its verb) is a part of that group (a counted group, "Of the 47 dead", is read
        elsewhere; a pronoun, "Of those", stands for the group before)."""
        first = ctx.sentence[0]
        if ctx.noun is not None or ctx.quantity["unit"] is not None or first.lower_ not in self.partitive_words:
            return None
        heads = {t.i for t in ctx.tokens} | ({ctx.predicate.i} if ctx.predicate is not None else set())
        group = first.head
        if (group.pos_ not in NOMINAL or group.head.i not in heads or group.i >= ctx.tokens[0].i
                or any(c.dep_ == "nummod" or c.like_num for c in group.children)):
            return None
        return group

    @staticmethod
    def _bare_part_of(ctx: MentionContext) -> Token | None:
        """ "treated 2,600 patients, of whom 41 died": a bare count that is a part of a total in its sentence counts
        the total's noun (not the subject of the verb the parser hangs the part's clause on: "teams")."""
        total, noun = ctx.subset_of, ctx.noun
        inside = {t.i for t in ctx.tokens}
        # a noun of its own is on the figure or bears it ("of whom 1,900 were children"); another is the parse's
        own = noun is not None and (noun.head.i in inside or any(t.head.i == noun.i for t in ctx.tokens))
        if (total is None or own or ctx.quantity["unit"] is not None or total.noun is None
                or total.quantity["unit"] is not None or total.noun.pos_ != "NOUN"):
            return None
        return total.noun

    def _counted_before(self, ctx: MentionContext) -> Token | None:
        """ "Rescuers pulled 12 miners out alive. Three remained in intensive care": a bare count, the subject of
        its verb, alone in its sentence, counts the noun counted in the sentence before (its subject first)."""
        anchor = ctx.anchor or ctx.tokens[-1]
        # the subject, or a number the parser hangs on the verb after it ("Now between 1,500 and 2,000 arrive")
        # (a clause's verb, not a participle the parser made a noun's complement: "un record de 46 843 arrivées")
        subject = anchor.dep_ in SUBJECT_DEPS or (anchor.dep_ == "nummod" and anchor.head.pos_ == "VERB"
                                                  and anchor.head.i > anchor.i
                                                  and not anchor.head.dep_.startswith(("nmod", "obj", "obl")))
        first = ctx.sentence[0]
        named = any(c.dep_.startswith("nmod") and c.pos_ in NOMINAL for c in anchor.children)
        if (not subject or named or ctx.noun is not None or ctx.quantity["unit"] is not None
                or ctx.linked_to is not None or ctx.subset_of is not None or ctx.previous is not None
                or ctx.sentence.start == 0 or first.lower_ in self.group_links or first.lower_ in self.among_words):
            # (not a count with its noun's complement, "Une cinquantaine de sapeurs-pompiers", nor a part of a group
            # fronted in its own sentence: "Of the jobs cut, 2,800 will go")
            return None
        doc = anchor.doc
        figures = [(q["start"], q["end"]) for q in doc._.quantities or []]
        previous = list(doc[ctx.sentence.start - 1].sent)
        counted = [t for t in previous if t.pos_ == "NOUN" and t.lower_ not in self.measure_units
                   and t.lower_ not in self.time_units and not self._is_amount(t)
                   and any(c.dep_ == "nummod" and any(a <= c.idx < b for a, b in figures) for c in t.children)]
        if self._counts_people(ctx):
            # a count of people ("Five were killed") counts only a noun that can name people: not "Rebels seized
            # three towns. Five were killed"
            counted = [t for t in counted if self._names_people(t)]
        return next((t for t in counted if t.dep_ in SUBJECT_DEPS), counted[-1] if counted else None)

    def _counted_among(self, pronoun: Token) -> bool:
        """Whether a figure is a part of the group ``pronoun`` stands for: "Parmi eux, 37...", "Twelve of
        them", "Of those, 27 were admitted" (a part of a group counted in the sentence before)."""
        # (or right after the among word, which the parser may hang on the verb: "Parmi elles figurent trois enfants")
        return any(c.dep_ == "case" and (c.lower_ in self.among_words or c.lower_ in self.partitive_words)
                   for c in pronoun.children) or (pronoun.i > pronoun.sent.start
                                                  and pronoun.doc[pronoun.i - 1].lower_ in self.among_words)

    @staticmethod
    def _subject_of_object(ctx: MentionContext) -> bool:
        """Whether the figure's noun is the subject of the verb the figure is the object of ("Rescuers
        reached nine of them"): the parse gave the bare count no noun of its own."""
        noun, anchor = ctx.noun, ctx.anchor
        return (noun is not None and anchor is not None and noun.dep_ in SUBJECT_DEPS and anchor.dep_ == "obj"
                and noun.head.i == anchor.head.i)

    def _speaker_of(self, pronoun: Token) -> Token | None:
        """The subject of the reporting verb whose clause has ``pronoun`` for subject, when they agree in
        number: "The SFO said it would begin proceedings", "the ministry said they had arrested"."""
        clause = pronoun.head
        verb = clause.head
        if clause.dep_ != "ccomp" or verb.lemma_ not in self.reporting or verb.i == clause.i:
            return None
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.pos_ in ("NOUN", "PROPN")), None)
        if subject is None:
            return None
        number = pronoun.morph.get("Number")
        return subject if subject.pos_ == "PROPN" or subject.morph.get("Number") in ([], number) else None

    @staticmethod
    def _introduced(ctx: MentionContext) -> bool:
        """Whether the figure counts its noun with no definite, demonstrative or possessive determiner
        ("Deux gardiens ont été blessés", not "les deux hommes", "ces 24 victimes"): people or things
        brought in, not ones already told of."""
        noun = ctx.noun
        if noun is None or not any(t.head.i == noun.i for t in ctx.tokens):
            return False
        return not any(c.dep_ == "det" and ("Def" in c.morph.get("Definite") or c.morph.get("PronType") == ["Dem"]
                                            or "Yes" in c.morph.get("Poss")) for c in noun.children)

    @staticmethod
    def _counted(token: Token) -> bool:
        """Whether a number stands on ``token`` ("480 conducteurs"): a counted noun, named bare."""
        return any(c.is_digit or c.pos_ == "NUM" for c in token.children)

    def _pronoun_of(self, ctx: MentionContext) -> Token | None:
        """The pronoun subject of the figure's predicate, or the pronoun it is counted among ("parmi eux")."""
        for head in (ctx.predicate, ctx.noun):
            for _ in range(3):
                if head is None:
                    break
                for c in head.children:
                    # (or a part of: "Of those, 27 were admitted")
                    if c.pos_ == "PRON" and (c.dep_ in SUBJECT_DEPS or self._counted_among(c)):
                        return c
                # "it would begin proceedings to recover £12m": the subject of the verb the clause depends on
                subjectless = head.pos_ == "VERB" and not any(c.dep_ in SUBJECT_DEPS for c in head.children)
                head = head.head if subjectless and head.dep_ in ("advcl", "xcomp") and head.head.i != head.i else None
        return None

    @staticmethod
    def _subject_of_head(ctx: MentionContext, in_dates: set[int]) -> Token | None:
        """The subject of the word a figure hangs on when the parse gives it no verb (an adjective, an
        event noun or a mistagged verb at the root): "la participation s'est élevée à 61,2 %", "le
        salaire moyen est en hausse de 3,2 %" hold their figure (SPEC section 3)."""
        if ctx.anchor is None:
            return None
        inside = {t.i for t in ctx.tokens}
        head = ctx.anchor.head
        if head.i == ctx.anchor.i or head.pos_ in ("VERB", "AUX"):
            return None  # a verb's subject is the actor the context stage reads, or none is meant
        return next((c for c in head.children if c.dep_ in SUBJECT_DEPS and c.pos_ in NOMINAL
                     and c.i not in inside and c.i not in in_dates), None)

    def _names_event(self, token: Token) -> bool:
        """Whether a noun is an event trigger ("blessés", "morts", "victimes"), in any of its forms."""
        return any(w in self.trigger_of for w in (token.lower_, token.lemma_.lower())) or (
            self.inflected_trigger(token.lower_) is not None)

    def _measure_of(self, ctx: MentionContext) -> Token | None:
        """The noun naming what a count or a measure measures, when the figure complements it (SPEC
        section 3, the holder): "une durée moyenne de 32 jours", "un taux d'ammoniaque de 12 mg par
        litre". Not an amount of money, whose who is its actor or beneficiary."""
        unit = ctx.quantity["unit"]
        if unit == "%" or is_currency(unit) or ctx.subset_of is not None:
            return None
        # the counted noun, else the figure itself when the noun is one the parse lent it (the subject: "Drownings
        # fell to 2.4 ..., against a national average of 3.0")
        for anchor in (ctx.noun, ctx.anchor):
            head = anchor.head if anchor is not None else None
            if (head is not None and anchor.dep_.startswith("nmod") and head.i < anchor.i and head.pos_ == "NOUN"
                    and (head.lemma_ in self.measure_nouns or head.lower_ in self.measure_nouns)
                    and not self._holds_measure(head) and not (anchor is ctx.noun and self._counts_people_or_things(
                        head, anchor))):
                return head
        return None

    def _counts_people_or_things(self, measure: Token, noun: Token) -> bool:
        """Whether an indefinite statistic noun only says how a count of people or things is taken ("An average
        of 300 people a day crossed": the people), its counted noun no unit of measure or of time (not "an
        average of 32 days", "a median of 12 kg")."""
        return (self._indefinite_statistic(measure) and noun.lower_ not in self.measure_units
                and noun.lower_ not in self.time_words)

    def _indefinite_statistic(self, measure: Token) -> bool:
        """ "an average", "a median": a statistic noun (statistic_nouns) with an indefinite article."""
        return said_with(measure, self.statistic_nouns) and any(
            c.dep_ == "det" and "Ind" in c.morph.get("Definite") for c in measure.children)

    def _holds_measure(self, measure: Token) -> bool:
        """Whether an indefinite statistic noun is the object of a verb with a subject of its own, which holds it:
        "Each person received an average of 15 litres a day" (the person's), not "the EU average of 4.3" nor
        "a enregistré une affluence de 12 000 visiteurs" (an attendance is no statistic: the affluence's)."""
        return self._indefinite_statistic(measure) and measure.dep_ == "obj" and any(
            c.dep_ in SUBJECT_DEPS and c.pos_ in NOMINAL for c in measure.head.children)

    @staticmethod
    def _said_to_be(ctx: MentionContext) -> bool:
        """ "Twelve of them are surgeons": a part said to be a noun of its own, by a copula, counts that noun, as
        "31 of whom were children" does (not "Four of them were in a critical condition": a state)."""
        noun = ctx.noun
        return (noun is not None and noun.pos_ == "NOUN" and noun.i > ctx.tokens[-1].i
                and any(c.dep_ == "cop" for c in noun.children) and not any(c.dep_ == "case" for c in noun.children))

    def _partitive_pronoun(self, ctx: MentionContext) -> Token | None:
        """The pronoun of "onze d'entre eux", "la moitié d'entre elles" right after the figure, or of a
        part fronted before a figure with no noun of its own ("Of those, 27 were admitted")."""
        if self.partitive_rx is None:
            return None
        last = ctx.tokens[-1]
        doc, sent_end = last.doc, ctx.sentence.end
        # (the figure's span may end with the link itself: "almost half of" them)
        if last.i + 1 >= sent_end or not (last.lower_ in self.partitive_words
                                          or self.partitive_rx.match(doc_text(doc), doc[last.i + 1].idx)):
            return self._fronted_partitive_pronoun(ctx)
        return next((t for t in doc[last.i + 1 : min(last.i + 5, sent_end)]
                     if t.pos_ == "PRON" and t.lower_ in self.anaphoric_pronouns), None)

    def _fronted_partitive_pronoun(self, ctx: MentionContext) -> Token | None:
        """ "Of those, seven pleaded guilty", "Of them, two were fined": the pronoun before a bare figure,
        after a partitive link, on the figure or on its verb (the parse puts it on either)."""
        if ctx.noun is not None:
            return None  # "Of these, 7,120 were enforced returns": the part's own noun says what it is
        heads = {t.i for t in ctx.tokens} | ({ctx.predicate.i} if ctx.predicate is not None else set())
        return next((t for t in ctx.sentence.doc[ctx.sentence.start : ctx.tokens[0].i]
                     if t.pos_ == "PRON" and t.lower_ in self.anaphoric_pronouns and t.head.i in heads
                     and any(c.dep_ == "case" and c.lower_ in self.partitive_words for c in t.children)), None)

    def _penalized(self, ctx: MentionContext, in_dates: set[int] = frozenset()) -> Token | None:
        """A prison term or a fine: who is the one penalized, wherever the sanction verb puts it
        ("a condamné un passeur à trois ans et à une amende de 45 000 euros", "a infligé à Apple une
        amende de 1,8 milliard", "Trente ans ont été prononcés par la cour", "le maire écope de...")."""
        unit = ctx.quantity["unit"]
        if ctx.anchor is None or not (is_currency(unit) or unit in self.time_units):
            return None
        anchor, inside = ctx.anchor, {t.i for t in ctx.tokens}
        verb, role = anchor, None
        for _ in range(6):  # the nearest sanction verb above the figure (the parser may tag "écope" a noun)
            role = self.sanction_verbs.get(verb.lemma_) or self.sanction_verbs.get(verb.lower_)
            if role is not None or verb.head.i == verb.i:
                break
            verb = verb.head
        if role is None:
            return self._penalized_subject(ctx)

        # the penalty the figure measures: "une amende (record) de 4,3 milliards"; not the party a term or a fine
        # is given to, on which the parser may hang it ("a condamné trois passeurs à deux ans de prison")
        measured = next((a for a in anchor.ancestors if a.pos_ == "NOUN"), anchor)
        if any(c.dep_ == "case" and c.lower_ in self.penalized_preps for c in anchor.children):
            measured = anchor

        def penalized(t: Token) -> bool:  # a party, not the penalty, its amount or a time
            return (t.pos_ in NOMINAL and t.i not in inside and t.i not in (anchor.i, measured.i)
                    and not self._is_amount(t) and t.lower_ not in self.time_words and t.i not in in_dates
                    and t.ent_type_ not in ("LOC", "GPE"))

        if role == "subject":
            subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
            if subject is None and verb.pos_ != "VERB" and verb.head.i < verb.i and verb.head.pos_ in NOMINAL:
                subject = verb.head  # "Son complice, un Lyonnais de 24 ans, écope": "écope" parsed as a noun
            if subject is not None and subject.pos_ == "PRON":
                return self._antecedent(subject)
            subject = (self._described(subject) or subject) if subject is not None else None
            return subject if subject is not None and penalized(subject) else None
        # the object, or the subject of the passive ("l'entreprise avait été condamnée à une amende")
        # (English's indirect object: "fined the company £2m")
        # (a pronoun stands for the party: "le tribunal lui a infligé une amende", fourteenth session (g))
        obj = next((c for c in verb.children if c.dep_ in ("obj", "nsubj:pass", "iobj", "dative") and (
            penalized(c) or (c.dep_ == "iobj" and c.pos_ == "PRON" and c.lower_ in self.anaphoric_pronouns))), None)
        if obj is None:
            # "a condamné mercredi Kevin R. à quatre ans": the day parsed as the object, the party hung on it
            day = next((c for c in verb.children if c.dep_ == "obj" and c.i in in_dates), None)
            obj = next((c for c in day.children if c.dep_ in ("appos", "nmod", "flat", "flat:name")
                        and c.i > day.i and penalized(c)), None) if day is not None else None
        if obj is not None:
            return obj
        # "a infligé à Apple", "requis trois ans contre le chauffeur" (on the verb, or parsed on the penalty, or on
        # the last of coordinated penalties: "requis quatre ans, ainsi qu'une amende de 5 000 euros contre lui")
        penalties = [measured, *(c for c in measured.children if c.dep_ == "conj")]
        if measured.dep_ == "conj":
            penalties += [measured.head, *(c for c in measured.head.children if c.dep_ == "conj")]
        near = [*verb.children, *anchor.children, *(c for p in penalties for c in p.children)]
        # (or a pronoun: "requis six ans contre lui")
        given = next((c for c in near if (c.dep_ in ("obl", "obl:arg", "obl:mod", "iobj") or c.dep_.startswith("nmod"))
                      and (penalized(c) or (c.pos_ == "PRON" and c.lower_ in self.anaphoric_pronouns))
                      and any(g.dep_ == "case" and g.lower_ in self.penalized_preps for g in c.children)), None)
        if given is not None:
            return given
        # "fined the operator 85 million pesos": the first object of two, which the parser may hang on the amount
        # as a bare noun before it (a complement has its preposition)
        first = next((c for c in (*anchor.children, *measured.children) if c.dep_ == "nmod" and c.i < anchor.i
                      and penalized(c) and not any(g.dep_ == "case" for g in c.children)), None)
        if first is not None:
            return first
        return next((c for c in verb.children if c.dep_ == "obl:agent" and c.pos_ in NOMINAL), None)

    def _of_share_verb(self, ctx: MentionContext) -> bool:
        """Whether the figure complements a verb of proportion ("London accounted for 58% of the total")."""
        return (ctx.predicate is not None and ctx.predicate.lemma_ in self.share_verbs and ctx.anchor is not None
                and ctx.anchor.dep_ not in SUBJECT_DEPS)

    @staticmethod
    def _counts_own_noun(ctx: MentionContext) -> bool:
        """Whether a count says how many of its own noun there are, right after it ("could not account for 12
        missing rifles": the rifles), not a part of a group named by a preposition ("280 000 de ces
        interventions", "58% of the total"): a verb of proportion's subject is then no holder."""
        noun = ctx.noun
        return (ctx.quantity["unit"] is None and noun is not None and noun.i > ctx.tokens[-1].i
                and not any(c.dep_ == "case" and c.i > ctx.tokens[-1].i for c in noun.children))

    def _valued_by_worth(self, ctx: MentionContext, in_dates: set[int]) -> Token | None:
        """ "The stolen parts were worth £520,000", "900 catalytic converters from cars since 2024, worth an estimated
        £1.3m": an amount after a value word (value_words) said of the noun before it is that noun's value, the head of
        its phrase (not a date, nor the complement inside the phrase: the converters, not the cars)."""
        if not self.value_words or ctx.anchor is None or not is_currency(ctx.quantity["unit"]):
            return None
        worth = next((t for t in (ctx.anchor.head, ctx.anchor.head.head) if t.lower_ in self.value_words), None)
        if worth is None or worth.i > ctx.tokens[0].i:
            return None
        doc = worth.doc
        # goods valued by a modifier: "seized cannabis and cocaine worth £18,000", "found 1,150 plants worth about
        # £900,000": the goods (fourteenth-session convention (j)), not who seized them; not a change ("a pay rise
        # worth £1,800": the amount is the verb's)
        if (worth.dep_ == "amod" and worth.head.pos_ == "NOUN" and worth.head.i < worth.i
                and worth.head.lower_ not in self.change_nouns and worth.head.i not in in_dates
                and worth.head.lower_ not in self.money_instrument_nouns
                and worth.head.lemma_.lower() not in self.money_instrument_nouns):
            return worth.head
        # said of the thing, by a copula or set off after a comma ("were worth £520,000", "..., worth £1.3m")
        if not (any(c.dep_ == "cop" for c in worth.children) or doc[worth.i - 1].lemma_ == "be"
                or doc[worth.i - 1].text == ","):
            return None
        noun = next((t for t in reversed(ctx.sentence.doc[ctx.sentence.start : worth.i])
                     if t.pos_ in ("NOUN", "PROPN") and t.i not in in_dates and not self._is_amount(t)), None)
        if noun is None:
            return None
        while noun.dep_.startswith("nmod") and noun.head.pos_ == "NOUN" and noun.head.i < noun.i:
            noun = noun.head  # "converters from cars": the converters
        if noun.dep_.startswith("obl") and noun.head.pos_ == "VERB":
            # "smuggled 300 tortoises through the port, worth £90,000": the verb's object, not its adjunct
            noun = next((c for c in noun.head.children if c.dep_ == "obj" and c.pos_ in ("NOUN", "PROPN")
                         and c.i < noun.i), noun)
        return noun

    def _own_measure_holder(self, ctx: MentionContext, token: Token | None) -> Token | None:
        """ "The airline lowered its full-year operating profit forecast to between 1.6 billion and 1.9 billion crowns,
        from about 2.4 billion": an amount or a share set on the verb whose object, ``token`` (the who the rules read),
        is the subject's own measure (a possessive pronoun on it) is held by that subject, its antecedent for a
        pronoun (SPEC section 3: for money, who is the actor or holder)."""
        unit = ctx.quantity["unit"]
        # (not a share: "The central bank raised its key rate by half a point to 12.5%" keeps the rate, the thing a
        # percentage measures)
        if token is None or not is_currency(unit) or token.dep_ != "obj" or token.head.pos_ != "VERB":
            return None
        if not any(c.dep_ in ("nmod:poss", "poss") and c.pos_ == "PRON" for c in token.children):
            return None
        verb = token.head
        if not any(t.head.i == verb.i for t in ctx.tokens) and (ctx.anchor is None or ctx.anchor.head.i != verb.i):
            return None  # the figure is set on that verb ("to €5.6bn", "from €6.4bn"), not inside another phrase
        other = next((t.head for t in token.doc[token.i + 1:ctx.tokens[0].i] if t.dep_ in ("nmod:poss", "poss")
                      and t.pos_ in NOMINAL and t.head.pos_ == "NOUN" and t.head.i > token.i), None)
        if other is not None:
            return other  # "their forecast for Tesco's profit": the measure of the party named, not the subject's
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ in NOMINAL + ("PRON",)), None)
        if subject is not None and subject.pos_ == "PRON":
            subject = self._antecedent(subject)
        return subject if subject is not None and subject.pos_ in NOMINAL else None

    def _seized_goods(self, ctx: MentionContext, in_dates: set[int]) -> Token | None:
        """ "Officers also seized £18,500 in cash", "had recovered ... £48,000 in cash", "£1.1m of cocaine seized": the
        cash or goods written right after an amount (a seized_goods_link, then their noun) whose verb, or participle,
        is a seizure verb are who, not the party that seized them (fifteenth session (s))."""
        if not self.seizure_verbs or not is_currency(ctx.quantity["unit"]):
            return None
        last = ctx.tokens[-1]
        doc = last.doc
        if last.i + 2 >= ctx.sentence.end or doc[last.i + 1].lower_ not in self.seized_goods_links:
            return None
        goods = doc[last.i + 1].head
        if goods.i <= last.i + 1 or goods.pos_ not in ("NOUN", "PROPN") or goods.i in in_dates:
            return None
        verbs = [next((t for t in last.ancestors if t.pos_ == "VERB"), None)] + [
            c for t in ctx.tokens for c in t.children if c.dep_.startswith("acl") and c.pos_ == "VERB"]
        return goods if any(v is not None and said_with(v, self.seizure_verbs) for v in verbs) else None

    def _agent_of_amount(self, ctx: MentionContext) -> Token | None:
        """ "une rançon de 3 millions de dollars versée par l'Etat", "les 120 millions d'euros annoncés par
        le gouvernement": the agent of the participle on an amount (or on the noun it measures) is who."""
        if ctx.anchor is None or not is_currency(ctx.quantity["unit"]):
            return None
        anchor = ctx.anchor
        holders = [anchor] + ([anchor.head] if anchor.head.pos_ == "NOUN" and anchor.head.i != anchor.i else [])
        for holder in holders:
            top = holder
            while top.dep_.startswith("nmod") and top.head.i != top.i:
                top = top.head
            if top.dep_ == "obj" and any(c.dep_ in SUBJECT_DEPS and c.pos_ != "PRON" for c in top.head.children):
                return None  # "la direction a proposé une prime ..., jugée insuffisante par les syndicats"
            for acl in holder.children:
                if acl.dep_.startswith("acl") and acl.pos_ == "VERB" and acl.i > holder.i:
                    agent = next((c for c in acl.children if c.dep_ == "obl:agent" and c.pos_ in NOMINAL), None)
                    if agent is not None:
                        return agent
        return None

    def _penalized_subject(self, ctx: MentionContext) -> Token | None:
        """ "Le suspect risque jusqu'à dix ans", "le maire écope de...": the parser often takes such a
        present-tense verb for a noun hung on the subject; the noun it hangs on is the one penalized."""
        for t in ctx.sentence:
            if t.i >= ctx.tokens[0].i:
                return None
            role = self.sanction_verbs.get(t.lower_)
            if role == "subject" and t.pos_ != "VERB" and t.head.i < t.i and t.head.pos_ in NOMINAL:
                return t.head
        return None

    def _population(self, token: Token) -> bool:
        """ "866 euros par habitant": a per-capita figure belongs to its total's holder, not to the inhabitants."""
        return token.lower_ in self.population_nouns or f"{token.lower_}s" in self.population_nouns

    @staticmethod
    def _named_before_parenthesis(ctx: MentionContext) -> Token | None:
        """ "Rennes (+4,6 %)", "les Marocains (2 980)": a figure in parentheses is the noun's before them."""
        first = ctx.tokens[0]
        doc = first.doc
        opening = first.i - 1
        while opening > ctx.sentence.start and not doc[opening].is_alpha and doc[opening].text != "(":
            opening -= 1  # a sign or a qualifier word's punctuation: "(+4,6 %)"
        if opening <= ctx.sentence.start or doc[opening].text != "(" or first.i - opening > 2:
            return None
        # the phrase that ends right before the parenthesis, up to its head ("recettes de la taxe foncière")
        before = doc[opening - 1]
        while before.dep_ in ("flat:name", "flat", "amod", "nmod") and before.head.i < before.i and (
                before.head.pos_ in NOMINAL):
            before = before.head
        return before if before.pos_ in NOMINAL else None

    def _after_ellipsis(self, ctx: MentionContext) -> bool:
        """ "…, soit 15 % de ses effectifs": the figure restates another one."""
        start = ctx.quantity["start"]
        return bool(self.ellipsis_rx.search(doc_text(ctx.sentence.doc)[max(0, start - 25) : start]))

    def _comparison_what(self, ctx: MentionContext) -> str | None:
        """ "rose to 23, up from 15", "up 23% on last year": the words right before a point of comparison or a
        change, in its sentence, are its what (comparison_whats), not the main clause's verb."""
        if self.comparison_what_rx is None:
            return None
        start = ctx.quantity["start"]
        before = doc_text(ctx.sentence.doc)[max(ctx.sentence.start_char, start - 20) : start]
        found = self.comparison_what_rx.search(before)
        return found["what"].lower() if found else None

    def _compared_to(self, ctx: MentionContext) -> MentionContext | None:
        """The figure a point of comparison right after "contre" is compared with ("12 480 inscrits, contre 9 700",
        "une durée de 32 jours, contre 28 jours en 2024"): the nearest one before it in its sentence in the same
        unit (not "en hausse de 0,3 point" between), when the comparison counts no noun of its own (or repeats
        that figure's unit word)."""
        main = ctx.linked_in_unit()
        if main is None:
            main = ctx.previous_in_unit()
            if main is not None and ctx.predicate is not None and main.predicate is not None and (
                    ctx.predicate.i != main.predicate.i and ctx.predicate.pos_ in ("VERB", "AUX")
                    and ctx.predicate.dep_ not in ("acl", "amod")):
                return None  # "grew 0.1%, and economists expect the OBR to cut its forecast from 2%": another clause
        if main is None or main.who is None:
            return None
        start = ctx.quantity["start"]
        if not self.comparison_rx.search(doc_text(ctx.sentence.doc)[max(0, start - 25) : start]):
            return None
        if ctx.noun is not None and not (main.noun is not None and ctx.noun.lower_ == main.noun.lower_):
            return None
        if self._measure_of(ctx) is not None:
            return None  # "fell to 3.1 per 100,000, against an EU average of 4.3": a measure of its own
        last = max(t.i for t in (*ctx.tokens, *([ctx.noun] if ctx.noun is not None else [])))
        after = ctx.sentence.doc[last + 1] if last + 1 < ctx.sentence.end else None
        if after is not None and after.lower_ in self.beneficiary_preps:
            return None  # "contre 3 689 pour sa rivale": another one's figure
        return main

    def _variation_holder(self, ctx: MentionContext, in_dates: set[int]) -> tuple[str, Token | None] | None:
        """A share or an amount that measures a variation noun is the change of what that noun describes ("soit
        une mortalité en baisse de 12 %"); set off after a comma, of the figure before it ("11 300 passages,
        en hausse de 24 %", ", soit une hausse de 29 %"), else of the complement of the variation noun that
        ends right before the comma ("la chute des commandes de moteurs, en baisse de 30 %")."""
        pred, anchor, unit = ctx.predicate, ctx.anchor, ctx.quantity["unit"]
        # a noun, or one the tagger took for a verb but which has its preposition ("en baisse")
        if (pred is None or anchor is None or anchor.head.i != pred.i
                or not (pred.pos_ == "NOUN" or any(c.dep_ == "case" for c in pred.children))
                or not anchor.dep_.startswith("nmod") or not self._varies(pred)):
            return None
        if not (unit == "%" or is_currency(unit) or (ctx.noun is not None and ctx.noun.lower_ in self.holder_nouns)):
            return None
        if ctx.noun is not None and ctx.noun.lower_ not in self.holder_nouns:
            return None  # "une hausse de 4 % des loyers": a share of a group the other rules read
        described = pred.head
        if (pred.dep_.startswith("nmod") and described.pos_ == "NOUN" and described.i < pred.i
                and described.i not in in_dates and not self._varies(described) and not self._counted(described)
                and any(c.dep_ == "det" for c in described.children)):
            # "une mortalité en baisse de 12 %" (not "Compte tenu de ..., après un recul de 0,8 %", a bare word)
            return noun_phrase(described), described
        doc = pred.doc
        first = pred.left_edge  # the parser may hang the comma that sets the phrase off on it
        opening = first.i if first.text == "," else first.i - 1
        if opening <= ctx.sentence.start or doc[opening].text != "," or pred.dep_ in SUBJECT_DEPS + ("obj",):
            return None  # not set off: "le secteur a enregistré une baisse de 12 %" is the subject's
        changed = self._changed_complement(pred, ctx.tokens[-1])
        if changed is not None:
            return noun_phrase(changed, with_nmod=True), changed  # "..., a fall of 4% in its share price" (review-13a)
        main = ctx.linked_to or ctx.previous
        if main is not None and main.who is not None:
            return main.who, main.who_token
        before = doc[opening - 1]
        while (before.dep_ in ("amod", "nmod", "flat", "flat:name") and before.head.i < before.i
               and before.head.pos_ in NOMINAL and not self._varies(before.head)):
            before = before.head
        if before.dep_.startswith("nmod") and self._varies(before.head) and before.pos_ == "NOUN":
            return noun_phrase(before, with_nmod=True), before  # the complement of "la chute des commandes"
        return None

    def _change_set_off(self, ctx: MentionContext) -> tuple[str, Token | None] | None:
        """ "made 4.1 million trips in 2024, up 9% on the previous year", "repaired 14,200 potholes, 31% more than a
        year earlier", "received 41,300 applications, a rise of 6%": a share set off after a comma that only says how
        much the figure before it changed (a comparison word before it, a comparative after it, or a variation noun)
        is that figure's change, so its who (not the main clause's subject: the visitors made the trips, the share
        measures the trips)."""
        if ctx.quantity["unit"] != "%" or ctx.noun is not None:
            return None
        main = ctx.previous
        if main is None or main.who is None or main.quantity["unit"] == "%":
            return None
        doc, first, last = ctx.sentence.doc, ctx.tokens[0], ctx.tokens[-1]
        end = max(t.i for t in main.tokens)
        comma = next((i for i in range(first.i - 1, end, -1) if doc[i].text == ","), None)
        if comma is None:
            return None
        between = doc[comma + 1 : first.i]
        if any(t.pos_ in ("VERB", "AUX") or t.text in ",;:" for t in between) or len(between) > 4:
            return None  # a clause of its own ("..., and prices rose 5%")
        if any(t.pos_ in ("NOUN", "PROPN") and not self._varies(t) for t in between):
            return None  # the share names its own holder: "..., with freight up 3%" (review-13a)
        text = doc_text(doc)
        change_before = bool(between) and (
            (self.comparison_what_rx is not None and self.comparison_what_rx.search(between.text) is not None)
            or any(self._varies(t) for t in between))
        comparative_after = (not between and self.comparative_rx is not None
                             and self.comparative_rx.match(text, last.idx + len(last.text)) is not None)
        if not (change_before or comparative_after):
            return None
        changed = next((c for t in between if self._varies(t) if (c := self._changed_complement(t, last)) is not None),
                       None)
        if changed is not None:
            return noun_phrase(changed, with_nmod=True), changed  # "..., an increase of 4% in sales" (review-13a)
        return main.who, main.who_token

    def _changed_complement(self, change: Token, last: Token) -> Token | None:
        """The noun after a figure that a variation noun before it says the change is of, through one of the
        language's changed_links: "a fall of 4% in its share price" (not a base: "a rise of 6% on the year before")."""
        return next((c for c in change.children if c.dep_.startswith("nmod") and c.i > last.i and c.pos_ == "NOUN"
                     and c.lower_ not in self.time_words and c.lower_ not in self.time_units
                     and any(g.dep_ == "case" and g.lower_ in self.changed_links for g in c.children)), None)

    def _restated_share(self, ctx: MentionContext) -> tuple[str, Token | None] | None:
        """ "180 emplois, soit 35 % des effectifs", "les appartements classés F, soit 9 % du parc": a share
        after a restating word ("soit") is what comes before it, as a part of the group the share is taken of:
        the who of the figure before it in the sentence (an amount's, a share's, or a count's share of a total
        or of nothing named: "soit 3 % de plus"), else the noun phrase that ends at the comma."""
        anchor = ctx.anchor
        if ctx.quantity["unit"] != "%" or anchor is None or not any(
                c.lower_ in self.restating_markers and c.i < anchor.i for c in anchor.children):
            return None
        main = ctx.previous
        if main is not None:
            if main.quantity["unit"] is None and ctx.noun is not None and ctx.noun.lower_ not in self.generic_nouns:
                return None  # "310 000 personnes, soit 90 % de la population ciblée": a count's share of a group
            return (main.who, main.who_token) if main.who is not None else None
        doc, sent = anchor.doc, ctx.sentence
        comma = next((i for i in range(ctx.tokens[0].i - 1, max(sent.start, ctx.tokens[0].i - 4) - 1, -1)
                      if doc[i].text == ","), None)
        if comma is None or comma - 1 <= sent.start:
            return None
        head = doc[comma - 1]
        for _ in range(4):  # up to the head of the phrase: "appartements" of "appartements classés F"
            if head.dep_ in SUBJECT_DEPS + ("obj", "ROOT", "root") or not sent.start <= head.head.i < head.i:
                break
            head = head.head
        if head.pos_ not in ("NOUN", "PROPN"):
            return None
        return doc[head.i : comma].text, head

    def _varies(self, token: Token) -> bool:
        """Whether a noun names a variation ("hausse", "recul")."""
        return said_with(token, self.variation_nouns)

    def _valued_object(self, anchor: Token, inside: set[int]) -> Token | None:
        """ "estime à 1,2 milliard le surcoût", "fixe à 30 000 euros le plafond": the verb's object,
        when the figure hangs on the verb (or, as parsed, on that object) through a valuation preposition."""
        if not any(c.dep_ == "case" and c.lower_ in self.valuation_preps for c in anchor.children):
            return None
        def valued(t: Token) -> bool:  # a thing, not another count ("perd trois points")
            return t.i not in inside and t.lower_ not in self.holder_nouns and not any(
                c.like_num and c.pos_ == "NUM" for c in t.children)

        head = anchor.head
        if head.pos_ in NOMINAL and head.dep_ == "obj" and valued(head):
            return head
        if head.pos_ == "VERB":
            obj = next((c for c in head.children if c.dep_ == "obj" and c.pos_ == "NOUN" and valued(c)), None)
            if obj is not None:
                return obj
            # "évalue à 3 millions d'euros le coût": the object after the figure, parsed as its complement
            return next((c for c in anchor.children if c.dep_.startswith("nmod") and c.pos_ == "NOUN"
                         and c.i > anchor.i and valued(c) and any(d.dep_ == "det" for d in c.children)
                         and not any(d.dep_ == "case" for d in c.children)), None)
        return None

    def _output_lost(self, ctx: MentionContext) -> bool:
        """Whether the casualty words of the figure's sentence all name a loss of output too ("ses pertes à 80 % de
        sa récolte"), with one at least; not "la moitié des victimes"."""
        said = {t.lower_ for t in ctx.sentence if self.trigger_of.get(t.lower_) == "casualties"}
        return bool(said) and said <= self.output_loss_words

    def _share_lost(self, ctx: MentionContext) -> bool:
        """Whether a share of a group of people is the subject of a loss of theirs ("Deux tiers des agriculteurs
        ont perdu leurs récoltes", "More than half of the complainants lost their savings"): the share's own
        predicate types it, people hit (fourteenth-session convention (a)); not a share that is lost ("ont perdu
        5 % de leur chiffre d'affaires": the object), nor a share of things."""
        pred, noun = ctx.predicate, ctx.noun
        if pred is None or noun is None or pred.lemma_.lower() not in self.loss_verbs:
            return False
        # something of theirs: "leurs récoltes", "their savings", "la totalité de leurs économies"
        objects = [c for c in pred.children if c.dep_ == "obj"]
        if not any("Yes" in t.morph.get("Poss") or t.dep_ in ("nmod:poss", "poss") for o in objects for t in o.subtree):
            return False
        inside = {t.i for t in ctx.tokens}
        subject = next((c for c in pred.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
        if subject is None or not (subject.i in inside or subject.i == noun.i or noun.head.i == subject.i):
            return False
        return True

    def _offence_victims(self, ctx: MentionContext) -> str | None:
        """The type of people an offence harmed, in an article about one (fourteenth-session convention (d)):
        ``affected`` when counted as harmed ("le réseau a escroqué 57 victimes", "stole from hundreds of
        retirees", "35 lost their entire savings", "le réseau aux 380 victimes"), ``other`` for victims counted
        for another act ("90 victims attended the hearing"); None otherwise (victims of a disaster)."""
        noun = ctx.noun
        if self.offence_rx is None or not doc_mentions(ctx.sentence.doc, self.offence_rx):
            return None
        pred = ctx.predicate
        if pred is not None and pred.lemma_.lower() in self.offence_verbs and not (
                # "stole 212 shipping containers": the thing taken, not a victim
                pred.lemma_.lower() in self.theft_verbs and noun is not None and noun.dep_ == "obj"):
            return "affected"  # (a bare part too: "and at least 35 lost their entire savings")
        if noun is None:
            return None
        if noun.lower_ in self.victim_nouns or noun.lemma_.lower() in self.victim_nouns:
            # a verb of another act says what the victims did; none (a heading), or a copula, says they are victims
            acting = pred is not None and pred.pos_ == "VERB" and any(
                c.i == noun.i or c.i in {t.i for t in ctx.tokens} for c in pred.children
                if c.dep_ in ("nsubj", "nsubj:pass")) or (pred is not None and noun.head.i == pred.i
                                                            and noun.dep_ in ("nsubj", "nsubj:pass"))
            return "other" if acting else "affected"
        return None

    # -- the fifteenth session's conventions (corpus/README.md, "Settled in the fifteenth session", m-s) --------

    @staticmethod
    def _verb_above(token: Token, nouns_only: bool = False) -> Token | None:
        """The nearest verb ``token`` hangs on (through nouns, conjuncts, prepositions), or None; ``nouns_only``:
        None when the way goes through another word than a noun ("most with dehydration or burns")."""
        seen = 0
        while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i and seen < 8:
            if nouns_only and seen and token.pos_ not in ("NOUN", "PROPN"):
                return None
            token, seen = token.head, seen + 1
        return token if token.pos_ in ("VERB", "AUX") else None

    def _own_predicate(self, ctx: MentionContext) -> Token | None:
        """The figure's verb, or the one of the figure it is a part of ("including 12 firefighters")."""
        for c in (ctx, ctx.subset_of, ctx.linked_to):
            if c is not None and c.predicate is not None:
                return c.predicate
        return None

    def _treated_for_injury(self, ctx: MentionContext) -> bool:
        """(o) Whether the figure counts people treated or taken to hospital for burns, smoke inhalation or
        injuries ("quatre d'entre eux ont été soignés pour des brûlures", "63 people have been treated for burns
        and smoke inhalation"): a noun of injury hangs on the figure's own verb (not on another clause's: "rescued
        68 people, 11 of whom were taken to hospital with burns" leaves the 68 rescued)."""
        pred = self._own_predicate(ctx)
        if pred is None or not self.injury_nouns:
            return False
        for t in ctx.sentence:
            if t.pos_ == "NOUN" and (t.lower_ in self.injury_nouns or t.lemma_.lower() in self.injury_nouns):
                if any(c.dep_ == "advmod" and c.i < t.i for c in t.children):
                    continue  # said of a part ("most with dehydration or fuel burns")
                verb = self._verb_above(t, nouns_only=True)
                if verb is not None and verb.i == pred.i:
                    return True
        return False

    def _after_figure(self, ctx: MentionContext) -> Token | None:
        """The first token after the figure's own text (its unit word included), in its sentence."""
        end = ctx.quantity["end"]
        return next((t for t in ctx.sentence if t.idx >= end), None)

    def _written_unit(self, ctx: MentionContext) -> str | None:
        """(m) The unit written right after the figure when it names a measured thing ("43 °C", "41,4 °C"): the
        unit as written ("°C"), else None."""
        doc = ctx.sentence.doc
        start = ctx.quantity["end"]
        unit = next((t for t in ctx.sentence if t.idx + len(t) > start and t.idx >= start - 2
                     and not t.like_num), None)
        if unit is None:
            return None
        written = unit.text
        if not unit.whitespace_ and unit.i + 1 < ctx.sentence.end and doc[unit.i + 1].is_alpha and len(
                doc[unit.i + 1]) == 1:
            written += doc[unit.i + 1].text  # "°" "C"
        return written if written in self.unit_measured else None

    def _measured_thing(self, ctx: MentionContext, who: str | None) -> tuple[str, str] | None:
        """(m) A temperature reported as news: the measured thing as who, not the instrument or a record noun
        that stands for it ("Le thermomètre a dépassé 43 °C", "Le record absolu de Lyon est tombé : 41,4 °C",
        "le mercure a atteint 44,1 °C": température), and the unit as written ("°C"); who as the rules read it
        when it names the measured thing already ("l'eau a gagné 1,5 °C"); None for another unit."""
        written = self._written_unit(ctx)
        if written is None:
            return None
        first = who.split()[0].lower() if who else None
        stand_in = any(t.lower_ in self.measure_stand_ins for t in ctx.sentence if t.pos_ == "NOUN")
        if who is None or who.lower() == written.lower() or first in self.measure_stand_ins or (
                stand_in and ctx.noun is not None and ctx.noun.lower_ not in self.unit_measured):
            return self.unit_measured[written], written
        return who, written  # "La température a atteint 42 °C", "l'eau a gagné 1,5 °C": who stays, the unit as written

    def _mourning(self, ctx: MentionContext) -> Token | None:
        """(n) "trois jours de deuil national", "three days of national mourning": the mourning is who."""
        noun = ctx.noun
        if noun is None or noun.lower_ not in self.time_words:
            return None
        return next((c for c in noun.children if c.lemma_.lower() in self.mourning_nouns
                     or c.lower_ in self.mourning_nouns), None)

    def _names_bonus(self, token: Token) -> bool:
        """(q) Whether ``token`` names a bonus ("prime", "raises") or a pay rise ("hausse de salaire", "a 6.5% pay
        rise"; not a rise of anything else: "en hausse de 14 %", "a rise of 20 per cent")."""
        if token.pos_ != "NOUN":
            return False
        if token.lower_ in self.bonus_nouns:
            return True
        if token.lower_ not in self.pay_change_nouns:
            return False
        return any(c.lower_ in self.pay_words or any(g.lower_ in self.pay_words for g in c.children)
                   for c in token.children)

    def _bonus_holder(self, ctx: MentionContext) -> str | None:
        """(q) The holder of a rise or bonus offered or granted, when the sentence names it after the bonus noun:
        "une prime exceptionnelle de trois cents euros par agent", "une prime de 2 000 euros à chaque
        surveillant", "la prime supra-légale proposée aux salariés licenciés", "a 6.5% pay rise for its 28,000
        store colleagues". Not a claim ("les syndicats réclament une prime de 300 euros par agent": the
        claimant), nor aid (not a bonus noun)."""
        if self.bonus_holder_rx is None:
            return None
        first, last = ctx.tokens[0].i, ctx.tokens[-1].i
        sent = ctx.sentence
        # the bonus noun: before the figure in its clause, or the noun the figure modifies ("a 6.5% pay rise")
        bonus = None
        for t in sent:
            if self._names_bonus(t) and (
                    t.i < first or (t.i <= last + 3 and any(a.i == t.i for a in ctx.tokens[-1].ancestors))):
                bonus = t
        if bonus is None:
            return None
        verb = self._verb_above(bonus)
        if verb is not None and verb.lemma_.lower() in self.claim_verbs:
            return None  # "réclament une prime": the claimant's
        if (verb is not None and verb.dep_.startswith("acl:relcl") and bonus.head.i == verb.i
                and verb.lemma_.lower() in self.change_getting_verbs and any(
                    c.dep_ in SUBJECT_DEPS and c.pos_ == "PRON" for c in verb.children)):
            # "some 350 guards, educators and art handlers, who will receive raises of 4.5%": the relative's
            # antecedent, as the figure that counts it names it
            held = verb.head
            counted = ctx.previous
            while counted is not None and counted.who_token is not held:
                counted = counted.previous
            return counted.who if counted is not None and counted.who else noun_phrase(held)
        doc = sent.doc
        for m in self.bonus_holder_rx.finditer(doc_text(doc), doc[bonus.i].idx + len(bonus), sent.end_char):
            after = next((t for t in sent if t.idx >= m.end()), None)
            while after is not None and (after.like_num or after.pos_ == "NUM") and after.i + 1 < sent.end:
                after = doc[after.i + 1]
            # (a noun the parser read as a participle after its determiner: "à chaque surveillant")
            nominal = after is not None and (after.pos_ == "NOUN" or (
                after.is_alpha and after.i > sent.start and doc[after.i - 1].pos_ == "DET" and after.pos_ == "VERB"))
            if not nominal or after.lower_ in self.time_words or (
                    after.lower_ in self.period_nouns or after.i in {t.i for t in ctx.tokens}):
                continue
            while after.dep_ == "compound" and after.head.i > after.i:
                after = after.head  # "store colleagues"
            return noun_phrase(after)
        return None

    def _seized_cash(self, ctx: MentionContext) -> Token | None:
        """(s) Seized cash: "ont saisi 180 000 euros en numéraire", "seized £18,500 in cash": the cash is who, not
        who seized it (a sentence with a verb of seizure; not "a payé 500 euros en espèces")."""
        after = self._after_figure(ctx)
        doc = ctx.sentence.doc
        while after is not None and after.i + 1 < ctx.sentence.end and after.lower_ != self.cash_marker and (
                after.i - ctx.tokens[-1].i <= 2 and not after.is_punct):
            after = doc[after.i + 1]  # the currency word ("euros")
        if after is None or after.lower_ != self.cash_marker or after.i + 1 >= ctx.sentence.end:
            return None
        cash = doc[after.i + 1]
        if cash.lower_ not in self.cash_nouns:
            return None
        if not any(t.lemma_.lower() in self.seizure_verbs for t in ctx.sentence if t.pos_ in ("VERB", "AUX")):
            return None
        return cash

    def _settled_who(self, ctx: MentionContext, who: str | None,
                     unit: str | None) -> tuple[str | None, str | None] | None:
        """``who`` and ``unit`` by the fifteenth session's conventions (m), (n), (q) and (s), over the rules' and
        the ranker's choice, or None where none applies."""
        if (measured := self._measured_thing(ctx, who)) is not None:
            return measured  # (m) "Le thermomètre a dépassé 43 °C": température, °C
        if unit_kind(unit, self.time_units, self.measure_units) == "duration" and (
                mourning := self._mourning(ctx)) is not None:
            return noun_phrase(mourning), unit  # (n) "trois jours de deuil national"
        if is_currency(unit) or unit == "%":
            if is_currency(unit) and (cash := self._seized_cash(ctx)) is not None and (
                    cash.lower_ not in (who or "").lower().split()):  # "£3.4m in cash and property" is kept whole
                return cash.text, unit  # (s) "ont saisi 180 000 euros en numéraire": numéraire
            if (holder := self._bonus_holder(ctx)) is not None:
                return holder, unit  # (q) "une prime de 300 euros par agent": agent
        return None

    def _requested_penalty_what(self, ctx: MentionContext, what: str | None) -> str | None:
        """(p) A fine or sentence requested by a prosecutor: the verb phrase ("avait requis"), not the noun."""
        if not what or what.lower() not in self.penalty_nouns:
            return None
        for t in ctx.sentence:
            if t.lower_ == what.lower():
                verb = self._verb_above(t)
                if verb is not None and verb.lemma_.lower() in self.request_verbs:
                    return self._predicate_text(verb)
        return None

    def _emergency_visits(self, ctx: MentionContext) -> bool:
        """Whether the figure counts patients an emergency department received ("les urgences ont accueilli 312
        patients", "the emergency department saw 3,100 patients"): visits, acts and not people, ``other``
        whatever their cause (fourteenth-session convention (e)); not those it sent on to a ward ("40 patients
        ont été hospitalisés": a verb of their own)."""
        pred = ctx.predicate
        if pred is None or self.emergency_rx is None or pred.lemma_.lower() not in self.visit_verbs:
            return False
        subjects = [c for c in pred.children if c.dep_ in ("nsubj", "nsubj:pass") and c.i < ctx.tokens[0].i]
        if pred.dep_ == "acl" and pred.head.i < pred.i:
            subjects.append(pred.head)  # the verb hung on its subject: "le service des urgences accueille"
        return any(self.emergency_rx.search(doc_text(c.doc)[c.left_edge.idx : c.right_edge.idx + len(c.right_edge)])
                   for c in subjects)

    def _aboard_a_crossing(self, ctx: MentionContext) -> bool:
        """Whether the figure counts people aboard a craft ("transportait 48 personnes", "about 160 people on
        board") in an article about migrants on a crossing: people on the move, displaced (fourteenth-session
        convention (c)); people carried by a coach or a ferry stay ``other``."""
        noun = ctx.noun
        if noun is None or self.crossing_rx is None or not (
                noun.lower_ in self.carried_people or noun.lemma_.lower() in self.carried_people):
            return False
        pred = ctx.predicate
        carried = pred is not None and pred.lemma_.lower() in self.carried_words
        if not carried:
            # "N personnes se trouvaient à bord", "with about 160 people on board": the phrase after the figure
            after = ctx.sentence.doc[noun.i + 1 : min(noun.i + 6, ctx.sentence.end)].text.lower()
            carried = self.aboard_rx is not None and self.aboard_rx.search(after) is not None
        # (not a per-boat average, a measure: "Ils transportaient en moyenne 61 personnes")
        doc = ctx.sentence.doc
        first = ctx.tokens[0].i
        start = pred.i if pred is not None and ctx.sentence.start <= pred.i < first else first - 3
        before = doc[max(ctx.sentence.start, start) : first].text  # (its main figure's too: "..., contre 53")
        if self.average_rx is not None and self.average_rx.search(before):
            return False
        if carried and pred is not None and self._passenger_craft(pred):
            return False  # "le ferry, qui transportait 480 passagers": passengers, wherever migrants are spoken of
        return carried and doc_mentions(doc, self.crossing_rx)

    def _passenger_craft(self, pred: Token) -> bool:
        """Whether what carries the people is a passenger craft ("Le ferry transportait", "The ferry, carrying"):
        its subject, or the noun the verb hangs on (a relative or participle clause), or its head's subject."""
        crafts = [c for c in pred.children if c.dep_ in ("nsubj", "nsubj:pass")]
        if pred.dep_.startswith("acl") and pred.head.pos_ in ("NOUN", "PROPN"):
            crafts.append(pred.head)
        if pred.dep_ in ("advcl", "conj", "acl", "xcomp"):
            crafts += [c for c in pred.head.children if c.dep_ in ("nsubj", "nsubj:pass")]
        for craft in crafts:
            phrase = " ".join(t.lower_ for t in craft.subtree if t.i <= craft.i + 2)
            if craft.lemma_.lower() in self.passenger_craft or craft.lower_ in self.passenger_craft or any(
                    " " in w and w in phrase for w in self.passenger_craft):
                return True
        return False

    def _fact(self, ctx: MentionContext, date: dict | None, sources, in_dates: set[int],
              sent_ents: list[Span]) -> dict:
        q = ctx.quantity
        unit = q["unit"]
        event_type, type_from = self._event_type(ctx)
        if event_type == "displaced" and ctx.noun is not None and said_with(ctx.noun, self.vessel_nouns):
            event_type, type_from = "other", "noun"  # "731 arrivals in 14 boats": the boats are not the people moved
        if event_type in HARM_TYPES and ctx.noun is not None and said_with(ctx.noun, self.animal_nouns):
            event_type, type_from = "other", "default"  # "85 vaches ont péri": no casualties of animals
        if event_type == "casualties" and unit == "%" and self._output_lost(ctx):
            event_type, type_from = "other", "default"  # "les pertes de récolte à 35 %": a share of a harvest lost
        # a learned correction of the rules' type, where the language has one (relations/event_corrector.py)
        event_type, type_from, type_features = self._corrected_type(ctx, event_type, type_from)
        if event_type == "affected" and (unit_kind(unit, self.time_units, self.measure_units) == "measure" or (
                unit is None and ctx.noun is not None and ctx.noun.lower_ in self.measure_units)):
            # "1 800 hectares de cultures ont été touchés": an area or a quantity of things hit is no people
            # (corpus/README.md: affected is for people and human units; hectares are other)
            event_type, type_from = "other", "default"
        if event_type == "affected" and unit is None and self._emergency_visits(ctx):
            event_type, type_from = "other", "lexicon"  # "les urgences ont accueilli 312 patients": visits
        if event_type == "other" and unit == "%" and self._share_lost(ctx):
            event_type, type_from = "affected", "lexicon"  # "deux tiers des agriculteurs ont perdu leurs récoltes"
        if event_type in ("other", "casualties") and unit is None and (
                offended := self._offence_victims(ctx)) is not None:
            event_type, type_from = offended, "lexicon"  # "le réseau a escroqué 57 victimes": affected
        if event_type == "other" and unit is None and self._aboard_a_crossing(ctx):
            event_type, type_from = "displaced", "lexicon"  # "la pirogue transportait 211 personnes"
        if event_type in ("affected", "displaced", "other") and unit is None and self._treated_for_injury(ctx):
            event_type, type_from = "wounded", "lexicon"  # (o) "soignés pour des brûlures": wounded
        if ctx.predicate is None and ctx.linked_to is not None:
            ctx.predicate = ctx.linked_to.predicate  # "contre 12 l'an dernier" shares the verb
        if ctx.actor is None and unit is not None:
            ctx.actor = self._subject_of_head(ctx, in_dates)
        who_token = ctx.noun
        if unit == "%" and who_token is None and ctx.anchor is not None and ctx.anchor.dep_.startswith("nmod") and (
                ctx.anchor.head.pos_ == "NOUN" and ctx.anchor.head.is_alpha
                and (ctx.anchor.head.lemma_ not in self.event_nouns or (
                    said_with(ctx.anchor.head, self.measure_nouns) and any(
                        c.dep_ == "det" and "Ind" in c.morph.get("Definite") for c in ctx.anchor.head.children)))):
            # (an event noun that names a measure too, with its indefinite article: "on a turnout of 64%")
            who_token = ctx.anchor.head  # "une couverture de 75 %", "le seuil de 95 %"
        elif (unit == "%" and who_token is None and not self._of_share_verb(ctx)
              and (rate := self._rate_noun(ctx, in_dates)) is not None):
            # (not the complement of a verb of proportion, whose subject holds it: "Young drivers account for one
            # in four crashes")
            who_token = rate  # "one in five councils", "a 5% rise"
        elif unit not in (None, "%") or (unit == "%" and who_token is None) or (
                who_token is not None and who_token.lower_ in self.holder_nouns):
            who_token = ctx.actor or (ctx.noun if unit == "%" else None)
        elif self._of_share_verb(ctx) and ctx.subset_of is None and not self._counts_own_noun(ctx):
            # the subject of a verb of proportion is the part (SPEC section 3, the holder): "les cadres, qui
            # représentent 21 % des postes", "les coupures représentent 280 000 de ces interventions"
            who_token = ctx.actor or self._pronoun_of(ctx)
        elif (who_token is not None and who_token.lower_ in self.time_words and ctx.actor is not None
              and ctx.actor.i != who_token.i):
            who_token = ctx.actor  # "has declared three days of mourning", "will continue for five more days"
        elided = self._elided_subject(ctx)
        if elided is not None:
            who_token = elided  # "23 personnes ont été tuées et 31 blessées": 31 personnes
        measure = self._measure_of(ctx)
        if measure is not None:
            who_token = measure  # "une durée moyenne de 32 jours", "une affluence de 8 300 spectateurs"
        with_nmod = who_token is not None and who_token.lemma_ in self.containers
        if who_token is not None and ctx.actor is not None and who_token.i == ctx.actor.i:
            # (not the group of a quantifying pronoun: "Each of the 2,300 households in the flood zone")
            with_nmod = who_token.pos_ == "NOUN" and who_token.head.pos_ != "PRON"
        if who_token is not None and who_token.lower_ in self.measure_units and not any(
                c.dep_ == "compound" for c in who_token.children):  # "prepayment meters" are things
            material = self._group_of(who_token, set())
            completed = who_token.doc[who_token.i + 1] if who_token.i + 1 < who_token.sent.end else None
            if material is None and completed is not None and completed.lower_ in self.unit_complements:
                material = self._group_of(completed, set())  # "400 mètres cubes de lactosérum": lactosérum
            valued = self._valued_object(ctx.anchor, {t.i for t in ctx.tokens}) if ctx.anchor is not None else None
            if material is None and valued is not None:
                # "porte à 9,3 tonnes les quantités de cocaïne saisies": what the verb's object counts
                material = (self._group_of(valued, in_dates) if valued.lemma_ in self.containers else None) or valued
            if material is not None:
                who_token, with_nmod = material, True
            elif ctx.actor is not None:
                actor = ctx.actor
                measure = actor.head if actor.dep_.startswith("nmod") else None
                if measure is not None and measure.dep_ in SUBJECT_DEPS and said_with(measure, self.measure_nouns):
                    # "le taux de nitrates est monté à 60 milligrammes": the measure the subject names, not the
                    # group its container word stood for as the actor
                    actor = measure
                who_token, with_nmod = actor, actor.pos_ == "NOUN"  # "des rafales ont dépassé 170 km/h"
        if unit not in (None, "%") and ctx.predicate is not None and ctx.predicate.lemma_ in self.reporting:
            # not an object that holds the figure: "a annoncé le déblocage d'un fonds de 20 millions" is the actor's
            valued = next((c for c in ctx.predicate.children if c.dep_ == "obj" and c.pos_ == "NOUN"
                           and c.i not in {t.i for t in ctx.tokens} and c.lower_ not in self.time_words
                           and not (ctx.anchor is not None and c.is_ancestor(ctx.anchor))), None)
            if valued is not None:
                who_token, with_nmod = valued, False  # "la Cour estime à 1,2 milliard le surcoût"
        who_token, with_nmod = self._who_by_construction(ctx, who_token, with_nmod)
        whole = self._bare_part_of(ctx)
        if whole is not None:
            who_token, with_nmod = whole, False  # "treated 2,600 patients, of whom 41 died": the patients
        if (ctx.actor is not None and ctx.actor.lemma_.lower() in self.measure_nouns and ctx.noun is not None
                and self._rate(ctx)):
            who_token, with_nmod = ctx.actor, False  # "The rate ... reached 148 cases per 100,000 people": the rate
        if unit == "%" and who_token is not None and who_token.lower_ in self.share_nouns:
            group = self._group_of(who_token, in_dates)
            if group is not None and group.pos_ in NOMINAL:
                who_token, with_nmod = group, True  # "la proportion de foyers endettés atteint 23 %": the foyers
        changed = self._changed_thing(ctx, in_dates) or self._varied_object(ctx, in_dates)
        if changed is not None:
            who_token, with_nmod = changed, True
        giver = self._agent_of_amount(ctx)
        if giver is not None:
            who_token, with_nmod = giver, True
        valued_thing = self._valued_by_worth(ctx, in_dates)
        if valued_thing is not None:
            who_token, with_nmod = valued_thing, False  # "stealing parts worth £520,000": the parts
        seized = self._seized_goods(ctx, in_dates) if valued_thing is None else None
        if seized is not None:
            who_token, with_nmod = seized, False  # "Officers also seized £18,500 in cash": the cash
            valued_thing = seized
        penalized = self._penalized(ctx, in_dates) if valued_thing is None else None
        if penalized is not None:
            # "le propriétaire du chien", but not "l'hébergeur d'une amende de 600 000 euros"
            who_token, with_nmod = penalized, not self._counted(penalized) and not (
                {t.i for t in ctx.tokens} & {d.i for d in penalized.subtree})
        if who_token is not None and self._is_amount(who_token) and who_token.i not in {t.i for t in ctx.tokens}:
            who_token = None
        if who_token is not None and who_token.pos_ == "PRON":
            who_token = self._antecedent(who_token)
            with_nmod = who_token is not None and not self._counted(who_token)  # "il" → "syndicat des eaux"
        elif who_token is not None and self._described(who_token) is not None:
            who_token, with_nmod = self._described(who_token), False  # not the description after the comma
        elif who_token is not None and (group := self._quantified_group(who_token)) is not None:
            who_token, with_nmod = group, False  # "Many of last winter's claims took ...": the claims
        group = self._among(ctx) if ctx.subset_of is None else None
        # a counted noun that names the event, not who ("12 blessés parmi les pompiers"), gives way to the
        # group; one that names people stays ("Parmi les morts figurent 11 enfants": the enfants)
        named = ctx.noun is not None and ctx.noun.pos_ == "NOUN" and not self._names_event(ctx.noun)
        if group is not None and group.pos_ != "PRON" and (unit is None or ctx.noun is None) and not (
                ctx.noun is not None and any(c.like_num for c in group.children)) and not named:
            who_token, with_nmod = group, False  # "12 blessés parmi les pompiers": the pompiers are counted
        # (not "86 survivors ..., and 23 of them remain in hospital": the sentence's own figure gave the noun)
        # (unless the figure linked to is smaller than the part: "512 people from nine boats, 388 of them")
        told = ctx.linked_to is not None and ctx.noun is not None and ctx.linked_to.noun is ctx.noun and not (
            unit is None and (ctx.linked_to.quantity["value"] or q["value"]) < q["value"])
        pronoun = None if told else self._partitive_pronoun(ctx)
        antecedent = self._antecedent(pronoun, value=q["value"], part=True) if pronoun is not None else None
        # (nor a part given a noun of its own after the pronoun: "nearly half of them first-time visitors")
        named_part = (pronoun is not None and ctx.noun is not None and ctx.noun.pos_ == "NOUN"
                      and ctx.noun.i > pronoun.i and not any(c.dep_ == "case" for c in ctx.noun.children)
                      and not any(t.pos_ in ("VERB", "AUX") for t in ctx.sentence.doc[pronoun.i + 1 : ctx.noun.i]))
        # the noun of the group a part of it is counted in, when it is one
        group_counted = antecedent if not named_part else None
        if antecedent is not None and not self._said_to_be(ctx) and not named_part:
            # "Onze d'entre eux": the noun "eux" stands for (without one, who and its complements stay the rules')
            who_token, with_nmod = antecedent, not self._counted(antecedent)
        # a bare count whose sentence only refers to its group ("Ils étaient encore 176 dimanche", "On en dénombre
        # 40", "Quarante ont été relogés"): the group named in a sentence before (corpus/README.md, who rule 5)
        reference = self._reference(ctx, in_dates) if antecedent is None else None
        referent = self._antecedent_back(reference, ctx.sentence) if reference is not None else None
        if referent is not None:
            who_token, with_nmod = referent, not self._counted(referent)
            group_counted = referent
        # the group the figure counts, named before its sentence: its unit, and a candidate the ranker reads
        ctx.referent = referent or (antecedent if not named_part else None)
        if who_token is None and (pronoun := self._pronoun_of(ctx)) is not None:
            who_token = self._antecedent(pronoun)  # "Il s'élève à 842 millions"
            with_nmod = who_token is not None and not self._counted(who_token)
            if self._counted_among(pronoun):
                group_counted = who_token  # "Of those, 27 were admitted"
        if who_token is None and (fronted := self._fronted_group(ctx)) is not None:
            who_token, with_nmod = fronted, False  # "Of the jobs cut, 2,800 will go in Belgium"
        if who_token is None and (counted := self._counted_before(ctx)) is not None:
            who_token, with_nmod = counted, False  # "Rescuers pulled 12 miners out alive. Three remained ..."
        named_beside = self._named_in_apposition(who_token, ctx) if who_token is not None else None
        if named_beside is not None:
            who_token, with_nmod = named_beside, False  # "The ringleader, Gary Holt, 52, was jailed": Gary Holt
        if who_token is not None and who_token.lower_ in self.toll_nouns:
            with_nmod = False  # "The death toll from the collapse of a block": what caused the toll is not who
        who = noun_phrase(who_token, with_nmod=with_nmod) if who_token else None
        if who and valued_thing is not None and who_token is valued_thing:
            # "cannabis and cocaine worth an estimated £18,000": the goods, without their value
            worth = next((c for c in valued_thing.children if c.lower_ in self.value_words and c.i > valued_thing.i),
                         None)
            cut = who.find(" " + worth.text) if worth is not None else -1
            if cut > 0:
                who = who[:cut]
        if named_beside is not None and (whole := _whole_name(named_beside)) is not None and len(whole) > len(who):
            who = whole  # "Le ministre, Bruno Le Maire,": the parser cut the name at its article
        if who_token is not None and unit == "%" and who_token.i > ctx.tokens[-1].i and who_token.i == getattr(
                self._rate_noun(ctx, in_dates), "i", None):
            who = who_token.doc[ctx.tokens[-1].i + 1 : who_token.i + 1].text  # not the sign: "a 5% rise" is the rise
        if who is not None and not any(c.isalpha() for c in who):
            who = None  # a number or a sign is not who
        if who_token is not None and (who_token.i in in_dates or who_token.lower_ in self.period_nouns):
            who, who_token = None, None  # a time is not who: "a condamné mercredi X", "contre 2 100 la saison passée"
        rules_token = who_token if who is not None else None  # the token the rules' phrase is of
        if who is None:
            named = self._named_before_parenthesis(ctx)
            who = noun_phrase(named, with_nmod=True) if named is not None else None
            rules_token = named if who is not None else None
        compared = self._compared_to(ctx)
        main = compared or (ctx.linked_to if who is None else None)
        if main is not None:
            # "842 millions d'euros, contre 868 millions en 2025": the same budget; "the jobless rate rose to 4.6%, up
            # from 3.9%", "32 jours, contre 28 jours en 2024": the point of comparison is the same thing's, not the
            # main clause's actor's (and the ranker's rules features describe that thing's token)
            who, rules_token = main.who, main.who_token
        varied = self._variation_holder(ctx, in_dates) or self._restated_share(ctx) or self._change_set_off(ctx)
        if varied is not None:
            who, rules_token = varied
        if who is None and is_currency(unit) and ctx.anchor is not None:
            who = self._modified_noun(ctx, in_dates)
        if who is None:
            who = self._name_before(ctx)
        gapped = self._gapped_holder(ctx)
        if gapped is not None:
            # the ranker's rules features describe the phrase the rules chose: its head
            who, rules_token = gapped.text, gapped.root
        held = self._held_at(ctx)
        if held is not None:
            who, rules_token = noun_phrase(held), held
        holder = self._change_holder(rules_token) if who is not None and rules_token is not None else None
        if holder is not None and who.lower() in (rules_token.lower_, rules_token.lemma_.lower()):
            who, rules_token = noun_phrase(holder, with_nmod=False), holder  # "Teachers will get a 3.5 percent raise"
        averaged = self._averaged_holder(ctx)
        if averaged is not None:
            who, rules_token = noun_phrase(averaged), averaged
        if who_token is not None and who_token.lower_ in self.implied_who and who == who_token.text:
            who = self.implied_who[who_token.lower_]
        candidates = None
        if self.who_ranker is not None or self.log_who:  # a learned choice among the sentence's nouns
            who, candidates = self._ranked_who(ctx, who, rules_token, in_dates)
        owner = self._own_measure_holder(ctx, rules_token) if who is not None else None
        if owner is not None:
            # "The airline lowered its full-year profit forecast to between 1.6 and 1.9 billion crowns": the holder
            who, rules_token = noun_phrase(owner, with_nmod=True), owner
        if ctx.converts is not None:
            # "€187m ($203m)": a conversion is the amount it converts (convention (k)), whatever its parse
            who, rules_token = ctx.converts.who, ctx.converts.who_token
        ctx.who, ctx.who_token = who, rules_token
        if unit is None:
            # not the cause of a bare toll: "Floods kill at least 30" counts no floods
            caused = ctx.predicate is not None and ctx.predicate.lemma_ in self.cause_verbs
            # a bare part of a counted group counts what the group counts ("Police held 40 fans. Of those, 9
            # were charged": 9 fans; "Rescuers reached nine of them": not the rescuers)
            part_of = group_counted.lower_ if group_counted is not None and self._counted(group_counted) else None
            # (the subject of the verb whose object the part is counts nothing of it)
            noun = None if part_of is not None and self._subject_of_object(ctx) else (elided or ctx.noun)
            unit = noun.lower_ if noun is not None else part_of or (
                ctx.actor.lower_ if ctx.actor is not None and not caused and group is None else None)
            if ctx.referent is not None:
                unit = ctx.referent.lower_  # "Ils étaient encore 176": the patients counted before
            if unit in self.toll_nouns:
                unit = None  # "the death toll rose to 61": the toll counts, it is not the thing counted
        settled = self._settled_who(ctx, who, unit)
        if settled is not None:
            who, unit = settled
            ctx.who = who
        source = self._source_for(ctx, sources)
        blocked = set()
        for _, _, toks in sources:
            blocked |= toks
        where = self.places.place(sent_ents, ctx.places, ctx.anchors, ctx.heads, blocked | in_dates)
        held_where = False
        if where is None:
            # the place an institution's name holds, its source's too ("selon la préfecture du Finistère")
            where = self.places.institution_place(sent_ents, ctx.anchors, in_dates | ctx.places.taken,
                                                  ctx.places.others,
                                                  frozenset(i for _, _, toks in sources for i in toks))
            held_where = where is not None
        sent = ctx.sentence
        view = self._doc_view(sent.doc)  # what every figure of the sentence reads of it, read once
        kind = unit_kind(unit, self.time_units, self.measure_units)
        cues = {
            "who": bool(who),
            "predicate": ctx.predicate is not None,
            "trigger": type_from in ("lexicon", "unit"),
            "attached": ctx.noun is not None and any(t.head == ctx.noun for t in ctx.tokens),
            "verb": view.has_verb(sent.start, sent.end),
            "when": date is not None,
            "linked": ctx.linked_to is not None or ctx.subset_of is not None,
            "money": kind == "currency",
            "percent": kind == "percent",
            "duration": kind == "duration",
            "other_type": event_type == "other",
            "generic_who": who is not None and who.lower() in self.generic_nouns,
            "long_sentence": len(sent) > 40,
            # not a confidence cue: facts.py merges no later bare count of another noun with this one
            "introduced": self._introduced(ctx),
            # nor this: the article's title, a heading though it has a verb ("63 écoliers malades, neuf
            # hospitalisés"), whose figure repeated in the body takes the body's who (facts.py)
            # (the title's first line, also when a label the parser cuts off starts it: "DIRECT. Séisme : 81 morts")
            "title": self.title_counts_are_headings and sent.end < len(sent.doc)
                     and doc_text(sent.doc).find("\n", 0, sent.start_char) == -1
                     and "\n" in sent.text[len(sent.text.rstrip()):],
            # nor this: who is the counted noun that names the event ("a fait six morts", "731 arrivals": a weak
            # trigger too), no people named
            "event_who": ctx.noun is not None and who == noun_phrase(ctx.noun) and (
                self._names_event(ctx.noun) or said_with(ctx.noun, self.weak_trigger_of)),
        }
        confidence = self.confidence(cues) if self.confidence is not None else cue_count(cues)
        # not a confidence cue: facts.py keeps a heading's own place over a body's institution place
        cues["held_where"] = held_where
        # nor this: facts.py gives a title figure the who a fifteenth-session convention gave its body mention
        cues["settled_who"] = settled is not None
        text = view.span_text(sent.start, sent.end)
        evidence = text.strip()
        what = self._what_of(ctx, in_dates)
        what = self._requested_penalty_what(ctx, what) or what  # (p) "avait requis ... une amende": avait requis
        return Fact(
            who=who,
            what=what,
            event_type=event_type,
            how_many=q["value"],
            how_many_high=q["high"],
            qualifier=q["qualifier"],
            unit=unit,
            when_start=date["when_start"] if date else None,
            when_end=date["when_end"] if date else None,
            when_text=date["text"] if date else None,
            when_granularity=date["granularity"] if date else None,
            where=where,
            source=source,
            evidence=evidence,
            # the evidence's own offsets: text[char_start:char_end] == evidence (the sentence's
            # span also holds the line breaks that end it)
            char_start=sent.start_char + len(text) - len(text.lstrip()),
            char_end=sent.start_char + len(text.rstrip()),
            confidence=confidence,
            mention_start=q["start"],
            mention_end=q["end"],
            mention_text=q["text"],
            unit_kind=kind,
            event_type_from=type_from,
        ).to_dict() | {"cues": cues} | ({"who_candidates": candidates} if self.log_who else {}) | (
            {"event_type_features": type_features} if self.log_event_type else {})

