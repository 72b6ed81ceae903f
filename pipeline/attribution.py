"""Where a fact happened and who says so: the ``where`` and ``source`` slots.

- where: a place entity of the sentence, preferring places inside the fact's
  own subtree, then cities and regions over countries (CLDR's, through
  :mod:`pipeline.countries`) and wide regions (``places.json``), then
  the nearest in the tree;
- source: selon / d'après / de source X, or the subject (or agent) of a
  reporting verb; a pronoun is no source, nor a counted noun.

The word lists come from ``models/<lang>/relations.json``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.tokens import Span, Token

from .countries import Countries
from .syntax import NOMINAL, SUBJECT_DEPS, nearest, noun_phrase, said_with

# (anchor token, source text, tokens of the source phrase)
Attribution = tuple[Token, str, set[int]]


@dataclass(frozen=True)
class FigureTokens:
    """One figure of a sentence: its tokens and the last token of its phrase (its noun when it follows)."""

    tokens: frozenset[int]
    end: int


@dataclass(frozen=True)
class PlaceClaim:
    """The places one figure of a sentence claims: its own (written right after it), the figure's and the
    other figures' tokens (a place hung on a figure is that figure's), the places other figures own."""

    own: Span | None = None
    figure: frozenset[int] = frozenset()
    others: frozenset[int] = frozenset()
    taken: frozenset[int] = frozenset()


class PlaceFinder:
    """The place of a fact among the place entities of its sentence."""

    def __init__(self, countries: Countries, *, institutions: frozenset[str] = frozenset(),
                 qualifiers: frozenset[str] = frozenset(), noun_last_names: bool = False,
                 studies: frozenset[str] = frozenset(), study_words: frozenset[str] = frozenset(),
                 facilities: frozenset[str] = frozenset()):
        self.countries = countries
        # institutions that report studies, and the words they report by: their name locates no reported fact
        self.studies = studies
        self.study_words = study_words
        # the words of an institution's name around the place it holds (places.json): the nouns that make
        # a name an institution's, the words of such a name only beside one; whether a name may end on its noun
        self.institutions = institutions
        self.qualifiers = qualifiers
        self.noun_last_names = noun_last_names
        # the nouns of a named facility's name ("gare Montparnasse", "El Roble mine"): another place written
        # beside it locates the fact (fifteenth-session convention (r))
        self.facilities = facilities

    @staticmethod
    def _places(sent_ents: list[Span], blocked: set[int], *, subjects: bool = False) -> list[Span]:
        return [ent for ent in sent_ents if ent.label_ in ("LOC", "GPE")
                and not any(t.i in blocked for t in ent) and (subjects or ent.root.dep_ not in SUBJECT_DEPS)
                # "les Britanniques", "la Région", "l'État": not a named place
                and any(t.pos_ == "PROPN" for t in ent)]

    def claims(self, sent_ents: list[Span], figures: list[FigureTokens]) -> list[PlaceClaim]:
        """Which places each figure of a sentence claims. "900 blessés à Lyon, quelque 300 à Grenoble et 60
        à Annecy": a place that follows a figure's phrase with only a preposition (and a determiner) between
        is that figure's own; when several figures own one, each leaves the others' to them (one place
        alone may serve them all)."""
        own: dict[int, Span] = {}
        if len(figures) > 1:
            ends = [f.end for f in figures]
            # after its preposition a place is one, whatever role the parser gave it
            for ent in self._places(sent_ents, set(), subjects=True):
                before = [k for k, end in enumerate(ends) if end < ent.start]
                if not before:
                    continue
                k = max(before, key=lambda k: ends[k])
                gap = ent.doc[ends[k] + 1 : ent.start]
                if 1 <= len(gap) <= 3 and gap[0].pos_ == "ADP" and all(t.pos_ in ("ADP", "DET") for t in gap):
                    own.setdefault(k, ent)
        claims = []
        for k, figure in enumerate(figures):
            others = frozenset(i for j, f in enumerate(figures) if j != k for i in f.tokens)
            taken = frozenset(t.i for j, ent in own.items() if j != k for t in ent) if len(own) > 1 else frozenset()
            claims.append(PlaceClaim(own=own.get(k), figure=figure.tokens, others=others, taken=taken))
        return claims

    def place(self, sent_ents: list[Span], claim: PlaceClaim, anchors: set[int], heads: list[int],
              blocked: set[int]) -> str | None:
        """The figure's own place, else the sentence's place nearest the figure in the tree, a place hung
        on another figure last ("112 people in Paris, 31 in Lyon and 17 in Nantes"). anchors: the fact's
        tokens in the tree; heads: every token's head; blocked: tokens of the fact's other slots or dates."""
        if claim.own is not None:
            return self.place_text(claim.own)
        places = self._places(sent_ents, blocked | claim.taken)
        if not places:
            return None
        doc = places[0].doc
        top = min((doc[i] for i in anchors), key=lambda t: len(list(t.ancestors)))
        best = None
        for ent in places:
            text = self.place_text(ent)
            wide = self.countries.is_wide(text)
            outside = not (ent.root == top or top.is_ancestor(ent.root))
            on = heads[ent.root.i]
            # a place inside an institution's name only locates the institution when the sentence names
            # another ("les pompiers de Valdoie ont conduit trois blessés à l'hôpital de Belfort": Valdoie)
            held = self._held_place(ent) is not None or self._located_facility(ent, places)
            key = (on not in claim.figure, on in claim.others, held, outside, wide,
                   nearest(heads, ent.root.i, anchors), abs(ent.start - top.i))
            if best is None or key < best[0]:
                best = (key, text)
        return best[1] if best else None

    def _located_facility(self, ent: Span, places: list[Span]) -> bool:
        """Whether ``ent`` names an institution or a facility ("la gare Montparnasse", "l'hôpital Nord", "the El
        Roble mine") that another place, written right after it behind a preposition, locates ("..., à Paris",
        "in Sutatausa"): that place is the fact's (fifteenth-session convention (r)). Not a place written apart
        ("le tribunal correctionnel de Valence a jugé les dealers de Fontbarlettes"), nor a wider area set off in
        brackets ("l'usine Chimeris de Saint-Fons (Rhône)")."""
        words = self.facilities | self.institutions
        doc = ent.doc

        def facility(span: Span) -> bool:  # a facility's noun in the name or right before it ("du lycée Ampère")
            return any(t.lower_ in words for t in span) or (
                span.start > span.sent.start and doc[span.start - 1].lower_ in words) or self._institution_before(span)

        if not facility(ent):
            return False
        for other in places:
            if other.start <= ent.end or other.start - ent.end > 3 or facility(other):
                continue
            gap = doc[ent.end : other.start]
            if any(t.pos_ == "ADP" for t in gap) and all(t.pos_ in ("ADP", "DET") or t.text == "," for t in gap):
                return True
        return False

    def institution_place(self, sent_ents: list[Span], anchors: set[int], blocked: set[int],
                          others: frozenset[int] = frozenset(), reporters: frozenset[int] = frozenset()
                          ) -> str | None:
        """The place an institution's name holds, when the sentence names no other place (fourteenth-session
        convention (l)): "Leicester Crown Court" → Leicester, "selon la préfecture du Finistère" → Finistère,
        "Thames Valley Police said" → Thames Valley (a territorial authority speaks of its own territory, so
        the name counts also when it is the source); the one nearest the fact. Not a name in the clause of
        another figure ("L'Etat paiera 290 000 euros et le département de l'Isère 150 000": not the Etat's)."""
        if not anchors:
            return None
        found = []
        for ent in sent_ents:
            if any(t.i in blocked for t in ent) or ent.label_ in ("PER", "PERSON"):
                continue
            held = self._held_place(ent)
            if held is None and ent.label_ in ("LOC", "GPE") and any(t.pos_ == "PROPN" for t in ent) and not all(
                    self._institution(t) for t in ent if not t.is_punct):
                held = ent if self._institution_before(ent) else None
            if held is None or self._in_other_clause(ent, anchors, others) or self._reports_study(ent, reporters):
                continue
            found.append((min(abs(held.start - i) for i in anchors), held))
        if not found:
            return None
        return self.place_text(min(found, key=lambda f: f[0])[1])

    def _reports_study(self, ent: Span, reporters: frozenset[int]) -> bool:
        """Whether ``ent`` names an institution that reports a study the fact comes from ("selon une étude de
        l'Université de Paris", "A University of Leeds study found", "Researchers at the University of Leeds
        found"): its place is the institution's, not the fact's (review-14c)."""
        if not self.studies:
            return False
        doc = ent.doc
        near = [doc[k] for k in range(max(ent.sent.start, ent.start - 2), ent.end)]
        if not any(t.lower_ in self.studies or t.lemma_.lower() in self.studies for t in near):
            return False
        if any(t.i in reporters for t in ent):
            return True
        heads, tok = [], ent.root
        for _ in range(3):
            if tok.head.i == tok.i:
                break
            tok = tok.head
            heads.append(tok)
        return any(h.lower_ in self.study_words or h.lemma_.lower() in self.study_words for h in heads) or any(
            t.lower_ in self.study_words for t in ent.root.children)

    @staticmethod
    def _in_other_clause(ent: Span, anchors: set[int], others: frozenset[int]) -> bool:
        """Whether ``ent`` stands in the clause of another figure of the sentence, not the fact's: its verb is
        neither the fact's nor above it, and holds another figure."""
        verb = next((a for a in ent.root.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if verb is None or verb.i in anchors:
            return False
        doc = ent.doc
        if any(verb.is_ancestor(doc[i]) for i in anchors):
            return False
        return any(verb.is_ancestor(doc[i]) for i in others)

    def _institution(self, token: Token) -> bool:
        return self._noun(token) or token.lower_ in self.qualifiers or token.lower_.rstrip("'’") in self.qualifiers

    def _noun(self, token: Token) -> bool:
        return token.lower_ in self.institutions or token.lower_.rstrip("'’") in self.institutions

    def _institution_before(self, ent: Span) -> bool:
        """Whether an institution's noun stands right before the place, behind its preposition ("la
        préfecture du Finistère", "le CHU de Martinique")."""
        k = ent.start - 1
        links = 0
        while k >= ent.sent.start and ent.doc[k].pos_ in ("ADP", "DET") and links < 3:
            k -= 1
            links += 1
        while k >= ent.sent.start and links and not self._noun(ent.doc[k]) and self._institution(ent.doc[k]):
            k -= 1  # "le centre hospitalier de Cholet", "la préfecture maritime de l'Atlantique"
        return links > 0 and k >= ent.sent.start and ent.doc[k].pos_ in ("NOUN", "PROPN") and self._noun(ent.doc[k])

    def _held_place(self, ent: Span) -> Span | None:
        """The place inside an institution's name: after its nouns and their preposition ("CHU de Martinique",
        "cour d'appel de Paris", "centre hospitalier Nord-Deux-Sèvres"), or, where names may end on their
        noun, before its closing words ("Leicester Crown Court", "Rotherham General Hospital"); None when the
        name is not an institution's or holds no named place."""
        if not self.institutions:
            return None
        toks = [t for t in ent if not (t.i == ent.start and t.pos_ == "DET")]
        if len(toks) < 2:
            return None
        if self._noun(toks[0]):
            j = 0
            while j < len(toks) and (self._institution(toks[j]) or toks[j].pos_ in ("ADP", "DET")):
                j += 1
            rest = toks[j:]
            # behind a preposition, or a qualifier ("centre hospitalier X"; not "Agence France-Presse")
            linked = any(t.pos_ == "ADP" for t in toks[:j]) or sum(self._institution(t) for t in toks[:j]) > 1
            if rest and not rest[0].is_lower and linked:
                return ent.doc[rest[0].i : toks[-1].i + 1]
            return None
        if self.noun_last_names and self._noun(toks[-1]):
            k = len(toks) - 1
            while k >= 0 and (self._institution(toks[k]) or toks[k].is_punct):
                k -= 1
            rest = toks[: k + 1]
            if rest and not rest[0].is_lower and all(not t.is_lower or t.pos_ == "ADP" for t in rest):
                return ent.doc[rest[0].i : rest[-1].i + 1]
        return None

    def place_text(self, ent: Span) -> str:
        # "CHU de Martinique" → "Martinique": the place an institution's name holds
        held = self._held_place(ent)
        if held is not None:
            ent = held
        # "région de Koursk" → "Koursk": the named part of the place.
        if ent[0].is_lower:
            proper = [t for t in ent if not t.is_lower]
            if proper:
                return ent.doc[proper[0].i : proper[-1].i + 1].text
        return ent.text


class SourceFinder:
    """The attributions of a sentence: who says what its figures say.

    reporting: lemmas of reporting verbs; scale_words: words that are counted, never a source; articles: the
    language's lone articles that are also number words ("un policier": no count).
    """

    def __init__(self, lex: dict[str, Any], *, reporting: set[str], scale_words: set[str],
                 articles: set[str] = frozenset()):
        self.articles = articles
        self.attribution_preps = {w.lower() for w in lex["attribution_prepositions"]}
        # a preposition that also makes rates ("per"): "per the ministry" attributes, "£820 per trip" does not
        self.rate_preps = {w.lower() for w in lex["rate_prepositions"]}
        self.addressee_preps = {w.lower() for w in lex["addressee_prepositions"]}
        self.attribution_nouns = set(lex["attribution_nouns"])
        self.source_nouns = {w.lower() for w in lex["source_nouns"]}
        self.attribution_noun_links = set(lex["attribution_noun_links"])
        self.reporting_nouns = set(lex["reporting_nouns"])
        self.non_source_nouns = {w.lower() for w in lex["non_source_nouns"]}
        self.reporting = reporting
        self.scale_words = scale_words
        self.speaker_pronouns = {w.lower() for w in lex["speaker_pronouns"]}
        # who can speak: people and organisations ("the airline", "the union"), besides names and sources
        self.speakers = {w.lower() for key in ("speaker_nouns", "person_nouns") for w in lex[key]} | self.source_nouns

    def attributions(self, sent: Span, in_dates: set[int], ents: tuple[Span, ...]) -> list[Attribution]:
        """Each attribution of ``sent``; in_dates: tokens inside date expressions; ents: the Doc's entities."""
        found = []
        last = None  # the word before, kept from the loop: doc[i] builds a new Token on every call
        for t in sent:
            prev, last = last, t
            low = t.lower_
            # an elided preposition the tokenizer split ("d'" + "après"), or the last word of a phrase
            is_prep = low in self.attribution_preps or (
                prev is not None and not prev.whitespace_ and prev.lower_ + low in self.attribution_preps
            ) or (prev is not None and f"{prev.lower_} {low}" in self.attribution_preps)
            if is_prep:
                head = t.head if t.dep_ in ("case", "fixed") else None
                if head is not None and head.dep_ == "case":
                    head = head.head
                if (head is not None and low in self.rate_preps and head.pos_ != "PROPN" and not head.ent_type_
                        and not any(c.dep_ == "det" for c in head.children)):
                    continue  # a bare noun after it is the rate's denominator: "£1,170 per trip", "per head"
                if head is not None and head.pos_ in NOMINAL + ("X", "VERB"):
                    author = self._author_of(head)
                    if author is None and (head.lemma_.lower() in self.non_source_nouns
                                           or head.lower_ in self.non_source_nouns):
                        # "selon le dernier bilan": no author, unless it is named ("un bilan de la Protection civile")
                        author = next((a for acl in head.children if acl.dep_ == "acl"
                                       for a in acl.children if a.dep_ == "obl:agent"), None) or next(
                            (c for c in head.children if c.dep_.startswith("nmod") and (
                                c.pos_ == "PROPN" or c.ent_type_ in ("ORG", "PER") or c.lower_ in self.source_nouns
                                or c.lemma_.lower() in self.source_nouns)), None)
                        if author is None:
                            continue
                    phrase = self._source_phrase(author or head, in_dates, ents)
                    found.append((head, phrase, {x.i for x in head.subtree}))
            elif t.lemma_ in self.attribution_nouns and prev is not None and prev.lower_ in self.attribution_noun_links:
                found.append((t, noun_phrase(t), {t.i}))
            elif t.lemma_ in self.reporting and t.pos_ == "VERB" and "Inf" not in t.morph.get("VerbForm"):
                agent = None
                # "Le préjudice est estimé à 9,2 millions, a indiqué la procureure": a passive reporting verb's
                # subject is what is reported, not who reports it
                passive = any(c.dep_ == "aux:pass" for c in t.children)
                for c in t.children:
                    if (c.dep_ == "obl:agent" or c.dep_ == "nsubj" and not passive) and c.pos_ != "PRON" and (
                            not self._counts(c)):
                        agent = c
                        break
                if agent is None and t.dep_ == "conj" and t.head.pos_ == "VERB" and any(
                        c.dep_ == "cc" for c in t.children) and not any(c.dep_.startswith("nsubj") for c in t.children):
                    # "The Red Cross gave a toll of 58 dead and said 23 were missing": a reporting verb coordinated
                    # by a conjunction, without a subject of its own, shares its first verb's (not an incise the
                    # parser hangs on the verb before it: "a fait 43 morts, a annoncé l'Indeci")
                    agent = next((c for c in t.head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"
                                  and not self._counts(c)), None)
                if agent is None and any(c.dep_ == "nsubj" and c.pos_ == "PRON" and c.lower_ in self.speaker_pronouns
                                         for c in t.children):
                    agent = self._pronoun_speaker(t)  # "The carmaker will cut 1,100 jobs, it said"
                if agent is None:
                    # "..., estime l'ONU": an inverted subject the parser took for an object; after a
                    # comma (an incise, "..., indique l'ARS") any name or noun is that subject
                    form = t.morph.get("VerbForm")
                    finite = "Ger" not in form and (
                        "Part" not in form or any(c.dep_.startswith("aux") for c in t.children))
                    incise = finite and any(x.text == "," for x in t.doc[max(sent.start, t.i - 3) : t.i])
                    agent = next((c for c in t.children if c.dep_ in ("obj", "nsubj") and c.i > t.i
                                  and c.pos_ in NOMINAL and not self._counts_after_verb(c) and c.i not in in_dates
                                  and (c.ent_type_ in ("ORG", "PER") or incise
                                       or c.lemma_.lower() in self.source_nouns
                                       or c.lower_ in self.source_nouns)), None)
                if agent is not None:
                    told = self._addressee(agent) if agent.i > t.i else None
                    phrase = self._source_phrase(agent, in_dates, ents, stop=told.left_edge.i if told else None)
                    found.append((t, phrase, {x.i for x in agent.subtree}))
        return found

    def _pronoun_speaker(self, verb: Token) -> Token | None:
        """Who "it" or "they" of a reporting verb stands for: the subject of the clause the verb reports, before
        it in its sentence ("The carmaker will cut 1,100 jobs, it said"), else the subject of the sentence
        before ("The military ... It said its forces had killed 120 insurgents"); a subject that can speak, or
        its owner ("The company's revenue rose 12%, it said"), never one that cannot ("The outbreak has
        infected 2,300 people, it said": no source)."""
        def named(t: Token) -> bool:  # an active subject (a passive one is what was done to)
            return t.dep_ == "nsubj" and t.pos_ in NOMINAL and not self._counts(t)

        reported = [verb.head] if verb.dep_ in ("parataxis", "ccomp", "advcl") and verb.head.i < verb.i else []
        reported += [c for c in verb.children if c.dep_ in ("parataxis", "ccomp") and c.i < verb.i]
        subjects = [c for clause in reported for c in clause.children if named(c)]
        sent = verb.sent
        if sent.start > 0:
            subjects += [t for t in verb.doc[sent.start - 1].sent if named(t)]
        return next((s for subject in subjects if (s := self._speaker(subject)) is not None), None)

    def _speaker(self, subject: Token) -> Token | None:
        """``subject`` if it can speak (a person's or an organisation's name, a noun of people or of an
        organisation), else its owner if that can ("The club's revenue rose 14%": the club), else None."""
        owner = next((c for c in subject.children if c.dep_ in ("nmod:poss", "poss") and c.pos_ in NOMINAL), None)
        for t in (subject, owner):
            if t is not None and (t.ent_type_ in ("ORG", "PER") or t.pos_ == "PROPN" or said_with(t, self.speakers)):
                return t
        return None

    def _counts(self, token: Token) -> bool:
        """Whether ``token`` is a counted noun (bears a number) or a scale word: never a source."""
        # (or a number itself, the parser taking "five of them" for the subject of "..., Cumbria Police said")
        return token.like_num or token.lower_ in self.scale_words or any(c.like_num for c in token.children)

    def _counts_after_verb(self, token: Token) -> bool:
        """:meth:`_counts` for a noun after its reporting verb, where an article the tagger calls a number too
        counts nothing ("..., a déclaré un policier"; not "Un mort et trois blessés, a indiqué ...")."""
        return token.like_num or token.lower_ in self.scale_words or any(
            c.like_num and not (c.dep_ == "det" and c.lower_ in self.articles) for c in token.children)

    def _author_of(self, noun: Token) -> Token | None:
        """ "selon les chiffres publiés par l'Ofpra": the agent behind a reporting noun."""
        if noun.lemma_ not in self.reporting_nouns and noun.lower_ not in self.reporting_nouns:
            return None
        for acl in noun.children:
            if acl.dep_ == "acl":
                agent = next((c for c in acl.children if c.dep_ == "obl:agent"), None)
                if agent is not None:
                    return agent
        return None

    def _addressee(self, speaker: Token) -> Token | None:
        """The name a speaker after its reporting verb told, which the parser hangs on the speaker ("a déclaré un
        témoin à l'AFP"): a name behind an addressee preposition (not a title's common noun, "l'adjoint au maire")."""
        return next((c for c in speaker.children if c.dep_.startswith("nmod") and c.i > speaker.i
                     and (c.pos_ == "PROPN" or c.ent_type_)
                     and any(g.dep_ == "case" and g.lower_ in self.addressee_preps for g in c.children)), None)

    def _source_phrase(self, token: Token, in_dates: set[int], ents: tuple[Span, ...],
                       stop: int | None = None) -> str:
        """The words naming the source ``token`` heads; ``stop``: where the words of someone else begin (an
        addressee)."""
        if stop is not None:
            ents = tuple(e for e in ents if e.end <= stop)

        def undated(span: Span) -> str:
            # an entity the NER ran into a date ("le HCR mardi") loses the date words
            toks = [t for t in span if t.i not in in_dates]
            return token.doc[toks[0].i : toks[-1].i + 1].text if toks else span.text

        inner = [e for e in ents if token.left_edge.i <= e.start and e.end <= token.right_edge.i + 1]
        # "a annoncé son directeur général, Mathieu Lenoir": the name set after the title
        named = [e for e in ents if e.label_ == "PER" and e.start == token.right_edge.i + 2
                 and token.doc[token.right_edge.i + 1].text == ","]
        persons = [e for e in inner if e.label_ == "PER"] or named
        if persons:
            return undated(persons[0])
        if token.is_lower and token.lemma_ not in self.source_nouns:
            # "le sous-traitant aéronautique Sofralec": the name says who
            names = [e for e in inner if e.label_ in ("ORG", "MISC") and e.start > token.i]
            if names:
                return undated(names[0])
        if token.pos_ == "PROPN" or token.ent_type_:
            around = [e for e in ents if e.start <= token.i < e.end]
            if around:
                return undated(around[0])
        phrase = noun_phrase(token, with_nmod=True)
        if stop is not None:  # the phrase is the Doc's text from its first word: it ends before the addressee
            start = token.doc.text.find(phrase, token.left_edge.idx)
            end = token.doc[stop].idx
            if 0 <= start < end < start + len(phrase):
                phrase = token.doc.text[start:end].rstrip()
        return phrase
