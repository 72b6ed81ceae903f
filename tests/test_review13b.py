"""Misfires of this session's rules found by review-13b (corpus/reviews/review-13b.md), on sentences written for
these tests: a speaker after its reporting verb, now read with its indefinite article ("a déclaré un témoin"),
may be followed by whom it told ("à l'AFP", "au Parisien"), which the parser hangs on the speaker: that name is
the addressee, never the source nor part of it."""

from __future__ import annotations

import pytest

# fmt: off
ADDRESSEE = [  # sentence, value, source
    # the name told, after the speaker: not the source
    ("Il y a eu cinq morts dans la nuit, a déclaré un témoin à l'AFP.", 5, "témoin"),
    ("Deux suspects ont été interpellés jeudi, a précisé un policier au Parisien.", 2, "policier"),
    ("Quarante familles ont été relogées, a indiqué un porte-parole de la mairie à Ouest-France.", 40,
     "porte-parole de la mairie"),
    # controls: a speaker's own complement stays ("de la mairie"), a common noun after "au" is a title
    ("Quarante familles ont été relogées, a indiqué un porte-parole de la mairie.", 40, "porte-parole de la mairie"),
    ("Quarante familles ont été relogées, a indiqué l'adjoint au maire.", 40, "adjoint au maire"),
    ("Il y a eu cinq morts dans la nuit, a déclaré un témoin.", 5, "témoin"),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "value", "source"), ADDRESSEE)
def test_whom_a_speaker_told_is_not_the_source(facts_of, sentence, value, source):
    fact = {f["how_many"]: f for f in facts_of(sentence)}[value]
    assert fact["source"] == source, sentence
