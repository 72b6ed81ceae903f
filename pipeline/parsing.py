"""Run the pipeline over Docs, the statistical components only on the sentences that need them.

Most of a news article carries no figure (on French TimeBank, a quarter of the
words are in a sentence with a quantity), yet spaCy's tagger, parser,
lemmatizer and NER cost the same on every word. Quantity and date candidates
are regular expressions and word lists: they are found on the raw text first
(:func:`candidates`), and the statistical components see only the sentences
that hold a quantity candidate (and the sentence before one that holds a
pronoun, where the noun it stands for is). The relation rules read nothing else: a
figure's slots come from its own sentence (its parse, lemmas, entities),
subsets and ellipses link to earlier quantities (in selected sentences too),
repeats merge across the facts; the dates of every sentence are found and
resolved on the raw text, their tense read from the words of their sentence
(:func:`pipeline.dates.guess_tense`), parsed or not.

They are parsed as one smaller Doc per article, each run of selected sentences
with ``CONTEXT_TOKENS`` tokens of its neighbours on either side, so that the
encoder sees each selected word with the context it sees in the whole article;
the annotations of the selected sentences are then copied into the article's
Doc, whose offsets, tokens and sentences are unchanged. faits' own components
run on the whole Doc as before. Sentences not selected keep no tag, parse,
lemma or entity: ``full_parse=True`` runs every component on every sentence.

The entity recognizer (``LATE_PIPE``, spaCy's last component, with an encoder of its own) runs after the
others and after the figures are found, on fewer sentences still: those that hold a figure the attribute
rules keep (:meth:`pipeline.components.FactExtractor.kept_figures`; "les Vingt-Sept", a score, an age are
decided on the parse alone and need no entity), with the sentence before one that holds a pronoun, each run
with the same context, as an excerpt of the parsed Doc. A language whose parse the rules read is relabelled
from its entities (English) keeps them on every selected sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from spacy.attrs import DEP, HEAD, IDX, LEMMA, LOWER, MORPH, NORM, ORTH, POS, SENT_START, SPACY, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Span

from .attribute_rules import ArrayRuler
from .dates import DateMention, find_dates
from .languages import language_data
from .numbers import QuantityMention, find_quantities

# faits' components that read the text only: run on the whole Doc, before the selection
TEXT_PIPES = ("faits_hyphens", "faits_sentences")
# faits' components that read the annotations: run on the whole Doc, after them
FACT_PIPES = ("faits_dates", "faits_numbers", "faits_facts")
# Tokens of neighbouring text parsed with each run of selected sentences, then dropped: the encoder
# of spaCy's models (a window of 1 token, 4 layers deep) sees 4 tokens on either side of a word.
CONTEXT_TOKENS = 4
# a Doc whose selected sentences (with their context) hold this share of its tokens is parsed whole; any
# smaller share is parsed as an excerpt: copying back costs less than parsing a few sentences (on the
# corpus kind of bench/throughput.py, 0.8 had the models read 85,427 tokens of 90,373, 1.0 reads 79,346)
WHOLE_DOC_SHARE = 1.0
# spaCy's component that runs last, on fewer sentences: the entity recognizer (a quarter of a run's CPU on real
# news, as much as the tagger and parser together) on the sentences that hold a figure the rules keep
LATE_PIPE = "ner"
# what is copied from the parsed sentences into the article's Doc (entities are set as spans)
_COPIED = [TAG, POS, MORPH, LEMMA, DEP, HEAD]
_CANDIDATES_KEY = "faits_candidates"
_TEXT_KEY = "faits_text"


def keep_text(doc: Doc, text: str) -> Doc:
    """Keep ``text``, the text ``doc`` was made of, for :func:`doc_text` (what :func:`pipeline.nlp.doc_of`
    does: it has the text at hand)."""
    doc.user_data[_TEXT_KEY] = text
    return doc


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc: spaCy rebuilds it from the tokens on every access (a Token object
    per word, a millisecond an article), and the candidates, the dates and the relations each read it.
    Merging tokens (faits_hyphens) leaves the text as it is."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def doc_mentions(doc: Doc, pattern: re.Pattern) -> bool:
    """Whether the Doc's text holds a match of ``pattern`` (what an article is about, read by the rules of
    every figure in it): searched once per Doc and pattern."""
    key = f"faits_mentions {pattern.flags} {pattern.pattern}"
    found = doc.user_data.get(key)
    if found is None:
        found = doc.user_data[key] = pattern.search(doc_text(doc)) is not None
    return found


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
        text = doc_text(doc)
        dates = find_dates(text, lang)
        quantities = find_quantities(text, lang, exclude=[(m.start, m.end) for m in dates])
        found = doc.user_data[_CANDIDATES_KEY] = Candidates(dates, quantities)
    return found


def forget_candidates(doc: Doc) -> None:
    """Drop the kept candidates (they are not JSON-safe, and a Doc may be serialized)."""
    doc.user_data.pop(_CANDIDATES_KEY, None)


def _sentence_bounds(doc: Doc) -> tuple[np.ndarray, np.ndarray]:
    """The first token of each sentence and the character offset it starts at (from the sentence
    starts faits_sentences set; the Doc is not parsed yet)."""
    arr = doc.to_array([SENT_START, IDX]).astype(np.int64)
    starts = np.flatnonzero(arr[:, 0] == 1)
    if not len(starts) or starts[0] != 0:
        starts = np.concatenate(([0], starts))
    return starts, arr[starts, 1]


def selected_spans(doc: Doc, lang: str, chars: list[int] | None = None,
                   bounds: tuple[np.ndarray, np.ndarray] | None = None) -> list[tuple[int, int]]:
    """The token bounds (start, end) of the sentences the statistical components must see (see the
    module's docstring), in order.

    chars: the figures' character offsets (by default, every quantity candidate's start); bounds: the
    sentences' (:func:`_sentence_bounds`, by default read now)."""
    if chars is None:
        chars = [m.start for m in candidates(doc, lang).quantities]
    if not chars or not len(doc):
        return []
    starts, start_chars = bounds if bounds is not None else _sentence_bounds(doc)
    chosen = set(np.unique(np.searchsorted(start_chars, np.array(chars), side="right") - 1).tolist())
    ends = np.append(starts[1:], len(doc))
    # "Il s'élève à 842 millions", "Onze d'entre eux...", "Selon l'Insee, elles représentent 20 %": a
    # sentence with a pronoun needs the sentence before parsed too, where the noun the pronoun stands for
    # is (the relation rules and the who ranker read it, wherever the pronoun is: only the sentence's
    # first tokens, as before, left the full and the selected parse apart; 25.2% → 25.7% of real news's
    # tokens parsed)
    relations = language_data(lang).relations
    # (and a demonstrative: "Celle-ci recule de 4 %"; the sentences before that count a group are chosen already)
    pronouns = relations["anaphoric_pronouns"] + list(relations["demonstrative_agreement"])
    if pronouns:
        # on the lowercase forms' ids: a Token object per word of each chosen sentence cost more
        strings = doc.vocab.strings
        lowered = doc.to_array([LOWER])
        is_pronoun = np.isin(lowered, np.array([strings[p] for p in set(pronouns)], dtype=lowered.dtype))
        chosen |= {k - 1 for k in chosen if k > 0 and is_pronoun[int(starts[k]) : int(ends[k])].any()}
    return [(int(starts[k]), int(ends[k])) for k in sorted(chosen) if k >= 0]


def selected_sentences(doc: Doc, lang: str) -> list[Span]:
    """The sentences the statistical components must see, as spans of ``doc``, in order."""
    return [doc[start:end] for start, end in selected_spans(doc, lang)]


def _runs(doc: Doc, sentences: list[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    """Runs of selected sentences as (context start, start, end, context end) token indices: runs
    whose context would overlap are one run."""
    runs: list[list[int]] = []
    for start, end in sentences:
        lo, hi = max(0, start - CONTEXT_TOKENS), min(len(doc), end + CONTEXT_TOKENS)
        if runs and lo <= runs[-1][3]:
            runs[-1][2], runs[-1][3] = end, hi
        else:
            runs.append([lo, start, end, hi])
    return [tuple(r) for r in runs]


def _excerpt(doc: Doc, runs: list[tuple[int, int, int, int]]) -> Doc:
    """One Doc of the runs' tokens (context included) with what the models read of them besides their
    text (a tokenizer exception's norm) and the sentence starts, each run starting a sentence; the
    runs are separated by a space."""
    index = np.concatenate([np.arange(lo, hi) for lo, _, _, hi in runs])
    arr = doc.to_array([ORTH, NORM, SPACY, SENT_START])[index]
    strings = doc.vocab.strings
    spaces = arr[:, 2].astype(bool)
    sent_starts = arr[:, 3].astype(np.int64) == 1
    first = np.cumsum([0] + [hi - lo for lo, _, _, hi in runs])
    sent_starts[first[:-1]] = True
    spaces[first[1:] - 1] = True
    excerpt = Doc(doc.vocab, words=[strings[o] for o in arr[:, 0]], spaces=spaces.tolist(),
                  sent_starts=sent_starts.tolist())
    excerpt.from_array([NORM], arr[:, 1:2])
    return excerpt


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
    ents = excerpt.ents  # read once: spaCy builds a Span per entity on every read
    for lo, start, end, hi in runs:
        first, last = offset + start - lo, offset + end - lo
        shift = lo - offset
        spans += [Span(doc, e.start + shift, e.end + shift, label=e.label)
                  for e in ents if first <= e.start and e.end <= last]
        offset += hi - lo
    return spans


# spaCy's attribute rulers and their array form (None: spaCy's own), by the ruler's id
_ARRAY_RULERS: dict[int, tuple[AttributeRuler, ArrayRuler | None]] = {}


def _on_arrays(proc):
    """``proc``, or for an attribute ruler whose rules are all of one token, the same rules applied on
    token arrays (:mod:`pipeline.attribute_rules`: the same annotations, a fraction of the time)."""
    if not isinstance(proc, AttributeRuler):
        return proc
    if id(proc) not in _ARRAY_RULERS:
        _ARRAY_RULERS[id(proc)] = (proc, ArrayRuler.of(proc))
    return _ARRAY_RULERS[id(proc)][1] or proc


def _late_entities(nlp: Language) -> str | None:
    """The name of the entity recognizer when it can run after the facts' figures are known (the last of
    spaCy's components, and a facts component that tells which figures its rules keep), else None."""
    names = [name for name in nlp.pipe_names if name not in TEXT_PIPES and name not in FACT_PIPES]
    if not names or names[-1] != LATE_PIPE or "faits_facts" not in nlp.pipe_names:
        return None
    facts = nlp.get_pipe("faits_facts")
    return LATE_PIPE if getattr(facts, "reads_entities_to_keep", True) is False else None


def _in_part(runs: list[tuple[int, int, int, int]], entire: bool,
             late: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """``late``'s runs (token indices of the article) as indices of the parsed Doc, the excerpt of
    ``runs`` (each late run lies inside one of them: its sentences are selected ones, with the same
    context), or the article itself when it was parsed whole."""
    if entire:
        return late
    out, offset, k = [], 0, 0
    for lo, start, end, hi in late:
        while runs[k][3] < hi:  # the parse run this one lies in
            offset += runs[k][3] - runs[k][0]
            k += 1
        shift = offset - runs[k][0]
        out.append((lo + shift, start + shift, end + shift, hi + shift))
    return out


def process_docs(nlp: Language, docs: Iterable[Doc], *, full_parse: bool = False, lang: str,
                 batch_size: int = 64) -> list[Doc]:
    """Run ``nlp`` over unprocessed Docs (from :func:`pipeline.nlp.doc_of`), in order.

    full_parse: every component on every sentence, as ``nlp.pipe`` does; otherwise the
    statistical components see only the selected sentences (module docstring), and the entity
    recognizer (:data:`LATE_PIPE`) only those of them that hold a figure the rules keep.
    """
    docs = list(docs)
    if full_parse:
        return list(nlp.pipe(docs, batch_size=batch_size))
    pipes = dict(nlp.pipeline)
    for name in TEXT_PIPES:
        if name in pipes:
            docs = [pipes[name](doc) for doc in docs]
    bounds = [_sentence_bounds(doc) if len(doc) else None for doc in docs]
    selected = [selected_spans(doc, lang, bounds=b) for doc, b in zip(docs, bounds, strict=True)]
    plans = [_runs(doc, spans) for doc, spans in zip(docs, selected, strict=True)]
    # a Doc whose every token is selected (WHOLE_DOC_SHARE) is parsed whole: no excerpt to copy back
    whole = [bool(runs) and sum(hi - lo for lo, _, _, hi in runs) >= WHOLE_DOC_SHARE * len(doc)
             for doc, runs in zip(docs, plans, strict=True)]
    parts = [doc if entire else _excerpt(doc, runs)
             for doc, runs, entire in zip(docs, plans, whole, strict=True) if runs]
    late = _late_entities(nlp)
    for name, proc in nlp.pipeline:
        if name in TEXT_PIPES or name in FACT_PIPES or name == late:
            continue
        parts = _run_pipe(_on_arrays(proc), parts, batch_size)
    parsed = iter(parts)
    done = []  # (article, parsed Doc, its runs, parsed whole)
    for doc, runs, entire in zip(docs, plans, whole, strict=True):
        if runs:
            part = next(parsed)
            if not entire:
                _copy_back(doc, part, runs)
            done.append((doc, part, runs, entire))
    ran = set()
    if late is not None:
        # the figures come first (they read no entity), then the entities of the sentences that hold one the
        # rules keep: a figure the attribute rules drop ("les Vingt-Sept", an age) is decided on the parse
        for name in FACT_PIPES[:-1]:
            if name in pipes:
                docs = [pipes[name](doc) for doc in docs]
                ran.add(name)
        _late_pipe(pipes, late, lang, done, dict(zip(map(id, docs), bounds, strict=True)), batch_size)
    for name in FACT_PIPES:
        if name in pipes and name not in ran:
            docs = [pipes[name](doc) for doc in docs]
    return docs


def _run_pipe(proc, parts: list[Doc], batch_size: int) -> list[Doc]:
    return list(proc.pipe(parts, batch_size=batch_size)) if hasattr(proc, "pipe") else [proc(doc) for doc in parts]


def _late_pipe(pipes: dict, late: str, lang: str, done: list, bounds: dict, batch_size: int) -> None:
    """The entity recognizer on the parsed sentences that hold a figure the rules keep (with the sentence
    before one that holds a pronoun, as :func:`selected_spans` chooses), each run with its context, as an
    excerpt of the parsed Doc (its sentence starts the parser's); the entities set on the article's Doc."""
    facts = pipes["faits_facts"]
    jobs = []
    for doc, part, runs, entire in done:
        spans = selected_spans(doc, lang, chars=facts.kept_figures(doc), bounds=bounds[id(doc)])
        if spans:
            late_runs = _runs(doc, spans)
            # every selected sentence (most of a Doc dense with figures): the parsed Doc itself, as before
            jobs.append((doc, late_runs, part if late_runs == runs else _excerpt(
                part, _in_part(runs, entire, late_runs))))
    found = _run_pipe(pipes[late], [excerpt for _, _, excerpt in jobs], batch_size)
    for (doc, late_runs, _), excerpt in zip(jobs, found, strict=True):
        if excerpt is not doc:  # (a Doc parsed whole has its entities)
            doc.set_ents(_entities(excerpt, late_runs, doc), default="unmodified")
