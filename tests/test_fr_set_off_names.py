"""French: a name set off by commas beside a role noun is who (corpus/README.md, thirteenth session; pack switch
comma_apposition_names, branch en-r5), on sentences written for these tests, with controls."""

from __future__ import annotations

import pytest

# fmt: off
CASES = [  # sentence, how_many, who
    ("Le gérant de la société, Marc Dupin, a été condamné à trois ans de prison.", 3, "Marc Dupin"),
    ("Son complice, Karim T., a écopé de dix-huit mois de prison.", 18, "Karim T."),
    # controls: a role with no name stays the role; the people counted keep their noun
    ("Le gérant a été condamné à trois ans de prison.", 3, "gérant"),
    ("Deux randonneurs, Paul et Léa Morel, ont été blessés.", 2, "randonneurs"),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "value", "expected"), CASES)
def test_name_set_off_beside_a_role_is_who(facts_of, sentence, value, expected):
    who = {f["how_many"]: f["who"] for f in facts_of(sentence)}
    assert value in who, sentence
    assert who[value] == expected, sentence
