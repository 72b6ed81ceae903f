"""Clock times masked as no quantity, found by two patterns that open with a set of characters
(pipeline/numbers/grammar.py, clock_spans): the spans of the clock pattern's own finditer, in both languages.
Texts written for these tests."""

from __future__ import annotations

import pytest

from pipeline.numbers import find_quantities
from pipeline.numbers.grammar import _clock_scan, clock_spans, grammar

TEXTS = {
    "fr": [
        "20 h 15 : les secours arrivent.",  # at the text's start
        "Le train partira à 20 h 75 puis à 14:30 ; de 8 h 30 à 9h du matin, vers 23 heures 15.",
        "Réunion jusqu'à 21 h, jusqu’à 7h05, dès 6 heures, 2 h du soir, 12h30 et 9 h, 24 h 00, 123:45.",
        "Il a couru 20 hectares, xà 20 h, 3h, 10 h 5, 07h45, 1 h 59 du matin et 19 heures de l'après-midi.",
        "Aucune heure dans ce texte, 45 personnes et 3 000 euros.",
    ],
    "en": [
        "10 pm: the doors close.",
        "From 10 pm to 11 p.m., until 9 o'clock in the morning, at 7:45, by 10pm and around 5 am local time.",
        "The 24 amendments passed at 10:15:30, between 9 am and 12 pm, 3 AM, at 13 pm, 7 o'clock.",
    ],
}


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_clock_spans_are_the_clock_patterns_matches(lang):
    g = grammar(lang)
    assert g.clock_scan is not None  # the shipped packs' cues are words
    found = 0
    for text in TEXTS[lang]:
        expected = [m.span() for m in g.clock.finditer(text)]
        assert clock_spans(text, g) == expected, text
        found += len(expected)
    assert found >= 8  # the texts hold clock times of every form


def test_a_clock_not_masked_stays_a_quantity():
    # "à 20 h 75": the cue-led time ends before "75", which the digit-led form alone would mask
    text = "Départ à 20 h 75 coureurs au moins."
    assert [m.text for m in find_quantities(text, "fr")] == ["75"]


def test_a_cue_starting_with_a_digit_keeps_the_clock_pattern():
    lex = {"clock_cues": {"h": ["à", "1er"]}, "clock_suffixes": ["du soir"]}
    assert _clock_scan(lex, "h") is None
    assert _clock_scan({"clock_cues": {"h": ["à"]}, "clock_suffixes": ["du soir"]}, "h") is not None
