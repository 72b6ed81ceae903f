"""Parsing only the sentences that need it gives the facts of a full parse (pipeline.parsing)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from pipeline.ingest import read_file
from pipeline.nlp import doc_mentions, doc_of, fact_rows
from pipeline.parsing import CONTEXT_TOKENS, WHOLE_DOC_SHARE, process_docs, selected_sentences

from .conftest import CORPUS

# every column a row holds about its fact (the article's own columns are the same in both modes)
COMPARED = ("who", "what", "event_type", "how_many", "how_many_high", "qualifier", "unit", "when_start",
            "when_end", "where", "source", "evidence", "char_start", "char_end", "mention_start", "mention_end",
            "confidence", "when_granularity", "where_country", "unit_kind", "event_type_from")


def _rows(nlp, articles, full_parse):
    docs = process_docs(nlp, [doc_of(nlp, a) for a in articles], lang="fr", full_parse=full_parse, batch_size=16)
    return [([tuple(r.get(c) for c in COMPARED) for r in fact_rows(a, d)], doc_mentions(d)["dates"])
            for a, d in zip(articles, docs, strict=True)]


def _corpus_articles():
    return [a for path in sorted((CORPUS / "articles").glob("*.txt")) for a in read_file(path)]


@pytest.mark.model
@pytest.mark.parametrize("source", ["articles", "constructions"])
def test_selected_sentences_give_the_facts_and_dates_of_a_full_parse(nlp, source):
    """Fact by fact, every column, and every date mention, on the whole corpus (its test split too: the
    assertion names only the articles that differ, never their facts, so nothing is learnt from it)."""
    if source == "articles":
        articles = _corpus_articles()
    else:
        articles = list(read_file(CORPUS / "constructions" / "sentences.jsonl"))
    differ = []
    for start in range(0, len(articles), 32):
        batch = articles[start : start + 32]
        full, selective = _rows(nlp, batch, True), _rows(nlp, batch, False)
        differ += [a.article_id for a, f, s in zip(batch, full, selective, strict=True) if f != s]
    assert len(articles) > 100
    assert differ == []


@pytest.mark.model
def test_only_sentences_with_a_figure_are_parsed(nlp):
    text = (
        "Le conseil municipal s'est réuni à Lyon.\n\n"
        "Les travaux ont coûté 3 millions d'euros, selon la mairie.\n\n"
        "Le maire a remercié les habitants de leur patience et de leur calme pendant le chantier.\n\n"
        "La prochaine séance aura lieu mardi.\n\n"
        "Elle s'est tenue dans la salle des fêtes rénovée en 2019.\n\n"
        "Les riverains de la place centrale ont salué la fin des nuisances et le retour des marchés du matin.\n\n"
        "Les commerçants du quartier espèrent désormais voir revenir une clientèle fidèle avant les fêtes.\n\n"
        "L'opposition municipale, elle, reproche à la majorité un manque de concertation avec les associations."
    )
    from pipeline.ingest import Article

    article = Article("t", text, published=date(2025, 6, 20))
    doc = doc_of(nlp, article)
    [doc] = process_docs(nlp, [doc], lang="fr")
    sentences = [s.text.strip() for s in doc.sents]
    parsed = [s.text.strip() for s in doc.sents if s[0].dep_]
    # the figure's sentence only
    assert parsed == [sentences[1]]
    # the rest keeps its tokens and sentences, without tags, parse or entities
    assert sentences[0].startswith("Le conseil") and not any(t.pos_ for t in doc[:5])
    assert not [e for e in doc.ents if e.start_char < len("Le conseil municipal s'est réuni à Lyon.")]
    # the facts and the dates read as with a full parse: "mardi" is the next one, in the future tense
    full = process_docs(nlp, [doc_of(nlp, article)], lang="fr", full_parse=True)
    assert doc._.facts and [f["how_many"] for f in doc._.facts] == [f["how_many"] for f in full[0]._.facts]
    assert [d["when_start"] for d in doc._.dates] == [d["when_start"] for d in full[0]._.dates]
    assert [d["when_start"] for d in doc._.dates][0] == "2025-06-24"


@pytest.mark.model
def test_a_doc_without_a_figure_is_not_parsed_and_a_dense_one_is_parsed_whole(nlp):
    from pipeline.ingest import Article

    quiet = doc_of(nlp, Article("q", "Le vent soufflait sur la plaine.\n\nRien ne bougeait.", published=None))
    dense = doc_of(nlp, Article("d", "Au moins 12 morts et 40 blessés à Lyon.\n\nPrès de 300 sinistrés.",
                                published=None))
    assert selected_sentences(nlp.get_pipe("faits_sentences")(quiet), "fr") == []
    quiet, dense = process_docs(nlp, [quiet, dense], lang="fr")
    assert not quiet.has_annotation("DEP") and quiet._.facts == []
    assert all(t.dep_ for t in dense if not t.is_space)
    assert len(dense._.facts) == 3
    assert 0 < WHOLE_DOC_SHARE <= 1 and CONTEXT_TOKENS >= 4


@pytest.mark.model
def test_the_corpus_gold_is_read_from_the_selected_sentences_only():
    """Every gold fact of the dev split sits in a sentence the selection keeps: nothing is lost upstream."""
    from pipeline.nlp import load_nlp

    nlp = load_nlp("fr")
    gold = {}
    for line in (CORPUS / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["split"] == "dev":
            gold[record["article_id"]] = record
    kept = missed = 0
    for article in _corpus_articles():
        if article.article_id not in gold:
            continue
        doc = nlp.get_pipe("faits_sentences")(nlp.get_pipe("faits_hyphens")(doc_of(nlp, article)))
        doc._.published = gold[article.article_id]["published"]
        chosen = " ".join(s.text for s in selected_sentences(doc, "fr"))
        for fact in gold[article.article_id]["facts"]:
            piece = max(fact["evidence"].split("..."), key=len).strip()
            if piece[:40] in chosen:
                kept += 1
            else:
                missed += 1
    assert kept > 800
    assert missed <= kept * 0.01


_DROPPED_TEXT = (
    "Le conseil municipal s'est réuni.\n\n"
    "Les dirigeants des Vingt-Sept ont rencontré Emmanuel Macron à Bruxelles jeudi.\n\n"
    "Le Paris Saint-Germain a battu l'Olympique de Marseille 3 à 1 au Parc des Princes.\n\n"
    "Les travaux ont coûté 3 millions d'euros à Lyon, selon la mairie de Paris."
)


@pytest.mark.model
def test_entities_only_where_a_figure_the_rules_keep_is(nlp):
    """The entity recognizer runs last, on the parsed sentences whose figure the attribute rules keep: a
    number written as a name ("les Vingt-Sept") and a score are parsed (the rules read their parse to drop
    them) but need no entity."""
    from pipeline.ingest import Article

    article = Article("t", _DROPPED_TEXT, published=date(2025, 6, 20))
    [doc] = process_docs(nlp, [doc_of(nlp, article)], lang="fr")
    sentences = list(doc.sents)
    assert len(sentences) == 4
    for dropped in sentences[1:3]:
        assert all(t.dep_ for t in dropped if not t.is_space)  # parsed
        assert not [e for e in doc.ents if dropped.start <= e.start < dropped.end]  # no entity
    cost = sentences[3]
    assert [e.text for e in doc.ents if cost.start <= e.start < cost.end] == ["Lyon", "Paris"]
    assert [f["how_many"] for f in doc._.facts] == [3_000_000]
    # the control: a full parse finds the entities of every sentence, and the same facts
    full = process_docs(nlp, [doc_of(nlp, article)], lang="fr", full_parse=True)[0]
    assert {"Emmanuel Macron", "Bruxelles", "Parc des Princes", "Lyon"} <= {e.text for e in full.ents}
    assert [f["how_many"] for f in full._.facts] == [3_000_000]


@pytest.mark.model
def test_kept_figures_are_the_facts_figures(nlp):
    """The figures kept before the entities are known are those that become facts (merged or not), on every
    dev article of the corpus."""
    facts = nlp.get_pipe("faits_facts")
    dev = {json.loads(line)["article_id"] for line in (CORPUS / "gold.jsonl").open(encoding="utf-8")
           if json.loads(line)["split"] == "dev"}
    articles = [a for a in _corpus_articles() if a.article_id in dev][:40]
    assert not facts.reads_entities_to_keep
    for article in articles:
        [doc] = process_docs(nlp, [doc_of(nlp, article)], lang="fr")
        starts = {f["mention_start"] for f in facts.extractor(doc)}  # every fact, before the merge
        found = {q["core_start"] for q in doc._.quantities if q["start"] in starts}
        assert set(facts.kept_figures(doc)) == found, article.article_id
