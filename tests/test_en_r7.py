"""English constructions sorted on dev e22 and the rest of English dev (branch en-r7, fifteenth session; sorting in
corpus/reviews/en-r7.md), on sentences written for these tests, each with controls where the rule must not fire."""

from __future__ import annotations

import pytest

# fmt: off
WAITING = [  # text, figure, event type
    # people counted as waiting (for treatment, a bed, a home; on a waiting list) are a queue, no harm: `other`
    # (every English dev and bank gold fact of the construction, eleven of them)
    ("The number of patients waiting for surgery at the clinic rose to 8,400 in May.", 8400, "other"),
    ("Some 1,200 patients had waited more than a year for an operation.", 1200, "other"),
    ("About 60,000 households are on the council's waiting list.", 60000, "other"),
    ("On Monday there were 45 patients in the corridor waiting for a bed.", 45, "other"),
    # controls: the same nouns with no wait keep their usual type
    ("About 60,000 households were left without power.", 60000, "affected"),
    ("Some 300 patients were admitted to hospital.", 300, "affected"),
    ("The clinic treated 500 patients last month.", 500, "affected"),
]
# fmt: on


@pytest.mark.parametrize(("text", "figure", "event_type"), WAITING)
def test_people_waiting_are_other(en_facts, text, figure, event_type):
    facts = {f["how_many"]: f for f in en_facts(text)}
    assert facts[figure]["event_type"] == event_type
