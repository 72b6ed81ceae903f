"""Series and claims over a batch of facts (SPEC section 7): which facts measure the same thing.

    >>> from pipeline.series import assign_series
    >>> df = assign_series(facts)          # adds series_id and claim_id
    >>> df.groupby("series_id").size()

A *series* is one measured thing (event_type, event, group, place, period);
a *claim* is one figure of a series (same how_many and how_many_high).

How facts are grouped, with what the rows already hold:

1. **Blocks.** A fact's block is its event_type and the kind of its unit
   (a count, ``%``, a currency, a time unit). Percentages form one block
   whatever their event_type: a proportion of a group takes the group's
   event_type, which extraction often reads from the other clause. Only
   facts of one block are compared.
2. **Stories.** Two articles can share series only if they tell the same
   story: their facts' sentences share at least two named words
   (capitalized words inside a sentence, places, sources; one is enough
   for two articles published within ``STORY_CLOSE_DAYS``), and they were
   published within ``STORY_DAYS`` of each other when both dates are known
   (an undated article is taken as written after the latest date its facts
   state).
   Two articles published within a week that share a word but not enough tell one story when each tells
   one with a third article.
   Named words found in more than ``MAX_WORD_ARTICLES`` articles of the batch
   are too common to tell a story and are ignored. Candidate article pairs
   come from an inverted index over those words, so the cost grows with the
   batch, not with its square.
3. **Pairs.** Within a block, two facts (of one article, or of two articles
   of one story) are linked when nothing separates them and their ``who``
   agrees: see :func:`_conflict` (another place, another period, a part of a
   total against a total, two figures of one article that are not an update)
   and :func:`_link`. The same value needs a looser ``who`` agreement (same
   head noun, a shared word, or close word vectors) than two different
   values (same head noun, and modifiers that do not disagree).
   A figure introduced by a comparison word ("39 morts, contre 35
   auparavant") is linked to the figure before it in its sentence, and both
   take that figure's type (the compared figure's, when only it is typed:
   "110 personnes ..., contre 140 évacuées").
   What extraction gets wrong is read around: an actor read for a count's
   left-out noun, a head noun written another way by another outlet, one
   event's place named at two scales, a wire's dateline town read as the
   place, a running total told as of a day, a live blog telling one figure
   again entry after entry (``bench/series_robustness.py`` measures how
   much such slot errors cost).
4. **Clusters.** Links are taken strongest first and merge two groups only
   when no pair across them is in conflict (so that chains do not glue
   different things together).

Ids: ``series_id`` is ``s`` and 12 hex digits of a hash of the series' first
fact (smallest article_id, then fact_id); ``claim_id`` is the series id and
the value (``s0123456789ab-6000``, ``...-100-200`` for a range). With
``previous`` ids (the store's), a series keeps the id most of its facts had.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import math
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import pandas as pd

from .countries import Countries, name_key
from .languages import DEFAULT_LANG, language_data
from .schema import is_currency
from .syntax import strip_accents

# two articles published further apart than this tell different stories
STORY_DAYS = 60
# a named word in more than WORD_SHARE of the batch's articles (at least MIN_WORD_ARTICLES, at most
# MAX_WORD_ARTICLES) does not tell a story
WORD_SHARE = 0.05
MIN_WORD_ARTICLES = 5
MAX_WORD_ARTICLES = 50
# named words two articles must share to tell one story; one is enough for two articles published
# within STORY_CLOSE_DAYS of each other (both dates known)
STORY_MIN_WORDS = 2
STORY_CLOSE_DAYS = 7
# marks a shared figure among the words that tell a story (names are letters only)
FIGURE_MARK = "#"
# a figure of at least PRECISE_DIGITS significant digits (marked so) tells a story with one shared name
PRECISE_MARK = "##"
PRECISE_DIGITS = 3
# two dated figures of one day-like time (at most SHORT_DAYS long) are as-of dates: compatible within GAP_DAYS
SHORT_DAYS = 14
GAP_DAYS = 14
# two periods are the same period when their overlap is at least this share of their union
PERIOD_JACCARD = 0.5
# two periods from one day, both longer than this, are a running total as of two days (not months)
RUNNING_DAYS = 62
# a period at least this long is a year (or more): one amount in two years is two figures
YEAR_DAYS = 360
# two different values of one series are at most this many times apart
MAX_RATIO = 10.0
# two periods told by their length are two measures when one is longer than twice the other (a year, a quarter)
SPAN_RATIO = 2.0
# cosine of word vectors above which two ``who`` with no word in common still agree (same value only)
VECTOR_SIM = 0.45
# added to a link's strength when both facts name one place: between links otherwise equal, the figure of
# the same place goes first (a figure without a place may be of a wider one)
SAME_PLACE_BONUS = 0.01
# a cluster is checked for conflicts against at most this many members of the other
CHECK_MEMBERS = 40
TOKEN_LEN = 5
# what grouping reads of a fact
READ_COLUMNS = ("article_id", "fact_id", "who", "event_type", "how_many", "how_many_high", "unit", "when_start",
                "when_end", "where", "source", "evidence", "char_start", "published", "mention_start", "mention_end",
                "qualifier")
# a title's rounded figure ("près de 700 migrants secourus") is the body's figure (692) within this share of it
ROUNDING = 0.05

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_NAME = re.compile(r"\b[A-ZÀ-ÖØ-Þ][^\W\d_]*(?:[-'’][^\W\d_]+)*", re.UNICODE)


@dataclass(frozen=True)
class SeriesWords:
    """A language's words for grouping (``models/<lang>/series.json``)."""

    part: re.Pattern
    comparison: re.Pattern
    stopwords: frozenset[str]
    head_first: bool
    wide_places: frozenset[str]
    generic_names: frozenset[str]
    # per event_type, head nouns that only restate what is counted ("morts", "personnes", "victimes", "civils")
    generic_heads: dict[str, frozenset[str]]
    # the same without the nouns of people who form a group of their own ("civils", "habitants"): the words that
    # only restate a count ("personnes", "victimes", "morts")
    restating_heads: dict[str, frozenset[str]]
    rival: re.Pattern
    # the head noun of a toll's unit that names its event_type ("blessés": wounded), whatever extraction typed
    toll_nouns: dict[str, str]
    time_units: frozenset[str]
    # the number pack's scale words ("millions"), as tokens: not what a figure counts
    scales: frozenset[str] = frozenset()
    # how a live blog's time-stamped entry opens ("18 h 20 –")
    live_entry: re.Pattern | None = None
    # letters that end a plural ("s", "x"): "mort" and "morts" are one noun
    plural_endings: frozenset[str] = frozenset()
    # generic_names as whole words, lowercased without accents ("prefecture")
    institutions: frozenset[str] = frozenset()
    # the relation lexicon's event nouns ("suppressions"), as tokens: "240 suppressions de postes" counts posts
    event_nouns: frozenset[str] = frozenset()
    # words that join names into an enumeration ("Caixas et Llauro"), and the words that may stand beside them
    enumeration_joiners: frozenset[str] = frozenset()
    enumeration_fillers: frozenset[str] = frozenset()
    # nouns that count one group ("rescapés", "survivants"): each noun's token -> the token of its set's first noun
    same_groups: dict[str, str] = field(default_factory=dict)
    # the number pack's percent words ("%", "pour cent") opening the text after a figure
    percent_after: re.Pattern | None = None
    # the words after a compared figure that make it another reference period's or occurrence's ("contre 4,8 %
    # l'an dernier", "contre 9 100 lors de la précédente journée"): a period noun and a word that puts it before
    period_nouns: re.Pattern | None = None
    earlier_words: re.Pattern | None = None
    # the words after a compared figure that make it another holder's ("contre 60 000 euros pour le finaliste")
    # or another place's ("contre 5,9 % en Bretagne", "contre 7,4 % au niveau national")
    holder_words: re.Pattern | None = None
    # after a holder word, nouns that name the compared count itself ("contre 35 pour le bilan de la veille")
    own_count_nouns: frozenset[str] = frozenset()
    place_words: re.Pattern | None = None
    wider_scopes: re.Pattern | None = None
    # a pronoun that stands for the counted noun before the verb of a figure ("l'association en recense 61")
    partitive: re.Pattern | None = None
    # words that attribute a figure ("selon"): "18 500 selon la police, 45 000 selon les syndicats" are rivals
    attribution: re.Pattern | None = None
    attributed: re.Pattern | None = None
    # words that tell a figure is an earlier state of a toll told elsewhere ("Un précédent bilan ... 9 morts")
    earlier_state: re.Pattern | None = None
    # words that set a figure's sentence apart as another event ("Par ailleurs", "In a separate attack")
    separate_event: re.Pattern | None = None
    # a comparison word followed by a figure written in digits ("contre 23")
    comparison_ahead: re.Pattern | None = None
    # words that tell a toll told again as it changes, right before its figure ("le bilan passe à", "rose to")
    update: re.Pattern | None = None
    # a name, then one that holds it ("Badaroux, en Lozère", "Ripoll (Gérone)")
    located: re.Pattern | None = None
    # the relation lexicon's units of measure ("hectares", "acres"), lowercased: a figure in one is not one in another
    measure_units: frozenset[str] = frozenset()
    # each spelling of a unit of measure, lowercased, mapped to its set's first ("kg", "kilos": "kilos"): a figure in
    # one unit is no figure in another ("38 kilos", "38 tonnes")
    unit_spellings: dict[str, str] = field(default_factory=dict)
    # phrases after a figure that give the length of the period it measures ("en baisse de 30 % sur un an"), in days
    spans: tuple[tuple[re.Pattern, int], ...] = ()
    span_any: re.Pattern | None = None
    # words that set a count apart as an increment on a toll ("deux nouveaux corps"): never the whole toll
    increment_words: frozenset[str] = frozenset()
    # words that set a sentence's figure against the one told before it by another party ("Les autorités
    # évoquent pour leur part 30 blessés")
    turn: re.Pattern | None = None
    # a comparison word anywhere, and a word that pairs figures in order ("respectivement")
    comparison_any: re.Pattern | None = None
    respective: re.Pattern | None = None
    # the date pack's parts of a day and days counted from another ("matin", "veille"), as tokens: a time read as
    # the who of a compared figure ("contre 23 le matin") names no group
    time_heads: frozenset[str] = frozenset()


def _marker_pattern(words: Iterable[str]) -> re.Pattern:
    alternatives = sorted((re.escape(w.lower()).replace("\\ ", r"\s+") for w in words), key=len, reverse=True)
    # the marker ends the text before the figure: "dont 40", "contre 35"
    return re.compile(r"(?:^|\W)(?:" + "|".join(alternatives) + r")\W*$", re.UNICODE)


@lru_cache(maxsize=8)
def series_words(lang: str = DEFAULT_LANG) -> SeriesWords:
    data = language_data(lang).series
    wide = Countries(lang, language_data(lang).places, function_words=language_data(lang).slot_stopwords).wide_keys
    plural = frozenset(data.get("plural_endings", ()))

    def with_singular(found: frozenset[str]) -> frozenset[str]:
        return found | {t[:-1] for t in found if len(t) > 3 and t[-1] in plural}

    return SeriesWords(
        part=_marker_pattern(data["part_markers"]),
        comparison=_marker_pattern(data["comparison_markers"]),
        stopwords=frozenset(strip_accents(w.lower()) for w in data["stopwords"]),
        head_first=data["head_position"] == "first",
        wide_places=frozenset(wide),
        generic_names=frozenset(t for w in data["generic_names"] for t in tokens(w, frozenset())),
        institutions=frozenset(strip_accents(w.lower()) for w in data["generic_names"]),
        generic_heads={event: with_singular(heads) for event, heads in _generic_heads(
            language_data(lang).relations, data["people_nouns"]).items()},
        restating_heads={event: with_singular(heads) for event, heads in _generic_heads(
            language_data(lang).relations).items()},
        rival=re.compile(r"(?:^|\W)(?:" + "|".join(
            re.escape(w.lower()).replace("\\ ", r"\s+") for w in data["rival_markers"]) + r")(?:\W|$)", re.UNICODE),
        toll_nouns=_toll_nouns(language_data(lang).relations),
        time_units=_time_units(lang),
        scales=frozenset(t for w in language_data(lang).numbers.get("scales", {}) for t in tokens(w, frozenset())),
        live_entry=re.compile(data["live_entry"]) if data.get("live_entry") else None,
        plural_endings=plural,
        event_nouns=with_singular(frozenset(t for w in language_data(lang).relations.get("event_nouns", [])
                                            for t in tokens(w, frozenset())[:1])),
        enumeration_joiners=frozenset(data.get("enumeration_joiners", ())),
        enumeration_fillers=frozenset(data.get("enumeration_fillers", ())),
        same_groups=_same_groups(data.get("same_groups", ()), plural),
        percent_after=_percent_after(language_data(lang).numbers.get("percent_words", ["%"])),
        period_nouns=_word_pattern(data.get("other_period_nouns", ())),
        earlier_words=_word_pattern(data.get("earlier_words", ())),
        holder_words=_word_pattern(data.get("other_holder_words", ()), r"^\W*", r"\s+(?:[^\W\d_]|l['’])"),
        own_count_nouns=with_singular(frozenset(t for w in data.get("own_count_nouns", ())
                                                for t in tokens(w, frozenset()))),
        place_words=_word_pattern(data.get("place_prepositions", ()), r"(?:^|\W)", r"\s+(?:l['’])?(?=[A-ZÀ-ÖØ-Þ])",
                                  flags=re.UNICODE),
        wider_scopes=_word_pattern(data.get("wider_scopes", ())),
        partitive=_word_pattern(data.get("partitive_pronouns", ()), r"(?:^|\W)",
                                r"\s+(?:[^\W\d_]+['’]?\s+){1,3}$"),
        attribution=_word_pattern(data.get("attribution_markers", ())),
        attributed=_word_pattern(data.get("attribution_markers", ()), r"^[^\w]*"),
        earlier_state=_word_pattern(data.get("earlier_state_phrases", ())),
        separate_event=_word_pattern(data.get("separate_event_markers", ())),
        comparison_ahead=_word_pattern(data["comparison_markers"], r"(?:^|\W)", r"\s+(?=\d)"),
        time_heads=_time_heads(language_data(lang).dates, data["stopwords"]),
        comparison_any=_word_pattern(data["comparison_markers"]),
        update=_word_pattern(data.get("update_markers", ()), r"(?:^|\W)", r"(?:\s+[^\W\d_]+){0,2}\W*$"),
        located=_located_pattern(data.get("place_prepositions", ()), data.get("enumeration_fillers", ())),
        respective=_word_pattern(data.get("respective_markers", ())),
        turn=_word_pattern(data.get("turn_markers", ())),
        measure_units=frozenset(w.lower() for w in language_data(lang).relations.get("measure_units", ())),
        unit_spellings={w.lower(): group[0].lower() for group in data.get("unit_spellings", ()) for w in group},
        spans=tuple((_word_pattern([phrase]), int(days)) for phrase, days in data.get("span_phrases", {}).items()),
        span_any=_word_pattern(data.get("span_phrases", {})),
        increment_words=with_singular(frozenset(t for w in data.get("increment_words", ())
                                                for t in tokens(w, frozenset()))),
    )


def _time_heads(dates: dict, stopwords: Iterable[str]) -> frozenset[str]:
    """The content words of the date pack's parts of a day and of its days counted from another ("matin", "veille",
    "morning"), as tokens."""
    stop = frozenset(strip_accents(w.lower()) for w in stopwords)
    phrases = [*dates.get("day_parts", ()), *dates.get("relative_days", {}), *dates.get("relative_to_previous", {})]
    return frozenset(t for w in phrases for t in tokens(w, stop))


_NAME_TEXT = r"[A-ZÀ-ÖØ-Þ][^\W\d_]*(?:[-'’ ][A-ZÀ-ÖØ-Þ][^\W\d_]*)*"


def _located_pattern(prepositions: Iterable[str], fillers: Iterable[str]) -> re.Pattern | None:
    """A name, a comma and a preposition of place, or a parenthesis, then a name: the second holds the first ("à
    Badaroux, en Lozère", "Ripoll (Gérone)"); fillers may stand before the second ("dans la Loire")."""
    preps = "|".join(sorted((re.escape(w) for w in prepositions), key=len, reverse=True))
    if not preps:
        return None
    fill = "|".join(sorted((re.escape(w) for w in fillers), key=len, reverse=True))
    fill_part = rf"(?:(?:{fill})(?:\s+|['’]))*" if fill else ""
    return re.compile(rf"({_NAME_TEXT})(?:,\s+(?:{preps})\s+{fill_part}|\s+\(){fill_part}({_NAME_TEXT})")


def _word_pattern(words: Iterable[str], before: str = r"(?:^|\W)", after: str = r"(?:\W|$)",
                  flags: int = re.UNICODE | re.IGNORECASE) -> re.Pattern | None:
    """Any of ``words`` (phrases: any spaces between their words) between ``before`` and ``after``; None for none."""
    alternatives = sorted((re.escape(w).replace("\\ ", r"\s+") for w in words), key=len, reverse=True)
    if not alternatives:
        return None
    return re.compile(before + "(?:" + "|".join(alternatives) + ")" + after, flags)


def _same_groups(groups: Iterable[Iterable[str]], plural: frozenset[str]) -> dict[str, str]:
    """Each noun of a set of nouns that count one group, as the head of a ``who`` or a unit is read (its first
    word, whole, without its plural ending), mapped to its set's first."""
    out: dict[str, str] = {}
    for nouns in groups:
        # whole words: cut to five letters, "militants" would be "militaires" and so "soldats"
        heads = [found[0] for found in (_whole_words(w, frozenset()) for w in nouns) if found]
        heads = [t[:-1] if len(t) > 3 and t[-1] in plural else t for t in heads]
        for t in heads[1:] if heads else ():
            out[t] = heads[0]
        if heads:
            out[heads[0]] = heads[0]
    return out


def _generic_heads(relations: dict, people: Iterable[str] = ()) -> dict[str, frozenset[str]]:
    """The relation lexicon's generic nouns, the nouns that name people without a group, and each
    event_type's own trigger words, as head tokens."""
    generic = {t for w in [*relations.get("generic_nouns", []), *people] for t in tokens(w, frozenset())}
    triggers = relations.get("event_triggers", {})
    return {event: frozenset(generic | {t for w in words for t in tokens(w, frozenset())})
            for event, words in triggers.items()} | {"": frozenset(generic)}


# a toll's event_types: a figure typed as one of them (or as other) whose counted noun names another is a
# figure of that other ("23 blessés" typed killed); casualties' nouns (victimes, pertes) name no one type
TOLL_TYPES = ("killed", "wounded", "missing")
RETYPED = (*TOLL_TYPES, "casualties", "other")


def _toll_nouns(relations: dict) -> dict[str, str]:
    """One-word triggers of exactly one toll event_type, as tokens (not the generic nouns: "cas")."""
    generic = {t for w in relations.get("generic_nouns", []) for t in tokens(w, frozenset())}
    seen: dict[str, set[str]] = defaultdict(set)
    for event, words in relations.get("event_triggers", {}).items():
        for w in words:
            found = tokens(w, frozenset())
            if len(found) == 1:
                seen[found[0]].add(event)
    return {t: next(iter(events)) for t, events in seen.items()
            if len(events) == 1 and next(iter(events)) in TOLL_TYPES and t not in generic}


def _toll_type(event_type: str, unit, words: SeriesWords) -> str:
    """The event_type grouping reads: a toll whose counted noun names another toll type takes that one."""
    if event_type not in RETYPED or not isinstance(unit, str):
        return event_type
    found = tokens(unit, frozenset())
    return words.toll_nouns.get(found[0], event_type) if len(found) == 1 else event_type


def tokens(text, stopwords: frozenset[str]) -> list[str]:
    """Content words of a phrase, lowercased, without accents, cut to their first five letters."""
    if not isinstance(text, str) or not text:
        return []
    return list(_tokens(text, stopwords))


@lru_cache(maxsize=20_000)
def _whole_words(text: str, stopwords: frozenset[str]) -> tuple[str, ...]:
    """The words :func:`tokens` reads, not cut."""
    words = _WORD.findall(strip_accents(text.lower()))
    return tuple(w for w in words if w not in stopwords and len(w) > 1)


@lru_cache(maxsize=20_000)
def _tokens(text: str, stopwords: frozenset[str]) -> tuple[str, ...]:
    # a batch repeats its who, units, places and sources many times: the frequent ones are read once (bounded:
    # memory must not grow with the store)
    words = _WORD.findall(strip_accents(text.lower()))
    return tuple(w[:TOKEN_LEN] for w in words if w not in stopwords and len(w) > 1)


# -- word vectors ------------------------------------------------------------------------------------


@lru_cache(maxsize=4)
def _vectors(lang: str):
    """The language model's word vectors (the pipeline's if already loaded, else the model without its pipes;
    none when the model is not installed: its articles were skipped)."""
    import spacy
    from spacy.vectors import Vectors

    from .languages import model_installed, model_name
    from .nlp import loaded_nlp

    nlp = loaded_nlp(lang)
    if nlp is not None:
        return nlp.vocab.vectors
    model = model_name(lang)
    if not model_installed(model):
        return Vectors(shape=(0, 0))
    nlp = spacy.load(model, exclude=["tok2vec", "morphologizer", "parser", "senter", "attribute_ruler",
                                     "lemmatizer", "ner", "tagger"])
    return nlp.vocab.vectors


class _PhraseVectors:
    """Unit mean vectors of phrases, one lookup per distinct phrase.

    source: a language code (its model's vectors), a spaCy ``Vectors`` table, or None (no vectors).
    """

    def __init__(self, source) -> None:
        self.source = source
        self.cache: dict[str, np.ndarray | None] = {}

    def __call__(self, phrase: str | None) -> np.ndarray | None:
        if self.source is None or not phrase:
            return None
        if phrase not in self.cache:
            vectors = _vectors(self.source) if isinstance(self.source, str) else self.source
            rows = [vectors.find(key=w) for w in _WORD.findall(phrase.lower())]
            rows = [r for r in rows if r >= 0]
            vec = None
            if rows:
                v = np.asarray(vectors.data[rows]).mean(axis=0)
                norm = float(np.linalg.norm(v))
                vec = v / norm if norm else None
            self.cache[phrase] = vec
        return self.cache[phrase]


# -- one fact as the grouping sees it ----------------------------------------------------------------


@dataclass(slots=True)
class _Fact:
    row: int
    article: str
    fact_id: int
    event_type: str
    block: tuple
    value: tuple | None
    head: str | None
    # the words of a compound head ("sapeurs-pompiers": sapeurs, pompiers): "pompiers" names the same group
    head_parts: frozenset
    generic_head: bool
    mods: frozenset
    words: frozenset
    vec: np.ndarray | None
    place: frozenset
    # the named words of the fact's sentence: the places it names besides the one read as ``where``
    names: frozenset
    wide_place: bool
    source: frozenset
    start: int | None
    end: int | None
    published: int | None
    part: bool
    comparison: bool
    sentence: int | None
    position: int
    # facts of the same sentence this one is set against by a rival marker ("tandis que")
    rivals: frozenset = frozenset()
    # of a percentage: the words after it up to the clause's end ("40 % des effectifs du site"), what it is a
    # share of, which extraction's ``who`` may miss ("site")
    share_of: frozenset = frozenset()
    # of a count: the first two words after it in its clause ("240 suppressions de postes"), what the
    # sentence counts however extraction chose the head ("suppressions") and another outlet wrote it ("postes")
    counted: frozenset = frozenset()
    # of a count whose noun the sentence leaves out: the actor extraction read for unit ("la préfecture s'en
    # tient à 850": prefe)
    elided: str | None = None
    # a count whose noun a pronoun stands for ("l'association en recense 61"), and the fact whose noun it takes
    pronoun: bool = False
    antecedent: int | None = None
    # a compared figure of another reference period, occurrence, holder or place ("contre 4,8 % l'an dernier")
    apart: bool = False
    # its clause goes on with its own attribution ("45 000 selon les syndicats")
    attributed: bool = False
    # its sentence tells it as an earlier state of a toll ("Un précédent bilan faisait état de 9 morts")
    earlier_state: bool = False
    # its sentence tells another event than the article's ("Par ailleurs, un accident de car a fait 12 morts")
    separate_event: bool = False
    # its qualifier ("approx" for "près de 700")
    qualifier: str = "exact"
    # told as the new state of a toll ("the toll rose to 34", "le bilan passe à 21 blessés")
    update: bool = False
    # the places the batch's sentences put its place in ("à Badaroux, en Lozère": lozer for Badaroux)
    held_by: frozenset = frozenset()
    # a count whose ``who`` names a holder, not what is counted ("Reform UK" for 7 450 votes)
    holder: bool = False
    # the fact's sentence opens a live blog's entry ("18 h 20 – ..."); live: its article holds such entries
    entry: bool = False
    live: bool = False
    # its place without the words that name no place of their own ("Nord-Kivu": kivu), as the names are read
    place_core: frozenset = frozenset()
    # the names its sentence enumerates ("des hameaux de Caixas et de Llauro"): a figure of them all
    enumerated: frozenset = frozenset()
    # the places read for the other figures of its kind in its sentence ("28 500 à Paris, 18 000 à Lyon")
    sibling_places: frozenset = frozenset()
    # the group its head noun counts: the head, or the first noun of its set of ``same_groups`` ("survivants" for
    # "rescapés")
    kind: str | None = None
    # the length in days of the period its clause says it measures ("30 % sur un an": 365)
    span: int | None = None
    # its unit of measure, one spelling for all ("kg", "kilos": "kilos"); None for a count of things or people
    measure: str | None = None
    # of a place's figure told as a part of a wider place's total ("250 000 en France, dont 31 000 à Paris"): the
    # total's place, whose own figures are not this place's
    within: frozenset = frozenset()
    # its place is its article's dateline, read for it by extraction: where the report was written
    dateline: bool = False


def _unit_kind(unit, event_type: str) -> tuple:
    if not isinstance(unit, str) or not unit:
        return (event_type, "count")
    if unit == "%":
        return ("%",)
    if is_currency(unit):
        return (event_type, "money", unit)
    return (event_type, "count")


def _day(value) -> int | None:
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return None
    try:
        return pd.Timestamp(value).toordinal()
    except (ValueError, TypeError):
        return None


def _num(value) -> float | None:
    if value is None or value is pd.NA:
        return None
    try:
        v = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(v) else v


def _value_key(low: float | None, high: float | None) -> tuple | None:
    if low is None:
        return None
    return (round(low, 6), None if high is None else round(high, 6))


def _before_mention(row: dict) -> str:
    evidence, start, sent = row.get("evidence"), _num(row.get("mention_start")), _num(row.get("char_start"))
    if not isinstance(evidence, str) or start is None or sent is None:
        return ""
    at = int(start - sent)
    return evidence[max(0, at - 40):at].lower() if 0 < at <= len(evidence) else ""


# the rest of a figure's digits and its percent sign ("6 000", "4,8 %"), not the comma that ends its clause ("61, en
# comptant ...")
def _sentence_before(row: dict) -> str:
    """The whole text of a fact's sentence before its figure (lowercased)."""
    evidence, start, sent = row.get("evidence"), _num(row.get("mention_start")), _num(row.get("char_start"))
    if not isinstance(evidence, str) or start is None or sent is None:
        return ""
    return evidence[:max(0, int(start - sent))].lower()


_NUMBER_LEAD = re.compile(r"^(?:[\d%]|[\s\u202f\xa0.,](?=[\d%]))*")
_CLAUSE_END = re.compile(r"[,;:.!?()\u2013\u2014]")


def _clause_after(row: dict) -> str | None:
    """The text after a figure, within its clause ("40 % des effectifs du site, ..." : "des effectifs du site");
    None when the row does not say where its figure stands."""
    evidence, start, sent = row.get("evidence"), _num(row.get("mention_start")), _num(row.get("char_start"))
    if not isinstance(evidence, str) or start is None or sent is None:
        return None
    end = _num(row.get("mention_end"))
    # from the figure's end (a figure in words, "deux avions", is no word after it), else its start
    at = int((end if end is not None and end > start else start) - sent)
    if not 0 <= at <= len(evidence):
        return None
    after = evidence[at:at + 60]
    after = after[_NUMBER_LEAD.match(after).end():]
    return _CLAUSE_END.split(after, maxsplit=1)[0]


def _after_figure(row: dict, words: SeriesWords, clause: str | None) -> tuple[str, ...] | None:
    """The content words after a figure, within its clause (:func:`_clause_after`), scale words left out ("40 %
    des effectifs du site": effe, site; "240 suppressions de postes à Vierzon": suppr, poste, vierz)."""
    if clause is None:
        return None
    return tuple(t for t in tokens(clause, words.stopwords) if t not in words.scales)


def _compared_apart(clause: str, words: SeriesWords, said_before: str = "") -> bool:
    """The words after a compared figure make it another reference period's or occurrence's ("contre 4,8 % l'an
    dernier", "contre 9 100 lors de la précédente journée de grève", "up from 30 a year earlier"), another
    holder's ("contre 60 000 euros pour le finaliste") or another place's ("contre 5,9 % en Bretagne", "contre
    7,4 % au niveau national"): another series. Only the earlier state of the same running count ("contre 35
    auparavant", "contre 14 la veille", "up from 27 in the previous toll") joins the figure's series."""
    if _period_before(clause, words):
        return True
    if words.holder_words and _other_holder(clause, words):
        return True
    scope = words.wider_scopes.search(clause) if words.wider_scopes else None
    if scope is not None and not _word_pattern([re.sub(r"\W+", " ", scope.group()).strip()]).search(said_before):
        # (not when the sentence said it of the figure compared too: "6 heures en moyenne, contre 4 heures en
        # moyenne auparavant" is one average's earlier state, review-14a)
        return True
    for m in words.place_words.finditer(clause) if words.place_words else ():
        name = _NAME.match(clause, m.end())
        # (a generic name is no place, "in January", unless a country or a wide region: "contre 7,4 % en France")
        if name and (not set(tokens(name.group(), frozenset())) <= words.generic_names
                     or name_key(name.group()) in words.wide_places):
            return True
    return False


_FIRST_WORD = re.compile(r"^\W*\w+")


def _other_holder(clause: str, words: SeriesWords) -> bool:
    """A holder word opens the words after a compared figure ("contre 3 689 pour le maire sortant"), and the two
    content words after it name no count of the figure's own ("contre 35 pour le bilan de la veille", "contre 35
    pour le précédent bilan": the earlier state of the same toll)."""
    m = words.holder_words.search(clause)
    if m is None:
        return False
    after = _FIRST_WORD.sub("", clause[m.start() :], count=1)  # the holder word itself left out
    named = tokens(after, words.stopwords)[:2]
    return not any(t in words.own_count_nouns for t in named)


def _period_before(clause: str, words: SeriesWords) -> bool:
    """A period noun with a word that puts it before, next to it (a word at most between them: "l'an dernier", "la
    précédente journée de grève", "il y a un an", "a year earlier"): another period or occurrence. Apart, the
    earlier word may time the compared figure within the same period ("contre 20 plus tôt dans la journée", the
    morning's toll)."""
    if not words.period_nouns or not words.earlier_words:
        return False
    nouns = [m.span() for m in words.period_nouns.finditer(clause)]
    earlier = [m.span() for m in words.earlier_words.finditer(clause)]
    return any(len(_WORD.findall(clause[min(a[1], b[1]) : max(a[0], b[0])])) <= 1 for a in nouns for b in earlier)


_BARE_FIGURE = re.compile(r"[\d\s\u202f\xa0.,]+")


def _percent_after(percent_words: Iterable[str]) -> re.Pattern:
    alternatives = sorted((re.escape(w).replace("\\ ", r"\s+") for w in percent_words), key=len, reverse=True)
    return re.compile(r"\s*(?:" + "|".join(alternatives) + ")", re.IGNORECASE)


def _bare_figure(row: dict, words: SeriesWords) -> bool:
    """The row's figure is over 100, written in digits alone, and no percent word follows it (a share of up to
    100 written so, "38 points", may be a percentage whose word the pack lacks)."""
    value = _num(row.get("how_many"))
    if value is None or value <= 100:
        return False
    evidence, start, sent, end = (row.get("evidence"), _num(row.get("mention_start")), _num(row.get("char_start")),
                                  _num(row.get("mention_end")))
    if not isinstance(evidence, str) or start is None or sent is None or end is None or words.percent_after is None:
        return False
    at, to = int(start - sent), int(end - sent)
    if not 0 <= at < to <= len(evidence) or not _BARE_FIGURE.fullmatch(evidence[at:to]):
        return False
    return words.percent_after.match(evidence, to) is None


def _compound_parts(unit: str, words: SeriesWords) -> frozenset:
    """The parts of a hyphenated head noun, the unit's first word ("sapeurs-pompiers"); none for one word."""
    first = unit.split()[0] if unit.split() else ""
    parts = tokens(first, words.stopwords) if "-" in first else []
    return frozenset(parts) if len(parts) > 1 else frozenset()


def _singular(found: list[str], words: SeriesWords) -> list[str]:
    """Short words of ``who`` and ``unit`` without their plural ending ("mort" and "morts", "élu" and "élus":
    one noun; longer words are cut to five letters before the ending counts)."""
    return [t[:-1] if len(t) > 3 and t[-1] in words.plural_endings else t for t in found]


def _is_duration(unit, time_units: frozenset[str]) -> bool:
    return isinstance(unit, str) and unit in time_units


def _row_block(row: dict, words: SeriesWords) -> tuple[str, tuple]:
    """A row's event_type as grouping reads it, and its block (event_type, kind of unit)."""
    unit = row.get("unit") if isinstance(row.get("unit"), str) else None
    event_type = _toll_type(str(row.get("event_type") or "other"), unit, words)
    if _is_duration(unit, words.time_units):
        return event_type, (event_type, "duration", unit)
    return event_type, _unit_kind(unit, event_type)


def _row_block_value(row: dict, words: SeriesWords) -> tuple[tuple, tuple | None]:
    return _row_block(row, words)[1], _value_key(_num(row.get("how_many")), _num(row.get("how_many_high")))


def _fact(n: int, row: dict, words: SeriesWords, vectors: _PhraseVectors, time_units: frozenset[str]) -> _Fact:
    unit = row.get("unit") if isinstance(row.get("unit"), str) else None
    event_type, block = _row_block(row, words)
    if block == ("%",) and _bare_figure(row, words):
        # "soit 40 % des effectifs, et 520 en France": a figure in digits with no percent word after it, read as
        # a percentage by extraction from the share before it, counts (what its who names)
        unit, block = None, _unit_kind(None, event_type)
    who = row.get("who") if isinstance(row.get("who"), str) else None
    who_words = _singular(tokens(who, words.stopwords), words)
    head, head_parts, whole_head = None, frozenset(), None
    if block[-1] == "count" and unit:
        unit_words = _singular(tokens(unit, words.stopwords), words)
        head = unit_words[0] if unit_words else None
        whole_head = _singular(list(_whole_words(unit, words.stopwords)[:1]), words)
        head_parts = _compound_parts(unit, words)
    if head is None and who_words:
        head = who_words[0] if words.head_first else who_words[-1]
        whole = _singular(list(_whole_words(who, words.stopwords)), words)
        whole_head = whole[:1] if words.head_first else whole[-1:]
    # the set of same_groups the head noun is in, by its whole word
    kind = None if head is None else words.same_groups.get(whole_head[0], whole_head[0]) if whole_head else head
    # a who without the counted noun ("feu" for 2 800 hectares) names the actor, not a kind of the
    # counted thing: it cannot disagree with another figure's (unless the count only restates a toll)
    generic_head = head is not None and head in words.generic_heads.get(event_type, words.generic_heads[""])
    if generic_head and not words.increment_words.isdisjoint(who_words):
        # "deux nouveaux corps": a count added to the toll, not a restating of it
        generic_head = False
    generic = words.restating_heads.get(event_type, words.restating_heads[""])
    # of a toll whose noun only restates the count ("64 morts"), a who that restates it too ("victimes", "personnes")
    # names no group of the dead that another report's could disagree with: no modifier ("habitants" still does)
    mods = frozenset(w for w in who_words if w != head and not (generic_head and w in generic))
    if block[-1] == "count" and unit and not generic_head and head not in who_words:
        mods = frozenset()
    elif mods and generic_head and unit and head not in who_words and _title_subject(
            who.split()[0], row.get("evidence")):
        # a toll's who read from the word its title opens with ("Séisme : 38 morts"): the title's subject, the
        # event, no group of the dead that another report's group could disagree with
        mods, who_words = frozenset(), []
    where = row.get("where") if isinstance(row.get("where"), str) else None
    evidence = row.get("evidence")
    before = _before_mention(row)
    clause = _clause_after(row)
    after = _after_figure(row, words, clause)
    found_after = after or ()
    comparison = bool(before) and words.comparison.search(before) is not None
    if head is not None and head in words.event_nouns and len(found_after) > 1 and found_after[0] == head:
        # "240 suppressions de postes": an event noun counts the noun after it, which another report names
        # alone ("310 postes menacés")
        head_parts = head_parts | {found_after[1]}
    names = frozenset(t for w in _sentence_names(evidence, words.stopwords, words.generic_names)
                      for t in w.split("-")) if isinstance(evidence, str) else frozenset()
    if after is not None and head is not None and block[-1] == "count" and unit and (_actor_as_unit(
            head, unit, after, names, words, evidence) or (comparison and head in words.time_heads)):
        # "la préfecture s'en tient à 850", "310 postes, pas 240" read with the unit "cgt": the figure's noun is
        # left out and extraction took the actor of the sentence for it; it names nothing counted (nor does the
        # time a compared figure is told of, "contre 23 le matin" read with the unit "matin")
        actor = head
        head, head_parts, mods, generic_head, who_words, kind = None, frozenset(), frozenset(), False, [], None
        who = unit = None
    else:
        actor = None
    pronoun = (block[-1] == "count" and not found_after and words.partitive is not None
               and words.partitive.search(before) is not None)
    if pronoun:
        # "l'association en recense 61", "la zone en compte désormais 27": a pronoun stands for the counted noun,
        # which the figure before it counts; the who or unit extraction read is the sentence's subject
        head, head_parts, mods, generic_head, who_words, kind = None, frozenset(), frozenset(), False, [], None
        who = unit = None
    return _Fact(
        row=n, article=str(row.get("article_id")), fact_id=int(_num(row.get("fact_id")) or 0),
        event_type=event_type, block=block,
        value=_value_key(_num(row.get("how_many")), _num(row.get("how_many_high"))),
        head=head, head_parts=head_parts, mods=mods, generic_head=generic_head,
        words=frozenset(who_words + ([head, kind[:TOKEN_LEN]] if head else [])),
        vec=vectors(who or unit if block[-1] == "count" else who),
        place=frozenset(tokens(where, words.stopwords)),
        names=names,
        wide_place=where is not None and name_key(where) in words.wide_places,
        source=frozenset(tokens(row.get("source"), words.stopwords)),
        start=_day(row.get("when_start")), end=_day(row.get("when_end")), published=_day(row.get("published")),
        part=bool(before) and words.part.search(before) is not None,
        comparison=comparison,
        apart=comparison and clause is not None and _compared_apart(clause, words, _sentence_before(row)),
        attributed=bool(clause and words.attributed and words.attributed.search(clause)),
        earlier_state=bool(words.earlier_state and words.earlier_state.search(_sentence_before(row))),
        separate_event=bool(words.separate_event and words.separate_event.search(_sentence_before(row))),
        qualifier=str(row.get("qualifier") or "exact"),
        update=bool(before and words.update and words.update.search(before)),
        sentence=None if _num(row.get("char_start")) is None else int(_num(row.get("char_start"))),
        position=int(_num(row.get("mention_start")) or 0),
        share_of=frozenset(found_after[:2]) if block == ("%",) else frozenset(),
        counted=frozenset(found_after[:2]) if block[-1] == "count" and head is not None else frozenset(),
        elided=actor,
        pronoun=pronoun,
        holder=block[-1] == "count" and head is not None and bool(who_words) and head not in who_words,
        place_core=frozenset(tokens(where, words.stopwords)) - words.generic_names,
        enumerated=_enumerated_names(evidence, words) if len(names) > 1 else frozenset(),
        entry=bool(words.live_entry and isinstance(evidence, str) and words.live_entry.match(evidence)),
        kind=kind,
        span=_span(clause, words),
        measure=_measure_unit(unit, words),
    )


def _measure_unit(unit: str | None, words: SeriesWords) -> str | None:
    """A unit of measure of the relation lexicon ("tonnes", "hectares"), as one spelling of its set."""
    if unit is None or unit.lower() not in words.measure_units:
        return None
    return words.unit_spellings.get(unit.lower(), unit.lower())


def _span(clause: str | None, words: SeriesWords) -> int | None:
    """The length in days of the period a figure's clause says it measures ("en baisse de 30 % sur un an": 365)."""
    if not clause or words.span_any is None or not words.span_any.search(clause):
        return None
    return next((days for pattern, days in words.spans if pattern.search(clause)), None)


def _length(f: _Fact) -> int | None:
    """The length in days of the period a figure measures: the span its clause names, else its dated period when
    longer than a toll's day or week (a figure as of a day tells no length)."""
    if f.span is not None:
        return f.span
    if f.start is None:
        return None
    days = (f.end if f.end is not None else f.start) - f.start + 1
    return days if days > SHORT_DAYS else None


def _spans_apart(a: _Fact, b: _Fact) -> bool:
    """Two figures of periods of different lengths, one of them told by its span ("en baisse de 30 % sur un an")
    and the other by its span or its dates ("reculé de 12 % au troisième trimestre"): a change over a year and one
    over a quarter are two measures, whatever day each is told."""
    if a.span is None and b.span is None:
        return False
    x, y = _length(a), _length(b)
    return x is not None and y is not None and max(x, y) > SPAN_RATIO * min(x, y)


def _actor_as_unit(head: str, unit: str, after: tuple[str, ...], names: frozenset, words: SeriesWords,
                   evidence=None) -> bool:
    """A count's unit that is not written after its figure and names an actor (a name of the sentence, or an
    institution: ``generic_names``, the whole word: "intérieur" is no "interventions") is an actor
    extraction read for a noun the sentence leaves out. So is the word a title opens with, before its colon
    ("Intoxication à la cantine de Carpentras : le bilan passe à 64", read with the unit "intoxication"): the
    title's subject, not what its figure counts."""
    if head in after[:3]:
        return False
    raw = unit.split()[0] if unit.split() else ""
    first = strip_accents(raw.lower())
    return head in names or first in words.institutions or _title_subject(raw, evidence)


def _title_subject(word: str, evidence) -> bool:
    """``word`` opens its sentence (or a heading label's: "DIRECT. Intoxication ...") and a colon follows it."""
    if not word or not isinstance(evidence, str):
        return False
    capital = word[:1].upper() + word[1:]
    at = evidence.find(capital)
    return _heading_word(capital, evidence) and ":" in evidence[at + len(capital):]


# -- pair rules --------------------------------------------------------------------------------------


def _where_ok(a: _Fact, b: _Fact) -> bool:
    if not a.place or not b.place or a.place & b.place or a.dateline != b.dateline:
        # a wire's dateline town is no place of its figure against a place a text names; two wires' two dateline
        # towns still disagree (two reports written from two towns, neither naming a place: two events)
        return True
    if a.place <= b.names and b.place <= a.names:
        # each sentence names the other's place too ("les hameaux de Caixas et de Llauro"): one figure's
        # places, of which extraction read a different one
        return True
    if (a.place_core and a.place_core in b.held_by) or (b.place_core and b.place_core in a.held_by):
        # a sentence of the batch puts one place in the other ("à Badaroux, en Lozère"): one event's place at two
        # scales
        return True
    # a country or a wide region may hold the other place: no disagreement to be read
    return a.wide_place != b.wide_place


def _when_ok(a: _Fact, b: _Fact, same_article: bool) -> bool:
    if a.start is None or b.start is None:
        return True
    a_end, b_end = a.end if a.end is not None else a.start, b.end if b.end is not None else b.start
    if (a.start, a_end) == (b.start, b_end):
        return True
    len_a, len_b = a_end - a.start + 1, b_end - b.start + 1
    if not same_article and min(len_a, len_b) == 1 < max(len_a, len_b) - SHORT_DAYS + 1 and (
            _as_of_running(a, b) or _as_of_running(b, a)):
        return True
    if max(len_a, len_b) <= SHORT_DAYS:
        # figures as of a day: an article's two days are two things; two articles' days a toll's updates
        if same_article:
            return False
        if a.event_type == b.event_type == "other" and len_a == len_b == 1 and not a.measure and not b.measure and (
                a.value != b.value or a.qualifier != "exact" or b.qualifier != "exact"):
            # an untyped count or share of a day (demonstrators, a turnout, a strike rate) is that day's: two days,
            # two measures ("312 000 manifestants le 1er octobre", "198 000 le 8"); a toll's days, and an amount of
            # matter or land that grows as the event goes on (hectares burnt, tonnes collected), are its updates
            # (one value told by two articles on two days is one figure retold, each report dating it by its own
            # day: "240 postes supprimés" announced on the 24th, retold on the 4th); an approximate one is not: a
            # round figure repeats by rounding ("quelque 3 000 manifestants" two Saturdays running, two marches)
            return False
        gap = max(a.start, b.start) - min(a_end, b_end)
        return gap <= GAP_DAYS
    if a.start == b.start and min(len_a, len_b) > RUNNING_DAYS and not same_article:
        # a running total told as of two days ("depuis le début de l'année", in two reports)
        return True
    if a.start == b.start and not same_article and _up_to_report(a, a_end) and _up_to_report(b, b_end):
        # one running total told by two reports, each up to its own day ("depuis le 15 novembre", 12 foyers on
        # 1 December, 40 on 10 January): one reference period however short the first report's part of it
        return True
    overlap = min(a_end, b_end) - max(a.start, b.start) + 1
    union = max(a_end, b_end) - min(a.start, b.start) + 1
    return overlap > 0 and overlap / union >= PERIOD_JACCARD


def _up_to_report(f: _Fact, end: int) -> bool:
    """f's period runs from a day to its report's publication day (within a day): a running total."""
    return f.published is not None and end > f.start and abs(end - f.published) <= 1


def _named_together(a: _Fact, b: _Fact) -> bool:
    """a's sentence names b's place beside its own, without a figure of its own there ("Accident de car en
    Lozère : un mort et 23 blessés sur la RN 88"): the article puts both places on one event, one holding the
    other (no gazetteer says which), so two reports that read one or the other tell one toll."""
    core = b.place_core
    if not core or not core <= a.names or not a.place_core or not a.place_core <= a.names:
        return False
    if core <= a.enumerated and a.place_core <= a.enumerated:
        # "900 personnes évacuées des hameaux de Caixas et de Llauro": a figure of both places, not of one
        return False
    return not any(core <= p for p in a.sibling_places)


def _enumerated_names(evidence: str, words: SeriesWords) -> frozenset[str]:
    return _enumerated(evidence, words.enumeration_joiners, words.enumeration_fillers, words.stopwords)


@lru_cache(maxsize=4_096)  # the facts of one sentence come one after the other
def _enumerated(evidence: str, joiners: frozenset[str], fillers: frozenset[str],
                stopwords: frozenset[str]) -> frozenset[str]:
    """The name tokens of a sentence that stand in an enumeration: two names with only a joiner ("et"), commas
    and fillers ("de") between them ("Caixas, Llauro et Montauriol"; not "Badaroux, en Lozère")."""
    found: set[str] = set()
    matches = list(_NAME.finditer(evidence))
    run: list[re.Match] = []
    for m, n in zip(matches, matches[1:], strict=False):
        between = evidence[m.end():n.start()]
        between_words = [w.lower() for w in _WORD.findall(between)]
        allowed = all(w in joiners or w in fillers for w in between_words)
        joined = allowed and any(w in joiners for w in between_words)
        if allowed and ("," in between or joined):
            run += [m, n]
        if not allowed or "," not in between:
            if joined:
                found.update(t for r in run for t in tokens(r.group(), stopwords))
            run = []
    return frozenset(found)


def _as_of_running(a: _Fact, b: _Fact) -> bool:
    """a is a running total told up to its report ("depuis le 1er janvier": from a day to the publication
    day), b the same total told as of one day (the bulletin's day) within that period or up to GAP_DAYS after
    it, of the same place: one reference period told two ways, not a day against months."""
    if a.published is None or a.end is None or b.start is None:
        return False
    if a.end - a.start + 1 <= SHORT_DAYS or abs(a.end - a.published) > 1:
        return False
    if b.end is not None and b.end != b.start:
        return False
    # one place (or none in both): a day of another place is no as-of day of this total
    if bool(a.place) != bool(b.place) or (a.place and not a.place & b.place):
        return False
    return a.start <= b.start <= a.end + GAP_DAYS


def _cosine(a: _Fact, b: _Fact) -> float:
    if a.vec is None or b.vec is None:
        return 0.0
    return float(a.vec @ b.vec)


def _who_same_value(a: _Fact, b: _Fact, across_types: bool = True, vectors: bool = True) -> bool:
    """Looser: one figure told in other words ("pertes nord-coréennes", "soldats nord-coréens").

    across_types: two nouns that only restate a count agree even for two event_types (a twin extraction
    left untyped); else only within one ("50 % des habitants" evacuated, "50 % des blessés" are two).
    vectors: close word vectors also agree (they say two words are close, not that an untyped figure is
    the twin of a typed one: "hélicoptères", "blessés")."""
    if not a.words or not b.words:
        return True
    if a.generic_head and b.generic_head and (across_types or a.event_type == b.event_type):
        return True
    if a.share_of and b.share_of and (a.share_of <= b.share_of or b.share_of <= a.share_of):
        # one share of the same whole ("40 % des effectifs du site", "40 % des effectifs")
        return True
    if a.counted & b.counted & (a.words | b.words | a.head_parts | b.head_parts) and (
            a.event_type == b.event_type or across_types):
        # the words after each figure name one thing, the head of one of them ("240 suppressions de postes",
        # "240 postes supprimés"), not any word ("were")
        return True
    return bool(a.words & b.words) or (vectors and _cosine(a, b) >= VECTOR_SIM)


def _who_other_value(a: _Fact, b: _Fact) -> bool:
    """Stricter: another figure of the same group: same head noun, modifiers that do not disagree.

    Two figures set against each other in one sentence may leave the second's noun out ("une trentaine
    de personnes ..., et non 45"). Of an untyped figure (other), a noun that only restates a count
    ("personnes") tells nothing of what is measured: two such figures are not one series."""
    if b.row in a.rivals and (a.head is None or b.head is None):
        return True
    if a.head is None or b.head is None:
        return False
    if a.head != b.head and not (a.generic_head and b.generic_head) and not _compound_match(a, b) and not (
            _same_group(a, b)):
        return False
    if a.event_type == "other" and (a.generic_head or b.generic_head) and b.row not in a.rivals:
        return False
    return not a.mods or not b.mods or bool(a.mods & b.mods)


def _same_group(a: _Fact, b: _Fact) -> bool:
    """Two nouns of one set of ``same_groups`` ("rescapés", "survivants") in two articles: two outlets' words for
    one group (one writer's two nouns are two groups: "38 614 votes", "6 000 mail ballots"). Of a typed figure
    only: an untyped figure's noun is all that tells what it measures ("520 emplois en France", "70 postes
    d'intérimaires")."""
    return a.kind == b.kind and a.article != b.article and a.event_type != "other"


def _compound_match(a: _Fact, b: _Fact) -> bool:
    """One head is a compound holding the other ("sapeurs-pompiers", "pompiers")."""
    return a.head in b.head_parts or b.head in a.head_parts


def _ratio_ok(a: _Fact, b: _Fact) -> bool:
    x, y = abs(a.value[0]), abs(b.value[0])
    if x == 0 or y == 0:
        return x == y
    return max(x, y) / min(x, y) <= MAX_RATIO


def _same_specific_group(a: _Fact, b: _Fact) -> bool:
    """Two articles count the same named part of a toll: "parmi les morts figurent 11 enfants" and "dont 14
    enfants" (a part marker read in one only). A head that only restates the count ("blessés") names no part."""
    return (a.article != b.article and a.head is not None and a.head == b.head
            and not a.generic_head and not b.generic_head)


def _rivals(a: _Fact, b: _Fact) -> bool:
    """Two figures of one article from two sources, for the same place and time (both given or both not; of a
    toll, one dated as of its report's day and the other undated: an undated toll of a report is as of that day),
    or set against each other in one sentence ("17 civils tués, tandis que ... au moins 38 morts")."""
    if b.row in a.rivals:
        return True
    if (not a.source and not b.source) or a.source & b.source:
        return False
    if _unplaced_rival(a, b) or _unplaced_rival(b, a):
        return True
    if (a.start is None) != (b.start is None) and not (
            a.event_type in RIVAL_TOLL_TYPES and (_of_report_day(a) or _of_report_day(b))):
        return False
    if bool(a.place) != bool(b.place):
        return False
    return not a.place or bool(a.place & b.place)


def _of_report_day(f: _Fact) -> bool:
    """f is dated as of its report's day (the publication day or the day before): what an undated figure of the
    same report is as of too."""
    return (f.start is not None and f.published is not None and (f.end is None or f.end == f.start)
            and 0 <= f.published - f.start <= 1)


# the event_types of a count of people a toll reports, which rival sources put higher or lower
RIVAL_TOLL_TYPES = (*TOLL_TYPES, "casualties", "affected", "displaced")


def _unplaced_rival(a: _Fact, b: _Fact) -> bool:
    """b is a toll of another source in a's article told with no day and no place of its own ("À Riberalta, les
    pompiers avancent un bilan plus lourd, de 21 morts"; "MSF put the toll higher, at about 130"): the article's
    toll as another party counts it, not a toll of another time or place, when a is a toll as of its report (a
    day, not a period) of the same type. A higher toll only: a lower count with no time or place of its own may be a
    part of the toll ("Nine of the dead were children", "Of those, about 40,000 are staying in shelters")."""
    if a.event_type != b.event_type or a.event_type not in RIVAL_TOLL_TYPES or not b.source or b.part:
        return False
    if a.value is None or b.value is None or b.value[0] <= a.value[0]:
        return False
    if a.start is None or b.start is not None or (b.place and a.place and not a.place & b.place):
        return False
    a_end = a.end if a.end is not None else a.start
    return a_end - a.start + 1 <= SHORT_DAYS and a.published is not None and abs(a.published - a_end) <= SHORT_DAYS


def _conflict(a: _Fact, b: _Fact, forced: frozenset, vouched: bool = False, placed: bool = False) -> bool:
    """True when a and b cannot be in one series.

    vouched: a comparison says the two figures measure one thing (b retells the figure a was compared
    with), so their ``who`` need not name the same group; place, time and parts still apply.
    placed: a third article sets the figures a and b retell against each other: two places they name are
    one event's at two scales."""
    if (a.row, b.row) in forced or (b.row, a.row) in forced:
        return False
    if a.part != b.part and not _same_specific_group(a, b):
        return True
    if (a.within and b.place and b.place <= a.within) or (b.within and a.place and a.place <= b.within):
        # "dont 31 000 à Paris" is Paris's figure, no figure of the France it was a part of
        return True
    if a.measure and b.measure and a.measure != b.measure:
        # "38 kilos de résine", "38 tonnes de cuivre": two units of measure, two quantities, whatever the value
        return True
    if a.event_type != b.event_type and a.value != b.value:
        return True
    same_article = a.article == b.article
    same_value = not same_article and a.value is not None and a.value == b.value
    updated = same_article and _told_update(a, b)
    if not _when_ok(a, b, same_article and not updated) and not (same_value and _retold_amount(a, b)):
        return True
    if _spans_apart(a, b):
        return True
    # one figure told by two articles may name its place at two scales (Hyères, le Var): no gazetteer says
    # which holds which, so two places disagree only for two different figures, or within one article
    if not placed and not _where_ok(a, b) and (same_article or a.value != b.value) and not (
            not same_article and (_named_together(a, b) or _named_together(b, a))):
        return True
    if same_article:
        # one article states one figure once (extraction merges mentions): the same value twice is two
        # things; two values are one series only as rival figures of two sources
        if a.value == b.value or not (_rivals(a, b) or _live_update(a, b) or updated):
            return True
        return not (_who_other_value(a, b) and _ratio_ok(a, b))
    if a.value is None or b.value is None:
        return True
    if a.value != b.value:
        if not vouched and not (_who_other_value(a, b) and _ratio_ok(a, b)):
            return True
        if _past_period(a, b) or _past_period(b, a):
            return True
    return False


def _told_update(a: _Fact, b: _Fact) -> bool:
    """One of two toll figures of an article, in two sentences, is told as the toll's new state ("Air strike kills at
    least 31", then "The toll rose to 34 on Thursday"; "le bilan passe à 14 morts"): the article tells one toll
    as it changes, even a day later. Typed tolls of one type only (not parts, nor two groups: the rules after), and
    not a toll its sentence sets apart as another event ("Par ailleurs, un accident de car a fait 12 morts")."""
    return ((a.update or b.update) and a.sentence != b.sentence and a.event_type == b.event_type
            and a.event_type in TOLL_TYPES and not (a.separate_event or b.separate_event))


def _live_update(a: _Fact, b: _Fact) -> bool:
    """Two figures of a live blog told in two sentences: the blog tells one measure again as it changes, entry
    after entry ("12 h 15 – Premier bilan : 12 morts", "14 h 32 – Nouveau bilan : 27 morts"). Not a part and
    its total, nor a figure dated apart (the rules before this one), nor two groups (the rule after it). Typed
    figures only: of an untyped one (other), the noun does not tell what is measured ("2 000 postes non
    pourvus", "4 000 postes supprimés")."""
    return a.live and a.sentence != b.sentence and a.event_type != "other" and b.event_type != "other"


def _past_period(a: _Fact, b: _Fact) -> bool:
    """a is dated in a period that ended longer before b's article than a story lasts ("en 2019, 150 postes
    supprimés"), b is not dated: b is a figure as of its report, another period than a's."""
    if a.start is None or b.start is not None or b.published is None:
        return False
    return (a.end if a.end is not None else a.start) < b.published - STORY_DAYS


def _link(a: _Fact, b: _Fact, forced: frozenset) -> float | None:
    """The strength of the link between a and b, or None."""
    if (a.row, b.row) in forced or (b.row, a.row) in forced:
        return 3.0
    if _conflict(a, b, forced):
        return None
    if a.value == b.value:
        # an amount of money repeated to the unit names its figure better than the words around it
        # ("le gouvernement", "le décret", "l'enveloppe" for the same 120 millions)
        return 2.0 + _cosine(a, b) + _place_bonus(a, b) if _distinctive_amount(a) or _who_same_value(
            a, b, False) else None
    return 1.0 + _cosine(a, b) + _place_bonus(a, b)


def _place_bonus(a: _Fact, b: _Fact) -> float:
    return SAME_PLACE_BONUS if a.place & b.place else 0.0


def _distinctive_amount(f: _Fact) -> bool:
    return len(f.block) > 2 and f.block[1] == "money" and f.value is not None and f.value[0] >= 1000


def _retold_amount(a: _Fact, b: _Fact) -> bool:
    """One amount of money told by two articles of a story is one figure whatever time each attaches to it
    (the storms of June, the decree of July: 120 million euros), unless both name whole years apart
    (one budget line of two years)."""
    if not _distinctive_amount(a):
        return False
    years = all(f.start is not None and f.end is not None and f.end - f.start >= YEAR_DAYS for f in (a, b))
    return not years


# -- stories: which articles may share series --------------------------------------------------------


def _named_words(row: dict, words: SeriesWords) -> set[str]:
    found: set[str] = set()
    evidence = row.get("evidence")
    if isinstance(evidence, str):
        found.update(_sentence_names(evidence, words.stopwords, words.generic_names))
    for slot in ("where", "source"):
        value = row.get(slot)
        if isinstance(value, str):
            for m in _NAME.finditer(value):
                found.add(_name_word(tokens(m.group(), words.stopwords), words.generic_names))
    return {w for w in found if w and len(w) > 2}


def _name_word(parts: Iterable[str], generic: frozenset[str]) -> str:
    """One name as one word ("Croix-Rouge": "crois-rouge"), without its generic parts ("Nord-Kivu": "kivu"):
    two articles that share one name share one word, however many its parts."""
    return "-".join(w for w in parts if w not in generic)


@lru_cache(maxsize=4_096)  # the facts of one sentence come one after the other
def _sentence_names(evidence: str, stopwords: frozenset[str], generic: frozenset[str]) -> frozenset[str]:
    """Named words of a sentence (facts of one sentence share it), a name as one word."""
    found: set[str] = set()
    for m in _NAME.finditer(evidence):
        if m.start() == 0 or evidence[: m.start()].rstrip().endswith((".", "!", "?", "«", "\"", ":", "—", "-")):
            continue  # a capital that starts a sentence or a quote names nothing
        found.add(_name_word(_tokens(m.group(), stopwords), generic))
    return frozenset(found)


def _measure(row: dict, words: SeriesWords) -> str | None:
    """The unit of measure a count is told in ("hectares", "acres": the relation lexicon's measure units), as a
    token without its plural ending; None for a count of things or people."""
    unit = row.get("unit")
    if not isinstance(unit, str) or unit.lower() not in words.measure_units:
        return None
    found = _singular(tokens(unit, frozenset()), words)
    return found[0] if found else None


def _figure_word(block: tuple, value: tuple | None, measure: str | None = None) -> str | None:
    """A figure precise enough to tell a story when two articles both report it (26 wounded, 4 360 cases,
    120 million euros): at least 10, with two significant digits or more; with its kind of unit, not its
    event_type (extraction may type one figure differently in two articles), and its unit of measure when it has
    one (18 500 hectares and 18 500 acres are two figures). Round figures (6 000, 30) recur across unrelated
    stories and tell none."""
    if value is None or value[1] is not None or block[-1] == "duration":
        return None
    v = abs(value[0])
    if v < 10:
        return None
    digits = f"{v:.6f}".replace(".", "").strip("0")
    if len(digits) < 2:
        return None
    # a whole number: rates and shares with decimals (12,5 %) recur across unrelated stories
    mark = PRECISE_MARK if len(digits) >= PRECISE_DIGITS and v == int(v) and v >= 100 else FIGURE_MARK
    kind = "|".join(map(str, block[1:] or block)) + (f"|{measure}" if measure else "")
    return f"{mark}{kind}={v:g}"


class StoryIndex:
    """Named words, figures and publication days of a batch's articles, read a few rows at a time (a store's
    facts are streamed): which articles tell one story (:func:`story_pairs`). Figures need the rows'
    event_type, unit, how_many and how_many_high; rows without them give names only."""

    def __init__(self, words: SeriesWords) -> None:
        self.words = words
        # each article's words as a tuple of interned strings once its rows are read: a set (and a copy of
        # each word) per article would make a store's pass grow by kilobytes an article
        self.article_words: dict[str, tuple[str, ...]] = {}
        self.published: dict[str, tuple[float, float]] = {}
        self.latest: dict[str, int] = {}
        self._article: str | None = None
        self._found: set[str] = set()

    def add(self, records: Iterable[dict]) -> None:
        for row in records:
            article = str(row.get("article_id"))
            if article != self._article:
                self._close()
                self._article = article
                self._found = set(self.article_words.get(article, ()))
            self._found |= _named_words(row, self.words)
            figure = _figure_word(*_row_block_value(row, self.words), _measure(row, self.words))
            if figure is not None:
                self._found.add(figure)
            day = _day(row.get("published"))
            if day is not None:
                self.published[article] = (day, day)
                continue
            end = _day(row.get("when_end"))
            if end is not None:
                self.latest[article] = max(self.latest.get(article, end), end)
        self._close()

    def _close(self) -> None:
        if self._article is not None:
            self.article_words[self._article] = tuple(sorted(sys.intern(w) for w in self._found))
        self._article, self._found = None, set()

    def pairs(self) -> set[tuple[str, str]]:
        published = dict(self.published)
        for article, day in self.latest.items():
            # an undated article was written after the latest date it states (roughly: facts' dates only)
            published.setdefault(article, (day, math.inf))
        return story_pairs(self.article_words, published)


def word_limit(n_articles: int) -> int:
    """In how many articles a named word may appear and still tell a story."""
    return int(min(MAX_WORD_ARTICLES, max(MIN_WORD_ARTICLES, WORD_SHARE * n_articles)))


def story_pairs(
    article_words: dict[str, Iterable[str]], published: dict[str, tuple[float, float]]
) -> set[tuple[str, str]]:
    """Pairs of articles (sorted ids) that tell one story: an inverted index over their named words.

    published: each article's publication day as an interval (an undated article: from its latest
    date on, unbounded), as day ordinals; an article without any date is missing from it.
    """
    index: dict[str, list[str]] = defaultdict(list)
    for article, found in article_words.items():
        for w in found:
            index[w].append(article)
    limit = word_limit(len(article_words))
    shared: Counter = Counter()
    named: Counter = Counter()
    precise: Counter = Counter()
    for word, members in index.items():
        if len(members) < 2 or len(members) > limit:
            continue
        members = sorted(members)
        is_name = not word.startswith(FIGURE_MARK)
        is_precise = word.startswith(PRECISE_MARK)
        for i, x in enumerate(members):
            for y in members[i + 1:]:
                shared[(x, y)] += 1
                named[(x, y)] += is_name
                precise[(x, y)] += is_precise
    words_of: dict[str, frozenset[str]] = {}

    def common_name(x: str, y: str) -> bool:
        # a name too common to find stories by ("ARS" in a batch of health news) still tells that two
        # articles sharing a precise figure are of one story; read only for such pairs, which are few
        for a in (x, y):
            if a not in words_of:
                words_of[a] = frozenset(article_words[a])
        return any(not w.startswith(FIGURE_MARK) for w in words_of[x] & words_of[y])

    pairs = set()
    near: list[tuple[str, str]] = []
    for (x, y), n in shared.items():
        px, py = published.get(x), published.get(y)
        gap = max(px[0], py[0]) - min(px[1], py[1]) if px is not None and py is not None else None
        if gap is not None and gap > STORY_DAYS:
            continue
        close = gap is not None and gap <= STORY_CLOSE_DAYS and px[0] == px[1] and py[0] == py[1]
        # names tell a story; so do shared figures: a precise one ("2 310 cas": three significant digits or
        # more rarely recur by chance) with a name; for two articles published within a few days, one name,
        # or a precise figure, or two figures ("35 morts" alone may be two events' tolls)
        named_n, precise_n = named[(x, y)], precise[(x, y)]
        if named_n == 0 and precise_n >= 1 and common_name(x, y):
            named_n = 1
        if (named_n >= STORY_MIN_WORDS or (named_n >= 1 and precise_n >= 1)
                or (close and (named_n >= 1 or precise_n >= 1 or n >= STORY_MIN_WORDS))):
            pairs.add((x, y))
        elif close:
            near.append((x, y))
    # two reports of one story published within a few days that share one figure, and each tell the story
    # with a third report: one outlet named the place, the other only the road ("RN 88", too short to be a
    # name) — the third report ties them. One step only (no chains), and only pairs that share a word.
    partners = _partners(pairs)
    pairs.update((x, y) for x, y in near if partners[x] & partners[y])
    return pairs


# -- clustering --------------------------------------------------------------------------------------


_WRITTEN_NUMBER = re.compile(r"\d{1,3}(?:[ \u202f\xa0]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)*")


def _written_values(text: str) -> set[float]:
    """The values of the figures a text writes in digits ("1 240", "4,8", "1,240": both readings of a comma)."""
    found: set[float] = set()
    for m in _WRITTEN_NUMBER.finditer(text):
        digits = re.sub(r"[ \u202f\xa0]", "", m.group())
        for reading in (digits.replace(",", "."), digits.replace(",", "")):
            with contextlib.suppress(ValueError):
                found.add(round(float(reading), 6))
    return found


def _comparison_links(facts: list[_Fact], records: list[dict], words: SeriesWords) -> set[tuple[int, int]]:
    """A figure after a comparison word and the figure before it in its sentence (same unit kind); a figure its
    sentence tells as an earlier state of a toll ("Un précédent bilan faisait état de 9 morts") and that toll."""
    by_sentence: dict[tuple, list[_Fact]] = defaultdict(list)
    by_article: dict[str, list[_Fact]] = defaultdict(list)
    for f in facts:
        by_article[f.article].append(f)
        if f.sentence is not None:
            by_sentence[(f.article, f.sentence)].append(f)
    for group in by_article.values():
        group.sort(key=lambda f: f.position)
    links = set()
    for f in facts:
        if not (f.comparison or f.earlier_state) or f.part or f.apart:
            continue
        sentence = sorted(by_sentence.get((f.article, f.sentence), []), key=lambda g: g.position)
        earlier = [g for g in sentence if g.position < f.position and g.block[1:] == f.block[1:] and not g.part]
        if earlier and f.comparison:
            # the nearest figure of its kind before it: the one it is compared with
            g = earlier[-1]
            # (a figure whose noun is left out and unknown agrees with nothing: "as 12,000 ordered to leave")
            if (not f.words or not g.words or _who_same_value(f, g)) and not _other_period(g, f) and not (
                    g.elided and g.head is None):
                links.add((g.row, f.row))
            continue
        # the figure compared with was first told earlier (a title: "le bilan s'alourdit à 64 morts"; "That is up
        # from 71,000 acres"), so its row carries that sentence: the figure its sentence writes before it, else
        # the nearest figure before it in the article of its kind and type that names what it names
        candidates = [g for g in reversed(by_article[f.article])
                      if g.position < f.position and g is not f and g.block[1:] == f.block[1:] and not g.part
                      and not g.apart and g.value != f.value
                      and (f.event_type == g.event_type or "other" in (f.event_type, g.event_type))]
        written = _written_values(_sentence_before(records[f.row])) if candidates else set()
        anchor = next((g for g in candidates if g.sentence != f.sentence and g.value is not None
                       and g.value[1] is None and g.value[0] in written), None)
        if anchor is None:
            anchor = next((g for g in candidates if (not f.words and f.elided is None)
                           or (g.words and _who_same_value(f, g, False, False))), None)
        if anchor is not None and not _other_period(anchor, f):
            links.add((anchor.row, f.row))
    links |= _merged_comparison_links(by_sentence, by_article, records, words)
    links |= _rounded_title_links(by_article)
    links |= _respective_links(by_sentence, records, words)
    by_row = {f.row: f for f in facts}
    for anchor_row, compared_row in list(links):
        g, f = by_row[anchor_row], by_row[compared_row]
        # either figure told earlier in its article ("Indonésie : au moins 23 morts", then "son bilan à 26 morts,
        # contre 23 le matin"; a title "le bilan passe à 64", then "64 élèves ..., contre 41"): one figure, whose
        # rows extraction left apart
        for told in (f, g):
            for h in by_article[f.article]:
                if (h is not f and h is not g and h.value == told.value and h.position < told.position
                        and not h.part and h.block[1:] == told.block[1:]
                        and (h.event_type == g.event_type or "other" in (h.event_type, g.event_type))
                        and _who_same_value(g, h, False, False)):
                    links.add((anchor_row, h.row))
    return links


def _respective_links(by_sentence: dict[tuple, list[_Fact]], records: list[dict],
                      words: SeriesWords) -> set[tuple[int, int]]:
    """Figures compared in order ("33,8 % des enseignants du premier degré et 24,6 % de ceux du second degré, contre
    respectivement 31,2 % et 22 %"): the first figure after the comparison word with the first before it, and so on,
    when as many of one kind stand on each side."""
    links = set()
    if words.comparison_any is None or words.respective is None:
        return links
    for (_, start), group_facts in by_sentence.items():
        if len(group_facts) < 4:
            continue
        evidence = records[group_facts[0].row].get("evidence")
        if not isinstance(evidence, str) or not words.respective.search(evidence):
            continue
        marker = words.comparison_any.search(evidence)
        if marker is None:
            continue
        at = start + marker.start()
        ordered = sorted((f for f in group_facts if not f.part), key=lambda f: f.position)
        before = [f for f in ordered if f.position < at]
        after = [f for f in ordered if f.position > at]
        if len(before) < 2 or len(after) != len(before) or any(
                a.block[1:] != b.block[1:] for a, b in zip(before, after, strict=True)):
            continue
        clause = _CLAUSE_END.split(evidence[after[-1].position - start:][:80], maxsplit=1)[0]
        if _compared_apart(_NUMBER_LEAD.sub("", clause.split(" ", 1)[-1]), words):
            continue
        links.update((a.row, b.row) for a, b in zip(before, after, strict=True))
    return links


def _rounded(title: _Fact, body: _Fact) -> bool:
    """The title's figure rounds the body's: "près de 700" for 692, "plus de 500 000" for 512 430, "franchit les 3 400
    milliards" for 3 416 (within ``ROUNDING``, on the side its qualifier says)."""
    if title.value is None or body.value is None or title.value[1] is not None or body.value[1] is not None:
        return False
    t, b = title.value[0], body.value[0]
    if t == b or t <= 0 or abs(b - t) > ROUNDING * t:
        return False
    if title.qualifier == "approx":
        return True
    if title.qualifier in ("more_than", "at_least"):
        return b > t
    if title.qualifier in ("less_than", "at_most"):
        return b < t
    return False


def _rounded_title_links(by_article: dict[str, list[_Fact]]) -> set[tuple[int, int]]:
    """A figure of an article's title that rounds a figure of its body ("Canaries : près de 700 migrants secourus"
    and "692 migrants"), of the same kind, type and group: one figure, whose mentions extraction could not merge
    (their values differ). Only one body figure may fit."""
    links = set()
    for group_facts in by_article.values():
        titles = [f for f in group_facts if f.sentence == 0 and f.qualifier != "exact" and not f.part]
        for t in titles:
            fits = [b for b in group_facts if b.sentence != t.sentence and not b.part and b.block == t.block
                    and _rounded(t, b) and _who_same_value(t, b, False, False)]
            if len(fits) == 1:
                links.add((fits[0].row, t.row))
    return links


def _merged_comparison_links(by_sentence: dict[tuple, list[_Fact]], by_article: dict[str, list[_Fact]],
                             records: list[dict], words: SeriesWords) -> set[tuple[int, int]]:
    """A figure after a comparison word that has no row of its own in its sentence: extraction merged it into
    the row of the same figure told first elsewhere ("Indonésie : au moins 23 morts ..." then "son bilan à 26
    morts, contre 23 le matin"). That row is the figure compared with the one before the word."""
    links = set()
    if words.comparison_ahead is None:
        return links
    for (article, start), group_facts in by_sentence.items():
        evidence = records[group_facts[0].row].get("evidence")
        if not isinstance(evidence, str) or len(group_facts) > 8:
            continue
        for m in words.comparison_ahead.finditer(evidence):
            number = _WRITTEN_NUMBER.match(evidence, m.end())
            if number is None:
                continue
            at = start + number.start()
            if any(abs(g.position - at) <= 2 for g in group_facts):
                continue
            clause = _CLAUSE_END.split(evidence[number.end():number.end() + 60], maxsplit=1)[0]
            if _compared_apart(clause, words):
                continue
            values = _written_values(number.group())
            earlier = [g for g in sorted(group_facts, key=lambda g: g.position) if g.position < at and not g.part]
            if not earlier:
                continue
            anchor = earlier[-1]
            for g in by_article[article]:
                if (g.sentence != start and g.value is not None and g.value[1] is None and g.value[0] in values
                        and g.value != anchor.value and g.block[1:] == anchor.block[1:] and not g.part
                        and (g.event_type == anchor.event_type or "other" in (g.event_type, anchor.event_type))
                        and _who_same_value(anchor, g, False, False) and not _other_period(anchor, g)):
                    links.add((anchor.row, g.row))
                    break
    return links


def _other_period(anchor: _Fact, compared: _Fact) -> bool:
    """"2 310 cas en avril, contre 1 240 en mars": a figure compared with another period's (a month, a
    year, not a day's earlier toll) is another series, SPEC's other period."""
    if compared.start is None:
        return False
    end = compared.end if compared.end is not None else compared.start
    if end - compared.start + 1 <= SHORT_DAYS:
        return False
    return anchor.start is None or not _when_ok(anchor, compared, False)


def _resolve_elided(facts: list[_Fact]) -> None:
    """A count whose noun is left out counts what the count before it in its sentence counts ("la CGT compte
    310 postes menacés, pas 240"; "1 000 habitants évacués, la préfecture s'en tient à 850"): it takes that
    count's noun, and, unless a part or a comparison, is set against it as a rival figure of another reporter
    (the actor extraction read in place of the noun) — unless that count's ``who`` names a holder. A count
    whose noun a pronoun stands for ("L'association en recense 61") takes the noun of the count before it in
    its sentence, else of the last count of its article before its sentence that is no part (the noun the
    pronoun stands for: "38 exploitations touchées, dont 14 élevages laitiers.")."""
    by_sentence: dict[tuple, list[_Fact]] = defaultdict(list)
    by_article: dict[str, list[_Fact]] = defaultdict(list)
    for f in facts:
        if f.sentence is not None and f.block[-1] == "count":
            by_sentence[(f.article, f.sentence)].append(f)
            by_article[f.article].append(f)
    for group_facts in by_sentence.values():
        group_facts.sort(key=lambda g: g.position)
        for j, f in enumerate(group_facts):
            if not f.elided and not f.pronoun:
                continue
            earlier = [g for g in group_facts[:j] if not g.elided and g.head is not None]
            if not earlier and f.pronoun:
                earlier = sorted((g for g in by_article[f.article] if g.sentence < f.sentence and not g.part
                                  and not g.elided and g.head is not None), key=lambda g: g.position)
            if not earlier or (f.elided and f.elided in earlier[-1].words and f.elided != earlier[-1].head):
                # the actor is the earlier figure's own ("Whychus Creek Fire burns 86,400 acres as 12,000
                # ordered to leave"): extraction copied the sentence's subject, nothing tells the noun left out
                continue
            g = earlier[-1]
            f.head, f.head_parts, f.mods, f.generic_head, f.kind = g.head, g.head_parts, g.mods, g.generic_head, g.kind
            f.words, f.vec, f.counted = g.words, g.vec, g.counted
            f.antecedent = g.row
            if f.event_type == "other" and g.event_type != "other":
                f.block, f.event_type = g.block, g.event_type
            if not f.part and not f.comparison and f.value != g.value and not g.holder:
                # (after a holder's figure, "Reform UK 7 450 voix, les conservateurs 2 915", the actor is
                # another holder: another figure, not a rival)
                f.rivals = f.rivals | {g.row}
                g.rivals = g.rivals | {f.row}


def _place_parts(facts: list[_Fact], records: list[dict], words: SeriesWords) -> None:
    """Parts of a total that are places ("1 400 personnes évacuées dans le département, dont 850 à Alès").

    The total's place named only in its part's clause is the part's (extraction gave the total the part's
    place): the total's own place is not read. A part named with its own place, not the total's (a place
    read, or the one it lost so), is that place's figure rather than a group within the total: another
    article may tell it without "dont" ("850 habitants évacués à Alès"), so it is no longer marked as a part
    (within the article, two figures of one source stay apart as before). A total without any place read
    keeps its parts ("64 morts, dont 40 à Béjaïa" may be the toll of Béjaïa)."""
    by_sentence: dict[tuple, list[_Fact]] = defaultdict(list)
    by_article: dict[str, list[_Fact]] = defaultdict(list)
    for f in facts:
        by_article[f.article].append(f)
        if f.sentence is not None:
            by_sentence[(f.article, f.sentence)].append(f)
    for group_facts in by_sentence.values():
        parts = [g for g in group_facts if g.part and g.place]
        if not parts:
            continue
        evidence = records[group_facts[0].row].get("evidence")
        if not isinstance(evidence, str):
            continue
        lost: set[int] = set()
        for f in group_facts:
            if f.part or not f.place:
                continue
            for g in parts:
                if g.position <= f.position or g.block != f.block or g.place != f.place:
                    continue
                before_part = evidence[:max(0, g.position - g.sentence)]
                if not f.place & set(tokens(before_part, words.stopwords)):
                    f.place, f.wide_place = frozenset(), False
                    lost.add(f.row)
                    break
        for g in parts:
            totals = [f for f in group_facts if not f.part and f.position < g.position and f.block == g.block]
            if not totals and g.value is not None:
                # the total was merged with its first mention elsewhere in the article (a title: "312 000
                # manifestants selon le ministère", then "... a recensé 312 000 manifestants dans toute la France,
                # dont 41 000 à Paris"): the figure the sentence writes before the part, of the same block
                written = _written_values(evidence[:max(0, g.position - g.sentence)])
                totals = [f for f in by_article.get(g.article, ()) if not f.part and f.block == g.block
                          and f.value is not None and f.value[1] is None and f.value[0] in written
                          and f.value[0] > g.value[0]]
            if totals and all(f.place or f.row in lost for f in totals) and not any(
                    f.place & g.place for f in totals):
                g.part = False
                g.within = frozenset(t for f in totals for t in f.place)


def _mark_rivals(facts: list[_Fact], records: list[dict], words: SeriesWords) -> None:
    """Two figures of one sentence with a rival marker between them ("17 civils tués, tandis que la société
    civile parle d'au moins 38 morts"), or each with its own attribution ("18 500 selon la préfecture, 45 000
    selon les syndicats", whatever source extraction read), are rival figures even when no source was read: each
    figure with the nearest earlier one of its kind of unit. Counts only: two amounts or shares so set are more often
    two holders' ("3 420 euros en Île-de-France, tandis que la Corse ... 2 310 euros")."""
    by_sentence: dict[tuple, list[_Fact]] = defaultdict(list)
    for f in facts:
        if f.sentence is not None and f.value is not None and f.block[-1] == "count":
            by_sentence[(f.article, f.sentence)].append(f)
    for group_facts in by_sentence.values():
        if len(group_facts) < 2:
            continue
        group_facts.sort(key=lambda g: g.position)
        evidence = records[group_facts[0].row].get("evidence")
        if not isinstance(evidence, str):
            continue
        for j, f in enumerate(group_facts):
            for g in reversed(group_facts[:j]):
                if g.block[1:] != f.block[1:]:
                    continue
                between = evidence[max(0, g.position - g.sentence):max(0, f.position - f.sentence)].lower()
                # "18 500 personnes ont défilé selon la préfecture, 45 000 selon les syndicats": each its own reporter
                paired = f.attributed and words.attribution is not None and words.attribution.search(between)
                if g.value != f.value and (words.rival.search(between) or paired):
                    f.rivals = f.rivals | {g.row}
                    g.rivals = g.rivals | {f.row}
                break


def _mark_turn_rivals(facts: list[_Fact], records: list[dict], words: SeriesWords) -> None:
    """A count whose sentence sets it, by a turn marker before it, against what another party said ("Les autorités
    françaises évoquent pour leur part 30 blessés", `turn_markers`) is a rival of the last count of its article
    told before that sentence by a source: the same event_type and noun, no part, no comparison. The two
    sentences need not agree on the time or place read (one party's figure tells neither)."""
    if words.turn is None:
        return
    by_article: dict[str, list[_Fact]] = defaultdict(list)
    for f in facts:
        if f.sentence is not None and f.value is not None and f.block[-1] == "count":
            by_article[f.article].append(f)
    for group_facts in by_article.values():
        group_facts.sort(key=lambda g: g.position)
        for f in group_facts:
            if f.part or f.comparison or not words.turn.search(_sentence_before(records[f.row])):
                continue
            earlier = [g for g in group_facts if g.sentence < f.sentence and g.block == f.block and not g.part
                       and not g.comparison and g.event_type == f.event_type]
            if not earlier:
                continue
            g = earlier[-1]
            if g.source and not (g.source & f.source) and g.value != f.value and _who_other_value(f, g):
                f.rivals = f.rivals | {g.row}
                g.rivals = g.rivals | {f.row}


def _descriptor(g: _Fact, record: dict, words: SeriesWords) -> frozenset[str]:
    """The words a part's clause gives after its figure besides its noun ("dont huit dans un état grave": etat,
    grave): what sets the part apart within its total."""
    after = _after_figure(record, words, _clause_after(record)) or ()
    return frozenset(after) - {g.head} - g.head_parts - {g.kind}


def _mark_told_parts(facts: list[_Fact], stories: set[tuple[str, str]], records: list[dict],
                     words: SeriesWords) -> None:
    """A count told without a part marker but with the words that set a part of its story apart ("Quatre blessés
    sont toujours dans un état grave" against "27 blessés, dont huit dans un état grave"): a figure of that part,
    not of the total. The part's words must be at least two besides its noun (one word, "graves", "Paris", may
    name the total's own state or place), all found after the count's figure in its clause; same block and noun."""
    partners = _partners(stories)
    parts: dict[str, list[tuple[_Fact, frozenset[str]]]] = defaultdict(list)
    for g in facts:
        if g.part and g.block[-1] == "count" and g.head is not None:
            found = _descriptor(g, records[g.row], words)
            if len(found) >= 2:
                parts[g.article].append((g, found))
    if not parts:
        return
    for f in facts:
        if f.part or f.comparison or f.block[-1] != "count" or f.head is None:
            continue
        known = [p for article in (f.article, *partners.get(f.article, ())) for p in parts.get(article, ())]
        if not known:
            continue
        after = frozenset(_after_figure(records[f.row], words, _clause_after(records[f.row])) or ())
        if any(g.block == f.block and g.head == f.head and found <= after
               and (g.article, g.sentence) != (f.article, f.sentence)
               for g, found in known):
            f.part = True


def _partners(pairs: set[tuple[str, str]]) -> dict[str, set[str]]:
    """Each article's partners in ``pairs`` of articles (the stories), both ways."""
    partners: dict[str, set[str]] = defaultdict(set)
    for x, y in pairs:
        partners[x].add(y)
        partners[y].add(x)
    return partners


def _whole_toll_twins(facts: list[_Fact], stories: set[tuple[str, str]], words: SeriesWords) -> None:
    """A toll counted by a group noun ("cinq retraités" killed) that another article of the story tells with the
    same value by a noun that only restates the toll ("cinq morts") names the whole toll, not a group of it: its
    head agrees with the toll's as a restating one, for the toll's other figures too ("quatre morts" earlier).
    Typed tolls only, no part, the twin's place and time agreeing; not a group its own article sets within a
    larger whole toll of the same type ("huit morts ... Cinq enfants ont été tués": a group of the eight, however
    a first toll of five was told elsewhere; a larger toll of another period is another event's, "depuis celui de
    2018, qui avait fait six morts"); a count set apart as an increment ("deux nouveaux corps",
    increment_words) adds to the toll and is never the whole of it."""
    partners = _partners(stories)
    tolls: dict[str, list[_Fact]] = defaultdict(list)
    for f in facts:
        if f.event_type in TOLL_TYPES and f.block[-1] == "count" and f.value is not None and not f.part:
            tolls[f.article].append(f)
    grouped = [f for fs in tolls.values() for f in fs if f.head is not None and not f.generic_head
               and words.increment_words.isdisjoint(f.words)
               and not any(g.generic_head and g.event_type == f.event_type and g.value[0] > f.value[0]
                           and _when_ok(f, g, False) and not _past_period(g, f) for g in fs)]
    for f in grouped:
        if any(g.generic_head and g.value == f.value and g.event_type == f.event_type and _where_ok(f, g)
               and _when_ok(f, g, False) for other in partners.get(f.article, ()) for g in tolls.get(other, ())):
            f.generic_head, f.mods = True, frozenset()


class _Clusters:
    def __init__(self, facts: list[_Fact], forced: frozenset) -> None:
        self.parent = {f.row: f.row for f in facts}
        self.members = {f.row: [f] for f in facts}
        self.forced = forced

    def _compared(self, a: _Fact, b: _Fact) -> bool:
        return (a.row, b.row) in self.forced or (b.row, a.row) in self.forced

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def merge(self, a: _Fact, b: _Fact) -> None:
        ra, rb = self.find(a.row), self.find(b.row)
        if ra == rb:
            return
        ma, mb = self.members[ra], self.members[rb]
        forced = self._compared(a, b)
        if not forced:
            # b retells a's figure in another article: a figure compared with a ("28 000 euros, contre
            # 20 000") measures what b measures, however each names its group
            retold = a.value == b.value and a.article != b.article
            # a and b are set against each other in one sentence ("17 civils tués, tandis que la société civile
            # parle d'au moins 38 morts"): the article says the two figures measure one thing, so the reports
            # that retell each of them are of that thing, whatever place each names (the village, the province)
            against = b.row in a.rivals
            for x in ma[:CHECK_MEMBERS]:
                for y in mb[:CHECK_MEMBERS]:
                    vouched = retold and ((y is b and self._compared(x, a)) or (x is a and self._compared(y, b)))
                    told_apart = against and _retells(x, a) and _retells(y, b)
                    if _conflict(x, y, self.forced, vouched or told_apart, told_apart):
                        return
        if len(ma) < len(mb):
            ra, rb, ma, mb = rb, ra, mb, ma
        self.parent[rb] = ra
        ma.extend(mb)
        del self.members[rb]


def _retells(x: _Fact, a: _Fact) -> bool:
    """x is a, or tells a's figure in another article."""
    return x is a or (x.value == a.value and x.article != a.article)


def _series_id(members: list[_Fact]) -> str:
    first = min((f.article, f.fact_id) for f in members)
    return "s" + hashlib.sha1(f"{first[0]}\x1f{first[1]}".encode()).hexdigest()[:12]


def _fmt(v: float) -> str:
    return f"{v:.6g}" if v != int(v) else str(int(v))


def claim_suffix(how_many, how_many_high) -> str:
    low, high = _num(how_many), _num(how_many_high)
    if low is None:
        return "na"
    return _fmt(low) if high is None else f"{_fmt(low)}-{_fmt(high)}"


def block_key(event_type, unit, lang: str = DEFAULT_LANG) -> str:
    """The block of a fact (or a series) as text: what the store regroups when one of its facts changes."""
    time_units = _time_units(lang)
    if _is_duration(unit, time_units):
        return f"{event_type or 'other'}|duration|{unit}"
    event_type = _toll_type(str(event_type or "other"), unit, series_words(lang))
    return "|".join(_unit_kind(unit if isinstance(unit, str) else None, event_type))


@lru_cache(maxsize=8)
def _time_units(lang: str) -> frozenset[str]:
    return frozenset(language_data(lang).numbers.get("time_units", {}))


@contextlib.contextmanager
def paused_gc():
    """No cyclic garbage collection while a batch's many small records are built (they hold no cycles):
    its passes over a growing heap would make the cost grow faster than the batch."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def group(
    df: pd.DataFrame,
    *,
    lang: str = DEFAULT_LANG,
    vectors=True,
    previous: pd.Series | None = None,
    stories: set[tuple[str, str]] | None = None,
    taken: set[str] | None = None,
) -> pd.DataFrame:
    """series_id and claim_id for every row of a facts frame (a frame with those two columns, same index).

    vectors (bool or spacy Vectors): let close word vectors of ``who`` join two reports of one figure
        (True: the language model's; or the table to use, such as a loaded pipeline's ``vocab.vectors``).
    previous (Series of str): each row's earlier series_id, kept by the series most of whose facts had it.
    stories: the pairs of articles that tell one story (see :class:`StoryIndex`), when they were read from
        more rows than ``df`` holds: facts are linked only within an article or a story, so the articles
        of a connected set of stories group as the whole batch would group them.
    taken (set of str): series ids given out elsewhere (other parts of a store), not to be given again;
        the ids given here are added to it.
    """
    words = series_words(lang)
    time_units = _time_units(lang)
    phrase_vectors = _PhraseVectors(
        (lang if vectors is True else vectors) if vectors is not None and vectors is not False else None)
    records = rows_of(df, READ_COLUMNS)
    facts = [_fact(n, row, words, phrase_vectors, time_units) for n, row in enumerate(records)]
    if stories is None:
        index = StoryIndex(words)
        index.add(records)
        stories = index.pairs()
    _drop_heading_places(facts, records)
    _mark_dateline_places(facts, records, words)
    _place_holders(facts, records, words)
    forced_pairs = _comparison_links(facts, records, words)
    siblings: dict[tuple, set[frozenset]] = defaultdict(set)
    for f in facts:
        if f.place_core:
            siblings[(f.article, f.sentence, f.block)].add(f.place_core)
    for f in facts:
        f.sibling_places = frozenset(siblings.get((f.article, f.sentence, f.block), set()) - {f.place_core})
    live = {f.article for f in facts if f.entry}
    for f in facts:
        f.live = f.article in live
    _mark_rivals(facts, records, words)
    _resolve_elided(facts)
    _place_parts(facts, records, words)
    _mark_told_parts(facts, stories, records, words)
    # a comparison figure goes to the block of the figure it is compared with; an untyped figure to the type of the
    # figure compared with it, when that one's own word types it ("110 personnes ne pouvaient pas regagner leur
    # logement, contre 140 évacuées"): the comparison says both measure one thing, which only one word names
    by_row = {f.row: f for f in facts}
    for anchor, later in sorted(forced_pairs):
        g, f = by_row[anchor], by_row[later]
        if g.event_type == "other" and f.event_type != "other" and g.block[1:] == f.block[1:]:
            g.block, g.event_type = f.block, f.event_type
    for anchor, later in sorted(forced_pairs):
        by_row[later].block = by_row[anchor].block
        by_row[later].event_type = by_row[anchor].event_type
    forced = frozenset(forced_pairs)
    _type_untyped_twins(facts, stories)
    _type_toll_twins(facts, stories, records, words)
    _whole_toll_twins(facts, stories, words)
    _mark_turn_rivals(facts, records, words)
    for f in facts:
        # a count a pronoun names counts what its antecedent counts, however the story typed that one
        if f.pronoun and f.antecedent is not None and f.event_type == "other":
            f.block, f.event_type = by_row[f.antecedent].block, by_row[f.antecedent].event_type
    by_article_block: dict[tuple[str, tuple], list[_Fact]] = defaultdict(list)
    for f in facts:
        by_article_block[(f.article, f.block)].append(f)
    blocks_of: dict[str, set[tuple]] = defaultdict(set)
    for article, block in by_article_block:
        blocks_of[article].add(block)

    links: list[tuple[float, int, int]] = []

    def compare(xs: list[_Fact], ys: list[_Fact] | None) -> None:
        pairs = ((x, y) for i, x in enumerate(xs) for y in xs[i + 1:]) if ys is None else (
            (x, y) for x in xs for y in ys)
        for x, y in pairs:
            weight = _link(x, y, forced)
            if weight is not None:
                links.append((weight, x.row, y.row))

    for group_facts in by_article_block.values():
        compare(group_facts, None)
    for x, y in sorted(stories):
        for block in blocks_of.get(x, set()) & blocks_of.get(y, set()):
            compare(by_article_block[(x, block)], by_article_block[(y, block)])

    clusters = _Clusters(facts, forced)
    for _, a, b in sorted(links, key=lambda t: (-t[0], t[1], t[2])):
        clusters.merge(by_row[a], by_row[b])

    series_ids: list[str | None] = [None] * len(facts)
    claim_ids: list[str | None] = [None] * len(facts)
    members_of = list(clusters.members.values())
    names = _names(members_of, previous, set() if taken is None else taken)
    for members, name in zip(members_of, names, strict=True):
        for f in members:
            series_ids[f.row] = name
            row = records[f.row]
            claim_ids[f.row] = f"{name}-{claim_suffix(row.get('how_many'), row.get('how_many_high'))}"
    return pd.DataFrame({"series_id": series_ids, "claim_id": claim_ids}, index=df.index, dtype="string")


# what may stand before a capital that opens a title, a heading or a quote (it names nothing by its capital)
_OPENERS = (".", "!", "?", "«", "\"", ":", "—", "–", "-")


def _heading_word(word: str, evidence) -> bool:
    """``word`` is one word, and every time its sentence writes it, it opens the sentence or a heading ("Avalanche
    en Savoie : neuf morts"): its capital may be its position's, not a name's."""
    if not isinstance(evidence, str) or not word or not word.isalpha():
        return False
    first = evidence.find(word)
    if first < 0 or (first > 0 and not evidence[:first].rstrip().endswith(_OPENERS)):
        return False  # (most places stand inside their sentence: no pattern built for them)
    found = [m.start() for m in re.finditer(r"(?<!\w)" + re.escape(word) + r"(?!\w)", evidence)]
    return bool(found) and all(at == 0 or evidence[:at].rstrip().endswith(_OPENERS) for at in found)


def _place_holders(facts: list[_Fact], records: list[dict], words: SeriesWords) -> None:
    """The places the batch's sentences put each fact's place in ("à Badaroux, en Lozère", "Ripoll (Gérone)"):
    a toll placed at Badaroux by one report and in the Lozère by another is one toll at two scales."""
    if words.located is None:
        return
    holders: dict[frozenset, set[frozenset]] = defaultdict(set)
    seen: set[str] = set()
    for f in facts:
        evidence = records[f.row].get("evidence")
        if not isinstance(evidence, str) or evidence in seen:
            continue
        seen.add(evidence)
        for m in words.located.finditer(evidence):
            inner = frozenset(tokens(m.group(1), words.stopwords)) - words.generic_names
            outer = frozenset(tokens(m.group(2), words.stopwords)) - words.generic_names
            if inner and outer and inner != outer:
                holders[inner].add(outer)
    if not holders:
        return
    for f in facts:
        if f.place_core and f.place_core in holders:
            f.held_by = frozenset(holders[f.place_core])


# a wire report's dateline: the town it was written in, a comma, a date (and a country), the agency in brackets and
# a dash ("TOULON, 22 juil (AFP) -", "MWANZA, Tanzania, March 18 (Wire) –"); a format, not words of a language
_DATELINE = re.compile(r"^\s*(" + _NAME_TEXT + r")\s*,[^()\n]{1,60}?\([^()\n]{1,30}\)\s*[-–—]")


def _mark_dateline_places(facts: list[_Fact], records: list[dict], words: SeriesWords) -> None:
    """A place read from its article's dateline ("TOULON, 22 juil (AFP) - Le feu qui ravage le massif des Maures a
    parcouru 2 300 hectares") is where the report was written, not where its figures were counted (the event's
    place is named in the text, often not at all in the dateline's town): it disagrees with no other place, unless
    the fact's own sentence names it again after the dateline ("Bucarest, 12 mars (AFP) - ... à Bucarest"). It is
    still a place (a figure of it is no running total of an unplaced one)."""
    datelines: dict[str, str] = {}
    for f in facts:
        evidence = records[f.row].get("evidence")
        if f.article not in datelines and isinstance(evidence, str):
            m = _DATELINE.match(evidence)
            if m:
                datelines[f.article] = m.group(1)
    if not datelines:
        return
    for f in facts:
        town = datelines.get(f.article)
        if town is None or not f.place or f.place != frozenset(tokens(town, words.stopwords)):
            continue
        evidence = records[f.row].get("evidence")
        text = evidence if isinstance(evidence, str) else ""
        m = _DATELINE.match(text)
        body = text[m.end():] if m else text
        if not re.search(r"(?<!\w)" + re.escape(town.casefold()) + r"(?!\w)", body.casefold()):
            f.dateline = True


def _drop_heading_places(facts: list[_Fact], records: list[dict]) -> None:
    """A place read from the first word of a title ("Avalanche en Savoie : neuf personnes ont péri", read with the
    place "Avalanche") that its article also writes in lower case ("le bilan de l'avalanche") is a common noun
    capitalized by its position, not a place: it is not read (a heading's real place, "Mende : deux morts", is
    never written in lower case)."""
    candidates = [f for f in facts if f.place and _heading_word(str(records[f.row].get("where") or "").strip(),
                                                                records[f.row].get("evidence"))]
    if not candidates:
        return
    texts: dict[str, set[str]] = {f.article: set() for f in candidates}
    for f in facts:
        evidence = records[f.row].get("evidence")
        if f.article in texts and isinstance(evidence, str):
            texts[f.article].add(evidence)
    for f in candidates:
        common = re.compile(r"(?<!\w)" + re.escape(str(records[f.row]["where"]).strip().lower()) + r"(?!\w)")
        if any(common.search(text) for text in texts[f.article]):
            f.place, f.place_core, f.wide_place = frozenset(), frozenset(), False


def _type_untyped_twins(facts: list[_Fact], stories: set[tuple[str, str]]) -> None:
    """A count extraction left as ``other`` takes the block of its twin in another article of the story:
    the same value, a ``who`` that agrees, one event type among the twins ("6 000 exploitations
    touchées" typed, "6 000 exploitations" not). Blocks are per event_type; this keeps one figure in one.

    Without such a twin, an untyped count whose counted noun names a specific thing ("180 sauvetages", not
    "personnes") takes the block of the other figures of that noun in the story, when they are all of one
    event type: "310 sauvetages" typed displaced in one report, "180 sauvetages" untyped in another are
    one measure that extraction typed twice."""
    by_article: dict[str, list[_Fact]] = defaultdict(list)
    for f in facts:
        if f.block[-1] == "count" and f.value is not None:
            by_article[f.article].append(f)
    partners = _partners(stories)
    for f in [f for fs in by_article.values() for f in fs if f.event_type == "other"]:
        typed = [g for other in partners.get(f.article, ()) for g in by_article.get(other, ())
                 if g.event_type != "other" and g.part == f.part and _where_ok(f, g) and _when_ok(f, g, False)]
        twins = [g for g in typed if not f.part and g.value == f.value and _who_same_value(f, g, vectors=False)]
        if not twins and f.head is not None and not f.generic_head:
            twins = [g for g in typed if g.head == f.head and not g.generic_head and _ratio_ok(f, g)]
        types = {g.event_type for g in twins}
        if len(types) == 1:
            twin = twins[0]
            f.block, f.event_type = twin.block, twin.event_type


# event_types a toll's figure may be read with when its noun names the whole toll ("six victimes": casualties) or
# what became of the counted (the "cinq blessés" who "restent hospitalisés": affected)
LOOSE_TOLL_TYPES = ("casualties", "affected")


def _type_toll_twins(facts: list[_Fact], stories: set[tuple[str, str]], records: list[dict],
                     words: SeriesWords) -> None:
    """A count typed casualties or affected takes the toll type of its twin in another article of the story: the
    same value, a ``who`` that agrees, one toll type among the twins ("le bilan s'alourdit à six victimes" and
    "six morts"; "les cinq blessés restent hospitalisés" and "cinq blessés"). A count typed affected must name
    that type by its noun ("blessés": wounded), for "affected" says what became of any group; without such a
    twin, the figure keeps its type ("3 blessés restaient hospitalisés" is no toll of its own)."""
    partners = _partners(stories)
    tolls: dict[str, list[_Fact]] = defaultdict(list)
    loose: list[_Fact] = []
    for f in facts:
        if f.block[-1] != "count" or f.value is None:
            continue
        if f.event_type in TOLL_TYPES:
            tolls[f.article].append(f)
        elif f.event_type in LOOSE_TOLL_TYPES:
            loose.append(f)
    for f in loose:
        twins = [g for other in partners.get(f.article, ()) for g in tolls.get(other, ())
                 if g.value == f.value and g.part == f.part and _where_ok(f, g) and _when_ok(f, g, False)
                 and _who_same_value(f, g, vectors=False)]
        if f.event_type == "affected":
            named = _toll_type("other", records[f.row].get("unit"), words)
            twins = [g for g in twins if g.event_type == named]
        if len({g.event_type for g in twins}) == 1:
            f.block, f.event_type = twins[0].block, twins[0].event_type


def _names(clusters: list[list[_Fact]], previous: pd.Series | None, taken: set[str]) -> list[str]:
    """A content id per cluster; with earlier ids, each earlier id goes to the cluster holding most of its facts.
    Ids in ``taken`` are not given; the ids given are added to it."""
    names = [_series_id(members) for members in clusters]
    done: set[int] = set()
    if previous is not None:
        old = previous.reset_index(drop=True)
        votes: list[tuple[int, str, int]] = []
        for n, members in enumerate(clusters):
            counts = Counter(old.iloc[f.row] for f in members if isinstance(old.iloc[f.row], str))
            votes += [(-count, sid, n) for sid, count in counts.items()]
        for _, sid, n in sorted(votes):
            if sid in taken or n in done:
                continue
            names[n] = sid
            taken.add(sid)
            done.add(n)
    for n, name in enumerate(names):
        if n in done:
            continue
        while name in taken:  # a new cluster whose content id an older series holds
            name = "s" + hashlib.sha1((name + "'").encode()).hexdigest()[:12]
        names[n] = name
        taken.add(name)
    return names


def rows_of(df: pd.DataFrame, columns: Iterable[str]) -> list[dict]:
    """The rows of ``df`` as dicts of plain values (None for missing), only ``columns`` (those it has)."""
    cols = [c for c in columns if c in df.columns]
    values = []
    for c in cols:
        col = df[c]
        if pd.api.types.is_datetime64_any_dtype(col):
            values.append([None if v is pd.NaT else v.date() for v in col.tolist()])
        else:
            values.append([None if v is pd.NA or (isinstance(v, float) and v != v) else v
                           for v in col.astype(object).tolist()])
    return [dict(zip(cols, row, strict=True)) for row in zip(*values, strict=True)] if cols else [{}] * len(df)


def comparison_rows(df: pd.DataFrame, *, lang: str = DEFAULT_LANG) -> list[bool]:
    """For each row: is its figure introduced by a comparison word ("contre 35"), an earlier figure?"""
    pattern = series_words(lang).comparison
    out = []
    for row in rows_of(df, ("evidence", "char_start", "mention_start")):
        before = _before_mention(row)
        out.append(bool(before) and pattern.search(before) is not None)
    return out


def assign_series(df: pd.DataFrame, **kwargs) -> pd.DataFrame:
    """``df`` with its ``series_id`` and ``claim_id`` columns (re)computed over the whole frame."""
    out = df.copy()
    with paused_gc():
        ids = group(df, **kwargs) if len(df) else None
    ids = ids if ids is not None else pd.DataFrame(
        {"series_id": pd.Series(dtype="string"), "claim_id": pd.Series(dtype="string")}, index=df.index)
    out["series_id"] = ids["series_id"]
    out["claim_id"] = ids["claim_id"]
    return out


def languages_of(df: pd.DataFrame) -> list[str]:
    """The languages of a facts frame's rows (its ``lang`` column; the default language without one)."""
    if "lang" not in df.columns or not len(df):
        return [DEFAULT_LANG]
    return sorted(df["lang"].fillna(DEFAULT_LANG).astype(str).unique()) or [DEFAULT_LANG]


def assign_series_by_language(df: pd.DataFrame, *, vectors: dict | None = None) -> pd.DataFrame:
    """:func:`assign_series` over each language's rows apart (each groups with its own words, SPEC section 8).

    vectors: a vectors table (or True/False) per language; True (the language model's) for the others.
    """
    langs = languages_of(df)
    vectors = vectors or {}
    if len(langs) == 1:
        return assign_series(df, lang=langs[0], vectors=vectors.get(langs[0], True))
    codes = df["lang"].fillna(DEFAULT_LANG).astype(str)
    parts = [assign_series(df[codes == code], lang=code, vectors=vectors.get(code, True)) for code in langs]
    return pd.concat(parts).loc[df.index]


__all__ = ["assign_series", "assign_series_by_language", "languages_of",
           "block_key", "claim_suffix", "comparison_rows", "group", "rows_of", "series_words",
           "StoryIndex", "story_pairs", "tokens"]
