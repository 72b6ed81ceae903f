"""The language's spaCy pipeline with faits' components, and what one processed Doc gives back.

Both the runner (:mod:`pipeline.api`) and the engines that run the NLP
(:mod:`pipeline.engines`) use these; neither imports the other's internals.
"""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import components  # noqa: F401  (registers the factories)
from .blas import use_numpy_blas
from .errors import Errors, FaitsError
from .ingest import Article
from .languages import DEFAULT_LANG, model_env_var, model_name
from .parsing import keep_text
from .textmap import bound_row, restore_rows, visible_text
from .tokenizing import make_doc

FAITS_PIPES = ("faits_dates", "faits_numbers", "faits_facts")
ENTITY_LABELS = ("PER", "ORG", "LOC", "MISC")


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


def index_lemmas_as_sets(nlp: Language) -> Language:
    """Turn the word lists of a rule lemmatizer's ``lemma_index`` table into sets (in place).

    spaCy's rule lemmatizers (French among them) ask ``word in index`` once per unseen word
    and once per suffix rule; the model ships each index as a list (66,000 nouns in French),
    so every question scanned it: the lemmatizer was the costliest component of the French
    pipeline. Sets answer the same questions, and the lemmas are the same.
    """
    for _, component in nlp.pipeline:
        lookups = getattr(component, "lookups", None)
        if lookups is None or not lookups.has_table("lemma_index"):
            continue
        table = lookups.get_table("lemma_index")
        for key, words in list(table.items()):
            if isinstance(words, list):
                table[key] = frozenset(words)
    return nlp


# The loaded pipelines of this process, one per language and model: each loaded when first needed.
_LOADED: dict[tuple[str, str], Language] = {}


def load_nlp(lang: str = DEFAULT_LANG, model: str | None = None) -> Language:
    """The spaCy pipeline of ``lang`` with faits' components; loaded once per process, when first asked for.

    model (str | None): the spaCy model to load; by default the language's (:func:`languages.model_name`:
        ``FAITS_MODEL_<LANG>``, else ``spacy_model`` of its ``language.json``).
    """
    model = model or model_name(lang)
    key = (lang, model)
    if key not in _LOADED:
        try:
            nlp = spacy.load(model)
        except OSError as e:
            raise FaitsError(Errors.E002.format(model=model, lang=lang, env=model_env_var(lang))) from e
        use_numpy_blas(nlp)  # the models' matrix products: numpy's BLAS on one thread (pipeline.blas)
        _LOADED[key] = add_faits_pipes(index_lemmas_as_sets(nlp), lang)
    return _LOADED[key]


def loaded_nlp(lang: str) -> Language | None:
    """A pipeline of ``lang`` this process has loaded already, or None (nothing is loaded)."""
    return next((nlp for (code, _), nlp in _LOADED.items() if code == lang), None)


def loaded_count() -> int:
    """How many pipelines this process has loaded (one per language and model)."""
    return len(_LOADED)


def tokenize(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)`` (each whitespace-separated chunk tokenized once: :mod:`pipeline.tokenizing`),
    also for a text longer than spaCy's ``nlp.max_length`` (1,000,000
    characters), which spaCy refuses (E088): such a text is tokenized in pieces cut after a paragraph
    break (a line break when a paragraph is longer than the limit), joined into one Doc whose text is
    the text, so that every offset stays in the article's coordinates."""
    limit = nlp.max_length
    if len(text) <= limit:
        return make_doc(nlp, text)
    pieces, start = [], 0
    while start < len(text):
        end = min(len(text), start + limit)
        if end < len(text):
            # the last paragraph break of the piece, else its last line break, else its last space
            for sep in ("\n\n", "\n", " "):
                cut = text.rfind(sep, start + 1, end)
                if cut > start:
                    end = cut + len(sep)
                    break
        pieces.append(make_doc(nlp, text[start:end]))
        start = end
    return Doc.from_docs(pieces, ensure_whitespace=False)


def doc_of(nlp: Language, article: Article) -> Doc:
    """The article as an unprocessed Doc carrying its id and publication date: its text without its
    format characters (zero-width spaces, bidirectional marks; see :mod:`pipeline.textmap`)."""
    text = visible_text(article.text)[0]
    doc = keep_text(tokenize(nlp, text), text)
    doc._.article_id = article.article_id
    doc._.published = article.published.isoformat() if article.published else None
    return doc


def fact_rows(article: Article, doc: Doc) -> list[dict]:
    """The table rows of one processed article, numbered in order of first mention.

    Offsets refer to the article's text (the Doc's, without format characters, are mapped back),
    and each row is bounded in size (:func:`textmap.bound_row`)."""
    rows = []
    for n, fact in enumerate(doc._.facts or [], start=1):
        row = dict(fact)
        row.update(
            article_id=article.article_id,
            fact_id=n,
            published=article.published,
            url=article.url,
            title=article.title,
            mentions=fact.get("mentions", 1),
            lang=article.lang or doc.lang_,
        )
        rows.append(row)
    # offsets back into the article's text when format characters were taken out (doc.text would rebuild
    # the whole text from the tokens to tell)
    restore_rows(rows, article.text, visible_text(article.text)[1])
    return [bound_row(row, article.text) for row in rows]


def doc_mentions(doc: Doc) -> dict[str, list[dict]]:
    """Every number, date and entity mention of a processed Doc, as SPEC section 6 scores them (JSON-safe)."""
    return {
        "numbers": [{"value": q["value"], "qualifier": q["qualifier"], "text": q["text"],
                     "start": q["start"], "end": q["end"]} for q in doc._.quantities or []],
        "dates": [{"start": d["when_start"], "end": d["when_end"], "text": d["text"]}
                  for d in doc._.dates or [] if d["when_start"]],
        "entities": [{"text": e.text, "label": e.label_} for e in doc.ents if e.label_ in ENTITY_LABELS],
    }
