"""Merge mentions of the same fact within an article (SPEC section 2).

Two mentions are one fact when their values agree and they count the same
kind of thing: same unit, or a generic unit ("personnes") on one side, or
the same specific event type; not a later bare count of another specific
noun that something else happened to ("deux individus", then "Deux gardiens
ont été blessés"). Each slot keeps its most specific value: a
filled slot over an empty one, a qualifier other than ``exact`` over
``exact``, a shorter date interval over a longer one.
"""

from __future__ import annotations

import math
from datetime import date

from .languages import DEFAULT_LANG, language_data
from .schema import is_currency

SLOTS = ("who", "what", "where", "source", "unit")
WHEN_KEYS = ("when_start", "when_end", "when_text", "when_granularity")
# harms no one suffers two of at once: mentions of two of them are two facts
EXCLUSIVE_HARMS = frozenset({"killed", "wounded", "missing"})


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _is_measure(unit: str | None) -> bool:
    """Percent, currency codes and time units: only equal units can merge."""
    return unit == "%" or is_currency(unit)


def same_fact(a: dict, b: dict, generic: set[str], time_units: set[str]) -> bool:
    if not (_close(a["how_many"], b["how_many"]) and _close(a["how_many_high"], b["how_many_high"])):
        return False
    ua, ub = a.get("unit"), b.get("unit")
    if _is_measure(ua) or _is_measure(ub) or ua in time_units or ub in time_units:
        return ua == ub
    if ua == ub:
        return True
    if (b.get("cues", {}).get("introduced") and ub not in generic and a["event_type"] != b["event_type"]
            and b["event_type"] != "other" and not _is_heading(a) and not _is_heading(b)):
        # "agressé par deux individus. Deux gardiens de la paix ont été blessés": a later count of
        # another specific noun, with no definite determiner, that something else happened to brings in
        # others ("les deux hommes ont été interpellés", "5 000 personnes" restating a figure would not; nor
        # "Il s'agit de trois enfants", of no event type: nothing else happened to them)
        return False
    if a["event_type"] in EXCLUSIVE_HARMS and b["event_type"] in EXCLUSIVE_HARMS and a["event_type"] != b["event_type"]:
        # "deux enfants sont morts", then "deux personnes sont toujours portées disparues": the dead are not the
        # missing nor the wounded, whatever noun counts them (the same noun twice is left to merge: a wrong type
        # on one of its mentions would split one fact in two)
        return False
    if ua in generic or ub in generic or ua is None or ub is None:
        return True
    return a["event_type"] == b["event_type"] and a["event_type"] != "other"


def _span_days(fact: dict) -> int:
    if not fact.get("when_start"):
        return 10**6
    return (date.fromisoformat(fact["when_end"]) - date.fromisoformat(fact["when_start"])).days


def _is_heading(fact: dict) -> bool:
    """A mention in a sentence without a verb (a heading, a bullet: "Koursk : 27 morts"), or a count of people
    in the article's title, whose body names them ("Colombie : 14 mineurs tués", then "14 ouvriers ont été
    tués"; corpus/README.md, who rule 4; not "l'incendie a brûlé 3 100 hectares", whose who the title says)."""
    cues = fact.get("cues", {})
    return not cues.get("verb", True) or (cues.get("title", False) and fact.get("unit_kind") in (None, "count")
                                          and fact["event_type"] not in ("money", "other"))


def merge_into(kept: dict, other: dict, bodied: bool = False) -> None:
    """Merge ``other`` into ``kept``; ``bodied``: ``kept`` (a heading's) has had a body mention merged already."""
    # a heading names the figure; the body's first sentence of it says who, doing what, where (not a later one
    # that restates it: "63 enfants ... ont été pris de vomissements", then "Les 63 malades représentent")
    body_over_heading = _is_heading(kept) and not _is_heading(other) and not bodied
    # a title with a verb names its people ("Six membres du Hamas tués"): a body that only names the event
    # ("a fait six morts") does not replace them
    # ("Haiti cholera deaths rise to 112": a title that only names the event names no people either)
    named_in_title = (kept.get("cues", {}).get("verb", False) and other.get("cues", {}).get("event_who", False)
                      and not kept.get("cues", {}).get("event_who", False))
    # a figure of the article's title repeated in the body takes the body's predicate as written there, as a
    # heading's takes its who (corpus/README.md, the twelfth session's what conventions)
    title_what = (kept.get("cues", {}).get("title", False) and not other.get("cues", {}).get("title", False)
                  and other.get("cues", {}).get("verb", True) and not bodied)
    # a sum or a duration of the title repeated in the body: the body says whose it is ("Investment boss jailed for
    # eight years over £40m fraud", then "Hartwell ... was jailed for eight years"; corpus/README.md, who rule 4)
    title_holder = kept.get("unit_kind") in ("currency", "duration")
    for slot in SLOTS:
        if slot == "who" and named_in_title and kept.get(slot) is not None:
            continue
        if slot == "what" and title_what and other.get(slot) is not None:
            kept[slot] = other[slot]
            continue
        if slot == "who" and title_what and title_holder and other.get(slot) is not None:
            kept[slot] = other[slot]
            if "who_candidates" in other:
                kept["who_candidates"] = other["who_candidates"]
            continue
        if other.get(slot) is not None and (kept.get(slot) is None or (body_over_heading and slot != "unit")):
            kept[slot] = other[slot]
            if slot == "who" and "who_candidates" in other:  # bench/fit_who.py: what the who was chosen from
                kept["who_candidates"] = other["who_candidates"]
            if slot == "where":  # the country goes with its place
                kept["where_country"] = other.get("where_country")
    if kept["event_type"] == "other" and other["event_type"] != "other":
        kept["event_type"] = other["event_type"]
    if kept["qualifier"] == "exact" and other["qualifier"] != "exact":
        kept["qualifier"] = other["qualifier"]
    if _span_days(other) < _span_days(kept):
        for key in WHEN_KEYS:
            kept[key] = other.get(key)
    kept["confidence"] = max(kept["confidence"], other["confidence"])
    kept["mentions"] = kept.get("mentions", 1) + other.get("mentions", 1)


def merge_facts(facts: list[dict], lang: str = DEFAULT_LANG) -> list[dict]:
    """Merge facts in order of first mention; returns new dicts with ``mentions`` set."""
    data = language_data(lang)
    generic = set(data.relations["generic_nouns"])
    time_units = set(data.numbers["time_units"])
    merged: list[dict] = []
    bodied: set[int] = set()  # the merged facts (by id) a body mention was merged into
    for fact in facts:
        fact = dict(fact, mentions=fact.get("mentions", 1))
        for kept in merged:
            if same_fact(kept, fact, generic, time_units):
                merge_into(kept, fact, id(kept) in bodied)
                if not _is_heading(fact):
                    bodied.add(id(kept))
                break
        else:
            merged.append(fact)
    _share_heading_dates(merged)
    return merged


def _share_heading_dates(merged: list[dict]) -> None:
    """ "Carambolage sur l'A7 : un mort et 23 blessés": the figures of a heading tell one event; the date
    the body gives one of them (merged from its body mention) is the others' too, when they have none."""
    dated = {}
    for fact in merged:
        if _is_heading(fact) and fact.get("when_start") and fact.get("evidence"):
            dated.setdefault(fact["evidence"], fact)
    for fact in merged:
        source = dated.get(fact.get("evidence")) if _is_heading(fact) and not fact.get("when_start") else None
        if source is not None:
            for key in WHEN_KEYS:
                fact[key] = source.get(key)
