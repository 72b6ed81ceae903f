"""Run the pipeline over Docs, the statistical components only on the sentences that need them.

Most of a news article carries no figure (on French TimeBank, a quarter of the
words are in a sentence with a quantity), yet spaCy's tagger, parser,
lemmatizer and NER cost the same on every word. Quantity and date candidates
are regular expressions and word lists: they are found on the raw text first
(:func:`candidates`), and the statistical components see only

- every sentence that holds a quantity candidate (the relation rules read the
  quantity's own sentence: its parse, lemmas, entities; subsets and ellipses link
  to earlier quantities, which are in selected sentences too; no rule reads a
  sentence without a quantity), and
- every sentence holding a date whose day depends on the tense of its verb
  ("mardi", "le 14 mars": the most recent one, or the next one in the future),
  so that every date of the article resolves as with a full parse.

They are parsed as one smaller Doc per article, each run of selected sentences
with ``CONTEXT_TOKENS`` tokens of its neighbours on either side, so that the
encoder sees each selected word with the context it sees in the whole article;
the annotations of the selected sentences are then copied into the article's
Doc, whose offsets, tokens and sentences are unchanged. faits' own components
run on the whole Doc as before. Sentences not selected keep no tag, parse,
lemma or entity: ``full_parse=True`` runs every component on every sentence.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span

from .dates import DateMention, anchor_of, find_dates, resolve_mention
from .ingest import optional_date
from .numbers import QuantityMention, find_quantities

# faits' components that read the text only: run on the whole Doc, before the selection
TEXT_PIPES = ("faits_hyphens", "faits_sentences")
# faits' components that read the annotations: run on the whole Doc, after them
FACT_PIPES = ("faits_dates", "faits_numbers", "faits_facts")
# Tokens of neighbouring text parsed with each run of selected sentences, then dropped: the encoder
# of spaCy's models (a window of 1 token, 4 layers deep) sees 4 tokens on either side of a word.
CONTEXT_TOKENS = 4
# what is copied from the parsed sentences into the article's Doc (entities are set as spans)
# a Doc whose selected sentences (with their context) hold this share of its tokens is parsed whole
WHOLE_DOC_SHARE = 0.8
_COPIED = [TAG, POS, MORPH, LEMMA, DEP, HEAD]
_CANDIDATES_KEY = "faits_candidates"


@dataclass(frozen=True)
class Candidates:
    """The date and quantity expressions of a Doc's text, found once and read by the components."""

    dates: list[DateMention]
    quantities: list[QuantityMention]


def candidates(doc: Doc, lang: str) -> Candidates:
    """The date and quantity expressions of ``doc.text``, found on the first call and kept on the Doc
    until :func:`forget_candidates` (the components read them; they need no parse)."""
    found = doc.user_data.get(_CANDIDATES_KEY)
    if found is None:
        text = doc.text
        dates = find_dates(text, lang)
        quantities = find_quantities(text, lang, exclude=[(m.start, m.end) for m in dates])
        found = doc.user_data[_CANDIDATES_KEY] = Candidates(dates, quantities)
    return found


def forget_candidates(doc: Doc) -> None:
    """Drop the kept candidates (they are not JSON-safe, and a Doc may be serialized)."""
    doc.user_data.pop(_CANDIDATES_KEY, None)


def reference_date(doc: Doc, dates: list[DateMention], lang: str):
    """The day relative dates resolve against: the publication date, else the latest dated
    expression of the article (SPEC section 3), else None."""
    reference = optional_date(doc._.published)
    if reference is None:
        anchors = [a for a in (anchor_of(m, lang) for m in dates) if a is not None]
        reference = max(anchors) if anchors else None
    return reference


def _tense_matters(mention: DateMention, reference, lang: str) -> bool:
    return resolve_mention(mention, reference, False, lang) != resolve_mention(mention, reference, True, lang)


def selected_sentences(doc: Doc, lang: str) -> list[Span]:
    """The sentences the statistical components must see (see the module's docstring), in order."""
    found = candidates(doc, lang)
    reference = reference_date(doc, found.dates, lang)
    starts = [m.start for m in found.quantities]
    starts += [m.start for m in found.dates if _tense_matters(m, reference, lang)]
    if not starts:
        return []
    starts.sort()
    chosen, k = [], 0
    for sent in doc.sents:
        while k < len(starts) and starts[k] < sent.start_char:
            k += 1
        if k < len(starts) and starts[k] < sent.end_char:
            chosen.append(sent)
    return chosen


def _runs(doc: Doc, sentences: list[Span]) -> list[tuple[int, int, int, int]]:
    """Runs of selected sentences as (context start, start, end, context end) token indices: runs
    whose context would overlap are one run."""
    runs: list[list[int]] = []
    for sent in sentences:
        lo, hi = max(0, sent.start - CONTEXT_TOKENS), min(len(doc), sent.end + CONTEXT_TOKENS)
        if runs and lo <= runs[-1][3]:
            runs[-1][2], runs[-1][3] = sent.end, hi
        else:
            runs.append([lo, sent.start, sent.end, hi])
    return [tuple(r) for r in runs]


def _excerpt(doc: Doc, runs: list[tuple[int, int, int, int]]) -> Doc:
    """One Doc of the runs' tokens (context included) with their attributes (a tokenizer exception's
    norm, the sentence starts), each run starting a sentence; the runs are separated by a space."""
    pieces = [doc[lo:hi].as_doc() for lo, _, _, hi in runs]
    for piece in pieces:
        piece[0].is_sent_start = True
    return Doc.from_docs(pieces, ensure_whitespace=True) if len(pieces) > 1 else pieces[0]


def _copy_back(doc: Doc, excerpt: Doc, runs: list[tuple[int, int, int, int]]) -> None:
    """The annotations of the selected sentences, from the excerpt into the article's Doc.

    Heads are relative offsets, the same in both Docs since a sentence is copied whole; the
    sentence starts of the rest of the Doc are put back after the parse sets those it found.
    """
    starts = doc.to_array([SENT_START]).astype(np.int64)
    values = np.zeros((len(doc), len(_COPIED)), dtype=np.uint64)
    parsed = excerpt.to_array(_COPIED)
    offset = 0
    for lo, start, end, hi in runs:
        values[start:end] = parsed[offset + start - lo : offset + end - lo]
        offset += hi - lo
    doc.from_array(_COPIED, values)
    parsed_starts = doc.to_array([SENT_START]).astype(np.int64)
    for _, start, end, _ in runs:
        starts[start:end] = parsed_starts[start:end]
    doc.from_array([SENT_START], starts.astype(np.uint64).reshape(-1, 1))
    doc.set_ents(_entities(excerpt, runs, doc), default="unmodified")


def _entities(excerpt: Doc, runs: list[tuple[int, int, int, int]], doc: Doc) -> list[Span]:
    """The excerpt's entities inside selected sentences, as labelled spans of the article's Doc."""
    spans, offset = [], 0
    for lo, start, end, hi in runs:
        first, last = offset + start - lo, offset + end - lo
        shift = lo - offset
        spans += [Span(doc, e.start + shift, e.end + shift, label=e.label)
                  for e in excerpt.ents if first <= e.start and e.end <= last]
        offset += hi - lo
    return spans


def process_docs(nlp: Language, docs: Iterable[Doc], *, full_parse: bool = False, lang: str,
                 batch_size: int = 64) -> list[Doc]:
    """Run ``nlp`` over unprocessed Docs (from :func:`pipeline.nlp.doc_of`), in order.

    full_parse: every component on every sentence, as ``nlp.pipe`` does; otherwise the
    statistical components see only the selected sentences (module docstring).
    """
    docs = list(docs)
    if full_parse:
        return list(nlp.pipe(docs, batch_size=batch_size))
    pipes = dict(nlp.pipeline)
    for name in TEXT_PIPES:
        if name in pipes:
            docs = [pipes[name](doc) for doc in docs]
    plans = [_runs(doc, selected_sentences(doc, lang)) for doc in docs]
    # a Doc mostly selected is parsed whole: copying would cost more than the little it saves
    whole = [bool(runs) and sum(hi - lo for lo, _, _, hi in runs) >= WHOLE_DOC_SHARE * len(doc)
             for doc, runs in zip(docs, plans, strict=True)]
    parts = [doc if entire else _excerpt(doc, runs)
             for doc, runs, entire in zip(docs, plans, whole, strict=True) if runs]
    for name, proc in nlp.pipeline:
        if name in TEXT_PIPES or name in FACT_PIPES:
            continue
        parts = list(proc.pipe(parts, batch_size=batch_size)) if hasattr(proc, "pipe") else [
            proc(doc) for doc in parts]
    parsed = iter(parts)
    for doc, runs, entire in zip(docs, plans, whole, strict=True):
        if runs:
            part = next(parsed)
            if not entire:
                _copy_back(doc, part, runs)
    for name in FACT_PIPES:
        if name in pipes:
            docs = [pipes[name](doc) for doc in docs]
    return docs
