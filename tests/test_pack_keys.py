"""A language pack is a JSON object whose keys are read by name: a key written twice is silently read as the last
one (two helpers once each added `seizure_verbs` to models/en/relations.json, and one list hid the other)."""

import json
from pathlib import Path

import pytest

PACKS = sorted((Path(__file__).resolve().parent.parent / "models").glob("*/*.json"))


def _refuse_repeats(pairs):
    keys = [key for key, _ in pairs]
    repeated = sorted({key for key in keys if keys.count(key) > 1})
    assert not repeated, f"keys written twice: {repeated}"
    return dict(pairs)


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_pack_has_no_key_written_twice(pack):
    json.loads(pack.read_text(encoding="utf-8"), object_pairs_hook=_refuse_repeats)


def test_a_repeated_key_is_caught():
    with pytest.raises(AssertionError, match="seizure_verbs"):
        json.loads('{"seizure_verbs": [], "seizure_verbs": ["seize"]}', object_pairs_hook=_refuse_repeats)
