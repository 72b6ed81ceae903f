"""Helpers over a dependency parse, shared by relation extraction and its parts."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

NOMINAL = ("NOUN", "PROPN")
CONTENT = ("NOUN", "PROPN", "ADJ", "VERB")
SUBJECT_DEPS = ("nsubj", "nsubj:pass", "expl:subj")


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def noun_phrase(token: Token, *, with_nmod: bool = False) -> str:
    """The noun phrase of ``token`` as written, without determiners, numbers or clauses."""
    keep = {token.i}
    for child in token.children:
        if child.dep_ in ("amod", "flat:name", "flat", "compound", "fixed") and child.pos_ != "NUM":
            if child.dep_ == "amod" and child.pos_ not in ("ADJ", "NOUN", "VERB", "PROPN"):
                continue
            if abs(child.i - token.i) <= 3 or child.dep_.startswith("flat"):
                keep |= {t.i for t in child.subtree if t.pos_ not in ("PUNCT", "DET", "NUM")}
        if with_nmod and child.dep_.startswith("nmod") and child.i > token.i:
            keep |= _complement(child)
        if child.dep_ == "conj" and child.pos_ == "NOUN" and child.i > token.i and not any(
                g.like_num for g in child.children):
            # "3 000 pompiers et militaires de la sécurité civile"
            keep |= {t.i for t in child.subtree if t.pos_ != "PUNCT"}
    lo, hi = min(keep), max(keep)
    toks = [t for t in token.doc[lo : hi + 1] if t.i in keep or t.pos_ == "ADP" and lo < t.i < hi]
    while toks and (toks[0].pos_ in ("DET", "ADP", "PUNCT") or toks[0].like_num):
        toks.pop(0)
    while toks and toks[-1].pos_ in ("DET", "ADP", "PUNCT", "SPACE"):
        toks.pop()
    return "".join(t.text_with_ws for t in toks).strip() or token.text

def _complement(token: Token) -> set[int]:
    """A noun complement without its clauses: "de personnes", not "...ayant traversé la Manche"."""
    keep = {token.i}
    for child in token.children:
        if child.dep_ in ("case", "det", "amod", "flat:name", "fixed") or child.dep_.startswith("nmod"):
            keep |= _complement(child) if child.dep_.startswith("nmod") else {child.i}
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
