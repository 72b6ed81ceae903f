"""Reading the parse around one quantity: its counted noun, the group of a fraction, its
predicate and the actor of that predicate."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..parsing import doc_text
from ..schema import is_currency
from ..syntax import CONTENT, NOMINAL, SUBJECT_DEPS, is_word
from .mention import MentionContext

# the qualifiers of a figure a range's participle may open ("allant de 6 à 10 mois", "allant jusqu'à 20 000 euros")
BOUNDED_QUALIFIERS = ("range", "at_most")


class ContextReader:
    """The parse-reading stage (a part of :class:`~pipeline.relations.RelationExtractor`)."""

    def _context(self, doc: Doc, q: dict, in_dates: set[int], heads: list[int]) -> MentionContext | None:
        span = doc.char_span(q["core_start"], q["core_end"], alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        tokens = list(span)
        ctx = MentionContext(quantity=q, tokens=tokens, sentence=tokens[0].sent, heads=heads)
        inside = {t.i for t in tokens}
        unit = q["unit"]
        root = span.root
        after = doc[span.end] if span.end < len(doc) else None
        fraction = next((t for t in tokens if t.lower_ in self.fraction_words), None)
        if unit == "%" or fraction is not None:
            ctx.anchor = fraction or next((t for t in tokens if t.text == "%"), root)
            group = self._group_of(ctx.anchor, in_dates)
            # not another figure's sign: "de 4 % en Bretagne, de 6 % en Corse"
            ctx.noun = group if group is not None and is_word(group) and group.lower_ not in self.holder_nouns else None
            named = next((t for t in tokens[1:-1] if t.pos_ in NOMINAL and is_word(t)), None)
            if (fraction is None and named is not None and tokens[-1].like_num and q.get("high") is None
                    and not any(t.text == "%" for t in tokens)):
                ctx.noun = ctx.anchor = named  # "un éleveur sur deux": the ratio names what it counts inside
        elif is_currency(unit):
            ctx.anchor = root
        elif unit is not None:  # a duration: the time unit word follows the number
            ctx.anchor = after if after is not None and after.pos_ in NOMINAL else root
            ctx.noun = ctx.anchor
        else:
            ctx.noun = self._counted_noun(doc, span, inside, in_dates)
            ctx.anchor = ctx.noun or root
        if ctx.noun is not None and ctx.noun.lemma_ in self.containers:
            ctx.noun = self._group_of(ctx.noun, in_dates) or ctx.noun
        bounded = q["qualifier"] in BOUNDED_QUALIFIERS
        ctx.predicate = self._predicate(ctx.anchor, in_dates, bounded) if ctx.anchor is not None else None
        if ctx.predicate is None and ctx.noun is not None and (ctx.anchor is None or ctx.noun.i != ctx.anchor.i):
            ctx.predicate = self._predicate(ctx.noun, in_dates, bounded)
        ctx.actor = self._actor(ctx.predicate, in_dates, inside) if ctx.predicate is not None else None
        if ctx.actor is None and ctx.anchor is not None and ctx.anchor.i not in inside:
            ctx.actor = self._actor(ctx.anchor, in_dates, inside)
        if ctx.actor is not None and (ctx.actor.lower_ in self.scale_words or (
                unit is None and ctx.actor.lemma_ in self.containers)):
            # "un millier de salariés seront placés": the people, not "millier";
            # but "le taux de chômage a atteint 7,5 %" keeps "taux de chômage"
            ctx.actor = self._group_of(ctx.actor, in_dates) or ctx.actor
        ctx.anchors = inside | {t.i for t in (ctx.noun, ctx.anchor, ctx.predicate) if t is not None}
        return ctx

    def _subject_as_noun(self, ctx: MentionContext, in_dates: set[int]) -> None:
        """"les pertes ont dépassé les 6.000": a bare figure counts the subject of its verb,
        unless the verb names a cause ("les bombardements ont fait 87"); one that sets the value of
        the verb's object counts what the object counts ("bringing the death toll to 52", "raised
        the number of deaths to 112")."""
        if ctx.noun is not None or ctx.quantity["unit"] is not None:
            return
        reference = self._reference(ctx, in_dates) if self._referring_clitic(ctx) is not None else None
        if reference is not None and self._antecedent_back(reference, ctx.sentence) is not None:
            return  # "L'association en recense 61": what "en" stands for is counted, not the association
        valued = self._valued_object(ctx.anchor, {t.i for t in ctx.tokens}) if ctx.anchor is not None else None
        if valued is not None and valued.pos_ == "NOUN":
            # "the number of deaths": the deaths; but "the toll of the outbreak" is the toll
            group = (self._group_of(valued, in_dates) if valued.lemma_ in self.containers
                     and valued.lower_ not in self.toll_nouns else None)
            ctx.noun = group or valued
            ctx.anchors.add(ctx.noun.i)
            return
        if ctx.actor is None or (ctx.predicate is not None and ctx.predicate.lemma_ in self.cause_verbs):
            return
        if self._among(ctx) is not None:
            return  # "Among the dead were 12, police said": the dead are counted, not the speaker
        ctx.noun = ctx.actor
        if ctx.noun.lemma_ in self.containers:
            ctx.noun = self._group_of(ctx.noun, in_dates) or ctx.noun
        ctx.anchors.add(ctx.noun.i)

    def _elided_subject(self, ctx: MentionContext) -> Token | None:
        """ "23 personnes ont été tuées et 31 blessées": a count whose noun is a trigger word coordinated with
        the verb of a counted subject, with no verb of its own, counts that subject's noun; the word says what
        happened to them (not "23 morts et 31 blessés", whose nouns are coordinated with each other)."""
        noun = ctx.noun
        if (ctx.quantity["unit"] is not None or noun is None or noun.dep_ != "conj" or noun.head.pos_ != "VERB"
                or any(c.dep_ in (*SUBJECT_DEPS, "obj", "cop", "aux", "aux:pass", "aux:tense") for c in noun.children)
                or not self._types_of([noun], by_ending=False)):
            return None
        verb = noun.head

        def whole(t: Token) -> bool:  # a counted noun, not a "dont" part of another
            number = next((g for g in t.children if g.dep_ == "nummod" and g.like_num), None)
            return (t.pos_ == "NOUN" and number is not None
                    and not self.subset_rx.search(doc_text(t.doc)[ctx.sentence.start_char : number.idx]))

        subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None and whole(subject):
            return subject
        # no counted subject in the parse (a dateline taken for it, a "dont" part): the nearest counted noun
        # before the participle that agrees with it in gender and number ("Katmandou (AFP) - 23 personnes,
        # dont trois enfants, ont été tuées et 31 blessées")
        features = ("Gender", "Number")
        if not all(verb.morph.get(f) for f in features):
            return None
        for t in reversed(ctx.sentence[: verb.i - ctx.sentence.start]):
            if whole(t):
                return t if all(t.morph.get(f) == verb.morph.get(f) for f in features) else None
        return None

    def _outside_head(self, tokens: list[Token], inside: set[int]) -> Token | None:
        for t in tokens:
            if t.head.i not in inside and t.head.i != t.i:
                return t.head
        return None

    def _counted_noun(self, doc: Doc, span: Span, inside: set[int], in_dates: set[int]) -> Token | None:
        nxt = doc[span.end] if span.end < len(doc) else None
        if nxt is not None and nxt.lower_ in self.counted_noun_links and span.end + 1 < len(doc):
            cand = doc[span.end + 1]
            if (cand.pos_ == "DET" or cand.dep_ == "nmod:poss") and span.end + 2 < len(doc):
                # "90 de ces arrestations", "hundreds of his victims": a part of a group named before
                cand = doc[span.end + 2]
            if cand.pos_ == "NUM" and cand.i + 1 < len(doc) and doc[cand.i + 1].pos_ in NOMINAL:
                cand = doc[cand.i + 1]  # "14 of the 20 people arrested": a part of the 20 people
            if cand.pos_ in CONTENT and is_word(cand) and cand.i not in in_dates:
                return cand
        if (nxt is not None and (is_word(nxt) or nxt.lower_ in self.measure_units) and nxt.pos_ in CONTENT
                and nxt.lower_ not in self.currency_words and nxt.i not in in_dates
                and (nxt.pos_ != "VERB" or nxt.lower_ in self.trigger_of)
                and not (nxt.pos_ == "VERB" and span.root.head.i == nxt.i and span.root.dep_ in SUBJECT_DEPS)):
            # "41 placées en garde à vue" has no noun of its own; "500 blessés" has one
            if nxt.lower_ in self.other_words:
                if nxt.head.i > nxt.i and nxt.head.pos_ == "NOUN" and nxt.head.i not in in_dates:
                    return nxt.head  # "5 autres militants": the noun after it
                return self._set_off_after(nxt)  # "les sept autres, des hommes âgés de...": no noun but that one
            return self._phrase_head(self._noun_after_adjective(nxt, in_dates))
        head = self._outside_head(list(span), inside)
        if head is not None and head.pos_ in NOMINAL and head.i > span.start and head.i not in in_dates and not any(
                t.pos_ == "ADP" and not (head.pos_ == "NOUN" and self._partitive(t, inside))
                for t in doc[span.end : head.i]):
            # not "45 selon les rebelles": a preposition stands between; but "two of them police officers"
            return head
        root = span.root
        while root.dep_ == "conj" and root.head.pos_ == "NUM" and root.head.i not in in_dates:
            root = root.head
        described = root.head
        if (root.dep_ == "appos" and described.pos_ == "NOUN" and not described.ent_type_
                and described.i not in in_dates and described.i < span.start
                and all(t.is_punct or t.pos_ == "DET" for t in doc[described.i + 1 : span.start])):
            return described  # "the protesters, 5,000 according to police and 20,000 according to organisers"
        return None

    def _noun_after_adjective(self, token: Token, in_dates: set[int]) -> Token:
        """The noun an adjective set before it modifies ("deux nouveaux corps", "trois premiers cas"): the
        parse hangs the adjective on that noun right after it; ``token`` itself otherwise, and a trigger word
        ("24 blessés graves") stays the counted word."""
        head = token.head
        if (token.pos_ == "ADJ" and token.dep_ == "amod" and head.i == token.i + 1 and head.pos_ == "NOUN"
                and token.lower_ not in self.trigger_of and head.i not in in_dates):
            return head
        return token

    @staticmethod
    def _set_off_after(token: Token) -> Token | None:
        """The indefinite noun set off by a comma right after ``token`` and hung on it ("les sept autres, des
        hommes âgés de 24 à 52 ans"), which says what ``token`` stands for; None without one."""
        doc = token.doc
        if token.i + 2 >= token.sent.end or doc[token.i + 1].text != ",":
            return None
        return next((c for c in token.children if c.i > token.i + 1 and c.pos_ == "NOUN"
                     and c.dep_ in ("nmod", "appos") and not any(g.dep_ == "case" for g in c.children)
                     and any(g.dep_ == "det" and "Ind" in g.morph.get("Definite") for g in c.children)), None)

    @staticmethod
    def _partitive(token: Token, inside: set[int]) -> bool:
        """The preposition of a pronoun the figure is taken of: "two *of* them"."""
        return token.head.pos_ == "PRON" and token.head.head.i in inside

    def _phrase_head(self, token: Token) -> Token:
        """The head of the noun phrase ``token`` opens, in a language whose heads come last: from a
        modifier ("National" in "500 National Guard troops") to the noun it modifies ("troops")."""
        while (self.head_last and token.dep_ in ("compound", "amod", "flat") and 0 < token.head.i - token.i <= 3
               and token.head.pos_ in NOMINAL):
            token = token.head
        return token

    def _group_of(self, token: Token, in_dates: set[int]) -> Token | None:
        """The group a fraction or a container noun is taken of: "la moitié *de ces troupes*"."""
        def fits(t: Token) -> bool:
            return t.i not in in_dates and t.lower_ not in self.time_words

        for child in token.children:
            if child.dep_.startswith("nmod") and child.pos_ in NOMINAL + ("ADJ",) and child.i > token.i and any(
                    c.dep_ == "case" and c.lower_ in self.group_links for c in child.children):
                return child if fits(child) else None
        if token.dep_ == "det:predet" and token.head.pos_ in NOMINAL and token.head.i > token.i:
            return token.head if fits(token.head) else None  # "half the protesters": the noun it stands before
        nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        if nxt is not None and nxt.lower_ in self.group_links:
            for t in token.doc[token.i + 2 : min(token.i + 6, token.sent.end)]:
                if t.pos_ in NOMINAL:
                    return t if fits(t) else None
        return None

    def _predicate(self, token: Token, in_dates: set[int] = frozenset(), bounded: bool = False) -> Token | None:
        """The verb or event noun a counted noun (or a bare number) depends on; ``bounded``: the figure is a
        range or an upper bound, which a range's participle may open."""
        cop = next((c for c in token.children if c.dep_ == "cop"), None)
        if cop is not None and any(c.dep_ in SUBJECT_DEPS and _is_figure(c) for c in token.children):
            # "Of the 47 dead, 19 were children, he said", "31 % sont des femmes": the figure is the subject of
            # the copula its counted noun completes, whatever verb the parser hangs that clause on
            return cop
        t = token
        for _ in range(5):
            head = t.head
            is_root = head.i == t.i
            if not is_root and head.i in in_dates and head.pos_ in NOMINAL:
                # "Réélu dimanche avec plus de 82 % des voix": the parser hangs the figure on the date's
                # noun; the date is an adverbial of the verb above
                t = head
                continue
            if t.dep_ == "conj" and head.pos_ in NOMINAL and not is_root:
                counted = any(c.like_num for c in head.children)
                if not counted and (head.lemma_ in self.event_nouns or head.lower_ in self.event_nouns):
                    return head
                t = head
                continue
            # "of the 40 passengers, 12 were injured": the group a figure is taken of is not who the verb
            # says was injured; only its own participle ("of the 1,200 people evacuated") is its predicate
            fronted_group = (not is_root and t.dep_.startswith("obl") and head.pos_ in ("VERB", "AUX")
                             and any(c.dep_ == "case" and c.lower_ in self.group_links for c in t.children)
                             and any(c.dep_ in SUBJECT_DEPS and c.pos_ == "NUM" for c in head.children))
            if (bounded and not is_root and head.lower_ in self.range_participles and head.dep_ == "acl"
                    and head.head.pos_ in NOMINAL):
                # "des peines allant de 12 à 18 mois": a range's participle is no predicate; "un bus allant à
                # 130 km/h" goes, it opens no range
                t = head.head
                continue
            if not is_root and head.pos_ in ("VERB", "AUX") and t.dep_ != "conj" and not fronted_group:
                return head
            if not is_root and t.dep_ in SUBJECT_DEPS:
                return head  # "huit migrants sont morts": a nominal or adjectival predicate
            cop = next((c for c in t.children if c.dep_ == "cop"), None)
            if cop is not None and t.pos_ not in NOMINAL[1:]:
                return cop  # "le taux est de 12 %"
            acl = [c for c in t.children if c.i > t.i and (
                (c.dep_ == "acl" and c.pos_ in ("VERB", "ADJ"))
                or (c.dep_ == "amod" and ("Part" in c.morph.get("VerbForm") or c.lower_ in self.trigger_of)))]
            if acl:
                return acl[0]
            if t.pos_ in NOMINAL and (t.lemma_ in self.event_nouns or t.lower_ in self.event_nouns):
                return self._event_noun_or_verb(t)
            if is_root and (main := self._verb_after_relative(t)) is not None:
                return main
            if is_root or fronted_group:
                return None
            if t.dep_ == "appos" and head.pos_ in NOMINAL and head.dep_ in SUBJECT_DEPS + ("obj",):
                t = head  # "five people, two of them police officers, were wounded": the described noun's verb
                continue
            if t.dep_.startswith("obl") and head.pos_ in NOMINAL and (
                    head.lemma_ in self.event_nouns or head.lower_ in self.event_nouns):
                return head  # "le salaire est en hausse de 3,2 %": the figure hangs on a nominal predicate
            if t.dep_.startswith("nmod") and head.pos_ in NOMINAL:
                if head.lemma_ in self.event_nouns or head.lower_ in self.event_nouns:
                    return self._event_noun_or_verb(head)
                # "un millier de bénévoles ont été mobilisés": the verb hangs on "millier";
                # "un fonds de 50 millions d'euros": on the thing the amount measures
                t = head
                continue
            if head.pos_ in ("ADV", "NUM", "DET", "ADP", "ADJ") or t.dep_ in ("nummod", "det", "amod", "advmod"):
                t = head
                continue
            return None
        return None

    def _event_noun_or_verb(self, noun: Token) -> Token:
        """An event noun is the predicate of its figure; a noun of a sum given or spent ("aide", "enveloppe")
        that a verb takes as its object leaves it to the verb: "a promis une aide de 5 000 euros": a promis; not
        to a reporting verb, which says who told of the sum ("a annoncé une aide de 5 millions": aide)."""
        if (noun.lower_ in self.sum_nouns and noun.dep_ == "obj" and noun.head.pos_ == "VERB"
                and noun.head.lemma_ not in self.reporting):
            return noun.head
        return noun

    @staticmethod
    def _verb_after_relative(noun: Token) -> Token | None:
        """ "Deux gardiens, qui tentaient de s'interposer, ont été blessés": the parser makes the noun the
        root and the main verb a conjunct (of the noun, or of a verb of the relative clause), with no
        conjunction nor subject of its own, after the comma that closes the clause; that verb is the noun's."""
        for clause in (c for c in noun.children if c.dep_ == "acl:relcl" and c.i > noun.i):
            conjuncts = [c for c in noun.children if c.dep_ == "conj"] + [
                t for t in clause.subtree if t.dep_ == "conj"]
            for verb in conjuncts:
                # a verb, or a participle the tagger took for a noun ("sont morts"), with a finite form
                aux = [a for a in verb.children if a.dep_.startswith("aux") or a.dep_ == "cop"]
                finite = any(v.morph.get("Person") for v in (verb, *aux))
                if ((verb.pos_ in ("VERB", "AUX") or aux) and verb.i > clause.i and finite
                        and any(c.dep_ == "punct" and c.i < verb.i for c in verb.children)
                        and not any(c.dep_ == "cc" or c.dep_ in SUBJECT_DEPS for c in verb.children)):
                    return verb
        return None

    def _counted_group_of_pronoun(self, pronoun: Token, inside: set[int]) -> Token | None:
        """ "Each of the 1,200 farmers": the counted group after a quantifying pronoun and a group link, the
        pronoun's subject (not "one of them", nor "that of the region", whose complement is counted by no number)."""
        return next((c for c in pronoun.children if c.dep_.startswith("nmod") and c.pos_ == "NOUN"
                     and c.i > pronoun.i and c.i not in inside
                     and any(n.dep_ == "nummod" for n in c.children)
                     and any(g.dep_ == "case" and g.lower_ in self.group_links for g in c.children)), None)

    def _actor(self, predicate: Token, in_dates: set[int] = frozenset(), inside: set[int] = frozenset()
               ) -> Token | None:
        t = predicate.head if predicate.dep_ == "cop" else predicate
        if t.lemma_ in self.bearer_verbs:  # "the walkout cost the operator £4.6m": the operator bears it
            bearer = next((c for c in t.children if c.dep_ == "iobj" and c.pos_ in NOMINAL
                           and c.i not in in_dates and c.i not in inside), None)
            if bearer is not None:
                return bearer
        for _ in range(3):
            if t.pos_ in NOMINAL and t.head.i != t.i and t.dep_ not in SUBJECT_DEPS:
                t = t.head  # "a enregistré une perte de 41 millions": the actor is the verb's subject
        for _ in range(3):
            for child in t.children:
                # not another figure: "nine were charged and five released"
                if (child.dep_ in ("nsubj", "nsubj:pass") and child.pos_ not in ("PRON", "NUM")
                        and child.i not in in_dates and child.i not in inside):
                    return child
                if child.dep_ in ("nsubj", "nsubj:pass") and child.pos_ == "PRON":
                    group = self._counted_group_of_pronoun(child, inside)
                    if group is not None:
                        return group  # "Each of the 1,200 farmers ... will receive €8,000": the farmers
            if t.dep_ == "acl" and t.head.pos_ in NOMINAL and t.head.i not in in_dates:
                return t.head  # "la fréquentation progresse", "les dégâts, évalués à ...": the noun is the subject
            relative = next((c for c in t.children if c.dep_ == "nsubj" and "Rel" in c.morph.get("PronType")), None)
            if relative is not None and t.dep_ == "acl:relcl" and t.head.pos_ in NOMINAL and t.head.i not in in_dates:
                return t.head  # "un homme qui a gagné 500 000 euros": the relative pronoun stands for the noun
            if relative is not None and (t.dep_ != "acl:relcl" or t.head.pos_ not in NOMINAL) and not any(
                    a.dep_ == "acl:relcl" for a in t.ancestors):
                # "au dynamisme des recettes, qui ont progressé de 3,9 %": the parser hangs the relative clause
                # on the main verb (as a clause or as a relative of that verb: "falls short of inflation, which
                # stood at 3.9%"); the pronoun stands for the noun right before it (and its comma); not inside
                # a relative clause ("the stand, which he said would cost £6.5m": said's clause holds it)
                before = relative.i - 1
                while before > relative.sent.start and relative.doc[before].is_punct:
                    before -= 1
                noun = relative.doc[before]
                if noun.pos_ in NOMINAL and noun.i not in in_dates and noun.i not in inside:
                    return noun
            for child in t.children:
                if child.dep_ == "obl:agent" and t.lemma_ not in self.reporting:
                    return child
            if t.dep_ == "xcomp" and t.head.i != t.i:
                # "forced the museum to shut", "a autorisé la ville à emprunter": the object controls the clause
                # (a pronoun too: "ordered him to pay £30,000", whose antecedent record.py reads)
                controller = next((c for c in t.head.children if c.dep_ == "obj"
                                   and c.pos_ in ("NOUN", "PROPN", "PRON")
                                   and c.i < t.i and c.i not in in_dates and c.i not in inside), None)
                if controller is not None:
                    return controller
            if t.dep_ in ("advcl", "conj", "xcomp") and t.head.i != t.i:
                t = t.head
            else:
                break
        return None

    def _among(self, ctx: MentionContext) -> Token | None:
        """The group a count is taken among ("parmi les pompiers"), on its noun, its predicate or the figure itself
        ("Among the homes lost were 14": the figure the head of its copula)."""
        # (and the first conjunct of a coordinated count, and its verb: "Among the dead were nine women and at least
        # three children")
        first = ctx.noun.head if ctx.noun is not None and ctx.noun.dep_ == "conj" else None
        for head in (ctx.noun, ctx.predicate, ctx.anchor, first, first.head if first is not None else None):
            if head is None:
                continue
            # read once per head and Doc (on the Doc's view): every stage asks it of every figure
            view = self._doc_view(head.doc)
            if head.i not in view.among:
                view.among[head.i] = self._among_child(head)
            # (not the figure itself: "Among the 40 injured were 12 police officers" is no group of the 40)
            if view.among[head.i] is not None and view.among[head.i].i not in {t.i for t in ctx.tokens}:
                return view.among[head.i]
        return None

    def _among_child(self, head: Token) -> Token | None:
        for child in head.children:
            # "among the firefighters", "among those killed" (a pronoun its participle describes)
            described = child.pos_ == "PRON" and any(c.dep_ in ("acl", "amod") for c in child.children)
            # (an adjective used as a noun: "among the dead")
            nominal = child.pos_ == "ADJ" and any(c.dep_ == "det" for c in child.children)
            # (a counted group told by its participle, the parser taking the number for the head: "among the 40
            # injured")
            counted = child.pos_ == "NUM" and any(c.dep_ in ("acl", "amod") and c.i > child.i for c in child.children)
            if (child.pos_ in ("NOUN", "PROPN") or described or nominal or counted) and any(
                    c.dep_ == "case" and c.lower_ in self.among_words for c in child.children):
                return child
        return None


def _is_figure(token: Token) -> bool:
    """A number, or a noun its number counts ("31 %"): the figure a clause is about; not a part of a total
    named by a relative pronoun ("41 of whom were children": the total's verb is the part's, corpus/README.md)."""
    if any("Rel" in c.morph.get("PronType") for c in token.children):
        return False
    return token.pos_ == "NUM" or any(c.dep_ == "nummod" and c.pos_ == "NUM" for c in token.children)
