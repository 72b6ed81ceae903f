"""Helpers over a dependency parse, shared by relation extraction and its parts."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Collection

    from spacy.tokens import Doc, Token

NOMINAL = ("NOUN", "PROPN")
CONTENT = ("NOUN", "PROPN", "ADJ", "VERB")
SUBJECT_DEPS = ("nsubj", "nsubj:pass", "expl:subj")


def is_word(token: Token) -> bool:
    """Letters only, a hyphenated compound included: spaCy's ``is_alpha`` is false for "sapeurs-pompiers",
    which would then never be counted ("une centaine de sapeurs-pompiers")."""
    parts = token.text.split("-")
    return all(part.isalpha() for part in parts)


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def said_with(token: Token, words: Collection[str]) -> bool:
    """Whether ``token``'s lowercase form or lemma is one of ``words`` (a pack's word list): "périssent" by its
    lemma, a form the lemmatizer misses by itself."""
    return token.lower_ in words or token.lemma_.lower() in words


# The noun phrases of the Doc being read, while its parse stands still (kept_noun_phrases): the rules and
# every figure's who candidates ask for the phrases of the same few tokens again and again.
_KEPT_PHRASES: ContextVar[tuple[Doc, dict[tuple[int, bool], str]] | None] = ContextVar("faits_noun_phrases",
                                                                                      default=None)


@contextmanager
def kept_noun_phrases(doc: Doc) -> Iterator[None]:
    """Within the block, :func:`noun_phrase` reads each token's phrase of ``doc`` once; only for a block
    that leaves the Doc's parse, dates and quantities as they are (relation extraction, after its parse
    hooks)."""
    kept = _KEPT_PHRASES.set((doc, {}))
    try:
        yield
    finally:
        _KEPT_PHRASES.reset(kept)


def noun_phrase(token: Token, *, with_nmod: bool = False, sentence: tuple[int, int] | None = None) -> str:
    """The noun phrase of ``token`` as written, without determiners, numbers or clauses.

    sentence: the token bounds of ``token``'s sentence, when the caller has them (else read of the Doc).
    """
    kept = _KEPT_PHRASES.get()
    if kept is None or kept[0] is not token.doc:
        return _noun_phrase(token, with_nmod, sentence)
    phrases = kept[1]
    key = (token.i, with_nmod)
    phrase = phrases.get(key)
    if phrase is None:
        phrase = phrases[key] = _noun_phrase(token, with_nmod, sentence)
    return phrase


def _noun_phrase(token: Token, with_nmod: bool, sentence: tuple[int, int] | None) -> str:
    keep = {token.i}
    children = list(token.children)  # read once: spaCy builds a Token per child on every walk
    # "Sheffield's council homes", "the company's 1,200 workers": a possessor named by a noun is part of the phrase
    # (not a pronoun's "their": no one is named; nor a time's)
    possessor = next((c for c in children if c.dep_ in ("nmod:poss", "poss") and c.pos_ in NOMINAL
                      and c.i < token.i and not _is_date(c)), None)  # not "last winter's claims"
    for child in children:
        dep, pos = child.dep_, child.pos_  # read once: spaCy looks a label's string up on every access
        if dep in ("amod", "flat:name", "flat", "compound", "fixed") and pos != "NUM":
            if dep == "amod" and pos not in ("ADJ", "NOUN", "VERB", "PROPN"):
                continue
            if "Cmp" in child.morph.get("Degree") and child.i > 0 and token.doc[child.i - 1].like_num:
                continue  # "nine more men", "1.2 million more pensioners": more of them, not a kind of them
            if abs(child.i - token.i) <= 3 or dep.startswith("flat"):
                keep |= {t.i for t in child.subtree if t.pos_ not in ("PUNCT", "DET", "NUM")}
        if (dep == "nmod" and pos == "PROPN" and token.pos_ == "PROPN" and child.i == token.i - 1
                and not any(g.dep_ == "case" for g in child.children)):
            keep.add(child.i)  # "Bright Energy": a name's first word, which the English parser may call a complement
        if (with_nmod and dep.startswith("nmod") and child.i > token.i and not _is_date(child)
                and not _is_figure(child)):
            # not "dimanche" in "Réélu dimanche avec 82 % des voix", a noun the tagger took the participle for; nor
            # the figure a measure is of ("an EU average of 4.3")
            keep |= _complement(child)
        if dep == "conj" and pos == "NOUN" and child.i > token.i and not any(
                g.like_num for g in child.children) and not _is_figure(child):
            # "3 000 pompiers et militaires de la sécurité civile"; not "and dozens of firefighters", counted apart
            keep |= {t.i for t in child.subtree if t.pos_ != "PUNCT"}
            # the conjuncts, chained as in English parses ("guards -> educators -> handlers") or not
            conjuncts = [c for c in child.subtree if c.dep_ == "conj"] + [
                c for c in token.children if c.dep_ == "conj" and c.i != child.i]
            if any(g.dep_ == "cc" for c in conjuncts for g in c.children):
                # the commas of a list closed by a conjunction: "350 guards, educators and art handlers" (not
                # "passagers, des retraités de la Loire", an apposition parsed as a conjunct)
                heads = {token.i} | {c.i for c in conjuncts}
                keep |= {t.i for t in token.doc[token.i + 1 : child.i] if t.text == "," and t.head.i in heads}
    owner = [t for t in possessor.subtree if t.pos_ not in ("DET", "PUNCT")] if possessor is not None else []
    keep |= {t.i for t in owner}
    lo, hi = _contiguous(token, keep, sentence)
    doc = token.doc
    while lo < token.i and ((first := doc[lo]).pos_ in ("DET", "ADP", "PUNCT") or first.like_num):
        lo += 1
    while hi > token.i and doc[hi].pos_ in ("DET", "ADP", "PUNCT", "SPACE", "CCONJ"):
        hi -= 1
    # a span of the Doc, with its own whitespace: words are never glued or gathered from afar, but across the
    # figure between a possessor and its noun ("the company's 1,200 workers": "company's workers")
    phrase = doc[lo : hi + 1].text.strip() or token.text
    between = doc[owner[-1].i + 1 : lo] if owner else []
    if owner and owner[-1].i < lo and all(t.like_num or t.pos_ in ("NUM", "SYM", "ADV") for t in between):
        return f"{doc[owner[0].i : owner[-1].i + 1].text} {phrase}"
    return phrase


def _is_figure(token: Token) -> bool:
    """Whether ``token`` is part of a quantity mention of its Doc ("dozens" in "dozens of firefighters")."""
    quantities = token.doc._.quantities if token.doc.has_extension("quantities") else None
    return any(q["start"] <= token.idx < q["end"] for q in quantities or [])


def _is_date(token: Token) -> bool:
    """Whether ``token`` is part of a date expression of its Doc ("dimanche", "le 3 mars")."""
    dates = token.doc._.dates if token.doc.has_extension("dates") else None
    return any(d["start"] <= token.idx < d["end"] for d in dates or [])


# Words that may stand between two kept words of a noun phrase without being kept themselves:
# "médecin *de l'*hôpital", "soldats *et* militaires".
_LINKS = ("ADP", "DET", "CCONJ")


def _contiguous(token: Token, keep: set[int], sentence: tuple[int, int] | None = None) -> tuple[int, int]:
    """The run of tokens around ``token`` made of kept words and the links between them."""
    doc = token.doc
    if sentence is None:
        sent = token.sent  # built anew on every access (a walk to the sentence's bounds)
        sentence = sent.start, sent.end
    sent_start, sent_end = sentence

    def step(i: int, direction: int) -> int | None:
        j, links = i + direction, 0
        while sent_start <= j < sent_end and links <= 2:
            if j in keep:
                return j
            link = doc[j]  # one Token per word looked at (spaCy builds one on every doc[j])
            if link.pos_ not in _LINKS and link.text not in ("'", "’", "-"):
                return None
            j += direction
            links += 1
        return None

    lo = hi = token.i
    while (nxt := step(hi, 1)) is not None:
        hi = nxt
    while (prv := step(lo, -1)) is not None:
        lo = prv
    return lo, hi

def _complement(token: Token) -> set[int]:
    """A noun complement without its clauses: "de personnes", not "...ayant traversé la Manche"."""
    keep = {token.i}
    for child in token.children:
        if child.dep_ in ("case", "det", "amod", "flat:name", "fixed") or child.dep_.startswith("nmod"):
            keep |= _complement(child) if child.dep_.startswith("nmod") else {child.i}
        elif child.dep_ == "compound" and child.i < token.i:
            # "of the whooping cough vaccine": a noun before its head, with its own modifiers
            keep |= {t.i for t in child.subtree if t.pos_ != "PUNCT"}
    return keep


def tree_distance(heads: list[int], a: int, b: int) -> int:
    """Edges between tokens a and b of the parse tree (99 across sentences). On token indices:
    walking Token.head builds a Token at every step."""
    up: dict[int, int] = {}
    t, d = a, 0
    while True:
        up[t] = d
        if heads[t] == t:
            break
        t, d = heads[t], d + 1
    t, d = b, 0
    while True:
        if t in up:
            return up[t] + d
        if heads[t] == t:
            return 99
        t, d = heads[t], d + 1


def nearest(heads: list[int], token: int, anchors: set[int]) -> int:
    """Edges from ``token`` to the nearest of ``anchors`` in the parse tree."""
    return min(tree_distance(heads, token, i) for i in anchors)


def opened_by_pronoun(verb: Token) -> bool:
    """Whether ``verb``'s clause opens with a pronoun before it ("qui compte", "qui sera fermé"): a relative
    clause, not a verb the parser hangs on a noun."""
    return verb.left_edge.pos_ == "PRON" and verb.left_edge.i < verb.i
