"""The Python API: articles in, facts table out.

    >>> import pipeline
    >>> df = pipeline.extract(["corpus/articles"])          # paths, globs, dirs or texts
    >>> summary = pipeline.run(["corpus/articles"], "outputs")  # also writes the table
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import components  # noqa: F401  (registers the factories)
from .errors import Errors, FaitsError
from .ingest import DEFAULT_MAX_BYTES, Article, Skipped, read_inputs
from .language_id import detect_language
from .languages import DEFAULT_LANG, language_data, supported_languages
from .table import FORMATS, facts_frame, write_table

FAITS_PIPES = ("faits_dates", "faits_numbers", "faits_facts")


def add_faits_pipes(nlp: Language, lang: str = DEFAULT_LANG) -> Language:
    """Add faits' components to a loaded spaCy pipeline (in place) and return it."""
    if "faits_hyphens" not in nlp.pipe_names:
        nlp.add_pipe("faits_hyphens", first=True)
    if "faits_sentences" not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe("faits_sentences", before=before) if before else nlp.add_pipe(
            "faits_sentences", first=True
        )
    for name in FAITS_PIPES:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, config={"lang": lang})
    return nlp


@lru_cache(maxsize=4)
def load_nlp(lang: str = DEFAULT_LANG) -> Language:
    """The language's spaCy model with faits' components; loaded once per process."""
    model = language_data(lang).spacy_model
    try:
        nlp = spacy.load(model)
    except OSError as e:
        raise FaitsError(Errors.E002.format(model=model)) from e
    return add_faits_pipes(nlp, lang)


@dataclass
class RunSummary:
    """What a run did; nothing read is left out of it."""

    read: int = 0
    processed: int = 0
    facts: int = 0
    seconds: float = 0.0
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"read {self.read}, processed {self.processed}, skipped {len(self.skipped)}, "
            f"facts {self.facts}, {self.seconds:.1f} s"
        )


def _screen(items: Iterable[Article | Skipped], lang: str, summary: RunSummary) -> Iterator[Article]:
    """Articles fit for ``lang``'s pipeline; everything else goes to the summary with its reason."""
    supported = supported_languages()
    seen: dict[str, str] = {}
    for item in items:
        summary.read += 1
        if isinstance(item, Skipped):
            summary.skipped.append(item)
            continue
        for w in item.warnings:
            summary.warnings.append(f"{item.origin}: {w}")
        declared = (item.lang or "").lower()[:2] or None
        guess = detect_language(item.text)
        found = declared or (guess.code if guess.confident else lang)
        if found != lang:
            reason = Errors.E018.format(lang=found, supported=", ".join(supported))
            summary.skipped.append(Skipped(item.origin, reason, item.article_id))
            continue
        digest = item.content_hash
        if digest in seen:
            summary.skipped.append(
                Skipped(item.origin, Errors.E021.format(other=seen[digest]), item.article_id)
            )
            continue
        seen[digest] = item.origin
        yield item


def _doc_of(nlp: Language, article: Article) -> Doc:
    doc = nlp.make_doc(article.text)
    doc._.article_id = article.article_id
    doc._.published = article.published.isoformat() if article.published else None
    return doc


def fact_rows(article: Article, doc: Doc) -> list[dict]:
    """The table rows of one processed article, numbered in order of first mention."""
    rows = []
    for n, fact in enumerate(doc._.facts or [], start=1):
        row = dict(fact)
        row.update(
            article_id=article.article_id,
            fact_id=n,
            published=article.published,
            mentions=fact.get("mentions", 1),
        )
        rows.append(row)
    return rows


def process(
    articles: Iterable[Article],
    nlp: Language,
    *,
    batch_size: int = 16,
    n_process: int = 1,
) -> Iterator[tuple[Article, Doc]]:
    """Run the pipeline over articles, streaming; yields each article with its Doc."""
    pending: dict[int, Article] = {}

    def docs() -> Iterator[tuple[Doc, int]]:
        for n, article in enumerate(articles):
            pending[n] = article
            yield _doc_of(nlp, article), n

    for doc, n in nlp.pipe(docs(), as_tuples=True, batch_size=batch_size, n_process=n_process):
        yield pending.pop(n), doc


def _progress(iterable, enabled: bool, total: int | None = None):
    if not enabled:
        return iterable
    from tqdm import tqdm

    return tqdm(iterable, total=total, unit="article", desc="faits", leave=False)


def extract_with_summary(
    inputs: Iterable[str | Path | Article],
    *,
    lang: str = DEFAULT_LANG,
    nlp: Language | None = None,
    progress: bool = False,
    batch_size: int = 16,
    n_process: int = 1,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[pd.DataFrame, RunSummary]:
    """Like :func:`extract`, also returning the :class:`RunSummary` (skipped inputs and why)."""
    started = time.perf_counter()
    nlp = nlp or load_nlp(lang)
    summary = RunSummary()
    articles = _screen(read_inputs(inputs, max_bytes=max_bytes), lang, summary)
    rows: list[dict] = []
    for article, doc in _progress(process(articles, nlp, batch_size=batch_size, n_process=n_process), progress):
        summary.processed += 1
        rows.extend(fact_rows(article, doc))
    summary.facts = len(rows)
    summary.seconds = time.perf_counter() - started
    df = facts_frame(rows)
    return df, summary


def extract(inputs: Iterable[str | Path | Article] | str | Path, **kwargs) -> pd.DataFrame:
    """Facts of the given articles as a DataFrame with SPEC's columns.

    inputs: files (.txt, .jsonl, .csv), directories, globs, raw article
    texts or :class:`Article` objects; a single path or text is accepted too.
    Skipped inputs and their reasons are in ``df.attrs["skipped"]``.
    """
    if isinstance(inputs, (str, Path, Article)):
        inputs = [inputs]
    df, summary = extract_with_summary(inputs, **kwargs)
    df.attrs["skipped"] = [(s.origin, s.reason) for s in summary.skipped]
    return df


def run(
    inputs: Iterable[str | Path],
    out_dir: str | Path,
    *,
    formats: Iterable[str] = FORMATS,
    **kwargs,
) -> RunSummary:
    """Extract and write the facts table as ``facts.csv``, ``facts.parquet``, ``facts.jsonl``."""
    df, summary = extract_with_summary(inputs, **kwargs)
    summary.outputs = write_table(df, Path(out_dir), tuple(formats))
    return summary
