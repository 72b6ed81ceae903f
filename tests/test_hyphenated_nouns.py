"""A hyphenated compound noun is a word like any other ("sapeurs-pompiers", "sans-abri"): spaCy's ``is_alpha`` is
false for it, and "une centaine de sapeurs-pompiers" was left without a counted noun, then took the noun of the
previous figure ("morts"). Sentences written for these tests; publication date as in tests/conftest.py."""

from __future__ import annotations

import pytest

from .conftest import one_fact

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, value, who", [
    ("Le bilan s'établit à quatre morts. Une centaine de sapeurs-pompiers se sont relayés toute la nuit.",
     100, "sapeurs-pompiers"),
    ("Trois personnes ont été tuées. Une vingtaine de sans-abri ont été relogés dans un gymnase.", 20, "sans-abri"),
    ("Deux blessés sont à déplorer. Plusieurs dizaines de garde-côtes ont été mobilisés.", None, "garde-côtes"),
    # controls: a noun without a hyphen, a number before a hyphenated noun
    ("Le bilan s'établit à quatre morts. Une centaine de sauveteurs se sont relayés toute la nuit.",
     100, "sauveteurs"),
    ("Le bilan s'établit à quatre morts. 120 sapeurs-pompiers se sont relayés toute la nuit.",
     120, "sapeurs-pompiers"),
])
def test_a_hyphenated_noun_is_counted(facts_of, text, value, who):
    facts = facts_of(text)
    fact = one_fact(facts, value) if value is not None else facts[-1]
    assert fact["who"] == who
    assert fact["unit"] == who
