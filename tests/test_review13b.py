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


# A name set off by commas beside a role is who (convention 4 of the thirteenth session): the whole name, even
# where the parser cuts it at an article or a particle ("Bruno Le Maire" hung as "Bruno" + "le Maire").
# fmt: off
WHOLE_NAME = [  # sentence, value, who
    ("Le ministre, Bruno Le Maire, a annoncé une aide de 2 milliards d'euros.", 2e9, "Bruno Le Maire"),
    ("La directrice, Anne de La Tour, a débloqué 40 000 euros pour la cantine.", 40000, "Anne de La Tour"),
    # controls: names the parser keeps whole
    ("Le principal prévenu, Jean-Marc Dupuis, a été condamné à trois ans de prison.", 3, "Jean-Marc Dupuis"),
    ("Le directeur de l'usine, Paul Lemercier, a débloqué 40 000 euros pour les travaux.", 40000,
     "Paul Lemercier"),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "value", "who"), WHOLE_NAME)
def test_a_name_set_off_by_commas_is_who_whole(facts_of, sentence, value, who):
    fact = {f["how_many"]: f for f in facts_of(sentence)}[value]
    assert fact["who"] == who, sentence


# A state complement belongs to the verb's what (convention 1), not a part's own clause the parser hangs on the
# total's verb ("ont été évacuées, dont dix sont en état de choc": the total's what stops at its verb).
# fmt: off
STATE_OF_PART = [  # sentence, value, what
    ("Cinquante personnes ont été évacuées, dont dix sont en état de choc.", 50, "ont été évacuées"),
    ("Douze passagers ont été secourus, dont trois sont dans un état grave.", 12, "ont été secourus"),
    # control: the verb's own state complement
    ("Trois personnes restent dans un état grave.", 3, "restent dans un état grave"),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "value", "what"), STATE_OF_PART)
def test_a_parts_own_state_is_not_its_totals_what(facts_of, sentence, value, what):
    fact = {f["how_many"]: f for f in facts_of(sentence)}[value]
    assert fact["what"] == what, sentence


# People pulled alive from rubble are displaced (convention 8), by a verb and the place they are pulled from; the
# material a figure measures is no such place ("40 tonnes de décombres": the rubble moved, not people).
# fmt: off
PULLED = [  # sentence, value, event_type
    ("Les pompiers ont sorti 40 tonnes de décombres du bâtiment.", 40, "other"),
    ("Les ouvriers ont dégagé 300 m³ de décombres en deux jours.", 300, "other"),
    # controls: people pulled from the rubble
    ("Les pompiers ont sorti sept personnes des décombres.", 7, "displaced"),
    ("Les secouristes ont extrait trois survivants des décombres.", 3, "displaced"),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "value", "event_type"), PULLED)
def test_the_rubble_a_figure_measures_is_no_place_people_are_pulled_from(facts_of, sentence, value, event_type):
    fact = {f["how_many"]: f for f in facts_of(sentence)}[value]
    assert fact["event_type"] == event_type, sentence
