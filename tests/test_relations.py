"""Relation extraction on parsed Docs built by hand (words, heads, deps, pos, lemmas, ents),
so these tests need no statistical model. Each case is one construction of issue 5."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from pipeline.components import DateFinder, FactExtractor, NumberFinder


@pytest.fixture(scope="module")
def vocab():
    spacy = pytest.importorskip("spacy")
    return spacy.blank("fr").vocab


def build(vocab, rows, ents=(), published="2025-06-19"):
    """rows: (word, space_after, pos, dep, head, lemma); ents: (start, end, label)."""
    words = [r[0] for r in rows]
    doc = Doc(
        vocab, words=words, spaces=[r[1] for r in rows], pos=[r[2] for r in rows],
        deps=[r[3] for r in rows], heads=[r[4] for r in rows], lemmas=[r[5] for r in rows],
        ents=_iob(len(words), ents),
    )
    doc._.published = published
    for component in (DateFinder(None, "d", lang="fr"), NumberFinder(None, "n", lang="fr"),
                      FactExtractor(None, "f", lang="fr", merge=True)):
        doc = component(doc)
    return doc._.facts


def _iob(n, ents):
    tags = ["O"] * n
    for start, end, label in ents:
        tags[start] = f"B-{label}"
        for i in range(start + 1, end):
            tags[i] = f"I-{label}"
    return tags


def slots(fact, *names):
    return tuple(fact[n] for n in names)


# fmt: off
COORDINATED = [
    ("Selon", True, "ADP", "case", 2, "selon"), ("la", True, "DET", "det", 2, "le"),
    ("préfecture", False, "NOUN", "obl:mod", 11, "préfecture"), (",", True, "PUNCT", "punct", 11, ","),
    ("200", True, "NUM", "nummod", 5, "200"), ("morts", True, "NOUN", "nsubj:pass", 11, "mort"),
    ("et", True, "CCONJ", "cc", 8, "et"), ("500", True, "NUM", "nummod", 8, "500"),
    ("blessés", True, "NOUN", "conj", 5, "blessé"), ("ont", True, "AUX", "aux:tense", 11, "avoir"),
    ("été", True, "AUX", "aux:pass", 11, "être"), ("recensés", True, "VERB", "ROOT", 11, "recenser"),
    ("mardi", True, "NOUN", "obl:mod", 11, "mardi"), ("à", True, "ADP", "case", 14, "à"),
    ("Lyon", False, "PROPN", "obl:mod", 11, "Lyon"), (".", False, "PUNCT", "punct", 11, "."),
]
# fmt: on


def test_coordinated_figures_share_verb_date_place_and_source(vocab):
    facts = build(vocab, COORDINATED, ents=[(14, 15, "LOC")])
    assert [f["how_many"] for f in facts] == [200, 500]
    killed, wounded = facts
    assert slots(killed, "who", "event_type") == ("morts", "killed")
    assert slots(wounded, "who", "event_type") == ("blessés", "wounded")
    for f in facts:
        # 2025-06-19 is a Thursday: "mardi" is 2025-06-17
        assert slots(f, "what", "when_start", "when_end", "where", "source") == (
            "ont été recensés", "2025-06-17", "2025-06-17", "Lyon", "préfecture")


# fmt: off
SUBSET = [
    ("300", True, "NUM", "nummod", 1, "300"), ("victimes", False, "NOUN", "nsubj:pass", 9, "victime"),
    (",", True, "PUNCT", "punct", 5, ","), ("dont", True, "PRON", "case", 5, "dont"),
    ("40", True, "NUM", "nummod", 5, "40"), ("enfants", False, "NOUN", "appos", 1, "enfant"),
    (",", True, "PUNCT", "punct", 5, ","), ("ont", True, "AUX", "aux:tense", 9, "avoir"),
    ("été", True, "AUX", "aux:pass", 9, "être"), ("secourues", False, "VERB", "ROOT", 9, "secourir"),
    (".", False, "PUNCT", "punct", 9, "."),
]
# fmt: on


def test_dont_subset_is_a_second_fact_with_its_own_who(vocab):
    total, part = build(vocab, SUBSET)
    assert slots(total, "how_many", "who", "event_type") == (300, "victimes", "casualties")
    assert slots(part, "how_many", "who", "event_type") == (40, "enfants", "casualties")
    assert part["what"] == total["what"] == "ont été secourues"


# fmt: off
NOMINAL = [
    ("L'", False, "DET", "det", 1, "le"), ("arrivée", True, "NOUN", "nsubj:pass", 8, "arrivée"),
    ("de", True, "ADP", "case", 5, "de"), ("5", True, "NUM", "det", 5, "5"), ("000", True, "NUM", "det", 5, "000"),
    ("ouvriers", True, "NOUN", "nmod", 1, "ouvrier"), ("a", True, "AUX", "aux:tense", 8, "avoir"),
    ("été", True, "AUX", "aux:pass", 8, "être"), ("annoncée", True, "VERB", "ROOT", 8, "annoncer"),
    ("hier", True, "ADV", "advmod", 8, "hier"), ("par", True, "ADP", "case", 12, "par"),
    ("le", True, "DET", "det", 12, "le"), ("ministère", False, "NOUN", "obl:agent", 8, "ministère"),
    (".", False, "PUNCT", "punct", 8, "."),
]
# fmt: on


def test_nominal_predicate_and_passive_agent_as_source(vocab):
    (fact,) = build(vocab, NOMINAL)
    assert slots(fact, "how_many", "who", "what", "event_type", "source") == (
        5000, "ouvriers", "arrivée", "deployed", "ministère")
    # the reporting day is used when the sentence gives no other
    assert slots(fact, "when_start", "when_end") == ("2025-06-18", "2025-06-18")


# fmt: off
TWO_DATES = [
    ("60", True, "NUM", "det", 2, "60"), ("000", True, "NUM", "det", 2, "000"),
    ("visiteurs", True, "NOUN", "nsubj", 4, "visiteur"), ("sont", True, "AUX", "aux:tense", 4, "être"),
    ("venus", True, "VERB", "ROOT", 4, "venir"), ("en", True, "ADP", "case", 6, "en"),
    ("2020", True, "NUM", "obl:mod", 4, "2020"), ("et", True, "CCONJ", "cc", 12, "et"),
    ("180", True, "NUM", "det", 10, "180"), ("000", True, "NUM", "det", 10, "000"),
    ("spectateurs", True, "NOUN", "nsubj", 12, "spectateur"), ("ont", True, "AUX", "aux:tense", 12, "avoir"),
    ("assisté", True, "VERB", "conj", 4, "assister"), ("aux", True, "ADP", "case", 14, "à"),
    ("concerts", True, "NOUN", "obl:arg", 12, "concert"), ("en", True, "ADP", "case", 16, "en"),
    ("2019", False, "NUM", "obl:mod", 12, "2019"), (".", False, "PUNCT", "punct", 4, "."),
]
# fmt: on


def test_each_figure_keeps_its_own_date(vocab):
    first, second = build(vocab, TWO_DATES)
    assert slots(first, "how_many", "when_start", "when_end") == (60000, "2020-01-01", "2020-12-31")
    assert slots(second, "how_many", "when_start", "when_end") == (180000, "2019-01-01", "2019-12-31")


# fmt: off
HEADING = [
    ("11", True, "NUM", "det", 2, "11"), ("000", True, "NUM", "det", 2, "000"),
    ("soldats", True, "NOUN", "ROOT", 2, "soldat"), ("nord-coréens", True, "ADJ", "amod", 2, "nord-coréen"),
    ("déployés", False, "VERB", "acl", 2, "déployer"),
]
# fmt: on


def test_heading_with_participle(vocab):
    (fact,) = build(vocab, HEADING)
    assert slots(fact, "how_many", "who", "what", "event_type", "unit", "when_start") == (
        11000, "soldats nord-coréens", "déployés", "deployed", "soldats", None)


def test_repeated_figure_is_merged(vocab):
    paragraph_break = [("\n\n", False, "SPACE", "dep", 4, "\n\n")]
    second = [(w, sp, p, d, h + 6, lem) for w, sp, p, d, h, lem in HEADING]
    facts = build(vocab, HEADING[:-1] + [HEADING[-1][:1] + (True,) + HEADING[-1][2:]] + paragraph_break + second)
    assert len(facts) == 1 and facts[0]["mentions"] == 2
