"""Findings of the tenth session's review (issue 11), each on sentences written for these tests: a search's count in
a relative clause stays a fact, a bare night dates the night of the day named just before, and "pour" opening the
count itself names no other holder (that one in tests/test_series.py). Publication date 2025-06-20, a Friday."""

from __future__ import annotations

import pytest

from .conftest import one_fact

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, value, who", [
    ("Les secours, qui recherchent encore 12 personnes, ont suspendu les opérations à la nuit tombée.", 12,
     "personnes"),
    ("Les plongeurs, qui cherchent toujours 4 pêcheurs, ont repris les fouilles ce matin.", 4, "pêcheurs"),
])
def test_a_search_s_count_in_a_relative_clause_stays_a_fact(facts_of, text, value, who):
    # what the relative clause says its noun is looking for is news, not what the noun holds
    assert one_fact(facts_of(text), value)["who"] == who


@pytest.mark.parametrize("text", [
    "L'association, qui compte 540 adhérents, organise une collecte samedi.",
    "Le bourg, où vivent 2 300 habitants, a été privé d'eau.",
])
def test_what_a_relative_clause_says_a_noun_holds_is_still_no_fact(facts_of, text):
    assert facts_of(text) == [] or all(f["how_many"] not in (540, 2300) for f in facts_of(text))


@pytest.mark.parametrize("text, start, end", [
    # the night of the day named in the sentence before
    ("Un violent orage a frappé la vallée mardi. Dans la nuit, 40 personnes ont été évacuées.",
     "2025-06-17", "2025-06-18"),
    ("La digue a cédé le 12 juin. Pendant la nuit, 150 habitants ont été relogés.", "2025-06-12", "2025-06-13"),
    # controls: no day named, the night before the publication day; a day named two sentences before; a night
    # that says it is the last one
    ("Un violent orage a frappé la vallée. Dans la nuit, 40 personnes ont été évacuées.",
     "2025-06-19", "2025-06-20"),
    ("Un violent orage a frappé la vallée mardi. Les pompiers sont arrivés. Dans la nuit, 40 personnes ont été "
     "évacuées.", "2025-06-19", "2025-06-20"),
    ("Un violent orage a frappé la vallée mardi. La nuit dernière, 40 personnes ont été évacuées.",
     "2025-06-19", "2025-06-20"),
])
def test_a_bare_night_after_a_day_named_just_before_is_that_day_s_night(facts_of, text, start, end):
    value = 40 if "40" in text else 150
    fact = one_fact(facts_of(text), value)
    assert (fact["when_start"], fact["when_end"]) == (start, end)
