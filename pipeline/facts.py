"""Merge mentions of the same fact within an article (SPEC section 2).

Two mentions are one fact when their values agree and they count the same
kind of thing: same unit, or a generic unit ("personnes") on one side, or
the same specific event type; not a later bare count of another specific
noun that something else happened to ("deux individus", then "Deux gardiens
ont été blessés"). A count of the title or a heading is also one fact with the
first body mention of its value that names what it counts, of the same event
or of none ("280 postes", then "280 des 430 emplois"). Each slot keeps its most specific value: a
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


def _headline(fact: dict) -> bool:
    """The article's title or a line without a verb, whatever its figure counts."""
    cues = fact.get("cues", {})
    return cues.get("title", False) or not cues.get("verb", True)


def _names_counted(fact: dict) -> bool:
    """A count whose who is its counted noun ("63 enfants scolarisés à Thouars"): it names what it counts."""
    who, unit = fact.get("who"), fact.get("unit")
    return (fact.get("unit_kind") == "count" and who is not None and unit is not None
            and unit.lower() in who.lower().split())


def _names_nothing(fact: dict) -> bool:
    """A measure whose who is its unit alone ("498 kilos par habitant": kilos): it says nothing of what is measured."""
    who, unit = fact.get("who"), fact.get("unit")
    return (fact.get("unit_kind") not in (None, "count") and who is not None and unit is not None
            and who.lower() == unit.lower())


def _material(fact: dict) -> bool:
    """A measure whose who follows its figure: what it measures ("900 hectares de garrigue"), not who acts on it
    ("l'incendie, qui a détruit 900 hectares")."""
    who, evidence, mention = fact.get("who"), fact.get("evidence") or "", fact.get("mention_text") or ""
    if fact.get("unit_kind") != "measure" or who is None or _names_nothing(fact) or mention not in evidence:
        return False
    return who in evidence[evidence.index(mention) + len(mention):]


def _less_specific(who: str | None, than: str | None) -> bool:
    """ "espèces" after "espèces nouvelles": the same noun with less said of it."""
    if who is None or than is None:
        return False
    words, longer = who.lower().split(), than.lower().split()
    return len(words) < len(longer) and longer[: len(words)] == words


def _headline_count_restated(a: dict, b: dict) -> bool:
    """A count of the title or a heading restated in the body with the noun the body gives the counted people
    ("la papeterie va supprimer 280 postes", then "va supprimer 280 des 430 emplois"; "63 écoliers malades",
    then "63 enfants ... ont été pris de vomissements"; corpus/README.md, who rule 4): one fact when the body's
    mention names what it counts and the two tell the same event, or one of them tells none; merge_facts asks it
    only of a heading no body mention was merged into yet. Two typed events ("3 000 élèves évacués", then "3 000
    secouristes mobilisés") stay two facts, as do two body sentences."""
    if not (_close(a["how_many"], b["how_many"]) and _close(a["how_many_high"], b["how_many_high"])
            and _headline(a) and not _headline(b) and a.get("unit_kind") == b.get("unit_kind") == "count"):
        return False
    types, qualifiers = (a["event_type"], b["event_type"]), {a["qualifier"], b["qualifier"]}
    # the same figure said as it is or roughly, not a bound of it ("jusqu'à 190 patients par jour", then "190
    # passages quotidiens")
    return (_names_counted(b) and (types[0] == types[1] or "other" in types)
            and (len(qualifiers) == 1 or qualifiers == {"exact", "approx"}))


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
    # (a title's count of things too when the body names them: "280 postes", then "280 des 430 emplois"); a body
    # mention that names nothing ("498 kilos" again) or less than the heading ("espèces" for "espèces nouvelles
    # pour la science") leaves the heading's
    # ("900 hectares de garrigue" in the title, "l'incendie ... a détruit 900 hectares" in the body: the title's)
    names = (not _names_nothing(other) and not _less_specific(other.get("who"), kept.get("who"))
             and not (_material(kept) and not _material(other)))
    body_over_heading = ((_is_heading(kept) or (_headline(kept) and _names_counted(other)))
                         and not _is_heading(other) and not _headline(other) and not bodied and names)
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
    # a measure alike, when the body says what it is of ("14 500 hectares de forêt et d'oliveraies"; not "a parcouru
    # 3 100 hectares", which names nothing). A share keeps the title's: the body's change after a comma often has
    # another holder ("25 180 étrangers ..., en hausse de 14,2 %" for "les éloignements forcés en hausse de 14,2 %")
    title_holder = kept.get("unit_kind") in ("currency", "duration", "measure") and names
    for slot in SLOTS:
        if slot == "who" and named_in_title and kept.get(slot) is not None:
            continue
        if slot == "what" and title_what and other.get(slot) is not None:
            kept[slot] = other[slot]
            continue
        if slot == "who" and title_what and other.get("cues", {}).get("settled_who", False) and other.get(slot):
            # "Harrow & Pike raises store pay by 6.5%", then "a 6.5% pay rise for its 28,000 store colleagues": the
            # holder a settled convention named in the body (corpus/README.md, fifteenth session, m, n, q, s)
            kept[slot] = other[slot]
            continue
        if slot == "who" and title_what and title_holder and other.get(slot) is not None:
            kept[slot] = other[slot]
            if "who_candidates" in other:
                kept["who_candidates"] = other["who_candidates"]
            continue
        if slot == "where" and kept.get(slot) is not None and other.get("cues", {}).get("held_where", False):
            # a place named in the heading over the body's institution place ("TER déraillé près de Thiers",
            # then "selon la préfecture du Puy-de-Dôme"): the most specific (SPEC section 2)
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
            # a heading's count already restated in the body does not take another noun's count of that value
            # ("quatre morts" in the title and the body, then "répartis dans quatre hôpitaux")
            if same_fact(kept, fact, generic, time_units) or (
                    id(kept) not in bodied and _headline_count_restated(kept, fact)):
                merge_into(kept, fact, id(kept) in bodied)
                if not _is_heading(fact) and not _names_nothing(fact):
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
