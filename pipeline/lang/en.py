"""English: the code the English language pack needs (its words are in ``models/en/``).

Besides plurals and the future tense, English needs its parse relabelled: spaCy's English models
label dependencies in the ClearNLP scheme (``dobj``, ``nsubjpass``, a preposition heading its
``pobj``), while faits' relation rules read Universal Dependencies, as the French models give
them (``obj``, ``nsubj:pass``, a noun heading its ``case`` preposition). :meth:`English.universal_parse`
rewrites the English parse into the second scheme, so the generic rules read both languages alike.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

import numpy as np
from spacy.attrs import DEP, HEAD, SENT_START
from spacy.tokens import Span

from ..languages import language_data
from .base import LanguageHooks

if TYPE_CHECKING:
    from spacy.tokens import Doc


# ClearNLP labels that have a Universal Dependencies name of their own (the structure is the same)
RENAMED = {
    "dobj": "obj", "nsubjpass": "nsubj:pass", "csubjpass": "csubj:pass", "auxpass": "aux:pass",
    "poss": "nmod:poss", "relcl": "acl:relcl", "npadvmod": "obl:npmod", "dative": "iobj",
    "neg": "advmod", "quantmod": "advmod", "prt": "compound:prt", "predet": "det:predet",
    "preconj": "cc:preconj", "oprd": "xcomp", "attr": "xcomp", "acomp": "xcomp", "nn": "compound",
    "possessive": "case", "meta": "dep", "intj": "discourse", "agent": "obl:agent",
}
VERBAL = ("VERB", "AUX", "ADJ")
# labels only the ClearNLP scheme has: a parse with none of them is Universal Dependencies already
CLEARNLP_ONLY = frozenset({"pobj", "dobj", "prep", "nsubjpass", "auxpass", "acomp", "attr", "agent", "pcomp"})
# OntoNotes entity labels (spaCy's English models) -> the labels of the French models (WikiNER); the
# numeric ones (CARDINAL, DATE, MONEY...) are faits' own numbers and dates, not entities
ENTITY_LABELS = {
    "PERSON": "PER", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "ORG": "ORG", "NORP": "MISC", "EVENT": "MISC",
    "WORK_OF_ART": "MISC", "LAW": "MISC", "PRODUCT": "MISC", "LANGUAGE": "MISC",
    "DATE": None, "TIME": None, "PERCENT": None, "MONEY": None, "QUANTITY": None, "ORDINAL": None, "CARDINAL": None,
}
COPULAS = ("be",)
# after a number, these stand for a noun named before, as a pronoun does: "killed 54 people and wounded 130
# others", "destroyed 300 homes and damaged 1,100 more"; tagged PRON, the rules take the earlier noun
STAND_IN_NOUNS = ("others", "more")
# a live blog's time stamp opening a sentence ("11:48 p.m. - Ruiz leads with 41.2%") is no subject
CLOCK_MARKERS = ("a.m.", "p.m.", "am", "pm")
CLOCK_STAMP = re.compile(r"(?:[01]?\d|2[0-3])[:.][0-5]\d(?:" + "|".join(re.escape(m) for m in CLOCK_MARKERS) + ")?")
RELATIVE_TAGS = ("WP", "WDT")  # Penn Treebank tags of the relative pronouns
# en_core_web_sm often names a town, a province or an island a PERSON, an ORG or a NORP ("in Khan Younis",
# "near Brescia", "off Lampedusa"); a proper name in one of these positions is a place whatever its label
PLACE_PREPOSITIONS = ("in", "near", "off", "outside", "across", "throughout", "around")
PLACE_ADJECTIVES = ("northern", "southern", "eastern", "western", "central", "north-eastern", "north-western",
                    "south-eastern", "south-western", "northeastern", "northwestern", "southeastern",
                    "southwestern")
# the OntoNotes labels a place is mistaken for; the others (DATE, MONEY, GPE...) are left alone
MISTAKEN_FOR_PLACE = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "LANGUAGE", "WORK_OF_ART", "EVENT"})


class English(LanguageHooks):
    code = "en"
    date_order = "MDY"
    lowercase = "a-z"
    # after a year, a plural word makes it a count: "2000 protesters"
    plural_word = r"[a-z]+s\b"
    adjective_first = True
    conjunction_after_hundreds = True
    compound_denominators = True
    singular_denominator_of_one = True
    spoken_hundreds = True

    def plural(self, word: str) -> str:
        if word.endswith("f"):
            return word[:-1] + "ves"  # half, halves
        if word.endswith("y") and word[-2:-1] not in "aeiou":
            return word[:-1] + "ies"
        if word.endswith(("s", "x", "ch", "sh")):
            return word + "es"
        return word + "s"

    def singular(self, word: str) -> str | None:
        if word.endswith("ies"):
            return word[:-3] + "y"
        if word.endswith("ves"):
            return word[:-3] + "f"
        if word.endswith(("sses", "xes", "ches", "shes")):
            return word[:-2]
        if word.endswith("s") and not word.endswith("ss"):
            return word[:-1]
        return None

    def is_plural(self, word: str) -> bool:
        return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))

    def universal_parse(self, doc: Doc) -> None:
        """Relabel a ClearNLP parse (spaCy's English models) as Universal Dependencies, in place.

        Prepositions: "X of Y" (X -prep-> of -pobj-> Y) becomes X -nmod-> Y -case-> of (``obl``
        under a verb or an adjective), "according to Y" makes "according" the case of Y with "to"
        ``fixed``, "by Y" after a passive (``agent``) becomes ``obl:agent``, and a coordinating
        conjunction hangs on the conjunct after it. A copula with a
        predicate ("are dead", "is a doctor") gives the predicate the head, the copula ``cop``.
        A Doc without the ClearNLP labels is left as it is. Entities take the French models' labels
        (PERSON -> PER, GPE -> LOC; see :data:`ENTITY_LABELS`).
        """
        if doc.ents and any(e.label_ in ENTITY_LABELS for e in doc.ents):
            doc.ents = [Span(doc, e.start, e.end, label="LOC" if _placed(e) else ENTITY_LABELS[e.label_])
                        for e in doc.ents if ENTITY_LABELS.get(e.label_)]
        for t in doc:
            if t.lower_ in STAND_IN_NOUNS and t.i > 0 and doc[t.i - 1].like_num and not (
                    t.head.i > t.i and t.head.pos_ in ("NOUN", "PROPN")):
                # (not "2.7 million more households": there "more" modifies the noun after it)
                t.pos_ = "PRON"
            if (t.pos_ == "ADJ" and t.dep_ == "amod" or "-" in t.text and t.pos_ == "PROPN" and t.dep_ == "compound"
                    and t.head.pos_ == "NOUN") and _spelled_number(t):
                # "Forty-three miners": a cardinal the tagger took for an adjective (or, first in a sentence, for
                # a name: "Thirty-one workers") is no part of who
                t.pos_, t.dep_ = "NUM", "nummod"
            if t.tag_ in RELATIVE_TAGS and "Rel" not in t.morph.get("PronType"):
                # "who", "which": the Universal Dependencies feature the French models give "qui"
                feats = str(t.morph)
                t.set_morph(f"{feats}|PronType=Rel" if feats else "PronType=Rel")
        if not doc.has_annotation("DEP") or not any(t.dep_ in CLEARNLP_ONLY for t in doc):
            return
        heads = [t.head.i for t in doc]
        deps = [t.dep_ for t in doc]
        pos = [t.pos_ for t in doc]
        for t in doc:
            if deps[t.i] not in ("prep", "agent"):
                continue
            obj = next((c for c in t.children if deps[c.i] in ("pobj", "pcomp")), None)
            inner = None
            if obj is None:  # "according to X": according -prep-> to -pobj-> X
                inner = next((c for c in t.children if deps[c.i] == "prep"), None)
                obj = next((c for c in inner.children if deps[c.i] == "pobj"), None) if inner is not None else None
            if obj is None:
                continue
            head = heads[t.i]
            if deps[t.i] == "agent":
                label = "obl:agent"
            elif deps[obj.i] == "pcomp":
                label = "advcl"
            else:
                label = "obl" if pos[head] in VERBAL else "nmod"
            heads[obj.i], deps[obj.i] = head, label
            heads[t.i], deps[t.i] = obj.i, "mark" if label == "advcl" else "case"
            if inner is not None:
                heads[inner.i], deps[inner.i] = t.i, "fixed"
            for c in t.children:  # what else hung on the preposition ("just after", "up to")
                if c.i != obj.i and (inner is None or c.i != inner.i):
                    heads[c.i] = obj.i
        for t in doc:
            # "killed or injured": the conjunction hangs on the conjunct after it, not on the first one
            if deps[t.i] == "cc":
                after = [c.i for c in doc[heads[t.i]].children if deps[c.i] == "conj" and c.i > t.i]
                if after:
                    heads[t.i] = min(after)
        for t in doc:
            if deps[t.i] in ("attr", "acomp") and doc[heads[t.i]].lemma_ in COPULAS and not any(
                    deps[c.i] == "expl" for c in doc[heads[t.i]].children):
                # not "there were 23 arrests": an existential "be" stays the verb
                cop = heads[t.i]
                heads[t.i], deps[t.i] = heads[cop], deps[cop]
                if heads[cop] == cop:
                    heads[t.i] = t.i
                for other in range(len(doc)):
                    if heads[other] == cop and other != t.i:
                        heads[other] = t.i
                heads[cop], deps[cop] = t.i, "cop"
        for t in doc:
            if (_opens_sentence(doc, t) and t.pos_ == "PROPN" and t.is_upper and len(t.text) > 2
                    and deps[t.i] == "nsubj"
                    and any(deps[c.i] == "nsubj" and c.i > t.i for c in doc[heads[t.i]].children)):
                # a dispatch's dateline ("DALLAS, Jan 14 (AP) - Lonestar said"): the place it is
                # written from, not a second subject
                deps[t.i] = "obl:npmod"
            if t.lower_ in CLOCK_MARKERS and deps[t.i] in ("nsubj", "nsubjpass") and any(
                    c.pos_ == "NUM" for c in t.children):
                deps[t.i] = "obl:tmod"
            if t.is_sent_start and deps[t.i] in ("nsubj", "nsubjpass") and CLOCK_STAMP.fullmatch(t.text.lower()):
                deps[t.i] = "obl:tmod"  # the same stamp as one token: "6:45pm – The fire has scorched ..."
        deps = [RENAMED.get(d, d) for d in deps]
        # a token of a sentence left unparsed (pipeline/parsing.py parses only the sentences with a
        # figure) has no label and is its own head: only a labelled one is checked
        if any(h == i for i, h in enumerate(heads) if deps[i] not in ("ROOT", "")) or _has_cycle(heads):
            return  # a rewrite gone wrong leaves the parse as it came
        starts = doc.to_array([SENT_START])
        rel = np.array([h - i for i, h in enumerate(heads)], dtype="int32").view("uint32")
        arr = np.zeros((len(doc), 2), dtype="uint64")
        arr[:, 0] = rel
        arr[:, 1] = [doc.vocab.strings.add(d) for d in deps]
        doc.from_array([HEAD, DEP], arr)
        # the rewrites stay within a sentence, so the sentences are the ones the Doc had (the heads alone
        # would make each word of an unparsed sentence a sentence of its own)
        doc.from_array([SENT_START], starts.reshape(-1, 1))


def _opens_sentence(doc, token) -> bool:
    """Whether ``token`` opens its sentence, or ends a hyphenated capitalized name that does ("PORT-AU-PRINCE,
    March 12 – ...", split into "PORT-AU", "-", "PRINCE")."""
    start = token.sent.start
    return token.i == start or all(doc[j].is_upper or doc[j].text == "-" for j in range(start, token.i))


def _spelled_number(token) -> bool:
    """A cardinal written in words, hyphenated or not ("eleven", "forty-three")."""
    return token.like_num or ("-" in token.text and all(
        part and token.vocab[part].like_num for part in token.lower_.split("-")))


def _placed(ent: Span) -> bool:
    """Whether an entity the model did not label a place stands where a place does, in the ClearNLP
    parse: the object of a locating preposition ("in Bolton"), a proper name after "the town of" (the
    language's settlement nouns), or with a compass adjective ("northern Mali")."""
    if ent.label_ not in MISTAKEN_FOR_PLACE or len(ent) > 3 or not all(t.pos_ == "PROPN" for t in ent):
        return False
    root = ent.root
    if any(c.lower_ in PLACE_ADJECTIVES and c.dep_ == "amod" for c in root.children):
        return True
    if root.dep_ != "pobj":
        return False
    prep = root.head
    if prep.lower_ in PLACE_PREPOSITIONS:
        return True
    return prep.lower_ == "of" and prep.head.lemma_ in _settlement_nouns()


@cache
def _settlement_nouns() -> frozenset[str]:
    return frozenset(language_data("en").relations["settlement_nouns"])


def _has_cycle(heads: list[int]) -> bool:
    for i in range(len(heads)):
        seen, j = set(), i
        while heads[j] != j:
            if j in seen:
                return True
            seen.add(j)
            j = heads[j]
    return False
